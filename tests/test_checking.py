"""Validation on all cores with verdicts kept (build/checking.py): after one changed row only that row's region is
validated again, and what validation finds is what validating from nothing finds."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from conftest import edit_table as edit

from generator.base.paths import Paths
from generator.base.problems import Problem
from generator.build import checking, digests
from generator.package import load, validate


@pytest.fixture
def project(two_regions):
    return two_regions


def kept(project: Path, jobs: int = 2) -> validate.Validation:
    """The package validated as a build validates it: in ``jobs`` processes, verdicts kept."""
    return validate.validate(load.load(Paths(project)), run=checking.kept(Paths(project), jobs))


def afresh(project: Path) -> validate.Validation:
    return validate.validate(load.load(Paths(project)))


def verdicts(project: Path) -> dict[str, int]:
    """Each kept verdict's file -> when it was written."""
    return {path.name: path.stat().st_mtime_ns for path in Paths(project).validation_cache.iterdir()}


def test_verdicts_kept_in_workers_are_what_validation_finds(project):
    made = kept(project)
    assert len(verdicts(project)) == 4  # two regions, the remainder and the key columns
    fresh = afresh(project)
    assert made.problems == fresh.problems == []
    assert made.tables == fresh.tables
    assert made.report == fresh.report


def test_a_kept_verdict_is_read_back_not_made_again(project):
    kept(project)
    planted = Problem("datapackage/data/documents.csv", 2, "title", "planted", "kept, not found again")
    for path in Paths(project).validation_cache.iterdir():
        verdict = pickle.loads(path.read_bytes())
        if verdict.tables and not verdict.tables["targets"]:  # the remainder: tables, and no plan's targets
            path.write_bytes(pickle.dumps(validate.Verdict([planted], verdict.tables)))
    assert kept(project).problems == [planted]


def test_one_changed_row_validates_its_region_again_and_no_other(project):
    kept(project)
    before = verdicts(project)
    edit(project, "targets", lambda found: found[-1].update(value="six"))  # a row of a plan in 210000
    after_edit = kept(project)
    after = verdicts(project)
    assert len(after) == len(before) == 4
    kept_alike = {name for name in before if after.get(name) == before[name]}
    assert len(kept_alike) == 3  # the Tianjin region's, the remainder's and the key columns', not rewritten
    assert [p.type for p in after_edit.problems] == ["type-error"]
    assert after_edit.problems == afresh(project).problems


def test_a_looked_up_row_validates_again_the_regions_that_look_it_up(project):
    """An indicator's unit is checked in the quantitative targets that use it: changing it validates again the
    remainder (its row) and the regions whose targets use it, and no other region (nor the key columns)."""
    inputs = load.load(Paths(project))
    used: dict[str, set[str]] = {}
    for row in inputs.text_rows["targets"]:
        if row["kind"] == "quantitative":
            used.setdefault(row["plan_id"], set()).add(row["indicator_id"])
    tianjin = used.pop("tianjin-pilot-2023")
    indicator = sorted(set.union(*used.values()) - tianjin - {""})[0]  # used in 210000 alone
    kept(project)
    before = verdicts(project)
    edit(project, "indicators", lambda found: next(r for r in found if r["indicator_id"] == indicator).update(
        unit="吨标准煤"))  # fmt: skip
    changed = kept(project)
    after = verdicts(project)
    assert len({name for name in before if after.get(name) == before[name]}) == 2  # Tianjin's region, the keys
    assert any(f"differs from indicator {indicator}" in str(p) for p in changed.problems)
    assert changed.problems == afresh(project).problems


def test_other_code_validates_every_portion_again(project, monkeypatch):
    kept(project)
    before = verdicts(project)
    monkeypatch.setattr(digests, "running_code", lambda: [("(running) generator/other.py", b"other")])
    kept(project, jobs=1)
    assert not set(before) & set(verdicts(project))  # every verdict made again, the old ones deleted


def test_a_changed_key_checks_the_key_columns_again(project):
    """A target given the key of another region's target: the key columns are checked again, and find it."""
    kept(project)
    before = verdicts(project)

    def change(found):
        found[-1]["target_id"] = next(r for r in found if r["plan_id"] == "tianjin-pilot-2023")["target_id"]

    edit(project, "targets", change)
    changed = kept(project)
    after = verdicts(project)
    assert len({name for name in before if after.get(name) == before[name]}) == 2  # Tianjin's region, the remainder
    assert any(p.type == "primary-key" for p in changed.problems)
    assert changed.problems == afresh(project).problems
