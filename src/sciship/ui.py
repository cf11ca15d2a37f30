"""The terminal side of a command: output streams, colour, questions. Only the CLI creates one."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from sciship._regex import compile_later
from sciship.style import Style

#: control characters a project's text could carry into the terminal (a file name, a description): all
#: but newline, tab and the colour codes sciship itself writes (ESC [ ... m)
_UNSAFE = compile_later(r"\x1b(?!\[[0-9;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with every control character that could move the cursor, retitle the window or ring
    the bell shown as U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


@dataclass
class UI:
    """A command's terminal: results on ``out``, progress and remarks on ``err``, answers from ``stdin``;
    :meth:`ask` and :meth:`confirm` take the default when nobody can answer."""

    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    debug: bool = False

    @property
    def style(self) -> Style:
        return Style.for_stream(self.out)

    @property
    def err_style(self) -> Style:
        return Style.for_stream(self.err)

    @property
    def interactive(self) -> bool:
        """True when a person can answer questions (stdin and stdout are terminals)."""
        try:
            return self.stdin.isatty() and self.out.isatty()
        except (AttributeError, ValueError):
            return False

    def write(self, text: str = "") -> None:
        text = printable(text)
        self.out.write(text if text.endswith("\n") else text + "\n")
        self.out.flush()

    def info(self, text: str) -> None:
        """Progress and side remarks go to stderr, so stdout stays clean for --format json."""
        text = printable(text)
        self.err.write(text if text.endswith("\n") else text + "\n")
        self.err.flush()

    def ask(self, question: str, default: str) -> str:
        if not self.interactive:
            return default
        shown = f" [{default}]" if default else ""
        self.out.write(f"{question}{shown}: ")
        self.out.flush()
        answer = self.stdin.readline()
        if not answer:  # end of input
            return default
        return answer.strip() or default

    def confirm(self, question: str, *, default: bool = False) -> bool:
        if not self.interactive:
            return default
        hint = "Y/n" if default else "y/N"
        self.out.write(f"{question} [{hint}] ")
        self.out.flush()
        answer = self.stdin.readline().strip().lower()
        if not answer:
            return default
        return answer in {"y", "yes"}

    def secret(self, prompt: str) -> str:
        """Ask for a password or token without echoing it."""
        import getpass

        return getpass.getpass(prompt)
