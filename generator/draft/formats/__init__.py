"""Readers of the forms a plan is received in, one module each: ``plain_text`` (.txt, kept as it is),
``web_page`` (.html, .htm: the article of a page saved from a government website), ``word`` (.docx) and ``pdf``
(its text layer).

Each reader is pure: the file's bytes and the name to show in messages in, an ``Extracted`` out, or a
GeneratorError that names the file and says why not. The text has one paragraph, heading or table cell per line,
so that the outline's numbers (一、, （一）, 1．) start lines, and the same bytes always give the same text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Control characters no source text holds (a PDF's form feeds, a page's NULs); the tab is whitespace and stays.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Characters that look like ideographs but are radicals or compatibility forms (⽅ for 方, 﨑 for 崎): what a PDF's
# font often maps its glyphs to. Each becomes its ideograph (NFKC), and only these, so that （一） stays as printed.
LOOKALIKE_IDEOGRAPHS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


@dataclass(frozen=True)
class Extracted:
    text: str  # one paragraph, heading or table cell per line, each stripped, no empty line; "" when none
    notes: tuple[str, ...] = ()  # what the reviewer should know about the extraction


def text_of_lines(lines: Iterable[str]) -> str:
    """The lines as one text: each line broken where it holds line breaks, stripped of control characters and
    surrounding whitespace, empty lines dropped, ending with a line break."""
    kept = []
    for line in lines:
        for part in line.splitlines():
            part = CONTROL.sub("", part).strip()
            if part:
                kept.append(part)
    return "".join(f"{line}\n" for line in kept)


def ideographs(text: str) -> str:
    """``text`` with each radical or compatibility ideograph replaced by the unified ideograph it stands for."""
    return LOOKALIKE_IDEOGRAPHS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
