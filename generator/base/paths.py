"""Every file and folder of the project that the build reads or writes, in one place.

Nothing else in the generator builds a path from a literal (the site's own addresses
are urls.py's); tests point the stages at other folders by passing a different ``Paths``.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DRAFTS = "drafts"  # under the package: the drafter's proposals, reviewed before they are published


@dataclass(frozen=True)
class Paths:
    root: Path = ROOT

    @property
    def package_dir(self) -> Path:
        return self.root / "datapackage"

    @property
    def descriptor_path(self) -> Path:
        return self.package_dir / "datapackage.json"

    @property
    def drafts_dir(self) -> Path:
        """datapackage/drafts/<plan_id>/: rows the drafter proposed, for review (git-ignored, never built)."""
        return self.package_dir / DRAFTS

    @property
    def draft_evaluation(self) -> Path:
        """How the drafter's proposals compare with the curated rows (written by ``draft-eval``, committed)."""
        return self.root / "benchmarks" / "DRAFT-EVAL.md"

    @property
    def drafter_corpus(self) -> Path:
        """Plans the drafter was not written for, as received (benchmarks/drafter-corpus/README.md)."""
        return self.root / "benchmarks" / "drafter-corpus"

    @property
    def drafter_gold(self) -> Path:
        """The commitments of each plan of the drafter's corpus, coded by hand (benchmarks/gold/README.md)."""
        return self.root / "benchmarks" / "gold"

    @property
    def releases_dir(self) -> Path:
        """Each released version's ZIP, kept so its files stay downloadable and the changelog can compare."""
        return self.root / "releases"

    @property
    def changelog_notes(self) -> Path:
        return self.root / "CHANGELOG.md"

    @property
    def code_dir(self) -> Path:
        """The generator, whose files the build manifest lists."""
        return self.root / "generator"

    @property
    def citation(self) -> Path:
        return self.root / "CITATION.cff"

    @property
    def read_folders(self) -> dict[Path, tuple[str, ...]]:
        """Every folder a build reads, itself or through MkDocs, with the folders directly in it that it skips
        (project_files refuses anything in them that is not a regular file)."""
        site = {self.root / name: () for name in SITE_CONFIGURATION if "." not in name}
        return {self.package_dir: (DRAFTS,), self.docs_dir: (), self.releases_dir: (), **site, self.code_dir: ()}

    @property
    def read_files(self) -> tuple[Path, ...]:
        """The single files a build reads besides those folders."""
        site = (self.root / name for name in SITE_CONFIGURATION if name.endswith(".yml"))
        return (*site, self.changelog_notes, self.citation)

    def shown(self, path: Path) -> str:
        """A path as messages name it: from the project's root."""
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path)

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def mkdocs_config(self) -> Path:
        """The Chinese edition's MkDocs configuration, which the English one inherits."""
        return self.root / "mkdocs.yml"

    def edition_config(self, lang: str, default: str) -> Path:
        """Each edition is a MkDocs build of its own: mkdocs.yml (the ``default`` language), mkdocs.en.yml (English)."""
        return self.mkdocs_config if lang == default else self.root / f"mkdocs.{lang}.yml"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def staging_site_dir(self) -> Path:
        """Where MkDocs builds before the result replaces ``site/``."""
        return self.root / ".site-staging"

    def staging_edition_dir(self, lang: str) -> Path:
        """Where the edition ``lang`` builds beside the Chinese one, before it moves into the staging site."""
        return self.root / f".site-staging-{lang}"

    @property
    def old_site_dir(self) -> Path:
        """The previous ``site/`` for the instant of the swap."""
        return self.root / "site.old"

    @property
    def lock_file(self) -> Path:
        """Held by the build that runs in this checkout, so that a second one waits its turn instead of interleaving."""
        return self.root / ".build.lock"

    @property
    def transient(self) -> tuple[Path, ...]:
        """What a build leaves only while it runs (and a killed build leaves behind): git-ignored, and cleared at
        the next build's start."""
        staging = sorted(self.root.glob(".site-staging-*"))
        building = sorted([*self.parts_dir.glob("*/building-*"), *self.search_root.glob("*/building-*")])
        return (self.staging_site_dir, *staging, *building, self.old_site_dir)

    # The parts of the site (build/parts.py), each generated and built apart; kept between builds (git-ignored), so that
    # the next build redoes only the parts whose inputs changed.

    @property
    def build_dir(self) -> Path:
        return self.root / ".build"

    @property
    def build_state(self) -> Path:
        """Which parts the last build rebuilt and the digest of the site it published (JSON); each part's digest is
        beside the part (build.PART_STATE)."""
        return self.build_dir / "state.json"

    @property
    def chart_cache(self) -> Path:
        """Each chart's SVG as vl-convert drew it, by the SHA-256 of its specification (build/drawing.py)."""
        return self.build_dir / "charts"

    @property
    def validation_cache(self) -> Path:
        """Each portion's verdict (build/checking.py), by the digest of what it is validated from."""
        return self.build_dir / "validation"

    @property
    def template_cache(self) -> Path:
        """Each page template as Jinja compiled it, by its name and the hash of its text (pages/render.py)."""
        return self.build_dir / "templates"

    @property
    def parts_dir(self) -> Path:
        return self.build_dir / "parts"

    def part_dir(self, name: str) -> Path:
        return self.parts_dir / name

    def part_docs(self, name: str) -> Path:
        """Where a part's pages are generated (docs/ holds only the hand-written pages, served with the hub's)."""
        return self.part_dir(name) / "docs"

    def part_site(self, name: str) -> Path:
        """What MkDocs built of a part (the English edition under en/), put together with the others into site/."""
        return self.part_dir(name) / "site"

    @property
    def search_root(self) -> Path:
        return self.build_dir / "search"

    def search_dir(self, group: str) -> Path:
        """A group of regions' search index (build/parts.py search_groups) and its digest, kept between builds."""
        return self.search_root / group

    def search_bundle(self, group: str) -> Path:
        """A group's search index as Pagefind wrote it, served at pagefind/parts/<group>/."""
        return self.search_dir(group) / "pagefind"


# What MkDocs reads besides docs/: each edition's configuration, the theme's overrides and the hook
# that splits the editions. A copy of the project (tests, benchmarks) needs all of it.
HOOKS = "generator/engine/editions.py"
SITE_CONFIGURATION = ("mkdocs.yml", "mkdocs.en.yml", "overrides", HOOKS)


def copy_site_configuration(source: Path, destination: Path) -> None:
    for name in SITE_CONFIGURATION:
        (destination / name).parent.mkdir(parents=True, exist_ok=True)
        if (source / name).is_dir():
            shutil.copytree(source / name, destination / name)
        else:
            shutil.copy(source / name, destination / name)
