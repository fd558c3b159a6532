"""The views of the cited documents: each region's (the documents its plans cite, by level, with those citations, and
the lineage from the centre down to its districts), and the national index, which names each document once with how
many plans cite it and the regions whose pages hold those citations. Pure functions of the model: a region's page
grows with the region's plans only, the index with the number of documents."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.site.model import (
    Citation,
    Document,
    Model,
    Plan,
    Region,
)
from generator.site.views.plans import plan_citations

# The levels of cited documents, in the order the policy lineage runs: from the centre down to the districts,
# then the laws and standards that every level applies.
LEVELS = ("national", "city", "district", "standard-or-law")


@dataclass(frozen=True)
class CitedDocument:
    """A document with every place a region's plans name it, and the package's plan it is, if it is one."""

    document: Document
    citations: list[Citation]  # plans in the model's order, each plan's in document order
    plan: Plan | None  # the package's own plan that this document is (of any region)

    @property
    def plan_ids(self) -> list[str]:
        """The plans that cite it, once each, in the model's order."""
        return list(dict.fromkeys(c.plan_id for c in self.citations))


@dataclass(frozen=True)
class Lineage:
    """One plan and the documents it names, by level (LEVELS): what the plan says it rests on."""

    plan: Plan
    by_level: dict[str, list[Document]]  # level -> documents, each once, in the order the plan first names them


@dataclass(frozen=True)
class RegionDocuments:
    """A region's page of documents: what its plans cite, by level, with their citations, and its plans' lineage."""

    region: Region
    levels: list[tuple[str, list[CitedDocument]]]  # LEVELS order; only the documents its plans cite
    lineage: list[Lineage]  # each of its plans

    @property
    def code(self) -> str:
        return self.region.code


@dataclass(frozen=True)
class IndexedDocument:
    """A document in the national index: how many plans cite it, and each region whose plans do, with how many."""

    document: Document
    plan: Plan | None  # the package's own plan that this document is
    regions: list[tuple[Region, int]]  # in the model's order; the citations are on each region's page

    @property
    def plan_count(self) -> int:
        return sum(n for _, n in self.regions)


def cited_by(plans: list[Plan], documents: list[Document], packaged: dict[str, Plan]) -> list[CitedDocument]:
    """Each of ``documents`` (in their table's order) that ``plans`` cite, with those citations, plans in order."""
    cited: dict[str, list[Citation]] = defaultdict(list)
    for plan in plans:
        for citation in plan.citations:  # in document order
            cited[citation.document.document_id].append(citation)
    return [
        CitedDocument(d, cited[d.document_id], packaged.get(d.plan_id or ""))
        for d in documents
        if d.document_id in cited
    ]


def by_level(rows: list[CitedDocument]) -> list[tuple[str, list[CitedDocument]]]:
    """Documents by level (LEVELS order); within a level, those most plans cite first, then in the table's order.
    Levels without documents are left out."""
    levels = [(level, [r for r in rows if r.document.level == level]) for level in LEVELS]
    return [(level, sorted(docs, key=lambda r: -len(r.plan_ids))) for level, docs in levels if docs]


def lineage(plans: list[Plan]) -> list[Lineage]:
    """Each plan (in the order given) and the documents it names, by level."""
    result = []
    for plan in plans:
        levels: dict[str, list[Document]] = {level: [] for level in LEVELS}
        for document, _ in plan_citations(plan):
            levels[document.level].append(document)
        result.append(Lineage(plan, levels))
    return result


def region_documents(model: Model) -> list[RegionDocuments]:
    """The page of documents of each region whose plans cite any, in the model's order. One pass over the citations,
    whatever the number of regions."""
    packaged = {plan.plan_id: plan for plan in model.plans}
    pages = []
    for region in model.regions:
        rows = cited_by(region.plans, model.documents, packaged)
        if rows:
            pages.append(RegionDocuments(region, by_level(rows), lineage(region.plans)))
    return pages


def document_index(model: Model, pages: list[RegionDocuments]) -> list[tuple[str, list[IndexedDocument]]]:
    """Every document of the package once, by level (LEVELS order), with the regions' pages (``pages``:
    region_documents) that hold its citations; within a level, those most plans cite first, then in the table's
    order. A document no plan cites is listed too, with no region."""
    packaged = {plan.plan_id: plan for plan in model.plans}
    regions: dict[str, list[tuple[Region, int]]] = defaultdict(list)
    for page in pages:
        for _, rows in page.levels:
            for row in rows:
                regions[row.document.document_id].append((page.region, len(row.plan_ids)))
    entries = [IndexedDocument(d, packaged.get(d.plan_id or ""), regions[d.document_id]) for d in model.documents]
    levels = [(level, [e for e in entries if e.document.level == level]) for level in LEVELS]
    return [(level, sorted(docs, key=lambda e: -e.plan_count)) for level, docs in levels if docs]
