"""Downloads: CSV byte for byte as the package holds it, JSON typed by the schema, per-plan slices."""

import io
import json

import pandas as pd
import pytest

from generator import downloads, load


@pytest.fixture(scope="module")
def files(real_paths, real_tables):
    loaded = load.load(real_paths)
    return downloads.build_downloads(loaded, real_tables, load.read_data_files(real_paths, loaded.package))


def test_every_resource_as_csv_and_json_plus_the_descriptor(files, real_tables):
    for name in real_tables:
        assert f"data/{name}.csv" in files and f"data/{name}.json" in files
    assert files["datapackage.json"] == (load.Paths().descriptor).read_bytes()


def test_csv_is_the_package_file_unchanged(files, real_paths):
    assert files["data/targets.csv"] == (real_paths.package_dir / "data" / "targets.csv").read_bytes()


def test_json_has_the_schema_types(files):
    targets = json.loads(files["data/targets.json"])
    forest = next(t for t in targets if t["target_id"] == "jizhou-2023-t008")
    assert forest["value"] == 31.02 and forest["target_year"] == 2025
    assert forest["baseline_year"] is None and forest["per_year"] is False
    plans = json.loads(files["data/plans.json"])
    assert {p["plan_id"]: p["issue_date"] for p in plans}["hedong-2023"] == "2023-05-15"


def test_json_and_csv_hold_the_same_rows(files):
    csv_rows = pd.read_csv(io.BytesIO(files["data/targets.csv"]), dtype=str, keep_default_na=False)
    json_rows = json.loads(files["data/targets.json"])
    assert list(csv_rows["target_id"]) == [r["target_id"] for r in json_rows]


def test_per_plan_slices_hold_exactly_that_plans_rows(files, real_tables):
    for plan in real_tables["plans"]:
        plan_id = plan["plan_id"]
        sliced = pd.read_csv(io.BytesIO(files[f"plans/{plan_id}/targets.csv"]), dtype=str, keep_default_na=False)
        expected = [t["target_id"] for t in real_tables["targets"] if t["plan_id"] == plan_id]
        assert list(sliced["target_id"]) == expected
        assert [r["target_id"] for r in json.loads(files[f"plans/{plan_id}/targets.json"])] == expected


def test_source_texts_are_published_unchanged(files, real_paths):
    for path in (real_paths.package_dir / "sources").glob("*.txt"):
        assert files[f"sources/{path.name}"] == path.read_bytes()
