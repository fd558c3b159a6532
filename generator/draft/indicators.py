"""The most likely indicator of each proposed target, from the indicators table, or a new one proposed.

Pure: proposals and the indicators table in, indicator ids (and new indicator rows) out. Likeness is the share of
two-character pieces the indicator's name and the words before the figure have in common (Dice); a quantitative
target only takes an indicator of its own unit.
"""

from __future__ import annotations

from .targets import Proposal

MATCH = 0.3  # below this likeness a new indicator is proposed
SUBJECT_CHARS = 30  # a new indicator's name is at most the last this many characters of the words before the figure


def pieces(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def likeness(a: str, b: str) -> float:
    pa, pb = pieces(a), pieces(b)
    return 2 * len(pa & pb) / (len(pa) + len(pb)) if pa and pb else 0.0


def best_indicator(proposal: Proposal, indicators: list[dict[str, str]]) -> tuple[str | None, float]:
    row = proposal.row
    candidates = [i for i in indicators if row["kind"] != "quantitative" or (i["unit"] or "") == row["unit"]]
    scored = [(likeness(i["name_zh"], proposal.subject), i["indicator_id"]) for i in candidates]
    score, indicator_id = max(scored, default=(0.0, None))
    return (indicator_id, score) if score >= MATCH else (None, score)


def assign_indicators(
    plan_id: str, proposals: list[Proposal], indicators: list[dict[str, str]], areas: dict[str, str]
) -> list[dict[str, str]]:
    """Set each proposal's indicator_id; return the new indicators proposed. ``areas`` maps a section to its
    chapter's action area, for a new indicator's area_id."""
    new: dict[tuple[str, str], dict[str, str]] = {}
    for proposal in proposals:
        indicator_id, score = best_indicator(proposal, indicators)
        if indicator_id is None:
            name = _name(proposal.subject)
            key = (name, proposal.row["unit"])
            if key not in new:
                new[key] = _indicator(f"{plan_id}-i{len(new) + 1:03d}", name, proposal, areas)
            indicator_id = new[key]["indicator_id"]
        proposal.row["indicator_id"] = indicator_id
        proposal.row["confidence"] = f"{min(proposal.confidence, 0.3 + score):.2f}"
        proposal.row["reason"] = f"{proposal.reason}; indicator likeness {score:.2f}"
    return list(new.values())


def _name(subject: str) -> str:
    return subject.strip("，、：；。 ")[-SUBJECT_CHARS:] or subject


def _indicator(indicator_id: str, name: str, proposal: Proposal, areas: dict[str, str]) -> dict[str, str]:
    section = proposal.row["section"]
    area = next((a for s, a in sorted(areas.items(), key=lambda x: -len(x[0])) if section.startswith(s)), "overall")
    return {
        "indicator_id": indicator_id,
        "name_zh": name,
        "name_en": "",
        "unit": proposal.row["unit"] if proposal.row["kind"] == "quantitative" else "",
        "area_id": area,
        "definition": "",
        "definition_zh": "",
        "translation": "",
    }
