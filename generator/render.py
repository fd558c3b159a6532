"""Render stage: the model as Markdown pages, returned as {path under docs/: text}."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import outline, passages, text
from .downloads import PER_PLAN
from .model import Model, Plan
from .paths import DOWNLOADS


def environment() -> Environment:
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
        segments=passages.segments,
        anchor=outline.anchor,
        direction_label=text.DIRECTION_LABELS.get,
    )
    env.globals.update(downloads=DOWNLOADS, slices=list(PER_PLAN.items()))
    return env


def render_pages(model: Model, resources: list[dict], documents: dict[str, list[passages.Block]]) -> dict[str, str]:
    """Every generated page.

    ``resources`` describes the downloads (name, title, description, rows);
    ``documents`` holds each plan's source text as marked blocks (see passages.py).
    """
    env = environment()

    def page(template: str, **context) -> str:
        return env.get_template(template).render(model=model, **context)

    pages = {
        "index.md": page("home.md.j2"),
        "SUMMARY.md": page("summary.md.j2"),
        "plans/index.md": page("plans.md.j2"),
        "compare/index.md": page("compare.md.j2", rows=model.comparison()),
        "data/index.md": page("data.md.j2", resources=resources),
    }
    for plan in model.plans:
        pages[plan_page(plan)] = page("plan.md.j2", plan=plan)
        pages[source_page(plan)] = page("source.md.j2", plan=plan, blocks=documents[plan.plan_id])
    return pages


def plan_page(plan: Plan) -> str:
    return f"plans/{plan.plan_id}.md"


def source_page(plan: Plan) -> str:
    return f"sources/{plan.plan_id}.md"
