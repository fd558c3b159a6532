"""The site in parts (generator/build/parts.py): which pages each part holds, what its digest depends on, and the
incremental build, which rebuilds only the parts a change touches and publishes the same bytes as a clean build."""

import csv
import hashlib
import io
import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote

import openpyxl
import pytest

from generator import pipeline, publish
from generator.base import urls
from generator.base.paths import Paths
from generator.build import parts
from generator.build.digests import part_digests
from generator.package import load, regional, validate
from generator.site.assemble import assemble

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import synth  # noqa: E402

# Three synthetic plans (benchmarks/synth.py) in one province, and Tianjin's pilot programme in another: a hub
# and two regions, in two great areas (1 and 2), so each has a search index of its group.
PLANS = 3
GROUPS = ["area-1", "area-2"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Paths:
    return Paths(synth.project(tmp_path_factory.mktemp("parts") / "project", PLANS))


def edit_statement(paths: Paths, target_id: str) -> None:
    """Change one field of one row of targets.csv (its English statement), leaving every other byte as it was."""
    path = paths.package_dir / "data" / "targets.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = next(csv.reader([lines[0]]))
    number = next(i for i, line in enumerate(lines) if line.startswith(f"{target_id},"))
    row = next(csv.reader([lines[number]]))
    row[header.index("statement_en")] += " (edited)"
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(row)
    lines[number] = out.getvalue()
    path.write_text("\n".join(lines), encoding="utf-8")


def site_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*")
            if p.is_file()}  # fmt: skip


def rebuilt(paths: Paths) -> list[str]:
    return json.loads(paths.build_state.read_text(encoding="utf-8"))["rebuilt"]


def test_the_real_data_is_one_part(real_model):
    (whole,) = parts.split(real_model)
    assert whole.name == parts.WHOLE and whole.hub
    assert whole.regions == {region.code for region in real_model.regions} == {"120000"}


def test_several_regions_make_a_hub_and_a_part_each(synthetic):
    inputs = load.load(synthetic)
    site = assemble(inputs, validate.validate(inputs).tables)
    split = parts.split(site.model)
    assert [part.name for part in split] == [parts.HUB, "120000", "210000"]
    assert [part.hub for part in split] == [True, False, False]
    assert {p.plan_id for p in parts.plans_of(site.model, split[2])} == {f"d{n:04d}-2023" for n in range(PLANS)}


def test_regions_are_searched_in_one_index_per_great_area():
    """GB/T 2260's first digit: Beijing and Tianjin (1) share an index, Liaoning and Jilin (2) another; a region
    added later joins its area's group and moves no other region."""
    every = (parts.Part(parts.HUB, True, frozenset()),) + tuple(
        parts.Part(code, False, frozenset([code])) for code in ("110000", "120000", "210000", "220000", "310000")
    )
    groups = parts.search_groups(every)
    assert {group: [part.name for part in members] for group, members in groups.items()} == {
        "area-1": ["110000", "120000"], "area-2": ["210000", "220000"], "area-3": ["310000"],
    }  # fmt: skip
    assert parts.search_groups((parts.Part(parts.WHOLE, True, frozenset(["120000"])),)) == {}


def test_a_great_area_of_many_plans_is_searched_in_groups_of_bounded_size():
    """An area's regions fill a group up to parts.MOST_PLANS_SEARCHED plans, in code order, then start the next; a
    region larger than that is a group alone; another area's regions move none of them."""
    most = parts.MOST_PLANS_SEARCHED
    sizes = {"310000": most // 2, "320000": most // 2, "330000": 1, "340000": most + 1, "350000": 1, "410000": most}

    def named(sizes):
        every = (parts.Part(parts.HUB, True, frozenset()),) + tuple(
            parts.Part(code, False, frozenset([code]), plans) for code, plans in sizes.items()
        )
        return {group: [part.name for part in members] for group, members in parts.search_groups(every).items()}

    assert named(sizes) == {
        "area-3": ["310000", "320000"], "area-3-2": ["330000"], "area-3-3": ["340000"], "area-3-4": ["350000"],
        "area-4": ["410000"],
    }  # fmt: skip
    assert named(sizes | {"420000": 1, "210000": most})["area-3-2"] == ["330000"]


def test_a_digest_changes_with_its_own_rows_only(tmp_path):
    paths = Paths(synth.project(tmp_path / "project", PLANS))

    before = digests(paths)
    edit_statement(paths, "d0000-2023-t004")
    after = digests(paths)
    assert {name for name in before if before[name] != after[name]} == {parts.HUB, "210000"}


def digests(paths: Paths) -> dict[str, str]:
    inputs = load.load(paths)
    validation = validate.validate(inputs)
    site = assemble(inputs, validation.tables)
    every = parts.split(site.model)
    regions = {part.name: part.regions for part in every if not part.hub}
    made_from = regional.parts_rows(inputs.relations, validation.tables, validation.owners, regions)
    return part_digests(paths, inputs, site, every, ("zh", "en"), made_from=made_from)


def test_a_region_is_built_again_when_a_row_of_another_region_it_refers_to_changes(tmp_path):
    """210000's district plans answer contents of the city's pilot programme (pilot_alignment), which is 120000's:
    their slices hold those chapters' rows. A change to such a chapter changes 210000's digest; a change to a chapter
    of the programme that no plan of 210000 answers does not."""
    project = synth.project(tmp_path / "project", PLANS)
    paths = Paths(project)
    answered = {row["content_id"] for row in synth.read(project / "datapackage" / "data" / "pilot_alignment.csv")}
    chapters = synth.read(project / "datapackage" / "data" / "chapters.csv")
    pilot = [row["chapter_id"] for row in chapters if row["plan_id"] == "tianjin-pilot-2023"]
    referred, alone = next(c for c in pilot if c in answered), next(c for c in pilot if c not in answered)

    def edited(chapter_id: str) -> set[str]:
        before = digests(paths)
        for row in chapters:
            if row["chapter_id"] == chapter_id:
                row["title_en"] += " (edited)"
        synth.write(project / "datapackage" / "data" / "chapters.csv", chapters, list(chapters[0]))
        after = digests(paths)
        return {name for name in before if before[name] != after[name]}

    assert edited(alone) == {parts.HUB, "120000"}
    assert edited(referred) == {parts.HUB, "120000", "210000"}


@pytest.mark.slow
def test_a_changed_row_rebuilds_its_part_and_the_hub_only_and_equals_a_clean_build(tmp_path):
    paths = Paths(synth.project(tmp_path / "project", PLANS))
    pipeline.build(paths)
    assert rebuilt(paths) == [parts.HUB, "120000", "210000"]
    indexes = {group: (paths.search_bundle(group) / "pagefind-entry.json").stat().st_mtime_ns for group in GROUPS}
    pipeline.build(paths)
    assert rebuilt(paths) == []  # nothing changed: nothing is built again

    edit_statement(paths, "d0000-2023-t004")
    pipeline.build(paths)
    assert rebuilt(paths) == [parts.HUB, "210000"]
    # The index of 210000's group was made again; the other group's was kept.
    after = {group: (paths.search_bundle(group) / "pagefind-entry.json").stat().st_mtime_ns for group in GROUPS}
    assert [group for group in GROUPS if after[group] != indexes[group]] == ["area-2"]
    incremental = site_digest(paths.site_dir)
    page = (paths.site_dir / "en" / "plans" / "d0000-2023" / "index.html").read_text(encoding="utf-8")
    assert "decrease. &#40;edited&#41;" in page  # as the page escapes it
    sliced = paths.site_dir / urls.download(urls.plan_slice("d0000-2023", "targets", "csv"))
    assert "decrease. (edited)" in sliced.read_text(encoding="utf-8")  # written again by 210000's part

    pipeline.build(paths, clean=True)
    assert rebuilt(paths) == [parts.HUB, "120000", "210000"]
    assert site_digest(paths.site_dir) == incremental


@pytest.mark.slow
def test_a_build_stopped_before_publishing_is_published_by_the_next(tmp_path, monkeypatch):
    paths = Paths(synth.project(tmp_path / "project", PLANS))
    pipeline.build(paths)
    edit_statement(paths, "d0000-2023-t004")

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(publish, "publish_site", stopped)
    with pytest.raises(KeyboardInterrupt):
        pipeline.build(paths)
    monkeypatch.undo()
    pipeline.build(paths)
    assert rebuilt(paths) == []  # the stopped build had built the parts
    page = (paths.site_dir / "en" / "plans" / "d0000-2023" / "index.html").read_text(encoding="utf-8")
    assert "decrease. &#40;edited&#41;" in page


@pytest.fixture(scope="module")
def built_in_parts(tmp_path_factory) -> Paths:
    paths = Paths(synth.project(tmp_path_factory.mktemp("built-in-parts") / "project", PLANS))
    pipeline.build(paths)
    return paths


def test_each_plans_slices_are_written_by_the_part_that_holds_it(built_in_parts):
    """A changed plan's slices are written again with its region, not with the hub, which holds none."""
    inputs, validation = pipeline.check(built_in_parts)
    model = assemble(inputs, validation.tables).model
    every = parts.split(model)
    for part in every:
        written = {
            path.relative_to(built_in_parts.part_docs(part.name)).as_posix()
            for path in built_in_parts.part_docs(part.name).rglob("*")
            if path.is_file() and f"/{urls.PLANS}/" in path.as_posix()
        }
        expected = {
            urls.download(urls.plan_slice(plan.plan_id, resource, extension))
            for plan in parts.plans_of(model, part)
            for resource in inputs.text_rows
            for extension in ("csv", "json")
        }
        assert {path for path in written if path.startswith(urls.download(""))} == expected, part.name
    assert any(parts.plans_of(model, part) for part in every) and not parts.plans_of(model, every[0])


def test_each_region_has_a_workbook_of_its_own_rows_and_the_hub_none(built_in_parts):
    """A site in parts has a workbook per region, linked from the data page: its plans' rows and the rows they refer
    to (another region's plan that they align with, say), no other region's targets; the hub makes no workbook of
    the whole package."""
    inputs, validation = pipeline.check(built_in_parts)
    model = assemble(inputs, validation.tables).model
    name, site = inputs.descriptor["name"], built_in_parts.site_dir
    assert not (site / urls.download(urls.package_file(name, "xlsx"))).exists()
    data_page = (site / "data" / "index.html").read_text(encoding="utf-8")
    for region in model.regions:
        address = urls.download(urls.region_workbook(name, region.code))
        assert f'href="../{address}"' in data_page
        book = openpyxl.load_workbook(site / address, read_only=True)
        own = {plan.plan_id for plan in region.plans}
        header, *rows = book["targets"].iter_rows(values_only=True)
        expected = [row["target_id"] for row in validation.tables["targets"] if row["plan_id"] in own]
        assert [row[header.index("target_id")] for row in rows] == expected, region.code  # its own, in order
        header, *rows = book["plans"].iter_rows(values_only=True)
        assert own <= {row[header.index("plan_id")] for row in rows}  # and the plans they refer to
        said = [str(cell) for row in book["README"].iter_rows(values_only=True) for cell in row]
        assert any(cell.startswith(f"{region.division.name_zh} {region.code}：") for cell in said), region.code


def test_every_link_of_a_site_built_in_parts_leads_to_a_file(built_in_parts):
    """Links between parts are written as addresses, which MkDocs does not check: every one is checked here."""
    site = built_in_parts.site_dir
    checked = 0
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # its links are from the site's root, wherever it is served
            continue
        for link in re.findall(r'(?:href|src)="(?![a-z]+:)([^"#?]+)', page.read_text(encoding="utf-8")):
            target = (page.parent / unquote(link)).resolve()
            assert (target / "index.html" if target.is_dir() else target).is_file(), (page, link)
            checked += 1
    assert checked > 10_000


@pytest.mark.slow
def test_parts_built_on_different_machines_make_the_same_site(built_in_parts, tmp_path):
    """Each part built by a job of its own (`build --part NAME`) in a checkout of its own, their folders gathered
    into another, whose `build` publishes them: the same bytes as one machine's build."""
    names = pipeline.part_names(built_in_parts)
    gathered = tmp_path / "gathered"
    for name in names:
        job = Paths(synth.project(tmp_path / name, PLANS))
        pipeline.build(job, only=name)
        assert rebuilt(job) == [name] and not job.site_dir.exists()
        shutil.copytree(job.part_dir(name), gathered / ".build" / "parts" / name)
    synth.project(gathered, PLANS)
    pipeline.build(Paths(gathered))
    assert rebuilt(Paths(gathered)) == []
    assert site_digest(gathered / "site") == site_digest(built_in_parts.site_dir)


def test_each_part_carries_only_its_own_navigation(built_in_parts):
    paths = built_in_parts
    region = (paths.site_dir / "plans" / "d0000-2023" / "index.html").read_text(encoding="utf-8")
    hub = (paths.site_dir / "plans" / "index.html").read_text(encoding="utf-8")
    pilot = (paths.site_dir / "plans" / "tianjin-pilot-2023" / "index.html").read_text(encoding="utf-8")
    # A region's page lists its own plans in the navigation, not another region's; the hub lists neither's plans
    # (its list of plans is its content, which links to every one).
    assert 'href="../d0001-2023/"' in region
    assert "tianjin-pilot-2023/" not in region
    assert "d0000-2023/" not in pilot
    # The navigation links a page of another part by its file: its plugin would read a folder as pages to list.
    assert 'href="../compare/210000/index.html"' in hub
    # Links from a region's pages to the hub's and back resolve to pages that were built.
    for page, link in [("plans/d0000-2023/index.html", "../../data/"), ("plans/index.html", "d0002-2023/")]:
        assert f'href="{link}"' in (paths.site_dir / page).read_text(encoding="utf-8")
        assert (paths.site_dir / Path(page).parent / link / "index.html").resolve().is_file()


@pytest.mark.parametrize("edition", ["", "en/"])
def test_a_regions_navigation_names_the_hubs_sections(built_in_parts, edition):
    """A region's pages name each section whose own page is the hub's (the plans, the comparisons, the downloads),
    and lead to that page; no entry of any part's navigation is nameless."""
    from bs4 import BeautifulSoup

    site = built_in_parts.site_dir
    names = {"": ["各区方案", "对比", "数据下载"], "en/": ["Plans", "Comparisons", "Downloads"]}[edition]
    for path in ["plans/d0000-2023/index.html", "compare/210000/targets/index.html", "plans/index.html"]:
        page = BeautifulSoup((site / edition / path).read_text(encoding="utf-8"), "html.parser")
        entries = [entry.get_text(" ", strip=True) for entry in page.select("nav.md-nav--primary .md-nav__link")]
        assert entries and "None" not in entries, (path, entries)
        for name in names:
            assert name in entries, (path, name)
    region = BeautifulSoup((site / edition / "plans/d0000-2023/index.html").read_text(encoding="utf-8"), "html.parser")
    hubs = {a.get_text(strip=True): a["href"] for a in region.select("nav.md-nav--primary a.md-nav__link")}
    assert hubs[names[0]] == "../index.html"
    assert hubs[names[2]] == "../../data/index.html"


def test_the_search_has_the_hubs_index_and_one_per_group_of_regions(built_in_parts):
    """The hub's index at pagefind/, each group's at pagefind/parts/<group>/ in both languages, and none of a
    region's own: the search page merges the groups' (overrides/search.html data-parts)."""
    paths = built_in_parts
    bundle = paths.site_dir / "pagefind"
    assert sorted(p.name for p in (bundle / "parts").iterdir()) == GROUPS
    for group in GROUPS:
        entry = json.loads((bundle / "parts" / group / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert sorted(entry["languages"]) == ["en", "zh"]
    assert not list(paths.part_site("210000").rglob("pagefind-entry.json"))
    search = (paths.site_dir / "search" / "index.html").read_text(encoding="utf-8")
    assert f'data-parts="{" ".join(GROUPS)}"' in search


def test_each_region_lists_its_own_citations_and_the_hub_indexes_every_document_once(built_in_parts):
    """The province of synthetic plans and Tianjin (its pilot programme alone, no comparisons) each have a page of the
    documents their plans cite, with exactly their citations; the hub's page names each document once, with how
    many plans cite it and a link to each region's entry."""
    from bs4 import BeautifulSoup

    data, site = built_in_parts.package_dir / "data", built_in_parts.site_dir
    region = {row["plan_id"]: row["district_code"][:2] + "0000" for row in synth.read(data / "plans.csv")}
    citations = synth.read(data / "citations.csv")
    assert set(region.values()) == {"120000", "210000"}
    for code in ("120000", "210000"):
        page = BeautifulSoup(
            (site / "compare" / code / "documents" / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        quoted = {a["href"] for a in page.select("article td a[href*='-c0']")}
        own = [c for c in citations if region[c["plan_id"]] == code]
        assert own and quoted == {f"../../../sources/{c['plan_id']}/#{c['citation_id']}" for c in own}
        assert {h["id"] for h in page.select("article h3[id]")} == {c["document_id"] for c in own}
    index = BeautifulSoup((site / "compare" / "documents" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = index.select("article tr[id]")
    documents = synth.read(data / "documents.csv")
    assert sorted(row["id"] for row in rows) == sorted(d["document_id"] for d in documents)  # each once
    for row in rows:
        citing = {c["plan_id"] for c in citations if c["document_id"] == row["id"]}
        cells = row.find_all("td")
        assert cells[1].get_text() == str(len(citing))
        codes = sorted({region[plan] for plan in citing})
        assert [a["href"] for a in cells[2].find_all("a")] == [f"../{code}/documents/#{row['id']}" for code in codes]
    assert not index.select("article a[href*='-c0']")  # the quotes are on the regions' pages
    # Tianjin has no comparisons: its part's navigation names its page of documents alone.
    pilot = (site / "plans" / "tianjin-pilot-2023" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../compare/120000/documents/"' in pilot
