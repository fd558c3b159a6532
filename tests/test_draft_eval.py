"""The drafter's quality cannot slip unseen: each curated document drafted again must reach the recall written
in the committed evaluation table (benchmarks/DRAFT-EVAL.md, made by `nox -s draft-eval`), with no provenance
problem in its rows, and each document of the drafter's corpus the recall and precision written there."""

from __future__ import annotations

import pytest

from generator.base.paths import Paths
from generator.draft import corpus, evaluate


@pytest.fixture(scope="module")
def evaluation() -> evaluate.Evaluation:
    return evaluate.evaluate(Paths())


@pytest.fixture(scope="module")
def scores(evaluation) -> dict[str, evaluate.Score]:
    return {score.plan_id: score for score in evaluation.curated}


def committed_text() -> str:
    return Paths().draft_evaluation.read_text(encoding="utf-8")


def committed() -> dict[str, float]:
    return evaluate.recalls(committed_text())


def test_the_table_covers_every_published_plan(scores):
    assert set(committed()) == set(scores)


@pytest.mark.parametrize("plan_id", sorted(committed()))
def test_recall_does_not_fall_below_the_committed_table(scores, plan_id):
    assert round(scores[plan_id].recall, 2) >= committed()[plan_id]


@pytest.mark.parametrize("plan_id", sorted(committed()))
def test_every_drafted_row_passes_the_provenance_checks(scores, plan_id):
    assert scores[plan_id].problems == 0


@pytest.mark.parametrize("document", sorted(evaluate.corpus_figures(committed_text())))
def test_recall_and_precision_on_the_corpus_do_not_fall_below_the_committed_tables(evaluation, document):
    score = next(s for s in evaluation.corpus if s.document == document)
    recall, precision = evaluate.corpus_figures(committed_text())[document]
    assert round(score.recall, 2) >= recall
    assert round(score.precision, 2) >= precision


def test_the_held_out_documents_are_scored_apart_and_said_to_be(evaluation):
    text = evaluate.table(evaluation)
    held_out = text.partition("### Held out (not looked at while developing)")[2]
    assert held_out and all(f"| {name} |" in held_out for name in corpus.HELD_OUT)
    assert "nobody looked at them" in text


def test_the_committed_table_is_what_the_evaluation_writes(evaluation):
    """Regenerate it with `nox -s draft-eval` after changing the drafter."""
    assert committed_text() == evaluate.table(evaluation)
