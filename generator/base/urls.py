"""Every address on the site, in one place: where each page, chart and download is written under docs/,
and how a page links to another.

Addresses are paths under docs/ as the generator writes them (``plans/x.md``); downloads are paths inside
a download folder (``data/targets.csv``) placed by ``download`` or ``release_download``. A link is written
from the page being rendered: ``relative`` for a Markdown link, which MkDocs rewrites to the served URL,
and ``site_url`` for raw HTML and JSON, which MkDocs leaves as written. The site is served with
directory URLs: ``plans/x.md`` at ``plans/x/``, ``plans/index.md`` at ``plans/``.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from urllib.parse import quote

from generator.base import i18n, outline

# The generator's own top-level folders under docs/; everything else there is written by people.
PLANS, SOURCES, COMPARE, CHARTS, DATA, DOWNLOADS_ROOT = "plans", "sources", "compare", "charts", "data", "downloads"
DISTRICTS = "districts"
FOLDERS = (PLANS, SOURCES, COMPARE, CHARTS, DATA, DOWNLOADS_ROOT, DISTRICTS)
HOME = "index.md"
NAVIGATION = "SUMMARY.md"  # read by the literate-nav plugin
INDEX = "index.md"  # a folder's own page, served at the folder's URL

PLANS_INDEX = f"{PLANS}/{INDEX}"
COMPARE_INDEX = f"{COMPARE}/{INDEX}"
DATA_INDEX = f"{DATA}/{INDEX}"
DICTIONARY = f"{DATA}/dictionary.md"
CHANGELOG = f"{DATA}/changelog.md"
# The documents the plans cite, from the national to the district level: each once, with how many plans cite it and
# where; each region's page of documents (region_page(code, "documents")) holds its plans' citations with their quotes.
DOCUMENTS = f"{COMPARE}/documents.md"
# Written by people (docs/*.md), linked from the generated pages.
SEARCH, METHODOLOGY, ABOUT = "search.md", "methodology.md", "about.md"
# The methodology's section on reporting an error or sending a plan (its heading's id, in both editions).
REPORTING = f"{METHODOLOGY}#report"

# The newest build's downloads under latest/, each release's under its version (downloads/0.2.0/).
DOWNLOADS = f"{DOWNLOADS_ROOT}/latest"
# A region's comparison pages, compare/<code>/<name>.md; its indicators' pages are under indicators/.
REGION_PAGES = ("index", "targets", "own-or-city", "timeline", "coverage", "agencies", "pilot", "documents")


# The Atom feed of the releases and their row-level changes, one per edition, at the edition's root (changelog.xml,
# en/changelog.xml): beside the edition's sitemap.xml, which the theme fetches from the folder of any
# <link rel="alternate"> in a page's head.
FEED = "changelog.xml"

# The search's synonyms (synonyms.py) as JSON, beside the search page's script that reads it (docs/assets/search.js).
SEARCH_SYNONYMS = "assets/search-synonyms.json"


# Each table is offered in these formats (the CSV as the package holds it; JSON and Parquet built from it).
TABLE_FORMATS = ("csv", "json", "parquet")
MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "sqlite": "application/vnd.sqlite3",
    "zip": "application/zip",
    "bib": "application/x-bibtex",
    "ris": "application/x-research-info-systems",
}


def edition_root(lang: str) -> str:
    """Where an edition is served: the Chinese at the site's root, the English under en/."""
    return "" if lang == i18n.DEFAULT else f"{lang}/"


# Pages


def plan_page(plan_id: str) -> str:
    return f"{PLANS}/{plan_id}.md"


def district_page(code: str) -> str:
    """A district's page: its plans in the package, or that none is collected yet and how to send one."""
    return f"{DISTRICTS}/{code}.md"


def source_page(plan_id: str) -> str:
    """The plan's source text, each quote and section anchored (passages.py, outline.anchor)."""
    return f"{SOURCES}/{plan_id}.md"


def target_row(plan_id: str, target_id: str) -> str:
    """A target's row on its plan's page (its permalink): the row's id is the target's."""
    return f"{plan_page(plan_id)}#{target_id}"


def targets_due(plan_id: str, year: int) -> str:
    """A plan's page showing its targets due in ``year`` alone: its table's year menu (views.TARGET_FILTERS) chosen
    by the address, as docs/assets/share.js reads it; without JavaScript, the page with every target."""
    return f"{plan_page(plan_id)}?year={year}"


def passage(plan_id: str, target_id: str) -> str:
    """A target's quote in the source text."""
    return f"{source_page(plan_id)}#{target_id}"


def section(plan_id: str, ref: str) -> str:
    """A section of the source text by the plan's own numbering (三（一）2)."""
    return f"{source_page(plan_id)}#{outline.anchor(ref)}"


def cited_document(document_id: str) -> str:
    """A document's entry in the national index of documents: how many plans cite it, and in which regions."""
    return f"{DOCUMENTS}#{document_id}"


def region_document(code: str, document_id: str) -> str:
    """A document's entry on a region's page of documents, with every citation of it by the region's plans."""
    return f"{region_page(code, 'documents')}#{document_id}"


def region_plans(code: str) -> str:
    """A province-level division's heading in the list of plans."""
    return f"{PLANS_INDEX}#r{code}"


def region_folder(code: str) -> str:
    return f"{COMPARE}/{code}"


def region_page(code: str, name: str = "index") -> str:
    """One of a region's comparison pages (REGION_PAGES)."""
    if name not in REGION_PAGES:
        raise ValueError(f"no comparison page {name!r}")
    return f"{region_folder(code)}/{name}.md"


def indicator_page(code: str, indicator_id: str) -> str:
    return f"{region_folder(code)}/indicators/{indicator_id}.md"


def agency_page(code: str, agency_id: str) -> str:
    """An agency's measures and targets across the region's plans, beside the region's table of agencies."""
    return f"{region_folder(code)}/agencies/{agency_id}.md"


# Charts (SVG, beside the pages that show them) and share images (PNG, for link previews: og:image)

# The picture a link to any page without one of its own shows (mkdocs.yml's extra.share_image names it too).
SITE_SHARE_IMAGE = f"{CHARTS}/share/site.png"


def share_image(plan_id: str) -> str:
    """The picture a link to the plan's page shows."""
    return f"{CHARTS}/share/{plan_id}.png"


def indicator_chart(code: str, indicator_id: str) -> str:
    return f"{CHARTS}/{code}/indicator-{indicator_id}.svg"


def timeline_chart(code: str) -> str:
    return f"{CHARTS}/{code}/timeline.svg"


def wide_chart(path: str) -> str:
    """A chart laid out for a wide column (charts.WIDE), beside the one for a phone's: x.svg -> x-wide.svg. Given the
    Chinese address; an English one is localised from it (i18n.page_path: x-wide.en.svg)."""
    return path.removesuffix(".svg") + "-wide.svg"


# Each chart's data, as CSV beside its SVG


def indicator_chart_data(code: str, indicator_id: str) -> str:
    return f"{CHARTS}/{code}/indicator-{indicator_id}.csv"


def timeline_chart_data(code: str) -> str:
    return f"{CHARTS}/{code}/timeline.csv"


# Downloads: paths inside a download folder (the same as inside the ZIP), then placed in a folder


def package_file(name: str, extension: str) -> str:
    """The whole package in one format: <name>.zip, .xlsx, .sqlite."""
    return f"{name}.{extension}"


def region_workbook(name: str, code: str) -> str:
    """A region's rows in one workbook, in a site in parts (a site of one region has the whole package's,
    ``package_file(name, "xlsx")``): <name>-<code>.xlsx."""
    return f"{name}-{code}.xlsx"


def data_file(resource: str, extension: str) -> str:
    """A resource's table: data/<resource>.csv or .json."""
    return f"{DATA}/{resource}.{extension}"


# The targets with their district's, plan's and indicator's names joined in, in both languages: a table derived from
# the package for spreadsheet users (no resource of the descriptor), beside the whole package's files.
NAMED_TARGETS = "targets-with-names"


def named_targets(extension: str) -> str:
    """The derived table of targets with names: targets-with-names.csv (its sheet in the workbook has its name)."""
    return f"{NAMED_TARGETS}.{extension}"


# The citation of the version to cite (site/citation.py) in BibTeX and RIS, beside the whole package's files.
CITATION = "citation"


def citation_file(extension: str) -> str:
    """citation.bib, citation.ris."""
    return f"{CITATION}.{extension}"


def plan_slice(plan_id: str, resource: str, extension: str) -> str:
    """A plan's own rows of a resource: plans/<plan_id>/<resource>.csv or .json."""
    return f"{PLANS}/{plan_id}/{resource}.{extension}"


def download(path: str) -> str:
    """A file of the newest build's downloads (``path`` as in the package: data/x.csv, sources/x.txt)."""
    return f"{DOWNLOADS}/{path}"


def release_folder(version: str) -> str:
    return f"{DOWNLOADS_ROOT}/{version}"


def release_download(version: str, path: str = "") -> str:
    """A file of a release's downloads; with no path, the folder (with its closing slash)."""
    return f"{release_folder(version)}/{path}"


# Links


def relative(here: str, target: str) -> str:
    """``target`` as a Markdown link from page ``here``: its path from here's folder (``?query`` and ``#anchor``
    kept).

    MkDocs rewrites such links to the URL the target is served at, and checks them.
    """
    path, rest = _split(target)
    return _between(_folder(here), path) + rest


def site_url(here: str, target: str) -> str:
    """A link from page ``here`` to ``target`` as the built site needs it, where ``plans/x.md`` is served at
    ``plans/x/``: for raw HTML and JSON, whose links MkDocs does not rewrite (nor check: tests/test_links.py does)."""
    path, rest = _split(target)
    served, folder = served_at(path), served_at(here)
    url = _between(folder.removesuffix("/"), served.removesuffix("/"))
    return (url + "/" if served.endswith("/") else url) + rest


def link_path(target: str) -> str:
    """The file a link leads to: ``target`` without its ``?query`` and ``#anchor``."""
    return _split(target)[0]


def _split(target: str) -> tuple[str, str]:
    """A link's path, and what follows it: its ``?query`` and ``#anchor``, as written."""
    path, hash_, anchor = target.partition("#")
    path, mark, query = path.partition("?")
    return path, mark + query + hash_ + anchor


@cache  # a few thousand distinct pages, linked hundreds of thousands of times at national scale
def served_at(path: str) -> str:
    """The URL a file under docs/ is served at, from the site's root: index.md at its folder (``./`` at the root),
    x.md at x/, any other file as it is."""
    if not path.endswith(".md"):
        return path
    folder, name = posixpath.split(path.removesuffix(".md"))
    if name != "index":
        folder = posixpath.join(folder, name)
    return f"{folder}/" if folder else "./"


def _folder(page: str) -> str:
    return posixpath.dirname(page)


@cache
def _between(start: str, path: str) -> str:
    """``path`` relative to folder ``start`` (both from the site's root, no ``..``; "" or "." is the root)."""
    here = [part for part in start.split("/") if part not in ("", ".")]
    there = [part for part in path.split("/") if part not in ("", ".")]
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."


def page_address(site_url: str, lang: str, here: str, anchor: str = "") -> str:
    """Where a page (and an anchor in it) is read: its full URL when the site's address (mkdocs.yml site_url) is
    set, else its path from the site's root (en/plans/x/#a)."""
    path = edition_root(lang) + served_at(here).removeprefix("./") + (f"#{anchor}" if anchor else "")
    return (site_url.rstrip("/") + "/" + path) if site_url else path


def feed_link(site_url: str, lang: str, target: str) -> str:
    """A link in an edition's feed (FEED, at the edition's root) to a page or a download: the full URL when the
    site's address is set, else the path from the feed's folder (the downloads are published once, at the site's
    root: en/changelog.xml reaches them by ../)."""
    shared = target.startswith(DOWNLOADS_ROOT + "/")
    path = target if shared else edition_root(lang) + served_at(target).removeprefix("./")
    if site_url:
        return site_url.rstrip("/") + "/" + path
    relative = _between(edition_root(lang), path)
    return "./" if relative == "." else relative + ("/" if path.endswith("/") and relative != ".." else "")


def report_error(template: str, title: str, body: str) -> str:
    """An issue tracker's address for a new report (mkdocs.yml extra.report_error_url, with {title} and {body}),
    filled in, each URL-encoded; "" when no tracker is set."""
    if not template:
        return ""
    return template.replace("{title}", quote(title, safe="")).replace("{body}", quote(body, safe=""))


# A git host's form for a new issue, by the host a repository is pushed to, with {title} and {body} where they go:
# what "report an error" leads to by default when a release publishes the site to that repository (release.py).
ISSUE_FORMS = {
    "github.com": "https://github.com/{repository}/issues/new?title={{title}}&body={{body}}",
    "codeberg.org": "https://codeberg.org/{repository}/issues/new?title={{title}}&body={{body}}",
    "gitlab.com": "https://gitlab.com/{repository}/-/issues/new?issue[title]={{title}}&issue[description]={{body}}",
}
_REMOTE = re.compile(
    r"^(?:(?:https|ssh|git)://(?:[^@/]+@)?(?P<host>[^/:]+)(?::\d+)?/|(?:[^@/]+@)?(?P<scp>[^/:]+):)"
    r"(?P<repository>[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)+)/?$"
)


def issue_form(remote: str) -> str:
    """The issue form (as extra.report_error_url takes it) of the repository a git remote URL names, on a host of
    ISSUE_FORMS (https://github.com/o/r.git, git@github.com:o/r.git, ssh://git@github.com/o/r); "" for any other
    host, a local path or anything that is not such a URL."""
    found = _REMOTE.match(remote.strip())
    if not found:
        return ""
    host = (found["host"] or found["scp"]).lower()
    form, repository = ISSUE_FORMS.get(host), found["repository"].removesuffix(".git")
    if host != "gitlab.com" and repository.count("/") != 1:  # owner/name; only GitLab has groups within groups
        return ""
    return form.format(repository=repository) if form else ""
