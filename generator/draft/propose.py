"""A whole draft, proposed from one document: the plan row, chapters, measures, agencies and targets, linked.

Pure: the source text and the reference tables (districts, agencies, indicators) in, a ``Draft`` out. Every row
starts as ``pending``; targets carry their confidence and the reason they were proposed. ``account`` says in a few
lines what was drafted and what the document did not give, for the command to print.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.base import sources as src
from generator.base.source_text import Source
from generator.draft import agencies, head, indicators, structure, targets

PENDING = "pending"
# The tables of a draft, in the order they are written and accepted (a row's references come first).
TABLES = ("plans", "agencies", "indicators", "chapters", "measures", "measure_agencies", "targets")
# Columns a draft has beyond the published table's: the review, and for targets why they were proposed.
DRAFT_COLUMNS = {"targets": ("review", "confidence", "reason")}
REVIEW = ("review",)


@dataclass
class Draft:
    plan_id: str
    source_file: str  # sources/<plan_id>.txt
    source: bytes
    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # every row with its review column


def draft_columns(name: str) -> tuple[str, ...]:
    return DRAFT_COLUMNS.get(name, REVIEW)


def propose(
    data: bytes, reference: dict[str, list[dict[str, str]]], district_code: str | None = None, plan_id: str = ""
) -> Draft:
    """``reference`` holds the published districts, agencies and indicators tables, as text rows."""
    source = Source.decode(data)
    plan = head.propose_plan(source.text, reference["districts"], district_code)
    plan["plan_id"] = plan_id or plan["plan_id"]
    plan_id = plan["plan_id"]
    source_file = f"sources/{plan_id}.txt"
    plan |= {"source_file": source_file, "source_sha256": src.sha256(data)}
    outline = structure.propose_structure(plan_id, source)
    links, new_agencies = agencies.propose_agencies(
        plan_id, outline.measures, outline.paragraphs, reference["agencies"]
    )
    proposals = targets.propose_targets(plan_id, source, pilot=plan["kind"] == "city-pilot-programme")
    areas = {c["section"]: c["area_id"] for c in outline.chapters}
    new_indicators = indicators.assign_indicators(plan_id, proposals, reference["indicators"], areas)
    target_rows = [p.row for p in proposals]
    _link_targets(plan_id, target_rows, outline.chapters, outline.measures)
    tables = {
        "plans": [plan],
        "agencies": new_agencies,
        "indicators": new_indicators,
        "chapters": outline.chapters,
        "measures": outline.measures,
        "measure_agencies": links,
        "targets": target_rows,
    }
    for rows in tables.values():
        for row in rows:
            row.setdefault("review", PENDING)
    return Draft(plan_id, source_file, data, tables)


def account(draft: Draft) -> str:
    """What happened: how many rows of each table were drafted, and what was not found in the document."""
    tables = draft.tables
    kinds = [row["kind"] for row in tables["targets"]]
    of_kind = ", ".join(
        f"{kinds.count(k)} {k}" for k in ("quantitative", "qualitative", "defers-to-city") if k in kinds
    )
    counts = ", ".join(f"{len(rows)} {name}" for name, rows in tables.items())
    lines = [f"Drafted {counts}" + (f" ({of_kind} targets)." if of_kind else ".")]
    missing = [f"plan row: no {', '.join(empty)} found" if (empty := _empty_head(tables["plans"])) else ""]
    if not Source.decode(draft.source).outline:
        missing.append("no outline: chapters and measures not drafted, targets have an empty section")
    elif not tables["chapters"]:
        missing.append("an outline, but no chapters in it: chapters and measures not drafted")
    if tables["measures"] and not tables["measure_agencies"]:
        missing.append("no agency bracket closes a measure: no measure_agencies drafted")
    if tables["targets"] and not any(row["target_year"] for row in tables["targets"]):
        missing.append("no target year anywhere: every target is undated")
    if not tables["targets"]:
        missing.append("no target: no figure, deadline or deferral found")
    return "\n".join(lines + [f"Not found: {m}." for m in missing if m])


def _empty_head(plans: list[dict[str, str]]) -> list[str]:
    """The fields of the plan row read from the document's head that it did not give."""
    fields = ("title", "issuer", "issue_date", "district_code")
    return [field for field in fields for row in plans if not row.get(field)]


def _link_targets(plan_id: str, rows: list[dict], chapters: list[dict], measures: list[dict]) -> None:
    """Each target's id, and the measure and chapter its section stands in (the longest section that contains it)."""
    by_section = {m["section"]: m for m in measures}
    chapter_sections = {c["section"]: c["chapter_id"] for c in chapters}
    for index, row in enumerate(rows, start=1):
        row["target_id"] = f"{plan_id}-t{index:03d}"
        section = row["section"]
        measure = by_section.get(section) or _within(section, by_section)
        if measure:
            row["measure_id"], row["chapter_id"] = measure["measure_id"], measure["chapter_id"]
        else:
            row["chapter_id"] = _within(section, chapter_sections) or ""
        # keep the column order of the published table, then the draft's own columns
        for name in ("review", "confidence", "reason"):
            row[name] = row.pop(name, PENDING if name == "review" else "")


def _within(section: str, by_section: dict):
    """The value of the longest key that ``section`` starts with (三（三）专栏2 is within 三（三）)."""
    keys = [key for key in by_section if section.startswith(key)]
    return by_section[max(keys, key=len)] if keys else None
