"""The charts, drawn from the fixture's one shared indicator (renewable-share: 甲区 ≥ 15%, 乙区 ≥ 18% by 2030)."""

import json
import xml.etree.ElementTree as ET

import pytest

from generator import charts, views

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def row(fixture_model):
    return next(r for r in views.by_indicator(fixture_model) if r.indicator.indicator_id == "renewable-share")


def test_indicator_chart_is_an_accessible_svg_with_its_numbers(fixture_model, row):
    chart = charts.indicator_chart(fixture_model, row)
    root = ET.fromstring(chart.svg())
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == chart.title == "可再生能源消费比重：各区的承诺"
    assert "2 个区" in root.find(f"{SVG}desc").text


def test_chart_text_stays_text_for_the_readers_fonts(fixture_model, row):
    svg = charts.indicator_chart(fixture_model, row).svg()
    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert {"≥ 15%", "≥ 18%（力争）", "甲区", "乙区", "2030"} <= set(texts)


def test_indicator_points_are_one_per_distinct_commitment(fixture_model, row):
    points = charts.indicator_points(fixture_model, row)
    assert {"方案": "甲区", "目标年": "2030", "承诺": "≥ 15%"} in points
    assert len(points) == sum(len(ts) for ts in row.by_plan.values()) == 2


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
    from generator import i18n, render
    from generator.site import assemble

    site = assemble(real_inputs, real_tables)
    missing = set()
    for lang in i18n.LANGUAGES:
        label = render.environment(site.model, lang).globals["label"]
        for kind in render.CHARTS:
            for item in kind.made_for(site):
                text = json.dumps(kind.draw(item, label, lang).spec, ensure_ascii=False)
                missing |= {char for char in text if not bundled_font_or_liberation_has(char)}
    assert missing == set()


def test_the_bundled_font_travels_with_its_licence():
    assert [p.name for p in charts.FONT_DIR.glob("*.ttf")] == ["DroidSansFallback-GB2312.ttf"]
    assert (charts.FONT_DIR / "LICENSE-Apache-2.0.txt").is_file()


def test_the_svg_names_the_css_font_stack(fixture_model, row):
    svg = charts.indicator_chart(fixture_model, row).svg()
    families = {t.get("font-family") for t in ET.fromstring(svg).iter(f"{SVG}text")}
    assert families == {charts.FONT}
