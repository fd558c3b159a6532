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
from collections.abc import Iterator

from . import formats, history, manifest, urls
from .load import Inputs
from .metadata import MEDIA_TYPES
from .site import Site
from .sources import sha256
from .validate import Validation

# Resources sliced per plan for the plan pages' download links, with their labels on the pages.
PER_PLAN = {"targets": "目标", "measures": "措施", "projects": "项目", "chapters": "章节"}
# The published descriptor's custom property listing each resource's files in other formats than CSV (one of the
# properties that only the published descriptor has: history.PUBLISHED_ONLY).
ALTERNATES = history.PUBLISHED_ONLY[-1]


def site_files(
    inputs: Inputs, validation: Validation, site: Site, readme: str, when: datetime.datetime
) -> Iterator[tuple[str, bytes]]:
    """Everything the site offers for download, by path under docs/, each as soon as it is made: this build's files
    under latest/ (the package in every format, the validation report, the build manifest), and each release's
    files. Only each file's size and hash are kept, for the manifest, so the downloads never stand in memory at once."""
    described = {}
    for path, data in build_downloads(inputs, site.descriptor, validation.tables, readme, when):
        described[path] = manifest.describe(data)
        yield urls.download(path), data
    report = _json_bytes(validation.report)
    described["validation-report.json"] = manifest.describe(report)
    yield urls.download("validation-report.json"), report
    built = manifest.build_manifest(site.descriptor["version"], manifest.tool_versions(), inputs.files, described)
    yield urls.download("build-manifest.json"), _json_bytes(built)
    for release in site.releases:
        versioned = history.release_files(release, site.descriptor["name"])
        yield from ((urls.release_download(release.version, path), data) for path, data in versioned.items())


def _json_bytes(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def build_downloads(
    inputs: Inputs, descriptor: dict, tables: dict[str, list[dict]], readme: str, when: datetime.datetime
) -> Iterator[tuple[str, bytes]]:
    """Every download, from the inputs' files and text rows and the typed ``tables``, each as soon as it is made;
    ``descriptor`` is the package's as published (its version says whether the data are a release: Site.version),
    ``readme`` goes into the ZIP."""
    data_files = inputs.data_files
    schemas = {r["name"]: r["schema"] for r in inputs.descriptor["resources"]}
    alternates = {
        resource: {"json": formats.to_json(rows), "parquet": formats.to_parquet(schemas[resource], rows)}
        for resource, rows in tables.items()
    }
    descriptor = published_descriptor(descriptor, data_files, alternates)
    descriptor_bytes = (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    name = descriptor["name"]
    table_files = {urls.data_file(resource, "csv"): data_files[resource] for resource in tables}
    for resource, by_format in alternates.items():
        table_files |= {urls.data_file(resource, fmt): data for fmt, data in by_format.items()}
    yield "datapackage.json", descriptor_bytes
    yield from inputs.source_files.items()
    yield from table_files.items()
    yield (
        urls.package_file(name, "xlsx"),
        formats.to_xlsx(
            readme_sheet(descriptor),
            {r: ([f["name"] for f in s["fields"]], tables[r]) for r, s in schemas.items()},
            when,
        ),
    )
    yield urls.package_file(name, "sqlite"), formats.to_sqlite(schemas, tables)
    package = {"datapackage.json": descriptor_bytes, "README.md": readme.encode("utf-8"), **inputs.source_files}
    package |= table_files
    yield urls.package_file(name, "zip"), formats.to_zip(package, when)
    del package, table_files, alternates
    headers = {r: [f["name"] for f in s["fields"]] for r, s in schemas.items()}
    yield from plan_slices(tables, inputs.text_rows, headers, schemas)


def published_descriptor(
    descriptor: dict, data_files: dict[str, bytes], alternates: dict[str, dict[str, bytes]] | None = None
) -> dict:
    """The repository's descriptor with each resource's size and SHA-256 filled in, and its files in other
    formats (``alternates``: resource -> format -> bytes) listed under ``ALTERNATES`` with theirs."""
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
                    "mediatype": MEDIA_TYPES[fmt],
                    "bytes": len(content),
                    "hash": f"sha256:{sha256(content)}",
                }
                for fmt, content in alternates[resource["name"]].items()
            ]
    return published


def readme_sheet(descriptor: dict) -> list[list[str]]:
    """The README sheet of the workbook: what the package is, then every sheet and field."""
    lines = [
        ["数据集 / Dataset", descriptor["title"]],
        ["版本 / Version", descriptor["version"]],
        ["说明 / Description", descriptor["description"]],
        ["许可 / Licence", "; ".join(lic.get("title", lic.get("name", "")) for lic in descriptor["licenses"])],
        [],
        ["工作表 / Sheet", "说明 / Description"],
    ]
    for resource in descriptor["resources"]:
        lines.append([resource["name"], f"{resource['title']}: {resource['description']}"])
    for resource in descriptor["resources"]:
        lines += [[], [resource["name"], resource["title"]]]
        lines += [[f["name"], f"{f['title']}: {f['description']}"] for f in resource["schema"]["fields"]]
    return lines


def plan_slices(
    tables: dict[str, list[dict]],
    text_rows: dict[str, list[dict[str, str]]],
    headers: dict[str, list[str]],
    schemas: dict[str, dict],
) -> Iterator[tuple[str, bytes]]:
    """Each plan's own rows of every resource, and every row they refer to by the descriptor's foreign keys (also
    within a table: a district's parent), as CSV (from the rows as the files write them) and JSON (from the typed
    rows), one file at a time.

    Every table is indexed once, so the cost grows with the rows, not with rows × plans.
    """
    primary_keys = {name: schema["primaryKey"] for name, schema in schemas.items()}
    index = {
        name: {tuple(row[k] for k in primary_keys[name]): i for i, row in enumerate(rows)}
        for name, rows in tables.items()
    }
    references = _references(tables, schemas)
    for plan_id, own in _rows_by_plan(tables).items():
        keep = _plan_keys(tables, own, plan_id)
        _close_references(keep, tables, references, index)
        for name, rows in tables.items():
            positions = sorted(index[name][key] for key in keep[name] if key in index[name])
            yield urls.plan_slice(plan_id, name, "csv"), _csv(headers[name], [text_rows[name][i] for i in positions])
            yield urls.plan_slice(plan_id, name, "json"), formats.to_json([rows[i] for i in positions])


def _references(tables: dict[str, list[dict]], schemas: dict[str, dict]) -> list[tuple[str, list[str], str, dict]]:
    """Every foreign key of the descriptor as (resource, its fields, the resource referred to, referred values ->
    the primary key of the row that has them); a v2 self-reference (no reference.resource) refers to its own."""
    found = []
    for name, schema in schemas.items():
        for foreign_key in schema.get("foreignKeys", []):
            target = formats.referenced(foreign_key, name)
            theirs, primary_key = _names(foreign_key["reference"]["fields"]), schemas[target]["primaryKey"]
            rows = {tuple(row[k] for k in theirs): tuple(row[k] for k in primary_key) for row in tables[target]}
            found.append((name, _names(foreign_key["fields"]), target, rows))
    return found


def _close_references(
    keep: dict[str, set[tuple]], tables: dict[str, list[dict]], references: list, index: dict
) -> None:
    """Add to ``keep`` every row that its rows refer to by a foreign key (a chapter's plan, a district's parent), and
    theirs in turn, so that a slice holds every row it refers to."""
    changed = True
    while changed:
        changed = False
        for name, own, target, rows in references:
            for key in [key for key in keep[name] if key in index[name]]:
                referred = rows.get(tuple(tables[name][index[name][key]][k] for k in own))
                if referred is not None and referred not in keep[target]:
                    keep[target].add(referred)
                    changed = True


def _names(fields: str | list[str]) -> list[str]:
    """A foreign key's fields: Table Schema allows one name as a string, or a list."""
    return [fields] if isinstance(fields, str) else list(fields)


def _csv(header: list[str], rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([row[name] for name in header] for row in rows)
    return out.getvalue().encode("utf-8")


def _rows_by_plan(tables: dict[str, list[dict]]) -> dict[str, dict[str, list[dict]]]:
    """plan_id -> resource -> the rows that belong to the plan (directly, or through one of its measures)."""
    plan_of_measure = {m["measure_id"]: m["plan_id"] for m in tables["measures"]}
    owned: dict[str, dict[str, list[dict]]] = {p["plan_id"]: {name: [] for name in tables} for p in tables["plans"]}
    for name, rows in tables.items():
        for row in rows:
            plan_id = row.get("plan_id") or plan_of_measure.get(row.get("measure_id", ""))
            if plan_id in owned:
                owned[plan_id][name].append(row)
    return owned


def _plan_keys(tables: dict[str, list[dict]], own: dict[str, list[dict]], plan_id: str) -> dict[str, set[tuple]]:
    """For every resource, the primary keys of the rows that belong to one plan or that its rows refer to."""
    measures = {r["measure_id"] for r in own["measures"]}
    links, alignment = own["measure_agencies"], own["pilot_alignment"]
    indicators = {r["indicator_id"] for r in own["targets"]}
    chapters = {r["chapter_id"] for r in own["chapters"]} | {r["content_id"] for r in alignment}
    areas = {r["area_id"] for r in own["chapters"]}
    areas |= {r["area_id"] for r in tables["indicators"] if r["indicator_id"] in indicators}
    documents = {r["document_id"] for r in own["citations"]} | {r["document_id"] for r in own["documents"]}
    # A cited document that is another of the package's plans brings that plan's row, which it refers to.
    plans = {plan_id} | {r["plan_id"] for r in tables["documents"] if r["document_id"] in documents and r["plan_id"]}
    keys = {
        "districts": {r["district_code"] for r in tables["plans"] if r["plan_id"] in plans},
        "plans": plans,
        "chapters": chapters,
        "measures": measures,
        "agencies": {r["agency_id"] for r in links},
        "projects": {r["project_id"] for r in own["projects"]},
        "action_areas": areas,
        "indicators": indicators,
        "targets": {r["target_id"] for r in own["targets"]},
        "documents": documents,
        "citations": {r["citation_id"] for r in own["citations"]},
    }
    single = {name: {(key,) for key in values} for name, values in keys.items()}
    return single | {
        "measure_agencies": {(r["measure_id"], r["position"]) for r in links},
        "pilot_alignment": {(r["measure_id"], r["content_id"]) for r in alignment},
    }
