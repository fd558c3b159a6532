"""Versions end to end: the changelog names a changed row, and releasing twice keeps both versions online."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project, edit_cell, line_of

from generator import build, release
from generator.paths import ROOT
from generator.problems import GeneratorError

pytestmark = pytest.mark.slow
NAME = "tianjin-district-carbon-peaking-plans"


def project_with_history(tmp_path):
    paths = copy_project(tmp_path / "project")
    for name in ("CHANGELOG.md", "CITATION.cff"):
        shutil.copy(ROOT / name, paths.root / name)
    return paths


def set_version(paths, version: str, note: str) -> None:
    descriptor = json.loads(paths.descriptor.read_text(encoding="utf-8"))
    descriptor["version"] = version
    paths.descriptor.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    citation = paths.root / "CITATION.cff"
    citation.write_text(re.sub(r'version: "[^"]+"', f'version: "{version}"', citation.read_text()), encoding="utf-8")
    notes = paths.changelog_notes.read_text(encoding="utf-8")
    paths.changelog_notes.write_text(notes.replace("\n## ", f"\n## {version}\n\n{note}\n\n## ", 1), encoding="utf-8")


def git(*args, cwd):
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@localhost", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@localhost", "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(cwd)}  # fmt: skip
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


def test_changing_one_target_value_produces_a_changelog_entry_naming_that_row(tmp_path):
    paths = project_with_history(tmp_path)
    # 工业和建筑业增加值预计达到43亿元左右，占GDP比重保持在6%左右: a slip that puts 43 in the share's row
    edit_cell(paths, "targets", line_of(paths, "targets", "target_id", "hedong-2023-t011"), "value", "43")
    build.build(paths)
    page = BeautifulSoup(
        (paths.site_dir / "data" / "changelog" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    text = page.get_text()
    assert "0.2.0（未发布的修改）" in text
    assert "修改 hedong-2023-t011：value 由“6”改为“43”" in text


def test_release_twice_keeps_both_versions_on_the_published_branch(tmp_path):
    paths = project_with_history(tmp_path)
    remote = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    git("init", "-q", cwd=paths.root)
    git("add", "-A", cwd=paths.root)
    git("commit", "-q", "-m", "project", cwd=paths.root)

    with pytest.raises(GeneratorError, match="raise the version"):
        release.release(paths, str(remote), "gh-pages")  # 0.2.0 is already released

    set_version(paths, "0.3.0", "Jizhou's forest target restated.")
    line = line_of(paths, "plans", "plan_id", "jizhou-2023")
    edit_cell(paths, "plans", line, "title_en", "Jizhou District: Carbon Peaking Implementation Plan")
    release.release(paths, str(remote), "gh-pages")
    set_version(paths, "0.4.0", "Second release in this test.")
    release.release(paths, str(remote), "gh-pages")

    published = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines()
    for version in ("0.2.0", "0.3.0", "0.4.0"):
        assert f"downloads/{version}/{NAME}.zip" in published
    assert f"downloads/latest/{NAME}.zip" in published
    changelog = git("show", "gh-pages:data/changelog/index.html", cwd=remote)
    assert "修改 jizhou-2023：title_en" in BeautifulSoup(changelog, "html.parser").get_text()
    assert len(git("log", "--format=%s", "gh-pages", cwd=remote).splitlines()) == 2
