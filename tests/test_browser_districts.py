"""No dead ends, in a real browser (issue 28, points 3 and the Why's item 4): every district's tile on the home page
is one link, as a whole, and a district without a plan has a page that says so, quotes what the city's programme
asks of every district (linked to the passage) and says how to send the plan; the English 404 page leads to English
pages, also where a host serves the Chinese 404 page under en/; the language menu keeps the address's #row and
?query."""

from __future__ import annotations

import urllib.parse

import pytest
from test_browser import visit

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
EDITIONS = [("", "name_zh"), ("en/", "name_en")]


def missing_districts(real_tables) -> list[dict]:
    """The districts of Tianjin without a district plan in the package, as the package says."""
    covered = {row["district_code"] for row in real_tables["plans"] if row["kind"] == "district-plan"}
    return [r for r in real_tables["districts"] if r["parent_code"] == "120000" and r["code"] not in covered]


@pytest.mark.parametrize(("edition", "name"), EDITIONS, ids=["zh", "en"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1366"])
def test_tapping_anywhere_on_a_district_tile_without_a_plan_opens_its_page(
    browser, server, real_tables, edition, name, scheme, viewport
):
    district = missing_districts(real_tables)[0]
    context = browser.new_context(viewport=viewport, color_scheme=scheme, has_touch=True)
    page = context.new_page()
    page.goto(server + edition)
    tile = page.locator("li.district-tile", has=page.locator(".district-tile__name", has_text=district[name]))
    assert tile.count() == 1
    tile.scroll_into_view_if_needed()
    box = tile.bounding_box()
    assert box["height"] >= 44  # a thumb's target
    # Tapped in its bottom right corner, away from the name: the whole tile is the link.
    page.touchscreen.tap(box["x"] + box["width"] - 3, box["y"] + box["height"] - 3)
    page.wait_for_url(f"{server}{edition}districts/{district['code']}/")
    assert page.locator("article h1").inner_text().strip().removesuffix("¶") == district[name]
    article = page.locator("article")
    assert article.locator("p.district-missing").count() == 1
    # What the city's programme asks of every district, each section linked to its place in the source text.
    assert "津发改双碳〔2023〕400号" in article.inner_text()
    sections = article.locator("a[href*='sources/tianjin-pilot-2023/#s4-']")
    assert sections.count() >= 1
    # How to send the document: a link that leads somewhere (the methodology's reporting section, by default).
    assert article.locator("a[href*='methodology/#report']").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]  # no sideways scroll
    sections.first.click()
    page.wait_for_url("**/sources/tianjin-pilot-2023/#s4-*")
    anchor = urllib.parse.urlsplit(page.url).fragment
    assert page.locator(f"[id='{anchor}']").count() == 1
    context.close()


def test_each_district_has_a_page_in_both_editions(browser, server, real_tables):
    """The sixteen, with a plan or not: a district with one plan links it from its page."""
    plans = {row["district_code"]: row["plan_id"] for row in real_tables["plans"] if row["kind"] == "district-plan"}
    page = browser.new_page()
    for district in (r for r in real_tables["districts"] if r["parent_code"] == "120000"):
        for edition, name in EDITIONS:
            response = page.goto(f"{server}{edition}districts/{district['code']}/")
            assert response.status == 200
            assert page.locator("article h1").inner_text().strip().removesuffix("¶") == district[name]
            if district["code"] in plans:
                assert page.locator(f"article a[href$='plans/{plans[district['code']]}/']").count() == 1
    page.close()


def test_the_english_404_page_leads_to_english_pages(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server + "en/404.html")
    home = urllib.parse.urljoin(server, "/en/")
    nav = page.locator("nav.md-nav--primary a.md-nav__link[href]")
    assert nav.count() > 3
    for href in nav.evaluate_all("links => links.map(a => a.href)"):
        assert href.startswith(home), href
    page.fill("form.site-search input[name=q]", "河东区")
    page.press("form.site-search input[name=q]", "Enter")
    page.wait_for_url(f"{home}search/?q=*")
    context.close()


def test_the_chinese_404_page_served_under_en_opens_the_english_one(browser, server):
    """A host with one 404 page for the whole site (GitHub Pages) serves the Chinese edition's at any address."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    chinese = page.request.get(server + "404.html").text()
    page.route("**/en/no-such-page/", lambda route: route.fulfill(status=404, body=chinese, content_type="text/html"))
    page.goto(server + "en/no-such-page/")
    page.wait_for_url(server + "en/404.html")
    assert page.evaluate("document.documentElement.lang") == "en"
    context.close()


def test_a_chinese_404_page_at_a_chinese_address_stays(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    chinese = page.request.get(server + "404.html").text()
    page.route("**/no-such-page/", lambda route: route.fulfill(status=404, body=chinese, content_type="text/html"))
    visit(page, server + "no-such-page/")
    assert page.url == server + "no-such-page/"
    context.close()


def switch_language(page, code: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={code}]").click()


@pytest.mark.parametrize(("start", "code", "other"), [("", "en", "en/"), ("en/", "zh", "")], ids=["to-en", "to-zh"])
def test_switching_language_keeps_the_row(browser, server, real_tables, start, code, other):
    row = next(t["target_id"] for t in real_tables["targets"] if t["plan_id"] == "hedong-2023")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{server}{start}plans/hedong-2023/#{row}")
    switch_language(page, code)
    page.wait_for_url(f"{server}{other}plans/hedong-2023/#{row}")
    assert page.locator(f"tr[id='{row}']").evaluate("row => row.matches(':target')")
    context.close()


def test_switching_language_keeps_the_search_query(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server + "search/?q=" + urllib.parse.quote("河东区"))
    switch_language(page, "en")
    page.wait_for_url(server + "en/search/?q=*")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["q"] == ["河东区"]
    context.close()
