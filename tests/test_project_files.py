"""The package is a closed world: the build reads only regular files inside the repository, publishes only files a
row refers to, and the drafter writes only inside its folders (on throw-away copies of the fixture project)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import tree_digest

from generator import pipeline
from generator.base.paths import Paths
from generator.base.problems import GeneratorError, InvalidPackage
from generator.package import project_files

SECRET = b"TOKEN=do-not-publish-3f9a1c"


@pytest.fixture
def project(fixture_built, tmp_path) -> Paths:
    """A copy of the built fixture project, site/ and .build/ included."""
    shutil.copytree(fixture_built.root, tmp_path / "project")
    return Paths(tmp_path / "project")


@pytest.fixture
def outside(tmp_path) -> Path:
    """A file outside the project, holding what must never be published."""
    path = tmp_path / "secret.txt"
    path.write_bytes(b"\xe7\x94\xb2\n" + SECRET + b"\n")
    return path


def published_anywhere(paths: Paths, data: bytes) -> list[str]:
    """The files under site/ and .build/ whose bytes hold ``data``."""
    folders = [paths.site_dir, paths.build_dir]
    return [str(p) for folder in folders for p in folder.rglob("*") if p.is_file() and data in p.read_bytes()]


def refused(paths: Paths) -> list[tuple]:
    with pytest.raises(InvalidPackage) as raised:
        pipeline.build(paths)
    return [(p.file, p.row, p.field, p.type) for p in raised.value.problems]


def test_a_symlink_in_sources_is_refused_and_what_it_points_at_is_published_nowhere(project, outside):
    before = tree_digest(project.site_dir)
    os.symlink(outside, project.package_dir / "sources" / "leak.txt")
    assert refused(project) == [("datapackage/sources/leak.txt", None, "", "not-a-regular-file")]
    assert tree_digest(project.site_dir) == before
    assert published_anywhere(project, SECRET) == []


def test_a_plan_source_replaced_by_a_symlink_is_refused(project, outside):
    source = project.package_dir / "sources" / "jia-2023.txt"
    outside.write_bytes(source.read_bytes() + SECRET)
    source.unlink()
    os.symlink(outside, source)
    assert refused(project) == [("datapackage/sources/jia-2023.txt", None, "", "not-a-regular-file")]
    assert published_anywhere(project, SECRET) == []


def test_a_symlinked_folder_and_a_fifo_are_refused_before_anything_is_read(project, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.csv").write_bytes(SECRET)
    os.symlink(tmp_path / "elsewhere", project.package_dir / "data" / "more")
    os.mkfifo(project.docs_dir / "pipe.md")  # reading it would hang the build
    assert refused(project) == [
        ("datapackage/data/more", None, "", "not-a-regular-file"),
        ("docs/pipe.md", None, "", "not-a-regular-file"),
    ]
    assert published_anywhere(project, SECRET) == []


def test_a_symlinked_changelog_is_refused(project, outside):
    (project.root / "CHANGELOG.md").unlink()
    os.symlink(outside, project.root / "CHANGELOG.md")
    assert refused(project) == [("CHANGELOG.md", None, "", "not-a-regular-file")]


def test_a_source_no_plan_refers_to_and_a_stray_file_are_not_published(project):
    (project.package_dir / "sources" / "unlisted-2024.txt").write_bytes(SECRET)
    (project.package_dir / "notes.txt").write_bytes(SECRET)
    assert refused(project) == [
        ("datapackage/notes.txt", None, "", "unreferenced-file"),
        ("datapackage/sources/unlisted-2024.txt", None, "", "unreferenced-file"),
    ]
    assert published_anywhere(project, SECRET) == []


def test_drafts_are_no_part_of_what_a_build_reads(project, outside):
    (project.drafts_dir / "x").mkdir(parents=True)
    os.symlink(outside, project.drafts_dir / "x" / "source.txt")
    pipeline.build(project)
    assert published_anywhere(project, SECRET) == []


@pytest.mark.parametrize(
    ("relative", "says"),
    [("../data", "not a path inside"), ("/tmp/x", "not a path inside"), ("", "not a path inside")],
)
def test_a_path_outside_its_folder_is_refused_before_writing(tmp_path, relative, says):
    folder = tmp_path / "drafts"
    folder.mkdir()
    with pytest.raises(GeneratorError, match=says):
        project_files.write_inside(folder, relative, b"x", "plan id")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["drafts"]


def test_a_symlink_on_the_way_is_refused_before_writing(tmp_path):
    folder, elsewhere = tmp_path / "drafts", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, folder / "x")
    with pytest.raises(GeneratorError, match="symbolic link"):
        project_files.write_inside(folder, "x/plans.csv", b"x", "plan id")
    assert list(elsewhere.iterdir()) == []
    assert project_files.write_inside(folder, "y/plans.csv", b"x", "plan id").read_bytes() == b"x"
