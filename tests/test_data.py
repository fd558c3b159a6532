"""What the real site says about the real plans: tests of the data, on one full build of the real package.

Tests of the code's behaviour run on the fixture package (tests/fixture/) instead; the tests here break
when the real data changes, and should be read with the data's change in mind.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from test_build import html, search_fragments
from test_english import chinese_leftovers, soup

from generator import views

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


def generated(built, page: str) -> str:
    """A generated Markdown page of the real build, as written under docs/."""
    return (built.docs_dir / page).read_text(encoding="utf-8")


def test_every_real_plan_has_its_pages_and_nav_entry(built, real_model):
    summary = generated(built, "SUMMARY.md")
    for plan in real_model.plans:
        assert (built.docs_dir / "plans" / f"{plan.plan_id}.md").is_file()
        assert (built.docs_dir / "sources" / f"{plan.plan_id}.md").is_file()
        assert f"plans/{plan.plan_id}.md" in summary


def test_each_real_shared_indicator_has_a_page_and_a_chart(built, real_model):
    shared = views.shared(views.by_indicator(real_model))
    for row in shared:
        assert (built.docs_dir / f"compare/120000/indicators/{row.indicator.indicator_id}.md").is_file()
        assert (built.docs_dir / f"charts/120000/indicator-{row.indicator.indicator_id}.svg").is_file()
    chinese = [p for p in (built.docs_dir / "compare/120000/indicators").glob("*.md") if not p.name.endswith(".en.md")]
    assert len(chinese) == len(shared)
    assert "31.02%" in generated(built, "compare/120000/indicators/forest-coverage.md")


def test_jizhou_page_shows_its_forest_coverage_target_and_quote(built):
    page = generated(built, "plans/jizhou-2023.md")
    assert "31.02%" in page
    assert "森林覆盖率达到31.02%" in page
    assert "天津市蓟州区人民政府" in page
    assert "2023年8月1日" in page
    assert 'href="../../sources/jizhou-2023/#jizhou-2023-t038"' in page


def test_the_real_pilot_programme_page_and_comparison(built):
    assert "津发改双碳〔2023〕400号" in generated(built, "plans/tianjin-pilot-2023.md")
    page = generated(built, "compare/120000/pilot.md")
    for content in ("确定试点任务", "谋划重点项目", "强化科技创新", "加大金融支持", "夯实管理基础", "开展全民行动"):
        assert content in page
    assert "开展生态产品价值实现机制试点建设" in page  # 蓟州区 三（十）1


def test_real_comparison_puts_the_pue_figures_side_by_side(built):
    page = generated(built, "compare/120000/targets.md")
    row = next(
        tr
        for tr in BeautifulSoup(page, "html.parser").find_all("tr")
        if tr.td and tr.td.get_text().startswith("新建大型、超大型数据中心电能利用效率")
    )
    columns = [th.get_text() for th in row.find_parent("table").thead.find_all("th")]
    cells = row.find_all("td")
    assert "西青区（≤ 1.25）严于蓟州区（≤ 1.3）" in page
    assert cells[columns.index("西青区")].get_text().startswith("≤ 1.25")
    assert cells[columns.index("蓟州区")].get_text().startswith("≤ 1.3")
    assert cells[columns.index("河东区")].get_text() == "—"


def test_real_home_page_counts_and_every_jizhou_quote_anchored(built, real_model):
    assert f"**{len(real_model.targets)}**" in generated(built, "index.md")
    assert "downloads/latest/plans/hedong-2023/targets.csv" in generated(built, "plans/hedong-2023.md")
    source = generated(built, "sources/jizhou-2023.md")
    jizhou = next(p for p in real_model.plans if p.plan_id == "jizhou-2023")
    for target in jizhou.targets:
        assert f'<a id="{target.target_id}" class="passage-anchor"></a>' in source


def test_real_downloads_keep_the_jizhou_forest_figure_typed(built):
    latest = built.docs_dir / "downloads" / "latest"
    targets = json.loads((latest / "data" / "targets.json").read_text(encoding="utf-8"))
    forest = next(t for t in targets if t["target_id"] == "jizhou-2023-t008")
    assert forest["value"] == 31.02 and forest["target_year"] == 2025
    plans = json.loads((latest / "data" / "plans.json").read_text(encoding="utf-8"))
    assert {p["plan_id"]: p["issue_date"] for p in plans}["hedong-2023"] == "2023-05-15"
    assert (latest / "sources" / "jizhou-2023.txt").read_bytes() == (
        built.package_dir / "sources" / "jizhou-2023.txt"
    ).read_bytes()
