"""Publish stage: write the generated pages and downloads under docs/, build with MkDocs, swap site/ in.

This is the only stage that writes. MkDocs builds into a staging folder and
the result replaces ``site/`` only when the build succeeded, so a failed
build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .paths import Paths
from .problems import GeneratorError
from .timing import Stage, no_timing


def write_generated(paths: Paths, pages: dict[str, str], files: dict[str, bytes]) -> None:
    """Replace the generator's own files under docs/ with this build's (both keyed by path under docs/)."""
    for path in paths.generated_in_docs:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    for relative, text in pages.items():
        _write(paths.docs_dir / relative, text.encode("utf-8"))
    for relative, data in files.items():
        _write(paths.docs_dir / relative, data)


def build_site(paths: Paths, when: datetime.datetime, stage: Stage = no_timing) -> None:
    """``mkdocs build --strict`` into a staging folder, index it for search, then swap it in as site/.

    MkDocs takes its build date from SOURCE_DATE_EPOCH: the data's date, not the clock.
    """
    staging = paths.staging_site_dir
    shutil.rmtree(staging, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(paths.mkdocs_config),
        "--site-dir",
        str(staging),
    ]
    # Silence the banners that MkDocs plugins print about MkDocs' future; they hide real warnings.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env["SOURCE_DATE_EPOCH"] = str(int(when.replace(tzinfo=datetime.UTC).timestamp()))
    with stage("mkdocs build"):
        _run("mkdocs build", command, paths, env)
    with stage("search index"):
        _run("pagefind", search_index_command(staging), paths, env)
        _sort_search_entry(staging / "pagefind" / "pagefind-entry.json")
    _swap(staging, paths.site_dir)


def search_index_command(site: Path) -> list[str]:
    """Pagefind (the extended build, which segments Chinese) indexes the built pages into site/pagefind/.

    The index is split into fragments by word, so a reader's search downloads only the
    few it needs; each page's language (<html lang>) gets an index of its own.
    """
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--exclude-selectors", ".headerlink", "--quiet"]


def _sort_search_entry(entry: Path) -> None:
    """Pagefind lists the languages of its index in a different order from run to run; sorted, two builds of
    the same input stay byte-identical. The order carries no meaning: the search reads languages by name."""
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True), encoding="utf-8")


def _run(step: str, command: list[str], paths: Paths, env: dict[str, str]) -> None:
    result = subprocess.run(command, cwd=paths.root, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        shutil.rmtree(paths.staging_site_dir, ignore_errors=True)
        raise GeneratorError(f"{step} failed; site/ is unchanged.\n{result.stdout}{result.stderr}")


def _swap(new: Path, current: Path) -> None:
    old = current.with_name(current.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        os.replace(current, old)
    os.replace(new, current)
    shutil.rmtree(old, ignore_errors=True)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def push_site(paths: Paths, remote: str, branch: str, message: str) -> None:
    """Commit site/ as the whole of ``branch`` and push it to ``remote`` (ghp-import, as GitHub Pages expects).

    Earlier releases stay downloadable because every build publishes all releases kept in releases/.
    """
    command = [
        sys.executable, "-m", "ghp_import", "--no-jekyll", "--push", "--force",
        "--remote", remote, "--branch", branch, "--message", message, str(paths.site_dir),
    ]  # fmt: skip
    result = subprocess.run(command, cwd=paths.root, capture_output=True, text=True)
    if result.returncode != 0:
        raise GeneratorError(f"publishing to {remote} {branch} failed:\n{result.stdout}{result.stderr}")
