"""Where the tasks run: a local pool of worker processes, or an existing Dask distributed cluster.

Both sit behind :class:`Executor`: ``run(fn, tasks, lost)`` submits one task per repository and yields
the results as they complete. Neither schedules anything itself: the local pool is the standard
library's :class:`~concurrent.futures.ProcessPoolExecutor`, the cluster is ``dask.distributed``'s
scheduler (with its own ``retries=`` and its own rescheduling of tasks from a lost worker).

A task whose worker process dies (killed, out of memory) is run again, at most ``retries`` more times;
after that ``lost(task, reason)`` stands for its result, so one repository that kills its worker every
time cannot stop the run.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sciship._errors import CommandFailed, InputError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")

#: how many more times a task runs when its worker process dies
RETRIES = 2
#: seconds to wait for a Dask scheduler to answer
CONNECT_TIMEOUT = 10
#: Dask's own setting for how long to try to connect (``2s``); when set, it replaces CONNECT_TIMEOUT
_DASK_CONNECT_ENV = "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT"
#: the environment variable that names a Dask scheduler when ``--scheduler`` is not given
SCHEDULER_ENV = "SCISHIP_DASK_SCHEDULER"


class Executor(Protocol):
    """Runs one function over many tasks; results come back in the order they complete."""

    #: for people: ``4 local worker processes`` / ``Dask cluster at tcp://...``
    description: str
    #: tasks that were sent again because a worker died (for the final report)
    resent: int

    def run(self, fn: Callable[[T], R], tasks: Sequence[T], lost: Callable[[T, str], R]) -> Iterator[R]: ...

    def close(self) -> None: ...


def default_jobs() -> int:
    """How many worker processes to start without ``--jobs``: the processors this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _died(times: int) -> str:
    return (
        f"The worker process reviewing this repository stopped {times} times (killed, or out of memory), "
        "so sciship gave up on it. Try it alone with `sciship check`."
    )


# ---------------------------------------------------------------------- local
class LocalPool:
    """``jobs`` worker processes on this machine (``concurrent.futures.ProcessPoolExecutor``).

    At most ``jobs`` tasks are in flight, so when a worker dies the tasks sent again are the ones
    that were running, not the whole queue. Workers start from a fork server that has sciship
    imported already (or are spawned where there is none): never a fork of this threaded process.
    """

    def __init__(self, jobs: int | None = None, *, retries: int = RETRIES) -> None:
        self.jobs = max(1, jobs or default_jobs())
        self.retries = retries
        self.resent = 0
        self.description = f"{self.jobs} local worker process{'es' if self.jobs != 1 else ''}"
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if "forkserver" in multiprocessing.get_all_start_methods():
            server = multiprocessing.get_context("forkserver")
            server.set_forkserver_preload(["sciship.audit.task", "sciship.checks", "sciship.project"])
            return ProcessPoolExecutor(self.jobs, mp_context=server)
        return ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"))

    def run(self, fn: Callable[[T], R], tasks: Sequence[T], lost: Callable[[T, str], R]) -> Iterator[R]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        pending: deque[int] = deque(range(len(tasks)))
        deaths = [0] * len(tasks)
        running: dict[Future[R], int] = {}
        pool = self._pool = self._new_pool()
        while pending or running:
            while pending and len(running) < self.jobs:
                i = pending.popleft()
                try:
                    running[pool.submit(fn, tasks[i])] = i
                except BrokenProcessPool:  # a worker died while idle: the pool is unusable
                    pending.appendleft(i)
                    if running:
                        break  # their futures fail too; the pool is replaced below
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = self._pool = self._new_pool()
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                i = running.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken = True
                    yield from self._again(i, tasks, deaths, pending, lost)
                    continue
                yield result
            if broken:  # the pool is unusable: the tasks still in it went down with it
                for future, i in running.items():
                    if future.done() and not future.cancelled() and future.exception() is None:
                        yield future.result()
                    else:
                        future.cancel()
                        yield from self._again(i, tasks, deaths, pending, lost)
                running.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = self._pool = self._new_pool()
        self.close()

    def _again(
        self, i: int, tasks: Sequence[T], deaths: list[int], pending: deque[int], lost: Callable[[T, str], R]
    ) -> Iterator[R]:
        """Send task ``i`` again after its worker died, or give up on it after ``retries`` times."""
        deaths[i] += 1
        if deaths[i] > self.retries:
            yield lost(tasks[i], _died(deaths[i]))
        else:
            self.resent += 1
            pending.appendleft(i)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


# ---------------------------------------------------------------------- Dask
class DaskCluster:
    """An existing Dask distributed cluster, through ``dask.distributed.Client``.

    One task per repository (``client.map``), results gathered with ``as_completed``. A worker that
    is lost takes its tasks with it; the scheduler runs them again elsewhere (and ``retries=`` covers
    a task that failed), until it gives up on a task that killed ``allowed-failures`` workers
    (``KilledWorker``): that repository becomes a row with its error.
    """

    def __init__(
        self, address: str, *, retries: int = RETRIES, timeout: float | None = CONNECT_TIMEOUT
    ) -> None:
        try:
            import distributed
        except ImportError as exc:
            raise InputError(
                "Running on a Dask cluster needs the `distributed` package, which is not installed.",
                hint='Install it with `pip install "sciship[dask]"` (the same version as the cluster\'s).',
            ) from exc
        self.address = address
        self.retries = retries
        self.resent = 0
        options: dict[str, Any] = {"set_as_default": False}
        if timeout and not os.environ.get(_DASK_CONNECT_ENV):  # Dask's own setting wins when given
            options["timeout"] = f"{timeout}s"
        try:
            client_class: Any = distributed.Client  # untyped
            self.client: Any = client_class(address, **options)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(
                f"sciship could not reach a Dask scheduler at `{address}` ({_why(exc)}).",
                hint="Check the address (it looks like tcp://HOST:8786) and that the scheduler is running "
                f"(`dask scheduler`); `--scheduler` and {SCHEDULER_ENV} name it. Leave both out to use the "
                "worker processes of this machine.",
            ) from exc
        workers = len(self.client.scheduler_info().get("workers", {}))
        self._same_sciship()
        self.description = f"Dask cluster at {address} ({workers} worker{'s' if workers != 1 else ''})"

    def _same_sciship(self) -> None:
        """Every worker must run this sciship: another version gives other rows, none gives errors."""
        import importlib.metadata

        from sciship import __version__

        try:
            versions = self.client.run(importlib.metadata.version, "sciship")
        except importlib.metadata.PackageNotFoundError as exc:
            self.close()
            raise InputError(
                f"The Dask workers at `{self.address}` do not have sciship installed.",
                hint=f'Install it on every worker: `pip install "sciship[dask]=={__version__}"`.',
            ) from exc
        other = sorted({v for v in versions.values() if v != __version__})
        if other:
            self.close()
            raise InputError(
                f"The Dask workers at `{self.address}` run sciship {', '.join(other)}, this is sciship "
                f"{__version__}: their rows would not match.",
                hint=f"Install sciship {__version__} on every worker, or run this command where they match.",
            )

    @property
    def dashboard(self) -> str | None:
        """The address of the scheduler's dashboard (progress, workers, memory), when it has one."""
        try:
            if "dashboard" not in self.client.scheduler_info().get("services", {}):
                return None
            link = self.client.dashboard_link
        except Exception:
            return None
        return link if isinstance(link, str) and link else None

    def run(self, fn: Callable[[T], R], tasks: Sequence[T], lost: Callable[[T, str], R]) -> Iterator[R]:
        import uuid
        from concurrent.futures import CancelledError

        import distributed

        try:
            from distributed import KilledWorker
        except ImportError:  # pragma: no cover - older distributed
            from distributed.scheduler import KilledWorker

        prefix = f"sciship-audit-{uuid.uuid4().hex[:8]}"
        keys = [f"{prefix}-{i}" for i in range(len(tasks))]
        index = {k: i for i, k in enumerate(keys)}
        try:
            futures = self.client.map(fn, tasks, key=keys, retries=self.retries, pure=False)
            as_completed: Any = distributed.as_completed  # untyped
            for future in as_completed(futures, loop=self.client.loop):
                i = index[future.key]
                try:
                    result = future.result()
                except KilledWorker:
                    result = lost(tasks[i], _died(_allowed_failures()))
                except (OSError, TimeoutError, CancelledError):
                    raise
                except Exception as exc:  # the task could not run there (e.g. a worker without sciship)
                    result = lost(tasks[i], f"The task failed on the cluster ({type(exc).__name__}: {exc}).")
                future.release()
                yield result
        except (OSError, TimeoutError, CancelledError) as exc:
            raise CommandFailed(
                f"The connection to the Dask scheduler at `{self.address}` was lost ({_why(exc)}).",
                hint="What finished is kept in the output; start the scheduler again and rerun the same "
                "command with --resume to do the rest.",
            ) from exc

    def close(self) -> None:
        import contextlib

        with contextlib.suppress(Exception):  # closing a client whose scheduler is gone may fail
            self.client.close()


def _allowed_failures() -> int:
    try:
        import dask

        return int(dask.config.get("distributed.scheduler.allowed-failures", 3)) + 1
    except Exception:
        return 4


def _why(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
