"""The generated Markdown pages, before MkDocs: what each page says, from the fixture package (tests/fixture/).

Pages are read from docs/ after ``pipeline.build(paths, run_mkdocs=False)``; what the real pages say about the
real plans is tested in test_data.py.
"""

from __future__ import annotations

import csv
import importlib
import json
import re
import urllib.parse

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE, copy_fixture_project, edit_cell, line_of

from generator import pipeline
from generator.base import i18n, urls
from generator.build import parts
from generator.build.parts import WHOLE
from generator.engine import editions
from generator.package import load
from generator.pages import catalogue, charts, render
from generator.site.assemble import assemble

PLANS = ("jia-2023", "yi-2023", "shili-pilot-2023")


def render_fixture(destination) -> dict[str, str]:
    """Every generated page and chart of the fixture project, by path under docs/."""
    paths = copy_fixture_project(destination)
    pipeline.build(paths, run_mkdocs=False)
    generated = paths.part_docs(parts.WHOLE)
    return {
        path.relative_to(generated).as_posix(): path.read_text(encoding="utf-8")
        for path in generated.rglob("*")
        if path.suffix in (".md", ".svg", ".xml")
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    inputs, validation = pipeline.check(copy_fixture_project(tmp_path_factory.mktemp("site")))
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


def test_past_the_listed_plans_the_home_page_lists_the_divisions(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "LISTED_PLANS", 2)  # 示例市 has three plans
    monkeypatch.setattr(charts, "MOST_ROWS", 2)  # and no charts, which are not what this test is about
    pages = render_fixture(tmp_path)
    assert "isBasedOn" not in _dataset(pages["index.md"])
    assert "plans/index.md#r990000" in pages["index.md"]  # the home page lists the divisions, not each plan
    assert "plans/jia-2023.md" not in pages["index.md"]


def onward(page: str, path: str) -> str:
    """Where a relative link of the page at ``path`` (under docs/) leads, as a path under docs/."""
    return urllib.parse.urljoin(path, page.partition("#")[0].partition("?")[0])


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_past_the_listed_plans_the_data_page_leaves_each_plans_files_to_its_page(tmp_path, monkeypatch, lang):
    monkeypatch.setattr(render, "LISTED_PLANS", 2)  # 示例市 has three plans
    monkeypatch.setattr(charts, "MOST_ROWS", 2)
    pages = render_fixture(tmp_path)
    path = i18n.page_path(urls.DATA_INDEX, lang)
    data = pages[path]
    assert "isBasedOn" not in _dataset(data)
    for plan in PLANS:
        slices = [urls.plan_slice(plan, name, fmt) for name in render.PER_PLAN for fmt in ("csv", "json")]
        assert not [s for s in slices if s in data] and f"{plan}.txt" not in data  # nor its source text
        assert f"plans/{plan}.md" not in data
        own = pages[i18n.page_path(urls.plan_page(plan), lang)]
        assert urls.plan_slice(plan, "targets", "csv") in own and f"{plan}.txt" in own
    links = [link.partition(")")[0] for link in data.split("](")[1:]]
    assert onward(next(link for link in links if "plans/" in link), urls.DATA_INDEX) == urls.PLANS_INDEX


def test_within_the_listed_plans_the_data_page_lists_each_plans_slices_and_source(pages):
    data = pages[urls.DATA_INDEX]
    assert len(_dataset(data)["isBasedOn"]) == len(PLANS)
    for plan in PLANS:
        assert urls.plan_slice(plan, "targets", "csv") in data and f"{plan}.txt" in data


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_past_the_indexed_plans_the_list_of_plans_leads_to_each_divisions_coverage(tmp_path, monkeypatch, lang):
    monkeypatch.setattr(render, "INDEXED_PLANS", 2)  # 示例市 has three plans
    monkeypatch.setattr(charts, "MOST_ROWS", 2)
    pages = render_fixture(tmp_path)
    listing = pages[i18n.page_path(urls.PLANS_INDEX, lang)]
    assert "{ #r990000 }" in listing  # where the home page links the division
    links = [onward(link.partition(")")[0], urls.PLANS_INDEX) for link in listing.split("](")[1:]]
    coverage = urls.region_page("990000", "coverage")
    assert links == [coverage, urls.plan_page("shili-pilot-2023")]  # the city's plan is not on the coverage page
    districts = BeautifulSoup(pages[i18n.page_path(coverage, lang)], "html.parser").table
    assert {a["href"] for a in districts.find_all("a")} == {"../../../plans/jia-2023/", "../../../plans/yi-2023/"}


def test_within_the_indexed_plans_the_list_of_plans_lists_each(pages):
    listing = pages[urls.PLANS_INDEX]
    assert [link.partition(")")[0] for link in listing.split("](")[1:]] == [f"{plan}.md" for plan in PLANS]


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
        "charts/990000/indicator-renewable-share-wide.en.svg",
        "charts/990000/indicator-renewable-share-wide.svg",
        "charts/990000/indicator-renewable-share.en.svg",
        "charts/990000/indicator-renewable-share.svg",
        "charts/990000/timeline-wide.en.svg",
        "charts/990000/timeline-wide.svg",
        "charts/990000/timeline.en.svg",
        "charts/990000/timeline.svg",
    ]


def test_a_plan_page_shows_its_target_quote_issuer_and_date(pages):
    page = pages["plans/jia-2023.md"]
    assert "不低于30%（2025）" in page  # ≥ 30 by 2025, in words
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
        "不低于15%（2030）",
        "不低于18%（2030） 力争",  # the qualifier as a badge after the year
    ]
    assert [td.get_text() for td in rows["屋顶光伏覆盖率"].find_all("td")][3] == "—"  # 乙区 makes no commitment
    assert "乙区（≥ 18%）严于甲区（≥ 15%）" in page


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_past_its_limit_the_comparison_by_indicator_counts_the_plans_of_each_indicator(tmp_path, monkeypatch, lang):
    from generator.site.views import comparisons

    monkeypatch.setattr(comparisons, "TARGETS_COLUMNS", 1)  # 示例市 has two district plans
    page = BeautifulSoup(render_fixture(tmp_path)[i18n.page_path("compare/990000/targets.md", lang)], "html.parser")
    assert not page.find_all("th", attrs={"data-key": "jia-2023"})  # no column per plan
    district = {row["plan_id"] for row in fixture_rows("plans") if row["kind"] == "district-plan"}
    committed: dict[str, set[str]] = {}
    years: dict[str, set[str]] = {}
    for row in fixture_rows("targets"):
        if row["plan_id"] in district:
            committed.setdefault(row["indicator_id"], set()).add(row["plan_id"])
            years.setdefault(row["indicator_id"], set()).update({row["target_year"]} - {""})
    shown = {}
    for tr in page.find_all("tr"):
        cells = tr.find_all("td")
        if cells:
            href = cells[0].a["href"]
            shown[href] = (cells[2].get_text(), cells[3].get_text())
    separator = "、" if lang == "zh" else ", "
    expected = {}
    for indicator, plans in committed.items():
        if len(plans) > 1:
            href = f"../indicators/{indicator}/"
        else:
            first = next(r for r in fixture_rows("targets") if r["indicator_id"] == indicator and r["plan_id"] in plans)
            href = f"../../../plans/{first['plan_id']}/#{first['target_id']}"
        expected[href] = (str(len(plans)), separator.join(sorted(years[indicator])) or "—")
    assert shown == expected


def test_the_catalogue_names_each_pages_owner_and_renders_without_knowing_the_parts(site):
    """A plan's pages and a region's comparisons are its region's; the national pages no region's. A page renders
    from the site, itself and how it links alone: here, as if every other page were elsewhere."""
    listed = catalogue.catalogue(site, ("zh",))
    owners = {page.address: page.owner for page in listed.pages}
    assert owners["plans/jia-2023.md"] == owners["sources/jia-2023.md"] == "990000"
    assert owners["compare/990000/targets.md"] == "990000"
    assert owners[urls.HOME] is owners[urls.DATA_INDEX] is owners[urls.DOCUMENTS] is None
    assert {drawn.owner for drawn in listed.charts} == {"990000"}
    home = next(page for page in listed.pages if page.address == urls.HOME)
    env = render.environment(site.model, "zh", site.settings)
    text = render.render_page(env, site, home, {}, render.links(lambda target: True))
    assert "](plans/jia-2023/)" in text  # the plan's page as served: another part's build would not hold it
    assert "](plans/jia-2023.md)" in render.render_page(env, site, home, {}, render.links())


def test_each_charts_wide_drawing_is_owned_and_localised_as_the_narrow_one(site):
    """The drawing for a wide column sits beside the phone's (x-wide.svg), in its region's part; its English file
    (x-wide.en.svg) is the one the English edition serves at the Chinese name that pages link."""
    listed = catalogue.catalogue(site)
    owners = listed.owners()
    english = [drawn for drawn in listed.charts if drawn.lang != i18n.DEFAULT]
    assert english and len(english) * 2 == len(listed.charts)
    for drawn in listed.charts:
        chart, files = drawn.chart, drawn.localised
        assert chart.wide_path == chart.path.removesuffix(".svg") + "-wide.svg"
        assert owners[chart.wide_path] == owners[chart.path] == drawn.owner == "990000"
        if drawn.lang == i18n.DEFAULT:
            assert (files.path, files.wide_path) == (chart.path, chart.wide_path)
        else:
            assert files.wide_path == chart.wide_path.removesuffix(".svg") + ".en.svg"
            assert editions.english_name(files.wide_path) == chart.wide_path
    paths = [path for drawn in listed.charts for path in (drawn.localised.path, drawn.localised.wide_path)]
    assert len(set(paths)) == len(paths)


def test_the_page_table_makes_one_page_per_object_in_each_language(site, pages):
    expected = {
        i18n.page_path(kind.address(item), lang)
        for lang in i18n.LANGUAGES
        for kind in catalogue.PAGES
        for item in kind.made_for(site)
    }
    # and the navigation, which each folder of pages has (build/workers.py): the fixture is one part
    expected |= {i18n.page_path(urls.NAVIGATION, lang) for lang in i18n.LANGUAGES}
    assert {path for path in pages if path.endswith((".md", ".xml"))} == expected  # .xml: the feeds


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
    # Each whole tile is a link: to the district's one plan, or to its page when it has none.
    assert [(a.select_one(".district-tile__name").get_text(), a["href"]) for a in tiles.find_all("a")] == [
        ("甲区", "plans/jia-2023/"),
        ("乙区", "plans/yi-2023/"),
        ("丙区", "districts/990103/"),
    ]
    assert all(li.a and li.a.select_one(".district-tile__status") for li in tiles.find_all("li"))
    assert [li.get_text(" ") for li in tiles.find_all("li")] == [
        "甲区 已收录：印发施行",
        "乙区 已收录：印发施行",
        "丙区 尚未收集",
    ]
    assert "grid-area" not in str(tiles)  # 示例市 has no layout: its tiles are in code order
    legend = BeautifulSoup(home.split('<ul class="district-legend"', 1)[1].split("</ul>", 1)[0], "html.parser")
    assert [li.get_text() for li in legend.find_all("li")] == ["已收录：印发施行", "尚未收集"]
    english = pages["index.en.md"]
    assert "Example City has 3 districts; the dataset holds the carbon-peaking implementation plans of 2" in english
    assert "The plan of the remaining district has not been collected yet: Bing District." in english  # one district


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


# Report an error (mkdocs.yml extra.report_error_url): no link by default; with a tracker, one per target.
TRACKER = "https://tracker.example/issues/new?title={title}&body={body}"


def test_without_a_tracker_no_target_offers_to_report_an_error(pages):
    assert "report-error" not in pages["plans/jia-2023.md"] and "报告错误" not in pages["plans/jia-2023.md"]


def test_with_a_tracker_each_target_links_a_prefilled_report(tmp_path):
    paths = copy_fixture_project(tmp_path)
    config = paths.mkdocs_config.read_text(encoding="utf-8")
    assert 'report_error_url: ""' in config  # the one place the setting lives, empty by default
    paths.mkdocs_config.write_text(config.replace('report_error_url: ""', f'report_error_url: "{TRACKER}"'), "utf-8")
    pipeline.build(paths, run_mkdocs=False)
    page = BeautifulSoup((paths.part_docs(WHOLE) / "plans" / "jia-2023.md").read_text(encoding="utf-8"), "html.parser")
    links = page.select("a.report-error")
    assert len(links) == len(page.select("tr[id]")) == 7  # every target of 甲区's plan
    row = page.find("tr", id="jia-2023-t006")
    link = row.select_one("a.report-error")
    assert link.get_text() == "报告错误"
    # Title: the ID; body: the quote, then the row's address (no site_url: its path), each URL-encoded.
    quote = "到2025年屋顶光伏覆盖率不低于30%"
    body = urllib.parse.quote(f"{quote}\n\nplans/jia-2023/#jia-2023-t006", safe="")
    assert link["href"] == f"https://tracker.example/issues/new?title=jia-2023-t006&body={body}"
    english = BeautifulSoup(
        (paths.part_docs(WHOLE) / "plans" / "jia-2023.en.md").read_text(encoding="utf-8"), "html.parser"
    )
    link = english.find("tr", id="jia-2023-t006").select_one("a.report-error")
    assert link.get_text() == "Report an error" and "en%2Fplans%2Fjia-2023%2F%23jia-2023-t006" in link["href"]


def test_a_plan_page_leads_with_its_headline_cards_and_keeps_its_metadata_lower(pages):
    page = pages["plans/jia-2023.md"]
    cards, targets, about = page.index("headline-cards"), page.index("## 目标与承诺"), page.index("## 关于本文件")
    assert cards < targets < about < page.index("SHA-256") and page.index("印发机关") > about
    soup = BeautifulSoup(page, "html.parser")
    # 甲区: 力争2028年前实现碳达峰 (t005); its figures: renewable-share (a headline indicator) first, then the other
    # figures of its main goals in document order (t002, t003); every card leads to a row of the page.
    links = [a["href"] for a in soup.select("a.headline-card")]
    assert links == ["#jia-2023-t005", "#jia-2023-t004", "#jia-2023-t002", "#jia-2023-t003"]
    assert all(soup.find("tr", id=href[1:]) for href in links)
    assert "2028年前" in soup.select_one(".headline-card--peak").get_text()


def test_the_settings_are_read_from_mkdocs_yml_whatever_tags_it_holds():
    config = b"""site_url: https://example.org/x/
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  report_error_url: https://tracker.example/new?title={title}&body={body}
"""
    assert load.site_settings(config) == load.SiteSettings(
        "https://example.org/x/", "https://tracker.example/new?title={title}&body={body}"
    )
    assert load.site_settings(b"site_name: x\n") == load.SiteSettings("", "")
    assert load.site_settings(b"") == load.SiteSettings()


def fixture_rows(resource: str) -> list[dict]:
    """A table of the fixture package as its CSV says, read here and not by the generator."""
    with (FIXTURE / "datapackage" / "data" / f"{resource}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


FIXTURE_AGENCIES = sorted({link["agency_id"] for link in fixture_rows("measure_agencies")})


@pytest.mark.parametrize("agency_id", FIXTURE_AGENCIES)
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_an_agency_page_lists_exactly_its_measures_and_the_targets_under_them(pages, agency_id, lang):
    measures = {row["measure_id"]: row for row in fixture_rows("measures")}
    own = {link["measure_id"] for link in fixture_rows("measure_agencies") if link["agency_id"] == agency_id}
    targets = {row["target_id"] for row in fixture_rows("targets") if row["measure_id"] in own}
    title = "title" if lang == "zh" else "title_en"
    page = BeautifulSoup(pages[i18n.page_path(f"compare/990000/agencies/{agency_id}.md", lang)], "html.parser")
    listed = [
        (row.a["href"].split("/")[-2], *(td.get_text() for td in row.find_all("td")[:2]))
        for table in page.find_all("table")
        if table.th.get_text() in ("位置", "Section")
        for row in table.tbody.find_all("tr")
    ]
    all_targets = {row["target_id"] for row in fixture_rows("targets")}
    linked_targets = {a["href"].partition("#")[2] for a in page.find_all("a")} & all_targets
    assert sorted(listed) == sorted((measures[m]["plan_id"], measures[m]["section"], measures[m][title]) for m in own)
    assert linked_targets == targets
    for a in page.find_all("a", href=lambda href: href.partition("#")[2] in targets):
        assert a["href"].startswith(f"../../../../sources/{a['href'].partition('#')[2].rsplit('-t', 1)[0]}/")


# The module of the agencies' views (the package generator.site.views names its function ``agencies`` so).
AGENCY_VIEWS = importlib.import_module("generator.site.views.agencies")


def test_an_agency_page_lists_its_measures_up_to_its_limit_of_rows(site, monkeypatch):
    busiest = AGENCY_VIEWS.agency_pages(site.regions[0].model)[0]
    rows = busiest.measure_count + busiest.target_count
    monkeypatch.setattr(AGENCY_VIEWS, "AGENCY_LISTED", rows)
    assert AGENCY_VIEWS.agency_pages(site.regions[0].model)[0].listed
    monkeypatch.setattr(AGENCY_VIEWS, "AGENCY_LISTED", rows - 1)
    assert not AGENCY_VIEWS.agency_pages(site.regions[0].model)[0].listed


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_past_its_limit_an_agency_page_links_each_plan_with_its_counts(tmp_path, monkeypatch, lang):
    monkeypatch.setattr(AGENCY_VIEWS, "AGENCY_LISTED", 0)
    monkeypatch.setattr(charts, "MOST_ROWS", 2)
    pages = render_fixture(tmp_path)
    plan_of = {row["measure_id"]: row["plan_id"] for row in fixture_rows("measures")}
    for agency_id in FIXTURE_AGENCIES:
        own = {link["measure_id"] for link in fixture_rows("measure_agencies") if link["agency_id"] == agency_id}
        measures = {plan: sum(plan_of[m] == plan for m in own) for plan in PLANS}
        targets = {plan: sum(t["measure_id"] in own and t["plan_id"] == plan for t in fixture_rows("targets"))
                   for plan in PLANS}  # fmt: skip
        path = i18n.page_path(urls.agency_page("990000", agency_id), lang)
        page = BeautifulSoup(pages[path], "html.parser")
        assert not [a for a in page.find_all("a") if "sources/" in a["href"]]  # no measure or target listed
        counted = {
            onward(row.a["href"], path.replace(".md", "/")).rstrip("/") + ".md": [td.get_text() for td in row("td")[1:]]
            for row in page.table.tbody.find_all("tr")
        }
        assert counted == {
            urls.plan_page(plan): [str(measures[plan]), str(targets[plan])] for plan in PLANS if measures[plan]
        }
        assert all(i18n.page_path(plan, lang) in pages for plan in counted)


def test_the_agencies_table_links_each_agency_to_its_page(pages):
    table = BeautifulSoup(pages["compare/990000/agencies.md"], "html.parser").find("table")
    assert sorted(a["href"] for a in table.find_all("a")) == [f"{agency_id}/" for agency_id in FIXTURE_AGENCIES]


def test_a_plan_page_links_its_official_page_only_where_a_maintainer_recorded_one(tmp_path):
    paths = copy_fixture_project(tmp_path)
    address = "https://www.example.gov.cn/zwgk/jia_(2023).html"
    edit_cell(paths, "plans", line_of(paths, "plans", "plan_id", "jia-2023"), "official_url", address)
    pipeline.build(paths, run_mkdocs=False)
    for lang, label in (("zh", "政府网站原文"), ("en", "Official page")):
        jia = (paths.part_docs(WHOLE) / i18n.page_path("plans/jia-2023.md", lang)).read_text(encoding="utf-8")
        item = next(line for line in jia.splitlines() if label in line)
        link = BeautifulSoup(item, "html.parser").a
        assert (link["href"], link.get_text()) == (address, address)
        yi = (paths.part_docs(WHOLE) / i18n.page_path("plans/yi-2023.md", lang)).read_text(encoding="utf-8")
        assert label not in yi


def test_a_source_page_says_what_its_text_was_received_as(tmp_path):
    """Extracted from a PDF, web page or Word file received (its SHA-256 given), received as text, or, for the plans
    recorded before the field, extracted from the government's PDF."""
    paths = copy_fixture_project(tmp_path)
    received_pdf = "ab" * 32
    jia, yi = (line_of(paths, "plans", "plan_id", plan) for plan in ("jia-2023", "yi-2023"))
    edit_cell(paths, "plans", jia, "received_format", "pdf")
    edit_cell(paths, "plans", jia, "received_sha256", received_pdf)
    edit_cell(paths, "plans", yi, "received_format", "txt")
    edit_cell(paths, "plans", yi, "received_sha256", fixture_rows("plans")[1]["source_sha256"])
    pipeline.build(paths, run_mkdocs=False)
    expected = {
        ("jia-2023", "zh"): "由收到的PDF 文件提取为文本",
        ("jia-2023", "en"): "extracted as text from the PDF received",
        ("yi-2023", "zh"): "以文本形式收到，按收到时原样保存",
        ("yi-2023", "en"): "received as text and kept exactly as received",
        ("shili-pilot-2023", "zh"): "由政府公开发布的 PDF 文件提取为文本",
        ("shili-pilot-2023", "en"): "extracted as text from the PDF published by the government",
    }
    for (plan, lang), words in expected.items():
        page = (paths.part_docs(WHOLE) / i18n.page_path(f"sources/{plan}.md", lang)).read_text(encoding="utf-8")
        note = page.split("!!! note", 1)[1].split("\n\n", 1)[0]
        assert words in note and (received_pdf in note) == (plan == "jia-2023"), (plan, lang, note)
        assert "<p" not in note  # the source's first paragraph is not in the note's box


def test_every_district_has_a_page_that_lists_its_plans_or_asks_for_the_missing_one(pages):
    jia = BeautifulSoup(pages["districts/990101.md"], "html.parser")
    assert "本数据集收录了甲区的 1 份方案" in pages["districts/990101.md"]
    assert "../plans/jia-2023.md" in pages["districts/990101.md"] and not jia.select("p.district-missing")
    bing = pages["districts/990103.md"]
    assert "丙区的碳达峰实施方案尚未收集" in bing
    assert "方案原文中没有点名各区发展改革委的要求。" in bing  # the fixture's programme asks nothing of them
    assert "示发改〔2023〕1号" in bing and "../compare/990000/pilot.md" in bing
    assert "(../methodology.md#report)" in bing  # no tracker: the methodology says where to write
    english = pages["districts/990103.en.md"]
    assert "# Bing District" in english and "not collected yet" in english and "提供" not in english


def test_the_page_of_comparisons_of_one_region_lists_its_pages_and_their_questions(pages):
    page = pages["compare/index.md"]
    assert "[按指标对比](990000/targets.md)" in page and "谁的要求更严？" in page
    assert "| 示例市（990000） |" not in page  # no table of one row


def test_templates_compiled_once_are_read_back_and_render_the_same(site, tmp_path, monkeypatch):
    home = {p.lang: p for p in catalogue.catalogue(site, i18n.LANGUAGES).pages if p.address == urls.HOME}
    link = render.links()

    def home_page(lang, compiled=None):
        env = render.environment(site.model, lang, compiled=compiled)
        return render.render_page(env, site, home[lang], {}, link)

    plain = {lang: home_page(lang) for lang in home}
    assert home_page("zh", tmp_path) == plain["zh"]
    kept = sorted(path.name for path in tmp_path.iterdir())
    assert kept, "nothing compiled was kept"

    def no_compiling(*args, **kwargs):
        raise AssertionError("a kept template was compiled again")

    monkeypatch.setattr(render.Environment, "compile", no_compiling)
    assert home_page("en", tmp_path) == plain["en"]  # from the templates compiled for the Chinese page
    assert sorted(path.name for path in tmp_path.iterdir()) == kept


def timeline_rows(page: str) -> list[tuple[str, str, str]]:
    """Each row of a timeline page's tables of commitments: (year in its caption, plan, target linked)."""
    soup = BeautifulSoup(page, "html.parser")
    return [
        (table.caption.get_text(), row["data-plan"], row.a["href"].partition("#")[2])
        for table in soup.find_all("table", attrs={"data-filterable": True})
        for row in table.tbody.find_all("tr")
    ]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_timeline_lists_each_dated_commitment_of_the_region_once_under_its_year(pages, lang):
    dated = {(row["target_year"], row["plan_id"], row["target_id"]) for row in fixture_rows("targets")}
    dated = {entry for entry in dated if entry[0]}  # 乙区's yearly green buildings has no year
    listed = timeline_rows(pages[i18n.page_path("compare/990000/timeline.md", lang)])
    due = "{}年到期" if lang == "zh" else "Due in {}"
    assert sorted(listed) == sorted((due.format(y), p, t) for y, p, t in dated)
    assert len({target for *_, target in listed}) == len(listed)


def test_past_its_limit_the_timeline_links_each_plans_year_onward(tmp_path, monkeypatch):
    from generator.site.views import comparisons

    monkeypatch.setattr(comparisons, "TIMELINE_LISTED", 5)  # 示例市's plans have 11 dated commitments
    page = render_fixture(tmp_path)["compare/990000/timeline.md"]
    assert timeline_rows(page) == []
    soup = BeautifulSoup(page, "html.parser")
    onward = [(table.caption.get_text(), a["href"], a.find_parent("tr").find_all("td")[1].get_text())
              for table in soup.find_all("table") for a in table.find_all("a")]  # fmt: skip
    assert onward[0] == ("2025年到期", "../../../plans/jia-2023/?year=2025", "4")  # 甲区 first, 2025 first
    counts: dict[tuple[str, str], int] = {}
    for row in fixture_rows("targets"):
        if row["target_year"]:
            key = (row["target_year"], row["plan_id"])
            counts[key] = counts.get(key, 0) + 1
    expected = sorted((f"{y}年到期", f"../../../plans/{p}/?year={y}", str(n)) for (y, p), n in counts.items())
    assert sorted(onward) == expected


# What a region's page of documents says of itself when it lists every citation with its quote, in its text and in
# its description.
WITH_QUOTES = {
    "zh": ["每处引用附方案原文", "附引用的原文"],
    "en": ["Every citation comes with", "with the words that cite"],
}


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_a_regions_page_of_documents_holds_exactly_its_plans_citations(pages, lang):
    page = BeautifulSoup(pages[i18n.page_path("compare/990000/documents.md", lang)], "html.parser")
    quoted = [a["href"] for a in page.find_all("a") if "-c0" in a["href"]]
    citations = fixture_rows("citations")
    assert sorted(quoted) == sorted(f"../../../sources/{c['plan_id']}/#{c['citation_id']}" for c in citations)
    text = pages[i18n.page_path("compare/990000/documents.md", lang)]
    cited = {c["document_id"] for c in citations}
    for document in fixture_rows("documents"):
        assert (f"{{ #{document['document_id']} }}" in text) == (document["document_id"] in cited)
    assert [words for words in WITH_QUOTES[lang] if words in text] == WITH_QUOTES[lang]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_national_page_of_documents_lists_each_once_with_its_count_and_regions(pages, lang):
    page = BeautifulSoup(pages[i18n.page_path(urls.DOCUMENTS, lang)], "html.parser")
    rows = {row["id"]: row for row in page.find_all("tr", id=True)}
    documents = fixture_rows("documents")
    assert len(page.find_all("tr", id=True)) == len(rows) == len(documents)
    for document in documents:
        row = rows[document["document_id"]]
        citing = {c["plan_id"] for c in fixture_rows("citations") if c["document_id"] == document["document_id"]}
        assert row.find_all("td")[1].get_text() == str(len(citing))
        regions = [a["href"] for a in row.find_all("td")[2].find_all("a")]
        assert regions == ([f"../990000/documents/#{document['document_id']}"] if citing else [])
    assert "-c0" not in pages[i18n.page_path(urls.DOCUMENTS, lang)]  # the quotes are on the region's page


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_past_its_limit_the_national_page_of_documents_counts_each_regions_local_ones(tmp_path, monkeypatch, lang):
    from generator.site.views import documents as document_views

    monkeypatch.setattr(document_views, "DOCUMENTS_LISTED", 1)
    pages = render_fixture(tmp_path)
    page = BeautifulSoup(pages[i18n.page_path(urls.DOCUMENTS, lang)], "html.parser")
    documents = fixture_rows("documents")
    shared = {d["document_id"] for d in documents if d["level"] in ("national", "standard-or-law")}
    assert {row["id"] for row in page.find_all("tr", id=True)} == shared
    cited = {c["document_id"] for c in fixture_rows("citations")}
    local = {
        level: {d["document_id"] for d in documents if d["level"] == level} & cited for level in ("city", "district")
    }
    counted = [
        [(a["href"], a.find_parent("tr").find_all("td")[1].get_text()) for a in table.find_all("a")]
        for table in page.find_all("table")
        if not table.find_all("tr", id=True)
    ]
    assert counted == [[("../990000/documents/", str(len(ids)))] for ids in local.values() if ids]
    region = pages[i18n.page_path("compare/990000/documents.md", lang)]
    assert set(re.findall(r"\]\(\.\./documents\.md#([^)]+)\)", region)) == shared & cited  # no link to a local one


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_past_its_limit_a_regions_page_of_documents_names_the_citing_plans_without_quotes(tmp_path, monkeypatch, lang):
    from generator.site.views import documents as document_views

    monkeypatch.setattr(document_views, "CITATIONS_LISTED", 1)  # 示例市's plans cite documents twice
    pages = render_fixture(tmp_path)
    text = pages[i18n.page_path("compare/990000/documents.md", lang)]
    assert "<table>" not in text  # neither the lineage nor the citations with their quotes
    assert not [words for words in WITH_QUOTES[lang] if words in text]  # nor says it has them
    citations = fixture_rows("citations")
    assert not [c for c in citations if c["quote"] in text]
    linked = re.findall(r"\]\(\.\./\.\./sources/([^/]+)\.md#([^)]+)\)", text)
    first: dict[tuple[str, str], str] = {}
    for c in citations:
        first.setdefault((c["document_id"], c["plan_id"]), c["citation_id"])
    assert sorted(linked) == sorted((plan, citation) for (_, plan), citation in first.items())


def test_a_plan_links_the_documents_it_cites_on_its_regions_page(pages):
    page = pages["plans/jia-2023.md"]
    assert "(../compare/990000/documents.md#shili-carbon-peaking-plan)" in page
    assert 'href="../../compare/990000/documents/#shili-carbon-peaking-plan"' in page  # its deferral's basis
    assert "        * [方案依据的文件](compare/990000/documents.md)\n" in pages["SUMMARY.md"]  # under its region
