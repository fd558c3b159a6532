"""Load stage: read the descriptor, the source texts and the typed tables from disk."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from frictionless import FrictionlessException, Package

from .paths import Paths
from .problems import InvalidPackage, Problem


@dataclass(frozen=True)
class Loaded:
    """The data package as found on disk, before validation."""

    package: Package
    sources: dict[str, bytes]  # path inside the package ("sources/x.txt") -> bytes
    data: dict[str, bytes]  # every file under data/, by path inside the package ("data/x.csv")
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
    try:
        package = Package(descriptor, basepath=str(paths.package_dir))
    except FrictionlessException as error:
        problem = Problem(descriptor_file, None, "", f"not a valid data package: {error.error.message}")
        raise InvalidPackage([problem]) from None
    data = _files(paths.package_dir, "data")
    return Loaded(package, _files(paths.package_dir, "sources"), data, descriptor_file, descriptor)


def _files(package_dir: Path, folder: str) -> dict[str, bytes]:
    """Every file in a folder of the package, by its path inside the package ("data/x.csv")."""
    return {f"{folder}/{p.name}": p.read_bytes() for p in sorted((package_dir / folder).glob("*")) if p.is_file()}


def read_data_files(loaded: Loaded) -> dict[str, bytes]:
    """Each resource's CSV file as bytes, by resource name."""
    return {resource.name: loaded.data[resource.path] for resource in loaded.package.resources}


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
