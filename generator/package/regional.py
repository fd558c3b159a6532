"""The package by region: each region's rows apart, so that a region is validated from its own rows alone.

A *portion* is the rows of one region's plans (the plans themselves and every row that belongs to them or refers to
them: relations.plans_of), or, named "", every other row (districts, indicators, agencies, the documents that are no
plan…). Every row is in exactly one portion. A portion's tables are the lines of its rows as the package's files
have them, under their header: frictionless reads them as it reads the files, and a portion's problems are mapped
back to the files' rows (``Portion.line``).

What crosses portions is checked on the whole package's *key columns* alone (``key_tables``): the primary keys and
the foreign keys, and the columns a check compares across rows (checks.ACROSS_ROWS). A portion's schemas keep their
fields and constraints without its keys (``portion_descriptor``).

Pure: the loaded package in, portions out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.package import relations
from generator.package.load import Inputs

REMAINDER = ""  # the name of the portion of the rows that belong to no region

# A selection of a package's rows: resource name -> the positions of its rows in the package's table, in order.
Positions = dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class Portion:
    name: str  # a region's code (its province-level division), or REMAINDER
    rows: Positions
    data: dict[str, bytes]  # resource name -> its CSV: the file's header line, then the lines of these rows

    def line(self, resource: str, row_number: int) -> int:
        """The row of the package's file that is the portion's row ``row_number`` (the header is row 1 of both)."""
        return row_number if row_number < 2 else self.rows[resource][row_number - 2] + 2


def divide(inputs: Inputs) -> list[Portion] | None:
    """Each region's portion in code order, then the remainder's; None when the package has fewer than two regions,
    or when a file cannot be divided by its lines (a header that is not the schema's, a cell over several lines):
    then it is validated whole, which reports why."""
    regions = plan_regions(inputs.text_rows)
    if len(set(regions.values())) < 2:
        return None
    lines = {
        r["name"]: inputs.data.get(r["path"], b"").splitlines(keepends=True) for r in _resources(inputs.descriptor)
    }
    if not _divisible(inputs, lines):
        return None
    found = owners(inputs.relations, inputs.text_rows, regions)
    return [
        Portion(
            name,
            {resource: rows.get(resource, ()) for resource in lines},  # a file without text rows: none
            {resource: _lines(lines[resource], rows.get(resource, ())) for resource in lines},
        )
        for name, rows in found.items()
    ]


# Each portion's rows, by the portion's name.
Owners = dict[str, Positions]


def owners(ownership: relations.Relations, tables: relations.Tables, regions: dict[Any, str] | None = None) -> Owners:
    """Which portion each row is in: each region's (``regions``: plan_regions), in code order, then the remainder."""
    regions = plan_regions(tables) if regions is None else regions
    names = sorted(set(regions.values())) + [REMAINDER]
    rows: dict[str, dict[str, list[int]]] = {name: {} for name in names}
    for resource in tables:
        for name in names:
            rows[name][resource] = []
        for position, plan in enumerate(relations.plans_of(ownership, tables, resource)):
            rows[regions.get(plan, REMAINDER) if plan else REMAINDER][resource].append(position)
    return {name: {resource: tuple(positions) for resource, positions in owned.items()} for name, owned in rows.items()}


def region_rows(owned: Owners, codes: Iterable[str], index: relations.Index, tables: relations.Tables) -> Positions:
    """The rows the part of the regions ``codes`` is made from, by their positions in ``tables``: their portions'
    rows, every row these refer to by the foreign keys (``index``: relations.index), also a row of another region
    (a district plan's measure answering the city's pilot programme), and the remainder's. Of another region's
    rows, only those referred to are read."""
    names = [*codes, REMAINDER]
    seeds = {resource: [i for name in names for i in owned[name][resource]] for resource in tables}
    kept = relations.referred(seeds, tables, index)
    return {resource: tuple(sorted(kept.get(resource, ()))) for resource in tables}


def parts_rows(
    ownership: relations.Relations, tables: relations.Tables, owned: Owners | None, parts: Mapping[str, Iterable[str]]
) -> dict[str, Positions]:
    """The rows each part of ``parts`` (its name -> the codes of its regions) is made from (``region_rows``), from
    the package's ``tables`` and, if known, which portion each row is in (``owned``: ``owners``)."""
    if not parts:
        return {}
    owned = owned or owners(ownership, tables)
    index = relations.index(ownership, tables)
    return {name: region_rows(owned, codes, index, tables) for name, codes in parts.items()}


def picked(tables: dict[str, list[Any]], positions: Positions) -> dict[str, list[Any]]:
    """The rows of ``tables`` at ``positions``."""
    return {resource: [rows[i] for i in positions[resource]] for resource, rows in tables.items()}


def plan_regions(tables: relations.Tables) -> dict[Any, str]:
    """plan_id -> the code of the province-level division above its district (site/model.py regions_of), for the
    plans whose district leads up to one."""
    parents = {row.get("code"): row.get("parent_code") for row in tables.get("districts", [])}
    found: dict[Any, str] = {}
    for plan in tables.get("plans", []):
        code, seen = plan.get("district_code"), set()
        while code in parents and parents[code] and code not in seen:
            seen.add(code)
            code = parents[code]
        if isinstance(code, str) and code in parents:
            found[plan.get("plan_id")] = code
    return found


def portion_descriptor(descriptor: dict[str, Any]) -> dict[str, Any]:
    """The descriptor a portion is validated with: every schema without its keys, which cross portions."""
    return descriptor | {
        "resources": [
            resource | {"schema": _without(resource.get("schema", {}), ("primaryKey", "foreignKeys"))}
            for resource in _resources(descriptor)
        ]
    }


def key_tables(inputs: Inputs, across_rows: dict[str, tuple[str, ...]]) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The whole package's key columns, as a descriptor and each resource's CSV: its primary key, its foreign keys'
    fields, the fields others refer to, its unique fields and the columns of ``across_rows`` (resource -> fields a
    check compares across rows), then ``_row``, each row's number: its rows are the files' rows, in order, and none of
    them is blank but a blank row of the file (frictionless checks no cell of a blank row)."""
    descriptor = inputs.descriptor
    kept = {r["name"]: set(relations.key_fields(r["schema"].get("primaryKey"))) for r in _resources(descriptor)}
    for reference in inputs.relations.references:
        kept.setdefault(reference.resource, set()).update(reference.fields)
        kept.setdefault(reference.target, set()).update(reference.target_fields)
    for name, compared in across_rows.items():
        kept.setdefault(name, set()).update(compared)
    resources: list[dict[str, Any]] = []
    data: dict[str, bytes] = {}
    for resource in _resources(descriptor):
        schema = resource["schema"]
        fields = [
            f for f in schema.get("fields", [])
            if f.get("name") in kept[resource["name"]] or f.get("constraints", {}).get("unique")
        ]  # fmt: skip
        names = [f["name"] for f in fields]
        rows = enumerate(inputs.text_rows[resource["name"]], start=2)
        data[resource["name"]] = _csv(
            [*names, "_row"],
            ([*(row.get(n, "") for n in names), str(i) if any(row.values()) else ""] for i, row in rows),
        )
        key_schema = schema | {"fields": [*fields, {"name": "_row", "type": "integer"}]}
        resources.append(resource | {"schema": key_schema})
    return descriptor | {"resources": resources}, data


def _divisible(inputs: Inputs, files: dict[str, list[bytes]]) -> bool:
    """Whether every file (``files``: each resource's lines) is one line per row under a header that names the
    schema's fields in order."""
    for resource in _resources(inputs.descriptor):
        lines = files[resource["name"]]
        fields = [f.get("name") for f in resource["schema"].get("fields", [])]
        header = next(csv.reader([lines[0].decode("utf-8", "replace")]), []) if lines else []
        if header != fields or len(lines) - 1 != len(inputs.text_rows.get(resource["name"], [])):
            return False
    return True


def _lines(lines: list[bytes], positions: Iterable[int]) -> bytes:
    """The header line and the lines of the rows at ``positions``, each ending in a line break."""
    return b"".join(_ended(lines[i]) for i in [0, *(p + 1 for p in positions)])


def _ended(line: bytes) -> bytes:
    return line if line.endswith((b"\n", b"\r")) else line + b"\n"


def _csv(header: list[str], rows: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def _resources(descriptor: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = descriptor.get("resources", [])
    return found


def _without(schema: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: value for key, value in schema.items() if key not in keys}
