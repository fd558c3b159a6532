"""Each part's digest: a part is generated and built again only when one of its inputs changed."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable

from generator.base.paths import ROOT as CODE
from generator.base.paths import SITE_CONFIGURATION, Paths
from generator.build.parts import Part, plans_of
from generator.downloads import manifest
from generator.package import load
from generator.package.load import Inputs
from generator.package.regional import Positions
from generator.site.assemble import Site
from generator.site.model import Model


def part_digests(
    paths: Paths,
    inputs: load.Inputs,
    site: Site,
    every,
    languages,
    when: datetime.datetime | None = None,
    *,
    made_from: dict[str, Positions],
) -> dict[str, str]:
    """Each part's digest (``digest``) from this build's inputs and the project's own files, and ``when``, the time
    stamped into its files (pipeline.build_time); ``made_from``: each region's part's rows (package/regional.py
    region_rows), for a site in parts."""
    package = paths.package_dir.relative_to(paths.root).as_posix() + "/"
    own = [(path, content) for path, content in inputs.files.items() if not path.startswith(package)]
    for name in SITE_CONFIGURATION:
        found = [paths.root / name] if (paths.root / name).is_file() else (paths.root / name).rglob("*")
        own += [(p.relative_to(paths.root).as_posix(), p.read_bytes()) for p in found if p.is_file()]
    own += running_code()
    # Every targets table names the data's version in its rows' download (share.js): a release, or the first change
    # after one, builds every part again.
    tools = manifest.tool_versions() | {"languages": ",".join(languages), "data_version": site.version.published}
    tools["report_error_url"] = inputs.settings.report_error_url  # the configured one, or the release's default
    tools["when"] = when.isoformat() if when else ""
    common = common_digest(own, tools)
    national = [(p.name, p.read_bytes()) for p in sorted(paths.releases_dir.glob("*.zip"))]
    national += [("CHANGELOG.md", inputs.changelog_notes.encode()), ("CITATION.cff", inputs.citation.encode())]
    national_digest = common_digest(national, {})
    return {part.name: digest(part, inputs, site.model, common, national_digest, made_from.get(part.name, {}))
            for part in every}  # fmt: skip


def digest(part: Part, inputs: Inputs, model: Model, common: str, national: str, rows: Positions) -> str:
    """The SHA-256 of everything a part's pages are made from: ``common`` (the generator, templates, site
    configuration, tools: ``common_digest``), then for the hub every file of the package and ``national`` (the
    digest of what only its pages show: releases, changelog), and for a region the descriptor, the ``rows`` it is
    made from (package/regional.py region_rows: its plans' rows, the rows they refer to, also in another region,
    and every row of no region) and its plans' source texts."""
    h = hashlib.sha256(common.encode())
    if part.hub:
        h.update(national.encode())
        for path, content in sorted(inputs.files.items()):
            _add(h, path, content)
        return h.hexdigest()
    _add(h, "descriptor", json.dumps(inputs.descriptor, sort_keys=True, ensure_ascii=False).encode())
    for resource, positions in sorted(rows.items()):
        table = inputs.text_rows[resource]
        _add(h, resource, json.dumps([list(table[i].values()) for i in positions], ensure_ascii=False).encode())
    for plan in plans_of(model, part):
        _add(h, plan.source_file, inputs.source_files[plan.source_file])
    return h.hexdigest()


def running_code() -> list[tuple[str, bytes]]:
    """The generator that runs, wherever the project is (a copy of a project holds only its site configuration):
    each file's name and content."""
    code = [p for p in (CODE / "generator").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return [(f"(running) {p.relative_to(CODE).as_posix()}", p.read_bytes()) for p in code]


def common_digest(named_files: Iterable[tuple[str, bytes]], tools: dict[str, str]) -> str:
    """What every part depends on: the files that make pages (by name and content) and the tools' versions."""
    h = hashlib.sha256()
    for name, content in sorted(named_files):
        _add(h, name, content)
    _add(h, "tools", json.dumps(tools, sort_keys=True).encode())
    return h.hexdigest()


def _add(h, name: str, content: bytes) -> None:
    """Name and length first, so that no two different lists of files hash alike."""
    h.update(f"{name}\0{len(content)}\0".encode())
    h.update(content)
