"""Helpers shared by the tests of `sciship new`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sciship.new.scaffold import Meta

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Ada Lovelace",
    "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.org",
    # what `git config user.name` answers, whatever this machine's own git configuration says
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_COUNT": "2",
    "GIT_CONFIG_KEY_0": "user.name",
    "GIT_CONFIG_VALUE_0": "Ada Lovelace",
    "GIT_CONFIG_KEY_1": "user.email",
    "GIT_CONFIG_VALUE_1": "ada@example.org",
}


def sciship(*args: str, cwd: Path, env: dict[str, str] | None = None,
            stdin: str | None = "") -> subprocess.CompletedProcess[str]:
    """Run the real `sciship` command line as a user would (stdin is not a terminal)."""
    full_env = {**os.environ, "NO_COLOR": "1", **GIT_ENV, **(env or {})}
    return subprocess.run([sys.executable, "-m", "sciship", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, input=stdin, check=False)


def make_meta(**changes: object) -> Meta:
    base: dict[str, object] = {
        "name": "rainfall-tools",
        "import_name": "rainfall_tools",
        "description": "Summaries of rain-gauge records for hydrologists.",
        "author": "Ada Lovelace",
        "email": "ada@example.org",
        "license": "MIT",
        "github": "ada",
        "year": 2031,
    }
    base.update(changes)
    return Meta(**base)  # type: ignore[arg-type]


def all_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
