"""Hostile text in the tables is shown as text everywhere and never runs (on the fixture package, tests/fixture/)."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from conftest import copy_fixture_project

from generator import pipeline
from generator.base.i18n import CHINESE_CHARACTER
from generator.build import share

pytestmark = pytest.mark.slow

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "[点我](javascript:alert(1))",
    '{ onclick="alert(1)" }',
    '--8<-- "/etc/passwd"',
    "| 管道 | 表格 |",
    "# 不是标题",
    "- 不是列表",
    "`代码` **粗体** _斜体_",
    "</title><script>alert(2)</script>",
    "零宽\u200b空格",  # warned of, and published as written (a bidirectional control is refused: test_bad_input)
    "🌏🔥",
    "𠀀𪚥𬺓",
    "&lt;script&gt;",
]
LONG = "长" * 3000
TITLE_BREAKOUT = "</title><script>alert(3)</script>森林"


# English fields may hold no Chinese (validation rejects it), so they get the hostile text without any.
HOSTILE_ENGLISH = [text for text in HOSTILE if not CHINESE_CHARACTER.search(text)]
# The texts the share images draw may hold only characters the build's fonts have (validation rejects others, as
# tests/test_bad_input.py shows): they get the hostile markup without the emoji.
DRAWN_ENGLISH = [text for text in HOSTILE_ENGLISH if all(share.font_for(char, 32) for char in text)]


def hostile(i: int, field: str = "", resource: str = "") -> str:
    choices = HOSTILE_ENGLISH if field.endswith("_en") else HOSTILE
    if field in share.DRAWN_FIELDS.get(resource, []):
        choices = DRAWN_ENGLISH
    return f"{choices[i % len(choices)]} {i}"


def shown(resource: str, field: str, row: dict) -> bool:
    """Whether the site shows this cell: an indicator's definition is on its own page only, which only an
    indicator that several districts commit to has (in the fixture, renewable-share)."""
    return not (resource == "indicators" and field == "definition" and row["indicator_id"] != "renewable-share")


def poison(paths) -> dict[str, str]:
    """Put hostile text into every free-text column that is not checked against the sources."""
    placed = {}
    columns = {
        "indicators": ["name_zh", "name_en", "definition"],
        "agencies": ["name_zh", "name_en"],
        "plans": ["title_en"],
        "chapters": ["title_en"],
        "measures": ["title_en"],
        "action_areas": ["name_zh", "name_en"],
        "districts": ["name_en"],
    }
    n = 0
    for name, fields in columns.items():
        path = paths.package_dir / "data" / f"{name}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows[:-1][:6]:
            for field in fields:
                row[field] = hostile(n, field, name)
                if shown(name, field, row):
                    placed[f"{name}.{field}.{n}"] = row[field]
                n += 1
        rows[-1][fields[0]] = "-".join(["long"] * 1000) if fields[0].endswith("_en") else LONG
        for row in rows:
            if row.get("indicator_id") == "renewable-share":  # the one indicator with a page and a chart
                placed = {k: v for k, v in placed.items() if v != row["name_zh"]}
                row["name_zh"] = placed["title"] = TITLE_BREAKOUT
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return placed


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    paths = copy_fixture_project(tmp_path_factory.mktemp("hostile"))
    placed = poison(paths)
    pipeline.build(paths)
    pages = {p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in paths.site_dir.rglob("*.html")}
    return paths, placed, pages


def test_no_injected_script_runs(site):
    _, _, pages = site
    for path, soup in pages.items():
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                # Plan titles are data here (JSON-LD names them): inert, as long as nothing can close the element.
                assert "<" not in script.string, path
                json.loads(script.string)  # still JSON, not broken out of
            else:
                assert "alert(" not in (script.string or ""), (path, str(script)[:200])


def test_no_event_handlers_or_javascript_links(site):
    _, _, pages = site
    for path, soup in pages.items():
        for element in soup.find_all(True):
            for attribute, value in element.attrs.items():
                assert not attribute.lower().startswith("on"), (path, str(element)[:200])
                text = " ".join(value) if isinstance(value, list) else str(value)
                assert not re.match(r"\s*javascript:", text, re.IGNORECASE), (path, str(element)[:200])


def test_page_titles_stay_titles(site):
    """One <title> in the page's head; a chart's own (inline SVG) stays inside its <svg>."""
    _, _, pages = site
    for path, soup in pages.items():
        assert len(soup.head.find_all("title")) == 1, path
        assert all(title.find_parent("svg") for title in soup.body.find_all("title")), path


def test_no_file_was_included_from_disk(site):
    _, _, pages = site
    assert not any("root:" in soup.get_text() for soup in pages.values())


def test_hostile_text_is_shown_faithfully(site):
    paths, placed, pages = site
    text = "\n".join(soup.get_text() for soup in pages.values())
    shown = [value for value in placed.values() if value in text]
    assert len(shown) == len(placed), sorted(set(placed.values()) - set(shown))[:5]
    assert LONG in text


def test_hostile_text_in_charts_is_text(site):
    paths, placed, _ = site
    texts = []
    for svg in [*(paths.site_dir / "charts").rglob("*.svg"), *(paths.site_dir / "en" / "charts").rglob("*.svg")]:
        root = ET.fromstring(svg.read_text(encoding="utf-8"))
        for element in root.iter():
            assert not element.tag.endswith("script"), svg.name
            assert not any(name.lower().startswith("on") for name in element.attrib), svg.name
            texts.append(element.text or "")
    assert any("<script>alert('x')</script>" in t for t in texts)


def test_a_title_cannot_be_closed_from_the_data(site):
    paths, _, pages = site
    soup = pages[paths.site_dir / "compare" / "990000" / "indicators" / "renewable-share" / "index.html"]
    assert soup.title.get_text().startswith(TITLE_BREAKOUT)
    assert soup.h1.get_text().startswith(TITLE_BREAKOUT)
