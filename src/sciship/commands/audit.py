"""``sciship audit``: review many repositories at once, on this machine or a Dask cluster.

Exit codes: 0 the audit ran to the end (whatever the repositories hold; those that could not be
reviewed are rows with their error); 1 it stopped early (what finished is in the output); 2 usage or
input errors (an unreadable source list, a malformed YAML, an unreachable scheduler).
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from sciship.audit import Report
    from sciship.audit.task import Result
    from sciship.ui import UI

SCHEDULER_ENV = "SCISHIP_DASK_SCHEDULER"


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sciship audit`` and its options to the command-line parser."""
    p = sub.add_parser(
        "audit",
        parents=[common],
        help="review many repositories at once (on this machine or a Dask cluster)",
        description="Review many repositories the way `sciship check` reviews one, and gather every "
        "finding into one table. SOURCE is a project folder, a git URL, owner/name (GitHub), a text file "
        "with one of those per line, or a YAML file like pyOpenSci's packages data (`repository_link`). "
        "Remote repositories are cloned shallowly into a cache and reused next time. Reads files only: "
        "no repository's code is imported or run.",
    )
    p.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="folders, git URLs, owner/name, or files listing them"
    )
    p.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        metavar="N",
        help="worker processes on this machine (default: one per core)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=f"run on a Dask cluster (tcp://HOST:8786; default: ${SCHEDULER_ENV} when set)",
    )
    p.add_argument(
        "--output", "-o", metavar="FILE", help="write every row to FILE (.parquet, .csv or .jsonl)"
    )
    p.add_argument(
        "--resume", action="store_true", help="continue an audit: skip repositories already in FILE"
    )
    p.add_argument("--deps", action="store_true", help="add a row per dependency (what `sciship deps` finds)")
    p.add_argument(
        "--format",
        choices=("terminal", "json", "html"),
        default="terminal",
        help="how to print the summary (html: one page, redirect it to a file)",
    )
    p.add_argument(
        "--cache", metavar="DIR", help="keep clones here (default: sciship's folder in your user cache)"
    )
    p.set_defaults(handler=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("needs at least 1")
    return value


def run(args: argparse.Namespace, ui: UI) -> int:
    """Review every source repository and print a summary, writing every row to ``--output`` when given.

    Returns 0 when the audit ran to the end and 130 when it was interrupted; unusable options or sources raise
    :class:`InputError` (exit 2), a lost Dask scheduler :class:`CommandFailed` (exit 1).
    """
    from pathlib import Path

    from sciship._errors import InputError
    from sciship.audit import audit, read_sources

    if args.resume and not args.output:
        raise InputError(
            "--resume continues the audit written to --output, but no --output was given.",
            hint="Add the same --output FILE as the audit you want to continue.",
        )
    if args.format == "html" and _isatty(ui.out):
        raise InputError(
            "An HTML report is a file to open in a browser, not text for the terminal.",
            hint="Redirect it: `sciship audit ... --format html > audit.html` (--output is for the rows).",
        )
    scheduler = args.scheduler or os.environ.get(SCHEDULER_ENV) or None
    if scheduler and args.jobs:
        raise InputError(
            "--jobs sets the size of the local pool; on a Dask cluster the cluster's workers do the work.",
            hint=f"Leave out --jobs, or --scheduler (and ${SCHEDULER_ENV}) to run on this machine.",
        )
    sources = read_sources(args.sources)
    for note in sources.notes:
        ui.info(f"Note: {note}")
    if not sources.targets:
        raise InputError(
            "The sources name no repositories to audit.",
            hint="Give project folders, git URLs or owner/name, or a file listing them.",
        )
    output = Path(args.output).expanduser().absolute() if args.output else None
    if output is not None:  # refuse what would lose work before connecting anywhere
        from sciship.audit.output import OutputFile

        OutputFile(output).check_usable(resume=args.resume)
    executor = _executor(scheduler, args.jobs, ui)
    progress = _TerminalProgress(ui.err) if _live(ui.err) else None
    try:
        report = audit(
            sources.targets,
            executor,
            output=output,
            resume=args.resume,
            deps=args.deps,
            cache=Path(args.cache).expanduser().absolute() if args.cache else None,
            progress=progress,
        )
    except KeyboardInterrupt:
        executor.close()
        where = f"; what finished is in {output}: rerun with --resume to do the rest" if output else ""
        ui.info(f"Stopped{where}.")
        return 130
    finally:
        executor.close()
    if args.format == "json":
        ui.write(_json(report))
    elif args.format == "html":
        from sciship.audit.report import html_page

        ui.write(html_page(report))
    else:
        ui.write(_terminal(report, ui))
    return 0


def _executor(scheduler: str | None, jobs: int | None, ui: UI) -> Any:
    from sciship.audit import DaskCluster, LocalPool

    if not scheduler:
        return LocalPool(jobs)
    if not ui.debug:
        _quiet_dask()
    cluster = DaskCluster(scheduler)
    if cluster.dashboard:
        ui.info(f"Dask dashboard: {cluster.dashboard}")
    return cluster


def _quiet_dask() -> None:
    """Dask logs a lost connection with tracebacks; sciship says what happened instead (--debug shows all)."""
    import logging

    try:
        import distributed  # noqa: F401 - its import sets up its loggers
    except ImportError:
        return  # DaskCluster explains what to install
    for name in ["distributed", *logging.root.manager.loggerDict]:
        if name == "distributed" or name.startswith("distributed."):
            logging.getLogger(name).setLevel(logging.CRITICAL)


# ---------------------------------------------------------------------- progress
def _live(stream: Any) -> bool:
    if os.environ.get("SCISHIP_NO_PROGRESS") or os.environ.get("TERM") == "dumb":
        return False
    return _isatty(stream)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class _TerminalProgress:
    """One line on a terminal: done / total, failures, rate, time left (redrawn as results arrive)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.total = 0
        self.done = 0
        self.failed = 0
        self.started = 0.0

    def start(self, total: int, where: str) -> None:
        import time

        self.total, self.started = total, time.monotonic()
        self.stream.write(f"Auditing {total} repositor{'y' if total == 1 else 'ies'} with {where}.\n")
        self._draw()

    def advance(self, result: Result) -> None:
        self.done += 1
        self.failed += result.outcome == "error"
        self._draw()

    def stop(self) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()

    def _draw(self) -> None:
        import time

        elapsed = time.monotonic() - self.started
        parts = [f"{self.done}/{self.total} repositories"]
        if self.failed:
            parts.append(f"{self.failed} could not be reviewed")
        if self.done and elapsed > 0:
            rate = self.done / elapsed * 60
            parts.append(f"{rate:.1f} a minute")
            parts.append(f"about {_clock((self.total - self.done) / self.done * elapsed)} left")
        self.stream.write("\r\033[K" + " · ".join(parts))
        self.stream.flush()


def _clock(seconds: float) -> str:
    s = round(seconds)
    if s >= 3600:
        return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


# ---------------------------------------------------------------------- rendering
def _json(report: Report) -> str:
    import json

    data = {
        "schema": 1,
        **report.summary.to_dict(),
        "this_run": {
            "repositories": report.total,
            "reviewed": report.reviewed,
            "unchanged": report.unchanged,
            "errors": report.errors,
            "resent": report.resent,
            "seconds": round(report.seconds, 3),
            "cpu_seconds": round(report.cpu_seconds, 3),
            "worker_peak_mb": round(report.peak_mb, 1),
        },
        "output": str(report.output) if report.output else None,
        "rows": len(report.rows),
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _terminal(report: Report, ui: UI) -> str:
    st = ui.style
    s = report.summary
    out = [st(f"sciship audit  {s.repositories} repositor{'y' if s.repositories == 1 else 'ies'}", "bold")]
    this = f"reviewed now: {report.reviewed}"
    if report.unchanged:
        this += f", unchanged since the last run: {report.unchanged}"
    if report.errors:
        this += f", could not be reviewed: {report.errors}"
    out += [this + ".", ""]
    if s.checks:
        out.extend(_check_table(s.checks, s.reviewed, st))
        out.append("")
    if s.dependencies:
        out.append(
            st("Most used dependencies", "bold") + st(" (repositories, by sciship deps verdict)", "dim")
        )
        for d in s.dependencies[:15]:
            verdicts = ", ".join(f"{k} {v}" for k, v in d.statuses.items())
            out.append(f"  {d.distribution:<28} {d.repositories:>5}  {st(verdicts, 'dim')}")
        out.append("")
    if s.errors:
        out.append(st(f"Could not be reviewed ({len(s.errors)})", "bold", "magenta"))
        out.extend(st.wrap(message, indent="      ", first=f"  - {repo}: ") for repo, message in s.errors)
        out.append("")
    rate = report.total / report.seconds * 60 if report.seconds else 0.0
    out.append(f"Took {_clock(report.seconds)} ({rate:.1f} repositories a minute).")
    if report.resent:
        out.append(f"{report.resent} task(s) were sent again because a worker process stopped.")
    if report.output is not None:
        from sciship.audit.output import OutputFile

        summary = OutputFile(report.output).summary
        out.append(st("Rows: ", "bold") + f"{report.output} ({len(report.rows)} rows); per check: {summary}")
    else:
        out.append(
            st("Next step: ", "bold") + "add --output results.parquet (or .csv, .jsonl) to keep every row."
        )
    return "\n".join(out)


def _check_table(checks: Any, reviewed: int, st: Any) -> list[str]:
    """One line per check, the most failed first: counts of repositories, and the share that failed."""
    width = max(len(c.code) for c in checks)
    head = f"{'check':<{width}}  {'failed':>13}  {'passed':>6}  {'skipped':>7}  what good looks like"
    lines = [st(head, "bold")]
    for c in sorted(checks, key=lambda c: (-c.failed, c.code)):
        share = f"({c.failed / reviewed:.0%})" if reviewed else ""
        failed = f"{c.failed:>6} {share:>6}"
        counts = f"{st(failed, 'red') if c.failed else failed}  {c.passed:>6}  {c.skipped:>7}"
        lines.append(f"{c.code:<{width}}  {counts}  {_cut(c.title, 60)}")
    return lines


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
