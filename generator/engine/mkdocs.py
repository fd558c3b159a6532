"""The site engine: MkDocs (Material for MkDocs) builds each part of the site from its folder of pages.

The only module that writes MkDocs configurations and runs MkDocs; the hook that MkDocs loads (editions.py) is
the only other code that knows it. Each edition is a MkDocs build of its own: Chinese at the part's root, English
under en/ (generator/engine/editions.py). MkDocs takes its build date from SOURCE_DATE_EPOCH: the data's date, not
the clock. A part builds into a staging folder, which replaces the part's previous site only once every edition and
its search index succeeded, so a failed build changes nothing.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.base.i18n import DEFAULT, LANGUAGES
from generator.base.paths import HOOKS, Paths
from generator.base.timing import Stage, no_timing
from generator.engine import commands, pagefind

# The hub's configuration lists the indexes of the groups of regions, which its search page merges
# (overrides/search.html).
SEARCH_PARTS = "search_parts"
# Where the editions hook finds a part's generated pages, beside the hand-written ones of docs/ (editions.py).
GENERATED_DOCS = "generated_docs"
# Where "report an error" leads (mkdocs.yml extra.report_error_url, or the release's default).
REPORT_ERROR_URL = "report_error_url"


def build_part(
    paths: Paths,
    name: str,
    hub: bool,
    searched: list[str],
    when: datetime.datetime,
    stage: Stage = no_timing,
    languages=LANGUAGES,
    jobs: int = 1,
    report_error_url: str = "",
) -> None:
    """``mkdocs build --strict`` of each edition of the part ``name`` (``jobs`` at a time), then, for the hub (or
    the single part), its search index; the result replaces the part's previous one (Paths.part_site) only once all
    succeeded.

    ``hub``: the part holds the national and hand-written pages; ``searched``: the indexes of the groups of
    regions, which the hub's search merges (empty when the site is one part). A region's pages are indexed with
    its group's (``index_groups``)."""
    folder = paths.part_dir(name)
    folder.mkdir(parents=True, exist_ok=True)
    commands_, outputs = {}, {}
    for lang in languages:
        config = configuration_file(paths, name, lang)
        config.write_text(configuration(paths, name, hub, lang, searched, report_error_url), "utf-8")
        outputs[lang] = folder / f"building-{lang}"
        shutil.rmtree(outputs[lang], ignore_errors=True)
        commands_[f"mkdocs build ({name}, {lang})"] = [
            sys.executable, "-m", "mkdocs", "build", "--strict",
            "--config-file", str(config), "--site-dir", str(outputs[lang]),
        ]  # fmt: skip
    env = commands.environment(when)
    with stage("mkdocs build"):
        commands.run(commands_, paths.root, env, outputs.values(), jobs)
    staged = outputs.pop(DEFAULT)
    for lang, output in outputs.items():
        os.replace(output, staged / lang)
    if hub:
        bundle = staged / pagefind.bundle(name, hub)
        with stage("search index"):
            commands.run({f"pagefind ({name})": pagefind.index_command(staged, bundle)}, paths.root, env, [staged])
        pagefind.finish(bundle)
    site = paths.part_site(name)
    shutil.rmtree(site, ignore_errors=True)
    os.replace(staged, site)


def index_groups(
    paths: Paths, groups: dict[str, list[str]], when: datetime.datetime, jobs: int = 1, languages=LANGUAGES
) -> None:
    """The search index of each group of regions (``groups``: its name and its parts' names), from the parts' built
    pages, each edition's by a Pagefind run of its own (pagefind.gather_pages), ``jobs`` at a time; each replaces
    the group's previous one (Paths.search_bundle) only once all succeeded."""
    commands_, staged = {}, {}
    for group, members in groups.items():
        folder = paths.search_dir(group)
        for lang in languages:
            pages, staged[group, lang] = folder / f"building-pages-{lang}", folder / f"building-index-{lang}"
            shutil.rmtree(staged[group, lang], ignore_errors=True)
            pagefind.gather_pages((paths.part_site(member) for member in members), pages, lang)
            commands_[f"pagefind ({group}, {lang})"] = pagefind.index_command(pages, staged[group, lang])
    building = [path for group in groups for path in paths.search_dir(group).glob("building-*")]
    commands.run(commands_, paths.root, commands.environment(when), building, jobs)
    for group in groups:
        bundle = paths.search_dir(group) / "building-index"
        shutil.rmtree(bundle, ignore_errors=True)
        pagefind.merge((staged[group, lang] for lang in languages), bundle)
        pagefind.finish(bundle)
        shutil.rmtree(paths.search_bundle(group), ignore_errors=True)
        os.replace(bundle, paths.search_bundle(group))
        for lang in languages:
            shutil.rmtree(staged[group, lang])
            shutil.rmtree(paths.search_dir(group) / f"building-pages-{lang}")


def configuration_file(paths: Paths, name: str, lang: str) -> Path:
    return paths.part_dir(name) / f"mkdocs.{lang}.yml"


def configuration(
    paths: Paths, name: str, hub: bool, lang: str, searched: list[str], report_error_url: str = ""
) -> str:
    """A part's MkDocs configuration: the edition's own (mkdocs.yml or mkdocs.en.yml), with the part's folder of
    pages, and the paths it names made absolute, since it is read from the part's folder. JSON, which is YAML.

    The hub builds docs/ (the hand-written pages), with its generated pages beside them (GENERATED_DOCS); a region
    builds its generated pages alone. When the site has several parts, a page's links to another part's pages are
    written as their addresses, which this build does not hold: MkDocs notes them at INFO level instead of failing
    the strict build, and tests/test_parts.py checks that every link of a site built in parts leads to a file.
    """
    config: dict = {
        "INHERIT": str(paths.edition_config(lang, DEFAULT)),
        "docs_dir": str(paths.docs_dir if hub else paths.part_docs(name)),
        "theme": {"custom_dir": str(paths.root / "overrides")},
        "hooks": [str(paths.root / HOOKS)],
    }
    if searched:
        config["validation"] = {
            "links": {"not_found": "info", "unrecognized_links": "info", "anchors": "info"},
            "nav": {"not_found": "info"},
        }
    extra: dict = {SEARCH_PARTS: searched} if hub and searched else {}
    if hub:
        extra[GENERATED_DOCS] = str(paths.part_docs(name))
        if report_error_url:  # the release's default tracker (pipeline.build), for the methodology (editions.py)
            extra[REPORT_ERROR_URL] = report_error_url
    if extra:
        config["extra"] = extra
    return json.dumps(config, ensure_ascii=False, indent=1) + "\n"


def serve(paths: Paths, name: str, lang: str) -> None:
    """Preview an edition of the part ``name`` as last built, reloading as its hand-written pages change."""
    config = configuration_file(paths, name, lang)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config), "--dev-addr", "127.0.0.1:8000"],
        cwd=paths.root,
        check=True,
    )
