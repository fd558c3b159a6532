"""The plan row, proposed from the document's head: title, issuer, date, document number, publication note.

The head comes in the forms plans are received in: a notice that issues the plan (…关于印发…的通知, 现将《…》印发),
its document number (京政发〔2022〕31号) and signature date on lines of their own; an attachment heading (附件,
附件1) before the plan's title; or the plan's title alone on the first line, its number and date perhaps under
it. A date may be printed in figures (2022年10月11日) or in numerals (二〇二二年十月十一日).

Pure: the source text and the districts table in, one row of plans.csv out (every text as printed).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from generator.base import sources as src
from generator.package import dates

# 《河北区碳达峰实施方案》 in 现将《…》印发, or the notice's own title 关于印发…的通知.
TITLE_IN_NOTICE = re.compile(r"现将《([^》]+)》")
TITLE_OF_NOTICE = re.compile(r"关于印发《?([^》]+?)》?的通知")
# Who issues the notice: the words before 关于印发, which hold no punctuation, colon or figure.
ISSUER = re.compile(r"^([^，。、《》：:；;\d]{2,40}?)关于印发")
# 津发改双碳〔2023〕400号, also with [2022], （2022） or 第31号 as text copied from a web page writes it.
_DOC_NUMBER = r"[\u4e00-\u9fff]{1,10}[〔\[［【（(]\d{4}[〕\]］】）)]第?\d+号"
DOC_NUMBER_LINE = re.compile(rf"[（(]?({_DOC_NUMBER})[）)]?")
DOC_NUMBER_AFTER_NOTICE = re.compile(rf"的通知({_DOC_NUMBER})")
PUBLICATION_NOTE = re.compile(r"[（(]((?:此件|本文)[^）)]{1,12})[）)]")
# 附件, 附件1, 附件1：, 附件一 — the heading of an attached plan, or an item of the notice's list of attachments.
ATTACHMENT = re.compile(r"附件[0-9０-９一二三四五六七八九十]*")
ATTACHMENT_ITEM = re.compile(r"附件[0-9０-９一二三四五六七八九十]*[：:]$")
# A line of the head that is neither title nor text: a document number, a date (also in brackets), a note.
_DATE = rf"(?:\d{{4}}年\d{{1,2}}月\d{{1,2}}日|{dates.IN_NUMERALS.pattern})"
FURNITURE = re.compile(
    rf"{_DOC_NUMBER}|[（(]?{_DOC_NUMBER}[）)]|[（(]?{_DATE}(?:印发)?[）)]?|{PUBLICATION_NOTE.pattern}"
)
SENTENCE_MARKS = "。，；：:;！？"
NOT_A_TITLE_START = re.compile(r"[（(]|[一二三四五六七八九十]+、|\d+[.．、](?!\d)")  # a remark, a numbered section
TITLE_MAX_CHARS = 60
MARKUP = "#* \t"
PILOT = "试点"
HEAD_CHARS = 1000  # the notice is shorter than this


@dataclass(frozen=True)
class Head:
    """The document's first lines, each without whitespace (page numbers dropped), around the plan's title."""

    before: list[str]  # the lines before the plan's title (the notice that issues it), as far as the title starts
    after: list[str]  # the lines right after the title that are a number, a date or a note (the plan's own)


def head_lines(source_text: str) -> list[str]:
    """The lines of the document's head, each without whitespace and Markdown markers, empty ones dropped."""
    text = src.PAGE_NUMBER_LINE.sub("", source_text)
    lines, length = [], 0
    for line in text.splitlines():
        squeezed = src.squeeze(line).strip(MARKUP)
        if squeezed:
            lines.append(squeezed)
            length += len(squeezed)
        if length >= HEAD_CHARS:
            break
    return lines


def title(source_text: str) -> str:
    """The plan's title: the one its notice issues, or the title that stands alone at the top."""
    squeezed = "".join(head_lines(source_text))
    found = TITLE_IN_NOTICE.search(squeezed) or TITLE_OF_NOTICE.search(squeezed)
    return found.group(1) if found else title_line(head_lines(source_text))


def title_line(lines: list[str]) -> str:
    """The first line that is not an attachment heading, a document number, a date or a note, if it reads as a
    title: short, no sentence punctuation, not a numbered section or a bracketed remark."""
    for line in lines:
        line = ATTACHMENT.sub("", line, count=1).lstrip("：:") if line.startswith("附件") else line
        if line and not FURNITURE.fullmatch(line):
            return line if _reads_as_title(line) else ""
    return ""


def _reads_as_title(line: str) -> bool:
    return (
        len(line) <= TITLE_MAX_CHARS
        and not any(mark in line for mark in SENTENCE_MARKS)
        and not NOT_A_TITLE_START.match(line)
    )


def around_title(source_text: str, plan_title: str) -> Head:
    """The head split at the plan's title where it stands as a heading: not inside 《》 or 关于印发…的通知, and not
    an item of the notice's list of attachments (附件：…); when it stands only after 附件…：, the last time (the
    attachment's heading, after the notice's list). Without a title, or when the title is not found as a heading,
    the whole head is before it."""
    lines = head_lines(source_text)
    joined = "\n".join(lines)
    squeezed = joined.replace("\n", "")
    at = [i for i, char in enumerate(joined) if char != "\n"]  # where each character of ``squeezed`` is in ``joined``
    starts = [m.start() for m in re.finditer(re.escape(plan_title), squeezed)] if plan_title else []
    headings = [i for i in starts if not squeezed.startswith(("》", "的通知"), i + len(plan_title))]
    listed = [i for i in headings if ATTACHMENT_ITEM.search(squeezed[max(0, i - 6) : i])]
    headings = [i for i in headings if i not in listed] or listed[-1:]
    if not headings:
        return Head(lines, [])
    start, end = at[headings[0]], at[headings[0] + len(plan_title) - 1] + 1
    before = joined[:start].split("\n")
    after = []
    for line in joined[end:].split("\n"):
        if not line:
            continue
        if not FURNITURE.fullmatch(line):
            break
        after.append(line)
    return Head([line for line in before if line], after)


def issuer(head: str) -> str:
    """Who issues the notice: the words before 关于印发 from the first line where they start (the notice's title may
    be broken over lines; lines of the page before it, such as an index of the document, are passed over)."""
    lines = head.split("\n")
    for first in range(len(lines)):
        found = ISSUER.match("".join(lines[first:]).lstrip("#"))
        if found:
            return found.group(1)
    return ""


def issue_date(head: str) -> datetime.date | None:
    """The last date of the head: the notice's signature (a date in its text names an earlier document)."""
    found = dates.found(head)
    return found[-1][1] if found else None


def doc_number(head: Head) -> str:
    """The document number on a line of its own (before the title, or under it), or right after 关于印发…的通知;
    a number inside a sentence is that of a document the notice cites."""
    for line in [*head.before, *head.after]:
        if found := DOC_NUMBER_LINE.fullmatch(line):
            return found.group(1)
    found = DOC_NUMBER_AFTER_NOTICE.search("".join(head.before))
    return found.group(1) if found else ""


def district(plan_title: str, districts: list[dict[str, str]]) -> dict[str, str] | None:
    """The district whose name the title writes, a district before the city (天津市西青区 is 西青区, not 天津市)."""
    named = [d for d in districts if d["name_zh"] in plan_title]
    return max(named, key=lambda d: (d["level"] == "district", len(d["name_zh"]))) if named else None


def plan_id(district_row: dict[str, str], plan_title: str, date: datetime.date | None) -> str:
    """hebei-2022: the district's English name without "District", with -pilot for a pilot programme."""
    name = district_row["name_en"].lower().removesuffix(" district")
    slug = re.sub(r"[^a-z0-9]+", "-", name).strip("-")
    pilot = "-pilot" if PILOT in plan_title else ""
    return f"{slug}{pilot}-{date.year if date else 'undated'}"


def propose_plan(source_text: str, districts: list[dict[str, str]], district_code: str | None) -> dict[str, str]:
    """The plan row as the head prints it; fields it cannot find are left empty for the reviewer."""
    plan_title = title(source_text)
    head = around_title(source_text, plan_title)
    before, after = "\n".join(head.before), "\n".join(head.after)
    date = issue_date(before) or issue_date(after)
    by_code = {d["code"]: d for d in districts}
    district_row = by_code.get(district_code or "") or district(plan_title, districts)
    note = PUBLICATION_NOTE.search(f"{before}\n{after}")
    return {
        "plan_id": plan_id(district_row, plan_title, date) if district_row else "",
        "district_code": district_row["code"] if district_row else (district_code or ""),
        "kind": "city-pilot-programme" if PILOT in plan_title else "district-plan",
        "title": plan_title,
        "title_en": "",
        "issuer": issuer(before),
        "issuer_en": "",
        "issue_date": date.isoformat() if date else "",
        "doc_number": doc_number(head),
        "publication_note": note.group(1) if note else "",
        "publication_note_en": "",
        "status": "in-force",
        "source_file": "",
        "source_sha256": "",
        "received_format": "",
        "received_sha256": "",
        "translation": "",
    }
