"""Characters no published text may hold (control characters, noncharacters, bidirectional controls) stop the build
at file:row:field with the code point named; zero-width characters are warned of. The bad-input table
(test_bad_input.py) plants each kind in a cell and in a source text; here, every such character one by one."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest
from conftest import cell_of, edit_cell, line_of
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from generator.base.paths import ROOT
from generator.package import characters

BIDI = [*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)), "\u200e", "\u200f", "\u061c"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
CODE_POINTS = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]  # what UTF-8 can hold


def in_cell(char: str):
    return characters.cell_problems("data/t.csv", [(2, {"text": f"by 2025{char} the share"})])


def in_xml(char: str) -> bool:
    """Whether XML 1.0 (the workbook's sheets) can hold the character."""
    code = ord(char)
    return char in "\t\n\r" or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


def html_parse_error(char: str) -> bool:
    """Whether HTML's input stream takes the character for a parse error: a control but ASCII whitespace, or a
    noncharacter (HTML Living Standard, 13.2.3.5)."""
    code = ord(char)
    control = code < 0x20 or 0x7F <= code <= 0x9F
    noncharacter = 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE
    return (control and char not in "\t\n\x0c\r") or noncharacter


def test_no_download_meets_a_character_it_cannot_store():
    """What a workbook's cells (as openpyxl, a reader of workbooks, and XML allow them) and the pages (HTML) cannot
    hold, validation refuses: errors, not warnings."""
    unstorable = [c for c in CODE_POINTS if ILLEGAL_CHARACTERS_RE.search(c) or not in_xml(c) or html_parse_error(c)]
    assert "\x00" in unstorable and "\uffff" in unstorable
    for char in unstorable:
        problems = in_cell(char)
        assert [p.severity for p in problems] == ["error"], characters.named(char)


@pytest.mark.parametrize("char", ["\n", "\r", "\t", "\x0b", "\x0c", "\x7f", "\x85", "\u2028", "\u2029"])
def test_a_cell_is_one_line_without_tabs_or_controls(char):
    [problem] = in_cell(char)
    assert (problem.row, problem.field, problem.type) == (2, "text", "control-character")
    assert f"U+{ord(char):04X}" in problem.message and not problem.is_warning


@pytest.mark.parametrize("char", BIDI, ids=[f"U+{ord(c):04X}" for c in BIDI])
def test_a_bidirectional_control_is_refused_and_named(char):
    [problem] = in_cell(char)
    assert problem.type == "bidi-control" and not problem.is_warning
    assert f"U+{ord(char):04X} {unicodedata.name(char)}" in problem.message


@pytest.mark.parametrize("char", ZERO_WIDTH, ids=[f"U+{ord(c):04X}" for c in ZERO_WIDTH])
def test_a_zero_width_character_is_warned_of(char):
    [problem] = in_cell(char)
    assert problem.type == "zero-width-character" and problem.is_warning


def test_a_printed_problem_shows_each_character_escaped_and_holds_none():
    for char in [*BIDI, *ZERO_WIDTH, "\x00", "\n", "\x1b", "\x9b", "\uffff"]:
        [problem] = in_cell(char)
        printed = str(problem)
        assert char not in printed and char.encode("unicode_escape").decode("ascii") in printed


def test_a_control_character_has_its_abbreviation_for_a_name():
    assert characters.named("\x00") == "U+0000 (NUL)"
    assert characters.named("\x1b") == "U+001B (ESC)"
    assert characters.named("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"


def test_a_character_found_twice_in_a_cell_is_one_problem_that_says_so():
    [problem] = characters.cell_problems("data/t.csv", [(2, {"text": "a\x00b\x00c"})])
    assert "2 times" in problem.message


def test_a_source_keeps_its_tabs_and_line_ends():
    assert characters.source_problems("sources/s.txt", "一、总则\t第一条\r\n二、目标\n\n- 2 -\n") == []


@pytest.mark.parametrize(
    ("char", "kind"),
    [("\x00", "control-character"), ("\x0c", "control-character"), ("\r", "control-character"),
     ("\u2028", "control-character"), ("\u202e", "bidi-control"), ("\uffff", "noncharacter"),
     ("\u200b", "zero-width-character")],
)  # fmt: skip
def test_a_source_names_the_line_and_column_of_each_character(char, kind):
    text = f"一、总则\n二、主要目标\n到2025年{char}，覆盖率达到30%。\n"
    [problem] = characters.source_problems("sources/s.txt", text)
    assert (problem.row, problem.field, problem.type) == (3, "", kind)
    assert f"U+{ord(char):04X}" in problem.message and "column 7" in problem.message  # after 到2025年
    assert problem.is_warning == (kind == "zero-width-character")


def test_a_byte_order_mark_starting_a_source_is_warned_of_on_line_1():
    [problem] = characters.source_problems("sources/s.txt", "\ufeff一、总则\n")
    assert (problem.row, problem.type, problem.is_warning) == (1, "zero-width-character", True)


def test_the_real_package_holds_none_of_these_characters(real_validation):
    kinds = {"control-character", "noncharacter", "bidi-control", "zero-width-character"}
    assert [p for p in real_validation.problems + real_validation.warnings if p.type in kinds] == []


def test_a_build_with_a_nul_ends_with_the_problem_not_a_traceback(fixture_project):
    """A NUL in an English text passed validation, then the workbook download raised IllegalCharacterError."""
    line = line_of(fixture_project, "targets", "target_id", "jia-2023-t006")
    text = cell_of(fixture_project, "targets", line, "statement_en")
    edit_cell(fixture_project, "targets", line, "statement_en", text.replace(" ", " \x00", 1))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(fixture_project.root), "build"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 1
    assert f"datapackage/data/targets.csv:{line}:statement_en: control character U+0000 (NUL)" in result.stderr
    assert "Traceback" not in result.stderr and "nothing was published" in result.stderr
    assert not fixture_project.site_dir.exists()
