"""Command line: ``python -m generator validate | build | release``.

The pipeline reads top to bottom in ``build``: load → validate → model → render
→ downloads → publish. Only this module prints and chooses the exit code.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .i18n import LANGUAGES
from .paths import DOWNLOADS, DOWNLOADS_ROOT, Paths
from .problems import GeneratorError, InvalidPackage
from .timing import Stage, no_timing

if TYPE_CHECKING:
    from . import load

# The stages import frictionless, pandas, Jinja2 and vl-convert; they are imported when a command
# runs, so that `python -m generator --help` answers at once.


def check(paths: Paths, stage: Stage = no_timing) -> tuple[load.Loaded, dict]:
    """Load and validate; raise InvalidPackage with every problem found, else return the validation report."""
    from . import load, validate

    with stage("load"):
        loaded = load.load(paths)
    with stage("validate"):
        problems, report = validate.validate_with_report(loaded)
    if problems:
        raise InvalidPackage(problems)
    return loaded, report


def build(
    paths: Paths, *, run_mkdocs: bool = True, stage: Stage = no_timing, languages: tuple[str, ...] = LANGUAGES
) -> None:
    """The whole pipeline: check, model, render pages and downloads, write them under docs/, build site/.

    ``stage`` wraps each step and ``languages`` picks the editions (the benchmark times one and both).
    """
    from . import downloads, load, manifest, model, passages, publish, releases, render

    loaded, report = check(paths, stage)
    with stage("model"):
        tables = load.read_tables(loaded.package)
        site_model = model.build_model(tables)
        documents = {
            plan.plan_id: passages.plan_document(plan, loaded.sources[plan.source_file].decode("utf-8"))
            for plan in site_model.plans
        }
        history = releases.load_releases(paths.releases_dir)
        data_files = load.read_data_files(loaded)
        entries = _changelog(paths, loaded.descriptor, history, data_files)
    with stage("render"):
        released = [r.version for r in history]
        pages = render.render_pages(site_model, loaded.descriptor, documents, entries, released, languages)
    with stage("downloads"):
        when = build_time(loaded.descriptor)
        readme = render.package_readme(site_model, loaded.descriptor)
        latest = downloads.build_downloads(loaded, tables, data_files, readme, when)
        latest["validation-report.json"] = _json_bytes(report)
        tools = manifest.tool_versions()
        latest["build-manifest.json"] = _json_bytes(
            manifest.build_manifest(loaded.descriptor["version"], tools, load.inputs(paths), latest)
        )
        files = {f"{DOWNLOADS}/{path}": data for path, data in latest.items()}
        for release in history:
            versioned = releases.release_files(release, loaded.descriptor["name"])
            files |= {f"{DOWNLOADS_ROOT}/{release.version}/{path}": data for path, data in versioned.items()}
    with stage("write"):
        publish.write_generated(paths, pages, files)
    if run_mkdocs:
        publish.build_site(paths, when, stage, languages)


def _changelog(paths: Paths, descriptor: dict, history: list, data_files: dict[str, bytes]) -> list:
    """The releases and the working data compared row by row, with the maintainer's notes."""
    from . import releases

    notes = _notes(paths)
    current = {name: releases.read_csv(data) for name, data in data_files.items()}
    keys = releases.primary_keys(*(r.descriptor() for r in history), descriptor)
    return releases.changelog(history, descriptor["version"], current, keys, releases.parse_notes(notes))


def _notes(paths: Paths) -> str:
    return paths.changelog_notes.read_text(encoding="utf-8") if paths.changelog_notes.exists() else ""


def release(paths: Paths, remote: str | None, branch: str) -> str:
    """Check the version was raised and its changes written, keep its ZIP in releases/, build, and publish."""
    from . import publish, releases

    loaded, _ = check(paths)
    version = loaded.descriptor["version"]
    history = releases.load_releases(paths.releases_dir)
    if history and releases.version_key(history[-1].version) >= releases.version_key(version):
        raise GeneratorError(f"raise the version in datapackage/datapackage.json: {history[-1].version} is released")
    if not releases.parse_notes(_notes(paths)).get(version):
        raise GeneratorError(f"write what changed in {version} in CHANGELOG.md, under a heading '## {version}'")
    citation = paths.root / "CITATION.cff"
    if f'version: "{version}"' not in citation.read_text(encoding="utf-8"):
        raise GeneratorError(f'set version: "{version}" in CITATION.cff')
    build(paths, run_mkdocs=False)
    archive = paths.docs_dir / DOWNLOADS / f"{loaded.descriptor['name']}.zip"
    paths.releases_dir.mkdir(exist_ok=True)
    (paths.releases_dir / f"{version}.zip").write_bytes(archive.read_bytes())
    build(paths)
    if remote:
        publish.push_site(paths, remote, branch, f"Release {version}")
    return version


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Validate the carbon-peaking data package and publish it as a static site.",
    )
    parser.add_argument("--root", type=Path, default=Paths().root, help="project folder (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check the data package and print every problem")
    build_parser = commands.add_parser("build", help="validate, generate the pages and downloads, and build site/")
    build_parser.add_argument(
        "--no-mkdocs", action="store_true", help="stop after writing the generated files under docs/"
    )
    release_parser = commands.add_parser(
        "release", help="keep this version's ZIP in releases/, build, and publish the site to a git branch"
    )
    release_parser.add_argument("--remote", help="git remote (name or URL) to push the site to; omit to only build")
    release_parser.add_argument("--branch", default="gh-pages", help="branch to publish to (default: gh-pages)")
    args = parser.parse_args(argv)
    paths = Paths(args.root.resolve())
    try:
        if args.command == "validate":
            check(paths)
            print("The data package is valid.")
        elif args.command == "release":
            version = release(paths, args.remote, args.branch)
            print(f"Released {version}: commit releases/{version}.zip and CHANGELOG.md.")
        else:
            build(paths, run_mkdocs=not args.no_mkdocs)
            print(f"Built {paths.site_dir}")
    except InvalidPackage as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing was published, site/ is unchanged.", file=sys.stderr)
        return 1
    except GeneratorError as error:
        print(error, file=sys.stderr)
        return 1
    return 0
