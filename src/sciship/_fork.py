"""Run a function in a forked child process and take its result later: the second CPU for the import scan
and the data flow.

A plain ``os.fork`` and a pipe. ``concurrent.futures``' process pool did the same, but importing it and
``multiprocessing`` cost 20-50 ms at every start, as much as the work it shared on a small folder. The
child inherits everything in memory (the files read so far, the compiled patterns); only the result
travels back, pickled. Anything that goes wrong in the child makes :meth:`Forked.result` raise
:class:`ChildFailed`, and callers then do the work themselves: a child is only ever a speed-up.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
from collections.abc import Callable
from typing import Any

#: the children started here whose results were not taken yet
RUNNING: dict[int, Forked] = {}


def busy() -> int:
    """How many CPUs this process's children keep busy now (a pool sized later should leave them): those
    still working, not those whose result waits to be taken."""
    return sum(1 for child in list(RUNNING.values()) if not child.done())


def cpus() -> int:
    """How many CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class ChildFailed(Exception):
    """The child process could not give its result (it died, or its function raised)."""


def can_fork() -> bool:
    """Whether this process may fork a child: the system can (not Windows) and no other thread runs
    (a thread holding a lock at the fork would leave the lock held in the child forever)."""
    import threading

    return hasattr(os, "fork") and threading.active_count() == 1


class Forked:
    """``function(*args)`` running in a forked child; :meth:`result` waits for it.

    Raises OSError when the system refuses the fork (too many processes, no memory).
    """

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        collect_left()
        parent = os.getpid()
        read, write = os.pipe()
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            with contextlib.suppress(AttributeError, OSError, ValueError):
                stream.flush()
        pid = os.fork()
        if pid == 0:  # the child: work, send, and leave without running any of the parent's exit code
            code = 0
            try:
                # no garbage collection in a child that lives for one task: a full one would touch every
                # object it shares with the parent, making the system copy those pages (and collecting
                # cost a tenth of the data-flow extraction)
                gc.disable()
                _leave_with(parent)
                RUNNING.clear()  # the parent's children are not this one's
                LEAVING.clear()
                os.close(read)
                try:
                    data = pickle.dumps((True, function(*args)), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:  # anything: the parent does the work itself
                    data = pickle.dumps((False, None))
                    code = 1
                with os.fdopen(write, "wb") as out:
                    out.write(data)
            except BaseException:  # a closed pipe (the parent gave up)
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self.pid = pid
        RUNNING[pid] = self
        self._read: int | None = read

    def done(self) -> bool:
        """Whether the child has finished (its result can be read without waiting)."""
        if self._read is None:
            return True
        import select

        ready, _, _ = select.select([self._read], [], [], 0)
        return bool(ready)

    def result(self) -> Any:
        """The function's return value; raises :class:`ChildFailed` when there is none."""
        if self._read is None:
            raise ChildFailed("the result was already taken, or the child was stopped")
        fd, self._read = self._read, None
        try:
            with os.fdopen(fd, "rb") as pipe:
                data = pipe.read()
        finally:
            self._reap(wait=False)
        try:
            ok, value = pickle.loads(data)  # noqa: S301 - our own child's bytes, from our own pipe
        except Exception as exc:  # empty (the child died) or cut short
            raise ChildFailed("the child process ended without a result") from exc
        if not ok:
            raise ChildFailed("the child process failed")
        return value

    def cancel(self) -> None:
        """Stop the child (when it still runs) and forget its result."""
        if self._read is not None:
            os.close(self._read)
            self._read = None
            try:
                import signal

                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
            self._reap()

    def _reap(self, *, wait: bool = True) -> None:
        """Collect the ended child; without ``wait``, a child still leaving (the system takes 1-2 ms to
        free its memory after it sent its result) is collected by the next fork, or when this process
        ends."""
        RUNNING.pop(self.pid, None)
        if wait:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
        else:
            if not _AT_EXIT:
                import atexit

                atexit.register(_collect_all)
                _AT_EXIT.append(True)
            LEAVING.append(self.pid)
            collect_left()


def _leave_with(parent: int) -> None:
    """In a child: end when ``parent`` ends first (killed by a time limit, or by hand), rather than go on
    using a CPU for nobody (fyz11/LightSheetPaper_Code: a child left at 100% after its parent was
    killed)."""
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(0.2)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


#: children that sent their result and may still be leaving: collected without waiting for them
LEAVING: list[int] = []


_AT_EXIT: list[bool] = []  #: whether :func:`_collect_all` will run at exit


def _collect_all() -> None:
    """At exit: wait for the children still leaving (long gone by then), so that none outlives this
    process unaccounted (its CPU time counts for this process, as with any child)."""
    for pid in LEAVING:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    LEAVING.clear()


def collect_left() -> None:
    """Collect the children of :data:`LEAVING` that have ended (never waits)."""
    for pid in list(LEAVING):
        try:
            ended, _status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            ended = pid
        if ended:
            LEAVING.remove(pid)


class Split:
    """A list of ``count`` items shared between a forked child, which takes them from the front, and this
    process, which takes them from the back once it has time: nobody needs to know beforehand how long
    each item takes, and both finish at about the same time.

    Two counters in memory both processes see (an anonymous shared mapping, made before the fork). Each
    process moves only its own counter, after reading the other's: a stale read can only make both take
    the one item where they meet (done twice, same answer), never leave one out.
    """

    def __init__(self, count: int) -> None:
        import mmap

        self._memory = mmap.mmap(-1, 8)
        self._counters = memoryview(self._memory).cast("i")
        self._counters[0] = 0  #: items [0, front) are the child's
        self._counters[1] = count  #: items [back, count) are this process's
        self.count = count

    def front(self) -> int | None:
        """The next item for the child (None: all are taken)."""
        i = self._counters[0]
        if i >= self._counters[1]:
            return None
        self._counters[0] = i + 1
        return i

    def taken_from_back(self) -> int:
        """How many items the back side has taken so far (as this process sees it)."""
        return self.count - self._counters[1]

    def back(self) -> int | None:
        """The next item for this process (None: all are taken)."""
        j = self._counters[1] - 1
        if j < self._counters[0]:
            return None
        self._counters[1] = j
        return j
