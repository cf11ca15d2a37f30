"""What a distribution requires by itself: to tell "works today through X" from "missing", and
"maybe loaded through an option of X" from "unused".

sciship decides this statically, from metadata, in this order:

1. ``environment`` - the ``Requires-Dist`` lines in the ``*.dist-info/METADATA`` of the distribution
   installed in a virtual environment inside the project (``.venv``, ``venv``, ``env``), else in the
   environment sciship runs in: the version the author really uses;
2. ``table`` - ``data/requires.json``: the same lines for a small list of common scientific
   distributions, taken from their real metadata on PyPI by ``benchmarks/gen_requires.py`` (which
   also checks that the table is still true).

Nothing is imported or run, and nothing is downloaded here.
"""

from __future__ import annotations

import os
import re
import sys
from collections import deque
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from sciship._regex import compile_later
from sciship.imports.names import canonicalize_name, requirement_name

Source = Literal["environment", "table"]


@dataclass(frozen=True)
class Requirements:
    """The runtime requirements of one distribution, and what its extras add."""

    requires: frozenset[str]  #: installed with it on the Python running sciship (normalised names)
    extras: frozenset[str]  #: installed only with one of its extras (``pandas[excel]`` -> openpyxl)
    source: Source
    version: str | None = None
    #: what each extra adds (``{"jax": {"jax", "jaxlib"}}``), extras named as normalised by PEP 685
    by_extra: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Through:
    """How an undeclared distribution reaches users today: ``chain`` from a declared one to it."""

    declared: str  #: the declared distribution that brings it
    chain: tuple[str, ...]  #: declared, ..., the distribution itself
    source: Source


class Knowledge:
    """Requirements of distributions, looked up once each, for one project."""

    def __init__(self, root: Path | None = None) -> None:
        self._root = root
        self._seen: dict[str, Requirements | None] = {}

    def of(self, dist: str) -> Requirements | None:
        dist = canonicalize_name(dist)
        if dist not in self._seen:
            self._seen[dist] = self._lookup(dist)
        return self._seen[dist]

    def _lookup(self, dist: str) -> Requirements | None:
        folder = _project_dist_infos(self._root).get(dist) or _sys_dist_infos().get(dist)
        if folder is not None:
            lines, version = _metadata_requires(folder / "METADATA")
            if lines is not None:
                return _requirements(lines, "environment", version)
        entry = table().get(dist)
        if entry is None:
            return None
        return _requirements(entry[1], "table", entry[0])

    def through(
        self,
        dist: str,
        declared: list[str],
        depth: int = 3,
        extras: dict[str, frozenset[str]] | None = None,
    ) -> Through | None:
        """The first of ``declared`` (in order) that installs ``dist`` with it, within ``depth`` steps.
        ``extras`` are the extras each declaration asks for (``autoconf[jax]`` installs what autoconf's
        ``jax`` extra lists)."""
        target = canonicalize_name(dist)
        for name in declared:
            start = canonicalize_name(name)
            if start == target:
                continue
            parent: dict[str, str | None] = {start: None}
            queue: deque[tuple[str, int]] = deque([(start, 0)])
            source: Source = "table"
            while queue:
                here, level = queue.popleft()
                reqs = self.of(here)
                if reqs is None or level >= depth:
                    continue
                children = set(reqs.requires)
                if here == start:
                    source = reqs.source
                    for extra in (extras or {}).get(start, frozenset()):
                        children |= reqs.by_extra.get(_extra_name(extra), frozenset())
                for child in sorted(children):
                    if child in parent:
                        continue
                    parent[child] = here
                    if child == target:
                        chain = [child]
                        while (up := parent[chain[-1]]) is not None:
                            chain.append(up)
                        return Through(start, tuple(reversed(chain)), source)
                    queue.append((child, level + 1))
        return None

    def optional_user(self, dist: str, imported: list[str]) -> str | None:
        """The first of ``imported`` whose extras install ``dist``: it may load ``dist`` through an option
        (``pandas.read_excel`` -> openpyxl, ``pooch.retrieve(progressbar=True)`` -> tqdm)."""
        target = canonicalize_name(dist)
        for name in imported:
            reqs = self.of(name)
            if reqs is not None and target in reqs.extras and canonicalize_name(name) != target:
                return name
        return None


# ---------------------------------------------------------------------- the shipped table
@cache
def table() -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """distribution -> (version the lines were read from, its ``Requires-Dist`` lines)."""
    import json
    from importlib import resources

    try:
        text = resources.files("sciship.imports").joinpath("data/requires.json").read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, ValueError):
        return {}
    entries = data.get("entries") if isinstance(data, dict) else None
    out: dict[str, tuple[str | None, tuple[str, ...]]] = {}
    for name, entry in (entries or {}).items():
        if isinstance(entry, dict) and isinstance(entry.get("requires_dist"), list):
            version = entry.get("version")
            lines = tuple(x for x in entry["requires_dist"] if isinstance(x, str))
            out[canonicalize_name(name)] = (version if isinstance(version, str) else None, lines)
    return out


# ---------------------------------------------------------------------- metadata
def _requirements(lines: tuple[str, ...] | list[str], source: Source, version: str | None) -> Requirements:
    requires: set[str] = set()
    extras: set[str] = set()
    by_extra: dict[str, set[str]] = {}
    for line in lines:
        text, _, marker = line.partition(";")
        name = requirement_name(text.strip())
        if name is None:
            continue
        norm = canonicalize_name(name)
        marker = marker.strip()
        extra = _EXTRA.search(marker) if "extra" in marker else None
        if extra is not None:
            if not _dev_extra(extra.group(1)):  # test and docs extras are the library's own tools
                extras.add(norm)
                rest = _EXTRA_CLAUSE.sub("", marker).strip()
                if not rest or _marker_holds(rest):
                    by_extra.setdefault(_extra_name(extra.group(1)), set()).add(norm)
        elif not marker or _marker_holds(marker):
            requires.add(norm)
    return Requirements(
        frozenset(requires),
        frozenset(extras - requires),
        source,
        version,
        {k: frozenset(v) for k, v in by_extra.items()},
    )


def _extra_name(name: str) -> str:
    """An extra's name normalised as PEP 685 says (``Jax_GPU`` -> ``jax-gpu``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


_EXTRA = compile_later(r"""\bextra\s*==\s*["']([^"']+)["']""")
#: the ``extra == "..."`` clause of a marker with the ``and`` that joins it to the rest
_EXTRA_CLAUSE = compile_later(
    r"""\s*\band\s+extra\s*==\s*["'][^"']+["']|\bextra\s*==\s*["'][^"']+["']\s*(?:and\b)?"""
)


def _dev_extra(name: str) -> bool:
    from sciship.imports.declared import DEV_NAMES

    norm = canonicalize_name(name)
    return norm in DEV_NAMES or any(part in DEV_NAMES for part in norm.split("-"))


def _marker_holds(marker: str) -> bool:
    """Whether a PEP 508 marker holds for the Python running sciship (False when unreadable)."""
    try:
        from packaging.markers import InvalidMarker, Marker, UndefinedEnvironmentName
    except ImportError:  # pragma: no cover - packaging is a dependency of sciship
        return False
    try:
        return bool(Marker(marker).evaluate({"extra": ""}))
    except (InvalidMarker, UndefinedEnvironmentName, ValueError):
        return False


def _metadata_requires(path: Path) -> tuple[list[str] | None, str | None]:
    """The ``Requires-Dist`` lines and the version in a METADATA file (its headers only)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None, None
    lines: list[str] = []
    version = None
    for raw in text.splitlines():
        if not raw.strip():
            break  # the headers end at the first empty line; the long description follows
        key, _, value = raw.partition(":")
        if key == "Requires-Dist":
            lines.append(value.strip())
        elif key == "Version":
            version = value.strip()
    return lines, version


def _dist_infos(folders: list[Path]) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for folder in folders:
        try:
            names = os.listdir(folder)  # noqa: PTH208 - the fast way to list a big folder
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                dist = canonicalize_name(name[: -len(".dist-info")].split("-", 1)[0])
                out.setdefault(dist, folder / name)  # the first on the path is the one Python imports
    return out


@cache
def _sys_dist_infos() -> dict[str, Path]:
    return _dist_infos([Path(entry or ".") for entry in sys.path])


@cache
def _project_dist_infos(root: Path | None) -> dict[str, Path]:
    """The ``*.dist-info`` folders of a virtual environment kept inside the project."""
    if root is None:
        return {}
    folders: list[Path] = []
    for venv in (".venv", "venv", "env"):
        base = root / venv
        if not (base / "pyvenv.cfg").is_file():
            continue
        folders.extend(sorted(base.glob("lib/python3*/site-packages")))
        folders.append(base / "Lib" / "site-packages")
    return _dist_infos(folders)
