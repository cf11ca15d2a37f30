"""`compile_later`: a module-level pattern that is compiled the first time it is used."""

from __future__ import annotations

import copy
import re

import pytest

from sciship._regex import compile_later


def test_it_behaves_as_the_compiled_pattern() -> None:
    later = compile_later(r"(\w+)\.py$", re.IGNORECASE)
    now = re.compile(r"(\w+)\.py$", re.IGNORECASE)
    for text in ("run.PY", "a/b/fit.py", "notes.txt"):
        assert bool(later.search(text)) == bool(now.search(text))
        assert later.sub(r"\1", text) == now.sub(r"\1", text)
        assert later.findall(text) == now.findall(text)
    assert later.pattern == now.pattern
    assert later.flags == now.flags
    assert later.groups == 1
    assert [m.group(1) for m in later.finditer("a.py b.py")] == ["b"]
    assert copy.deepcopy(later).search("x.py") is not None


def test_nothing_is_compiled_before_the_first_use() -> None:
    later = compile_later(rb"[")  # (not a valid pattern: compiling it raises)
    assert "compile_later" in repr(later)
    with pytest.raises(re.error):
        later.search(b"[")
