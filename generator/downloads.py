"""Downloads stage: the package's files as researchers fetch them, returned as {path: bytes}.

The CSV files and the descriptor are published byte for byte as the package
holds them; JSON files are the same rows typed by the schema.
"""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal

import pandas as pd

from .load import Loaded

# Resources sliced per plan for the plan pages' download links, with their labels on the pages.
PER_PLAN = {"targets": "目标", "measures": "措施", "projects": "项目", "chapters": "章节"}


def build_downloads(loaded: Loaded, tables: dict[str, list[dict]], data_files: dict[str, bytes]) -> dict[str, bytes]:
    """``data_files`` maps each resource name to its CSV bytes."""
    files: dict[str, bytes] = {"datapackage.json": loaded.descriptor_bytes}
    files.update(loaded.sources)
    for name, rows in tables.items():
        files[f"data/{name}.csv"] = data_files[name]
        files[f"data/{name}.json"] = to_json(rows)
    plan_ids = [row["plan_id"] for row in tables["plans"]]
    for name in PER_PLAN:
        text = pd.read_csv(io.BytesIO(data_files[name]), dtype=str, keep_default_na=False)
        for plan_id in plan_ids:
            files[f"plans/{plan_id}/{name}.csv"] = text[text["plan_id"] == plan_id].to_csv(index=False).encode("utf-8")
            files[f"plans/{plan_id}/{name}.json"] = to_json([r for r in tables[name] if r["plan_id"] == plan_id])
    return files


def to_json(rows: list[dict]) -> bytes:
    """Records with the schema's types: numbers as numbers, dates as ISO strings, empty as null."""
    return (json.dumps(rows, ensure_ascii=False, indent=1, default=_json_value) + "\n").encode("utf-8")


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
