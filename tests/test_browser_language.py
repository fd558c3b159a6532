"""Each edition in its own language as a reader sees it (issue 28, point 1), in a real browser (headless Chromium), on
a phone and a laptop, in either colour scheme: the text shown in a page's main content (its article, hidden parts
left out) carries, on a Chinese page, none of the data's English sentences outside elements marked lang="en", and,
on an English page, no Chinese outside elements marked lang="zh" (quotes, names as printed). tests/test_language.py
checks every page's HTML; this checks what is shown, where styles and scripts have had their say (filters, tabs,
the same-goal note). Run by `nox -s browser`; needs /usr/bin/chromium."""

from __future__ import annotations

import pytest
from test_browser import visit
from test_language import HAN, sentences

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
# The pages where the data's words are most: a plan (its targets, the same-goal note), an indicator (its name and
# definition), the comparison of targets (scope notes, units), a body's tasks, and a district without a plan.
PAGES = [
    "plans/hedong-2023/",
    "compare/120000/indicators/energy-intensity/",
    "compare/120000/targets/",
    "compare/120000/agencies/development-reform-commission/",
    "districts/120101/",
]

# The text of each visible text node of the article whose nearest ancestor with a lang attribute is not marked as
# the other language (``other``: "en" or "zh").
SHOWN_TEXT = """(other) => {
  const article = document.querySelector("article");
  const shown = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest("script, style, template, noscript")) continue;
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    const marked = el.closest("[lang]");
    if (marked && marked.getAttribute("lang").startsWith(other)) continue;
    shown.push(node.textContent);
  }
  return shown;
}"""


def shown_texts(browser, address: str, viewport: dict, scheme: str, other: str) -> tuple[list[str], int]:
    """The texts ``address`` shows in its article outside elements marked as the ``other`` language (SHOWN_TEXT),
    and how many elements of its article are marked so."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    visit(page, address)
    texts = page.evaluate(SHOWN_TEXT, other)
    marked = page.locator(f"article [lang^='{other}']").count()
    context.close()
    return texts, marked


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1366"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_a_chinese_page_shows_no_english_sentence_of_the_data(browser, server, path, scheme, viewport):
    texts, _ = shown_texts(browser, server + path, viewport, scheme, other="en")
    shown = " ".join(" ".join(texts).split())
    assert HAN.search(shown)  # the page was read: its Chinese text is there
    assert [sentence for sentence in sentences() if sentence in shown] == []


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1366"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_an_english_page_shows_no_chinese_outside_marked_originals(browser, server, path, scheme, viewport):
    shown, marked = shown_texts(browser, server + "en/" + path, viewport, scheme, other="zh")
    assert len(" ".join(shown).split()) > 20  # the page was read
    assert marked > 0 or not path.startswith("plans/")  # a plan's quotes are there, marked as Chinese
    assert [text for text in shown if HAN.search(text)] == []
