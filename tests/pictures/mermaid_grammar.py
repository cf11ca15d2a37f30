"""The part of Mermaid's flowchart grammar sciship writes, as a checker for tests.

From Mermaid's flowchart syntax documentation (https://mermaid.js.org/syntax/flowchart.html): a diagram
starts with ``flowchart`` and a direction (TB, TD, BT, RL, LR); a node is an id followed by a shape with
its text inside (``id["text"]`` rectangle, ``id(["text"])`` stadium, ``id[/"text"/]`` parallelogram,
``id[("text")]`` cylinder, ``id{{"text"}}`` hexagon, ``id[["text"]]`` subroutine, ``id>"text"]``
asymmetric); quoted text may hold any character except a double quote, which is written as the entity
code ``#quot;``; links are ``a --> b``; ``classDef name style`` and ``class id1,id2 name`` style nodes.
"""

from __future__ import annotations

import re

_ID = r"[A-Za-z][A-Za-z0-9_]*"
_TEXT = r'"[^"\n]*"'
_SHAPES = [
    (r"\[", r"\]"),
    (r"\(\[", r"\]\)"),
    (r"\[/", r"/\]"),
    (r"\[\(", r"\)\]"),
    (r"\{\{", r"\}\}"),
    (r"\[\[", r"\]\]"),
    (r">", r"\]"),
]
_NODE = re.compile(rf"^{_ID}(?:" + "|".join(f"{a}{_TEXT}{b}" for a, b in _SHAPES) + ")$")
_LINK = re.compile(rf"^{_ID} --> {_ID}$")
_CLASSDEF = re.compile(rf"^classDef {_ID} [a-z-]+:[^\s,]+(?:[ ]?[^\s,]*)?(?:,[a-z-]+:[^,]+)*$")
_CLASS = re.compile(rf"^class {_ID}(?:,{_ID})* {_ID}$")
_HEADER = re.compile(r"^flowchart (TB|TD|BT|RL|LR)$")


def errors(text: str) -> list[str]:
    """Every line that does not follow the grammar (empty when the diagram is valid)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or not _HEADER.match(lines[0]):
        return [f"line 1: not a flowchart header: {lines[0] if lines else ''!r}"]
    out = []
    defined: set[str] = set()
    for number, line in enumerate(lines[1:], 2):
        if _NODE.match(line):
            defined.add(re.match(_ID, line).group(0))  # type: ignore[union-attr]
        elif _LINK.match(line):
            a, b = line.split(" --> ")
            missing = {a, b} - defined
            if missing:
                out.append(f"line {number}: link to undefined node(s) {sorted(missing)}")
        elif _CLASSDEF.match(line) or _CLASS.match(line):
            continue
        else:
            out.append(f"line {number}: not valid flowchart syntax: {line!r}")
    return out
