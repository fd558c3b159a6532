"""Checks on the CSV files as bytes, before frictionless reads them.

Frictionless quietly drops a UTF-8 byte-order mark and reads full-width digits
(２０２５) as numbers; a maintainer who saved a file from Excel deserves to be told
instead. A file that is missing, extra, or not UTF-8 is reported here too,
where its name is still known, rather than as a confusing error in every table
that refers to it.
"""

from __future__ import annotations

import codecs
import csv
import io

from .problems import Problem

NUMERIC_TYPES = {"integer", "number"}
BOM_HINT = (
    "the file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM (Excel: CSV UTF-8 adds one)"
)


def check_files(descriptor: dict, files: dict[str, bytes], shown: str) -> tuple[list[Problem], list[Problem]]:
    """(blocking, other) problems. ``files`` maps every file under data/ to its bytes; ``shown`` prefixes paths.

    Blocking problems (a missing, extra or unreadable file) stop validation before
    frictionless, whose errors would only echo them in other tables.
    """
    blocking: list[Problem] = []
    other: list[Problem] = []
    declared = {r["path"]: r for r in descriptor.get("resources", [])}
    for path in sorted(set(files) - set(declared)):
        blocking.append(Problem(f"{shown}/{path}", None, "", "file is not in datapackage.json",
                                "add a resource for it to datapackage.json, or remove the file"))  # fmt: skip
    for path, resource in declared.items():
        if path not in files:
            blocking.append(Problem(f"{shown}/{path}", None, "", "file listed in datapackage.json is missing",
                                    "restore the file, or remove its resource from datapackage.json"))  # fmt: skip
            continue
        data, name = files[path], f"{shown}/{path}"
        if data.startswith(codecs.BOM_UTF8):
            blocking.append(Problem(name, 1, "", "byte-order mark at the start of the file", BOM_HINT))
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            blocking.append(_encoding_problem(name, data, error))
            continue
        other += _cell_problems(name, text, resource.get("schema", {}).get("fields", []))
    return blocking, other


def _encoding_problem(name: str, data: bytes, error: UnicodeDecodeError) -> Problem:
    line = data[: error.start].count(b"\n") + 1
    try:
        data.decode("gbk")
        guess = "it reads as GBK"
    except UnicodeDecodeError:
        guess = "its encoding is unknown"
    return Problem(
        name,
        line,
        "",
        f"not UTF-8 ({guess})",
        "save the file as UTF-8 (in Excel: 另存为 → CSV UTF-8, then remove the BOM)",
    )


def _cell_problems(name: str, text: str, fields: list[dict]) -> list[Problem]:
    """Cells with spaces around them, and numbers written with other than ASCII digits."""
    types = {f["name"]: f.get("type", "string") for f in fields}
    problems = []
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    for line, row in enumerate(reader, start=2):
        for column, cell in zip(header, row, strict=False):
            if cell != cell.strip():
                problems.append(
                    Problem(
                        name,
                        line,
                        column,
                        f"spaces around “{cell.strip()}”",
                        "delete the spaces before and after the text",
                    )
                )
            if types.get(column) in NUMERIC_TYPES and any(c.isdigit() and not c.isascii() for c in cell):
                problems.append(Problem(name, line, column, f"“{cell}” is written with full-width or non-ASCII digits",
                                        "write the number with ASCII digits 0-9"))  # fmt: skip
    return problems
