"""The rendered Markdown pages, before MkDocs: what each page says, from the real data."""

import dataclasses
import json

import pytest
from bs4 import BeautifulSoup

from generator import build, charts, i18n, render, urls, views


@pytest.fixture(scope="module")
def site(real_inputs, real_tables):
    return build.assemble(dataclasses.replace(real_inputs, releases=(), changelog_notes=""), real_tables)


def render_real(site, languages=("zh", "en")):
    return dict(render.render_pages(site, languages))


@pytest.fixture(scope="module")
def pages(site):
    return render_real(site)


def test_a_region_with_more_plans_than_a_chart_can_show_gets_tables_alone(site, monkeypatch):
    monkeypatch.setattr(charts, "MOST_ROWS", 3)  # Tianjin has five plans
    pages = render_real(site, ("zh",))
    assert not [path for path in pages if path.endswith(".svg")]
    indicator = pages["compare/120000/indicators/forest-coverage.md"]
    assert "31.02%" in indicator and ".svg" not in indicator


def _dataset(page: str) -> dict:
    script = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    return json.loads(script)


def test_past_the_listed_plans_the_home_page_leaves_the_sources_to_the_data_page(site, real_model, monkeypatch):
    monkeypatch.setattr(render, "LISTED_PLANS", 3)  # Tianjin has five plans
    monkeypatch.setattr(charts, "MOST_ROWS", 3)  # and no charts, which are not what this test is about
    pages = render_real(site, ("zh",))
    assert "isBasedOn" not in _dataset(pages["index.md"])
    assert len(_dataset(pages["data/index.md"])["isBasedOn"]) == len(real_model.plans)
    assert "plans/index.md#r120000" in pages["index.md"]  # the home page lists the divisions, not each plan
    assert "plans/jizhou-2023.md" not in pages["index.md"]


def test_one_page_and_one_source_text_per_plan_plus_the_shared_pages(pages, real_model):
    expected = {f"plans/{p.plan_id}.md" for p in real_model.plans} | {
        f"sources/{p.plan_id}.md" for p in real_model.plans
    }
    expected |= {"index.md", "SUMMARY.md", "plans/index.md", "data/index.md"}
    compare = ("index", "targets", "own-or-city", "timeline", "coverage", "agencies", "pilot")
    expected |= {"compare/index.md"} | {f"compare/120000/{name}.md" for name in compare}
    assert expected <= set(pages)


def test_one_page_and_chart_per_indicator_that_several_districts_commit_to(pages, real_model):
    shared = views.shared(views.by_indicator(real_model))
    for row in shared:
        assert f"compare/120000/indicators/{row.indicator.indicator_id}.md" in pages
        assert f"charts/120000/indicator-{row.indicator.indicator_id}.svg" in pages
    chinese = [p for p in pages if p.startswith("compare/120000/indicators/") and not p.endswith(".en.md")]
    assert len(chinese) == len(shared)


def test_jizhou_page_shows_its_forest_coverage_target_and_quote(pages):
    page = pages["plans/jizhou-2023.md"]
    assert "31.02%" in page
    assert "森林覆盖率达到31.02%" in page
    assert "天津市蓟州区人民政府" in page
    assert "2023年8月1日" in page


def test_pilot_programme_page_shows_its_document_number(pages):
    assert "津发改双碳〔2023〕400号" in pages["plans/tianjin-pilot-2023.md"]


def test_plan_page_links_its_own_data_slice(pages):
    assert "downloads/latest/plans/hedong-2023/targets.csv" in pages["plans/hedong-2023.md"]


def test_navigation_lists_every_plan(pages, real_model):
    for plan in real_model.plans:
        assert f"plans/{plan.plan_id}.md" in pages["SUMMARY.md"]


def test_comparison_page_puts_plans_side_by_side(pages):
    page = pages["compare/120000/targets.md"]
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


def test_pages_are_yielded_one_at_a_time(site):
    pages = render.render_pages(site, ("zh",))
    assert next(pages)[0] == urls.HOME  # the first page, before any other is rendered


def test_the_page_table_makes_one_page_per_object_in_each_language(site, pages):
    expected = {
        i18n.page_path(kind.address(item), lang)
        for lang in i18n.LANGUAGES
        for kind in render.PAGES
        for item in kind.made_for(site)
    }
    assert {path for path in pages if path.endswith(".md")} == expected


def test_home_page_counts_come_from_the_data(pages, real_model):
    assert f"**{len(real_model.targets)}**" in pages["index.md"]


def test_pilot_page_lines_up_district_measures_under_the_six_contents(pages):
    page = pages["compare/120000/pilot.md"]
    for content in ("确定试点任务", "谋划重点项目", "强化科技创新", "加大金融支持", "夯实管理基础", "开展全民行动"):
        assert content in page
    assert "开展生态产品价值实现机制试点建设" in page  # 蓟州区 三（十）1


def test_plan_pages_link_quotes_to_their_passages(pages):
    assert 'href="../../sources/jizhou-2023/#jizhou-2023-t038"' in pages["plans/jizhou-2023.md"]


def test_source_page_anchors_every_quote(pages, real_model):
    page = pages["sources/jizhou-2023.md"]
    jizhou = next(p for p in real_model.plans if p.plan_id == "jizhou-2023")
    for target in jizhou.targets:
        assert f'<a id="{target.target_id}" class="passage-anchor"></a>' in page
