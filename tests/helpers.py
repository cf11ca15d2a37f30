"""Shared test helpers (import them with `from helpers import ...`).

``compute(code, files)`` runs one check on an in-memory project, which is how most check tests work:
a passing and a failing example per check, no disk needed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sciship.checks import Finding, get_check, run_checks
from sciship.plan import Plan
from sciship.project import Project

HERE = Path(__file__).parent
PROJECTS = HERE / "projects"

GOOD_PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "example-pkg"
version = "0.1.0"
description = "An example package."
readme = "README.md"
license = "MIT"
license-files = ["LICENSE"]
requires-python = ">=3.10"
authors = [{ name = "Ada Lovelace", email = "ada@example.org" }]
classifiers = ["Programming Language :: Python :: 3"]
dependencies = []

[project.urls]
Homepage = "https://github.com/ada/example-pkg"
Source = "https://github.com/ada/example-pkg"
Documentation = "https://example-pkg.readthedocs.io"
Issues = "https://github.com/ada/example-pkg/issues"
"""


def compute(code: str, files: Mapping[str, str | bytes], *, in_git: bool = True) -> Finding:
    """Run check ``code`` alone (prerequisites ignored) on an in-memory project."""
    chk = get_check(code)
    assert chk is not None, f"no check {code}"
    project = Project.from_files(files, in_git=in_git)
    (finding,) = [f for f in run_checks(project, select=[code], debug=True) if f.code == code]
    return finding


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    return root


def run_cli(
    *args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real ``sciship`` command line in a subprocess (as a user would)."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "sciship", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        input=stdin,
        check=False,
    )


def apply_fixer(root: Path, code: str) -> Plan:
    """Run check ``code``'s fixer on the project at ``root`` and apply its plan (as `check --fix` would)."""
    chk = get_check(code)
    assert chk is not None, f"no check {code}"
    assert chk.fixer is not None, f"{code} has no fixer"
    project = Project.load(root)
    plan = Plan(project.root)
    chk.fixer(project, plan)
    plan.apply()
    return plan


def disk_status(root: Path, code: str) -> str:
    """The status of check ``code`` on the project at ``root``, read from disk again."""
    (finding,) = run_checks(Project.load(root), select=[code], debug=True)
    return finding.status


#: pass as a value to :func:`pyproject` to remove that key
DROP = object()


def pyproject(**changes: object) -> str:
    """GOOD_PYPROJECT with ``[project]`` keys changed (``key=DROP`` removes one; ``_`` stands for ``-``)."""
    import tomlkit

    doc = tomlkit.parse(GOOD_PYPROJECT)
    table: Any = doc["project"]
    for name, value in changes.items():
        key = name.replace("_", "-")
        if value is DROP:
            del table[key]
        else:
            table[key] = value
    return tomlkit.dumps(doc)
