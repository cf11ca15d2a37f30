"""Accuracy of `sciship deps` on real projects, side by side with pipreqs, deptry and FawltyDeps.

Usage::

    python benchmarks/deps_accuracy.py PROJECT_DIR [...] --tools /tmp/depstools [--pypi-cache FILE]
    python benchmarks/deps_accuracy.py --fetch-dir /tmp/depsproj --tools /tmp/depstools

``--tools`` is a virtual environment outside this repository with ``deptry``, ``fawltydeps`` and
``pipreqs`` installed. None of the projects' own dependencies need to be installed (the point is a
clean environment).

Two numbers per project and tool:

* **recall** - of the declared runtime dependencies that the package code really imports, the share
  the tool recognises as imported. "Really imports" is decided independently of every tool: a
  dependency counts when a line ``import X`` / ``from X ...`` appears in the package's files for one of
  its import names (the distribution name with ``-`` as ``_``, names from the curated map, and the
  few hand-checked names in ``EXTRA_IMPORT_NAMES``).
* **names on PyPI** - of the distribution names the tool reports for undeclared imports (the names a
  user would ``pip install``; for sciship every name in its table that the code imports, except the
  guesses it marks ``unverified``, which get their own column), the share that exist on PyPI,
  checked with ``pip index versions`` (cached in ``--pypi-cache``).

Nothing is asserted: the script prints Markdown tables.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packaging.utils import canonicalize_name

from sciship.imports import analyze
from sciship.imports.declared import collect
from sciship.imports.resolve import curated
from sciship.project import Project

#: import names checked by hand in the projects' code, for distributions whose import name is neither
#: their own name nor in sciship's curated map
EXTRA_IMPORT_NAMES: dict[str, set[str]] = {
    "ibis-framework": {"ibis"},
    "typing-extensions": {"typing_extensions"},
    "importlib-resources": {"importlib_resources"},
}


def import_names(dist: str) -> set[str]:
    names = {dist.replace("-", "_"), dist.replace("-", "")}
    for prefix in ("python-", "py"):
        if dist.startswith(prefix):
            names.add(dist[len(prefix) :].replace("-", "_"))
    names |= {name.split(".")[0] for name, entry in curated().items() if dist in entry.distributions}
    return names | EXTRA_IMPORT_NAMES.get(dist, set())


def oracle(project: Project) -> tuple[list[str], set[str]]:
    """(declared runtime dependencies, those the package code imports by a grep-level check)."""
    declared = sorted(
        {
            d.name
            for d in collect(project).items
            if d.kind == "runtime" and d.location.startswith(("project.", "setup."))
        }
    )
    text = "\n".join(project.read_text(f) or "" for f in project.package_files())
    imported = set()
    for dist in declared:
        for name in import_names(dist):
            if re.search(rf"^\s*(import|from)\s+{re.escape(name)}\b", text, re.MULTILINE | re.IGNORECASE):
                imported.add(dist)
                break
    return declared, imported


# ---------------------------------------------------------------------- the tools
def run_sciship(project: Project) -> tuple[set[str], set[str]]:
    """(declared deps recognised as imported by package code, names reported for undeclared imports)."""
    report = analyze(project, cache=False)
    # imported and not called unused, whatever the scope (package code, inside functions, test helpers)
    recognised = {d.distribution for d in report.dependencies if d.imports and d.distribution}
    # names sciship asserts; "unverified" ones are flagged to the user as unconfirmed guesses, and an
    # "unresolved" import has no name at all ("distribution": null since schema 2)
    reported = {
        d.distribution
        for d in report.dependencies
        if d.imports and d.distribution and d.status not in {"unverified", "unresolved"}
    }
    UNVERIFIED[project.root.name] = {
        d.distribution
        for d in report.dependencies
        if d.imports and d.distribution and d.status == "unverified"
    }
    return recognised, reported


#: per project, the guesses sciship marks "unverified" (shown separately: sciship does not assert them)
UNVERIFIED: dict[str, set[str]] = {}


def run_deptry(root: Path, tools: Path, declared: list[str]) -> tuple[set[str], set[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "deptry.json"
        subprocess.run(
            [str(tools / "bin" / "deptry"), str(root), "--json-output", str(out)],
            capture_output=True,
            check=False,
        )
        try:
            issues = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set(), set()
    unused = {canonicalize_name(i["module"]) for i in issues if i["error"]["code"] == "DEP002"}
    missing = {canonicalize_name(i["module"]) for i in issues if i["error"]["code"] == "DEP001"}
    return set(declared) - unused, missing


def run_fawltydeps(root: Path, tools: Path, declared: list[str]) -> tuple[set[str], set[str]]:
    proc = subprocess.run(
        [str(tools / "bin" / "fawltydeps"), "--check", "--json"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        return set(), set()
    unused = {canonicalize_name(d["name"]) for d in data.get("unused_deps") or []}
    undeclared = {canonicalize_name(d["name"]) for d in data.get("undeclared_deps") or []}
    return set(declared) - unused, undeclared


def run_pipreqs(root: Path, tools: Path, declared: list[str]) -> tuple[set[str], set[str]]:
    cmd = [
        str(tools / "bin" / "pipreqs"),
        "--print",
        "--mode",
        "no-pin",
        "--pypi-server",
        "https://pypi.org/pypi/",
    ]
    proc = subprocess.run([*cmd, str(root)], capture_output=True, text=True, check=False)
    names = {
        canonicalize_name(re.split(r"[=<>~!\s]", ln.strip())[0])
        for ln in proc.stdout.splitlines()
        if ln.strip() and not ln.startswith(("#", "INFO", "WARNING"))
    }
    return names & set(declared), names - set(declared)


# ---------------------------------------------------------------------- PyPI
class PyPI:
    def __init__(self, cache: Path) -> None:
        self.path = cache
        try:
            self.known: dict[str, bool] = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}

    def check(self, names: set[str]) -> None:
        todo = sorted(n for n in names if n not in self.known)
        env = {**os.environ, "PIP_CONSTRAINT": ""}

        def exists(name: str) -> tuple[str, bool]:
            proc = subprocess.run(
                [sys.executable, "-m", "pip", "index", "versions", name],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            return name, proc.returncode == 0 and "Available versions" in proc.stdout

        with ThreadPoolExecutor(8) as pool:
            for name, ok in pool.map(exists, todo):
                self.known[name] = ok
        self.path.write_text(json.dumps(self.known, indent=0, sort_keys=True), encoding="utf-8")

    def share(self, names: set[str]) -> str:
        if not names:
            return "-"
        good = sum(self.known.get(n, False) for n in names)
        return f"{good}/{len(names)}"


def pct(part: int, whole: int) -> str:
    return "-" if not whole else f"{100 * part / whole:.0f}% ({part}/{whole})"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("projects", nargs="*", type=Path)
    parser.add_argument("--fetch-dir", type=Path)
    parser.add_argument("--tools", type=Path, required=True, help="venv with deptry, fawltydeps, pipreqs")
    parser.add_argument("--pypi-cache", type=Path, default=Path.home() / ".cache" / "sciship-bench-pypi.json")
    args = parser.parse_args(argv)
    roots = list(args.projects) + (
        sorted(p for p in args.fetch_dir.iterdir() if p.is_dir()) if args.fetch_dir else []
    )
    if not roots:
        parser.error("give project folders or --fetch-dir")
    pypi = PyPI(args.pypi_cache)
    rows = []
    totals: dict[str, list[int]] = {t: [0, 0] for t in ("sciship", "pipreqs", "deptry", "fawltydeps")}
    reported_all: dict[str, set[str]] = {t: set() for t in totals}
    misses: dict[str, set[str]] = {}
    for root in roots:
        project = Project.load(root)
        declared, imported = oracle(project)
        results = {
            "sciship": run_sciship(project),
            "pipreqs": run_pipreqs(root, args.tools, declared),
            "deptry": run_deptry(root, args.tools, declared),
            "fawltydeps": run_fawltydeps(root, args.tools, declared),
        }
        pypi.check(set().union(*(r[1] for r in results.values()), UNVERIFIED[root.name]))
        cells = []
        for tool, (recognised, reported) in results.items():
            hit = len(imported & recognised)
            totals[tool][0] += hit
            totals[tool][1] += len(imported)
            reported_all[tool] |= reported
            cells.append(f"{pct(hit, len(imported))}; {pypi.share(reported)}")
        misses[root.name] = imported - results["sciship"][0]
        cells.append(pypi.share(UNVERIFIED[root.name]))
        rows.append(f"| {root.name} | {len(declared)} | {len(imported)} | " + " | ".join(cells) + " |")
    print(
        "recall of declared runtime deps the package imports; names reported for undeclared imports that "
        "exist on PyPI\n"
    )
    print("| project | declared | imported | sciship | pipreqs | deptry | FawltyDeps | sciship unverified |")
    print("|---|---:|---:|---|---|---|---|---|")
    print("\n".join(rows))
    total_cells = " | ".join(f"{pct(*totals[t])}; {pypi.share(reported_all[t])}" for t in totals)
    all_unverified = set().union(*UNVERIFIED.values())
    print(f"| **all** | | | {total_cells} | {pypi.share(all_unverified)} |")
    missed = {k: sorted(v) for k, v in misses.items() if v}
    if missed:
        print(f"\nsciship missed: {missed}")
    reported_all["sciship unverified"] = all_unverified
    not_on_pypi = {
        t: sorted(n for n in names if not pypi.known.get(n, False)) for t, names in reported_all.items()
    }
    print(f"\nnames not on PyPI: {json.dumps(not_on_pypi)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
