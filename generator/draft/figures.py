"""The figures of a clause: written in digits with their unit (20%, 3-5家, 392吨/日), as a fraction (2/3, 三分之二)
or in words (翻一番, 全覆盖, 全部, 零填埋, 至少一种), each with where it stands; and whether it is a target or only
delimits what is meant (超过1万吨标准煤的数据中心, 平均节能率15%及以上的建筑面积).

Pure: a clause in, figures out. A figure in words is coded as the number it means (figures_in_words.py, the gold
lists' convention in benchmarks/gold/README.md): 翻一番 is 2 倍, 全覆盖 and 全部 are 100 %, 零填埋 is 0, a fraction
a percentage to two decimals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.package import figures_in_words as words

# Units as printed, longest first within each group: a magnitude (万, 亿, 万亿) and a base, then perhaps a time or
# other base it is counted per (吨/日, 万吨/年, 克/千瓦时): the unit is kept whole.
MAGNITUDES = ("万亿", "亿", "万")
BASES = (
    "千克标准煤", "克标准煤", "吨标准煤", "标准立方米", "平方公里", "平方米", "立方米", "兆瓦时", "千瓦时", "千瓦",
    "千伏安", "兆瓦", "公里", "千米", "千克", "公斤", "公顷", "标准箱", "个百分点", "人次", "吨", "度", "辆", "户",
    "人", "元", "亩", "株", "克", "%", "％", "‰", "个", "家", "座", "处", "所", "项", "条", "台", "套", "栋", "批",
    "倍", "艘", "P", "MW", "GW", "TEU",
)  # fmt: skip
PER = ("万元", "年", "日", "天", "月", "小时", "时", "千瓦时", "吨", "人", "辆", "平方米")
_alternatives = "|".join
UNIT = (
    rf"(?:(?:{_alternatives(MAGNITUDES)})?(?:{_alternatives(re.escape(b) for b in BASES)})"
    rf"(?:/(?:{_alternatives(PER)}))?)"
)
NUMBER = r"\d+(?:\.\d+)?"
# A figure: digits, perhaps a range (3-5, 3%-5%), then a unit. Not a year, date, ordinal or section number.
DIGITS = re.compile(
    rf"(?<![\d.第/])(?P<low>{NUMBER})\s*(?P<low_unit>{UNIT})?(?:\s*(?P<dash>[-－–—~～至到])\s*(?P<high>{NUMBER}))?"
    rf"\s*(?P<unit>{UNIT})?(?![\d.年月日号届次/])"
)
# A figure is a target only with a unit, or with a comparator or 达到 just before it (PUE 1.5, 不高于1.3).
TARGET_VERB = re.compile(
    r"(达到|达|不超过|不低于|低于|超过|高于|突破|大于|小于|少于|降至|降到|提高到|提升至|控制在|为)$"
)
# A threshold that picks what is meant, not a target: 超过5000吨标准煤的数据中心, 大于2万平方米的建筑.
THRESHOLD = re.compile(r"(超过|大于|高于|小于|低于|不足|多于|少于)$")
# After a noun, a figure with 以上的 picks what is meant too (平均节能率15%及以上的建筑, 年综合能耗5000吨标准煤以上的
# 企业); after a verb it is what is to be reached (具备5%以上的尖峰负荷响应能力, 力争80%以上的机关达到…).
DELIMITS_AFTER = re.compile(r"^(?:及?以上|及?以下)?的(?!目标|任务|要求)")
VERB_BEFORE = re.compile(
    r"(具备|达到|达|力争|争取|实现|拥有|有|占|保持|打造|建设|建成|培育|创建|新增|新建|选择|布局|推广|完成|累计|提供|引进|"
    r"形成|至少|不少于|不低于|不超过|下降|降低|减少|提高|提升|增长)$"
)
# 至少设立1个…网点的比例超过50%: a figure that says what a share counts is no target, the share is.
COUNTED_IN_SHARE = re.compile(r"^[^，,；;]*?的(?:比例|占比|比重)[^，,；;]*?\d")
# …的4.5吨以下物流配送车辆: after 的, a figure with 以下 or 以上 names the kind of thing.
KIND_OF_THING = re.compile(r"^(?:及?以上|及?以下)[\u4e00-\u9fff](?<!的)")
NAME_AFTER = re.compile(r"^(?:节能)?(?:设计)?标准")  # 75%节能标准 is the standard's name


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    value: str  # the figure, or "" for a range
    low: str  # a range's ends, else ""
    high: str
    unit: str
    printed: str  # as the clause writes it
    words: bool  # written in words or as a fraction
    # 全覆盖, 全部, 零填埋, 翻一番: a target only with a deadline (methodology, 字段约定; hedong 289, 388)
    needs_deadline: bool = False


def figures(clause: str) -> list[Figure]:
    """Every figure of the clause, in order; a figure in digits that is part of a fraction is the fraction."""
    found = [_fraction(m) for pattern in (words.FRACTION, words.WORDED_FRACTION) for m in pattern.finditer(clause)]
    found += [_figure(m) for m in DIGITS.finditer(clause) if not _inside(m.start(), found)]
    found += [_worded_count(m) for m in words.COUNT.finditer(clause)]
    for pattern, value, unit in words.WORDS:
        found += [
            Figure(m.start(), m.end(), value, "", "", unit, m.group(), True, needs_deadline=True)
            for m in pattern.finditer(clause)
        ]
    return sorted(found, key=lambda f: f.start)


def is_target(clause: str, figure: Figure) -> bool:
    """Whether the figure states what is to be reached, rather than delimiting what is meant or naming something."""
    if figure.words:
        return True
    before, after = clause[: figure.start].rstrip(), clause[figure.end :]
    if re.search(r"[“\"]$", before) or figure.printed.startswith("0") and not figure.printed.startswith("0."):
        return False
    if NAME_AFTER.match(after) or (before.endswith("的") and KIND_OF_THING.match(after)):
        return False
    if DELIMITS_AFTER.match(after) and (THRESHOLD.search(before) or not VERB_BEFORE.search(before)):
        return False
    if COUNTED_IN_SHARE.match(after):
        return False
    return bool(figure.unit) or bool(TARGET_VERB.search(before))


def _figure(m: re.Match) -> Figure:
    unit = (m["unit"] or m["low_unit"] or "").replace("％", "%")
    ranged = bool(m["high"])
    return Figure(
        m.start(), m.end(), "" if ranged else m["low"], m["low"] if ranged else "", m["high"] or "", unit,
        m.group().strip(), False,
    )  # fmt: skip


def _fraction(m: re.Match) -> Figure:
    return Figure(m.start(), m.end(), words.fraction_value(m), "", "", "%", m.group(), True)


def _worded_count(m: re.Match) -> Figure:
    printed = m.group()[m.start("count") - m.start() :]
    return Figure(m.start("count"), m.end(), str(words.numeral(m["count"])), "", "", m["unit"], printed, True)


def _inside(at: int, found: list[Figure]) -> bool:
    return any(f.start <= at < f.end for f in found)
