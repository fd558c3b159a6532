"""Link integrity: every internal link, anchor, image, stylesheet, script and download in the built site resolves,
the links of the schema.org descriptions (JSON-LD) included."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow
ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src"}


@cache
def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def target_file(page: Path, url: str, site: Path) -> Path:
    """The file a URL on ``page`` leads to (a folder URL means its index.html; "/" is the site's root,
    which only the 404 page uses, as it is served at any address)."""
    path = unquote(urlsplit(url).path)
    if path.startswith("/"):
        path = (site / path.lstrip("/")).resolve()
    else:
        path = (page.parent / path).resolve() if path else page
    if path.is_dir():
        path = path / "index.html"
    assert site.resolve() in path.parents or path == site.resolve(), f"{url} leaves the site"
    return path


def links(site: Path):
    for page in sorted(site.rglob("*.html")):
        urls = [
            element.get(attribute) for tag, attribute in ATTRIBUTES.items() for element in parse(page).find_all(tag)
        ]
        for script in parse(page).find_all("script", type="application/ld+json"):
            urls += json_ld_urls(json.loads(script.string))
        for url in urls:
            if url and not urlsplit(url).scheme and not url.startswith("//"):
                yield page, url


def json_ld_urls(data) -> list[str]:
    """Every ``url`` and ``contentUrl`` in a JSON-LD description, at any depth."""
    if isinstance(data, list):
        return [url for item in data for url in json_ld_urls(item)]
    if isinstance(data, dict):
        own = [data[key] for key in ("url", "contentUrl") if isinstance(data.get(key), str)]
        return own + [url for value in data.values() for url in json_ld_urls(value)]
    return []


def broken_links(site: Path) -> tuple[int, list[tuple[str, str]]]:
    """How many internal links a built site has, and those that lead nowhere (file or anchor missing)."""
    checked, broken = 0, []
    for page, url in links(site):
        checked += 1
        target = target_file(page, url, site)
        if not target.is_file():
            broken.append((page.relative_to(site).as_posix(), url))
            continue
        fragment = urlsplit(url).fragment
        if fragment and target.suffix == ".html":
            soup = parse(target)
            if not (soup.find(id=unquote(fragment)) or soup.find(attrs={"name": unquote(fragment)})):
                broken.append((page.relative_to(site).as_posix(), url))
    return checked, broken


def test_every_internal_link_resolves(fixture_built):
    checked, broken = broken_links(fixture_built.site_dir)
    assert checked > 1000
    assert broken == []


def test_the_link_check_finds_a_broken_link(tmp_path):
    page = tmp_path / "page.html"
    json_ld = '{"distribution": [{"contentUrl": "downloads/x.zip"}], "isBasedOn": [{"url": "y.txt"}]}'
    page.write_text(
        f'<a href="missing/">x</a><a href="#nowhere">y</a><script type="application/ld+json">{json_ld}</script>',
        encoding="utf-8",
    )
    found = list(links(tmp_path))
    assert [url for _, url in found] == ["missing/", "#nowhere", "downloads/x.zip", "y.txt"]
    assert len(broken_links(tmp_path)[1]) == 4
    assert not target_file(page, "missing/", tmp_path).is_file()
    assert parse(page).find(id="nowhere") is None
