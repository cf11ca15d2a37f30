"""Distribution names without importing ``packaging`` (which costs ~90 ms at start-up)."""

from __future__ import annotations

from sciship._regex import compile_later

_SEPARATORS = compile_later(r"[-_.]+")
#: PEP 508: a name, then optional extras, version specifiers, a URL or a marker
_REQUIREMENT = compile_later(
    r"^\s*(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*"
    r"(?:\[[^\]]*\])?\s*(?P<rest>(?:[<>=!~(@;].*)?)$"
)


def canonicalize_name(name: str) -> str:
    """PEP 503 normalised form: lower case, runs of ``-``, ``_`` and ``.`` become one ``-``."""
    return _SEPARATORS.sub("-", name).lower()


def requirement_name(text: str) -> str | None:
    """The distribution name of a PEP 508 requirement string, or None when it is not one."""
    m = _REQUIREMENT.match(text)
    return m.group("name") if m else None
