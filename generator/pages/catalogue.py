"""The catalogue of the site: every kind of page and chart, what each is made for, where it goes and which region
owns it, listed once for the whole site.

Every kind of page is a row of ``PAGES`` (its address from the object it is made for, its template, the objects,
what its template is given, the region it belongs to) and every kind of chart a row of ``CHARTS``. ``catalogue``
walks the tables once per language: the build groups its entries by owner into parts and renders each entry
(render.py); nothing here knows how the site is split or built.
"""

from __future__ import annotations

import dataclasses
import gettext
from collections.abc import Callable, Iterable
from typing import Any

from generator.base import i18n, urls
from generator.pages import charts, render
from generator.pages.charts import Chart
from generator.pages.render import Figure
from generator.site import history, views
from generator.site.assemble import Site
from generator.site.model import Plan

# What a template is given, by name.
Context = dict[str, Any]

# The search ranks pages as a reader looks for them: the search page (docs/assets/search.js) multiplies Pagefind's
# score of a page by its kind's weight, written into the page's front matter (render.render_page). A plan first; an
# indicator or a responsible body next; comparisons as they score; the lists, the changelog, the original texts and
# the pages of districts without a plan last, since they name every district, year and body many times or repeat
# the same words. The hand-written methodology and about pages say so in their front matter (docs/*.md): they use
# the data's words as examples. A page whose title is the query still comes first (search.js titleRank).
SEARCH_PLAN, SEARCH_ANSWER, SEARCH_LIST = "4", "2", "0.4"


@dataclasses.dataclass(frozen=True)
class PageType:
    """A kind of page: where each page goes (from the object it is made for), its template, the objects it is
    made for, and what its template is given besides the model, the descriptor and its own address (``here``)."""

    address: Callable[[Any], str]
    template: str
    made_for: Callable[[Site], Iterable[Any]]
    context: Callable[[Site, Any, dict[str, Figure]], Context] = lambda site, item, figures: {}
    # The region an object's page belongs to; None for the national pages.
    region: Callable[[Site, Any], str] | None = None
    # How much a page of this kind weighs in the search against other pages that match a query as well (SEARCH_*);
    # None: as it scores (overrides/main.html gives it the weight 1).
    search_weight: str | None = None


@dataclasses.dataclass(frozen=True)
class ChartType:
    """A kind of chart: how one is drawn (in a language) for an object, and the objects it is drawn for."""

    draw: Callable[[Any, gettext.NullTranslations, str], Chart]
    made_for: Callable[[Site], Iterable[Any]]
    region: Callable[[Site, Any], str]


def _once(site: Site) -> tuple[Site]:
    return (site,)


def _plans(site: Site) -> list[Plan]:
    return site.model.plans


def _regions(site: Site) -> tuple[views.RegionView, ...]:
    return site.regions


def _document_pages(site: Site) -> tuple[views.RegionDocuments, ...]:
    return site.document_pages


def _pilot_regions(site: Site) -> list[views.RegionView]:
    return [view for view in site.regions if view.pilot]


def _indicators(site: Site) -> list[tuple[views.RegionView, views.IndicatorRow]]:
    """Each region's indicators that several of its districts commit to."""
    return [(view, row) for view in site.regions for row in view.shared]


def _agencies(site: Site) -> list[tuple[views.RegionView, views.AgencyPage]]:
    """Each region's agencies that its plans name for a measure."""
    return [(view, page) for view in site.regions for page in view.agency_pages]


def _districts(site: Site) -> list[tuple[views.RegionView, views.DistrictPlans]]:
    """Every district of every region, with a plan in the package or not: each has a page."""
    return [(view, d) for view in site.regions for d in view.collection.districts]


def _charted_regions(site: Site) -> list[views.RegionView]:
    """Beyond charts.MOST_ROWS plans, a chart with a row per plan is unreadable: the region's tables stay alone."""
    return [view for view in site.regions if len(view.model.plans) <= charts.MOST_ROWS]


def _charted_indicators(site: Site) -> list[tuple[views.RegionView, views.IndicatorRow]]:
    """The shared indicators of charted regions for which some plan writes a figure (charts.charted)."""
    return [(view, row) for view in _charted_regions(site) for row in view.shared if charts.charted(row)]


def _comparisons(site: Site, plan: Plan) -> dict[str, str]:
    """indicator_id -> where a plan's target on it is compared with the other districts': the indicator's page, or
    the region's table of targets; empty for a plan that is not compared."""
    if plan.plan_id not in site.compared:
        return {}
    code, shared = site.compared[plan.plan_id]
    return {
        t.indicator.indicator_id: urls.indicator_page(code, t.indicator.indicator_id)
        if t.indicator.indicator_id in shared
        else urls.region_page(code, "targets")
        for t in plan.targets
    }


def _plan_region(site: Site, plan: Plan) -> str:
    return site.plan_regions[plan.plan_id]


def _view_region(site: Site, view: views.RegionView | views.RegionDocuments) -> str:
    return view.code


def _pair_region(site: Site, pair: tuple[views.RegionView, Any]) -> str:
    return pair[0].code


def _region(view: views.RegionView, **context: Any) -> Context:
    """What a comparison page is given: its region's views, with the region's plans as the model."""
    return {"view": view, "model": view.model, "region": view.region, **context}


def _region_page(
    name: str, template: str, made_for: Callable[[Site], Iterable[Any]] = _regions, search_weight: str | None = None
) -> PageType:
    return PageType(
        lambda view: urls.region_page(view.code, name),
        template,
        made_for,
        lambda site, view, figures: _region(view),
        _view_region,
        search_weight,
    )


PAGES = (
    # The home page stays light at any size: past LISTED_PLANS, the list of sources is on the data page only.
    PageType(
        lambda site: urls.HOME,
        "home.md.j2",
        _once,
        lambda site, _, figures: {
            "list_sources": len(site.model.plans) <= render.LISTED_PLANS,
            "collections": [(region, views.collection(region)) for region in site.model.regions],
            "grids": {
                region.code: views.tile_grid(region.code, views.collection(region)) for region in site.model.regions
            },
        },
        search_weight=SEARCH_LIST,
    ),
    # The list of plans too: past INDEXED_PLANS, each division's plans are on its page of coverage.
    PageType(
        lambda site: urls.PLANS_INDEX,
        "plans.md.j2",
        _once,
        lambda site, _, figures: {"listed": len(site.model.plans) <= render.INDEXED_PLANS},
        search_weight=SEARCH_LIST,
    ),
    PageType(
        lambda site: urls.COMPARE_INDEX,
        "compare.md.j2",
        _once,
        lambda site, _, figures: {"regions": site.regions},
        search_weight=SEARCH_LIST,
    ),
    # The data page too: past LISTED_PLANS, each plan's slices and source text are on the plan's own page only.
    PageType(
        lambda site: urls.DATA_INDEX,
        "data.md.j2",
        _once,
        lambda site, _, figures: {
            "released": site.released,
            "list_sources": len(site.model.plans) <= render.LISTED_PLANS,
            "release_dates": {e.version: e.date for e in site.changelog if e.released},
        },
        search_weight=SEARCH_LIST,
    ),
    PageType(lambda site: urls.DICTIONARY, "dictionary.md.j2", _once),
    PageType(
        lambda site: urls.CHANGELOG,
        "changelog.md.j2",
        _once,
        lambda site, _, figures: {
            "entries": list(site.changelog),
            "released": site.released,
            "listed_rows": history.LISTED_ROWS,
        },
        search_weight=SEARCH_LIST,
    ),
    # The Atom feed of the releases (a file beside the edition's pages, not a page: MkDocs copies it as it is).
    PageType(
        lambda site: urls.FEED,
        "feed.xml.j2",
        _once,
        lambda site, _, figures: {
            "entries": [entry for entry in site.changelog if entry.released],
            "listed_rows": history.LISTED_ROWS,
        },
    ),
    # The national index of documents: each once, with the regions' pages that hold its citations (region_documents).
    PageType(
        lambda site: urls.DOCUMENTS,
        "documents.md.j2",
        _once,
        lambda site, _, figures: {"index": views.document_index(site.model, list(site.document_pages))},
        search_weight=SEARCH_LIST,
    ),
    PageType(
        lambda plan: urls.plan_page(plan.plan_id),
        "plan.md.j2",
        _plans,
        lambda site, plan, figures: {
            "plan": plan,
            "bars": views.plan_years(plan),
            "rows": views.plan_targets(plan, site.document(plan)),
            "filters": views.plan_filters(plan),
            "citations": views.plan_citations(plan),
            "defers_to": views.city_basis(plan),
            "region_code": site.plan_regions[plan.plan_id],
            "compared": _comparisons(site, plan),
            "headline": views.headline(plan),
        },
        _plan_region,
        search_weight=SEARCH_PLAN,
    ),
    PageType(
        lambda pair: urls.district_page(pair[1].district.code),
        "district.md.j2",
        _districts,
        lambda site, pair, figures: _region(
            pair[0],
            d=pair[1],
            asks=views.city_asks(pair[0].pilot, site.document(pair[0].pilot)) if pair[0].pilot else [],
        ),
        _pair_region,
        # A district without a plan: the same words on every such page (the city's asks, how to send the plan).
        search_weight=SEARCH_LIST,
    ),
    PageType(
        lambda plan: urls.source_page(plan.plan_id),
        "source.md.j2",
        _plans,
        lambda site, plan, figures: {
            "plan": plan,
            "blocks": site.document(plan),
            "chapters": views.chapter_titles(plan),
        },
        _plan_region,
        search_weight=SEARCH_LIST,
    ),
    _region_page("index", "region.md.j2", search_weight=SEARCH_LIST),
    _region_page("targets", "compare_targets.md.j2"),
    _region_page("own-or-city", "own_or_city.md.j2"),
    PageType(
        lambda view: urls.region_page(view.code, "timeline"),
        "timeline.md.j2",
        _regions,
        lambda site, view, figures: _region(view, figure=figures.get(urls.timeline_chart(view.code))),
        _view_region,
    ),
    _region_page("coverage", "coverage.md.j2"),
    # A region's documents with its plans' citations: every region whose plans cite any, compared or not.
    PageType(
        lambda page: urls.region_page(page.code, "documents"),
        "region_documents.md.j2",
        _document_pages,
        lambda site, page, figures: {
            "page": page,
            "region": page.region,
            "level_names": views.LEVELS,
            "indexed_levels": views.indexed_levels(len(site.model.documents)),
        },
        _view_region,
        SEARCH_LIST,
    ),
    _region_page("agencies", "agencies.md.j2", search_weight=SEARCH_LIST),
    PageType(
        lambda view: urls.region_page(view.code, "pilot"),
        "pilot.md.j2",
        _pilot_regions,
        lambda site, view, figures: _region(view, headline=views.headline(view.pilot)),
        _view_region,
    ),
    PageType(
        lambda pair: urls.indicator_page(pair[0].code, pair[1].indicator.indicator_id),
        "indicator.md.j2",
        _indicators,
        lambda site, pair, figures: _region(
            pair[0],
            row=pair[1],
            notes=pair[0].stricter[pair[1].indicator.indicator_id],
            figure=figures.get(urls.indicator_chart(pair[0].code, pair[1].indicator.indicator_id)),
        ),
        _pair_region,
        search_weight=SEARCH_ANSWER,
    ),
    PageType(
        lambda pair: urls.agency_page(pair[0].code, pair[1].agency.agency_id),
        "agency.md.j2",
        _agencies,
        lambda site, pair, figures: _region(pair[0], entry=pair[1]),
        _pair_region,
        search_weight=SEARCH_ANSWER,
    ),
)

CHARTS = (
    ChartType(
        lambda view, t, lang: charts.timeline_chart(view.model, view.timeline_counts, t.gettext, lang, t.ngettext),
        _charted_regions,
        _view_region,
    ),
    ChartType(
        lambda pair, t, lang: charts.indicator_chart(pair[0].model, pair[1], t.gettext, lang, t.ngettext),
        _charted_indicators,
        _pair_region,
    ),
)


@dataclasses.dataclass(frozen=True)
class Page:
    """One page of the site in one language: where it goes, what it is made from, the region that owns it."""

    address: str  # as links name it, in Chinese: plans/x.md (both editions serve the Chinese names)
    lang: str
    owner: str | None  # the code of the region whose page it is; None for the national pages
    kind: PageType
    item: Any

    @property
    def path(self) -> str:
        """Its file under the folder of pages: plans/x.md, plans/x.en.md."""
        return i18n.page_path(self.address, self.lang)


@dataclasses.dataclass(frozen=True)
class Drawn:
    """One chart of the site in one language, and the region that owns it."""

    lang: str
    owner: str
    chart: Chart  # as pages show and link it: at its Chinese addresses, which both editions serve
    localised: Chart  # its files, at the addresses of its language (charts/120000/timeline.en.svg, …-wide.en.svg)


@dataclasses.dataclass(frozen=True)
class Catalogue:
    pages: tuple[Page, ...]
    charts: tuple[Drawn, ...]

    def owners(self) -> dict[str, str | None]:
        """Each page's and chart's address (as links name them) -> the region that owns it."""
        found: dict[str, str | None] = {page.address: page.owner for page in self.pages}
        for drawn in self.charts:
            for path in (drawn.chart.path, drawn.chart.wide_path, drawn.chart.data_path):
                found[path] = drawn.owner
        return found


def catalogue(site: Site, languages: tuple[str, ...] = i18n.LANGUAGES) -> Catalogue:
    """Every page and chart of the site in each language, home page first. English pages and charts sit beside
    the Chinese ones (``*.en.md``, ``*.en.svg``); their links are written as from the Chinese page, since the
    English edition serves them at the Chinese names (engine/editions.py)."""
    pages = tuple(
        Page(kind.address(item), lang, kind.region(site, item) if kind.region else None, kind, item)
        for lang in languages
        for kind in PAGES
        for item in kind.made_for(site)
    )
    drawn = []
    for lang in languages:
        translations = i18n.translations(lang)
        for kind in CHARTS:
            for item in kind.made_for(site):
                chart = kind.draw(item, translations, lang)
                localised = dataclasses.replace(
                    chart,
                    path=i18n.page_path(chart.path, lang),
                    wide_path=i18n.page_path(chart.wide_path, lang),
                    data_path=i18n.page_path(chart.data_path, lang),
                )
                drawn.append(Drawn(lang, kind.region(site, item), chart, localised))
    return Catalogue(pages, tuple(drawn))
