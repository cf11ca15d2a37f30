"""The Project snapshot: everything a command needs to know about a folder, read once.

Loading never fails on bad input inside the folder: a broken ``pyproject.toml`` becomes a
:class:`Problem` with file, line and column, so checks can report it. Only a path that cannot be a
project at all (missing, a file, not readable) raises :class:`~sciship._errors.InputError`.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from sciship._errors import InputError
from sciship._regex import compile_later

if TYPE_CHECKING:
    import tomlkit.toml_document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

Layout = Literal["src", "flat", "none"]

#: Top-level folders that are never the project's import package.
NOT_PACKAGES = frozenset(
    {
        "tests",
        "test",
        "testing",
        "docs",
        "doc",
        "examples",
        "example",
        "benchmarks",
        "benchmark",
        "scripts",
        "notebooks",
        "build",
        "dist",
        "site",
        "data",
        "tools",
        "ci",
        "conda",
        "binder",
        "paper",
        "figures",
        "env",
        "venv",
        "node_modules",
        "__pycache__",
    }
)
#: Folders named for code of other projects copied in (see :meth:`Project.copied_in`; not `external/`,
#: which in a research folder may be the authors' own code for external data).
COPIED_IN = frozenset({"vendor", "vendored", "third_party", "thirdparty", "3rdparty", "external_libs"})
#: A file name that says it holds a secret: a key, a token, a password (`credentials.json`, `.env`).
SECRET_NAME = compile_later(
    r"api[_-]?key|(access|auth)[_-]?token|(^|[_.-])(secrets?|credentials?|passw(or)?ds?)([_.-]|$)"
    r"|^\.env$|^token(\.\w+)?$|^\.netrc$|^client_secret",  # (a word: `x.Secreted` is a protein table)
    re.IGNORECASE,
)
#: Folders sciship never descends into when it walks a folder outside git.
_NEVER_WALK = frozenset({".git", ".hg", ".svn", "node_modules", ".tox", ".nox", ".mypy_cache", ".ruff_cache"})
_TOML_POSITION = compile_later(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class Problem:
    """Something in the folder sciship could not read or understand."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def location(self) -> str:
        loc = self.path
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc


@dataclass(frozen=True)
class ImportPackage:
    """A top-level import package (or module) the project ships."""

    name: str
    path: str  #: folder (or ``.py`` file) relative to the root, POSIX style
    namespace: bool = False
    module: bool = False  #: a single-file module rather than a folder


@dataclass
class Project:
    """A read-once view of a project folder.

    Create it with :meth:`load` (from disk) or :meth:`from_files` (in memory, for tests). File contents
    are read lazily and at most once.
    """

    root: Path
    files: tuple[str, ...]
    tracked: frozenset[str]
    in_git: bool
    problems: list[Problem] = field(default_factory=list)
    skipped: tuple[str, ...] = ()  #: paths not listed on purpose (symlinks out of the root, venvs)
    #: outside git: scripts and notebooks left out because a .gitignore lists them (or their folder; a
    #: folder's own files only), which a download of a repository holds when they were committed anyway
    ignored_code: tuple[str, ...] = ()
    #: why ``pyproject.toml`` is there but not a readable file (a folder, a pipe, a broken link)
    pyproject_not_a_file: Problem | None = None
    _reader: Callable[[str], bytes] | None = field(default=None, repr=False)
    _bytes: dict[str, bytes | None] = field(default_factory=dict, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ construction
    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Project:
        root = Path(path)
        if not root.exists():
            if root.is_symlink():
                raise InputError(
                    f"`{root}` is a link that points nowhere.",
                    hint="Give the folder the link should point to.",
                )
            raise InputError(
                f"There is no folder at `{root}`.",
                hint="Check the spelling, or run the command from inside your project folder.",
            )
        if not root.is_dir():
            raise InputError(
                f"`{root}` is a file, not a folder.",
                hint=f"Give the folder that holds your project, for example `{root.parent}`.",
            )
        try:
            root = root.resolve(strict=True)
            next(iter(root.iterdir()), None)
        except (OSError, RuntimeError) as exc:
            raise InputError(
                f"sciship cannot read the folder `{path}` ({_reason(exc)}).",
                hint="Check that the folder exists and that you are allowed to read it.",
            ) from exc
        listed = _git_files(root)
        problems: list[Problem] = []
        if listed is not None:
            files, tracked = listed
            in_git = True
            files, skipped = _drop_unsafe(root, files)
            files, installed = _drop_installed(files)  # a virtual environment committed to git
            skipped += installed
        else:
            files, skipped, problems, ignored_code = _walk(root)
            tracked = frozenset()
            in_git = False
        special = None if "pyproject.toml" in files else _not_a_file(root, "pyproject.toml")

        def reader(rel: str) -> bytes:
            return _read_regular(root / rel)

        return cls(
            root=root,
            files=tuple(sorted(files)),
            tracked=tracked,
            in_git=in_git,
            problems=problems,
            skipped=tuple(sorted(skipped)),
            ignored_code=tuple(sorted(ignored_code)) if not in_git else (),
            pyproject_not_a_file=special,
            _reader=reader,
        )

    @classmethod
    def from_files(
        cls,
        files: Mapping[str, str | bytes],
        *,
        root: str | os.PathLike[str] = "/in-memory",
        in_git: bool = True,
    ) -> Project:
        """An in-memory project: ``{"relative/path": content}``. Everything counts as tracked."""
        data = {k: (v.encode() if isinstance(v, str) else v) for k, v in files.items()}

        def reader(rel: str) -> bytes:
            try:
                return data[rel]
            except KeyError:
                raise FileNotFoundError(rel) from None

        return cls(
            root=Path(root),
            files=tuple(sorted(data)),
            tracked=frozenset(data) if in_git else frozenset(),
            in_git=in_git,
            _reader=reader,
        )

    # ------------------------------------------------------------------ file access
    def has(self, rel: str) -> bool:
        return rel in self._file_set

    def declares_package(self) -> bool:
        """Whether the project declares a package others install: a ``[project]`` or ``[tool.poetry]``
        table, a setup.py or a setup.cfg (a research folder has none of them)."""
        data = self.pyproject or {}
        tool = data.get("tool")
        return (
            isinstance(data.get("project"), dict)
            or (isinstance(tool, dict) and "poetry" in tool)
            or self.has("setup.py")
            or self.has("setup.cfg")
        )

    @property
    def _file_set(self) -> frozenset[str]:
        return self.memo("_file_set", lambda: frozenset(self.files))  # type: ignore[no-any-return]

    def has_dir(self, rel: str) -> bool:
        prefix = rel.rstrip("/") + "/"
        return any(f.startswith(prefix) for f in self.files)

    def under(self, folder: str) -> list[str]:
        prefix = folder.rstrip("/") + "/"
        return [f for f in self.files if f.startswith(prefix)]

    def find(self, *names: str) -> str | None:
        """The first of ``names`` that exists (case-sensitive), else None."""
        for name in names:
            if name in self._file_set:
                return name
        return None

    def find_ci(self, stem: str) -> str | None:
        """A top-level file whose name starts with ``stem`` in any case (README, readme.md, LICENSE.txt)."""
        stem = stem.lower()
        for f in self.files:
            if "/" not in f and (f.lower() == stem or f.lower().startswith(stem + ".")):
                return f
        return None

    def read_bytes(self, rel: str) -> bytes | None:
        """The content of a listed file, or None when it cannot be read (the reason joins ``problems``)."""
        if rel in self._bytes:
            return self._bytes[rel]
        data: bytes | None
        try:
            if self._reader is None:  # pragma: no cover - both constructors set a reader
                raise FileNotFoundError(rel)
            data = self._reader(rel)
        except (OSError, RuntimeError) as exc:
            if not isinstance(exc, FileNotFoundError):
                self.problems.append(Problem(rel, f"sciship could not read this file ({_reason(exc)})."))
            data = None
        self._bytes[rel] = data
        return data

    def sha256(self, rel: str) -> str | None:
        """The SHA-256 of a listed file's bytes (hex), computed once per snapshot; None when it cannot be
        read. The caches key files by it (the import scan's, the data flow's)."""
        data = self.read_bytes(rel)
        if data is None:
            return None
        key = "sha256:" + rel
        digest = self._memo.get(key)
        if digest is None:
            import hashlib

            digest = self._memo[key] = hashlib.sha256(data).hexdigest()
        return str(digest)

    def read_text(self, rel: str) -> str | None:
        """Text of a file as UTF-8 (a BOM is accepted), or None if missing, unreadable or not UTF-8. A Python
        file in the encoding its first lines declare (PEP 263: ``# -*- coding: latin-1 -*-``) is read in it,
        as Python reads it (romueller/gefast-paper-analysis: "not UTF-8" of files Python runs)."""
        key = "text:" + rel
        if key in self._memo:
            return self._memo[key]  # type: ignore[no-any-return]
        data = self.read_bytes(rel)
        text: str | None = None
        if data is not None:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                text = _declared_encoding(data) if rel.endswith(".py") else None
                if text is not None:
                    self._memo[key] = text
                    return text
                line = data[: exc.start].count(b"\n") + 1
                self.problems.append(
                    Problem(
                        rel,
                        "This file is not UTF-8 text, so sciship skipped it. Save it as UTF-8 "
                        "(most editors have an 'encoding' option when saving).",
                        line=line,
                    )
                )
        self._memo[key] = text
        return text

    def read_commands(self, rel: str) -> str | None:
        """Text of a shell script or Makefile, whatever its comments hold: its commands are ASCII, so bytes
        that are not UTF-8 are replaced, not a reason to skip it (romueller/gefast-paper-analysis: six
        Latin-1 scripts, and the runs of Python scripts in them, were lost). None if missing or unreadable."""
        data = self.read_bytes(rel)
        return None if data is None else data.decode("utf-8-sig", "replace")

    def git_config(self, key: str) -> str | None:
        """``git config KEY`` as seen from the project folder (None when unset or outside git)."""
        if self._reader is None or not self.root.is_dir():
            return None
        from sciship import _git

        return _git.config(self.root).get(key.lower())

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute a derived value once per snapshot (shared by checks and commands)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def memoized(self, key: str) -> Any:
        """The value :meth:`memo` computed for ``key``, or None (nothing is computed)."""
        return self._memo.get(key)

    # ------------------------------------------------------------------ pyproject
    @property
    def pyproject_path(self) -> str | None:
        return "pyproject.toml" if self.has("pyproject.toml") else None

    @property
    def has_pyproject(self) -> bool:
        """Whether there is anything called pyproject.toml, readable or not (see :attr:`pyproject_error`)."""
        return self.has("pyproject.toml") or self.pyproject_not_a_file is not None

    @property
    def pyproject(self) -> dict[str, Any] | None:
        """``pyproject.toml`` as data; None when missing or broken (see :attr:`pyproject_error`)."""
        return self._pyproject()[0]

    @property
    def pyproject_error(self) -> Problem | None:
        return self._pyproject()[1]

    def _pyproject(self) -> tuple[dict[str, Any] | None, Problem | None]:
        def parse() -> tuple[dict[str, Any] | None, Problem | None]:
            if not self.has("pyproject.toml"):
                return None, self.pyproject_not_a_file
            raw = self.read_bytes("pyproject.toml")
            if raw is None:
                reason = next((p.message for p in self.problems if p.path == "pyproject.toml"), "")
                return None, Problem("pyproject.toml", reason or "sciship could not read this file.")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                return None, Problem(
                    "pyproject.toml",
                    "This file is not UTF-8 text, and TOML files must be UTF-8. Save it as UTF-8 "
                    "(most editors have an 'encoding' option when saving).",
                    raw[: exc.start].count(b"\n") + 1,
                    exc.start - raw.rfind(b"\n", 0, exc.start),
                )
            try:
                return tomllib.loads(text), None
            except tomllib.TOMLDecodeError as exc:
                msg = str(exc)
                m = _TOML_POSITION.search(msg)
                line = int(m.group(1)) if m else None
                col = int(m.group(2)) if m else None
                msg = _TOML_POSITION.sub("", msg).strip().rstrip(".")
                if "illegal character '\\n'" in msg.lower():
                    msg = "a line ends inside a quoted string (a closing quote is probably missing)"
                return None, Problem(
                    "pyproject.toml", f"This is not valid TOML: {msg[:1].lower() + msg[1:]}.", line, col
                )

        return self.memo("pyproject", parse)  # type: ignore[no-any-return]

    def require_readable_pyproject(self, consequence: str) -> None:
        """Raise :class:`InputError` when pyproject.toml is there but cannot be read or parsed.

        ``consequence`` says what the command cannot do because of it ("sciship cannot build it").
        Commands that would act on a broken file call this first; ``check`` reports it as a finding.
        """
        err = self.pyproject_error
        if err is None:
            return
        raise InputError(
            f"{err.message} {consequence[:1].upper()}{consequence[1:]}.",
            hint="Fix pyproject.toml first; `sciship check` shows what is wrong with it.",
            path=str(self.root / err.path),
            line=err.line,
            column=err.column,
        )

    def pyproject_document(self) -> tomlkit.toml_document.TOMLDocument:
        """A round-trip (comment-preserving) copy of pyproject.toml for edits. New on every call."""
        import tomlkit

        return tomlkit.parse(self.read_text("pyproject.toml") or "")

    @property
    def metadata(self) -> dict[str, Any]:
        """The ``[project]`` table, or an empty dict."""
        data = self.pyproject or {}
        table = data.get("project")
        return table if isinstance(table, dict) else {}

    @property
    def name(self) -> str | None:
        name = self.metadata.get("name")
        return name if isinstance(name, str) else None

    # ------------------------------------------------------------------ layout
    @property
    def packages(self) -> tuple[ImportPackage, ...]:
        return self.memo("packages", lambda: _detect_packages(self.files))  # type: ignore[no-any-return]

    @property
    def layout(self) -> Layout:
        pkgs = self.packages
        if not pkgs:
            return "none"
        return "src" if pkgs[0].path.startswith("src/") else "flat"

    def package_files(self) -> list[str]:
        """Every ``.py`` file inside the project's import packages."""
        out: list[str] = []
        for pkg in self.packages:
            if pkg.module:
                out.append(pkg.path)
            else:
                out.extend(f for f in self.under(pkg.path) if f.endswith(".py"))
        return out

    @property
    def test_files(self) -> list[str]:
        def compute() -> list[str]:
            out = []
            for f in self.files:
                p = PurePosixPath(f)
                if p.suffix != ".py":
                    continue
                if p.name.startswith("test_") or p.name.endswith("_test.py") or p.name == "conftest.py":
                    out.append(f)
            return out

        return self.memo("test_files", compute)  # type: ignore[no-any-return]

    @property
    def docs_dir(self) -> str | None:
        for d in ("docs", "doc", "documentation"):
            if self.has_dir(d):
                return d
        return None

    @property
    def workflow_files(self) -> list[str]:
        return [
            f for f in self.under(".github/workflows") if f.endswith((".yml", ".yaml")) and f.count("/") == 2
        ]

    def python_files(self) -> list[str]:
        return [f for f in self.files if f.endswith(".py") and not _mac_fork(f)]

    def notebooks(self) -> list[str]:
        return [
            f
            for f in self.files
            if f.endswith(".ipynb") and "/.ipynb_checkpoints/" not in f"/{f}" and not _mac_fork(f)
            and not f.endswith("-checkpoint.ipynb")
        ]

    def checkpoint_copies(self) -> list[str]:
        """Jupyter's checkpoint copies of notebooks (``name-checkpoint.ipynb``) outside the
        ``.ipynb_checkpoints/`` folder it keeps them in: an older copy, no notebook of its own
        (MobilityNet/mobilitynet-analysis-scripts: 23 of 81 "steps")."""
        return [
            f
            for f in self.files
            if f.endswith("-checkpoint.ipynb") and "/.ipynb_checkpoints/" not in f"/{f}" and not _mac_fork(f)
        ]

    def mac_forks(self) -> list[str]:
        """The macOS resource files named like code (``._fit.py``, ``__MACOSX/``): a Mac writes them next
        to each file it copies to a USB stick or a zip; they are no code (janbrascamp's four "steps")."""
        return [f for f in self.files if f.endswith((".py", ".ipynb")) and _mac_fork(f)]

    def copied_in(self) -> tuple[str, ...]:
        """The folders that hold another project copied in, not the authors' own code: one named for that
        (``third_party/``, ``vendor/``, ``external_libs/``), or a C or Fortran project's sources below the
        top (its own ``configure.ac``: levylabpitt's copy of the Octopus code, 14 of 21 "steps")."""

        def find() -> tuple[str, ...]:
            out: set[str] = set()
            for f in self.files:
                parts = f.split("/")[:-1]
                for i, part in enumerate(parts):
                    if part.lower() in COPIED_IN:
                        out.add("/".join(parts[: i + 1]))
                        break
                else:
                    if parts and f.rsplit("/", 1)[1] in ("configure.ac", "configure.in"):
                        out.add("/".join(parts))
            return tuple(sorted(d for d in out if not any(d.startswith(o + "/") for o in out)))

        return self.memo("copied_in", find)  # type: ignore[no-any-return]


# ---------------------------------------------------------------------- helpers
def _mac_fork(rel: str) -> bool:
    """Is ``rel`` a macOS AppleDouble file (``._name``) or in a zip's ``__MACOSX/`` folder?"""
    return rel.rsplit("/", 1)[-1].startswith("._") or rel.startswith("__MACOSX/") or "/__MACOSX/" in rel


def _reason(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    if isinstance(exc, RuntimeError):
        return "a link points back to itself"
    return type(exc).__name__


def _git_files(root: Path) -> tuple[list[str], frozenset[str]] | None:
    """Files git would show (tracked plus untracked-but-not-ignored), or None outside git."""
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard"],
            capture_output=True,
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except OSError:  # git is not installed
        return None
    if proc.returncode != 0:
        return None
    files: dict[str, None] = {}
    tracked: set[str] = set()
    for entry in proc.stdout.split(b"\0"):
        if len(entry) < 3:
            continue
        tag, rel = entry[:1], os.fsdecode(entry[2:])
        files[rel] = None
        if tag != b"?":
            tracked.add(rel)
    return list(files), frozenset(tracked)


#: a folder of installed packages (a virtual or conda environment's, committed by mistake)
_INSTALLED = compile_later(r"(?:^|/)(?:site|dist)-packages/")


def _drop_installed(files: list[str]) -> tuple[list[str], list[str]]:
    """The files outside any ``site-packages`` folder, and those inside: installed libraries are no part
    of the project's code (jonathanicholas/analysis-scripts: a committed Python 3.5 environment's 800
    files made pandas' optional imports the folder's requirements)."""
    if not any("-packages/" in f for f in files):
        return files, []
    kept: list[str] = []
    dropped: list[str] = []
    for rel in files:
        (dropped if _INSTALLED.search(rel) else kept).append(rel)
    return kept, dropped


def _drop_unsafe(root: Path, files: Iterable[str]) -> tuple[list[str], list[str]]:
    """Keep regular files; drop deleted files and symlinks that leave the root or loop."""
    kept: list[str] = []
    skipped: list[str] = []
    base = str(root)
    for rel in files:
        try:
            st = os.lstat(f"{base}/{rel}")  # a third of the time of Path.lstat (scipy: 2,920 files)
        except OSError:
            continue  # tracked but deleted from the work tree
        if stat.S_ISLNK(st.st_mode):
            if _link_inside(root, root / rel):
                kept.append(rel)
            else:
                skipped.append(rel)
        elif stat.S_ISREG(st.st_mode):
            kept.append(rel)
    return kept, skipped


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path``; OSError when it is not a regular file.

    Opened without blocking and checked before reading: a named pipe would otherwise wait forever for a
    writer, and callers may ask for paths the snapshot did not list (``pyproject.toml`` is read by name).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a folder, a pipe or a device)", str(path))
        return fh.read()


def _not_a_file(root: Path, rel: str) -> Problem | None:
    """Why ``rel`` exists in ``root`` but is not a regular file sciship may read, or None."""
    full = root / rel
    try:
        st = full.lstat()
    except OSError:
        return None  # nothing there at all
    kind: str | None = None
    if stat.S_ISDIR(st.st_mode):
        kind = "is a folder, not a file"
    elif stat.S_ISLNK(st.st_mode):
        try:
            target = full.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            loop = isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP
            kind = "is a link that points back to itself" if loop else "is a link that points nowhere"
        else:
            if not (target == root or root in target.parents):
                kind = "is a link to a file outside the project, which sciship does not follow"
            elif not target.is_file():
                kind = "is a link to something that is not a file"
    elif not stat.S_ISREG(st.st_mode):
        kind = "is not a regular file (a named pipe, a socket or a device)"
    if kind is None:
        return None
    return Problem(rel, f"`{rel}` {kind}, so sciship cannot read it. Replace it with a plain text file.")


def _link_inside(root: Path, link: Path) -> bool:
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return target.is_file() and (target == root or root in target.parents)


def _walk(root: Path) -> tuple[list[str], list[str], list[Problem], list[str]]:
    """Walk a folder outside git: honour .gitignore files, never follow symlinked folders; also the
    scripts and notebooks a .gitignore leaves out (those in an ignored folder itself, not below it).

    Only regular files (and links to regular files inside the root) are listed: a named pipe, a socket
    or a device would block or make no sense when read, so it is skipped. A folder sciship may not open
    becomes a :class:`Problem`, so a command can say which files it could not see.
    """
    import pathspec

    files: list[str] = []
    skipped: list[str] = []
    problems: list[Problem] = []
    ignored_code: list[str] = []
    specs: list[tuple[str, pathspec.GitIgnoreSpec]] = []

    def code_in(folder: str, rel: str) -> None:
        """The scripts and notebooks right in an ignored folder (a few: enough to name them)."""
        try:
            with os.scandir(folder) as it:
                for e in it:
                    if e.name.endswith((".py", ".ipynb")) and e.is_file(follow_symlinks=False):
                        ignored_code.append(rel + "/" + e.name)
                        if len(ignored_code) > 200:
                            return
        except OSError:
            return

    def ignored(rel: str, is_dir: bool) -> bool:
        probe = rel + "/" if is_dir else rel
        for base, spec in specs:
            if base and not probe.startswith(base):
                continue
            if spec.match_file(probe[len(base) :]):
                return True
        return False

    def visit(folder: Path, rel_dir: str) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(
                Problem(
                    rel_dir or ".",
                    f"sciship could not open this folder ({_reason(exc)}), so the files in it were not read.",
                )
            )
            return
        names = {e.name for e in entries}
        if ".gitignore" in names:
            try:
                lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
                specs.append((rel_dir, pathspec.GitIgnoreSpec.from_lines(lines)))
            except OSError:
                pass
        subfolders: list[os.DirEntry[str]] = []
        for entry in entries:
            rel = rel_dir + entry.name
            try:
                is_link = entry.is_symlink()
                is_dir = not is_link and entry.is_dir(follow_symlinks=False)
                is_file = not is_link and entry.is_file(follow_symlinks=False)
            except OSError:
                skipped.append(rel)
                continue
            if is_dir:
                if entry.name in _NEVER_WALK:
                    continue
                if ignored(rel, True):
                    if not entry.name.startswith((".", "__")) and len(ignored_code) <= 200:
                        code_in(entry.path, rel)
                    continue
                if os.path.isfile(os.path.join(entry.path, "pyvenv.cfg")):  # noqa: PTH113, PTH118 - never raises
                    files.append(rel + "/pyvenv.cfg")  # a virtual environment: note it, do not list its files
                    continue
                subfolders.append(entry)
                continue
            if ignored(rel, False):
                if entry.name.endswith((".py", ".ipynb")) and not entry.name.startswith("."):
                    ignored_code.append(rel)
                continue
            if is_link:
                if _link_inside(root, Path(entry.path)):
                    files.append(rel)
                else:
                    skipped.append(rel)  # a link out of the root, to a folder, nowhere, or in a loop
            elif is_file:
                files.append(rel)
            else:  # a named pipe, socket or device: reading it could block forever
                skipped.append(rel)
                problems.append(
                    Problem(rel, "This is not a regular file (a named pipe, a socket or a device), so "
                            "sciship did not read it.")
                )
        for entry in subfolders:
            visit(Path(entry.path), rel_dir + entry.name + "/")

    visit(root, "")
    return files, skipped, problems, ignored_code


def _detect_packages(files: Iterable[str]) -> tuple[ImportPackage, ...]:
    src_pkgs: dict[str, ImportPackage] = {}
    flat_pkgs: dict[str, ImportPackage] = {}
    src_py_dirs: set[str] = set()
    for f in files:
        parts = f.split("/")
        if parts[0] == "src" and len(parts) >= 3 and parts[-1].endswith(".py"):
            top = parts[1]
            if not top.isidentifier():
                continue
            if len(parts) == 3 and parts[2] == "__init__.py":
                src_pkgs[top] = ImportPackage(top, f"src/{top}")
            else:
                src_py_dirs.add(top)
        elif parts[0] == "src" and len(parts) == 2 and parts[1].endswith(".py"):
            mod = parts[1][:-3]
            if mod.isidentifier() and mod not in {"setup", "conftest"}:
                src_pkgs.setdefault(mod, ImportPackage(mod, f, module=True))
        elif len(parts) == 2 and parts[1] == "__init__.py":
            top = parts[0]
            if top.isidentifier() and top.lower() not in NOT_PACKAGES and not top.startswith((".", "_")):
                flat_pkgs[top] = ImportPackage(top, top)
    for top in src_py_dirs - set(src_pkgs):
        src_pkgs[top] = ImportPackage(top, f"src/{top}", namespace=True)
    chosen = src_pkgs or flat_pkgs
    return tuple(sorted(chosen.values(), key=lambda p: (p.namespace, p.module, p.name)))


def _declared_encoding(data: bytes) -> str | None:
    """A Python file in the encoding its first lines declare (PEP 263), found as Python finds it
    (``tokenize.detect_encoding``); None when it declares none, or its bytes do not fit the one declared."""
    import io
    import tokenize

    try:
        encoding, _lines = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:  # (an encoding Python does not know)
        return None
    if encoding in {"utf-8", "utf-8-sig"}:  # (the default, or declared: these bytes are not UTF-8)
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
