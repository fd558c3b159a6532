"""The search engine: Pagefind indexes a built part's pages into small fragments, which the search page loads.

Each part's pages are indexed on their own, so that no process reads the whole site: the hub's (or the single
part's) index at pagefind/, a region's below it (``bundle``); the search page merges them (docs/assets/search.js).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BUNDLE = "pagefind"
# What the search does not index: the headings' permalink signs; the timeline's tabs (timeline.md.j2), which
# repeat every target of the region, each found on its own plan's page: at 100 plans they made a page of 5 MB whose
# index fragment (350 KB) one search would download; and the tables' column headers, the same words on every page
# of a kind, which Pagefind runs together with no space between cells (its excerpts read "PlanCommitmentStatement
# (English)Original textSection").
NOT_INDEXED = (".headerlink", ".tabbed-set", "thead")


def bundle(part: str, hub: bool) -> str:
    """Where a part's search index is served: the hub's (or the single part's) at pagefind/, a region's at
    pagefind/parts/<code>/."""
    return BUNDLE if hub else f"{BUNDLE}/parts/{part}"


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
    entry = bundle_dir / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True), encoding="utf-8")
