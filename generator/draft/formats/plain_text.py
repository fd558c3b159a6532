"""A plan received as plain text: kept byte for byte, once it is known to be UTF-8 text with something in it.

A draft of an empty file, of a binary file or of text in another encoding would be a draft with nothing in it,
or with garbled quotes that no check could match; such a file is refused, named, before anything is written.
"""

from __future__ import annotations

import codecs

from generator.base.problems import GeneratorError

# Bytes no text file holds: a NUL, or the other C0 controls but tab, line feed, form feed and carriage return.
BINARY = {*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)}


def check_text(data: bytes, shown: str) -> bytes:
    """``data`` itself when it is non-empty UTF-8 text; else a GeneratorError that says what it is instead."""
    if not data.strip():
        raise GeneratorError(f"{shown}: the file is empty: save the plan's text in it, as UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise GeneratorError(f"{shown}: UTF-16 text, not UTF-8: save the file as UTF-8")
    offset = next((i for i, byte in enumerate(data[:65536]) if byte in BINARY), None)
    if offset is not None:
        raise GeneratorError(
            f"{shown}: a binary file, not text (byte 0x{data[offset]:02x} at offset {offset}): "
            "save the plan as plain text (UTF-8) and draft that"
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise GeneratorError(f"{shown}: line {line} is not UTF-8 ({_guess(data)}): save the file as UTF-8") from None
    return data


def _guess(data: bytes) -> str:
    try:
        data.decode("gb18030")
        return "it reads as GB18030/GBK"
    except UnicodeDecodeError:
        return "its encoding is unknown"
