"""How good the drafts are: each curated document drafted as if it were new, its proposals compared with its
curated rows; then the plans of the drafter's corpus, which it was not written for, compared with their gold lists
(corpus.py). Writes benchmarks/DRAFT-EVAL.md (``nox -s draft-eval``); tests/test_draft_eval.py fails when a
document's recall falls below the table's.

The drafter reads only the reference tables (districts, agencies and the catalogue of indicators), never the
curated targets, measures or agency links it is compared with.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.base import sources as src
from generator.base.paths import Paths
from generator.draft import corpus, package, propose

COMMAND = "nox -s draft-eval"
AIM_RECALL, AIM_PRECISION = 0.9, 0.7
CORPUS_HEADING = "## Plans the drafter was not written for"
CORPUS_AIM_RECALL, CORPUS_AIM_PRECISION, CORPUS_AIM_FIELDS = 0.9, 0.85, 0.95
CORPUS_COLUMNS = (
    "document", "gold rows", "drafted targets", "matched", "recall", "precision", "value", "unit", "target year",
    "comparator", "hedge", "provenance problems",
)  # fmt: skip
COLUMNS = (
    "plan", "curated quantitative targets", "recall", "drafted quantitative targets", "precision (quantitative)",
    "drafted targets, all kinds", "precision (all kinds)", "measures with section and title", "agency lists",
    "indicator as curated", "provenance problems",
)  # fmt: skip


@dataclass(frozen=True)
class Score:
    plan_id: str
    curated_quantitative: int
    recalled: int
    indicator_agreed: int  # recalled targets whose drafted match has the curated indicator
    drafted_quantitative: int
    quantitative_kept: int
    drafted: int
    kept: int
    curated_measures: int
    measures_found: int
    curated_agency_lists: int
    agency_lists_found: int
    problems: int

    @property
    def recall(self) -> float:
        return corpus.share(self.recalled, self.curated_quantitative)

    @property
    def precision(self) -> float:
        return corpus.share(self.quantitative_kept, self.drafted_quantitative)

    @property
    def precision_all(self) -> float:
        return corpus.share(self.kept, self.drafted)


@dataclass(frozen=True)
class Evaluation:
    curated: list[Score]  # the published plans, against their curated rows
    corpus: list[corpus.CorpusScore]  # the drafter's corpus, against its gold lists


def evaluate(paths: Paths) -> Evaluation:
    """Every plan of the published package, drafted from its source and scored against its curated rows; every
    document of the drafter's corpus, drafted as received and scored against its gold list."""
    descriptor = json.loads(paths.descriptor_path.read_text(encoding="utf-8"))
    tables = {r["name"]: package.read_csv(paths.package_dir / r["path"]) for r in descriptor["resources"]}
    reference = {name: tables[name] for name in package.REFERENCE}
    curated = [
        score(plan, (paths.package_dir / plan["source_file"]).read_bytes(), tables, reference, descriptor)
        for plan in tables["plans"]
    ]
    names = corpus.documents(paths.drafter_corpus)
    return Evaluation(
        curated, corpus.score_corpus(paths.drafter_corpus, paths.drafter_gold, reference, names, descriptor)
    )


def span(quote: str, matchable: str) -> tuple[int, int]:
    at = matchable.find(src.squeeze(quote))
    return (at, at + len(src.squeeze(quote))) if at >= 0 else (-1, -1)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] >= 0 and b[0] >= 0 and a[0] < b[1] and b[0] < a[1]


def figures(row: dict[str, str]) -> tuple[str, ...]:
    """A target's figures as numbers (30 and 30.0 alike)."""
    return tuple(str(float(row[n])) for n in ("value", "value_min", "value_max") if row.get(n))


def same_target(drafted: dict, curated: dict, matchable: str) -> bool:
    """Same figures and year, and quotes that overlap in the source; a target without figures matches one of any
    kind with the same year."""
    return (
        figures(drafted) == figures(curated)
        and drafted["target_year"] == curated["target_year"]
        and overlaps(span(drafted["quote"], matchable), span(curated["quote"], matchable))
    )


def score(plan: dict, source: bytes, curated: dict[str, list[dict]], reference: dict, descriptor: dict) -> Score:
    draft = propose.propose(source, reference, plan["district_code"], plan["plan_id"])
    problems = package.check_draft(descriptor, reference, draft)
    matchable = src.matchable(source.decode("utf-8"))
    mine = [t for t in curated["targets"] if t["plan_id"] == plan["plan_id"]]
    curated_quantitative = [t for t in mine if t["kind"] == "quantitative"]
    drafted = draft.tables["targets"]
    drafted_quantitative = [t for t in drafted if t["kind"] == "quantitative"]
    measures = [m for m in curated["measures"] if m["plan_id"] == plan["plan_id"]]
    drafted_measures = {(m["section"], m["title"]) for m in draft.tables["measures"]}
    curated_lists, drafted_lists = _agency_lists(curated, measures), _agency_lists(draft.tables)
    return Score(
        plan_id=plan["plan_id"],
        curated_quantitative=len(curated_quantitative),
        recalled=sum(any(same_target(d, c, matchable) for d in drafted_quantitative) for c in curated_quantitative),
        indicator_agreed=sum(
            any(same_target(d, c, matchable) and d["indicator_id"] == c["indicator_id"] for d in drafted_quantitative)
            for c in curated_quantitative
        ),
        drafted_quantitative=len(drafted_quantitative),
        quantitative_kept=sum(any(same_target(d, c, matchable) for c in mine) for d in drafted_quantitative),
        drafted=len(drafted),
        kept=sum(any(same_target(d, c, matchable) for c in mine) for d in drafted),
        curated_measures=len(measures),
        measures_found=sum((m["section"], m["title"]) in drafted_measures for m in measures),
        curated_agency_lists=len(curated_lists),
        agency_lists_found=sum(drafted_lists.get(section) == names for section, names in curated_lists.items()),
        problems=len(problems),
    )


def _agency_lists(tables: dict, measures: list[dict] | None = None) -> dict:
    """measure (its section) -> the names as printed of its agencies, in order."""
    measures = measures if measures is not None else tables["measures"]
    sections = {m["measure_id"]: m["section"] for m in measures}
    lists: dict[str, list[str]] = {}
    for link in sorted(tables["measure_agencies"], key=lambda row: int(row["position"])):
        if link["measure_id"] in sections:
            lists.setdefault(sections[link["measure_id"]], []).append(link["name_as_printed"])
    return lists


def percent(value: float) -> str:
    return f"{value:.0%}".replace("%", " %")


def table(evaluation: Evaluation) -> str:
    """The evaluation as Markdown, with the command that made it."""
    scores = evaluation.curated
    lines = [
        "# How good the drafter's proposals are",
        "",
        f"Generated by `{COMMAND}` (generator/draft/evaluate.py): each curated document drafted as if it were new,",
        "its proposals compared with its curated rows. Do not edit by hand: tests/test_draft_eval.py fails when a",
        "document's recall falls below the one written here.",
        "",
        "- **recall**: curated quantitative targets that a drafted target matches (same figures and target year,",
        "  quotes that overlap in the source).",
        "- **precision**: drafted targets that match a curated target (quantitative: as for recall; all kinds: a",
        "  curated target of any kind with the same figures, year and an overlapping quote). A lower bound: a drafted",
        "  row that the curators left out may still be one a reviewer keeps.",
        "- **measures**: curated measures that a drafted measure has with the same section and title as printed.",
        "- **agency lists**: curated measures whose agencies the draft lists with the same names, in the same order.",
        "- **indicator as curated**: recalled targets whose drafted row proposes the curated indicator. The catalogue",
        "  it picks from is the published `indicators` table, which holds the indicators made for these very plans.",
        "- **provenance problems**: what validation (the published tables' own checks) finds in the draft's rows.",
        "",
        "The drafter's patterns were written while looking at these five documents, so these figures are in-sample:",
        "expect lower ones on a new document, and review every row.",
        "",
        f"Aim: recall ≥ {percent(AIM_RECALL)} and precision ≥ {percent(AIM_PRECISION)} on quantitative targets.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for s in scores:
        cells = (
            s.plan_id, str(s.curated_quantitative), percent(s.recall), str(s.drafted_quantitative),
            percent(s.precision), str(s.drafted), percent(s.precision_all),
            f"{s.measures_found} / {s.curated_measures}", f"{s.agency_lists_found} / {s.curated_agency_lists}",
            f"{s.indicator_agreed} / {s.recalled}", str(s.problems),
        )  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    missed = [s.plan_id for s in scores if s.recall < AIM_RECALL or s.precision < AIM_PRECISION]
    lines += ["", f"Below the aim: {', '.join(missed)}." if missed else "Every document meets the aim.", ""]
    return "\n".join(lines + corpus_tables(evaluation.corpus))


def corpus_tables(scores: list[corpus.CorpusScore]) -> list[str]:
    """The corpus' part of the evaluation: the development documents, then those held out, each with its total."""
    developed = [s for s in scores if s.document not in corpus.HELD_OUT]
    held_out = [s for s in scores if s.document in corpus.HELD_OUT]
    lines = [
        CORPUS_HEADING,
        "",
        "The plans of `benchmarks/drafter-corpus/` (its README: public plans of other provinces and of the State",
        "Council, one sentence or heading to a line, their 。 and quotation marks lost), drafted as received and",
        "compared with the gold lists of `benchmarks/gold/`, coded by hand from the text alone (its README).",
        "",
        "- **recall**: gold rows that a drafted target matches: their quotes overlap in the document (whitespace",
        "  removed), their target years agree and, for a quantitative gold row, their figures; kinds may differ (a",
        "  qualitative gold row for 全覆盖 may meet a drafted 100 %). Each gold row and each drafted row is matched",
        "  at most once (a maximum matching).",
        "- **precision**: drafted targets that match a gold row.",
        "- **value, unit, target year, comparator, hedge**: of the matched rows, those whose field agrees with the",
        "  gold row's. The target year is part of the match, so it is right by construction: a wrong year shows as",
        "  a miss and an extra row, not here.",
        "- **provenance problems**: what validation finds in the drafted targets' rows.",
        "",
        "The drafter was developed on the first table's documents, looking at them, at their gold lists and at its",
        "output on them as much as was needed: those figures are in-sample. The second table's documents were held",
        "out: nobody looked at them, at their gold lists or at the drafter's output on them while developing, and",
        "nothing was tuned to them. Their figures are what to expect of a plan the drafter has never seen.",
        "",
        f"Aim: recall ≥ {percent(CORPUS_AIM_RECALL)}, precision ≥ {percent(CORPUS_AIM_PRECISION)}, and value, unit,"
        f" target year and comparator each right in ≥ {percent(CORPUS_AIM_FIELDS)} of the matched rows.",
        "",
    ]
    for heading, group in (
        ("### Development documents (looked at while developing)", developed),
        ("### Held out (not looked at while developing)", held_out),
    ):
        lines += [heading, "", "| " + " | ".join(CORPUS_COLUMNS) + " |", "|" + "---|" * len(CORPUS_COLUMNS)]
        lines += [_corpus_row(s) for s in [*group, corpus.total(group)] if group]
        lines.append("")
    missed = [s.document for s in scores if not _meets_aim(s)]
    lines += [f"Below the aim: {', '.join(missed)}." if missed else "Every document of the corpus meets the aim.", ""]
    return lines


def _corpus_row(s: corpus.CorpusScore) -> str:
    fields = [percent(s.accuracy(f)) for f in corpus.FIELDS]
    cells = (s.document, str(s.gold), str(s.drafted), str(s.matched), percent(s.recall), percent(s.precision))
    return "| " + " | ".join([*cells, *fields, str(s.problems)]) + " |"


def _meets_aim(s: corpus.CorpusScore) -> bool:
    fields = all(s.accuracy(f) >= CORPUS_AIM_FIELDS for f in corpus.FIELDS if f != "hedge")
    return s.recall >= CORPUS_AIM_RECALL and s.precision >= CORPUS_AIM_PRECISION and fields


def corpus_figures(markdown: str) -> dict[str, tuple[float, float]]:
    """document -> (recall, precision), read back from the corpus tables, totals aside (for the regression test)."""
    result = {}
    for line in markdown.partition(CORPUS_HEADING)[2].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == len(CORPUS_COLUMNS) and cells[4].endswith("%") and cells[0] != corpus.ALL:
            result[cells[0]] = (_fraction(cells[4]), _fraction(cells[5]))
    return result


def _fraction(cell: str) -> float:
    return float(cell.removesuffix("%").strip()) / 100


def recalls(markdown: str) -> dict[str, float]:
    """plan_id -> recall, read back from the curated table (for the regression test)."""
    result = {}
    for line in markdown.partition(CORPUS_HEADING)[0].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == len(COLUMNS) and cells[2].endswith("%") and cells[0] != COLUMNS[0]:
            result[cells[0]] = float(cells[2].removesuffix("%")) / 100
    return result
