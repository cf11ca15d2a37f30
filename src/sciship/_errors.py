"""The few errors sciship raises. The CLI turns each into a plain message in exactly one place."""

from __future__ import annotations


class SciShipError(Exception):
    """Base class: something the user can act on.

    ``message`` says what happened, ``hint`` what to do next. ``path``/``line``/``column`` point at the
    place when there is one.
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = path
        self.line = line
        self.column = column

    def location(self) -> str | None:
        if self.path is None:
            return None
        loc = self.path
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc


class InputError(SciShipError):
    """The path or arguments given cannot be used (missing folder, a file instead of a folder, ...)."""


class PlanError(SciShipError):
    """A plan cannot be applied safely (a file would be overwritten, a file changed meanwhile, ...)."""


class CommandFailed(SciShipError):
    """A step that runs an external tool (build backend, pip, upload) failed."""

    exit_code = 1
