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


# The citation as BibTeX and RIS (generator/site/citation.py), of the version a citation names.

import re  # noqa: E402

import pytest  # noqa: E402

from generator.site import citation, history  # noqa: E402

DESCRIPTOR = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))


def entry(version: str, released: bool, since: str | None, site_url: str = "") -> citation.Cited:
    changelog = (history.Entry("0.2.0", None, True, {}, "", "2026-01-02"),)
    return citation.cited(DESCRIPTOR, history.DataVersion(version, released, since), changelog, site_url)


def parse_bibtex(text: str) -> tuple[str, str, dict[str, str]]:
    """A structural parse of one BibTeX entry: @type{key, then name = {value} fields whose braces balance (an
    escaped brace, \\{ or \\}, counts for nothing), up to the entry's closing brace."""
    head = re.match(r"@(\w+)\{([^,\s{}]+),\n", text)
    assert head, text
    fields, rest = {}, text[head.end() :]
    while not rest.startswith("}"):
        field = re.match(r"  (\w+) = \{", rest)
        assert field, rest
        depth, i = 1, field.end()
        while depth:
            if rest[i] == "\\":
                i += 2
                continue
            depth += {"{": 1, "}": -1}.get(rest[i], 0)
            i += 1
        fields[field[1]] = rest[field.end() : i - 1]
        assert rest[i : i + 2] == ",\n", rest[i:]
        rest = rest[i + 2 :]
    assert rest == "}\n"
    return head[1], head[2], fields


def test_a_release_is_cited_by_its_number_and_its_permanent_address():
    cited = entry(DESCRIPTOR["version"], True, DESCRIPTOR["version"], "https://example.org/site/")
    kind, key, fields = parse_bibtex(citation.bibtex(cited))
    assert kind == "misc" and DESCRIPTOR["version"] in key
    assert fields["version"] == DESCRIPTOR["version"] and fields["year"] == DESCRIPTOR["created"][:4]
    assert fields["url"] == f"https://example.org/site/downloads/{DESCRIPTOR['version']}/"
    assert fields["author"].startswith("{") and "CC-BY-4.0" in fields["note"]


def test_unreleased_data_cite_the_newest_release_with_its_date():
    cited = entry("0.3.0", False, "0.2.0")
    assert (cited.version, cited.date, cited.address) == ("0.2.0", "2026-01-02", "downloads/0.2.0/")
    before_any = entry("0.1.0", False, None)
    assert not before_any.released and before_any.address == "downloads/latest/"
    assert parse_bibtex(citation.bibtex(before_any))[2]["version"] == "0.1.0-unreleased"


def test_the_ris_record_is_a_dataset_with_its_version_and_ends_with_er():
    cited = entry(DESCRIPTOR["version"], True, DESCRIPTOR["version"])
    lines = citation.ris(cited).split("\r\n")
    assert lines[0] == "TY  - DATA" and lines[-2] == "ER  - " and lines[-1] == ""
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines[:-1]), lines
    assert f"ET  - {DESCRIPTOR['version']}" in lines and f"UR  - downloads/{DESCRIPTOR['version']}/" in lines


@pytest.mark.parametrize("title", ["50% {more} & $less_than #1 \\ ~^", "}{ unbalanced"])
def test_bibtex_escapes_what_would_break_the_entry(title):
    cited = entry(DESCRIPTOR["version"], True, DESCRIPTOR["version"])
    odd = citation.Cited(**{**cited.__dict__, "title": title})
    assert parse_bibtex(citation.bibtex(odd))[2]["title"] != title  # parsed whole, its specials escaped
