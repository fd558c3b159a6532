"""The drafter end to end: a small new document (tests/fixture/bing-2024.txt, invented like the fixture package,
with a PDF page number and stray spaces) drafted into the fixture project, some rows accepted, the site built."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import FIXTURE, tree_digest

from generator import cli, pipeline
from generator.base import i18n
from generator.base.paths import Paths
from generator.base.problems import InvalidPackage
from generator.draft import accept, head, package, propose, targets
from generator.package import load
from generator.pages import text

DOCUMENT = FIXTURE / "bing-2024.txt"
PLAN = "bing-2024"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, table: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def review(paths: Paths, name: str, decide) -> None:
    """Mark each row of a draft table accepted or rejected, as ``decide(row)`` says."""
    path = paths.drafts_dir / PLAN / f"{name}.csv"
    table = rows(path)
    for row in table:
        row["review"] = decide(row)
    write(path, table)


@pytest.fixture
def drafted(fixture_project: Paths) -> Paths:
    assert cli.main(["--root", str(fixture_project.root), "draft", str(DOCUMENT)]) == 0
    return fixture_project


def test_a_draft_proposes_every_row_pending_and_keeps_its_source(drafted):
    folder = drafted.drafts_dir / PLAN
    plan = rows(folder / "plans.csv")[0]
    assert (plan["title"], plan["issuer"], plan["issue_date"]) == ("丙区碳达峰实施方案", "丙区人民政府", "2024-03-08")
    assert (plan["district_code"], plan["publication_note"]) == ("990103", "此件主动公开")
    assert (drafted.drafts_dir / PLAN / "source.txt").read_bytes() == DOCUMENT.read_bytes()
    assert plan["source_file"] == "sources/bing-2024.txt"  # where it goes when the plan row is accepted, not before
    assert not (drafted.package_dir / "sources" / "bing-2024.txt").exists()
    measures = rows(folder / "measures.csv")
    assert [(m["section"], m["title"]) for m in measures] == [
        ("三（一）1", "发展光伏发电"),
        ("三（一）2", "推进清洁供热"),
        ("三（二）1", "创建绿色社区"),
        ("四（一）", "加强统筹协调"),
    ]
    links = rows(folder / "measure_agencies.csv")
    assert [(m["name_as_printed"], m["role"]) for m in links if m["measure_id"] == measures[0]["measure_id"]] == [
        ("区发展改革委", "shared"),
        ("区住房建设委", "shared"),
        ("区能源办", "shared"),  # not in the fixture's agencies: proposed as a new one
    ]
    assert [a["name_zh"] for a in rows(folder / "agencies.csv")] == ["区能源办"]
    targets = {t["quote"]: t for t in rows(folder / "targets.csv")}
    # 到 2025 年 stands with spaces in the document, and 20万平方米 after a page number; a quote is its own clause
    rooftop = targets["屋顶光伏覆盖率不低于25%"]
    assert (rooftop["indicator_id"], rooftop["comparator"], rooftop["value"], rooftop["unit"]) == (
        "rooftop-pv-coverage",
        "ge",
        "25",
        "%",
    )
    area = targets["到2025年，新增绿色建筑面积达到20万平方米"]
    assert (area["section"], area["target_year"], area["value"]) == ("三（一）1", "2025", "20")
    communities = targets["到2025年，创建绿色社区10个左右"]
    assert (communities["hedge"], communities["indicator_id"]) == ("左右", "green-communities")
    boilers = targets["到2027年，燃煤锅炉全部完成清洁能源替代"]  # 全部 is a figure in words: 100 %
    assert (boilers["kind"], boilers["value"], boilers["unit"]) == ("quantitative", "100", "%")
    assert targets["到2030年，力争实现碳达峰"]["kind"] == "qualitative"  # a main goal (rule 4)
    every_row = [r for name in ("plans", "chapters", "measures", "targets") for r in rows(folder / f"{name}.csv")]
    assert {r["review"] for r in every_row} == {"pending"}
    assert not any("drafts/" in path for path in load.load(drafted).files)  # a draft is no input of the build


def test_accepted_rows_are_published_with_fresh_ids_and_the_site_builds(drafted):
    def everything(row):
        return "accepted"

    for name in ("plans", "agencies", "chapters", "measures", "measure_agencies"):
        review(drafted, name, everything)
    review(drafted, "indicators", lambda row: "rejected")
    review(drafted, "targets", lambda row: "accepted" if row["value"] in ("25", "20") else "rejected")
    before = {name: (drafted.package_dir / "data" / f"{name}.csv").read_bytes() for name in ("plans", "targets")}
    assert cli.main(["--root", str(drafted.root), "draft", "--accept", PLAN]) == 0
    for name, content in before.items():  # the published rows stay byte for byte; the accepted ones follow
        assert (drafted.package_dir / "data" / f"{name}.csv").read_bytes().startswith(content)
    assert (drafted.package_dir / "sources" / "bing-2024.txt").read_bytes() == DOCUMENT.read_bytes()
    published = rows(drafted.package_dir / "data" / "targets.csv")
    mine = [t for t in published if t["plan_id"] == PLAN]
    assert [(t["target_id"], t["value"]) for t in mine] == [("bing-2024-t001", "25"), ("bing-2024-t002", "20")]
    assert {(t["statement_en"], t["translation"]) for t in mine} == {("", "")}
    assert "review" not in published[0]
    left = rows(drafted.drafts_dir / PLAN / "targets.csv")
    assert {t["review"] for t in left} == {"rejected"}
    pipeline.build(drafted)
    page = (drafted.site_dir / "plans" / PLAN / "index.html").read_text(encoding="utf-8")
    assert "丙区碳达峰实施方案" in page and "屋顶光伏覆盖率不低于25%" in page
    english = (drafted.site_dir / "en" / "plans" / PLAN / "index.html").read_text(encoding="utf-8")
    # no English yet: the Chinese stands in its place, marked as Chinese, and says the translation is pending
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", english).group(1)
    assert (
        html.unescape(re.sub(r"<a .*", "", heading)) == "<span lang=zh>丙区碳达峰实施方案</span> (translation pending)"
    )
    # a target's English statement, not written yet, says so beside its Chinese quote
    row = re.search(r'<tr id="bing-2024-t001".*?</tr>', english).group()
    assert "<td>translation pending</td>" in row and "屋顶光伏覆盖率不低于25%" in row


def test_an_accepted_row_that_needs_a_rejected_one_is_not_published(drafted):
    review(drafted, "measures", lambda row: "rejected")
    review(drafted, "targets", lambda row: "accepted")
    before = (drafted.package_dir / "data" / "targets.csv").read_bytes()
    with pytest.raises(InvalidPackage) as error:
        accept.accept(drafted, PLAN)
    named = {(p.file, p.row, p.field) for p in error.value.problems}
    assert (f"datapackage/drafts/{PLAN}/targets.csv", 5, "measure_id") in named
    assert (drafted.package_dir / "data" / "targets.csv").read_bytes() == before


def test_a_plan_already_published_is_not_drafted_again(fixture_project, capsys):
    jia = fixture_project.package_dir / "sources" / "jia-2023.txt"
    assert cli.main(["--root", str(fixture_project.root), "draft", str(jia)]) == 1
    assert "jia-2023 is already published" in capsys.readouterr().err
    assert not fixture_project.drafts_dir.exists()


@pytest.mark.parametrize(
    ("head_text", "expected"),
    [
        ("甲区人民政府关于印发", "甲区人民政府"),
        ("#市发展改革委关于印发《示例市碳达峰试点建设方案》的通知", "市发展改革委"),
    ],
)
def test_the_issuer_is_who_issues_the_notice(head_text, expected):
    assert head.issuer(head_text) == expected


def test_a_field_without_english_shows_its_chinese_marked_and_says_the_translation_is_pending():
    untranslated = SimpleNamespace(title="丙区碳达峰实施方案", title_en=None)
    shown = i18n.localised("en", untranslated, "title", pending="translation pending")
    assert text.cell(shown) == "<span lang=zh>丙区碳达峰实施方案</span> &#40;translation pending&#41;"
    assert i18n.localised("zh", untranslated, "title") == "丙区碳达峰实施方案"
    translated = SimpleNamespace(title="甲区碳达峰实施方案", title_en="Jia District Carbon Peaking Plan")
    assert text.cell(i18n.localised("en", translated, "title", pending="x")) == "Jia District Carbon Peaking Plan"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("到2025年，全区新增培育绿色工厂3—5家", ("range", "", "3", "5", "家", "2025", "", "increase")),
        ("到2030年，非化石能源消费比重达到16%以上", ("ge", "16", "", "", "%", "2030", "", "level")),
        ("到2025年，数据中心电能利用效率不超过1.3", ("le", "1.3", "", "", "", "2025", "", "level")),
        ("力争每年新增充电桩约200台", ("eq", "200", "", "", "台", "", "力争、约", "increase")),
        ("到2025年，能耗比2020年下降5%左右", ("eq", "5", "", "", "%", "2025", "左右", "decrease")),
    ],
)
def test_a_figure_is_proposed_with_its_comparator_unit_year_and_hedges(sentence, expected):
    (proposal,) = targets.sentence_targets(PLAN, "二", sentence)
    row = proposal.row
    fields = ("comparator", "value", "value_min", "value_max", "unit", "target_year", "hedge", "direction")
    assert tuple(row[name] for name in fields) == expected
    assert (row["kind"], row["quote"]) == ("quantitative", sentence)


def test_a_baseline_and_a_yearly_figure_are_read_as_such():
    (proposal,) = targets.sentence_targets(PLAN, "二", "在2020年的基础上单位建筑面积能耗每年下降1%")
    assert (proposal.row["baseline_year"], proposal.row["target_year"], proposal.row["per_year"]) == (
        "2020",
        "",
        "true",
    )


@pytest.mark.parametrize(
    "sentence",
    ["甲区划定3个生态环境分区管控单元", "将年综合能耗超过5000吨标准煤的数据中心全部纳入监测", "2024年3月8日印发"],
)
def test_a_figure_that_describes_is_no_target(sentence):
    assert targets.sentence_targets(PLAN, "二", sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind", "hedge"),
    [("到2025年，基本建成“无废城市”", "qualitative", "基本"), ("到2030年，完成市下达的目标", "defers-to-city", "")],
)
def test_a_dated_commitment_without_a_figure_is_proposed(sentence, kind, hedge):
    (proposal,) = targets.sentence_targets(PLAN, "二", sentence)
    assert (proposal.row["kind"], proposal.row["hedge"], proposal.row["quote"]) == (kind, hedge, sentence)


def test_a_draft_is_checked_like_the_published_tables_and_named_by_its_own_rows(fixture_project):
    descriptor = json.loads(fixture_project.descriptor_path.read_text(encoding="utf-8"))
    reference = {n: package.read_csv(fixture_project.package_dir / "data" / f"{n}.csv") for n in package.REFERENCE}
    draft = propose.propose(DOCUMENT.read_bytes(), reference)
    assert package.check_draft(descriptor, reference, draft) == []
    draft.tables["targets"][1]["quote"] = "到2025年，屋顶光伏覆盖率不低于35%"
    draft.tables["agencies"][0]["kind"] = "ministry"
    found = {(p.file, p.row, p.field, p.type) for p in package.check_draft(descriptor, reference, draft)}
    assert found == {
        (f"datapackage/drafts/{PLAN}/targets.csv", 3, "quote", "not-in-source"),
        (f"datapackage/drafts/{PLAN}/agencies.csv", 2, "kind", "constraint-error"),
    }


@pytest.mark.parametrize("plan_id", ["../data", "..", "a/b", "UPPER", "x y"])
def test_a_plan_id_that_is_no_plan_id_writes_nothing(fixture_project, capsys, plan_id):
    before = tree_digest(fixture_project.root)
    assert cli.main(["--root", str(fixture_project.root), "draft", str(DOCUMENT), "--plan-id", plan_id]) == 1
    assert "is not a plan id" in capsys.readouterr().err
    assert tree_digest(fixture_project.root) == before


def test_an_absolute_plan_id_writes_nothing(fixture_project, tmp_path_factory, capsys):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "plan"
    before = tree_digest(fixture_project.root)
    assert cli.main(["--root", str(fixture_project.root), "draft", str(DOCUMENT), "--plan-id", str(elsewhere)]) == 1
    assert "is not a plan id" in capsys.readouterr().err
    assert tree_digest(fixture_project.root) == before and not elsewhere.exists()


@pytest.mark.parametrize("plan_id", ["../data", "/tmp"])
def test_accepting_a_plan_id_that_is_no_plan_id_writes_nothing(drafted, capsys, plan_id):
    before = tree_digest(drafted.root)
    assert cli.main(["--root", str(drafted.root), "draft", "--accept", plan_id]) == 1
    assert "is not a plan id" in capsys.readouterr().err
    assert tree_digest(drafted.root) == before


@pytest.mark.parametrize("source_file", ["../../outside.txt", "/tmp/outside-{}.txt", "sources/../../x.txt"])
def test_a_draft_whose_source_file_leads_outside_writes_nothing(drafted, tmp_path, source_file):
    source_file = source_file.format(tmp_path.name)
    review(drafted, "plans", lambda row: "accepted")
    table = rows(drafted.drafts_dir / PLAN / "plans.csv")
    table[0]["source_file"] = source_file
    write(drafted.drafts_dir / PLAN / "plans.csv", table)
    before = tree_digest(drafted.root)
    with pytest.raises(InvalidPackage) as error:
        accept.accept(drafted, PLAN)
    assert [(p.file, p.row, p.field) for p in error.value.problems] == [
        (f"datapackage/drafts/{PLAN}/plans.csv", 2, "source_file")
    ]
    assert tree_digest(drafted.root) == before
    assert not (drafted.package_dir / source_file).exists()


def test_accepting_rows_validation_refuses_writes_nothing_and_names_the_draft_row(drafted):
    for name in ("plans", "chapters", "measures"):
        review(drafted, name, lambda row: "accepted")
    table = rows(drafted.drafts_dir / PLAN / "targets.csv")
    table[1]["review"], table[1]["quote"] = "accepted", "这句话不在原文里"
    write(drafted.drafts_dir / PLAN / "targets.csv", table)
    before = tree_digest(drafted.root)
    with pytest.raises(InvalidPackage) as error:
        accept.accept(drafted, PLAN)
    named = {(p.file, p.row, p.field, p.type) for p in error.value.problems}
    assert (f"datapackage/drafts/{PLAN}/targets.csv", 3, "quote", "not-in-source") in named
    assert tree_digest(drafted.root) == before


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "the file is empty"),
        (b"\n \n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a binary file"),
        ("丙区碳达峰实施方案".encode("gbk"), "not UTF-8 (it reads as GB18030/GBK)"),
        ("丙区碳达峰实施方案".encode("utf-16"), "UTF-16 text"),
    ],
)
def test_a_document_that_is_not_utf8_text_is_refused_and_no_draft_is_written(
    fixture_project, tmp_path, capsys, content, says
):
    document = tmp_path / "plan.txt"
    document.write_bytes(content)
    assert cli.main(["--root", str(fixture_project.root), "draft", str(document)]) == 1
    error = capsys.readouterr().err
    assert str(document) in error and says in error
    assert not fixture_project.drafts_dir.exists()


def test_a_preview_builds_the_drafts_pages_as_published_and_lists_its_rows_least_confident_first(drafted):
    published = tree_digest(drafted.package_dir / "data")
    table = rows(drafted.drafts_dir / PLAN / "targets.csv")
    table[0]["review"] = "rejected"
    table[1]["quote"] = "这句话不在原文里"  # validation refuses it: left out of the preview, and said why
    write(drafted.drafts_dir / PLAN / "targets.csv", table)
    assert cli.main(["--root", str(drafted.root), "draft", "--preview", PLAN]) == 0
    preview = drafted.drafts_dir / PLAN / "preview"
    plan_page = (preview / "plans" / PLAN / "index.html").read_text(encoding="utf-8")
    source_page = (preview / "sources" / PLAN / "index.html").read_text(encoding="utf-8")
    shown = [t for t in table[2:]]
    for target in shown:  # every row not rejected and valid is on the plan's page and marked in its passage
        assert f'id="{target["target_id"]}"' in plan_page
        assert re.search(rf'<mark class="passage" data-targets="[^"]*\b{target["target_id"]}\b', source_page)
    assert table[0]["target_id"] not in plan_page and table[1]["target_id"] not in plan_page
    review_page = (preview / "review.html").read_text(encoding="utf-8")
    listed = re.findall(r"<tr><td>([\d.]+)</td><td><a href='plans/bing-2024/index.html#([^']+)'>", review_page)
    assert sorted(t["target_id"] for t in shown) == sorted(target for _, target in listed)
    assert [float(c) for c, _ in listed] == sorted(float(c) for c, _ in listed)
    assert f"sources/{PLAN}/index.html#{shown[0]['target_id']}" in review_page
    assert "Left out of the preview" in review_page and "这句话不在原文里" in review_page
    assert not drafted.site_dir.exists()  # never into site/
    assert tree_digest(drafted.package_dir / "data") == published


def fixture_reference() -> dict[str, list[dict[str, str]]]:
    return {n: package.read_csv(FIXTURE / "datapackage" / "data" / f"{n}.csv") for n in package.REFERENCE}


def test_the_account_says_how_many_rows_of_each_table_were_drafted():
    told = propose.account(propose.propose(DOCUMENT.read_bytes(), fixture_reference()))
    assert told == (
        "Drafted 1 plans, 1 agencies, 1 indicators, 3 chapters, 4 measures, 5 measure_agencies, 6 targets "
        "(5 quantitative, 1 qualitative targets)."
    )


@pytest.mark.parametrize(
    ("document", "said"),
    [
        pytest.param(
            "到2025年，可再生能源消费比重达到14.4%以上。",  # beijing.txt 23, without its outline
            "Not found: no outline: chapters and measures not drafted, targets have an empty section.",
            id="no outline",
        ),
        pytest.param(
            "一、重点任务\n（一）绿色低碳全民行动\n1.创建绿色社区。到2025年，创建绿色社区10个左右。",
            "Not found: no agency bracket closes a measure: no measure_agencies drafted.",
            id="no agency bracket",
        ),
        pytest.param(
            "一、重点任务\n（一）节能降碳增效行动\n新建通道可再生能源电量比例原则上不低于50%。（区发展改革委）",
            "Not found: no target year anywhere: every target is undated.",
            id="no target year",
        ),
    ],
)
def test_the_account_says_what_the_document_did_not_give(document, said):
    told = propose.account(propose.propose(document.encode(), fixture_reference(), plan_id="x"))
    assert said in told.splitlines()
    assert "Not found: plan row: no title, issuer, issue_date, district_code found." in told.splitlines()


def test_the_command_prints_its_account_of_the_draft(fixture_project, tmp_path, capsys):
    document = tmp_path / "plan.txt"
    document.write_text("丙区碳达峰实施方案\n到2025年，可再生能源消费比重达到14.4%以上。\n", encoding="utf-8")
    cli.main(["--root", str(fixture_project.root), "draft", str(document), "--district-code", "990103"])
    printed = capsys.readouterr()
    lines = (printed.out + printed.err).splitlines()
    assert any(line.startswith("Drafted 1 plans") and "1 targets" in line for line in lines), lines
    assert "Not found: no outline: chapters and measures not drafted, targets have an empty section." in lines


def test_a_preview_of_a_corpus_plan_builds_without_its_notice(fixture_project):
    """A plan received without its notice has no issuer or date: the preview still shows its page and passages."""
    document = Path(__file__).parent.parent / "benchmarks" / "drafter-corpus" / "jiangsu.txt"
    root = ["--root", str(fixture_project.root), "draft"]
    cli.main([*root, str(document), "--district-code", "990102", "--plan-id", "jiangsu-2022"])
    assert cli.main([*root, "--preview", "jiangsu-2022"]) == 0
    preview = fixture_project.drafts_dir / "jiangsu-2022" / "preview"
    page = (preview / "plans" / "jiangsu-2022" / "index.html").read_text(encoding="utf-8")
    source = (preview / "sources" / "jiangsu-2022" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(
        r"<tr><td>[\d.]+</td><td><a href='[^']+#(jiangsu-2022-t\d+)'>", (preview / "review.html").read_text()
    )
    assert len(shown) > 20  # most of the plan's targets are previewed (a few need action areas the fixture lacks)
    for target in shown:
        assert f'id="{target}"' in page and re.search(rf'data-targets="[^"]*\b{target}\b', source)
    assert not fixture_project.site_dir.exists()
