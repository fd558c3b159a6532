"""The site in parts: each province-level division's pages, and the national hub, built apart and put together.

A part holds its own pages, has its own navigation and is built by MkDocs on its own, into a folder of its own;
the published site is the union of the parts' folders. A page then carries only its part's navigation, so its size
does not depend on how many plans the other parts have, and a part whose inputs did not change is not built again.

With a single region (the real data: Tianjin) there is one part, ``site``, which holds everything: the site
looks as it always has. With several, the ``hub`` holds the national pages (home, lists, data, downloads, the
hand-written pages) and each region code names a part with its plans, their sources and its comparisons.

Pure: which part a page belongs to and the digest of a part's inputs. The build (build.py) decides what to redo.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from . import urls
from .load import Inputs
from .model import Model, Plan

WHOLE, HUB = "site", "hub"
# Rows that belong to a plan carry its plan_id, or the measure_id of one of its measures. Every other row (districts,
# plans, indicators, agencies, documents…) may show on any page, so it is an input of every part.
OWNED_BY_PLAN = ("chapters", "measures", "targets", "measure_agencies", "projects", "citations", "pilot_alignment")


@dataclass(frozen=True)
class Part:
    name: str  # WHOLE, HUB or a region's code
    hub: bool  # holds the national pages and the downloads
    regions: frozenset[str]  # the codes of the regions whose pages it holds

    def holds(self, code: str) -> bool:
        return code in self.regions

    def holds_path(self, path: str, plan_regions: dict[str, str]) -> bool:
        """Whether a file under docs/ (``plans/x.md#anchor``) is this part's: a region's pages, charts and share
        images are its part's, everything else the hub's."""
        region = region_of_path(path.partition("#")[0], plan_regions)
        return self.hub if region is None else self.holds(region)


def split(model: Model) -> tuple[Part, ...]:
    """One part for a single region; else the hub, then a part per region in code order."""
    if len(model.regions) <= 1:
        return (everything(model),)
    return (Part(HUB, True, frozenset()), *(Part(r.code, False, frozenset([r.code])) for r in model.regions))


def region_of_path(path: str, plan_regions: dict[str, str]) -> str | None:
    """The code of the region whose part holds a file under docs/ (urls.py's addresses), None for the hub's:
    plans/<plan_id>.md, sources/<plan_id>.md and charts/share/<plan_id>.png are their plan's region's;
    compare/<code>/… and charts/<code>/… the region's; the rest (lists, data, downloads, hand-written pages) the
    hub's."""
    steps = path.split("/")
    if len(steps) == 2 and steps[0] in (urls.PLANS, urls.SOURCES):
        return plan_regions.get(steps[1].split(".")[0])
    if len(steps) == 3 and steps[:2] == [urls.CHARTS, "share"]:
        return plan_regions.get(steps[2].split(".")[0])
    if len(steps) > 2 and steps[0] in (urls.COMPARE, urls.CHARTS):
        return steps[1]
    return None


def plans_of(model: Model, part: Part) -> list[Plan]:
    return [plan for region in model.regions if part.holds(region.code) for plan in region.plans]


# Digests: a part is built again only when one of its inputs changed (build.py compares with the last build's).


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
    """The digests of the package's rows by owner, from one pass over every table: shared by every region's digest."""
    plan_of_measure = {row["measure_id"]: row["plan_id"] for row in inputs.text_rows.get("measures", [])}
    shared = hashlib.sha256(json.dumps(inputs.descriptor, sort_keys=True, ensure_ascii=False).encode())
    owned: dict[str, list] = {}
    for resource, rows in sorted(inputs.text_rows.items()):
        for row in rows:
            values = [resource, *row.values()]
            if resource not in OWNED_BY_PLAN:
                shared.update(json.dumps(values, ensure_ascii=False).encode())
            else:
                plan_id = row.get("plan_id") or plan_of_measure.get(row.get("measure_id", ""), "")
                owned.setdefault(plan_id, []).append(values)
    by_plan = {plan_id: hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()
               for plan_id, rows in owned.items()}  # fmt: skip
    return RowDigests(shared.hexdigest(), by_plan)


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


def everything(model: Model) -> Part:
    """The whole site as one part: every page (what render.render_pages makes when given no part)."""
    return Part(WHOLE, True, frozenset(region.code for region in model.regions))
