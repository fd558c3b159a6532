"""The English edition's labels: every label of the templates and of the Python code has its English."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel.messages.catalog import Message
from babel.messages.extract import extract_python
from babel.messages.pofile import read_po
from jinja2.ext import babel_extract

from generator.base import i18n
from generator.pages import charts, render, text

GENERATOR = Path(i18n.__file__).parent.parent
TEMPLATES = GENERATOR / "pages" / "templates"
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def template_messages() -> list[tuple[str, str | tuple[str | None, ...]]]:
    """Every label of the templates, as Babel's Jinja extractor reads them: (function, message), the message of
    ngettext a tuple (singular, plural, None)."""
    found = []
    for path in sorted(TEMPLATES.glob("*.j2")):
        with path.open("rb") as handle:
            options = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}
            keywords = ("_", "gettext", "ngettext")
            found += [(function, message) for _l, function, message, _c in babel_extract(handle, keywords, [], options)]
    return found


def template_labels() -> set[str]:
    """Every msgid marked with _() or ngettext() in the templates."""
    labels = set()
    for _function, message in template_messages():
        labels.update([message] if isinstance(message, str) else [m for m in message if m])
    return labels


def counted_labels() -> set[str]:
    """The labels that take a count: ngettext() in the templates, text.counted() in the Python code."""
    labels = {message[0] for function, message in template_messages() if function == "ngettext"}
    for path in sorted(p for p in GENERATOR.rglob("*.py") if "draft" not in p.relative_to(GENERATOR).parts):
        with path.open("rb") as handle:
            labels |= {m[1] for _line, _function, m, _c in extract_python(handle, ["counted"], [], {}) if m[1]}
    return {label for label in labels if label}


def plural_entries() -> dict[str, Message]:
    """The entries of en.po with plural forms, by msgid, as Babel reads them."""
    with (i18n.CATALOGS / "en.po").open("rb") as handle:
        catalog = read_po(handle, locale="en")
    return {message.id[0]: message for message in catalog if message.id and message.pluralizable}


def python_labels(real_tables) -> set[str]:
    """Labels that Python code passes through the catalog: every label("…") call (charts, text), the label
    dictionaries of text.py, and the units and hedge words that the data brings."""
    labels = set()
    for path in sorted(p for p in GENERATOR.rglob("*.py") if "draft" not in p.relative_to(GENERATOR).parts):
        with path.open("rb") as handle:
            found = extract_python(handle, ["label", "counted"], [], {})
            labels |= {message for _line, _function, message, _comments in found if isinstance(message, str)}
            labels |= {m[1] for _line, function, m, _comments in found if function == "counted" and m[1]}
    labels |= set(text.KIND_LABELS.values()) | set(text.PROJECT_KIND_LABELS.values())
    labels |= set(text.LEVEL_LABELS.values()) | set(text.SCOPE_LABELS.values())
    labels |= set(text.AGENCY_KIND_LABELS.values()) | set(text.ROLE_LABELS.values())
    labels |= set(text.TILE_STATE_LABELS.values())
    labels |= set(charts.DIRECTION_LABELS.values()) | set(charts.INDICATOR_COLUMNS)
    labels |= {label for label in text.STANCE_LABELS.values() if CHINESE.search(label)}
    labels |= set(text.PHRASES.values()) | set(text.BASELINES.values())
    labels |= {words for words in text.DIRECTION_WORDS.values() if words}
    labels |= {row["unit"] for row in real_tables["indicators"] if row["unit"] and CHINESE.search(row["unit"])}
    labels |= {word for row in real_tables["targets"] for word in (row["hedge"] or "").split("、") if word}
    return labels | {charts.NO_YEAR}


@pytest.fixture(scope="module")
def english():
    return i18n.translations("en")


def test_the_templates_mark_their_labels(english):
    assert len(template_labels()) > 50


def test_every_label_has_its_english(english, real_tables):
    missing = sorted(
        label for label in template_labels() | python_labels(real_tables) if english.gettext(label) == label
    )
    assert missing == []


def test_english_labels_hold_no_chinese(english, real_tables):
    leftovers = {}
    for label in template_labels() | python_labels(real_tables):
        if CHINESE.search(english.gettext(label)):
            leftovers[label] = english.gettext(label)
    assert leftovers == {}


def test_english_pages_and_charts_sit_beside_the_chinese():
    assert i18n.page_path("plans/jizhou-2023.md", "zh") == "plans/jizhou-2023.md"
    assert i18n.page_path("plans/jizhou-2023.md", "en") == "plans/jizhou-2023.en.md"
    assert i18n.page_path("charts/120000/timeline.svg", "en") == "charts/120000/timeline.en.svg"


def test_data_fields_in_the_pages_language(real_model):
    plan = next(p for p in real_model.plans if p.plan_id == "jizhou-2023")
    assert i18n.localised("zh", plan, "title") == plan.title
    assert i18n.localised("en", plan, "title") == plan.title_en
    assert i18n.localised("en", plan.district, "name_zh") == "Jizhou District"
    assert i18n.localised("en", plan, "short_name") == "Jizhou District"


def test_chinese_kept_on_an_english_page_is_marked_as_chinese():
    assert i18n.original("en", "森林覆盖率") == '<span lang="zh">森林覆盖率</span>'
    assert i18n.original("zh", "森林覆盖率") == "森林覆盖率"


def test_dates_in_each_language():
    day = datetime.date(2023, 5, 15)
    assert (i18n.date("zh", day), i18n.date("en", day)) == ("2023年5月15日", "15 May 2023")


def test_a_missing_english_label_is_found(tmp_path, monkeypatch, real_tables):
    # The coverage test above must be able to fail: a catalog without one entry leaves that label in Chinese.
    catalog = (i18n.CATALOGS / "en.po").read_text(encoding="utf-8")
    entry = re.search(r'\nmsgid "(目标年)"\nmsgstr "[^"]*"\n', catalog)
    assert entry
    (tmp_path / "en.po").write_text(catalog.replace(entry.group(0), "\n"), encoding="utf-8")
    monkeypatch.setattr(i18n, "CATALOGS", tmp_path)
    assert i18n.translations("en").gettext("目标年") == "目标年"


def test_chinese_inside_english_text_is_marked_run_by_run():
    marked = i18n.mark_chinese("en", "Programme (津发改双碳〔2023〕400号), issued by 市发展改革委")
    assert marked == (
        'Programme (<span lang="zh">津发改双碳〔2023〕400号</span>), issued by <span lang="zh">市发展改革委</span>'
    )
    assert i18n.mark_chinese("zh", "津发改双碳〔2023〕400号") == "津发改双碳〔2023〕400号"


def test_descriptor_texts_show_their_english_half_on_english_pages():
    assert i18n.descriptor_text("en", "目标与承诺。 / Targets and commitments.") == "Targets and commitments."
    assert i18n.descriptor_text("zh", "目标 / Targets") == "目标 / Targets"


# Labels with a count (ngettext, text.counted): the English agrees with the number, the Chinese is as it was.


def test_the_catalog_says_how_english_plurals_are_chosen():
    with (i18n.CATALOGS / "en.po").open("rb") as handle:
        catalog = read_po(handle, locale="en")
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    assert 'Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in (i18n.CATALOGS / "en.po").read_text(encoding="utf-8")


def test_every_plural_entry_has_both_english_forms(english):
    entries = plural_entries()
    assert len(entries) > 20
    for msgid, message in entries.items():
        one, other = message.string
        assert one and other and one != other, msgid
        assert not CHINESE.search(one + other), msgid
        # Chinese has one form: the msgid_plural is the msgid, so the Chinese pages show the same words for any n.
        assert message.id[1] == msgid
        # The compiled catalog (i18n.translations: Babel's read_po and write_mo) keeps both forms.
        assert (english.ngettext(msgid, msgid, 1), english.ngettext(msgid, msgid, 2)) == (one, other)
        assert english.ngettext(msgid, msgid, 0) == other


def test_every_label_with_a_count_has_plural_forms_and_no_other_label_has():
    # gettext of an entry with plural forms would read its singular whatever the number: a label asked for without
    # a count must not have them (the units that count things, text.unit_words, are asked for with the figure).
    counted = counted_labels()
    assert len(counted) > 20
    assert counted - set(plural_entries()) == set()
    without_count = {message for function, message in template_messages() if function != "ngettext"}
    assert without_count & set(plural_entries()) == set()
    for function, message in template_messages():
        if function == "ngettext":
            assert message[0] == message[1], message  # Chinese has one form


@pytest.fixture(scope="module")
def environments(fixture_model):
    return {lang: render.environment(fixture_model, lang) for lang in ("zh", "en")}


@pytest.mark.parametrize(
    ("msgid", "variables", "shown"),
    [
        ("措施 %(num)s 项", {}, {1: "1 measure", 2: "2 measures", 0: "0 measures", 1200: "1,200 measures"}),
        ("目标与承诺 %(num)s 条", {}, {1: "1 target or commitment", 2: "2 targets and commitments"}),
        ("%(num)s 行", {}, {1: "1 row", 2: "2 rows", 12000: "12,000 rows"}),
        ("这 %(num)s 行的主键", {}, {1: "The key of this row", 3: "The keys of these 3 rows"}),
        (
            "本数据集收录了%(name)s的 %(num)s 份方案：",
            {"name": "Jia District"},
            {1: "This dataset holds 1 plan of Jia District:", 2: "This dataset holds 2 plans of Jia District:"},
        ),
        (
            "[方案页](%(plan)s) · 措施 %(num)s 项。点击位置可跳到原文中的这一条。",
            {"plan": "p.md"},
            {
                1: "[The plan's page](p.md) · 1 measure. Click a section to go to it in the original text.",
                7: "[The plan's page](p.md) · 7 measures. Click a section to go to it in the original text.",
            },
        ),
    ],
)
def test_a_template_label_agrees_with_its_count(environments, msgid, variables, shown):
    template = "{{ ngettext(msgid, msgid, n, **variables) }}"
    for n, english_words in shown.items():
        assert environments["en"].from_string(template).render(msgid=msgid, n=n, variables=variables) == english_words
        # Chinese: the msgid with the count as it always was, without a thousands separator.
        chinese = environments["zh"].from_string(template).render(msgid=msgid, n=n, variables=variables)
        assert chinese == msgid % {"num": n, **variables}


def test_counts_have_a_thousands_separator_in_english_only(environments):
    assert environments["en"].from_string("{{ 1200 | count }} {{ 999 | count }}").render() == "1,200 999"
    assert environments["zh"].from_string("{{ 1200 | count }}").render() == "1200"


def test_a_sentence_with_two_counts_agrees_with_each(environments, fixture_model):
    # The agency page's sentence counts plans, measures and targets: each has its own form.
    page = environments["en"].get_template("agency.md.j2")
    source = page.environment.loader.get_source(page.environment, "agency.md.j2")[0]
    line = next(line for line in source.splitlines() if "份方案把本单位列为" in line)
    template = page.environment.from_string(line)
    region = SimpleNamespace(division=SimpleNamespace(name_zh="示例市", name_en="Example City"))
    words = {}
    for plans, measures, targets in ((1, 1, 1), (2, 3, 0), (1, 2, 1)):
        entry = SimpleNamespace(plans=[None] * plans, measure_count=measures, target_count=targets)
        words[plans, measures, targets] = template.render(entry=entry, region=region)
    body = " The same department of different districts is one body in the data; the plans print its name as follows."
    assert words[1, 1, 1] == (
        "1 plan of Example City names this body as responsible for 1 measure; "
        "1 target or commitment is recorded under that measure." + body
    )
    assert words[2, 3, 0] == (
        "2 plans of Example City name this body as responsible for 3 measures; "
        "0 targets and commitments are recorded under those measures." + body
    )
    assert words[1, 2, 1] == (
        "1 plan of Example City names this body as responsible for 2 measures; "
        "1 target or commitment is recorded under those measures." + body
    )
    chinese = environments["zh"].from_string(line).render(entry=entry, region=region)
    assert chinese == (
        "示例市的 1 份方案把本单位列为 2 项措施的责任单位；这些措施下记录了 1 条目标与承诺。"
        "各区的同一部门在数据中是同一个单位，方案原文的写法如下。"
    )


def test_a_python_label_agrees_with_its_count(english):
    assert text.counted(english.ngettext, "%(num)s 字节", 1, "en") == "1 byte"
    assert text.file_size(1, english.gettext, english.ngettext) == "1 byte"
    assert text.file_size(812, english.gettext, english.ngettext) == "812 bytes"
    assert text.file_size(812) == "812 字节"
    chinese = i18n.translations("zh")
    assert text.file_size(1, chinese.gettext, chinese.ngettext) == "1 字节"
