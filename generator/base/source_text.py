"""A source document decoded once, with its numbered outline and its text as quotes are matched against it:
what validation, assembly and the drafter share."""

from __future__ import annotations

from dataclasses import dataclass

from generator.base import outline
from generator.base.sources import matchable


@dataclass(frozen=True)
class Source:
    """One source document, decoded once: its text, its numbered outline and its text as quotes are matched."""

    text: str
    outline: tuple[outline.Section, ...]
    matchable: str  # no page numbers, no whitespace (sources.matchable)
    utf8: bool = True  # False: the file is not UTF-8, and ``text`` has replacement characters

    @classmethod
    def of(cls, text: str, utf8: bool = True) -> Source:
        return cls(text, tuple(outline.parse(text)), matchable(text), utf8)

    @classmethod
    def decode(cls, data: bytes) -> Source:
        try:
            return cls.of(data.decode("utf-8"))
        except UnicodeDecodeError:
            return cls.of(data.decode("utf-8", "replace"), utf8=False)

    @property
    def refs(self) -> set[str]:
        """The references of every section (三, 三（一）, 三（一）2...)."""
        return {section.ref for section in self.outline}
