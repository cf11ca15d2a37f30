"""adopt's notes on the paths scripts and notebooks use, from the folder's data flow (:mod:`sciship.flow`).

Only real path arguments of file-access calls count (never an axis label, a regular expression or the
``.npy`` left over from an f-string), and a file some script writes is not missing.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciship.flow import PathUse, trace

if TYPE_CHECKING:
    from sciship.project import Project


@dataclass(frozen=True)
class PathNote:
    """Something the author must check about a path one script uses, at ``line`` of it."""

    line: int | None
    message: str


def _uses_in(project: Project, src: str) -> list[tuple[int, PathUse]]:
    """(line in ``src``, use) for the file accesses written in ``src`` (also those in its functions that
    another script calls)."""
    out = []
    for use in trace(project).uses:
        if use.via is not None:
            file, _, line = use.via.rpartition(":")
            if file == src:
                out.append((int(line), use))
        elif use.source == src:
            out.append((use.line, use))
    return out


def script_notes(project: Project, src: str) -> list[PathNote]:
    """What the author must check in ``src`` about paths once it is a module of a package."""
    flow = trace(project)
    step = flow.step(src)
    missing = set(flow.missing)
    notes: dict[tuple[int | None, str], None] = {}
    for line, use in _uses_in(project, src):
        verb = "reads" if use.access == "read" else "writes"
        if use.location == "absolute":
            message = (
                f"uses the absolute path `{use.written}`, which will not exist on other computers; put the "
                "file in the project (e.g. `data/`) and use a relative path"
            )
        elif use.location == "outside":
            message = (
                f"uses `{use.written}`, which is outside the project folder; move the file into the project "
                "and use a path inside it"
            )
        elif step is not None and step.workdir and use.source == src and use.written != use.path:
            message = (
                f"{verb} `{use.written}` relative to the script's own folder; commands run from the project "
                f"root, so change it to `{use.path}`"
            )
        elif use.access == "read" and use.path in missing:
            message = (
                f"reads `{use.path}`, which is not in the folder and that no script or notebook here "
                "writes; add the file or fix the path"
            )
        else:
            continue
        notes.setdefault((line, message))
    return [PathNote(line, message) for line, message in notes]


def moved_notebook_paths(project: Project, src: str, dest: str) -> list[tuple[str, str]]:
    """(as written, from the new folder) for each relative path a notebook opens that moving it breaks."""
    new_dir = posixpath.dirname(dest)
    changes: dict[tuple[str, str], None] = {}
    for _line, use in _uses_in(project, src):
        if use.location != "folder" or use.via is not None or use.path.startswith("**"):
            continue
        new = posixpath.relpath(use.path, new_dir or ".")
        if new != use.written:
            changes.setdefault((use.written, new))
    return list(changes)
