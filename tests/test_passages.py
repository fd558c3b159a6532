from generator.base import sources
from generator.base.source_text import Source
from generator.package import passages

TEXT = """河东区碳达峰实施方案

为深入贯彻落实《中共中央国务院关于完整准确全

面贯彻新发展理念做好碳达峰碳中和工作的意见》，稳

妥有序推进碳达峰行动，结合我区实际，制定本方案。

一、指导思想

二、主要目标

到 2025年，单位地区生产总值能源消耗确保完成全市下达

- 3 -

指标，森林覆盖率达到 31.02%。
"""
SOURCE = Source.of(TEXT)


def test_lines_broken_by_the_pdf_are_joined_into_paragraphs():
    texts = [b.text for b in passages.blocks(SOURCE)]
    assert (
        "为深入贯彻落实《中共中央国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》，稳妥有序推进碳达峰行动，结合我区实际，制定本方案。"
        in texts
    )
    assert "河东区碳达峰实施方案" in texts  # a short line stands alone


def test_page_numbers_are_dropped_and_stray_spaces_before_numbers_closed():
    last = passages.blocks(SOURCE)[-1]
    assert last.text == "到2025年，单位地区生产总值能源消耗确保完成全市下达指标，森林覆盖率达到31.02%。"
    assert last.section == "二"


def test_parts_become_headings_with_anchors():
    headings = [(b.text, b.anchor) for b in passages.blocks(SOURCE) if b.kind == "heading"]
    assert headings == [("一、指导思想", "s1"), ("二、主要目标", "s2")]


def test_a_quote_is_marked_in_its_own_section_whitespace_aside():
    document, missing = passages.document(SOURCE, [passages.Quote("t1", "二", "森林覆盖率达到 31.02%")])
    assert missing == []
    block = document[-1]
    [(start, end, target)] = block.marks
    assert (block.text[start:end], target) == ("森林覆盖率达到31.02%", "t1")


def test_overlapping_quotes_cut_the_text_into_runs():
    document, _ = passages.document(
        SOURCE, [passages.Quote("a", "二", "能源消耗确保完成"), passages.Quote("b", "二", "确保完成全市下达指标")]
    )
    runs = [(s.text, s.targets, s.starts) for s in passages.segments(document[-1]) if s.targets]
    assert runs == [
        ("能源消耗", ("a",), ("a",)),
        ("确保完成", ("a", "b"), ("b",)),
        ("全市下达指标", ("b",), ()),
    ]


def test_a_quote_across_two_paragraphs_is_not_found():
    # 制定本方案。 ends one paragraph, 一、指导思想 is the next one.
    _, missing = passages.document(SOURCE, [passages.Quote("t1", "", "制定本方案。一、指导思想")])
    assert missing == ["t1"]


def test_every_real_quote_is_found_within_one_paragraph(real_inputs, real_model):
    for plan in real_model.plans:
        document = passages.plan_document(plan, real_inputs.source_texts[plan.source_file])
        assert sum(len(block.marks) for block in document) == len(plan.targets) + len(plan.citations)


# 确保完成全市下达指标 closes the paragraph of 一 and the paragraph of 二: two places.
TWICE = Source.of(
    "一、指导思想\n\n到2025年，确保完成全市下达指标。\n\n二、主要目标\n\n到2030年，确保完成全市下达指标。\n"
)


def marked(document, quote_id):
    return [(block.section, block.text[s:e]) for block in document for s, e, t in block.marks if t == quote_id]


def test_a_quote_that_stands_twice_is_marked_at_the_place_its_occurrence_names():
    quotes = [
        passages.Quote("first", "二", "确保完成全市下达指标", 1),
        passages.Quote("second", "一", "确保完成全市下达指标", 2),
    ]
    document, missing = passages.document(TWICE, quotes)
    assert missing == []
    # the occurrence decides, not the section the row names
    assert marked(document, "first") == [("一", "确保完成全市下达指标")]
    assert marked(document, "second") == [("二", "确保完成全市下达指标")]


def test_an_occurrence_beyond_the_last_place_is_not_found():
    _, missing = passages.document(TWICE, [passages.Quote("third", "二", "确保完成全市下达指标", 3)])
    assert missing == ["third"]


def test_the_occurrences_are_counted_as_validation_counts_them():
    # passages and the quote-occurrence check number the same places: the source's, whitespace aside.
    assert sources.occurrences("确保 完成全市下达指标", TWICE.matchable) == 2
    for n in (1, 2):
        document, _ = passages.document(TWICE, [passages.Quote("q", "", "确保完成全市下达指标", n)])
        assert marked(document, "q")[0][0] == ["一", "二"][n - 1]


def test_a_place_that_runs_into_the_next_paragraph_is_not_found():
    # 指标。 ends 一's paragraph and 二、主要目标 begins the next: the second place of 指标。二 does not exist, and
    # the first runs across the two.
    _, missing = passages.document(TWICE, [passages.Quote("q", "", "指标。二、主要目标", 1)])
    assert missing == ["q"]


def test_the_real_quotes_that_stand_twice_are_marked_where_their_rows_say(real_inputs, real_model):
    # datapackage/sources/xiqing-2023.txt: the same words close the 2025 paragraph (lines 121–125) and the 2030 one
    # (lines 142–144); hebei-2022.txt and jizhou-2023.txt: 如期实现2030年前碳达峰目标 first in 一（一）, then in 二.
    expected = {  # target -> (section, words of its paragraph, words not in it)
        "xiqing-2023-t004": ("一（三）", "“十四五”期间", "“十五五”期间"),
        "xiqing-2023-t013": ("一（三）", "“十五五”期间", "“十四五”期间"),
        "hebei-2022-t009": ("二", "到2030年", "指导思想"),
        "jizhou-2023-t012": ("二", "到2030年", "指导思想"),
    }
    found = {}
    for plan in real_model.plans:
        for block in passages.plan_document(plan, real_inputs.source_texts[plan.source_file]):
            found |= {target: block for _, _, target in block.marks if target in expected}
    assert set(found) == set(expected)
    for target, (section, inside, outside) in expected.items():
        assert found[target].section == section and inside in found[target].text, target
        assert outside not in found[target].text, target
