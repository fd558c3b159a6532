"""How values are written on the pages: escaping and number formatting, in one place."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal

COMPARATOR_SIGNS = {"eq": "", "ge": "≥ ", "gt": "> ", "le": "≤ ", "lt": "< "}
KIND_LABELS = {"quantitative": "定量", "qualitative": "定性", "defers-to-city": "完成市下达任务"}
# Whom a target applies to (targets.scope, in the order of its enum): "适用于特定对象：示范街道"; the whole district
# (or, in the city's programme, the whole city) is named only where the tables filter by scope.
SCOPE_LABELS = {
    "district": "全区或全市",
    "named-area": "区域",
    "group": "特定对象",
    "new-buildings": "新建建筑或设施",
    "project": "具体项目",
}
# Labels are written in Chinese here and in the templates; their English is in locale/en.po.
# How a plan stands on an indicator (views.own_or_city); "" when it makes no commitment.
STANCE_LABELS = {"quantitative": "自定数值", "qualitative": "定性承诺", "defers-to-city": "完成市下达任务", "": "—"}
# The levels of the documents the plans cite (views.LEVELS), as headings and in short.
LEVEL_LABELS = {
    "national": "国家文件",
    "city": "市级文件",
    "district": "区级文件",
    "standard-or-law": "法律、法规与标准",
}
PROJECT_KIND_LABELS = {
    "power-grid": "电网",
    "energy-storage": "储能",
    "renewable-energy": "可再生能源",
    "heating": "供热",
    "industrial-park": "产业园区",
    "data-centre": "数据中心",
    "headquarters": "总部",
    "enterprise-project": "企业项目",
    "transport": "交通",
    "building": "建筑与城市更新",
    "ecology": "生态",
    "waste": "固废与垃圾处理",
    "platform": "平台",
    "demonstration": "示范区",
    "other": "其他",
}

# Characters that HTML or Markdown would read as markup, as numeric character references: in one pass,
# so that no reference is escaped twice. Line breaks become spaces (a table row is one line).
_INERT = {c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#+-!|~:="} | {"\n": " ", "\r": ""}


def cell(value) -> str:
    """Any value as inert text in a Markdown table cell, link text or paragraph: shown as written, never markup."""
    if value is None:
        return ""
    return "".join(_INERT.get(c, c) for c in str(value))


def number(value: Decimal | int | None) -> str:
    """A figure as the source writes it (31.02, 1.3, 270)."""
    if value is None:
        return ""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def figure(target, unit_label: Callable[[str], str] = str) -> str:
    """A target's figure with comparator and unit: "≥ 46%", "3–5家", "≤ 1.3"; ``unit_label`` translates the unit."""
    if target.kind != "quantitative":
        return ""
    unit = unit_label(target.unit) if target.unit else ""
    if target.comparator == "range":
        return f"{number(target.value_min)}–{number(target.value_max)}{unit}"
    return f"{COMPARATOR_SIGNS[target.comparator]}{number(target.value)}{unit}"


def citation(descriptor: dict) -> str:
    """How to cite the dataset, with its version."""
    author = descriptor["contributors"][0]["title"]
    return f"{author}. {descriptor['title']}. Version {descriptor['version']}, {descriptor['created'][:10]}."


def script_json(data) -> str:
    """JSON that is safe inside an HTML <script> element: no "<" can close it or open a comment."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def constraints_text(constraints: dict | None, label: Callable[[str], str] = str) -> str:
    """A field's constraints in words: "必填; 取值: a, b; pattern [0-9]{6}" (``label`` translates the words)."""
    parts = []
    for key, value in (constraints or {}).items():
        if key == "required":
            parts.append(label("必填") if value else "")
        elif key == "enum":
            parts.append(label("取值：") + ", ".join(map(str, value)))
        else:
            parts.append(f"{key} {value}")
    return "; ".join(p for p in parts if p)
