"""The site in parts: each province-level division's pages, and the national hub, built apart and put together.

A part holds its own pages, has its own navigation and is built by MkDocs on its own, into a folder of its own;
the published site is the union of the parts' folders. A page then carries only its part's navigation, so its size
does not depend on how many plans the other parts have, and a part whose inputs did not change is not built again.

With a single region (the real data: Tianjin) there is one part, ``site``, which holds everything: the site
looks as it always has. With several, the ``hub`` holds the national pages (home, lists, data, downloads, the
hand-written pages) and each region code names a part with its plans, their sources and its comparisons.

Pure: which parts the site has and which regions each holds; digests.py says when a part must be built again.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.site.model import Model, Plan

WHOLE, HUB = "site", "hub"


@dataclass(frozen=True)
class Part:
    name: str  # WHOLE, HUB or a region's code
    hub: bool  # holds the national pages and the downloads
    regions: frozenset[str]  # the codes of the regions whose pages it holds

    def holds(self, code: str) -> bool:
        return code in self.regions

    def holds_owner(self, owner: str | None) -> bool:
        """Whether a page or chart of the catalogue (pages/catalogue.py), owned by the region ``owner`` (None: a
        national page), is this part's."""
        return self.hub if owner is None else self.holds(owner)


def split(model: Model) -> tuple[Part, ...]:
    """One part for a single region; else the hub, then a part per region in code order."""
    if len(model.regions) <= 1:
        return (everything(model),)
    return (Part(HUB, True, frozenset()), *(Part(r.code, False, frozenset([r.code])) for r in model.regions))


def plans_of(model: Model, part: Part) -> list[Plan]:
    return [plan for region in model.regions if part.holds(region.code) for plan in region.plans]


def everything(model: Model) -> Part:
    """The whole site as one part: every page of the catalogue."""
    return Part(WHOLE, True, frozenset(region.code for region in model.regions))
