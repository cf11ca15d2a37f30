"""The HTML pages of ``sciship review check`` and ``sciship review list``.

- :func:`readiness_page`: the editor's checklist in its order, each item met / not met / for a person with
  its evidence, a bar of the three counts on top, then the sciship checks behind the items (the cards of
  :func:`sciship.report.pages.findings_sections`).
- :func:`reviews_page`: one row per review with its stage, people, days in the stage and a bar of the days
  spent in each stage against pyOpenSci's published timelines.

Everything from the project or from GitHub goes into the page model as plain text, so the page escapes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sciship.report import html as h

if TYPE_CHECKING:
    from sciship.review.checklist import Evidence, Item, Readiness
    from sciship.review.issue import Review
    from sciship.review.stages import Span, Tracking

_GROUPS = (
    ("required", "The editor-in-chief's checks"),
    ("joss", "For JOSS (these may come after the review)"),
    ("optional", "Optional, recommended"),
)
_RANK_TONE: dict[int, h.Tone] = {0: "blocker", 1: "important", 2: "polish"}
_BASIS = {
    "checks": "sciship's checks",
    "facts": "what the files and git say",
    "static": "reading the code: no blocker found, nothing was run",
    "build": "`sciship build`: built, installed in a fresh environment and imported",
    "person": "a person's judgement",
}
_EVIDENCE_TONE: dict[str, h.Tone] = {
    "passed": "ok",
    "met": "ok",
    "failed": "blocker",
    "not met": "blocker",
    "skipped": "skipped",
}


# ---------------------------------------------------------------------- review check
def _tone(item: Item) -> h.Tone:
    if item.status == "met":
        return "ok"
    if item.status == "for a person":
        return "info"
    return _RANK_TONE.get(item.rank, "important")


def _evidence_row(e: Evidence) -> tuple[h.Cell, ...]:
    result: h.Cell = None
    if e.status:
        result = h.Badge(e.status, _EVIDENCE_TONE.get(e.status, "info"))
    where = e.location()
    return (h.Code(e.code) if e.code else "fact", result, e.text, h.Code(where) if where else None)


def _checklist_item(item: Item, number: str) -> h.Item:
    fields: list[tuple[str, str]] = []
    if item.todo and item.status != "met":
        fields.append(("To do" if item.status == "not met" else "For you", item.todo))
    fields.append(("Rests on", _BASIS.get(item.basis, item.basis)))
    details = []
    if item.evidence:
        rows = [_evidence_row(e) for e in item.evidence]
        details.append(
            h.Details(
                f"Evidence ({len(rows)})",
                [h.Table(("check", "result", "what sciship saw", "where"), rows)],
                open=item.status == "not met",
            )
        )
    return h.Item(
        code=number,
        title=item.title,
        tone=_tone(item),
        status=item.status,
        label={"met": "Met", "not met": "Not met", "for a person": "For a person"}[item.status],
        fields=fields,
        details=details,
    )


def _numbers(items: Sequence[Item]) -> list[str]:
    """``1``, ``2``, ``2.1``, ``2.2``, ``3``: parts of an item are numbered under it."""
    out: list[str] = []
    top = sub = 0
    for item in items:
        if item.level == 0 or top == 0:
            top, sub = top + 1, 0
            out.append(str(top))
        else:
            sub += 1
            out.append(f"{top}.{sub}")
    return out


def checklist_bar(r: Readiness) -> h.Figure:
    """The checklist as one stacked bar (met, not met, for a person), with its caption and alt text."""
    from sciship.report.pictures.charts import Part, stacked_bar

    c = r.counts()
    parts = [Part(status, c[status], status) for status in ("met", "not met", "for a person")]
    title = "The editor's checklist"
    return h.Figure(
        svg=stacked_bar(parts, title=title),
        caption=f"{c['met']} met, {c['not met']} not met, {c['for a person']} for a person to judge "
        f"(of {len(r.items)} items). Met is solid with \u2713, not met hatched with \u2717, for a person "
        "dotted with ?.",
        alt=f"{title}: {c['met']} met, {c['not met']} not met, {c['for a person']} for a person.",
    )


def _next(r: Readiness) -> str:
    if r.blocking:
        return f"{r.blocking[0].todo} (`sciship check` explains every finding.)"
    return (
        "`sciship review submission` writes the submission issue's text for you to paste, with the header "
        "filled in."
    )


def readiness_page(r: Readiness, *, project: str, subtitle: str | None) -> h.Page:
    """The page of ``sciship review check --format html``."""
    from sciship.report.pages import findings_sections

    c = r.counts()
    blocking = r.blocking
    if blocking:
        n = len(blocking)
        headline = (
            f"{n} item{'s' if n != 1 else ''} still block{'s' if n == 1 else ''} a pyOpenSci submission: "
            f"{c['met']} of {len(r.items)} met, {c['not met']} not met, {c['for a person']} for a person."
        )
    else:
        headline = (
            f"Nothing sciship can check blocks a pyOpenSci submission: {c['met']} of {len(r.items)} items "
            f"met, {c['for a person']} for a person to judge."
        )
    stats = [
        h.Stat("met", c["met"], "ok"),
        h.Stat("not met", c["not met"], "blocker" if c["not met"] else "ok"),
        h.Stat("for a person", c["for a person"], "info"),
    ]
    groups: list[h.Block] = []
    for group, heading in _GROUPS:
        items = [i for i in r.items if i.group == group]
        if items:
            numbers = _numbers(items)
            cards = [_checklist_item(i, n) for i, n in zip(items, numbers, strict=True)]
            groups.append(h.Section(heading, [h.Items(cards)], id=f"checklist-{group}"))
    sections = [
        h.Section(
            "The editor's checklist",
            groups,
            intro="pyOpenSci's editor-in-chief checks, in their order. Each item is met, not met, or for a "
            "person to judge, with the evidence sciship saw."
            + (" The package was built, installed and imported (`--build`)." if r.built else ""),
            id="checklist",
        )
    ]
    if blocking:
        sections.append(
            h.Section(
                "What still blocks a submission",
                [h.List([f"{n}. {i.title}: {i.todo}" for n, i in enumerate(blocking, 1)])],
                intro="Most important first.",
                tone="blocker",
                id="blocking",
            )
        )
    people = r.for_a_person
    if people:
        sections.append(
            h.Section(
                "Left for you to judge",
                [h.List([f"{i.title}: {i.todo}" if i.todo else i.title for i in people])],
                tone="info",
                id="for-a-person",
            )
        )
    if r.findings:
        sections.append(
            h.Section(
                "The sciship checks behind the items",
                list(findings_sections(r.findings)),
                intro="The same review as `sciship check`: what failed, why it matters and how to fix it.",
                id="checks",
            )
        )
    return h.Page(
        title="sciship review check",
        project=project,
        subtitle=subtitle,
        headline=headline,
        next_step=_next(r),
        stats=stats,
        figure=checklist_bar(r),
        sections=sections,
        meta=(("Built and imported", "yes" if r.built else "no (add `--build`)"),),
    )


# ---------------------------------------------------------------------- review list
def _who(people: Sequence[object]) -> str | None:
    names = []
    for p in people:
        handle = getattr(p, "github_username", None)
        names.append(f"@{handle}" if handle else str(getattr(p, "name", "") or "?"))
    return ", ".join(names) or None


def stage_history(review: Review, tracking: Tracking, spans: Sequence[Span]) -> h.Figure | None:
    """The bar of days per stage, or None when there is nothing to draw (closed, no stage)."""
    from sciship.report.pictures.charts import Stage as Part
    from sciship.report.pictures.charts import stage_bar

    if not spans:
        return None
    parts = []
    for span in spans:
        name = span.stage.title if span.stage else "stage unknown"
        days = float(tracking.days) if span.current and tracking.days is not None else span.days
        limit = span.stage.deadline_days if span.stage and not span.stage.done else None
        parts.append(Part(name, days, limit, current=span.current, known=span.stage is not None))
    if len(spans) == 1 and tracking.since_source == "opened":
        note = "Earlier stages unknown: no label events, so the days count from the day the issue was opened."
    elif len(spans) == 1:
        note = "No earlier stage in the label events."
    else:
        note = ""
    number = f"#{review.number}" if review.number is not None else ""
    title = f"Days in each stage of review {number}".strip()
    return h.Figure(
        svg=stage_bar(parts, title=title, width=340, note=note),
        caption="",
        alt=f"{title}: " + "; ".join(f"{p.name} {p.days:.0f} days" for p in parts),
    )


def reviews_page(
    rows: Sequence[tuple[Review, Tracking, Sequence[Span]]],
    *,
    repo: str,
    skipped: int = 0,
    state: str = "open",
    generated: datetime | None = None,
) -> h.Page:
    """The page of ``sciship review list --format html``: one row per review."""
    late = sum(1 for _, t, _ in rows if t.overdue)
    n = len(rows)
    headline = (
        f"{n} {state if state != 'all' else ''} review{'s' if n != 1 else ''} in {repo}, {late} overdue "
        "against pyOpenSci's timelines.".replace("  ", " ")
    )
    table_rows: list[tuple[h.Cell, ...]] = []
    ids: list[str | None] = []
    for review, tracking, spans in rows:
        stage: h.Cell
        if tracking.stage is not None:
            stage = h.Badge(tracking.stage.title, "info") if not tracking.closed else tracking.stage.title
        else:
            stage = "closed" if tracking.closed else None
        overdue: h.Cell = None
        if tracking.overdue:
            overdue = h.Badge(f"overdue by {tracking.days_over} days", "blocker")
        elif tracking.stage is not None and tracking.stage.deadline_days and tracking.days is not None:
            overdue = h.Badge(f"on time (of {tracking.stage.deadline_days})", "ok")
        bar = stage_history(review, tracking, spans)
        table_rows.append(
            (
                review.number,
                review.package_name or review.title or "?",
                stage,
                _who(review.editor),
                _who(review.reviewers),
                tracking.days,
                overdue,
                bar if bar is not None else ("closed: history not read" if tracking.closed else None),
            )
        )
        ids.append(f"review-{review.number}" if review.number is not None else None)
    sections = [
        h.Section(
            f"Reviews ({n})",
            [
                h.Table(
                    (
                        "#",
                        "package",
                        "stage",
                        "editor",
                        "reviewers",
                        "days in stage",
                        "timeline",
                        "time in each stage",
                    ),
                    table_rows,
                    filterable=True,
                    row_ids=ids,
                )
            ],
            intro=(
                "Days in the stage count from when its label was last added (the issue's events), else "
                "from the day the issue was opened. Each bar is one review's time so far, oldest stage "
                "first: solid for a stage within its timeline, hatched with ! past it (the dashed line marks "
                "where its time ran out), dotted for the stage it is in now, grey where the stage is "
                "unknown (no stage label in the issue's events). pyOpenSci's timelines: editor-in-chief "
                "14 days, reviews 21 days, the author's response 14 days, on hold 90 days; other stages "
                "have none. Closed reviews have no bar (their events are not read)."
            ),
            id="reviews",
        )
    ]
    if skipped:
        sections.append(
            h.Section(
                "Left out",
                [h.Text(f"{skipped} other issue{'s' if skipped != 1 else ''} had no review header.")],
                id="left-out",
            )
        )
    return h.Page(
        title="sciship review list",
        project=repo,
        headline=headline,
        next_step="Overdue reviews first: `sciship review status N` shows one review in full."
        if late
        else None,
        stats=[h.Stat("reviews", n), h.Stat("overdue", late, "blocker" if late else "ok")],
        sections=sections,
        generated=generated,
    )
