"""The history of the data: each released version's ZIP (kept in releases/), and what changed between versions.

A release is the very ZIP readers downloaded, so its files stay downloadable
byte for byte at a versioned URL, and the changelog compares tables row by
row, by primary key, as the CSV files hold them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from generator.package.releases import Release

# A change made on more rows than this is shown as a count, its rows' keys folded away.
LISTED_ROWS = 5


@dataclass(frozen=True)
class FieldChange:
    """One field changed from one value to another, and the rows (by key) it was changed on, in the table's order."""

    field: str
    old: str
    new: str
    keys: list[str]

    @property
    def listed(self) -> bool:
        """Few enough rows to name them inline; otherwise a count, with the keys in a folded list."""
        return len(self.keys) <= LISTED_ROWS


@dataclass
class Changes:
    """What changed in one resource: keys of rows added and removed, and the fields of rows changed."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[tuple[str, str, str]]]] = field(default_factory=list)  # key, [(field, old, new)]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    @property
    def by_field(self) -> list[FieldChange]:
        """The changes grouped by (field, old value, new value), in the order each first appears: a value set on
        600 rows at once is one line, not 600."""
        groups: dict[tuple[str, str, str], list[str]] = {}
        for key, fields in self.changed:
            for change in fields:
                groups.setdefault(change, []).append(key)
        return [FieldChange(f, old, new, keys) for (f, old, new), keys in groups.items()]


@dataclass(frozen=True)
class Entry:
    """One step of the changelog: from one version of the data to the next.

    The working data's changes since the last release are an entry that is not ``released``; its ``version`` is
    the descriptor's when that was raised past the last release, and None while it still names the last release.
    """

    version: str | None
    previous: str | None
    released: bool
    changes: dict[str, Changes]  # resource name -> changes, only resources that changed
    notes: str  # the maintainer's notes for this version from CHANGELOG.md, if any
    date: str = ""  # a release's date (its descriptor's created, YYYY-MM-DD); "" for the working data


DESCRIPTOR, README = "datapackage.json", "README.md"  # in a release's ZIP beside the tables and sources
# What the published descriptor adds to each resource of the repository's (downloads.published_descriptor).
PUBLISHED_ONLY = ("bytes", "hash", "alternates")


@dataclass(frozen=True)
class DataVersion:
    """What the data's version number names. A version is one set of bytes: the data are that version's only
    while the package (descriptor, tables, sources) equals its release's ZIP; otherwise they are unreleased changes
    since the newest release (``since``), and every place that shows a version says so."""

    number: str  # the descriptor's version
    released: bool  # the package is, byte for byte, the release of ``number``
    since: str | None  # the newest release, if any

    @property
    def published(self) -> str:
        """The version as published files write it (descriptor, metadata, workbook, manifest): the number of a
        release, or the newest release's with ``+unreleased`` (SemVer build metadata: these bytes are no release)."""
        if self.released:
            return self.number
        return f"{self.since}+unreleased" if self.since else f"{self.number}-unreleased"


def data_version(
    descriptor: dict, releases: list[Release], package_files: dict[str, bytes], releasing: bool = False
) -> DataVersion:
    """Whether the descriptor's version names the package as it is. ``package_files`` are the package's tables and
    sources by path inside it; ``releasing`` is the build that makes the version's ZIP, which is that version."""
    number = descriptor["version"]
    since = releases[-1].version if releases else None
    release = next((r for r in releases if r.version == number), None)
    same = release is not None and _same_package(release, descriptor, package_files)
    return DataVersion(number, releasing or same, since)


def _same_package(release: Release, descriptor: dict, package_files: dict[str, bytes]) -> bool:
    """Whether the release's ZIP holds this descriptor (but for what publishing adds), and these tables and sources
    byte for byte, and no other file of theirs (its other formats of the tables aside)."""
    files = release.files()
    published = json.loads(files[DESCRIPTOR])
    alternates = {a.get("path") for r in published.get("resources", []) for a in r.get("alternates", [])}
    for resource in published.get("resources", []):
        for key in PUBLISHED_ONLY:
            resource.pop(key, None)
    kept = {path: files.get(path) for path in package_files}
    released = set(files) - alternates - {DESCRIPTOR, README}
    return published == descriptor and kept == package_files and released == set(package_files)


def diff(old: dict[str, list[dict]], new: dict[str, list[dict]], keys: dict[str, list[str]]) -> dict[str, Changes]:
    """Row-level differences per resource, rows matched by primary key (``keys``: resource -> key fields).

    A resource new in ``new`` counts as all rows added.
    """
    result = {}
    for name in sorted(set(old) | set(new)):
        key_fields = keys[name]
        before = {_key(row, key_fields): row for row in old.get(name, [])}
        after = {_key(row, key_fields): row for row in new.get(name, [])}
        changes = Changes(
            added=[k for k in after if k not in before],
            removed=[k for k in before if k not in after],
            changed=[(k, _fields(before[k], after[k])) for k in after if k in before and before[k] != after[k]],
        )
        if changes:
            result[name] = changes
    return result


def changelog(
    releases: list[Release],
    version: DataVersion,
    current: dict[str, list[dict]],
    keys: dict[str, list[str]],
    notes: dict[str, str],
) -> list[Entry]:
    """Newest first: the working data against the last release (unless they are that release), then each release
    against the one before it."""
    entries = []
    previous_tables: dict[str, list[dict]] = {}
    previous_version = None
    for release in releases:
        tables = release.tables()
        changes = diff(previous_tables, tables, keys)
        date = release.descriptor().get("created", "")[:10]
        entries.append(Entry(release.version, previous_version, True, changes, notes.get(release.version, ""), date))
        previous_tables, previous_version = tables, release.version
    if not version.released or not releases:
        pending = diff(previous_tables, current, keys)
        raised = not releases or version.number != previous_version
        # A released version's notes are its own; changes not yet under a version of their own have the notes
        # under "## Unreleased" (Keep a Changelog's heading, renamed to the version when it is released).
        own_notes = (notes.get(version.number, "") if raised else "") or notes.get(UNRELEASED, "")
        entries.append(Entry(version.number if raised else None, previous_version, False, pending, own_notes))
    return entries[::-1]


# The heading in CHANGELOG.md of the notes on changes not yet released.
UNRELEASED = "Unreleased"
# A version's heading in CHANGELOG.md: "## 0.4.0 - 2026-12-04" (or Keep a Changelog's "## [0.4.0] - 2026-12-04").
HEADING = re.compile(r"^## +\[?([^\]\s]+)\]?(?:[ \t]+[-–—][ \t]+(\d{4}-\d{2}-\d{2}))?", re.MULTILINE)


def parse_notes(text: str) -> dict[str, str]:
    """CHANGELOG.md's sections by version: "## 0.2.0 …" up to the next "## "."""
    sections = re.split(r"^## +", text, flags=re.MULTILINE)[1:]
    return {
        section.split()[0].strip("[]"): section.split("\n", 1)[1].strip() if "\n" in section else ""
        for section in sections
    }


def release_dates(text: str) -> dict[str, str]:
    """The date each version's heading in CHANGELOG.md gives (YYYY-MM-DD), "" where it gives none."""
    return {match[1]: match[2] or "" for match in HEADING.finditer(text)}


def _key(row: dict, fields: list[str]) -> str:
    return " / ".join(row[f] for f in fields)


def _fields(old: dict, new: dict) -> list[tuple[str, str, str]]:
    return [(f, old.get(f, ""), new.get(f, "")) for f in new if old.get(f, "") != new.get(f, "")]
