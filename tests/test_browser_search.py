"""The site's search as readers use it: the search page of the real built site (its script, docs/assets/search.js,
with the synonyms and the whole-term check, on Pagefind's index), in headless Chromium. Run by `nox -s browser`.

tests/search_queries.csv holds what readers would type, in each language, with the pages that should come first;
each row says why, from the pages' content."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from test_browser import visit

from generator.base import urls

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")

QUERIES = Path(__file__).parent / "search_queries.csv"
FIRST = 3  # an expected page must be among the first three results


def _queries() -> list[dict[str, str]]:
    with QUERIES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def results(page, server, query: str, edition: str = "", every: bool = False) -> list[str]:
    """The addresses the search page lists for ``query``, in order; with ``every``, after asking for more until
    there is no more."""
    page.goto(f"{server}{edition}search/?q={quote(query)}")
    page.wait_for_selector(".search-page[data-state=done]")
    while every and page.locator(".search-page__more").is_visible():
        page.click(".search-page__more")
        page.wait_for_selector(".search-page[data-state=done]")
    return page.locator(".search-page__title a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")


def page_text(site: Path, address: str) -> str:
    """The indexed text of a built page (inside data-pagefind-body), without its markup."""
    source = (site / address.strip("/") / "index.html").read_text(encoding="utf-8")
    body = source[source.index("data-pagefind-body") :]
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def every_page(site: Path, edition: str) -> dict[str, str]:
    """Every indexed page of an edition ("" or "en/") by address, with its text."""
    root = site / edition
    pages = {}
    for path in sorted(root.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        if edition == "" and relative.startswith("en"):
            continue
        if "data-pagefind-body" in path.read_text(encoding="utf-8"):
            pages["/" + (relative + "/" if relative != "." else "")] = page_text(site, relative)
    return pages


# Queries whose expected page has fallen out of the first three, each with what is known: a strict xfail, so that
# the row passes again (and must be taken out of here) as soon as the ranking is mended (issue 28, search).
KNOWN_MISSES: dict[tuple[str, str], str] = {}  # 公共建筑 came back to the first three in this step


def _query_params() -> list:
    return [
        pytest.param(row, marks=pytest.mark.xfail(strict=True, reason=reason))
        if (reason := KNOWN_MISSES.get((row["language"], row["query"])))
        else row
        for row in _queries()
    ]


@pytest.mark.parametrize("row", _query_params(), ids=lambda row: f"{row['language']}-{row['query']}")
def test_the_expected_pages_come_first(page, server, row):
    edition = "" if row["language"] == "zh" else "en/"
    first = results(page, server, row["query"], edition)[:FIRST]
    assert set(row["expected"].split()) <= set(first), row["why"]


def test_the_query_set_has_twenty_queries_in_each_language():
    languages = [row["language"] for row in _queries()]
    assert languages.count("zh") >= 20 and languages.count("en") >= 20


def test_a_two_character_query_lists_no_page_that_only_shares_one_character(page, server, built):
    """光伏 is cut by the browser into 光 and 伏, and Pagefind matches the start of words: left to itself it lists
    pages that only speak of 光盘 (the clean-plate campaign). Every page listed holds 光伏 or its synonym 太阳能."""
    pages = every_page(built.site_dir, "")
    only_the_plate = {address for address, text in pages.items() if "光盘" in text and "光伏" not in text}
    assert only_the_plate  # the trap exists on the site
    listed = results(page, server, "光伏", every=True)
    assert listed
    assert not only_the_plate & set(listed)
    assert all("光伏" in pages[address] or "太阳能" in pages[address] for address in listed)
    marks = set(page.locator(".search-page__results mark").all_inner_texts())
    assert marks and marks <= {"光伏", "太阳能"}


def _holds_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){word}(?:e?s)?(?![a-z0-9])", text, re.I) is not None


def test_an_english_word_matches_whole_words_only(page, server, built):
    """Pagefind matches the start of words: "so" would list every page with "solar" or "some". Every page listed
    holds the query as a whole word."""
    pages = every_page(built.site_dir, "en/")
    listed = results(page, server, "so", "en/", every=True)
    assert listed
    assert all(_holds_word(pages[address], "so") for address in listed)
    assert {"so"} == {mark.lower() for mark in page.locator(".search-page__results mark").all_inner_texts()}


def test_solar_finds_pv_and_no_page_for_its_first_letters(page, server, built):
    """The word solar is not on the English edition: its synonyms (PV, photovoltaic) find the pages; no page is
    listed for "so…" alone, and the page says which synonyms it searched for."""
    pages = every_page(built.site_dir, "en/")
    assert not any(_holds_word(text, "solar") for text in pages.values())
    listed = results(page, server, "solar", "en/", every=True)
    assert listed
    assert all(_holds_word(pages[address], "pv") or _holds_word(pages[address], "photovoltaic") for address in listed)
    assert "PV" in page.locator(".search-page__synonyms").inner_text()


def test_the_search_page_is_labelled_in_its_edition(page, server):
    chinese = re.compile(r"[\u4e00-\u9fff]")
    results(page, server, "光伏")
    assert page.locator("input[name=q]").get_attribute("aria-label") == "搜索"
    assert chinese.search(page.locator(".search-page__status").inner_text())
    results(page, server, "photovoltaic", "en/")
    assert page.locator("input[name=q]").get_attribute("aria-label") == "Search"
    status = page.locator(".search-page__status").inner_text()
    assert status and not chinese.search(status)


def test_the_search_page_is_not_a_result_of_itself(page, server):
    """The search page describes the search (光伏与太阳能 as an example of synonyms); it is not indexed."""
    assert "/search/" not in results(page, server, "太阳能", every=True)


def test_the_synonyms_are_served_beside_the_script_that_reads_them(built):
    folder, name = urls.SEARCH_SYNONYMS.rsplit("/", 1)
    for edition in ("", "en/"):
        assert (built.site_dir / edition / folder / "search.js").read_text(encoding="utf-8").count(f'"{name}"') == 1
        assert (built.site_dir / edition / urls.SEARCH_SYNONYMS).is_file()


def test_first_visit_of_the_search_page_stays_under_500_kb(browser, server):
    """Everything the search page downloads before a query, as served without compression: the page, the theme,
    the script and the synonyms, Pagefind's code, WebAssembly and the index's metadata. A query then adds the index
    chunks of its words and the text of the pages it lists (about 200 kB more for 碳达峰, before compression)."""
    context = browser.new_context()
    page = context.new_page()
    sizes = []
    page.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
    visit(page, f"{server}search/")
    context.close()
    assert 300_000 < sum(sizes) < 500_000  # the theme and Pagefind were loaded, and no more


def _district_queries(model) -> list[tuple[str, str, str]]:
    """What a reader types to find a district's plan, from the package: (edition, query, the plan's address). The
    district's name in Chinese and in English, in full, short and in small letters, and with each year the plan
    sets targets for (蓟州区2030, "Jizhou 2030")."""
    queries = []
    for plan in model.plans:
        if plan.kind != "district-plan":
            continue
        address = urls.served_at(urls.plan_page(plan.plan_id))
        zh, en = plan.district.name_zh, plan.district.name_en
        short = en.removesuffix(" District")
        years = sorted({t.target_year for t in plan.targets if t.target_year})
        queries += [("", zh, "/" + address), ("en/", en, "/en/" + address), ("en/", short.lower(), "/en/" + address)]
        queries += [("", f"{zh}{year}", "/" + address) for year in years]
        queries += [("en/", f"{short} {year}", "/en/" + address) for year in years]
    return queries


def test_a_district_or_a_district_and_a_year_finds_its_plan_first(page, server, real_model):
    """Issue 28: "Jizhou 2030" listed the changelog first and the plan not in the first ten; 河北区 the original text
    and a responsible body before the plan. A plan is the first result for its district's name, in either language,
    alone or with a year its plan sets targets for."""
    queries = _district_queries(real_model)
    assert len(queries) >= 4 * 5
    misses = [
        (edition, query, found[:3])
        for edition, query, address in queries
        if (found := results(page, server, query, edition))[:1] != [address]
    ]
    assert not misses


def test_an_english_search_that_finds_nothing_offers_the_chinese_edition(page, server, built):
    """The English edition has no word for hydrogen: only the original texts, in Chinese, speak of it (氢能,
    制氢). The page says so and links the same search on the Chinese edition, which lists those texts."""
    assert results(page, server, "hydrogen", "en/") == []
    link = page.locator(".search-page__synonyms a")
    assert "hydrogen" in link.inner_text()
    link.click()
    page.wait_for_selector(".search-page[data-state=done]")
    assert page.evaluate("document.documentElement.lang") == "zh"
    listed = page.locator(".search-page__title a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    pages = every_page(built.site_dir, "")
    holding = {address for address, text in pages.items() if "氢" in text}
    assert holding and set(listed) == holding


def test_excerpts_keep_cells_apart(page, server, built):
    """Table headers ran together in excerpts ("PlanCommitmentStatement (English)Original textSection"): no listed
    text joins two header cells of the page's tables without a space."""
    results(page, server, "Hedong", "en/", every=True)
    shown = " ".join(page.locator(".search-page__results").all_inner_texts())
    source = (built.site_dir / "en" / "plans" / "hedong-2023" / "index.html").read_text(encoding="utf-8")
    cells = re.findall(r"<th[^>]*>(.*?)</th>", source)
    headers = [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells]
    joined = {a + b for a, b in zip(headers, headers[1:], strict=False) if a and b}
    assert joined and not [pair for pair in joined if pair in shown]


@pytest.mark.parametrize(("edition", "query"), [("", "河北区"), ("en/", "Jizhou 2030")])
def test_on_a_phone_the_first_result_shows_without_scrolling(browser, server, edition, query):
    """Issue 28: nine lines of explanation pushed the first result to the bottom of a phone's screen. At 390 x 844
    the first result's title and excerpt are on the screen as the page opens."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    results(phone, server, query, edition)
    first = phone.locator(".search-page__results > li").first
    box = first.locator(".search-page__excerpt").bounding_box()
    context.close()
    assert box and box["y"] + min(box["height"], 60) <= 844
