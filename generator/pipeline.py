"""The pipeline, top to bottom: load → validate → assemble → generate → publish.

Each stage is a folder of its own (package/, site/, pages/, downloads/, build/, engine/); this module only calls
them in order. The site is built in parts (build/parts.py): each part's pages, charts and downloads are generated
and written under its folder of pages as they are rendered (build/workers.py), then the engine builds each part
(engine/) and the parts are put together into site/ with their search index (publish.py). A part whose inputs have
the same digest as at the last build is neither generated nor built again (build/digests.py, build/state.py).
``stage`` wraps each step (the benchmark times them) and ``languages`` picks the editions.
"""

from __future__ import annotations

import dataclasses
import datetime
import os

from generator import publish
from generator.base.i18n import LANGUAGES
from generator.base.paths import Paths
from generator.base.problems import GeneratorError, InvalidPackage, Problem
from generator.base.timing import Stage, no_timing
from generator.build import checking, lock, parts, share, state, workers
from generator.build.digests import common_digest, part_digests
from generator.engine import mkdocs
from generator.package import load, regional, validate
from generator.pages.catalogue import catalogue
from generator.site.assemble import assemble


def check(paths: Paths, stage: Stage = no_timing, jobs: int | None = None) -> tuple[load.Inputs, validate.Validation]:
    """Load and validate (a package of several regions a region at a time, in ``jobs`` processes, each region's
    verdict kept until its rows change: build/checking.py); raise InvalidPackage with every problem found, else
    return the inputs and what validation found (its report, its warnings, and the typed tables)."""
    with stage("load"):
        inputs = load.load(paths)
    with stage("validate"):
        validation = validate.validate(inputs, share.DRAWING, checking.kept(paths, jobs or os.cpu_count() or 1))
    if validation.problems:
        raise InvalidPackage(validation.problems, validation.warnings)
    return inputs, validation


def build(
    paths: Paths,
    *,
    run_mkdocs: bool = True,
    stage: Stage = no_timing,
    languages=LANGUAGES,
    clean: bool = False,
    jobs: int | None = None,
    only: str | None = None,
    releasing: bool = False,
    report_error_url: str = "",
) -> list[Problem]:
    """The whole pipeline: check, assemble, generate the parts' pages and downloads, build them, publish site/.

    Incremental unless ``clean``: only the parts whose digest changed since their last build are generated and
    built (Paths.build_state says which were); the site is the same bytes as a clean build's. ``jobs`` processes
    work side by side (default: one per core). With ``only`` (a part's name: ``parts``), that part alone is built,
    if it changed, and nothing is published: one job of a build spread over machines (README). With ``run_mkdocs``
    false, every part's pages are generated and nothing is built. Returns the warnings validation found (the build
    went on despite them). One build at a time runs in a checkout (build/lock.py): a second one started
    meanwhile stops with a GeneratorError. ``releasing``: this build makes the release of the descriptor's version
    (release.py), so its pages and files name that version as released. ``report_error_url``: where "report an
    error" leads when mkdocs.yml sets no extra.report_error_url (release.py: the issue form of the repository the
    site is published to)."""
    jobs = jobs or os.cpu_count() or 1
    with lock.exclusive(paths):
        inputs, validation = check(paths, stage, jobs)
        if report_error_url and not inputs.settings.report_error_url:
            settings = dataclasses.replace(inputs.settings, report_error_url=report_error_url)
            inputs = dataclasses.replace(inputs, settings=settings)
        with stage("assemble"):
            site = assemble(inputs, validation.tables, releasing, validation.report)
        when = build_time(site.descriptor)
        every = parts.split(site.model)
        if only is not None and only not in {part.name for part in every}:
            raise GeneratorError(f"no part {only!r}: the parts are {', '.join(part.name for part in every)}")
        regions = {part.name: part.regions for part in every if not part.hub}
        made_from = regional.parts_rows(inputs.relations, validation.tables, validation.owners, regions)
        job = workers.Job(paths, site, tuple(languages), when, catalogue(site, tuple(languages)), made_from)
        digests = part_digests(paths, inputs, site, every, languages, when, made_from=made_from)
        last = state.read_state(paths, every) if run_mkdocs and not clean else {}
        todo = [p for p in every if state.stale(paths, p, digests[p.name], last) and only in (None, p.name)]
        workers.make(job, todo, every, digests if run_mkdocs else None, jobs, stage)
        if not run_mkdocs:
            return validation.warnings
        if only is None:
            index_searches(paths, every, digests, when, jobs, stage, languages)
        # The site as published is the parts at these digests; a build stopped between building parts and
        # publishing them left an older site, which is published again.
        published = common_digest([(name, digest.encode()) for name, digest in digests.items()], {})
        if only is None and (published != state.last_published(paths) or not paths.site_dir.is_dir()):
            state.forget_other_parts(paths, every)
            publish.publish_site(paths, every, job.when, stage)
        state.write_state(paths, todo, published if only is None else state.last_published(paths))
    return validation.warnings


def index_searches(paths: Paths, every, digests: dict[str, str], when: datetime.datetime, jobs: int,
                   stage: Stage = no_timing, languages=LANGUAGES) -> None:  # fmt: skip
    """The search index of each group of regions whose parts changed (build/parts.py search_groups), from the
    parts' built pages."""
    searches = state.search_digests(every, digests)
    stale = state.stale_searches(paths, searches)
    groups = parts.search_groups(every)
    if not stale:
        return
    with stage("search index"):
        members = {group: [part.name for part in groups[group]] for group in stale}
        mkdocs.index_groups(paths, members, when, jobs, languages)
    for group in stale:
        state.write_search_state(paths, group, searches[group])


def part_names(paths: Paths) -> list[str]:
    """The parts of the site the package makes, in the order they are built (``build(only=...)``)."""
    inputs, validation = check(paths)
    return [part.name for part in parts.split(assemble(inputs, validation.tables).model)]


def build_time(descriptor: dict) -> datetime.datetime:
    """The time stamped into built files: SOURCE_DATE_EPOCH if set, else the package's creation date.

    Never the clock, so that two builds of one commit are byte-identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).replace(tzinfo=None)
    return datetime.datetime.fromisoformat(descriptor["created"].replace("Z", "+00:00")).replace(tzinfo=None)


def serve(paths: Paths, lang: str) -> None:
    """Build, then preview an edition of the site's hub (or single part), reloading as hand-written pages change."""
    build(paths)
    inputs, validation = check(paths)
    hub = next(part for part in parts.split(assemble(inputs, validation.tables).model) if part.hub)
    mkdocs.serve(paths, hub.name, lang)
