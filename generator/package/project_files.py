"""The project's files as a build reads them: regular files inside the repository, and nothing else.

A symbolic link looks like a one-line path in review, yet the build would follow it and publish whatever it
points at (a key, a token file, /proc/self/environ); a FIFO would hang the build, a device read without end. So
every folder the build reads is walked without following links, and any entry that is not a regular file or a
folder is refused, named by its path, before a single file is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.base.paths import Paths
from generator.base.problems import GeneratorError, InvalidPackage, Problem

NOT_REGULAR_HINT = "the project holds only regular files: put the file itself in its place, or remove the entry"
SKIPPED = ("__pycache__",)


def listing(paths: Paths) -> dict[Path, list[str]]:
    """The regular files of every folder a build reads (Paths.read_folders), by path inside it, from one walk of
    each; raises InvalidPackage naming every entry of them, or of Paths.read_files, that is not a regular file or a
    folder, before the build reads a single file."""
    walked = {folder: walk(folder, paths.shown(folder), skip) for folder, skip in paths.read_folders.items()}
    problems = [p for _, found in walked.values() for p in found]
    problems += [_not_regular(paths.shown(f), kind) for f in paths.read_files if (kind := _kind(f)) not in _FINE]
    if problems:
        raise InvalidPackage(problems)
    return {folder: files for folder, (files, _) in walked.items()}


def regular_files(folder: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """The regular files under ``folder``, by path inside it, sorted (what else is there, ``listing`` names)."""
    return walk(folder, folder.name, skip)[0]


_FINE = ("file", "missing")


def walk(folder: Path, shown: str, skip: tuple[str, ...] = ()) -> tuple[list[str], list[Problem]]:
    """(the regular files under ``folder`` by path inside it, sorted; a problem for every other entry)."""
    if _kind(folder) == "missing":
        return [], []
    if _kind(folder) != "folder":
        return [], [_not_regular(shown, _kind(folder))]
    files, problems = [], []
    for top, folders, names in os.walk(folder, followlinks=False):
        inside = Path(top).relative_to(folder)
        if inside == Path("."):
            folders[:] = [name for name in folders if name not in skip]
        folders[:] = sorted(name for name in folders if name not in SKIPPED)
        for name in [*folders, *names]:
            relative = (inside / name).as_posix()
            kind = _kind(Path(top) / name)
            if kind == "file":
                files.append(relative)
            elif kind != "folder":
                problems.append(_not_regular(f"{shown}/{relative}", kind))
        folders[:] = [name for name in folders if _kind(Path(top) / name) == "folder"]
    return sorted(files), sorted(problems)


def _kind(path: Path) -> str:
    """What the entry itself is, its link not followed: file, folder, missing, or what else it is."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return "missing"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISLNK(mode):
        return "symbolic link"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special file"


def _not_regular(shown: str, kind: str) -> Problem:
    return Problem(shown, None, "", "not-a-regular-file", f"a {kind}, not a regular file", NOT_REGULAR_HINT)


UNREFERENCED_HINT = "add the plan row that names it in source_file, or remove the file: every file here is published"
STRAY_HINT = "the package holds datapackage.json, data/ and sources/ only: move the file out of datapackage/"


def unreferenced(package_files: tuple[str, ...], plans: list[dict[str, str]] | None, shown: str) -> list[Problem]:
    """Files of the package that nothing publishes on purpose: a source that no plan row names in ``source_file``,
    and any file outside datapackage.json, data/ and sources/ (data/ files without a resource: csvfiles). With
    ``plans`` None (plans.csv could not be read, which is reported), sources are not judged."""
    named = {row.get("source_file") for row in plans or []}
    problems = []
    for path in package_files:
        folder, _, name = path.rpartition("/")
        if folder == "sources" and plans is not None and path not in named:
            message = "no plan row refers to this source (plans.csv source_file)"
            problems.append(Problem(f"{shown}/{path}", None, "", "unreferenced-file", message, UNREFERENCED_HINT))
        elif folder not in ("data", "sources") and path != "datapackage.json":
            message = "not part of the data package"
            problems.append(Problem(f"{shown}/{path}", None, "", "unreferenced-file", message, STRAY_HINT))
    return problems


def inside(folder: Path, relative: str, what: str) -> Path:
    """``folder / relative``, after checking it stays inside ``folder``: no absolute path, no ``..``, and no
    symbolic link on the way (``what`` names where the path came from, for the message). Raises GeneratorError
    before anything is written."""
    path = relative_path(relative, folder.name, what)
    for step in [*reversed((folder / path).parents), folder / path]:
        if step.is_relative_to(folder) and _kind(step) not in ("file", "folder", "missing"):
            raise GeneratorError(f"{what}: {relative!r} leads through a {_kind(step)} ({step.name})")
    if not (folder / path).resolve().is_relative_to(folder.resolve()):
        raise GeneratorError(f"{what}: {relative!r} leads outside {folder.name}/")
    return folder / path


def relative_path(relative: str, folder: str, what: str) -> Path:
    """``relative`` as a path, once it is known to be relative and to stay below its folder (no ``..``): the
    check without looking at the disk, for the writer of thousands of generated files."""
    path = Path(relative)
    if not relative or path.is_absolute() or ".." in path.parts:
        raise GeneratorError(f"{what}: {relative!r} is not a path inside {folder}/")
    return path


def write_inside(folder: Path, relative: str, data: bytes, what: str) -> Path:
    """Write ``data`` to ``folder / relative`` (its folders made), once ``inside`` has checked the path."""
    path = inside(folder, relative, what)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def refuse_irregular_in(folder: Path, shown: str) -> None:
    """Raise InvalidPackage naming every entry under ``folder`` that is not a regular file or a folder."""
    problems = walk(folder, shown)[1]
    if problems:
        raise InvalidPackage(problems)
