"""Labels → stage, days in the stage, and overdue against pyOpenSci's published timelines."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from sciship.review.stages import normalise_label, stage_of, track

NOW = datetime(2025, 6, 30, 12, tzinfo=timezone.utc)


def ago(days: int) -> str:
    return (NOW - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize(
    ("labels", "stage"),
    [
        (["0/pre-review-checks", "New Submission!"], "pre-review-checks"),
        (["New Submission!"], "pre-review-checks"),
        (["1/editor-checks"], "pre-review-checks"),
        (["0/seeking-editor"], "seeking-editor"),
        (["1/editor-assigned"], "editor-assigned"),
        (["2/seeking-reviewer(s)"], "seeking-reviewers"),
        (["3/reviewer(s)-assigned"], "reviewers-assigned"),
        (["4/review-in-awaiting-changes"], "awaiting-changes"),
        (["5/awaiting-reviewer-response"], "awaiting-reviewer-response"),
        (["6/pyOS-approved 🚀🚀🚀"], "approved"),
        (["6/approved", "7/under-joss-review"], "under-joss-review"),
        (["6/pyOS-approved", "9/joss-approved"], "joss-approved"),
        (["3/reviewers-assigned", "holding"], "holding"),
        (["6/pyOS-approved", "archived"], "archived"),
        (["presubmission"], "presubmission"),
        (["Help Request", "astropy"], None),
    ],
)
def test_stage_of(labels: list[str], stage: str | None) -> None:
    found = stage_of(labels)
    assert (found.key if found else None) == stage


def test_normalise_label() -> None:
    assert normalise_label("6/pyOS-approved 🚀🚀🚀") == "6/pyos-approved"
    assert normalise_label("3/Reviewer(s)-Assigned") == "3/reviewers-assigned"


def test_days_count_from_the_latest_label_event() -> None:
    events = [
        {"event": "labeled", "label": {"name": "3/reviewers-assigned"}, "created_at": ago(40)},
        {"event": "unlabeled", "label": {"name": "3/reviewers-assigned"}, "created_at": ago(35)},
        {"event": "labeled", "label": {"name": "3/reviewer(s)-assigned"}, "created_at": ago(22)},
        {"event": "commented", "created_at": ago(1)},
    ]
    t = track(["3/reviewers-assigned"], created_at=ago(90), events=events, now=NOW)
    assert (t.days, t.since_source, t.overdue, t.days_over) == (22, "label event", True, 1)


def test_without_events_days_count_from_the_opening() -> None:
    t = track(["0/pre-review-checks"], created_at=ago(10), now=NOW)
    assert (t.days, t.since_source, t.overdue) == (10, "opened", False)


@pytest.mark.parametrize(
    ("label", "days", "overdue"),
    [
        ("0/pre-review-checks", 15, True),
        ("0/pre-review-checks", 14, False),
        ("3/reviewers-assigned", 21, False),
        ("4/review-in-awaiting-changes", 15, True),
        ("2/seeking-reviewers", 200, False),  # no published timeline: never overdue
        ("5/awaiting-reviewer-response", 200, False),
        ("holding", 91, True),
        ("6/pyOS-approved", 400, False),
    ],
)
def test_overdue_against_published_timelines(label: str, days: int, overdue: bool) -> None:
    events = [{"event": "labeled", "label": {"name": label}, "created_at": ago(days)}]
    assert track([label], created_at=ago(500), events=events, now=NOW).overdue is overdue


def test_closed_issues_are_never_overdue() -> None:
    t = track(["3/reviewers-assigned"], state="closed", created_at=ago(500), now=NOW)
    assert (t.days, t.overdue, t.closed) == (None, False, True)
