"""Writers for the download formats: JSON records, a chart's data as CSV, Parquet tables, an Excel workbook, a
SQLite database, a ZIP.

Pure functions from rows and schemas to bytes. Every writer is deterministic:
the same input gives the same bytes (no clock, fixed ordering), so two builds
of one commit publish identical files.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import json
import sqlite3
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import xlsxwriter

from generator.package.csvfiles import looks_like_formula

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "date": "TEXT"}
# Table Schema types as Arrow (Parquet) types. A number is a float64, as in the JSON, Excel and SQLite files: every
# reader takes it as a plain number, and the figures of the data (31.02, 1.25) read back as the CSV writes them. A
# decimal type would need a precision and scale fixed per column, and pandas would read it as Python objects.
ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}


def to_json(rows: list[dict]) -> bytes:
    """Records with the schema's types: numbers as numbers, dates as ISO strings, empty as null."""
    return (json.dumps(rows, ensure_ascii=False, indent=1, default=json_value) + "\n").encode("utf-8")


def json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_spreadsheet_csv(header: list[str], rows: list[dict]) -> bytes:
    """Typed rows as a CSV for spreadsheets (a derived table, not a package file): UTF-8 with a byte-order mark, so
    that Excel and WPS read the Chinese on a double click, and every text a spreadsheet would take for a formula
    (csvfiles.looks_like_formula: =, +, -, @, a tab or CR first) begun with an apostrophe, which the spreadsheet
    shows as text and does not compute. Numbers as the JSON writes them, dates ISO, booleans true/false, empty as
    empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_spreadsheet_text(row[name]) for name in header] for row in rows)
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


def _spreadsheet_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | datetime.date):
        return str(json_value(value))
    if isinstance(value, str):
        return "'" + value if looks_like_formula(value) else value
    return str(value)


def to_parquet(schema: dict, rows: list[dict]) -> bytes:
    """One resource as a Parquet file, each column of its Table Schema type, nullable unless the field is required.

    Deterministic: the file holds no time, only the schema and pyarrow's name and version (``created_by``).
    """
    fields = [
        pa.field(f["name"], ARROW_TYPES[f["type"]], nullable=not f.get("constraints", {}).get("required", False))
        for f in schema["fields"]
    ]
    columns = {f.name: [_arrow_value(row[f.name]) for row in rows] for f in fields}
    table = pa.table(columns, schema=pa.schema(fields))
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="snappy")
    return buffer.getvalue()


def to_xlsx(readme: list[list[str]], sheets: dict[str, tuple[list[str], list[dict]]], when: datetime.datetime) -> bytes:
    """A workbook with a README sheet first, then one sheet per resource (header row, typed cells).

    Written by XlsxWriter in its constant-memory mode, which writes each row out as it is given (to temporary files,
    as to_sqlite's database is) instead of keeping a cell object for each: about ten times as fast as openpyxl's
    write-only mode on the rows of 300 synthetic plans. Every text is written as a text cell, never as a formula,
    a number or a link, whatever it begins with. The bytes depend on the rows and ``when`` alone: XlsxWriter stamps
    every entry of the file with one fixed date, and the document's created and modified times are ``when``.
    """
    buffer = io.BytesIO()
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False}
    book = xlsxwriter.Workbook(buffer, options | {"strings_to_urls": False})
    book.set_properties({"created": when})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    about = book.add_worksheet("README")
    about.set_column(0, 0, 24)
    about.set_column(1, 1, 100)
    for row, line in enumerate(readme):
        for column, value in enumerate(line):
            _write(about, row, column, value, day)
    for name, (fields, rows) in sheets.items():
        sheet = book.add_worksheet(name)
        sheet.freeze_panes(1, 0)
        for column, field in enumerate(fields):
            _write(sheet, 0, column, field, day)
        for row, values in enumerate(rows, start=1):
            for column, field in enumerate(fields):
                _write(sheet, row, column, values[field], day)
    book.close()
    return buffer.getvalue()


def _write(sheet, row: int, column: int, value, day) -> None:
    """One cell, typed: text as text (never a formula: a spreadsheet would compute what a person wrote, or run it),
    numbers as numbers, a date as a date; nothing for an empty value. A cell XlsxWriter cannot hold (a text longer
    than a cell holds, which validation refuses first: csvfiles.SPREADSHEET_CELL) stops the build."""
    if value is None:
        return
    if isinstance(value, str):
        written = sheet.write_string(row, column, value)
    elif isinstance(value, bool):
        written = sheet.write_boolean(row, column, value)
    elif isinstance(value, Decimal):
        written = sheet.write_number(row, column, json_value(value))
    elif isinstance(value, int | float):
        written = sheet.write_number(row, column, value)
    elif isinstance(value, datetime.date):
        written = sheet.write_datetime(row, column, value, day)
    else:
        raise TypeError(f"cannot write {type(value).__name__} in a workbook")
    if written != 0:
        where = f"sheet {sheet.name}, row {row + 1}, column {column + 1}"
        raise ValueError(f"{where}: XlsxWriter could not write the cell (its code {written})")


def to_sqlite(schemas: dict[str, dict], tables: dict[str, list[dict]]) -> bytes:
    """A database with a table per resource, its primary key and foreign keys."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.sqlite"
        connection = sqlite3.connect(path)
        with connection:
            for name, schema in schemas.items():
                connection.execute(_create_table(name, schema))
                fields = [f["name"] for f in schema["fields"]]
                marks = ", ".join("?" for _ in fields)
                connection.executemany(
                    f'INSERT INTO "{name}" VALUES ({marks})',
                    [[_sql_value(row[f]) for f in fields] for row in tables[name]],
                )
        connection.execute("VACUUM")
        connection.close()
        return path.read_bytes()


def to_zip(files: dict[str, bytes], when: datetime.datetime) -> bytes:
    """A ZIP of the given files, in name order, all stamped with the same time."""
    return _zip({name: files[name] for name in sorted(files)}, when)


def _zip(files: dict[str, bytes], when: datetime.datetime) -> bytes:
    """The files in the order given, every entry stamped ``when``."""
    archive = ZipWriter(when)
    for name, content in files.items():
        archive.add(name, content)
    return archive.close()


class ZipWriter:
    """A ZIP made an entry at a time, in the order they are added, every entry stamped ``when``: only the
    compressed archive stands in memory, not its files (to_zip, given the same files in name order, gives the same
    bytes)."""

    def __init__(self, when: datetime.datetime) -> None:
        self._buffer = io.BytesIO()
        self._archive = zipfile.ZipFile(self._buffer, "w", zipfile.ZIP_DEFLATED)
        self._when = when

    def add(self, name: str, content: bytes) -> None:
        self._archive.writestr(_entry(name, self._when), content)

    def close(self) -> bytes:
        """The archive's bytes; nothing can be added after."""
        self._archive.close()
        return self._buffer.getvalue()


def _entry(name: str, when: datetime.datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _create_table(name: str, schema: dict) -> str:
    columns = []
    for field in schema["fields"]:
        required = field.get("constraints", {}).get("required")
        columns.append(f'"{field["name"]}" {SQL_TYPES[field["type"]]}{" NOT NULL" if required else ""}')
    keys = ", ".join(f'"{k}"' for k in schema["primaryKey"])
    columns.append(f"PRIMARY KEY ({keys})")
    for fk in schema.get("foreignKeys", []):
        target = referenced(fk, name)
        own = ", ".join(f'"{k}"' for k in fk["fields"])
        theirs = ", ".join(f'"{k}"' for k in fk["reference"]["fields"])
        columns.append(f'FOREIGN KEY ({own}) REFERENCES "{target}" ({theirs})')
    return f'CREATE TABLE "{name}" (\n  ' + ",\n  ".join(columns) + "\n)"


def referenced(foreign_key: dict, resource: str) -> str:
    """The resource a foreign key refers to. Data Package v2 omits ``reference.resource`` for a reference within the
    same resource (districts.parent_code -> districts.code); v1 wrote it as "", which is read the same way."""
    return foreign_key["reference"].get("resource") or resource


def _arrow_value(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


def _sql_value(value):
    if isinstance(value, Decimal):
        return json_value(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value
