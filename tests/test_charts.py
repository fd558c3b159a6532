"""The charts, drawn from the fixture's one shared indicator (renewable-share: 甲区 ≥ 15%, 乙区 ≥ 18% by 2030)."""

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
