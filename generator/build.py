"""The pipeline, top to bottom: load → validate → assemble → downloads → render → publish.

Each stage is a module of its own; this one only calls them in order. Every page is written under
docs/ as soon as it is rendered; then MkDocs and Pagefind build site/. ``stage`` wraps each
step (the benchmark times them) and ``languages`` picks the editions.
"""

from __future__ import annotations

import datetime
import os

from . import downloads, load, publish, render, share, synonyms, urls, validate
from .i18n import LANGUAGES
from .paths import Paths
from .problems import InvalidPackage, Problem
from .site import assemble
from .timing import Stage, no_timing


def check(paths: Paths, stage: Stage = no_timing) -> tuple[load.Inputs, validate.Validation]:
    """Load and validate; raise InvalidPackage with every problem found, else return the inputs and what
    validation found (its report, its warnings, and the typed tables)."""
    with stage("load"):
        inputs = load.load(paths)
    with stage("validate"):
        validation = validate.validate(inputs)
    if validation.problems:
        raise InvalidPackage(validation.problems, validation.warnings)
    return inputs, validation


def build(paths: Paths, *, run_mkdocs: bool = True, stage: Stage = no_timing, languages=LANGUAGES) -> list[Problem]:
    """The whole pipeline: check, assemble, render pages and downloads, write them under docs/, build site/.

    Returns the warnings validation found (the build went on despite them). One build at a time runs in a
    checkout (publish.exclusive): a second one started meanwhile stops with a GeneratorError."""
    with publish.exclusive(paths):
        inputs, validation = check(paths, stage)
        with stage("assemble"):
            site = assemble(inputs, validation.tables)
        with stage("downloads"):
            when = build_time(site.descriptor)
            files = downloads.site_files(inputs, validation, site, render.package_readme(site), when)
        with stage("render"):  # each page is written as soon as it is rendered
            writer = publish.Writer(paths)
            writer.write_all(render.render_pages(site, languages))
            writer.write_all(share.share_images(site.model, languages))
            writer.write_all(files.items())
            writer.write(urls.SEARCH_SYNONYMS, synonyms.synonyms_json(synonyms.read_groups()))
        if run_mkdocs:
            publish.build_site(paths, when, stage, languages)
    return validation.warnings


def build_time(descriptor: dict) -> datetime.datetime:
    """The time stamped into built files: SOURCE_DATE_EPOCH if set, else the package's creation date.

    Never the clock, so that two builds of one commit are byte-identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).replace(tzinfo=None)
    return datetime.datetime.fromisoformat(descriptor["created"].replace("Z", "+00:00")).replace(tzinfo=None)
