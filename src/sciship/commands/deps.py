"""``sciship deps``: the packages your code imports compared with the ones you declared.

Exit codes: 0 nothing is missing; 1 the package code imports something undeclared (or, for a folder
of scripts, the scripts do); 2 usage or input errors.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.imports.analysis import DependencyVerdict, DepsReport
    from sciship.ui import UI

_STATUS_COLOUR = {
    "ok": "green",
    "missing": "red",
    "indirect": "yellow",
    "alias": "yellow",
    "unused": "yellow",
    "misplaced": "yellow",
    "optional": "cyan",
    "unverified": "magenta",
    "unresolved": "magenta",
}
_STATUS_HELP = {
    "missing": "imported, not declared",
    "indirect": "imported, not declared, installed today through another dependency",
    "alias": "declared under a name that is not its name on PyPI",
    "unused": "declared, never imported",
    "misplaced": "declared in the wrong place",
    "optional": "imported only if available or inside functions: offer it as an extra",
    "unverified": "sciship could not confirm the PyPI name",
    "unresolved": "neither a module of this folder nor a package sciship knows",
}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sciship deps`` and its options to the command-line parser."""
    p = sub.add_parser(
        "deps",
        parents=[common],
        help="dependencies your code imports vs the ones you declared",
        description="List the packages your code imports (package, tests, docs, notebooks, scripts) and "
        "compare them with pyproject.toml, requirements files or environment.yml. Reads files only: your "
        "code is never imported or run.",
    )
    p.add_argument("path", nargs="?", default=".", help="the project folder (default: here)")
    p.add_argument(
        "--format",
        choices=("table", "json", "html"),
        default="table",
        help="table (default), json, or html (one self-contained page)",
    )
    p.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write the report to FILE instead of the screen (needed for html on a terminal)",
    )
    p.add_argument("--write", action="store_true", help="declare what is missing in pyproject.toml")
    p.add_argument("--dry-run", action="store_true", help="with --write: show the change, write nothing")
    p.add_argument("--floors", action="store_true", help="with --write: add `>=` the installed version")
    p.add_argument("--no-cache", action="store_true", help="scan every file again (ignore the cache)")
    p.add_argument(
        "--online",
        action="store_true",
        help="look up the import names sciship could not resolve on the package index (answers are cached)",
    )
    p.add_argument(
        "--index-url",
        metavar="URL",
        default=None,
        help="with --online: the index's JSON API (default: https://pypi.org/pypi, or $SCISHIP_INDEX_URL)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ui: UI) -> int:
    """Compare the packages the code imports with those declared and print the result, or declare the missing
    ones with ``--write``.

    Returns 1 when the package's code (for a folder of scripts: the scripts) imports something undeclared,
    else 0 (always 0 with ``--write``).
    """
    from sciship.commands._output import emit, refuse_html_on_terminal
    from sciship.imports import analyze
    from sciship.project import Project

    refuse_html_on_terminal(args, ui)
    project = Project.load(args.path)
    project.require_readable_pyproject(
        "until it can, sciship cannot compare the imports with the dependencies it declares"
    )
    index = None
    if args.online:
        import os

        from sciship.imports.online import DEFAULT_INDEX, Index

        index = Index(args.index_url or os.environ.get("SCISHIP_INDEX_URL") or DEFAULT_INDEX)
    elif args.index_url:
        ui.info("--index-url only makes sense with --online; sciship stayed offline.")
    from sciship.imports.analysis import cancel_prefetch, prefetch_scan

    if not args.no_cache:  # on a cold cache, workers start reading and scanning their share now
        prefetch_scan(project, check_syntax=False)
    try:
        # no full syntax check of every file (`sciship check` does it): the scan screens the files it reads
        report = analyze(project, cache=not args.no_cache, online=index, check_syntax=False)
    finally:
        cancel_prefetch()
    if args.write or args.dry_run:
        if args.dry_run and not args.write:
            ui.info("--dry-run only makes sense with --write; showing the dependencies instead.")
        else:
            return _write(project, report, args, ui)
    if args.format == "json":
        text = json.dumps(report.to_json(), indent=2) + "\n"
    elif args.format == "html":
        from sciship.commands._output import project_name, shown_path
        from sciship.report.html import render
        from sciship.report.pages import deps_page

        shown = shown_path(args.path, project)
        page = deps_page(report, project=project_name(project), root=shown, next_step=next_step(report))
        text = render(page)
    else:
        text = render_table(report, ui, colour=not args.output)
    emit(text, args, ui)
    return 1 if _blocking(report) else 0


def _blocking(report: DepsReport) -> list[DependencyVerdict]:
    needed = {"runtime"} if report.packaged else report.needed_scopes
    return [
        v
        for v in report.dependencies
        if v.status == "missing" and set(v.scopes) & needed and not v.maybe_through
    ]


def next_step(report: DepsReport) -> str | None:
    """What to do about the verdicts: declare what is missing, else look at what is unused."""
    if _blocking(report):
        return "Run `sciship deps --write --dry-run` to see the change that declares what is missing."
    unused = [v for v in report.dependencies if v.status == "unused"]
    if any(v.plugin is None and v.maybe_used_by is None for v in unused):
        return (
            "Remove the unused entries from where they are declared, unless something needs them "
            "without importing them (a command-line tool, a plugin): each one makes installs slower and can "
            "conflict with other packages."
        )
    return None


def render_table(report: DepsReport, ui: UI, *, colour: bool = True) -> str:
    """The terminal report of ``sciship deps``: one row per distribution, then a summary, the Python version,
    notes, unreadable files and the next step."""
    from sciship.style import Style

    st = ui.style if colour else Style(colour=False)
    rows = [("distribution", "status", "used in", "declared in", "imported as")]
    rows.extend(
        (
            v.distribution or f"? ({v.name})",
            v.status,
            ", ".join(v.scopes) or "-",
            ", ".join(_short(d) for d in v.declared) or "-",
            ", ".join(v.imports) or "-",
        )
        for v in report.dependencies
    )
    widths = [min(max(len(r[i]) for r in rows), 40) for i in range(4)]
    lines = []
    for n, row in enumerate(rows):
        cells = [_fit(row[i], widths[i]).ljust(widths[i]) for i in range(4)] + [row[4]]
        if n == 0:
            lines.append(st("  ".join(cells), "bold"))
        else:
            cells[1] = st(cells[1], _STATUS_COLOUR.get(row[1], "dim"))
            lines.append("  ".join(cells).rstrip())
    if len(rows) == 1:
        lines.append("No third-party imports and no declared dependencies.")
    lines.append("")
    counts: dict[str, int] = {}
    for v in report.dependencies:
        counts[v.status] = counts.get(v.status, 0) + 1
    summary = [f"{n} {s} ({_STATUS_HELP[s]})" for s, n in sorted(counts.items()) if s in _STATUS_HELP]
    if summary:
        lines.append(st("Summary: ", "bold") + "; ".join(summary) + ".")
    rp = report.requires_python
    if rp.detected_minimum:
        lines.append(
            f"Python: the code needs {rp.detected_minimum}+ ({rp.reason}, {rp.path}:{rp.line}); "
            f"requires-python is {rp.declared or 'not set'}."
        )
    lines.extend(
        f"`{v.imports[0]}` could come from: " + ", ".join(v.candidates) + "; declare the one you use."
        for v in report.dependencies
        if v.candidates
    )
    notes = [v for v in report.dependencies if v.note]
    if notes:
        lines.append("")
        lines.append(st("Notes:", "bold"))
        for v in notes:
            site = v.first_site
            where = f" ({site.path}:{site.line})" if site is not None and v.status == "unresolved" else ""
            end = "" if (v.note or "").endswith(("?", ".")) else "."
            lines.append(f"  {v.distribution or '`' + v.name + '`'}{where}: {v.note}{end}")
    if not report.online and any(v.status == "unresolved" for v in report.dependencies):
        lines.append(
            "  (`sciship deps --online` asks PyPI whether packages with the unresolved names exist.)"
        )
    if report.problems:
        lines.append("")
        lines.append(st(f"Files sciship could not fully read ({len(report.problems)}):", "bold"))
        lines.extend(f"  {p.location()}: {p.message}" for p in report.problems[:20])
        if len(report.problems) > 20:
            lines.append(f"  ... and {len(report.problems) - 20} more (use --format json to see all).")
    step = next_step(report)
    if step is not None:
        lines.append("")
        lines.append(step if _blocking(report) else "Next step: " + step[0].lower() + step[1:])
    return "\n".join(lines)


def _short(location: str) -> str:
    return location.replace("project.optional-dependencies.", "extra:").replace(
        "dependency-groups.", "group:"
    )


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _write(project: Any, report: DepsReport, args: argparse.Namespace, ui: UI) -> int:
    from sciship.imports import plan_write
    from sciship.plan import Plan

    st = ui.style
    plan = Plan(project.root)
    plan_write(project, report, plan, floors=args.floors)
    for note in plan.notes:
        ui.info(note)
    if not plan:
        ui.info("Nothing to write: every package the code needs is declared.")
        return 0
    if args.dry_run:
        ui.write(st("sciship deps --write --dry-run: nothing was written.", "bold"))
        for kind, path, reason in plan.summary():
            ui.write(f"  {kind:<6} {path}  {st('- ' + reason, 'dim')}")
        ui.write("")
        ui.write(plan.diff())
        ui.write("Run the same command without --dry-run to apply this change.")
        return 0
    written = plan.apply()
    ui.info(st(f"Wrote {len(written)} file(s):", "bold", "green"))
    for kind, path, reason in plan.summary():
        ui.info(f"  {kind:<6} {path}  {st('- ' + reason, 'dim')}")
    ui.info("Install the new dependencies with `pip install -e .` before you run your code again.")
    return 0
