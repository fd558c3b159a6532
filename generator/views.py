"""Derived tables for the pages: pure functions of the model.

Each view answers one reader's question across plans; templates only lay the answers out. A region's
views are computed once (``regions``, kept on the Site) and shared by both languages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from . import text
from .model import (
    ActionArea,
    Agency,
    Chapter,
    Citation,
    District,
    Document,
    Indicator,
    Measure,
    Model,
    Plan,
    Region,
    Responsibility,
    Target,
)
from .outline import anchor
from .passages import Block

TIMELINE_YEARS = range(2022, 2031)
# The indicators every plan's main goals are about (the national and city plans set them): a plan's figures on them
# lead its page, before the other figures of its main goals (views.headline).
HEADLINE_INDICATORS = (
    "energy-intensity",
    "carbon-intensity",
    "non-fossil-share",
    "renewable-share",
    "coal-consumption",
)
HEADLINE_FIGURES = 4  # at most, so that the cards fit above the fold on a phone
# How a plan stands on an indicator, in the order of the columns that count them (own_or_city).
STANCES = ("quantitative", "qualitative", "defers-to-city")
# Bounds whose figure is a ceiling (不超过: lower is stricter) or a floor (以上: higher is stricter).
# A level (达到 14%) is not compared: districts start from different places.
BOUNDS = {"le": "ceiling", "lt": "ceiling", "ge": "floor", "gt": "floor"}
# Only shares and ratios are compared; an absolute amount (万千瓦, 家) depends on the district's size.
RELATIVE_UNITS = {"%", None}


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator across the district plans: each plan's distinct commitments to it."""

    indicator: Indicator
    by_plan: dict[str, list[Target]]  # plan_id -> targets, in document order

    @property
    def plan_count(self) -> int:
        return sum(map(bool, self.by_plan.values()))

    @property
    def targets(self) -> list[Target]:
        return [t for targets in self.by_plan.values() for t in targets]

    @property
    def filters(self) -> dict[str, str]:
        """The row's data-* attributes (filter_attributes), a code per commitment, plan by plan."""
        return filter_attributes(self.targets, COMPARISON_FILTERS)


@dataclass(frozen=True)
class Stricter:
    """Two plans' figures for one indicator and year, where one asks for more than the other."""

    stricter: Target
    weaker: Target


@dataclass(frozen=True)
class AgencyRow:
    agency: Agency
    by_plan: dict[str, int]  # plan_id -> number of measures the agency is named for

    @property
    def total(self) -> int:
        return sum(self.by_plan.values())


def by_indicator(model: Model) -> list[IndicatorRow]:
    """Indicators that any district plan commits to, ordered by action area and then by how many plans.

    A plan that states the same commitment twice (in its main goals and again in a
    chapter) shows it once.
    """
    rows = []
    for indicator in model.indicators:
        by_plan = {
            p.plan_id: distinct([t for t in p.targets if t.indicator is indicator]) for p in model.district_plans
        }
        if any(by_plan.values()):
            rows.append(IndicatorRow(indicator, by_plan))
    return sorted(rows, key=lambda r: (r.indicator.area.sort_order, -r.plan_count, r.indicator.name_zh))


def shared(rows: list[IndicatorRow]) -> list[IndicatorRow]:
    """Indicators that more than one district plan commits to."""
    return [r for r in rows if r.plan_count > 1]


def distinct(targets: list[Target]) -> list[Target]:
    """The first of each group of targets that commit to the same thing: the same indicator, kind, figure, year,
    qualifier and scope (two indicators' qualitative aims for one year are two commitments)."""
    seen: dict[tuple, Target] = {}
    for t in targets:
        key = (
            t.indicator.indicator_id, t.kind, t.comparator, t.value, t.value_min, t.value_max, t.target_year,
            t.per_year, t.hedge, t.scope,
        )  # fmt: skip
        seen.setdefault(key, t)
    return list(seen.values())


def stricter(row: IndicatorRow) -> list[Stricter]:
    """For each year, unit and kind of bound, the strictest plan's figure against the weakest's.

    A ceiling (不超过 1.25) is stricter when lower; a floor (35%以上) is stricter when
    higher. Levels, ranges, absolute amounts, figures of different kinds and figures that
    apply to different scopes (the whole district, new buildings only…) are not compared.
    One pass over the figures, whatever the number of plans.
    """
    groups: dict[tuple, list[Target]] = {}
    for targets in row.by_plan.values():
        for t in targets:
            if t.kind == "quantitative" and t.value is not None and t.unit in RELATIVE_UNITS and t.comparator in BOUNDS:
                groups.setdefault((t.target_year, t.unit, t.per_year, t.scope, BOUNDS[t.comparator]), []).append(t)
    notes = []
    for (*_, bound), figures in groups.items():
        ordered = sorted(figures, key=lambda t: t.value, reverse=bound == "floor")
        first, last = ordered[0], ordered[-1]
        if first.value != last.value and first.plan_id != last.plan_id:
            notes.append(Stricter(first, last))
    return notes


def coverage(model: Model) -> dict[str, dict[str, tuple[int, int]]]:
    """plan_id -> area_id -> (measures in chapters of that area, targets on indicators of that area)."""
    return {
        plan.plan_id: {
            area.area_id: (
                sum(m.chapter.area is area for m in plan.measures),
                sum(t.indicator.area is area for t in plan.targets),
            )
            for area in model.areas
        }
        for plan in model.plans
    }


def timeline(model: Model) -> dict[int, list[Target]]:
    """Every dated commitment from 2022 to 2030, by year, plans in order, each distinct commitment once."""
    years: dict[int, list[Target]] = {year: [] for year in TIMELINE_YEARS}
    for plan in model.plans:
        for target in distinct([t for t in plan.targets if t.target_year in years]):
            years[target.target_year].append(target)
    return {year: targets for year, targets in years.items() if targets}


def agencies(model: Model) -> list[AgencyRow]:
    """Each agency with the number of measures it is responsible for in each plan, busiest first."""
    counts: dict[str, Counter] = {}
    for plan in model.plans:
        for measure in plan.measures:
            for agency in dict.fromkeys(r.agency for r in measure.responsible):  # a body printed twice counts once
                counts.setdefault(agency.agency_id, Counter())[plan.plan_id] += 1
    none = Counter()  # an agency of the table that no plan of the region names
    rows = [
        AgencyRow(a, {p.plan_id: counts.get(a.agency_id, none)[p.plan_id] for p in model.plans}) for a in model.agencies
    ]
    return sorted((r for r in rows if r.total), key=lambda r: (-r.total, r.agency.agency_id))


@dataclass(frozen=True)
class AgencyMeasure:
    """A measure an agency is named for: how the plan names it there, and the measure's targets."""

    measure: Measure
    mentions: list[Responsibility]  # the agency's own, in printed order (a body printed twice is listed twice)
    targets: list[Target]  # the targets recorded under the measure, in document order

    @property
    def roles(self) -> list[str]:
        """The agency's roles for the measure, each once, in printed order."""
        return list(dict.fromkeys(r.role for r in self.mentions))


@dataclass(frozen=True)
class AgencyPlan:
    """One plan's measures that name an agency, in document order."""

    plan: Plan
    measures: list[AgencyMeasure]

    @property
    def targets(self) -> list[Target]:
        """The targets under those measures, measure by measure."""
        return [t for m in self.measures for t in m.targets]


@dataclass(frozen=True)
class AgencyPage:
    """One agency across a region's plans: every measure it is named for, and the targets under them."""

    agency: Agency
    printed_as: list[tuple[str, list[Plan]]]  # each name the plans print for it, with the plans that print it
    plans: list[AgencyPlan]  # the plans that name it, in the model's order

    @property
    def measure_count(self) -> int:
        return sum(len(p.measures) for p in self.plans)

    @property
    def target_count(self) -> int:
        return sum(len(p.targets) for p in self.plans)


def agency_pages(model: Model) -> list[AgencyPage]:
    """A page for each agency that a plan of the model names for a measure, busiest first (the order of
    ``agencies``)."""
    under: dict[str, list[Target]] = defaultdict(list)
    for target in model.targets:
        if target.measure:
            under[target.measure.measure_id].append(target)
    named: dict[str, dict[str, list[AgencyMeasure]]] = defaultdict(dict)  # agency_id -> plan_id -> measures
    printed: dict[str, dict[str, dict[str, Plan]]] = defaultdict(dict)  # agency_id -> name -> plans by id
    for plan in model.plans:
        for measure in plan.measures:
            mentions: dict[str, list[Responsibility]] = defaultdict(list)
            for r in measure.responsible:
                mentions[r.agency.agency_id].append(r)
                printed[r.agency.agency_id].setdefault(r.name_as_printed, {})[plan.plan_id] = plan
            for agency_id, own in mentions.items():
                entry = AgencyMeasure(measure, own, under[measure.measure_id])
                named[agency_id].setdefault(plan.plan_id, []).append(entry)
    plans = {plan.plan_id: plan for plan in model.plans}
    return [
        AgencyPage(
            row.agency,
            [(name, list(by_id.values())) for name, by_id in printed[row.agency.agency_id].items()],
            [AgencyPlan(plans[plan_id], measures) for plan_id, measures in named[row.agency.agency_id].items()],
        )
        for row in agencies(model)
    ]


def own_or_city(rows: list[IndicatorRow]) -> list[tuple[Indicator, dict[str, str]]]:
    """For each indicator, how each district plan commits: own figure, dated result, or the city's figure.

    A plan with a figure counts as setting its own number even if it also defers elsewhere.
    """
    result = []
    for row in rows:
        stance = {}
        for plan_id, targets in row.by_plan.items():
            kinds = {t.kind for t in targets}
            stance[plan_id] = next((k for k in STANCES if k in kinds), "")
        result.append((row.indicator, stance))
    return result


@dataclass(frozen=True)
class YearBar:
    """A plan's commitments due in one year (or with no year), counted by action area."""

    year: int | None
    total: int
    areas: list[tuple[ActionArea, int]]  # in the areas' order
    share: float  # this bar's length as a percentage of the longest bar's


def plan_years(plan: Plan) -> list[YearBar]:
    """How many of a plan's commitments fall due in each year, by action area; undated ones last."""
    counts: dict[int | None, Counter] = defaultdict(Counter)
    for target in plan.targets:
        counts[target.target_year][target.indicator.area] += 1
    years = sorted(counts, key=lambda year: (year is None, year or 0))
    largest = max((sum(c.values()) for c in counts.values()), default=0)
    return [
        YearBar(
            year,
            total := sum(counts[year].values()),
            sorted(counts[year].items(), key=lambda item: item[0].sort_order),
            round(100 * total / largest, 1) if largest else 0.0,
        )
        for year in years
    ]


# What the targets tables filter by: each row carries one data-<name> attribute per filter (filter_attributes), and
# each filter offers its values in the order of filter_options. A row of several commitments (the comparison's) lists
# one code per commitment, space-separated and in the same order in every attribute; a commitment with several hedge
# words joins them with "+". NO_VALUE stands for a missing year or hedge.
TARGET_FILTERS = ("area", "year", "kind", "hedge", "scope")
# The comparison's tables are already one per action area: it filters by plan instead.
COMPARISON_FILTERS = ("plan", "year", "kind", "hedge", "scope")
NO_VALUE = "none"


@dataclass(frozen=True)
class TargetRow:
    """A row of a plan's targets table: the target, the codes it is filtered by (data-* attributes), and its place
    in the plan (1, 2, ... in reading order), which the column of sections sorts by."""

    target: Target
    filters: dict[str, str]  # filter name -> code
    position: int


@dataclass(frozen=True)
class FilterOption:
    code: str  # as in the rows' data-* attribute
    value: object  # what the template names: an ActionArea, a year, a kind, a hedge word, a scope or a Plan; None


@dataclass(frozen=True)
class Filter:
    name: str  # the rows' data-<name>
    options: list[FilterOption]  # those that some row has, in the order readers expect


def hedge_words(target: Target) -> list[str]:
    return [word for word in (target.hedge or "").split("、") if word]


def filter_codes(target: Target) -> dict[str, str]:
    """The code of each filter for one target (the plan's id stands for its district)."""
    return {
        "plan": target.plan_id,
        "area": target.indicator.area.area_id,
        "year": str(target.target_year) if target.target_year else NO_VALUE,
        "kind": target.kind,
        "hedge": "+".join(hedge_words(target)) or NO_VALUE,
        "scope": target.scope,
    }


def filter_attributes(targets: list[Target], names: tuple[str, ...]) -> dict[str, str]:
    """The data-* attributes of a row of ``targets``: for each filter, their codes in order, space-separated."""
    codes = [filter_codes(t) for t in targets]
    return {name: " ".join(c[name] for c in codes) for name in names}


def filter_options(targets: list[Target], plans: list[Plan], names: tuple[str, ...] = TARGET_FILTERS) -> list[Filter]:
    """Each filter with the values that ``targets`` have: plans as given, areas in their order, years ascending
    (undated last), kinds as STANCES, hedges none first and then in order of first use, scopes as text.SCOPE_LABELS."""
    areas = sorted({t.indicator.area.area_id: t.indicator.area for t in targets}.values(), key=lambda a: a.sort_order)
    years = sorted({t.target_year for t in targets}, key=lambda y: (y is None, y or 0))
    hedges = list(dict.fromkeys(word for t in targets for word in hedge_words(t)))
    kinds = {t.kind for t in targets}
    scopes = {t.scope for t in targets}
    plan_ids = {t.plan_id for t in targets}
    options = {
        "plan": [FilterOption(p.plan_id, p) for p in plans if p.plan_id in plan_ids],
        "area": [FilterOption(a.area_id, a) for a in areas],
        "year": [FilterOption(str(y) if y else NO_VALUE, y) for y in years],
        "kind": [FilterOption(k, k) for k in STANCES if k in kinds],
        "hedge": ([FilterOption(NO_VALUE, None)] if any(not t.hedge for t in targets) else [])
        + [FilterOption(w, w) for w in hedges],
        "scope": [FilterOption(s, s) for s in text.SCOPE_LABELS if s in scopes],
    }
    return [Filter(name, options[name]) for name in names]


def reading_order(plan: Plan, document: list[Block]) -> list[Target]:
    """A plan's targets in the order their quotes stand in its source text (``document``, every quote marked)."""
    place = {quote_id: (n, start) for n, block in enumerate(document) for start, _, quote_id in block.marks}
    return sorted(plan.targets, key=lambda t: place[t.target_id])


def plan_targets(plan: Plan, document: list[Block]) -> list[TargetRow]:
    """A plan's targets, one row each, by action area (in the areas' order); within an area, figures first, then
    dated results, then the city's tasks, each in reading order."""
    in_order = reading_order(plan, document)
    position = {t.target_id: n for n, t in enumerate(in_order, start=1)}
    by_area = sorted(in_order, key=lambda t: (t.indicator.area.sort_order, STANCES.index(t.kind)))
    return [TargetRow(t, filter_attributes([t], TARGET_FILTERS), position[t.target_id]) for t in by_area]


def plan_filters(plan: Plan) -> list[Filter]:
    return filter_options(plan.targets, [plan])


def chapter_titles(plan: Plan) -> dict[str, Chapter]:
    """The plan's chapters by the anchor of their section in the source text, for its table of contents."""
    return {anchor(chapter.section): chapter for chapter in plan.chapters}


@dataclass(frozen=True)
class AreaRows:
    """The rows of one action area, and where one plan asks for more than another on them."""

    area: ActionArea
    rows: list[IndicatorRow]
    stricter: list[Stricter]


def by_area(rows: list[IndicatorRow]) -> list[AreaRows]:
    """Rows grouped by their indicator's action area, in the areas' order (rows keep their order within)."""
    groups: dict[int, list[IndicatorRow]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: r.indicator.area.sort_order):
        groups[row.indicator.area.sort_order].append(row)
    return [
        AreaRows(group[0].indicator.area, group, [note for row in group for note in stricter(row)])
        for group in groups.values()
    ]


@dataclass(frozen=True)
class PilotAnswer:
    """A district measure that answers one of the city pilot programme's contents, with the words that show it."""

    plan: Plan
    measure: Measure
    quotes: list[str]


@dataclass(frozen=True)
class PilotChapter:
    """A district plan's chapter of pilot actions: its measures, and how many of the pilot's contents they answer."""

    plan: Plan
    chapter: Chapter
    measures: int
    contents: int


def pilot_answers(model: Model, content: Chapter) -> list[PilotAnswer]:
    """The district measures that answer one content of the city's pilot programme, plans in order."""
    return [
        PilotAnswer(plan, measure, [quote for c, quote in measure.pilot_contents if c == content])
        for plan in model.district_plans
        for measure in plan.measures
        if any(c == content for c, _ in measure.pilot_contents)
    ]


def pilot_chapters(model: Model) -> list[PilotChapter]:
    """Each district plan's chapter of pilot actions (the first key chapter of the pilots area), if it has one."""
    result = []
    for plan in model.district_plans:
        chapter = next((c for c in plan.key_chapters if c.area.area_id == "pilots"), None)
        if chapter:
            measures = plan.measures_in(chapter)
            contents = {c.chapter_id for m in measures for c, _ in m.pilot_contents}
            result.append(PilotChapter(plan, chapter, len(measures), len(contents)))
    return result


def timeline_counts(model: Model, years: dict[int, list[Target]]) -> list[tuple[int, Plan, int]]:
    """Commitments due per year and plan (years in order, plans in order), where there are any."""
    counts = Counter((t.target_year, t.plan_id) for targets in years.values() for t in targets)
    return [
        (year, plan, counts[year, plan.plan_id]) for year in years for plan in model.plans if counts[year, plan.plan_id]
    ]


Tab = tuple[Plan | None, list[tuple[int, list[Target]]]]  # a plan (None: all plans), its years with targets


def timeline_tabs(model: Model, years: dict[int, list[Target]]) -> list[Tab]:
    """The timeline for all plans (None), then for each plan: its years that have commitments, with them."""
    tabs: list[Tab] = [(None, list(years.items()))]
    for plan in model.plans:
        own = [(year, [t for t in targets if t.plan_id == plan.plan_id]) for year, targets in years.items()]
        tabs.append((plan, [(year, targets) for year, targets in own if targets]))
    return tabs


# The levels of cited documents, in the order the policy lineage runs: from the centre down to the districts,
# then the laws and standards that every level applies.
LEVELS = ("national", "city", "district", "standard-or-law")


@dataclass(frozen=True)
class CitedDocument:
    """A document with every place a plan of the package names it, and the plan it is, if it is one."""

    document: Document
    citations: list[Citation]  # plans in the model's order, each plan's in document order
    plan: Plan | None  # the package's own plan that this document is

    @property
    def plan_ids(self) -> list[str]:
        """The plans that cite it, once each, in the model's order."""
        return list(dict.fromkeys(c.plan_id for c in self.citations))


@dataclass(frozen=True)
class Lineage:
    """One plan and the documents it names, by level (LEVELS): what the plan says it rests on."""

    plan: Plan
    by_level: dict[str, list[Document]]  # level -> documents, each once, in the order the plan first names them


def plan_citations(plan: Plan) -> list[tuple[Document, list[Citation]]]:
    """The documents a plan names, in the order it first names them, each with the places it does."""
    by_document: dict[str, tuple[Document, list[Citation]]] = {}
    for citation in plan.citations:
        by_document.setdefault(citation.document.document_id, (citation.document, []))[1].append(citation)
    return list(by_document.values())


def city_basis(plan: Plan) -> list[Document]:
    """The city documents a plan names as its basis, before its numbered parts (the notice or the opening text):
    what its commitments to meet "the city's assigned target" defer to. Empty when it names none there."""
    return list(dict.fromkeys(c.document for c in plan.citations if c.section is None and c.document.level == "city"))


def documents_by_level(model: Model) -> list[tuple[str, list[CitedDocument]]]:
    """Every document of the package by level (LEVELS order), each with its citations; within a level, the
    documents most plans cite first, then in the table's order. Levels without documents are left out."""
    plans = {plan.plan_id: plan for plan in model.plans}
    order = {plan_id: i for i, plan_id in enumerate(plans)}
    cited: dict[str, list[Citation]] = defaultdict(list)
    for citation in sorted(model.citations, key=lambda c: order[c.plan_id]):  # stable: document order kept
        cited[citation.document.document_id].append(citation)
    rows = [CitedDocument(d, cited[d.document_id], plans.get(d.plan_id or "")) for d in model.documents]
    levels = [(level, [r for r in rows if r.document.level == level]) for level in LEVELS]
    return [(level, sorted(docs, key=lambda r: -len(r.plan_ids))) for level, docs in levels if docs]


def lineage(model: Model) -> list[Lineage]:
    """Each plan (in the model's order) and the documents it names, by level."""
    result = []
    for plan in model.plans:
        by_level: dict[str, list[Document]] = {level: [] for level in LEVELS}
        for document, _ in plan_citations(plan):
            by_level[document.level].append(document)
        result.append(Lineage(plan, by_level))
    return result


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
        tiles.sort(key=lambda tile: tile.place)
    shown = {tile.state for tile in tiles}
    columns = max((column for _, column in layout.values()), default=None) if layout else None
    return TileGrid(tiles, columns, [state for state in TILE_STATES if state in shown])


@dataclass(frozen=True)
class RegionView:
    """Everything a region's comparison pages and charts show, computed once for both languages."""

    region: Region
    model: Model  # the region's plans only (Model.within)
    rows: list[IndicatorRow]  # by_indicator
    by_area: list[AreaRows]
    shared: list[IndicatorRow]  # the indicators with a page of their own
    shared_by_area: list[AreaRows]
    stricter: dict[str, list[Stricter]]  # indicator_id -> notes, for the shared indicators
    own_or_city: list[tuple[Indicator, dict[str, str]]]
    stance_counts: dict[str, Counter]  # plan_id -> stance -> number of indicators
    timeline: dict[int, list[Target]]
    timeline_counts: list[tuple[int, Plan, int]]
    timeline_tabs: list[Tab]
    coverage: dict[str, dict[str, tuple[int, int]]]
    agencies: list[AgencyRow]
    agency_pages: list[AgencyPage]  # in the order of agencies
    pilot: Plan | None  # the city's pilot programme that the district plans are read against
    pilot_answers: list[tuple[Chapter, list[PilotAnswer]]]  # each of its contents, with the measures answering it
    pilot_chapters: list[PilotChapter]
    collection: Collection  # which of its districts have a plan in the package
    filters: list[Filter]  # what the comparison of targets filters by (COMPARISON_FILTERS)

    @property
    def code(self) -> str:
        return self.region.code

    @property
    def pilot_contents_answered(self) -> int:
        """How many of the pilot programme's contents some district measure answers."""
        return sum(1 for _, answers in self.pilot_answers if answers)

    @property
    def pilot_measures(self) -> int:
        """How many answers the district measures give to the pilot programme's contents, all contents together."""
        return sum(len(answers) for _, answers in self.pilot_answers)


def region_view(model: Model, region: Region) -> RegionView:
    within = model.within(region)
    rows = by_indicator(within)
    common = shared(rows)
    stances = own_or_city(rows)
    years = timeline(within)
    pilot = within.city_plans[0] if within.city_plans else None
    return RegionView(
        region=region,
        model=within,
        rows=rows,
        by_area=by_area(rows),
        shared=common,
        shared_by_area=by_area(common),
        stricter={row.indicator.indicator_id: stricter(row) for row in common},
        own_or_city=stances,
        stance_counts={p.plan_id: Counter(stance[p.plan_id] for _, stance in stances) for p in within.district_plans},
        timeline=years,
        timeline_counts=timeline_counts(within, years),
        timeline_tabs=timeline_tabs(within, years),
        coverage=coverage(within),
        agencies=agencies(within),
        agency_pages=agency_pages(within),
        pilot=pilot,
        pilot_answers=[(c, pilot_answers(within, c)) for c in pilot.key_chapters] if pilot else [],
        pilot_chapters=pilot_chapters(within) if pilot else [],
        collection=collection(region),
        filters=filter_options([t for row in rows for t in row.targets], within.district_plans, COMPARISON_FILTERS),
    )


def regions(model: Model) -> tuple[RegionView, ...]:
    """The views of each region whose district plans are compared (those that have any), in the model's order."""
    return tuple(region_view(model, region) for region in model.regions if region.district_plans)


def compared_indicators(regions: tuple[RegionView, ...]) -> dict[str, tuple[str, frozenset[str]]]:
    """Where each compared plan's targets are compared with the other districts': plan_id -> its region's code and
    the indicators with a page of their own (the others stand in the region's table of targets). A plan that is
    not compared (the city's programme) is not in it. One pass over the regions, whatever the number of plans."""
    compared = {}
    for view in regions:
        shared_ids = frozenset(row.indicator.indicator_id for row in view.shared)
        compared |= {plan.plan_id: (view.code, shared_ids) for plan in view.model.district_plans}
    return compared


@dataclass(frozen=True)
class Headline:
    """What a plan's page leads with: its peak commitment, its key figures, and how much it holds."""

    peak: Target | None  # the commitment to peak carbon emissions by the earliest year (Plan.peak_year)
    figures: list[Target]  # its key quantitative targets
    targets: int
    quantitative: int
    measures: int
    agencies: int


def headline(plan: Plan) -> Headline:
    """A plan's peak commitment, and its key figures: its quantitative targets on the HEADLINE_INDICATORS (in that
    order), then the other figures of its main goals (the targets outside its key-task chapters), in document
    order; each distinct commitment once, at most HEADLINE_FIGURES."""
    peaks = [t for t in plan.targets if t.indicator.indicator_id == "carbon-peak" and t.target_year == plan.peak_year]
    figures = [t for t in plan.quantitative if t.indicator.indicator_id in HEADLINE_INDICATORS]
    figures.sort(key=lambda t: HEADLINE_INDICATORS.index(t.indicator.indicator_id))  # stable: document order kept
    leading = {t.target_id for t in figures}
    figures += [t for t in plan.quantitative if t.chapter is None and t.target_id not in leading]
    return Headline(
        peak=peaks[0] if plan.peak_year and peaks else None,
        figures=distinct(figures)[:HEADLINE_FIGURES],
        targets=len(plan.targets),
        quantitative=len(plan.quantitative),
        measures=len(plan.measures),
        agencies=len(plan.agencies),
    )
