"""Path expressions: what the scanner knows about a path argument before the folders around it are known.

An :data:`Expr` is a small tree of tuples (so it is hashable and stores as JSON in the cache):

``("s", text)``                 a literal
``("*",)`` / ``("**",)``        an unknown part (inside one folder name / spanning folders)
``("cat", (e, ...))``           concatenation (``+``, f-strings, ``format``, ``%``)
``("join", (e, ...))``          ``os.path.join`` / ``Path(a, b)`` / ``a / b``: a later absolute part wins
``("root", "dir")``             a place inside the project, from ``__file__`` (relative to the root)
``("home",)``                   ``~`` / ``Path.home()``
``("parent", e, n)``            ``n`` times ``.parent`` / ``os.path.dirname``
``("part", e, which)``          ``name`` / ``stem`` / ``suffix`` / ``noext`` (``splitext(p)[0]``)
``("with", e, which, e2)``      ``with_suffix`` / ``with_name`` / ``with_stem``
``("replace", e, old, new)``    ``str.replace`` with literal arguments
``("cut", e, n)``               ``e[:n]`` (``n`` < 0): the text without its last ``-n`` characters
``("cwd", pos)``                ``os.getcwd()`` at ``pos``: ``.``, and for ``os.chdir`` the folder it was then
``("case", e, "lower")``        ``str.lower`` (or ``"upper"``) of a text with parts known only later
``("glob", e, recursive)``      a glob pattern: ``*``, ``?`` and ``[...]`` become unknown parts
``("list", (e, ...))``          a list or tuple of values; iterating it gives each element
``("each", e[, pos])``          one element of an iterable (a ``for`` target, with the loop's place: two
                                names of one loop take the same element together)
``("without", e, texts)``        ``e``, where the code tested it is none of ``texts`` (``if f != "all":``)
``("unpack", e, indices, pos)`` a name of a ``for`` target that unpacks one of several tuples (``e``, an
                                ``alt`` of lists): the part at ``indices``; names of one loop (its place
                                ``pos``) take parts of the same tuple together
``("dict", ((k, e), ...))`` and ``("item", e, key)``: dict literals with literal keys and look-ups;
                                a key ``("turn", pos, start, stop)`` is the count of the loop at ``pos``
                                (:data:`TURN`)
``("setitem", e, key, value)`` an item set over another value (what a function returned)
``("splitext", e)`` / ``("parents", e)``: only meaningful under ``item`` (``splitext(p)[0]``, ``parents[1]``)
``("alt", (e, ...))``           one of several values (``a if c else b``, a loop over a list)
``("ref", module, level, name)`` a name imported from another module (resolved across files)
``("param", name)``             a parameter of the function the expression sits in
``("str", e)``                  ``e`` as text: a number (``("k", "5")``) gives its digits
``("ret", callee, args, kwargs)`` what a function of the project returns, called with these arguments
                                (``callee``: ``("local", name)`` or ``("ref", module, level, name)``)
``("when", e, test, a, b)``     ``a if <test on e> else b``: ``test`` is ``eq``, ``end`` or ``start`` and
                                the literals, joined by ``\x1f``; decided when ``e`` is one known text;
                                or ``none`` (``e is None``, ``not e``): decided when the code sets ``e``;
                                or ``text`` (``isinstance(e, str)``): decided when ``e`` is a text or a
                                constant the code sets
``("k", text)``                 a constant that is no text (``True``, ``None``, ``3``: its ``repr``), given
                                as an argument or default: no part of a path (it evaluates as unknown),
                                but it decides ``if flag:`` in the function called
``("opt", e)``                  a default whoever runs the code may change (an argparse option's
                                default, ``os.environ.get(k, default)``): evaluates to ``e``, but never
                                decides which branch of an ``if`` runs
``("opt", e, dest, file)``      an argparse option of ``file``: what the pipelines that run the step
                                pass (:data:`GIVEN`), else its default ``e``; ``sys.argv[k]`` is
                                ``("opt", ("*",), "#k", "")``, the k-th word of the step's command

:func:`evaluate` turns an expression into concrete strings where unknown parts are :data:`STAR` /
:data:`STAR2` and a leading :data:`ROOT` marks a place relative to the project root.
"""

from __future__ import annotations

import functools
import itertools
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

from sciship._regex import compile_later

Expr = tuple[Any, ...]

STAR = "\x00"  #: an unknown part inside one folder or file name
STAR2 = "\x01"  #: an unknown part that may span folders
ROOT = "\x02"  #: leading marker: the rest is relative to the project root

UNKNOWN: Expr = ("*",)
UNKNOWN2: Expr = ("**",)
MAX_ALTERNATIVES = 16
_MAX_DEPTH = 40


def lit(text: str) -> Expr:
    return ("s", text)


def cat(parts: Iterable[Expr]) -> Expr:
    items = tuple(parts)
    if len(items) == 1:
        return items[0]
    if all(p[0] == "s" for p in items):
        return ("s", "".join(p[1] for p in items))
    return ("cat", items)


def join(parts: Iterable[Expr]) -> Expr:
    items = tuple(parts)
    return items[0] if len(items) == 1 else ("join", items)


def alt(options: Iterable[Expr]) -> Expr:
    items = tuple(dict.fromkeys(options))
    if not items:
        return UNKNOWN
    if len(items) == 1:
        return items[0]
    if len(items) > MAX_ALTERNATIVES:
        return UNKNOWN
    return ("alt", items)


def pick(value: Expr, indices: tuple[int, ...]) -> Expr:
    """The part of a tuple value at ``indices`` (``for k, (a, b) in ...``: ``(1, 0)`` is ``a``); of
    several tuples, that part of each; unknown for anything else."""
    for index in indices:
        if value[0] == "list":
            value = value[1][index] if index < len(value[1]) else UNKNOWN
        elif value[0] == "alt":
            value = alt(pick(v, (index,)) for v in value[1])
        else:
            return UNKNOWN
    return value


def is_unknown(expr: Expr) -> bool:
    return expr[0] in {"*", "**"}


def chosen(expr: Expr) -> Expr:
    """A default the person running the code may change (see ``("opt", e)`` above)."""
    return expr if expr[0] in {"*", "**", "opt"} else ("opt", expr)


def fixed(expr: Expr, scope: Scope | None, depth: int = 0) -> bool:
    """Is the value of ``expr`` set by the code itself (no command-line or environment default in it,
    following parameters and other modules' names)?"""
    if depth > _MAX_DEPTH:
        return False
    for node in walk(expr):
        kind = node[0]
        if kind == "opt":
            return False
        if scope is None:
            continue
        if kind == "param" and node[1] in scope.params:
            value, where = scope.params[node[1]]
            if not fixed(value, where, depth + 1):
                return False
        elif kind == "ref" and scope.ref is not None:
            target = scope.ref(node[1], node[2], node[3], depth)
            if target is not None and not fixed(target[0], target[1], depth + 1):
                return False
    return True


def tuplify(value: Any) -> Any:
    """JSON lists back to the tuples expressions are made of (a list, not a generator, and no call for
    what is no list: a third of the time of reading the cache went here)."""
    if type(value) is not list:
        return value
    return tuple([tuplify(v) if type(v) is list else v for v in value])


# ---------------------------------------------------------------------- evaluation
class Scope:
    """What :func:`evaluate` needs from outside an expression: other modules and parameter values."""

    def __init__(
        self,
        ref: Callable[[str, int, str, int], tuple[Expr, Scope] | None] | None = None,
        params: dict[str, tuple[Expr, Scope]] | None = None,
        call: Callable[[Expr, Scope, int], tuple[Expr, Scope] | None] | None = None,
    ) -> None:
        #: (module, level, name, depth) -> the expression and the scope of its file, None when not local
        self.ref = ref
        self.params = params or {}  #: parameter -> its value and the scope that value was written in
        #: (a ``("ret", ...)`` expression, the scope it is in, depth) -> what the function returns, in a
        #: scope with its parameters set to the arguments; None when that is not known
        self.call = call


class Values:
    """The result of evaluating an expression: concrete alternatives, a list of them, or a glob."""

    __slots__ = ("many", "texts")

    def __init__(self, texts: list[str], *, many: bool = False) -> None:
        self.texts = texts[:MAX_ALTERNATIVES] if len(texts) > MAX_ALTERNATIVES else texts
        self.many = many  #: a collection (iterating it gives each text), not one value


_STAR_ONLY = Values([STAR])
#: the command-line options the pipelines that run the step being traced give it, by (file, option):
#: (their values, whether some command leaves the default); set by the trace around each step
GIVEN: list[dict[tuple[str, str], tuple[list[Expr], bool]]] = []


def evaluate(expr: Expr, scope: Scope | None = None, depth: int = 0) -> Values:
    """Concrete strings for ``expr`` (at most :data:`MAX_ALTERNATIVES`); unknowns become stars."""
    if depth > _MAX_DEPTH:
        return _STAR_ONLY
    scope = scope or Scope()
    kind = expr[0]
    d = depth + 1
    if kind == "s":
        return Values([expr[1]])
    if kind == "*":
        return _STAR_ONLY
    if kind == "**":
        return Values([STAR2])
    if kind == "root":
        return Values([ROOT + expr[1]])
    if kind == "home":
        return Values(["~"])
    if kind == "cwd":  # `os.getcwd()`: where the script runs (see _trace's cwd_at for `os.chdir(it)`)
        return Values(["."])
    if kind == "opt":
        given = GIVEN[0].get((expr[3], expr[2])) if len(expr) > 3 and GIVEN else None
        if given is None:
            return evaluate(expr[1], scope, d)
        values, default_too = given  # what the commands that run the file pass
        texts = [t for v in values for t in evaluate(v, scope, d).texts]
        if default_too:
            texts += evaluate(expr[1], scope, d).texts
        # (an option that takes several words is a list, even when a command gives it one)
        many = len(values) > 1 or any(v[0] == "list" for v in values)
        return Values(list(dict.fromkeys(texts)), many=many)
    if kind == "when":
        if expr[2] == "none":  # `if x is None:` (or `if not x:`): decided when x is set in the code
            unset = _unset(expr[1], scope, d)
            if unset is not None and fixed(expr[1], scope):
                return evaluate(expr[3] if unset else expr[4], scope, d)
            return _both(expr, scope, d)
        if expr[2] == "text":  # `if isinstance(x, str):`: decided when the code sets x to a text or not
            is_text = _is_text(expr[1], scope, d)
            if is_text is not None and fixed(expr[1], scope):
                return evaluate(expr[3] if is_text else expr[4], scope, d)
            return _both(expr, scope, d)
        subject = evaluate(expr[1], scope, d).texts
        if len(subject) == 1 and not has_unknown(subject[0]) and fixed(expr[1], scope):
            how, *literals = expr[2].split("\x1f")
            text = subject[0]
            if how == "eq":
                yes = text in literals
            elif how == "end":
                yes = text.endswith(tuple(literals))
            else:
                yes = text.startswith(tuple(literals))
            return evaluate(expr[3] if yes else expr[4], scope, d)
        return _both(expr, scope, d)
    if kind in {"cat", "join"}:
        combine = _concat if kind == "cat" else _join
        acc = [""] if kind == "cat" else [None]
        for part in expr[1]:
            if kind == "cat" and acc == ["/"] and _at_cwd(part, scope, d):
                acc = [""]  # `f"/{os.getcwd()}/x"`: the working folder, already absolute (`//home/ana/x`)
            vals = evaluate(part, scope, d)
            made = _product(acc, vals.texts, combine)
            if len(made) > MAX_ALTERNATIVES:  # too many names: this part stays unknown, the rest is kept
                made = _product(acc, [STAR], combine)
                if len(made) > MAX_ALTERNATIVES:
                    return _STAR_ONLY
            acc = made
        return Values([a or "" for a in acc])
    if kind == "alt":
        out: list[str] = []
        lists = True  # (one of several lists: a list too)
        for option in expr[1]:
            found = evaluate(option, scope, d)
            out.extend(found.texts)
            lists = lists and found.many
        return Values(list(dict.fromkeys(out)), many=lists)
    if kind == "list":
        out = []
        for item in expr[1]:
            out.extend(evaluate(item, scope, d).texts)
        return Values(list(dict.fromkeys(out)), many=True)
    if kind == "unpack":
        return evaluate(pick(expr[1], expr[2]), scope, d)
    if kind == "without":  # a value the code tested to be none of these texts
        inner = evaluate(expr[1], scope, d)
        kept = [t for t in inner.texts if t not in expr[2]]
        return Values(kept, many=inner.many) if kept else _STAR_ONLY
    if kind == "each":
        inner = evaluate(expr[1], scope, d)
        # an empty list is almost always filled later (`names = []`, then `names.append(...)`)
        return Values(inner.texts) if inner.many and inner.texts else _STAR_ONLY
    if kind == "glob":
        inner = evaluate(expr[1], scope, d)
        return Values([_glob_to_stars(t, expr[2]) for t in inner.texts], many=True)
    if kind == "parent":
        return _map(evaluate(expr[1], scope, d), lambda t: _parent(t, expr[2]))
    if kind == "part":
        return _map(evaluate(expr[1], scope, d), lambda t: _part(t, expr[2]))
    if kind == "with":
        base = evaluate(expr[1], scope, d)
        new = evaluate(expr[3], scope, d)
        texts = [_with(b, expr[2], n) for b in base.texts for n in new.texts]
        return Values(texts) if len(texts) <= MAX_ALTERNATIVES else _STAR_ONLY
    if kind == "replace":
        return _map(evaluate(expr[1], scope, d), lambda t: _replaced(t, expr[2], expr[3]))
    if kind == "cut":
        out = []
        for t in evaluate(expr[1], scope, d).texts:
            cut = _cut(t, expr[2])  # else, as for any other slice, its folder and an unknown name start
            if cut is None:
                out += evaluate(("join", (("parent", ("s", t), 1), ("*",))), scope, d).texts
            else:
                out.append(cut)
        return Values(list(dict.fromkeys(out)))
    if kind == "case":  # (the marks of unknown parts have no case)
        return _map(evaluate(expr[1], scope, d), str.lower if expr[2] == "lower" else str.upper)
    if kind == "dict":
        return _STAR_ONLY  # a dict is not a path; ("item", dict, key) looks inside
    if kind == "item":
        return _item(expr, scope, d)
    if kind == "ref":
        target = scope.ref(expr[1], expr[2], expr[3], depth) if scope.ref else None
        return evaluate(target[0], target[1], d) if target is not None else _STAR_ONLY
    if kind == "param":
        if expr[1] in scope.params:
            value, where = scope.params[expr[1]]
            return evaluate(value, where, d)
        return _STAR_ONLY
    if kind == "str":  # text made of a value: a number (`("k", "5")`) is its digits
        out = []
        for text, number in _texts_or_numbers(expr[1], scope, d):
            out.append(number if number is not None else text)
        return Values(list(dict.fromkeys(out)))
    if kind == "ret":
        returned = scope.call(expr, scope, depth) if scope.call is not None and depth < _MAX_DEPTH else None
        return evaluate(returned[0], returned[1], d) if returned is not None else _STAR_ONLY
    return _STAR_ONLY


def _followed(expr: Expr, scope: Scope, depth: int) -> tuple[Expr, Scope] | None:
    """``expr`` with the parameters and other modules' names it stands for followed to the value itself;
    None when a name of another module is not found."""
    for _ in range(_MAX_DEPTH):
        if expr[0] == "param" and expr[1] in scope.params:
            expr, scope = scope.params[expr[1]]
        elif expr[0] == "ref" and scope.ref is not None:
            target = scope.ref(expr[1], expr[2], expr[3], depth)
            if target is None:
                return None
            expr, scope = target
        elif expr[0] == "unpack":
            expr = pick(expr[1], expr[2])
        else:
            break
    return expr, scope


def _both(expr: Expr, scope: Scope, depth: int) -> Values:
    """Either side of a ``("when", ...)`` the test does not decide (a list when both are lists). On the
    side where a test of equality fails, its subject is none of the texts it was compared with
    (talmolab/lablink-paper-figures: `["png", "pdf"] if args.format == "both" else [args.format]` wrote
    `x.both` by sciship's count)."""
    other = expr[4]
    how, *literals = expr[2].split("\x1f") if isinstance(expr[2], str) else ("", "")
    subject = expr[1]
    if how == "eq" and subject[0] in _NAMED and _named_value(subject):
        texts = evaluate(subject, scope, depth).texts
        rest = [t for t in texts if t not in literals]
        if len(rest) < len(texts):
            other = replaced(other, subject, alt(lit(t) for t in rest) if rest else UNKNOWN)
    a, b = evaluate(expr[3], scope, depth), evaluate(other, scope, depth)
    return Values(list(dict.fromkeys(a.texts + b.texts)), many=a.many and b.many)


def _at_cwd(expr: Expr, scope: Scope, depth: int) -> bool:
    """Does ``expr`` start at the working folder (``os.getcwd()``, or a path joined to it)?"""
    for _ in range(_MAX_DEPTH):
        followed = _followed(expr, scope, depth)
        if followed is None:
            return False
        expr, scope = followed
        if expr[0] in {"cat", "join"} and expr[1]:
            expr = expr[1][0]
        else:
            return bool(expr[0] == "cwd")
    return False


def _texts_or_numbers(expr: Expr, scope: Scope, depth: int) -> list[tuple[str, str | None]]:
    """The values ``expr`` may take as (text, None), or a number's digits as ("", digits)."""
    expr, scope = _followed(expr, scope, depth) or (expr, scope)
    if expr[0] == "k":
        return [("", expr[1] if expr[1] not in {"None", "True", "False"} else STAR)]
    if expr[0] == "alt":
        return [pair for option in expr[1] for pair in _texts_or_numbers(option, scope, depth + 1)]
    if expr[0] == "each" and expr[1][0] == "list" and expr[1][1]:  # an element of a written-out list
        return [pair for item in expr[1][1] for pair in _texts_or_numbers(item, scope, depth + 1)]
    if expr[0] == "opt" and len(expr) > 3:  # what a pipeline gives, else the default
        given = GIVEN[0].get((expr[3], expr[2])) if GIVEN else None
        if given is None:
            return _texts_or_numbers(expr[1], scope, depth + 1)
    return [(t, None) for t in evaluate(expr, scope, depth).texts]


#: a file ending (``.sam``, ``.tar.gz``), not a lone dot (``x.replace(".", "_")`` changes every dot)
_EXTENSION = compile_later(r"(?:\.[A-Za-z0-9]+)+")


def _cut(text: str, stop: int) -> str | None:
    """``text[:stop]`` (``stop`` < 0) where the characters cut are known and in the last name; None when
    they are not (``path[:-4] + ".png"`` of a name from the command line)."""
    if STAR not in text and STAR2 not in text:
        return text[:stop]
    last = max(text.rfind(STAR), text.rfind(STAR2), text.rfind("/"))
    return text[:stop] if len(text) - last - 1 >= -stop else None


def _replaced(text: str, old: str, new: str) -> str:
    """``text.replace(old, new)``; on a text whose end is unknown, an extension replaced is taken to be
    that end's (``sam_file.replace(".sam", "_mutations.txt")`` of a name from the command line gives
    ``*_mutations.txt``)."""
    if not old:
        return text
    if old not in text and text.endswith(STAR) and _EXTENSION.fullmatch(old):
        return text + new
    return text.replace(old, new)


def _is_text(expr: Expr, scope: Scope, depth: int) -> bool | None:
    """Is ``expr`` a ``str`` (a literal, or text put together): True; a constant that is no text: False;
    anything else (a ``Path`` or an ``os.path.join`` look alike here): None."""
    followed = _followed(expr, scope, depth)
    if followed is None:
        return None
    expr = followed[0]
    if expr[0] in {"s", "cat"}:
        return True
    if expr[0] == "k":
        return False
    return None


def _unset(expr: Expr, scope: Scope, depth: int) -> bool | None:
    """Is ``expr`` ``None`` (or ``False``, ``0``, ``""``): True; a text: False; unknown: None."""
    followed = _followed(expr, scope, depth)
    if followed is None:
        return None
    expr, scope = followed
    if expr[0] == "k":
        return bool(expr[1] in {"None", "False", "0"})
    if expr[0] == "s":
        return bool(expr[1] == "")
    if expr[0] in {"cat", "join", "root", "home"}:
        return False
    if expr[0] == "item":  # `target_dir['diffusion']`, a path the code put in a dict (multibind)
        texts = evaluate(expr, scope, depth + 1).texts
        if texts and all(_UNKNOWN_RUN.sub("", t) for t in texts):
            return False
    if expr[0] == "when" and expr[2] == "none" and depth < _MAX_DEPTH:
        # a value that is itself `x if x is not None else DEFAULT`, handed on to a function that tests it
        # again (e-olson's `load_stats(path=path)` of `compile_stats`: a second, phantom `cache/` write
        # made two steps "write one file")
        inner = _unset(expr[1], scope, depth + 1)
        if inner is not None:
            return _unset(expr[3] if inner else expr[4], scope, depth + 1)
        sides = {_unset(expr[3], scope, depth + 1), _unset(expr[4], scope, depth + 1)}
        return sides.pop() if len(sides) == 1 else None
    return None


#: the key of ``x[i]`` where ``i`` is a name: some element (of a glob's files: one of them), no dict key
ANY_KEY = "\x00any"


def _item(expr: Expr, scope: Scope, depth: int) -> Values:
    base, key = expr[1], expr[2]
    if isinstance(key, tuple):  # an index given as a parameter: what the call passes, when a constant
        key = _constant_key(key, scope)
    for _ in range(_MAX_DEPTH):  # follow references and parameters to the dict or list itself
        moved = _one_in(base, scope, depth)
        if moved is None:
            return _STAR_ONLY
        if moved is not False:
            base, scope = moved
        elif base[0] == "opt":
            base = base[1]
        elif base[0] == "unpack":
            base = pick(base[1], base[2])
        elif base[0] == "setitem":  # an item set over what a function returned
            if base[2] == key:
                return evaluate(base[3], scope, depth)
            base = base[1]
        elif base[0] == "ret" and scope.call is not None and depth < _MAX_DEPTH:
            # `config = get_default_config()`, then `config["images"]`: an item of the dict it returns
            # (BioroboticsLab/IBA-paper-code: ImageNet, the paper's data, was never listed)
            returned = scope.call(base, scope, depth)
            if returned is None:
                return _STAR_ONLY
            base, scope = returned
        else:
            break
    if base[0] == "alt" or (base[0] == "each" and base[1][0] == "list"):
        # a key of each of several dicts: one of them (`for ds in DATASETS: np.load(ds["npz"])`, `files`
        # of `for model, files in MODELS.items()`: egnerney/diffusive-equilibrium-2024-paper-code, whose
        # eight steps read nothing by sciship's count)
        found: list[str] = []
        many = False
        for option in base[1] if base[0] == "alt" else base[1][1]:
            values = _item(("item", option, key), scope, depth + 1)
            found.extend(values.texts)
            many = many or values.many
        return Values(list(dict.fromkeys(found)), many=many) if found else _STAR_ONLY
    if base[0] == "dict":
        for k, v in base[1]:
            if k == key:
                return evaluate(v, scope, depth)
        if key == ANY_KEY and base[1] and all(v[0] == "s" for _k, v in base[1]):
            # `files[case]` in a loop: any of the dict's names (egnerney's plot of 18 `.npz` files read
            # nothing, and ran before the steps that make them)
            return evaluate(alt([v for _k, v in base[1]]), scope, depth)
        return _STAR_ONLY
    if base[0] == "list" and isinstance(key, int) and -len(base[1]) <= key < len(base[1]):
        return evaluate(base[1][key], scope, depth)
    if base[0] == "list" and key == ANY_KEY and base[1]:  # `names[i]`: any of them
        return evaluate(alt(base[1]), scope, depth)
    # `sorted(glob(...))[0]`, `files[i]`: one of the files it finds (anitsoga/mossing_paper_code: the
    # weights `np.load(weights_files[iwt])` read were lost)
    if base[0] == "glob":
        return evaluate(("each", base), scope, depth)
    if base[0] == "splitext" and key in {0, 1}:
        return _map(evaluate(base[1], scope, depth), lambda t: _part(t, "noext" if key == 0 else "suffix"))
    if base[0] == "parents" and isinstance(key, int) and key >= 0:
        return _map(evaluate(base[1], scope, depth), lambda t: _parent(t, key + 1))
    return _STAR_ONLY


def _one_in(base: Expr, scope: Scope, depth: int) -> tuple[Expr, Scope] | Literal[False] | None:
    """One step from a reference, a parameter or a pick of a dict or list toward the value it names (with
    its scope): `CFG["data"]["raw"]`, `CFG` a settings file another module loads, is the inner dict's item.
    None when that value is not known; False when ``base`` is none of these."""
    if base[0] == "ref" and scope.ref is not None:
        return scope.ref(base[1], base[2], base[3], depth)
    if base[0] == "param" and base[1] in scope.params:
        return scope.params[base[1]]
    if base[0] == "item" and isinstance(base[2], str | int) and base[2] != ANY_KEY:
        return _picked(base, scope, depth + 1)
    return False


def _picked(expr: Expr, scope: Scope, depth: int) -> tuple[Expr, Scope] | None:
    """The expression ``("item", base, key)`` picks from a dict or list ``base`` (followed through
    references, parameters and other such picks), with its scope; None when it is not known."""
    base, key = expr[1], expr[2]
    for _ in range(_MAX_DEPTH):
        if depth > _MAX_DEPTH:
            return None
        moved = _one_in(base, scope, depth)
        if moved is None:
            return None
        if moved is False:
            break
        base, scope = moved
    if base[0] == "dict":
        return next(((v, scope) for k, v in base[1] if k == key), None)
    if base[0] == "list" and isinstance(key, int) and -len(base[1]) <= key < len(base[1]):
        return base[1][key], scope
    return None


#: the key of ``x[i]`` where ``i`` counts the turns of the ``for`` loop at ``pos``: ``("turn", pos, start,
#: stop)`` (``for i in range(len(names))``: start 0, stop None, the lists' lengths; ``range(3)``: stop 3;
#: ``for i, name in enumerate(names)``, whose ``name`` is the element ``("each", names, pos)``). Alone it is
#: any element (as :data:`ANY_KEY`); the items of one loop in one path take the same turn together
#: (:func:`turns_together`).
TURN = "turn"


def _is_turn(key: Any) -> bool:
    return type(key) is tuple and len(key) == 4 and key[0] == TURN


def turns_together(expr: Expr, scope: Scope) -> list[list[tuple[Expr, Expr]]] | None:
    """For the first loop whose count ``expr`` uses (``names[i]``, ``labels[i]``, and the ``name`` of
    ``enumerate``) in written-out lists: what each turn of the loop puts in their place, in turn (each a
    list of (node, its element)); None when there is no such loop, or more turns than
    :data:`_MAX_TOGETHER` (StanBarmentloo/NII_nebular_phase: `for i in range(len(masses))` reading
    `'spectrum_he' + masses[i] + '_AJ_' + mixings[i]` was every mass with every mixing, 30 files of 10)."""
    place: Any = None
    key: Any = None
    for node in walk(expr):
        if node[0] == "item" and len(node) == 3 and _is_turn(node[2]):
            place, key = node[2][1], node[2]
            break
    if key is None:
        return None
    nodes: list[tuple[Expr, Expr, Scope]] = []  # (node, its list, where that list is)
    for node in dict.fromkeys(walk(expr)):
        if len(node) != 3 or node[2] != {"item": key, "each": place}.get(node[0], False):
            continue
        found = _written_list(node[1], scope)
        if found is not None:
            nodes.append((node, *found))
    if not nodes:
        return None
    start, stop = key[2], key[3]
    end = min(len(items[1]) for _node, items, _where in nodes)
    if stop is not None:
        end = min(end, stop)
    if not 0 <= start < end or end - start > _MAX_TOGETHER:
        return None
    return [[(node, ("item", node[1], k)) for node, _items, _where in nodes] for k in range(start, end)]


def _written_list(expr: Expr, scope: Scope) -> tuple[Expr, Scope] | None:
    """The written-out list ``expr`` names (through references, parameters and picks), with its scope."""
    for _ in range(_MAX_DEPTH):
        moved = _one_in(expr, scope, 0)
        if moved is None:
            return None
        if moved is False:
            break
        expr, scope = moved
    return (expr, scope) if expr[0] == "list" and expr[1] else None


def _constant_key(key: Expr, scope: Scope) -> Any:
    """The index or key a parameter holds (``process(0)``: 0), or :data:`ANY_KEY` when it is not one
    constant."""
    followed = _followed(key, scope, 0)
    value = followed[0] if followed is not None else key
    if value[0] == "k" and value[1].lstrip("-").isdigit():
        return int(value[1])
    if value[0] == "s":
        return value[1]
    return ANY_KEY


def _map(values: Values, fn: Callable[[str], str]) -> Values:
    return Values([fn(t) for t in values.texts], many=values.many)


def _product(acc: list[Any], texts: list[str], combine: Callable[[Any, str], str]) -> list[Any]:
    return [combine(a, t) for a in acc for t in texts]


def _concat(a: str, b: str) -> str:
    return a + b


def is_absolute_text(text: str) -> bool:
    return text.startswith(("/", "\\", "~", ROOT)) or bool(_DRIVE.match(text))


_DRIVE = compile_later(r"^[A-Za-z]:[\\/]")


#: absolute paths a join made by dropping the parts before a name that starts with ``/``
#: (``os.path.join(shapepath, '/huc4.shp')`` is ``/huc4.shp``: dtadych/Shallow_Groundwater_AZ), for the
#: trace's message on them; the trace empties it when it starts
JOIN_DROPPED: set[str] = set()


def _join(a: str | None, b: str) -> str:
    if a is None or is_absolute_text(b):
        if a and len(b) > 1 and b.startswith(("/", "\\")) and not b.startswith(a.rstrip("/\\") + b[0]):
            JOIN_DROPPED.add(b)  # (not `join("/data", "/data/x.csv")`: the same folder, written twice)
        return b
    if a == "" or a.endswith(("/", "\\")):
        return a + b
    return a + "/" + b


def _split_last(text: str) -> tuple[str, str]:
    body = text.rstrip("/")
    i = body.rfind("/")
    if i < 0:
        if body.startswith(ROOT):
            return ROOT, body[1:]
        return "", body
    return body[:i] if i > 0 else "/", body[i + 1 :]


def _parent(text: str, n: int) -> str:
    rooted = text.startswith(ROOT)
    body = text[1:] if rooted else text
    body = posixpath.normpath(body.replace("\\", "/")) if body else "."
    for _ in range(n):
        if body == "/":
            break
        if "/" not in body and (STAR in body or STAR2 in body):
            # the folder of an unknown path (`os.path.dirname(scvi.__file__)`) is unknown, not `.`
            body = STAR2
            break
        if body == ".":
            body = ".."
        elif body.rsplit("/", 1)[-1] == "..":
            body += "/.."
        else:
            body = posixpath.dirname(body) or "."
    if rooted:
        return ROOT + ("" if body == "." else body)
    return "" if body == "." else body


def _part(text: str, which: str) -> str:
    _head, name = _split_last(text)
    if name in {"", ".", ".."} and which in {"name", "stem"}:
        return STAR  # the name of the working folder (`Path.cwd().stem`): known only where the step runs
    if which == "name":
        return name
    dot = name.rfind(".")
    has_suffix = dot > 0
    if which == "stem":
        return name[:dot] if has_suffix else name
    if which == "suffix":
        last = max(name.rfind(STAR), name.rfind(STAR2))
        if last > dot:  # a name from the command line: its extension is unknown too (ets-analysis-scripts)
            return STAR
        return name[dot:] if has_suffix else ""
    # noext: the whole path without the last suffix (os.path.splitext(p)[0])
    if not has_suffix:
        return text
    return text[: len(text.rstrip("/")) - (len(name) - dot)]


def _with(text: str, which: str, new: str) -> str:
    head, name = _split_last(text)
    if which == "name":
        name = new
    else:
        dot = name.rfind(".")
        stem, suffix = (name[:dot], name[dot:]) if dot > 0 else (name, "")
        name = stem + new if which == "suffix" else new + suffix
    if head in {"", "."}:
        return name
    return head.rstrip("/") + "/" + name if head != ROOT else ROOT + name


_GLOB_CLASS = compile_later(r"\[[^\]/]*\]")


def _glob_to_stars(text: str, recursive: bool) -> str:
    if recursive:
        text = text.replace("**", STAR2)
    text = _GLOB_CLASS.sub(STAR, text).replace("?", STAR).replace("*", STAR)
    return re.sub(f"[{STAR}{STAR2}]+", lambda m: STAR2 if STAR2 in m.group() else STAR, text)


# ---------------------------------------------------------------------- paths after evaluation
def display(text: str) -> str:
    """A path as users read it: unknown folders as ``**``, an unknown part of a name as one ``*`` (two
    unknown parts side by side, ``tas_h{i}{j}.nc``, are one: ``tas_h*.nc``, not ``**``, which means
    folders)."""
    if text.startswith(ROOT):
        text = text[1:].lstrip("/")
    text = text.replace(ROOT, "")
    if STAR not in text and STAR2 not in text:
        return text
    out = "/".join(
        "**" if _UNKNOWN_RUN.fullmatch(part) and STAR2 in part else _UNKNOWN_RUN.sub("*", part)
        for part in text.split("/")
    )
    while "**/**" in out:  # (any folders twice over are any folders: `**/x.csv`, not `**/**/x.csv`)
        out = out.replace("**/**", "**")
    return out


_UNKNOWN_RUN = compile_later(f"[{STAR}{STAR2}]+")


def informative(text: str) -> bool:
    """Does the text name something (a letter or digit outside the unknown parts)?"""
    return any(c.isalnum() for c in text.replace(ROOT, ""))


def has_unknown(text: str) -> bool:
    return STAR in text or STAR2 in text


def normalize(text: str) -> str:
    text = text.replace("\\", "/")
    if not text:
        return text
    out = posixpath.normpath(text)
    while STAR2 + "/" + STAR2 in out:  # (any folders, twice, are any folders: not `**/**/x.csv`)
        out = out.replace(STAR2 + "/" + STAR2, STAR2)
    return "" if out == "." else out


_REGEX_CACHE: dict[str, re.Pattern[str]] = {}


def pattern_regex(text: str) -> re.Pattern[str]:
    rx = _REGEX_CACHE.get(text)
    if rx is None:
        parts = []
        body = text
        if text.startswith(STAR2 + "/"):  # any folders, or none
            parts.append("(?:.*/)?")
            body = text[2:]
        for chunk in re.split(f"([{STAR}{STAR2}])", body):
            if chunk == STAR:
                parts.append("[^/]*")
            elif chunk == STAR2:
                parts.append(".*")
            else:
                parts.append(re.escape(chunk))
        rx = _REGEX_CACHE[text] = re.compile("".join(parts) + r"\Z", re.DOTALL)
    return rx


#: a path that stands for one the reader chooses: `/path/to/data/`, `/your/folder/`, `<data dir>/`
_PLACEHOLDER = compile_later(
    r"(?:^|/)(?:path/to|your(?:[_ -]\w+)?|<[^>]*>|xxx+|\?{2,}|\.{3,})(?:/|$)", re.IGNORECASE
)


#: a part of a path that stands for one the reader fills in: `???`, `...`, `<folder>`, `XXX`
_PLACEHOLDER_PART = compile_later(r"\?{2,}|\.{3,}|<[^<>/]+>|[xX]{3,}")


def placeholder_part(part: str) -> bool:
    """Is ``part`` (one name of a path) a placeholder (``???``, ``...``, ``<data folder>``, ``XXX``)?"""
    return _PLACEHOLDER_PART.fullmatch(part) is not None


def placeholder(path: str) -> bool:
    """Is ``path`` (absolute) a placeholder the author wrote for the reader to replace?"""
    return _PLACEHOLDER.search(path) is not None


def matches(pattern: str, path: str) -> bool:
    """Does the concrete ``path`` fit ``pattern`` (either may be concrete)?"""
    if not has_unknown(pattern):
        return pattern == path
    prefix, suffix = known_ends(pattern)
    if not (path.startswith(prefix) and path.endswith(suffix)) or len(path) < len(prefix) + len(suffix):
        return False  # most candidates stop here, before a regular expression is compiled
    return pattern_regex(pattern).match(path) is not None


def known_ends(pattern: str) -> tuple[str, str]:
    """The text every path that fits ``pattern`` starts and ends with (its known prefix and suffix)."""
    ends = _ENDS.get(pattern)
    if ends is None:
        prefix = "" if pattern.startswith(STAR2 + "/") else _known_prefix(pattern)
        ends = _ENDS[pattern] = (prefix, _known_suffix(pattern))
    return ends


_ENDS: dict[str, tuple[str, str]] = {}


def overlap(a: str, b: str) -> bool:
    """Can one concrete path fit both patterns? (``STAR`` never spans a ``/``, ``STAR2`` may.)"""
    if not has_unknown(a):
        return matches(b, a)
    if not has_unknown(b):
        return matches(a, b)
    ca, cb = tuple(a.split("/")), tuple(b.split("/"))
    if any(STAR2 in c and c != STAR2 for c in (*ca, *cb)):
        return _chars_overlap(a, b)
    if ca[-1] != STAR2 and cb[-1] != STAR2 and not _chars_overlap(ca[-1], cb[-1]):
        return False  # the file names cannot be the same: most pairs stop here
    return _parts_overlap(ca, cb)


@functools.lru_cache(maxsize=8192)
def _parts_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Folder by folder; a ``STAR2`` part stands for any number of folders (none too)."""
    seen: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        key = (i, j)
        if key not in seen:
            seen[key] = False
            if i == len(a) and j == len(b):
                result = True
            elif i < len(a) and a[i] == STAR2:
                result = go(i + 1, j) or (j < len(b) and go(i, j + 1))
            elif j < len(b) and b[j] == STAR2:
                result = go(i, j + 1) or (i < len(a) and go(i + 1, j))
            else:
                result = i < len(a) and j < len(b) and _chars_overlap(a[i], b[j]) and go(i + 1, j + 1)
            seen[key] = result
        return seen[key]

    return go(0, 0)


@functools.lru_cache(maxsize=8192)
def _chars_overlap(a: str, b: str) -> bool:
    """Character by character (for one file or folder name, or a path with ``STAR2`` inside a name)."""
    if not has_unknown(a):
        return matches(b, a)
    if not has_unknown(b):
        return matches(a, b)
    pa, pb = _known_prefix(a), _known_prefix(b)
    if not (pa.startswith(pb) or pb.startswith(pa)):
        return False
    sa, sb = _known_suffix(a), _known_suffix(b)
    if not (sa.endswith(sb) or sb.endswith(sa)):
        return False
    # the shorter known start (and end) is the same text at the start (end) of both: only the parts
    # between need the search (`results/run_*_x.csv` and `results/*.csv`: `run_*_x` and `*`)
    head, tail = min(len(pa), len(pb)), min(len(sa), len(sb))
    a, b = a[head : len(a) - tail], b[head : len(b) - tail]
    for x, y in ((a, b), (b, a)):
        # `x...*` and `*...y`: x's known text, then y's, fits both (the one star takes the other's text)
        if x[-1] in (STAR, STAR2) and y[0] in (STAR, STAR2):
            lx, ly = _literal(x), _literal(y)
            if (x[-1] == STAR2 or "/" not in ly) and (y[0] == STAR2 or "/" not in lx):
                return True
    seen: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        key = (i, j)
        if key not in seen:
            seen[key] = False
            if i == len(a) and j == len(b):
                result = True
            elif i < len(a) and a[i] in (STAR, STAR2):
                result = go(i + 1, j) or (j < len(b) and _eats(a[i], b[j]) and go(i, j + 1))
            elif j < len(b) and b[j] in (STAR, STAR2):
                result = go(i, j + 1) or (i < len(a) and _eats(b[j], a[i]) and go(i + 1, j))
            else:
                result = i < len(a) and j < len(b) and a[i] == b[j] and go(i + 1, j + 1)
            seen[key] = result
        return seen[key]

    return go(0, 0)


def _known_prefix(text: str) -> str:
    cut = min((i for i in (text.find(STAR), text.find(STAR2)) if i >= 0), default=len(text))
    return text[:cut]


def _literal(text: str) -> str:
    """The known text of a pattern, its unknown parts left out."""
    return text.replace(STAR, "").replace(STAR2, "")


def _known_suffix(text: str) -> str:
    cut = max(text.rfind(STAR), text.rfind(STAR2))
    return text[cut + 1 :]


def _eats(star: str, char: str) -> bool:
    return star == STAR2 or char != "/"


#: the nodes that stand for one value wherever they appear: a command-line option, a name of another
#: module, a parameter (not a bare ``alt``: two loops over the same list are two values)
_NAMED = frozenset({"opt", "ref", "param", "each"})


def evaluate_together(expr: Expr, scope: Scope | None = None) -> Values:
    """:func:`evaluate`, with a named value that appears more than once in ``expr`` taking the same value
    everywhere: ``results/experiment_{MODE}/results_exp_{MODE}.pkl`` for ``--mode`` 2a or 2b is two
    paths, not four; so does a loop's name (``{folder}/summary_{folder}.csv``). Only a few such values,
    each with a few known values, are taken together."""
    seen: set[Expr] = set()
    shared: list[Expr] = []
    unpacking = turning = False
    for node in walk(expr):  # (one walk: this runs for every path of every step)
        if node[0] in _NAMED and _named_value(node):
            if node in seen and node not in shared:
                shared.append(node)
            seen.add(node)
        elif node[0] == "unpack":
            unpacking = True
        elif node[0] == "item" and len(node) == 3 and _is_turn(node[2]):
            turning = True
    turns = turns_together(expr, scope or Scope()) if turning else None
    if turns is not None:  # `names[i]` and `labels[i]` of one loop: the elements of one turn together
        made = [expr] * len(turns)
        for n, turn in enumerate(turns):
            for node, element in turn:
                made[n] = replaced(made[n], node, element)
        return _all_of(made, scope) or evaluate_together(_unknown(expr, [n for n, _e in turns[0]]), scope)
    rows = unpacked_together(expr) if unpacking else None
    if rows is not None:  # the names of one loop over tuples: each tuple in turn
        group, tuples = rows
        made = []
        for row in tuples:
            one = expr
            for node in group:
                one = replaced(one, node, pick(row, node[2]))
            made.append(one)
        return _all_of(made, scope) or evaluate_together(_unknown(expr, group), scope)
    if not shared:
        return evaluate(expr, scope)
    scope = scope or Scope()
    choices: list[tuple[Expr, list[str]]] = []
    combos = 1
    for node in shared[:3]:
        if node[0] == "each" and node[1][0] == "list" and any(item[0] == "k" for item in node[1][1]):
            # (numbers, each as its digits: `f"clda{alpha}/seed_{alpha}.txt"`, one path per number)
            texts = [n if n is not None else t for t, n in _texts_or_numbers(node, scope, 0)]
        else:
            texts = evaluate(node, scope).texts
        # (up to 64 runs in all: LisaYoungUIUC/astro_figures_code's loop over ten names, each decided by a
        # test on the name, was 16 made-up paths of the 20 the branches give)
        if len(texts) > 1 and combos * len(texts) <= _MAX_TOGETHER and not any(has_unknown(t) for t in texts):
            choices.append((node, texts))
            combos *= len(texts)
    while choices:
        made = []
        for combo in itertools.product(*(texts for _node, texts in choices)):
            one = expr
            for (node, _texts), text in zip(choices, combo, strict=True):
                one = replaced(one, node, ("s", text))
            made.append(one)
        found = _all_of(made, scope, together=False)
        if found is not None:
            return found
        # more paths than are listed: the last of the values stays unknown, never paired with the wrong
        # others (`res/{a}/{b}/run_{a}_{b}.npy` over six a's and six b's was 16 of its 36 files, the other
        # 20 lost without a word)
        expr = _unknown(expr, [choices.pop()[0]])
    return evaluate(expr, scope)


def _all_of(exprs: list[Expr], scope: Scope | None, *, together: bool = True) -> Values | None:
    """Every path of these expressions; None when they are more than :data:`MAX_ALTERNATIVES` (a
    :class:`Values` keeps the first ones only: the others would be lost)."""
    out: list[str] = []
    many = False
    for one in exprs:
        values = evaluate_together(one, scope) if together else evaluate(one, scope)
        out.extend(values.texts)
        many = many or values.many
    out = list(dict.fromkeys(out))
    return Values(out, many=many) if len(out) <= MAX_ALTERNATIVES else None


def _unknown(expr: Expr, nodes: list[Expr]) -> Expr:
    """``expr`` with these nodes (the values of a loop) unknown parts."""
    for node in nodes:
        expr = replaced(expr, node, UNKNOWN)
    return expr


#: the most evaluations :func:`evaluate_together` makes, one for each choice of its shared values
_MAX_TOGETHER = 64


def unpacked_groups(expr: Expr) -> dict[tuple[Expr, Expr], list[Expr]]:
    """The ``("unpack", tuples, indices, place)`` nodes in ``expr`` (in the order they appear), by loop:
    the names one ``for`` statement takes from the same tuples."""
    groups: dict[tuple[Expr, Expr], list[Expr]] = {}
    for node in walk(expr):
        if node[0] == "unpack" and len(node) == 4:
            members = groups.setdefault((node[1], node[3]), [])
            if node not in members:
                members.append(node)
    return groups


def unpacked_together(expr: Expr) -> tuple[list[Expr], tuple[Expr, ...]] | None:
    """The first loop over tuples two or more of whose names ``expr`` uses, with its tuples (at most
    :data:`_MAX_TOGETHER`); None when there is none."""
    for (tuples, _place), group in unpacked_groups(expr).items():
        if tuples[0] == "alt" and 1 < len(tuples[1]) <= _MAX_TOGETHER:
            uses = sum(1 for node in walk(expr) if node in group)
            if uses > 1:
                return group, tuples[1]
    return None


def _named_value(node: Expr) -> bool:
    """Is ``node`` one of the :data:`_NAMED` values, not a keyword argument of a call that happens to be
    called ``ref`` or ``param`` (``("ret", f, args, (("param", e),))``)?"""
    if node[0] == "param":
        return len(node) == 2 and isinstance(node[1], str)
    if node[0] == "ref":
        return len(node) == 4 and isinstance(node[1], str) and isinstance(node[3], str)
    if node[0] == "each":  # a loop's name, by the loop's place: one value each time round
        # (mstapelberg/active_learning_paper_analysis: `join(folder, f"summary_{folder}.csv")` over three
        # folders was nine files, six of them false missing inputs)
        return len(node) == 3 and isinstance(node[2], tuple) and len(node[2]) == 3
    return len(node) == 4 and isinstance(node[2], str)  # ("opt", default, option, file)


def replaced(value: Any, old: Expr, new: Expr) -> Any:
    """``value`` (an expression, or tuples of them) with every ``old`` in it replaced by ``new``."""
    if value == old:
        return new
    if isinstance(value, tuple):
        return tuple(replaced(v, old, new) for v in value)
    return value


def children(node: Expr) -> Iterator[Expr]:
    """The expressions directly inside ``node``: its parts, a list's items, a dict's keys and values."""
    for child in node[1:]:
        if isinstance(child, tuple) and child and isinstance(child[0], str):
            yield child
        elif isinstance(child, tuple):
            for c in child:
                if isinstance(c, tuple) and c and isinstance(c[0], str):
                    yield c
                elif isinstance(c, tuple):  # dict items (key, expr)
                    yield from (x for x in c if isinstance(x, tuple))


def walk(expr: Expr) -> Iterator[Expr]:
    """Every node of an expression (for finding parameters and references). (:func:`children`, written
    out: this runs for every path of every step.)"""
    stack = [expr]
    while stack:
        node = stack.pop()
        yield node
        for child in node[1:]:
            if isinstance(child, tuple) and child and isinstance(child[0], str):
                stack.append(child)
            elif isinstance(child, tuple):
                for c in child:
                    if isinstance(c, tuple) and c and isinstance(c[0], str):
                        stack.append(c)
                    elif isinstance(c, tuple):  # dict items (key, expr)
                        stack.extend(x for x in c if isinstance(x, tuple))
