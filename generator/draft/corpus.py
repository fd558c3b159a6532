"""How good the drafts are on plans the drafter was not written for: each document of benchmarks/drafter-corpus/
drafted as received and its targets compared with the hand-coded gold list of benchmarks/gold/ (its README).

Pure but for reading the files: ``score_document`` takes the document and its gold rows. A drafted target matches
a gold row when their quotes overlap in the document (whitespace removed) and their target years agree, and, for a
quantitative gold row, their figures agree; kinds may differ (全覆盖 drafted as 100 % meets a qualitative row). Each
gold row and each drafted row is matched at most once (a maximum matching, so that the order of the rows does not
decide). Of the matched pairs, each field is then compared on its own.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from generator.base import sources as src
from generator.draft import package, propose

# Kept aside while the drafter was developed on the others: nobody looked at them or at the drafter's output on
# them, so their figures say how the drafter does on a plan it has never seen.
HELD_OUT = ("henan", "hunan")
FIELDS = ("value", "unit", "target_year", "comparator", "hedge")
ALL = "all"  # the name of a table's total row


@dataclass(frozen=True)
class CorpusScore:
    document: str
    gold: int
    drafted: int
    matched: int
    right: dict[str, int]  # field -> matched pairs that have it right
    missed: tuple[dict[str, str], ...]  # gold rows no drafted row matches
    extra: tuple[dict[str, str], ...]  # drafted rows that match no gold row
    problems: int = 0  # what validation finds in the drafted targets' rows

    @property
    def recall(self) -> float:
        return share(self.matched, self.gold)

    @property
    def precision(self) -> float:
        return share(self.matched, self.drafted)

    def accuracy(self, field: str) -> float:
        return share(self.right[field], self.matched)


def share(part: int, whole: int) -> float:
    """part / whole, and 1.0 when there is nothing to count (no row missed, none wrong)."""
    return part / whole if whole else 1.0


def documents(corpus_dir: Path) -> list[str]:
    """The corpus' documents by name (beijing for beijing.txt), in order."""
    return sorted(path.stem for path in corpus_dir.glob("*.txt"))


def read_gold(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def score_corpus(
    corpus_dir: Path, gold_dir: Path, reference: dict, names: list[str], descriptor: dict | None = None
) -> list[CorpusScore]:
    """``descriptor``: the package's, to count what validation finds in the drafted targets (none without)."""
    return [
        score_document(
            name, (corpus_dir / f"{name}.txt").read_bytes(), read_gold(gold_dir / f"{name}.csv"), reference, descriptor
        )
        for name in names
    ]


def score_document(
    name: str, data: bytes, gold: list[dict[str, str]], reference: dict, descriptor: dict | None = None
) -> CorpusScore:
    draft = propose.propose(data, reference, plan_id=name)
    drafted = draft.tables["targets"]
    problems = package.check_draft(descriptor, reference, draft) if descriptor else []
    text = data.decode("utf-8")
    gold_spans = [_gold_span(row, text) for row in gold]
    drafted_spans = [_spans(row["quote"], src.squeeze(text)) for row in drafted]
    edges = [
        [d for d, row in enumerate(drafted) if _agree(g, row, gold_spans[i], drafted_spans[d])]
        for i, g in enumerate(gold)
    ]
    pairs = maximum_matching(edges)
    right = {field: sum(_right(field, gold[g], drafted[d]) for g, d in pairs.items()) for field in FIELDS}
    matched_drafts = set(pairs.values())
    return CorpusScore(
        document=name,
        gold=len(gold),
        drafted=len(drafted),
        matched=len(pairs),
        right=right,
        missed=tuple(row for i, row in enumerate(gold) if i not in pairs),
        extra=tuple(row for d, row in enumerate(drafted) if d not in matched_drafts),
        problems=sum(problem.file.endswith("/targets.csv") for problem in problems),
    )


def total(scores: list[CorpusScore]) -> CorpusScore:
    """The scores of several documents pooled, as one row named ALL."""
    right = {field: sum(s.right[field] for s in scores) for field in FIELDS}
    return CorpusScore(
        ALL,
        sum(s.gold for s in scores),
        sum(s.drafted for s in scores),
        sum(s.matched for s in scores),
        right,
        tuple(row for s in scores for row in s.missed),
        tuple(row for s in scores for row in s.extra),
        sum(s.problems for s in scores),
    )


def maximum_matching(edges: list[list[int]]) -> dict[int, int]:
    """gold index -> drafted index: as many pairs as the edges allow, each side used once (augmenting paths)."""
    owner: dict[int, int] = {}  # drafted index -> gold index

    def place(gold: int, seen: set[int]) -> bool:
        for drafted in edges[gold]:
            if drafted in seen:
                continue
            seen.add(drafted)
            if drafted not in owner or place(owner[drafted], seen):
                owner[drafted] = gold
                return True
        return False

    for gold in range(len(edges)):
        place(gold, set())
    return {gold: drafted for drafted, gold in owner.items()}


def figures(row: dict[str, str]) -> tuple[float, ...]:
    return tuple(float(row[n]) for n in ("value", "value_min", "value_max") if row.get(n))


def _agree(gold: dict, drafted: dict, gold_span: tuple[int, int], drafted_spans: list[tuple[int, int]]) -> bool:
    if gold["target_year"] != drafted["target_year"]:
        return False
    if gold["kind"] == "quantitative" and figures(gold) != figures(drafted):
        return False
    return any(start < gold_span[1] and gold_span[0] < end for start, end in drafted_spans)


def _right(field: str, gold: dict, drafted: dict) -> bool:
    if field == "value":
        return figures(gold) == figures(drafted)
    return gold[field].replace("％", "%") == drafted[field].replace("％", "%")


def _spans(quote: str, squeezed: str) -> list[tuple[int, int]]:
    """Every place the quote stands in the document, whitespace removed."""
    needle = src.squeeze(quote)
    spans, at = [], squeezed.find(needle) if needle else -1
    while at >= 0:
        spans.append((at, at + len(needle)))
        at = squeezed.find(needle, at + 1)
    return spans


def _gold_span(row: dict[str, str], text: str) -> tuple[int, int]:
    """Where the gold row's quote stands: its first place from the start of its line on."""
    before = src.squeeze("\n".join(text.split("\n")[: int(row["line"]) - 1]))
    needle = src.squeeze(row["quote"])
    at = src.squeeze(text).find(needle, len(before))
    return (at, at + len(needle)) if at >= 0 else (-1, -1)
