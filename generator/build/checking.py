"""Validating a package of several regions on all cores, each task's verdict kept between builds.

The tasks are each region's portion, the remainder's and the key columns' (package/validate.py, regional.py). A
verdict is kept under Paths.validation_cache by the digest of what it is made from (verdict_digests.py) with the
generator's code and the tools' versions. A rebuild after one changed row does again only the task of that row's
portion, and of the key columns when it changed one; the others' verdicts are read back. Verdicts of tasks the
package no longer has are deleted after each validation, so the folder holds one package's verdicts.

The one place that starts worker processes for validation.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from generator.base.paths import Paths
from generator.build import digests, forking
from generator.downloads import manifest
from generator.package.validate import Run, Task, Verdict

SUFFIX = ".pickle"

# The tasks a forked worker does (_do).
_work: list[Task] | None = None


def kept(paths: Paths, jobs: int) -> Run:
    """A way of doing validation's tasks (validate.Run) that reads back each kept verdict whose digest is unchanged
    and does the others in ``jobs`` forked processes, keeping their verdicts."""

    def run(tasks: list[Task]) -> list[Verdict]:
        folder = paths.validation_cache
        code = _code_digest()
        names = [hashlib.sha256(f"{code}\0{task.digest()}".encode()).hexdigest() + SUFFIX for task in tasks]
        found = [_read(folder / name) for name in names]
        missing = [i for i, verdict in enumerate(found) if verdict is None]
        made = _do([tasks[i] for i in missing], jobs)
        folder.mkdir(parents=True, exist_ok=True)
        for i, verdict in zip(missing, made, strict=True):
            _write(folder / names[i], verdict)
            found[i] = verdict
        for old in folder.glob(f"*{SUFFIX}"):
            if old.name not in names:
                old.unlink()
        return [verdict for verdict in found if verdict is not None]

    return run


def _do(tasks: list[Task], jobs: int) -> list[Verdict]:
    """The tasks' verdicts in order: in this process when one process would do, else in ``jobs`` forked ones, which
    share this one's memory of the package instead of receiving a copy; the largest tasks start first."""
    global _work
    if jobs == 1 or len(tasks) < 2:
        return [task.verdict() for task in tasks]
    order = sorted(range(len(tasks)), key=lambda i: -tasks[i].size)
    _work = tasks
    try:
        with forking.pool(min(jobs, len(tasks))) as pool:
            made = dict(zip(order, pool.map(_verdict_in_worker, order), strict=True))
    finally:
        _work = None
    return [made[i] for i in range(len(tasks))]


def _verdict_in_worker(index: int) -> Verdict:
    assert _work is not None  # set by _do before the workers start
    return _work[index].verdict()


def _code_digest() -> str:
    """The digest of what validates: the generator's files and the tools' versions (frictionless's above all)."""
    code = digests.running_code()
    return digests.common_digest(code, manifest.tool_versions())


def _read(path: Path) -> Verdict | None:
    """A kept verdict, or None when there is none (or it cannot be read back: it is made again)."""
    try:
        with path.open("rb") as file:
            found = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return found if isinstance(found, Verdict) else None


def _write(path: Path, verdict: Verdict) -> None:
    """Whole or not at all: a build stopped while writing leaves no half verdict."""
    staged = path.with_suffix(f".{os.getpid()}.tmp")
    staged.write_bytes(pickle.dumps(verdict, protocol=pickle.HIGHEST_PROTOCOL))
    staged.replace(path)
