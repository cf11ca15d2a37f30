"""Reading git's configuration: one ``git config --list`` call per folder, shared by every command."""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path


@cache
def config(cwd: Path | None = None) -> dict[str, str]:
    """git's configuration as seen from ``cwd`` (keys lower-cased; the most specific value wins).

    Empty when git is missing, ``cwd`` is not readable, or anything else goes wrong.
    """
    try:
        proc = subprocess.run(
            ["git", "config", "--list", "-z"],
            cwd=cwd,
            capture_output=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if proc.returncode != 0:
        return {}
    out: dict[str, str] = {}
    for entry in proc.stdout.split(b"\0"):
        key, _, value = entry.decode("utf-8", "replace").partition("\n")
        if key and value.strip():
            out[key.lower()] = value.strip()
    return out
