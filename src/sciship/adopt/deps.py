"""What the adopted package needs, from sciship's dependency engine (:func:`sciship.imports.analyze`).

The engine reads the unpackaged folder as it is: scripts have the scope ``script``, notebooks
``notebook``; requirements files and conda environments are declarations; the folder's own modules
(also those next to a script in a sub-folder) are first-party. From its verdicts:

- a distribution imported by a script becomes a runtime dependency when sciship *knows* its name:
  found in the environment sciship runs in, in sciship's curated import map, or declared by the author
  in a requirements/environment file. An import that is none of these (``import my``, a library that
  may only exist on GitHub) is never added as a guessed PyPI name: the plan says so and leaves it to
  the author;
- a distribution only notebooks import goes to the ``notebooks`` dependency group, by the same rule;
- requirement lines the code never imports are reported, not added;
- an exact pin (``numpy==1.26.4``, right for reproducing a paper) becomes a lower bound
  (``numpy>=1.26.4``), because a package that pins exact versions cannot be installed next to others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

if TYPE_CHECKING:
    from sciship.imports.analysis import DependencyVerdict
    from sciship.imports.declared import Declaration
    from sciship.project import Project

FLOOR = (3, 10)  #: the oldest Python an adopted package asks for when nothing says otherwise
_CODE_SCOPES = frozenset({"script", "runtime", "optional", "typing"})


@dataclass(frozen=True)
class DepInfo:
    """What an adopted package depends on: the requirements adopt declares, the Python it needs, and what it
    leaves to the author."""

    runtime: tuple[str, ...]  #: requirement strings for [project.dependencies]
    notebook: tuple[str, ...]  #: requirement strings for the notebooks dependency group
    unused: tuple[str, ...]  #: "requirements.txt:4: requests" lines never imported
    requires_python: str
    problems: tuple[tuple[str, str], ...]  #: (path, message)
    unresolved: tuple[str, ...] = ()  #: plain sentences: imports sciship could not name a package for


def dependencies(project: Project) -> DepInfo:
    """The dependencies of an unpackaged folder, from sciship's import analysis of its scripts and notebooks.

    Only a distribution sciship knows by name becomes a requirement; any other import is described in
    ``unresolved`` for the author to settle.
    """
    from sciship.imports import analyze
    from sciship.imports.declared import collect

    report = analyze(project)
    declared: dict[str, Declaration] = {}
    for d in collect(project).items:
        if d.name not in declared or (d.kind == "runtime" and declared[d.name].kind != "runtime"):
            declared[d.name] = d
    runtime: dict[str, str] = {}
    notebook: dict[str, str] = {}
    unresolved: list[str] = []
    unused: list[str] = []
    for v in report.dependencies:
        scopes = set(v.scopes)
        if v.status == "unused":
            unused.extend(_unused_lines(v, declared))
            continue
        code = bool(scopes & _CODE_SCOPES)
        if not code and "notebook" not in scopes:
            continue  # imported by tests or docs only
        if v.distribution is None or not _known(v):
            unresolved.append(_unresolved(v, notebook_only=not code))
            continue
        spec = _requirement(v.distribution, declared.get(v.distribution))
        (runtime if code else notebook)[v.distribution] = spec
    problems = [
        (p.location(), p.message) for p in report.problems if not p.path.endswith(".py")
    ]  # a script that does not parse is reported by adopt itself, next to what it did with the file
    return DepInfo(
        tuple(sorted(runtime.values(), key=str.lower)),
        tuple(sorted(notebook.values(), key=str.lower)),
        tuple(unused),
        _requires_python(report.requires_python.detected_minimum, report.requires_python.declared_minimum),
        tuple(dict.fromkeys(problems)),
        tuple(unresolved),
    )


def _known(v: DependencyVerdict) -> bool:
    """The engine resolved the name (environment, curated map) or the author declared it."""
    if v.candidates:  # several distributions provide the import; the author has to choose
        return False
    return v.status not in {"unverified", "unresolved"} and (
        v.source in {"environment", "curated"} or bool(v.declared)
    )


def _unresolved(v: DependencyVerdict, *, notebook_only: bool) -> str:
    name = v.imports[0] if v.imports else v.distribution
    files = ", ".join(v.files[:4]) + (f" and {len(v.files) - 4} more" if len(v.files) > 4 else "")
    where = "[dependency-groups] notebooks" if notebook_only else "[project.dependencies]"
    if v.candidates:
        return (
            f"`{name}` is imported by {files} and is provided by several packages "
            f"({', '.join(v.candidates)}); add the one you use to {where} yourself"
        )
    if v.suggestions:
        close = " or ".join(f"`{s}`" for s in v.suggestions)
        return (
            f"`{name}` is imported by {files}, but no module of that name is in this folder and no package "
            f"sciship knows provides it: did you mean {close} (in this folder)? If it is a package, add its "
            f"`pip install` name to {where} yourself"
        )
    return (
        f"`{name}` is imported by {files} but sciship cannot tell which package provides it; "
        f"add it to {where} yourself if it is on PyPI (`pip install` name), or install it by hand"
    )


def _unused_lines(v: DependencyVerdict, declared: dict[str, Declaration]) -> list[str]:
    d = declared.get(v.distribution) if v.distribution is not None else None
    if d is None or d.dump or d.location.startswith("project."):
        return []
    return [f"{d.path}{':' + str(d.line) if d.line else ''}: {d.requirement}"]


def _requirement(dist: str, declared: Declaration | None) -> str:
    """The requirement to write: the declared one with ``==`` pins turned into lower bounds."""
    if declared is None or declared.kind != "runtime":
        return dist
    text = declared.requirement.split("#", 1)[0].strip()
    try:
        req = Requirement(text)
    except InvalidRequirement:  # a conda spec such as `numpy=1.26`
        m = re.match(r"^[A-Za-z0-9_.\-]+\s*=?=\s*([0-9][0-9.]*)", text)
        return f"{dist}>={m.group(1).rstrip('.')}" if m else dist
    parts = []
    for spec in req.specifier:
        if spec.operator in {"==", "==="}:
            parts.append(f">={spec.version.removesuffix('.*')}")
        elif spec.operator != "!=":
            parts.append(str(spec))
    name = canonicalize_name(req.name)
    if name != dist:
        return dist
    extras = f"[{','.join(sorted(req.extras))}]" if req.extras else ""
    marker = f"; {req.marker}" if req.marker else ""
    return f"{name}{extras}{','.join(parts)}{marker}"


def _requires_python(detected: str | None, declared: str | None) -> str:
    """``>=`` the newest of: what the code needs, what the environment files say, else :data:`FLOOR`."""
    low = _version(declared) or FLOOR
    need = _version(detected)
    if need is not None:
        low = max(low, need)
    return f">={low[0]}.{low[1]}"


def _version(text: str | None) -> tuple[int, int] | None:
    m = re.search(r"(\d+)\.(\d+)", text or "")
    return (int(m.group(1)), int(m.group(2))) if m else None
