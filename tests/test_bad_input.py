"""Every kind of bad input: a message naming file, row and field with a hint, and site/ left as it was."""

from __future__ import annotations

import codecs
import json
import shutil

import pytest
from conftest import edit_cell, line_of, tree_digest

from generator import build
from generator.paths import Paths
from generator.problems import InvalidPackage

pytestmark = pytest.mark.slow
DATA = "datapackage/data"


@pytest.fixture
def project(fixture_built, tmp_path) -> Paths:
    """A copy of the built fixture project, site/ included, to break (tests/fixture/: jia-2023-t006 is
    到2025年屋顶光伏覆盖率不低于30%)."""
    shutil.copytree(fixture_built.root, tmp_path, dirs_exist_ok=True)
    return Paths(tmp_path)


def problems_after(paths: Paths) -> list:
    """Build, expect it to fail, check site/ did not move, and return the problems."""
    before = tree_digest(paths.site_dir)
    with pytest.raises(InvalidPackage) as raised:
        build.build(paths)
    assert tree_digest(paths.site_dir) == before
    return raised.value.problems


def where(problems):
    return {(p.file, p.row, p.field) for p in problems}


def data_file(paths, name):
    return paths.package_dir / "data" / f"{name}.csv"


def test_a_file_saved_as_gbk(project):
    path = data_file(project, "plans")
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    [problem] = problems_after(project)
    assert (problem.file, problem.row) == (f"{DATA}/plans.csv", 2)
    assert "GBK" in problem.message and "UTF-8" in problem.hint


def test_a_file_with_a_byte_order_mark(project):
    path = data_file(project, "districts")
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    [problem] = problems_after(project)
    assert (problem.file, problem.row) == (f"{DATA}/districts.csv", 1)
    assert "without BOM" in problem.hint


def test_a_wrong_header(project):
    path = data_file(project, "action_areas")
    path.write_text(path.read_text(encoding="utf-8").replace("name_en", "english", 1), encoding="utf-8")
    problems = problems_after(project)
    assert (f"{DATA}/action_areas.csv", 1, "name_en") in where(problems)
    assert all("header row" in p.hint for p in problems if p.row == 1)


def test_a_row_with_an_extra_cell(project):
    path = data_file(project, "chapters")
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] += ",多余"
    path.write_text("\n".join(lines), encoding="utf-8")
    [problem] = problems_after(project)
    assert (problem.file, problem.row) == (f"{DATA}/chapters.csv", 3)
    assert "comma" in problem.hint


def test_an_empty_required_field(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "quote", "")
    assert (f"{DATA}/targets.csv", line, "quote") in where(problems_after(project))


def test_text_in_a_number_column(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "value", "三十")
    problems = problems_after(project)
    assert (f"{DATA}/targets.csv", line, "value") in where(problems)
    assert any("三十" in p.message and p.hint for p in problems)


def test_a_full_width_digit_in_a_number_column(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "target_year", "２０２５")
    [problem] = problems_after(project)
    assert (problem.file, problem.row, problem.field) == (f"{DATA}/targets.csv", line, "target_year")
    assert "ASCII" in problem.hint


def test_spaces_around_a_value_are_reported_not_trimmed(project):
    line = line_of(project, "indicators", "indicator_id", "rooftop-pv-coverage")
    edit_cell(project, "indicators", line, "name_zh", "屋顶光伏覆盖率 ")
    [problem] = problems_after(project)
    assert (problem.file, problem.row, problem.field) == (f"{DATA}/indicators.csv", line, "name_zh")
    assert "spaces" in problem.hint


def test_a_value_out_of_its_allowed_set(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "direction", "sideways")
    problems = problems_after(project)
    assert (f"{DATA}/targets.csv", line, "direction") in where(problems)
    assert any("level" in p.message for p in problems)  # the allowed values are named


def test_a_duplicate_primary_key(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t007")
    edit_cell(project, "targets", line, "target_id", "jia-2023-t006")
    problems = problems_after(project)
    assert any(p.file == f"{DATA}/targets.csv" and p.row == line and "primary" in p.message for p in problems)


def test_a_dangling_foreign_key(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "indicator_id", "no-such-indicator")
    problems = problems_after(project)
    assert (f"{DATA}/targets.csv", line, "indicator_id") in where(problems)


def test_a_quote_that_is_not_in_its_source(project):
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "quote", "屋顶光伏覆盖率不低于40%")
    problems = problems_after(project)
    assert (f"{DATA}/targets.csv", line, "quote") in where(problems)
    assert any("source document" in p.hint for p in problems)


def test_a_missing_file(project):
    data_file(project, "projects").unlink()
    [problem] = problems_after(project)
    assert (problem.file, problem.row) == (f"{DATA}/projects.csv", None)
    assert "missing" in problem.message


def test_an_extra_file(project):
    shutil.copy(data_file(project, "targets"), data_file(project, "targets-copy"))
    [problem] = problems_after(project)
    assert problem.file == f"{DATA}/targets-copy.csv" and "not in datapackage.json" in problem.message


def test_a_malformed_descriptor(project):
    text = project.descriptor.read_text(encoding="utf-8")
    project.descriptor.write_text(text.replace('"resources": [', '"resources": [,', 1), encoding="utf-8")
    [problem] = problems_after(project)
    assert problem.file == "datapackage/datapackage.json" and "JSON" in problem.message and problem.row


def test_a_descriptor_that_is_not_a_data_package(project):
    descriptor = json.loads(project.descriptor.read_text(encoding="utf-8"))
    descriptor["resources"][0]["schema"]["fields"][0]["type"] = "colour"
    project.descriptor.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    problems = problems_after(project)
    assert problems and all(p.file == "datapackage/datapackage.json" for p in problems)


def test_all_problems_are_reported_at_once(project):
    path = data_file(project, "districts")
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    path = data_file(project, "plans")
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    line = line_of(project, "targets", "target_id", "jia-2023-t006")
    edit_cell(project, "targets", line, "target_year", "２０２５")
    files = {p.file for p in problems_after(project)}
    assert files == {f"{DATA}/districts.csv", f"{DATA}/plans.csv", f"{DATA}/targets.csv"}
