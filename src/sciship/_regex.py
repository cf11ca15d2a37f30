"""Regular expressions compiled the first time they are used, not when their module is imported.

sciship's modules hold some 250 patterns at module level; a run uses about a third of them, and compiling
all of them cost 30 ms of every ``sciship share`` on a new folder (``re.compile`` parses each pattern in
Python). :func:`compile_later` gives an object that behaves as the compiled pattern (``search``,
``match``, ``sub``, ``pattern``, ...) and compiles it on first use; after that, each method is a plain
attribute of the object, as fast as the pattern's own.

It is not a :class:`re.Pattern`: hand it to no ``re.*`` function (``re.sub(_X, ...)``) and to no
``isinstance`` check; call its methods instead.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

_METHODS = (
    "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
    "pattern", "flags", "groups", "groupindex",
)


class _Later:
    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # (copy, pickle and the like ask for these: the pattern's own)
            return getattr(re.compile(*self.__dict__["_args"]), name)
        compiled = re.compile(*self.__dict__["_args"])
        for method in _METHODS:  # found in the instance from now on, without this method
            self.__dict__[method] = getattr(compiled, method)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"compile_later({self._args[0]!r}, {self._args[1]})"


def compile_later(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, done the first time the pattern is used."""
    return cast("re.Pattern[AnyStr]", _Later(pattern, flags))
