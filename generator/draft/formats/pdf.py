"""A plan received as a PDF: the text of its text layer, page by page and line by line as pypdf reads it, in the
order the file draws it.

The lines are those of the printed page (a paragraph broken where the page breaks it, the page numbers ``- 3 -``
on lines of their own), as in the sources already published: quotes are matched with whitespace and page
numbers removed. A PDF without a text layer is a scan: there is no text to quote, and it is refused.
"""

from __future__ import annotations

import io

from generator.base.problems import GeneratorError
from generator.draft.formats import Extracted, ideographs, text_of_lines


def read(data: bytes, shown: str) -> Extracted:
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise GeneratorError(f"{shown}: the PDF is protected by a password: save it unprotected and draft that")
        pages = [page.extract_text() for page in reader.pages]
    except (PyPdfError, ValueError, KeyError) as error:
        raise GeneratorError(f"{shown}: not a PDF that can be read ({error})") from None
    text = text_of_lines(ideographs(page) for page in pages)
    if not text:
        raise GeneratorError(
            f"{shown}: the PDF has no text layer ({len(pages)} page(s) of images: a scan): there is no text to "
            "quote; find the plan as a web page, a Word file or a PDF with text, or type its text into a .txt file"
        )
    blank = [str(number) for number, page in enumerate(pages, start=1) if not page.strip()]
    notes = (f"{shown}: page(s) {', '.join(blank)} have no text layer (images): their text is not in the draft",)
    return Extracted(text, notes if blank else ())
