"""Turn one research script into an importable module, keeping its formatting and comments (libcst).

Two rewrites, both on the concrete syntax tree so comments, blank lines and quoting survive:

1. Imports of the project's own scripts become package imports: ``import utils`` becomes
   ``from pkg import utils`` and ``from utils import x`` becomes ``from pkg.utils import x``.
2. Work done at the top level (reading files, computing, plotting, printing) moves into
   ``def main() -> None:``, called under ``if __name__ == "__main__":``. Imports, function and class
   definitions and cheap, side-effect-free assignments (constants, paths) stay at module level.

Names that the module's own functions read from the moved code (globals) keep working: ``main()``
declares them ``global``, so it assigns the module-level names exactly as the script did, and each is
set to ``None`` at module level until ``main()`` runs (so importing never runs the analysis).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import libcst as cst
from libcst.metadata import (
    ClassScope,
    FunctionScope,
    GlobalScope,
    MetadataWrapper,
    PositionProvider,
    Scope,
    ScopeProvider,
)

Kind = Literal["module", "script", "has_main"]

#: Imports that mean the script parses its own command line (so it already answers --help).
CLI_MODULES = frozenset({"argparse", "click", "typer", "fire", "docopt", "optparse", "getopt"})

#: Calls that are cheap and have no side effects, so an assignment using them may stay at module level.
_PURE_CALLS = frozenset(
    {
        "Path",
        "PurePath",
        "PosixPath",
        "pathlib.Path",
        "pathlib.PurePath",
        "os.path.join",
        "os.path.dirname",
        "os.path.abspath",
        "os.path.basename",
        "os.path.expanduser",
        "os.path.realpath",
        "os.path.normpath",
        "os.path.splitext",
        "os.getenv",
        "os.environ.get",
        "dict",
        "list",
        "tuple",
        "set",
        "frozenset",
        "range",
        "int",
        "float",
        "str",
        "bool",
        "complex",
        "len",
        "sorted",
        "min",
        "max",
        "sum",
        "abs",
        "round",
        "zip",
        "enumerate",
        "reversed",
        "namedtuple",
        "collections.namedtuple",
        "TypeVar",
        "typing.TypeVar",
        "NewType",
        "typing.NewType",
        "logging.getLogger",
        "re.compile",
        "datetime.date",
        "datetime.datetime",
        "datetime.timedelta",
        "date",
        "datetime",
        "timedelta",
        "Decimal",
        "Fraction",
        "object",
    }
)
#: Configuration calls that stay at module level: later imports or the module's functions rely on them.
_SETUP_CALLS = frozenset(
    {
        "matplotlib.use",
        "mpl.use",
        "warnings.filterwarnings",
        "warnings.simplefilter",
        "sys.path.append",
        "sys.path.insert",
        "sys.path.extend",
        "os.environ.setdefault",
        "sns.set",
        "sns.set_theme",
        "sns.set_style",
        "sns.set_context",
        "plt.style.use",
        "plt.rcParams.update",
        "mpl.rcParams.update",
        "matplotlib.rcParams.update",
        "np.set_printoptions",
        "pd.set_option",
    }
)
#: Methods that are pure on a literal or on a pure value (``Path(__file__).resolve().parent``).
_PURE_METHODS = frozenset(
    {
        "resolve",
        "joinpath",
        "with_suffix",
        "with_name",
        "with_stem",
        "absolute",
        "expanduser",
        "format",
        "upper",
        "lower",
        "strip",
        "rstrip",
        "lstrip",
        "replace",
        "split",
        "join",
        "title",
        "startswith",
        "endswith",
        "items",
        "keys",
        "values",
        "copy",
        "get",
    }
)


@dataclass(frozen=True)
class Transformed:
    """The new text of a script and what happened to it."""

    text: str
    kind: Kind  #: module: nothing ran at import; script: top-level work moved into main(); has_main
    entry: str | None  #: function for the console command, or None
    moved: int = 0  #: statements moved into the entry function
    globals: tuple[str, ...] = ()  #: names main() declares global
    notes: tuple[str, ...] = ()


def transform(
    source: str,
    *,
    package: str,
    local: Mapping[str, str],
    origin: str,
    make_entry: bool = True,
) -> Transformed:
    """Rewrite ``source`` (the script at ``origin``) for package ``package``.

    ``local`` maps the names the scripts import each other by (``utils``) to their module path inside
    the package (``utils``, or ``helpers.io`` for a file in a sub-package). Raises
    :class:`libcst.ParserSyntaxError` when the file does not parse.
    """
    notes: list[str] = []
    module = _parse(source, notes)
    if make_entry:
        module, kind, entry, moved, glob = _add_main(module, origin, notes)
    else:
        kind, entry, moved, glob = "module", None, 0, ()
    module = module.visit(_ImportRewriter(package, local, notes))
    return Transformed(module.code, kind, entry, moved, glob, tuple(notes))


def _parse(source: str, notes: list[str]) -> cst.Module:
    """Parse with libcst; retry once with tab indentation expanded the way Python reads it.

    Python accepts an indentation that mixes a tab and spaces (``\\t    x``: the tab counts as 8
    columns) as long as it is unambiguous; libcst's tokenizer rejects it ("no matching outer block for
    dedent", reported at 1:1). Expanding the tabs at the start of each line of code (never inside a
    string) gives the same program in a form libcst reads.
    """
    try:
        return cst.parse_module(source)
    except cst.ParserSyntaxError:
        if "\t" not in source:
            raise
        fixed = _expand_indent_tabs(source)
        if fixed == source:
            raise
        module = cst.parse_module(fixed)
        notes.append(
            "mixed tabs and spaces in its indentation, which sciship's parser cannot read; the tabs at "
            "the start of its lines became spaces (8 columns each, as Python counts them)"
        )
        return module


def _expand_indent_tabs(source: str) -> str:
    import io
    import tokenize

    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return source
    code_lines = {t.start[0] for t in tokens if t.type not in {tokenize.NL, tokenize.NEWLINE}}
    strings = {"STRING", "FSTRING_MIDDLE", "TSTRING_MIDDLE"}  # lines inside a string keep their tabs
    code_lines -= {
        row
        for t in tokens
        if tokenize.tok_name[t.type] in strings
        for row in range(t.start[0] + 1, t.end[0] + 1)
    }
    lines = source.splitlines(keepends=True)
    for i, line in enumerate(lines, start=1):
        body = line.lstrip(" \t")
        indent = line[: len(line) - len(body)]
        if i in code_lines and "\t" in indent:
            lines[i - 1] = indent.expandtabs(8) + body
    return "".join(lines)


# ---------------------------------------------------------------------------------------- imports
class _ImportRewriter(cst.CSTTransformer):
    def __init__(self, package: str, local: Mapping[str, str], notes: list[str]) -> None:
        super().__init__()
        self.package = package
        self.local = local
        self.notes = notes

    def leave_SimpleStatementLine(  # noqa: N802 - libcst's visitor names
        self,
        original_node: cst.SimpleStatementLine,  # noqa: ARG002 - libcst's visitor interface
        updated_node: cst.SimpleStatementLine,
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        smalls: list[list[cst.BaseSmallStatement]] = []
        changed = False
        for small in updated_node.body:
            new = self._rewrite(small)
            if new is None:
                smalls.append([small])
            else:
                smalls.append(new)
                changed = True
        if not changed:
            return updated_node
        flat = [s.with_changes(semicolon=cst.MaybeSentinel.DEFAULT) for group in smalls for s in group]
        if len(flat) == 1:
            return updated_node.with_changes(body=flat)
        lines: list[cst.BaseStatement] = []
        for i, small in enumerate(flat):
            if i == 0:
                lines.append(
                    updated_node.with_changes(body=[small], trailing_whitespace=cst.TrailingWhitespace())
                )
            elif i == len(flat) - 1:
                lines.append(
                    cst.SimpleStatementLine(
                        body=[small], trailing_whitespace=updated_node.trailing_whitespace
                    )
                )
            else:
                lines.append(cst.SimpleStatementLine(body=[small]))
        return cst.FlattenSentinel(lines)

    def _rewrite(self, small: cst.BaseSmallStatement) -> list[cst.BaseSmallStatement] | None:
        if isinstance(small, cst.Import):
            return self._import(small)
        if isinstance(small, cst.ImportFrom):
            return self._import_from(small)
        return None

    def _target(self, dotted: str) -> str | None:
        """``pkg.new.path`` for a local dotted import, else None."""
        top, _, rest = dotted.partition(".")
        if top not in self.local:
            return None
        new = f"{self.package}.{self.local[top]}"
        return f"{new}.{rest}" if rest else new

    def _import(self, node: cst.Import) -> list[cst.BaseSmallStatement] | None:
        if not any(self._target(_dotted(a.name)) for a in node.names):
            return None
        out: list[cst.BaseSmallStatement] = []
        keep: list[cst.ImportAlias] = []
        for alias in node.names:
            dotted = _dotted(alias.name)
            target = self._target(dotted)
            if target is None:
                keep.append(alias.with_changes(comma=cst.MaybeSentinel.DEFAULT))
                continue
            top = dotted.partition(".")[0]
            bound = _alias_name(alias) or top
            if "." in dotted and alias.asname is not None:
                # import utils.io as uio  ->  import pkg.utils.io as uio
                out.append(cst.Import(names=[cst.ImportAlias(name=_attr(target), asname=alias.asname)]))
                continue
            if "." in dotted:
                # import helpers.io  ->  import pkg.helpers.io; from pkg import helpers
                out.append(cst.Import(names=[cst.ImportAlias(name=_attr(target))]))
            parent, _, leaf = self._target(top).rpartition(".")  # type: ignore[union-attr]
            asname = None if leaf == bound else cst.AsName(name=cst.Name(bound))
            out.append(
                cst.ImportFrom(
                    module=_attr(parent), names=[cst.ImportAlias(name=cst.Name(leaf), asname=asname)]
                )
            )
        if keep:
            out.insert(0, node.with_changes(names=keep))
        return out

    def _import_from(self, node: cst.ImportFrom) -> list[cst.BaseSmallStatement] | None:
        if node.relative or node.module is None:
            return None
        target = self._target(_dotted(node.module))
        if target is None:
            return None
        return [node.with_changes(module=_attr(target))]


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _attr(dotted: str) -> cst.Attribute | cst.Name:
    parts = dotted.split(".")
    node: cst.Attribute | cst.Name = cst.Name(parts[0])
    for part in parts[1:]:
        node = cst.Attribute(value=node, attr=cst.Name(part))
    return node


def _alias_name(alias: cst.ImportAlias) -> str | None:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return None


# ---------------------------------------------------------------------------------------- main()
@dataclass
class _Facts:
    """What each top-level statement binds and reads (global names only)."""

    bound: list[set[str]]
    def_reads: list[set[str]]  #: read while the statement runs (decorators, defaults, class bodies)
    call_reads: list[set[str]]  #: read later, when a function defined by the statement is called
    imports: set[str]
    uses_cli: bool


def _add_main(
    module: cst.Module, origin: str, notes: list[str]
) -> tuple[cst.Module, Kind, str | None, int, tuple[str, ...]]:
    wrapper = MetadataWrapper(module)
    module = wrapper.module
    facts = _facts(wrapper)
    body = list(module.body)
    defined = {n for b in facts.bound for n in b}
    guard_at = [i for i, s in enumerate(body) if _is_main_guard(s)]
    has_main_func = any(isinstance(s, cst.FunctionDef) and s.name.value == "main" for s in body)

    keep: list[bool] = []
    moved_names: set[str] = set()
    first = _first_code(body)
    for i, stmt in enumerate(body):
        if i in guard_at:
            keep.append(False)
        elif i < first:
            keep.append(True)
        else:
            ok = _keepable(stmt, facts.imports) and not (facts.def_reads[i] & moved_names)
            keep.append(ok)
        if not keep[-1]:
            moved_names |= facts.bound[i]

    moved_idx = [i for i, k in enumerate(keep) if not k and i not in guard_at]
    guard_bodies: list[cst.BaseStatement] = []
    for i in guard_at:
        guard = body[i]
        if not isinstance(guard, cst.If):  # for the type checker; libcst guarantees it
            raise TypeError(guard)
        if guard.orelse is not None:
            notes.append(
                'the `if __name__ == "__main__":` block has an `else:` branch; it was moved into main() '
                "as a whole, so check that it still does what you meant"
            )
            guard_bodies.append(guard)
        else:
            guard_bodies.extend(_block(guard.body, leading=guard.leading_lines))

    if not moved_idx and not guard_at:
        if has_main_func:
            notes.append(
                "it has a main() function but nothing calls it when the file is run; no command was made"
            )
        return module, "module", None, 0, ()
    if not moved_idx and has_main_func and _just_calls_main(guard_bodies):
        main = next(s for s in body if isinstance(s, cst.FunctionDef) and s.name.value == "main")
        if _required_params(main):
            notes.append("its main() function needs arguments, so it cannot be a console command as it is")
            return module, "has_main", None, 0, ()
        if facts.uses_cli:
            return module, "has_main", "main", 0, ()
        # main() exists but nothing answers --help: add a small entry point that does, then calls main().
        entry = _free_name("cli", defined)
        new_body = [
            *body[: guard_at[0]],
            _entry_def(entry, [_call_stmt("main")], origin, (), add_parser=True),
        ]
        new_body += body[guard_at[0] :]
        module = _ensure_argparse(module.with_changes(body=new_body))
        return module, "has_main", entry, 0, ()

    entry = "main" if "main" not in defined else _free_name("run", defined)
    kept_stmts = _spaced([s for i, s in enumerate(body) if keep[i]])
    kept_reads: set[str] = set()
    kept_bound: set[str] = set()
    for i, k in enumerate(keep):
        if k:
            kept_reads |= facts.call_reads[i] | facts.def_reads[i]
            kept_bound |= facts.bound[i]
    glob = tuple(sorted(moved_names & (kept_reads | kept_bound)))
    inits = [
        cst.SimpleStatementLine(
            body=[cst.Assign(targets=[cst.AssignTarget(cst.Name(n))], value=cst.Name("None"))]
        )
        for n in glob
        if n not in kept_bound
    ]
    moved_stmts: list[cst.BaseStatement] = []
    for i in range(len(body)):
        if i in guard_at:
            continue
        if not keep[i]:
            moved_stmts.append(body[i])
    moved_stmts.extend(guard_bodies)
    func = _entry_def(
        entry,
        moved_stmts,
        origin,
        glob,
        add_parser=not facts.uses_cli,
        module_doc=_first_code(body) > 0 and _has_docstring(body),
    )
    guard = _guard(entry)
    tail: list[cst.BaseStatement] = []
    if inits:
        inits[0] = inits[0].with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()])
        tail.extend(inits)
    tail.extend([func, guard])
    new_module = module.with_changes(body=[*kept_stmts, *tail])
    if not facts.uses_cli:
        new_module = _ensure_argparse(new_module)
    return new_module, "script", entry, len(moved_idx) + len(guard_bodies), glob


def _spaced(stmts: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """Two blank lines between a definition and the next statement, as the moved code may have left none."""
    out: list[cst.BaseStatement] = []
    for stmt in stmts:
        prev = out[-1] if out else None
        if (
            (
                isinstance(prev, (cst.FunctionDef, cst.ClassDef))
                or isinstance(stmt, (cst.FunctionDef, cst.ClassDef))
            )
            and prev is not None
            and isinstance(stmt, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
            and not any(ln.comment is None for ln in stmt.leading_lines[:1])
        ):
            out.append(
                stmt.with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine(), *stmt.leading_lines])
            )
            continue
        out.append(stmt)
    return out


def _facts(wrapper: MetadataWrapper) -> _Facts:
    module = wrapper.module
    positions = wrapper.resolve(PositionProvider)
    scopes = wrapper.resolve(ScopeProvider)
    spans = [(positions[s].start.line, positions[s].end.line) for s in module.body]

    def index(line: int) -> int | None:
        for i, (lo, hi) in enumerate(spans):
            if lo <= line <= hi:
                return i
        return None

    n = len(module.body)
    bound: list[set[str]] = [set() for _ in range(n)]
    def_reads: list[set[str]] = [set() for _ in range(n)]
    call_reads: list[set[str]] = [set() for _ in range(n)]
    imports: set[str] = set()
    gscope = scopes[module]
    if not isinstance(gscope, GlobalScope):  # for the type checker; libcst guarantees it
        raise TypeError(gscope)
    for assignment in gscope.assignments:
        node = getattr(assignment, "node", None)
        if node is None or node not in positions:
            continue
        i = index(positions[node].start.line)
        if i is not None:
            bound[i].add(assignment.name)
            if isinstance(node, (cst.Import, cst.ImportFrom)):
                imports.add(assignment.name)
    seen: set[Scope] = {s for s in scopes.values() if s is not None}
    for scope in seen:
        for access in scope.accesses:
            if not any(isinstance(r.scope, GlobalScope) for r in access.referents):
                continue
            node = access.node
            if node not in positions:
                continue
            i = index(positions[node].start.line)
            if i is None:
                continue
            name = (
                node.value if isinstance(node, cst.Name) else access.name if hasattr(access, "name") else ""
            )
            if not name:
                continue
            (call_reads if _inside_function(scope) else def_reads)[i].add(name)
    uses_cli = any(
        top in CLI_MODULES
        for a in gscope.assignments
        if isinstance(getattr(a, "node", None), (cst.Import, cst.ImportFrom))
        for top in _imported_modules(a.node)  # type: ignore[attr-defined]
    )
    return _Facts(bound, def_reads, call_reads, imports, uses_cli)


def _imported_modules(node: cst.Import | cst.ImportFrom) -> list[str]:
    if isinstance(node, cst.Import):
        return [_dotted(a.name).partition(".")[0] for a in node.names]
    if node.module is None or node.relative:
        return []
    return [_dotted(node.module).partition(".")[0]]


def _inside_function(scope: Scope) -> bool:
    s: Scope | None = scope
    while s is not None and not isinstance(s, GlobalScope):
        if isinstance(s, FunctionScope):
            return True
        if isinstance(s, ClassScope):
            return False
        s = s.parent
    return False


def _first_code(body: Sequence[cst.BaseStatement]) -> int:
    """Index after the module docstring and ``from __future__`` imports."""
    i = 0
    for i, stmt in enumerate(body):
        if not isinstance(stmt, cst.SimpleStatementLine):
            return i
        small = stmt.body[0]
        is_doc = (
            i == 0
            and isinstance(small, cst.Expr)
            and isinstance(small.value, (cst.SimpleString, cst.ConcatenatedString))
        )
        is_future = (
            isinstance(small, cst.ImportFrom) and _dotted(small.module or cst.Name("")) == "__future__"
        )
        if not (is_doc or is_future):
            return i
    return len(body)


def _is_main_guard(stmt: cst.BaseStatement) -> bool:
    if not isinstance(stmt, cst.If) or not isinstance(stmt.test, cst.Comparison):
        return False
    comp = stmt.test
    if len(comp.comparisons) != 1 or not isinstance(comp.comparisons[0].operator, cst.Equal):
        return False
    sides = [comp.left, comp.comparisons[0].comparator]
    names = [s.value for s in sides if isinstance(s, cst.Name)]
    strings = [s.evaluated_value for s in sides if isinstance(s, cst.SimpleString)]
    return names == ["__name__"] and strings == ["__main__"]


def _just_calls_main(stmts: Sequence[cst.BaseStatement]) -> bool:
    """True for ``main()``, ``sys.exit(main())`` and ``raise SystemExit(main())``."""
    if len(stmts) != 1 or not isinstance(stmts[0], cst.SimpleStatementLine) or len(stmts[0].body) != 1:
        return False
    small = stmts[0].body[0]
    expr: cst.BaseExpression | None = None
    if isinstance(small, cst.Expr):
        expr = small.value
    elif isinstance(small, cst.Raise):
        expr = small.exc
    if isinstance(expr, cst.Call) and _dotted(expr.func) in {"sys.exit", "exit", "SystemExit"} and expr.args:
        expr = expr.args[0].value
    return isinstance(expr, cst.Call) and _dotted(expr.func) == "main" and not expr.args


def _required_params(func: cst.FunctionDef) -> bool:
    p = func.params
    plain = [*p.posonly_params, *p.params]
    return any(x.default is None for x in plain) or any(x.default is None for x in p.kwonly_params)


def _keepable(stmt: cst.BaseStatement, imports: set[str]) -> bool:
    if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
        return True
    if isinstance(stmt, cst.SimpleStatementLine):
        return all(_keepable_small(s, imports) for s in stmt.body)
    if isinstance(stmt, cst.If):
        branches: list[cst.BaseSuite] = [stmt.body]
        orelse = stmt.orelse
        while orelse is not None:
            branches.append(orelse.body)
            orelse = orelse.orelse if isinstance(orelse, cst.If) else None
        return _pure(stmt.test, imports) and all(_keepable(s, imports) for b in branches for s in _block(b))
    if isinstance(stmt, cst.Try):
        suites: list[cst.BaseSuite] = [stmt.body, *(h.body for h in stmt.handlers)]
        if stmt.orelse is not None:
            suites.append(stmt.orelse.body)
        if stmt.finalbody is not None:
            suites.append(stmt.finalbody.body)
        return all(_keepable(s, imports) for b in suites for s in _block(b))
    return False


def _keepable_small(small: cst.BaseSmallStatement, imports: set[str]) -> bool:
    if isinstance(small, (cst.Import, cst.ImportFrom, cst.Pass)):
        return True
    if isinstance(small, cst.Expr):
        value = small.value
        if isinstance(value, cst.Call) and _dotted(value.func) in _SETUP_CALLS:
            return all(_pure(a.value, imports) for a in value.args)
        return isinstance(value, (cst.SimpleString, cst.ConcatenatedString))
    if isinstance(small, cst.Assign):
        return all(_simple_target(t.target) for t in small.targets) and _pure(small.value, imports)
    if isinstance(small, cst.AnnAssign):
        return _simple_target(small.target) and (small.value is None or _pure(small.value, imports))
    return False


def _simple_target(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.Name):
        return True
    if isinstance(node, (cst.Tuple, cst.List)):
        return all(_simple_target(e.value) for e in node.elements)
    return False


class _Impure(cst.CSTVisitor):
    def __init__(self, imports: set[str]) -> None:
        super().__init__()
        self.imports = imports
        self.pure = True

    def visit_Call(self, node: cst.Call) -> bool:  # noqa: N802 - libcst's visitor names
        name = _dotted(node.func)
        if name in _PURE_CALLS:
            return True
        if isinstance(node.func, cst.Attribute) and node.func.attr.value in _PURE_METHODS:
            # a method on a value is fine (the value itself is checked); on an imported module it is a call
            root = node.func.value
            while isinstance(root, cst.Attribute):
                root = root.value
            if not (isinstance(root, cst.Name) and root.value in self.imports):
                return True
        self.pure = False
        return False

    def visit_Await(self, node: cst.Await) -> bool:  # noqa: N802, ARG002 - libcst's visitor interface
        self.pure = False
        return False

    def visit_Yield(self, node: cst.Yield) -> bool:  # noqa: N802, ARG002 - libcst's visitor interface
        self.pure = False
        return False

    def visit_NamedExpr(self, node: cst.NamedExpr) -> bool:  # noqa: N802, ARG002 - libcst's visitor interface
        self.pure = False
        return False


def _pure(expr: cst.BaseExpression, imports: set[str]) -> bool:
    """Cheap and free of side effects: literals, names, arithmetic, and a few known calls (paths)."""
    visitor = _Impure(imports)
    expr.visit(visitor)
    return visitor.pure


def _block(suite: cst.BaseSuite, leading: Sequence[cst.EmptyLine] = ()) -> list[cst.BaseStatement]:
    if isinstance(suite, cst.IndentedBlock):
        stmts = list(suite.body)
    else:
        if not isinstance(suite, cst.SimpleStatementSuite):  # for the type checker; libcst guarantees it
            raise TypeError(suite)
        stmts = [cst.SimpleStatementLine(body=list(suite.body))]
    if leading and stmts:
        first = stmts[0]
        if isinstance(first, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            stmts[0] = first.with_changes(leading_lines=[*leading, *first.leading_lines])
    return stmts


def _free_name(base: str, taken: set[str]) -> str:
    name = base
    n = 2
    while name in taken:
        name = f"{base}{n}" if base != "run" else f"run_analysis{'' if n == 2 else n}"
        n += 1
    return name


def _call_stmt(name: str) -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine(body=[cst.Expr(cst.Call(func=cst.Name(name)))])


def _has_docstring(body: Sequence[cst.BaseStatement]) -> bool:
    first = body[0] if body else None
    return (
        isinstance(first, cst.SimpleStatementLine)
        and isinstance(first.body[0], cst.Expr)
        and isinstance(first.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _entry_def(
    name: str,
    stmts: Sequence[cst.BaseStatement],
    origin: str,
    glob: Sequence[str],
    *,
    add_parser: bool,
    module_doc: bool = False,
) -> cst.FunctionDef:
    what = origin.replace("\\", "/").replace('"', "'")
    doc = f'"""Run the analysis of `{what}` (the code that ran when the script was started)."""'
    lines: list[cst.BaseStatement] = [cst.SimpleStatementLine(body=[cst.Expr(cst.SimpleString(doc))])]
    if glob:
        lines.append(
            cst.SimpleStatementLine(body=[cst.Global(names=[cst.NameItem(cst.Name(n)) for n in glob])])
        )
    if add_parser:
        # --help answers instead of running the analysis; other arguments stay in sys.argv for the code.
        described = "__doc__" if module_doc else repr(f"Run the analysis of {what}.")
        lines.append(
            cst.parse_statement(f"argparse.ArgumentParser(description={described}).parse_known_args()\n")
        )
    first = stmts[0] if stmts else None
    body: list[cst.BaseStatement] = [*lines]
    for stmt in stmts:
        if isinstance(stmt, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            leading = [
                ln.with_changes(indent=False) if ln.comment is None else ln for ln in stmt.leading_lines
            ]
            body.append(stmt.with_changes(leading_lines=_strip_blank(leading) if stmt is first else leading))
            continue
        body.append(stmt)
    return cst.FunctionDef(
        name=cst.Name(name),
        params=cst.Parameters(),
        body=cst.IndentedBlock(body=body),
        returns=cst.Annotation(cst.Name("None")),
        leading_lines=[cst.EmptyLine(), cst.EmptyLine()],
    )


def _strip_blank(lines: Sequence[cst.EmptyLine]) -> list[cst.EmptyLine]:
    out = list(lines)
    while out and out[0].comment is None:
        out.pop(0)
    return out


def _guard(entry: str) -> cst.If:
    stmt = cst.parse_statement(f'if __name__ == "__main__":\n    {entry}()\n')
    if not isinstance(stmt, cst.If):  # for the type checker; libcst guarantees it
        raise TypeError(stmt)
    return stmt.with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()])


def _ensure_argparse(module: cst.Module) -> cst.Module:
    """Add ``import argparse`` before the first top-level import (it takes over that line's comments)."""
    body = list(module.body)
    for stmt in body:
        if isinstance(stmt, cst.SimpleStatementLine) and any(
            isinstance(s, cst.Import) and any(_dotted(a.name) == "argparse" for a in s.names)
            for s in stmt.body
        ):
            return module
    at = _first_code(body)
    new = cst.parse_statement("import argparse\n")
    if at < len(body):
        first = body[at]
        if isinstance(first, cst.SimpleStatementLine) and isinstance(
            first.body[0], (cst.Import, cst.ImportFrom)
        ):
            new = new.with_changes(leading_lines=first.leading_lines)
            body[at] = first.with_changes(leading_lines=[])
        else:
            new = new.with_changes(leading_lines=[])
    body.insert(at, new)
    return module.with_changes(body=body)
