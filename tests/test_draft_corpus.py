"""How drafts are scored against a gold list (generator/draft/corpus.py): quotes that overlap, the same target
year, the same figures for a quantitative gold row, kinds free, each row matched once. On beijing.txt, a
development document of benchmarks/drafter-corpus/."""

from __future__ import annotations

import pytest

from generator.base.paths import Paths
from generator.draft import corpus, package

COLUMNS = ("line", "quote", "kind", "value", "value_min", "value_max", "unit", "comparator", "target_year", "hedge")


def gold(line, quote, kind, value="", unit="", comparator="", year="", hedge="") -> dict[str, str]:
    return dict(zip(COLUMNS, (str(line), quote, kind, value, "", "", unit, comparator, year, hedge), strict=True))


@pytest.fixture(scope="module")
def reference() -> dict:
    return {n: package.read_csv(Paths().package_dir / "data" / f"{n}.csv") for n in package.REFERENCE}


def score(rows, reference) -> corpus.CorpusScore:
    data = (Paths().drafter_corpus / "beijing.txt").read_bytes()
    return corpus.score_document("beijing", data, rows, reference)


def test_a_qualitative_gold_row_meets_a_figure_in_words_and_its_fields_are_compared(reference):
    rows = [gold(74, "到2030年，城市生活垃圾分类实现全覆盖", "qualitative", year="2030")]
    result = score(rows, reference)
    assert (result.matched, result.right["target_year"], result.right["value"], result.right["unit"]) == (1, 1, 0, 0)


@pytest.mark.parametrize(
    "row",
    [
        gold(96, "新型储能装机容量达到70万千瓦", "quantitative", "80", "万千瓦", "eq", "2025"),  # not its figure
        gold(96, "新型储能装机容量达到70万千瓦", "quantitative", "70", "万千瓦", "eq", "2030"),  # not its year
        gold(97, "太阳能、风电总装机容量达到500万千瓦左右", "quantitative", "70", "万千瓦", "eq", "2025"),  # elsewhere
    ],
)
def test_a_gold_row_is_not_met_by_another_figure_year_or_place(reference, row):
    assert score([row], reference).matched == 0


def test_each_row_is_matched_once(reference):
    """beijing.txt 22: one clause, two subjects, two gold rows; the drafter drafts two rows for it."""
    quote = "十四五期间，单位地区生产总值能耗和二氧化碳排放持续保持省级地区最优水平"
    twice = score([gold(22, quote, "qualitative", year="2025")] * 2, reference)
    thrice = score([gold(22, quote, "qualitative", year="2025")] * 3, reference)
    assert (twice.matched, thrice.matched) == (2, 2)


def test_the_matching_is_the_largest_there_is():
    """Gold row 0 could take drafted row 0 or 1, gold row 1 only drafted row 0: both are matched."""
    assert corpus.maximum_matching([[0, 1], [0]]) == {0: 1, 1: 0}
