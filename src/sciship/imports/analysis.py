"""From imports to verdicts: what the code needs, what the project declares, and where they differ.

:func:`analyze` scans every ``.py`` file and notebook once (results cached by content in the user's
cache folder), decides the *scope* of each file (package code, tests, docs, notebooks, scripts),
sorts imports into standard library / first-party / third-party, maps third-party imports to
distributions, and compares them with the declared dependencies.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from sciship.imports import declared as decl
from sciship.imports.resolve import Resolution, distribution_for, plugin_kind
from sciship.imports.scan import ImportSite, ScanResult, scan_notebook, scan_source
from sciship.imports.stdlib import OLDEST, PYTHON2_ONLY, PythonVersion, added_in, is_stdlib_any
from sciship.project import Problem

if TYPE_CHECKING:
    from sciship.imports.cache import ScanCache
    from sciship.project import Project

Scope = Literal["runtime", "test", "docs", "notebook", "script", "optional", "typing"]
FileScope = Literal["runtime", "test", "docs", "notebook", "script", "build"]
Status = Literal["ok", "missing", "unused", "misplaced", "optional", "unverified"]
SCOPE_ORDER: tuple[Scope, ...] = ("runtime", "optional", "typing", "test", "docs", "notebook", "script")

TEST_DIRS = frozenset({"tests", "test", "testing"})
DOC_DIRS = frozenset({"docs", "doc", "documentation"})
BUILD_FILES = frozenset({"setup.py", "noxfile.py", "tasks.py", "fabfile.py", "dodo.py", "pavement.py"})
_PLUGIN_PREFIXES: tuple[tuple[str, str], ...] = (
    ("pytest-", "pytest plugin"),
    ("sphinx-", "Sphinx extension"),
    ("sphinxcontrib-", "Sphinx extension"),
    ("mkdocs-", "MkDocs plugin"),
    ("types-", "type stubs"),
    ("flake8-", "flake8 plugin"),
    ("jupyterlab-", "JupyterLab extension"),
    ("pandas-stubs", "type stubs"),
    ("hatch-", "build plugin"),
)


@dataclass(frozen=True)
class DependencyVerdict:
    """One distribution: how the code uses it, where it is declared, and sciship's verdict."""

    distribution: str  #: PEP 503 normalised name
    imports: tuple[str, ...]  #: import names that map to it
    scopes: tuple[Scope, ...]
    declared: tuple[str, ...]  #: locations (``project.dependencies``, ``dependency-groups.test``, ...)
    status: Status
    files: tuple[str, ...]
    source: str = "declared"  #: how the name was found: environment / curated / guess / declared
    candidates: tuple[str, ...] = ()  #: for ambiguous imports: every distribution that provides it
    plugin: str | None = None  #: the kind of plugin when it is used without being imported
    marker: str | None = None  #: PEP 508 marker when every runtime import is under the same condition
    first_site: ImportSite | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "distribution": self.distribution,
            "imports": list(self.imports),
            "scopes": list(self.scopes),
            "declared": list(self.declared),
            "status": self.status,
            "files": list(self.files),
        }


@dataclass(frozen=True)
class RequiresPython:
    declared: str | None
    detected_minimum: str | None
    declared_minimum: str | None = None
    reason: str | None = None  #: what needs the detected minimum
    path: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class DepsReport:
    dependencies: list[DependencyVerdict]
    requires_python: RequiresPython
    problems: list[Problem]
    packaged: bool  #: the folder has a package (pyproject [project] or an import package)
    files_scanned: int = 0

    def by_status(self, *statuses: Status, scope: Scope | None = None) -> list[DependencyVerdict]:
        return [d for d in self.dependencies if d.status in statuses and (scope is None or scope in d.scopes)]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": 1,
            "dependencies": [d.to_json() for d in self.dependencies],
            "requires_python": {
                "declared": self.requires_python.declared,
                "detected_minimum": self.requires_python.detected_minimum,
            },
            "problems": [{"path": p.path, "line": p.line, "message": p.message} for p in self.problems],
        }


# ---------------------------------------------------------------------- entry point
def analyze(project: Project, *, cache: bool = True) -> DepsReport:
    """The dependency analysis of ``project``, computed once per snapshot (``project.memo("deps")``)."""
    return project.memo("deps", lambda: _analyze(project, cache=cache))  # type: ignore[no-any-return]


def _analyze(project: Project, *, cache: bool) -> DepsReport:
    declared = decl.collect(project)
    packaged = bool(project.packages) or bool(project.metadata)
    items = _demote_environment_files(declared.items, packaged)
    scans = _scan_all(project, cache)
    scopes = _file_scopes(project)
    min_declared = _lower_bound(declared.requires_python)
    local = _FirstParty(project, packaged)
    declared_names = frozenset(d.name for d in items)

    usages: dict[str, _Usage] = defaultdict(_Usage)
    resolved: dict[tuple[str, tuple[str, ...]], list[Resolution]] = {}
    for rel, result in scans.items():
        file_scope = scopes.get(rel, "script")
        if file_scope == "build":
            continue
        for site in result.imports:
            if site.level or local.is_local(site.top, rel) or is_stdlib_any(site.top, min_declared or OLDEST):
                continue
            if site.top in PYTHON2_ONLY and site.context in {"optional", "conditional"}:
                continue  # the Python 2 side of a compatibility import
            key = (site.module, site.names)
            if key not in resolved:
                resolved[key] = _resolve_site(site, declared_names)
            if local.probably_local(site.top, resolved[key]):
                continue
            for res in resolved[key]:
                usages[res.distribution].add(res, site, _site_scope(file_scope, site))

    _match_declared_names(usages, frozenset(d.name for d in items if not d.dump))
    verdicts = _verdicts(usages, items, packaged)
    problems = [*declared.problems, *(r.problem for r in scans.values() if r.problem is not None)]
    # files Project could not read or decode (whoever read them first)
    problems.extend(
        p for p in project.problems if p.path.endswith((".py", ".ipynb", "/")) and p.path not in scans
    )  # files that could not be read, and folders that could not be opened
    problems.extend(_ambiguity_problems(verdicts))
    rp = _requires_python(declared.requires_python, min_declared, scans, scopes, packaged, local)
    return DepsReport(verdicts, rp, problems, packaged, len(scans))


def _demote_environment_files(items: Iterable[decl.Declaration], packaged: bool) -> list[decl.Declaration]:
    """In a package, requirements files and conda environments describe a developer's setup."""
    if not packaged:
        return list(items)
    out = []
    for d in items:
        if d.location.startswith(("project.", "dependency-groups.", "setup.")):
            out.append(d)
        else:
            out.append(decl.Declaration(d.name, d.location, "dev", d.requirement, d.path, d.line, dump=True))
    return out


# ---------------------------------------------------------------------- scanning
def _scan_all(project: Project, use_cache: bool) -> dict[str, ScanResult]:
    import hashlib

    store: ScanCache | None = None
    if use_cache:
        from sciship.imports.cache import ScanCache

        store = ScanCache(str(project.root))
    out: dict[str, ScanResult] = {}
    todo: list[tuple[str, str, str]] = []  # (path, text, cache key)
    for rel in [*project.python_files(), *project.notebooks()]:
        data = project.read_bytes(rel)
        if data is None:
            continue
        kind = ":nb" if rel.endswith(".ipynb") else ":py"
        key = hashlib.sha256(data).hexdigest() + kind  # test files get the full syntax check
        cached = store.get(key, rel) if store is not None else None
        if cached is not None:
            out[rel] = cached
            continue
        text = project.read_text(rel)
        if text is not None:  # not UTF-8: Project already recorded why
            todo.append((rel, text, key))
    for (rel, _text, key), result in zip(todo, _scan_todo(project, todo), strict=True):
        out[rel] = result
        if store is not None:
            store.put(key, result)
    if store is not None:
        store.save()
    return out


def _scan_todo(project: Project, todo: list[tuple[str, str, str]]) -> list[ScanResult]:
    """Scan ``todo``, taking what a scan started by ``prefetch_scan`` found for the same bytes."""
    if not _PREFETCH or _PREFETCH[0][0] is not project:
        return _scan_many([(r, t) for r, t, _ in todo])
    early = {name for names, _future in _PREFETCH[0][2] for name in names}
    here = {i: _scan_one((rel, text)) for i, (rel, text, key) in enumerate(todo) if (rel, key) not in early}
    found = _take_prefetch()
    if found is None:  # the early scan failed: scan the rest the normal way
        rest = [i for i in range(len(todo)) if i not in here]
        here.update(zip(rest, _scan_many([todo[i][:2] for i in rest]), strict=True))
        return [here[i] for i in range(len(todo))]
    return [here[i] if i in here else found[(rel, key)] for i, (rel, _text, key) in enumerate(todo)]


def _scan_one(item: tuple[str, str]) -> ScanResult:
    rel, text = item
    if rel.endswith(".ipynb"):
        return scan_notebook(text, rel)
    # Every file gets the full syntax check, even where the fast scan understood it: a file that does not
    # parse must be reported with its line (issue 6), not have its imports counted. It costs about as much
    # as the scan itself on a cold cache (pandera: ~0.12 s) and nothing on a warm one.
    return scan_source(text, rel, check_syntax=True)


#: the files of the current parallel scan: worker processes are forked, so they inherit them and
#: only a list of indices travels to them
_ITEMS: list[tuple[str, str]] = []


def _scan_indices(indices: list[int]) -> list[ScanResult]:
    return [_scan_one(_ITEMS[i]) for i in indices]


#: scan in worker processes when this much text (characters) is not in the cache and there are 2+
#: CPUs; below about 1 MB starting a worker costs more than it saves
PARALLEL_MIN_CHARS = 1_000_000


def _scan_many(items: list[tuple[str, str]]) -> list[ScanResult]:
    """Scan ``items``, sharing the work between this process and forked workers for large trees.

    Each process gets one share of about equal size (one task each: a task per file cost 0.2 ms of
    messages per file), and this process scans its own share meanwhile.
    """
    workers = _free_cpus()
    if sum(len(text) for _, text in items) < PARALLEL_MIN_CHARS or workers < 2:
        return [_scan_one(item) for item in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return [_scan_one(item) for item in items]  # spawning fresh interpreters costs more than it saves
    # a full syntax check about doubles the cost of a test file
    shares = _shares([len(text) for _, text in items], workers)
    _ITEMS[:] = items
    out: list[ScanResult | None] = [None] * len(items)
    try:
        with ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_scan_indices, share) for share in shares[1:]]
            for index, result in zip(shares[0], _scan_indices(shares[0]), strict=True):
                out[index] = result
            for share, future in zip(shares[1:], futures, strict=True):
                for index, result in zip(share, future.result(), strict=True):
                    out[index] = result
    except (OSError, RuntimeError):  # no processes allowed here: scan in this one
        return [_scan_one(item) for item in items]
    finally:
        _ITEMS.clear()
    return [r if r is not None else _scan_one(items[i]) for i, r in enumerate(out)]


#: a scan started early by ``prefetch_scan``: (project, pool, [(files, future)]); one at a time
_PREFETCH: list[tuple[Any, Any, list[tuple[list[tuple[str, str]], Any]]]] = []


def prefetch_scan(project: Project) -> None:
    """On a cold cache, start scanning part of the files in forked workers now (``sciship check``).

    The workers scan while this process runs the checks that do not need the scan; ``analyze`` then
    takes their results for files whose bytes are unchanged and scans the rest here. Files are read
    directly, not through ``project``, so that the problems ``project`` records keep their order. Does
    nothing when a scan cache exists, when threads already run (no fork after threads), or on any error.
    """
    import threading

    if _PREFETCH or threading.active_count() > 1 or _free_cpus() < 2:
        return
    try:
        _start_prefetch(project)
    except Exception:  # the ordinary scan runs later
        cancel_prefetch()


def _start_prefetch(project: Project) -> None:
    import hashlib
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from sciship.imports.cache import ScanCache

    reader = project._reader  # read without recording problems: they keep their order
    if reader is None or ScanCache(str(project.root)).path.exists():
        return
    if "fork" not in multiprocessing.get_all_start_methods():
        return
    items: list[tuple[str, str]] = []
    keys: list[str] = []
    for rel in [*project.python_files(), *project.notebooks()]:
        try:
            data = reader(rel)
            text = data.decode("utf-8-sig")
        except (OSError, RuntimeError, UnicodeDecodeError):
            continue  # analyze reads and reports it
        items.append((rel, text))
        keys.append(hashlib.sha256(data).hexdigest() + (":nb" if rel.endswith(".ipynb") else ":py"))
    if sum(len(text) for _, text in items) < PARALLEL_MIN_CHARS:
        return
    workers = _free_cpus()
    shares = _shares([len(text) for _, text in items], workers)[1:]  # share 0 is scanned here, later
    _ITEMS[:] = items
    pool = ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context("fork"))
    _PREFETCH.append((project, pool, []))
    for share in shares:
        future = pool.submit(_scan_indices, share)
        _PREFETCH[0][2].append(([(items[i][0], keys[i]) for i in share], future))


def _take_prefetch() -> dict[tuple[str, str], ScanResult] | None:
    """Results of the early scan by (path, cache key); None when it failed."""
    _, pool, parts = _PREFETCH[0]
    out: dict[tuple[str, str], ScanResult] = {}
    ok = True
    try:
        for names, future in parts:
            out.update(zip(names, future.result(), strict=True))
    except Exception:  # a worker died or could not start
        ok = False
    finally:
        cancel_prefetch()
        pool.shutdown(wait=True)
    return out if ok else None


def cancel_prefetch() -> None:
    """Stop an early scan nobody took (its workers end after their share)."""
    for _, pool, _parts in _PREFETCH:
        pool.shutdown(wait=False, cancel_futures=True)
    _PREFETCH.clear()
    _ITEMS.clear()


def _shares(sizes: list[int], count: int) -> list[list[int]]:
    """Indices of ``sizes`` in ``count`` groups of about equal total (biggest first, to the lightest)."""
    groups: list[list[int]] = [[] for _ in range(count)]
    totals = [0] * count
    for i in sorted(range(len(sizes)), key=lambda i: -sizes[i]):
        lightest = totals.index(min(totals))
        groups[lightest].append(i)
        totals[lightest] += sizes[i]
    return groups


def _free_cpus() -> int:
    import os

    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return min(cpus, 4)


# ---------------------------------------------------------------------- scopes
def file_scope(rel: str, package_files: frozenset[str]) -> FileScope:
    """What a file is for, judged from where it lives."""
    parts = rel.split("/")
    name = parts[-1]
    if len(parts) == 1 and name in BUILD_FILES:
        return "build"
    if parts[0].lower() in DOC_DIRS:
        return "docs"
    in_package = rel in package_files
    test_dirs = {"tests", "test"} if in_package else TEST_DIRS
    if (
        any(p.lower() in test_dirs for p in parts[:-1])
        or name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
    ):
        return "test"
    if name.endswith(".ipynb"):
        return "notebook"
    if in_package:
        return "runtime"
    return "script"


def _file_scopes(project: Project) -> dict[str, FileScope]:
    package_files = set(project.package_files())
    if not project.packages and project.name:
        own = project.name.replace("-", "_").replace(".", "_").lower()
        package_files |= {f for f in (f"{own}.py", f"src/{own}.py") if project.has(f)}
    frozen = frozenset(package_files)
    return {rel: file_scope(rel, frozen) for rel in [*project.python_files(), *project.notebooks()]}


def _site_scope(file_scope: FileScope, site: ImportSite) -> Scope:
    if file_scope == "runtime":
        if site.context == "optional":
            return "optional"
        if site.context == "typing":
            return "typing"
        return "runtime"
    return "script" if file_scope == "build" else file_scope


# ---------------------------------------------------------------------- first party
class _FirstParty:
    """Names that refer to the project's own code, for the file doing the import."""

    def __init__(self, project: Project, packaged: bool) -> None:
        children: dict[str, set[str]] = defaultdict(set)
        has_init: set[str] = set()
        namespace_dirs: dict[str, set[str]] = defaultdict(set)
        all_names: set[str] = set()
        module_stems: list[tuple[str, str]] = []
        for f in project.files:
            if not f.endswith((".py", ".pyi", ".ipynb")) and not f.endswith((".so", ".pyd")):
                continue
            parts = f.split("/")
            folder = "/".join(parts[:-1])
            if parts[-1] == "__init__.py":
                has_init.add(folder)
            if f.endswith((".py", ".pyi", ".so", ".pyd")):
                stem = parts[-1].split(".", 1)[0]
                if stem.isidentifier() and stem != "__init__":
                    children[folder].add(stem)
                    module_stems.append((folder, stem))
                    all_names.add(stem)
            for i in range(len(parts) - 1):
                parent, name = "/".join(parts[:i]), parts[i]
                if name.isidentifier():
                    namespace_dirs[parent].add(name)
                    all_names.add(name)
        for d in has_init:
            parent, _, name = d.rpartition("/")
            if name.isidentifier():
                children[parent].add(name)
        self.children = children
        self.has_init = has_init
        glob = {p.name for p in project.packages}
        glob |= children.get("src", set()) | namespace_dirs.get("src", set())
        self.root_namespaces = frozenset(namespace_dirs.get("", set()) - {"src"})
        for d in has_init:  # local packages anywhere (outside tests and docs) are importable by name
            parent, _, name = d.rpartition("/")
            lowered = {p.lower() for p in d.split("/")}
            if parent not in has_init and not lowered & (TEST_DIRS | DOC_DIRS) and name.isidentifier():
                glob.add(name)
        if not packaged:  # a folder of scripts: anything in it is the author's own code
            glob |= all_names
        # modules in folders that are not packages: importable by their bare name once a script or a
        # test puts their folder on sys.path
        self.anywhere = frozenset(stem for folder, stem in module_stems if folder not in has_init)
        self.globals = frozenset(glob)
        self._cache: dict[str, frozenset[str]] = {}

    def is_local(self, top: str, rel: str) -> bool:
        if top in self.globals:
            return True
        folder = rel.rpartition("/")[0]
        names = self._cache.get(folder)
        if names is None:
            names = self._cache[folder] = self._names_for(folder)
        return top in names

    def probably_local(self, top: str, resolutions: list[Resolution]) -> bool:
        """An import sciship could not resolve, named like a module somewhere in the project (tests
        that put a data folder on ``sys.path``) or private (``_helpers``), is the author's own code."""
        if any(r.source != "guess" for r in resolutions):
            return False
        return top in self.anywhere or top.startswith("_")

    def _names_for(self, folder: str) -> frozenset[str]:
        # Python puts the script's folder on sys.path; pytest the first folder above without __init__.py
        base = folder
        while base and base in self.has_init:
            base = base.rpartition("/")[0]
        names = set(self.children.get(base, ())) | self.children.get("", set())
        names |= self.root_namespaces  # `import docs.conf` from the project root
        # a test sub-folder named like a library (tests/pandas/) is not what `import pandas` means
        parts = folder.split("/") if folder else []
        for i, part in enumerate(parts):
            if any(p.lower() in TEST_DIRS for p in parts[:i]):
                names.discard(part)
        return frozenset(names)


# ---------------------------------------------------------------------- resolution
def _resolve_site(site: ImportSite, declared: frozenset[str]) -> list[Resolution]:
    """Distributions for one import; ``from google.cloud import storage, bigquery`` can name two."""
    out: dict[str, Resolution] = {}
    for name in site.names:
        res = distribution_for(f"{site.module}.{name}", declared=declared)
        if "." in res.import_name:
            out[res.distribution] = res
    if not out:
        res = distribution_for(site.module, declared=declared)
        out[res.distribution] = res
    return list(out.values())


def _match_declared_names(usages: dict[str, _Usage], declared: frozenset[str]) -> None:
    """An unknown import ``ibis`` and an otherwise unused declaration ``ibis-framework`` are one thing.

    Only for names sciship could not resolve, and only when exactly one declared name fits
    (``X-suffix``, ``pyX``, ``python-X``, or the same letters without separators).
    """
    for name in [n for n, u in usages.items() if u.resolution and u.resolution.source == "guess"]:
        if name in declared:
            continue
        bare = name.replace("-", "")
        fits = [
            d
            for d in declared
            if d not in usages
            and (
                d.startswith(name + "-") or d in {"py" + name, "python-" + name} or d.replace("-", "") == bare
            )
        ]
        if len(fits) == 1:
            usages[fits[0]] = usages.pop(name)


@dataclass
class _Usage:
    imports: set[str] = field(default_factory=set)
    scopes: set[Scope] = field(default_factory=set)
    files: set[str] = field(default_factory=set)
    resolution: Resolution | None = None
    first: dict[Scope, ImportSite] = field(default_factory=dict)  #: first import in each scope
    runtime_markers: set[str | None] = field(default_factory=set)

    def add(self, res: Resolution, site: ImportSite, scope: Scope) -> None:
        self.imports.add(res.import_name)
        self.scopes.add(scope)
        self.files.add(site.path)
        if self.resolution is None or (self.resolution.source == "guess" and res.source != "guess"):
            self.resolution = res
        known = self.first.get(scope)
        if known is None or (site.path, site.line) < (known.path, known.line):
            self.first[scope] = site
        if scope == "runtime":
            self.runtime_markers.add(site.marker if site.context == "conditional" else None)


def _plugin_kind(name: str) -> str | None:
    kind = plugin_kind(name)
    if kind:
        return kind
    for prefix, what in _PLUGIN_PREFIXES:
        if name.startswith(prefix):
            return what
    return None


def _verdicts(
    usages: dict[str, _Usage], items: list[decl.Declaration], packaged: bool
) -> list[DependencyVerdict]:
    by_name: dict[str, list[decl.Declaration]] = defaultdict(list)
    for d in items:
        by_name[d.name].append(d)
    out: list[DependencyVerdict] = []
    for name in sorted(set(usages) | set(by_name)):
        use = usages.get(name)
        decls = by_name.get(name, [])
        if use is None:
            if all(d.dump or d.kind == "dev" for d in decls):
                continue  # tools in dev groups and names in environment dumps are not imported
            locations = tuple(dict.fromkeys(d.location for d in decls if not d.dump))
            out.append(
                DependencyVerdict(
                    name,
                    (),
                    (),
                    locations,
                    "unused",
                    tuple(dict.fromkeys(d.path for d in decls)),
                    plugin=_plugin_kind(name),
                )
            )
            continue
        out.append(_verdict(name, use, decls, packaged))
    return out


def _verdict(name: str, use: _Usage, decls: list[decl.Declaration], packaged: bool) -> DependencyVerdict:
    kinds = {d.kind for d in decls if not (packaged and d.dump)}
    scopes = use.scopes
    needed = {"runtime"} if packaged else {"runtime", "script", "notebook"}
    res = use.resolution or Resolution(name, (name,), "guess")
    # a guessed name that some file declares (even a conda environment) is confirmed by the author
    unknown = (res.source == "guess" and not decls) or res.ambiguous
    status: Status
    if scopes & needed:
        if kinds & {"runtime", "extra"}:
            status = "ok"
        elif "dev" in kinds:
            status = "misplaced"
        else:
            status = "unverified" if unknown else "missing"
    elif "optional" in scopes:
        status = "ok" if decls else ("unverified" if unknown else "optional")
    elif scopes <= {"typing"}:
        status = "ok"
    elif "test" in scopes and "runtime" in kinds and not kinds & {"dev", "extra"} and packaged:
        status = "misplaced"
    elif decls:
        status = "ok"
    else:
        status = "unverified" if unknown else "missing"
    markers = use.runtime_markers
    marker = next(iter(markers)) if len(markers) == 1 else None
    return DependencyVerdict(
        distribution=name,
        imports=tuple(sorted(use.imports)),
        scopes=tuple(s for s in SCOPE_ORDER if s in scopes),
        declared=tuple(dict.fromkeys(d.location for d in decls)),
        status=status,
        files=tuple(sorted(use.files)),
        source=res.source if not decls else ("declared" if res.source == "guess" else res.source),
        candidates=res.candidates if res.ambiguous else (),
        marker=marker,
        first_site=next(use.first[s] for s in SCOPE_ORDER if s in use.first),
    )


def _ambiguity_problems(verdicts: list[DependencyVerdict]) -> list[Problem]:
    out = []
    for v in verdicts:
        if v.candidates and v.first_site is not None:
            names = ", ".join(f"`{c}`" for c in v.candidates)
            out.append(
                Problem(
                    v.first_site.path,
                    f"`import {v.imports[0]}` can come from several distributions ({names}); sciship will "
                    "not guess which one you use. Declare the one you installed (`pip list` shows it).",
                    line=v.first_site.line,
                )
            )
    return out


# ---------------------------------------------------------------------- requires-python
_LOWER = re.compile(r"^(>=|~=|==|>)\s*(\d+)(?:\.(\d+))?")


def _lower_bound(spec: str | None) -> PythonVersion | None:
    if not spec:
        return None
    best: PythonVersion | None = None
    for part in spec.split(","):
        m = _LOWER.match(part.strip())
        if m:
            ver = (int(m.group(2)), int(m.group(3) or 0))
            if m.group(1) == ">" and m.group(3) is not None and part.strip().count(".") == 1:
                ver = (ver[0], ver[1] + 1)
            best = ver if best is None else max(best, ver)
    return best


def _fmt(ver: PythonVersion | None) -> str | None:
    return None if ver is None else f"{ver[0]}.{ver[1]}"


def _requires_python(
    declared: str | None,
    lower: PythonVersion | None,
    scans: dict[str, ScanResult],
    scopes: dict[str, FileScope],
    packaged: bool,
    local: _FirstParty,
) -> RequiresPython:
    best: tuple[PythonVersion, str, str, int | None] | None = None
    counted = {"runtime"} if packaged else {"runtime", "script", "notebook"}
    for rel, result in scans.items():
        if scopes.get(rel) not in counted:
            continue
        if result.min_python is not None and (best is None or result.min_python > best[0]):
            best = (
                result.min_python,
                result.min_python_reason or "newer syntax",
                rel,
                result.min_python_line,
            )
        for site in result.imports:
            if site.context != "normal" or site.level or local.is_local(site.top, rel):
                continue
            ver = added_in(site.top)
            if ver is not None and (best is None or ver > best[0]):
                best = (ver, f"`import {site.top}` (new in Python {ver[0]}.{ver[1]})", rel, site.line)
    if best is None:
        return RequiresPython(declared, None, _fmt(lower))
    return RequiresPython(declared, _fmt(best[0]), _fmt(lower), best[1], best[2], best[3])


def scope_of(rel: str, project: Project) -> FileScope:
    """Public helper for other commands: the scope sciship gives one file of ``project``."""
    return file_scope(rel, frozenset(project.package_files()))
