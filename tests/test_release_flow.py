"""Versions end to end: the changelog names a changed row, and releasing twice keeps both versions online.

On the fixture project (tests/fixture/), which starts with no releases: its 0.2.0 is released first.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile

import openpyxl
import pytest
from bs4 import BeautifulSoup
from conftest import copy_fixture_project, edit_cell, line_of

from generator import pipeline, release
from generator.base.problems import GeneratorError

pytestmark = pytest.mark.slow
NAME = "tianjin-district-carbon-peaking-plans"


def project_with_history(tmp_path):
    """The fixture project with its CHANGELOG.md and CITATION.cff at 0.2.0, not yet released."""
    (tmp_path / "project").mkdir()
    return copy_fixture_project(tmp_path / "project")


def set_version(paths, version: str, note: str) -> None:
    descriptor = json.loads(paths.descriptor_path.read_text(encoding="utf-8"))
    descriptor["version"] = version
    paths.descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    citation = paths.root / "CITATION.cff"
    citation.write_text(re.sub(r'version: "[^"]+"', f'version: "{version}"', citation.read_text()), encoding="utf-8")
    notes = paths.changelog_notes.read_text(encoding="utf-8")
    date = descriptor["created"][:10]
    heading = f"\n## {version} - {date}\n\n{note}\n\n## "
    paths.changelog_notes.write_text(notes.replace("\n## ", heading, 1), encoding="utf-8")


def git(*args, cwd):
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@localhost", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@localhost", "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(cwd)}  # fmt: skip
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


def test_changing_one_target_value_produces_a_changelog_entry_naming_that_row(tmp_path):
    paths = project_with_history(tmp_path)
    release.release(paths, None, "gh-pages")  # 0.2.0 kept in releases/, nothing published
    # 到2025年，创建绿色社区3-5个: a slip that puts 5 in both ends of the range
    edit_cell(paths, "targets", line_of(paths, "targets", "target_id", "yi-2023-t005"), "value_min", "5")
    pipeline.build(paths)
    page = BeautifulSoup(
        (paths.site_dir / "data" / "changelog" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    text = page.get_text()
    assert [h.get_text().strip("¶") for h in page.find_all("h2")][:2] == ["未发布的修改", "0.2.0"]
    assert "value_min 由“3”改为“5”：yi-2023-t005" in text


def test_release_twice_keeps_both_versions_on_the_published_branch(tmp_path):
    paths = project_with_history(tmp_path)
    remote = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    git("init", "-q", cwd=paths.root)
    git("add", "-A", cwd=paths.root)
    git("commit", "-q", "-m", "project", cwd=paths.root)

    release.release(paths, str(remote), "gh-pages")  # the fixture's first release, 0.2.0
    with pytest.raises(GeneratorError, match="0.2.0 is released already"):
        release.release(paths, str(remote), "gh-pages")

    set_version(paths, "0.3.0", "Jia District's title restated.")
    line = line_of(paths, "plans", "plan_id", "jia-2023")
    edit_cell(paths, "plans", line, "title_en", "Jia District: Carbon Peaking Implementation Plan")
    release.release(paths, str(remote), "gh-pages")
    set_version(paths, "0.4.0", "Second release in this test.")
    release.release(paths, str(remote), "gh-pages")

    published = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines()
    for version in ("0.2.0", "0.3.0", "0.4.0"):
        assert f"downloads/{version}/{NAME}.zip" in published
    assert f"downloads/latest/{NAME}.zip" in published
    changelog = git("show", "gh-pages:data/changelog/index.html", cwd=remote)
    assert "title_en 由“Jia District Carbon Peaking Implementation Plan”改为“Jia District: Carbon" in (
        BeautifulSoup(changelog, "html.parser").get_text()
    )
    assert len(git("log", "--format=%s", "gh-pages", cwd=remote).splitlines()) == 3  # 0.2.0, 0.3.0, 0.4.0


def labels(paths) -> dict[str, str]:
    """Every place the built site shows the data's version, as it shows it."""
    site, latest = paths.site_dir, paths.site_dir / "downloads" / "latest"
    data_page = BeautifulSoup((site / "data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    english = BeautifulSoup((site / "en" / "data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    json_ld = json.loads(data_page.find("script", type="application/ld+json").string)
    with zipfile.ZipFile(latest / f"{NAME}.zip") as archive:
        readme = archive.read("README.md").decode("utf-8").splitlines()[2]
        zipped = json.loads(archive.read("datapackage.json"))["version"]
    workbook = openpyxl.load_workbook(latest / f"{NAME}.xlsx", read_only=True)
    sheet = {row[0]: row[1] for row in workbook["README"].iter_rows(values_only=True) if row and row[0]}
    return {
        "descriptor": json.loads((latest / "datapackage.json").read_text(encoding="utf-8"))["version"],
        "zip": zipped,
        "manifest": json.loads((latest / "build-manifest.json").read_text(encoding="utf-8"))["version"],
        "json-ld": json_ld["version"],
        "workbook": sheet["版本 / Version"],
        "readme": readme,
        "page": data_page.find("article").get_text(" ", strip=True),
        "english page": english.find("article").get_text(" ", strip=True),
    }


def test_the_latest_downloads_never_claim_a_release_they_differ_from(tmp_path):
    paths = project_with_history(tmp_path)
    pipeline.build(paths)
    before = labels(paths)  # 0.2.0 is not released yet: no version names these bytes
    assert before["descriptor"] == before["json-ld"] == before["workbook"] == "0.2.0-unreleased"
    release.release(paths, None, "gh-pages")
    released = labels(paths)
    assert {released[k] for k in ("descriptor", "zip", "manifest", "json-ld", "workbook")} == {"0.2.0"}
    assert released["readme"] == "Version 0.2.0 · 2026-11-23"
    assert "未发布" not in released["page"] and "unreleased" not in released["english page"]
    with zipfile.ZipFile(paths.releases_dir / "0.2.0.zip") as archive:  # the release itself says it is 0.2.0
        assert json.loads(archive.read("datapackage.json"))["version"] == "0.2.0"

    edit_cell(paths, "targets", line_of(paths, "targets", "target_id", "yi-2023-t005"), "value_min", "5")
    pipeline.build(paths)
    changed = labels(paths)
    assert {changed[k] for k in ("descriptor", "zip", "manifest", "json-ld", "workbook")} == {"0.2.0+unreleased"}
    assert "unreleased changes since 0.2.0: not a release" in changed["readme"]
    assert "版本 **" not in changed["page"] and "0.2.0 之后未发布的修改" in changed["page"]
    assert "这些数据与已发布的 0.2.0 不同" in changed["page"]  # the citation says which version to cite
    assert "unreleased changes since 0.2.0" in changed["english page"]
    with pytest.raises(GeneratorError, match="0.2.0 is released already"):
        release.release(paths, None, "gh-pages")

    edit_cell(paths, "targets", line_of(paths, "targets", "target_id", "yi-2023-t005"), "value_min", "3")
    pipeline.build(paths)  # the data are 0.2.0's bytes again: so are the labels
    assert labels(paths) == released


def test_a_release_to_a_github_repository_leads_report_an_error_to_its_issue_form(tmp_path, monkeypatch):
    """No extra.report_error_url in mkdocs.yml: the repository the release publishes to takes the reports, from every
    target, from the methodology and from a district page that asks for its plan (issue 28, point 9)."""
    paths = project_with_history(tmp_path)
    pushed = []
    monkeypatch.setattr(release.publish, "push_site", lambda paths, remote, branch, message: pushed.append(remote))
    release.release(paths, "git@github.com:owner/carbon.git", "gh-pages")
    assert pushed == ["git@github.com:owner/carbon.git"]
    form = "https://github.com/owner/carbon/issues/new?title="
    for edition in ("", "en/"):
        plan = BeautifulSoup((paths.site_dir / edition / "plans/jia-2023/index.html").read_text("utf-8"), "html.parser")
        reports = [a["href"] for a in plan.select("a.report-error")]
        assert len(reports) == 7 and all(href.startswith(form + "jia-2023-t") for href in reports)
        method = BeautifulSoup((paths.site_dir / edition / "methodology/index.html").read_text("utf-8"), "html.parser")
        section = method.find(id="report").find_next("p")
        assert section.a["href"] == form + "&body="
        district = (paths.site_dir / edition / "districts/990103/index.html").read_text("utf-8")
        assert form in district


def test_without_a_tracker_the_methodology_says_where_to_write(tmp_path):
    paths = project_with_history(tmp_path)
    pipeline.build(paths)
    for edition in ("", "en/"):
        method = BeautifulSoup((paths.site_dir / edition / "methodology/index.html").read_text("utf-8"), "html.parser")
        section = method.find(id="report").find_next("p")
        assert section.a is None and "extra.report_error_url" in section.get_text()
        page = (paths.site_dir / edition / "districts/990103/index.html").read_text("utf-8")
        district = BeautifulSoup(page, "html.parser")
        assert any(a["href"].endswith("methodology/#report") for a in district.article.find_all("a", href=True))
