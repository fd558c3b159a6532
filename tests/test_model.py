from generator import views
from generator.model import build_model


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


def test_comparison_leaves_out_indicators_nobody_commits_to(real_tables):
    tables = {name: list(rows) for name, rows in real_tables.items()}
    tables["indicators"] = tables["indicators"] + [
        {**tables["indicators"][0], "indicator_id": "unused", "name_zh": "未使用"}
    ]
    ids = [r.indicator.indicator_id for r in views.by_indicator(build_model(tables))]
    assert "unused" not in ids
    assert "forest-coverage" in ids


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
