"""The HTML pages of ``sciship check`` and ``sciship deps``, built from :mod:`sciship.report.html`.

:func:`findings_sections` is the reusable part: any command that has check :class:`Finding` objects
(``review check``, ``share``) gets the same sections (failures grouped by severity, each with why, fix
and its ``explain`` page; passed and skipped checks collapsed at the end).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sciship.checks import SEVERITIES, Finding
from sciship.report import html as h
from sciship.report.findings import SEVERITY_HEADINGS, next_step, summary

if TYPE_CHECKING:
    from sciship.imports.analysis import DepsReport
    from sciship.project import Problem


def finding_item(f: Finding) -> h.Item:
    """One failed (or passed, or skipped) finding as a card."""
    fields: list[tuple[str, str]] = [("Why", f.check.why)]
    fix = f.check.fix
    if f.needs_author:
        fix += " (This needs your decision: sciship will not choose for you.)"
    elif f.fixable and "check --fix" not in fix:
        fix += " (`sciship check --fix` can do this.)"
    fields.append(("Fix", fix))
    details: list[h.Details] = []
    if f.check.topic:
        from sciship.explain import page

        text = page(f.check.topic)
        if text:
            title = text.splitlines()[0].lstrip("# ").strip()
            details.append(
                h.Details(f"Learn: {title} (`sciship explain {f.check.topic}`)", [h.Markdown(text)])
            )
    tone: h.Tone = f.severity if f.status == "failed" else ("ok" if f.status == "passed" else "skipped")
    return h.Item(
        code=f.code,
        title=f.check.title,
        tone=tone,
        status=f.status,
        location=f.location(),
        message=f.message,
        fields=fields,
        details=details,
    )


def findings_sections(findings: Sequence[Finding], problems: Sequence[Problem] = ()) -> list[h.Section]:
    """Failures by severity (worst first), unreadable files, then passed and skipped checks, collapsed."""
    sections: list[h.Section] = []
    for severity in SEVERITIES:
        failed = [f for f in findings if f.status == "failed" and f.severity == severity]
        if not failed:
            continue
        heading, meaning = SEVERITY_HEADINGS[severity]
        sections.append(
            h.Section(
                f"{heading} ({len(failed)})",
                [h.Items([finding_item(f) for f in failed])],
                intro=meaning[0].upper() + meaning[1:] + ".",
                tone=severity,
                id=severity,
            )
        )
    if problems:
        sections.append(
            h.Section(
                f"Files sciship could not fully read ({len(problems)})",
                [
                    h.Table(
                        ("file", "what happened"),
                        [(h.Code(p.location()), p.message) for p in problems],
                        filterable=True,
                    )
                ],
                intro="The checks above may miss something in these files.",
                tone="warning",
                id="problems",
            )
        )
    rest: list[h.Block] = []
    for status, label in (("passed", "Passed"), ("skipped", "Skipped")):
        group = [f for f in findings if f.status == status]
        if group:
            table = h.Table(
                ("check", "what good looks like", "note"),
                [(h.Code(f.code), f.check.title, f.message or None) for f in group],
                filterable=True,
            )
            rest.append(h.Details(f"{label} ({len(group)})", [table]))
    if rest:
        sections.append(h.Section("Passed and skipped checks", rest, id="others"))
    return sections


def findings_stats(findings: Sequence[Finding]) -> list[h.Stat]:
    """The numbers of a check report's summary box: failures per severity, passed, skipped and, when there are
    any, fixable."""
    s = summary(findings)
    by = s["failed_by_severity"]
    assert isinstance(by, dict)  # noqa: S101 - summary() always returns a dict here
    stats = [
        h.Stat(("blocker" if by["blocker"] == 1 else "blockers"), by["blocker"], "blocker"),
        h.Stat("important", by["important"], "important"),
        h.Stat("polish", by["polish"], "polish"),
        h.Stat("passed", int(str(s["passed"])), "ok"),
        h.Stat("skipped", int(str(s["skipped"])), "skipped"),
    ]
    if s["fixable"]:
        stats.append(h.Stat("fixable with --fix", int(str(s["fixable"])), "info"))
    return stats


def findings_headline(findings: Sequence[Finding]) -> str:
    """One sentence on the findings, such as ``3 of 40 checks failed: 1 blocker, 2 important.``"""
    s = summary(findings)
    by = s["failed_by_severity"]
    assert isinstance(by, dict)  # noqa: S101
    if not s["failed"]:
        return f"Nothing failed: {s['passed']} checks passed, {s['skipped']} did not apply."
    parts = []
    for sev in SEVERITIES:
        n = by[sev]
        if n:
            word = ("blocker" if n == 1 else "blockers") if sev == "blocker" else sev
            parts.append(f"{n} {word}")
    return f"{s['failed']} of {s['checks']} checks failed: " + ", ".join(parts) + "."


def check_page(
    findings: Sequence[Finding], *, project: str, root: str, problems: Sequence[Problem] = ()
) -> h.Page:
    """The HTML page of ``sciship check``: headline, summary numbers, next step and the findings' sections."""
    return h.Page(
        title="sciship check",
        project=project,
        subtitle=root,
        headline=findings_headline(findings),
        next_step=next_step(findings),
        stats=findings_stats(findings),
        sections=findings_sections(findings, problems),
    )


def render_check(
    findings: Sequence[Finding], *, project: str, root: str, problems: Sequence[Problem] = ()
) -> str:
    """The HTML page of ``sciship check`` as one string (``--format html``)."""
    return h.render(check_page(findings, project=project, root=root, problems=problems))


# ---------------------------------------------------------------------------------- deps
_DEPS_TONE: dict[str, h.Tone] = {
    "ok": "ok",
    "missing": "blocker",
    "indirect": "important",
    "alias": "important",
    "unused": "important",
    "misplaced": "important",
    "optional": "polish",
    "unverified": "warning",
    "unresolved": "warning",
}
#: the words of `sciship deps`' own table (an unknown verdict is shown as it is)
DEPS_STATUS_HELP = {
    "ok": "imported and declared",
    "missing": "imported, not declared",
    "indirect": "imported, not declared, installed today through another dependency",
    "alias": "declared under a name that is not its name on PyPI",
    "unused": "declared, never imported",
    "misplaced": "declared in the wrong place",
    "optional": "imported only if available or inside functions: offer it as an extra",
    "unverified": "sciship could not confirm the PyPI name",
    "unresolved": "neither a module of this folder nor a package sciship knows",
}


def _short(location: str) -> str:
    """``project.optional-dependencies.s3`` -> ``extra:s3`` (as the terminal table says it)."""
    extra = location.replace("project.optional-dependencies.", "extra:")
    return extra.replace("dependency-groups.", "group:")


def deps_page(report: DepsReport, *, project: str, root: str, next_step: str | None = None) -> h.Page:
    """The HTML page of ``sciship deps``: the distributions with their verdicts, notes, the Python version,
    imports several distributions provide, and unreadable files."""
    deps = report.dependencies
    counts: dict[str, int] = {}
    for v in deps:
        counts[v.status] = counts.get(v.status, 0) + 1
    missing = counts.get("missing", 0)
    if not deps:
        headline = "No third-party imports and no declared dependencies."
    elif missing:
        headline = f"{missing} of {len(deps)} distributions the code imports are not declared."
    else:
        headline = f"Every one of the {len(deps)} distributions the code imports is declared."
    stats = [h.Stat(s, n, _DEPS_TONE.get(s)) for s, n in sorted(counts.items())]
    rows = [
        (
            h.Code(v.distribution) if v.distribution else f"? (`{v.name}`)",
            h.Badge(v.status, _DEPS_TONE.get(v.status, "info")),
            ", ".join(v.scopes) or None,
            ", ".join(_short(d) for d in v.declared) or None,
            ", ".join(v.imports) or None,
            ", ".join(v.files[:3]) + (f" and {len(v.files) - 3} more" if len(v.files) > 3 else "") or None,
        )
        for v in deps
    ]
    sections = [
        h.Section(
            f"Distributions ({len(deps)})",
            [
                h.Table(
                    ("distribution", "verdict", "used in", "declared in", "imported as", "files"),
                    rows,
                    filterable=True,
                ),
                h.Details(
                    "What the verdicts mean",
                    [h.List([f"{s}: {text}" for s, text in DEPS_STATUS_HELP.items()])],
                ),
            ],
            id="distributions",
        )
    ]
    notes = [v for v in deps if v.note]
    if notes:
        sections.append(h.Section("Notes", [h.List([f"`{v.name}`: {v.note}." for v in notes])], id="notes"))
    rp = report.requires_python
    py: list[str] = [f"requires-python is {f'`{rp.declared}`' if rp.declared else 'not set'}."]
    if rp.detected_minimum:
        where = f" (`{rp.path}:{rp.line}`)" if rp.path else ""
        py.insert(0, f"The code needs Python {rp.detected_minimum} or newer: {rp.reason}{where}.")
    sections.append(h.Section("Python version", [h.Text(" ".join(py))], id="python"))
    ambiguous = [v for v in deps if v.candidates]
    if ambiguous:
        sections.append(
            h.Section(
                "Imports several distributions provide",
                [
                    h.List(
                        [
                            f"`{v.imports[0]}` could come from: {', '.join(v.candidates)}; "
                            "declare the one you use."
                            for v in ambiguous
                        ]
                    )
                ],
                id="ambiguous",
            )
        )
    if report.problems:
        sections.append(
            h.Section(
                f"Files sciship could not fully read ({len(report.problems)})",
                [
                    h.Table(
                        ("file", "what happened"),
                        [(h.Code(p.location()), p.message) for p in report.problems],
                    )
                ],
                tone="warning",
                id="problems",
            )
        )
    return h.Page(
        title="sciship deps",
        project=project,
        subtitle=root,
        headline=headline,
        next_step=next_step,
        stats=stats,
        sections=sections,
        meta=(("Files scanned", str(report.files_scanned)),),
    )
