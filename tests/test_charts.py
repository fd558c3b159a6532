"""The charts, drawn from the fixture's one shared indicator (renewable-share: 甲区 ≥ 15%, 乙区 ≥ 18% by 2030)."""

import codecs
import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
import vl_convert
from conftest import FIXTURE_RELATIONS, with_targets

from generator.base.paths import ROOT
from generator.build import drawing
from generator.pages import charts
from generator.site import model, views

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def row(fixture_model):
    return next(r for r in views.by_indicator(fixture_model) if r.indicator.indicator_id == "renewable-share")


def test_indicator_chart_is_an_accessible_svg_with_its_numbers(fixture_model, row):
    chart = charts.indicator_chart(fixture_model, row)
    root = ET.fromstring(drawing.svg(chart))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == chart.title == "可再生能源消费比重：各区的承诺"
    assert "2 个区" in root.find(f"{SVG}desc").text


def texts(svg: str) -> list[str]:
    """Every text of an SVG, a text of several lines (tspans) as one, its lines joined by a space."""
    return [" ".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_chart_text_stays_text_for_the_readers_fonts(fixture_model, row):
    shown = texts(drawing.svg(charts.indicator_chart(fixture_model, row)))
    assert {"甲区，2030年：≥ 15%", "乙区，2030年：≥ 18%（力争）", "目标水平（%）"} <= set(shown)


def test_an_indicator_chart_has_a_value_axis_from_zero(fixture_model, row):
    """The figures 15 and 18 (%) on an axis whose ticks start at 0 and pass the larger figure."""
    svg = drawing.svg(charts.indicator_chart(fixture_model, row))
    ticks = [float(t) for t in texts(svg) if t.replace(".", "", 1).isdigit()]
    assert min(ticks) == 0 and max(ticks) >= 18


def test_kind_and_hedge_are_told_by_colour_shape_and_words(fixture_model, row):
    spec = charts.indicator_chart(fixture_model, row).spec
    values, key = spec["vconcat"][0]["data"]["values"], spec["vconcat"][-1]["data"]["values"]
    plain, strive = values  # 甲区 ≥ 15%, 乙区 ≥ 18%（力争）
    assert (
        plain["shape"] != strive["shape"] and plain["colour"] == strive["colour"] == charts.KIND_COLOURS["quantitative"]
    )
    # The key: the two symbols drawn, each in its colour and shape, named by kind and qualifier; nothing else.
    assert [(k["text"], k["colour"], k["shape"]) for k in key] == [
        ("定量（无限定词）", plain["colour"], plain["shape"]),
        ("定量（力争）", strive["colour"], strive["shape"]),
    ]


def test_the_key_shows_only_symbols_the_chart_draws(real_model):
    """On every indicator chart of the real data, each symbol (colour, shape) of the key is one a row is drawn with."""
    rows = [r for r in views.by_indicator(real_model) if charts.charted(r)]
    assert len(rows) > 10
    for row in rows:
        panels = charts.indicator_chart(real_model, row).spec["vconcat"]
        drawn = {(item["colour"], item["shape"]) for panel in panels[:-1] for item in panel["data"]["values"]}
        key = [(item["colour"], item["shape"]) for item in panels[-1]["data"]["values"]]
        assert set(key) == drawn and len(key) == len(drawn), row.indicator.indicator_id


def test_no_mark_sits_on_the_value_axis_end_and_ticks_do_not_collide(fixture_model, row):
    """The axis passes the largest figure (18) by a tick at least; its labels are few and apart."""
    svg = drawing.svg(charts.indicator_chart(fixture_model, row))
    ticks = [float(t) for t in texts(svg) if t.replace(".", "", 1).isdigit()]
    assert max(ticks) > 18 and len(ticks) <= charts.TICKS + 2


def test_figures_that_measure_different_things_get_axes_of_their_own(fixture_tables):
    """乙区's 18% of the whole district and a copy of it for new buildings only, and a copy in 万千瓦: three axes,
    each saying what it measures; a qualitative commitment is listed apart, without a figure."""
    model = with_targets(
        fixture_tables,
        ("yi-2023-t003", {"target_id": "yi-2023-t900", "scope": "new-buildings", "scope_as_printed": "新建建筑"}),
        ("yi-2023-t003", {"target_id": "yi-2023-t901", "unit": "万千瓦", "value": Decimal(40)}),
        (
            "yi-2023-t003",
            {"target_id": "yi-2023-t902", "kind": "qualitative", "comparator": None, "value": None, "unit": None},
        ),
    )
    row = next(r for r in views.by_indicator(model) if r.indicator.indicator_id == "renewable-share")
    panels = charts.indicator_chart(model, row).spec["vconcat"]
    axes = [
        layer["encoding"]["x"]["axis"]["title"]
        for p in panels
        for layer in p["layer"]
        if "axis" in layer["encoding"].get("x", {})
    ]
    assert ["".join(a) for a in axes] == [
        "目标水平（%）", "目标水平（%）", "目标水平（%），适用于新建建筑或设施", "目标水平（%），适用于新建建筑或设施",
        "目标水平（万千瓦）", "目标水平（万千瓦）",
    ]  # fmt: skip
    assert [p.get("title") for p in panels[3:]] == [["未写数值的承诺"], ["图例"]]


def test_an_indicator_without_figures_gets_no_chart(fixture_tables):
    model = with_targets(
        fixture_tables, ("yi-2023-t001", {"target_id": "yi-2023-t900", "indicator_id": "energy-intensity"})
    )
    rows = {r.indicator.indicator_id: r for r in views.by_indicator(model)}
    assert not charts.charted(rows["energy-intensity"]) and charts.charted(rows["renewable-share"])


def test_the_timeline_spaces_years_by_time(fixture_model):
    """Its axis labels every year, each the same distance from the next: 2022 to 2025 three times 2025 to 2026."""
    view = views.region_view(fixture_model, fixture_model.regions[0])
    svg = drawing.svg(charts.timeline_chart(view.model, view.timeline_counts))
    labels = ET.fromstring(svg).findall(f".//{SVG}g[@class='mark-text role-axis-label']/{SVG}text")
    at = {int(t.text): float(t.get("transform").removeprefix("translate(").split(",")[0]) for t in labels}
    years = sorted(at)
    assert years == list(range(years[0], years[-1] + 1)) and len(years) > 2
    steps = {round(at[b] - at[a], 3) for a, b in zip(years, years[1:], strict=False)}
    assert len(steps) == 1


def test_chart_text_and_axes_take_the_pages_colour(fixture_model, row):
    root = ET.fromstring(drawing.svg(charts.indicator_chart(fixture_model, row)))
    assert {t.get("fill") for t in root.iter(f"{SVG}text")} == {"currentColor"}


def test_a_chart_is_drawn_with_the_named_vega_lite_version_not_vl_converts_default(fixture_model, row, monkeypatch):
    """A new vl-convert's newest Vega-Lite does not change the drawings by itself: VEGA_LITE is passed to it, is
    one of the versions it carries, is the version the specification names, and is part of a drawing's cache key."""
    chart = charts.indicator_chart(fixture_model, row)
    asked = []
    monkeypatch.setattr(drawing.vl_convert, "vegalite_to_svg", lambda spec, **options: asked.append(options) or "")
    drawing.drawn(chart.spec)
    drawing.drawn(chart.wide_spec)
    assert asked == [{"vl_version": charts.VEGA_LITE}] * 2
    monkeypatch.undo()
    assert charts.VEGA_LITE in vl_convert.get_vegalite_versions()
    schema = f"https://vega.github.io/schema/vega-lite/v{charts.VEGA_LITE.split('.')[0]}.json"
    assert chart.spec["$schema"] == chart.wide_spec["$schema"] == schema
    assert charts.VEGA_LITE in drawing.DRAWN_BY


def test_indicator_table_is_one_row_per_distinct_commitment(fixture_model, row):
    header, rows = charts.indicator_table(fixture_model, row)
    assert header[:3] == ("方案", "目标编号", "目标年")
    assert [r[:3] for r in rows] == [("甲区", "jia-2023-t004", "2030"), ("乙区", "yi-2023-t003", "2030")]
    assert rows[1][-1] == "≥ 18%（力争）"


def test_chart_csv_opens_as_utf8_in_a_spreadsheet_and_keeps_formulas_as_text():
    data = charts.table_csv((("名", "式"), (("甲", "=1+1"), ("乙", "-2"), ("丙", "x,y"))))
    assert data.startswith(codecs.BOM_UTF8)
    assert data[3:].decode("utf-8") == "名,式\n甲,'=1+1\n乙,'-2\n丙,\"x,y\"\n"


@pytest.mark.parametrize(
    ("words", "lines"),
    [
        ("Tianjin Carbon Peaking Pilot Programme, 2030: meets the city's assigned target (strive to)",
         ["Tianjin Carbon Peaking Pilot", "Programme, 2030: meets the city's", "assigned target (strive to)"]),
        ("天津市碳达峰试点建设方案，2030年：完成市下达任务（力争）",
         ["天津市碳达峰试点建设方案，2030年：完成市下达", "任务（力争）"]),
        ("short", ["short"]),
        ("Xiqing District, no target year: ≤ 1.25", ["Xiqing District, no target year:", "≤ 1.25"]),
    ],
)  # fmt: skip
def test_wrap_breaks_at_spaces_or_between_chinese_characters(words, lines):
    """Widths by hand (Chinese 1 em, others 0.62): "Tianjin Carbon Peaking Pilot" 17.36 em + "Programme," 6.2 em
    passes TEXT_EM (23); "…完成市下达" 22.48 em, + 任 23.48."""
    assert charts.wrap(words).split("\n") == lines


def bundled_font_or_liberation_has(char: str) -> bool:
    """Whether a character is measured by the fonts the build brings (generator/fonts/README.md): Latin, Greek,
    Cyrillic and general punctuation by vl-convert's Liberation Sans, GB 2312 and CJK forms by the Droid subset."""
    code = ord(char)
    if code < 0x0530 or 0x2000 <= code <= 0x206F or 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E:
        return True
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def test_the_bundled_fonts_cover_every_character_of_the_real_charts(real_inputs, real_tables):
    """A character no bundled font has would be measured as nothing; extend the subset (generator/fonts/README.md)."""
    from generator.base import i18n
    from generator.pages import catalogue
    from generator.site.assemble import assemble

    site = assemble(real_inputs, real_tables)
    missing = set()
    for lang in i18n.LANGUAGES:
        for drawn in catalogue.catalogue(site, (lang,)).charts:
            text = json.dumps(drawn.chart.spec, ensure_ascii=False)
            missing |= {char for char in text if not bundled_font_or_liberation_has(char)}
    assert missing == set()


def test_the_bundled_font_travels_with_its_licence():
    assert [p.name for p in drawing.FONT_DIR.glob("*.ttf")] == ["DroidSansFallback-GB2312.ttf"]
    assert (drawing.FONT_DIR / "LICENSE-Apache-2.0.txt").is_file()


def test_the_svg_names_the_css_font_stack(fixture_model, row):
    """Once, on the <svg>, which every text inherits."""
    root = ET.fromstring(drawing.svg(charts.indicator_chart(fixture_model, row)))
    assert root.get("font-family") == charts.FONT
    assert [t.get("font-family") for t in root.iter(f"{SVG}text") if t.get("font-family")] == []


# 甲区 under a name long enough that it wraps on a phone: 26 Chinese characters (26 em), more than TEXT_EM (23 em).
LONG_NAME = "甲区碳达峰实施方案重点领域示范行动清单及其配套政策区"


@pytest.fixture(scope="module")
def long_named(fixture_tables):
    """The fixture's model with 甲区 under LONG_NAME (a district plan is called by its district's name)."""
    districts = [d | {"name_zh": LONG_NAME} if d["code"] == "990101" else d for d in fixture_tables["districts"]]
    return model.build_model({**fixture_tables, "districts": districts}, FIXTURE_RELATIONS)


def tspans(svg: str) -> dict[str, int]:
    """Each text of an SVG, its lines joined, by the number of lines (tspans) it is drawn in."""
    return {"".join(t.itertext()): max(1, len(t.findall(f"{SVG}tspan"))) for t in ET.fromstring(svg).iter(f"{SVG}text")}


def view_box_width(svg: str) -> float:
    return float(ET.fromstring(svg).get("viewBox").split()[2])


def test_the_wide_layout_is_wide_and_wraps_a_long_label_in_fewer_lines(long_named):
    """At WIDE, the row for 甲区 (34.58 em with "，2030年：≥ 15%") is one line; at WIDTH it passes TEXT_EM (23 em)
    and takes two. The same words either way, each wrapped as ``wrap`` does at the em of its width."""
    row = next(r for r in views.by_indicator(long_named) if r.indicator.indicator_id == "renewable-share")
    chart = charts.indicator_chart(long_named, row)
    assert [panel["width"] for panel in chart.spec["vconcat"]] == [charts.WIDTH] * 2  # the figures, the key
    assert [panel["width"] for panel in chart.wide_spec["vconcat"]] == [charts.WIDE] * 2
    words = f"{LONG_NAME}，2030年：≥ 15%"
    narrow, wide = (spec["vconcat"][0]["data"]["values"][0] for spec in (chart.spec, chart.wide_spec))
    assert narrow["text"] == charts.wrap(words, charts.TEXT_EM) and narrow["text"].count("\n") == 1
    assert wide["text"] == words  # one line
    # The row under it starts a line higher in the wide layout.
    below = [spec["vconcat"][0]["data"]["values"][1]["text_y"] for spec in (chart.spec, chart.wide_spec)]
    assert below[0] - below[1] == charts.LINE
    # As drawn: two lines (tspans) on a phone, one on a wide column; each drawing about as wide as laid out.
    narrow_svg, wide_svg = drawing.svg(chart), drawing.svg(chart, wide=True)
    assert (tspans(narrow_svg)[words], tspans(wide_svg)[words]) == (2, 1)
    assert charts.WIDTH <= view_box_width(narrow_svg) < charts.WIDTH + 20
    assert charts.WIDE <= view_box_width(wide_svg) < charts.WIDE + 20


def test_the_wide_em_is_text_em_scaled_by_the_room_beside_the_mark():
    assert charts.text_em(charts.WIDTH) == charts.TEXT_EM  # the phone's layout wraps as it always has
    wide = charts.TEXT_EM * (charts.WIDE - charts.TEXT_X) / (charts.WIDTH - charts.TEXT_X)
    assert charts.text_em(charts.WIDE) == pytest.approx(wide) and wide > 2 * charts.TEXT_EM


def test_the_wide_timeline_wraps_a_long_plan_name_in_fewer_lines(long_named):
    view = views.region_view(long_named, long_named.regions[0])
    chart = charts.timeline_chart(view.model, view.timeline_counts)
    assert (chart.spec["width"], chart.wide_spec["width"]) == (charts.WIDTH, charts.WIDE)
    narrow, wide = (spec["layer"][0]["data"]["values"] for spec in (chart.spec, chart.wide_spec))
    assert narrow[0]["text"] == charts.wrap(LONG_NAME, charts.TEXT_EM) == LONG_NAME[:23] + "\n" + LONG_NAME[23:]
    assert wide[0]["text"] == LONG_NAME
    assert chart.wide_spec["height"] == chart.spec["height"] - charts.LINE  # one line fewer, the rest as before
    assert [n["text"] for n in narrow[1:]] == [n["text"] for n in wide[1:]]


def test_the_two_drawings_of_a_chart_name_their_title_and_description_apart(fixture_model, row):
    """A page holds both drawings: ids unique among them, each drawing labelled by its own title and description."""
    chart = charts.indicator_chart(fixture_model, row)
    roots = [ET.fromstring(drawing.svg(chart, wide=wide)) for wide in (False, True)]
    ids = [[e.get("id") for e in root.iter() if e.get("id")] for root in roots]
    assert ids == [["chart-title", "chart-desc"], ["chart-title-wide", "chart-desc-wide"]]
    for root, own in zip(roots, ids, strict=True):
        assert root.get("aria-labelledby").split() == own
        assert root.find(f"{SVG}title").text == chart.title and root.find(f"{SVG}desc").text == chart.description


def test_the_page_shows_the_wide_drawing_only_where_its_column_has_room_for_it(fixture_model, row):
    """site.css shows the wide drawing from a column of some width: one at which it is shown at its own size (its
    text at FONT_SIZE, not shrunk), and wider than the phone's drawing, which shows below it."""
    css = (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8")
    (threshold,) = (float(px) for px in re.findall(r"@container \(min-width: (\d+)px\)", css))
    chart = charts.indicator_chart(fixture_model, row)
    view = views.region_view(fixture_model, fixture_model.regions[0])
    timeline = charts.timeline_chart(view.model, view.timeline_counts)
    for drawn in (chart, timeline):
        assert view_box_width(drawing.svg(drawn)) < view_box_width(drawing.svg(drawn, wide=True)) <= threshold
