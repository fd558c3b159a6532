"""The plan row, proposed from the document's head: title, issuer, date, document number, publication note.

Pure: the source text and the districts table in, one row of plans.csv out (every text as printed).
"""

from __future__ import annotations

import datetime
import re

from .. import sources as src

# 《河北区碳达峰实施方案》 in 现将《…》印发, or the notice's own title 关于印发…的通知.
TITLE_IN_NOTICE = re.compile(r"现将《([^》]+)》")
TITLE_OF_NOTICE = re.compile(r"关于印发《?([^》]+?)》?的通知")
ISSUER = re.compile(r"^([^，。、《]+?)关于印发")
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
DOC_NUMBER = re.compile(r"(?:的通知)?([\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号)")  # 津发改双碳〔2023〕400号
PUBLICATION_NOTE = re.compile(r"[（(]((?:此件|本文)[^）)]{1,12})[）)]")
PILOT = "试点"
HEAD_CHARS = 1000  # the notice is shorter than this


def head_text(source_text: str, title: str) -> str:
    """The document before the plan's own title line (the notice that issues it), whitespace removed: the title
    where it stands as a heading, not inside 《》 or 关于印发…的通知."""
    squeezed = src.matchable(source_text)
    starts = [m.start() for m in re.finditer(re.escape(title), squeezed[:HEAD_CHARS])] if title else []
    headings = [i for i in starts if not squeezed.startswith(("》", "的通知"), i + len(title))]
    return squeezed[: headings[0]] if headings else squeezed[:HEAD_CHARS]


def title(source_text: str) -> str:
    squeezed = src.matchable(source_text)[:HEAD_CHARS]
    found = TITLE_IN_NOTICE.search(squeezed) or TITLE_OF_NOTICE.search(squeezed)
    return found.group(1) if found else ""


def issuer(head: str) -> str:
    found = ISSUER.match(head.lstrip("#"))
    return found.group(1) if found else ""


def issue_date(head: str) -> datetime.date | None:
    """The last date of the head: the notice's signature (a date in its text names an earlier document)."""
    dates = DATE.findall(head)
    return datetime.date(*map(int, dates[-1])) if dates else None


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
    head = head_text(source_text, plan_title)
    date = issue_date(head)
    by_code = {d["code"]: d for d in districts}
    district_row = by_code.get(district_code or "") or district(plan_title, districts)
    number = DOC_NUMBER.search(head)
    note = PUBLICATION_NOTE.search(head)
    return {
        "plan_id": plan_id(district_row, plan_title, date) if district_row else "",
        "district_code": district_row["code"] if district_row else (district_code or ""),
        "kind": "city-pilot-programme" if PILOT in plan_title else "district-plan",
        "title": plan_title,
        "title_en": "",
        "issuer": issuer(head),
        "issuer_en": "",
        "issue_date": date.isoformat() if date else "",
        "doc_number": number.group(1) if number else "",
        "publication_note": note.group(1) if note else "",
        "publication_note_en": "",
        "status": "in-force",
        "source_file": "",
        "source_sha256": "",
        "translation": "",
    }
