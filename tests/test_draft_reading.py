"""The drafter reads a plan in either form it comes in: PDF text with lines broken in mid-sentence (the curated
sources), or one sentence or heading to a line without 。 (the development documents of benchmarks/drafter-corpus/;
the held-out ones are used by no test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.base.source_text import Source
from generator.draft import reading, structure

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "benchmarks" / "drafter-corpus"
SOURCES = ROOT / "datapackage" / "sources"


def source(path: Path) -> Source:
    return Source.decode(path.read_bytes())


def paragraph_with(path: Path, words: str) -> reading.Paragraph:
    return next(p for p in reading.paragraphs(source(path)) if words in p.text)


@pytest.mark.parametrize(
    ("path", "lines"),
    [
        (CORPUS / "national-2021.txt", True),
        (CORPUS / "beijing.txt", True),
        (CORPUS / "jiangsu.txt", True),
        (SOURCES / "hedong-2023.txt", False),
        (SOURCES / "xiqing-2023.txt", False),
        (SOURCES / "tianjin-pilot-2023.txt", False),
    ],
    ids=lambda value: value.stem if isinstance(value, Path) else str(value),
)
def test_the_form_of_a_document_is_told_by_its_full_stops(path, lines):
    assert reading.lines_are_sentences(path.read_text(encoding="utf-8")) is lines


def test_each_line_of_a_document_without_full_stops_is_a_paragraph_of_its_section():
    """beijing.txt 73–74: two sentences on two lines, each with its deadline."""
    first = paragraph_with(CORPUS / "beijing.txt", "生活垃圾资源化利用率提升至80%")
    assert (first.section, first.text) == (
        "四（十）",
        "到2025年，城市生活垃圾分类体系基本健全，生活垃圾资源化利用率提升至80%",
    )


@pytest.mark.parametrize(
    ("words", "text"),
    [
        pytest.param("新能源车新车销售量", "到2025年，新能源车新车销售量占比达到20%以上", id="jiangsu:196-197 figure"),
        pytest.param("零碳智慧园", "零碳智慧园区", id="jiangsu:130-131 stub"),
        pytest.param(
            "(省工业和信息化厅、省发展改革委牵头",
            "(省工业和信息化厅、省发展改革委牵头省住房城乡建设厅、省市场监管局等部门按职责分工负责)",
            id="jiangsu:138-139 bracket",
        ),
    ],
)
def test_a_line_cut_in_two_is_joined_to_the_rest_of_its_sentence(words, text):
    assert paragraph_with(CORPUS / "jiangsu.txt", words).text == text


def test_a_line_that_opens_with_its_year_is_a_sentence_of_its_own():
    """jiangsu.txt 23–24: 持续提升 | 2030年前二氧化碳排放量达到峰值 are two sentences, not one cut."""
    assert paragraph_with(CORPUS / "jiangsu.txt", "二氧化碳排放量达到峰值").text.startswith("2030年前")


def test_measures_of_a_document_without_full_stops_are_titled_by_their_first_clause():
    """national-2021.txt: 1．推进煤炭消费替代和转型升级 on a line of its own; jiangsu.txt 133: a title run into its
    text, whose 。 was lost, ends at the first clause."""
    national = structure.propose_structure("n", source(CORPUS / "national-2021.txt"))
    assert ("三（一）1", "推进煤炭消费替代和转型升级") in [(m["section"], m["title"]) for m in national.measures]
    jiangsu = structure.propose_structure("j", source(CORPUS / "jiangsu.txt"))
    titles = {m["section"]: m["title"] for m in jiangsu.measures}
    assert titles["三（四）2"] == "全面提升节能管理水平强化能耗和碳排放控制"
