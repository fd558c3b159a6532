"""Every kind of bad input, in one table: the exact problems (file, row, field, type), their words, and site/ as it was.

Each case breaks a copy of the built fixture project (tests/fixture/). Row numbers are lines of its CSV files
(the header is line 1), read off the files by hand; ``test_the_rows_the_table_breaks_are_where_it_says`` fails
first if the fixture moves under them.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from conftest import cell_of, edit_cell, line_of, tree_digest

from generator import pipeline
from generator.base import sources
from generator.base.paths import Paths
from generator.base.problems import InvalidPackage

pytestmark = pytest.mark.slow
DATA = "datapackage/data"
DESCRIPTOR = "datapackage/datapackage.json"
T002 = 3  # targets.csv: jia-2023-t002, 新能源装机容量达到12万千瓦 (eq 12 万千瓦, section 二), once in its source
T004 = 5  # targets.csv: jia-2023-t004, 到2030年，可再生能源消费比重达到15%以上 (quantitative, ge 15 %)
T005 = 6  # targets.csv: jia-2023-t005, 力争2028年前实现碳达峰 (qualitative, section 二)
T006 = 7  # targets.csv: jia-2023-t006, 到2025年屋顶光伏覆盖率不低于30% (quantitative, ge 30 %, section 三（一）1)
T007 = 8  # targets.csv: jia-2023-t007, the next row
Y001 = 9  # targets.csv: yi-2023-t001, …完成市下达目标 (defers-to-city, as jia-2023-t001: …确保完成全市下达指标)
Y004 = 12  # targets.csv: yi-2023-t004, 每年新增绿色建筑2万平方米 (per year, no year, no deadline in its sentence)
Y002 = 10  # targets.csv: yi-2023-t002, 公共机构单位建筑面积能耗下降2.5%左右 (scope group, 公共机构)
ROOFTOP = 8  # indicators.csv: rooftop-pv-coverage
DESCRIPTOR_RESOURCES = 65  # datapackage.json: the line of "resources": [
C001 = 2  # citations.csv: jia-2023-c001, 为落实《示例市碳达峰实施方案》…, citing shili-carbon-peaking-plan
CITY_PLAN = 2  # documents.csv: shili-carbon-peaking-plan, 示政发〔2022〕5号, cited by jia-2023-c001 only
JIA = 2  # plans.csv: jia-2023, whose official_url is empty
JIA_SOURCE = "datapackage/sources/jia-2023.txt"
AIMS = 11  # sources/jia-2023.txt: 以测试为目的编写本方案，…, which no row quotes
ROOFTOP_LINE = 16  # sources/jia-2023.txt: …到 2025 年屋顶光伏覆盖, where jia-2023-t006's quote begins
YI = 3  # plans.csv: yi-2023
Y_NEW = 14  # targets.csv: the line after yi's last row (yi-2023-t005), where a case adds one


def data_file(paths: Paths, name: str):
    return paths.package_dir / "data" / f"{name}.csv"


def save_as_gbk(name: str) -> Callable[[Paths], None]:
    def breaks(paths: Paths) -> None:
        path = data_file(paths, name)
        path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))

    return breaks


def add_bom(name: str) -> Callable[[Paths], None]:
    def breaks(paths: Paths) -> None:
        path = data_file(paths, name)
        path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())

    return breaks


def set_cell(resource: str, line: int, field: str, value: str) -> Callable[[Paths], None]:
    return lambda paths: edit_cell(paths, resource, line, field, value)


def plant(resource: str, line: int, field: str, after: str, char: str) -> Callable[[Paths], None]:
    """Write ``char`` into a cell, right after the words ``after`` that it holds."""

    def breaks(paths: Paths) -> None:
        value = cell_of(paths, resource, line, field)
        assert after in value
        edit_cell(paths, resource, line, field, value.replace(after, after + char, 1))

    return breaks


def plant_in_source(line: int, after: str, char: str) -> Callable[[Paths], None]:
    """Write ``char`` into a line of jia-2023's source, right after the words ``after``; its recorded hash follows,
    as when a source is extracted again."""

    def breaks(paths: Paths) -> None:
        source = paths.root / JIA_SOURCE
        lines = source.read_text(encoding="utf-8").split("\n")
        assert after in lines[line - 1]
        lines[line - 1] = lines[line - 1].replace(after, after + char, 1)
        source.write_text("\n".join(lines), encoding="utf-8")
        edit_cell(paths, "plans", JIA, "source_sha256", sources.sha256(source.read_bytes()))

    return breaks


def in_turn(*breaks: Callable[[Paths], None]) -> Callable[[Paths], None]:
    def all_of_them(paths: Paths) -> None:
        for each in breaks:
            each(paths)

    return all_of_them


def rename_a_column(paths: Paths) -> None:
    path = data_file(paths, "action_areas")
    path.write_text(path.read_text(encoding="utf-8").replace("name_en", "english", 1), encoding="utf-8")


def add_a_cell_to_line_3(paths: Paths) -> None:
    path = data_file(paths, "chapters")
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] += ",多余"
    path.write_text("\n".join(lines), encoding="utf-8")


def delete_the_projects(paths: Paths) -> None:
    data_file(paths, "projects").unlink()


def copy_the_targets(paths: Paths) -> None:
    shutil.copy(data_file(paths, "targets"), data_file(paths, "targets-copy"))


def break_the_json(paths: Paths) -> None:
    text = paths.descriptor_path.read_text(encoding="utf-8")
    paths.descriptor_path.write_text(text.replace('"resources": [', '"resources": [,', 1), encoding="utf-8")


def give_a_field_an_unknown_type(paths: Paths) -> None:
    descriptor = json.loads(paths.descriptor_path.read_text(encoding="utf-8"))
    descriptor["resources"][0]["schema"]["fields"][0]["type"] = "colour"
    paths.descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def configure(file: str, setting: str, value: str) -> Callable[[Paths], None]:
    """Replace a line ``setting: …`` of a MkDocs configuration (or add it under ``extra:``, indented)."""

    def breaks(paths: Paths) -> None:
        path = paths.root / file
        text = path.read_text(encoding="utf-8")
        key = setting.rsplit(".", 1)[-1]
        lines = [line for line in text.split("\n") if not line.strip().startswith(f"{key}:")]
        line = f"  {key}: {json.dumps(value)}" if setting.startswith("extra.") else f"{key}: {json.dumps(value)}"
        if setting.startswith("extra."):
            at = next((i for i, x in enumerate(lines) if x.startswith("extra:")), None)
            lines = lines + ["extra:", line] if at is None else [*lines[: at + 1], line, *lines[at + 1 :]]
        else:
            lines.append(line)
        path.write_text("\n".join(lines), encoding="utf-8")

    return breaks


def give_the_licence_an_address(value: str) -> Callable[[Paths], None]:
    def breaks(paths: Paths) -> None:
        descriptor = json.loads(paths.descriptor_path.read_text(encoding="utf-8"))
        descriptor["licenses"][0]["path"] = value
        paths.descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")

    return breaks


def leave_a_pending_draft_row(paths: Paths) -> None:
    """A draft's targets pasted into the published table, review column and all: line T006 still pending."""
    path = data_file(paths, "targets")
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    marks = ["review"] + ["pending" if line == T006 else "accepted" for line in range(2, len(lines) + 1)]
    path.write_text("\n".join(f"{text},{mark}" for text, mark in zip(lines, marks, strict=True)) + "\n", "utf-8")


def break_a_key_and_a_chapter(paths: Paths) -> None:
    edit_cell(paths, "plans", JIA, "plan_id", "Jia-2023")
    edit_cell(paths, "chapters", 2, "title_en", "")  # jia-2023-3.1, translated by a person


def edit_the_source(plan_id: str, line: int, old: str, new: str, *cells: tuple) -> Callable[[Paths], None]:
    """Write ``new`` for ``old`` in a plan's source (append it where ``old`` is empty), record the source's new hash
    on its plan row (line ``line``), then set each cell (resource, line, field, value)."""

    def breaks(paths: Paths) -> None:
        source = paths.package_dir / "sources" / f"{plan_id}.txt"
        text = source.read_text(encoding="utf-8")
        assert old in text
        data = (text.replace(old, new, 1) if old else text + new).encode("utf-8")
        source.write_bytes(data)
        edit_cell(paths, "plans", line, "source_sha256", hashlib.sha256(data).hexdigest())
        for cell in cells:
            edit_cell(paths, *cell)

    return breaks


def add_a_target(line: str) -> Callable[[Paths], None]:
    """Append a row (its CSV text) to targets.csv, after the last."""

    def breaks(paths: Paths) -> None:
        path = data_file(paths, "targets")
        path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")

    return breaks


def one_after_another(*steps: Callable[[Paths], None]) -> Callable[[Paths], None]:
    def breaks(paths: Paths) -> None:
        for step in steps:
            step(paths)

    return breaks


def break_three_files(paths: Paths) -> None:
    add_bom("districts")(paths)
    save_as_gbk("plans")(paths)
    edit_cell(paths, "targets", T006, "target_year", "２０２５")


@dataclass(frozen=True)
class Case:
    id: str
    breaks: Callable[[Paths], None]
    file: str  # where every expected problem stands, unless an expected tuple names its own file first
    expected: list[tuple]  # (row, field, type) or (file, row, field, type), sorted as InvalidPackage sorts
    says: tuple[str, ...] = ()  # words the printed problems and warnings (messages and hints) must hold
    warned: tuple[tuple, ...] = ()  # the warnings found with the problems, written as ``expected``

    def problems(self) -> list[tuple]:
        return [item if len(item) == 4 else (self.file, *item) for item in self.expected]

    def warnings(self) -> list[tuple]:
        return [item if len(item) == 4 else (self.file, *item) for item in self.warned]


TARGETS = f"{DATA}/targets.csv"
CASES = [
    Case(
        "pending-draft-row",
        leave_a_pending_draft_row,
        TARGETS,
        [(T006, "review", "draft-row")],
        ("pending", "--accept"),
    ),
    Case(
        "english-missing-for-its-translation",
        set_cell("targets", T006, "statement_en", ""),
        TARGETS,
        [(T006, "statement_en", "translation-mismatch")],
        ("statement_en is empty",),
    ),
    Case(
        "english-without-its-translation",
        set_cell("targets", T006, "translation", ""),
        TARGETS,
        [(T006, "translation", "translation-mismatch")],
        ("does not say how",),
    ),
    Case("gbk-file", save_as_gbk("plans"), f"{DATA}/plans.csv", [(2, "", "encoding-error")], ("GBK", "UTF-8")),
    Case(
        "byte-order-mark", add_bom("districts"), f"{DATA}/districts.csv", [(1, "", "byte-order-mark")], ("without BOM",)
    ),
    Case(
        "wrong-header",
        rename_a_column,
        f"{DATA}/action_areas.csv",
        [(1, "name_en", "incorrect-label")],
        ("header row",),
    ),
    Case("extra-cell", add_a_cell_to_line_3, f"{DATA}/chapters.csv", [(3, "", "extra-cell")], ("多余", "comma")),
    # An empty quote also loses the figure 30 it should write.
    Case(
        "empty-required-field",
        set_cell("targets", T006, "quote", ""),
        TARGETS,
        [(T006, "quote", "constraint-error"), (T006, "value", "provenance")],
        ("required", "30 is not written in the quote"),
    ),
    # The unreadable value leaves the eq target without a value.
    Case(
        "text-in-a-number-column",
        set_cell("targets", T006, "value", "三十"),
        TARGETS,
        [(T006, "value", "provenance"), (T006, "value", "type-error")],
        ("三十", "data dictionary", "comparator ge needs value"),
    ),
    # A number is shown as written, not as the 401 digits of its value.
    Case(
        "huge-number",
        set_cell("targets", T006, "value", "1e400"),
        TARGETS,
        [(T006, "value", "provenance")],
        ("1e400 is not written in the quote",),
    ),
    Case(
        "full-width-digits",
        set_cell("targets", T006, "target_year", "２０２５"),
        TARGETS,
        [(T006, "target_year", "non-ascii-digits")],
        ("ASCII digits",),
    ),
    Case(
        "spaces-around-a-value",
        set_cell("indicators", ROOFTOP, "name_zh", "屋顶光伏覆盖率 "),
        f"{DATA}/indicators.csv",
        [(ROOFTOP, "name_zh", "cell-spaces")],
        ("delete the spaces",),
    ),
    # The workbook download would cut a text longer than a spreadsheet cell holds.
    Case(
        "longer-than-a-spreadsheet-cell",
        set_cell("indicators", ROOFTOP, "definition", "屋顶光伏" * 8192),
        f"{DATA}/indicators.csv",
        [(ROOFTOP, "definition", "cell-too-long")],
        ("32,768 characters", "32,767"),
    ),
    # A cell is one line: a line break in it is named and shown, not taken for a space.
    Case(
        "line-break-ending-a-value",
        set_cell("indicators", ROOFTOP, "name_zh", "屋顶光伏覆盖率\n"),
        f"{DATA}/indicators.csv",
        [(ROOFTOP, "name_zh", "control-character")],
        ("U+000A", "“屋顶光伏覆盖率\\n”", "one line"),
    ),
    # A NUL stopped the workbook download with a traceback.
    Case(
        "nul-in-a-text-field",
        plant("targets", T006, "statement_en", "photovoltaic", "\x00"),
        TARGETS,
        [(T006, "statement_en", "control-character")],
        ("U+0000 (NUL)", "photovoltaic\\x00 coverage"),
    ),
    Case(
        "right-to-left-override-in-a-text-field",
        plant("targets", T006, "statement_en", "coverage is ", "\u202e"),
        TARGETS,
        [(T006, "statement_en", "bidi-control")],
        ("U+202E RIGHT-TO-LEFT OVERRIDE", "coverage is \\u202e"),
    ),
    # Invisible, the zero-width space is why the quote no longer stands in the source.
    Case(
        "zero-width-space-in-a-quote",
        plant("targets", T006, "quote", "屋顶光伏", "\u200b"),
        TARGETS,
        [(T006, "quote", "not-in-source")],
        ("U+200B ZERO WIDTH SPACE", "屋顶光伏\\u200b覆盖率"),
        warned=((T006, "quote", "zero-width-character"),),
    ),
    Case(
        "nul-in-a-source-text",
        plant_in_source(AIMS, "以测试为目的", "\x00"),
        JIA_SOURCE,
        [(AIMS, "", "control-character")],
        ("U+0000 (NUL) at column 7", "以测试为目的\\x00编写"),
    ),
    Case(
        "right-to-left-override-in-a-source-text",
        plant_in_source(AIMS, "以测试为目的", "\u202e"),
        JIA_SOURCE,
        [(AIMS, "", "bidi-control")],
        ("U+202E RIGHT-TO-LEFT OVERRIDE at column 7",),
    ),
    # The zero-width space splits the words of jia-2023-t006's quote in the source: the quote is not found there.
    Case(
        "zero-width-space-in-a-source-text",
        plant_in_source(ROOFTOP_LINE, "屋顶光伏", "\u200b"),
        "",
        [(TARGETS, T006, "quote", "not-in-source")],
        ("U+200B ZERO WIDTH SPACE at column", "屋顶光伏\\u200b覆盖"),
        warned=((JIA_SOURCE, ROOFTOP_LINE, "", "zero-width-character"),),
    ),
    Case(
        "value-out-of-its-allowed-set",
        set_cell("targets", T006, "direction", "sideways"),
        TARGETS,
        [(T006, "direction", "constraint-error")],
        ("sideways", "level", "allowed values"),
    ),
    Case(
        "duplicate-primary-key",
        set_cell("targets", T007, "target_id", "jia-2023-t006"),
        TARGETS,
        [(T007, "target_id", "primary-key")],
        ("target_id “jia-2023-t006”", f"row {T006}", "its own key"),
    ),
    # jia-2023's key, mistyped, is the one line to read: the rows that refer to jia-2023 follow in one line.
    Case(
        "key-breaks-its-pattern",
        set_cell("plans", JIA, "plan_id", "Jia-2023"),
        f"{DATA}/plans.csv",
        [(JIA, "plan_id", "key-pattern"), (JIA, "plan_id", "key-references")],
        (
            "“Jia-2023”",
            "[a-z0-9-]+",
            "rows refer to a plan_id",
            "“jia-2023”",
            f"targets.csv rows 2–{T007}",
            "chapters.csv",
        ),
    ),
    # A broken key comes first, before the problems of files whose names sort before its own.
    Case(
        "key-breaks-its-pattern-among-other-problems",
        break_a_key_and_a_chapter,
        "",
        [
            (f"{DATA}/plans.csv", JIA, "plan_id", "key-pattern"),
            (f"{DATA}/plans.csv", JIA, "plan_id", "key-references"),
            (f"{DATA}/chapters.csv", 2, "title_en", "translation-mismatch"),
        ],
    ),
    Case(
        "dangling-foreign-key",
        set_cell("targets", T006, "indicator_id", "no-such-indicator"),
        TARGETS,
        [(T006, "indicator_id", "foreign-key")],
        ("no-such-indicator", "add the row it refers to"),
    ),
    # 40 is not the source's figure: the quote is not in the source, and no longer holds the row's 30,
    # which the English still writes.
    Case(
        "quote-not-in-source",
        set_cell("targets", T006, "quote", "到2025年屋顶光伏覆盖率不低于40%"),
        TARGETS,
        [(T006, "quote", "not-in-source"), (T006, "statement_en", "provenance"), (T006, "value", "provenance")],
        ("does not stand in the source of jia-2023", "source document"),
    ),
    # 二's paragraph ends with 力争2028年前实现碳达峰。 and the heading 三、重点任务 follows.
    Case(
        "quote-across-two-paragraphs",
        set_cell("targets", T005, "quote", "力争2028年前实现碳达峰。三、重点任务"),
        TARGETS,
        [(T005, "quote", "quote-spans-paragraphs")],
        ("two of its paragraphs", "quote one paragraph"),
    ),
    # The source now says 新能源装机容量达到12万千瓦 twice: the row must say which place its quote means.
    Case(
        "quote-twice-without-its-occurrence",
        edit_the_source("jia-2023", JIA, "", "各部门确保新能源装机容量达到12万千瓦。\n"),
        TARGETS,
        [(T002, "quote_occurrence", "quote-occurrence")],
        ("stands 2 times", "say in quote_occurrence which is meant (1 to 2)", "count the places"),
    ),
    Case(
        "quote-occurrence-beyond-its-places",
        set_cell("targets", T006, "quote_occurrence", "2"),
        TARGETS,
        [(T006, "quote_occurrence", "quote-occurrence")],
        ("quote_occurrence is 2, but the quote stands once",),
    ),
    # 到 2025 年屋顶光伏覆盖率不低于30%: the year of 三（一）1's sentence, not 2030.
    Case(
        "target-year-not-its-sentences-deadline",
        set_cell("targets", T006, "target_year", "2030"),
        TARGETS,
        [(T006, "target_year", "target-year")],
        ("“到2025年” before the quote in its sentence gives target_year 2025, not 2030", "full stop"),
    ),
    # 每年新增绿色建筑2万平方米 stands in a sentence without a deadline: no year.
    Case(
        "target-year-without-a-deadline",
        set_cell("targets", Y004, "target_year", "2025"),
        TARGETS,
        [(Y004, "target_year", "target-year")],
        ("no deadline stands before the quote in its sentence", "stays empty, not 2025"),
    ),
    # 光伏发电规模持续扩大 is a result under 到2025年 that rides in t006's quote without a row of its own.
    Case(
        "dated-clause-without-its-row",
        edit_the_source(
            "jia-2023",
            JIA,
            "到 2025 年屋顶光伏覆盖",
            "到 2025 年光伏发电规模持续扩大，屋顶光伏覆盖",
            ("targets", T006, "quote", "到2025年光伏发电规模持续扩大，屋顶光伏覆盖率不低于30%"),
        ),
        TARGETS,
        [(T006, "quote", "dated-clause-without-row")],
        ("“到2025年光伏发电规模持续扩大”, a dated result with no qualitative row", "rule 3"),
    ),
    # The citation now names a document whose title its quote does not write, and the city plan, cited by no
    # other row, is left uncited.
    Case(
        "cited-title-not-in-the-quote",
        set_cell("citations", C001, "document_id", "shili-energy-conservation-regulations"),
        "",
        [
            (f"{DATA}/citations.csv", C001, "quote", "title-not-in-quote"),
            (f"{DATA}/documents.csv", CITY_PLAN, "document_id", "provenance"),
        ],
        ("does not write the title of shili-energy-conservation-regulations", "no citation cites"),
    ),
    Case(
        "document-number-in-no-quote",
        set_cell("documents", CITY_PLAN, "doc_number", "示政发〔2022〕6号"),
        f"{DATA}/documents.csv",
        [(CITY_PLAN, "doc_number", "not-in-source")],
        ("示政发〔2022〕6号", "none of the quotes that cite shili-carbon-peaking-plan"),
    ),
    # 15%以上 (ge) includes 15%: "above 15%" does not.
    Case(
        "comparator-worded-otherwise",
        set_cell("targets", T004, "statement_en", "By 2030, the share of renewable energy reaches above 15%."),
        TARGETS,
        [(T004, "statement_en", "comparator-wording")],
        ("comparator ge", "“above”", "at least"),
    ),
    # yi-2023-t001 and jia-2023-t001 both promise 完成…下达; recoded qualitative, yi's row disagrees with jia's.
    Case(
        "same-construction-coded-otherwise",
        set_cell("targets", Y001, "kind", "qualitative"),
        TARGETS,
        [(Y001, "kind", "inconsistent-coding")],
        ("完成…下达", "defers-to-city", "methodology"),
    ),
    # yi-2023-t002's quote writes 左右 (…下降2.5%左右): a hedge the row must record.
    Case(
        "hedge-word-not-recorded",
        set_cell("targets", Y002, "hedge", ""),
        TARGETS,
        [(Y002, "hedge", "hedge-word")],
        ("the quote writes the hedge word 左右, which hedge does not record", "add the word to hedge"),
    ),
    # 到2027年，燃煤锅炉全部完成清洁能源替代 promises a result, not what the city assigns.
    Case(
        "defers-to-city-without-its-words",
        set_cell("targets", T007, "kind", "defers-to-city"),
        TARGETS,
        [(T007, "kind", "inconsistent-coding")],
        ("a defers-to-city quote writes 完成…下达, 按照…下达 or 完成…责任权重", "this one none"),
    ),
    # 每年新增绿色建筑2万平方米 counts what each year adds: increase, not level.
    Case(
        "count-added-coded-as-a-level",
        set_cell("targets", Y004, "direction", "level"),
        TARGETS,
        [(Y004, "direction", "inconsistent-coding")],
        ("a quote with 新增/培育/引进 is coded direction increase",),
    ),
    # A new commitment about 公共机构, the subject that yi-2023-t002 codes as a group, coded as the whole district's.
    Case(
        "same-subject-another-scope",
        one_after_another(
            edit_the_source("yi-2023", YI, "", "到2025年，公共机构全部完成节能改造。\n"),
            add_a_target(
                "yi-2023-t006,yi-2023,,,三（二）,public-institution-energy-intensity,qualitative,,,,,,level,2025,,"
                "false,,district,,,公共机构全部完成节能改造,,Public institutions all complete energy-saving retrofits.,"
                "reviewed"
            ),
        ),
        TARGETS,
        [(Y_NEW, "scope", "scope-as-printed")],
        ("the quote's subject is “公共机构”, which yi-2023-t002 codes as scope group, not district",),
    ),
    # 机关单位 is not in yi-2023-t002's quote, which names 公共机构.
    Case(
        "scope-not-in-the-quote",
        set_cell("targets", Y002, "scope_as_printed", "机关单位"),
        TARGETS,
        [(Y002, "scope_as_printed", "scope-as-printed")],
        ("“机关单位” is not in the quote", "copy the words"),
    ),
    # A document number from a secondary copy says where it was found.
    Case(
        "secondary-document-number-without-its-source",
        set_cell("plans", JIA, "doc_number_secondary", "甲政发〔2023〕9号"),
        f"{DATA}/plans.csv",
        [(JIA, "doc_number_source", "provenance")],
        ("say where doc_number_secondary was found",),
    ),
    # 示政发〔2022〕5号 stands in jia-2023's source (the number of the city plan it cites): no secondary number.
    Case(
        "secondary-document-number-in-the-source",
        one_after_another(
            set_cell("plans", JIA, "doc_number_secondary", "示政发〔2022〕5号"),
            set_cell("plans", JIA, "doc_number_source", "转载件"),
            set_cell("plans", JIA, "doc_number_source_en", "A secondary copy"),
        ),
        f"{DATA}/plans.csv",
        [(JIA, "doc_number_secondary", "provenance")],
        ("“示政发〔2022〕5号” stands in the source: record it as doc_number",),
    ),
    # An official page is a web address (http or https), written whole: nothing else may become a link.
    Case(
        "official-page-without-its-scheme",
        set_cell("plans", JIA, "official_url", "www.example.gov.cn/plan.html"),
        f"{DATA}/plans.csv",
        [(JIA, "official_url", "type-error")],
        ("www.example.gov.cn/plan.html", "uri"),
    ),
    Case(
        "official-page-not-on-the-web",
        set_cell("plans", JIA, "official_url", "javascript:alert(1)"),
        f"{DATA}/plans.csv",
        [(JIA, "official_url", "constraint-error")],
        ("javascript:alert(1)", "https?://"),
    ),
    # The file a plan was received as is recorded whole: its format and SHA-256, a text the source itself.
    Case(
        "received-format-without-its-sha256",
        set_cell("plans", JIA, "received_format", "pdf"),
        f"{DATA}/plans.csv",
        [(JIA, "received_sha256", "provenance")],
        ("SHA-256 of the pdf file received is missing",),
    ),
    Case(
        "received-as-text-but-not-the-source",
        in_turn(set_cell("plans", JIA, "received_format", "txt"), set_cell("plans", JIA, "received_sha256", "0" * 64)),
        f"{DATA}/plans.csv",
        [(JIA, "received_sha256", "provenance")],
        ("received_sha256 must equal source_sha256",),
    ),
    Case(
        "received-format-unknown",
        in_turn(set_cell("plans", JIA, "received_format", "doc"), set_cell("plans", JIA, "received_sha256", "0" * 64)),
        f"{DATA}/plans.csv",
        [(JIA, "received_format", "constraint-error")],
        ("doc",),
    ),
    # A plan's title is drawn on its share image: a character no font of the build has would show as a box.
    Case(
        "title-the-share-image-cannot-draw",
        set_cell("plans", JIA, "title_en", "Jia District Carbon Peaking Implementation Plan 🌏"),
        f"{DATA}/plans.csv",
        [(JIA, "title_en", "missing-glyph")],
        ("U+1F30F", "generator/build/fonts/"),
    ),
    # An address that becomes a link must be a web address: a javascript: one would be a link on every target.
    Case(
        "report-error-url-javascript",
        configure("mkdocs.yml", "extra.report_error_url", "javascript:alert(document.cookie)//{title}"),
        "mkdocs.yml",
        [(None, "extra.report_error_url", "not-a-web-address")],
        ("javascript:alert(document.cookie)", "https://"),
    ),
    Case(
        "site-url-without-host",
        configure("mkdocs.yml", "site_url", "https:/example"),
        "mkdocs.yml",
        [(None, "site_url", "not-a-web-address")],
        ("https:/example",),
    ),
    Case(
        "english-repo-url-data",
        configure("mkdocs.en.yml", "repo_url", "data:text/html,<script>alert(1)</script>"),
        "mkdocs.en.yml",
        [(None, "repo_url", "not-a-web-address")],
        ("data:text/html",),
    ),
    Case(
        "licence-address-javascript",
        give_the_licence_an_address("javascript:alert(1)"),
        DESCRIPTOR,
        [(None, "licenses[0].path", "not-a-web-address")],
        ("javascript:alert(1)",),
    ),
    Case("missing-file", delete_the_projects, f"{DATA}/projects.csv", [(None, "", "missing-file")], ("missing",)),
    Case(
        "file-not-in-descriptor",
        copy_the_targets,
        f"{DATA}/targets-copy.csv",
        [(None, "", "file-not-in-descriptor")],
        ("not in datapackage.json", "add a resource"),
    ),
    Case("malformed-descriptor", break_the_json, DESCRIPTOR, [(DESCRIPTOR_RESOURCES, "", "invalid-json")], ("JSON",)),
    Case("not-a-data-package", give_a_field_an_unknown_type, DESCRIPTOR, [(None, "", "field-error")], ("colour",)),
    Case(
        "every-problem-at-once",
        break_three_files,
        "",
        [
            (f"{DATA}/districts.csv", 1, "", "byte-order-mark"),
            (f"{DATA}/plans.csv", 2, "", "encoding-error"),
            (TARGETS, T006, "target_year", "non-ascii-digits"),
        ],
    ),
]


@pytest.fixture
def project(fixture_built, tmp_path) -> Paths:
    """A copy of the built fixture project, site/ included, to break."""
    shutil.copytree(fixture_built.root, tmp_path, dirs_exist_ok=True)
    return Paths(tmp_path)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_is_named_and_nothing_is_published(project, case):
    before = tree_digest(project.site_dir)
    case.breaks(project)
    with pytest.raises(InvalidPackage) as raised:
        pipeline.build(project)
    assert tree_digest(project.site_dir) == before
    problems = raised.value.problems
    assert [(p.file, p.row, p.field, p.type) for p in problems] == case.problems()
    warnings = raised.value.warnings
    assert [(p.file, p.row, p.field, p.type) for p in warnings] == case.warnings()
    printed = "\n".join(str(p) for p in problems + warnings)
    assert all(word in printed for word in case.says), printed


def test_the_rows_the_table_breaks_are_where_it_says(fixture_project):
    assert line_of(fixture_project, "targets", "target_id", "jia-2023-t002") == T002
    assert line_of(fixture_project, "targets", "target_id", "jia-2023-t004") == T004
    assert line_of(fixture_project, "targets", "target_id", "jia-2023-t005") == T005
    assert line_of(fixture_project, "targets", "target_id", "jia-2023-t006") == T006
    assert line_of(fixture_project, "targets", "target_id", "jia-2023-t007") == T007
    assert line_of(fixture_project, "targets", "target_id", "yi-2023-t001") == Y001
    assert line_of(fixture_project, "targets", "target_id", "yi-2023-t002") == Y002
    assert line_of(fixture_project, "targets", "target_id", "yi-2023-t004") == Y004
    assert line_of(fixture_project, "indicators", "indicator_id", "rooftop-pv-coverage") == ROOFTOP
    assert line_of(fixture_project, "citations", "citation_id", "jia-2023-c001") == C001
    assert line_of(fixture_project, "documents", "document_id", "shili-carbon-peaking-plan") == CITY_PLAN
    assert line_of(fixture_project, "plans", "plan_id", "jia-2023") == JIA
    source = (fixture_project.root / JIA_SOURCE).read_text(encoding="utf-8").split("\n")
    assert source[AIMS - 1].startswith("以测试为目的编写本方案")
    assert source[ROOFTOP_LINE - 1].endswith("到 2025 年屋顶光伏覆盖")
    assert line_of(fixture_project, "plans", "plan_id", "yi-2023") == YI
    assert line_of(fixture_project, "targets", "target_id", "yi-2023-t005") == Y_NEW - 1
    lines = fixture_project.descriptor_path.read_text(encoding="utf-8").splitlines()
    assert lines[DESCRIPTOR_RESOURCES - 1].strip() == '"resources": ['
