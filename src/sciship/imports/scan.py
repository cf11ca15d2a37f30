"""Find the imports in Python source and notebooks, statically (``ast``; the code is never run).

Each import is an :class:`ImportSite`: its full dotted name, file, line, and the *context* it sits in:
``optional`` (inside ``try: ... except ImportError``), ``typing`` (under ``if TYPE_CHECKING``),
``conditional`` (under a ``sys.version_info`` / ``sys.platform`` test; ``marker`` then holds the PEP 508
marker when sciship can write one), or ``normal``. ``importlib.import_module("x")`` and
``__import__("x")`` with a literal name count as imports too.

A file that does not parse is not fatal: :class:`ScanResult` carries a :class:`Problem` (file, line, and
"looks like Python 2" where it does) and the scan of other files goes on.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from sciship.project import Problem

Context = Literal["normal", "optional", "typing", "conditional"]
PythonVersion = tuple[int, int]

_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})


@dataclass(frozen=True)
class ImportSite:
    """One import statement (or literal dynamic import) in one file."""

    module: str  #: full dotted name as written (for ``from a.b import c``: ``a.b``)
    top: str  #: first part of ``module``
    path: str
    line: int
    context: Context = "normal"
    marker: str | None = None  #: PEP 508 marker for ``conditional`` imports, when it can be written
    level: int = 0  #: 0 for absolute imports, >0 for relative ones (``from . import x`` is 1)
    cell: int | None = None  #: notebook cell number (1-based) for imports in notebooks
    #: for ``from a import b, c``: ``("b", "c")``; maybe submodules (``from google.cloud import storage``)
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScanResult:
    """Everything the scanner learned from one file."""

    path: str
    imports: tuple[ImportSite, ...] = ()
    problem: Problem | None = None
    #: the oldest Python that can run this file's syntax, and the construct that needs it
    min_python: PythonVersion | None = None
    min_python_reason: str | None = None
    min_python_line: int | None = None


# ---------------------------------------------------------------------- python source
#: files larger than this (generated data modules) are read line by line instead of parsed: Python's
#: parser needs seconds for a few megabytes, and such files only hold data
LARGE_FILE = 1_000_000
_IMPORT_LINE = re.compile(
    r"^[ \t]*(?:import[ \t]+([\w. \t,]+)|from[ \t]+(\.*)([\w.]*)[ \t]+import\b)", re.MULTILINE
)


def scan_source(text: str, path: str) -> ScanResult:
    """Scan Python source. Never raises on bad input: a parse failure becomes ``problem``."""
    if len(text) > LARGE_FILE:
        return _scan_large(text, path)
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as exc:
        return ScanResult(path, problem=_syntax_problem(text, path, exc))
    except (ValueError, RecursionError, MemoryError) as exc:
        return ScanResult(path, problem=_unparsable(path, exc))
    visitor = _visitor_for(text, path)
    try:
        visitor.visit(tree)
    except RecursionError:
        return ScanResult(path, problem=_unparsable(path, RecursionError()))
    return ScanResult(
        path,
        tuple(visitor.sites),
        min_python=visitor.min_python,
        min_python_reason=visitor.min_reason,
        min_python_line=visitor.min_line,
    )


def _scan_large(text: str, path: str) -> ScanResult:
    """Import lines of a very large file, found with a regular expression (every import counts as normal)."""
    if "\x00" in text:
        return ScanResult(path, problem=_unparsable(path, ValueError("null bytes")))
    sites: list[ImportSite] = []
    for m in _IMPORT_LINE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if m.group(1):
            for part in m.group(1).split(","):
                module = part.split()[0] if part.split() else ""
                if module and all(p.isidentifier() for p in module.split(".")):
                    sites.append(ImportSite(module, module.partition(".")[0], path, line))
        else:
            level, module = len(m.group(2)), m.group(3)
            if module or level:
                sites.append(ImportSite(module, module.partition(".")[0], path, line, level=level))
    return ScanResult(path, tuple(sites))


def _unparsable(path: str, exc: BaseException) -> Problem:
    if isinstance(exc, ValueError) and "null bytes" in str(exc):
        why = "it contains null bytes, so it is probably a binary file with a .py name"
    elif isinstance(exc, RecursionError | MemoryError):
        why = "it is nested too deeply or is too large for Python's parser"
    else:
        why = str(exc) or type(exc).__name__
    return Problem(
        path, f"sciship could not read the Python code in this file ({why}); its imports were skipped."
    )


_PY2_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s*print\s+[^\s(=.,)\]][^=]*$"), "a `print` statement without brackets"),
    (re.compile(r"^\s*print\s*$"), "a `print` statement without brackets"),
    (re.compile(r"^\s*except\s+[\w.]+\s*,\s*\w+\s*:"), "`except Error, name:`"),
    (re.compile(r"^\s*exec\s+[\"'\w]"), "an `exec` statement"),
    (re.compile(r"^\s*raise\s+\w+\s*,"), "`raise Error, message`"),
    (re.compile(r"\bur[\"']"), 'a `ur"..."` string'),
    (re.compile(r"<>"), "the `<>` operator"),
    (re.compile(r"(?<![\w.])0\d+\b"), "an old-style octal number like `0777`"),
    (re.compile(r"\.has_key\(|\biteritems\(\)|\bxrange\(|\bunicode\(|\braw_input\("), "Python 2 built-ins"),
)

_NEWER_SYNTAX: tuple[tuple[re.Pattern[str], str, PythonVersion], ...] = (
    (re.compile(r"^\s*type\s+\w+(\[[^\]]*\])?\s*="), "a `type X = ...` alias", (3, 12)),
    (re.compile(r"^\s*(async\s+)?def\s+\w+\s*\["), "a generic function `def f[T](...)`", (3, 12)),
    (re.compile(r"^\s*class\s+\w+\s*\["), "a generic class `class C[T]:`", (3, 12)),
)


def _syntax_problem(text: str, path: str, exc: SyntaxError) -> Problem:
    line = exc.lineno
    lines = text.splitlines()
    for i, src in enumerate(lines, 1):
        for pattern, what, ver in _NEWER_SYNTAX:
            if pattern.search(src):
                return Problem(
                    path,
                    f"This file uses {what}, which needs Python {ver[0]}.{ver[1]} or newer; the Python "
                    "running sciship is older, so its imports were skipped. Run sciship with a newer Python.",
                    line=i,
                )
    if "null bytes" in (exc.msg or ""):
        return _unparsable(path, ValueError("null bytes"))
    at_error = [(line, lines[line - 1])] if line and 0 < line <= len(lines) else []
    strong = _PY2_HINTS[:3]  # print statements and `except E, name:` are Python 2 wherever they are
    for candidates, patterns in ((at_error, _PY2_HINTS), (list(enumerate(lines, 1)), strong)):
        for i, src in candidates:
            for pattern, what in patterns:
                if pattern.search(src):
                    return Problem(
                        path,
                        f"This file looks like Python 2 ({what} on line {i}), which no current Python can "
                        "run. Update it to Python 3 (the `pyupgrade` or `2to3` tools help) or delete it if "
                        "it is unused.",
                        line=i,
                    )
    msg = (exc.msg or "invalid syntax").rstrip(".")
    return Problem(
        path,
        f"Python cannot parse this file ({msg}), so sciship skipped its imports. "
        "Fix the syntax error at the line shown; until then, nobody can import this file either.",
        line=line,
        column=exc.offset,
    )


# ---------------------------------------------------------------------- the visitor
class _Visitor(ast.NodeVisitor):
    def __init__(self, path: str, cell: int | None = None) -> None:
        self.path = path
        self.cell = cell
        self.sites: list[ImportSite] = []
        self.context: Context = "normal"
        self.marker: str | None = None
        self.min_python: PythonVersion | None = None
        self.min_reason: str | None = None
        self.min_line: int | None = None

    # --- recording
    def _add(self, module: str, line: int, level: int = 0, names: tuple[str, ...] = ()) -> None:
        if not module and level == 0:
            return
        top = module.partition(".")[0]
        self.sites.append(
            ImportSite(module, top, self.path, line, self.context, self.marker, level, self.cell, names)
        )

    def _needs(self, version: PythonVersion, reason: str, node: ast.AST) -> None:
        if self.min_python is None or version > self.min_python:
            self.min_python = version
            self.min_reason = reason
            self.min_line = getattr(node, "lineno", None)

    # --- imports
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        names = tuple(a.name for a in node.names if a.name != "*")
        if node.level:
            self._add(node.module or "", node.lineno, node.level, names)
        elif node.module:
            self._add(node.module, node.lineno, 0, names)

    def visit_Call(self, node: ast.Call) -> None:
        name = _dotted(node.func)
        if name in {"importlib.import_module", "import_module", "__import__"} and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                value = arg.value
                level = len(value) - len(value.lstrip("."))
                module = value.lstrip(".")
                if all(part.isidentifier() for part in module.split(".")) or (level and not module):
                    self._add(module, node.lineno, level)
        self.generic_visit(node)

    # --- contexts
    def visit_Try(self, node: ast.Try) -> None:
        self._visit_try(node)

    def visit_TryStar(self, node: Any) -> None:
        self._needs((3, 11), "an `except*` clause", node)
        self._visit_try(node)

    def _visit_try(self, node: Any) -> None:
        guarded = any(_catches_import_error(h.type) for h in node.handlers)
        self._with_context("optional" if guarded else None, None, node.body)
        for handler in node.handlers:
            self._with_context("optional" if guarded else None, None, handler.body)
        self._with_context(None, None, node.orelse)
        self._with_context(None, None, node.finalbody)

    def visit_If(self, node: ast.If) -> None:
        if not isinstance(self, _StatementVisitor):
            self.visit(node.test)
        if _is_type_checking(node.test):
            self._with_context("typing", None, node.body)
            self._with_context(None, None, node.orelse)
            return
        cond = _condition(node.test)
        if cond is None:
            self._with_context(None, None, node.body)
            self._with_context(None, None, node.orelse)
            return
        marker, negated = cond
        self._with_context("conditional", marker, node.body)
        self._with_context("conditional", negated, node.orelse)

    def _with_context(self, context: Context | None, marker: str | None, body: list[ast.stmt]) -> None:
        saved = (self.context, self.marker)
        if context in {"optional", "typing"} and self.context != "typing":
            self.context = context  # typing-only wins over everything; optional over version tests
        elif context == "conditional" and self.context in {"normal", "conditional"}:
            # a test sciship cannot write as a PEP 508 marker makes the whole marker unknown (None)
            known = self.context == "normal" or self.marker is not None
            self.marker = _and(self.marker, marker) if marker and known else None
            self.context = "conditional"
        for stmt in body:
            self.visit(stmt)
        self.context, self.marker = saved

    # --- minimum Python from syntax
    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self._needs((3, 8), "an assignment expression `:=`", node)
        self.generic_visit(node)

    def visit_Match(self, node: ast.AST) -> None:
        self._needs((3, 10), "a `match` statement", node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._function(node)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        if node.args.posonlyargs:
            self._needs((3, 8), "positional-only parameters (`/`)", node)
        if getattr(node, "type_params", None):
            self._needs((3, 12), "a generic function `def f[T](...)`", node)
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        if getattr(node, "type_params", None):
            self._needs((3, 12), "a generic class `class C[T]:`", node)
        self.generic_visit(node)

    def visit_TypeAlias(self, node: ast.AST) -> None:
        self._needs((3, 12), "a `type X = ...` alias", node)
        self.generic_visit(node)


_STMT_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


class _StatementVisitor(_Visitor):
    """The same visitor, walking statements only: about three times faster, and enough when the text
    has no dynamic import and no ``:=`` (the only expression-level things sciship looks for)."""

    def generic_visit(self, node: ast.AST) -> None:
        for name in _STMT_FIELDS:
            for child in getattr(node, name, ()):
                self.visit(child)


def _visitor_for(text: str, path: str, cell: int | None = None) -> _Visitor:
    if "import_module" in text or "__import__" in text or ":=" in text:
        return _Visitor(path, cell)
    return _StatementVisitor(path, cell)


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def _catches_import_error(node: ast.expr | None) -> bool:
    if node is None:
        return True  # a bare `except:` catches ImportError too
    if isinstance(node, ast.Tuple):
        return any(_catches_import_error(elt) for elt in node.elts)
    name = _dotted(node)
    return name is not None and name.rpartition(".")[2] in _IMPORT_ERRORS


def _is_type_checking(test: ast.expr) -> bool:
    name = _dotted(test)
    return name is not None and name.rpartition(".")[2] == "TYPE_CHECKING"


_FLIP = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
_OPS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}


def _condition(test: ast.expr) -> tuple[str | None, str | None] | None:
    """For a test on ``sys.version_info`` / ``sys.platform``: (marker, negated marker); else None.

    A marker is None when the test is about the interpreter but too complex to write as PEP 508.
    """
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _condition(test.operand)
        return None if inner is None else (inner[1], inner[0])
    if isinstance(test, ast.BoolOp):
        parts = [_condition(v) for v in test.values]
        if all(p is None for p in parts):
            return None
        return (None, None)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left = _dotted(test.left)
        if isinstance(test.left, ast.Subscript):
            left = _dotted(test.left.value)
        op = _OPS.get(type(test.ops[0]))
        right = test.comparators[0]
        if left in {"sys.version_info", "version_info"}:
            version = _version_tuple(right)
            if op is None or version is None or isinstance(test.left, ast.Subscript):
                return (None, None)
            return (f'python_version {op} "{version}"', f'python_version {_FLIP[op]} "{version}"')
        if left in {"sys.platform", "platform"} and left is not None:
            if op in {"==", "!="} and isinstance(right, ast.Constant) and isinstance(right.value, str):
                return (f'sys_platform {op} "{right.value}"', f'sys_platform {_FLIP[op]} "{right.value}"')
            return (None, None)
    if isinstance(test, ast.Call):
        func = _dotted(test.func)
        if func == "sys.platform.startswith" and test.args and isinstance(test.args[0], ast.Constant):
            value = test.args[0].value
            known = {"win": "win32", "linux": "linux", "darwin": "darwin", "cygwin": "cygwin"}
            if isinstance(value, str) and value in known:
                return (f'sys_platform == "{known[value]}"', f'sys_platform != "{known[value]}"')
            return (None, None)
    names = {_dotted(n) for n in ast.walk(test) if isinstance(n, ast.Attribute)}
    if names & {"sys.version_info", "sys.platform", "platform.system", "os.name"}:
        return (None, None)
    return None


def _version_tuple(node: ast.expr) -> str | None:
    if isinstance(node, ast.Tuple) and node.elts:
        nums = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, int)]
        if len(nums) == len(node.elts):
            return ".".join(str(n) for n in nums[:2])
    return None


def _and(a: str | None, b: str | None) -> str | None:
    if a and b:
        return f"{a} and {b}"
    return a or b


# ---------------------------------------------------------------------- notebooks
_MAGIC = re.compile(r"^\s*([%!]|\w+\s*=\s*[%!])")
_HELP = re.compile(r"^\s*[\w.]+\?\??\s*$|^\s*\?")
_PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})


def scan_notebook(text: str, path: str) -> ScanResult:
    """Scan the code cells of a Jupyter notebook (IPython ``%`` and ``!`` lines are skipped)."""
    try:
        nb = json.loads(text)
    except (ValueError, RecursionError) as exc:
        where = getattr(exc, "lineno", None)
        return ScanResult(
            path,
            problem=Problem(
                path,
                "This notebook is not valid JSON (it may be damaged, or a merge left conflict markers in "
                "it), so sciship skipped it. Open it in Jupyter and save it again, or restore it from git.",
                line=where if isinstance(where, int) else None,
            ),
        )
    if not isinstance(nb, dict):
        return ScanResult(
            path, problem=Problem(path, "This notebook is not a Jupyter notebook file; skipped.")
        )
    language = _language(nb)
    if language is not None and language != "python":
        return ScanResult(path)
    sites: list[ImportSite] = []
    problems: list[Problem] = []
    best: tuple[PythonVersion, str, int | None] | None = None
    for number, source in _code_cells(nb):
        code = _strip_magics(source)
        if code is None:
            continue
        try:
            tree = ast.parse(code)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
            line = exc.lineno if isinstance(exc, SyntaxError) else None
            problems.append(
                Problem(
                    path, f"Cell {number} is not valid Python, so sciship skipped its imports.", line=line
                )
            )
            continue
        visitor = _visitor_for(code, path, cell=number)
        visitor.visit(tree)
        sites.extend(visitor.sites)
        if visitor.min_python and (best is None or visitor.min_python > best[0]):
            best = (visitor.min_python, visitor.min_reason or "", visitor.min_line)
    problem = None
    if problems:
        cells = ", ".join(p.message.split()[1] for p in problems)
        problem = Problem(
            path,
            f"Cell(s) {cells} of this notebook are not valid Python, so sciship skipped their imports. "
            "Run the notebook top to bottom to find the error.",
            line=problems[0].line,
        )
    return ScanResult(
        path,
        tuple(sites),
        problem=problem,
        min_python=best[0] if best else None,
        min_python_reason=best[1] if best else None,
        min_python_line=best[2] if best else None,
    )


def _language(nb: dict[str, Any]) -> str | None:
    meta = nb.get("metadata")
    if not isinstance(meta, dict):
        return None
    for key, field in (("language_info", "name"), ("kernelspec", "language")):
        table = meta.get(key)
        value = table.get(field) if isinstance(table, dict) else None
        if isinstance(value, str):
            return value.lower()
    return None


def _code_cells(nb: dict[str, Any]) -> Iterator[tuple[int, str]]:
    cells = nb.get("cells")
    if not isinstance(cells, list):  # nbformat 3 keeps cells inside worksheets
        cells = [
            c for ws in nb.get("worksheets") or [] if isinstance(ws, dict) for c in ws.get("cells") or []
        ]
    number = 0
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        number += 1
        source = cell.get("source", cell.get("input", ""))
        if isinstance(source, list):
            source = "".join(s for s in source if isinstance(s, str))
        if isinstance(source, str):
            yield number, source


def _strip_magics(source: str) -> str | None:
    lines = source.splitlines()
    if lines and lines[0].lstrip().startswith("%%"):
        magic = lines[0].lstrip()[2:].split(maxsplit=1)
        if not magic or magic[0] not in _PYTHON_CELL_MAGICS:
            return None  # %%bash, %%html, %%R ...: not Python
        lines = ["", *lines[1:]]
    out = []
    for line in lines:
        if _MAGIC.match(line) or _HELP.match(line):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(indent + "pass")
        else:
            out.append(line)
    return "\n".join(out)
