"""The model: the fixture's tables as linked objects (tests/fixture/); the real model is checked in test_data."""

from conftest import FIXTURE_RELATIONS, with_targets

from generator.pages import text
from generator.site import views
from generator.site.model import SCOPES, build_model


def plan(model, plan_id):
    return next(p for p in model.plans if p.plan_id == plan_id)


def test_every_source_document_is_a_plan(fixture_model):
    assert sorted(p.plan_id for p in fixture_model.plans) == ["jia-2023", "shili-pilot-2023", "yi-2023"]
    assert len(fixture_model.district_plans) == 2
    assert [p.title for p in fixture_model.city_plans] == ["示例市碳达峰试点建设方案"]
    assert plan(fixture_model, "shili-pilot-2023").short_name == "示例市碳达峰试点建设方案"


def test_plans_carry_their_district_and_chapters(fixture_model):
    jia = plan(fixture_model, "jia-2023")
    assert jia.district.code == "990101" and jia.district.parent_code == "990000"
    assert jia.short_name == "甲区" and jia.short_name_en == "Jia District"
    assert [c.section for c in jia.key_chapters] == ["三（一）", "三（二）"]
    assert [c.title for c in jia.chapters if c.part != "key-tasks"] == ["组织实施"]


def test_plans_are_grouped_under_their_province_level_division(fixture_model):
    [region] = fixture_model.regions
    assert region.code == "990000"
    assert [p.plan_id for p in region.plans] == ["jia-2023", "yi-2023", "shili-pilot-2023"]
    assert [p.plan_id for p in region.district_plans] == ["jia-2023", "yi-2023"]


def test_measures_carry_their_agencies_in_printed_order(fixture_model):
    jia = plan(fixture_model, "jia-2023")
    first, second = jia.measures_in(jia.key_chapters[0])
    # 三（一）1 closes with （区发展改革委、区住房建设委按职责分工负责）
    assert (first.section, first.title) == ("三（一）1", "发展光伏发电")
    assert [r.name_as_printed for r in first.responsible] == ["区发展改革委", "区住房建设委"]
    # 三（一）2 closes with （区城管委牵头，各街道办事处按职责分工负责）
    roles = [(r.name_as_printed, r.role) for r in second.responsible]
    assert roles == [("区城管委", "lead"), ("各街道办事处", "shared")]
    assert len(jia.agencies) == 4  # 区住房建设委 is named twice, counted once


def test_a_target_knows_its_measure(fixture_model):
    target = next(t for t in fixture_model.targets if t.target_id == "jia-2023-t006")  # rooftop PV in 三（一）1
    assert target.measure.section == "三（一）1"
    assert target.chapter.title == "能源绿色低碳转型行动"


def test_figures_keep_their_type(fixture_model):
    by_id = {t.target_id: t for t in fixture_model.targets}
    assert (str(by_id["yi-2023-t002"].value), by_id["yi-2023-t002"].unit, by_id["yi-2023-t002"].hedge) == (
        "2.5",
        "%",
        "左右",
    )
    assert (str(by_id["yi-2023-t005"].value_min), str(by_id["yi-2023-t005"].value_max)) == ("3", "5")
    assert by_id["yi-2023-t004"].per_year is True and by_id["yi-2023-t004"].target_year is None


def test_peak_year_comes_from_the_carbon_peak_commitment(fixture_model):
    assert plan(fixture_model, "jia-2023").peak_year == 2028  # 力争2028年前实现碳达峰
    assert plan(fixture_model, "yi-2023").peak_year is None
    assert plan(fixture_model, "shili-pilot-2023").peak_year is None


def test_comparison_lines_up_renewable_share(fixture_model):
    row = next(r for r in views.by_indicator(fixture_model) if r.indicator.indicator_id == "renewable-share")
    assert [str(t.value) for t in row.by_plan["jia-2023"]] == ["15"]
    assert [str(t.value) for t in row.by_plan["yi-2023"]] == ["18"]
    row = next(r for r in views.by_indicator(fixture_model) if r.indicator.indicator_id == "rooftop-pv-coverage")
    assert row.by_plan["yi-2023"] == []


def test_comparison_leaves_out_indicators_nobody_commits_to(fixture_tables):
    tables = {name: list(rows) for name, rows in fixture_tables.items()}
    tables["indicators"] = tables["indicators"] + [
        {**tables["indicators"][0], "indicator_id": "unused", "name_zh": "未使用"}
    ]
    ids = [r.indicator.indicator_id for r in views.by_indicator(build_model(tables, FIXTURE_RELATIONS))]
    assert "unused" not in ids
    assert len(ids) == 11


def test_comparison_shows_a_commitment_stated_twice_once(fixture_tables):
    # 甲区's 15% renewable share stated again in 三（一）, as the real plans restate main goals in a chapter.
    again = {"target_id": "jia-2023-t903", "chapter_id": "jia-2023-3.1", "section": "三（一）"}
    model = with_targets(fixture_tables, ("jia-2023-t004", again))
    assert len([t for t in plan(model, "jia-2023").targets if t.indicator.indicator_id == "renewable-share"]) == 2
    row = next(r for r in views.by_indicator(model) if r.indicator.indicator_id == "renewable-share")
    assert [t.target_id for t in row.by_plan["jia-2023"]] == ["jia-2023-t004"]


def test_a_target_knows_whom_it_applies_to(fixture_model):
    by_id = {t.target_id: t for t in fixture_model.targets}
    assert (by_id["yi-2023-t002"].scope, by_id["yi-2023-t002"].scope_as_printed) == ("group", "公共机构")
    assert (by_id["yi-2023-t001"].scope, by_id["yi-2023-t001"].scope_as_printed) == ("district", None)


def test_the_same_figure_for_another_scope_is_another_commitment(fixture_tables):
    # 甲区's 15% renewable share restated for its public institutions alone is not the same commitment.
    again = {"target_id": "jia-2023-t903", "scope": "group", "scope_as_printed": "公共机构"}
    model = with_targets(fixture_tables, ("jia-2023-t004", again))
    row = next(r for r in views.by_indicator(model) if r.indicator.indicator_id == "renewable-share")
    assert [t.target_id for t in row.by_plan["jia-2023"]] == ["jia-2023-t004", "jia-2023-t903"]


def test_comparison_covers_the_district_plans_only(fixture_model):
    rows = views.by_indicator(fixture_model)
    assert all(set(r.by_plan) == {"jia-2023", "yi-2023"} for r in rows)


def test_named_projects_hang_under_their_measure(fixture_model):
    jia = plan(fixture_model, "jia-2023")
    [park] = jia.projects
    assert (park.name, park.kind) == ("甲区光伏示范园", "renewable-energy")
    assert park.measure.chapter.title == "能源绿色低碳转型行动"


def test_measures_know_the_pilot_contents_they_answer(fixture_model):
    yi = plan(fixture_model, "yi-2023")
    measure = next(m for m in yi.measures if m.measure_id == "yi-2023-m002")
    assert [(content.chapter_id, quote) for content, quote in measure.pilot_contents] == [
        ("shili-pilot-2023-3.2", "创建绿色社区3-5个")
    ]


def test_chapters_map_to_action_areas(fixture_model):
    yi = plan(fixture_model, "yi-2023")
    areas = {c.title: c.area.area_id for c in yi.key_chapters}
    assert areas == {"城乡建设绿色发展行动": "buildings", "试点示范行动": "pilots"}


def test_a_target_answers_to_its_measures_bodies_and_to_none_outside_a_measure(fixture_model):
    targets = {t.target_id: t for t in fixture_model.targets}
    assert [r.name_as_printed for r in targets["jia-2023-t006"].responsible] == ["区发展改革委", "区住房建设委"]
    assert targets["jia-2023-t001"].measure is None and targets["jia-2023-t001"].responsible == []


def test_the_scopes_are_the_descriptors_enum_in_its_order_and_each_has_a_label(real_inputs):
    resource = next(r for r in real_inputs.descriptor["resources"] if r["name"] == "targets")
    field = next(f for f in resource["schema"]["fields"] if f["name"] == "scope")
    assert list(SCOPES) == field["constraints"]["enum"]
    assert list(text.SCOPE_LABELS) == list(SCOPES)
