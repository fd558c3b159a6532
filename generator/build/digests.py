"""Each part's digest: a part is generated and built again only when one of its inputs changed."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from generator.base.paths import ROOT as CODE
from generator.base.paths import SITE_CONFIGURATION, Paths
from generator.build.parts import Part, plans_of
from generator.downloads import manifest
from generator.package import load, relations
from generator.package.load import Inputs
from generator.site.assemble import Site
from generator.site.model import Model


def part_digests(
    paths: Paths, inputs: load.Inputs, site: Site, every, languages, when: datetime.datetime | None = None
) -> dict[str, str]:
    """Each part's digest (``digest``) from this build's inputs and the project's own files, and ``when``, the time
    stamped into its files (pipeline.build_time)."""
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
    rows = row_digests(inputs)
    return {part.name: digest(part, inputs, site.model, common, national_digest, rows) for part in every}


def digest(part: Part, inputs: Inputs, model: Model, common: str, national: str, rows: RowDigests) -> str:
    """The SHA-256 of everything a part's pages are made from: ``common`` (the generator, templates, site
    configuration, tools: ``common_digest``), then for the hub every file of the package and ``national`` (the
    digest of what only its pages show: releases, changelog), and for a region the descriptor and every row that
    belongs to no plan (``rows.shared``), its own plans' rows and their source texts."""
    h = hashlib.sha256(common.encode())
    if part.hub:
        h.update(national.encode())
        for path, content in sorted(inputs.files.items()):
            _add(h, path, content)
        return h.hexdigest()
    h.update(rows.shared.encode())
    for plan in plans_of(model, part):
        _add(h, plan.plan_id, rows.by_plan.get(plan.plan_id, "").encode())
        _add(h, plan.source_file, inputs.source_files[plan.source_file])
    return h.hexdigest()


@dataclass(frozen=True)
class RowDigests:
    shared: str  # the descriptor and every row that belongs to no plan
    by_plan: dict[str, str]  # plan_id -> its own rows


def row_digests(inputs: Inputs) -> RowDigests:
    """The digests of the package's rows by owner, from one pass over every table: shared by every region's digest.
    The rows of a resource owned by plans (relations.py) are their plan's; every other row (districts, plans,
    indicators, agencies, documents…) may show on any page, so it is an input of every part."""
    owned_by_plan = inputs.relations.owned
    shared = hashlib.sha256(json.dumps(inputs.descriptor, sort_keys=True, ensure_ascii=False).encode())
    owned: dict[str, list] = {}
    for resource, rows in sorted(inputs.text_rows.items()):
        if resource not in owned_by_plan:
            for row in rows:
                shared.update(json.dumps([resource, *row.values()], ensure_ascii=False).encode())
            continue
        for row, plan_id in zip(rows, relations.plans_of(inputs.relations, inputs.text_rows, resource), strict=True):
            owned.setdefault(plan_id or "", []).append([resource, *row.values()])
    by_plan = {plan_id: hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()
               for plan_id, rows in owned.items()}  # fmt: skip
    return RowDigests(shared.hexdigest(), by_plan)


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
