"""How a figure is meant, from the words around it (the methodology's 字段约定): 以上 after the figure is ``ge``,
不超过 before it ``le``, 突破 ``gt``, a range ``range``, and ``eq`` for 达到, 为, 下降X%, 提高到.

Pure: a clause and where its figure stands in, a comparator out.
"""

from __future__ import annotations

import re

from .figures import Figure

AFTER = (("及以上", "ge"), ("以上", "ge"), ("及以下", "le"), ("以下", "le"), ("以内", "le"))
BEFORE = (
    ("不低于", "ge"), ("不少于", "ge"), ("至少", "ge"), ("不超过", "le"), ("不高于", "le"), ("不大于", "le"),
    ("控制在", "le"), ("超过", "gt"), ("突破", "gt"), ("高于", "gt"), ("大于", "gt"), ("多于", "gt"), ("低于", "lt"),
    ("少于", "lt"), ("小于", "lt"), ("不足", "lt"),
)  # fmt: skip
# Words that may stand between the comparator and the figure: 不低于达到50%, 不超过原规模2/3.
BETWEEN = r"(?:达到|达|为|使用|建设|原[\u4e00-\u9fff]{0,3}?的?)?"
# 分别达到45%和50%以上: 以上 after the last figure of a list is read for every figure of it.
LIST_JOIN = re.compile(r"^\s*(?:和|、|及|与|，)\s*$")


def comparator(clause: str, figure: Figure, following: Figure | None = None) -> str:
    """``following`` is the next figure of the clause, whose 以上 a figure listed before it shares."""
    if figure.high:
        return "range"
    if figure.words:
        return _before(clause, figure) or "eq"
    found = _after(clause, figure) or _before(clause, figure)
    if not found and following is not None and LIST_JOIN.match(clause[figure.end : following.start]):
        found = _after(clause, following)
    return found or "eq"


def _after(clause: str, figure: Figure) -> str:
    after = clause[figure.end : figure.end + 3]
    return next((c for word, c in AFTER if after.startswith(word)), "")


def _before(clause: str, figure: Figure) -> str:
    before = clause[: figure.start].rstrip()
    return next((c for word, c in BEFORE if re.search(f"{word}{BETWEEN}$", before)), "")
