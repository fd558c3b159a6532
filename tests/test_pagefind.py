"""The search index made byte-stable: Pagefind writes a filter's values in a different order from run to run
(generator/engine/pagefind.py sort_filters)."""

import gzip
import json

import pytest

from generator.engine import pagefind

PAGES = {"4": [0, 1, 2, 3, 5], "0.4": [4, 7, 8, 31, 300], "1": list(range(9, 40))}


def filter_file(order: list[str]) -> bytes:
    values = [[value, PAGES[value]] for value in order]
    return pagefind.SIGNATURE + pagefind._encode(["weight", values])


def bundle(folder, order: list[str]):
    """A bundle as Pagefind writes one: a filter file and the meta file naming it, the entry naming the meta."""
    (folder / "filter").mkdir(parents=True)
    name = f"zh_{abs(hash(tuple(order))) % 10**7:07d}"
    (folder / "filter" / f"{name}.pf_filter").write_bytes(gzip.compress(filter_file(order)))
    meta = b"pagefind_dcd" + b"\x82fweightj" + name.encode()
    (folder / "pagefind.zh_0123456789.pf_meta").write_bytes(gzip.compress(meta))
    entry = {"version": "1.5.2", "languages": {"zh": {"hash": "zh_0123456789", "wasm": None, "page_count": 40}}}
    (folder / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    return folder


def tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_orders_of_a_filters_values_make_the_same_bytes_and_names(tmp_path):
    one = bundle(tmp_path / "one", ["4", "0.4", "1"])
    two = bundle(tmp_path / "two", ["1", "4", "0.4"])
    assert tree(one) != tree(two)
    for folder in (one, two):
        pagefind.sort_filters(folder)
    assert tree(one) == tree(two)


def test_the_meta_and_the_entry_name_the_renamed_files(tmp_path):
    folder = bundle(tmp_path, ["4", "0.4", "1"])
    pagefind.sort_filters(folder)
    [filter_path] = (folder / "filter").glob("*.pf_filter")
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = folder / f"pagefind.{entry['languages']['zh']['hash']}.pf_meta"
    assert filter_path.stem.encode() in gzip.decompress(meta.read_bytes())
    assert len(entry["languages"]["zh"]["hash"]) == len("zh_0123456789")
    content = gzip.decompress(filter_path.read_bytes())
    values, _ = pagefind._decode(content, len(pagefind.SIGNATURE))
    assert values == ["weight", [[v, PAGES[v]] for v in sorted(PAGES)]]


def test_a_file_that_is_no_filter_is_refused(tmp_path):
    folder = bundle(tmp_path, ["4"])
    [path] = (folder / "filter").glob("*.pf_filter")
    path.write_bytes(gzip.compress(b"something else"))
    with pytest.raises(ValueError, match="not a Pagefind filter file"):
        pagefind.sort_filters(folder)


def page(lang: str, title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><main><h1>{title}</h1><p>{body}</p></main></body></html>"
    )


def test_each_edition_indexed_apart_and_merged_is_the_index_of_both(tmp_path):
    """The groups' indexes are made by one Pagefind run per edition (engine/mkdocs.py index_groups): merged, they
    are the same files as one run over both editions makes."""
    import subprocess

    site = tmp_path / "site"
    pages = {
        "index.html": page("zh", "首页", "天津市各区碳达峰实施方案"),
        "plans/a/index.html": page("zh", "河东区", "到2025年，单位地区生产总值能耗下降"),
        "en/index.html": page("en", "Home", "Carbon peaking plans of Tianjin's districts"),
        "en/plans/a/index.html": page("en", "Hedong", "By 2025, energy use per unit of GDP falls"),
    }
    for address, html in pages.items():
        (site / address).parent.mkdir(parents=True, exist_ok=True)
        (site / address).write_text(html, encoding="utf-8")
    subprocess.run(pagefind.index_command(site, tmp_path / "one"), check=True, capture_output=True)
    pagefind.finish(tmp_path / "one")
    for lang in ("zh", "en"):
        pagefind.gather_pages([site], tmp_path / f"pages-{lang}", lang)
        subprocess.run(
            pagefind.index_command(tmp_path / f"pages-{lang}", tmp_path / f"index-{lang}"),
            check=True,
            capture_output=True,
        )
    assert tree(tmp_path / "pages-zh").keys() == {"index.html", "plans/a/index.html"}
    assert tree(tmp_path / "pages-en").keys() == {"en/index.html", "en/plans/a/index.html"}
    pagefind.merge([tmp_path / "index-zh", tmp_path / "index-en"], tmp_path / "two")
    pagefind.finish(tmp_path / "two")
    entry = json.loads((tmp_path / "two" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["en", "zh"]
    assert tree(tmp_path / "two") == tree(tmp_path / "one")
