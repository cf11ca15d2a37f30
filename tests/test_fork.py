"""sciship._fork: a function in a forked child, its result through a pipe; failures are ChildFailed."""

from __future__ import annotations

import os
import signal
import time

import pytest

from sciship._fork import ChildFailed, Forked, can_fork

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def _square_all(values: list[int]) -> list[int]:
    return [v * v for v in values]


def _fail() -> None:
    raise ValueError("in the child")


def _sleep() -> int:
    time.sleep(30)
    return 1


def test_the_result_comes_back_large_or_small() -> None:
    assert Forked(_square_all, [1, 2, 3]).result() == [1, 4, 9]
    big = list(range(200_000))  # far more than a pipe holds at once
    assert Forked(_square_all, big).result() == [v * v for v in big]


def test_a_failing_function_or_a_dead_child_is_child_failed() -> None:
    with pytest.raises(ChildFailed):
        Forked(_fail).result()
    child = Forked(_sleep)
    assert not child.done()
    os.kill(child.pid, signal.SIGKILL)
    with pytest.raises(ChildFailed):
        child.result()
    with pytest.raises(ChildFailed):  # taken once only
        child.result()


def test_cancel_stops_the_child_and_leaves_no_zombie() -> None:
    child = Forked(_sleep)
    child.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # already reaped
    child.cancel()  # twice is harmless


def test_can_fork_only_without_other_threads() -> None:
    import threading

    gate = threading.Event()
    thread = threading.Thread(target=gate.wait)
    thread.start()
    try:
        assert not can_fork()
    finally:
        gate.set()
        thread.join()


def test_a_child_counts_as_busy_until_it_has_finished() -> None:
    """A pool sized while a child works leaves it a CPU; a child whose result only waits to be taken
    uses none."""
    from sciship._fork import busy

    before = busy()
    child = Forked(time.sleep, 0.3)
    assert busy() == before + 1
    time.sleep(0.6)
    assert busy() == before  # finished: its result waits in the pipe
    child.result()
    assert busy() == before


def test_a_child_whose_result_was_taken_is_collected_without_waiting_for_it() -> None:
    """Taking the result does not wait for the child to leave (the system frees its memory meanwhile);
    the next fork collects it, and it never stays a zombie for long."""
    from sciship import _fork

    child = Forked(_square_all, [2])
    assert child.result() == [4]
    deadline = time.monotonic() + 10
    while child.pid in _fork.LEAVING and time.monotonic() < deadline:
        time.sleep(0.01)
        _fork.collect_left()
    assert child.pid not in _fork.LEAVING
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # collected
    other = Forked(_square_all, [3])
    assert other.result() == [9]


def test_a_child_ends_when_its_parent_is_killed() -> None:
    """fyz11/LightSheetPaper_Code: after the parent was killed (a time limit), its forked child went on at
    100% of a CPU for nobody. It now ends within a moment of its parent."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import time\nfrom sciship._fork import Forked\n"
        "def work():\n    time.sleep(60)\n"
        "child = Forked(work)\nprint(child.pid, flush=True)\ntime.sleep(60)\n"
    )
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) as parent:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        parent.kill()
        parent.wait()

    def alive(pid: int) -> bool:
        status = Path(f"/proc/{pid}/status")
        try:
            state = next(line for line in status.read_text().splitlines() if line.startswith("State:"))
        except (OSError, StopIteration):
            return False
        return "zombie" not in state and " Z" not in state

    deadline = time.monotonic() + 5
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = alive(child)
    if left:  # (clean up before failing)
        os.kill(child, signal.SIGKILL)
    assert not left
