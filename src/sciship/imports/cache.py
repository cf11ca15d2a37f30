"""A cache of scan results in the user's cache folder, keyed by sciship version and file content.

Never inside the project. One small JSON file per sciship version and project folder (so a run reads
only what it can use), holding the results of the files seen in the last run, keyed by the SHA-256 of
their content; read once and written once (atomically) per run. Anything wrong with it (missing,
damaged, unwritable) means "no cache": it is only a speed-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sciship import __version__
from sciship._cache import ProjectStore
from sciship.imports.scan import SCANNER, ImportSite, ScanResult
from sciship.project import Problem

_FORMAT = 2


class ScanCache:
    """The scan results of one project folder, kept between runs in a JSON file in the user's cache folder.

    ``get`` and ``put`` work in memory; ``save`` writes back (atomically) only what this run used.
    """

    def __init__(self, root: str = "", path: Path | None = None) -> None:
        self.store = ProjectStore(f"scan-{__version__}-{SCANNER}", root, _FORMAT, path)
        self.path = self.store.path

    def get(self, key: str, path: str) -> ScanResult | None:
        entry = self.store.entry(key)
        if entry is None:
            return None
        try:
            result = _decode(entry, path)
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        self.store.keep(key, entry)
        return result

    def put(self, key: str, result: ScanResult) -> None:
        self.store.put(key, _encode(result))

    def save(self) -> None:
        self.store.save()


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
