"""A site built in parts (generator/build/parts.py), in headless Chromium: its search merges the hub's index with each
group of regions' and finds a region's pages from the hub's search page in both editions, and its pages fit a phone."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from generator import pipeline
from generator.base.paths import Paths

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import synth  # noqa: E402

PHONE = {"width": 390, "height": 844}


def served(paths: Paths) -> Iterator[str]:
    """The built site of ``paths`` served over HTTP on a free port, by its address, until the caller is done."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(paths.site_dir))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def parts_server(tmp_path_factory):
    """Three synthetic plans in one province and Tianjin's pilot in another: the hub and two regions."""
    paths = Paths(synth.project(tmp_path_factory.mktemp("parts-site") / "project", 3))
    pipeline.build(paths)
    yield from served(paths)


def search(page, server: str, query: str, edition: str = "") -> list[str]:
    page.goto(f"{server}{edition}search/?q={quote(query)}")
    page.wait_for_selector(".search-page[data-state=done]")
    while page.locator(".search-page__more").is_visible():
        page.click(".search-page__more")
        page.wait_for_selector(".search-page[data-state=done]")
    return page.locator(".search-page__title a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")


@pytest.mark.parametrize("edition", ["", "en/"])
def test_the_search_finds_a_regions_pages_through_its_groups_index(page, parts_server, edition):
    # Each synthetic source text begins with a line of its own (benchmarks/synth.py): only its source page has it.
    found = search(page, parts_server, "合成数据", edition)
    assert f"/{edition}sources/d0000-2023/" in found
    assert any("/pagefind/parts/area-2/" in url for url in page.requests)  # 210000's group (parts.search_groups)
    # The hub's own pages are still found, from the hub's index.
    assert f"/{edition}data/dictionary/" in search(
        page, parts_server, "数据字典" if not edition else "dictionary", edition
    )


@pytest.mark.parametrize("path", ["plans/d0000-2023/", "en/plans/d0000-2023/", "plans/", "en/compare/210000/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_of_each_part_fit_a_phone(browser, parts_server, path, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(parts_server + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


@pytest.fixture(scope="module")
def summaries_server(tmp_path_factory):
    """The same three synthetic plans with every page's limit at zero: each page that lists a region's or the
    nation's rows only up to a limit shows the form it takes past it (counts, and links onward)."""
    import importlib

    from generator.pages import render
    from generator.site.views import comparisons, documents

    agencies = importlib.import_module("generator.site.views.agencies")  # the package names a function so

    limits = [
        (comparisons, "TIMELINE_LISTED"),
        (comparisons, "TARGETS_COLUMNS"),
        (documents, "DOCUMENTS_LISTED"),
        (documents, "CITATIONS_LISTED"),
        (agencies, "AGENCY_LISTED"),
        (render, "INDEXED_PLANS"),
        (render, "LISTED_PLANS"),
    ]
    with pytest.MonkeyPatch.context() as patch:
        for module, name in limits:
            patch.setattr(module, name, 0)
        paths = Paths(synth.project(tmp_path_factory.mktemp("summaries-site") / "project", 3))
        pipeline.build(paths, jobs=1)
    yield from served(paths)


# Each page in its form past its limit, with what shows that form: a link onward that only that form has.
SUMMARIES = {
    "compare/210000/timeline/": "a[href*='?year=']",
    "compare/210000/targets/": "table[data-sortable]:not([data-wide])",
    "compare/210000/documents/": "a[href*='/sources/d0000-2023/#']",
    "compare/documents/": "a[href$='210000/documents/']",
    "plans/": "a[href$='210000/coverage/']",
}


@pytest.mark.parametrize("edition", ["", "en/"])
@pytest.mark.parametrize("path", list(SUMMARIES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_past_their_limits_fit_a_phone(browser, summaries_server, edition, path, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(summaries_server + edition + path)
    assert page.locator(SUMMARIES[path]).count() > 0
    if path == "compare/210000/targets/":
        assert page.locator("table[data-wide]").count() == 0  # no column per plan
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
