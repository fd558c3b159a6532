from decimal import Decimal
from types import SimpleNamespace

import pytest

from generator import text


def target(**fields):
    base = dict(kind="quantitative", comparator="eq", value=None, value_min=None, value_max=None, unit="%")
    return SimpleNamespace(**{**base, **fields})


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        (dict(value=Decimal("31.02")), "31.02%"),
        (dict(comparator="ge", value=Decimal("46")), "≥ 46%"),
        (dict(comparator="le", value=Decimal("1.3"), unit=None), "≤ 1.3"),
        (dict(comparator="range", value_min=Decimal("3"), value_max=Decimal("5"), unit="家"), "3–5家"),
        (dict(kind="qualitative", comparator=None, unit=None), ""),
    ],
)
def test_figure(fields, shown):
    assert text.figure(target(**fields)) == shown


def test_cell_keeps_a_table_cell_in_one_piece():
    shown = text.cell("a | b\nc")
    assert "|" not in shown and "\n" not in shown


def test_cell_escapes_html_and_markdown_links():
    shown = text.cell("<script>alert(1)</script> [x](javascript:alert(1))")
    assert "<" not in shown and "[" not in shown and "(" not in shown


def test_cell_leaves_chinese_text_alone():
    assert text.cell("森林覆盖率达到31.02%") == "森林覆盖率达到31.02%"


def test_a_figures_unit_is_shown_in_the_pages_language():
    english = {"家": " organisations"}.get
    assert text.figure(target(comparator="ge", value=Decimal("270"), unit="家"), english) == "≥ 270 organisations"
