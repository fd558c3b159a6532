"""Characters a published text must not hold, and those it should not: found in the CSV cells and the source texts.

A control character (NUL, the rest of C0, DEL and C1) is no text, and not every writer can store it: a workbook's
XML holds most only escaped (_x0000_), which not every reader reads back, HTML turns NUL into U+FFFD, a terminal acts
on it. A noncharacter (U+FFFF...) is no text either, and a workbook holding one does not open. A bidirectional
control (U+202E RIGHT-TO-LEFT OVERRIDE, U+2066...) makes a statement display in another order than it is written.
All three are errors. A zero-width character (U+200B...) is harmless to the writers and may be meant (a joiner), but
a reader cannot see it and a quote holding it no longer matches its source: it is warned of.

Line breaks and tabs. No CSV cell holds one: every field of the package is one line of text (a quote is compared
with its source whitespace aside, so it needs none of the PDF's line breaks), and a line break inside a cell makes
its row span two lines of the file, so that file:row no longer names the line an editor shows. A source text is
plain text extracted from a PDF, kept as received: its lines end in LF (or CR LF) and it may hold tabs; any other
control is refused at the line it stands on (a form feed, say, that the extraction left at a page break).

Messages show a text with each of these characters escaped as Python writes it (``\\n``, ``\\x00``, ``\\u202e``),
so that a printed problem is neither invisible nor turned around by what it reports.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from generator.base.problems import Problem

# The C0 controls (U+0000-U+001F), DEL and the C1 controls (U+0080-U+009F), by their standard abbreviations.
ABBREVIATIONS = (
    "NUL SOH STX ETX EOT ENQ ACK BEL BS TAB LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS "
    "US DEL PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 DCS PU1 PU2 STS CCH MW SPA EPA SOS SGC SCI "
    "CSI ST OSC PM APC"
)
CONTROL_NAMES = dict(zip([*range(0x20), *range(0x7F, 0xA0)], ABBREVIATIONS.split(), strict=True))
LINE_BREAKS = "\n\r\u2028\u2029"  # LF, CR, LINE SEPARATOR, PARAGRAPH SEPARATOR
SOURCE_OWN = "\t\r"  # on a line of a source text: tabs, and the CR of a CR LF (IN_LINE)
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [
    chr(plane + end) for plane in range(0, 0x110000, 0x10000) for end in (0xFFFE, 0xFFFF)
]

# (type, what it is, severity, what to do); the type names the problem (Problem.type).
KINDS = {
    "control": (
        "control-character",
        "control character",
        "error",
        "delete it: a control character is no text, and not every download can hold it",
    ),
    "line-break": (
        "control-character",
        "line break",
        "error",
        "write the cell on one line: a cell holds no line break or tab (a quote is matched whitespace aside)",
    ),
    "noncharacter": (
        "noncharacter",
        "noncharacter",
        "error",
        "delete it: a noncharacter is no text, and a workbook holding one does not open",
    ),
    "bidi": (
        "bidi-control",
        "bidirectional control",
        "error",
        "delete it: it makes the text display in another order than it is written",
    ),
    "zero-width": (
        "zero-width-character",
        "invisible character",
        "warning",
        "delete it unless the text needs it: no reader sees it, and a quote holding it does not match its source",
    ),
}
# In a source, what differs: its line breaks, and what an invisible character does there.
SOURCE_HINTS = {
    "line-break": "end every line with LF (or CR LF): a lone CR or a Unicode line separator is a line break to some "
    "tools and not to others",
    "zero-width": "delete it unless the text needs it: no reader sees it, and no quote matches across it",
}


def _kind(char: str) -> str | None:
    code = ord(char)
    if char in LINE_BREAKS or char == "\t":
        return "line-break"
    if code in CONTROL_NAMES:
        return "control"
    if char in BIDI_CONTROLS:
        return "bidi"
    if char in ZERO_WIDTH:
        return "zero-width"
    if (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:
        return "noncharacter"
    return None


def _class(chars: Iterable[str]) -> str:
    return "".join(re.escape(c) for c in chars)


FLAGGED = [chr(c) for c in CONTROL_NAMES] + list(LINE_BREAKS + BIDI_CONTROLS + ZERO_WIDTH) + NONCHARACTERS
# Whatever a cell must not hold; on a line of a source (split at LF), a tab is its own, and a CR ending the line.
IN_CELL = re.compile(f"[{_class(FLAGGED)}]")
IN_LINE = re.compile(f"[{_class(c for c in FLAGGED if c not in SOURCE_OWN)}]|\r(?!$)")


def named(char: str) -> str:
    """The character as a maintainer can look it up: U+202E RIGHT-TO-LEFT OVERRIDE, U+0000 (NUL)."""
    code = ord(char)
    if code in CONTROL_NAMES:
        return f"U+{code:04X} ({CONTROL_NAMES[code]})"
    return f"U+{code:04X} {unicodedata.name(char, '')}".rstrip()


def shown(text: str) -> str:
    """The text with every character this module names escaped as Python writes it: a line break as \\n."""
    return IN_CELL.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def cell_problems(name: str, numbered: list[tuple[int, dict[str, str]]]) -> list[Problem]:
    """Each character of the kinds above in each cell of a CSV file's text rows (``numbered``: each with its row
    number, the header being row 1), once per cell and character, at its first place in the cell."""
    problems = []
    for line, row in numbered:
        if not IN_CELL.search(",".join(row.values())):  # the row as a whole first: most rows hold none
            continue
        for column, cell in row.items():
            problems += [_problem(name, line, column, cell, at, count) for at, count in _found(IN_CELL, cell)]
    return problems


def source_problems(name: str, text: str) -> list[Problem]:
    """Each character of the kinds above in a source text but its tabs and line ends, once per line and character,
    at its first column on the line. A byte-order mark at the start is warned of like any U+FEFF."""
    if not IN_LINE.search(text):
        return []
    problems = []
    for line, line_text in enumerate(text.split("\n"), start=1):
        for at, count in _found(IN_LINE, line_text):
            problems.append(_problem(name, line, "", line_text, at, count, f" at column {at + 1}", SOURCE_HINTS))
    return problems


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """(where it first stands, how many times) for each character the pattern finds in the text."""
    found: dict[str, list[int]] = {}
    for match in pattern.finditer(text):
        found.setdefault(match.group(), []).append(match.start())
    return [(places[0], len(places)) for places in found.values()]


def _problem(
    file: str,
    row: int,
    field: str,
    text: str,
    at: int,
    count: int,
    where: str = "",
    hints: dict[str, str] | None = None,
) -> Problem:
    """The problem of the character at ``at`` in ``text`` (a cell, or a line of a source), found ``count`` times."""
    kind = _kind(text[at])
    assert kind is not None  # the character was found by IN_CELL or IN_LINE, which find only those of a kind
    type_, what, severity, hint = KINDS[kind]
    if kind == "line-break":
        what = "tab" if text[at] == "\t" else "line break"
    times = f" ({count} times)" if count > 1 else ""
    message = f"{what} {named(text[at])}{where}{times}: “{_around(text, at)}”"
    return Problem(file, row, field, type_, message, (hints or {}).get(kind, hint), severity)


def _around(text: str, at: int, width: int = 30) -> str:
    """The text around one position, escaped, cut with … where it goes on."""
    start, end = max(0, at - width), at + width + 1
    return ("…" if start else "") + shown(text[start:end]) + ("…" if end < len(text) else "")
