"""The search's synonyms (generator/pages/search_synonyms.csv, generator/pages/synonyms.py): read, checked and
written for the search page."""

from __future__ import annotations

import html
import json
import re

import pytest

from generator.base import urls
from generator.base.problems import GeneratorError
from generator.build.parts import WHOLE
from generator.pages import synonyms


def test_each_group_has_terms_in_both_languages():
    groups = synonyms.read_groups()
    assert len(groups) >= 10
    assert all(group["zh"] and group["en"] for group in groups)
    assert {"光伏", "太阳能", "photovoltaic", "PV", "solar"} <= set(groups[0]["zh"] + groups[0]["en"])


def _site_text(site) -> str:
    pages = [path for path in site.rglob("index.html") if "pagefind" not in path.parts]
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(path.read_text(encoding="utf-8") for path in pages)))


def test_each_group_leads_to_words_of_the_site(built):
    """A group is there for a topic the site speaks of: one of its terms is on the site (the others are what readers
    may type instead: solar, charger). Some topics are only in the original texts, in Chinese: hydrogen (氢能)."""
    text = _site_text(built.site_dir)
    for group in synonyms.read_groups():
        terms = group["zh"] + group["en"]
        assert any(re.search(rf"(?<![A-Za-z]){re.escape(term)}", text, re.I) for term in terms), terms


def test_the_build_writes_them_as_json_for_the_search_page(built):
    written = json.loads((built.part_docs(WHOLE) / urls.SEARCH_SYNONYMS).read_text(encoding="utf-8"))
    assert written == synonyms.read_groups()
    assert {"zh": ["光伏", "太阳能"], "en": ["photovoltaic", "PV", "solar"]} in written


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("zh,en\n光伏|太阳能,PV\n太阳能,solar\n", "search_synonyms.csv:3:zh: 太阳能 is in the group of line 2 too"),
        ("zh,en\n光伏,PV|pv\n", "search_synonyms.csv:2:en: pv is in the group of line 2 too"),
        ("zh,en\n光伏||太阳能,PV\n", "search_synonyms.csv:2:zh: an empty term"),
        ("zh,en\n光伏,\n", "search_synonyms.csv:2:en: an empty term"),
        ("terms\n光伏\n", "search_synonyms.csv:1:-: the columns must be zh, en"),
    ],
)
def test_a_malformed_file_stops_the_build_naming_line_and_column(tmp_path, content, message):
    path = tmp_path / "search_synonyms.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GeneratorError, match=re.escape(message)):
        synonyms.read_groups(path)
