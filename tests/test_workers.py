"""A region's part of a site in parts is made from its own rows (build/workers.py part_site): the rows of its
portion, the rows they refer to and the rows of no region, never the whole package."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from conftest import table_rows as rows

from generator import pipeline
from generator.base.i18n import LANGUAGES
from generator.base.paths import Paths
from generator.build import workers
from generator.build.parts import Part
from generator.package import regional, relations
from generator.pages.catalogue import catalogue
from generator.site import model
from generator.site.assemble import assemble

REGION, OTHER, PILOT = "210000", "120000", "tianjin-pilot-2023"


@pytest.fixture(scope="module")
def checked(two_regions_template, tmp_path_factory):
    """The synthetic project of two regions (the city's pilot programme in 120000, district plans in 210000),
    validated and assembled whole."""
    paths = Paths(Path(shutil.copytree(two_regions_template, tmp_path_factory.mktemp("workers") / "project")))
    inputs, validation = pipeline.check(paths, jobs=1)
    return paths, inputs, validation, assemble(inputs, validation.tables)


def job(paths: Paths, site, made_from) -> workers.Job:
    when = pipeline.build_time(site.descriptor)
    return workers.Job(paths, site, LANGUAGES, when, catalogue(site, LANGUAGES), made_from)


def generated(made: workers.Job, part: Part) -> dict[str, bytes]:
    """The files a part's generation writes, by path under its folder of pages (which it leaves empty)."""
    docs = made.paths.part_docs(part.name)
    shutil.rmtree(docs, ignore_errors=True)
    workers.generate_part(made, part, parallel=False)
    found = {str(path.relative_to(docs)): path.read_bytes() for path in sorted(docs.rglob("*")) if path.is_file()}
    shutil.rmtree(docs)
    return found


def referred_by_region(project: Path) -> dict[str, set[str]]:
    """The keys of the other region's rows that the region's rows refer to, read from the CSV files: the pilot
    programme's row, and the contents of it that the district plans' measures answer (pilot_alignment)."""
    measures = {row["measure_id"] for row in rows(project, "measures") if not row["plan_id"].startswith(PILOT)}
    contents = {row["content_id"] for row in rows(project, "pilot_alignment") if row["measure_id"] in measures}
    assert contents, "the synthetic district plans answer the pilot programme"
    return {"plans": {PILOT}, "chapters": contents}


def test_a_region_is_modelled_from_its_own_rows(checked, two_regions_template):
    """Made as from the whole site, and made with a whole site of no plans whose rows of the other region are
    unreadable (None), but for the rows this region refers to: the same files. A part that read another region's
    row, or took a plan from the whole site's model, would fail or differ."""
    paths, inputs, validation, site = checked
    part = Part(REGION, False, frozenset([REGION]))
    owners = validation.owners
    assert owners is not None  # validated by region
    from_whole = generated(job(paths, site, {}), part)

    keys = {"plans": "plan_id", "chapters": "chapter_id"}
    allowed = referred_by_region(two_regions_template)
    tables, text_rows = dict(site.package.tables), dict(site.package.text_rows)
    unreadable: dict[str, int] = {}
    for resource, positions in owners[OTHER].items():
        typed, text = list(tables[resource]), list(text_rows[resource])
        for i in positions:
            if text[i].get(keys.get(resource, "")) not in allowed.get(resource, ()):
                typed[i] = text[i] = None
                unreadable[resource] = unreadable.get(resource, 0) + 1
        tables[resource], text_rows[resource] = typed, text
    assert {"chapters", "measures", "targets"} <= unreadable.keys()  # the pilot programme's, but for its contents
    remainder = regional.picked(validation.tables, {name: list(p) for name, p in owners[regional.REMAINDER].items()})
    nothing = model.build_model(remainder, site.package.relations)
    assert nothing.plans == []
    national = dataclasses.replace(
        site, model=nothing, regions=(), package=dataclasses.replace(site.package, tables=tables, text_rows=text_rows)
    )
    # The rows it is made from are found from the key columns (relations.index) and the readable rows alone.
    index = relations.index(site.package.relations, validation.tables)
    made_from = {REGION: regional.region_rows(owners, [REGION], index, tables)}
    from_own = generated(job(paths, national, made_from), part)

    assert from_own.keys() == from_whole.keys()
    assert [path for path in from_own if from_own[path] != from_whole[path]] == []
    plans = [row["plan_id"] for row in rows(two_regions_template, "plans") if row["plan_id"] != PILOT]
    assert {f"plans/{plan}.md" for plan in plans} <= from_own.keys()
    assert f"plans/{PILOT}.md" not in from_own
