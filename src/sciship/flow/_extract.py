"""What one file says about files, read with ``ast`` (nothing is run): its :class:`Facts`.

Facts depend only on the file's own text and path, so they are cached by content. Everything that needs
other files (a constant imported from ``config.py``, a helper function in ``utils.py``) stays symbolic:
a ``ref`` or a :class:`Call` that :mod:`sciship.flow._trace` resolves once all files are known.

Names are followed the way a reader of a script would: a name means its latest assignment before the
place it is used, in the function it is used in, else at module level (a function may use a module name
assigned further down). A ``for`` loop over a list, a ``glob`` or ``os.listdir`` makes its target one of
the elements (a test of a listed name's end or start, ``if f.endswith(".csv"):``, narrows the pattern
under it); ``if``/``else`` values are both kept.
"""

from __future__ import annotations

import ast
import bisect
import builtins
import re
import string
import sys
from collections.abc import Callable, Iterator, Set
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, cast

from sciship._other_language import Other, other_language
from sciship._other_language import message as other_message
from sciship._regex import compile_later
from sciship.flow import _expr as ex
from sciship.flow._calls import (
    CONFIG_MAKERS,
    CONFIG_READ,
    FUNCTIONS,
    METHODS,
    TABLE_MAKERS,
    TABLE_WRITE,
    Arg,
    accesses,
)
from sciship.flow._expr import UNKNOWN, Expr
from sciship.flow._facts import (
    ABSENT,
    CONFIG,
    CONFIG_SEP,
    HYDRA,
    NONE,
    NUMBER,
    PYTHON2_SAID,
    SHELL_CALL,
    SPREAD,
    TRUTH,
    Call,
    Cond,
    Facts,
    Function,
    LocalTest,
    Pos,
    Use,
)

#: Words that make a statement worth parsing: the names of the file-access calls (common words such as
#: ``copy`` or ``read`` only with their module), path builders, ``__file__`` and ``chdir``.
_TOO_COMMON = frozenset(
    {
        "copy",
        "copy2",
        "copyfile",
        "copytree",
        "move",
        "rename",
        "replace",
        "read",
        "write",
        "run",
        "call",
        "use",
    }
)
TRIGGER_WORDS = frozenset(
    (
        {q.rsplit(".", 1)[-1] for q in FUNCTIONS}
        | set(METHODS)
        | {"Path", "PurePath", "glob", "iglob", "rglob", "listdir", "iterdir"}
    )
    - _TOO_COMMON
)
_IDENT = compile_later(r"[A-Za-z_]\w*")
_PATH_CONSTRUCTORS = frozenset(
    {
        *(
            f"pathlib.{n}"
            for n in ("Path", "PurePath", "PosixPath", "WindowsPath", "PurePosixPath", "PureWindowsPath")
        ),
        # the `path` package's Path (`path.Path() / ".." / experiment`: PaulaPflitsch/SleepPaper_code2023)
        "path.Path",
    }
)
_SAME = frozenset(
    {
        "os.path.abspath",
        "os.path.realpath",
        "os.path.normpath",
        "os.path.expanduser",
        "os.fspath",
        "builtins.str",
        "builtins.sorted",
        "builtins.list",
        "builtins.tuple",
        "builtins.reversed",
        "builtins.set",
        "builtins.frozenset",
        "natsort.natsorted",
        "tqdm.tqdm",
        "tqdm.auto.tqdm",
        "tqdm.notebook.tqdm",
        "tqdm.std.tqdm",
    }
)
#: names of ``os`` and ``os.path`` that stand for a fixed piece of a path (as on the systems a shared
#: folder is usually run on; a Windows ``\\`` is read as ``/`` anyway): ``os.path.join(os.pardir, "data")``
_PATH_TEXTS = {
    "os.sep": "/",
    "os.path.sep": "/",
    "os.curdir": ".",
    "os.path.curdir": ".",
    "os.pardir": "..",
    "os.path.pardir": "..",
    "os.extsep": ".",
    "os.path.extsep": ".",
}
_SAME_METHODS = frozenset({"resolve", "absolute", "expanduser", "as_posix", "__fspath__"})
_PART_ATTRS = {"name": "name", "stem": "stem", "suffix": "suffix"}
#: big libraries whose functions never do a project's own file access through a local helper
_NOT_LOCAL = frozenset(
    {
        "numpy",
        "pandas",
        "matplotlib",
        "scipy",
        "seaborn",
        "sklearn",
        "torch",
        "tensorflow",
        "keras",
        "xarray",
        "statsmodels",
        "plotly",
        "sympy",
        "numba",
        "jax",
        "tqdm",
        "IPython",
        "ipywidgets",
        "h5py",
        "netCDF4",
        "PIL",
        "cv2",
        "skimage",
        "geopandas",
        "shapely",
        "networkx",
        "joblib",
        "polars",
        "dask",
        "pylab",
    }
)
_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ())) | {"builtins"}
_BUILTINS = frozenset(dir(builtins))


# ---------------------------------------------------------------------- entry points
#: a module-level assignment that may hold a path (a string, a list of strings, os.path / pathlib / glob)


def extract_source(text: str, path: str, *, full: bool = False, local: LocalTest | None = None) -> Facts:
    """Facts of a ``.py`` file (``full``: parse every statement, not only those that can touch files).

    A file that is R code, MATLAB code or a notebook's JSON under a ``.py`` name is no Python: it runs
    nothing (no step), and its problem says what it is and to rename it (R's `library(x)` and `x <- f()`
    are Python's syntax all the same, and a notebook's JSON is a Python dict)."""
    found = other_language(text, parsed=True)  # (R, a notebook: Python may parse them)
    if found is None:
        facts = extract_units([(None, text)], Facts(path, "py", full=full), full=full, local=local)
        # (a file with no word of a file access is not parsed: syntax None)
        if facts.syntax or (found := other_language(text, parsed=facts.syntax)) is None:
            return facts
    return _other(path, found, full)


def _other(path: str, found: Other, full: bool = False) -> Facts:
    """The facts of a ``.py`` file in another language: none, but its problem."""
    facts = Facts(path, "py", full=full, syntax=False)
    facts.problems.append(("SHR117", other_message(found, path), found.line, None))
    return facts


def extract_units(
    units: list[tuple[int | None, str]], facts: Facts, *, full: bool = False, local: LocalTest | None = None
) -> Facts:
    """Facts of source units (a file, or a notebook's code cells with their index), in run order.

    A cheap look at the text first: a unit is parsed only when it names a file-access call
    (:data:`TRIGGER_WORDS`), imports, assigns something that may be a path, or calls a function defined or
    imported here; a notebook cell that binds a name a path needs is parsed when the path asks for it. In
    what is parsed, only statements on lines naming such a word are searched for calls.
    """
    is_local = local or _maybe_local_module
    ids = [set(_IDENT.findall(text)) for _cell, text in units]
    lined = ["\n" + text for _cell, text in units]  # for the patterns of whole lines (see _DEF_NAME)
    callables: set[str] = set()
    for text in lined:
        if "import" in text:
            callables |= _local_imports(text, is_local)
    defs: set[str] = set()
    for text in lined:
        if "def " in text or "class " in text:
            defs.update(_DEF_NAME.findall(text))
    words = set(TRIGGER_WORDS) | callables | defs | _SPECIAL_WORDS
    # an AnnData object by its name (`rna_adata.write(out)`: `write` alone names too many lines)
    words |= {name for found in ids for name in found if "adata" in name}
    if callables | defs:  # objects made from the project's classes: `sb = Sb(...)`, then `sb.run()`
        for text in lined:
            for m in _MADE.finditer(text):
                if m.group(2).split(".")[-1] in callables | defs:
                    words.add(m.group(1))
    # `from utils import *` of a local module: any name may be one of its functions, so look at everything
    everything = full or any(
        is_local(m.group(1).lstrip("."), len(m.group(1)) - len(m.group(1).lstrip(".")))
        for text in lined
        if "*" in text
        for m in _STAR_IMPORT.finditer(text)
    )
    chosen: set[int] = set()
    for index, (_cell, text) in enumerate(units):
        if everything or ids[index] & words or _PATHISH_LINE.search(text) or "import" in ids[index]:
            chosen.add(index)
    trees: dict[int, list[ast.stmt] | None] = {}
    result = facts
    wanted_before: set[tuple[str, int, int]] = set()
    for _ in range(_MAX_ROUNDS):
        result = Facts(
            facts.path,
            facts.kind,
            full=full,
            cells=facts.cells,
            chdirs=list(facts.chdirs),
            problems=list(facts.problems),
            runnable=facts.runnable,
            uses=list(facts.uses),  # a notebook's shell lines (`!wget -O data/x.csv ...`)
        )
        bodies: list[tuple[int | None, list[ast.stmt]]] = []
        lines: list[set[int] | None] = []
        option_lines: list[set[int]] = []
        for index in sorted(chosen):
            cell, text = units[index]
            if index not in trees:
                trees[index] = _parse_whole(text, cell, result, facts.kind != "py")
                if facts.kind == "py" and (tree := trees[index]) and ids[index] & _EXIT_WORDS:
                    trees[index] = _until_exit(tree)
            elif trees[index] is None:
                _parse_whole(text, cell, result, facts.kind != "py")  # its problem again, for this round
            body = trees[index]
            if facts.kind == "py":
                result.syntax = body is not None
                result.stub = bool(body) and _stub(body or [])
            if body:
                bodies.append((cell, body))
                # a short unit (most notebook cells) is searched whole: finding its lines costs more
                lines.append(_lines_to_search(text, ids[index], words) if len(text) > _SHORT else None)
                option_lines.append(_option_lines(text, ids[index]))
        extractor = _Extractor(
            result,
            bodies,
            whole=facts.kind == "py",
            switches=_switch_candidates(units[0][1]) if facts.kind == "py" and units else None,
            text=units[0][1] if facts.kind == "py" and units else None,
            local=is_local,
            lines=None if everything else lines,
            option_lines=option_lines,  # also when every statement is searched (a star import)
            rebinds=any("global" in ids[index] for index in chosen),
            breaks={units[index][0]: _break_lines(units[index][1]) for index in chosen},
        )
        try:
            extractor.run()
        except RecursionError:
            result.problems.append(
                ("SHR117", "This file is nested too deeply for sciship to follow its paths.", None, None)
            )
            return result
        if facts.kind == "py":
            break  # parsed whole: every name is known
        wanted = extractor.wanted - wanted_before
        wanted_before |= extractor.wanted
        more = _binding_cells(units, ids, chosen, wanted)
        if not more:
            break
        chosen |= more
    if facts.kind == "py" and result.syntax is False and not result.main_guard:
        # (what Python 3 cannot parse: its main block still makes it a script of its own)
        result.main_guard = any(_MAIN.search(text) for _cell, text in units)
    if facts.kind != "py" or not chosen:
        result.runnable = (
            result.runnable or facts.kind != "py" or any(_RUNNABLE_LINE.search(text) for _cell, text in units)
        )
        result.main_guard = result.main_guard or any(_MAIN.search(text) for _cell, text in units)
        if not chosen and facts.kind == "py":
            _import_lines(units, result)
    elif facts.kind == "py" and result.syntax is False and not result.imports:
        # (what Python 3 cannot parse still imports its modules, as its lines say: fabianp/Code_CMPT_paper's
        # Python 2 searchlight script imports pearson_vectorized.py, whose self-test was a step)
        _import_lines(units, result)
    return result


def _import_lines(units: list[tuple[int | None, str]], result: Facts) -> None:
    """The modules the import lines of ``units`` name, into ``result.imports``, read from the text."""
    for _cell, text in units:
        for m in _IMPORT_LINE.finditer(text):
            if m.group(3):
                result.imports.extend((p.split()[0], 0) for p in m.group(3).split(",") if p.split())
            else:
                result.imports.append((m.group(2), len(m.group(1))))


_MAX_ROUNDS = 4
#: ``self.x =`` (or ``+=``, or ``self.x, self.y = ...``): a name a method of a class sets
_SELF_SET = compile_later(r"(?<![\w.])self\.(\w+)[ \t]*(?::[^=\n]*)?(?:[-+*/%|&^@]|//|\*\*|>>|<<)?=(?!=)")
_SELF_CALL = compile_later(r"(?<![\w.])self\.(\w+)[ \t]*\(")


class _Every(set[str]):
    """Every name (for a notebook, whose text is not at hand)."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERY_NAME: set[str] = _Every()
#: ``g = parser.add_mutually_exclusive_group(required=True)``: the name of a group one of whose options
#: the command line must give
_REQUIRED_GROUP = compile_later(
    r"([A-Za-z_]\w*)[ \t]*=[ \t]*[\w.]+\.add_mutually_exclusive_group\([^)]*required[ \t]*=[ \t]*True"
)
#: the targets of a line that unpacks into several (``self.x, self.y = ...``), searched in "\n" + text
_UNPACKED = compile_later(r"\n[ \t]*\(?((?:[\w.*\[\]]+[ \t]*,[ \t]*)+[\w.*\[\]]+)[ \t]*\)?[ \t]*=(?!=)")
_SELF_NAME = compile_later(r"(?<![\w.])self\.(\w+)")
#: a name a list is added to: ``names.append(x)``, ``names.extend(...)``, ``names.insert(...)``, ``names +=``
_GROWN = compile_later(r"([A-Za-z_]\w*)\s*(?:\.\s*(?:append|extend|insert)\s*\(|\+=)")
_SHORT = 3000  #: characters
_MAX_CHAIN = 40
#: what loads a settings file into a dict (see :meth:`_Extractor._config_file`), and how it reads the file
_CONFIG_LOADERS = {
    "yaml.safe_load": "yaml",
    "yaml.load": "yaml",
    "yaml.full_load": "yaml",
    "yaml.unsafe_load": "yaml",
    "json.load": "json",
    "json.loads": "json",
    "omegaconf.OmegaConf.load": "omegaconf",
}


def _config_key(base: Expr, key: str) -> Expr | None:
    """``base[key]``, when ``base`` is a value of a settings file the code loads (see :data:`CONFIG`): the
    value of the longer key; None for anything else."""
    if base[0] != "ref" or not str(base[1]).startswith(CONFIG):
        return None
    return ("ref", base[1], 0, f"{base[3]}{CONFIG_SEP}{key}" if base[3] else key)
# patterns of whole lines, searched in "\n" + text: one that starts with a literal is found much faster
# than one that starts with `^` (tried at every character); no match ends with a line end, so the two
# find the same lines
_MADE = compile_later(r"\n[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_][\w.]*)\(")
_STAR_IMPORT = compile_later(r"\n[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+\*")
_DEF_NAME = compile_later(r"\n[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+([A-Za-z_]\w*)")
#: names Python sets in every module (``__file__`` is read above): ``from m import *`` does not bring
#: them (it skips names that start with ``_`` unless ``m.__all__`` lists them), so an unbound one is the
#: module's own and not looked for in the star-imported modules (each would be parsed in full for it)
_MODULE_NAMES = frozenset(
    {"__name__", "__doc__", "__package__", "__loader__", "__spec__", "__builtins__", "__cached__"}
)
_SPECIAL_WORDS = frozenset(
    {
        "__file__",
        "input",  # (what the script asks whoever runs it: see Facts.asks)
        "raw_input",
        "shutil",
        "chdir",
        "wavfile",
        "soundfile",
        "subprocess",
        "sarge",
        "style",
        "fitsio",  # `fitsio.read(f)`, `fitsio.write(f, data)`: `read` and `write` alone name too many lines
        "Table",  # astropy's `Table.read(f)` (desihub/spectropaper-code: unseen in files of 3000+ characters)
        "QTable",
        "h5ad",  # `adata.write(out / "x.h5ad")`: `write` alone names too many lines
        "adata",
        SHELL_CALL,
    }
)
_MAIN = compile_later(r"^if\s+__name__\s*==\s*['\"]__main__['\"]", re.MULTILINE)
_PATHISH_LINE = compile_later(
    r"^[ \t]*[A-Za-z_][\w.,\t *\[\]]*?(?::[^=\n]*)?\+?=[ \t]*"
    r"(?:[rRbBfFuU]{0,2}[\"']|[\[{(][ \t]*[rRbBfFuU]{0,2}[\"']|os\.|Path|pathlib|glob|sorted\(|__file__)",
    re.MULTILINE,
)


def _word_at(text: str, word: str) -> list[int]:
    """Offsets of ``word`` (a name) as a whole word: neither letter, digit nor ``_`` (what ``\\w``
    matches) just before or after it. ``str.find`` jumps to each occurrence; a regular expression per
    word cost more to compile than to run (and one starting with ``\\b`` cannot skip ahead to the
    word's first letter: 40 times slower on a large file)."""
    out = []
    size = len(word)
    end = len(text)
    at = text.find(word)
    while at >= 0:
        after = at + size
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")) and (
            after >= end or not (text[after].isalnum() or text[after] == "_")
        ):
            out.append(at)
        at = text.find(word, at + 1)
    return out


def _lines_to_search(text: str, ids: Set[str], words: Set[str]) -> set[int]:
    """The lines of a long unit to search for calls: those naming one of ``words``, and those of calls
    named by words too common to look for alone (``os.replace(tmp, out)``: rjain2470/
    EMNSR_paper_code's downloads were five false missing inputs)."""
    found = _lines_naming(text, ids & words)
    if "os" in ids and ids & _OS_MOVES:
        found |= _lines_naming(text, {f"os.{word}" for word in ids & _OS_MOVES})
    return found


#: ``os`` functions that move a file, whose names alone are too common to look for (``str.replace``)
_OS_MOVES = frozenset({"rename", "replace", "renames"})


def _lines_naming(text: str, words: Set[str]) -> set[int]:
    """1-based numbers of the lines where one of ``words`` appears, as ``ast`` numbers them."""
    if "\r" in text:  # ast counts `\r\n` and a lone `\r` (old Mac files) as one line end
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    offsets = sorted(at for word in words for at in _word_at(text, word))
    out: set[int] = set()
    line, pos = 1, 0
    for at in offsets:  # count newlines between consecutive offsets: one pass over the text
        line += text.count("\n", pos, at)
        pos = at
        out.add(line)
    return out


def _option_lines(text: str, ids: Set[str]) -> set[int]:
    """The lines naming ``add_argument`` or ``add_option`` (the command-line options are looked for there), as
    Python reads names: in NFKC form (a fullwidth `a` is an `a`). ``ids``: the text's names."""
    if not text.isascii():
        import unicodedata

        if not unicodedata.is_normalized("NFKC", text):
            return _lines_naming(_line_text(text), _ADD_OPTION)
    return _lines_naming(text, _ADD_OPTION) if _ADD_OPTION & ids else set()


#: what adds a command-line option to a parser: argparse's ``add_argument``, optparse's ``add_option``
#: (spzwart/JuMBOs-paper: AMUSE's scripts build their parsers with optparse)
_ADD_OPTION = frozenset({"add_argument", "add_option"})


def _binding_cells(
    units: list[tuple[int | None, str]],
    ids: list[set[str]],
    chosen: set[int],
    wanted: set[tuple[str, int, int]],
) -> set[int]:
    """Cells not parsed yet that bind a name a path needs, the last one before each use."""
    more: set[int] = set()
    for name, cell, _line in wanted:
        best = None
        for index, (c, text) in enumerate(units):
            if name in ids[index] and (c or 0) < cell and _binds(text, name):
                best = index
        if best is not None and best not in chosen:
            more.add(best)
    return more


def _binds(text: str, name: str) -> bool:
    """Does a line of ``text`` bind ``name``: an assignment with it before the ``=`` (``a, name = ...``,
    ``name[i] += 1``), a ``for`` loop over it, ``with ... as name`` or an import of it? Read at each
    place the name is written (:func:`_word_at`), with patterns that do not depend on the name: one
    pattern per name cost more to compile than the search (0.2 ms each, hundreds in a folder)."""
    for at in _word_at(text, name):
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        before = text[start:at]
        after = text[at + len(name) : len(text) if end < 0 else end]
        if _TARGETS.fullmatch(before):  # an assignment: the first `=` after it is one (not `==`, `<=`)
            eq = after.find("=")
            if eq >= 0 and (eq == 0 or after[eq - 1] not in "=!<>") and after[eq + 1 : eq + 2] != "=":
                return True
        m = _BINDING_LINE.match(before)
        if m is None:
            continue
        word = m.group(1)
        if word.endswith("for") and _IN_WORD.search(after):
            return True
        if word == "with" and _AS_END.search(before, m.end()):
            return True
        if word in {"from", "import"}:
            return True
    return False


#: what may stand before a name that an assignment binds (on its line): other targets, brackets, stars
_TARGETS = compile_later(r"[\w, \t*\[\]()]*")
#: a line that binds names after its first word: a ``for`` loop, ``with ... as``, an import
_BINDING_LINE = compile_later(r"[ \t]*((?:async[ \t]+)?for|with|from|import)\b")
_IN_WORD = compile_later(r"\bin\b")
_AS_END = compile_later(r"\bas[ \t]+\Z")


# searched in "\n" + text, like _DEF_NAME
_FROM = compile_later(
    r"\n[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[\w \t,.]+(?:\\\n[\w \t,.]+)*)"
)
_IMPORT_AS = compile_later(r"\n[ \t]*import[ \t]+([\w \t,.]+)")


def _local_imports(text: str, is_local: LocalTest) -> set[str]:
    """Names imported from modules that may be the project's own (their functions may access files);
    ``text`` starts with a line end (see :data:`_FROM`)."""
    out: set[str] = set()
    for m in _FROM.finditer(text):
        module = m.group(1)
        if is_local(module.lstrip("."), len(module) - len(module.lstrip("."))):
            for part in m.group(2).strip("()").replace("\\", " ").split(","):
                words = part.split()
                if words:
                    out.add(words[-1])
    for m in _IMPORT_AS.finditer(text):
        for part in m.group(1).split(","):
            words = part.split()
            if words and is_local(words[0], 0):
                out.add(words[-1].split(".")[0])
    return out


#: a line a git merge leaves when both sides changed it: its marks
_CONFLICT = compile_later(r"^(?:<{7}|>{7})(?: [^\n]*)?$", re.MULTILINE)


#: what starts a function in a thread or a process of its own: ``target(*args, **kwargs)``
_STARTS_A_FUNCTION = frozenset({"threading.Thread", "multiprocessing.Process", "multiprocess.Process"})
#: methods of a process pool (or an executor) that call a function on each element of an iterable
_POOL_MAPS = frozenset({"map", "imap", "imap_unordered", "map_async"})
#: conventions of calls that read a file only when it is there, and go on without it otherwise: a glob
#: lists what it finds, a `ConfigParser`'s `read` skips a missing file without a word
_IF_THERE = frozenset({"listing", "if-there"})


def _blocks(node: ast.AST) -> Iterator[ast.AST]:
    """The statements (and ``except`` and ``case`` clauses) in the blocks of ``node``."""
    for field in _BLOCKS:
        block = getattr(node, field, None)
        if isinstance(block, list):
            yield from block


def _break_lines(text: str) -> list[int]:
    """The lines (from 1) where the word ``break`` is, in order (in code, a string or a comment)."""
    out: list[int] = []
    at = text.find("break")
    line, counted = 1, 0
    while at >= 0:
        line += text.count("\n", counted, at)
        counted = at
        if not out or out[-1] != line:
            out.append(line)
        at = text.find("break", at + 5)
    return out


_EXIT_WORDS = frozenset({"exit", "quit", "SystemExit"})


def _until_exit(body: list[ast.stmt]) -> list[ast.stmt]:
    """A module's statements up to a plain ``exit()``, ``sys.exit()`` or ``quit()`` at its top level (or
    in its main block): what follows never runs (ligerlac/ml4physics-paper-plots' `make-qkeras-preds.py`
    stops at line 24; the files read below it were four false missing inputs)."""
    for i, stmt in enumerate(body):
        if isinstance(stmt, ast.If) and _is_main_guard(stmt):
            stmt.body = _until_exit(stmt.body) or stmt.body
        if _exits(stmt):
            return body[: i + 1]
    return body


def _exits(stmt: ast.stmt) -> bool:
    if isinstance(stmt, ast.Raise) and stmt.exc is not None:
        exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
        return isinstance(exc, ast.Name) and exc.id == "SystemExit"
    if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return False
    func = stmt.value.func
    if isinstance(func, ast.Name):
        return func.id in {"exit", "quit"}
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and (func.value.id, func.attr) in {("sys", "exit"), ("os", "_exit")}
    )


def _parse_whole(text: str, cell: int | None, facts: Facts, notebook: bool) -> list[ast.stmt] | None:
    try:
        return ast.parse(text).body
    except SyntaxError as exc:
        from sciship import _python2  # only for a file that does not parse

        line = exc.lineno
        older = _python2.clue(text.splitlines(), exc.lineno, exc.msg)
        conflict = _CONFLICT.search(text)
        if conflict is not None:  # a merge left `<<<<<<< HEAD` in the file (seascapes_figures)
            line = text.count("\n", 0, conflict.start()) + 1
            where = f"Code cell {(cell or 0) + 1} of this notebook" if notebook else "This file"
            message = (
                f"{where} still holds the marks of an unfinished git merge (`{conflict.group().strip()}` on "
                f"line {line}), so Python cannot run it and sciship cannot tell which files it reads and "
                "writes. Keep the lines you want from each side, delete the marks, and commit."
            )
        elif older is not None:
            what, line = older
            where = f"Code cell {(cell or 0) + 1} of this notebook" if notebook else "This file"
            message = (
                f"{where} {PYTHON2_SAID}{what} on line {line}). Python 3 cannot run it, and sciship "
                "reads Python 3 only, so it cannot tell which files this code reads and writes. If the "
                "analysis needs Python 2.7, say so in the README; to run it on a current Python, update it "
                "to Python 3 (the `pyupgrade` or `2to3` tools help)."
            )
        elif notebook:
            newer = _python2.newer_fstring(exc.msg)
            message = (
                f"Code cell {(cell or 0) + 1} of this notebook is not valid Python"
                + (f" (line {exc.lineno}: {exc.msg}{newer})" if newer else "")
                + ", so sciship cannot tell which files it reads and writes, and a run of the whole "
                "notebook stops there with a SyntaxError. Fix the cell, or delete it if it is a leftover."
            )
        else:
            message = (
                f"Python cannot parse this file ({_python2.said_plainly(exc.msg)}), so sciship cannot tell "
                "which files it reads and writes."
            )
        problem = ("SHR117", message, line, cell)
    except (ValueError, RecursionError, MemoryError) as exc:
        why = "it contains null bytes" if "null" in str(exc) else "it is too large or nested too deeply"
        problem = (
            "SHR117",
            (
                f"sciship could not read the Python code here ({why}), so it cannot tell which "
                "files it reads and writes."
            ),
            None,
            cell,
        )
    if problem not in facts.problems:
        facts.problems.append(problem)
    # unknown: a step, with the problem saying why it looks empty, when a line at its top level does
    # something (a module of only imports, functions and classes is library code all the same)
    facts.runnable = facts.runnable or notebook or _RUNNABLE_LINE.search(text) is not None
    return None


_RUNNABLE_LINE = compile_later(
    r"^(?:if __name__|for |while |with |try:|[A-Za-z_][\w.]*\(|print\b)", re.MULTILINE
)
_IMPORT_LINE = compile_later(r"^\s*(?:from\s+(\.*)([\w.]*)\s+import\b|import\s+([\w., \t]+))", re.MULTILINE)


def skim_source(text: str, path: str) -> Facts:
    """Facts of a very large file (generated data): whether it runs, what it imports; never parsed."""
    if (found := other_language(text, parsed=True)) is not None:
        return _other(path, found)  # (a notebook's JSON with its outputs, under a `.py` name)
    facts = Facts(path, "py", parsed=False)
    facts.runnable = _RUNNABLE_LINE.search(text) is not None
    facts.main_guard = "__name__" in text and "__main__" in text
    for m in _IMPORT_LINE.finditer(text):
        if m.group(3):
            facts.imports.extend((p.split()[0], 0) for p in m.group(3).split(",") if p.split())
        else:
            facts.imports.append((m.group(2), len(m.group(1))))
    return facts


# ---------------------------------------------------------------------- scopes
@dataclass
class _Binding:
    pos: Pos
    kind: str  #: assign, aug, setitem, each, param, module, from, def, class, other
    node: Any = None
    extra: Any = None
    #: made inside a branch, loop or ``try`` of its scope: code after that block may see it or what the
    #: name held before (see :meth:`_Extractor.reaching`)
    cond: bool = False


class _Scope:
    def __init__(self, parent: _Scope | None, kind: str = "module") -> None:
        self.parent = parent
        self.kind = kind
        self.names: dict[str, list[_Binding]] = {}
        self.star: list[tuple[str, int]] = []
        self.log: list[_Binding] = []  #: every binding, in the order they were made
        #: the statements of a module or function scope, with their notebook cell (None: not kept)
        self.stmts: list[tuple[int | None, ast.stmt]] | None = None
        self.starts: list[Pos] | None = None  #: where each of ``stmts`` starts (found when first needed)
        #: a function Hydra runs (``@hydra.main(config_path=..., config_name=...)``): its configuration's
        #: parameter, and the module name its values are looked up under (see :data:`HYDRA`)
        self.hydra: tuple[str, str] | None = None
        #: a method's scope: the name of its first parameter (``self``), whose ``self.x`` is the
        #: parameter ``("param", "self.x")`` (see :attr:`Function.attrs`)
        self.selfname: str | None = None
        self.owner = ""  #: a method's scope: the name of its class

    def bind(self, name: str, binding: _Binding) -> None:
        self.names.setdefault(name, []).append(binding)
        self.log.append(binding)

    def module(self) -> _Scope:
        s = self
        while s.parent is not None:
            s = s.parent
        return s


_END: Pos = (1 << 30, 0, 0)
#: statements that hold other statements
_COMPOUND: tuple[type, ...] = (
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.Try,
    getattr(ast, "TryStar", ast.Try),  # (Python 3.11)
    ast.With,
    ast.AsyncWith,
    ast.Match,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
)
#: expressions of collections (iterated, or looked up by key or index), not of one path
_COLLECTIONS = frozenset({"list", "dict", "glob", "splitext", "parents"})


def _text(expr: Expr) -> Expr:
    """``expr`` turned into text (in an f-string, ``str(...)``, ``"%s" % ...``): a number as its digits,
    now or once the trace knows it (``("str", e)``)."""
    if expr[0] == "k":
        return ex.lit(expr[1]) if expr[1] not in {"None", "True", "False"} else UNKNOWN
    if expr[0] in {"param", "ref", "opt", "ret", "alt", "when"}:
        return ("str", expr)
    if expr[0] == "each" and expr[1][0] == "list" and any(item[0] == "k" for item in expr[1][1]):
        # a loop over numbers the code spells out (`for alpha in [1, 0.9, 0.75]`: `f"clda{alpha}"`)
        return ("str", expr)
    return expr


def _put_values(expr: Expr, value: Callable[[int], Expr]) -> Expr:
    """``expr`` with each ``("@", id)`` of :meth:`_Extractor.reaching` replaced by that binding's value."""
    if expr[0] == "@":
        return value(expr[1])
    if expr[0] == "alt":
        return ex.alt(_put_values(e, value) for e in expr[1])
    if expr[0] == "when":
        return (*expr[:3], _put_values(expr[3], value), _put_values(expr[4], value))
    return expr


def _collection(expr: Expr) -> bool:
    """Is any value ``expr`` may take a collection (a list, a dict, a glob)?"""
    if expr[0] in _COLLECTIONS:
        return True
    if expr[0] == "alt":
        return any(_collection(e) for e in expr[1])
    if expr[0] == "when":
        return _collection(expr[3]) or _collection(expr[4])
    return False


class _Extractor:
    def __init__(
        self,
        facts: Facts,
        bodies: list[tuple[int | None, list[ast.stmt]]],
        *,
        whole: bool = False,
        local: LocalTest | None = None,
        lines: list[set[int] | None] | None = None,
        option_lines: list[set[int]] | None = None,
        switches: frozenset[str] | None = None,
        text: str | None = None,
        rebinds: bool = False,
        breaks: dict[int | None, list[int]] | None = None,
    ) -> None:
        self.facts = facts
        self.is_local = local or _maybe_local_module
        self.quiet = 0  #: >0 while evaluating what only might matter (arguments of calls into helpers)
        #: module-level names a path expression looked up, with where: (name, cell, line)
        self.wanted: set[tuple[str, int, int]] = set()
        self.bodies = bodies
        self.notebook = facts.kind == "nb"
        self.module = _Scope(None)
        self.scopes: dict[int, _Scope] = {}  #: id(function or lambda node) -> its scope
        self.cell: int | None = None
        self.cell_of: dict[int, int | None] = {}  #: id(top-level statement) -> cell
        #: id(binding) -> (the binding, its value): holding the binding keeps its id from being reused by
        #: another one (a comprehension's bindings live only while it is read)
        self.memo: dict[int, tuple[_Binding, Expr]] = {}
        #: what :meth:`reaching` found for a name of a scope in a simple statement of it (by its index)
        self.reached: dict[tuple[str, int, int, bool], Expr | None] = {}
        self.pathlike: dict[tuple[str, int], bool] = {}  #: see :meth:`_pathlike`
        #: where each ``for`` loop (by its place) ends, when nothing in it may ``break`` out: after it, its
        #: name holds the last element (see :meth:`_after_loop`)
        self.loop_ends: dict[Pos, Pos] = {}
        self.busy: set[int] = set()
        self.local_defs: dict[str, str] = {}  #: module-level def/class name -> "def" / "class"
        self.whole = whole  #: a file parsed whole decides "runnable" from its syntax tree
        #: per body, the lines worth searching for calls (None: search everything)
        self.lines = [sorted(x) if x is not None else None for x in lines] if lines is not None else None
        self.current: list[int] | None = None
        self.option_lines = [sorted(x) for x in option_lines] if option_lines is not None else None
        self._body_index = 0
        #: ``add_argument`` options: destination -> (default value, position of the call)
        self.options: dict[str, tuple[ast.expr | Expr, Pos]] = {}
        self.declared: set[str] = set()  #: the destinations of every ``add_argument``
        #: names a whole file binds once, to ``None``, ``True``, ``False`` or a number (see :class:`_Flags`);
        #: found the first time a test may look at one (walking the whole tree cost half the extraction)
        self._flags: _Flags | None = None
        #: the names the text may assign such a value to (None: any name)
        self.switches = switches
        self.text = text  #: the source of a whole file (its lines tell where a name may be bound)
        self._text_lines: list[str] | None = None  #: its lines, when a class needs them
        self.required_groups: set[str] | None = None  #: see _required_groups
        self.self_called: set[str] | None = None  #: see _self_called
        self.groups_given: set[str] = set()  #: required groups with an option among the required ones
        self.grows: set[str] | None = None  #: the names of lists the file adds to (see `_grown`)
        #: the file uses signac, whose ``with job:`` (and ``@flow.with_job`` operations) run in a folder
        #: of the job's own, which only signac knows
        self.signac = text is not None and ("signac" in text or _FLOW_IMPORT.search(text) is not None)
        self.rebinds = rebinds  #: the text has the word `global`: a function may set a module's name
        self._rebound: frozenset[str] | None = None
        #: per cell, the lines where the word ``break`` is (None: not known, any loop may break)
        self.breaks = breaks
        self._named: set[str] | None = None  #: see :meth:`unnamed`

    def unnamed(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        """Is ``node`` a function the code never names (no call, no reference, not in a text), so that
        what it does never happens here? Not one with decorators (a framework may call it) nor a special
        method (``__init__``: Python calls it). An ``os.chdir`` in it moves nothing
        (pavi-rajes/Assistive-sensory-motor-perturbations...: the notebooks' `pkl_write`, never called,
        changed folder, and their example data were read from `**/example_data/`)."""
        name = node.name
        if node.decorator_list or (name.startswith("__") and name.endswith("__")):
            return False
        if self._named is None:
            named: set[str] = set()
            for _cell, body in self.bodies:
                for stmt in body:
                    for n in ast.walk(stmt):
                        if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Store):
                            named.add(n.id)
                        elif isinstance(n, ast.Attribute):
                            named.add(n.attr)
                        elif isinstance(n, ast.Constant) and isinstance(n.value, str):
                            named.update(_IDENT.findall(n.value))
            self._named = named
        return name not in self._named

    def flags_for(self, test: ast.expr) -> _Flags | None:
        """The switches of the file when ``test`` may look at one (see :func:`_flag_test`), else None.

        A notebook has none: it is parsed cell by cell, as needed, and another cell may bind the name again.
        """
        name = _switch_name(test) if self.whole else None
        if name is None or (self.switches is not None and name not in self.switches):
            return None
        if self._flags is None:
            self._flags = _Flags([stmt for _cell, body in self.bodies for stmt in body], self.text)
        return self._flags

    # -------------------------------------------------------------- pass 1: who binds what where
    def run(self) -> None:
        self.module.stmts = [(cell, stmt) for cell, body in self.bodies for stmt in body]
        for n, (cell, body) in enumerate(self.bodies):
            self.cell = cell
            self.current = self.lines[n] if self.lines is not None else None
            for stmt in body:
                self.cell_of[id(stmt)] = cell
            self._collect(body, self.module)
        for name, bindings in self.module.names.items():
            last = bindings[-1]
            if last.kind in {"def", "class"}:
                self.local_defs[name] = last.kind
        for n, (cell, body) in enumerate(self.bodies):  # command-line options and their defaults
            self.cell = cell
            self._body_index = n
            wanted = self.option_lines[n] if self.option_lines is not None else None
            if wanted == []:
                continue
            for stmt in body:
                if wanted is None or self._spans(stmt, wanted):
                    self._options(stmt)
        for n, (cell, body) in enumerate(self.bodies):
            self.cell = cell
            self.current = self.lines[n] if self.lines is not None else None
            for stmt in body:
                self._top(stmt)
        self._constants()

    def pos(self, node: ast.AST) -> Pos:
        return (
            self.cell if self.cell is not None else 0,
            getattr(node, "lineno", 0),
            getattr(node, "col_offset", 0),
        )

    def _collect(self, stmts: list[ast.stmt], scope: _Scope) -> None:
        for stmt in stmts:
            p = self.pos(stmt)
            if isinstance(stmt, ast.Assign):
                loaded = self._loaded_module(stmt.value, scope, p)
                if loaded is not None and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                    # `cfg = SourceFileLoader("settings", "config/settings.py").load_module()`: as `import`
                    scope.bind(stmt.targets[0].id, _Binding(p, "module", loaded))
                    module, level = loaded.lstrip("."), len(loaded) - len(loaded.lstrip("."))
                    self.facts.imports.append((module, level))
                    if scope is self.module:
                        self.facts.import_lines.append((module, level, stmt.lineno, self.cell))
                    continue
                for target in stmt.targets:
                    if isinstance(target, ast.Subscript):
                        self._set_item(target, scope, p, stmt.value)
                    else:
                        self._bind_target(target, scope, p, "assign", stmt.value)
            elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                self._bind_target(stmt.target, scope, p, "assign", stmt.value)
            elif (
                isinstance(stmt, ast.Expr)
                and scope is self.module
                and (executed := self._executed_module(stmt.value, scope, p)) is not None
            ):
                # `with open("colordef.py") as f: exec(f.read())`: as `from colordef import *`
                module, level = executed.lstrip("."), len(executed) - len(executed.lstrip("."))
                scope.star.append((module, level))
                self.facts.imports.append((module, level))
                self.facts.import_lines.append((module, level, stmt.lineno, self.cell))
            elif isinstance(stmt, ast.Expr) and (update := _dict_update(stmt.value)) is not None:
                # `config.update({"result_dir": "results/bbox"})`: as `config["result_dir"] = ...`
                # (BioroboticsLab/IBA-paper-code's results were said to go to `**/`), each item at its
                # own place, one after the other
                name, pairs = update
                for key, value in pairs:
                    self._set_item(ast.Subscript(value=name, slice=key), scope, self.pos(value), value)
            elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
                kind = "aug" if isinstance(stmt.op, ast.Add) else "other"
                scope.bind(stmt.target.id, _Binding(p, kind, stmt.value, stmt.target.id))
            elif isinstance(stmt, ast.For | ast.AsyncFor):
                self._bind_target(stmt.target, scope, p, "each", stmt.iter)
                if not stmt.orelse and not self._may_break(stmt):
                    self.loop_ends[p] = (p[0], stmt.end_lineno or 0, stmt.end_col_offset or 0)
                self._branch(stmt.body, scope)
                self._branch(stmt.orelse, scope)
            elif isinstance(stmt, ast.With | ast.AsyncWith):
                for item in stmt.items:
                    if item.optional_vars is not None:  # `with TemporaryDirectory() as d:` names a folder
                        self._bind_target(item.optional_vars, scope, p, "with", item.context_expr)
                self._collect(stmt.body, scope)
            elif isinstance(stmt, ast.Import):
                for alias in stmt.names:
                    if alias.asname:
                        scope.bind(alias.asname, _Binding(p, "module", alias.name))
                    else:
                        top = alias.name.partition(".")[0]
                        scope.bind(top, _Binding(p, "module", top))
                    if scope is self.module:
                        self.facts.imports.append((alias.name, 0))
                        self.facts.import_lines.append((alias.name, 0, stmt.lineno, self.cell))
            elif isinstance(stmt, ast.ImportFrom):
                module = stmt.module or ""
                for alias in stmt.names:
                    if alias.name == "*":
                        scope.star.append((module, stmt.level))
                    else:
                        scope.bind(
                            alias.asname or alias.name, _Binding(p, "from", (module, stmt.level, alias.name))
                        )
                self.facts.imports.append((module, stmt.level))
                if scope is self.module:
                    self.facts.import_lines.append((module, stmt.level, stmt.lineno, self.cell))
                if stmt.level or module:
                    for alias in stmt.names:  # `from pkg import module` imports a module too
                        if alias.name != "*":
                            sub = f"{module}.{alias.name}" if module else alias.name
                            self.facts.imports.append((sub, stmt.level))
                            if scope is self.module:
                                self.facts.import_lines.append((sub, stmt.level, stmt.lineno, self.cell))
            elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                scope.bind(stmt.name, _Binding(p, "def", stmt))
                if self.worth(stmt):  # a function with no line worth searching does nothing we follow
                    self._function_scope(stmt, scope)
            elif isinstance(stmt, ast.ClassDef):
                scope.bind(stmt.name, _Binding(p, "class", stmt))
                members = [m for m in stmt.body if isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef)]
                worth = [m for m in members if self.worth(m)]
                for member in worth:  # (`__init__` may be read later: see _self_attributes)
                    self._method_scope(member, scope, stmt.name)
            elif isinstance(stmt, ast.If | ast.While):
                self._branch(stmt.body, scope)
                self._branch(stmt.orelse, scope)
            elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
                self._branch(stmt.body, scope)  # type: ignore[attr-defined]
                for handler in stmt.handlers:  # type: ignore[attr-defined]
                    if handler.name:
                        scope.bind(handler.name, _Binding(p, "other", cond=True))
                    self._branch(handler.body, scope)
                self._branch(stmt.orelse, scope)  # type: ignore[attr-defined]
                self._collect(stmt.finalbody, scope)  # type: ignore[attr-defined]
            elif type(stmt).__name__ == "Match":
                for case in stmt.cases:  # type: ignore[attr-defined]
                    self._branch(case.body, scope)

    def _may_break(self, loop: ast.For | ast.AsyncFor) -> bool:
        """Whether a ``break`` is anywhere in ``loop`` (walking every loop's tree to find out cost a tenth
        of the extraction: the lines naming the word tell first)."""
        lines = self.breaks.get(self.cell) if self.breaks is not None else None
        if lines is not None:
            at = bisect.bisect_left(lines, loop.lineno)
            if at == len(lines) or lines[at] > (loop.end_lineno or loop.lineno):
                return False  # no line of the loop has the word
        return any(isinstance(n, ast.Break) for n in ast.walk(loop))

    def _branch(self, stmts: list[ast.stmt], scope: _Scope) -> None:
        """Bindings in a block that may not run (a branch, a loop's body, a ``try``)."""
        start = len(scope.log)
        self._collect(stmts, scope)
        for binding in scope.log[start:]:
            binding.cond = True

    def _set_item(self, target: ast.Subscript, scope: _Scope, p: Pos, value: ast.expr) -> None:
        """``paths["data"] = "raw/data.csv"`` on a dict the code builds item by item (``paths = {}``): a new
        value of the dict, with that item; on anything else (a table's column), nothing."""
        name, key = target.value, target.slice
        if not isinstance(name, ast.Name):
            return
        before = scope.names.get(name.id)
        last = before[-1] if before else None
        if last is None or not (
            last.kind == "setitem"
            or (last.kind == "assign" and isinstance(last.node, ast.Dict))
            # settings a function of the folder returns: `config = get_default_config()`
            or (
                last.kind == "assign"
                and isinstance(last.node, ast.Call)
                and isinstance(last.node.func, ast.Name)
            )
        ):
            return
        known = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str | int) else None
        scope.bind(name.id, _Binding(p, "setitem", value, (name.id, known)))

    def _function_scope(self, node: ast.FunctionDef | ast.AsyncFunctionDef, parent: _Scope) -> None:
        scope = _Scope(parent, "function")
        self.scopes[id(node)] = scope
        p = self.pos(node)
        kind = "param" if parent.kind == "module" else "other"  # nested functions: not instantiated
        scope.stmts = [(self.cell, stmt) for stmt in node.body]
        for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            scope.bind(a.arg, _Binding(p, kind, a.arg))
        for rest in (node.args.vararg, node.args.kwarg):
            if rest is not None:
                scope.bind(rest.arg, _Binding(p, "other"))
        config = self._hydra_config(node, parent, p)
        first = [*node.args.posonlyargs, *node.args.args]
        if config is not None and first:
            scope.hydra = (first[0].arg, config)
        self._collect(node.body, scope)

    def _method_scope(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, parent: _Scope, owner: str
    ) -> _Scope:
        self._function_scope(node, parent)
        scope = self.scopes[id(node)]
        first = [*node.args.posonlyargs, *node.args.args]
        if first and _method_kind(node) == "":
            scope.selfname = first[0].arg
            scope.owner = owner
        return scope

    def _hydra_config(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: _Scope, p: Pos
    ) -> str | None:
        """For a function decorated with ``@hydra.main(config_path="conf", config_name="config")``: the
        module name its configuration's values are found under (``HYDRA + "conf/config"``)."""
        for deco in node.decorator_list:
            if not isinstance(deco, ast.Call) or self.qualify(deco.func, scope, p) != "hydra.main":
                continue
            given = dict(zip(("config_path", "config_name"), deco.args, strict=False))
            given.update({k.arg: k.value for k in deco.keywords if k.arg})
            folder, name = given.get("config_path"), given.get("config_name")
            if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
                return None
            where = folder.value if isinstance(folder, ast.Constant) and isinstance(folder.value, str) else ""
            stem = name.value.removesuffix(".yaml")
            return HYDRA + (f"{where.rstrip('/')}/{stem}" if where else stem)
        return None

    def _loaded_module(self, value: ast.expr, scope: _Scope, p: Pos) -> str | None:
        """The folder's module a value loads from its path, as ``import`` would name it (``..config.settings``
        has its level in dots): ``SourceFileLoader(name, path).load_module()``, ``imp.load_source(name,
        path)``, or ``importlib.util.module_from_spec(spec)`` of ``spec = spec_from_file_location(name,
        path)``. None for anything else, or a path not spelled out."""
        if not isinstance(value, ast.Call):
            return None
        func = value.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name == "load_module" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call):
            loader = func.value
            lname = _last_name(loader.func)
            return _module_of_path(_call_arg(loader, 1, "path")) if lname == "SourceFileLoader" else None
        if name == "load_source" and isinstance(func, ast.Attribute) and _last_name(func.value) == "imp":
            return _module_of_path(_call_arg(value, 1, "pathname"))
        if name != "module_from_spec" or not value.args:
            return None
        spec: Any = value.args[0]
        if isinstance(spec, ast.Name):  # `spec = importlib.util.spec_from_file_location(...)` before
            found = self.lookup(spec.id, scope, p)
            spec = found[0].node if found is not None and found[0].kind == "assign" else None
        if isinstance(spec, ast.Call) and _last_name(spec.func) == "spec_from_file_location":
            return _module_of_path(_call_arg(spec, 1, "location"))
        return None

    def _executed_module(self, value: ast.expr, scope: _Scope, p: Pos) -> str | None:
        """The folder's module whose text ``value`` runs in this one, as ``import`` would name it:
        ``exec(open(path).read())``, ``exec(f.read())`` of ``with open(path) as f``, ``exec(compile(...))``
        of either (meteorologytoday/plots-A-Hierarchy-of-Global-Ocean-Models-Coupled-to-CESM1: colordef.py,
        which two figure scripts run so, was a step of its own). None for anything else."""
        if not (isinstance(value, ast.Call) and _last_name(value.func) == "exec" and value.args):
            return None
        code = value.args[0]
        if isinstance(code, ast.Call) and _last_name(code.func) == "compile" and code.args:
            code = code.args[0]
        if not (
            isinstance(code, ast.Call) and isinstance(code.func, ast.Attribute) and code.func.attr == "read"
        ):
            return None
        opened: Any = code.func.value
        if isinstance(opened, ast.Name):  # `with open(path) as f:` before
            found = self.lookup(opened.id, scope, p)
            opened = found[0].node if found is not None and found[0].kind in {"with", "assign"} else None
        if not (isinstance(opened, ast.Call) and _last_name(opened.func) == "open"):
            return None
        return _module_of_path(_call_arg(opened, 0, "file"))

    def _bind_target(self, target: ast.expr, scope: _Scope, p: Pos, kind: str, value: Any) -> None:
        """Bind the names of an assignment target; ``value`` is the node (or (node, index) for tuples)."""
        if isinstance(target, ast.Name):
            scope.bind(target.id, _Binding(p, kind, value))
        elif isinstance(target, ast.Tuple | ast.List):
            for i, elt in enumerate(target.elts):
                if isinstance(elt, ast.Starred):
                    self._bind_target(elt.value, scope, p, "other", None)
                else:
                    self._bind_target(elt, scope, p, kind + "-item", (value, i))

    # -------------------------------------------------------------- names to expressions
    def def_key(self, name: str, node: ast.AST) -> str:
        """The name the module's function ``name`` defined by ``node`` goes by in the facts: its own name
        for the last ``def`` of that name, ``name@cell:line`` for one defined again later (a notebook's
        `plot_data` made anew for the next figure: each call runs the definition it follows; manansaxena/
        fenrir_paper_code's four figures were lost to the last definition)."""
        defs = [b for b in self.module.names.get(name, ()) if b.kind == "def"]
        if len(defs) < 2 or defs[-1].node is node:
            return name
        at = next((b.pos for b in defs if b.node is node), None)
        return name if at is None else f"{name}@{at[0]}:{at[1]}"

    def lookup(self, name: str, scope: _Scope, pos: Pos) -> tuple[_Binding, _Scope] | None:
        s: _Scope | None = scope
        while s is not None:
            bindings = s.names.get(name)
            if bindings:
                before = [b for b in bindings if b.pos < pos]
                if before and _within_own_value(before[-1], pos):
                    # `out = open(out, "w")`: the name in its own new value is the one from before
                    # (mjenior/analysis-scripts: 19 scripts' outputs lost)
                    before.pop()
                    if not before:
                        return None if s.parent is None else self.lookup(name, s.parent, pos)
                return (before[-1] if before else bindings[0]), s
            s = s.parent
        return None

    def value(self, binding: _Binding, scope: _Scope) -> Expr:
        key = id(binding)
        if key in self.memo:
            return self.memo[key][1]
        if key in self.busy or len(self.busy) > _MAX_CHAIN:
            return UNKNOWN  # a name defined through itself, or a chain of 40 names: not a path we can know
        self.busy.add(key)
        try:
            result = self._value(binding, scope)
        finally:
            self.busy.discard(key)
        self.memo[key] = (binding, result)
        return result

    def _value(self, b: _Binding, scope: _Scope) -> Expr:
        kind = b.kind
        if kind == "assign":
            return self.expr(b.node, scope, b.pos)
        if kind == "setitem":  # the dict as it was, with this item
            name, key = b.extra
            prev = self.lookup(name, scope, b.pos)
            base = self.value(*prev) if prev and prev[0] is not b and prev[0].pos < b.pos else UNKNOWN
            if prev and isinstance(prev[0].node, ast.Dict) and not prev[0].node.keys:
                base = ("dict", ())  # `paths = {}`
            if base[0] in {"ret", "setitem"} and key is not None:  # over what a function returns
                return ("setitem", base, key, self.expr(b.node, scope, b.pos))
            if base[0] != "dict" or key is None:
                return UNKNOWN
            items = tuple((k, v) for k, v in base[1] if k != key)
            return ("dict", (*items, (key, self.expr(b.node, scope, b.pos))))
        if kind == "aug":
            prev = self.lookup(b.extra, scope, b.pos)
            base = self.value(*prev) if prev and prev[0] is not b and prev[0].pos < b.pos else UNKNOWN
            more = self.expr(b.node, scope, b.pos)
            if base[0] == "list" and more[0] == "list":  # `names += ["Ez.npy"]`: a longer list
                return ("list", base[1] + more[1])
            return ex.cat([base, more])
        if kind == "each":  # a `for` statement's name: the loop's place tells names of two loops apart
            return self.each(b.node, scope, b.pos, loop=True)
        if kind.endswith("-item"):  # a name of a tuple target, `for k, (a, b) in ...`: its place in it
            node, indices = b.node, []
            while kind.endswith("-item"):
                node, index = node
                indices.append(index)
                kind = kind[: -len("-item")]
            indices.reverse()
            if node is None:
                return UNKNOWN
            if kind == "assign":
                index, rest = indices[0], indices[1:]
                if isinstance(node, ast.Tuple | ast.List) and index < len(node.elts):
                    value = self.expr(node.elts[index], scope, b.pos)
                else:
                    whole = self.expr(node, scope, b.pos)
                    # `args, rest = parser.parse_known_args()`: the options (czbiohub-sf/rnaquarium-figures)
                    value = whole if whole == ("args",) and index == 0 else ("item", whole, index)
            else:
                value, rest = self.element(node, scope, b.pos), indices
                if kind == "each" and value[0] == "alt" and all(v[0] == "list" for v in value[1]):
                    # one of several tuples: the names of one loop take parts of the same tuple together
                    # (TonyTran03/synthetic_data_paper_code: `for dataset, number in TABLES.items()` was
                    # every name with every number, 12 tables made up)
                    return ("unpack", value, tuple(rest), b.pos)
                if kind == "each" and rest == [1] and self._enumerated(node, scope, b.pos):
                    element = ex.pick(value, (1,))
                    if element[0] == "each" and len(element) == 2:
                        # `name` of `for i, name in enumerate(names)`: the loop's element, as in `for name in
                        # names`, which `labels[i]` takes together with (see _expr.TURN)
                        return (*element, b.pos)
            return ex.pick(value, tuple(rest))
        if kind == "param":
            return ("param", b.node)
        if kind == "fixed":
            return b.node  # type: ignore[no-any-return]
        if kind == "with":
            node = b.node
            if isinstance(node, ast.Call) and self.qualify(node.func, scope, b.pos) in _TEMP_FOLDERS:
                return ex.cat([ex.lit(_TMP + "/"), UNKNOWN])
            return UNKNOWN
        if kind == "from":
            module, level, name = b.node
            if not level and f"{module}.{name}" in _PATH_TEXTS:  # `from os import pardir`
                return ex.lit(_PATH_TEXTS[f"{module}.{name}"])
            return ("ref", module, level, name)
        return UNKNOWN

    def each(self, node: ast.expr, scope: _Scope, pos: Pos, *, loop: bool = False) -> Expr:
        """The value of one element of iterating ``node`` (``loop``: of the ``for`` statement at ``pos``)."""
        if isinstance(node, ast.Call):
            q = self.qualify(node.func, scope, pos)
            if q in {"builtins.enumerate", "builtins.zip"}:
                return UNKNOWN  # tuples: see element
        inner = self._branch_lists(node, scope, pos) or self.expr(node, scope, pos)
        return ("each", inner, pos) if loop else ("each", inner)

    def _turn(self, binding: _Binding, scope: _Scope, pos: Pos) -> Expr | None:
        """The key of ``x[i]`` where ``i`` counts the turns of a ``for`` loop (:data:`_expr.TURN`): ``for i
        in range(len(names))`` (or ``range(3)``, ``range(1, n)``) and the number of ``for i, name in
        enumerate(names)``; None for any other name."""
        node = binding.node
        if binding.kind == "each-item" and isinstance(node, tuple) and node[1] == 0:
            return (ex.TURN, binding.pos, 0, None) if self._enumerated(node[0], scope, pos) else None
        if binding.kind != "each" or not isinstance(node, ast.Call) or node.keywords:
            return None
        if self.qualify(node.func, scope, pos) != "builtins.range" or not 1 <= len(node.args) <= 2:
            return None
        bounds: list[int | None] = []
        for arg in node.args:
            if isinstance(arg, ast.Constant) and type(arg.value) is int:
                bounds.append(arg.value)
            else:  # `len(names)`, `n`: the lists' own lengths tell where it stops
                bounds.append(None)
        start, stop = (0, bounds[0]) if len(bounds) == 1 else (bounds[0], bounds[1])
        return None if start is None else (ex.TURN, binding.pos, start, stop)

    def _enumerated(self, node: Any, scope: _Scope, pos: Pos) -> bool:
        """Is ``node`` ``enumerate(x)``, counting from 0?"""
        return (
            isinstance(node, ast.Call)
            and len(node.args) == 1
            and not node.keywords
            and self.qualify(node.func, scope, pos) == "builtins.enumerate"
        )

    def _branch_lists(self, node: ast.expr, scope: _Scope, pos: Pos) -> Expr | None:
        """The lists a name set in branches may hold where a loop goes over it (`if vary == "N": sizes =
        [...]` `elif ...: sizes = [...]`, then `for s in sizes:`: manansaxena/fenrir_paper_code's loop
        took the last branch's list only); None for anything else."""
        if not isinstance(node, ast.Name):
            return None
        found = self.lookup(node.id, scope, pos)
        if found is None:
            return None
        binding, where = found
        if not (
            binding.cond
            and where is scope
            and where.stmts is not None
            and binding.pos < pos
            and binding.kind == "assign"
            and isinstance(binding.node, ast.List | ast.Tuple)
            and where.names[node.id][0] is not binding
        ):
            return None
        reached = self.reaching(node.id, where, pos, lists=True)
        return reached if reached is not None and reached[0] in {"alt", "when"} else None

    def element(self, node: ast.expr, scope: _Scope, pos: Pos) -> Expr:
        """One element of iterating ``node`` as a tuple its names take parts of (``for a, b in node``):
        ``zip(x, y)`` gives an element of each, ``enumerate(x)`` a number and an element, ``d.items()`` a
        key and a value, and a list of tuples (``[("t1", "a.csv"), ...]``) one of its tuples."""
        if isinstance(node, ast.Call):
            q = self.qualify(node.func, scope, pos)
            if q == "builtins.enumerate" and node.args:
                return ("list", (UNKNOWN, self.element(node.args[0], scope, pos)))
            if q == "os.walk" and node.args:  # (a folder under the top, its folders' and files' names)
                top = self.expr(node.args[0], scope, pos)
                return ("list", (ex.join([top, ex.UNKNOWN2]), UNKNOWN, UNKNOWN))
            if q == "builtins.zip":
                lists = [self.expr(a, scope, pos) for a in node.args]
                if (
                    len(lists) > 1
                    and all(v[0] == "list" and len(v[1]) == len(lists[0][1]) for v in lists)
                    and ex.lit("") not in (item for v in lists for item in v[1])
                ):
                    # written-out lists: one of their rows (`zip(["a", "b"], ["x.csv", "y.csv"])`; not
                    # `[""]`, a list to fill in: ahansenlab/ZNF143_analysis_code's `mcool_files = [""]`)
                    return ex.alt(("list", row) for row in zip(*(v[1] for v in lists), strict=True))
                return ("list", tuple(self.element(a, scope, pos) for a in node.args))
            if isinstance(node.func, ast.Attribute) and node.func.attr == "items" and not node.args:
                base = self.expr(node.func.value, scope, pos)
                if base[0] == "dict":  # one of its (key, value) pairs
                    pairs = (("list", (ex.lit(k) if isinstance(k, str) else UNKNOWN, v)) for k, v in base[1])
                    return ex.alt(pairs)
                return UNKNOWN
        value = self.expr(node, scope, pos)
        if value[0] == "list" and value[1] and all(v[0] == "list" for v in value[1]):
            return ex.alt(value[1])  # a list of tuples: one of them
        return self.each(node, scope, pos)

    def local_q(self, dotted: str) -> bool:
        """Is the module in a dotted callee (``.utils``, ``pkg.io``) one of the project's own files?"""
        level = len(dotted) - len(dotted.lstrip("."))
        return self.is_local(dotted.lstrip("."), level)

    def name(self, name: str, scope: _Scope, pos: Pos) -> Expr:
        if name == "__file__":
            return UNKNOWN if self.notebook else ("root", self.facts.path)
        found = self.lookup(name, scope, pos)
        if (found is None or found[1] is self.module) and not self.quiet:
            self.wanted.add((name, pos[0], pos[1]))
        if found is None:
            stars = self.local_stars() if name not in _MODULE_NAMES else []
            return ex.alt(("ref", m, lvl, name) for m, lvl in stars) if stars else UNKNOWN
        if found[1] is self.module and name in self.rebound():
            return UNKNOWN  # `OUT = "set in read input"`, and a function sets `global OUT` from sys.argv
        binding, where = found
        carried = self._carried(name, where, pos, binding.pos)
        if carried is not None:  # `for ...: open(f"ckpt_{i}.txt", "w"); i += 1`: set again later in the loop
            value = self.value(*found)
            values = [value, *(UNKNOWN if _counts(b, name) else self.value(b, where) for b in carried)]
            return UNKNOWN if any(ex.is_unknown(v) for v in values) else ex.alt(values)
        if (
            binding.cond
            and where is scope
            and where.stmts is not None
            and binding.pos < pos
            and where.names[name][0] is not binding  # (the first binding: nothing before it to keep)
            and self._pathlike(name, where)
        ):
            reached = self.reaching(name, where, pos)  # `if args.debug: out = "debug"`: either value
            if reached is not None:
                return reached
        if binding.kind in {"each", "each-item"} and not binding.cond:
            last = self._after_loop(binding, where, pos)
            if last is not None:
                return last
        return self.value(*found)

    def _after_loop(self, binding: _Binding, where: _Scope, pos: Pos) -> Expr | None:
        """After a loop over written-out values (``for kind in ["count", "citations"]:``, or
        ``enumerate`` of them), its name holds the last one (syedarehaq/diversify_netsci_paper_analysis:
        a `savefig` after the loop wrote six figures by the tool's count, two in fact); else None."""
        end = self.loop_ends.get(binding.pos)
        if end is None or pos < end:
            return None
        node = binding.node
        if binding.kind == "each-item":
            node, index = node
            if isinstance(node, tuple) or not isinstance(node, ast.Call) or not node.args:
                return None
            q = self.qualify(node.func, where, binding.pos)
            if q == "builtins.enumerate" and index == 1:
                node = node.args[0]
            elif q == "builtins.zip" and index < len(node.args):
                node = node.args[index]
            else:
                return None
        value = self.expr(node, where, binding.pos)
        if value[0] != "list" or not value[1] or value[1][-1][0] != "s":
            return None
        return value[1][-1]  # type: ignore[no-any-return]

    def _carried(self, name: str, where: _Scope, pos: Pos, since: Pos) -> list[_Binding] | None:
        """The bindings of ``name`` after ``pos`` in a loop of ``where`` that holds ``pos``: the next time
        round, the name holds what they set (msf235/Robust_representations_paper_code: `save_ctr += 1`
        after the write of `epoch_{e}_save_{save_ctr}.pt` made every checkpoint `..._save_0.pt`); else
        None."""
        later = [
            b for b in where.names.get(name, ()) if b.cond and b.pos > pos and b.kind in {"assign", "aug"}
        ]
        if not later or not where.stmts:
            return None
        starts = where.starts
        if starts is None:
            starts = where.starts = [
                (cell if cell is not None else 0, st.lineno, st.col_offset) for cell, st in where.stmts
            ]
        i = bisect.bisect_right(starts, pos) - 1  # (the statement that holds ``pos``: one, found at once)
        if i < 0:
            return None
        cell, st = where.stmts[i]
        c = cell if cell is not None else 0
        if not pos < (c, st.end_lineno or 0, st.end_col_offset or 0):
            return None
        loops = _loops_around(st, pos, c)
        # (only where the name is not set again in the loop before ``pos``: ``since``, its last binding,
        # lies before the loop; `txtname = ...` on the line above each read is what it reads)
        found = [b for start, end in loops if since < start <= pos < end for b in later if b.pos < end]
        return list({id(b): b for b in found}.values()) or None

    def _pathlike(self, name: str, where: _Scope) -> bool:
        """May ``name`` hold a path in ``where``: one of its bindings a parameter or an expression that
        may be one (text, ``+``, a name; not a table read or a model fitted)? Only then are its branches
        worked out (a notebook sets `df` and `model` again in many cells)."""
        key = (name, id(where))
        found = self.pathlike.get(key)
        if found is None:
            found = self.pathlike[key] = any(
                b.kind == "param"
                or (
                    b.kind in {"assign", "setitem", "aug"}  # (`name += "_wds"` under an `if`: either name)
                    and isinstance(b.node, ast.expr)
                    and _may_be_path(b.node)
                )
                for b in where.names.get(name, ())
            )
        return found

    def reaching(self, name: str, where: _Scope, pos: Pos, *, lists: bool = False) -> Expr | None:
        """What ``name`` (bound in a branch, loop or ``try`` of ``where``) may hold at ``pos``, going through
        the scope's statements in order: after an ``if`` the value of either side (``("when", ...)``
        where a test on a text decides, one side where a switch or a constant does; a side that
        returns, raises or exits adds nothing), after a loop or a ``try`` the value from before too.
        None when that is no more than the last binding says, or when one of the values is a collection
        (its elements and items are looked up in the last one, as before), unless ``lists`` (a loop over
        the name: each value's elements)."""
        bindings = {b.pos: b for b in where.names[name]}
        functions = self._function_ids(where)
        configured = [False]  #: a test sciship cannot decide on values the author sets in the file

        def at(cell: int | None, line: int | None, col: int | None) -> Pos:
            return (cell if cell is not None else 0, line or 0, col or 0)

        def inside(cell: int | None, body: list[ast.stmt]) -> bool:
            return bool(body) and (
                at(cell, body[0].lineno, body[0].col_offset)
                <= pos
                < at(cell, body[-1].end_lineno, body[-1].end_col_offset)
            )

        def either(a: Expr | None, b: Expr | None, test: ast.expr | None, where_: Pos) -> Expr | None:
            if a is None or b is None or a == b:
                return a if b is None else b if a is None else a
            decided = self._text_test(test, where, where_, 0) if test is not None else None
            if decided is None and test is not None:
                decided = self._none_test(test, where, where_) or self._type_test(test, where, where_)
            if decided is not None:
                subject, how, flip = decided
                return ("when", subject, how, b, a) if flip else ("when", subject, how, a, b)
            if test is not None and self._configured(test):
                configured[0] = True  # `if int(year) >= 2015:` on names the author sets in the file
            return ex.alt([a, b])

        def walk(cell: int | None, stmts: list[ast.stmt], cur: Expr | None) -> tuple[Expr | None, int]:
            """(the value at the end of ``stmts`` or at ``pos``, 1: ``pos`` reached, 2: the block left)"""
            last = stmts[-1] if stmts else None  # (a block is left by its last statement)
            for st in stmts:
                start = at(cell, st.lineno, st.col_offset)
                if start >= pos:
                    return cur, 1
                end = at(cell, st.end_lineno, st.end_col_offset)
                within = pos < end
                if not within:  # a statement that binds the name nowhere in it changes nothing
                    i = bisect.bisect_left(marks, start)
                    if (i == len(marks) or marks[i] >= end) and (st is not last or _leaves(st) is None):
                        continue
                made = bindings.get(start)
                if made is not None and not isinstance(st, ast.If | ast.While | ast.Try):
                    cur = ("@", id(made))  # (a `for` loop's or a `with`'s name: before the body)
                if isinstance(st, ast.If):
                    test = st.test
                    decided: bool | None = None
                    if isinstance(test, ast.Constant) and not isinstance(test.value, str):
                        decided = bool(test.value)
                    else:
                        decided = _endings_test(test)
                        if decided is None:
                            decided = _flag_test(test, self.flags_for(test), functions)
                    parts = [st.body, st.orelse] if decided is None else [st.body if decided else st.orelse]
                    if within:
                        part = next((x for x in parts if inside(cell, x)), None)
                        return walk(cell, part, cur) if part is not None else (cur, 1)
                    kept = [value for value, state in (walk(cell, part, cur) for part in parts) if state != 2]
                    if not kept:
                        return cur, 2
                    cur = kept[0] if len(kept) == 1 else either(kept[0], kept[1], test, start)
                elif isinstance(st, ast.For | ast.AsyncFor | ast.While):
                    if within:
                        if inside(cell, st.body):
                            return walk(cell, st.body, cur)
                        return walk(cell, st.orelse, cur) if inside(cell, st.orelse) else (cur, 1)
                    body, state = walk(cell, st.body, cur)
                    if state != 2:
                        cur = either(cur, body, None, start)  # it may run no time
                    cur, state = walk(cell, st.orelse, cur)
                    if state:
                        return cur, state
                elif isinstance(st, ast.Try) or type(st).__name__ == "TryStar":
                    handlers = [h.body for h in st.handlers]  # type: ignore[attr-defined]
                    blocks = [st.body, *handlers, st.orelse, st.finalbody]  # type: ignore[attr-defined]
                    if within:
                        block = next((x for x in blocks if inside(cell, x)), None)
                        return walk(cell, block, cur) if block is not None else (cur, 1)
                    body, state = walk(cell, st.body, cur)  # type: ignore[attr-defined]
                    ends = [walk(cell, st.orelse, body)] if state != 2 else []  # type: ignore[attr-defined]
                    stopped = either(cur, body, None, start) if state != 2 else cur
                    ends.extend(walk(cell, handler, stopped) for handler in handlers)  # (stopped anywhere)
                    kept = [value for value, state_ in ends if state_ != 2]
                    if not kept:
                        return cur, 2
                    cur = kept[0]
                    for value in kept[1:]:
                        cur = either(cur, value, None, start)
                    cur, state = walk(cell, st.finalbody, cur)  # type: ignore[attr-defined]
                    if state:
                        return cur, state
                elif isinstance(st, ast.With | ast.AsyncWith):
                    cur, state = walk(cell, st.body, cur)
                    if state:
                        return cur, state
                elif type(st).__name__ == "Match":
                    cases = [case.body for case in st.cases]  # type: ignore[attr-defined]
                    if within:
                        block = next((x for x in cases if inside(cell, x)), None)
                        return walk(cell, block, cur) if block is not None else (cur, 1)
                    for block in cases:
                        value, state = walk(cell, block, cur)
                        if state != 2:
                            cur = either(cur, value, None, start)
                elif within:
                    return cur, 1
                elif st is last and _leaves(st) is not None:
                    return cur, 2
            return cur, 0

        stmts = where.stmts or []
        first = at(stmts[0][0], stmts[0][1].lineno, stmts[0][1].col_offset) if stmts else pos
        earlier = [b for b in bindings.values() if b.pos < first]  # a function's parameters
        # the walk keeps ``("@", id(binding))`` for a binding's value: only those it ends with are worked out
        cur = ("@", id(max(earlier, key=lambda b: b.pos))) if earlier else None
        # only the statements of the scope that bind the name, or hold ``pos``, can change what it holds
        # there
        starts = where.starts
        if starts is None:
            starts = where.starts = [at(cell, st.lineno, st.col_offset) for cell, st in stmts]
        here = bisect.bisect_right(starts, pos) - 1
        key = None
        if here < 0 or not isinstance(stmts[here][1], _COMPOUND):  # the same for every place in a line
            key = (name, id(where), here, lists)
            if key in self.reached:
                return self.reached[key]
        marks = sorted(bindings)
        wanted = {bisect.bisect_right(starts, m) - 1 for m in marks if m >= first}
        wanted.add(here)
        state = 0
        for index in sorted(i for i in wanted if i >= 0):
            cell, st = stmts[index]
            cur, state = walk(cell, [st], cur)
            if state:
                break
        if cur is not None and not configured[0]:
            by_id = {id(b): b for b in bindings.values()}
            cur = _put_values(cur, lambda i: self.value(by_id[i], where))
        found = None if configured[0] or cur is None or (_collection(cur) and not lists) else cur
        if key is not None:  # (for a test on settings of the file: the last value, as it was)
            self.reached[key] = found
        return found

    def _none_test(self, test: ast.expr, scope: _Scope, pos: Pos) -> tuple[Expr, str, bool] | None:
        """A test whether a name is unset (``x is None``, ``x == None``, ``not x``; negated: ``x is not
        None``, ``if x:``): (its value, ``"none"``, whether negated)."""
        flip = False
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            test, flip = test.operand, True
        subject: ast.expr | None = None
        if isinstance(test, ast.Name):
            subject, flip = test, not flip  # `if x:` holds when x is set
        elif (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.left, ast.Name)
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value is None
        ):
            op = test.ops[0]
            if isinstance(op, ast.Is | ast.Eq):
                subject = test.left
            elif isinstance(op, ast.IsNot | ast.NotEq):
                subject, flip = test.left, not flip
        if subject is None:
            return None
        return self.expr(subject, scope, pos), "none", flip

    def _type_test(self, test: ast.expr, scope: _Scope, pos: Pos) -> tuple[Expr, str, bool] | None:
        """A test whether a name holds a text (``isinstance(x, str)``; negated with ``not``): (its value,
        ``"text"``, whether negated). ``output = logs / output`` under it runs when ``output`` is the
        default ``"summary.csv"`` (harpy_figures)."""
        flip = False
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            test, flip = test.operand, True
        if (
            isinstance(test, ast.Call)
            and isinstance(test.func, ast.Name)
            and test.func.id == "isinstance"
            and len(test.args) == 2
            and isinstance(test.args[0], ast.Name)
            and isinstance(test.args[1], ast.Name)
            and test.args[1].id == "str"
        ):
            return self.expr(test.args[0], scope, pos), "text", flip
        return None

    def _configured(self, test: ast.expr) -> bool:
        """Does ``test`` only look at names the file binds once, at its top, to a constant (settings the
        author edits, like ``aaend = "2014"`` in ``if int(aaend) >= 2015:``)?"""
        names = [
            n.id
            for n in ast.walk(test)
            if isinstance(n, ast.Name) and n.id not in {"int", "float", "str", "len", "bool"}
        ]
        return bool(names) and all(
            len(self.module.names.get(name, ())) == 1
            and self.module.names[name][0].kind == "assign"
            and isinstance(self.module.names[name][0].node, ast.Constant)
            for name in names
        )

    def _function_ids(self, scope: _Scope) -> list[int]:
        """The functions (by id of their node) whose scopes hold ``scope``, outermost first."""
        ids = {id(s): key for key, s in self.scopes.items()}
        out = []
        s: _Scope | None = scope
        while s is not None:
            if id(s) in ids:
                out.append(ids[id(s)])
            s = s.parent
        return out[::-1]

    def rebound(self) -> frozenset[str]:
        """The module's names some function sets (``global name`` in it): their module-level value may be
        replaced by the time a path uses them."""
        if self._rebound is None:
            names: set[str] = set()
            if self.rebinds:
                # (a function that only reads `global OUTPUT_PATH` changes nothing: bio-analysis-scripts)
                # each outermost function once (what a function nested in it declares and sets, it does
                # too), found through the blocks of statements only: a function is a statement
                todo: list[ast.AST] = [s for _cell, body in self.bodies for s in body]
                while todo:
                    fn = todo.pop()
                    if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                        todo.extend(_blocks(fn))
                        continue
                    declared: set[str] = set()
                    stored: set[str] = set()
                    for n in ast.walk(fn):
                        if isinstance(n, ast.Global):
                            declared.update(n.names)
                        elif isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                            stored.add(n.id)
                    names.update(declared & stored)
            self._rebound = frozenset(names)
        return self._rebound

    def local_stars(self) -> list[tuple[str, int]]:
        """Modules of the project imported with ``*`` (their names are not known here)."""
        return [(m, lvl) for m, lvl in self.module.star if self.is_local(m, lvl)]

    def qualify(self, node: ast.expr, scope: _Scope, pos: Pos) -> str | None:
        """The dotted name a callee stands for (``np.save`` -> ``numpy.save``), following imports."""
        if isinstance(node, ast.Attribute):
            base = self.qualify(node.value, scope, pos)
            return f"{base}.{node.attr}" if base else None
        if not isinstance(node, ast.Name):
            return None
        found = self.lookup(node.id, scope, pos)
        if found is not None:
            b = found[0]
            if b.kind == "module":
                return str(b.node)
            if b.kind == "from":
                module, level, name = b.node
                return str(("." * level) + (f"{module}.{name}" if module else name))
            return None
        for module, _level in self.module.star:
            q = f"{module}.{node.id}"
            if q in FUNCTIONS or q in _PATH_CONSTRUCTORS or q in _SAME:
                return q
        if self.module.star and node.id in _CONVENTIONAL:  # `from helpers import *`, which did the
            return _CONVENTIONAL[node.id]  # `import numpy as np`: the name everybody gives numpy
        if node.id in _PASTED_ALIASES:  # bound nowhere in the file: a fragment pasted without its imports
            return _CONVENTIONAL[node.id]  # (Seasonal-Ocean-Analysis-Gulf-of-Guinea's `xr.open_dataset`)
        if node.id == "__file__" or node.id in _MODULE_NAMES:  # `__file__.replace(".py", ".png")`: a text
            return None
        return f"builtins.{node.id}"

    def argument(self, node: ast.expr, scope: _Scope, pos: Pos) -> Expr:
        """An argument of a call, or a parameter's default: its path expression, or for ``True``,
        ``False``, ``None`` or a number, that constant (``("k", "False")``): no part of a path, but it
        decides ``if plot:`` in the function called."""
        if isinstance(node, ast.Constant) and not isinstance(node.value, str | bytes | type(...)):
            return ("k", repr(node.value))
        if isinstance(node, ast.Name):  # `save(df, FILENAME_VARIABLE)` after `FILENAME_VARIABLE = None`
            found = self.lookup(node.id, scope, pos)
            if (
                found is not None
                and len(found[1].names.get(node.id, ())) == 1
                and found[0].kind == "assign"
                and isinstance(found[0].node, ast.Constant)
                and not isinstance(found[0].node.value, str | bytes | type(...))
            ):
                return ("k", repr(found[0].node.value))
        return self.expr(node, scope, pos)

    def expr(self, node: ast.expr | None, scope: _Scope, pos: Pos, depth: int = 0) -> Expr:
        """The path expression for ``node`` (unknown where a static reader cannot tell)."""
        if node is None or depth > 30:
            return UNKNOWN
        d = depth + 1
        if isinstance(node, ast.NamedExpr):  # `f(out := base / "x.pqt")`: its value (IBL's RIGOR notebook)
            return self.expr(node.value, scope, pos, d)
        if isinstance(node, ast.Attribute | ast.Subscript) and (given := self._snakemake(node, scope, pos)):
            return ("opt", UNKNOWN, given, "")  # what the Snakefile's rule that runs the script names
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):
                return ex.lit(node.value)
            if isinstance(node.value, bytes):
                return ex.lit(node.value.decode("latin-1"))
            if isinstance(node.value, int | float) and not isinstance(node.value, bool):
                return ("k", repr(node.value))  # no part of a path, but text in `f"run_{n}.csv"`
            return UNKNOWN
        if isinstance(node, ast.JoinedStr):
            parts: list[Expr] = []
            for v in node.values:
                if isinstance(v, ast.Constant) and isinstance(v.value, str):
                    parts.append(ex.lit(v.value))
                elif isinstance(v, ast.FormattedValue):
                    plain = v.format_spec is None and v.conversion in (-1, 115)
                    parts.append(_text(self.expr(v.value, scope, pos, d)) if plain else UNKNOWN)
                else:
                    parts.append(UNKNOWN)
            return ex.cat(parts)
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Mod) and not _numeric(node.left):
                return self.percent(node, scope, pos, d)
            if not isinstance(node.op, ast.Add | ast.Div | ast.Sub | ast.Mult | ast.FloorDiv | ast.Mod):
                return UNKNOWN
            left, right = self.expr(node.left, scope, pos, d), self.expr(node.right, scope, pos, d)
            if left[0] == "k" and right[0] == "k":  # numbers the code sets: `nt0 = dim * 10`
                return _arithmetic(node.op, left[1], right[1])
            if isinstance(node.op, ast.Add):
                return ex.cat([left, right])
            if isinstance(node.op, ast.Div):
                return ex.join([left, right])
            return UNKNOWN
        if isinstance(node, ast.Name):
            return self.name(node.id, scope, pos)
        if isinstance(node, ast.Attribute):
            return self.attribute(node, scope, pos, d)
        if isinstance(node, ast.Subscript):
            hydra = self._hydra_key(node, scope, pos)
            if hydra is not None:
                return hydra
            key = node.slice
            if (
                isinstance(key, ast.Slice)
                and isinstance(key.lower, ast.Constant)
                and type(key.lower.value) is int
                and key.lower.value >= 1
                and key.upper is None
                and key.step is None
                and self.qualify(node.value, scope, pos) == "sys.argv"
            ):
                # the words of the command line from the k-th on (`for filename in sys.argv[1:]`, as
                # AllenDowney/PoliticalAlignmentCaseStudy's scrub_code.py reads the notebooks its Makefile
                # names): what the pipelines that run the step give it
                return ("opt", UNKNOWN, f"#{key.lower.value}:", "")
            if isinstance(key, ast.Slice):
                return self._sliced(self.expr(node.value, scope, pos, d), key)
            if (
                isinstance(key, ast.UnaryOp)
                and isinstance(key.op, ast.USub)
                and isinstance(key.operand, ast.Constant)
            ):
                k: Any = -key.operand.value if isinstance(key.operand.value, int) else None
            elif isinstance(key, ast.Constant) and isinstance(key.value, int | str):
                k = key.value
            elif isinstance(key, ast.Name):  # `files[i]`: one of a glob's files (see `_expr._item`)
                found = self.lookup(key.id, scope, pos)
                # `save_locs[idx]` with `idx` a parameter: the element its calls pick (balajisriram/
                # v1-paper-analysis: `process_session(0, ...)` wrote to both folders of the list)
                k = ("param", key.id) if found is not None and found[0].kind == "param" else ex.ANY_KEY
                if found is not None and found[1] is scope:
                    k = self._turn(found[0], scope, pos) or k
                if (
                    k == ex.ANY_KEY
                    and found is not None
                    and found[0].kind == "assign"
                    and not found[0].cond
                    and len(found[1].names[key.id]) == 1
                    and not (found[1] is self.module and key.id in self.rebound())
                ):
                    # `EOF_MODE = ["ENSO", "AO", "PDO"][mode_selection]` with `mode_selection = 2`, set once:
                    # that element (meteorologytoday/plots-A-Hierarchy-of-Global-Ocean-Models-Coupled-to-
                    # CESM1: plot_fig05.py read and wrote the files of all five modes)
                    set_to = self.expr(key, scope, pos, d)
                    if set_to[0] == "k" and isinstance(set_to[1], str) and set_to[1].lstrip("-").isdigit():
                        k = int(set_to[1])
                    elif set_to[0] == "s" and isinstance(set_to[1], str):
                        k = set_to[1]
            elif isinstance(key, ast.BinOp | ast.Attribute | ast.Call | ast.Subscript):
                # `fp_load[(x + i) % 2]`: one of the list's elements (adrian-valente/populations_paper_code:
                # three files a notebook hands down were never read)
                k = ex.ANY_KEY
            else:
                return UNKNOWN
            if k is None:
                return UNKNOWN
            if isinstance(k, int) and k >= 1 and self.qualify(node.value, scope, pos) == "sys.argv":
                return ("opt", UNKNOWN, f"#{k}", "")  # what the pipelines that run the step give it
            if k == 0 and self.qualify(node.value, scope, pos) == "sys.argv":
                # the script itself, as run (`Path(sys.argv[0]).parent / "input"`: ashlar-paper-figures)
                return UNKNOWN if self.notebook else ("root", self.facts.path)
            if isinstance(k, int):
                part = self._split_part(node.value, k, scope, pos, d)
                if part is not None:
                    return part
            base = self.expr(node.value, scope, pos, d)
            if base == ("args",):  # parse_known_args()[0]
                return base
            if isinstance(k, str) and k != ex.ANY_KEY and (value := _config_key(base, k)) is not None:
                return value  # `cfg["data"]["raw"]` of a settings file the code loads
            return UNKNOWN if ex.is_unknown(base) else ("item", base, k)
        if isinstance(node, ast.Call):
            return self.call_value(node, scope, pos, d)
        if isinstance(node, ast.IfExp):
            body, orelse = self.expr(node.body, scope, pos, d), self.expr(node.orelse, scope, pos, d)
            test = self._text_test(node.test, scope, pos, d)
            if test is None:  # `"_warped" if parsed else ""`: decided when the code sets `parsed`
                test = self._none_test(node.test, scope, pos)
            if test is not None:  # `f if f.endswith(".hdf5") else f + ".hdf5"`: decided when f is known
                subject, how, flip = test
                return ("when", subject, how, orelse, body) if flip else ("when", subject, how, body, orelse)
            return ex.alt([body, orelse])
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            return ex.alt(self.expr(v, scope, pos, d) for v in node.values)
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            if len(node.elts) > ex.MAX_ALTERNATIVES:
                return UNKNOWN
            return (
                "list",
                tuple(
                    UNKNOWN if isinstance(e, ast.Starred) else self.expr(e, scope, pos, d) for e in node.elts
                ),
            )
        if isinstance(node, ast.Dict):
            items: list[tuple[str | int | None, Expr]] = []
            for k_node, v_node in zip(node.keys, node.values, strict=True):
                if isinstance(k_node, ast.Constant) and isinstance(k_node.value, str | int):
                    items.append((k_node.value, self.expr(v_node, scope, pos, d)))
                else:  # (a key no look-up names, `None:`, or `**more`: one of the values all the same)
                    items.append((None, UNKNOWN if k_node is None else self.expr(v_node, scope, pos, d)))
            named = any(k is not None for k, _v in items)
            return ("dict", tuple(items)) if named and len(items) <= 64 else UNKNOWN
        if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp) and len(node.generators) == 1:
            inner = self._comp_scope(node, scope, pos)
            elt = self.expr(node.elt, inner, pos, d)
            for cond in node.generators[0].ifs:  # `[f for f in os.listdir(".") if f.startswith("run_")]`
                narrowing = self.name_filter(cond, inner, pos) if isinstance(cond, ast.Call) else None
                if narrowing is not None:
                    elt = _unsettled(elt, [narrowing])
            return ("list", (elt,))
        return UNKNOWN

    def name_filter(self, test: ast.Call, scope: _Scope, pos: Pos) -> Cond | None:
        """``f.endswith(".csv")`` (or ``startswith``) on a name a listing gives (``for f in os.listdir():``):
        a test that narrows the pattern its paths read under it (``*.csv``), as a :data:`Cond` only
        :func:`_unsettled` reads; None for any other test."""
        func = test.func
        if not (isinstance(func, ast.Attribute) and func.attr in {"endswith", "startswith"}):
            return None
        literals = _string_literals(test.args[0]) if len(test.args) == 1 and not test.keywords else None
        if not literals:
            return None
        self.quiet += 1
        try:
            value = self.expr(func.value, scope, pos)
        finally:
            self.quiet -= 1
        how = "end" if func.attr == "endswith" else "start"
        if _narrowed_listing(value, how, literals) is None:
            return None
        return (value, (_NAME_FILTER, how, *literals), True)

    def _text_test(
        self, test: ast.expr, scope: _Scope, pos: Pos, depth: int
    ) -> tuple[Expr, str, bool] | None:
        """A test on a text a path may be built from: (the text, what is tested, whether it is negated).
        What is tested is written ``eq<US>a<US>b``, ``end<US>.h5`` or ``start<US>x`` (US: unit separator)."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = self._text_test(test.operand, scope, pos, depth)
            return (inner[0], inner[1], not inner[2]) if inner else None
        subject: ast.expr | None = None
        how = ""
        flip = False
        if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and len(test.args) == 1:
            literals = _string_literals(test.args[0])
            if literals and test.func.attr in {"endswith", "startswith"}:
                subject = test.func.value
                how = "\x1f".join(("end" if test.func.attr == "endswith" else "start", *literals))
        elif isinstance(test, ast.Compare) and len(test.ops) == 1:
            left, op, right = test.left, test.ops[0], test.comparators[0]
            literals = _string_literals(right)
            if literals and isinstance(op, ast.Eq | ast.NotEq | ast.In | ast.NotIn):
                flip = isinstance(op, ast.NotEq | ast.NotIn)
                how = "\x1f".join(("eq", *literals))
                subject = left
                sl = left.slice if isinstance(left, ast.Subscript) else None
                if (  # `name[-5:] == ".hdf5"`
                    isinstance(sl, ast.Slice)
                    and sl.upper is None
                    and sl.step is None
                    and isinstance(sl.lower, ast.UnaryOp)
                    and isinstance(sl.lower.op, ast.USub)
                    and isinstance(sl.lower.operand, ast.Constant)
                    and isinstance(op, ast.Eq | ast.NotEq)
                    and len(literals) == 1
                    and sl.lower.operand.value == len(literals[0])
                ):
                    subject = left.value if isinstance(left, ast.Subscript) else left
                    how = "\x1f".join(("end", *literals))
        if subject is None:
            return None
        self.quiet += 1
        try:
            value = self.expr(subject, scope, pos, depth)
        finally:
            self.quiet -= 1
        return None if ex.is_unknown(value) else (value, how, flip)

    @staticmethod
    def _sliced(base: Expr, key: ast.Slice) -> Expr:
        """``base[a:b]``: of a list or a glob, some of its elements (each one like them all); of a path, from
        its start (``[:n]``), its folder and an unknown start of its name (``path[:-4] + ".png"``: a figure
        beside the data file; ``files[0][:-30] + "center_"``: a file in the folder of the first one)."""
        if ex.is_unknown(base) or _collection(base):
            return base
        if (  # `os.path.basename(p)[:-4]`: the text without its last 4 characters, where they are known
            key.lower is None
            and key.step is None
            and isinstance(key.upper, ast.UnaryOp)
            and isinstance(key.upper.op, ast.USub)
            and isinstance(key.upper.operand, ast.Constant)
            and type(key.upper.operand.value) is int
            and 0 < key.upper.operand.value < 40
        ):
            return ("cut", base, -key.upper.operand.value)
        if key.lower is None and key.step is None:
            return ex.join([("parent", base, 1), UNKNOWN])
        return UNKNOWN

    def _base(self, base: ast.expr, pos: Pos) -> Expr | None:
        """A class of the project a class derives from: defined here (``("local", name)``) or in one of
        the folder's modules (``("ref", module, level, name)``)."""
        if isinstance(base, ast.Name):
            found = self.lookup(base.id, self.module, pos)
            if found is not None and found[0].kind == "class" and found[1] is self.module:
                return ("local", base.id)
        return self._own_function(base, self.module, pos)

    def _own_function(self, func: ast.expr, scope: _Scope, pos: Pos) -> Expr | None:
        """The project's function a call calls (``plot_dir(...)`` defined here, ``fxn.plot_dir(...)`` of a
        local module, one imported by name): ``("local", name)`` or ``("ref", module, level, name)``."""
        if isinstance(func, ast.Name):
            found = self.lookup(func.id, scope, pos)
            if found is None:
                return None
            b = found[0]
            if b.kind == "def" and found[1] is self.module:
                return ("local", self.def_key(func.id, b.node))
            if b.kind == "from":
                module, level, name = b.node
                if self.is_local(module, level):
                    return ("ref", module, level, name)
            return None
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            found = self.lookup(func.value.id, scope, pos)
            if found is None:
                return None
            b = found[0]
            if b.kind == "param" and found[1].selfname == func.value.id and found[1].owner:
                # `self._get_filename(name)`: another method of the class (kiudee/lifu-simulation-code:
                # the `sim/` it puts before each name was lost)
                return ("member", ("local", found[1].owner), func.attr)
            if b.kind == "module" and self.local_q(str(b.node)):  # (`..config.settings`: see _loaded_module)
                dotted = str(b.node)
                return ("ref", dotted.lstrip("."), len(dotted) - len(dotted.lstrip(".")), func.attr)
            if b.kind == "from":
                module, level, name = b.node
                sub = f"{module}.{name}" if module else name
                if self.is_local(sub, level):
                    return ("ref", sub, level, func.attr)
        return None

    def _snakemake(self, node: ast.Attribute | ast.Subscript, scope: _Scope, pos: Pos) -> str:
        """The file names a Snakefile's rule gives the script it runs with ``script:``: ``snakemake.input``
        (all of them), ``snakemake.input[0]``, ``snakemake.output.fig`` (or ``["fig"]``), as the key the
        trace gives them by (``snakemake.input``, ``snakemake.input[0]``, ``snakemake.output.fig``); also
        ``params``, ``log`` and ``wildcards``. "" for anything else, and where the file binds the name
        ``snakemake`` itself (QuaSiMoDooooo/CV-QTL-manuscript-scripts: `pd.read_csv(snakemake.input[0])`
        read nothing)."""
        key = ""
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            value = node.slice.value
            key = f"[{value}]" if isinstance(value, int) and not isinstance(value, bool) else ""
            key = f".{value}" if isinstance(value, str) and value.isidentifier() else key
            if not key:
                return ""
            node = node.value  # type: ignore[assignment]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
            key, node = f".{node.attr}", node.value
        if not (
            isinstance(node, ast.Attribute)
            and node.attr in {"input", "output", "params", "log", "wildcards"}
            and isinstance(node.value, ast.Name)
            and node.value.id == "snakemake"
            and self.lookup("snakemake", scope, pos) is None
        ):
            return ""
        return f"snakemake.{node.attr}{key}"

    def attribute(self, node: ast.Attribute, scope: _Scope, pos: Pos, depth: int) -> Expr:
        q = self.qualify(node, scope, pos)
        if q in _PATH_TEXTS:
            return ex.lit(_PATH_TEXTS[q])
        if q is not None and isinstance(node.value, ast.Name | ast.Attribute):
            base_q = self.qualify(node.value, scope, pos)
            found = self.lookup(_root_name(node.value), scope, pos)
            if base_q and found and found[0].kind in {"module", "from"} and self.local_q(base_q):
                level = len(base_q) - len(base_q.lstrip("."))
                return ("ref", base_q.lstrip("."), level, node.attr)
        if isinstance(node.value, ast.Name):  # an attribute of a class: `Paths.data`, `wofunits.paths`
            found = self.lookup(node.value.id, scope, pos)
            if found is not None and found[0].kind == "class":
                value = self._class_attributes(found[0].node, found[0].pos).get(node.attr)
                if value is not None:
                    return value
            elif found is not None and found[0].kind == "from":
                module, level, name = found[0].node
                if self.is_local(module, level):
                    return ("ref", module, level, f"{name}.{node.attr}")
        hydra = self._hydra_key(node, scope, pos)
        if hydra is not None:
            return hydra
        attr = node.attr
        if self._omegaconf(node.value, scope, pos):
            # `cfg.data.raw` of a settings file OmegaConf loads (a dict that yaml or json loads has no
            # attributes: its names are methods)
            settings = self.expr(node.value, scope, pos, depth)
            if settings[0] == "ref" and str(settings[1]).startswith(CONFIG + "omegaconf:"):
                return _config_key(settings, attr) or UNKNOWN
        if isinstance(node.value, ast.Name):  # `self.data_dir` in a method: what the object was made with
            found = self.lookup(node.value.id, scope, pos)
            if found is not None and found[0].kind == "param" and found[1].selfname == node.value.id:
                return ("param", f"self.{attr}")
        if isinstance(node.value, ast.Name | ast.Call | ast.Subscript):
            base = self.expr(node.value, scope, pos, depth) if not isinstance(node.value, ast.Name) else None
            if base is None:
                found = self.lookup(node.value.id, scope, pos)  # type: ignore[union-attr]
                base = self.value(*found) if found and found[0].kind in {"assign", "assign-item"} else None
                if base is None and found and found[0].kind == "param" and attr in self.declared:
                    # `def main(args): np.load(args.model_path)`, called with the parsed options: an option
                    # this file declares (ligerlac/ml4physics-paper-plots: the defaults were lost)
                    base = ("args",)
            if base == ("args",):  # argparse: the option's default is what runs without options
                option = self.options.get(attr)
                default = (
                    UNKNOWN
                    if option is None
                    else option[0]
                    if isinstance(option[0], tuple)  # (already an expression: the choices)
                    else self.expr(option[0], self.module, option[1], depth)
                )
                if default == ex.lit(""):  # `default=''`: not given (Rozen-Lab/sig_attribution_paper_code:
                    default = UNKNOWN  # `sigProfiler__signatures.csv`, 28 false missing inputs)
                if attr in self.declared:  # a pipeline that runs the file may give it (see _trace)
                    return ("opt", default, attr, self.facts.path)
                return ex.chosen(default) if option else UNKNOWN
        if attr == "parent":
            return ("parent", self.expr(node.value, scope, pos, depth), 1)
        if attr == "parents":
            return ("parents", self.expr(node.value, scope, pos, depth))
        if attr in _PART_ATTRS:
            return ("part", self.expr(node.value, scope, pos, depth), _PART_ATTRS[attr])
        if attr == "path":  # os.DirEntry.path
            return self.expr(node.value, scope, pos, depth)
        return UNKNOWN

    def _hydra_key(self, node: ast.expr, scope: _Scope, pos: Pos) -> Expr | None:
        """``cfg.data.path`` (or ``cfg["data"]["path"]``) in a function Hydra runs, ``cfg`` its
        configuration: the value the configuration files give that key (``("ref", HYDRA + "conf/config",
        0, "data.path")``, looked up when the flow is traced); None for anything else."""
        keys: list[str] = []
        while True:
            if isinstance(node, ast.Attribute):
                keys.append(node.attr)
                node = node.value
            elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
                if not isinstance(node.slice.value, str):
                    return None
                keys.append(node.slice.value)
                node = node.value
            else:
                break
        if not keys or not isinstance(node, ast.Name):
            return None
        found = self.lookup(node.id, scope, pos)
        if found is None or found[0].kind != "param":
            return None
        hydra = found[1].hydra
        if hydra is None or hydra[0] != node.id:
            return None
        return ("ref", hydra[1], 0, ".".join(reversed(keys)))

    def _omegaconf(self, node: ast.expr, scope: _Scope, pos: Pos) -> bool:
        """Is ``node`` (``cfg``, ``cfg.data``) a name given ``OmegaConf.load(...)``, or an attribute of it?"""
        while isinstance(node, ast.Attribute):
            node = node.value
        if not isinstance(node, ast.Name):
            return False
        found = self.lookup(node.id, scope, pos)
        if found is None or found[0].kind != "assign" or not isinstance(found[0].node, ast.Call):
            return False
        return self.qualify(found[0].node.func, found[1], found[0].pos) == "omegaconf.OmegaConf.load"

    def _config_file(self, arg: ast.expr, kind: str, scope: _Scope, pos: Pos, depth: int) -> Expr:
        """What ``yaml.safe_load(arg)`` (``json.load``, ``OmegaConf.load``) returns, when ``arg`` is a file
        the code opens (``open(p)``, ``Path(p).read_text()``, ``f`` of ``with open(p) as f:``; for
        OmegaConf, the path itself): the whole settings file, ``("ref", CONFIG + kind + ":" + <p as JSON>,
        0, "")``, whose values the trace reads from the file in the folder (see :data:`CONFIG`)."""
        import json

        path: ast.expr | None = arg if kind == "omegaconf" else None
        node: ast.expr | None = arg
        if isinstance(node, ast.Name):  # `with open(p) as f:`, `f = open(p)`
            found = self.lookup(node.id, scope, pos)
            node = found[0].node if found is not None and found[0].kind in {"with", "assign"} else None
        method = node.func if isinstance(node, ast.Call) and not node.args else None
        if isinstance(method, ast.Attribute):
            if method.attr == "read" and isinstance(method.value, ast.Call):
                node = method.value  # `open(p).read()`
            elif method.attr in {"read_text", "open"}:  # `Path(p).read_text()`, `Path(p).open()`
                path = method.value
                node = None
        if (
            isinstance(node, ast.Call)
            and node.args
            and not isinstance(node.args[0], ast.Starred)
            and self.qualify(node.func, scope, pos) in {"builtins.open", "io.open", "codecs.open"}
        ):
            path = node.args[0]
        if path is None:
            return UNKNOWN
        where = self.expr(path, scope, pos, depth)
        if ex.is_unknown(where):
            return UNKNOWN
        return ("ref", CONFIG + kind + ":" + json.dumps(where, separators=(",", ":")), 0, "")

    def call_value(self, node: ast.Call, scope: _Scope, pos: Pos, depth: int) -> Expr:
        """The value a call returns, for the calls that build paths."""
        if any(isinstance(a, ast.Starred) for a in node.args):
            return UNKNOWN

        args = node.args
        kwargs = {k.arg: k.value for k in node.keywords if k.arg}
        q = self.qualify(node.func, scope, pos)
        if q in {"os.sep.join", "os.path.sep.join"} and len(args) == 1:
            return self._joined_with(cast(ast.Attribute, node.func).value, args[0], scope, pos, depth)
        if q == "path.Path" and self.is_local("path", 0):
            q = None  # (the folder's own `path.py`)
        if q in _PATH_CONSTRUCTORS or q == "os.path.join":
            if not args:
                return ex.lit(".")
            return ex.join(self.expr(a, scope, pos, depth) for a in args)
        if q and q.rpartition(".")[2] == "project_paths_join" and args:
            # econ-project-templates' waf builds: `ppj("OUT_DATA", "grid.pickle")`, a folder the build
            # configures (wscript) and a name: some folder's `grid.pickle`
            return ex.join([("**",), *(self.expr(a, scope, pos, depth) for a in args[1:])])
        if q == "builtins.str" and args:  # `str(n)`: a number's digits too
            return _text(self.expr(args[0], scope, pos, depth))
        if q == "builtins.dict" and not args and node.keywords and all(k.arg for k in node.keywords):
            # `dict(npz="d/one.npz", tag="x")`, as `{"npz": ...}` is
            items = tuple((k.arg, self.expr(k.value, scope, pos, depth)) for k in node.keywords if k.arg)
            return ("dict", items) if len(items) <= 64 else UNKNOWN
        if q in _SAME or (q and q.endswith(".tqdm")):
            return self.expr(args[0], scope, pos, depth) if args else UNKNOWN
        if q in {"builtins.max", "builtins.min"} and len(args) == 1:
            # the newest of the files (`max(glob.glob("runs/*.pkl"), key=os.path.getmtime)`): one of them,
            # as `sorted(...)[-1]` is (arcadia_reproducibility)
            base = self.expr(args[0], scope, pos, depth)
            return UNKNOWN if ex.is_unknown(base) else ("item", base, -1)
        if q == "os.path.dirname" and args:
            return ("parent", self.expr(args[0], scope, pos, depth), 1)
        if q == "os.path.basename" and args:
            return ("part", self.expr(args[0], scope, pos, depth), "name")
        if q == "os.path.split" and args:  # `folder, name = os.path.split(p)` (gravitymachine)
            whole = self.expr(args[0], scope, pos, depth)
            if ex.is_unknown(whole):
                return UNKNOWN
            return ("list", (("parent", whole, 1), ("part", whole, "name")))
        if q == "os.path.splitext" and args:
            return ("splitext", self.expr(args[0], scope, pos, depth))
        if q == "os.path.expandvars" and args:
            inner = self.expr(args[0], scope, pos, depth)
            if inner[0] == "s" and "$" in inner[1]:
                return ex.cat(_split_vars(inner[1]))
            return inner
        if q in {"os.getcwd", "pathlib.Path.cwd"}:
            return ("cwd", pos)
        if q == "pathlib.Path.home":
            return ("home",)
        if q in _TEMP_FOLDERS or q in _TEMP_NAMES:  # the system's temporary folder: never shared
            if q in {"tempfile.gettempdir", "tempfile.gettempdirb"}:
                return ex.lit(_TMP)
            return ex.cat([ex.lit(_TMP + "/"), UNKNOWN])
        if q is not None and q.rpartition(".")[2] in _USER_FOLDERS and q.partition(".")[0] in _DIRS_MODULES:
            app = args[0] if args else kwargs.get("appname") or kwargs.get("project")
            base = ex.lit(_USER_FOLDERS[q.rpartition(".")[2]])
            return ex.join([base, self.expr(app, scope, pos, depth)]) if app is not None else base
        if q in {"glob.glob", "glob.iglob"} and (args or "pathname" in kwargs):
            recursive = any(
                k.arg == "recursive" and isinstance(k.value, ast.Constant) and k.value.value
                for k in node.keywords
            )
            pattern = self.expr(args[0] if args else kwargs["pathname"], scope, pos, depth)
            root = kwargs.get("root_dir")
            if root is not None:
                pattern = ex.join([self.expr(root, scope, pos, depth), pattern])
            return ("glob", pattern, bool(recursive))
        if q == "os.listdir":
            return ("glob", ex.lit("*"), False)
        if q in {"os.environ.get", "os.getenv"}:
            return ex.chosen(self.expr(args[1], scope, pos, depth)) if len(args) > 1 else UNKNOWN
        if q in _CONFIG_LOADERS and args:
            return self._config_file(args[0], _CONFIG_LOADERS[q], scope, pos, depth)
        if isinstance(node.func, ast.Name):  # `args = parse_args()`, the script's own function
            found = self.lookup(node.func.id, scope, pos)
            if found is not None and found[0].kind == "def" and _returns_parsed_args(found[0].node):
                return ("args",)
        callee = self._own_function(node.func, scope, pos)
        if callee is not None:  # a function of the project: what it returns, with these arguments
            given = tuple(self.argument(a, scope, pos) for a in node.args)
            named = tuple((k.arg, self.argument(k.value, scope, pos)) for k in node.keywords if k.arg)
            return ("ret", callee, given, named)
        if isinstance(node.func, ast.Attribute) and (q is None or not _is_module_call(q)):
            return self.method_value(node, scope, pos, depth)
        return UNKNOWN

    def _split_part(self, node: ast.expr, k: int, scope: _Scope, pos: Pos, depth: int) -> Expr | None:
        """``"names.csv".split(".")[0]`` of a text the code sets: that part (syedarehaq/
        diversify_netsci_paper_analysis: `open_file.split(".")[0]` in a written file's name made it a
        pattern that matched 67 other files); None for anything else."""
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"split", "rsplit"}
            and not node.keywords
            and len(node.args) <= 2
            and all(isinstance(a, ast.Constant) for a in node.args)
        ):
            return None
        sep = node.args[0].value if node.args else None  # type: ignore[attr-defined]
        limit = node.args[1].value if len(node.args) == 2 else -1  # type: ignore[attr-defined]
        if not (sep is None or (isinstance(sep, str) and sep)) or not isinstance(limit, int):
            return None
        text = self.expr(node.func.value, scope, pos, depth)
        if text[0] != "s" or not isinstance(text[1], str):
            return None
        parts = text[1].split(sep, limit) if node.func.attr == "split" else text[1].rsplit(sep, limit)
        return ("s", parts[k]) if -len(parts) <= k < len(parts) else None

    def method_value(self, node: ast.Call, scope: _Scope, pos: Pos, depth: int) -> Expr:
        func = node.func
        if not isinstance(func, ast.Attribute):
            return UNKNOWN
        m = func.attr
        args = node.args
        if m in _SAME_METHODS:
            return self.expr(func.value, scope, pos, depth)
        if m == "get" and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
            # `cfg.get("out_dir")` of a settings file the code loads: its value there (unknown when the
            # file lacks it: the default is not followed)
            base = self.expr(func.value, scope, pos, depth)
            return _config_key(base, args[0].value) or UNKNOWN
        if m in _PARSE_METHODS:
            return ("args",)
        if m == "joinpath":
            return ex.join(
                [self.expr(func.value, scope, pos, depth), *(self.expr(a, scope, pos, depth) for a in args)]
            )
        if m == "join" and len(args) == 1 and not node.keywords:
            # `os.path.sep.join([here, "data", "x.csv"])`, `"_".join([name, "raw"])`: the parts with the
            # separator between them (syngenta/QSAR_AD_Uncertainty_Paper_Code_release: every path)
            return self._joined_with(func.value, args[0], scope, pos, depth)
        if m in {"with_suffix", "with_name", "with_stem"} and args:
            return (
                "with",
                self.expr(func.value, scope, pos, depth),
                m[5:],
                self.expr(args[0], scope, pos, depth),
            )
        if m in {"glob", "rglob"} and args:
            base = self.expr(func.value, scope, pos, depth)
            pattern = self.expr(args[0], scope, pos, depth)
            if m == "rglob":
                return ("glob", ex.join([base, ex.lit("**"), pattern]), True)
            return ("glob", ex.join([base, pattern]), "**" in str(pattern))
        if m == "iterdir":
            return ("glob", ex.join([self.expr(func.value, scope, pos, depth), ex.lit("*")]), False)
        if m == "format":
            template = self.expr(func.value, scope, pos, depth)
            if template[0] == "s":
                return self.format(template[1], node, scope, pos, depth)
            return UNKNOWN
        if m == "replace" and len(args) == 2:
            old = args[0].value if isinstance(args[0], ast.Constant) else None
            new = args[1].value if isinstance(args[1], ast.Constant) else None
            if isinstance(old, str) and isinstance(new, str):
                return ("replace", self.expr(func.value, scope, pos, depth), old, new)
        if m in {"strip", "rstrip", "lstrip"} and not args:
            return self.expr(func.value, scope, pos, depth)
        if m in {"strip", "rstrip", "lstrip"} and len(args) == 1 and isinstance(args[0], ast.Constant):
            # `ed_dir.rstrip("/")` of a text the code sets (Kuramoto's `"."` made an unknown folder)
            base = self.expr(func.value, scope, pos, depth)
            chars = args[0].value
            if base[0] == "s" and isinstance(chars, str):
                return ("s", getattr(base[1], m)(chars))
            return UNKNOWN
        if m in {"upper", "lower", "capitalize", "title"} and not args:  # of a text the code sets
            base = self.expr(func.value, scope, pos, depth)
            if base[0] == "s":
                return ("s", getattr(base[1], m)())
            # `f'../results/cali_{name}.json'.lower()` (pycsep_esrl_reproducibility): its known parts
            return ("case", base, m) if m in {"upper", "lower"} and not ex.is_unknown(base) else UNKNOWN
        return UNKNOWN

    def _joined_with(self, sep: ast.expr, items: ast.expr, scope: _Scope, pos: Pos, depth: int) -> Expr:
        """``sep.join(items)`` of a separator the code spells out (a text, ``os.sep``, ``os.path.sep``) and
        a list or tuple of known length; unknown else."""
        if isinstance(sep, ast.Constant) and isinstance(sep.value, str):
            text = sep.value
        elif self.qualify(sep, scope, pos) in {"os.sep", "os.path.sep"}:
            text = "/"
        else:
            return UNKNOWN
        if isinstance(items, ast.List | ast.Tuple):
            if any(isinstance(e, ast.Starred) for e in items.elts):
                return UNKNOWN
            parts = [self.expr(e, scope, pos, depth) for e in items.elts]
        elif isinstance(items, ast.Name) and not self._grown(items.id):
            value = self.expr(items, scope, pos, depth)
            if value[0] != "list" or not value[1]:
                return UNKNOWN  # (an empty list is filled later: `names = []`, then `names.append(...)`)
            parts = list(value[1])
        else:
            return UNKNOWN
        if not parts:
            return ex.lit("")
        joined: list[Expr] = [parts[0]]
        for part in parts[1:]:
            joined += [ex.lit(text), part]
        return ex.cat(joined)

    def _grown(self, name: str) -> bool:
        """May the list ``name`` get more items than it is made with (``name.append(x)``, ``+=``): in a
        notebook, or a file that adds to a list of that name (mosdef-hub/reproducibility_study: the names
        of a figure, an empty list filled in a loop, joined)."""
        if self.text is None:
            return True
        grows = self.grows
        if grows is None:
            grows = self.grows = set(_GROWN.findall(self.text))
        return name in grows

    def format(self, template: str, node: ast.Call, scope: _Scope, pos: Pos, depth: int) -> Expr:
        try:
            fields = list(string.Formatter().parse(template))
        except ValueError:
            return UNKNOWN
        kwargs = {k.arg: k.value for k in node.keywords if k.arg}
        parts: list[Expr] = []
        auto = 0
        for literal, field_name, spec, conversion in fields:
            if literal:
                parts.append(ex.lit(literal))
            if field_name is None:
                continue
            target: ast.expr | None = None
            if field_name == "":
                target = node.args[auto] if auto < len(node.args) else None
                auto += 1
            elif field_name.isdigit():
                i = int(field_name)
                target = node.args[i] if i < len(node.args) else None
            elif field_name.isidentifier():
                target = kwargs.get(field_name)
            plain = not spec and conversion in (None, "s")
            # (a number is its digits, as in an f-string: michael-petersen/LinearResponse-paper's
            # `"DConvergence-{}-K{}.h5".format("plummer", 200)` and `"Ku_{}".format(Ku)` read `K*`, `Ku_*`)
            value = self.expr(target, scope, pos, depth) if plain and target is not None else UNKNOWN
            parts.append(_text(value))
        return ex.cat(parts) if parts else ex.lit("")

    def percent(self, node: ast.BinOp, scope: _Scope, pos: Pos, depth: int) -> Expr:
        left = self.expr(node.left, scope, pos, depth)
        if left[0] != "s":
            return UNKNOWN
        right = node.right
        values: list[ast.expr] = list(right.elts) if isinstance(right, ast.Tuple) else [right]
        named = isinstance(right, ast.Dict)
        parts: list[Expr] = []
        i = 0
        last = 0
        for m in _PERCENT.finditer(left[1]):
            parts.append(ex.lit(left[1][last : m.start()]))
            last = m.end()
            if m.group("conv") == "%":
                parts.append(ex.lit("%"))
                continue
            if named or m.group("key"):
                parts.append(UNKNOWN)
                continue
            value = values[i] if i < len(values) else None
            i += 1
            plain = m.group("conv") in {"s", "d", "i"} and not m.group("flags")
            text = _text(self.expr(value, scope, pos, depth)) if plain and value is not None else UNKNOWN
            parts.append(text)
        parts.append(ex.lit(left[1][last:]))
        return ex.cat(parts)

    def _comp_scope(
        self, node: ast.ListComp | ast.GeneratorExp | ast.SetComp | ast.DictComp, scope: _Scope, pos: Pos
    ) -> _Scope:
        """A scope for a comprehension's targets; each iterable is read where the comprehension is."""
        inner = _Scope(scope, "comprehension")
        for gen in node.generators:
            outer = scope if gen is node.generators[0] else inner
            target = gen.target
            if isinstance(target, ast.Name):
                inner.bind(target.id, _Binding((-1, 0, 0), "fixed", self.each(gen.iter, outer, pos)))
            elif isinstance(target, ast.Tuple | ast.List):
                element = self.element(gen.iter, outer, pos)
                for i, elt in enumerate(target.elts):
                    if isinstance(elt, ast.Name):
                        inner.bind(elt.id, _Binding((-1, 0, 0), "fixed", ex.pick(element, (i,))))
        return inner

    # -------------------------------------------------------------- pass 2: calls
    def _top(self, stmt: ast.stmt) -> None:
        if self.whole:
            self.facts.runnable |= _runnable(stmt)
            if isinstance(stmt, ast.If) and _is_main_guard(stmt):
                self.facts.main_guard = True
                last = stmt.body[-1]  # (not its `else:`, which runs when the file is imported)
                self.facts.main_lines.append((stmt.body[0].lineno, last.end_lineno or last.lineno))
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            fn = Function(self.def_key(stmt.name, stmt))
            if id(stmt) in self.scopes:
                self._fill_function(fn, stmt)
            self.facts.functions[fn.name] = fn
            return
        if isinstance(stmt, ast.ClassDef):
            methods = []
            for item in stmt.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    fn = Function(f"{stmt.name}.{item.name}", kind=_method_kind(item))
                    if id(item) in self.scopes:
                        self._fill_function(fn, item)
                    self.facts.functions[fn.name] = fn
                    methods.append(fn.name)
            bases = tuple(b for b in (self._base(base, self.pos(stmt)) for base in stmt.bases) if b)
            cls = Function(stmt.name, methods=tuple(methods), bases=bases)
            self.facts.functions[stmt.name] = cls
            self._self_attributes(stmt, cls)
            return
        self._savefig_format(stmt)
        if self.worth(stmt):
            _Visitor(self, self.module, self.facts.uses, self.facts.calls).visit(stmt)

    def worth(self, stmt: ast.stmt) -> bool:
        """Does the statement span a line that names a file-access call or a function of the project?"""
        return self.current is None or self._spans(stmt, self.current)

    def _options(self, stmt: ast.stmt) -> None:
        lines = self.option_lines[self._body_index] if self.option_lines is not None else None
        todo: list[ast.AST] = [stmt]
        nodes: list[ast.AST] = []
        while todo:  # down to the simple statements on lines naming add_argument
            current = todo.pop()
            inner = [
                child
                for name in ("body", "orelse", "finalbody", "handlers")
                for child in getattr(current, name, ())
                if isinstance(child, ast.stmt | ast.excepthandler)
            ]
            if inner and not isinstance(current, ast.Lambda):
                todo.extend(c for c in inner if lines is None or self._spans(c, lines))  # type: ignore[arg-type]
            else:
                nodes.extend(ast.walk(current))
        # in the order of the code: positional arguments take the command line's words in that order (the
        # walk above took nested blocks last first: CELLULAR_reproducibility's `in/data.csv models/A/ ...`)
        calls = sorted((n for n in nodes if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset))
        for node in calls:
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in _ADD_OPTION
            ):
                continue
            kwargs = {k.arg: k.value for k in node.keywords if k.arg}
            names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            dest_node = kwargs.get("dest")
            if isinstance(dest_node, ast.Constant) and isinstance(dest_node.value, str):
                dest = dest_node.value
            else:
                longs = [n for n in names if n.startswith("--")]
                dest = (longs[0][2:] if longs else names[0].lstrip("-") if names else "").replace("-", "_")
            if dest and "default" in kwargs and not self._required(kwargs):
                self.options[dest] = (kwargs["default"], self.pos(node))
            elif dest and "choices" in kwargs and (choices := _string_literals(kwargs["choices"])):
                # no default (a required option): one of its choices (`choices=["2a", "2b", "full"]`)
                self.options[dest] = (("alt", tuple(ex.lit(c) for c in choices)), self.pos(node))
            if dest and names and dest not in self.declared:
                self.declared.add(dest)
                taken = _values_taken(kwargs)
                self.facts.options.append((tuple(names), dest, taken))
                group = node.func.value.id if isinstance(node.func.value, ast.Name) else ""
                if self._required(kwargs) or (
                    not names[0].startswith("-") and taken not in ("?", "*") and "default" not in kwargs
                ):
                    self.facts.required.append(dest)
                elif group in self._required_groups() and group not in self.groups_given:
                    # the first of a group of which the command line must give one
                    # (`add_mutually_exclusive_group(required=True)`: ArtificialStellarPopulations'
                    # REPRODUCE.md command stopped at "one of the arguments --make-pops --make-plot is
                    # required")
                    self.groups_given.add(group)
                    self.facts.required.append(dest)
                opened = _file_type(kwargs.get("type"))
                if opened is not None:  # `type=argparse.FileType("r")`: argparse opens the file itself
                    given = kwargs.get("default")
                    default = self.expr(given, self.module, self.pos(node)) if given is not None else UNKNOWN
                    self.facts.uses.append(
                        Use(
                            call="argparse.FileType",
                            access=accesses(opened, "open"),
                            expr=("opt", default, dest, self.facts.path),
                            line=node.lineno,
                            cell=self.cell,
                            pos=self.pos(node),
                        )
                    )

    def _self_called(self) -> set[str]:
        """The methods the file calls on ``self`` (``self._get_filename(name)``): what they return may be
        part of a path; every name when the file's text is not at hand."""
        if self.self_called is None:
            text = self.text
            self.self_called = set(_SELF_CALL.findall(text)) if text is not None else _EVERY_NAME
        return self.self_called

    def _required_groups(self) -> set[str]:
        """The names the file gives argparse groups of which one option must be given."""
        if self.required_groups is None:
            text = self.text or ""
            found = _REQUIRED_GROUP.findall(text) if "exclusive_group" in text else []
            self.required_groups = set(found)
        return self.required_groups

    @staticmethod
    def _required(kwargs: dict[str, ast.expr]) -> bool:
        req = kwargs.get("required")
        return isinstance(req, ast.Constant) and req.value is True

    @staticmethod
    def _spans(stmt: ast.stmt, lines: list[int]) -> bool:
        first = stmt.lineno
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and stmt.decorator_list:
            first = stmt.decorator_list[0].lineno
        at = bisect.bisect_left(lines, first)
        return at < len(lines) and lines[at] <= (stmt.end_lineno or stmt.lineno)

    def _signature(self, fn: Function, node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
        """Set the parameters of ``fn`` and their defaults; returns the positional ones."""
        a = node.args
        positional = [x.arg for x in [*a.posonlyargs, *a.args]]
        fn.params = tuple(positional + [x.arg for x in a.kwonlyargs])
        defaults = dict(zip(positional[len(positional) - len(a.defaults) :], a.defaults, strict=True))
        defaults.update({x.arg: d for x, d in zip(a.kwonlyargs, a.kw_defaults, strict=True) if d is not None})
        p = self.pos(node)
        fn.defaults = {k: self.argument(v, self.module, p) for k, v in defaults.items()}
        fn.defaults.update(self._click_options(node, set(fn.params), p))
        return positional

    def _fill_function(self, fn: Function, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        scope = self.scopes[id(node)]
        positional = self._signature(fn, node)
        visitor = _Visitor(self, scope, fn.uses, fn.calls)
        visitor.functions.append(id(node))
        visitor.defs.append(node)
        visitor.asks = fn.asks
        if "." in fn.name and positional:  # a method: `self.load()` in it is another method of the class
            visitor.owner = (fn.name.partition(".")[0], positional[0])
        visitor.body(node.body)
        if "." not in fn.name or fn.name.rpartition(".")[2] in self._self_called():
            fn.returns = self._returns(node, scope)  # (a method's, when the object calls it itself)
        if self.signac and any(_runs_in_job(d) for d in node.decorator_list):
            _elsewhere(fn.uses, fn.calls)  # a signac-flow operation `with_job`: in the job's own folder

    def _click_options(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, params: set[str], p: Pos
    ) -> dict[str, Expr]:
        """The parameters of a click command (``@click.option("--out", default="results")``,
        ``@click.argument("path")``): each a command-line option as argparse's are (its default, or what
        the pipelines that run the file give it), declared among the file's options."""
        out: dict[str, Expr] = {}
        for deco in node.decorator_list:
            if not isinstance(deco, ast.Call):
                continue
            kind = self.qualify(deco.func, self.module, p)
            if kind not in {"click.option", "click.argument"}:
                continue
            names = [a.value for a in deco.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            kwargs = {k.arg: k.value for k in deco.keywords if k.arg}
            plain = [n for n in names if not n.startswith("-") and n.isidentifier()]
            flags = [n.split("/")[0] for n in names if n.startswith("-")]
            longest = max(flags, key=len, default="")
            dest = plain[0] if plain else longest.lstrip("-").replace("-", "_")
            if dest not in params:
                continue
            given = kwargs.get("default")
            default = self.expr(given, self.module, p) if given is not None else UNKNOWN
            out[dest] = ("opt", default, dest, self.facts.path)
            # (`--plot/--no-plot` and `is_flag=True` take no word)
            is_flag = _true(kwargs.get("is_flag")) or any("/" in n for n in names if n.startswith("-"))
            if dest not in self.declared:
                self.declared.add(dest)
                words = tuple(flags) if kind == "click.option" else (dest,)
                taken: int | str = 0 if is_flag else _values_taken(kwargs) if "nargs" in kwargs else 1
                self.facts.options.append((words, dest, taken))
                if _true(kwargs.get("required")) or (kind == "click.argument" and given is None):
                    self.facts.required.append(dest)
        return out

    def _returns(self, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: _Scope) -> Expr | None:
        """What the function returns, when some ``return`` may give a path: text, a path call, a name
        (``return base_plot_dir + suffix + "/"``, ``return os.path.join(root, name)``); None else."""
        values = []
        self.quiet += 1  # (what it returns matters only where a path uses it)
        try:
            for ret, _inside in _statements(node.body):
                if isinstance(ret, ast.Return) and ret.value is not None and _may_be_path(ret.value):
                    value = self.expr(ret.value, scope, self.pos(ret))
                    if not ex.is_unknown(value):
                        values.append(value)
        finally:
            self.quiet -= 1
        return ex.alt(values) if values else None

    def _savefig_format(self, stmt: ast.stmt) -> None:
        if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
            return
        t = stmt.targets[0]
        if (
            isinstance(t, ast.Subscript)
            and isinstance(t.slice, ast.Constant)
            and t.slice.value == "savefig.format"
            and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str)
        ):
            self.facts.savefig_format = stmt.value.value

    def _constants(self) -> None:
        self.quiet += 1  # constants serve other files; a file that needs more asks for a full parse
        for name, bindings in self.module.names.items():
            b = bindings[-1]
            if b.kind == "class":  # its attributes: `class Paths: data = "/Volumes/lab/data"`
                for attr, value in self._class_attributes(b.node, b.pos).items():
                    self.facts.constants[f"{name}.{attr}"] = value
                continue
            if b.kind in {"def", "module", "other"} or name in self.rebound():
                continue
            value = self.value(b, self.module)
            if not ex.is_unknown(value):
                self.facts.constants[name] = value
            elif (
                b.kind == "assign"
                and isinstance(b.node, ast.Constant)
                and (isinstance(b.node.value, bool) or b.node.value is None)
            ):  # a switch other modules test (`if not settings.skip_LHS:`); no part of a path
                self.facts.constants[name] = ("k", repr(b.node.value))
        self.quiet -= 1

    def _self_attributes(self, node: ast.ClassDef, cls: Function) -> None:
        """What ``self.x`` holds in the methods of the class ``node`` (see :attr:`Function.attrs`), when
        one of its methods was searched: for each ``x`` set once in the whole class, by ``self.x = value``
        in ``__init__`` (on the ``__init__`` function), or else in the class body (on ``cls``; not in a
        ``@dataclass``, whose fields the call that makes the object sets). A name set twice, or by another
        method, holds what the code did last: left unknown."""
        init = next(
            (m for m in node.body if isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef)
             and m.name == "__init__"),
            None,
        )
        scope = self.scopes.get(id(init)) if init is not None else None
        methods = [m for m in node.body if isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef)]
        if not any(id(m) in self.scopes for m in methods):
            return
        counts: dict[str, int] = {}
        found: dict[str, tuple[ast.expr, Pos]] = {}
        names = {
            first[0].arg
            for method in methods
            if _method_kind(method) == "" and (first := [*method.args.posonlyargs, *method.args.args])
        }
        text = self.text
        by_text = text is not None and names == {"self"}
        if text is not None and by_text:
            # in a file's text, the lines of the class: a pattern finds what its methods set (walking every
            # method's tree cost a tenth more of the extraction of a folder of large classes)
            if self._text_lines is None:
                self._text_lines = text.splitlines()
            lines = "\n" + "\n".join(self._text_lines[node.lineno - 1 : node.end_lineno or node.lineno])
            named = _SELF_SET.findall(lines)
            if "," in lines:
                named += [n for m in _UNPACKED.finditer(lines) for n in _SELF_NAME.findall(m.group(1))]
            for name in named:
                counts[name] = counts.get(name, 0) + 1
            methods = [init] if init is not None else []
        for method in methods:
            first = [*method.args.posonlyargs, *method.args.args]
            if not first or _method_kind(method) != "":
                continue
            me = first[0].arg
            for sub in ast.walk(method):
                value: ast.expr | None
                if isinstance(sub, ast.Assign):
                    targets, value = sub.targets, sub.value
                elif isinstance(sub, ast.AnnAssign | ast.AugAssign):
                    targets, value = [sub.target], sub.value if isinstance(sub, ast.AnnAssign) else None
                else:
                    continue
                for target in targets:
                    for t in ast.walk(target) if isinstance(target, ast.Tuple | ast.List) else (target,):
                        if not (isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name)):
                            continue
                        if t.value.id == me:
                            if not by_text:
                                counts[t.attr] = counts.get(t.attr, 0) + 1
                            if method is init and t is target and value is not None:
                                found[t.attr] = (value, self.pos(sub))
        fn = self.facts.functions.get(f"{node.name}.__init__")
        if init is not None and scope is None and fn is not None and any(counts.get(k) == 1 for k in found):
            # an `__init__` with no line worth searching: read now, for what it sets (and its parameters,
            # which the arguments that make an object set)
            scope = self._method_scope(init, self.module, node.name)
            self._signature(fn, init)
        if init is not None and scope is not None:
            for name, (value, at) in found.items():
                if counts.get(name) == 1 and fn is not None:
                    expr = self._quietly_in(value, scope, at)
                    if not ex.is_unknown(expr):
                        fn.attrs[name] = expr
        if not node.decorator_list:
            for name, expr in self._class_attributes(node, self.pos(node)).items():
                if name not in counts:
                    cls.attrs[name] = expr

    def _quietly_in(self, node: ast.expr, scope: _Scope, pos: Pos) -> Expr:
        self.quiet += 1  # (a value matters only if a method uses it in a path: do not parse more for it)
        try:
            return self.expr(node, scope, pos)
        finally:
            self.quiet -= 1

    def _class_attributes(self, node: ast.ClassDef, pos: Pos) -> dict[str, Expr]:
        """The values a class body gives its attributes with plain assignments (the last of each), those
        sciship can read (a settings class: ``paths = {"data": "/Volumes/lab/data"}``)."""
        out: dict[str, Expr] = {}
        for stmt in node.body:
            target = value = None
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target, value = stmt.targets[0], stmt.value
            elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                target, value = stmt.target, stmt.value
            if isinstance(target, ast.Name) and value is not None:
                expr = self.expr(value, self.module, pos)
                if ex.is_unknown(expr):
                    out.pop(target.id, None)
                else:
                    out[target.id] = expr
        return out


#: the method of :class:`_Visitor` for each node type
_VISIT: dict[type, Any] = {}


class _Visitor(ast.NodeVisitor):
    """Finds file accesses, chdirs and calls to possibly-local functions in one scope's statements."""

    def __init__(self, ex_: _Extractor, scope: _Scope, uses: list[Use], calls: list[Call]) -> None:
        self.x = ex_
        self.scope = scope
        self.uses = uses
        self.calls = calls
        #: what the code being visited runs under: inside a ``try`` that survives a missing file (a
        #: count), after existence checks (their paths), after tests on values (see :data:`Cond`)
        self.protected = 0
        self.guards: list[Expr] = []
        self.conds: list[Cond] = []
        self.functions: list[int] = []  #: ids of the function nodes being visited, innermost last
        self.defs: list[ast.FunctionDef | ast.AsyncFunctionDef] = []  #: those nodes
        #: in a method of one of the module's classes: (the class's name, its first parameter, `self`)
        self.owner: tuple[str, str] | None = None
        self.asks: list[str] | None = None  #: in a function: its :attr:`Function.asks`

    # ``ast.NodeVisitor``'s walk, without its costs per node (a method name built and looked up, a
    # generator over the fields, the checks of ``visit_Constant`` for visitors written for Python 3.7):
    # the same nodes, visited in the same order
    def visit(self, node: ast.AST) -> Any:
        method = _VISIT.get(type(node))
        if method is None:
            name = "visit_" + type(node).__name__
            method = _VISIT[type(node)] = getattr(_Visitor, name, _Visitor.generic_visit)
        return method(self, node)

    def generic_visit(self, node: ast.AST) -> None:
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        self.visit(item)
            elif isinstance(value, ast.AST):
                self.visit(value)

    def visit_Constant(self, _node: ast.Constant) -> None:
        return None  # nothing inside a constant

    def _context(self) -> dict[str, Any]:
        conds = tuple(c for c in self.conds if c[1][:1] != (_NAME_FILTER,))  # (applied to the paths)
        return {"optional": self.protected > 0, "guards": tuple(self.guards), "conds": conds}

    def _push(self, known: _Known) -> tuple[int, int]:
        self.guards.extend(known[0])
        self.conds.extend(known[1])
        return len(known[0]), len(known[1])

    def _pop(self, sizes: tuple[int, int]) -> None:
        if sizes[0]:
            del self.guards[-sizes[0] :]
        if sizes[1]:
            del self.conds[-sizes[1] :]

    def _missing_or_empty(self, values: list[ast.expr], pos: Pos) -> _Known:
        """When ``exists(p) and <a test of p's size or the like>`` is false: the file is missing or empty,
        so what is written then fills a gap (rjain2470/EMNSR_paper_code downloads its data when
        `os.path.exists(p) and os.path.getsize(p) > 0` is false: five steps "wrote" one file)."""
        first = values[0]
        if not isinstance(first, ast.Call):
            return _NOTHING
        checked = self._existence_checked(first, pos)
        subject = first.args[0] if first.args else getattr(first.func, "value", None)
        if checked is None or subject is None:
            return _NOTHING
        named = ast.dump(subject)
        if not all(named in ast.dump(v) for v in values[1:]):
            return _NOTHING
        return (((ABSENT, checked),), ())

    def _known(self, test: ast.expr, pos: Pos) -> tuple[_Known, _Known]:
        """What is known when ``test`` is true and when it is false: files that exist, values compared
        with literals. Only the shapes research code uses: existence checks, ``==``/``!=``/``in`` with
        string literals, ``not``, ``and``, ``or``."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            yes, no = self._known(test.operand, pos)
            return no, yes
        if isinstance(test, ast.BoolOp):
            parts = [self._known(v, pos) for v in test.values]
            if isinstance(test.op, ast.And):  # all true when it is true
                return (
                    (tuple(g for p in parts for g in p[0][0]), tuple(c for p in parts for c in p[0][1])),
                    self._missing_or_empty(test.values, pos),
                )
            return _NOTHING, (  # `or`: all false when it is false
                tuple(g for p in parts for g in p[1][0]),
                tuple(c for p in parts for c in p[1][1]),
            )
        if (  # `if len(path_save_fig):`: whether a text is empty, as `if path_save_fig:`
            isinstance(test, ast.Call)
            and isinstance(test.func, ast.Name)
            and test.func.id == "len"
            and len(test.args) == 1
            and isinstance(test.args[0], ast.Name)
        ):
            test = test.args[0]
        if isinstance(test, ast.Name):  # `if plot:`, a parameter the call decides
            found = self.x.lookup(test.id, self.scope, pos)
            if found is not None and found[0].kind == "param":
                value = ("param", found[0].node)
                return ((), ((value, (TRUTH,), True),)), ((), ((value, (TRUTH,), False),))
            if found is not None and found[0].kind == "assign":
                # `path_save_fig = ''` then `if path_save_fig:` (harmoni_manuscript_codes), or
                # `SAVE = False` then `if SAVE:`: decided when the code sets one text or constant
                value = self._quietly(test, pos)
                if value[0] in {"s", "k"}:
                    return ((), ((value, (TRUTH,), True),)), ((), ((value, (TRUTH,), False),))
            return _NOTHING, _NOTHING
        if isinstance(test, ast.Attribute) and isinstance(test.value, ast.Name):
            # `if not settings.skip_LHS:`, a name of one of the folder's modules (`import settings`)
            value = self._quietly(test, pos)
            # (and `if args.save:`, a switch of the command line: it decides nothing here, but a write it
            # guards needs it in the command REPRODUCE.md gives)
            if value[0] == "ref" or (value[0] == "opt" and len(value) > 2):
                return ((), ((value, (TRUTH,), True),)), ((), ((value, (TRUTH,), False),))
            return _NOTHING, _NOTHING
        if isinstance(test, ast.Call):
            narrowing = self.x.name_filter(test, self.scope, pos)
            if narrowing is not None:  # `if f.endswith(".csv"):` on a name a listing gives
                return ((), (narrowing,)), _NOTHING
            checked = self._existence_checked(test, pos)
            if checked is not None:  # when false, the file is missing: what is written then fills a gap
                return ((checked,), ()), (((ABSENT, checked),), ())
            return _NOTHING, _NOTHING
        if (  # `if savepath is not None:`, a parameter the call sets or leaves at None
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.Is | ast.IsNot | ast.Eq | ast.NotEq)
            and isinstance(test.left, ast.Name)
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value is None
        ):
            found = self.x.lookup(test.left.id, self.scope, pos)
            if found is not None and found[0].kind == "param":
                value = ("param", found[0].node)
                is_none = isinstance(test.ops[0], ast.Is | ast.Eq)
                return ((), ((value, (NONE,), is_none),)), ((), ((value, (NONE,), not is_none),))
            return _NOTHING, _NOTHING
        if (  # `if n_folds == 5:` on a number the file sets (ChromatinHD_manuscript sets `n_folds = 20`)
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.Eq | ast.NotEq)
            and isinstance(test.comparators[0], ast.Constant)
            and isinstance(test.comparators[0].value, int | float)
            and not isinstance(test.comparators[0].value, bool)
        ):
            value = self._quietly(test.left, pos)
            if ex.is_unknown(value):
                return _NOTHING, _NOTHING
            number = (NUMBER, repr(test.comparators[0].value))
            equal = isinstance(test.ops[0], ast.Eq)
            return ((), ((value, number, equal),)), ((), ((value, number, not equal),))
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            left, right, op = test.left, test.comparators[0], test.ops[0]
            literals = _string_literals(right)
            if literals is None:
                literals, left = _string_literals(left), right
                if not isinstance(op, ast.Eq | ast.NotEq):
                    literals = None  # `"a" in x` tests something else
            if literals is None or not isinstance(op, ast.Eq | ast.NotEq | ast.In | ast.NotIn):
                return _NOTHING, _NOTHING
            value = self._quietly(left, pos)
            if ex.is_unknown(value):
                return _NOTHING, _NOTHING
            equal = isinstance(op, ast.Eq | ast.In)
            return ((), ((value, literals, equal),)), ((), ((value, literals, not equal),))
        return _NOTHING, _NOTHING

    def _quietly(self, node: ast.expr, pos: Pos) -> Expr:
        """The expression of ``node``, read without the problems reading it may report (a test, a check,
        a mode: not a file access of its own)."""
        self.x.quiet += 1
        try:
            return self.x.expr(node, self.scope, pos)
        finally:
            self.x.quiet -= 1

    def _existence_checked(self, call: ast.Call, pos: Pos) -> Expr | None:
        """The path an existence check tests (``os.path.exists(p)``, ``p.is_file()``), else None."""
        func = call.func
        target: ast.expr | None = None
        q = self.x.qualify(func, self.scope, pos)
        if q in _EXISTS_FUNCTIONS and call.args:
            target = call.args[0]
        elif isinstance(func, ast.Attribute) and func.attr in _EXISTS_METHODS and not call.args:
            target = func.value
        if target is None:
            return None
        return self._quietly(target, pos)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._nested(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._nested(node)

    def _nested(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        inner = self.x.scopes.get(id(node))
        if inner is None:
            return
        saved = self.scope
        self.scope = inner
        self.functions.append(id(node))
        self.defs.append(node)
        self.body(node.body)
        self.defs.pop()
        self.functions.pop()
        self.scope = saved

    def body(self, stmts: list[ast.stmt]) -> None:
        """Visit the statements that span a line worth searching (all of them without a pre-filter).

        ``if not os.path.exists(p): continue`` (or ``return``, ``break``) protects what follows it in the
        block; ``if kind == "x": return ...`` (also with ``raise``) means what follows runs for other
        values only."""
        worth = self.x.worth
        pushed: list[tuple[int, int]] = []
        for stmt in stmts:
            if worth(stmt):
                self.visit(stmt)
            if isinstance(stmt, ast.If) and not stmt.orelse and stmt.body:
                leaves = _leaves(stmt.body[-1])
                if leaves is not None:
                    _yes, no = self._known(stmt.test, self.x.pos(stmt))
                    # a check that stops the run when the file is missing leaves the file required; one
                    # that leaves when it is there (`if os.path.exists(p): continue`) says it is missing
                    known = no[0] if leaves == "skip" else tuple(g for g in no[0] if g[0] == ABSENT)
                    pushed.append(self._push((known, no[1])))
        for sizes in reversed(pushed):
            self._pop(sizes)

    # compound statements: their headers always, their bodies statement by statement
    def visit_Assert(self, node: ast.Assert) -> None:
        """`assert os.path.exists("data/x.npy")`: the script stops without the file, so it reads it
        (KISRDevelopment's exp_sd_realistic.py ran before the step that makes its embeddings)."""
        test = node.test
        if isinstance(test, ast.Call):
            pos = self.x.pos(node)
            checked = self._existence_checked(test, pos)
            if checked is not None and not ex.is_unknown(checked):
                self.uses.append(
                    Use("assert exists", ("read",), checked, node.lineno, self.x.cell, pos, **self._context())
                )
        self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        self.visit(node.test)
        test = node.test
        if isinstance(test, ast.Constant) and not isinstance(test.value, str):
            self.body(node.body if test.value else node.orelse)  # `if False:` is code switched off
            return
        decided = _flag_test(test, self.x.flags_for(test), self.functions)
        if decided is not None:  # `tofile = False` ... `if tofile:`: switched off the same way
            self.body(node.body if decided else node.orelse)
            return
        yes, no = self._known(test, self.x.pos(node))
        sizes = self._push(yes)
        self.body(node.body)
        self._pop(sizes)
        sizes = self._push(no)
        self.body(node.orelse)
        self._pop(sizes)

    def visit_While(self, node: ast.While) -> None:
        self.visit(node.test)
        test = node.test
        if isinstance(test, ast.Constant) and not isinstance(test.value, str) and not test.value:
            self.body(node.orelse)
            return
        self.body(node.body)
        self.body(node.orelse)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        self.visit(node.test)
        yes, no = self._known(node.test, self.x.pos(node))
        sizes = self._push(yes)
        self.visit(node.body)
        self._pop(sizes)
        sizes = self._push(no)
        self.visit(node.orelse)
        self._pop(sizes)

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        self.visit(node.target)
        self.visit(node.iter)
        self.body(node.body)
        self.body(node.orelse)

    visit_AsyncFor = visit_For  # noqa: N815

    def visit_With(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            self.visit(item)
        pos = self.x.pos(node)
        suppress = any(
            isinstance(item.context_expr, ast.Call)
            and self.x.qualify(item.context_expr.func, self.scope, pos) == "contextlib.suppress"
            and any(_file_error(a) for a in item.context_expr.args)
            for item in node.items
        )
        self.protected += suppress
        job = self.x.signac and any(_is_job(item.context_expr) for item in node.items)
        start = (len(self.uses), len(self.calls))
        self.body(node.body)
        self.protected -= suppress
        if job:  # `with job:` runs its block in the job's own folder, which only signac knows
            _elsewhere(self.uses[start[0] :], self.calls[start[1] :])

    visit_AsyncWith = visit_With  # noqa: N815

    def visit_Try(self, node: ast.Try) -> None:
        survives = any(_survives_missing_file(h) for h in node.handlers)
        self.protected += survives
        self.body(node.body)
        self.protected -= survives
        for handler in node.handlers:
            if handler.type is not None:
                self.visit(handler.type)
            self.body(handler.body)
        self.body(node.orelse)
        self.body(node.finalbody)

    visit_TryStar = visit_Try  # noqa: N815

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for stmt in node.body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                self._nested(stmt)

    def visit_Dict(self, node: ast.Dict) -> None:
        """A table of the folder's functions by name (``TASKS = {"time_plots": time_plots.run, ...}``,
        run as ``TASKS[sys.argv[1]]()``): each function it holds may run, as a lambda's call would
        (seizyml_manuscript_code)."""
        x = self.x
        for value in node.values:
            if isinstance(value, ast.Name | ast.Attribute) and isinstance(value.ctx, ast.Load):
                pos = x.pos(value)
                q = x.qualify(value, self.scope, pos)
                local = self._callee(value, q, pos) if q is None or FUNCTIONS.get(q) is None else None
                if local is not None:
                    call = ast.Call(func=value, args=[], keywords=[])
                    ast.copy_location(call, value)
                    self._local_call(call, local, pos)
        self.generic_visit(node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        inner = _Scope(self.scope, "function")
        for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            inner.bind(a.arg, _Binding((-1, 0, 0), "other"))
        saved = self.scope
        self.scope = inner
        self.visit(node.body)
        self.scope = saved

    def _comprehension(self, node: ast.ListComp | ast.GeneratorExp | ast.SetComp | ast.DictComp) -> None:
        pos = self.x.pos(node)
        inner = self.x._comp_scope(node, self.scope, pos)
        for gen in node.generators:
            self.visit(gen.iter)
        saved = self.scope
        self.scope = inner
        pushed = []
        for gen in node.generators:
            for cond in gen.ifs:
                self.visit(cond)
                pushed.append(self._push(self._known(cond, pos)[0]))
        if isinstance(node, ast.DictComp):
            self.visit(node.key)
            self.visit(node.value)
        else:
            self.visit(node.elt)
        for sizes in reversed(pushed):
            self._pop(sizes)
        self.scope = saved

    visit_ListComp = _comprehension  # noqa: N815
    visit_GeneratorExp = _comprehension  # noqa: N815
    visit_SetComp = _comprehension  # noqa: N815
    visit_DictComp = _comprehension  # noqa: N815

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load) and node.id in self.x.local_defs:
            found = self.x.lookup(node.id, self.scope, self.x.pos(node))
            if found and found[0].kind in {"def", "class"}:
                self.x.facts.references.append(node.id)

    def visit_Call(self, node: ast.Call) -> None:
        x = self.x
        pos = x.pos(node)
        func = node.func
        if isinstance(func, ast.Name) and func.id == SHELL_CALL:
            self._shell_line(node, pos)
            return
        q = x.qualify(func, self.scope, pos)
        if q in {"builtins.input", "builtins.raw_input"}:  # the run waits for an answer: its prompt
            prompt = self._quietly(node.args[0], pos) if node.args else ex.lit("")
            x.facts.asks.append(prompt[1].strip() if prompt[0] == "s" else "")
            if self.asks is not None:
                self.asks.append(x.facts.asks[-1])
        specs = FUNCTIONS.get(q) if q else None
        local = self._callee(func, q, pos) if specs is None else None
        if specs is None and local is None and isinstance(func, ast.Attribute) and func.attr in METHODS:
            specs = METHODS[func.attr]
            if func.attr == "write" and self._file_handle(func.value, pos):
                specs = None  # `fh.write("results.fits")`: text into an open file, no file named
            elif func.attr == "write" and self._made_by(func.value, pos, TABLE_MAKERS):
                specs = TABLE_WRITE
        elif (
            specs is None and local is None and isinstance(func, ast.Attribute) and func.attr == "read"
            and node.args and self._made_by(func.value, pos, CONFIG_MAKERS)
        ):  # (`settings.read("config.ini")` of a `ConfigParser()`: a read of the file when it is there)
            specs = CONFIG_READ
        if specs is None and node.keywords:
            self._output_keywords(node, pos)
        if specs is not None:
            self._access(node, specs, _as_written(func), pos, self.uses)
        elif local is not None:
            self._local_call(node, local, pos)
        elif q == "os.chdir" and node.args:
            if not any(x.unnamed(d) for d in self.defs):
                x.facts.chdirs.append((pos, x.expr(node.args[0], self.scope, pos)))
        elif (q == "builtins.map" or (isinstance(func, ast.Attribute) and func.attr in _POOL_MAPS)) and len(
            node.args
        ) >= 2:  # (`pool.map(process, names)`, `executor.map(...)`: each element in turn, as `map`)
            self._map(node, pos)
        elif isinstance(func, ast.Attribute) and func.attr in {"apply_async", "apply"} and node.args:
            # `pool.apply_async(process, args=(n,))` runs `process(n)` in a worker (balajisriram/
            # v1-paper-analysis: the Figure 2 script, whose main block only does that, was no step)
            kw = {k.arg: k.value for k in node.keywords if k.arg}
            given = node.args[1] if len(node.args) > 1 else kw.get("args")
            if given is None or isinstance(given, ast.Tuple | ast.List):
                args = list(given.elts) if isinstance(given, ast.Tuple | ast.List) else []
                kwds = node.args[2] if len(node.args) > 2 else kw.get("kwds")
                pairs = zip(kwds.keys, kwds.values, strict=True) if isinstance(kwds, ast.Dict) else ()
                named = [
                    ast.keyword(arg=k.value, value=v)
                    for k, v in pairs
                    if isinstance(k, ast.Constant) and isinstance(k.value, str)
                ]
                self._called_later(node.args[0], args, named, node, pos)
        elif isinstance(func, ast.Attribute) and func.attr == "submit" and node.args:
            # `executor.submit(download, url, path)` runs `download(url, path)` (asheshrambachan/
            # rsv_replication's Hansen tiles were "not in this folder", though a step downloads them)
            self._called_later(node.args[0], node.args[1:], node.keywords, node, pos)
        elif q in _STARTS_A_FUNCTION:  # `Thread(target=f, args=(a, b))`: `f(a, b)`
            kw = {k.arg: k.value for k in node.keywords if k.arg}
            given = kw.get("args")
            if "target" in kw and (given is None or isinstance(given, ast.Tuple | ast.List)):
                args = list(given.elts) if isinstance(given, ast.Tuple | ast.List) else []
                kwargs = kw.get("kwargs")
                pairs = zip(kwargs.keys, kwargs.values, strict=True) if isinstance(kwargs, ast.Dict) else ()
                named = [
                    ast.keyword(arg=k.value, value=v)
                    for k, v in pairs
                    if isinstance(k, ast.Constant) and isinstance(k.value, str)
                ]
                self._called_later(kw["target"], args, named, node, pos)
        # visit the callee's parts (not the bare name: a call is not a reference) and the arguments
        if isinstance(func, ast.Attribute):
            self.visit(func.value)
        elif not isinstance(func, ast.Name):
            self.visit(func)
        for a in node.args:
            self.visit(a)
        for k in node.keywords:
            self.visit(k.value)

    def _file_handle(self, node: ast.expr, pos: Pos) -> bool:
        """Is ``node`` a file the code opened (``with open(p, "w") as fh``, ``fh = gzip.open(p)``), or
        ``sys.stdout``: what its ``write`` is given is text, not a path?"""
        x = self.x
        if isinstance(node, ast.Attribute):
            return x.qualify(node, self.scope, pos) in {"sys.stdout", "sys.stderr"}
        if not isinstance(node, ast.Name):
            return False
        found = x.lookup(node.id, self.scope, pos)
        if found is None or found[0].kind not in {"with", "assign"}:
            return False
        made = found[0].node
        if not isinstance(made, ast.Call):
            return False
        if isinstance(made.func, ast.Attribute) and made.func.attr == "open":
            return True  # (`gzip.open`, `Path(p).open`, `zf.open`: an open file all the same)
        return x.qualify(made.func, found[1], found[0].pos) in {"builtins.open", "io.open", "codecs.open"}

    def _made_by(self, node: ast.expr, pos: Pos, makers: frozenset[str]) -> bool:
        """Is ``node`` made by one of ``makers`` (a call, or a name given one)? An astropy table
        (``Table(...)``, ``Table.read(...)``), whose ``write`` names a file of any ending; a
        ``ConfigParser()``, whose ``read`` reads files."""
        x = self.x
        scope = self.scope
        if isinstance(node, ast.Name):
            found = x.lookup(node.id, scope, pos)
            while found is not None and found[0].kind == "setitem":  # (`res["a"] = [1, 2]`: a column)
                before = x.lookup(node.id, found[1], found[0].pos)
                found = before if before is not None and before[0].pos < found[0].pos else None
            if found is None or found[0].kind != "assign" or not isinstance(found[0].node, ast.Call):
                return False
            node, scope, pos = found[0].node, found[1], found[0].pos
        return isinstance(node, ast.Call) and x.qualify(node.func, scope, pos) in makers

    def _access(self, node: ast.Call, specs: tuple[Arg, ...], call: str, pos: Pos, out: list[Use]) -> None:
        x = self.x
        kwargs = {k.arg: k.value for k in node.keywords if k.arg}
        spread = self._spread(node, pos)
        for spec in specs:
            given: Expr | None = None  # the path, from a dict spread into the call (`**params`)
            if spec.position < 0:
                if not isinstance(node.func, ast.Attribute):
                    continue
                target: ast.expr | None = node.func.value
            else:
                target = next((kwargs[k] for k in spec.keywords if k in kwargs), None)
                if target is None:
                    stars = [i for i, a in enumerate(node.args) if isinstance(a, ast.Starred)]
                    if spec.position < len(node.args) and not (stars and stars[0] <= spec.position):
                        target = node.args[spec.position]
                if target is None:
                    given = next((spread[k] for k in spec.keywords if k in spread), None)
            if target is None and given is None and spec.default is None:
                continue
            if given is not None:
                expr = given
            else:
                expr = ex.lit(spec.default or ".") if target is None else x.expr(target, self.scope, pos)
            if ex.is_unknown(expr):
                continue
            if spec.glob and expr[0] != "list":
                expr = ("glob", expr, False)
            if spec.access == "command":
                access: tuple[str, ...] = ("write",)
                appending = False
            elif spec.access == "mode":
                mode_node = kwargs.get(spec.mode_keyword)
                if (
                    mode_node is None
                    and spec.mode_position is not None
                    and spec.mode_position < len(node.args)
                ):
                    mode_node = node.args[spec.mode_position]
                modes = [spec.default_mode or None] if mode_node is None else self._modes(mode_node, pos)
                spread_mode = spread.get(spec.mode_keyword) if mode_node is None else None
                if spread_mode is not None:  # (`open(**kw)`, with the mode in `kw`)
                    modes = [spread_mode[1] if spread_mode[0] == "s" else None]
                if modes and str(modes[0]).startswith("@"):  # the mode a parameter gets: see the trace
                    access = (f"~{spec.mode_table}~{str(modes[0])[1:]}",)
                else:
                    found = (a for mode in modes for a in accesses(mode, spec.mode_table))
                    access = tuple(dict.fromkeys(found))
                appending = all(bool(m) and "a" in str(m) for m in modes) and spec.mode_table == "open"
            else:
                access = (spec.access,)
                appending = False
            into = None
            if spec.convention == "into-folder" and node.args:
                into = x.expr(node.args[0], self.scope, pos)
            fmt = kwargs.get("format")
            if fmt is None and spread.get("format", ("k", "None")) != ("k", "None"):
                fmt = ast.Constant("")  # (a format in the spread dict: the name keeps its ending)
            out.append(
                Use(
                    call=call,
                    access=access,
                    expr=_unsettled(expr, self.conds) if self.conds else expr,
                    line=node.lineno,
                    cell=x.cell,
                    pos=pos,
                    convention=spec.convention,
                    needs_suffix=spec.needs_suffix,
                    format_given=fmt is not None
                    and not (isinstance(fmt, ast.Constant) and fmt.value is None),
                    into=into,
                    append=appending,
                    soft=spec.convention == "tree",
                    **{**self._context(), **({"optional": True} if spec.convention in _IF_THERE else {})},
                )
            )

    def _spread(self, node: ast.Call, pos: Pos) -> dict[str, Expr]:
        """The arguments a call gets from the dicts spread into it (``pd.read_csv(**params)``, ``params =
        {"filepath_or_buffer": "data/x.csv", "sep": ";"}`` or ``dict(filepath_or_buffer=...)``), when the
        code spells each dict out; {} when there is none or one is not known."""
        spread: dict[str, Expr] = {}
        for k in node.keywords:
            if k.arg is not None:
                continue
            value = self.x.expr(k.value, self.scope, pos)  # (a path: a notebook's cell that sets it too)
            if value[0] != "dict":
                return {}  # (any argument may be in it)
            spread.update((key, v) for key, v in value[1] if isinstance(key, str))
        return spread

    def _shell_line(self, node: ast.Call, pos: Pos) -> None:
        """A notebook's ``!command`` line, given as ``__sciship_shell__("!tool", part, ...)``."""
        if not node.args or not isinstance(node.args[0], ast.Constant):
            return
        self.x.quiet += 1
        try:
            expr = ex.cat(self.x.expr(a, self.scope, pos) for a in node.args[1:]) if node.args[1:] else None
        finally:
            self.x.quiet -= 1
        if expr is not None:
            self.uses.append(
                Use(
                    str(node.args[0].value),
                    ("write",),
                    expr,
                    node.lineno,
                    self.x.cell,
                    pos,
                    "command",
                    **self._context(),
                )
            )

    def _output_keywords(self, node: ast.Call, pos: Pos) -> None:
        """``Build(data=f, outfile=out)``: a call that is not a file access sciship knows, given a path in
        an argument named like an output, probably makes that file (or fills that folder): a soft write."""
        for k in node.keywords:
            name = (k.arg or "").lower()
            tree = name in _OUTPUT_DIR_KEYWORDS
            if not tree and name not in _OUTPUT_KEYWORDS:
                continue
            self.x.quiet += 1
            try:
                expr = self.x.expr(k.value, self.scope, pos)
            finally:
                self.x.quiet -= 1
            if ex.is_unknown(expr):
                continue
            self.uses.append(
                Use(
                    f"{_as_written(node.func)}({k.arg}=)",
                    ("write",),
                    expr,
                    node.lineno,
                    self.x.cell,
                    pos,
                    "tree" if tree else None,
                    soft=True,
                    **self._context(),
                )
            )

    def _modes(self, node: ast.expr, pos: Pos) -> list[str | None]:
        """The mode strings a mode argument may be: a literal, or a name or ``a if c else b`` whose
        values are all literals (``mode = "w" if overwrite else "x"``); [None] when it is not known."""
        if isinstance(node, ast.Constant):
            return [node.value if isinstance(node.value, str) else None]
        value = self._quietly(node, pos)
        if value[0] == "opt":
            value = value[1]
        if value[0] == "param":  # `def opener(path, mode): return open(path, mode)`: each call says
            return [f"@{value[1]}"]
        options = value[1] if value[0] == "alt" else value[3:5] if value[0] == "when" else (value,)
        if all(o[0] == "s" for o in options):
            return [o[1] for o in options]
        return [None]

    def _called_later(
        self, fn: ast.expr, args: list[ast.expr], keywords: list[ast.keyword], node: ast.Call, pos: Pos
    ) -> None:
        """A function of the folder (or a file access) handed to something that calls it with ``args``: as
        if called here."""
        if any(isinstance(a, ast.Starred) for a in args):
            return
        call = ast.Call(func=fn, args=args, keywords=keywords)
        ast.copy_location(call, node)
        x = self.x
        q = x.qualify(fn, self.scope, pos)
        specs = FUNCTIONS.get(q) if q else None
        if specs is not None:
            self._access(call, specs, _as_written(fn), pos, self.uses)
            return
        local = self._callee(fn, q, pos)
        if local is not None:
            self._local_call(call, local, pos)

    def _map(self, node: ast.Call, pos: Pos) -> None:
        x = self.x
        fn, iterable = node.args[0], node.args[1]
        q = x.qualify(fn, self.scope, pos)
        specs = FUNCTIONS.get(q) if q else None
        if (
            specs is None
            and isinstance(fn, ast.Attribute)
            and fn.attr in METHODS
            and fn.attr.startswith("read_")
        ):
            specs = METHODS[fn.attr]
        if specs is not None:
            each: Expr = ("each", x.expr(iterable, self.scope, pos))
            for spec in specs:
                if spec.position == 0 and spec.access in {"read", "write"}:
                    self.uses.append(
                        Use(
                            _as_written(fn),
                            (spec.access,),
                            each,
                            node.lineno,
                            x.cell,
                            pos,
                            spec.convention,
                            **self._context(),
                        )
                    )
            return
        callee = self._callee(fn, q, pos)
        if callee is not None:
            x.quiet += 1
            try:
                each = ("each", x.expr(iterable, self.scope, pos))
            finally:
                x.quiet -= 1
            self.calls.append(Call(callee, (each,), (), node.lineno, x.cell, pos, **self._context()))

    def _callee(self, func: ast.expr, q: str | None, pos: Pos) -> Expr | None:
        x = self.x
        if isinstance(func, ast.Name):
            found = x.lookup(func.id, self.scope, pos)
            if found is None:
                stars = x.local_stars()
                return ("star", tuple(stars), func.id) if stars and func.id not in _BUILTINS else None
            b = found[0]
            if b.kind == "def" and found[1] is x.module:
                return ("local", x.def_key(func.id, b.node))
            if b.kind == "class" and found[1] is x.module:
                return ("local", func.id)
            if b.kind == "from":
                module, level, name = b.node
                if x.is_local(module, level):
                    return ("ref", module, level, name)
            return None
        if isinstance(func, ast.Attribute) and q:
            base = q.rsplit(".", 1)[0]
            root = _root_name(func.value)
            found = x.lookup(root, self.scope, pos) if root else None
            if found and found[0].kind in {"module", "from"} and x.local_q(base):
                level = len(base) - len(base.lstrip("."))
                return ("ref", base.lstrip("."), level, func.attr)
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and self.owner is not None
            and func.value.id == self.owner[1]
        ):
            # another method of the same class, `self._write_cache()` (hcbiophys/tcells_paper_code,
            # denehoffman/gluex-ksks-paper-analysis, Catchamouse16: the files those methods read and
            # write were lost)
            found = x.lookup(func.value.id, self.scope, pos)
            if found is not None and found[0].kind == "param":
                return ("member", ("local", self.owner[0]), func.attr)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call):
            # a method of an object made in the same expression: `Plotter(out).run()`
            maker = func.value.func
            if isinstance(maker, ast.Name) or (
                isinstance(maker, ast.Attribute)
                and isinstance(maker.value, ast.Name)
                and (module := x.lookup(maker.value.id, self.scope, pos)) is not None
                and module[0].kind in {"module", "from"}
            ):
                cls = self._callee(maker, x.qualify(maker, self.scope, pos), pos)
                if cls is not None and cls[0] in {"local", "ref"}:
                    return ("member", cls, func.attr)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            # a method of an object made here from a class of the project: `sb = Sb(...); sb.run()`
            found = x.lookup(func.value.id, self.scope, pos)
            if found and found[0].kind == "assign" and isinstance(found[0].node, ast.Call):
                made = found[0].node
                where = found[0].pos  # what the names meant where the object was made
                maker = made.func
                module = (
                    x.lookup(maker.value.id, self.scope, where)
                    if isinstance(maker, ast.Attribute) and isinstance(maker.value, ast.Name)
                    else None
                )
                if isinstance(maker, ast.Name) or (module and module[0].kind in {"module", "from"}):
                    cls = self._callee(made.func, x.qualify(made.func, self.scope, where), where)
                    if cls is not None and cls[0] != "member":
                        return ("member", cls, func.attr)
            classy = func.value.id[:1].isupper()
            if found and (found[0].kind == "class" or (found[0].kind == "from" and classy)):
                # a method called on the class itself: `Model.load_path(path)`, a classmethod or a
                # staticmethod (BioroboticsLab/IBA-paper-code's weights; the IBL's trained model); an
                # imported name is taken for a class by its capital (not `peakcallers.reindex()`)
                cls = self._callee(func.value, None, pos)
                if cls is not None and cls[0] in {"local", "ref"}:
                    return ("member", cls, func.attr, "class")
        return None

    def _local_call(self, node: ast.Call, callee: Expr, pos: Pos) -> None:
        x = self.x
        args = []
        x.quiet += 1  # an argument matters only if the helper uses it in a path: do not parse more for it
        try:
            for a in node.args:
                if isinstance(a, ast.Starred):
                    break
                args.append(x.argument(a, self.scope, pos))
            kwargs = tuple((k.arg, x.argument(k.value, self.scope, pos)) for k in node.keywords if k.arg)
        finally:
            x.quiet -= 1
        filters = [c for c in self.conds if c[1][:1] == (_NAME_FILTER,)]
        if filters:  # `if f.endswith(".csv"): load(f)`: the helper gets the names the test lets through
            args = [_unsettled(a, filters) for a in args]
            kwargs = tuple((k, _unsettled(v, filters)) for k, v in kwargs)
        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            kwargs += ((SPREAD, ex.UNKNOWN),)  # `f(*args)`, `f(**options)`: any parameter may be set
        fallback: list[Use] = []
        func = node.func
        made = self._made(func, pos) if callee[0] == "member" and len(callee) == 3 else None
        if (
            callee[0] in {"ref", "member", "star"}
            and isinstance(func, ast.Attribute)
            and func.attr in METHODS
        ):
            self._access(node, METHODS[func.attr], _as_written(func), pos, fallback)  # if it is not local
        self.calls.append(
            Call(
                callee, tuple(args), kwargs, node.lineno, x.cell, pos, fallback, made=made, **self._context()
            )
        )

    def _made(self, func: ast.expr, pos: Pos) -> tuple[tuple[Expr, ...], tuple[tuple[str, Expr], ...]] | None:
        """The arguments that made the object a method is called on (``e = Experiment("a", data="raw")``,
        then ``e.load()``), read where it was made; None when the object was not made by a call here."""
        x = self.x
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call):  # `Plotter(out).run()`
            made, where, scope = func.value, pos, self.scope
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            found = x.lookup(func.value.id, self.scope, pos)
            if found is None or found[0].kind != "assign" or not isinstance(found[0].node, ast.Call):
                return None
            made, where, scope = found[0].node, found[0].pos, found[1]
        else:
            return None
        if any(isinstance(a, ast.Starred) for a in made.args) or any(k.arg is None for k in made.keywords):
            return None  # (`Experiment(*args)`: which argument is which is not known)
        x.quiet += 1
        try:
            args = tuple(x.argument(a, scope, where) for a in made.args)
            kwargs = tuple((k.arg, x.argument(k.value, scope, where)) for k in made.keywords if k.arg)
        finally:
            x.quiet -= 1
        return args, kwargs


# ---------------------------------------------------------------------- small helpers
_PERCENT = compile_later(
    r"%(?P<key>\([^)]*\))?(?P<flags>[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?)[hlL]?(?P<conv>[diouxXeEfFgGcrsa%])"
)
_VAR = compile_later(r"\$\{?\w+\}?")


def _split_vars(text: str) -> list[Expr]:
    parts: list[Expr] = []
    last = 0
    for m in _VAR.finditer(text):
        parts.append(ex.lit(text[last : m.start()]))
        parts.append(ex.UNKNOWN2 if m.start() == 0 else UNKNOWN)
        last = m.end()
    parts.append(ex.lit(text[last:]))
    return parts


def _root_name(node: ast.expr) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _last_name(node: ast.expr) -> str:
    """``SourceFileLoader`` of ``importlib.machinery.SourceFileLoader`` or of itself ("" for others)."""
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""


def _call_arg(call: ast.Call, index: int, keyword: str) -> ast.expr | None:
    if len(call.args) > index:
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _module_of_path(node: ast.expr | None) -> str | None:
    """The module a path to a ``.py`` file names, as ``import`` would: ``"config/settings.py"`` is
    ``config.settings`` (found beside the script or from the top, as an import is),
    ``os.path.join(os.path.dirname(__file__), "..", "config", "settings.py")`` ``..config.settings`` (from
    the script's folder). None for a path not written out in the code, or one that leaves the folder it
    runs from (``"../config/settings.py"``: which folder that is, the trace knows, not this file)."""
    parts: list[str] = []
    beside = False

    def walk(n: ast.expr, first: bool) -> bool:
        nonlocal beside
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            if first and (n.value.startswith(("/", "\\", "~")) or n.value[1:2] == ":"):
                return False  # (the author's own disk: no module of the folder)
            parts.extend(n.value.replace("\\", "/").split("/"))
            return True
        if first and _file_folder(n):
            beside = True
            return True
        if isinstance(n, ast.Call) and _last_name(n.func) in {"str", "fspath"} and len(n.args) == 1:
            return walk(n.args[0], first)
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div):  # pathlib's `/`
            return walk(n.left, first) and walk(n.right, False)
        if isinstance(n, ast.Call) and _last_name(n.func) in {"join", "Path", "PurePath"} and not n.keywords:
            joined = isinstance(n.func, ast.Attribute) and n.func.attr == "join"
            if joined and _last_name(n.func.value) != "path":  # type: ignore[attr-defined]
                return False  # (`"/".join(...)`, `sep.join(...)`)
            return bool(n.args) and all(walk(a, first and i == 0) for i, a in enumerate(n.args))
        return False

    if node is None or not walk(node, True):
        return None
    parts = [part for part in parts if part not in {"", "."}]
    up = 0
    while parts and parts[0] == "..":
        up, parts = up + 1, parts[1:]
    if not parts or not parts[-1].endswith(".py") or any(part == ".." or "." in part for part in parts[:-1]):
        return None
    parts[-1] = parts[-1][: -len(".py")]
    if not parts[-1] or "." in parts[-1]:
        return None
    if up and not beside:  # (`../config/settings.py` from where it runs: a folder not known here)
        return None
    level = 1 + up if beside else 0
    return "." * level + ".".join(parts)


def _file_folder(node: ast.expr) -> bool:
    """The script's own folder: ``os.path.dirname(__file__)`` (of ``abspath``/``realpath`` too),
    ``Path(__file__).parent`` (of ``.resolve()`` too)."""
    if isinstance(node, ast.Call) and _last_name(node.func) == "dirname" and len(node.args) == 1:
        inner = node.args[0]
        if isinstance(inner, ast.Call) and _last_name(inner.func) in {"abspath", "realpath"} and inner.args:
            inner = inner.args[0]
        return isinstance(inner, ast.Name) and inner.id == "__file__"
    if isinstance(node, ast.Attribute) and node.attr == "parent":
        inner = node.value
        if isinstance(inner, ast.Call) and _last_name(inner.func) in {"resolve", "absolute"}:
            inner = inner.func.value if isinstance(inner.func, ast.Attribute) else inner
        return (
            isinstance(inner, ast.Call)
            and _last_name(inner.func) == "Path"
            and len(inner.args) == 1
            and isinstance(inner.args[0], ast.Name)
            and inner.args[0].id == "__file__"
        )
    return False


def _maybe_local_module(module: str, level: int) -> bool:
    return level > 0 or _maybe_local(module)


def _maybe_local(module: str) -> bool:
    """Could ``module`` be one of the project's own files? (not the standard library, not a big library)"""
    if module.startswith("."):
        return True
    top = module.partition(".")[0]
    return bool(top) and top not in _STDLIB and top not in _NOT_LOCAL


#: an argument parser's methods that give the parsed arguments (``parse_known_args``: with the rest)
_PARSE_METHODS = frozenset({"parse_args", "parse_known_args", "parse_intermixed_args"})


def _returns_parsed_args(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Does every ``return`` of ``function`` (not of the functions inside it) give what an argument
    parser parsed: ``return parser.parse_args()``, ``return parser.parse_known_args()[0]``?"""
    found = False
    for node, inside in _statements(function.body):
        if isinstance(node, ast.Return) and not inside:
            value = node.value
            methods = _PARSE_METHODS - {"parse_known_args"}  # (that one gives the arguments and the rest)
            if (
                isinstance(value, ast.Subscript)
                and isinstance(value.slice, ast.Constant)
                and value.slice.value == 0
            ):
                value, methods = value.value, frozenset({"parse_known_args"})
            if not (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Attribute)
                and value.func.attr in methods
            ):
                return False
            found = True
    return found


#: signac-flow's package is `flow`
_FLOW_IMPORT = compile_later(r"^[ \t]*(?:import[ \t]+flow\b|from[ \t]+flow[ \t.]+)", re.MULTILINE)


def _is_job(node: ast.expr) -> bool:
    """``job`` or ``self.job``: what ``with job:`` enters, in signac."""
    return (isinstance(node, ast.Name) and node.id == "job") or (
        isinstance(node, ast.Attribute) and node.attr == "job"
    )


def _dict_update(node: ast.expr) -> tuple[ast.Name, list[tuple[ast.expr, ast.expr]]] | None:
    """For ``d.update({...})`` or ``d.update(key=value)`` of a name: the name, and the (key, value) pairs
    it sets; None for any other expression."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "update"
        and isinstance(node.func.value, ast.Name)
        and len(node.args) <= 1
    ):
        return None
    pairs: list[tuple[ast.expr, ast.expr]] = []
    if node.args:
        given = node.args[0]
        if not isinstance(given, ast.Dict):
            return None
        pairs += [(k, v) for k, v in zip(given.keys, given.values, strict=True) if k is not None]
    pairs += [(ast.Constant(kw.arg), kw.value) for kw in node.keywords if kw.arg]
    return (node.func.value, pairs) if pairs else None


def _method_kind(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    """``"static"`` for a ``@staticmethod``, ``"class"`` for a ``@classmethod``, else ``""``."""
    for deco in node.decorator_list:
        if isinstance(deco, ast.Name) and deco.id in {"staticmethod", "classmethod"}:
            return deco.id[:-6]
    return ""


def _runs_in_job(decorator: ast.expr) -> bool:
    """``@flow.with_job``, ``@Project.operation(with_job=True)``: signac-flow runs it in the job's folder."""
    if isinstance(decorator, ast.Attribute | ast.Name):
        return (decorator.attr if isinstance(decorator, ast.Attribute) else decorator.id) == "with_job"
    if isinstance(decorator, ast.Call):
        return _runs_in_job(decorator.func) or any(
            k.arg == "with_job" and isinstance(k.value, ast.Constant) and k.value.value is True
            for k in decorator.keywords
        )
    return False


def _elsewhere(uses: list[Use], calls: list[Call]) -> None:
    """Paths relative to a folder sciship cannot know (a signac job's): ``log.txt`` is ``**/log.txt``."""
    for use in [*uses, *(u for c in calls for u in c.fallback)]:
        use.expr = ("join", (ex.UNKNOWN2, use.expr))


#: argparse actions that take no value on the command line
_NO_VALUE_ACTIONS = frozenset(
    {"store_true", "store_false", "store_const", "append_const", "count", "help", "version"}
)


def _true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _values_taken(kwargs: dict[str, ast.expr]) -> int | str:
    """How many words an ``add_argument`` option takes: a number, or ``"?"``, ``"*"``, ``"+"``."""
    action = kwargs.get("action")
    if isinstance(action, ast.Constant) and action.value in _NO_VALUE_ACTIONS:
        return 0
    nargs = kwargs.get("nargs")
    if isinstance(nargs, ast.Constant) and (
        (isinstance(nargs.value, int) and not isinstance(nargs.value, bool)) or nargs.value in {"?", "*", "+"}
    ):
        return nargs.value
    return "*" if nargs is not None else 1


def _statements(stmts: list[ast.stmt]) -> Iterator[tuple[ast.stmt, bool]]:
    """Every statement in ``stmts`` and the blocks inside them, each with whether it sits in a function
    defined there (a lambda holds no statements)."""
    stack = [(stmt, False) for stmt in stmts]
    while stack:
        node, inside = stack.pop()
        yield node, inside
        inner = inside or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            items = getattr(node, block, None)
            if isinstance(items, list):
                stack.extend((item, inner) for item in items)


_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")


def _loops_around(st: ast.stmt, pos: Pos, cell: int) -> list[tuple[Pos, Pos]]:
    """The loops of ``st`` (itself included) that hold ``pos``, outermost first: down the blocks that hold
    it only (a notebook's long cells were walked whole for each name: 8 ms a run)."""

    def span(node: Any) -> tuple[Pos, Pos]:
        return (cell, node.lineno, node.col_offset), (cell, node.end_lineno or 0, node.end_col_offset or 0)

    out: list[tuple[Pos, Pos]] = []
    node: Any = st
    while node is not None:
        if isinstance(node, ast.For | ast.AsyncFor | ast.While):
            out.append(span(node))
        inner = None
        for field in _BLOCKS:
            children = getattr(node, field, None) or ()
            # (a `case` of a `match` has no place of its own: its body's statements do)
            flat = [
                sub for child in children for sub in (child.body if hasattr(child, "pattern") else [child])
            ]
            inner = next((c for c in flat if hasattr(c, "lineno") and span(c)[0] <= pos < span(c)[1]), None)
            if inner is not None:
                break
        node = inner
    return out


def _endings_test(test: ast.expr) -> bool | None:
    """A test on one text's endings that holds whatever the text: `not f.endswith('.pickle') or not
    f.endswith('.pkl')` (no text ends with both: jakeormond/robot_maze_analysis_code's save helper always
    adds `.pickle`, and 197 writes without it were told), or fails whatever it (`and` of both). None when
    the text decides."""
    if not isinstance(test, ast.BoolOp) or len(test.values) < 2:
        return None
    negated = isinstance(test.op, ast.Or)
    subjects, endings = set(), []
    for term in test.values:
        value = term
        if negated:
            if not (isinstance(term, ast.UnaryOp) and isinstance(term.op, ast.Not)):
                return None
            value = term.operand
        if not (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and value.func.attr == "endswith"
            and len(value.args) == 1
            and isinstance(value.args[0], ast.Constant)
            and isinstance(value.args[0].value, str)
        ):
            return None
        subjects.add(ast.dump(value.func.value))
        endings.append(value.args[0].value)
    if (
        len(subjects) != 1
        or any(a != b and (a.endswith(b) or b.endswith(a)) for a in endings for b in endings)
        or len(set(endings)) < 2
    ):
        return None
    return negated  # (`or` of the negations: always true; `and` of the endings: always false)


def _counts(b: _Binding, name: str) -> bool:
    """Is ``b`` a step of a count, ``name += 1`` or ``name = name + 1`` (a value made from its last one)?"""
    node = b.node
    return b.kind == "aug" or (
        isinstance(node, ast.expr) and any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))
    )


def _within_own_value(b: _Binding, pos: Pos) -> bool:
    """Is ``pos`` inside the value a ``name = value`` binding gives (``out = open(out, "w")``)?"""
    node, kind = b.node, b.kind
    while kind.endswith("-item") and isinstance(node, tuple):  # `p, n = save(p)`: the value as a whole
        node, kind = node[0], kind[: -len("-item")]
    if kind not in {"assign", "aug"} or not isinstance(node, ast.expr) or node.end_lineno is None:
        return False
    return pos <= (b.pos[0], node.end_lineno, node.end_col_offset or 0)


def _is_module_call(q: str) -> bool:
    return q.partition(".")[0] in _STDLIB or q.partition(".")[0] in _NOT_LOCAL


def _as_written(func: ast.expr) -> str:
    parts: list[str] = []
    node: ast.expr = func
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    elif parts:
        parts.append("")  # a call or subscript: `.to_csv`
    return ".".join(reversed(parts))


def _is_main_guard(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, ast.If):
        return False
    test = stmt.test
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and len(test.comparators) == 1
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == "__main__"
    )


def _stub(body: list[ast.stmt]) -> bool:
    """Does running the module do nothing but raise ``NotImplementedError``: the first thing its top level
    and main block do (past imports, definitions and assignments of no call) is that raise, or a call of
    one of its functions that starts with it (``def main(): raise NotImplementedError``)?"""
    defs = {s.name: s for s in body if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef)}
    for stmt in body:
        for inner in stmt.body if isinstance(stmt, ast.If) and _is_main_guard(stmt) else [stmt]:
            ran = _stub_runs(inner, defs)
            if ran is not None:
                return ran
    return False


def _stub_runs(stmt: ast.stmt, defs: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]) -> bool | None:
    """True: ``stmt`` raises NotImplementedError (itself, or the function it calls, first thing); False:
    it does something else; None: it only defines names (an import, a ``def``, ``x = 1``)."""
    if isinstance(stmt, ast.Import | ast.ImportFrom | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return None
    if isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
        return None
    if isinstance(stmt, ast.Assign | ast.AnnAssign) and not any(
        isinstance(n, ast.Call) for n in ast.walk(stmt)
    ):
        return None
    if _raises_not_implemented(stmt):
        return True
    call = stmt.value if isinstance(stmt, ast.Expr) else None
    if isinstance(call, ast.Call) and _as_written(call.func) in {"sys.exit", "exit"} and len(call.args) == 1:
        call = call.args[0]  # (`sys.exit(main())`)
    if (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id in defs
        and not (call.args or call.keywords)  # (what its arguments do is not known)
    ):
        return next((ran for s in defs[call.func.id].body if (ran := _stub_runs(s, {})) is not None), False)
    return False


def _raises_not_implemented(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, ast.Raise) or stmt.exc is None:
        return False
    exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def _runnable(stmt: ast.stmt) -> bool:
    """Does this module-level statement do something when the file runs (beyond defining names)?"""
    if isinstance(stmt, ast.Import | ast.ImportFrom | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return False
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
        return False  # a docstring
    if isinstance(stmt, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.Pass | ast.Global | ast.Nonlocal):
        return False
    if isinstance(stmt, ast.Try):
        return any(_runnable(s) for s in stmt.body)
    if isinstance(stmt, ast.If) and not _is_main_guard(stmt):
        return any(_runnable(s) for s in [*stmt.body, *stmt.orelse])
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        # settings a module makes as it is imported (jtextor/immunet-paper-code: two modules of functions
        # only, with `warnings.filterwarnings(...)` at the top, were listed as steps)
        called = _as_written(stmt.value.func)
        return not (called in _SETTINGS or called.endswith((".seed", ".manual_seed", ".manual_seed_all")))
    return True


#: calls at the top of a module that only set things up: a module of functions with them runs nothing
_SETTINGS = frozenset(
    {
        "warnings.filterwarnings",
        "warnings.simplefilter",
        "filterwarnings",
        "simplefilter",
        "logging.basicConfig",
        "sys.path.append",
        "sys.path.insert",
        "matplotlib.use",
        "mpl.use",
        "plt.rc",
        "plt.rcParams.update",
        "mpl.rcParams.update",
        "matplotlib.rcParams.update",
        "plt.style.use",
        "sns.set",
        "sns.set_style",
        "sns.set_theme",
        "sns.set_context",
        "sns.set_palette",
        "np.set_printoptions",
        "numpy.set_printoptions",
        "pd.set_option",
        "pandas.set_option",
        "torch.set_default_dtype",
        "torch.set_num_threads",
        "tf.compat.v1.disable_eager_execution",
    }
)


#: one scope's names (see :class:`_Flags`): the names bound there, and of those the switches: names
#: bound once, by ``name = None`` (``True``, ``False``, a number)
_Scoped = tuple[frozenset[str], dict[str, object]]


class _Flags:
    """The switches of a whole file, per scope (0: the module, else ``id`` of a function's node): names an
    author sets by editing the file (``tofile = False``, ``root = None``) and the code only tests. Any
    other binding of the name in its scope (a parameter, an import, a loop, ``del``; ``global``/
    ``nonlocal`` anywhere) leaves it out; class bodies, lambdas and comprehensions count for the scope
    around them (more bindings only leave more out).

    :meth:`about` answers for one name in one scope, the first time a test asks: it walks only the
    statements of that scope that span a line naming the name, and in them only the expressions on such
    lines (an expression on no line that names it cannot bind it). A file's tests look at a few names in
    a few of its functions (29 of 83 in a 220 KB plotting module), and walking every expression of the
    file cost a quarter of its extraction. Statements only are walked for all of the file once, for its
    functions, its ``global``/``nonlocal`` names and the names its tests read.
    """

    def __init__(self, stmts: list[ast.stmt], text: str | None = None) -> None:
        self.stmts = stmts
        self.functions: dict[int, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        self.declared: set[str] = set()
        self.tested: set[str] = set()  #: the names ``if`` tests of the shapes :func:`_flag_test` decides read
        #: the text the lines of a name are found in (None: every expression is walked)
        self._text = _line_text(text) if text is not None else None
        self._done: dict[tuple[int, str], tuple[bool, bool, object]] = {}
        self._lines: dict[str, list[int]] = {}  #: per name, as :func:`_marks` counts them
        for node, _inside in _statements(stmts):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.functions[id(node)] = node
            elif isinstance(node, ast.Global | ast.Nonlocal):
                self.declared.update(node.names)
            elif isinstance(node, ast.If):
                name = _switch_name(node.test)
                if name is not None:
                    self.tested.add(name)

    def about(self, key: int, name: str) -> tuple[bool, bool, object] | None:
        """Whether scope ``key`` binds ``name``, whether it is a switch there, and its value; None when
        ``key`` is no function of this file."""
        found = self._done.get((key, name))
        if found is None:
            body = self._body(key)
            if body is None:
                return None
            lines = None
            if self._text is not None:
                lines = self._lines.get(name)
                if lines is None:
                    lines = self._lines[name] = _marks(self._text, {name})
            bound, values = self._scan(body[0], body[1], lines)
            switch = name in values
            found = self._done[(key, name)] = (name in bound, switch, values.get(name))
        return found

    def _body(self, key: int) -> tuple[list[ast.stmt], list[str]] | None:
        if key == 0:
            return self.stmts, []
        node = self.functions.get(key)
        if node is None:
            return None
        a = node.args
        names = [x.arg for x in (*a.posonlyargs, *a.args, *a.kwonlyargs)]
        names += [x.arg for x in (a.vararg, a.kwarg) if x is not None]
        return node.body, names

    def _scan(self, body: list[ast.stmt], params: list[str], lines: list[int] | None) -> _Scoped:
        count: dict[str, int] = dict.fromkeys(params, 1)
        value: dict[str, object] = {}

        def bind(name: str) -> None:
            count[name] = count.get(name, 0) + 1

        stack: list[ast.AST] = list(body)
        while stack:
            node = stack.pop()
            if lines is not None and isinstance(node, ast.stmt):
                first = node.lineno
                if isinstance(node, _DECORATED) and node.decorator_list:  # a decorator's line comes first
                    first = min(first, node.decorator_list[0].lineno)
                if lines[node.end_lineno or node.lineno] == lines[first - 1]:
                    continue  # the name is on none of its lines
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                bind(node.name)  # its body is a scope of its own
                a = node.args
                stack.extend(
                    [*node.decorator_list, *a.defaults, *(d for d in a.kw_defaults if d is not None)]
                )
                if node.returns is not None:
                    stack.append(node.returns)
                continue
            if lines is not None and isinstance(node, ast.expr):
                if lines[node.end_lineno or node.lineno] == lines[node.lineno - 1]:
                    continue  # the name is on none of its lines
                if isinstance(node, ast.JoinedStr):  # positions inside f-strings may be off: all of it
                    for inner in ast.walk(node):
                        _note(inner, bind, value)
                    continue
            _note(node, bind, value)
            stack.extend(ast.iter_child_nodes(node))
        declared = self.declared  # `global x` in any function: x may change anywhere
        return frozenset(count), {n: v for n, v in value.items() if count.get(n) == 1 and n not in declared}


_DECORATED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _note(node: ast.AST, bind: Callable[[str], None], value: dict[str, object]) -> None:
    """What ``node`` binds, for :meth:`_Flags._scan` (not what a nested function's body binds)."""
    if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
        bind(node.id)
    elif isinstance(node, ast.arg):
        bind(node.arg)
    elif isinstance(node, ast.alias):
        bind((node.asname or node.name).split(".")[0])
    elif isinstance(node, ast.ClassDef | ast.ExceptHandler | ast.MatchAs | ast.MatchStar) and node.name:
        bind(node.name)
    elif isinstance(node, ast.MatchMapping) and node.rest:
        bind(node.rest)
    elif (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
        and (node.value.value is None or isinstance(node.value.value, bool | int | float))
    ):
        value[node.targets[0].id] = node.value.value


def _line_text(text: str) -> str:
    """The text in which :func:`_marks` finds names: line ends as ``ast`` counts them, names in NFKC form."""
    if "\r" in text:  # as in _lines_naming (done first here: NFKC keeps line ends)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():  # the parser reads names in NFKC form (`ﬁle` is `file`)
        import unicodedata

        text = unicodedata.normalize("NFKC", text)
    return text


def _marks(text: str, names: Set[str]) -> list[int]:
    """For :class:`_Flags` about ``names``: item ``n`` counts the lines up to line ``n`` (1-based, as
    ``ast`` numbers them) where one of the names appears as a word (in code, a string or a comment), in
    a text :func:`_line_text` made."""
    marks = bytearray(text.count("\n") + 3)
    for line in _lines_naming(text, names):
        marks[line] = 1
    return list(accumulate(marks))


#: `=` before a value a switch may have (None, True, False, a number), across brackets, backslashes and
#: comments: the text of every ``name = <constant>`` that :class:`_Flags` may count
#: (a comment is taken to its line's end only: `#[^\n]*` alone could split `# # y` many ways, and 20 such
#: lines after an `=` took minutes: fyz11/LightSheetPaper_Code's share never ended)
_SWITCH_VALUE = compile_later(
    r"=(?<![=<>!]=)(?!=)(?:[ \t\r\n(\\]|#[^\n]*(?![^\n]))*(?:None|True|False|\.?\d)"
)
#: what may come before the target of an assignment statement, after spaces and brackets: the start of
#: a line, `;` or the `:` of a header on the same line (not `f(verbose=True)`, a keyword argument)
_STATEMENT_START = frozenset("\n;:")


def _switch_candidates(text: str) -> frozenset[str]:
    """Every name the text may set to a switch value (more than the real ones: a name in a call's
    arguments that starts its line, a chained assignment)."""
    out = set()
    for m in _SWITCH_VALUE.finditer(text):
        i = m.start() - 1  # back over `)`, spaces and backslash-continued lines to the target's name
        while i >= 0 and (text[i] in " \t)" or (text[i] == "\n" and text[i - 1 : i] == "\\")):
            i -= 2 if text[i] == "\n" else 1
        end = i + 1
        while i >= 0 and (text[i].isalnum() or text[i] == "_"):  # what `\w` matches
            i -= 1
        if i + 1 == end:
            continue  # `x[0] = 1`, `x.y = 1`: not a name
        name_start = i + 1
        while i >= 0 and text[i] in " \t(":
            i -= 1
        if i < 0 or text[i] in _STATEMENT_START:
            out.add(text[name_start:end])
    return frozenset(out)


def _switch_name(test: ast.expr) -> str | None:
    """The name a test of the shapes :func:`_flag_test` decides looks at, else None."""
    if isinstance(test, ast.Name):
        return test.id
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _switch_name(test.operand)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left, right = test.left, test.comparators[0]
        if isinstance(left, ast.Constant):
            left, right = right, left
        if isinstance(left, ast.Name) and isinstance(right, ast.Constant):
            return left.id
    return None


def _flag_value(name: str, flags: _Flags, functions: list[int]) -> tuple[bool, object]:
    """(known, value) of ``name`` seen from inside ``functions`` (innermost last)."""
    for key in (*reversed(functions), 0):
        entry = flags.about(key, name)
        if entry is None:
            return False, None
        bound, switch, value = entry
        if bound:
            return (True, value) if switch else (False, None)
    return False, None


def _flag_test(test: ast.expr, flags: _Flags | None, functions: list[int]) -> bool | None:
    """Whether ``test`` holds, when it only looks at such switches: ``if tofile:``, ``if not tofile:``,
    ``if root is None:``, ``if mode == 2:``; None when it tests anything else."""
    if flags is None:
        return None
    if isinstance(test, ast.Name):
        known, value = _flag_value(test.id, flags, functions)
        return bool(value) if known else None
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _flag_test(test.operand, flags, functions)
        return None if inner is None else not inner
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left, op, right = test.left, test.ops[0], test.comparators[0]
        if isinstance(left, ast.Constant):
            left, right = right, left
        if not (isinstance(left, ast.Name) and isinstance(right, ast.Constant)):
            return None
        known, a = _flag_value(left.id, flags, functions)
        b = right.value
        if not known or not (b is None or isinstance(b, bool | int | float)):
            return None
        if isinstance(op, ast.Is | ast.IsNot) and (b is None or isinstance(b, bool)):
            return (a is b) == isinstance(op, ast.Is)
        if isinstance(op, ast.Eq | ast.NotEq):
            return bool(a == b) == isinstance(op, ast.Eq)
    return None


_Known = tuple[tuple[Expr, ...], tuple[Cond, ...]]  #: (paths that exist, tests on values)
_NOTHING: _Known = ((), ())
_EXISTS_FUNCTIONS = frozenset(
    {"os.path.exists", "os.path.isfile", "os.path.isdir", "os.path.lexists", "os.path.getsize", "os.access"}
)
_EXISTS_METHODS = frozenset({"exists", "is_file", "is_dir"})
#: exceptions a missing or unreadable file raises (or that catch everything)
_FILE_ERRORS = frozenset(
    {"OSError", "IOError", "EnvironmentError", "FileNotFoundError", "Exception", "BaseException"}
)
_EXITS = frozenset({"sys.exit", "builtins.exit", "builtins.quit", "os._exit", "exit", "quit"})


def _file_error(node: ast.expr | None) -> bool:
    if node is None:
        return True  # a bare `except:`
    if isinstance(node, ast.Tuple):
        return any(_file_error(e) for e in node.elts)
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return name in _FILE_ERRORS


def _survives_missing_file(handler: ast.ExceptHandler) -> bool:
    """Does this handler catch a missing file and carry on without it? Not when it raises again or stops
    the program, and not when all it does is say so (``print("Please download the data first")``): the
    code after it still needs the file."""
    if not _file_error(handler.type) or any(_leaves(s) == "stop" for s in handler.body):
        return False
    body = handler.body
    if len(body) > 1 and _gives_up(body[-1]):
        # `print(f"Error: could not find {name}"); return`: the function says so and does nothing more
        # (neurodatascience/pipeline-variability-analysis-scripts' merge wrote nothing without its table)
        body = body[:-1]
    return not all(_only_says(s) for s in body)


def _gives_up(stmt: ast.stmt) -> bool:
    """A ``return`` of nothing (``return``, ``return None``)."""
    return isinstance(stmt, ast.Return) and (
        stmt.value is None or (isinstance(stmt.value, ast.Constant) and stmt.value.value is None)
    )


_SAYING = compile_later(r"^(?:print|(?:logging|logger|log|_?LOGGER|_?logger|warnings|__logger__)\.\w+|warn)$")


def _only_says(stmt: ast.stmt) -> bool:
    """A statement that only prints or logs a message (or a docstring-like constant)."""
    if not isinstance(stmt, ast.Expr):
        return False
    if isinstance(stmt.value, ast.Constant):
        return True
    return isinstance(stmt.value, ast.Call) and bool(_SAYING.match(_as_written(stmt.value.func)))


def _file_type(node: ast.expr | None) -> str | None:
    """The mode of ``argparse.FileType("w")`` (``"r"`` when it gives none); None for any other type."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name != "FileType":
        return None
    mode = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "mode"), None)
    if mode is None:
        return "r"
    return mode.value if isinstance(mode, ast.Constant) and isinstance(mode.value, str) else None


#: names a file may use unbound after a star import (``from lib.modules import *``, whose module imported
#: them): the modules everybody means by them
_CONVENTIONAL = {
    "np": "numpy",
    "pd": "pandas",
    "plt": "matplotlib.pyplot",
    "mpl": "matplotlib",
    "xr": "xarray",
    "sio": "scipy.io",
    "sc": "scanpy",
    "ad": "anndata",
    "gpd": "geopandas",
    **{m: m for m in ("numpy", "pandas", "torch", "pickle", "json", "os", "h5py", "joblib", "shutil")},
    "glob": "glob",
}
#: the aliases so usual that code using them unbound, without any import, means those modules
_PASTED_ALIASES = frozenset({"np", "pd", "plt", "xr", "gpd", "sio", "h5py"})


def _unsettled(expr: Expr, conds: list[Cond]) -> Expr:
    """``expr`` with a command-line option whose default the code rules out before the access made
    unknown: under ``if args.feat != "all":`` the file is one whoever runs the script names, never
    ``all`` (ShiuLab/Manuscript_Code: 14 files named `all`, `default`, `pass` said to be missing)."""
    for value, literals, runs in conds:
        if literals[:1] == (_NAME_FILTER,):  # `if f.endswith(".csv"):`, f one name of a listing
            narrowed = _narrowed_listing(value, literals[1], literals[2:])
            if narrowed is not None:
                expr = ex.replaced(expr, value, narrowed)
            continue
        if not runs and expr == value and value[0] != "case":
            # (the path is the very value tested: `FEAT = "all"`, set from the command line by hand,
            # then `if FEAT != "all": open(FEAT)`): anything but those texts
            expr = ("without", expr, tuple(literals))
            continue
        option = value[1] if value[0] == "case" else value
        if runs or option[0] != "opt" or len(option) < 4 or option[1][0] != "s":
            continue
        default = option[1][1].lower() if value[0] == "case" else option[1][1]
        if default in literals and any(node == option for node in ex.walk(expr)):
            expr = ex.replaced(expr, option, ("opt", UNKNOWN, option[2], option[3]))
    return expr


#: the first literal of a :data:`Cond` that is a test on a listed name's start or end (``f.endswith(".csv")``)
_NAME_FILTER = "\x00name-filter"


def _narrowed_listing(value: Expr, how: str, literals: tuple[str, ...]) -> Expr | None:
    """``value``, one name of a listing (``("each", ("glob", pattern, recursive), ...)``: ``os.listdir()``,
    ``glob.glob("*")``), when its name was tested to start or end with one of ``literals``: the names of
    the pattern that do (``*`` ending in ``.csv``: ``*.csv``). None when ``value`` is no such name, or
    the pattern's last part does not end (or start) with an unknown part the test can narrow, or the
    test lets several through (``f.endswith((".csv", ".tsv"))``: a listing that finds only ``.csv`` files
    is no missing ``*.tsv``)."""
    if value[0] != "each" or value[1][0] != "glob" or len(literals) != 1:
        return None
    lit = literals[0]
    if not lit or any(c in lit for c in "*?[]/\\"):
        return None
    pattern = value[1][1]

    def narrow(p: Expr) -> Expr | None:
        if p[0] == "s":
            folder, slash, name = p[1].rpartition("/")
            if how == "end" and name.endswith("*"):
                return ("s", folder + slash + name + lit)
            if how == "start" and name.startswith("*"):
                return ("s", folder + slash + lit + name)
            return None
        if p[0] in {"join", "cat"} and p[1]:  # (the last part: `Path(d).iterdir()`, `d + "/*"`)
            last = narrow(p[1][-1])
            return None if last is None else (p[0], (*p[1][:-1], last))
        return None

    narrowed = narrow(pattern)
    return None if narrowed is None else ("each", ("glob", narrowed, value[1][2]), *value[2:])


def _may_be_path(node: ast.expr) -> bool:
    """Could a returned expression be a path (text, a name, an f-string, ``+`` or ``/``, a call that
    builds paths or of a function of its own), or a dict that holds some (settings)? Not a number, a list
    of values, a comparison, a boolean, nor what another library's call gives (``pd.read_csv(path)``)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Dict):  # settings with paths in them: `return {"images": "data/imagenet"}`
        return any(
            isinstance(v, ast.Constant) and isinstance(v.value, str) and ("/" in v.value or "." in v.value)
            for v in node.values
        )
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        return name in _PATH_BUILDERS or (isinstance(func, ast.Name) and not hasattr(builtins, name))
    return isinstance(node, ast.Name | ast.Attribute | ast.JoinedStr | ast.BinOp | ast.Subscript)


#: calls whose value may be a path (by the name of the function or method)
_PATH_BUILDERS = frozenset(
    {
        "join",
        "joinpath",
        "Path",
        "PurePath",
        "abspath",
        "realpath",
        "normpath",
        "dirname",
        "basename",
        "expanduser",
        "format",
        "replace",
        "with_suffix",
        "with_name",
        "with_stem",
        "resolve",
        "absolute",
        "str",
        "fspath",
        "glob",
        "sorted",
        "list",
        "tuple",
        "set",
        "frozenset",
        "reversed",
        "natsorted",
        "tqdm",
        "chain",
    }
)


def _leaves(stmt: ast.stmt) -> str | None:
    """How a statement ends the block: "skip" (return, continue, break: the run goes on elsewhere),
    "stop" (raise, sys.exit: the run ends), None (it does not)."""
    if isinstance(stmt, ast.Return | ast.Continue | ast.Break):
        return "skip"
    if isinstance(stmt, ast.Raise):
        return "stop"
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        func = stmt.value.func
        name = _as_written(func)
        if name in _EXITS or (name.endswith(".exit") and name.split(".")[0] in {"sys", "os"}):
            return "stop"
    return None


def _numeric(node: ast.expr) -> bool:
    """A number written out (``10 % 3``: arithmetic, not text formatting)."""
    number = isinstance(node, ast.Constant) and isinstance(node.value, int | float)
    return number and not isinstance(node.value, bool)  # type: ignore[attr-defined]


def _arithmetic(op: ast.operator, a: str, b: str) -> Expr:
    """``a op b`` for two numbers the code sets (their ``repr``), as ``("k", repr)``; unknown otherwise."""
    try:
        x, y = (int(v) if v.lstrip("-").isdigit() else float(v) for v in (a, b))
    except ValueError:  # True, None
        return UNKNOWN
    try:
        if isinstance(op, ast.Add):
            value: float = x + y
        elif isinstance(op, ast.Sub):
            value = x - y
        elif isinstance(op, ast.Mult):
            value = x * y
        elif isinstance(op, ast.Div):
            value = x / y
        elif isinstance(op, ast.FloorDiv):
            value = x // y
        else:
            value = x % y
    except (ZeroDivisionError, OverflowError):
        return UNKNOWN
    return ("k", repr(value)) if abs(value) < 1e15 else UNKNOWN


def _string_literals(node: ast.expr) -> tuple[str, ...] | None:
    """``"a"`` or ``("a", "b")`` / ``["a", "b"]`` / ``{"a", "b"}`` of string literals, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, ast.Tuple | ast.List | ast.Set) and node.elts:
        out = []
        for e in node.elts:
            if not (isinstance(e, ast.Constant) and isinstance(e.value, str)):
                return None
            out.append(e.value)
        return tuple(out)
    return None


#: keyword arguments that name an output file or folder, by convention (``outfile=``, ``output_dir=``)
_OUTPUT_KEYWORDS = frozenset(
    {
        "outfile",
        "out_file",
        "output_file",
        "outputfile",
        "outpath",
        "out_path",
        "output_path",
        "save_path",
        "savepath",
        "save_file",
        "fout",
        "out_filename",
        "output_filename",
    }
)
_OUTPUT_DIR_KEYWORDS = frozenset(
    {
        "outdir",
        "out_dir",
        "output_dir",
        "outputdir",
        "output_folder",
        "out_folder",
        "output_directory",
        "save_dir",
        "savedir",
        "save_folder",
    }
)

#: calls that make or name a temporary folder or file (``/tmp/...`` wherever they run)
_TEMP_FOLDERS = frozenset(
    {"tempfile.TemporaryDirectory", "tempfile.mkdtemp", "tempfile.gettempdir", "tempfile.gettempdirb"}
)
_TEMP_NAMES = frozenset({"tempfile.mktemp"})
_TMP = "/tmp"  # noqa: S108 (where a temporary folder is, to classify paths; nothing is written there)
#: per-user folders of ``platformdirs`` / ``appdirs`` (and ``pooch.os_cache``), as on Linux
_DIRS_MODULES = frozenset({"platformdirs", "appdirs", "pooch"})
_USER_FOLDERS = {
    "user_cache_dir": "~/.cache",
    "user_cache_path": "~/.cache",
    "os_cache": "~/.cache",
    "user_data_dir": "~/.local/share",
    "user_data_path": "~/.local/share",
    "user_config_dir": "~/.config",
    "user_config_path": "~/.config",
    "user_state_dir": "~/.local/state",
    "user_state_path": "~/.local/state",
    "user_log_dir": "~/.cache",
    "user_log_path": "~/.cache",
}
