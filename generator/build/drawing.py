"""Drawing the charts: vl-convert turns each chart's Vega-Lite specification (pages/charts.py) into SVG, with the
fonts the build brings, on all cores, each drawing kept by the digest of what it depends on.

vl-convert lays the labels out by measuring their text with fonts. So that the SVG has the same bytes on every
machine, it measures with fonts the build brings and never with the machine's own (``measure_with_own_fonts``):
Latin with the Liberation Sans that vl-convert carries, Chinese with the subset of Droid Sans Fallback in
generator/build/fonts/.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import vl_convert
from markupsafe import escape

from generator.pages.charts import FONT, VEGA_LITE, Chart, Spec

# The fonts vl-convert measures Chinese text with (build/fonts/README.md says what they are and their licence).
FONT_DIR = Path(__file__).resolve().parent / "fonts"
# What a drawing depends on besides its specification (``key``): the drawing tool, the Vega-Lite version it runs
# and the fonts it measures with.
DRAWN_BY = [
    vl_convert.__version__ if hasattr(vl_convert, "__version__") else "",
    VEGA_LITE,
    *sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in FONT_DIR.glob("*.ttf")),
]


# How many drawings pay for processes of their own. vl-convert draws one in about 20 ms, once it has started in a
# process (0.5 s); a fresh process also imports the generator. Measured on the real data's 108 drawings, cold, on
# two cores: 5.0-5.2 s for the build's generate stage drawing them in this process, 5.6-5.8 s in two fresh ones.
ENOUGH = 200

WIDE_IDS = "-wide"  # what the ids of the wide drawing's title and description end in (accessible_svg)


def layouts(chart: Chart) -> tuple[tuple[str, Spec, str], tuple[str, Spec, str]]:
    """A chart's two drawings, each as (its path, its specification, what its ids end in): laid out for a phone,
    then for a wide column."""
    return (chart.path, chart.spec, ""), (chart.wide_path, chart.wide_spec, WIDE_IDS)


def svg(chart: Chart, wide: bool = False) -> str:
    """The chart as a page holds it, laid out for a phone (its ``spec``) or, ``wide``, for a wide column (its
    ``wide_spec``): drawn, then labelled for screen readers (``accessible_svg``)."""
    _path, spec, ids = layouts(chart)[wide]
    return accessible_svg(drawn(spec), chart, ids)


def drawn(spec: Spec) -> str:
    """The SVG as vl-convert draws it from a specification alone."""
    measure_with_own_fonts()
    return vl_convert.vegalite_to_svg(json.dumps(spec, ensure_ascii=False), vl_version=VEGA_LITE)


def key(spec: Spec) -> str:
    """What a drawing depends on: its specification, vl-convert's and Vega-Lite's versions and the fonts it
    measures with."""
    return hashlib.sha256(json.dumps([spec, DRAWN_BY], sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def draw_all(charts: list[Chart], cache: Path | None = None, parallel: bool = True) -> dict[str, str]:
    """Every chart's two SVGs by path: its ``path`` laid out for a phone, its ``wide_path`` for a wide column.
    vl-convert draws each specification that is not yet in ``cache`` (a folder: drawings by ``key``, so a rebuild
    draws only the specifications that changed), on all cores when ``parallel`` and there are enough of them
    (``ENOUGH``): each drawing is independent of the others."""
    specs = [spec for chart in charts for _path, spec, _ids in layouts(chart)]
    done = {key(spec): (cache / key(spec)).read_text("utf-8") for spec in specs if cache and _cached(cache, spec)}
    todo = list({key(spec): spec for spec in specs if key(spec) not in done}.values())
    if todo and (_draw_elsewhere or (parallel and len(todo) >= ENOUGH)):
        # "spawn": vl-convert runs threads of its own, and a forked copy of a threaded process can hang.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=os.cpu_count() or 1, mp_context=context) as pool:
            new = dict(zip((key(s) for s in todo), pool.map(drawn, todo, chunksize=4), strict=True))
    else:
        new = {key(spec): drawn(spec) for spec in todo}
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        for name, drawing in new.items():
            (cache / name).write_text(drawing, "utf-8")
    done |= new
    return {path: accessible_svg(done[key(spec)], chart, ids) for chart in charts for path, spec, ids in layouts(chart)}


_draw_elsewhere = False


def draw_elsewhere() -> None:
    """Draw every chart of this process in fresh processes: for a forked copy of a process that may have drawn
    before, whose vl-convert threads did not come with it (build/workers.py)."""
    global _draw_elsewhere
    _draw_elsewhere = True


def _cached(cache: Path | None, spec: Spec) -> bool:
    return cache is not None and (cache / key(spec)).is_file()


_fonts_ready = False


def measure_with_own_fonts() -> None:
    """Make vl-convert measure text with the build's fonts only, once per process, before its first chart.

    vl-convert reads the machine's fonts when it is first used: on Linux, the folders that fontconfig's file
    names (FONTCONFIG_FILE, else /etc/fonts/fonts.conf). Pointed at a configuration that names only an empty
    folder, it loads none of them; it keeps the Liberation Sans it carries, to which the generic ``sans-serif``
    of ``FONT`` resolves, and we add generator/build/fonts/ for the Chinese characters Liberation Sans lacks.
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


def accessible_svg(svg: str, chart: Chart, ids: str = "") -> str:
    """Give the SVG a role, a <title> and a <desc> that screen readers announce; name the font stack once, on the
    <svg>, whose texts inherit it (vl-convert writes it on every text: pages hold charts inline, and bytes count).
    The ids of its title and description end in ``ids``: a page holds both drawings of a chart (WIDE_IDS), and an
    id names one element of a page."""
    svg = svg.replace(f' font-family="{FONT}"', "").replace(' opacity="1"', "")
    head, rest = svg.split(">", 1)
    title, desc = f"chart-title{ids}", f"chart-desc{ids}"
    labelled = f'{head} font-family="{FONT}" role="img" aria-labelledby="{title} {desc}">'
    return (
        f'{labelled}<title id="{title}">{escape(chart.title)}</title>'
        f'<desc id="{desc}">{escape(chart.description)}</desc>{rest}'
    )
