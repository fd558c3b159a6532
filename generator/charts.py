"""Charts: Vega-Lite specifications built from the model, rendered to SVG at build time.

Only the comparison pages have these charts (a few dozen). A plan page's counts by year
are an HTML table with bars (views.plan_years, macros.j2): at 3,000 plans, 3,000
vl-convert charts at 0.1–0.2 s each would cost more than the rest of the build.

The SVG keeps its text as text, so the browser draws the Chinese labels with
the reader's own fonts; no script runs to show a chart. Every chart carries a
<title> and <desc>, and its numbers are shown in a table beside it on the page.

vl-convert lays the labels out by measuring their text with fonts. So that the SVG has the same bytes on every
machine, it measures with fonts the build brings and never with the machine's own (``measure_with_own_fonts``):
Latin with the Liberation Sans that vl-convert carries, Chinese with the subset of Droid Sans Fallback in
generator/fonts/. The SVG still names the CSS font stack ``FONT``: the reader's fonts draw the text.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import vl_convert
from markupsafe import escape

from . import i18n, text, urls
from .model import Model, Plan
from .views import IndicatorRow

NO_YEAR = "未定年份"
# A comparison chart has a row per plan of its region; beyond this many rows it is no longer readable (and at
# 0.1–1 s per chart, no longer cheap), so larger regions show the tables alone.
MOST_ROWS = 30
Label = Callable[[str], str]  # gettext: a Chinese label in the page's language
FONT = "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"
# The fonts vl-convert measures Chinese text with (generator/fonts/README.md says what they are and their licence).
FONT_DIR = Path(__file__).resolve().parent / "fonts"


@dataclass(frozen=True)
class Chart:
    path: str  # under docs/, e.g. charts/120000/timeline.svg
    title: str
    description: str
    spec: dict

    def svg(self) -> str:
        measure_with_own_fonts()
        return accessible_svg(vl_convert.vegalite_to_svg(json.dumps(self.spec, ensure_ascii=False)), self)


def render_all(charts: list[Chart]) -> dict[str, str]:
    """Every chart's SVG by path, on all cores: each conversion is independent and costs about 0.25 s."""
    if len(charts) < 8:
        return {chart.path: chart.svg() for chart in charts}
    # "spawn": vl-convert runs threads of its own, and a forked copy of a threaded process can hang.
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return dict(zip((c.path for c in charts), pool.map(_svg, charts, chunksize=4), strict=True))


def _svg(chart: Chart) -> str:
    return chart.svg()


_fonts_ready = False


def measure_with_own_fonts() -> None:
    """Make vl-convert measure text with the build's fonts only, once per process, before its first chart.

    vl-convert reads the machine's fonts when it is first used: on Linux, the folders that fontconfig's file
    names (FONTCONFIG_FILE, else /etc/fonts/fonts.conf). Pointed at a configuration that names only an empty
    folder, it loads none of them; it keeps the Liberation Sans it carries, to which the generic ``sans-serif``
    of ``FONT`` resolves, and we add generator/fonts/ for the Chinese characters Liberation Sans lacks.
    Every label is then measured alike whatever fonts the machine has. (On macOS and Windows vl-convert reads
    the system's font folders whatever the configuration says.)
    """
    global _fonts_ready
    if _fonts_ready:
        return
    before = os.environ.get("FONTCONFIG_FILE")
    with tempfile.TemporaryDirectory() as empty:
        config = Path(empty) / "fonts.conf"
        config.write_text(f"<fontconfig><dir>{escape(empty)}</dir></fontconfig>\n", encoding="utf-8")
        os.environ["FONTCONFIG_FILE"] = str(config)
        try:
            vl_convert.register_font_directory(str(FONT_DIR))  # the first use: vl-convert reads the config now
        finally:
            if before is None:
                del os.environ["FONTCONFIG_FILE"]
            else:
                os.environ["FONTCONFIG_FILE"] = before
    _fonts_ready = True


def indicator_chart(model: Model, row: IndicatorRow, label: Label = str, lang: str = i18n.DEFAULT) -> Chart:
    """When and how each district plan commits to one indicator: a dot per commitment, labelled with its figure."""
    rows = indicator_points(model, row, label, lang)
    name = i18n.localised(lang, row.indicator, "name_zh")
    title = label("%(indicator)s：各区的承诺") % {"indicator": name}
    description = label(
        "%(n)s 个区的方案就“%(indicator)s”作出承诺。横轴为目标年，每个点是一条承诺，旁注数值或承诺类型。"
    ) % {"n": row.plan_count, "indicator": name}
    year, plan, shown = label("目标年"), label("方案"), label("承诺")
    spec = _base(title, description) | {
        "data": {"values": rows},
        "height": {"step": 40},
        "encoding": {
            "x": {"field": year, "type": "ordinal", "sort": _years(rows, year, label), "axis": {"labelAngle": 0}},
            "y": {"field": plan, "type": "nominal", "sort": [_plan_name(p, lang) for p in model.district_plans]},
        },
        "layer": [
            {"mark": {"type": "point", "filled": True, "size": 120}},
            {"mark": {"type": "text", "align": "left", "dx": 10}, "encoding": {"text": {"field": shown}}},
        ],
    }
    return Chart(urls.indicator_chart(_region(model), row.indicator.indicator_id), title, description, spec)


def timeline_chart(
    model: Model, counts: list[tuple[int, Plan, int]], label: Label = str, lang: str = i18n.DEFAULT
) -> Chart:
    """Every dated commitment from 2022 to 2030 on one time axis: a circle per plan and year, sized by count.

    ``counts`` is views.timeline_counts of the model."""
    rows = timeline_counts(counts, label, lang)
    year, plan, count = label("年份"), label("方案"), label("承诺数")
    title = label("2022—2030年各方案到期的承诺数")
    description = label(
        "共 %(n)s 条写明目标年的承诺。横轴为年份，每行一份方案，圆的大小和数字表示当年到期的承诺条数。"
    ) % {"n": sum(r[count] for r in rows)}
    spec = _base(title, description) | {
        "data": {"values": rows},
        "height": {"step": 40},
        "encoding": {
            "x": {"field": year, "type": "ordinal", "axis": {"labelAngle": 0}},
            "y": {"field": plan, "type": "nominal", "sort": [_plan_name(p, lang) for p in model.plans], "title": None},
        },
        "layer": [
            {
                "mark": {"type": "circle", "opacity": 0.6},
                "encoding": {"size": {"field": count, "type": "quantitative", "legend": None}},
            },
            {"mark": {"type": "text", "dy": -14}, "encoding": {"text": {"field": count}}},
        ],
    }
    return Chart(urls.timeline_chart(_region(model)), title, description, spec)


def timeline_counts(counts: list[tuple[int, Plan, int]], label: Label = str, lang: str = i18n.DEFAULT) -> list[dict]:
    """The numbers behind timeline_chart (views.timeline_counts), labelled in the page's language."""
    return [
        {label("年份"): str(year), label("方案"): _plan_name(plan, lang), label("承诺数"): n}
        for year, plan, n in counts
    ]


def indicator_points(model: Model, row: IndicatorRow, label: Label = str, lang: str = i18n.DEFAULT) -> list[dict]:
    """The numbers behind indicator_chart, one row per distinct commitment."""
    points = []
    for plan in model.district_plans:
        for target in row.by_plan[plan.plan_id]:
            if target.kind == "quantitative":
                shown = text.figure(target, label)
            else:
                shown = label(text.KIND_LABELS[target.kind])
            hedges = label("、").join(label(word) for word in (target.hedge or "").split("、") if word)
            points.append(
                {
                    label("方案"): _plan_name(plan, lang),
                    label("目标年"): str(target.target_year) if target.target_year else label(NO_YEAR),
                    label("承诺"): shown + (label("（%(hedge)s）") % {"hedge": hedges} if hedges else ""),
                }
            )
    return points


def _plan_name(plan, lang: str) -> str:
    return i18n.localised(lang, plan, "short_name")


def accessible_svg(svg: str, chart: Chart) -> str:
    """Give the SVG a role, a <title> and a <desc> that screen readers announce."""
    head, rest = svg.split(">", 1)
    labelled = f'{head} role="img" aria-labelledby="chart-title chart-desc">'
    return (
        f'{labelled}<title id="chart-title">{escape(chart.title)}</title>'
        f'<desc id="chart-desc">{escape(chart.description)}</desc>{rest}'
    )


def _region(model: Model) -> str:
    """Charts compare the plans of one region (Model.within), and are kept in its folder."""
    return model.regions[0].code


def _base(title: str, description: str) -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "description": description,
        "width": 560,
        "config": {"font": FONT, "background": None, "view": {"stroke": None}},
    }


def _years(rows: list[dict], field: str, label: Label) -> list[str]:
    """The years on the axis in order, undated commitments last."""
    return [*sorted({r[field] for r in rows} - {label(NO_YEAR)}), label(NO_YEAR)]
