"""The citation file agrees with the data package it cites (its schema validity is `nox -s citation`)."""

import json

import yaml

from generator.base.paths import ROOT


def test_citation_cff_names_the_packages_version_and_licence():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    descriptor = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["type"] == "dataset"
    assert citation["version"] == descriptor["version"]
    assert citation["title"] == descriptor["title"]
    assert citation["license"] == descriptor["licenses"][0]["name"]
    assert citation["date-released"] == descriptor["created"][:10]
