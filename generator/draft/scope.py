"""Whom a target applies to, proposed from the words that open its clause (the methodology's 承诺适用于谁):
new buildings or facilities (城镇新建建筑中…, 新建公共机构建筑、新建厂房屋顶光伏覆盖率…), a group (公共机构,
示范街道, 重点企业, 数据中心, 处级及以上机关, 省级以上园区…), else the whole district. The words are returned as
printed, for ``scope_as_printed``.

Pure: a clause in, (scope, words as printed) out. Only the subject that opens the clause counts: the object of a
task (建成一批公共机构试点, 将…数据中心全部纳入) leaves the target the district's, and so does a share counted over
the district (全区示范街道比例达到30%) or a new total (新建建筑面积达到…).
"""

from __future__ import annotations

import re

DISTRICT = ("district", "")
# What may stand before the subject: the deadline, a hedge, the place (全区), a count of the group (80%以上的).
OPENING = re.compile(
    r"^[\s“]*(?:(?:力争|争取|确保|原则上|其中|到|至|于|在)|20[2-6]\d\s*年(?:底|末)?前?|“?十[四五六]五”?(?:期间|期末|末|时期)"
    r"|[，,]|全区|全市|全省|区内|市内|省内|所有|各|区属|市属|省属|\d+(?:\.\d+)?%以上的)*"
)
FACILITY = r"(?:建筑|厂房|园区|数据中心|机组|通道|工程|项目)"
NEW = re.compile(
    rf"(?:城镇|国有建设用地)?新建(?:(?!执行|达到|实现|使用|力争|全面|应|要)[^，。；;中的])*{FACILITY}(?:具备条件的)?"
)
NEW_TOTAL = re.compile(r"^(?:面积|规模|数量|总量)")  # 新建建筑面积达到…: a total of the district
SHARE_OF = re.compile(r"占")  # 星级绿色建筑占城镇新建民用建筑面积比: a share within the new buildings
GROUP = re.compile(
    r"重点行业中的重点企业|重点耗能行业|重点行业|重点企业|重点用能单位|重点排放单位|公共机构(?!建筑)|处级及以上机关|"
    r"党政机关|机关单位|示范街道|示范小区|标杆小区|示范(?:区|园区|企业|单位)|数据中心|规模以上[\u4e00-\u9fff]{0,6}?企业|"
    r"试点区（园区）|试点(?:区|城市|园区|范围)|(?:中央|国有|市管|省属|市属)企业|"
    r"(?:国家级|省级|市级)(?:以上|及以上)?[\u4e00-\u9fff]{0,6}?园区"
)
COUNTED_OVER = re.compile(r"^(?:比例|数量|个数|占比|比重)")  # 示范街道比例: a share of the district's streets


def scope(clause: str) -> tuple[str, str]:
    """(scope, scope_as_printed) of a target whose clause this is."""
    opening = OPENING.match(clause)
    body_at = opening.end() if opening else 0
    body = clause[body_at:]
    new = NEW.match(body)
    if new and not NEW_TOTAL.match(body[new.end() :]):
        return "new-buildings", new.group()
    share = SHARE_OF.search(body)
    if share and (within := NEW.match(body, share.end())):
        return "new-buildings", within.group()
    group = GROUP.match(body)
    if group and not COUNTED_OVER.match(body[group.end() :]):
        return "group", group.group()
    return DISTRICT
