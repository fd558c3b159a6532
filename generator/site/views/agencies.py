"""The views of the agencies: which bodies the plans name as responsible, and for what. Pure functions of the model."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.site.model import (
    Agency,
    Measure,
    Model,
    Plan,
    Responsibility,
    Target,
)


@dataclass(frozen=True)
class AgencyRow:
    agency: Agency
    by_plan: dict[str, int]  # plan_id -> number of measures the agency is named for

    @property
    def total(self) -> int:
        return sum(self.by_plan.values())


def agencies(model: Model) -> list[AgencyRow]:
    """Each agency with the number of measures it is responsible for in each plan, busiest first."""
    counts: dict[str, Counter] = {}
    for plan in model.plans:
        for measure in plan.measures:
            for agency in dict.fromkeys(r.agency for r in measure.responsible):  # a body printed twice counts once
                counts.setdefault(agency.agency_id, Counter())[plan.plan_id] += 1
    none: Counter[str] = Counter()  # an agency of the table that no plan of the region names
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


# Past this many rows (the measures an agency is named for and the targets under them, all its region's plans
# together), its page says how many each plan names it for and links to the plan's own page, which lists every
# measure with its responsible bodies, instead of listing them: a row takes about 0.43 KB of the English page, which
# reached 1.26 MB for a region of 100 synthetic plans; at most 1,000 rows keep it under 0.5 MB.
AGENCY_LISTED = 1_000


@dataclass(frozen=True)
class AgencyPage:
    """One agency across a region's plans: every measure it is named for, and the targets under them."""

    agency: Agency
    printed_as: list[tuple[str, list[Plan]]]  # each name the plans print for it, with the plans that print it
    plans: list[AgencyPlan]  # the plans that name it, in the model's order
    listed: bool  # whether the page lists the measures and targets (AGENCY_LISTED), or each plan's counts

    @property
    def measure_count(self) -> int:
        return sum(len(p.measures) for p in self.plans)

    @property
    def target_count(self) -> int:
        return sum(len(p.targets) for p in self.plans)


def agency_pages(model: Model) -> list[AgencyPage]:
    """A page for each agency that a plan of the model names for a measure, busiest first (the order of
    ``agencies``), which lists its measures and their targets if they are at most AGENCY_LISTED."""
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
    pages = []
    for row in agencies(model):
        naming = [AgencyPlan(plans[plan_id], measures) for plan_id, measures in named[row.agency.agency_id].items()]
        rows = sum(len(p.measures) + len(p.targets) for p in naming)
        printed_as = [(name, list(by_id.values())) for name, by_id in printed[row.agency.agency_id].items()]
        pages.append(AgencyPage(row.agency, printed_as, naming, rows <= AGENCY_LISTED))
    return pages
