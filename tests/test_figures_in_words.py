"""A figure a plan writes in words counts as written in its quote (validation, checks.FiguresMatchQuote): sentences
of the curated sources and of the development documents of benchmarks/drafter-corpus/, and the issue's fraction."""

from __future__ import annotations

import pytest

from generator.package import figures_in_words


@pytest.mark.parametrize(
    ("number", "quote", "written"),
    [
        ("100", "到2030年，城市生活垃圾分类实现全覆盖", True),
        ("100", "所有省级以上园区全部完成循环化改造", True),
        ("2", "全省内河集装箱运量比2020年翻一番", True),
        ("66.67", "不超过原规模2/3", True),
        ("1", "新建政府投资工程至少使用一种可再生能源", True),
        ("0", "实现厨余垃圾等原生垃圾“零填埋”", True),
        ("100", "全部辖区", False),
        ("50", "到2030年，城市生活垃圾分类实现全覆盖", False),
    ],
)
def test_validation_reads_a_figure_written_in_words_as_written_in_the_quote(number, quote, written):
    assert figures_in_words.written(number, quote) is written
