"""``review check`` and ``review list`` as HTML pages: the counts equal the JSON, a bar of the checklist,
a stage bar per review read from label events, and the progress line while ``review list`` pages."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from reviewkit import REPO, FakeGitHub

from helpers import run_cli
from sciship.review.stages import history, track
from terminal import on_a_terminal

ROOT = Path(__file__).parents[2]
LAKE = ROOT / "examples" / "lake-temps"
NOW = datetime(2026, 3, 1, tzinfo=timezone.utc)


def _ago(days: float) -> str:
    return (NOW - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _event(kind: str, name: str, days: float) -> dict[str, Any]:
    return {"event": kind, "label": {"name": name}, "created_at": _ago(days)}


def _section(text: str, sid: str) -> str:
    start = text.index(f'<section id="{sid}"')
    depth = 0
    for m in re.finditer(r"<section\b|</section>", text[start:]):
        depth += 1 if m.group(0) == "<section" else -1
        if depth == 0:
            return text[start : start + m.end()]
    raise AssertionError(sid)


# ---------------------------------------------------------------------- stage history
def test_history_from_label_events() -> None:
    events = [
        _event("labeled", "New Submission!", 100),
        _event("labeled", "0/pre-review-checks", 100),
        _event("labeled", "2/seeking-reviewers", 80),
        _event("unlabeled", "0/pre-review-checks", 80),
        _event("labeled", "holding", 60),
        _event("unlabeled", "holding", 40),  # back from on hold
        _event("labeled", "3/reviewers-assigned", 30),
    ]
    labels = ["2/seeking-reviewers", "3/reviewers-assigned"]
    tracking = track(labels, created_at=_ago(105), events=events, now=NOW)
    spans = history(tracking, created_at=_ago(105), events=events, now=NOW)
    got = [(s.stage.key if s.stage else None, round(s.days), s.current) for s in spans]
    assert got == [
        (None, 5, False),  # opened, then five days without a stage label
        ("pre-review-checks", 20, False),
        ("seeking-reviewers", 20, False),
        ("holding", 20, False),
        ("seeking-reviewers", 10, False),
        ("reviewers-assigned", 30, True),
    ]
    assert spans[-1].days == tracking.days  # the bar's last part is the table's "days in stage"


def test_history_unknown_or_closed() -> None:
    opened_only = track(["holding"], created_at=_ago(400), events=[], now=NOW)
    spans = history(opened_only, created_at=_ago(400), events=[], now=NOW)
    assert [(s.stage.key if s.stage else None, round(s.days)) for s in spans] == [("holding", 400)]
    closed = track(["6/pyOS-approved"], state="closed", created_at=_ago(400), now=NOW)
    assert history(closed, created_at=_ago(400), now=NOW) == []
    no_stage = track(["Help Request"], created_at=_ago(3), now=NOW)
    assert history(no_stage, created_at=_ago(3), now=NOW) == []


# ---------------------------------------------------------------------- review check
@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(shutil.copytree(LAKE, tmp_path_factory.mktemp("lake") / "lake-temps"))


def test_check_page_counts_equal_the_json(lake: Path, tmp_path: Path) -> None:
    proc = run_cli("review", "check", str(lake), "--format", "json")
    data = json.loads(proc.stdout)
    out = tmp_path / "review.html"
    proc = run_cli("review", "check", str(lake), "--format", "html", "--output", str(out))
    assert proc.returncode == 1, (
        proc.stderr
    )  # something blocks: the exit code says so, as with the other formats
    assert "Wrote the html report to" in proc.stderr
    page = out.read_text(encoding="utf-8")
    checklist = _section(page, "checklist")
    assert checklist.count('class="item ') == len(data["items"])
    summary = data["summary"]
    assert checklist.count('data-status="met"') == summary["met"]
    assert checklist.count('data-status="not met"') == summary["not_met"]
    assert checklist.count('data-status="for a person"') == summary["for_a_person"]
    checks = _section(page, "checks")
    assert checks.count('data-status="failed"') == data["checks"]["failed"]
    # the bar of the checklist says the three counts in words too
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert f"met: {summary['met']}" in svg
    assert f"not met: {summary['not_met']}" in svg
    assert f"for a person: {summary['for_a_person']}" in svg
    blocking = _section(page, "blocking")
    assert blocking.count("<li>") == len(data["blocking"])


def test_check_html_on_a_terminal_needs_output(lake: Path) -> None:
    code, screen = on_a_terminal("review", "check", str(lake), "--format", "html")
    assert code == 2
    assert "--output report.html" in screen


# ---------------------------------------------------------------------- review list
def test_list_page_counts_equal_the_json(github: FakeGitHub, tmp_path: Path) -> None:
    records = json.loads(run_cli("review", "list", "--format", "json").stdout)
    out = tmp_path / "list.html"
    proc = run_cli("review", "list", "--format", "html", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    assert f"{len(records)} reviews, 2 overdue." in proc.stderr
    page = out.read_text(encoding="utf-8")
    table = _section(page, "reviews")
    rows = re.findall(r'<tr id="review-(\d+)">', table)
    assert rows == [r["issue_link"].rsplit("/", 1)[1] for r in records]
    assert table.count("overdue by ") == sum(1 for r in records if r["overdue"])
    # 230: opened 60 days ago, pre-review checks until 30 days ago, in review since: 30 days past 21
    row = table[table.index('<tr id="review-230">') :].split("</tr>", 1)[0]
    assert "editor-in-chief checks: 30 days (! overdue, should take 14)" in row
    assert "in review: 30 days (! overdue, should take 21) (now)" in row
    # 223: on hold since the label was added 120 days ago; no stage label in the events before that
    row = table[table.index('<tr id="review-223">') :].split("</tr>", 1)[0]
    assert "stage unknown: 280 days" in row
    assert "on hold: 120 days (! overdue, should take 90) (now)" in row
    # 225: no label events at all: only the current stage, counted from the day the issue was opened
    row = table[table.index('<tr id="review-225">') :].split("</tr>", 1)[0]
    assert "pre-submission inquiry: 20 days (now)" in row
    assert "Earlier stages unknown" in row


def test_list_pages_with_a_progress_line(github: FakeGitHub) -> None:
    code, screen = on_a_terminal("review", "list", "--state", "all")
    assert code == 0, screen
    assert re.search(r"\r\x1b\[K\S Read the issues of " + re.escape(REPO), screen), screen
    assert "Read when each stage began (label events)" in screen
    assert "6 reviews, 2 overdue" in screen
    code, screen = on_a_terminal("review", "list", "--format", "json")
    assert code == 0, screen
    assert "\x1b[K" not in screen
