"""Charts: Vega-Lite specifications built from the model; build/drawing.py draws them as SVG.

Only the comparison pages have these charts (a few dozen). A plan page's counts by year
are an HTML table with bars (views.plan_years, macros.j2): at 3,000 plans, 3,000
vl-convert charts at 0.1–0.2 s each would cost more than the rest of the build.

The SVG keeps its text as text, so the browser draws the Chinese labels with
the reader's own fonts; no script runs to show a chart. Every chart carries a
<title> and <desc>, and its numbers are shown in a table beside it on the page.
Pages hold the SVGs inline (macros.j2, chart), so that their text and axes, drawn in ``currentColor``, take the
page's text colour in light and dark mode; they are also published as files, with the data as CSV (``table_csv``).

Each chart is laid out twice: as wide as a phone's text column (``WIDTH``), so that a phone shows its 12 px text at
its own size, and as wide as the text column of a laptop's page (``WIDE``), which would otherwise leave half of it
empty. A page holds both; its CSS shows the one its column has room for (site.css, figure.chart). Rows are laid out
here (``_layout``), their text wrapped to the width laid out for (``wrap``, ``text_em``) with widths estimated on the
wide side, so that no font, the bundled ones or the reader's, pushes a label out of the SVG.

vl-convert lays the labels out by measuring their text with fonts. So that the SVG has the same bytes on every
machine, it measures with fonts the build brings and never with the machine's own (``measure_with_own_fonts``):
Latin with the Liberation Sans that vl-convert carries, Chinese with the subset of Droid Sans Fallback in
generator/fonts/. The SVG still names the CSS font stack ``FONT``: the reader's fonts draw the text.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from generator.base import i18n, units, urls
from generator.package.csvfiles import looks_like_formula
from generator.pages import text
from generator.site.model import Model, Plan, Target
from generator.site.views import TIMELINE_YEARS, IndicatorRow

NO_YEAR = "未定年份"
# A comparison chart has a row per plan of its region; beyond this many rows it is no longer readable (and at
# 0.1–1 s per chart, no longer cheap), so larger regions show the tables alone.
MOST_ROWS = 30
Label = text.Label  # gettext: a Chinese label in the page's language
Plural = text.Plural  # ngettext: a label that agrees with a count
Spec = dict[str, Any]  # a Vega-Lite specification, or a part of one, as JSON
Item = dict[str, Any]  # a row of a chart's data
Table = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]  # a chart's data as (header, rows) of texts
ScaleKey = tuple[str | None, str, int | None, bool, str]
FONT = "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"
# The version of Vega-Lite the charts are written in and drawn with, one of those vl-convert carries. Named, so that a
# new vl-convert, whose default is the newest it carries, draws them as before until this is raised.
VEGA_LITE = "6.4"
# Sizes in px. A chart's SVG is about WIDTH + 13 px wide (its axis labels reach past the plot), no wider than a
# phone's text column (about 350 px at 390 px), so that a phone shows it at its own size, its text at FONT_SIZE. Its
# wide layout is about WIDE + 13 px wide, within the text column of Material's page on a laptop (about 690 px at
# 1366 px), where the phone's would fill half of it; site.css shows it from a column of 660 px. Neither is ever
# enlarged, so the text stays FONT_SIZE on every screen.
WIDTH = 320
WIDE = 640
FONT_SIZE = 12
LINE = 15  # a line of text
TRACK = 20  # the strip a row's marks sit on
TICKS = 5  # at most about this many ticks on a value axis: at 12 px, "1,800" and "2,000" stay apart
GAP = 8  # between rows
MARK_X, TEXT_X, MARK_SIZE = 6, 16, 70  # a row's mark, then its text
# A line of text is at most TEXT_EM wide at WIDTH: WIDTH less the mark before it, with room for fonts wider than
# estimated. At other widths, in proportion (text_em).
TEXT_EM = 23.0
LATIN_EM = 0.62  # a Latin letter's width estimated on the wide side (Liberation Sans and DejaVu Sans average less)
# The kinds of commitment by colour, each at least 3:1 against the light and the dark page (WCAG 1.4.11).
KIND_COLOURS = {"quantitative": "#2f7ed8", "qualitative": "#808080", "defers-to-city": "#d9730d"}
KEY_COLOUR = "currentColor"  # the key shows the qualifiers' shapes in the text's colour
# The qualifiers (targets.hedge) by shape; two together (力争、基本) share OTHER_HEDGES.
HEDGE_SHAPES = {"": "circle", "力争": "triangle-up", "确保": "square", "左右": "diamond", "基本": "cross"}
OTHER_HEDGES = "triangle-down"
# What a figure measures (targets.direction): a level to reach, a rise by, a cut by.
DIRECTION_LABELS = {"level": "目标水平", "increase": "↑ 提高幅度", "decrease": "↓ 降低幅度"}
TIMELINE_FIRST, TIMELINE_LAST = min(TIMELINE_YEARS), max(TIMELINE_YEARS)


@dataclass(frozen=True)
class Chart:
    path: str  # under docs/, e.g. charts/120000/timeline.svg: laid out at WIDTH, for a phone
    wide_path: str  # laid out at WIDE, for a wide column: charts/120000/timeline-wide.svg (urls.wide_chart)
    data_path: str  # its data as CSV, e.g. charts/120000/timeline.csv, the same for both
    title: str
    description: str
    spec: Spec  # at WIDTH
    wide_spec: Spec  # at WIDE
    table: Table  # its data: (header, rows), each a tuple of texts

    def csv(self) -> bytes:
        return table_csv(self.table)


@dataclass(frozen=True)
class Block:
    """A panel of an indicator chart before it is laid out: its rows (their words unwrapped), the words of its value
    axis (its rows have figures) or of its heading."""

    items: list[Item]
    axis: str | None = None
    heading: str | None = None


def indicator_chart(
    model: Model, row: IndicatorRow, label: Label = str, lang: str = i18n.DEFAULT, plural: Plural | None = None
) -> Chart:
    """How each district plan commits to one indicator: a row per commitment, its figure on a value axis.

    Figures share an axis only when they measure the same thing: the same unit, direction (a level, a rise by, a cut
    by), baseline year, yearly or not, and scope (the whole district, new buildings…); each such group has its own
    panel and axis, titled with what it measures. Commitments without a figure (qualitative, or the city's target)
    follow as text. A mark's colour tells the kind of commitment and its shape the qualifier (力争, 左右…), as the
    row's text and the key below say."""
    targets = [(plan, t) for plan in model.district_plans for t in row.by_plan[plan.plan_id]]
    name = i18n.localised(lang, row.indicator, "name_zh")
    title = label("%(indicator)s：各区的承诺") % {"indicator": name}
    plural = plural or text.singular_or_plural(label)
    description = text.counted(
        plural,
        "%(num)s 个区的方案就“%(indicator)s”作出承诺。每行一条承诺：写明数值的画在数值轴上，"
        "颜色表示承诺类型，形状表示限定词（如力争、左右）。",
        row.plan_count,
        lang,
        indicator=name,
    )
    groups: dict[ScaleKey | None, list[Item]] = {}
    for plan, target in targets:
        groups.setdefault(_scale_key(target), []).append(_commitment_item(plan, target, label, lang, plural))
    blocks = [
        Block(items, axis=_axis_title(target_of_key, label, lang, plural))
        for key, items in groups.items()
        if key is not None
        for target_of_key in [next(t for _, t in targets if _scale_key(t) == key)]
    ]
    if None in groups:
        blocks.append(Block(groups[None], heading=label("未写数值的承诺")))
    blocks.append(Block(_key_items([t for _, t in targets], label), heading=label("图例")))
    code, indicator_id = _region(model), row.indicator.indicator_id
    path = urls.indicator_chart(code, indicator_id)
    return Chart(
        path=path,
        wide_path=urls.wide_chart(path),
        data_path=urls.indicator_chart_data(code, indicator_id),
        title=title,
        description=description,
        spec=_indicator_spec(description, blocks, WIDTH),
        wide_spec=_indicator_spec(description, blocks, WIDE),
        table=indicator_table(model, row, label, lang, plural),
    )


def _indicator_spec(description: str, blocks: list[Block], width: int) -> Spec:
    """An indicator chart laid out ``width`` px wide: its panels one under another, each with its own value axis."""
    panels = [_panel(block, width) for block in blocks]
    return _base(description) | {"vconcat": panels, "resolve": {"scale": {"x": "independent"}}}


def text_em(width: int) -> float:
    """How wide a line of a chart laid out ``width`` px wide may be, in em: TEXT_EM at WIDTH, and at another width
    in proportion to the room a row's text has beside its mark (``TEXT_X``)."""
    return TEXT_EM * (width - TEXT_X) / (WIDTH - TEXT_X)


def charted(row: IndicatorRow) -> bool:
    """Whether an indicator gets a chart: only where some plan writes a figure for it, which a value axis can show.
    Where none does, its page's table says it all."""
    return any(t.kind == "quantitative" for targets in row.by_plan.values() for t in targets)


def _scale_key(target: Target) -> ScaleKey | None:
    """What a figure measures: figures with the same key can share one value axis. None: no figure."""
    if target.kind != "quantitative":
        return None
    return (target.unit, target.direction, target.baseline_year, target.per_year, target.scope)


def _axis_title(target: Target, label: Label, lang: str = i18n.DEFAULT, plural: Plural | None = None) -> str:
    """The value axis of a group of figures, in words (unwrapped): direction, unit, baseline year, each year, scope."""
    unit = text.unit_name(target.unit, label, lang, plural) or label("无单位")
    words = label("%(direction)s（%(unit)s）") % {"direction": label(DIRECTION_LABELS[target.direction]), "unit": unit}
    if target.baseline_year:
        words += label("，较%(year)s年") % {"year": target.baseline_year}
    if target.per_year:
        words += label("，每年")
    if target.scope != "district":
        words += label("，适用于%(kind)s") % {"kind": label(text.SCOPE_LABELS[target.scope])}
    return words


def _commitment_item(plan: Plan, target: Target, label: Label, lang: str, plural: Plural | None = None) -> Item:
    """One commitment as a row of the chart: its words (unwrapped), its marks' colour and shape, its figure (lo–hi)."""
    hedge = _hedge_label(target.hedge, label)
    shown = _commitment_words(target, label, lang, plural)
    if hedge:
        shown += label("（%(hedge)s）") % {"hedge": hedge}
    year = label("%(year)s年") % {"year": target.target_year} if target.target_year else label(NO_YEAR)
    words = label("%(plan)s，%(year)s：%(commitment)s") % {
        "plan": _plan_name(plan, lang),
        "year": year,
        "commitment": shown,
    }
    low = target.value_min if target.comparator == "range" else target.value
    high = target.value_max if target.comparator == "range" else target.value
    if lang != i18n.DEFAULT and target.unit and units.convertible(target.unit):  # on the axis of the English unit
        low, high = (units.value(target.unit, v) if v is not None else None for v in (low, high))
    return {
        "text": words,
        "colour": KIND_COLOURS[target.kind],
        "shape": _hedge_shape(target.hedge),
        "lo": float(low) if low is not None else None,
        "hi": float(high) if high is not None else None,
    }


def _commitment_words(target: Target, label: Label, lang: str, plural: Plural | None = None) -> str:
    """What a commitment commits to, in short: its figure ("≥ 400 MW"), or its kind where it has none."""
    if target.kind == "quantitative":
        return text.figure(target, label, lang, plural)
    return label(text.KIND_LABELS[target.kind])


def _key_items(targets: list[Target], label: Label) -> list[Item]:
    """The key: each symbol the chart draws, a colour (the kind of commitment) with a shape (the qualifier), once, in
    the order the rows first show it, and nothing it does not draw. When every mark has one shape, the key names the
    kinds alone."""
    symbols = list(dict.fromkeys((t.kind, t.hedge or "") for t in targets))
    one_shape = len({_hedge_shape(hedge) for _, hedge in symbols}) == 1
    items, seen = [], set()
    for kind, hedge in symbols:
        symbol = (KIND_COLOURS[kind], _hedge_shape(hedge))
        if symbol in seen:  # qualifiers that share a shape (OTHER_HEDGES): one entry
            continue
        seen.add(symbol)
        words = label(text.KIND_LABELS[kind])
        if not one_shape:
            words += label("（%(hedge)s）") % {"hedge": _hedge_label(hedge, label) or label("无限定词")}
        items.append({"text": words, "colour": symbol[0], "shape": symbol[1]})
    return items


def _hedge_label(hedge: str | None, label: Label) -> str:
    return label("、").join(label(word) for word in (hedge or "").split("、") if word)


def _hedge_shape(hedge: str | None) -> str:
    return HEDGE_SHAPES.get(hedge or "", OTHER_HEDGES)


def _layout(items: list[Item], em: float) -> tuple[list[Item], int]:
    """Rows one under another: each row's lines of text (its words wrapped at ``em``), then (if it has a figure) the
    track its marks sit on. Returns the rows with their text wrapped and their pixel positions, and the height they
    take."""
    placed, y = [], 0
    for item in items:
        shown = wrap(item["text"], em)
        lines = shown.count("\n") + 1
        row = item | {"text": shown, "text_y": y, "marker_y": y + LINE / 2, "zero": 0}
        y += lines * LINE
        if item.get("lo") is not None:
            row["track_y"] = y + TRACK / 2
            y += TRACK
        placed.append(row)
        y += GAP
    return placed, y - GAP


def _panel(block: Block, width: int) -> Spec:
    """A block of rows laid out ``width`` px wide (``_layout``), its words wrapped to that width: with an axis, their
    figures on a value axis that starts at zero."""
    em = text_em(width)
    items, axis = block.items, block.axis
    rows, height = _layout(items, em)
    pixel: Spec = {"type": "quantitative", "scale": None, "axis": None}
    mark: Spec = {
        "shape": {"field": "shape", "type": "nominal", "scale": None},
        "color": {"field": "colour", "type": "nominal", "scale": None},
    }
    layers: list[Spec] = [
        {
            "mark": {"type": "text", "align": "left", "baseline": "top", "lineBreak": "\n", "lineHeight": LINE},
            "encoding": {"x": {"value": TEXT_X}, "y": {"field": "text_y", **pixel}, "text": {"field": "text"}},
        },
        {
            "mark": {"type": "point", "filled": True, "size": MARK_SIZE, "opacity": 1},
            "encoding": {"x": {"value": MARK_X}, "y": {"field": "marker_y", **pixel}, **mark},
        },
    ]
    if axis is not None:
        # The axis reaches a little past the largest figure, so that no mark sits on its end; a few ticks, none
        # written over another.
        highest = max((item["hi"] for item in items if item.get("hi") is not None), default=0.0)
        scale: Spec = {"zero": True, "nice": True} | ({"domainMax": highest * 1.08} if highest > 0 else {})
        value: Spec = {"type": "quantitative", "scale": scale}
        on_track = {"filter": "isValid(datum.track_y)"}
        layers += [
            {
                "mark": {"type": "rule", "strokeWidth": 1, "color": "currentColor"},
                "encoding": {"x": {"datum": 0, **value}, "y": {"value": 0}, "y2": {"value": height}},
            },
            {  # from the baseline to the figure (to the top of a range)
                "transform": [on_track],
                "mark": {"type": "rule", "strokeWidth": 2},
                "encoding": {
                    "x": {"field": "hi", **value},
                    "x2": {"field": "zero"},
                    "y": {"field": "track_y", **pixel},
                    "color": mark["color"],
                },
            },
            *(
                {
                    "transform": [on_track],
                    "mark": {"type": "point", "filled": True, "size": MARK_SIZE, "opacity": 1},
                    "encoding": _encoding(
                        {
                            "field": end,
                            **value,
                            "axis": {
                                "title": wrap(axis, em).split("\n"),
                                "titleAnchor": "start",
                                "tickCount": TICKS,
                                "labelOverlap": "greedy",
                                "labelFlush": True,
                            },
                        },
                        {"field": "track_y", **pixel},
                        mark,
                    ),
                }
                for end in ("lo", "hi")
            ),
        ]
    panel = {"width": width, "height": height, "data": {"values": rows}, "layer": layers}
    if block.heading:
        panel["title"] = wrap(block.heading, em).split("\n")
    return panel


def _encoding(x: Spec, y: Spec, mark: Spec) -> Spec:
    """A layer's encoding: its position, then its marks' shape and colour."""
    return {"x": x, "y": y, **mark}


def timeline_chart(
    model: Model,
    counts: list[tuple[int, Plan, int]],
    label: Label = str,
    lang: str = i18n.DEFAULT,
    plural: Plural | None = None,
) -> Chart:
    """Every dated commitment from 2022 to 2030 on one time axis (years spaced by time): a row per plan, a circle per
    year it has commitments due, sized by their number, which is written above it.

    ``counts`` is views.timeline_counts of the model."""
    rows = timeline_counts(counts, label, lang)
    year, count = label("年份"), label("承诺数")
    title = label("2022—2030年各方案到期的承诺数")
    description = text.counted(
        plural or text.singular_or_plural(label),
        "共 %(num)s 条写明目标年的承诺。横轴为年份，每行一份方案，圆的大小和数字表示当年到期的承诺条数。",
        sum(r[count] for r in rows),
        lang,
    )
    plans = [plan for plan in model.plans if any(p is plan for _, p, _ in counts)]
    names = [(plan.plan_id, _plan_name(plan, lang)) for plan in plans]
    due = [(when, plan.plan_id, n) for when, plan, n in counts]
    header = (year, label("方案"), count)
    code = _region(model)
    path = urls.timeline_chart(code)
    return Chart(
        path=path,
        wide_path=urls.wide_chart(path),
        data_path=urls.timeline_chart_data(code),
        title=title,
        description=description,
        spec=_timeline_spec(description, names, due, year, WIDTH),
        wide_spec=_timeline_spec(description, names, due, year, WIDE),
        table=(header, tuple(tuple(str(r[h]) for h in header) for r in rows)),
    )


def _timeline_spec(
    description: str, names: list[tuple[str, str]], due: list[tuple[int, str, int]], year: str, width: int
) -> Spec:
    """The timeline laid out ``width`` px wide: each plan's name (``names``: its id and name) wrapped to the width,
    with the track under it where a circle sits for each (year, plan id, number of commitments) of ``due``; the years
    on an axis titled ``year``."""
    rows, y, track = [], 0, {}
    for plan_id, name in names:
        shown = wrap(name, text_em(width))
        rows.append({"text": shown, "text_y": y})
        y += (shown.count("\n") + 2) * LINE
        track[plan_id] = y + TRACK / 2
        y += TRACK + GAP
    circles = [{"year": when, "n": n, "track_y": track[plan_id]} for when, plan_id, n in due]
    years = [when for when, _, _ in due]
    first, last = (min(years), max(years)) if years else (TIMELINE_FIRST, TIMELINE_LAST)
    pixel = {"type": "quantitative", "scale": None, "axis": None}
    x = {
        "field": "year",
        "type": "quantitative",
        "scale": {"domain": [first, last], "nice": False, "zero": False, "padding": 16},
        "axis": {"title": year, "values": list(range(first, last + 1)), "format": "d", "titleAnchor": "start"},
    }
    return _base(description) | {
        "width": width,
        "height": max(y - GAP, 1),
        "layer": [
            {
                "data": {"values": rows},
                "mark": {"type": "text", "align": "left", "baseline": "top", "lineBreak": "\n", "lineHeight": LINE},
                "encoding": {"x": {"value": 0}, "y": {"field": "text_y", **pixel}, "text": {"field": "text"}},
            },
            {
                "data": {"values": circles},
                "layer": [
                    {
                        "mark": {"type": "circle", "opacity": 1, "color": KIND_COLOURS["quantitative"]},
                        "encoding": {
                            "x": x,
                            "y": {"field": "track_y", **pixel},
                            "size": {
                                "field": "n",
                                "type": "quantitative",
                                "legend": None,
                                "scale": {"range": [30, 300]},
                            },
                        },
                    },
                    {
                        "mark": {"type": "text", "baseline": "bottom", "dy": -TRACK / 2},
                        "encoding": {"x": x, "y": {"field": "track_y", **pixel}, "text": {"field": "n"}},
                    },
                ],
            },
        ],
    }


def timeline_counts(counts: list[tuple[int, Plan, int]], label: Label = str, lang: str = i18n.DEFAULT) -> list[Item]:
    """The numbers behind timeline_chart (views.timeline_counts), labelled in the page's language."""
    return [
        {label("年份"): str(year), label("方案"): _plan_name(plan, lang), label("承诺数"): n}
        for year, plan, n in counts
    ]


INDICATOR_COLUMNS = (
    "方案", "目标编号", "目标年", "承诺类型", "比较", "数值", "下限", "上限", "单位", "方向", "基准年", "每年",
    "限定词", "适用范围", "承诺",
)  # fmt: skip


def indicator_table(
    model: Model, row: IndicatorRow, label: Label = str, lang: str = i18n.DEFAULT, plural: Plural | None = None
) -> Table:
    """The data behind indicator_chart, a row per distinct commitment: the package's fields as it writes them (codes
    such as ``ge`` or ``decrease``, figures as written), the plan's name and the commitment in the page's words."""
    header = tuple(label(column) for column in INDICATOR_COLUMNS)
    rows = []
    for plan in model.district_plans:
        for t in row.by_plan[plan.plan_id]:
            shown = _commitment_words(t, label, lang, plural)
            hedge = _hedge_label(t.hedge, label)
            rows.append(
                (
                    _plan_name(plan, lang), t.target_id, str(t.target_year or ""), t.kind, t.comparator or "",
                    text.number(t.value), text.number(t.value_min), text.number(t.value_max), t.unit or "",
                    t.direction, str(t.baseline_year or ""), "true" if t.per_year else "false", t.hedge or "",
                    t.scope, shown + (label("（%(hedge)s）") % {"hedge": hedge} if hedge else ""),
                )
            )  # fmt: skip
    return header, tuple(rows)


# What wrap() keeps on one line: a run of Latin letters or digits (a comparator sign stays with its figure: "≤ 1.25"),
# with the spaces after it, or one Chinese or full-width character.
WORDS = re.compile(r"(?:[≥≤<>] )?[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|[\u2e80-\u9fff\uff00-\uffef]\s*|\s+")


def wrap(words: str, em: float = TEXT_EM) -> str:
    """``words`` broken into lines (joined by a line break) no wider than ``em`` at the charts' font size, at spaces,
    or between Chinese characters. Widths are estimated (``_em``) on the wide side, so that a line measured by any
    common font, the bundled ones or the reader's, still fits."""
    lines, line, width = [], "", 0.0
    for token in WORDS.findall(words):
        if line.strip() and width + _em(token.rstrip()) > em:
            lines.append(line.rstrip())
            line, width = "", 0.0
        line += token.lstrip() if not line else token
        width = _em(line)
    lines.append(line.rstrip())
    return "\n".join(lines)


def _em(words: str) -> float:
    """A text's width in em: Chinese and full-width characters 1, others LATIN_EM."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else LATIN_EM for c in words)


def _plan_name(plan: Plan, lang: str) -> str:
    return i18n.localised(lang, plan, "short_name")


def _region(model: Model) -> str:
    """Charts compare the plans of one region (Model.within), and are kept in its folder."""
    return model.regions[0].code


def _base(description: str) -> Spec:
    """What every chart shares. Its title is the page's caption. Text, axes and the key are drawn in
    ``currentColor``, the colour of the page's text around the SVG: dark on the light page, light on the dark one
    (a downloaded SVG on its own draws them black). Vega's ARIA attributes are left out: the SVG is one image
    (role="img") with a title and description (accessible_svg), whose parts a screen reader does not visit."""
    ink = "currentColor"
    return {
        "$schema": f"https://vega.github.io/schema/vega-lite/v{VEGA_LITE.split('.')[0]}.json",
        "description": description,
        "config": {
            "font": FONT,
            "background": None,
            "view": {"stroke": None},
            "aria": False,
            "mark": {"aria": False},
            "text": {"fontSize": FONT_SIZE, "color": ink},
            "axis": {
                "aria": False,
                "labelFontSize": FONT_SIZE,
                "titleFontSize": FONT_SIZE,
                "titleFontWeight": "normal",
                "labelColor": ink,
                "titleColor": ink,
                "domainColor": ink,
                "tickColor": ink,
                "gridColor": ink,
                "gridOpacity": 0.15,
            },
            "title": {"fontSize": FONT_SIZE, "color": ink, "anchor": "start", "fontWeight": "bold", "aria": False},
            "concat": {"spacing": 24},
        },
    }


def table_csv(table: Table) -> bytes:
    """A chart's data as CSV that Excel and WPS open as UTF-8 (a byte-order mark first), every text that a spreadsheet
    would take for a formula written with a leading apostrophe, so that it stays text (csvfiles.looks_like_formula)."""
    header, rows = table
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in (header, *rows):
        writer.writerow(["'" + cell if looks_like_formula(cell) else cell for cell in line])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")
