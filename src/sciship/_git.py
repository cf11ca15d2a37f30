"""Running git: its configuration (one ``git config --list`` call per folder, shared by every command), and
commands started early so that their answers are ready when sciship needs them."""

from __future__ import annotations

import contextlib
import subprocess
from functools import cache
from pathlib import Path

#: the git command that lists who made each commit
AUTHORS = ["log", "--format=%aN%x1f%aE"]
#: the git command that prints git's configuration (:func:`config`)
CONFIG = ["config", "--list", "-z"]

#: git commands started early (:func:`start`), by (arguments, folder): they run on another CPU while
#: sciship reads the project, and :func:`output` takes what they printed
_EARLY: dict[tuple[tuple[str, ...], str], subprocess.Popen[bytes]] = {}


def start(args: list[str], cwd: Path) -> None:
    """Start ``git ARGS`` in ``cwd`` now, for :func:`output` to take later (nothing when git is missing)."""
    key = (tuple(args), str(cwd))
    if key in _EARLY:
        return
    with contextlib.suppress(OSError):
        _EARLY[key] = subprocess.Popen(
            ["git", *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )


def output(args: list[str], cwd: Path | None, timeout: float = 10) -> bytes | None:
    """What ``git ARGS`` printed in ``cwd`` (from a run :func:`start` began, else a new one); None when git
    is missing or failed."""
    early = _EARLY.pop((tuple(args), str(cwd)), None)
    try:
        if early is not None:
            stdout, _ = early.communicate(timeout=timeout)
            return stdout if early.returncode == 0 else None
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=timeout)
    except (OSError, subprocess.SubprocessError):
        if early is not None:
            early.kill()
            early.wait()
        return None
    return proc.stdout if proc.returncode == 0 else None


@cache
def config(cwd: Path | None = None) -> dict[str, str]:
    """git's configuration as seen from ``cwd`` (keys lower-cased; the most specific value wins).

    Empty when git is missing, ``cwd`` is not readable, or anything else goes wrong.
    """
    stdout = output(CONFIG, cwd)
    if stdout is None:
        return {}
    out: dict[str, str] = {}
    for entry in stdout.split(b"\0"):
        key, _, value = entry.decode("utf-8", "replace").partition("\n")
        if key and value.strip():
            out[key.lower()] = value.strip()
    return out
