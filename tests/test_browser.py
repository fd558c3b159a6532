"""The site in a real browser (headless Chromium): no request leaves this machine, no serious accessibility
problem, and the interactive parts work. Run by `nox -s browser`; needs /usr/bin/chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")


# Every kind of page in both editions: each is checked for the hosts it calls, accessibility, the Content Security
# Policy and the console, and (tests/test_browser_tables.py) its width on a phone and a laptop, and its weight.
EVERY_KIND = [
    "",
    "plans/",
    "plans/jizhou-2023/",
    "plans/tianjin-pilot-2023/",
    "sources/xiqing-2023/",
    "compare/",
    "compare/120000/",
    "compare/120000/targets/",
    "compare/120000/indicators/new-large-data-centre-pue/",
    "compare/120000/timeline/",
    "compare/120000/coverage/",
    "compare/120000/agencies/",
    "compare/120000/agencies/development-reform-commission/",
    "compare/120000/pilot/",
    "compare/120000/own-or-city/",
    "compare/documents/",
    "compare/120000/documents/",
    "data/",
    "data/dictionary/",
    "data/changelog/",
    "methodology/",
    "about/",
    "404.html",
]
BOTH_EDITIONS = [*EVERY_KIND, "search/?q=光伏", *(f"en/{path}" for path in EVERY_KIND), "en/search/?q=photovoltaic"]
# Reports a violation of the page's Content Security Policy to the console, where the test listens.
REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e =>
    console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`));"""


def visit(page, address: str):
    """Open ``address`` and wait until the page's scripts have run and the network has gone quiet.

    "networkidle" alone is not that: on a long page the browser may spend more than its 500 ms of silence parsing
    and running the theme's script before it asks for the next script, so the quiet came before tables.js had made
    the headers sortable (a click on one then did nothing). The load event comes after every script has run."""
    response = page.goto(address, wait_until="load")
    page.wait_for_load_state("networkidle")
    return response


def console_errors(page) -> list[str]:
    """Start listening on ``page`` for console errors, uncaught exceptions and CSP violations; returns the list."""
    errors: list[str] = []
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.on("response", lambda response: response.status >= 400 and errors.append(f"{response.status} {response.url}"))
    return errors


@pytest.mark.parametrize("path", BOTH_EDITIONS)
def test_page_runs_without_csp_violation_or_console_error(page, server, path):
    errors = console_errors(page)
    visit(page, server + path)
    if "search/" in path:
        page.wait_for_selector(".search-page__results a")  # the search ran: its WebAssembly was allowed
    page.wait_for_timeout(200)
    assert errors == []
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1


def test_an_injected_script_or_handler_does_not_run(page, server):
    """Were escaping to fail, a <script> or an inline handler in the page would still not run: the policy blocks it."""
    errors = console_errors(page)
    injected = '<script>window.injected = "script"</script><img src="x.png" onerror="window.injected = \'handler\'">'

    def inject(route):
        response = route.fetch()
        body = response.text().replace("<article", injected + "<article", 1)
        route.fulfill(response=response, body=body)

    page.route("**/plans/jizhou-2023/", inject)
    visit(page, server + "plans/jizhou-2023/")
    assert page.evaluate("window.injected") is None
    assert any("CSP violation: script-src" in error for error in errors), errors


@pytest.mark.parametrize("path", BOTH_EDITIONS)
def test_page_loads_everything_from_this_site_only(page, server, path):
    visit(page, server + path)
    hosts = {urlsplit(url).netloc for url in page.requests if not url.startswith("data:")}
    assert hosts == {urlsplit(server).netloc}


@pytest.mark.parametrize("path", BOTH_EDITIONS)
def test_page_has_no_serious_accessibility_violations(page, server, path):
    visit(page, server + path)
    results = axe_module.Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


def test_a_quote_link_lands_on_its_highlighted_passage(page, server):
    visit(page, server + "plans/jizhou-2023/")
    page.click("a[href$='#jizhou-2023-t038']")
    page.wait_for_url("**/sources/jizhou-2023/#jizhou-2023-t038")
    marked = page.locator("mark.passage.is-target")
    assert marked.count() >= 1
    assert "31.02%" in " ".join(marked.all_inner_texts())


PUE = "new-large-data-centre-pue"


def search(page, server, query: str, edition: str = "") -> set[str]:
    """The pages Pagefind's own search API returns for ``query``, read from the index of one edition
    (Pagefind picks the index of the page's language: "" for Chinese, "en/" for English)."""
    visit(page, server + edition + "search/")
    script = """async query => {
        const pagefind = await import("/pagefind/pagefind.js");
        const found = await pagefind.search(query);
        return Promise.all(found.results.map(async result => (await result.data()).url));
    }"""
    return set(page.evaluate(script, query))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # 西青区 and 蓟州区 commit to rooftop PV, and all four plans name it among their measures.
        ("光伏", {"/plans/xiqing-2023/", "/plans/jizhou-2023/", "/sources/xiqing-2023/", "/sources/jizhou-2023/"}),
        # 西青区 (1.25) and 蓟州区 (1.3) set figures for the PUE of new large data centres.
        ("电能利用效率", {"/plans/xiqing-2023/", "/plans/jizhou-2023/", f"/compare/120000/indicators/{PUE}/"}),
    ],
)
def test_search_finds_the_plans_that_speak_of_it(page, server, query, expected):
    assert expected <= search(page, server, query)


PLANS = ("hedong-2023", "hebei-2022", "xiqing-2023", "jizhou-2023")


@pytest.mark.parametrize(
    ("query", "plans"),
    [
        ("photovoltaic", PLANS),  # every plan speaks of rooftop PV
        ("charging pile", ("hedong-2023", "xiqing-2023")),
        ("green building", PLANS),
    ],
)
def test_english_search_finds_the_plans_that_speak_of_it(page, server, query, plans):
    found = search(page, server, query, "en/")
    assert {f"/en/plans/{plan}/" for plan in plans} <= found
    assert all(url.startswith("/en/") for url in found)  # the English index holds the English pages only


def test_the_search_form_opens_the_search_page_with_results(page, server):
    visit(page, server + "plans/jizhou-2023/")
    page.fill("form.site-search input", "光伏")
    page.click("form.site-search button")
    page.wait_for_selector(".search-page[data-state=done]")
    assert page.locator("input[name=q]").input_value() == "光伏"
    links = page.locator(".search-page__title a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(link.startswith("/plans/") for link in links)  # plans rank above their original texts


def test_the_timeline_filters_by_plan_and_lists_each_commitment_once(page, server):
    visit(page, server + "compare/120000/timeline/")
    rows = "table[data-filterable] tbody tr"
    targets = page.locator(f"{rows} td:first-child a").evaluate_all("links => links.map(a => a.hash)")
    assert targets and len(set(targets)) == len(targets)
    page.select_option("select[data-filter=plan]", "jizhou-2023")
    visible = page.locator(f"{rows}:not([hidden]) td:first-child").all_inner_texts()
    assert visible and set(visible) == {"蓟州区"}
    shown = page.locator("table[data-filterable]:not([hidden]) caption").all_inner_texts()
    assert shown and all(caption.endswith("年到期") for caption in shown)
