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
from collections.abc import Iterator
from typing import Any

import attrs

from generator.package import checks
from generator.package.load import Inputs
from generator.package.regional import Portion

LONG = 1024  # characters: a text this long (a plan's source) is fed by its own SHA-256, computed once


def portion_digests(inputs: Inputs, portions: list[Portion], lookups: list[Any]) -> list[str]:
    """Each portion's digest, validated with the checks ``lookups``; each lookup is read once for all portions, and
    each long text it holds hashed once."""
    holders: dict[str, list[int]] = {}  # a cell's value -> the portions whose rows hold it
    for index, portion in enumerate(portions):
        for value in {v for name, positions in portion.rows.items() for p in positions
                      for v in inputs.text_rows[name][p].values()}:  # fmt: skip
            holders.setdefault(value, []).append(index)
    texts: dict[int, str] = {}  # id of a long text -> its SHA-256 (the texts live as long as the checks)

    def by_portion(lookup: dict[str, Any]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = [{} for _ in portions]
        for key, value in lookup.items():
            for index in holders.get(key, ()):
                found[index][key] = _brief(value, texts)
        return found

    common = hashlib.sha256()
    _feed(common, "descriptor", [inputs.descriptor_file, inputs.descriptor])
    split = [("sources", by_portion(inputs.source_files))]
    for name, field, value in _attributes(lookups):
        if field in checks.KEYED_BY_CELL:
            split.append((name, by_portion(value)))
        else:
            _feed(common, name, value)
    digests = []
    for index, portion in enumerate(portions):
        h = common.copy()
        for resource in sorted(portion.rows):
            _feed(h, f"rows {resource}", list(portion.rows[resource]))
            _feed(h, f"data {resource}", portion.data[resource])
        for name, entries in split:
            _feed(h, name, entries[index])
        digests.append(h.hexdigest())
    return digests


def keys_digest(descriptor: dict[str, Any], data: dict[str, bytes], lookups: list[Any]) -> str:
    """The digest of the verdict on the key columns (regional.key_tables: ``descriptor`` and ``data``), validated
    with the checks ``lookups``."""
    h = hashlib.sha256()
    _feed(h, "descriptor", descriptor)
    for name in sorted(data):
        _feed(h, f"data {name}", data[name])
    for name, _, value in _attributes(lookups):
        _feed(h, name, value)
    return h.hexdigest()


def _attributes(lookups: list[Any]) -> Iterator[tuple[str, str, Any]]:
    """(a name, the field, its value) of every attribute a check is made with but a function (can_draw: the code's)."""
    for index, check in enumerate(lookups):
        for field in attrs.fields(type(check)):
            value = getattr(check, field.name)
            if field.init and not callable(value):
                yield f"{index} {type(check).__name__}.{field.name}", field.name, value


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
