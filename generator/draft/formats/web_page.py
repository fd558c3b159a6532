"""A plan received as a web page saved from a government website (.html, .htm): the article alone, under the
page's title.

trafilatura finds the article among the page's navigation, breadcrumb, share buttons, lists of related documents,
footer and scripts, and gives it as XML (headings, paragraphs, line breaks, lists, tables); each of those becomes
a line, a table's cells one line each. The page's title (its <h1>, or its <title> less the site's name) often
stands above the article's container, where trafilatura leaves it out; it is put back as the first line when the
page shows it, since the title of a notice (…关于印发…的通知) names the issuer and the plan. The page's bytes are
read in the encoding it declares (a GB2312 page as well as a UTF-8 one), with no clock and no network: the same
page gives the same text.
"""

from __future__ import annotations

import re

from generator.base import sources as src
from generator.base.problems import GeneratorError
from generator.draft.formats import Extracted, text_of_lines

# trafilatura's XML elements that stand on lines of their own; a line break (lb) ends a line too.
BLOCKS = {"head", "p", "list", "item", "table", "row", "cell", "quote", "code"}
# Between a page's title and the site's name in its <title>: 关于…的通知_丙区人民政府网.
SITE_NAME_SEPARATOR = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s)\s*")


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
    lines = article_lines(etree.fromstring(article.encode("utf-8")).find("main"))
    title = page_title(data)
    if title and src.squeeze(title) not in src.squeeze("".join(lines)):
        lines.insert(0, title)
    return Extracted(text_of_lines(lines))


def article_lines(main) -> list[str]:
    """The text of trafilatura's <main>, broken into lines before and after each block and at each <lb/>."""
    for element in main.iter():
        if element.tag in BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
        elif element.tag == "lb":
            element.tail = "\n" + (element.tail or "")
    return "".join(main.itertext()).split("\n")


def page_title(data: bytes) -> str:
    """The page's title as trafilatura reads it (the <h1>, or the <title>) or, where that ends with the site's name
    (_丙区人民政府网), the part before it; only a title that the page's body shows, else ""."""
    import trafilatura
    from lxml import etree
    from trafilatura.utils import load_html

    metadata = trafilatura.extract_metadata(load_html(data))
    title = (metadata.title or "").strip() if metadata else ""
    body = load_html(data).find("body")
    if not title or body is None:
        return ""
    etree.strip_elements(body, "script", "style", with_tail=False)
    shown = src.squeeze("".join(body.itertext()))
    candidates = [title, SITE_NAME_SEPARATOR.split(title)[0]]
    return next((candidate for candidate in candidates if src.squeeze(candidate) in shown), "")
