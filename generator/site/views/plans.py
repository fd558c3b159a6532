"""The views of a plan's page: its targets in reading order with their filters, its headline figures, its
counts by year and the documents it cites. Pure functions of the model."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.base.outline import anchor
from generator.package.passages import Block
from generator.site.model import (
    SCOPES,
    ActionArea,
    Chapter,
    Citation,
    Document,
    Plan,
    Target,
)

# The indicators every plan's main goals are about (the national and city plans set them): a plan's figures on them
# lead its page, before the other figures of its main goals (views.headline).
HEADLINE_INDICATORS = (
    "energy-intensity",
    "carbon-intensity",
    "non-fossil-share",
    "renewable-share",
    "coal-consumption",
)

# How a plan stands on an indicator, in the order of the columns that count them (own_or_city).
STANCES = ("quantitative", "qualitative", "defers-to-city")


HEADLINE_FIGURES = 4  # at most, so that the cards fit above the fold on a phone


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
    related: tuple[Target, ...] = ()  # the plan's other commitments on the same goal (same_goal), in table order


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
    (undated last), kinds as STANCES, hedges none first and then in order of first use, scopes as model.SCOPES."""
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
        "scope": [FilterOption(s, s) for s in SCOPES if s in scopes],
    }
    return [Filter(name, options[name]) for name in names]


def reading_order(plan: Plan, document: list[Block]) -> list[Target]:
    """A plan's targets in the order their quotes stand in its source text (``document``, every quote marked)."""
    place = {quote_id: (n, start) for n, block in enumerate(document) for start, _, quote_id in block.marks}
    return sorted(plan.targets, key=lambda t: place[t.target_id])


def plan_targets(plan: Plan, document: list[Block]) -> list[TargetRow]:
    """A plan's targets, one row each, by action area (in the areas' order); within an area, figures first, then
    dated results, then the city's tasks, each in reading order; the commitments on one goal (same_goal) together,
    where the first of them stands."""
    in_order = reading_order(plan, document)
    position = {t.target_id: n for n, t in enumerate(in_order, start=1)}
    by_area = sorted(in_order, key=lambda t: (t.indicator.area.sort_order, STANCES.index(t.kind)))
    related = same_goal(by_area)
    return [
        TargetRow(t, filter_attributes([t], TARGET_FILTERS), position[t.target_id], related.get(t.target_id, ()))
        for t in together(by_area, related)
    ]


def goal(target: Target) -> tuple[str, int | None, str]:
    """What a commitment is about: its indicator, its year and whom it applies to."""
    return (target.indicator.indicator_id, target.target_year, target.scope)


def same_goal(targets: list[Target]) -> dict[str, tuple[Target, ...]]:
    """For each target that shares its goal (indicator, year, scope) with another of ``targets`` where one of them
    only defers to the city's assigned task and another states the plan's own figure or aim, the others, in the
    order of ``targets``: a reader who meets one should see that the plan says both."""
    groups: dict[tuple, list[Target]] = defaultdict(list)
    for t in targets:
        groups[goal(t)].append(t)
    related: dict[str, tuple[Target, ...]] = {}
    for group in groups.values():
        kinds = {t.kind for t in group}
        if "defers-to-city" in kinds and len(kinds) > 1:
            related |= {t.target_id: tuple(o for o in group if o is not t) for t in group}
    return related


def together(targets: list[Target], related: dict[str, tuple[Target, ...]]) -> list[Target]:
    """``targets`` in their order, except that the targets related to one follow it at once."""
    placed: dict[str, Target] = {}
    for t in targets:
        for each in (t, *related.get(t.target_id, ())):
            placed.setdefault(each.target_id, each)
    return list(placed.values())


def plan_filters(plan: Plan) -> list[Filter]:
    return filter_options(plan.targets, [plan])


def chapter_titles(plan: Plan) -> dict[str, Chapter]:
    """The plan's chapters by the anchor of their section in the source text, for its table of contents."""
    return {anchor(chapter.section): chapter for chapter in plan.chapters}


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
