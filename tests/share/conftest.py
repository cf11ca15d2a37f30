from __future__ import annotations

from pathlib import Path

import pytest

from standards import roc_python, rocrate_context_cache


@pytest.fixture(scope="session")
def roc_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """roc-validator's Python and its HTTP cache holding the RO-Crate contexts (see tests/standards.py)."""
    python = roc_python(tmp_path_factory.getbasetemp().parent)
    return python, rocrate_context_cache(tmp_path_factory.mktemp("roc"), python)
