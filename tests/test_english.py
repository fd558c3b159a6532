"""The English edition as built: every page has its counterpart, the language menu leads to it,
and no Chinese is left on an English page except where it is marked as the original (lang="zh").

Built from the fixture package (tests/fixture/); the real site's English is checked in test_data.py."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")
NOT_PAGES = ("assets", "downloads", "pagefind", "en")


def pages(root: Path) -> set[str]:
    """The HTML pages of one edition, as paths under its root (plans/jizhou-2023/index.html)."""
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if path.relative_to(root).parts[0] not in NOT_PAGES and path.name != "404.html"
    }


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_has_its_english_counterpart_and_back(fixture_built):
    chinese, english = pages(fixture_built.site_dir), pages(fixture_built.site_dir / "en")
    # home, about, methodology, search; plans/ and 3 plans; 3 sources; compare/, the index of documents, the region's
    # 8 pages (its documents too), 1 indicator page and 5 agencies' pages; data/, dictionary, changelog; a page for
    # each of 3 districts
    assert len(chinese) == 4 + 4 + 3 + 11 + 5 + 3 + 3
    assert chinese == english


def test_the_language_menu_leads_to_the_same_page_in_the_other_language(fixture_built):
    built = fixture_built
    for page in pages(built.site_dir):
        for edition, other, other_lang in (("", "en/", "en"), ("en/", "", "zh")):
            here = edition + page
            links = soup(built.site_dir / here).select(f"a.md-select__link[hreflang='{other_lang}']")
            assert len(links) == 1, here
            href = links[0]["href"]
            target = posixpath.normpath(
                href.lstrip("/") or "." if href.startswith("/") else posixpath.join(posixpath.dirname(here), href)
            )
            resolved = "index.html" if target == "." else f"{target}/index.html"
            assert resolved == other + page, (here, links[0]["href"])


def test_english_pages_are_english(fixture_built):
    page = soup(fixture_built.site_dir / "en" / "plans" / "jia-2023" / "index.html")
    assert page.html["lang"] == "en"
    assert page.h1.get_text(strip=True).startswith("Jia District Carbon Peaking Implementation Plan")
    assert "Carbon-peaking plans of Tianjin" in page.title.get_text()


def chinese_leftovers(site: Path) -> dict[str, list[str]]:
    """Chinese text on the English pages outside elements marked lang="zh", by page."""
    leftovers = {}
    for page in sorted(pages(site / "en")):
        document = soup(site / "en" / page)
        for marked in document.select("[lang^='zh'], script, style"):
            marked.decompose()
        found = CHINESE.findall(document.get_text(" "))
        if found:
            leftovers[page] = found[:5]
    return leftovers


def test_english_pages_show_no_chinese_outside_marked_originals(fixture_built):
    assert chinese_leftovers(fixture_built.site_dir) == {}


def test_a_quote_on_an_english_page_stands_beside_its_english(fixture_built):
    # 到2025年屋顶光伏覆盖率不低于30%: the Chinese original, marked, with the English statement in the same row.
    page = soup(fixture_built.site_dir / "en" / "plans" / "jia-2023" / "index.html")
    row = next(tr for tr in page.select("tr") if "30%" in tr.get_text() and tr.select_one("[lang='zh']"))
    cells = row.find_all("td")
    assert cells[2].select_one(".glance__what").get_text() == "at least 30% (2025)"
    assert [td.get_text() for td in (cells[0], cells[1], cells[3], cells[4])] == [
        "Rooftop photovoltaic coverage",
        "Energy transition",
        "2025",
        "By 2025, rooftop photovoltaic coverage is no less than 30%.",
    ]
    assert row.select_one("[lang='zh']").get_text() == "到2025年屋顶光伏覆盖率不低于30%"
