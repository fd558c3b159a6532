"""The build manifest published with the data: which tools built it, and the SHA-256 of every input and output."""

from __future__ import annotations

import platform
from importlib import metadata

from .sources import sha256

TOOLS = (
    "frictionless", "pandas", "jinja2", "mkdocs", "mkdocs-material", "mkdocs-literate-nav",
    "pagefind", "vl-convert-python", "openpyxl", "pyarrow", "pillow",
)  # fmt: skip


def tool_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for tool in TOOLS:
        try:
            versions[tool] = metadata.version(tool)
        except metadata.PackageNotFoundError:
            versions[tool] = "not installed"
    return versions


def build_manifest(version: str, tools: dict[str, str], inputs: dict[str, bytes], outputs: dict[str, bytes]) -> dict:
    """Paths in name order, so that the same build gives the same manifest."""
    return {
        "version": version,
        "tools": tools,
        "inputs": {path: {"bytes": len(data), "sha256": sha256(data)} for path, data in sorted(inputs.items())},
        "outputs": {path: {"bytes": len(data), "sha256": sha256(data)} for path, data in sorted(outputs.items())},
    }
