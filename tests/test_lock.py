"""The locks in requirements/ agree with pyproject.toml's dependency groups, and the sessions install from them alone.

Each group's lock pins every package it installs (``name==version``, with the hashes of its files) inside the range
that pyproject.toml declares; the environment running these tests is the test group's lock, complete and exact.
When a test here fails after a change to pyproject.toml, run `nox -s lock` (README, "Pinned tools").
"""

from __future__ import annotations

import ast
import re
import tomllib
from dataclasses import dataclass
from importlib import metadata

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from generator.base.paths import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
GROUPS = PYPROJECT["dependency-groups"]
NOXFILE = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Pin:
    name: str  # canonical: lower case, "-" between words
    version: str
    marker: Marker | None
    hashes: tuple[str, ...]

    def applies(self) -> bool:
        """Whether pip installs it here (on this platform and Python)."""
        return self.marker is None or self.marker.evaluate()


def group_requirements(group: str) -> list[Requirement]:
    """A group's requirements, those of the groups it includes first (PEP 735)."""
    found = []
    for item in GROUPS[group]:
        found += group_requirements(item["include-group"]) if isinstance(item, dict) else [Requirement(item)]
    return found


def lock(group: str) -> list[Pin]:
    """The packages of requirements/<group>.txt: a requirement per entry, its continuation lines (``\\``) joined."""
    text = (ROOT / "requirements" / f"{group}.txt").read_text(encoding="utf-8")
    pins = []
    for line in text.replace("\\\n", " ").splitlines():
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        requirement, *hashes = re.split(r"\s+--hash=", entry)
        parsed = Requirement(requirement)
        specifier = list(parsed.specifier)
        assert len(specifier) == 1 and specifier[0].operator == "==", f"{group}.txt: {requirement} is not pinned"
        assert not parsed.url and not parsed.extras, f"{group}.txt: {requirement}"
        pins.append(Pin(canonicalize_name(parsed.name), specifier[0].version, parsed.marker, tuple(hashes)))
    return pins


def here(group: str) -> dict[str, str]:
    """The version of each package that the lock installs here."""
    return {pin.name: pin.version for pin in lock(group) if pin.applies()}


def test_every_group_has_a_lock_and_every_lock_a_group():
    locks = {path.stem for path in (ROOT / "requirements").glob("*.txt")}
    assert locks == set(GROUPS)
    assert set(noxfile_locks()) == set(GROUPS), "noxfile.LOCKS names the groups `nox -s lock` resolves"


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_locked_package_is_pinned_with_the_sha256_of_its_files(group):
    pins = lock(group)
    assert pins
    for pin in pins:
        assert pin.hashes, f"{group}.txt: {pin.name} has no --hash"
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in pin.hashes), (group, pin.name)
    # One version per package wherever pip installs it: two lines for a package only under markers that exclude
    # each other (an older version for older Pythons).
    for name in {pin.name for pin in pins}:
        versions = [pin for pin in pins if pin.name == name]
        assert len(versions) == 1 or all(pin.marker is not None for pin in versions), (group, name)


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_requirement_of_a_group_is_locked_inside_its_declared_range(group):
    pins = lock(group)
    for requirement in group_requirements(group):
        versions = [pin.version for pin in pins if pin.name == canonicalize_name(requirement.name)]
        assert versions, f"{requirement} of {group} is not in requirements/{group}.txt: run nox -s lock"
        for version in versions:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"requirements/{group}.txt has {requirement.name}=={version}, outside {requirement}: run nox -s lock"
            )


@pytest.mark.parametrize(("group", "constraint"), [("draft", "build"), ("test", "draft"), ("browser", "test")])
def test_the_tests_run_the_versions_the_build_runs(group, constraint):
    """Every package of the build's lock is in the drafter's lock at the same version, the drafter's in the tests'
    and the tests' in the browser tests': the tests check the tools that build the site and draft plans."""
    wider = {(pin.name, pin.version, str(pin.marker)) for pin in lock(group)}
    assert {(pin.name, pin.version, str(pin.marker)) for pin in lock(constraint)} <= wider


def test_this_environment_is_the_test_lock_exactly():
    """The tests run in what `nox -s tests` installed: each package of requirements/test.txt at its locked
    version (a session installs it with --no-deps, so the next test checks nothing is missing)."""
    installed = {name: installed_version(name) for name in here("test")}
    assert installed == here("test"), "run the tests with nox -s tests, which installs requirements/test.txt"


def test_the_test_lock_holds_every_dependency_of_what_it_installs():
    """From the test group's requirements, with their extras (pagefind[extended]), every dependency that an installed
    package declares for this platform is locked: pip installs the lock with --no-deps and would not add it."""
    locked = here("test")
    missing = []
    todo = [(canonicalize_name(r.name), frozenset(r.extras)) for r in group_requirements("test")]
    seen = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        for dependency in map(Requirement, metadata.requires(name) or []):
            wanted = dependency.marker is None or any(
                dependency.marker.evaluate({"extra": extra}) for extra in extras | {""}
            )
            if not wanted:
                continue
            dependency_name = canonicalize_name(dependency.name)
            if dependency_name not in locked:
                missing.append(f"{dependency} (of {name})")
            else:
                todo.append((dependency_name, frozenset(dependency.extras)))
    assert not missing


def installed_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def noxfile_locks() -> dict:
    """noxfile.LOCKS, read from the noxfile's source (nox is not installed where the tests run)."""
    (value,) = (
        node.value
        for node in NOXFILE.body
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["LOCKS"]
    )
    return ast.literal_eval(value)


def calls(name: str) -> list[tuple[ast.Call, str]]:
    """Every call of ``name`` (a function, or any object's method) in the noxfile, with the function it is in."""
    found = []
    for function in NOXFILE.body:
        if not isinstance(function, ast.FunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
                if called == name:
                    found.append((node, function.name))
    return found


def test_the_sessions_install_only_from_the_locks():
    """One place installs anything, ``install``, and it installs a lock with its hashes and nothing else: every
    session calls it with a group that has a lock, and no session runs pip, uv or a package installer itself."""
    installs = calls("install")
    direct = [(node, function) for node, function in installs if isinstance(node.func, ast.Attribute)]
    assert [function for _, function in direct] == ["install"], "only noxfile.install calls session.install"
    (pip,) = direct
    arguments = [ast.unparse(argument) for argument in pip[0].args]
    assert arguments == ["'--require-hashes'", "'--no-deps'", "'-r'", "lock_file(group)"]
    sessions = {
        function.name
        for function in NOXFILE.body
        if isinstance(function, ast.FunctionDef)
        and any(ast.unparse(d).startswith("nox.session") for d in function.decorator_list)
    }
    by_session = {function: node for node, function in installs if function in sessions}
    assert set(by_session) == sessions, "every session installs its tools through install()"
    for function, node in by_session.items():
        group = ast.literal_eval(node.args[1])
        assert group in GROUPS and (ROOT / "requirements" / f"{group}.txt").is_file(), (function, group)
    for node, function in calls("run"):
        words = [ast.literal_eval(a) for a in node.args if isinstance(a, ast.Constant)]
        assert not ({"install", "sync"} & set(words) and {"pip", "uv"} & set(words)), (function, words)
