"""Poetry's version constraints (``^1.2``, ``~1.2.3``, ``1.2.*``) as PEP 440 specifiers.

Facts from Poetry's documentation ("Dependency specification"): a caret allows changes that do not modify
the left-most non-zero part (``^1.2.3`` is ``>=1.2.3,<2.0.0``; ``^0.2.3`` is ``>=0.2.3,<0.3.0``; ``^0.0.3``
is ``>=0.0.3,<0.0.4``; ``^0`` is ``>=0,<1``); a tilde allows patch changes when minor is given, minor
changes otherwise (``~1.2.3`` is ``>=1.2.3,<1.3.0``; ``~1`` is ``>=1,<2``); ``*`` is any version; several
constraints joined by commas or spaces must all hold; ``||`` is "either".
"""

from __future__ import annotations

import re

from sciship._regex import compile_later

_OPS = (">=", "<=", "!=", "==", "~=", ">", "<", "=")
_BARE = compile_later(r"^\d+(\.\d+)*(\.\*)?([a-z]+\d*)?$", re.IGNORECASE)


def to_pep440(constraint: str) -> str | None:
    """The PEP 440 specifier for a Poetry constraint; ``""`` for any version; None when not expressible.

    ``||`` (either of two ranges) has no PEP 440 form; None tells the caller to keep Poetry's text.
    """
    text = constraint.strip()
    if not text or text == "*":
        return ""
    if "||" in text or "|" in text:
        return None
    parts: list[str] = []
    for token in _tokens(text):
        converted = _one(token)
        if converted is None:
            return None
        if converted:
            parts.append(converted)
    return ",".join(parts)


def _tokens(text: str) -> list[str]:
    """Split on commas and on spaces that separate constraints (``>= 1.2`` stays one token)."""
    raw = [t for t in re.split(r"[,\s]+", text) if t]
    out: list[str] = []
    for tok in raw:
        if out and out[-1] in (*_OPS, "^", "~"):
            out[-1] += tok
        else:
            out.append(tok)
    return out


def _release(version: str) -> list[int] | None:
    m = re.match(r"^(\d+(?:\.\d+)*)", version)
    if not m:
        return None
    return [int(p) for p in m.group(1).split(".")]


def _fmt(parts: list[int]) -> str:
    return ".".join(str(p) for p in parts)


def _one(part: str) -> str | None:
    if part == "*":
        return ""
    if part.startswith("^"):
        version = part[1:]
        rel = _release(version)
        if rel is None:
            return None
        upper = list(rel)
        for i, number in enumerate(rel):
            if number != 0 or i == len(rel) - 1:
                upper = [*rel[:i], number + 1] + [0] * (len(rel) - i - 1)
                break
        return f">={version},<{_fmt(upper)}"
    if part.startswith("~") and not part.startswith("~="):
        version = part[1:]
        rel = _release(version)
        if rel is None:
            return None
        upper = [rel[0] + 1] if len(rel) == 1 else [rel[0], rel[1] + 1]
        return f">={version},<{_fmt(upper + [0] * (len(rel) - len(upper)))}"
    for op in _OPS:
        if part.startswith(op):
            version = part[len(op) :].strip()
            if not version:
                return None
            return f"=={version}" if op == "=" else f"{op}{version}"
    if _BARE.match(part):
        return f"=={part}"
    return None
