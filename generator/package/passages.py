"""The source documents as readable blocks, with an anchor for every section and every quoted passage.

Pure: text and quotes in, blocks out. Each source is decoded and its outline parsed once, in a
``Source`` (base/sources.py) that validation and assembly share. The source files keep their PDF line
breaks; here lines are joined into paragraphs (a paragraph ends at 。 or ：,
or where a numbered section starts), page numbers are dropped, and each
target's quote is located so that its page can link straight to it.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from generator.base import outline
from generator.base import sources as src
from generator.base.source_text import Source
from generator.base.sources import PAGE_NUMBER_LINE, WHITESPACE

HEADING_MAX_CHARS = 40  # a part or chapter line longer than this, or with a full stop inside, is a paragraph
FULL_LINE = 0.8  # a line shorter than this share of the typical line ended its paragraph in the PDF
MARKUP_CHARS = "#* \t"
# Spaces that PDF extraction left around numbers: "到 2025 年" reads "到2025年".
STRAY_SPACE = re.compile(r"(?<=\d)[ \t]+(?=[年月日%个家万亿])|(?<=[\u4e00-\u9fff（“])[ \t]+(?=\d)")


@dataclass
class Block:
    kind: str  # "heading" or "paragraph"
    level: int  # 1 part, 2 chapter for headings; 0 for paragraphs
    section: str  # the reference of the section the block stands in ("" before the first)
    anchor: str | None  # set when the block starts a section
    text: str
    marks: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, target_id) in text


@dataclass(frozen=True)
class Segment:
    """A run of a paragraph's text covered by the same quotes."""

    text: str
    targets: tuple[str, ...]  # ids of the targets whose quote covers this run
    starts: tuple[str, ...]  # ids of the targets whose quote starts here (their anchors)


@dataclass(frozen=True)
class Quote:
    target_id: str
    section: str
    text: str
    occurrence: int | None = None  # which place of the source, counted in document order, when it stands in several


class QuotedTarget(Protocol):
    """A target as plan_document reads it (the site's model.Target): its quote, and where it stands."""

    @property
    def target_id(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def quote(self) -> str: ...
    @property
    def quote_occurrence(self) -> int | None: ...


class QuotedCitation(Protocol):
    """A citation as plan_document reads it (the site's model.Citation): its quote, and where it stands."""

    @property
    def citation_id(self) -> str: ...
    @property
    def section(self) -> str | None: ...
    @property
    def quote(self) -> str: ...
    @property
    def quote_occurrence(self) -> int | None: ...


class QuotedPlan(Protocol):
    """A plan as plan_document reads it (the site's model.Plan, a layer above): its targets and citations."""

    @property
    def targets(self) -> Sequence[QuotedTarget]: ...
    @property
    def citations(self) -> Sequence[QuotedCitation]: ...


def blocks(source: Source) -> list[Block]:
    """The document as headings and paragraphs, in order."""
    source_text = source.text
    starts = {s.line: s for s in source.outline}
    full = FULL_LINE * _typical_width(source_text)
    result: list[Block] = []
    current: list[str] = []
    section = ""

    def flush() -> None:
        if current:
            result[-1].text = "".join(current)
            current.clear()

    for number, raw in enumerate(source_text.splitlines(), start=1):
        if PAGE_NUMBER_LINE.fullmatch(raw):
            continue
        line = STRAY_SPACE.sub("", raw.strip().strip(MARKUP_CHARS).replace("**", ""))
        if number in starts:
            flush()
            start = starts[number]
            section = start.ref
            result.append(Block("paragraph", 0, section, outline.anchor(section), ""))
            result[-1].level = start.level
        elif not line:
            continue
        elif not current:
            result.append(Block("paragraph", 0, section, None, ""))
        current.append(line)
        ends_sentence = line.endswith(("。", "：")) or len(line) < full
        if ends_sentence or number in starts and _is_heading(line, starts[number].level):
            flush()
    flush()
    for block in result:
        if block.level in (1, 2) and _is_heading(block.text, block.level):
            block.kind = "heading"
        else:
            block.level = 0
    return [b for b in result if b.text]


def document(source: Source, quotes: list[Quote]) -> tuple[list[Block], list[str]]:
    """The source as blocks with every quote marked, and the ids of the quotes found within no one paragraph.

    Validation reports the quotes not found; assembly only sees packages where every quote is.
    """
    result = blocks(source)
    return result, mark(result, quotes)


def plan_document(plan: QuotedPlan, source: Source) -> list[Block]:
    """A plan's source with every one of its targets' and citations' quotes marked (validation found them all),
    each anchored by its id."""
    quotes = [Quote(t.target_id, t.section, t.quote, t.quote_occurrence) for t in plan.targets]
    quotes += [Quote(c.citation_id, c.section or "", c.quote, c.quote_occurrence) for c in plan.citations]
    return document(source, quotes)[0]


def mark(document: list[Block], quotes: list[Quote]) -> list[str]:
    """Record where each quote stands; return the ids of quotes not found within one paragraph."""
    missing = []
    for quote in quotes:
        found = locate(document, quote)
        if found:
            block, start, end = found
            block.marks.append((start, end, quote.target_id))
        else:
            missing.append(quote.target_id)
    return missing


def locate(document: list[Block], quote: Quote) -> tuple[Block, int, int] | None:
    """The block a quote stands in and its span there, or None when it stands within no one paragraph.

    A quote with an occurrence is the one that many places into the document, counted as validation counts them
    (sources.occurrences: the whole text, whitespace aside, overlapping places too); a quote without one stands
    once, and is looked for in its own section first."""
    if quote.occurrence is None:
        for block in [b for b in document if b.section == quote.section] + document:
            if span := _find(block.text, quote.text):
                return block, *span
        return None
    texts = [_squeezed(block.text)[0] for block in document]
    offsets = list(itertools.accumulate((len(t) for t in texts), initial=0))
    needle = WHITESPACE.sub("", quote.text)
    places = src.starts(needle, "".join(texts))
    if not needle or quote.occurrence > len(places):
        return None
    at = places[quote.occurrence - 1]
    index = next(i for i in range(len(texts)) if offsets[i] <= at < offsets[i + 1])
    if at + len(needle) > offsets[index + 1]:
        return None  # the place runs into the next paragraph
    block = document[index]
    positions = _squeezed(block.text)[1]
    start = at - offsets[index]
    return block, positions[start], positions[start + len(needle) - 1] + 1


def segments(block: Block) -> list[Segment]:
    """The block's text cut at every quote boundary, so each run can be marked as a whole."""
    cuts = sorted({0, len(block.text), *(i for start, end, _ in block.marks for i in (start, end))})
    runs = []
    for start, end in itertools.pairwise(cuts):
        covering = tuple(t for s, e, t in block.marks if s <= start and end <= e)
        starting = tuple(t for s, _, t in block.marks if s == start)
        runs.append(Segment(block.text[start:end], covering, starting))
    return runs


def _typical_width(source_text: str) -> float:
    """The median length of the document's lines: how wide the PDF's text column was."""
    widths = sorted(len(line.strip()) for line in source_text.splitlines() if line.strip())
    return widths[len(widths) // 2] if widths else 0


def _is_heading(text: str, level: int) -> bool:
    body = text.rstrip("。")
    return level in (1, 2) and len(body) <= HEADING_MAX_CHARS and "。" not in body


def _find(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``text``, whitespace aside, as indices into ``text``."""
    squeezed, positions = _squeezed(text)
    needle = WHITESPACE.sub("", quote)
    at = squeezed.find(needle) if needle else -1
    if at < 0:
        return None
    return positions[at], positions[at + len(needle) - 1] + 1


NOT_WHITESPACE = re.compile(r"\S")


# A paragraph is looked in by every quote of its plan that is not found in its own section before it: each
# paragraph's text without whitespace is made once (validation and assembly read a plan's quotes one after another).
@functools.lru_cache(maxsize=4096)
def _squeezed(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` without whitespace (sources.squeeze), and the index in ``text`` of each character it keeps."""
    return src.squeeze(text), tuple(match.start() for match in NOT_WHITESPACE.finditer(text))
