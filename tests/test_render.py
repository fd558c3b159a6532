"""The generated Markdown pages, before MkDocs: what each page says, from the fixture package (tests/fixture/).

Pages are read from docs/ after ``build.build(paths, run_mkdocs=False)``; what the real pages say about the
real plans is tested in test_data.py.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from conftest import copy_fixture_project

from generator import build, charts, i18n, render, urls
from generator.site import assemble

PLANS = ("jia-2023", "yi-2023", "shili-pilot-2023")


def render_fixture(destination) -> dict[str, str]:
    """Every generated page and chart of the fixture project, by path under docs/."""
    paths = copy_fixture_project(destination)
    build.build(paths, run_mkdocs=False)
    generated = [
        path for folder in paths.generated_in_docs for path in ([folder] if folder.is_file() else folder.rglob("*"))
    ]
    return {
        path.relative_to(paths.docs_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in generated
        if path.suffix in (".md", ".svg")
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    inputs, validation = build.check(copy_fixture_project(tmp_path_factory.mktemp("site")))
    return assemble(inputs, validation.tables)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return render_fixture(tmp_path_factory.mktemp("render"))


def test_a_region_with_more_plans_than_a_chart_can_show_gets_tables_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(charts, "MOST_ROWS", 2)  # 示例市 has three plans
    pages = render_fixture(tmp_path)
    assert not [path for path in pages if path.endswith(".svg")]
    indicator = pages["compare/990000/indicators/renewable-share.md"]
    assert "≥ 15%" in indicator and ".svg" not in indicator


def _dataset(page: str) -> dict:
    script = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    return json.loads(script)


def test_past_the_listed_plans_the_home_page_leaves_the_sources_to_the_data_page(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "LISTED_PLANS", 2)  # 示例市 has three plans
    monkeypatch.setattr(charts, "MOST_ROWS", 2)  # and no charts, which are not what this test is about
    pages = render_fixture(tmp_path)
    assert "isBasedOn" not in _dataset(pages["index.md"])
    assert len(_dataset(pages["data/index.md"])["isBasedOn"]) == 3
    assert "plans/index.md#r990000" in pages["index.md"]  # the home page lists the divisions, not each plan
    assert "plans/jia-2023.md" not in pages["index.md"]


def test_within_the_listed_plans_the_home_page_lists_each_plan(pages):
    assert {work["name"] for work in _dataset(pages["index.md"])["isBasedOn"]} == {
        "甲区碳达峰实施方案",
        "乙区碳达峰实施方案",
        "示例市碳达峰试点建设方案",
    }
    assert all(f"plans/{plan}.md" in pages["index.md"] for plan in PLANS)


def test_one_page_and_one_source_text_per_plan_plus_the_shared_pages(pages):
    expected = {f"plans/{plan}.md" for plan in PLANS} | {f"sources/{plan}.md" for plan in PLANS}
    expected |= {"index.md", "SUMMARY.md", "plans/index.md", "data/index.md"}
    compare = ("index", "targets", "own-or-city", "timeline", "coverage", "agencies", "pilot")
    expected |= {"compare/index.md"} | {f"compare/990000/{name}.md" for name in compare}
    assert expected <= set(pages)
    assert {path.replace(".en.", ".") for path in pages if ".en." in path} == {p for p in pages if ".en." not in p}


def test_one_page_and_chart_per_indicator_that_several_districts_commit_to(pages):
    # Only renewable-share has commitments from both 甲区 (≥ 15%) and 乙区 (≥ 18%).
    assert sorted(p for p in pages if p.startswith("compare/990000/indicators/")) == [
        "compare/990000/indicators/renewable-share.en.md",
        "compare/990000/indicators/renewable-share.md",
    ]
    assert sorted(p for p in pages if p.endswith(".svg")) == [
        "charts/990000/indicator-renewable-share.en.svg",
        "charts/990000/indicator-renewable-share.svg",
        "charts/990000/timeline.en.svg",
        "charts/990000/timeline.svg",
    ]


def test_a_plan_page_shows_its_target_quote_issuer_and_date(pages):
    page = pages["plans/jia-2023.md"]
    assert "≥ 30%（2025）" in page
    assert "到2025年屋顶光伏覆盖率不低于30%" in page
    assert "甲区人民政府" in page
    assert "2023年5月10日" in page


def test_pilot_programme_page_shows_its_document_number(pages):
    assert "示发改〔2023〕1号" in pages["plans/shili-pilot-2023.md"]
    assert "本方案暂无已整理的目标。" in pages["plans/shili-pilot-2023.md"]


def test_plan_page_links_its_own_data_slice(pages):
    assert "downloads/latest/plans/jia-2023/targets.csv" in pages["plans/jia-2023.md"]


def test_navigation_lists_every_plan(pages):
    for plan in PLANS:
        assert f"plans/{plan}.md" in pages["SUMMARY.md"]


def test_comparison_page_puts_plans_side_by_side(pages):
    page = pages["compare/990000/targets.md"]
    rows = {tr.td.get_text(): tr for tr in BeautifulSoup(page, "html.parser").find_all("tr") if tr.td}
    columns = [th.get_text() for th in rows["可再生能源消费比重"].find_parent("table").thead.find_all("th")]
    assert columns == ["指标", "单位", "甲区", "乙区"]
    assert [td.get_text() for td in rows["可再生能源消费比重"].find_all("td")] == [
        "可再生能源消费比重",
        "%",
        "≥ 15%（2030）",
        "≥ 18%（2030，力争）",
    ]
    assert [td.get_text() for td in rows["屋顶光伏覆盖率"].find_all("td")][3] == "—"  # 乙区 makes no commitment
    assert "乙区（≥ 18%）严于甲区（≥ 15%）" in page


def test_pages_are_yielded_one_at_a_time(site):
    """The charts first (the pages hold them), each as SVG and CSV; then the first page, before any other is
    rendered."""
    pages = render.render_pages(site, ("zh",))
    first = next(path for path, _ in pages if not path.startswith("charts/"))
    assert first == urls.HOME


def test_the_page_table_makes_one_page_per_object_in_each_language(site, pages):
    expected = {
        i18n.page_path(kind.address(item), lang)
        for lang in i18n.LANGUAGES
        for kind in render.PAGES
        for item in kind.made_for(site)
    }
    assert {path for path in pages if path.endswith(".md")} == expected


def test_home_page_counts_come_from_the_data(pages):
    # 3 plans (2 district plans, 1 pilot programme), 12 targets of which 8 quantitative and 2 defer to the city.
    assert "**12**" in pages["index.md"] and "**8**" in pages["index.md"] and "**2**" in pages["index.md"]
    assert "**3**" in pages["index.md"]


def test_pilot_page_lines_up_district_measures_under_the_contents(pages):
    page = pages["compare/990000/pilot.md"]
    for content in ("确定试点任务", "开展全民行动"):
        assert content in page
    assert "建设绿色社区" in page and "创建一批绿色社区" in page  # 乙区 二（二）1, 甲区 三（二）1
    # 三（一）确定试点任务 has no district measure answering it.
    assert page.count("各区方案的试点示范章节中没有与此对应的措施。") == 1


def test_plan_pages_link_quotes_to_their_passages(pages):
    assert 'href="../../sources/jia-2023/#jia-2023-t006"' in pages["plans/jia-2023.md"]


def test_source_page_anchors_every_quote(pages):
    page = pages["sources/jia-2023.md"]
    for n in range(1, 8):  # jia-2023-t006 spans a PDF line break and a page number
        assert f'<a id="jia-2023-t00{n}" class="passage-anchor"></a>' in page


def test_the_home_page_says_which_districts_plans_are_in_the_data(pages):
    home = pages["index.md"]
    assert "示例市共有 3 个区，本数据集收录了其中 2 个区的碳达峰实施方案：甲区、乙区。" in home
    assert "其余 1 个区的方案尚未收集：丙区。" in home
    tiles = BeautifulSoup(home.split('<ul class="district-tiles">', 1)[1].split("</ul>", 1)[0], "html.parser")
    assert [(a.get_text(), a["href"]) for a in tiles.find_all("a")] == [
        ("甲区", "plans/jia-2023/"),
        ("乙区", "plans/yi-2023/"),
    ]
    assert [li.get_text(" ") for li in tiles.find_all("li")][2] == "丙区 尚未收集"
    english = pages["index.en.md"]
    assert "Example City has 3 districts; the dataset holds the carbon-peaking implementation plans of 2" in english
    assert "have not been collected yet: Bing District." in english


def test_the_coverage_page_lists_every_district_of_the_region(pages):
    table = BeautifulSoup(pages["compare/990000/coverage.md"], "html.parser").find("table")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.find_all("tr")[1:]]
    assert rows == [
        ["990101", "甲区", "甲区碳达峰实施方案"],
        ["990102", "乙区", "乙区碳达峰实施方案"],
        ["990103", "丙区", "尚未收集"],
    ]
    assert table.find("a")["href"] == "../../../plans/jia-2023/"


def test_the_dataset_metadata_offers_each_table_as_parquet(pages):
    distribution = _dataset(pages["data/index.md"])["distribution"]
    parquet = [d for d in distribution if d["encodingFormat"] == "application/vnd.apache.parquet"]
    assert {d["contentUrl"] for d in parquet} >= {"../downloads/latest/data/targets.parquet"}
    assert (
        len(parquet) == len([d for d in distribution if d["encodingFormat"] == "text/csv"]) == 13
    )  # the package's thirteen tables
