"""Which clauses without a figure are commitments (the methodology's 什么算一条承诺, rules 2–4).

Pure: a clause in, a decision out. Rule 2: a clause that completes a target assigned from above (完成国家下达的
目标, 确保完成省下达指标, 落实国家下达的…权重) defers, dated or not. Rule 3, in the key tasks: a dated clause
that states a result or a direction (城市生活垃圾分类体系基本健全, 建筑领域碳排放持续下降), not one that
states an action (推动氢燃料汽车规模化应用). Rule 4, in the main goals: a dated clause only when its subject is
one of the listed results, one row for each (单位地区生产总值能耗和二氧化碳排放持续下降 is two).
"""

from __future__ import annotations

import re

DEFERS = re.compile(r"(?:完成|落实)[^，。；;]*?下达")
# What has been done is no commitment (十三五期间…下降了18%, 2020年，…达到…, 已建成…): the past in a clause.
PAST = re.compile(
    r"(?<![比较])十[一二三]五|(?:下降|降低|减少|提高|提升|增长|达到|完成|超过|突破|建成|累计)了|已经|已(?:建成|完成|达到|实现|累计)|"
    r"^[\s“]*(?:截至|到)?\s*20(?:[01]\d|20)\s*年(?:底|末)?(?:[，,]|$)"
)
PURPOSE = re.compile(r"^\s*(?:为|以)")  # 为实现碳达峰奠定坚实基础: what the goals serve, no goal of its own
# The subjects rule 4 records in the main goals, by name (the name says which row is which).
GDP = r"单位(?:地区|国内)?(?:生产总值|GDP)"
GOAL_SUBJECTS = (
    ("energy intensity", re.compile(rf"{GDP}(?:能源消耗|能耗)|能耗强度")),
    ("carbon intensity", re.compile(rf"{GDP}(?:(?:能源消耗|能耗)(?:和|及|、))?二氧化碳排放|(?:二氧化)?碳排放强度")),
    ("non-fossil share", re.compile(r"非化石能源(?:消费)?(?:比重|占比)|非化石能源占[^，；;]{0,8}?比重")),
    ("coal consumption", re.compile(r"煤炭消费|煤炭占[^，；;]{0,8}?比重")),
    (
        "key sectors' energy efficiency",
        re.compile(r"重点(?:行业|企业|耗能行业|用能单位)[^，；;]{0,10}?(?:能源利用效率|能效)"),
    ),
    ("energy system", re.compile(r"能源体系")),
    ("low-carbon model", re.compile(r"低碳发展模式")),
    ("policy system", re.compile(r"政策[^，；;经]{0,4}?体系")),
    (
        "carbon peak",
        re.compile(r"实现[^，；;]{0,12}?碳达峰|达到峰值|碳达峰目标|(?:二氧化)?碳排放[^，；;]{0,12}?达峰"),
    ),
)
# What a clause does: an action (推动…, 加快…, 市管企业率先实施…行动) or a result (…基本健全, 实现…, 逐步完善…).
ADVERBS = re.compile(r"^(?:率先|全面|大力|积极|有序|稳步|持续|进一步|逐步|着力|深入|不断|切实|重点|严格|合理|要|还要)+")
ACTION = re.compile(
    r"推动|推进|加快|实施|开展|加强|强化|支持|鼓励|引导|制定|研究|探索|深化|组织|落实|坚持|发挥|统筹|优化|打造|"
    r"培育|布局|构建|推广|发展|倡导|谋划|部署|做好|抓好|促进|建设|创建|谋划|争创|配合|协助|指导"
)
RESULT = re.compile(
    r"实现|达到|建成|形成|健全|覆盖|峰值|得到|取得|执行|走在|使用|下降|增长|减少|提高|提升|完善|巩固|扩大|建立|淘汰|"
    r"完成|控制|成效|进展|前列|水平"
)
LEADING = re.compile(  # the deadline a clause opens with: 力争到2025年, 2030年前, “十四五”时期
    r"^[\s“]*(?:力争|争取|确保|原则上|基本)*(?:到|至|于|在|截至)?\s*"
    r"(?:20[2-6]\d\s*年(?:底|末)?(?:前|以前|之前)?|“?十[四五六]五”?(?:期间|期末|末|时期|内))?"
)
HEDGED = re.compile(r"^(?:力争|争取|确保|原则上|基本)+")


def past(clause: str) -> bool:
    """Whether the clause tells what has been done."""
    return bool(PAST.search(clause))


def defers(clause: str) -> bool:
    return bool(DEFERS.search(clause))


def goal_subjects(clause: str) -> list[str]:
    """The rule-4 subjects the clause states a result for, in the order of GOAL_SUBJECTS (none for a purpose)."""
    if PURPOSE.match(clause):
        return []
    return [name for name, pattern in GOAL_SUBJECTS if pattern.search(clause)]


def is_result(clause: str) -> bool:
    """Whether the clause states a result or a direction, not an action to take or a purpose (rule 3)."""
    body = ADVERBS.sub("", HEDGED.sub("", re.sub(r"[\s，,：:；;。“”]", "", LEADING.sub("", clause))))
    if not body or PURPOSE.match(body):
        return False
    if ACTION.match(body):
        return False
    return bool(RESULT.search(body)) or not ACTION.search(body)
