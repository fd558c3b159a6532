"""A build killed halfway leaves nothing that git shows, and the next build clears what it left; two builds started
at once in one checkout do not interleave: the second stops and names the first."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import copy_fixture_project

from generator.base.paths import ROOT, Paths
from generator.base.problems import GeneratorError
from generator.build import lock

pytestmark = pytest.mark.slow
GIT = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]


def start_build(paths: Paths) -> subprocess.Popen:
    """The command line's build, in a process group of its own (so that it can be killed with MkDocs and Pagefind)."""
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(paths.root), "build"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


def wait_for(condition, process: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def git_checkout(paths: Paths) -> None:
    """Make the copy a git checkout with the project's .gitignore, everything committed."""
    shutil.copy(ROOT / ".gitignore", paths.root / ".gitignore")
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "fixture"]):
        subprocess.run([*GIT, *command], cwd=paths.root, check=True, capture_output=True)


def untracked(paths: Paths) -> list[str]:
    status = subprocess.run(
        [*GIT, "status", "--porcelain", "--untracked-files=all"], cwd=paths.root, check=True, capture_output=True,
        text=True,
    )  # fmt: skip
    return [line for line in status.stdout.splitlines() if line.startswith("??")]


def test_a_build_killed_halfway_leaves_nothing_untracked_and_the_next_build_clears_it(tmp_path):
    paths = copy_fixture_project(tmp_path)
    git_checkout(paths)
    process = start_build(paths)
    # Killed with its MkDocs builds while they write their folders (each edition's, Paths.transient).
    wait_for(lambda: any(p.exists() for p in paths.transient), process)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
    assert [p for p in paths.transient if p.exists()]  # it did leave something behind
    assert untracked(paths) == []
    result = start_build(paths)
    _, stderr = result.communicate()
    assert result.returncode == 0, stderr
    assert [p for p in paths.transient if p.exists()] == []
    assert (paths.site_dir / "index.html").is_file()
    assert untracked(paths) == []


def test_a_build_killed_during_the_swap_gets_its_site_back(tmp_path):
    """Killed after site/ moved aside and before the new one took its place: the next start restores it."""
    paths = Paths(tmp_path)
    (paths.old_site_dir / "plans").mkdir(parents=True)
    (paths.old_site_dir / "index.html").write_text("the previous site", encoding="utf-8")
    (paths.staging_site_dir / "en").mkdir(parents=True)
    paths.staging_edition_dir("en").mkdir()
    lock.clear_leftovers(paths)
    assert (paths.site_dir / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert [p for p in paths.transient if p.exists()] == []


def test_a_second_build_in_the_same_checkout_stops_and_names_the_first(tmp_path):
    paths = copy_fixture_project(tmp_path)
    first = start_build(paths)
    wait_for(lambda: paths.lock_file.exists() and paths.lock_file.read_text().strip() == str(first.pid), first)
    second = start_build(paths)
    _, stderr = second.communicate()
    assert second.returncode == 1
    assert f"another build is running in this checkout (pid {first.pid})" in stderr
    _, stderr = first.communicate()
    assert first.returncode == 0, stderr
    assert (paths.site_dir / "index.html").is_file()


def test_the_lock_is_held_for_one_build_at_a_time_and_released_after(tmp_path):
    paths = Paths(tmp_path)
    held = rf"another build is running in this checkout \(pid {os.getpid()}\)"
    with lock.exclusive(paths), pytest.raises(GeneratorError, match=held), lock.exclusive(paths):
        pass
    with lock.exclusive(paths):  # released: the next build goes ahead
        pass


def test_git_ignores_everything_a_build_holds_while_it_runs():
    paths = Paths(ROOT)
    folders = [
        paths.staging_site_dir,
        paths.staging_edition_dir("en"),
        paths.staging_edition_dir("fr"),
        paths.old_site_dir,
    ]
    names = [f"{p.name}/" for p in (*folders, paths.site_dir)] + [paths.lock_file.name]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *names], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert sorted(result.stdout.split()) == sorted(names)
