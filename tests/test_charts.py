import xml.etree.ElementTree as ET

from generator import charts, views

SVG = "{http://www.w3.org/2000/svg}"


def test_indicator_chart_is_an_accessible_svg_with_its_numbers(real_model):
    row = next(r for r in views.by_indicator(real_model) if r.indicator.indicator_id == "forest-coverage")
    chart = charts.indicator_chart(real_model, row)
    root = ET.fromstring(chart.svg())
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == chart.title
    assert str(row.plan_count) in root.find(f"{SVG}desc").text


def test_chart_text_stays_text_for_the_readers_fonts(real_model):
    row = next(r for r in views.by_indicator(real_model) if r.indicator.indicator_id == "new-large-data-centre-pue")
    svg = charts.indicator_chart(real_model, row).svg()
    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "≤ 1.25" in texts and "西青区" in texts


def test_indicator_points_are_one_per_distinct_commitment(real_model):
    row = next(r for r in views.by_indicator(real_model) if r.indicator.indicator_id == "forest-coverage")
    points = charts.indicator_points(real_model, row)
    assert {"方案": "蓟州区", "目标年": "2025", "承诺": "31.02%"} in points
    assert len(points) == sum(len(ts) for ts in row.by_plan.values())
