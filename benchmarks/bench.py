"""Benchmark the real build at growing sizes: `nox -s bench` (or `python benchmarks/bench.py --sizes real,300,3000`).

Each size runs in its own process (so peak memory is its own): a project with the
real data or a synthetic package of N plans (synth.py) is built clean with the real
generator and site configuration, each stage timed; then one row of targets.csv is
changed and the site rebuilt incrementally (and, with --check-incremental, compared
file by file with a clean build of the same data). Then the same number of plain
Markdown pages is built with the same Material configuration, and the ratio of the
two MkDocs builds is our overhead. With --cores-speedup, a clean build pinned to one
CPU runs in a process of its own. Results go to results.json and REPORT.md beside
this file, with the targets of issue 30 judged from them.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import csv
import datetime
import hashlib
import io
import json
import os
import platform
import pstats
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generator.base.paths import copy_site_configuration  # noqa: E402


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


def run_one(
    size: str, languages: tuple[str, ...], baseline: bool = True, check: bool = False, drawn: bool = False
) -> dict:
    """Build one size, in the given editions, and measure it; runs in a fresh process.

    A clean full build on all cores (timed by stage), its charts drawn from cold; with ``drawn`` (and ``baseline``),
    a second clean build whose charts the first drew; then an incremental rebuild after one row of targets.csv
    changed, and (``check``) a clean build of the same edited data, whose site must equal the rebuilt one."""
    from generator import pipeline
    from generator.base.paths import Paths

    folder = Path(tempfile.mkdtemp(prefix=f"bench-{size}-"))
    _project(folder, size)
    paths = Paths(folder)
    stages: dict[str, float] = {}
    memory: dict[str, int] = {}
    total_s = _timed(lambda: pipeline.build(paths, stage=_stage_timer(stages, memory), languages=languages, clean=True))
    rows = sum(1 for p in (paths.package_dir / "data").glob("*.csv") for _ in p.open(encoding="utf-8")) - 11
    markdown = _markdown_pages(paths)
    pages = len(markdown)
    average = sum(len(p.read_text(encoding="utf-8")) for p in markdown) // max(pages, 1)
    files = _file_sizes(paths.site_dir)  # one walk of the site (tens of thousands of files at scale)
    first_page = _first_visit_bytes(paths.site_dir)
    # MkDocs and Pagefind alone on the same pages: a second build's time, measured where the baseline is.
    site_s = _site_tools_alone(paths, languages) if baseline else None
    # The same clean build again, its charts now drawn (kept by digest in .build/charts, as a maintainer's are).
    drawn_s = _timed(lambda: pipeline.build(paths, languages=languages, clean=True)) if site_s and drawn else None
    result = {
        "size": size,
        "languages": ",".join(languages),
        "plans": len(list((paths.package_dir / "sources").glob("*.txt"))),
        "rows": rows,
        "pages": pages,
        "cores": len(os.sched_getaffinity(0)),
        "stages_s": stages,
        "peak_mb_after_stage": memory,  # this process's (the generator's) peak memory when each stage ended
        "generator_s": round(total_s - site_s, 2) if site_s else None,  # the build beyond the site tools alone
        "total_s": total_s,  # wall time of the whole build call
        "stages_sum_s": round(sum(stages.values()), 2),
        "site_tools_s": site_s,  # MkDocs and Pagefind alone on the same pages, as the build runs them
        "whole_over_site_tools": round(total_s / site_s, 2) if site_s else None,  # charts drawn from cold
        "drawn_s": drawn_s,  # a clean build whose charts were drawn by an earlier build
        "drawn_over_site_tools": round(drawn_s / site_s, 2) if drawn_s and site_s else None,
        "rows_per_s_validate": round(rows / stages["validate"]) if stages.get("validate") else None,
        "mkdocs_ms_per_page": round(1000 * stages["mkdocs build"] / pages, 1) if "mkdocs build" in stages else None,
        "ms_per_page": round(1000 * total_s / pages, 1),
        "site_mb": round(sum(files.values()) / 1e6, 1),
        "site_mb_by_part": _size_by_part(files),
        "largest_pages_kb": _largest_pages(files),
        **_plan_page_bytes(files),
        "search_bundle_mb": round(sum(n for path, n in files.items() if path.parts[0] == "pagefind") / 1e6, 1),
        "one_search_kb": round(_one_search_bytes(paths.site_dir) / 1e3),
        "first_visit_kb": round(first_page / 1e3),
    }
    del files
    result.update(_rebuild_one_row(paths, languages, check))
    if baseline:
        result["baseline_s"], result["baseline_ms_per_page"] = _baseline(paths, pages, average)
        result["overhead_ratio"] = round(site_s / result["baseline_s"], 2) if site_s else None
        result["overhead_ratio_whole_build"] = round(result["total_s"] / result["baseline_s"], 2)
    # The largest single process: this one (the generator) or any it waited for (MkDocs, Pagefind, workers).
    result["peak_memory_mb_generator"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    result["peak_memory_mb_mkdocs"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    result["peak_memory_mb_largest"] = max(result["peak_memory_mb_generator"], result["peak_memory_mb_mkdocs"])
    shutil.rmtree(folder)
    return result


def _site_tools_alone(paths, languages: tuple[str, ...]) -> float:
    """The seconds MkDocs and Pagefind take alone on the pages the build generated: every part built again from
    its pages (side by side on every core, as the build runs them) and put together, with nothing generated."""
    from concurrent.futures import ThreadPoolExecutor

    from generator import pipeline, publish
    from generator.build import parts
    from generator.engine import mkdocs
    from generator.site.assemble import assemble

    inputs, validation = pipeline.check(paths)
    site = assemble(inputs, validation.tables)
    every, when, jobs = parts.split(site.model), pipeline.build_time(site.descriptor), os.cpu_count() or 1
    start = time.perf_counter()
    if len(every) == 1:
        mkdocs.build_part(paths, every[0].name, True, [], when, languages=languages, jobs=jobs)
    else:
        searched = list(parts.search_groups(every))
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            build = partial(mkdocs.build_part, paths, searched=searched, when=when, languages=languages)
            list(pool.map(lambda part: build(part.name, part.hub), every))
        groups = {group: [part.name for part in members] for group, members in parts.search_groups(every).items()}
        mkdocs.index_groups(paths, groups, when, jobs, languages)
    publish.publish_site(paths, every, when)
    return round(time.perf_counter() - start, 2)


def run_one_core(size: str, languages: tuple[str, ...]) -> dict:
    """A clean full build pinned to one CPU (its child processes inherit the pinning) with one worker."""
    from generator import pipeline
    from generator.base.paths import Paths

    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    folder = Path(tempfile.mkdtemp(prefix=f"bench-one-core-{size}-"))
    _project(folder, size)
    stages: dict[str, float] = {}
    paths = Paths(folder)
    seconds = _timed(lambda: pipeline.build(paths, stage=_stage_timer(stages), languages=languages, clean=True, jobs=1))
    shutil.rmtree(folder)
    return {"size": size, "one_core_s": seconds, "one_core_stages_s": stages}


def _stage_timer(stages: dict[str, float], memory: dict[str, int] | None = None):
    """A ``stage`` for pipeline.build that adds each step's seconds to ``stages`` under the names the build gives, and
    notes in ``memory`` this process's peak memory (MB) when each step ends: where the generator's memory goes."""

    @contextlib.contextmanager
    def stage(name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            stages[name] = round(stages.get(name, 0) + time.perf_counter() - start, 2)
            if memory is not None:
                memory[name] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

    return stage


def _timed(call) -> float:
    start = time.perf_counter()
    call()
    return round(time.perf_counter() - start, 2)


def _markdown_pages(paths) -> list[Path]:
    """Every Markdown page the build read: docs/ (the hub's or the only part's) and each other part's own docs."""
    return sorted({*paths.docs_dir.rglob("*.md"), *paths.build_dir.glob("parts/*/docs/**/*.md")})


def _rebuild_one_row(paths, languages: tuple[str, ...], check: bool) -> dict:
    """Change one target's English statement and rebuild incrementally; with ``check``, compare the rebuilt site
    with a clean build of the same data, file by file."""
    from generator import pipeline

    target = edit_one_row(paths.package_dir / "data" / "targets.csv")
    stages: dict[str, float] = {}
    seconds = _timed(lambda: pipeline.build(paths, stage=_stage_timer(stages), languages=languages))
    state = json.loads(paths.build_state.read_text(encoding="utf-8"))
    result = {"rebuild_row": target, "rebuild_s": seconds, "rebuild_stages_s": stages, "rebuilt": state.get("rebuilt")}
    if check:
        incremental = _site_hashes(paths.site_dir)
        result["check_clean_s"] = _timed(lambda: pipeline.build(paths, languages=languages, clean=True))
        clean = _site_hashes(paths.site_dir)
        differing = sorted(str(p) for p in incremental.keys() | clean.keys() if incremental.get(p) != clean.get(p))
        result["incremental_equals_clean"] = not differing
        result["incremental_differing_files"] = len(differing)
        result["incremental_differing_examples"] = differing[:5]
    return result


def _site_hashes(site: Path) -> dict[Path, str]:
    """Every file of the built site, by its path under the site, with the SHA-256 of its bytes."""
    hashes = {}
    for path in site.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                hashes[path.relative_to(site)] = hashlib.file_digest(handle, "sha256").hexdigest()
    return hashes


def edit_one_row(path: Path, field: str = "statement_en", suffix: str = " (edited)") -> str:
    """Append ``suffix`` to ``field`` of the row in the middle of the CSV file (the first from there on whose field
    is not empty), quoted as the csv module quotes it. Only that field's text is rewritten: every other byte of the
    file stays, the rest of its line included. Returns the row's first field (its id)."""
    text = path.read_bytes().decode("utf-8")
    records, pending = [], ""  # the text of each record, with its line ending; a quoted field may span lines
    for line in io.StringIO(text, newline=""):
        pending += line
        if pending.count('"') % 2 == 0:
            records.append(pending)
            pending = ""
    records += [pending] if pending else []
    column = _parse(records[0]).index(field)
    for index in range(1 + (len(records) - 1) // 2, len(records)):
        values = _parse(records[index])
        if values[column]:
            break
    else:
        raise ValueError(f"{path}: no row from the middle on has a {field}")
    record = records[index]
    body = record.rstrip("\r\n")
    start, end = _field_spans(body)[column]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([values[column] + suffix])
    records[index] = body[:start] + buffer.getvalue()[:-2] + body[end:] + record[len(body) :]
    expected = values[:column] + [values[column] + suffix] + values[column + 1 :]
    assert _parse(records[index]) == expected, "the edited row does not read back as intended"
    path.write_bytes("".join(records).encode("utf-8"))
    return values[0]


def _parse(record: str) -> list[str]:
    return next(csv.reader(io.StringIO(record, newline="")))


def _field_spans(record: str) -> list[tuple[int, int]]:
    """Where each field of one CSV record (without its line ending) stands in its text, quotes included."""
    spans, start, quoted = [], 0, False
    for index, char in enumerate(record):
        if char == '"':
            quoted = not quoted  # a doubled quote inside a quoted field toggles twice
        elif char == "," and not quoted:
            spans.append((start, index))
            start = index + 1
    return [*spans, (start, len(record))]


def _plan_page_bytes(files: dict[Path, int]) -> dict[str, float | None]:
    """The mean size in bytes of a plan's page: plans/<id>/index.html and en/plans/<id>/index.html (not the list of
    plans, plans/index.html), both editions together and each apart."""
    pages = [(p.parts[:-2], n) for p, n in files.items() if p.name == "index.html" and len(p.parts) >= 3]
    editions = {
        "zh": [n for folders, n in pages if folders == ("plans",)],
        "en": [n for folders, n in pages if folders == ("en", "plans")],
    }

    def mean(sizes: list[int]) -> float | None:
        return round(sum(sizes) / len(sizes)) if sizes else None

    return {
        "plan_page_bytes": mean(editions["zh"] + editions["en"]),
        "plan_page_bytes_zh": mean(editions["zh"]),
        "plan_page_bytes_en": mean(editions["en"]),
    }


def profile_one(size: str) -> None:
    """Where the generator's own time goes, in a run of its own (the profiler slows what it watches):
    the stages before MkDocs, which with Pagefind run in processes of their own and are timed above."""
    from generator import pipeline
    from generator.base.paths import Paths

    folder = Path(tempfile.mkdtemp(prefix=f"profile-{size}-"))
    _project(folder, size)
    profiler = cProfile.Profile()
    profiler.runcall(pipeline.build, Paths(folder), run_mkdocs=False)
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


# The index chunks one search reads from each index: the chunk of the query and of each of its Chinese characters
# (docs/assets/search.js looks each up too). Measured in Chromium at 300 synthetic plans: 碳达峰 read 3 chunks of
# each index, 光伏 4 on the English edition (the query, 光, 伏 and a word variant).
CHUNKS_PER_INDEX = 4


def _one_search_bytes(site: Path) -> int:
    """What one search transfers at most, in the edition where that is more: what the search page loads
    (docs/assets/search.js: Pagefind's script, its worker, the language's WebAssembly, once), then for each index
    searched (the hub's, and each group of regions' of a site built in parts, pagefind/parts/<group>/) its entry,
    the language's metadata and filter (the pages' weights, which search.js reads) and its CHUNKS_PER_INDEX largest
    index chunks, and the language's five largest page fragments (the first results shown). Pagefind's own interface
    (pagefind-ui.*) is not loaded by the site's search page."""
    bundle = site / "pagefind"
    bundles = [bundle, *sorted(p for p in (bundle / "parts").glob("*") if p.is_dir())]

    def size(pattern: str, folder: Path) -> int:
        return sum(p.stat().st_size for p in folder.glob(pattern))

    def largest(pattern: str, folder: Path, count: int) -> int:
        return sum(sorted((p.stat().st_size for p in folder.glob(pattern)), reverse=True)[:count])

    totals = []
    for lang, wasm in (("zh", "unknown"), ("en", "en")):
        total = size("pagefind.js", bundle) + size("pagefind-worker.js", bundle) + size(f"wasm.{wasm}.pagefind", bundle)
        for part in bundles:
            total += size("pagefind-entry.json", part) + size(f"pagefind.{lang}_*.pf_meta", part)
            total += size(f"filter/{lang}_*", part) + largest(f"{lang}_*", part / "index", CHUNKS_PER_INDEX)
        fragments = [p.stat().st_size for b in bundles for p in (b / "fragment").glob(f"{lang}_*")]
        totals.append(total + sum(sorted(fragments, reverse=True)[:5]))
    return max(totals)


def _first_visit_bytes(site: Path) -> int:
    """The home page with the stylesheets and scripts it loads (search loads only on the search page)."""
    total = (site / "index.html").stat().st_size
    for pattern in ("assets/stylesheets/*.css", "assets/javascripts/bundle.*.js", "assets/*.css", "assets/*.js"):
        total += sum(p.stat().st_size for p in site.glob(pattern))
    return total


def _baseline(paths, pages: int, average: int) -> tuple[float, float]:
    """The same number of plain Markdown pages, of the same average size (in characters), with the same
    configuration and the same publish stage: half of them Chinese, half English (x.en.md), built as one part (as
    the real data is), its two MkDocs builds side by side, then put together and indexed by Pagefind, as the real
    build does."""
    from generator import publish
    from generator.base.paths import Paths
    from generator.build.parts import WHOLE, Part
    from generator.engine import mkdocs

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
    baseline, whole, when = Paths(folder), (Part(WHOLE, True, frozenset()),), datetime.datetime(2024, 1, 1)
    start = time.perf_counter()
    mkdocs.build_part(baseline, WHOLE, True, [], when, jobs=os.cpu_count() or 1)  # one part, as the real data
    publish.publish_site(baseline, whole, when)
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
        ("whole_over_site_tools", "whole build ÷ (mkdocs + search)"),
        ("drawn_over_site_tools", "charts drawn: whole build ÷ (mkdocs + search)"),
        ("baseline_ms_per_page", "baseline ms/page"),
        ("overhead_ratio", "mkdocs + search ÷ baseline"), ("overhead_ratio_whole_build", "whole build ÷ baseline"),
        ("rebuild_s", "rebuild after one row (s)"), ("incremental_equals_clean", "rebuild = clean build"),
        ("one_core_s", "one core (s)"), ("all_cores_s", "all cores (s)"), ("speedup", "speed-up"),
        ("rows_per_s_validate", "rows/s validated"), ("peak_memory_mb_generator", "peak MB generator"),
        ("peak_memory_mb_mkdocs", "peak MB children"), ("peak_memory_mb_largest", "peak MB largest process"),
        ("site_mb", "site MB"), ("plan_page_bytes", "plan page bytes (mean)"),
        ("search_bundle_mb", "search bundle MB"),
        ("one_search_kb", "one search KB (at most)"), ("first_visit_kb", "first visit KB"),
    ]  # fmt: skip
    lines = ["| " + " | ".join(title for _, title in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(r.get(key)) for key, _ in columns) + " |" for r in results]
    ratio = _plan_page_ratio(results)
    if ratio is not None:
        lines += ["", f"Plan page bytes, 3,000 plans ÷ 300 plans: {ratio} (target ≤ 1.1)."]
    stages = list(dict.fromkeys(s for r in results for key in ("stages_s", "rebuild_stages_s") for s in r.get(key, {})))
    stage_lines = ["| size | editions | build | " + " | ".join(stages) + " |", "|" + "---|" * (len(stages) + 3)]
    stage_lines += [
        f"| {r['size']} | {r.get('languages', '')} | {build} | "
        + " | ".join(_cell(r[key].get(s)) for s in stages)
        + " |"
        for r in results
        for key, build in (("stages_s", "full (clean)"), ("rebuild_stages_s", "rebuild after one row"))
        if key in r
    ]
    rebuild_lines = [
        "| size | editions | row changed | rebuild (s) | parts rebuilt | clean build of the same data (s) "
        "| rebuild = clean build | files that differ |",
        "|---|---|---|---|---|---|---|---|",
    ]
    rebuild_lines += [
        f"| {r['size']} | {r.get('languages', '')} | {r.get('rebuild_row', '')} | {r['rebuild_s']} | "
        f"{_parts(r.get('rebuilt'))} | {_cell(r.get('check_clean_s'))} | {_cell(r.get('incremental_equals_clean'))} | "
        + _differing(r)
        + " |"
        for r in results
        if "rebuild_s" in r
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
        *(["Each size as measured (the results of earlier runs kept with `--keep`):", "",
           *(f"- {r['size']} ({r['languages']}): `{r['command']}` at {r['commit']}" for r in results if "commit" in r),
           ""] if any("commit" in r for r in results) else []),
        "Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()), "",
        "## Targets of issue 30", "", *targets(results, info), "",
        "## Figures", "",
        "Whole build: the wall time of one clean build on all cores (`clean=True`); stages as the build names them. "
        "Peak memory: the largest resident size of the benchmark's own process (generator) and of any process it "
        "waited for (children: MkDocs, Pagefind, workers, the baseline), over all of that size's builds.", "",
        *lines, "",
        "## Stages (seconds)", "", *stage_lines, "",
        *(["## Rebuild after one row", "",
            "One row of `targets.csv` (the middle one) has ` (edited)` appended to its `statement_en`; then an "
            "incremental build. Where checked, a clean build of the same edited data follows and every file of "
            "`site/` is compared by SHA-256.", "",
            *rebuild_lines, ""] if len(rebuild_lines) > 2 else []),
        *(["## Cost of the English edition (whole build)", "", *second, ""] if len(second) > 2 else []),
        *(["## Where the site's size is (MB)", "", *size_lines, ""] if len(size_lines) > 2 else []),
    ])  # fmt: skip


def targets(results: list[dict], info: dict) -> list[str]:
    """The table of issue 30's targets, each measured from ``results`` (or not measured) and judged; then issue 19's
    two that were met, kept as checks that they still are."""
    real, r300, r1200, r3000 = (_main_result(results, size) for size in ("real", "300", "1200", "3000"))
    rows = []

    def row(target: str, limit: str, measured, judged: bool | None, note: str = "") -> None:
        verdict = "not measured" if judged is None else "met" if judged else "missed"
        shown = "—" if measured is None else f"{measured}{note}"
        rows.append(f"| {target} ({limit}) | {shown} | {verdict} |")

    def at_most(value, limit) -> bool | None:
        return None if value is None else value <= limit

    full = r3000.get("total_s")
    row("full build, 3,000 plans", "≤ 900 s", full, at_most(full, 900), " s")
    seconds = r3000.get("rebuild_s")
    judged = at_most(seconds, 90)
    note = f" s (parts rebuilt: {_parts(r3000.get('rebuilt'))}"
    if "incremental_equals_clean" in r3000:
        same = r3000["incremental_equals_clean"]
        note += "; same site as a clean build" if same else "; site differs from a clean build"
        judged = judged and same if judged is not None else None
    else:
        note += "; not compared with a clean build"
    row("rebuild after one row, 3,000 plans", "≤ 90 s", seconds, judged, note + ")")
    memory = _largest_process(r3000)
    row("largest process, 3,000 plans", "≤ 1,536 MB", memory, at_most(memory, 1536), " MB")
    large, small = _largest_process(r1200), _largest_process(r300)
    ratio = round(large / small, 2) if large and small else None
    row("largest process, 1,200 ÷ 300 plans", "≤ 1.25", ratio, at_most(ratio, 1.25), f" ({large} ÷ {small} MB)")
    rebuild, clean = r1200.get("rebuild_s"), r1200.get("total_s")
    ratio = round(rebuild / clean, 2) if rebuild and clean else None
    row("rebuild after one row ÷ clean build, 1,200 plans", "≤ 0.25", ratio, at_most(ratio, 0.25),
        f" ({rebuild} s ÷ {clean} s)")  # fmt: skip
    pages = [(kb, r["size"], page) for r in results for page, kb in r.get("largest_pages_kb", {}).items()]
    if pages:
        kb, size, page = max(pages)
        sizes = ", ".join(dict.fromkeys(r["size"] for r in results if r.get("largest_pages_kb")))
        row("largest HTML page, any size", "≤ 1,000 KB", kb, at_most(kb, 1000),
            f" KB (`{page}` at {size}; sizes measured: {sizes})")  # fmt: skip
    else:
        row("largest HTML page, any size", "≤ 1,000 KB", None, None)
    searched = [r for r in (real, r300, r1200, r3000) if "one_search_kb" in r]
    if searched:
        met = all(r["one_search_kb"] <= 1000 and r["first_visit_kb"] <= 500 for r in searched)
        met = met and "one_search_kb" in r3000
        shown = "; ".join(
            f"{r['size']}: at most {r['one_search_kb']} KB, first visit {r['first_visit_kb']} KB" for r in searched
        )
        verdict = "met" if met else "missed" if "one_search_kb" in r3000 else "not measured at 3,000"
        rows.append(f"| one search, 3,000 plans (≤ 1 MB; first visit ≤ 500 KB) | {shown} | {verdict} |")
    else:
        row("one search, 3,000 plans", "≤ 1 MB; first visit ≤ 500 KB", None, None)
    site_s = real.get("site_tools_s")
    alone = f" s ÷ {site_s} s: MkDocs and Pagefind run again alone on its pages)"
    drawn = real.get("drawn_over_site_tools")
    row("whole build ÷ (MkDocs + search alone), real, charts drawn", "≤ 1.5", drawn, at_most(drawn, 1.5),
        f" ({real.get('drawn_s')}{alone}")  # fmt: skip
    cold = real.get("whole_over_site_tools")
    row("whole build ÷ (MkDocs + search alone), real, charts cold", "≤ 2.0", cold, at_most(cold, 2.0),
        f" ({real.get('total_s')}{alone}")  # fmt: skip
    ratio = _plan_page_ratio(results)
    row("issue 19: plan page bytes, 3,000 ÷ 300 plans", "≤ 1.1", ratio, at_most(ratio, 1.1))
    speedup = r300.get("speedup")
    cores = r300.get("cores", info.get("cpus"))
    note = f" ({r300.get('one_core_s')} s on one core, {r300.get('all_cores_s')} s on {cores} cores)"
    judged = at_most(1.7, speedup) if speedup is not None else None
    row("issue 19: speed-up from one core to two, 300 plans", "≥ 1.7", speedup, judged,
        note if cores == 2 else note + ", not 2")  # fmt: skip
    return ["| target | measured | verdict |", "|---|---|---|", *rows]


def _largest_process(result: dict) -> int | None:
    """The peak resident size (MB) of the largest single process of a size's builds."""
    memory = result.get("peak_memory_mb_largest")
    if memory is None and "peak_memory_mb_generator" in result:  # results from before this figure was recorded
        memory = max(result["peak_memory_mb_generator"], result.get("peak_memory_mb_mkdocs", 0))
    return memory


def _main_result(results: list[dict], size: str) -> dict:
    """The result of ``size`` in the most editions (both, rather than Chinese alone), or {} if none."""
    found = [r for r in results if r["size"] == size]
    return max(found, key=lambda r: len(r.get("languages", "").split(",")), default={})


def _plan_page_ratio(results: list[dict]) -> float | None:
    large, small = (_main_result(results, size).get("plan_page_bytes") for size in ("3000", "300"))
    return round(large / small, 2) if large and small else None


def _differing(result: dict) -> str:
    if "incremental_differing_files" not in result:
        return "not checked"
    examples = ", ".join(f"`{path}`" for path in result.get("incremental_differing_examples", []))
    return f"{result['incremental_differing_files']}" + (f": {examples}" if examples else "")


def _parts(names) -> str:
    if names is None:
        return "—"
    return ", ".join(names) if len(names) <= 6 else f"{len(names)}: " + ", ".join(names[:5]) + ", …"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="real,300,1200,3000", help="comma-separated: real and/or numbers of plans")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--profile", default="", help="sizes whose generator stages are also profiled (cProfile)")
    parser.add_argument("--profile-one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-baseline", default="", help="sizes built without the plain-Markdown baseline")
    parser.add_argument(
        "--one-language", default="real,300", help="sizes also built in Chinese only, to measure the English edition"
    )
    parser.add_argument(
        "--check-incremental",
        default="real,300",
        help="sizes whose rebuild after one row is compared with a clean build of the same data (one more full build)",
    )
    parser.add_argument(
        "--cores-speedup",
        default="300",
        help="sizes also built clean on one CPU with one worker, to measure the speed-up from more cores",
    )
    parser.add_argument(
        "--charts-drawn",
        default="real",
        help="sizes built clean a second time with their charts already drawn, beside the first build's cold charts",
    )
    parser.add_argument("--check", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--drawn", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--one-core", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--languages", default="zh,en", help=argparse.SUPPRESS)
    parser.add_argument("--report-only", action="store_true", help="rewrite REPORT.md from results.json")
    parser.add_argument(
        "--keep", action="store_true", help="keep the results of the sizes not run now (each names its command, commit)"
    )
    args = parser.parse_args()
    if args.report_only:
        saved = json.loads((HERE / "results.json").read_text())
        _write(saved["results"], saved["machine"], saved["command"])
        return
    if args.one:
        languages = tuple(args.languages.split(","))
        if args.profile_one:
            profile_one(args.one)
        elif args.one_core:
            print(json.dumps(run_one_core(args.one, languages)))
        else:
            baseline = args.one not in args.no_baseline.split(",")
            print(json.dumps(run_one(args.one, languages, baseline, args.check, args.drawn)))
        return
    options = {"sizes": args.sizes, "one-language": args.one_language, "check-incremental": args.check_incremental}
    options |= {"cores-speedup": args.cores_speedup, "charts-drawn": args.charts_drawn}
    options |= {name: value for name, value in (("profile", args.profile), ("no-baseline", args.no_baseline)) if value}
    command = "nox -s bench --" + "".join(f" --{name} {shlex.quote(value)}" for name, value in options.items())
    command += " --keep" if args.keep else ""
    sizes = args.sizes.split(",")
    info, results = machine(), []
    if args.keep and (HERE / "results.json").exists():
        results = [r for r in json.loads((HERE / "results.json").read_text())["results"] if r["size"] not in sizes]
    for size in sizes:
        for languages in ["zh,en"] + (["zh"] if size in args.one_language.split(",") else []):
            print(f"benchmark: {size} ({languages}) …", flush=True)
            one = [sys.executable, __file__, "--one", size, "--languages", languages, "--no-baseline", args.no_baseline]
            # The rebuild is compared with a clean build in both editions only (the Chinese-alone run measures cost).
            one += ["--check"] if size in args.check_incremental.split(",") and languages == "zh,en" else []
            one += ["--drawn"] if size in args.charts_drawn.split(",") and languages == "zh,en" else []
            results.append(_child(one) | {"command": command, "commit": _commit()})
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
            _write(results, info, command)  # after each size, so a long run keeps what it measured so far
        if size in args.cores_speedup.split(","):
            print(f"benchmark: {size} (zh,en) on one core …", flush=True)
            one_core = _child([sys.executable, __file__, "--one", size, "--languages", "zh,en", "--one-core"])
            both = next(r for r in results if r["size"] == size and r["languages"] == "zh,en")
            both.update(one_core_s=one_core["one_core_s"], one_core_stages_s=one_core["one_core_stages_s"])
            both.update(all_cores_s=both["total_s"], speedup=round(one_core["one_core_s"] / both["total_s"], 2))
            print(json.dumps(one_core, ensure_ascii=False), flush=True)
            _write(results, info, command)
        if size in args.profile.split(","):
            subprocess.run([sys.executable, __file__, "--one", size, "--profile-one"], check=True)


def _commit() -> str:
    """The commit measured, with "+changes" when the project's files differ from it."""
    git = ["git", "-C", str(HERE.parent)]
    commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    # What the benchmark writes itself (results.json, REPORT.md) is not a change to what it measures.
    changed = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=no", "--", ".", ":!benchmarks/results.json",
         ":!benchmarks/REPORT.md"], capture_output=True, text=True,
    )  # fmt: skip
    return commit + ("+changes" if changed.stdout.strip() else "")


def _child(command: list[str]) -> dict:
    """Run one measurement in a process of its own (so that its peak memory is its own); its last line is JSON."""
    output = subprocess.run(command, capture_output=True, text=True)
    if output.returncode:
        sys.stderr.write(output.stderr)
        output.check_returncode()
    return json.loads(output.stdout.strip().splitlines()[-1])


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
