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
    plans: int = 0  # how many plans it holds (what its share of a search index is measured by: search_groups)

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
    regions = (Part(r.code, False, frozenset([r.code]), len(r.plans)) for r in model.regions)
    return (Part(HUB, True, frozenset()), *regions)


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
# South, 5 the South-West, 6 the North-West, 7 Taiwan, 8 Hong Kong and Macao) share an index, up to
# MOST_PLANS_SEARCHED plans. Past that, an area's regions, in code order, fill a group and start the next: indexing
# a group takes time and memory in proportion to its pages (Pagefind held about 3.8 MB a synthetic plan in Chinese:
# 3.3 GB for one group of 900 plans), and a rebuilt region's group is indexed again whole (65 s for 1,000 plans in
# both editions, 28 s for 400), while each group more costs every search: at 3,000 synthetic plans one search read
# 852 KB from the hub's index and five areas' and 1,282 KB from the hub's and twelve groups of at most 400 plans
# (benchmarks/ANALYSIS.md). The reader's search comes first: groups of up to 1,000 plans keep it under 1 MB. A region
# keeps its group when regions are added to other areas, so a region rebuilt changes only its group's index (made
# again from the group's built pages: pipeline.index_searches).
MOST_PLANS_SEARCHED = 1_000


def search_groups(every: tuple[Part, ...]) -> dict[str, tuple[Part, ...]]:
    """The search indexes beside the hub's, by name, with the parts each indexes, in code order; none for a site of
    one part, whose index is its own (pagefind/). An area's first group is named ``area-<digit>``, the next ones
    ``area-<digit>-2``, ``-3``…; a region of more than MOST_PLANS_SEARCHED plans is a group alone."""
    areas: dict[str, list[Part]] = {}
    for part in sorted((part for part in every if not part.hub), key=lambda part: part.name):
        areas.setdefault(part.name[0], []).append(part)
    groups: dict[str, tuple[Part, ...]] = {}
    for area, members in sorted(areas.items()):
        filled: list[list[Part]] = [[]]
        for part in members:
            if filled[-1] and sum(p.plans for p in filled[-1]) + part.plans > MOST_PLANS_SEARCHED:
                filled.append([])
            filled[-1].append(part)
        for number, group in enumerate(filled, start=1):
            groups[f"area-{area}" + (f"-{number}" if number > 1 else "")] = tuple(group)
    return groups
