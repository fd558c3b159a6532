"""The document as a maintainer received it, read for drafting: a web page, a Word file, a PDF or plain text, and
the UTF-8 text drafted from it, or a clear message of why not.

The text (the draft's source.txt, every quote checked against it) has one paragraph or heading per line; the
original's form and SHA-256 go into the plan row beside the text's, so that what is quoted traces back to the
file received. Only ``read_document`` reads a file; the readers (formats/) are pure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.base import sources as src
from generator.base.problems import GeneratorError

from .formats import Extracted, pdf, plain_text, web_page, word

# A file's suffix -> the format it is read as, which plans.received_format records.
FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
READERS: dict[str, Callable[[bytes, str], Extracted]] = {"html": web_page.read, "docx": word.read, "pdf": pdf.read}
ORIGINAL = "received"  # the original's name in the draft's folder, with its format as suffix: received.pdf
# Forms a maintainer may be sent that are read once saved in another.
SAVE_AS = {
    ".doc": "an old Word file: open it in Word or WPS and save it as .docx",
    ".wps": "a WPS file: open it in WPS and save it as .docx",
    ".rtf": "a rich-text file: open it in Word or WPS and save it as .docx",
    ".mht": "a web archive: open it in a browser and save the page as HTML only",
    ".mhtml": "a web archive: open it in a browser and save the page as HTML only",
    ".ofd": "an OFD file: print it to PDF, or copy its text into a .txt file",
}


@dataclass(frozen=True)
class Received:
    """A plan as received: the original file's form and bytes, and the text drafted from it."""

    format: str  # txt, html, docx or pdf
    original: bytes  # the file as received
    text: bytes  # UTF-8, one paragraph or heading per line: the draft's source.txt (the original itself for txt)
    notes: tuple[str, ...] = ()  # what the reviewer should know about the extraction

    @property
    def original_name(self) -> str | None:
        """The original's name in the draft's folder; None for text, which is source.txt itself."""
        return None if self.format == "txt" else f"{ORIGINAL}.{self.format}"

    def plan_fields(self) -> dict[str, str]:
        """The plan row's record of the file received."""
        return {"received_format": self.format, "received_sha256": src.sha256(self.original)}


def read_document(path: Path) -> Received:
    """The file at ``path``, read in the format its suffix names."""
    if not path.is_file():
        raise GeneratorError(f"{path}: no such file")
    return receive(path.read_bytes(), format_of(path), str(path))


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in SAVE_AS:
        raise GeneratorError(f"{path}: {SAVE_AS[suffix]}, and draft that")
    if suffix not in FORMATS:
        known = ", ".join(FORMATS)
        raise GeneratorError(f"{path}: the drafter reads {known} files, not {suffix or 'files without a suffix'}")
    return FORMATS[suffix]


def receive(data: bytes, form: str, shown: str) -> Received:
    """``data`` received in ``form``, with its text; a GeneratorError naming ``shown`` when there is none."""
    if form == "txt":
        return Received(form, data, plain_text.check_text(data, shown))
    if not data.strip():
        raise GeneratorError(f"{shown}: the file is empty: save the plan in it")
    extracted = READERS[form](data, shown)
    if not extracted.text:
        raise GeneratorError(f"{shown}: no text found in the {form} file")
    return Received(form, data, extracted.text.encode("utf-8"), extracted.notes)
