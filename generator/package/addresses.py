"""Addresses that become links: each configured one (mkdocs.yml) and each the descriptor gives must be a web
address, ``https://`` or ``http://`` with a host.

A ``javascript:`` or ``data:`` address in a setting would become hundreds of ``<a href>`` on the site, with only
the Content Security Policy between them and the reader; it stops the build instead, naming the setting. The
data's own addresses (plans.official_url) have the descriptor's pattern, which frictionless checks.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from generator.base.problems import Problem

HINT = "write an https:// (or http://) address, or leave the setting empty"
# Settings of a MkDocs configuration whose value becomes a link: the site's address, the code repository's (the
# theme links it), the theme's home link, and where "report an error" leads.
CONFIGURED = (("site_url",), ("repo_url",), ("extra", "homepage"), ("extra", "report_error_url"))


def is_web_address(address: str) -> bool:
    """An absolute http(s) address with a host, and no space or control character anywhere in it."""
    if any(char.isspace() or ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 for char in address):
        return False
    parts = urlsplit(address)
    return parts.scheme in ("https", "http") and bool(parts.netloc)


def configured(document: dict[str, Any]) -> list[tuple[str, str]]:
    """(setting, address) for every address a MkDocs configuration sets that becomes a link, social links too."""
    found = []
    for keys in CONFIGURED:
        value: object = document
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if value:
            found.append((".".join(keys), str(value)))
    social = (document.get("extra") or {}).get("social") or []
    found += [(f"extra.social[{i}].link", str(s.get("link"))) for i, s in enumerate(social) if isinstance(s, dict)]
    return found


def described(descriptor: dict[str, Any]) -> list[tuple[str, str]]:
    """(property, address) for every web address the descriptor gives that pages or metadata link: its homepage,
    licences', contributors' and non-package sources' paths (a source inside the package is a path, not an
    address)."""
    found = [("homepage", descriptor["homepage"])] if descriptor.get("homepage") else []
    for key in ("licenses", "contributors", "sources"):
        for i, item in enumerate(descriptor.get(key) or []):
            path = item.get("path", "") if isinstance(item, dict) else ""
            if path and (key != "sources" or ":" in path or path.startswith("//")):
                found.append((f"{key}[{i}].path", str(path)))
    return found


def problems(file: str, addresses: list[tuple[str, str]]) -> list[Problem]:
    """A problem for each address that is not a web address, named by its file and setting."""
    return [
        Problem(file, None, setting, "not-a-web-address", f"“{_shown(address)}” is not a web address", HINT)
        for setting, address in addresses
        if not is_web_address(address)
    ]


def _shown(address: str, limit: int = 60) -> str:
    text = address.encode("unicode_escape").decode("ascii") if not address.isprintable() else address
    return text if len(text) <= limit else text[: limit - 1] + "…"
