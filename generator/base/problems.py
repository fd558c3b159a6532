"""Problems found in the data package: errors as data, with file, row, field and type.

An error stops the build; a warning (``severity="warning"``) is printed and counted in the validation report, and
the build goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, precise enough for a maintainer to fix it.

    ``row`` is the line number in the CSV file (the header is line 1), or
    ``None`` when the problem concerns a whole file. ``type`` names the kind of
    problem, as frictionless names its errors (``type-error``, ``foreign-key``,
    ``not-in-source``, ``byte-order-mark``...): data for tests and tools, not printed. ``severity`` is
    ``"error"`` (the build stops) or ``"warning"`` (printed; the build goes on).
    """

    file: str
    row: int | None
    field: str
    type: str
    message: str
    hint: str = ""
    severity: str = "error"

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def __str__(self) -> str:
        row = "-" if self.row is None else str(self.row)
        warning = "warning: " if self.is_warning else ""
        text = f"{self.file}:{row}:{self.field or '-'}: {warning}{self.message}"
        return f"{text}; {self.hint}" if self.hint else text


class GeneratorError(Exception):
    """The generator could not finish; nothing was published."""


class InvalidPackage(GeneratorError):
    """The data package has problems (errors); nothing was published. ``warnings`` are what else was found;
    ``note`` what the command did before it found them (the drafter's account of a draft), printed first."""

    def __init__(self, problems: list[Problem], warnings: Sequence[Problem] = (), note: str = "") -> None:
        self.problems = sorted(problems, key=order)
        self.warnings = sorted(warnings, key=order)
        self.note = note
        super().__init__(f"{len(problems)} problem(s) in the data package")


# Problems that cause others, listed first: a key that breaks its pattern, then the references that miss it
# (keys.py). A maintainer who corrects them first sees the rest as they are.
CAUSES = ("key-pattern", "key-references")


def order(problem: Problem) -> tuple[bool, str, int, str, int, str]:
    """Causes first, then by file, row, field and message."""
    cause = CAUSES.index(problem.type) if problem.type in CAUSES else len(CAUSES)
    return (cause == len(CAUSES), problem.file, problem.row or 0, problem.field, cause, problem.message)


LISTED = 1000  # problems printed per file: more rarely tell more, for so many often share one cause


def listed(problems: list[Problem], limit: int = LISTED) -> list[Problem]:
    """The problems as printed: the first ``limit`` of each file, in order, then for each file cut short a problem
    that says how many it has and how many are not listed."""
    counts: dict[str, int] = {}
    shown = []
    for problem in problems:
        counts[problem.file] = counts.get(problem.file, 0) + 1
        if counts[problem.file] <= limit:
            shown.append(problem)
    cut = [(file, count) for file, count in counts.items() if count > limit]
    return shown + [_not_listed(file, count, limit, problems) for file, count in cut]


def _not_listed(file: str, count: int, limit: int, problems: list[Problem]) -> Problem:
    severity = next(p.severity for p in problems if p.file == file)
    kind = "warnings" if severity == "warning" else "problems"
    message = f"{count:,} {kind} in this file: the first {limit:,} are listed, the other {count - limit:,} are not"
    hint = "correct these and validate again; so many often share one cause (a shifted column, a wrong type)"
    return Problem(file, None, "", "not-listed", message, hint, severity)
