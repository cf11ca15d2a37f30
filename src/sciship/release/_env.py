"""Fresh virtual environments, made with uv when it is installed (much faster) and with venv otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sciship.release._model import fail, tail


def find_uv() -> str | None:
    """The ``uv`` executable: on PATH, or next to the running Python (a venv that has uv installed)."""
    found = shutil.which("uv")
    if found:
        return found
    sibling = Path(sys.executable).parent / ("uv.exe" if os.name == "nt" else "uv")
    return str(sibling) if sibling.is_file() else None


def run(
    cmd: list[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 600,
    raise_timeout: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run a command, output (stdout and stderr together) captured as text; never raises on failure.

    A command that runs past ``timeout`` is stopped; its output then ends with a note saying so (or, with
    ``raise_timeout``, :class:`subprocess.TimeoutExpired` is raised for the caller to explain).
    """
    try:
        return subprocess.run(
            cmd,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            errors="replace",
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        if raise_timeout:
            raise
        out = exc.stdout if isinstance(exc.stdout, str) else (exc.stdout or b"").decode(errors="replace")
        return subprocess.CompletedProcess(cmd, -1, out + f"\n(stopped after {timeout:.0f} seconds)")


@dataclass(frozen=True)
class Venv:
    path: Path
    uv: str | None

    @property
    def bin(self) -> Path:
        return self.path / ("Scripts" if os.name == "nt" else "bin")

    @property
    def python(self) -> Path:
        return self.bin / ("python.exe" if os.name == "nt" else "python")

    def script(self, name: str) -> Path:
        return self.bin / (name + ".exe" if os.name == "nt" else name)

    def install(self, *requirements: str, extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
        """Install into this environment (uv pip when uv exists, else the running Python's pip)."""
        if self.uv:
            cmd = [self.uv, "pip", "install", "--python", str(self.python), *extra, *requirements]
            env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
        else:
            cmd = [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(self.python),
                "install",
                "--no-input",
                "--disable-pip-version-check",
                *extra,
                *requirements,
            ]
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        return run(cmd, env=env)


def create_venv(path: Path, *, uv: str | None) -> Venv:
    """A new, empty virtual environment for the Python that runs sciship."""
    if uv:
        proc = run([uv, "venv", "--quiet", "--python", sys.executable, str(path)])
    else:
        proc = run([sys.executable, "-m", "venv", "--without-pip", str(path)])
    if proc.returncode != 0:
        raise fail(
            "sciship could not create a fresh virtual environment to test the package in. "
            "This is a problem with the Python installation, not with your package.",
            tail(proc.stdout),
        )
    return Venv(path, uv)
