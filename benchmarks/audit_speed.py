"""`sciship audit` throughput: repositories per minute with 1 and 2 workers, local pool vs a Dask
LocalCluster, the cost of cloning, and the cost per repository against `sciship check` run alone.

Usage: python benchmarks/audit_speed.py [REPO_DIR ...] [--limit N] [--runs N]

Each REPO_DIR is a git checkout of a real project; by default the first ``--limit`` folders under
/work/repos/pyos (pyOpenSci-reviewed packages). Every run starts with an empty user cache (no scan
cache, no clones). "clone" rows audit the same repositories as ``file://`` URLs, so each is shallow-cloned
from local disk first: that is the floor of cloning cost (over a network add the transfer). The Dask
rows run on a LocalCluster started beforehand (one thread per worker process, as the README
recommends), as a user's existing cluster would be; the local pool's start-up is included in its rows.

Prints a Markdown table; never asserts timings. Writes .jsonl (no pyarrow needed). Peak RSS is the
largest worker process's (as the audit reports it), or the largest `sciship check` process's.
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
from pathlib import Path

from _common import ensure_bytecode, sciship_exe


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
    assert len(repos) >= 2, "give at least two git checkouts"
    work = Path(tempfile.mkdtemp(prefix="sciship-bench-audit-"))
    folders = work / "folders.txt"
    folders.write_text("".join(f"{r}\n" for r in repos))
    urls = work / "urls.txt"
    urls.write_text("".join(f"{r.as_uri()}\n" for r in repos))
    files = sum(_files(r) for r in repos)
    print(f"{len(repos)} repositories, {files} files in git; {os.cpu_count()} cores; runs: {args.runs}\n")

    setups: list[tuple[str, list[str], str]] = [  # (name, audit arguments, cache handling)
        ("audit, local pool, 1 worker, folders", [str(folders), "--jobs", "1"], "fresh"),
        ("audit, local pool, 2 workers, folders", [str(folders), "--jobs", "2"], "fresh"),
        ("audit, local pool, 1 worker, shallow clones", [str(urls), "--jobs", "1"], "fresh"),
        ("audit, local pool, 2 workers, shallow clones", [str(urls), "--jobs", "2"], "fresh"),
        ("audit, local pool, 2 workers, clones reused", [str(urls), "--jobs", "2"], "keep-clones"),
    ]
    times: dict[str, list[float]] = {name: [] for name, _, _ in setups}
    peaks: dict[str, float] = {}
    check_name = "`sciship check`, one process per repository, one after another"
    times[check_name] = []
    for _ in range(args.runs):  # interleaved, so a burst of load from elsewhere hits every setup alike
        seconds, peak = _check_alone(repos, work)
        times[check_name].append(seconds)
        peaks[check_name] = max(peaks.get(check_name, 0.0), peak)
        for name, audit_args, cache in setups:
            seconds, peak = _audit(audit_args, work, keep_clones=cache == "keep-clones")
            times[name].append(seconds)
            peaks[name] = max(peaks.get(name, 0.0), peak)
    order = [check_name, *(name for name, _, _ in setups)]
    if not args.skip_dask:
        for workers in (1, 2):
            name = f"audit, Dask LocalCluster, {workers} worker process{'es' if workers > 1 else ''}"
            times[name], peaks[name] = _dask(folders, work, args.runs, workers)
            order.append(name)
    print(_table([(name, times[name], peaks[name]) for name in order], len(repos)))
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


_PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _check_alone(repos: Sequence[Path], work: Path) -> tuple[float, float]:
    """Seconds for all repositories, and the peak resident memory (MB) of the largest `check`."""
    total, peak = 0.0, 0.0
    for repo in repos:
        cache = work / "check-cache"
        shutil.rmtree(cache, ignore_errors=True)
        cmd = [sys.executable, "-c", _PEAK, sciship_exe(), "check", str(repo), "--format", "json"]
        start = time.perf_counter()
        out = subprocess.run(cmd, env=_env(cache), capture_output=True, text=True, check=True)
        total += time.perf_counter() - start
        peak = max(peak, int(out.stdout.strip() or 0) / 1024)
    return total, peak


def _audit(
    args: Sequence[str], work: Path, *, keep_clones: bool = False, scheduler: str = ""
) -> tuple[float, float]:
    """Seconds of one audit (from an empty cache, or with the clones of the last run), and the
    largest peak resident memory of a worker process (MB), as the audit reports it."""
    cache = work / ("dask-cache" if scheduler else "clone-cache")
    if keep_clones:
        shutil.rmtree(cache / "sciship" / f"scan-{_version()}", ignore_errors=True)  # the clones stay
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
    return seconds, float(json.loads(proc.stdout)["this_run"]["worker_peak_mb"])


def _dask(folders: Path, work: Path, runs: int, workers: int) -> tuple[list[float], float]:
    from distributed import LocalCluster

    times, peak = [], 0.0
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:  # fmt: skip
        for _ in range(runs):
            seconds, mb = _audit([str(folders)], work, scheduler=cluster.scheduler_address)
            times.append(seconds)
            peak = max(peak, mb)
    return times, peak


def _version() -> str:
    from sciship import __version__

    return __version__


def _assert_no_errors(out: Path) -> None:
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    errors = [r for r in rows if r["code"] == "ERROR"]
    assert not errors, errors[:3]


def _table(results: Sequence[tuple[str, list[float], float]], count: int) -> str:
    base = statistics.median(results[0][1]) / count
    out = [
        (
            "| setup | wall, median (s) | min (s) | repositories / minute | s per repository "
            "| vs check alone | peak RSS (MB) |"
        ),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, times, rss in results:
        wall = statistics.median(times)
        per = wall / count
        peak = f"{rss:.0f}" if rss else "-"
        out.append(
            f"| {name} | {wall:.1f} | {min(times):.1f} | {count / wall * 60:.1f} | {per:.2f} "
            f"| {per / base:.2f}x | {peak} |"
        )
    return "\n".join(out)


if __name__ == "__main__":
    main()
