"""A plan received as a Word file (.docx): its paragraphs and headings in order, each on a line, and each table's
cells one per line (a merged cell once), read with python-docx.

Word can number a paragraph itself (a list or outline style): that number is not in the paragraph's text, so the
outline's 一、 or （一） would be missing. Such paragraphs are counted in a note for the reviewer.
"""

from __future__ import annotations

import io
import zipfile

from generator.base.problems import GeneratorError
from generator.draft.formats import Extracted, text_of_lines


def read(data: bytes, shown: str) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise GeneratorError(
            f"{shown}: not a Word file that can be read ({error}): open it in Word or WPS and save it as .docx"
        ) from None
    paragraphs = list(_paragraphs(document))
    numbered = [p.text.strip() for p in paragraphs if p.text.strip() and _numbered_by_word(p)]
    notes: tuple[str, ...] = ()
    if numbered:
        notes = (
            f"{shown}: Word numbers {len(numbered)} paragraph(s) itself (the first: “{numbered[0][:30]}”); their "
            "numbers are not in the text: check the chapters and measures against the document",
        )
    return Extracted(text_of_lines(p.text for p in paragraphs), notes)


def _paragraphs(container):
    """Every paragraph of the document or a table cell, in reading order, a table's cells row by row."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            seen = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:  # a merged cell is listed once for every column and row it spans
                        seen.add(cell._tc)
                        yield from _paragraphs(cell)
        else:
            yield block


def _numbered_by_word(paragraph) -> bool:
    """Whether Word adds a number to the paragraph (numbering set on it or on its style), which its text lacks."""
    properties = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        properties.append(style.element.pPr)
        style = style.base_style
    for p_pr in properties:
        if p_pr is not None and p_pr.numPr is not None:
            num_id = p_pr.numPr.numId
            return num_id is not None and num_id.val != 0  # numId 0 takes the style's numbering away
    return False
