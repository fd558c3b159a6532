"""Derived tables for the pages: pure functions of the model.

Each view answers one reader's question across plans; templates only lay the answers out. A region's
views are computed once (``regions``, kept on the Site) and shared by both languages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

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
    Target,
)
from .outline import anchor

TIMELINE_YEARS = range(2022, 2031)
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
    rows = [AgencyRow(a, {p.plan_id: counts[a.agency_id][p.plan_id] for p in model.plans}) for a in model.agencies]
    return sorted((r for r in rows if r.total), key=lambda r: (-r.total, r.agency.agency_id))


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


def plan_targets(plan: Plan) -> list[tuple[ActionArea, list[Target]]]:
    """A plan's targets by action area (in the areas' order); within an area, figures first, then dated results,
    then the city's tasks, each in document order."""
    by_area: dict[int, list[Target]] = defaultdict(list)
    for target in sorted(plan.targets, key=lambda t: t.indicator.area.sort_order):
        by_area[target.indicator.area.sort_order].append(target)
    return [
        (targets[0].indicator.area, sorted(targets, key=lambda t: t.kind, reverse=True)) for targets in by_area.values()
    ]


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
    pilot: Plan | None  # the city's pilot programme that the district plans are read against
    pilot_answers: list[tuple[Chapter, list[PilotAnswer]]]  # each of its contents, with the measures answering it
    pilot_chapters: list[PilotChapter]
    collection: Collection  # which of its districts have a plan in the package

    @property
    def code(self) -> str:
        return self.region.code


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
        pilot=pilot,
        pilot_answers=[(c, pilot_answers(within, c)) for c in pilot.key_chapters] if pilot else [],
        pilot_chapters=pilot_chapters(within) if pilot else [],
        collection=collection(region),
    )


def regions(model: Model) -> tuple[RegionView, ...]:
    """The views of each region whose district plans are compared (those that have any), in the model's order."""
    return tuple(region_view(model, region) for region in model.regions if region.district_plans)
