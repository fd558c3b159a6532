"""The benchmark's report: its size accounting, and that the committed report is what its results make."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench  # noqa: E402


def test_site_size_is_split_by_folder_and_edition(tmp_path):
    for name, size in {
        "index.html": 1_000_000,
        "en/index.html": 500_000,
        "plans/a/index.html": 2_000_000,
        "en/plans/a/index.html": 3_000_000,
        "pagefind/index/x.pf_index": 400_000,
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x" * size)
    files = bench._file_sizes(tmp_path)
    assert bench._size_by_part(files) == {
        "en/plans": 3.0, "plans": 2.0, "(files at the root)": 1.0, "en": 0.5, "pagefind": 0.4,
    }  # fmt: skip
    assert bench._largest_pages(files, count=2) == {"en/plans/a/index.html": 3000, "plans/a/index.html": 2000}


def test_one_search_counts_pagefind_once_and_each_index_of_the_site(tmp_path):
    """Pagefind's script, worker and WebAssembly once (a merged index does not load its own); from each index, the
    hub's and each group's, its entry, the language's metadata and filter and its largest chunks; then the five
    largest fragments of the language."""
    files = {"pagefind.js": 40, "pagefind-worker.js": 30, "wasm.unknown.pagefind": 60, "wasm.en.pagefind": 1}
    for index in ("pagefind", "pagefind/parts/area-1", "pagefind/parts/area-2"):
        files |= {
            f"{index}/pagefind-entry.json": 1,
            f"{index}/pagefind.zh_1.pf_meta": 5,
            f"{index}/filter/zh_1.pf_filter": 2,
        }
        files |= {f"{index}/index/zh_{n}.pf_index": 10 + n for n in range(6)}  # the four largest: 12 + ... + 15
        files |= {f"{index}/fragment/zh_{n}.pf_fragment": 3 for n in range(3)}
        if index != "pagefind":
            files |= {f"{index}/wasm.unknown.pagefind": 1000}  # a merged index's own WebAssembly: not loaded
    for name, size in files.items():
        path = tmp_path / (name if "/" in name else f"pagefind/{name}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
    assert bench.CHUNKS_PER_INDEX == 4
    assert bench._one_search_bytes(tmp_path) == 40 + 30 + 60 + 3 * (1 + 5 + 2 + (12 + 13 + 14 + 15)) + 5 * 3


def test_committed_report_is_made_from_the_committed_results():
    """REPORT.md is generated (`bench.py --report-only`); a hand edit or a stale results.json shows here."""
    saved = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    expected = bench.report(saved["results"], saved["machine"], saved["command"]) + "\n" + bench._analysis_placeholder()
    assert (ROOT / "benchmarks" / "REPORT.md").read_text(encoding="utf-8") == expected


def test_report_covers_the_sizes_the_issue_asks_for():
    saved = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    sizes = {r["size"] for r in saved["results"]}
    assert {"real", "300", "1200", "3000"} <= sizes  # issue 30 judges two of its targets at 1,200 plans
    for result in saved["results"]:
        # The stages account for the whole build (a site built in parts makes them side by side, as one stage).
        stages = sum(result["stages_s"].values())
        assert 0.9 * result["total_s"] <= stages <= 1.02 * result["total_s"], result["size"]
        for key in ("total_s", "ms_per_page", "peak_memory_mb_generator", "site_mb", "first_visit_kb", "one_search_kb"):
            assert result[key] > 0, (result["size"], key)
    assert saved["command"].startswith("nox -s bench")
