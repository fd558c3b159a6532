"""The MkDocs hook that splits the two editions (generator/editions.py); the built result is tested in test_english."""

from __future__ import annotations

from types import SimpleNamespace

from generator import editions


def test_an_english_file_is_served_at_its_chinese_name():
    assert editions.english_name("plans/x.en.md") == "plans/x.md"
    assert editions.english_name("charts/120000/pue.en.svg") == "charts/120000/pue.svg"
    assert editions.english_name("SUMMARY.en.md") == "SUMMARY.md"
    assert editions.english_name("plans/x.md") is None
    assert editions.english_name("downloads/latest/data/targets.csv") is None


def _page(url: str, language: str, html: str) -> str:
    config = SimpleNamespace(theme={"language": language})
    return editions.on_post_page(html, SimpleNamespace(url=url), config)


def test_english_pages_link_to_the_downloads_at_the_root():
    html = '<a href="../../downloads/latest/x.csv">CSV</a> <a href="../../sources/x/">text</a>'
    assert _page("plans/x/", "en", html) == (
        '<a href="../../../downloads/latest/x.csv">CSV</a> <a href="../../sources/x/">text</a>'
    )
    assert _page("", "en", '<a href="downloads/latest/x.zip">') == '<a href="../downloads/latest/x.zip">'


def test_chinese_pages_keep_their_links():
    html = '<a href="../../downloads/latest/x.csv">CSV</a>'
    assert _page("plans/x/", "zh", html) == html
