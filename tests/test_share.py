"""Link previews: the share images (generator/build/share.py) and the Open Graph and Twitter card tags of every page
(overrides/main.html), without site_url and with it."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import struct
import subprocess
import sys
import zlib

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image
from test_build import SITE_URL, html

from generator import pipeline
from generator.base import i18n, urls
from generator.base.paths import ROOT
from generator.build import share

pytestmark = pytest.mark.slow
EVERY_PAGE_HAS = ("og:type", "og:title", "og:description", "og:locale", "og:site_name")
NEEDS_AN_ADDRESS = ("og:url", "og:image")


def chunks(png: bytes) -> list[str]:
    """The chunk types of a PNG file, in order."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    found, at = [], 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + body) == crc
        found.append(kind.decode("ascii"))
        at += 12 + length
    return found


@pytest.fixture(scope="module")
def images(fixture_model) -> dict[str, bytes]:
    return dict(share.share_images(fixture_model))


def test_a_share_image_per_plan_and_one_for_the_site_in_each_language(images, fixture_model):
    names = ["site", *(plan.plan_id for plan in fixture_model.plans)]
    assert set(images) == {
        i18n.page_path(f"charts/share/{name}.png", lang) for name in names for lang in i18n.LANGUAGES
    }


def test_a_share_image_is_a_1200_by_630_png_without_metadata(images):
    for data in images.values():
        assert Image.open(io.BytesIO(data)).size == (1200, 630)
        assert chunks(data) == ["IHDR", *["IDAT"] * (len(chunks(data)) - 2), "IEND"]  # no time, text or profile


def test_a_plan_card_says_its_title_district_and_counts_from_the_data(fixture_model):
    jia = next(plan for plan in fixture_model.plans if plan.plan_id == "jia-2023")
    card = share.plan_card(jia, i18n.translations("zh").gettext, "zh")
    assert (card.title, card.subtitle) == ("甲区碳达峰实施方案", "甲区 · 2023年5月10日印发")
    # jia-2023: 7 targets in targets.csv, 4 of them quantitative, 力争2028年前实现碳达峰.
    assert card.figures == [("7", "目标与承诺"), ("4", "定量目标"), ("2028", "碳达峰：此年前")]
    english = share.plan_card(jia, i18n.translations("en").gettext, "en")
    assert english.title == "Jia District Carbon Peaking Implementation Plan"
    assert english.subtitle == "Jia District · issued 10 May 2023"


def test_the_same_card_gives_the_same_bytes_in_another_process_locale_and_time_zone(images, fixture_project):
    """What test_build checks for the whole site, for the images alone: another process, locale, time zone and a
    fontconfig with other fonts draw the same bytes."""
    script = (
        "import sys, hashlib\n"
        "from generator.build import share\n"
        "from generator.site import model\n"
        "from generator.package import load, validate\n"
        "from generator.base.paths import Paths\n"
        "from pathlib import Path\n"
        "inputs = load.load(Paths(Path(sys.argv[1])))\n"
        "tables = validate.validate(inputs).tables\n"
        "for path, data in share.share_images(model.build_model(tables, inputs.relations)):\n"
        "    print(path, hashlib.sha256(data).hexdigest())\n"
    )
    env = {**os.environ, "TZ": "America/Los_Angeles", "LC_ALL": "C", "LANG": "C", "FONTCONFIG_FILE": "/dev/null"}
    out = subprocess.run(
        [sys.executable, "-c", script, str(fixture_project.root)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.split() == [item for path, data in images.items() for item in (path, hashlib.sha256(data).hexdigest())]


def test_a_character_no_bundled_font_has_stops_the_build(fixture_model):
    jia = next(plan for plan in fixture_model.plans if plan.plan_id == "jia-2023")
    rare = dataclasses.replace(jia, title="甲区䶮碳达峰实施方案")  # U+4DAE is not in GB 2312
    with pytest.raises(share.MissingGlyph, match="U\\+4DAE"):
        share.png(share.plan_card(rare, str, "zh"))


def test_the_real_titles_draw_with_the_bundled_fonts(real_model):
    for lang in i18n.LANGUAGES:
        label = i18n.translations(lang).gettext
        for plan in real_model.plans:
            card = share.plan_card(plan, label, lang)
            for text in (card.kicker, card.title, card.subtitle, *(f for pair in card.figures for f in pair)):
                share.runs(text, 40)  # MissingGlyph if a character has no font


def meta(soup: BeautifulSoup) -> dict[str, str]:
    return {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in soup.find_all("meta")
        if (tag.get("property") or tag.get("name") or "").startswith(("og:", "twitter:"))
    }


def test_without_site_url_every_page_has_a_preview_without_addresses(fixture_built):
    pages = sorted(fixture_built.site_dir.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        if "pagefind" in page.parts:
            continue
        tags = meta(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser"))
        assert set(EVERY_PAGE_HAS) <= set(tags), page
        assert not set(NEEDS_AN_ADDRESS) & set(tags), page
        assert tags["twitter:card"] == "summary" and tags["og:description"], page


def test_a_plan_page_previews_its_title_and_description(fixture_built):
    tags = meta(html(fixture_built, "plans/jia-2023"))
    assert tags["og:title"] == tags["twitter:title"] == "甲区碳达峰实施方案"
    assert tags["og:description"].startswith("甲区碳达峰实施方案（甲区人民政府，2023年5月10日）的 7 条目标与承诺")
    assert tags["og:locale"] == "zh_CN"
    english = meta(html(fixture_built, "en/plans/jia-2023"))
    assert english["og:title"] == "Jia District Carbon Peaking Implementation Plan"
    assert english["og:description"].startswith("The 7 targets and commitments of the Jia District")
    assert english["og:locale"] == "en_US"
    description = html(fixture_built, "en/plans/jia-2023").find("meta", attrs={"name": "description"})["content"]
    assert description == english["og:description"]


def test_with_site_url_a_preview_has_the_pages_address_and_its_share_image(fixture_project):
    config = fixture_project.mkdocs_config
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    pipeline.build(fixture_project)
    site = fixture_project.site_dir
    for page, image in (
        ("plans/jia-2023", "charts/share/jia-2023.png"),
        ("en/plans/jia-2023", "en/charts/share/jia-2023.png"),
        ("sources/yi-2023", "charts/share/yi-2023.png"),
        ("compare/990000/agencies", "charts/share/site.png"),
        ("en/about", "en/charts/share/site.png"),
        ("", "charts/share/site.png"),
    ):
        tags = meta(html(fixture_project, page))
        assert tags["og:url"] == SITE_URL + (f"{page}/" if page else ""), page
        assert tags["og:image"] == tags["twitter:image"] == SITE_URL + image, page
        assert tags["twitter:card"] == "summary_large_image"
        assert Image.open(site / image).size == (1200, 630)


def test_the_site_configuration_names_the_site_share_image_that_the_generator_draws():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["extra"]["share_image"] == urls.SITE_SHARE_IMAGE


def test_many_images_are_drawn_on_all_cores_with_the_same_bytes(images, fixture_model, monkeypatch):
    monkeypatch.setattr(share, "PARALLEL_FROM", 2)
    assert dict(share.share_images(fixture_model)) == images
