"""Fixtures for the review tests: a GitHub server on 127.0.0.1 (see reviewkit.py) and an empty cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from reviewkit import FakeGitHub, default_data, serve


@pytest.fixture
def github(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGitHub]:
    gh = FakeGitHub()
    default_data(gh)
    monkeypatch.setenv("SCISHIP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    for served in serve(gh):
        monkeypatch.setenv("GITHUB_API_URL", served.url)
        yield served


@pytest.fixture
def other_server() -> Iterator[FakeGitHub]:
    """A second server: a foreign address that must never see the token."""
    gh = FakeGitHub()
    gh.issues["hop/repo"] = []
    yield from serve(gh)
