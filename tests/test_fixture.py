"""The fixture package (tests/fixture/) stays what the tests of code take it for: the real package's schema,
valid by every real check, and small enough to know by heart."""

from __future__ import annotations

import json

from conftest import FIXTURE

from generator import pipeline
from generator.base.paths import ROOT


def descriptor(root):
    return json.loads((root / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))


def test_the_fixture_has_the_real_packages_resources():
    assert descriptor(FIXTURE)["resources"] == descriptor(ROOT)["resources"]
    assert descriptor(FIXTURE)["name"] == descriptor(ROOT)["name"]


def test_the_fixture_passes_every_check(fixture_project):
    pipeline.check(fixture_project)  # raises InvalidPackage with every problem found


def test_the_fixture_is_what_its_readme_says(fixture_tables):
    counts = {name: len(rows) for name, rows in fixture_tables.items()}
    assert counts == {
        "districts": 4,
        "plans": 3,
        "chapters": 8,
        "measures": 7,
        "agencies": 5,
        "measure_agencies": 8,
        "projects": 2,
        "action_areas": 7,
        "indicators": 11,
        "targets": 12,
        "pilot_alignment": 2,
        "documents": 5,
        "citations": 2,
    }
    kinds = {(t["kind"], t["comparator"]) for t in fixture_tables["targets"]}
    assert kinds == {
        ("quantitative", "eq"),
        ("quantitative", "ge"),
        ("quantitative", "le"),
        ("quantitative", "range"),
        ("qualitative", None),
        ("defers-to-city", None),
    }
    assert {t["hedge"] for t in fixture_tables["targets"]} == {None, "力争", "左右"}
    assert all(d["code"].startswith("99") for d in fixture_tables["districts"])  # no real division code
