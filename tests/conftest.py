"""Shared fixtures: the real package, the small hand-made fixture package (tests/fixture/), and throw-away
copies of the project to break on purpose.

Tests of the code's behaviour use the fixture package, whose every row is known by heart; tests about the
real data (its quotes, its counts) use the real package.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import http.server
import json
import shutil
import sys
import threading
from pathlib import Path

import pytest

from generator.base.paths import ROOT, Paths, copy_site_configuration
from generator.build import share
from generator.package import load, relations, validate
from generator.site import model

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402


def hand_written_docs() -> list[Path]:
    """The Markdown pages under docs/ (about.md, about.en.md, ...): people write them, the generator never does."""
    return sorted((ROOT / "docs").glob("*.md"))


@pytest.fixture(scope="session")
def real_paths() -> Paths:
    return Paths()


@pytest.fixture(scope="session")
def real_inputs(real_paths) -> load.Inputs:
    return load.load(real_paths)


@pytest.fixture(scope="session")
def real_validation(real_inputs) -> validate.Validation:
    return validate.validate(real_inputs, share.DRAWING)


@pytest.fixture(scope="session")
def real_tables(real_validation) -> dict[str, list[dict]]:
    return real_validation.tables


@pytest.fixture(scope="session")
def real_model(real_tables, real_inputs) -> model.Model:
    return model.build_model(real_tables, real_inputs.relations)


FIXTURE = Path(__file__).parent / "fixture"
# Which rows each plan of the fixture package owns (its descriptor's foreign keys), for the models built from its
# tables.
FIXTURE_RELATIONS = relations.derive(json.loads((FIXTURE / "datapackage" / "datapackage.json").read_bytes()))


def copy_project(destination: Path, source: Path = ROOT) -> Paths:
    """A copy of everything a build reads: the package of ``source`` (the project itself, or FIXTURE: the fixture
    package) with its releases, CHANGELOG.md and CITATION.cff, and the project's hand-written docs and site
    configuration."""
    shutil.copytree(source / "datapackage", destination / "datapackage")
    (destination / "docs").mkdir()
    for path in hand_written_docs():
        shutil.copy(path, destination / "docs" / path.name)
    copy_site_configuration(ROOT, destination)
    shutil.copytree(ROOT / "docs" / "assets", destination / "docs" / "assets")
    if (source / "releases").is_dir():
        shutil.copytree(source / "releases", destination / "releases")
    else:
        (destination / "releases").mkdir()
    for name in ("CHANGELOG.md", "CITATION.cff"):
        shutil.copy(source / name, destination / name)
    return Paths(destination)


def copy_fixture_project(destination: Path) -> Paths:
    """The fixture package (tests/fixture/), with its own CHANGELOG.md and CITATION.cff and no releases, in a copy
    of the project's site configuration and hand-written docs."""
    return copy_project(destination, FIXTURE)


# Five synthetic plans (benchmarks/synth.py) in Liaoning (210000) and Tianjin's pilot programme (120000): two
# regions, and the rows of neither (districts, indicators, agencies, the documents that are no plan). The first and
# the fifth synthetic plans are both copies of the same real plan.
TWO_REGIONS_PLANS = 5


@pytest.fixture(scope="session")
def two_regions_template(tmp_path_factory) -> Path:
    return synth.project(tmp_path_factory.mktemp("two-regions") / "project", TWO_REGIONS_PLANS)


@pytest.fixture
def two_regions(two_regions_template, tmp_path) -> Path:
    """A throw-away copy of the synthetic project of two regions, to break."""
    return Path(shutil.copytree(two_regions_template, tmp_path / "project"))


def table_rows(project: Path, table: str) -> list[dict[str, str]]:
    return synth.read(project / "datapackage" / "data" / f"{table}.csv")


def edit_table(project: Path, table: str, change) -> None:
    """Rewrite a table of a synthetic project with ``change`` applied to its rows (a list, changed in place)."""
    found = table_rows(project, table)
    fields = list(found[0])
    change(found)
    synth.write(project / "datapackage" / "data" / f"{table}.csv", found, fields)


@pytest.fixture
def fixture_project(tmp_path) -> Paths:
    """A throw-away project around the fixture package, to build or break."""
    return copy_fixture_project(tmp_path)


@pytest.fixture(scope="session")
def fixture_tables(tmp_path_factory) -> dict[str, list[dict]]:
    paths = copy_fixture_project(tmp_path_factory.mktemp("fixture"))
    return validate.validate(load.load(paths)).tables


@pytest.fixture(scope="session")
def fixture_model(fixture_tables) -> model.Model:
    return model.build_model(fixture_tables, FIXTURE_RELATIONS)


@pytest.fixture(scope="session")
def fixture_built(tmp_path_factory) -> Paths:
    """One full build (MkDocs and Pagefind included) of the fixture project, shared by the tests that only need
    a built site."""
    from generator import pipeline

    paths = copy_fixture_project(tmp_path_factory.mktemp("fixture-built"))
    pipeline.build(paths)
    return paths


def edit_cell(paths: Paths, resource: str, line: int, field: str, value: str) -> None:
    """Set one cell of a CSV file; ``line`` counts the header as line 1, as problems do."""
    path = paths.package_dir / "data" / f"{resource}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0].keys())
    rows[line - 2][field] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def cell_of(paths: Paths, resource: str, line: int, field: str) -> str:
    """One cell of a CSV file as written; ``line`` counts the header as line 1, as problems do."""
    path = paths.package_dir / "data" / f"{resource}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))[line - 2][field]


def line_of(paths: Paths, resource: str, key_field: str, key: str) -> int:
    """The line number of the row whose ``key_field`` is ``key``."""
    path = paths.package_dir / "data" / f"{resource}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if row[key_field] == key:
                return line
    raise KeyError(key)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Paths:
    """One full build of a copy of the project, shared by the tests that read the built site."""
    from generator import pipeline

    paths = copy_project(tmp_path_factory.mktemp("built"))
    pipeline.build(paths)
    return paths


def tree_digest(folder: Path) -> str:
    """One hash of every file's path and bytes under a folder: equal digests, identical trees."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def with_targets(tables, *targets):
    """The fixture's tables with more target rows, each a copy of an existing one with some fields changed."""
    by_id = {t["target_id"]: t for t in tables["targets"]}
    extra = [{**by_id[copy_of], **changes} for copy_of, changes in targets]
    return model.build_model({**tables, "targets": tables["targets"] + extra}, FIXTURE_RELATIONS)


# The browser tests' shared parts (tests/test_browser*.py): the built site served on a free local port, and
# Debian's headless Chromium driven by Playwright.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.fixture(scope="session")
def server(built):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built.site_dir))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip("chromium is not installed (the CI script installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()
