"""The MkDocs hook that splits the two editions (generator/engine/editions.py); the built site: test_english."""

from __future__ import annotations

import ast
import re
from types import SimpleNamespace

from generator.base import i18n, urls
from generator.base.paths import ROOT
from generator.engine import editions
from generator.engine import mkdocs as mkdocs_engine


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


def test_the_hook_and_the_theme_mirror_the_generators_constants():
    """MkDocs loads the hook and the theme's overrides on their own, so they repeat a few of the generator's
    constants: the language at the root, the English files' suffix, the shared downloads, each edition's root."""
    assert editions.DEFAULT == i18n.DEFAULT
    english = next(lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT)
    assert i18n.page_path("plans/x.md", english) == f"plans/x{editions.SUFFIX}.md"
    assert urls.DOWNLOADS_ROOT + "/" == editions.SHARED
    override = (ROOT / "overrides" / "partials" / "editions.html").read_text(encoding="utf-8")
    listed = re.search(r"\{% set editions = (\[.*?\]) %\}", override).group(1)
    assert [(code, root) for code, _, root in ast.literal_eval(listed)] == [
        (lang, urls.edition_root(lang)) for lang in i18n.LANGUAGES
    ]
    assert f'config.theme.language == "{i18n.DEFAULT}"' in override


def test_the_english_edition_takes_its_site_url_under_en():
    def configured(language: str, site_url: str | None):
        config = SimpleNamespace(site_url=site_url, extra={}, theme={"language": language})
        return editions.on_config(config)

    english = configured("en", "https://example.org/carbon/")
    assert english.site_url == "https://example.org/carbon/en/"
    assert english.extra["site_root_url"] == "https://example.org/carbon/"
    assert configured("zh", "https://example.org/carbon/").site_url == "https://example.org/carbon/"
    assert configured("en", None).site_url is None and configured("en", None).extra["site_root_url"] is None
    english_lang = next(lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT)
    assert urls.edition_root(english_lang) == editions.ENGLISH_ROOT


def test_the_methodology_links_the_tracker_or_says_where_to_write_instead():
    """Of its two paragraphs on reporting, a page keeps the one that applies: never a link to nowhere."""
    for name in ("methodology.md", "methodology.en.md"):
        markdown = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert all(mark in markdown for mark in editions.REPORT_MARKS)
        tracker = "https://github.com/o/r/issues/new?title={title}&body={body}"
        config = SimpleNamespace(extra={editions.REPORT_ERROR_URL: tracker})
        linked = editions.on_page_markdown(markdown, None, config, None)
        assert "](https://github.com/o/r/issues/new?title=&body=)" in linked
        assert "REPORT_ERROR_URL" not in linked and "<!-- report" not in linked
        alone = editions.on_page_markdown(markdown, None, SimpleNamespace(extra={}), None)
        assert "github.com" not in alone and "REPORT_ERROR_URL" not in alone and "<!-- report" not in alone
        assert "extra.report_error_url" in alone  # it says why there is no address, and whom to tell
    other = "# A page\n\nno marks\n"
    assert editions.on_page_markdown(other, None, SimpleNamespace(extra={}), None) == other


def test_the_hook_mirrors_the_engines_setting_of_the_tracker():
    assert editions.REPORT_ERROR_URL == mkdocs_engine.REPORT_ERROR_URL
