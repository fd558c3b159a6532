"""The pipeline, top to bottom: load → validate → assemble → render → downloads → write → publish.

Each stage is a module of its own; this one only calls them in order. ``stage`` wraps each
step (the benchmark times them) and ``languages`` picks the editions.
"""

from __future__ import annotations

import datetime
import json
import os

from . import downloads, history, load, manifest, publish, render, urls, validate
from .i18n import LANGUAGES
from .paths import Paths
from .problems import InvalidPackage
from .site import assemble
from .timing import Stage, no_timing


def check(paths: Paths, stage: Stage = no_timing) -> tuple[load.Inputs, validate.Validation]:
    """Load and validate; raise InvalidPackage with every problem found, else return the inputs and what
    validation found (its report, and the typed tables)."""
    with stage("load"):
        inputs = load.load(paths)
    with stage("validate"):
        validation = validate.validate(inputs)
    if validation.problems:
        raise InvalidPackage(validation.problems)
    return inputs, validation


def build(paths: Paths, *, run_mkdocs: bool = True, stage: Stage = no_timing, languages=LANGUAGES) -> None:
    """The whole pipeline: check, assemble, render pages and downloads, write them under docs/, build site/."""
    inputs, validation = check(paths, stage)
    with stage("assemble"):
        site = assemble(inputs, validation.tables)
    with stage("downloads"):
        when = build_time(site.descriptor)
        readme = render.package_readme(site)
        latest = downloads.build_downloads(inputs, validation.tables, readme, when)
        latest["validation-report.json"] = _json_bytes(validation.report)
        tools = manifest.tool_versions()
        latest["build-manifest.json"] = _json_bytes(
            manifest.build_manifest(site.descriptor["version"], tools, inputs.files, latest)
        )
        files = {urls.download(path): data for path, data in latest.items()}
        for release in site.releases:
            versioned = history.release_files(release, site.descriptor["name"])
            files |= {urls.release_download(release.version, path): data for path, data in versioned.items()}
    with stage("render"):  # each page is written as soon as it is rendered
        writer = publish.Writer(paths)
        writer.write_all(render.render_pages(site, languages))
        writer.write_all(files.items())
    if run_mkdocs:
        publish.build_site(paths, when, stage, languages)


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
