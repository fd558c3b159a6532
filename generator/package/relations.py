"""Relations: which rows each plan owns, and which rows they refer to, read from the descriptor's foreign keys.

No table is named here but the owner, ``plans``. A resource is *owned by plans* when one of its required foreign
keys refers to the plans (a chapter's plan_id), or to a resource that is owned (a measure's agencies, through
measure_id): every row of it belongs to exactly one plan. A resource whose key to the plans is optional is not owned:
a row that fills it refers to a plan (the document that is a plan). Every other row (districts, indicators,
agencies…) may be shown beside any plan's.

A plan's *slice* is its own rows, the rows that refer to it directly, and every row those refer to by any foreign
key, in turn: what a plan's downloads hold. A region's part of the site is made from its plans' rows and the rows
they refer to in the same way (regional.py region_rows); the key of a row towards its plan picks the source its
verbatim fields are checked against (validate.py).

Pure: the descriptor in, a ``Relations`` out, derived once; the functions below read rows with it, text rows as
load parsed them or typed rows as validation kept them alike. A broken descriptor (a resource without a schema, a
foreign key without a reference) gives fewer relations, never an error: validation reports it.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

OWNER = "plans"

Tables = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Reference:
    """One foreign key: the ``fields`` of a ``resource`` hold the ``target_fields`` of a row of ``target``."""

    resource: str
    fields: tuple[str, ...]
    target: str  # the resource itself for a self-reference (districts.parent_code)
    target_fields: tuple[str, ...]
    required: bool  # every one of its fields is required: each row refers to a row of the target


@dataclass(frozen=True)
class Relations:
    """The package's foreign keys, and for each resource whose rows belong to, or refer to, a plan, the key that
    leads from a row to its plan."""

    owner_key: tuple[str, ...]  # the plans' primary key: a plan is named by its value
    references: tuple[Reference, ...]  # every foreign key, in the descriptor's order
    towards_plan: dict[str, Reference]  # resource -> its key towards its plan (through an owned resource, or not)
    owned: tuple[str, ...]  # the resources owned by plans, in the descriptor's order

    def plan_field(self, resource: str) -> str | None:
        """The column of a resource's rows that leads to their plan, when it is one column: the plans' own key, a
        direct key to the plans (plan_id), else the key to the owned resource it goes through (measure_id)."""
        key = self.towards_plan.get(resource)
        fields = self.owner_key if resource == OWNER else key.fields if key is not None else ()
        return fields[0] if len(fields) == 1 else None

    def same_plan(self) -> tuple[Reference, ...]:
        """The references that must stay within the row's own plan: between two owned resources that each have a
        required key to the plans of their own (a target's chapter). A reference of a resource that reaches its plan
        only through another (pilot_alignment's chapter) may cross plans."""
        direct = {name for name, key in self.towards_plan.items() if key.target == OWNER and key.required}
        return tuple(r for r in self.references if r.resource in direct and r.target in direct)


def derive(descriptor: dict[str, Any]) -> Relations:
    """The relations a descriptor declares."""
    schemas = _schemas(descriptor)
    references = tuple(ref for name, schema in schemas.items() for ref in _references(name, schema))
    towards_plan: dict[str, Reference] = {}
    for ref in references:  # the first direct key to the plans, the first required one if any is
        if ref.target == OWNER and ref.resource != OWNER:
            first = towards_plan.get(ref.resource)
            if first is None or (ref.required and not first.required):
                towards_plan[ref.resource] = ref
    owned = {name for name, key in towards_plan.items() if key.required}
    while nearer := _through_owned(references, owned):  # the nearest owned resource, then the first declared
        towards_plan |= nearer
        owned |= set(nearer)
    owner_key = key_fields(schemas.get(OWNER, {}).get("primaryKey"))
    return Relations(owner_key, references, towards_plan, tuple(name for name in schemas if name in owned))


def _schemas(descriptor: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each named resource's schema, in the descriptor's order ({} for one it lacks)."""
    resources = [r for r in _list(descriptor.get("resources")) if isinstance(r, dict)]
    return {
        r["name"]: r["schema"] if isinstance(r.get("schema"), dict) else {}
        for r in resources
        if isinstance(r.get("name"), str)
    }


def _through_owned(references: tuple[Reference, ...], owned: set[str]) -> dict[str, Reference]:
    """The resources not owned yet that have a required key to an owned one, each with its first such key."""
    found: dict[str, Reference] = {}
    for ref in references:
        if ref.required and ref.target in owned and ref.resource not in owned and ref.resource != OWNER:
            found.setdefault(ref.resource, ref)
    return found


def _references(name: str, schema: dict[str, Any]) -> Iterator[Reference]:
    """A resource's foreign keys; a v2 self-reference (no reference.resource, or "" as v1 wrote it) is to itself."""
    required = {
        f.get("name")
        for f in _list(schema.get("fields"))
        if isinstance(f, dict) and isinstance(f.get("constraints"), dict) and f["constraints"].get("required") is True
    }
    for foreign_key in _list(schema.get("foreignKeys")):
        reference = foreign_key.get("reference") if isinstance(foreign_key, dict) else None
        if not isinstance(reference, dict):
            continue
        fields, theirs = key_fields(foreign_key.get("fields")), key_fields(reference.get("fields"))
        if fields and len(fields) == len(theirs):
            target = reference.get("resource") or name
            yield Reference(name, fields, target, theirs, set(fields) <= required)


def key_fields(fields: object) -> tuple[str, ...]:
    """A key's fields: Table Schema allows one name as a string, or a list."""
    return (fields,) if isinstance(fields, str) else tuple(f for f in _list(fields) if isinstance(f, str))


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


# Rows


def plans_of(relations: Relations, tables: Tables, resource: str) -> list[Any]:
    """The plan of each row of a resource, in order: its own key for a plan, the value of its key to the plans,
    else the plan of the owned row its key refers to (None where it refers to none, or the resource to no plan)."""
    rows = tables.get(resource, [])
    if resource == OWNER:
        return [_value(row, relations.owner_key) for row in rows]
    key = relations.towards_plan.get(resource)
    if key is None:
        return [None] * len(rows)
    if key.target == OWNER:
        return [_value(row, key.fields) for row in rows]
    plans = key_plans(relations, tables, key.target, key.target_fields)
    return [plans.get(_value(row, key.fields)) for row in rows]


def key_plans(relations: Relations, tables: Tables, resource: str, fields: tuple[str, ...]) -> dict[Any, Any]:
    """The plan of the rows of a resource, by their values of ``fields`` (a key that others refer to by):
    measure_id -> plan_id."""
    rows = tables.get(resource, [])
    return dict(zip((_value(row, fields) for row in rows), plans_of(relations, tables, resource), strict=True))


def plan_keys(relations: Relations, tables: Tables, resource: str) -> dict[Any, Any]:
    """What the values of a resource's ``plan_field`` name: value -> plan (a measure_id's plan, a plan_id's own)."""
    key = relations.towards_plan.get(resource)
    if resource == OWNER or (key is not None and key.target == OWNER):
        return key_plans(relations, tables, OWNER, relations.owner_key)
    return key_plans(relations, tables, key.target, key.target_fields) if key is not None else {}


def slices(
    relations: Relations, tables: Tables, plans: Container[Any] | None = None
) -> Iterator[tuple[Any, dict[str, list[int]]]]:
    """Each plan (of ``plans`` when given), in the plans' order, with the positions of the rows of its slice in every
    table, in table order: its own row and rows, the rows that refer to it directly, and every row these refer to,
    in turn, by any foreign key (a chapter's action area, a plan's district, a district's parent).

    Every table is indexed once, so the cost grows with the rows, not with rows × plans.
    """
    outgoing = index(relations, tables)
    for plan, seeds in _rows_by_plan(relations, tables).items():
        if plans is not None and plan not in plans:
            continue
        kept = referred(seeds, tables, outgoing)
        yield plan, {name: sorted(kept.get(name, ())) for name in tables}


# Each resource's foreign keys, each with the position of the row that each value of the key refers to.
Index = dict[str, list[tuple[Reference, dict[tuple[Any, ...], int]]]]


def index(relations: Relations, tables: Tables) -> Index:
    """Where each foreign key leads: every value of every referred key, with its row's position. It reads the
    referred keys' columns alone."""
    outgoing: Index = {}
    for ref in relations.references:
        found = {_key(row, ref.target_fields): i for i, row in enumerate(tables.get(ref.target, []))}
        outgoing.setdefault(ref.resource, []).append((ref, found))
    return outgoing


def referred(seeds: Mapping[str, Iterable[int]], tables: Tables, outgoing: Index) -> dict[str, set[int]]:
    """The positions of the seed rows and of every row they refer to, in turn, by ``outgoing`` (``index``): of the
    rows of ``tables``, it reads these alone."""
    kept = {name: set(positions) for name, positions in seeds.items()}
    waiting = [(name, i) for name, positions in kept.items() for i in positions]
    while waiting:
        name, i = waiting.pop()
        for ref, found in outgoing.get(name, []):
            referred = found.get(_key(tables[name][i], ref.fields))
            if referred is not None and referred not in kept.setdefault(ref.target, set()):
                kept[ref.target].add(referred)
                waiting.append((ref.target, referred))
    return kept


def _rows_by_plan(relations: Relations, tables: Tables) -> dict[Any, dict[str, list[int]]]:
    """plan -> resource -> the positions of the rows that are the plan, belong to it or refer to it directly."""
    by_plan: dict[Any, dict[str, list[int]]] = {}
    for i, plan in enumerate(plans_of(relations, tables, OWNER)):
        by_plan.setdefault(plan, {}).setdefault(OWNER, []).append(i)
    for name in relations.towards_plan:
        for i, plan in enumerate(plans_of(relations, tables, name)):
            if plan in by_plan:
                by_plan[plan].setdefault(name, []).append(i)
    return by_plan


def _value(row: dict[str, Any], fields: tuple[str, ...]) -> Any:
    """A row's value of a key: one field's value, or the tuple of several (None for a key it lacks)."""
    return row.get(fields[0]) if len(fields) == 1 else _key(row, fields) if fields else None


def _key(row: dict[str, Any], fields: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(row.get(f) for f in fields)
