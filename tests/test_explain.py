"""`sciship explain`: a concept page for every check's topic, a list of topics, and help for typos."""

from __future__ import annotations

import pytest

from helpers import run_cli
from sciship import explain
from sciship.checks import all_checks

EXPECTED = {
    "package",
    "pyproject",
    "build-backends",
    "wheels",
    "versions",
    "licenses",
    "dependencies",
    "src-layout",
    "tests",
    "docs",
    "citation",
    "publishing",
    "readme",
    "community",
    "ci",
    "security",
    "requires-python",
}


def test_every_check_topic_has_a_page() -> None:
    missing = {c.code: c.topic for c in all_checks() if c.topic and explain.page(c.topic) is None}
    assert missing == {}


def test_expected_topics_exist() -> None:
    assert set(explain.topics()) >= EXPECTED


@pytest.mark.parametrize("topic", sorted(EXPECTED))
def test_page_shape(topic: str) -> None:
    text = explain.page(topic)
    assert text is not None
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    assert 15 <= len(lines) <= 50, f"{topic}.md has {len(lines)} lines"
    assert "```" in text, f"{topic}.md has no concrete example"
    assert max(len(line) for line in lines) <= 110
    assert text.count("```") % 2 == 0


def test_topics_are_listed() -> None:
    proc = run_cli("explain", "topics")
    assert proc.returncode == 0
    for topic in EXPECTED:
        assert f"  {topic} " in proc.stdout


def test_topic_page_is_shown() -> None:
    proc = run_cli("explain", "src-layout")
    assert proc.returncode == 0
    assert proc.stdout.startswith("# The src layout")


def test_unknown_topic_suggests_and_exits_2() -> None:
    proc = run_cli("explain", "licences")
    assert proc.returncode == 2
    out = proc.stdout + proc.stderr
    assert "`licenses`" in out
    assert "Did you mean" in out
    assert "Traceback" not in out


def test_check_code_shows_its_topic_page() -> None:
    proc = run_cli("explain", "HYG804")
    assert proc.returncode == 0
    assert "No passwords or tokens are committed" in proc.stdout
    assert "# Repository hygiene and security" in proc.stdout
