"""Decide how a folder of scripts and notebooks becomes a package, as one :class:`~sciship.plan.Plan`.

Choices (each is explained to the user in the plan and in the new README):

- Every script becomes ``src/<pkg>/<clean_name>.py``; its top-level work moves into ``main()`` and it
  becomes the console command ``<name>-<module>``. The package is flat even for scripts in sub-folders:
  commands are flat anyway (``<name>-<module>``), so modules must be unique across folders; a name found
  in two folders gets its folder's name in front (``02_video/main.py`` -> ``video_main``). Each script's
  bare imports of the folder's own modules (``import extras`` next to it) become package imports.
  Folders with ``__init__.py`` stay packages and become sub-packages.
- Notebooks are kept unchanged in ``notebooks/``; their imports become the ``notebooks`` dependency group.
- Data and every other file stay where they were, relative to the project root, so a script that read
  ``data/temps.csv`` when run from the folder still finds it when its command runs from the project
  root. Only ``src/<pkg>`` goes into the wheel, so data is never shipped to users, and files over
  1 MB are also kept out of the source archive.
- ``--output`` copies; ``--in-place`` moves with ``git mv`` so each file keeps its history.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sciship.adopt import naming
from sciship.adopt.deps import DepInfo, dependencies
from sciship.adopt.paths import moved_notebook_paths, script_notes
from sciship.adopt.transform import Transformed, transform
from sciship.plan import Plan
from sciship.project import Project

Role = Literal["script", "module", "test", "notebook", "kept", "unparsed", "skipped"]

BIG_FILE = 1_000_000  #: bytes; larger files stay out of the source archive
_SKIP_PARTS = frozenset(
    {"__pycache__", ".ipynb_checkpoints", ".git", ".pytest_cache", ".mypy_cache", ".ruff_cache"}
)
_KEEP_AS_IS = frozenset({"setup.py", "conftest.py", "noxfile.py", "tasks.py", "fabfile.py"})


@dataclass(frozen=True)
class FileNote:
    """Something adopt could not do, or the author must check, in one file (``path``, sometimes with
    ``:line``)."""

    path: str
    message: str


@dataclass(frozen=True)
class Placed:
    """Where one original file goes and what happens to it."""

    source: str
    target: str
    role: Role
    command: str | None = None
    entry: str | None = None  #: ``pkg.module:function`` for a command
    module: str | None = None  #: dotted module name for importable files
    detail: str = ""


@dataclass
class Adoption:
    """Everything ``sciship adopt`` decided, plus the plan that writes it."""

    plan: Plan
    name: str
    package: str
    placed: list[Placed] = field(default_factory=list)
    runtime: list[str] = field(default_factory=list)
    notebook_deps: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  #: imports with no known package: the author decides
    requires_python: str = ">=3.10"
    notes: list[FileNote] = field(default_factory=list)  #: what sciship could not do, per file
    license: str | None = None
    author: str = ""

    @property
    def commands(self) -> dict[str, str]:
        return {p.command: p.entry for p in self.placed if p.command and p.entry}

    @property
    def modules(self) -> list[str]:
        return [p.module for p in self.placed if p.module and p.role in {"script", "module"}]


def adopt(
    project: Project,
    target: Path,
    *,
    name: str | None = None,
    in_place: bool = False,
    license_id: str | None = None,
    progress: Callable[[str, int, int | None], None] | None = None,
) -> Adoption:
    """Build the plan that turns ``project`` into a package at ``target`` (== project.root for in-place).

    ``progress(step, done, total)`` is told what is being done (for a progress line; it must not print
    on stdout).
    """
    tell = progress or (lambda _step, _done, _total: None)
    dist = naming.distribution_name(name or project.root.name)
    pkg = naming.identifier(dist, fallback="research_code")
    plan = Plan(root=target)
    result = Adoption(plan=plan, name=dist, package=pkg, license=license_id)
    files = [f for f in project.files if not (set(f.split("/")) & _SKIP_PARTS) and not f.endswith(".pyc")]
    scripts, tests, notebooks, others = _sort(files)
    local_names, targets = _module_targets(scripts, pkg)

    put: Callable[[str, str, str], None]
    if in_place:

        def put(source: str, dest: str, reason: str) -> None:
            if source != dest:
                plan.move(source, dest, reason, git=source in project.tracked)

    else:

        def put(source: str, dest: str, reason: str) -> None:
            plan.copy(project.root / source, dest, reason)

    def write(source: str, dest: str, text: str, reason: str) -> None:
        if in_place:
            put(source, dest, reason)
            plan.edit(dest, lambda _old: text, reason)
        else:
            plan.create(dest, text, reason)

    for i, src in enumerate(scripts):
        tell("Turn scripts into modules", i, len(scripts))
        _adopt_script(
            project,
            src,
            targets[src],
            pkg,
            dist,
            local_names.for_folder(posixpath.dirname(src)),
            result,
            write,
            put,
        )
    test_targets = _unique_targets(
        [f"tests/{posixpath.basename(t)}" for t in tests], {"tests/test_adopted.py"}
    )
    for src, dest in zip(tests, test_targets, strict=True):
        _adopt_test(
            project, src, dest, pkg, local_names.for_folder(posixpath.dirname(src)), result, write, put
        )
    nb_targets = _unique_targets([_notebook_target(n) for n in notebooks], set())
    for src, dest in zip(notebooks, nb_targets, strict=True):
        put(src, dest, "a notebook, kept unchanged as an example")
        result.placed.append(Placed(src, dest, "notebook"))
        _notebook_notes(project, src, dest, local_names.for_folder(posixpath.dirname(src)), result)
    for src in others:
        if src == "pyproject.toml":
            continue
        put(src, src, "kept where it was")
        result.placed.append(Placed(src, src, "kept"))

    tell("Find the packages the code imports", 0, None)
    info = dependencies(project)
    _use_dependencies(info, result)
    return result


# ---------------------------------------------------------------------------------------- sorting
def _sort(files: list[str]) -> tuple[list[str], list[str], list[str], list[str]]:
    scripts: list[str] = []
    tests: list[str] = []
    notebooks: list[str] = []
    others: list[str] = []
    for f in files:
        base = posixpath.basename(f)
        top = f.split("/")[0]
        if f.endswith(".ipynb"):
            notebooks.append(f)
        elif not f.endswith(".py") or top in {"docs", "doc"} or base in _KEEP_AS_IS or top.startswith("."):
            others.append(f)
        elif top in {"tests", "test"} or base.startswith("test_") or base.endswith("_test.py"):
            tests.append(f)
        else:
            scripts.append(f)
    return scripts, tests, notebooks, others


def _package_roots(scripts: list[str]) -> set[str]:
    """Folders that are the top of a Python package: they have ``__init__.py``, their parent has none."""
    inits = {posixpath.dirname(f) for f in scripts if posixpath.basename(f) == "__init__.py"}
    return {d for d in inits if d and posixpath.dirname(d) not in inits}


@dataclass(frozen=True)
class LocalNames:
    """Which of the folder's own modules a bare ``import name`` means, seen from each folder.

    Python puts a script's own folder first on ``sys.path``, so a module next to the script wins; then
    modules at the top of the folder (scripts run from there with ``python -m`` or ``PYTHONPATH=.``);
    last, a name that exists in exactly one place (scripts that extend ``sys.path`` themselves).
    """

    by_folder: dict[str, dict[str, str]]
    unique: dict[str, str]

    def for_folder(self, folder: str) -> dict[str, str]:
        return {**self.unique, **self.by_folder.get("", {}), **self.by_folder.get(folder, {})}


def _module_targets(scripts: list[str], pkg: str) -> tuple[LocalNames, dict[str, str]]:
    """(the import names each folder sees -> module path in the package, source -> target file).

    The package is flat: every script outside a package becomes ``src/<pkg>/<name>.py``. A name found
    in more than one folder (``02_video/main.py``, ``03_startle/main.py``) gets its folder's name in
    front (``video_main``, ``startle_main``), so no file is lost and every command name stays distinct.
    Folders that already are packages (``__init__.py``) become sub-packages with their inner layout.
    """
    roots = _package_roots(scripts)
    by_folder: dict[str, dict[str, str]] = {}
    seen: dict[str, set[str]] = {}
    targets: dict[str, str] = {}
    taken: set[str] = {"__init__", "__main__"}
    loose: list[str] = []
    for src in sorted(scripts, key=lambda s: (s.count("/"), s)):
        root = next((r for r in roots if src.startswith(r + "/")), None)
        if root is None:
            loose.append(src)
            continue
        parent, _, dirname = root.rpartition("/")
        names = by_folder.setdefault(parent, {})
        if dirname not in names:
            names[dirname] = naming.unique(naming.identifier(dirname), taken)
            taken.add(names[dirname])
            seen.setdefault(dirname, set()).add(names[dirname])
        targets[src] = f"src/{pkg}/{names[dirname]}/{src[len(root) + 1 :]}"
    counts: dict[str, int] = {}
    for src in loose:
        name = naming.identifier(posixpath.basename(src)[:-3])
        counts[name] = counts.get(name, 0) + 1
    for src in loose:
        folder, base = posixpath.split(src)
        stem = base[:-3]
        name = naming.identifier(stem)
        if counts[name] > 1 and folder:
            name = f"{naming.identifier(posixpath.basename(folder), fallback='sub')}_{name}"
        mod = naming.unique(name, taken)
        taken.add(mod)
        targets[src] = f"src/{pkg}/{mod}.py"
        if stem.isidentifier():
            by_folder.setdefault(folder, {}).setdefault(stem, mod)
            seen.setdefault(stem, set()).add(mod)
    unique = {name: next(iter(mods)) for name, mods in seen.items() if len(mods) == 1}
    return LocalNames(by_folder, unique), targets


def _unique_targets(targets: list[str], taken: set[str]) -> list[str]:
    out = []
    used = set(taken)
    for t in targets:
        stem, dot, ext = t.rpartition(".")
        cand = t
        n = 2
        while cand in used:
            cand = f"{stem}_{n}{dot}{ext}"
            n += 1
        used.add(cand)
        out.append(cand)
    return out


def _notebook_target(path: str) -> str:
    parts = path.split("/")
    if parts[0] in {"notebooks", "notebook", "nb"} and len(parts) > 1:
        parts = parts[1:]
    return "notebooks/" + "/".join(parts)


# ---------------------------------------------------------------------------------------- scripts
def _adopt_script(
    project: Project,
    src: str,
    dest: str,
    pkg: str,
    dist: str,
    local: dict[str, str],
    result: Adoption,
    write: Callable[[str, str, str, str], None],
    put: Callable[[str, str, str], None],
) -> None:
    text = project.read_text(src)
    if text is None:
        result.notes.append(
            FileNote(
                src,
                "is not UTF-8 text, so sciship copied it without changes; "
                "save it as UTF-8 and run adopt again to make it a module",
            )
        )
        _keep_unparsed(src, result, put)
        return
    try:
        done = transform(text, package=pkg, local=local, origin=src)
    except Exception as exc:
        reason = _parse_reason(text, src, exc)
        result.notes.append(
            FileNote(
                src,
                "could not be read as Python 3, so it was copied unchanged and is not "
                f"part of the package. {reason}; then run adopt again",
            )
        )
        _keep_unparsed(src, result, put)
        return
    module = dest[len("src/") : -len(".py")].replace("/", ".")
    module = module.removesuffix(".__init__")
    command = entry = None
    if done.entry is not None:
        command = naming.command_name(dist, module.rsplit(".", 1)[-1])
        entry = f"{module}:{done.entry}"
    write(src, dest, done.text, _reason(done))
    result.placed.append(
        Placed(src, dest, "script" if done.entry else "module", command, entry, module, _detail(done))
    )
    for note in done.notes:
        result.notes.append(FileNote(src, note))
    _script_notes(project, src, text, result)


def _keep_unparsed(src: str, result: Adoption, put: Callable[[str, str, str], None]) -> None:
    put(src, src, "could not be read as Python 3; kept unchanged")
    result.placed.append(Placed(src, src, "unparsed"))


def _parse_reason(text: str, src: str, exc: Exception) -> str:
    from sciship.imports.scan import scan_source

    found = scan_source(text, src).problem
    if found is not None:
        return found.message.rstrip(".")
    return f"sciship's parser stopped at: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"


def _reason(done: Transformed) -> str:
    if done.kind == "script":
        return f"script -> module; {done.moved} top-level statement(s) moved into {done.entry}()"
    if done.kind == "has_main":
        return (
            "script that already has main(); kept as it was"
            if done.entry == "main"
            else (f"script with main(); added {done.entry}() so its command answers --help")
        )
    return "module (nothing runs on import)"


def _detail(done: Transformed) -> str:
    if done.globals:
        return "globals set by main(): " + ", ".join(done.globals)
    return ""


def _script_notes(project: Project, src: str, text: str, result: Adoption) -> None:
    for note in script_notes(project, src):
        where = f"{src}:{note.line}" if note.line is not None else src
        result.notes.append(FileNote(where, note.message))
    if "__file__" in text:
        result.notes.append(
            FileNote(
                src,
                "uses `__file__`; the module now lives in `src/`, so paths built "
                "from it point somewhere else; check them",
            )
        )
    if "sys.path" in text:
        result.notes.append(
            FileNote(
                src,
                "changes `sys.path`; once the package is installed its modules "
                "import without that, so you can remove it",
            )
        )


def _adopt_test(
    project: Project,
    src: str,
    dest: str,
    pkg: str,
    local: dict[str, str],
    result: Adoption,
    write: Callable[[str, str, str, str], None],
    put: Callable[[str, str, str], None],
) -> None:
    text = project.read_text(src)
    try:
        done = transform(text or "", package=pkg, local=local, origin=src, make_entry=False)
    except Exception:
        result.notes.append(
            FileNote(src, "is a test file that could not be read as Python 3; copied unchanged")
        )
        put(src, dest, "test file, copied unchanged")
        result.placed.append(Placed(src, dest, "test"))
        return
    if text is not None and done.text != text:
        write(src, dest, done.text, "test file; imports now use the package")
    else:
        put(src, dest, "test file")
    result.placed.append(Placed(src, dest, "test"))


def _notebook_notes(project: Project, src: str, dest: str, local: dict[str, str], result: Adoption) -> None:
    from sciship.imports.scan import scan_notebook

    scanned = scan_notebook(project.read_text(src) or "", src)
    mine = sorted({s.top for s in scanned.imports if s.top in local and s.level == 0})
    if mine:
        news = ", ".join(f"`import {m}` -> `from {result.package} import {local[m]}`" for m in mine)
        result.notes.append(
            FileNote(
                src,
                f"imports the project's own scripts ({news}); the notebook was kept "
                "unchanged, so edit those lines before you run it",
            )
        )
    if posixpath.dirname(src) == posixpath.dirname(dest):
        return
    changes = [f"`{old}` -> `{new}`" for old, new in moved_notebook_paths(project, src, dest)]
    if changes:
        result.notes.append(
            FileNote(
                src,
                f"moved to `{dest}`, so the relative paths it opens need one change each before you run "
                "it there: " + ", ".join(changes),
            )
        )


# ---------------------------------------------------------------------------------------- deps
def _use_dependencies(info: DepInfo, result: Adoption) -> None:
    result.runtime = list(info.runtime)
    result.notebook_deps = [d for d in info.notebook if d not in info.runtime]
    result.unused = list(info.unused)
    result.unresolved = list(info.unresolved)
    result.requires_python = info.requires_python
    for path, message in info.problems:
        result.notes.append(FileNote(path, message))
