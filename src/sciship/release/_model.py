"""Results of ``sciship build``: steps, their outcome and time, and the files built."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Status = Literal["ok", "failed", "skipped"]
Phase = Literal["start", "end"]


@dataclass(frozen=True)
class Step:
    """One step of a build: what it was, how it went, how long it took."""

    name: str  #: stable identifier, e.g. ``wheel`` or ``import``
    title: str  #: short human title, e.g. "Build the wheel"
    status: Status
    seconds: float
    message: str = ""  #: one paragraph: what happened and what to do
    details: tuple[str, ...] = ()  #: extra lines (missing files, the tail of a log, ...)

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "title": self.title,
            "status": self.status,
            "seconds": round(self.seconds, 3),
            "message": self.message,
            "details": list(self.details),
        }


@dataclass(frozen=True)
class StepEvent:
    """Sent to the ``progress`` callback when a step starts (``step`` is None) and when it ends."""

    name: str
    title: str
    phase: Phase
    step: Step | None = None


@dataclass(frozen=True)
class BuildResult:
    """Everything ``dist.build`` found out."""

    root: Path
    steps: tuple[Step, ...]
    sdist: Path | None
    wheel: Path | None
    seconds: float

    @property
    def ok(self) -> bool:
        return all(s.status != "failed" for s in self.steps)

    @property
    def artifacts(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.sdist, self.wheel) if p is not None)

    def step(self, name: str) -> Step | None:
        return next((s for s in self.steps if s.name == name), None)

    def to_dict(self) -> dict[str, object]:
        return {
            "project": str(self.root),
            "ok": self.ok,
            "seconds": round(self.seconds, 3),
            "artifacts": [str(p) for p in self.artifacts],
            "steps": [s.to_dict() for s in self.steps],
        }


class Outcome(Exception):
    """Raised inside a step to end it as failed or skipped with a message."""

    def __init__(self, status: Status, message: str, details: tuple[str, ...] | list[str] = ()) -> None:
        super().__init__(message)
        self.status: Status = status
        self.message = message
        self.details = tuple(details)


def fail(message: str, details: tuple[str, ...] | list[str] = ()) -> Outcome:
    return Outcome("failed", message, details)


def skip(message: str) -> Outcome:
    return Outcome("skipped", message)


@dataclass
class Recorder:
    """Runs steps, times them, tells the progress callback, and collects the results."""

    progress: Callable[[StepEvent], None] | None = None
    steps: list[Step] = field(default_factory=list)

    @contextmanager
    def step(self, name: str, title: str) -> Iterator[list[str]]:
        """``with rec.step(...) as note:`` -- append to ``note`` for an ok step's message."""
        if self.progress:
            self.progress(StepEvent(name, title, "start"))
        note: list[str] = []
        start = time.perf_counter()
        try:
            yield note
        except Outcome as out:
            result = Step(name, title, out.status, time.perf_counter() - start, out.message, out.details)
        else:
            result = Step(name, title, "ok", time.perf_counter() - start, " ".join(note))
        self.steps.append(result)
        if self.progress:
            self.progress(StepEvent(name, title, "end", result))

    def skipped(self, name: str, title: str, message: str) -> None:
        result = Step(name, title, "skipped", 0.0, message)
        self.steps.append(result)
        if self.progress:
            self.progress(StepEvent(name, title, "end", result))

    def failed(self, name: str) -> bool:
        return any(s.name == name and s.status == "failed" for s in self.steps)


def tail(text: str, lines: int = 30) -> tuple[str, ...]:
    """The last ``lines`` non-empty lines of a log, keeping the line that names the error in view."""
    rows = _drop_traceback_frames([r.rstrip() for r in text.splitlines() if r.strip()])
    if len(rows) <= lines:
        return tuple(rows)
    # make sure the first line that says "error" is shown even if it is earlier than the tail
    cut = len(rows) - lines
    first_error = next((i for i, r in enumerate(rows) if "error" in r.lower()), None)
    if first_error is not None and first_error < cut:
        cut = max(first_error - 2, len(rows) - 2 * lines)
    return ("...", *rows[cut:])


def _drop_traceback_frames(rows: list[str]) -> list[str]:
    """Keep a traceback's header and its error, drop the frames (``File "..."`` and the code under them)."""
    out: list[str] = []
    in_frame = False
    for r in rows:
        if r.strip() == "Traceback (most recent call last):":
            continue  # the error line that ends the traceback is what says what went wrong
        if r.lstrip().startswith('File "') and r.startswith(" "):
            in_frame = True
            continue
        if in_frame and r.startswith("    "):
            continue
        in_frame = False
        out.append(r)
    return out
