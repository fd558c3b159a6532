"""Project rules as frictionless checks: every row must trace back to its source's words.

Each check yields frictionless errors, so that they land in the same report
as frictionless' own type, constraint and key errors. ``KeepRows`` checks nothing:
it keeps the typed rows of that one pass, for the model and the downloads.
"""

# frictionless has type hints, but where it is not installed (the lint session) Check and CellError are Any, and
# every check here must subclass them all the same.
# mypy: disallow-subclassing-any=False

from __future__ import annotations

import builtins
import datetime
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs
from frictionless import Check, Row, errors

from generator.base import sources as src
from generator.base import units
from generator.base.i18n import CHINESE_CHARACTER
from generator.package import characters, clauses, dates, figures_in_words

FIGURES = ("value", "value_min", "value_max")
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")  # 31.02, 2025, 50,000


class ProjectError(errors.CellError):
    """An error of the project's own rules: its note is the whole message (validate.py prints it as it is)."""

    template = "{note}"


class NotInSourceError(ProjectError):
    type = "not-in-source"
    title = "Not in Source"
    description = "The text does not stand verbatim in the plan's source document."


class ProvenanceError(ProjectError):
    type = "provenance"
    title = "Provenance"
    description = "The row disagrees with its source or with itself."


class ComparatorWordingError(ProjectError):
    type = "comparator-wording"
    title = "Comparator Wording"
    description = "The English words a bound differently from its comparator."


class InconsistentCodingError(ProjectError):
    type = "inconsistent-coding"
    title = "Inconsistent Coding"
    description = "Two quotes of the same construction are coded differently."


class TranslationMismatchError(ProjectError):
    type = "translation-mismatch"
    title = "Translation Mismatch"
    description = "A row's translation field and its English text disagree: one is there without the other."


class HedgeWordError(ProjectError):
    type = "hedge-word"
    title = "Hedge Word"
    description = "The quote writes a hedge word that the row does not record."


class ScopeError(ProjectError):
    type = "scope-as-printed"
    title = "Scope As Printed"
    description = "The words that name whom a target applies to are missing, superfluous or not in its quote."


class QuoteOccurrenceError(ProjectError):
    type = "quote-occurrence"
    title = "Quote Occurrence"
    description = "A quote stands in its source more than once without saying which place it means, or names no place."


COMPARATOR_MEANING = {
    "ge": "the figure or more",
    "gt": "more than the figure",
    "le": "the figure or less",
    "lt": "less than the figure",
}


@attrs.define(kw_only=True, repr=False)
class SourceFileMatches(Check):
    """Each plan's source file exists in the package and has the recorded SHA-256; the original it was extracted
    from is recorded whole (format and SHA-256), and a plan received as text has that text as its source."""

    type = "source-file-matches"
    Errors = [ProvenanceError]
    source_bytes: dict[str, bytes]

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != "plans" or not row["source_file"]:
            return
        data = self.source_bytes.get(row["source_file"])
        if data is None:
            yield _provenance(row, "source_file", "source file not found in datapackage/sources/")
        elif row["source_sha256"] and src.sha256(data) != row["source_sha256"]:
            yield _provenance(
                row, "source_sha256", f"the source file's SHA-256 is {src.sha256(data)}, not the recorded one"
            )
        yield from _received(row)


def _received(row: Row) -> Iterable[errors.Error]:
    """The chain from the file received to the source text: its format and SHA-256 both recorded or neither (the
    five first plans, received as text), and a text received as such is the source itself."""
    form, digest = row.get("received_format"), row.get("received_sha256")
    if form and not digest:
        yield _provenance(row, "received_sha256", f"the SHA-256 of the {form} file received is missing")
    elif digest and not form:
        yield _provenance(row, "received_format", "the format of the file received is missing (txt, html, docx, pdf)")
    elif form == "txt" and digest != row["source_sha256"]:
        note = "a plan received as text has that text as its source: received_sha256 must equal source_sha256"
        yield _provenance(row, "received_sha256", note)


@attrs.define(kw_only=True, repr=False)
class TextInSource(Check):
    """The listed fields of a resource stand verbatim in the source text the row points to.

    ``key_field`` names the column that picks the source: ``plan_id`` for most
    rows, ``measure_id`` for the links between measures and agencies.
    """

    type = "text-in-source"
    Errors = [NotInSourceError]
    resource_name: str
    key_field: str
    field_names: list[str]
    matchable_sources: dict[str, str]  # key -> source text without whitespace

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != self.resource_name:
            return
        source = self.matchable_sources.get(row[self.key_field])
        if source is None:  # an unknown plan or district is reported by the foreign-key check
            return
        for name in self.field_names:
            forms = _as_printed(row[name])
            if forms and not any(src.occurs_in(text, source) for text in forms):
                note = f"“{_short(forms[0])}” does not stand in the source of {row[self.key_field]}"
                yield NotInSourceError.from_row(row, note=note, field_name=name)


@attrs.define(kw_only=True, repr=False)
class QuoteOccurrence(Check):
    """A quote that stands more than once in its source says which place it means (quote_occurrence, counted from 1
    in the source's order), and no quote names a place beyond the last: the source page marks that place."""

    type = "quote-occurrence"
    Errors = [QuoteOccurrenceError]
    resource_names: list[str]
    matchable_sources: dict[str, str]  # plan_id -> source text without whitespace

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name not in self.resource_names or not row["quote"]:
            return
        source = self.matchable_sources.get(row["plan_id"])
        count = src.occurrences(row["quote"], source) if source is not None else 0
        if not count:  # not in the source: reported by text-in-source
            return
        chosen = row["quote_occurrence"]
        if chosen is None and count > 1:
            note = (
                f"the quote stands {count} times in the source: say in quote_occurrence which is meant (1 to {count})"
            )
            yield QuoteOccurrenceError.from_row(row, note=note, field_name="quote_occurrence")
        elif chosen is not None and chosen > count:
            times = "once" if count == 1 else f"only {count} times"
            note = f"quote_occurrence is {chosen}, but the quote stands {times} in the source"
            yield QuoteOccurrenceError.from_row(row, note=note, field_name="quote_occurrence")


@attrs.define(kw_only=True, repr=False)
class SecondaryDocNumber(Check):
    """A document number that only a secondary copy gives (doc_number_secondary) says where it was found, stands
    where the source prints none, and is not in the source: a number the source prints is doc_number."""

    type = "doc-number-secondary"
    Errors = [ProvenanceError]
    matchable_sources: dict[str, str]  # plan_id -> source text without whitespace

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != "plans" or not row["doc_number_secondary"]:
            return
        if not row["doc_number_source"]:
            yield _provenance(row, "doc_number_source", "say where doc_number_secondary was found")
        if row["doc_number"]:
            yield _provenance(row, "doc_number_secondary", "the source prints doc_number: no secondary number")
        source = self.matchable_sources.get(row["plan_id"])
        if source is not None and src.occurs_in(row["doc_number_secondary"], source):
            note = f"“{row['doc_number_secondary']}” stands in the source: record it as doc_number"
            yield _provenance(row, "doc_number_secondary", note)


@attrs.define(kw_only=True, repr=False)
class FiguresMatchQuote(Check):
    """A target's figures and hedge words are written in its quote, and its kind fits its figures."""

    type = "figures-match-quote"
    Errors = [ProvenanceError]

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != "targets":
            return
        quote = src.squeeze(row["quote"] or "")
        for name in FIGURES:
            if row[name] is not None and not figures_in_words.written(_number_text(row[name]), quote):
                yield _provenance(row, name, f"{_written(row, name)} is not written in the quote")
        for word in (row["hedge"] or "").split("、"):
            if word and word not in quote:
                yield _provenance(row, "hedge", f"hedge word {word} is not in the quote")
        yield from self._kind_fits(row)

    def _kind_fits(self, row: Row) -> Iterable[errors.Error]:
        has = {name: row[name] is not None for name in FIGURES}
        if row["kind"] != "quantitative":
            if row["comparator"] or any(has.values()):
                yield _provenance(row, "kind", f"a {row['kind']} target has no comparator or figure")
        elif row["comparator"] is None:
            yield _provenance(row, "comparator", "a quantitative target needs a comparator")
        elif row["comparator"] == "range":
            if has["value"] or not (has["value_min"] and has["value_max"]):
                yield _provenance(row, "value", "a range has value_min and value_max and no value")
        elif not has["value"] or has["value_min"] or has["value_max"]:
            yield _provenance(row, "value", f"comparator {row['comparator']} needs value and no range")


# The hedge words (docs/methodology.md, "限定词"), each as it stands in a quote when it hedges: 约 before a figure
# or not inside 节约, 制约, 集约, 约束; 可 as the verb "can" (可为, 可以, 可供, 可使), not inside 可再生, 可复制.
HEDGE_WORDS = {
    "力争": re.compile(r"力争"),
    "争取": re.compile(r"争取"),
    "左右": re.compile(r"左右"),
    "约": re.compile(r"(?<![节制集])约(?![束定])"),
    "预计": re.compile(r"预计"),
    "基本": re.compile(r"基本"),
    "原则上": re.compile(r"原则上"),
    "普遍": re.compile(r"普遍"),
    "探索": re.compile(r"探索"),
    "可": re.compile(r"可(?=[为以供使])"),
}


@attrs.define(kw_only=True, repr=False)
class HedgeWordsRecorded(Check):
    """Every hedge word that a target's quote writes is recorded in its hedge field (the list is closed: the
    methodology says what each means)."""

    type = "hedge-word"
    Errors = [HedgeWordError]

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != "targets" or not row["quote"]:
            return
        quote, recorded = src.squeeze(row["quote"]), (row["hedge"] or "").split("、")
        for word, pattern in HEDGE_WORDS.items():
            if word not in recorded and pattern.search(quote):
                note = f"the quote writes the hedge word {word}, which hedge does not record"
                yield HedgeWordError.from_row(row, note=note, field_name="hedge")


@attrs.define(kw_only=True, repr=False)
class EnglishKeepsFigures(Check):
    """A target's English statement writes every number its Chinese quote writes (2025, 31.02%, 1.25); a figure of
    a unit that English writes otherwise (units.py) as it stands in that unit: 40万千瓦 as 400 (MW)."""

    type = "english-keeps-figures"
    Errors = [ProvenanceError]

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != "targets" or not row["statement_en"]:
            return
        quote, english = src.squeeze(row["quote"] or ""), _numbers(row["statement_en"])
        printed = [(Decimal(m["number"].replace(",", "")), m["unit"]) for m in UNIT_FIGURE.finditer(quote)]
        converted = {number: units.value(unit, number) for number, unit in printed}
        missing = {n for n in _numbers(quote) - english if n not in converted or converted[n] not in english}
        for number in sorted(missing):
            yield _provenance(row, "statement_en", f"{_number_text(number)} is in the quote but not in the English")


# A figure followed by a unit that English writes in another unit (units.ENGLISH_UNITS): 40万千瓦, 28.62亿立方米.
UNIT_FIGURE = re.compile(
    r"(?P<number>\d[\d,]*(?:\.\d+)?)(?P<unit>" + "|".join(sorted(units.ENGLISH_UNITS, key=len, reverse=True)) + ")"
)


@attrs.define(kw_only=True, repr=False)
class EnglishIsEnglish(Check):
    """English fields hold no Chinese characters or full-width punctuation: a sign of a missing translation."""

    type = "english-is-english"
    Errors = [ProvenanceError]

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        for name in row.field_names:
            if name.endswith("_en") and row[name] and (found := CHINESE_CHARACTER.search(row[name])):
                yield _provenance(row, name, f"English text contains “{found.group()}”: translate it")


# The Chinese a row's English field translates, where its name does not say it (X_en translates X or X_zh).
TRANSLATES = {"statement_en": "quote", "definition": "name_zh"}


def english_field(name: str) -> bool:
    """Whether a field holds English: X_en, or one that TRANSLATES names (statement_en, definition)."""
    return name.endswith("_en") or name in TRANSLATES


def english_fields(field_names: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """(English field, the Chinese field it translates) for each English field among ``field_names``: the same for
    every row of a table, worked out once."""
    return _english_fields(tuple(field_names))


@functools.lru_cache(maxsize=64)
def _english_fields(field_names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    found = []
    for name in field_names:
        chinese = TRANSLATES.get(name) or next(
            (
                c
                for c in (name.removesuffix("_en"), name.removesuffix("_en") + "_zh")
                if name.endswith("_en") and c in field_names
            ),
            None,
        )
        if chinese in field_names:
            found.append((name, chinese))
    return tuple(found)


@attrs.define(kw_only=True, repr=False)
class TranslationSaysHow(Check):
    """`translation` says how a row's English was made, so it is set exactly when the English is there: a row
    marked machine/reviewed/human has English wherever it has Chinese, and a row with English says how it was made.
    A row with neither is waiting for its translation (the English edition shows its Chinese)."""

    type = "translation-mismatch"
    Errors = [TranslationMismatchError]

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if "translation" not in row.field_names:
            return
        for english, chinese in english_fields(row.field_names):
            if row["translation"] and row[chinese] and not row[english]:
                note = f"translation is {row['translation']} but {english} is empty"
                yield TranslationMismatchError.from_row(row, note=note, field_name=english)
            elif not row["translation"] and row[english]:
                note = f"{english} is filled but translation does not say how it was made"
                yield TranslationMismatchError.from_row(row, note=note, field_name="translation")


@attrs.define(kw_only=True, repr=False)
class SamePlan(Check):
    """A row's chapter or measure belongs to the row's own plan."""

    type = "same-plan"
    Errors = [ProvenanceError]
    resource_name: str
    field_name: str
    plan_field: str  # the row's key to its plan (plan_id)
    owner_plans: dict[str, str]  # chapter or measure id -> plan_id

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != self.resource_name or not row[self.field_name]:
            return
        plan = self.owner_plans.get(row[self.field_name])
        if plan is not None and plan != row[self.plan_field]:
            yield _provenance(row, self.field_name, f"{row[self.field_name]} belongs to plan {plan}")


@attrs.define(kw_only=True, repr=False)
class MeasureInChapter(Check):
    """A row that names both a measure and a chapter names the measure's own chapter."""

    type = "measure-in-chapter"
    Errors = [ProvenanceError]
    resource_name: str
    measure_chapters: dict[str, str]  # measure_id -> chapter_id

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != self.resource_name or not row["measure_id"]:
            return
        chapter = self.measure_chapters.get(row["measure_id"])
        if chapter is not None and chapter != row["chapter_id"]:
            yield _provenance(row, "chapter_id", f"measure {row['measure_id']} stands in chapter {chapter}")


@attrs.define(kw_only=True, repr=False)
class SectionInOutline(Check):
    """A row's section reference exists in its plan's numbering (see outline.py)."""

    type = "section-in-outline"
    Errors = [NotInSourceError]
    resource_names: list[str]
    outlines: dict[str, set[str]]  # plan_id -> section references of its source

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name not in self.resource_names or row["plan_id"] not in self.outlines:
            return
        if row["section"] and row["section"] not in self.outlines[row["plan_id"]]:
            note = f"section {row['section']} does not exist in the source of plan {row['plan_id']}"
            yield NotInSourceError.from_row(row, note=note, field_name="section")


@attrs.define(kw_only=True, repr=False)
class UnitMatchesIndicator(Check):
    """A quantitative target is written in its indicator's unit."""

    type = "unit-matches-indicator"
    Errors = [ProvenanceError]
    indicator_units: dict[str, str | None]

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != "targets" or row["kind"] != "quantitative":
            return
        if row["indicator_id"] in self.indicator_units:
            expected = self.indicator_units[row["indicator_id"]]
            if row["unit"] != expected:
                unit, wanted = row["unit"] or "(none)", expected or "(none)"
                yield _provenance(row, "unit", f"unit {unit} differs from indicator {row['indicator_id']}'s {wanted}")


class TitleNotInQuoteError(ProjectError):
    type = "title-not-in-quote"
    title = "Title Not in Quote"
    description = "A citation's quote does not write the title of the document it cites."


@attrs.define(kw_only=True, repr=False)
class TitleInQuote(Check):
    """A citation's quote writes the title of the document it cites, as the documents table records it."""

    type = "title-in-quote"
    Errors = [TitleNotInQuoteError]
    document_titles: dict[str, str]  # document_id -> title

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != "citations" or not row["quote"]:
            return
        title = self.document_titles.get(row["document_id"])
        if title and src.squeeze(title) not in src.squeeze(row["quote"]):
            note = f"the quote does not write the title of {row['document_id']}, “{_short(title)}”"
            yield TitleNotInQuoteError.from_row(row, note=note, field_name="quote")


@attrs.define(kw_only=True, repr=False)
class DocumentAsCited(Check):
    """A document that is not one of the package's plans is cited by a plan, and its issuer and document number
    are written in a quote that cites it (a plan's own document is checked against its source instead)."""

    type = "document-as-cited"
    Errors = [NotInSourceError, ProvenanceError]
    quotes: dict[str, list[str]]  # document_id -> the quotes that cite it

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != "documents" or row["plan_id"]:
            return
        quotes = [src.squeeze(q) for q in self.quotes.get(row["document_id"], [])]
        if not quotes:
            yield _provenance(row, "document_id", f"no citation cites {row['document_id']}: cite it or delete the row")
            return
        for name in ("issuer", "doc_number"):
            if row[name] and not any(src.squeeze(row[name]) in quote for quote in quotes):
                note = f"“{_short(row[name])}” is written in none of the quotes that cite {row['document_id']}"
                yield NotInSourceError.from_row(row, note=note, field_name=name)


# English words that contradict a comparator when they stand right before the row's figure ("above 4%"), or right
# after it ("4% or more"). 以上 and 不少于 (ge) include the figure: "at least", "or more", "no fewer than";
# 超过 (gt) excludes it: "more than", "exceed". Likewise for le and lt.
CONTRADICTING_WORDS = {
    "ge": (r"(above|more than|over|exceeds?|exceeding|greater than)", r"(and above|or above)"),
    "gt": (r"(at least|no fewer than|no less than|not less than|not fewer than)", r"(or more|and above|or above)"),
    "le": (r"(below|less than|fewer than|under)", r"(and below|or below)"),
    "lt": (r"(at most|no more than|not more than|not exceed|up to|within)", r"(or less|or fewer|and below|or below)"),
}


@attrs.define(kw_only=True, repr=False)
class ComparatorWording(Check):
    """A bound's English wording agrees with its comparator: ge (以上) is "at least" or "or more", never "above"."""

    type = "comparator-wording"
    Errors = [ComparatorWordingError]

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != "targets" or row["comparator"] not in CONTRADICTING_WORDS or row["value"] is None:
            return
        before, after = CONTRADICTING_WORDS[row["comparator"]]
        english = row["statement_en"] or ""
        for match in NUMBER.finditer(english):
            if Decimal(match.group().replace(",", "")) != row["value"]:
                continue
            head = re.search(r"\b" + before + r"\s+$", english[: match.start()], re.IGNORECASE)
            tail = re.match(r"\s*(%|\S*)\s*" + after + r"\b", english[match.end() :], re.IGNORECASE)
            if found := head or tail:
                assert found.lastindex is not None  # before and after are each a group, which took part in the match
                note = (
                    f"comparator {row['comparator']} ({COMPARATOR_MEANING[row['comparator']]}) "
                    f"is worded “{found.group(found.lastindex).strip()}” in the English"
                )
                yield ComparatorWordingError.from_row(row, note=note, field_name="statement_en")


# What may stand before a quote's subject: a deadline, 力争 or 确保, and the words for the whole district.
LEAD = re.compile(r"(?:" + clauses.DEADLINE.pattern + r"|力争|确保|全区|区内)[，,]?")


def subject_of(quote: str) -> str:
    """The quote (without whitespace) from its subject on: what stands before it (到2025年，力争…) taken off."""
    while (lead := LEAD.match(quote)) and lead.end():
        quote = quote[lead.end() :]
    return quote


@attrs.define(kw_only=True, repr=False)
class ScopeAsPrinted(Check):
    """A target that applies to less than the whole district names whom in words that stand in its quote; and the
    quotes of a plan whose subject is the same words have the same scope (the scope is read from the quote's own
    words: a quote that names no one applies to the whole district, whatever its paragraph is about)."""

    type = "scope-as-printed"
    Errors = [ScopeError]
    subjects: dict[str, dict[str, tuple[str, str]]]  # plan_id -> scope_as_printed -> (scope, the first target's id)

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != "targets" or not row["scope"]:
            return
        subject = subject_of(src.squeeze(row["quote"] or ""))
        for words, (scope, first) in self.subjects.get(row["plan_id"], {}).items():
            if subject.startswith(words) and row["scope"] != scope:
                note = f"the quote's subject is “{words}”, which {first} codes as scope {scope}, not {row['scope']}"
                yield ScopeError.from_row(row, note=note, field_name="scope")
        printed = row["scope_as_printed"]
        if row["scope"] == "district" and printed:
            yield ScopeError.from_row(
                row, note="a target of the whole district has no scope_as_printed", field_name="scope_as_printed"
            )
        elif row["scope"] != "district" and not printed:
            note = f"scope {row['scope']} needs the quote's words that name whom it applies to"
            yield ScopeError.from_row(row, note=note, field_name="scope_as_printed")
        elif printed and src.squeeze(printed) not in src.squeeze(row["quote"] or ""):
            note = f"“{_short(printed)}” is not in the quote"
            yield ScopeError.from_row(row, note=note, field_name="scope_as_printed")


# Constructions whose coding is decided once (docs/methodology.md, "Coding the same construction the same way"):
# (name, pattern on the quote without whitespace, the field it decides, its value).
CONSTRUCTIONS = [
    ("完成…下达", re.compile(r"完成[^，。；]*?下达"), "kind", "defers-to-city"),
    ("按照…下达", re.compile(r"按照[^，。；]*?下达"), "kind", "defers-to-city"),
    ("完成…责任权重", re.compile(r"完成[^，。；]*?责任权重"), "kind", "defers-to-city"),
    ("不低于/高于全市（全区）…水平", re.compile(r"(不低于|高于)(全市|全区)[^，。；]*?水平"), "kind", "qualitative"),
    ("建成一批", re.compile(r"建成一批"), "direction", "increase"),
    ("累计", re.compile(r"累计"), "direction", "level"),
    ("新增/培育/引进", re.compile(r"新增|培育|引进"), "direction", "increase"),
]
# The words a defers-to-city target must write: it commits to meet what a higher level sets, and these say so.
DEFERS = [
    pattern for _, pattern, field_name, value in CONSTRUCTIONS if (field_name, value) == ("kind", "defers-to-city")
]
# What is masked before two quotes are compared: figures and years, then the names of places.
FIGURE = re.compile(r"\d+(?:\.\d+)?")
PLACES = ("全区", "全市", "我市", "本市", "本区", "天津市")


@attrs.define(kw_only=True, repr=False)
class ConsistentCoding(Check):
    """Quotes of the same construction are coded the same: by the recognised constructions (完成…下达 is
    defers-to-city), and two targets of one indicator whose quotes are equal once figures, years and place names
    are masked have the same kind and direction."""

    type = "consistent-coding"
    Errors = [InconsistentCodingError]
    place_names: list[str]  # the districts' names (河东区); masked like 全区
    # (indicator, masked quote) -> the first row's (target_id, kind, direction)
    _seen: dict[tuple[str | None, str], tuple[str | None, str | None, str | None]] = attrs.field(
        factory=dict, init=False
    )

    # The places as they are masked, longest first (by rank), filed under their first two characters: a quote is
    # looked in for the few places that can stand in it, not for every district of the package.
    _places: dict[str, list[tuple[int, str]]] = attrs.field(factory=dict, init=False)

    def __attrs_post_init__(self) -> None:
        for rank, place in enumerate(sorted({*PLACES, *self.place_names}, key=len, reverse=True)):
            self._places.setdefault(place[:2], []).append((rank, place))

    def validate_start(self) -> Iterable[errors.Error]:
        self._seen = {}
        return ()

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        if self.resource.name != "targets" or not row["quote"]:
            return
        quote = src.squeeze(row["quote"])
        if row["kind"] == "defers-to-city" and not any(pattern.search(quote) for pattern in DEFERS):
            note = "a defers-to-city quote writes 完成…下达, 按照…下达 or 完成…责任权重 (methodology): this one none"
            yield InconsistentCodingError.from_row(row, note=note, field_name="kind")
        for name, pattern, field_name, value in CONSTRUCTIONS:
            if pattern.search(quote) and row[field_name] != value:
                note = f"a quote with {name} is coded {field_name} {value} (see the methodology), not {row[field_name]}"
                yield InconsistentCodingError.from_row(row, note=note, field_name=field_name)
        key = (row["indicator_id"], self.masked(quote))
        first = self._seen.setdefault(key, (row["target_id"], row["kind"], row["direction"]))
        for field_name, coded in zip(("kind", "direction"), first[1:], strict=True):
            if row[field_name] != coded:
                note = f"{first[0]} has the same construction and is coded {field_name} {coded}, not {row[field_name]}"
                yield InconsistentCodingError.from_row(row, note=note, field_name=field_name)

    def masked(self, quote: str) -> str:
        """The quote with its figures and years as #, and the places it names as @ (the longest first). A place
        that does not stand in the text cannot come to stand in it as others are masked: it holds no @."""
        text = FIGURE.sub("#", quote)
        starts = {text[i : i + 2] for i in range(len(text))} | set(text) | {""}
        for _, place in sorted(found for start in starts for found in self._places.get(start, ())):
            text = text.replace(place, "@")
        return text


# The checks that compare a row with others of its table, by check: the resource and the fields they read. A package
# of several regions is checked a region at a time (validate.py); these run on the whole package's key columns and
# these fields instead.
ACROSS_ROWS: dict[type[Check], dict[str, tuple[str, ...]]] = {
    ConsistentCoding: {"targets": ("target_id", "indicator_id", "quote", "kind", "direction")}
}

# The checks' lookups that are keyed by a cell of the row checked (a plan_id, a measure_id, a source file's name…):
# a row's problems depend only on the entries of its own cells' values, so that a portion's verdict is kept by the
# digest of those entries alone (regional.digest). Every other attribute of a check counts whole.
KEYED_BY_CELL = (
    "source_bytes",
    "matchable_sources",
    "outlines",
    "owner_plans",
    "measure_chapters",
    "indicator_units",
    "document_titles",
    "quotes",
    "subjects",
)


@attrs.define(kw_only=True, repr=False)
class KeepRows(Check):
    """Keeps every row as frictionless typed it, so that the tables need not be read a second time."""

    type = "keep-rows"
    Errors: list[builtins.type[errors.Error]] = []  # builtins.type: in a check, ``type`` is its name
    tables: dict[str, list[dict[str, Any]]]  # resource name -> rows, filled as validation reads them

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        self.tables[self.resource.name].append(row.to_dict())
        return ()


class MissingGlyphError(ProjectError):
    type = "missing-glyph"
    title = "Missing Glyph"
    description = "A text that the share images draw holds a character that no font of the build has."


@attrs.define(kw_only=True, repr=False)
class DrawnInShareImages(Check):
    """The texts that the share images draw (share.py: a plan's title, its district's name) hold only characters
    that a font of the build has: a preview would otherwise show a box where a character should be."""

    type = "drawn-in-share-images"
    Errors = [MissingGlyphError]
    drawn_fields: dict[str, list[str]]  # resource name -> the fields the share images draw
    can_draw: Callable[[str], bool]  # whether a font of the build has a character

    def validate_row(self, row: Row) -> Iterable[errors.Error]:
        for name in self.drawn_fields.get(self.resource.name, []):
            for char in dict.fromkeys(row[name] or ""):
                if not self.can_draw(char):
                    note = f"the share images cannot draw “{char}” (U+{ord(char):04X}): no font of the build has it"
                    yield MissingGlyphError.from_row(row, note=note, field_name=name)


def _provenance(row: Row, field_name: str, note: str) -> ProvenanceError:
    error: ProvenanceError = ProvenanceError.from_row(row, note=note, field_name=field_name)
    return error


def _as_printed(value: object) -> tuple[str, ...]:
    """Each way the source may print a cell: a date as 2023年5月15日, 2023年05月15日 or 二〇二三年五月十五日, any
    other value as it is; none for an empty cell."""
    if value is None or value == "":
        return ()
    if isinstance(value, datetime.date):
        return dates.printed(value)
    return (str(value),)


def _numbers(text: str) -> set[Decimal]:
    """The numbers a text writes in digits, by value (50,000 and 50000 alike; 01 is 1)."""
    return {Decimal(match.replace(",", "")) for match in NUMBER.findall(text)}


def _written(row: Row, field_name: str) -> str:
    """A cell as the CSV writes it, for a message: 1e400, not the 401 digits of its value."""
    index = row.field_names.index(field_name)
    return _short(str(row.cells[index])) if index < len(row.cells) else ""


def _number_text(value: Decimal | float) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _short(text: str, limit: int = 40) -> str:
    """The start of a text for a message, its invisible characters escaped (characters.shown)."""
    return characters.shown(text if len(text) <= limit else text[:limit] + "…")
