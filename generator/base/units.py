"""English units as people write them (400 MW, 2.862 billion m³), for display only: the data keep the unit as
the source prints it (万千瓦, 亿立方米), and every figure is computed here, in Decimal, from that printed unit.

One table, ``ENGLISH_UNITS``: for each printed unit, the one English unit it is shown in on the English pages, with
how many of them one printed unit is (1 万千瓦 = 10,000 kW = 10 MW). One unit, whatever the figure, so that a
table's cells, its unit column and a chart's axis always agree (40 万千瓦 = 400 MW, 200 万千瓦 = 2,000 MW): the unit
is the one in which the plans' figures read without leading zeros where it can be.
"""

from __future__ import annotations

from decimal import Decimal

# 万 = 10⁴, 亿 = 10⁸; M = 10⁶, "million" = 10⁶, "billion" = 10⁹.
ENGLISH_UNITS: dict[str, tuple[Decimal, str]] = {
    "万千瓦": (Decimal("10"), "MW"),  # 10⁴ kW = 10⁷ W = 10 MW
    "亿立方米": (Decimal("0.1"), "billion m³"),  # 10⁸ m³ = 0.1 × 10⁹ m³
    "万平方米": (Decimal("0.01"), "million m²"),  # 10⁴ m² = 0.01 × 10⁶ m²
    "亿元": (Decimal("0.1"), "billion yuan"),  # 10⁸ yuan
    "亿度": (Decimal("0.1"), "billion kWh"),  # 度 = kWh; 10⁸ kWh
    "万吨标准煤": (Decimal("0.01"), "million tce"),  # 10⁴ t of standard coal equivalent
}


def convertible(unit: str | None) -> bool:
    return unit in ENGLISH_UNITS


def name(unit: str) -> str:
    """The English unit that figures printed in ``unit`` are shown in: 万千瓦 → MW."""
    return ENGLISH_UNITS[unit][1]


def value(unit: str, printed: Decimal) -> Decimal:
    """A figure printed in ``unit`` in its English unit: 40 (万千瓦) → 400 (MW)."""
    return plain(printed * ENGLISH_UNITS[unit][0])


def scale(unit: str, *values: Decimal) -> tuple[list[Decimal], str]:
    """The values (one, or both ends of a range) in the English unit of ``unit``, and that unit's name."""
    return [value(unit, v) for v in values], name(unit)


def plain(value: Decimal) -> Decimal:
    """A Decimal without trailing zeros or an exponent: 400, 2.862, 0.5."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def grouped(value: Decimal) -> str:
    """A figure with thousands separated by commas, as English writes it: 548,000; 2.862."""
    return format(value, ",f")


def english(unit: str, *values: Decimal) -> str:
    """A figure (or range, joined by an en dash) of a convertible unit, in English: "400 MW", "2.862 billion m³"."""
    scaled, unit_name = scale(unit, *values)
    return "–".join(grouped(v) for v in scaled) + f" {unit_name}"
