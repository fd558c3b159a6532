"""Dates as Chinese documents print them (generator/package/dates.py): in figures and in numerals, read and written."""

from __future__ import annotations

import datetime

import pytest

from generator.package import dates

EVERY_DAY_OF_2024 = [datetime.date(2024, 1, 1) + datetime.timedelta(days=n) for n in range(366)]


def test_every_way_a_date_is_printed_reads_as_that_date():
    for day in EVERY_DAY_OF_2024:
        forms = dates.printed(day)
        assert len(set(forms)) == (4 if day.month >= 10 and day.day >= 10 else 5), forms
        for form in forms:
            assert dates.found(f"印发。{form}") == [(3, day)], form


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二〇二二年十月十一日", (2022, 10, 11)),
        ("二○二一年十月二十四日", (2021, 10, 24)),
        ("二零二三年十二月三十一日", (2023, 12, 31)),
        ("2024年 3月 8日".replace(" ", ""), (2024, 3, 8)),
        ("2024年03月08日", (2024, 3, 8)),
    ],
)
def test_a_date_in_figures_or_numerals_is_read(text, expected):
    assert dates.found(text) == [(0, datetime.date(*expected))]


def test_no_such_day_is_no_date_and_dates_come_in_the_order_printed():
    text = "2023年2月30日印发；二〇二二年十月十一日印发，2021年1月5日修订"
    assert dates.found(text) == [
        (text.index("二〇"), datetime.date(2022, 10, 11)),
        (text.index("2021"), datetime.date(2021, 1, 5)),
    ]


def test_a_month_or_day_in_numerals():
    assert [dates.in_numerals(n) for n in (1, 9, 10, 11, 20, 21, 30, 31)] == [
        "一", "九", "十", "十一", "二十", "二十一", "三十", "三十一"
    ]  # fmt: skip
    assert [dates.numeral_number(numeral) for numeral in ("八", "十", "十二", "二十", "三十一")] == [8, 10, 12, 20, 31]
