"""No download runs a formula: text that begins like one (=, +, -, @, tab, CR) is written to the workbook as text,
and validation warns of it (file:row:field) without stopping the build.

Built from the fixture package with such texts planted in a name, a quote, an English text and a definition."""

from __future__ import annotations

import datetime
import io
import subprocess
import sys

import openpyxl
import pytest
from conftest import copy_fixture_project, edit_cell, line_of

from generator import pipeline
from generator.base import sources
from generator.base.paths import ROOT
from generator.build.parts import WHOLE
from generator.downloads import formats

NAME = "tianjin-district-carbon-peaking-plans"
QUOTE = "新能源装机容量达到12万千瓦"
# (resource, key field, key, field, planted text)
PLANTED = [
    ("agencies", "agency_id", "civil-affairs-bureau", "name_zh", '=HYPERLINK("http://example.invalid","区民政局")'),
    ("agencies", "agency_id", "civil-affairs-bureau", "name_en", "+cmd|' /C calc'!A0"),
    ("indicators", "indicator_id", "carbon-peak", "definition", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ("targets", "target_id", "jia-2023-t006", "statement_en", "-By 2025, rooftop photovoltaic coverage is 30%."),
    ("targets", "target_id", "jia-2023-t002", "quote", "=" + QUOTE),
]


def plant(paths) -> list[tuple[str, int, str]]:
    """Write the formula-like texts into a copy of the fixture; the quote also into its source, whose recorded hash
    follows. Returns (file, line, field) of each."""
    source = paths.package_dir / "sources" / "jia-2023.txt"
    text = source.read_text(encoding="utf-8")
    assert QUOTE in text
    source.write_text(text.replace(QUOTE, "=" + QUOTE, 1), encoding="utf-8")
    plan_line = line_of(paths, "plans", "plan_id", "jia-2023")
    edit_cell(paths, "plans", plan_line, "source_sha256", sources.sha256(source.read_bytes()))
    where = []
    for resource, key_field, key, field, value in PLANTED:
        line = line_of(paths, resource, key_field, key)
        edit_cell(paths, resource, line, field, value)
        where.append((f"datapackage/data/{resource}.csv", line, field))
    return where


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    paths = copy_fixture_project(tmp_path_factory.mktemp("formulas"))
    where = plant(paths)
    warnings = pipeline.build(paths, run_mkdocs=False)
    return paths, where, warnings


def test_validation_warns_of_each_formula_like_text_and_the_build_goes_on(planted):
    paths, where, warnings = planted
    assert {(w.file, w.row, w.field) for w in warnings} == set(where)
    assert {w.type for w in warnings} == {"formula-like"} and all(w.is_warning for w in warnings)
    assert (paths.part_docs(WHOLE) / "downloads" / "latest" / f"{NAME}.xlsx").is_file()


def test_the_workbook_holds_every_formula_like_text_as_text(planted):
    paths, _, _ = planted
    book = openpyxl.load_workbook(paths.part_docs(WHOLE) / "downloads" / "latest" / f"{NAME}.xlsx")
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value for c in cells if c.data_type == "s"}
    assert {value for *_, value in PLANTED} <= texts


def test_the_command_line_prints_the_warnings_with_file_row_and_field(planted):
    paths, where, _ = planted
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(paths.root), "validate"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for file, line, field in where:
        assert f"{file}:{line}:{field}: warning: " in result.stderr
    assert f"{len(where)} warning(s)" in result.stderr


def test_the_validation_report_counts_the_warnings(planted):
    import json

    paths, where, _ = planted
    report = json.loads((paths.part_docs(WHOLE) / "downloads" / "latest" / "validation-report.json").read_text("utf-8"))
    assert report["valid"] and report["warnings"] == len(where) == len(report["warning_list"])


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "#N/A"])
def test_to_xlsx_writes_text_as_text_whatever_it_begins_with(start):
    value = start + "1+1" if start != "#N/A" else start
    data = formats.to_xlsx([[value, value]], {"t": ([value], [{value: value}])}, datetime.datetime(2024, 1, 1))
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    # A carriage return is written as the workbook's escape for it, _x000D_, which Excel reads as the character and
    # openpyxl shows as written: the same text, still not a formula.
    assert len(cells) == 4 and all(c.data_type == "s" and c.value == value.replace("\r", "_x000D_") for c in cells)


WORKBOOK_IN_ANOTHER_PROCESS = """
import datetime, sys
from decimal import Decimal
from generator.downloads import formats
rows = [{"t": "光伏", "n": Decimal("31.02"), "d": datetime.date(2023, 5, 6), "b": True}]
data = formats.to_xlsx([["README", "x"]], {"s": (["t", "n", "d", "b"], rows)}, datetime.datetime(2024, 1, 2, 3, 4, 5))
sys.stdout.buffer.write(data)
"""


def test_the_workbooks_bytes_depend_on_its_rows_and_build_time_alone(tmp_path):
    """Written twice, a second apart, in processes of other time zones and locales: the same bytes, whose document
    times are the build time given (no clock), and whose cells read back typed."""
    import time
    import zipfile

    def written(zone: str, locale: str) -> bytes:
        env = {"PATH": "/usr/bin:/bin", "TZ": zone, "LC_ALL": locale, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-c", WORKBOOK_IN_ANOTHER_PROCESS]
        return subprocess.run(command, capture_output=True, check=True, env=env, cwd=tmp_path).stdout

    first = written("UTC", "C")
    time.sleep(1.1)
    assert written("Asia/Shanghai", "C.UTF-8") == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2024-01-02T03:04:05Z") == 2  # created and modified
    sheet = openpyxl.load_workbook(io.BytesIO(first))["s"]
    assert [c.value for c in sheet[2]] == ["光伏", 31.02, datetime.datetime(2023, 5, 6), True]
    assert sheet.freeze_panes == "A2"
