"""Accepting a reviewed draft: its accepted rows move into the published tables, with fresh IDs in sequence.

Rows marked ``accepted`` are appended to datapackage/data/ (without the draft's own columns), English columns
and ``translation`` left empty for translation, and with an accepted plan row its source joins sources/; rows
still ``pending`` or ``rejected`` stay in the draft. An accepted row that refers to a row not accepted (a target
whose measure was rejected) stops the move, named by file, row and field, so that nothing is published
half-linked.
"""

from __future__ import annotations

import re

from generator.base.paths import Paths
from generator.base.problems import InvalidPackage, Problem
from generator.draft import package, propose
from generator.package import load, project_files

ACCEPTED = "accepted"
# Row IDs the published tables number in sequence per plan: (table, id column, suffix letter).
NUMBERED = {"measures": ("measure_id", "m"), "targets": ("target_id", "t")}
# References inside a draft: (table, column, table referred to, its id column).
REFERENCES = [
    ("chapters", "plan_id", "plans", "plan_id"),
    ("measures", "chapter_id", "chapters", "chapter_id"),
    ("measure_agencies", "measure_id", "measures", "measure_id"),
    ("measure_agencies", "agency_id", "agencies", "agency_id"),
    ("targets", "chapter_id", "chapters", "chapter_id"),
    ("targets", "measure_id", "measures", "measure_id"),
    ("targets", "indicator_id", "indicators", "indicator_id"),
]
KEYS = {"plans": "plan_id", "agencies": "agency_id", "indicators": "indicator_id", "chapters": "chapter_id"}


def accept(paths: Paths, plan_id: str) -> dict[str, int]:
    """Move the accepted rows of drafts/<plan_id>/ into the published tables; return how many of each moved.

    Every path is checked and the package as it would be is validated first: on any problem nothing is written."""
    descriptor = package.load_descriptor(paths)
    draft = package.read_draft(paths, descriptor, plan_id)
    accepted = {name: [r for r in rows if r.get("review") == ACCEPTED] for name, rows in draft.tables.items()}
    _check_references(plan_id, draft.tables, accepted)
    published = {
        name: package.read_csv(paths.package_dir / package.resource_path(descriptor, name)) for name in propose.TABLES
    }
    renamed = _fresh_ids(plan_id, accepted, published)
    new_sources = {_source_file(descriptor, plan_id, draft, plan): draft.source for plan in accepted["plans"]}
    tables = {name: published[name] + [_published_row(row, renamed) for row in accepted[name]] for name in accepted}
    _check_package(paths, descriptor, draft, accepted, published, tables, new_sources)
    for path, data in new_sources.items():  # the source is published with its plan
        project_files.write_inside(paths.package_dir, path, data, "source_file")
    for name in propose.TABLES:
        text = package.csv_text(package.columns(descriptor, name), tables[name]).encode("utf-8")
        project_files.write_inside(paths.package_dir, package.resource_path(descriptor, name), text, "resource path")
        left = [row for row in draft.tables[name] if row.get("review") != ACCEPTED]
        package.write_table(paths, descriptor, plan_id, name, left)
    return {name: len(accepted[name]) for name in propose.TABLES}


def _source_file(descriptor: dict, plan_id: str, draft: propose.Draft, plan: dict[str, str]) -> str:
    """Where an accepted plan row's source goes: its source_file, which must be the descriptor's pattern, and a
    path inside sources/ (checked again by project_files when it is written)."""
    source_file = plan.get("source_file", "")
    if not re.fullmatch(package.field_pattern(descriptor, "plans", "source_file"), source_file):
        line = draft.tables["plans"].index(plan) + 2
        message = f"“{source_file}” is not a source file of the package (sources/<plan_id>.txt)"
        file = f"datapackage/drafts/{plan_id}/plans.csv"
        raise InvalidPackage([Problem(file, line, "source_file", "draft", message)])
    return source_file


def _check_package(paths, descriptor, draft, accepted, published, tables, new_sources) -> None:
    """Validate the package as accepting would leave it; raise InvalidPackage, named by the draft's rows where the
    problem is an accepted row's, before anything is written."""
    inputs = load.load(paths)
    problems = package.validate_package(descriptor, inputs.text_rows | tables, inputs.source_files | new_sources)
    if problems:
        raise InvalidPackage([_as_drafted(p, descriptor, draft, accepted, published) for p in problems])


def _as_drafted(problem: Problem, descriptor: dict, draft, accepted, published) -> Problem:
    """A problem of an accepted row named by the draft's file and line; any other stays as it is."""
    found = package.appended_row(problem, descriptor, published, accepted)
    return package.named_in_draft(problem, draft, *found) if found else problem


def _check_references(plan_id: str, tables: dict, accepted: dict) -> None:
    kept = {name: {row[KEYS.get(name, "")] for row in rows if KEYS.get(name)} for name, rows in accepted.items()}
    kept["measures"] = {row["measure_id"] for row in accepted["measures"]}
    drafted = {name: {row[key] for row in tables[name]} for name, key in KEYS.items()}
    drafted["measures"] = {row["measure_id"] for row in tables["measures"]}
    problems = []
    for name, column, target, _ in REFERENCES:
        for line, row in enumerate(tables[name], start=2):
            value = row.get(column, "")
            if row.get("review") == ACCEPTED and value in drafted[target] and value not in kept[target]:
                message = f"{value} is not accepted in {target}.csv: accept it too, or clear this reference"
                problems.append(Problem(f"datapackage/drafts/{plan_id}/{name}.csv", line, column, "draft", message))
    if problems:
        raise InvalidPackage(problems)


def _fresh_ids(plan_id: str, accepted: dict, published: dict) -> dict[str, str]:
    """draft id -> published id: measures and targets numbered on after the plan's highest published number."""
    renamed = {}
    for name, (column, letter) in NUMBERED.items():
        pattern = re.compile(rf"{re.escape(plan_id)}-{letter}(\d{{3}})$")
        taken = [int(m.group(1)) for row in published[name] if (m := pattern.match(row[column]))]
        for number, row in enumerate(accepted[name], start=max(taken, default=0) + 1):
            renamed[row[column]] = f"{plan_id}-{letter}{number:03d}"
    return renamed


def _published_row(row: dict[str, str], renamed: dict[str, str]) -> dict[str, str]:
    """The row as the published table holds it: fresh ids, English and ``translation`` empty."""
    result = {key: renamed.get(value, value) if key.endswith("_id") else value for key, value in row.items()}
    translated = ("translation", "definition", "definition_zh")
    return result | {key: "" for key in result if key.endswith("_en") or key in translated}
