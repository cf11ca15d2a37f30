"""Shared fixtures. Plain helper functions live in helpers.py (conftest modules cannot be imported by
name reliably: several folders have their own conftest.py)."""

from __future__ import annotations

import pytest

from sciship.checks import all_checks


@pytest.fixture
def registry() -> list[object]:
    return list(all_checks())
