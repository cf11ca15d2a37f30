"""Fixtures for `sciship new`: one generated project per session, shared by the slow tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from newkit import sciship


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by `sciship new` exactly as a user would run it (with git)."""
    work = tmp_path_factory.mktemp("new")
    proc = sciship("new", "rainfall-tools", "--yes", "--description",
                   "Summaries of rain-gauge records for hydrologists.", "--author", "Ada Lovelace",
                   "--email", "ada@example.org", "--github", "ada", cwd=work)
    assert proc.returncode == 0, proc.stderr
    return work / "rainfall-tools"


@pytest.fixture(scope="session")
def dist(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m build` on the generated project: a wheel and an sdist."""
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(generated)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out


@pytest.fixture(scope="session")
def venv(generated: Path, dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the built wheel and the project's test and docs tools."""
    root = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True, capture_output=True)
    python = root / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    (wheel,) = dist.glob("*.whl")
    # the tools the project itself lists in its [dependency-groups] (this pip may predate --group)
    groups = tomllib.loads((generated / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]
    tools = [*groups["test"], *groups["docs"]]
    proc = subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel), *tools],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return python
