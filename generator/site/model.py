"""Model stage: the validated tables as linked objects that the templates read.

Pure: tables in, model out. Everything a page shows is derived here once,
so templates only lay it out.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from generator.package.relations import Relations, plans_of

T = TypeVar("T")


@dataclass(frozen=True)
class District:
    code: str
    name_zh: str
    name_en: str
    level: str
    parent_code: str | None
    translation: str  # how the row's English was made: machine, reviewed or human


@dataclass(frozen=True)
class ActionArea:
    area_id: str
    name_zh: str
    name_en: str
    sort_order: int
    translation: str


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    name_zh: str
    name_en: str
    unit: str | None
    area: ActionArea
    definition: str
    definition_zh: str  # the definition in Chinese, shown on the Chinese pages (a translation of definition)
    translation: str


@dataclass(frozen=True)
class Agency:
    agency_id: str
    name_zh: str
    name_en: str
    kind: str
    translation: str


@dataclass(frozen=True)
class Responsibility:
    """One body named as responsible for one measure, as the plan prints it."""

    agency: Agency
    role: str
    name_as_printed: str


@dataclass(frozen=True)
class Chapter:
    chapter_id: str
    plan_id: str
    part: str
    area: ActionArea
    section: str
    title: str
    title_en: str
    translation: str


@dataclass
class Measure:
    measure_id: str
    plan_id: str
    chapter: Chapter
    section: str
    number: str
    kind: str
    title: str
    title_en: str
    translation: str
    responsible: list[Responsibility] = field(default_factory=list)  # in the order the plan names them
    projects: list[Project] = field(default_factory=list)
    # The city pilot programme's construction contents this measure answers, with the words that show it.
    pilot_contents: list[tuple[Chapter, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Project:
    project_id: str
    plan_id: str
    measure: Measure
    kind: str
    name: str
    name_en: str
    translation: str


# Whom a target applies to (targets.scope), in the order of the descriptor's enum (tests/test_model.py).
SCOPES = ("district", "named-area", "group", "new-buildings", "project")


@dataclass(frozen=True)
class Target:
    target_id: str
    plan_id: str
    chapter: Chapter | None
    measure: Measure | None
    section: str
    indicator: Indicator
    kind: str
    comparator: str | None
    value: Decimal | None
    value_min: Decimal | None
    value_max: Decimal | None
    unit: str | None
    direction: str
    target_year: int | None
    baseline_year: int | None
    per_year: bool
    hedge: str | None
    scope: str  # who it applies to: district, named-area, group, new-buildings or project
    scope_as_printed: str | None  # the quote's words that name them; None for the whole district
    scope_as_printed_en: str | None  # those words in English
    quote: str
    quote_occurrence: int | None  # which place of the source the quote means, when it stands in several
    statement_en: str
    translation: str

    @property
    def responsible(self) -> list[Responsibility]:
        """The bodies responsible for this target: those the plan names for the measure it stands in. Empty when it
        stands outside a numbered measure (the main goals) or the plan names none for it: no guess from elsewhere
        (the model has no bodies for chapters)."""
        return self.measure.responsible if self.measure else []


@dataclass(frozen=True)
class Document:
    """A document that a plan names: a policy document, law, regulation or standard, as the plans print it."""

    document_id: str
    title: str
    title_en: str
    issuer: str | None
    doc_number: str | None
    level: str  # national, city, district or standard-or-law
    plan_id: str | None  # set when the document is one of the package's plans
    translation: str


@dataclass(frozen=True)
class Citation:
    """One place where a plan names a document, with the plan's words."""

    citation_id: str
    plan_id: str
    document: Document
    section: str | None  # None: the issuing notice or the opening text, before the plan's numbered parts
    quote: str
    quote_occurrence: int | None  # which place of the source the quote means, when it stands in several


@dataclass
class Plan:
    plan_id: str
    district: District
    kind: str
    title: str
    title_en: str
    issuer: str
    issuer_en: str
    issue_date: datetime.date
    doc_number: str | None
    doc_number_secondary: str | None  # a number that only a secondary copy gives, never the source (see its note)
    doc_number_source: str | None
    doc_number_source_en: str | None
    publication_note: str | None
    publication_note_en: str | None
    status: str
    source_file: str
    source_sha256: str
    received_format: str | None  # txt, html, docx or pdf: the form the source text was extracted from
    received_sha256: str | None  # the original's SHA-256 (not published); None where the text is what was received
    official_url: str | None  # the document's page on its government's website, once a maintainer records it
    translation: str
    chapters: list[Chapter] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)  # in document order

    @property
    def projects(self) -> list[Project]:
        return [p for m in self.measures for p in m.projects]

    @property
    def short_name(self) -> str:
        """What readers call the plan: the district's name, or the programme's title."""
        return self.district.name_zh if self.kind == "district-plan" else self.title

    @property
    def short_name_en(self) -> str:
        return self.district.name_en if self.kind == "district-plan" else self.title_en

    @property
    def peak_year(self) -> int | None:
        """The year the plan commits to peak carbon emissions by, if it says."""
        years = [t.target_year for t in self.targets if t.indicator.indicator_id == "carbon-peak" and t.target_year]
        return min(years, default=None)

    @property
    def quantitative(self) -> list[Target]:
        return [t for t in self.targets if t.kind == "quantitative"]

    @property
    def key_chapters(self) -> list[Chapter]:
        return [c for c in self.chapters if c.part == "key-tasks"]

    @property
    def agencies(self) -> list[Agency]:
        """Every body responsible for a measure of this plan, once each."""
        return list(dict.fromkeys(r.agency for m in self.measures for r in m.responsible))

    def measures_in(self, chapter: Chapter) -> list[Measure]:
        return [m for m in self.measures if m.chapter is chapter]


@dataclass
class Region:
    """A province-level division (天津市 is one) and the plans issued within it.

    Plans are compared within their region: at national scale a comparison across
    every plan would be thousands of columns wide.
    """

    division: District
    plans: list[Plan]
    # Every district-level division within it (the districts table's, in code order), with a plan in the package
    # or not: which have one is the views' to say (views.collection), never stored.
    districts: list[District] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.division.code

    @property
    def district_plans(self) -> list[Plan]:
        return [p for p in self.plans if p.kind == "district-plan"]

    @property
    def targets(self) -> list[Target]:
        return [t for p in self.plans for t in p.targets]

    @property
    def district_targets(self) -> list[Target]:
        return [t for p in self.district_plans for t in p.targets]


@dataclass
class Model:
    districts: list[District]
    plans: list[Plan]
    indicators: list[Indicator]
    areas: list[ActionArea]
    targets: list[Target]
    measures: list[Measure]
    agencies: list[Agency]
    row_counts: dict[str, int]
    regions: list[Region] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    @property
    def in_parts(self) -> bool:
        """Whether the site is built in parts, the hub and a part for each region (build/parts.py): more than one
        region."""
        return len(self.regions) > 1

    @property
    def district_plans(self) -> list[Plan]:
        return [p for p in self.plans if p.kind == "district-plan"]

    @property
    def city_plans(self) -> list[Plan]:
        return [p for p in self.plans if p.kind != "district-plan"]

    @property
    def kind_counts(self) -> Counter[str]:
        """How many targets are of each kind (quantitative, qualitative, defers-to-city); 0 for a kind with none."""
        return Counter(t.kind for t in self.targets)

    def within(self, region: Region) -> Model:
        """The same model with only the region's plans (and their targets and measures)."""
        ids = {p.plan_id for p in region.plans}
        return Model(
            districts=self.districts,
            plans=region.plans,
            indicators=self.indicators,
            areas=self.areas,
            targets=[t for t in self.targets if t.plan_id in ids],
            measures=[m for m in self.measures if m.plan_id in ids],
            agencies=self.agencies,
            row_counts=self.row_counts,
            regions=[region],
            documents=self.documents,
            citations=[c for c in self.citations if c.plan_id in ids],
        )


def regions_of(districts: dict[str, District], plans: list[Plan]) -> list[Region]:
    """Plans grouped under the province-level division above their district, in division-code order; each region
    with every district of the districts table within it, in code order."""

    def top(division: District) -> District:
        while division.parent_code:
            division = districts[division.parent_code]
        return division

    regions: dict[str, Region] = {}
    for plan in plans:
        division = top(plan.district)
        regions.setdefault(division.code, Region(division, [])).plans.append(plan)
    for code in sorted(districts):
        district = districts[code]
        if district.level == "district" and (region := regions.get(top(district).code)):
            region.districts.append(district)
    return [regions[code] for code in sorted(regions)]


def build_model(tables: dict[str, list[dict]], relations: Relations) -> Model:
    """The typed tables as linked objects; each chapter, measure, target and citation is its plan's, the plan that
    owns its row (relations.py)."""
    districts = {r["code"]: District(**r) for r in tables["districts"]}
    areas = {r["area_id"]: ActionArea(**r) for r in sorted(tables["action_areas"], key=lambda r: r["sort_order"])}
    indicators = _by_id("indicator_id", _indicators(tables, areas))
    plans = _by_id("plan_id", _plans(tables, districts))
    chapters = _chapters(tables, areas)
    agencies = {r["agency_id"]: Agency(**r) for r in tables["agencies"]}
    measures = _measures(tables, _by_id("chapter_id", chapters), agencies)
    documents = {r["document_id"]: Document(**r) for r in tables.get("documents", [])}
    citations = [
        Citation(**{k: v for k, v in r.items() if k != "document_id"}, document=documents[r["document_id"]])
        for r in tables.get("citations", [])
    ]
    targets = _targets(tables, _by_id("chapter_id", chapters), _by_id("measure_id", measures), indicators)
    _attach(plans, plans_of(relations, tables, "chapters"), chapters, lambda plan: plan.chapters)
    _attach(plans, plans_of(relations, tables, "measures"), measures, lambda plan: plan.measures)
    _attach(plans, plans_of(relations, tables, "citations"), citations, lambda plan: plan.citations)
    _attach(plans, plans_of(relations, tables, "targets"), targets, lambda plan: plan.targets)
    return Model(
        districts=list(districts.values()),
        plans=list(plans.values()),
        indicators=list(indicators.values()),
        areas=list(areas.values()),
        targets=targets,
        measures=measures,
        agencies=list(agencies.values()),
        row_counts={name: len(rows) for name, rows in tables.items()},
        regions=regions_of(districts, list(plans.values())),
        documents=list(documents.values()),
        citations=citations,
    )


def _by_id(field: str, items: list[T]) -> dict[str, T]:
    """Objects by their key, in their table's order."""
    return {getattr(item, field): item for item in items}


def _attach(plans: dict[str, Plan], owners: list, items: list[T], of: Callable[[Plan], list[T]]) -> None:
    """Each object to the list ``of`` the plan that owns its row (``owners``, row by row), in the table's order."""
    for plan_id, item in zip(owners, items, strict=True):
        of(plans[plan_id]).append(item)


def _indicators(tables: dict[str, list[dict]], areas: dict[str, ActionArea]) -> list[Indicator]:
    return [
        Indicator(**{k: v for k, v in r.items() if k != "area_id"}, area=areas[r["area_id"]])
        for r in tables["indicators"]
    ]


def _plans(tables: dict[str, list[dict]], districts: dict[str, District]) -> list[Plan]:
    return [
        Plan(**{k: v for k, v in r.items() if k != "district_code"}, district=districts[r["district_code"]])
        for r in tables["plans"]
    ]


def _chapters(tables: dict[str, list[dict]], areas: dict[str, ActionArea]) -> list[Chapter]:
    return [
        Chapter(**{k: v for k, v in r.items() if k != "area_id"}, area=areas[r["area_id"]]) for r in tables["chapters"]
    ]


def _measures(
    tables: dict[str, list[dict]], chapters: dict[str, Chapter], agencies: dict[str, Agency]
) -> list[Measure]:
    """The measures, each with the bodies responsible for it (in the order the plan names them), the pilot
    programme's contents it answers and its projects."""
    measures = [
        Measure(**{k: v for k, v in r.items() if k != "chapter_id"}, chapter=chapters[r["chapter_id"]])
        for r in tables["measures"]
    ]
    by_id = _by_id("measure_id", measures)
    for link in sorted(tables["measure_agencies"], key=lambda r: r["position"]):
        responsibility = Responsibility(agencies[link["agency_id"]], link["role"], link["name_as_printed"])
        by_id[link["measure_id"]].responsible.append(responsibility)
    for r in tables["pilot_alignment"]:
        by_id[r["measure_id"]].pilot_contents.append((chapters[r["content_id"]], r["quote"]))
    for r in tables["projects"]:
        measure = by_id[r["measure_id"]]
        measure.projects.append(Project(**{k: v for k, v in r.items() if k != "measure_id"}, measure=measure))
    return measures


def _targets(
    tables: dict[str, list[dict]],
    chapters: dict[str, Chapter],
    measures: dict[str, Measure],
    indicators: dict[str, Indicator],
) -> list[Target]:
    return [
        Target(
            **{k: v for k, v in r.items() if k not in ("chapter_id", "measure_id", "indicator_id")},
            chapter=chapters.get(r["chapter_id"]) if r["chapter_id"] else None,
            measure=measures.get(r["measure_id"]) if r["measure_id"] else None,
            indicator=indicators[r["indicator_id"]],
        )
        for r in tables["targets"]
    ]
