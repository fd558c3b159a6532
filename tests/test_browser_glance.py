"""A target at a glance in a real browser (issue 17): a plan page leads with its headline cards, above the fold on
a phone and on a laptop, in both editions; each target's row has a permalink, and a copy-link button (added by
docs/assets/glance.js, so absent without JavaScript) that copies the row's full address."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390x844", "1366x900"])
@pytest.mark.parametrize("path", ["plans/jizhou-2023/", "en/plans/hedong-2023/", "plans/tianjin-pilot-2023/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_first_target_card_is_above_the_fold(browser, server, path, viewport, scheme):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + path)
    first = page.locator("a.headline-card:not(.headline-card--peak)").first
    box = first.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], box
    target = first.get_attribute("href")
    assert page.locator(f"tr{target}").count() == 1  # it leads to its row on the page
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]  # no sideways scroll
    context.close()


def test_a_headline_card_leads_to_its_row(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server + "plans/jizhou-2023/")
    card = page.locator("a.headline-card:not(.headline-card--peak)").first
    target = card.get_attribute("href")
    card.click()
    assert page.evaluate("location.hash") == target
    row = page.locator(f"tr{target}")
    assert row.evaluate("row => row.matches(':target')")
    assert row.is_visible() and row.bounding_box()["y"] < PHONE["height"]
    context.close()


@pytest.mark.parametrize(("path", "words"), [("plans/hebei-2022/", "复制链接"), ("en/plans/hebei-2022/", "Copy link")])
def test_the_copy_link_button_copies_the_rows_address(browser, server, path, words):
    context = browser.new_context(viewport=LAPTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.goto(server + path)
    row = page.locator("tr[id]").first
    target_id = row.get_attribute("id")
    button = row.locator("button.copy-link")
    assert button.inner_text() == words
    assert button.get_attribute("aria-label") == f"{words} {target_id}"
    button.click()
    page.wait_for_function("() => document.querySelector('button.copy-link').dataset.link")
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}{path}#{target_id}"
    assert button.inner_text() != words  # it says it copied
    context.close()


def test_without_javascript_the_permalink_stays_and_no_button_is_shown(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "plans/hebei-2022/")
    rows = page.locator("tr[id]").count()
    assert rows > 10 and page.locator("tr[id] a.permalink").count() == rows
    assert page.locator("button.copy-link").count() == 0
    first = page.locator("tr[id]").first
    assert first.locator("a.permalink").get_attribute("href") == "#" + first.get_attribute("id")
    assert first.locator("a.permalink").get_attribute("aria-label")  # a name beyond "#"
    context.close()
