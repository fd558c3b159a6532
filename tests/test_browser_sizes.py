"""Sizes for a thumb (issue 28) in a real browser (headless Chromium) at a 390 px phone's width and a 1366 px laptop's:
on one page of every kind in the catalogue, in both editions and both colour schemes, no visible text under 12 px
and no control (link, button, menu, field, summary) smaller than 44 × 44 px unless it stands at least 8 px from
every other; the whole district tile is tappable; a long table's header stays in view under the top bar; the sort
state is seen; the English pinned column leaves most of the screen to the others. Run by `nox -s browser`; needs
/usr/bin/chromium."""

from __future__ import annotations

import pytest
from test_browser import visit

from generator.pages import catalogue

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
SMALLEST_TEXT = 12  # px
SMALLEST_TARGET = 44  # px, either side
LEAST_GAP = 8  # px between a smaller target and any other

# One page of each kind of the catalogue (generator/pages/catalogue.py PAGES), by its template, and the hand-written
# pages (docs/, the search page, the 404 page).
BY_TEMPLATE = {
    "home.md.j2": "",
    "plans.md.j2": "plans/",
    "compare.md.j2": "compare/",
    "data.md.j2": "data/",
    "dictionary.md.j2": "data/dictionary/",
    "changelog.md.j2": "data/changelog/",
    "documents.md.j2": "compare/documents/",
    "region_documents.md.j2": "compare/120000/documents/",
    "plan.md.j2": "plans/jizhou-2023/",
    "source.md.j2": "sources/xiqing-2023/",
    "region.md.j2": "compare/120000/",
    "compare_targets.md.j2": "compare/120000/targets/",
    "own_or_city.md.j2": "compare/120000/own-or-city/",
    "timeline.md.j2": "compare/120000/timeline/",
    "coverage.md.j2": "compare/120000/coverage/",
    "agencies.md.j2": "compare/120000/agencies/",
    "pilot.md.j2": "compare/120000/pilot/",
    "indicator.md.j2": "compare/120000/indicators/renewable-power-capacity/",
    "agency.md.j2": "compare/120000/agencies/development-reform-commission/",
    "district.md.j2": "districts/120101/",
}
HAND_WRITTEN = ["methodology/", "about/", "404.html"]
SEARCHES = {"": "search/?q=光伏", "en/": "search/?q=photovoltaic"}
PAGES = [
    edition + path
    for edition in ("", "en/")
    for path in [*BY_TEMPLATE.values(), "plans/tianjin-pilot-2023/", *HAND_WRITTEN, SEARCHES[edition]]
]

# Every visible text outside the charts (SVG: tests/test_browser_charts.py), with its computed size when under the
# smallest; every visible control with each of its boxes (a link that wraps has one per line; a link whose ::after
# covers its positioned box, as a district tile's name does, is that box), and those smaller than the smallest target
# that stand closer than the least gap to another control.
MEASURE = """([smallestText, smallestTarget, leastGap]) => {
  const visible = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const shown = r => r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0;
  const describe = el => {
    const name = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\\s+/g, " ");
    const classes = typeof el.className === "string" ? el.className.trim() : "";
    const kind = classes ? "." + classes.split(/\\s+/).join(".") : "";
    return `${el.tagName.toLowerCase()}${kind} "${name.slice(0, 40)}"`;
  };
  const small = [];
  let texts = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest("svg, script, style, template, noscript")) continue;
    if (!visible(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (![...range.getClientRects()].some(shown)) continue;
    texts += 1;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < smallestText) small.push(`${describe(el)}: ${size.toFixed(2)} px`);
  }
  const clippedAway = (el, r) => {
    // (The page's own scrollers, <body> and <html>, hold everything: a box below the fold is still there.)
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (!/auto|scroll|hidden|clip/.test(style.overflowY)) continue;
      const b = a.getBoundingClientRect();
      if (r.bottom <= b.top || r.top >= b.bottom) return true;
    }
    // Or going under something where it is seen (items of that navigation passing under its sticky title as it
    // scrolls): its top, middle or bottom covered.
    const x = (r.left + r.right) / 2;
    return [r.top + 1, (r.top + r.bottom) / 2, r.bottom - 1].some(y => {
      const top = document.elementFromPoint(x, y);
      return top !== null && !el.contains(top) && !top.contains(el);
    });
  };
  const boxes = [];
  const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [role=button],"
    + " [tabindex]:not([tabindex='-1'])";
  for (const el of document.querySelectorAll(controls)) {
    if (!visible(el)) continue;
    // A control inside another (the theme's link inside a content tab's label) is tapped as the outer one is.
    if (el.parentElement && el.parentElement.closest(controls)) continue;
    let rects = [...el.getClientRects()].filter(shown);
    const after = getComputedStyle(el, "::after");
    if (el.tagName === "A" && after.position === "absolute" && el.offsetParent
        && ["top", "right", "bottom", "left"].every(side => after[side] === "0px")) {
      rects = [el.offsetParent.getBoundingClientRect()];
    }
    // A box scrolled out of a scrolling ancestor, above or below it (the laptop's long navigation in its sidebar),
    // or covered, is not there to tap; a wide table's cells beside its box are, a swipe away.
    for (const r of rects) if (!clippedAway(el, r)) boxes.push([el, r]);
  }
  const gap = (a, b) => Math.hypot(Math.max(0, b.left - a.right, a.left - b.right),
                                   Math.max(0, b.top - a.bottom, a.top - b.bottom));
  const tight = [];
  for (const [el, r] of boxes) {
    if (r.width >= smallestTarget && r.height >= smallestTarget) continue;
    for (const [other, o] of boxes) {
      if (other === el || other.contains(el) || el.contains(other) || gap(r, o) >= leastGap) continue;
      tight.push(`${describe(el)} ${Math.round(r.width)}×${Math.round(r.height)} px, ${gap(r, o).toFixed(1)} px `
        + `from ${describe(other)}`);
      break;
    }
  }
  return {texts, controls: boxes.length, small, tight};
}"""


def open_page(browser, server, path: str, scheme: str = "light", viewport: dict = PHONE):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    visit(page, server + path)
    page.wait_for_function("() => window.component$ !== undefined")  # the theme's script has set the scheme
    if "search/" in path:
        page.wait_for_selector(".search-page[data-state=done]")
    return context, page


def test_the_pages_measured_are_one_of_every_kind_in_the_catalogue():
    pages = {kind.template for kind in catalogue.PAGES if kind.template.endswith(".md.j2")}  # not the feed
    assert pages == set(BY_TEMPLATE)


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1366"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_text_under_12_px_and_no_control_under_44_px_without_room(browser, server, path, scheme, viewport):
    """On a phone, and on a laptop, whose screen may be touched too."""
    context, page = open_page(browser, server, path, scheme, viewport)
    try:
        found = page.evaluate(MEASURE, [SMALLEST_TEXT, SMALLEST_TARGET, LEAST_GAP])
    finally:
        context.close()
    assert found["texts"] > 10 and found["controls"] > 5  # the page was measured: the check is not vacuous
    assert found["small"] == []
    assert found["tight"] == []


@pytest.mark.parametrize("edition", ["", "en/"])
def test_a_district_tile_is_tappable_anywhere_on_it(browser, server, edition):
    """A tap on a covered district's tile far from its name (its bottom right corner) opens its plan."""
    context, page = open_page(browser, server, edition)
    try:
        tile = page.locator("li.district-tile--covered").first
        href = tile.locator("a.district-tile__link").get_attribute("href")
        tile.scroll_into_view_if_needed()
        box = tile.bounding_box()
        name = tile.locator(".district-tile__name").bounding_box()
        assert box["height"] > name["height"] + 10  # the corner is not on the name
        with page.expect_navigation():
            page.mouse.click(box["x"] + box["width"] - 3, box["y"] + box["height"] - 3)
        url = page.url
    finally:
        context.close()
    assert url == server + edition + href.removeprefix("./")


HEADER_IN_VIEW = """() => {
  const table = document.querySelector("table[data-sortable]");
  const bar = document.querySelector(".md-header").getBoundingClientRect();
  const cell = table.tHead.rows[0].cells[1].getBoundingClientRect();
  const hit = document.elementFromPoint(cell.left + cell.width / 2, cell.top + cell.height / 2);
  return {bar: bar.bottom, top: cell.top, bottom: cell.bottom, table: table.getBoundingClientRect().top,
          header: hit !== null && table.tHead.contains(hit)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["plans/jizhou-2023/", "en/plans/jizhou-2023/"])
def test_a_long_tables_header_stays_in_view_under_the_top_bar(browser, server, path, scheme):
    """Scrolled half-way down a long table (thousands of px), its header sits right under the theme's top bar, drawn
    over the rows (what a tap there reaches), and back at the top it is at the table's top again."""
    context, page = open_page(browser, server, path, scheme)
    try:
        start = page.evaluate(HEADER_IN_VIEW)
        height = page.locator("table[data-sortable]").first.evaluate("t => t.offsetHeight")
        page.evaluate("y => window.scrollTo(0, y)", start["table"] + height / 2)
        page.wait_for_timeout(300)
        middle = page.evaluate(HEADER_IN_VIEW)
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(300)
        back = page.evaluate(HEADER_IN_VIEW)
    finally:
        context.close()
    assert height > 3 * PHONE["height"]  # a long table: its header would leave the screen
    assert middle["table"] < -height / 3  # the table's top went far above the screen
    assert abs(middle["top"] - middle["bar"]) <= 1 and middle["header"]
    assert back["top"] == pytest.approx(back["table"], abs=2) and start["top"] == pytest.approx(start["table"], abs=2)


@pytest.mark.parametrize("edition", ["", "en/"])
def test_the_sorted_column_is_seen(browser, server, edition):
    """Every sortable header shows its arrows in a colour that contrasts with the page (not a faint grey); the
    sorted one is tinted and its arrow drawn in the link colour."""
    context, page = open_page(browser, server, edition + "plans/jizhou-2023/")
    try:
        header = page.locator("table[data-sortable] thead th").nth(3)
        arrow = "th => getComputedStyle(th, '::after').backgroundColor"
        tint = "th => getComputedStyle(th).backgroundColor"
        before = (header.evaluate(arrow), header.evaluate(tint))
        header.click()
        page.wait_for_timeout(300)  # the theme's transition of the arrow's colour
        after = (header.evaluate(arrow), header.evaluate(tint), header.get_attribute("aria-sort"))
        link = page.locator("article p a[href]").first.evaluate("a => getComputedStyle(a).color")
        page_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    finally:
        context.close()
    alpha = float(before[0].rpartition(",")[2].rstrip(")")) if before[0].startswith("rgba") else 1.0
    assert alpha >= 0.5, before  # unsorted arrows are seen
    assert after[2] == "ascending"
    assert after[0] == link and after[1] not in (before[1], page_background)


def test_the_english_pinned_column_leaves_most_of_a_phone_to_the_others(browser, server):
    context, page = open_page(browser, server, "en/compare/120000/targets/")
    try:
        widths = page.locator("table[data-sortable] tbody tr > :first-child").evaluate_all(
            "cells => cells.filter(c => c.offsetParent).map(c => c.getBoundingClientRect().width)"
        )
    finally:
        context.close()
    assert len(widths) > 20
    assert max(widths) <= 0.27 * PHONE["width"], max(widths)


LAPTOP = {"width": 1366, "height": 900}


@pytest.mark.parametrize("edition", ["", "en/"])
def test_a_comparison_table_takes_a_laptops_width_with_links_on_its_row_labels(browser, server, edition):
    """On a laptop the comparison of targets is wider than the text above it (it takes the room of the table of
    contents), the page does not scroll sideways, and its cells hold no link: each row's label does."""
    context, page = open_page(browser, server, edition + "compare/120000/targets/", viewport=LAPTOP)
    try:
        text = page.locator("article p").first.bounding_box()["width"]
        table = page.locator("table[data-wide]").first.bounding_box()["width"]
        page_width = page.evaluate("document.documentElement.scrollWidth")
        rows = page.locator("table[data-wide] tbody tr").evaluate_all(
            "rows => rows.map(row => [...row.cells].map(cell => cell.querySelectorAll('a[href]').length))"
        )
    finally:
        context.close()
    assert table > text + 150, (table, text)
    assert page_width <= LAPTOP["width"]
    assert len(rows) > 50
    assert all(links[0] == 1 for links in rows)  # every row's label leads on
    assert [links for links in rows if any(links[1:])] == []  # and no other cell holds a link
