"""Where a review stands: its labels → a stage, how long it has been there, and whether it is overdue.

pyOpenSci marks each step of a review with a label (``0/pre-review-checks`` … ``9/joss-approved``) and
asks editors to keep only the label of the latest step. Published timelines (the peer-review guide's
review timeline and author guide): the editor-in-chief answers a new submission within about 2 weeks,
reviews are due 3 weeks after the reviewers are assigned, the author answers the reviews within 2
weeks, and an issue on hold is looked at again every 3 months. Stages without a published timeline are
never called overdue.

*Days in the stage* count from the most recent time one of the stage's labels was added to the issue,
read from the issue's events (``GET /repos/{owner}/{repo}/issues/{n}/events``, ``labeled`` events); when
the events do not show it (labels set before events were kept), from the day the issue was opened.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

from sciship._regex import compile_later

Party = Literal["editor-in-chief", "editor", "reviewers", "author", "JOSS", "nobody"]


@dataclass(frozen=True)
class Stage:
    """One step of a pyOpenSci review: its label, whom it waits on, and its published timeline if any."""

    key: str  #: stable identifier, e.g. ``reviewers-assigned``
    label: str  #: pyOpenSci's label for it today, e.g. ``3/reviewers-assigned``
    title: str  #: what sciship calls it
    rank: int  #: order along the review (presubmission -1 … archived 11)
    waiting_on: Party
    deadline_days: int | None = None  #: the published timeline, when there is one
    done: bool = False  #: the pyOpenSci review is over (approved, JOSS, archived)


STAGES: tuple[Stage, ...] = (
    Stage("presubmission", "presubmission", "pre-submission inquiry", -1, "editor-in-chief"),
    Stage("pre-review-checks", "0/pre-review-checks", "editor-in-chief checks", 0, "editor-in-chief", 14),
    Stage("seeking-editor", "0/seeking-editor", "looking for an editor", 1, "editor-in-chief", 14),
    Stage("editor-assigned", "1/editor-assigned", "editor assigned", 2, "editor"),
    Stage("seeking-reviewers", "2/seeking-reviewers", "looking for reviewers", 3, "editor"),
    Stage("reviewers-assigned", "3/reviewers-assigned", "in review", 4, "reviewers", 21),
    Stage(
        "awaiting-changes", "4/review-in-awaiting-changes", "author responding to reviews", 5, "author", 14
    ),
    Stage(
        "awaiting-reviewer-response",
        "5/awaiting-reviewer-response",
        "reviewers checking changes",
        6,
        "reviewers",
    ),
    Stage("approved", "6/pyOS-approved", "accepted by pyOpenSci", 7, "nobody", done=True),
    Stage("under-joss-review", "7/under-joss-review", "under JOSS review", 8, "JOSS", done=True),
    Stage("joss-review-complete", "8/joss-review-complete", "JOSS review complete", 9, "JOSS", done=True),
    Stage("joss-approved", "9/joss-approved", "published in JOSS", 10, "nobody", done=True),
    Stage("holding", "holding", "on hold", 100, "author", 90),
    Stage("archived", "archived", "archived", 101, "nobody", done=True),
)
BY_KEY: dict[str, Stage] = {s.key: s for s in STAGES}

#: label spellings seen over the years (normalised, see :func:`normalise_label`) → stage key
_ALIASES: dict[str, str] = {
    "presubmission": "presubmission",
    "new-submission!": "pre-review-checks",
    "new-submission": "pre-review-checks",
    "0/pre-review-checks": "pre-review-checks",
    "1/editor-checks": "pre-review-checks",
    "0/seeking-editor": "seeking-editor",
    "1/editor-assigned": "editor-assigned",
    "2/seeking-reviewers": "seeking-reviewers",
    "3/reviewers-assigned": "reviewers-assigned",
    "4/review-in-awaiting-changes": "awaiting-changes",
    "4/awaiting-changes": "awaiting-changes",
    "5/awaiting-reviewer-response": "awaiting-reviewer-response",
    "6/pyos-approved": "approved",
    "6/approved": "approved",
    "7/under-joss-review": "under-joss-review",
    "8/joss-review-complete": "joss-review-complete",
    "9/joss-approved": "joss-approved",
    "holding": "holding",
    "on-hold": "holding",
    "archived": "archived",
}
_NOT_LABEL_CHARS = compile_later(r"[^a-z0-9/!_-]+")


def normalise_label(name: str) -> str:
    """``"6/pyOS-approved 🚀🚀🚀"`` → ``"6/pyos-approved"``; ``"3/reviewer(s)-assigned"`` →
    ``"3/reviewers-assigned"``."""
    low = name.lower().replace("(s)", "s").replace(" ", "-")
    return _NOT_LABEL_CHARS.sub("", low).strip("-")


def stage_for_label(name: str) -> Stage | None:
    """The stage a label names (in any spelling seen over the years), or None."""
    key = _ALIASES.get(normalise_label(name))
    return BY_KEY[key] if key else None


def stage_of(labels: Iterable[str]) -> Stage | None:
    """The stage the labels say: archived, then on hold, then the furthest step along the review."""
    stages = [s for s in (stage_for_label(label) for label in labels) if s is not None]
    if not stages:
        return None
    return max(stages, key=lambda s: s.rank)


@dataclass(frozen=True)
class Tracking:
    """Where one review stands on a given day."""

    stage: Stage | None
    since: datetime | None  #: when the stage began (see the module docstring)
    since_source: Literal["label event", "opened", "unknown"]
    days: int | None  #: whole days in the stage (None when closed or unknown)
    overdue: bool
    closed: bool

    @property
    def days_over(self) -> int:
        if not self.overdue or self.days is None or self.stage is None or self.stage.deadline_days is None:
            return 0
        return self.days - self.stage.deadline_days


def parse_time(value: object) -> datetime | None:
    """GitHub's ``2024-08-17T06:30:02Z`` as an aware datetime."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def track(
    labels: Sequence[str],
    *,
    state: str = "open",
    created_at: str | None = None,
    events: Sequence[Mapping[str, Any]] = (),
    now: datetime | None = None,
) -> Tracking:
    """Where a review with ``labels`` stands at ``now``: its stage, since when, and whether it is overdue.

    The stage began at the latest ``labeled`` event for it in ``events``, else when the issue was opened.
    """
    stage = stage_of(labels)
    closed = state == "closed"
    now = now or datetime.now(timezone.utc)
    since: datetime | None = None
    source: Literal["label event", "opened", "unknown"] = "unknown"
    if stage is not None:
        for event in events:
            if event.get("event") != "labeled":
                continue
            label = event.get("label")
            name = label.get("name") if isinstance(label, Mapping) else None
            if isinstance(name, str) and stage_for_label(name) == stage:
                when = parse_time(event.get("created_at"))
                if when is not None and (since is None or when > since):
                    since, source = when, "label event"
    if since is None and created_at:
        since = parse_time(created_at)
        source = "opened" if since is not None else "unknown"
    days = None if closed or since is None else max(0, (now - since).days)
    overdue = bool(
        not closed
        and stage is not None
        and stage.deadline_days is not None
        and days is not None
        and days > stage.deadline_days
    )
    return Tracking(stage, since, source, days, overdue, closed)


@dataclass(frozen=True)
class Span:
    """A stretch of a review's time in one stage (``stage`` None: no stage label then)."""

    stage: Stage | None
    start: datetime
    end: datetime
    current: bool = False

    @property
    def days(self) -> float:
        return max(0.0, (self.end - self.start).total_seconds() / 86400)


def history(
    tracking: Tracking,
    *,
    created_at: str | None,
    events: Sequence[Mapping[str, Any]] = (),
    now: datetime | None = None,
) -> list[Span]:
    """The stages an open review went through, oldest first, read from its ``labeled`` and ``unlabeled``
    events; the last span is the current stage since :attr:`Tracking.since` (so its days are the table's).

    Empty for a closed review, or when the stage or its start is unknown. When the events show nothing
    before the current stage (labels set before GitHub kept events, or ``since`` is the day the issue was
    opened), the list holds only the current stage: what came before is unknown.
    """
    if tracking.closed or tracking.stage is None or tracking.since is None:
        return []
    now = now or datetime.now(timezone.utc)
    since = tracking.since
    current = Span(tracking.stage, since, max(now, since), current=True)
    opened = parse_time(created_at)
    if tracking.since_source != "label event" or opened is None:
        return [current]
    changes: list[tuple[datetime, str, bool]] = []
    for event in events:
        kind = event.get("event")
        label = event.get("label")
        name = label.get("name") if isinstance(label, Mapping) else None
        when = parse_time(event.get("created_at"))
        if kind not in ("labeled", "unlabeled") or not isinstance(name, str) or when is None:
            continue
        stage = stage_for_label(name)
        if stage is not None:
            changes.append((when, stage.key, kind == "labeled"))
    changes.sort(key=lambda c: c[0])
    spans: list[Span] = []
    held: set[str] = set()
    stage_now: Stage | None = None
    start = opened
    for when, key, added in changes:
        if when >= since:
            break
        if added:
            held.add(key)
        else:
            held.discard(key)
        new = max((BY_KEY[k] for k in held), key=lambda s: s.rank, default=None)
        if new != stage_now:
            if when > start:
                spans.append(Span(stage_now, start, when))
            stage_now, start = new, when
    if since > start:
        spans.append(Span(stage_now, start, since))
    merged: list[Span] = []
    for span in spans:  # a label removed and added again, or a stretch shorter than a minute
        if merged and merged[-1].stage == span.stage:
            merged[-1] = Span(span.stage, merged[-1].start, span.end)
        elif span.days * 1440 >= 1 or span.stage is not None:
            merged.append(span)
    return [*merged, current]
