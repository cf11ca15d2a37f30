"""Package layout and tests: is there an importable package, will all of it ship, can pytest run?"""

from __future__ import annotations

import ast
import fnmatch
import re
import sys
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from sciship._regex import compile_later
from sciship.checks import Fail, Skip, check, fixer
from sciship.checks._build import folder_ships, not_a_package, top_level_shipped, workspace_members
from sciship.project import NOT_PACKAGES

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
    """LAY400: the project has an import package, in `src/` or at the top.

    Skips for a workspace or development root and for a meta-package that ships no code.
    """
    if project.packages:
        return None
    reason = not_a_package(project)
    if reason is not None:
        return Skip(f"{reason[:1].upper()}{reason[1:]}. Run `sciship check` on each package folder.")
    if _tool(project, "tool", "hatch", "build", "targets", "wheel", "bypass-selection") is True:
        return Skip("hatchling is told to ship no package (`bypass-selection = true`): a meta-package whose "
                    "dependencies bring the code.")
    members = workspace_members(project)
    if members:
        shown = ", ".join(f"`{m}/`" for m in members[:5])
        return Skip(f"The packages of this project live in {shown}; run `sciship check` on each of them.")
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
    """LAY401: the import package sits in `src/`."""
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


def _incidental(folder: str) -> bool:
    """Tests, examples, scripts or data kept inside a package: leaving them out of the wheel harms no one."""
    return any(part.lower() in NOT_PACKAGES for part in PurePosixPath(folder).parts[1:])


def left_out(project: Project) -> tuple[list[str], str]:
    """Folders of modules the build backend will leave out of the wheel, and the rule that decides."""
    out: list[str] = []
    why = ""
    for folder in missing_inits(project):
        status, reason = folder_ships(project, folder)
        if status == "missing" and not _incidental(folder):
            out.append(folder)
            why = why or reason
    return out, why


@check(
    "LAY402",
    family=FAMILY,
    severity="important",
    topic="package",
    requires=("LAY400",),
    title="Every folder of modules in the package ends up in the wheel",
    why="""setuptools decides what goes into your wheel by looking for `__init__.py` files when it is told
    to use `find_packages()` or a list of packages: a folder of modules without one is silently left out,
    so it imports on your machine and fails for everyone who installs the package. (hatchling, flit,
    poetry-core and the other modern backends ship the whole package folder, so this only concerns
    setuptools.)""",
    fix="""Add an empty `__init__.py` to each folder named in the message (`sciship check --fix` does
    it), or switch to `find_namespace_packages()` / `[tool.setuptools.packages.find]`.""",
)
def subpackages_have_init(project: Project) -> Result:
    """LAY402: the build backend leaves no folder of the package's modules out of the wheel.

    A folder without `__init__.py` fails only where the backend skips it; tests, examples and data folders do
    not count.
    """
    if not missing_inits(project):
        return None
    missing, why = left_out(project)
    if not missing:
        return None
    return Fail(
        f"These folders hold Python modules but no `__init__.py`, so the wheel will not contain them: "
        f"{_listing(missing)} ({why}).",
        path=missing[0],
    )


@fixer("LAY402")
def add_inits(project: Project, plan: Plan) -> None:
    """Plan an empty `__init__.py` in each folder of modules the wheel would leave out."""
    for folder in left_out(project)[0]:
        plan.create(f"{folder}/__init__.py", "", "make the folder part of the package")


def _tool(project: Project, *keys: str) -> Any:
    node: Any = project.pyproject or {}
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


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
    """LAY403: the build does not ship a `tests/` or `test/` folder as a top-level package."""
    for tests in ("tests", "test"):
        if not project.has_dir(tests):
            continue
        ships, where = top_level_shipped(project, tests)
        if ships:
            return Fail(
                f"The build configuration in `{where}` puts the `{tests}/` folder into the wheel as a "
                f"top-level `{tests}` package.",
                path=where if where in ("pyproject.toml", "setup.py", "setup.cfg") else None,
            )
    return None



# ---------------------------------------------------------------------- pytest's own discovery
_PYTEST_CONFIGS = (
    ("pytest.ini", "pytest"),
    ("pyproject.toml", None),
    ("tox.ini", "pytest"),
    ("setup.cfg", "tool:pytest"),
)
_DEFAULT_PYTHON_FILES = ("test_*.py", "*_test.py")
_NEVER_COLLECTED = ("build", "dist", "node_modules", "venv", "_darcs", "CVS", "{arch}")
#: a command line that runs pytest (in CI, tox, a Makefile): pytest must be the command, not a word in prose
_PYTEST_RUN = compile_later(
    r"^\s*(?:-\s*)?(?:run:\s*)?(?:commands\s*=\s*)?(?:\$\s*)?"
    r"(?:(?:uv|poetry|pdm|hatch|pipenv|rye|pixi)\s+run\s+)?(?:coverage\s+run\s+(?:\S+\s+)*?-m\s+)?"
    r"(?:python3?\s+-m\s+)?(?:py\.test|pytest)(?=[ \t]|$)([^\n;&|`]*)",
    re.MULTILINE,
)
#: nox's ``session.run("pytest", "tests", ...)``
_NOX_PYTEST = compile_later(
    r"session\.run\(\s*[\"'](?:python[\"'],\s*[\"']-m[\"'],\s*[\"'])?pytest[\"']([^)]*)\)"
)


def pytest_config(project: Project) -> tuple[dict[str, Any], str | None]:
    """pytest's settings, from the first file pytest itself would read them from, and that file."""

    def compute() -> tuple[dict[str, Any], str | None]:
        for path, section in _PYTEST_CONFIGS:
            if not project.has(path):
                continue
            if section is None:
                table = _tool(project, "tool", "pytest", "ini_options")
                if isinstance(table, dict):
                    return table, path
                continue
            import configparser

            parser = configparser.ConfigParser(interpolation=None)
            try:
                parser.read_string(project.read_text(path) or "")
            except configparser.Error:
                continue
            if parser.has_section(section):
                return {k: _ini_list(v) if k in _LIST_KEYS else v for k, v in parser[section].items()}, path
        return {}, None

    return project.memo("layout:pytest_config", compute)  # type: ignore[no-any-return]


_LIST_KEYS = frozenset({"testpaths", "python_files", "norecursedirs"})


def _ini_list(value: str) -> list[str]:
    return value.split()


def _run_roots(project: Project) -> list[str] | None:
    """The folders the project's own commands pass to pytest (CI, tox, nox, Makefile), when all name one."""
    sources = list(project.workflow_files)
    sources += [f for f in ("tox.ini", "noxfile.py", "Makefile", "justfile") if project.has(f)]
    roots: set[str] = set()
    for path in sources:
        text = project.read_text(path) or ""
        runs = [m.group(1) for m in _PYTEST_RUN.finditer(text)]
        runs += [" ".join(re.findall(r"[\"']([^\"']*)[\"']", m.group(1))) for m in _NOX_PYTEST.finditer(text)]
        for run in runs:
            args = [a.strip("\"'") for a in run.split() if not a.startswith(("-", "$", "{"))]
            named = [a.rstrip("/") for a in args if a and (project.has_dir(a.rstrip("/")) or project.has(a))]
            if not named:
                return None  # a plain `pytest` somewhere: it collects from the top
            roots.update(named)
    return sorted(roots) or None


def collected_test_files(project: Project) -> list[str]:
    """The test files pytest collects, following its `testpaths` and `python_files` settings."""

    def compute() -> list[str]:
        config, _ = pytest_config(project)
        raw = config.get("testpaths") or []
        testpaths = [t.strip("/") for t in raw if isinstance(t, str) and t.strip("/.")]
        patterns = config.get("python_files") or list(_DEFAULT_PYTHON_FILES)
        if isinstance(patterns, str):
            patterns = patterns.split()
        roots = testpaths or _run_roots(project) or [""]
        wanted = re.compile("|".join(fnmatch.translate(pat) for pat in patterns))
        prefixes = tuple(r + "/" for r in roots if r)
        out = []
        for f in project.files:
            if not f.endswith(".py") or (prefixes and not (f.startswith(prefixes) or f in roots)):
                continue
            folder, _, name = f.rpartition("/")
            if name != "conftest.py" and not wanted.match(name):
                continue
            parts = folder.split("/") if folder else []
            if any(part.startswith(".") or part in _NEVER_COLLECTED for part in parts):
                continue
            out.append(f)
        return out

    return project.memo("layout:collected_tests", compute)  # type: ignore[no-any-return]


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
    """LAY405: the project has test files (`test_*.py`, `*_test.py`, or what pytest's settings collect)."""
    real = [f for f in project.test_files if not f.endswith("conftest.py")]
    collected = [f for f in collected_test_files(project) if not f.endswith("conftest.py")]
    if real or collected:
        return None
    scripts = [f for f in project.python_files() if "test" in PurePosixPath(f).name.lower()]
    msg = "No test files found (sciship looks for files named `test_*.py` or `*_test.py`)."
    if scripts:
        msg += (
            f" Files like {_listing(scripts)} will not be found by pytest; rename them to `test_<name>.py`."
        )
    return Fail(msg, path=scripts[0] if scripts else None)


_TEST_FUNCTION = compile_later(r"^[ \t]*(async[ \t]+)?def[ \t]+test", re.MULTILINE)


#: syntax that newer Pythons accept, which an older interpreter reports as a syntax error
_NEWER_SYNTAX: tuple[tuple[tuple[int, int], re.Pattern[str], str], ...] = (
    (
        (3, 12),
        compile_later(r"^\s*(async\s+)?(def|class)\s+\w+\s*\[", re.MULTILINE),
        "type parameters (Python 3.12)",
    ),
    (
        (3, 12), compile_later(r"^\s*type\s+\w+(\[[^\]]*\])?\s*=", re.MULTILINE),
        "a `type` alias (Python 3.12)",
    ),
    ((3, 11), compile_later(r"^\s*except\s*\*", re.MULTILINE), "`except*` (Python 3.11)"),
    ((3, 14), compile_later(r"\bt[\"']", re.MULTILINE), "template strings (Python 3.14)"),
)


def _newer_syntax(text: str) -> str | None:
    for version, pattern, what in _NEWER_SYNTAX:
        if sys.version_info < version and pattern.search(text):
            return what
    return None


def _syntax_error(project: Project, files: list[str]) -> Fail | Skip | None:
    """The first test file Python cannot parse.

    The dependency scan of `sciship check` checks the syntax of every .py file in full once (and caches
    the result by content), so only files it found broken are parsed again here, for the exact message;
    files too large for that scan (read line by line, over 1 MB) are checked here.
    """
    from sciship.imports.analysis import analyze
    from sciship.imports.scan import LARGE_FILE, compiles

    wanted = set(files)
    broken = {p.path for p in analyze(project).problems if p.path in wanted}
    for rel in files:
        text = project.read_text(rel)
        if text is None:
            continue  # not UTF-8 or unreadable: Project reports it
        if rel not in broken and (len(text) <= LARGE_FILE or compiles(text, rel)):
            continue
        found = _parse_error(rel, text)
        if found is not None:
            return found
    return None


def _parse_error(path: str, text: str) -> Fail | Skip | None:
    """Why ``text`` is not Python that pytest can collect, or None when it parses after all."""
    try:
        ast.parse(text, filename=path)
    except SyntaxError as exc:
        newer = _newer_syntax(text)
        if newer:
            return Skip(
                f"sciship is not sure: `{path}` uses {newer}, which the Python sciship runs on "
                f"({sys.version_info.major}.{sys.version_info.minor}) cannot read; it may be valid on "
                "newer Pythons."
            )
        return Fail(
            f"`{path}` has a syntax error ({exc.msg}, line {exc.lineno}), so pytest cannot "
            "collect any test in it.",
            path=path,
            line=exc.lineno,
        )
    except (ValueError, RecursionError, MemoryError):
        return Fail(
            f"`{path}` cannot be read as Python code, so pytest cannot collect any test in it.", path=path
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
    """LAY406: pytest can find and run the tests.

    Every `testpaths` entry exists, the test files parse and define `test*` functions, and no two share a name
    in folders without `__init__.py` (unless pytest imports with importlib).
    """
    config, config_path = pytest_config(project)
    testpaths = config.get("testpaths")
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
                f"`testpaths` in {config_path} names {_listing(absent)}, which does not exist, so pytest "
                "finds no tests there.",
                path=config_path,
            )
    collected = collected_test_files(project)
    files = [f for f in collected if not f.endswith("conftest.py")]
    if not files:
        return Skip("pytest collects no test files with this project's settings.")
    broken = _syntax_error(project, collected)
    if broken is not None:
        return broken
    if not any(_TEST_FUNCTION.search(project.read_text(rel) or "") for rel in files):
        return Fail(
            f"The test files ({_listing(files)}) contain no test functions: pytest runs functions "
            "named `test_*` (or methods of `Test*` classes).",
            path=files[0],
        )
    return _duplicate_basenames(project, files)


def _duplicate_basenames(project: Project, files: list[str]) -> Result:
    mode = pytest_config(project)[0].get("addopts") or ""
    mode = " ".join(mode) if isinstance(mode, list) else str(mode)
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
    """LAY407: each regular package with return type hints has a `py.typed` marker."""
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
    """Plan an empty `py.typed` in each regular package that lacks one."""
    for p in project.packages:
        if not p.module and not p.namespace and not project.has(f"{p.path}/py.typed"):
            plan.create(f"{p.path}/py.typed", "", "tell type checkers the package has type hints")
