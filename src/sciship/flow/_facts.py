"""What the trace keeps of one file (cached by content): the facts :mod:`sciship.flow._extract` finds.

Plain dataclasses, so reading them from the cache needs neither the parser nor the extractor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sciship.flow._expr import Expr

Pos = tuple[int, int, int]  #: (cell, line, column): the order statements run in
#: (module, level) -> is it one of the project's own files (seen from the file being read)?
LocalTest = Callable[[str, int], bool]
#: a test on a name's value the code runs under: (the value, the literals it is compared with, whether the
#: code runs when the value is one of them). ``if kind == "WL": ...`` gives (kind, ("WL",), True) for its body
Cond = tuple[Expr, tuple[str, ...], bool]
#: the literals of a :data:`Cond` on a parameter's truth: ``if plot: ...`` gives (plot, (TRUTH,), True) for
#: its body, decided when the call passes a constant (``plot=False``) or leaves the default
TRUTH = "\x00truth"
#: the literals of a :data:`Cond` on whether a parameter is None: ``if savepath is not None: ...`` gives
#: (savepath, (NONE,), False) for its body, decided when the call passes a value or leaves ``None``
NONE = "\x00none"
#: the first literal of a :data:`Cond` on a number: ``if n_folds == 5:`` gives (n_folds, (NUMBER, "5"),
#: True) for its body, decided when the code sets the number (not a command-line option)
NUMBER = "\x00number"
#: what the SHR117 problem of a file in Python 2 says ("This file looks like Python 2 (a `print` statement
#: ... on line 5)"): the step runs with ``python2``
PYTHON2_SAID = "looks like Python 2 ("
#: a keyword of a :class:`Call` that passed ``*args`` or ``**kwargs``: any parameter may come from them
SPREAD = "*"
#: the start of the module name under which a Hydra app's configuration values are looked up (never a real
#: module's name): ``HYDRA + "conf/config"`` is ``conf/config.yaml`` beside the script
HYDRA = "\x00hydra:"
#: the start of the module name under which the values of a settings file the code loads itself are looked
#: up: ``CONFIG + "yaml:" + <the file's path expression, as JSON>``, for ``yaml.safe_load(open(p))``
#: (``json:`` for ``json.load``, ``omegaconf:`` for ``OmegaConf.load``); the name is the keys, joined by
#: :data:`CONFIG_SEP` ("" for the whole file)
CONFIG = "\x00config:"
CONFIG_SEP = "\x1f"
#: a notebook's ``!command`` line becomes a call to this name, so its ``{expr}`` parts are read as Python
SHELL_CALL = "__sciship_shell__"
#: a guard ``(ABSENT, path)``: the code runs only when the file is missing (``if not os.path.exists(p):``,
#: or after ``if os.path.exists(p): continue``); what it writes there only fills a gap (a download cache)
ABSENT = "absent"


@dataclass
class Use:
    """A path argument of one file-access call, before the folders around it are known."""

    call: str  #: as written: ``np.save``
    access: tuple[str, ...]  #: ("read",), ("write",) or both
    expr: Expr
    line: int
    cell: int | None
    pos: Pos
    convention: str | None = None
    needs_suffix: bool = False
    format_given: bool = False  #: ``savefig(..., format="pdf")``: no extension is added
    into: Expr | None = None  #: copy/move: the source, whose name is kept when the target is a folder
    append: bool = False  #: opened to append: two steps may both add to it
    #: the read is protected: inside ``try:`` with a handler for a missing file (OSError, Exception, bare)
    optional: bool = False
    #: paths whose existence the code checks before (``if os.path.exists(p):``, ``if not p.exists():
    #: return``), and ``(ABSENT, path)`` for paths it knows are missing
    guards: tuple[Expr, ...] = ()
    conds: tuple[Cond, ...] = ()  #: tests on values the code runs under (decided once arguments are known)
    #: a file the call may make, not a file access sciship can see (a command's ``-o``, an ``outfile=``)
    soft: bool = False


@dataclass
class Call:
    """A call to a function that may be the project's own (resolved across files later)."""

    callee: Expr  #: ("local", name) or ("ref", module, level, name)
    args: tuple[Expr, ...]
    kwargs: tuple[tuple[str, Expr], ...]
    line: int
    cell: int | None
    pos: Pos
    fallback: list[Use] = field(default_factory=list)  #: what it does when the module is not local
    optional: bool = False  #: see :class:`Use`: everything the function reads is optional
    guards: tuple[Expr, ...] = ()
    conds: tuple[Cond, ...] = ()
    #: a method called on an object made here from a class of the project (``e = Experiment("a");
    #: e.load()``): the arguments that made it (positional, keywords), which set what ``self.x`` holds
    made: tuple[tuple[Expr, ...], tuple[tuple[str, Expr], ...]] | None = None


@dataclass
class Function:
    name: str
    params: tuple[str, ...] = ()
    defaults: dict[str, Expr] = field(default_factory=dict)
    uses: list[Use] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    methods: tuple[str, ...] = ()  #: for a class: its methods (kept as ``Class.method``)
    #: for a class: the classes of the project it derives from (``("local", name)``, ``("ref", ...)``),
    #: where a method it does not define is looked for
    bases: tuple[Expr, ...] = ()
    #: what it returns, when that may be a path (``return base + name + "/"``), in terms of its parameters
    returns: Expr | None = None
    #: for a method: ``"static"`` (a ``@staticmethod``: no ``self``), ``"class"`` (a ``@classmethod``), or ""
    kind: str = ""
    #: what ``self.x`` holds in the class's methods, for each ``x`` the class sets once: on ``__init__``,
    #: its ``self.x = value`` (in terms of its parameters); on the class, its body's ``x = value``. A
    #: method's ``self.x`` is the parameter ``("param", "self.x")``, set when the trace knows the object
    attrs: dict[str, Expr] = field(default_factory=dict)
    #: what it asks whoever runs it to type (``input("Data file: ")``), as :attr:`Facts.asks`: a step that
    #: calls it asks that too
    asks: list[str] = field(default_factory=list)


@dataclass
class Facts:
    """Everything the trace needs from one file."""

    path: str
    kind: str  #: "py" or "nb"
    parsed: bool = True  #: False: a very large file, only skimmed
    full: bool = False  #: every statement was parsed (not only those that can touch files)
    runnable: bool = False  #: has statements that do something when the file runs
    main_guard: bool = False
    #: the lines of a ``.py`` file's ``if __name__ == "__main__":`` blocks (first, last): importing the
    #: file does not run them
    main_lines: list[tuple[int, int]] = field(default_factory=list)
    imports: list[tuple[str, int]] = field(default_factory=list)  #: (module, level) of each import
    #: module-level imports with their place: (module, level, line, cell); importing runs a module's top level
    import_lines: list[tuple[str, int, int, int | None]] = field(default_factory=list)
    constants: dict[str, Expr] = field(default_factory=dict)  #: module-level names -> last value
    functions: dict[str, Function] = field(default_factory=dict)
    references: list[str] = field(default_factory=list)  #: local functions used as values (callbacks)
    uses: list[Use] = field(default_factory=list)  #: at module level
    calls: list[Call] = field(default_factory=list)  #: at module level
    chdirs: list[tuple[Pos, Expr]] = field(default_factory=list)
    savefig_format: str | None = None
    problems: list[tuple[str, str, int | None, int | None]] = field(default_factory=list)
    cells: list[tuple[int, int | None, bool, bool]] = field(default_factory=list)  #: notebook cells
    #: the command-line options it reads with argparse: (option strings, destination, how many words
    #: each takes: a number, ``"?"``, ``"*"`` or ``"+"``); positional ones have a name without ``-``
    options: list[tuple[tuple[str, ...], str, int | str]] = field(default_factory=list)
    #: the destinations of the options a run must give (positional ones, ``required=True``)
    required: list[str] = field(default_factory=list)
    #: a ``.py`` file whose run does nothing but raise ``NotImplementedError`` (a script not written yet:
    #: ``def main(): raise NotImplementedError`` and its main block): no step
    stub: bool = False
    #: what the file asks whoever runs it to type (``input("Data file: ")``): each prompt, as written ("" when
    #: the code builds it), in order
    asks: list[str] = field(default_factory=list)
    #: a ``.py`` file: whether Python's parser accepted the whole text (None: not parsed here; the cache
    #: does not keep it)
    syntax: bool | None = field(default=None, compare=False)
