"""Dates as Chinese documents print them: 2022年10月11日 in figures, or 二〇二二年十月十一日 in numerals.

Pure: text in, dates out (``found``), and a date out as each way it may be printed (``printed``), so that the
drafter reads a plan's date in either form and validation finds it in the source in the form it is printed.
"""

from __future__ import annotations

import datetime
import re

DIGITS = "〇一二三四五六七八九"
ZEROS = "〇○零OＯ"  # the zero of a year in numerals, as documents and text extraction write it
# A day or month in numerals: 一 to 九, 十, 十一 to 十九, 二十, 二十一 to 二十九, 三十, 三十一.
_NUMBER = "(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
IN_FIGURES = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
IN_NUMERALS = re.compile(rf"([{ZEROS}{DIGITS[1:]}]{{4}})年({_NUMBER})月({_NUMBER})日")


def numeral_number(numeral: str) -> int:
    """十 -> 10, 十一 -> 11, 二十 -> 20, 三十一 -> 31, 八 -> 8."""
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return DIGITS.index(numeral)
    return (DIGITS.index(tens) if tens else 1) * 10 + (DIGITS.index(units) if units else 0)


def numeral_year(numeral: str) -> int:
    """二〇二二 -> 2022 (any of ZEROS for 〇)."""
    return int("".join("0" if char in ZEROS else str(DIGITS.index(char)) for char in numeral))


def found(text: str) -> list[tuple[int, datetime.date]]:
    """Every valid date ``text`` prints, with where it starts, in order."""
    dates = []
    for match in IN_FIGURES.finditer(text):
        dates.append((match.start(), tuple(map(int, match.groups()))))
    for match in IN_NUMERALS.finditer(text):
        year, month, day = match.groups()
        dates.append((match.start(), (numeral_year(year), numeral_number(month), numeral_number(day))))
    result = []
    for start, (year, month, day) in sorted(dates):
        try:
            result.append((start, datetime.date(year, month, day)))
        except ValueError:  # 2月30日: no date
            continue
    return result


def in_numerals(number: int) -> str:
    """11 -> 十一, 20 -> 二十, 8 -> 八 (a month or a day)."""
    tens, units = divmod(number, 10)
    return f"{DIGITS[tens] if tens > 1 else ''}{'十' if tens else ''}{DIGITS[units] if units else ''}"


def printed(date: datetime.date) -> tuple[str, ...]:
    """Each way a document may print ``date``: 2022年10月1日, 2022年10月01日, 二〇二二年十月一日 (with 〇, ○ or 零)."""
    month_day = f"{in_numerals(date.month)}月{in_numerals(date.day)}日"
    year = "".join(DIGITS[int(digit)] for digit in f"{date.year:04d}")
    return (
        f"{date.year}年{date.month}月{date.day}日",
        f"{date.year}年{date.month:02d}月{date.day:02d}日",
        *(year.replace("〇", zero) + "年" + month_day for zero in ZEROS[:3]),
    )
