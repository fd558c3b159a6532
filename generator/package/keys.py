"""Rows' keys and the references to them, reported as a maintainer reads them.

A key that breaks its pattern is the cause of what follows it: the rows of other tables that refer to that row by
its intended key no longer find it, and frictionless reports each of them, a page of foreign-key errors in which the
one line that matters is lost. Such a key is reported first (problems.order), and the references its table cannot
meet are folded into one line on it, which names each referring row. A duplicate key names the key's fields, its
value and the row that has it first; frictionless only says "the same as in the row at position 7".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from generator.base.problems import Problem
from generator.package.characters import shown

if TYPE_CHECKING:
    from frictionless import ReportTask, errors

HINTS = {
    "key-pattern": "correct the key to match its pattern in datapackage.json (rows that refer to it are listed next)",
    "key-references": "correct this row's key, and they find it again; if they mean another row, correct them",
    "primary-key": "every row needs its own key: change or delete the duplicate row",
}


def key_problems(descriptor: dict[str, Any], tasks: Iterable[ReportTask]) -> tuple[list[Problem], set[int]]:
    """The problems of frictionless' report tasks about keys, and the ids of the errors they stand for (the caller
    reports the others): each key that breaks its pattern, each duplicate or empty key, and the references to a
    table with a broken key, folded into one problem on its first broken key."""
    schemas = {r.get("name"): r.get("schema", {}) for r in descriptor.get("resources", [])}
    problems: list[Problem] = []
    handled: set[int] = set()
    broken: dict[tuple[str, str], tuple[str, int]] = {}  # (resource, key field) -> (file, row) of its first broken key
    tasks = list(tasks)
    for task in tasks:
        schema, file = schemas.get(task.name, {}), f"datapackage/{task.place}"
        for error in task.errors:
            if _breaks_pattern(error, schema):
                problems.append(_pattern_problem(file, error, schema))
                broken.setdefault((task.name, error.field_name), (file, error.row_number))
            elif error.type == "primary-key":
                problems.append(_duplicate_problem(file, error, schema))
            else:
                continue
            handled.add(id(error))
    references: dict[tuple[str, str], list[tuple[str, str, int]]] = {}  # broken key -> (values, file, row)
    for task in tasks:
        for error in task.errors:
            if error.type == "foreign-key":
                target = error.reference_name or task.name
                key = next(((target, f) for f in error.reference_field_names if (target, f) in broken), None)
                if key is not None:
                    values = ", ".join(error.field_cells)
                    references.setdefault(key, []).append((values, task.place.rsplit("/", 1)[-1], error.row_number))
                    handled.add(id(error))
    for (target, field), referring in references.items():
        file, row = broken[(target, field)]
        problems.append(_references_problem(file, row, field, target, referring))
    return problems, handled


def _breaks_pattern(error: errors.Error, schema: dict[str, Any]) -> bool:
    return (
        error.type == "constraint-error"
        and error.field_name in _primary_key(schema)
        and error.note.startswith('constraint "pattern"')
    )


def _pattern_problem(file: str, error: errors.ConstraintError, schema: dict[str, Any]) -> Problem:
    pattern = next(f for f in schema["fields"] if f["name"] == error.field_name)["constraints"]["pattern"]
    message = f"the key “{shown(error.cell)}” does not match the pattern of {error.field_name}, {pattern}"
    return Problem(file, error.row_number, error.field_name, "key-pattern", message, HINTS["key-pattern"])


def _duplicate_problem(file: str, error: errors.PrimaryKeyError, schema: dict[str, Any]) -> Problem:
    key = _primary_key(schema)
    names = [f["name"] for f in schema.get("fields", [])]
    cells = [error.cells[names.index(k)] if names.index(k) < len(error.cells) else "" for k in key]
    first = re.search(r"position (\d+)", error.note)
    if first:
        message = (
            f"duplicate key: {', '.join(key)} “{shown(', '.join(cells))}” is the key of row {first.group(1)} already"
        )
    else:
        message = f"the key {', '.join(key)} is empty"
    return Problem(file, error.row_number, ",".join(key), "primary-key", message, HINTS["primary-key"])


def _references_problem(file: str, row: int, field: str, target: str, referring: list[tuple[str, str, int]]) -> Problem:
    """One problem for every row that refers to ``target`` by a ``field`` it does not have: by value, by file."""
    parts = []
    for values, group in itertools.groupby(sorted(referring), key=lambda r: r[0]):
        by_value = list(group)
        files = [
            f"{name} {_rows([r for _, _, r in rows])}" for name, rows in itertools.groupby(by_value, lambda r: r[1])
        ]
        parts.append(f"“{shown(values)}” from {', '.join(files)}")
    count = len(referring)
    message = (
        f"{count} {'rows refer' if count > 1 else 'row refers'} to a {field} that {target} does not have, most "
        f"likely this row's: {'; '.join(parts)}"
    )
    return Problem(file, row, field, "key-references", message, HINTS["key-references"])


def _rows(numbers: list[int]) -> str:
    """row 4; rows 2–4, 7."""
    runs = []
    for _, pairs in itertools.groupby(enumerate(sorted(numbers)), lambda pair: pair[1] - pair[0]):
        run = [n for _, n in pairs]
        runs.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
    return f"row{'s' if len(numbers) > 1 else ''} {', '.join(runs)}"


def _primary_key(schema: dict[str, Any]) -> list[str]:
    key = schema.get("primaryKey") or []
    return [key] if isinstance(key, str) else list(key)
