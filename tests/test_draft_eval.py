"""The drafter's quality cannot slip unseen: each curated document drafted again must reach the recall written
in the committed evaluation table (benchmarks/DRAFT-EVAL.md, made by `nox -s draft-eval`), with no provenance
problem in its rows."""

from __future__ import annotations

import pytest

from generator.draft import evaluate
from generator.paths import Paths


@pytest.fixture(scope="module")
def scores() -> dict[str, evaluate.Score]:
    return {score.plan_id: score for score in evaluate.evaluate(Paths())}


def committed() -> dict[str, float]:
    return evaluate.recalls(Paths().draft_evaluation.read_text(encoding="utf-8"))


def test_the_table_covers_every_published_plan(scores):
    assert set(committed()) == set(scores)


@pytest.mark.parametrize("plan_id", sorted(committed()))
def test_recall_does_not_fall_below_the_committed_table(scores, plan_id):
    assert round(scores[plan_id].recall, 2) >= committed()[plan_id]


@pytest.mark.parametrize("plan_id", sorted(committed()))
def test_every_drafted_row_passes_the_provenance_checks(scores, plan_id):
    assert scores[plan_id].problems == 0


def test_the_committed_table_is_what_the_evaluation_writes(scores):
    """Regenerate it with `nox -s draft-eval` after changing the drafter."""
    written = Paths().draft_evaluation.read_text(encoding="utf-8")
    assert written == evaluate.table(list(scores.values()))
