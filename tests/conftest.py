"""Shared fixtures. Plain helper functions live in helpers.py (conftest modules cannot be imported by
name reliably: several folders have their own conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sciship.checks import all_checks


@pytest.fixture
def registry() -> list[object]:
    return list(all_checks())


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for every browser test of the session (Playwright allows one per process)."""
    from browserkit import launched

    yield from launched()
