"""The scanner's fast path gives exactly the full ``ast`` scan's result, or steps aside.

Every snippet is scanned both ways (``scan_source_ast`` is the reference); where the fast path accepts a
file, the ImportSites must be identical. Some snippets must be accepted (so the fast path is used at all),
others must be refused (the fast path cannot be sure).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciship.imports import scan


def both(src: str) -> tuple[scan.ScanResult, scan.ScanResult | None]:
    return scan.scan_source_ast(src, "m.py"), scan._fast_scan(src, "m.py")


def same(src: str, *, accepted: bool | None = None) -> None:
    full, fast = both(src)
    if accepted is not None:
        assert (fast is not None) == accepted, src
    if fast is not None and full.problem is None:
        assert fast == full, src
    # the public entry point always agrees with the full scan, problems included
    assert scan.scan_source(src, "m.py") == full


ACCEPTED = {
    "plain": "import os\nimport numpy as np, scipy.stats as st\nfrom a.b import c as d, e\n",
    "relative": "from . import a\nfrom .. import b\nfrom .x.y import z\nfrom.w import q\nfrom ... import r\n",
    "star": "from os.path import *\n",
    "brackets": "from a import (\n    b,  # comment (with brackets)\n    c as d,\n)\nx = 1\n",
    "brackets one line": "from a import (b, c)\n",
    "comment": "import os  # noqa: F401\nfrom a import b  # why\n",
    "docstring": '"""Example::\n\n    import pandera as pa\n    from x import y\n"""\nimport real\n',
    "single quotes docstring": "'''\nimport fake\n'''\nimport real\n",
    "string with quotes": 'x = \'a"""b\'\nimport real\ny = """\nimport fake\n"""\n',
    "comment with quotes": '# it\'s """ here\nimport real\n',
    "escaped triple": 'x = """a \\""" b\nimport fake\n"""\nimport real\n',
    "try optional": "try:\n    import ujson\nexcept ImportError:\n    ujson = None\n",
    "try handlers": (
        "try:\n    import a\nexcept (ValueError, ModuleNotFoundError) as e:\n    import b\n"
        "else:\n    import c\nfinally:\n    import d\n"
    ),
    "try not import": "try:\n    import a\nexcept KeyError:\n    import b\n",
    "try bare": "try:\n    import a\nexcept:\n    pass\n",
    "try later handler": "try:\n    import a\nexcept KeyError:\n    pass\nexcept Exception:\n    pass\n",
    "two tries": (
        "try:\n    x = 1\nexcept KeyError:\n    pass\ntry:\n    import a\nexcept ImportError:\n    pass\n"
    ),
    "typing": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pandas\nelse:\n    import b\n",
    "typing dotted": "import typing\nif typing.TYPE_CHECKING:  # only for mypy\n    from a import B\n",
    "version": "import sys\nif sys.version_info >= (3, 11):\n    import tomllib\nelse:\n    import tomli\n",
    "version elif": (
        "if sys.version_info < (3, 8):\n    import a\nelif sys.platform == 'win32':\n    import b\n"
        "elif x:\n    import c\nelse:\n    import d\n"
    ),
    "platform": (
        "if sys.platform.startswith('linux'):\n    import a\nif not sys.platform == 'darwin':\n    import b\n"
    ),
    "nested": (
        "try:\n    if sys.version_info >= (3, 9):\n        if TYPE_CHECKING:\n            import a\n"
        "        import b\nexcept ImportError:\n    pass\n"
    ),
    "complex marker": "if sys.version_info >= (3, 8) and os.name == 'nt':\n    import a\n",
    "function": (
        "def f(a, b=(1, 2)):\n    import lazy\n    return lazy\n\n"
        "\nclass C:\n    def g(self):\n        import other\n"
    ),
    "multi-line def": "def f(\n    a: int,\n    b: str = 'x',\n) -> None:\n    import lazy\n",
    "try around def": "try:\n    def f():\n        import x\nexcept ImportError:\n    pass\n",
    "for else": "for a in b:\n    import x\nelse:\n    import y\nwhile c:\n    import z\n",
    "with": "with open(p) as f, ctx():\n    import x\nasync def g():\n    async with a:\n        import y\n",
    "async for": "async def g():\n    async for a in b:\n        import y\n",
    "comprehension lines": (
        "def f():\n    y = [\n        x\n        for x in z\n        if x\n    ]\n    import a\n"
    ),
    "conditional expression": "x = (\n    1\n    if a\n    else 2\n)\nif b:\n    import c\n",
    "from in raise": (
        "def f():\n    try:\n        pass\n    except E as e:\n"
        "        raise X(\n            1\n        ) from e\n"
    ),
    "windows line ends": "import a\r\nif TYPE_CHECKING:\r\n    import b\r\n",
    "f-strings": "x = f\"{a!r}: {b['k']}\"\nimport real\n",
    "slices and dicts in headers": "if d[1:] == {'a': 1}:\n    import a\n",
    "multi-line condition": "if (sys.version_info\n        >= (3, 8)):  # why\n    import a\n",
    "multi-line typing": (
        "if (\n    TYPE_CHECKING\n):\n    import a\nelif (\n    b\n    and c\n):\n    import d\n"
    ),
    "multi-line handler": "try:\n    import a\nexcept (\n    ImportError,\n    OSError,\n):\n    pass\n",
    "empty": "",
    "no imports": "x = 1\n",
    "backslash in code": "x = 1 + \\\n    2\nimport a\nif a and \\\n        b:\n    import c\n",
    "raise from on a continued line": "def f():\n    raise X \\\n        from e\n",
    "string continued with a backslash": 'x = "abc \\\nimport os"\nimport real\n',
    "walrus and dynamic import in strings and comments": (
        '"""x := 1, importlib.import_module("b")"""\n# __import__("c")\nimport a\n'
    ),
    "backslash in a docstring": '"""Line one \\\n    line two"""\nimport a\n',
    "feature flag": "if HAS_PIL:\n    import PIL\nelse:\n    import b\nif _has_numba:\n    import numba\n",
    "dynamic": "import importlib\nimportlib.import_module('a')\n",
    "dunder import": "__import__('a')\n",
    "walrus": "if (n := 1):\n    import a\n",
    "dynamic in context": (
        "import importlib\ntry:\n    np = importlib.import_module('numpy')\n"
        "except ImportError:\n    np = None\n"
        "def f():\n    return import_module('.sub', __name__)\nx = import_module(name)\n"
        "if import_module('b') is not None:\n    import c\nlazy = lambda: __import__(r'd.e')\n"
        "y = import_module(f'x'), import_module(b'y'), import_module('')\n"
        "from importlib import import_module\nobj.import_module('not_this')\n"
    ),
    "walrus twice": "import a\nwhile (chunk := read()):\n    pass\ndata = [y for x in z if (y := f(x))]\n",
    "lazy imports": (
        "import a\ndef f():\n    import b\n    class C:\n        import c\nasync def g():\n    import d\n"
    ),
    "posonly": "def f(a, /, b):\n    import a\n",
    "posonly later, after a lambda's": (
        "f = lambda x, /: x\n\n\n@dec\nasync def g(\n    a,  # first\n    /,\n    b=(1, 2),\n):\n"
        "    import a\n"
    ),
    "a lambda's slash only": "f = lambda x, /: x\nimport a\n",
    "continuation": "from a import b, \\\n    c\n",
    "continuation then brackets": "from a import \\\n    (b,\n     c)\nimport d, \\\n    e.f as g\n",
    # `/` and `:=` both need Python 3.8: the full scan names the one it meets first
    "posonly then walrus": "def f(a, /, b):\n    import a\n    while (n := a):\n        pass\n",
    "walrus then posonly": "import importlib\nif (n := 1):\n    pass\ndef f(a, /):\n    pass\n",
    "walrus in a posonly default": "def f(a=(n := 1), /):\n    import b\n",
    "walrus in a class body": "class C:\n    y = (z := 1)\n    def g(self, /):\n        import a\n",
    "walrus in a body, posonly nested later": (
        "def f():\n    if (n := 2):\n        pass\n    def g(a, /):\n        import importlib\n"
    ),
    # `match` is a keyword only in a match statement (Python 3.10): the first one is the reason
    "match": "match x:\n    case 1:\n        import a\n",
    "match in a function": (
        "def f(x):\n    match x:\n        case {'k': 1}:  # a 'quoted' comment\n            import a\n"
        "        case [b, *_] if b:\n            try:\n                import b\n"
        "            except ImportError:\n                pass\n        case _:\n"
        "            pass\n    import c\n"
    ),
    "match after walrus and posonly": (
        "if (n := 1):\n    pass\ndef g(a, /):\n    pass\nmatch n:\n\n    # why\n    case 1:\n"
        "        import a\nmatch y:\n    case 2:\n        pass\n"
    ),
    "match with a dynamic import": (
        "import importlib\nmatch x:\n    case 1:\n        m = importlib.import_module('a')\n"
    ),
    "match and case as names": (
        "match = re.match('a', b)\nmatch.group(0)\nif match:\n    import a\nmatch(a, b)\nmatch [0]\n"
        "case = 1\nif case:\n    import c\nmatch == 1\n"
    ),
    "words that hold import": (
        "reimport = {'a': 1}\nx = d[1:]; y = reimport\nimported: int = 1\nfrom_ = 2\nimport os\n"
    ),
    "a class in a loop": "for base_class in [A, B]:\n    import a\nsubclass [0]\n",
    "comments with quotes": "if x == 'a':  # it's here\n    import a\nfrom b import c  # \"why\"\n",
}

REFUSED = {
    "dynamic in brackets": "x = (\n    import_module('a'))\n",
    "dynamic constant in brackets": "importlib.import_module(('a'))\n",
    "dynamic implicit concatenation": "importlib.import_module('a' 'b')\n",
    "dynamic in an f-string": "x = f\"{importlib.import_module('a')}\"\n",
    "dynamic on a decorator line": "@register(import_module('a'))\ndef f():\n    import b\n",
    "walrus in a decorator": "@dec(n := 1)\ndef f():\n    pass\n",
    "walrus target on another line": "x = (n\n     := 1)\n",
    "match subject over lines": "match (\n    x\n):\n    case 1:\n        import a\n",
    "except star": "try:\n    import a\nexcept* ImportError:\n    pass\n",
    "generic": "def f[T](x: T) -> T:\n    return x\n",
    "type alias": "type X = int\n",
    "semicolon": "import a; import b\n",
    "inline if": "if TYPE_CHECKING: import a\n",
    "inline try": "try: import a\nexcept ImportError: pass\n",
    "tabs": "if x:\n\timport a\n",
    "unclosed header": "if (a\n    import b\n",
    "python 2 print": "import os\nprint 'hello'\n",
    "python 2 except": "try:\n    import a\nexcept ImportError, e:\n    pass\n",
    "conflict": "<<<<<<< HEAD\nimport a\n=======\nimport b\n>>>>>>> branch\n",
    "null": "import a\x00\n",
    "non-ascii name": "import caf\u00e9\n",
    "inline else": "if x:\n    pass\nelse: import a\n",
    "inline from": "if x:  from a.b import c\n",
    "from after a semicolon": "x = {1: 2}; from a import b\n",
    "generic after async": "async def f[T](x: T) -> T:\n    import a\n",
    "generic class": "class C[T]:\n    import a\n",
    "except star spaced": "try:\n    import a\nexcept *ValueError:\n    pass\n",
}


@pytest.mark.parametrize("src", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_fast_path_accepts_and_matches(src: str) -> None:
    same(src, accepted=True)


@pytest.mark.parametrize("src", REFUSED.values(), ids=REFUSED.keys())
def test_fast_path_refuses_what_it_cannot_be_sure_of(src: str) -> None:
    same(src, accepted=False)


def test_syntax_errors_are_reported_unless_the_caller_opts_out() -> None:
    src = "import a\nx = = 1\n"
    assert scan.scan_source(src, "m.py").problem is not None
    # the known loss: without the full check, an error the cheap screen does not see goes unreported
    assert scan.scan_source(src, "m.py", check_syntax=False).imports[0].module == "a"


@pytest.mark.parametrize(
    "src",
    ["import a\ndef f(:\n    pass\n", "import a\nx = [1,\n", "import a\nx = 'open\n", "x = (1))\n"],
)
def test_the_cheap_screen_catches_open_brackets_and_strings(src: str) -> None:
    assert scan.scan_source(src, "m.py", check_syntax=False).problem is not None


def test_large_and_python2_files_still_get_their_problems() -> None:
    assert scan.scan_source("print 'x'\n", "m.py", check_syntax=False).problem is not None


# ---------------------------------------------------------------------- generated programs
HEADERS = [
    "try:",
    "if TYPE_CHECKING:",
    "if typing.TYPE_CHECKING:",
    "if sys.version_info >= (3, 10):",
    "if sys.version_info[0] == 2:",
    "if sys.platform == 'win32':",
    "if not sys.platform.startswith('win'):",
    "if x > 1:",
    "elif sys.version_info < (3, 9):",
    "elif y:",
    "else:",
    "def f(a, b=1):",
    "def g(a, /, b, *, c=lambda d, /: d):",
    "async def h(\n    a,  # first\n    /,\n):",
    "class C(Base):",
    "with ctx() as c:",
    "for i in range(3):",
    "while False:",
    "if HAS_SCIPY:",
    "if a and \\\n        b:",
    "match x:\n    case [1, y] if y:",  # its body goes under the `case`
]
HANDLERS = [
    "except ImportError:",
    "except KeyError:",
    "except (OSError, Exception) as e:",
    "except:",
    "finally:",
]
LEAVES = [
    "import a",
    "import a.b as c, d",
    "from e.f import g, h as i",
    "from . import j",
    "from ..k import (\n    l,\n    m,\n)",
    "x = 1",
    '"""\nimport fake\n"""',
    "# import commented",
    "y = 'import quoted'",
    "z = 1 + \\\n    2",
    "from n.o import p, \\\n    q as r",
    "import s, \\\n    t.u",
    "v = lambda w, /: w",
]


@st.composite
def programs(draw: st.DrawFn, depth: int = 0) -> list[str]:
    """A list of lines: blocks of headers, imports and plain statements, nested a few levels."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        if depth < 3 and draw(st.booleans()):
            header = draw(st.sampled_from(HEADERS))
            if header.startswith(("elif", "else")):
                lines.append("if z:")
                lines.append("    pass")
            body = draw(programs(depth + 1))
            lines.extend(header.split("\n"))
            indent = "        " if header.startswith("match") else "    "
            lines.extend(indent + line for line in body)
            if header == "try:":
                for handler in draw(st.lists(st.sampled_from(HANDLERS), min_size=1, max_size=3)):
                    lines.append(handler)
                    lines.extend("    " + line for line in draw(programs(depth + 1)))
                    if handler == "finally:":
                        break
        else:
            leaf = draw(st.sampled_from(LEAVES))
            lines.extend(leaf.split("\n"))
    return lines


@settings(max_examples=300, deadline=None)
@given(programs())
def test_generated_programs_match_the_full_scan(lines: list[str]) -> None:
    src = "\n".join(lines) + "\n"
    full, fast = both(src)
    if full.problem is not None:
        return  # a generated `except` after `finally` and such: not Python, nothing to compare
    assert fast is not None, src  # these are all things the fast path understands
    assert fast == full, src


def test_real_modules_match() -> None:
    from pathlib import Path

    for path in sorted(Path(scan.__file__).parent.parent.rglob("*.py")):
        same(path.read_text(encoding="utf-8"))


def test_lazy_and_fallback_contexts() -> None:
    src = (
        "import a\ndef f():\n    import b\ntry:\n    import c\nexcept KeyError:\n    import d\n"
        "if HAS_E:\n    import e\n"
    )
    sites = {s.module: s for s in scan.scan_source(src, "m.py").imports}
    assert not sites["a"].lazy
    assert sites["b"].lazy
    assert sites["c"].context == "normal"
    assert sites["d"].context == "optional"  # a fallback in an `except` block
    assert sites["e"].context == "optional"  # under a feature flag
    same(src, accepted=True)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["import", "from", " ", "\t", ";", ":", "\n", "x", "a.b", "os", "re", "_", ".", "(", "reimport"]
        ),
        max_size=14,
    )
)
def test_the_inline_import_search_is_the_pattern_it_replaced(parts: list[str]) -> None:
    """``_inline_import`` walks back from each `import`; it must say what ``_BAIL_INLINE`` says."""
    code = "".join(parts)
    assert scan._inline_import(code) == bool(scan._BAIL_INLINE.search(code)), repr(code)


def test_the_inline_import_search_on_real_code() -> None:
    from pathlib import Path

    snippets = [*ACCEPTED.values(), *REFUSED.values()]
    snippets += [p.read_text(encoding="utf-8") for p in Path(scan.__file__).parent.parent.rglob("*.py")]
    for src in snippets:
        code = scan._blank(src)[0]
        assert scan._inline_import(code) == bool(scan._BAIL_INLINE.search(code))
