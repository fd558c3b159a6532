"""Render stage: the model as Markdown pages in both languages, returned as {path under docs/: text}."""

from __future__ import annotations

import dataclasses
from functools import cache, partial

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import charts, i18n, metadata, outline, passages, text, views
from .charts import Chart
from .downloads import PER_PLAN
from .model import Indicator, Model, Plan, Region
from .paths import DOWNLOADS, DOWNLOADS_ROOT
from .site import Site

# Past this many plans, the home page lists the province-level divisions, not every plan, and its
# dataset description leaves the list of source documents to the data page: the first visit stays light.
LISTED_PLANS = 30


def environment(model: Model, lang: str = i18n.DEFAULT) -> Environment:
    """Templates of one language: labels through gettext (``_``), data fields through ``tr``."""
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
        figure=partial(text.figure, unit_label=label),
        number=text.number,
        date=partial(i18n.date, lang),
        tr=partial(i18n.localised, lang),
        original=partial(i18n.original, lang),
        mark_chinese=partial(i18n.mark_chinese, lang),
        descriptor_text=partial(i18n.descriptor_text, lang),
        kind_label=lambda kind: label(text.KIND_LABELS[kind]),
        project_kind_label=lambda kind: label(text.PROJECT_KIND_LABELS[kind]),
        stance_label=lambda stance: label(text.STANCE_LABELS[stance]),
        constraints_text=partial(text.constraints_text, label=label),
        segments=passages.segments,
        anchor=outline.anchor,
        stricter=views.stricter,
        plan_name={p.plan_id: i18n.localised(lang, p, "short_name") for p in model.plans}.__getitem__,
    )
    env.globals.update(
        lang=lang,
        label=label,  # gettext outside templates (charts); templates use _()
        citation=text.citation,
        downloads=DOWNLOADS,
        downloads_root=DOWNLOADS_ROOT,
        slices=list(PER_PLAN.items()),
        listed_plans=LISTED_PLANS,
        url=_url,
        indicator_page=indicator_page,
    )
    return env


def site_url(here: str, target: str) -> str:
    """A link from page ``here`` to ``target`` (paths under docs/, ``#anchor`` allowed) as the built site needs
    it, where ``plans/x.md`` is served at ``plans/x/``: for the tables the templates write as HTML, whose links
    MkDocs does not rewrite as it does Markdown links (nor check: tests/test_links.py does)."""
    path, hash_, anchor = target.partition("#")
    url = get_relative_url(_served_at(path), _served_at(here))
    return url + hash_ + anchor


@cache  # a few thousand distinct pages, linked hundreds of thousands of times at national scale
def _served_at(path: str) -> str:
    return File(path, "", "", use_directory_urls=True).url


@pass_context
def _url(context, target: str) -> str:
    """``url(target)`` in a template: site_url from the page being rendered (its ``here``)."""
    return site_url(context["here"], target)


def render_pages(site: Site, languages: tuple[str, ...] = i18n.LANGUAGES) -> dict[str, str]:
    """Every generated page and chart in each language, as {path under docs/: text}.

    English pages and charts sit beside the Chinese ones as ``*.en.md``, ``*.en.svg``.
    """
    figures, pages = [], {}
    for lang in languages:
        lang_figures, lang_pages = _language_pages(site, lang)
        figures += [dataclasses.replace(chart, path=i18n.page_path(chart.path, lang)) for chart in lang_figures]
        pages |= {i18n.page_path(path, lang): page for path, page in lang_pages.items()}
    return charts.render_all(figures) | pages


def _language_pages(site: Site, lang: str) -> tuple[list[Chart], dict[str, str]]:
    model, descriptor, documents = site.model, site.descriptor, site.documents
    changelog, released = list(site.changelog), site.released
    env = environment(model, lang)

    def page(here: str, template: str, **context) -> tuple[str, str]:
        return here, env.get_template(template).render(model=model, package=descriptor, here=here, **context)

    compared = [region for region in model.regions if region.district_plans]
    figures, pages, shared = {}, {}, {}
    for region in compared:
        within = model.within(region)
        rows = views.by_indicator(within)
        shared[region.code] = views.shared(rows)
        region_figures, region_pages = comparison_pages(env, within, rows, descriptor)
        figures |= region_figures
        pages |= region_pages
    pages.update(
        [
            # The home page stays light at any size: past LISTED_PLANS, the list of sources is on the data page only.
            page(
                "index.md",
                "home.md.j2",
                json_ld=text.script_json(
                    metadata.dataset_json_ld(descriptor, model, "", sources=len(model.plans) <= LISTED_PLANS)
                ),
            ),
            page("SUMMARY.md", "summary.md.j2", compared=compared, shared_by_region=shared),
            page("plans/index.md", "plans.md.j2"),
            page("compare/index.md", "compare.md.j2", compared=compared),
            page(
                "data/index.md",
                "data.md.j2",
                released=released,
                json_ld=text.script_json(metadata.dataset_json_ld(descriptor, model, "../")),
            ),
            page("data/dictionary.md", "dictionary.md.j2"),
            page("data/changelog.md", "changelog.md.j2", entries=changelog, released=released),
        ]
    )
    for plan in model.plans:
        pages.update(
            [
                page(plan_page(plan), "plan.md.j2", plan=plan, bars=views.plan_years(plan)),
                page(source_page(plan), "source.md.j2", plan=plan, blocks=documents[plan.plan_id]),
            ]
        )
    return list(figures.values()), pages


def comparison_pages(
    env: Environment, model: Model, rows: list[views.IndicatorRow], descriptor: dict
) -> tuple[dict[str, Chart], dict[str, str]]:
    """One region's comparison pages (``model`` holds only its plans, ``rows`` is views.by_indicator of it),
    and the charts they show, by path."""
    region = model.regions[0]
    folder = region_folder(region)
    shared = views.shared(rows)

    def page(here: str, template: str, root: str = "../../", **context) -> tuple[str, str]:
        context |= {"model": model, "package": descriptor, "region": region, "root": root, "here": here}
        return here, env.get_template(template).render(**context)

    label, lang = env.globals["label"], env.globals["lang"]
    years = views.timeline(model)
    figures = {}
    if len(model.plans) <= charts.MOST_ROWS:  # beyond, a chart with a row per plan is unreadable: the table stays
        figures = {
            f"{folder}/indicators/{r.indicator.indicator_id}": charts.indicator_chart(model, r, label, lang)
            for r in shared
        }
        figures[f"{folder}/timeline"] = charts.timeline_chart(model, years, label, lang)
    pages = [
        page(f"{folder}/index.md", "region.md.j2", shared=shared),
        page(f"{folder}/targets.md", "compare_targets.md.j2", rows=rows),
        page(f"{folder}/own-or-city.md", "own_or_city.md.j2", rows=views.own_or_city(rows)),
        page(
            f"{folder}/timeline.md",
            "timeline.md.j2",
            years=years,
            figure=figures.get(f"{folder}/timeline"),
            counts=charts.timeline_counts(model, years, label, lang),
        ),
        page(f"{folder}/coverage.md", "coverage.md.j2", cells=views.coverage(model)),
        page(f"{folder}/agencies.md", "agencies.md.j2", rows=views.agencies(model)),
    ]
    if model.city_plans:
        pages.append(page(f"{folder}/pilot.md", "pilot.md.j2", city=model.city_plans[0]))
    for row in shared:
        figure = figures.get(f"{folder}/indicators/{row.indicator.indicator_id}")
        pages.append(
            page(indicator_page(region, row.indicator), "indicator.md.j2", root="../../../", row=row, figure=figure)
        )
    return figures, dict(pages)


def region_folder(region: Region) -> str:
    return f"compare/{region.code}"


def indicator_page(region: Region, indicator: Indicator) -> str:
    return f"{region_folder(region)}/indicators/{indicator.indicator_id}.md"


def plan_page(plan: Plan) -> str:
    return f"plans/{plan.plan_id}.md"


def source_page(plan: Plan) -> str:
    return f"sources/{plan.plan_id}.md"


def package_readme(site: Site) -> str:
    """The README that travels inside the ZIP: what the data is, how to cite it, its licence."""
    return (
        environment(site.model).get_template("package_readme.md.j2").render(model=site.model, package=site.descriptor)
    )
