"""Assemble stage: everything the pages and downloads are made from, computed once, as one frozen ``Site``.

Pure: the loaded inputs and the validated tables in, the site out. Render and downloads
read the site and nothing else; nothing after this stage opens a project file.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property

from generator.base.source_text import Source
from generator.package import passages, relations, releases
from generator.package.load import Inputs, SiteSettings
from generator.site import citation, history, views
from generator.site import model as model_stage


@dataclass(frozen=True)
class Package:
    """The package as checked, which the downloads publish: its files as they are, its rows as the files write
    them and as validation typed them, which plan owns which rows, and what validation found."""

    descriptor: dict  # the repository's
    data_files: dict[str, bytes]  # resource name -> its CSV file
    source_files: dict[str, bytes]  # sources/x.txt -> its bytes
    text_rows: dict[str, list[dict[str, str]]]
    tables: dict[str, list[dict]]  # typed
    relations: relations.Relations
    files: dict[str, bytes]  # every file the build read, by path from the project's root (the build manifest)
    report: dict  # validation's (validation-report.json)


@dataclass(frozen=True)
class Site:
    """What every page, chart and download is made from: built once, shared by both languages."""

    model: model_stage.Model
    descriptor: dict  # the data package's descriptor as published: the repository's, its version as data_version's
    sources: dict[str, Source]  # plan_id -> its source text (document() marks its quotes)
    releases: tuple[releases.Release, ...]  # oldest first
    changelog: tuple[history.Entry, ...]  # newest first: the working data, then each release
    regions: tuple[views.RegionView, ...]  # each compared region's views (views.regions), for both languages
    version: history.DataVersion  # whether the data are the release their version number names
    settings: SiteSettings = SiteSettings()  # mkdocs.yml's settings that pages need (load.site_settings)
    package: Package | None = None  # what the downloads publish (None: a site assembled for its pages alone)
    _documents: dict[str, list[passages.Block]] = field(default_factory=dict, compare=False, repr=False)

    def document(self, plan: model_stage.Plan) -> list[passages.Block]:
        """A plan's source text as blocks, every quote of its targets and citations marked: made when one of its
        pages is first rendered, by the process that renders the part holding it, and kept there for its other
        pages (the source page, the plan page's quotes, both editions)."""
        if plan.plan_id not in self._documents:
            self._documents[plan.plan_id] = passages.plan_document(plan, self.sources[plan.plan_id])
        return self._documents[plan.plan_id]

    @cached_property
    def compared(self) -> dict[str, tuple[str, frozenset[str]]]:
        """plan_id -> where its targets are compared: its region's code and the indicators with a page of their own
        (views.compared_indicators); computed once, for every plan page of both languages."""
        return views.compared_indicators(self.regions)

    @cached_property
    def plan_regions(self) -> dict[str, str]:
        """plan_id -> the code of its region, which says which part of the site its pages are (build/parts.py)."""
        return {plan.plan_id: region.code for region in self.model.regions for plan in region.plans}

    @cached_property
    def document_pages(self) -> tuple[views.RegionDocuments, ...]:
        """Each region's page of the documents its plans cite (views.region_documents), for both languages."""
        return tuple(views.region_documents(self.model))

    @cached_property
    def documented(self) -> frozenset[str]:
        """The codes of the regions that have a page of documents."""
        return frozenset(page.code for page in self.document_pages)

    @cached_property
    def cited(self) -> citation.Cited:
        """The version a citation names, with its permanent address (citation.py)."""
        return citation.cited(self.descriptor, self.version, self.changelog, self.settings.site_url)

    @property
    def released(self) -> list[str]:
        """The versions that have a download folder of their own."""
        return [release.version for release in self.releases]


def assemble(
    inputs: Inputs, tables: dict[str, list[dict]], releasing: bool = False, report: dict | None = None
) -> Site:
    """The model, each plan's source as marked blocks, and the changelog: everything the pages are made from.

    ``tables`` are the typed rows validation kept; the changelog compares the text rows load parsed. ``releasing``:
    this build makes the release of the descriptor's version (release.py); ``report``: validation's, published
    with the downloads.
    """
    site_model = model_stage.build_model(tables, inputs.relations)
    sources = {plan.plan_id: inputs.source_texts[plan.source_file] for plan in site_model.plans}
    versions = list(inputs.releases)
    keys = releases.primary_keys(*(r.descriptor() for r in versions), inputs.descriptor)
    notes = history.parse_notes(inputs.changelog_notes)
    version = history.data_version(inputs.descriptor, versions, inputs.data | inputs.source_files, releasing)
    changelog = history.changelog(versions, version, inputs.text_rows, keys, notes)
    return Site(
        site_model,
        inputs.descriptor | {"version": version.published},
        sources,
        inputs.releases,
        tuple(changelog),
        views.regions(site_model),
        version,
        inputs.settings,
        Package(
            inputs.descriptor,
            inputs.data_files,
            inputs.source_files,
            inputs.text_rows,
            tables,
            inputs.relations,
            inputs.files,
            report or {},
        ),  # fmt: skip
    )


def region_site(site: Site, tables: dict[str, list[dict]], text_rows: dict[str, list[dict[str, str]]]) -> Site:
    """The site as the part of one region sees it: its model, views and downloadable rows made from that region's
    rows alone (``tables`` typed, ``text_rows`` as the files write them: package/regional.region_rows), and what
    is the whole site's (descriptor, versions, changelog, settings) from ``site``."""
    assert site.package is not None, "a region's site is made from the package's rows"
    region_model = model_stage.build_model(tables, site.package.relations)
    return dataclasses.replace(
        site,
        model=region_model,
        sources={plan.plan_id: site.sources[plan.plan_id] for plan in region_model.plans},
        regions=views.regions(region_model),
        package=dataclasses.replace(site.package, tables=tables, text_rows=text_rows),
        _documents={},
    )
