"""Running the engine's commands (MkDocs, Pagefind) as processes: side by side, logged, dated by the data.

A failed command removes the folders it was building into and says which command failed and what it printed.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.base.problems import GeneratorError


def environment(when: datetime.datetime) -> dict[str, str]:
    """The commands' environment: dated by the build's time (SOURCE_DATE_EPOCH), not the clock."""
    # Silence the banners that MkDocs plugins print about MkDocs' future; they hide real warnings.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env["SOURCE_DATE_EPOCH"] = str(int(when.replace(tzinfo=datetime.UTC).timestamp()))
    return env


def run(commands: dict[str, list[str]], cwd: Path, env: dict[str, str], folders: Iterable[Path], jobs: int = 2) -> None:
    """Run the commands, ``jobs`` at a time; if any fails, remove the staging ``folders`` and say which and why."""

    def one(step: str) -> tuple[str, int, str]:
        # Output to a file, not a pipe: a full pipe would stop a build while nobody reads it.
        with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
            code = subprocess.run(commands[step], cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env).returncode
            log.seek(0)
            return step, code, log.read()

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(one, commands))
    messages = [f"{step} failed; site/ is unchanged.\n{log}" for step, code, log in results if code != 0]
    if messages:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        raise GeneratorError("\n".join(messages))
