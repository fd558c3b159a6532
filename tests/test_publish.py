"""Publishing: the parts' sitemaps merge into one."""

import re

from generator import publish


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
