"""Cost of the data-flow trace next to `sciship deps`, on real research folders, cold and warm.

Usage::

    python benchmarks/flow_speed.py FOLDER [FOLDER ...] [--repeat 5]

`sciship share --dry-run` costs `deps` + `trace` + writing the metadata; the target is at most 1.5x
`sciship deps` on the same folder. For each folder this prints (median of ``--repeat`` runs, each a new
process, CPU seconds and wall seconds; "cold" = an empty cache folder, "warm" = the second run):

- ``deps``: the `sciship deps FOLDER --format json` command;
- ``deps+trace``: one process that runs the deps command and then traces the same Project snapshot
  (what share does before it writes anything);
- ``ratio``: deps+trace / deps;
- ``prefetch``: the same, with :func:`sciship.flow.prefetch` started before the deps analysis (the cold
  trace then runs on a second CPU meanwhile: wall time falls on an idle machine, CPU time does not).

CPU time is the fair number on a busy machine; wall time is what a user waits. Nothing is asserted.
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

DEPS_THEN_TRACE = """
import sys
import sciship.project as P
from sciship.flow import prefetch
from sciship.cli import main
from sciship.flow import trace
loaded = []
load = P.Project.load
def keep(*args, **kwargs):
    project = load(*args, **kwargs)
    loaded.append(project)
    if sys.argv[2:] == ["prefetch"]:
        prefetch(project)
    return project
P.Project.load = staticmethod(keep)
try:
    main(["deps", sys.argv[1], "--format", "json"])
except SystemExit:
    pass
trace(loaded[0])
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def count(root: Path) -> tuple[int, int]:
    py = nb = 0
    for _dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in {".git", ".venv", "venv", "node_modules"}]
        py += sum(f.endswith(".py") for f in filenames)
        nb += sum(f.endswith(".ipynb") for f in filenames)
    return py, nb


def measure(folder: Path, repeat: int) -> dict[str, tuple[float, float]]:
    deps = [sys.executable, "-m", "sciship", "deps", str(folder), "--format", "json"]
    both = [sys.executable, "-c", DEPS_THEN_TRACE, str(folder)]
    early = [*both, "prefetch"]
    kinds = ("deps cold", "deps warm", "both cold", "both warm", "early cold", "early warm")
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in kinds}
    for _ in range(repeat):
        for name, cmd in (("deps", deps), ("both", both), ("early", early)):
            with tempfile.TemporaryDirectory() as cache:
                env = {**os.environ, "XDG_CACHE_HOME": cache}
                runs[f"{name} cold"].append(timed(cmd, env))
                runs[f"{name} warm"].append(timed(cmd, env))
    return {
        k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in runs.items()
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    ensure_bytecode()
    print(
        f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs); median of {args.repeat} runs"
    )
    print("CPU seconds (wall seconds in brackets)\n")
    print(
        "| folder | .py / .ipynb | deps cold | deps+trace cold | ratio cold | prefetch cold (wall ratio) "
        "| deps warm | deps+trace warm | ratio warm |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for folder in args.folders:
        py, nb = count(folder)
        m = measure(folder, args.repeat)

        def cell(key: str, m: dict[str, tuple[float, float]] = m) -> str:
            return f"{m[key][1]:.3f} ({m[key][0]:.3f})"

        cold = m["both cold"][1] / m["deps cold"][1]
        warm = m["both warm"][1] / m["deps warm"][1]
        early = m["early cold"][0] / m["deps cold"][0]
        print(
            f"| {folder.name} | {py} / {nb} | {cell('deps cold')} | {cell('both cold')} | {cold:.2f}x "
            f"| {cell('early cold')} ({early:.2f}x) "
            f"| {cell('deps warm')} | {cell('both warm')} | {warm:.2f}x |"
        )
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
