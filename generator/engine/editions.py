"""MkDocs hook: one edition of the site per MkDocs build (mkdocs.yml: Chinese; mkdocs.en.yml: English, under en/).

The generator writes every page twice, ``plans/x.md`` and ``plans/x.en.md`` (charts ``x.svg`` and
``x.en.svg``). The Chinese build leaves out the ``.en`` files; the English build serves each ``.en``
file at its Chinese name, so ``plans/x.en.md`` becomes ``en/plans/x/`` and links between pages stay
as written. Files without an English counterpart (assets, charts in one language) are served as they are, but
the downloads (downloads/, the bulk of the site) are published once, at the root: the English build does not
copy them, and its links to them lead to the root's copy.

Two separate builds, not one process building both, so that they run side by side on two cores
and each holds only its own pages in memory (generator/engine/mkdocs.py).

The hub's build reads docs/, the hand-written pages, and the generated pages from the folder that its
configuration names under ``extra.generated_docs`` (a build folder, never docs/): both are served as one tree.

Loaded by MkDocs from ``hooks:`` in mkdocs.yml, as a file, not as part of the generator package.
"""

from __future__ import annotations

import os
import posixpath

from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key, set_exclusions

# Mirrors of generator/i18n.py's DEFAULT and generator/urls.py's DOWNLOADS_ROOT: MkDocs loads this file on its own,
# also in copies of the project that hold no generator package, so it cannot import them (tests/test_editions.py
# holds them equal).
DEFAULT = "zh"  # the language at the root of the site
SUFFIX = ".en"
SHARED = "downloads/"  # published once, by the Chinese build
ENGLISH_ROOT = "en/"  # where the English edition is served, from the site's root
# Where the theme finds the site's own address (site_url as configured) in either edition.
SITE_ROOT_URL = "site_root_url"
# Mirror of generator/engine/mkdocs.py's GENERATED_DOCS: the folder of generated pages served beside docs/.
GENERATED_DOCS = "generated_docs"
_generated_docs: str | None = None  # this build's (on_config)


def on_config(config):
    """With ``site_url`` set (the site's public address, mkdocs.yml), each edition's pages get their full URL from
    it: the English build, which inherits the same ``site_url``, is served under en/, so its own is that. The
    language menu (overrides/partials/editions.html) links both editions from the site's root, kept in ``extra``."""
    root = config.site_url
    config.extra[SITE_ROOT_URL] = root
    global _generated_docs
    _generated_docs = config.extra.pop(GENERATED_DOCS, None)  # a build's folder, not a setting to publish
    if root and config.theme["language"] != DEFAULT:
        config.site_url = posixpath.join(root, ENGLISH_ROOT)
    return config


def on_template_context(context, template_name, config):
    """The English edition's 404 page leads to English pages: MkDocs writes an error page's links from the site's
    address, and without one (site_url unset) from the server's root, which is the Chinese edition's. With
    ``site_url`` set, this edition's own (on_config) already ends in en/."""
    if template_name == "404.html" and config.theme["language"] != DEFAULT and not config.site_url:
        context["base_url"] = "/" + ENGLISH_ROOT.rstrip("/")
    return context


# The methodology's section on reporting (docs/methodology.md, .en.md) holds two paragraphs between these marks,
# one for a site with a tracker (its link to REPORT_ERROR_URL), one without: a page keeps the one that applies.
REPORT_MARKS = ("<!-- report: with a tracker", "<!-- report: without a tracker -->", "<!-- report: end -->")
REPORT_ERROR_URL = "report_error_url"  # mirror of generator/engine/mkdocs.py's: extra's setting of the tracker


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Where a page says how to report an error, it links the tracker when there is one (mkdocs.yml
    extra.report_error_url, or the release's default: the issue form of the repository the site is published to)
    and otherwise says where to write instead; never a link to nowhere."""
    start, otherwise, end = REPORT_MARKS
    if start not in markdown:
        return markdown
    head, rest = markdown.split(start, 1)
    with_tracker, rest = rest.split(otherwise, 1)
    without, tail = rest.split(end, 1)
    tracker = str(config.extra.get(REPORT_ERROR_URL) or "")
    if tracker:
        form = tracker.replace("{title}", "").replace("{body}", "")
        kept = with_tracker.split("-->", 1)[1].replace("REPORT_ERROR_URL", form)
    else:
        kept = without
    return head + kept.strip("\n") + tail


def english_name(src_uri: str) -> str | None:
    """``plans/x.en.md`` -> ``plans/x.md``; None for a file that is not an English counterpart."""
    stem, extension = posixpath.splitext(src_uri)
    return stem[: -len(SUFFIX)] + extension if stem.endswith(SUFFIX) else None


def generated_files(config) -> list[File]:
    """The generated pages of the folder named by ``generated_docs``, as MkDocs would list them from docs_dir."""
    folder = _generated_docs
    if not folder:
        return []
    found = []
    for here, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            relative = os.path.relpath(os.path.join(here, name), folder)
            found.append(File(relative, folder, config.site_dir, config.use_directory_urls))
    set_exclusions(found, config)  # exclude_docs and not_in_nav, as for docs/'s own files
    return found


def on_files(files: Files, config) -> Files:
    generated = generated_files(config)
    if generated:
        clashes = sorted({file.src_uri for file in generated} & {file.src_uri for file in files})
        if clashes:
            raise ValueError(f"docs/ and the generated pages both hold {', '.join(clashes)}")
        files = Files(sorted([*files, *generated], key=file_sort_key))
    english = {file: name for file in files if (name := english_name(file.src_uri))}
    for file in english:
        files.remove(file)
    if config.theme["language"] == DEFAULT:
        return files
    for file in files:
        if file.src_uri.startswith(SHARED):
            # Still known, so links to it are checked, but not copied (MkDocs notes such links at INFO level).
            file.inclusion = InclusionLevel.EXCLUDED
    for file, name in english.items():
        if original := files.get_file_from_path(name):
            files.remove(original)
        # Its content at the Chinese name; excluded from the pages if the file is (SUMMARY.en.md is).
        files.append(File.generated(config, name, abs_src_path=file.abs_src_path, inclusion=file.inclusion))
    return files


def on_post_page(output: str, page, config) -> str:
    """On English pages, links into downloads/ go up one more level, out of en/, to the root's copy."""
    if config.theme["language"] == DEFAULT:
        return output
    up = "../" * page.url.count("/")  # from this page to the English root, as MkDocs wrote the links
    for attribute in ("href", "src"):
        output = output.replace(f'{attribute}="{up}{SHARED}', f'{attribute}="../{up}{SHARED}')
    return output
