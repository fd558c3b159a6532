"""The drafter's commands, as cli.py calls them: draft a document, accept a reviewed draft, evaluate the drafter.

Each returns the text to print, or raises a GeneratorError (InvalidPackage with file:row:field problems).
"""

from __future__ import annotations

from pathlib import Path

from generator.base.paths import Paths
from generator.base.problems import GeneratorError, InvalidPackage
from generator.draft import accept, evaluate, package, preview, propose, received


def draft(
    paths: Paths,
    document: Path | None,
    district_code: str | None,
    plan_id: str,
    to_accept: str | None,
    to_preview: str | None = None,
) -> str:
    if to_preview:
        page = preview.preview(paths, to_preview)
        return f"Built the draft's preview: open {page} (its rows least confident first), or its site {page.parent}/"
    if to_accept:
        moved = accept.accept(paths, to_accept)
        counts = ", ".join(f"{n} {name}" for name, n in moved.items() if n)
        return f"Accepted into datapackage/data/: {counts or 'nothing (no row is accepted)'}."
    if document is None:
        raise GeneratorError("name the document to draft, or --accept PLAN_ID, or --preview PLAN_ID")
    descriptor = package.load_descriptor(paths)
    if plan_id:
        package.check_plan_id(descriptor, plan_id, "--plan-id")
    reference = {name: package.published_rows(paths, descriptor, name) for name in package.REFERENCE}
    original = received.read_document(document)
    result = propose.propose(original.text, reference, district_code, plan_id)
    if not result.plan_id:
        raise GeneratorError(f"{document}: the title names no known district: give --district-code 1201xx")
    published = package.published_rows(paths, descriptor, "plans")
    if any(row["plan_id"] == result.plan_id for row in published):
        raise GeneratorError(f"plan {result.plan_id} is already published: give another --plan-id")
    result.tables["plans"][0] |= original.plan_fields()
    folder = package.write_draft(paths, descriptor, result, original)
    problems = package.check_draft(descriptor, reference, result)
    told = propose.account(result)  # how many rows of each table, and what the document did not give
    if problems:
        raise InvalidPackage(problems, note=f"Wrote {folder.relative_to(paths.root)}/:\n{told}")
    source = f"its text, extracted from {original.original_name}," if original.original_name else "its source"
    drafted = (
        f"Wrote {folder.relative_to(paths.root)}/, every row pending review; {source} joins "
        f"datapackage/{result.source_file} with the plan row.\n{told}\nReview (python -m generator draft --preview "
        f"{result.plan_id} shows each row in its passage), then: python -m generator draft --accept {result.plan_id}"
    )
    return "\n".join([drafted, *(f"Note: {note}" for note in original.notes)])


def draft_eval(paths: Paths) -> str:
    text = evaluate.table(evaluate.evaluate(paths))
    paths.draft_evaluation.write_text(text, encoding="utf-8")
    return text
