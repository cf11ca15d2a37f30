"""Terminal styling: colour only on a terminal, never when NO_COLOR is set."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from typing import TextIO

_CODES = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
}


def use_colour(stream: TextIO) -> bool:
    """Whether to colour text written to ``stream``: never with NO_COLOR, always with FORCE_COLOR, else only
    on a terminal whose TERM is not ``dumb``."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"


class Style:
    """Terminal text styling: calling it wraps text in colour and bold codes when ``colour`` is on;
    :meth:`wrap` fills text to ``width`` columns."""

    def __init__(self, colour: bool, width: int | None = None) -> None:
        self.colour = colour
        self.width = width or min(100, max(60, shutil.get_terminal_size((88, 24)).columns))

    @classmethod
    def for_stream(cls, stream: TextIO | None = None) -> Style:
        return cls(use_colour(stream or sys.stdout))

    def __call__(self, text: str, *styles: str) -> str:
        if not self.colour or not styles:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\033[{codes}m{text}\033[0m"

    def wrap(self, text: str, indent: str = "", first: str | None = None) -> str:
        return textwrap.fill(
            text,
            width=self.width,
            initial_indent=indent if first is None else first,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
