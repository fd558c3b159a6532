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
    if not model.in_parts:
        return (everything(model),)
    return (Part(HUB, True, frozenset()), *(Part(r.code, False, frozenset([r.code])) for r in model.regions))


def plans_of(model: Model, part: Part) -> list[Plan]:
    return [plan for region in model.regions if part.holds(region.code) for plan in region.plans]


def everything(model: Model) -> Part:
    """The whole site as one part: every page of the catalogue."""
    return Part(WHOLE, True, frozenset(region.code for region in model.regions))


# The search's indexes. The search page merges every index it is given, and one search fetches from each its entry,
# metadata and filter, and the chunk of the index that holds each word it looks up (the query, each of its Chinese
# characters and each synonym: three to six chunks). A chunk's size does not grow with the index, so an index costs
# a search about the same whatever it holds: measured in Chromium at 300 synthetic plans, English 碳达峰 read 157 KB
# of chunks from three regions of 100 plans indexed apart and 42 KB from the same three indexed together, whose
# metadata (11 KB) grows with its pages. So the regions are indexed in a few large groups: the regions of one of
# GB/T 2260's great areas (the code's first digit: 1 North China, 2 the North-East, 3 the East, 4 the Centre and
# South, 5 the South-West, 6 the North-West, 7 Taiwan, 8 Hong Kong and Macao) share an index. At most eight beside
# the hub's, whatever the number of plans; a region keeps its group when others are added, so a region rebuilt
# changes only its group's index (made again from the group's built pages: pipeline.index_searches).
def search_group(code: str) -> str:
    """The name of the search index a region's pages are in (pagefind/parts/<name>/): its great area."""
    return f"area-{code[0]}"


def search_groups(every: tuple[Part, ...]) -> dict[str, tuple[Part, ...]]:
    """The search indexes beside the hub's, by name, with the parts each indexes, in code order; none for a site of
    one part, whose index is its own (pagefind/)."""
    groups: dict[str, tuple[Part, ...]] = {}
    for part in every:
        if not part.hub:
            groups[search_group(part.name)] = (*groups.get(search_group(part.name), ()), part)
    return dict(sorted(groups.items()))
