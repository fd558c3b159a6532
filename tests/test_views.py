"""The comparison views, checked against what the plans say."""

import pytest

from generator import views


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
