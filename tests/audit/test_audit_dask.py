"""``sciship audit --scheduler``: the same audit on a real Dask cluster (a LocalCluster of two worker
processes on 127.0.0.1) gives the same rows; a worker killed mid-run loses nothing; an unreachable
scheduler is refused with a clear message."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from auditkit import (
    FIXTURES,
    audit_cli,
    bare_remote,
    big_project,
    earlier_audit,
    fixture_sources,
    start_audit,
    wait_for,
)

from sciship.audit.output import read_rows

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow  # a cluster of worker processes; about 20 s in all on a quiet machine


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        worker_dashboard_address=None,
    ) as local:
        yield local


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(tmp_path / "xdg-cache")}


def test_same_rows_as_the_local_pool(cluster: Any, tmp_path: Path, env: dict[str, str]) -> None:
    sources = [*fixture_sources(tmp_path), bare_remote("layout-missing-init", tmp_path)]
    sources.append((tmp_path / "missing.git").as_uri())
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert audit_cli(*sources, "--output", str(local), "--jobs", "2", env=env).returncode == 0
    # the scheduler named by the environment, the clones in a cache of their own
    dask_env = {**env, "SCISHIP_DASK_SCHEDULER": cluster.scheduler_address}
    result = audit_cli(*sources, "--output", str(dask), "--cache", str(tmp_path / "c"), env=dask_env)
    assert result.returncode == 0, result.stderr
    assert dask.read_text() == local.read_text()
    assert (tmp_path / "dask.summary.jsonl").read_text() == (tmp_path / "local.summary.jsonl").read_text()


def test_a_killed_worker_loses_nothing(cluster: Any, tmp_path: Path, env: dict[str, str]) -> None:
    sources = [big_project(tmp_path), *fixture_sources(tmp_path)]  # the first takes about a second
    reference = tmp_path / "reference.jsonl"
    assert audit_cli(*sources, "--output", str(reference), "--jobs", "2", env=env).returncode == 0
    out = tmp_path / "results.jsonl"
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as watcher:
        proc = start_audit(*sources, "--output", str(out), "--scheduler", cluster.scheduler_address, env=env)
        busy: list[tuple[str, str]] = []  # (worker, key) of the big repository's task

        def big_one_is_running() -> bool:
            busy[:] = [
                (worker, str(key))
                for worker, keys in watcher.processing().items()
                for key in keys
                if str(key).startswith("sciship-audit-") and str(key).endswith("-0")
            ]
            return bool(busy) or proc.poll() is not None

        wait_for(big_one_is_running, step=0.005)
        assert proc.poll() is None, "the audit finished before a worker could be killed"
        worker, key = busy[0]
        pid = watcher.run(os.getpid, workers=[worker])[worker]
        os.kill(pid, signal.SIGKILL)
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr
        assert out.read_text() == reference.read_text()
        story = watcher.run_on_scheduler(_story, key=key)
        assert story.count("processing") >= 2, f"the task should have run twice: {story}"
        # the nanny starts a new worker: the cluster is whole again for the next test
        wait_for(lambda: len(watcher.scheduler_info()["workers"]) == 2, timeout=30)


def _story(dask_scheduler: Any, key: str) -> list[str]:
    """The states the scheduler moved ``key`` into, in order."""
    return [str(t[2]) for t in dask_scheduler.story(key)]


def test_an_unreachable_scheduler_is_refused_and_the_results_kept(
    tmp_path: Path, env: dict[str, str]
) -> None:
    sources = fixture_sources(tmp_path, FIXTURES[:1])
    out = tmp_path / "results.csv"
    before = earlier_audit(out)
    started = time.monotonic()
    result = audit_cli(
        *sources, "--output", str(out), "--resume", "--scheduler", "tcp://127.0.0.1:9",
        env={**env, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"},
    )  # fmt: skip
    assert result.returncode == 2
    assert "could not reach a Dask scheduler at `tcp://127.0.0.1:9`" in result.stderr
    assert "What to do:" in result.stderr
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 20
    assert {path: path.read_bytes() for path in before} == before


def test_a_lost_scheduler_stops_the_run_and_keeps_what_finished(tmp_path: Path, env: dict[str, str]) -> None:
    dask = str(Path(sys.executable).parent / "dask")
    log = tmp_path / "scheduler.log"
    scheduler = _daemon([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"], log)
    worker = None
    try:
        wait_for(lambda: "Scheduler at:" in log.read_text(), timeout=60)
        address = log.read_text().split("Scheduler at:")[1].split()[0]
        worker_cmd = [dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"]
        worker = _daemon(worker_cmd, tmp_path / "worker.log")
        sources = [*fixture_sources(tmp_path), big_project(tmp_path)]
        out = tmp_path / "results.csv"
        journal = tmp_path / "results.csv.partial.jsonl"
        proc = start_audit(*sources, "--output", str(out), "--scheduler", address, env=env)
        wait_for(
            lambda: (journal.exists() and journal.read_text().count("\n") >= 1) or proc.poll() is not None
        )
        os.killpg(scheduler.pid, signal.SIGKILL)
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 1
        assert "The connection to the Dask scheduler" in stderr
        assert "--resume" in stderr
        assert "Traceback" not in stderr
        assert not journal.exists()
        finished = {r.repository for r in read_rows(out, "csv")}
        assert finished
        assert finished < set(sources)
    finally:
        for daemon in (worker, scheduler):
            if daemon is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(daemon.pid, signal.SIGKILL)
                daemon.wait()


def _daemon(cmd: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as fh:
        return subprocess.Popen(
            cmd, cwd=log.parent, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True
        )
