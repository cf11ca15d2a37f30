"""Shared helpers for the benchmark scripts: timing commands and printing tables.

Benchmarks print numbers; they never assert timings. Peer tools are installed into a separate virtual
environment (default /tmp/sciship-bench-peers) so they never mix with sciship's own environment.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

PEERS = Path(os.environ.get("SCISHIP_BENCH_PEERS") or Path(tempfile.gettempdir()) / "sciship-bench-peers")


def peers_venv(*requirements: str) -> Path:
    """A venv holding the peer tools; created (or topped up) on first use. Returns its bin folder."""
    bin_dir = PEERS / "bin"
    if not (bin_dir / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
    missing = [r for r in requirements if not _has(bin_dir, r)]
    if missing:
        subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", *missing], check=True,
                       stderr=subprocess.DEVNULL)
    return bin_dir


def _has(bin_dir: Path, requirement: str) -> bool:
    name = re.split(r"[\[=<>~!]", requirement, maxsplit=1)[0]
    probe = subprocess.run([str(bin_dir / "python"), "-m", "pip", "show", "-q", name], capture_output=True,
                           check=False)
    return probe.returncode == 0


def ensure_bytecode() -> None:
    """Compile sciship's modules once, as `pip install` does for a normal install.

    With PYTHONDONTWRITEBYTECODE set (as on some machines) an editable install would otherwise recompile
    every module on every run, a cost real users never pay, while the peers' installed bytecode is used.
    """
    import sciship

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(sciship.__file__).parent)],
                   check=False, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""})


def sciship_exe() -> str:
    exe = shutil.which("sciship") or str(Path(sys.executable).with_name("sciship"))
    return exe


def time_command(cmd: Sequence[str], *, runs: int = 5, warmup: int = 1, cwd: Path | None = None,
                 env: dict[str, str] | None = None, before: object = None) -> list[float]:
    """Wall-clock seconds of ``runs`` runs (after ``warmup`` unmeasured ones)."""
    times: list[float] = []
    for i in range(warmup + runs):
        if callable(before):
            before()
        start = time.perf_counter()
        subprocess.run(list(cmd), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        elapsed = time.perf_counter() - start
        if i >= warmup:
            times.append(elapsed)
    return times


def table(rows: Sequence[tuple[str, list[float]]], *, baseline: str | None = None) -> str:
    """A Markdown table of median / min / max and the ratio to ``baseline``."""
    med = {name: statistics.median(ts) for name, ts in rows}
    out = ["| command | median (s) | min (s) | max (s) | vs " + (baseline or "-") + " |",
           "| --- | ---: | ---: | ---: | ---: |"]
    for name, ts in rows:
        ratio = f"{med[name] / med[baseline]:.2f}x" if baseline and med.get(baseline) else "-"
        out.append(f"| {name} | {med[name]:.3f} | {min(ts):.3f} | {max(ts):.3f} | {ratio} |")
    return "\n".join(out)
