"""Fixture projects for the report tests: a good one (made by `sciship new`), a troubled one
(examples/lake-temps) and a hostile one (markup, quotes and control characters in its metadata)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportkit import EXAMPLES, hostile_files

from helpers import run_cli, write_tree


@pytest.fixture(scope="session")
def good_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("good")
    proc = run_cli(
        "new",
        "rainfall-tools",
        "--yes",
        "--no-git",
        "--author",
        "Ada Lovelace",
        "--email",
        "ada@example.org",
        "--github",
        "ada",
        cwd=base,
    )
    assert proc.returncode == 0, proc.stderr
    return base / "rainfall-tools"


@pytest.fixture(scope="session")
def troubled_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("troubled") / "lake-temps"
    shutil.copytree(EXAMPLES / "lake-temps", dest)
    return dest


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tree(tmp_path_factory.mktemp("hostile") / "project", hostile_files())
