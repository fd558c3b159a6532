"""Render stage: the model as Markdown pages, returned as {path under docs/: text}."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import charts, metadata, outline, passages, releases, text, views
from .downloads import PER_PLAN
from .model import Indicator, Model, Plan
from .paths import DOWNLOADS, DOWNLOADS_ROOT


def environment(model: Model) -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, escaped field by field with the |cell filter
    )
    env.filters.update(
        cell=text.cell,
        figure=text.figure,
        number=text.number,
        date_zh=text.date_zh,
        kind_label=text.KIND_LABELS.get,
        project_kind_label=text.PROJECT_KIND_LABELS.get,
        constraints_text=text.constraints_text,
        segments=passages.segments,
        anchor=outline.anchor,
        stricter=views.stricter,
        plan_name={p.plan_id: p.short_name for p in model.plans}.__getitem__,
    )
    env.globals.update(
        citation=text.citation,
        downloads=DOWNLOADS,
        downloads_root=DOWNLOADS_ROOT,
        slices=list(PER_PLAN.items()),
        stance_labels=text.STANCE_LABELS,
    )
    return env


def render_pages(
    model: Model,
    descriptor: dict,
    documents: dict[str, list[passages.Block]],
    changelog: list[releases.Entry],
    released: list[str],
) -> dict[str, str]:
    """Every generated page and chart, as {path under docs/: text}.

    ``descriptor`` is the data package's; ``documents`` holds each plan's source
    text as marked blocks (see passages.py); ``changelog`` the steps between
    versions and ``released`` the versions that have their own download folder.
    """
    env = environment(model)
    rows = views.by_indicator(model)

    def page(template: str, **context) -> str:
        return env.get_template(template).render(model=model, package=descriptor, **context)

    figures = {plan.plan_id: charts.plan_chart(model, plan) for plan in model.plans}
    figures |= {row.indicator.indicator_id: charts.indicator_chart(model, row) for row in views.shared(rows)}
    years = views.timeline(model)
    figures["timeline"] = charts.timeline_chart(model, years)
    pages = charts.render_all(list(figures.values()))
    pages |= {
        "index.md": page("home.md.j2", json_ld=text.script_json(metadata.dataset_json_ld(descriptor, model, ""))),
        "SUMMARY.md": page("summary.md.j2", shared=views.shared(rows)),
        "plans/index.md": page("plans.md.j2"),
        "compare/index.md": page("compare.md.j2", shared=views.shared(rows)),
        "compare/targets.md": page("compare_targets.md.j2", rows=rows),
        "compare/own-or-city.md": page("own_or_city.md.j2", rows=views.own_or_city(rows)),
        "compare/timeline.md": page(
            "timeline.md.j2", years=years, figure=figures["timeline"], counts=charts.timeline_counts(model, years)
        ),
        "compare/coverage.md": page("coverage.md.j2", cells=views.coverage(model)),
        "compare/agencies.md": page("agencies.md.j2", rows=views.agencies(model)),
        "compare/pilot.md": page("pilot.md.j2", city=model.city_plans[0]),
        "data/index.md": page(
            "data.md.j2",
            released=released,
            json_ld=text.script_json(metadata.dataset_json_ld(descriptor, model, "../")),
        ),
        "data/dictionary.md": page("dictionary.md.j2"),
        "data/changelog.md": page("changelog.md.j2", entries=changelog, released=released),
    }
    for row in views.shared(rows):
        pages[indicator_page(row.indicator)] = page(
            "indicator.md.j2", row=row, figure=figures[row.indicator.indicator_id]
        )
    for plan in model.plans:
        counts = charts.plan_year_area_counts(model, plan)
        pages[plan_page(plan)] = page("plan.md.j2", plan=plan, figure=figures[plan.plan_id], counts=counts)
        pages[source_page(plan)] = page("source.md.j2", plan=plan, blocks=documents[plan.plan_id])
    return pages


def indicator_page(indicator: Indicator) -> str:
    return f"compare/indicators/{indicator.indicator_id}.md"


def plan_page(plan: Plan) -> str:
    return f"plans/{plan.plan_id}.md"


def source_page(plan: Plan) -> str:
    return f"sources/{plan.plan_id}.md"


def package_readme(model: Model, descriptor: dict) -> str:
    """The README that travels inside the ZIP: what the data is, how to cite it, its licence."""
    return environment(model).get_template("package_readme.md.j2").render(model=model, package=descriptor)
