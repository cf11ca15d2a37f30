"""One task: review one repository, statically, and return its rows. Runs in a worker process.

:func:`review` never raises: a repository that cannot be cloned, read or analysed becomes a row with
its error. It never runs the repository's code either: the review reads files (``sciship check``'s
checks, and with ``deps`` the import analysis), and git only clones and lists files.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sciship.audit.rows import (
    AUDIT_FAMILY,
    DEPENDENCY_FAMILY,
    READ,
    Row,
    error_row,
)
from sciship.audit.sources import Target

if TYPE_CHECKING:
    from sciship.project import Project

#: files larger than this are not read (a ``READ`` row says so): one task's memory stays bounded
MAX_FILE_BYTES = 32 * 1024 * 1024

Outcome = Literal["reviewed", "unchanged", "error"]


@dataclass(frozen=True)
class Task:
    """The work for one worker: review one repository, with the options of the run."""

    target: Target
    cache: str | None = None  #: folder for clones; None: the worker's own user cache
    deps: bool = False
    #: with ``--resume``: commits already in the output for this repository; the task returns
    #: ``unchanged`` without reviewing when the repository is still at one of them
    known: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class Result:
    """What one task gives back: the repository's rows, whether it was reviewed, and what it cost."""

    repository: str
    commit: str | None
    outcome: Outcome
    rows: tuple[Row, ...]
    seconds: float = 0.0
    worker: int = 0  #: the process id that did the work
    peak_mb: float = 0.0  #: the worker process's peak resident memory so far (MB), for sizing workers
    cpu_seconds: float = 0.0  #: processor time of the task (and of the git it ran), whatever the load


def review(task: Task) -> Result:
    """Clone (or reuse) and review ``task.target``; every failure is a row, never an exception."""
    started, cpu = time.perf_counter(), _cpu()
    target = task.target
    try:
        result = _review(task)
    except Exception as exc:
        message = (
            f"sciship hit an internal error while reviewing this repository ({type(exc).__name__}: {exc}). "
            "Please report it."
        )
        result = Result(target.repository, None, "error", (error_row(target.repository, message),))
    return replace(
        result,
        seconds=time.perf_counter() - started,
        worker=os.getpid(),
        peak_mb=_peak_mb(),
        cpu_seconds=_cpu() - cpu,
    )


def _cpu() -> float:
    """This thread's processor time plus that of the processes it waited for (git)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return time.thread_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.thread_time() + children.ru_utime + children.ru_stime


def _peak_mb() -> float:
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024  # KB on Linux, bytes on macOS


def lost(task: Task, reason: str) -> Result:
    """The result of a task whose worker kept dying (see the executors)."""
    repo = task.target.repository
    return Result(repo, None, "error", (error_row(repo, reason),))


def _review(task: Task) -> Result:
    target = task.target
    repo = target.repository
    if target.kind == "folder":
        folder = Path(target.location)
        if not folder.is_dir():
            what = "a file, not a folder" if folder.exists() else "not there"
            return _error(repo, f"The folder `{folder}` is {what} (named in {target.origin}).")
        from sciship.audit.clone import head_commit

        commit = head_commit(folder)
        if task.known and commit in task.known:
            return Result(repo, commit, "unchanged", ())
    else:
        from sciship.audit.clone import CloneError, cached_clone, ensure_clone, head_commit, remote_head

        cache = _cache(task)
        clone = cached_clone(cache, target.location)
        if clone is None and task.known:  # no clone here (another machine made it): ask the remote
            now = remote_head(target.location)
            if now is not None and now in task.known:
                return Result(repo, now, "unchanged", ())
        try:
            folder = clone or ensure_clone(cache, target.location)
        except CloneError as exc:
            return _error(repo, str(exc))
        commit = head_commit(folder)
        if task.known and commit in task.known:
            return Result(repo, commit, "unchanged", ())
    return _review_folder(folder, repo, commit, deps=task.deps)


def _cache(task: Task) -> Path:
    if task.cache:
        return Path(task.cache)
    from sciship.audit.clone import default_cache

    return default_cache()


def _error(repo: str, message: str, commit: str | None = None) -> Result:
    return Result(repo, commit, "error", (error_row(repo, message, commit),))


def _review_folder(folder: Path, repo: str, commit: str | None, *, deps: bool) -> Result:
    from sciship._errors import SciShipError
    from sciship.checks import run_checks
    from sciship.checks.problems import review_problems
    from sciship.project import Project

    _one_process_per_task()
    try:
        project = _bounded(Project.load(folder))
    except SciShipError as exc:
        return _error(repo, exc.message, commit)
    if not project.files:
        return _error(
            repo,
            "The folder is empty (or everything in it is ignored by .gitignore): nothing to review.",
            commit,
        )
    rows = [
        Row(repo, commit, f.code, f.check.family, f.severity, f.status, f.message, f.path, f.line)
        for f in run_checks(project)
    ]
    rows += [
        Row(repo, commit, READ, AUDIT_FAMILY, None, "problem", p.message, p.path, p.line)
        for p in review_problems(project)
    ]
    if deps:
        rows += _dependency_rows(project, repo, commit)
    return Result(repo, commit, "reviewed", tuple(_clean(r) for r in rows))


def _clean(row: Row) -> Row:
    """File names that are not UTF-8 come back from git with escapes no file format can store."""

    def text(value: str) -> str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return value

    path = text(row.path) if row.path is not None else None
    message = text(row.message)
    return row if (path, message) == (row.path, row.message) else replace(row, path=path, message=message)


def _dependency_rows(project: Project, repo: str, commit: str | None) -> list[Row]:
    from sciship.imports import analyze

    out = []
    for d in analyze(project).dependencies:
        used = ", ".join(d.scopes) or "nowhere"
        declared = ", ".join(d.declared) or "not declared"
        imports = ", ".join(f"`{i}`" for i in d.imports) or "no import"
        message = f"imported as {imports} ({used}); declared in {declared}"
        if d.note:
            message += f". {d.note}"
        site = d.first_site
        path, line = (site.path, site.line) if site is not None else (d.files[0] if d.files else None, None)
        name = d.distribution or (d.imports[0] if d.imports else "?")  # an unresolved import: its name
        out.append(Row(repo, commit, name, DEPENDENCY_FAMILY, None, d.status, message, path, line))
    return out


def _one_process_per_task() -> None:
    """Keep the import scan and the data-flow trace in this process: the pool already uses every core,
    and a daemonic worker (Dask's, for one) may not start processes of its own."""
    from sciship.flow import _trace
    from sciship.imports import analysis

    analysis.PARALLEL_MIN_CHARS = sys.maxsize
    _trace.PARALLEL_MIN_CHARS = sys.maxsize
    _trace.PREFETCH_MIN_CHARS = sys.maxsize


def _bounded(project: Project) -> Project:
    """The same snapshot, reading only regular files up to :data:`MAX_FILE_BYTES`.

    A named pipe would block the worker forever and a huge file would take its memory; both become
    "sciship could not read this file" problems instead.
    """
    root = project.root

    def reader(rel: str) -> bytes:
        path = root / rel
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            raise OSError(errno.EFBIG, f"{st.st_size / 1e6:.0f} MB: audit reads files up to {limit} MB")
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)

    return replace(project, _reader=reader)
