"""Review where the text is: a draft's rows built into a site of their own, as they would be published.

``draft --preview PLAN_ID`` copies what a build reads into a folder of its own, adds the draft's rows that are not
rejected (pending ones too) to the published tables and its source to sources/, and builds the whole site there:
the plan's page and its source page, with every proposed quote marked in its passage, exactly as the published
site would show them. The result goes to datapackage/drafts/<plan_id>/preview/ (never into site/), with a page
``review.html`` that lists the proposed targets from the least confident up, each linked to its row and to its
passage. A row that validation refuses is left out of the preview and listed there with its problem.
"""

from __future__ import annotations

import copy
import html
import json
import shutil
import tempfile
from pathlib import Path

from generator import pipeline
from generator.base import urls
from generator.base.paths import Paths, copy_site_configuration
from generator.base.problems import InvalidPackage, Problem
from generator.draft import package
from generator.package import project_files

PREVIEW = "preview"  # in the draft's folder
REVIEW_PAGE = "review.html"
REJECTED = "rejected"
ROUNDS = 5  # how often the rows validation refuses are set aside before the preview gives up


def preview(paths: Paths, plan_id: str) -> Path:
    """Build the draft of ``plan_id`` into its preview folder; return the review page's path."""
    descriptor = package.load_descriptor(paths)
    draft = package.read_draft(paths, descriptor, plan_id)
    shown = {name: [row for row in rows if row.get("review") != REJECTED] for name, rows in draft.tables.items()}
    published = {name: package.published_rows(paths, descriptor, name) for name in shown}  # read once
    set_aside: list[tuple[dict[str, str], Problem]] = []
    with tempfile.TemporaryDirectory() as folder:
        project = _copy_inputs(paths, Path(folder))
        for _ in range(ROUNDS):
            _write_package(project, descriptor, published, draft, shown)
            try:
                pipeline.build(project, clean=True)
                break
            except InvalidPackage as error:
                refused = _refused_rows(error.problems, descriptor, published, shown)
                if not refused:
                    raise
                if any(name == "plans" for name, _, _ in refused):  # no page without its plan row
                    note = f"The preview needs a valid plan row: correct datapackage/drafts/{plan_id}/plans.csv."
                    problems = [package.named_in_draft(p, draft, n, row) for n, row, p in refused if n == "plans"]
                    raise InvalidPackage(problems, note=note) from None
                for name, row, problem in refused:  # a row with several problems is set aside with its first
                    if any(row is kept for kept in shown[name]):
                        shown[name] = [r for r in shown[name] if r is not row]
                        set_aside.append((row, problem))
        else:
            raise InvalidPackage([problem for _, problem in set_aside])
        target = project_files.inside(paths.drafts_dir, f"{plan_id}/{PREVIEW}", "plan id")
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(project.site_dir, target)
    page = review_page(plan_id, shown.get("targets", []), set_aside)
    return project_files.write_inside(target, REVIEW_PAGE, page.encode("utf-8"), "preview")


def _copy_inputs(paths: Paths, destination: Path) -> Paths:
    """What a build reads, copied (the package without its drafts, the hand-written pages, the site's
    configuration, CHANGELOG.md and CITATION.cff); no releases, so the preview's data are no release."""
    project = Paths(destination)
    for name in project_files.regular_files(paths.package_dir, skip=paths.read_folders[paths.package_dir]):
        project_files.write_inside(project.package_dir, name, (paths.package_dir / name).read_bytes(), "package")
    for name in project_files.regular_files(paths.docs_dir):
        project_files.write_inside(project.docs_dir, name, (paths.docs_dir / name).read_bytes(), "docs")
    copy_site_configuration(paths.root, destination)
    for path in (paths.changelog_notes, paths.citation):
        if path.is_file():
            shutil.copy(path, destination / path.name)
    project.releases_dir.mkdir()
    return project


def _write_package(project: Paths, descriptor: dict, published: dict, draft, shown: dict) -> None:
    """The published tables with the shown rows after them, and the draft's source beside the others. A field the
    plan row leaves empty (a plan received without its notice has no issuer or date) is not required here: the
    preview shows the page as it stands, and the draft's own check names what is missing."""
    empty = {name for plan in shown.get("plans", []) for name, value in plan.items() if not value}
    previewed = copy.deepcopy(descriptor)
    for field in next(r for r in previewed["resources"] if r["name"] == "plans")["schema"]["fields"]:
        if field["name"] in empty:
            field.get("constraints", {}).pop("required", None)
    text = json.dumps(previewed, ensure_ascii=False, indent=2) + "\n"
    project_files.write_inside(project.package_dir, "datapackage.json", text.encode("utf-8"), "descriptor")
    for name, rows in shown.items():
        path = package.resource_path(descriptor, name)
        text = package.csv_text(package.columns(descriptor, name), published[name] + rows)
        project_files.write_inside(project.package_dir, path, text.encode("utf-8"), "resource path")
    for plan in shown.get("plans", []):
        project_files.write_inside(project.package_dir, plan["source_file"], draft.source, "source_file")


def _refused_rows(problems: list[Problem], descriptor: dict, published: dict, shown: dict) -> list:
    """(table, draft row, problem) for every problem that names one of the shown rows (after the published ones)."""
    found = ((package.appended_row(problem, descriptor, published, shown), problem) for problem in problems)
    return [(name, row, problem) for (name, row), problem in ((f, p) for f, p in found if f)]


def review_page(plan_id: str, targets: list[dict[str, str]], set_aside: list[tuple[dict[str, str], Problem]]) -> str:
    """A plain page for the reviewer: every proposed target, least confident first, linked to its row on the plan's
    page and to its passage on the source page; then the rows left out of the preview and why."""
    plan_page = urls.served_at(urls.plan_page(plan_id)) + "index.html"
    source_page = urls.served_at(urls.source_page(plan_id)) + "index.html"
    rows = sorted(targets, key=lambda row: (float(row.get("confidence") or 0), row["target_id"]))
    cells = "".join(
        f"<tr><td>{_e(row.get('confidence', ''))}</td><td><a href='{plan_page}#{_e(row['target_id'])}'>"
        f"{_e(row['target_id'])}</a></td><td><a href='{source_page}#{_e(row['target_id'])}'>{_e(row['quote'])}</a>"
        f"</td><td>{_e(row.get('reason', ''))}</td><td>{_e(row.get('review', ''))}</td></tr>"
        for row in rows
    )
    left_out = "".join(f"<li>{_e(_label(row))}: {_e(str(problem))}</li>" for row, problem in set_aside)
    return (
        f"<!doctype html><html lang='zh'><meta charset='utf-8'><title>Review {_e(plan_id)}</title>"
        f"<h1>{_e(plan_id)}: proposed targets, least confident first</h1>"
        f"<p><a href='{plan_page}'>plan page</a> · <a href='{source_page}'>source page</a></p>"
        "<table><tr><th>confidence</th><th>row</th><th>quote (its passage)</th><th>why proposed</th><th>review</th>"
        f"</tr>{cells}</table>" + (f"<h2>Left out of the preview</h2><ul>{left_out}</ul>" if left_out else "")
    )


def _label(row: dict[str, str]) -> str:
    """What names a row for the reviewer: its quote, title or name, else its first cell."""
    return (
        row.get("quote")
        or row.get("title")
        or row.get("name_zh")
        or row.get("name_as_printed")
        or next(iter(row.values()), "")
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)
