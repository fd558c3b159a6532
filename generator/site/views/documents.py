"""The views of the cited documents: by level, and the lineage from the centre down to the districts. Pure functions
of the model."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.site.model import (
    Citation,
    Document,
    Model,
    Plan,
)
from generator.site.views.plans import plan_citations

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
