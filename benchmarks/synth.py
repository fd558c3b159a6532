"""A synthetic national-scale data package with the real schema, made from the real one.

Each synthetic plan is a copy of one of the four real district plans under a new
name: its source text (renamed, so its own hash), chapters, measures, agencies,
projects and targets, with every id and every mention of the district renamed.
So every synthetic row passes the same provenance checks as the real ones, and
text lengths are those of real plans. Districts form a province → city → district
hierarchy: 31 provinces, ten cities each, then districts.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

from generator.base.paths import ROOT, copy_site_configuration

REAL = ["hedong-2023", "hebei-2022", "xiqing-2023", "jizhou-2023"]
NAMES = {"hedong-2023": "河东区", "hebei-2022": "河北区", "xiqing-2023": "西青区", "jizhou-2023": "蓟州区"}
PER_PLAN = ("chapters", "measures", "projects", "targets", "citations")


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, rows: list[dict], fields: list[str]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def project(destination: Path, plans: int) -> Path:
    """A project folder (package, hand-written docs, site configuration) with ``plans`` synthetic district plans."""
    shutil.copytree(ROOT / "docs", destination / "docs", ignore=shutil.ignore_patterns(
        "index*.md", "SUMMARY*.md", "plans", "sources", "compare", "data", "downloads", "charts"))  # fmt: skip
    copy_site_configuration(ROOT, destination)
    package = destination / "datapackage"
    (package / "data").mkdir(parents=True)
    (package / "sources").mkdir()
    real = ROOT / "datapackage"
    shutil.copy(real / "datapackage.json", package / "datapackage.json")
    tables = {name: read(real / "data" / f"{name}.csv") for name in _resource_names(real)}
    fields = {name: list(rows[0]) for name, rows in tables.items()}
    out = {name: [] for name in tables}
    out["action_areas"], out["indicators"], out["agencies"] = (
        tables["action_areas"],
        tables["indicators"],
        tables["agencies"],
    )
    city_pilot = "tianjin-pilot-2023"
    out["districts"] = [r for r in tables["districts"] if r["code"] == "120000"]
    out["plans"] = [r for r in tables["plans"] if r["plan_id"] == city_pilot]
    for name in PER_PLAN:
        out[name] += [r for r in tables[name] if r["plan_id"] == city_pilot]
    shutil.copy(real / "sources" / f"{city_pilot}.txt", package / "sources" / f"{city_pilot}.txt")
    for n in range(plans):
        _clone(n, tables, out, real, package)
    # The documents the synthetic plans cite (their citations are the real plans' under new ids), and the pilot's own.
    cited = {r["document_id"] for r in out["citations"]}
    out["documents"] = [
        r for r in tables["documents"] if r["plan_id"] == city_pilot or (not r["plan_id"] and r["document_id"] in cited)
    ]
    for code, (kind, name_en, parent) in sorted(out.pop("_divisions", {}).items()):
        level = "district" if kind == "区" else "municipality"
        out["districts"].append(
            {
                "code": code,
                "name_zh": f"合成{code}{kind}",
                "name_en": name_en,
                "level": level,
                "parent_code": parent,
                "translation": "machine",
            }
        )
    for name, rows in out.items():
        write(package / "data" / f"{name}.csv", rows, fields[name])
    return destination


def _resource_names(real: Path) -> list[str]:
    return [r["name"] for r in json.loads((real / "datapackage.json").read_text(encoding="utf-8"))["resources"]]


def _clone(n: int, tables: dict, out: dict, real: Path, package: Path) -> None:
    """Plan n: a copy of a real plan under new ids, in district n of the synthetic hierarchy.

    Its texts stay the real plan's words (so they pass the provenance checks); only
    the ids and the division change, and a first line makes its source file its own.
    """
    template = REAL[n % len(REAL)]
    plan_id = f"d{n:04d}-2023"
    province, city = n // 100, n // 10
    codes = {
        "province": f"{21 + province:02d}0000",
        "city": f"{21 + province:02d}{city % 10 + 1:02d}00",
    }  # not 12: Tianjin
    code = f"{codes['city'][:4]}{n % 10 + 1:02d}"
    out.setdefault("_divisions", {})
    out["_divisions"][codes["province"]] = ("省", f"Province {province}", "")
    out["_divisions"][codes["city"]] = ("市", f"City {city}", codes["province"])
    out["_divisions"][code] = ("区", f"District {n}", codes["city"])

    def rename(row: dict) -> dict:
        return {k: v.replace(template, plan_id) for k, v in row.items()}

    text = (
        f"合成数据：第{n}个区的方案（取自{NAMES[template]}方案原文）\n\n".encode()
        + (real / "sources" / f"{template}.txt").read_bytes()
    )
    (package / "sources" / f"{plan_id}.txt").write_bytes(text)
    plan = rename(next(r for r in tables["plans"] if r["plan_id"] == template))
    plan.update(
        district_code=code, source_file=f"sources/{plan_id}.txt", source_sha256=hashlib.sha256(text).hexdigest()
    )
    out["plans"].append(plan)
    for table in PER_PLAN:
        out[table] += [rename(r) for r in tables[table] if r["plan_id"] == template]
    measures = {r["measure_id"] for r in tables["measures"] if r["plan_id"] == template}
    for table in ("measure_agencies", "pilot_alignment"):
        out[table] += [rename(r) for r in tables[table] if r["measure_id"] in measures]
