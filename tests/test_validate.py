"""Validation gates publication: each broken input is named by file, row and field."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import edit_cell, line_of
from frictionless import Package

from generator import load, validate
from generator.problems import InvalidPackage

TARGETS = "datapackage/data/targets.csv"


def problems_of(paths):
    return validate.validate(load.load(paths)).problems


def where(problems):
    return [(p.file, p.row, p.field) for p in problems]


def test_the_real_package_is_valid(real_paths):
    assert problems_of(real_paths) == []


def test_frictionless_alone_reports_the_real_package_valid(real_paths):
    assert Package(str(real_paths.descriptor)).validate().valid


def test_validation_keeps_the_rows_frictionless_typed(real_paths, real_validation):
    package = Package(str(real_paths.descriptor))
    typed = {resource.name: [row.to_dict() for row in resource.read_rows()] for resource in package.resources}
    assert real_validation.tables == typed
    assert real_validation.report["valid"] and real_validation.report["problems"] == 0


def test_the_text_rows_are_the_csv_files_as_written(real_inputs):
    for resource in real_inputs.descriptor["resources"]:
        text = real_inputs.data[resource["path"]].decode("utf-8")
        assert real_inputs.text_rows[resource["name"]] == list(csv.DictReader(io.StringIO(text)))
        assert list(real_inputs.text_rows[resource["name"]][0]) == [f["name"] for f in resource["schema"]["fields"]]


def test_text_in_a_number_column(project):
    line = line_of(project, "targets", "target_id", "jizhou-2023-t008")
    edit_cell(project, "targets", line, "value", "很多")
    problems = problems_of(project)
    assert (TARGETS, line, "value") in where(problems)
    assert any("很多" in p.message for p in problems)


def test_a_target_pointing_at_a_plan_that_does_not_exist(project):
    line = line_of(project, "targets", "target_id", "hebei-2022-t001")
    edit_cell(project, "targets", line, "plan_id", "nankai-2023")
    problems = problems_of(project)
    assert (TARGETS, line, "plan_id") in where(problems)
    assert any("nankai-2023" in p.message for p in problems)


def test_every_problem_is_reported_at_once(project):
    first = line_of(project, "targets", "target_id", "hedong-2023-t001")
    second = line_of(project, "targets", "target_id", "xiqing-2023-t002")
    edit_cell(project, "targets", first, "target_year", "明年")
    edit_cell(project, "targets", second, "kind", "promise")
    assert {(TARGETS, first, "target_year"), (TARGETS, second, "kind")} <= set(where(problems_of(project)))


def test_a_quote_that_is_not_in_the_source(project):
    line = line_of(project, "targets", "target_id", "jizhou-2023-t002")
    edit_cell(project, "targets", line, "quote", "森林覆盖率达到99%")
    assert (TARGETS, line, "quote") in where(problems_of(project))


def test_a_quote_from_another_plan_is_not_in_this_plans_source(project):
    # 蓟州区's forest-coverage sentence does not stand in 河东区's plan.
    line = line_of(project, "targets", "target_id", "hedong-2023-t001")
    edit_cell(project, "targets", line, "quote", "森林覆盖率达到31.02%")
    assert (TARGETS, line, "quote") in where(problems_of(project))


def test_a_value_that_is_not_written_in_the_quote(project):
    line = next(
        line_of(project, "targets", "target_id", r["target_id"])
        for r in validate.validate(load.load(project)).tables["targets"]
        if r["comparator"] not in (None, "range")
    )
    edit_cell(project, "targets", line, "value", "123456")
    assert (TARGETS, line, "value") in where(problems_of(project))


def test_a_figure_on_a_target_without_one(project):
    line = line_of(project, "targets", "target_id", "tianjin-pilot-2023-t002")
    edit_cell(project, "targets", line, "value", "2025")
    assert (TARGETS, line, "kind") in where(problems_of(project))


def test_an_edited_source_file_no_longer_matches_its_hash(project):
    source = project.package_dir / "sources" / "hebei-2022.txt"
    source.write_bytes(source.read_bytes() + b"\n")
    line = line_of(project, "plans", "plan_id", "hebei-2022")
    assert ("datapackage/data/plans.csv", line, "source_sha256") in where(problems_of(project))


def test_an_issue_date_the_source_does_not_print(project):
    line = line_of(project, "plans", "plan_id", "jizhou-2023")
    edit_cell(project, "plans", line, "issue_date", "2023-08-02")
    assert ("datapackage/data/plans.csv", line, "issue_date") in where(problems_of(project))


def test_a_chapter_title_that_is_not_in_the_source(project):
    line = line_of(project, "chapters", "chapter_id", "xiqing-2023-2.1")
    edit_cell(project, "chapters", line, "title", "不存在的行动")
    assert ("datapackage/data/chapters.csv", line, "title") in where(problems_of(project))


def test_a_source_that_is_not_utf8_is_named(project):
    source = project.package_dir / "sources" / "hebei-2022.txt"
    source.write_bytes(source.read_text(encoding="utf-8").encode("gbk"))
    problems = problems_of(project)
    [problem] = [p for p in problems if p.file == "datapackage/sources/hebei-2022.txt"]
    assert (problem.type, problem.message) == ("encoding-error", "not UTF-8 (it reads as GBK)")


def test_problems_carry_the_type_of_what_is_wrong(project):
    line = line_of(project, "targets", "target_id", "jizhou-2023-t008")
    edit_cell(project, "targets", line, "value", "很多")
    assert {(p.field, p.type) for p in problems_of(project) if p.row == line} == {
        ("value", "type-error"),
        ("value", "provenance"),
    }


def test_a_malformed_descriptor_is_named(project):
    project.descriptor.write_text('{"name": ', encoding="utf-8")
    with pytest.raises(InvalidPackage) as raised:
        load.load(project)
    [problem] = raised.value.problems
    assert problem.file == "datapackage/datapackage.json"
    assert "not valid JSON" in problem.message


def test_problems_print_as_file_row_field_message(project):
    line = line_of(project, "targets", "target_id", "jizhou-2023-t008")
    edit_cell(project, "targets", line, "value", "很多")
    printed = [str(p) for p in problems_of(project)]
    assert any(text.startswith(f"{TARGETS}:{line}:value: ") for text in printed)


def test_a_measure_title_that_is_not_in_the_source(project):
    line = line_of(project, "measures", "measure_id", "hedong-2023-m001")
    edit_cell(project, "measures", line, "title", "构建不存在的产业体系")
    assert ("datapackage/data/measures.csv", line, "title") in where(problems_of(project))


def test_an_agency_name_the_plan_does_not_print(project):
    line = 2  # the first link
    edit_cell(project, "measure_agencies", line, "name_as_printed", "区不存在局")
    assert ("datapackage/data/measure_agencies.csv", line, "name_as_printed") in where(problems_of(project))


def test_the_same_bureau_is_one_agency_in_every_district(real_tables):
    plans_of = {m["measure_id"]: m["plan_id"] for m in real_tables["measures"]}
    printed = {}
    for link in real_tables["measure_agencies"]:
        if link["agency_id"] == "development-reform-commission":
            printed.setdefault(plans_of[link["measure_id"]], set()).add(link["name_as_printed"])
    assert printed == {p: {"区发展改革委"} for p in ("hedong-2023", "hebei-2022", "jizhou-2023")}


def test_a_target_pointing_at_another_plans_measure(project):
    line = line_of(project, "targets", "target_id", "jizhou-2023-t038")
    edit_cell(project, "targets", line, "measure_id", "hedong-2023-m001")
    assert (TARGETS, line, "measure_id") in where(problems_of(project))


def test_a_section_the_plan_does_not_have(project):
    line = line_of(project, "targets", "target_id", "jizhou-2023-t038")
    edit_cell(project, "targets", line, "section", "三（六）9")
    assert (TARGETS, line, "section") in where(problems_of(project))


def test_a_unit_that_differs_from_its_indicators(project):
    line = line_of(project, "targets", "target_id", "jizhou-2023-t038")  # forest coverage, in %
    edit_cell(project, "targets", line, "unit", "公顷")
    assert (TARGETS, line, "unit") in where(problems_of(project))


def test_a_target_whose_chapter_is_not_its_measures(project):
    line = line_of(project, "targets", "target_id", "jizhou-2023-t038")  # measure 三（六）2
    edit_cell(project, "targets", line, "chapter_id", "jizhou-2023-3.1")
    assert (TARGETS, line, "chapter_id") in where(problems_of(project))


def test_a_project_name_that_is_not_in_the_source(project):
    line = 2
    edit_cell(project, "projects", line, "name", "不存在的产业园")
    assert ("datapackage/data/projects.csv", line, "name") in where(problems_of(project))


def test_an_english_statement_that_drops_a_figure_of_the_quote(project):
    # 到2025年，全区森林覆盖率达到31.02%: an English rendering that says 31% misstates it.
    line = line_of(project, "targets", "target_id", "jizhou-2023-t038")
    edit_cell(project, "targets", line, "statement_en", "By 2025 the forest coverage rate will reach 31%.")
    problems = [p for p in problems_of(project) if (p.file, p.row, p.field) == (TARGETS, line, "statement_en")]
    assert [p.message for p in problems] == ["31.02 is in the quote but not in the English"]


def test_chinese_left_in_an_english_field(project):
    line = line_of(project, "agencies", "agency_id", "commerce-bureau")
    edit_cell(project, "agencies", line, "name_en", "区商务局")
    assert ("datapackage/data/agencies.csv", line, "name_en") in where(problems_of(project))
