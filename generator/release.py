"""Release a version of the data: check it was raised and written up, keep its ZIP in releases/, build, publish.

Published to a repository on a git host (urls.ISSUE_FORMS), the site's "report an error" links and the methodology
lead to that repository's issue form, unless mkdocs.yml names a tracker of its own (extra.report_error_url).

What it checks comes from the loaded inputs (descriptor, releases, CHANGELOG.md, CITATION.cff); it writes only
releases/<version>.zip, from the ZIP the build made. A version names one set of bytes: a released number is never
released again, and the release's date (the descriptor's ``created``) stands in CHANGELOG.md and CITATION.cff.
"""

from __future__ import annotations

import subprocess

from generator import pipeline, publish
from generator.base import urls
from generator.base.paths import Paths
from generator.base.problems import GeneratorError
from generator.package import releases
from generator.site import history


def release(paths: Paths, remote: str | None, branch: str) -> str:
    """Check the version was raised and its changes written, keep its ZIP in releases/, build, and publish."""
    inputs, _ = pipeline.check(paths)
    version, date = inputs.descriptor["version"], inputs.descriptor["created"][:10]
    latest = inputs.releases[-1].version if inputs.releases else None
    if version in {r.version for r in inputs.releases}:
        raise GeneratorError(f"raise the version in datapackage/datapackage.json: {version} is released already")
    if latest and releases.version_key(latest) >= releases.version_key(version):
        raise GeneratorError(f"raise the version in datapackage/datapackage.json: {latest} is released")
    heading = f"'## {version} - {date}'"
    if not history.parse_notes(inputs.changelog_notes).get(version):
        raise GeneratorError(
            f"write what changed in {version} in CHANGELOG.md, under a heading {heading} (rename '## Unreleased')"
        )
    if history.release_dates(inputs.changelog_notes).get(version) != date:
        raise GeneratorError(f"give CHANGELOG.md's heading of {version} its date, the descriptor's created: {heading}")
    if f'version: "{version}"' not in inputs.citation:
        raise GeneratorError(f'set version: "{version}" in CITATION.cff')
    if f'date-released: "{date}"' not in inputs.citation:
        raise GeneratorError(f'set date-released: "{date}" in CITATION.cff (the descriptor\'s created)')
    tracker = urls.issue_form(remote_url(paths, remote)) if remote else ""
    pipeline.build(paths, run_mkdocs=False, releasing=True, report_error_url=tracker)
    hub = pipeline.part_names(paths)[0]  # the part that holds the downloads
    archive = paths.part_docs(hub) / urls.download(urls.package_file(inputs.descriptor["name"], "zip"))
    paths.releases_dir.mkdir(exist_ok=True)
    (paths.releases_dir / f"{version}.zip").write_bytes(archive.read_bytes())
    pipeline.build(paths, report_error_url=tracker)
    if remote:
        publish.push_site(paths, remote, branch, f"Release {version}")
    return version


def remote_url(paths: Paths, remote: str) -> str:
    """The URL of a git remote given by name (origin) or by URL; "" for a name the checkout does not know."""
    if "/" in remote or ":" in remote:
        return remote
    found = subprocess.run(
        ["git", "remote", "get-url", remote], cwd=paths.root, capture_output=True, text=True, check=False
    )
    return found.stdout.strip() if found.returncode == 0 else ""
