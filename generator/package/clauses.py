"""What a target's sentence says about it: the deadline that gives its year, and the dated results its quote carries.

Pure: a quote's place in its paragraph (passages.locate) in, findings out. Two of the methodology's rules are read
here, word by word as the methodology writes them:

- a deadline (到2025年, 2030年前, 2025年底, “十四五”期间…) gives its year to what follows it in its own sentence, up to
  the full stop: it does not reach back to what stands before it, nor into the next sentence; where a sentence
  writes several, the last one before the end of the quote is the quote's;
- a clause that states a dated result by its direction alone (持续提升, 继续减少, 明显提高…) is a commitment of its
  own: it has a qualitative row, even where it stands inside another row's quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.base.sources import squeeze

# A deadline, as the plans write one (the text without whitespace). A year after 较, 比, 在 or 以 is a baseline
# (较2020年, 在2020年的基础上), and 2000年底前建成的 says when houses were built: neither is a deadline.
DEADLINE = re.compile(
    r"到(?P<to>20\d\d)年"
    r"|(?P<before>20\d\d)年(?:底|末)?前(?!建成)"
    r"|“十(?P<period>[四五])五”(?:时期|期间|期末|末期|末)"
    r"|(?<![较比在以])(?P<year>20\d\d)年(?!底前建成|的基础|基础|为基)"
)
PERIOD_YEARS = {"四": 2025, "五": 2030}  # “十四五” is taken as by 2025, “十五五” as by 2030
SENTENCE_ENDS = "。！？"
CLAUSE = re.compile(r"[^，；。！？]+")
# A result stated by its direction alone: how it changes (持续提升, 进一步减少) or how far it has come (基本形成).
DIRECTION = re.compile(
    r"(持续|继续|进一步|明显|显著|大幅|有所|逐步|不断|加快|稳步|普遍|广泛|全面)"
    r"(优化|提升|提高|减少|下降|降低|增长|扩大|完善|构建|推进|推行|形成|巩固|增强)"
    r"|基本(形成|建立|健全|建成|实现)|初步(建立|形成)|得到有效控制"
)
DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Deadline:
    words: str  # as the source writes it: 到2025年, “十四五”期间
    year: int


def deadlines(text: str) -> list[Deadline]:
    """Every deadline a text (without whitespace) writes, in order."""
    found = []
    for match in DEADLINE.finditer(text):
        period = match.group("period")
        year = (
            PERIOD_YEARS[period] if period else int(match.group("to") or match.group("before") or match.group("year"))
        )
        found.append(Deadline(match.group(), year))
    return found


@dataclass(frozen=True)
class Placed:
    """A quote in its sentence: what the sentence says before it, and the quote, both without whitespace."""

    before: str
    quote: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Placed:
        """The quote at ``text[start:end]``, ``text`` being its paragraph."""
        begin = max(text.rfind(mark, 0, start) for mark in SENTENCE_ENDS) + 1
        return cls(squeeze(text[begin:start]), squeeze(text[start:end]))

    @property
    def deadline(self) -> Deadline | None:
        """The deadline that gives the quote its year: the last one written before its end in its sentence."""
        found = deadlines(self.before + self.quote)
        return found[-1] if found else None

    @property
    def dated_direction_clauses(self) -> list[str]:
        """The quote's clauses that state a result by its direction alone, without a figure, under a deadline."""
        return [
            match.group()
            for match in CLAUSE.finditer(self.quote)
            if DIRECTION.search(match.group())
            and not DIGIT.search(DEADLINE.sub("", match.group()))
            and deadlines(self.before + self.quote[: match.end()])
        ]
