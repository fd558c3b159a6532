"""Targets, proposed from the document's clauses: every figure that states a target (figures.py), and every
clause without one that commits all the same (commitments.py: 完成…下达, a dated result, a main goal's subject),
each with its quote, section, year and the pattern that matched.

Pure: a decoded Source in, target rows out (indicator left for indicators.py). A clause's year is its own deadline
(dates.py), or else the last one before it in its sentence, or in its paragraph. A quote is the clause, with the
clause before it when that one only gives its deadline (到2025年，…), and with more of its sentence before it only
where it would otherwise stand twice in the document: it stands verbatim in the source, so that the source page
can mark it, and its hedge words are the clause's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.base import sources as src
from generator.base.source_text import Source
from generator.draft import commitments, comparators, dates, figures, reading, scope
from generator.package.checks import HEDGE_WORDS

SENTENCE_END = re.compile(r"(?<=[。；;！？])")
CLAUSE_END = re.compile(r"(?<=[，,：:])")
# What part of the plan a section is in, by its chapter's or part's title: rule 4 holds in the main goals, rule 3
# in the key tasks and the parts after them; the opening part (guiding thought, principles) states no commitment
# but by a figure or a deferral.
GOALS, TASKS, PREAMBLE, BACKGROUND = "goals", "tasks", "preamble", "background"
ROLE_WORDS = (
    (GOALS, re.compile(r"主要目标|发展目标|总体目标")),
    (PREAMBLE, re.compile(r"总体要求|指导思想|工作原则|基本原则")),
    (BACKGROUND, re.compile(r"发展基础|工作基础|基础条件|现状|形势|发展成效")),  # what has been: no commitment
)
# Without a deadline, a figure is a target only where its clause commits to it (力争新建…100万平方米), not where it
# describes (划定3个单元, 现有6处公园).
COMMITTING = re.compile(
    r"达到|达|力争|争取|新增|新建|建成|完成|累计|提供|培育|引进|创建|不低于|不超过|控制在|下降|降低|提高|实现|纳入|"
    r"建设|布局|选择|打造|至少|超过|突破|大于|保持"
)
RESPECTIVELY = re.compile(r"分别")
# What is measured is named before these words: 新型储能装机容量 | 达到3000万千瓦以上.
SUBJECT_END = re.compile(r"达到|达|不低于|不超过|超过|突破|低于|控制在|提高到|提升至|降至|保持在")
BRACKETED = re.compile(r"^\s*[（(〔][^（(〔]*[）)〕]\s*$")
DECREASE = re.compile(r"下降|降低|减少|压减|削减")
INCREASE = re.compile(r"新增|增加(?!值)|增长(?!得到)|提升|提高|扩大|培育|引进")  # of a result without a figure
# The direction of a figure, from the verb that bears on it: 下降14% and 增长15% change by it, 下降至290 and
# 提高到80% reach it; 新增…4500万平方米 adds it, unless it is a share (新建建筑中绿色建筑面积占比) or a total (累计).
CHANGE_BY = ((re.compile(r"(?:下降|降低|减少|压减|削减)(?![至到])\S{0,3}$"), "decrease"),
             (re.compile(r"(?:增长|增加(?!值)|提高|提升)(?![至到])(?:率达到|率为)?\S{0,3}$"), "increase"))  # fmt: skip
ADDS = re.compile(r"新增|新建|增加(?!值)|建成|培育|引进|提供|创建|打造")
SHARE_OR_TOTAL = re.compile(r"率|比例|比重|占比|累计")
# The canonical words of a main goal's subject, for picking its indicator (单位地区生产总值能耗和二氧化碳排放 is two).
SUBJECT_WORDS = {"energy intensity": "单位地区生产总值能源消耗", "carbon intensity": "单位地区生产总值二氧化碳排放"}


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


def propose_targets(plan_id: str, source: Source, pilot: bool = False) -> list[Proposal]:
    """``pilot``: the plan is a pilot programme, whose main goals are recorded clause by clause (methodology).

    A paragraph's deadline holds for its later sentences. Where the lines are the sentences, the paragraphs are
    lost: in the main goals, which go period by period, a line's deadline holds for the lines after it."""
    paragraphs = reading.paragraphs(source)
    roles = section_roles(paragraphs)
    lines = reading.lines_are_sentences(source.text)
    proposals = []
    years: tuple[int, ...] = ()
    for paragraph, before in zip(paragraphs, [None, *paragraphs[:-1]], strict=True):
        if paragraph.heading or (source.outline and not paragraph.section):
            continue  # a heading, or the notice before the plan's outline
        role = roles.get(paragraph.section, TASKS)
        role = TASKS if pilot and role == GOALS else role
        if role == BACKGROUND:
            continue
        if not (lines and role == GOALS and before is not None and before.section == paragraph.section):
            years = ()
        for sentence in sentences(paragraph.text):
            found = sentence_targets(plan_id, paragraph.section, sentence, years, role, source.matchable)
            for proposal in found:
                _set_occurrence(proposal.row, paragraph.text, source.matchable)
            proposals += found
            years = sentence_years(sentence, years)
    return proposals


def _set_occurrence(row: dict[str, str], paragraph: str, matchable: str) -> None:
    """A quote that stands more than once in the source says which place it means (quote_occurrence): the one in
    the paragraph it was drafted from."""
    quote = src.squeeze(row["quote"])
    places = src.starts(quote, matchable)
    if len(places) < 2:
        return
    here = matchable.find(src.squeeze(paragraph))
    at = here + src.squeeze(paragraph).find(quote) if here >= 0 else -1
    row["quote_occurrence"] = str(places.index(at) + 1) if at in places else "1"


def section_roles(paragraphs: list[reading.Paragraph]) -> dict[str, str]:
    """section -> GOALS, TASKS or PREAMBLE, by its chapter's title, or else its part's."""
    titles = {p.section: p.text for p in paragraphs if p.starts}
    roles = {}
    for section in {p.section for p in paragraphs}:
        chapter, part = re.match(r"[^（]*(?:（[^）]*）)?", section).group(), re.split("（", section)[0]  # type: ignore[union-attr]  # the pattern matches any text
        for ref in (chapter, part):
            role = next((r for r, words in ROLE_WORDS if words.search(titles.get(ref, ""))), None)
            if role:
                roles[section] = role
                break
    return roles


def sentence_years(sentence: str, years: tuple[int, ...] = ()) -> tuple[int, ...]:
    """The years in force after the sentence: its last deadline's, or those before it."""
    found = [d for clause in clauses(sentence) for d in dates.deadlines(clause)]
    return found[-1].years if found else years


def sentence_targets(
    plan_id: str, section: str, sentence: str, years: tuple[int, ...] = (), role: str = TASKS, matchable: str = ""
) -> list[Proposal]:
    """The sentence's targets, clause by clause. ``years`` are those an earlier sentence of the paragraph set
    (到2025年，…。…达到25个): a figure or a main goal takes them, a result of the key tasks (rule 3) only a
    deadline of its own sentence. ``role`` is the part of the plan the sentence stands in; ``matchable`` the
    document without whitespace, in which a quote must stand only once."""
    parts = clauses(sentence)
    proposals = []
    year_at = None  # the clause of the sentence's last deadline so far
    past = False  # the sentence tells what has been done, from an earlier clause on
    for index, clause in enumerate(parts):
        if found := dates.deadlines(clause):
            year_at, years = index, found[-1].years
        past = not found and (past or commitments.past(clause))  # a deadline of its own: what is to be done
        if BRACKETED.match(clause) or past:
            continue  # （区发展改革委牵头负责）: who does it, not what; 十三五期间…下降了18%: what was done
        quote = _quote(parts, index, year_at, matchable)
        targets = [
            f for f in figures.figures(clause) if figures.is_target(clause, f) and (years or not f.needs_deadline)
        ]
        if targets and (years or COMMITTING.search(clause)):
            proposals += _quantitative(plan_id, section, quote, clause, targets, years)
        elif not targets and commitments.defers(clause):
            proposals.append(_dated(plan_id, section, quote, clause, years, "defers-to-city", "完成…下达"))
        elif not targets and years and role == GOALS:
            proposals += [
                _dated(plan_id, section, quote, clause, years, "qualitative", f"main goal (rule 4): {name}", name)
                for name in commitments.goal_subjects(clause)
            ]
        elif not targets and year_at is not None and role == TASKS and commitments.is_result(clause):
            proposals.append(_dated(plan_id, section, quote, clause, years, "qualitative", "dated result (rule 3)"))
    return proposals


def _quote(parts: list[str], index: int, year_at: int | None, matchable: str) -> str:
    """The clause, with the one before it when that one is only the deadline (到2025年，), and with the clauses
    before it (back to its deadline's) as long as it would stand more than once in the document."""
    start = index - 1 if year_at == index - 1 and _only_deadline(parts[year_at]) else index
    while start > (year_at or 0) and matchable.count(src.squeeze(_trim("".join(parts[start : index + 1])))) > 1:
        start -= 1
    return _trim("".join(parts[start : index + 1]))


def _only_deadline(clause: str) -> bool:
    rest = clause
    for deadline in reversed(dates.deadlines(clause)):
        rest = rest[: deadline.start] + rest[deadline.end :]
    return not re.sub(r"[\s，,：:“”]|力争|争取|确保|预计|全区|全市|全省|全国", "", rest)


def _trim(quote: str) -> str:
    """Without the punctuation that ends it, or spaces around it."""
    return quote.strip().rstrip("，,：:。；;！？").strip()


def _quantitative(
    plan_id: str, section: str, quote: str, clause: str, targets: list[figures.Figure], years: tuple[int, ...]
) -> list[Proposal]:
    """A row for each figure; a clause with one figure for two periods (十四五、十五五期间分别新增…) has a row for
    each period."""
    per_period = len(years) > 1 and len(targets) == 1 and RESPECTIVELY.search(clause)
    proposals = []
    for figure, following in zip(targets, [*targets[1:], None], strict=True):
        for year in years if per_period else years[-1:] or (None,):
            proposals.append(_figure_row(plan_id, section, quote, clause, figure, following, year))
    return proposals


def _figure_row(
    plan_id: str,
    section: str,
    quote: str,
    clause: str,
    figure: figures.Figure,
    following: figures.Figure | None,
    year: int | None,
) -> Proposal:
    comparator = comparators.comparator(clause, figure, following)
    ranged = comparator == "range"
    row = _row(plan_id, section, quote, clause, year, kind="quantitative")
    row |= {
        "comparator": comparator,
        "value": "" if ranged else figure.value,
        "value_min": figure.low if ranged else "",
        "value_max": figure.high if ranged else "",
        "unit": figure.unit,
        "direction": _figure_direction(clause[: figure.start]),
    }
    how = f"figure in words {figure.printed} read as {figure.value}{figure.unit}" if figure.words else "figure"
    reason = f"{how} {figure.printed}" if not figure.words else how
    reason += f" after {year}年" if year else " (no year in the sentence)"
    subject = SUBJECT_END.split(clause[: figure.start])[0]
    confidence = 0.9 if year and figure.unit else 0.7 if figure.unit or year else 0.5
    return Proposal(row, subject or clause, confidence - (0.2 if figure.words else 0), reason)


def _dated(
    plan_id: str,
    section: str,
    quote: str,
    clause: str,
    years: tuple[int, ...],
    kind: str,
    reason: str,
    subject: str = "",
) -> Proposal:
    year = years[-1] if years else None
    row = _row(plan_id, section, quote, clause, year, kind=kind)
    row["direction"] = "increase" if "建成一批" in quote else _direction(quote)
    reason += f" ({year}年)" if year else " (no year)"
    words = SUBJECT_WORDS.get(subject) or next(
        (m.group() for name, p in commitments.GOAL_SUBJECTS if name == subject and (m := p.search(clause))), quote
    )
    return Proposal(row, words, 0.6 if kind == "defers-to-city" else 0.4, reason)


def hedges(quote: str) -> str:
    """The hedge words of the quote, in the order printed, each once (约 hedges a figure: 约30%, 约为15%)."""
    places = sorted((m.start(), word) for word, pattern in HEDGE_WORDS.items() for m in pattern.finditer(quote))
    found: list[str] = []
    for _, word in places:
        if word not in found:
            found.append(word)
    return "、".join(found)


def _figure_direction(before: str) -> str:
    """The direction of a figure, from the words of its clause before it."""
    changed = next((direction for pattern, direction in CHANGE_BY if pattern.search(before)), None)
    if changed:
        return changed
    return "increase" if ADDS.search(before) and not SHARE_OR_TOTAL.search(before) else "level"


def _direction(text: str) -> str:
    if DECREASE.search(text):
        return "decrease"
    return "increase" if INCREASE.search(text) else "level"


def _row(plan_id: str, section: str, quote: str, clause: str, year: int | None, kind: str) -> dict[str, str]:
    applies, as_printed = scope.scope(clause)
    if as_printed and as_printed not in quote:
        applies, as_printed = scope.DISTRICT
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
        "baseline_year": dates.baseline_year(clause),
        "per_year": "true" if dates.PER_YEAR.search(clause) else "false",
        "hedge": hedges(quote),
        "scope": applies,
        "scope_as_printed": as_printed,
        "scope_as_printed_en": "",
        "quote": quote,
        "statement_en": "",
        "translation": "",
    }
