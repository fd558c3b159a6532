"""A draft on disk: written under datapackage/drafts/<plan_id>/ with its source, read back, and checked with the
project's own validation (validate.py), the same provenance checks as the published tables.

The check builds a package of the draft alone: the published reference tables (districts, action areas,
agencies and indicators, with the draft's new ones after them), the draft's plan, chapters, measures, agencies
and targets, and the draft's source; every problem is then named by the draft's file, row and field.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from pathlib import Path

from generator.base.paths import Paths
from generator.base.problems import GeneratorError, Problem
from generator.build import share
from generator.draft import propose
from generator.package import load, project_files, validate

from .received import ORIGINAL, Received

# Published tables a draft's rows are checked against; the draft's own rows of them come after the published ones.
REFERENCE = ("districts", "action_areas", "agencies", "indicators")
SOURCE = "source.txt"  # the document's text, in the draft's folder until its plan row is accepted


def load_descriptor(paths: Paths) -> dict:
    return json.loads(paths.descriptor_path.read_text(encoding="utf-8"))


def resource_path(descriptor: dict, name: str) -> str:
    return next(r["path"] for r in descriptor["resources"] if r["name"] == name)


def published_rows(paths: Paths, descriptor: dict, name: str) -> list[dict[str, str]]:
    """A published table's rows, as text."""
    return read_csv(paths.package_dir / resource_path(descriptor, name))


def appended_row(problem: Problem, descriptor: dict, published: dict, rows: dict) -> tuple[str, dict] | None:
    """(table, row) when ``problem`` names one of ``rows[table]``, which a checked package holds after the
    ``published`` rows of its table (validate_package); None for a problem of a published row or of no row."""
    name = next((r["name"] for r in descriptor["resources"] if f"datapackage/{r['path']}" == problem.file), None)
    if name is None or name not in rows or not problem.row:
        return None
    index = problem.row - 2 - len(published.get(name, []))
    return (name, rows[name][index]) if 0 <= index < len(rows[name]) else None


def named_in_draft(problem: Problem, draft: propose.Draft, name: str, row: dict) -> Problem:
    """The problem of a draft's row, named by the draft's file and the row's line there."""
    line = draft.tables[name].index(row) + 2
    file = f"datapackage/drafts/{draft.plan_id}/{name}.csv"
    return Problem(file, line, problem.field, problem.type, problem.message, problem.hint, problem.severity)


def columns(descriptor: dict, name: str) -> list[str]:
    resource = next(r for r in descriptor["resources"] if r["name"] == name)
    return [f["name"] for f in resource["schema"]["fields"]]


def csv_text(header: list[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def draft_header(descriptor: dict, name: str) -> list[str]:
    return columns(descriptor, name) + list(propose.draft_columns(name))


def write_draft(paths: Paths, descriptor: dict, draft: propose.Draft, original: Received | None = None) -> Path:
    """The draft's tables under drafts/<plan_id>/, with its source text (SOURCE): the source joins sources/ when
    the plan row is accepted, since every file there is published. A text extracted from a web page, Word file or
    PDF has that file beside it (received.<format>) for the reviewer: it is not published, its SHA-256 is in the
    plan row."""
    check_plan_id(descriptor, draft.plan_id, "the plan id")
    folder = project_files.inside(paths.drafts_dir, draft.plan_id, "plan id")
    name_of_original = original.original_name if original else None
    for name in propose.TABLES:
        write_table(paths, descriptor, draft.plan_id, name, draft.tables[name])
    for earlier in sorted(folder.glob(f"{ORIGINAL}.*")):  # the original of an earlier draft of this plan
        if earlier.name != name_of_original and project_files.inside(folder, earlier.name, "plan id").is_file():
            earlier.unlink()
    if original and name_of_original:
        project_files.write_inside(folder, name_of_original, original.original, "plan id")
    return project_files.write_inside(paths.drafts_dir, f"{draft.plan_id}/{SOURCE}", draft.source, "plan id").parent


def write_table(paths: Paths, descriptor: dict, plan_id: str, name: str, rows: list[dict[str, str]]) -> None:
    """One table of the draft drafts/<plan_id>/, with the draft's own columns."""
    text = csv_text(draft_header(descriptor, name), rows).encode("utf-8")
    project_files.write_inside(paths.drafts_dir, f"{plan_id}/{name}.csv", text, "plan id")


def check_plan_id(descriptor: dict, plan_id: str, what: str) -> None:
    """A plan id, from the command line or from a document's title, must be one the published plans.csv accepts
    (the descriptor's pattern for plan_id) before it names a folder: never a path."""
    pattern = field_pattern(descriptor, "plans", "plan_id")
    if not re.fullmatch(pattern, plan_id):
        raise GeneratorError(f"{what} {plan_id!r} is not a plan id: lower-case letters, digits and '-' ({pattern})")


def field_pattern(descriptor: dict, resource: str, name: str) -> str:
    """The pattern the descriptor gives a field (every value must match it whole)."""
    fields = next(r for r in descriptor["resources"] if r["name"] == resource)["schema"]["fields"]
    return next(f for f in fields if f["name"] == name)["constraints"]["pattern"]


def read_draft(paths: Paths, descriptor: dict, plan_id: str) -> propose.Draft:
    check_plan_id(descriptor, plan_id, "--accept")
    folder = project_files.inside(paths.drafts_dir, plan_id, "--accept")
    if not folder.is_dir():
        raise GeneratorError(f"no draft {plan_id}: draft the document first (datapackage/drafts/{plan_id}/)")
    project_files.refuse_irregular_in(folder, f"datapackage/drafts/{plan_id}")
    tables = {name: read_csv(folder / f"{name}.csv") for name in propose.TABLES}
    source_file = f"sources/{plan_id}.txt"
    return propose.Draft(plan_id, source_file, (folder / SOURCE).read_bytes(), tables)


def check_draft(descriptor: dict, published: dict[str, list[dict[str, str]]], draft: propose.Draft) -> list[Problem]:
    """Every problem validation finds in the draft's rows, named drafts/<plan_id>/<table>.csv:row:field.

    ``published`` holds the published reference tables (REFERENCE) as text rows."""
    tables, offsets = {}, {}
    for resource in descriptor["resources"]:
        name = resource["name"]
        rows = list(published.get(name, [])) if name in REFERENCE else []
        offsets[name] = len(rows)
        tables[name] = rows + draft.tables.get(name, [])
    problems = validate_package(descriptor, tables, {draft.source_file: draft.source})
    paths = {f"datapackage/{r['path']}": r["name"] for r in descriptor["resources"]}
    return [_in_draft(problem, draft.plan_id, paths, offsets) for problem in problems]


def validate_package(
    descriptor: dict, tables: dict[str, list[dict[str, str]]], sources: dict[str, bytes]
) -> list[Problem]:
    """The problems the project's validation finds in a package of these tables (text rows by resource name) and
    source files (by path inside the package), written to a folder of its own and checked there."""
    with tempfile.TemporaryDirectory() as folder:
        package_dir = Path(folder)
        (package_dir / "data").mkdir()
        (package_dir / "sources").mkdir()
        (package_dir / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
        for path, data in sources.items():
            project_files.write_inside(package_dir, path, data, "source_file")
        for resource in descriptor["resources"]:
            text = csv_text(columns(descriptor, resource["name"]), tables.get(resource["name"], []))
            project_files.write_inside(package_dir, resource["path"], text.encode("utf-8"), "resource path")
        inputs = load.package_inputs(package_dir, "datapackage/datapackage.json")
        return validate.validate(inputs, share.DRAWING).problems


def _in_draft(problem: Problem, plan_id: str, names: dict[str, str], offsets: dict[str, int]) -> Problem:
    """The problem named by the draft's file and row; a problem of a published row or file stays as it is."""
    name = names.get(problem.file)
    if name is None:
        return problem
    row = problem.row
    if row and row > 1:
        if row - offsets[name] < 2:
            return problem
        row -= offsets[name]
    elif offsets[name]:
        return problem
    file = f"datapackage/drafts/{plan_id}/{name}.csv"
    return Problem(file, row, problem.field, problem.type, problem.message, problem.hint, problem.severity)
