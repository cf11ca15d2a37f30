#!/usr/bin/env python3
"""Verify sciship's import-name -> PyPI-distribution map against real artifacts.

For every distribution named in ``src/sciship/imports/data/import_map.json`` this
script downloads the distribution's wheel with ``pip download`` (no deps, binary
only, targeting CPython 3.12) into a cache directory and checks that the wheel
really provides the mapped import name:

* a plain name (``cv2``) must be a top-level package directory, a top-level
  module (``name.py``) or a top-level extension module (``name.*.so`` /
  ``name.*.pyd``) in the wheel's file list, or be listed in
  ``*.dist-info/top_level.txt``;
* a dotted name (``google.cloud.storage``) must exist as a path in the wheel:
  ``google/cloud/storage/`` (a package), ``google/cloud/storage.py`` or an
  extension module of that name.

If no wheel exists for Linux/CPython 3.12, Windows and macOS wheels and wheels
for older Pythons are tried.  If there is no wheel at all, the sdist is
downloaded from PyPI (with the standard library; pip would try to build it) and
its package directories are inspected; such entries are reported as verified
"via sdist".  With ``--no-sdist`` they are skipped with a note instead.

The identity list ``src/sciship/imports/data/identity.json`` (import names whose
distribution has the same PEP 503 normalised name: ``pandas``, ``netCDF4``,
``typing_extensions``) is verified the same way, automatically: each name must be a
top-level name in the wheel of the distribution ``normalize(name)``, and must not
also be a key of the import map.

``--propose DISTS.json`` helps to grow both files: for each distribution in a JSON
list it downloads the wheel and prints, as JSON, the import names that are identity
entries and the public top-level names that differ (candidates for the map, to be
reviewed by hand).

Standard library only (plus ``pip`` run as a subprocess).

Usage::

    python benchmarks/verify_import_map.py                  # whole map
    python benchmarks/verify_import_map.py --limit 20       # first 20 entries
    python benchmarks/verify_import_map.py --only cv2 --only PIL
    python benchmarks/verify_import_map.py --json-out results.json
    python benchmarks/verify_import_map.py --skip-map       # identity list only
    python benchmarks/verify_import_map.py --propose dists.json > proposal.json

Exit status: 0 when every checked entry verified (skips allowed), 1 when any
entry failed, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import re
import subprocess
import sys
import tarfile
import threading
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MAP = REPO_ROOT / "src" / "sciship" / "imports" / "data" / "import_map.json"
DEFAULT_IDENTITY = REPO_ROOT / "src" / "sciship" / "imports" / "data" / "identity.json"
DEFAULT_CACHE = Path.home() / ".cache" / "sciship-verify"

PYTHON_VERSION = "3.12"
# Attempts made, in order, to get a wheel: (label, extra pip arguments).
WHEEL_ATTEMPTS: list[tuple[str, list[str]]] = [
    ("linux/cp312", ["--python-version", PYTHON_VERSION]),
    ("win/cp312", ["--python-version", PYTHON_VERSION, "--platform", "win_amd64"]),
    (
        "macos/cp312",
        [
            "--python-version", PYTHON_VERSION,
            "--platform", "macosx_11_0_arm64",
            "--platform", "macosx_10_9_x86_64",
            "--platform", "macosx_10_9_universal2",
        ],
    ),
    ("linux/cp310", ["--python-version", "3.10"]),
    ("any/py2", ["--python-version", "2.7", "--platform", "any"]),
]
ARCHIVE_SUFFIXES = (".whl", ".tar.gz", ".zip", ".tar.bz2", ".tgz")
EXT_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(\..*)?\.(so|pyd)$")
PY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\.(py|pyc|pyi)$")
DATA_DIR_RE = re.compile(r"^[^/]+\.data/(purelib|platlib)/")
# files installed into site-packages through the "data" scheme (cmeel, intel wheels)
SITE_PACKAGES_RE = re.compile(r"^(?:.*/)?site-packages/")
SDIST_SKIP_DIRS = {"tests", "test", "testing", "docs", "doc", "examples", "example", "demo",
                   "demos", "samples", "benchmarks", "bench", "scripts", "tools", "ci", ".github"}


def normalize(name: str) -> str:
    """PEP 503 normalisation."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class Artifact:
    dist: str
    path: Path | None = None
    kind: str = ""  # "wheel" | "sdist"
    how: str = ""  # which attempt found it
    error: str = ""
    files: list[str] = field(default_factory=list)
    top_level_txt: set[str] = field(default_factory=set)
    declared: set[str] = field(default_factory=set)  # sdist: modules named in setup.py


@dataclass
class Check:
    import_name: str
    dist: str
    status: str  # "verified" | "failed" | "skipped"
    reason: str = ""
    artifact: str = ""


# ---------------------------------------------------------------- downloads
_print_lock = threading.Lock()


def log(msg: str, quiet: bool = False) -> None:
    if not quiet:
        with _print_lock:
            print(msg, file=sys.stderr, flush=True)


def _cached_archive(directory: Path) -> Path | None:
    if not directory.is_dir():
        return None
    found = sorted(p for p in directory.iterdir() if p.name.endswith(ARCHIVE_SUFFIXES))
    wheels = [p for p in found if p.suffix == ".whl"]
    return (wheels or found or [None])[0]


def _pip_download(dist: str, dest: Path, extra: list[str], timeout: int) -> tuple[bool, str]:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "--disable-pip-version-check", "--no-input", "-q", "-d", str(dest), *extra, dist]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return False, "pip download timed out"
    if proc.returncode == 0:
        return True, ""
    err = (proc.stderr or proc.stdout).strip().splitlines()
    msg = next((line for line in reversed(err) if line.startswith("ERROR")), err[-1] if err else "")
    return False, msg[:200]


def _sdist_download(dist: str, dest: Path, timeout: int) -> tuple[bool, str]:
    """Fetch the newest sdist from PyPI's JSON API (pip would try to build it)."""
    url = f"https://pypi.org/pypi/{dist}/json"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            meta = json.load(resp)
    except Exception as exc:
        return False, f"PyPI JSON API: {exc}"[:200]
    sdists = [u for u in meta.get("urls", []) if u.get("packagetype") == "sdist"]
    if not sdists:
        return False, "no wheel and no sdist for the newest release"
    info = sdists[0]
    target = dest / info["filename"]
    # the index may answer with URLs relative to the JSON document
    file_url = urllib.parse.urljoin(url, info["url"])
    try:
        tmp = target.with_suffix(target.suffix + ".part")
        with urllib.request.urlopen(file_url, timeout=timeout) as resp, tmp.open("wb") as fh:  # noqa: S310 - https PyPI file URLs only
            while chunk := resp.read(1 << 20):
                fh.write(chunk)
        tmp.rename(target)
    except Exception as exc:
        return False, f"sdist download: {exc}"[:200]
    return True, ""


def fetch(dist: str, cache: Path, allow_sdist: bool, timeout: int, quiet: bool) -> Artifact:
    art = Artifact(dist)
    dest = cache / "dists" / normalize(dist)
    cached = _cached_archive(dest)
    if cached is None:
        dest.mkdir(parents=True, exist_ok=True)
        errors = []
        for label, extra in WHEEL_ATTEMPTS:
            ok, err = _pip_download(dist, dest, extra, timeout)
            if ok:
                art.how = label
                break
            errors.append(f"{label}: {err}")
        else:
            if allow_sdist:
                ok, err = _sdist_download(dist, dest, timeout)
                if ok:
                    art.how = "sdist"
                else:
                    errors.append(f"sdist: {err}")
                    art.error = "; ".join(errors[:1] + errors[-1:])
                    return art
            else:
                art.error = "no wheel (sdist check disabled); " + errors[0]
                return art
        cached = _cached_archive(dest)
        if cached is None:
            art.error = "download reported success but no archive found"
            return art
    else:
        art.how = "cache"
    art.path = cached
    art.kind = "wheel" if cached.suffix == ".whl" else "sdist"
    try:
        read_listing(art)
    except Exception as exc:
        art.error = f"cannot read {cached.name}: {exc}"[:200]
    log(f"  fetched {dist}: {cached.name} ({art.how})", quiet)
    return art


_sdist_cache: dict[str, Artifact] = {}


def fetch_sdist(dist: str, cache: Path, timeout: int) -> Artifact:
    """The newest sdist of ``dist`` (memoised), for wheels that lack a name."""
    if dist in _sdist_cache:
        return _sdist_cache[dist]
    art = Artifact(dist, kind="sdist", how="sdist")
    dest = cache / "sdists" / normalize(dist)
    cached = _cached_archive(dest)
    if cached is None:
        dest.mkdir(parents=True, exist_ok=True)
        ok, err = _sdist_download(dist, dest, timeout)
        cached = _cached_archive(dest) if ok else None
        if cached is None:
            art.error = err or "no sdist"
    if cached is not None:
        art.path = cached
        try:
            read_listing(art)
        except Exception as exc:
            art.error = f"cannot read {cached.name}: {exc}"[:200]
    _sdist_cache[dist] = art
    return art


# ---------------------------------------------------------------- inspection
def read_listing(art: Artifact) -> None:
    assert art.path is not None
    name = art.path.name
    if name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(art.path) as zf:
            names = zf.namelist()
            if art.kind == "wheel":
                for n in names:
                    parts = n.split("/")
                    if len(parts) == 2 and parts[0].endswith(".dist-info") and parts[1] == "top_level.txt":
                        text = zf.read(n).decode("utf-8", "replace")
                        art.top_level_txt = {t.strip() for t in text.splitlines() if t.strip()}
    else:
        with tarfile.open(art.path) as tf:
            members = tf.getmembers()
            names = [m.name + ("/" if m.isdir() else "") for m in members]
            for m in members:
                if not m.isfile():
                    continue
                if m.name.count("/") == 1 and m.name.endswith("/setup.py"):
                    fh = tf.extractfile(m)
                    if fh is not None:
                        art.declared |= declared_modules(fh.read().decode("utf-8", "replace"))
                elif m.name.count("/") <= 3 and m.name.endswith(".egg-info/top_level.txt"):
                    fh = tf.extractfile(m)
                    if fh is not None:
                        text = fh.read().decode("utf-8", "replace")
                        art.declared |= {t.strip() for t in text.splitlines() if t.strip()}
    if art.kind == "wheel":
        original = {SITE_PACKAGES_RE.sub("", DATA_DIR_RE.sub("", n)): n for n in names}
        files = list(original)
        # Root-level .pth files may put extra directories on sys.path
        # (pywin32.pth: win32, win32/lib, pythonwin); modules there import top-level.
        pth_dirs = []
        with zipfile.ZipFile(art.path) as zf:
            for f, n in original.items():
                if "/" not in f and f.endswith(".pth"):
                    for raw in zf.read(n).decode("utf-8", "replace").splitlines():
                        line = raw.strip().replace("\\", "/").strip("/")
                        if line and not line.startswith(("#", "import ", "import\t")):
                            pth_dirs.append(line + "/")
        extra = [f[len(d):] for d in pth_dirs for f in files if f.startswith(d) and len(f) > len(d)]
        art.files = files + extra
    else:
        # drop the sdist's single root directory ("pkg-1.0/")
        art.files = [n.split("/", 1)[1] for n in names if "/" in n and n.split("/", 1)[1]]


_EXT_DECL_RE = re.compile(r"""Extension\(\s*(?:name\s*=\s*)?["']([A-Za-z_][\w.]*)["']""")
_PY_MODULES_RE = re.compile(r"py_modules\s*=\s*\[([^\]]*)\]")
_PY_MODULES_APPEND_RE = re.compile(r"""py_modules\.append\(\s*["']([A-Za-z_][\w.]*)["']""")


def declared_modules(setup_py: str) -> set[str]:
    """Module names a setup.py declares: Extension("name", ...) and py_modules=[...]."""
    found = set(_EXT_DECL_RE.findall(setup_py))
    found |= set(_PY_MODULES_APPEND_RE.findall(setup_py))
    for group in _PY_MODULES_RE.findall(setup_py):
        found |= set(re.findall(r"""["']([A-Za-z_][\w.]*)["']""", group))
    return found


def module_paths(files: list[str]) -> tuple[set[str], set[str]]:
    """Return (package dirs, module paths) as dotted names, for every depth."""
    packages: set[str] = set()
    modules: set[str] = set()
    for f in files:
        parts = [p for p in f.split("/") if p]
        if not parts:
            continue
        if parts[0].endswith((".dist-info", ".egg-info")) or parts[0].endswith(".data"):
            continue
        dirs = parts[:-1] if not f.endswith("/") else parts
        for i in range(1, len(dirs) + 1):
            packages.add(".".join(dirs[:i]))
        if f.endswith("/"):
            continue
        leaf = parts[-1]
        m = PY_RE.match(leaf) or EXT_RE.match(leaf)
        if m:
            modules.add(".".join([*parts[:-1], m.group(1)]))
    return packages, modules


def check_wheel(art: Artifact, import_name: str) -> tuple[bool, str]:
    packages, modules = module_paths(art.files)
    if import_name in modules:
        return True, "module"
    if import_name in packages:
        prefix = import_name.replace(".", "/") + "/"
        if any((f.startswith(prefix) and PY_RE.match(f.rsplit("/", 1)[-1] or ""))
               or (f.startswith(prefix) and EXT_RE.match(f.rsplit("/", 1)[-1] or ""))
               for f in art.files):
            return True, "package"
        return False, f"'{prefix}' holds no Python files"
    if "." not in import_name and import_name in art.top_level_txt:
        return True, "top_level.txt"
    top = sorted({p for p in packages if "." not in p} | {m for m in modules if "." not in m})
    hint = ", ".join(top[:8]) + (" ..." if len(top) > 8 else "")
    return False, f"not in wheel (top-level: {hint or 'none'})"


def check_sdist(art: Artifact, import_name: str) -> tuple[bool, str]:
    rel = import_name.replace(".", "/")
    roots = ["", "src/", "lib/", "Lib/", "python/", "py/"]
    for root in roots:
        for f in art.files:
            if f in (f"{root}{rel}/__init__.py", f"{root}{rel}.py", f"{root}{rel}.pyx",
                     f"{root}{rel}/__init__.pyx"):
                return True, f"sdist: {f}"
    # Packages below some other source directory (at most two levels down).
    targets = (f"{rel}/__init__.py", f"{rel}.py", f"{rel}/__init__.pyx", f"{rel}.pyx")
    for f in art.files:
        parts = f.split("/")
        if any(p.lower() in SDIST_SKIP_DIRS for p in parts[:-1]):
            continue
        for t in targets:
            if f.endswith("/" + t) and f.count("/") - t.count("/") <= 2:
                return True, f"sdist: {f}"
    # C extensions and generated modules are only named in the build script.
    for decl in art.declared:
        if decl == import_name:
            return True, f"sdist: setup.py or egg-info declares module '{decl}'"
    return False, "import name not found among the sdist's package dirs"


# ---------------------------------------------------------------- main
def load_map(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "entries" not in data:
        raise SystemExit(f"{path}: not an import map (no 'entries')")
    return data["entries"]


def load_identity(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(isinstance(n, str) for n in data):
        raise SystemExit(f"{path}: not an identity list (a JSON list of import names)")
    if data != sorted(set(data)):
        raise SystemExit(f"{path}: the list must be sorted and without duplicates")
    return data


def top_level_names(art: Artifact) -> set[str]:
    """Public top-level import names a wheel provides (packages holding Python files, modules)."""
    packages, modules = module_paths(art.files)
    tops = {m for m in modules if "." not in m}
    for p in packages:
        if "." not in p:
            prefix = p + "/"
            if any(f.startswith(prefix) and (PY_RE.match(f.rsplit("/", 1)[-1]) or EXT_RE.match(
                    f.rsplit("/", 1)[-1])) for f in art.files):
                tops.add(p)
    tops |= {t for t in art.top_level_txt if "/" not in t}
    return {t for t in tops if t.isidentifier() and not t.startswith("_")
            and t.lower() not in SDIST_SKIP_DIRS and t not in {"setup", "conftest"}}


def propose(dists: list[str], args: argparse.Namespace) -> int:
    """Print identity names and differing top-level names for each distribution's wheel."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.workers) as pool:
        arts = list(pool.map(lambda d: fetch(d, args.cache_dir, False, args.timeout, args.quiet), dists))
    identity: list[str] = []
    other: dict[str, list[str]] = {}
    failed: dict[str, str] = {}
    for art in arts:
        if art.path is None or art.error or art.kind != "wheel":
            failed[art.dist] = art.error or "no wheel"
            continue
        tops = top_level_names(art)
        same = sorted(t for t in tops if normalize(t) == normalize(art.dist))
        identity += same
        if not same:
            other[art.dist] = sorted(tops)
    print(json.dumps({"identity": sorted(set(identity)), "differ": other, "failed": failed},
                     indent=1, sort_keys=True))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--map", type=Path, default=DEFAULT_MAP, help="import_map.json to verify")
    ap.add_argument("--limit", type=int, default=None, help="check only the first N entries")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="check only this import name or distribution (repeatable)")
    ap.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                    help=f"download cache (default {DEFAULT_CACHE})")
    ap.add_argument("--workers", type=int, default=8, help="parallel downloads (default 8)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per download")
    ap.add_argument("--no-sdist", action="store_true",
                    help="skip (with a note) distributions that have no wheel")
    ap.add_argument("--json-out", type=Path, help="write per-check results as JSON")
    ap.add_argument("--quiet", action="store_true", help="no progress on stderr")
    ap.add_argument("--identity", type=Path, default=DEFAULT_IDENTITY,
                    help="identity.json to verify along with the map")
    ap.add_argument("--skip-map", action="store_true", help="verify only the identity list")
    ap.add_argument("--skip-identity", action="store_true", help="verify only the map")
    ap.add_argument("--propose", type=Path, metavar="DISTS.json",
                    help="print identity names / differing top-level names for these distributions")
    args = ap.parse_args(argv)

    if args.propose:
        return propose(json.loads(args.propose.read_text(encoding="utf-8")), args)
    the_map = load_map(args.map)
    entries = {} if args.skip_map else dict(the_map)
    conflicts: list[Check] = []
    if not args.skip_identity and args.identity.is_file():
        for n in load_identity(args.identity):
            if n in the_map:
                conflicts.append(Check(n, normalize(n), "failed",
                                       "listed in identity.json and in the import map"))
            else:
                entries[n] = {"distributions": [normalize(n)]}
    names = sorted(entries)
    if args.only:
        wanted = set(args.only)
        wanted_norm = {normalize(w) for w in wanted}
        names = [n for n in names if n in wanted or any(
            normalize(d) in wanted_norm for d in entries[n].get("distributions", []))]
        if not names:
            print(f"no entries match --only {sorted(wanted)}", file=sys.stderr)
            return 2
    if args.limit is not None:
        names = names[: max(args.limit, 0)]

    dists: dict[str, list[str]] = {}
    for n in names:
        for d in entries[n].get("distributions", []):
            dists.setdefault(d, []).append(n)

    args.cache_dir.mkdir(parents=True, exist_ok=True)
    log(f"checking {len(names)} entries, {len(dists)} distributions, "
        f"{args.workers} workers, cache {args.cache_dir}", args.quiet)
    artifacts: dict[str, Artifact] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.workers) as pool:
        futs = {pool.submit(fetch, d, args.cache_dir, not args.no_sdist, args.timeout, args.quiet): d
                for d in dists}
        for fut in concurrent.futures.as_completed(futs):
            d = futs[fut]
            try:
                artifacts[d] = fut.result()
            except Exception as exc:
                artifacts[d] = Artifact(d, error=f"internal error: {exc}")

    checks: list[Check] = list(conflicts)
    for n in names:
        for d in entries[n].get("distributions", []):
            art = artifacts[d]
            if art.path is None or art.error:
                status = "skipped" if args.no_sdist and art.error.startswith("no wheel") else "failed"
                checks.append(Check(n, d, status, art.error or "download failed"))
                continue
            ok, why = (check_wheel if art.kind == "wheel" else check_sdist)(art, n)
            if ok and art.kind == "sdist":
                why = "via sdist; " + why
            name = art.path.name
            if not ok and art.kind == "wheel" and not args.no_sdist:
                # pip picks the newest release *with a wheel*, which can be years
                # older than the newest release (sdist-only projects): try that.
                sd = fetch_sdist(d, args.cache_dir, args.timeout)
                if sd.path is not None and not sd.error:
                    ok2, why2 = check_sdist(sd, n)
                    if ok2:
                        ok, name = True, sd.path.name
                        why = f"via sdist of newest release ({art.path.name} lacks it); {why2}"
            checks.append(Check(n, d, "verified" if ok else "failed", why, name))

    # ------------------------------------------------------------ report
    by_entry: dict[str, list[Check]] = {}
    for c in checks:
        by_entry.setdefault(c.import_name, []).append(c)
    entry_status = {}
    for n, cs in by_entry.items():
        if any(c.status == "failed" for c in cs):
            entry_status[n] = "failed"
        elif all(c.status == "verified" for c in cs):
            entry_status[n] = "verified"
        else:
            entry_status[n] = "skipped"

    w_imp = max([len("import name")] + [len(c.import_name) for c in checks])
    w_dist = max([len("distribution")] + [len(c.dist) for c in checks])
    print(f"{'import name':<{w_imp}}  {'distribution':<{w_dist}}  {'status':<8}  detail")
    print(f"{'-' * w_imp}  {'-' * w_dist}  {'-' * 8}  {'-' * 30}")
    for c in checks:
        detail = c.reason if c.status != "verified" else f"{c.reason} [{c.artifact}]"
        print(f"{c.import_name:<{w_imp}}  {c.dist:<{w_dist}}  {c.status:<8}  {detail}")

    n_checked = len(by_entry)
    n_ver = sum(1 for s in entry_status.values() if s == "verified")
    n_fail = sum(1 for s in entry_status.values() if s == "failed")
    n_skip = sum(1 for s in entry_status.values() if s == "skipped")
    n_sdist = sum(1 for c in checks if c.status == "verified" and c.reason.startswith("via sdist"))
    print()
    print(f"entries checked:  {n_checked}")
    print(f"entries verified: {n_ver}")
    print(f"entries failed:   {n_fail}")
    print(f"entries skipped:  {n_skip}")
    print(f"distribution checks: {len(checks)} "
          f"({sum(c.status == 'verified' for c in checks)} verified, {n_sdist} of them via sdist)")
    if n_fail:
        print("\nfailures:")
        for c in checks:
            if c.status == "failed":
                print(f"  {c.import_name} <- {c.dist}: {c.reason}")

    if args.json_out:
        args.json_out.write_text(json.dumps(
            {"entries": entry_status,
             "checks": [c.__dict__ for c in checks]}, indent=1, sort_keys=True) + "\n")
    return 1 if n_fail else 0


if __name__ == "__main__":
    sys.exit(main())
