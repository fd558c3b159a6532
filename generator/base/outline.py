"""The numbered structure of a source document: parts 一、 (or 第一章), chapters （一） (or 第一节), items 1. and
boxed 专栏.

Pure: text in, sections out. The outline gives every section its reference in the
plan's own numbering (三（一）2, 三（三）专栏2-5), which validation checks rows
against and the source-text pages turn into anchors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.base.sources import PAGE_NUMBER_LINE

NUMERALS = "一二三四五六七八九十"
_MARKUP = r"[#*\s]*"  # Markdown heading and bold markers that some sources carry
PART = re.compile(rf"^{_MARKUP}(?:([{NUMERALS}]+)、|第([{NUMERALS}]+)章)")
CHAPTER = re.compile(rf"^{_MARKUP}(?:[（(]([{NUMERALS}]+)[）)]|第([{NUMERALS}]+)节)")
ITEM = re.compile(rf"^{_MARKUP}(\d+)[.．、](?!\d)")
BOX = re.compile(r"^\s*专栏\s*(\d+)")


@dataclass(frozen=True)
class Section:
    ref: str  # the plan's own numbering: 三, 三（一）, 三（一）2, 三（三）专栏2, 三（三）专栏2-5
    level: int  # 1 part, 2 chapter, 3 item or box, 4 box item
    line: int  # 1-based line of the source where it starts


def numeral_value(numeral: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20, 二十一 -> 21 (enough for section numbers)."""
    tens, ten, units = numeral.rpartition("十")
    if not ten:
        return NUMERALS.index(units) + 1
    return (NUMERALS.index(tens) + 1 if tens else 1) * 10 + (NUMERALS.index(units) + 1 if units else 0)


def parse(text: str) -> list[Section]:
    """Sections in document order. Numbers must run in sequence, so a wrapped line that
    happens to start with "3." or "（二）" in mid-sentence is not taken for a heading. Chapters are numbered
    from （一） in each part, or on through the parts (三、 may open with （三） when 一、 ended with （二））."""
    sections: list[Section] = []
    part = chapter = box = ""
    expected = {"part": 1, "chapter": 1, "item": 1, "box_item": 1}
    running = 1  # the next chapter's number when chapters are numbered on through the parts
    for number, line in enumerate(text.splitlines(), start=1):
        if PAGE_NUMBER_LINE.fullmatch(line):
            continue
        if (m := PART.match(line)) and numeral_value(numeral := m.group(1) or m.group(2)) == expected["part"]:
            part, chapter, box = numeral, "", ""
            expected.update(part=expected["part"] + 1, chapter=1, item=1)
            sections.append(Section(part, 1, number))
        elif (
            part
            and (m := CHAPTER.match(line))
            and (value := numeral_value(m[1] or m[2])) in (expected["chapter"], running)
        ):
            chapter, box = f"{part}（{m[1] or m[2]}）", ""
            expected.update(chapter=value + 1, item=1)
            running = value + 1
            sections.append(Section(chapter, 2, number))
        elif chapter and (m := BOX.match(line)):
            box = f"{chapter}专栏{m.group(1)}"
            expected["box_item"] = 1
            sections.append(Section(box, 3, number))
        elif chapter and (m := ITEM.match(line)):
            value = int(m.group(1))
            if box and value == expected["box_item"]:
                expected["box_item"] += 1
                sections.append(Section(f"{box}-{value}", 4, number))
            elif not box and value == expected["item"]:
                expected["item"] += 1
                sections.append(Section(f"{chapter}{value}", 3, number))
    return sections


def anchor(ref: str) -> str:
    """An ASCII anchor for a section reference: 三（三）专栏2-5 -> s3-3-box2-5."""
    ascii_ref = re.sub(f"[{NUMERALS}]+", lambda m: str(numeral_value(m.group())), ref)
    ascii_ref = ascii_ref.replace("专栏", "-box").replace("（", "-").replace("）", "-")
    return "s" + re.sub(r"[^a-z0-9]+", "-", ascii_ref).strip("-")  # only safe characters reach an id or URL
