"""Dependencies: what the code imports compared with what the project declares.

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
#: where a requirement reaches every user
_RUNTIME_LOCATIONS = ("project.dependencies", "setup.", "tool.poetry.dependencies")


def _report(project: Project) -> DepsReport | Skip:
    from sciship.imports.declared import declares_package

    if not declares_package(project):
        if project.pyproject is None:
            return Skip("There is no readable pyproject.toml to compare the imports with.")
        return Skip("pyproject.toml has no `[project]` table, so it declares no dependencies yet.")
    from sciship.imports import analyze

    return analyze(project)


def _declaring_file(project: Project) -> str:
    """The file where this project declares its runtime dependencies: pyproject.toml, setup.cfg or setup.py
    (``setup.cfg (from requirements.txt)`` when that file reads them from a requirements file)."""
    return project.memo("deps:declaring-file", lambda: _find_declaring_file(project))  # type: ignore[no-any-return]


def _find_declaring_file(project: Project) -> str:
    from sciship.imports.declared import collect

    for d in collect(project).items:
        if d.kind != "runtime" or d.dump:
            continue
        if d.location.startswith(("project.", "tool.poetry.")):
            where = "pyproject.toml"
        elif d.location.startswith("setup.cfg"):
            where = "setup.cfg"
        elif d.location.startswith("setup.py"):
            where = "setup.py"
        else:
            continue
        return where if d.path == where else f"{where} (from {d.path})"
    if project.has("pyproject.toml") and (
        project.metadata or "poetry" in str((project.pyproject or {}).get("tool"))
    ):
        return "pyproject.toml"
    if project.has("setup.py"):
        return "setup.py"
    return "setup.cfg" if project.has("setup.cfg") else "pyproject.toml"


def _names(verdicts: list[DependencyVerdict]) -> str:
    shown = [f"`{v.name}`" for v in verdicts[:_SHOWN]]
    more = len(verdicts) - _SHOWN
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _where(v: DependencyVerdict) -> tuple[str | None, int | None]:
    site = v.first_site
    return (site.path, site.line) if site is not None else (None, None)


def _it(items: list[DependencyVerdict], one: str = "it", many: str = "them") -> str:
    return one if len(items) == 1 else many


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
    """DEP900: every package the package code imports is declared as a dependency.

    Imports inside functions are left to DEP906, imports another dependency may bring to DEP907; skips without
    package metadata.
    """
    report = _report(project)
    if isinstance(report, Skip):
        return report
    missing = [v for v in report.by_status("missing", scope="runtime") if not v.maybe_through]
    if not missing:
        return None
    path, line = _where(missing[0])
    first = missing[0]
    from sciship.imports.analysis import module_name

    module = module_name(path) if path else None
    where = f"`{module}`" if module else "it"
    return Fail(
        f"Your package imports {_names(missing)}, but {_declaring_file(project)} does not declare "
        f"{_it(missing)} (first seen: `import {first.imports[0]}` in `{path}`). Users who `pip install` your "
        f"package will get `ModuleNotFoundError` when they import {where}.",
        path=path,
        line=line,
    )


@fixer("DEP900")
def add_missing(project: Project, plan: Plan) -> None:
    """Plan adding the package's undeclared imports to `[project] dependencies`."""
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
    """DEP901: every declared runtime dependency is imported by the package.

    Known plugins are left out; dependencies another library may load by name are only mentioned.
    """
    report = _report(project)
    if isinstance(report, Skip):
        return report
    unused = [
        v
        for v in report.by_status("unused")
        if v.plugin is None and any(loc.startswith(_RUNTIME_LOCATIONS) for loc in v.declared)
    ]
    sure = [v for v in unused if v.maybe_used_by is None]
    if not sure:
        return None
    text = (
        f"{_declaring_file(project)} declares {_names(sure)}, but no file in the package imports "
        f"{_it(sure)}. Remove "
        f"{_it(sure)}, or, if another library loads {_it(sure)} by name (a plugin or an engine), leave "
        f"{_it(sure)} and ignore this check."
    )
    from sciship.imports.stdlib import is_stdlib_any

    builtin = [v for v in sure if is_stdlib_any(v.name.replace("-", "_"))]
    if builtin:
        text += " " + _it(
            builtin,
            f"{_names(builtin)} is also the name of a module of Python's standard library, which needs no "
            "dependency: the PyPI package of that name is an old backport or another project.",
            f"{_names(builtin)} are also names of modules of Python's standard library, which need no "
            "dependency: the PyPI packages of those names are old backports or other projects.",
        )
    unsure = [v for v in unused if v.maybe_used_by is not None]
    if unsure:
        text += (
            " sciship is not sure about "
            + ", ".join(
                f"`{v.name}` ({v.maybe_why or f'{v.maybe_used_by} can load it through an option'})"
                for v in unsure[:_SHOWN]
            )
            + ": keep those if that is why they are there."
        )
    return Fail(text, path=_declaring_file(project).split(" ")[0])


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
    """DEP902: dependencies are declared in the right place.

    No package the package code imports is declared only for developers, and no package only the tests import
    is a runtime dependency.
    """
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
            f"only the tests import {_names(tests)}, yet "
            + _it(tests, "it is a runtime dependency", "they are runtime dependencies")
            + " every user installs (keep "
            + _it(tests)
            + " if the package uses "
            + _it(tests)
            + " without importing, such as objects passed in or compiled code)"
        )
    path, line = _where(misplaced[0])
    text = "; ".join(parts)
    return Fail(text[0].upper() + text[1:] + ".", path=path, line=line)


@fixer("DEP902")
def move_misplaced(project: Project, plan: Plan) -> None:
    """Plan adding the package imports declared only for developers to `[project] dependencies`."""
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
    """DEP903: `requires-python` allows no Python older than the code needs.

    The code's needs come from its syntax and its standard library imports; skips when `requires-python` is
    missing.
    """
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
    """DEP904: optional imports are offered as extras.

    That is, imported only when available (`try/except ImportError`), or only inside functions and declared
    for developers alone.
    """
    report = _report(project)
    if isinstance(report, Skip):
        return report
    optional = [v for v in report.by_status("optional") if v.source != "guess" and v.distribution]
    if not optional:
        return None
    path, line = _where(optional[0])
    guarded = [v for v in optional if "lazy" not in v.scopes]
    lazy = [v for v in optional if "lazy" in v.scopes]
    parts = []
    if guarded:
        extras = ", ".join(f"`{e}`" for e in dict.fromkeys(v.extra or v.name for v in guarded[:_SHOWN]))
        parts.append(
            f"Your package imports {_names(guarded)} only when available (inside `try/except ImportError`), "
            f"but offers no extra that installs {_it(guarded)} (for example {extras})."
        )
    if lazy:
        parts.extend(f"`{v.name}`: {v.note}" for v in lazy[:_SHOWN] if v.note)
    return Fail(" ".join(parts), path=path, line=line)


@fixer("DEP904")
def add_extras(project: Project, plan: Plan) -> None:
    """Plan an extra under `[project.optional-dependencies]` for each optional import."""
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
    package or ignore this check. `sciship deps --online` looks the names up on PyPI.""",
)
def imports_resolved(project: Project) -> Result:
    """DEP905: every package the package code imports could be matched to a name on PyPI.

    Fails for imports that no declared dependency provides and sciship could not match for sure.
    """
    report = _report(project)
    if isinstance(report, Skip):
        return report
    unknown = [v for v in report.by_status("unverified", "unresolved") if "runtime" in v.scopes]
    if not unknown:
        return None
    path, line = _where(unknown[0])
    imports = ", ".join(f"`{v.imports[0]}`" for v in unknown[:_SHOWN])
    extra = ""
    ambiguous = [v for v in unknown if v.candidates]
    if ambiguous:
        v = ambiguous[0]
        extra += f" `{v.imports[0]}` could be any of " + ", ".join(f"`{c}`" for c in v.candidates) + "."
    close = [v for v in unknown if v.suggestions]
    if close:
        extra += " " + " ".join(
            f"Did you mean `{v.suggestions[0]}` instead of `{v.imports[0]}` (a module of this project)?"
            for v in close[:3]
        )
    return Fail(
        f"Your package imports {imports}, which no declared dependency provides and which sciship could "
        f"not match to a PyPI name for sure.{extra}",
        path=path,
        line=line,
        needs_author=True,  # only the author knows which distribution they installed
    )


@check(
    "DEP906",
    family=FAMILY,
    severity="important",
    topic="dependencies",
    title="Packages imported inside functions are declared",
    why="""An import inside a function runs only when the function is called. Your package imports fine
    without the package, but everyone who calls that function gets `ModuleNotFoundError`.""",
    fix="""If every user needs it, add it to `dependencies` under `[project]`; if only one feature does,
    offer it as an extra (`[project.optional-dependencies] plot = ["matplotlib"]`) and say so in the
    function's docstring. sciship leaves this choice to you.""",
)
def lazy_imports_declared(project: Project) -> Result:
    """DEP906: packages imported only inside functions are declared, as a dependency or in an extra."""
    report = _report(project)
    if isinstance(report, Skip):
        return report
    lazy = [v for v in report.by_status("missing", scope="lazy") if "runtime" not in v.scopes and not v.extra]
    if not lazy:
        return None
    path, line = _where(lazy[0])
    unsure = [v for v in lazy if v.maybe_through]
    hedge = ""
    if unsure:
        hedge = (
            " (sciship cannot tell whether "
            + "; ".join(f"{' or '.join(v.maybe_through[:3])} install `{v.name}`" for v in unsure[:3])
            + ")"
        )
    return Fail(
        f"Functions in your package import {_names(lazy)}{hedge}, which {_declaring_file(project)} does not "
        "declare "
        f"(first seen: `{path}` line {line}). Importing the package works; calling "
        + _it(lazy, "that function", "those functions")
        + f" fails with `ModuleNotFoundError` for users. Declare {_it(lazy)} as a dependency or in an extra.",
        path=path,
        line=line,
        needs_author=True,  # runtime dependency or extra: the author's call
    )


@check(
    "DEP907",
    family=FAMILY,
    severity="important",
    topic="dependencies",
    title="Packages the code imports are declared, even when another dependency installs them",
    why="""When your code imports a package that one of your dependencies happens to require, it works today.
    But that dependency may stop requiring it in a new version, and then your package breaks for new users
    without any change on your side.""",
    fix="""Add each package your code imports to `dependencies` under `[project]`, even those another
    dependency already brings. `sciship deps --write` does it for you.""",
)
def indirect_declared(project: Project) -> Result:
    """DEP907: packages the code imports are declared, not only installed through another dependency."""
    report = _report(project)
    if isinstance(report, Skip):
        return report
    indirect = [
        v
        for v in report.by_status("indirect", "missing")
        # through an extra: the module that imports it works only with that extra, which brings it
        if not v.extra
        and (
            (v.through and {"runtime", "lazy"} & set(v.scopes)) or (v.maybe_through and "runtime" in v.scopes)
        )
    ]
    if not indirect:
        return None
    path, line = _where(indirect[0])
    parts = []
    for v in indirect[:_SHOWN]:
        if v.through:
            parts.append(f"`{v.name}` works today through {v.through[0]}")
        else:
            maybe = " or ".join(v.maybe_through[:3])
            parts.append(f"`{v.name}` may come with {maybe} (sciship cannot read what they require)")
    return Fail(
        f"Your package imports {_names(indirect)} without declaring {_it(indirect)}: "
        + "; ".join(parts)
        + f". Declare {_it(indirect)} because your code imports {_it(indirect)} directly, and those "
        "dependencies may stop requiring " + _it(indirect) + " in a future version.",
        path=path,
        line=line,
    )


@fixer("DEP907")
def add_indirect(project: Project, plan: Plan) -> None:
    """Plan declaring in `[project] dependencies` the imports that only come through another dependency."""
    from sciship.imports import analyze, plan_write

    plan_write(project, analyze(project), plan, targets=("runtime",))


def _aliases(project: Project, installs: bool) -> list[DependencyVerdict] | Skip:
    report = _report(project)
    if isinstance(report, Skip):
        return report
    from sciship.imports.names import canonicalize_name
    from sciship.imports.resolve import aliases

    table = aliases()
    out = []
    for v in report.by_status("alias"):
        alias = table.get(canonicalize_name(v.declared_as or ""))
        if alias is not None and alias.installs == installs:
            out.append(v)
    return out


def _alias_message(found: list[DependencyVerdict], tail: str) -> Fail:
    names = "; ".join(f"`{v.declared_as}` is declared: write `{v.name}`" for v in found[:_SHOWN])
    return Fail(f"Declared under an alias: {names}. {tail}", path="pyproject.toml")


@check(
    "DEP908",
    family=FAMILY,
    severity="blocker",
    topic="dependencies",
    title="Every dependency is declared under a name pip can install",
    why="""Import names and package names differ (`import sklearn` comes from `scikit-learn`). Declaring the
    import name installs nothing, a placeholder that refuses to install, or an unrelated old package, so
    `pip install` of your package fails or leaves the import broken.""",
    fix="""Write the package's real name on PyPI (`scikit-learn`, not `sklearn`; `pillow`, not `PIL`;
    `opencv-python`, not `cv2`). `sciship check --fix` renames it in pyproject.toml.""",
)
def aliases_that_break(project: Project) -> Result:
    """DEP908: no dependency is declared under an alias that pip cannot install as the real package."""
    found = _aliases(project, installs=False)
    if isinstance(found, Skip):
        return found
    if not found:
        return None
    return _alias_message(
        found, "pip cannot install the package under the alias, so users cannot install yours."
    )


@check(
    "DEP909",
    family=FAMILY,
    severity="important",
    topic="dependencies",
    title="Dependencies are declared under their own names, not through placeholders",
    why="""Some old names are placeholders that only depend on the real package (`bs4` on
    `beautifulsoup4`). They work today, but a placeholder can be removed or stop following the real
    package, and readers of your pyproject.toml see a name that is not the package's.""",
    fix="""Write the package's real name on PyPI (`beautifulsoup4`, not `bs4`). `sciship check --fix`
    renames it in pyproject.toml.""",
)
def aliases_through_placeholders(project: Project) -> Result:
    """DEP909: no dependency is declared under a placeholder name that only depends on the real package."""
    found = _aliases(project, installs=True)
    if isinstance(found, Skip):
        return found
    if not found:
        return None
    return _alias_message(found, "The placeholder only depends on the real package; name the package itself.")


@fixer("DEP908")
@fixer("DEP909")
def rename_aliases(project: Project, plan: Plan) -> None:
    """Plan renaming dependencies declared under an alias to their real PyPI names."""
    from sciship.imports import analyze
    from sciship.imports.write import plan_rename

    plan_rename(project, analyze(project), plan)
