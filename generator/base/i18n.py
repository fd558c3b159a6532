"""The site's two languages: Chinese, the original, at the root; English under /en/.

Labels in the templates are marked ``{{ _("目标与承诺") }}`` and their English stands in
``locale/en.po``, a gettext catalog that any PO editor opens. The data carries its own
English (the ``*_en`` fields, with how each was made in ``translation``). Pages of both
languages are written side by side, ``plans/x.md`` and ``plans/x.en.md``, and each
language is a MkDocs build of its own (editions.py), with a menu to the same page in the other.
"""

from __future__ import annotations

import datetime
import gettext
import io
import re
from pathlib import Path

from markupsafe import Markup

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
CATALOGS = Path(__file__).parent / "locale"
# Chinese characters and punctuation (CJK, full-width forms): the one definition, which validation uses too.
CHINESE_CHARACTERS = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
CHINESE_CHARACTER = re.compile(f"[{CHINESE_CHARACTERS}]")
# In text to be marked, “” belong to the Chinese run they open or close; a run keeps the digits inside it.
_RUN_CHARACTERS = CHINESE_CHARACTERS + "\u201c\u201d"
CHINESE_RUN = re.compile(f"[{_RUN_CHARACTERS}](?:[{_RUN_CHARACTERS}0-9]*[{_RUN_CHARACTERS}])?")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def translations(lang: str) -> gettext.NullTranslations:
    """The labels of ``lang``: Chinese as written in the templates, English from locale/en.po."""
    if lang == DEFAULT:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo  # Babel only when a catalog is read: `--help` stays quick
    from babel.messages.pofile import read_po

    with (CATALOGS / f"{lang}.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def page_path(path: str, lang: str) -> str:
    """Where a file of ``lang`` goes under docs/: plans/x.md, or plans/x.en.md for English."""
    if lang == DEFAULT:
        return path
    stem, _, extension = path.rpartition(".")
    return f"{stem}.{lang}.{extension}"


class Untranslated(str):
    """A field's Chinese standing in for its English, which is not written yet (a plan just accepted from its
    draft): text.cell shows it marked as Chinese, followed by ``note`` (translation pending)."""

    note: str = ""


def localised(lang: str, item: object, field: str, pending: str = "") -> str:
    """``item.field`` in the page's language: title → title_en, name_zh → name_en, name → name_en. Where the English
    is empty, the Chinese, as ``Untranslated`` with the note ``pending``."""
    if lang == DEFAULT:
        text: str = getattr(item, field)
        return text
    english: str = getattr(item, field.removesuffix("_zh") + "_en")
    chinese: str = getattr(item, field)
    if english or not chinese:
        return english
    untranslated = Untranslated(chinese)
    untranslated.note = pending
    return untranslated


def original(lang: str, text: str) -> str:
    """Chinese text on an English page (a quote, a name as printed), marked as Chinese for browsers
    and screen readers; unchanged on Chinese pages. ``text`` is already escaped (text.cell)."""
    if lang == DEFAULT or not text:
        return text
    return str(Markup('<span lang="zh">{}</span>').format(Markup(text)))


def english(lang: str, text: str) -> str:
    """English text on a Chinese page (a title's translation beside it, a stored value of an English field), marked
    as English for browsers and screen readers; unchanged on English pages. ``text`` is already escaped."""
    if lang != DEFAULT or not text:
        return text
    return str(Markup('<span lang="en">{}</span>').format(Markup(text)))


def date(lang: str, value: datetime.date | None) -> str:
    """2023年5月15日, or 15 May 2023; a dash for a date not known (a draft's plan before its date is found)."""
    if value is None:
        return "—"
    if lang == DEFAULT:
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def mark_chinese(lang: str, text: str) -> str:
    """Escaped text with some Chinese in it (津发改双碳〔2023〕400号 in an English sentence): on English
    pages each run of Chinese marked as in ``original``; on Chinese pages unchanged."""
    if lang == DEFAULT:
        return text
    return CHINESE_RUN.sub(lambda run: original(lang, run.group()), text)


def descriptor_text(lang: str, text: str) -> str:
    """A title or description of the data package, written "中文 / English": all of it on Chinese pages,
    the English part (the one with the fewest Chinese characters) on English pages."""
    if lang == DEFAULT:
        return text
    return min(text.split(" / "), key=lambda part: len(CHINESE_CHARACTER.findall(part)))
