"""Shareable views and the rows you see (docs/assets/share.js), in a real browser (headless Chromium): a targets
table's filters and sort are written into the page's address, which opens the same rows in the same order; the
"download these rows" buttons give exactly the rows shown, as CSV (with a byte-order mark, formula-like texts
guarded) and JSON, with the data's version and the view's address; a hostile parameter changes nothing and runs
nothing. Expected rows come from the package's CSV files and the built site's descriptor, not from the script. Run
by `nox -s browser`; needs /usr/bin/chromium."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from test_browser import REPORT_VIOLATIONS

from generator.base.paths import ROOT

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
# How readers see a view they share or download: on a phone or a laptop, in either colour scheme (issue 28's "Done
# when": both editions, light and dark, at 390 px and 1366 px). Tests that name it run once for each; the others on a
# phone, in light.
LOOKS = [(PHONE, "light"), (PHONE, "dark"), (LAPTOP, "light"), (LAPTOP, "dark")]
LOOK_IDS = ["390-light", "390-dark", "1366-light", "1366-dark"]
DATA = ROOT / "datapackage" / "data"
PLAN = "jizhou-2023"  # the plan with the most targets
COMPARE = "compare/120000/targets/"
BOM = b"\xef\xbb\xbf"


def read_csv(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def targets() -> dict[str, dict]:
    return {t["target_id"]: t for t in read_csv("targets.csv")}


@pytest.fixture(scope="module")
def version(built) -> str:
    """The data's version as the site publishes it (its descriptor's, under downloads/latest/)."""
    descriptor = built.site_dir / "downloads" / "latest" / "datapackage.json"
    return json.loads(descriptor.read_text(encoding="utf-8"))["version"]


@pytest.fixture
def context(browser, request):
    viewport, scheme = getattr(request, "param", (PHONE, "light"))
    context = browser.new_context(viewport=viewport, color_scheme=scheme, accept_downloads=True)
    context.add_init_script(REPORT_VIOLATIONS)
    yield context
    context.close()


def open_page(context, address: str):
    """A new page at ``address``, once share.js has run (its buttons are there), listening for errors."""
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(f"uncaught: {error}"))
    page.on("dialog", lambda dialog: (page.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.goto(address, wait_until="load")
    page.wait_for_selector(".table-download button")
    return page


def plan_rows(page) -> list[str]:
    """The target ids of a plan's rows shown, in order."""
    return page.locator("table[data-filterable] tbody tr:visible").evaluate_all("rows => rows.map(row => row.id)")


def compare_rows(page) -> list[str]:
    """The indicators of the comparison's rows shown, in order."""
    return page.locator("table[data-filterable] tbody tr:visible td:first-child").all_inner_texts()


def sorted_headers(page) -> list[tuple[str, str]]:
    cells = page.locator("th[aria-sort]").evaluate_all(
        "cells => cells.map(th => [th.getAttribute('data-key'), th.getAttribute('aria-sort')])"
    )
    return [tuple(cell) for cell in cells]


def filters(page) -> dict[str, str]:
    return page.locator(".table-filters select").evaluate_all(
        "menus => Object.fromEntries(menus.map(s => [s.getAttribute('data-filter'), s.value]))"
    )


def download(page, fmt: str):
    with page.expect_download() as event:
        page.click(f".table-download button[data-download-format={fmt}]")
    return event.value.suggested_filename, event.value.path().read_bytes()


def view_of(address: str) -> tuple[str, dict]:
    parts = urlsplit(address)
    return parts.path, parse_qs(parts.query)


@pytest.mark.parametrize("context", LOOKS, ids=LOOK_IDS, indirect=True)
@pytest.mark.parametrize("edition", ["", "en/"])
def test_a_plans_filtered_sorted_view_reopens_from_its_address(context, server, targets, edition):
    page = open_page(context, server + f"{edition}plans/{PLAN}/")
    page.select_option(".table-filters select[data-filter=year]", "2025")
    page.select_option(".table-filters select[data-filter=area]", "energy")
    header = page.locator("th[data-key=indicator]")
    header.click()
    header.click()  # descending
    shown, address = plan_rows(page), page.url
    path, query = view_of(address)
    assert path == f"/{edition}plans/{PLAN}/"
    assert query == {"year": ["2025"], "area": ["energy"], "sort": ["-indicator"]}
    area_of = {row["indicator_id"]: row["area_id"] for row in read_csv("indicators.csv")}
    expected = {i for i, t in targets.items() if t["plan_id"] == PLAN and t["target_year"] == "2025"}
    expected = {i for i in expected if area_of[targets[i]["indicator_id"]] == "energy"}
    assert len(expected) > 1 and set(shown) == expected  # filtered, and more than one row to order

    again = open_page(context, address)
    assert plan_rows(again) == shown  # the same rows in the same order
    assert filters(again)["year"] == "2025" and filters(again)["area"] == "energy"
    assert sorted_headers(again) == [("indicator", "descending")]
    assert again.url == address
    assert page.errors == again.errors == []


@pytest.mark.parametrize("edition", ["", "en/"])
def test_a_views_address_keeps_the_rows_fragment(context, server, edition):
    page = open_page(context, server + f"{edition}plans/{PLAN}/?year=2030&sort=-year")
    rows = plan_rows(page)
    last = rows[-1]
    page = open_page(context, server + f"{edition}plans/{PLAN}/?year=2030&sort=-year#{last}")
    assert plan_rows(page) == rows
    assert page.url.endswith(f"?year=2030&sort=-year#{last}")
    in_view = page.locator(f"[id='{last}']").evaluate(
        "row => { const box = row.getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; }"
    )
    assert in_view
    page.select_option(".table-filters select[data-filter=kind]", "")  # a choice keeps the fragment
    assert page.url.endswith(f"#{last}")


@pytest.mark.parametrize("context", LOOKS, ids=LOOK_IDS, indirect=True)
@pytest.mark.parametrize("edition", ["", "en/"])
def test_a_comparisons_view_reopens_from_its_address(context, server, edition):
    page = open_page(context, server + edition + COMPARE)
    page.select_option(".table-filters select[data-filter=plan]", "xiqing-2023")
    second = page.locator("table[data-sortable]").nth(1).locator("th[data-key=indicator]")
    second.click()
    second.click()
    shown, address = compare_rows(page), page.url
    assert view_of(address)[1] == {"plan": ["xiqing-2023"], "sort": ["2.-indicator"]}
    again = open_page(context, address)
    assert compare_rows(again) == shown
    assert sorted_headers(again) == [("indicator", "descending")]
    assert again.locator("table[data-sortable]").nth(1).locator("th[aria-sort]").count() == 1
    assert page.errors == again.errors == []


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)  # Excel and WPS open it as UTF-8
    return list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline="")))


@pytest.mark.parametrize("context", LOOKS, ids=LOOK_IDS, indirect=True)
@pytest.mark.parametrize("edition", ["", "en/"])
def test_a_plans_rows_download_is_the_rows_shown(context, server, targets, version, edition):
    page = open_page(context, server + f"{edition}plans/{PLAN}/?kind=quantitative")
    page.locator("th[data-key=area]").click()
    shown, view = plan_rows(page), page.url
    assert 1 < len(shown) < sum(t["plan_id"] == PLAN for t in targets.values())

    name, data = download(page, "csv")
    assert name == f"{PLAN}-targets{'-en' if edition else ''}-{version}.csv"
    header, *rows = csv_rows(data)
    last = ["Data version", "Address of this view"] if edition else ["数据版本", "本视图地址"]
    assert header[0] == "ID" and header[-2:] == last
    assert [row[0] for row in rows] == shown  # exactly the rows shown, in their order
    quote = header.index("Original text" if edition else "原文")
    assert [row[quote] for row in rows] == [targets[i]["quote"] for i in shown]
    assert {(row[-2], row[-1]) for row in rows} == {(version, view)}

    name, data = download(page, "json")
    assert name.endswith(".json") and not data.startswith(BOM)
    table = json.loads(data)
    assert (table["version"], table["view"]) == (version, view)
    assert [row["id"] for row in table["rows"]] == shown
    assert [row["quote"] for row in table["rows"]] == [targets[i]["quote"] for i in shown]
    assert [c["key"] for c in table["columns"]][:3] == ["id", "indicator", "area"]
    assert page.errors == []  # the Content Security Policy lets the file be saved


@pytest.mark.parametrize("context", LOOKS, ids=LOOK_IDS, indirect=True)
@pytest.mark.parametrize("edition", ["", "en/"])
def test_a_comparisons_rows_download_is_the_rows_shown(context, server, version, edition):
    page = open_page(context, server + edition + COMPARE + "?scope=new-buildings")
    shown = compare_rows(page)
    assert shown
    groups = page.locator("table[data-sortable]:visible").evaluate_all(
        "tables => tables.flatMap(t => [...t.tBodies[0].rows].filter(r => !r.hidden).map(() => t.dataset.group))"
    )
    _, data = download(page, "csv")
    header, *rows = csv_rows(data)
    assert [row[header.index("Indicator" if edition else "指标")] for row in rows] == shown
    assert [row[0] for row in rows] == groups  # each row's action area, first
    assert {row[-2] for row in rows} == {version} and {row[-1] for row in rows} == {page.url}
    table = json.loads(download(page, "json")[1])
    assert [row["indicator"] for row in table["rows"]] == shown
    assert table["view"] == page.url and table["version"] == version


def test_a_formula_like_cell_is_downloaded_as_text(context, server):
    """A cell beginning as a spreadsheet formula does (= + - @) is written with a leading apostrophe, as the site's
    CSV files of charts are (charts.table_csv): Excel and WPS show it and do not compute it."""
    page = open_page(context, server + f"plans/{PLAN}/?year=2025")
    cells = ['=HYPERLINK("http://example.invalid","x")', "+1", "-2", "@SUM(A1)"]
    page.locator("table[data-filterable] tbody tr:visible").first.evaluate(
        "(row, texts) => texts.forEach((text, i) => { row.cells[i].textContent = text; })", cells
    )
    header, first, *_ = csv_rows(download(page, "csv")[1])
    assert first[1:5] == ["'" + text for text in cells]
    table = json.loads(download(page, "json")[1])
    assert [table["rows"][0][key] for key in ("indicator", "area", "target", "year")] == cells  # JSON as shown


HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.mark.parametrize("path", [f"plans/{PLAN}/", COMPARE, f"en/plans/{PLAN}/"])
def test_a_hostile_parameter_changes_nothing_and_runs_nothing(context, server, path):
    plain = open_page(context, server + path)
    every = plain.locator("table[data-filterable] tbody tr").count()
    query = f"?year={HOSTILE}&plan={HOSTILE}&sort={HOSTILE}&sort=99.indicator&sort=1.nothing&sort=target"
    query += "&area=energy%22%3E&kind="
    page = open_page(context, server + path + query)
    assert page.locator("table[data-filterable] tbody tr:visible").count() == every
    assert set(filters(page).values()) == {""}
    assert sorted_headers(page) == []
    assert page.locator("img[src=x]").count() == 0
    assert HOSTILE not in page.content()
    assert page.errors == []  # no alert, no error


def luminance(rgb: str) -> float:
    """The relative luminance (WCAG) of a computed colour, "rgb(r, g, b)"."""
    channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_download_buttons_fit_a_thumb_and_read_in_either_scheme(browser, server, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    for path in (f"plans/{PLAN}/", f"en/{COMPARE}"):
        page = open_page(context, server + path)
        for button in page.locator(".table-download button").all():
            box = button.bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44, (path, box)
            ink = button.evaluate("b => getComputedStyle(b).color")
            paper = page.evaluate("getComputedStyle(document.body).backgroundColor")
            light, dark = sorted((luminance(ink), luminance(paper)), reverse=True)
            assert (light + 0.05) / (dark + 0.05) >= 4.5, (path, scheme, ink, paper)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
