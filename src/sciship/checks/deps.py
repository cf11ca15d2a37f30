"""Dependencies: what the code imports compared with what pyproject.toml declares.

All checks share one analysis per project (``sciship.imports.analyze``, memoised on the Project).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciship.checks import Fail, Skip, check, fixer

if TYPE_CHECKING:
    from sciship.checks import Result
    from sciship.imports.analysis import DependencyVerdict, DepsReport
    from sciship.plan import Plan
    from sciship.project import Project

FAMILY = "deps"
_SHOWN = 6


def _report(project: Project) -> DepsReport | Skip:
    if project.pyproject is None:
        return Skip("There is no readable pyproject.toml to compare the imports with.")
    if not project.metadata:
        return Skip("pyproject.toml has no `[project]` table, so it declares no dependencies yet.")
    from sciship.imports import analyze

    return analyze(project)


def _names(verdicts: list[DependencyVerdict]) -> str:
    shown = [f"`{v.distribution}`" for v in verdicts[:_SHOWN]]
    more = len(verdicts) - _SHOWN
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _where(v: DependencyVerdict) -> tuple[str | None, int | None]:
    site = v.first_site
    return (site.path, site.line) if site is not None else (None, None)


@check(
    "DEP900",
    family=FAMILY,
    severity="blocker",
    topic="dependencies",
    title="Every package the code imports is declared as a dependency",
    why="""pip installs only what `[project] dependencies` lists. If your code imports a package that is not
    listed, it works on your computer (where you installed it by hand) and fails for everyone else with
    `ModuleNotFoundError` the first time they import your package.""",
    fix="""Add each missing name to `dependencies = [...]` under `[project]` in pyproject.toml.
    `sciship deps --write` does it for you (`--dry-run` first shows the change).""",
)
def imports_declared(project: Project) -> Result:
    report = _report(project)
    if isinstance(report, Skip):
        return report
    missing = report.by_status("missing", scope="runtime")
    if not missing:
        return None
    path, line = _where(missing[0])
    first = missing[0]
    return Fail(
        f"Your package imports {_names(missing)}, but pyproject.toml does not declare "
        f"{'it' if len(missing) == 1 else 'them'} (first seen: `import {first.imports[0]}` in "
        f"`{path}`). Users who `pip install` your package will get `ModuleNotFoundError`.",
        path=path,
        line=line,
    )


@fixer("DEP900")
def add_missing(project: Project, plan: Plan) -> None:
    from sciship.imports import analyze, plan_write

    plan_write(project, analyze(project), plan, targets=("runtime",))


@check(
    "DEP901",
    family=FAMILY,
    severity="important",
    topic="dependencies",
    title="Every declared runtime dependency is used",
    why="""Each dependency is something users must download and install, and one more thing that can
    conflict with their other packages. A dependency the code never imports is usually left over from an
    experiment.""",
    fix="""Remove the names from `[project] dependencies` if the code really does not need them. If a
    package is used without being imported (a plugin, an engine another library loads by name), keep it:
    sciship already leaves known plugins alone.""",
)
def declared_used(project: Project) -> Result:
    report = _report(project)
    if isinstance(report, Skip):
        return report
    unused = [
        v
        for v in report.by_status("unused")
        if v.plugin is None
        and any(loc == "project.dependencies" or loc.startswith("setup.") for loc in v.declared)
    ]
    if not unused:
        return None
    return Fail(
        f"pyproject.toml declares {_names(unused)}, but no file in the package imports "
        f"{'it' if len(unused) == 1 else 'them'}. Remove {'it' if len(unused) == 1 else 'them'}, or, if "
        "another library loads it by name (a plugin or an engine), leave it and ignore this check.",
        path="pyproject.toml",
    )


@check(
    "DEP902",
    family=FAMILY,
    severity="important",
    topic="dependencies",
    title="Test-only and runtime dependencies are declared in the right place",
    why="""Runtime dependencies are installed for every user; test and documentation tools only for
    developers. A test tool listed as a runtime dependency makes every user install it; a package your code
    imports that is listed only in a development group is missing for users.""",
    fix="""Move test-only packages (such as `pytest`) to a `[dependency-groups] test = [...]` list, and
    packages that the package code imports to `[project] dependencies`.""",
)
def declared_in_right_place(project: Project) -> Result:
    report = _report(project)
    if isinstance(report, Skip):
        return report
    misplaced = report.by_status("misplaced")
    if not misplaced:
        return None
    runtime = [v for v in misplaced if "runtime" in v.scopes]
    tests = [v for v in misplaced if "runtime" not in v.scopes]
    parts = []
    if runtime:
        parts.append(
            f"your package code imports {_names(runtime)}, which pyproject.toml lists only for developers "
            "(a test/docs/dev group or extra), so users will not get it"
        )
    if tests:
        parts.append(
            f"only the tests import {_names(tests)}, yet it is a runtime dependency every user installs"
        )
    path, line = _where(misplaced[0])
    text = "; ".join(parts)
    return Fail(text[0].upper() + text[1:] + ".", path=path, line=line)


@fixer("DEP902")
def move_misplaced(project: Project, plan: Plan) -> None:
    from sciship.imports import analyze, plan_write

    plan_write(project, analyze(project), plan, targets=("runtime",))


@check(
    "DEP903",
    family=FAMILY,
    severity="important",
    topic="requires-python",
    title="requires-python is not older than what the code needs",
    why="""`requires-python` tells pip which Pythons can install your package. If it allows an older Python
    than your code works on, people on that Python get a package that fails with a `SyntaxError` or an
    `ImportError` instead of a clear message from pip.""",
    fix="""Raise the lower bound of `requires-python` in pyproject.toml (for example
    `requires-python = ">=3.10"`), or stop using the newer feature.""",
)
def requires_python_enough(project: Project) -> Result:
    report = _report(project)
    if isinstance(report, Skip):
        return report
    rp = report.requires_python
    if rp.detected_minimum is None:
        return None
    if rp.declared is None:
        return Skip(
            f"pyproject.toml has no `requires-python` (the code needs Python {rp.detected_minimum}+)."
        )
    if rp.declared_minimum is None or _ver(rp.declared_minimum) >= _ver(rp.detected_minimum):
        return None
    return Fail(
        f'`requires-python = "{rp.declared}"` allows Python {rp.declared_minimum}, but the code needs '
        f"{rp.detected_minimum} or newer ({rp.reason}, `{rp.path}` line {rp.line}). "
        f"Raise it to `>={rp.detected_minimum}`.",
        path=rp.path,
        line=rp.line,
    )


def _ver(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


@check(
    "DEP904",
    family=FAMILY,
    severity="polish",
    topic="dependencies",
    title="Optional imports are offered as extras",
    why="""Code that does `try: import x / except ImportError:` works without `x`, but unlocks more with it.
    Listing `x` as an extra (`pip install yourpackage[x]`) tells users the feature exists and installs a
    version that works with your code.""",
    fix="""Add an extra under `[project.optional-dependencies]`, for example `plot = ["matplotlib"]`, and
    mention it in the README. `sciship deps --write` adds one extra per optional package.""",
)
def optional_as_extras(project: Project) -> Result:
    report = _report(project)
    if isinstance(report, Skip):
        return report
    optional = [v for v in report.by_status("optional") if v.source != "guess"]
    if not optional:
        return None
    path, line = _where(optional[0])
    return Fail(
        f"Your package imports {_names(optional)} only when available (inside `try/except ImportError`), "
        "but offers no extra that installs it.",
        path=path,
        line=line,
    )


@fixer("DEP904")
def add_extras(project: Project, plan: Plan) -> None:
    from sciship.imports import analyze, plan_write

    plan_write(project, analyze(project), plan, targets=("optional",))


@check(
    "DEP905",
    family=FAMILY,
    severity="important",
    topic="dependencies",
    title="Every imported package could be matched to a name on PyPI",
    why="""The name you import is not always the name you install (`import yaml` comes from `PyYAML`,
    `import cv2` from `opencv-python`). When sciship cannot tell which package provides an import, it
    cannot check that it is declared, and users may install the wrong thing.""",
    fix="""Find the package that provides each import (its documentation says `pip install ...`) and add that
    name to `[project] dependencies`. If the import is one of your own modules, make it part of your
    package or ignore this check.""",
)
def imports_resolved(project: Project) -> Result:
    report = _report(project)
    if isinstance(report, Skip):
        return report
    unknown = report.by_status("unverified", scope="runtime")
    if not unknown:
        return None
    path, line = _where(unknown[0])
    imports = ", ".join(f"`{v.imports[0]}`" for v in unknown[:_SHOWN])
    ambiguous = [v for v in unknown if v.candidates]
    extra = ""
    if ambiguous:
        v = ambiguous[0]
        extra = f" `{v.imports[0]}` could be any of " + ", ".join(f"`{c}`" for c in v.candidates) + "."
    return Fail(
        f"Your package imports {imports}, which no declared dependency provides and which sciship could "
        f"not match to a PyPI name for sure.{extra}",
        path=path,
        line=line,
        needs_author=True,  # only the author knows which distribution they installed
    )
