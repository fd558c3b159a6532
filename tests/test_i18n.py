"""The English edition's labels: every label of the templates and of the Python code has its English."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_python
from jinja2.ext import babel_extract

from generator.base import i18n
from generator.pages import charts, text

GENERATOR = Path(i18n.__file__).parent.parent
TEMPLATES = GENERATOR / "pages" / "templates"
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def template_labels() -> set[str]:
    """Every msgid marked with _() in the templates, as Babel's Jinja extractor reads them."""
    labels = set()
    for path in sorted(TEMPLATES.glob("*.j2")):
        with path.open("rb") as handle:
            options = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}
            for _line, _function, message, _comments in babel_extract(handle, ("_", "gettext"), [], options):
                labels.update([message] if isinstance(message, str) else [m for m in message if m])
    return labels


def python_labels(real_tables) -> set[str]:
    """Labels that Python code passes through the catalog: every label("…") call (charts, text), the label
    dictionaries of text.py, and the units and hedge words that the data brings."""
    labels = set()
    for path in sorted(p for p in GENERATOR.rglob("*.py") if "draft" not in p.relative_to(GENERATOR).parts):
        with path.open("rb") as handle:
            found = extract_python(handle, ["label"], [], {})
            labels |= {message for _line, _function, message, _comments in found if isinstance(message, str)}
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
