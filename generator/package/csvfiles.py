"""Checks on the CSV files as bytes and as the text rows load parsed, before frictionless reads them.

Frictionless quietly drops a UTF-8 byte-order mark and reads full-width digits
(２０２５) as numbers; a maintainer who saved a file from Excel deserves to be told
instead. A file that is missing, extra, or not UTF-8 is reported here too,
where its name is still known, rather than as a confusing error in every table
that refers to it. So is a character no cell may hold (characters.py): a control
character, a line break, a bidirectional control.
"""

from __future__ import annotations

import codecs
from typing import Any

from generator.base.problems import Problem
from generator.package import characters

NUMERIC_TYPES = {"integer", "number"}
# What a spreadsheet reads as the start of a formula when it opens a CSV (a tab or carriage return first hides one).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_HINT = (
    "a spreadsheet opening the CSV would compute this text as a formula; if it is what the source says, keep it "
    "(the Excel download holds it as text), else remove the leading character"
)
BOM_HINT = (
    "the file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM (Excel: CSV UTF-8 adds one)"
)


def check_files(
    descriptor: dict[str, Any],
    files: dict[str, bytes],
    text_rows: dict[str, list[dict[str, str]]],
    shown: str,
    cells: bool = True,
) -> tuple[list[Problem], list[Problem]]:
    """(blocking, other) problems. ``files`` maps every file under data/ to its bytes, ``text_rows`` each
    resource's rows as load parsed them; ``shown`` prefixes paths. Without ``cells``, the files alone (the cells
    are checked a portion at a time: ``cell_problems``).

    Blocking problems (a missing, extra or unreadable file) stop validation before
    frictionless, whose errors would only echo them in other tables.
    """
    blocking: list[Problem] = []
    other: list[Problem] = []
    declared = {r["path"]: r for r in descriptor.get("resources", [])}
    for path in sorted(set(files) - set(declared)):
        hint = "add a resource for it to datapackage.json, or remove the file"
        blocking.append(
            Problem(f"{shown}/{path}", None, "", "file-not-in-descriptor", "file is not in datapackage.json", hint)
        )
    for path, resource in declared.items():
        if path not in files:
            hint = "restore the file, or remove its resource from datapackage.json"
            blocking.append(
                Problem(f"{shown}/{path}", None, "", "missing-file", "file listed in datapackage.json is missing", hint)
            )
            continue
        data, name = files[path], f"{shown}/{path}"
        if data.startswith(codecs.BOM_UTF8):
            blocking.append(
                Problem(name, 1, "", "byte-order-mark", "byte-order mark at the start of the file", BOM_HINT)
            )
            continue
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            blocking.append(_encoding_problem(name, data, error))
            continue
        fields = resource.get("schema", {}).get("fields", [])
        if review := review_problems(name, text_rows.get(resource.get("name"), [])):
            blocking += review
            continue
        if cells:
            other += cell_problems(name, list(enumerate(text_rows.get(resource.get("name"), []), start=2)), fields)
    return blocking, other


def cell_problems(name: str, numbered: list[tuple[int, dict[str, str]]], fields: list[dict[str, Any]]) -> list[Problem]:
    """The problems of the cells of rows of the file ``name`` (``numbered``: each with its row number in the file,
    the header being row 1) with the schema's ``fields``: their spaces, digits, lengths and characters."""
    return _cell_problems(name, numbered, fields) + characters.cell_problems(name, numbered)


# The most characters an Excel or WPS cell holds: the workbook download (downloads/formats.py) cannot hold more.
SPREADSHEET_CELL = 32_767

REVIEW_COLUMN = "review"  # a draft's (generator/draft): pending, accepted or rejected
REVIEW_HINT = (
    "review the row in its draft (datapackage/drafts/), then publish it with python -m generator draft --accept"
)


def review_problems(name: str, rows: list[dict[str, str]]) -> list[Problem]:
    """A published table holds draft rows: each row not accepted stops the build (file:row:review); a review
    column whose rows are all accepted is a leftover of the draft, named once."""
    if not rows or REVIEW_COLUMN not in rows[0]:
        return []
    problems = [
        Problem(
            name,
            line,
            REVIEW_COLUMN,
            "draft-row",
            f"draft row is {row[REVIEW_COLUMN] or 'unreviewed'}, not published",
            REVIEW_HINT,
        )
        for line, row in enumerate(rows, start=2)
        if row.get(REVIEW_COLUMN) != "accepted"
    ]
    message = "the review column belongs to drafts: delete it from the published table"
    return problems or [Problem(name, 1, REVIEW_COLUMN, "draft-row", message, REVIEW_HINT)]


def encoding_problem(name: str, data: bytes) -> Problem:
    """A file that is not UTF-8 (a source document, say), named with the line of its first undecodable byte."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _encoding_problem(name, data, error)
    raise ValueError(f"{name} is UTF-8")


def _encoding_problem(name: str, data: bytes, error: UnicodeDecodeError) -> Problem:
    line = data[: error.start].count(b"\n") + 1
    try:
        data.decode("gbk")
        guess = "it reads as GBK"
    except UnicodeDecodeError:
        guess = "its encoding is unknown"
    hint = "save the file as UTF-8 (in Excel: 另存为 → CSV UTF-8, then remove the BOM)"
    return Problem(name, line, "", "encoding-error", f"not UTF-8 ({guess})", hint)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet that opens the CSV would take this text for a formula (CSV or formula injection)."""
    return text.startswith(FORMULA_START)


def _cell_problems(
    name: str, numbered: list[tuple[int, dict[str, str]]], fields: list[dict[str, Any]]
) -> list[Problem]:
    """Cells with spaces around them, numbers written with other than ASCII digits, texts longer than a spreadsheet
    cell holds, and (warnings) texts that a spreadsheet would take for a formula. A line break or tab around a cell
    is no space: characters.py names it."""
    types = {f["name"]: f.get("type", "string") for f in fields}
    problems = []
    for line, row in numbered:
        for column, cell in row.items():
            if _has_spaces_around(cell):
                message = f"spaces around “{characters.shown(cell.strip())}”"
                hint = "delete the spaces before and after the text"
                problems.append(Problem(name, line, column, "cell-spaces", message, hint))
            if types.get(column) in NUMERIC_TYPES and any(c.isdigit() and not c.isascii() for c in cell):
                message = f"“{characters.shown(cell)}” is written with full-width or non-ASCII digits"
                problems.append(
                    Problem(name, line, column, "non-ascii-digits", message, "write the number with ASCII digits 0-9")
                )
            if len(cell) > SPREADSHEET_CELL:
                message = f"{len(cell):,} characters, more than a spreadsheet cell holds ({SPREADSHEET_CELL:,})"
                hint = "shorten the text: the workbook download would cut it, and Excel or WPS would show it cut"
                problems.append(Problem(name, line, column, "cell-too-long", message, hint))
            if types.get(column, "string") == "string" and looks_like_formula(cell):
                message = f"“{characters.shown(cell[:40])}” begins like a spreadsheet formula ({cell[:1]!r})"
                problems.append(Problem(name, line, column, "formula-like", message, FORMULA_HINT, "warning"))
    return problems


def _has_spaces_around(cell: str) -> bool:
    """Whether the cell begins or ends with whitespace other than what characters.py reports (a line break)."""
    if not cell or not (cell[0].isspace() or cell[-1].isspace()):  # what str.strip would strip: most cells none
        return False
    around = cell[: len(cell) - len(cell.lstrip())] + cell[len(cell.rstrip()) :]
    return any(not characters.IN_CELL.fullmatch(c) for c in around)
