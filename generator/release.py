"""Release a version of the data: check it was raised and written up, keep its ZIP in releases/, build, publish.

What it checks comes from the loaded inputs (descriptor, releases, CHANGELOG.md, CITATION.cff); it writes only
releases/<version>.zip, from the ZIP the build made.
"""

from __future__ import annotations

from . import build, history, publish, urls
from .paths import Paths
from .problems import GeneratorError


def release(paths: Paths, remote: str | None, branch: str) -> str:
    """Check the version was raised and its changes written, keep its ZIP in releases/, build, and publish."""
    inputs, _ = build.check(paths)
    version = inputs.descriptor["version"]
    latest = inputs.releases[-1].version if inputs.releases else None
    if latest and history.version_key(latest) >= history.version_key(version):
        raise GeneratorError(f"raise the version in datapackage/datapackage.json: {latest} is released")
    if not history.parse_notes(inputs.changelog_notes).get(version):
        raise GeneratorError(f"write what changed in {version} in CHANGELOG.md, under a heading '## {version}'")
    if f'version: "{version}"' not in inputs.citation:
        raise GeneratorError(f'set version: "{version}" in CITATION.cff')
    build.build(paths, run_mkdocs=False)
    archive = paths.docs_dir / urls.download(urls.package_file(inputs.descriptor["name"], "zip"))
    paths.releases_dir.mkdir(exist_ok=True)
    (paths.releases_dir / f"{version}.zip").write_bytes(archive.read_bytes())
    build.build(paths)
    if remote:
        publish.push_site(paths, remote, branch, f"Release {version}")
    return version
