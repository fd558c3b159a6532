"""Publish stage: put the parts of the site, each built by the engine into a folder of its own, together into
site/, and push site/ to where it is served.

The parts are put together in a staging folder, which replaces ``site/`` at once: a failed build leaves the
previous site exactly as it was.
"""

from __future__ import annotations

import datetime
import gzip
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.base import urls
from generator.base.i18n import LANGUAGES
from generator.base.paths import Paths
from generator.base.problems import GeneratorError
from generator.base.timing import Stage, no_timing
from generator.build.parts import Part, search_groups
from generator.build.writer import write_file
from generator.engine import pagefind


def publish_site(paths: Paths, parts: Sequence[Part], when: datetime.datetime, stage: Stage = no_timing) -> None:
    """Put the parts' built folders (the hub's with its search index) and the groups of regions' search indexes
    (pagefind/parts/<group>/) together into a staging site, then swap it in as site/.

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
        for group in search_groups(tuple(parts)):
            source, served = paths.search_bundle(group), pagefind.bundle(group, hub=False)
            for path in sorted(source.rglob("*")):
                if path.is_file():
                    relative = f"{served}/{path.relative_to(source).as_posix()}"
                    _place(path, staging / relative, relative)
        for edition, texts in sitemaps.items():
            merged = merge_sitemaps(texts)
            write_file(staging / edition / SITEMAP[0], merged.encode("utf-8"))
            write_file(staging / edition / SITEMAP[1], _gzip(merged.encode("utf-8"), when))
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


def _swap(new: Path, current: Path) -> None:
    old = current.with_name(current.name + ".old")  # Paths.old_site_dir
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        os.replace(current, old)
    os.replace(new, current)
    shutil.rmtree(old, ignore_errors=True)


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
