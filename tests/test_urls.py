"""The site's addresses (generator/base/urls.py), and the rules that keep them in one place: no other module or
template writes a site path, the generator does without MkDocs, and templates only lay out what they are given."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from generator.base import urls
from generator.package import addresses

GENERATOR = Path(urls.__file__).parent.parent
TEMPLATES = sorted((GENERATOR / "pages" / "templates").glob("*.j2"))
assert TEMPLATES, "no template found: the tests below would check nothing"
PAGES = [
    "index.md",
    "SUMMARY.md",
    "plans/index.md",
    "plans/x.md",
    "sources/x.md",
    "compare/index.md",
    "compare/120000/index.md",
    "compare/120000/targets.md",
    "compare/120000/indicators/a.md",
    "compare/documents.md",
    "data/index.md",
    "data/changelog.md",
]
FILES = ["downloads/latest/x.zip", "downloads/latest/plans/x/targets.csv", "charts/120000/timeline.svg"]


@pytest.mark.parametrize("here", PAGES)
def test_links_for_html_lead_where_mkdocs_serves_each_file(here):
    """Tables are written as HTML, whose links MkDocs does not rewrite: they must point where the page is served,
    as MkDocs itself would compute it (use_directory_urls)."""

    def served(path: str) -> str:
        return File(path, "", "", use_directory_urls=True).url

    for target in PAGES + FILES:
        for anchor in ("", "#t1"):
            assert urls.site_url(here, target + anchor) == get_relative_url(served(target), served(here)) + anchor


def test_links_in_html_tables_are_final_urls():
    assert urls.site_url("plans/x.md", "sources/x.md#t1") == "../../sources/x/#t1"
    assert urls.site_url("compare/120000/targets.md", "compare/120000/indicators/a.md") == "../indicators/a/"
    assert urls.site_url("compare/index.md", "compare/120000/index.md") == "120000/"
    assert urls.site_url("index.md", "index.md") == "./"


def test_markdown_links_are_paths_between_files():
    """MkDocs rewrites (and checks) Markdown links written as paths from the page's file to the target's."""
    assert urls.relative("plans/x.md", urls.section("x", "三（一）2")) == "../sources/x.md#s3-1-2"
    assert urls.relative("data/index.md", urls.CHANGELOG) == "changelog.md"
    assert urls.relative("SUMMARY.md", urls.plan_page("x")) == "plans/x.md"
    assert urls.relative("compare/120000/indicators/a.md", urls.indicator_chart("120000", "a")) == (
        "../../../charts/120000/indicator-a.svg"
    )
    assert urls.relative("plans/x.md", urls.download(urls.plan_slice("x", "targets", "csv"))) == (
        "../downloads/latest/plans/x/targets.csv"
    )


def test_downloads_and_releases():
    assert urls.download(urls.data_file("targets", "json")) == "downloads/latest/data/targets.json"
    assert urls.release_download("0.2.0", urls.package_file("p", "zip")) == "downloads/0.2.0/p.zip"
    assert urls.release_download("0.2.0") == "downloads/0.2.0/"
    assert urls.release_folder("0.2.0") == "downloads/0.2.0"


def test_only_known_comparison_pages_have_an_address():
    assert urls.region_page("120000") == "compare/120000/index.md"
    with pytest.raises(ValueError):
        urls.region_page("120000", "nowhere")


def _strings(path: Path) -> list[str]:
    """The string literals of a module (f-strings' literal parts too), without its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


SITE_PATH = re.compile(rf"^(?:{'|'.join(urls.FOLDERS)})/|downloads/|\.\./|\.md$|\.md#|\.svg$")
# Files that are not addresses on the site: the project's own notes (the drafter's evaluation too), and the README
# inside the ZIP.
NOT_SITE_PATHS = {"CHANGELOG.md", "README.md", "DRAFT-EVAL.md"}


def test_no_module_but_urls_writes_a_site_path():
    found = [
        (path.name, string)
        for path in sorted(GENERATOR.rglob("*.py"))
        if path.name not in ("urls.py", "editions.py")  # the MkDocs hook mirrors a few (test_editions)
        and "draft" not in path.relative_to(GENERATOR).parts  # the drafter writes the package, not the site
        for string in _strings(path)
        if SITE_PATH.search(string) and string not in NOT_SITE_PATHS
    ]
    assert found == []


TEMPLATE_PATHS = [
    r'"(?:plans|sources|compare|charts|data)/',
    r"downloads/",
    r'\.md["#)]',
    r"\.\./",
    r'~ "/',
    # A Markdown link leads through url(), to a %(placeholder)s filled by url(), or out of the site.
    r'\]\((?!\{\{ url\(|%\(|https?://|" ~ url\()',
]


def _template(path: Path) -> str:
    """A template without its {# comments #}."""
    return re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_no_template_writes_a_site_path(template):
    source = _template(template)
    assert [pattern for pattern in TEMPLATE_PATHS if re.search(pattern, source)] == []


FORBIDDEN = [
    r"\.append\(",
    r"\.update\(",
    r"selectattr",
    r"rejectattr",
    r"groupby",
    r"\|\s*sum\b",
    r"\|\s*sort\b",
    r"\bselect\(",
    r"\|\s*unique\b",
    r'map\("length"\)',
    r"\|\s*max\b",
    r"\|\s*min\b",
]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_templates_only_lay_out_what_they_are_given(template):
    """Grouping, counting, filtering and sorting happen in views.py and the model, where tests see them."""
    source = _template(template)
    assert [pattern for pattern in FORBIDDEN if re.search(pattern, source)] == []


def _imports(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


def test_a_cited_document_is_an_entry_of_the_national_index_and_of_each_citing_regions_page():
    assert urls.cited_document("tianjin-carbon-peaking-plan") == "compare/documents.md#tianjin-carbon-peaking-plan"
    assert urls.site_url("plans/x.md", urls.cited_document("d")) == "../../compare/documents/#d"
    assert urls.site_url(urls.DOCUMENTS, urls.cited_document("d")) == "./#d"
    assert urls.region_document("120000", "d") == "compare/120000/documents.md#d"
    assert urls.site_url("plans/x.md", urls.region_document("120000", "d")) == "../../compare/120000/documents/#d"
    assert urls.site_url(urls.DOCUMENTS, urls.region_document("120000", "d")) == "../120000/documents/#d"


def test_a_plans_targets_due_in_a_year_are_its_page_with_the_year_chosen_in_the_address():
    assert urls.targets_due("x", 2025) == "plans/x.md?year=2025"
    assert urls.site_url("compare/120000/timeline.md", urls.targets_due("x", 2025)) == "../../../plans/x/?year=2025"
    assert urls.relative("compare/120000/timeline.md", urls.targets_due("x", 2025)) == "../../plans/x.md?year=2025"
    assert urls.site_url("plans/y.md", "plans/x.md?year=2025#t1") == "../x/?year=2025#t1"
    assert urls.link_path("plans/x.md?year=2025#t1") == "plans/x.md"


def test_a_rows_address_is_its_full_url_once_the_site_has_one():
    assert urls.page_address("", "zh", "plans/jia-2023.md", "jia-2023-t001") == "plans/jia-2023/#jia-2023-t001"
    assert urls.page_address("", "en", "plans/jia-2023.md") == "en/plans/jia-2023/"
    full = urls.page_address("https://example.org/site/", "en", "plans/jia-2023.md", "jia-2023-t001")
    assert full == "https://example.org/site/en/plans/jia-2023/#jia-2023-t001"


def test_a_report_is_prefilled_url_encoded_and_absent_without_a_tracker():
    tracker = "https://tracker.example/new?title={title}&body={body}"
    assert urls.report_error(tracker, "a-t001", "达到 5%&x=1") == (
        "https://tracker.example/new?title=a-t001&body=%E8%BE%BE%E5%88%B0%205%25%26x%3D1"
    )
    assert urls.report_error("", "a-t001", "quote") == ""


@pytest.mark.parametrize(
    ("remote", "form"),
    [
        ("https://github.com/owner/repo.git", "https://github.com/owner/repo/issues/new?title={title}&body={body}"),
        ("git@github.com:owner/repo.git", "https://github.com/owner/repo/issues/new?title={title}&body={body}"),
        ("ssh://git@github.com/owner/repo", "https://github.com/owner/repo/issues/new?title={title}&body={body}"),
        ("https://codeberg.org/owner/repo", "https://codeberg.org/owner/repo/issues/new?title={title}&body={body}"),
        (
            "git@gitlab.com:group/sub/repo.git",
            "https://gitlab.com/group/sub/repo/-/issues/new?issue[title]={title}&issue[description]={body}",
        ),
        ("https://example.org/owner/repo.git", ""),  # a host whose issue form is not known
        ("https://github.com/owner", ""),  # no repository
        ("https://github.com/owner/repo/extra", ""),
        ("git@github.com:owner/../repo.git", ""),
        ("/srv/git/site.git", ""),  # a local repository
        ("origin", ""),
    ],
)
def test_a_git_remote_on_a_known_host_gives_its_issue_form(remote, form):
    assert urls.issue_form(remote) == form
    if form:  # a configured address as the build checks it
        assert form.startswith("https://")
        assert addresses.is_web_address(urls.report_error(form, "x-t001", "quote"))
