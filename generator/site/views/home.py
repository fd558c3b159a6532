"""The views of the home page: each region's collection of plans, laid out as a grid of district tiles. Pure
functions of the model."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from generator.package.passages import Block
from generator.site.model import (
    District,
    Measure,
    Plan,
    Region,
)


@dataclass(frozen=True)
class DistrictPlans:
    """One district of a region and its carbon-peaking plans in the package (none: not yet collected)."""

    district: District
    plans: list[Plan]  # in the plans table's order


@dataclass(frozen=True)
class Collection:
    """Which districts of a region the package holds a plan of, and which not yet: derived from the plans table."""

    districts: list[DistrictPlans]  # every district of the region, in code order
    covered: list[DistrictPlans]  # those with a plan in the package
    missing: list[DistrictPlans]  # those without


def collection(region: Region) -> Collection:
    """Each district of the region with its district plans in the package, in code order."""
    plans: dict[str, list[Plan]] = defaultdict(list)
    for plan in region.district_plans:
        plans[plan.district.code].append(plan)
    districts = [DistrictPlans(district, plans[district.code]) for district in region.districts]
    return Collection(districts, [d for d in districts if d.plans], [d for d in districts if not d.plans])


# Where each district sits on a region's tile grid, (row, column) from the top left: a schematic map, each
# district a tile roughly where it lies, with no boundary drawn (a published map of China needs map review; a
# grid of tiles does not). Tianjin: 蓟州 in the far north; 武清, 宝坻 and 宁河 across the north; the six central
# districts (红桥 and 河北 above 南开, 和平 and 河东, 河西 below) ringed by 北辰 to the north, 西青 to the west,
# 东丽 to the east and 津南 to the south-east; 滨海新区 on the coast and 静海 in the south-west.
# A region without a layout here gets its tiles in code order, as many to a row as fit.
TILE_LAYOUTS = {
    "120000": {
        "120119": (1, 3),
        "120114": (2, 2), "120115": (2, 3), "120117": (2, 4),
        "120113": (3, 2), "120106": (3, 3), "120105": (3, 4), "120110": (3, 5),
        "120111": (4, 1), "120104": (4, 2), "120101": (4, 3), "120102": (4, 4), "120116": (4, 5),
        "120118": (5, 1), "120103": (5, 3), "120112": (5, 4),
    },
}  # fmt: skip


# What a tile says of its district: the status of its plan in the package (plans.status), or not yet collected.
TILE_STATES = ("in-force", "draft", "amended", "superseded", "missing")


@dataclass(frozen=True)
class Tile:
    """One district on the tile grid: its plans, what the tile says of them (TILE_STATES), and where it sits."""

    district: District
    plans: list[Plan]
    state: str
    place: tuple[int, int] | None  # (row, column); None: in code order


@dataclass(frozen=True)
class TileGrid:
    tiles: list[Tile]  # in reading order: row by row, west to east, or in code order
    columns: int | None  # the layout's width; None without a layout
    legend: list[str]  # the states shown, in TILE_STATES order


def tile_grid(code: str, c: Collection) -> TileGrid:
    """A region's districts as tiles, placed as TILE_LAYOUTS says (every district of the region, or none: a layout
    that misses one is not used), each in the state of its first plan."""
    layout = TILE_LAYOUTS.get(code, {})
    if {d.district.code for d in c.districts} - layout.keys():
        layout = {}
    tiles = [
        Tile(d.district, d.plans, d.plans[0].status if d.plans else "missing", layout.get(d.district.code))
        for d in c.districts
    ]
    if layout:
        tiles.sort(key=lambda tile: tile.place or (0, 0))
    shown = {tile.state for tile in tiles}
    columns = max((column for _, column in layout.values()), default=None) if layout else None
    return TileGrid(tiles, columns, [state for state in TILE_STATES if state in shown])


# Whom the city's pilot programme addresses (its notice's first line) and names in what it asks: every district's
# development and reform commission. A district page without a plan quotes each sentence of the programme that does.
EVERY_DISTRICT = "各区发展改革委"
_SENTENCE = re.compile(r"[^。；]+[。；]?")


@dataclass(frozen=True)
class CityAsk:
    """A measure of the city's programme and its sentences, verbatim, that ask something of every district."""

    measure: Measure
    sentences: list[str]


def city_asks(programme: Plan | None, blocks: list[Block]) -> list[CityAsk]:
    """The sentences of the programme's measures (its own text, as the source page shows it) that name every
    district's development and reform commission, by measure in the text's order; none without a programme."""
    if programme is None:
        return []
    measures = {m.section: m for m in programme.measures}
    found: dict[str, list[str]] = {}
    for block in blocks:
        if block.kind != "paragraph" or block.section not in measures:
            continue
        for sentence in _SENTENCE.findall(block.text):
            if EVERY_DISTRICT in sentence:
                found.setdefault(block.section, []).append(sentence.strip())
    return [CityAsk(measures[section], sentences) for section, sentences in found.items()]
