"""Downloads stage: the package in every format researchers reach for, yielded as (path, bytes) as each is made.

The CSV files are published byte for byte as the package holds them. The
published descriptor adds each file's size and SHA-256, so a reader can
check what they downloaded; JSON, Parquet, Excel, SQLite and the ZIP are built from
the typed rows validation kept, each plan's CSV slices from the text rows load parsed.

Each resource's JSON and Parquet files are listed in the published descriptor under the resource's custom
property ``ALTERNATES`` (Frictionless has no standard place for other formats of a resource): each with its path
(beside the CSV, relative to the descriptor), format, media type, size and SHA-256. The ZIP holds them too, so
that every path the descriptor names is found beside it, on the site and in the ZIP.
"""

from __future__ import annotations

import copy
import csv
import datetime
import io
import json
from collections.abc import Container, Iterator

from generator.base import urls
from generator.base.sources import sha256
from generator.downloads import formats, manifest
from generator.package import relations, releases
from generator.site import citation, history
from generator.site.assemble import Package, Site

# The published descriptor's custom property listing each resource's files in other formats than CSV (one of the
# properties that only the published descriptor has: history.PUBLISHED_ONLY).
ALTERNATES = history.PUBLISHED_ONLY[-1]


def site_files(
    site: Site, readme: str, when: datetime.datetime, every_plan: bool = True
) -> Iterator[tuple[str, bytes]]:
    """Everything the site offers for download, by path under docs/, each as soon as it is made: this build's files
    under latest/ (the package in every format, the validation report, the build manifest), and each release's
    files. Only each file's size and hash are kept, for the manifest, so the downloads never stand in memory at once.
    Without ``every_plan`` (the hub of a site in parts), not the workbook nor each plan's slices: each region's part
    writes its own (``region_files``)."""
    if site.package is None:
        raise ValueError("a site assembled without its package has no downloads")
    described = {}
    for path, data in build_downloads(site.package, site.descriptor, readme, when, every_plan):
        described[path] = manifest.describe(data)
        yield urls.download(path), data
    for path, data in (
        (urls.citation_file("bib"), citation.bibtex(site.cited).encode("utf-8")),
        (urls.citation_file("ris"), citation.ris(site.cited).encode("utf-8")),
    ):
        described[path] = manifest.describe(data)
        yield urls.download(path), data
    report = _json_bytes(site.package.report)
    described["validation-report.json"] = manifest.describe(report)
    yield urls.download("validation-report.json"), report
    built = manifest.build_manifest(site.descriptor["version"], manifest.tool_versions(), site.package.files, described)
    yield urls.download("build-manifest.json"), _json_bytes(built)
    for release in site.releases:
        versioned = releases.release_files(release, site.descriptor["name"])
        yield from ((urls.release_download(release.version, path), data) for path, data in versioned.items())


def _json_bytes(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def build_downloads(
    checked: Package, descriptor: dict, readme: str, when: datetime.datetime, every_plan: bool = True
) -> Iterator[tuple[str, bytes]]:
    """Every download, from the ``checked`` package's files, text rows and typed rows, each as soon as it is made;
    ``descriptor`` is the package's as published (its version says whether the data are a release: Site.version),
    ``readme`` goes into the ZIP. Without ``every_plan``, not the workbook nor each plan's slices (``site_files``)."""
    data_files, tables = checked.data_files, checked.tables
    schemas = {r["name"]: r["schema"] for r in checked.descriptor["resources"]}
    name = descriptor["name"]
    # The ZIP's entries in name order (formats.to_zip): the README, every table's files, the descriptor, the sources.
    # A table's JSON and Parquet are made when the ZIP comes to them, and written out then: only their sizes and
    # hashes are kept, for the descriptor, which comes after every table in name order. So one table's files at a
    # time stand in memory beside the compressed ZIP, never the whole package in every format.
    archive = formats.ZipWriter(when)
    table_files = {urls.data_file(resource, fmt): (resource, fmt) for resource in tables for fmt in TABLE_FORMATS}
    described: dict[str, dict[str, dict]] = {resource: {} for resource in tables}
    made: dict[str, bytes] = {}
    for entry in sorted(["README.md", "datapackage.json", *table_files, *checked.source_files]):
        if entry == "README.md":
            archive.add(entry, readme.encode("utf-8"))
            continue
        if entry == "datapackage.json":
            descriptor = published_descriptor(descriptor, data_files, described)
            data = (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        elif entry in table_files:
            resource, fmt = table_files[entry]
            if fmt == "csv":
                data = data_files[resource]
            else:
                if entry not in made:
                    made |= _other_formats(resource, tables[resource], schemas[resource])
                data = made.pop(entry)
                described[resource][fmt] = manifest.describe(data)
        else:
            data = checked.source_files[entry]
        archive.add(entry, data)
        yield entry, data
    yield urls.package_file(name, "zip"), archive.close()
    named = named_targets(tables, schemas)
    yield urls.named_targets("csv"), formats.to_spreadsheet_csv(*named)
    if every_plan:
        yield urls.package_file(name, "xlsx"), workbook(readme_sheet(descriptor), schemas, tables, named, when)
    del named
    yield urls.package_file(name, "sqlite"), formats.to_sqlite(schemas, tables)
    if every_plan:
        yield from plan_slices(checked, list(relations.slices(checked.relations, tables)))


def region_files(
    checked: Package, descriptor: dict, code: str, called: str, plans: Container[str], when: datetime.datetime
) -> Iterator[tuple[str, bytes]]:
    """What the part of the region ``code`` (``called``: its name) offers for download in a site in parts, by path under
    the downloads: each of its ``plans``' slices, and its workbook: the rows of every slice (the region's plans'
    rows and the rows they refer to), one sheet a table, with the targets' names joined in (``named_targets``)."""
    tables = checked.tables
    sliced = list(relations.slices(checked.relations, tables, plans))
    yield from plan_slices(checked, sliced)
    kept: dict[str, set[int]] = {table: set() for table in tables}
    for _, positions in sliced:
        for table, found in positions.items():
            kept[table].update(found)
    own = {table: [rows[i] for i in sorted(kept[table])] for table, rows in tables.items()}
    schemas = {r["name"]: r["schema"] for r in checked.descriptor["resources"]}
    readme = readme_sheet(descriptor, f"{called} {code}")
    yield (
        urls.region_workbook(descriptor["name"], code),
        workbook(readme, schemas, own, named_targets(own, schemas), when),
    )


def workbook(
    readme: list[list[str]],
    schemas: dict[str, dict],
    tables: dict[str, list[dict]],
    named: tuple[list[str], list[dict]],
    when: datetime.datetime,
) -> bytes:
    """The workbook of ``tables``: the ``readme`` sheet, a sheet a table, then the targets with names (``named``)."""
    sheets = {r: ([f["name"] for f in s["fields"]], tables[r]) for r, s in schemas.items()}
    sheets[NAMED_SHEET] = named
    return formats.to_xlsx(readme, sheets, when)


# Each table's files under data/: its CSV as the package holds it, and the formats made from its typed rows.
TABLE_FORMATS = ("csv", "json", "parquet")


def _other_formats(resource: str, rows: list[dict], schema: dict) -> dict[str, bytes]:
    """A table's files other than its CSV, by path under the downloads."""
    return {
        urls.data_file(resource, "json"): formats.to_json(rows),
        urls.data_file(resource, "parquet"): formats.to_parquet(schema, rows),
    }


def published_descriptor(
    descriptor: dict, data_files: dict[str, bytes], alternates: dict[str, dict[str, dict]] | None = None
) -> dict:
    """The repository's descriptor with each resource's size and SHA-256 filled in, and its files in other
    formats (``alternates``: resource -> format -> its size and SHA-256, manifest.describe) listed under
    ``ALTERNATES`` with theirs."""
    published = copy.deepcopy(descriptor)
    for resource in published["resources"]:
        data = data_files[resource["name"]]
        resource["bytes"] = len(data)
        resource["hash"] = f"sha256:{sha256(data)}"
        if alternates and resource["name"] in alternates:
            resource[ALTERNATES] = [
                {
                    "path": urls.data_file(resource["name"], fmt),
                    "format": fmt,
                    "mediatype": urls.MEDIA_TYPES[fmt],
                    "bytes": found["bytes"],
                    "hash": f"sha256:{found['sha256']}",
                }
                for fmt, found in alternates[resource["name"]].items()
            ]
    return published


# The workbook's sheet of the derived table (urls.named_targets): an Excel sheet's name has at most 31 characters.
NAMED_SHEET = urls.NAMED_TARGETS
# The derived table's joined columns, after target_id: (column, table, its field), each table's row found through
# the targets' plan_id (plans.plan_id), the plan's district_code (districts.code) and indicator_id.
NAMED_COLUMNS = (
    ("district_code", "plans", "district_code"),
    ("district_name_zh", "districts", "name_zh"),
    ("district_name_en", "districts", "name_en"),
    ("plan_id", "plans", "plan_id"),
    ("plan_title", "plans", "title"),
    ("plan_title_en", "plans", "title_en"),
    ("indicator_id", "indicators", "indicator_id"),
    ("indicator_name_zh", "indicators", "name_zh"),
    ("indicator_name_en", "indicators", "name_en"),
)
NAMED_DESCRIPTION = (
    "目标表，并入所属区、方案与指标的中英文名称，免去在电子表格中连接各表 / The targets with the names of their "
    "district, plan and indicator in Chinese and English joined in, so that a spreadsheet needs no join "
    "(derived from targets, plans, districts and indicators; not a table of the data package)"
)


def named_targets(tables: dict[str, list[dict]], schemas: dict[str, dict]) -> tuple[list[str], list[dict]]:
    """The targets with their district's, plan's and indicator's names (NAMED_COLUMNS) after target_id, then the
    target's own other columns as the package holds them, in the targets' order."""
    plans = {row["plan_id"]: row for row in tables["plans"]}
    districts = {row["code"]: row for row in tables["districts"]}
    indicators = {row["indicator_id"]: row for row in tables["indicators"]}
    joined_names = [column for column, _, _ in NAMED_COLUMNS]
    own = [f["name"] for f in schemas["targets"]["fields"] if f["name"] not in ("target_id", *joined_names)]
    rows = []
    for target in tables["targets"]:
        plan = plans[target["plan_id"]]
        found = {"plans": plan, "districts": districts[plan["district_code"]]}
        found["indicators"] = indicators[target["indicator_id"]]
        row = {"target_id": target["target_id"]}
        row |= {column: found[table][name] for column, table, name in NAMED_COLUMNS}
        row |= {name: target[name] for name in own}
        rows.append(row)
    return ["target_id", *joined_names, *own], rows


def readme_sheet(descriptor: dict, region: str = "") -> list[list[str]]:
    """The README sheet of the workbook: what the package is (of a region's workbook, which ``region`` it holds),
    then every sheet and field."""
    lines = [
        ["数据集 / Dataset", descriptor["title"]],
        ["版本 / Version", descriptor["version"]],
        ["说明 / Description", descriptor["description"]],
        *(
            [
                [
                    "地区 / Region",
                    f"{region}：本地区各方案的行，及其引用的行 / the rows of its plans, and the rows they refer to",
                ]
            ]
            if region
            else []
        ),  # fmt: skip
        ["许可 / Licence", "; ".join(lic.get("title", lic.get("name", "")) for lic in descriptor["licenses"])],
        [],
        ["工作表 / Sheet", "说明 / Description"],
    ]
    for resource in descriptor["resources"]:
        lines.append([resource["name"], f"{resource['title']}: {resource['description']}"])
    lines.append([NAMED_SHEET, NAMED_DESCRIPTION])
    for resource in descriptor["resources"]:
        lines += [[], [resource["name"], resource["title"]]]
        lines += [[f["name"], f"{f['title']}: {f['description']}"] for f in resource["schema"]["fields"]]
    fields = {(r["name"], f["name"]): f for r in descriptor["resources"] for f in r["schema"]["fields"]}
    lines += [[], [NAMED_SHEET, NAMED_DESCRIPTION], ["target_id", "= targets.target_id"]]
    for column, table, name in NAMED_COLUMNS:
        lines.append([column, f"= {table}.{name} ({fields[table, name]['title']})"])
    lines.append(["…", "其余各列同 targets / the other columns as in targets"])
    return lines


def plan_slices(checked: Package, sliced: list[tuple[str, dict[str, list[int]]]]) -> Iterator[tuple[str, bytes]]:
    """Each plan's slice of every resource (``sliced``: relations.slices, its own rows, and every row they refer to
    by the descriptor's foreign keys, also within a table: a district's parent), by path under the downloads, as
    CSV (from the rows as the files write them) and JSON (from the typed rows), one file at a time."""
    tables, text_rows = checked.tables, checked.text_rows
    headers = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in checked.descriptor["resources"]}
    for plan_id, kept in sliced:
        for name, rows in tables.items():
            yield urls.plan_slice(plan_id, name, "csv"), _csv(headers[name], [text_rows[name][i] for i in kept[name]])
            yield urls.plan_slice(plan_id, name, "json"), formats.to_json([rows[i] for i in kept[name]])


def _csv(header: list[str], rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([row[name] for name in header] for row in rows)
    return out.getvalue().encode("utf-8")
