from decimal import Decimal
from types import SimpleNamespace

import pytest

from generator.pages import text


def target(**fields):
    base = dict(kind="quantitative", comparator="eq", value=None, value_min=None, value_max=None, unit="%")
    return SimpleNamespace(**{**base, **fields})


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        (dict(value=Decimal("31.02")), "31.02%"),
        (dict(comparator="ge", value=Decimal("46")), "≥ 46%"),
        (dict(comparator="le", value=Decimal("1.3"), unit=None), "≤ 1.3"),
        (dict(comparator="range", value_min=Decimal("3"), value_max=Decimal("5"), unit="家"), "3–5家"),
        (dict(kind="qualitative", comparator=None, unit=None), ""),
    ],
)
def test_figure(fields, shown):
    assert text.figure(target(**fields)) == shown


def test_cell_keeps_a_table_cell_in_one_piece():
    shown = text.cell("a | b\nc")
    assert "|" not in shown and "\n" not in shown


def test_cell_escapes_html_and_markdown_links():
    shown = text.cell("<script>alert(1)</script> [x](javascript:alert(1))")
    assert "<" not in shown and "[" not in shown and "(" not in shown


def test_cell_leaves_chinese_text_alone():
    assert text.cell("森林覆盖率达到31.02%") == "森林覆盖率达到31.02%"


def test_a_figures_unit_is_shown_in_the_pages_language():
    english = {"家": " organisations"}.get
    assert text.figure(target(comparator="ge", value=Decimal("270"), unit="家"), english) == "≥ 270 organisations"


def glance_target(**fields):
    base = dict(
        kind="quantitative", comparator="eq", value=None, value_min=None, value_max=None, unit="%",
        direction="level", baseline_year=None, hedge=None,
    )  # fmt: skip
    return SimpleNamespace(**{**base, **fields})


@pytest.fixture(scope="module")
def translations():
    from generator.base import i18n

    return i18n.translations("en")


@pytest.fixture(scope="module")
def english(translations):
    return translations.gettext


@pytest.mark.parametrize(
    ("fields", "chinese", "english_words"),
    [
        # hedong-2023-t044: 在2020年的基础上单位建筑面积能耗下降5%
        (
            dict(value=Decimal("5"), direction="decrease", baseline_year=2020),
            "降低5%（较2020年）",
            "cut by 5% from 2020",
        ),
        # hedong-2023-t021: 能耗强度降低14.5% (the source's period, not a baseline year: none is claimed)
        (dict(value=Decimal("14.5"), direction="decrease"), "降低14.5%", "cut by 14.5%"),
        # xiqing-2023-t023: 力争达到40万千瓦以上
        (dict(comparator="ge", value=Decimal("40"), unit="万千瓦"), "不低于40万千瓦", "at least 400 MW"),
        # xiqing-2023-t025: 天然气消费力争达到28.62亿立方米
        (dict(value=Decimal("28.62"), unit="亿立方米"), "达到28.62亿立方米", "reach 2.862 billion m³"),
        # hedong-2023-t012: 每年新增3-5家总部企业
        (
            dict(comparator="range", value_min=Decimal("3"), value_max=Decimal("5"), unit="家", direction="increase"),
            "增加3–5家",
            "increase by 3–5 organisations",
        ),
        (dict(comparator="le", value=Decimal("1.25"), unit=None), "不超过1.25", "at most 1.25"),
        (dict(comparator="gt", value=Decimal("28"), unit="亿元"), "超过28亿元", "more than 2.8 billion yuan"),
        (dict(comparator="lt", value=Decimal("2"), direction="decrease"), "降低不到2%", "cut by less than 2%"),
        (dict(comparator="ge", value=Decimal("5"), direction="increase"), "至少增加5%", "increase by at least 5%"),
        (dict(value=Decimal("3"), baseline_year=2020), "达到3%（基准年2020年）", "reach 3% (baseline year 2020)"),
        # Without a figure, only the direction, and nothing for a level.
        (dict(kind="qualitative", comparator=None, direction="decrease"), "方向：降低", "direction: down"),
        (dict(kind="defers-to-city", comparator=None, direction="increase"), "方向：提高", "direction: up"),
        (dict(kind="qualitative", comparator=None, direction="level"), "", ""),
    ],
)
def test_direction_phrase_follows_from_the_fields(fields, chinese, english_words, translations):
    t = glance_target(**fields)
    assert text.direction_phrase(t) == chinese
    assert text.direction_phrase(t, translations.gettext, "en", translations.ngettext) == english_words


@pytest.mark.parametrize(
    ("fields", "chinese", "english_words"),
    [
        # jizhou-2023-t034: 探索打造至少1个绿色低碳示范改造小区
        (
            dict(comparator="ge", value=Decimal("1"), unit="个", direction="increase"),
            "至少增加1个",
            "increase by at least 1 unit",
        ),
        (dict(value=Decimal("1"), unit="家"), "达到1家", "reach 1 organisation"),
        (dict(value=Decimal("1"), unit="座"), "达到1座", "reach 1 station"),
        (dict(value=Decimal("1"), unit="处"), "达到1处", "reach 1 site"),
        (dict(value=Decimal("1"), unit="台"), "达到1台", "reach 1 unit"),
        (dict(value=Decimal("2"), unit="台"), "达到2台", "reach 2 units"),
        (dict(value=Decimal("0.5"), unit="处"), "达到0.5处", "reach 0.5 sites"),
        (
            dict(comparator="range", value_min=Decimal("1"), value_max=Decimal("2"), unit="座"),
            "达到1–2座",
            "reach 1–2 stations",
        ),
        # Symbols and measured units have no singular: 1%, 1 MW, 0.1 billion yuan.
        (dict(value=Decimal("1")), "达到1%", "reach 1%"),
        (dict(value=Decimal("0.1"), unit="万千瓦"), "达到0.1万千瓦", "reach 1 MW"),
        (dict(value=Decimal("1"), unit="亿元"), "达到1亿元", "reach 0.1 billion yuan"),
        # hedong-2023-t039, xiqing-2023-t039: English separates thousands, as for the units it converts.
        (dict(comparator="ge", value=Decimal("1600"), unit="台"), "不低于1600台", "at least 1,600 units"),
        (dict(value=Decimal("7500"), unit="台"), "达到7500台", "reach 7,500 units"),
        (
            dict(comparator="range", value_min=Decimal("1000"), value_max=Decimal("1200")),
            "达到1000–1200%",
            "reach 1,000–1,200%",
        ),
    ],
)
def test_a_unit_that_counts_things_agrees_with_its_figure(fields, chinese, english_words, translations):
    t = glance_target(**fields)
    assert text.direction_phrase(t) == chinese
    assert text.direction_phrase(t, translations.gettext, "en", translations.ngettext) == english_words


def test_a_unit_on_its_own_is_named_in_the_plural(translations):
    english = {unit: text.unit_name(unit, translations.gettext, "en", translations.ngettext) for unit in "个家座处台"}
    assert english == {"个": "units", "家": "organisations", "座": "stations", "处": "sites", "台": "units"}
    assert text.unit_name("个") == "个"
    assert text.unit_name("万千瓦", translations.gettext, "en", translations.ngettext) == "MW"


def test_every_direction_and_comparator_has_words():
    for direction in ("level", "increase", "decrease"):
        for comparator in ("eq", "ge", "gt", "le", "lt", "range"):
            assert "%(figure)s" in text.PHRASES[direction, comparator]


def test_a_change_never_reads_as_a_level_nor_the_other_way():
    levels = {text.PHRASES["level", c] for c in ("eq", "ge", "gt", "le", "lt", "range")}
    changes = {text.PHRASES[d, c] for d in ("increase", "decrease") for c in ("eq", "ge", "gt", "le", "lt", "range")}
    assert not levels & changes
    assert all("增加" in text.PHRASES["increase", c] for c in ("eq", "ge", "gt", "le", "lt", "range"))
    assert all("降低" in text.PHRASES["decrease", c] for c in ("eq", "ge", "gt", "le", "lt", "range"))


def test_hedge_words_and_their_classes():
    assert text.hedge_words("力争、基本") == ["力争", "基本"]
    assert text.hedge_words(None) == []
    assert len(set(text.HEDGE_CLASSES.values())) == len(text.HEDGE_CLASSES)  # one class per word
