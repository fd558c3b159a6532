"""What Python-Markdown would save if the generated tables were written as HTML: an experiment, not part of the build.

    python benchmarks/tables_as_html.py DOCS_DIR [DOCS_DIR/plans/x.md ...]

For each page given (by default the first plan page, comparison page and indicator page of DOCS_DIR), it
converts the page with the site's Markdown extensions as it is, then again with every table block already
turned into HTML (which Python-Markdown passes through), and prints the milliseconds of each. MkDocs spends
most of its time in this conversion (profile-mkdocs-100.txt), and most of that in the inline patterns run
on every table cell.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import markdown

EXTENSIONS = ["tables", "admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed", "attr_list", "toc"]


def milliseconds(converter: markdown.Markdown, text: str, repeat: int = 3) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        converter.reset()
        converter.convert(text)
    return 1000 * (time.perf_counter() - start) / repeat


def tables_as_html(converter: markdown.Markdown, text: str) -> str:
    blocks = text.split("\n\n")
    for n, block in enumerate(blocks):
        if block.lstrip().startswith("|"):
            converter.reset()
            blocks[n] = converter.convert(block)
    return "\n\n".join(blocks)


def main() -> None:
    docs = Path(sys.argv[1])
    pages = [Path(p) for p in sys.argv[2:]] or [
        next(iter(sorted((docs / "plans").glob("*[0-9].md")))),
        next(iter(sorted(docs.glob("compare/*/targets.md")))),
        next(iter(sorted(docs.glob("compare/*/indicators/*[a-z0-9].md")))),
    ]
    converter = markdown.Markdown(extensions=EXTENSIONS)
    print("| page | characters | as Markdown (ms) | tables as HTML (ms) | ratio |\n|---|---|---|---|---|")
    for page in pages:
        text = page.read_text(encoding="utf-8")
        as_is = milliseconds(converter, text)
        html = milliseconds(converter, tables_as_html(converter, text))
        print(f"| {page.relative_to(docs)} | {len(text)} | {as_is:.0f} | {html:.0f} | {as_is / html:.1f} |")


if __name__ == "__main__":
    main()
