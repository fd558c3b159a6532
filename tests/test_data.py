"""What the real package and site say about the real plans: tests of the data.

The real package's validity, its model, comparison views and charts (fast), and what one full build of it
shows (marked slow: the shared ``built`` fixture). Tests of the code's behaviour run on the fixture package
(tests/fixture/) instead; the tests here break when the real data changes, and should be read with the
data's change in mind.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from frictionless import Package
from test_build import html, search_fragments
from test_english import chinese_leftovers, soup
from test_links import broken_links

from generator import pipeline
from generator.base.paths import ROOT
from generator.build import drawing
from generator.build.parts import WHOLE
from generator.downloads import formats
from generator.pages import charts
from generator.site import views

REAL_PLANS = ("hedong-2023", "hebei-2022", "xiqing-2023", "jizhou-2023", "tianjin-pilot-2023")


@pytest.mark.slow
def test_site_has_a_page_per_real_plan(built):
    for plan in REAL_PLANS:
        assert (built.site_dir / "plans" / plan / "index.html").is_file(), plan


@pytest.mark.slow
def test_jizhou_page_shows_the_forest_coverage_target_in_a_table(built):
    page = html(built, "plans/jizhou-2023")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in page.select("table tr")]
    forest = [row for row in rows if row and row[0] == "森林覆盖率"]
    # indicator, action area, target, target year, quote, section
    assert forest and all(row[2].startswith("达到31.02%（2025）") and "31.02%" in row[4] for row in forest)
    assert page.h1.get_text(strip=True).startswith("天津市蓟州区碳达峰实施方案")


@pytest.mark.slow
def test_pue_comparison_lists_xiqing_125_and_jizhou_13(built):
    page = html(built, "compare/120000/indicators/new-large-data-centre-pue")
    cells = {tr.td.get_text(strip=True): tr.find_all("td")[1].get_text(strip=True) for tr in page.select("tbody tr")}
    assert cells["西青区"].startswith("不超过1.25") and cells["蓟州区"].startswith("不超过1.3")
    assert "西青区（≤ 1.25）严于蓟州区（≤ 1.3）" in page.get_text()


@pytest.mark.slow
def test_search_finds_rooftop_pv_in_the_plans_that_mention_it(built):
    records = search_fragments(built.site_dir)
    for plan in REAL_PLANS:
        assert f"/plans/{plan}/" in records and f"/sources/{plan}/" in records
    # 西青区 and 蓟州区 commit to rooftop PV coverage, 河东区 and 河北区 defer to the city's figure for it.
    assert all("光伏" in records[f"/plans/{plan}/"] for plan in ("hedong-2023", "hebei-2022", "xiqing-2023"))
    assert "关于本站" not in records["/plans/hedong-2023/"]


@pytest.mark.slow
def test_every_release_stays_downloadable_beside_the_latest(built):
    # releases/ holds 0.2.0; the fixture project has no releases, so this is tested on the real project.
    for version in ("0.2.0", "latest"):
        assert (built.site_dir / "downloads" / version / "tianjin-district-carbon-peaking-plans.zip").is_file()


@pytest.mark.slow
def test_the_real_data_page_links_many_downloads(built):
    page = html(built, "data")
    links = [a["href"] for a in page.select("article a[href]") if a["href"].endswith((".csv", ".json", ".txt"))]
    assert len(links) > 20


@pytest.mark.slow
def test_the_real_site_has_charts_for_its_shared_indicators(built):
    assert len(sorted((built.site_dir / "charts").rglob("*.svg"))) > 5


@pytest.mark.slow
def test_the_real_english_pages_show_no_chinese_outside_marked_originals(built):
    assert chinese_leftovers(built.site_dir) == {}


@pytest.mark.slow
def test_the_real_english_site_has_every_page(built):
    assert len(list((built.site_dir / "en").rglob("index.html"))) > 60


@pytest.mark.slow
def test_jizhou_forest_quote_stands_beside_its_english(built):
    # 到2025年，全区森林覆盖率达到31.02%: the Chinese original, marked, with the English statement in the same row.
    page = soup(built.site_dir / "en" / "plans" / "jizhou-2023" / "index.html")
    assert page.h1.get_text(strip=True).startswith("Jizhou")
    row = next(tr for tr in page.select("tr") if "31.02%" in tr.get_text() and tr.select_one("[lang='zh']"))
    assert "forest coverage" in row.get_text().lower()
    assert "森林覆盖率达到31.02%" in row.select_one("[lang='zh']").get_text()


def generated(built, page: str) -> str:
    """A generated Markdown page of the real build, as written under docs/."""
    return (built.part_docs(WHOLE) / page).read_text(encoding="utf-8")


@pytest.mark.slow
def test_every_real_plan_has_its_pages_and_nav_entry(built, real_model):
    summary = generated(built, "SUMMARY.md")
    for plan in real_model.plans:
        assert (built.part_docs(WHOLE) / "plans" / f"{plan.plan_id}.md").is_file()
        assert (built.part_docs(WHOLE) / "sources" / f"{plan.plan_id}.md").is_file()
        assert f"plans/{plan.plan_id}.md" in summary


@pytest.mark.slow
def test_each_real_shared_indicator_has_a_page_and_a_chart(built, real_model):
    shared = views.shared(views.by_indicator(real_model))
    for row in shared:
        assert (built.part_docs(WHOLE) / f"compare/120000/indicators/{row.indicator.indicator_id}.md").is_file()
        # A chart where some plan writes a figure, which its value axis shows: not for carbon-intensity (all defer).
        with_figure = any(t.kind == "quantitative" for targets in row.by_plan.values() for t in targets)
        assert (
            built.part_docs(WHOLE) / f"charts/120000/indicator-{row.indicator.indicator_id}.svg"
        ).is_file() == with_figure
    assert not (built.part_docs(WHOLE) / "charts/120000/indicator-carbon-intensity.svg").exists()
    chinese = [
        p for p in (built.part_docs(WHOLE) / "compare/120000/indicators").glob("*.md") if not p.name.endswith(".en.md")
    ]
    assert len(chinese) == len(shared)
    assert "31.02%" in generated(built, "compare/120000/indicators/forest-coverage.md")


@pytest.mark.slow
def test_jizhou_page_shows_its_forest_coverage_target_and_quote(built):
    page = generated(built, "plans/jizhou-2023.md")
    assert "31.02%" in page
    assert "森林覆盖率达到31.02%" in page
    assert "天津市蓟州区人民政府" in page
    assert "2023年8月1日" in page
    assert 'href="../../sources/jizhou-2023/#jizhou-2023-t038"' in page


@pytest.mark.slow
def test_hedongs_two_rows_on_its_2025_energy_goal_stand_together_and_say_how_they_relate(built):
    # 河东区 writes 确保实现“十四五”期间能耗强度降低14.5%的目标 (t021) and, for the same 2025 goal,
    # 确保完成全市下达指标 (t001).
    relations = (("zh", "原文未说明两者是否为同一要求"), ("en", "does not say whether the two are the same"))
    for lang, relation in relations:
        page = soup(built.site_dir / ("en/" if lang == "en" else "") / "plans" / "hedong-2023" / "index.html")
        rows = page.select("tr[id]")
        ids = [tr["id"] for tr in rows]
        assert ids[ids.index("hedong-2023-t021") + 1] == "hedong-2023-t001"
        figure, deferral = rows[ids.index("hedong-2023-t021")], rows[ids.index("hedong-2023-t001")]
        assert [a["href"] for a in figure.select(".same-goal a")] == ["#hedong-2023-t001"]
        assert [a["href"] for a in deferral.select(".same-goal a")] == ["#hedong-2023-t021"]
        assert "14.5%" in deferral.select_one(".same-goal").get_text()
        assert relation in figure.select_one(".same-goal").get_text()


@pytest.mark.slow
def test_the_real_pilot_programme_page_and_comparison(built):
    assert "津发改双碳〔2023〕400号" in generated(built, "plans/tianjin-pilot-2023.md")
    page = generated(built, "compare/120000/pilot.md")
    for content in ("确定试点任务", "谋划重点项目", "强化科技创新", "加大金融支持", "夯实管理基础", "开展全民行动"):
        assert content in page
    assert "开展生态产品价值实现机制试点建设" in page  # 蓟州区 三（十）1


@pytest.mark.slow
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
    assert cells[columns.index("西青区")].get_text().startswith("不超过1.25")
    assert cells[columns.index("蓟州区")].get_text().startswith("不超过1.3")
    assert cells[columns.index("河东区")].get_text() == "—"


@pytest.mark.slow
def test_a_number_from_a_secondary_copy_is_shown_as_such(built):
    # The plans of 河北区 and 西青区 print no document number; copies of them elsewhere give one.
    for plan_id, number in (("hebei-2022", "河北政发〔2022〕11号"), ("xiqing-2023", "西青政发〔2023〕5号")):
        line = next(li for li in html(built, f"plans/{plan_id}").select("li") if li.get_text().startswith("文号"))
        assert line.get_text().startswith(f"文号：原文未载；转载件载为 {number}（"), plan_id
        english = html(built, f"en/plans/{plan_id}")
        line = next(li for li in english.select("li") if "Document number" in li.get_text())
        assert f"a secondary copy gives {number}" in line.get_text(), plan_id
        assert "could not be verified on a government website" in line.get_text(), plan_id


@pytest.mark.slow
def test_real_home_page_counts_and_every_jizhou_quote_anchored(built, real_model):
    assert f"**{len(real_model.targets)}**" in generated(built, "index.md")
    assert "downloads/latest/plans/hedong-2023/targets.csv" in generated(built, "plans/hedong-2023.md")
    source = generated(built, "sources/jizhou-2023.md")
    jizhou = next(p for p in real_model.plans if p.plan_id == "jizhou-2023")
    for target in jizhou.targets:
        assert f'<a id="{target.target_id}" class="passage-anchor"></a>' in source


@pytest.mark.slow
def test_real_downloads_keep_the_jizhou_forest_figure_typed(built):
    latest = built.part_docs(WHOLE) / "downloads" / "latest"
    targets = json.loads((latest / "data" / "targets.json").read_text(encoding="utf-8"))
    forest = next(t for t in targets if t["target_id"] == "jizhou-2023-t008")
    assert forest["value"] == 31.02 and forest["target_year"] == 2025
    plans = json.loads((latest / "data" / "plans.json").read_text(encoding="utf-8"))
    assert {p["plan_id"]: p["issue_date"] for p in plans}["hedong-2023"] == "2023-05-15"
    assert (latest / "sources" / "jizhou-2023.txt").read_bytes() == (
        built.package_dir / "sources" / "jizhou-2023.txt"
    ).read_bytes()


# The real model and its comparison views (formerly test_model.py and test_views.py): what the real plans say.


@pytest.fixture(scope="module")
def rows(real_model):
    return views.by_indicator(real_model)


def row(rows, indicator_id):
    return next(r for r in rows if r.indicator.indicator_id == indicator_id)


def test_pue_for_new_large_data_centres_xiqing_is_stricter_than_jizhou(rows):
    # 西青区: 新建大型、超大型数据中心电能利用效率（PUE）不超过1.25; 蓟州区: …不超过1.3
    [note] = views.stricter(row(rows, "new-large-data-centre-pue"))
    assert (note.stricter.plan_id, str(note.stricter.value)) == ("xiqing-2023", "1.25")
    assert (note.weaker.plan_id, str(note.weaker.value)) == ("jizhou-2023", "1.3")


def test_levels_and_absolute_amounts_are_not_ranked(rows):
    assert views.stricter(row(rows, "forest-coverage")) == []  # 14% and 31.02% are levels, not bounds
    assert views.stricter(row(rows, "renewable-power-capacity")) == []  # 万千瓦 depends on district size


def test_shared_indicators_have_more_than_one_district(rows):
    shared = views.shared(rows)
    assert shared and all(r.plan_count > 1 for r in shared)
    assert "forest-coverage" in {r.indicator.indicator_id for r in shared}


def test_own_or_city(rows):
    stances = dict(views.own_or_city(rows))
    energy = next(s for i, s in stances.items() if i.indicator_id == "energy-intensity")
    # 河东区 commits to 能耗强度降低14.5% for the 14th five-year period; 河北区 only to 完成我市下达指标.
    assert energy["hedong-2023"] == "quantitative"
    assert energy["hebei-2022"] == "defers-to-city"


def test_timeline_holds_only_2022_to_2030_in_order(real_model):
    years = views.timeline(real_model)
    assert list(years) == sorted(years) and min(years) >= 2022 and max(years) <= 2030
    quotes = [t.quote for t in years[2022]]
    assert "到2022年底，全区示范街道比例达到 30%" in quotes  # 河北区 专栏2


def test_coverage_adds_up_to_each_plans_measures_and_targets(real_model):
    cells = views.coverage(real_model)
    for plan in real_model.plans:
        assert sum(m for m, _ in cells[plan.plan_id].values()) == len(plan.measures)
        assert sum(t for _, t in cells[plan.plan_id].values()) == len(plan.targets)


def test_the_development_and_reform_commission_carries_most_measures(real_model):
    busiest = views.agencies(real_model)[0]
    assert busiest.agency.name_zh == "区发展改革委"
    assert busiest.by_plan["xiqing-2023"] == 0  # 西青区 names no agency per measure


def test_plan_years_count_every_commitment_once_by_year_then_area(real_model):
    plan = next(p for p in real_model.plans if p.plan_id == "jizhou-2023")
    bars = views.plan_years(plan)
    assert sum(bar.total for bar in bars) == len(plan.targets)
    assert all(bar.total == sum(n for _, n in bar.areas) for bar in bars)
    dated = [bar.year for bar in bars if bar.year]
    assert dated == sorted(dated) and all(bar.year for bar in bars[: len(dated)])  # undated last
    forest = next(t for t in plan.targets if t.indicator.indicator_id == "forest-coverage")
    by_area = dict(next(bar for bar in bars if bar.year == forest.target_year).areas)
    assert by_area[forest.indicator.area] >= 1


def plan(model, plan_id):
    return next(p for p in model.plans if p.plan_id == plan_id)


def test_every_source_document_is_a_plan(real_model):
    assert sorted(p.plan_id for p in real_model.plans) == [
        "hebei-2022",
        "hedong-2023",
        "jizhou-2023",
        "tianjin-pilot-2023",
        "xiqing-2023",
    ]
    assert len(real_model.district_plans) == 4
    assert [p.title for p in real_model.city_plans] == ["天津市碳达峰试点建设方案"]


def test_plans_carry_their_district_and_chapters(real_model):
    jizhou = plan(real_model, "jizhou-2023")
    assert jizhou.district.code == "120119"
    assert jizhou.short_name == "蓟州区"
    assert [c.section for c in jizhou.key_chapters][:2] == ["三（一）", "三（二）"]
    assert len(jizhou.key_chapters) == 10  # 三、重点任务 has ten actions, 三（一） to 三（十）
    assert [c.title for c in jizhou.chapters if c.part != "key-tasks"] == ["对外合作", "政策保障", "组织实施"]


def test_measures_carry_their_agencies_in_printed_order(real_model):
    jizhou = plan(real_model, "jizhou-2023")
    first = jizhou.measures_in(jizhou.key_chapters[0])[0]
    assert (first.section, first.title) == ("三（一）1", "构建特色现代产业体系")
    # 三（一）1 closes with （区农业农村委、区住房建设委、区工业和信息化局、区商务局、
    # 区文化和旅游局、区合作交流办按职责分工负责）
    assert [r.name_as_printed for r in first.responsible] == [
        "区农业农村委",
        "区住房建设委",
        "区工业和信息化局",
        "区商务局",
        "区文化和旅游局",
        "区合作交流办",
    ]


def test_a_target_knows_its_measure(real_model):
    target = next(t for t in real_model.targets if t.target_id == "jizhou-2023-t038")  # forest coverage in 三（六）2
    assert target.measure.section == "三（六）2"


def test_jizhou_commits_to_31_02_percent_forest_coverage_by_2025(real_model):
    jizhou = plan(real_model, "jizhou-2023")
    forest = [t for t in jizhou.targets if t.indicator.indicator_id == "forest-coverage"]
    assert {(str(t.value), t.unit, t.target_year) for t in forest} == {("31.02", "%", 2025)}


def test_every_district_plan_has_at_least_ten_targets(real_model):
    for p in real_model.district_plans:
        assert len(p.targets) >= 10, p.plan_id


def test_peak_year_comes_from_the_carbon_peak_commitment(real_model):
    assert plan(real_model, "xiqing-2023").peak_year == 2030
    assert plan(real_model, "tianjin-pilot-2023").peak_year is None


def test_comparison_lines_up_new_large_data_centre_pue(real_model):
    row = next(r for r in views.by_indicator(real_model) if r.indicator.indicator_id == "new-large-data-centre-pue")
    assert [str(t.value) for t in row.by_plan["xiqing-2023"]] == ["1.25"]
    assert [str(t.value) for t in row.by_plan["jizhou-2023"]] == ["1.3"]
    assert row.by_plan["hedong-2023"] == []


def test_comparison_shows_a_commitment_stated_twice_once(real_model):
    # 蓟州区 states 森林覆盖率达到31.02% in 二、主要目标 and again in 三（六）2.
    assert (
        len([t for t in plan(real_model, "jizhou-2023").targets if t.indicator.indicator_id == "forest-coverage"]) == 2
    )
    row = next(r for r in views.by_indicator(real_model) if r.indicator.indicator_id == "forest-coverage")
    assert [str(t.value) for t in row.by_plan["jizhou-2023"]] == ["31.02"]


def test_comparison_covers_the_district_plans_only(real_model):
    assert all(set(r.by_plan) == {p.plan_id for p in real_model.district_plans} for r in views.by_indicator(real_model))


def test_named_projects_hang_under_their_measure(real_model):
    jizhou = plan(real_model, "jizhou-2023")
    storage = next(p for p in jizhou.projects if p.name == "蓟州抽水蓄能电站")
    assert storage.kind == "energy-storage"
    assert storage.measure.chapter.title == "能源绿色低碳转型行动"


def test_chapters_map_to_action_areas(real_model):
    xiqing = plan(real_model, "xiqing-2023")
    assert {c.title: c.area.area_id for c in xiqing.key_chapters}["交通运输绿色低碳行动"] == "transport"


@pytest.mark.slow
def test_every_internal_link_of_the_real_site_resolves(built):
    # Section anchors and quote anchors come from the real sources' numbering: checked on the real site too.
    checked, broken = broken_links(built.site_dir)
    assert checked > 5000
    assert broken == []


def test_the_real_package_is_valid(real_paths):
    # Formerly in test_validate.py, which now breaks copies of the fixture.
    pipeline.check(real_paths)  # raises InvalidPackage with every problem found


def test_frictionless_alone_reports_the_real_package_valid(real_paths):
    assert Package(str(real_paths.descriptor_path)).validate().valid


def test_the_same_bureau_is_one_agency_in_every_real_district(real_tables):
    plans_of = {m["measure_id"]: m["plan_id"] for m in real_tables["measures"]}
    printed = {}
    for link in real_tables["measure_agencies"]:
        if link["agency_id"] == "development-reform-commission":
            printed.setdefault(plans_of[link["measure_id"]], set()).add(link["name_as_printed"])
    assert printed == {p: {"区发展改革委"} for p in ("hedong-2023", "hebei-2022", "jizhou-2023")}


# The real charts (formerly test_charts.py, which now draws the fixture's).
SVG = "{http://www.w3.org/2000/svg}"


def test_real_indicator_chart_is_an_accessible_svg_with_its_numbers(real_model):
    row = next(r for r in views.by_indicator(real_model) if r.indicator.indicator_id == "forest-coverage")
    chart = charts.indicator_chart(real_model, row)
    root = ET.fromstring(drawing.svg(chart))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == chart.title
    assert str(row.plan_count) in root.find(f"{SVG}desc").text


def test_real_chart_text_stays_text_for_the_readers_fonts(real_model):
    row = next(r for r in views.by_indicator(real_model) if r.indicator.indicator_id == "new-large-data-centre-pue")
    svg = drawing.svg(charts.indicator_chart(real_model, row))
    texts = [" ".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "西青区，未定年份：≤ 1.25" in texts and "目标水平（无单位），适用于新建建筑或设施" in texts


def package_rows(name: str) -> list[dict[str, str]]:
    with (ROOT / "datapackage" / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def chart_csv(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8), path
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# What makes two commitments of one plan the same (as the comparison pages count them: once).
SAME = ("kind", "comparator", "value", "value_min", "value_max", "target_year", "per_year", "hedge", "scope")
FIELDS = {  # the CSV's column (Chinese, English) for each field of targets.csv
    "target_year": ("目标年", "Target year"), "kind": ("承诺类型", "Kind of commitment"),
    "comparator": ("比较", "Comparator"), "value": ("数值", "Value"), "value_min": ("下限", "Lower bound"),
    "value_max": ("上限", "Upper bound"), "unit": ("单位", "Unit"), "direction": ("方向", "Direction"),
    "baseline_year": ("基准年", "Baseline year"), "per_year": ("每年", "Each year"), "hedge": ("限定词", "Qualifier"),
    "scope": ("适用范围", "Applies to"),
}  # fmt: skip


def test_each_real_indicator_chart_offers_its_data_as_csv_as_the_package_has_it(built):
    """Each indicator chart's CSV, in both languages, has a row per distinct commitment of a district plan to the
    indicator, each field as targets.csv writes it and the district's name; computed here from the CSV files."""
    plans = {p["plan_id"]: p for p in package_rows("plans") if p["kind"] == "district-plan"}
    names = {d["code"]: d for d in package_rows("districts")}
    expected: dict[str, dict[tuple, dict]] = {}
    for target in package_rows("targets"):
        if target["plan_id"] in plans:
            key = (target["plan_id"], *(target[f] for f in SAME))
            expected.setdefault(target["indicator_id"], {}).setdefault(key, target)
    checked = 0
    for lang, folder, column in (("zh", built.site_dir, 0), ("en", built.site_dir / "en", 1)):
        for path in sorted((folder / "charts" / "120000").glob("indicator-*.csv")):
            indicator = path.stem.removeprefix("indicator-")
            rows = chart_csv(path)
            ids = "目标编号" if lang == "zh" else "Target ID"
            assert sorted(r[ids] for r in rows) == sorted(t["target_id"] for t in expected[indicator].values())
            by_id = {t["target_id"]: t for t in expected[indicator].values()}
            for r in rows:
                target = by_id[r[ids]]
                assert {f: r[names_[column]] for f, names_ in FIELDS.items()} == {f: target[f] for f in FIELDS}
                district = names[plans[target["plan_id"]]["district_code"]]
                assert r["方案" if lang == "zh" else "Plan"] == district["name_zh" if lang == "zh" else "name_en"]
                checked += 1
            assert (path.with_suffix(".svg")).is_file()
    assert checked > 50


def test_the_real_timeline_offers_its_data_as_csv_as_the_package_has_it(built):
    """Distinct dated commitments (2022–2030) per year and plan, counted here from targets.csv."""
    counts: dict[tuple[str, str], set] = {}
    for target in package_rows("targets"):
        if target["target_year"] and 2022 <= int(target["target_year"]) <= 2030:
            key = (target["target_year"], target["plan_id"])
            counts.setdefault(key, set()).add((target["indicator_id"], *(target[f] for f in SAME)))
    districts = {d["code"]: d["name_zh"] for d in package_rows("districts")}
    names = {
        p["plan_id"]: districts[p["district_code"]] if p["kind"] == "district-plan" else p["title"]
        for p in package_rows("plans")
    }
    rows = chart_csv(built.site_dir / "charts" / "120000" / "timeline.csv")
    assert {(r["年份"], r["方案"]): int(r["承诺数"]) for r in rows} == {
        (year, names[plan]): len(distinct) for (year, plan), distinct in counts.items()
    }


def test_all_sixteen_districts_of_tianjin_four_with_their_plan(real_model):
    """districts.csv holds every district of Tianjin with its GB/T 2260 code; the plans table says which four
    plans are in the package."""
    [tianjin] = real_model.regions
    assert len(tianjin.districts) == 16 and all(d.parent_code == "120000" for d in tianjin.districts)
    assert [d.code for d in tianjin.districts][:6] == ["120101", "120102", "120103", "120104", "120105", "120106"]
    assert [d.code for d in tianjin.districts][6:] == [str(code) for code in range(120110, 120120)]
    collection = views.collection(tianjin)
    assert [d.district.name_zh for d in collection.covered] == ["河东区", "河北区", "西青区", "蓟州区"]
    assert len(collection.missing) == 12 and "滨海新区" in [d.district.name_zh for d in collection.missing]


def test_the_real_tables_as_parquet_read_back_as_their_csv(real_inputs, real_tables):
    from test_downloads import typed_csv

    for resource in real_inputs.descriptor["resources"]:
        name = resource["name"]
        data = formats.to_parquet(resource["schema"], real_tables[name])
        parquet = pd.read_parquet(io.BytesIO(data), dtype_backend="numpy_nullable")
        pd.testing.assert_frame_equal(parquet, typed_csv(real_inputs.data_files[name], resource["schema"]), obj=name)


def test_every_real_plan_names_the_documents_it_rests_on(real_model):
    [tianjin] = views.region_documents(real_model)
    levels = dict(tianjin.levels)  # the documents some plan cites
    assert {level: len(docs) for level, docs in levels.items()} == {
        "national": 2,
        "city": 2,
        "district": 4,
        "standard-or-law": 8,
    }
    assert len(real_model.citations) == 28
    city_plan = next(r for r in levels["city"] if r.document.document_id == "tianjin-carbon-peaking-plan")
    assert city_plan.document.doc_number == "津政发〔2022〕18号"  # printed in the pilot programme's notice
    assert city_plan.plan_ids == list(REAL_PLANS)  # every plan of the package names it
    index = dict(views.document_index(real_model, [tianjin]).listed)  # every document, the plans' own too
    assert {level: len(docs) for level, docs in index.items()} == {
        "national": 2,
        "city": 3,
        "district": 8,
        "standard-or-law": 8,
    }
    uncited = [e.document.document_id for docs in index.values() for e in docs if not e.regions]
    assert len(uncited) == 21 - 16 and all(e.plan_count == 0 for docs in index.values() for e in docs if not e.regions)


def test_real_deferrals_lead_to_the_city_carbon_peaking_plan(real_model):
    for plan in real_model.plans:
        basis = [d.document_id for d in views.city_basis(plan)]
        assert basis == ["tianjin-carbon-peaking-plan"], plan.plan_id


@pytest.mark.slow
def test_the_real_documents_page_links_every_quote_to_its_marked_passage(built, real_model):
    page = html(built, "compare/120000/documents")
    quotes = [a["href"] for a in page.select("article td a[href*='-c0']")]
    assert len(quotes) == len(real_model.citations)
    for citation in real_model.citations:
        source = soup(built.site_dir / "sources" / citation.plan_id / "index.html")
        assert source.select_one(f"a#{citation.citation_id}.passage-anchor"), citation.citation_id
        marks = source.select("mark.passage[data-targets]")
        assert any(citation.citation_id in m["data-targets"].split() for m in marks), citation.citation_id


def test_a_body_printed_twice_for_one_measure_keeps_both_positions(real_tables):
    # datapackage/sources/hebei-2022.txt:56 prints 区商务局 fifth and ninth after the same measure.
    links = [r for r in real_tables["measure_agencies"] if r["measure_id"] == "hebei-2022-m005"]
    assert [r["position"] for r in links if r["agency_id"] == "commerce-bureau"] == [5, 9]


# A target at a glance (issue 17): on its plan's page, each target's row (id = its target_id) shows the bodies
# responsible for its measure, its direction in words and its baseline year. The expectations come from the CSV
# rows (targets, measure_agencies), not from the code that writes the pages.
DIRECTION_WORDS = {
    "zh": {"decrease": "降低", "increase": "增加"},
    "en": {"decrease": "cut by", "increase": "increase by"},
}
NO_BODIES = {"zh": "原文未为此列出", "en": "none named in the plan"}


def picked_targets(real_tables, plan_id: str) -> list[dict]:
    """Of a plan's targets: each with a baseline year, the first increase and decrease with a figure, the first in
    a measure with responsible bodies and in one without, and the first outside any measure."""
    rows = [r for r in real_tables["targets"] if r["plan_id"] == plan_id]
    with_bodies = {link["measure_id"] for link in real_tables["measure_agencies"]}
    picks = [r for r in rows if r["baseline_year"]]
    for test in (
        lambda r: r["kind"] == "quantitative" and r["direction"] == "increase",
        lambda r: r["kind"] == "quantitative" and r["direction"] == "decrease",
        lambda r: r["measure_id"] in with_bodies,
        lambda r: r["measure_id"] and r["measure_id"] not in with_bodies,
        lambda r: not r["measure_id"],
    ):
        picks += [r for r in rows if test(r)][:1]
    return list({r["target_id"]: r for r in picks}.values())


@pytest.mark.slow
@pytest.mark.parametrize("plan_id", REAL_PLANS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_plan_page_shows_each_targets_bodies_direction_and_baseline(built, real_tables, plan_id, lang):
    page = html(built, f"plans/{plan_id}" if lang == "zh" else f"en/plans/{plan_id}")
    agencies = {a["agency_id"]: a for a in real_tables["agencies"]}
    picks = picked_targets(real_tables, plan_id)
    assert len(picks) >= 2, plan_id
    for target in picks:
        row = page.find("tr", id=target["target_id"])
        assert row is not None, target["target_id"]
        shown = row.get_text(" ", strip=True)
        links = [r for r in real_tables["measure_agencies"] if r["measure_id"] == target["measure_id"]]
        names = [r["name_as_printed"] if lang == "zh" else agencies[r["agency_id"]]["name_en"] for r in links]
        assert all(name in shown for name in names), (target["target_id"], names)
        if not links:
            assert NO_BODIES[lang] in shown, target["target_id"]
        if target["kind"] == "quantitative" and target["direction"] in DIRECTION_WORDS[lang]:
            assert DIRECTION_WORDS[lang][target["direction"]] in shown, target["target_id"]
        if target["baseline_year"]:
            year = target["baseline_year"]
            assert (f"较{year}年" if lang == "zh" else f"from {year}") in shown, target["target_id"]
        assert row.select_one(f'a.permalink[href="#{target["target_id"]}"]')


@pytest.mark.slow
def test_real_figures_read_as_people_write_them(built):
    """Pinned by hand from the quotes: 在2020年的基础上单位建筑面积能耗下降5%; 力争达到40万千瓦以上; 28.62亿立方米."""
    hedong = html(built, "plans/hedong-2023").find("tr", id="hedong-2023-t044").get_text()
    assert "降低5%（较2020年）" in hedong
    english = html(built, "en/plans/hedong-2023").find("tr", id="hedong-2023-t044").get_text()
    assert "cut by 5% from 2020" in english
    xiqing = html(built, "en/plans/xiqing-2023")
    assert "at least 400 MW" in xiqing.find("tr", id="xiqing-2023-t023").get_text()
    assert "reach 2.862 billion m³" in xiqing.find("tr", id="xiqing-2023-t025").get_text()
    assert "strive to" in xiqing.find("tr", id="xiqing-2023-t025").select_one(".hedge--strive").get_text()


def test_every_real_hedge_word_has_a_badge_class(real_tables):
    from generator.pages import text

    words = {word for row in real_tables["targets"] for word in text.hedge_words(row["hedge"])}
    assert words and words <= set(text.HEDGE_CLASSES)


def test_every_real_agency_named_for_a_measure_has_a_page_in_both_editions(built, real_tables):
    named = {link["agency_id"] for link in real_tables["measure_agencies"]}
    for edition in ("", "en/"):
        folder = built.site_dir / edition / "compare" / "120000" / "agencies"
        assert {page.parent.name for page in folder.glob("*/index.html")} == named
        table = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser").find("table")
        assert {a["href"].strip("/") for a in table.find_all("a")} == named


@pytest.mark.parametrize(
    ("edition", "covered_words", "missing_words"),
    [("", "已收录：印发施行", "尚未收集"), ("en/", "In the data: in force", "not yet collected")],
)
def test_the_home_page_shows_all_sixteen_districts_as_tiles_linked_to_their_plans(
    built, real_tables, edition, covered_words, missing_words
):
    districts = {row["code"]: row for row in real_tables["districts"] if row["parent_code"] == "120000"}
    plans = {row["district_code"]: row["plan_id"] for row in real_tables["plans"] if row["kind"] == "district-plan"}
    assert len(districts) == 16
    page = BeautifulSoup((built.site_dir / edition / "index.html").read_text(encoding="utf-8"), "html.parser")
    tiles = page.select("ul.district-tiles--map > li.district-tile")
    name = "name_zh" if not edition else "name_en"
    assert sorted(tile.select_one(".district-tile__name").get_text() for tile in tiles) == sorted(
        row[name] for row in districts.values()
    )
    places = [tile["style"] for tile in tiles]
    assert len(set(places)) == 16 and all(place.startswith("grid-area: ") for place in places)
    by_name = {row[name]: code for code, row in districts.items()}
    for tile in tiles:
        code = by_name[tile.select_one(".district-tile__name").get_text()]
        status = tile.select_one(".district-tile__status").get_text()
        if code in plans:
            assert tile.a["href"] == f"plans/{plans[code]}/" and status == covered_words
        else:
            assert tile.a["href"] == f"districts/{code}/" and status == missing_words
        assert tile.a.select_one(".district-tile__status")  # the whole tile is the link
    legend = [li.get_text() for li in page.select("ul.district-legend > li")]
    assert legend == [covered_words, missing_words]


def test_a_region_with_a_tile_layout_places_every_district_once(real_model):
    tianjin = next(region for region in real_model.regions if region.code == "120000")
    grid = views.tile_grid(tianjin.code, views.collection(tianjin))
    assert len(grid.tiles) == 16 and grid.columns == 5
    assert len({tile.place for tile in grid.tiles}) == 16
    assert [tile.place for tile in grid.tiles] == sorted(tile.place for tile in grid.tiles)  # reading order
    assert grid.tiles[0].district.name_zh == "蓟州区"  # the far north, alone on the top row


def test_a_layout_that_misses_a_district_is_not_used(real_model, monkeypatch):
    tianjin = next(region for region in real_model.regions if region.code == "120000")
    layout = dict(views.TILE_LAYOUTS["120000"])
    del layout["120101"]
    monkeypatch.setitem(views.TILE_LAYOUTS, "120000", layout)
    grid = views.tile_grid(tianjin.code, views.collection(tianjin))
    assert grid.columns is None and all(tile.place is None for tile in grid.tiles)
    assert [tile.district.code for tile in grid.tiles] == sorted(tile.district.code for tile in grid.tiles)
