from __future__ import annotations

from pathlib import Path

import pytest

from standards import rocrate_context_cache


@pytest.fixture(scope="session")
def roc_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The RO-Crate contexts in roc-validator's HTTP cache (see tests/standards.py)."""
    pytest.importorskip("rocrate_validator")
    return rocrate_context_cache(tmp_path_factory.mktemp("roc"))
