"""Downloads: every file opened with its natural reader holds exactly the package's rows.

Read from the built fixture's downloads/latest/ (tests/fixture/: yi-2023-t002 is 公共机构单位建筑面积能耗下降2.5%左右).
"""

import datetime
import hashlib
import io
import json
import sqlite3
import zipfile
from decimal import Decimal

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import FIXTURE, copy_fixture_project
from frictionless import Package

from generator import pipeline
from generator.build.parts import WHOLE
from generator.downloads import formats

NAME = "tianjin-district-carbon-peaking-plans"


def latest_downloads(paths) -> dict[str, bytes]:
    """Every file of a build's downloads/latest/, by path inside it."""
    folder = paths.part_docs(WHOLE) / "downloads" / "latest"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def data_files(fixture_tables):
    return {name: (FIXTURE / "datapackage" / "data" / f"{name}.csv").read_bytes() for name in fixture_tables}


@pytest.fixture(scope="module")
def files(fixture_built):
    return latest_downloads(fixture_built)


def package_frame(data_files, name):
    return pd.read_csv(io.BytesIO(data_files[name]), dtype=str, keep_default_na=False)


def test_csv_is_the_package_file_unchanged(files, data_files):
    for name, data in data_files.items():
        assert files[f"data/{name}.csv"] == data


def test_json_has_the_schema_types(files):
    targets = json.loads(files["data/targets.json"])
    public = next(t for t in targets if t["target_id"] == "yi-2023-t002")
    assert public["value"] == 2.5 and public["target_year"] == 2025
    assert public["baseline_year"] is None and public["per_year"] is False
    assert next(t for t in targets if t["target_id"] == "yi-2023-t004")["per_year"] is True
    plans = json.loads(files["data/plans.json"])
    assert {p["plan_id"]: p["issue_date"] for p in plans}["jia-2023"] == "2023-05-10"


def test_json_and_csv_hold_the_same_rows(files, data_files, fixture_tables):
    for name in fixture_tables:
        rows = json.loads(files[f"data/{name}.json"])
        frame = package_frame(data_files, name)
        assert len(rows) == len(frame) and list(rows[0]) == list(frame.columns)


def same(value, text: str) -> bool:
    """Whether a typed cell from Excel or SQLite says what the CSV text says."""
    if value is None:
        return text == ""
    if isinstance(value, bool) or text in ("true", "false"):
        return str(value).lower() in (text, "1" if text == "true" else "0")
    if isinstance(value, int | float):
        return float(text) == value
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() == text
    return value == text


def test_every_workbook_cell_says_what_the_csv_says(files, data_files, fixture_tables):
    book = openpyxl.load_workbook(io.BytesIO(files[f"{NAME}.xlsx"]), read_only=True)
    for name in fixture_tables:
        frame = package_frame(data_files, name)
        # A sheet stores no empty cell at the end of a row (citations end with quote_occurrence, mostly empty): read
        # every row as wide as the header, as a spreadsheet shows it.
        rows = list(book[name].iter_rows(values_only=True, max_col=len(frame.columns)))
        assert list(rows[0]) == list(frame.columns)
        assert len(rows) - 1 == len(frame)
        for cells, (_, expected) in zip(rows[1:], frame.iterrows(), strict=True):
            assert all(same(v, t) for v, t in zip(cells, expected, strict=True)), (name, cells)


def test_every_sqlite_value_says_what_the_csv_says(files, data_files, fixture_tables, tmp_path):
    path = tmp_path / "all.sqlite"
    path.write_bytes(files[f"{NAME}.sqlite"])
    db = sqlite3.connect(path)
    for name in fixture_tables:
        frame = package_frame(data_files, name)
        rows = db.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
        assert len(rows) == len(frame)
        for cells, (_, expected) in zip(rows, frame.iterrows(), strict=True):
            assert all(same(v, t) for v, t in zip(cells, expected, strict=True)), (name, cells)


def test_workbook_has_a_readme_and_every_table(files, data_files, fixture_tables):
    book = pd.read_excel(io.BytesIO(files[f"{NAME}.xlsx"]), sheet_name=None, dtype=str, keep_default_na=False)
    assert list(book)[0] == "README"
    for name in fixture_tables:
        sheet, frame = book[name], package_frame(data_files, name)
        assert list(sheet.columns) == list(frame.columns)
        assert list(sheet.iloc[:, 0]) == list(frame.iloc[:, 0])
    targets = book["targets"].set_index("target_id")
    assert float(targets.loc["yi-2023-t002", "value"]) == 2.5


def test_sqlite_has_every_table_with_keys(files, fixture_tables, tmp_path):
    path = tmp_path / "data.sqlite"
    path.write_bytes(files[f"{NAME}.sqlite"])
    db = sqlite3.connect(path)
    for name, rows in fixture_tables.items():
        assert db.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] == len(rows)
    assert db.execute("SELECT value FROM targets WHERE target_id = 'yi-2023-t002'").fetchone() == (2.5,)
    references = {(row[2], row[3]) for row in db.execute("PRAGMA foreign_key_list(targets)")}
    assert ("plans", "plan_id") in references and ("indicators", "indicator_id") in references
    # A v2 self-reference (no reference.resource) refers to its own table.
    assert [(row[2], row[3], row[4]) for row in db.execute("PRAGMA foreign_key_list(districts)")] == [
        ("districts", "parent_code", "code")
    ]
    assert [row[1] for row in db.execute("PRAGMA table_info(measure_agencies)") if row[5]] == [
        "measure_id",
        "position",
    ]
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_zip_unpacks_into_a_valid_package(files, tmp_path):
    with zipfile.ZipFile(io.BytesIO(files[f"{NAME}.zip"])) as archive:
        archive.extractall(tmp_path)
    assert (tmp_path / "README.md").is_file() and (tmp_path / "sources" / "jia-2023.txt").is_file()
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])


def test_published_descriptor_carries_each_files_bytes_and_hash(files, data_files, tmp_path):
    descriptor = json.loads(files["datapackage.json"])
    for resource in descriptor["resources"]:
        data = data_files[resource["name"]]
        assert resource["bytes"] == len(data)
        assert resource["hash"].startswith("sha256:") and len(resource["hash"]) == 7 + 64
    # frictionless checks the hash: a changed file no longer validates.
    with zipfile.ZipFile(io.BytesIO(files[f"{NAME}.zip"])) as archive:
        archive.extractall(tmp_path)
    plans = tmp_path / "data" / "plans.csv"
    plans.write_bytes(plans.read_bytes().replace("此件主动公开".encode(), "此件主动公開".encode(), 1))
    errors = Package(str(tmp_path / "datapackage.json")).validate().flatten(["type"])
    assert ["hash-count"] in errors


def test_the_same_input_gives_the_same_bytes(files, tmp_path):
    again = copy_fixture_project(tmp_path)
    pipeline.build(again, run_mkdocs=False)
    assert latest_downloads(again) == files


def test_per_plan_slices_hold_exactly_that_plans_rows(files, fixture_tables):
    for plan in fixture_tables["plans"]:
        plan_id = plan["plan_id"]
        sliced = pd.read_csv(io.BytesIO(files[f"plans/{plan_id}/targets.csv"]), dtype=str, keep_default_na=False)
        expected = [t["target_id"] for t in fixture_tables["targets"] if t["plan_id"] == plan_id]
        assert list(sliced["target_id"]) == expected
        assert [r["target_id"] for r in json.loads(files[f"plans/{plan_id}/targets.json"])] == expected


def test_a_plan_slice_covers_every_resource_and_only_what_it_refers_to(files, fixture_tables):
    jia = {name: json.loads(files[f"plans/jia-2023/{name}.json"]) for name in fixture_tables}
    assert [d["code"] for d in jia["districts"]] == ["990000", "990101"]  # 甲区 and the city it belongs to
    used = {t["indicator_id"] for t in jia["targets"]}
    assert {i["indicator_id"] for i in jia["indicators"]} == used and len(used) == 7
    measures = {m["measure_id"] for m in jia["measures"]}
    assert measures == {"jia-2023-m001", "jia-2023-m002", "jia-2023-m003"}
    assert len(jia["measure_agencies"]) == 5 and all(link["measure_id"] in measures for link in jia["measure_agencies"])
    assert [p["project_id"] for p in jia["projects"]] == ["jia-2023-p001"]
    assert [c["citation_id"] for c in jia["citations"]] == ["jia-2023-c001"]
    # the document it cites, and the document that is jia-2023 itself
    assert {d["document_id"] for d in jia["documents"]} == {"shili-carbon-peaking-plan", "jia-carbon-peaking-plan"}


def test_every_plan_slice_holds_every_row_its_rows_refer_to(files, fixture_tables):
    """Read from the descriptor's foreign keys, v2 self-references (no reference.resource) included."""
    descriptor = json.loads(files["datapackage.json"])
    for plan in fixture_tables["plans"]:
        sliced = {name: json.loads(files[f"plans/{plan['plan_id']}/{name}.json"]) for name in fixture_tables}
        for resource in descriptor["resources"]:
            for foreign_key in resource["schema"].get("foreignKeys", []):
                target = foreign_key["reference"].get("resource", resource["name"])
                own, theirs = foreign_key["fields"], foreign_key["reference"]["fields"]
                there = {tuple(row[k] for k in theirs) for row in sliced[target]}
                for row in sliced[resource["name"]]:
                    value = tuple(row[k] for k in own)
                    assert None in value or value in there, (plan["plan_id"], resource["name"], own, value)


def test_source_texts_are_published_unchanged(files):
    for path in (FIXTURE / "datapackage" / "sources").glob("*.txt"):
        assert files[f"sources/{path.name}"] == path.read_bytes()


# How pandas reads a CSV column of each Table Schema type (a date is read as text, then parsed).
PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean", "date": "string"}


def typed_csv(data: bytes, schema: dict) -> pd.DataFrame:
    """A CSV file read with its schema's types: an empty cell is missing, a date a datetime.date."""
    fields = schema["fields"]
    frame = pd.read_csv(
        io.BytesIO(data),
        dtype={f["name"]: PANDAS_TYPES[f["type"]] for f in fields},
        keep_default_na=False,
        na_values={f["name"]: [""] for f in fields},
    )
    for field in fields:
        if field["type"] == "date":
            dates = frame[field["name"]]
            frame[field["name"]] = [None if pd.isna(v) else datetime.date.fromisoformat(v) for v in dates]
    return frame


@pytest.fixture(scope="module")
def schemas(files):
    return {r["name"]: r["schema"] for r in json.loads(files["datapackage.json"])["resources"]}


def test_every_parquet_file_holds_the_csvs_rows_with_the_schemas_types(files, data_files, schemas):
    for name, data in data_files.items():
        parquet = pd.read_parquet(io.BytesIO(files[f"data/{name}.parquet"]), dtype_backend="numpy_nullable")
        pd.testing.assert_frame_equal(parquet, typed_csv(data, schemas[name]), check_dtype=True, obj=name)
    targets = pd.read_parquet(io.BytesIO(files["data/targets.parquet"])).set_index("target_id")
    assert targets.loc["yi-2023-t002", "value"] == 2.5 and targets.loc["yi-2023-t004", "per_year"]


def test_parquet_columns_have_the_schemas_types(files, schemas):
    arrow = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    arrow["date"] = pa.date32()
    for name, schema in schemas.items():
        read = pq.read_schema(io.BytesIO(files[f"data/{name}.parquet"]))
        assert read.names == [f["name"] for f in schema["fields"]]
        for field in schema["fields"]:
            column = read.field(field["name"])
            assert column.type == arrow[field["type"]], (name, field["name"])
            assert column.nullable != field.get("constraints", {}).get("required", False), (name, field["name"])


def test_parquet_bytes_depend_on_the_rows_alone(fixture_tables, schemas):
    """No clock in a Parquet file: written twice, the same bytes, and its metadata holds only the Arrow schema."""
    for name, rows in fixture_tables.items():
        first = formats.to_parquet(schemas[name], rows)
        assert formats.to_parquet(schemas[name], rows) == first
        assert list(pq.read_metadata(io.BytesIO(first)).metadata) == [b"ARROW:schema"]


def test_the_descriptor_lists_each_tables_json_and_parquet_with_size_and_hash(files, tmp_path):
    descriptor = json.loads(files["datapackage.json"])
    for resource in descriptor["resources"]:
        listed = {a["format"]: a for a in resource["alternates"]}
        assert set(listed) == {"json", "parquet"}
        assert listed["parquet"]["mediatype"] == "application/vnd.apache.parquet"
        for alternate in listed.values():
            data = files[alternate["path"]]
            assert alternate["bytes"] == len(data)
            assert alternate["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    # The ZIP holds them beside the descriptor, and frictionless validates the package with them listed.
    with zipfile.ZipFile(io.BytesIO(files[f"{NAME}.zip"])) as archive:
        archive.extractall(tmp_path)
        assert archive.read("data/targets.parquet") == files["data/targets.parquet"]
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])


def named_csv(files) -> pd.DataFrame:
    return pd.read_csv(
        io.BytesIO(files["targets-with-names.csv"]), dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )


def test_targets_with_names_join_each_targets_district_plan_and_indicator(files, data_files):
    assert files["targets-with-names.csv"].startswith(b"\xef\xbb\xbf")  # Excel and WPS read it as UTF-8
    named = named_csv(files)
    targets = package_frame(data_files, "targets")
    plans = package_frame(data_files, "plans").set_index("plan_id")
    districts = package_frame(data_files, "districts").set_index("code")
    indicators = package_frame(data_files, "indicators").set_index("indicator_id")
    assert list(named["target_id"]) == list(targets["target_id"])
    assert set(targets.columns) <= set(named.columns)
    for (_, row), (_, target) in zip(named.iterrows(), targets.iterrows(), strict=True):
        plan = plans.loc[target["plan_id"]]
        district = districts.loc[plan["district_code"]]
        indicator = indicators.loc[target["indicator_id"]]
        assert (row["district_code"], row["district_name_zh"], row["district_name_en"]) == (
            plan["district_code"], district["name_zh"], district["name_en"]
        )  # fmt: skip
        assert (row["plan_title"], row["plan_title_en"]) == (plan["title"], plan["title_en"])
        assert (row["indicator_name_zh"], row["indicator_name_en"]) == (indicator["name_zh"], indicator["name_en"])
        for column in targets.columns:
            assert same(row[column], target[column]) or row[column] == "'" + target[column], (column, row[column])
    row = named.set_index("target_id").loc["yi-2023-t002"]
    assert float(row["value"]) == 2.5


def test_the_workbook_has_the_targets_with_names_as_the_csv_has_them(files):
    book = pd.read_excel(io.BytesIO(files[f"{NAME}.xlsx"]), sheet_name=None, dtype=str, keep_default_na=False)
    sheet, named = book["targets-with-names"], named_csv(files)
    assert list(sheet.columns) == list(named.columns)
    for column in ("target_id", "district_name_zh", "plan_title_en", "indicator_name_zh", "quote"):
        assert list(sheet[column]) == [text.removeprefix("'") for text in named[column]]
    readme = book["README"].to_string()
    assert "targets-with-names" in readme and "indicator_name_en" in readme


def test_a_spreadsheet_csv_keeps_a_formula_as_text():
    rows = [{"a": "=1+1", "b": Decimal("2.50"), "c": None, "d": "-3 吨", "e": datetime.date(2025, 1, 2), "f": True}]
    data = formats.to_spreadsheet_csv(list("abcdef"), rows)
    assert data.decode("utf-8-sig").splitlines() == ["a,b,c,d,e,f", "'=1+1,2.5,,'-3 吨,2025-01-02,true"]


def test_the_citation_files_name_the_version_and_its_address(files):
    from test_citation import parse_bibtex

    version = json.loads(files["datapackage.json"])["version"]  # as published: the fixture project has no release
    assert version.endswith("-unreleased")
    kind, _, fields = parse_bibtex(files["citation.bib"].decode("utf-8"))
    assert kind == "misc" and fields["version"] == version and fields["url"] == "downloads/latest/"
    ris = files["citation.ris"].decode("utf-8").split("\r\n")
    assert ris[0] == "TY  - DATA" and ris[-2] == "ER  - " and f"ET  - {version}" in ris
