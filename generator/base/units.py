"""English units as people write them (400 MW, 2.862 billion m³), for display only: the data keep the unit as
the source prints it (万千瓦, 亿立方米), and every figure is computed here, in Decimal, from that printed unit.

One table, ``ENGLISH_UNITS``: for each printed unit, the English units it can be shown in, each with how many of
them one printed unit is (1 万千瓦 = 10,000 kW = 10 MW = 0.01 GW). A figure is shown in the largest of them in
which it is at least 1 (40 万千瓦 = 400 MW; 200 万千瓦 = 2 GW), so that it reads without leading zeros.
"""

from __future__ import annotations

from decimal import Decimal

# 万 = 10⁴, 亿 = 10⁸; M = 10⁶, G = 10⁹, "million" = 10⁶, "billion" = 10⁹.
ENGLISH_UNITS: dict[str, tuple[tuple[Decimal, str], ...]] = {
    "万千瓦": ((Decimal("10"), "MW"), (Decimal("0.01"), "GW")),  # 10⁴ kW = 10 MW = 0.01 GW
    "亿立方米": ((Decimal("100"), "million m³"), (Decimal("0.1"), "billion m³")),  # 10⁸ m³
    "万平方米": ((Decimal("10000"), "m²"), (Decimal("0.01"), "million m²")),  # 10⁴ m²
    "亿元": ((Decimal("100"), "million yuan"), (Decimal("0.1"), "billion yuan")),  # 10⁸ yuan
    "亿度": ((Decimal("100"), "million kWh"), (Decimal("0.1"), "billion kWh")),  # 度 = kWh; 10⁸ kWh
    "万吨标准煤": ((Decimal("10000"), "tce"), (Decimal("0.01"), "million tce")),  # 10⁴ t of standard coal equivalent
}


def convertible(unit: str | None) -> bool:
    return unit in ENGLISH_UNITS


def scale(unit: str, *values: Decimal) -> tuple[list[Decimal], str]:
    """The values (one, or both ends of a range) in the English unit that suits the smallest of them: the
    largest unit in which it is still at least 1, else the smallest unit."""
    choices = ENGLISH_UNITS[unit]
    smallest = min(values)
    factor, name = next(((f, n) for f, n in reversed(choices) if smallest * f >= 1), choices[0])
    return [plain(value * factor) for value in values], name


def plain(value: Decimal) -> Decimal:
    """A Decimal without trailing zeros or an exponent: 400, 2.862, 0.5."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def grouped(value: Decimal) -> str:
    """A figure with thousands separated by commas, as English writes it: 548,000; 2.862."""
    return format(value, ",f")


def english(unit: str, *values: Decimal) -> str:
    """A figure (or range, joined by an en dash) of a convertible unit, in English: "400 MW", "2.862 billion m³"."""
    scaled, name = scale(unit, *values)
    return "–".join(grouped(v) for v in scaled) + f" {name}"
