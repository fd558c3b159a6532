"""Validate stage: the package against its schemas (frictionless) and the project's provenance rules.

One frictionless pass over each table finds the problems and keeps the typed rows the later stages use. A package
of several regions is read in portions (regional.py): each region's rows apart, and the keys across them on the key
columns of the whole.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import attrs
from frictionless import Check, Checklist, FrictionlessException, Package, Resource, Schema
from frictionless.settings import VERSION as frictionless_version

from generator.base import sources as src
from generator.base.problems import Problem, order
from generator.base.source_text import Source
from generator.package import (
    addresses,
    characters,
    checks,
    clauses,
    csvfiles,
    keys,
    passages,
    project_files,
    regional,
    relations,
    verdict_digests,
)
from generator.package.load import Inputs

# Which fields must stand verbatim in the source of the row's plan: (resource, fields). The column that picks the
# plan is the resource's key towards it (relations.py): plan_id, or measure_id for the links between measures and
# agencies. A document that is one of the package's plans is checked against that plan's source; the others, whose
# plan_id is empty, against the quotes that cite them (checks.DocumentAsCited).
VERBATIM_FIELDS = [
    ("plans", ["title", "issuer", "issue_date", "doc_number", "publication_note"]),
    ("chapters", ["title"]),
    ("measures", ["title"]),
    ("targets", ["quote"]),
    ("measure_agencies", ["name_as_printed"]),
    ("projects", ["name"]),
    ("pilot_alignment", ["quote"]),
    ("citations", ["quote"]),
    ("documents", ["title", "issuer", "doc_number"]),
]

Tables = dict[str, list[dict[str, Any]]]  # resource name -> its rows

# The resources whose quotes the source pages mark and link to: each quote must stand within one paragraph.
QUOTED = ("targets", "citations")


@dataclass(frozen=True)
class Validation:
    """What validation found: the problems, the report published with the data, and the rows it typed."""

    problems: list[Problem]  # the errors, sorted; none means the package may be published
    report: dict[str, Any]  # every check that ran and what it found (published as validation-report.json)
    tables: dict[str, list[dict[str, Any]]]  # resource name -> its rows typed by the schema, as frictionless read them
    warnings: list[Problem] = dataclasses.field(default_factory=list)  # sorted; printed, they do not stop the build
    owners: regional.Owners | None = None  # which region's portion each row is in, when validated by region


@dataclass(frozen=True)
class Drawing:
    """What the build draws text with (its share images): which fields it draws, and whether it can draw a
    character. Given by the build, so that validation needs no drawing code."""

    fields: dict[str, list[str]]  # resource name -> the fields drawn
    can_draw: Callable[[str], bool]


@dataclass(frozen=True)
class Verdict:
    """What validating a portion of the package found (regional.py): its problems, on the package's rows, and its
    rows as frictionless typed them."""

    problems: list[Problem]
    tables: dict[str, list[dict[str, Any]]]
    cells: list[Problem] = dataclasses.field(default_factory=list)  # its cells' (csvfiles.cell_problems), warnings too


@dataclass(frozen=True)
class Task:
    """A part of validation whose verdict can be kept (build/checking.py): what it is made from, and how it is made."""

    name: str  # a portion's name (regional.py), or KEYS
    size: int  # the bytes it reads: the largest are started first
    digest: Callable[[], str]  # what its verdict is made from (verdict_digests.py), without the code
    verdict: Callable[[], Verdict]


KEYS = "(keys)"  # the task of the keys and the checks across rows, on the key columns of the whole package

# How the tasks are done: given them, their verdicts in order.
Run = Callable[[list[Task]], list[Verdict]]


def one_by_one(tasks: list[Task]) -> list[Verdict]:
    """Each task done in turn, in this process, and nothing kept (build/checking.py keeps verdicts)."""
    return [task.verdict() for task in tasks]


def validate(inputs: Inputs, drawing: Drawing | None = None, run: Run = one_by_one) -> Validation:
    """Every problem in the package, all at once, from one read of each table by frictionless; with ``drawing``,
    also each drawn text's characters. A package of several regions is validated a region at a time, each from its
    own rows (``run`` says how), and what crosses regions on the key columns of the whole (regional.py)."""
    portions = regional.divide(inputs)  # None: validated whole
    blocking, cell_problems = _files(inputs, cells=portions is None)
    if blocking and portions is not None:  # not validated further: every cell is checked here, as whole
        blocking, cell_problems = _files(inputs, cells=True)
        portions = None
    # In a package validated by region, each plan's source is checked with its plan's portion.
    named = set() if portions is None else {row.get("source_file") for row in inputs.text_rows.get("plans", [])}
    for path in inputs.source_texts:
        if path not in named:
            cell_problems += _source_problems(inputs, path)
    cell_problems += addresses.problems(inputs.descriptor_file, addresses.described(inputs.descriptor))
    for config, configured in inputs.configured_addresses.items():
        cell_problems += addresses.problems(config, configured)
    cell_problems += project_files.unreferenced(inputs.package_files, inputs.text_rows.get("plans"), "datapackage")
    cell_problems, warnings = _split(cell_problems)
    if blocking:
        return Validation(sorted(blocking + cell_problems, key=order), {"valid": False}, {}, warnings)
    try:
        project_checks = _project_checks(inputs, drawing)
        if portions is None:
            problems, tables, resources = _whole(inputs, project_checks)
        else:
            problems, tables, resources, in_cells = _divided(inputs, project_checks, portions, run)
            more_problems, more_warnings = _split(in_cells)
            cell_problems, warnings = cell_problems + more_problems, sorted({*warnings, *more_warnings}, key=order)
    except FrictionlessException as error:
        problem = Problem(inputs.descriptor_file, None, "", error.error.type, error.error.message)
        return Validation([problem], {"valid": False}, {}, warnings)
    problems = sorted(set(problems + _unplaced(inputs) + cell_problems), key=order)
    owners = None if portions is None else {portion.name: portion.rows for portion in portions}
    return Validation(problems, _summary(resources, project_checks, problems, warnings), tables, warnings, owners)


def _source_problems(inputs: Inputs, path: str) -> list[Problem]:
    """A source text's characters (characters.source_problems), or that it is not UTF-8."""
    source = inputs.source_texts[path]
    if source.utf8:
        return characters.source_problems(f"datapackage/{path}", source.text)
    return [csvfiles.encoding_problem(f"datapackage/{path}", inputs.source_files[path])]


def _files(inputs: Inputs, cells: bool) -> tuple[list[Problem], list[Problem]]:
    """(blocking, other) problems of the package's files (csvfiles.check_files); with ``cells``, of every cell too."""
    return csvfiles.check_files(inputs.descriptor, inputs.data, inputs.text_rows, "datapackage", cells)


def _whole(inputs: Inputs, project_checks: list[Check]) -> tuple[list[Problem], Tables, list[dict[str, Any]]]:
    """The package validated in one frictionless pass: (problems, typed tables, rows and errors per resource)."""
    tables: Tables = {resource.name: [] for resource in inputs.package.resources}
    # No limit: frictionless stops reading a table at its 1,000th error by default, and says so only in the report's
    # warnings; every problem is counted, and the printed list is cut instead (problems.listed).
    report = inputs.package.validate(
        Checklist(checks=[*project_checks, checks.KeepRows(tables=tables)]), limit_errors=0
    )
    problems = _report_problems(inputs, report, report.tasks)
    problems += _passage_problems(inputs, _numbered(inputs.text_rows, QUOTED))
    return problems, tables, _counted(inputs, problems)


def _divided(
    inputs: Inputs, project_checks: list[Check], portions: list[regional.Portion], run: Run
) -> tuple[list[Problem], Tables, list[dict[str, Any]], list[Problem]]:
    """The package validated a portion at a time, each from its own rows with the checks of single rows, and the
    keys and the checks across rows (checks.ACROSS_ROWS) on the whole package's key columns: (problems, typed
    tables, rows and errors per resource, the problems of cells)."""
    across = [check for check in project_checks if type(check) in checks.ACROSS_ROWS]
    within = [check for check in project_checks if check not in across]
    descriptor, data = regional.key_tables(inputs, {
        name: fields for check in across for name, fields in checks.ACROSS_ROWS[type(check)].items()
    })  # fmt: skip
    without_keys = regional.portion_descriptor(inputs.descriptor)
    digests = functools.cache(functools.partial(verdict_digests.portion_digests, inputs, portions, within))
    tasks = [
        Task(
            KEYS,
            sum(map(len, data.values())),
            functools.partial(verdict_digests.keys_digest, descriptor, data, across),
            functools.partial(_keys, inputs, descriptor, data, across),
        ),
        *(
            Task(
                portion.name,
                sum(map(len, portion.data.values())),
                functools.partial(_nth, digests, index),
                functools.partial(_portion, inputs, without_keys, within, portion),
            )
            for index, portion in enumerate(portions)
        ),
    ]
    on_keys, *verdicts = run(tasks)
    problems = list(on_keys.problems)
    tables: Tables = {}
    for resource in inputs.descriptor["resources"]:
        typed: list[Any] = [None] * len(inputs.text_rows[resource["name"]])
        for portion, verdict in zip(portions, verdicts, strict=True):
            for position, row in zip(portion.rows[resource["name"]], verdict.tables[resource["name"]], strict=True):
                typed[position] = row
        tables[resource["name"]] = typed
    problems += [problem for verdict in verdicts for problem in verdict.problems]
    return problems, tables, _counted(inputs, problems), [problem for verdict in verdicts for problem in verdict.cells]


def _counted(inputs: Inputs, problems: list[Problem]) -> list[dict[str, Any]]:
    """Each resource's rows and the problems validation found in them, for the report."""
    files = {f"datapackage/{r['path']}": r for r in inputs.descriptor["resources"]}
    errors = Counter(files[p.file]["name"] for p in set(problems) if p.file in files)
    return [
        {"name": r["name"], "path": r["path"], "rows": len(inputs.text_rows[r["name"]]), "errors": errors[r["name"]]}
        for r in inputs.descriptor["resources"]
    ]


def _nth(made: Callable[[], list[str]], index: int) -> str:
    return made()[index]


def _keys(inputs: Inputs, descriptor: dict[str, Any], data: dict[str, bytes], across: list[Check]) -> Verdict:
    """The keys and the checks across rows (``across``), on the key columns of the whole package (regional.key_tables:
    ``descriptor`` and ``data``): their problems, on the package's rows."""
    report = _in_memory(descriptor, data).validate(Checklist(checks=across), limit_errors=0)
    return Verdict(_report_problems(inputs, report, report.tasks, descriptor), {})


def _portion(
    inputs: Inputs, descriptor: dict[str, Any], project_checks: list[Check], portion: regional.Portion
) -> Verdict:
    """A portion validated from its own rows alone, with ``descriptor`` (regional.portion_descriptor): each row's
    problems, on the package's rows, and its typed rows."""
    tables: Tables = {resource["name"]: [] for resource in descriptor["resources"]}
    checklist = Checklist(checks=[*project_checks, checks.KeepRows(tables=tables)])
    report = _in_memory(descriptor, portion.data).validate(checklist, limit_errors=0)
    tasks = [
        _Task(task.name, task.place, [_moved(error, portion, task.name) for error in task.errors])
        for task in report.tasks
    ]
    numbered = {
        resource["name"]: [(p + 2, inputs.text_rows[resource["name"]][p]) for p in portion.rows[resource["name"]]]
        for resource in inputs.descriptor["resources"]
    }
    problems = _report_problems(inputs, report, tasks, inputs.descriptor) + _passage_problems(inputs, numbered)
    in_cells = [
        problem
        for resource in inputs.descriptor["resources"]
        for problem in csvfiles.cell_problems(
            f"datapackage/{resource['path']}", numbered[resource["name"]], resource["schema"].get("fields", [])
        )
    ]
    plans = inputs.text_rows.get("plans", [])
    for path in sorted({plans[position].get("source_file") or "" for position in portion.rows.get("plans", ())}):
        in_cells += _source_problems(inputs, path) if path in inputs.source_texts else []
    return Verdict(problems, tables, in_cells)


@dataclass(frozen=True)
class _Task:
    """A report task of a portion, its errors on the package's rows."""

    name: str
    place: str
    errors: list[Any]


def _moved(error: Any, portion: regional.Portion, resource: str) -> Any:
    """A portion's error on the package's row (its message names that row too)."""
    row_number = getattr(error, "row_number", None)
    return attrs.evolve(error, row_number=portion.line(resource, row_number)) if row_number else error


def _in_memory(descriptor: dict[str, Any], data: dict[str, bytes]) -> Package:
    """A package of ``descriptor``'s resources whose CSV files are ``data`` (resource name -> bytes)."""
    return Package(
        resources=[
            Resource(
                data=data[r["name"]],
                name=r["name"],
                format="csv",
                encoding=r.get("encoding"),
                schema=Schema.from_descriptor(r["schema"]),
            )
            for r in descriptor["resources"]
        ]
    )


def _report_problems(
    inputs: Inputs, report: Any, tasks: list[Any], descriptor: dict[str, Any] | None = None
) -> list[Problem]:
    """The problems of a frictionless report whose ``tasks`` are the package's resources, named by their files;
    ``descriptor``: the one validated, when not the package's own (its keys' fields name the errors' cells)."""
    descriptor = descriptor or inputs.descriptor
    paths = {r["name"]: r["path"] for r in inputs.descriptor["resources"]}
    named = [_Task(task.name, paths[task.name], task.errors) for task in tasks]
    problems = [Problem(inputs.descriptor_file, None, "", error.type, error.message) for error in report.errors]
    key_problems, handled = keys.key_problems(descriptor, named)
    for task in named:
        problems += [_problem(f"datapackage/{task.place}", error) for error in task.errors if id(error) not in handled]
    return problems + key_problems


def _numbered(
    tables: dict[str, list[dict[str, str]]], names: tuple[str, ...]
) -> dict[str, list[tuple[int, dict[str, str]]]]:
    """Each resource's rows with their row numbers in its file (the header is row 1)."""
    return {name: list(enumerate(tables.get(name, []), start=2)) for name in names}


def _split(problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings sorted)."""
    return [p for p in problems if not p.is_warning], sorted((p for p in problems if p.is_warning), key=order)


def _summary(
    resources: list[dict[str, Any]], project_checks: list[Check], problems: list[Problem], warnings: list[Problem]
) -> dict[str, Any]:
    """What ran and what it found: frictionless' own checks per resource, then the project's rules; the warnings
    are counted and listed (file:row:field: what)."""
    return {
        "valid": not problems,
        "problems": len(problems),
        "warnings": len(warnings),
        "warning_list": [str(w) for w in warnings],
        "validator": f"frictionless {frictionless_version}",
        "resources": resources,
        "checks": [
            {"check": "schema", "description": "types, formats and constraints of every cell (frictionless)"},
            {"check": "primary-key", "description": "primary keys are unique and present (frictionless)"},
            {"check": "foreign-key", "description": "every reference points at an existing row (frictionless)"},
            {
                "check": "formula-like",
                "description": "warns of texts a spreadsheet would take for a formula (=, +, -, @, tab or CR first)",
            },
            {
                "check": "characters",
                "description": "refuses control characters (line breaks and tabs in cells too), noncharacters and "
                "bidirectional controls in the tables and the source texts; warns of zero-width characters",
            },
            *({"check": c.type, "description": (type(c).__doc__ or "").strip()} for c in project_checks),
            {
                "check": "target-year",
                "description": "a target's year is the deadline before its quote's end in its own sentence, or none",
            },
            {
                "check": "dated-clause-without-row",
                "description": "a dated result that a quote states by its direction alone has a qualitative row",
            },
        ],
    }


def _project_checks(inputs: Inputs, drawing: Drawing | None) -> list[Check]:
    """The project's checks, fed with what they look things up in: the text rows load parsed, the sources it decoded."""
    rows = inputs.text_rows
    by_plan = {
        plan_id: inputs.source_texts[source_file]
        for row in rows.get("plans", [])
        if (plan_id := _cell(row, "plan_id")) and (source_file := _cell(row, "source_file")) in inputs.source_texts
    }
    matchable = {plan_id: source.matchable for plan_id, source in by_plan.items()}
    outlines = {plan_id: source.refs for plan_id, source in by_plan.items()}
    measure_chapters = _lookup(rows.get("measures", []), "measure_id", "chapter_id")
    units = _lookup(rows.get("indicators", []), "indicator_id", "unit")
    titles = _lookup(rows.get("documents", []), "document_id", "title")
    cited: dict[str, list[str]] = {}
    for row in rows.get("citations", []):
        if (document := _cell(row, "document_id")) and (quote := _cell(row, "quote")):
            cited.setdefault(document, []).append(quote)
    return [
        checks.SourceFileMatches(source_bytes=inputs.source_files),
        *_verbatim_checks(inputs.relations, rows, matchable),
        checks.QuoteOccurrence(resource_names=list(QUOTED), matchable_sources=matchable),
        checks.FiguresMatchQuote(),
        checks.SecondaryDocNumber(matchable_sources=matchable),
        checks.HedgeWordsRecorded(),
        checks.EnglishKeepsFigures(),
        checks.EnglishIsEnglish(),
        checks.TranslationSaysHow(),
        checks.ComparatorWording(),
        checks.ScopeAsPrinted(subjects=_scope_subjects(rows.get("targets", []))),
        checks.ConsistentCoding(place_names=[_cell(r, "name_zh") or "" for r in rows.get("districts", [])]),
        checks.SectionInOutline(resource_names=["chapters", "measures", "targets", "citations"], outlines=outlines),
        checks.TitleInQuote(document_titles=titles),
        checks.DocumentAsCited(quotes=cited),
        checks.UnitMatchesIndicator(indicator_units=units),
        *([checks.DrawnInShareImages(drawn_fields=drawing.fields, can_draw=drawing.can_draw)] if drawing else []),
        checks.MeasureInChapter(resource_name="targets", measure_chapters=measure_chapters),
        *_same_plan_checks(inputs.relations, rows),
    ]


def _verbatim_checks(
    ownership: relations.Relations, rows: dict[str, list[dict[str, str]]], matchable: dict[str, str]
) -> list[Check]:
    """For each resource of VERBATIM_FIELDS, its fields against the source of each row's plan, which the row's key
    towards its plan picks. A resource without such a key (a broken descriptor) cannot be: _unplaced says so."""
    found = []
    for name, fields in VERBATIM_FIELDS:
        if (key := ownership.plan_field(name)) is not None:
            plans = relations.plan_keys(ownership, rows, name)
            sources = {value: matchable[plan] for value, plan in plans.items() if value and plan in matchable}
            found.append(
                checks.TextInSource(resource_name=name, key_field=key, field_names=fields, matchable_sources=sources)
            )
    return found


def _same_plan_checks(ownership: relations.Relations, rows: dict[str, list[dict[str, str]]]) -> list[Check]:
    """A check for each reference that must stay within the row's own plan (relations.Relations.same_plan): the
    plan of the row it refers to is the row's."""
    found = []
    for reference in ownership.same_plan():
        plan_field = ownership.plan_field(reference.resource)
        if len(reference.fields) == 1 and plan_field is not None:  # the check compares one column's values
            owners = relations.key_plans(ownership, rows, reference.target, reference.target_fields)
            found.append(
                checks.SamePlan(
                    resource_name=reference.resource,
                    field_name=reference.fields[0],
                    plan_field=plan_field,
                    owner_plans={value: plan or None for value, plan in owners.items() if value},
                )
            )
    return found


def _unplaced(inputs: Inputs) -> list[Problem]:
    """A resource of VERBATIM_FIELDS that the descriptor gives no key towards the plans: its rows' fields cannot be
    checked against their source, and would pass unchecked."""
    declared = {r.get("name") for r in inputs.descriptor.get("resources", []) if isinstance(r, dict)}
    return [
        Problem(
            inputs.descriptor_file,
            None,
            "",
            "no-plan-key",
            f"no key leads from the rows of {name} to their plan: their {', '.join(fields)} cannot be checked in its "
            "source",
            HINTS["no-plan-key"],
        )
        for name, fields in VERBATIM_FIELDS
        if name in declared and inputs.relations.plan_field(name) is None
    ]


def _scope_subjects(targets: list[dict[str, str]]) -> dict[str, dict[str, tuple[str, str]]]:
    """plan_id -> the words that name whom a target applies to (scope_as_printed, of a scope other than the whole
    district) -> (that scope, the first target that codes them so)."""
    subjects: dict[str, dict[str, tuple[str, str]]] = {}
    for row in targets:
        words, scope = src.squeeze(row.get("scope_as_printed", "")), row.get("scope", "")
        if words and scope and scope != "district":
            subjects.setdefault(row.get("plan_id", ""), {}).setdefault(words, (scope, row.get("target_id", "")))
    return subjects


def _cell(row: dict[str, str], field: str) -> str | None:
    """A text cell as frictionless types a string: None when empty or absent."""
    return row.get(field) or None


def _lookup(rows: list[dict[str, str]], key: str, value: str) -> dict[str, str | None]:
    """{key: value} over the rows that have a key."""
    return {row[key]: _cell(row, value) for row in rows if _cell(row, key)}


def _passage_problems(inputs: Inputs, numbered: dict[str, list[tuple[int, dict[str, str]]]]) -> list[Problem]:
    """The checks that read a plan's source as its page shows it, in paragraphs (passages.blocks), each plan's
    source read once for all of them: quotes across paragraphs, and what a target's sentence decides. ``numbered``:
    the rows of QUOTED checked, each with its row number."""
    sources = {
        _cell(row, "plan_id"): inputs.source_texts.get(_cell(row, "source_file") or "")
        for row in inputs.text_rows.get("plans", [])
    }
    quoted: dict[str | None, dict[str, list[tuple[int, dict[str, str]]]]] = {}  # plan_id -> resource -> its rows
    for name in QUOTED:
        for line, row in numbered.get(name, []):
            quoted.setdefault(_cell(row, "plan_id"), {}).setdefault(name, []).append((line, row))
    files = {name: _file_of(inputs, name) for name in QUOTED}
    problems = []
    for plan_id, rows in quoted.items():
        source = sources.get(plan_id) if plan_id is not None else None  # no plan: the keys' checks report it
        if source is None:
            continue
        document = passages.blocks(source)
        for name in QUOTED:
            problems += _quotes_across_paragraphs(files[name], source, document, rows.get(name, []))
        problems += _sentence_problems(files["targets"], source, document, rows.get("targets", []))
    return problems


def _quotes_across_paragraphs(
    file: str, source: Source, document: list[passages.Block], rows: list[tuple[int, dict[str, str]]]
) -> list[Problem]:
    """Quotes (of a plan's targets or of its citations) that stand in the source, but not within one paragraph of
    it as the source page shows it: the page could not mark them, nor a link lead to them."""
    quotes = []  # each named by its line
    for line, row in rows:
        quote = _cell(row, "quote")
        if not quote or not src.occurs_in(quote, source.matchable):  # else not-in-source
            continue
        occurrence = _occurrence(row, src.occurrences(quote, source.matchable))
        if occurrence is not False:  # else reported by quote-occurrence or a type error
            quotes.append(passages.Quote(str(line), row.get("section", ""), quote, occurrence))
    message = "the quote stands in the source, but across two of its paragraphs"
    return [
        Problem(file, int(line), "quote", "quote-spans-paragraphs", message, HINTS["quote-spans-paragraphs"])
        for line in passages.mark(document, quotes)
    ]


def _sentence_problems(
    file: str, source: Source, document: list[passages.Block], rows: list[tuple[int, dict[str, str]]]
) -> list[Problem]:
    """What a target's sentence decides (clauses.py): its year is the deadline before its quote's end in its own
    sentence, or none (target-year); and in the key tasks, every dated result that its quote states by its
    direction alone is the quote of a qualitative row of its plan (dated-clause-without-row). Quotes that do not
    stand within one paragraph are reported by the other checks."""
    problems = []
    qualitative = [src.squeeze(r["quote"]) for _, r in rows if r.get("kind") == "qualitative" and r.get("quote")]
    for line, row in rows:
        quote = _cell(row, "quote")
        if not quote or not src.occurs_in(quote, source.matchable):
            continue
        occurrence = _occurrence(row, src.occurrences(quote, source.matchable))
        place = occurrence is not False and passages.locate(
            document, passages.Quote(str(line), row.get("section", ""), quote, occurrence)
        )
        if not place:
            continue
        placed = clauses.Placed.of(place[0].text, place[1], place[2])
        if message := _year_problem(placed.deadline, row.get("target_year", "")):
            problems.append(Problem(file, line, "target_year", "target-year", message, HINTS["target-year"]))
        # In the key tasks (a row of a numbered measure) every dated result is recorded (rule 3); the main goals
        # record only the outcomes rule 4 lists, so a quote there may pass over a clause that has no row.
        for clause in placed.dated_direction_clauses if row.get("measure_id") else []:
            if not any(clause in other for other in qualitative):
                message = f"the quote carries “{clause}”, a dated result with no qualitative row of its own"
                hint = HINTS["dated-clause-without-row"]
                problems.append(Problem(file, line, "quote", "dated-clause-without-row", message, hint))
    return problems


def _year_problem(deadline: clauses.Deadline | None, target_year: str) -> str:
    """What is wrong with a target's year, given the deadline of its sentence ("" when nothing is). A year that is
    not written in ASCII digits is reported by the checks of the cell itself."""
    if target_year and not (target_year.isascii() and target_year.isdigit()):
        return ""
    if deadline is None and target_year:
        return (
            f"no deadline stands before the quote in its sentence (a later sentence's does not reach back): "
            f"target_year stays empty, not {target_year}"
        )
    if deadline is not None and target_year != str(deadline.year):
        given = f"target_year {deadline.year}"
        return f"“{deadline.words}” before the quote in its sentence gives {given}, not {target_year or 'none'}"
    return ""


def _file_of(inputs: Inputs, resource: str) -> str:
    return next(
        (f"datapackage/{r.get('path')}" for r in inputs.descriptor.get("resources", []) if r.get("name") == resource),
        "",
    )


def _occurrence(row: dict[str, str], count: int) -> int | None | bool:
    """A quoted row's quote_occurrence as a number (None: not given, and the quote stands once), or False when it
    is not a place of the quote (checks.QuoteOccurrence and the schema report it)."""
    text = _cell(row, "quote_occurrence")
    if text is None:
        return None if count == 1 else False
    return int(text) if text.isdigit() and 1 <= int(text) <= count else False


# What a maintainer can do about each kind of frictionless error.
HINTS = {
    "type-error": "write a value of the field's type: see the data dictionary",
    "constraint-error": "see the allowed values or pattern of this field in datapackage.json",
    "foreign-key": "correct the value, or add the row it refers to in the other table first",
    "missing-label": "the header row must list the fields of datapackage.json, in order",
    "incorrect-label": "the header row must list the fields of datapackage.json, in order",
    "extra-label": "the header row must list the fields of datapackage.json, in order",
    "duplicate-label": "the header row must list the fields of datapackage.json, in order",
    "blank-label": "the header row must list the fields of datapackage.json, in order",
    "extra-cell": "this row has more cells than the header: quote a cell that contains a comma",
    "missing-cell": "this row has fewer cells than the header: add the missing cells (empty ones too)",
    "blank-row": "delete the empty row",
    "no-plan-key": (
        "give the resource its required foreign key to plans (plan_id), or to a table that has one (measure_id); "
        "plans their primary key"
    ),
    "not-in-source": "copy the text exactly from the source document (spaces and line breaks do not matter)",
    "quote-spans-paragraphs": "quote one paragraph of the source: split the row in two, or shorten its quote",
    "hedge-word": "add the word to hedge, joined with 、 in the order the quote writes them (see the methodology)",
    "target-year": "a deadline gives its year to what follows it up to the full stop: see the methodology's rules",
    "dated-clause-without-row": "give the clause a qualitative row of its own (rule 3 of the methodology)",
    "quote-occurrence": "count the places the quote stands in the source, in order, and give the one meant",
    "title-not-in-quote": "quote the words that name the document, or correct its document_id or its title",
    "scope-as-printed": "copy the words that name whom it applies to from the quote; none for a whole district",
    "inconsistent-coding": "code the same construction the same way: the rules are on the methodology page",
    "translation-mismatch": "fill the English, or empty translation while the row waits for its translation",
    "missing-glyph": (
        "write the character as the source does, or add it to generator/build/fonts/ (its README says how)"
    ),
    "comparator-wording": (
        "ge is “at least”, gt “more than”, le “at most”, lt “less than”: reword the English or correct the comparator"
    ),
}


def _problem(file: str, error: Any) -> Problem:
    row = getattr(error, "row_number", None) or (1 if error.type.endswith("-label") else None)
    field = getattr(error, "field_name", None) or ",".join(getattr(error, "field_names", []) or [])
    note = getattr(error, "note", "")
    if isinstance(error, checks.ProjectError):
        message = note
    elif getattr(error, "cell", None) not in (None, ""):
        message = f"{error.title.lower()}: “{error.cell}”" + (f" ({note})" if note else "")
    else:
        message = f"{error.title.lower()}: {note}" if note else error.message
    # A cell frictionless quotes may hold what characters.py reports: escaped, it prints as it is.
    return Problem(file, row, field, error.type, characters.shown(message), HINTS.get(error.type, ""))
