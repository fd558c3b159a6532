import datetime
import json

import pytest

from generator import formats, history

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
    return history.Release(version, formats.to_zip(files, datetime.datetime(2026, 1, 1)))


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
    entries = history.changelog(versions, "0.2.0", current, KEYS, {"0.2.0": "Added t2."})
    # The working data still names the last release's version: its changes have no version of their own yet.
    assert [e.version for e in entries] == [None, "0.2.0", "0.1.0"]
    assert entries[0].released is False and entries[0].changes["targets"].changed[0][0] == "t1"
    assert entries[0].previous == "0.2.0" and entries[0].notes == ""
    assert entries[1].changes["targets"].added == ["t2"] and entries[1].notes == "Added t2."
    assert entries[2].previous is None


def test_a_raised_version_is_listed_under_its_own_number():
    entries = history.changelog(
        [release("0.1.0", [T1])],
        "0.2.0",
        {"targets": [T1, T2], "plans": [{"plan_id": "p1", "title": "方案"}]},
        KEYS,
        {},
    )
    assert entries[0].version == "0.2.0" and entries[0].released is False
    assert entries[0].changes["targets"].added == ["t2"]


def test_parse_notes_splits_changelog_by_version():
    text = "# Changelog\n\nintro\n\n## 0.3.0\n\nFixed a quote.\n\n## 0.2.0 — first\n\nFirst release.\n"
    assert history.parse_notes(text) == {"0.3.0": "Fixed a quote.", "0.2.0": "First release."}


@pytest.mark.parametrize(("a", "b"), [("0.2.0", "0.10.0"), ("0.9.9", "1.0.0"), ("1.2.0", "1.2.1")])
def test_versions_compare_as_numbers(a, b):
    assert history.version_key(a) < history.version_key(b)


def test_release_files_are_the_zip_and_its_data():
    files = history.release_files(release("0.1.0", [T1]), "pkg")
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
