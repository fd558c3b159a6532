"""Render stage: a page of the catalogue (catalogue.py) as Markdown, in its language, from its template.

Pure: the site, the page and how it links (``links``) in, the page's text out. Labels go through gettext (``_``),
data fields through ``tr``, links through ``url``.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, pass_context

from generator.base import i18n, urls
from generator.package import checks, passages
from generator.package.load import SiteSettings
from generator.pages import metadata, text
from generator.pages.charts import Chart
from generator.site import citation, views
from generator.site.assemble import Site
from generator.site.model import Model, Region, Target

if TYPE_CHECKING:
    from generator.pages.catalogue import Page

# The per-plan downloads (downloads/) that a plan page links to, with their labels.
PER_PLAN = {"targets": "目标", "measures": "措施", "projects": "项目", "chapters": "章节"}
# Past this many plans, the home page lists the province-level divisions, not every plan, and the data page leaves
# each plan's slices and source text to the plan's own page; neither page's dataset description lists the source
# documents. The first visit stays light, and the data page does not grow with the nation (1.5 KB of HTML a plan:
# 470 KB at 300 synthetic plans, 4.5 MB at 3,000).
LISTED_PLANS = 30
# Past this many plans, the list of plans names each province-level division with how many plans it has, linked to
# its page of coverage, which lists its districts with their plans: a plan's row takes about 0.3 KB of the English
# page's HTML (116 KB at 300 synthetic plans), so the list would be 1 MB at 3,000 plans; it stays under 0.4 MB.
INDEXED_PLANS = 1_000
NO_SETTINGS = SiteSettings()


def environment(
    model: Model, lang: str = i18n.DEFAULT, settings: SiteSettings = NO_SETTINGS, compiled: Path | None = None
) -> Environment:
    """Templates of one language: labels through gettext (``_``), data fields through ``tr``, links through ``url``.

    ``compiled``: a folder where Jinja keeps each template compiled (its bytecode cache), by the template's name and
    the hash of its text, so that the other language, the other parts and the next build do not compile it again.
    Every environment made here has the same settings, so their compiled templates are interchangeable."""
    env = Environment(
        loader=PackageLoader("generator.pages", "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, escaped field by field with the |cell filter
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled else None,
    )
    translations = i18n.translations(lang)
    env.install_gettext_translations(translations, newstyle=True)
    label, plural = translations.gettext, translations.ngettext
    # A label with a count: ngettext("措施 %(num)s 项", "措施 %(num)s 项", n) is "1 measure" or "2 measures" in
    # English, its %(num)s the count as text.count writes it (1,200 in English), where Jinja's would give the int.
    env.globals["ngettext"] = partial(text.ngettext, plural, lang)
    env.filters.update(
        cell=text.cell,
        yaml_string=text.yaml_string,
        count=partial(text.count, lang=lang),
        figure=partial(text.figure, unit_label=label, lang=lang, plural=plural),
        unit_name=partial(text.unit_name, unit_label=label, lang=lang, plural=plural),
        phrase=partial(text.direction_phrase, label=label, lang=lang, plural=plural),
        hedge_words=text.hedge_words,
        hedge_class=text.HEDGE_CLASSES.__getitem__,
        date=partial(i18n.date, lang),
        file_size=partial(text.file_size, label=label, plural=plural),
        as_date=datetime.date.fromisoformat,
        xml=text.xml_text,
        tr=partial(i18n.localised, lang, pending=label("译文待补")),
        original=partial(i18n.original, lang),
        english=partial(i18n.english, lang),
        # A stored value in the changelog, marked as English on Chinese pages when its field is English.
        in_field=lambda value, field: i18n.english(lang, value) if checks.english_field(field) else value,
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
        bibtex=citation.bibtex,
        ris=citation.ris,
        slices=list(PER_PLAN.items()),
        stances=views.STANCES,
        listed_plans=LISTED_PLANS,
        url=_url,
        settings=settings,
        report_error=_report_error,
        feed_url=_feed_url,
        report_missing=_report_missing,
        dataset_json_ld=_dataset_json_ld,
        # The addresses that templates link to, through url(): url(plan_page(plan.plan_id)).
        **{name: getattr(urls, name) for name in TEMPLATE_ADDRESSES},
    )
    return env


TEMPLATE_ADDRESSES = (
    "HOME", "PLANS_INDEX", "COMPARE_INDEX", "DATA_INDEX", "DICTIONARY", "CHANGELOG", "SEARCH", "METHODOLOGY", "ABOUT",
    "DOCUMENTS", "DOWNLOADS", "plan_page", "target_row", "source_page", "passage", "section", "cited_document",
    "region_document", "targets_due", "FEED", "region_plans", "region_page", "district_page", "REPORTING",
    "indicator_page", "agency_page",
    "share_image", "download", "release_folder", "release_download", "package_file", "data_file", "plan_slice",
    "named_targets", "citation_file", "region_workbook",
)  # fmt: skip


# How a page links to another file: (the page's address, the target's, whether as served) -> the link.
Link = Callable[[str, str, bool], str]
TemplateFunction = TypeVar("TemplateFunction", bound=Callable[..., str])


def _with_context(function: TemplateFunction) -> TemplateFunction:
    """A function that templates call, given the template's context first (Jinja's pass_context)."""
    return cast(TemplateFunction, pass_context(function))


@_with_context
def _url(context: Mapping[str, Any], target: str, html: bool = False) -> str:
    """``url(target)`` in a template: the link from the page being rendered (its ``here``) to ``target``, a path
    under the folder of pages, by the page's ``link`` (``links``)."""
    link: Link = context["link"]
    return link(context["here"], target, html)


def links(elsewhere: Callable[[str], bool] = lambda target: False) -> Link:
    """How pages link: as written for a Markdown link, which MkDocs rewrites and checks; as served (the page's
    address) when asked (``url(t, html=true)``, for the tables written in HTML, whose links MkDocs leaves as they
    are) and for a target ``elsewhere``: one that the MkDocs build of the page's folder does not hold (the build
    says which: another part of the site)."""

    def link(here: str, target: str, html: bool) -> str:
        if html or elsewhere(target):
            if here == urls.NAVIGATION:
                # From the site's root, and to the page's file: the navigation plugin reads a link to a folder as a
                # folder of pages to list.
                served = urls.site_url(urls.HOME, target).removesuffix(".")
                return served + "index.html" if served.endswith("/") or not served else served
            return urls.site_url(here, target)
        return urls.relative(here, target)

    return link


@_with_context
def _report_error(context: Mapping[str, Any], target: Target) -> str:
    """``report_error(t)`` in a template: a new issue about the target at the tracker of mkdocs.yml, its title the
    target's ID, its body the quote and the address of the target's row on its plan's page; "" when none is set."""
    settings = context["settings"]
    row = urls.page_address(settings.site_url, context["lang"], urls.plan_page(target.plan_id), target.target_id)
    return urls.report_error(settings.report_error_url, target.target_id, f"{target.quote}\n\n{row}")


@_with_context
def _feed_url(context: Mapping[str, Any], target: str) -> str:
    """``feed_url(target)`` in the feed's template: a link from the edition's feed to ``target`` (urls.feed_link)."""
    return urls.feed_link(context["settings"].site_url, context["lang"], target)


@_with_context
def _report_missing(context: Mapping[str, Any], title: str, body: str) -> str:
    """``report_missing(title, body)`` in a template: a new issue at the tracker of mkdocs.yml with the page's own
    address below the body (a district's page: its plan, not collected yet); "" when none is set."""
    settings = context["settings"]
    here = urls.page_address(settings.site_url, context["lang"], context["here"])
    return urls.report_error(settings.report_error_url, title, f"{body}\n\n{here}")


@_with_context
def _dataset_json_ld(context: Mapping[str, Any], list_sources: bool) -> str:
    """``dataset_json_ld(list_sources)`` in a template: the schema.org Dataset as JSON for a <script> element, its
    links from the page being rendered. The downloads are published once, at the site's root, so an English page's
    links to them start from where it is served, under en/ (a Markdown link is moved there by editions.py)."""
    served = urls.edition_root(context["lang"]) + context["here"]
    dataset = metadata.dataset_json_ld(context["package"], context["model"], served, list_sources=list_sources)
    return text.script_json(dataset)


def render_page(
    env: Environment,
    site: Site,
    page: Page,
    figures: dict[str, Figure],
    link: Link,
    sizes: Mapping[str, int] | None = None,
) -> str:
    """A page of the catalogue (catalogue.Page) as Markdown: its template given the model, the descriptor, its own
    address (``here``), ``link`` for its links (``url()``) and what its kind of page adds; ``figures`` are the
    drawn charts by address; ``sizes``, each download's size in bytes by its address (the hub's pages are rendered
    after its downloads are made), for the data page."""
    context = {"model": site.model, "package": site.descriptor, "here": page.address, "link": link}
    context["sizes"] = sizes or {}
    context["cited"] = site.cited
    context["documented"] = site.documented
    context["data_version"] = site.version
    rendered = str(env.get_template(page.kind.template).render(context | page.kind.context(site, page.item, figures)))
    return _with_search_weight(rendered, page.kind.search_weight)


def _with_search_weight(rendered: str, weight: str | None) -> str:
    """The page with its kind's weight in the search (catalogue.SEARCH_*) in its front matter, which every template
    opens with (macros.front_matter), unless it has none; overrides/main.html hands it to the search index."""
    if weight is None or not rendered.startswith("---\n"):
        return rendered
    return f"---\nsearch_weight: {weight}\n" + rendered.removeprefix("---\n")


def navigation(env: Environment, site: Site, listed: list[Region], every_comparison: bool, link: Link) -> str:
    """The navigation of a folder of pages (literate-nav's SUMMARY.md): its ``listed`` regions' plans, sources and
    comparison pages in full; with ``every_comparison``, each other region's comparisons as one link; the national
    pages always."""
    context = {"model": site.model, "package": site.descriptor, "here": urls.NAVIGATION, "link": link}
    context |= {"regions": site.regions, "listed": listed, "listed_codes": {r.code for r in listed}}
    context |= {"every_comparison": every_comparison, "data_version": site.version}
    # The regions listed here that have a page of documents but no comparisons (no district plan): it stands alone.
    compared = {view.code for view in site.regions}
    context |= {"documented": site.documented}
    context |= {"documents_alone": [r for r in listed if r.code in site.documented and r.code not in compared]}
    return str(env.get_template("summary.md.j2").render(context))


@dataclasses.dataclass(frozen=True)
class Figure:
    """A chart as a page shows it: its SVGs, inline, laid out for a phone and for a wide column, of which the page's
    CSS shows one (site.css, figure.chart), with links to itself and its data (addresses as drawn, in the Chinese
    names that both editions serve)."""

    chart: Chart
    svg: str  # at charts.WIDTH
    wide_svg: str  # at charts.WIDE


def package_readme(site: Site) -> str:
    """The README that travels inside the ZIP: what the data is, how to cite it, its licence."""
    template = environment(site.model).get_template("package_readme.md.j2")
    return str(template.render(model=site.model, package=site.descriptor, data_version=site.version))
