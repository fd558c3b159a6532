"""The deadlines of a clause and the years they fall due: a year (到2025年, 2025年底前, 2030年前, 力争2030年前,
于2024年1月15日前) or a five-year plan's period (“十四五”期间, 十五五时期, 十四五末: 2025, 2030), with or without
its quotation marks; two periods at once (十四五、十五五期间) fall due in both years. A base year (比2020年,
在2020年的基础上) is no deadline, nor is a year that only names something (北京2022年冬奥会), a date, or a year
before these plans (2020年，…达到… tells what was reached).

Pure: a clause in, deadlines out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLAN_PERIODS = {"四": 2025, "五": 2030, "六": 2035}  # 十四五, 十五五, 十六五: the last year of the period
PERIOD = re.compile(
    r"“?十(?P<first>[四五六])五”?(?:\s*[、和及与至到]\s*“?十(?P<second>[四五六])五”?)?(?:规划)?(?:期间|期末|末|时期|内)"
)
YEAR = re.compile(
    r"(?P<lead>到|至|截至|于|在|力争|争取|确保|预计|计划)?\s*(?<!\d)(?P<year>20(?:2[1-9]|[3-6]\d))\s*年"
    r"(?P<date>\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?P<tail>(?:底|末)?\s*(?:前|以前|之前)?)"
)
BASE_BEFORE = re.compile(r"(较|比|相比|与|同)\s*$")
BASE_AFTER = re.compile(r"^\s*的?(基础上|水平)")
CLAUSE_START = re.compile(r"^[\s“]*(?:力争|争取|确保|预计|计划)?\s*$")  # nothing but a hedge before the year
BASELINE = re.compile(r"(?:较|比|相比)\s*(20[0-6]\d)\s*年|在\s*(20[0-6]\d)\s*年的?基础上")
PER_YEAR = re.compile(r"每年|年均")


@dataclass(frozen=True)
class Deadline:
    start: int
    end: int
    years: tuple[int, ...]  # one, or one for each of two periods


def deadlines(clause: str) -> list[Deadline]:
    found = [Deadline(m.start(), m.end(), _period_years(m)) for m in PERIOD.finditer(clause)]
    found += [Deadline(m.start(), m.end(), (int(m["year"]),)) for m in YEAR.finditer(clause) if _is_deadline(clause, m)]
    return sorted(found, key=lambda d: d.start)


def baseline_year(text: str) -> str:
    found = BASELINE.search(text)
    return (found.group(1) or found.group(2)) if found else ""


def _period_years(m: re.Match) -> tuple[int, ...]:
    return tuple(PLAN_PERIODS[p] for p in (m["first"], m["second"]) if p)


def _is_deadline(clause: str, m: re.Match) -> bool:
    before, after = clause[: m.start("year")], clause[m.end() :]
    if BASE_BEFORE.search(before) or BASE_AFTER.match(after):
        return False
    tail = m["tail"].strip()
    if m["date"]:
        return tail.endswith("前")  # 于2024年1月15日前; a date alone (2022年12月29日印发) is none
    return bool(m["lead"] or tail or CLAUSE_START.match(clause[: m.start()]))
