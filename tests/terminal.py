"""Run the real ``sciship`` with stdout and stderr on a pseudo-terminal, as a person at a keyboard sees it
(progress lines, the refusal to print an HTML page on a terminal)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path


def on_a_terminal(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 300
) -> tuple[int, str]:
    """Everything sciship drew on the terminal, and its exit code."""
    leader, follower = pty.openpty()
    full = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100", **(env or {})}
    full.pop("SCISHIP_NO_PROGRESS", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "sciship", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        cwd=cwd,
        env=full,
    )
    os.close(follower)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(leader)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", errors="replace")
