"""The whole pipeline with MkDocs: what lands in site/, and that a failed build leaves site/ alone.

Built from the fixture package (tests/fixture/); what the real site says is tested in test_data.py."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import copy_fixture_project, edit_cell, line_of, tree_digest

from generator import pipeline
from generator.base import i18n
from generator.base.paths import ROOT
from generator.base.problems import GeneratorError
from generator.build import drawing

pytestmark = pytest.mark.slow


def html(paths, page: str) -> BeautifulSoup:
    return BeautifulSoup((paths.site_dir / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_site_has_a_page_per_plan_and_the_shared_pages(fixture_built):
    built = fixture_built
    for page in [
        "plans/jia-2023",
        "plans/yi-2023",
        "plans/shili-pilot-2023",
        "compare",
        "data",
        "about",
        "methodology",
    ]:
        assert (built.site_dir / page / "index.html").is_file(), page
    assert (built.site_dir / "index.html").is_file()


def test_site_offers_the_downloads(fixture_built):
    built = fixture_built
    downloads = built.site_dir / "downloads" / "latest"
    descriptor = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert (downloads / resource["path"]).is_file()
        assert (downloads / resource["path"].replace(".csv", ".json")).is_file()


def test_a_plan_page_shows_its_targets_in_a_table(fixture_built):
    page = html(fixture_built, "plans/jia-2023")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in page.select("table tr")]
    rooftop = [row for row in rows if row and row[0] == "屋顶光伏覆盖率"]
    # indicator, action area, the commitment at a glance (in words, with its responsible bodies, those of measure
    # jia-2023-m001, and a comparison), target year, quote, section with its permalink
    commitment = "不低于30%（2025）责任单位：区发展改革委、区住房建设委各区对比"
    assert rooftop == [
        ["屋顶光伏覆盖率", "能源绿色低碳转型", commitment, "2025", "到2025年屋顶光伏覆盖率不低于30%", "三（一）1#"]
    ]
    assert page.h1.get_text(strip=True).startswith("甲区碳达峰实施方案")


def test_site_is_chinese_and_loads_no_google_fonts(fixture_built):
    built = fixture_built
    page = (built.site_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in page
    assert "fonts.googleapis.com" not in page and "fonts.gstatic.com" not in page


def test_every_download_link_on_the_data_page_exists(fixture_built):
    built = fixture_built
    page = html(built, "data")
    links = [a["href"] for a in page.select("article a[href]") if a["href"].endswith((".csv", ".json", ".txt"))]
    # 13 tables × (CSV, JSON) + 3 plans × 4 slices × (CSV, JSON) + 3 source texts + descriptor, report, manifest
    # + the targets with names
    assert len(links) == 26 + 24 + 3 + 3 + 1
    for href in links:
        assert ((built.site_dir / "data" / href).resolve()).is_file(), href


SIZE = re.compile(r"^\((\d+(?:\.\d)?) (字节|bytes|KB|MB)\)")
SCALE = {"字节": 1, "bytes": 1, "KB": 1000, "MB": 1000**2}


@pytest.mark.parametrize(("page", "words"), [("data", "字节"), ("en/data", "bytes")])
def test_the_data_page_gives_each_files_size_and_the_datas_date(fixture_built, page, words):
    soup = html(fixture_built, page)
    sized = 0
    for link in soup.select("article a[href*='downloads/']"):
        after = link.next_sibling
        match = SIZE.match(after.strip()) if isinstance(after, str) else None
        if not match:
            continue
        sized += 1
        actual = (fixture_built.site_dir / page / link["href"]).resolve().stat().st_size
        shown = float(match[1]) * SCALE[match[2]]
        assert abs(shown - actual) <= max(0.051 * SCALE[match[2]], actual * 0.005), (link["href"], match[0], actual)
        assert match[2] in (words, "KB", "MB")
    # every link to a table, package file, slice and source text of the whole-package and tables sections is sized
    assert sized >= 26 + 6 + 3
    created = json.loads((fixture_built.site_dir / "downloads/latest/datapackage.json").read_text())["created"][:10]
    year, month, day = (int(part) for part in created.split("-"))
    text = soup.select_one("article").get_text()
    assert (f"{year}年{month}月{day}日" if page == "data" else f"{day} {i18n.MONTHS[month - 1]} {year}") in text


def test_a_broken_row_fails_the_build_and_leaves_the_old_site(fixture_project):
    paths = fixture_project
    pipeline.build(paths)
    before = tree_digest(paths.site_dir)
    edit_cell(paths, "targets", line_of(paths, "targets", "target_id", "jia-2023-t006"), "value", "三十")
    edit_cell(paths, "targets", line_of(paths, "targets", "target_id", "yi-2023-t001"), "plan_id", "nowhere")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(paths.root), "build"], capture_output=True, text=True
    )
    assert result.returncode == 1
    jia_line = line_of(paths, "targets", "target_id", "jia-2023-t006")
    yi_line = line_of(paths, "targets", "target_id", "yi-2023-t001")
    assert f"datapackage/data/targets.csv:{jia_line}:value:" in result.stderr
    assert f"datapackage/data/targets.csv:{yi_line}:plan_id:" in result.stderr
    assert tree_digest(paths.site_dir) == before


def test_a_failing_mkdocs_build_leaves_the_old_site(fixture_project):
    paths = fixture_project
    pipeline.build(paths)
    before = tree_digest(paths.site_dir)
    (paths.docs_dir / "about.md").write_text("[broken](missing-page.md)\n", encoding="utf-8")
    with pytest.raises(GeneratorError):
        pipeline.build(paths)
    assert tree_digest(paths.site_dir) == before


def test_an_indicator_page_lists_each_districts_figure_and_the_stricter(fixture_built):
    page = html(fixture_built, "compare/990000/indicators/renewable-share")
    cells = {tr.td.get_text(strip=True): tr.find_all("td")[1].get_text(strip=True) for tr in page.select("tbody tr")}
    assert cells == {"甲区": "不低于15%（2030）", "乙区": "不低于18%（2030）力争"}
    assert "乙区（≥ 18%）严于甲区（≥ 15%）" in page.get_text()


def test_every_chart_is_an_svg_with_title_and_description(fixture_built):
    svgs = sorted((fixture_built.site_dir / "charts").rglob("*.svg"))
    # One indicator that both districts commit to (renewable-share), and the region's timeline, each laid out for a
    # phone and for a wide column.
    assert [path.name for path in svgs] == [
        "indicator-renewable-share-wide.svg", "indicator-renewable-share.svg", "timeline-wide.svg", "timeline.svg",
    ]  # fmt: skip
    for path in svgs:
        svg = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").svg
        assert svg.title.get_text() and svg.desc.get_text(), path.name


def test_plan_pages_count_their_commitments_by_year_in_a_table_with_bars(fixture_built):
    page = html(fixture_built, "plans/jia-2023")
    table = page.select_one("table.bars")
    assert table.caption.get_text(strip=True)
    totals = [int(row.select("td")[0].get_text()) for row in table.tbody.select("tr")]
    assert totals == [4, 1, 1, 1]  # 甲区: 2025, 2027, 2028, 2030
    # The same page lists each commitment once, in its table of targets after the bars.
    listed = [t for t in page.select("table") if t.select_one("th") and t.select_one("th").get_text() == "指标"]
    assert sum(totals) == sum(len(t.tbody.select("tr")) for t in listed) > 0


def search_fragments(site: Path) -> dict[str, str]:
    """Pagefind's per-page records (gzip: a signature, then JSON), as {url: indexed text}."""
    records = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(data)
        records[record["url"]] = record["content"].replace("\u200b", "")  # Pagefind marks Chinese word breaks
    return records


def test_search_indexes_every_page_body_but_not_the_navigation(fixture_built):
    records = search_fragments(fixture_built.site_dir)
    for plan in ("jia-2023", "yi-2023", "shili-pilot-2023"):
        assert f"/plans/{plan}/" in records and f"/sources/{plan}/" in records
        assert f"/en/plans/{plan}/" in records
    # 甲区 commits to rooftop PV coverage (三（一）1); 乙区 says nothing of it.
    assert "屋顶光伏覆盖率" in records["/plans/jia-2023/"] and "光伏" not in records["/plans/yi-2023/"]
    # Only the article is indexed: the sidebar's page names are not part of a plan's record.
    assert "关于本站" not in records["/plans/jia-2023/"]


def test_no_page_loads_anything_from_another_host(fixture_built):
    built = fixture_built
    external = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.IGNORECASE)
    css_import = re.compile(r"""(?:@import|url\()\s*["']?(?:https?:)?//""", re.IGNORECASE)
    offenders = []
    for path in built.site_dir.rglob("*"):
        if path.suffix in (".html", ".css", ".js") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for match in external.finditer(text):
                tag_start = text.rfind("<", 0, match.start())
                tag = text[tag_start : match.start()]
                if not tag.startswith("<a"):  # a link the reader may follow is not a request
                    offenders.append((path.relative_to(built.site_dir).as_posix(), text[tag_start : match.end() + 40]))
            offenders += [(path.name, m.group()) for m in css_import.finditer(text)]
    assert offenders == []


@pytest.mark.parametrize("page", ["", "data"])
def test_home_and_data_pages_describe_the_dataset_for_search_engines(fixture_built, page):
    built = fixture_built
    soup = BeautifulSoup((built.site_dir / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    [script] = soup.find_all("script", type="application/ld+json")
    dataset = json.loads(script.string)
    assert dataset["@context"] == "https://schema.org/" and dataset["@type"] == "Dataset"
    for key in ("name", "description", "license", "creator", "temporalCoverage", "spatialCoverage", "version"):
        assert dataset[key], key
    formats = {d["encodingFormat"] for d in dataset["distribution"]}
    assert {"text/csv", "application/json", "application/zip"} <= formats
    for distribution in dataset["distribution"]:
        assert (built.site_dir / page / distribution["contentUrl"]).resolve().is_file(), distribution["contentUrl"]
    assert {work["name"] for work in dataset["isBasedOn"]} >= {"示例市碳达峰试点建设方案", "甲区碳达峰实施方案"}


def test_every_page_states_the_licences_in_its_footer(fixture_built):
    for page in ("compare/990000/timeline", "en/compare/990000/timeline"):
        footer = html(fixture_built, page).select_one("footer")
        assert "CC BY 4.0" in footer.get_text() and "MIT" in footer.get_text()
        licence = footer.find("a", string="CC BY 4.0")
        assert licence is not None and licence["href"] == "https://creativecommons.org/licenses/by/4.0/", page
        assert licence["rel"] == ["license"]


def test_site_offers_the_latest_downloads_with_report_and_manifest(fixture_built):
    built = fixture_built
    assert (built.site_dir / "downloads" / "latest" / "tianjin-district-carbon-peaking-plans.zip").is_file()
    assert not (built.site_dir / "downloads" / "0.2.0").exists()  # the fixture project has no releases
    report = json.loads(
        (built.site_dir / "downloads" / "latest" / "validation-report.json").read_text(encoding="utf-8")
    )
    assert report["valid"] and {c["check"] for c in report["checks"]} >= {"text-in-source", "foreign-key"}
    manifest = json.loads((built.site_dir / "downloads" / "latest" / "build-manifest.json").read_text(encoding="utf-8"))
    zip_entry = manifest["outputs"]["tianjin-district-carbon-peaking-plans.zip"]
    data = (built.site_dir / "downloads" / "latest" / "tianjin-district-carbon-peaking-plans.zip").read_bytes()
    assert zip_entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert "datapackage/data/targets.csv" in manifest["inputs"] and manifest["tools"]["frictionless"]


def test_two_builds_of_the_same_input_are_byte_identical(fixture_built, tmp_path):
    again = copy_fixture_project(tmp_path)
    pipeline.build(again)
    assert tree_digest(again.site_dir) == tree_digest(fixture_built.site_dir)


SITE_URL = "https://example.org/carbon/"


def test_with_site_url_set_the_sitemaps_and_language_menus_use_it(fixture_project):
    """A maintainer sets site_url in mkdocs.yml (README): each edition's sitemap then lists full URLs, the English
    one under en/, and the language menu leads to the same page's full URL in each."""
    config = fixture_project.mkdocs_config
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    pipeline.build(fixture_project)
    site = fixture_project.site_dir

    def locations(sitemap: Path) -> list[str]:
        tree = ElementTree.fromstring(sitemap.read_bytes())
        return [loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]

    chinese, english = locations(site / "sitemap.xml"), locations(site / "en" / "sitemap.xml")
    assert f"{SITE_URL}plans/jia-2023/" in chinese and SITE_URL in chinese
    assert f"{SITE_URL}en/plans/jia-2023/" in english and f"{SITE_URL}en/" in english
    assert all(url.startswith(SITE_URL) and not url.startswith(f"{SITE_URL}en/") for url in chinese)
    assert all(url.startswith(f"{SITE_URL}en/") for url in english)
    expected = {"zh": f"{SITE_URL}plans/jia-2023/", "en": f"{SITE_URL}en/plans/jia-2023/"}
    for page in ("plans/jia-2023", "en/plans/jia-2023"):
        soup = html(fixture_project, page)
        assert {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")} == expected
        canonical = soup.select_one("link[rel=canonical]")["href"]
        assert canonical == expected["en" if page.startswith("en/") else "zh"]


def test_without_site_url_the_language_menu_leads_from_the_page(fixture_built):
    soup = html(fixture_built, "en/plans/jia-2023")
    hrefs = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
    assert hrefs == {"zh": "../../../plans/jia-2023/", "en": "../../../en/plans/jia-2023/"}
    assert "<loc>" not in (fixture_built.site_dir / "sitemap.xml").read_text(encoding="utf-8")


def test_the_site_is_the_same_whatever_the_machines_fonts_time_zone_locale_and_checkout_path(fixture_built, tmp_path):
    """Another checkout (a path with a space and Chinese), another time zone, locale and home, and a fontconfig that
    offers other fonts (one with every Chinese glyph, one that would shadow sans-serif): the same bytes, everywhere.
    """
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for font in (*Path("/usr/share/fonts").rglob("*.ttf"), *Path(drawing.FONT_DIR).glob("*.ttf")):
        shutil.copy(font, fonts / f"Arial-{font.name}")  # whatever the machine has, under another name too
    config = tmp_path / "fonts.conf"
    config.write_text(f"<fontconfig><dir>{fonts}</dir><dir>/usr/share/fonts</dir></fontconfig>\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    elsewhere = copy_fixture_project(_mkdir(tmp_path / "another checkout" / "碳达峰"))
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "LANG", "LC_ALL", "LC_CTYPE")},
        "TZ": "Pacific/Kiritimati",  # UTC+14: another calendar day than UTC
        "LC_ALL": "C",
        "HOME": str(home),
        "FONTCONFIG_FILE": str(config),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(elsewhere.root), "build"],
        cwd=home, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert tree_digest(elsewhere.site_dir) == tree_digest(fixture_built.site_dir), _first_difference(
        elsewhere.site_dir, fixture_built.site_dir
    )
    for path in elsewhere.site_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert str(elsewhere.root).encode() not in data and str(ROOT).encode() not in data, path


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def _first_difference(one: Path, other: Path) -> list[str]:
    """The files that differ between two built trees (the assertion's message)."""
    files = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    files |= {p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file()}
    differ = [f for f in sorted(files) if not (one / f).is_file() or not (other / f).is_file()]
    differ += [f for f in sorted(files) if (one / f).is_file() and (other / f).is_file()
               and (one / f).read_bytes() != (other / f).read_bytes()]  # fmt: skip
    return differ[:20]


def content_security_policy(soup: BeautifulSoup) -> dict[str, list[str]]:
    [meta] = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    directives = (d.split() for d in meta["content"].split(";") if d.strip())
    return {name: values for name, *values in directives}


def test_every_page_has_a_content_security_policy_that_names_each_of_its_inline_scripts(fixture_built):
    """The policy lists the theme's inline scripts by hash: this fails when the theme changes one of them (then put
    the new hashes in overrides/main.html). Nothing else runs inline: no event handler attribute, no unsafe-inline."""
    pages = sorted(fixture_built.site_dir.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        policy = content_security_policy(soup)
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"], path
        assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"], path
        allowed = {value.removeprefix("'sha256-").removesuffix("'") for value in policy["script-src"]}
        for script in soup.find_all("script"):
            if script.get("src") or script.get("type") in ("application/json", "application/ld+json"):
                continue  # a file of the site's own, or a data block (which CSP neither runs nor blocks)
            digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
            assert digest in allowed, (str(path), f"'sha256-{digest}'", script.string[:60])
        handlers = [(tag.name, a) for tag in soup.find_all(True) for a in tag.attrs if a.lower().startswith("on")]
        assert handlers == [], path
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert not meta.find_all_previous("script"), path  # in force before the first script


def test_no_page_points_material_at_a_sitemap_that_does_not_exist(fixture_built):
    """Material fetches sitemap.xml below every <link rel="alternate"> in <head>, taking it for an edition's root:
    the only such links are to the edition's Atom feed, on its home and changelog pages, beside its sitemap.xml."""
    linked = []
    for path in fixture_built.site_dir.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for link in soup.find_all("link", rel="alternate"):
            assert link.get("type") == "application/atom+xml", path
            feed = (path.parent / link["href"]).resolve()
            assert feed.is_file() and (feed.parent / "sitemap.xml").is_file(), path
            linked.append(path.relative_to(fixture_built.site_dir).as_posix())
    assert sorted(linked) == [
        "data/changelog/index.html",
        "en/data/changelog/index.html",
        "en/index.html",
        "index.html",
    ]


def test_the_404_page_speaks_both_languages_and_leads_home_and_to_the_search(fixture_built):
    """Served at any address that has no page, to readers of either edition."""
    for path in ("404.html", "en/404.html"):
        article = BeautifulSoup((fixture_built.site_dir / path).read_text(encoding="utf-8"), "html.parser").article
        assert article.h1.select_one("[lang=zh]").get_text() == "找不到这个页面"
        assert article.h1.select_one("[lang=en]").get_text() == "Page not found"
        assert {a["hreflang"]: a["href"] for a in article.select("a[hreflang]")} == {"zh": "/", "en": "/en/"}
        # Each edition's search: the English 404 page's menu and search lead to English pages (engine/editions.py).
        search = "/search/" if path == "404.html" else "/en/search/"
        assert article.select_one("form.site-search")["action"] == search
        soup = BeautifulSoup((fixture_built.site_dir / path).read_text(encoding="utf-8"), "html.parser")
        menu = [a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")]
        assert menu and all(href.startswith("/en/") == (path != "404.html") for href in menu), menu


def test_a_build_writes_nothing_under_docs_which_holds_only_hand_written_pages(fixture_built, hand_written):
    """Generated pages go to .build/parts/<part>/docs and are served beside docs/ (engine/editions.py): the
    folder people write in stays as the checkout has it, and git needs no rule to ignore generated files there."""
    written = sorted(p.relative_to(fixture_built.docs_dir).as_posix() for p in fixture_built.docs_dir.rglob("*"))
    assert written == hand_written
    assert (fixture_built.site_dir / "about" / "index.html").is_file()  # served all the same
    assert (fixture_built.site_dir / "plans" / "jia-2023" / "index.html").is_file()
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "/docs/" not in ignored


@pytest.fixture(scope="module")
def hand_written(tmp_path_factory) -> list[str]:
    """What docs/ holds in a fresh copy of the fixture project, before any build."""
    paths = copy_fixture_project(tmp_path_factory.mktemp("unbuilt"))
    return sorted(p.relative_to(paths.docs_dir).as_posix() for p in paths.docs_dir.rglob("*"))
