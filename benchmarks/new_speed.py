"""How fast is `sciship new`? Side by side with `hatch new` and copier + pyOpenSci's template.

Setup (once):
    python -m venv /tmp/benchvenv && /tmp/benchvenv/bin/pip install hatch copier
    git clone https://github.com/pyOpenSci/pyos-package-template /tmp/pyos-template

Run:
    .venv/bin/python benchmarks/new_speed.py [--runs 9]

Each tool creates the same package (`rainfall-tools`) non-interactively in a fresh folder; the table
shows the median wall time (process start to exit) over the runs, after one warm-up run each.
Targets: sciship <= 1.5x `hatch new` and <= 0.3x copier.
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

NAME = "rainfall-tools"
GIT = {
    "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.org",
}


def commands(args: argparse.Namespace) -> dict[str, list[str] | None]:
    bench = Path(args.bench_venv) / "bin"
    hatch = bench / "hatch"
    copier = bench / "copier"
    template = Path(args.template)
    sciship = [sys.executable, "-m", "sciship", "new", NAME, "--yes", "--github", "ada",
               "--author", "Ada Lovelace", "--email", "ada@example.org", "--description", "Rain statistics."]
    return {
        "sciship new (with git init + commit)": [*sciship, "--directory", "{out}"],
        "sciship new --no-git": [*sciship, "--directory", "{out}", "--no-git"],
        "hatch new": [str(hatch), "new", NAME, "{out}"] if hatch.exists() else None,
        "copier + pyos-package-template": [
            str(copier), "copy", "--defaults", "--quiet", "--trust",
            "--data", f"project_name={NAME}", "--data", "package_description=Rain statistics.",
            "--data", "author_name=Ada Lovelace", "--data", "author_email=ada@example.org",
            "--data", "username=ada", "--data", "template_mode=full",
            str(template), "{out}",
        ] if copier.exists() and (template / "copier.yml").exists() else None,
    }


def time_once(cmd: list[str], workdir: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system, including git and other child processes) of one run."""
    out = workdir / "out"
    argv = [a.replace("{out}", str(out)) for a in cmd]
    env = {**os.environ, **GIT, "NO_COLOR": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=workdir, env=env, capture_output=True, text=True, check=False,
                          stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0 or not (out / "pyproject.toml").exists():
        raise SystemExit(f"{' '.join(argv)} failed:\n{proc.stdout}\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def files_in(cmd: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        time_once(cmd, Path(tmp))
        out = Path(tmp) / "out"
        return sum(1 for p in out.rglob("*") if p.is_file() and ".git" not in p.relative_to(out).parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--bench-venv", default=str(Path(tempfile.gettempdir()) / "benchvenv"),
                        help="venv with hatch and copier")
    parser.add_argument("--template", default=str(Path(tempfile.gettempdir()) / "pyos-template"),
                        help="checkout of pyos-package-template")
    args = parser.parse_args()

    tools: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for label, cmd in commands(args).items():
        if cmd is None:
            print(f"skipped {label}: not installed (see the setup lines at the top of this file)")
            continue
        tools[label] = cmd
        counts[label] = files_in(cmd)  # also the warm-up run (fills caches: pyc, compiled templates)
    # round-robin, so a busy moment on the machine slows every tool alike
    walls: dict[str, list[float]] = {label: [] for label in tools}
    cpus: dict[str, list[float]] = {label: [] for label in tools}
    for _ in range(args.runs):
        for label, cmd in tools.items():
            with tempfile.TemporaryDirectory() as tmp:
                wall, cpu = time_once(cmd, Path(tmp))
            walls[label].append(wall)
            cpus[label].append(cpu)

    wall_med = {k: statistics.median(v) for k, v in walls.items()}
    cpu_med = {k: statistics.median(v) for k, v in cpus.items()}
    print(f"\n`new` speed: median of {args.runs} round-robin runs, in seconds. "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}.")
    print("wall = start to exit; cpu = user + system time of the tool and its child processes (git).\n")
    header = (f"| {'tool':<38} | {'files':>5} | {'wall':>6} | {'min':>6} | {'cpu':>6} "
              f"| {'wall vs hatch':>13} | {'wall vs copier':>14} "
              f"| {'cpu vs hatch':>12} | {'cpu vs copier':>13} |")
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    hatch, copier = "hatch new", "copier + pyos-package-template"

    def ratio(med: dict[str, float], label: str, base: str) -> str:
        return f"{med[label] / med[base]:.2f}x" if base in med else "-"

    for label in tools:
        print(f"| {label:<38} | {counts[label]:>5} | {wall_med[label]:>6.3f} | {min(walls[label]):>6.3f} "
              f"| {cpu_med[label]:>6.3f} | {ratio(wall_med, label, hatch):>13} "
              f"| {ratio(wall_med, label, copier):>14} | {ratio(cpu_med, label, hatch):>12} "
              f"| {ratio(cpu_med, label, copier):>13} |")
    print()
    for label in ("sciship new --no-git", "sciship new (with git init + commit)"):
        if label in wall_med and hatch in wall_med and copier in wall_med:
            ok_h = "met" if wall_med[label] <= 1.5 * wall_med[hatch] else "MISSED"
            ok_c = "met" if wall_med[label] <= 0.3 * wall_med[copier] else "MISSED"
            print(f"{label} (wall): <= 1.5x hatch new {ok_h}; <= 0.3x copier {ok_c}")
    print("(neither hatch new nor this copier template creates a git repository; compare the --no-git row)")
    if shutil.which("git") is None:
        print("note: git is not installed, so the 'with git' row skipped the commit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
