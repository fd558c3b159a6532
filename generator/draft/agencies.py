"""The agencies responsible for each measure, proposed from the bracket that closes its text.

Pure: the measures and their texts in, rows of measure_agencies.csv (and of agencies.csv for names the agencies
table does not know) out. （区发展改革委、区商务局按职责分工负责） names agencies that share the work,
（区统计局牵头负责） one that leads it, （区住房建设委） or （区科技局负责） one that is responsible. A bracket may
give several roles: （省发展改革委牵头，省科技厅等部门按职责分工负责）, （牵头单位：…；配合单位：…）, or label its names
（责任单位：市发展改革委、市经济信息化委）; a name's own brackets stay with it (省发展改革委(省能源局)).
"""

from __future__ import annotations

import re

# The bracket that ends a paragraph, and what it holds.
BRACKET = re.compile(r"[（(〔]((?:[^（）()〔〕]|[（(][^（）()]*[）)]){2,400}?)[）)〕]\s*$")
# Its parts, each of names and how they are responsible: by a word after them (牵头, 按职责分工负责) or a label
# before them (牵头单位：); a part ends at ；, or after 牵头.
PART = re.compile(
    r"(?P<names>.+?)(?P<role>按职责分工负责|分工负责|牵头负责|牵头|配合|负责)?"
    r"(?:[；;]|(?<=牵头)(?![单部负])[，,]?|(?<=牵头负责)[，,]?|$)"
)
LABEL = re.compile(r"^(?P<label>[\u4e00-\u9fff]{0,4}(?:单位|部门))[：:]")
SEPARATOR = re.compile(r"[、，,](?![^（(]*[）)])")  # not inside a name's own brackets: 各乡镇（街道）
# Names that are no agency: a bracket that holds one of these explains, it does not assign.
NOT_A_NAME = re.compile(r"[。：:\d]|以下|简称|含|包括|详见|名称|可能")
ROLES = {
    "按职责分工负责": "shared", "分工负责": "shared", "配合": "shared", "牵头负责": "lead", "牵头": "lead",
    "负责": "responsible",
}  # fmt: skip
LABELS = (("牵头", "lead"), ("配合", "shared"), ("参与", "shared"), ("协同", "shared"), ("协助", "shared"))
ETC = re.compile(r"等[部门单位和及]*$")  # 区市场监管局等部门, 省电力公司等部门和单位: the name is before 等
OWN_BRACKETS = re.compile(r"[（(][^（）()]*[）)]$")  # 省发展改革委(省能源局): the agency is the one before
AGENCY = re.compile(
    r"(局|委|办|部|部门|中心|公司|集团|政府|管委会|街道|乡镇|镇|支队|办事处|分局|院|会|室|单位|小组|联|校|厅|署|行|"
    r"（街道）)$"
)


def bracket_names(paragraph: str) -> list[tuple[str, str]] | None:
    """(name as printed, role) of each agency of the bracket that closes a paragraph, in order; or None."""
    found = BRACKET.search(paragraph.strip())
    if not found:
        return None
    named = []
    for part in PART.finditer(found.group(1)):
        text, role = part["names"].strip("，,、 "), ROLES.get(part["role"] or "", "")
        if label := LABEL.match(text):
            text = text[label.end() :]
            role = role or next((r for word, r in LABELS if word in label["label"]), "")
        names = [ETC.sub("", n.strip()) for n in SEPARATOR.split(text) if n.strip()]
        named += [(name, role) for name in names]
    if not named or any(NOT_A_NAME.search(n) or not AGENCY.search(OWN_BRACKETS.sub("", n)) for n, _ in named):
        return None
    if all(role in ("", "responsible") for _, role in named):  # one role for all: several share the work
        return [(name, "shared" if len(named) > 1 else "responsible") for name, _ in named]
    return [(name, role or "shared") for name, role in named]


def propose_agencies(
    plan_id: str, measures: list[dict[str, str]], paragraphs: dict[str, list[str]], known: list[dict[str, str]]
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(measure_agencies rows, new agencies rows). ``paragraphs`` holds each section's paragraphs;
    ``known`` is the agencies table, matched on name_zh as printed."""
    by_name = {row["name_zh"]: row["agency_id"] for row in known}
    links: list[dict[str, str]] = []
    new: dict[str, dict[str, str]] = {}
    for measure in measures:
        found = _last_bracket(paragraphs.get(measure["section"], []))
        for position, (name, role) in enumerate(found or [], start=1):
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


def _last_bracket(paragraphs: list[str]) -> list[tuple[str, str]] | None:
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
