"""The charts in a real browser (headless Chromium): every SVG's text inside its view box on every kind of page at a
phone's and a laptop's width, chart text at least 11 px on a phone and legible in light and dark mode, the drawing
for a wide column filling a laptop's and the phone's drawing on a phone, each chart's downloads (CSV, SVG), and the
weight of a first visit. Run by `nox -s browser`; needs /usr/bin/chromium."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from test_browser import BOTH_EDITIONS, visit

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}
# Pages with a chart, in both editions: the timeline, and indicators whose charts have long English rows (pue), figures
# beside commitments without one (non-fossil-share), a baseline year and a scope (public-institution…), large
# figures in a Chinese unit (renewable-power-capacity).
CHARTED = [
    "compare/120000/timeline/",
    "compare/120000/indicators/new-large-data-centre-pue/",
    "compare/120000/indicators/non-fossil-share/",
    "compare/120000/indicators/public-institution-energy-per-area/",
    "compare/120000/indicators/renewable-power-capacity/",
]
CHART_PAGES = [*CHARTED, *(f"en/{path}" for path in CHARTED)]
SMALLEST_TEXT = 11  # px, as drawn on the screen

# Every text of every SVG shown in the page whose box (getBBox, in the text's own coordinates, carried into the SVG's
# by their transformation matrices) reaches beyond the SVG's view box, by more than half a unit. An SVG not displayed
# (a chart's drawing for the other width: site.css) has no box to measure; the other width measures it.
TEXT_OUTSIDE_VIEW_BOX = """() => {
  const outside = [];
  let texts = 0;
  for (const svg of document.querySelectorAll("svg")) {
    const view = svg.viewBox.baseVal;
    if (!view || !view.width || !svg.getClientRects().length) continue;
    const toSvg = svg.getScreenCTM().inverse();
    for (const text of svg.querySelectorAll("text")) {
      texts += 1;
      const box = text.getBBox(), matrix = toSvg.multiply(text.getScreenCTM());
      const corners = [[box.x, box.y], [box.x + box.width, box.y + box.height]].map(
        ([x, y]) => new DOMPoint(x, y).matrixTransform(matrix));
      const [left, right] = [Math.min(corners[0].x, corners[1].x), Math.max(corners[0].x, corners[1].x)];
      const [top, bottom] = [Math.min(corners[0].y, corners[1].y), Math.max(corners[0].y, corners[1].y)];
      if (left < view.x - 0.5 || top < view.y - 0.5 || right > view.x + view.width + 0.5
          || bottom > view.y + view.height + 0.5) {
        outside.push(`${text.textContent}: ${left.toFixed(1)},${top.toFixed(1)}–${right.toFixed(1)},`
          + `${bottom.toFixed(1)} outside ${view.x},${view.y} ${view.width}×${view.height}`);
      }
    }
  }
  return {texts, outside};
}"""

# Each shown chart text's size as drawn: its font size times the scale at which the SVG is shown (its width on the
# screen over its view box's).
CHART_TEXT_SIZES = """() => [...document.querySelectorAll("figure.chart svg")].filter(
    svg => svg.getClientRects().length).flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll("text")].map(
    text => [text.textContent, parseFloat(getComputedStyle(text).fontSize) * scale]);
})"""

# The contrast of each chart text against the page behind the chart, computed with axe's own colour functions
# (axe-core's color-contrast rule reports text inside an SVG as "incomplete": it takes the <svg> for an image).
# The chart has no background of its own (charts._base), so the background is the first one set on the figure or
# an element around it; the text's colour is its computed fill, with its opacity.
CHART_TEXT_CONTRAST = """() => {
  const color = axe.commons.color;
  const parse = text => { const c = new color.Color(); c.parseString(text); return c; };
  let holder = document.querySelector("figure.chart"), background = parse("rgba(0, 0, 0, 0)");
  while (holder && background.alpha === 0) {
    background = parse(getComputedStyle(holder).backgroundColor);
    holder = holder.parentElement;
  }
  return [...document.querySelectorAll("figure.chart svg text")].map(text => {
    const style = getComputedStyle(text), ink = parse(style.fill);
    ink.alpha *= parseFloat(style.fillOpacity) * parseFloat(style.opacity);
    return [text.textContent, color.getContrast(background, color.flattenColors(ink, background))];
  });
}"""

# A page's chart drawings (macros.j2 chart): for which width (the class of what holds it), whether it is displayed
# (has a layout box), its width on the screen and its view box's, its left and right edges, those of the text
# column (the article's content box) and the width of the screen.
CHART_DRAWINGS = """() => {
  const column = document.querySelector("article.md-content__inner"), style = getComputedStyle(column);
  const box = column.getBoundingClientRect();
  const edges = [box.left + parseFloat(style.paddingLeft), box.right - parseFloat(style.paddingRight)];
  return [...document.querySelectorAll("figure.chart svg")].map(svg => {
    const shown = svg.getBoundingClientRect();
    return {layout: svg.parentElement.className, boxes: svg.getClientRects().length, width: shown.width,
            left: shown.left, right: shown.right, view: svg.viewBox.baseVal.width, column: edges,
            screen: document.documentElement.clientWidth};
  });
}"""
WIDE_ENOUGH = 600  # px: how wide a laptop shows a chart, of its text column's 688


def open_page(browser, server, path: str, viewport: str = "phone", scheme: str = "light"):
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    page = context.new_page()
    visit(page, server + path)
    page.wait_for_function("() => window.component$ !== undefined")  # the theme's script has set the scheme
    return context, page


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def sized_page(request, browser):
    """One page at each width, that the tests lead from page to page."""
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", sorted(set(BOTH_EDITIONS + CHART_PAGES)))
def test_every_svg_text_lies_inside_its_view_box(sized_page, server, path):
    sized_page.goto(server + path)
    sized_page.evaluate("document.fonts.ready.then(() => true)")
    found = sized_page.evaluate(TEXT_OUTSIDE_VIEW_BOX)
    assert found["outside"] == []
    if path in CHART_PAGES:
        assert found["texts"] > 5  # the chart's text was measured


@pytest.mark.parametrize("path", CHART_PAGES)
def test_chart_text_is_at_least_11_px_on_a_phone(browser, server, path):
    context, page = open_page(browser, server, path, "phone")
    try:
        sizes = page.evaluate(CHART_TEXT_SIZES)
    finally:
        context.close()
    assert len(sizes) > 5
    assert [(text, round(size, 1)) for text, size in sizes if size < SMALLEST_TEXT] == []


def shown_drawings(page) -> tuple[list[dict], int]:
    """The page's chart drawings (CHART_DRAWINGS), and how many images named by the chart's title the page's
    accessibility tree holds (a drawing not displayed is not among them). A drawing's name is its title and then
    its description (aria-labelledby)."""
    drawings = page.evaluate(CHART_DRAWINGS)
    title = page.eval_on_selector("figure.chart svg title", "title => title.textContent")
    return drawings, page.get_by_role("img", name=title).count()


@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("path", CHART_PAGES)
def test_a_laptop_shows_the_wide_drawing_filling_its_column(browser, server, path, scheme):
    """At 1366 px, the drawing for a wide column is the one shown, at least WIDE_ENOUGH wide and within the text
    column, at its own size (not shrunk: its text at 12 px); the phone's has no layout box, and a screen reader
    meets one chart."""
    context, page = open_page(browser, server, path, "laptop", scheme)
    try:
        drawings, images = shown_drawings(page)
    finally:
        context.close()
    assert [d["layout"] for d in drawings] == ["chart__narrow", "chart__wide"]
    assert [d["layout"] for d in drawings if d["boxes"]] == ["chart__wide"] and images == 1
    wide = drawings[1]
    left, right = wide["column"]
    assert WIDE_ENOUGH <= wide["width"] <= right - left
    assert left - 0.5 <= wide["left"] and wide["right"] <= right + 0.5
    assert wide["width"] == pytest.approx(wide["view"], abs=0.5)


@pytest.mark.parametrize("path", CHART_PAGES)
def test_a_phone_shows_the_phones_drawing_within_the_screen(browser, server, path):
    """At 390 px, the drawing laid out for a phone is the one shown, within the text column and the screen; the
    wide one has no layout box, and a screen reader meets one chart."""
    context, page = open_page(browser, server, path, "phone")
    try:
        drawings, images = shown_drawings(page)
    finally:
        context.close()
    assert [d["layout"] for d in drawings if d["boxes"]] == ["chart__narrow"] and images == 1
    narrow = drawings[0]
    left, right = narrow["column"]
    assert 0 <= left - 0.5 <= narrow["left"] and narrow["right"] <= right + 0.5 <= narrow["screen"]
    assert narrow["width"] < WIDE_ENOUGH


@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("path", CHART_PAGES)
def test_chart_text_contrasts_with_the_page_in_either_scheme(browser, server, path, scheme):
    """axe finds no contrast violation in the chart (its caption and links), and every text of the chart, in the
    page's colours, contrasts 4.5:1 with the page behind it (WCAG 1.4.3 for text under 18 pt)."""
    context, page = open_page(browser, server, path, "phone", scheme)
    try:
        results = axe_module.Axe().run(
            page, context={"include": [["figure.chart"]]}, options={"runOnly": ["color-contrast"]}
        )
        contrasts = page.evaluate(CHART_TEXT_CONTRAST)
        page_scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    finally:
        context.close()
    assert page_scheme == {"light": "default", "dark": "slate"}[scheme]
    assert results.response["violations"] == []
    assert len(contrasts) > 5  # chart text was evaluated: the check cannot pass for want of text
    assert [(text, round(ratio, 2)) for text, ratio in contrasts if ratio < 4.5] == []


@pytest.mark.parametrize("path", CHART_PAGES)
def test_each_chart_offers_its_data_as_csv_and_itself_as_svg(page, server, path):
    """Below the chart, a link to its data (CSV that a spreadsheet opens as UTF-8, headed in the page's language)
    and one to the chart as SVG (the same image, its title the chart's); both resolve."""
    visit(page, server + path)
    links = page.eval_on_selector_all("figure.chart figcaption a[download]", "links => links.map(a => a.href)")
    assert [link.rpartition(".")[2] for link in links] == ["csv", "svg"]
    data, image = (page.request.get(link) for link in links)
    assert data.status == image.status == 200
    assert data.body().startswith(codecs.BOM_UTF8)
    header, *rows = list(csv.reader(io.StringIO(data.body().decode("utf-8-sig"))))
    assert rows and all(len(row) == len(header) for row in rows)
    assert ("Plan" in header) == path.startswith("en/") and ("方案" in header) == (not path.startswith("en/"))
    title = page.eval_on_selector("figure.chart svg title", "title => title.textContent")
    assert f">{title}</title>" in image.text().replace("&#39;", "'").replace("&quot;", '"')
