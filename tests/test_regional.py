"""A package of several regions is validated a region at a time (package/regional.py, validate.py): the same
problems and typed rows as validating it whole, and each region's verdict from its own rows alone."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import edit_table as edit
from conftest import table_rows as rows

from generator.base.paths import Paths
from generator.package import load, regional, validate


@pytest.fixture
def project(two_regions):
    return two_regions


def first(found: list[dict[str, str]], plan: str) -> dict[str, str]:
    return next(row for row in found if row["plan_id"] == plan)


def whole(inputs: load.Inputs, monkeypatch) -> validate.Validation:
    """The package validated in one pass, as a package of one region is."""
    with monkeypatch.context() as patch:
        patch.setattr(regional, "divide", lambda inputs: None)
        return validate.validate(inputs)


def test_the_portions_are_the_regions_and_the_rest(project):
    inputs = load.load(Paths(project))
    portions = regional.divide(inputs)
    assert portions is not None
    assert [portion.name for portion in portions] == ["120000", "210000", regional.REMAINDER]
    regions = regional.plan_regions(inputs.text_rows)
    for portion in portions:
        for name, positions in portion.rows.items():
            table = list(csv.DictReader(io.StringIO(portion.data[name].decode())))
            assert table == [inputs.text_rows[name][p] for p in positions]  # its lines, as the file has them
            if name in ("plans", "targets", "measures", "measure_agencies"):
                plans = {row.get("plan_id") for row in table} - {None}
                assert {regions[p] for p in plans} <= {portion.name}
    every = {name: sorted(p for portion in portions for p in portion.rows[name]) for name in inputs.text_rows}
    assert every == {name: list(range(len(table))) for name, table in inputs.text_rows.items()}  # each row once


def test_a_valid_package_validates_alike_by_region_and_whole(project, monkeypatch):
    inputs = load.load(Paths(project))
    by_region = validate.validate(inputs)
    at_once = whole(inputs, monkeypatch)
    assert by_region.problems == at_once.problems == []
    assert by_region.tables == at_once.tables
    assert by_region.report == at_once.report


def duplicate_key_across_regions(project):
    def change(found):
        found[-1]["target_id"] = first(found, "tianjin-pilot-2023")["target_id"]

    edit(project, "targets", change)


def chapter_of_another_region(project):
    chapter = first(rows(project, "chapters"), "tianjin-pilot-2023")["chapter_id"]

    def change(found):
        first(found, "d0001-2023")["chapter_id"] = chapter

    edit(project, "targets", change)


def missing_chapter(project):
    edit(project, "targets", lambda found: first(found, "d0002-2023").update(chapter_id="d0002-2023-c999"))


def not_a_number(project):
    edit(project, "targets", lambda found: first(found, "d0000-2023").update(value="six"))


def quote_not_in_source(project):
    edit(project, "citations", lambda found: found[-1].update(quote=found[-1]["quote"] + "之外"))


def key_against_its_pattern(project):
    plan = rows(project, "plans")[1]["plan_id"]

    def change(found):
        for row in found:
            if row["plan_id"] == plan:
                row["plan_id"] = plan.upper()

    edit(project, "plans", change)


def empty_key_and_blank_row(project):
    edit(project, "measures", lambda found: found[3].update(measure_id=""))
    path = project / "datapackage" / "data" / "agencies.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines[:4], "\n", *lines[4:]]), encoding="utf-8")


def coded_unlike_the_same_quote_elsewhere(project):
    """A synthetic plan is a real plan renamed: its targets' quotes are the real ones', masked alike. With the fifth
    plan moved to Tianjin and one of its targets coded otherwise than the first plan's, the row is inconsistent
    only across regions."""
    edit(project, "plans", lambda found: first(found, "d0004-2023").update(district_code="120000"))

    def change(found):
        row = next(r for r in found if r["plan_id"] == "d0004-2023" and r["kind"] == "quantitative")
        row["direction"] = "decrease" if row["direction"] != "decrease" else "increase"

    edit(project, "targets", change)


def uncited_document(project):
    def change(found):
        extra = dict(next(row for row in found if not row["plan_id"]))
        extra["document_id"] = "uncited-document"
        found.append(extra)

    edit(project, "documents", change)


def spaces_and_a_formula(project):
    """A cell with a space after it (an error) that a spreadsheet would take for a formula (a warning)."""
    edit(project, "targets", lambda found: first(found, "d0003-2023").update(statement_en="=1 "))


def a_source_changed(project):
    """A plan's source given a zero-width space (a warning), which changes its SHA-256 (an error)."""
    plan = first(rows(project, "plans"), "d0001-2023")
    path = project / "datapackage" / plan["source_file"]
    path.write_text(path.read_text(encoding="utf-8") + "\u200b\n", encoding="utf-8")


# Each way of breaking the package, with words of the problem it makes.
BROKEN = {
    duplicate_key_across_regions: "duplicate key: target_id “tianjin-pilot-2023-t001” is the key of row 2",
    chapter_of_another_region: "chapter_id: tianjin-pilot-2023-3.1 belongs to plan tianjin-pilot-2023",
    missing_chapter: 'values "d0002-2023-c999" not found in the lookup table "chapters"',
    not_a_number: "value: type error: “six”",
    quote_not_in_source: "does not stand in the source of d0004-2023",
    key_against_its_pattern: "rows refer to a plan_id that plans does not have",
    empty_key_and_blank_row: "the key measure_id is empty",
    coded_unlike_the_same_quote_elsewhere: "has the same construction and is coded direction",
    uncited_document: "no citation cites uncited-document",
    spaces_and_a_formula: "spaces around “=1”",
    a_source_changed: "the source file's SHA-256 is",
}


@pytest.mark.parametrize("breaking", BROKEN, ids=[f.__name__ for f in BROKEN])
def test_a_broken_package_has_the_same_problems_by_region_as_whole(project, monkeypatch, breaking):
    breaking(project)
    inputs = load.load(Paths(project))
    assert regional.divide(inputs) is not None  # validated by region
    by_region = validate.validate(inputs)
    at_once = whole(inputs, monkeypatch)
    assert any(BROKEN[breaking] in str(problem) for problem in at_once.problems)
    assert [str(p) for p in by_region.problems] == [str(p) for p in at_once.problems]
    assert by_region.problems == at_once.problems
    assert by_region.warnings == at_once.warnings
    assert breaking is not a_source_changed or any("U+200B" in str(w) for w in by_region.warnings)
    assert by_region.report == at_once.report


def test_a_region_is_validated_from_its_own_rows(project, monkeypatch):
    """Each region's verdict is made from its portion alone: breaking the other region's rows leaves it as it was,
    while validating the package whole would report them in the same pass."""
    verdicts: dict[str, list[validate.Verdict]] = {}

    def recording(tasks):
        made = [task.verdict() for task in tasks]
        for task, found in zip(tasks, made, strict=True):
            verdicts.setdefault(task.name, []).append(found)
        return made

    validate.validate(load.load(Paths(project)), run=recording)
    not_a_number(project)  # a row of d0000-2023, in 210000
    broken = validate.validate(load.load(Paths(project)), run=recording)
    assert [p.type for p in broken.problems] == ["type-error"]
    before, after = verdicts["120000"]
    assert before == after and before.problems == []
    assert {row["plan_id"] for row in after.tables["targets"]} == {"tianjin-pilot-2023"}
    assert [p.type for p in verdicts["210000"][1].problems] == ["type-error"]
