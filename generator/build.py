"""The pipeline, top to bottom: load → validate → assemble → render → downloads → write → publish.

Each stage is a module of its own; this one only calls them in order. ``stage`` wraps each
step (the benchmark times them) and ``languages`` picks the editions.
"""

from __future__ import annotations

import datetime
import json
import os

from . import downloads, load, manifest, model, passages, publish, releases, render, urls, validate, views
from .i18n import LANGUAGES
from .paths import Paths
from .problems import InvalidPackage
from .site import Site
from .timing import Stage, no_timing


def check(paths: Paths, stage: Stage = no_timing) -> tuple[load.Loaded, dict]:
    """Load and validate; raise InvalidPackage with every problem found, else return the validation report."""
    with stage("load"):
        loaded = load.load(paths)
    with stage("validate"):
        problems, report = validate.validate_with_report(loaded)
    if problems:
        raise InvalidPackage(problems)
    return loaded, report


def build(paths: Paths, *, run_mkdocs: bool = True, stage: Stage = no_timing, languages=LANGUAGES) -> None:
    """The whole pipeline: check, assemble, render pages and downloads, write them under docs/, build site/."""
    loaded, report = check(paths, stage)
    with stage("model"):
        tables = load.read_tables(loaded.package)
        history = releases.load_releases(paths.releases_dir)
        data_files = load.read_data_files(loaded)
        site = assemble(loaded, tables, history, data_files, _notes(paths))
    with stage("render"):
        pages = dict(render.render_pages(site, languages))  # publish.write_generated takes a dict
    with stage("downloads"):
        when = build_time(site.descriptor)
        readme = render.package_readme(site)
        latest = downloads.build_downloads(loaded, tables, data_files, readme, when)
        latest["validation-report.json"] = _json_bytes(report)
        tools = manifest.tool_versions()
        latest["build-manifest.json"] = _json_bytes(
            manifest.build_manifest(site.descriptor["version"], tools, load.inputs(paths), latest)
        )
        files = {urls.download(path): data for path, data in latest.items()}
        for release in history:
            versioned = releases.release_files(release, site.descriptor["name"])
            files |= {urls.release_download(release.version, path): data for path, data in versioned.items()}
    with stage("write"):
        publish.write_generated(paths, pages, files)
    if run_mkdocs:
        publish.build_site(paths, when, stage, languages)


def assemble(loaded: load.Loaded, tables: dict, history: list, data_files: dict[str, bytes], notes: str) -> Site:
    """The model, each plan's source as marked blocks, and the changelog: everything the pages are made from."""
    site_model = model.build_model(tables)
    documents = {
        plan.plan_id: passages.plan_document(plan, loaded.sources[plan.source_file].decode("utf-8"))
        for plan in site_model.plans
    }
    current = {name: releases.read_csv(data) for name, data in data_files.items()}
    keys = releases.primary_keys(*(r.descriptor() for r in history), loaded.descriptor)
    changelog = releases.changelog(history, loaded.descriptor["version"], current, keys, releases.parse_notes(notes))
    return Site(site_model, loaded.descriptor, documents, tuple(history), tuple(changelog), views.regions(site_model))


def _notes(paths: Paths) -> str:
    return paths.changelog_notes.read_text(encoding="utf-8") if paths.changelog_notes.exists() else ""


def _json_bytes(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def build_time(descriptor: dict) -> datetime.datetime:
    """The time stamped into built files: SOURCE_DATE_EPOCH if set, else the package's creation date.

    Never the clock, so that two builds of one commit are byte-identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).replace(tzinfo=None)
    return datetime.datetime.fromisoformat(descriptor["created"].replace("Z", "+00:00")).replace(tzinfo=None)
