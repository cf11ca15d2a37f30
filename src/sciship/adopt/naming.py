"""Names: turn file and folder names into valid, collision-free Python and command names."""

from __future__ import annotations

import keyword
from collections.abc import Iterable

from sciship._regex import compile_later

_NOT_WORD = compile_later(r"[^0-9a-zA-Z_]+")
_UNDERSCORES = compile_later(r"_+")


def identifier(text: str, *, fallback: str = "module") -> str:
    """A lowercase Python identifier from any text: `01 Load Data` -> `load_data`.

    Leading digits and separators are dropped (a module name cannot start with a digit), everything
    that is not a letter, digit or underscore becomes `_`, and a Python keyword gets a trailing `_`.
    """
    name = _NOT_WORD.sub("_", text.strip().lower())
    name = _UNDERSCORES.sub("_", name).strip("_")
    name = name.lstrip("0123456789_")
    if not name or not name.isidentifier() or not name.isascii():
        name = fallback
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


def distribution_name(text: str) -> str:
    """A PyPI-style project name from a folder name: `My Research_Code` -> `my-research-code`."""
    return identifier(text, fallback="research-code").replace("_", "-").rstrip("-")


def unique(name: str, taken: Iterable[str]) -> str:
    """``name``, or ``name_2``, ``name_3``... whichever is not in ``taken``."""
    used = set(taken)
    if name not in used:
        return name
    n = 2
    while f"{name}_{n}" in used:
        n += 1
    return f"{name}_{n}"


def command_name(dist: str, module: str) -> str:
    """The console command for a module: `<distribution>-<module>` with dashes.

    The distribution prefix keeps short names such as `plot` or `analysis` from clashing with commands
    other packages install.
    """
    short = module.replace("_", "-").strip("-")
    return dist if short == dist else f"{dist}-{short}"
