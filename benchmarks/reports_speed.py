"""What the report formats and the progress line cost, and that `check` itself did not get slower.

Usage: python benchmarks/reports_speed.py PROJECT_DIR [--baseline REF] [--runs N]

1. Import cost of a progress helper: sciship's own (`sciship.report.progress`) against rich.progress and
   tqdm (installed in the peers venv), each in a fresh interpreter (`-X importtime`, cumulative).
2. `sciship --help` and `sciship check PROJECT` (warm dependency cache) of this tree against REF
   (default: main), in interleaved rounds, REF taken with
   `git archive` into a temporary folder and run with the same interpreter and dependencies.
3. The same review written as terminal, json, html, github and sarif.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import ensure_bytecode, peers_venv, table, time_command

HERE = Path(__file__).resolve().parent.parent


def import_ms(python: str, module: str, *, runs: int = 7, before: str = "typing, argparse") -> float:
    """Median import time of ``module`` (milliseconds) in a fresh interpreter that has already loaded
    ``before`` (what sciship's command line has loaded when a command handler starts)."""
    times = []
    for _ in range(runs):
        proc = subprocess.run(
            [python, "-X", "importtime", "-c", f"import {before}; import {module}"],
            capture_output=True,
            text=True,
            check=True,
        )
        last = [line for line in proc.stderr.splitlines() if re.search(rf"\|\s+{re.escape(module)}$", line)]
        times.append(int(last[-1].split("|")[1]) / 1000)
    return statistics.median(times)


def baseline_tree(ref: str) -> Path:
    dest = Path(tempfile.mkdtemp(prefix="sciship-baseline-"))
    archive = subprocess.run(["git", "archive", ref, "src"], cwd=HERE, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(dest / "src")],
        check=False,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""},
    )
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project", type=Path)
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ensure_bytecode()
    project = args.project.resolve()

    peers = peers_venv("rich", "tqdm")
    print("## Import cost of a progress helper (on top of what the CLI has loaded; median of 7)\n")
    print("| module | ms |\n| --- | ---: |")
    ours = import_ms(
        sys.executable, "sciship.report.progress", before="typing, argparse, sciship.cli, sciship.report"
    )
    print(f"| sciship.report.progress | {ours:.1f} |")
    print(f"| rich.progress | {import_ms(str(peers / 'python'), 'rich.progress'):.1f} |")
    print(f"| tqdm | {import_ms(str(peers / 'python'), 'tqdm'):.1f} |")
    html_ms = import_ms(
        sys.executable, "sciship.report.html", before="typing, argparse, sciship.cli, sciship.report"
    )
    print(f"| sciship.report.html (only with --format html) | {html_ms:.1f} |")
    print(f"| markdown_it (only with --format html) | {import_ms(sys.executable, 'markdown_it'):.1f} |")

    cache = Path(tempfile.mkdtemp(prefix="sciship-bench-cache-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1"}
    base = baseline_tree(args.baseline)
    base_env = {**env, "PYTHONPATH": str(base / "src")}
    cmd = [sys.executable, "-m", "sciship", "check", str(project), "--fail-on", "never"]
    print(f"\n## sciship check {project.name} (warm cache): this tree against {args.baseline}\n")
    subprocess.run(cmd, env=env, capture_output=True, check=False)  # fill the cache
    helpcmd = [sys.executable, "-m", "sciship", "--help"]
    rows = []
    for _ in range(2):  # interleaved rounds: a busy machine slows both sides alike
        rows += [
            (f"{args.baseline}: --help", time_command(helpcmd, runs=args.runs, env=base_env)),
            ("this tree: --help", time_command(helpcmd, runs=args.runs, env=env)),
            (f"{args.baseline}: check", time_command(cmd, runs=args.runs, env=base_env)),
            ("this tree: check", time_command(cmd, runs=args.runs, env=env)),
        ]
    merged: dict[str, list[float]] = {}
    for name, times in rows:
        merged.setdefault(name, []).extend(times)
    print(table(list(merged.items()), baseline=f"{args.baseline}: check"))

    print(f"\n## One review, each format ({project.name}, warm cache)\n")
    out = Path(tempfile.mkdtemp(prefix="sciship-bench-out-"))
    rows = []
    for fmt in ("terminal", "json", "html", "github", "sarif"):
        extra = ["--format", fmt] + (["--output", str(out / f"r.{fmt}")] if fmt != "terminal" else [])
        rows.append((f"check --format {fmt}", time_command([*cmd, *extra], runs=args.runs, env=env)))
    print(table(rows, baseline="check --format terminal"))
    html = out / "r.html"
    if html.exists():
        print(f"\nHTML report size: {html.stat().st_size / 1024:.0f} KiB")
    for p in (cache, base, out):
        shutil.rmtree(p, ignore_errors=True)


if __name__ == "__main__":
    main()
