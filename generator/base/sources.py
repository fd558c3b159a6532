"""The source documents: their hashes, and their text as quotes are matched against it.

The files are kept exactly as received. PDF extraction left line breaks in
mid-sentence, page numbers on lines of their own (``- 15 -``) and stray
spaces (``2025 年``), so a quote is compared with the source after both have
lost their whitespace and the source its page-number lines.
"""

from __future__ import annotations

import hashlib
import re

PAGE_NUMBER_LINE = re.compile(r"^[ \t]*-[ \t]*\d+[ \t]*-[ \t]*$", re.MULTILINE)
WHITESPACE = re.compile(r"\s+")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def squeeze(text: str) -> str:
    """Drop all whitespace, so that line breaks and stray spaces do not matter."""
    return WHITESPACE.sub("", text)


def matchable(source_text: str) -> str:
    """The source as quotes are looked up in it: no page numbers, no whitespace."""
    return squeeze(PAGE_NUMBER_LINE.sub("", source_text))


def occurs_in(passage: str, matchable_source: str) -> bool:
    """Whether ``passage`` stands verbatim in the source, whitespace aside."""
    needle = squeeze(passage)
    return bool(needle) and needle in matchable_source


def starts(needle: str, haystack: str) -> list[int]:
    """Every index where ``needle`` starts in ``haystack``, in order (occurrences may overlap)."""
    found, at = [], haystack.find(needle) if needle else -1
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def occurrences(passage: str, matchable_source: str) -> int:
    """How many times ``passage`` stands in the source, whitespace aside: the places a quote_occurrence counts."""
    return len(starts(squeeze(passage), matchable_source))
