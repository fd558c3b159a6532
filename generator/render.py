"""Render stage: the site as Markdown pages and SVG charts in both languages, yielded as (path under docs/, text).

Every kind of page is a row of ``PAGES`` (where each page goes, its template, what each is made for) and
every kind of chart a row of ``CHARTS``; rendering walks the tables once per language.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context

from . import charts, history, i18n, metadata, parts, passages, text, urls, views
from .charts import Chart, Label
from .downloads import PER_PLAN
from .load import SiteSettings
from .model import Model, Target
from .parts import Part
from .site import Site

# Past this many plans, the home page lists the province-level divisions, not every plan, and its
# dataset description leaves the list of source documents to the data page: the first visit stays light.
LISTED_PLANS = 30
NO_SETTINGS = SiteSettings()


def environment(model: Model, lang: str = i18n.DEFAULT, settings: SiteSettings = NO_SETTINGS) -> Environment:
    """Templates of one language: labels through gettext (``_``), data fields through ``tr``, links through ``url``."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, escaped field by field with the |cell filter
        extensions=["jinja2.ext.i18n"],
    )
    translations = i18n.translations(lang)
    env.install_gettext_translations(translations, newstyle=True)
    label = translations.gettext
    env.filters.update(
        cell=text.cell,
        yaml_string=text.yaml_string,
        figure=partial(text.figure, unit_label=label),
        phrase=partial(text.direction_phrase, label=label, lang=lang),
        hedge_words=text.hedge_words,
        hedge_class=text.HEDGE_CLASSES.__getitem__,
        date=partial(i18n.date, lang),
        tr=partial(i18n.localised, lang, pending=label("译文待补")),
        original=partial(i18n.original, lang),
        mark_chinese=partial(i18n.mark_chinese, lang),
        descriptor_text=partial(i18n.descriptor_text, lang),
        kind_label=lambda kind: label(text.KIND_LABELS[kind]),
        project_kind_label=lambda kind: label(text.PROJECT_KIND_LABELS[kind]),
        agency_kind_label=lambda kind: label(text.AGENCY_KIND_LABELS[kind]),
        role_label=lambda role: label(text.ROLE_LABELS[role]),
        tile_state_label=lambda state: label(text.TILE_STATE_LABELS[state]),
        level_label=lambda level: label(text.LEVEL_LABELS[level]),
        scope_label=lambda scope: label(text.SCOPE_LABELS[scope]),
        stance_label=lambda stance: label(text.STANCE_LABELS[stance]),
        constraints_text=partial(text.constraints_text, label=label),
        segments=passages.segments,
        plan_name={p.plan_id: i18n.localised(lang, p, "short_name") for p in model.plans}.__getitem__,
    )
    env.globals.update(
        lang=lang,
        label=label,  # gettext outside templates (charts); templates use _()
        citation=text.citation,
        slices=list(PER_PLAN.items()),
        stances=views.STANCES,
        listed_plans=LISTED_PLANS,
        url=_url,
        settings=settings,
        report_error=_report_error,
        dataset_json_ld=_dataset_json_ld,
        # The addresses that templates link to, through url(): url(plan_page(plan.plan_id)).
        **{name: getattr(urls, name) for name in TEMPLATE_ADDRESSES},
    )
    return env


TEMPLATE_ADDRESSES = (
    "HOME", "PLANS_INDEX", "COMPARE_INDEX", "DATA_INDEX", "DICTIONARY", "CHANGELOG", "SEARCH", "METHODOLOGY", "ABOUT",
    "DOCUMENTS", "DOWNLOADS", "plan_page", "target_row", "source_page", "passage", "section", "cited_document",
    "region_plans", "region_page", "indicator_page", "agency_page", "share_image",
    "download", "release_folder", "release_download", "package_file", "data_file", "plan_slice",
)  # fmt: skip


@pass_context
def _url(context, target: str, html: bool = False) -> str:
    """``url(target)`` in a template: the link from the page being rendered (its ``here``) to ``target``, a path
    under docs/. As written for a Markdown link, which MkDocs rewrites and checks; as served (the page's address)
    with ``html=true``, for the tables written in HTML, whose links MkDocs leaves as they are, and for a target in
    another part of the site (parts.py), which this part's MkDocs build does not hold."""
    here, part = context["here"], context["part"]
    if html or not part.holds_path(target, context["plan_regions"]):
        if here == urls.NAVIGATION:
            # From the site's root, and to the page's file: the navigation plugin reads a link to a folder as a
            # folder of pages to list.
            served = urls.site_url(urls.HOME, target).removesuffix(".")
            return served + "index.html" if served.endswith("/") or not served else served
        return urls.site_url(here, target)
    return urls.relative(here, target)


@pass_context
def _report_error(context, target: Target) -> str:
    """``report_error(t)`` in a template: a new issue about the target at the tracker of mkdocs.yml, its title the
    target's ID, its body the quote and the address of the target's row on its plan's page; "" when none is set."""
    settings = context["settings"]
    row = urls.page_address(settings.site_url, context["lang"], urls.plan_page(target.plan_id), target.target_id)
    return urls.report_error(settings.report_error_url, target.target_id, f"{target.quote}\n\n{row}")


@pass_context
def _dataset_json_ld(context, list_sources: bool) -> str:
    """``dataset_json_ld(list_sources)`` in a template: the schema.org Dataset as JSON for a <script> element, its
    links from the page being rendered. The downloads are published once, at the site's root, so an English page's
    links to them start from where it is served, under en/ (a Markdown link is moved there by editions.py)."""
    served = urls.edition_root(context["lang"]) + context["here"]
    dataset = metadata.dataset_json_ld(context["package"], context["model"], served, list_sources=list_sources)
    return text.script_json(dataset)


@dataclasses.dataclass(frozen=True)
class PageType:
    """A kind of page: where each page goes (from the object it is made for), its template, the objects it is
    made for, and what its template is given besides the model, the descriptor and its own address (``here``)."""

    address: Callable[[Any], str]
    template: str
    made_for: Callable[[Site], Iterable[Any]]
    context: Callable[[Site, Any, dict[str, Figure]], dict] = lambda site, item, figures: {}
    # The region an object's page belongs to (its part: parts.py); None for the national pages, which are the hub's.
    region: Callable[[Site, Any], str] | None = None
    every_part: bool = False  # a page each part has of its own (the navigation)

    def in_part(self, site: Site, item: Any, part: Part) -> bool:
        return self.every_part or (part.hub if self.region is None else part.holds(self.region(site, item)))


@dataclasses.dataclass(frozen=True)
class ChartType:
    """A kind of chart: how one is drawn (in a language) for an object, and the objects it is drawn for."""

    draw: Callable[[Any, Label, str], Chart]
    made_for: Callable[[Site], Iterable[Any]]
    region: Callable[[Site, Any], str]


def _once(site: Site) -> tuple[Site]:
    return (site,)


def _plans(site: Site) -> list:
    return site.model.plans


def _regions(site: Site) -> tuple[views.RegionView, ...]:
    return site.regions


def _pilot_regions(site: Site) -> list[views.RegionView]:
    return [view for view in site.regions if view.pilot]


def _indicators(site: Site) -> list[tuple[views.RegionView, views.IndicatorRow]]:
    """Each region's indicators that several of its districts commit to."""
    return [(view, row) for view in site.regions for row in view.shared]


def _agencies(site: Site) -> list[tuple[views.RegionView, views.AgencyPage]]:
    """Each region's agencies that its plans name for a measure."""
    return [(view, page) for view in site.regions for page in view.agency_pages]


def _charted_regions(site: Site) -> list[views.RegionView]:
    """Beyond charts.MOST_ROWS plans, a chart with a row per plan is unreadable: the region's tables stay alone."""
    return [view for view in site.regions if len(view.model.plans) <= charts.MOST_ROWS]


def _charted_indicators(site: Site) -> list[tuple[views.RegionView, views.IndicatorRow]]:
    """The shared indicators of charted regions for which some plan writes a figure (charts.charted)."""
    return [(view, row) for view in _charted_regions(site) for row in view.shared if charts.charted(row)]


def _comparisons(site: Site, plan) -> dict[str, str]:
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


def _plan_region(site: Site, plan) -> str:
    return site.plan_regions[plan.plan_id]


def _view_region(site: Site, view: views.RegionView) -> str:
    return view.code


def _pair_region(site: Site, pair: tuple) -> str:
    return pair[0].code


def _region(view: views.RegionView, **context) -> dict:
    """What a comparison page is given: its region's views, with the region's plans as the model."""
    return {"view": view, "model": view.model, "region": view.region, **context}


def _region_page(name: str, template: str, made_for: Callable[[Site], Iterable[Any]] = _regions) -> PageType:
    return PageType(
        lambda view: urls.region_page(view.code, name),
        template,
        made_for,
        lambda site, view, figures: _region(view),
        _view_region,
    )


PAGES = (
    # The home page stays light at any size: past LISTED_PLANS, the list of sources is on the data page only.
    PageType(
        lambda site: urls.HOME,
        "home.md.j2",
        _once,
        lambda site, _, figures: {
            "list_sources": len(site.model.plans) <= LISTED_PLANS,
            "collections": [(region, views.collection(region)) for region in site.model.regions],
            "grids": {
                region.code: views.tile_grid(region.code, views.collection(region)) for region in site.model.regions
            },
        },
    ),
    PageType(lambda site: urls.PLANS_INDEX, "plans.md.j2", _once),
    PageType(
        lambda site: urls.COMPARE_INDEX, "compare.md.j2", _once, lambda site, _, figures: {"regions": site.regions}
    ),
    PageType(
        lambda site: urls.DATA_INDEX,
        "data.md.j2",
        _once,
        lambda site, _, figures: {"released": site.released, "list_sources": True},
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
    ),
    PageType(
        lambda site: urls.DOCUMENTS,
        "documents.md.j2",
        _once,
        lambda site, _, figures: {
            "levels": views.documents_by_level(site.model),
            "lineage": views.lineage(site.model),
            "level_names": views.LEVELS,
        },
    ),
    PageType(
        lambda plan: urls.plan_page(plan.plan_id),
        "plan.md.j2",
        _plans,
        lambda site, plan, figures: {
            "plan": plan,
            "bars": views.plan_years(plan),
            "rows": views.plan_targets(plan, site.documents[plan.plan_id]),
            "filters": views.plan_filters(plan),
            "citations": views.plan_citations(plan),
            "defers_to": views.city_basis(plan),
            "compared": _comparisons(site, plan),
            "headline": views.headline(plan),
        },
        _plan_region,
    ),
    PageType(
        lambda plan: urls.source_page(plan.plan_id),
        "source.md.j2",
        _plans,
        lambda site, plan, figures: {
            "plan": plan,
            "blocks": site.documents[plan.plan_id],
            "chapters": views.chapter_titles(plan),
        },
        _plan_region,
    ),
    _region_page("index", "region.md.j2"),
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
    _region_page("agencies", "agencies.md.j2"),
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
    ),
    PageType(
        lambda pair: urls.agency_page(pair[0].code, pair[1].agency.agency_id),
        "agency.md.j2",
        _agencies,
        lambda site, pair, figures: _region(pair[0], entry=pair[1]),
        _pair_region,
    ),
)

CHARTS = (
    ChartType(
        lambda view, label, lang: charts.timeline_chart(view.model, view.timeline_counts, label, lang),
        _charted_regions,
        _view_region,
    ),
    ChartType(
        lambda pair, label, lang: charts.indicator_chart(pair[0].model, pair[1], label, lang),
        _charted_indicators,
        _pair_region,
    ),
)


def render_pages(
    site: Site,
    languages: tuple[str, ...] = i18n.LANGUAGES,
    part: Part | None = None,
    chart_cache: Path | None = None,
    parallel: bool = True,
) -> Iterator[tuple[str, str | bytes]]:
    """Every generated page and chart of a part (parts.py; by default the whole site) in each language, as (path
    under docs/, text or bytes), and the part's navigation.

    English pages and charts sit beside the Chinese ones as ``*.en.md``, ``*.en.svg``; their links are written
    as from the Chinese page, since the English edition serves them at the Chinese names (editions.py). The
    charts come first, converted together (on all cores when ``parallel``; each kept in ``chart_cache``), since the
    pages hold them (inline, so that their text takes the page's colours); each chart's SVG and its data as CSV are
    files of their own too.
    """
    part = part or parts.everything(site.model)
    envs = {lang: environment(site.model, lang, site.settings) for lang in languages}
    drawn = {
        lang: {
            chart.path: chart
            for kind in CHARTS
            for item in kind.made_for(site)
            if part.holds(kind.region(site, item))
            for chart in [kind.draw(item, envs[lang].globals["label"], lang)]
        }
        for lang in languages
    }
    localised = {
        (lang, path): dataclasses.replace(chart, path=i18n.page_path(chart.path, lang))
        for lang, charts_of_lang in drawn.items()
        for path, chart in charts_of_lang.items()
    }
    svgs = charts.render_all(list(localised.values()), chart_cache, parallel)
    for (lang, _), chart in localised.items():
        yield chart.path, svgs[chart.path]
        yield i18n.page_path(chart.data_path, lang), chart.csv()
    navigation = PageType(
        lambda site: urls.NAVIGATION, "summary.md.j2", _once, lambda site, _, figures: _nav(site, part), every_part=True
    )
    for lang, env in envs.items():
        figures = {path: Figure(chart, svgs[localised[lang, path].path]) for path, chart in drawn[lang].items()}
        for kind in (PAGES[0], navigation, *PAGES[1:]):  # the home page first, as readers come in
            template = env.get_template(kind.template)
            for item in kind.made_for(site):
                if not kind.in_part(site, item, part):
                    continue
                here = kind.address(item)
                context = {"model": site.model, "package": site.descriptor, "here": here, "part": part}
                context["data_version"] = site.version
                context["plan_regions"] = site.plan_regions
                yield i18n.page_path(here, lang), template.render(context | kind.context(site, item, figures))


def _nav(site: Site, part: Part) -> dict:
    """What a part's navigation lists: its own regions' plans, sources and comparison pages in full, and (the hub's)
    each other region's comparisons as one link; the national pages in every part."""
    return {
        "regions": site.regions,
        "listed": [region for region in site.model.regions if part.holds(region.code)],
        "part": part,
    }


@dataclasses.dataclass(frozen=True)
class Figure:
    """A chart as a page shows it: its SVG, inline, with links to itself and its data (addresses as drawn, in the
    Chinese names that both editions serve)."""

    chart: Chart
    svg: str


def package_readme(site: Site) -> str:
    """The README that travels inside the ZIP: what the data is, how to cite it, its licence."""
    return (
        environment(site.model)
        .get_template("package_readme.md.j2")
        .render(model=site.model, package=site.descriptor, data_version=site.version)
    )
