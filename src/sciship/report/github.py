"""``--format github``: findings as GitHub Actions workflow commands, so they show on the pull request.

Blockers become ``::error``, important findings ``::warning`` and polish ``::notice``, each on the file
and line it is about (paths are made relative to the repository, ``$GITHUB_WORKSPACE``), titled with the
check code and title. Text is escaped the way the Actions runner expects (``%``, CR and LF everywhere;
also ``:`` and ``,`` in properties), so no message can end a command early or start another.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sciship._regex import compile_later
from sciship.checks import SEVERITY_RANK, Finding
from sciship.report.findings import next_step, summary_line
from sciship.style import Style

if TYPE_CHECKING:
    from sciship.project import Problem

LEVEL = {"blocker": "error", "important": "warning", "polish": "notice"}
_CONTROL = compile_later("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]")


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped; other control characters dropped."""
    text = _CONTROL.sub(" ", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as :func:`escape_data`, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: str | int | None) -> str:
    """One workflow command, ``::level key=value,...::message``, with the message and properties escaped and
    empty properties left out."""
    given = [f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None and v != ""]
    head = f"::{level}" + (" " + ",".join(given) if given else "")
    return f"{head}::{escape_data(message)}"


def repo_path(root: str | Path, path: str) -> str:
    """``path`` (relative to the project ``root``) relative to the repository GitHub checked out."""
    base = Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd())
    try:
        return (Path(root) / path).resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError):
        return path


def render_github(findings: Sequence[Finding], *, root: str, problems: Sequence[Problem] = ()) -> str:
    """One workflow command per failed finding (worst first) and per unreadable file, then the summary and the
    next step."""
    failed = sorted((f for f in findings if f.status == "failed"), key=lambda f: SEVERITY_RANK[f.severity])
    out: list[str] = []
    for f in failed:
        text = f.message or f.check.title
        fix = f.check.fix
        if f.fixable and "check --fix" not in fix:
            fix += " (`sciship check --fix` can do this.)"
        text += f"\nFix: {fix}"
        if f.check.topic:
            text += f"\nLearn: sciship explain {f.check.topic}"
        out.append(
            command(
                LEVEL[f.severity],
                text,
                file=repo_path(root, f.path) if f.path else None,
                line=f.line if f.path else None,
                title=f"{f.code} {f.check.title}",
            )
        )
    out.extend(
        command(
            "warning",
            p.message,
            file=repo_path(root, p.path),
            line=p.line,
            col=p.column,
            title="sciship could not fully read this file",
        )
        for p in problems
    )
    st = Style(colour=False)
    out.append(summary_line(findings, st))
    out.append("Next step: " + next_step(findings))
    return "\n".join(out) + "\n"
