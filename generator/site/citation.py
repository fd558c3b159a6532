"""How to cite the data: the version to cite, its permanent address on the site, and the citation as BibTeX and RIS.

A version's address is its download folder (downloads/<version>/), which keeps that release's files byte for byte
for good (history.py); the site has no DOI. While the data are no release, the citation names the newest release
(what others can reproduce) and the page says the data differ from it; before any release, the working data at
downloads/latest/. The address is the full URL when mkdocs.yml's site_url is set, else the path from the site's root.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.base import urls
from generator.site import history

# BibTeX's special characters, each written so that it stands for itself.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


@dataclass(frozen=True)
class Cited:
    """What a citation names: the dataset's author and title, the version, its date and its address."""

    author: str
    title: str
    name: str  # the package's name, the start of the citation key
    version: str
    date: str  # YYYY-MM-DD
    folder: str  # the version's download folder under docs/ (downloads/0.5.0/)
    address: str  # the folder's full URL with site_url, else its path from the site's root
    licence: str
    released: bool  # the version is a release (its folder is permanent)

    @property
    def key(self) -> str:
        return re.sub(r"[^A-Za-z0-9.-]", "-", f"{self.name}-{self.version}")


def cited(descriptor: dict, version: history.DataVersion, changelog: tuple[history.Entry, ...], site_url: str) -> Cited:
    """The version to cite: the data's own when they are a release, else the newest release, else the working
    data (not released: downloads/latest/, dated by the descriptor's created)."""
    dates = {entry.version: entry.date for entry in changelog if entry.released}
    if version.released:
        number, date, folder = version.number, descriptor["created"][:10], urls.release_download(version.number)
    elif version.since:
        number, date, folder = version.since, dates.get(version.since, ""), urls.release_download(version.since)
    else:
        number, date, folder = version.published, descriptor["created"][:10], urls.DOWNLOADS + "/"
    address = (site_url.rstrip("/") + "/" + folder) if site_url else folder
    licence = "; ".join(lic.get("name", "") for lic in descriptor["licenses"] if lic.get("path"))
    author = descriptor["contributors"][0]["title"]
    released = version.released or bool(version.since)
    return Cited(author, descriptor["title"], descriptor["name"], number, date, folder, address, licence, released)


def bibtex(entry: Cited) -> str:
    """The citation as a BibTeX @misc entry (the type every style knows; biblatex reads ``version`` and ``date``
    too); the author is an organisation, braced so that no style splits it into first and last names."""
    fields = [
        ("author", "{" + _bibtex_text(entry.author) + "}"),
        ("title", _bibtex_text(entry.title)),
        ("year", entry.date[:4]),
        ("date", entry.date),
        ("version", _bibtex_text(entry.version)),
        ("howpublished", r"\url{" + _bibtex_url(entry.address) + "}"),
        ("url", _bibtex_url(entry.address)),
        ("note", _bibtex_text(f"Data package, version {entry.version}; licence {entry.licence}")),
    ]
    lines = [f"@misc{{{entry.key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields if value]
    return "\n".join(lines) + "\n}\n"


def ris(entry: Cited) -> str:
    """The citation as RIS: type DATA (a dataset), the version as ET (the field RIS readers such as Zotero read as
    a dataset's version), ending with ER; lines end CR LF, as the format asks."""
    fields = [
        ("TY", "DATA"),
        ("AU", entry.author),
        ("TI", entry.title),
        ("PY", entry.date[:4]),
        ("DA", entry.date.replace("-", "/")),
        ("ET", entry.version),
        ("UR", entry.address),
        ("N1", f"Data package, version {entry.version}; licence {entry.licence}"),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in fields if value or tag == "ER")


def _bibtex_text(text: str) -> str:
    return "".join(BIBTEX_ESCAPES.get(char, char) for char in " ".join(text.split()))


def _bibtex_url(address: str) -> str:
    """An address inside \\url{} or url = {}: only braces, backslashes and percent signs need escaping there."""
    return "".join("\\" + char if char in "{}%\\" else char for char in address)
