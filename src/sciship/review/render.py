"""Text for people and programs: readiness (terminal, Markdown, JSON), one review, a table of reviews.

Nothing here prints; the command module writes what these functions return.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from sciship.style import Style

if TYPE_CHECKING:
    from sciship.review.checklist import Evidence, Item, Readiness
    from sciship.review.issue import Review
    from sciship.review.stages import Tracking

SCHEMA = 1
_GROUPS = (
    ("required", "The editor-in-chief's checks"),
    ("joss", "For JOSS (these may come after the review)"),
    ("optional", "Optional, recommended"),
)
_MARK = {"met": ("ok", "green"), "not met": ("x", "red"), "for a person": ("?", "yellow")}


# ---------------------------------------------------------------------- readiness
def readiness_terminal(r: Readiness, *, style: Style | None = None, verbose: bool = False) -> str:
    """The readiness checklist for a terminal: the items by group, the summary, what blocks, the next step.

    ``verbose`` lists every piece of evidence, passed checks included.
    """
    st = style or Style(colour=False)
    out = [st(f"sciship review check  {r.root}", "bold"), ""]
    for group, heading in _GROUPS:
        items = [i for i in r.items if i.group == group]
        if not items:
            continue
        out += [st(heading, "bold"), ""]
        for item in items:
            out += _terminal_item(item, st, verbose=verbose)
        out.append("")
    c = r.counts()
    out.append(
        st("Summary: ", "bold")
        + f"{c['met']} met, {c['not met']} not met, {c['for a person']} for a person"
        + (" (installed and imported by `sciship build`)." if r.built else ".")
    )
    blocking = r.blocking
    if blocking:
        out.append(
            f"{len(blocking)} item{'s' if len(blocking) != 1 else ''} still block a submission, most "
            "important first:"
        )
        out += [
            st.wrap(f"{n}. {i.title}: {i.todo}", indent="     ", first="  ")
            for n, i in enumerate(blocking, 1)
        ]
    else:
        out.append("Nothing sciship can check blocks a submission.")
    if r.for_a_person:
        out.append(st.wrap("Left for you: " + "; ".join(i.title for i in r.for_a_person) + ".", indent="  "))
    out.append(st("Next step: ", "bold") + _next(r))
    return "\n".join(out) + "\n"


def _next(r: Readiness) -> str:
    if r.blocking:
        first = r.blocking[0]
        return f"{first.todo} (`sciship check` explains every finding.)"
    return (
        "`sciship review submission` writes the submission issue's text for you to paste, with the header "
        "filled in."
    )


def _terminal_item(item: Item, st: Style, *, verbose: bool) -> list[str]:
    mark, colour = _MARK[item.status]
    pad = "  " * (item.level + 1)
    label = f"{item.status:<13}"
    out = [f"{pad}{st(mark.ljust(2), colour, 'bold')} {st(label, colour)} {item.title}"]
    ind = pad + " " * 17
    passed = [e.code for e in item.evidence if e.code and e.status == "passed"]
    failing: set[str | None] = {e.code for e in item.evidence if e.code and e.status == "failed"}
    shown = [e for e in item.evidence if verbose or _worth_showing(e, failing)]
    if passed and not verbose:
        out.append(st.wrap(", ".join(passed) + " passed", indent=ind))
    out.extend(st.wrap(_evidence_text(e), indent=ind + "  ", first=ind) for e in shown)
    if item.todo and item.status != "met":
        first = ind + st("To do: " if item.status == "not met" else "For you: ", "bold")
        out.append(st.wrap(item.todo, indent=ind + "  ", first=first))
    return out


def _worth_showing(e: Evidence, failing: set[str | None]) -> bool:
    """Passed checks are summed up in one line; a check skipped because a failed one shown above it did
    not pass adds nothing."""
    if e.code and e.status == "passed":
        return False
    if e.code and e.status == "skipped":
        from sciship.checks import get_check

        chk = get_check(e.code)
        return not (chk is not None and failing.intersection(chk.requires))
    return True


def _evidence_text(e: Evidence) -> str:
    where = f" ({e.location()})" if e.location() else ""
    if e.code:
        return f"{e.code} {e.status}: {e.text}{where}"
    return f"{e.text}{where}"


def readiness_markdown(r: Readiness) -> str:
    """The readiness checklist as Markdown: a task list per group, evidence and to-dos, then the summary."""
    from sciship.review.checklist import summary_lines

    out = [f"## Ready for pyOpenSci review? `{r.root}`", ""]
    c = r.counts()
    out += [f"**{c['met']} met**, {c['not met']} not met, {c['for a person']} for a person.", ""]
    for group, heading in _GROUPS:
        items = [i for i in r.items if i.group == group]
        if not items:
            continue
        out += [f"### {heading}", ""]
        for item in items:
            box = "x" if item.status == "met" else " "
            pad = "  " * item.level
            tail = " *(for a person)*" if item.status == "for a person" else ""
            out.append(f"{pad}- [{box}] {item.title}{tail}")
            for e in item.evidence:
                out.append(f"{pad}  - {_evidence_text(e)}")
            if item.todo and item.status != "met":
                out.append(f"{pad}  - *{'To do' if item.status == 'not met' else 'For you'}:* {item.todo}")
        out.append("")
    out += [f"{line}" for line in summary_lines(r)]
    return "\n".join(out) + "\n"


def readiness_json(r: Readiness) -> str:
    """The readiness as JSON (``schema`` 1): every item, what blocks, the counts and the checks' summary."""
    from sciship.report.findings import summary

    data = {
        "schema": SCHEMA,
        "root": r.root,
        "ready": r.ready,
        "built": r.built,
        "items": [i.to_dict() for i in r.items],
        "blocking": [i.key for i in r.blocking],
        "for_a_person": [i.key for i in r.for_a_person],
        "summary": {k.replace(" ", "_"): v for k, v in r.counts().items()},
        "checks": summary(r.findings),
    }
    return json.dumps(data, indent=2) + "\n"


# ---------------------------------------------------------------------- one review
def _people(people: Sequence[Any]) -> str:
    return ", ".join(p.display() for p in people) if people else "-"


def stage_line(tracking: Tracking | None) -> str:
    """Where a review stands, in one line: its stage, the days in it, and whether it is overdue."""
    if tracking is None or tracking.stage is None:
        if tracking is not None and tracking.closed:
            return "closed (no stage label)"
        return "unknown (no stage label)"
    s = tracking.stage
    text = f"{s.title} ({s.label})"
    if tracking.closed:
        return text + ", closed"
    if tracking.days is not None:
        since = tracking.since.date().isoformat() if tracking.since else "?"
        how = "the label was added" if tracking.since_source == "label event" else "the issue was opened"
        text += f", {tracking.days} day{'s' if tracking.days != 1 else ''} (since {since}, when {how})"
    if tracking.overdue and s.deadline_days is not None:
        text += (
            f"; OVERDUE by {tracking.days_over} day{'s' if tracking.days_over != 1 else ''} "
            f"(pyOpenSci's timeline: {s.deadline_days} days, waiting on the {s.waiting_on})"
        )
    elif s.deadline_days is not None and not s.done and tracking.days is not None:
        text += f"; due within {s.deadline_days} days (waiting on the {s.waiting_on})"
    return text


def review_terminal(review: Review, tracking: Tracking | None, *, style: Style | None = None) -> str:
    """One review for a terminal: its stage, every header field, and what could not be read as expected."""
    st = style or Style(colour=False)
    name = review.package_name or "(no package name)"
    where = f"#{review.number}, {review.state}" if review.number is not None else "from a file"
    out = [st(f"{name}", "bold") + f"  ({review.kind}, {where})"]
    if review.issue_link:
        out.append(f"  {review.issue_link}")
    out.append("")
    rows = [
        ("Stage", stage_line(tracking) if tracking is not None else "unknown (labels live on GitHub)"),
        ("Description", review.package_description or "-"),
        ("Submitting author", review.submitting_author.display() if review.submitting_author else "-"),
        ("Maintainers", _people(review.all_current_maintainers)),
        ("Repository", review.repository_link or "-"),
        ("Version submitted", review.version_submitted or "-"),
        ("Editor-in-chief", _people(review.eic)),
        ("Editor", _people(review.editor)),
        ("Reviewers", _people(review.reviewers)),
        ("Archive", review.archive or "-"),
        ("JOSS", review.joss or "-"),
        ("Version accepted", review.version_accepted or "-"),
        ("Date accepted", review.date_accepted or "-"),
        ("Categories", ", ".join(review.categories) or "-"),
        ("Partners", ", ".join(review.partners) or "-"),
    ]
    if review.labels:
        rows.append(("Labels", ", ".join(review.labels)))
    for key, value in review.extra.items():
        rows.append((key.replace("_", " ").capitalize() + " *", value or "-"))
    for label, value in rows:
        out.append(st.wrap(value, indent=" " * 22, first=f"  {label + ':':<20}"))
    if review.extra:
        out += ["", "  * not one of pyOpenSci's header keys: kept under `extra` in --format json/yaml."]
    if review.warnings:
        out += ["", st("Could not read as expected:", "bold", "yellow")]
        out += [st.wrap(w, indent="    ", first="  - ") for w in review.warnings]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------- many reviews
def reviews_table(
    rows: Sequence[tuple[Review, Tracking]], *, style: Style | None = None, skipped: int = 0, repo: str = ""
) -> str:
    """Many reviews as a text table (stage, editor, reviewers, days, overdue) with the counts below it."""
    st = style or Style(colour=False)
    header = ("#", "package", "stage", "editor", "reviewers", "days", "overdue")
    table: list[tuple[str, ...]] = []
    for review, tracking in rows:
        stage = tracking.stage.label if tracking.stage else ("closed" if tracking.closed else "-")
        overdue = f"+{tracking.days_over}d" if tracking.overdue else ""
        table.append(
            (
                str(review.number or ""),
                _cut(review.package_name or review.title or "?", 28),
                stage,
                _cut(
                    ", ".join("@" + p.github_username if p.github_username else p.name for p in review.editor)
                    or "-",
                    18,
                ),
                _cut(
                    ", ".join(
                        "@" + p.github_username if p.github_username else p.name for p in review.reviewers
                    )
                    or "-",
                    30,
                ),
                "" if tracking.days is None else str(tracking.days),
                overdue,
            )
        )
    widths = [max(len(h), *(len(r[i]) for r in table)) if table else len(h) for i, h in enumerate(header)]
    out = [st(f"pyOpenSci reviews in {repo}", "bold") if repo else "", ""] if repo else []
    out.append("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    out.append("  ".join("-" * w for w in widths))
    for row in table:
        line = "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        out.append(st(line, "red") if row[-1] else line)
    late = sum(1 for _, t in rows if t.overdue)
    counted = (
        f"{len(rows)} review{'s' if len(rows) != 1 else ''}, {late} overdue against pyOpenSci's "
        "timelines (EiC 14 days, reviews 21 days, author response 14 days, on hold 90 days)."
    )
    out += ["", counted]
    if skipped:
        out.append(
            f"{skipped} other issue{'s' if skipped != 1 else ''} had no review header and "
            f"{'were' if skipped != 1 else 'was'} left out."
        )
    out.append("Days in stage count from when the stage's label was last added (the issue's events).")
    return "\n".join(out) + "\n"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def records(rows: Sequence[tuple[Review, Tracking | None]]) -> list[dict[str, Any]]:
    """Each review as its pyosMeta ``packages.yml`` entry, with sciship's own keys after."""
    from sciship.review.issue import to_record

    return [to_record(review, tracking) for review, tracking in rows]


def dump(data: Any, fmt: str) -> str:
    """``data`` as indented JSON when ``fmt`` is ``json``, else as YAML."""
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    import yaml

    return str(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))


def now() -> datetime:
    """The current time, in UTC."""
    return datetime.now(timezone.utc)
