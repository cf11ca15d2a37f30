"""Is a ``.py`` file code in another language (R, MATLAB) or a Jupyter notebook saved with the wrong
ending? Said only on strong signs: a Python file is never named as anything else (else the generic
"Python cannot parse this file" stands)."""

from __future__ import annotations

import ast
import json
import re
from typing import NamedTuple

from sciship._regex import compile_later


class Other(NamedTuple):
    """What a ``.py`` file is instead of Python."""

    what: str  #: "R code", "MATLAB code", "a Jupyter notebook"
    ending: str  #: the ending it should have: ".R", ".m", ".ipynb"
    sign: str  #: what shows it, with its line ("`library(ggplot2)` on line 1")
    line: int


_ML = re.MULTILINE
#: Python's own statements: a file with them is Python, whatever else it holds
_PYTHON = compile_later(r"^(?:import\s+\w|from\s+\.*[\w.]*\s+import\b|def\s+\w+\s*\(|class\s+\w+)", _ML)
#: R: loading a package by its bare name, and assignment with an arrow at the start of a line (which
#: Python reads as a comparison whose result is dropped: nobody writes that in Python)
_R_LIBRARY = compile_later(
    r"^\s*(?:suppressPackageStartupMessages\()?(?:library|require)\(\s*[A-Za-z][\w.]*\s*\)+\s*;?\s*$", _ML
)
_R_ARROW = compile_later(r"^\s*[A-Za-z.][\w.$]*(?:\[[^\]\n]*\])?\s*<<?-\s*\S", _ML)
_R_SYNTAX = compile_later(r"<-\s*function\s*\(|%>%|%in%|^\s*for\s*\(\s*\w+\s+in\s", _ML)
#: MATLAB: each of these lines is a syntax error in Python (so they never sit in a Python file)
_M_COMMENT = compile_later(r"^\s*%(?:%?[ \t{].*|%?)$", _ML)  # `% text`, `%% Part` (not IPython's `%%time`)
_M_FUNCTION = compile_later(r"^\s*function\s+(?:\[[^\]\n]*\]|\w+)\s*=\s*\w+\s*(?:\(.*\))?\s*;?\s*$", _ML)
_M_FUNCTION_BARE = compile_later(r"^\s*function\s+\w+\s*(?:\(.*\))?\s*;?\s*$", _ML)  # (Julia's too)
_M_FOR = compile_later(r"^\s*(?:par)?for\s+\w+\s*=\s*\S.*$", _ML)
_M_CLEAR = compile_later(r"^\s*(?:clear|close|clc)(?:\s+all)?\s*;?\s*$|^\s*(?:clear\s+all|hold\s+on)\b", _ML)
_M_END = compile_later(r"^\s*end(?:function|for|if|while)?\s*;?\s*$", _ML)
#: Julia also has `function f(x) ... end`: never named MATLAB
_JULIA = compile_later(r"^\s*using\s+\w|^\s*module\s+\w|::", _ML)


def other_language(text: str, parsed: bool | None) -> Other | None:
    """What ``text``, a ``.py`` file's (``parsed``: whether Python's parser accepts it; None: not known),
    is instead of Python, when the signs are strong; None when it may well be Python."""
    start = text.lstrip()[:1]
    if start == "{" and '"cells"' in text and '"nbformat"' in text:
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("cells"), list) and "nbformat" in data:
            return Other("a Jupyter notebook", ".ipynb", 'its JSON, with `"cells"` and `"nbformat"`', 1)
    if ("<-" in text or "library(" in text or "require(" in text) and not _PYTHON.search(text):
        r_signs = [m for m in (_R_LIBRARY.search(text), _R_ARROW.search(text)) if m is not None]
        if len(r_signs) == 2 or (r_signs and _R_SYNTAX.search(text)) or len(_R_ARROW.findall(text)) >= 3:
            return Other("R code", ".R", *_where(text, min(r_signs, key=lambda m: m.start())))
    if parsed or _PYTHON.search(text) or _JULIA.search(text):
        return None
    # in the order that names MATLAB best; one of the first three at least, which only MATLAB writes (an
    # `end` alone is a bare name in Python; `function f(x)`, `for i = 1:n` and `end` are Julia's too)
    patterns = (_M_FUNCTION, _M_CLEAR, _M_COMMENT, _M_FUNCTION_BARE, _M_FOR, _M_END)
    signs = [p.search(text) for p in patterns]
    found = [m for m in signs if m is not None]
    if not (any(signs[:3]) and len(found) >= 2):
        return None
    if parsed is None:  # (a bare `clc` or `end` is a name to Python: MATLAB only where Python stops)
        try:
            ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            pass
        else:
            return None
    return Other("MATLAB code", ".m", *_where(text, found[0]))


def _where(text: str, m: re.Match[str]) -> tuple[str, int]:
    """The sign ``m`` shows, as the problem quotes it, and its line."""
    line = text.count("\n", 0, m.start()) + 1
    shown = m.group().strip()
    if len(shown) > 40:
        shown = shown[:37].rstrip() + "..."
    return f"`{shown}` on line {line}", line


def message(other: Other, path: str) -> str:
    """What the SHR117 problem of a ``.py`` file that is ``other`` says: what it is, and what to do."""
    name = path.rsplit("/", 1)[-1]
    renamed = name[: -len(".py")] + other.ending if name.endswith(".py") else name + other.ending
    if other.ending == ".ipynb":
        return (
            f"This file is {other.what} saved with the `.py` ending ({other.sign}): Python cannot run it, "
            "and sciship reads a notebook only under an `.ipynb` name, so it cannot tell which files it "
            f"reads and writes. Rename it to `{renamed}`: Jupyter then opens it, and sciship reads its cells."
        )
    runs = "R" if other.ending == ".R" else "MATLAB (or Octave)"
    return (
        f"This file looks like {other.what}, not Python ({other.sign}): Python cannot run it, and sciship "
        f"reads only Python, so it cannot tell which files it reads and writes. Rename it to `{renamed}`, "
        f"so that whoever reruns the analysis knows to run it with {runs}."
    )
