"""The audit itself: send one task per repository to an executor, keep every result, write the table."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sciship.audit.executors import Executor
from sciship.audit.output import OutputFile
from sciship.audit.rows import Row, Summary, is_error, sort_rows, summarise
from sciship.audit.sources import Target
from sciship.audit.task import Result, Task, lost, review


class Progress(Protocol):
    """What the audit tells whoever shows progress (the CLI draws a line on a terminal)."""

    def start(self, total: int, where: str) -> None: ...

    def advance(self, result: Result) -> None: ...

    def stop(self) -> None: ...


@dataclass
class Report:
    """What one audit run did: all rows of the table (earlier ones included), their summary and counts."""

    rows: list[Row]
    summary: Summary
    total: int  #: repositories named this run
    reviewed: int = 0  #: reviewed now
    unchanged: int = 0  #: already in the output at the same commit (``--resume``)
    errors: int = 0  #: could not be reviewed now
    resent: int = 0  #: tasks sent again because a worker died
    peak_mb: float = 0.0  #: the largest peak resident memory of a worker process (MB)
    cpu_seconds: float = 0.0  #: processor time of the tasks, in all
    seconds: float = 0.0
    output: Path | None = None


def audit(
    targets: Sequence[Target],
    executor: Executor,
    *,
    output: Path | None = None,
    resume: bool = False,
    deps: bool = False,
    cache: Path | None = None,
    progress: Progress | None = None,
) -> Report:
    """Review every target; the table (and its summary) is written to ``output`` even when the run stops
    early, so ``resume=True`` can continue it."""
    started = time.perf_counter()
    out = OutputFile(output) if output is not None else None
    if out is not None:
        out.check_usable(resume=resume)
    previous = out.previous() if out is not None and resume else {}
    tasks = [
        Task(t, str(cache) if cache else None, deps, _known(previous.get(t.repository, ()))) for t in targets
    ]
    done: dict[str, tuple[Row, ...]] = dict(previous)
    report = Report([], summarise(()), len(tasks), output=output)
    journal = out.open_journal() if out is not None else None
    if progress is not None:
        progress.start(len(tasks), executor.description)
    try:
        for result in executor.run(review, tasks, lost):
            report.peak_mb = max(report.peak_mb, result.peak_mb)
            report.cpu_seconds += result.cpu_seconds
            if result.outcome == "unchanged":
                report.unchanged += 1
            else:
                report.reviewed += result.outcome == "reviewed"
                report.errors += result.outcome == "error"
                done[result.repository] = result.rows
                if journal is not None:
                    from sciship.audit.output import journal_line

                    journal.write(journal_line(result.repository, result.commit, result.rows))
                    journal.flush()
            if progress is not None:
                progress.advance(result)
    finally:
        if progress is not None:
            progress.stop()
        if journal is not None:
            journal.close()
        report.resent = executor.resent
        report.rows = sort_rows(r for rows in done.values() for r in rows)
        report.summary = summarise(report.rows, _titles())
        if out is not None:
            out.finish(report.rows, report.summary.checks)
        report.seconds = time.perf_counter() - started
    return report


def _known(rows: Sequence[Row]) -> tuple[str | None, ...]:
    """The commits a repository was reviewed at; a repository that could not be reviewed is tried again."""
    if not rows or is_error(rows):
        return ()
    return tuple(sorted({r.commit for r in rows}, key=lambda c: c or ""))


def _titles() -> dict[str, str]:
    from sciship.checks import all_checks

    return {c.code: c.title for c in all_checks()}
