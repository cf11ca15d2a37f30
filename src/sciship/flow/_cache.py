"""A cache of per-file :class:`~sciship.flow._extract.Facts` in the user's cache folder, keyed by content.

Like the import scan's cache: one JSON file per sciship version and project folder, holding the facts of
the files seen in the last run, keyed by the SHA-256 of their bytes and their path (``__file__`` makes a
file's facts depend on where it is). Read once and written once (atomically) per run; anything wrong with
it means "no cache".
"""

from __future__ import annotations

from typing import Any

from sciship import __version__
from sciship._cache import ProjectStore
from sciship.flow._expr import tuplify
from sciship.flow._facts import Call, Facts, Function, Use
from sciship.flow._formats import FACTS

_FORMAT = FACTS  #: (raise it in `sciship.flow._formats`)


class FactsCache:
    """The facts of one project folder's files, kept between runs (in a
    :class:`~sciship._cache.ProjectStore`)."""

    def __init__(self, root: str) -> None:
        self.store = ProjectStore(f"flow-{__version__}", root, _FORMAT)
        self.path = self.store.path

    def get(self, key: str) -> Facts | None:
        entry = self.store.entry(key)
        if entry is None:
            return None
        try:
            facts = decode(entry)
        except (KeyError, TypeError, ValueError, IndexError, RecursionError):
            return None
        self.store.keep(key, entry)
        return facts

    def has(self, key: str) -> bool:
        """Whether an entry is stored for ``key`` (without decoding it)."""
        return self.store.entry(key) is not None

    def put(self, key: str, facts: Facts) -> None:
        self.store.put(key, encode(facts))

    def save(self) -> None:
        self.store.save()


def _use(u: Use) -> list[Any]:
    return [
        u.call,
        list(u.access),
        u.expr,
        u.line,
        u.cell,
        list(u.pos),
        u.convention,
        u.needs_suffix,
        u.format_given,
        u.into,
        u.append,
        u.optional,
        u.guards,
        u.conds,
        u.soft,
    ]


def _unuse(v: list[Any]) -> Use:
    (
        call,
        access,
        expr,
        line,
        cell,
        pos,
        convention,
        needs_suffix,
        fmt,
        into,
        append,
        opt,
        guards,
        conds,
        soft,
    ) = v
    return Use(
        call,
        tuple(access),
        tuplify(expr),
        line,
        cell,
        tuple(pos),
        convention,
        needs_suffix,
        fmt,
        tuplify(into),
        append,
        opt,
        tuplify(guards),
        tuplify(conds),
        soft,
    )


def _call(c: Call) -> list[Any]:
    fallback = [_use(u) for u in c.fallback]
    where = [c.line, c.cell, list(c.pos)]
    return [c.callee, c.args, c.kwargs, *where, fallback, c.optional, c.guards, c.conds, c.made]


def _uncall(v: list[Any]) -> Call:
    callee, args, kwargs, line, cell, pos, fallback, opt, guards, conds, made = v
    return Call(
        tuplify(callee),
        tuplify(args),
        tuplify(kwargs),
        line,
        cell,
        tuple(pos),
        [_unuse(u) for u in fallback],
        opt,
        tuplify(guards),
        tuplify(conds),
        tuplify(made) if made is not None else None,
    )


def encode(f: Facts) -> dict[str, Any]:
    return {
        "p": f.path,
        "k": f.kind,
        "parsed": f.parsed,
        "full": f.full,
        "run": f.runnable,
        "main": f.main_guard,
        "mainl": f.main_lines,
        "imports": f.imports,
        "ilines": f.import_lines,
        "const": f.constants,
        "fn": {
            name: [
                fn.params,
                fn.defaults,
                [_use(u) for u in fn.uses],
                [_call(c) for c in fn.calls],
                fn.methods,
                fn.returns,
                fn.bases,
                fn.kind,
                fn.attrs,
                fn.asks,
            ]
            for name, fn in f.functions.items()
        },
        "refs": f.references,
        "uses": [_use(u) for u in f.uses],
        "calls": [_call(c) for c in f.calls],
        "cd": [[list(p), e] for p, e in f.chdirs],
        "fmt": f.savefig_format,
        "problems": f.problems,
        "cells": f.cells,
        "opts": f.options,
        "req": f.required,
        "stub": f.stub,
        "asks": f.asks,
    }


def decode(d: dict[str, Any]) -> Facts:
    functions = {}
    for name, (params, defaults, uses, calls, methods, returns, bases, kind, attrs, asks) in d["fn"].items():
        functions[name] = Function(
            name,
            tuple(params),
            {k: tuplify(v) for k, v in defaults.items()},
            [_unuse(u) for u in uses],
            [_uncall(c) for c in calls],
            tuple(methods),
            bases=tuple(tuplify(b) for b in bases),
            returns=tuplify(returns) if returns is not None else None,
            kind=kind,
            attrs={k: tuplify(v) for k, v in attrs.items()},
            asks=list(asks),
        )
    return Facts(
        path=d["p"],
        kind=d["k"],
        parsed=d["parsed"],
        full=d["full"],
        runnable=d["run"],
        main_guard=d["main"],
        main_lines=[(int(first), int(last)) for first, last in d["mainl"]],
        imports=[(m, int(level)) for m, level in d["imports"]],
        import_lines=[(m, int(level), int(line), cell) for m, level, line, cell in d["ilines"]],
        constants={k: tuplify(v) for k, v in d["const"].items()},
        functions=functions,
        references=list(d["refs"]),
        uses=[_unuse(u) for u in d["uses"]],
        calls=[_uncall(c) for c in d["calls"]],
        chdirs=[(tuple(p), tuplify(e)) for p, e in d["cd"]],
        savefig_format=d["fmt"],
        problems=[tuple(p) for p in d["problems"]],
        cells=[tuple(c) for c in d["cells"]],
        options=[(tuple(flags), dest, nargs) for flags, dest, nargs in d["opts"]],
        required=list(d["req"]),
        stub=d["stub"],
        asks=list(d["asks"]),
    )
