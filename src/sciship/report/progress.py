"""Progress on long work: one line on a terminal with a spinner, the current step, a count and the time.

::

    with progress_for(ui, quiet=args.format == "json") as bar:
        bar.step("Copy the data files", total=len(files))
        for f in files:
            ...
            bar.advance()
        bar.print("a line that stays")  # printed above the progress line

The line is redrawn ten times a second by a small background thread, so the time keeps moving during a
long subprocess. Nothing at all is drawn when the stream is not a terminal, with ``quiet=True`` (use it
for ``--format json``), when ``TERM=dumb`` or ``SCISHIP_NO_PROGRESS`` is set: then ``print`` just
prints. sciship's own helper instead of rich or tqdm: on top of what the command line has loaded it
imports in about 3 ms, rich.progress in about 100 ms and tqdm in about 40 ms (a busy machine; see
``benchmarks/reports_speed.py``).
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from sciship.ui import UI

_FRAMES = "|/-\\"
_FRAMES_UTF8 = "\u280b\u2819\u2839\u2838\u283c\u2834\u2826\u2827\u2807\u280f"


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def should_show(stream: Any, *, quiet: bool = False) -> bool:
    """True when a live progress line makes sense on ``stream``."""
    if quiet or os.environ.get("SCISHIP_NO_PROGRESS") or os.environ.get("TERM") == "dumb":
        return False
    return _isatty(stream)


def format_seconds(seconds: float) -> str:
    """A duration for the progress line: ``4.2s`` under 10 seconds, ``42s`` under a minute, ``2:05`` from a
    minute on."""
    s = int(seconds)
    return f"{s // 60}:{s % 60:02d}" if s >= 60 else f"{seconds:.1f}s" if seconds < 10 else f"{s}s"


class Progress:
    """A live progress line on ``stream`` (when ``enabled``); a plain printer otherwise."""

    def __init__(self, stream: TextIO, *, enabled: bool, interval: float = 0.1) -> None:
        self.stream = stream
        self.enabled = enabled
        self.interval = interval
        self.title = ""
        self.done = 0
        self.total: int | None = None
        self.started = time.monotonic()
        self.step_started = self.started
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._shown = False
        self._active = False  #: between start() and stop(): the line may be drawn
        self._tick = 0
        self._steps = 0  #: steps started so far (from the second on, the line also shows the total time)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        self._frames = _FRAMES_UTF8 if encoding in {"utf8", "utf_8"} else _FRAMES

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> Progress:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def start(self) -> None:
        if self.enabled and self._thread is None:
            self._active = True
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="sciship-progress", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop redrawing and clear the line (the terminal is left as it was)."""
        with self._lock:
            self._active = False
            self._clear()
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._thread = None

    # ------------------------------------------------------------------ updates
    def step(self, title: str, total: int | None = None) -> None:
        """Start a new step: ``title`` is what is being done now; ``total`` the count to expect, if known."""
        with self._lock:
            self.title = title
            self._steps += 1
            self.total = total
            self.done = 0
            self.step_started = time.monotonic()
            self._draw()

    def advance(self, n: int = 1) -> None:
        with self._lock:
            self.done += n
            # drawn by the thread: a tight loop of advance() calls costs no terminal writes

    def update(self, done: int, total: int | None = None) -> None:
        with self._lock:
            self.done = done
            if total is not None:
                self.total = total

    def print(self, line: str) -> None:
        """Print ``line`` (and a newline) above the progress line, which is then drawn again."""
        with self._lock:
            self._clear()
            self.stream.write(line if line.endswith("\n") else line + "\n")
            self._draw()
            self.stream.flush()

    def pause(self) -> _Paused:
        """``with bar.pause():`` clears the line and stops drawing (for a question to the user)."""
        return _Paused(self)

    # ------------------------------------------------------------------ drawing
    def line(self) -> str:
        """The text of the progress line (without the spinner)."""
        now = time.monotonic()
        count = ""
        if self.total:
            count = f" {min(self.done, self.total)}/{self.total}"
        elif self.done:
            count = f" {self.done}"
        took = format_seconds(now - self.step_started)
        total = format_seconds(now - self.started)
        times = took if self._steps < 2 else f"{took}, {total} in all"
        return f"{self.title}{count} ({times})"

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            with self._lock:
                self._draw()

    def _draw(self) -> None:
        if not self._active or not self.title:
            return
        width = shutil.get_terminal_size((80, 24)).columns
        frame = self._frames[self._tick % len(self._frames)]
        self._tick += 1
        text = f"{frame} {self.line()}"
        if len(text) > width - 1:
            text = text[: max(0, width - 2)] + "\u2026"
        self.stream.write("\r\033[K" + text)
        self.stream.flush()
        self._shown = True

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False


class _Paused:
    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.was_running = False

    def __enter__(self) -> Progress:
        self.was_running = self.bar._thread is not None
        self.bar.stop()
        return self.bar

    def __exit__(self, *exc: object) -> None:
        if self.was_running:
            self.bar.start()


def progress_for(ui: UI, *, quiet: bool = False) -> Progress:
    """A progress line on the UI's stderr, shown only where it helps (see :func:`should_show`)."""
    return Progress(ui.err, enabled=should_show(ui.err, quiet=quiet))
