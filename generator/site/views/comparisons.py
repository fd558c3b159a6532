"""The views of a region's comparison pages: its plans side by side by indicator, by year, by action area and by
agency, computed once per region (``regions``, kept on the Site) and shared by both languages. Pure functions of the
model: each view answers one reader's question across plans; templates only lay the answers out."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.site.model import (
    ActionArea,
    Chapter,
    Indicator,
    Measure,
    Model,
    Plan,
    Region,
    Target,
)
from generator.site.views.agencies import AgencyPage, AgencyRow, agencies, agency_pages
from generator.site.views.home import Collection, collection
from generator.site.views.plans import (
    COMPARISON_FILTERS,
    STANCES,
    Filter,
    distinct,
    filter_attributes,
    filter_options,
)

TIMELINE_YEARS = range(2022, 2031)


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
    def years(self) -> list[int]:
        """The years its commitments are due, ascending (undated ones left out)."""
        return sorted({t.target_year for t in self.targets if t.target_year})

    @property
    def filters(self) -> dict[str, str]:
        """The row's data-* attributes (filter_attributes), a code per commitment, plan by plan."""
        return filter_attributes(self.targets, COMPARISON_FILTERS)


@dataclass(frozen=True)
class Stricter:
    """Two plans' figures for one indicator and year, where one asks for more than the other."""

    stricter: Target
    weaker: Target


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
        ordered = sorted(figures, key=lambda t: t.value or 0, reverse=bound == "floor")  # each has a value (above)
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
            years[target.target_year or 0].append(target)  # a year of the timeline (above)
    return {year: targets for year, targets in years.items() if targets}


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


# Past this many dated commitments in a region, its timeline lists how many each plan has due in each year, each
# linked to the plan's own page filtered to that year (urls.targets_due), instead of every commitment: a commitment
# takes about 0.45 KB of the English page, so the page stays well under 1 MB whatever the number of plans.
TIMELINE_LISTED = 1_000

# Past this many district plans in a region, its comparison by indicator gives each indicator the number of plans
# that commit to it, linked to the indicator's own page, instead of a column per plan: a column takes about 9 KB of
# the page (912 KB for a region of 100 plans at 300 synthetic plans), and a real province has 200 plans or more.
TARGETS_COLUMNS = 40

# What the timeline's commitments filter by: the plan, and the year (which hides the other years' tables).
TIMELINE_FILTERS = ("plan", "year")


@dataclass(frozen=True)
class DueRow:
    """A commitment on the timeline, with the codes it is filtered by (its row's data-* attributes)."""

    target: Target
    filters: dict[str, str]


@dataclass(frozen=True)
class TimelineListing:
    """What the timeline page lists below its chart: each dated commitment once, by year (``listed``), with the menus
    that filter them; or, past TIMELINE_LISTED commitments, each year's plans with how many they have due."""

    listed: bool
    total: int  # how many commitments are due, all years together
    rows: list[tuple[int, list[DueRow]]]  # listed: each year's commitments, plans in order
    due: list[tuple[int, list[tuple[Plan, int]]]]  # not listed: each year's plans (in order) and their counts
    filters: list[Filter]  # listed: the menus (TIMELINE_FILTERS)


def timeline_listing(
    model: Model, years: dict[int, list[Target]], counts: list[tuple[int, Plan, int]], most: int | None = None
) -> TimelineListing:
    """The timeline's listing: every commitment of ``years`` once, when there are at most ``most``; else the plans
    due each year (``counts``: timeline_counts), which link onward to each plan's own commitments of that year.
    ``most``: TIMELINE_LISTED unless given."""
    dated = [t for targets in years.values() for t in targets]
    if len(dated) <= (TIMELINE_LISTED if most is None else most):
        rows = [(year, [DueRow(t, filter_attributes([t], TIMELINE_FILTERS)) for t in ts]) for year, ts in years.items()]
        return TimelineListing(True, len(dated), rows, [], filter_options(dated, model.plans, TIMELINE_FILTERS))
    due: dict[int, list[tuple[Plan, int]]] = defaultdict(list)
    for year, plan, n in counts:
        due[year].append((plan, n))
    return TimelineListing(False, len(dated), [], list(due.items()), [])


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
    timeline_listing: TimelineListing
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
    def targets_in_columns(self) -> bool:
        """Whether the comparison by indicator gives each plan a column (TARGETS_COLUMNS)."""
        return len(self.model.district_plans) <= TARGETS_COLUMNS

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
    counts = timeline_counts(within, years)
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
        timeline_counts=counts,
        timeline_listing=timeline_listing(within, years, counts),
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
    compared: dict[str, tuple[str, frozenset[str]]] = {}
    for view in regions:
        shared_ids = frozenset(row.indicator.indicator_id for row in view.shared)
        compared |= {plan.plan_id: (view.code, shared_ids) for plan in view.model.district_plans}
    return compared
