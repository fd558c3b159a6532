"""How values are written on the pages: escaping and number formatting, in one place."""

from __future__ import annotations

import json
import xml.sax.saxutils
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from generator.base import units
from generator.base.i18n import Untranslated
from generator.site.model import Target

# gettext and ngettext of the page's language: a Chinese label (msgid) in that language; ngettext chooses the form
# that agrees with a count (English "1 measure", "2 measures"), NullTranslations the msgid itself for Chinese.
Label = Callable[[str], str]
Plural = Callable[[str, str, int], str]

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
# What kind of body an agency is (agencies.kind), and what a plan makes it for a measure (measure_agencies.role).
AGENCY_KIND_LABELS = {
    "government": "区政府部门",
    "party-or-mass-organisation": "区委部门或群团组织",
    "leading-group": "领导小组办公室",
    "management-committee": "管理委员会",
    "enterprise": "国有企业",
    "subdistrict": "街道办事处",
    "collective": "多个单位的统称",
}
# A district's tile on the home page (views.TILE_STATES): its plan's status (plans.status), or not yet collected.
TILE_STATE_LABELS = {
    "in-force": "已收录：印发施行",
    "draft": "已收录：征求意见稿",
    "amended": "已收录：已修订",
    "superseded": "已收录：已废止或被替代",
    "missing": "尚未收集",
}
ROLE_LABELS = {"lead": "牵头", "responsible": "负责", "shared": "按职责分工负责"}
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


def cell(value: object) -> str:
    """Any value as inert text in a Markdown table cell, link text or paragraph: shown as written, never markup.
    Chinese standing in for missing English (i18n.Untranslated) is marked as Chinese, with its note."""
    if value is None:
        return ""
    inert = "".join(_INERT.get(c, c) for c in str(value))
    if isinstance(value, Untranslated):  # unquoted lang=zh: the text may stand in an attribute (data-toc-label)
        return f"<span lang=zh>{inert}</span>" + (f" {cell(f'({value.note})')}" if value.note else "")
    return inert


def number(value: Decimal | int | None) -> str:
    """A figure as the source writes it (31.02, 1.3, 270)."""
    if value is None:
        return ""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def count(n: int, lang: str = "zh") -> str:
    """A count in running text, as the page's language writes it: 1200 in Chinese, as the Chinese pages always have;
    1,200 in English, with a thousands separator. The one place counts are formatted (templates' ngettext, |count)."""
    return str(n) if lang == "zh" else f"{n:,}"


def ngettext(plural: Plural, lang: str, singular: str, plural_msgid: str, n: int, **variables: object) -> str:
    """A label with a count in the form that agrees with ``n`` ("1 measure", "2 measures"), its %(num)s the count as
    ``count`` writes it: the templates' ngettext (render.py), as Jinja's own (newstyle) but for %(num)s."""
    return plural(singular, plural_msgid, n) % {"num": count(n, lang), **variables}


def counted(plural: Plural, msgid: str, n: int, lang: str = "zh", **variables: object) -> str:
    """``ngettext`` for the Python code's labels with a count. Chinese has one form, so ``msgid`` is also the
    msgid_plural of its catalog entry."""
    return ngettext(plural, lang, msgid, msgid, n, **variables)


def singular_or_plural(label: Label) -> Plural:
    """ngettext for a caller that gives gettext only (Chinese, tests): the label of the msgid the count chooses."""
    return lambda singular, plural, n: label(singular if n == 1 else plural)


def unit_words(unit: str, n: Decimal | int, unit_label: Label = str, plural: Plural | None = None) -> str:
    """A unit after a figure ``n`` in the page's language: a unit that counts things has plural forms in the catalog
    (台: " unit" after exactly 1, " units" after any other figure), any other unit (%, 亿元) is its label. English
    callers give ``plural`` (ngettext); gettext alone reads a count unit's singular."""
    words = (plural or singular_or_plural(unit_label))(unit, unit, 1 if n == 1 else 2)
    return words if words != unit else unit_label(unit)


def figure(target: Target, unit_label: Label = str, lang: str = "zh", plural: Plural | None = None) -> str:
    """A target's figure with comparator and unit: "≥ 46%", "3–5家", "≤ 1.3"; ``unit_label`` translates the unit.
    In English a unit that units.py knows is shown as English writes it: "≥ 400 MW"."""
    if target.kind != "quantitative":
        return ""
    assert target.comparator is not None  # every quantitative target has one (the descriptor's rule)
    sign = "" if target.comparator == "range" else COMPARATOR_SIGNS[target.comparator]
    return sign + amount(target, unit_label, lang, plural)


def unit_name(unit: str | None, unit_label: Label = str, lang: str = "zh", plural: Plural | None = None) -> str:
    """A unit on its own (a table's unit column, a chart's axis), as the figures beside it are shown: "万千瓦", or
    "MW" in English; a unit that counts things in the plural ("units"); "" for none."""
    if not unit:
        return ""
    if lang != "zh" and units.convertible(unit):
        return units.name(unit)
    return unit_words(unit, 2, unit_label, plural).strip()


# What a figure commits to, in words, by the target's direction and comparator (targets.direction, .comparator):
# a level to reach, or a change (an increase, a cut) by the figure. %(figure)s is the figure with its unit.
PHRASES = {
    ("level", "eq"): "达到%(figure)s",
    ("level", "range"): "达到%(figure)s",
    ("level", "ge"): "不低于%(figure)s",
    ("level", "gt"): "超过%(figure)s",
    ("level", "le"): "不超过%(figure)s",
    ("level", "lt"): "低于%(figure)s",
    ("increase", "eq"): "增加%(figure)s",
    ("increase", "range"): "增加%(figure)s",
    ("increase", "ge"): "至少增加%(figure)s",
    ("increase", "gt"): "增加超过%(figure)s",
    ("increase", "le"): "增加不超过%(figure)s",
    ("increase", "lt"): "增加不到%(figure)s",
    ("decrease", "eq"): "降低%(figure)s",
    ("decrease", "range"): "降低%(figure)s",
    ("decrease", "ge"): "至少降低%(figure)s",
    ("decrease", "gt"): "降低超过%(figure)s",
    ("decrease", "le"): "降低不超过%(figure)s",
    ("decrease", "lt"): "降低不到%(figure)s",
}
# The year a change is measured from (targets.baseline_year), after the phrase; a level "against" a year.
BASELINES = {"level": "（基准年%(year)s年）", "increase": "（较%(year)s年）", "decrease": "（较%(year)s年）"}
# A commitment without a figure says only which way it goes; a level says nothing more.
DIRECTION_WORDS = {"increase": "方向：提高", "decrease": "方向：降低", "level": ""}
# The source's qualifiers (targets.hedge) as CSS classes (site.css .hedge--…): each is shown in words as well.
HEDGE_CLASSES = {
    "力争": "strive",
    "左右": "about",
    "预计": "expected",
    "基本": "basically",
    "争取": "aim",
    "约": "approximately",
    "原则上": "in-principle",
    "普遍": "generally",
    "探索": "explore",
    "可": "can",
}


def amount(target: Target, unit_label: Label = str, lang: str = "zh", plural: Plural | None = None) -> str:
    """A target's figure (or range) with its unit, without comparator: "14.5%", "40万千瓦"; in English with the
    unit as English writes it where units.py knows it ("400 MW", "2.862 billion m³"), else the unit's label, a
    unit that counts things in the form that agrees with the figure ("1 unit", "3–5 organisations"), and the
    figure with a thousands separator (1,600 units) as units.py writes its own."""
    values = [target.value_min, target.value_max] if target.comparator == "range" else [target.value]
    if lang != "zh" and target.unit and units.convertible(target.unit):
        return units.english(target.unit, *(value for value in values if value is not None))
    shown = [v for v in values if v is not None]
    unit = unit_words(target.unit, shown[-1] if len(shown) == 1 else 2, unit_label, plural) if target.unit else ""
    if lang == "zh":
        return "–".join(number(v) for v in values) + unit
    return "–".join(units.grouped(v) for v in shown) + unit  # English separates thousands: 1,600 units


def direction_phrase(target: Target, label: Label = str, lang: str = "zh", plural: Plural | None = None) -> str:
    """What a target commits to, in words that follow from its fields only: "降低14.5%（较2020年）" / "cut by 14.5%
    from 2020"; a figure's direction and comparator, its baseline year where the data has one. Without a figure,
    the direction alone ("方向：降低"), or "" for a level."""
    if target.kind != "quantitative":
        words = DIRECTION_WORDS[target.direction]
        return label(words) if words else ""
    assert target.comparator is not None  # every quantitative target has one (the descriptor's rule)
    phrase = label(PHRASES[target.direction, target.comparator]) % {"figure": amount(target, label, lang, plural)}
    if target.baseline_year:
        phrase += label(BASELINES[target.direction]) % {"year": target.baseline_year}
    return phrase


def hedge_words(hedge: str | None) -> list[str]:
    """The source's qualifiers of a target, in order: "力争、基本" -> ["力争", "基本"]."""
    return [word for word in (hedge or "").split("、") if word]


def citation(descriptor: dict[str, Any]) -> str:
    """How to cite the dataset, with its version."""
    author = descriptor["contributors"][0]["title"]
    return f"{author}. {descriptor['title']}. Version {descriptor['version']}, {descriptor['created'][:10]}."


def file_size(size: int, label: Label = str, plural: Plural | None = None) -> str:
    """A file's size for a reader: 812 字节, 12.3 KB, 4.5 MB (a thousand bytes to the kilobyte, as the descriptor's
    byte counts read; ``label`` translates the words, ``plural`` chooses "1 byte" or "812 bytes")."""
    if size < 1000:
        return counted(plural or singular_or_plural(label), "%(num)s 字节", size)
    for unit, scale in (("KB", 10**3), ("MB", 10**6), ("GB", 10**9)):
        if size < scale * 1000 or unit == "GB":
            shown = f"{size / scale:.1f}" if size < scale * 100 else f"{size / scale:.0f}"
            return f"{shown} {unit}"
    raise AssertionError("unreachable")


def xml_text(value: object) -> str:
    """Text for an XML element or attribute (the Atom feed): &, <, > and both quotes escaped."""
    return xml.sax.saxutils.escape(str(value), {'"': "&quot;", "'": "&apos;"})


def script_json(data: object) -> str:
    """JSON that is safe inside an HTML <script> element: no "<" can close it or open a comment."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def constraints_text(constraints: dict[str, Any] | None, label: Callable[[str], str] = str) -> str:
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


def yaml_string(value: str) -> str:
    """A one-line text as a YAML string for a page's front matter: JSON's double-quoted form, which YAML reads as
    written (quotes, colons, # and backslashes escaped or harmless); a line break becomes a space."""
    return json.dumps(" ".join(value.split()), ensure_ascii=False)
