"""A plan in every form a maintainer receives it (generator/draft/received.py, formats/): the small invented plan
tests/fixture/bing-2024.txt as a saved government web page, a Word file with heading styles, a PDF with a text
layer and a scanned PDF without one, each written here from the same text and drafted through the command.

Each form must give the same targets as the text itself, keep the original beside the draft with its format and
SHA-256 in the plan row, and bring nothing of a page's navigation, footer or scripts into the source text.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
from pathlib import Path

import docx
import pytest
from conftest import FIXTURE
from fpdf import FPDF
from PIL import Image, ImageFont

from generator import cli
from generator.base.paths import ROOT, Paths
from generator.base.problems import GeneratorError
from generator.draft import received
from generator.draft.formats import ideographs, text_of_lines, word

DOCUMENT = FIXTURE / "bing-2024.txt"
PLAN = "bing-2024"
CHINESE_FONT = ROOT / "generator" / "build" / "fonts" / "DroidSansFallback-GB2312.ttf"
PAGE_NUMBER = "- 3 -"
NOTICE_TITLE = "丙区人民政府关于印发丙区碳达峰实施方案的通知"
# What a government page has around its article, none of which belongs to the plan.
AROUND_THE_ARTICLE = [
    "丙区人民政府网",
    "首页",
    "政务公开",
    "互动交流",
    "当前位置",
    "政策文件",
    "分享到",
    "打印本页",
    "相关文件",
    "十四五”节能规划",
    "绿色建筑发展实施方案",
    "版权所有",
    "网站标识码",
    "津ICP备",
    "网站地图",
    "_hmt",
    "统计代码",
    "9万千瓦",  # written by a script
]


def lines_of_the_plan() -> list[str]:
    """The plan's lines as printed, without the blank lines and the page number the PDF left."""
    return [line.strip() for line in DOCUMENT.read_text(encoding="utf-8").splitlines() if line.strip()]


def paragraphs() -> list[str]:
    """The plan's paragraphs after the notice's title (two lines of the text), the page number left out."""
    return [line for line in lines_of_the_plan()[2:] if line != PAGE_NUMBER]


def outline_level(line: str) -> int:
    """1 for 一、, 2 for （一）, 0 for any other paragraph."""
    if re.match(r"[一二三四五六七八九十]+、", line):
        return 1
    return 2 if re.match(r"（[一二三四五六七八九十]+）", line) else 0


def web_page(charset: str = "utf-8", title_apart: bool = False) -> bytes:
    """The plan as a district government's page shows it: a header with the site's navigation, a breadcrumb, the
    article (its title, then one <p> per paragraph, headings in bold), share buttons, related documents, a footer
    and scripts. ``title_apart``: the title is no <h1> but a <div> above the article's own container."""

    def paragraph(line: str) -> str:
        text = html.escape(line)
        return f'<p style="text-indent:2em">{f"<strong>{text}</strong>" if outline_level(line) else text}</p>'

    article = "\n".join(paragraph(line) for line in paragraphs())
    heading = (
        f'<div class="xxgk_title">{NOTICE_TITLE}</div>' if title_apart else f'<h1 class="title">{NOTICE_TITLE}</h1>'
    )
    container = 'class="content"' if title_apart else 'id="zoom" class="TRS_Editor"'
    page = f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{NOTICE_TITLE}_丙区人民政府网</title>
<script>var _hmt = _hmt || []; document.write("到2025年，新能源装机容量达到9万千瓦");</script>
<style>.nav li {{ float: left }}</style></head>
<body>
<div class="header"><div class="logo">丙区人民政府网</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zcwj/">政策文件</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
<a href="/zcwj/">政策文件</a></div>
<div class="main">
<div class="article">
{heading}
<div {container}>
{article}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> 【打印本页】【关闭窗口】</div>
</div>
<div class="related"><h3>相关文件</h3><ul>
<li><a href="/zcwj/1.html">丙区人民政府关于印发丙区“十四五”节能规划的通知</a><span>2023-05-01</span></li>
<li><a href="/zcwj/2.html">丙区人民政府办公室关于印发丙区绿色建筑发展实施方案的通知</a><span>2023-04-11</span></li>
<li><a href="/zcwj/3.html">关于做好2025年能源工作的通知</a><span>2024-01-20</span></li>
</ul></div>
</div>
<div class="footer"><p>主办：丙区人民政府办公室 承办：丙区政务服务中心</p>
<p>版权所有：丙区人民政府 网站标识码：9901030001 津ICP备12345678号</p>
<p><a href="/map/">网站地图</a> | <a href="/contact/">联系我们</a></p></div>
<script src="/js/stat.js"></script><script>console.log("统计代码")</script>
</body></html>
"""
    return page.encode("gb18030" if charset == "gb2312" else charset)


def word_file() -> bytes:
    """The plan as a Word file: the notice's title and the plan's title in the Title style, 一、 in Heading 1,
    （一） in Heading 2, every other paragraph in Normal."""
    document = docx.Document()
    document.add_paragraph(NOTICE_TITLE, style="Title")
    for line in paragraphs():
        style = {1: "Heading 1", 2: "Heading 2"}.get(outline_level(line), "Normal")
        document.add_paragraph(line, style="Title" if line == "丙区碳达峰实施方案" else style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_file(folder: Path) -> bytes:
    """The plan as a PDF with a text layer, printed as the text has it (its page break after “- 3 -”): Chinese in
    the charts' GB 2312 font, Latin letters and digits in the Aileron that Pillow carries."""
    latin = folder / "aileron.ttf"
    latin.write_bytes(ImageFont.load_default(12).font_bytes)
    pdf = FPDF()
    pdf.add_font("chinese", fname=str(CHINESE_FONT))
    pdf.add_font("latin", fname=str(latin))
    pdf.set_fallback_fonts(["latin"])
    pdf.set_font("chinese", size=12)
    pdf.add_page()
    for line in lines_of_the_plan():
        align = "C" if line == PAGE_NUMBER else "L"
        pdf.multi_cell(0, 8, line, align=align, new_x="LMARGIN", new_y="NEXT", wrapmode="CHAR")  # as Chinese wraps
        if line == PAGE_NUMBER:
            pdf.add_page()
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A PDF whose pages are pictures of the plan, without a text layer (a scan)."""
    picture = io.BytesIO()
    Image.new("L", (200, 280), color=230).save(picture, format="PNG")
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(picture, x=10, y=10, w=190)
    return bytes(pdf.output())


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


TARGET_FIELDS = ("quote", "kind", "comparator", "value", "unit", "target_year", "section")
PLAN_FIELDS = ("plan_id", "district_code", "title", "issuer", "issue_date", "doc_number", "publication_note")


def drafted(paths: Paths) -> dict[str, list[tuple[str, ...]]]:
    """What a draft proposes, as comparable rows: the plan row, the measures and the targets."""
    folder = paths.drafts_dir / PLAN
    return {
        "plans": [tuple(r[f] for f in PLAN_FIELDS) for r in rows(folder / "plans.csv")],
        "measures": [(r["section"], r["title"]) for r in rows(folder / "measures.csv")],
        "targets": [tuple(r[f] for f in TARGET_FIELDS) for r in rows(folder / "targets.csv")],
    }


def draft(paths: Paths, document: Path) -> int:
    return cli.main(["--root", str(paths.root), "draft", str(document)])


FORMS = {
    "page.html": lambda folder: web_page(),
    "page-gb2312.htm": lambda folder: web_page("gb2312"),
    "page-title-apart.html": lambda folder: web_page(title_apart=True),
    "plan.docx": lambda folder: word_file(),
    "plan.pdf": pdf_file,
}


@pytest.mark.parametrize("name", FORMS)
def test_every_form_of_the_plan_drafts_the_same_rows_as_its_text(fixture_project, tmp_path, capsys, name):
    assert draft(fixture_project, DOCUMENT) == 0
    from_text = drafted(fixture_project)
    assert len(from_text["targets"]) == 6 and len(from_text["measures"]) == 4
    document = tmp_path / name
    document.write_bytes(FORMS[name](tmp_path))
    assert draft(fixture_project, document) == 0
    assert drafted(fixture_project) == from_text
    form = received.FORMATS[document.suffix]
    folder = fixture_project.drafts_dir / PLAN
    (plan,) = rows(folder / "plans.csv")
    assert (plan["received_format"], plan["received_sha256"]) == (
        form,
        hashlib.sha256(document.read_bytes()).hexdigest(),
    )
    assert (folder / f"received.{form}").read_bytes() == document.read_bytes()  # kept for the reviewer
    assert sorted(p.name for p in folder.glob("received.*")) == [f"received.{form}"]
    source = (folder / "source.txt").read_bytes()
    assert plan["source_sha256"] == hashlib.sha256(source).hexdigest()
    assert f"extracted from received.{form}" in capsys.readouterr().out
    # the same bytes give the same text
    assert received.receive(document.read_bytes(), form, name).text == source


@pytest.mark.parametrize("name", ["page.html", "page-title-apart.html", "plan.docx"])
def test_a_page_or_word_file_gives_one_paragraph_or_heading_a_line(tmp_path, name):
    """The article alone, its title first: every heading on a line of its own, nothing around it."""
    data = FORMS[name](tmp_path)
    text = received.receive(data, received.FORMATS[Path(name).suffix], name).text.decode("utf-8")
    assert text.splitlines() == [NOTICE_TITLE, *paragraphs()]
    assert not [words for words in AROUND_THE_ARTICLE if words in text]


def test_a_pdf_gives_its_printed_lines_page_numbers_and_all(tmp_path):
    text = received.receive(pdf_file(tmp_path), "pdf", "plan.pdf").text.decode("utf-8")
    lines = text.splitlines()
    assert PAGE_NUMBER in lines and "一、总体要求" in lines and "（一）能源绿色低碳转型行动" in lines
    assert re.sub(r"\s", "", text) == re.sub(r"\s", "", "".join(lines_of_the_plan()))


def test_a_scanned_pdf_is_refused_by_name_and_nothing_is_written(fixture_project, tmp_path, capsys):
    document = tmp_path / "scan.pdf"
    document.write_bytes(scanned_pdf())
    assert draft(fixture_project, document) == 1
    error = capsys.readouterr().err
    assert str(document) in error and "no text layer" in error and "2 page(s)" in error
    assert not fixture_project.drafts_dir.exists()


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("plan.docx", "丙区碳达峰实施方案".encode(), "not a Word file that can be read"),
        ("plan.pdf", b"%PDF-1.7\n\x00\x01 broken", "not a PDF that can be read"),
        ("plan.html", b"<html><body><script>show()</script><img src='plan.png'></body></html>", "no article"),
        ("plan.pdf", b"", "the file is empty"),
        ("plan.doc", b"\xd0\xcf\x11\xe0", "save it as .docx"),
        ("plan.ofd", b"PK\x03\x04", "print it to PDF"),
        ("plan.xlsx", b"PK\x03\x04", "the drafter reads .txt, .html, .htm, .docx, .pdf files, not .xlsx"),
        ("plan", "丙区碳达峰实施方案".encode(), "not files without a suffix"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_by_name_and_nothing_is_written(
    fixture_project, tmp_path, capsys, name, content, says
):
    document = tmp_path / name
    document.write_bytes(content)
    assert draft(fixture_project, document) == 1
    error = capsys.readouterr().err
    assert str(document) in error and says in error
    assert not fixture_project.drafts_dir.exists()


def test_a_draft_from_another_form_replaces_the_original_kept_before(fixture_project, tmp_path):
    page, pdf = tmp_path / "plan.html", tmp_path / "plan.pdf"
    page.write_bytes(web_page())
    pdf.write_bytes(pdf_file(tmp_path))
    assert draft(fixture_project, page) == 0 and draft(fixture_project, pdf) == 0
    folder = fixture_project.drafts_dir / PLAN
    assert sorted(p.name for p in folder.glob("received.*")) == ["received.pdf"]
    assert draft(fixture_project, DOCUMENT) == 0  # text is its own original: source.txt
    assert not list(folder.glob("received.*"))
    (plan,) = rows(folder / "plans.csv")
    assert (plan["received_format"], plan["received_sha256"]) == ("txt", plan["source_sha256"])


def test_accepting_a_plan_drafted_from_a_pdf_publishes_its_text_and_the_record_of_the_pdf(fixture_project, tmp_path):
    document = tmp_path / "plan.pdf"
    document.write_bytes(pdf_file(tmp_path))
    assert draft(fixture_project, document) == 0
    folder = fixture_project.drafts_dir / PLAN
    table = rows(folder / "plans.csv")
    table[0]["review"] = "accepted"
    with (folder / "plans.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    assert cli.main(["--root", str(fixture_project.root), "draft", "--accept", PLAN]) == 0
    published = {r["plan_id"]: r for r in rows(fixture_project.package_dir / "data" / "plans.csv")}[PLAN]
    assert (published["received_format"], published["received_sha256"]) == (
        "pdf",
        hashlib.sha256(document.read_bytes()).hexdigest(),
    )
    source = (fixture_project.package_dir / "sources" / f"{PLAN}.txt").read_bytes()
    assert (
        source == (folder / "source.txt").read_bytes()
        and published["source_sha256"] == hashlib.sha256(source).hexdigest()
    )
    assert not list((fixture_project.package_dir / "sources").glob("*.pdf"))  # the original is not published


def test_word_numbering_that_is_not_in_the_text_is_noted_for_the_reviewer(tmp_path):
    document = docx.Document()
    document.add_paragraph("丙区碳达峰实施方案", style="Title")
    document.add_paragraph("总体要求", style="List Number")  # Word prints 1. before it; the text has none
    document.add_paragraph("以测试为目的编写本方案。")
    out = io.BytesIO()
    document.save(out)
    extracted = word.read(out.getvalue(), "plan.docx")
    assert extracted.text == "丙区碳达峰实施方案\n总体要求\n以测试为目的编写本方案。\n"
    (note,) = extracted.notes
    assert "plan.docx" in note and "1 paragraph(s)" in note and "总体要求" in note


def test_a_word_table_gives_each_cell_a_line_and_a_merged_cell_once():
    document = docx.Document()
    document.add_paragraph("专栏1 重点工程")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "工程名称"
    table.cell(0, 2).text = "完成时限"
    table.cell(1, 0).text = "丙区光伏园"
    table.cell(1, 1).text = "新增装机8万千瓦"
    table.cell(1, 2).text = "2025年"
    document.add_paragraph("（二）绿色低碳全民行动")
    out = io.BytesIO()
    document.save(out)
    assert word.read(out.getvalue(), "plan.docx").text.splitlines() == [
        "专栏1 重点工程",
        "工程名称",
        "完成时限",
        "丙区光伏园",
        "新增装机8万千瓦",
        "2025年",
        "（二）绿色低碳全民行动",
    ]


def test_extracted_lines_are_stripped_of_control_characters_and_blank_lines():
    assert text_of_lines(["  一、总体要求\x0c", "", "到2025年\r\n\x00达到8万千瓦 ", "\t"]) == (
        "一、总体要求\n到2025年\n达到8万千瓦\n"
    )
    assert text_of_lines([]) == ""


def test_radicals_a_pdf_font_maps_its_glyphs_to_read_as_their_ideographs():
    assert ideographs("碳达峰实施\u2f45案（一）：到2025年") == "碳达峰实施方案（一）：到2025年"


def test_a_text_file_is_its_own_source_byte_for_byte():
    data = DOCUMENT.read_bytes()
    document = received.receive(data, "txt", "bing-2024.txt")
    assert (document.text, document.original_name, document.plan_fields()["received_format"]) == (data, None, "txt")
    with pytest.raises(GeneratorError, match="bing-2024.txt: the file is empty"):
        received.receive(b" \n", "txt", "bing-2024.txt")
