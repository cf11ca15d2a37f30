"""What the adopted package needs: runtime dependencies, the notebooks group, unused requirement lines.

Requirements and environment files are hints: a name counts only when the code imports it, and an exact
pin (``numpy==1.26.4``, right for reproducing a paper) becomes a lower bound (``numpy>=1.26.4``),
because a package that pins exact versions cannot be installed next to other packages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from sciship.project import Project

FLOOR = (3, 10)  #: the oldest Python an adopted package asks for when nothing says otherwise


@dataclass(frozen=True)
class DepInfo:
    runtime: tuple[str, ...]  #: requirement strings for [project.dependencies]
    notebook: tuple[str, ...]  #: requirement strings for the notebooks dependency group
    unused: tuple[str, ...]  #: "requirements.txt:4: requests" lines never imported
    requires_python: str
    problems: tuple[tuple[str, str], ...]  #: (path, message)


def dependencies(project: Project, *, local: Iterable[str]) -> DepInfo:
    from sciship.imports.declared import collect
    from sciship.imports.resolve import distribution_for
    from sciship.imports.scan import scan_notebook, scan_source
    from sciship.imports.stdlib import is_stdlib_any

    declared = collect(project)
    by_name = {d.name: d for d in declared.items}
    own = set(local) | {"__future__"}
    runtime: dict[str, str] = {}
    notebook: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    used: set[str] = set()
    min_python = FLOOR if declared.requires_python is None else (0, 0)
    for path in project.files:
        is_nb = path.endswith(".ipynb")
        if not (path.endswith(".py") or is_nb) or "/.ipynb_checkpoints/" in f"/{path}":
            continue
        top = path.split("/")[0]
        if top in {"docs", "doc"} or path.endswith(("setup.py", "conftest.py")) or _is_test(path):
            continue
        text = project.read_text(path)
        if text is None:
            continue
        scanned = scan_notebook(text, path) if is_nb else scan_source(text, path)
        if scanned.min_python is not None and not is_nb:
            min_python = max(min_python, scanned.min_python)
        for site in scanned.imports:
            if site.level or site.top in own or is_stdlib_any(site.top) or site.top.startswith("_"):
                continue
            if site.top in _sibling_modules(project, path):
                continue
            res = distribution_for(site.module, declared=by_name)
            dist = res.distribution
            used.add(dist)
            spec = _requirement(dist, by_name.get(dist))
            if is_nb:
                notebook.setdefault(dist, spec)
            elif site.context in {"normal", "conditional"}:
                runtime.setdefault(dist, spec)
    unused = tuple(
        f"{d.path}{':' + str(d.line) if d.line else ''}: {d.requirement}"
        for d in declared.items
        if d.kind == "runtime" and not d.dump and d.name not in used and d.location != "project.dependencies"
    )
    env_py = _python_floor(declared.requires_python)
    low = max(min_python, env_py) if env_py else max(min_python, FLOOR)
    problems.extend((p.location(), p.message) for p in declared.problems)
    return DepInfo(
        tuple(sorted(runtime.values(), key=str.lower)),
        tuple(sorted(notebook.values(), key=str.lower)),
        unused,
        f">={low[0]}.{low[1]}",
        tuple(dict.fromkeys(problems)),
    )


def _is_test(path: str) -> bool:
    base = path.rsplit("/", 1)[-1]
    return (
        path.split("/", maxsplit=1)[0] in {"tests", "test"}
        or base.startswith("test_")
        or base.endswith("_test.py")
    )


def _sibling_modules(project: Project, path: str) -> set[str]:
    folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    out: set[str] = set()
    for f in project.files:
        if not f.startswith(folder):
            continue
        rest = f[len(folder) :]
        if rest.endswith(".py") and "/" not in rest:
            out.add(rest[:-3])
        elif rest.endswith("/__init__.py") and rest.count("/") == 1:
            out.add(rest.split("/")[0])
    return out


def _requirement(dist: str, declared: object) -> str:
    """The requirement to write: the declared one with ``==`` pins turned into lower bounds."""
    text = getattr(declared, "requirement", None)
    if not isinstance(text, str):
        return dist
    try:
        req = Requirement(text)
    except InvalidRequirement:  # a conda spec such as `numpy=1.26`
        m = re.match(r"^[A-Za-z0-9_.\-]+\s*=?=\s*([0-9][0-9.]*)", text)
        return f"{dist}>={m.group(1)}" if m else dist
    parts = []
    for spec in req.specifier:
        if spec.operator in {"==", "==="}:
            version = spec.version.rstrip(".*")
            parts.append(f">={version}")
        elif spec.operator != "!=":
            parts.append(str(spec))
    name = canonicalize_name(req.name)
    extras = f"[{','.join(sorted(req.extras))}]" if req.extras else ""
    return f"{name}{extras}{','.join(parts)}"


def _python_floor(spec: str | None) -> tuple[int, int] | None:
    if not spec:
        return None
    m = re.search(r"(\d+)\.(\d+)", spec)
    return (int(m.group(1)), int(m.group(2))) if m else None
