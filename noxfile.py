"""Every task of the project is a nox session: `nox -s build`, `nox -s tests`, `nox -s lint`, `nox -s serve`.

Each session installs its dependency group from its lock in requirements/ (`nox -s lock` writes them)."""

import os

import nox

nox.options.sessions = ["lint", "tests"]
nox.options.reuse_existing_virtualenvs = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
# Each dependency group of pyproject.toml is locked in requirements/<group>.txt, resolved after the locks it must
# agree with (its constraints): the drafter runs the build's versions, the tests the drafter's, the browser tests
# the tests'.
LOCKS = {
    "build": [],
    "draft": ["build"],
    "test": ["draft"],
    "browser": ["test"],
    "lint": [],
    "citation": [],
    "lock": [],
}


def lock_file(group: str) -> str:
    return f"requirements/{group}.txt"


def install(session: nox.Session, group: str) -> None:
    """Install a dependency group exactly as locked: every package at its pinned version, checked against its
    hashes, and nothing the lock does not name (the lock holds every dependency, so pip resolves nothing)."""
    session.install("--require-hashes", "--no-deps", "-r", lock_file(group))


@nox.session
def build(session: nox.Session) -> None:
    """Validate the data package, generate the pages and downloads, and build site/ (mkdocs --strict).

    Incremental: only the parts of the site whose inputs changed are generated and built again (README, "Building
    at national scale"). `nox -s build -- --clean` rebuilds every part; `-- --jobs N` sets the processes used;
    `-- --part NAME` builds one part alone (a job of a build spread over machines)."""
    install(session, "build")
    session.run("python", "-m", "generator", "build", *session.posargs)


@nox.session
def parts(session: nox.Session) -> None:
    """List the parts the site is built in, one per line (README, "Building at national scale")."""
    install(session, "build")
    session.run("python", "-m", "generator", "parts")


@nox.session
def validate(session: nox.Session) -> None:
    """Only check the data package and print every problem as file:row:field."""
    install(session, "build")
    session.run("python", "-m", "generator", "validate")


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (pytest) but the browser tests; extra arguments go to pytest."""
    install(session, "test")
    session.run("python", "-m", "pytest", "-m", "not browser", *session.posargs)


@nox.session
def browser(session: nox.Session) -> None:
    """Drive the built site in headless Chromium (/usr/bin/chromium, from Debian's package): requests, axe, clicks."""
    install(session, "browser")
    session.run("python", "-m", "pytest", "-m", "browser", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and common mistakes with ruff, and types with mypy (pyproject.toml's [tool.mypy])."""
    install(session, "lint")
    session.run("ruff", "check", "generator", "tests", "benchmarks", "noxfile.py")
    session.run("ruff", "format", "--check", "generator", "tests", "benchmarks", "noxfile.py")
    session.run("mypy")


@nox.session
def release(session: nox.Session) -> None:
    """Release the version in datapackage.json: check it was raised and written up in CHANGELOG.md, keep its ZIP in
    releases/, build, and publish site/ to the gh-pages branch of the remote given after -- (or $RELEASE_REMOTE)."""
    install(session, "build")
    remote = session.posargs[0] if session.posargs else os.environ.get("RELEASE_REMOTE")
    session.run("python", "-m", "generator", "release", *(["--remote", remote] if remote else []))


@nox.session
def citation(session: nox.Session) -> None:
    """Validate CITATION.cff against the Citation File Format schema (cffconvert, in its own environment)."""
    install(session, "citation")
    session.run("cffconvert", "--validate", "--infile", "CITATION.cff")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark the build on the real data and on synthetic national-scale packages; writes benchmarks/REPORT.md.

    Options after --, for example `nox -s bench -- --sizes real,300,3000` (the default sizes); also
    `--one-language SIZES` (also build Chinese alone, to measure the English edition), `--profile SIZES`
    (cProfile of the generator), `--no-baseline SIZES`, `--check-incremental SIZES` (compare the rebuild after one
    changed row with a clean build) and `--cores-speedup SIZES` (a clean build on one core against all cores).
    """
    install(session, "build")
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session
def draft(session: nox.Session) -> None:
    """Draft a new plan for review: `nox -s draft -- PATH/TO/document [--district-code 1201xx]`, the document as
    received (.html, .htm, .docx, .pdf or .txt), writes datapackage/drafts/<plan_id>/; `nox -s draft -- --accept
    PLAN_ID` publishes the rows marked accepted."""
    install(session, "draft")
    session.run("python", "-m", "generator", "draft", *session.posargs)


@nox.session(name="draft-eval")
def draft_eval(session: nox.Session) -> None:
    """Draft the curated documents as if new and compare with their rows; writes benchmarks/DRAFT-EVAL.md."""
    install(session, "draft")
    session.run("python", "-m", "generator", "draft-eval")


@nox.session
def serve(session: nox.Session) -> None:
    """Build, then preview the Chinese edition at http://127.0.0.1:8000 with live reload of hand-written pages
    (`nox -s serve -- en`: the English edition)."""
    install(session, "build")
    session.run("python", "-m", "generator", "serve", *session.posargs[:1])


@nox.session
def lock(session: nox.Session) -> None:
    """Lock every dependency group of pyproject.toml in requirements/<group>.txt: each package pinned with the hashes
    of all its files, resolved for every platform and for the oldest Python the project supports and the newer ones.

    A version already locked is kept while pyproject.toml's range allows it, so that a change to one group moves
    nothing else; `nox -s lock -- --upgrade` moves every package to its newest version in range, and
    `-- --upgrade-package NAME` one package (README, "Pinned tools")."""
    install(session, "lock")
    python = PYPROJECT["project"]["requires-python"].removeprefix(">=")
    for group, constraints in LOCKS.items():
        session.run(
            "uv", "pip", "compile", "--quiet", "--group", group, "--universal", "--python-version", python,
            "--generate-hashes", "--custom-compile-command", "nox -s lock",
            *(f"--constraint={lock_file(c)}" for c in constraints),
            "--output-file", lock_file(group), *session.posargs,
        )  # fmt: skip
