"""The comparison views, checked against what the plans say."""

import pytest

from generator import outline, views


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


@pytest.fixture(scope="module")
def tianjin(real_model):
    [view] = views.regions(real_model)  # one region is compared: Tianjin's districts
    return view


def test_a_regions_views_are_those_of_its_own_plans(tianjin, real_model):
    assert tianjin.code == "120000" and tianjin.model.plans == real_model.regions[0].plans
    assert tianjin.shared == views.shared(views.by_indicator(tianjin.model))
    assert set(tianjin.stricter) == {row.indicator.indicator_id for row in tianjin.shared}


def test_rows_are_grouped_by_action_area_with_who_asks_for_more(tianjin):
    orders = [group.area.sort_order for group in tianjin.by_area]
    assert orders == sorted(set(orders))
    assert [row for group in tianjin.by_area for row in group.rows] == tianjin.rows
    notes = [note for group in tianjin.by_area for note in group.stricter]
    assert ("xiqing-2023", "jizhou-2023") in {(n.stricter.plan_id, n.weaker.plan_id) for n in notes}  # PUE 1.25 < 1.3


def test_a_plans_targets_by_area_put_figures_first(real_model):
    jizhou = next(p for p in real_model.plans if p.plan_id == "jizhou-2023")
    groups = views.plan_targets(jizhou)
    assert sum(len(targets) for _, targets in groups) == len(jizhou.targets)
    assert [area.sort_order for area, _ in groups] == sorted({t.indicator.area.sort_order for t in jizhou.targets})
    order = {"quantitative": 0, "qualitative": 1, "defers-to-city": 2}
    for area, targets in groups:
        assert all(t.indicator.area is area for t in targets)
        assert [order[t.kind] for t in targets] == sorted(order[t.kind] for t in targets)


def test_stances_are_counted_per_plan(tianjin):
    for plan in tianjin.model.district_plans:
        assert sum(tianjin.stance_counts[plan.plan_id][s] for s in views.STANCES) <= len(tianjin.own_or_city)
    assert tianjin.stance_counts["hedong-2023"]["quantitative"] >= 1
    assert tianjin.stance_counts["hebei-2022"]["defers-to-city"] >= 1  # 能耗强度: 完成我市下达指标


def test_timeline_counts_and_tabs_hold_every_dated_commitment_once(tianjin):
    total = sum(len(targets) for targets in tianjin.timeline.values())
    assert sum(n for _, _, n in tianjin.timeline_counts) == total
    [(everyone, all_years), *per_plan] = tianjin.timeline_tabs
    assert everyone is None and dict(all_years) == tianjin.timeline
    assert [plan for plan, _ in per_plan] == tianjin.model.plans
    assert sum(len(targets) for _, years in per_plan for _, targets in years) == total
    for plan, years in per_plan:
        assert all(targets and all(t.plan_id == plan.plan_id for t in targets) for _, targets in years)


def test_district_measures_line_up_under_the_pilot_programmes_contents(tianjin):
    assert tianjin.pilot.plan_id == "tianjin-pilot-2023"
    assert len(tianjin.pilot_answers) == 6
    jizhou = [a for _, answers in tianjin.pilot_answers for a in answers if a.plan.plan_id == "jizhou-2023"]
    assert any(a.measure.section == "三（十）1" and a.quotes for a in jizhou)
    for chapter in tianjin.pilot_chapters:
        assert chapter.chapter.area.area_id == "pilots"
        assert chapter.measures == len(chapter.plan.measures_in(chapter.chapter))
        assert 0 < chapter.contents <= 6
    assert {c.plan.plan_id for c in tianjin.pilot_chapters} == {p.plan_id for p in tianjin.model.district_plans}


def test_model_counts_targets_by_kind_and_by_region(real_model):
    assert real_model.kind_counts["quantitative"] == sum(t.kind == "quantitative" for t in real_model.targets)
    assert sum(real_model.kind_counts.values()) == len(real_model.targets)
    [region] = real_model.regions
    assert len(region.targets) == len(real_model.targets)
    assert len(region.district_targets) == sum(len(p.targets) for p in real_model.district_plans)


def test_the_longest_year_bar_is_full_width(real_model):
    for plan in real_model.plans:
        bars = views.plan_years(plan)
        if bars:
            assert max(bar.share for bar in bars) == 100.0


def test_chapters_are_found_by_their_anchor_in_the_source_text(real_model):
    jizhou = next(p for p in real_model.plans if p.plan_id == "jizhou-2023")
    titles = views.chapter_titles(jizhou)
    chapter = jizhou.key_chapters[0]
    assert titles[outline.anchor(chapter.section)] is chapter
