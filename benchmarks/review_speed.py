"""`sciship review check` against `sciship check` on the same projects, and issue bodies parsed per second.

Usage: python benchmarks/review_speed.py [PROJECT_DIR ...] [--runs N] [--bodies N]

Targets (issue 10): `review check` without `--build` costs at most 1.2x `sciship check` on the same
project (it reuses one run of the checks); parsing reads at least 1,000 issue bodies per second.

The two commands are run alternately (A, B, A, B, ...) with a warm dependency cache, so a busy machine
slows both alike. Without arguments the projects are sciship itself and the two examples.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from _common import ensure_bytecode, sciship_exe

ROOT = Path(__file__).resolve().parents[1]
BODIES = ROOT / "tests" / "review" / "bodies"


def alternate(commands: list[list[str]], runs: int, env: dict[str, str]) -> list[list[float]]:
    times: list[list[float]] = [[] for _ in commands]
    for i in range(runs + 1):  # the first round warms the caches and is not counted
        for n, cmd in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            if i:
                times[n].append(time.perf_counter() - start)
    return times


def speed(projects: list[Path], runs: int) -> None:
    from sciship.project import Project

    cache = tempfile.mkdtemp(prefix="sciship-bench-cache-")
    env = {**os.environ, "XDG_CACHE_HOME": cache, "SCISHIP_CACHE_DIR": cache, "NO_COLOR": "1"}
    exe = sciship_exe()
    print("| project | .py files | sciship check (s) | review check (s) | ratio | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for project in projects:
        check, review = alternate(
            [
                [exe, "check", str(project), "--format", "json"],
                [exe, "review", "check", str(project), "--format", "json"],
            ],
            runs,
            env,
        )
        a, b = statistics.median(check), statistics.median(review)
        files = len(Project.load(project).python_files())
        print(f"| {project.name} | {files} | {a:.3f} | {b:.3f} | {b / a:.2f}x | <= 1.20x |")


def parsing(count: int) -> None:
    from sciship.checks import run_checks
    from sciship.project import Project
    from sciship.review import issue, submission

    bodies = [p.read_text(encoding="utf-8") for p in sorted(BODIES.glob("*.md"))]
    bodies += [b.replace("\n", "\r\n") for b in bodies]  # Windows line endings
    for root in (ROOT, ROOT / "examples" / "lake-temps"):  # full current-template bodies (~8 KB)
        project = Project.load(root)
        bodies.append(submission.write(project, run_checks(project)).text)
    sizes = [len(b) for b in bodies]
    start = time.perf_counter()
    done = 0
    while done < count:
        for body in bodies:
            issue.to_record(issue.parse_body(body))
            done += 1
    seconds = time.perf_counter() - start
    print(
        f"\nParsing: {done} bodies ({len(bodies)} distinct, {min(sizes)}-{max(sizes)} characters) "
        f"in {seconds:.2f} s = {done / seconds:,.0f} bodies per second (target: at least 1,000)."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("projects", type=Path, nargs="*")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bodies", type=int, default=20000)
    args = parser.parse_args()
    ensure_bytecode()
    projects = [p.resolve() for p in args.projects] or [
        ROOT,
        ROOT / "examples" / "lake-temps",
        ROOT / "examples" / "research-scripts",
    ]
    speed(projects, args.runs)
    parsing(args.bodies)


if __name__ == "__main__":
    main()
