"""Share images: the picture a link preview shows (og:image, twitter:image), 1200 × 630 PNG, one per plan and one
for the whole site, in each language.

Drawn with Pillow from fonts the build brings, never the machine's: Chinese with the GB 2312 subset of Droid Sans
Fallback in generator/build/fonts/ (the charts' font), Latin with the Aileron that Pillow carries. A character neither
has stops the build (``MissingGlyph``): a preview would otherwise show a box where a character should be. The PNG
holds no time stamp or other metadata, so one commit gives the same bytes on any machine with the same Pillow.

An image costs about 0.07 s (half drawing, half PNG compression): under a second for the real package's twelve;
6,000 for 3,000 plans in two languages are drawn on all cores (``share_images``), some seven minutes of one core.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from generator.base import i18n, urls
from generator.base.problems import GeneratorError
from generator.build.drawing import FONT_DIR
from generator.package.validate import Drawing
from generator.pages.charts import Label
from generator.site.model import Model, Plan

WIDTH, HEIGHT = 1200, 630  # the size Open Graph and X (summary_large_image) previews show without cropping
MARGIN = 72
PARALLEL_FROM = 64  # images; below this, starting worker processes costs more than it saves
INK, MUTED, BACKGROUND, ACCENT = "#1a1a1a", "#4a4a4a", "#ffffff", "#00695c"  # the site's primary colour (site.css)
CHINESE_FONT = FONT_DIR / "DroidSansFallback-GB2312.ttf"
PROBE_SIZE = 32  # the size at which validation asks whether a font has a character (any size gives the same answer)
# What validation checks is drawable (checks.DrawnInShareImages): every text a card takes from the data.
DRAWN_FIELDS = {"plans": ["title", "title_en"], "districts": ["name_zh", "name_en"]}
NOT_A_CHARACTER = "\ue000"  # a private-use code point: no font draws it, so it shows each font's missing glyph


class MissingGlyph(GeneratorError):
    """A share image would need a character that no font of the build has."""


@dataclass(frozen=True)
class Card:
    """What one share image says: a line above the title, the title, a line below it, and headline figures."""

    path: str  # under docs/
    kicker: str
    title: str
    subtitle: str
    figures: list[tuple[str, str]]  # (the figure, what it counts)


# What each card says


def plan_card(plan: Plan, label: Label, lang: str) -> Card:
    """A plan's card: its title, district and date, and how many targets, how many with a figure, and its peak year
    (the city's pilot programme, which sets no peak year, shows its measures instead)."""
    figures = [
        (str(len(plan.targets)), label("目标与承诺")),
        (str(len(plan.quantitative)), label("定量目标")),
    ]
    if plan.peak_year:
        figures.append((str(plan.peak_year), label("碳达峰：此年前")))
    else:
        figures.append((str(len(plan.measures)), label("措施")))
    where = {"district": i18n.localised(lang, plan.district, "name_zh"), "date": i18n.date(lang, plan.issue_date)}
    return Card(
        path=i18n.page_path(urls.share_image(plan.plan_id), lang),
        kicker=label("天津市各区碳达峰实施方案数据"),
        title=i18n.localised(lang, plan, "title"),
        subtitle=label("%(district)s · %(date)s印发") % where if plan.issue_date else where["district"],
        figures=figures,
    )


def site_card(model: Model, label: Label, lang: str) -> Card:
    """The whole site's card, for every page without one of its own."""
    return Card(
        path=i18n.page_path(urls.SITE_SHARE_IMAGE, lang),
        kicker=label("开放数据"),
        title=label("天津市各区碳达峰实施方案数据"),
        subtitle=label("每条目标都附原文引文，可下载、可核对"),
        figures=[
            (str(len(model.plans)), label("份方案")),
            (str(len(model.targets)), label("目标与承诺")),
            (str(sum(len(p.quantitative) for p in model.plans)), label("定量目标")),
        ],
    )


def cards(
    model: Model, languages: tuple[str, ...] = i18n.LANGUAGES, plans: list[Plan] | None = None, whole_site: bool = True
) -> list[Card]:
    """What the share images say, in each language: the site's (unless not ``whole_site``), then each plan's (of
    ``plans``; by default every plan of the model)."""
    result = []
    for lang in languages:
        label = i18n.translations(lang).gettext
        result += [site_card(model, label, lang)] if whole_site else []
        result += [plan_card(plan, label, lang) for plan in (model.plans if plans is None else plans)]
    return result


def share_images(
    model: Model,
    languages: tuple[str, ...] = i18n.LANGUAGES,
    plans: list[Plan] | None = None,
    whole_site: bool = True,
    parallel: bool = True,
) -> Iterator[tuple[str, bytes]]:
    """The share images (``cards``) in each language, as (path under docs/, PNG bytes), each as it is drawn: on all
    cores when there are many and ``parallel`` (each image is independent of the others, so the bytes are the same)."""
    todo = cards(model, languages, plans, whole_site)
    if not parallel or len(todo) < PARALLEL_FROM:
        yield from ((card.path, png(card)) for card in todo)
        return
    # "spawn", as drawing.draw_all: a fresh process per worker, with nothing inherited from this one.
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from zip((card.path for card in todo), pool.map(png, todo, chunksize=16), strict=True)


# Drawing


@cache
def _fonts(size: int) -> tuple[ImageFont.FreeTypeFont, ...]:
    """The fonts a character is looked for in, in order: the Chinese subset, then Pillow's own Latin font. Basic
    layout (no shaping library): each character is drawn as its font's glyph, the same with or without libraqm."""
    chinese = ImageFont.truetype(str(CHINESE_FONT), size, layout_engine=ImageFont.Layout.BASIC)
    return chinese, ImageFont.load_default(size)


@cache
def _has_glyph(font: ImageFont.FreeTypeFont, char: str) -> bool:
    """Whether ``font`` draws ``char`` with a glyph of its own, not its missing-glyph box."""
    return bytes(font.getmask(char)) != bytes(font.getmask(NOT_A_CHARACTER))


def can_draw(char: str) -> bool:
    """Whether a font of the build has ``char`` (validation asks, for the texts the images draw: DRAWN_FIELDS)."""
    return font_for(char, PROBE_SIZE) is not None


def font_for(char: str, size: int) -> ImageFont.FreeTypeFont | None:
    """The first font of the build that has ``char``, or None."""
    return next((font for font in _fonts(size) if _has_glyph(font, char)), None)


def runs(text: str, size: int) -> list[tuple[str, ImageFont.FreeTypeFont]]:
    """``text`` cut where its font changes, each run with its font; MissingGlyph for a character no font has."""
    result: list[tuple[str, ImageFont.FreeTypeFont]] = []
    for char in text:
        font = font_for(char, size)
        if font is None:
            raise MissingGlyph(
                f"the share image cannot draw “{char}” (U+{ord(char):04X}) of “{text}”: neither generator/build/fonts/ "
                "nor Pillow's own font has it. Add it to the font subset (generator/build/fonts/README.md)."
            )
        if result and result[-1][1] is font:
            result[-1] = (result[-1][0] + char, font)
        else:
            result.append((char, font))
    return result


def width(text: str, size: int) -> float:
    return sum(font.getlength(run) for run, font in runs(text, size))


# A Latin word (with the spaces after it) stays whole on a line; any other character may end one.
TOKEN = re.compile(r"[A-Za-z0-9.,:;'’()%&\-]+ *| +|.")


def wrap(text: str, size: int, room: float) -> list[str]:
    """``text`` as lines no wider than ``room``, cut between words or Chinese characters."""
    lines = [""]
    for token in TOKEN.findall(text):
        if lines[-1] and width(lines[-1] + token.rstrip(), size) > room:
            lines.append(token.lstrip())
        else:
            lines[-1] += token
    return [line.rstrip() for line in lines]


def _draw_line(draw: ImageDraw.ImageDraw, x: float, baseline: float, text: str, size: int, fill: str) -> None:
    for run, font in runs(text, size):
        draw.text((x, baseline), run, font=font, fill=fill, anchor="ls")
        x += font.getlength(run)


def _fitted_title(title: str, room: float) -> tuple[int, list[str]]:
    """The largest title size (from 64 px down) at which the title takes at most two lines."""
    for size in (64, 56, 48, 42):
        lines = wrap(title, size, room)
        if len(lines) <= 2:
            return size, lines
    return size, wrap(title, size, room)[:3]


def png(card: Card) -> bytes:
    """The card drawn as a PNG: the same bytes for the same card with the same Pillow."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    room = WIDTH - 2 * MARGIN
    draw.rectangle((0, 0, WIDTH, 16), fill=ACCENT)
    _draw_line(draw, MARGIN, 100, card.kicker, 30, ACCENT)
    size, lines = _fitted_title(card.title, room)
    baseline = 100 + 24 + size
    for line in lines:
        _draw_line(draw, MARGIN, baseline, line, size, INK)
        baseline += round(size * 1.3)
    _draw_line(draw, MARGIN, baseline + 8, card.subtitle, 32, MUTED)
    column = room / len(card.figures)
    for i, (figure, what) in enumerate(card.figures):
        x = MARGIN + i * column
        _draw_line(draw, x, HEIGHT - 110, figure, 72, ACCENT)
        for j, line in enumerate(wrap(what, 28, column - 24)[:2]):
            _draw_line(draw, x, HEIGHT - 68 + j * 34, line, 28, MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)  # level 9: 4 times the time for 5 % fewer bytes
    return out.getvalue()


# What validation checks the drawn texts with (package/validate.py).
DRAWING = Drawing(DRAWN_FIELDS, can_draw)
