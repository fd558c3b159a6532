"""What the real site says about the real plans: tests of the data, on one full build of the real package.

Tests of the code's behaviour run on the fixture package (tests/fixture/) instead; the tests here break
when the real data changes, and should be read with the data's change in mind.
"""

from __future__ import annotations

import pytest
from test_build import html, search_fragments
from test_english import chinese_leftovers, soup

pytestmark = pytest.mark.slow
REAL_PLANS = ("hedong-2023", "hebei-2022", "xiqing-2023", "jizhou-2023", "tianjin-pilot-2023")


def test_site_has_a_page_per_real_plan(built):
    for plan in REAL_PLANS:
        assert (built.site_dir / "plans" / plan / "index.html").is_file(), plan


def test_jizhou_page_shows_the_forest_coverage_target_in_a_table(built):
    page = html(built, "plans/jizhou-2023")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in page.select("table tr")]
    forest = [row for row in rows if row and row[0] == "森林覆盖率"]
    assert forest and all(row[1] == "31.02%（2025）" and "31.02%" in row[2] for row in forest)
    assert page.h1.get_text(strip=True).startswith("天津市蓟州区碳达峰实施方案")


def test_pue_comparison_lists_xiqing_125_and_jizhou_13(built):
    page = html(built, "compare/120000/indicators/new-large-data-centre-pue")
    cells = {tr.td.get_text(strip=True): tr.find_all("td")[1].get_text(strip=True) for tr in page.select("tbody tr")}
    assert cells["西青区"].startswith("≤ 1.25") and cells["蓟州区"].startswith("≤ 1.3")
    assert "西青区（≤ 1.25）严于蓟州区（≤ 1.3）" in page.get_text()


def test_search_finds_rooftop_pv_in_the_plans_that_mention_it(built):
    records = search_fragments(built.site_dir)
    for plan in REAL_PLANS:
        assert f"/plans/{plan}/" in records and f"/sources/{plan}/" in records
    # 西青区 and 蓟州区 commit to rooftop PV coverage, 河东区 and 河北区 defer to the city's figure for it.
    assert all("光伏" in records[f"/plans/{plan}/"] for plan in ("hedong-2023", "hebei-2022", "xiqing-2023"))
    assert "关于本站" not in records["/plans/hedong-2023/"]


def test_every_release_stays_downloadable_beside_the_latest(built):
    # releases/ holds 0.2.0; the fixture project has no releases, so this is tested on the real project.
    for version in ("0.2.0", "latest"):
        assert (built.site_dir / "downloads" / version / "tianjin-district-carbon-peaking-plans.zip").is_file()


def test_the_real_data_page_links_many_downloads(built):
    page = html(built, "data")
    links = [a["href"] for a in page.select("article a[href]") if a["href"].endswith((".csv", ".json", ".txt"))]
    assert len(links) > 20


def test_the_real_site_has_charts_for_its_shared_indicators(built):
    assert len(sorted((built.site_dir / "charts").rglob("*.svg"))) > 5


def test_the_real_english_pages_show_no_chinese_outside_marked_originals(built):
    assert chinese_leftovers(built.site_dir) == {}


def test_the_real_english_site_has_every_page(built):
    assert len(list((built.site_dir / "en").rglob("index.html"))) > 60


def test_jizhou_forest_quote_stands_beside_its_english(built):
    # 到2025年，全区森林覆盖率达到31.02%: the Chinese original, marked, with the English statement in the same row.
    page = soup(built.site_dir / "en" / "plans" / "jizhou-2023" / "index.html")
    assert page.h1.get_text(strip=True).startswith("Jizhou")
    row = next(tr for tr in page.select("tr") if "31.02%" in tr.get_text() and tr.select_one("[lang='zh']"))
    assert "forest coverage" in row.get_text().lower()
    assert "森林覆盖率达到31.02%" in row.select_one("[lang='zh']").get_text()
