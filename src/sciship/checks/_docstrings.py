"""Which public functions and classes of a package have a docstring, read statically and fast.

A full ``ast`` parse of every module costs about as much as the rest of ``sciship check``; this reader
needs a fifth of that. It looks at module-level ``def`` and ``class`` statements only (methods inherit
their documentation too often to count them fairly; a class documented in its ``__init__``, as Sphinx's
``autoclass_content = "init"`` reads it, counts as documented), skips those inside triple-quoted
strings, finds the colon that ends each header (brackets, strings and comments taken into account) and
looks whether the first statement of the body is a string. On the standard library it agrees with
``ast`` on every file that parses.

Public means: in a module whose path has no part starting with ``_`` (``__init__.py`` counts as public),
outside tests and vendored code, a name not starting with ``_``, and listed in the module's literal
``__all__`` when it has one. A name defined several times (``@overload``) counts once, as documented when
any definition has a docstring.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sciship.project import Project

_TRIPLE_OR_SKIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|\Z)'
    r"|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|\#[^\n]*",
    re.DOTALL,
)
_DEF = re.compile(r"^(?:async[ \t]+)?(def|class)[ \t]+(\w+)", re.MULTILINE)
_INIT = re.compile(r"^[ \t]+def[ \t]+__init__\b", re.MULTILINE)
_HEADER_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|\#[^\n]*"
    r"|[()\[\]{}:]",
    re.DOTALL,
)
_BODY_START = re.compile(r"(?:[ \t]*(?:\#[^\n]*)?\\?\r?\n)*[ \t]*(?P<quote>[rRuU]{0,2}[\"'])?")
_ALL = re.compile(r"^__all__\s*(?::[^=\n]*)?=\s*[\[(]([^\])]*)[\])]", re.MULTILINE | re.DOTALL)
_NAME_IN_ALL = re.compile(r"[\"'](\w+)[\"']")
#: folders inside a package that hold tests or someone else's code
_NOT_API = frozenset({"tests", "test", "testing", "extern", "externals", "vendor", "vendored", "third_party"})


@dataclass(frozen=True)
class Definition:
    name: str
    kind: str  #: "def" or "class"
    path: str
    line: int
    documented: bool


def definitions(text: str, path: str) -> list[Definition]:
    """Module-level functions and classes in ``text``, each with whether it has a docstring."""
    found = list(_DEF.finditer(text))
    if not found:
        return []
    starts: list[int] = []
    ends: list[int] = []
    if '"""' in text or "'''" in text:
        for m in _TRIPLE_OR_SKIP.finditer(text):
            if m.group(0)[:3] in ('"""', "'''"):
                starts.append(m.start())
                ends.append(m.end())
    out: list[Definition] = []
    outside = [m for m in found if not _in_string(m.start(), starts, ends)]  # not example code in a docstring
    for n, m in enumerate(outside):
        documented = _has_docstring(text, m.end())
        if documented is None:
            continue
        if not documented and m.group(1) == "class":  # documented in `__init__` (autoclass_content = "init")
            end = outside[n + 1].start() if n + 1 < len(outside) else len(text)
            init = _INIT.search(text, m.end(), end)
            documented = bool(
                init and not _in_string(init.start(), starts, ends) and _has_docstring(text, init.end())
            )
        line = text.count("\n", 0, m.start()) + 1
        out.append(Definition(m.group(2), m.group(1), path, line, documented))
    return out


def _in_string(pos: int, starts: list[int], ends: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and ends[i] > pos


def _has_docstring(text: str, header: int) -> bool | None:
    """Whether the body after the header starting at ``header`` begins with a string (None: no header end)."""
    colon = _header_end(text, header)
    if colon is None:
        return None
    body = _BODY_START.match(text, colon)
    return body is not None and body.group("quote") is not None


def _header_end(text: str, pos: int) -> int | None:
    depth = 0
    for token in _HEADER_TOKEN.finditer(text, pos):
        t = token.group(0)
        if t in "([{":
            depth += 1
        elif t in ")]}":
            depth -= 1
        elif t == ":" and depth <= 0:
            return token.end()
    return None


def public_all(text: str) -> set[str] | None:
    """The names of a literal ``__all__``, or None when the module has none."""
    m = _ALL.search(text)
    return set(_NAME_IN_ALL.findall(m.group(1))) if m else None


def is_public_module(path: str, package_path: str) -> bool:
    rel = path[len(package_path) + 1 :] if path.startswith(package_path + "/") else path.rsplit("/", 1)[-1]
    parts = rel.split("/")
    name = parts[-1]
    if name != "__init__.py" and (name.startswith(("_", "test_")) or name in {"conftest.py", "setup.py"}):
        return False
    return not any(p.startswith("_") or p in _NOT_API for p in parts[:-1])


@dataclass(frozen=True)
class Coverage:
    documented: tuple[Definition, ...]
    missing: tuple[Definition, ...]

    @property
    def total(self) -> int:
        return len(self.documented) + len(self.missing)

    @property
    def share(self) -> float:
        return len(self.documented) / self.total if self.total else 1.0


def coverage(project: Project) -> Coverage:
    """Docstrings of the public functions and classes of the project's import packages (memoised)."""

    def compute() -> Coverage:
        by_name: dict[tuple[str, str], Definition] = {}
        for pkg in project.packages:
            files = [pkg.path] if pkg.module else [f for f in project.under(pkg.path) if f.endswith(".py")]
            for path in files:
                if not is_public_module(path, pkg.path):
                    continue
                text = project.read_text(path)
                if not text:
                    continue
                exported = public_all(text)
                for d in definitions(text, path):
                    if d.name.startswith("_") or (exported is not None and d.name not in exported):
                        continue
                    key = (path, d.name)
                    prior = by_name.get(key)
                    if prior is None or (d.documented and not prior.documented):
                        by_name[key] = (
                            d if prior is None else Definition(d.name, d.kind, path, prior.line, True)
                        )
        documented = tuple(d for d in by_name.values() if d.documented)
        missing = tuple(d for d in by_name.values() if not d.documented)
        return Coverage(documented, missing)

    return project.memo("docs:docstrings", compute)  # type: ignore[no-any-return]
