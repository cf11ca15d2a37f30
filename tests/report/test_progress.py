"""Progress on long work: a live line on a real terminal (a pseudo-terminal here), nothing elsewhere."""

from __future__ import annotations

import io
import re
import shutil
import time
from pathlib import Path

import pytest
from reportkit import EXAMPLES

import terminal
from helpers import PROJECTS, run_cli
from sciship.report.progress import Progress, format_seconds, should_show

CLEAR = "\r\x1b[K"


class Terminal(io.StringIO):
    """Output that says it is a terminal (for the unit tests of the drawing itself)."""

    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def on_a_terminal(*args: str, cwd: Path | None = None, timeout: float = 600) -> tuple[int, str]:
    """Run sciship with stdout and stderr on a pseudo-terminal; everything it drew, and its exit code."""
    return terminal.on_a_terminal(*args, cwd=cwd, timeout=timeout)


# ---------------------------------------------------------------------------------- the helper
def test_line_shows_step_count_and_time() -> None:
    bar = Progress(Terminal(), enabled=True)
    bar.step("Copy files", total=10)
    bar.update(3)
    assert bar.line().startswith("Copy files 3/10 (")
    bar.step("Scan")
    bar.advance(5)
    assert bar.line().startswith("Scan 5 (")
    assert "in all" in bar.line()


def test_draws_only_while_running_and_leaves_a_clean_line() -> None:
    out = Terminal()
    with Progress(out, enabled=True, interval=0.01) as bar:
        bar.step("Work", total=3)
        for _ in range(3):
            bar.advance()
            time.sleep(0.03)
        bar.print("a line that stays")
    text = out.getvalue()
    assert CLEAR + "\u280b Work" in text or "Work 0/3" in text
    assert "a line that stays\n" in text
    assert text.endswith(CLEAR), "the progress line is cleared at the end"
    bar.print("after")  # not running any more: plain printing, nothing redrawn
    assert out.getvalue().endswith(CLEAR + "after\n") or out.getvalue().endswith("after\n")


def test_disabled_progress_only_prints() -> None:
    out = io.StringIO()
    with Progress(out, enabled=False) as bar:
        bar.step("Work")
        bar.print("kept")
    assert out.getvalue() == "kept\n"


def test_when_to_show(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCISHIP_NO_PROGRESS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert should_show(Terminal())
    assert not should_show(io.StringIO())  # a pipe or a file
    assert not should_show(Terminal(), quiet=True)  # --format json
    monkeypatch.setenv("TERM", "dumb")
    assert not should_show(Terminal())
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("SCISHIP_NO_PROGRESS", "1")
    assert not should_show(Terminal())


def test_format_seconds() -> None:
    assert format_seconds(3.21) == "3.2s"
    assert format_seconds(42.9) == "42s"
    assert format_seconds(125) == "2:05"


# ---------------------------------------------------------------------------------- commands
def test_adopt_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    source = shutil.copytree(EXAMPLES / "research-scripts", tmp_path / "research")
    code, screen = on_a_terminal(
        "adopt", str(source), "--output", str(tmp_path / "out"), "--yes", "--license", "MIT"
    )
    assert code == 0, screen
    assert "Turn scripts into modules" in screen
    assert CLEAR in screen
    assert "Write the package" in screen
    assert "Adopted research" in screen
    # the same without a terminal: the plan, no progress line
    piped = run_cli("adopt", str(source), "--output", str(tmp_path / "out2"), "--yes", "--license", "MIT")
    assert piped.returncode == 0, piped.stderr
    assert "Turn scripts into modules" not in piped.stderr + piped.stdout
    assert "\x1b[K" not in piped.stderr + piped.stdout


@pytest.mark.slow
def test_build_shows_progress_on_a_terminal_but_not_with_json(tmp_path: Path) -> None:
    root = shutil.copytree(PROJECTS / "build-good", tmp_path / "build-good")
    code, screen = on_a_terminal("build", str(root), "--no-smoke")
    assert code == 0, screen
    # a live line with a spinner, the running step and its time, then the step's result line
    assert re.search(r"\r\x1b\[K\S Prepare the build backend \(\d+\.\ds\)", screen), screen
    assert re.search(r"\r\x1b\[K\S Build the wheel .*in all\)", screen), screen
    assert re.search(r"ok +Build the wheel", screen)
    code, screen = on_a_terminal("build", str(root), "--no-smoke", "--format", "json")
    assert code == 0, screen
    assert "\x1b[K" not in screen  # no live line with --format json
    assert '"steps"' in screen
