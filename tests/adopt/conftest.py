"""adopt reads the folder's imports and data flow, both cached in the user's cache folder: give every test
its own, empty one."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("SCISHIP_CACHE_DIR", raising=False)
    return cache
