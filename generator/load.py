"""Load stage: read the descriptor, the source texts and the typed tables from disk."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from frictionless import Package

from .paths import Paths
from .problems import InvalidPackage, Problem


@dataclass(frozen=True)
class Loaded:
    """The data package as found on disk, before validation."""

    package: Package
    sources: dict[str, bytes]  # path inside the package ("sources/x.txt") -> bytes
    descriptor_file: str  # as shown in problems, relative to the project root
    descriptor: dict  # as written in the repository


def load(paths: Paths) -> Loaded:
    descriptor_file = _shown(paths.descriptor, paths)
    try:
        descriptor_bytes = paths.descriptor.read_bytes()
        descriptor = json.loads(descriptor_bytes.decode("utf-8"))
    except FileNotFoundError:
        raise InvalidPackage([Problem(descriptor_file, None, "", "file not found")]) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidPackage(
            [Problem(descriptor_file, getattr(error, "lineno", None), "", f"not valid JSON: {error}")]
        ) from None
    if not isinstance(descriptor, dict):
        raise InvalidPackage([Problem(descriptor_file, None, "", "the descriptor must be a JSON object")])
    package = Package(descriptor, basepath=str(paths.package_dir))
    sources = {
        f"sources/{path.name}": path.read_bytes() for path in sorted((paths.package_dir / "sources").glob("*.txt"))
    }
    return Loaded(package, sources, descriptor_file, descriptor)


def read_data_files(paths: Paths, package: Package) -> dict[str, bytes]:
    """Each resource's CSV file as bytes, by resource name."""
    return {resource.name: (paths.package_dir / resource.path).read_bytes() for resource in package.resources}


def read_tables(package: Package) -> dict[str, list[dict]]:
    """Every resource as a list of rows typed by its schema (call after validation)."""
    return {resource.name: [row.to_dict() for row in resource.read_rows()] for resource in package.resources}


def _shown(path: Path, paths: Paths) -> str:
    return path.relative_to(paths.root).as_posix()


def inputs(paths: Paths) -> dict[str, bytes]:
    """Every file a build reads, by path from the project root: the package, the generator, the site's own files."""
    folders = (paths.package_dir, paths.root / "generator")
    files = [p for folder in folders for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += [paths.mkdocs_config, *(p for p in paths.docs_dir.rglob("*") if p.is_file() and not _generated(paths, p))]
    return {p.relative_to(paths.root).as_posix(): p.read_bytes() for p in sorted(files)}


def _generated(paths: Paths, path: Path) -> bool:
    return any(path == g or g in path.parents for g in paths.generated_in_docs)
