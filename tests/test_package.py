"""The descriptor and the site describe every table and field (docs and data are tested like code)."""

import json
import re

import pytest

from generator.paths import ROOT

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


def test_every_readme_command_is_a_nox_session():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    for session in set(re.findall(r"nox -s (\w+)", readme)):
        assert f"def {session}(" in noxfile, session
