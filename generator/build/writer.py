"""Writes the generator's files under a part's folder of pages as they are made, and refuses to write one path
twice: two pages or downloads at one address would silently replace each other; here that is an error.

Each file goes to disk as soon as it is handed over, so no stage holds the whole site in memory.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from generator.base.problems import GeneratorError
from generator.package import project_files


class Writer:
    """Writes under ``docs_dir`` (a part's folder of pages), which it empties first: every file in it is made anew."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = docs_dir
        self.written: set[str] = set()
        shutil.rmtree(docs_dir, ignore_errors=True)

    def write(self, relative: str, content: str | bytes) -> None:
        """Write one file, ``relative`` to the folder of pages (plans/x.md); text is written as UTF-8."""
        if relative in self.written:
            raise GeneratorError(f"two generated files have the same path {relative}")
        self.written.add(relative)
        path = self.docs_dir / project_files.relative_path(relative, self.docs_dir.name, "generated file")
        write_file(path, content.encode("utf-8") if isinstance(content, str) else content)

    def write_all(self, files: Iterable[tuple[str, str | bytes]]) -> None:
        for relative, content in files:
            self.write(relative, content)


def write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
