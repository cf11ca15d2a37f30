"""Shared by the commands that write reports: ``--output``, the project's name, html on a terminal.

Any command with ``--format ... html`` and ``--output FILE`` uses these (see
`the notes on HTML reports`)::

    refuse_html_on_terminal(args, ui)  # first: html on a terminal without --output is an InputError
    ...
    emit(text, args, ui)               # stdout, or the file named by --output (then a note on stderr)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.ui import UI


def project_name(project: Any) -> str:
    """The project's name as its metadata says (else its folder's name)."""
    name = project.metadata.get("name") if isinstance(project.metadata, dict) else None
    return name.strip() if isinstance(name, str) and name.strip() else project.root.name


def shown_path(given: str, project: Any) -> str:
    """The folder as the user named it (a page may be shared: it need not show their home folder)."""
    return project.root.name if given in {"", "."} else given


def refuse_html_on_terminal(args: argparse.Namespace, ui: UI) -> None:
    """An HTML page printed on a terminal helps nobody: ask for a file (before any work is done)."""
    if getattr(args, "format", None) == "html" and not args.output and _isatty(ui.out):
        from sciship._errors import InputError

        raise InputError(
            "An HTML report is a file to open in a browser, not text for the terminal.",
            hint="Add `--output report.html` (or redirect: `> report.html`).",
        )


def emit(
    text: str, args: argparse.Namespace, ui: UI, *, summary: Callable[[], str] | None = None
) -> None:
    """Print the report, or write it to ``--output`` and say where it went (and the summary) on stderr."""
    if not args.output:
        ui.write(text)
        return
    from sciship.report.output import write_report
    from sciship.ui import printable

    if args.format in {"terminal", "table", "markdown"}:  # text a person reads: no terminal escapes
        text = printable(text)
    path = write_report(text, args.output)
    ui.info(f"Wrote the {args.format} report to {path}")
    if summary is not None:
        ui.info(summary())


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
