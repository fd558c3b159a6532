"""Making the parts of the site: each part's pages, charts, share images and downloads generated and written under
its folder of pages, then built by the engine; on all cores, a region's part in a process of its own.

The one place that starts worker processes for parts (drawing.py and share.py draw on all cores within a part).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from generator.base import i18n, urls
from generator.base.paths import Paths
from generator.base.timing import Stage, no_timing
from generator.build import drawing, forking, parts, share, state
from generator.build.parts import Part
from generator.build.writer import Writer
from generator.downloads import files
from generator.engine import mkdocs
from generator.package import regional
from generator.pages import render, synonyms
from generator.pages.catalogue import Catalogue, catalogue
from generator.site.assemble import Site, region_site


@dataclass(frozen=True)
class Job:
    """What every part is made from; forked worker processes inherit it instead of receiving a copy."""

    paths: Paths
    site: Site
    languages: tuple[str, ...]
    when: datetime.datetime
    catalogue: Catalogue  # every page and chart, listed once
    # The rows each region's part is made from (package/regional.py region_rows), by the part's name, for a site in
    # parts (``part_site``).
    made_from: dict[str, regional.Positions] = field(default_factory=dict)


# What a forked worker makes parts of (make): the job, every part, the digests to record, the processes at work.
_work: tuple | None = None


def make(job: Job, todo: list[Part], every, digests: dict[str, str] | None, jobs: int, stage: Stage) -> None:
    """Generate each part of ``todo`` and, given the ``digests`` to record, build it (MkDocs, search index).

    A single part (or one job): in this process, its charts, share images and editions on all cores. Several:
    the regions in ``jobs`` forked processes, which share this one's memory of the site instead of copying it, each
    part generated and built in one go, while this one makes the hub (its downloads use pyarrow's threads, which a
    fork would not take along). A forked process draws its charts in fresh processes. Each part's editions are
    built side by side, so that the last part to be built still uses every core."""
    global _work
    regions = [part for part in todo if not part.hub]
    if jobs == 1 or not regions or len(todo) == 1:
        for part in todo:
            make_part(job, part, every, digests, parallel=jobs > 1, jobs=jobs, stage=stage)
        return
    _work = (job, every, digests, jobs)
    try:
        with stage("parts, side by side"), forking.pool(jobs) as pool:
            made = pool.map(_make_in_worker, regions)  # the workers start now, before the hub's work
            for part in todo:
                if part.hub:
                    make_part(job, part, every, digests, parallel=False, jobs=jobs)
            list(made)  # a worker's error is raised here
    finally:
        _work = None


def _make_in_worker(part: Part) -> None:
    drawing.draw_elsewhere()
    assert _work is not None  # set by make before the workers start
    job, every, digests, jobs = _work
    make_part(job, part, every, digests, parallel=False, jobs=jobs)


def make_part(job: Job, part: Part, every, digests: dict[str, str] | None, parallel: bool, jobs: int = 1,
              stage: Stage = no_timing) -> None:  # fmt: skip
    """Generate a part and, given the ``digests`` to record, build it and record its digest."""
    with stage("generate"):
        generate_part(job, part, parallel)
    if digests is not None:
        searched = list(parts.search_groups(every))
        mkdocs.build_part(
            job.paths, part.name, part.hub, searched, job.when, stage, job.languages, jobs,
            job.site.settings.report_error_url,
        )  # fmt: skip
        state.write_part_state(job.paths, part, {"digest": digests[part.name]})


def generate_part(job: Job, part: Part, parallel: bool) -> None:
    """Write a part's charts, pages and share images (the hub: also the downloads and the search's synonyms; a
    region: its plans' slices and its workbook) under its folder of pages, each as soon as it is made."""
    paths = job.paths
    site, listed = part_site(job, part)
    writer = Writer(paths.part_docs(part.name))
    owners = listed.owners()
    link = render.links(lambda target: not part.holds_owner(owners.get(urls.link_path(target))))
    mine = [drawn for drawn in listed.charts if part.holds_owner(drawn.owner)]
    # The charts first, drawn together (on all cores when ``parallel``), since the pages hold them.
    svgs = drawing.draw_all([drawn.localised for drawn in mine], paths.chart_cache, parallel)
    figures: dict[str, dict[str, render.Figure]] = {lang: {} for lang in job.languages}
    for drawn in mine:
        chart = drawn.localised
        svg, wide_svg = svgs[chart.path], svgs[chart.wide_path]
        writer.write(chart.path, svg)
        writer.write(chart.wide_path, wide_svg)
        writer.write(chart.data_path, chart.csv())
        figures[drawn.lang][drawn.chart.path] = render.Figure(drawn.chart, svg, wide_svg)
    # The hub's downloads before its pages: the data page gives each file's size (render.render_page's ``sizes``).
    # Each plan's slices, and a region's workbook, are written by the part that holds the plans: with the other
    # downloads in a site of one part.
    sizes: dict[str, int] = {}
    plans = parts.plans_of(site.model, part)
    held = [region for region in site.model.regions if part.holds(region.code)]
    if part.hub:
        readme = render.package_readme(site)
        writer.write_all(_sized(files.site_files(site, readme, job.when, every_plan=bool(plans)), sizes))
        writer.write(urls.SEARCH_SYNONYMS, synonyms.synonyms_json(synonyms.read_groups()))
    elif site.package is not None:
        for region in held:
            own = {plan.plan_id for plan in region.plans}
            made = files.region_files(
                site.package, site.descriptor, region.code, region.division.name_zh, own, job.when
            )
            writer.write_all((urls.download(path), data) for path, data in made)
    paths.template_cache.mkdir(parents=True, exist_ok=True)
    envs = {lang: render.environment(site.model, lang, site.settings, paths.template_cache) for lang in job.languages}
    for lang, env in envs.items():
        writer.write(i18n.page_path(urls.NAVIGATION, lang), render.navigation(env, site, held, part.hub, link))
    for page in listed.pages:
        if part.holds_owner(page.owner):
            writer.write(page.path, render.render_page(envs[page.lang], site, page, figures[page.lang], link, sizes))
    writer.write_all(share.share_images(site.model, job.languages, plans, whole_site=part.hub, parallel=parallel))


def part_site(job: Job, part: Part) -> tuple[Site, Catalogue]:
    """What a part is made from, and its catalogue: the whole site for the hub or a site of one part; for a region's
    part in a site in parts, the site made from its own rows (site/assemble.region_site), of which it reads no
    other region's rows."""
    if part.hub or part.name not in job.made_from or job.site.package is None:
        return job.site, job.catalogue
    package, rows = job.site.package, job.made_from[part.name]
    site = region_site(job.site, regional.picked(package.tables, rows), regional.picked(package.text_rows, rows))
    return site, catalogue(site, job.languages)


def _sized(made: Iterable[tuple[str, bytes]], sizes: dict[str, int]) -> Iterator[tuple[str, bytes]]:
    """The files as they are made, each one's size kept in ``sizes`` by its address."""
    for path, data in made:
        sizes[path] = len(data)
        yield path, data
