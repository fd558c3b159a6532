"""The agencies of a measure, from the bracket that closes it, with their roles: brackets of the curated sources,
of the development documents of benchmarks/drafter-corpus/ (file and line given), and the issue's forms."""

from __future__ import annotations

import pytest

from generator.draft import agencies


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "发展光伏发电。（区发展改革委、区住房建设委、区能源办按职责分工负责）",
            [("区发展改革委", "shared"), ("区住房建设委", "shared"), ("区能源办", "shared")],
            id="shared",
        ),
        pytest.param("加强统计。（区统计局牵头负责）", [("区统计局", "lead")], id="hebei-2022 lead"),
        pytest.param("创建绿色社区。（区民政局）", [("区民政局", "responsible")], id="responsible"),
        pytest.param(
            "(省发展改革委牵头，省科技厅、省工业和信息化厅等部门按职责分工负责)",
            [("省发展改革委", "lead"), ("省科技厅", "shared"), ("省工业和信息化厅", "shared")],
            id="jiangsu:62 lead and shared",
        ),
        pytest.param(
            "〔省发展改革委(省能源局)牵头，省工业和信息化厅、省电力公司等部门和单位按职责分工负责〕",
            [("省发展改革委(省能源局)", "lead"), ("省工业和信息化厅", "shared"), ("省电力公司", "shared")],
            id="jiangsu:105 a name's own bracket",
        ),
        pytest.param(
            "(省工业和信息化厅、省发展改革委牵头省住房城乡建设厅、省市场监管局等部门按职责分工负责)",
            [
                ("省工业和信息化厅", "lead"),
                ("省发展改革委", "lead"),
                ("省住房城乡建设厅", "shared"),
                ("省市场监管局", "shared"),
            ],
            id="jiangsu:138-139 two leads, the line break lost",
        ),
        pytest.param(
            "（市碳达峰碳中和工作领导小组办公室、市生态环境局）",
            [("市碳达峰碳中和工作领导小组办公室", "shared"), ("市生态环境局", "shared")],
            id="beijing:183",
        ),
        pytest.param(
            "（责任单位：市发展改革委、市经济信息化委）",
            [("市发展改革委", "shared"), ("市经济信息化委", "shared")],
            id="issue: labelled",
        ),
        pytest.param(
            "（牵头单位：市发展改革委；配合单位：市工业和信息化局、市财政局）",
            [("市发展改革委", "lead"), ("市工业和信息化局", "shared"), ("市财政局", "shared")],
            id="issue: lead and supporting",
        ),
        pytest.param(
            "（市发展改革委牵头，市工业和信息化局按职责分工负责）",
            [("市发展改革委", "lead"), ("市工业和信息化局", "shared")],
            id="issue: lead, the others by their duties",
        ),
    ],
)
def test_a_closing_bracket_names_the_agencies_and_their_roles(paragraph, expected):
    assert agencies.bracket_names(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param("以高耗能高排放项目（以下称两高项目）", id="national-2021:77 an explanation"),
        pytest.param("开展碳捕集利用与封存（CCUS）", id="beijing:52 an abbreviation"),
    ],
)
def test_a_bracket_that_explains_names_no_agency(paragraph):
    assert agencies.bracket_names(paragraph) is None
