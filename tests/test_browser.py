"""The site in a real browser (headless Chromium): no request leaves this machine, no serious accessibility
problem, and the interactive parts work. Run by `nox -s browser`; needs /usr/bin/chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # fmt: skip
PAGES = [
    "",
    "plans/jizhou-2023/",
    "plans/tianjin-pilot-2023/",
    "sources/xiqing-2023/",
    "compare/",
    "compare/targets/",
    "compare/indicators/new-large-data-centre-pue/",
    "compare/timeline/",
    "compare/coverage/",
    "compare/agencies/",
    "compare/pilot/",
    "compare/own-or-city/",
    "data/",
    "data/dictionary/",
    "data/changelog/",
    "methodology/",
    "about/",
]


@pytest.fixture(scope="module")
def server(built):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built.site_dir))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip("chromium is not installed (the CI script installs it)")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_everything_from_this_site_only(page, server, path):
    page.goto(server + path, wait_until="networkidle")
    hosts = {urlsplit(url).netloc for url in page.requests if not url.startswith("data:")}
    assert hosts == {urlsplit(server).netloc}


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_accessibility_violations(page, server, path):
    page.goto(server + path, wait_until="networkidle")
    results = axe_module.Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


def test_a_quote_link_lands_on_its_highlighted_passage(page, server):
    page.goto(server + "plans/jizhou-2023/", wait_until="networkidle")
    page.click("a[href$='#jizhou-2023-t038']")
    page.wait_for_url("**/sources/jizhou-2023/#jizhou-2023-t038")
    marked = page.locator("mark.passage.is-target")
    assert marked.count() >= 1
    assert "31.02%" in " ".join(marked.all_inner_texts())


def test_search_finds_photovoltaics_on_the_plan_pages(page, server):
    page.goto(server, wait_until="networkidle")
    field = page.locator("input.md-search__input")
    field.focus()
    field.fill("光伏")  # typed text arrives as one input event (as from an input method) ...
    field.press("End")  # ... and the search runs on the next key
    page.wait_for_selector(".md-search-result__item")
    results = page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert any("/plans/" in url for url in results) and any("/sources/" in url for url in results)


def test_timeline_tabs_filter_by_plan(page, server):
    page.goto(server + "compare/timeline/", wait_until="networkidle")
    page.locator(".tabbed-labels label", has_text="蓟州区").click()
    visible = page.locator(".tabbed-block:visible table tbody tr td:first-child").all_inner_texts()
    assert visible and set(visible) == {"蓟州区"}
