"""The methodology's rules on deadlines and dated results, as clauses.py reads a sentence."""

from __future__ import annotations

import pytest

from generator.package import clauses


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("到2025年，全区森林覆盖率达到31.02%", [("到2025年", 2025)]),
        ("确保2030年前实现碳达峰", [("2030年前", 2030)]),
        ("2025年底前培育完成100个“无废细胞”单位的建设", [("2025年底前", 2025)]),
        ("“十四五”时期煤炭消费继续减少", [("“十四五”时期", 2025)]),
        ("力争在“十五五”末建成蓟州抽水蓄能电站", [("“十五五”末", 2030)]),
        ("绿色出行比例达到75%以上，2030年达到80%左右", [("2030年", 2030)]),
        # baselines and the age of buildings are no deadlines
        ("在2020年的基础上单位建筑面积能耗下降5%", []),
        ("单位建筑面积能耗比2020年下降5%", []),
        ("基本实现对2000年底前建成的老旧小区改造全覆盖", []),
    ],
)
def test_the_deadlines_a_text_writes(text, found):
    assert [(d.words, d.year) for d in clauses.deadlines(text)] == found


def test_a_deadline_reaches_forward_to_the_full_stop_only():
    text = "推进节约型机关创建工作，建成一批典型示范。到 2025年，全区公共机构用能效率持续提升，能耗下降5%。"
    before = clauses.Placed.of(text, text.index("建成"), text.index("。"))
    after = clauses.Placed.of(text, text.index("全区"), text.index("，能耗"))
    assert before.deadline is None  # the deadline stands in the next sentence
    assert (after.deadline.words, after.deadline.year) == ("到2025年", 2025)


def test_the_last_deadline_before_the_quotes_end_is_the_quotes():
    text = "到2025年绿色出行比例达到75%以上，2030年达到80%左右。"
    placed = clauses.Placed.of(text, text.index("2030"), len(text) - 1)
    assert placed.deadline.year == 2030


def test_the_dated_direction_clauses_of_a_quote():
    text = "到 2025年，全区公共机构用能结构持续优化，用能效率持续提升，在 2020年的基础上单位建筑面积能耗下降 5%。"
    placed = clauses.Placed.of(text, text.index("全区"), len(text) - 1)
    assert placed.dated_direction_clauses == ["全区公共机构用能结构持续优化", "用能效率持续提升"]
    undated = clauses.Placed.of("全区公共机构用能效率持续提升。", 0, 14)
    assert undated.dated_direction_clauses == []
