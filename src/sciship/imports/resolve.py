"""Which distribution (the name you ``pip install``) provides an import name.

Three sources, in order:

1. ``environment`` - the metadata of packages installed where sciship runs
   (``importlib.metadata.packages_distributions()``), read once per process, on first use;
2. ``curated`` - ``data/import_map.json`` shipped with sciship: import names whose distribution has
   another name (``yaml`` -> PyYAML, ``sklearn`` -> scikit-learn), namespace packages at submodule level
   (``google.cloud.storage``), each checked against the real wheel; and ``data/identity.json``: popular
   and scientific import names whose distribution has the *same* normalised name (``pandas``,
   ``netCDF4``, ``typing_extensions``), checked the same way, so that an undeclared ``import pandas``
   is known to be missing rather than merely unverified;
3. ``guess`` - the import name itself; such results are *unverified*.

An import that more than one distribution provides (``cv2``) is ``ambiguous``: all candidates are
returned, none is silently picked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from sciship.imports.names import canonicalize_name

Source = Literal["environment", "curated", "guess"]


@dataclass(frozen=True)
class Resolution:
    """The distribution(s) that provide one import name."""

    import_name: str  #: the part of the name that decided (``google.cloud.storage``, else the top level)
    candidates: tuple[str, ...]  #: PEP 503 normalised distribution names, best first
    source: Source
    ambiguous: bool = False

    @property
    def distribution(self) -> str:
        """The one distribution (the first candidate); check :attr:`ambiguous` before trusting it."""
        return self.candidates[0]


@dataclass(frozen=True)
class _Entry:
    distributions: tuple[str, ...]
    ambiguous: bool


@cache
def _load_json(name: str) -> object:
    try:
        text = resources.files("sciship.imports").joinpath(f"data/{name}").read_text(encoding="utf-8")
        return json.loads(text)
    except (OSError, ValueError):  # a missing or damaged data file degrades to "guess"
        return {}


@cache
def curated() -> dict[str, _Entry]:
    """The curated import-name map (loaded once)."""
    data = _load_json("import_map.json")
    entries = data.get("entries", {}) if isinstance(data, dict) else {}
    out: dict[str, _Entry] = {}
    for name, entry in entries.items():
        if not isinstance(entry, dict):
            continue
        dists = tuple(canonicalize_name(d) for d in entry.get("distributions", []) if isinstance(d, str))
        if dists:
            out[name] = _Entry(dists, bool(entry.get("ambiguous", len(dists) > 1)))
    return out


@cache
def identity() -> frozenset[str]:
    """Import names whose distribution has the same normalised name (loaded once, on first use).

    Only names checked against the distribution's real wheel are listed; a name that some other
    distribution provides (``jwt`` is PyJWT's) belongs in ``import_map.json`` instead, which wins.
    """
    data = _load_json("identity.json")
    if not isinstance(data, list):
        return frozenset()
    return frozenset(name for name in data if isinstance(name, str))


@cache
def conda_to_pypi() -> tuple[dict[str, str], frozenset[str]]:
    """Conda package name -> PyPI name, and the conda names that have no PyPI package to declare
    (compilers, C libraries, conda's own tools)."""
    data = _load_json("conda_to_pypi.json")
    if not isinstance(data, dict):
        return {}, frozenset()
    skip = [*data.get("__not_python__", []), *data.get("__conda_only__", [])]
    mapping = {k.lower(): v for k, v in data.items() if isinstance(v, str) and not k.startswith("__")}
    return mapping, frozenset(n.lower() for n in skip if isinstance(n, str))


@cache
def _plugin_data() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    data = _load_json("plugins.json")
    if not isinstance(data, dict):
        return {}, ()
    names: dict[str, str] = {
        canonicalize_name(k): v for k, v in data.items() if isinstance(v, str) and not k.startswith("__")
    }
    raw = data.get("__patterns__")
    patterns = (
        tuple((str(k), v) for k, v in raw.items() if isinstance(v, str)) if isinstance(raw, dict) else ()
    )
    return names, patterns


@dataclass(frozen=True)
class Alias:
    """A declared name that is not the distribution's real name (``sklearn``), with what it gives on PyPI."""

    write: str  #: the real distribution name (normalised)
    pypi: str  #: what the alias is on PyPI ("missing": nothing of that name)
    installs: bool = False  #: ``pip install <alias>`` gives users the real package today


@cache
def aliases() -> dict[str, Alias]:
    """Declared names that are not the distribution's real name (``sklearn`` -> scikit-learn), checked
    on PyPI (loaded once, on first use)."""
    data = _load_json("aliases.json")
    table = data.get("aliases") if isinstance(data, dict) else None
    out: dict[str, Alias] = {}
    for name, entry in (table or {}).items():
        if isinstance(entry, dict) and isinstance(entry.get("write"), str):
            out[canonicalize_name(name)] = Alias(
                canonicalize_name(entry["write"]), str(entry.get("pypi", "")), entry.get("installs") is True
            )
    return out


def plugin_kind(name: str) -> str | None:
    """The kind of plugin-style package ``name`` is (used without being imported), or None."""
    import fnmatch

    names, patterns = _plugin_data()
    norm = canonicalize_name(name)
    if norm in names:
        return names[norm]
    for pattern, kind in patterns:
        if fnmatch.fnmatchcase(norm, pattern):
            return kind
    return None


@cache
def environment() -> dict[str, tuple[str, ...]]:
    """Top-level import name -> distributions installed where sciship runs (read once).

    The same answer as ``importlib.metadata.packages_distributions()`` (``top_level.txt``, else the
    files listed in ``RECORD``), read straight from the ``*.dist-info`` folders on ``sys.path``: about
    thirty times faster, because no metadata file is parsed as e-mail.
    """
    import os
    import sys

    found: dict[str, list[str]] = {}
    seen: set[str] = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")  # noqa: PTH208 - listdir is the fast path; Path objects cost
        except OSError:
            continue
        for folder in names:
            if not folder.endswith((".dist-info", ".egg-info")):
                continue
            dist = canonicalize_name(folder.rsplit(".", 1)[0].split("-", 1)[0])
            if dist in seen:
                continue  # the first one on sys.path is the one Python imports
            seen.add(dist)
            for top in _top_levels(Path(entry or ".") / folder):
                found.setdefault(top, []).append(dist)
    return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}


def _top_levels(folder: Path) -> set[str]:
    def read(name: str) -> str | None:
        try:
            return (folder / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None

    top_level = read("top_level.txt")
    if top_level is not None:
        return {line.strip().split("/")[0] for line in top_level.splitlines() if line.strip()}
    out: set[str] = set()
    for line in (read("RECORD") or "").splitlines():
        path = line.split(",", 1)[0].strip('"')
        first, _, rest = path.partition("/")
        if first.endswith((".dist-info", ".data")) or first in {"..", "", "__pycache__"}:
            continue
        name = first if rest else first.split(".", 1)[0] if first.endswith((".py", ".so", ".pyd")) else ""
        if name.isidentifier():
            out.add(name)
    return out


def _env_owner(module: str, dists: tuple[str, ...]) -> tuple[str, ...]:
    """Of several installed distributions sharing a top-level name, those that ship ``module``."""
    from importlib.metadata import PackageNotFoundError, distribution

    parts = module.split(".")
    wanted = {"/".join(parts) + "/", "/".join(parts) + ".py"}
    owners = []
    for dist in dists:
        try:
            files = distribution(dist).files or []
        except PackageNotFoundError:
            continue
        for f in files:
            posix = str(f).replace("\\", "/")
            if any(posix.startswith(w) or posix == w for w in wanted):
                owners.append(dist)
                break
    return tuple(owners)


def distribution_for(import_name: str, *, declared: Iterable[str] = ()) -> Resolution:
    """Resolve a (possibly dotted) import name to its distribution(s).

    ``declared`` (normalised names the project already lists) settles ambiguous cases: when exactly one
    candidate is declared, that is the author's choice, not a guess.
    """
    declared_set = frozenset(declared)
    parts = import_name.split(".")
    top = parts[0]
    table = curated()
    # namespace packages: the most specific curated entry wins (google.cloud.storage before google)
    for i in range(len(parts), 1, -1):
        prefix = ".".join(parts[:i])
        entry = table.get(prefix)
        if entry is not None:
            return _pick(prefix, entry.distributions, "curated", entry.ambiguous, declared_set)
    env = environment().get(top)
    if env:
        if len(env) > 1 and len(parts) > 1:
            owners = _env_owner(import_name, env)
            if owners:
                env = owners
        if len(env) == 1 or top not in table:
            return _pick(top, env, "environment", len(env) > 1, declared_set)
    entry = table.get(top)
    if entry is not None:
        return _pick(top, entry.distributions, "curated", entry.ambiguous, declared_set)
    if top in identity():
        return Resolution(top, (_build_variant(canonicalize_name(top), declared_set),), "curated")
    return Resolution(top, (canonicalize_name(top),), "guess")


#: suffixes of builds and forks that ship the same import name (``xgboost-cpu``, ``docopt-ng``)
_VARIANT_SUFFIXES = ("-cpu", "-gpu", "-binary", "-headless", "-ng")


def _build_variant(dist: str, declared: frozenset[str]) -> str:
    """``dist``, or the one declared build variant of it (``xgboost-cpu``): the author's choice."""
    if dist in declared:
        return dist
    variants = [d for d in declared if d.startswith(dist) and d[len(dist) :] in _VARIANT_SUFFIXES]
    return variants[0] if len(variants) == 1 else dist


def _pick(
    name: str, candidates: tuple[str, ...], source: Source, ambiguous: bool, declared: frozenset[str]
) -> Resolution:
    if ambiguous and len(candidates) > 1:
        chosen = [c for c in candidates if c in declared]
        if len(chosen) == 1:
            return Resolution(name, (chosen[0],), source)
        return Resolution(name, candidates, source, ambiguous=True)
    return Resolution(name, candidates[:1], source)
