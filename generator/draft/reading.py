"""The document as the drafter reads it: its paragraphs in order, each in its section, whichever form it came in.

Pure: a decoded Source in, paragraphs out. A plan comes in one of two forms. As PDF text (the curated sources):
lines broken in mid-sentence, each paragraph ending with 。; its paragraphs are the blocks the source pages show
(passages.blocks). Or one sentence or heading to a line, with no 。 at all (text from a sentence splitter, as in
benchmarks/drafter-corpus/): each line is then a paragraph of its own, joined to the next only where the line was
cut in two (a bracket left open, a figure carried over to the next line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.base.source_text import Source
from generator.base.sources import PAGE_NUMBER_LINE
from generator.package.passages import MARKUP_CHARS, STRAY_SPACE, blocks

# Fewer full stops than this per line of text: the lines are the sentences (a PDF text has one every few lines).
FULL_STOPS_PER_LINE = 0.05
HEADING_MAX_CHARS = 40  # as passages.py: a longer part or chapter line is a paragraph that starts with its number
OPEN, CLOSE = "（(〔[", "）)〕]"
CUT_BEFORE_FIGURE = re.compile(r"[\u4e00-\u9fff]$")  # 占比达到 | 20%以上: a line that stops just before its figure
FIGURE_START = re.compile(r"^(?!20\d\d\s*年)\d")  # a figure, not the year that opens a sentence
STUB_CHARS = 2  # a line this short is the end of the one before it (零碳智慧园 | 区)


@dataclass(frozen=True)
class Paragraph:
    section: str  # the reference of the section it stands in ("" before the first, or when there is no outline)
    text: str
    heading: bool  # a part or chapter heading
    starts: bool  # the first paragraph of its section: its heading, or its numbered first line


def lines_are_sentences(text: str) -> bool:
    """Whether the text comes one sentence to a line, without the 。 that would end them."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and text.count("。") < FULL_STOPS_PER_LINE * len(lines)


def paragraphs(source: Source) -> list[Paragraph]:
    if not lines_are_sentences(source.text):
        return [Paragraph(b.section, b.text, b.kind == "heading", b.anchor is not None) for b in blocks(source)]
    starts = {s.line: s for s in source.outline}
    result: list[Paragraph] = []
    section = ""
    for number, line in _lines(source.text):
        start = starts.get(number)
        if start:
            section = start.ref
            heading = start.level in (1, 2) and len(line) <= HEADING_MAX_CHARS
            result.append(Paragraph(section, line, heading, True))
        elif result and _cut(result[-1].text, line):
            last = result[-1]
            result[-1] = Paragraph(last.section, last.text + line, last.heading, last.starts)
        else:
            result.append(Paragraph(section, line, False, False))
    return result


def _lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of every line with text, page numbers and markup left out, stray spaces closed."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = STRAY_SPACE.sub("", raw.strip().strip(MARKUP_CHARS).replace("**", ""))
        if line and not PAGE_NUMBER_LINE.fullmatch(raw):
            lines.append((number, line))
    return lines


def _cut(line: str, following: str) -> bool:
    """Whether ``following`` goes on with the sentence that ``line`` left unfinished."""
    opened = sum(line.count(c) for c in OPEN) > sum(line.count(c) for c in CLOSE)
    before_figure = bool(CUT_BEFORE_FIGURE.search(line) and FIGURE_START.search(following))
    return opened or before_figure or len(following) <= STUB_CHARS
