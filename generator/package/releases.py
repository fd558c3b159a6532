"""The released versions of the data: each one's ZIP as readers downloaded it, kept in releases/.

A release is the very ZIP readers downloaded, so its files stay downloadable byte for byte at a versioned URL,
and the changelog (site/history.py) compares its tables with the working data row by row.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Release:
    version: str
    archive: bytes  # the published ZIP

    def files(self) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(self.archive)) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    def descriptor(self) -> dict[str, Any]:
        descriptor: dict[str, Any] = json.loads(self.files()["datapackage.json"])
        return descriptor

    def tables(self) -> dict[str, list[dict[str, str]]]:
        files = self.files()
        return {r["name"]: read_csv(files[r["path"]]) for r in self.descriptor()["resources"]}


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def load_releases(archives: dict[str, bytes]) -> list[Release]:
    """The releases, oldest first, from each version's ZIP (releases/<version>.zip) by version."""
    return sorted(
        (Release(version, archive) for version, archive in archives.items()), key=lambda r: version_key(r.version)
    )


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def primary_keys(*descriptors: dict[str, Any]) -> dict[str, list[str]]:
    """Each resource's primary key, from any of the descriptors (later ones win)."""
    return {r["name"]: r["schema"]["primaryKey"] for d in descriptors for r in d["resources"]}


def release_files(release: Release, package_name: str) -> dict[str, bytes]:
    """What a release publishes at its versioned URL: the ZIP itself and the data files in it.

    The ZIP's README.md stays inside the ZIP: MkDocs would turn a loose one into a page.
    """
    files = {name: data for name, data in release.files().items() if name != "README.md"}
    return {f"{package_name}.zip": release.archive, **files}
