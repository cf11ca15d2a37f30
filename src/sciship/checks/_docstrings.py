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

from sciship._regex import compile_later

if TYPE_CHECKING:
    from sciship.project import Project

_TRIPLE_OR_SKIP = compile_later(
    r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|\Z)'
    r"|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|\#[^\n]*",
    re.DOTALL,
)
_DEF = compile_later(r"^(?:async[ \t]+)?(def|class)[ \t]+(\w+)", re.MULTILINE)
_INIT = compile_later(r"^[ \t]+def[ \t]+__init__\b", re.MULTILINE)
_HEADER_TOKEN = compile_later(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|\#[^\n]*"
    r"|[()\[\]{}:]",
    re.DOTALL,
)
_BODY_START = compile_later(r"(?:[ \t]*(?:\#[^\n]*)?\\?\r?\n)*[ \t]*(?P<quote>[rRuU]{0,2}[\"'])?")
_ALL = compile_later(r"^__all__\s*(?::[^=\n]*)?=\s*[\[(]([^\])]*)[\])]", re.MULTILINE | re.DOTALL)
_NAME_IN_ALL = compile_later(r"[\"'](\w+)[\"']")
#: folders inside a package that hold tests or someone else's code
_NOT_API = frozenset(
    {"tests", "test", "testing", "extern", "externals", "vendor", "vendored", "third_party", "mock", "mocks"}
    | {"scripts", "examples", "dev_scripts"}  # programs to run, not modules to import
)


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
        if not documented and _doc_decorated(text, m.start()):
            documented = True  # `@add_docstring("...")`, `@format_doc(...)`: the decorator writes it
        if not documented and m.group(1) == "class":  # documented in `__init__` (autoclass_content = "init")
            end = outside[n + 1].start() if n + 1 < len(outside) else len(text)
            init = _INIT.search(text, m.end(), end)
            documented = bool(
                init and not _in_string(init.start(), starts, ends) and _has_docstring(text, init.end())
            )
        line = text.count("\n", 0, m.start()) + 1
        out.append(Definition(m.group(2), m.group(1), path, line, documented))
    return out


#: a decorator line whose name says it writes the docstring (``@_add_docstring(...)``, ``@format_doc``,
#: ``@docstring.dedent_interpd``, pandas' ``@Appender``/``@Substitution``, ``@doc(...)``)
_DOC_DECORATOR = compile_later(r"^@[\w.]*(?:doc\w*|Appender|Substitution)\b", re.IGNORECASE)


def _doc_decorated(text: str, start: int) -> bool:
    """Whether the decorators right above the definition at ``start`` include one that sets its docstring."""
    lines = text[:start].splitlines()
    while lines:
        line = lines.pop()
        if not line.strip():
            return False
        if line.startswith("@"):
            if _DOC_DECORATOR.match(line):
                return True
            continue
        if not line[0].isspace() and not line.startswith((")", "]", "}")):
            return False  # the statement before: no more decorators
    return False


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
    if name != "__init__.py" and (
        name.startswith(("_", "test_", "mock_")) or name in _NOT_API_MODULES or not name[:-3].isidentifier()
    ):
        return False  # private, test helpers, or not importable (a Streamlit page `1_Normality_Test.py`)
    return not any(p.startswith("_") or p in _NOT_API for p in parts[:-1])


_NOT_API_MODULES = frozenset({"conftest.py", "setup.py", "fixtures.py", "testing.py", "mock.py", "mocks.py"})
#: ``name.__doc__ = ...``: a docstring set after the definition (shared text, formatted at import time)
_DOC_ASSIGNED = compile_later(r"^[ \t]*(\w+)\.__doc__\s*\+?=", re.MULTILINE)
#: ``from ._core import BioCypher, Graph`` (a public module re-exporting names of a private one)
_FROM_PRIVATE = compile_later(
    r"^from[ \t]+(\.+|[\w.]+\.)(_\w+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]+)", re.MULTILINE
)


def _reexported(project: Project, public: list[str], files: set[str]) -> dict[str, set[str]]:
    """Names that public modules import from private ones (``from ._core import BioCypher`` in
    ``__init__.py``): the package's API, defined in ``_core.py``. ``{private file: {names}}``."""
    import posixpath

    out: dict[str, set[str]] = {}
    for path in public:
        text = project.read_text(path) or ""
        if "import" not in text:
            continue
        listed = public_all(text)
        if listed is None and not path.endswith("__init__.py"):
            continue  # a module that uses a private helper, not one that re-exports it
        here = path.rpartition("/")[0]
        for m in _FROM_PRIVATE.finditer(text):
            dots, module, names = m.group(1), m.group(2), m.group(3)
            if dots.strip("."):
                continue  # absolute imports: the package's own name is not known here; relative ones are
            base = here
            for _ in range(len(dots) - 1):
                base = base.rpartition("/")[0]
            target = posixpath.join(base, module)
            found = next((f for f in (target + ".py", target + "/__init__.py") if f in files), None)
            if found is None:
                continue
            for part in names.strip("()").replace("\n", " ").split(","):
                name = part.split("#")[0].strip().split(" as ")[0].strip()
                if name.isidentifier() and not name.startswith("_") and (listed is None or name in listed):
                    out.setdefault(found, set()).add(name)
    return out


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
            public = [f for f in files if is_public_module(f, pkg.path)]
            reexported = _reexported(project, public, set(files))
            for path in files:
                wanted = reexported.get(path)
                if wanted is None and path not in public:
                    continue
                text = project.read_text(path)
                if not text:
                    continue
                exported = public_all(text) if wanted is None else wanted
                assigned = set(_DOC_ASSIGNED.findall(text)) if ".__doc__" in text else set()
                for found in definitions(text, path):
                    if found.name.startswith("_") or (exported is not None and found.name not in exported):
                        continue
                    d = found
                    if d.name in assigned and not d.documented:  # `name.__doc__ = ...` further down
                        d = Definition(d.name, d.kind, d.path, d.line, True)
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
