"""`sciship share --dry-run` next to `sciship deps` on the same research folders, cold and warm cache.

Usage::

    python benchmarks/share_speed.py RESEARCH_DIR [RESEARCH_DIR ...] [--runs 5]

Target (issue 9): share --dry-run costs at most 1.5x deps on the same folder, cold and warm, median of
several runs. "Cold" empties sciship's cache (XDG_CACHE_HOME) before each run; "warm" keeps it. Each
command runs as a user would (a new process). Wall time is what a user waits; CPU time (process and
children) is the fairer number on a busy machine. Nothing is asserted: this is a measurement.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ensure_bytecode


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc.returncode


def measure(folder: Path, runs: int) -> dict[str, list[tuple[float, float, int]]]:
    share = [sys.executable, "-m", "sciship", "share", str(folder), "--dry-run", "--format", "json",
             "--yes"]
    deps = [sys.executable, "-m", "sciship", "deps", str(folder), "--format", "json"]
    out: dict[str, list[tuple[float, float, int]]] = {k: [] for k in
                                                     ("deps cold", "share cold", "deps warm", "share warm")}
    cache = Path(tempfile.mkdtemp(prefix="sciship-share-bench-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1"}
    try:
        for _ in range(runs):
            for name, cmd in (("deps", deps), ("share", share)):
                shutil.rmtree(cache, ignore_errors=True)
                cache.mkdir()
                out[f"{name} cold"].append(timed(cmd, env))
                out[f"{name} warm"].append(timed(cmd, env))  # the cache the cold run just filled
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_bytecode()
    print("| folder | files | deps cold | share cold | ratio | deps warm | share warm | ratio | cpu warm |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for given in args.folders:
        folder = given.resolve()
        files = sum(1 for p in folder.rglob("*") if p.suffix in {".py", ".ipynb"} and ".git" not in p.parts)
        got = measure(folder, args.runs)
        wall = {k: statistics.median(w for w, _, _ in v) for k, v in got.items()}
        cpu = {k: statistics.median(c for _, c, _ in v) for k, v in got.items()}
        failed = {k for k, v in got.items() if any(code not in (0, 1) for _, _, code in v)}
        flag = f" (exit codes: {', '.join(sorted(failed))} failed)" if failed else ""
        cold = wall["share cold"] / wall["deps cold"]
        warm = wall["share warm"] / wall["deps warm"]
        cpu_warm = cpu["share warm"] / max(cpu["deps warm"], 1e-9)
        print(
            f"| {folder.name}{flag} | {files} | {wall['deps cold']:.3f} | {wall['share cold']:.3f} "
            f"| {cold:.2f}x | {wall['deps warm']:.3f} | {wall['share warm']:.3f} | {warm:.2f}x "
            f"| {cpu_warm:.2f}x |"
        )


if __name__ == "__main__":
    main()
