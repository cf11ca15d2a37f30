"""What the build backend will do with the project, read statically the way each backend decides it.

Checks that say "this folder will be missing from the wheel" or "the tests ship as a top-level package"
must follow the real rules of the backend the project uses, not one rule for all:

- setuptools finds packages from ``[tool.setuptools] packages`` / ``packages.find`` in pyproject.toml
  (namespace folders included by default there), ``packages = find: / find_namespace: / a list`` in
  setup.cfg, the ``packages=`` argument of ``setup()`` (``find_packages(where, include, exclude)``,
  ``find_namespace_packages``, a literal list), or, when none is given, its automatic discovery (namespace
  aware; in the flat layout it leaves out tests, docs, examples, ...). With ``include_package_data`` (the
  default for pyproject-configured projects) it also copies every file of a package folder that the sdist
  holds: all git-tracked files when setuptools-scm is a build requirement, else what MANIFEST.in names.
- hatchling, flit, poetry-core, pdm-backend, uv_build, maturin and scikit-build-core ship whole package
  folders (every file in them), chosen by the project's name unless configured otherwise.
- meson-python ships only what ``meson.build`` installs, which sciship does not read: it says it is not sure.

Nothing here runs code; setup.py is read with ``ast`` and only literal arguments count.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from sciship.project import Project

Backend = Literal[
    "setuptools", "hatchling", "flit", "poetry", "pdm", "uv", "maturin", "scikit-build", "meson", "other",
    "none",
]
#: backends that put every file of a package folder into the wheel (no ``__init__.py`` needed below it)
WHOLE_FOLDER_BACKENDS = frozenset({"hatchling", "flit", "poetry", "pdm", "uv", "maturin", "scikit-build"})
#: backend names as users know them
BACKEND_NAMES: dict[str, str] = {
    "setuptools": "setuptools",
    "hatchling": "hatchling",
    "flit": "flit_core",
    "poetry": "poetry-core",
    "pdm": "pdm-backend",
    "uv": "uv_build",
    "maturin": "maturin",
    "scikit-build": "scikit-build-core",
    "meson": "meson-python",
}
_BACKEND_MODULES: tuple[tuple[str, Backend], ...] = (
    ("setuptools", "setuptools"),
    ("hatchling", "hatchling"),
    ("flit_core", "flit"),
    ("flit.", "flit"),
    ("poetry", "poetry"),
    ("pdm", "pdm"),
    ("uv_build", "uv"),
    ("maturin", "maturin"),
    ("scikit_build_core", "scikit-build"),
    ("mesonpy", "meson"),
)
#: top-level folders setuptools' automatic discovery never takes as packages in the flat layout
#: (setuptools.discovery.FlatLayoutPackageFinder.DEFAULT_EXCLUDE, abridged to folder names)
_FLAT_EXCLUDE = frozenset(
    {
        "ci", "bin", "debian", "doc", "docs", "documentation", "manpages", "news", "newsfragments",
        "changelog", "test", "tests", "unit_test", "unit_tests", "example", "examples", "scripts", "tools",
        "util", "utils", "python", "build", "dist", "venv", "env", "requirements", "tasks", "fabfile",
        "site_scons", "benchmark", "benchmarks", "exercise", "exercises", "htmlcov", "src",
    }
)


def backend(project: Project) -> Backend:
    """The build backend the project names (setuptools for a setup.py-only project)."""

    def compute() -> Backend:
        data = project.pyproject or {}
        bs = data.get("build-system")
        name = bs.get("build-backend") if isinstance(bs, dict) else None
        if isinstance(name, str) and name.strip():
            for prefix, kind in _BACKEND_MODULES:
                if name.startswith(prefix):
                    return kind
            return "other"
        if project.has("setup.py") or project.has("setup.cfg") or isinstance(data.get("project"), dict):
            return "setuptools"  # pip's fallback: setuptools' legacy backend
        return "none"

    return project.memo("build:backend", compute)  # type: ignore[no-any-return]


def build_requires(project: Project) -> list[str]:
    bs = (project.pyproject or {}).get("build-system")
    req = bs.get("requires") if isinstance(bs, dict) else None
    return [str(r) for r in req] if isinstance(req, list) else []


def _tool(project: Project, *keys: str) -> Any:
    node: Any = project.pyproject or {}
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


# ---------------------------------------------------------------------- setuptools configuration
@dataclass(frozen=True)
class Finder:
    """How setuptools chooses packages: a finder call, a literal list, or automatic discovery."""

    kind: Literal["find", "find_namespace", "list", "auto", "unknown"]
    where: tuple[str, ...] = (".",)
    include: tuple[str, ...] = ("*",)
    exclude: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()  #: for ``list``
    origin: str = "pyproject.toml"  #: the file that says so
    package_dir: str = ""  #: ``package_dir={"": "src"}``


def setuptools_finder(project: Project) -> Finder:
    return project.memo("build:finder", lambda: _finder(project))  # type: ignore[no-any-return]


def _strs(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in re.split(r"[,\n]", value) if v.strip())
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return ()


def _finder(project: Project) -> Finder:
    packages = _tool(project, "tool", "setuptools", "packages")
    if isinstance(packages, list):
        return Finder("list", packages=_strs(packages))
    if isinstance(packages, dict) and isinstance(packages.get("find"), dict):
        find = packages["find"]
        namespaces = find.get("namespaces", True) is not False
        return Finder(
            "find_namespace" if namespaces else "find",
            where=_strs(find.get("where")) or (".",),
            include=_strs(find.get("include")) or ("*",),
            exclude=_strs(find.get("exclude")),
        )
    cfg = _setup_cfg_finder(project)
    if cfg is not None:
        return cfg
    py = _setup_py_finder(project)
    if py is not None:
        return py
    return Finder("auto", origin="automatic discovery")


def _setup_cfg_finder(project: Project) -> Finder | None:
    if not project.has("setup.cfg"):
        return None
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(project.read_text("setup.cfg") or "")
    except configparser.Error:
        return None
    if not parser.has_option("options", "packages"):
        return None
    value = parser.get("options", "packages").strip()
    package_dir = ""
    if parser.has_option("options", "package_dir"):
        m = re.search(r"^\s*=\s*(\S+)", parser.get("options", "package_dir"), re.MULTILINE)
        package_dir = m.group(1) if m else ""
    if value in ("find:", "find_namespace:"):
        section = "options.packages.find"

        def get(key: str) -> tuple[str, ...]:
            return _strs(parser.get(section, key)) if parser.has_option(section, key) else ()

        return Finder(
            "find" if value == "find:" else "find_namespace",
            where=get("where") or ((package_dir,) if package_dir else (".",)),
            include=get("include") or ("*",),
            exclude=get("exclude"),
            origin="setup.cfg",
            package_dir=package_dir,
        )
    return Finder("list", packages=_strs(value), origin="setup.cfg", package_dir=package_dir)


def _setup_py_finder(project: Project) -> Finder | None:
    text = project.read_text("setup.py") if project.has("setup.py") else None
    if not text:
        return None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return Finder("unknown", origin="setup.py")
    call = next(
        (
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Call)
            and (getattr(n.func, "id", None) == "setup" or getattr(n.func, "attr", None) == "setup")
        ),
        None,
    )
    if call is None:
        return None
    kwargs = {kw.arg: kw.value for kw in call.keywords if kw.arg}
    package_dir = ""
    dirs = kwargs.get("package_dir")
    if isinstance(dirs, ast.Dict):
        for k, v in zip(dirs.keys, dirs.values, strict=False):
            if isinstance(k, ast.Constant) and k.value == "" and isinstance(v, ast.Constant):
                package_dir = str(v.value)
    node = kwargs.get("packages")
    if node is None:
        if any(isinstance(kw.value, ast.Dict) for kw in call.keywords if kw.arg is None):
            return Finder("unknown", origin="setup.py")  # setup(**config): sciship cannot see it
        return None
    if isinstance(node, ast.Call):
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in ("find_packages", "find_namespace_packages"):
            args = {kw.arg: kw.value for kw in node.keywords if kw.arg}
            positional = list(node.args)
            where_node = args.get("where") or (positional[0] if positional else None)
            exclude_node = args.get("exclude") or (positional[1] if len(positional) > 1 else None)
            include_node = args.get("include") or (positional[2] if len(positional) > 2 else None)
            try:
                where = _strs(ast.literal_eval(where_node)) if where_node is not None else ()
                exclude = _strs(ast.literal_eval(exclude_node)) if exclude_node is not None else ()
                include = _strs(ast.literal_eval(include_node)) if include_node is not None else ()
            except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
                return Finder("unknown", origin="setup.py")
            return Finder(
                "find" if name == "find_packages" else "find_namespace",
                where=where or ((package_dir,) if package_dir else (".",)),
                include=include or ("*",),
                exclude=exclude,
                origin="setup.py",
                package_dir=package_dir,
            )
        return Finder("unknown", origin="setup.py")
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
        return Finder("unknown", origin="setup.py")
    return Finder("list", packages=_strs(value), origin="setup.py", package_dir=package_dir)


def include_package_data(project: Project) -> bool:
    """Whether setuptools copies the non-module files of package folders into the wheel."""
    value = _tool(project, "tool", "setuptools", "include-package-data")
    if isinstance(value, bool):
        return value
    if isinstance((project.pyproject or {}).get("project"), dict):
        return True  # the default for projects configured through pyproject.toml
    cfg = project.read_text("setup.cfg") if project.has("setup.cfg") else None
    flags = re.MULTILINE | re.IGNORECASE
    if cfg and re.search(r"^\s*include_package_data\s*=\s*(true|1|yes)\s*$", cfg, flags):
        return True
    py = project.read_text("setup.py") if project.has("setup.py") else None
    return bool(py and re.search(r"include_package_data\s*=\s*True", py))


def _sdist_holds(project: Project, folder: str) -> bool:
    """Whether setuptools' sdist holds the files of ``folder`` (git file finder, or MANIFEST.in)."""
    if any(re.match(r"setuptools[-_]scm\b", r.strip().lower()) for r in build_requires(project)):
        return True
    manifest = project.read_text("MANIFEST.in") if project.has("MANIFEST.in") else None
    if not manifest:
        return False
    for line in manifest.splitlines():
        words = line.split()
        if len(words) < 2:
            continue
        cmd, target = words[0], words[1].strip("/")
        if cmd in ("graft", "recursive-include") and (folder == target or folder.startswith(target + "/")):
            return True
    return False


# ---------------------------------------------------------------------- what ships
Shipping = Literal["ships", "missing", "excluded", "unsure"]


def _dotted(folder: str, root: str) -> str:
    rel = folder[len(root) + 1 :] if root not in ("", ".") else folder
    return rel.replace("/", ".")


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, p) for p in patterns)


def folder_ships(project: Project, folder: str) -> tuple[Shipping, str]:
    """Whether the files of ``folder`` (a folder without ``__init__.py`` inside a package) reach the wheel.

    Returns the answer and a few words on why (the rule that decided), for messages.
    """
    kind = backend(project)
    if kind in WHOLE_FOLDER_BACKENDS:
        return "ships", f"{BACKEND_NAMES[kind]} puts every file of the package folder into the wheel"
    if kind == "meson":
        return "unsure", "meson-python installs what meson.build lists, which sciship does not read"
    if kind != "setuptools":
        return "unsure", "sciship does not know how this build backend chooses files"
    finder = setuptools_finder(project)
    root = next((w.strip("./") for w in finder.where if folder.startswith(w.strip("./") + "/")), "")
    if finder.package_dir and folder.startswith(finder.package_dir + "/"):
        root = finder.package_dir
    dotted = _dotted(folder, root)
    if finder.kind == "unknown":
        return "unsure", f"`{finder.origin}` computes its package list, which sciship does not run"
    if finder.kind in ("find", "find_namespace") and (
        _matches(dotted, finder.exclude) or not _matches(dotted, finder.include)
    ):
        return "excluded", f"`{finder.origin}` leaves it out on purpose (include/exclude)"
    if finder.kind in ("find_namespace", "auto"):
        return "ships", "setuptools finds folders without `__init__.py` here (namespace packages)"
    if finder.kind == "list" and dotted in finder.packages:
        return "ships", f"`{finder.origin}` lists it by name"
    if include_package_data(project) and _sdist_holds(project, folder):
        return "ships", "setuptools copies it as package data (include-package-data and the sdist hold it)"
    how = "`find_packages()`" if finder.kind == "find" else "the package list"
    return "missing", f"{how} in `{finder.origin}` only takes folders with an `__init__.py`"


def top_level_shipped(project: Project, name: str) -> tuple[bool | None, str]:
    """Whether the top-level folder ``name`` (e.g. ``tests``) goes into the wheel as a package.

    ``None`` when sciship cannot tell. The text names the setting that decides.
    """
    kind = backend(project)
    if kind == "hatchling":
        for table in (("tool", "hatch", "build", "targets", "wheel"), ("tool", "hatch", "build")):
            for key in ("packages", "only-include", "include"):
                value = _tool(project, *table, key)
                if isinstance(value, list) and any(
                    str(v).strip("/") in {name, f"{name}/**", f"/{name}", f"{name}/*"} for v in value
                ):
                    return True, "pyproject.toml"
        return False, "hatchling ships only the package named after the project unless told otherwise"
    if kind == "poetry":
        packages = _tool(project, "tool", "poetry", "packages")
        if isinstance(packages, list) and any(
            isinstance(p, dict) and str(p.get("include", "")).strip("/") == name for p in packages
        ):
            return True, "pyproject.toml"
        return False, "poetry-core ships the packages it is told to (or the one named after the project)"
    if kind in ("flit", "uv", "maturin", "scikit-build"):
        return False, f"{BACKEND_NAMES[kind]} ships the module named after the project"
    if kind != "setuptools":
        return None, "sciship does not know how this build backend chooses packages"
    finder = setuptools_finder(project)
    if finder.kind == "unknown":
        return None, f"`{finder.origin}` computes its package list"
    if finder.kind == "list":
        return name in finder.packages, finder.origin
    if finder.kind == "auto":
        return False, "setuptools' automatic discovery leaves `tests` out"
    if not any(w.strip("./") == "" for w in finder.where):
        return False, finder.origin  # packages are found under src/ (or another folder), not at the top
    if _matches(name, finder.exclude) or not _matches(name, finder.include):
        return False, finder.origin
    if finder.kind == "find" and not project.has(f"{name}/__init__.py"):
        return False, finder.origin
    has_py = any(f.endswith(".py") for f in project.under(name))
    return has_py, finder.origin


def flat_auto_excluded(name: str) -> bool:
    return name in _FLAT_EXCLUDE or name.startswith(("_", "."))


# ---------------------------------------------------------------------- workspaces
def not_a_package(project: Project) -> str | None:
    """Why this folder is not itself a package (a workspace or monorepo root), else None."""

    def compute() -> str | None:
        poetry = _tool(project, "tool", "poetry")
        members = workspace_members(project)
        if isinstance(poetry, dict) and poetry.get("package-mode") is False:
            where = f"; its packages are {_names(members)}" if members else ""
            return f"pyproject.toml sets `package-mode = false`: this folder is a development root{where}"
        uv = _tool(project, "tool", "uv")
        if isinstance(uv, dict) and uv.get("package") is False:
            return "pyproject.toml sets `[tool.uv] package = false`: this folder is not a package"
        data = project.pyproject or {}
        is_package = (
            isinstance(data.get("project"), dict)
            or (isinstance(poetry, dict) and bool(poetry.get("name")))
            or project.has("setup.py")
            or project.has("setup.cfg")
        )
        if members and not is_package:
            return f"this folder is a workspace; its packages are {_names(members)}"
        return None

    return project.memo("build:not_a_package", compute)  # type: ignore[no-any-return]


def workspace_members(project: Project) -> list[str]:
    """Folders one or two levels down that hold their own pyproject.toml."""
    out = []
    for f in project.files:
        p = PurePosixPath(f)
        if p.name == "pyproject.toml" and 2 <= len(p.parts) <= 3 and not p.parts[0].startswith("."):
            out.append(str(p.parent))
    return sorted(out)


def _names(members: list[str]) -> str:
    shown = ", ".join(f"`{m}/`" for m in members[:5])
    return shown + (f" and {len(members) - 5} more" if len(members) > 5 else "")
