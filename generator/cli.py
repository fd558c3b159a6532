"""Command line: ``python -m generator validate`` and ``python -m generator build``.

The pipeline reads top to bottom: load → validate → model → render → publish.
Only this module prints and chooses the exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import downloads, load, model, passages, publish, render, validate
from .paths import Paths
from .problems import GeneratorError, InvalidPackage


def check(paths: Paths) -> load.Loaded:
    """Load and validate; raise InvalidPackage with every problem found."""
    loaded = load.load(paths)
    problems = validate.validate(loaded)
    if problems:
        raise InvalidPackage(problems)
    return loaded


def build(paths: Paths, *, run_mkdocs: bool = True) -> None:
    loaded = check(paths)
    tables = load.read_tables(loaded.package)
    site_model = model.build_model(tables)
    resources = [
        {"name": r.name, "title": r.title, "description": r.description, "rows": len(tables[r.name])}
        for r in loaded.package.resources
    ]
    documents = {
        plan.plan_id: passages.plan_document(plan, loaded.sources[plan.source_file].decode("utf-8"))
        for plan in site_model.plans
    }
    pages = render.render_pages(site_model, resources, documents)
    files = downloads.build_downloads(loaded, tables, load.read_data_files(paths, loaded.package))
    publish.write_generated(paths, pages, files)
    if run_mkdocs:
        publish.build_site(paths)


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
    args = parser.parse_args(argv)
    paths = Paths(args.root.resolve())
    try:
        if args.command == "validate":
            check(paths)
            print("The data package is valid.")
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
