"""The Atom feed of releases (generator/pages/templates/feed.xml.j2): well-formed, with the elements RFC 4287 requires,
one entry per release with its row-level changes as the changelog computes them, dated by the data."""

from __future__ import annotations

import datetime
import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from generator import pipeline
from generator.base import i18n, urls
from generator.pages import catalogue, render
from generator.site.assemble import assemble

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def real_site(real_paths):
    inputs, validation = pipeline.check(real_paths)
    return assemble(inputs, validation.tables)


def feed_of(site, lang: str) -> str:
    page = next(p for p in catalogue.catalogue(site, (lang,)).pages if p.address == urls.FEED)
    env = render.environment(site.model, lang, site.settings)
    return render.render_page(env, site, page, {}, render.links())


def required(element, *names: str) -> dict[str, ElementTree.Element]:
    found = {name: element.find(ATOM + name) for name in names}
    missing = [name for name, child in found.items() if child is None or (name != "author" and not child.text)]
    assert not missing, missing
    return found


def timestamp(text: str) -> datetime.datetime:
    assert text.endswith("Z"), text
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_feed_has_one_entry_per_release_with_its_row_level_changes(real_site, lang):
    text = feed_of(real_site, lang)
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    feed = ElementTree.fromstring(text.encode("utf-8"))
    assert feed.tag == ATOM + "feed"
    head = required(feed, "id", "title", "updated", "author")
    assert head["author"].findtext(ATOM + "name")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "changelog.xml"
    releases = [e for e in real_site.changelog if e.released]  # newest first
    entries = feed.findall(ATOM + "entry")
    assert len(entries) == len(real_site.releases) == len(releases) > 0
    assert timestamp(head["updated"].text).date().isoformat() == releases[0].date
    ids = set()
    for element, release in zip(entries, releases, strict=True):
        fields = required(element, "id", "title", "updated", "content")
        assert release.version in fields["title"].text and fields["id"].text not in ids
        ids.add(fields["id"].text)
        assert timestamp(fields["updated"].text).date().isoformat() == release.date  # the release's created
        assert fields["content"].get("type") == "html"
        content = BeautifulSoup(f"<div>{fields['content'].text}</div>", "html.parser")
        tables = {item.code.get_text(): item for item in content.select("div > ul > li")}
        assert set(tables) == set(release.changes)
        for name, changes in release.changes.items():
            line = "".join(tables[name].find_all(string=True, recursive=False))  # the table's line, not its list
            counts = [int(n) for n in re.findall(r"\d+", line)]
            assert counts == [len(changes.added), len(changes.removed), len(changes.changed)], (name, line)
            listed = tables[name].select("li li")
            assert len(listed) == bool(release.previous and changes.added) + bool(
                release.previous and changes.removed
            ) + len(changes.by_field)
        zips = [link.get("href") for link in element.findall(f"{ATOM}link[@rel='enclosure']")]
        expected = urls.release_download(release.version, urls.package_file(real_site.descriptor["name"], "zip"))
        assert zips == [("../" if lang != i18n.DEFAULT else "") + expected]


def test_the_feed_text_is_escaped(real_site):
    # every text passes through |xml: a title with markup stays text
    from generator.pages import text

    assert text.xml_text('<a href="x">&\'') == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"


def test_each_edition_serves_its_feed_linked_from_the_changelog_and_the_home_page(fixture_built):
    site_dir = fixture_built.site_dir
    for root, lang in (("", "zh-CN"), ("en/", "en")):
        feed = ElementTree.parse(site_dir / root / "changelog.xml").getroot()
        assert feed.tag == ATOM + "feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        required(feed, "id", "title", "updated", "author")
        assert feed.findall(ATOM + "entry") == []  # the fixture project has no release
        for page in ("data/changelog/index.html", "index.html"):
            soup = BeautifulSoup((site_dir / root / page).read_text(encoding="utf-8"), "html.parser")
            link = soup.select_one("head link[rel=alternate][type='application/atom+xml']")
            assert link is not None, (root, page)
            assert (site_dir / root / page).parent.joinpath(link["href"]).resolve() == (
                site_dir / root / "changelog.xml"
            ).resolve()
        changelog = BeautifulSoup((site_dir / root / "data/changelog/index.html").read_text("utf-8"), "html.parser")
        assert changelog.select_one("article a[href$='changelog.xml']") is not None
    assert not (site_dir / "changelog.en.xml").exists()
