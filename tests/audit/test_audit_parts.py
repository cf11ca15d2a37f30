"""The parts of the audit one at a time: naming sources, the rows, the journal, the safety net of a task."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from auditkit import copy_project, read_jsonl

from helpers import run_cli
from sciship.audit import read_sources
from sciship.audit.clone import clone_path
from sciship.audit.output import journal_line, read_journal
from sciship.audit.rows import Row, error_row, sort_rows, summarise
from sciship.audit.sources import clean_url
from sciship.audit.task import Task, review


def test_a_source_list_names_folders_urls_and_github_repositories(tmp_path: Path) -> None:
    (tmp_path / "lab" / "here").mkdir(parents=True)
    (tmp_path / "lab" / "mine" / "tool").mkdir(parents=True)
    listing = tmp_path / "lab" / "repos.txt"
    listing.write_text(
        "# the lab's repositories\n"
        "here\n"
        "mine/tool          # a folder wins over owner/name\n"
        "pyOpenSci/pyosMeta\n"
        "https://github.com/pyOpenSci/pyosMeta.git\n"  # the same repository again
        "https://user:secret@gitlab.example.org/group/project/\n"
        "git@github.com:owner/name.git\n"
        "\n"
    )
    found = read_sources([str(listing)]).targets
    assert [(t.repository, t.kind) for t in found] == [
        (str(tmp_path / "lab" / "here"), "folder"),
        (str(tmp_path / "lab" / "mine" / "tool"), "folder"),
        ("https://github.com/pyOpenSci/pyosMeta", "git"),
        ("https://gitlab.example.org/group/project", "git"),
        ("git@github.com:owner/name", "git"),
    ]
    assert found[3].location == "https://user:secret@gitlab.example.org/group/project/", "cloned as given"
    assert found[0].origin == "repos.txt:2"


def test_clean_url_and_clone_folders() -> None:
    assert clean_url("https://github.com/a/b.git/") == "https://github.com/a/b"
    assert clean_url("https://tok@github.com/a/b") == "https://github.com/a/b"
    cache = Path("/cache")
    one = clone_path(cache, "https://github.com/a/b")
    assert one.name.startswith("a__b-")
    assert one != clone_path(cache, "https://gitlab.com/a/b"), "same owner/name on another host"


def test_rows_sort_the_same_whatever_the_order_they_arrive_in() -> None:
    rows = [
        Row("r2", "c", "PKG100", "pyproject", "blocker", "passed", "", None, None),
        Row("r1", "c", "READ", "audit", None, "problem", "bad", "a.py", 3),
        Row("r1", "c", "numpy", "dependency", None, "missing", "...", "a.py", 1),
        Row("r1", "c", "PKG100", "pyproject", "blocker", "failed", "no", "pyproject.toml", None),
        error_row("r0", "could not clone"),
    ]
    expected = sort_rows(rows)
    assert sort_rows(reversed(rows)) == expected
    assert [r.code for r in expected] == ["ERROR", "PKG100", "READ", "numpy", "PKG100"]
    assert all(Row.from_dict(json.loads(json.dumps(r.to_dict()))) == r for r in rows)


def test_the_summary_counts_repositories_per_check() -> None:
    rows = [
        Row("r1", "c", "PKG100", "pyproject", "blocker", "failed", "no", None, None),
        Row("r2", "c", "PKG100", "pyproject", "blocker", "passed", "", None, None),
        Row("r3", "c", "PKG100", "pyproject", "blocker", "skipped", "n/a", None, None),
        Row("r1", "c", "numpy", "dependency", None, "missing", "", None, None),
        Row("r2", "c", "numpy", "dependency", None, "ok", "", None, None),
        error_row("r4", "gone"),
    ]
    s = summarise(rows, {"PKG100": "The project has a pyproject.toml"})
    assert (s.repositories, s.reviewed, s.errors) == (4, 3, (("r4", "gone"),))
    (pkg,) = s.checks
    assert (pkg.passed, pkg.failed, pkg.skipped, pkg.title) == (1, 1, 1, "The project has a pyproject.toml")
    (numpy,) = s.dependencies
    assert numpy.to_dict() == {"distribution": "numpy", "repositories": 2, "missing": 1, "ok": 1}


def test_a_journal_line_cut_short_by_a_kill_is_ignored(tmp_path: Path) -> None:
    journal = tmp_path / "r.jsonl.partial.jsonl"
    done = [Row("r1", "c", "PKG100", "pyproject", "blocker", "passed", "", None, None)]
    text = journal_line("r1", "c", done) + journal_line("r2", "c", done)
    journal.write_text(text[:-20])  # the second line was being written when the audit was killed
    assert read_journal(journal) == {"r1": tuple(done)}


def test_an_analysis_that_breaks_becomes_a_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The safety net under every task: whatever goes wrong inside, the repository is a row, not a crash.
    (No real repository found so far breaks the review, so the break is simulated here.)"""
    import sciship.checks

    def broken(*args: object, **kwargs: object) -> list[object]:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(sciship.checks, "run_checks", broken)
    project = copy_project("build-good", tmp_path / "p", in_git=False)
    (target,) = read_sources([str(project)]).targets
    result = review(Task(target))
    assert result.outcome == "error"
    (row,) = result.rows
    assert (row.code, row.status) == ("ERROR", "error")
    assert "internal error" in row.message
    assert "RecursionError" in row.message


def test_dependency_rows_are_what_deps_says(tmp_path: Path) -> None:
    project = copy_project("build-undeclared-dep", tmp_path / "p", in_git=True)
    out = tmp_path / "r.jsonl"
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = run_cli("audit", str(project), "--deps", "--output", str(out), "--jobs", "1", env=env)
    assert result.returncode == 0, result.stderr
    rows = [r for r in read_jsonl(out) if r["family"] == "dependency"]
    deps = json.loads(run_cli("deps", str(project), "--format", "json", env=env).stdout)
    assert sorted((r["code"], r["status"]) for r in rows) == sorted(
        (d["distribution"] or d["imports"][0], d["status"]) for d in deps["dependencies"]
    )
    assert rows


def test_progress_shows_on_a_terminal(tmp_path: Path) -> None:
    project = copy_project("build-good", tmp_path / "p", in_git=False)
    leader, follower = pty.openpty()
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("SCISHIP_NO_PROGRESS", None)
    env.pop("TERM", None)
    proc = subprocess.run(
        [sys.executable, "-m", "sciship", "audit", str(project), "--jobs", "1"],
        stderr=follower, stdout=subprocess.PIPE, text=True, env=env, check=False,
    )  # fmt: skip
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.returncode == 0
    text = seen.decode()
    assert "Auditing 1 repository with 1 local worker process." in text
    assert "1/1 repositories" in text
    assert "a minute" in text
    assert "left" in text


def test_the_html_page_shows_every_check_and_the_errors(tmp_path: Path) -> None:
    project = copy_project("broken-toml", tmp_path / "p", in_git=False)
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    gone = tmp_path / "gone.git"
    result = run_cli("audit", str(project), gone.as_uri(), "--format", "html", "--jobs", "1", env=env)
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert "1 of 2 repositories reviewed." in page
    assert "PKG101" in page
    assert "Could not be reviewed (1)" in page
    assert "git could not clone it" in page
    assert "<script src" not in page  # one self-contained file


def test_html_on_a_terminal_asks_for_a_file(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    proc = subprocess.run(
        [sys.executable, "-m", "sciship", "audit", str(tmp_path), "--format", "html"],
        stdout=follower, stderr=subprocess.PIPE, text=True, check=False,
    )  # fmt: skip
    os.close(follower)
    os.close(leader)
    assert proc.returncode == 2
    assert "> audit.html" in proc.stderr
