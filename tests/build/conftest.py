"""Fixtures for `sciship build`: each fixture project is copied and built once per session."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sciship import release
from sciship.release import BuildResult

PROJECTS = Path(__file__).parent.parent / "projects"


@pytest.fixture(scope="session")
def build_project(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], tuple[Path, BuildResult]]:
    """``build_project("build-good")`` -> (copied project folder, result of dist.build with smoke test)."""
    cache: dict[str, tuple[Path, BuildResult]] = {}

    def get(name: str) -> tuple[Path, BuildResult]:
        if name not in cache:
            root = tmp_path_factory.mktemp("b") / name
            shutil.copytree(PROJECTS / name, root)
            cache[name] = (root, release.build(root))
        return cache[name]

    return get
