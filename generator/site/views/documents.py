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

# Past this many documents in the package, the national index lists one by one only the national documents and the
# laws and standards, which plans everywhere share, and gives for each region how many city and district documents
# its plans cite, linked to the region's page of documents: local documents grow with the plans (the synthetic
# package's were projected to make the page about 1.2 MB at 3,000 plans).
DOCUMENTS_LISTED = 1_000
SHARED_LEVELS = ("national", "standard-or-law")

# Past this many citations in a region, its page of documents names under each document the plans that cite it, each
# linked to its first citation in the plan's original text, instead of a table of every citation with its quote, and
# leaves out the table of each plan's lineage (a plan's own page lists the documents it names, with their quotes): at
# 3.4 KB a plan, a region of about 280 plans passed 1 MB; a plan's name is a small part of what its citation was.
CITATIONS_LISTED = 1_000


def indexed_levels(documents: int) -> tuple[str, ...]:
    """The levels whose documents the national index lists one by one, for a package of ``documents`` documents:
    every level up to DOCUMENTS_LISTED, past it SHARED_LEVELS."""
    return LEVELS if documents <= DOCUMENTS_LISTED else tuple(level for level in LEVELS if level in SHARED_LEVELS)


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

    @property
    def first_citations(self) -> list[Citation]:
        """Each citing plan's first citation of it, plans in the model's order."""
        first: dict[str, Citation] = {}
        for citation in self.citations:
            first.setdefault(citation.plan_id, citation)
        return list(first.values())


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

    @property
    def citation_count(self) -> int:
        return sum(len(row.citations) for _, rows in self.levels for row in rows)

    @property
    def listed(self) -> bool:
        """Whether it lists every citation with its quote, and the lineage (CITATIONS_LISTED)."""
        return self.citation_count <= CITATIONS_LISTED


@dataclass(frozen=True)
class IndexedDocument:
    """A document in the national index: how many plans cite it, and each region whose plans do, with how many."""

    document: Document
    plan: Plan | None  # the package's own plan that this document is
    regions: list[tuple[Region, int]]  # in the model's order; the citations are on each region's page

    @property
    def plan_count(self) -> int:
        return sum(n for _, n in self.regions)


@dataclass(frozen=True)
class DocumentIndex:
    """The national index of documents: the levels it lists one by one (indexed_levels), and for the others each
    region's page of documents with how many of that level its plans cite."""

    listed: list[tuple[str, list[IndexedDocument]]]  # LEVELS order, levels without documents left out
    counted: list[tuple[str, list[tuple[Region, int]]]]  # LEVELS order; regions in the model's order


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


def document_index(model: Model, pages: list[RegionDocuments]) -> DocumentIndex:
    """Every document of the package's indexed levels (indexed_levels) once, by level (LEVELS order), with the
    regions' pages (``pages``: region_documents) that hold its citations; within a level, those most plans cite
    first, then in the table's order. A document no plan cites is listed too, with no region. The other levels are
    counted per region."""
    packaged = {plan.plan_id: plan for plan in model.plans}
    indexed = indexed_levels(len(model.documents))
    regions: dict[str, list[tuple[Region, int]]] = defaultdict(list)
    counted: dict[str, list[tuple[Region, int]]] = defaultdict(list)
    for page in pages:
        for level, rows in page.levels:
            if level not in indexed:
                counted[level].append((page.region, len(rows)))
                continue
            for row in rows:
                regions[row.document.document_id].append((page.region, len(row.plan_ids)))
    entries = [
        IndexedDocument(d, packaged.get(d.plan_id or ""), regions[d.document_id])
        for d in model.documents
        if d.level in indexed
    ]
    levels = [(level, [e for e in entries if e.document.level == level]) for level in LEVELS]
    return DocumentIndex(
        [(level, sorted(docs, key=lambda e: -e.plan_count)) for level, docs in levels if docs],
        [(level, counted[level]) for level in LEVELS if counted[level]],
    )
