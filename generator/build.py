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
from dataclasses import dataclass

from . import charts, downloads, load, manifest, parts, publish, render, share, synonyms, urls, validate
from .i18n import LANGUAGES
from .parts import Part
from .paths import ROOT as CODE
from .paths import SITE_CONFIGURATION, Paths
from .problems import GeneratorError, InvalidPackage, Problem
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
    only: str | None = None,
    releasing: bool = False,
) -> list[Problem]:
    """The whole pipeline: check, assemble, generate the parts' pages and downloads, build them, publish site/.

    Incremental unless ``clean``: only the parts whose digest changed since their last build are generated and
    built (Paths.build_state says which were); the site is the same bytes as a clean build's. ``jobs`` processes
    work side by side (default: one per core). With ``only`` (a part's name: ``parts``), that part alone is built,
    if it changed, and nothing is published: one job of a build spread over machines (README). With ``run_mkdocs``
    false, every part's pages are generated and nothing is built. Returns the warnings validation found (the build
    went on despite them). One build at a time runs in a checkout (publish.exclusive): a second one started
    meanwhile stops with a GeneratorError. ``releasing``: this build makes the release of the descriptor's version
    (release.py), so its pages and files name that version as released."""
    jobs = jobs or os.cpu_count() or 1
    with publish.exclusive(paths):
        inputs, validation = check(paths, stage)
        with stage("assemble"):
            site = assemble(inputs, validation.tables, releasing)
        job = Job(paths, site, inputs, validation, tuple(languages), build_time(site.descriptor))
        every = parts.split(site.model)
        if only is not None and only not in {part.name for part in every}:
            raise GeneratorError(f"no part {only!r}: the parts are {', '.join(part.name for part in every)}")
        digests = part_digests(paths, inputs, site, every, languages)
        last = _read_state(paths, every) if run_mkdocs and not clean else {}
        todo = [part for part in every if _stale(paths, part, digests[part.name], last) and only in (None, part.name)]
        make(job, todo, every, digests if run_mkdocs else None, jobs, stage)
        if not run_mkdocs:
            return validation.warnings
        # The site as published is the parts at these digests; a build stopped between building parts and
        # publishing them left an older site, which is published again.
        published = parts.common_digest([(name, digest.encode()) for name, digest in digests.items()], {})
        if only is None and (published != _last_published(paths) or not paths.site_dir.is_dir()):
            _forget_other_parts(paths, every)
            publish.publish_site(paths, every, job.when, stage)
        _write_state(paths, todo, published if only is None else _last_published(paths))
    return validation.warnings


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


# Making the parts: on all cores, each part in a process of its own


@dataclass(frozen=True)
class Job:
    """What every part is made from; forked worker processes inherit it instead of receiving a copy."""

    paths: Paths
    site: Site
    inputs: load.Inputs
    validation: validate.Validation
    languages: tuple[str, ...]
    when: datetime.datetime


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
        with stage("parts, side by side"):
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                made = pool.map(_make_in_worker, regions)  # the workers start now, before the hub's work
                for part in todo:
                    if part.hub:
                        make_part(job, part, every, digests, parallel=False, jobs=jobs)
                list(made)  # a worker's error is raised here
    finally:
        _work = None


def _make_in_worker(part: Part) -> None:
    charts.draw_elsewhere()
    job, every, digests, jobs = _work
    make_part(job, part, every, digests, parallel=False, jobs=jobs)


def make_part(job: Job, part: Part, every, digests: dict[str, str] | None, parallel: bool, jobs: int = 1,
              stage: Stage = no_timing) -> None:  # fmt: skip
    """Generate a part and, given the ``digests`` to record, build it and record its digest."""
    with stage("generate"):
        generate_part(job, part, parallel)
    if digests is not None:
        publish.build_part(job.paths, part, every, job.when, stage, job.languages, jobs)
        _write_part_state(job.paths, part, {"digest": digests[part.name]})


def generate_part(job: Job, part: Part, parallel: bool) -> None:
    """Write a part's pages, charts and share images (the hub: also the downloads and the search's synonyms) under
    its folder of pages, each as soon as it is made."""
    paths, site = job.paths, job.site
    docs = paths.part_docs(part.name, part.hub)
    writer = publish.Writer(paths, docs, None if part.hub else [docs])
    writer.write_all(render.render_pages(site, job.languages, part, paths.chart_cache, parallel))
    plans = parts.plans_of(site.model, part)
    writer.write_all(share.share_images(site.model, job.languages, plans, whole_site=part.hub, parallel=parallel))
    if part.hub:
        readme = render.package_readme(site)
        writer.write_all(downloads.site_files(job.inputs, job.validation, site, readme, job.when))
        writer.write(urls.SEARCH_SYNONYMS, synonyms.synonyms_json(synonyms.read_groups()))


# What each part is built from and may link to


def part_digests(paths: Paths, inputs: load.Inputs, site: Site, every, languages) -> dict[str, str]:
    """Each part's digest (parts.digest) from this build's inputs and the project's own files."""
    package = paths.package_dir.relative_to(paths.root).as_posix() + "/"
    own = [(path, content) for path, content in inputs.files.items() if not path.startswith(package)]
    for name in SITE_CONFIGURATION:
        found = [paths.root / name] if (paths.root / name).is_file() else (paths.root / name).rglob("*")
        own += [(p.relative_to(paths.root).as_posix(), p.read_bytes()) for p in found if p.is_file()]
    # The generator that runs, wherever the project is (a copy of a project holds only its site configuration).
    code = [p for p in (CODE / "generator").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    own += [(f"(running) {p.relative_to(CODE).as_posix()}", p.read_bytes()) for p in code]
    tools = manifest.tool_versions() | {"languages": ",".join(languages)}
    common = parts.common_digest(own, tools)
    national = [(p.name, p.read_bytes()) for p in sorted(paths.releases_dir.glob("*.zip"))]
    national += [("CHANGELOG.md", inputs.changelog_notes.encode()), ("CITATION.cff", inputs.citation.encode())]
    national_digest = parts.common_digest(national, {})
    rows = parts.row_digests(inputs)
    return {part.name: parts.digest(part, inputs, site.model, common, national_digest, rows) for part in every}


# The last build's state: each part's digest beside its built folder (so that gathering parts built
# elsewhere is copying their folders), and which parts the last build rebuilt


def _read_state(paths: Paths, every: tuple[Part, ...]) -> dict:
    state = {}
    for part in every:
        try:
            state[part.name] = json.loads((paths.part_dir(part.name) / PART_STATE).read_text("utf-8"))
        except (OSError, ValueError):
            continue
    return state


PART_STATE = "part.json"


def _stale(paths: Paths, part: Part, digest: str, last: dict) -> bool:
    return last.get(part.name, {}).get("digest") != digest or not paths.part_site(part.name).is_dir()


def _write_part_state(paths: Paths, part: Part, state: dict) -> None:
    (paths.part_dir(part.name) / PART_STATE).write_text(json.dumps(state, ensure_ascii=False), "utf-8")


def _last_published(paths: Paths) -> str:
    try:
        return json.loads(paths.build_state.read_text("utf-8"))["published"]
    except (OSError, ValueError, KeyError):
        return ""


def _write_state(paths: Paths, rebuilt: list[Part], published: str) -> None:
    paths.build_state.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"rebuilt": [part.name for part in rebuilt], "published": published}, ensure_ascii=False)
    paths.build_state.write_text(text, "utf-8")


def _forget_other_parts(paths: Paths, every: tuple[Part, ...]) -> None:
    """Remove the folders of parts the site no longer has (a region whose plans all went)."""
    if paths.parts_dir.is_dir():
        for old in paths.parts_dir.iterdir():
            if old.name not in {part.name for part in every}:
                shutil.rmtree(old)
