"""The build manifest published with the data: which tools built it, and the SHA-256 of every input and output."""

from __future__ import annotations

import platform
from importlib import metadata

from generator.base.sources import sha256

TOOLS = (
    "frictionless", "pandas", "jinja2", "mkdocs", "mkdocs-material", "mkdocs-literate-nav",
    "pagefind", "vl-convert-python", "xlsxwriter", "pyarrow", "pillow",
)  # fmt: skip


def tool_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for tool in TOOLS:
        try:
            versions[tool] = metadata.version(tool)
        except metadata.PackageNotFoundError:
            versions[tool] = "not installed"
    return versions


def build_manifest(version: str, tools: dict[str, str], inputs: dict[str, bytes], outputs: dict[str, dict]) -> dict:
    """Paths in name order, so that the same build gives the same manifest. ``outputs`` are already described
    (``describe``): the files are written as they are made, and only their sizes and hashes are kept."""
    return {
        "version": version,
        "tools": tools,
        "inputs": {path: describe(data) for path, data in sorted(inputs.items())},
        "outputs": dict(sorted(outputs.items())),
    }


def describe(data: bytes) -> dict:
    return {"bytes": len(data), "sha256": sha256(data)}
