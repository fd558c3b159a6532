import datetime
import json

import pytest

from generator.downloads import formats
from generator.package import releases
from generator.site import history

KEYS = {"targets": ["target_id"], "plans": ["plan_id"]}


def release(version, targets, plans=({"plan_id": "p1", "title": "方案"},)):
    """A release ZIP holding a tiny package of two tables."""

    def csv_bytes(rows):
        header = ",".join(rows[0])
        return ("\n".join([header, *(",".join(r.values()) for r in rows)]) + "\n").encode()

    resources = [
        {"name": name, "path": f"data/{name}.csv", "schema": {"primaryKey": key}} for name, key in KEYS.items()
    ]
    files = {
        "datapackage.json": json.dumps({"resources": resources}).encode(),
        "data/targets.csv": csv_bytes(targets),
        "data/plans.csv": csv_bytes(list(plans)),
    }
    return releases.Release(version, formats.to_zip(files, datetime.datetime(2026, 1, 1)))


T1 = {"target_id": "t1", "value": "31.02"}
T2 = {"target_id": "t2", "value": "14"}


def test_diff_names_added_removed_and_changed_rows_by_key():
    old = {"targets": [T1, T2]}
    new = {"targets": [{"target_id": "t1", "value": "32"}, {"target_id": "t3", "value": "5"}]}
    changes = history.diff(old, new, KEYS)["targets"]
    assert changes.added == ["t3"] and changes.removed == ["t2"]
    assert changes.changed == [("t1", [("value", "31.02", "32")])]


def test_unchanged_tables_are_left_out():
    assert history.diff({"targets": [T1]}, {"targets": [T1]}, KEYS) == {}


def test_changelog_is_newest_first_with_pending_changes_on_top():
    versions = [release("0.1.0", [T1]), release("0.2.0", [T1, T2])]
    current = {"targets": [{"target_id": "t1", "value": "32"}, T2], "plans": [{"plan_id": "p1", "title": "方案"}]}
    unreleased = history.DataVersion("0.2.0", released=False, since="0.2.0")
    entries = history.changelog(versions, unreleased, current, KEYS, {"0.2.0": "Added t2."})
    # The working data still names the last release's version: its changes have no version of their own yet.
    assert [e.version for e in entries] == [None, "0.2.0", "0.1.0"]
    assert entries[0].released is False and entries[0].changes["targets"].changed[0][0] == "t1"
    assert entries[0].previous == "0.2.0" and entries[0].notes == ""
    assert entries[1].changes["targets"].added == ["t2"] and entries[1].notes == "Added t2."
    assert entries[2].previous is None


def test_a_raised_version_is_listed_under_its_own_number():
    entries = history.changelog(
        [release("0.1.0", [T1])],
        history.DataVersion("0.2.0", released=False, since="0.1.0"),
        {"targets": [T1, T2], "plans": [{"plan_id": "p1", "title": "方案"}]},
        KEYS,
        {},
    )
    assert entries[0].version == "0.2.0" and entries[0].released is False
    assert entries[0].changes["targets"].added == ["t2"]


def test_changes_not_yet_released_carry_the_notes_under_unreleased():
    versions = [release("0.1.0", [T1])]
    notes = history.parse_notes("## Unreleased\n\nAdded t2.\n\n## 0.1.0 - 2026-01-01\n\nFirst.\n")
    for number in ("0.1.0", "0.2.0"):  # the working data under the last release's number, or a raised one
        version = history.DataVersion(number, released=False, since="0.1.0")
        entries = history.changelog(versions, version, {"targets": [T1, T2]}, KEYS, notes)
        assert entries[0].released is False and entries[0].notes == "Added t2."
        assert entries[1].version == "0.1.0" and entries[1].notes == "First."


def test_parse_notes_splits_changelog_by_version():
    text = "# Changelog\n\nintro\n\n## 0.3.0\n\nFixed a quote.\n\n## 0.2.0 — first\n\nFirst release.\n"
    assert history.parse_notes(text) == {"0.3.0": "Fixed a quote.", "0.2.0": "First release."}


@pytest.mark.parametrize(("a", "b"), [("0.2.0", "0.10.0"), ("0.9.9", "1.0.0"), ("1.2.0", "1.2.1")])
def test_versions_compare_as_numbers(a, b):
    assert releases.version_key(a) < releases.version_key(b)


def test_release_files_are_the_zip_and_its_data():
    files = releases.release_files(release("0.1.0", [T1]), "pkg")
    assert set(files) == {"pkg.zip", "datapackage.json", "data/targets.csv", "data/plans.csv"}


def test_one_change_made_on_many_rows_is_one_line_with_its_rows():
    """A value set on many rows at once (a new column filled in) is grouped by field, old and new value."""
    old = {"targets": [{"target_id": f"t{i}", "value": str(i), "translation": ""} for i in range(8)]}
    new = {"targets": [{**row, "translation": "machine"} for row in old["targets"]]}
    new["targets"][3] = {**new["targets"][3], "value": "30"}
    new["targets"][5] = {**new["targets"][5], "translation": "human"}
    groups = history.diff(old, new, KEYS)["targets"].by_field
    assert [(g.field, g.old, g.new, g.keys) for g in groups] == [
        ("translation", "", "machine", ["t0", "t1", "t2", "t3", "t4", "t6", "t7"]),
        ("value", "3", "30", ["t3"]),
        ("translation", "", "human", ["t5"]),
    ]
    assert [g.listed for g in groups] == [False, True, True]  # more than LISTED_ROWS rows: a count, keys folded


def package(version="0.2.0", targets=b"target_id,value\nt1,31.02\n", **extra):
    """A tiny package: its descriptor and its files by path, as the repository holds them."""
    resources = [{"name": "targets", "path": "data/targets.csv", "schema": {"primaryKey": ["target_id"]}}]
    return {"version": version, "resources": resources}, {"data/targets.csv": targets, "sources/a.txt": b"x", **extra}


def released(descriptor, files):
    """The release ZIP of that package, with what the published descriptor adds to each resource."""
    published = json.loads(json.dumps(descriptor))
    published["resources"][0] |= {"bytes": 1, "hash": "sha256:0", "alternates": [{"path": "data/targets.json"}]}
    zipped = {"datapackage.json": json.dumps(published).encode(), "README.md": b"r", "data/targets.json": b"[]"}
    return releases.Release(descriptor["version"], formats.to_zip(zipped | files, datetime.datetime(2026, 1, 1)))


def test_a_version_names_the_package_only_while_it_is_that_release_byte_for_byte():
    descriptor, files = package()
    releases = [released(descriptor, files)]
    assert history.data_version(descriptor, releases, files) == history.DataVersion("0.2.0", True, "0.2.0")
    changed = [
        package(targets=b"target_id,value\nt1,31.02\r\n")[1],  # one byte of a table
        package(**{"sources/b.txt": b"y"})[1],  # a file more
        {"data/targets.csv": files["data/targets.csv"]},  # a file less
    ]
    for other in changed:
        version = history.data_version(descriptor, releases, other)
        assert (version.released, version.published) == (False, "0.2.0+unreleased")
    schema = json.loads(json.dumps(descriptor))
    schema["resources"][0]["schema"]["fields"] = [{"name": "value", "type": "number"}]
    assert history.data_version(schema, releases, files).published == "0.2.0+unreleased"
    raised = history.data_version({**descriptor, "version": "0.3.0"}, releases, files)
    assert (raised.released, raised.published) == (False, "0.2.0+unreleased")
    first = history.data_version(descriptor, [], files)
    assert (first.released, first.published) == (False, "0.2.0-unreleased")
    assert history.data_version(descriptor, [], files, releasing=True).published == "0.2.0"


def test_release_dates_are_read_from_the_changelog_headings():
    text = "# Changelog\n\n## [0.4.0] - 2026-12-04\n\nA.\n\n## 0.3.0 - 2026-12-02\n\nB.\n\n## 0.2.0\n\nC.\n"
    assert history.release_dates(text) == {"0.4.0": "2026-12-04", "0.3.0": "2026-12-02", "0.2.0": ""}
    assert history.parse_notes(text) == {"0.4.0": "A.", "0.3.0": "B.", "0.2.0": "C."}


def test_every_release_of_the_project_has_its_date_in_the_changelog(real_inputs):
    dates = history.release_dates(real_inputs.changelog_notes)
    assert real_inputs.releases
    for release_ in real_inputs.releases:
        assert dates.get(release_.version) == release_.descriptor()["created"][:10], release_.version
