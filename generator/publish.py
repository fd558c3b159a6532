"""Publish stage: write the generated pages and downloads under docs/, build with MkDocs, swap site/ in.

The only stage that writes (``Writer``) and the only one that runs MkDocs, as a command.
MkDocs builds into a staging folder and the result replaces ``site/`` only when the build
succeeded, so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .i18n import DEFAULT, LANGUAGES
from .paths import Paths
from .problems import GeneratorError
from .timing import Stage, no_timing


class Writer:
    """Writes the generator's files under docs/ as they are made, and refuses to write one path twice.

    Two pages or downloads at one address would silently replace each other; here that is an error.
    Each file goes to disk as soon as it is handed over, so no stage holds the whole site in memory.
    """

    def __init__(self, paths: Paths):
        self.docs_dir = paths.docs_dir
        self.written: set[str] = set()
        for path in paths.generated_in_docs:  # the previous build's files, all of them regenerated now
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()

    def write(self, relative: str, content: str | bytes) -> None:
        """Write one file, ``relative`` to docs/ (plans/x.md); text is written as UTF-8."""
        if relative in self.written:
            raise GeneratorError(f"two generated files have the same path docs/{relative}")
        self.written.add(relative)
        _write(self.docs_dir / relative, content.encode("utf-8") if isinstance(content, str) else content)

    def write_all(self, files: Iterable[tuple[str, str | bytes]]) -> None:
        for relative, content in files:
            self.write(relative, content)


def build_site(paths: Paths, when: datetime.datetime, stage: Stage = no_timing, languages=LANGUAGES) -> None:
    """``mkdocs build --strict`` of each edition into a staging folder, index it for search, then swap it in as site/.

    The editions are separate MkDocs builds (generator/editions.py) and run side by side, one per core:
    Chinese at the root, English under en/. MkDocs takes its build date from SOURCE_DATE_EPOCH: the
    data's date, not the clock.
    """
    staging = paths.staging_site_dir
    # Silence the banners that MkDocs plugins print about MkDocs' future; they hide real warnings.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env["SOURCE_DATE_EPOCH"] = str(int(when.replace(tzinfo=datetime.UTC).timestamp()))
    # MkDocs empties its site folder first, so each edition builds into a folder of its own.
    folders = {lang: staging if lang == DEFAULT else paths.staging_edition_dir(lang) for lang in languages}
    for folder in folders.values():
        shutil.rmtree(folder, ignore_errors=True)
    commands = {
        f"mkdocs build ({lang})": [
            sys.executable, "-m", "mkdocs", "build", "--strict",
            "--config-file", str(paths.edition_config(lang)), "--site-dir", str(folder),
        ]
        for lang, folder in folders.items()
    }  # fmt: skip
    with stage("mkdocs build"):
        _run(commands, paths, env, folders.values())
    for lang, folder in folders.items():
        if folder != staging:
            os.replace(folder, staging / lang)
    with stage("search index"):
        _run({"pagefind": search_index_command(staging)}, paths, env, [staging])
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


def _run(commands: dict[str, list[str]], paths: Paths, env: dict[str, str], folders) -> None:
    """Run the commands at the same time; if any fails, remove the staging ``folders`` and say which and why."""
    with contextlib.ExitStack() as stack:
        # Output to files, not pipes: a full pipe would stop one build while we wait for the other.
        logs = {step: stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8")) for step in commands}
        running = {
            step: subprocess.Popen(command, cwd=paths.root, stdout=logs[step], stderr=subprocess.STDOUT, env=env)
            for step, command in commands.items()
        }
        failed = [step for step, process in running.items() if process.wait() != 0]
        for log in logs.values():
            log.seek(0)
        messages = [f"{step} failed; site/ is unchanged.\n{logs[step].read()}" for step in failed]
    if failed:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        raise GeneratorError("\n".join(messages))


def _swap(new: Path, current: Path) -> None:
    old = current.with_name(current.name + ".old")  # Paths.old_site_dir
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        os.replace(current, old)
    os.replace(new, current)
    shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def exclusive(paths: Paths):
    """Run one build at a time in a checkout, and start it from a clean slate.

    Holds an exclusive lock (flock) on Paths.lock_file for the whole build, with the holder's process id written
    in it; a second build started meanwhile stops at once and says which process holds it. The operating system
    releases the lock when its process ends, killed or not, so no stale lock is left to remove by hand.
    Then clears what a build killed halfway may have left (Paths.transient): staging folders, the old site.
    """
    with open(paths.lock_file, "a+", encoding="ascii") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            lock.seek(0)
            holder = lock.read().strip() or "unknown"
            raise GeneratorError(
                f"another build is running in this checkout (pid {holder}); wait for it to finish, then build again"
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"{os.getpid()}\n")
        lock.flush()
        try:
            clear_leftovers(paths)
            yield
        finally:
            lock.seek(0)
            lock.truncate()
            fcntl.flock(lock, fcntl.LOCK_UN)


def clear_leftovers(paths: Paths) -> None:
    """Remove what a build killed halfway left: its staging folders and the previous site. If it was killed in the
    middle of the swap, after site/ moved aside and before the new one took its place, the previous site returns."""
    if not paths.site_dir.exists() and paths.old_site_dir.is_dir():
        os.replace(paths.old_site_dir, paths.site_dir)
    for path in paths.transient:
        shutil.rmtree(path, ignore_errors=True)


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
