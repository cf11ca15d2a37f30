"""How fast is `sciship build` (with its smoke test) against the manual sequence a careful user runs?

Run:
    .venv/bin/python benchmarks/build_speed.py [--runs 3]

The package comes from `sciship new` (a small realistic package: src layout, tests, docs, CITATION.cff).
Each run works on a fresh copy of it. The rows:

- manual: `python -m build`, `python -m venv`, `venv/bin/pip install dist/*.whl`, `venv/bin/python -c
  "import pkg"` -- one after the other, timed together (it checks less: no README rendering, no check of
  the wheel's contents, only the top-level import);
- `sciship build`: build (sdist, then the wheel from the sdist), all checks, fresh venv, install, import
  every module, run every command -- with uv when it is installed;
- `sciship build` without uv (the library with ``use_uv=False``): what users without uv get.

Target: `sciship build` at most half the manual wall time. Prints a Markdown table of medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

NAME = "rain-tools"
MODULE = "rain_tools"
GIT = {
    "GIT_AUTHOR_NAME": "Ada Lovelace",
    "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.org",
}


def sciship_exe() -> str:
    return shutil.which("sciship") or str(Path(sys.executable).with_name("sciship"))


def make_template(base: Path) -> Path:
    target = base / "template" / NAME
    env = {**os.environ, **GIT, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sciship_exe(), "new", NAME, "--directory", str(target)],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if proc.returncode != 0 or not (target / "pyproject.toml").is_file():
        sys.exit(f"`sciship new` failed, cannot benchmark:\n{proc.stdout}\n{proc.stderr}")
    return target


def run(cmd: list[str], cwd: Path) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}")


def manual(project: Path) -> None:
    py = sys.executable
    run([py, "-m", "build"], project)
    run([py, "-m", "venv", "venv"], project)
    wheels = [str(p) for p in (project / "dist").glob("*.whl")]
    run([str(project / "venv/bin/pip"), "install", *wheels], project)
    run([str(project / "venv/bin/python"), "-c", f"import {MODULE}"], project)


def sciship_build(project: Path) -> None:
    run([sciship_exe(), "build", str(project)], project)


def sciship_no_uv(project: Path) -> None:
    code = (
        "import sys; from sciship import release as r; "
        "sys.exit(0 if r.build(sys.argv[1], use_uv=False).ok else 1)"
    )
    run([sys.executable, "-c", code, str(project)], project)


def timed(fn: Callable[[Path], None], template: Path, base: Path, runs: int) -> list[float]:
    times = []
    for i in range(runs):
        project = base / f"{fn.__name__}-{i}" / NAME
        shutil.copytree(template, project, ignore=shutil.ignore_patterns("dist", "venv"))
        start = time.perf_counter()
        fn(project)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from sciship.release import find_uv

    with tempfile.TemporaryDirectory(prefix="sciship-bench-build-") as tmp:
        base = Path(tmp)
        template = make_template(base)
        # one unmeasured run of each, so download caches (pip, uv) are warm for everyone
        for fn in (manual, sciship_build, sciship_no_uv):
            timed(fn, template, base / "warmup", 1)
        rows = [
            (
                "manual: python -m build + venv + pip install + import",
                timed(manual, template, base, args.runs),
            ),
            (
                f"sciship build (smoke test, {'uv' if find_uv() else 'pip'})",
                timed(sciship_build, template, base, args.runs),
            ),
            (
                "sciship build without uv (smoke test, venv + pip)",
                timed(sciship_no_uv, template, base, args.runs),
            ),
        ]
    base_median = statistics.median(rows[0][1])
    print(
        f"`sciship build` vs the manual sequence on a `sciship new` package, median of {args.runs} runs "
        f"(Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)\n"
    )
    print("| sequence | median (s) | min (s) | max (s) | vs manual |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, ts in rows:
        med = statistics.median(ts)
        print(f"| {name} | {med:.2f} | {min(ts):.2f} | {max(ts):.2f} | {med / base_median:.2f}x |")


if __name__ == "__main__":
    main()
