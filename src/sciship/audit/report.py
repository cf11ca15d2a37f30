"""The audit as one HTML page (``sciship audit --format html``), through sciship's page model."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sciship.audit.run import Report


def html_page(report: Report) -> str:
    """The summary per check, the repositories that could not be reviewed, and the dependencies."""
    from sciship.report import html as h

    s = report.summary
    checks = sorted(s.checks, key=lambda c: (-c.failed, c.code))
    headline = f"{s.reviewed} of {s.repositories} repositories reviewed."
    if checks and checks[0].failed and s.reviewed:
        top = checks[0]
        headline += f" Most failed: {top.code} ({top.title}), in {top.failed / s.reviewed:.0%} of them."
    tones: dict[str, h.Tone] = {"blocker": "blocker", "important": "important", "polish": "polish"}
    rows: list[list[h.Cell]] = []
    for c in checks:
        tone = tones.get(c.severity or "")
        severity = h.Badge(c.severity or "", tone) if tone else None
        share = f"{c.failed / s.reviewed:.0%}" if s.reviewed else None
        rows.append([h.Code(c.code), severity, c.failed, share, c.passed, c.skipped, c.title])
    sections = [
        h.Section(
            "Checks across repositories",
            [
                h.Table(
                    (
                        "check",
                        "severity",
                        "failed",
                        "share failed",
                        "passed",
                        "skipped",
                        "what good looks like",
                    ),
                    rows,
                    filterable=True,
                )
            ],
            intro="How many repositories pass, fail and skip each check; the most failed first.",
        )
    ]
    if s.errors:
        sections.append(
            h.Section(
                f"Could not be reviewed ({len(s.errors)})",
                [h.List([f"{repo}: {message}" for repo, message in s.errors])],
                tone="warning",
            )
        )
    if s.dependencies:
        dep_rows: list[list[h.Cell]] = [
            [h.Code(d.distribution), d.repositories, ", ".join(f"{k} {v}" for k, v in d.statuses.items())]
            for d in s.dependencies
        ]
        sections.append(
            h.Section(
                "Dependencies",
                [
                    h.Table(
                        ("distribution", "repositories", "sciship deps verdicts"), dep_rows, filterable=True
                    )
                ],
            )
        )
    stats = [h.Stat("repositories", s.repositories), h.Stat("reviewed", s.reviewed, "ok")]
    if s.errors:
        stats.append(h.Stat("could not be reviewed", len(s.errors), "warning"))
    meta = [("Rows", str(len(report.rows)))]
    if report.output is not None:
        meta.append(("Every row", str(report.output)))
    page = h.Page(
        title="sciship audit",
        project=f"{s.repositories} repositories",
        headline=headline,
        stats=stats,
        sections=sections,
        meta=tuple(meta),
    )
    return h.render(page)
