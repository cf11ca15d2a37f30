"""Package layout and tests: is there an importable package, will all of it ship, can pytest run?"""

from __future__ import annotations

import ast
import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from sciship.checks import Fail, Skip, check, fixer

if TYPE_CHECKING:
    from sciship.checks import Result
    from sciship.plan import Plan
    from sciship.project import ImportPackage, Project

FAMILY = "layout"
_SHOW = 5


def _listing(paths: list[str]) -> str:
    shown = ", ".join(f"`{p}`" for p in paths[:_SHOW])
    return shown + (f" and {len(paths) - _SHOW} more" if len(paths) > _SHOW else "")


@check(
    "LAY400",
    family=FAMILY,
    severity="blocker",
    topic="package",
    title="The project has an import package",
    why="""An import package is the folder people `import` after installing your project: a folder named
    like the package, holding an `__init__.py` and your modules. Loose scripts and notebooks cannot be
    imported by others; they have to be gathered into a package first.""",
    fix="""Create `src/<your_package>/__init__.py` and move your modules next to it
    (`sciship adopt` does this for a folder of scripts and notebooks).""",
)
def has_package(project: Project) -> Result:
    if project.packages:
        return None
    loose = [
        f
        for f in project.python_files()
        if "/" not in f and f not in {"setup.py", "noxfile.py", "conftest.py"}
    ]
    msg = (
        "sciship looked for a folder with an `__init__.py` inside `src/` (the src layout) or at the top of "
        "the project (the flat layout), and found none."
    )
    if loose or project.notebooks():
        found = loose + project.notebooks()
        msg += (
            f" The code is in loose files ({_listing(found)}); `sciship adopt` can turn them into a package."
        )
    return Fail(msg)


@check(
    "LAY401",
    family=FAMILY,
    severity="polish",
    topic="src-layout",
    requires=("LAY400",),
    title="The package uses the src layout",
    why="""With the package inside `src/`, Python cannot import it straight from the project folder: your
    tests run against the installed copy, exactly as users get it. With the package at the top level,
    tests silently import the working copy, so a file missing from the wheel goes unnoticed until a user
    reports it.""",
    fix="""Move the package folder into `src/` (`git mv mypkg src/mypkg`), point the build backend at it if
    you configured paths, and install in editable mode (`pip install -e .`) to run the tests.""",
)
def uses_src_layout(project: Project) -> Result:
    if not project.packages:
        return Skip("There is no import package yet.")
    if project.layout == "src":
        return None
    pkg = project.packages[0]
    return Fail(
        f"The package `{pkg.name}` sits at the top of the project (`{pkg.path}/`), not in `src/`.",
        path=pkg.path,
    )


def missing_inits(project: Project) -> list[str]:
    """Folders inside a regular package that hold Python modules (directly or deeper) but no __init__.py."""
    out: set[str] = set()
    for pkg in project.packages:
        if pkg.module or pkg.namespace:
            continue
        for f in project.under(pkg.path):
            parts = PurePosixPath(f).parts
            if not f.endswith(".py"):
                continue
            base = len(PurePosixPath(pkg.path).parts)
            for depth in range(base + 1, len(parts)):
                folder = "/".join(parts[:depth])
                name = parts[depth - 1]
                if not name.isidentifier() or name == "__pycache__":
                    break
                if not project.has(f"{folder}/__init__.py"):
                    out.add(folder)
    return sorted(out)


@check(
    "LAY402",
    family=FAMILY,
    severity="important",
    topic="package",
    requires=("LAY400",),
    title="Every subpackage has an `__init__.py`, so all of it ends up in the wheel",
    why="""Build tools decide what goes into your package by looking for `__init__.py` files. A folder of
    modules without one is left out of the wheel by setuptools (`find_packages`), or turned into an odd
    "namespace package" by hatchling: it imports on your machine and fails for everyone who installs it.""",
    fix="""Add an empty `__init__.py` to each folder named in the message (`sciship check --fix` does
    it).""",
)
def subpackages_have_init(project: Project) -> Result:
    missing = missing_inits(project)
    if not missing:
        return None
    return Fail(
        f"These folders hold Python modules but no `__init__.py`: {_listing(missing)}.", path=missing[0]
    )


@fixer("LAY402")
def add_inits(project: Project, plan: Plan) -> None:
    for folder in missing_inits(project):
        plan.create(f"{folder}/__init__.py", "", "make the folder part of the package")


def _tool(project: Project, *keys: str) -> Any:
    node: Any = project.pyproject or {}
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


_FIND_PACKAGES = re.compile(r"\bfind(_namespace)?_packages\s*\(([^)]*)\)")


def _ships_tests(project: Project, tests: str) -> str | None:
    """Where the build configuration puts the top-level ``tests`` package into the wheel, if it does."""
    for key in ("packages", "only-include", "include"):
        for table in (("tool", "hatch", "build", "targets", "wheel"), ("tool", "hatch", "build")):
            value = _tool(project, *table, key)
            if isinstance(value, list) and any(
                str(v).strip("/") in {tests, f"{tests}/**", f"/{tests}"} for v in value
            ):
                return "pyproject.toml"
    explicit = _tool(project, "tool", "setuptools", "packages")
    if isinstance(explicit, list) and tests in explicit:
        return "pyproject.toml"
    has_init = project.has(f"{tests}/__init__.py")
    if not has_init:
        return None
    finder = _tool(project, "tool", "setuptools", "packages", "find")
    if isinstance(finder, dict) and not _excluded(tests, finder.get("exclude"), finder.get("include")):
        return "pyproject.toml"
    setup_py = project.read_text("setup.py") if project.has("setup.py") else None
    if setup_py and (m := _FIND_PACKAGES.search(setup_py)) and tests not in m.group(2):
        return "setup.py"
    setup_cfg = project.read_text("setup.cfg") if project.has("setup.cfg") else None
    if setup_cfg and re.search(r"^\s*packages\s*=\s*find(_namespace)?:", setup_cfg, re.MULTILINE):
        section = setup_cfg.split("[options.packages.find]", 1)
        if len(section) == 1 or tests not in section[1].split("\n[", 1)[0]:
            return "setup.cfg"
    return None


def _excluded(tests: str, exclude: object, include: object) -> bool:
    import fnmatch

    if isinstance(include, list) and include and not any(fnmatch.fnmatch(tests, str(p)) for p in include):
        return True
    return isinstance(exclude, list) and any(fnmatch.fnmatch(tests, str(p)) for p in exclude)


@check(
    "LAY403",
    family=FAMILY,
    severity="important",
    topic="src-layout",
    title="Tests are not installed as a top-level package called `tests`",
    why="""If your wheel contains a top-level `tests` package, installing it creates `site-packages/tests/`,
    where it collides with every other project that made the same mistake; pip may even overwrite one
    project's files with another's.""",
    fix="""Exclude the tests from the wheel: with setuptools use `find_packages(exclude=["tests*"])` (or
    `[tool.setuptools.packages.find] exclude = ["tests*"]`), with hatchling list only your package in
    `packages`. The src layout avoids the problem altogether.""",
)
def tests_not_shipped(project: Project) -> Result:
    for tests in ("tests", "test"):
        where = _ships_tests(project, tests)
        if where:
            return Fail(
                f"The build configuration in `{where}` puts the `{tests}/` folder into the wheel as a "
                f"top-level `{tests}` package.",
                path=where,
            )
    return None


@check(
    "LAY405",
    family=FAMILY,
    severity="important",
    topic="tests",
    title="The project has tests",
    why="""Tests are small programs that check your code still gives the right answers. They let you (and
    reviewers, and contributors) change code without fear, and they are the first thing a reviewer looks
    for when deciding whether to trust results computed with your package.""",
    fix="""Create a `tests/` folder with files named `test_*.py` holding functions named `test_*` that use
    `assert`; run them with `python -m pytest`.""",
)
def has_tests(project: Project) -> Result:
    real = [f for f in project.test_files if not f.endswith("conftest.py")]
    if real:
        return None
    scripts = [f for f in project.python_files() if "test" in PurePosixPath(f).name.lower()]
    msg = "No test files found (sciship looks for files named `test_*.py` or `*_test.py`)."
    if scripts:
        msg += (
            f" Files like {_listing(scripts)} will not be found by pytest; rename them to `test_<name>.py`."
        )
    return Fail(msg, path=scripts[0] if scripts else None)


_TEST_FUNCTION = re.compile(r"^[ \t]*(async[ \t]+)?def[ \t]+test", re.MULTILINE)


def _syntax_error(project: Project, files: list[str]) -> Fail | None:
    """The first test file Python cannot parse.

    The dependency scan parses every .py file once (and caches the result by content), so only files it
    could not parse are parsed again here, for the exact message.
    """
    from sciship.imports.analysis import analyze

    wanted = set(files)
    for problem in analyze(project).problems:
        if problem.path not in wanted:
            continue
        try:
            ast.parse(project.read_text(problem.path) or "", filename=problem.path)
        except SyntaxError as exc:
            return Fail(
                f"`{problem.path}` has a syntax error ({exc.msg}, line {exc.lineno}), so pytest cannot "
                "collect any test in it.",
                path=problem.path,
                line=exc.lineno,
            )
        except (ValueError, RecursionError, MemoryError):
            return Fail(
                f"`{problem.path}` cannot be read as Python code, so pytest cannot collect any test in it.",
                path=problem.path,
            )
    return None


@check(
    "LAY406",
    family=FAMILY,
    severity="important",
    topic="tests",
    requires=("LAY405",),
    title="pytest can find and run the tests",
    why="""pytest is the test runner nearly every Python project and CI service uses. It finds files named
    `test_*.py` and functions named `test_*` by itself, but it stops at a test file with a syntax error,
    at a configured test folder that does not exist, and at two test files with the same name in folders
    without `__init__.py`.""",
    fix="""Fix the file or setting named in the message, then run `python -m pytest` and check that it
    collects your tests.""",
)
def tests_runnable(project: Project) -> Result:
    files = [f for f in project.test_files if not f.endswith("conftest.py")]
    if not files:
        return Skip("There are no test files.")
    broken = _syntax_error(project, project.test_files)
    if broken is not None:
        return broken
    if not any(_TEST_FUNCTION.search(project.read_text(rel) or "") for rel in files):
        return Fail(
            f"The test files ({_listing(files)}) contain no test functions: pytest runs functions "
            "named `test_*` (or methods of `Test*` classes).",
            path=files[0],
        )
    testpaths = _tool(project, "tool", "pytest", "ini_options", "testpaths")
    if isinstance(testpaths, list):
        absent = [
            p
            for p in testpaths
            if isinstance(p, str)
            and p.strip("/.")
            and not project.has(p)
            and not project.has_dir(p.strip("/"))
        ]
        if absent:
            return Fail(
                f"`testpaths` in pyproject.toml names {_listing(absent)}, which does not exist, so pytest "
                "finds no tests there.",
                path="pyproject.toml",
            )
    return _duplicate_basenames(project, files)


def _duplicate_basenames(project: Project, files: list[str]) -> Result:
    mode = str(_tool(project, "tool", "pytest", "ini_options", "addopts") or "")
    if "importlib" in mode:
        return None
    seen: dict[str, str] = {}
    for rel in files:
        path = PurePosixPath(rel)
        if project.has(str(path.parent / "__init__.py")):
            continue
        if path.name in seen:
            return Fail(
                f"`{seen[path.name]}` and `{rel}` have the same name in folders without `__init__.py`; "
                'pytest refuses to import the second ("import file mismatch"). Rename one, or add an '
                "`__init__.py` to both folders.",
                path=rel,
            )
        seen[path.name] = rel
    return None


def _uses_hints(project: Project, pkg: ImportPackage) -> bool:
    pattern = re.compile(r"^\s*(async\s+)?def\s+\w+\([^)]*\)\s*->", re.MULTILINE)
    files = [pkg.path] if pkg.module else [f for f in project.under(pkg.path) if f.endswith(".py")]
    return any(pattern.search(project.read_text(f) or "") for f in files[:200])


@check(
    "LAY407",
    family=FAMILY,
    severity="polish",
    topic="package",
    requires=("LAY400",),
    title="A package with type hints ships a `py.typed` marker",
    why="""Type checkers (mypy, pyright, your editor) use the type hints of an installed package only if
    the package contains an empty file called `py.typed`. Without it, users of your package lose the hints
    you wrote.""",
    fix="""Create an empty `py.typed` file next to your package's `__init__.py` (`sciship check --fix` does
    it).""",
)
def has_py_typed(project: Project) -> Result:
    pkgs = [p for p in project.packages if not p.module and not p.namespace]
    if not pkgs:
        return Skip("Only a package folder can hold a py.typed marker.")
    lacking = [p for p in pkgs if not project.has(f"{p.path}/py.typed") and _uses_hints(project, p)]
    if lacking:
        return Fail(
            f"The package `{lacking[0].name}` uses type hints but has no `{lacking[0].path}/py.typed`.",
            path=lacking[0].path,
        )
    return None


@fixer("LAY407")
def add_py_typed(project: Project, plan: Plan) -> None:
    for p in project.packages:
        if not p.module and not p.namespace and not project.has(f"{p.path}/py.typed"):
            plan.create(f"{p.path}/py.typed", "", "tell type checkers the package has type hints")
