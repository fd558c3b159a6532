"""A plan received as a web page saved from a government website (.html, .htm): the article alone.

trafilatura finds the article among the page's navigation, breadcrumb, share buttons, lists of related documents,
footer and scripts, and gives it as XML (headings, paragraphs, line breaks, lists, tables); each of those becomes
a line, a table's cells one line each. It reads the page's bytes in the encoding the page declares (a GB2312
page as well as a UTF-8 one), and uses no clock and no network: the same page gives the same text.
"""

from __future__ import annotations

from ...problems import GeneratorError
from . import Extracted, text_of_lines

# trafilatura's XML elements that stand on lines of their own; a line break (lb) ends a line too.
BLOCKS = {"head", "p", "list", "item", "table", "row", "cell", "quote", "code"}


def read(data: bytes, shown: str) -> Extracted:
    import trafilatura
    from lxml import etree

    article = trafilatura.extract(
        data,
        output_format="xml",
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        with_metadata=False,  # the metadata's dates are judged against today's: not needed, and not reproducible
        deduplicate=False,
    )
    if not article:
        raise GeneratorError(
            f"{shown}: no article found in the page: save the page as the government's site shows it (HTML), "
            "or copy the plan's text into a .txt file and draft that"
        )
    main = etree.fromstring(article.encode("utf-8")).find("main")
    return Extracted(text_of_lines(lines(main)))


def lines(main) -> list[str]:
    """The text of trafilatura's <main>, broken into lines before and after each block and at each <lb/>."""
    for element in main.iter():
        if element.tag in BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
        elif element.tag == "lb":
            element.tail = "\n" + (element.tail or "")
    return "".join(main.itertext()).split("\n")
