"""Property tests: whatever text a maintainer types, the escaping functions keep it text."""

import json

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.base import outline
from generator.pages import text

# Printable text of any script, plus line breaks; no control characters or lone surrogates.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\x00") | st.just("\n"))
EXTENSIONS = ["tables", "attr_list", "admonition", "toc", "pymdownx.superfences", "pymdownx.details"]


def table_cell(value: str) -> BeautifulSoup:
    html = markdown.markdown(f"| 列 |\n|---|\n| {text.cell(value)} |\n", extensions=EXTENSIONS)
    return BeautifulSoup(html, "html.parser").find("td")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_table_cell_shows_exactly_the_text_and_nothing_else(value):
    td = table_cell(value)
    assert td is not None and td.find(True) is None  # no element inside the cell
    assert td.get_text() == " ".join(value.replace("\r", "").split("\n")).strip(" ")


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_cell_text_never_contains_markup_characters(value):
    assert not set(text.cell(value)) & set("<>\"'|[]()`*_{}\\\n")


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | TEXT, lambda inner: st.lists(inner) | st.dictionaries(TEXT, inner)
    )
)
def test_json_in_a_script_element_round_trips_and_cannot_close_it(value):
    dumped = text.script_json(value)
    assert "<" not in dumped and ">" not in dumped and "&" not in dumped
    assert json.loads(dumped) == value


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_anchors_are_safe_in_ids_and_urls(value):
    assert set(outline.anchor(value)) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
