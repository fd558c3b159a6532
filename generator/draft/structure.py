"""Chapters and numbered measures, proposed from the outline the project already parses (outline.py).

Pure: a decoded Source in, rows of chapters.csv and measures.csv out. The part with the most sections holds the key
tasks: each of its chapters （一） is a chapter, and each numbered item 1. or boxed item 专栏1-2 in it a measure (a
chapter without items is a measure of its own). Each later part (政策保障, 组织实施) is one chapter whose （一）
sections are its measures. Titles are the words after the number, up to the first full stop, as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.base import outline
from generator.base.source_text import Source
from generator.draft import reading

BODY = "/body"  # key of the title of a section's first paragraph (a box's, a part's without chapters)
NUMBER_MARK = re.compile(
    r"^[#*\s]*(?:专栏\s*\d+|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])\s*"
)
TITLE_END = re.compile(r"[。：:]")
# Where the 。 after a title was lost (one sentence to a line), the title ends at the first clause's end too.
LINE_TITLE_END = re.compile(r"[。：:，,；;]")
# Part of the plan a later part is, by the words of its title; key tasks are found by their shape.
PART_WORDS = (("合作", "cooperation"), ("交流", "cooperation"), ("组织", "organisation"), ("保障", "policy"))
# Action area of a key-task chapter, by the first of these words its title writes.
AREA_WORDS = (
    ("全民", "society"), ("试点", "pilots"), ("示范", "pilots"), ("碳汇", "carbon-sinks"), ("科技", "innovation"),
    ("创新", "innovation"), ("循环", "circular"), ("交通", "transport"), ("城乡", "buildings"), ("城区", "buildings"),
    ("建筑", "buildings"), ("节能", "efficiency"), ("能源", "energy"), ("产业", "industry"), ("工业", "industry"),
    ("金融", "policy"), ("管理", "policy"),
)  # fmt: skip


@dataclass(frozen=True)
class Structure:
    chapters: list[dict[str, str]]
    measures: list[dict[str, str]]
    paragraphs: dict[str, list[str]]  # section -> its paragraphs (its own, not its subsections'), in order


def section_paragraphs(source: Source) -> dict[str, list[str]]:
    """Each section's paragraphs (and heading), in order."""
    paragraphs: dict[str, list[str]] = {}
    for paragraph in reading.paragraphs(source):
        paragraphs.setdefault(paragraph.section, []).append(paragraph.text)
    return paragraphs


def section_titles(source: Source) -> dict[str, str]:
    """Each section's title as printed, and (under ref + BODY) the first sentence of its first paragraph, which
    titles the measure of a box without items (专栏3 推进试点建设) or of a part without chapters."""
    titles: dict[str, str] = {}
    title_end = LINE_TITLE_END if reading.lines_are_sentences(source.text) else TITLE_END
    paragraphs = reading.paragraphs(source)
    for paragraph, following in zip(paragraphs, [*paragraphs[1:], None], strict=True):
        if not paragraph.starts:
            continue
        titles[paragraph.section] = printed_title(paragraph.text, title_end)
        if following is not None and following.section == paragraph.section:
            titles[paragraph.section + BODY] = printed_title(following.text, title_end)
    return titles


def printed_title(text: str, title_end: re.Pattern[str] = TITLE_END) -> str:
    """The words after the number, up to the first full stop or colon: 1.培育人工智能产业。… -> 培育人工智能产业."""
    body = NUMBER_MARK.sub("", text, count=1)
    return title_end.split(body, maxsplit=1)[0].strip()


def key_task_part(sections: list[outline.Section]) -> str:
    """The part with the most sections below it (the first, on a tie)."""
    counts: dict[str, int] = {}
    for section in sections:
        part = _part_of(section.ref)
        counts[part] = counts.get(part, 0) + (section.level > 1)
    return max(counts, key=lambda part: (counts[part], -list(counts).index(part))) if counts else ""


def propose_structure(plan_id: str, source: Source) -> Structure:
    sections = list(source.outline)
    titles = section_titles(source)
    key_part = key_task_part(sections)
    parts = [s.ref for s in sections if s.level == 1]
    later = parts[parts.index(key_part) + 1 :] if key_part in parts else []
    chapters, measures = [], []
    for section in sections:
        ref, part = section.ref, _part_of(section.ref)
        if part == key_part and section.level == 2:
            chapters.append(_chapter(plan_id, ref, "key-tasks", _area(titles[ref]), titles[ref]))
            children = [s for s in sections if s.ref.startswith(ref) and s.ref != ref and _is_measure(s, sections)]
            if not children:
                measures.append(_measure(plan_id, chapters[-1], ref, _chapter_number(ref), "measure", titles[ref]))
            for child in children:
                kind = "box-item" if "专栏" in child.ref else "measure"
                number = child.ref.removeprefix(ref)
                title = (
                    titles.get(child.ref + BODY, titles[child.ref])
                    if child.level == 3 and "专栏" in child.ref
                    else titles[child.ref]
                )
                measures.append(_measure(plan_id, chapters[-1], child.ref, number, kind, title))
        elif part in later and section.level == 1:
            chapters.append(_chapter(plan_id, ref, _later_part(titles[ref]), "policy", titles[ref]))
            if not any(s.level > 1 and _part_of(s.ref) == ref for s in sections):
                measures.append(_measure(plan_id, chapters[-1], ref, ref, "measure", titles.get(ref + BODY, "")))
        elif part in later and section.level == 2:
            measures.append(_measure(plan_id, chapters[-1], ref, _chapter_number(ref), "measure", titles[ref]))
    for index, row in enumerate(measures, start=1):
        row["measure_id"] = f"{plan_id}-m{index:03d}"
    return Structure(chapters, measures, section_paragraphs(source))


def _is_measure(section: outline.Section, sections: list[outline.Section]) -> bool:
    """A numbered item, a boxed item, or a box with no items of its own."""
    if section.level == 4 or (section.level == 3 and "专栏" not in section.ref):
        return True
    return section.level == 3 and not any(s.ref.startswith(section.ref + "-") for s in sections)


def _part_of(ref: str) -> str:
    return re.split(r"[（专]", ref, maxsplit=1)[0]


def _chapter_number(ref: str) -> str:
    """三（二） -> 二."""
    return ref.rsplit("（", 1)[-1].rstrip("）")


def _chapter_id(plan_id: str, ref: str) -> str:
    """三（一） -> plan-3.1, 四 -> plan-4."""
    numbers = [str(outline.numeral_value(n)) for n in re.findall(f"[{outline.NUMERALS}]+", ref)]
    return f"{plan_id}-{'.'.join(numbers)}"


def _chapter(plan_id: str, ref: str, part: str, area: str, title: str) -> dict[str, str]:
    return {
        "chapter_id": _chapter_id(plan_id, ref),
        "plan_id": plan_id,
        "part": part,
        "area_id": area,
        "section": ref,
        "title": title,
        "title_en": "",
        "translation": "",
    }


def _measure(plan_id: str, chapter: dict, ref: str, number: str, kind: str, title: str) -> dict[str, str]:
    return {
        "measure_id": "",
        "plan_id": plan_id,
        "chapter_id": chapter["chapter_id"],
        "section": ref,
        "number": number,
        "kind": kind,
        "title": title,
        "title_en": "",
        "translation": "",
    }


def _area(title: str) -> str:
    return next((area for word, area in AREA_WORDS if word in title), "overall")


def _later_part(title: str) -> str:
    return next((part for word, part in PART_WORDS if word in title), "policy")
