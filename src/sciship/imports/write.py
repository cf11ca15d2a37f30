"""``sciship deps --write``: turn the verdicts into a Plan that declares what the code needs.

Missing runtime dependencies go to ``[project] dependencies``, test-only ones to the ``test``
dependency group (PEP 735), guarded (optional) imports to an extra named after the distribution. No
version pins; ``floors=True`` adds ``>=`` the installed version. Comments and layout of
pyproject.toml are kept (tomlkit). A folder without pyproject.toml gets its requirements.txt updated.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

    from sciship.imports.analysis import DependencyVerdict, DepsReport
    from sciship.plan import Plan
    from sciship.project import Project

Target = Literal["runtime", "test", "optional"]
ALL_TARGETS: frozenset[Target] = frozenset({"runtime", "test", "optional"})


def requirement(v: DependencyVerdict, *, floors: bool) -> str:
    """``name``, ``name>=1.2`` with floors, plus ``; marker`` when every runtime import is conditional."""
    text = v.name
    if floors:
        version = _installed(v.name)
        if version:
            text += f">={version}"
    if v.marker:
        text += f"; {v.marker}"
    return text


def _installed(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None
    except Exception:
        return None


def additions(
    report: DepsReport, targets: Iterable[Target] = ALL_TARGETS
) -> dict[Target, list[DependencyVerdict]]:
    """What ``--write`` would add, by target.

    Only what the code needs at import time goes to ``[project] dependencies``: a package imported only
    inside functions or under ``try/except ImportError`` goes to an extra when something says which
    (``optional``), and is otherwise left to the author (:func:`left_for_author`).
    """
    wanted = set(targets)
    out: dict[Target, list[DependencyVerdict]] = {"runtime": [], "test": [], "optional": []}
    needed = report.needed_scopes
    for v in report.dependencies:
        if v.distribution is None:
            continue
        scopes = set(v.scopes)
        if v.status in {"missing", "misplaced", "indirect"} and scopes & needed:
            out["runtime"].append(v)
        elif (
            v.status in {"missing", "indirect"}
            and "test" in scopes
            and report.packaged
            and not scopes & {"lazy"}
        ):
            out["test"].append(v)
        elif v.status == "optional":
            out["optional"].append(v)
    return {k: (vs if k in wanted else []) for k, vs in out.items()}


def left_for_author(report: DepsReport) -> list[DependencyVerdict]:
    """Packages the package code imports only inside functions, declared nowhere: runtime dependency or
    extra is the author's decision (sciship never adds them to the runtime list)."""
    if not report.packaged:
        return []
    return [
        v
        for v in report.dependencies
        if v.distribution is not None
        and v.status in {"missing", "indirect"}
        and "lazy" in v.scopes
        and not set(v.scopes) & report.needed_scopes
    ]


def plan_write(
    project: Project,
    report: DepsReport,
    plan: Plan,
    *,
    floors: bool = False,
    targets: Iterable[Target] = ALL_TARGETS,
) -> int:
    """Add the missing declarations to ``plan``. Returns how many requirements it adds."""
    targets = tuple(targets)
    adds = additions(report, targets)
    count = sum(len(v) for v in adds.values())
    needed = report.needed_scopes
    unknown = [
        v for v in report.dependencies if v.status in {"unverified", "unresolved"} and set(v.scopes) & needed
    ]
    if unknown:
        plan.note(
            "Not added, because sciship could not confirm their names on PyPI: "
            + ", ".join(f"`{v.imports[0] if v.imports else v.name}`" for v in unknown)
            + ". If they are your own modules, ignore this; otherwise check each name (the package's "
            "documentation says `pip install ...`) and add it by hand."
        )
    lazy = left_for_author(report) if "runtime" in targets else []
    if lazy:
        plan.note(
            "Not added to `[project] dependencies`: "
            + ", ".join(f"`{v.name}`" for v in lazy)
            + ", which your package imports only inside functions. If every user needs "
            + ("it" if len(lazy) == 1 else "them")
            + ", add it to `dependencies`; if only some features need it, offer it as an extra "
            "(`[project.optional-dependencies]`)."
        )
    if not count:
        return 0
    if not project.has("pyproject.toml"):
        return _write_requirements(project, adds["runtime"], plan, floors=floors)
    if project.pyproject is None:
        plan.note(
            "pyproject.toml could not be read, so sciship did not change it; fix it first (`sciship check`)."
        )
        return 0

    def change(doc: TOMLDocument) -> None:
        _add_runtime(doc, [requirement(v, floors=floors) for v in adds["runtime"]])
        _add_group(doc, "test", [requirement(v, floors=floors) for v in adds["test"]])
        for v in adds["optional"]:
            _add_extra(doc, v.extra or v.name, requirement(v, floors=floors))

    reasons = []
    if adds["runtime"]:
        reasons.append("declare " + ", ".join(v.name for v in adds["runtime"]) + " (imported by your code)")
    if adds["test"]:
        reasons.append("add " + ", ".join(v.name for v in adds["test"]) + " to the test group")
    if adds["optional"]:
        reasons.append("offer " + ", ".join(v.name for v in adds["optional"]) + " as extras")
    plan.edit_toml("pyproject.toml", change, "; ".join(reasons))
    return count


def _array(items: list[str]) -> Any:
    import tomlkit

    arr = tomlkit.array()
    arr.extend(items)
    arr.multiline(True)
    return arr


def _extend(arr: Any, items: list[str]) -> None:
    """Append to a tomlkit array, keeping its comments and, when it has one item a line, its indent."""
    import re

    present = {_name_of(str(x)) for x in arr}
    new = [item for item in items if _name_of(item) not in present]
    if not new:
        return
    text = arr.as_string()
    if "\n" in text:
        m = re.search(r"\n([ \t]+)\S", text)
        for item in new:
            arr.add_line(item, indent=m.group(1) if m else "    ")
        return
    arr.extend(new)
    if len(arr) > 3:
        arr.multiline(True)


def _name_of(requirement: str) -> str:
    """The normalised distribution name of a requirement string (the string itself if it is not one)."""
    from sciship.imports.names import canonicalize_name, requirement_name

    return canonicalize_name(requirement_name(requirement) or requirement.strip())


def _add_runtime(doc: TOMLDocument, items: list[str]) -> None:
    if not items:
        return
    import tomlkit

    project = doc.get("project")
    if project is None:
        project = tomlkit.table()
        doc["project"] = project
    deps = project.get("dependencies")
    if deps is None:
        project["dependencies"] = _array(items)
    else:
        _extend(deps, items)


def _add_group(doc: TOMLDocument, group: str, items: list[str]) -> None:
    if not items:
        return
    import tomlkit

    groups = doc.get("dependency-groups")
    if groups is None:
        groups = tomlkit.table()
        doc["dependency-groups"] = groups
    if group in groups:
        _extend(groups[group], items)
    else:
        groups[group] = _array(items)


def _add_extra(doc: TOMLDocument, extra: str, item: str) -> None:
    import tomlkit

    project = doc.get("project")
    if project is None:
        project = tomlkit.table()
        doc["project"] = project
    extras = project.get("optional-dependencies")
    if extras is None:
        extras = tomlkit.table()
        project["optional-dependencies"] = extras
    if extra in extras:
        _extend(extras[extra], [item])
    else:
        extras[extra] = [item]


def _write_requirements(project: Project, adds: list[DependencyVerdict], plan: Plan, *, floors: bool) -> int:
    if not adds:
        return 0
    lines = [requirement(v, floors=floors) for v in adds]
    reason = "declare " + ", ".join(v.name for v in adds) + " (imported by your scripts and notebooks)"
    if project.has("requirements.txt"):

        def append(text: str) -> str:
            sep = "" if not text or text.endswith("\n") else "\n"
            return text + sep + "\n".join(lines) + "\n"

        plan.edit("requirements.txt", append, reason)
    else:
        plan.create("requirements.txt", "\n".join(lines) + "\n", reason)
    return len(adds)


def plan_rename(project: Project, report: DepsReport, plan: Plan) -> int:
    """Write each dependency declared under an alias (``sklearn``) under its real name (scikit-learn)
    in pyproject.toml, keeping its version limits, extras and marker. Returns how many it renames."""
    renames = {
        _name_of(v.declared_as): v.name
        for v in report.by_status("alias")
        if v.declared_as and v.distribution and any(_in_pyproject(loc) for loc in v.declared)
    }
    others = [
        v
        for v in report.by_status("alias")
        if v.declared_as and not any(_in_pyproject(loc) for loc in v.declared)
    ]
    if others:
        plan.note(
            "Rename by hand (sciship edits only pyproject.toml's standard tables): "
            + ", ".join(f"`{v.declared_as}` -> `{v.name}` in {', '.join(v.declared)}" for v in others)
            + "."
        )
    if not renames or project.pyproject is None:
        return 0

    def change(doc: TOMLDocument) -> None:
        table = doc.get("project") or {}
        arrays = [table.get("dependencies")]
        arrays.extend((table.get("optional-dependencies") or {}).values())
        arrays.extend((doc.get("dependency-groups") or {}).values())
        for arr in arrays:
            if arr is None or not hasattr(arr, "__setitem__"):
                continue
            for i, item in enumerate(list(arr)):
                if not isinstance(item, str):
                    continue
                new = renames.get(_name_of(item))
                if new is not None:
                    arr[i] = _renamed(str(item), new)

    names = ", ".join(f"{old} -> {new}" for old, new in renames.items())
    plan.edit_toml("pyproject.toml", change, f"declare dependencies under their real names ({names})")
    return len(renames)


def _in_pyproject(location: str) -> bool:
    return location.startswith(
        ("project.dependencies", "project.optional-dependencies.", "dependency-groups.")
    )


def _renamed(requirement: str, name: str) -> str:
    """``requirement`` with its distribution name replaced (``sklearn>=1.0`` -> ``scikit-learn>=1.0``)."""
    import re

    return re.sub(r"^\s*[A-Za-z0-9][A-Za-z0-9._-]*", name, requirement, count=1)
