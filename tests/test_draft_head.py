"""The plan row from the head of a document in its common forms (generator/draft/head.py): the plan's title alone
on the first line, a notice that issues the plan, the document number and date on lines of their own (the date
in figures or in numerals), an attachment heading before the plan's title, and a saved web page's index of the
document before the notice. The heads are small and invented, or the first line of the drafter's corpus."""

from __future__ import annotations

import pytest
from conftest import FIXTURE

from generator import cli
from generator.base.paths import ROOT
from generator.draft import head

CORPUS = ROOT / "benchmarks" / "drafter-corpus"
FIELDS = ("title", "issuer", "issue_date", "doc_number", "publication_note")
BODY = "为深入贯彻党中央、国务院关于碳达峰、碳中和的重大战略决策，制定本方案。\n一、总体要求\n"
BEIJING = "北京市碳达峰实施方案"
NOTICE = """北京市人民政府关于印发《北京市碳达峰实施方案》的通知
{number}
各区人民政府，市政府各委、办、局，各市属机构：
现将《北京市碳达峰实施方案》印发给你们，请认真贯彻落实。
{attachments}北京市人民政府
{date}
（此件公开发布）
{heading}北京市碳达峰实施方案
"""


def plan_row(text: str) -> tuple[str, ...]:
    row = head.propose_plan(text, [], None)
    return tuple(row[name] for name in FIELDS)


@pytest.mark.parametrize("name", ["beijing.txt", "jiangsu.txt", "national-2021.txt"])
def test_a_title_alone_on_the_first_line_is_the_plans_title(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    first_line = text.splitlines()[0]
    assert plan_row(text) == (first_line, "", "", "", "")


@pytest.mark.parametrize(
    ("number", "date", "expected_date"),
    [
        ("京政发〔2022〕31号", "2022年10月11日", "2022-10-11"),
        ("京政发〔2022〕31号", "二〇二二年十月十一日", "2022-10-11"),
        ("京政发[2022]31号", "二○二二年十月十一日", "2022-10-11"),
        ("京政发（2022）31号", "2022年 10月 9日", "2022-10-09"),
        ("", "二〇二二年十二月三十一日", "2022-12-31"),
    ],
)
def test_a_notice_gives_its_issuer_number_and_signature_date(number, date, expected_date):
    text = NOTICE.format(number=number, attachments="", date=date, heading="") + BODY
    assert plan_row(text) == (BEIJING, "北京市人民政府", expected_date, number, "此件公开发布")


@pytest.mark.parametrize("heading", ["附件\n", "附件1\n", "附件1：", "附件一："])
def test_an_attachment_heading_and_the_notices_list_of_attachments_do_not_cut_the_head(heading):
    attachments = "附件：北京市碳达峰实施方案\n"  # the notice lists its attachment before its signature
    text = NOTICE.format(number="京政发〔2022〕31号", attachments=attachments, date="2022年10月11日", heading=heading)
    assert plan_row(text + BODY) == (BEIJING, "北京市人民政府", "2022-10-11", "京政发〔2022〕31号", "此件公开发布")


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("北京市碳达峰实施方案\n京政发〔2022〕31号\n2022年10月11日\n", ("京政发〔2022〕31号", "2022-10-11")),
        ("北京市碳达峰实施方案\n（二〇二二年十月十一日）\n", ("", "2022-10-11")),
        ("附件1\n北京市碳达峰实施方案\n", ("", "")),
        ("附件1：北京市碳达峰实施方案\n（2022年10月11日印发）\n", ("", "2022-10-11")),
        ("京政发〔2022〕31号\n\n  北京市碳达峰实施方案  \n", ("京政发〔2022〕31号", "")),
    ],
)
def test_a_plan_without_a_notice_has_its_number_and_date_above_or_under_its_title(top, expected):
    number, date = expected
    assert plan_row(top + BODY) == (BEIJING, "", date, number, "")


def test_the_head_of_a_saved_page_passes_over_the_index_of_the_document():
    """A government page shows its index of the document (索引号, 发文机关, 成文日期) above the notice."""
    index = "索引号：\n11110000MB0000000X/2022-00031\n发文机关：\n北京市人民政府\n成文日期：\n2022年10月11日\n"
    text = index + NOTICE.format(number="京政发〔2022〕31号", attachments="", date="2022年10月11日", heading="")
    assert plan_row(text + BODY) == (BEIJING, "北京市人民政府", "2022-10-11", "京政发〔2022〕31号", "此件公开发布")


def test_a_number_the_notice_cites_is_not_its_own():
    text = (
        "市发展改革委关于印发《天津市碳达峰试点建设方案》的通知\n各区发展改革委：\n"
        "为深入贯彻落实《天津市碳达峰实施方案》（津政发〔2022〕18号）有关部署安排，现将《天津市碳达峰试点建设方案》"
        "印发给你们，请认真组织实施。\n2023年12月28日\n天津市碳达峰试点建设方案\n" + BODY
    )
    assert plan_row(text) == ("天津市碳达峰试点建设方案", "市发展改革委", "2023-12-28", "", "")


def test_a_broken_notice_title_still_names_its_issuer():
    """A PDF breaks the notice's title over lines, in the middle of the issuer's name too."""
    text = "天津市西青区人民\n\n政府关于印发天津市西青区碳达峰实施方案的通知\n\n2023年 4月 28日\n"
    text += "天津市西青区碳达峰实施方案\n"
    assert plan_row(text + BODY)[:3] == ("天津市西青区碳达峰实施方案", "天津市西青区人民政府", "2023-04-28")


def test_text_that_is_no_title_is_not_taken_for_one():
    assert plan_row("各区人民政府：\n" + BODY)[0] == ""
    assert plan_row("一、总体要求\n以测试为目的编写本方案。\n")[0] == ""


def test_a_plan_dated_in_numerals_is_drafted_and_its_date_found_in_its_source(fixture_project, tmp_path, capsys):
    """Validation finds the plan's date in the source as the source prints it, here 二〇二四年三月八日."""
    text = (FIXTURE / "bing-2024.txt").read_text(encoding="utf-8").replace("2024年 3月 8日", "二〇二四年三月八日")
    document = tmp_path / "bing.txt"
    document.write_text(text, encoding="utf-8")
    assert cli.main(["--root", str(fixture_project.root), "draft", str(document)]) == 0, capsys.readouterr().err
    plans = (fixture_project.drafts_dir / "bing-2024" / "plans.csv").read_text(encoding="utf-8")
    assert ",2024-03-08," in plans
