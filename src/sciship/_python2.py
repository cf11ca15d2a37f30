"""Is a file that Python cannot parse written in Python 2, and where does that show? The hint ``deps``,
``check`` and ``share`` give instead of a bare syntax error."""

from __future__ import annotations

import re
import sys

from sciship._regex import compile_later

#: what Python 2 code looks like, line by line, and how to name it to a person
HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (compile_later(r"^\s*print\s+[^\s(=.,)\]][^=]*$"), "a `print` statement without brackets"),
    (compile_later(r"^\s*print\s*$"), "a `print` statement without brackets"),
    (compile_later(r"^\s*except\s+[\w.]+\s*,\s*\w+\s*:"), "`except Error, name:`"),
    (compile_later(r"^\s*exec\s+[\"'\w]"), "an `exec` statement"),
    (compile_later(r"^\s*raise\s+\w+\s*,"), "`raise Error, message`"),
    (compile_later(r"\bur[\"']"), 'a `ur"..."` string'),
    (compile_later(r"<>"), "the `<>` operator"),
    (compile_later(r"(?<![\w.])0\d+\b"), "an old-style octal number like `0777`"),
    (
        compile_later(r"\.has_key\(|\biteritems\(\)|\bxrange\(|\bunicode\(|\braw_input\("),
        "Python 2 built-ins",
    ),
    # `def plot((x, y), z):`: Python 3 says "Function parameters cannot be parenthesized"
    (compile_later(r"^\s*def\s+\w+\s*\([^)]*\(\s*\w+\s*,"), "a function taking a tuple as one parameter"),
)
#: print statements and `except E, name:` are Python 2 wherever they are; the others only where Python
#: stopped
_STRONG = HINTS[:3]


#: Python's own words for a statement of Python 2 (``print "x"``: "Missing parentheses in call to 'print'")
_SAID = {"print": "a `print` statement without brackets", "exec": "an `exec` statement"}


def said_plainly(said: str | None) -> str:
    """Python's words for a syntax error, with what to do where they do not say (tabs and spaces, an
    f-string of a newer Python)."""
    if (said or "").startswith("inconsistent use of tabs and spaces"):
        return (
            "its indentation mixes tabs and spaces, which Python 3 refuses: re-indent it with spaces "
            "(editors can convert tabs to spaces)"
        )
    return (said or "invalid syntax").rstrip(".") + (newer_fstring(said) or "")


def newer_fstring(said: str | None) -> str | None:
    """For an f-string error on a Python older than 3.12: that the code may be right for 3.12 and newer,
    which allow the same quotes inside an f-string's ``{...}`` (``f'{d['mean']}'``), and what that means."""
    if not (said or "").startswith("f-string") or sys.version_info >= (3, 12):
        return None
    return (
        f"; it may be an f-string written for Python 3.12 or newer (the same quotes inside its `{{...}}`), "
        f"which the Python sciship runs on ({sys.version_info[0]}.{sys.version_info[1]}) cannot read: then "
        "the code needs Python 3.12 or newer, and the README should say so (or use the other quotes inside)"
    )


def clue(lines: list[str], error_line: int | None, said: str | None = None) -> tuple[str, int] | None:
    """What in ``lines`` (a file Python could not parse at ``error_line``, saying ``said``) is Python 2,
    and on which line (1-based); None when nothing is."""
    for name, what in _SAID.items():
        if error_line and (said or "").startswith(f"Missing parentheses in call to '{name}'"):
            return what, error_line
    if error_line and (said or "").startswith("inconsistent use of tabs and spaces"):
        # Python 2 allowed it; so does an editor in a Python 3 file: Python 2 only with another sign of it
        if any(pattern.search(src) for src in lines for pattern, _what in _STRONG):
            return "indentation that mixes tabs and spaces, as only Python 2 allowed", error_line
        return None
    at_error = [(error_line, lines[error_line - 1])] if error_line and 0 < error_line <= len(lines) else []
    for candidates, patterns in ((at_error, HINTS), (list(enumerate(lines, 1)), _STRONG)):
        for i, src in candidates:
            for pattern, what in patterns:
                if pattern.search(src):
                    return what, i
    return None
