"""English units for display (units.py): each conversion checked from what the Chinese unit means, not from the
table under test: 万 = 10⁴, 亿 = 10⁸; mega = 10⁶, giga = 10⁹."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.base import units

WAN, YI = Decimal(10) ** 4, Decimal(10) ** 8
MEGA, GIGA = Decimal(10) ** 6, Decimal(10) ** 9


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("1", "万千瓦", "10 MW"),  # 1 × 10⁴ kW = 10⁷ W = 10 MW
        ("40", "万千瓦", "400 MW"),  # 4 × 10⁵ kW
        ("200", "万千瓦", "2,000 MW"),  # 2 × 10⁶ kW = 2 × 10⁹ W: still in MW, the unit of every 万千瓦 figure
        ("12", "万千瓦", "120 MW"),
        ("28.62", "亿立方米", "2.862 billion m³"),  # 2.862 × 10⁹ m³
        ("0.5", "亿立方米", "0.05 billion m³"),  # 5 × 10⁷ m³
        ("54.8", "万吨标准煤", "0.548 million tce"),  # 5.48 × 10⁵ t
        ("150", "万吨标准煤", "1.5 million tce"),
        ("43", "亿元", "4.3 billion yuan"),  # 4.3 × 10⁹ yuan
        ("360", "亿元", "36 billion yuan"),
        ("37", "亿度", "3.7 billion kWh"),  # 度 is a kilowatt-hour
        ("2", "万平方米", "0.02 million m²"),  # 2 × 10⁴ m²
        ("100", "万平方米", "1 million m²"),
    ],
)
def test_english_units_as_people_write_them(value, unit, shown):
    assert units.english(unit, Decimal(value)) == shown


@pytest.mark.parametrize(
    ("value", "unit", "base", "per_english_unit"),
    [
        ("40", "万千瓦", WAN * 1000, MEGA),  # in watts
        ("200", "万千瓦", WAN * 1000, MEGA),
        ("28.62", "亿立方米", YI, GIGA),  # in cubic metres
        ("0.5", "亿立方米", YI, GIGA),
        ("54.8", "万吨标准煤", WAN, MEGA),  # in tonnes
        ("37", "亿度", YI, GIGA),  # in kWh
        ("43", "亿元", YI, GIGA),  # in yuan
        ("100", "万平方米", WAN, MEGA),  # in square metres
    ],
)
def test_a_converted_figure_is_the_same_quantity(value, unit, base, per_english_unit):
    """The figure shown times its English unit is exactly the printed figure times its Chinese unit."""
    (shown,), _ = units.scale(unit, Decimal(value))
    assert shown * per_english_unit == Decimal(value) * base


def test_no_float_noise_in_a_converted_figure():
    (shown,), name = units.scale("亿立方米", Decimal("28.62"))
    assert (str(shown), name) == ("2.862", "billion m³")
    (shown,), _ = units.scale("万千瓦", Decimal("0.3"))
    assert str(shown) == "3"  # not 3.0 nor 2.9999999999999996


@pytest.mark.parametrize("unit", ["万千瓦", "亿立方米", "万平方米", "亿元", "亿度", "万吨标准煤"])
def test_one_english_unit_per_printed_unit_whatever_the_figure(unit):
    """A table's unit column and a chart's axis name one unit for all figures of a printed unit (issue 28): the
    figures beside them are all in it, small or large."""
    shown = {units.english(unit, Decimal(v)).split(" ", 1)[1] for v in ("0.3", "1", "40", "200", "12345")}
    assert shown == {units.name(unit)}


def test_a_range_is_shown_in_one_unit():
    assert units.english("万千瓦", Decimal("50"), Decimal("150")) == "500–1,500 MW"


def test_units_without_an_english_form_are_left_to_the_labels():
    assert not units.convertible("家") and not units.convertible("%") and not units.convertible(None)
