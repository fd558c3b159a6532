"""Which addresses may become links: web addresses only (generator/package/addresses.py)."""

from __future__ import annotations

import pytest

from generator.package import addresses


@pytest.mark.parametrize(
    "address",
    [
        "https://example.org/",
        "http://example.org/issues/new?title={title}&body={body}",
        "https://www.mca.gov.cn/",
        "https://例子.中国/路径",
    ],
)
def test_a_web_address_may_become_a_link(address):
    assert addresses.is_web_address(address)


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "//example.org/",
        "https:/example.org",
        "https://",
        "example.org",
        "ftp://example.org/",
        "https://example.org/\u0000",
        "https://exa mple.org/",
        "https://example.org/\n",
    ],
)
def test_anything_else_may_not(address):
    assert not addresses.is_web_address(address)


def test_every_configured_address_is_found_with_its_setting():
    document = {
        "site_url": "https://example.org/",
        "repo_url": "javascript:x",
        "extra": {"report_error_url": "", "homepage": "data:x", "social": [{"icon": "x", "link": "https://a.b/"}]},
    }
    assert addresses.configured(document) == [
        ("site_url", "https://example.org/"),
        ("repo_url", "javascript:x"),
        ("extra.homepage", "data:x"),
        ("extra.social[0].link", "https://a.b/"),
    ]
    assert [p.field for p in addresses.problems("mkdocs.yml", addresses.configured(document))] == [
        "repo_url",
        "extra.homepage",
    ]


def test_a_source_inside_the_package_is_a_path_not_an_address():
    descriptor = {
        "sources": [{"path": "sources/a.txt"}, {"path": "https://x.org/"}, {"path": "javascript:y"}],
        "licenses": [{"path": "https://creativecommons.org/licenses/by/4.0/"}, {"name": "other-pd"}],
    }
    assert addresses.described(descriptor) == [
        ("licenses[0].path", "https://creativecommons.org/licenses/by/4.0/"),
        ("sources[1].path", "https://x.org/"),
        ("sources[2].path", "javascript:y"),
    ]
