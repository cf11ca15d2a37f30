"""`sciship review status` and `review list` against a real HTTP server that speaks GitHub's REST API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from reviewkit import GOOD_TOKEN, REPO, FakeGitHub, closed_port

from helpers import run_cli
from sciship.review.github import GitHub, GitHubError, parse_ref


def _json(*args: str, **kw: object) -> object:
    proc = run_cli("review", *args, "--format", "json", **kw)  # type: ignore[arg-type]
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _clean_failure(proc: object, *needles: str) -> str:
    rc, out, err = proc.returncode, proc.stdout, proc.stderr  # type: ignore[attr-defined]
    assert rc == 2, (out, err)
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, err
    return str(err)


# ---------------------------------------------------------------------- status
def test_status_reads_the_issue_and_its_stage(github: FakeGitHub) -> None:
    record = _json("status", f"{REPO}#230")
    assert record["package_name"] == "tidewatch"
    assert record["issue_link"] == f"https://github.com/{REPO}/issues/230"
    assert record["labels"] == ["3/reviewers-assigned"]
    assert record["stage"] == "reviewers-assigned"
    assert record["days_in_stage"] == 30  # from the labeled event, not from when the issue was opened
    assert record["overdue"] is True  # reviews are due within 21 days
    assert f"/repos/{REPO}/issues/230/events?per_page=100" in github.paths()


@pytest.mark.parametrize("ref", ["230", "#230", f"https://github.com/{REPO}/issues/230"])
def test_status_accepts_every_way_of_naming_an_issue(github: FakeGitHub, ref: str) -> None:
    assert _json("status", ref)["package_name"] == "tidewatch"  # type: ignore[index]


def test_status_terminal_says_days_and_overdue(github: FakeGitHub) -> None:
    proc = run_cli("review", "status", "230")
    assert proc.returncode == 0, proc.stderr
    assert "in review (3/reviewers-assigned), 30 days" in proc.stdout
    assert "OVERDUE by 9 days" in proc.stdout
    assert "Priya Raman (@praman)" in proc.stdout


def test_status_yaml_has_pyosmeta_field_order(github: FakeGitHub) -> None:
    proc = run_cli("review", "status", "229", "--format", "yaml")
    assert proc.returncode == 0, proc.stderr
    data = yaml.safe_load(proc.stdout)
    assert list(data)[:6] == [
        "package_name",
        "package_description",
        "submitting_author",
        "all_current_maintainers",
        "repository_link",
        "repository_host",
    ]
    assert data["date_accepted"] == "2025-03-14"
    assert data["days_in_stage"] is None  # closed
    assert data["stage"] == "joss-approved"


def test_status_from_a_file_and_from_stdin(tmp_path: Path) -> None:
    body = (Path(__file__).parent / "bodies" / "bold_keys.md").read_text()
    (tmp_path / "issue.md").write_text(body)
    assert _json("status", str(tmp_path / "issue.md"))["package_name"] == "soilprobe"  # type: ignore[index]
    proc = run_cli("review", "status", "-", "--format", "json", stdin=body)
    assert json.loads(proc.stdout)["package_name"] == "soilprobe"


# ---------------------------------------------------------------------- list
def test_list_follows_every_page(github: FakeGitHub) -> None:
    records = _json("list", "--state", "all")
    assert isinstance(records, list)
    numbers = [r["issue_link"].rsplit("/", 1)[1] for r in records]
    # 8 items over 4 pages: the pull request and the help request are left out
    assert numbers == ["230", "229", "228", "226", "225", "223"]
    pages = [p for p in github.paths() if p.startswith(f"/repos/{REPO}/issues?")]
    assert len(pages) == 4
    assert "page=4" in pages[-1]


def test_list_table_for_editors(github: FakeGitHub) -> None:
    proc = run_cli("review", "list")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.splitlines()[2].split() == ["#", "package", "stage", "editor", "reviewers", "days", "overdue"]
    row = next(line for line in out.splitlines() if line.startswith("230"))
    assert "3/reviewers-assigned" in row
    assert "@praman" in row
    assert "+9d" in row
    holding = next(line for line in out.splitlines() if line.startswith("223"))
    assert "holding" in holding
    assert "+30d" in holding
    fresh = next(line for line in out.splitlines() if line.startswith("226"))
    assert fresh.split()[-1] == "5"  # 5 days in pre-review checks: not overdue
    assert "1 other issue had no review header" in out
    assert "5 reviews, 2 overdue" in out


def test_list_labels(github: FakeGitHub) -> None:
    one = _json("list", "--label", "holding")
    assert [r["package_name"] for r in one] == ["hydrostats"]  # type: ignore[index, union-attr]
    assert any("labels=holding" in p for p in github.paths())
    several = _json("list", "--label", "holding", "--label", "presubmission")
    assert [r["package_name"] for r in several] == ["birdsong-index", "hydrostats"]  # type: ignore[union-attr]


def test_list_unknown_label(github: FakeGitHub) -> None:
    proc = run_cli("review", "list", "--label", "3/reviewer-asigned")
    _clean_failure(proc, "has no label '3/reviewer-asigned'")


# ---------------------------------------------------------------------- cache
def test_second_run_is_answered_from_the_cache(github: FakeGitHub) -> None:
    first = run_cli("review", "status", "228", "--format", "json")
    before = len(github.requests)
    second = run_cli("review", "status", "228", "--format", "json")
    assert first.stdout == second.stdout
    again = github.requests[before:]
    assert again
    assert all("If-None-Match" in headers for _, headers in again)
    no_cache = run_cli("review", "status", "228", "--format", "json", "--no-cache")
    assert no_cache.stdout == first.stdout
    assert all("If-None-Match" not in h for _, h in github.requests[before + len(again) :])


# ---------------------------------------------------------------------- failures
def test_rate_limit(github: FakeGitHub) -> None:
    err = _clean_failure(run_cli("review", "status", "rate/limited#1"), "rate limit is used up", "resets at")
    assert "in 25 minutes" in err or "in 24 minutes" in err
    assert "GITHUB_TOKEN" in err  # the hint: a token gives 5,000 requests an hour


def test_unknown_repository_and_issue(github: FakeGitHub) -> None:
    _clean_failure(
        run_cli("review", "list", "--repo", "nobody/nothing"), "GitHub has no repository nobody/nothing"
    )
    _clean_failure(run_cli("review", "status", f"{REPO}#9999"), "GitHub has no issue #9999")


def test_malformed_answer(github: FakeGitHub) -> None:
    _clean_failure(run_cli("review", "status", "broken/json#1"), "is not JSON")


@pytest.mark.parametrize("debug", [False, True])
def test_bad_token_is_explained_and_never_shown(github: FakeGitHub, debug: bool) -> None:
    secret = "ghp_wrongSecretToken987654321"
    args = ["--debug"] if debug else []
    proc = run_cli(*args, "review", "status", "230", env={"GITHUB_TOKEN": secret})
    assert proc.returncode != 0
    assert secret not in proc.stdout + proc.stderr
    assert "refused the token" in proc.stderr
    if not debug:
        _clean_failure(proc)
        assert "Bearer" not in proc.stderr


def test_token_with_a_line_break_is_refused_unseen(github: FakeGitHub) -> None:
    secret = "ghp_first\nsecond_part_of_it"
    proc = run_cli("--debug", "review", "status", "230", env={"GITHUB_TOKEN": secret})
    assert proc.returncode != 0
    assert "line breaks" in proc.stderr
    for part in ("ghp_first", "second_part_of_it"):
        assert part not in proc.stdout + proc.stderr


def test_good_token_is_sent(github: FakeGitHub) -> None:
    proc = run_cli("review", "status", "230", env={"GITHUB_TOKEN": GOOD_TOKEN})
    assert proc.returncode == 0, proc.stderr
    assert github.requests[-1][1].get("Authorization") == f"Bearer {GOOD_TOKEN}"
    assert GOOD_TOKEN not in proc.stdout + proc.stderr


def test_no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SCISHIP_CACHE_DIR", str(tmp_path))
    proc = run_cli("review", "status", "230", env={"GITHUB_API_URL": f"http://127.0.0.1:{closed_port()}"})
    _clean_failure(proc, "could not reach GitHub", "save the issue's text to a file")


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "empty"), ("Great package, thanks!\n", "no pyOpenSci review header")],
)
def test_bad_bodies(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "issue.md"
    path.write_text(text)
    _clean_failure(run_cli("review", "status", str(path)), message)
    _clean_failure(run_cli("review", "status", "-", stdin=text), message)


def test_not_an_issue_reference(tmp_path: Path) -> None:
    _clean_failure(run_cli("review", "status", "no/such/file.md"), "is not a file")
    _clean_failure(run_cli("review", "list", "--repo", "not a repo"), "is not a GitHub repository")


# ---------------------------------------------------------------------- the client itself
def test_token_goes_only_to_the_api(github: FakeGitHub, other_server: FakeGitHub) -> None:
    github.issues["hop/repo"] = []
    github.redirect_next_to = other_server.url
    gh = GitHub(token=GOOD_TOKEN, cache=False)
    gh.issues("hop/repo")
    assert github.requests[-1][1].get("Authorization") == f"Bearer {GOOD_TOKEN}"
    assert other_server.requests, "the next page was not fetched"
    assert all("Authorization" not in h for _, h in other_server.requests)


def test_client_redacts_and_hides_the_token(github: FakeGitHub) -> None:
    gh = GitHub(token="ghp_wrongSecret", cache=False)
    assert "ghp_wrongSecret" not in repr(gh)
    assert gh.redact("x ghp_wrongSecret y") == "x *** y"
    with pytest.raises(GitHubError) as info:
        gh.issue(REPO, 230)
    assert "ghp_wrongSecret" not in str(info.value) + (info.value.hint or "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", (REPO, 12)),
        ("#12", (REPO, 12)),
        ("a/b#3", ("a/b", 3)),
        ("https://github.com/a/b/issues/3", ("a/b", 3)),
        ("https://api.github.com/repos/a/b/issues/3", ("a/b", 3)),
        ("a/b", None),
        ("issue.md", None),
    ],
)
def test_issue_references(text: str, expected: tuple[str, int] | None) -> None:
    ref = parse_ref(text, REPO)
    assert (None if ref is None else (ref.repo, ref.number)) == expected
