"""Tables in a real browser (headless Chromium): no page scrolls sideways on a phone or a laptop, in either colour
scheme; a plan's targets sort and filter, and without JavaScript every row is there to read; the comparison of
targets filters by plan; and the first visit to any page stays light. Expected rows come from the package's CSV
files, not from the pages. Run by `nox -s browser`; needs /usr/bin/chromium."""

from __future__ import annotations

import csv
import gzip

import pytest
from test_browser import BOTH_EDITIONS, visit

from generator.base.paths import ROOT

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
DATA = ROOT / "datapackage" / "data"
PLAN = "jizhou-2023"  # the plan with the most targets


def read_csv(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def targets() -> list[dict]:
    return read_csv("targets.csv")


@pytest.fixture(scope="module")
def area_of() -> dict[str, str]:
    """indicator_id -> area_id"""
    return {row["indicator_id"]: row["area_id"] for row in read_csv("indicators.csv")}


def page_width(page, viewport: dict) -> int:
    page.set_viewport_size(viewport)
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", BOTH_EDITIONS)
def test_page_fits_a_phone_and_a_laptop_without_scrolling_sideways(browser, server, path, scheme):
    """Most readers are on a phone: no page may be wider than its screen, in either colour scheme, nor on a laptop.
    Wide tables scroll inside their own box; the page itself does not."""
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    visit(page, server + path)
    # The theme's script sets the scheme; on a long page (the timeline) it may run after the network is idle.
    page.wait_for_function("() => window.component$ !== undefined")
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    widths = [page_width(page, PHONE), page_width(page, LAPTOP)]
    context.close()
    assert shown == {"light": "default", "dark": "slate"}[scheme]
    assert widths[0] <= PHONE["width"] and widths[1] <= LAPTOP["width"], widths


@pytest.mark.parametrize("path", BOTH_EDITIONS)
def test_page_without_javascript_fits_a_phone(browser, server, path):
    """Without JavaScript Material does not wrap tables in their scrolling box: they must not widen the page."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + path, wait_until="load")
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= PHONE["width"]


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_wide_tables_first_column_stays_in_view_on_a_phone(browser, server, javascript, scheme):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + f"plans/{PLAN}/", wait_until="load")
    table = page.locator("table[data-sortable]")
    cells = table.locator("tbody tr").first.locator("td")
    before = [cells.nth(0).bounding_box()["x"], cells.nth(2).bounding_box()["x"]]
    # Material's scrolling box (its script wraps tables), else the table itself (display: inline-block)
    scroll = """t => { const box = t.closest('.md-typeset__scrollwrap') || t;
        box.scrollLeft = 300; return box.scrollLeft; }"""
    scrolled = table.evaluate(scroll)
    after = [cells.nth(0).bounding_box()["x"], cells.nth(2).bounding_box()["x"]]
    background = cells.nth(0).evaluate("td => getComputedStyle(td).backgroundColor")
    context.close()
    assert scrolled > 0  # the table is wider than the phone and scrolls in its box
    assert after[1] < before[1] - 200  # the other columns went by
    assert 0 <= after[0] <= before[0]  # the first stayed on screen, at the box's left edge
    assert not background.endswith(", 0)") and background != "transparent"  # opaque: no text shows through


def plan_rows(page) -> list[str]:
    """The target ids of the rows shown, in order."""
    rows = page.locator("table[data-filterable] tbody tr:visible")
    return rows.evaluate_all("rows => rows.map(row => row.id)")


def year_key(year: str):
    """Undated targets come after every year."""
    return (year == "", int(year or 0))


@pytest.mark.parametrize("edition", ["", "en/"])
def test_a_plans_targets_sort_by_year_both_ways(page, server, targets, edition):
    year_of = {t["target_id"]: t["target_year"] for t in targets if t["plan_id"] == PLAN}
    visit(page, server + f"{edition}plans/{PLAN}/")
    header = page.locator("table[data-sortable] thead th").nth(3)  # 指标, 行动领域, 目标, 目标年
    header.click()
    ascending = plan_rows(page)
    assert header.get_attribute("aria-sort") == "ascending"
    header.press("Enter")
    descending = plan_rows(page)
    assert header.get_attribute("aria-sort") == "descending"
    assert sorted(ascending) == sorted(year_of)  # every target, once
    assert [year_key(year_of[t]) for t in ascending] == sorted(year_key(year_of[t]) for t in ascending)
    assert [year_key(year_of[t]) for t in descending] == sorted((year_key(year_of[t]) for t in ascending), reverse=True)


def test_chinese_text_sorts_by_pinyin(page, server):
    visit(page, server + f"plans/{PLAN}/")
    page.locator("table[data-sortable] thead th").first.click()
    names = page.locator("table[data-sortable] tbody tr td:first-child").all_inner_texts()
    by_pinyin = page.evaluate("names => names.slice().sort(new Intl.Collator('zh', {numeric: true}).compare)", names)
    assert names == by_pinyin
    assert names != sorted(names)  # not by code point


# Each filter with a value to choose, and which rows of targets.csv it keeps.
PLAN_FILTERS = [
    ({"area": "energy"}, lambda t, area: area == "energy"),
    ({"year": "2025"}, lambda t, area: t["target_year"] == "2025"),
    ({"kind": "qualitative"}, lambda t, area: t["kind"] == "qualitative"),
    ({"hedge": "力争"}, lambda t, area: "力争" in t["hedge"].split("、")),
    ({"hedge": "none"}, lambda t, area: t["hedge"] == ""),
    ({"scope": "group"}, lambda t, area: t["scope"] == "group"),
    (
        {"kind": "quantitative", "year": "2030", "area": "energy"},
        lambda t, area: (t["kind"], t["target_year"], area) == ("quantitative", "2030", "energy"),
    ),
]


@pytest.mark.parametrize("edition", ["", "en/"])
def test_a_plans_targets_filter_to_exactly_the_matching_rows(page, server, targets, area_of, edition):
    ours = [t for t in targets if t["plan_id"] == PLAN]
    visit(page, server + f"{edition}plans/{PLAN}/")
    count = page.locator(".table-filters [aria-live]")
    for chosen, keep in PLAN_FILTERS:
        for select in page.locator(".table-filters select").all():
            select.select_option("")
        for name, value in chosen.items():
            page.select_option(f".table-filters select[data-filter={name}]", value)
        expected = {t["target_id"] for t in ours if keep(t, area_of[t["indicator_id"]])}
        assert expected, chosen  # the choice keeps some rows: the check is not vacuous
        assert set(plan_rows(page)) == expected, chosen
        assert f"{len(expected)}" in count.inner_text() and f"{len(ours)}" in count.inner_text()
    for select in page.locator(".table-filters select").all():
        select.select_option("")
    assert len(plan_rows(page)) == len(ours)


def test_the_filters_are_labelled_in_the_pages_language(page, server):
    visit(page, server + f"en/plans/{PLAN}/")
    labels = page.locator(".table-filters label").all_inner_texts()
    assert [label.splitlines()[0].strip() for label in labels] == [
        "Action area",
        "Target year",
        "Type",
        "Qualifier",
        "Applies to",
    ]
    assert "Showing" in page.locator(".table-filters [aria-live]").inner_text()


@pytest.mark.parametrize("edition", ["", "en/"])
def test_without_javascript_every_target_of_a_plan_is_there_to_read(browser, server, targets, edition):
    ours = [t for t in targets if t["plan_id"] == PLAN]
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + f"{edition}plans/{PLAN}/", wait_until="load")
    rows = page.locator("table[data-filterable] tbody tr")
    shown = {row.get_attribute("id"): row for row in rows.all()}
    assert set(shown) == {t["target_id"] for t in ours}
    for t in ours:
        quote = shown[t["target_id"]].locator("a", has_text=t["quote"])
        assert quote.count() == 1 and quote.is_visible(), t["target_id"]
    assert page.locator("select").count() == 0  # no control that cannot work
    context.close()


def indicator_names() -> dict[str, str]:
    return {row["indicator_id"]: row["name_zh"] for row in read_csv("indicators.csv")}


@pytest.mark.parametrize(
    ("chosen", "keep"),
    [
        ({"plan": "xiqing-2023"}, lambda t: t["plan_id"] == "xiqing-2023"),
        # one commitment of 西青区's with both: not one of its commitments for 2030 and another with 力争
        (
            {"plan": "xiqing-2023", "year": "2025", "hedge": "力争"},
            lambda t: t["plan_id"] == "xiqing-2023" and t["target_year"] == "2025" and "力争" in t["hedge"],
        ),
        ({"scope": "new-buildings"}, lambda t: t["scope"] == "new-buildings"),
    ],
)
def test_the_comparison_of_targets_filters_by_plan_and_commitment(page, server, targets, chosen, keep):
    plans = {row["plan_id"] for row in read_csv("plans.csv") if row["kind"] == "district-plan"}
    names = indicator_names()
    expected = {names[t["indicator_id"]] for t in targets if t["plan_id"] in plans and keep(t)}
    visit(page, server + "compare/120000/targets/")
    for name, value in chosen.items():
        page.select_option(f".table-filters select[data-filter={name}]", value)
    shown = page.locator("table[data-filterable] tbody tr:visible td:first-child").all_inner_texts()
    assert expected and sorted(shown) == sorted(expected)


# Text is sent compressed by any static host (GitHub Pages, Netlify, nginx's gzip_static); images, WebAssembly and
# Pagefind's fragments are compressed already.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")
FIRST_VISIT_BUDGET = 500_000


def sent_bytes(response) -> int:
    """What a static host sends for ``response``: its headers, and its body, gzipped if it is text."""
    body = response.body()
    if response.headers.get("content-type", "").startswith(COMPRESSED_TYPES):
        body = gzip.compress(body, compresslevel=6, mtime=0)
    return response.request.sizes()["responseHeadersSize"] + len(body)


@pytest.mark.parametrize("path", BOTH_EDITIONS)
def test_first_visit_stays_under_500_kb(page, server, path):
    """The page and everything it loads on a first visit (empty cache), searches included: under 500 kB sent."""
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    visit(page, server + path)
    if "search/" in path:
        page.wait_for_selector(".search-page[data-state=done]")
    page.wait_for_load_state("networkidle")
    sent = {request.url: sent_bytes(request.response()) for request in finished if request.response()}
    assert any(url.endswith("/assets/tables.js") for url in sent)  # the tables' scripts are counted
    assert sum(sent.values()) < FIRST_VISIT_BUDGET, sorted(sent.items(), key=lambda item: -item[1])[:5]
