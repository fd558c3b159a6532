"""Figures a plan writes in words, and the number each stands for: 翻一番 is 2 (倍), 翻两番 4, 全覆盖 and 全部 (before
the verb they quantify) 100 (%), 零填埋, 零排放, 零增长 0, a fraction a percentage to two decimals (2/3 and 三分之二
are 66.67), a count in words the count (至少使用一种: 1).

Pure. The drafter reads these figures (draft/figures.py), and validation accepts a target's figure as written in
its quote when the quote writes it in digits or in one of these words (checks.FiguresMatchQuote).
"""

from __future__ import annotations

import re

from generator.base import outline

WORDS = (
    (re.compile(r"翻一番"), "2", "倍"),
    (re.compile(r"翻两番"), "4", "倍"),
    (re.compile(r"全覆盖"), "100", "%"),
    (re.compile(r"全部(?=[纳实完使淘达建改关退取执落配接采安拆整])"), "100", "%"),
    (re.compile(r"(?<!近)零(?=填埋|排放|增长)"), "0", ""),
)
NUMERALS = "一二两三四五六七八九十"
FRACTION = re.compile(r"(?<![\d./])(?P<top>\d+)\s*/\s*(?P<bottom>\d+)(?![\d./年月日])")
WORDED_FRACTION = re.compile(rf"(?P<bottom>[{NUMERALS}]+)分之(?P<top>[{NUMERALS}]+)")
COUNT = re.compile(rf"(?:至少|不少于)(?:使用|建设|建成|培育|打造)?(?P<count>[{NUMERALS}]+)(?P<unit>种|个|家|项|座|处)")


def numeral(text: str) -> int:
    """一 -> 1, 两 -> 2, 十二 -> 12."""
    return outline.numeral_value(text.replace("两", "二"))


def share(top: int, bottom: int) -> str:
    """A fraction as a percentage, to two decimals at most: 2/3 -> 66.67, 1/2 -> 50."""
    return f"{100 * top / bottom:.2f}".rstrip("0").rstrip(".") if bottom else ""


def fraction_value(match: re.Match[str]) -> str:
    """The percentage of a FRACTION or WORDED_FRACTION match."""
    if match.re is FRACTION:
        return share(int(match["top"]), int(match["bottom"]))
    return share(numeral(match["top"]), numeral(match["bottom"]))


def meanings(text: str) -> set[float]:
    """The numbers the figures written in words in ``text`` stand for."""
    found = {float(value) for pattern, value, _ in WORDS if pattern.search(text)}
    found |= {float(v) for p in (FRACTION, WORDED_FRACTION) for m in p.finditer(text) if (v := fraction_value(m))}
    return found | {float(numeral(m["count"])) for m in COUNT.finditer(text)}


def written(number: str, quote: str) -> bool:
    """Whether the quote writes the number, in digits or in words."""
    return number in quote or float(number) in meanings(quote)
