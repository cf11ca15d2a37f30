"""`sciship check` against repo-review (sp-repo-review) on the same folder, side by side.

Usage: python benchmarks/check_speed.py PROJECT_DIR [--runs N]

Use a large real project, for example a checkout of unionai-oss/pandera (~440 Python files). sciship is
timed with a cold dependency cache (emptied before every run) and a warm one.
Target (issue 2): sciship check (static) at most half of repo-review's time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from _common import ensure_bytecode, peers_venv, sciship_exe, table, time_command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_bytecode()
    project = args.project.resolve()
    peers = peers_venv("sp-repo-review[cli]")
    cache = Path(tempfile.mkdtemp(prefix="sciship-bench-cache-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1"}

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)
        cache.mkdir()

    py_files = sum(1 for _ in project.rglob("*.py"))
    print(f"Project: {project} ({py_files} Python files)\n")
    rows = [
        ("sciship check (cold cache)",
         time_command([sciship_exe(), "check", str(project), "--format", "json"], runs=args.runs, env=env,
                      before=empty_cache)),
        ("sciship check (warm cache)",
         time_command([sciship_exe(), "check", str(project), "--format", "json"], runs=args.runs, env=env)),
        ("repo-review", time_command([str(peers / "repo-review"), str(project), "--format", "json"],
                                     runs=args.runs)),
    ]
    print(table(rows, baseline="repo-review"))
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
