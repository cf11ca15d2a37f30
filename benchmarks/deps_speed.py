"""Speed of `sciship deps` (cold and warm cache) next to deptry and FawltyDeps.

Usage::

    python benchmarks/deps_speed.py PROJECT_DIR [PROJECT_DIR ...] --tools /tmp/depstools [--repeat 3]
    python benchmarks/deps_speed.py --fetch-dir /tmp/depsproj --tools /tmp/depstools

``--tools`` is a virtual environment (outside this repository) with `deptry` and `fawltydeps`
installed: ``python -m venv /tmp/depstools && /tmp/depstools/bin/pip install deptry fawltydeps``.
Prints a Markdown table of median wall-clock seconds (each tool run as a user would: a new process).
Nothing is asserted: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ensure_bytecode


def timed(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children): CPU time is the fair number on a
    machine that is busy with other work; wall time is what a user waits."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def count_files(root: Path) -> int:
    skip = {".git", ".tox", ".nox", "node_modules", ".venv", "venv"}
    n = 0
    for _dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in skip]
        n += sum(f.endswith((".py", ".ipynb")) for f in filenames)
    return n


#: deptry reads the declared dependencies from pyproject.toml in the folder it runs in, and stops before
#: scanning anything when there is none (setup.py projects such as sympy): it runs from this repository,
#: so that it always scans the project (the scan is what is measured, not the comparison)
REPO = Path(__file__).resolve().parent.parent


def deptry_scans(tools: Path, project: Path) -> bool:
    """Whether deptry really scanned ``project`` (it exits early with a traceback when it cannot)."""
    proc = subprocess.run(
        [str(tools / "bin" / "deptry"), str(project)], cwd=REPO, capture_output=True, text=True, check=False
    )
    return "Traceback" not in proc.stderr and "Scanning" in proc.stdout + proc.stderr


def measure(project: Path, tools: Path, repeat: int) -> dict[str, tuple[float, float]]:
    out: dict[str, list[tuple[float, float]]] = {"cold": [], "warm": [], "deptry": [], "fawltydeps": []}
    sciship = [sys.executable, "-m", "sciship", "deps", str(project), "--format", "json"]
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "XDG_CACHE_HOME": cache}
            out["cold"].append(timed(sciship, env))
            out["warm"].append(timed(sciship, env))
        out["deptry"].append(timed([str(tools / "bin" / "deptry"), str(project)], cwd=REPO))
        out["fawltydeps"].append(timed([str(tools / "bin" / "fawltydeps"), "--check", "--json"], cwd=project))
    return {
        k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in out.items()
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("projects", nargs="*", type=Path)
    parser.add_argument("--fetch-dir", type=Path, help="a folder whose sub-folders are projects")
    parser.add_argument("--tools", type=Path, required=True, help="venv with deptry and fawltydeps")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    ensure_bytecode()
    projects = list(args.projects)
    if args.fetch_dir:
        projects += sorted(p for p in args.fetch_dir.iterdir() if p.is_dir())
    if not projects:
        parser.error("give project folders or --fetch-dir")
    load = os.getloadavg()[0]
    print(
        f"median of {args.repeat} runs; wall / CPU seconds; {os.cpu_count()} CPUs, load {load:.1f}; "
        f"Python {sys.version.split()[0]}\n"
    )
    print(
        "| project | files | sciship cold | sciship warm | deptry | FawltyDeps | cold/deptry (wall, CPU) "
        "| cold/FawltyDeps (wall, CPU) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for project in projects:
        if not deptry_scans(args.tools, project):
            print(f"| {project.name} | deptry did not scan it: skipped |", flush=True)
            continue
        t = measure(project, args.tools, args.repeat)
        cells = " | ".join(f"{t[k][0]:.2f} / {t[k][1]:.2f}" for k in ("cold", "warm", "deptry", "fawltydeps"))
        ratios = " | ".join(
            f"{t['cold'][0] / t[k][0]:.2f}x, {t['cold'][1] / max(t[k][1], 1e-3):.2f}x"
            for k in ("deptry", "fawltydeps")
        )
        print(f"| {project.name} | {count_files(project)} | {cells} | {ratios} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
