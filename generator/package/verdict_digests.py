"""What a part of validation is made from, as a digest: a verdict kept with it (build/checking.py) holds while the
digest is the same.

A portion's verdict (regional.py) is made from the descriptor, the portion's rows (their lines and their places in
the files, which its problems name), the sources its cells name, and what the checks look up for its rows: of the
lookups keyed by a cell (checks.KEYED_BY_CELL), only the entries of the portion's own cells' values. The verdict on
the key columns is made from them and the checks across rows. Neither digest holds the code that validates: the
caller adds it.

Pure: values in, digests out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import attrs

from generator.package import checks
from generator.package.load import Inputs
from generator.package.regional import Portion

LONG = 1024  # characters: a text this long (a plan's source) is fed by its own SHA-256, computed once


def portion_digester(inputs: Inputs, lookups: list[Any]) -> Callable[[Portion], str]:
    """The digest of a portion's verdict, validated with the checks ``lookups``: each long text they look up is
    hashed once for all portions."""
    texts: dict[int, str] = {}  # id of a long text -> its SHA-256 (the texts live as long as the checks)

    def digest(portion: Portion) -> str:
        cells = {value for name, positions in portion.rows.items() for p in positions
                 for value in inputs.text_rows[name][p].values()}  # fmt: skip
        h = hashlib.sha256()
        _feed(h, "descriptor", [inputs.descriptor_file, inputs.descriptor])
        for name in sorted(portion.rows):
            _feed(h, f"rows {name}", list(portion.rows[name]))
            _feed(h, f"data {name}", portion.data[name])
        _feed(h, "sources", _mine(inputs.source_files, cells, texts))
        _feed_checks(h, lookups, cells, texts)
        return h.hexdigest()

    return digest


def keys_digest(descriptor: dict[str, Any], data: dict[str, bytes], lookups: list[Any]) -> str:
    """The digest of the verdict on the key columns (regional.key_tables: ``descriptor`` and ``data``), validated
    with the checks ``lookups``."""
    h = hashlib.sha256()
    _feed(h, "descriptor", descriptor)
    for name in sorted(data):
        _feed(h, f"data {name}", data[name])
    _feed_checks(h, lookups, None, {})
    return h.hexdigest()


def _feed_checks(h: Any, lookups: list[Any], cells: set[str] | None, texts: dict[int, str]) -> None:
    """Every attribute a check is made with but a function (can_draw: the code's); of a lookup keyed by a cell, the
    entries of ``cells`` alone (all of them when None)."""
    for index, check in enumerate(lookups):
        for field in attrs.fields(type(check)):
            value = getattr(check, field.name)
            if field.init and not callable(value):
                if field.name in checks.KEYED_BY_CELL:
                    value = _mine(value, cells, texts)
                _feed(h, f"{index} {type(check).__name__}.{field.name}", value)


def _mine(lookup: dict[str, Any], cells: set[str] | None, texts: dict[int, str]) -> dict[str, Any]:
    """The entries of ``lookup`` whose key is one of ``cells`` (all when None), a long text by its SHA-256."""
    return {key: _brief(value, texts) for key, value in lookup.items() if cells is None or key in cells}


def _brief(value: Any, texts: dict[int, str]) -> Any:
    """A long text (or file) by its SHA-256, computed once: the lookups hold the same texts for every portion."""
    if not isinstance(value, (str, bytes)) or len(value) < LONG:
        return value
    if id(value) not in texts:
        data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
        texts[id(value)] = hashlib.sha256(data).hexdigest()
    return texts[id(value)]


def _feed(h: Any, name: str, value: Any) -> None:
    """Name and length first, so that no two different sequences of values hash alike."""
    data = (
        value
        if isinstance(value, bytes)
        else json.dumps(value, sort_keys=True, ensure_ascii=False, default=_plain).encode()
    )
    h.update(f"{name}\0{len(data)}\0".encode())
    h.update(data)


def _plain(value: Any) -> Any:
    """What json cannot write, as it can: a set in order, bytes by their SHA-256."""
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    raise TypeError(f"a check's attribute of type {type(value).__name__} has no digest")
