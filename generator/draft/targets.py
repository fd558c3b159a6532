"""Targets, proposed from the document's sentences: every figure with a unit or a comparator, and every dated
commitment (到2025年，… without a figure), each with its quote, section and the pattern that matched.

Pure: a decoded Source in, target rows out (indicator left for indicators.py). A quote runs from the clause that
dates it (到2025年，) to the end of the clause with the figure, within one sentence of one paragraph, so that it
stands verbatim in the source and the source page can mark it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import clauses as sentence_rules
from .. import sources as src
from ..checks import CONSTRUCTIONS, HEDGE_WORDS
from ..passages import Block, Quote, Source, blocks, locate

SENTENCE_END = re.compile(r"(?<=[。；;！？])")
CLAUSE_END = re.compile(r"(?<=[，,：:])")
UNITS = (
    "万吨标准煤", "吨标准煤", "万平方米", "平方米", "亿立方米", "万立方米", "立方米", "万千瓦时", "亿千瓦时", "千瓦时",
    "万千瓦", "千瓦", "兆瓦", "亿度", "万度", "万吨", "吨", "万辆", "辆", "万户", "户", "万人", "人", "公里", "千米",
    "亿元", "万元", "元", "个百分点", "%", "％", "个", "家", "座", "处", "所", "项", "条", "台", "套", "栋", "批", "倍",
    "P", "MW", "GW",
)  # fmt: skip
UNIT = "|".join(re.escape(u) for u in UNITS)
# A figure: digits, then perhaps a range (3-5), then a unit. Not a year, date, ordinal or section number.
FIGURE = re.compile(
    rf"(?<![\d.第])(?P<low>\d+(?:\.\d+)?)(?:\s*(?P<dash>[-－–—~～至到])\s*(?P<high>\d+(?:\.\d+)?))?\s*(?P<unit>{UNIT})?"
    r"(?![\d.年月日号届次])"
)
# A target year: 到2025年, 2030年前; not a baseline (比2020年, 在2020年的基础上).
# A five-year plan period (“十四五”期间) is its last year.
YEAR = re.compile(r"(?<![比较在\d])(20[2-6]\d)\s*年(?!代|的?基础上)|“?(十[四五六])五”?(?:期间|期末|末|时期)")
PLAN_PERIODS = {"十四": 2025, "十五": 2030, "十六": 2035}
DATED = re.compile(r"(?<!\d)(20[2-6]\d)\s*年(?!\s*\d+\s*月)")  # 到2025年底, not a date (2022年12月29日)
BASELINE = re.compile(r"(?:较|比|相比)(20[0-6]\d)\s*年|在(20[0-6]\d)\s*年的?基础上")
PER_YEAR = re.compile(r"每年|年均|年度")
# Comparators, by the words around the figure; 以上 after the figure, 不低于 before it, and so on.
AFTER = (("以上", "ge"), ("以下", "le"), ("以内", "le"))
BEFORE = (
    ("不低于", "ge"), ("不少于", "ge"), ("至少", "ge"), ("不超过", "le"), ("不高于", "le"), ("控制在", "le"),
    ("超过", "gt"), ("高于", "gt"), ("低于", "lt"),
)  # fmt: skip
# Words that make a figure a target when it has no unit (PUE 1.5): a comparator or 达到 just before it.
TARGET_VERB = re.compile(r"(达到|达|不超过|不低于|低于|超过|降至|提高到|提升至|控制在|为)$")
# Without a year, a figure is a target only where its clause commits to it (力争新建…100万平方米), not where it
# describes (划定3个单元, 现有6处公园).
COMMITTING = re.compile(
    r"达到|达|力争|争取|新增|新建|建成|完成|累计|提供|培育|引进|创建|不低于|不超过|控制在|下降|降低|提高"
)
# A threshold that picks whom a measure concerns, not a target: 超过5000吨标准煤的数据中心, 大于2万平方米的建筑.
THRESHOLD = re.compile(r"(超过|大于|高于|小于|低于|不足)$")
DECREASE = re.compile(r"下降|降低|减少|压减|削减")
INCREASE = re.compile(r"新增|新建|增加|增长|建成|培育|引进|提供|提升|提高|扩大|增强")
DEFERS = next(p for name, p, _, _ in CONSTRUCTIONS if name == "完成…下达")  # the target is the city's


@dataclass(frozen=True)
class Proposal:
    row: dict[str, str]
    subject: str  # the words that name what is measured, for picking the indicator
    confidence: float
    reason: str


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s.strip()]


def clauses(sentence: str) -> list[str]:
    return [c for c in CLAUSE_END.split(sentence) if c]


def propose_targets(plan_id: str, source: Source) -> list[Proposal]:
    proposals: list[Proposal] = []
    document = blocks(source)
    for block in document:
        if not block.section or block.kind == "heading":
            continue
        year = None
        found: list[Proposal] = []
        for sentence in sentences(block.text):
            found += sentence_targets(plan_id, block.section, sentence, year)
            years = [year_of(match) for match in YEAR.finditer(sentence)]
            year = None if sentence.rstrip().endswith(("。", "！", "？")) else years[-1] if years else year
        found += _dated_results(plan_id, block, document, source, found + proposals)
        for proposal in found:
            _as_its_sentence_says(proposal.row, block, document, source)
        proposals += found
    return proposals


def _place(quote: str, block: Block, document: list[Block], source: Source) -> tuple[int | None, tuple | None]:
    """The quote's occurrence (None when it stands once in the source) and its place in ``block``, as validation
    counts and finds them (checks.QuoteOccurrence, passages.locate)."""
    count = src.occurrences(quote, source.matchable)
    for occurrence in [None] if count <= 1 else range(1, count + 1):
        place = locate(document, Quote("", block.section, quote, occurrence))
        if place and place[0] is block:
            return occurrence, place
    return None, None


def _as_its_sentence_says(row: dict[str, str], block: Block, document: list[Block], source: Source) -> None:
    """The row's occurrence, and its year from the deadline before its quote's end in its own sentence (clauses.py)."""
    occurrence, place = _place(row["quote"], block, document, source)
    row["quote_occurrence"] = str(occurrence) if occurrence else ""
    if place:
        deadline = sentence_rules.Placed.of(block.text, place[1], place[2]).deadline
        row["target_year"] = str(deadline.year) if deadline else ""


def _dated_results(
    plan_id: str, block: Block, document: list[Block], source: Source, proposed: list[Proposal]
) -> list[Proposal]:
    """A qualitative row for each dated result that a proposed quote of a numbered measure carries by its direction
    alone and no proposed qualitative row quotes (the methodology: every dated result has its own row)."""
    if not re.search(r"\d", block.section):  # the main goals record only the outcomes rule 4 lists
        return []
    added: list[Proposal] = []
    for proposal in [p for p in proposed if p.row["section"] == block.section]:
        _, place = _place(proposal.row["quote"], block, document, source)
        if not place:
            continue
        placed = sentence_rules.Placed.of(block.text, place[1], place[2])
        quoted = [src.squeeze(p.row["quote"]) for p in proposed + added if p.row["kind"] == "qualitative"]
        for clause in placed.dated_direction_clauses:
            if not any(clause in quote for quote in quoted):
                deadline = sentence_rules.deadlines(placed.before + placed.quote)
                dated = _dated(plan_id, block.section, clause, deadline[-1].year if deadline else 0)
                added.append(Proposal(dated.row, dated.subject, 0.4, f"dated result inside {proposal.reason}"))
                quoted.append(clause)
    return added


def year_of(found: re.Match) -> int:
    return int(found.group(1)) if found.group(1) else PLAN_PERIODS[found.group(2)]


def sentence_targets(plan_id: str, section: str, sentence: str, year: int | None = None) -> list[Proposal]:
    """The sentence's figures, each as a quantitative target; else its dated commitment, if it has one. ``year``
    is the year an earlier sentence of the paragraph set (到2025年，…。…达到25个)."""
    parts = clauses(sentence)
    found = []
    year_at = None
    for index, clause in enumerate(parts):
        if dated := YEAR.search(clause):
            year_at, year = index, year_of(dated)
        for figure in FIGURE.finditer(clause):
            if not _is_target_figure(clause, figure) or (year is None and not COMMITTING.search(clause)):
                continue
            start = year_at if year_at is not None else index
            quote = _trim("".join(parts[start : index + 1]))
            if _coded_otherwise(quote):  # the year's clause says 完成…下达: quote the figure's clause alone
                quote = _trim(clause)
            if not _coded_otherwise(quote):
                found.append(_quantitative(plan_id, section, quote, clause, figure, year))
    if found:
        return found
    dated = DATED.search(sentence)
    if dated:
        start = next(i for i, c in enumerate(parts) if DATED.search(c))
        quote = _trim("".join(parts[start:]))
        return [_dated(plan_id, section, quote, int(dated.group(1)))]
    return []


def _coded_otherwise(quote: str) -> bool:
    """The quote has a construction whose kind is decided as other than quantitative (checks.CONSTRUCTIONS)."""
    squeezed = src.squeeze(quote)
    return any(f == "kind" and v != "quantitative" and p.search(squeezed) for _, p, f, v in CONSTRUCTIONS)


def _is_target_figure(clause: str, figure: re.Match) -> bool:
    before = clause[: figure.start()]
    if YEAR.match(clause, figure.start()) or re.search(r"[“\"]$", before) or figure.group("low").startswith("0"):
        return False
    if figure.group("dash") and not figure.group("high"):
        return False
    if THRESHOLD.search(before) and re.match(r"(以上|以下)?的", clause[figure.end() :]):
        return False
    return bool(figure.group("unit")) or bool(TARGET_VERB.search(before.rstrip()))


def _trim(quote: str) -> str:
    """Without the punctuation that ends it, or spaces around it."""
    return quote.strip().rstrip("，,：:。；;！？").strip()


def _comparator(clause: str, figure: re.Match) -> str:
    if figure.group("high"):
        return "range"
    after = clause[figure.end() : figure.end() + 3]
    for word, comparator in AFTER:
        if after.startswith(word):
            return comparator
    before = clause[: figure.start()].rstrip()
    for word, comparator in BEFORE:
        if re.search(f"{word}(达到|为)?$", before):
            return comparator
    return "eq"


def _quantitative(plan_id: str, section: str, quote: str, clause: str, figure: re.Match, year: int | None) -> Proposal:
    comparator = _comparator(clause, figure)
    unit = (figure.group("unit") or "").replace("％", "%")
    value, low, high = figure.group("low"), figure.group("low"), figure.group("high")
    ranged = comparator == "range"
    row = _row(plan_id, section, quote, year, kind="quantitative")
    row |= {
        "comparator": comparator,
        "value": "" if ranged else value,
        "value_min": low if ranged else "",
        "value_max": high if ranged else "",
        "unit": unit,
        "direction": _constructed(quote) or _direction(clause),
    }
    reason = f"figure {figure.group().strip()}" + (f" after {year}年" if year else " (no year in the sentence)")
    subject = re.split(r"达到|达|不低于|不超过|超过|低于|控制在|提高到|提升至|降至", clause[: figure.start()])[0]
    confidence = 0.9 if year and unit else 0.7 if unit or year else 0.5
    return Proposal(row, subject or clause, confidence, reason)


def _dated(plan_id: str, section: str, quote: str, year: int) -> Proposal:
    defers = bool(DEFERS.search(quote))
    row = _row(plan_id, section, quote, year, kind="defers-to-city" if defers else "qualitative")
    row["direction"] = _direction(quote)
    reason = "完成…下达 after a year" if defers else f"dated commitment ({year}年) without a figure"
    return Proposal(row, quote, 0.6 if defers else 0.4, reason)


def _constructed(quote: str) -> str:
    """The direction a recognised construction of the quote decides (checks.CONSTRUCTIONS: 累计 is level, 新增 and
    建成一批 increase), or ""."""
    squeezed = src.squeeze(quote)
    return next((v for _, p, f, v in CONSTRUCTIONS if f == "direction" and p.search(squeezed)), "")


def _direction(text: str) -> str:
    if constructed := _constructed(text):
        return constructed
    if DECREASE.search(text):
        return "decrease"
    return "increase" if INCREASE.search(text) else "level"


def _row(plan_id: str, section: str, quote: str, year: int | None, kind: str) -> dict[str, str]:
    baseline = BASELINE.search(quote)
    return {
        "target_id": "",
        "plan_id": plan_id,
        "chapter_id": "",
        "measure_id": "",
        "section": section,
        "indicator_id": "",
        "kind": kind,
        "comparator": "",
        "value": "",
        "value_min": "",
        "value_max": "",
        "unit": "",
        "direction": "level",
        "target_year": str(year) if year else "",
        "baseline_year": (baseline.group(1) or baseline.group(2)) if baseline else "",
        "per_year": "true" if PER_YEAR.search(quote) else "false",
        "hedge": "、".join(word for word, pattern in HEDGE_WORDS.items() if pattern.search(src.squeeze(quote))),
        "scope": "district",
        "scope_as_printed": "",
        "quote": quote,
        "quote_occurrence": "",
        "statement_en": "",
        "translation": "",
    }
