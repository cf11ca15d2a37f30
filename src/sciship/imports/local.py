"""Which import names are the author's own code, for the file that imports them.

Python finds a module in the importing script's folder, in the folder it is started from, in the
folders a script puts on ``sys.path`` (``sys.path.append("../lib")``), in ``PYTHONPATH`` (often set
by a shell script) and, under pytest, in its ``pythonpath`` setting. Folders without ``__init__.py``
are packages too (``from src.common import f``, ``import lib.io``). All of that is read statically.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from sciship._regex import compile_later

if TYPE_CHECKING:
    from sciship.imports.resolve import Resolution
    from sciship.imports.scan import ScanResult
    from sciship.project import Project

TEST_DIRS = frozenset({"tests", "test", "testing"})
DOC_DIRS = frozenset({"docs", "doc", "documentation"})
_SHELL = compile_later(r"(^|/)(Makefile|makefile|GNUmakefile|[^/]*\.(sh|bash|mk)|\.envrc|\.env)$")


class FirstParty:
    """Names that refer to the project's own code, for the file doing the import."""

    def __init__(
        self, project: Project, packaged: bool, scans: Mapping[str, ScanResult] | None = None
    ) -> None:
        children: dict[str, set[str]] = defaultdict(set)
        has_init: set[str] = set()
        namespace_dirs: dict[str, set[str]] = defaultdict(set)
        all_names: set[str] = set()
        module_stems: list[tuple[str, str]] = []
        folders: set[str] = {""}
        for f in project.files:
            if not f.endswith((".py", ".pyi", ".ipynb", ".so", ".pyd", ".pyx")):
                continue
            parts = f.split("/")
            folder = "/".join(parts[:-1])
            folders.add(folder)
            if parts[-1] == "__init__.py":
                has_init.add(folder)
            if f.endswith((".py", ".pyi", ".so", ".pyd", ".pyx")):  # .pyx: a Cython extension built here
                stem = parts[-1].split(".", 1)[0]
                if stem.isidentifier() and stem != "__init__":
                    children[folder].add(stem)
                    module_stems.append((folder, stem))
                    all_names.add(stem)
            for i in range(len(parts) - 1):
                parent, name = "/".join(parts[:i]), parts[i]
                folders.add("/".join(parts[: i + 1]))
                # (a folder of notebooks only is nothing to import: pynucastro's paper notebooks keep
                # theirs in `networkx/`, and `import networkx` was taken for it, left out of requirements)
                if name.isidentifier() and not f.endswith(".ipynb"):
                    namespace_dirs[parent].add(name)
                    all_names.add(name)
        for d in has_init:
            parent, _, name = d.rpartition("/")
            if name.isidentifier():
                children[parent].add(name)
        self.children = children
        self.namespace_dirs = namespace_dirs
        self.has_init = has_init
        self.folders = frozenset(folders)
        glob = {p.name for p in project.packages}
        glob |= children.get("src", set()) | namespace_dirs.get("src", set())
        # `import docs.conf`, `from src.common import f`, `import lib.io` from the project root
        self.root_namespaces = frozenset(namespace_dirs.get("", set()))
        for d in has_init:  # local packages anywhere (outside tests and docs) are importable by name
            parent, _, name = d.rpartition("/")
            lowered = {p.lower() for p in d.split("/")}
            if parent not in has_init and not lowered & (TEST_DIRS | DOC_DIRS) and name.isidentifier():
                glob.add(name)
        if not packaged:  # a folder of scripts: anything in it is the author's own code
            glob |= all_names
            # and the folder itself, imported by its own name (`from scellst_reproducibility.submit_scripts
            # import ...` in sCellST_reproducibility/, its parent on sys.path)
            own = re.sub(r"[-.]", "_", project.root.name)
            if own.isidentifier():
                glob |= {own, own.lower()}
        # folders put on the import path by scripts, shell scripts and pytest; a folder that only the
        # documentation's or the tests' own files put there (Sphinx's `sys.path.insert(0, ".")` in
        # docs/conf.py) is importable from those files only, not from the package
        found = self._path_folders(project, scans or {})
        self.path_folders = tuple(sorted(found))
        self._area_names: dict[str, set[str]] = defaultdict(set)
        for folder, areas in found.items():
            if None in areas:
                glob |= self._importable_in(folder)
            else:
                for area in areas:
                    self._area_names[area or ""] |= self._importable_in(folder)
        # modules in folders that are not packages: importable by their bare name once a script or a
        # test puts their folder on sys.path
        self.anywhere = frozenset(stem for folder, stem in module_stems if folder not in has_init)
        self.all_names = frozenset(all_names)
        self.globals = frozenset(glob)
        self._cache: dict[str, frozenset[str]] = {}
        self._named: dict[str, list[str]] = {}

    # ------------------------------------------------------------------ questions
    def is_local(self, top: str, rel: str) -> bool:
        if top in self.globals:
            return True
        if self._area_names and top in self._area_names.get(_area(rel) or "", ()):
            return True
        folder = rel.rpartition("/")[0]
        names = self._cache.get(folder)
        if names is None:
            names = self._cache[folder] = self._names_for(folder)
        return top in names

    def probably_local(self, top: str, resolutions: list[Resolution], module: str = "") -> bool:
        """An import sciship could not resolve, named exactly like a module or folder somewhere in the
        project (a script that puts another folder on ``sys.path`` in a way sciship cannot follow, tests
        that import a data folder) or private (``_helpers``), is the author's own code.

        ``module`` is the dotted name as written: ``programs._mtracks`` is local only when some folder
        ``programs`` holds a module or folder ``_mtracks`` (a folder of notebooks named ``programs`` in the
        docs does not make a deleted ``programs/_mtracks.py`` local)."""
        if any(r.source != "guess" for r in resolutions):
            return False
        if top not in self.all_names:
            return top.startswith("_")
        parts = module.split(".")
        if len(parts) < 2 or parts[0] != top:
            return True
        child = parts[1]
        return any(
            folder.rpartition("/")[2] == top
            and (child in self.children.get(folder, ()) or child in self.namespace_dirs.get(folder, ()))
            for folder in self._folders_named(top)
        )

    def _folders_named(self, name: str) -> list[str]:
        found = self._named.get(name)
        if found is None:
            found = self._named[name] = [f for f in self.folders if f.rpartition("/")[2] == name]
        return found

    def close_names(self, name: str, limit: int = 3) -> list[str]:
        """The project's module names closest to ``name`` (``fig_6_helper_defs`` for ``fig_3_...``)."""
        if len(name) < 5:
            return []
        close = difflib.get_close_matches(name, sorted(self.all_names - {name}), n=limit, cutoff=0.85)
        return [c for c in close if abs(len(c) - len(name)) <= 2]

    # ------------------------------------------------------------------ helpers
    def _names_for(self, folder: str) -> frozenset[str]:
        # Python puts the script's folder on sys.path; pytest the first folder above without __init__.py
        base = folder
        while base and base in self.has_init:
            base = base.rpartition("/")[0]
        names = self._importable_in(base) | self.children.get("", set())
        names |= self.root_namespaces  # `import docs.conf` from the project root
        # a test sub-folder named like a library (tests/pandas/) is not what `import pandas` means
        parts = folder.split("/") if folder else []
        for i, part in enumerate(parts):
            if any(p.lower() in TEST_DIRS for p in parts[:i]):
                names.discard(part)
        return frozenset(names)

    def _importable_in(self, folder: str) -> set[str]:
        """Modules, packages and folders without ``__init__.py`` directly inside ``folder``."""
        return set(self.children.get(folder, ())) | self.namespace_dirs.get(folder, set())

    def _path_folders(self, project: Project, scans: Mapping[str, ScanResult]) -> dict[str, set[str | None]]:
        """Folders put on ``sys.path``, each with the areas (``docs``, ``tests``) of the files that put it
        there; ``None`` stands for any other file (a script, a module of the package, a shell script)."""
        found: dict[str, set[str | None]] = defaultdict(set)
        for rel, result in scans.items():
            here = rel.rpartition("/")[0]
            area = _area(rel)
            for entry in result.sys_paths:
                base, _, path = entry.partition(":")
                if base == "abs":
                    for tail in self._by_suffix(path):
                        found[tail].add(area)
                    continue
                candidates = [posixpath.join(here, path)]
                if base == "cwd":
                    candidates.append(path)  # started from the project root
                for inside in map(_inside, candidates):
                    if inside is not None and inside in self.folders:
                        found[inside].add(area)
        for rel, value in _shell_pythonpaths(project):
            here = rel.rpartition("/")[0]
            for path in value:
                for inside in (_inside(posixpath.join(here, path)), _inside(path)):
                    if inside is not None and inside in self.folders:
                        found[inside].add(None)
        for path in _pytest_pythonpath(project):
            inside = _inside(path)
            if inside is not None and inside in self.folders:
                found[inside].add(None)
        return found

    def _by_suffix(self, path: str) -> list[str]:
        """An absolute path from the author's computer (``/home/me/paper/lib``): the longest tail of it
        that is a folder of this project (``lib``)."""
        parts = [p for p in path.split("/") if p]
        for k in range(len(parts) - 1, 0, -1):
            tail = "/".join(parts[-k:])
            if tail in self.folders:
                return [tail]
        return []


def _area(rel: str) -> str | None:
    """``docs`` or ``tests`` for a file of the documentation or the tests (by its first folder)."""
    first = rel.partition("/")[0].lower() if "/" in rel else ""
    if first in DOC_DIRS:
        return "docs"
    if first in TEST_DIRS:
        return "tests"
    return None


def _inside(path: str) -> str | None:
    """``path`` normalised, or None when it leaves the project."""
    norm = posixpath.normpath(path) if path else "."
    if norm == ".":
        return ""
    if norm.startswith(("../", "/")) or norm == "..":
        return None
    return norm


# ---------------------------------------------------------------------- PYTHONPATH in shell scripts
_ASSIGN = compile_later(r"^\s*(?:export\s+)?([A-Za-z_]\w*)=(.*)$")
_PWD = compile_later(r"\$\(\s*pwd\s*\)|`pwd`|\$\{PWD\}|\$PWD")
_REALPATH = compile_later(r"\$\(\s*(?:realpath|readlink -f)\s+(.*?)\s*\)")


def _shell_pythonpaths(project: Project) -> Iterable[tuple[str, list[str]]]:
    """``(file, [folder, ...])`` for every ``PYTHONPATH=...`` in the project's shell scripts and makefiles."""
    for rel in project.files:
        if rel.count("/") > 2 or not _SHELL.search(rel):
            continue
        text = project.read_text(rel)
        if not text or "PYTHONPATH" not in text:
            continue
        variables: dict[str, str] = {}
        for line in text.splitlines():
            m = _ASSIGN.match(line)
            if not m:
                continue
            name, value = m.group(1), m.group(2).split("#", 1)[0].strip()
            value = re.split(r"\s*(?:;|&&|\|\|)\s*|\s+(?=\S+=)", value, maxsplit=1)[0]
            value = _REALPATH.sub(r"\1", _PWD.sub(".", value)).replace('"', "").replace("'", "")
            for var, known in variables.items():
                value = value.replace("${" + var + "}", known).replace("$" + var, known)
            if name != "PYTHONPATH":
                if "$" not in value:
                    variables[name] = value
                continue
            folders = [p.strip() for p in value.split(":")]
            yield rel, [p.removeprefix("./") for p in folders if p and "$" not in p and not p.startswith("/")]


def _pytest_pythonpath(project: Project) -> list[str]:
    """pytest's ``pythonpath`` setting (pyproject.toml or pytest.ini)."""
    data = project.pyproject or {}
    tool = data.get("tool")
    pytest = tool.get("pytest") if isinstance(tool, dict) else None
    options = pytest.get("ini_options") if isinstance(pytest, dict) else None
    value = options.get("pythonpath") if isinstance(options, dict) else None
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    text = project.read_text("pytest.ini") if project.has("pytest.ini") else None
    m = re.search(r"^pythonpath\s*=\s*(.+)$", text or "", re.MULTILINE)
    return m.group(1).split() if m else []
