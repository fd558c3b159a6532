from pathlib import Path

from generator.base import outline

TEXT = """一、总体要求
（一）指导思想
以习近平新时代中国特色社会主义思想为指导，
二、主要目标
到2025年，森林覆盖率达到31.02%。
三、重点任务
（一）产业绿色低碳转型行动
1.构建节能型“2.5产业”体系。服务大局，推动
3.这一行是上一句的折行，不是第3项。
2.构建现代化“都市产业”体系。
- 15 -
	专栏1 推动产业绿色低碳转型
1.打造大意风区龙头增长极。
2.打造中试服务平台。
（二）节能降碳增效行动
1.推进重点领域节能。
#### **四、组织实施**
**（一）加强统筹协调。**
"""


def refs(text):
    return [s.ref for s in outline.parse(text)]


def test_parts_chapters_items_and_boxes_in_document_order():
    assert refs(TEXT) == [
        "一",
        "一（一）",
        "二",
        "三",
        "三（一）",
        "三（一）1",
        "三（一）2",
        "三（一）专栏1",
        "三（一）专栏1-1",
        "三（一）专栏1-2",
        "三（二）",
        "三（二）1",
        "四",
        "四（一）",
    ]


def test_a_wrapped_line_starting_with_a_number_out_of_sequence_is_not_an_item():
    assert "三（一）3" not in refs(TEXT)


def test_lines_are_counted_from_one():
    section = next(s for s in outline.parse(TEXT) if s.ref == "三（一）2")
    assert TEXT.splitlines()[section.line - 1].startswith("2.构建现代化")


def test_numerals():
    numerals = ("一", "九", "十", "十二", "二十", "二十一", "三十")
    assert [outline.numeral_value(n) for n in numerals] == [1, 9, 10, 12, 20, 21, 30]


def test_chapters_numbered_on_through_the_parts_are_chapters():
    """北京市碳达峰实施方案 (benchmarks/drafter-corpus/beijing.txt) numbers its chapters （一）…（三十） on."""
    text = (Path(__file__).parent.parent / "benchmarks" / "drafter-corpus" / "beijing.txt").read_text(encoding="utf-8")
    chapters = [s.ref for s in outline.parse(text) if s.level == 2]
    assert chapters[:4] == ["一（一）", "一（二）", "三（三）", "三（四）"]
    assert chapters[-3:] == ["九（二十八）", "九（二十九）", "九（三十）"]


def test_an_outline_of_chapters_and_sections_is_one_of_parts_and_chapters():
    text = "第一章 总体要求\n第一节 指导思想\n坚持系统观念。\n第二章 重点任务\n第一节 能源转型\n1.发展光伏。\n"
    assert refs(text) == ["一", "一（一）", "二", "二（一）", "二（一）1"]


def test_anchors_are_ascii_and_distinct():
    assert outline.anchor("三（三）专栏2-5") == "s3-3-box2-5"
    assert outline.anchor("二（十）") == "s2-10"
    assert outline.anchor("三（一）1") != outline.anchor("三（一）专栏1")


def test_jizhou_has_ten_key_task_chapters(real_paths):
    text = (real_paths.package_dir / "sources" / "jizhou-2023.txt").read_text(encoding="utf-8")
    chapters = [s.ref for s in outline.parse(text) if s.level == 2 and s.ref.startswith("三")]
    assert chapters == [f"三（{n}）" for n in "一二三四五六七八九十"]
