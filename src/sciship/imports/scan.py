"""Find the imports in Python source and notebooks, statically (``ast``; the code is never run).

Each import is an :class:`ImportSite`: its full dotted name, file, line, and the *context* it sits in:
``optional`` (inside ``try: ... except ImportError``, in any ``except`` block: a fallback, or under a
feature flag such as ``if HAS_PIL:``), ``typing``
(under ``if TYPE_CHECKING``), ``conditional`` (under a ``sys.version_info`` / ``sys.platform`` test;
``marker`` then holds the PEP 508 marker when sciship can write one), or ``normal``; and whether it is
``lazy`` (inside a function). ``importlib.import_module("x")`` and ``__import__("x")`` with a literal
name count as imports too. Folders a file puts on ``sys.path`` are recorded as well.

A file that does not parse is not fatal: :class:`ScanResult` carries a :class:`Problem` (file, line, and
"looks like Python 2" where it does) and the scan of other files goes on.
"""

from __future__ import annotations

import ast
import bisect
import json
import re
import symtable
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from sciship import _python2 as python2
from sciship._jupyter import CELLS, IPYTHON_LINE, LFS_MESSAGE, LFS_POINTER, dedent_cell
from sciship._jupyter import language as notebook_language
from sciship._regex import compile_later
from sciship.project import Problem

Context = Literal["normal", "optional", "typing", "conditional"]
#: bumped whenever what the scanner records changes, so that cached results of older scans are not used
SCANNER = 12
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
    #: inside a function (``def``): runs only when the function is called, not when the module is imported
    lazy: bool = False


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
    #: folders the file puts on ``sys.path`` with a literal path: ``"file:../lib"`` (relative to the
    #: file's own folder) or ``"cwd:code"`` (relative to the folder Python runs in)
    sys_paths: tuple[str, ...] = ()


# ---------------------------------------------------------------------- python source
#: files larger than this (generated data modules) are read line by line instead of parsed: Python's
#: parser needs seconds for a few megabytes, and such files only hold data
LARGE_FILE = 1_000_000
_IMPORT_LINE = compile_later(
    r"^[ \t]*(?:import[ \t]+([\w. \t,]+)|from[ \t]+(\.*)([\w.]*)[ \t]+import\b)", re.MULTILINE
)


def scan_source(text: str, path: str, *, check_syntax: bool = True) -> ScanResult:
    """Scan Python source. Never raises on bad input: a parse failure becomes ``problem``.

    Most files take a fast path (:func:`_fast_scan`: regular expressions instead of a full parse) that
    gives exactly the result of the full ``ast`` scan; anything it cannot be sure of takes the full scan.
    With ``check_syntax=False`` a file the fast path accepts is not fully checked for syntax errors
    (checking costs as much as the scan): it is only screened for Python 2, conflict markers, brackets
    left open and strings left unclosed, so some syntax errors (``x = = 1``) go unreported.
    """
    if len(text) > LARGE_FILE:
        return _scan_large(text, path)
    fast = _fast_scan(text, path, screen=not check_syntax)
    if fast is not None and (not check_syntax or compiles(text, path)):
        return fast
    return scan_source_ast(text, path)


def scan_source_ast(text: str, path: str) -> ScanResult:
    """The full scan: parse with ``ast`` and visit the tree (the reference the fast path must match)."""
    if len(text) > LARGE_FILE:
        return _scan_large(text, path)
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as exc:
        cells = CELLS.search(text, 0, 4000) is not None
        if not cells:
            return ScanResult(path, problem=_syntax_problem(text, path, exc))
        # a script written as notebook cells (Jupytext) that Jupyter runs as a notebook: its IPython
        # lines (`%load_ext`, `!wget`, perhaps commented out, `# !wget`) are read as a notebook's are
        text = IPYTHON_LINE.sub(r"\1pass", text)
        try:
            tree = ast.parse(text, filename=path)
        except SyntaxError:
            return ScanResult(path, problem=_syntax_problem(text, path, exc))
        except (ValueError, RecursionError, MemoryError) as again:
            return ScanResult(path, problem=_unparsable(path, again))
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
        sys_paths=sys_path_entries(text),
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
    return ScanResult(path, tuple(sites), sys_paths=sys_path_entries(text))


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


_NEWER_SYNTAX: tuple[tuple[re.Pattern[str], str, PythonVersion], ...] = (
    (compile_later(r"^\s*type\s+\w+(\[[^\]]*\])?\s*="), "a `type X = ...` alias", (3, 12)),
    (compile_later(r"^\s*(async\s+)?def\s+\w+\s*\["), "a generic function `def f[T](...)`", (3, 12)),
    (compile_later(r"^\s*class\s+\w+\s*\["), "a generic class `class C[T]:`", (3, 12)),
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
    found = python2.clue(lines, line, exc.msg)
    if found is not None:
        what, i = found
        return Problem(
            path,
            f"This file looks like Python 2 ({what} on line {i}), which Python 3 cannot run (Python 2 "
            "reached its end of life in 2020), so sciship read none of its imports: they are not counted "
            "here. Update it to Python 3 (the `pyupgrade` or `2to3` tools "
            "help) or delete it if it is unused.",
            line=i,
        )
    msg = python2.said_plainly(exc.msg)
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
        self.functions = 0  #: how many ``def`` blocks the visitor is inside

    # --- recording
    def _add(self, module: str, line: int, level: int = 0, names: tuple[str, ...] = ()) -> None:
        if not module and level == 0:
            return
        top = module.partition(".")[0]
        self.sites.append(
            ImportSite(
                module,
                top,
                self.path,
                line,
                self.context,
                self.marker,
                level,
                self.cell,
                names,
                self.functions > 0,
            )
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
            # a handler runs only when something failed: what it imports is a fallback, never required
            self._with_context("optional", None, handler.body)
        self._with_context(None, None, node.orelse)
        self._with_context(None, None, node.finalbody)

    def _expressions(self, node: ast.AST) -> bool:  # noqa: ARG002 - the subclasses decide per node
        """Whether to walk the expressions of ``node`` (a dynamic import or ``:=`` may be in them)."""
        return True

    def visit_If(self, node: ast.If) -> None:
        if self._expressions(node):
            self.visit(node.test)
        if _is_type_checking(node.test):
            self._with_context("typing", None, node.body)
            self._with_context(None, None, node.orelse)
            return
        if _is_feature_flag(node.test):
            self._with_context("optional", None, node.body)
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
        self.context, self.marker = _enter(saved, context, marker)
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
        # defaults, decorators and annotations run where the function is defined; only the body is lazy
        # (the fields in ast's own order, so that the first construct found stays the same)
        expressions = self._expressions(node)
        if expressions:
            self.visit(node.args)
        self.functions += 1
        for stmt in node.body:
            self.visit(stmt)
        self.functions -= 1
        if expressions:
            for child in (*node.decorator_list, *([node.returns] if node.returns else [])):
                self.visit(child)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        if getattr(node, "type_params", None):
            self._needs((3, 12), "a generic class `class C[T]:`", node)
        self.generic_visit(node)

    def visit_TypeAlias(self, node: ast.AST) -> None:
        self._needs((3, 12), "a `type X = ...` alias", node)
        self.generic_visit(node)


def _enter(state: _State, context: Context | None, marker: str | None) -> _State:
    """The (context, marker) inside a block entered with ``context`` from ``state``."""
    current, current_marker = state
    if context in {"optional", "typing"} and current != "typing":
        return (context, current_marker)  # typing-only wins over everything; optional over version tests
    if context == "conditional" and current in {"normal", "conditional"}:
        # a test sciship cannot write as a PEP 508 marker makes the whole marker unknown (None)
        known = current == "normal" or current_marker is not None
        return ("conditional", _and(current_marker, marker) if marker and known else None)
    return state


_State = tuple[Context, "str | None"]

_STMT_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


class _StatementVisitor(_Visitor):
    """The same visitor, walking statements only: about three times faster, and enough when the text
    has no dynamic import and no ``:=`` (the only expression-level things sciship looks for)."""

    def generic_visit(self, node: ast.AST) -> None:
        for name in _STMT_FIELDS:
            for child in getattr(node, name, ()):
                self.visit(child)

    def _expressions(self, node: ast.AST) -> bool:  # noqa: ARG002 - statements only, whatever the node
        return False


class _HotLinesVisitor(_Visitor):
    """The full visitor, but it walks the expressions of a statement only when the statement spans a
    line that mentions a dynamic import or ``:=``: the same result for a fraction of the work."""

    def __init__(self, path: str, cell: int | None, hot: list[int]) -> None:
        super().__init__(path, cell)
        self.hot = hot  #: sorted line numbers

    def generic_visit(self, node: ast.AST) -> None:
        if isinstance(node, ast.expr) or self._hot(node):
            super().generic_visit(node)
            return
        for name in _STMT_FIELDS:  # the same relative order as ast's fields for every statement kind
            for child in getattr(node, name, ()):
                self.visit(child)

    def _expressions(self, node: ast.AST) -> bool:
        return self._hot(node)

    def _hot(self, node: ast.AST) -> bool:
        start: int | None = getattr(node, "lineno", None)
        end: int | None = getattr(node, "end_lineno", None)
        if start is None or end is None:
            return True
        for decorator in getattr(node, "decorator_list", ()):  # decorators sit above the `class` line
            start = min(start, decorator.lineno)
        i = bisect.bisect_left(self.hot, start)
        return i < len(self.hot) and self.hot[i] <= end


_HOT_WORDS = ("import_module", "__import__", ":=")


def _visitor_for(text: str, path: str, cell: int | None = None) -> _Visitor:
    if not any(word in text for word in _HOT_WORDS):
        return _StatementVisitor(path, cell)
    hot = [n for n, line in enumerate(text.splitlines(), 1) if any(word in line for word in _HOT_WORDS)]
    return _HotLinesVisitor(path, cell, hot)


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


#: ``if HAS_PIL:``, ``if _has_numba:``, ``if HAVE_YAML:``, ``if scipy_available:``: a flag set where an
#: optional import was tried, so what the block imports is optional
_FLAG = compile_later(r"^_*(has|have)_\w+$|^\w+_(available|installed)$", re.IGNORECASE)


def _is_feature_flag(test: ast.expr) -> bool:
    name = _dotted(test)
    return name is not None and bool(_FLAG.match(name.rpartition(".")[2]))


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


# ---------------------------------------------------------------------- the fast path
# Python's parser builds a full syntax tree of every file, and most of the scan's time went into that
# parse and into walking the tree. Import statements can be found in the text instead: they start a line.
# The fast path finds them with regular expressions, skips the ones inside strings, and reads their
# context from the block headers above them (`try:`, `if TYPE_CHECKING:`, `else:` ...), handing the
# interesting conditions to the same functions the ast visitor uses. Whenever the text holds something
# it does not handle (dynamic imports, syntax that sets a minimum Python, tabs, a statement after `;` or
# `if x:`, a header split over lines, signs of Python 2 ...) it returns None and the file gets the full
# scan. tests/deps/test_fastscan.py and benchmarks/fastscan_diff.py check both give identical results.

#: any of these in the text sends the file to the full scan
_BAIL_RAW = ("\x00", "\f", "\r", "\ufeff")  # binary, form feeds, old Mac line ends, byte-order marks
#: any of these in the code (outside strings and comments) sends the file to the full scan
_BAIL_TEXT = ("<>",)  # Python 2
#: calls the full scan counts as imports (``_Visitor.visit_Call``), found in the code
_DYNAMIC = compile_later(r"(?<![\w.])(?:importlib\.import_module|import_module|__import__)\b")
#: a match of any of these sends the file to the full scan; each begins with a literal, which SRE finds
#: fast (one pattern with all of them took three times as long as the three: scipy 0.24 s)
_BAIL_PATTERNS = (
    compile_later(r"except[ \t]*\*"),  # except* (3.11)
    # PEP 695 generics (the look-behinds: not `for sub_class in [`)
    compile_later(r"def(?<![\w.]def)[ \t]+\w+[ \t]*\["),
    compile_later(r"class(?<![\w.]class)[ \t]+\w+[ \t]*\["),
)
#: a Python 2 `ur""` string sends the file to the full scan
_UR_STRING = compile_later(r"ur(?<!\wur)[\"']")
#: maybe positional-only parameters (`def f(a, /):`, also `lambda a, /: a`)
_SLASH_PARAM = compile_later(r"/[ \t]*\n?[ \t]*[,):]")
_COMMENT = compile_later(r"#[^\n]*")
_DEF_OPEN = compile_later(r"^[ \t]*(?:async[ \t]+)?def[ \t]+\w+[ \t]*\(", re.MULTILINE)
#: the same at the start of a line (searched in "\n" + text)
_BAIL_LINES = compile_later(
    r"\n[ \t]*(?:"
    r"\t"  # tabs in indentation
    r"|type[ \t]+\w"  # PEP 695 `type X = ...`
    r"|print\b[ \t]*(?:[^\s(=.,)\]#;]|\n)"  # Python 2 print statements and friends
    r"|except[ \t]+[\w.]+[ \t]*,"
    r"|exec[ \t]+[\"'\w]"
    r"|raise[ \t]+\w+[ \t]*,"
    r"|<<<<<<<|>>>>>>>"  # merge conflict markers
    r")"
)
#: an import after `;` or in `if x: import y` (not at the start of its line); ``_inline_import`` finds the
#: same faster (tests hold the two to the same answers)
_BAIL_INLINE = compile_later(r"[;:][ \t]*(?:import\b|from[ \t]+[\w.]+[ \t]+import\b)")
_IMPORT_WORD = compile_later(r"import\b")
_FROM_BEFORE = compile_later(r"(?<![\w.])from[ \t]+[\w.]+[ \t]+$")
#: comments and strings, in the order Python's tokenizer meets them; group 1 is a triple-quoted string
#: (a one-quote string spans lines only where a backslash continues it)
_TOKENS = compile_later(
    r'''("""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""'''
    r"""|'''[^'\\]*(?:(?:\\[\s\S]|'(?!''))[^'\\]*)*''')"""
    r"|#[^\n]*"
    r'|"[^"\\\n]*(?:\\[\s\S][^"\\\n]*)*"'  # a backslash before a line end continues the string
    r"|'[^'\\\n]*(?:\\[\s\S][^'\\\n]*)*'"
)
# these three are searched in "\n" + text: a pattern that starts with a literal is found much faster
# than one that starts with `^` (scipy's 22 MB: 0.07 s instead of 0.14 s); a match's offsets are then
# one past the text's, and its start is the start of its line in the text
_STATEMENT = compile_later(r"\n([ \t]*)(?:import|from)\b")
_HEADER = compile_later(
    r"\n([ \t]*)(if|elif|else|try|except|finally|def|class|with|for|while|async)\b([^\n]*)"
)
#: the same with the headers of a match statement (only in files that have one)
_HEADER_MATCH = compile_later(
    r"\n([ \t]*)(if|elif|else|try|except|finally|def|class|with|for|while|async|match|case)\b([^\n]*)"
)
#: a line that may start a match statement (not `match = ...`, `match.group(...)`, `match,` ...)
_MATCH_LINE = compile_later(r"\n([ \t]*)match\b(?![ \t]*(?:=[^=]|\.|\)|,|:|\]))([^\n]*)")  # in "\n" + code
_CASE_LINE = compile_later(r"[ \t]*case\b")
_IMPORT_STMT = compile_later(r"import[ \t]+(.+)")
_FROM_STMT = compile_later(r"from[ \t]*(\.*)[ \t]*([\w.]*)[ \t]+import\b[ \t]*(.*)", re.DOTALL)
_AS = compile_later(r"([\w.]+)(?:[ \t]+as[ \t]+\w+)?")
_Entry = tuple["Context | None", "str | None"]


class _Bail(Exception):
    """The fast path cannot be sure: use the full scan."""


def _fast_scan(text: str, path: str, *, screen: bool = False) -> ScanResult | None:
    """The imports of ``text`` without a full parse, or None when only the full scan can be sure; with
    ``screen``, also None when the text fails the cheap syntax screen (a string or bracket left open)."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")  # same lines for Python
    if any(word in text for word in _BAIL_RAW):
        return None
    code, spans, quotes = _blank_counted(text)
    if screen and not _complete(code, quotes):
        return None
    if (
        any(word in code for word in _BAIL_TEXT)
        or any(pattern.search(code) for pattern in _BAIL_PATTERNS)
        or _UR_STRING.search(code)
        or _BAIL_LINES.search("\n" + code)
        or _inline_import(code)
    ):
        return None
    hot = any(word in text for word in _HOT_WORDS)
    if hot and _in_fstring(text, code):
        return None  # an expression inside an f-string: only the full scan sees it
    slash = _SLASH_PARAM.search(code) is not None
    try:
        matches = _match_statements(code) if "match" in code else []
        scanner = _FastScanner(text, path, spans, code, matches)
        min_python = None
        if hot:
            sites = scanner.with_dynamic()
            min_python = scanner.walrus()
        else:
            sites = list(scanner.sites())
        if slash:
            first_def = scanner.positional_only_at()
            # both `:=` and `/` need Python 3.8: the full scan reports the one it meets first, and it
            # visits statements in source order, a def's header before its body (a `:=` in a decorator
            # has already sent the file to the full scan), so the earlier of the two in the text
            if first_def is not None and (min_python is None or first_def[2] < code.find(":=")):
                min_python = first_def[:2]
    except (_Bail, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    version: PythonVersion = (3, 8)
    if matches:  # Python 3.10, above everything else the fast path accepts: the first one is the reason
        version, min_python = (3, 10), ("a `match` statement", text.count("\n", 0, matches[0]) + 1)
    if min_python is not None:
        reason, line = min_python
        return ScanResult(path, tuple(sites), None, version, reason, line, sys_path_entries(text, code))
    return ScanResult(path, tuple(sites), sys_paths=sys_path_entries(text, code))


def _inline_import(code: str) -> bool:
    """Whether ``_BAIL_INLINE`` matches ``code``, found from the word `import` (a literal, fast to search)
    rather than from every `:` and `;` (slices, dictionaries and annotations are full of them)."""
    for m in _IMPORT_WORD.finditer(code):
        start = m.start()
        line_start = code.rfind("\n", 0, start) + 1
        before = code[line_start:start]
        head = before.rstrip(" \t")
        if head.endswith((";", ":")):
            return True  # `; import x`
        found = _FROM_BEFORE.search(before)
        if found is not None and before[: found.start()].rstrip(" \t").endswith((";", ":")):
            return True  # `: from x import y`
    return False


def _match_statements(code: str) -> list[int]:
    """Where the match statements of the blanked ``code`` start (``match`` is a keyword only there).

    A line that starts with ``match`` is a match statement when it ends with ``:`` and the next line of
    code is indented deeper and starts with ``case``; it is something else (``match(a, b)``) when it
    does not end with ``:``. Raises _Bail when only the full scan can tell (a subject over several lines).
    """
    found: list[int] = []
    for m in _MATCH_LINE.finditer("\n" + code):
        rest = m.group(2)
        if "#" in rest:
            rest = rest[: rest.index("#")]  # a `#` left in blanked code starts a comment
        rest = rest.rstrip()
        if _depth(rest) != 0 or rest.endswith("\\"):
            raise _Bail
        if not rest.endswith(":"):
            continue  # an expression: `match(a, b)`, `match [x]`
        nxt = m.end() - 1
        while True:  # the next line that holds code
            end = code.find("\n", nxt + 1)
            line = code[nxt + 1 : end if end >= 0 else len(code)]
            if line.strip() and not line.lstrip().startswith("#"):
                break
            if end < 0:
                raise _Bail
            nxt = end
        indent = len(line) - len(line.lstrip(" \t"))
        if indent <= len(m.group(1)) or not _CASE_LINE.match(line):
            raise _Bail
        found.append(m.start(2) - 1 - len("match"))
    return found


def _in_fstring(text: str, code: str) -> bool:
    """Whether a word the full scan looks for sits in an f-string (code inside ``{}`` is blanked here)."""
    for word in _HOT_WORDS:
        pos = text.find(word)
        while pos >= 0:
            if code[pos] == " " and _fstring_at(code, pos):  # blanked: inside a string or a comment
                return True
            pos = text.find(word, pos + 1)
    return False


def _fstring_at(code: str, pos: int) -> bool:
    """Whether the string or comment around ``pos`` (blanked in ``code``) is an f-string: everything
    between its opening delimiter and ``pos`` is blanked, so the nearest quote or ``#`` before it opens it."""
    opener = max(code.rfind("'", 0, pos), code.rfind('"', 0, pos), code.rfind("#", 0, pos))
    if opener < 0 or code[opener] == "#":
        return False
    start = opener
    while start > 0 and opener - start < 2 and code[start - 1] == code[opener]:
        start -= 1  # the first quote of three
    prefix = start
    while prefix > 0 and code[prefix - 1] in "rRfFbBuU":
        prefix -= 1
    before = code[prefix - 1] if prefix > 0 else " "
    return "f" in code[prefix:start].lower() and not (before.isalnum() or before == "_")


def _blank(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with the inside of every string and comment made spaces (same length, same lines), and
    the spans of its strings that go over several lines (the only tokens an import line can start in)."""
    code, spans, _quotes = _blank_counted(text)
    return code, spans


def _blank_counted(text: str) -> tuple[str, list[tuple[int, int]], int]:
    """:func:`_blank`, and how many quote characters the strings' own delimiters make (a quote left in
    the code beyond those opens a string that never ends)."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    quotes = 0
    last = 0
    for m in _TOKENS.finditer(text):
        start, end = m.span()
        pieces.append(text[last:start])
        if text[start] == "#":
            pieces.append("#" + " " * (end - start - 1))
        else:
            q = 3 if m.lastindex else 1
            quotes += 2 * q
            inner = text[start + q : end - q]
            if "\n" in inner:  # a triple-quoted string, or one continued with a backslash
                spans.append((start, end))
                inner = "\n".join(" " * len(line) for line in inner.split("\n"))
            else:
                inner = " " * len(inner)
            pieces.append(text[start : start + q] + inner + text[end - q : end])
        last = end
    pieces.append(text[last:])
    return "".join(pieces), spans, quotes


def _complete(code: str, quotes: int) -> bool:
    """The cheap screen on blanked code: every string ended, every bracket closed (as ``_looks_complete``)."""
    return (
        code.count("'") + code.count('"') == quotes
        and code.count("(") == code.count(")")
        and code.count("[") == code.count("]")
        and code.count("{") == code.count("}")
    )


class _Header:
    __slots__ = ("indent", "keyword", "pos", "rest", "rest_at")

    def __init__(self, pos: int, indent: int, keyword: str, rest: str, rest_at: int) -> None:
        self.pos, self.indent, self.keyword, self.rest, self.rest_at = pos, indent, keyword, rest, rest_at


def _strip_comment(text: str, code: str, start: int, end: int) -> str:
    """``text[start:end]`` without its comment, stripped: a ``#`` left in the blanked ``code`` starts a
    comment (one inside a string was blanked with the rest of the string)."""
    hash_at = code.find("#", start, end)
    return text[start : hash_at if hash_at >= 0 else end].strip()


class _FastScanner:
    def __init__(
        self, text: str, path: str, spans: list[tuple[int, int]], code: str, matches: list[int] | None = None
    ) -> None:
        self.text = text
        self.code = code  #: ``text`` with strings and comments blanked
        self.matches = matches or []  #: where the match statements start (``_match_statements``)
        self.path = path
        self.spans = spans
        self.span_starts = [s for s, _ in self.spans]
        self._headers: list[_Header] | None = None
        self._lined: str | None = None
        self._header_pos: list[int] = []

    def lined(self) -> str:
        """``"\n" + text``, where ``_STATEMENT`` and ``_HEADER`` are searched."""
        if self._lined is None:
            self._lined = "\n" + self.text
        return self._lined

    def in_string(self, pos: int) -> bool:
        i = bisect.bisect_right(self.span_starts, pos) - 1
        return i >= 0 and self.spans[i][1] > pos

    def sites(self) -> Iterator[ImportSite]:
        for _pos, site in self.positioned():
            yield site

    def with_dynamic(self) -> list[ImportSite]:
        """The import statements and the literal ``importlib.import_module("x")`` / ``__import__("x")``
        calls, in the order the full scan visits them (source order; decorator lines go to the full scan)."""
        found = list(self.positioned())
        found.extend(self.dynamic())
        found.sort(key=lambda item: item[0])
        return [site for _pos, site in found]

    def dynamic(self) -> Iterator[tuple[int, ImportSite]]:
        text, code = self.text, self.code
        for m in _DYNAMIC.finditer(code):
            after = m.end()
            while after < len(code) and code[after] in " \t":
                after += 1
            if after >= len(code) or code[after] != "(":
                continue  # a name, not a call (`from importlib import import_module`)
            value = self.literal_argument(after + 1)
            if value is None:
                continue
            level = len(value) - len(value.lstrip("."))
            module = value.lstrip(".")
            if not (all(part.isidentifier() for part in module.split(".")) or (level and not module)):
                continue
            if not module and level == 0:
                continue
            (context, marker), lazy = self.statement_context(m.start())
            line = text.count("\n", 0, m.start()) + 1
            top = module.partition(".")[0]
            yield m.start(), ImportSite(module, top, self.path, line, context, marker, level, None, (), lazy)

    def literal_argument(self, pos: int) -> str | None:
        """The first argument at ``pos`` when it is one plain string literal (``"x"``, ``r'x'``), else None;
        raises _Bail where the full scan could read a constant this cannot (``("x")``, ``"a" "b"``)."""
        text, code = self.text, self.code
        while pos < len(code) and code[pos] in " \t":
            pos += 1
        start = pos
        while pos < len(code) and code[pos] in "rRuUbBfF":
            pos += 1
        if pos >= len(code) or code[pos] not in "\"'":
            if pos < len(code) and code[pos] in "(\n\\":
                raise _Bail
            return None  # a name, a call, a number: not a string constant, the full scan skips it too
        prefix = text[start:pos].lower()
        if pos - start > 2 or set(prefix) - {"r", "u", "b", "f"}:
            raise _Bail
        quote = code[pos : pos + 3] if code[pos : pos + 3] in {'"""', "'''"} else code[pos]
        end = code.find(quote, pos + len(quote))
        if end < 0:
            raise _Bail
        end += len(quote)
        rest = end
        while rest < len(code) and code[rest] in " \t":
            rest += 1
        if rest >= len(code) or code[rest] not in ",)":
            raise _Bail  # "a" "b", "a" + b, "a" % b ...: only the full scan can say
        if "b" in prefix or "f" in prefix:
            return None  # bytes or an f-string: not a str constant
        value = ast.literal_eval(text[start:end])
        return value if isinstance(value, str) and value else None

    def statement_context(self, pos: int) -> tuple[_State, bool]:
        """The context of the statement holding the expression at ``pos`` (which must start its line)."""
        code = self.code
        line_start = code.rfind("\n", 0, pos) + 1
        if line_start >= 2 and code[line_start - 2] == "\\":
            raise _Bail  # a line continued with a backslash
        before = code[:line_start]
        if sum(map(before.count, "([{")) != sum(map(before.count, ")]}")):
            raise _Bail  # inside brackets opened on an earlier line
        stripped = code[line_start:pos].lstrip(" ")
        indent = pos - line_start - len(stripped)
        first = re.match(r"[@\w]*", stripped)
        word = first.group(0) if first else ""
        if word.startswith("@") or word in {"elif", "else", "except", "finally", "try", "case", "match"}:
            raise _Bail  # visited out of source order, or in a context only the full scan knows
        if indent == 0:
            return ("normal", None), False
        return self.context(line_start + indent, indent)

    def walrus(self) -> tuple[str, int] | None:
        """``:=`` in the code: what the full scan reports as the reason for Python 3.8, and its line."""
        code = self.code
        pos = code.find(":=")
        if pos < 0:
            return None
        line_start = code.rfind("\n", 0, pos) + 1
        head = code[line_start:pos].rstrip(" \t")
        if not head or not (head[-1].isalnum() or head[-1] == "_"):
            raise _Bail  # the target is not on the same line
        if re.search(r"^[ \t]*@[^\n]*:=", code, re.MULTILINE):
            raise _Bail  # in a decorator: the full scan visits it after the function body
        return "an assignment expression `:=`", self.text.count("\n", 0, pos) + 1

    def positional_only_at(self) -> tuple[str, int, int] | None:
        """The first ``def`` with positional-only parameters (``def f(a, /):``), as the full scan reports
        it: the reason for Python 3.8, the line of ``def`` (a lambda's ``/`` does not count there) and the
        offset of ``def`` in the text."""
        code = self.code
        for m in _DEF_OPEN.finditer(code):
            depth, pos, start = 1, m.end(), m.end()
            params: list[str] = []
            while depth and pos < len(code):
                ch = code[pos]
                if ch in "([{":
                    depth += 1
                elif ch in ")]}":
                    depth -= 1
                elif ch == "," and depth == 1:
                    params.append(code[start:pos])
                    start = pos + 1
                pos += 1
            if depth:
                raise _Bail
            params.append(code[start : pos - 1])
            if any(_COMMENT.sub("", p).strip() == "/" for p in params):  # comments are blanked to `#   `
                keyword = code.index("def", m.start())
                return "positional-only parameters (`/`)", self.text.count("\n", 0, keyword) + 1, keyword
        return None

    def positioned(self) -> Iterator[tuple[int, ImportSite]]:
        text = self.text
        line, last = 1, 0
        code = self.code
        for m in _STATEMENT.finditer(self.lined()):
            start = m.end(1) - 1
            if self.in_string(start) or (m.start() >= 2 and code[m.start() - 2] == "\\"):
                continue  # in a string, or the rest of a line continued with a backslash (`raise X \ from e`)
            line += text.count("\n", last, start)
            last = start
            if m.group(1):
                (context, marker), lazy = self.context(start, len(m.group(1)))
            else:
                (context, marker), lazy = ("normal", None), False
            for module, level, names in self.statement(start):
                if module or level:
                    top = module.partition(".")[0]
                    yield (
                        start,
                        ImportSite(module, top, self.path, line, context, marker, level, None, names, lazy),
                    )

    # --- one statement
    def statement(self, start: int) -> list[tuple[str, int, tuple[str, ...]]]:
        text = self.text
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        parts = [_strip_comment(text, self.code, start, end)]
        while True:  # a line ended with a backslash, or names in brackets: the statement goes on
            joined = " ".join(parts)
            if parts[-1].endswith("\\"):
                parts[-1] = parts[-1][:-1]
            elif not ("(" in joined and ")" not in joined):
                break
            if end >= len(text):
                raise _Bail
            after = text.find("\n", end + 1)
            after = len(text) if after < 0 else after
            parts.append(_strip_comment(text, self.code, end + 1, after))
            end = after
        stmt = " ".join(parts)
        if not stmt.isascii() or "\\" in stmt or ";" in stmt:
            raise _Bail
        if stmt.startswith("import"):
            m = _IMPORT_STMT.fullmatch(stmt)
            if m is None or "(" in stmt:
                raise _Bail
            return [(_module(part), 0, ()) for part in m.group(1).split(",")]
        if stmt.count("(") > 1 or stmt.count(")") != stmt.count("("):
            raise _Bail
        return [_from_statement(stmt)]

    # --- the blocks around an indented statement
    def headers(self) -> list[_Header]:
        if self._headers is None:
            pattern = _HEADER_MATCH if self.matches else _HEADER
            self._headers = [
                _Header(m.start(2) - 1, len(m.group(1)), m.group(2), m.group(3), m.start(3) - 1)
                for m in pattern.finditer(self.lined())
                if not self.in_string(m.start(2) - 1)
                and self._real_header(m.group(2), m.start(2) - 1, m.end() - 1)
            ]
            self._header_pos = [h.pos for h in self._headers]
        return self._headers

    def _real_header(self, keyword: str, pos: int, end: int) -> bool:
        """``match`` and ``case`` are keywords only in a match statement (``match = re.match(...)`` is
        not a header): a `match` line is one when ``_match_statements`` found it, a `case` line when it
        ends with ``:`` and leaves no bracket open (the clauses' bodies are indented below it)."""
        if keyword == "match":
            return pos in self.matches
        if keyword == "case":
            rest = _strip_comment(self.text, self.code, pos + 4, end)
            return rest.endswith(":") and _depth(self.code[pos:end]) == 0
        return True

    def header(self, j: int) -> _Header:
        h = self.headers()[j]
        if not isinstance(h.rest, _Stripped):
            rest = _strip_comment(self.text, self.code, h.rest_at, h.rest_at + len(h.rest))
            if not rest.endswith(":") and (_depth(rest) > 0 or rest.endswith("\\")):
                rest = self.continued(h.pos, rest)
            h.rest = _Stripped(rest)
        return h

    def continued(self, pos: int, rest: str) -> str:
        """A header whose brackets or backslashes go on over the next lines (``if (\n    a\n):``), joined."""
        text = self.text
        end = text.find("\n", pos)
        for _ in range(100):
            if end < 0:
                break
            after = text.find("\n", end + 1)
            rest = (
                rest.removesuffix("\\")
                + " "
                + _strip_comment(text, self.code, end + 1, after if after >= 0 else len(text))
            )
            end = after
            depth = _depth(rest)
            if depth <= 0 and not rest.endswith("\\"):
                if depth < 0 or not rest.endswith(":") or '"""' in rest or "'''" in rest:
                    break
                return rest
        raise _Bail

    def context(self, pos: int, indent: int) -> tuple[_State, bool]:
        """The (context, marker) of a statement at ``pos``, and whether it is inside a function."""
        headers = self.headers()
        j = bisect.bisect_left(self._header_pos, pos) - 1
        chain: list[int] = []
        while indent > 0:
            while j >= 0 and headers[j].indent >= indent:
                j -= 1
            if j < 0:
                raise _Bail
            chain.append(j)
            indent = headers[j].indent
        state: _State = ("normal", None)
        lazy = False
        for k in reversed(chain):
            for context, marker in self.entries(k):
                state = _enter(state, context, marker)
            h = headers[k]
            if h.keyword == "def" or (h.keyword == "async" and h.rest.lstrip().startswith("def")):
                lazy = True
        return state, lazy

    def entries(self, j: int) -> list[_Entry]:
        """What entering the block of header ``j`` does, as `_Visitor._with_context` arguments."""
        h = self.header(j)
        kw, rest = h.keyword, h.rest
        if kw in {"def", "class", "with", "while", "match", "case"}:
            return []  # a match statement's clauses keep the context around it, as in the full scan
        if kw == "async":
            first = rest.split(None, 1)[0] if rest else ""
            if first in {"def", "with"} or (first == "for" and rest.endswith(":")):
                return []
            raise _Bail
        if kw == "for":
            if not rest.endswith(":"):
                raise _Bail  # maybe the `for` of a comprehension split over lines
            return []
        if kw in {"if", "elif"}:
            return self.if_chain(j, "body")
        if rest != ":" and kw in {"else", "finally", "try"}:
            raise _Bail
        if kw == "finally":
            return []
        if kw == "else":
            before = self.sibling_before(j)
            keyword = self.header(before).keyword
            if keyword in {"if", "elif"}:
                return self.if_chain(before, "orelse")
            if keyword in {"except", "for", "while"}:
                return []
            raise _Bail
        if kw == "try":
            return [("optional" if self.guarded(j) else None, None)]
        if kw == "except":
            k = j
            while self.header(k).keyword == "except":
                k = self.sibling_before(k)
            if self.header(k).keyword != "try" or self.header(k).rest != ":":
                raise _Bail
            return [("optional", None)]  # a handler's imports are fallbacks
        raise _Bail

    def sibling_before(self, j: int) -> int:
        """The previous header at the same indentation (the `if` of an `else:`)."""
        headers = self.headers()
        indent = headers[j].indent
        k = j - 1
        while k >= 0 and headers[k].indent > indent:
            k -= 1
        if k < 0 or headers[k].indent != indent:
            raise _Bail
        return k

    def if_chain(self, j: int, branch: Literal["body", "orelse"]) -> list[_Entry]:
        """``if a: elif b:`` is ``If(a, orelse=[If(b)])``: the entries down to a branch of the last test."""
        tests = [j]
        while self.header(tests[-1]).keyword == "elif":
            tests.append(self.sibling_before(tests[-1]))
            if self.header(tests[-1]).keyword not in {"if", "elif"}:
                raise _Bail
        tests.reverse()
        return [_if_entry(self.header(k).rest, branch if k == j else "orelse") for k in tests]

    def guarded(self, j: int) -> bool:
        """Whether the `try:` at header ``j`` has a handler that catches ImportError."""
        headers = self.headers()
        indent = headers[j].indent
        found = False
        for k in range(j + 1, len(headers)):
            h = headers[k]
            if h.indent > indent:
                continue
            if h.indent < indent or h.keyword != "except":
                break
            found = _catches_import_error(_handler_type(self.header(k).rest)) or found
        return found


class _Stripped(str):
    """Header text with its comment removed."""

    __slots__ = ()


def _depth(code: str) -> int:
    """How many brackets ``code`` leaves open."""
    return sum(map(code.count, "([{")) - sum(map(code.count, ")]}"))


def _from_statement(stmt: str) -> tuple[str, int, tuple[str, ...]]:
    m = _FROM_STMT.fullmatch(stmt)
    if m is None:
        raise _Bail
    dots, module, names_text = m.groups()
    if (module and not _is_dotted(module)) or (not dots and not module):
        raise _Bail
    names_text = names_text.strip()
    if names_text.startswith("(") and names_text.endswith(")"):
        names_text = names_text[1:-1]
        parts = [p.strip() for p in names_text.split(",")]
        if len(parts) > 1 and not parts[-1]:
            parts.pop()  # a trailing comma inside brackets
    elif "(" in names_text or ")" in names_text:
        raise _Bail
    else:
        parts = [p.strip() for p in names_text.split(",")]
    names = []
    for part in parts:
        name = _module(part)
        if "." in name:
            raise _Bail
        if name != "*":
            names.append(name)
        elif len(parts) > 1:
            raise _Bail
    return (module, len(dots), tuple(names))


def _if_entry(rest: str, branch: Literal["body", "orelse"]) -> _Entry:
    if not rest.endswith(":"):
        raise _Bail  # a condition over several lines, or `if x: statement`
    test = ast.parse(rest[:-1].strip(), mode="eval").body
    if _is_type_checking(test):
        return ("typing", None) if branch == "body" else (None, None)
    if _is_feature_flag(test):
        return ("optional", None) if branch == "body" else (None, None)
    cond = _condition(test)
    if cond is None:
        return (None, None)
    return ("conditional", cond[0] if branch == "body" else cond[1])


def _handler_type(rest: str) -> ast.expr | None:
    if not rest.endswith(":"):
        raise _Bail
    rest = rest[:-1].strip()
    if not rest:
        return None
    tree = ast.parse(f"try:\n    pass\nexcept {rest}:\n    pass\n").body[0]
    if not isinstance(tree, ast.Try):
        raise _Bail
    return tree.handlers[0].type


def _module(part: str) -> str:
    part = part.strip()
    if part == "*":
        return part
    m = _AS.fullmatch(part)
    if m is None or not _is_dotted(m.group(1)):
        raise _Bail
    return m.group(1)


def _is_dotted(name: str) -> bool:
    return all(p.isidentifier() for p in name.split("."))


def _looks_complete(text: str) -> bool:
    """A cheap screen for the commonest syntax errors: every bracket closed, every string ended."""
    code = _TOKENS.sub("", text)
    return (
        "'" not in code
        and '"' not in code
        and code.count("(") == code.count(")")
        and code.count("[") == code.count("]")
        and code.count("{") == code.count("}")
    )


def compiles(text: str, path: str) -> bool:
    """Whether Python can parse ``text`` (parser and symbol table only: no syntax tree objects)."""
    try:
        symtable.symtable(text, path, "exec")
    except Exception:  # anything at all: the full scan decides and explains
        return False
    return True


# ---------------------------------------------------------------------- sys.path
# Research code often makes a folder importable by hand: `sys.path.append("../lib")`,
# `sys.path.insert(0, os.path.join(os.path.dirname(__file__), "src"))`. Such calls with a path
# sciship can work out without running anything (literal strings, `__file__`, the working folder,
# os.path and pathlib operations on them) are recorded, so that the modules in that folder count
# as the author's own code.
_SYS_PATH_CALL = compile_later(
    r"\b(?:sys\.path\.(?P<method>append|insert|extend)|site\.addsitedir)[ \t]*\("
    r"|\bsys\.path[ \t]*(?P<aug>\+=)"
)
_PATH_FUNCS = frozenset(
    {
        "os.path.abspath",
        "os.path.realpath",
        "os.path.normpath",
        "path.abspath",
        "path.realpath",
        "path.normpath",
        "abspath",
        "realpath",
        "normpath",
        "str",
        "os.fspath",
    }
)
_DIRNAME = frozenset({"os.path.dirname", "path.dirname", "dirname"})
_JOIN = frozenset({"os.path.join", "path.join", "join"})
_PATH_CLASSES = frozenset({"Path", "pathlib.Path", "PurePath", "pathlib.PurePath"})
_CWD = frozenset({"os.getcwd", "getcwd", "Path.cwd", "pathlib.Path.cwd", "os.curdir"})
_Sym = tuple[str, tuple[str, ...]]  #: (base: "file" | "cwd" | "abs", path parts; "<file>": the file itself)


def sys_path_entries(text: str, code: str | None = None) -> tuple[str, ...]:
    """Folders that ``text`` adds to ``sys.path`` with paths known without running it.

    Each entry is ``"file:REL"`` (relative to the folder of the file that runs it, from ``__file__``),
    ``"cwd:REL"`` (relative to the folder Python is started in; for a notebook, its own folder) or
    ``"abs:/PATH"`` (a folder on the author's computer, which may be a copy of one in the project).
    ``code`` is ``text`` with strings and comments blanked (:func:`_blank`), when the caller has it.
    """
    if "sys.path" not in text and "addsitedir" not in text:
        return ()
    if code is None:
        code = _blank(text.replace("\r\n", "\n"))[0] if "\r\n" in text else _blank(text)[0]
        text = text.replace("\r\n", "\n")
    out: list[str] = []
    for m in _SYS_PATH_CALL.finditer(code):  # calls in the code, not in comments or docstrings
        if m.group("aug"):
            arg_text = _rest_of_line(text, m.end())
        else:
            end = _closing_bracket(code, m.end())  # brackets counted in the code, not in strings
            if end is None:
                continue
            arg_text = text[m.end() : end]
        try:
            node = ast.parse(f"({arg_text.strip()},)" if not m.group("aug") else arg_text, mode="eval").body
        except (SyntaxError, ValueError, RecursionError):
            continue
        args = list(node.elts) if isinstance(node, ast.Tuple) else [node]
        if m.group("method") == "insert":
            args = args[1:2]
        elif m.group("method") == "extend" or m.group("aug"):
            args = [e for a in args[:1] if isinstance(a, ast.List | ast.Tuple) for e in a.elts]
        else:
            args = args[:1]
        for arg in args:
            value = _path_value(arg)
            if value is not None and "<file>" not in value[1]:
                joined = "/".join(value[1])
                entry = f"abs:/{joined}" if value[0] == "abs" else f"{value[0]}:{joined or '.'}"
                if entry not in out:
                    out.append(entry)
    return tuple(out)


def _closing_bracket(code: str, start: int) -> int | None:
    """Where the bracket open before ``start`` closes (looking at most 500 characters ahead)."""
    depth = 1
    for i in range(start, min(len(code), start + 500)):
        c = code[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return i
    return None


def _rest_of_line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)].split("#", 1)[0].strip()


def _path_value(node: ast.expr) -> _Sym | None:
    """The folder an expression names, relative to the file or to the working folder, or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _join(("cwd", ()), node.value)
    if isinstance(node, ast.Name) and node.id == "__file__":
        return ("file", ("<file>",))
    if isinstance(node, ast.Attribute):
        if _dotted(node) in _CWD:
            return ("cwd", ())
        if node.attr == "parent":
            inner = _path_value(node.value)
            return None if inner is None else _join(inner, "..")
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "parents"
        and isinstance(node.slice, ast.Constant)
    ):
        index = node.slice.value
        inner = _path_value(node.value.value)
        if inner is None or not isinstance(index, int) or index < 0:
            return None
        return _join(inner, "/".join([".."] * (index + 1)))
    if isinstance(node, ast.BinOp):
        left = _path_value(node.left)
        right = node.right
        if left is None or not (isinstance(right, ast.Constant) and isinstance(right.value, str)):
            return None
        if isinstance(node.op, ast.Div):
            return _join(left, right.value)
        if isinstance(node.op, ast.Add) and right.value.startswith(("/", "\\")):
            return _join(left, right.value.lstrip("/\\"))
        return None
    if not isinstance(node, ast.Call):
        return None
    if isinstance(node.func, ast.Attribute) and node.func.attr in {"resolve", "absolute"} and not node.args:
        return _path_value(node.func.value)
    name = _dotted(node.func)
    if name in _CWD and not node.args:
        return ("cwd", ())
    if name in _PATH_CLASSES and not node.args:
        return ("cwd", ())
    if not node.args or node.keywords:
        return None
    if name in _PATH_FUNCS and len(node.args) == 1:
        return _path_value(node.args[0])
    if name in _DIRNAME and len(node.args) == 1:
        inner = _path_value(node.args[0])
        return None if inner is None else _join(inner, "..")
    if name in _JOIN or name in _PATH_CLASSES:
        value = _path_value(node.args[0])
        for part in node.args[1:]:
            if value is None or not (isinstance(part, ast.Constant) and isinstance(part.value, str)):
                return None
            value = _join(value, part.value)
        return value
    return None


def _join(base: _Sym, rel: str) -> _Sym | None:
    """``base`` / ``rel`` with ``.`` and ``..`` folded; an absolute ``rel`` starts again from "abs"
    (a folder on the author's computer); None for home and Windows drive paths."""
    rel = rel.replace("\\", "/")
    if rel.startswith("~") or (len(rel) > 1 and rel[1] == ":"):
        return None
    if rel.startswith("/"):
        base = ("abs", ())
    parts = list(base[1])
    for part in rel.split("/"):
        if part in {"", "."}:
            continue
        if part == ".." and parts and parts[-1] != "..":
            parts.pop()
        else:
            parts.append(part)
    return (base[0], tuple(parts))


# ---------------------------------------------------------------------- notebooks
_MAGIC = compile_later(r"^\s*([%!]|\w+\s*=\s*[%!])")
_HELP = compile_later(r"^\s*[\w.]+\?\??\s*$|^\s*\?")
_PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})


def scan_notebook(text: str, path: str) -> ScanResult:
    """Scan the code cells of a Jupyter notebook (IPython ``%`` and ``!`` lines are skipped)."""
    if text.startswith(LFS_POINTER):
        return ScanResult(path, problem=Problem(path, LFS_MESSAGE))
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
    language = notebook_language(nb)
    if language is not None and language != "python":
        return ScanResult(path)
    sites: list[ImportSite] = []
    paths: list[str] = []
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
        paths.extend(p for p in sys_path_entries(code) if p not in paths)
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
        sys_paths=tuple(paths),
    )


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
    lines = dedent_cell(source).splitlines()
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
