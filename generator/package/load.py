"""Load stage: every file a build needs, read from disk once, into one frozen ``Inputs``.

Nothing after this stage opens a project file: validation, assembly, downloads and
the release step take what they need from ``Inputs``.
"""

# PyYAML has no type hints of its own: where its stubs are not installed (the lint session), yaml.SafeLoader is Any,
# and _SettingsLoader must subclass it all the same.
# mypy: disallow-subclassing-any=False

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, cast

import yaml
from frictionless import FrictionlessException, Package

from generator.base.i18n import DEFAULT, LANGUAGES
from generator.base.paths import Paths
from generator.base.problems import InvalidPackage, Problem
from generator.base.source_text import Source
from generator.package import addresses, project_files, relations, releases


@dataclass(frozen=True)
class Inputs:
    """The project as found on disk, before validation."""

    descriptor: dict[str, Any]  # the data package's descriptor, as written in the repository
    descriptor_file: str  # as shown in problems, relative to the project root
    package: Package  # the descriptor as frictionless reads it, for validation
    package_files: tuple[str, ...]  # every file of the package (drafts/ aside), by path inside it, sorted
    data: dict[str, bytes]  # every file under data/, by path inside the package ("data/x.csv")
    text_rows: dict[str, list[dict[str, str]]]  # resource name -> its CSV's rows as text, header order kept
    source_files: dict[str, bytes]  # every file under sources/, by path inside the package ("sources/x.txt")
    source_texts: dict[str, Source]  # the same files decoded, each with its outline
    releases: tuple[releases.Release, ...]  # releases/<version>.zip, oldest first
    changelog_notes: str  # CHANGELOG.md ("" when there is none)
    citation: str  # CITATION.cff ("" when there is none)
    files: dict[str, bytes]  # every file the build manifest lists, by path from the project root
    settings: SiteSettings  # what the generator takes from mkdocs.yml
    configured_addresses: dict[str, list[tuple[str, str]]]  # each edition's configuration -> (setting, address)

    @property
    def data_files(self) -> dict[str, bytes]:
        """Each resource's CSV file as bytes, by resource name (once validation has found them all)."""
        return {resource["name"]: self.data[resource["path"]] for resource in self.descriptor["resources"]}

    @cached_property
    def relations(self) -> relations.Relations:
        """Which rows each plan owns and refers to, from the descriptor's foreign keys: derived once, for validation,
        the model, the downloads and the parts' digests alike."""
        return relations.derive(self.descriptor)


def load(paths: Paths) -> Inputs:
    """Read everything; raise InvalidPackage when the descriptor itself cannot be read. Drafts (drafts/) are no
    part of the package: a build neither reads nor lists them."""
    listed = project_files.listing(paths)
    package_files = _read(paths.package_dir, listed[paths.package_dir])
    descriptor_file = _shown(paths.descriptor_path, paths)
    descriptor = _descriptor(package_files.get(_inside(paths.descriptor_path, paths)), descriptor_file)
    try:
        package = Package(descriptor, basepath=str(paths.package_dir))
    except FrictionlessException as error:
        message = f"not a valid data package: {error.error.message}"
        raise InvalidPackage([Problem(descriptor_file, None, "", error.error.type, message)]) from None
    data = _folder(package_files, "data")
    sources = _folder(package_files, "sources")
    return Inputs(
        descriptor=descriptor,
        descriptor_file=descriptor_file,
        package=package,
        package_files=tuple(package_files),
        data=data,
        text_rows=_text_rows(descriptor, data),
        source_files=sources,
        source_texts={path: Source.decode(content) for path, content in sources.items()},
        releases=tuple(releases.load_releases(_releases(paths, listed[paths.releases_dir]))),
        changelog_notes=_text(paths.changelog_notes),
        citation=_text(paths.citation),
        files=_manifest_files(paths, package_files, listed),
        settings=site_settings(paths.mkdocs_config.read_bytes() if paths.mkdocs_config.exists() else b""),
        configured_addresses={
            _shown(config, paths): addresses.configured(_configuration(config.read_bytes()))
            for lang in LANGUAGES
            if (config := paths.edition_config(lang, DEFAULT)).exists()
        },
    )


def package_inputs(package_dir: Path, descriptor_file: str) -> Inputs:
    """A data package alone (no releases, changelog or site), as validation reads it: how a draft is checked."""
    files = _read(package_dir, project_files.regular_files(package_dir))
    descriptor = _descriptor(files.get("datapackage.json"), descriptor_file)
    data, sources = _folder(files, "data"), _folder(files, "sources")
    return Inputs(
        descriptor=descriptor,
        descriptor_file=descriptor_file,
        package=Package(descriptor, basepath=str(package_dir)),
        package_files=tuple(files),
        data=data,
        text_rows=_text_rows(descriptor, data),
        source_files=sources,
        source_texts={path: Source.decode(content) for path, content in sources.items()},
        releases=(),
        changelog_notes="",
        citation="",
        files={},
        settings=SiteSettings(),
        configured_addresses={},
    )


@dataclass(frozen=True)
class SiteSettings:
    """The settings of mkdocs.yml that the pages need when they are written (both editions: mkdocs.en.yml
    inherits them). Empty when unset."""

    site_url: str = ""  # the site's public address
    report_error_url: str = ""  # extra.report_error_url: where "report an error" leads, with {title} and {body}


class _SettingsLoader(yaml.SafeLoader):
    """YAML as MkDocs writes it: tags such as !!python/name (which only MkDocs resolves) read as nothing."""


_SettingsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_settings(config: bytes) -> SiteSettings:
    """site_url and extra.report_error_url of mkdocs.yml's text."""
    document = _configuration(config)
    extra = document.get("extra") or {}
    return SiteSettings(str(document.get("site_url") or ""), str(extra.get("report_error_url") or ""))


def _configuration(config: bytes) -> dict[str, Any]:
    """A MkDocs configuration's settings, as written (an inherited file's are not merged in)."""
    document = yaml.load(config.decode("utf-8"), Loader=_SettingsLoader) or {}
    return document if isinstance(document, dict) else {}


def _descriptor(content: bytes | None, descriptor_file: str) -> dict[str, Any]:
    if content is None:
        raise InvalidPackage([Problem(descriptor_file, None, "", "missing-file", "file not found")])
    try:
        descriptor = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise InvalidPackage([Problem(descriptor_file, line, "", "invalid-json", f"not valid JSON: {error}")]) from None
    if not isinstance(descriptor, dict):
        raise InvalidPackage(
            [Problem(descriptor_file, None, "", "package-error", "the descriptor must be a JSON object")]
        )
    return descriptor


def _read(folder: Path, names: list[str]) -> dict[str, bytes]:
    """The files ``names`` (paths inside ``folder``), read, by name in the order given."""
    return {name: (folder / name).read_bytes() for name in names}


def _releases(paths: Paths, names: list[str]) -> dict[str, bytes]:
    """Each release's ZIP by version (releases/<version>.zip)."""
    names = [name for name in names if re.fullmatch(r"[^/]+\.zip", name)]
    return {name.removesuffix(".zip"): (paths.releases_dir / name).read_bytes() for name in names}


def _folder(files: dict[str, bytes], folder: str) -> dict[str, bytes]:
    """The files directly in one folder of the package ("data/x.csv"), not in its subfolders."""
    return {path: content for path, content in files.items() if path.count("/") == 1 and path.startswith(f"{folder}/")}


def _text_rows(descriptor: dict[str, Any], data: dict[str, bytes]) -> dict[str, list[dict[str, str]]]:
    """Each resource's CSV parsed once, as text. A file missing, with a byte-order mark or not UTF-8 has no rows
    here: csvfiles reports it."""
    rows: dict[str, list[dict[str, str]]] = {}
    for resource in descriptor.get("resources", []):
        if not isinstance(resource, dict) or resource.get("path") not in data:
            continue
        content = data[resource["path"]]
        if content.startswith(codecs.BOM_UTF8):
            continue
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            continue
        # Every resource has a name, a string: frictionless refused the descriptor otherwise (Package, before this).
        rows[cast(str, resource.get("name"))] = _parse_csv(text)
    return rows


def _parse_csv(text: str) -> list[dict[str, str]]:
    """The rows after the header, each as {column: cell}. A blank line is an empty row, as frictionless counts
    it, so that the n-th row stands on line n + 1; cells beyond the header are left out."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    return [dict(zip(header, row, strict=False)) for row in reader]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _shown(path: Path, paths: Paths) -> str:
    return path.relative_to(paths.root).as_posix()


def _inside(path: Path, paths: Paths) -> str:
    return path.relative_to(paths.package_dir).as_posix()


def _manifest_files(paths: Paths, package_files: dict[str, bytes], listed: dict[Path, list[str]]) -> dict[str, bytes]:
    """Every file a build reads, by path from the project root: the package, the generator, the site's own files."""
    package = _shown(paths.package_dir, paths)
    files = {f"{package}/{path}": content for path, content in package_files.items()}
    others = [paths.code_dir / name for name in listed[paths.code_dir]]
    docs = (paths.docs_dir / name for name in listed[paths.docs_dir])
    others += [paths.mkdocs_config, *docs]
    files |= {_shown(p, paths): p.read_bytes() for p in others}
    return dict(sorted(files.items()))
