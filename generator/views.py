"""Derived tables for the comparison pages: pure functions of the model.

Each view answers one reader's question across plans; templates only lay
the answers out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .model import ActionArea, Agency, Indicator, Model, Plan, Target

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
    """The first of each group of targets that commit to the same thing."""
    seen: dict[tuple, Target] = {}
    for t in targets:
        key = (t.kind, t.comparator, t.value, t.value_min, t.value_max, t.target_year, t.per_year, t.hedge)
        seen.setdefault(key, t)
    return list(seen.values())


def stricter(row: IndicatorRow) -> list[Stricter]:
    """For each year, unit and kind of bound, the strictest plan's figure against the weakest's.

    A ceiling (不超过 1.25) is stricter when lower; a floor (35%以上) is stricter when
    higher. Levels, ranges, absolute amounts and figures of different kinds are not
    compared. One pass over the figures, whatever the number of plans.
    """
    groups: dict[tuple, list[Target]] = {}
    for targets in row.by_plan.values():
        for t in targets:
            if t.kind == "quantitative" and t.value is not None and t.unit in RELATIVE_UNITS and t.comparator in BOUNDS:
                groups.setdefault((t.target_year, t.unit, t.per_year, BOUNDS[t.comparator]), []).append(t)
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
            for responsibility in measure.responsible:
                counts.setdefault(responsibility.agency.agency_id, Counter())[plan.plan_id] += 1
    rows = [AgencyRow(a, {p.plan_id: counts[a.agency_id][p.plan_id] for p in model.plans}) for a in model.agencies]
    return sorted((r for r in rows if r.total), key=lambda r: (-r.total, r.agency.agency_id))


def own_or_city(rows: list[IndicatorRow]) -> list[tuple[Indicator, dict[str, str]]]:
    """For each indicator, how each district plan commits: own figure, dated result, or the city's figure.

    A plan with a figure counts as setting its own number even if it also defers elsewhere.
    """
    order = ("quantitative", "qualitative", "defers-to-city")
    result = []
    for row in rows:
        stance = {}
        for plan_id, targets in row.by_plan.items():
            kinds = {t.kind for t in targets}
            stance[plan_id] = next((k for k in order if k in kinds), "")
        result.append((row.indicator, stance))
    return result


@dataclass(frozen=True)
class YearBar:
    """A plan's commitments due in one year (or with no year), counted by action area."""

    year: int | None
    total: int
    areas: list[tuple[ActionArea, int]]  # in the areas' order

    def share(self, largest: int) -> float:
        """This bar's length as a percentage of the longest bar's."""
        return round(100 * self.total / largest, 1) if largest else 0.0


def plan_years(plan: Plan) -> list[YearBar]:
    """How many of a plan's commitments fall due in each year, by action area; undated ones last."""
    counts: dict[int | None, Counter] = defaultdict(Counter)
    for target in plan.targets:
        counts[target.target_year][target.indicator.area] += 1
    years = sorted(counts, key=lambda year: (year is None, year or 0))
    return [
        YearBar(year, sum(counts[year].values()), sorted(counts[year].items(), key=lambda item: item[0].sort_order))
        for year in years
    ]
