"""The search's synonyms: groups of terms that mean one thing, kept in ``search_synonyms.csv`` beside this module.

A reader who searches for one term of a group finds the pages that use any of the group's terms in the language of
the edition (光伏 finds 太阳能; solar finds PV; on the Chinese edition, solar finds 光伏). The search page does that
in the browser (docs/assets/search.js), from the JSON that ``synonyms_json`` makes of the file; the build writes it
to ``urls.SEARCH_SYNONYMS``, next to that script. The first term of a group in each language is the site's own
word: its pages are listed first.

The file is the site's configuration, not data: it states no fact about a plan, so it stays out of the data package
and its provenance rules. Each row is one group: its Chinese terms, then its English ones, each cell a list of terms
separated by ``|``. One term belongs to one group only. At least one term of a group is on the site
(tests/test_synonyms.py); the others are what readers may type instead (solar, charger, EV). A topic may be only in
the original texts, in Chinese (氢能): its English terms (hydrogen) find them on the Chinese edition.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from generator.base.problems import GeneratorError

SYNONYMS = Path(__file__).parent / "search_synonyms.csv"
COLUMNS = ("zh", "en")
SEPARATOR = "|"


def read_groups(path: Path = SYNONYMS) -> list[dict[str, list[str]]]:
    """The groups of the file, each its terms by language ({"zh": [...], "en": [...]}); a malformed file stops the
    build with its line and column."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise GeneratorError(f"{path.name}:1:-: the columns must be {', '.join(COLUMNS)}")
        rows = list(reader)
    groups: list[dict[str, list[str]]] = []
    seen: dict[str, int] = {}  # a term, casefolded -> the line of its group
    for line, row in enumerate(rows, start=2):
        group = {}
        for column in COLUMNS:
            terms = [term.strip() for term in (row[column] or "").split(SEPARATOR)]
            if not all(terms):
                raise GeneratorError(f"{path.name}:{line}:{column}: an empty term (two {SEPARATOR} in a row?)")
            for term in terms:
                key = term.casefold()
                if key in seen:
                    raise GeneratorError(f"{path.name}:{line}:{column}: {term} is in the group of line {seen[key]} too")
                seen[key] = line
            group[column] = terms
        groups.append(group)
    return groups


def synonyms_json(groups: list[dict[str, list[str]]]) -> str:
    """The groups as the search page reads them: a JSON list of groups, each its terms by language."""
    return json.dumps(groups, ensure_ascii=False, separators=(",", ":")) + "\n"
