"""The pipeline, top to bottom: load → validate → assemble → generate → publish.

Each stage is a module of its own; this one only calls them in order. The site is built in parts (parts.py): each
part's pages, charts and downloads are generated and written under its folder of pages as they are rendered, then
MkDocs builds each part and the parts are put together into site/ with their search index (publish.py). A part whose
inputs have the same digest as at the last build is neither generated nor built again. ``stage`` wraps each step
(the benchmark times them) and ``languages`` picks the editions.
"""

from __future__ import annotations

import datetime
import json
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor

from . import charts, downloads, load, manifest, parts, publish, render, share, synonyms, urls, validate
from .editions import english_name
from .i18n import LANGUAGES
from .parts import Part
from .paths import SITE_CONFIGURATION, Paths
from .problems import InvalidPackage, Problem
from .site import Site, assemble
from .timing import Stage, no_timing


def check(paths: Paths, stage: Stage = no_timing) -> tuple[load.Inputs, validate.Validation]:
    """Load and validate; raise InvalidPackage with every problem found, else return the inputs and what
    validation found (its report, its warnings, and the typed tables)."""
    with stage("load"):
        inputs = load.load(paths)
    with stage("validate"):
        validation = validate.validate(inputs)
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
) -> list[Problem]:
    """The whole pipeline: check, assemble, generate the parts' pages and downloads, build them, publish site/.

    Incremental unless ``clean``: only the parts whose digest changed since the last build are generated and built
    (Paths.build_state says which were); the site is the same bytes as a clean build's. ``jobs`` processes work
    side by side (default: one per core). With ``run_mkdocs`` false, every part's pages are generated and nothing is
    built. Returns the warnings validation found (the build went on despite them). One build at a time runs in a
    checkout (publish.exclusive): a second one started meanwhile stops with a GeneratorError."""
    jobs = jobs or os.cpu_count() or 1
    with publish.exclusive(paths):
        inputs, validation = check(paths, stage)
        with stage("assemble"):
            site = assemble(inputs, validation.tables)
        job = Job(paths, site, inputs, validation, tuple(languages), build_time(site.descriptor))
        every = parts.split(site.model)
        digests = part_digests(paths, inputs, site, every, languages)
        last = _read_state(paths) if run_mkdocs and not clean else {}
        todo = [part for part in every if _stale(paths, part, digests[part.name], last)]
        with stage("generate"):
            listings = generate(job, todo, jobs)
        if not run_mkdocs:
            return validation.warnings
        listings = {part.name: listings.get(part.name) or last[part.name]["files"] for part in every}
        if todo or not paths.site_dir.is_dir():
            publish.build_parts(paths, todo, links(every, todo, listings, site), job.when, stage, languages, jobs)
            _forget_other_parts(paths, every)
            publish.publish_site(paths, every, job.when, stage)
        _write_state(paths, {p.name: {"digest": digests[p.name], "files": listings[p.name]} for p in every}, todo)
    return validation.warnings


def build_time(descriptor: dict) -> datetime.datetime:
    """The time stamped into built files: SOURCE_DATE_EPOCH if set, else the package's creation date.

    Never the clock, so that two builds of one commit are byte-identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).replace(tzinfo=None)
    return datetime.datetime.fromisoformat(descriptor["created"].replace("Z", "+00:00")).replace(tzinfo=None)


# Generating the parts: on all cores, each part in a process of its own


class Job:
    """What every part is generated from; forked worker processes inherit it instead of receiving a copy."""

    def __init__(self, paths, site, inputs, validation, languages, when):
        self.paths, self.site, self.inputs, self.validation = paths, site, inputs, validation
        self.languages, self.when = languages, when


_job: Job | None = None  # the job a forked worker generates parts of (generate)


def generate(job: Job, todo: list[Part], jobs: int) -> dict[str, list[str]]:
    """Generate each part of ``todo``; return each one's files (its listing). One part, or one job: in this
    process, the charts and share images on all cores. Else the regions in forked processes, which share this
    one's memory of the site instead of copying it, while this one generates the hub (its downloads use pyarrow's
    threads, which a fork would not take along). A forked process draws its charts in fresh processes."""
    global _job
    regions = [part for part in todo if not part.hub]
    if jobs == 1 or not regions or len(todo) == 1:
        return {part.name: generate_part(job, part, parallel=jobs > 1) for part in todo}
    _job = job
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=max(1, jobs - 1), mp_context=context) as pool:
            generated = pool.map(_generate_in_worker, regions)  # the workers start now, before the hub's work
            listings = {part.name: generate_part(job, part, parallel=False) for part in todo if part.hub}
            listings |= dict(zip((part.name for part in regions), generated, strict=True))
    finally:
        _job = None
    return {part.name: listings[part.name] for part in todo}


def _generate_in_worker(part: Part) -> list[str]:
    charts.draw_elsewhere()
    return generate_part(_job, part, parallel=False)


def generate_part(job: Job, part: Part, parallel: bool) -> list[str]:
    """Write a part's pages, charts and share images (the hub: also the downloads and the search's synonyms) under
    its folder of pages, each as soon as it is made, and return the listing of that folder."""
    paths, site = job.paths, job.site
    docs = paths.part_docs(part.name, part.hub)
    writer = publish.Writer(paths, docs, None if part.hub else [docs])
    writer.write_all(render.render_pages(site, job.languages, part, paths.chart_cache, parallel))
    plans = parts.plans_of(site.model, part)
    writer.write_all(share.share_images(site.model, job.languages, plans, whole_site=part.hub, parallel=parallel))
    if part.hub:
        readme = render.package_readme(site)
        writer.write_all(downloads.site_files(job.inputs, job.validation, site, readme, job.when).items())
        writer.write(urls.SEARCH_SYNONYMS, synonyms.synonyms_json(synonyms.read_groups()))
    return listing(docs)


def listing(docs) -> list[str]:
    """Every file under a folder of pages by its path there, in the Chinese edition's names (the English edition
    serves x.en.md at x.md), sorted."""
    found = []
    for folder, _, names in os.walk(docs):
        here = os.path.relpath(folder, docs)
        found += [name if here == "." else f"{here}/{name}" for name in names]
    return sorted(path for path in found if english_name(path) is None)


# What each part is built from and may link to


def part_digests(paths: Paths, inputs: load.Inputs, site: Site, every, languages) -> dict[str, str]:
    """Each part's digest (parts.digest) from this build's inputs and the project's own files."""
    package = paths.package_dir.relative_to(paths.root).as_posix() + "/"
    own = [(path, content) for path, content in inputs.files.items() if not path.startswith(package)]
    for name in SITE_CONFIGURATION:
        found = [paths.root / name] if (paths.root / name).is_file() else (paths.root / name).rglob("*")
        own += [(p.relative_to(paths.root).as_posix(), p.read_bytes()) for p in found if p.is_file()]
    tools = manifest.tool_versions() | {"languages": ",".join(languages)}
    common = parts.common_digest(own, tools)
    national = [(p.name, p.read_bytes()) for p in sorted(paths.releases_dir.glob("*.zip"))]
    national += [("CHANGELOG.md", inputs.changelog_notes.encode()), ("CITATION.cff", inputs.citation.encode())]
    national_digest = parts.common_digest(national, {})
    return {part.name: parts.digest(part, inputs, site.model, common, national_digest) for part in every}


def links(every: tuple[Part, ...], todo: list[Part], listings: dict[str, list[str]], site: Site) -> dict[str, list]:
    """For each part to build, when there are several, the other parts' files its pages may link to: for the hub,
    every region's; for a region, the hub's, less the downloads of other regions' plans."""
    if len(every) == 1:
        return {}
    hub = next(part for part in every if part.hub)
    result = {}
    for part in todo:
        if part.hub:
            result[part.name] = sorted(path for other in every if not other.hub for path in listings[other.name])
        else:
            own = {plan.plan_id for plan in parts.plans_of(site.model, part)}
            result[part.name] = [path for path in listings[hub.name] if _plan_download(path) in own | {None}]
    return result


def _plan_download(path: str) -> str | None:
    """The plan whose own download a file is (downloads/<version>/plans/<plan_id>/...), else None."""
    steps = path.split("/")
    if len(steps) > 4 and steps[0] == urls.DOWNLOADS_ROOT and steps[2] == urls.PLANS:
        return steps[3]
    return None


# The last build's state


def _read_state(paths: Paths) -> dict:
    try:
        return json.loads(paths.build_state.read_text("utf-8"))["parts"]
    except (OSError, ValueError, KeyError):
        return {}


def _stale(paths: Paths, part: Part, digest: str, last: dict) -> bool:
    return last.get(part.name, {}).get("digest") != digest or not paths.part_site(part.name).is_dir()


def _write_state(paths: Paths, state: dict, rebuilt: list[Part]) -> None:
    paths.build_state.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"parts": state, "rebuilt": [part.name for part in rebuilt]}, ensure_ascii=False)
    paths.build_state.write_text(text, "utf-8")


def _forget_other_parts(paths: Paths, every: tuple[Part, ...]) -> None:
    """Remove the folders of parts the site no longer has (a region whose plans all went)."""
    folder = paths.part_dir("x").parent
    if folder.is_dir():
        for old in folder.iterdir():
            if old.name not in {part.name for part in every}:
                shutil.rmtree(old)
