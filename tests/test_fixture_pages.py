"""Generated pages of the fixture package against pages written by hand (tests/fixture/expected/).

The expected pages were written from the templates and the fixture's rows, not copied from the generator's
output: a difference is either a slip in the expectation or a change in what the pages say. Compare with
`diff tests/fixture/expected/X <docs of a build>/X` to see which.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURE, copy_fixture_project

from generator import pipeline
from generator.build.parts import WHOLE

EXPECTED = FIXTURE / "expected"
PAGES = sorted(path.relative_to(EXPECTED).as_posix() for path in EXPECTED.rglob("*.md"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The fixture project's pages under docs/, without the MkDocs build (the pages are what is compared)."""
    paths = copy_fixture_project(tmp_path_factory.mktemp("fixture-pages"))
    pipeline.build(paths, run_mkdocs=False)
    return paths.part_docs(WHOLE)


def test_there_are_expected_pages():
    assert {"plans/jia-2023.md", "plans/jia-2023.en.md", "compare/990000/own-or-city.md"} <= set(PAGES)
    # An English page whose counts are all 1: each in the singular ("1 measure", "1 target or commitment").
    assert "compare/990000/agencies/civil-affairs-bureau.en.md" in PAGES


@pytest.mark.parametrize("page", PAGES)
def test_generated_page_is_the_hand_written_one(generated: Path, page: str):
    assert (generated / page).read_text(encoding="utf-8") == (EXPECTED / page).read_text(encoding="utf-8")
