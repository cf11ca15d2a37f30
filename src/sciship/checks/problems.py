"""The files a review could not read or parse, as ``sciship check`` lists them under its findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sciship.project import Problem, Project


def review_problems(project: Project, *, debug: bool = False) -> list[Problem]:
    """The snapshot's problems plus the import scan's (e.g. Python 2 files), each once, in order."""
    from sciship.imports import analyze

    try:
        scanned = analyze(project).problems
    except Exception:
        if debug:
            raise
        scanned = []  # the DEP checks already say the analysis failed; the review still shows
    scan_problems = [
        p for p in scanned if p.path.endswith((".py", ".ipynb")) and "several distributions" not in p.message
    ]
    seen: set[tuple[str, int | None, str]] = set()
    out = []
    for p in [*project.problems, *scan_problems]:
        key = (p.path, p.line, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
