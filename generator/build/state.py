"""The last build's state: each part's digest beside its built folder (so that gathering parts built elsewhere is
copying their folders), and which parts the last build rebuilt and the digest of the site it published."""

from __future__ import annotations

import hashlib
import json
import shutil

from generator.base.paths import Paths
from generator.build.parts import Part, search_groups


def read_state(paths: Paths, every: tuple[Part, ...]) -> dict:
    state = {}
    for part in every:
        try:
            state[part.name] = json.loads((paths.part_dir(part.name) / PART_STATE).read_text("utf-8"))
        except (OSError, ValueError):
            continue
    return state


PART_STATE = "part.json"


def stale(paths: Paths, part: Part, digest: str, last: dict) -> bool:
    return last.get(part.name, {}).get("digest") != digest or not paths.part_site(part.name).is_dir()


def write_part_state(paths: Paths, part: Part, state: dict) -> None:
    (paths.part_dir(part.name) / PART_STATE).write_text(json.dumps(state, ensure_ascii=False), "utf-8")


def search_digests(every: tuple[Part, ...], digests: dict[str, str]) -> dict[str, str]:
    """Each group of regions' search index's digest: its parts' names and digests (its index is made from their
    pages alone)."""
    return {
        group: hashlib.sha256(json.dumps([[part.name, digests[part.name]] for part in members]).encode()).hexdigest()
        for group, members in search_groups(every).items()
    }


SEARCH_STATE = "index.json"


def stale_searches(paths: Paths, digests: dict[str, str]) -> list[str]:
    """The groups whose index was not made from the parts at these digests."""

    def recorded(group: str) -> str:
        try:
            return json.loads((paths.search_dir(group) / SEARCH_STATE).read_text("utf-8"))["digest"]
        except (OSError, ValueError, KeyError):
            return ""

    return [g for g, d in digests.items() if recorded(g) != d or not paths.search_bundle(g).is_dir()]


def write_search_state(paths: Paths, group: str, digest: str) -> None:
    (paths.search_dir(group) / SEARCH_STATE).write_text(json.dumps({"digest": digest}), "utf-8")


def last_published(paths: Paths) -> str:
    try:
        return json.loads(paths.build_state.read_text("utf-8"))["published"]
    except (OSError, ValueError, KeyError):
        return ""


def write_state(paths: Paths, rebuilt: list[Part], published: str) -> None:
    paths.build_state.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"rebuilt": [part.name for part in rebuilt], "published": published}, ensure_ascii=False)
    paths.build_state.write_text(text, "utf-8")


def forget_other_parts(paths: Paths, every: tuple[Part, ...]) -> None:
    """Remove the folders of parts, and of groups' search indexes, the site no longer has (a region whose plans all
    went)."""
    if paths.parts_dir.is_dir():
        for old in paths.parts_dir.iterdir():
            if old.name not in {part.name for part in every}:
                shutil.rmtree(old)
    if paths.search_root.is_dir():
        for old in paths.search_root.iterdir():
            if old.name not in search_groups(every):
                shutil.rmtree(old)
