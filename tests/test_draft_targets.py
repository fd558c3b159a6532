"""The drafter's reading of targets, pattern by pattern, on sentences of the development documents of
benchmarks/drafter-corpus/ (national-2021, beijing, jiangsu: file and line given) and of the curated sources; a few
examples only the issue quotes are marked so. The held-out documents of the corpus are used by no test."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.base.source_text import Source
from generator.draft import commitments, dates, figures, scope, targets

FIELDS = ("kind", "value", "value_min", "value_max", "unit", "comparator", "target_year", "hedge", "quote")


def drafted(sentence: str, years: tuple[int, ...] = (), role: str = targets.TASKS) -> list[tuple[str, ...]]:
    return [tuple(p.row[f] for f in FIELDS) for p in targets.sentence_targets("x", "三", sentence, years, role)]


def figure(value, unit, comparator, year, hedge, quote, low="", high=""):
    return ("quantitative", value, low, high, unit, comparator, year, hedge, quote)


def dated(kind, year, hedge, quote):
    return (kind, "", "", "", "", "", year, hedge, quote)


@pytest.mark.parametrize(
    ("sentence", "years", "expected"),
    [
        pytest.param(  # hedges stay in their clause; a base year is no target year
            "到2025年，非化石能源消费比重达到20%左右，单位国内生产总值能源消耗比2020年下降13.5%",
            (),
            [
                figure("20", "%", "eq", "2025", "左右", "到2025年，非化石能源消费比重达到20%左右"),
                figure("13.5", "%", "eq", "2025", "", "单位国内生产总值能源消耗比2020年下降13.5%"),
            ],
            id="national-2021:20",
        ),
        pytest.param(  # two periods and 分别: a row for each; the next clause takes the later
            "十四五、十五五期间分别新增水电装机容量4000万千瓦左右，西南地区以水电为主的可再生能源体系基本建立",
            (),
            [
                figure("4000", "万千瓦", "eq", "2025", "左右", "十四五、十五五期间分别新增水电装机容量4000万千瓦左右"),
                figure("4000", "万千瓦", "eq", "2030", "左右", "十四五、十五五期间分别新增水电装机容量4000万千瓦左右"),
                dated("qualitative", "2030", "基本", "西南地区以水电为主的可再生能源体系基本建立"),
            ],
            id="national-2021:47",
        ),
        pytest.param(
            "到2025年，沿海主要港口大宗货物铁路和水运集疏港比例超过95%，集装箱多式联运量年均增长率达到10%，"
            "全省内河集装箱运量比2020年翻一番",
            (),
            [
                figure("95", "%", "gt", "2025", "", "到2025年，沿海主要港口大宗货物铁路和水运集疏港比例超过95%"),
                figure("10", "%", "eq", "2025", "", "集装箱多式联运量年均增长率达到10%"),
                figure("2", "倍", "eq", "2025", "", "全省内河集装箱运量比2020年翻一番"),
            ],
            id="jiangsu:188",
        ),
        pytest.param(  # 以上 after the last figure of a list is read for each
            "到2030年，战略性新兴产业、高新技术产业产值占规上工业的比重分别达到45%和50%以上，"
            "节能环保产业主营业务收入力争达1.4万亿元",
            (),
            [
                figure(
                    "45",
                    "%",
                    "ge",
                    "2030",
                    "",
                    "到2030年，战略性新兴产业、高新技术产业产值占规上工业的比重分别达到45%和50%以上",
                ),
                figure(
                    "50",
                    "%",
                    "ge",
                    "2030",
                    "",
                    "到2030年，战略性新兴产业、高新技术产业产值占规上工业的比重分别达到45%和50%以上",
                ),
                figure("1.4", "万亿元", "eq", "2030", "力争", "节能环保产业主营业务收入力争达1.4万亿元"),
            ],
            id="jiangsu:61",
        ),
        pytest.param(  # a unit per unit stays whole
            "煤电机组供电煤耗下降至290克/千瓦时左右",
            (2025,),
            [figure("290", "克/千瓦时", "eq", "2025", "左右", "煤电机组供电煤耗下降至290克/千瓦时左右")],
            id="jiangsu:104",
        ),
        pytest.param(
            "电网高峰负荷削峰能力达到最高用电负荷3%-5%",
            (2025,),
            [figure("", "%", "range", "2025", "", "电网高峰负荷削峰能力达到最高用电负荷3%-5%", "3", "5")],
            id="beijing:96",
        ),
        pytest.param(
            "新能源和可再生能源供暖面积比重约为15%",
            (2030,),
            [figure("15", "%", "eq", "2030", "约", "新能源和可再生能源供暖面积比重约为15%")],
            id="beijing:97",
        ),
        pytest.param(
            "到2025年，国内原油一次加工能力控制在10亿吨以内",
            (),
            [figure("10", "亿吨", "le", "2025", "", "到2025年，国内原油一次加工能力控制在10亿吨以内")],
            id="national-2021:122",
        ),
        pytest.param(
            "到2025年，城镇建筑可再生能源替代常规能源比例大于8%",
            (),
            [figure("8", "%", "gt", "2025", "", "到2025年，城镇建筑可再生能源替代常规能源比例大于8%")],
            id="jiangsu:177",
        ),
        pytest.param(  # 以上的 after a verb: what is to be reached
            "省级电网基本具备5%以上的尖峰负荷响应能力",
            (2030,),
            [figure("5", "%", "ge", "2030", "基本", "省级电网基本具备5%以上的尖峰负荷响应能力")],
            id="national-2021:66",
        ),
        pytest.param(  # a figure in words, undated
            "新建政府投资工程至少使用一种可再生能源",
            (),
            [figure("1", "种", "ge", "", "", "新建政府投资工程至少使用一种可再生能源")],
            id="beijing:105",
        ),
        pytest.param(  # 100万以上的城市 only delimits the cities
            "到2030年，城区常住人口100万以上的城市绿色出行比例不低于70%",
            (),
            [figure("70", "%", "ge", "2030", "", "到2030年，城区常住人口100万以上的城市绿色出行比例不低于70%")],
            id="national-2021:174",
        ),
        pytest.param(  # no unit, a comparator
            "新建大型、超大型数据中心电能利用效率不超过1.3",
            (2025,),
            [figure("1.3", "", "le", "2025", "", "新建大型、超大型数据中心电能利用效率不超过1.3")],
            id="jizhou-2023",
        ),
        pytest.param(  # 的目标 after the figure: the target itself
            "确保实现“十四五”期间能耗强度降低14.5%的目标",
            (),
            [figure("14.5", "%", "eq", "2025", "", "确保实现“十四五”期间能耗强度降低14.5%的目标")],
            id="hedong-2023",
        ),
        pytest.param(
            "全省内河集装箱运量比2020年翻一番",
            (2025,),
            [figure("2", "倍", "eq", "2025", "", "全省内河集装箱运量比2020年翻一番")],
            id="jiangsu:188-words",
        ),
        pytest.param(
            "到2030年，城市生活垃圾分类实现全覆盖",
            (),
            [figure("100", "%", "eq", "2030", "", "到2030年，城市生活垃圾分类实现全覆盖")],
            id="beijing:74-words",
        ),
        pytest.param(
            "原则上全部使用新能源汽车",
            (2025,),
            [figure("100", "%", "eq", "2025", "原则上", "原则上全部使用新能源汽车")],
            id="issue-words",
        ),
        pytest.param(
            "不超过原规模2/3", (2025,), [figure("66.67", "%", "le", "2025", "", "不超过原规模2/3")], id="issue-fraction"
        ),
        pytest.param("突破1万辆", (2025,), [figure("1", "万辆", "gt", "2025", "", "突破1万辆")], id="issue-break"),
        pytest.param(
            "处理能力达到392吨/日",
            (2025,),
            [figure("392", "吨/日", "eq", "2025", "", "处理能力达到392吨/日")],
            id="issue-rate",
        ),
        pytest.param(
            "年处理能力810万吨/年",
            (2025,),
            [figure("810", "万吨/年", "eq", "2025", "", "年处理能力810万吨/年")],
            id="issue-rate-year",
        ),
    ],
)
def test_a_figure_is_drafted_with_its_unit_comparator_year_and_its_own_hedges(sentence, years, expected):
    assert drafted(sentence, years) == expected


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        pytest.param(
            "将年综合能耗超过1万吨标准煤的数据中心全部纳入重点用能单位能耗在线监测系统", (), id="national-2021:87"
        ),
        pytest.param("其中平均节能率15%及以上的建筑面积", (2025,), id="issue-threshold"),
        pytest.param("城镇居住建筑全面执行75%节能标准", (), id="jiangsu:167-standard"),
        pytest.param("加快500千伏过江通道建设", (), id="jiangsu:119"),
        pytest.param("实现新建公共建筑光伏应用全覆盖", (), id="beijing:42-undated-words"),
    ],
)
def test_a_figure_that_delimits_names_or_is_undated_in_words_is_no_target(sentence, years):
    assert [row for row in drafted(sentence, years) if row[0] == "quantitative"] == []


def test_a_share_that_counts_units_with_a_figure_is_the_target_not_the_figure():
    """hebei-2022: 至少设立1个…网点 says what the share counts."""
    rows = drafted("到2022年底，街道至少设立1个与生活垃圾收集运输相衔接的再生资源回收网点的比例超过50%")
    assert [(r[1], r[5]) for r in rows] == [("50", "gt")]


@pytest.mark.parametrize(
    ("sentence", "role", "expected"),
    [
        pytest.param(  # rule 2, from above, dated by the sentence
            "到2025年，可再生能源消费比重达到14.4%以上，单位地区生产总值二氧化碳排放下降确保完成国家下达目标",
            targets.GOALS,
            [
                figure("14.4", "%", "ge", "2025", "", "到2025年，可再生能源消费比重达到14.4%以上"),
                dated("defers-to-city", "2025", "", "单位地区生产总值二氧化碳排放下降确保完成国家下达目标"),
            ],
            id="beijing:23",
        ),
        pytest.param(  # rule 2, undated
            "落实国家下达的可再生能源电力消纳责任权重",
            targets.TASKS,
            [dated("defers-to-city", "", "", "落实国家下达的可再生能源电力消纳责任权重")],
            id="jiangsu:87",
        ),
        pytest.param(  # rule 4: listed subjects only, one row each; not a 创新中心
            "十五五期间，单位地区生产总值能耗和二氧化碳排放持续下降，部分重点行业能源利用效率达到国际先进水平，"
            "具有国际影响力和区域辐射力的绿色技术创新中心基本建成",
            targets.GOALS,
            [
                dated("qualitative", "2030", "", "十五五期间，单位地区生产总值能耗和二氧化碳排放持续下降"),
                dated("qualitative", "2030", "", "十五五期间，单位地区生产总值能耗和二氧化碳排放持续下降"),
                dated("qualitative", "2030", "", "部分重点行业能源利用效率达到国际先进水平"),
            ],
            id="beijing:24",
        ),
        pytest.param(  # rule 4: 新型电力系统 is no energy system; 为… is a purpose
            "十四五期间，重点行业能源利用效率大幅提升，新型电力系统加快构建，为实现碳达峰奠定坚实基础",
            targets.GOALS,
            [dated("qualitative", "2025", "", "十四五期间，重点行业能源利用效率大幅提升")],
            id="national-2021:19-20",
        ),
        pytest.param(
            "2030年前二氧化碳排放量达到峰值，为实现碳中和提供强有力支撑",
            targets.GOALS,
            [dated("qualitative", "2030", "", "2030年前二氧化碳排放量达到峰值")],
            id="jiangsu:24",
        ),
        pytest.param(  # rule 3: results after the deadline; not the actions, nor the clauses before it
            "加快煤炭减量步伐，十四五时期严格合理控制煤炭消费增长，十五五时期逐步减少",
            targets.TASKS,
            [
                dated("qualitative", "2025", "", "十四五时期严格合理控制煤炭消费增长"),
                dated("qualitative", "2030", "", "十五五时期逐步减少"),
            ],
            id="national-2021:29",
        ),
        pytest.param(
            "十四五期间，市管企业率先实施可再生能源替代行动，实现所属建筑、基础设施分布式光伏发电等可再生能源应用尽用",
            targets.TASKS,
            [dated("qualitative", "2025", "", "实现所属建筑、基础设施分布式光伏发电等可再生能源应用尽用")],
            id="beijing:161",
        ),
        pytest.param(  # a result after the deadline even without one's verb (逐步完善); not 推动…
            "调整车辆结构，大力推进机动车油换电，十四五时期市属公交车（山区线路及应急保障车辆除外）、巡游出租车"
            "（社会保障和个体车辆除外）全面实现新能源化，办理货车通行证的4.5吨以下物流配送车辆基本使用新能源汽车，"
            "推动氢燃料汽车规模化应用，逐步完善城市公路充换电和加氢网络",
            targets.TASKS,
            [
                dated(
                    "qualitative",
                    "2025",
                    "",
                    "十四五时期市属公交车（山区线路及应急保障车辆除外）、巡游出租车（社会保障和个体车辆除外）全面实现新能源化",
                ),
                dated("qualitative", "2025", "基本", "办理货车通行证的4.5吨以下物流配送车辆基本使用新能源汽车"),
                dated("qualitative", "2025", "", "逐步完善城市公路充换电和加氢网络"),
            ],
            id="beijing:120-shortened",
        ),
        pytest.param(  # the opening part states no dated commitment
            "确保如期实现2030年前碳达峰目标", targets.PREAMBLE, [], id="national-2021:7"
        ),
        pytest.param(  # a bracket that names who does it is no clause of the commitment
            "到2025年底，完成厨余垃圾收运协议签订，（区城市管理委、各街道按职责分工负责）",
            targets.TASKS,
            [dated("qualitative", "2025", "", "到2025年底，完成厨余垃圾收运协议签订")],
            id="hebei-2022-shortened",
        ),
    ],
)
def test_a_clause_without_a_figure_is_drafted_by_rules_2_to_4(sentence, role, expected):
    assert drafted(sentence, (), role) == expected


def test_a_quote_that_would_stand_twice_takes_the_clauses_before_it():
    """hebei-2022 writes 国家级高新技术企业130家 in its main goals and again in 三（一）1."""
    sentence = "力争到2025年，入库国家科技型中小企业达到270家，国家级高新技术企业130家"
    document = "到2025年，发展质效显著提高，国家级高新技术企业130家。" + sentence
    (_, second) = targets.sentence_targets("x", "三", sentence, matchable=document)
    assert second.row["quote"] == "入库国家科技型中小企业达到270家，国家级高新技术企业130家"


@pytest.mark.parametrize(
    ("clause", "years"),
    [
        ("到2025年", (2025,)),
        ("力争到2025年底全省生物质发电装机规模达到300万千瓦", (2025,)),
        ("陆路交通运输石油消费力争2030年前达到峰值", (2030,)),
        ("十四五期间", (2025,)),
        ("“十五五”时期逐步减少", (2030,)),
        ("力争在“十五五”末建成蓟州抽水蓄能电站", (2030,)),
        ("十四五、十五五期间分别新增水电装机容量", (2025, 2030)),
        ("于2024年1月15日前报市发展改革委", (2024,)),
        ("2023年完成政务云平台基础架构", (2023,)),
        ("单位地区生产总值能耗比2020年下降14%", None),
        ("在2020年的基础上单位建筑面积能耗下降5%", None),
        ("以北京2022年冬奥会和冬残奥会为标杆", None),
        ("2022年12月29日", None),
    ],
)
def test_deadlines_are_years_and_periods_not_base_years_names_or_dates(clause, years):
    found = dates.deadlines(clause)
    assert (found[-1].years if found else None) == years


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50%", ("new-buildings", "新建公共机构建筑、新建厂房")),
        ("到2025年，城镇新建建筑中绿色建筑面积占比达到100%", ("new-buildings", "城镇新建建筑")),
        ("到2025年，星级绿色建筑占城镇新建民用建筑面积比力争达到30%", ("new-buildings", "城镇新建民用建筑")),
        ("新建大型、超大型数据中心电能利用效率不超过1.3", ("new-buildings", "新建大型、超大型数据中心")),
        ("到2025年，新建居住建筑执行绿色建筑二星级及以上标准", ("new-buildings", "新建居住建筑")),  # beijing:101
        ("到2025年，数据中心电能利用效率普遍不超过1.5", ("group", "数据中心")),
        ("全区公共机构用能效率持续提升", ("group", "公共机构")),
        ("力争80%以上的处级及以上机关达到节约型机关创建要求", ("group", "处级及以上机关")),
        ("示范小区撤桶率达50%", ("group", "示范小区")),
        ("重点耗能行业能源利用效率达到国际先进水平", ("group", "重点耗能行业")),
        ("到2030年，省级以上重点产业园区全部实施循环化改造", ("group", "省级以上重点产业园区")),
        ("全区示范街道比例达到30%", ("district", "")),
        ("将年综合能耗超过5000吨标准煤的数据中心全部纳入重点用能单位能耗在线监测系统", ("district", "")),
        ("到2025年，新增绿色建筑面积达到20万平方米", ("district", "")),
        ("城市生活垃圾资源化利用比例提升至80%左右", ("district", "")),
    ],
)
def test_scope_is_proposed_from_the_subject_that_opens_the_clause(clause, expected):
    assert scope.scope(clause) == expected


@pytest.mark.parametrize(
    ("clause", "result"),
    [
        ("十五五时期逐步减少", True),
        ("逐步完善城市公路充换电和加氢网络", True),
        ("到2025年，城镇新建建筑全面执行绿色建筑标准", True),
        ("到2025年，国家生态园林城市建设继续走在前列", True),
        ("推动氢燃料汽车规模化应用", False),
        ("市管企业率先实施可再生能源替代行动", False),
        ("为实现碳达峰奠定坚实基础", False),
        ("到2025年，", False),
    ],
)
def test_a_result_is_told_from_an_action(clause, result):
    assert commitments.is_result(clause) is result


def test_a_fraction_in_words_is_a_share():
    (share,) = figures.figures("压减至原来的三分之二")
    assert (share.value, share.unit) == ("66.67", "%")


def test_without_an_outline_targets_are_drafted_with_an_empty_section():
    """beijing.txt 23 and 25 as a document of their own: no 一、 nor （一） to place them in."""
    lines = (Path(__file__).parent.parent / "benchmarks" / "drafter-corpus" / "beijing.txt").read_text("utf-8")
    document = "\n".join(lines.splitlines()[22:25:2])
    proposals = targets.propose_targets("x", Source.decode(document.encode()))
    assert {p.row["section"] for p in proposals} == {""}
    assert [(p.row["value"], p.row["kind"], p.row["target_year"]) for p in proposals] == [
        ("14.4", "quantitative", "2025"),
        ("14", "quantitative", "2025"),
        ("", "defers-to-city", "2025"),
        ("25", "quantitative", "2030"),
        ("", "defers-to-city", "2030"),
        ("", "qualitative", "2030"),
    ]


@pytest.mark.parametrize(
    ("clause", "subjects"),
    [
        ("清洁低碳安全高效的能源体系初步建立", ["energy system"]),  # national-2021:21
        ("安全韧性低碳的能源体系建设取得阶段性进展", ["energy system"]),  # beijing:22
        ("碳达峰、碳中和的法规政策标准体系基本健全", ["policy system"]),  # beijing:24
        ("非化石能源消费比重、林木覆盖率持续提升", ["non-fossil share"]),  # jiangsu:23
        ("全省绿色低碳循环发展经济体系初步形成", []),  # jiangsu:20: an economic system is none of them
        ("二氧化碳排放增量得到有效控制", []),  # jiangsu:20: the increase, not the intensity
        # the same subjects as other plans write them
        ("单位生产总值能耗和二氧化碳排放持续下降", ["energy intensity", "carbon intensity"]),
        ("能耗强度和碳排放强度持续下降", ["energy intensity", "carbon intensity"]),
        ("非化石能源占一次能源消费比重进一步提高", ["non-fossil share"]),
        ("确保全省碳排放在2030年前达峰", ["carbon peak"]),
    ],
)
def test_main_goal_subjects_are_read_as_plans_write_them(clause, subjects):
    assert commitments.goal_subjects(clause) == subjects


@pytest.mark.parametrize(
    ("clause", "unit"),
    [
        ("煤电机组供电煤耗下降至290克/千瓦时左右", "克/千瓦时"),  # jiangsu:104
        ("到2025年，全省新型储能装机规模达到260万千瓦时左右", "万千瓦时"),  # jiangsu:121
        ("节能环保产业主营业务收入力争达1.4万亿元", "万亿元"),  # jiangsu:61
        ("单位地区生产总值能耗达到0.35吨标准煤/万元", "吨标准煤/万元"),  # a rate per unit of output, kept whole
    ],
)
def test_a_unit_is_kept_whole(clause, unit):
    (found,) = [f for f in figures.figures(clause) if figures.is_target(clause, f)]
    assert found.unit == unit


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        ("单位国内生产总值能源消耗比2020年下降13.5%", "decrease"),  # national-2021:20
        ("煤电机组供电煤耗下降至290克/千瓦时左右", "level"),  # jiangsu:104: down to a level
        ("十四五期间，集装箱铁水联运量年均增长15%以上", "increase"),  # national-2021:173
        ("到2025年，新增热泵供暖应用建筑面积4500万平方米", "increase"),  # beijing:110
        ("新建公共机构建筑、新建园区、新建厂房屋顶光伏覆盖率不低于50%", "level"),  # beijing:105: a share
        ("到2025年，力争累计推广超低能耗建筑规模达到500万平方米", "level"),  # beijing:103: a total
        ("到2030年，工业和建筑业增加值预计达到43亿元左右", "level"),  # hedong-2023: 增加值 is no increase
    ],
)
def test_the_direction_of_a_figure_is_that_of_the_verb_that_bears_on_it(clause, direction):
    (proposal,) = targets.sentence_targets("x", "三", clause)
    assert (proposal.row["kind"], proposal.row["direction"]) == ("quantitative", direction)


@pytest.mark.parametrize(
    "sentence",
    [
        "十三五期间，全省单位地区生产总值能耗累计下降18%，非化石能源消费比重提高到20%",  # gold README's example
        "全省单位地区生产总值能耗下降了18%",
        "2020年，全省森林覆盖率达到24%",
        "截至2020年底，已建成充电桩5万台",
    ],
)
def test_what_has_been_done_is_no_commitment(sentence):
    assert drafted(sentence) == []


def test_a_period_that_is_the_base_of_a_change_is_no_achievement():
    assert drafted("到2025年，单位地区生产总值能耗比十三五末下降14%") == [
        figure("14", "%", "eq", "2025", "", "到2025年，单位地区生产总值能耗比十三五末下降14%")
    ]


def test_in_the_main_goals_a_line_takes_the_deadline_of_the_lines_before_it():
    """One sentence to a line (jiangsu.txt 21 and 20): the main goals go period by period, their paragraphs lost."""
    document = (
        "一、总体要求\n坚持系统观念\n二、主要目标\n到2025年，单位地区生产总值能耗比2020年下降14%\n"
        "重点行业能源利用效率大幅提高\n三、重点任务\n（一）工业领域达峰专项行动\n加快传统产业转型升级\n"
    )
    found = [
        (p.row["quote"], p.row["target_year"]) for p in targets.propose_targets("x", Source.decode(document.encode()))
    ]
    assert found == [
        ("到2025年，单位地区生产总值能耗比2020年下降14%", "2025"),
        ("重点行业能源利用效率大幅提高", "2025"),
    ]
