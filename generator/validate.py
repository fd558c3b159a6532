"""Validate stage: the package against its schemas (frictionless) and the project's provenance rules."""

from __future__ import annotations

from frictionless import Checklist, FrictionlessException, Package
from frictionless.settings import VERSION as frictionless_version

from . import checks, csvfiles, outline
from . import sources as src
from .load import Loaded
from .problems import Problem

# Which fields must stand verbatim in the source: (resource, column that picks the source, fields).
VERBATIM_FIELDS = [
    ("plans", "plan_id", ["title", "issuer", "issue_date", "doc_number", "publication_note"]),
    ("chapters", "plan_id", ["title"]),
    ("measures", "plan_id", ["title"]),
    ("targets", "plan_id", ["quote"]),
    ("measure_agencies", "measure_id", ["name_as_printed"]),
    ("projects", "plan_id", ["name"]),
    ("pilot_alignment", "measure_id", ["quote"]),
]

ID_FIELDS = {"chapters": "chapter_id", "measures": "measure_id"}

# References that must stay inside the row's own plan: (resource, field, resource referred to).
SAME_PLAN = [
    ("measures", "chapter_id", "chapters"),
    ("targets", "chapter_id", "chapters"),
    ("targets", "measure_id", "measures"),
    ("projects", "measure_id", "measures"),
]


def validate(loaded: Loaded) -> list[Problem]:
    """Every problem in the package, all at once; an empty list means it may be published."""
    return validate_with_report(loaded)[0]


def validate_with_report(loaded: Loaded) -> tuple[list[Problem], dict]:
    """The problems, and a report of every check that ran and what it found, for publication."""
    package = loaded.package
    blocking, cell_problems = csvfiles.check_files(loaded.descriptor, loaded.data, "datapackage")
    if blocking:
        return sorted(blocking + cell_problems, key=_order), {"valid": False}
    try:
        project_checks = _project_checks(package, loaded.sources)
        report = package.validate(Checklist(checks=project_checks))
    except FrictionlessException as error:
        return [Problem(loaded.descriptor_file, None, "", error.error.message)], {"valid": False}
    problems = [Problem(loaded.descriptor_file, None, "", error.message) for error in report.errors]
    for task in report.tasks:
        file = f"datapackage/{task.place}"
        problems += [_problem(file, error) for error in task.errors]
    problems = sorted(set(problems + cell_problems), key=_order)
    return problems, _summary(report, project_checks, problems)


def _order(problem: Problem) -> tuple:
    return (problem.file, problem.row or 0, problem.field, problem.message)


def _summary(report, project_checks: list, problems: list[Problem]) -> dict:
    """What ran and what it found: frictionless' own checks per resource, then the project's rules."""
    return {
        "valid": not problems,
        "problems": len(problems),
        "validator": f"frictionless {frictionless_version}",
        "resources": [
            {"name": t.name, "path": t.place, "rows": t.stats.get("rows"), "errors": len(t.errors)}
            for t in report.tasks
        ],
        "checks": [
            {"check": "schema", "description": "types, formats and constraints of every cell (frictionless)"},
            {"check": "primary-key", "description": "primary keys are unique and present (frictionless)"},
            {"check": "foreign-key", "description": "every reference points at an existing row (frictionless)"},
            *({"check": c.type, "description": (type(c).__doc__ or "").strip()} for c in project_checks),
        ],
    }


def _project_checks(package: Package, source_bytes: dict[str, bytes]) -> list:
    """The project's checks, fed with what they look things up in: each table read once, each source decoded once."""
    texts = {
        row["plan_id"]: source_bytes[row["source_file"]].decode("utf-8", "replace")
        for row in _rows(package, "plans")
        if row["source_file"] in source_bytes
    }
    by_plan = {plan_id: src.matchable(text) for plan_id, text in texts.items()}
    outlines = {plan_id: {s.ref for s in outline.parse(text)} for plan_id, text in texts.items()}
    rows = {name: _rows(package, name) for name in ID_FIELDS}
    owners = {name: {row[key]: row["plan_id"] for row in rows[name]} for name, key in ID_FIELDS.items()}
    by_measure = {measure: by_plan[plan] for measure, plan in owners["measures"].items() if plan in by_plan}
    sources_by = {"plan_id": by_plan, "measure_id": by_measure}
    measure_chapters = {row["measure_id"]: row["chapter_id"] for row in rows["measures"]}
    units = {row["indicator_id"]: row["unit"] for row in _rows(package, "indicators")}
    return [
        checks.SourceFileMatches(source_bytes=source_bytes),
        *(
            checks.TextInSource(
                resource_name=name, key_field=key, field_names=fields, matchable_sources=sources_by[key]
            )
            for name, key, fields in VERBATIM_FIELDS
        ),
        checks.FiguresMatchQuote(),
        checks.EnglishKeepsFigures(),
        checks.EnglishIsEnglish(),
        checks.SectionInOutline(resource_names=["chapters", "measures", "targets"], outlines=outlines),
        checks.UnitMatchesIndicator(indicator_units=units),
        checks.MeasureInChapter(resource_name="targets", measure_chapters=measure_chapters),
        *(
            checks.SamePlan(resource_name=name, field_name=field, owner_plans=owners[target])
            for name, field, target in SAME_PLAN
        ),
    ]


def _rows(package: Package, name: str) -> list[dict]:
    """Rows of one resource for building the checks; unreadable rows are left to validation."""
    if not package.has_resource(name):
        return []
    try:
        return [row.to_dict() for row in package.get_resource(name).read_rows() if row.valid]
    except FrictionlessException:
        return []


# What a maintainer can do about each kind of frictionless error.
HINTS = {
    "type-error": "write a value of the field's type: see the data dictionary",
    "constraint-error": "see the allowed values or pattern of this field in datapackage.json",
    "primary-key": "every row needs its own key: change or delete the duplicate row",
    "foreign-key": "correct the value, or add the row it refers to in the other table first",
    "missing-label": "the header row must list the fields of datapackage.json, in order",
    "incorrect-label": "the header row must list the fields of datapackage.json, in order",
    "extra-label": "the header row must list the fields of datapackage.json, in order",
    "duplicate-label": "the header row must list the fields of datapackage.json, in order",
    "blank-label": "the header row must list the fields of datapackage.json, in order",
    "extra-cell": "this row has more cells than the header: quote a cell that contains a comma",
    "missing-cell": "this row has fewer cells than the header: add the missing cells (empty ones too)",
    "blank-row": "delete the empty row",
    "not-in-source": "copy the text exactly from the source document (spaces and line breaks do not matter)",
}


def _problem(file: str, error) -> Problem:
    row = getattr(error, "row_number", None) or (1 if error.type.endswith("-label") else None)
    field = getattr(error, "field_name", None) or ",".join(getattr(error, "field_names", []) or [])
    note = getattr(error, "note", "")
    if isinstance(error, (checks.NotInSourceError, checks.ProvenanceError)):
        message = note
    elif getattr(error, "cell", None) not in (None, ""):
        message = f"{error.title.lower()}: “{error.cell}”" + (f" ({note})" if note else "")
    else:
        message = f"{error.title.lower()}: {note}" if note else error.message
    return Problem(file, row, field, message, HINTS.get(error.type, ""))
