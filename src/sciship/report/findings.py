"""Render the findings of ``sciship check`` as terminal text, JSON or Markdown."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from sciship.checks import SEVERITIES, SEVERITY_RANK, Finding, Severity
from sciship.project import Problem
from sciship.style import Style

SCHEMA = 1

SEVERITY_HEADINGS: dict[str, tuple[str, str]] = {
    "blocker": ("Blockers", "others cannot build, install or import your package, or may not use it"),
    "important": ("Important", "users or reviewers will stumble over these"),
    "polish": ("Polish", "small things that make a package feel finished"),
}
_SEVERITY_COLOUR = {"blocker": "red", "important": "yellow", "polish": "cyan"}


def summary(findings: Sequence[Finding]) -> dict[str, object]:
    """Counts of the findings: checks, passed, failed (in all and per severity), skipped, fixable, and failed
    ones that need the author."""
    status = Counter(f.status for f in findings)
    failed = Counter(f.severity for f in findings if f.status == "failed")
    return {
        "checks": len(findings),
        "passed": status["passed"],
        "failed": status["failed"],
        "skipped": status["skipped"],
        "failed_by_severity": {s: failed[s] for s in SEVERITIES},
        "fixable": sum(1 for f in findings if f.fixable),
        "needs_author": sum(1 for f in findings if f.status == "failed" and f.needs_author),
    }


def next_step(findings: Sequence[Finding]) -> str:
    """The single most useful thing to do next."""
    failed = sorted((f for f in findings if f.status == "failed"), key=lambda f: SEVERITY_RANK[f.severity])
    if not failed:
        return "Nothing to fix. Next: `sciship build` proves the package builds, installs and imports."
    fixable = [f for f in failed if f.fixable]
    worst = failed[0]
    if fixable and (worst.severity != "blocker" or worst.fixable):
        return (
            f"Run `sciship check --fix` to fix {len(fixable)} of these for you "
            "(add `--dry-run` first to see exactly what it would change)."
        )
    return f"Start with {worst.code}: {worst.check.fix}"


def _sorted_failed(findings: Sequence[Finding], severity: Severity) -> list[Finding]:
    return [f for f in findings if f.status == "failed" and f.severity == severity]


def render_terminal(
    findings: Sequence[Finding],
    *,
    root: str,
    problems: Sequence[Problem] = (),
    verbose: bool = False,
    style: Style | None = None,
) -> str:
    """The terminal report of ``sciship check``: failures by severity with why and fix, unreadable files,
    passed and skipped checks (with ``verbose``), the summary and the next step.

    Without ``style`` the text has no colour.
    """
    st = style or Style(colour=False)
    out: list[str] = [st(f"sciship check  {root}", "bold"), ""]
    for severity in SEVERITIES:
        failed = _sorted_failed(findings, severity)
        if not failed:
            continue
        heading, meaning = SEVERITY_HEADINGS[severity]
        colour = _SEVERITY_COLOUR[severity]
        out.append(st(f"{heading} ({len(failed)})", "bold", colour) + st(f" - {meaning}", "dim"))
        out.append("")
        for f in failed:
            out.extend(_terminal_finding(f, st, colour))
            out.append("")
    if problems:
        out.append(st(f"Files sciship could not fully read ({len(problems)})", "bold", "magenta"))
        out.extend(st.wrap(p.message, indent="      ", first=f"  - {p.location()}: ") for p in problems)
        out.append("")
    if verbose:
        for status, mark, colour in (("passed", "ok", "green"), ("skipped", "--", "dim")):
            group = [f for f in findings if f.status == status]
            if not group:
                continue
            out.append(st(f"{status.capitalize()} ({len(group)})", "bold"))
            for f in group:
                line = f"  {st(mark, colour)} {f.code:<7} {f.check.title}"
                if f.message:
                    line += st(f" - {f.message}", "dim")
                out.append(line)
            out.append("")
    out.append(summary_line(findings, st))
    out.append(st("Next step: ", "bold") + next_step(findings))
    return "\n".join(out) + "\n"


def summary_line(findings: Sequence[Finding], st: Style) -> str:
    """One line such as ``Summary: 2 important failed (30 passed, 4 skipped, 36 checks).``"""
    s = summary(findings)
    by = s["failed_by_severity"]
    if not isinstance(by, dict):  # pragma: no cover - summary() always returns a dict here
        raise TypeError(by)
    parts = [
        f"{by[sev]} {'blocker' + ('s' if by[sev] != 1 else '') if sev == 'blocker' else sev}"
        for sev in SEVERITIES
        if by[sev]
    ]
    failed = ", ".join(parts) + " failed" if parts else "nothing failed"
    tail = f"{s['passed']} passed, {s['skipped']} skipped, {s['checks']} checks"
    if s["fixable"]:
        tail += f"; {s['fixable']} fixable with --fix"
    return st("Summary: ", "bold") + f"{failed} ({tail})."


def _terminal_finding(f: Finding, st: Style, colour: str) -> list[str]:
    lines = [f"  {st('x', colour, 'bold')} {st(f.code, colour)}  {st(f.check.title, 'bold')}"]
    ind = "      "
    if f.location():
        lines.append(f"{ind}{st(f.location() or '', 'blue')}")
    if f.message:
        lines.append(st.wrap(f.message, indent=ind))
    lines.append(st.wrap(f.check.why, indent=ind + "     ", first=ind + st("Why: ", "bold")))
    fix = f.check.fix
    if f.needs_author:
        fix += " (This needs your decision: sciship will not choose for you.)"
    elif f.fixable and "check --fix" not in fix:
        fix += " (`sciship check --fix` can do this.)"
    lines.append(st.wrap(fix, indent=ind + "     ", first=ind + st("Fix: ", "bold")))
    if f.check.topic:
        lines.append(f"{ind}{st('Learn: ', 'bold')}sciship explain {f.check.topic}")
    return lines


def render_json(findings: Sequence[Finding], *, root: str, problems: Sequence[Problem] = ()) -> str:
    """The findings as JSON (``schema`` 1): every finding, the unreadable files, and the summary with the next
    step."""
    data = {
        "schema": SCHEMA,
        "root": root,
        "findings": [f.to_dict() for f in findings],
        "problems": [
            {"path": p.path, "line": p.line, "column": p.column, "message": p.message} for p in problems
        ],
        "summary": {**summary(findings), "next_step": next_step(findings)},
    }
    return json.dumps(data, indent=2) + "\n"


def render_markdown(findings: Sequence[Finding], *, root: str, problems: Sequence[Problem] = ()) -> str:
    """The findings as Markdown: failures by severity as a task list with why and fix, unreadable files,
    passed checks in a collapsed block, and the next step."""
    s = summary(findings)
    out = [f"## sciship check: `{root}`", ""]
    out.append(
        f"**{s['failed']} failed**, {s['passed']} passed, {s['skipped']} skipped ({s['checks']} checks)."
    )
    out.append("")
    for severity in SEVERITIES:
        failed = _sorted_failed(findings, severity)
        if not failed:
            continue
        heading, meaning = SEVERITY_HEADINGS[severity]
        out += [f"### {heading} ({len(failed)}): {meaning}", ""]
        for f in failed:
            loc = f" (`{f.location()}`)" if f.location() else ""
            out.append(f"- [ ] **{f.code}** {f.check.title}{loc}")
            if f.message:
                out.append(f"  - {f.message}")
            out.append(f"  - *Why:* {f.check.why}")
            out.append(f"  - *Fix:* {f.check.fix}")
        out.append("")
    if problems:
        out += ["### Files sciship could not fully read", ""]
        out += [f"- `{p.location()}`: {p.message}" for p in problems]
        out.append("")
    passed = [f for f in findings if f.status == "passed"]
    if passed:
        out += ["<details><summary>Passed checks</summary>", ""]
        out += [f"- {f.code} {f.check.title}" for f in passed]
        out += ["", "</details>", ""]
    out.append(f"**Next step:** {next_step(findings)}")
    return "\n".join(out) + "\n"
