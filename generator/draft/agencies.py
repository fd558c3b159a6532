"""The agencies responsible for each measure, proposed from the 责任单位 bracket that closes its text.

Pure: the measures and their texts in, rows of measure_agencies.csv (and of agencies.csv for names the agencies
table does not know) out. （区发展改革委、区商务局按职责分工负责） names agencies that share the work,
（区统计局牵头负责） one that leads it, （区住房建设委） or （区科技局负责） one that is responsible.
"""

from __future__ import annotations

import re

# The bracket that ends a paragraph: its names, then how they are responsible.
BRACKET = re.compile(r"[（(]((?:[^（）()]|（[^（）]*）){2,300}?)(按职责分工负责|分工负责|牵头负责|牵头|负责)?[）)]\s*$")
SEPARATOR = re.compile(r"[、，,；;](?![^（]*）)")  # not inside a name's own brackets: 各乡镇（街道）
# Names that are no agency: a bracket that holds one of these explains, it does not assign.
NOT_A_NAME = re.compile(r"[。：\d]|以下|简称|含|包括|详见|名称|可能")
ROLES = {"按职责分工负责": "shared", "分工负责": "shared", "牵头负责": "lead", "牵头": "lead", "负责": "responsible"}
ETC = re.compile(r"等(部门|单位)?$")  # 区市场监管局等部门: the name is 区市场监管局
AGENCY = re.compile(
    r"(局|委|办|部|部门|中心|公司|集团|政府|管委会|街道|乡镇|镇|支队|办事处|分局|院|会|室|单位|小组|联|校|（街道）)$"
)


def bracket_names(paragraph: str) -> tuple[list[str], str] | None:
    """(names as printed, role) of the bracket that closes a paragraph, or None."""
    found = BRACKET.search(paragraph.strip())
    if not found:
        return None
    names = [ETC.sub("", n.strip()) for n in SEPARATOR.split(found.group(1)) if n.strip()]
    if not names or any(NOT_A_NAME.search(n) or not AGENCY.search(n) for n in names):
        return None
    role = ROLES[found.group(2)] if found.group(2) else "responsible"
    return names, "shared" if len(names) > 1 else role


def propose_agencies(
    plan_id: str, measures: list[dict[str, str]], paragraphs: dict[str, list[str]], known: list[dict[str, str]]
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(measure_agencies rows, new agencies rows). ``paragraphs`` holds each section's paragraphs;
    ``known`` is the agencies table, matched on name_zh as printed."""
    by_name = {row["name_zh"]: row["agency_id"] for row in known}
    links, new = [], {}
    for measure in measures:
        found = _last_bracket(paragraphs.get(measure["section"], []))
        if not found:
            continue
        names, role = found
        for position, name in enumerate(names, start=1):
            agency_id = by_name.get(name) or new.get(name, {}).get("agency_id")
            if agency_id is None:
                agency_id = f"{plan_id}-a{len(new) + 1:02d}"
                new[name] = _agency(agency_id, name)
            links.append(
                {
                    "measure_id": measure["measure_id"],
                    "agency_id": agency_id,
                    "position": str(position),
                    "role": role,
                    "name_as_printed": name,
                }
            )
    return links, list(new.values())


def _last_bracket(paragraphs: list[str]) -> tuple[list[str], str] | None:
    """The bracket of the section's last paragraph that ends with one (a box item's may stand on its own line)."""
    for paragraph in reversed(paragraphs):
        found = bracket_names(paragraph)
        if found:
            return found
    return None


def _agency(agency_id: str, name: str) -> dict[str, str]:
    kind = "subdistrict" if name.endswith(("街道", "乡镇", "街道办事处", "镇")) else "government"
    if name.endswith(("公司", "集团")):
        kind = "enterprise"
    elif name.endswith("管委会"):
        kind = "management-committee"
    elif "领导小组" in name:
        kind = "leading-group"
    return {"agency_id": agency_id, "name_zh": name, "name_en": "", "kind": kind, "translation": ""}
