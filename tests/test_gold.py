"""The hand-coded gold lists of the drafter's corpus (benchmarks/gold/) hold to their README: every quote stands in
its document on its line, and every cell is of its column's form, so that draft-eval scores against real rows."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from generator.base import sources as src

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
DOCUMENTS = sorted((BENCHMARKS / "drafter-corpus").glob("*.txt"))
COLUMNS = ["line", "quote", "kind", "value", "value_min", "value_max", "unit", "comparator", "target_year",
           "per_year", "hedge", "rule", "note"]  # fmt: skip
HEDGE = re.compile(r"(力争|左右|预计|基本|争取|约|原则上)(、(力争|左右|预计|基本|争取|约|原则上))*")


def gold(document: Path) -> list[dict[str, str]]:
    with (BENCHMARKS / "gold" / f"{document.stem}.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def test_every_document_of_the_corpus_has_its_gold_list_and_its_hash():
    assert [d.stem for d in DOCUMENTS] == ["beijing", "henan", "hunan", "jiangsu", "national-2021"]
    sums = (BENCHMARKS / "drafter-corpus" / "SHA256SUMS").read_text().split("\n")
    assert sorted(f"{src.sha256(d.read_bytes())}  {d.name}" for d in DOCUMENTS) == sorted(filter(None, sums))


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.stem for d in DOCUMENTS])
def test_every_gold_row_quotes_its_document_where_it_says(document):
    lines = document.read_text(encoding="utf-8").split("\n")
    for row in gold(document):
        at = int(row["line"]) - 1
        assert src.occurs_in(row["quote"], src.squeeze("".join(lines[at : at + 3]))), row
        assert src.squeeze(row["quote"])[:6] in src.squeeze("".join(lines[at : at + 1])), row


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.stem for d in DOCUMENTS])
def test_every_gold_row_is_coded_in_its_columns_forms(document):
    for row in gold(document):
        figures = [row[c] for c in ("value", "value_min", "value_max") if row[c]]
        assert all(re.fullmatch(r"\d+(\.\d+)?", f) for f in figures), row
        if row["kind"] == "quantitative":
            ranged = row["comparator"] == "range"
            assert row["comparator"] in ("eq", "ge", "gt", "le", "lt", "range"), row
            assert bool(row["value"]) != ranged and bool(row["value_min"] and row["value_max"]) == ranged, row
        else:
            assert row["kind"] in ("qualitative", "defers-to-city") and not figures and not row["comparator"], row
        assert re.fullmatch(r"(20[2-6]\d)?", row["target_year"]), row
        assert row["per_year"] in ("true", "false") and row["rule"] in ("1", "2", "3", "4"), row
        assert not row["hedge"] or HEDGE.fullmatch(row["hedge"]), row
