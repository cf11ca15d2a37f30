"""From imports to verdicts: what the code needs, what the project declares, and where they differ.

:func:`analyze` scans every ``.py`` file and notebook once (results cached by content in the user's
cache folder), decides the *scope* of each file (package code, tests, docs, notebooks, scripts),
sorts imports into standard library / first-party / third-party, maps third-party imports to
distributions, and compares them with the declared dependencies.

Statuses (one per distribution):

- ``ok`` - used and declared where it should be;
- ``missing`` - imported, declared nowhere (for package code: at the module's top, so importing the
  package fails without it; inside a function, the scope is ``lazy`` and only calling it fails);
- ``indirect`` - imported and not declared, but a declared dependency installs it today
  (``import cycler`` with matplotlib declared): it works until that dependency drops it;
- ``alias`` - declared under a name that is not the distribution's (``sklearn`` for scikit-learn);
- ``misplaced`` - declared only for developers but imported by package code, or the reverse;
- ``optional`` - imported only when available (``try/except ImportError``), or inside a function and
  declared only in a group: offer it as an extra;
- ``unused`` - declared, never imported (``maybe_used_by`` names an imported library one of whose
  options may load it: then sciship is not sure);
- ``unverified`` - imported; sciship found a name but cannot be sure of it (several distributions
  provide the import, or only the package index knows the name);
- ``unresolved`` - imported, and neither the project, sciship's tables nor the environment know it:
  ``distribution`` is None (a renamed script, a library from outside PyPI, or a typo).
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from sciship._regex import compile_later
from sciship.imports import declared as decl
from sciship.imports.local import DOC_DIRS, TEST_DIRS, FirstParty
from sciship.imports.names import canonicalize_name, requirement_name
from sciship.imports.resolve import Resolution, aliases, distribution_for, plugin_kind
from sciship.imports.scan import ImportSite, ScanResult, compiles, scan_notebook, scan_source
from sciship.imports.stdlib import OLDEST, PYTHON2_ONLY, PythonVersion, added_in, is_stdlib_any
from sciship.project import Problem

if TYPE_CHECKING:
    from sciship.imports.cache import ScanCache
    from sciship.imports.online import Index
    from sciship.imports.requires import Knowledge, Through
    from sciship.project import Project

Scope = Literal["runtime", "lazy", "test", "docs", "notebook", "script", "optional", "typing"]
FileScope = Literal["runtime", "test", "docs", "notebook", "script", "build"]
Status = Literal[
    "ok", "missing", "indirect", "alias", "unused", "misplaced", "optional", "unverified", "unresolved"
]
SCOPE_ORDER: tuple[Scope, ...] = (
    "runtime",
    "lazy",
    "optional",
    "typing",
    "test",
    "docs",
    "notebook",
    "script",
)

BUILD_FILES = frozenset({"setup.py", "noxfile.py", "tasks.py", "fabfile.py", "dodo.py", "pavement.py"})
#: modules of a package that help its own tests or its users' tests (``pkg/testing.py``): what they
#: import inside functions is for testing (pytest, matplotlib's image comparison), not for users
_TEST_HELPER = compile_later(
    r"^_?(testing|testutils?|test_?utils?|test_?helpers?|test_?tools|testing_?utils?|test_?suite|pytest_?plugin|"
    r"conftest|plugin_pytest|fixtures?)$"
)
#: modules that plug the package into a tool (a Sphinx extension, a mypy plugin): they run inside it
_TOOL_MODULES: tuple[tuple[re.Pattern[str], Scope], ...] = (
    (compile_later(r"^_?sphinx(ext|_?ext(ensions?)?|_?directives?)?$"), "docs"),
    (compile_later(r"^_?mypy(_?plugin)?$"), "test"),
)
#: folders of code copied from other projects: their optional imports are guarded by their callers
_VENDORED = frozenset(
    {
        "extern",
        "_extern",
        "externals",
        "vendor",
        "_vendor",
        "vendored",
        "_vendored",
        "third_party",
        "thirdparty",
    }
)
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
    """One distribution (or one unresolved import): how the code uses it, where it is declared, and
    sciship's verdict."""

    distribution: str | None  #: PEP 503 normalised name; None for an unresolved import
    imports: tuple[str, ...]  #: import names that map to it
    scopes: tuple[Scope, ...]
    declared: tuple[str, ...]  #: locations (``project.dependencies``, ``dependency-groups.test``, ...)
    status: Status
    files: tuple[str, ...]
    source: str = "declared"  #: how the name was found: environment / curated / guess / declared / index
    candidates: tuple[str, ...] = ()  #: for ambiguous imports: every distribution that provides it
    plugin: str | None = None  #: the kind of plugin when it is used without being imported
    marker: str | None = None  #: PEP 508 marker when every runtime import is under the same condition
    first_site: ImportSite | None = field(default=None, compare=False)
    note: str | None = None  #: one plain sentence on why it has this status, when that needs saying
    through: tuple[str, ...] = ()  #: ``indirect``: the declared distribution ... this one
    declared_as: str | None = None  #: ``alias``: the name as the author wrote it
    suggestions: tuple[str, ...] = ()  #: ``unresolved``: the project's modules with a close name
    extra: str | None = None  #: the extra or group that provides it (or that should list it)
    maybe_used_by: str | None = None  #: ``unused``: an imported library that may load it by name
    #: ``unused`` with ``maybe_used_by``: why sciship is not sure, as a short clause for messages
    maybe_why: str | None = field(default=None, compare=False)
    #: ``missing``: declared dependencies whose requirements sciship cannot read and which may bring it
    maybe_through: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The distribution, or for an unresolved import the name as imported."""
        return self.distribution or (self.imports[0] if self.imports else "?")

    def to_json(self) -> dict[str, Any]:
        site = self.first_site
        out: dict[str, Any] = {
            "distribution": self.distribution,
            "imports": list(self.imports),
            "scopes": list(self.scopes),
            "declared": list(self.declared),
            "status": self.status,
            "files": list(self.files),
            "first_seen": {"path": site.path, "line": site.line} if site is not None else None,
            "note": self.note,
        }
        if self.through:
            out["through"] = list(self.through)
        if self.declared_as:
            out["declared_as"] = self.declared_as
        if self.suggestions:
            out["did_you_mean"] = list(self.suggestions)
        if self.extra:
            out["extra"] = self.extra
        if self.maybe_used_by:
            out["maybe_used_by"] = self.maybe_used_by
        if self.maybe_through:
            out["maybe_through"] = list(self.maybe_through)
        if self.candidates:
            out["candidates"] = list(self.candidates)
        return out


@dataclass(frozen=True)
class RequiresPython:
    """The declared ``requires-python`` next to the oldest Python the code needs, and what needs it."""

    declared: str | None
    detected_minimum: str | None
    declared_minimum: str | None = None
    reason: str | None = None  #: what needs the detected minimum
    path: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class DepsReport:
    """The dependency analysis of one project: a verdict per distribution, Python versions and problems."""

    dependencies: list[DependencyVerdict]
    requires_python: RequiresPython
    problems: list[Problem]
    packaged: bool  #: the folder declares a package to pip ([project], [tool.poetry], setup.py, setup.cfg)
    files_scanned: int = 0
    online: bool = False  #: unresolved names were looked up on the package index

    def by_status(self, *statuses: Status, scope: Scope | None = None) -> list[DependencyVerdict]:
        return [d for d in self.dependencies if d.status in statuses and (scope is None or scope in d.scopes)]

    @property
    def needed_scopes(self) -> frozenset[Scope]:
        """Where an import must be declared for the code to run: the package's own modules, or in a
        folder of research code every script and notebook."""
        if self.packaged:
            return frozenset({"runtime"})
        return frozenset({"runtime", "lazy", "script", "notebook"})

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": 2,
            "dependencies": [d.to_json() for d in self.dependencies],
            "requires_python": {
                "declared": self.requires_python.declared,
                "detected_minimum": self.requires_python.detected_minimum,
            },
            "problems": [{"path": p.path, "line": p.line, "message": p.message} for p in self.problems],
        }


# ---------------------------------------------------------------------- entry point
def analyze(
    project: Project, *, cache: bool = True, online: Index | None = None, check_syntax: bool = True
) -> DepsReport:
    """The dependency analysis of ``project``, computed once per snapshot (``project.memo("deps")``).

    ``online`` (never by default) looks up the names sciship could not resolve on a package index.
    ``check_syntax=False`` (``sciship deps``) skips the full syntax check of the files the fast scan
    understands: they are only screened for the commonest errors (see ``scan_source``); ``sciship check``
    keeps the full check of every file.
    """
    key = ("deps" if online is None else "deps-online") + ("" if check_syntax else "-screened")
    return project.memo(  # type: ignore[no-any-return]
        key, lambda: _analyze(project, cache=cache, online=online, check_syntax=check_syntax)
    )


def analyze_deferring_syntax(project: Project, files: Set[str]) -> DepsReport:
    """The full analysis (``analyze(project)``), except that the full syntax check of ``files`` is left to
    :func:`confirm_syntax`: they are only screened now. For a caller that parses those files anyway
    (``share``: the data flow parses every script), which then says which ones Python's parser accepted.

    A report for now: take the final one from :func:`confirm_syntax`. The check changes a file's result
    only when the file does not parse (its imports are then not counted, and its error is a problem);
    a file the parser accepts and the symbol table refuses (``nonlocal x`` at module level) gets the same
    result either way, since the full scan reads it with ``ast`` too.
    """
    if not files:
        return analyze(project)
    return project.memo(  # type: ignore[no-any-return]
        "deps-deferred", lambda: _analyze(project, cache=True, deferred=frozenset(files))
    )


def confirm_syntax(project: Project, parsed: Set[str]) -> DepsReport:
    """The full analysis, after :func:`analyze_deferring_syntax`: ``parsed`` are the files Python's parser
    accepted meanwhile; the others of the deferred ones are checked now. The cache learns which had the
    full check. When every one parses, the deferred report is the full one (it becomes
    ``analyze(project)``'s answer); else the files that do not parse are scanned again in full, and the
    answer is judged again from the scans in memory."""
    report: DepsReport | None = project.memoized("deps-deferred")
    if report is None:
        return analyze(project)
    pending: _Pending = project.memoized("deps-pending") or {}
    store: ScanCache | None = project.memoized("deps-store")
    failed: list[tuple[str, str, str]] = []  # (path, text, cache key) of the files that do not parse
    unread = False
    for rel, (key, result) in pending.items():
        text = None if rel in parsed else project.read_text(rel)
        if rel in parsed or (text is not None and compiles(text, rel)):
            if store is not None:
                store.put(key, result)  # as checked in full
        elif text is not None:
            failed.append((rel, text, key))
        else:
            unread = True  # (it was read before: the full analysis finds out what happened)
    scanned = None if unread else project.memoized("deps-scans")
    if failed and scanned is not None:  # their full scan, then the judgement again on all the scans
        declared, scans = scanned
        scans = dict(scans)
        for rel, text, key in failed:
            scans[rel] = _scan_one((rel, text))
            if store is not None:
                store.put(key, scans[rel])
        report = _report(project, declared, scans)
    if store is not None:
        store.save()
    if (failed or unread) and scanned is None:
        return analyze(project)  # the full analysis, from the cache for all but those files
    final = report
    project.memo("deps", lambda: final)  # (a full analysis that ran meanwhile keeps its answer)
    return analyze(project)


#: files whose full syntax check :func:`analyze_deferring_syntax` left for later: (cache key, result)
_Pending = dict[str, tuple[str, ScanResult]]


def _analyze(
    project: Project,
    *,
    cache: bool,
    online: Index | None = None,
    check_syntax: bool = True,
    deferred: frozenset[str] = frozenset(),
) -> DepsReport:
    declared = decl.collect(project)
    scans = _scan_all(project, cache, check_syntax, deferred)
    if deferred:  # for confirm_syntax: the judgement again, from these
        project.memo("deps-scans", lambda: (declared, scans))
    return _report(project, declared, scans, online)


def _report(
    project: Project, declared: decl.Declared, scans: dict[str, ScanResult], online: Index | None = None
) -> DepsReport:
    """The analysis' answer from the files' scan results."""
    packaged = declared.packaged
    items = _demote_environment_files(declared.items, packaged)
    scopes = _file_scopes(project, packaged)
    min_declared = _lower_bound(declared.requires_python)
    local = FirstParty(project, packaged, scans)
    declared_names = frozenset(d.name for d in items)

    referenced = _referenced_modules(scans, project) if packaged else None
    usages: dict[str, _Usage] = defaultdict(_Usage)
    fallbacks: set[str] = set()
    resolved: dict[tuple[str, tuple[str, ...]], list[Resolution]] = {}
    for rel, result in scans.items():
        file_scope = scopes.get(rel, "script")
        if file_scope == "build":
            continue
        role = _module_role(rel, referenced) if file_scope == "runtime" else None
        for site in result.imports:
            if site.level or local.is_local(site.top, rel) or is_stdlib_any(site.top, min_declared or OLDEST):
                continue
            if site.top in PYTHON2_ONLY and site.context in {"optional", "conditional"}:
                continue  # the Python 2 side of a compatibility import
            if site.top in _BACKPORTS and site.context == "optional":
                fallbacks.add(canonicalize_name(site.top))
                continue  # a backport tried as a fallback: fine declared (for old Pythons) or not
            key = (site.module, site.names)
            if key not in resolved:
                resolved[key] = _resolve_site(site, declared_names)
            if local.probably_local(site.top, resolved[key], site.module):
                continue
            scope = _site_scope(file_scope, site, role)
            for res in resolved[key]:
                usages[res.distribution].add(res, site, scope, role)

    _match_declared_names(usages, frozenset(d.name for d in items if not d.dump))
    # package code sciship could not read (syntax of a newer Python): what it imports is unknown
    unread = any(
        r.problem is not None and not r.imports and scopes.get(rel) == "runtime" for rel, r in scans.items()
    )
    runtime_files = tuple(rel for rel in scans if scopes.get(rel) == "runtime")
    judge = _Judge(project, usages, items, packaged, local, frozenset(fallbacks), unread, runtime_files)
    verdicts = judge.verdicts()
    if online is not None:
        verdicts = _look_up(verdicts, online)
    problems = [*declared.problems, *(r.problem for r in scans.values() if r.problem is not None)]
    # files that could not be read or decoded (in file order, whoever read them first: an early scan's
    # workers leave theirs to the end), and folders that could not be opened (listed first)
    rank = {rel: i for i, rel in enumerate(project.python_files() + project.notebooks())}
    problems.extend(
        sorted(
            (p for p in project.problems if p.path.endswith((".py", ".ipynb", "/")) and p.path not in scans),
            key=lambda p: rank.get(p.path, -1),
        )
    )
    problems.extend(_ambiguity_problems(verdicts))
    rp = _requires_python(declared.requires_python, min_declared, scans, scopes, packaged, local)
    return DepsReport(verdicts, rp, problems, packaged, len(scans), online is not None)


def _demote_environment_files(items: Iterable[decl.Declaration], packaged: bool) -> list[decl.Declaration]:
    """In a package, requirements files and conda environments describe a developer's setup."""
    if not packaged:
        return list(items)
    out = []
    for d in items:
        if d.location.startswith(("project.", "dependency-groups.", "setup.", "tool.poetry.")):
            out.append(d)
        else:
            out.append(decl.Declaration(d.name, d.location, "dev", d.requirement, d.path, d.line, dump=True))
    return out


# ---------------------------------------------------------------------- scanning
def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


#: the cache key suffix of a Python file's result that was only screened for syntax errors (``sciship
#: deps``); a result under the plain key had the full check (``sciship check``) and serves both
_SCREENED = "~"


def _scan_all(
    project: Project, use_cache: bool, check_syntax: bool = True, deferred: frozenset[str] = frozenset()
) -> dict[str, ScanResult]:
    """The scan result of every Python file and notebook, in file order: from the cache, from the workers
    of an early scan (``prefetch_scan``), or scanned now. ``deferred`` files are only screened; those
    without a problem are left for :func:`confirm_syntax` (``project.memo("deps-pending")``)."""
    store: ScanCache | None = None
    if use_cache:
        from sciship.imports.cache import ScanCache

        store = ScanCache(str(project.root))
    files = [*project.python_files(), *project.notebooks()]
    early = _early_scan(project, check_syntax)
    out: dict[str, ScanResult] = {}
    todo: list[tuple[str, str, str]] = []  # (path, text, cache key)
    pending: _Pending = {}

    def look(rel: str) -> None:
        """Take ``rel`` from the cache, or put it on the list to scan."""
        data = project.read_bytes(rel)
        if data is None:
            return
        kind = ":nb" if rel.endswith(".ipynb") else ":py"
        digest = project.sha256(rel) or ""  # (hashed once for both analyses: the data flow's too)
        key = digest + kind
        cached = store.get(key, rel) if store is not None else None
        if cached is None and store is not None and kind == ":py":
            cached = store.get(key + _SCREENED, rel)
            if cached is not None and rel in deferred:
                if cached.problem is None:
                    pending[rel] = (key, cached)
            elif cached is not None and check_syntax:
                cached = _fully_checked(project, rel, cached)
                if cached is not None:
                    store.put(key, cached)
        if cached is not None:
            out[rel] = cached
            return
        text = project.read_text(rel)
        if text is not None:  # not UTF-8: Project already recorded why
            todo.append((rel, text, key))

    def scan(items: list[tuple[str, str, str]], parallel: bool) -> None:
        _SYNTAX[0] = check_syntax
        _DEFERRED[0] = deferred
        try:
            pairs = [(rel, text) for rel, text, _ in items]
            results = _scan_many(pairs) if parallel else [_scan_one(pair) for pair in pairs]
        finally:
            _SYNTAX[0] = True
            _DEFERRED[0] = frozenset()
        for (rel, _text, key), result in zip(items, results, strict=True):
            out[rel] = result
            screened = not key.endswith(":nb") and (not check_syntax or rel in deferred)
            if rel in deferred and result.problem is None and not key.endswith(":nb"):
                pending[rel] = (key, result)
            if store is not None:
                store.put(key + _SCREENED if screened else key, result)

    for rel in files:
        if early is None or rel not in early.paths:  # the early scan's workers read and scan the others
            look(rel)
    scan(todo, parallel=early is None)  # with an early scan, its workers hold the other CPUs
    if early is not None:
        _while_waiting(early)
        found = _take_prefetch() or {}
        todo.clear()
        for rel in files:
            if rel not in early.paths:
                continue
            if rel not in found:  # unreadable, not UTF-8, or the worker died: here, the normal way
                look(rel)
                continue
            key, result = found[rel]
            project.memo(f"sha256:{rel}", partial(str, key[:-3]))
            out[rel] = result
            if store is not None:
                store.put(key if early.check_syntax or key.endswith(":nb") else key + _SCREENED, result)
        scan(todo, parallel=False)
    if store is not None and not deferred:
        store.save()
    if deferred:  # confirm_syntax saves the store, once it knows which files had the full check
        project.memo("deps-pending", lambda: pending)
        project.memo("deps-store", lambda: store)
    return {rel: out[rel] for rel in files if rel in out}


def _fully_checked(project: Project, rel: str, screened: ScanResult) -> ScanResult | None:
    """A result ``sciship deps`` cached after screening only, once the file passed the full syntax check
    (None: it did not, scan it again in full)."""
    if screened.problem is not None:
        return screened  # already a problem: the full scan found it
    text = project.read_text(rel)
    return screened if text is not None and compiles(text, rel) else None


#: whether the current scan checks the syntax of every file in full (set by ``_scan_all``; forked
#: workers inherit it)
_SYNTAX = [True]
#: files the current scan only screens, whatever ``_SYNTAX`` says (see ``analyze_deferring_syntax``)
_DEFERRED: list[frozenset[str]] = [frozenset()]


def _scan_one(item: tuple[str, str]) -> ScanResult:
    rel, text = item
    if rel.endswith(".ipynb"):
        return scan_notebook(text, rel)
    # `sciship check` checks every file's syntax in full, even where the fast scan understood it: a file
    # that does not parse must be reported with its line (issue 6), not have its imports counted.
    # `sciship deps` skips that check (it cost as much as the scan itself on a cold cache: sympy 2.8 s of
    # 5 s): a file the fast scan understands is only screened (Python 2, conflict markers, brackets and
    # strings left open); a file it refuses gets the full parse, which reports its errors with their line.
    return scan_source(text, rel, check_syntax=_SYNTAX[0] and rel not in _DEFERRED[0])


#: the files of the current parallel scan: worker processes are forked, so they inherit them and
#: only a list of indices travels to them
_ITEMS: list[tuple[str, str]] = []


def _scan_indices(indices: list[int]) -> list[ScanResult]:
    return [_scan_one(_ITEMS[i]) for i in indices]


#: scan in worker processes when this much text (characters) is not in the cache and there are 2+
#: CPUs; below about 1 MB starting a worker costs more than it saves
PARALLEL_MIN_CHARS = 1_000_000


def _scan_many(items: list[tuple[str, str]]) -> list[ScanResult]:
    """Scan ``items``, sharing the work between this process and forked children for large trees.

    Each process gets one share of about equal size, and this process scans its own share meanwhile.
    """
    from sciship._fork import ChildFailed, Forked, can_fork

    workers = _free_cpus()
    if sum(len(text) for _, text in items) < PARALLEL_MIN_CHARS or workers < 2 or not can_fork():
        return [_scan_one(item) for item in items]
    shares = _shares([len(text) for _, text in items], workers)
    _ITEMS[:] = items
    out: list[ScanResult | None] = [None] * len(items)
    children: list[Forked] = []
    try:
        with contextlib.suppress(OSError):  # no processes allowed here: this one scans the rest
            children = [Forked(_scan_indices, share) for share in shares[1:]]
        for index, result in zip(shares[0], _scan_indices(shares[0]), strict=True):
            out[index] = result
        for share, child in zip(shares[1:], children, strict=False):
            try:
                for index, result in zip(share, child.result(), strict=True):
                    out[index] = result
            except (ChildFailed, ValueError):
                pass
    finally:
        for child in children:
            child.cancel()
        _ITEMS.clear()
    return [r if r is not None else _scan_one(items[i]) for i, r in enumerate(out)]


@dataclass
class _Early:
    """A scan started early by ``prefetch_scan``: its children read, hash and scan ``paths``."""

    project: Project
    check_syntax: bool
    paths: frozenset[str]
    parts: list[tuple[list[str], Any]]  #: (the paths of one share, the child scanning it: a Forked)


#: the early scan running now; one at a time
_PREFETCH: list[_Early] = []
#: how the children of an early scan read a file (forked: they inherit it)
_READER: list[Any] = []


def prefetch_scan(project: Project, *, check_syntax: bool = True) -> None:
    """On a cold cache, start scanning part of the files in forked children now.

    The children read, hash and scan their share while this process goes on (``sciship check`` runs the
    checks that do not need the scan, ``sciship deps`` reads the declarations and scans the other share);
    ``analyze`` then takes their results. Nothing is read here first: on a large tree reading and hashing
    every file took a quarter of a cold ``deps``. Does nothing when a scan cache exists, when threads
    already run (no fork after threads), or on any error.
    """
    from sciship._fork import can_fork

    if _PREFETCH or not can_fork() or _free_cpus() < 2:
        return
    try:
        _start_prefetch(project, check_syntax)
    except Exception:  # the ordinary scan runs later
        cancel_prefetch()


def _start_prefetch(project: Project, check_syntax: bool) -> None:
    import os

    from sciship._fork import Forked
    from sciship.imports.cache import ScanCache

    reader = project._reader  # the children read without recording problems: analyze reads those again
    if reader is None or ScanCache(str(project.root)).path.exists():
        return
    files = [*project.python_files(), *project.notebooks()]
    sizes: list[int] = []
    for rel in files:
        try:
            sizes.append(os.stat(f"{project.root}/{rel}").st_size or 1)  # noqa: PTH116 - 5x faster
        except OSError:
            sizes.append(1)
    if sum(sizes) < PARALLEL_MIN_CHARS:
        return
    workers = _free_cpus()
    # share 0 is read and scanned here, by analyze, after reading the declarations; while the children
    # finish theirs, it prepares what the verdicts need (``_while_waiting``)
    shares = _shares(sizes, workers, first=0.89)[1:]
    _READER[:] = [reader]
    paths = frozenset(files[i] for share in shares for i in share)
    early = _Early(project, check_syntax, paths, [])
    _PREFETCH.append(early)
    for share in shares:
        rels = [files[i] for i in share]
        early.parts.append((rels, Forked(_read_and_scan, rels, check_syntax)))


def _read_and_scan(rels: list[str], check_syntax: bool) -> list[tuple[str, ScanResult] | None]:
    """In a worker: (cache key, result) of each file, None where it cannot be read as UTF-8 text."""
    _SYNTAX[0] = check_syntax
    reader = _READER[0]
    out: list[tuple[str, ScanResult] | None] = []
    for rel in rels:
        try:
            data = reader(rel)
            text = data.decode("utf-8-sig")
        except (OSError, RuntimeError, UnicodeDecodeError):
            out.append(None)
            continue
        key = _sha256(data) + (":nb" if rel.endswith(".ipynb") else ":py")
        out.append((key, _scan_one((rel, text))))
    return out


def _while_waiting(early: _Early) -> None:
    """Read, while the early scan's children finish, what the verdicts read anyway: the distributions
    installed where sciship runs, what they require, and the marker parser (all read once per run)."""
    if all(child.done() for _rels, child in early.parts):
        return
    from sciship.imports import requires, resolve

    resolve.environment()
    requires.table()
    requires._sys_dist_infos()
    import packaging.markers  # noqa: F401 - imported once, here rather than on the critical path


def _early_scan(project: Project, check_syntax: bool) -> _Early | None:
    """The early scan of ``project`` when its results serve this scan (a full syntax check serves both)."""
    if not _PREFETCH or _PREFETCH[0].project is not project:
        return None
    early = _PREFETCH[0]
    return early if early.check_syntax or not check_syntax else None


def _take_prefetch() -> dict[str, tuple[str, ScanResult]] | None:
    """The early scan's (cache key, result) by path, without the files it could not read; None when it
    failed (a child died or could not start)."""
    early = _PREFETCH[0]
    out: dict[str, tuple[str, ScanResult]] = {}
    ok = True
    try:
        for rels, child in early.parts:
            out.update((rel, got) for rel, got in zip(rels, child.result(), strict=True) if got is not None)
    except Exception:
        ok = False
    finally:
        cancel_prefetch()
    return out if ok else None


def cancel_prefetch() -> None:
    """Stop an early scan nobody took."""
    for early in _PREFETCH:
        for _rels, child in early.parts:
            child.cancel()
    _PREFETCH.clear()
    _READER.clear()


def _shares(sizes: list[int], count: int, first: float = 1.0) -> list[list[int]]:
    """Indices of ``sizes`` in ``count`` groups of about equal total (biggest first, to the lightest);
    group 0 gets ``first`` times the others' total (this process has other work besides its share)."""
    groups: list[list[int]] = [[] for _ in range(count)]
    totals = [0.0] * count
    weights = [1 / first, *([1.0] * (count - 1))]
    for i in sorted(range(len(sizes)), key=lambda i: -sizes[i]):
        lightest = min(range(count), key=lambda g: totals[g] * weights[g])
        groups[lightest].append(i)
        totals[lightest] += sizes[i]
    return groups


#: what Python 3 calls the Python 2 modules scientists' code imports most (PEP 3108)
_PYTHON3_NAMES = {
    "cPickle": "pickle",
    "cStringIO": "io",
    "StringIO": "io",
    "ConfigParser": "configparser",
    "Queue": "queue",
    "urllib2": "urllib.request",
    "urlparse": "urllib.parse",
    "Tkinter": "tkinter",
    "httplib": "http.client",
    "__builtin__": "builtins",
    "copy_reg": "copyreg",
    "SocketServer": "socketserver",
    "HTMLParser": "html.parser",
    "cookielib": "http.cookiejar",
    "commands": "subprocess",
    "xmlrpclib": "xmlrpc.client",
    "thread": "_thread",
    "md5": "hashlib",
    "sha": "hashlib",
}


def _free_cpus() -> int:
    """The CPUs a scan may use (at most 4), less those this process's children keep busy (``share``'s
    early data-flow child runs during the scan)."""
    import os
    import sys

    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    fork = sys.modules.get("sciship._fork")  # not imported yet: no child runs (and importing it costs)
    return max(1, min(cpus, 4) - (fork.busy() if fork is not None else 0))


# ---------------------------------------------------------------------- scopes
def file_scope(rel: str, package_files: frozenset[str]) -> FileScope:
    """What a file is for, judged from where it lives."""
    parts = rel.split("/")
    name = parts[-1]
    if (len(parts) == 1 and name in BUILD_FILES) or name == "setup_package.py":
        return "build"  # setup_package.py: build-time helpers inside astropy-style packages
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


def _file_scopes(project: Project, packaged: bool = True) -> dict[str, FileScope]:
    """The scope of every file; in a folder that declares no package, no file is package code."""
    package_files = set(project.package_files()) if packaged else set()
    if not project.packages and project.name:
        own = project.name.replace("-", "_").replace(".", "_").lower()
        package_files |= {f for f in (f"{own}.py", f"src/{own}.py") if project.has(f)}
    frozen = frozenset(package_files)
    return {rel: file_scope(rel, frozen) for rel in [*project.python_files(), *project.notebooks()]}


Role = Literal["test-helper", "docs-tool", "test-tool", "vendored", "script", "lazy-module"]
#: backports of the standard library: tried as a fallback where the standard module is missing (old
#: Pythons); under a version test (``if sys.version_info < (3, 11)``) they are real, marked requirements
_BACKPORTS = frozenset(
    {
        "importlib_metadata", "importlib_resources", "tomli", "exceptiongroup", "backports",
        "cached_property", "dataclasses", "contextvars", "async_timeout", "mock", "pathlib2", "enum34",
        "futures", "singledispatch", "subprocess32", "functools32", "typing_extensions", "zoneinfo",
        "graphlib_backport", "taskgroup",
    }
)  # fmt: skip
#: imported inside functions for notebook display: the notebook that runs the code already has them
_NOTEBOOK_ONLY = frozenset({"IPython", "ipykernel", "ipywidgets"})


def is_test_helper(rel: str) -> bool:
    """A module of the package that exists for tests (``pkg/testing.py``, ``pkg/testing/images.py``)."""
    return _module_role(rel) == "test-helper"


def _module_role(rel: str, referenced: _References | None = None) -> Role | None:
    """What a module of the package is for, when it is not ordinary package code. ``referenced``: the
    modules something in the project imports."""
    parts = rel.split("/")
    if parts[0] == "src":
        parts = parts[1:]
    # the package's own name does not count (a package may be called `testing`)
    stems = [p.lower() for p in (*parts[1:-1], parts[-1].rsplit(".", 1)[0])] if len(parts) > 1 else []
    if any(_TEST_HELPER.match(p) for p in stems):
        return "test-helper"
    for pattern, scope in _TOOL_MODULES:
        if any(pattern.match(p) for p in stems):
            return "docs-tool" if scope == "docs" else "test-tool"
    if any(p in _VENDORED for p in stems[:-1]):
        return "vendored"
    module = module_name(rel)
    if referenced is not None and module is not None and module in referenced.entry_points:
        return None  # a command users run (`[project.scripts]`): package code
    if "scripts" in stems[:-1]:
        return "script"  # `pkg/scripts/`: programs run by hand, not the library
    if referenced is None or module is None or not stems or referenced.stubs:
        return None  # lazy_loader / `.pyi` stubs import modules in ways the scan does not see
    if stems[-1].startswith("_") and not stems[-1].startswith("__") and module not in referenced.any:
        return "script"  # a private module nothing imports: a maintainer's helper, not the package's API
    if module in referenced.any and module not in referenced.eager:
        return "lazy-module"  # imported only inside functions: its own imports run only then too
    return None


def module_name(rel: str) -> str | None:
    """``src/rain/io/read.py`` -> ``rain.io.read`` (``rain`` for ``rain/__init__.py``)."""
    parts = rel.removesuffix(".py").split("/")
    if parts and parts[0] == "src":
        parts = parts[1:]
    if parts and parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) if parts and all(p.isidentifier() for p in parts) else None


@dataclass(frozen=True)
class _References:
    """Which of the project's modules other files import: at all, and at import time (at a module's top
    level, not inside a function)."""

    any: frozenset[str] = frozenset()
    eager: frozenset[str] = frozenset()
    entry_points: frozenset[str] = frozenset()  #: modules named by [project.scripts] and entry points
    stubs: bool = False  #: modules are attached through `.pyi` stubs (lazy_loader)


def _entry_point_modules(project: Project) -> frozenset[str]:
    """Modules named by ``[project.scripts]``, ``gui-scripts`` and ``entry-points`` (``pkg.cli:main``)."""
    meta = project.metadata
    tables = [meta.get("scripts"), meta.get("gui-scripts")]
    eps = meta.get("entry-points")
    if isinstance(eps, dict):
        tables.extend(eps.values())
    out = set()
    for table in tables:
        for value in table.values() if isinstance(table, dict) else []:
            if isinstance(value, str):
                out.add(value.split(":", 1)[0].strip())
    return frozenset(out)


def _referenced_modules(scans: dict[str, ScanResult], project: Project | None = None) -> _References:
    """Every module name the project's files import (absolute, relative resolved, and ``from a import b``
    read both as a name and as a submodule ``a.b``)."""
    out: set[str] = set()
    eager: set[str] = set()
    for rel, result in scans.items():
        here = module_name(rel) or ""
        package = here if rel.endswith("__init__.py") else here.rpartition(".")[0]
        for site in result.imports:
            if site.level:
                base_parts = package.split(".") if package else []
                if site.level - 1 > len(base_parts):
                    continue
                base = ".".join(base_parts[: len(base_parts) - (site.level - 1)])
                module = ".".join(p for p in (base, site.module) if p)
            else:
                module = site.module
            if not module:
                continue
            names = {module, *(f"{module}.{name}" for name in site.names)}
            out.update(names)
            if not site.lazy:
                eager.update(names)
    stubs = "lazy_loader" in {m.split(".")[0] for m in out} or (
        project is not None and any(f.endswith("__init__.pyi") for f in project.files)
    )
    entry = _entry_point_modules(project) if project is not None else frozenset()
    return _References(frozenset(out), frozenset(eager), entry, stubs)


def _site_scope(file_scope: FileScope, site: ImportSite, role: Role | None = None) -> Scope:
    if file_scope == "runtime":
        if site.context == "optional":
            return "optional"
        if site.context == "typing":
            return "typing"
        if role in {"test-helper", "test-tool"}:
            return "test"  # runs in the package's or its users' tests, or inside a test tool
        if role == "docs-tool":
            return "docs"  # a Sphinx extension runs while the documentation builds
        if role == "script":
            return "script"
        if site.lazy or role == "lazy-module":
            # runs only when a function is called; in copied code its callers guard it, and a notebook
            # display helper runs where IPython is
            return "optional" if role == "vendored" or site.top in _NOTEBOOK_ONLY else "lazy"
        return "runtime"
    return "script" if file_scope == "build" else file_scope


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
    shipped_tests: list[str] = field(default_factory=list)  #: package modules for tests that import it

    def add(self, res: Resolution, site: ImportSite, scope: Scope, role: str | None = None) -> None:
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
        if role == "test-helper" and site.path not in self.shipped_tests:
            self.shipped_tests.append(site.path)

    def first_site(self) -> ImportSite | None:
        return next((self.first[s] for s in SCOPE_ORDER if s in self.first), None)


def _plugin_kind(name: str) -> str | None:
    kind = plugin_kind(name)
    if kind:
        return kind
    for prefix, what in _PLUGIN_PREFIXES:
        if name.startswith(prefix):
            return what
    return None


# ---------------------------------------------------------------------- verdicts
#: a submodule's folder in ``.gitmodules``
_SUBMODULE_PATH = compile_later(r"^\s*path\s*=\s*(.+?)\s*$", re.MULTILINE)


class _Judge:
    """Turns usages and declarations into one verdict per distribution."""

    def __init__(
        self,
        project: Project,
        usages: dict[str, _Usage],
        items: list[decl.Declaration],
        packaged: bool,
        local: FirstParty,
        fallbacks: frozenset[str] = frozenset(),
        unread: bool = False,
        runtime_files: tuple[str, ...] = (),
    ) -> None:
        self.project = project
        self.runtime_files = runtime_files  #: the package's own modules (runtime scope)
        self.unread = unread  #: some package code could not be read, so "unused" cannot be sure
        self.fallbacks = fallbacks  #: backports imported only as a fallback for old Pythons
        self.usages = usages
        self.packaged = packaged
        self.local = local
        self.by_name: dict[str, list[decl.Declaration]] = defaultdict(list)
        requested: dict[tuple[str, str], set[str]] = defaultdict(set)
        for d in items:
            self.by_name[d.name].append(d)
            m = _REQUESTED_EXTRAS.match(d.requirement)
            if m is not None and not (d.dump and packaged):
                requested[d.name, d.location].update(e.strip() for e in m.group(1).split(",") if e.strip())
        #: the extras each declaration asks for (``dask[distributed]``, ``autoconf[jax]``), by where it is
        self.requested = {k: frozenset(v) for k, v in requested.items()}
        self.needed: frozenset[Scope] = (
            frozenset({"runtime"}) if packaged else frozenset({"runtime", "lazy", "script", "notebook"})
        )
        self._knowledge: Knowledge | None = None

    @property
    def knowledge(self) -> Knowledge:
        if self._knowledge is None:
            from sciship.imports.requires import Knowledge

            root = self.project.root
            self._knowledge = Knowledge(root if root.is_dir() else None)
        return self._knowledge

    def _submodules(self) -> dict[str, str]:
        """The folder's git submodules whose files are not here, by the module name they would give
        (``hivevo`` -> ``hivevo``, ``lib/hivevo`` -> ``lib/hivevo``)."""

        def compute() -> dict[str, str]:
            text = self.project.read_text(".gitmodules") if self.project.has(".gitmodules") else None
            out: dict[str, str] = {}
            for found in _SUBMODULE_PATH.findall(text or ""):
                path = found.strip().strip('"').rstrip("/")
                if path and not any(f.startswith(path + "/") for f in self.project.files):
                    out.setdefault(path.rsplit("/", 1)[-1].replace("-", "_"), path)
            return out

        return self.project.memo("deps:submodules", compute)  # type: ignore[no-any-return]

    def verdicts(self) -> list[DependencyVerdict]:
        alias_decls = self._aliases()
        taken = {d.name for ds in alias_decls.values() for d in ds}
        out: list[DependencyVerdict] = []
        for name in sorted((set(self.usages) | set(self.by_name)) - taken):
            use = self.usages.get(name)
            if use is None:
                verdict = self._unused(name)
            else:
                verdict = self._used(name, use, alias_decls.get(name, []))
            if verdict is not None:
                out.append(verdict)
        return out

    # ------------------------------------------------------------------ declared under another name
    def _aliases(self) -> dict[str, list[decl.Declaration]]:
        """Declarations under an alias (``sklearn``) of a distribution the code imports (scikit-learn)."""
        table = aliases()
        out: dict[str, list[decl.Declaration]] = defaultdict(list)
        for name, decls in self.by_name.items():
            alias = table.get(name)
            if alias is None or name in self.usages:
                continue
            target = alias.write
            use = self.usages.get(target)
            if use is None:  # opencv -> any opencv-python variant the import resolved to
                target = next(
                    (
                        n
                        for n, u in self.usages.items()
                        if u.resolution is not None and alias.write in u.resolution.candidates
                    ),
                    target,
                )
            if target in self.usages:
                out[target].extend(d for d in decls if not d.dump or not self.packaged)
        return {k: v for k, v in out.items() if v}

    # ------------------------------------------------------------------ declared, never imported
    def _unused(self, name: str) -> DependencyVerdict | None:
        decls = self.by_name.get(name, [])
        if all(d.dump or d.kind == "dev" for d in decls):
            return None  # tools in dev groups and names in environment dumps are not imported
        if name in self.fallbacks:
            return None  # declared for the old Pythons where the code falls back on it
        locations = tuple(dict.fromkeys(d.location for d in decls if not d.dump))
        plugin = _plugin_kind(name)
        maybe = None
        note = None
        why: str | None = None
        if plugin is None:
            imported = sorted(n for n, u in self.usages.items() if self._known_import(n, u))
            maybe = self.knowledge.optional_user(name, imported)
            if maybe is not None:
                why = f"{maybe} can load it through an option"
                note = (
                    f"no file imports it, but {maybe} (which your code imports) can use it through one of "
                    "its "
                    f"options (an extra of {maybe} installs it), so sciship is not sure it is unused"
                )
        if plugin is None and maybe is None and name in _COMPILED_SUPPORT and self.compiled:
            maybe = "compiled code"
            why = "the package's compiled extensions may use it"
            note = "no Python file imports it, but the package has compiled extensions that may use it"
        if plugin is None and maybe is None and self.unread:
            maybe = "files sciship could not read"
            why = "some package files could not be read"
            note = (
                "no file sciship could read imports it, but some package files could not be read (see below)"
            )
        if plugin is None and maybe is None:
            found = self._named_in_code(name)
            if found is not None:
                maybe, why = "its name in your code", f"your code names it: `{found[0]}` in `{found[1]}`"
                note = (
                    f"no file imports it, but {why}, as a library option that loads it by name (a solver, "
                    "an engine, a backend), so sciship is not sure it is unused"
                )
        if plugin is None and maybe is None:
            limit = self._constrains(name, decls)
            if limit is not None:
                via, spec = limit
                maybe = via.declared
                why = f"{via.declared} requires it and your limit `{spec}` picks its version"
                note = (
                    f"no file imports it, but {via.declared} requires it ({' -> '.join(via.chain)}) and the "
                    f"version limit `{spec}` you declare constrains which version users get, so it may be "
                    "there on purpose"
                )
        alias = aliases().get(name)
        if note is None and alias is not None:
            note = f"its name on PyPI is `{alias.write}`"
        if note is None and plugin is not None:
            note = f"a {plugin}: used without an import, so keep it if you use it"
        return DependencyVerdict(
            name,
            (),
            (),
            locations,
            "unused",
            tuple(dict.fromkeys(d.path for d in decls)),
            plugin=plugin,
            note=note,
            maybe_used_by=maybe,
            maybe_why=why,
        )

    def _known_import(self, name: str, use: _Usage) -> bool:
        """The code imports the distribution ``name`` for sure: a known import name, or a declared one."""
        return use.resolution is not None and (use.resolution.source != "guess" or name in self.by_name)

    def _extras_at(self, providers: list[tuple[str, str]]) -> dict[str, frozenset[str]]:
        """The extras each provider's declaration at that location asks for."""
        return {p: self.requested[p, loc] for p, loc in providers if (p, loc) in self.requested}

    def _constrains(self, name: str, decls: list[decl.Declaration]) -> tuple[Through, str] | None:
        """``(how another declared runtime dependency requires name, the version limit declared)`` when a
        declaration that no code imports only limits the version of something a dependency installs (numba
        requires llvmlite; ``llvmlite>=0.44,<0.46`` picks which llvmlite users get)."""
        spec = next((s for s in map(_version_limit, (d.requirement for d in decls if not d.dump)) if s), None)
        if spec is None:
            return None
        others = [
            (n, d.location)
            for n, ds in self.by_name.items()
            if n != name
            for d in ds[:1]
            if d.kind == "runtime" and not d.dump
        ]
        via = self.knowledge.through(name, [n for n, _ in others], extras=self._extras_at(others))
        return (via, spec) if via is not None else None

    def _named_in_code(self, name: str) -> tuple[str, str] | None:
        """``(the string, the file)`` when the package code names ``name`` in a string literal
        (``solver="CLARABEL"``, ``engine="openpyxl"``): a library option that loads it by that name."""
        if not self.packaged or len(name) < 3:
            return None
        variants = {name, name.replace("-", "_")}
        pattern = re.compile(
            r"""(["'])(""" + "|".join(re.escape(v) for v in sorted(variants)) + r""")\1""", re.IGNORECASE
        )
        for rel in self.runtime_files:
            text = self.project.read_text(rel)
            if not text:
                continue
            m = pattern.search(text)
            if m is not None:
                return m.group(0), rel
        return None

    # ------------------------------------------------------------------ imported
    def _used(self, name: str, use: _Usage, alias_decls: list[decl.Declaration]) -> DependencyVerdict:
        decls = self.by_name.get(name, [])
        all_decls = decls + alias_decls
        packaged = self.packaged
        kinds = {d.kind for d in all_decls if not (packaged and d.dump)}
        scopes = use.scopes
        res = use.resolution or Resolution(name, (name,), "guess")
        status: Status
        note: str | None = None
        extra: str | None = self._extra_of(all_decls)
        if scopes & self.needed:
            if kinds & {"runtime", "extra"}:
                status = "ok"
            elif "dev" in kinds:
                status = "misplaced"
            else:
                status = "missing"
        elif "lazy" in scopes:  # package code, inside functions only
            if kinds & {"runtime", "extra"}:
                status = "ok"
            elif "dev" in kinds:
                status = "optional"
                group = _short(next(d.location for d in all_decls if d.kind == "dev"))
                extra = self._extra_for(name, use)
                note = (
                    f"imported inside functions only, and only {group} installs it: users who call them get "
                    f"ModuleNotFoundError. List it in an extra (`{extra}`) so they can install it."
                )
            else:
                status = "missing"
        elif "optional" in scopes:
            status = "ok" if all_decls else "optional"
            if status == "optional" and _plugin_kind(name) in {"tool", "build", "stubs"}:
                status = "ok"  # a developer tool used when it happens to be installed
                note = "imported only when available; a developer tool, so no extra is needed"
            elif status == "optional":
                providers = self._installed_with(scopes)
                via = self.knowledge.through(
                    name, [p for p, _ in providers], extras=self._extras_at(providers)
                )
                if via is not None:
                    status = "ok"
                    note = (
                        f"imported only when available; {via.declared} installs it ({' -> '.join(via.chain)})"
                    )
                else:
                    extra = self._extra_for(name, use)
        elif scopes <= {"typing"}:
            status = "ok"
        elif "test" in scopes and "runtime" in kinds and not kinds & {"dev", "extra"} and packaged:
            status = "misplaced"
            reason = self._used_without_import(name, use.imports)
            if use.shipped_tests:
                reason = f"the package's own `{use.shipped_tests[0]}` (shipped for users' tests) imports it"
            if reason is not None:
                status = "ok"
                note = f"only tests import it, but {reason}"
        elif all_decls:
            status = "ok"
        else:
            status = "missing"

        distribution: str | None = name
        through: tuple[str, ...] = ()
        maybe_through: tuple[str, ...] = ()
        suggestions: tuple[str, ...] = ()
        declared_as = None
        if res.source == "guess" and not all_decls and status != "ok":
            status = "missing"  # decided below: sciship knows no package of that name
        if status in {"ok", "misplaced", "optional"} and alias_decls and not decls:
            status = "alias"
            first = alias_decls[0]
            alias = aliases()[first.name]
            declared_as = requirement_name(first.requirement) or first.name
            what = (
                "no package of that name exists" if alias.pypi == "missing" else f"that name is {alias.pypi}"
            )
            note = (
                f"declared as `{declared_as}` in {first.path}, which is not its name on PyPI ({what}); "
                f"write `{name}`"
            )
        elif status == "missing" and res.ambiguous:
            status = "unverified"
        elif status == "missing" and res.source == "guess" and not all_decls:
            status = "unresolved"
            distribution = None
            top = min(use.imports).split(".")[0]
            suggestions = () if top in PYTHON2_ONLY else tuple(self.local.close_names(top))
            note = f"no module `{top}` in this folder, and no package sciship knows of provides it"
            if top in PYTHON2_ONLY:  # `import cPickle` (HIVEVO_figures): no package to install
                now = _PYTHON3_NAMES.get(top)
                note = (
                    "a module of Python 2's standard library, which Python 3 renamed or removed"
                    + (f" (Python 3: `{now}`)" if now else "")
                    + ": this code needs Python 2, or an update to Python 3; no package provides it"
                )
            submodule = self._submodules().get(top)
            if submodule is not None:  # `import hivevo`, a submodule never checked out (HIVEVO_figures)
                suggestions = ()
                note = (
                    f"`{submodule}` is a git submodule of this folder (.gitmodules) whose files are not "
                    "here: run `git submodule update --init` to get them (and say so in the README)"
                )
            if suggestions:
                note += "; did you mean " + " or ".join(f"`{s}`" for s in suggestions) + " (in this folder)?"
        elif status == "missing":
            providers = self._installed_with(scopes)
            via = self.knowledge.through(name, [p for p, _ in providers], extras=self._extras_at(providers))
            if via is not None:
                status = "indirect"
                through = via.chain
                how = "its installed metadata" if via.source == "environment" else "its metadata on PyPI"
                chain = " -> ".join(via.chain)
                origin = dict(providers).get(via.declared)
                where = ""
                if origin and not origin.startswith(_RUNTIME):
                    where = f", from {_short(origin)}"
                    extra = self._extra_of([d for d in self.by_name[via.declared] if d.location == origin])
                note = (
                    f"works today through {via.declared} ({chain}, read from {how}{where}); declare it "
                    f"because your code imports it directly and {via.declared} may stop requiring it"
                )
            elif unknown := self._unknown_providers(name, providers):
                maybe_through = tuple(unknown)
                if not any(loc.startswith(_RUNTIME) for p, loc in providers if p in unknown):
                    extra = self._extra_of([d for p in unknown for d in self.by_name[p]])
                names = ", ".join(unknown[:4]) + (" and others" if len(unknown) > 4 else "")
                note = (
                    f"not declared; sciship cannot tell whether {names} (not installed here, not in its "
                    "table) installs it, so it may work today by chance: declare it either way"
                )
            elif all_decls and all(d.dump for d in all_decls):
                listed = ", ".join(dict.fromkeys(d.path for d in all_decls))
                note = (
                    f"listed only in {listed}, which describes your own environment: `pip install` of the "
                    "package does not read it"
                )
            elif "lazy" in scopes and not scopes & self.needed:
                site = use.first.get("lazy")
                where = f" (first: `{site.path}` line {site.line})" if site is not None else ""
                note = (
                    f"imported inside functions only{where}: importing the package works, calling them "
                    "fails for users without it"
                )
        markers = use.runtime_markers
        marker = next(iter(markers)) if len(markers) == 1 else None
        return DependencyVerdict(
            distribution=distribution,
            imports=tuple(sorted(use.imports)),
            scopes=tuple(s for s in SCOPE_ORDER if s in scopes),
            declared=tuple(dict.fromkeys(d.location for d in all_decls)),
            status=status,
            files=tuple(sorted(use.files)),
            source=res.source if not decls else ("declared" if res.source == "guess" else res.source),
            candidates=res.candidates if res.ambiguous else (),
            marker=marker,
            first_site=use.first_site(),
            note=note,
            through=through,
            maybe_through=maybe_through,
            declared_as=declared_as,
            suggestions=suggestions,
            extra=extra,
        )

    @property
    def compiled(self) -> bool:
        """The project builds compiled extensions (C, C++, Cython, Fortran, Rust sources)."""
        found = self.project.memo(
            "deps:compiled", lambda: any(f.endswith(_COMPILED_SUFFIXES) for f in self.project.files)
        )
        return bool(found)

    def _used_without_import(self, name: str, imports: Iterable[str] = ()) -> str | None:
        """Why a runtime dependency the package code never imports may still be needed, or None."""
        kind = _plugin_kind(name)
        if name in _TEST_TOOLS or kind in {"pytest", "stubs"}:
            return None  # a test tool in the runtime list is exactly what this check is for
        if kind is not None:
            return f"it is a {kind}, used without an import"
        imported = sorted(n for n, u in self.usages.items() if self._known_import(n, u))
        user = self.knowledge.optional_user(name, [n for n in imported if n != name])
        if user is not None:
            return f"{user} can use it through one of its options"
        if name in _COMPILED_SUPPORT and self.compiled:
            return "the package's compiled extensions may use it"
        found = self._referenced_in_code(imports)
        if found is not None:
            return (
                f"the package's code refers to `{found[0]}` (`{found[1]}`): it works on "
                f"{found[0].split('.')[0]} objects passed in"
            )
        return None

    def _referenced_in_code(self, imports: Iterable[str]) -> tuple[str, str] | None:
        """``(dotted name, file)`` when package code that does not import a module still names something in
        it (``ax : matplotlib.axes.Axes`` in a docstring, a string annotation): the package works on objects
        of that library that its users pass in."""
        tops = sorted({i.split(".")[0] for i in imports if i})
        if not tops or not self.packaged:
            return None
        pattern = re.compile(  # not a web address (matplotlib.org, numpy.readthedocs.io)
            r"(?<![\w/.@-])(" + "|".join(re.escape(t) for t in tops) + r")"
            r"\.(?!(?:org|com|io|net|dev|readthedocs)\b)[A-Za-z_]\w*(?:\.\w+)*"
        )
        for rel in self.runtime_files:
            text = self.project.read_text(rel)
            if text:
                m = pattern.search(text)
                if m is not None:
                    return m.group(0), rel
        return None

    def _installed_with(self, scopes: set[Scope]) -> list[tuple[str, str]]:
        """Declared distributions that come with the code doing the import, with where each is declared:
        runtime ones first, then extras (a module that needs an extra gets what that extra brings), and
        for tests and docs also the developers' groups."""
        code = bool(scopes & (self.needed | {"lazy", "optional"}))
        ranked: list[tuple[int, str, str]] = []
        for name, decls in self.by_name.items():
            usable = [d for d in decls if not (d.dump and self.packaged)]
            rank = {"runtime": 0, "extra": 1, "dev": 2}
            allowed = {"runtime", "extra"} if code else {"runtime", "extra", "dev"}
            best = min((d for d in usable if d.kind in allowed), key=lambda d: rank[d.kind], default=None)
            if best is not None:
                ranked.append((rank[best.kind], name, best.location))
        return [(name, location) for _, name, location in sorted(ranked, key=lambda r: r[0])]

    def _unknown_providers(self, name: str, providers: list[tuple[str, str]]) -> list[str]:
        """Declared runtime distributions whose requirements sciship cannot read (not installed here, not
        in its table): any of them may install ``name``, so sciship cannot call it missing for sure.
        Build tools are the exception: a package that imports ``pkg_resources`` needs setuptools itself."""
        if name in {"setuptools", "pip", "wheel"}:
            return []
        return [p for p, _location in providers if self.knowledge.of(p) is None]

    @staticmethod
    def _extra_of(decls: list[decl.Declaration]) -> str | None:
        for d in decls:
            for prefix in ("project.optional-dependencies.", "tool.poetry.extras."):
                if d.location.startswith(prefix):
                    return d.location[len(prefix) :]
        return None

    def _extra_for(self, name: str, use: _Usage) -> str:
        """The extra that should list ``name``: one that already lists a library imported the same way
        in the same files, else one named after it."""
        for other, u in self.usages.items():
            if other == name or not (u.files & use.files) or not (u.scopes & {"lazy", "optional"}):
                continue
            extra = self._extra_of(self.by_name.get(other, []))
            if extra is not None and decl.kind_for_extra(extra) != "dev":
                return extra
        return name


_RUNTIME = ("project.dependencies", "setup", "tool.poetry.dependencies", "requirements", "environment")
_COMPILED_SUFFIXES = (".pyx", ".pxd", ".c", ".cc", ".cpp", ".cxx", ".cu", ".f", ".f90", ".rs")
_TEST_TOOLS = frozenset(
    {"pytest", "hypothesis", "mock", "parameterized", "coverage", "tox", "nox", "nose", "nose2"}
)
#: what compiled extensions use at run time without a Python import
_COMPILED_SUPPORT = frozenset({"numpy", "cffi", "pybind11", "nanobind", "cython"})


_REQUESTED_EXTRAS = compile_later(r"\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*\[([^\]]*)\]")


def _version_limit(requirement: str) -> str | None:
    """The version limit of a requirement as written (``>=0.44,<0.46``), or None when it has none."""
    text = requirement.split(";", 1)[0]
    m = re.match(r"\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\])?\s*\(?\s*([<>=!~][^;()]*)", text)
    return m.group(1).strip() if m else None


def _short(location: str) -> str:
    if location.startswith("dependency-groups."):
        return f"the `{location.removeprefix('dependency-groups.')}` dependency group"
    if location.startswith("project.optional-dependencies."):
        return f"the `{location.removeprefix('project.optional-dependencies.')}` extra"
    if location.startswith("tool.poetry.group."):
        return f"the `{location.removeprefix('tool.poetry.group.')}` Poetry group"
    return f"`{location}`"


def _look_up(verdicts: list[DependencyVerdict], index: Index) -> list[DependencyVerdict]:
    """Look the unresolved names up on the package index: a name that exists becomes ``unverified``
    (sciship has not checked that it provides the import); one that does not says so."""
    from dataclasses import replace

    names = {
        canonicalize_name(v.imports[0].split(".")[0])
        for v in verdicts
        if v.status == "unresolved" and v.imports
    }
    if not names:
        return verdicts
    found = index.exists(sorted(names))
    out: list[DependencyVerdict] = []
    for v in verdicts:
        if v.status != "unresolved" or not v.imports:
            out.append(v)
            continue
        name = canonicalize_name(v.imports[0].split(".")[0])
        exists = found.get(name)
        if exists is True:
            note = (
                f"sciship's tables do not know `{v.imports[0]}`; a package named `{name}` exists on the "
                "package index, but sciship has not checked that it is the one that provides this import"
            )
            out.append(replace(v, distribution=name, status="unverified", source="index", note=note))
        elif exists is False:
            out.append(
                replace(v, note=(v.note or "") + f"; no package named `{name}` exists on the package index")
            )
        else:
            out.append(
                replace(v, note=(v.note or "") + "; the package index could not be reached to check it")
            )
    return out


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
_LOWER = compile_later(r"^(>=|~=|==|>)\s*(\d+)(?:\.(\d+))?")


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
    local: FirstParty,
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
