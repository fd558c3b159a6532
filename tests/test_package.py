"""The descriptor and the site describe every table and field (docs and data are tested like code)."""

import importlib.resources
import json
import re

import jsonschema
import pytest
from frictionless import Package

from generator.base import urls
from generator.base.paths import ROOT
from generator.build.parts import WHOLE

DESCRIPTOR = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("resource", DESCRIPTOR["resources"], ids=lambda r: r["name"])
def test_every_resource_and_field_has_a_title_and_description(resource):
    assert resource["title"] and resource["description"]
    for field in resource["schema"]["fields"]:
        assert field.get("title") and field.get("description"), field["name"]


def test_the_package_says_who_made_it_under_what_licence_and_from_what():
    for key in ("name", "id", "title", "description", "version", "created", "keywords", "contributors"):
        assert DESCRIPTOR[key], key
    assert {lic["name"] for lic in DESCRIPTOR["licenses"]} == {"CC-BY-4.0", "other-pd"}
    documents = [s for s in DESCRIPTOR["sources"] if s["path"].startswith("sources/")]
    assert len(documents) == 5 and all(s["issuer"] and s["date"] for s in documents)


def test_every_table_is_on_the_data_page_and_in_the_dictionary(fixture_built):
    # The fixture package's descriptor has the real one's resources, so the real list of tables and fields applies.
    data = (fixture_built.site_dir / "data" / "index.html").read_text(encoding="utf-8")
    dictionary = (fixture_built.site_dir / "data" / "dictionary" / "index.html").read_text(encoding="utf-8")
    for resource in DESCRIPTOR["resources"]:
        assert f"downloads/latest/data/{resource['name']}.csv" in data
        for field in resource["schema"]["fields"]:
            assert f"<code>{field['name']}</code>" in dictionary


def test_every_plan_has_a_page_a_source_page_and_a_nav_entry(fixture_built, fixture_tables):
    built = fixture_built
    home = (built.site_dir / "index.html").read_text(encoding="utf-8")
    assert [plan["plan_id"] for plan in fixture_tables["plans"]] == ["jia-2023", "yi-2023", "shili-pilot-2023"]
    for plan in fixture_tables["plans"]:
        assert (built.site_dir / "plans" / plan["plan_id"] / "index.html").is_file()
        assert (built.site_dir / "sources" / plan["plan_id"] / "index.html").is_file()
        assert f'href="plans/{plan["plan_id"]}/"' in home


V2_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


def v2_json_schema() -> dict:
    """The Data Package v2 JSON Schema, as dplib-py ships it: the same document as the standard's own repository
    publishes at V2_PROFILE (public/profiles/2.0/datapackage.json there)."""
    profile = importlib.resources.files("dplib") / "profiles" / "2.0" / "datapackage.json"
    return json.loads(profile.read_text(encoding="utf-8"))


@pytest.mark.parametrize("root", [ROOT, ROOT / "tests" / "fixture"], ids=["real", "fixture"])
def test_the_descriptor_is_a_v2_data_package_for_the_json_schema_and_for_frictionless(root):
    path = root / "datapackage" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    assert descriptor["$schema"] == V2_PROFILE
    jsonschema.Draft7Validator(v2_json_schema()).validate(descriptor)  # raises with the first error
    report = Package(str(path)).validate()
    assert report.valid, report.flatten(["type", "message"])
    # What v2 changed from v1, as this package uses it.
    assert all(c["roles"] and "role" not in c for c in descriptor["contributors"])
    assert all(r["type"] == "table" for r in descriptor["resources"])
    references = [fk["reference"] for r in descriptor["resources"] for fk in r["schema"].get("foreignKeys", [])]
    assert all(reference.get("resource") != "" for reference in references)  # a self-reference omits it
    assert any("resource" not in reference for reference in references)  # districts.parent_code


def test_the_published_descriptor_is_a_v2_data_package_too(fixture_built):
    # With each file's size and hash, and its other formats (alternates), as the site and the ZIP publish it.
    published = fixture_built.part_docs(WHOLE) / urls.download("datapackage.json")
    descriptor = json.loads(published.read_text(encoding="utf-8"))
    assert descriptor["resources"][0]["hash"].startswith("sha256:")
    jsonschema.Draft7Validator(v2_json_schema()).validate(descriptor)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["resources"][0].update(type="tabular"), "'tabular' is not one of ['table']"),
        (lambda d: d["contributors"][0].update(roles="creator"), "'creator' is not of type 'array'"),
        (lambda d: d["resources"][0]["schema"]["foreignKeys"][0]["reference"].update(fields=[]), "is not valid under"),
    ],
)
def test_the_json_schema_refuses_what_v2_does_not_allow(change, words):
    descriptor = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    change(descriptor)
    messages = [error.message for error in jsonschema.Draft7Validator(v2_json_schema()).iter_errors(descriptor)]
    assert any(words in message for message in messages), messages


def test_every_readme_command_is_a_nox_session():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    for session in set(re.findall(r"nox -s (\w+)", readme)):
        assert f"def {session}(" in noxfile, session
