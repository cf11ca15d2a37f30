"""`sciship audit` throughput: repositories per minute with 1 and 2 workers, local pool vs a Dask
LocalCluster, the cost of cloning, and the cost per repository against `sciship check` run alone.

Usage: python benchmarks/audit_speed.py [REPO_DIR ...] [--limit N] [--runs N]

Each REPO_DIR is a git checkout of a real project; by default the first ``--limit`` folders under
/work/repos/pyos (pyOpenSci-reviewed packages). Every run starts with an empty user cache (no scan
cache, no clones). "clone" rows audit the same repositories as ``file://`` URLs, so each is shallow-cloned
from local disk first: that is the floor of cloning cost (over a network add the transfer). The Dask
rows run on a LocalCluster started beforehand (one thread per worker process, as the README
recommends), as a user's existing cluster would be; the local pool's start-up is included in its rows.

Wall time on a busy machine says little; the processor time of the work ("CPU s") does not depend on
what else runs, so the table shows both. Prints a Markdown table; never asserts timings. Writes .jsonl
(no pyarrow needed). Peak RSS is the largest worker process's (as the audit reports it), or the
largest `sciship check` process's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from _common import ensure_bytecode, sciship_exe


@dataclass
class Measure:
    times: list[float] = field(default_factory=list)  #: wall seconds per run
    cpu: list[float] = field(default_factory=list)  #: processor seconds of the work per run
    peak: float = 0.0  #: peak resident memory (MB) of the largest worker (or check) process

    def add(self, seconds: float, cpu: float, peak: float) -> None:
        self.times.append(seconds)
        self.cpu.append(cpu)
        self.peak = max(self.peak, peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("repos", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    ensure_bytecode()
    repos = args.repos or sorted(p for p in Path("/work/repos/pyos").iterdir() if (p / ".git").exists())
    repos = [r.resolve() for r in repos if _files(r) > 0 and _clones(r)][: args.limit]
    assert len(repos) >= 2, "give at least two git checkouts that clone"
    work = Path(tempfile.mkdtemp(prefix="sciship-bench-audit-"))
    folders = work / "folders.txt"
    folders.write_text("".join(f"{r}\n" for r in repos))
    urls = work / "urls.txt"
    urls.write_text("".join(f"{r.as_uri()}\n" for r in repos))
    files = sum(_files(r) for r in repos)
    load = os.getloadavg()[0]
    print(
        f"{len(repos)} repositories, {files} files in git; {os.cpu_count()} cores (load {load:.1f}); ", end=""
    )
    print(f"runs: {args.runs}\n")

    setups: list[tuple[str, list[str], str]] = [  # (name, audit arguments, cache handling)
        ("audit, local pool, 1 worker, folders", [str(folders), "--jobs", "1"], "fresh"),
        ("audit, local pool, 2 workers, folders", [str(folders), "--jobs", "2"], "fresh"),
        ("audit, local pool, 1 worker, shallow clones", [str(urls), "--jobs", "1"], "fresh"),
        ("audit, local pool, 2 workers, shallow clones", [str(urls), "--jobs", "2"], "fresh"),
        ("audit, local pool, 2 workers, clones reused", [str(urls), "--jobs", "2"], "keep-clones"),
    ]
    check_name = "`sciship check`, one process per repository, one after another"
    found: dict[str, Measure] = {check_name: Measure(), **{name: Measure() for name, _, _ in setups}}
    for _ in range(args.runs):  # interleaved, so a burst of load from elsewhere hits every setup alike
        found[check_name].add(*_check_alone(repos, work))
        for name, audit_args, cache in setups:
            found[name].add(*_audit(audit_args, work, keep_clones=cache == "keep-clones"))
    if not args.skip_dask:
        for workers in (1, 2):
            name = f"audit, Dask LocalCluster, {workers} worker process{'es' if workers > 1 else ''}"
            found[name] = _dask(folders, work, args.runs, workers)
    print(_table(found, len(repos)))
    clones = work / "clone-cache" / "sciship" / "audit" / "repos"
    if clones.exists():
        size = sum(f.stat().st_size for f in clones.rglob("*") if f.is_file() and not f.is_symlink())
        print(
            f"\nShallow clones on disk: {size / 1e6:.0f} MB for {len(repos)} repositories "
            f"({size / 1e6 / len(repos):.1f} MB each on average)."
        )
    shutil.rmtree(work, ignore_errors=True)


def _clones(repo: Path) -> bool:
    """Whether a shallow clone of ``repo`` works (snapshots without their large files do not clone)."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(Path(tmp) / "c")]
        return subprocess.run(cmd, capture_output=True, check=False).returncode == 0


def _files(repo: Path) -> int:
    proc = subprocess.run(["git", "-C", str(repo), "ls-files"], capture_output=True, text=True, check=False)
    return len(proc.stdout.splitlines())


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1", "SCISHIP_NO_PROGRESS": "1"}


_RUSAGE = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)\n"
    "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(r.ru_utime + r.ru_stime, r.ru_maxrss)\n"
)


def _check_alone(repos: Sequence[Path], work: Path) -> tuple[float, float, float]:
    """Wall and processor seconds for all repositories; the peak memory (MB) of the largest `check`."""
    wall, cpu, peak = 0.0, 0.0, 0.0
    for repo in repos:
        cache = work / "check-cache"
        shutil.rmtree(cache, ignore_errors=True)
        cmd = [sys.executable, "-c", _RUSAGE, sciship_exe(), "check", str(repo), "--format", "json"]
        start = time.perf_counter()
        out = subprocess.run(cmd, env=_env(cache), capture_output=True, text=True, check=True)
        wall += time.perf_counter() - start
        seconds, rss = out.stdout.split()
        cpu += float(seconds)
        peak = max(peak, int(rss) / 1024)
    return wall, cpu, peak


def _audit(
    args: Sequence[str], work: Path, *, keep_clones: bool = False, scheduler: str = ""
) -> tuple[float, float, float]:
    """Wall seconds of one audit (from an empty cache, or with the clones of the last run), the tasks'
    processor seconds, and the largest peak memory of a worker process (MB), as the audit reports them."""
    cache = work / ("dask-cache" if scheduler else "clone-cache")
    if keep_clones:  # the clones stay; the scan and flow caches go
        for entry in (cache / "sciship").glob("*"):
            if entry.name != "audit":
                shutil.rmtree(entry, ignore_errors=True)
    else:
        shutil.rmtree(cache, ignore_errors=True)
    out = work / "out.jsonl"
    for f in (out, work / "out.summary.jsonl"):
        f.unlink(missing_ok=True)
    where = ["--scheduler", scheduler] if scheduler else []
    cmd = [sciship_exe(), "audit", *args, *where, "--output", str(out), "--format", "json"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=_env(cache), capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    _assert_no_errors(out)
    this_run = json.loads(proc.stdout)["this_run"]
    return seconds, float(this_run["cpu_seconds"]), float(this_run["worker_peak_mb"])


def _dask(folders: Path, work: Path, runs: int, workers: int) -> Measure:
    from distributed import LocalCluster

    found = Measure()
    cache = work / "dask-cache"
    os.environ["XDG_CACHE_HOME"] = str(cache)  # the workers' scan cache: emptied before every run
    try:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster:  # fmt: skip
            for _ in range(runs):
                found.add(*_audit([str(folders)], work, scheduler=cluster.scheduler_address))
    finally:
        del os.environ["XDG_CACHE_HOME"]
    return found


def _assert_no_errors(out: Path) -> None:
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    errors = [r for r in rows if r["code"] == "ERROR"]
    assert not errors, errors[:3]


def _table(found: dict[str, Measure], count: int) -> str:
    base = statistics.median(next(iter(found.values())).times) / count
    out = [
        (
            "| setup | wall, median (s) | min (s) | repositories / minute | s per repository "
            "| vs check alone | CPU s per repository | peak RSS (MB) |"
        ),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, m in found.items():
        wall = statistics.median(m.times)
        per = wall / count
        cpu = statistics.median(m.cpu) / count
        out.append(
            f"| {name} | {wall:.1f} | {min(m.times):.1f} | {count / wall * 60:.1f} | {per:.2f} "
            f"| {per / base:.2f}x | {cpu:.2f} | {m.peak:.0f} |"
        )
    return "\n".join(out)


if __name__ == "__main__":
    main()
