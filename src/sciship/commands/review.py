"""``sciship review``: get ready for pyOpenSci peer review, write the submission, follow reviews.

``check`` (readiness against the editor-in-chief's checks), ``submission`` (the issue text),
``status`` and ``list`` (where reviews stand), ``accepted`` (record an acceptance in the project).
The work lives in :mod:`sciship.review`; this module parses arguments and writes what it returns.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.project import Project
    from sciship.review.github import GitHub
    from sciship.ui import UI

DEFAULT_REPO = "pyOpenSci/software-submission"  # also sciship.review.DEFAULT_REPO (not imported: startup)
#: checks the submission's boxes rest on (their prerequisites are added when they run)
_SUBMISSION_CODES = ("LIC203", "RDM315", "DOC503", "DOC504", "LAY405", "CI700")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sciship review`` and its subcommands (check, submission, status, list, accepted) to the
    command-line parser."""
    p = sub.add_parser(
        "review",
        parents=[common],
        help="get ready for pyOpenSci peer review, write the submission, follow reviews",
        description="pyOpenSci peer review: how ready a package is (the editor-in-chief's checks), the "
        "submission issue's text, where reviews stand, and what to record after acceptance.",
    )
    p.set_defaults(handler=_help(p))
    rs = p.add_subparsers(dest="review_command", metavar="SUBCOMMAND", parser_class=type(p))

    c = rs.add_parser(
        "check",
        parents=[common],
        help="readiness against the editor-in-chief's checks, item by item",
        description="Go through pyOpenSci's editor-in-chief checks in their order. Each item is met, not met "
        "or for a person to judge, with the sciship checks, files and lines behind it. Reads files only, "
        "unless --build.",
    )
    c.add_argument("path", nargs="?", default=".", help="the project folder (default: here)")
    c.add_argument(
        "--build",
        action="store_true",
        help="also build the package, install it in a fresh environment and import it "
        "(runs the build backend)",
    )
    c.add_argument("--format", choices=("terminal", "markdown", "json", "html"), default="terminal")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of the screen")
    c.add_argument("--verbose", "-v", action="store_true", help="show every check behind each item")
    c.set_defaults(handler=run_check)

    s = rs.add_parser(
        "submission",
        parents=[common],
        help="write the submission issue's text, filled in from the project",
        description="Write the body of a pyOpenSci submission issue in the structure of pyOpenSci's current "
        "template: the header filled from pyproject.toml, CITATION.cff and git, and a technical-check box "
        "ticked only where sciship verified it (the evidence is in an HTML comment). Unknown values are TBD "
        "and listed at the end.",
    )
    s.add_argument("path", nargs="?", default=".", help="the project folder (default: here)")
    s.add_argument("--presubmission", action="store_true", help="a pre-submission inquiry instead")
    s.add_argument(
        "--output", "-o", metavar="FILE", help="write to FILE (never overwritten) instead of the screen"
    )
    s.set_defaults(handler=run_submission)

    st = rs.add_parser(
        "status",
        parents=[common],
        help="where one review stands: its header, stage and days in the stage",
        description="Read one review issue: a file with its text, `-` for standard input, or OWNER/REPO#N, "
        "#N, N or the issue's address on GitHub (default repository pyOpenSci/software-submission). GitHub "
        "is asked through its REST API (GITHUB_API_URL, GITHUB_TOKEN; answers are cached).",
    )
    st.add_argument("issue", metavar="ISSUE", help="a file, `-`, OWNER/REPO#N, #N, N or an issue URL")
    st.add_argument(
        "--format",
        choices=("terminal", "json", "yaml"),
        default="terminal",
        help="json and yaml use pyosMeta's field names",
    )
    st.add_argument("--no-cache", action="store_true", help="ask GitHub afresh (do not offer cached answers)")
    st.set_defaults(handler=run_status)

    ls = rs.add_parser(
        "list",
        parents=[common],
        help="every review as a table: stage, editor, reviewers, days in stage, overdue",
        description="The editor's dashboard: every review issue of a repository with its stage, editor, "
        "reviewers, days in the stage and whether it is overdue against pyOpenSci's published timelines.",
    )
    ls.add_argument(
        "--repo",
        default=DEFAULT_REPO,
        metavar="OWNER/REPO",
        help=f"the review repository (default: {DEFAULT_REPO})",
    )
    ls.add_argument(
        "--label",
        action="append",
        default=[],
        metavar="L",
        help="only issues with this label (repeat for any of several)",
    )
    ls.add_argument("--state", choices=("open", "closed", "all"), default="open")
    ls.add_argument(
        "--format",
        choices=("terminal", "json", "yaml", "html"),
        default="terminal",
        help="json and yaml use pyosMeta's field names; html: a page with a bar of the days in each stage",
    )
    ls.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of the screen")
    ls.add_argument("--no-cache", action="store_true", help="ask GitHub afresh (do not offer cached answers)")
    ls.set_defaults(handler=run_list)

    a = rs.add_parser(
        "accepted",
        parents=[common],
        help="after acceptance: the badge, the archive DOI and a changelog line",
        description="Record a pyOpenSci acceptance in the project: the peer-reviewed badge at the top of the "
        "README (linking to the review), the archive DOI in CITATION.cff, and a line in the changelog. Shows "
        "the plan with --dry-run; never overwrites a file.",
    )
    a.add_argument("path", nargs="?", default=".", help="the project folder (default: here)")
    a.add_argument(
        "--issue", required=True, metavar="N", help="the review issue: N, OWNER/REPO#N or its address"
    )
    a.add_argument(
        "--doi", metavar="DOI", help="the archive DOI (default: the issue's `Archive:` when it is one)"
    )
    a.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    a.set_defaults(handler=run_accepted)


def _help(parser: argparse.ArgumentParser) -> Any:
    def show(_args: argparse.Namespace, ui: UI) -> int:
        ui.write(parser.format_help())
        return 0

    return show


def _load(path: str) -> Project:
    from sciship._errors import InputError
    from sciship.project import Project

    project = Project.load(path)
    if not project.files:
        raise InputError(
            f"The folder `{project.root}` is empty (or everything in it is ignored by .gitignore).",
            hint="Point sciship at your package's folder.",
        )
    return project


# ---------------------------------------------------------------------- check
def run_check(args: argparse.Namespace, ui: UI) -> int:
    """``sciship review check``: print how ready the project is against pyOpenSci's editor-in-chief checks.

    Returns 0 when no required item is unmet, else 1.
    """
    from sciship.checks import run_checks
    from sciship.commands._output import emit, refuse_html_on_terminal
    from sciship.imports.analysis import cancel_prefetch, prefetch_scan
    from sciship.review import checklist, render

    refuse_html_on_terminal(args, ui)
    project = _load(args.path)
    prefetch_scan(project)
    try:
        findings = run_checks(project, debug=args.debug)
    finally:
        cancel_prefetch()
    build = None
    if args.build:
        build = _build(project, ui, quiet=args.format == "json")
    readiness = checklist.evaluate(project, findings, build=build)
    if args.format == "json":
        text = render.readiness_json(readiness)
    elif args.format == "markdown":
        text = render.readiness_markdown(readiness)
    elif args.format == "html":
        from sciship.commands._output import project_name, shown_path
        from sciship.report import html as h
        from sciship.review.report import readiness_page

        page = readiness_page(
            readiness, project=project_name(project), subtitle=shown_path(args.path, project)
        )
        text = h.render(page)
    else:
        style = ui.style if not args.output else None
        text = render.readiness_terminal(readiness, style=style, verbose=args.verbose)
    c = readiness.counts()
    emit(
        text,
        args,
        ui,
        summary=lambda: f"{c['met']} met, {c['not met']} not met, {c['for a person']} for a person.",
    )
    return 0 if readiness.ready else 1


def _build(project: Project, ui: UI, *, quiet: bool = False) -> Any:
    import tempfile

    from sciship import release
    from sciship.commands.build import _Progress

    if not project.has("pyproject.toml") and not project.has("setup.py"):
        ui.info("No pyproject.toml or setup.py: there is nothing to build, so --build was skipped.")
        return None
    from sciship.report.progress import progress_for

    ui.info("Building, installing and importing the package (`sciship build`):")
    with tempfile.TemporaryDirectory(prefix="sciship-review-") as out, progress_for(ui, quiet=quiet) as bar:
        return release.build(project.root, smoke=True, progress=_Progress(ui, bar), outdir=out)


# ---------------------------------------------------------------------- submission
def _with_prerequisites(codes: tuple[str, ...]) -> list[str]:
    from sciship.checks import get_check

    wanted: list[str] = []
    todo = list(codes)
    while todo:
        code = todo.pop()
        if code in wanted:
            continue
        wanted.append(code)
        chk = get_check(code)
        if chk is not None:
            todo.extend(chk.requires)
    return wanted


def run_submission(args: argparse.Namespace, ui: UI) -> int:
    """``sciship review submission``: write the submission issue's text to the screen or to ``--output``, and
    list the values left TBD. Returns 0."""
    from sciship.checks import run_checks
    from sciship.review import submission

    project = _load(args.path)
    findings = run_checks(project, select=_with_prerequisites(_SUBMISSION_CODES), debug=args.debug)
    result = submission.write(project, findings, presubmission=args.presubmission)
    st = ui.err_style
    if args.output:
        from pathlib import Path

        from sciship.plan import Plan

        target = Path(args.output).resolve()
        plan = Plan(target.parent)
        plan.create(target.name, result.text, "the submission issue's text")
        plan.apply()
        ui.info(st("Wrote ", "bold") + str(target))
    else:
        ui.write(result.text.rstrip("\n"))
    kind = "pre-submission inquiry" if result.presubmission else "submission"
    if result.unknown:
        ui.info(
            st(
                f"sciship wrote TBD for {len(result.unknown)} value(s) it could not find; fill them in:",
                "bold",
                "yellow",
            )
        )
        for value in result.unknown:
            ui.info(f"  - {value}")
    ui.info(
        st("Next: ", "bold") + f"open {result.new_issue_url} (pyOpenSci's {kind} template), replace its text "
        "with this one, tick the boxes only you can tick, and submit."
    )
    return 0


# ---------------------------------------------------------------------- status and list
def _client(args: argparse.Namespace, ui: UI) -> GitHub:
    from sciship.review.github import GitHub

    return GitHub(cache=not getattr(args, "no_cache", False), log=ui.info if args.debug else None)


def run_status(args: argparse.Namespace, ui: UI) -> int:
    """``sciship review status``: print one review issue's header (from a file, stdin or GitHub) and, read
    from GitHub, its stage and days in the stage. Returns 0."""
    from pathlib import Path

    from sciship._errors import InputError
    from sciship.review import issue, render, stages
    from sciship.review.github import parse_ref

    source = args.issue
    tracking = None
    if source == "-":
        review = issue.parse_body(ui.stdin.read())
    elif Path(source).is_file():
        try:
            body = Path(source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"sciship cannot read `{source}` as UTF-8 text ({exc}).") from None
        review = issue.parse_body(body)
    else:
        ref = parse_ref(source, DEFAULT_REPO)
        if ref is None:
            raise InputError(
                f"`{source}` is not a file, `-`, OWNER/REPO#N, #N, N or an issue's address.",
                hint="For example: `sciship review status 210`, `sciship review status "
                "pyOpenSci/software-submission#210` or `sciship review status issue.md`.",
            )
        gh = _client(args, ui)
        data = gh.issue(ref.repo, ref.number)
        if "pull_request" in data:
            raise InputError(f"{ref} is a pull request, not a review issue.")
        review = _parse_issue(data, ref.repo)
        events = gh.events(ref.repo, ref.number) if data.get("state") == "open" else []
        tracking = stages.track(
            review.labels, state=str(data.get("state")), created_at=review.created_at, events=events
        )
    if args.format in ("json", "yaml"):
        ui.write(render.dump(issue.to_record(review, tracking), args.format))
    else:
        ui.write(render.review_terminal(review, tracking, style=ui.style))
    return 0


def _parse_issue(data: dict[str, Any], repo: str) -> Any:
    from sciship._errors import InputError
    from sciship.review import issue

    try:
        return issue.from_issue(data)
    except InputError as exc:
        raise InputError(f"Issue {repo}#{data.get('number')}: {exc.message}", hint=exc.hint) from None


def run_list(args: argparse.Namespace, ui: UI) -> int:
    """``sciship review list``: every review issue of a repository with its stage, people and days in the
    stage, as a table, JSON, YAML or HTML. Returns 0."""
    from concurrent.futures import ThreadPoolExecutor

    from sciship._errors import InputError
    from sciship.commands._output import emit, refuse_html_on_terminal
    from sciship.report.progress import progress_for
    from sciship.review import issue, render, stages
    from sciship.review.github import check_repo

    refuse_html_on_terminal(args, ui)
    repo = check_repo(args.repo)
    gh = _client(args, ui)
    labels = [lb.strip() for value in args.label for lb in value.split(",") if lb.strip()]
    bar = progress_for(ui, quiet=args.format in ("json", "yaml") or args.debug)
    with bar:
        bar.step(f"Read the issues of {repo}")
        data = gh.issues(
            repo, state=args.state, labels=labels[0] if len(labels) == 1 else None, progress=bar.update
        )
    if len(labels) > 1:
        wanted = {lb.lower() for lb in labels}
        data = [
            d for d in data if any(str(x.get("name", "")).lower() in wanted for x in d.get("labels") or [])
        ]
    reviews = []
    skipped = 0
    for item in data:
        try:
            reviews.append((item, issue.from_issue(item)))
        except InputError:
            skipped += 1
    if not reviews and labels:
        known = {n.lower() for n in gh.labels(repo)}
        unknown = [lb for lb in labels if lb.lower() not in known]
        if unknown:
            raise InputError(
                f"{repo} has no label {', '.join(repr(u) for u in unknown)}.",
                hint="Labels are written as on GitHub, e.g. `3/reviewers-assigned` or `6/pyOS-approved`.",
            )

    def events(item: dict[str, Any]) -> list[dict[str, Any]]:
        try:
            return gh.events(repo, int(item["number"])) if item.get("state") == "open" else []
        finally:
            bar.advance()

    with bar:
        bar.step("Read when each stage began (label events)", total=len(reviews))
        with ThreadPoolExecutor(max_workers=6) as pool:
            all_events = list(pool.map(events, [item for item, _ in reviews]))
    now = render.now()
    rows = []
    for (item, review), ev in zip(reviews, all_events, strict=True):
        tracking = stages.track(
            review.labels, state=str(item.get("state")), created_at=review.created_at, events=ev, now=now
        )
        rows.append((review, tracking, ev))
    if args.format in ("json", "yaml"):
        text = render.dump(render.records([(r, t) for r, t, _ in rows]), args.format)
    elif args.format == "html":
        from sciship.report import html as h
        from sciship.review.report import reviews_page

        table = [(r, t, stages.history(t, created_at=r.created_at, events=ev, now=now)) for r, t, ev in rows]
        text = h.render(reviews_page(table, repo=repo, skipped=skipped, state=args.state))
    else:
        text = render.reviews_table(
            [(r, t) for r, t, _ in rows],
            style=ui.style if not args.output else None,
            skipped=skipped,
            repo=repo,
        )
    late = sum(1 for _, t, _ in rows if t.overdue)
    emit(text, args, ui, summary=lambda: f"{len(rows)} reviews, {late} overdue.")
    return 0


# ---------------------------------------------------------------------- accepted
def run_accepted(args: argparse.Namespace, ui: UI) -> int:
    """``sciship review accepted``: record an acceptance in the project (badge, archive DOI, changelog line),
    or show the change with ``--dry-run``. Returns 0."""
    from sciship._errors import InputError
    from sciship.review import accepted, issue
    from sciship.review.github import GitHubError, parse_ref

    project = _load(args.path)
    ref = parse_ref(args.issue, DEFAULT_REPO)
    if ref is None:
        raise InputError(
            f"`{args.issue}` is not a review issue: give its number (for pyOpenSci/software-submission), "
            "OWNER/REPO#N or its address."
        )
    doi = None
    if args.doi:
        doi = accepted.bare_doi(args.doi)
        if doi is None:
            raise InputError(
                f"`{args.doi}` is not a DOI: a DOI looks like 10.5281/zenodo.1234567 (or https://doi.org/...).",
            )
    else:
        try:
            review = issue.from_issue(_client(args, ui).issue(ref.repo, ref.number))
            doi = accepted.bare_doi(review.archive or "") if review.archive else None
            if doi:
                ui.info(f"The archive DOI from the issue's header: {doi}")
        except (GitHubError, InputError) as exc:
            ui.info(f"sciship could not read the archive DOI from {ref} ({exc.message}).")
        if doi is None:
            ui.info("No archive DOI recorded: pass --doi 10.5281/zenodo.... once Zenodo has made one.")
    result = accepted.plan_acceptance(project, ref, doi)
    plan = result.plan
    st = ui.style
    if not plan:
        for note in plan.notes:
            ui.info(note)
        ui.info("Nothing to change.")
        return 0
    if args.dry_run:
        ui.write(st("sciship review accepted --dry-run: nothing was written.", "bold"))
        ui.write("")
        for kind, path, reason in plan.summary():
            ui.write(f"  {kind:<6} {path}  {st('- ' + reason, 'dim')}")
        ui.write("")
        ui.write(plan.diff())
        for note in plan.notes:
            ui.write(st.wrap(note, indent="  ", first=st("Note: ", "bold")))
        ui.write("Run the same command without --dry-run to make these changes.")
        return 0
    written = plan.apply()
    ui.info(st(f"Recorded the acceptance in {len(written)} file(s):", "bold", "green"))
    for kind, path, reason in plan.summary():
        ui.info(f"  {kind:<6} {path}  {st('- ' + reason, 'dim')}")
    for note in plan.notes:
        ui.info(st.wrap(note, indent="  ", first=st("Note: ", "bold")))
    ui.info("Commit these changes, and tag a release if the DOI is new.")
    return 0
