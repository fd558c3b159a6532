"""The search engine: Pagefind indexes a built part's pages into small fragments, which the search page loads.

The hub's (or the single part's) pages are indexed with the part, at pagefind/; the regions' pages, a few
regions' together (generator/build/parts.py search_groups), from their built parts, below it (``bundle``,
``index_parts``); the search page merges them (docs/assets/search.js). No process reads the whole site.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from generator.base import urls
from generator.base.i18n import DEFAULT, LANGUAGES

BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"
# What the search does not index: the headings' permalink signs; the timeline's tabs (timeline.md.j2), which
# repeat every target of the region, each found on its own plan's page: at 100 plans they made a page of 5 MB whose
# index fragment (350 KB) one search would download; and the tables' column headers, the same words on every page
# of a kind, which Pagefind runs together with no space between cells (its excerpts read "PlanCommitmentStatement
# (English)Original textSection").
NOT_INDEXED = (".headerlink", ".tabbed-set", "thead")


def bundle(name: str, hub: bool) -> str:
    """Where a search index is served: the hub's (or the single part's) at pagefind/, a group of regions' at
    pagefind/parts/<name>/."""
    return BUNDLE if hub else f"{BUNDLE}/parts/{name}"


def gather_pages(sites: Iterable[Path], pages: Path, lang: str) -> None:
    """The HTML pages of edition ``lang`` of several built parts, hard-linked (copied where the file system cannot
    link) into one folder at their addresses, for Pagefind to index as one site: the parts hold different
    addresses. Each edition is indexed by a Pagefind run of its own: one run holds every page it indexes in memory
    (3.8 MB a synthetic plan in Chinese, 2.9 MB in English, measured at 300 plans), and Pagefind keeps each
    language's index apart in any case, so the editions' runs make the same files as one run over both would
    (``merge``)."""
    shutil.rmtree(pages, ignore_errors=True)
    for site in sites:
        for path in site.rglob("*.html"):
            address = path.relative_to(site)
            if edition(address) != lang:
                continue
            target = pages / address
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)


def edition(address: Path) -> str:
    """The edition a built page belongs to, by where each edition is served (urls.edition_root)."""
    path = address.as_posix()
    served = [lang for lang in LANGUAGES if lang != DEFAULT and path.startswith(urls.edition_root(lang))]
    return served[0] if served else DEFAULT


def merge(bundles: Iterable[Path], target: Path) -> None:
    """The indexes of one group's editions, each made by a run of its own, as one index in ``target``: every file
    of each (the scripts they share are the same bytes), and an entry that lists every edition's language."""
    entry: dict = {}
    for bundle in bundles:
        own = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        languages = {**entry.get("languages", {}), **own["languages"]}
        entry = {**own, "languages": languages}
        shutil.copytree(bundle, target, dirs_exist_ok=True)
    (target / ENTRY).write_text(json.dumps(entry, sort_keys=True), encoding="utf-8")


def finish(bundle_dir: Path) -> None:
    """An index as Pagefind wrote it made byte-stable (``sort_entry``, ``sort_filters``)."""
    sort_entry(bundle_dir)
    sort_filters(bundle_dir)


def index_command(site: Path, bundle_dir: Path) -> list[str]:
    """Pagefind (the extended build, which segments Chinese) indexes the built pages of ``site`` into
    ``bundle_dir``.

    The index is split into fragments by word, so a reader's search downloads only the
    few it needs; each page's language (<html lang>) gets an index of its own.
    """
    return [
        sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle_dir),
        *(arg for selector in NOT_INDEXED for arg in ("--exclude-selectors", selector)), "--quiet",
    ]  # fmt: skip


def sort_entry(bundle_dir: Path) -> None:
    """Pagefind lists the languages of its index in a different order from run to run; sorted, two builds of
    the same input stay byte-identical. The order carries no meaning: the search reads languages by name."""
    entry = bundle_dir / ENTRY
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True), encoding="utf-8")


def sort_filters(bundle_dir: Path) -> None:
    """Pagefind writes a filter's values (the pages' search weights) in a different order from run to run, and
    names each filter file, and each language's meta file that lists them, by a hash of its bytes. With the values
    sorted and the files renamed by a hash of what they then hold (the names keep their length: the meta file's is
    the entry's language hash), two builds of the same input stay byte-identical; the search reads them by name."""
    entry_path = bundle_dir / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    renamed: dict[bytes, bytes] = {}
    for path in sorted((bundle_dir / "filter").glob("*.pf_filter")):
        lang, _, old = path.stem.rpartition("_")
        content = _sorted_filter(gzip.decompress(path.read_bytes()))
        new = f"{lang}_{hashlib.sha256(content).hexdigest()[: len(old)]}"
        renamed[path.stem.encode()] = new.encode()
        path.unlink()
        (path.parent / f"{new}.pf_filter").write_bytes(gzip.compress(content, mtime=0))
    for language in entry["languages"].values():
        old_meta = bundle_dir / f"pagefind.{language['hash']}.pf_meta"
        meta = gzip.decompress(old_meta.read_bytes())
        for old_name, new_name in renamed.items():
            meta = meta.replace(old_name, new_name)
        lang, _, old = language["hash"].rpartition("_")
        language["hash"] = f"{lang}_{hashlib.sha256(meta).hexdigest()[: len(old)]}"
        old_meta.unlink()
        (bundle_dir / f"pagefind.{language['hash']}.pf_meta").write_bytes(gzip.compress(meta, mtime=0))
    entry_path.write_text(json.dumps(entry, sort_keys=True), encoding="utf-8")


SIGNATURE = b"pagefind_dcd"


def _sorted_filter(content: bytes) -> bytes:
    """A filter file (its signature, then CBOR: [[filter, [[value, [page, ...]], ...]], ...]) with each filter's
    values in sorted order."""
    if not content.startswith(SIGNATURE):
        raise ValueError("not a Pagefind filter file")
    filters, end = _decode(content, len(SIGNATURE))
    if end != len(content):
        raise ValueError("a Pagefind filter file with bytes after its data")
    if not isinstance(filters, list) or len(filters) != 2 or not isinstance(filters[1], list):
        raise ValueError("a Pagefind filter file of an unknown shape")
    return SIGNATURE + _encode([filters[0], sorted(filters[1], key=lambda pair: pair[0])])


# The part of CBOR (RFC 8949) that Pagefind's filter files use: unsigned integers (0), text (3), arrays (4).
def _decode(data: bytes, at: int) -> tuple[object, int]:
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        length = info
    elif info <= 27:
        size = 1 << (info - 24)
        length, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise ValueError(f"CBOR item {data[at - 1]:#x} is not read here")
    if major == 0:
        return length, at
    if major == 3:
        return data[at : at + length].decode("utf-8"), at + length
    if major == 4:
        items = []
        for _ in range(length):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"CBOR major type {major} is not read here")


def _encode(item: object) -> bytes:
    if isinstance(item, int):
        return _head(0, item)
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(_encode(each) for each in item)
    raise ValueError(f"{type(item).__name__} is not written here")


def _head(major: int, length: int) -> bytes:
    if length < 24:
        return bytes([major << 5 | length])
    size = next(size for size in (1, 2, 4, 8) if length < 1 << (8 * size))
    return bytes([major << 5 | (24 + size.bit_length() - 1)]) + length.to_bytes(size, "big")
