"""Command line: ``python -m generator validate | build | release | draft | draft-eval``.

Parses the arguments, calls the pipeline (pipeline.py) or the release (release.py), and prints.
Only this module prints and chooses the exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.base.paths import Paths
from generator.base.problems import GeneratorError, InvalidPackage, listed

# The stages import frictionless, pandas, Jinja2 and vl-convert; they are imported when a command
# runs, so that `python -m generator --help` answers at once.


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
        "--no-mkdocs", action="store_true", help="stop after writing the generated files under .build/parts/"
    )
    build_parser.add_argument(
        "--clean", action="store_true", help="generate and build every part of the site, changed or not"
    )
    build_parser.add_argument("--jobs", type=int, help="processes working side by side (default: one per core)")
    build_parser.add_argument(
        "--part",
        help="build only this part of the site (see `parts`), without publishing: one job of a build spread"
        " over machines; then `build` with every part's .build/parts/<part>/ gathered publishes the site",
    )
    commands.add_parser("parts", help="list the parts of the site, one per line, the hub first (README)")
    release_parser = commands.add_parser(
        "release", help="keep this version's ZIP in releases/, build, and publish the site to a git branch"
    )
    release_parser.add_argument("--remote", help="git remote (name or URL) to push the site to; omit to only build")
    release_parser.add_argument("--branch", default="gh-pages", help="branch to publish to (default: gh-pages)")
    draft_parser = commands.add_parser(
        "draft", help="propose the rows of a new plan document under datapackage/drafts/, or --accept reviewed ones"
    )
    draft_parser.add_argument(
        "document",
        nargs="?",
        type=Path,
        help="the plan as received: a saved web page (.html, .htm), a Word file (.docx), a PDF with text, a .txt",
    )
    draft_parser.add_argument("--district-code", help="the district's code (1201xx) when the title does not name it")
    draft_parser.add_argument("--plan-id", default="", help="the plan's id (default: district and year, hebei-2022)")
    draft_parser.add_argument("--accept", metavar="PLAN_ID", help="move the draft's accepted rows into data/")
    draft_parser.add_argument(
        "--preview",
        metavar="PLAN_ID",
        help="build the draft's pages as they would be published, into datapackage/drafts/PLAN_ID/preview/",
    )
    commands.add_parser("draft-eval", help="draft the curated documents as if new and write the evaluation table")
    serve_parser = commands.add_parser("serve", help="build, then preview the site at http://127.0.0.1:8000")
    serve_parser.add_argument("lang", nargs="?", default="zh", help="the edition: zh (default) or en")
    args = parser.parse_args(argv)
    paths = Paths(args.root.resolve())
    try:
        if args.command == "validate":
            from generator.pipeline import check

            _, validation = check(paths)
            _print_warnings(validation.warnings)
            print("The data package is valid.")
        elif args.command == "parts":
            from generator.pipeline import part_names

            print("\n".join(part_names(paths)))
        elif args.command == "draft":
            from generator.draft import command

            print(command.draft(paths, args.document, args.district_code, args.plan_id, args.accept, args.preview))
        elif args.command == "draft-eval":
            from generator.draft import command

            print(command.draft_eval(paths))
        elif args.command == "serve":
            from generator.pipeline import serve

            serve(paths, args.lang)
        elif args.command == "release":
            from generator.release import release

            version = release(paths, args.remote, args.branch)
            print(f"Released {version}: commit releases/{version}.zip and CHANGELOG.md.")
        else:
            from generator.pipeline import build

            _print_warnings(
                build(paths, run_mkdocs=not args.no_mkdocs, clean=args.clean, jobs=args.jobs, only=args.part)
            )
            built = paths.part_site(args.part) if args.part else paths.site_dir
            print(f"Built {built}")
    except InvalidPackage as error:
        if error.note:
            print(error.note)
        _print_warnings(error.warnings)
        for problem in listed(error.problems):
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing was published, site/ is unchanged.", file=sys.stderr)
        return 1
    except GeneratorError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _print_warnings(warnings) -> None:
    """Warnings do not stop the build; each is printed as file:row:field: warning: what (the first thousand of a
    file: problems.listed), then their count."""
    for warning in listed(warnings):
        print(warning, file=sys.stderr)
    if warnings:
        print(f"{len(warnings)} warning(s); they do not stop the build.", file=sys.stderr)
