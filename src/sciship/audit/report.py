"""The audit as one HTML page (``sciship audit --format html``), through sciship's page model."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sciship.audit.run import Report
    from sciship.report.html import Figure
    from sciship.report.pictures import charts


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
    figures = _figures(report)
    sections = [
        h.Section(
            "Checks across repositories",
            [
                *figures,
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


def _figures(report: Report) -> list[Figure]:
    """The pass rate per check (sorted bars) and one strip of cells per repository (one cell per check)."""
    from sciship.report import html as h
    from sciship.report.pictures import charts

    s = report.summary
    ran = [c for c in s.checks if c.passed + c.failed]
    if not ran or not s.reviewed:
        return []
    bars = [
        charts.Bar(
            f"{c.code} {c.title}",
            c.passed / (c.passed + c.failed),
            f"{c.passed} of {c.passed + c.failed}" + (f", {c.skipped} skipped" if c.skipped else ""),
            "failed" if c.failed else "passed",
        )
        for c in ran
    ]
    title = "Pass rate per check"
    out: list[Figure] = [
        h.Figure(
            charts.bar_chart(bars, title=title, width=960, label_max=440),
            caption=f"{title}: the share of repositories that pass each check, among those it ran on "
            "(the checks that fail most often first).",
            alt="; ".join(f"{b.label}: {b.value:.0%} ({b.note})" for b in sorted(bars, key=_value)),
        )
    ]
    codes = [c.code for c in sorted(s.checks, key=lambda c: c.code)]
    status: dict[str, dict[str, str]] = {}
    for row in report.rows:
        if row.code in codes:
            status.setdefault(row.repository, {})[row.code] = row.status
    if status:
        strips = [
            (_short_repo(repo), [(code, cells.get(code, "skipped")) for code in codes])
            for repo, cells in sorted(status.items())
        ]
        strip_title = "Every repository, check by check"
        out.append(
            h.Figure(
                charts.cell_strip(strips, title=strip_title, columns=codes),
                caption=f"{strip_title}: one row per repository, one cell per check "
                "(\u2713 passed, \u2717 failed, \u2013 skipped).",
                alt=f"{len(strips)} repositories by {len(codes)} checks; the table below has the counts.",
            )
        )
    return out


def _value(bar: charts.Bar) -> float:
    return bar.value


def _short_repo(repository: str) -> str:
    """``owner/name`` of a repository URL or path, for a row label."""
    parts = repository.rstrip("/").removesuffix(".git").split("/")
    return "/".join(parts[-2:]) if len(parts) >= 2 else repository
