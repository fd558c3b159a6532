"""Each edition in its own language, on every page of the real site as built (issue 28, point 1).

A Chinese page's text carries no English of the data unless marked lang="en" (a title's translation beside it),
and never an English sentence of the data (an indicator's definition, a target's statement) except in the
changelog, which cites stored values of English fields. An English page carries no Chinese outside elements
marked lang="zh" (quotes, names as printed), scope notes are in English, and figures are in English units (MW,
billion yuan), the same in the cells, the unit columns and the charts. The expectations come from the package's
CSV files as written, read here without the generator.
"""

from __future__ import annotations

import copy
import csv
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.base.paths import ROOT

pytestmark = pytest.mark.slow
PACKAGE = ROOT / "datapackage"
HAN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+")
NOT_PAGES = ("assets", "downloads", "pagefind", "charts", "en")
CHANGELOG = "data/changelog/index.html"
# How the Chinese units of figures are written when English pages spell them out instead of converting them:
# "43 yi yuan", "200 wan kW", "× 10,000 kW", "× 100 million yuan".
UNCONVERTED = re.compile(r"\b(?:yi|wan)\b|×\s*10\b|×\s*10,000|×\s*100 million")
# The countable nouns that English labels and units put after a number ("12 measures", "1,600 units"): after exactly
# 1 each must be singular, and a number of 1,000 or more before one has a thousands separator.
COUNTED = (
    "measures|targets|plans|rows|units|districts|commitments|bodies|agencies|organisations|stations|sites|bytes"
    "|areas|indicators|chapters|contents|projects"
)
ONE_PLURAL = re.compile(rf"(?<![\d.,])\b1 (?:{COUNTED})\b")
UNGROUPED = re.compile(rf"(?<![\d.,])\b\d{{4,}} (?:{COUNTED})\b")


def rows(resource: str) -> list[dict[str, str]]:
    with (PACKAGE / "data" / f"{resource}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def english_values() -> dict[str, str]:
    """Every English value of the package of four words or more (names, titles, sentences), with where it is from:
    the fields X_en, and definition (indicators' English definition)."""
    descriptor = json.loads((PACKAGE / "datapackage.json").read_bytes())
    found = {}
    for resource in descriptor["resources"]:
        for row in rows(resource["name"]):
            for field, value in row.items():
                if (field.endswith("_en") or field == "definition") and len(value.split()) >= 4:
                    found.setdefault(" ".join(value.split()), f"{resource['name']}.{field}")
    return found


def sentences() -> set[str]:
    """The English sentences of the data that only English pages show: definitions and statements."""
    return {" ".join(r["definition"].split()) for r in rows("indicators") if r["definition"]} | {
        " ".join(r["statement_en"].split()) for r in rows("targets") if r["statement_en"]
    }


def edition(site: Path, lang: str) -> dict[str, BeautifulSoup]:
    """Every page of one edition, by its path under the edition's root."""
    root = site if lang == "zh" else site / "en"
    return {
        path.relative_to(root).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(root.rglob("*.html"))
        if path.relative_to(root).parts[0] not in NOT_PAGES
    }


def main_text(page: BeautifulSoup, without: str = "") -> str:
    """The page's main content (its article) as one line of text, without the elements ``without`` selects."""
    main = copy.copy(page.select_one("article") or page.body)  # the pages are shared by the tests: left whole
    if without:
        for element in main.select(without):
            element.decompose()
    return " ".join(main.get_text(" ").split())


@pytest.fixture(scope="module")
def chinese(built) -> dict[str, BeautifulSoup]:
    return edition(built.site_dir, "zh")


@pytest.fixture(scope="module")
def english(built) -> dict[str, BeautifulSoup]:
    return edition(built.site_dir, "en")


def test_both_editions_have_their_pages(chinese, english):
    assert len(chinese) > 100 and set(chinese) == set(english)


def test_chinese_pages_carry_no_unmarked_english_of_the_data(chinese):
    values = english_values()
    found = {
        path: [values[v] + ": " + v for v in values if v in text][:3]
        for path, page in chinese.items()
        if (text := main_text(page, "[lang^='en'], script, style"))
    }
    assert {path: hits for path, hits in found.items() if hits} == {}


def test_chinese_pages_carry_no_english_sentence_of_the_data(chinese):
    english = sentences()
    texts = {path: main_text(page) for path, page in chinese.items()}
    found = {path: [s for s in english if s in text][:3] for path, text in texts.items()}
    del found[CHANGELOG]  # the record of changes cites the stored values of English fields, marked as English
    assert {path: hits for path, hits in found.items() if hits} == {}


def test_a_chinese_indicator_page_names_and_defines_the_indicator_in_chinese(chinese, english):
    indicators = {r["indicator_id"]: r for r in rows("indicators")}
    page = re.compile(r"compare/\d+/indicators/[^/]+/index\.html")
    pages = {path.split("/")[3]: path for path in chinese if page.fullmatch(path)}
    assert len(pages) > 5 and set(pages) <= set(indicators)  # the indicator pages of the region, by indicator_id
    for indicator_id, path in pages.items():
        row = indicators[indicator_id]
        text = main_text(chinese[path])
        assert row["definition_zh"] in text and row["name_zh"] in text, path
        assert row["name_en"] not in text and row["definition"] not in text, path
        assert row["definition"] in main_text(english[path]), path


def test_every_indicator_has_a_chinese_definition():
    for row in rows("indicators"):
        assert HAN.search(row["definition_zh"]), row["indicator_id"]
        assert row["definition_zh"].endswith("。"), row["indicator_id"]


def test_english_pages_carry_no_chinese_outside_marked_originals(english):
    found = {path: HAN.findall(main_text(page, "[lang^='zh'], script, style"))[:5] for path, page in english.items()}
    assert {path: hits for path, hits in found.items() if hits} == {}


def test_english_scope_notes_are_english(english):
    notes = [note for page in english.values() for note in page.select(".scope-note")]
    assert len(notes) > 20
    for note in notes:
        assert not note.select("[lang^='zh']") and not HAN.search(note.get_text()), note
    printed = {r["scope_as_printed_en"] for r in rows("targets") if r["scope_as_printed_en"]}
    assert printed == {note.get_text().split(": ", 1)[1] for note in notes}


def test_english_pages_write_no_chinese_units(english):
    found = {
        path: UNCONVERTED.findall(main_text(page, "[lang^='zh'], script, style"))[:5] for path, page in english.items()
    }
    del found["data/changelog/index.html"]  # cites stored values of earlier versions as they were
    assert {path: hits for path, hits in found.items() if hits} == {}


# What one printed unit is, from the meaning of 万 (10⁴) and 亿 (10⁸), and the English unit it should be shown in.
ENGLISH = {"万千瓦": (10_000, "kW"), "亿元": (10**8, "yuan"), "亿立方米": (10**8, "m³"), "亿度": (10**8, "kWh"),
           "万吨标准煤": (10_000, "tce"), "万平方米": (10_000, "m²")}  # fmt: skip
PREFIXES = {"M": 10**3, "million ": 10**6, "billion ": 10**9}  # MW is 10³ kW


def test_english_figures_are_the_printed_quantity_in_english_units(english):
    """A target's figure on an English plan page is its printed figure times what its unit means, in one English
    unit per printed unit, and the comparison tables' unit column names that same unit."""
    targets = [r for r in rows("targets") if r["unit"] in ENGLISH and r["value"]]
    assert len(targets) >= 10
    units_shown = {}
    for t in targets:
        page = english[f"plans/{t['plan_id']}/index.html"]
        cell = page.find(id=t["target_id"]).select_one(".glance__what").get_text(" ")
        match = re.search(r"([\d,.]+) ((?:M|million |billion )?)(kW|W|yuan|m³|kWh|tce|m²)\b", cell)
        assert match, (t["target_id"], cell)
        number, prefix, base = match.groups()
        factor, printed_base = ENGLISH[t["unit"]]
        per = PREFIXES.get(prefix, 1)
        assert float(number.replace(",", "")) * per == pytest.approx(float(t["value"]) * factor), t["target_id"]
        assert base == printed_base or (prefix, base, printed_base) == ("M", "W", "kW"), t["target_id"]
        units_shown.setdefault(t["unit"], set()).add(prefix + base)
    assert all(len(shown) == 1 for shown in units_shown.values()), units_shown  # one English unit per printed unit
    english_units = {unit for shown in units_shown.values() for unit in shown}
    checked = 0
    compared = [path for path in english if path.startswith("compare/") and path.endswith("/targets/index.html")]
    assert compared
    for path in compared:
        for table in english[path].select("table"):
            headers = [th.get_text(strip=True) for th in table.select("thead th")]
            if "Unit" not in headers:
                continue
            column = headers.index("Unit")
            for tr in table.select("tbody tr"):
                cells = tr.find_all("td")
                unit = cells[column].get_text(strip=True)
                assert not UNCONVERTED.search(unit), (path, unit)
                if unit in english_units:  # each figure beside it is in that unit: "at least 400 MW (2025)"
                    figures = " ".join(c.get_text(" ") for c in cells[column + 1 :])
                    after = [figures[m.end() + 1 :] for m in re.finditer(r"\d[\d,.–]*(?= )", figures)]
                    assert after and all(words.startswith(unit) for words in after), (path, unit, figures)
                    checked += 1
    assert checked >= 5


def english_words(page: BeautifulSoup) -> str:
    """An English page's main text and its description (the meta description and link previews), a line per text
    of an element: a table's cells ("plans | 0 | 0 | 5") are not read as one phrase."""
    main = copy.copy(page.select_one("article") or page.body)
    for element in main.select("[lang^='zh'], script, style"):
        element.decompose()
    description = page.select_one("meta[name=description]")
    texts = [*main.get_text("\n").split("\n"), description["content"] if description else ""]
    return "\n".join(" ".join(text.split()) for text in texts if text.strip())


def test_english_counts_agree_with_their_number(english):
    texts = {path: english_words(page) for path, page in english.items()}
    found = {path: ONE_PLURAL.findall(text)[:3] for path, text in texts.items()}
    assert {path: hits for path, hits in found.items() if hits} == {}
    # Not vacuous: the pages do say "1 measure" and "2 measures", "1 unit" and "5 units".
    every = " ".join(texts.values())
    for words in (r"\b1 measure\b", r"\b[2-9] measures\b", r"\b1 target or commitment\b", r"\b1 plan\b", r"\b1 unit\b"):
        assert re.search(words, every), words


def test_english_numbers_before_a_noun_separate_thousands(english):
    found = {path: UNGROUPED.findall(english_words(page))[:3] for path, page in english.items()}
    assert {path: hits for path, hits in found.items() if hits} == {}
    assert re.search(r"\b1,600 units\b", " ".join(english_words(page) for page in english.values()))
