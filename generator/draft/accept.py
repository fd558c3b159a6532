"""Accepting a reviewed draft: its accepted rows move into the published tables, with fresh IDs in sequence.

Rows marked ``accepted`` are appended to datapackage/data/ (without the draft's own columns), English columns
and ``translation`` left empty for translation, and with an accepted plan row its source joins sources/; rows
still ``pending`` or ``rejected`` stay in the draft. An accepted row that refers to a row not accepted (a target
whose measure was rejected) stops the move, named by file, row and field, so that nothing is published
half-linked.
"""

from __future__ import annotations

import json
import re

from ..paths import Paths
from ..problems import InvalidPackage, Problem
from . import package, propose

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
    """Move the accepted rows of drafts/<plan_id>/ into the published tables; return how many of each moved."""
    descriptor = json.loads(paths.descriptor_path.read_text(encoding="utf-8"))
    draft = package.read_draft(paths, plan_id)
    accepted = {name: [r for r in rows if r.get("review") == ACCEPTED] for name, rows in draft.tables.items()}
    _check_references(plan_id, draft.tables, accepted)
    published = {name: package.read_csv(paths.package_dir / resource_path(descriptor, name)) for name in propose.TABLES}
    renamed = _fresh_ids(plan_id, accepted, published)
    for plan in accepted["plans"]:  # the source is published with its plan
        (paths.package_dir / plan["source_file"]).write_bytes(draft.source)
    moved = {}
    for name in propose.TABLES:
        rows = [_published_row(row, renamed) for row in accepted[name]]
        header = package.columns(descriptor, name)
        text = package.csv_text(header, published[name] + rows)
        (paths.package_dir / resource_path(descriptor, name)).write_text(text, encoding="utf-8")
        left = [row for row in draft.tables[name] if row.get("review") != ACCEPTED]
        (paths.drafts_dir / plan_id / f"{name}.csv").write_text(
            package.csv_text(package.draft_header(descriptor, name), left), encoding="utf-8"
        )
        moved[name] = len(rows)
    return moved


def resource_path(descriptor: dict, name: str) -> str:
    return next(r["path"] for r in descriptor["resources"] if r["name"] == name)


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
    return result | {key: "" for key in result if key.endswith("_en") or key in ("translation", "definition")}
