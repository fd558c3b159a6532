"""Validation gates publication: each broken input is named by file, row and field.

Each test breaks a copy of the fixture package (tests/fixture/); that the real package is valid is in test_data.
"""

from __future__ import annotations

import csv
import io

import pytest
from conftest import edit_cell, line_of
from frictionless import Package

from generator import cli, pipeline
from generator.base.problems import LISTED, InvalidPackage
from generator.package import checks, load, validate

TARGETS = "datapackage/data/targets.csv"


@pytest.fixture
def project(fixture_project):
    return fixture_project


def problems_of(paths):
    """Every problem ``pipeline.check`` finds, or none."""
    try:
        pipeline.check(paths)
    except InvalidPackage as raised:
        return raised.problems
    return []


def where(problems):
    return [(p.file, p.row, p.field) for p in problems]


def test_the_fixture_package_is_valid(project):
    assert problems_of(project) == []


def test_validation_keeps_the_rows_frictionless_typed(project):
    validation = validate.validate(load.load(project))
    package = Package(str(project.descriptor_path))
    typed = {resource.name: [row.to_dict() for row in resource.read_rows()] for resource in package.resources}
    assert validation.tables == typed
    assert validation.report["valid"] and validation.report["problems"] == 0


def test_the_text_rows_are_the_csv_files_as_written(project):
    inputs = load.load(project)
    for resource in inputs.descriptor["resources"]:
        text = inputs.data[resource["path"]].decode("utf-8")
        assert inputs.text_rows[resource["name"]] == list(csv.DictReader(io.StringIO(text)))
        assert list(inputs.text_rows[resource["name"]][0]) == [f["name"] for f in resource["schema"]["fields"]]


def test_text_in_a_number_column(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "value", "很多")
    problems = problems_of(project)
    assert (TARGETS, line, "value") in where(problems)
    assert any("很多" in p.message for p in problems)


def test_a_target_pointing_at_a_plan_that_does_not_exist(project):
    line = line_of(project, "targets", "target_id", "yi-2023-t001")
    edit_cell(project, "targets", line, "plan_id", "bing-2023")
    problems = problems_of(project)
    assert (TARGETS, line, "plan_id") in where(problems)
    assert any("bing-2023" in p.message for p in problems)


def test_every_problem_is_reported_at_once(project):
    first = line_of(project, "targets", "target_id", "jia-2023-t001")
    second = line_of(project, "targets", "target_id", "yi-2023-t002")
    edit_cell(project, "targets", first, "target_year", "明年")
    edit_cell(project, "targets", second, "kind", "promise")
    assert {(TARGETS, first, "target_year"), (TARGETS, second, "kind")} <= set(where(problems_of(project)))


def test_a_quote_that_is_not_in_the_source(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t002")
    edit_cell(project, "targets", line, "quote", "新能源装机容量达到99万千瓦")
    assert (TARGETS, line, "quote") in where(problems_of(project))


def test_a_quote_from_another_plan_is_not_in_this_plans_source(project):
    # 蓟州区's forest-coverage sentence does not stand in 河东区's plan.
    line = line_of(project, "targets", "target_id", "jia-2023-t001")
    edit_cell(project, "targets", line, "quote", "创建绿色社区3-5个")  # 乙区's words, not 甲区's
    assert (TARGETS, line, "quote") in where(problems_of(project))


def test_a_value_that_is_not_written_in_the_quote(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t002")  # 新能源装机容量达到12万千瓦
    edit_cell(project, "targets", line, "value", "123456")
    assert (TARGETS, line, "value") in where(problems_of(project))


def test_a_figure_on_a_target_without_one(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t005")  # qualitative: 力争2028年前实现碳达峰
    edit_cell(project, "targets", line, "value", "2028")
    assert (TARGETS, line, "kind") in where(problems_of(project))


def test_an_edited_source_file_no_longer_matches_its_hash(project):
    source = project.package_dir / "sources" / "yi-2023.txt"
    source.write_bytes(source.read_bytes() + b"\n")
    line = line_of(project, "plans", "plan_id", "yi-2023")
    assert ("datapackage/data/plans.csv", line, "source_sha256") in where(problems_of(project))


def test_an_issue_date_the_source_does_not_print(project):
    line = line_of(project, "plans", "plan_id", "jia-2023")
    edit_cell(project, "plans", line, "issue_date", "2023-05-11")
    assert ("datapackage/data/plans.csv", line, "issue_date") in where(problems_of(project))


def test_a_chapter_title_that_is_not_in_the_source(project):
    line = line_of(project, "chapters", "chapter_id", "yi-2023-2.1")
    edit_cell(project, "chapters", line, "title", "不存在的行动")
    assert ("datapackage/data/chapters.csv", line, "title") in where(problems_of(project))


def test_a_source_that_is_not_utf8_is_named(project):
    source = project.package_dir / "sources" / "jia-2023.txt"
    source.write_bytes(source.read_text(encoding="utf-8").encode("gbk"))
    problems = problems_of(project)
    [problem] = [p for p in problems if p.file == "datapackage/sources/jia-2023.txt"]
    assert (problem.type, problem.message) == ("encoding-error", "not UTF-8 (it reads as GBK)")


def test_problems_carry_the_type_of_what_is_wrong(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "value", "很多")
    assert {(p.field, p.type) for p in problems_of(project) if p.row == line} == {
        ("value", "type-error"),
        ("value", "provenance"),
    }


def test_a_malformed_descriptor_is_named(project):
    project.descriptor_path.write_text('{"name": ', encoding="utf-8")
    [problem] = problems_of(project)
    assert problem.file == "datapackage/datapackage.json"
    assert "not valid JSON" in problem.message


def test_problems_print_as_file_row_field_message(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "value", "很多")
    printed = [str(p) for p in problems_of(project)]
    assert any(text.startswith(f"{TARGETS}:{line}:value: ") for text in printed)


def test_a_measure_title_that_is_not_in_the_source(project):
    line = line_of(project, "measures", "measure_id", "jia-2023-m001")
    edit_cell(project, "measures", line, "title", "发展不存在的发电")
    assert ("datapackage/data/measures.csv", line, "title") in where(problems_of(project))


def test_an_agency_name_the_plan_does_not_print(project):
    line = 2  # the first link
    edit_cell(project, "measure_agencies", line, "name_as_printed", "区不存在局")
    assert ("datapackage/data/measure_agencies.csv", line, "name_as_printed") in where(problems_of(project))


def test_a_target_pointing_at_another_plans_measure(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "measure_id", "yi-2023-m001")
    assert (TARGETS, line, "measure_id") in where(problems_of(project))


def test_a_section_the_plan_does_not_have(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "section", "三（一）9")
    assert (TARGETS, line, "section") in where(problems_of(project))


def test_a_unit_that_differs_from_its_indicators(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")  # rooftop PV coverage, in %
    edit_cell(project, "targets", line, "unit", "公顷")
    assert (TARGETS, line, "unit") in where(problems_of(project))


def test_a_target_whose_chapter_is_not_its_measures(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")  # measure 三（一）1
    edit_cell(project, "targets", line, "chapter_id", "jia-2023-3.2")
    assert (TARGETS, line, "chapter_id") in where(problems_of(project))


def test_a_project_name_that_is_not_in_the_source(project):
    line = 2
    edit_cell(project, "projects", line, "name", "不存在的产业园")
    assert ("datapackage/data/projects.csv", line, "name") in where(problems_of(project))


def test_an_english_statement_that_drops_a_figure_of_the_quote(project):
    # 公共机构单位建筑面积能耗下降2.5%左右: an English rendering that says 2% misstates it.
    line = line_of(project, "targets", "target_id", "yi-2023-t002")
    edit_cell(project, "targets", line, "statement_en", "Public institutions use 2% less energy per m2.")
    problems = [p for p in problems_of(project) if (p.file, p.row, p.field) == (TARGETS, line, "statement_en")]
    assert [p.message for p in problems] == ["2.5 is in the quote but not in the English"]


def test_chinese_left_in_an_english_field(project):
    line = line_of(project, "agencies", "agency_id", "civil-affairs-bureau")
    edit_cell(project, "agencies", line, "name_en", "区民政局")
    assert ("datapackage/data/agencies.csv", line, "name_en") in where(problems_of(project))


@pytest.mark.parametrize(
    ("english", "flagged"),
    [
        ("Total energy consumption is kept below 80 × 10,000 tonnes of standard coal equivalent.", True),
        ("Total energy consumption is kept at no more than 80 × 10,000 tonnes of standard coal equivalent.", False),
        ("Total energy consumption of over 10 sectors is kept within 80 × 10,000 tce.", False),  # not the figure
    ],
)
def test_a_ceiling_worded_as_a_strict_bound(project, english, flagged):
    line = line_of(project, "targets", "target_id", "jia-2023-t003")  # le 80: 控制在80万吨标准煤以内
    edit_cell(project, "targets", line, "statement_en", english)
    found = [(p.file, p.row, p.field, p.type) for p in problems_of(project)]
    assert found == ([(TARGETS, line, "statement_en", "comparator-wording")] if flagged else [])


def test_quotes_are_the_same_construction_once_figures_years_and_places_are_masked():
    masked = checks.ConsistentCoding(place_names=["甲区", "乙区"]).masked
    assert masked("到2025年，甲区森林覆盖率达到14%") == masked("到2030年，全区森林覆盖率达到31.02%")
    assert masked("到2030年，全区森林覆盖率达到31.02%") == "到#年，@森林覆盖率达到#%"
    assert masked("到2025年，乙区森林覆盖率达到14%") != masked("到2025年，乙区森林覆盖率保持稳定")
    # The longest place first: 东丽区 is masked whole, not as 东 and 丽区; a one-character place too.
    masked = checks.ConsistentCoding(place_names=["丽区", "东丽区", "津"]).masked
    assert masked("东丽区和丽区到2025年") == "@和@到#年"
    assert masked("津南") == "@南"


def test_two_targets_of_one_indicator_with_the_same_construction_and_different_directions(project):
    # jia-2023-t004 and yi-2023-t003 commit to renewable-share; give yi's the words of jia's, then another direction.
    first = line_of(project, "targets", "target_id", "jia-2023-t004")
    second = line_of(project, "targets", "target_id", "yi-2023-t003")
    edit_cell(project, "targets", first, "quote", "可再生能源消费比重达到15%以上")
    edit_cell(project, "targets", second, "quote", "可再生能源消费比重达到18%以上")
    edit_cell(project, "targets", second, "hedge", "")  # 力争 is no longer in the quote
    assert problems_of(project) == []
    edit_cell(project, "targets", second, "direction", "increase")
    found = [(p.file, p.row, p.field, p.type) for p in problems_of(project)]
    assert found == [(TARGETS, second, "direction", "inconsistent-coding")]


@pytest.mark.parametrize(
    ("scope", "printed"),
    [("group", ""), ("district", "公共机构")],
    ids=["a-group-without-its-words", "the-whole-district-with-words"],
)
def test_scope_and_its_words_go_together(project, scope, printed):
    line = line_of(project, "targets", "target_id", "yi-2023-t002")
    edit_cell(project, "targets", line, "scope", scope)
    edit_cell(project, "targets", line, "scope_as_printed", printed)
    found = [(p.file, p.row, p.field, p.type) for p in problems_of(project)]
    assert found == [(TARGETS, line, "scope_as_printed", "scope-as-printed")]


def test_more_problems_than_are_listed_are_all_counted_and_the_list_says_where_it_stops(project, capsys):
    """Frictionless stopped reading a table at its 1,000th error, and nothing said so."""
    path = project.package_dir / "data" / "targets.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    t006 = next(row for row in rows if row["target_id"] == "jia-2023-t006")
    extra = [{**t006, "target_id": f"jia-2023-n{i:04d}-t001", "value": "many"} for i in range(LISTED)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows + extra)
    found = [p for p in problems_of(project) if p.file == TARGETS]
    assert {p.row for p in found} == set(range(len(rows) + 2, len(rows) + len(extra) + 2))  # every row added
    assert len(found) > LISTED
    assert cli.main(["--root", str(project.root), "validate"]) == 1
    printed = capsys.readouterr().err.splitlines()
    assert len([line for line in printed if line.startswith(f"{TARGETS}:")]) == LISTED + 1
    [note] = [line for line in printed if line.startswith(f"{TARGETS}:-:-:")]
    assert f"{len(found):,} problems" in note and f"the other {len(found) - LISTED:,}" in note
    assert printed[-1].startswith(f"{len(found)} problem(s)")


@pytest.mark.parametrize(
    ("quote", "words"),
    [
        ("项目落地后可为京津冀地区提供300P算力支持", ["可"]),  # 可为: can
        ("到2025年，城镇建筑可再生能源替代率达到8%", []),  # 可再生 is no hedge
        ("一系列可操作、可复制、可推广的创新举措和改革经验初步形成", []),
        ("增加调峰能力约200万千瓦", ["约"]),
        ("力争80%以上的处级及以上机关达到节约型机关创建要求", ["力争"]),  # 节约 is no hedge
        ("到2025年，数据中心电能利用效率普遍不超过1.5", ["普遍"]),
        ("探索打造至少1个绿色低碳示范改造小区", ["探索"]),
        ("重点领域低碳发展模式基本形成", ["基本"]),
    ],
)
def test_the_hedge_words_a_quote_writes(quote, words):
    assert [w for w, pattern in checks.HEDGE_WORDS.items() if pattern.search(quote)] == words
