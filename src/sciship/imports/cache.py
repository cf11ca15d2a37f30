"""A cache of scan results in the user's cache folder, keyed by sciship version and file content.

Never inside the project. One small JSON file per sciship version and project folder (so a run reads
only what it can use), holding the results of the files seen in the last run, keyed by the SHA-256 of
their content; read once and written once (atomically) per run. Anything wrong with it (missing,
damaged, unwritable) means "no cache": it is only a speed-up.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from sciship import __version__
from sciship.imports.scan import SCANNER, ImportSite, ScanResult
from sciship.project import Problem

_FORMAT = 2


def cache_dir() -> Path:
    """The platform's user cache folder for sciship (``XDG_CACHE_HOME`` wins everywhere when set)."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "sciship"
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "sciship" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "sciship"
    return Path.home() / ".cache" / "sciship"


class ScanCache:
    """The scan results of one project folder, kept between runs in a JSON file in the user's cache folder.

    ``get`` and ``put`` work in memory; ``save`` writes back (atomically) only what this run used.
    """

    def __init__(self, root: str = "", path: Path | None = None) -> None:
        import hashlib

        digest = hashlib.sha256(root.encode("utf-8", "surrogateescape")).hexdigest()[:20]
        self.path = path or cache_dir() / f"scan-{__version__}-{SCANNER}" / f"{digest}.json"
        self._data: dict[str, Any] | None = None
        self._used: dict[str, Any] = {}  #: what this run read or wrote: all that the next run keeps
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self._data is None:
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
                ok = (
                    isinstance(raw, dict)
                    and raw.get("format") == _FORMAT
                    and isinstance(raw.get("files"), dict)
                )
                self._data = raw["files"] if ok else {}
            except (OSError, ValueError, RecursionError):
                self._data = {}
        return self._data

    def get(self, key: str, path: str) -> ScanResult | None:
        entry = self._load().get(key)
        if entry is None:
            return None
        try:
            result = _decode(entry, path)
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        self._used[key] = entry
        return result

    def put(self, key: str, result: ScanResult) -> None:
        self._used[key] = _encode(result)
        self._dirty = True

    def save(self) -> None:
        if self._data is not None and set(self._data) != set(self._used):
            self._dirty = True  # files were deleted or changed since the last run: forget them
        if not self._dirty:
            return
        files = self._used
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".scan-", suffix=".tmp", dir=self.path.parent)
            try:
                # json.dumps, not json.dump: only the one-shot form uses the C encoder (5-10x faster here)
                text = json.dumps({"format": _FORMAT, "files": files}, separators=(",", ":"))
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(text)
                os.replace(tmp, self.path)
            finally:
                Path(tmp).unlink(missing_ok=True)
        self._dirty = False


def _encode(r: ScanResult) -> list[Any]:
    sites = [
        [s.module, s.line, s.context, s.marker, s.level, s.cell, list(s.names), int(s.lazy)]
        for s in r.imports
    ]
    problem = None if r.problem is None else [r.problem.message, r.problem.line, r.problem.column]
    return [
        sites,
        problem,
        list(r.min_python) if r.min_python else None,
        r.min_python_reason,
        r.min_python_line,
        list(r.sys_paths),
    ]


def _decode(entry: list[Any], path: str) -> ScanResult:
    sites_raw, problem_raw, min_py, reason, min_line, sys_paths = entry
    sites = tuple(
        ImportSite(
            m, m.partition(".")[0], path, int(line), ctx, marker, int(level), cell, tuple(names), bool(lazy)
        )
        for m, line, ctx, marker, level, cell, names, lazy in sites_raw
    )
    problem = None if problem_raw is None else Problem(path, problem_raw[0], problem_raw[1], problem_raw[2])
    return ScanResult(
        path,
        sites,
        problem,
        (int(min_py[0]), int(min_py[1])) if min_py else None,
        reason,
        min_line,
        tuple(str(p) for p in sys_paths),
    )
