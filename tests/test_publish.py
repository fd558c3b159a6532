"""The writer: generated files land under docs/, the previous build's are cleared, no path is written twice; the
parts' sitemaps merge into one."""

import re

import pytest

from generator import publish
from generator.paths import Paths
from generator.problems import GeneratorError
from generator.publish import Writer


def test_the_writer_writes_text_and_bytes_under_docs_and_clears_the_previous_build(tmp_path):
    paths = Paths(tmp_path)
    stale = paths.docs_dir / "plans" / "gone.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("from the previous build", encoding="utf-8")
    hand_written = paths.docs_dir / "about.md"
    hand_written.write_text("written by a person", encoding="utf-8")

    writer = Writer(paths)
    writer.write_all([("plans/x.md", "# 甲区"), ("downloads/latest/x.zip", b"PK\x03\x04")])

    assert (paths.docs_dir / "plans" / "x.md").read_bytes() == "# 甲区".encode()
    assert (paths.docs_dir / "downloads" / "latest" / "x.zip").read_bytes() == b"PK\x03\x04"
    assert not stale.exists()
    assert hand_written.read_text(encoding="utf-8") == "written by a person"


def test_the_writer_refuses_to_write_one_path_twice(tmp_path):
    writer = Writer(Paths(tmp_path))
    writer.write("plans/x.md", "first")
    with pytest.raises(GeneratorError, match="docs/plans/x.md"):
        writer.write("plans/x.md", "second")
    assert (tmp_path / "docs" / "plans" / "x.md").read_text(encoding="utf-8") == "first"


def test_the_parts_sitemaps_merge_into_one_with_each_page_once():
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    hub = head + "    <url>\n         <loc>https://example.org/</loc>\n    </url>\n</urlset>"
    region = head + (
        "    <url>\n         <loc>https://example.org/plans/a/</loc>\n    </url>\n"
        "    <url>\n         <loc>https://example.org/</loc>\n    </url>\n</urlset>"
    )
    merged = publish.merge_sitemaps([hub, region])
    assert merged.startswith(head)
    assert re.findall(r"<loc>(.*?)</loc>", merged) == ["https://example.org/", "https://example.org/plans/a/"]
    assert merged.endswith("</urlset>\n")
    # No page at all (no site_url): an empty sitemap, as MkDocs writes one.
    assert re.findall(r"<url>", publish.merge_sitemaps([head + "</urlset>", head + "</urlset>"])) == []


@pytest.mark.parametrize("relative", ["../outside.md", "plans/../../outside.md", "/tmp/outside.md"])
def test_the_writer_refuses_a_path_outside_docs(tmp_path, relative):
    (tmp_path / "docs").mkdir()
    with pytest.raises(GeneratorError, match="not a path inside docs/"):
        Writer(Paths(tmp_path)).write(relative, "x")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["docs"]
