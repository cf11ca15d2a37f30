"""``sciship check``: a plain-language review of a package (``--fix`` repairs what is mechanical)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.ui import UI

FAIL_ON = ("blocker", "important", "polish", "never")
FORMATS = ("terminal", "json", "markdown", "html", "github", "sarif")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sciship check`` and its options to the command-line parser."""
    p = sub.add_parser(
        "check",
        parents=[common],
        help="review a package: what is wrong, why it matters, how to fix it",
        description="Review a Python package the way pyOpenSci reviewers would, in plain language. "
        "Reads files only: your code is never imported or run.",
    )
    p.add_argument("path", nargs="?", default=".", help="the project folder (default: here)")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="terminal",
        help="terminal (default), json, markdown, html (one self-contained page), github (annotations "
        "for GitHub Actions) or sarif (for GitHub code scanning)",
    )
    p.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write the report to FILE instead of the screen (needed for html on a terminal)",
    )
    p.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="important",
        help="exit with 1 when something at or above this severity fails (default: important)",
    )
    p.add_argument("--verbose", "-v", action="store_true", help="also list passed and skipped checks")
    p.add_argument("--fix", action="store_true", help="fix what can be fixed mechanically")
    p.add_argument("--dry-run", action="store_true", help="with --fix: show the changes, write nothing")
    p.add_argument("--select", action="append", default=[], metavar="CODE", help="only these checks/families")
    p.add_argument("--ignore", action="append", default=[], metavar="CODE", help="skip these checks")
    p.set_defaults(handler=run)


def _codes(values: list[str]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def run(args: argparse.Namespace, ui: UI) -> int:
    """Review the project (and with ``--fix`` repair what is mechanical), then print the report in the chosen
    format.

    Returns 1 when a check at or above ``--fail-on`` failed, else 0 (always 0 for ``--fix --dry-run``).
    """
    from sciship.commands._output import refuse_html_on_terminal
    from sciship.project import Project

    refuse_html_on_terminal(args, ui)
    project = Project.load(args.path)
    if not project.files:
        from sciship._errors import InputError

        raise InputError(
            f"The folder `{project.root}` is empty (or everything in it is ignored by .gitignore), "
            "so there is nothing to check.",
            hint="Point sciship at your project folder, or start one with `sciship new NAME` "
            "(or `sciship adopt PATH` for a folder of scripts).",
        )
    from sciship.imports.analysis import cancel_prefetch, prefetch_scan

    prefetch_scan(project)  # the import scan runs in workers while the checks that do not need it run
    try:
        return _review(project, args, ui)
    finally:
        cancel_prefetch()


def _review(project: Any, args: argparse.Namespace, ui: UI) -> int:
    from sciship.checks import at_or_above, run_checks

    select = _codes(args.select) or None
    ignore = _codes(args.ignore)
    findings = run_checks(project, select=select, ignore=ignore, debug=args.debug)

    if args.fix or args.dry_run:
        if args.dry_run and not args.fix:
            ui.info("--dry-run only makes sense with --fix; showing the review instead.")
        else:
            project, findings = _fix(project, findings, args, ui, select, ignore)
            if project is None:
                return 0

    _render(findings, project, args, ui)
    if args.fail_on == "never":
        return 0
    return 1 if at_or_above(findings, args.fail_on) else 0


def _problems(project: Any, *, debug: bool) -> list[Any]:
    """Files sciship could not read or parse: the snapshot's, plus the import scan's (e.g. Python 2 files)."""
    from sciship.checks.problems import review_problems

    return review_problems(project, debug=debug)


def _render(findings: Any, project: Any, args: argparse.Namespace, ui: UI) -> None:
    from sciship.commands._output import emit, project_name, shown_path
    from sciship.report import findings as rep

    root = str(project.root)
    problems = _problems(project, debug=args.debug)
    fmt = args.format
    if fmt == "json":
        text = rep.render_json(findings, root=root, problems=problems)
    elif fmt == "markdown":
        text = rep.render_markdown(findings, root=root, problems=problems)
    elif fmt == "html":
        from sciship.report.pages import render_check

        shown = shown_path(args.path, project)
        text = render_check(findings, project=project_name(project), root=shown, problems=problems)
    elif fmt == "github":
        from sciship.report.github import render_github

        text = render_github(findings, root=root, problems=problems)
    elif fmt == "sarif":
        from sciship.report.sarif import render_sarif

        text = render_sarif(findings, root=root, problems=problems, files=project.files)
    else:
        style = ui.style if not args.output else None
        text = rep.render_terminal(findings, root=root, problems=problems, verbose=args.verbose, style=style)
    emit(text, args, ui, summary=lambda: rep.summary_line(findings, ui.err_style))


def _fix(project: Any, findings: Any, args: argparse.Namespace, ui: UI, select: Any, ignore: Any) -> Any:
    from sciship.checks import run_checks
    from sciship.checks.fix import plan_fixes_detailed
    from sciship.project import Project

    st = ui.style
    fixes = plan_fixes_detailed(project, findings, debug=args.debug)
    plan = fixes.plan
    needs_you = [f for f in findings if f.status == "failed" and (f.needs_author or f.check.fixer is None)]
    if not plan:
        ui.info("Nothing here can be fixed mechanically; the review below says what to do by hand.")
        return project, findings
    if args.dry_run:
        ui.write(st("sciship check --fix --dry-run: nothing was written.", "bold"))
        ui.write("")
        for kind, path, reason in plan.summary():
            ui.write(f"  {kind:<6} {path}  {st('- ' + reason, 'dim')}")
        ui.write("")
        ui.write(plan.diff())
        for note in plan.notes:
            ui.write(st.wrap(note, indent="  ", first=st("Not fixed: ", "bold", "yellow")))
        if needs_you:
            ui.write(f"{len(needs_you)} other finding(s) need you; run `sciship check` to see them.")
        ui.write("Run the same command without --dry-run to apply these changes.")
        return None, findings
    written = plan.apply()
    ui.info(st(f"Fixed: wrote {len(written)} file(s).", "bold", "green"))
    for kind, path, reason in plan.summary():
        ui.info(f"  {kind:<6} {path}  {st('- ' + reason, 'dim')}")
    for note in plan.notes:
        ui.info(st.wrap(note, indent="  ", first=st("Not fixed: ", "bold", "yellow")))
    new_project = Project.load(project.root)
    new_findings = run_checks(new_project, select=select, ignore=ignore, debug=args.debug)
    before = {f.code: f.status for f in findings}
    now_passing = [f for f in new_findings if f.status == "passed" and before.get(f.code) == "failed"]
    if now_passing:
        ui.info(st(f"Now passing ({len(now_passing)}): ", "bold") + ", ".join(f.code for f in now_passing))
    ui.info("")
    return new_project, new_findings
