from generator import passages

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
SOURCE = passages.Source.of(TEXT)


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
