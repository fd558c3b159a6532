"""Publish stage: write the generated pages and downloads under each part's folder of pages, build each part with
MkDocs and index it with Pagefind, put the parts together and swap site/ in.

The only stage that writes (``Writer``) and the only one that runs MkDocs and Pagefind, as commands. A part builds
into a folder of its own, which replaces the part's previous one only when its build succeeded; the parts are put
together in a staging folder, which replaces ``site/`` at once. A failed build leaves the previous site exactly as
it was.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import fcntl
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import project_files, urls
from .i18n import DEFAULT, LANGUAGES
from .parts import Part
from .paths import Paths
from .problems import GeneratorError
from .timing import Stage, no_timing


class Writer:
    """Writes the generator's files under a folder of pages (docs/, or a part's) as they are made, and refuses to
    write one path twice.

    Two pages or downloads at one address would silently replace each other; here that is an error.
    Each file goes to disk as soon as it is handed over, so no stage holds the whole site in memory.
    ``clear`` are the previous build's files and folders, all of them regenerated now (default: docs/'s).
    """

    def __init__(self, paths: Paths, docs_dir: Path | None = None, clear: Iterable[Path] | None = None):
        self.docs_dir = docs_dir or paths.docs_dir
        self.written: set[str] = set()
        for path in paths.generated_in_docs if clear is None else clear:
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()

    def write(self, relative: str, content: str | bytes) -> None:
        """Write one file, ``relative`` to docs/ (plans/x.md); text is written as UTF-8."""
        if relative in self.written:
            raise GeneratorError(f"two generated files have the same path docs/{relative}")
        self.written.add(relative)
        path = self.docs_dir / project_files.relative_path(relative, self.docs_dir.name, "generated file")
        _write(path, content.encode("utf-8") if isinstance(content, str) else content)

    def write_all(self, files: Iterable[tuple[str, str | bytes]]) -> None:
        for relative, content in files:
            self.write(relative, content)


def build_part(
    paths: Paths,
    part: Part,
    every: Sequence[Part],
    when: datetime.datetime,
    stage: Stage = no_timing,
    languages=LANGUAGES,
    jobs: int = 1,
) -> None:
    """``mkdocs build --strict`` of each edition of a part (``jobs`` at a time), then its search index; the result
    replaces the part's previous one (Paths.part_site) only once all succeeded, so a failed build changes nothing.

    Each edition is a MkDocs build of its own (generator/editions.py): Chinese at the part's root, English under
    en/. MkDocs takes its build date from SOURCE_DATE_EPOCH: the data's date, not the clock. Each part's pages are
    indexed on their own, so that no process reads the whole site: the hub's (or the single part's) index at
    pagefind/, a region's below it (``search_bundle``); the search page merges them (docs/assets/search.js).
    """
    folder = paths.part_dir(part.name)
    folder.mkdir(parents=True, exist_ok=True)
    searched = search_parts(every)
    commands, outputs = {}, {}
    for lang in languages:
        config = folder / f"mkdocs.{lang}.yml"
        extra = {SEARCH_PARTS: searched} if part.hub and searched else {}
        config.write_text(part_configuration(paths, part, lang, len(every) > 1, extra), "utf-8")
        outputs[lang] = folder / f"building-{lang}"
        shutil.rmtree(outputs[lang], ignore_errors=True)
        commands[f"mkdocs build ({part.name}, {lang})"] = [
            sys.executable, "-m", "mkdocs", "build", "--strict",
            "--config-file", str(config), "--site-dir", str(outputs[lang]),
        ]  # fmt: skip
    with stage("mkdocs build"):
        _run(commands, paths, _environment(when), outputs.values(), jobs)
    staged = outputs.pop(DEFAULT)
    for lang, output in outputs.items():
        os.replace(output, staged / lang)
    bundle = staged / search_bundle(part)
    with stage("search index"):
        _run({f"pagefind ({part.name})": search_index_command(staged, bundle)}, paths, _environment(when), [staged])
    _sort_search_entry(bundle / "pagefind-entry.json")
    site = paths.part_site(part.name)
    shutil.rmtree(site, ignore_errors=True)
    os.replace(staged, site)


SEARCH_BUNDLE = "pagefind"
SEARCH_PARTS = "search_parts"  # the hub's configuration lists the regions' indexes (overrides/search.html)


def search_bundle(part: Part) -> str:
    """Where a part's search index is served: the hub's (or the single part's) at pagefind/, a region's at
    pagefind/parts/<code>/."""
    return SEARCH_BUNDLE if part.hub else f"{SEARCH_BUNDLE}/parts/{part.name}"


def search_parts(every: Sequence[Part]) -> list[str]:
    """The regions whose indexes the search merges with the hub's (none when the site is one part)."""
    return [part.name for part in every if not part.hub]


def part_configuration(paths: Paths, part: Part, lang: str, several: bool, extra: dict) -> str:
    """A part's MkDocs configuration: the edition's own (mkdocs.yml or mkdocs.en.yml), with the part's folder of
    pages, and the paths it names made absolute, since it is read from the part's folder; ``extra`` adds to the
    configuration's extra. JSON, which is YAML.

    When the site has ``several`` parts, a page's links to another part's pages are written as their addresses
    (render._url), which this build does not hold: MkDocs notes them at INFO level instead of failing the strict
    build, and tests/test_parts.py checks that every link of a site built in parts leads to a file.
    """
    config = {
        "INHERIT": str(paths.edition_config(lang)),
        "docs_dir": str(paths.part_docs(part.name, part.hub)),
        "theme": {"custom_dir": str(paths.root / "overrides")},
        "hooks": [str(paths.root / "generator" / "editions.py")],
    }
    if several:
        config["validation"] = {
            "links": {"not_found": "info", "unrecognized_links": "info", "anchors": "info"},
            "nav": {"not_found": "info"},
        }
    if extra:
        config["extra"] = extra
    return json.dumps(config, ensure_ascii=False, indent=1) + "\n"


def publish_site(paths: Paths, parts: Sequence[Part], when: datetime.datetime, stage: Stage = no_timing) -> None:
    """Put the parts' built folders (with their search indexes) together into a staging site, then swap it in as
    site/.

    Files are hard-linked from the parts' folders (copied where the file system cannot link). Every part brings the
    theme's own files, which are the same bytes in each; a part's 404 page is the hub's, and the sitemaps are merged.
    Any other file that two parts both hold is an error: two pages at one address.
    """
    staging = paths.staging_site_dir
    shutil.rmtree(staging, ignore_errors=True)
    sitemaps: dict[str, list[str]] = {}
    roots = {urls.edition_root(lang) for lang in LANGUAGES}  # "" and "en/": each edition's own files
    with stage("assemble site"):
        for part in parts:
            source = paths.part_site(part.name)
            for folder, _, names in os.walk(source):
                here = Path(folder).relative_to(source)
                for name in names:
                    relative = (here / name).as_posix()
                    edition = relative.removesuffix(name)
                    if len(parts) > 1 and name in SITEMAP and edition in roots:
                        if name == SITEMAP[0]:
                            sitemaps.setdefault(edition, []).append((source / relative).read_text("utf-8"))
                        continue
                    if not part.hub and name == "404.html" and edition in roots:
                        continue
                    _place(source / relative, staging / relative, relative)
        for edition, texts in sitemaps.items():
            merged = merge_sitemaps(texts)
            _write(staging / edition / SITEMAP[0], merged.encode("utf-8"))
            _write(staging / edition / SITEMAP[1], _gzip(merged.encode("utf-8"), when))
    _swap(staging, paths.site_dir)


SITEMAP = ("sitemap.xml", "sitemap.xml.gz")


def merge_sitemaps(texts: list[str]) -> str:
    """One sitemap of every part's pages: each <url> entry once, in the order of the parts."""
    head, _, _ = texts[0].partition("<url>")
    head = head if "<url>" in texts[0] else texts[0].partition("</urlset>")[0]
    entries = list(dict.fromkeys(entry for text in texts for entry in re.findall(r"<url>.*?</url>", text, re.S)))
    return head.rstrip() + "\n" + "".join(f"    {entry}\n" for entry in entries) + "</urlset>\n"


def _gzip(data: bytes, when: datetime.datetime) -> bytes:
    """Compressed as MkDocs compresses its sitemap: named in the header, dated by the build's date."""
    out = io.BytesIO()
    with gzip.GzipFile(SITEMAP[1], "wb", fileobj=out, mtime=int(when.replace(tzinfo=datetime.UTC).timestamp())) as gz:
        gz.write(data)
    return out.getvalue()


def _place(source: Path, target: Path, relative: str) -> None:
    if target.exists():
        if target.read_bytes() != source.read_bytes():
            raise GeneratorError(f"two parts of the site built different files at {relative}")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _environment(when: datetime.datetime) -> dict[str, str]:
    # Silence the banners that MkDocs plugins print about MkDocs' future; they hide real warnings.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env["SOURCE_DATE_EPOCH"] = str(int(when.replace(tzinfo=datetime.UTC).timestamp()))
    return env


def search_index_command(site: Path, bundle: Path) -> list[str]:
    """Pagefind (the extended build, which segments Chinese) indexes the built pages of ``site`` into ``bundle``.

    The index is split into fragments by word, so a reader's search downloads only the
    few it needs; each page's language (<html lang>) gets an index of its own.
    """
    return [
        sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle),
        *(arg for selector in NOT_INDEXED for arg in ("--exclude-selectors", selector)), "--quiet",
    ]  # fmt: skip


# What the search does not index: the headings' permalink signs, and the timeline's tabs (timeline.md.j2), which
# repeat every target of the region, each found on its own plan's page: at 100 plans they made a page of 5 MB whose
# index fragment (350 KB) one search would download.
NOT_INDEXED = (".headerlink", ".tabbed-set")


def _sort_search_entry(entry: Path) -> None:
    """Pagefind lists the languages of its index in a different order from run to run; sorted, two builds of
    the same input stay byte-identical. The order carries no meaning: the search reads languages by name."""
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True), encoding="utf-8")


def _run(commands: dict[str, list[str]], paths: Paths, env: dict[str, str], folders, jobs: int = 2) -> None:
    """Run the commands, ``jobs`` at a time; if any fails, remove the staging ``folders`` and say which and why."""

    def run(step: str) -> tuple[str, int, str]:
        # Output to a file, not a pipe: a full pipe would stop a build while nobody reads it.
        with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
            code = subprocess.run(
                commands[step], cwd=paths.root, stdout=log, stderr=subprocess.STDOUT, env=env
            ).returncode
            log.seek(0)
            return step, code, log.read()

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(run, commands))
    messages = [f"{step} failed; site/ is unchanged.\n{log}" for step, code, log in results if code != 0]
    if messages:
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
