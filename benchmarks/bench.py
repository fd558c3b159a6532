"""Benchmark the real build at growing sizes: `nox -s bench` (or `python benchmarks/bench.py --sizes real,300,3000`).

Each size runs in its own process (so peak memory is its own): a project with the
real data or a synthetic package of N plans (synth.py) is built with the real
generator and site configuration, each stage timed. Then the same number of
plain Markdown pages is built with the same Material configuration, and the
ratio of the two MkDocs builds is our overhead. Results go to results.json and
REPORT.md beside this file.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime
import io
import json
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generator.paths import copy_site_configuration  # noqa: E402

SITE_STAGES = ("mkdocs build", "search index")  # the static-site tools; everything before them is ours


def _project(folder: Path, size: str) -> None:
    """The real project, or a synthetic one with ``size`` plans (synth.py), in ``folder``."""
    import synth

    if size != "real":
        synth.project(folder, int(size))
        return
    for name in ("datapackage", "docs", "releases"):
        shutil.copytree(HERE.parent / name, folder / name)
    shutil.copy(HERE.parent / "CHANGELOG.md", folder / "CHANGELOG.md")
    copy_site_configuration(HERE.parent, folder)


def run_one(size: str, languages: tuple[str, ...], baseline: bool = True) -> dict:
    """Build one size, in the given editions, and measure it; runs in a fresh process."""
    from generator import build
    from generator.paths import Paths

    folder = Path(tempfile.mkdtemp(prefix=f"bench-{size}-"))
    _project(folder, size)
    paths = Paths(folder)
    stages: dict[str, float] = {}

    @contextlib.contextmanager
    def stage(name: str):
        start = time.perf_counter()
        yield
        stages[name] = round(time.perf_counter() - start, 2)

    build.build(paths, stage=stage, languages=languages)
    rows = sum(1 for p in (paths.package_dir / "data").glob("*.csv") for _ in p.open(encoding="utf-8")) - 11
    pages = sum(1 for _ in paths.docs_dir.rglob("*.md"))
    files = _file_sizes(paths.site_dir)  # one walk of the site (tens of thousands of files at scale)
    first_page = _first_visit_bytes(paths.site_dir)
    result = {
        "size": size,
        "languages": ",".join(languages),
        "plans": len(list((paths.package_dir / "sources").glob("*.txt"))),
        "rows": rows,
        "pages": pages,
        "stages_s": stages,
        "generator_s": round(sum(v for k, v in stages.items() if k not in SITE_STAGES), 2),
        "total_s": round(sum(stages.values()), 2),
        "rows_per_s_validate": round(rows / stages["validate"]) if stages["validate"] else None,
        "mkdocs_ms_per_page": round(1000 * stages["mkdocs build"] / pages, 1),
        "ms_per_page": round(1000 * sum(stages.values()) / pages, 1),
        "peak_memory_mb_generator": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "peak_memory_mb_mkdocs": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "site_mb": round(sum(files.values()) / 1e6, 1),
        "site_mb_by_part": _size_by_part(files),
        "largest_pages_kb": _largest_pages(files),
        "search_bundle_mb": round(sum(n for path, n in files.items() if path.parts[0] == "pagefind") / 1e6, 1),
        "one_search_kb": round(_one_search_bytes(paths.site_dir) / 1e3),
        "first_visit_kb": round(first_page / 1e3),
    }
    if baseline:
        result["baseline_s"], result["baseline_ms_per_page"] = _baseline(paths, pages)
        site_s = sum(stages[name] for name in SITE_STAGES)
        result["overhead_ratio"] = round(site_s / result["baseline_s"], 2)
        result["overhead_ratio_whole_build"] = round(result["total_s"] / result["baseline_s"], 2)
    shutil.rmtree(folder)
    return result


def profile_one(size: str) -> None:
    """Where the generator's own time goes, in a run of its own (the profiler slows what it watches):
    the stages before MkDocs, which with Pagefind run in processes of their own and are timed above."""
    from generator import build
    from generator.paths import Paths

    folder = Path(tempfile.mkdtemp(prefix=f"profile-{size}-"))
    _project(folder, size)
    profiler = cProfile.Profile()
    profiler.runcall(build.build, Paths(folder), run_mkdocs=False)
    shutil.rmtree(folder)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
    text = out.getvalue().replace(str(HERE.parent) + "/", "")
    (HERE / f"profile-{size}.txt").write_text(text, encoding="utf-8")


def _file_sizes(site: Path) -> dict[Path, int]:
    """Every file of the built site, by its path under the site, with its size in bytes."""
    return {path.relative_to(site): path.stat().st_size for path in site.rglob("*") if path.is_file()}


def _size_by_part(files: dict[Path, int]) -> dict[str, float]:
    """The site's megabytes by top-level folder (the English edition split the same way under en/)."""
    parts: dict[str, int] = {}
    for path, size in files.items():
        folders = path.parts[:-1]
        part = "/".join(folders[:2] if folders[:1] == ("en",) else folders[:1]) or "(files at the root)"
        parts[part] = parts.get(part, 0) + size
    return {part: round(size / 1e6, 1) for part, size in sorted(parts.items(), key=lambda item: -item[1])}


def _largest_pages(files: dict[Path, int], count: int = 3) -> dict[str, int]:
    """The largest HTML pages, in kilobytes: where a page's size grows with the data."""
    pages = sorted(((size, path) for path, size in files.items() if path.suffix == ".html"), reverse=True)[:count]
    return {str(path): round(size / 1e3) for size, path in pages}


def _one_search_bytes(site: Path) -> int:
    """What one search transfers at most: Pagefind's interface, its WebAssembly and metadata, the largest
    index chunk a word can need, and the five largest page fragments (the first results shown)."""
    bundle = site / "pagefind"
    fixed = ["pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-entry.json", "wasm.*.pagefind", "*.pf_meta"]
    total = sum(p.stat().st_size for pattern in fixed for p in bundle.glob(pattern))
    total += max((p.stat().st_size for p in (bundle / "index").glob("*")), default=0)
    fragments = sorted((p.stat().st_size for p in (bundle / "fragment").glob("*")), reverse=True)
    return total + sum(fragments[:5])


def _first_visit_bytes(site: Path) -> int:
    """The home page with the stylesheets and scripts it loads (search loads only on the search page)."""
    total = (site / "index.html").stat().st_size
    for pattern in ("assets/stylesheets/*.css", "assets/javascripts/bundle.*.js", "assets/*.css", "assets/*.js"):
        total += sum(p.stat().st_size for p in site.glob(pattern))
    return total


def _baseline(paths, pages: int) -> tuple[float, float]:
    """The same number of plain Markdown pages, of the same average size, with the same configuration and the
    same publish stage: half of them Chinese, half English (x.en.md), built as two MkDocs builds side by side,
    then Pagefind's index, exactly as the real build does."""
    from generator import publish
    from generator.paths import Paths

    generated = [p for p in paths.docs_dir.rglob("*.md")]
    average = sum(len(p.read_text(encoding="utf-8")) for p in generated) // max(len(generated), 1)
    text = (paths.package_dir / "sources").glob("*.txt").__next__().read_text(encoding="utf-8")
    body = "\n\n".join(line for line in text.splitlines() if line.strip())[:average]
    folder = Path(tempfile.mkdtemp(prefix="bench-baseline-"))
    docs = folder / "docs"
    copy_site_configuration(paths.root, folder)
    shutil.copytree(paths.docs_dir / "assets", docs / "assets")
    summary = ["* [首页](index.md)"]
    for suffix in ("", ".en"):
        (docs / f"index{suffix}.md").write_text("# 首页\n\n" + body, encoding="utf-8")
    for n in range(pages // 2 - 1):
        section = f"s{n // 100:03d}"
        (docs / section).mkdir(exist_ok=True)
        for suffix in ("", ".en"):
            (docs / section / f"p{n:05d}{suffix}.md").write_text(f"# 页面 {n}\n\n{body}", encoding="utf-8")
        if n % 100 == 0:
            summary.append(f"* 第{n // 100}组")
        summary.append(f"    * [页面 {n}]({section}/p{n:05d}.md)")
    for suffix in ("", ".en"):
        (docs / f"SUMMARY{suffix}.md").write_text("\n".join(summary) + "\n", encoding="utf-8")
    start = time.perf_counter()
    publish.build_site(Paths(folder), datetime.datetime(2024, 1, 1))
    elapsed = time.perf_counter() - start
    shutil.rmtree(folder)
    return round(elapsed, 2), round(1000 * elapsed / pages, 1)


def machine() -> dict:
    tools = ("mkdocs", "mkdocs-material", "frictionless", "pagefind", "vl-convert-python", "pandas")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpus": os.cpu_count(),
        "memory_gb": round(memory, 1),
        "machine": platform.machine(),
        "python": platform.python_version(),
        **{tool: metadata.version(tool) for tool in tools},
    }


def report(results: list[dict], info: dict, command: str) -> str:
    columns = [
        ("size", "size"), ("languages", "editions"), ("plans", "plans"), ("rows", "rows"), ("pages", "pages"),
        ("total_s", "whole build (s)"), ("generator_s", "generator stages (s)"),
        ("ms_per_page", "whole build ms/page"), ("mkdocs_ms_per_page", "mkdocs ms/page"),
        ("baseline_ms_per_page", "baseline ms/page"),
        ("overhead_ratio", "mkdocs + search ÷ baseline"), ("overhead_ratio_whole_build", "whole build ÷ baseline"),
        ("rows_per_s_validate", "rows/s validated"), ("peak_memory_mb_generator", "peak MB generator"),
        ("peak_memory_mb_mkdocs", "peak MB mkdocs"), ("site_mb", "site MB"), ("search_bundle_mb", "search bundle MB"),
        ("one_search_kb", "one search KB (at most)"), ("first_visit_kb", "first visit KB"),
    ]  # fmt: skip
    lines = ["| " + " | ".join(title for _, title in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(r.get(key, "")) for key, _ in columns) + " |" for r in results]
    stages = sorted({s for r in results for s in r["stages_s"]}, key=list(results[0]["stages_s"]).index)
    stage_lines = ["| size | editions | " + " | ".join(stages) + " |", "|" + "---|" * (len(stages) + 2)]
    stage_lines += [
        f"| {r['size']} | {r.get('languages', '')} | "
        + " | ".join(str(r["stages_s"].get(s, "")) for s in stages)
        + " |"
        for r in results
    ]
    editions = {(r["size"], r.get("languages")): r["total_s"] for r in results}
    second = ["| size | Chinese only (s) | both editions (s) | ratio |", "|---|---|---|---|"]
    second += [
        f"| {size} | {one} | {editions[(size, 'zh,en')]} | {round(editions[(size, 'zh,en')] / one, 2)} |"
        for (size, languages), one in editions.items()
        if languages == "zh" and (size, "zh,en") in editions
    ]
    parts = sorted(
        {part for r in results for part in r.get("site_mb_by_part", {})},
        key=lambda part: (-max(r.get("site_mb_by_part", {}).get(part, 0) for r in results), part),  # ties by name
    )[:12]
    size_lines = [
        "| size | editions | " + " | ".join(parts) + " | largest pages (KB) |",
        "|" + "---|" * (len(parts) + 3),
    ]
    size_lines += [
        f"| {r['size']} | {r['languages']} | "
        + " | ".join(str(r["site_mb_by_part"].get(p, "")) for p in parts)
        + " | "
        + ", ".join(f"{page} {kb}" for page, kb in r["largest_pages_kb"].items())
        + " |"
        for r in results
        if "site_mb_by_part" in r
    ]
    return "\n".join([
        "# Benchmark results", "",
        f"Command: `{command}`", "",
        "Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()), "",
        "## Figures", "", *lines, "",
        "## Stages (seconds)", "", *stage_lines, "",
        "## Cost of the English edition (whole build)", "", *second, "",
        *(["## Where the site's size is (MB)", "", *size_lines, ""] if len(size_lines) > 2 else []),
    ])  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="real,300,3000", help="comma-separated: real and/or numbers of plans")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--profile", default="", help="sizes whose generator stages are also profiled (cProfile)")
    parser.add_argument("--profile-one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-baseline", default="", help="sizes built without the plain-Markdown baseline")
    parser.add_argument(
        "--one-language", default="real,300", help="sizes also built in Chinese only, to measure the English edition"
    )
    parser.add_argument("--languages", default="zh,en", help=argparse.SUPPRESS)
    parser.add_argument("--report-only", action="store_true", help="rewrite REPORT.md from results.json")
    args = parser.parse_args()
    if args.report_only:
        saved = json.loads((HERE / "results.json").read_text())
        _write(saved["results"], saved["machine"], saved["command"])
        return
    if args.one:
        if args.profile_one:
            profile_one(args.one)
        else:
            languages = tuple(args.languages.split(","))
            print(json.dumps(run_one(args.one, languages, args.one not in args.no_baseline.split(","))))
        return
    command = f"nox -s bench -- --sizes {args.sizes} --one-language {args.one_language}"
    command += f" --profile {args.profile}" if args.profile else ""
    command += f" --no-baseline {args.no_baseline}" if args.no_baseline else ""
    info, results = machine(), []
    for size in args.sizes.split(","):
        for languages in ["zh,en"] + (["zh"] if size in args.one_language.split(",") else []):
            print(f"benchmark: {size} ({languages}) …", flush=True)
            one = [sys.executable, __file__, "--one", size, "--languages", languages, "--no-baseline", args.no_baseline]
            output = subprocess.run(one, capture_output=True, text=True, check=True)
            results.append(json.loads(output.stdout.strip().splitlines()[-1]))
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
            _write(results, info, command)  # after each size, so a long run keeps what it measured so far
        if size in args.profile.split(","):
            subprocess.run([sys.executable, __file__, "--one", size, "--profile-one"], check=True)


def _write(results: list[dict], info: dict, command: str) -> None:
    (HERE / "results.json").write_text(
        json.dumps({"machine": info, "command": command, "results": results}, indent=1) + "\n"
    )
    (HERE / "REPORT.md").write_text(report(results, info, command) + "\n" + _analysis_placeholder(), encoding="utf-8")


def _analysis_placeholder() -> str:
    notes = HERE / "ANALYSIS.md"
    return notes.read_text(encoding="utf-8") if notes.exists() else ""


if __name__ == "__main__":
    main()
