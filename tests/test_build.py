"""The whole pipeline with MkDocs: what lands in site/, and that a failed build leaves site/ alone."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project, edit_cell, line_of

from generator import cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    paths = copy_project(tmp_path_factory.mktemp("project"))
    cli.build(paths)
    return paths


def html(paths, page: str) -> BeautifulSoup:
    return BeautifulSoup((paths.site_dir / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def tree_digest(folder) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_site_has_a_page_per_plan_and_the_shared_pages(built):
    for page in [
        "plans/hedong-2023",
        "plans/hebei-2022",
        "plans/xiqing-2023",
        "plans/jizhou-2023",
        "plans/tianjin-pilot-2023",
        "compare",
        "data",
        "about",
        "methodology",
    ]:
        assert (built.site_dir / page / "index.html").is_file(), page
    assert (built.site_dir / "index.html").is_file()


def test_site_offers_the_downloads(built):
    downloads = built.site_dir / "downloads"
    descriptor = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert (downloads / resource["path"]).is_file()
        assert (downloads / resource["path"].replace(".csv", ".json")).is_file()


def test_jizhou_page_shows_the_forest_coverage_target_in_a_table(built):
    page = html(built, "plans/jizhou-2023")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in page.select("table tr")]
    forest = [row for row in rows if row and row[0] == "森林覆盖率"]
    assert forest and all(row[1] == "31.02%" and row[2] == "2025" and "31.02%" in row[3] for row in forest)
    assert page.h1.get_text(strip=True).startswith("天津市蓟州区碳达峰实施方案")


def test_site_is_chinese_and_loads_no_google_fonts(built):
    page = (built.site_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in page
    assert "fonts.googleapis.com" not in page and "fonts.gstatic.com" not in page


def test_every_download_link_on_the_data_page_exists(built):
    page = html(built, "data")
    links = [a["href"] for a in page.select("article a[href]") if a["href"].endswith((".csv", ".json", ".txt"))]
    assert len(links) > 20
    for href in links:
        assert ((built.site_dir / "data" / href).resolve()).is_file(), href


def test_a_broken_row_fails_the_build_and_leaves_the_old_site(built, tmp_path):
    paths = copy_project(tmp_path)
    cli.build(paths)
    before = tree_digest(paths.site_dir)
    edit_cell(paths, "targets", line_of(paths, "targets", "target_id", "jizhou-2023-t008"), "value", "三十")
    edit_cell(paths, "targets", line_of(paths, "targets", "target_id", "hebei-2022-t001"), "plan_id", "nowhere")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(paths.root), "build"], capture_output=True, text=True
    )
    assert result.returncode == 1
    jizhou_line = line_of(paths, "targets", "target_id", "jizhou-2023-t008")
    hebei_line = line_of(paths, "targets", "target_id", "hebei-2022-t001")
    assert f"datapackage/data/targets.csv:{jizhou_line}:value:" in result.stderr
    assert f"datapackage/data/targets.csv:{hebei_line}:plan_id:" in result.stderr
    assert tree_digest(paths.site_dir) == before


def test_a_failing_mkdocs_build_leaves_the_old_site(built, tmp_path):
    paths = copy_project(tmp_path)
    cli.build(paths)
    before = tree_digest(paths.site_dir)
    (paths.docs_dir / "about.md").write_text("[broken](missing-page.md)\n", encoding="utf-8")
    with pytest.raises(cli.GeneratorError):
        cli.build(paths)
    assert tree_digest(paths.site_dir) == before
