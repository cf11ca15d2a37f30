"""From per-file facts to the data flow of a folder: steps, reads and writes, the graph, the run order and
the problems.

Rules (the README of ``share`` describes them to users):

- **Steps** are the notebooks (Python ones) and the ``.py`` files that do something when run (statements
  beyond definitions, an ``if __name__ == "__main__":`` block, file access at module level), except helper
  modules other files import (importing runs their top level in the importer, but not their main block,
  which is a step only when it reads or writes files), tests (named ``test_*.py`` or ``*_test.py`` and
  holding tests: a ``permutation_test.py`` without them is a script), a notebook's Jupytext copy (a
  ``# %%`` script with its name, beside it or at the same place under another top folder: one step, the
  notebook), ``setup.py``-like files, what builds the documentation with Sphinx (a ``conf.py`` in a
  documentation folder or setting Sphinx's options, an extension with its ``setup(app)``) and the
  modules of an import package (unless their main block accesses files). Files that cannot be read are
  still steps; a notebook with no code is none.
- **Working folder**: a notebook runs from its own folder (as Jupyter does). A script runs where the
  Makefile, shell script or README shell block that runs it says (``python3 code/x.py`` in
  ``fig6/Makefile`` runs in ``fig6``, as does ``cd fig6`` then ``python x.py`` in a README block; run
  from several folders, it reads and writes in each what the commands there give it; a shell script
  another runs, ``bash jobs/run.sh``, ``sbatch`` or ``qsub jobs/run.sh`` at the top, starts at the top,
  and a cluster job where its ``#SBATCH --chdir``, ``#PBS -d`` or ``#$ -wd`` says, ``#$ -cwd`` where it
  is submitted from; a PBS or Grid Engine job whose header says nothing starts in the home folder, where
  its commands before a ``cd $PBS_O_WORKDIR`` run nothing sciship can place);
  else from the root of the folder, unless its relative paths only make sense from its own folder (more
  of them name files that exist from there, a result it writes included, or they leave the folder from
  the root, as may its first relative ``os.chdir``): then from its own folder; a script nothing places
  runs where the scripts beside it run, when those run from their own folder, or among files like its
  own (bare names, none of them anywhere, sharing a first word and suffix with a file of its folder and
  of no folder above).
  ``os.chdir`` and ``%cd`` with a path sciship can read move it for the lines after them.
- A path built from ``__file__`` is relative to the file's own folder; an absolute path is kept as written.
- Function calls are followed into the project's own functions (the same file, an imported local module,
  ``from utils import *``, a module loaded by its path, ``SourceFileLoader("settings",
  "config/settings.py").load_module()`` or ``importlib.util.spec_from_file_location``, as if imported;
  methods of an object made from one of its classes), with the arguments of the
  call (arguments built from the name of one ``for`` loop are followed one element at a time); what a
  helper reads or writes (or asks whoever runs it to type, ``input()``) counts for the step that calls it,
  at the line of the call; what it returns
  is worked out with the arguments of each call (a helper that runs a program on the path it returns may
  have made that file). Functions nobody calls do not run.
- **Graph**: step A comes before step B when B reads a file A writes (a pattern matches when one file name
  can fit both), unless B writes that file too (a cache it makes itself; not when B only fetches it when
  it is missing and another step makes it), the pattern names nothing
  but an extension in an unknown folder, or a name fits both only through what neither knows (a read
  in an unknown folder and a write of any name, or of a name whose known start and end both differ
  from the read's). **Order**: that dependency order; where it does not decide, file
  names sorted with their numbers read as numbers (``01_``, ``fig2`` before ``fig10``); a circle is broken
  the same way.
- **Optional reads** (never a problem, kept in the graph): inside ``try:`` with a handler that carries on
  after a missing file, after an existence check of that path (or a folder it is in), or of a file the
  same step writes. **Scratch places** (temporary, cache and settings folders of whoever runs the code)
  are never problems. A place outside the folder that a step only writes gets its own message.
- **Soft writes**: files a shell command's output options, an unpacked archive, a ``git clone``, an
  ``outfile=`` argument or the folder's shell scripts, Makefiles, Snakefiles and Nextflow processes
  (the names with variable parts the last three declare fit the names they can take) may make: they
  make a read "not missing" but are no outputs and order no steps; one step's nameless ones (an
  archive into an unknown set of names) only count for that step. What the README's shell commands
  download or unpack (``unzip d.zip -d data``) is an input, never a missing one.
- **Command-line options**: ``sys.argv[k]`` is the k-th word the Makefiles or shell scripts that run
  the script give it (unknown when none runs it); an argparse option is its default, unless the
  Makefiles or shell scripts that run the script pass it (``python3 src/plot.py --input-file
  $data_dir/x.nc``, with the variables they and the files they source set): then what they pass, from
  each command. A settings file the code loads (``yaml.safe_load(open("config.yaml"))``, ``json.load``,
  ``OmegaConf.load``) gives its values: ``cfg["data"]["raw"]`` is that key's value in the file of the
  folder, found from where the script runs; a key it lacks (or leaves empty) is unknown. A console
  script of the project's that a pipeline runs (``uv run study-figures``) makes the module of its
  function a step that runs the function, when that reads or writes files.
- **Workflows' rules**: a Snakefile's rule, or a Makefile's pattern rule (``results/%.csv: data/%.txt``),
  runs once for each file of its outputs' pattern the other rules ask for (``expand(...)`` of a list
  the Snakefile or its ``configfile:`` sets, ``all: results/a.csv``), its wildcards (``{sample}``, ``%``,
  ``$*``) put in; a pattern of no known value stays a pattern, never a made-up name. A script a rule
  runs with ``script:`` reads and writes what the rule names (``snakemake.input[0]``,
  ``snakemake.output.fig``). A Snakefile's ``workdir:`` is where its rules run; one on the author's
  computer is a problem (SHR111).
- **Two steps writing one file** (in the folder, or at one absolute path) is a problem, unless they
  append to it (not when one writes it anew after another appends: that is lost), make the same call,
  the ones after the first in the run order update it in place (read
  it before writing it: such a step runs after the one that makes the file, not after another update),
  or all but one write it only when it is missing (under ``if not os.path.exists(p):``, or after
  ``if os.path.exists(p): continue``).
- **Absolute paths between steps**: a file one step writes at an absolute path (or outside the folder)
  and another reads there orders them too (not a read that need not find its file), and the read's
  problem says which step makes it. Where an absolute path shows this folder as it sits on the
  author's computer (a file read there that this folder has), the other paths under that place are
  said to be this folder's files, and are told as one group.
- **One value in one path**: a command-line option, a name of another module or a parameter that
  appears twice in one path takes the same value in both places (``experiment_{MODE}/exp_{MODE}.pkl``
  for ``--mode`` with ``choices=["2a", "2b"]`` is two paths, not four); a required option with
  ``choices`` is one of them.
- **Branches**: code under a test its arguments decide (``if kind == "WL"`` called with ``"WL"``) runs
  only on the side the test takes; command-line and environment defaults decide nothing. A name set
  again in a branch, a loop or a ``try`` holds either value after it (only the sides that do not
  return, raise or exit), unless a test on a text, on ``None``, a switch or a constant decides the
  branch; where a test on settings of the file cannot be decided (``if int(year) >= 2015:``), the last
  value, as written.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import functools
import gc
import hashlib
import itertools
import posixpath
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sciship._jupyter import CELLS
from sciship._regex import compile_later
from sciship.flow import Access, Flow, FlowProblem, Location, PathUse, Step, _stored, is_test, set_aside
from sciship.flow import _expr as ex
from sciship.flow._expr import ROOT, STAR, STAR2, Expr, Scope
from sciship.flow._facts import (
    ABSENT,
    CONFIG,
    CONFIG_SEP,
    HYDRA,
    NONE,
    NUMBER,
    PYTHON2_SAID,
    SPREAD,
    TRUTH,
    Call,
    Cond,
    Facts,
    Function,
    Pos,
    Use,
)
from sciship.flow._notebook import run_problems
from sciship.project import SECRET_NAME

if TYPE_CHECKING:
    from sciship.flow._cache import FactsCache
    from sciship.flow._shell import SnakeText
    from sciship.project import Project

#: a file of secrets by its name (`openai_api_key`, `.env`, `credentials.json`, `token.txt`)
_SECRET = SECRET_NAME
LARGE_FILE = 1_000_000  #: characters; larger .py files are generated data: skimmed, never parsed
_NOT_STEPS = frozenset(
    {
        "setup.py",
        "conftest.py",
        "noxfile.py",
        "tasks.py",
        "fabfile.py",
        "__init__.py",
        "__main__.py",
        "manage.py",
        "waf.py",  # the waf build tool's launcher (econ-project-templates): it runs the steps
        # packaging tools copied into a project (caporaso-lab/gut-to-soil-manuscript-figures: `python
        # versioneer.py` was step 5, and run with `setup` it rewrites setup.cfg)
        "versioneer.py",
        "ez_setup.py",
        "distribute_setup.py",
    }
)
_NOT_STEP_DIRS = frozenset(
    {
        "tests",
        "test",
        "testing",
        ".ipynb_checkpoints",
        "build",
        "dist",
        ".github",
        "__pycache__",
        "node_modules",
        ".tox",
        ".nox",
        "site-packages",
        ".git",
    }
)
_TEST_DIRS = frozenset({"tests", "test", "testing"})
#: a workflow's step that runs one of the folder's scripts: `run: python validation/check.py`
_CI_RUN = compile_later(r"\bpython[0-9.]*\s+([\w./-]+\.py)\b")
_DOC_DIRS = frozenset({"docs", "doc", "sphinx", "documentation", "docs_source", "doc_source"})
#: options only Sphinx's configuration sets, at the start of a line of a ``conf.py``
_SPHINX_OPTION = compile_later(
    rb"^(?:extensions|html_theme|master_doc|root_doc|source_suffix)[ \t]*=", re.MULTILINE
)
#: a Sphinx extension: its ``setup(app)`` at module level, and an import of Sphinx or docutils
_SPHINX_SETUP = compile_later(rb"^def setup\([ \t]*app\b", re.MULTILINE)
_SPHINX_IMPORT = compile_later(rb"^(?:from|import)[ \t]+(?:sphinx|docutils)\b", re.MULTILINE)
#: a Snakemake rule's ``script: "x.py"`` (on its line, or the line after)
_SNAKEMAKE_SCRIPT = compile_later(r"""\bscript:\s*(?:\n\s*)?["']([^"'\n]+\.py)["']""")
#: what a file that widens where Python finds modules says (see :meth:`_Tracer._widens`); searched as
#: texts, not with a pattern: a pattern starting at a word boundary tried every byte of a folder's
#: megabytes of notebooks (0.1 s)
_WIDENS_WORDS = (b"sys.path", b"addsitedir", b"PYTHONPATH")
_PYTHONPATH_WORDS = (b"PYTHONPATH", b"pythonpath", b"extraPaths")


def _widens_search(data: bytes) -> bool:
    """Does a script or notebook put folders on ``sys.path`` or set ``PYTHONPATH``?"""
    return any(word in data for word in _WIDENS_WORDS)
#: a script Jupytext writes for a notebook: its ``# %%`` cells, or its header (``jupytext:`` under
#: ``# jupyter:``)
_JUPYTEXT = compile_later(rb"^# %%|^#\s+jupytext:", re.MULTILINE)
#: Jupytext's header of a script paired with a notebook
_PAIRED = compile_later(rb"^#\s+formats:[^\n]*\bipynb\b", re.MULTILINE)
_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ()))
#: not a local file: a URL, a cloud store, or a remote data set name (GMT's ``@earth_relief_01d``)
_URL = compile_later(r"^[A-Za-z][\w+.-]*://|^(?:s3|gs|gcs|az|abfs|hdfs|ftp|https?|file|memory):|^@")
_SUFFIX = compile_later(r"\.[A-Za-z0-9_]+$")
#: a web query's parameters (`...?ra=12&dec=3&format=fits`): a URL whose start is a name, not a file
_QUERY = compile_later(r"\?[\w.]+=[^/]*&[\w.]+=")
_MAX_FOLLOW = 8


#: a function followed from a step: (file, function, the written-out texts its call passed, else None)
_Link = tuple[str, str, tuple[str, ...] | None]


@dataclass
class _Raw:
    """A use attributed to a step, with the scope to evaluate it in and its place in the step's file."""

    use: Use
    scope: Scope
    line: int
    cell: int | None
    pos: Pos
    via: str | None
    fmt: str | None  #: savefig.format set in the file the call sits in
    optional: bool = False  #: inside a ``try`` that survives a missing file (here or in a caller)
    guards: tuple[tuple[Expr, Scope], ...] = ()  #: existence checks around it, with their scopes
    #: the functions followed from the step to the call, each with the arguments of its call when they
    #: are all written-out texts (``()`` for none), else None: ((file, function, arguments), ...)
    chain: tuple[_Link, ...] = ()
    #: in a function of the step's own file, the place of the step's call that runs it: the folder it
    #: runs in is the one of that moment (`os.chdir(run_dir)`, then `save()`)
    at: Pos | None = None


@dataclass
class _Res:
    """One path a step reads or writes, evaluated (tokens for unknown parts), before the working folder."""

    text: str
    kind: str  #: "rel", "rooted" or "abs"
    access: Access
    raw: _Raw
    mat: bool = False  #: loadmat: the name, or the name with .mat added
    into_name: str | None = None
    optional: bool = False  #: a read that need not find its file (protected, or checked first)
    #: a file the step may make (a command's output option, an unpacked archive): never an output or a
    #: reason for an order between steps; it only means "not missing"
    soft: bool = False
    #: written only when it is missing (``if not os.path.exists(p): download(p)``): two steps that both
    #: fill the same gap do not overwrite each other
    fill: bool = False


@dataclass
class _Final:
    path: str  #: tokens for unknown parts; relative to the root for "folder", as written otherwise
    location: Location
    loose: bool
    res: _Res


def run(project: Project, *, use_cache: bool = True) -> Flow:
    """The data flow of ``project``, traced (:func:`sciship.flow.trace` first takes the last run's, kept)."""
    ready = use_cache and _READY and _READY[0][0] is project
    tracer = _READY.pop()[1] if ready else _Tracer(project, use_cache)
    _READY.clear()
    early = _take_prefetch(project, tracer)
    LAST_TRACED[0] = "here"
    if isinstance(early, Flow):
        if use_cache:
            LAST_TRACED[0] = "child"
            return early
        early = {}  # traced with the cache: this process traces again without it
    tracer.early.update(early)
    return tracer.run()


class _Tracer:
    def __init__(self, project: Project, use_cache: bool) -> None:
        self.p = project
        self.cache: FactsCache | None = None
        if use_cache:
            from sciship.flow._cache import FactsCache

            self.cache = FactsCache(str(project.root))
        self.facts: dict[str, Facts] = {}
        self.unreadable: dict[str, str] = {}
        self.binary: set[str] = set()  #: ``.py`` files with null bytes: no code, so no step either
        self.python_files = project.python_files()
        self.py_files = frozenset(self.python_files)
        #: which modules are local depends on the .py files present: part of every cache key
        self.layout = hashlib.sha256(
            "\n".join(sorted(self.py_files)).encode("utf-8", "surrogateescape")
        ).hexdigest()[:12]
        self._exists: dict[str, bool] = {}
        self.scopes: dict[str, Scope] = {}
        self.modules: dict[tuple[str, int, str], str | None] = {}  #: by (module, level, importer's folder)
        self._widening: dict[str, bool] = {}  #: `_widens`, by folder
        self._sources: dict[str, list[tuple[str, str]]] = {}  #: `_source_in`, by folder
        #: the files the steps write outside the folder, by name: (step, path, line) (see `_missing`)
        self.far_written: dict[str, tuple[str, str, str]] = {}
        self.pipeline_declared: dict[str, list[str]] = {}  #: `_declared`, by pipeline file
        self.asked: dict[tuple[str, int, str], str | None] = {}  #: the same, by (module, level, importer)
        self.folders: frozenset[str] | None = None
        self.skipped_set = frozenset(project.skipped)  #: links to folders are listed there
        self.in_package: set[str] = set()
        #: where this folder sits on the author's computer (``/data/rb/paper_figures/``), from the absolute
        #: paths that name its files (see :meth:`_inside`)
        self.author_roots: set[str] = set()
        #: the written patterns whose names say something, for the writers they were found in (_missing)
        self.telling: tuple[object, list[str]] = (None, [])
        #: the import packages' folders when the project declares a package (a distribution others
        #: install): a library that read or wrote the analysis' files when imported would fail for
        #: every user, so importing it is not followed into its top levels (they are library code)
        self.library: tuple[str, ...] = (
            tuple(pkg.path + "/" for pkg in project.packages if not pkg.module)
            if project.declares_package()
            else ()
        )
        self.steps: frozenset[str] = frozenset()
        self.pipelines: dict[str, str] | None = None  #: shell scripts, Makefiles, Snakefiles: their text
        #: the modules whose console-script function a pipeline runs, with those functions (see
        #: :attr:`launched`): such a module is a step that runs the function
        self.entries: dict[str, set[str]] = defaultdict(set)
        #: what the functions of other files a step calls ask whoever runs it (``ask_path()`` of
        #: ``helpers.py``, which calls ``input("Data file: ")``): the step asks it (see :meth:`attribute`)
        self.helper_asks: dict[str, list[str]] = {}
        #: what the pipelines pass each step's command-line options (see :meth:`options_given`)
        self.given: dict[str, dict[tuple[str, str], tuple[list[Expr], bool]] | None] = {}
        self.pipeline_made: dict[str, frozenset[str]] = {}  #: ... and the names of the files they make
        #: facts made early (by :func:`prefetch`'s child, or by this process beside it), by (path, text):
        #: :meth:`load_all` and :meth:`load` take them instead of extracting
        self.early: dict[tuple[str, str], Facts] = {}
        self._at: Pos | None = None  #: the step's own call being followed (see :attr:`_Raw.at`)
        self._chdirs_before = 0  #: how many of the step's `os.chdir` calls come before that call
        self.shared = False  #: an early child shared the extraction (no second child for the rest)
        self.hydra_configs: dict[str, dict[str, Any] | None] = {}  #: Hydra configurations, composed
        #: absolute folders a settings file sets (see _config_value), by the file whose code loads it:
        #: (the folder, ``params.yaml:12 (`global.RESULTS`)``), for the problems on paths under them
        self.config_folders: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.copies: dict[tuple[str, str], bool] = {}  #: pairs of steps that are byte-identical copies
        #: the questions this trace asked the disk itself, with the answers (see :func:`_stored.disk`): with
        #: the files it read, what the flow it makes depends on
        self.answers: dict[tuple[str, str], object] = {}
        self.problems_before = len(project.problems)  #: those after it are the reading problems it met
        #: (pipeline file, script) of the scripts a shell script or Makefile runs that are not in the folder
        self.missing_scripts: dict[tuple[str, str], None] = {}
        #: the files each step reads at an empty path (see :meth:`_blank_paths`), noted as it is evaluated
        self.blanks: dict[str, list[FlowProblem]] = {}

    # -------------------------------------------------------------- facts
    def load(self, rel: str, *, full: bool = False) -> Facts | None:
        """Facts of one file, from the cache when its bytes are unchanged (``full``: every statement parsed,
        for a module whose constants another file imports)."""
        have = self.facts.get(rel)
        if have is not None and (have.full or not full or not have.parsed):
            return have
        found = self._cached(rel, full)
        if isinstance(found, str):
            made = None if full else self.early.pop((rel, found), None)
            found = made or self._extract(rel, found, full)
            if self.cache is not None:
                self.cache.put(self._key(rel, full), found)
        if found is not None:
            self.facts[rel] = found
        return found

    def _with_papermill(self, candidates: list[str]) -> None:
        """The facts of each notebook papermill runs (``pm.execute_notebook("01_clean.ipynb",
        "out/01_clean_run.ipynb", parameters={"input_path": "data/raw.csv"})`` in a driver, or ``papermill``
        in a shell script), read again with the values it is given and the notebook it writes (not kept in
        the cache: the same notebook reads other files when run by hand)."""
        from sciship.flow._notebook import extract_notebook

        for rel in candidates:
            runs = [args for _folder, args in self.launched.get(rel, ())] if rel.endswith(".ipynb") else []
            facts = self.facts.get(rel)
            text = self._text(rel) if runs and facts is not None and facts.kind == "nb" else None
            if text is not None:

                def local(module: str, level: int, rel: str = rel) -> bool:
                    return self.module_file(module, level, rel) is not None

                self.facts[rel] = extract_notebook(text, rel, local=local, papermill=runs)

    def _papermill_made(self) -> set[str]:
        """The notebooks papermill writes: copies of the notebooks it runs, with their outputs (not one it
        runs in place)."""
        run = {rel for rel in self.launched if rel.endswith(".ipynb")}
        return {
            ex.normalize(posixpath.join(folder, args[0]))
            for rel in run
            for folder, args in self.launched[rel]
            if args and args[0].endswith(".ipynb")
        } - run

    def _papermill_arguments(self, step: str, workdir: str) -> tuple[str, ...]:
        """The words after the notebook of the first ``papermill`` command that runs it, for REPRODUCE.md,
        when they are all known and run from where the notebook runs (or from the top, with ``--cwd``)."""
        for folder, args in self.launched.get(step, ())[:1]:
            known = all(STAR not in w and STAR2 not in w for w in args)
            if known and args and (folder == workdir or (folder == "" and "--cwd" in args)):
                return args
        return ()

    def _key(self, rel: str, full: bool) -> str:
        digest = self.p.sha256(rel) or ""  # (only readable files are keyed)
        return f"{digest}:{rel}:{self.layout}" + (":full" if full else "")

    def _cached(self, rel: str, full: bool) -> Facts | str | None:
        """The cached facts, else the text to extract them from (None: the file cannot be read)."""
        if not self._readable(rel):
            return None
        found = self.cache.get(self._key(rel, full)) if self.cache is not None else None
        if found is not None:
            return found
        return self._text(rel)

    def _to_extract(self, rel: str) -> str | None:
        """The text of a file whose facts the cache lacks (None: they are cached, or it cannot be read);
        the cached facts are not decoded. With no cache file at all, the file is not hashed for its
        key here: :func:`prefetch` asks before the early child starts, and the import analysis hashes
        every file meanwhile (16 MB of notebooks took 13 ms)."""
        if not self._readable(rel):
            return None
        if self.cache is not None and self.stored_bytes and self.cache.has(self._key(rel, False)):
            return None
        return self._text(rel)

    @functools.cached_property
    def stored_bytes(self) -> int:
        """The size of the cache file (0: there is none)."""
        return self.cache.store.stored_bytes() if self.cache is not None else 0

    def _readable(self, rel: str) -> bool:
        if rel in self.unreadable:
            return False
        if self.p.read_bytes(rel) is None:
            self.unreadable[rel] = (
                "sciship could not read this file, so it cannot tell which files it reads and writes."
            )
            return False
        return True

    def _text(self, rel: str) -> str | None:
        """The text to extract facts from (None: not UTF-8, or a binary file; the reason is recorded)."""
        text = self.p.read_text(rel)
        if text is None:
            self.unreadable[rel] = (
                "This file is not UTF-8 text, so sciship cannot tell which files it reads "
                "and writes. Save it as UTF-8."
                + (
                    " (Python 3 refuses it too: a file in another encoding must say which on its first "
                    "lines, `# -*- coding: latin-1 -*-`.)"
                    if rel.endswith(".py")
                    else ""
                )
            )
            return None
        if rel.endswith(".py") and "\x00" in text:
            self.binary.add(rel)
            self.unreadable[rel] = (
                "This file contains null bytes: it is probably a binary file with a .py name, not Python "
                "code, so sciship skipped it (it is no step). If it is code, save it again as plain text."
            )
            return None
        return text

    def _extract(self, rel: str, text: str, full: bool) -> Facts:
        from sciship.flow._extract import extract_source, skim_source  # only on a cache miss
        from sciship.flow._notebook import extract_notebook

        def local(module: str, level: int) -> bool:
            return self.module_file(module, level, rel) is not None

        if rel.endswith(".ipynb"):
            return extract_notebook(text, rel, local=local)
        if len(text) > LARGE_FILE:
            return skim_source(text, rel)
        facts = extract_source(text, rel, full=full, local=local)
        if facts.syntax is False and CELLS.search(text, 0, 4000):
            # a script written as notebook cells, with IPython in it (`%load_ext`, `!wget`): Jupyter runs
            # it as a notebook, so its magics are read as in a notebook
            from sciship.flow._notebook import ipython_as_python

            again = extract_source(ipython_as_python(text), rel, full=full, local=local)
            if again.syntax:  # (its imports count too: Jupyter runs it, as a notebook)
                return again
        return facts

    def load_all(self, files: list[str]) -> None:
        """Facts of ``files``; on a cold cache with much to read, a forked process does half of the work."""
        todo: list[tuple[str, str]] = []
        for rel in files:
            if rel in self.facts:
                continue  # read by prefetch from the cache
            found = self._cached(rel, False)
            if isinstance(found, str):
                if rel in self.in_package and "__main__" not in found and rel not in self.launched:
                    continue  # library code is a step only with a main block (or when a pipeline runs
                    # it); read when a step uses it
                todo.append((rel, found))
            elif found is not None:
                self.facts[rel] = found
        early = self.early  # what the early child and this process extracted already (see prefetch)
        rest = [(rel, text) for rel, text in todo if (rel, text) not in early]
        if self.shared:
            done = {rel: self._extract(rel, text, False) for rel, text in rest}
        else:
            done = dict(zip((rel for rel, _ in rest), _extract_many(self, rest), strict=True))
        for rel, text in todo:
            facts = early.pop((rel, text), None) or done.get(rel) or self._extract(rel, text, False)
            self.facts[rel] = facts
            if self.cache is not None:
                self.cache.put(self._key(rel, False), facts)

    def scope_for(self, rel: str) -> Scope:
        scope = self.scopes.get(rel)
        if scope is None:
            scope = self.scopes[rel] = Scope(
                ref=lambda m, lvl, name, depth: self.ref(rel, m, lvl, name, depth),
                call=lambda ret, caller, depth: self.returned(rel, ret, caller, depth),
            )
        return scope

    def returned(self, here: str, ret: Expr, caller: Scope, depth: int) -> tuple[Expr, Scope] | None:
        """What the project's function a ``("ret", callee, args, kwargs)`` of ``here`` calls returns, in
        the scope of its file with its parameters set to the arguments (evaluated where the call is)."""
        _, callee, args, kwargs = ret
        if depth > _MAX_FOLLOW:
            return None
        target = self.function(here, callee)
        if target is None:
            return None
        file, fn = target
        if fn.returns is None:
            return None
        module_scope = self.scope_for(file)
        params: dict[str, tuple[Expr, Scope]] = {k: (v, module_scope) for k, v in fn.defaults.items()}
        positional = _positional(fn, callee)
        for name, value in zip(positional, args, strict=False):
            params[name] = (value, caller)
        for name, value in kwargs:
            if name in fn.params:
                params[name] = (value, caller)
        if callee[0] == "member" and len(callee) == 3:  # `self.name_of(x)`: the same object's `self.x`
            params.update((k, v) for k, v in caller.params.items() if k.startswith("self."))
        returns: Expr = fn.returns
        return returns, Scope(ref=module_scope.ref, params=params, call=module_scope.call)

    def ref(self, here: str, module: str, level: int, name: str, depth: int) -> tuple[Expr, Scope] | None:
        if depth > 30:
            return None
        if module.startswith(HYDRA):  # a value of a Hydra app's configuration (see _hydra_value)
            value = self._hydra_value(here, module[len(HYDRA) :], name)
            return (value, Scope()) if value is not None else None
        if module.startswith(CONFIG):  # a value of a settings file the code loads (see _config_value)
            value = self._config_value(here, module[len(CONFIG) :], name, depth)
            return (value, Scope()) if value is not None else None
        target = self.module_file(module, level, here)
        if target is None:
            return None
        facts = self.load(target)
        expr = facts.constants.get(name) if facts is not None else None
        if expr is None and facts is not None and not facts.full and facts.kind == "py":
            facts = self.load(target, full=True)  # the statement binding it was not parsed
            expr = facts.constants.get(name) if facts is not None else None
        if expr is None:
            # re-exported by `from .tables import *` (the IBL's `fig_data_quality/tables/__init__.py`: an
            # input in the folder was shown as `**/double_blind_results.csv`)
            text = self.p.read_text(target) or ""
            for m in _STAR_FROM.finditer("\n" + text) if "*" in text else ():
                base = m.group(1)
                found = self.ref(target, base.lstrip("."), len(base) - len(base.lstrip(".")), name, depth + 1)
                if found is not None:
                    return found
            return None
        return expr, self.scope_for(target)

    def module_file(self, module: str, level: int, importer: str) -> str | None:
        """The project file ``import module`` means in ``importer`` (None for other people's modules)."""
        asked = (module, level, importer)  # (the trace asks the same of the same file thousands of times)
        if asked in self.asked:
            return self.asked[asked]
        here = posixpath.dirname(importer)
        key = (module, level, here)  # (what a module finds depends only on its folder: see `_widens`)
        if key in self.modules:
            self.asked[asked] = self.modules[key]
            return self.modules[key]
        found = None
        sub = module.replace(".", "/") if module else ""
        if level:
            base = here
            for _ in range(level - 1):
                base = posixpath.dirname(base)
            found = self._module_at(base, sub)
        else:
            for base in dict.fromkeys((here, "", "src")):
                found = self._module_at(base, sub)
                if found:
                    break
            if found is None and sub and module.partition(".")[0] not in _STDLIB:
                # sys.path tricks (appended after the standard library): the nearest file with that name;
                # never a script written as notebook cells (`# %%`, as Jupytext writes them): in another
                # folder, `scripts/fig/dynamo.py` is no module anyone imports (`import dynamo` is the
                # installed package). Only in a folder above, unless the file or the folder widens where
                # Python looks (see `_widens`)
                # (a package too: `from utils_r import save` of `regression/utils_r/__init__.py`, put on
                # sys.path as `/Users/.../regression/`, letiviada/mmsc_dissertation)
                tails = ("/" + sub + ".py", "/" + sub + "/__init__.py")
                named = [f for f in self.py_files if ("/" + f).endswith(tails)]
                tail_of = {f: next(t for t in tails if ("/" + f).endswith(t)) for f in named}
                reachable = [
                    f for f in named if self._reachable(("/" + f)[: -len(tail_of[f])].lstrip("/"), here)
                ]
                if len(reachable) < len(named) and self._widens(here):  # (read only when it matters)
                    reachable = named
                hits = sorted((_distance(here, f), f) for f in reachable if not self._cells(f))
                if hits and (len(hits) == 1 or hits[0][0] < hits[1][0]):
                    found = hits[0][1]
            top, _, rest = module.partition(".")
            if found is None and rest and _same_name(top, self.p.root.name):
                # the folder imported by its own name (`from scellst_reproducibility.submit_scripts
                # import ...` in sCellST_reproducibility/, its parent on sys.path)
                found = self._module_at("", rest.replace(".", "/"))
        self.modules[key] = self.asked[asked] = found
        return found

    def _module_at(self, base: str, sub: str) -> str | None:
        stem = posixpath.join(base, sub) if sub else base
        for candidate in (stem + ".py", posixpath.join(stem, "__init__.py")):
            if candidate.lstrip("/") in self.py_files:
                return candidate.lstrip("/")
        return None

    def function(self, here: str, callee: Expr, depth: int = 0) -> tuple[str, Function] | None:
        if depth > 5:
            return None
        if callee[0] == "member":  # a method of an object of one of the project's classes
            found = self.function(here, callee[1], depth + 1)
            if found is None or not (found[1].methods or found[1].bases):
                return None
            return self._method(*found, callee[2], depth)
        if callee[0] == "star":  # `from utils import *`: the first of those modules that defines it
            for module, level in callee[1]:
                found = self.function(here, ("ref", module, level, callee[2]), depth + 1)
                if found is not None:
                    return found
            return None
        if callee[0] == "local":
            facts = self.load(here)
            fn = facts.functions.get(callee[1]) if facts else None
            return (here, fn) if fn else None
        if callee[0] != "ref":
            return None
        _, module, level, name = callee
        target = self.module_file(module, level, here)
        if target is None:
            return None
        facts = self.load(target)
        if facts is None:
            return None
        fn = facts.functions.get(name)
        if fn is not None:
            return target, fn
        again = facts.constants.get(name)  # re-exported: `from .io import load` in a package __init__
        if again is not None and again[0] == "ref":
            return self.function(target, again, depth + 1)
        return None

    def _method(self, file: str, cls: Function, name: str, depth: int) -> tuple[str, Function] | None:
        """The method ``name`` of the class ``cls`` (defined in ``file``), or of a class it derives from
        (``class ReluEstimator(Estimator)``: ``estimator.load(path)`` is ``Estimator.load``)."""
        facts = self.facts.get(file) or self.load(file)
        method = facts.functions.get(f"{cls.name}.{name}") if facts else None
        if method is not None:
            return file, method
        for base in cls.bases:
            found = self.function(file, base, depth + 1) if depth < 5 else None
            if found is not None:
                method_found = self._method(*found, name, depth + 1)
                if method_found is not None:
                    return method_found
        return None

    # -------------------------------------------------------------- steps
    def candidates(self) -> list[str]:
        # modules of an import package are library code; single-file modules (`src/main.py`) are
        # usually scripts, and follow the rules for scripts, as do the files of a folder under `src/`
        # without `__init__.py` (`src/scripts/process_data/clean.py`: a namespace package only in name).
        # A research folder that declares no package others install is all scripts and modules alike: an
        # `__init__.py` at its top (ukesm_aerosol_nudging_analysis_code, v1-paper-analysis) left all of
        # its scripts out, but those of the few with a main block.
        package_dirs = (
            tuple(pkg.path + "/" for pkg in self.p.packages if not pkg.module and not pkg.namespace)
            if self.p.declares_package()
            else ()
        )
        out = []
        run_twins: set[str] = set()  #: notebooks whose Jupytext script a pipeline runs (that is the step)
        # (another project copied in, `third_party/` or a C project's sources: no step of this analysis)
        copied = tuple(folder + "/" for folder in self.p.copied_in())
        for rel in [*self.python_files, *self.p.notebooks()]:
            parts = rel.split("/")
            if rel in run_twins or (copied and rel.startswith(copied) and rel not in self.launched):
                continue
            skipped = set(parts[:-1]) & _NOT_STEP_DIRS
            in_tests = bool(skipped) and skipped <= _TEST_DIRS and not package_dirs
            if skipped and not (in_tests and rel in self.launched and not is_test(self.p, rel)):
                # (a script in `test/` of a research folder that a pipeline runs is a step: Markonv_figures'
                # analyses; in a package's `tests/`, a smoke test run by its Makefile is none: Pynteny)
                continue
            if any(part.startswith(".") for part in parts[:-1]):  # a hidden folder: a tool's own code
                continue  # (`.mywaflib/` of a waf build, `.ci/`, `.pyinstaller/hooks/`)
            if self._link_to_listed(rel):  # `docs/demo.ipynb -> ../examples/demo/demo.ipynb`: one step
                continue
            if rel in self._ci_scripts() and rel not in self.launched:
                continue  # a check the continuous integration runs (ball-paper-code's privacy guard)
            name = parts[-1]
            if rel.endswith(".py"):
                if name in _NOT_STEPS or is_test(self.p, rel):
                    continue
                if self._documentation(rel, parts):
                    continue
                twin = self._twin(rel)
                if twin is not None:
                    if rel not in self.launched:
                        continue
                    # `evaluation/runs.sh` runs `python integration.py --run-name hlca` (DRVI_reproducibility)
                    run_twins.add(twin)
                # (a script written as notebook cells is run as a notebook, in a package too)
                if rel.startswith(package_dirs) and not self._cells(rel):
                    self.in_package.add(rel)
            out.append(rel)
        return out

    @functools.cache  # noqa: B019 - one tracer per run
    def _ci_scripts(self) -> frozenset[str]:
        """The scripts a GitHub Actions workflow runs (``run: python validation/check.py``), from the top."""
        out: set[str] = set()
        for rel in self.p.under(".github/workflows"):
            if rel.endswith((".yml", ".yaml")):
                text = self.p.read_text(rel) or ""
                out.update(m.group(1).removeprefix("./") for m in _CI_RUN.finditer(text))
        return frozenset(out)

    def _twin(self, rel: str) -> str | None:
        """The notebook a ``.py`` file is the text twin of: a script written as notebook cells (Jupytext's
        paired ``# %%`` scripts) with the notebook's name (its number aside: ``dynamo.py`` and
        ``3_dynamo.ipynb``), in the same folder or at the same place under another top folder
        (``scripts/fig2/plot.py`` and ``notebooks/fig2/plot.ipynb``). The same code, so one step: the
        notebook. None when it has none."""
        folder, _, name = rel[: -len(".py")].rpartition("/")
        notebooks = self.notebooks_by_stem.get(_unnumbered(name))
        if not notebooks or not self._cells(rel):
            return None
        for nb in notebooks:
            other = posixpath.dirname(nb)
            if (
                other == folder
                or ("/" in other and "/" in folder and other.split("/", 1)[1] == folder.split("/", 1)[1])
                or (other.count("/") == 0 and folder.count("/") == 0 and other and folder)
            ):
                return nb
        return None

    def _widens(self, folder: str) -> bool:
        """May Python find the modules the files of ``folder`` import in another folder of the project
        than theirs, the top or ``src/``: one of its scripts or notebooks puts folders on ``sys.path``
        (``sys.path.append``, ``site.addsitedir``) or sets ``PYTHONPATH`` (for the modules it imports
        too), or the folder's READMEs, shell scripts, Makefiles or settings set ``PYTHONPATH``? Without
        any of these, ``from plate_comp_opts import x`` in ``bump_in_channel/`` does not import
        ``bump_shape_opt/plate_comp_opts.py`` (garobed1/pou-paper-code: two steps were said to write the
        file that module names)."""
        known = self._widening.get(folder)
        if known is None:
            known = self._widening[folder] = self._pythonpath_set or any(
                _widens_search(self.p.read_bytes(rel) or b"") for rel in self._code_in.get(folder, ())
            )
        return known

    @functools.cached_property
    def _code_in(self) -> dict[str, list[str]]:
        """The scripts and notebooks of each folder."""
        out: dict[str, list[str]] = defaultdict(list)
        for rel in self.p.files:
            if rel.endswith((".py", ".ipynb")):
                out[posixpath.dirname(rel)].append(rel)
        return out

    def _reachable(self, base: str, here: str) -> bool:
        """Without a path trick, may a script in ``here`` import modules from ``base``: a folder above it,
        or one a package of the folder installs (its ``setup.py`` or ``pyproject.toml`` there or just
        above: ``code/Tools/setup.py`` makes ``from Tools import viz`` of ``code/Tools/Tools/viz.py``
        work everywhere, e-olson/Site-specific-multiple-stressor-manuscript-code-Can)?"""
        if _above(base, here):
            return True
        return any(
            self.p.has(posixpath.join(folder, name) if folder else name)
            for folder in dict.fromkeys((base, posixpath.dirname(base)))
            for name in ("setup.py", "pyproject.toml", "setup.cfg")
        )

    @functools.cached_property
    def _pythonpath_set(self) -> bool:
        """Do the folder's READMEs, shell scripts, Makefiles or settings files set ``PYTHONPATH``?"""
        for rel in self.p.files:
            name = rel.rsplit("/", 1)[-1].lower()
            if (
                name.startswith("readme")
                or name.endswith((".sh", ".bash", ".mk", ".env", ".envrc", ".cfg", ".ini", ".toml"))
                or name in {"makefile", "snakefile", "justfile", "noxfile.py"}
                or rel.startswith(".vscode/")
            ):
                data = self.p.read_bytes(rel)
                if data is not None and any(word in data for word in _PYTHONPATH_WORDS):
                    return True
        return False

    def _cells(self, rel: str) -> bool:
        """Is the script written as notebook cells (``# %%``, or Jupytext's header)?"""
        data = self.p.read_bytes(rel)
        return data is not None and _JUPYTEXT.search(data[:4000]) is not None

    @functools.cached_property
    def notebooks_by_stem(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for nb in self.p.notebooks():
            out[_unnumbered(nb.rsplit("/", 1)[-1][: -len(".ipynb")])].append(nb)
        return out


    def _documentation(self, rel: str, parts: list[str]) -> bool:
        """Is ``rel`` part of building the documentation with Sphinx (its configuration, ``conf.py``, in a
        documentation folder or setting Sphinx's options; or an extension Sphinx loads, with its
        ``setup(app)``), not a step of the analysis?"""
        data = self.p.read_bytes(rel)
        if parts[-1] == "conf.py":
            return bool(set(parts[:-1]) & _DOC_DIRS) or (
                data is not None and _SPHINX_OPTION.search(data) is not None
            )
        return (
            data is not None
            and b"def setup(" in data
            and _SPHINX_SETUP.search(data) is not None
            and _SPHINX_IMPORT.search(data) is not None
        )

    def _link_to_listed(self, rel: str) -> bool:
        """Is ``rel`` a link to another file of the folder (that file is the step, run from its place)?"""
        target = self._link_target(rel)
        return target is not None and target != rel and self.p.has(target)

    def _link_target(self, rel: str) -> str | None:
        """Where the link ``rel`` points, relative to the root, when it is a link into the folder."""
        return cast("str | None", self.disk("link", rel))

    def disk(self, kind: str, rel: str) -> object:
        """Ask the disk about ``rel`` (:func:`sciship.flow._stored.disk`), noting the answer: the kept flow
        is taken again only while the disk answers the same."""
        key = (kind, rel)
        if key not in self.answers:
            self.answers[key] = _stored.disk(self.p, kind, rel)
        return self.answers[key]

    def _through_link(self, path: str) -> str | None:
        """``path`` with a leading folder that is a listed link to a folder of the project replaced by that
        folder (``answers/models/x.inp`` -> ``models/x.inp`` when ``answers/models -> ../models``)."""
        parts = path.split("/")
        skipped = self.skipped_set
        for i in range(1, len(parts)):
            prefix = "/".join(parts[:i])
            if prefix in skipped:
                target = self._link_target(prefix)
                return None if target is None else posixpath.join(target, *parts[i:])
        return None

    def run(self) -> Flow:
        ex.JOIN_DROPPED.clear()
        candidates = self.candidates()
        self.load_all(candidates)
        self._with_papermill(candidates)
        imported = self._imported(candidates)
        steps: list[str] = []
        stubs: list[str] = []
        for rel in candidates:
            facts = self.facts.get(rel)
            if facts is None:
                if rel in self.unreadable and rel not in self.binary:
                    steps.append(rel)  # still a step of the analysis; its problem says why it is empty
                continue
            if facts.kind == "nb":
                if not facts.problems and not any(code for _i, _count, code, _out in facts.cells):
                    continue  # no code at all (fabianp/Code_CMPT_paper's submissions.ipynb): nothing to run
                if rel not in self._papermill_made():  # (a run's copy, with its outputs: no step of its own)
                    steps.append(rel)
            elif facts.kind == "py" and facts.stub:
                stubs.append(rel)
                continue  # not written yet (`def main(): raise NotImplementedError`): it runs nothing
            elif facts.kind == "py" and rel in self.drivers and self._only_runs(rel):
                continue  # it runs the other scripts, which are the steps, as a shell script would
            elif facts.kind == "py" and (facts.runnable or facts.uses or facts.calls):
                # (a path only a command line gives, `open(sys.argv[1])`, counts when a pipeline runs it)
                given = rel in self.launched
                has_io = any(given or not _from_command(u.expr) for u in facts.uses) or (
                    bool(facts.calls) and bool(self.attribute(rel))
                )
                if rel in self.in_package:  # (a pipeline that runs the module runs its top too)
                    if (facts.main_guard or rel in self.launched) and has_io:
                        steps.append(rel)
                elif rel not in imported or (facts.main_guard and (has_io or _unparsed(facts))):
                    # an imported module runs in its importers; its main block is a step of its own only
                    # when it reads or writes files (not a demo or a self-test), or when sciship cannot
                    # tell (a Python 2 file: jfoster17/malt90-analysis-code's reduction pipeline, which
                    # seven scripts import, was no step)
                    steps.append(rel)
        if self.console_scripts and self.launched is not None:  # (which fills `entries`)
            for rel in sorted(self.entries):  # a console script a pipeline runs: its module is a step,
                # when what its function does reads or writes files (not a tool run for a demo)
                if rel not in steps and self.load(rel) is not None and self.attribute(rel):
                    steps.append(rel)
        self.steps = frozenset(steps)
        flow = self._graph(steps)
        unreadable = [  # modules that are no step and that Python cannot parse: said all the same
            FlowProblem(code, message, rel, line, cell)
            for rel in candidates
            if rel not in self.steps and (facts := self.facts.get(rel)) is not None and facts.kind == "py"
            for code, message, line, cell in facts.problems
            if code == "SHR117"
        ]
        if unreadable:
            problems = sorted(
                (*flow.problems, *unreadable),
                key=lambda p: (p.path, p.cell if p.cell is not None else -1, p.line or 0, p.code, p.message),
            )
            flow = dataclasses.replace(flow, problems=tuple(problems))
        parsed = {rel for rel, facts in self.facts.items() if facts.syntax}
        parsed.update(rel for (rel, _text), facts in self.early.items() if facts.syntax)
        flow = dataclasses.replace(flow, parsed=frozenset(parsed), stubs=tuple(sorted(stubs)))
        if self.cache is not None:
            self.cache.save()
            _stored.keep(self.p, flow, self.answers, self.p.problems[self.problems_before :])
        return flow

    def _imported(self, candidates: list[str]) -> set[str]:
        out: set[str] = set()
        for rel in candidates:
            self._imports_of(rel, self.facts.get(rel), out)
        # an imported package's `__init__.py` (no step) imports its modules in turn: each runs when the
        # package is imported, library code (jrderuiter/ilc-sb-screen: notebooks import
        # nbsupport.enrichment.genesets, whose `from . import kegg` runs kegg.py, a step that read and
        # wrote nothing for the download cache its top sets up); an `__init__.py` nothing imports is
        # left alone (the scripts of a research folder with one at its top stay steps)
        done: set[str] = set()
        while todo := sorted(rel for rel in out if rel.endswith("__init__.py") and rel not in done):
            for rel in todo:
                done.add(rel)
                self._imports_of(rel, self.load(rel), out)
        return out

    def _imports_of(self, rel: str, facts: Facts | None, out: set[str]) -> None:
        if facts is None:
            return
        for module, level in facts.imports:
            target = self.module_file(module, level, rel)
            if target is not None and target != rel:
                out.add(target)

    # -------------------------------------------------------------- attribution
    def attribute(self, step: str) -> list[_Raw]:
        facts = self.facts.get(step)
        if facts is None:
            return []
        out: list[_Raw] = []
        scope = self.scope_for(step)
        fmt = facts.savefig_format
        out.extend(_raw(u, scope, u.line, u.cell, u.pos, None, fmt, _NO_CONTEXT) for u in facts.uses)
        seen: set[object] = set()
        reached: set[tuple[str, str]] = set()
        for c in facts.calls:
            self._at = c.pos if facts.chdirs else None
            self._chdirs_before = sum(1 for p, _e in facts.chdirs if p < c.pos)
            try:
                self.follow(step, step, c, scope, None, out, seen, reached, 0, _NO_CONTEXT)
            finally:
                self._at, self._chdirs_before = None, 0
        entry = [
            Call(("local", name), (), (), 0, None, (0, 0, 0)) for name in sorted(self.entries.get(step, ()))
        ]
        for c in entry:  # the function a console script runs (`uv run study-figures`)
            self.follow(step, step, c, scope, None, out, seen, reached, 0, _NO_CONTEXT, generic=True)
        for name in dict.fromkeys(facts.references):  # callbacks: run with their default arguments
            # (also when called here, if its flags decide what runs: a library calls it with its defaults)
            if (step, name) not in reached or self._has_flags(step, name):
                self.follow(
                    step,
                    step,
                    Call(("local", name), (), (), 0, None, (0, 0, 0)),
                    scope,
                    None,
                    out,
                    seen,
                    reached,
                    0,
                    _NO_CONTEXT,
                    generic=True,
                )
        self._imported_top_levels(step, step, None, out, seen, reached, {step})
        asks: list[str] = []  # (the step's own file says its own: see Facts.asks)
        for file, name in sorted(reached):
            fn = (self.load(file) or Facts(file, "py")).functions.get(name) if file != step else None
            asks.extend(fn.asks if fn is not None else ())
        self.helper_asks[step] = asks
        if any(u.expr[0] == "opt" for u in facts.uses) or facts.options:
            given = self.options_given(step) or {}
            out = [r for r in out if not _vacant(r, given)]
        return out

    def _has_flags(self, here: str, name: str) -> bool:
        """Does the function ``name`` run code under a test of a flag parameter (``if plot:``, ``if path
        is not None:``)?"""
        target = self.function(here, ("local", name))
        if target is None:
            return False
        conds = [c for u in target[1].uses for c in u.conds] + [c for k in target[1].calls for c in k.conds]
        return any(literals in ((TRUTH,), (NONE,)) for _v, literals, _w in conds)

    def _guarded(self, rel: str) -> bool:
        facts = self.facts.get(rel)
        return facts is not None and facts.main_guard

    def _imported_top_levels(
        self,
        step: str,
        here: str,
        anchor: tuple[int, int | None, Pos] | None,
        out: list[_Raw],
        seen: set[object],
        reached: set[tuple[str, str]],
        done: set[str],
    ) -> None:
        """Importing a helper module runs its top level: its file accesses count for the importing step,
        at the line of the import."""
        facts = self.facts.get(here)
        if facts is None:
            return
        for module, level, line, cell in facts.import_lines:
            if here != step and _in_main(line, facts):
                continue  # imported in a helper's main block: not when the helper is imported
            target = self.module_file(module, level, here)
            if target is None or target in done:
                continue
            if target in self.steps and not self._guarded(target):
                continue  # a step that runs whole when imported: what it does is its own step's
            # (a step with a main block runs only the rest when imported: `plt.style.use(...)` at its top
            # counts for the importer too, CV_Linear_Spec_Figures)
            if self.library and target.startswith(self.library) and not step.startswith(self.library):
                continue  # a script importing the declared package: library code, see `library`
            done.add(target)
            helper = self.load(target)
            if helper is None:
                continue
            where = anchor or (line, cell, (cell or 0, line, 0))
            scope = self.scope_for(target)
            out.extend(
                _raw(
                    u,
                    scope,
                    where[0],
                    where[1],
                    where[2],
                    f"{target}:{u.line}",
                    helper.savefig_format,
                    _NO_CONTEXT,
                )
                for u in helper.uses
                if not _in_main(u.line, helper)
            )
            for c in helper.calls:
                if not _in_main(c.line, helper):
                    self.follow(step, target, c, scope, where, out, seen, reached, 1, _NO_CONTEXT)
            self._imported_top_levels(step, target, where, out, seen, reached, done)

    def follow(
        self,
        step: str,
        here: str,
        call: Call,
        caller: Scope,
        anchor: tuple[int, int | None, Pos] | None,
        out: list[_Raw],
        seen: set[object],
        reached: set[tuple[str, str]],
        depth: int,
        context: _Context,
        *,
        generic: bool = False,
        chain: tuple[_Link, ...] = (),
    ) -> None:
        if depth > _MAX_FOLLOW or _ruled_out(call.conds, caller):
            return  # too deep, or a branch the arguments rule out (`if kind == "WL": return ...`)
        context = _within(context, call.optional, call.guards, caller)
        target = self.function(here, call.callee)
        if target is None:
            for u in call.fallback:  # a library's method after all (`mylib.save("fig.png")`)
                where = anchor or (u.line, u.cell, u.pos)
                out.append(
                    _raw(u, caller, where[0], where[1], where[2], None, self._fmt(here), context, chain)
                )
            return
        file, fn = target
        reached.add((file, fn.name))
        passed = (*call.args, *(v for _k, v in call.kwargs))
        turns = None if generic else ex.turns_together(("list", passed), caller)
        if turns is not None and len(turns[0]) > 1:  # `proc(names[i], labels[i])`: one turn at a time
            for turn in turns:
                args, kwargs = call.args, call.kwargs
                for node, element in turn:
                    args = ex.replaced(args, node, element)
                    kwargs = ex.replaced(kwargs, node, element)
                one = dataclasses.replace(call, args=args, kwargs=kwargs)
                self.follow(step, here, one, caller, anchor, out, seen, reached, depth, context, chain=chain)
            return
        loop = None if generic else _shared_loop(call)
        if loop is not None:  # `for year in YEARS: run(year, f"out/{year}")`: one element at a time
            elements = ex.evaluate(loop[1], caller)
            if elements.many and 1 < len(elements.texts) <= ex.MAX_ALTERNATIVES:
                for text in elements.texts:
                    one = dataclasses.replace(
                        call,
                        args=ex.replaced(call.args, loop, ex.lit(text)),
                        kwargs=ex.replaced(call.kwargs, loop, ex.lit(text)),
                    )
                    self.follow(
                        step, here, one, caller, anchor, out, seen, reached, depth, context, chain=chain
                    )
                return
        rows = None if generic or not _takes_tuples(passed) else ex.unpacked_together(("list", passed))
        if rows is not None:  # `for name, number in TABLES.items(): save(name, number)`: each pair in turn
            group, tuples = rows
            for row in tuples:
                args, kwargs = call.args, call.kwargs
                for node in group:
                    args = ex.replaced(args, node, ex.pick(row, node[2]))
                    kwargs = ex.replaced(kwargs, node, ex.pick(row, node[2]))
                one = dataclasses.replace(call, args=args, kwargs=kwargs)
                self.follow(step, here, one, caller, anchor, out, seen, reached, depth, context, chain=chain)
            return
        given = (*call.args, *(v for k, v in call.kwargs if k != SPREAD))
        literal: tuple[str, ...] | None = None
        if not generic and all(a[0] == "s" for a in given):  # the same call: the same values, defaults too
            named: dict[str, Expr] = dict(fn.defaults)
            named.update(zip(_positional(fn, call.callee), call.args, strict=False))
            named.update((k, v) for k, v in call.kwargs if k != SPREAD)
            literal = tuple(sorted(f"{k}={v!r}" for k, v in named.items()))
        if fn.methods or fn.bases:  # making an object of a class runs its __init__ (or its base class's)
            init = self._method(file, fn, "__init__", 0)
            if init is not None:
                made = Call(("local", init[1].name), call.args, call.kwargs, call.line, call.cell, call.pos)
                self.follow(
                    step,
                    init[0],
                    made,
                    caller,
                    anchor,
                    out,
                    seen,
                    reached,
                    depth + 1,
                    context,
                    generic=generic,
                    chain=(*chain, (file, fn.name, literal)),
                )
            return
        if file != step and anchor is None:
            anchor = (call.line, call.cell, call.pos)
        module_scope = self.scope_for(file)
        # with `*args` or `**options` in the call, any default may be replaced: it decides no branch
        spread = any(k == SPREAD for k, _v in call.kwargs)
        params: dict[str, tuple[Expr, Scope]] = {
            k: (ex.chosen(v) if spread else v, module_scope) for k, v in fn.defaults.items()
        }
        if not generic:
            positional = _positional(fn, call.callee)
            for name, value in zip(positional, call.args, strict=False):
                params[name] = (value, caller)
            for name, value in call.kwargs:
                if name in fn.params:
                    params[name] = (value, caller)
            if fn.kind == "" and "." in fn.name:  # a method: what `self.x` holds (see Function.attrs)
                params.update(self._self_values(here, call, caller))
        key = (
            file,
            fn.name,
            tuple(sorted((k, v[0], id(v[1])) for k, v in params.items())),
            context[0],
            tuple((g, id(sc)) for g, sc in context[1]),
            self._chdirs_before,  # (called before and after an `os.chdir`: it runs in both folders)
        )
        if key in seen:
            return
        seen.add(key)
        scope = Scope(ref=module_scope.ref, params=params, call=module_scope.call)
        for name, value in fn.attrs.items():  # `__init__`: the `self.x` it sets, for the methods it calls
            scope.params.setdefault(f"self.{name}", (value, scope))
        fmt = self._fmt(file)
        chain = (*chain, (file, fn.name, literal))
        for u in fn.uses:
            if anchor is None:
                out.append(_raw(u, scope, u.line, u.cell, u.pos, None, fmt, context, chain, self._at))
            else:
                via = f"{file}:{u.line}"
                out.append(_raw(u, scope, anchor[0], anchor[1], anchor[2], via, fmt, context, chain))
        for c in fn.calls:
            self.follow(step, file, c, scope, anchor, out, seen, reached, depth + 1, context, chain=chain)

    def _self_values(self, here: str, call: Call, caller: Scope) -> dict[str, tuple[Expr, Scope]]:
        """What ``self.x`` holds in a method ``call`` calls: in a method the object's own method calls
        (``self.save()``), what it holds in the caller; for a method of an object made here
        (``e = Experiment("a"); e.load()``), what the class's ``__init__`` sets it to with the arguments
        that made the object, and its class attributes (see :attr:`Function.attrs`)."""
        callee = call.callee
        if callee[0] != "member" or len(callee) != 3:
            return {}
        if call.made is None:  # the object itself: `self.save()`
            return {k: v for k, v in caller.params.items() if k.startswith("self.")}
        cls = self.function(here, callee[1])
        if cls is None:
            return {}
        cls_file, cls_fn = cls
        out = {f"self.{k}": (v, self.scope_for(cls_file)) for k, v in cls_fn.attrs.items()}
        init = self._method(cls_file, cls_fn, "__init__", 0)
        if init is not None and init[1].attrs:
            init_file, init_fn = init
            module_scope = self.scope_for(init_file)
            params = {k: (v, module_scope) for k, v in init_fn.defaults.items()}
            args, kwargs = call.made
            for name, value in zip(init_fn.params[1:], args, strict=False):
                params[name] = (value, caller)
            for name, value in kwargs:
                if name in init_fn.params:
                    params[name] = (value, caller)
            made = Scope(ref=module_scope.ref, params=params, call=module_scope.call)
            out.update({f"self.{k}": (v, made) for k, v in init_fn.attrs.items()})
        return out

    def _fmt(self, rel: str) -> str | None:
        facts = self.facts.get(rel)
        return facts.savefig_format if facts else None

    # -------------------------------------------------------------- evaluation
    def evaluate(self, raw: _Raw) -> list[_Res]:
        u = raw.use
        out: list[_Res] = []
        if _ruled_out(u.conds, raw.scope):
            return out  # a branch that does not run with these values
        guards: list[str] = []
        absent: list[str] = []  # (what the code knows is missing there)
        for g, sc in raw.guards:
            known, checked = (absent, g[1]) if g[0] == ABSENT else (guards, g)
            known.extend(t.replace("\\", "/") for t in ex.evaluate(checked, sc).texts)
        if u.convention == "command":
            return self._command(raw, guards)
        values = ex.evaluate_together(u.expr, raw.scope)
        # what a helper returns after running a command on it (`subprocess.run(["pdftoppm", ..., stem])`,
        # then `return stem.with_suffix(".png")`) may be what the command made: never a missing input
        access = _accesses(u.access, raw.scope)
        made = u.expr[0] == "ret" and "read" in access and self._runs_command(raw.scope, u.expr)
        into_names: list[str | None] = [None]
        if u.into is not None:
            into_names = [ex._part(t, "name") for t in ex.evaluate(u.into, raw.scope).texts] or [None]
        for value in values.texts:
            if not value or _URL.match(value) or value in _NOT_FILES or _QUERY.search(value):
                continue
            if value.startswith("-") and not value.startswith("-" + STAR):
                # an option's flag, not a file (LappalainenLab/lorals_paper_code: `python3 call_diffutr.py
                # -i x.bed` gave `sys.argv[1]`, "add the file `-i`")
                continue
            text = value.replace("\\", "/")
            if u.convention == "uri":  # a file and a place in it (`x.mcool::/resolutions/1000`)
                text = text.partition("::")[0]
            if not ex.informative(text) and u.convention != "tree":  # (`extractall(".")` fills ".")
                continue
            if u.convention == "listing" and (
                text.startswith((STAR, STAR2))
                or (
                    not ex.informative(text.rsplit("/", 1)[-1])
                    and not (ex.is_absolute_text(text) and not text.startswith(ROOT))
                )
            ):
                continue  # (a pattern in a folder sciship cannot tell, or of any name: no link; but a glob
                # of a folder of the author's computer finds nothing on another: juliuslehner/paper_code's
                # `C:\Users\...\*.csv`, read through a helper, was no problem at all)
            if u.needs_suffix and not _SUFFIX.search(text):
                continue
            if u.convention == "local" and not text.startswith(("/", "./", "../", "~", ROOT)):
                continue  # (a name the library fetches: `from_pretrained("bert-base-uncased")`)
            if u.convention == "anndata" and (
                not (text.endswith(_WRITE_METHOD_SUFFIXES) or u.format_given)
                or " " in text
                or "\n" in text
            ):
                continue  # (`f.write(text)` writes text into a file, it names none; `t.write(name,
                # format="fits")` is an astropy table's: wallaby-analysis-scripts)
            plain = text
            text, mat = _convention(text, u, raw.fmt)
            if u.convention == "tree":  # any file under the folder
                text = (text.rstrip("/") or ".") + "/" + STAR2
            optional = raw.optional or made or any(_covers(g, plain) or _covers(g, text) for g in guards)
            fill = any(_covers(g, plain) or _covers(g, text) for g in absent)
            if text.startswith(ROOT):
                kind = "rooted"
            elif ex.is_absolute_text(text):
                kind = "abs"
                if u.convention == "listing" and not made and not any(_covers(g, text) for g in guards):
                    optional = False  # (a glob of the author's folder finds nothing elsewhere: a problem)
            else:
                kind = "rel"
            out.extend(
                _Res(text, kind, cast(Access, a), raw, mat, into, optional, u.soft, fill and a != "read")
                for a in access
                for into in into_names
            )
        return out

    def _runs_command(self, scope: Scope, ret: Expr) -> bool:
        """Does the function a ``("ret", ...)`` calls run a shell command or a program?"""
        file = next((f for f, sc in self.scopes.items() if sc.ref is scope.ref), None)
        target = self.function(file, ret[1]) if file is not None else None
        return target is not None and any(u.convention == "command" for u in target[1].uses)

    def _command(self, raw: _Raw, guards: list[str]) -> list[_Res]:
        """What a shell command makes and reads (its words, see :mod:`._shell`)."""
        from sciship.flow import _shell

        out: list[_Res] = []
        expr = raw.use.expr[1] if raw.use.expr[0] == "opt" else raw.use.expr
        if expr[0] == "list":  # subprocess.run(["prog", "-o", out]): one word per element
            commands = [[_one_text(item, raw.scope) for item in expr[1]]]
        else:
            commands = [_shell.words_of(t) for t in ex.evaluate(expr, raw.scope).texts[:4]]
        for words in commands:
            for effect in _command_effects(tuple(words)):
                text = effect.path.replace("\\", "/")
                if _URL.match(text) or text in _NOT_FILES:
                    continue
                if effect.tree:
                    text = (text.rstrip("/") or ".") + "/" + STAR2
                elif not ex.informative(text) and not effect.soft:
                    continue  # (a download whose name is unknown still fills its folder: a soft write)
                kind = "rooted" if text.startswith(ROOT) else "abs" if ex.is_absolute_text(text) else "rel"
                optional = raw.optional or any(_covers(g, text) for g in guards)
                out.append(
                    _Res(text, kind, cast(Access, effect.access), raw, optional=optional, soft=effect.soft)
                )
        return out

    # -------------------------------------------------------------- working folders
    def existing(self, path: str) -> bool:
        """Is there a file or folder at ``path`` (or one that fits it, for a pattern)?"""
        if not path:
            return True
        found = self._exists.get(path)
        if found is None:
            if ex.has_unknown(path):
                start, end = ex.known_ends(path)  # what a path that fits must start and end with, first
                found = any(
                    ex.matches(path, f) for f in self.p.files if f.endswith(end) and f.startswith(start)
                ) or any(
                    ex.matches(path, d) for d in self.all_folders() if d.endswith(end) and d.startswith(start)
                )
            else:
                found = self.p.has(path) or path in self.all_folders()
                if not found and self.skipped_set:
                    linked = self._through_link(path)
                    found = linked is not None and (self.p.has(linked) or linked in self.all_folders())
            self._exists[path] = found
        return found

    def _found_unwritten(self, pattern: str, writes: list[str]) -> bool:
        """Does a file of the folder fit ``pattern`` that none of ``writes`` makes?"""
        start, end = ex.known_ends(pattern)
        return any(
            ex.matches(pattern, f) and not any(ex.matches(w, f) for w in writes)
            for f in self.p.files
            if f.endswith(end) and f.startswith(start)
        )

    def all_folders(self) -> frozenset[str]:
        if self.folders is None:
            out = set()
            for f in self.p.files:
                d = posixpath.dirname(f)
                while d and d not in out:
                    out.add(d)
                    d = posixpath.dirname(d)
            self.folders = frozenset(out)
        return self.folders

    def _readme_names(self, folder: str, results: list[_Res]) -> bool:
        """Does a README in ``folder`` name a bare file name (no folder) that the step reads there?"""
        names = {
            r.text
            for r in results
            if r.access == "read" and r.kind == "rel" and "/" not in r.text and not ex.has_unknown(r.text)
        }
        if not names:
            return False
        prefix = folder + "/"
        for rel in self.p.files:
            name = rel[len(prefix) :]
            if rel.startswith(prefix) and "/" not in name and name.upper().startswith("README"):
                text = self.p.read_text(rel) or ""
                if any(n in text for n in names):
                    return True
        return False

    def workdir(
        self,
        step: str,
        kind: str,
        results: list[_Res],
        chdirs: list[tuple[Pos, Expr]],
        made: set[str] | frozenset[str] = frozenset(),
    ) -> tuple[str, bool]:
        """The folder ``step`` runs in, and whether something says so (a pipeline that runs it, files its
        paths find there or the notebooks write there, ``made``) rather than the default (a script runs
        from the top of the folder)."""
        own = posixpath.dirname(step)
        if kind == "notebook":
            return self._notebook_folder(step), True
        launched = {folder for folder, _args in self.launched.get(step, ())}
        if len(launched) == 1:  # the Makefile or shell script that runs it says
            return next(iter(launched)), True
        if not own:
            return own, True
        if not launched and _PAIRED.search(self.p.read_bytes(step) or b"", 0, 2000):
            # a notebook Jupytext keeps as a script (`formats: ipynb,py:percent`): opened in Jupyter, it
            # runs in its folder (Synthetic-UCB-Catalogs: `./SEVN/...` read from the top, a false SHR110)
            return own, True
        first_cd = min((p for p, _ in chdirs), default=None)
        score = {"": 0, own: 0}
        up = posixpath.dirname(own)
        while up:  # the folders between: a module in `pkg/` run from the folder above `pkg/`
            score[up] = 0
            up = posixpath.dirname(up)
        pinned = self._pinned_by_sys_path(step, own)
        if pinned is not None:  # (as much as one file found from there: the files may say otherwise)
            score[pinned] += 1
        for r in results:
            if r.kind != "rel" or (first_cd is not None and r.raw.pos > first_cd) or _loose(r.text):
                continue
            if r.text.startswith((STAR, STAR2)) and "/" in r.text:  # (a folder with an unknown start,
                continue  # `file_loc.diag_dir + 'aerosols/'`, is none known: ukesm's "runs in analysis_code")
            text = r.text
            while text.startswith("./"):  # (`./adapt.pdf` is a bare name too)
                text = text[2:]
            for cwd in score:
                full = ex.normalize(posixpath.join(cwd, text))
                if full == ".." or full.startswith("../"):
                    score[cwd] -= 2
                elif (r.access == "read" and (self.existing(full) or full in made)) or (
                    r.access == "write"
                    and (
                        (posixpath.dirname(text) and self.existing(posixpath.dirname(full)))
                        # (a bare file name can be written from anywhere: only the file itself, left
                        # where the author ran the script, says where that was)
                        or (not posixpath.dirname(text) and _named(text) and self.existing(full))
                    )
                ):
                    score[cwd] += 1
        if first_cd is not None:
            # the folder its first `os.chdir` goes to, when written relative to where the script starts:
            # `os.chdir("../data")` in `scripts/run.py` only makes sense from `scripts/` (from the top it
            # leaves the folder), and every path after it follows it there
            target = self._relative_chdir(step, chdirs, first_cd)
            if target is not None:
                for cwd in score:
                    full = ex.normalize(posixpath.join(cwd, target))
                    if full == ".." or full.startswith("../"):
                        score[cwd] -= 2
                    elif self.existing("" if full == "." else full):
                        score[cwd] += 1
        if score[own] > score[""] and score[own] >= max(score.values()):
            return own, True
        best = max(score, key=lambda c: (score[c], c == "", c == own))
        if score[best] > score[""]:
            return best, True
        if not any(score.values()) and self._kin_here(own, results):
            return own, False
        return "", score[""] > 0 or any(v < 0 for v in score.values())

    def _notebook_folder(self, step: str) -> str:
        """The folder a notebook runs in: its own, as Jupyter runs it; papermill runs it where it is
        started (the folder of the driver's commands) or in the folder its ``cwd`` names."""
        own = posixpath.dirname(step)
        folders = set()
        for folder, args in self.launched.get(step, ()):
            at = args.index("--cwd") if "--cwd" in args[:-1] else None
            if at is None:
                folders.add(folder)
                continue
            given = args[at + 1]
            where = ex.normalize(posixpath.join(folder, given))
            if STAR in given or STAR2 in given or where == ".." or where.startswith(("../", "/")):
                return own  # (`cwd=os.path.dirname(nb)`: most likely its own folder)
            folders.add("" if where == "." else where)
        return folders.pop() if len(folders) == 1 else own

    def _relative_chdir(self, step: str, chdirs: list[tuple[Pos, Expr]], pos: Pos) -> str | None:
        """The one relative folder the ``os.chdir`` at ``pos`` goes to (``../data``), or None when it is
        built from ``__file__``, absolute, or not known."""
        for p, expr in chdirs:
            if p != pos or expr[0] == "cwd":
                continue
            texts = ex.evaluate(expr, self.scope_for(step)).texts
            if len(texts) != 1 or ex.has_unknown(texts[0]):
                return None
            t = texts[0].replace("\\", "/")
            if t.startswith((ROOT, "~")) or ex.is_absolute_text(t):
                return None
            return t
        return None

    def _pinned_by_sys_path(self, step: str, own: str) -> str | None:
        """The one folder ``step`` must run from for the modules it imports through a relative entry it
        puts on ``sys.path`` (``sys.path.append('..')``, relative to where Python is started) to be
        found: its own folder, or one between it and the top; None when no such entry decides
        (janbrascamp/analysis_code_face_integration: `import tools` failed from the top)."""
        text = self.p.read_text(step) or ""
        if "sys.path" not in text:
            return None
        from sciship.imports.scan import sys_path_entries

        entries = [e[len("cwd:") :] for e in sys_path_entries(text) if e.startswith("cwd:")]
        facts = self.facts.get(step)
        if not entries or facts is None:
            return None
        modules = {m.partition(".")[0] for m, level in facts.imports if not level and m}
        modules = {m for m in modules - _STDLIB if not self._module_at(own, m)}  # (not those beside it)
        places = [own]
        up = own
        while up:
            up = posixpath.dirname(up)
            places.append(up)
        fits = []
        for cwd in places:
            for entry in entries:
                base = ex.normalize(posixpath.join(cwd, entry))
                if base == ".." or base.startswith("../"):
                    continue
                base = "" if base == "." else base
                if any(self._module_at(base, m) for m in modules):
                    fits.append(cwd)
                    break
        return fits[0] if len(fits) == 1 else None

    def _kin_here(self, own: str, results: list[_Res]) -> bool:
        """Do the script's file names, none of which exists anywhere, all bare (``HA_ref_mutations.txt``),
        look like the files of its own folder and of no folder above: a file there starts with the same
        first word and ends with the same suffix as one of them (``HA_ref_read_counts.txt`` in
        ``data/HA/``)? Then it works among them. Only where nothing else says where a script runs."""
        names = [r.text for r in results if r.kind == "rel" and not ex.has_unknown(r.text)]
        if not names or any("/" in n for n in names):
            return False
        kin = self._kin
        mine = {_kin_key(n) for n in names} - {None}
        if not mine & kin.get(own, set()):
            return False
        up = own
        while up:
            up = posixpath.dirname(up)
            if mine & kin.get(up, set()):
                return False
        return True

    @functools.cached_property
    def _files_in(self) -> dict[str, list[str]]:
        """The folder's files by the folder they are in ("" for the top), once (see :meth:`_misspelt`)."""
        out: dict[str, list[str]] = defaultdict(list)
        for f in self.p.files:
            out[f.rpartition("/")[0]].append(f)
        return out

    @functools.cached_property
    def _kin(self) -> dict[str, set[tuple[str, str]]]:
        out: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for f in self.p.files:
            folder, _, name = f.rpartition("/")
            key = _kin_key(name)
            if key is not None:
                out[folder].add(key)
        return out

    def place(self, r: _Res, cwd: str | None) -> _Final:
        text = r.text
        if r.kind == "rel" and cwd is not None and ex.is_absolute_text(cwd):
            # after `os.chdir("C:/Users/ana/chip5")`: `pd.read_table("x.txt")` reads C:/Users/ana/chip5/x.txt
            r = dataclasses.replace(r, text=ex.normalize(posixpath.join(cwd, text)), kind="abs")
            text = r.text
        if r.kind == "abs":
            shown = ex.normalize(text) if not text.startswith("~") else text
            return _Final(shown, "scratch" if _scratch(shown) else "absolute", False, r)
        if r.kind == "rooted":
            full = ex.normalize(text[1:].lstrip("/"))
        else:
            if _loose(text) or cwd is None:
                rest = text.lstrip("/")
                parts = rest.split("/")
                while parts and parts[0] in {STAR, STAR2, ".", "", ".."}:  # (above an unknown folder:
                    parts.pop(0)  # another unknown folder)
                tail = ex.normalize("/".join(parts))
                if _HYDRA_RECORD.search(tail) is not None:
                    # the settings Hydra records in a run's own output folder as the run starts (`HydraConfig
                    # .get().runtime.output_dir` + `.hydra/config.yaml`): made by the run, never an input
                    # (vadmbertr/cyclogeostrophy_impact_experiment: an input `**/.hydra/config.yaml`)
                    return _Final(STAR2 + "/" + tail, "scratch", True, r)
                return _Final(STAR2 + "/" + tail if tail else STAR2, "folder", True, r)
            first, _, after = text.partition("/")
            if ex.placeholder_part(first) and after:
                second, _, rest = after.partition("/")
                if second in self.root_names and rest:
                    # `???/deconvolution_benchmarking/visualizations/x.tsv`: the authors wrote `???` where
                    # the folder sits on their computer (MedicalGenomicsLab/deconvolution_benchmarking: 404
                    # problems, each path under its notebook's folder): this folder's `visualizations/x.tsv`
                    return _Final(ex.normalize(rest), "folder", False, r)
                if rest and second in self.all_folders():  # `???/01_experiment/data/x.csv`: the same
                    return _Final(ex.normalize(after), "folder", False, r)
                return _Final(text, "absolute", False, r)  # (a place for the reader to fill in)
            full = ex.normalize(posixpath.join(cwd, text))
            if first in self.root_names and "/" in text and not self.existing(posixpath.join(cwd, first)):
                # `liam_manuscript_reproducibility/data/original/x.h5ad`: run from the folder above this
                # one, by its own name (liam_manuscript_reproducibility): the folder's `data/original/`
                full = ex.normalize(text[len(first) + 1 :])
            elif full.startswith("../") and full[3:].split("/", 1)[0] in self.root_names and "/" in full[3:]:
                # `../trVAE_reproducibility/data/...`: back in by its name
                full = ex.normalize(full[3:].split("/", 1)[1])
        if full == ".." or full.startswith("../"):
            return _Final(full, "outside", False, r)
        if r.into_name and (text.endswith("/") or (not ex.has_unknown(full) and full in self.all_folders())):
            full = posixpath.join(full, r.into_name)
        return _Final(full, "folder", False, r)

    def cwd_at(self, base: str, chdirs: list[tuple[Pos, Expr, Scope]], pos: Pos) -> str | None:
        cwd: str | None = base
        for p, expr, scope in chdirs:
            if p >= pos:
                break
            if expr[0] == "cwd" and len(expr) > 1 and expr[1] < p:
                # `here = os.getcwd()`, `os.chdir("sub")`, then `os.chdir(here)`: back where it was then
                cwd = self.cwd_at(base, chdirs, expr[1])
                continue
            texts = ex.evaluate(expr, scope).texts
            if len(texts) != 1 or ex.has_unknown(texts[0]):
                cwd = None
                continue
            t = texts[0].replace("\\", "/")
            if t.startswith(ROOT):
                cwd = ex.normalize(t[1:].lstrip("/"))
            elif ex.is_absolute_text(t) and not t.startswith("~"):
                cwd = ex.normalize(t)  # a folder on the author's computer: what it reads there is too
            elif cwd is None or ex.is_absolute_text(t):
                cwd = None
            else:
                cwd = ex.normalize(posixpath.join(cwd, t))
        return cwd

    # -------------------------------------------------------------- the graph
    def _graph(self, steps: list[str]) -> Flow:
        problems: list[FlowProblem] = []
        if self.launched is not None:  # (which fills `missing_scripts`)
            for rel, script in self.missing_scripts:
                problems.append(
                    FlowProblem(
                        "SHR110",
                        f"`{rel}` runs `{script}`, which is not in the folder: as it is, that command stops "
                        f"there. Add the script, or fix its name in `{rel}`.",
                        rel,
                        target=script,
                        access="read",
                    )
                )
        problems += self._snakemake_workdirs()
        for rel, message in sorted(self.unreadable.items()):
            if rel.endswith((".py", ".ipynb")) and (rel in steps or rel in self.binary):
                problems.append(FlowProblem("SHR117", message, rel))
        if not steps:
            if not any(f.endswith((".py", ".ipynb")) for f in self.p.files):
                problems.append(
                    FlowProblem(
                        "SHR118",
                        "This folder has no Python scripts or notebooks, so there is no data flow to trace.",
                        ".",
                    )
                )
            return Flow(problems=tuple(problems))
        finals: dict[str, list[_Final]] = {}
        workdirs: dict[str, str] = {}
        kinds: dict[str, str] = {}
        evaluated: dict[str, list[_Res]] = {}
        sure: set[str] = set()  #: steps whose working folder the code or a pipeline says
        #: scripts that pipelines run from several folders: what each folder's commands make it do there
        several: dict[str, list[tuple[str, list[_Res]]]] = {}
        for step in steps:
            facts = self.facts.get(step)
            kind = "notebook" if step.endswith(".ipynb") else "script"
            kinds[step] = kind
            if facts is None:
                finals[step] = []
                workdirs[step] = posixpath.dirname(step) if kind == "notebook" else ""
                continue
            for code, message, line, cell in facts.problems:
                problems.append(FlowProblem(code, message, step, line, cell))
            if kind == "notebook":
                for code, message, cell in run_problems(facts.cells):
                    problems.append(FlowProblem(code, message, step, None, cell))
            evaluated[step] = self._evaluated(step)
            problems.extend(self.blanks.get(step, ()))  # (found as it was evaluated)
        # what the notebooks write in their own folders (a script beside one that reads it runs there:
        # anitsoga/mossing_paper_code's plot script read the `.mat` its folder's notebook writes)
        # and what the scripts a pipeline or README runs in their own folder write there (the scripts beside
        # them that read it run there too: rjleveque/shoaling_paper_figures' `setrun.py` reads the
        # `grid.data` its folder's `makegrid.py` makes)
        def in_own_folder(step: str) -> bool:
            if kinds[step] == "notebook":
                return not self.facts[step].chdirs and self._notebook_folder(step) == posixpath.dirname(step)
            runs = {folder for folder, _args in self.launched.get(step, ())}
            return runs == {posixpath.dirname(step)} and bool(posixpath.dirname(step))

        made = {
            ex.normalize(posixpath.join(posixpath.dirname(step), r.text))
            for step, results in evaluated.items()
            if in_own_folder(step) and not self.facts[step].chdirs
            for r in results
            if r.access == "write" and r.kind == "rel" and not ex.has_unknown(r.text)
        }
        # and what the notebooks read in their own folders: a script beside one that reads the same files
        # runs there too (fabianp/Code_CMPT_paper: ROI_confirmatory/CMPT.py and the notebook beside it both
        # read `data/Im_labels.npy`, left to unpack from an archive; the script's was said to be missing
        # at the top, the notebook's in its folder)
        made |= {
            ex.normalize(posixpath.join(posixpath.dirname(step), r.text))
            for step, results in evaluated.items()
            if kinds[step] == "notebook" and in_own_folder(step) and not self.facts[step].chdirs
            for r in results
            if r.access == "read" and r.kind == "rel" and not ex.has_unknown(r.text)
        }
        for step, results in evaluated.items():
            facts = self.facts[step]
            kind = kinds[step]
            workdirs[step], said = self.workdir(step, kind, results, facts.chdirs, made)
            if said:
                sure.add(step)
            launches = sorted({folder for folder, _args in self.launched.get(step, ())})
            if kind == "script" and len(launches) > 1:  # run from several folders: each with its commands
                several[step] = [(folder, self._evaluated(step, folder)) for folder in launches]
                workdirs[step] = launches[0]
        # scripts of one folder run from one place: a script nothing places runs where the scripts next
        # to it that say where they run (by the files they find, or by their names' kin there) run from
        # their own folder (RomeroLab/PU-learning-paper-analysis: `data/HA/sam2mutations.py`, whose one
        # file name comes from the command line, beside two scripts that work among `data/HA/`'s files)
        # (placed by their files, not by a command line that runs them there: one `python3
        # label_relax_tree.py` in ab-diaz/LPS_analysis_code's shell script moved six scripts that work from
        # the top into its folder, 28 false missing inputs)
        here = {
            workdirs[s]
            for s in evaluated
            if kinds[s] == "script"
            and workdirs[s]
            and workdirs[s] == posixpath.dirname(s)
            and s not in self.launched
        }
        # and so does one whose folder's README names a bare file name it reads (desihub/spectropaper-code:
        # `work/negativetrails/plot.py` reads what that folder's README makes there with `-o`), or whose
        # sibling folders' scripts each run in their own folder (57 of the 58 there)
        # (most of them: a `src/` whose modules run from the top, beside two that work in their folders,
        # stays at the top)
        in_own: dict[str, set[str]] = defaultdict(set)  # parent -> its folders whose scripts work in them
        under: dict[str, set[str]] = defaultdict(set)  # parent -> its folders with scripts
        for other in evaluated:
            folder = posixpath.dirname(other)
            if kinds[other] == "script" and folder:
                under[posixpath.dirname(folder)].add(folder)
                if workdirs[other] == folder:
                    in_own[posixpath.dirname(folder)].add(folder)
        for step, results in evaluated.items():
            own = posixpath.dirname(step)
            if step in sure or workdirs[step] != "" or kinds[step] != "script" or not own:
                continue
            parent = posixpath.dirname(own)
            others = len(in_own[parent] - {own})
            siblings = others >= 2 and others >= 0.8 * len(under[parent] - {own})
            if own in here or siblings or self._readme_names(own, results):
                workdirs[step] = own
        # scripts of sibling folders that nothing places, which would write the same bare file names from
        # the top: each works in its own folder (zhaodan-npu/Higher_order_kuramoto_paper_code's fig12/ and
        # fig13/ `plot_window_5.py`: three false SHR113, "give each output its own name")
        bare: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for step, results in evaluated.items():
            own = posixpath.dirname(step)
            if step in sure or kinds[step] != "script" or workdirs[step] != "" or not own:
                continue
            first_cd = min((pos for pos, _ in self.facts[step].chdirs), default=None)
            for r in results:
                if (
                    r.access == "write"
                    and r.kind == "rel"
                    and "/" not in r.text
                    and _named(r.text)
                    and (first_cd is None or r.raw.pos < first_cd)  # (not after an `os.chdir`)
                ):
                    bare[r.text].add((own, step))
        workdirs.update(
            (step, own)
            for pairs in bare.values()
            if len({own for own, _step in pairs}) > 1
            for own, step in pairs
        )
        for step, results in evaluated.items():
            facts = self.facts[step]
            scope = self.scope_for(step)
            chdirs = sorted(((p, e, scope) for p, e in facts.chdirs), key=lambda c: c[0])
            placed = []
            seen: set[tuple[str, str, Pos]] = set()
            for wd, rs in several.get(step) or [(workdirs[step], results)]:
                for r in rs:
                    # (what a function of the file does, where the step calls it: after its `os.chdir`)
                    when = max(r.raw.pos, r.raw.at) if r.raw.at is not None else r.raw.pos
                    cwd = self.cwd_at(wd, chdirs, when) if chdirs else wd
                    final = self.place(r, cwd)
                    if (
                        final.location == "folder"
                        and step.endswith(".py")
                        and final.path == step
                        and r.access == "read"
                    ):
                        continue  # a script reading its own source
                    if (
                        r.access == "read"
                        and final.location == "folder"
                        and final.path in self.py_files
                        and (step in self.drivers or self._execs(step))
                    ):
                        continue  # a driver reading the scripts it runs (`exec(open(script).read())`)
                    if step in several:  # (a path every folder's run names the same, once)
                        if (final.path, r.access, r.raw.pos) in seen:
                            continue
                        seen.add((final.path, r.access, r.raw.pos))
                    placed.append(final)
            if any(f.res.raw.use.convention == "listing" for f in placed):
                # (a pattern the step also reads through, `for f in glob.glob(p): pd.read_csv(f)`: once)
                read = {
                    f.path for f in placed if f.res.access == "read" and f.res.raw.use.convention != "listing"
                }
                placed = [f for f in placed if f.res.raw.use.convention != "listing" or f.path not in read]
            moved = {
                f.path
                for f in placed
                if f.res.access == "read"
                and f.res.raw.use.call.rpartition(".")[2] in _MOVES
                and not ex.has_unknown(f.path)
            }
            if moved:
                # a file the step writes and then moves into place (`os.replace(tmp, dest)`): a temporary,
                # neither an output nor an input (rjain2470/EMNSR_paper_code's `MaassForms.txt.part`)
                made = {
                    f.path
                    for f in placed
                    if f.res.access == "write" and f.res.raw.use.call.rpartition(".")[2] not in _MOVES
                }
                temporary = moved & made
                placed = [f for f in placed if f.path not in temporary]
            finals[step] = placed
        return self._assemble(steps, kinds, workdirs, finals, problems)

    def _assemble(
        self,
        steps: list[str],
        kinds: dict[str, str],
        workdirs: dict[str, str],
        finals: dict[str, list[_Final]],
        problems: list[FlowProblem],
    ) -> Flow:
        reads: dict[str, dict[str, _Final]] = {s: {} for s in steps}
        writes: dict[str, dict[str, _Final]] = {s: {} for s in steps}
        external: dict[str, None] = {}
        inside_reads: dict[str, dict[str, None]] = defaultdict(dict)  # absolute reads of this folder's files
        self.author_roots = self._author_roots(steps, finals)
        uses: list[PathUse] = []
        #: where each step first reads and first writes each file of the folder: (step, path) -> access ->
        #: place (a step that reads a file before it writes it updates the file in place)
        firsts: dict[tuple[str, str], dict[str, tuple[Pos, int]]] = {}
        own_read: set[tuple[str, str]] = set()  #: reads of a file the same step writes
        # what a step's own commands and archives may make, anywhere (`extractall()` into the root too)
        # (by whether they come from unpacking an archive: an archive is not among what that makes)
        own_maybe = {
            (s, unpacks): _Made(
                _companions(f.path for f in finals[s] if f.res.soft and _unpacks(f) == unpacks), match=True
            )
            for s in steps
            for unpacks in (False, True)
        }
        # what the README's commands download or unpack: inputs all the same, but not missing ones
        readme = _Made((p for p in self.readme_made if p != STAR2), match=True)  # (a download anywhere: no)
        # the files steps write outside the folder, by name: a missing input of that name may be one
        # (individual-brain-charting: `dictionary.npz`, written into `/storage/...` by another step)
        self.far_written = {}
        for s in steps:
            for f in finals[s]:
                name = f.path.rsplit("/", 1)[-1]
                if f.location == "absolute" and f.res.access == "write" and not f.res.soft and _named(name):
                    raw = f.res.raw
                    self.far_written.setdefault(name, (s, f.path, _where(raw.line, raw.cell, raw.via)))
        maybe = {
            unpacks: _Made(
                _companions(
                    f.path
                    for s in steps
                    for f in finals[s]
                    if f.res.soft and _unpacks(f) == unpacks and f.location == "folder" and _named(f.path)
                ),
                match=True,
            )
            for unpacks in (False, True)
        }
        for step in steps:
            made = _Made(f.path for f in finals[step] if f.res.access == "write")
            for f in finals[step]:
                r = f.res
                if r.soft:
                    continue  # a file it may make: only says that a read of it is not missing
                if r.access == "read" and made.covers(f.path):
                    r.optional = True  # it reads a file it writes itself: a cache, or its own output
                    # (read before written, an update in place; also after an existence check:
                    # kbasecollaborations/trait-prediction-manuscript's backfill ran before the scripts
                    # that make the tables it adds a column to, six false SHR113)
                    own_read.add((step, f.path))
                shown = ex.display(f.path)
                written = ex.display(f.path if r.kind == "rooted" and f.location == "folder" else r.text)
                uses.append(
                    PathUse(
                        shown,
                        r.access,
                        step,
                        r.raw.line,
                        r.raw.use.call,
                        ex.has_unknown(f.path),
                        r.raw.cell,
                        f.location,
                        written,
                        r.raw.via,
                        r.access == "read" and r.optional,
                    )
                )
                if f.location == "scratch":
                    continue
                if f.location != "folder":
                    external.setdefault(written if f.location == "absolute" else shown)
                    if f.location == "absolute" and r.access == "write" and not ex.has_unknown(f.path):
                        # this folder's own file, at its place on the author's computer: what reads it
                        # here comes after (AIDAqc_Figures: `C:/.../AIDAqc_Figures/input/x.csv`)
                        mine = self._inside(f.path, "write")[0]
                        if mine:
                            writes[step].setdefault(mine, f)
                    elif f.location == "absolute" and not ex.has_unknown(posixpath.dirname(f.path)):
                        # and a file read there: it comes after what writes it here (Freihaut_Goeritz-2022:
                        # the tables read at the author's paths came before the steps that make them); also
                        # files of a pattern, after what writes that same pattern here (StanBarmentloo/
                        # NII_nebular_phase: Figure_5 reads `/home/.../prerequisites/escatt_data/tau_*.csv`,
                        # and came before the notebook that writes `escatt_data/tau_*.csv` from its folder)
                        mine = self._inside(f.path, "read")[0]
                        if mine:
                            inside_reads[step].setdefault(mine, None)
                    continue
                table = reads if r.access == "read" else writes
                at = (r.raw.pos, r.raw.use.line)  # (in a helper: where the call is, then its own line)
                first = firsts.setdefault((step, f.path), {})
                first[r.access] = min(first.get(r.access, at), at)
                have = table[step].get(f.path)
                if have is None or (have.res.optional and not r.optional):
                    table[step][f.path] = f  # a required read of a file wins over an optional one
        # who writes what
        writers: dict[str, list[str]] = defaultdict(list)
        for step in steps:
            for path in writes[step]:
                writers[path].append(step)
        # (step, file) that the step writes only when it is missing (`if not exists(f): download(f)`)
        made_anyway = {
            (s, f.path) for s in steps for f in finals[s] if f.res.access == "write" and not f.res.fill
        }
        fills = {(s, path) for s in steps for path in writes[s] if (s, path) not in made_anyway}
        concrete = {w for w in writers if not ex.has_unknown(w)}
        # each written pattern with the known start and end of the paths that fit it, and of its name
        patterns = [(w, ex.known_ends(w), _name_ends(w)) for w in writers if ex.has_unknown(w)]
        inside: dict[str, list[str]] = defaultdict(list)  # folder -> written paths in it (`results/table/`)
        for w in writers:
            folder = posixpath.dirname(w)
            while folder and not ex.has_unknown(folder):
                inside[folder].append(w)
                folder = posixpath.dirname(folder)
        edges: dict[str, set[str]] = {s: set() for s in steps}
        needed: set[tuple[str, str]] = set()  #: (step, a step it needs) for a read that must find its file
        read_by_writer: dict[tuple[str, str], str] = {}
        inputs: dict[str, None] = {}
        missing: dict[str, None] = {}
        for step in steps:
            for path, f in reads[step].items():
                # a write whose folder and name are both unknown (`**/*.yaml`) says nothing about this file,
                # nor one in an unknown folder (`**/variance_*.nc`) about a read of any name (`data/*.nc`),
                # nor one of any name (`results/*/*.yaml`) about a read in an unknown folder
                # (`**/parameters/params.yaml`), nor one whose name fits only through unknown parts
                # (`**/*min_lead.png` for `**/mrms_indices_*`: neither their starts nor their ends agree)
                anyname = not _named(path)
                anywhere = path.startswith(STAR2)
                hits = [
                    w
                    for w in _writers_of(path, f, concrete, patterns)
                    if not _vague(w)
                    and not (anyname and w.startswith(STAR2))
                    and not (anywhere and (not _named(w) or _ends_meet(path, w)))
                    # (nor a write in a folder it cannot tell whose name fits only through unknown parts:
                    # `**/*_sd_*_*.json` for `data/datasets/perf_*`)
                    and not (w.startswith(STAR2) and _ends_meet(path, w))
                    and not _crossed(path, w)
                ] or inside.get(path, [])
                if not hits:
                    # (an archive is not in what unpacking makes, its own or another's:
                    # jtextor/immunet-paper-code's `prediction.tar.gz`, unpacked into `data/`, was neither an
                    # input nor missing)
                    unpacked = not path.endswith(_ARCHIVES) and (
                        maybe[True].covers(path) or own_maybe[step, True].covers(path)
                    )
                    if (
                        unpacked
                        or maybe[False].covers(path)
                        or own_maybe[step, False].covers(path)
                        or (f.res.optional and not self.existing(path))
                        or self._made_by_pipeline(path)
                    ):
                        continue  # made by a command, an archive or a shell script; a cache not there yet
                    inputs.setdefault(path)
                    problem = (
                        None
                        if f.res.optional or readme.covers(path)
                        else self._missing(step, path, f, writers)
                    )
                    if problem is not None:
                        missing.setdefault(path)
                        problems.append(problem)
                    continue
                # (a step that reads a file before it writes it adds to what is in it)
                updating = (
                    not ex.has_unknown(path) and _updates(firsts, step, path) and (step, path) in own_read
                )
                # (a write of its own in a folder it cannot tell, `**/*_perf_*.json`, says nothing of the
                # files a glob finds: KISRDevelopment's exp_perf.py lost its generators)
                listing = f.res.raw.use.convention == "listing"  # (a read of its own cache stays one)
                # (a file it only fetches when it is missing, which another step makes: it reads that
                # step's file, and comes after it; AllenDowney/PoliticalAlignmentCaseStudy: each chapter
                # downloads `gss_pacs_resampled.hdf` if it is not there, which 01_clean.ipynb makes: "none
                # reads what another writes", and a notebook that made it came after those that read it)
                fetched = {
                    w
                    for w in hits
                    if (step, w) in fills and any((a, w) not in fills for a in writers[w] if a != step)
                }
                own = [
                    w
                    for w in hits
                    if step in writers[w] and not (listing and w.startswith(STAR2)) and w not in fetched
                ]
                if (own and not updating) or _vague(path):
                    continue  # it makes (or may make) the file itself (a cache), or the name says too little
                if ex.has_unknown(path) and self._found_unwritten(path, hits):
                    # the files it may read are also ones in the folder that no step writes: an input too
                    # (syedarehaq/diversify_netsci_paper_analysis: 67 committed files read by `output_v2/*`,
                    # beside the one a step writes there, were never named)
                    inputs.setdefault(path)
                for w in hits:
                    if _vague(w):
                        continue
                    # (a step that only updates a file another step makes is no maker of it: a reader waits
                    # for the maker; kbasecollaborations/trait-prediction-manuscript's backfill, which adds a
                    # column to the figure tables, made a false circle with a figure script)
                    makers = [a for a in writers[w] if not ((a, w) in own_read and _updates(firsts, a, w))]
                    for a in writers[w]:
                        updater = (a, w) in own_read and _updates(firsts, a, w)
                        # (an update in place waits for the step that makes the file, not for another update)
                        if (
                            a != step
                            and not ((updating or makers) and updater)
                            and not (w in fetched and (a, w) in fills)  # (not for another that fetches it)
                        ):
                            edges[step].add(a)
                            if not f.res.optional:
                                if (step, a) not in needed:  # (a read that must find its file names it)
                                    read_by_writer[(step, a)] = path
                                    needed.add((step, a))
                            elif (step, a) not in needed:
                                read_by_writer.setdefault((step, a), path)
        problems = _one_per_read(problems)
        far = _far_writers(steps, finals)  # a file one step writes at an absolute path and another reads
        for (step, _path), writers_there in far.items():
            for a, _line in writers_there:
                edges[step].add(a)
                needed.add((step, a))
                read_by_writer.setdefault((step, a), _path)
        shown_writers = {ex.display(w): v for w, v in writers.items()}  # (`_inside` shows a pattern's `*`)
        for step, mines in inside_reads.items():
            for mine in mines:
                for a in writers.get(mine) or shown_writers.get(mine) or ():
                    if a != step:
                        edges[step].add(a)
                        needed.add((step, a))
                        read_by_writer.setdefault((step, a), mine)
        _drop_optional_circles(steps, edges, needed)
        ordering = self._with_sequences(steps, edges)
        order = _order(steps, ordering)
        updates = {key for key, first in firsts.items() if first.get("read", _END) < first.get("write", _END)}
        # (a file a step writes and then reads back: its scratch; see _double_writes)
        scratch = {key for key, first in firsts.items() if first.get("write", _END) < first.get("read", _END)}
        problems.extend(self._double_writes(order, writes, updates, scratch, reads))
        # (and a file two steps write at one absolute path: the same, on the author's computer)
        far_writes: dict[str, dict[str, _Final]] = {
            s: {
                f.path: f
                for f in finals[s]
                if f.location in {"absolute", "outside"} and f.res.access == "write" and not f.res.soft
            }
            for s in steps
        }
        far_updates = set()  # (a step that reads the file before it writes it adds to it)
        for s in steps:
            far_firsts: dict[str, dict[str, tuple[Pos, int]]] = {}
            for f in finals[s]:
                if f.location in {"absolute", "outside"} and f.path in far_writes[s]:
                    place = (f.res.raw.pos, f.res.raw.use.line)
                    seen = far_firsts.setdefault(f.path, {})
                    seen[f.res.access] = min(seen.get(f.res.access, place), place)
            far_updates |= {
                (s, p) for p, seen in far_firsts.items() if seen.get("read", _END) < seen.get("write", _END)
            }
        problems.extend(self._double_writes(order, far_writes, far_updates))
        problems.extend(_cycles(steps, edges, read_by_writer, order, reads))
        problems.extend(self._set_in(self._places(steps, finals, far)))
        rank = {s: i for i, s in enumerate(order)}
        arguments = {s: self._arguments(s, workdirs[s]) for s in order}
        paths = {s: self._python_path(s, workdirs[s]) for s in order if kinds[s] == "script"}
        # (two patterns that differ only in which unknown part is which read the same when shown: each once,
        # czbiohub-sf/rnaquarium-figures listed every path of a step twice)
        step_objs = [
            Step(
                path=s,
                kind=kinds[s],  # type: ignore[arg-type]
                order=rank[s] + 1,
                reads=tuple(sorted({ex.display(p) for p in reads[s]})),
                writes=tuple(sorted({ex.display(p) for p in writes[s]})),
                after=tuple(sorted(edges[s], key=rank.__getitem__)),
                workdir=workdirs[s],
                arguments=arguments[s][0],
                fill_in=arguments[s][1],
                argv_words=arguments[s][2],
                python_path=paths.get(s, ""),
                snakefile=self.snakemake_scripts.get(s, ""),
                python2=kinds[s] == "script" and _python2(self.facts.get(s)),
                asks=tuple(dict.fromkeys([*self.facts[s].asks, *self.helper_asks.get(s, ())]))
                if s in self.facts
                else (),
                **self._runs(s),
            )
            for s in order
        ]
        problems.sort(
            key=lambda p: (p.path, p.cell if p.cell is not None else -1, p.line or 0, p.code, p.message)
        )
        uses.sort(key=lambda u: (rank.get(u.source, 0), u.cell if u.cell is not None else -1, u.line, u.path))
        return Flow(
            sequenced=any(ordering[s] - edges[s] for s in steps),
            steps=tuple(step_objs),
            inputs=tuple(sorted({ex.display(p) for p in inputs})),
            outputs=tuple(sorted({ex.display(p) for p in writers})),
            problems=tuple(dict.fromkeys(problems)),
            uses=tuple(dict.fromkeys(uses)),
            missing=tuple(sorted({ex.display(p) for p in missing})),
            external=tuple(sorted(external)),
        )

    def _pipeline_texts(self) -> dict[str, str]:
        """The folder's shell scripts, Makefiles and Snakefiles, by path: their text."""
        if self.pipelines is None:
            from sciship.flow import _shell

            self.pipelines = {}
            # a shell script without an extension sits with code (`scripts/download_resources`): only
            # there are such files opened (a model's thousands of extensionless data files are not)
            code_folders = {
                f.rpartition("/")[0] for f in self.p.files if f.endswith((".py", ".ipynb", ".sh"))
            }
            for rel in self.p.files:
                if _shell.is_pipeline_file(rel) or (
                    "." not in rel.rpartition("/")[2]
                    and rel.rpartition("/")[0] in code_folders
                    and self._shell_script(rel)
                ):
                    text = self.p.read_commands(rel)
                    if text is not None and len(text) < LARGE_FILE:
                        self.pipelines[rel] = text
        return self.pipelines

    def _execs(self, step: str) -> bool:
        """Does ``step`` run code it reads (``exec(f.read())``)? Then the project's scripts it reads are what
        it runs, no data: a notebook's `exec(open('helpers.py').read())`, a script's `with open('other.py')
        as f: exec(f.read())` (session 34: helpers.py was an input of the notebook, as data)."""
        data = self.p.read_bytes(step)
        return data is not None and b"exec(" in data

    @functools.cached_property
    def drivers(self) -> dict[str, str]:
        """The folder's Python scripts that run its other scripts (``run_everything.py`` with
        ``subprocess.call([sys.executable, 'parse_all.py', 'trim'])``): what they run, as shell commands.
        They are pipelines like a shell script: the scripts they run are steps with the arguments given."""
        from sciship.flow import _shell

        out = {}
        for rel in self.python_files:
            if set(rel.split("/")[:-1]) & _NOT_STEP_DIRS or is_test(self.p, rel):
                continue  # (a test that runs a script tries it; it is not how the analysis runs)
            data = self.p.read_bytes(rel)
            if data is None or len(data) > LARGE_FILE:
                continue
            # (a notebook papermill runs: `pm.execute_notebook("01_clean.ipynb", "out/01_clean_run.ipynb")`)
            notebooks = b"execute_notebook" in data and b".ipynb" in data
            if b".py" not in data and not notebooks:
                continue
            runs = (b"subprocess", b"os.system", b"exec(", b"run_path(")
            if not notebooks and not any(w in data for w in runs):
                continue
            text = self.p.read_text(rel)
            commands = _shell.driver_commands(text) if text is not None else None
            if commands is not None:
                out[rel] = commands
        return out

    def _hydra_value(self, here: str, config: str, key: str) -> Expr | None:
        """The value of ``key`` (``data.path``) in the configuration of the Hydra app ``here`` (``config``:
        ``conf/config`` for ``conf/config.yaml`` beside it, with the files its ``defaults`` list names),
        for each command that runs the app, with the values it sets (``data_path=data/other``; ``a=1,2``
        with ``--multirun`` is a run for each). ``${other.key}`` in a value is that key's value in the same
        run; other interpolations (``${oc.env:HOME}``) are unknown parts."""
        composed = self._hydra_config(posixpath.join(posixpath.dirname(here), config))
        if composed is None:
            return None
        runs: list[dict[str, Any]] = []
        for _folder, args in self.launched.get(here, ()) or [("", ())]:
            settings = [w.lstrip("+").split("=", 1) for w in args if "=" in w and not w.startswith("-")]
            for values in itertools.islice(itertools.product(*(v.split(",") for _k, v in settings)), 16):
                run = copy.deepcopy(composed)
                for (name, _given), value in zip(settings, values, strict=True):
                    _set(run, name, value)
                runs.append(run)
        found = [_hydra_expr(_hydra_get(run, key), run) for run in runs]
        if all(e is None for e in found):
            return None
        options = list(dict.fromkeys(e if e is not None else ex.UNKNOWN for e in found))
        return options[0] if len(options) == 1 else ex.alt(options)

    def _config_value(self, here: str, loaded: str, key: str, depth: int) -> Expr | None:
        """The value of ``key`` (keys joined by :data:`CONFIG_SEP`; "" for all of it) in the settings file
        ``here`` loads (``loaded``: ``yaml:`` and the file's path expression as JSON; see :data:`CONFIG`).
        The file is found as the code opens it, from where the file runs: the folder the pipelines that
        run it give, else its own folder or one above (the one that holds such a file; where several
        do and their values differ, the value is unknown). None when the file or the key is not there:
        an unknown value, never a made-up one (s33: `cfg["data"]["raw"]` of `config.yaml` was unseen)."""
        import json

        kind, _, written = loaded.partition(":")
        try:
            where = ex.tuplify(json.loads(written))
        except ValueError:
            return None
        texts = ex.evaluate(where, self.scope_for(here), depth + 1).texts
        if not texts or len(texts) > 4 or any(ex.has_unknown(t) for t in texts):
            return None
        files: list[str] = []
        for written_text in texts:
            text = written_text.replace("\\", "/")
            if text.startswith(ROOT):
                found = [ex.normalize(text[1:].lstrip("/"))]
            elif ex.is_absolute_text(text) or text.startswith("~"):
                continue  # (a file on the author's computer: not here to read)
            else:
                folders = sorted({f for f, _args in (self.launched or {}).get(here, ())})
                if not folders:
                    folders = [posixpath.dirname(here)]
                    while folders[-1]:
                        folders.append(posixpath.dirname(folders[-1]))
                found = [ex.normalize(posixpath.join(f, text)) for f in folders]
            files += [f for f in found if self.p.has(f) and f not in files]
        values = [self._config_key(rel, kind, key) for rel in files]
        if not values or any(v is None for v in values):
            return None
        for rel, value in zip(files, values, strict=True):
            if value is not None and value[0] == "s" and ex.is_absolute_text(str(value[1])):
                self._config_folder(here, rel, key, str(value[1]))
        options = list(dict.fromkeys(cast("list[Expr]", values)))
        return options[0] if len(options) == 1 else None

    def _config_folder(self, here: str, rel: str, key: str, value: str) -> None:
        """Note that the settings file ``rel``, which ``here`` loads, sets ``key`` to the absolute ``value``
        (a folder, or a file in one), with the line that sets it when the file's text shows it."""
        folder = value.replace("\\", "/")
        folder = folder if folder.endswith("/") else posixpath.dirname(folder) + "/"
        name = key.replace(CONFIG_SEP, ".")
        last = key.rsplit(CONFIG_SEP, 1)[-1]
        text = self.p.read_text(rel) or ""
        line = next(
            (
                n
                for n, row in enumerate(text.splitlines(), 1)
                if last in row and value.rstrip("/") in row.replace("\\\\", "\\")
            ),
            None,
        )
        if line is not None and len(folder) > 1:
            place = (folder, f"{rel}:{line} (`{name}`)")
            if place not in self.config_folders[here]:
                self.config_folders[here].append(place)

    def _config_key(self, rel: str, kind: str, key: str) -> Expr | None:
        """The value of ``key`` in the settings file ``rel`` (read once), as an expression; None when the
        file cannot be read or lacks the key."""
        data = self.p.memo(f"flow-config:{kind}:{rel}", lambda: _read_config(self.p, rel, kind))
        value: Any = data
        for part in key.split(CONFIG_SEP) if key else ():
            if not isinstance(value, dict) or part not in value:
                return None
            value = value[part]
        if value is None and key:
            return None  # (`raw:` with nothing after it: to be filled in)
        return _config_expr(value, data if kind == "omegaconf" and isinstance(data, dict) else None)

    def _hydra_config(self, config: str) -> dict[str, Any] | None:
        """A Hydra configuration file (without ``.yaml``), with the groups its ``defaults`` list chooses
        merged in (``- model: small`` is ``model/small.yaml`` under ``model``); None when it is not here."""
        if config in self.hydra_configs:
            return self.hydra_configs[config]
        self.hydra_configs[config] = None  # (a file that names itself among its defaults)
        from sciship import _yaml

        folder = posixpath.dirname(config)

        def read(rel: str) -> dict[str, Any] | None:
            rel = ex.normalize(rel + ".yaml")
            data = _yaml.load_file(self.p, rel)[0] if self.p.has(rel) else None
            return data if isinstance(data, dict) else None

        own = read(config)
        if own is None:
            return None
        out: dict[str, Any] = {}
        for entry in own.get("defaults") or []:
            if isinstance(entry, dict):
                for written, option in entry.items():
                    group = str(written).removeprefix("override ").strip()
                    if isinstance(option, str) and "/" not in group and not group.startswith(("hydra", "_")):
                        part = read(posixpath.join(folder, group, option))
                        if part is not None:
                            _merge(out.setdefault(group, {}), part)
            elif isinstance(entry, str) and entry != "_self_":
                part = read(posixpath.join(folder, entry))
                if part is not None:
                    _merge(out, part)
        _merge(out, {k: v for k, v in own.items() if k != "defaults"})
        self.hydra_configs[config] = out
        return out

    def _only_runs(self, rel: str) -> bool:
        """Does the Python script ``rel`` do nothing but run the folder's other scripts (no file of its
        own read or written, no other command)?"""
        commands = self.drivers[rel].splitlines()
        if not all(line.startswith(("python ", "cd ", "papermill ")) for line in commands):
            return False
        return all(
            raw.use.convention == "command" or (raw.use.access == ("read",) and _reads_scripts(raw))
            for raw in self.attribute(rel)
        )

    def _shell_script(self, rel: str) -> bool:
        """Is ``rel`` a shell script named without an extension (``scripts/download_resources``), by the
        ``#!`` line it starts with?"""
        name = rel.rsplit("/", 1)[-1]
        if "." in name or name.upper() in _NOT_SCRIPTS:
            return False
        size = self.disk("size", rel)
        if isinstance(size, int) and size > LARGE_FILE:
            return False
        data = self.p.read_bytes(rel)
        return data is not None and _SHEBANG.match(data) is not None

    @functools.cached_property
    def sequences(self) -> dict[str, list[str]]:
        """For each file of :attr:`launched` (a shell script, Makefile, README or Python driver), the
        scripts it runs, in the order it runs them."""
        return defaultdict(list)

    @functools.cached_property
    def run_by(self) -> dict[str, list[str]]:
        """For each script :attr:`launched` names, the file of each of its runs (in the same order)."""
        return defaultdict(list)

    @functools.cached_property
    def as_written(self) -> dict[tuple[str, tuple[str, ...]], tuple[str, ...]]:
        """The words of a README's command as it gives them, by the script it runs and the words
        :attr:`launched` keeps (without the placeholders, see :func:`_unfilled`): REPRODUCE.md shows them."""
        return {}

    @functools.cached_property
    def launched(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """How the folder's Makefiles and shell scripts run each script: the folder it runs in and its
        arguments, once for each command that runs it (``python3 code/plot.py --out a.png`` in
        ``fig6/Makefile`` runs ``fig6/code/plot.py`` in ``fig6``)."""
        out: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        by = self.run_by  # (filled here: the file each run is written in, and the runs of each file)
        sequences = self.sequences
        readme_runs = self._readme_runs()
        readmes = {rel for rel, _text in readme_runs}
        texts = list(self._pipeline_texts().items()) + readme_runs + list(self.drivers.items())
        if not texts:
            return out
        from sciship.flow import _shell

        scripts = self.console_scripts
        programs = frozenset(scripts)
        pipelines = self._pipeline_texts()
        # (levylabpitt's copy of the Octopus code: its conda recipe's `run_test.sh` "ran a missing script")
        copied = tuple(folder + "/" for folder in self.p.copied_in())
        starts = self._shell_starts(pipelines, readme_runs, programs)
        for rel, text in texts:
            if (
                ".py" not in text
                and "-m " not in text
                and not any(p in text for p in programs)
                and not ("papermill" in text and ".ipynb" in text)
            ):
                continue  # it runs no script of the folder
            base = posixpath.dirname(rel)

            def read(path: str, base: str = base) -> str | None:
                target = ex.normalize(posixpath.join(base, path))
                return self.p.read_commands(target) if self.p.has(target) else None

            start, header = "", True
            if len(starts.get(rel, ())) == 1:  # another file runs it (`sbatch jobs/run.sh` at the top)
                (where, header), *_ = starts[rel]
                start = posixpath.relpath(where or ".", base or ".")
                start = "" if start == "." else start
            others = self._snakefiles(rel)
            for written in _shell.python_runs(
                text, rel, read, programs, start=start, header=header, snakefiles=others
            ):
                run = written._replace(args=_unfilled(written.args)) if rel in readmes else written
                folder = ex.normalize(posixpath.join(base, run.folder)) if run.folder else base
                if folder == ".." or folder.startswith("../"):
                    continue
                folder = "" if folder == "." else folder
                if run.entry:  # a console script: the module that holds its function
                    module, function = scripts[run.entry]
                    target = self.module_file(module, 0, "")
                    if target is not None:
                        out[target].append((folder, run.args))
                        by[target].append(rel)
                        sequences[rel].append(target)
                        self.entries[target].add(function)
                    continue
                if run.script.endswith(".ipynb"):  # a notebook papermill runs (`papermill a.ipynb b.ipynb`)
                    target = ex.normalize(posixpath.join(folder, run.script))
                    if self.p.has(target):
                        out[target].append((folder, run.args))
                        by[target].append(rel)
                        sequences[rel].append(target)
                    continue
                found = False
                script = self._in_this_folder(run.script)
                for path in (script, script.removesuffix(".py") + "/__main__.py"):
                    target = ex.normalize(posixpath.join(folder, path))
                    if run.args != written.args:
                        self.as_written.setdefault((target, run.args), written.args)
                        self.as_written.setdefault((path, run.args), written.args)
                    if target in self.py_files:
                        out[target].append((folder, run.args))
                        by[target].append(rel)
                        sequences[rel].append(target)
                        found = True
                    elif not run.folder and base and path in self.py_files:
                        # `scripts/train.sh` runs `python3 scripts/train.py`: it is run from the top
                        # (`bash scripts/train.sh`), as the path it names says (stories_reproducibility)
                        out[path].append(("", run.args))
                        by[path].append(rel)
                        sequences[rel].append(path)
                        found = True
                if not found and rel in readmes and not run.folder and "/" not in run.script:
                    # a README's `python downsample.py in.pairs 0.4 out.pairs` of the one script of that
                    # name, in a folder below, that must be given words: run from there
                    # (jjusuf2/AbsQuant_analysis_code: five scripts' words were asked for as `ARG1 ARG2
                    # ARG3`; not a script with defaults for all, whose README shows what else it can do:
                    # talmolab/lablink-paper-figures' `--data-file custom_data.csv`)
                    named = self._by_name.get(run.script.rsplit("/", 1)[-1], [])
                    code = (self.p.read_text(named[0]) or "") if len(named) == 1 else ""
                    if "sys.argv[" in code or "required=True" in code:
                        target = named[0]
                        if run.args != written.args:
                            self.as_written.setdefault((target, run.args), written.args)
                        out[target].append((posixpath.dirname(target), run.args))
                        by[target].append(rel)
                        sequences[rel].append(target)
                        found = True
                if (
                    not found
                    and rel in pipelines
                    and not rel.startswith(copied)  # (another project's: not this analysis's problem)
                    and self._names_a_script(text, run.script, folder)
                ):
                    self.missing_scripts.setdefault((rel, run.script), None)
        return out

    def _shell_starts(
        self, pipelines: dict[str, str], readme_runs: list[tuple[str, str]], programs: frozenset[str]
    ) -> dict[str, set[tuple[str, bool]]]:
        """The folders each shell file of the folder starts in, when others run it (``bash jobs/run.sh``,
        ``sbatch jobs/run.sh``, ``qsub jobs/run.sh`` in a script at the top: in the top folder, where it
        is started, not in ``jobs/``), each with whether its header's folder counts (``#SBATCH --chdir``,
        ``#PBS -d``: not under ``sbatch --chdir=x`` or ``qsub -d x``, which then say where it runs)."""
        from sciship.flow import _shell

        out: dict[str, set[tuple[str, bool]]] = defaultdict(set)
        for rel, text in [*pipelines.items(), *readme_runs]:
            if not _shell.RUNS_SHELL.search(text):
                continue
            base = posixpath.dirname(rel)
            jobs: list[tuple[str, tuple[str, ...], str | None]] = []

            def read(path: str, base: str = base) -> str | None:
                target = ex.normalize(posixpath.join(base, path))
                return self.p.read_commands(target) if self.p.has(target) else None

            _shell.python_runs(text, rel, read, programs, jobs=jobs)
            for cwd, names, chdir in jobs:
                folder = ex.normalize(posixpath.join(base, cwd))
                target = next(
                    (t for n in names if (t := ex.normalize(posixpath.join(folder, n))) in pipelines), None
                )
                if target is None or target == rel:
                    continue
                if chdir is not None:  # `sbatch --chdir=analysis jobs/run.sh`: it runs in analysis/
                    plain = "/" not in chdir[:1] and "$" not in chdir and not chdir.startswith("~")
                    folder = ex.normalize(posixpath.join(folder, chdir)) if plain else "../"
                if folder == ".." or folder.startswith("../"):
                    out[target].add(("?", False))  # (somewhere sciship cannot tell: as if unknown)
                    continue
                out[target].add(("" if folder == "." else folder, chdir is None))
        return {t: v for t, v in out.items() if ("?", False) not in v}

    @functools.cached_property
    def _by_name(self) -> dict[str, list[str]]:
        """The folder's ``.py`` files by their names."""
        out: dict[str, list[str]] = defaultdict(list)
        for rel in self.python_files:
            out[rel.rsplit("/", 1)[-1]].append(rel)
        return out

    @functools.cached_property
    def snakemake_scripts(self) -> dict[str, str]:
        """The scripts a Snakefile's rule runs with its ``script:`` directive (a path from the Snakefile's
        folder), that use the ``snakemake`` object Snakemake gives them, each with that Snakefile
        (QuaSiMoDooooo/CV-QTL-manuscript-scripts: 19 such scripts were steps run as `python x.py`, which
        stops at `snakemake.input`)."""
        from sciship.flow import _shell

        out: dict[str, str] = {}
        for rel, text in self._pipeline_texts().items():
            if not _shell.declares_outputs(rel) or "script:" not in text:
                continue
            for m in _SNAKEMAKE_SCRIPT.finditer(text):
                script = ex.normalize(posixpath.join(posixpath.dirname(rel), m.group(1)))
                data = self.p.read_bytes(script) if script in self.py_files else None
                if data is not None and b"snakemake." in data:
                    out.setdefault(script, rel)
        return out

    def _snakemake_workdirs(self) -> list[FlowProblem]:
        """A Snakefile's ``workdir:`` on the author's computer (``workdir: "/home/ana/study"``): Snakemake
        runs every rule there, and on another computer that folder does not exist (s34)."""
        from sciship.flow import _shell

        out = []
        for rel, text in self._pipeline_texts().items():
            if "workdir" not in text or not _shell.is_snakefile(rel):
                continue
            for line, folder in _shell.snake_workdirs(text):
                if not ex.is_absolute_text(folder):
                    continue
                out.append(
                    FlowProblem(
                        "SHR111",
                        f"`{rel}` sets `workdir: \"{folder}\"` (line {line}), a folder on your computer: "
                        "Snakemake runs every rule there, reading and writing their files from there, and "
                        "on another computer that folder does not exist, so the workflow stops before its "
                        "first rule. Remove the line, so that the rules run in the folder `snakemake` is "
                        "started from, or give a folder inside this one by a relative path "
                        '(`workdir: "analysis"`).',
                        rel,
                        line,
                    )
                )
        return out

    def _snakefiles(self, rel: str) -> list[SnakeText]:
        """The folder's Snakefiles but ``rel`` (none when ``rel`` is no Snakefile), each with what reads
        a file by its path from the Snakefile's folder: their rules ask for files of ``rel``'s."""
        from sciship.flow import _shell

        if not _shell.is_snakefile(rel):
            return []
        out: list[SnakeText] = []
        for other, text in self._pipeline_texts().items():
            if other != rel and _shell.is_snakefile(other):

                def read(path: str, base: str = posixpath.dirname(other)) -> str | None:
                    target = ex.normalize(posixpath.join(base, path))
                    return self.p.read_text(target) if self.p.has(target) else None

                out.append((text, read))
        return out

    @functools.cached_property
    def snakemake_files(self) -> dict[str, dict[tuple[str, str], tuple[list[Expr], bool]]]:
        """For each script a Snakefile's rule runs with ``script:`` (:attr:`snakemake_scripts`), the files
        the rule names, by the key the script reads them by (``snakemake.input[0]``: see
        ``_extract``'s ``_snakemake``), over the values of the rule's wildcards (see
        :func:`_shell.snake_rules`): a name with a wildcard of no known value is a pattern, an item
        sciship cannot know (a function) gives nothing."""
        from sciship.flow import _shell

        out: dict[str, dict[tuple[str, str], tuple[list[Expr], bool]]] = {}
        scripts = self.snakemake_scripts
        for rel, text in self._pipeline_texts().items():
            if rel not in scripts.values():
                continue
            base = posixpath.dirname(rel)

            def read(path: str, base: str = base) -> str | None:
                target = ex.normalize(posixpath.join(base, path))
                return self.p.read_text(target) if self.p.has(target) else None

            for rule in _shell.snake_rules(text, read, self._snakefiles(rel)):
                script = ex.normalize(posixpath.join(base, rule.script)) if rule.script else ""
                if scripts.get(script) != rel:
                    continue
                given: dict[tuple[str, str], list[Expr]] = defaultdict(list)
                for binding, files in rule.files:
                    for section, items in files.items():
                        key = f"snakemake.{section}"
                        flat = [v for _name, values in items for v in (values or (None,))]
                        if flat and None not in flat:
                            given[("", key)].append(("list", tuple(_shell_value(v) for v in flat if v)))
                        for k, v in enumerate(flat):
                            if v is not None:
                                given[("", f"{key}[{k}]")].append(_shell_value(v))
                        for name, values in items:
                            if name and values:
                                one = [_shell_value(v) for v in values]
                                named = one[0] if len(one) == 1 else ("list", tuple(one))
                                given[("", f"{key}.{name}")].append(named)
                    for name, value in binding.items():
                        given[("", f"snakemake.wildcards.{name}")].append(ex.lit(value))
                found = out.setdefault(script, {})
                for where, exprs in given.items():
                    before = found[where][0] if where in found else []
                    found[where] = (list(dict.fromkeys([*before, *exprs])), False)
        return out

    def _in_this_folder(self, script: str) -> str:
        """A script a pipeline names by its absolute path on the author's computer, as a path of this
        folder (``/home/$USER/Repos/gem3d_paper_code/train.py`` in ``gem3d_paper_code``: ``train.py``;
        lodurality/GEM3D_paper_code's nine shell scripts ran no step); else ``script`` as it is."""
        if not script.startswith("/"):
            return script
        parts = posixpath.normpath(script).split("/")
        for i in range(len(parts) - 2, 0, -1):
            rest = "/".join(parts[i + 1 :])
            if parts[i] in self.author_names and rest in self.py_files:
                return rest
        return script

    def _names_a_script(self, text: str, script: str, folder: str) -> bool:
        """Is ``script`` (a script a pipeline runs that is not in the folder) a path of this folder the
        pipeline spells out (``python fdr.py``, ``./fdr.py``), not a module (``python -m pip``), a program
        on the ``PATH`` (``svg_stack.py --direction=v``), a tool installed elsewhere (``/opt/x.py``), a path
        sciship cannot know in full (``{SCRIPT_DIR}/x.py``), or a script of the folder the pipeline runs
        from a folder above its own (``./scripts/x.py`` in ``Fig1/scripts/run.sh``, run from ``Fig1/``)?"""
        if not script.endswith(".py") or script not in text or script.startswith(("/", "~", "..")):
            return False
        if any(c in script for c in (STAR, STAR2, "$", "{", "}")):
            return False
        run_here = rf"(?:python[\d.]*\s+(?:-\S+\s+)*['\"]?(?:\./)?|\./){re.escape(script)}"
        if "/" not in script and not re.search(run_here, text):
            return False  # (a bare `x.py` as a command is looked for on the PATH, not here)
        above = folder
        while above:
            above = posixpath.dirname(above)
            if ex.normalize(posixpath.join(above, script)) in self.py_files:
                return False
        return True

    def _with_sequences(self, steps: list[str], edges: dict[str, set[str]]) -> dict[str, set[str]]:
        """The steps each one needs, and the one a pipeline runs before it where no file says otherwise:
        a shell script, Makefile, README or driver that runs `get-data.py` then `analyse-tcrs.py` says
        their order (JamieHeather's run-analysis.py, jeliason/shade_paper_code's compile_submission.sh: the
        steps came in the order of their names). Only the files link steps in `after`."""
        if not self.launched or not self.sequences:
            return edges
        ordering = {s: set(e) for s, e in edges.items()}
        here = set(steps)

        def needs(a: str, b: str) -> bool:  # does `a` come after `b` already, through what it needs?
            seen, todo = set(), [a]
            while todo:
                s = todo.pop()
                if s == b:
                    return True
                if s not in seen:
                    seen.add(s)
                    todo.extend(ordering.get(s, ()))
            return False

        for rel in sorted(self.sequences):
            runs = [s for s in dict.fromkeys(self.sequences[rel]) if s in here]
            for i, after in enumerate(runs):
                # after the nearest step run before it that a file does not put after it
                for before in reversed(runs[:i]):
                    if not needs(before, after):
                        ordering[after].add(before)
                        break
        return ordering

    def _runs(self, step: str) -> dict[str, Any]:
        """The files that run ``step`` more than once in all (a shell script that runs a model three times,
        each with its own settings: KISRDevelopment's `run_exp_equations.sh`), not counting READMEs."""
        files = [f for f in self.run_by.get(step, ()) if not _README.match(f.rsplit("/", 1)[-1])]
        if len(files) == 1 and any(
            STAR in w or STAR2 in w for _folder, args in self.launched.get(step, ()) for w in args
        ):
            # one command with words a loop gives (`for i in 1 2 3; do python compare.py "$i"`): `runs` 1
            # says so (JMencius/MethQC-paper-code: "fill in ARG1, ARG2", and the shell script unnamed); with
            # no loop, words from its variables sciship cannot know (`alphas=(0.6)`): `runs` 0, run once by
            # it (letiviada/mmsc_dissertation's run_models.sh was said to run its scripts in a loop)
            text = self._pipeline_texts().get(files[0]) or self.drivers.get(files[0]) or ""
            return {"run_by": tuple(files), "runs": 1 if _LOOP.search(text) else 0}
        if len(files) < 2:
            return {}
        return {"run_by": tuple(dict.fromkeys(files)), "runs": len(files)}

    def _python_path(self, step: str, workdir: str) -> str:
        """The folder Python must also import from when ``step`` runs (relative to ``workdir``): a module
        of the folder it imports is found from its top (or ``src/``), not beside the script, which is
        where Python looks (``pannuke_testing/features.py`` doing ``from dataset import X``, with
        ``dataset.py`` at the top: ``PYTHONPATH=.``). "" when its imports are found beside it, when it
        puts folders on ``sys.path`` itself, or when the module is in a package the folder installs."""
        facts = self.facts.get(step)
        here = posixpath.dirname(step)
        if facts is None or not here:
            return ""
        installable = self.p.has("pyproject.toml") or self.p.has("setup.py")
        packages = tuple(pkg.path + "/" for pkg in self.p.packages if not pkg.module)
        for module, level in facts.imports:
            if level or not module or module.partition(".")[0] in _STDLIB:
                continue
            sub = module.replace(".", "/")
            if self._module_at(here, sub) or self._module_at(here, sub.partition("/")[0]):
                continue
            for base in ("", "src"):
                found = self._module_at(base, sub) or self._module_at(base, sub.partition("/")[0])
                if found is None or (installable and found.startswith(packages)):
                    continue
                text = self.p.read_text(step) or ""
                if "PYTHONPATH" in text:
                    return ""
                if "sys.path" in text:
                    from sciship.imports.scan import sys_path_entries

                    # (a folder of the author's computer, the copy of this one there, is not on another:
                    # jakeormond/robot_maze_analysis_code's 21 steps lost their `PYTHONPATH=.`)
                    entries = sys_path_entries(text)
                    if not entries or not all(e.startswith("abs:") for e in entries):
                        return ""
                return posixpath.relpath(base or ".", workdir or ".")
        return ""

    def _arguments(self, step: str, workdir: str) -> tuple[tuple[str, ...], tuple[str, ...], int]:
        """What a run of ``step`` must be given (see :attr:`Step.arguments`), and the placeholders among
        them: the words of the first command that runs it from ``workdir`` and gives all of it, else a
        placeholder for each (``INPUT``, ``--data-dir DATA_DIR``, ``ARG1`` for ``sys.argv[1]``). What it
        must be given: its required options, the options without a default its paths use (a path built
        on ``args.output``, None when not given), the words of ``sys.argv`` its paths use; and how many of
        the placeholders, the first ones, are words of ``sys.argv`` (named as the script names them:
        ``model_name = sys.argv[1]`` is ``MODEL_NAME``)."""
        if step.endswith(".ipynb"):
            return self._papermill_arguments(step, workdir), (), 0
        facts = self.facts.get(step)
        if facts is None:
            return (), (), 0
        used = _options_in_paths(facts)
        switches = {dest for _flags, dest, nargs in facts.options if nargs == 0}  # (`store_true`: off)
        needed = set(facts.required) | {d for d in used if not d.startswith("#") and d not in switches}
        if needed - set(facts.required) and step.endswith(".py"):
            needed -= self._may_be_left_out(step, needed - set(facts.required), facts)
        needed |= self._called_on(step, facts) - switches
        # a switch a write waits for (`if args.save: ds.to_netcdf(...)`): without it, the step does not make
        # what REPRODUCE.md says it makes (manuel-alvarez-chaves/variational_hydrology's `--save`)
        # and an option with a value a write waits for (`if args.output: plt.savefig(args.output)`), when the
        # commands that run the step give it: REPRODUCE.md's command is then one that gives it
        # (RichardSear/DP_trapping_codes: `python fig_pip.py`, which saves nothing, "writes fig_pip.pdf")
        some_give = {dest for (name, dest) in self.options_given(step) or {} if name == step}
        needed |= _write_switches(facts) & (switches | some_give)
        argv = max((int(d[1:]) for d in used if d.startswith("#") and d[1:].isdigit()), default=0)
        argv = max(argv, self._argv_read(step))
        if not needed and not argv:
            return (), (), 0
        runs = self.launched.get(step, ())
        # (a run with every word given before one with words to choose: the README's example before its
        # usage line)
        for folder, kept in sorted(runs, key=lambda run: any(STAR in w or STAR2 in w for w in run[1])):
            args = self.as_written.get((step, kept), kept)  # (a README's own placeholders, as it shows them)
            given = _parse_arguments(args, facts.options, abbrev=self._abbreviates(step, facts))
            if folder == workdir and len(args) >= argv and needed <= set(given):
                words, placeholders = _placeholders(args)
                named = {f"ARG{k}": n for k, n in self._argv_names(step).items()}
                if named and len(set(named.values()) | set(placeholders)) == len(named) + len(placeholders):
                    words = tuple(named.get(w, w) for w in words)  # (as the script names them: `a, b =`)
                    placeholders = tuple(named.get(w, w) for w in placeholders)
                argv_n = sum(1 for w in placeholders if _PLACE_WORD.fullmatch(w) or w in named.values())
                return words, placeholders, argv_n
        names = self._argv_names(step)
        fill = [names.get(k, f"ARG{k}") for k in range(1, argv + 1)]
        if len(set(fill)) < len(fill):  # (two words of one name: their places)
            fill = [f"ARG{k}" for k in range(1, argv + 1)]
        out = list(fill)
        for flags, dest, nargs in facts.options:
            if dest in needed:
                flag = max((f for f in flags if f.startswith("-")), key=len, default="")
                out += [flag] if flag else []
                if nargs != 0 or not flag:
                    out.append(dest.upper())
                    fill.append(dest.upper())
        return tuple(out), tuple(fill), argv

    def _argv_names(self, step: str) -> dict[int, str]:
        """The names a script gives the words of its command line (``model_name = sys.argv[1]``,
        ``t = int(sys.argv[2])``, ``a, b = sys.argv[1], sys.argv[2]``, ``a, b = sys.argv[1:3]``), in
        capitals, by place (IBA-paper-code's REPRODUCE.md asked for `ARG1 ARG2 ARG3`)."""
        text = _as_sys_argv(self.p.read_text(step) or "")
        out: dict[int, str] = {}
        for m in _ARGV_NAMED.finditer(text):
            targets = [t.strip() for t in m.group(1).split(",")]
            values = m.group(2)
            sliced = _ARGV_SLICE.fullmatch(values.strip())
            if sliced is not None:
                indices = list(range(int(sliced.group(1)), int(sliced.group(1)) + len(targets)))
            else:
                ones = [_ARGV_ONE.fullmatch(v.strip()) for v in values.split(",")]
                indices = [int(one.group(1)) if one is not None else -1 for one in ones]
            if len(indices) != len(targets):
                continue
            for name, k in zip(targets, indices, strict=True):
                if k > 0 and name.isidentifier() and name.strip("_") and k not in out:
                    out[k] = name.upper()
        return out

    def _called_on(self, step: str, facts: Facts) -> set[str]:
        """The options without a default whose value the script calls a method of (`args.files_1.split(',')`):
        left out, the value is None and the script stops there (jjusuf2/AbsQuant_analysis_code's
        REPRODUCE.md gave `--outdir OUTDIR` only)."""
        text = (self.p.read_text(step) or "") if step.endswith(".py") else ""
        out = set()
        for flags, dest, nargs in facts.options:
            if nargs == 0 or not any(f.startswith("-") for f in flags):
                continue
            name = re.escape(dest)
            if not re.search(rf"\.{name}\.(?:split|strip|lower|upper|replace|startswith|endswith)\(", text):
                continue
            declared = [
                m.group(0)
                for flag in flags
                for m in re.finditer(rf"""add_argument\([^)]*['"]{re.escape(flag)}['"][^)]*\)""", text)
            ]
            if declared and not any("default" in d or "required" in d for d in declared):
                out.add(dest)
        return out

    def _may_be_left_out(self, step: str, dests: set[str], facts: Facts) -> set[str]:
        """The options among ``dests`` a run may leave out though a path uses them: an empty default
        (`default=''`, a suffix), or a test that it was given before the path is used (`if
        args.pretrained_path is not None:`): lodurality/GEM3D_paper_code's REPRODUCE.md asked for four
        such options, "the script needs it"."""
        text = self.p.read_text(step) or ""
        out = set()
        for flags, dest, _nargs in facts.options:
            if dest not in dests:
                continue
            name = re.escape(dest)
            # (each pattern starts with written-out text, which the search can jump to: one that starts at
            # a word boundary is tried at every character)
            missing = (
                rf"if\s+not\s+(?:\w+\.)?{name}\b|{name}\s+is\s+None\b"
                rf"""|{name}\s*==\s*(?:''|""|None)"""
            )
            if re.search(missing, text):
                continue  # (a test that it is missing, before the script stops: Rozen-Lab's `-t`)
            given = rf"\.{name}\s+is\s+not\s+None|if\s+\w+\.{name}\s*:|\.{name}(?:\.lower\(\))?\s*!="
            tested = re.search(given, text)
            empty = any(
                re.search(rf"""{re.escape(flag)}['"][^)]*?\bdefault\s*=\s*(?:''|"")""", text)
                for flag in flags
            )
            # (a default sciship cannot work out is a default all the same: talmolab/lablink-paper-figures'
            # `default=list(PACKAGES.keys())` was to be filled in, "the script needs it")
            given_default = any(
                re.search(rf"""{re.escape(flag)}['"][^)]*?\bdefault\s*=\s*(?!None\b)\S""", text)
                for flag in flags
            )
            if tested or empty or given_default or _optional_in_callee(text, name):
                out.add(dest)
        return out

    def _argv_read(self, step: str) -> int:
        """The last word of its command line a script reads, wherever it uses it (``int(sys.argv[2])``: a
        number, not a path; JMencius/MethQC-paper-code: REPRODUCE.md ran two scripts without the words
        they need); when the script tests how many it was given (``len(sys.argv)``: the rest may be left
        out), the last its top reads whatever the count; 0 for a notebook."""
        if not step.endswith(".py"):
            return 0
        text = _as_sys_argv(self.p.read_text(step) or "")
        if "argv" not in text:
            return 0
        if "IndexError" in text:  # (a word read in `try:` ... `except IndexError:` may be left out: IBA's
            text = _ARGV_TRIED.sub("", text)  # `testing = sys.argv[3] == 'test'`)
        if _ARGV_COUNTED.search(text):
            # what the top of the script reads whatever the count (`if len(sys.argv) < 2: exit(...)`, then
            # `cores = sys.argv[2]`: manansaxena/fenrir_paper_code's REPRODUCE.md left out the second word)
            return max(
                (
                    int(k)
                    for line in _ARGV_TOP_LINE.findall(text)
                    if "len(" not in line and " if " not in line
                    for k in _ARGV_INDEX.findall(line)
                ),
                default=0,
            )
        return max((int(k) for k in _ARGV_INDEX.findall(text)), default=0)

    @functools.cached_property
    def _readmes(self) -> list[str]:
        """The top README, then the READMEs of the folders below (three deep at most)."""
        top = self.p.find_ci("README")
        readmes = [top] if top else []
        # (a case study's own README, `kidney mapping/README.md`, says how its scripts run: SpaOT)
        readmes += [
            f
            for f in self.p.files
            if 0 < f.count("/") <= 3
            and _README.match(f.rsplit("/", 1)[1])
            and not set(f.split("/")[:-1]) & (_NOT_STEP_DIRS | _DOC_DIRS)
        ]
        return readmes

    def _readme_runs(self) -> list[tuple[str, str]]:
        """The README's shell blocks that run Python (``cd fig1a`` then ``python openaire.py``), each as a
        shell script of the README's folder. A ``cd`` into a folder that is not here (the repository's own
        name, after ``git clone``) is left out: the reader is then where the README is; one joined to a
        command (``cd notebooks/mcc && python x.py``) is for that command only, as READMEs mean it."""
        from sciship.flow import _shell

        out = []
        for readme in self._readmes:
            text = self.p.read_text(readme)
            if not text or ("python" not in text and ".py" not in text):
                continue
            here = posixpath.dirname(readme)
            plain = not readme.lower().endswith((".md", ".rst", ".markdown"))
            if readme.lower().endswith(".rst"):
                text = _shell.rst_as_markdown(text)
            for block in _shell.readme_blocks(text, plain=plain):
                kept = []
                for written in block:
                    c = written
                    if _CD_NAME.fullmatch(c) and not self.p.has_dir(posixpath.join(here, c[2:].strip(" /"))):
                        continue
                    # `python make_plots` of `make_plots.py` (rjleveque/shoaling_paper_figures: the README's
                    # order of the figures was lost with it)
                    bare = _PYTHON_BARE.search(c)
                    if bare is not None and ex.normalize(posixpath.join(here, bare.group(2) + ".py")) in (
                        self.py_files
                    ):
                        c = c[: bare.end(2)] + ".py" + c[bare.end(2) :]  # (as the README means it)
                    # `python -m scripts.train kang[haber]`, `--data <path>`: words to choose, not given
                    kept.append(_README_CHOICE.sub("$_sciship_value", c))
                    went = _CD_THEN.match(c)  # `cd notebooks/mcc && python x.py`: one command, then back
                    if went is not None and ".." not in went.group(1):
                        kept.append("cd " + "/".join([".."] * len(went.group(1).strip("/").split("/"))))
                if any("python" in c or (c.startswith("./") and ".py" in c) for c in kept):
                    out.append((readme, "\n".join(kept)))
        return out

    @functools.cached_property
    def console_scripts(self) -> dict[str, tuple[str, str]]:
        """The project's console scripts (``[project.scripts]``, Poetry's ``[tool.poetry.scripts]``): their
        name -> (module, function)."""
        raw = self.p.read_bytes("pyproject.toml") if self.p.has("pyproject.toml") else None
        data = self.p.pyproject if raw and b"scripts" in raw else None  # (read once, by the project)
        if not data:
            return {}
        out: dict[str, tuple[str, str]] = {}
        project, poetry = data.get("project"), data.get("tool", {}).get("poetry")
        for table in (project, poetry):
            found = table.get("scripts") if isinstance(table, dict) else None
            for name, target in found.items() if isinstance(found, dict) else ():
                if isinstance(name, str) and isinstance(target, str) and ":" in target:
                    module, _, function = target.partition(":")
                    if module.strip() and function.strip().isidentifier():
                        out[name] = (module.strip(), function.strip())
        return out

    def _evaluated(self, step: str, folder: str | None = None) -> list[_Res]:
        """What ``step`` reads and writes, with the options the pipelines that run it pass (those that run
        it from ``folder``, when given)."""
        runs = [run for run in self.launched.get(step, ()) if folder is None or run[0] == folder]
        commands = list(dict.fromkeys(args for _folder, args in runs))
        if 1 < len(commands) <= _MAX_COMMANDS:
            # each command on its own: the words of one command line go together (`BXPC3 .../BXPC3/`),
            # never one command's first word with another's second
            out: list[_Res] = []
            seen: set[tuple[Any, ...]] = set()
            for args in commands:
                ex.GIVEN[:] = [self._given(step, [(folder or "", args)]) or {}]
                try:
                    raws = self.attribute(step)
                    self._note_blanks(step, raws)
                    found = [r for raw in raws for r in self.evaluate(raw)]
                finally:
                    ex.GIVEN.clear()
                for r in found:
                    key = (r.text, r.access, r.raw.line, r.raw.cell, r.raw.pos, r.raw.via, r.soft)
                    if key not in seen:
                        seen.add(key)
                        out.append(r)
            return out
        given = self.options_given(step) if folder is None else self._options_given(step, folder)
        ex.GIVEN[:] = [given or {}]
        try:
            raws = self.attribute(step)
            self._note_blanks(step, raws)
            return [r for raw in raws for r in self.evaluate(raw)]
        finally:
            ex.GIVEN.clear()

    def _note_blanks(self, step: str, raws: list[_Raw]) -> None:
        """Note the files ``step`` reads at an empty path (:meth:`_blank_paths`), once."""
        if step not in self.blanks:
            self.blanks[step] = self._blank_paths(step, raws)

    def _written_by_the_same_call(self, step: str, read: _Raw, path: str) -> bool:
        """Does the call that reads (``read``) also write a file named as ``path`` (a copy's destination)?
        Then ``path`` is no file the read may have meant (mstapelberg/active_learning_paper_analysis: three
        "did you mean" hints named the copy that `shutil.copy` makes of the missing file)."""
        name = path.rsplit("/", 1)[-1]
        return any(
            raw.pos == read.pos
            and raw.cell == read.cell
            and "write" in raw.use.access
            and any(
                t.replace("\\", "/").rsplit("/", 1)[-1] == name
                for t in ex.evaluate(raw.use.expr, raw.scope).texts
            )
            for raw in self.attribute(step)
        )

    def _blank_paths(self, step: str, raws: list[_Raw]) -> list[FlowProblem]:
        """A file read at an empty path (``cv2.VideoCapture(r"")``, ``DATA = ""`` then
        ``pd.read_csv(DATA)``): a place the author left for whoever runs the code to fill in, and as it is
        the step has nothing to read (Hendricks-Worm-Lab/WormsPy_paper_analysis,
        ahansenlab/ZNF143_analysis_code: said nowhere). Not when the code runs on without it (a ``try``, an
        existence check, a test that the path is set)."""
        out = []
        for raw in raws:
            u = raw.use
            if "read" not in u.access or raw.optional or u.optional or raw.guards:
                continue
            if u.convention in {"command", "tree", "listing"} or _ruled_out(u.conds, raw.scope):
                continue
            if not _plainly_blank(u.expr, raw.scope):
                continue
            where = _where(raw.line, raw.cell, raw.via)
            out.append(
                FlowProblem(
                    "SHR110",
                    f"`{step}` reads a file at an empty path (`{u.call}`, {where}): "
                    "a place left for whoever runs it to fill in, so as it is the step has nothing to read. "
                    "Put the path of the file it needs there (a file in this folder), or make it a "
                    "command-line option and say in the README what to give it.",
                    step,
                    raw.line,
                    raw.cell,
                    access="read",
                )
            )
        return out

    def options_given(self, step: str) -> dict[tuple[str, str], tuple[list[Expr], bool]] | None:
        """The command-line options the pipelines that run ``step`` give it, by (file, option): their
        values over all the commands, and whether some command leaves the option to its default. None
        when no pipeline runs the step (its options keep their defaults)."""
        if step not in self.given:
            self.given[step] = self._options_given(step)
        return self.given[step]

    def _options_given(
        self, step: str, folder: str | None = None
    ) -> dict[tuple[str, str], tuple[list[Expr], bool]] | None:
        runs = [run for run in self.launched.get(step, ()) if folder is None or run[0] == folder]
        given = self._given(step, runs)
        snake = self.snakemake_files.get(step)
        return {**(given or {}), **snake} if snake else given

    def _given(
        self, step: str, runs: list[tuple[str, tuple[str, ...]]]
    ) -> dict[tuple[str, str], tuple[list[Expr], bool]] | None:
        """The options the commands ``runs`` give ``step`` (see :meth:`options_given`)."""
        facts = self.facts.get(step)
        if not runs or facts is None:
            return None
        given: dict[tuple[str, str], tuple[list[Expr], bool]] = {}
        abbrev = self._abbreviates(step, facts)
        parsed = [_parse_arguments(args, facts.options, abbrev=abbrev) for _folder, args in runs]
        for _flags, dest, nargs in facts.options:
            if nargs in ("+", "*") or (isinstance(nargs, int) and nargs > 1):
                # (a list however many words a command gives: `for f in args.input_files`)
                values: list[Expr] = [("list", tuple(one[dest])) for one in parsed if dest in one]
            else:
                values = [v for one in parsed if dest in one for v in one[dest]]
            if values:
                given[(step, dest)] = (list(dict.fromkeys(values)), any(dest not in one for one in parsed))
        # `sys.argv[k]`, wherever the code of the step reads it: the k-th word of each command
        for k in range(1, min(max(len(args) for _folder, args in runs), _MAX_ARGV) + 1):
            words = [_shell_value(args[k - 1]) for _folder, args in runs if len(args) >= k]
            given[("", f"#{k}")] = (list(dict.fromkeys(words)), any(len(args) < k for _folder, args in runs))
            # (and `sys.argv[k:]`: the words from the k-th on, a list however many there are)
            rests: list[Expr] = [
                ("list", tuple(_shell_value(w) for w in args[k - 1 :]))
                for _folder, args in runs
                if len(args) >= k
            ]
            given[("", f"#{k}:")] = (list(dict.fromkeys(rests)), any(len(args) < k for _folder, args in runs))
        return given or None

    def _abbreviates(self, step: str, facts: Facts) -> bool:
        """Does the step's parser take a long option's start for the option (argparse's ``--col rc`` for
        ``--column``, as ``allow_abbrev`` lets it unless set to False)? click and typer do not."""
        if any(module.split(".")[0] in {"click", "typer"} for module, _level in facts.imports):
            return False
        return "allow_abbrev" not in (self.p.read_text(step) or "")

    @functools.cached_property
    def readme_made(self) -> list[str]:
        """What the README asks the reader to make with shell commands in its code blocks, run from the
        top of the folder (``curl -o data.zip URL``, ``unzip data.zip -d data``: the folder as
        ``data/**``). Such files are not missing: the README says where they come from."""
        from sciship.flow import _shell

        top = self.p.find_ci("README")
        out = []
        for readme in self._readmes:
            text = self.p.read_text(readme)
            plain = not readme.lower().endswith((".md", ".rst", ".markdown"))
            if not text or (not plain and "```" not in text and "~~~" not in text):
                continue
            base = posixpath.dirname(readme) if readme != top else ""
            for block in _shell.readme_blocks(text, plain=plain):
                for command in block:
                    words = _shell.words_of(command)
                    if not words or words[0] == "git":  # (cloning the folder itself)
                        continue
                    if base and words[0] == "cd":  # (a folder's README, from its folder until a `cd`:
                        break  # desihub/spectropaper-code's `ln -s /global/.../psfnight-b1.fits .`)
                    for effect in _shell.effects(words):
                        path = effect.path
                        if base and "$" in path:  # (a folder README's `-o preproc-r0-$n-e.fits`: some name)
                            path = _SHELL_VARIABLE.sub(STAR, path)
                        if effect.access != "write" or "$" in path or path.startswith(("/", "~")):
                            continue
                        if base and not _named(path):
                            continue
                        path = ex.normalize(posixpath.join(base, path))
                        if path == ".." or path.startswith("../"):
                            continue
                        tree = f"{path}/{STAR2}" if path else STAR2
                        out.append(tree if effect.tree else path)
        return out

    def _made_by_pipeline(self, path: str) -> bool:
        """Does one of the folder's shell scripts, Makefiles, Snakefiles or Nextflow files make a file of
        this name (its folder depends on variables and ``cd``, so the name decides)? Only the files that
        name it are read for that; the names with variable parts that Makefiles, Snakefiles and Nextflow
        processes declare (``${sample}.counts.tsv``) fit the names they can take."""
        from sciship.flow import _shell

        name = path.rsplit("/", 1)[-1]
        if not name or ex.has_unknown(name) or not ex.informative(name):
            return False
        texts = self._pipeline_texts()
        for rel, text in texts.items():
            if _shell.declares_outputs(rel):
                continue
            if name in text and name in self._pipeline_outputs(rel, text):
                return True
        # a Makefile's, Snakefile's or Nextflow file's outputs, by the folders they declare too: where it
        # runs is all that is unknown (shahcompbio/scdna_replication_paper's `analysis/fitness_lines_old/`
        # was made by a rule that writes `analysis/fitness_lines/{dataset}/`: seven missing inputs unsaid)
        declared = self.declared_paths
        return declared is not None and declared.search(path) is not None

    def _made_elsewhere(self, path: str) -> tuple[str, str] | None:
        """A Makefile, Snakefile or Nextflow file that declares it makes files of ``path``'s name in
        another folder, and that path (ukjinlee101/MtoG1_analysis_code: the pipeline writes
        `result/cool_norm_pooled/{sample}_pooled_{res}bp_KR.cool`, the notebooks read them from
        `data/cool_norm_pooled/`)."""
        from sciship.flow import _shell

        folder, _, name = path.rpartition("/")
        found: list[tuple[int, int, str, str]] = []  # (folders in common, known letters, file, path)
        for rel, text in self._pipeline_texts().items():
            if not _shell.declares_outputs(rel):
                continue
            for made in self._declared(rel, text):
                where, _, base = made.rpartition("/")
                if where and re.fullmatch("[^/]*".join(re.escape(p) for p in base.split("*")), name):
                    shared = len(set(where.split("/")) & set(folder.split("/")))
                    found.append((-shared, -len(base.replace("*", "")), rel, made))
        return min(found)[2:] if found else None

    def _declared(self, rel: str, text: str) -> list[str]:
        """The paths a Makefile, Snakefile or Nextflow file declares it makes (read once per file)."""
        made = self.pipeline_declared.get(rel)
        if made is None:
            from sciship.flow import _shell

            made = self.pipeline_declared[rel] = _shell.declared_outputs(text, rel)
        return made

    def _pipeline_outputs(self, rel: str, text: str) -> frozenset[str]:
        made = self.pipeline_made.get(rel)
        if made is None:
            from sciship.flow import _shell

            made = self.pipeline_made[rel] = frozenset(_shell.pipeline_outputs(text, rel))
        return made

    @functools.cached_property
    def declared_paths(self) -> re.Pattern[str] | None:
        """One pattern for the paths the folder's Makefiles, Snakefiles and Nextflow processes declare
        they make, each the end of a path (None: there are none). Shell scripts are only read for names
        they spell out: their variables are mostly inputs, and their folders depend on ``cd``."""
        from sciship.flow import _shell

        patterns = [
            "[^/]*".join(re.escape(part) for part in made.split("*"))
            for rel, text in self._pipeline_texts().items()
            if _shell.declares_outputs(rel)
            for made in self._declared(rel, text)
        ]
        return re.compile("(?:^|/)(?:" + "|".join(patterns) + ")$") if patterns else None

    def _missing(
        self, step: str, path: str, f: _Final, writers: dict[str, list[str]] | None = None
    ) -> FlowProblem | None:
        if f.loose or not _reportable(path):
            return None
        if f.res.kind == "rel" and "/" not in f.res.text and not _reportable(f.res.text):
            # `f"{settings['DATA'][:-3]}-unstable.nc"` in a notebook: its folder is where the notebook runs
            # only if the unknown start holds no folder, which nothing says (pstatmodel-runs: it held an
            # absolute path from settings.json, and the false missing input was `notebooks/*-unstable.nc`)
            return None
        if self.existing(path) or (f.res.mat and not path.endswith(".mat") and self.existing(path + ".mat")):
            return None
        shown = ex.display(path)
        r = f.res.raw
        where = _where(r.line, r.cell, r.via)
        source = self._data_source(path)
        if ex.has_unknown(path):
            get = (
                _from_source(source, "them")
                if source
                else "Add them, or say in the README where to get them; if the path is wrong, fix it."
            )
            folder = posixpath.dirname(path)
            crossed = sorted(
                w
                for w in writers or ()
                if ex.has_unknown(w)
                and posixpath.dirname(w) == folder
                and step not in (writers or {})[w]
                and _crossed(path, w)
                and ex.overlap(path, w)
            )
            if crossed and writers and not source:
                # names that may fit only across (`scores/lgn_*.npy` read, `scores/*_ZeroBias.npy` written:
                # ligerlac/ml4physics-paper-plots): too little to order the steps by, too much to say that
                # nothing writes them
                return FlowProblem(
                    "SHR110",
                    f"`{step}` reads files matching `{shown}` ({where}); none is in the folder, and "
                    f"`{writers[crossed[0]][0]}` writes files named `{ex.display(crossed[0])}`, which may be "
                    "some of them (sciship cannot tell their full names from the code). If it makes them, "
                    "say in REPRODUCE.md to run it first; else add them, or say in the README where to get "
                    "them.",
                    step,
                    r.line,
                    r.cell,
                    target=shown,
                    access="read",
                )
            return FlowProblem(
                "SHR110",
                f"`{step}` reads files matching `{shown}` ({where}), but none is in the "
                f"folder and no script or notebook here writes one. {get}",
                step,
                r.line,
                r.cell,
                target=shown,
                access="read",
                source=source,
            )
        if path in self.p.skipped:
            return FlowProblem(
                "SHR110",
                f"`{step}` reads `{shown}` ({where}), which is a link to a file outside "
                "this folder, so it will not be in what you share. Copy the file into the folder, or "
                "say in the README where to get it.",
                step,
                r.line,
                r.cell,
            )
        if _SECRET.search(path.rsplit("/", 1)[-1]):
            # (KISRDevelopment/interpretable_student_models_paper_code: "Add the file" of `openai_api_key`)
            return FlowProblem(
                "SHR110",
                f"`{step}` reads `{shown}` ({where}), by its name a secret (a key, token or password): keep "
                "it out of what you share, as it is now. Say in the README how whoever runs the code gets "
                "their own and where to put it.",
                step,
                r.line,
                r.cell,
                target=shown,
                access="read",
            )
        if self.disk("exists", path):
            return FlowProblem(
                "SHR110",
                f"`{step}` reads `{shown}` ({where}); it is on your disk, but git ignores "
                "it, so it will not be in what you share. Commit it if it is small and yours to "
                "share, or say in the README where to get it.",
                step,
                r.line,
                r.cell,
            )
        near = self._namesake(path)
        fix = (
            f"if the path is wrong (did you mean `{near}`?), fix it."
            if near
            else "if the path is wrong, fix it."
        )
        if near and near.lower() == path.lower():  # (`data/Results.CSV` for `data/results.csv`)
            fix = (
                f"if the path is wrong (did you mean `{near}`? The names differ only in upper and lower "
                "case, which Windows and macOS ignore and Linux does not), fix it."
            )
        fits: list[str] = []
        if near is None and writers:  # a folder renamed after the code was written (gloss-paper-analysis)
            made = _written_namesake(path, writers)
            if made is not None and (self._written_by_the_same_call(step, r, made) or step in writers[made]):
                # (`shutil.copy("in/KPOINTS", "out/KPOINTS")`: its own copy comes after it; no step reads
                # its own output as its input: QuaSiMoDooooo/CV-QTL-manuscript-scripts)
                made = None
            if made is not None:
                writer = writers[made][0]
                fix = f"if the path is wrong (did you mean `{made}`, which `{writer}` writes?), fix it."
            elif not ex.has_unknown(path):
                # names sciship cannot tell in full that this one may be (KISRDevelopment: "no script
                # writes" `tmp/interpret_algebra05.state_dicts`, beside a step that writes `*.state_dicts`)
                name = path.rsplit("/", 1)[-1]
                if self.telling[0] is not writers:  # (the written patterns that say something, once)
                    self.telling = (
                        writers,
                        [w for w in writers if ex.has_unknown(w) and _telling_name(w.rsplit("/", 1)[-1])],
                    )
                fits = sorted(
                    w
                    for w in self.telling[1]
                    if ex.matches(w, path) or ("/" not in w and ex.matches(w, name))
                )
        folder = posixpath.dirname(step)
        written_here = f.res.kind == "rel" and posixpath.normpath(posixpath.join(folder, f.res.text)) == path
        if near and step.endswith(".ipynb") and folder and written_here:
            # a notebook runs in its own folder: say what to write there, not only where the file is
            written = posixpath.relpath(near, folder)
            fix = (
                f"if the path is wrong (did you mean `{near}`? From the notebook's folder that is "
                f"`{written}`), fix it."
            )
        if fits and writers:
            writer = writers[fits[0]][0]
            return FlowProblem(
                "SHR110",
                f"`{step}` reads `{shown}` ({where}), which is not in the folder; `{writer}` writes files "
                f"named `{ex.display(fits[0])}`, whose full names sciship cannot tell from the code. If it "
                "makes this one, say in REPRODUCE.md how to run it so that it does (sciship orders steps "
                f"only by names it can tell); else add the file, or say in the README where to get it; {fix}",
                step,
                r.line,
                r.cell,
                target=shown,
                access="read",
            )
        elsewhere = self._made_elsewhere(path)
        if elsewhere is not None:
            pipeline, declared = elsewhere
            return FlowProblem(
                "SHR110",
                f"`{step}` reads `{shown}` ({where}), which is not in the folder; `{pipeline}` makes files "
                f"of that name, but in another folder (`{ex.display(declared)}`, from where it runs). If "
                "it is one of those, copy or link it here after the pipeline ran, or read it where the "
                f"pipeline puts it; else add the file, or say in the README where to get it; {fix}",
                step,
                r.line,
                r.cell,
                target=shown,
                access="read",
            )
        maker = self._named_in_other_code(path)
        if maker:
            return FlowProblem(
                "SHR110",
                (
                    f"`{step}` reads `{shown}` ({where}), which is not in the folder and which no script or "
                    f"notebook sciship could read writes; `{maker}` names it (sciship could not read that "
                    "file: see its problem): "
                    if maker.endswith((".py", ".ipynb"))
                    else f"`{step}` reads `{shown}` ({where}), which no Python script or notebook here "
                    f"writes and which is not in the folder; `{maker}` names it (sciship does not read that "
                    "code): "
                )
                + "if it makes the file, say in REPRODUCE.md to run it first; else add the file, or say in "
                f"the README where to get it; {fix}",
                step,
                r.line,
                r.cell,
                target=shown,
                access="read",
            )
        get = (
            _from_source(source, "it", fix)
            if source
            else f"Add the file, or say in the README where to get it; {fix}"
        )
        far = self.far_written.get(path.rsplit("/", 1)[-1]) if not near and not ex.has_unknown(path) else None
        if far is not None and far[0] != step:
            maker, far_path, far_where = far
            get = (
                f"`{maker}` writes a file of that name at `{ex.display(far_path)}` ({far_where}), "
                f"outside this folder: if it is this one, write it inside the folder (and run `{maker}` "
                f"first); else {get[0].lower()}{get[1:]}"
            )
        return FlowProblem(
            "SHR110",
            f"`{step}` reads `{shown}` ({where}), but no script or notebook here writes "
            f"it and it is not in the folder. {get}",
            step,
            r.line,
            r.cell,
            target=shown,
            access="read",
            source=source,
        )

    def _data_source(self, path: str) -> tuple[str, str] | None:
        """The README nearest ``path`` (in its folder or one above it) that gives a place to download data
        from, and that place (a DOI or a URL on a line about data, downloads or weights), or None
        (jjusuf2/AbsQuant_analysis_code's `data/README.md` and its Zenodo DOI; IBA-paper-code's release
        page for the weights: "say in the README where to get it" asked for what was there). A link to one
        file serves that file only (see :func:`_source_for`)."""
        folder = posixpath.dirname(path)
        while True:
            if folder not in self._sources:
                self._sources[folder] = self._source_in(folder)
            found = _source_for(path, self._sources[folder])
            if found is not None:
                return found[0], _shown_place(found[1])
            if not folder:
                return None
            folder = posixpath.dirname(folder)

    def _source_in(self, folder: str) -> list[tuple[str, str]]:
        """The places to download data from that the READMEs of ``folder`` give, in their order."""
        found: list[tuple[str, str]] = []
        prefix = folder + "/" if folder else ""
        readmes = sorted(
            f
            for f in self.p.files
            if f.startswith(prefix)
            and "/" not in f[len(prefix) :]
            and f[len(prefix) :].upper().startswith("README")
        )
        for rel in readmes:
            for line in (self.p.read_text(rel) or "").splitlines():
                if "badge" in line or "shields.io" in line or not _DATA_LINE.search(line):
                    continue
                words = _SOURCE_URL.sub(" ", line)
                if _CODE_WORDS.search(words) and not _DATA_WORDS.search(words):
                    continue  # the code's own archive (e-olson's `Code DOI: https://doi.org/...zenodo...`)
                for m in _SOURCE_URL.finditer(line):
                    url = m.group(0).rstrip(".,;:")
                    url = url if url.startswith("http") else f"https://doi.org/{url}"
                    if _data_place(url) and (rel, url) not in found:
                        found.append((rel, url))
        return found

    def _named_in_other_code(self, path: str) -> str | None:
        """The first code file in another language (R, MATLAB, Julia, ...), or Python file sciship could
        not read (Python 2: marawanokasha/fhv_paper_code's seven "missing" inputs its step 3 makes), that
        names the file ``path`` (its name, with its extension): a script that may make it."""
        name = path.rsplit("/", 1)[-1]
        if len(name) < 5 or "." not in name.strip("."):
            return None
        unread = [rel for rel, facts in self.facts.items() if facts.syntax is False]
        for rel in [*self.other_code, *sorted(unread)]:
            text = self.p.read_text(rel)
            if text is not None and name in text and _named_in_code(text, name, makers=True):
                return rel
        return None

    @functools.cached_property
    def other_code(self) -> list[str]:
        """The folder's code files in languages sciship does not read (R, MATLAB, Julia, Stata), and its
        notebooks in those languages (an R kernel's)."""
        found = [f for f in self.p.files if f.lower().endswith(_OTHER_CODE)]
        return found + [
            rel
            for rel in self.p.notebooks()
            if (facts := self.facts.get(rel)) is not None and facts.kind == "nb-other"
        ]

    def _namesake(self, path: str) -> str | None:
        """The one file in the folder that ends like ``path`` (its name and folder, else its name)."""
        parts = path.split("/")
        for tail in ("/".join(parts[-2:]), parts[-1]) if len(parts) > 1 else (parts[-1],):
            hits = [f for f in self.p.files if f == tail or f.endswith("/" + tail)]
            if len(hits) == 1:
                return hits[0]
            if hits:
                return None
        return self._misspelt(path)

    def _misspelt(self, path: str) -> str | None:
        """The one file beside ``path`` whose name is ``path``'s spelt another way: in other upper and
        lower case (`Data.CSV`: Windows and macOS open it, Linux does not), or with a letter or two more,
        less or changed and the same ending (`measurments.csv` for `measurements.csv`)."""
        if ex.has_unknown(path):
            return None
        folder, _, name = path.rpartition("/")
        prefix = folder + "/" if folder else ""
        beside = self._files_in.get(folder, [])
        cased = [f for f in beside if f.lower() == path.lower()]
        if cased:
            return cased[0] if len(cased) == 1 else None
        stem, dot, _ending = name.rpartition(".")
        if not dot or len(stem) < 6:
            return None  # (short names are near too many others: `a1.csv`, `a2.csv`)
        words = _WORDS.findall(name.lower())
        close = [f for f in beside if _one_slip(words, _WORDS.findall(f[len(prefix) :].lower()))]
        return close[0] if len(close) == 1 else None

    def _double_writes(
        self,
        order: list[str],
        writes: dict[str, dict[str, _Final]],
        updates: set[tuple[str, str]],
        scratch: set[tuple[str, str]] | None = None,
        reads: dict[str, dict[str, _Final]] | None = None,
    ) -> list[FlowProblem]:
        """One problem per file two steps write, at the step that runs last. Appending to a file is fine,
        and so is a file the steps after the first in the run order update in place (``updates``: each
        reads the file before it writes it, and adds to what is there), or that all writers but one write
        only when it is missing; and a file only steps that write it first read (``scratch``: each makes
        its own before it reads it, whatever another left there: shoaling_paper_figures' `grid.data`,
        made by `makegrid.py` run alone and by `make_figures.py` through it)."""
        out = []
        by_path: dict[str, list[tuple[str, _Final]]] = defaultdict(list)
        for s in order:
            for path, f in writes[s].items():
                if not ex.has_unknown(path):
                    by_path[path].append((s, f))
        for path, every in sorted(by_path.items()):
            # appending is fine, unless a step that writes the file anew runs after one that appends to
            # it: what was added is lost (lzxlab/pSAM_paper_code's species table, appended to, then
            # written over by a later step)
            adds = [f.res.raw.use.append for _s, f in every]
            anew = [i for i, a in enumerate(adds) if not a]
            lost = bool(anew) and any(adds[: anew[-1]])
            who = every if lost else [w for w, a in zip(every, adds, strict=True) if not a]
            # (the first in the run order may make it: the others add to what it made)
            updated = all((s, path) in updates for s, _f in who[1:])
            if len(who) < 2 or (not lost and (_same_call(who) or updated)):
                continue
            readers = [s for s in order if reads is not None and path in reads.get(s, {})]
            if (
                readers
                and scratch is not None
                and all((s, path) in scratch and not writes[s][path].res.fill for s in readers)
            ):
                continue  # each reader makes its own first: no step reads what another left
            if sum(1 for _s, f in who if not f.res.fill) <= 1:
                continue  # all but one write it only when it is missing (a download): nothing is lost
            if all(self._same_code(who[0][0], s) for s, _f in who[1:]):
                continue  # copies of one script (BC_chemo_reproducibility): they write the same thing
            # (a step that reads the file and writes it back changes it, and wins nothing: XINRUIQI's
            # `fix_deep_legacy_cols.py` was said to win over the two steps that make the file)
            fixers = [(s, f) for s, f in who[1:] if (s, path) in updates and not lost]
            makers = [w for w in who if w not in fixers]
            if len(makers) < 2:
                makers, fixers = who, []
            named = [f"`{s}` ({_where(f.res.raw.line, f.res.raw.cell, f.res.raw.via)})" for s, f in makers]
            listed = ", ".join(named[:-1]) + " and " + named[-1]
            last, f = makers[-1]
            then = (
                " (" + " and ".join(f"`{s}`" for s, _f in fixers) + " then change"
                + ("s" if len(fixers) == 1 else "") + " it in place)"
                if fixers
                else ""
            )
            out.append(
                FlowProblem(
                    "SHR113",
                    f"`{ex.display(path)}` is written by {listed}{then}; whichever runs last wins (in the "
                    f"run order, `{last}`), so the file depends on the order they are run in. Give each "
                    "output its own name.",
                    last,
                    f.res.raw.line,
                    f.res.raw.cell,
                )
            )
        return out

    def _same_code(self, a: str, b: str) -> bool:
        """Are two steps byte-identical copies (compared once per pair; sizes first)?"""
        key = (a, b) if a < b else (b, a)
        same = self.copies.get(key)
        if same is None:
            first = self.p.read_bytes(a)
            same = self.copies[key] = first is not None and self.p.read_bytes(b) == first
        return same

    def _author_roots(self, steps: list[str], finals: dict[str, list[_Final]]) -> set[str]:
        """Where this folder sits on the author's computer, as the absolute paths that name its files show."""
        if not any(f.location == "absolute" for step in steps for f in finals[step]):
            return set()
        return {
            root
            for step in steps
            for f in finals[step]
            if f.location == "absolute"
            for root in [self._inside(f.path, f.res.access, root_only=True)[0]]
            if root
        }

    def _kept_in_temp(self, steps: list[str], finals: dict[str, list[_Final]]) -> list[FlowProblem]:
        """Figures and tables a step saves in the system's temporary folder, which no step reads back:
        the results themselves, where the system deletes them and outside what is shared
        (multifacet/0sim-plotting-scripts: 28 scripts save their figures as `/tmp/<name>.pdf`, and each
        step was said to write nothing)."""
        read_back = {
            f.path
            for step in steps
            for f in finals[step]
            if f.location == "scratch" and f.res.access == "read"
        }
        out = []
        seen: set[tuple[str, str]] = set()
        for step in steps:
            for f in finals[step]:
                if (
                    f.location != "scratch"
                    or f.res.access != "write"
                    or f.res.soft
                    or not f.path.startswith(_TEMP_PLACES)
                    or ex.has_unknown(posixpath.dirname(f.path))  # (a folder made for the run: mkdtemp)
                    or not f.path.lower().endswith(_RESULT_ENDINGS)
                    or any(ex.matches(f.path, p) or ex.matches(p, f.path) or p == f.path for p in read_back)
                    or (step, f.path) in seen
                ):
                    continue
                seen.add((step, f.path))
                r = f.res.raw
                shown = ex.display(f.path)
                where = _where(r.line, r.cell, r.via)
                out.append(
                    FlowProblem(
                        "SHR111",
                        f"`{step}` saves `{shown}` ({where}) in the system's temporary "
                        "folder, which the system empties: it will not be in what you share, and a reader "
                        "looking for the result will not find it. Save it inside this folder (for example in "
                        "`figures/` or `results/`) with a path relative to the folder.",
                        step,
                        r.line,
                        r.cell,
                        target=shown,
                        access="write",
                    )
                )
        return out

    def _places(
        self,
        steps: list[str],
        finals: dict[str, list[_Final]],
        far: dict[tuple[str, str], list[tuple[str, str]]] | None = None,
    ) -> list[FlowProblem]:
        """Absolute paths and paths outside the folder: once per place in the code (a helper's line once).
        A place that only writes gets its own message; optional reads and scratch places get none; a
        read of what another step writes there (``far``: (step, path) -> the steps that write it, with
        their line) says so."""
        far = far or {}  # (`author_roots`: found before the steps were linked)
        out = []
        places: dict[tuple[str, object, str], list[_Final]] = {}
        out.extend(self._kept_in_temp(steps, finals))
        for step in steps:
            for f in finals[step]:
                if (
                    f.location in {"folder", "scratch"}
                    or f.res.soft
                    or (f.res.access == "read" and f.res.optional)
                ):
                    continue
                r = f.res.raw
                places.setdefault((step, r.via or (r.cell, r.line), ex.display(f.res.text)), []).append(f)
        for (step, _at, written), found in places.items():
            reading = [f for f in found if f.res.access == "read"]
            f = (reading or found)[0]
            r = f.res.raw
            where = _where(r.line, r.cell, r.via)
            if not reading:
                out.append(self._outside_write(step, f, written, where))
                continue
            made_by = far.get((step, f.path))
            if made_by:
                writer, at = made_by[0]
                absolute = f.location == "absolute"
                there = "absolute path, on your computer" if absolute else "path outside the folder"
                inside = self._inside(f.path, "write")[0] if absolute else ""
                fix = (
                    f"It is this folder's `{inside}`, as the folder sits on your computer: reach it with a "
                    "relative path in both (or one built from the script's own place)."
                    if inside
                    else "Write and read it inside this folder (for example in `results/`), with a path "
                    "relative to the folder, in both."
                )
                out.append(
                    FlowProblem(
                        "SHR111" if absolute else "SHR112",
                        f"`{step}` reads `{written}` ({where}), which `{writer}` writes ({at}) at "
                        f"that {there}: on another computer neither finds the other's file. {fix}",
                        step,
                        r.line,
                        r.cell,
                        target=written,
                        access="read",
                    )
                )
            elif f.location == "absolute" and ex.placeholder(written):
                out.append(
                    FlowProblem(
                        "SHR111",
                        f"`{step}` reads `{written}` ({where}), a placeholder for whoever runs the code to "
                        "fill in: until they edit the code, the run stops there. Set it in one place (a "
                        "`DATA_DIR` the scripts import, or a command-line option) and say in REPRODUCE.md "
                        "what to put there and where to get it; better, put the file inside this folder.",
                        step,
                        r.line,
                        r.cell,
                        target=written,
                        access="read",
                    )
                )
            elif f.location == "absolute" and f.res.text in ex.JOIN_DROPPED:
                out.append(self._join_dropped(step, f, written, where))
            elif f.location == "absolute":
                inside, better = self._inside(f.path, "read")
                if not inside:
                    inside, better = self._beside(step, f.path)
                advice = (
                    f"Use a path relative to the folder (`{inside}`) instead."
                    if inside
                    else "Put the file inside this folder (for example in `data/`) and use a path relative "
                    "to the folder."
                )
                out.append(
                    FlowProblem(
                        "SHR111",
                        f"`{step}` reads the absolute path `{written}` ({where}), which exists only on your "
                        f"computer{better}. {advice}",
                        step,
                        r.line,
                        r.cell,
                        target=written,
                        access="read",
                        inside=inside,
                    )
                )
            else:
                out.append(
                    FlowProblem(
                        "SHR112",
                        f"`{step}` reads `{written}` ({where}), which points outside this folder, so whoever "
                        "gets your folder will not have it. Move the file into the folder and use a path "
                        "inside it.",
                        step,
                        r.line,
                        r.cell,
                        target=written,
                        access="read",
                    )
                )
        return out

    def _set_in(self, problems: list[FlowProblem]) -> list[FlowProblem]:
        """Absolute paths under a folder one of the folder's modules sets at its top
        (``data_root_dir = '/Users/cm/spectra/'`` in ``global_settings.py``): each problem says where, so
        that the advice is to change that line, not to set the folder in one place (CV_Linear_Spec_Figures:
        112 reads through one setting)."""
        steps = {p.path for p in problems if p.code == "SHR111" and p.target}
        if not steps:
            return problems
        imported = {step: self._imported_files(step) for step in steps}
        settings: list[tuple[str, str]] = []  # (the folder, "file:line (`name`)")
        for rel in sorted(set().union(*imported.values())):  # (only the modules those steps import)
            settings += self._settings_in(rel)
        settings.sort(key=lambda item: -len(item[0]))
        own = {step: sorted(self._settings_in(step), key=lambda item: -len(item[0])) for step in steps}
        # the folders a settings file the step loads (itself, or a module it imports) sets (isshamie/CH_TSS:
        # `doc["global"]["RESULTS"]` of `parameters/params.yaml`, and the advice was to set the folder in
        # one place, as the authors had)
        loaded = {
            step: sorted(
                (f for here in (step, *imported[step]) for f in self.config_folders.get(here, ())),
                key=lambda item: -len(item[0]),
            )
            for step in steps
        }
        out = []
        for p in problems:
            target = p.target.replace("\\", "/")
            if p.code == "SHR111" and target:
                # (a module the step imports: a script that sets its own folder is no one place, nor a
                # module the step never imports)
                mine = imported[p.path]
                found = [
                    where
                    for folder, where in settings
                    if target.startswith(folder)
                    and where.partition(":")[0] in mine
                    and not self._held_nearer(where.partition(":")[0], target, folder)
                ]
                here = posixpath.dirname(p.path)
                # the nearest module that sets it (SI/global_settings.py for the scripts in SI/)
                found.sort(key=lambda where: _setting_distance(here, where.partition(":")[0]))
                if not found:
                    found = [where for folder, where in loaded[p.path] if target.startswith(folder)][:1]
                if found:
                    said = (
                        f"{p.message} The folder is set in one place, {_setting_said(found[0])}: whoever "
                        "runs the analysis changes that line to where they put the files."
                    )
                    out.append(dataclasses.replace(p, message=said, set_in=found[0]))
                    continue
                # set at the top of the step itself, on another line (juliuslehner/paper_code: the
                # problem named the line that reads, and the path as sciship writes it, `/` for `\`)
                line = next(
                    (
                        int(m.group(1))
                        for folder, where in self._own_settings(p, own[p.path], target)
                        if (m := _SETTING_LINE.search(where)) is not None
                    ),
                    None,
                )
                if line is not None and line != p.line and p.cell is None:
                    out.append(dataclasses.replace(p, message=f"{p.message} The path is set on line {line}."))
                    continue
            out.append(p)
        return out

    def _own_settings(
        self, p: FlowProblem, settings: list[tuple[str, str]], target: str
    ) -> list[tuple[str, str]]:
        """The settings at the top of the step itself that the path of ``p`` may come from: those its line
        names, when it names one; none when its line names another top-level name that holds absolute
        paths (a list: balajisriram/v1-paper-analysis' `save_locs[i]`, where "the path is set" named the
        line of `neuron_save_loc`, a prefix of them but another name)."""
        fits = [(folder, where) for folder, where in settings if target.startswith(folder)]
        text = self.p.read_text(p.path) if fits and p.line else None
        if not text:
            return fits
        lines = text.splitlines()
        words = set(_IDENT.findall(lines[p.line - 1])) if p.line and p.line <= len(lines) else set()
        named = [(folder, where) for folder, where in fits if where.rpartition("(`")[2][:-2] in words]
        if named:
            return named
        holders = {m.group(1) for m in _HOLDS_ABSOLUTE.finditer(text)}
        return [] if words & holders else fits

    def _held_nearer(self, rel: str, target: str, folder: str) -> bool:
        """Does a list, tuple or dict at the top of ``rel`` hold a longer start of ``target`` than the
        setting ``folder``: the path comes from there (`save_locs = ['/home/b/.../PhysOnly', ...]` beside
        `neuron_save_loc = '/home/b/...'`)?"""
        text = self.p.read_text(rel) if rel.endswith(".py") else None
        if not text or not _HOLDS_ABSOLUTE.search(text):
            return False
        for m in _HOLDS_ABSOLUTE.finditer(text):
            line = text[m.start() : text.find("\n", m.start()) % (len(text) + 1)]
            for literal in _QUOTED.findall(line):
                start = literal.replace("\\", "/").rstrip("/") + "/"
                if len(start) > len(folder) and target.startswith(start):
                    return True
        return False

    def _settings_in(self, rel: str) -> list[tuple[str, str]]:
        """The absolute folders a ``.py`` file sets names to at its top: (folder, ``file:line (`name`)``)."""
        if not rel.endswith(".py"):
            return []
        text = self.p.read_text(rel)
        if not text or not _SETTING_HINT.search(text):
            return []
        out = []
        for m in _SETTING.finditer(text):
            folder = m.group(2).replace("\\", "/").rstrip("/")
            if folder.count("/") >= 2:  # (not `/` or `C:/` alone)
                line = text.count("\n", 0, m.start()) + 1
                out.append((folder + "/", f"{rel}:{line} (`{m.group(1)}`)"))
        return out

    def _imported_files(self, step: str) -> frozenset[str]:
        """The folder's modules ``step`` imports, and those they import."""
        done: set[str] = set()
        todo = [step]
        while todo and len(done) < 200:
            here = todo.pop()
            facts = self.facts.get(here)
            if facts is None:
                continue
            for module, level, _line, _cell in facts.import_lines:
                target = self.module_file(module, level, here)
                if target is not None and target not in done and target != step:
                    done.add(target)
                    todo.append(target)
        return frozenset(done)

    def _join_dropped(self, step: str, f: _Final, written: str, where: str) -> FlowProblem:
        """An absolute path the code did not mean: a join of a folder and a name that starts with ``/``,
        which drops the folder (dtadych/Shallow_Groundwater_AZ: ``os.path.join(shapepath,
        '/huc4flowlines_order3plus.shp')`` reads ``/huc4flowlines_order3plus.shp``, and the message said to
        move "the file" off the author's computer)."""
        r = f.res.raw
        verb = "reads" if f.res.access == "read" else "writes"
        name = written.lstrip("/\\")
        return FlowProblem(
            "SHR111",
            f"`{step}` {verb} `{written}` ({where}): the code joins a folder and a name that starts with "
            "`/`, and `os.path.join` (like pathlib's `/`) drops every part before one that starts with `/`. "
            "The folder is lost, and the path points at the top of the disk, on every computer. Remove the "
            f"`/` at the start of the name (`{name}`).",
            step,
            r.line,
            r.cell,
            target=written,
            access=f.res.access,
        )

    def _outside_write(self, step: str, f: _Final, written: str, where: str) -> FlowProblem:
        """A file a step only writes outside the folder: it will not be in what is shared, and where its
        folder does not exist the step stops. Milder than an input that is missing, and said so."""
        r = f.res.raw
        if f.location == "absolute" and f.res.text in ex.JOIN_DROPPED:
            return self._join_dropped(step, f, written, where)
        if f.location == "absolute":
            inside, better = self._inside(f.path, "write")
            said = (
                f"`{step}` writes `{written}` ({where}), an absolute path on your computer{better}: on "
                "another computer that folder does not exist (the step stops there). Write this "
                f"folder's `{inside}` with a relative path (from where the script runs), or build the path "
                "from the script's own place (`Path(__file__).parent`)."
                if inside
                else f"`{step}` writes `{written}` ({where}), an absolute path on your computer: what "
                "it makes will not be in the folder you share, and on another computer that folder may "
                "not exist (then the step stops there). Write it inside this folder (for example in "
                "`results/` or `figures/`) with a path relative to the folder."
            )
            return FlowProblem(
                "SHR111",
                said,
                step,
                r.line,
                r.cell,
                target=written,
                access="write",
                inside=inside,
            )
        return FlowProblem(
            "SHR112",
            f"`{step}` writes `{written}` ({where}), which is outside this folder: what it makes will "
            "not be in what you share, and where that folder does not exist the step stops there. Write "
            "it inside this folder (for example in `results/` or `figures/`).",
            step,
            r.line,
            r.cell,
            target=written,
            access="write",
        )

    @functools.cached_property
    def root_names(self) -> frozenset[str]:
        """The names this folder may have on the author's computer: its own, and, for a download or a
        clone under another name, the project's name in it (`myproj-main`, `myproj-master`, Zenodo's
        `owner-myproj-1a2b3c4`, `owner__myproj`: shahcompbio/scdna_replication_paper's own absolute
        paths were mapped into the folder only when it had the project's exact name)."""
        name = self.p.root.name
        base = re.sub(r"-(?:main|master|[0-9a-f]{7,40})$", "", name)
        out = {name, base}
        if "__" in base:
            out.add(base.split("__", 1)[1])
        return frozenset(n for n in out if n)

    @functools.cached_property
    def author_names(self) -> frozenset[str]:
        """:attr:`root_names`, and what follows any ``-`` of the name (Zenodo's `owner-myproj`): for the
        absolute paths of the author's computer only, where the rest of the path must fit this folder."""
        base = re.sub(r"-(?:main|master|[0-9a-f]{7,40})$", "", self.p.root.name)
        return self.root_names | {base[i + 1 :] for i, c in enumerate(base) if c == "-" and base[i + 1 :]}

    def _inside(self, path: str, access: Access, *, root_only: bool = False) -> tuple[str, str]:
        """The file of this folder an absolute path names, and the words that say so: the folder itself
        (``/home/ana/study/data/x.csv`` run in ``/home/ana/study``), or, as the folder sits on the
        author's computer, the longest end of the path that this folder has (a file read, or the folder
        of a file written: at least two names, the first one at the top of this folder), or the path under
        a place other paths show this folder sits (:attr:`author_roots`: a file written into
        ``/data/rb/paper_figures/data_fig1/``, when a file read shows ``/data/rb/paper_figures/`` is this
        folder). ``("", "")``: none. ``root_only``: the place the path shows this folder sits, instead."""
        root = str(self.p.root).replace("\\", "/").rstrip("/") + "/"
        if path.startswith(root):
            rel = ex.display(path[len(root) :])
            return (root, "") if root_only else (rel, f" (inside this folder: `{rel}`)")
        parts = path.replace("\\", "/").split("/")
        name = parts.pop() if access == "write" else ""
        top = self.top_names
        for i in range(1, len(parts) - (0 if name else 1)):
            if parts[i] not in top:
                continue
            tail = "/".join(parts[i:])
            named = parts[i - 1] in self.author_names  # `.../AIDAqc_Figures/input/`: this folder by name
            if (name and tail.count("/") < 1 and not named) or not self.existing(tail):
                continue
            if root_only:
                return "/".join(parts[:i]) + "/", ""
            if name:
                guess = ex.display(f"{tail}/{name}")
                return guess, f" (probably `{guess}` in this folder, as it sits on your computer)"
            shown = ex.display(tail)
            return shown, f" (this folder has `{shown}`: probably the same file, as it sits on your computer)"
        if root_only:
            return "", ""
        for known in sorted(self.author_roots, key=len, reverse=True):
            rel = path[len(known) :] if path.startswith(known) else ""
            # (under it, a folder the shared copy lacks too: outputs the author did not commit; but a
            # file read in a folder this one does not have is no claim: the author's place may hold far
            # more than this folder, ahansenlab/cleopatra's `/mnt/md0/clarice/`, whose one file here made
            # 34 "probably in this folder" of files that are not)
            if rel and (access == "write" or rel.split("/", 1)[0] in self.top_names or self.existing(rel)):
                guess = ex.display(rel)
                return guess, f" (probably `{guess}` in this folder, as it sits on your computer)"
        return "", ""

    def _beside(self, step: str, path: str) -> tuple[str, str]:
        """For an absolute path a step reads that shows no place of this folder: the file of that name
        beside the step, when it is the folder's only file of that name (tflowers15/wallaby-analysis-
        scripts' `download_galex.py` reads `/Users/.../wallaby/galex_images.csv.gz`, which sits beside
        it), or the folder of this one its known start ends in (KLichtenauer's
        `C:/Users/.../Seminar/Script-manuel` walked, the folder's own `Script-manuel/`); ``("", "")``:
        neither. "Put the file inside this folder" said nothing of either."""
        shown = path.replace("\\", "/")
        name = shown.rsplit("/", 1)[-1]
        if not ex.has_unknown(shown) and "." in name.strip("."):
            named = self._files_named.get(name, [])
            if len(named) == 1 and posixpath.dirname(named[0]) == posixpath.dirname(step):
                return named[0], f" (this folder has `{named[0]}` beside the script: probably the same file)"
            return "", ""
        known = ex.display(shown).split("*", 1)[0].rstrip("/")
        parts = [p for p in known.split("/") if p]
        for i in range(len(parts) - 1, 0, -1):
            folder = "/".join(parts[i:])
            if parts[i] in self.top_names and self.p.has_dir(folder):
                said = f" (this folder has `{folder}/`: probably the same folder, as it sits on your "
                return f"{folder}/", said + "computer)"
        return "", ""

    @functools.cached_property
    def _files_named(self) -> dict[str, list[str]]:
        """The folder's files by their names."""
        out: dict[str, list[str]] = defaultdict(list)
        for rel in self.p.files:
            out[rel.rsplit("/", 1)[-1]].append(rel)
        return out

    @functools.cached_property
    def top_names(self) -> frozenset[str]:
        """The names of the files and folders at the top of the folder."""
        return frozenset(f.split("/", 1)[0] for f in self.p.files)


# ---------------------------------------------------------------------- helpers
def _setting_distance(folder: str, module: str) -> tuple[int, int]:
    """How far ``module`` is from the scripts of ``folder``: the folders above them to climb, then the
    folders down to the module (a script's own folder first, then its parents)."""
    here = [p for p in folder.split("/") if p]
    there = [p for p in posixpath.dirname(module).split("/") if p]
    shared = 0
    while shared < min(len(here), len(there)) and here[shared] == there[shared]:
        shared += 1
    return len(here) - shared, len(there) - shared


def _setting_said(where: str) -> str:
    """``global_settings.py:7 (`data_root_dir`)`` as words: ```data_root_dir` in `global_settings.py`
    (line 7)``."""
    place, _, name = where.rpartition(" (")  # (a file name may hold spaces)
    rel, _, line = place.rpartition(":")
    return f"{name.strip('()')} in `{rel}` (line {line})"


#: the line in a setting's place, ``a b.py:12 (`name`)`` (a file name may hold spaces)
_SETTING_LINE = compile_later(r":(\d+) \(`[^`]*`\)$")
#: a name set at the top of a module to an absolute folder: ``data_root_dir = '/Users/cm/spectra/'``
_SETTING = compile_later(
    r"""^([A-Za-z_]\w*)[ \t]*=[ \t]*[rRuUfF]{0,2}["']((?:[A-Za-z]:)?[/\\~][^"'\n]*)["'][ \t]*(?:#[^\n]*)?$""",
    re.MULTILINE,
)
#: a name set at the top of a module to a list, tuple or dict that holds an absolute path
_HOLDS_ABSOLUTE = compile_later(
    r"""^([A-Za-z_]\w*)[ \t]*=[ \t]*[\[({][^\n]*?[rRuU]?["'](?:[A-Za-z]:)?[/\\~]""", re.MULTILINE
)
_IDENT = compile_later(r"[A-Za-z_]\w*")
_QUOTED = compile_later(r"""["']([^"'\n]+)["']""")
_SETTING_HINT = compile_later(
    r"""^[A-Za-z_]\w*[ \t]*=[ \t]*[rRuUfF]{0,2}["'](?:[A-Za-z]:)?[/\\~]""", re.MULTILINE
)
#: (inside a ``try`` that survives a missing file, existence checks with their scopes)
_Context = tuple[bool, tuple[tuple[Expr, Scope], ...]]
_NO_CONTEXT: _Context = (False, ())
#: after every place in a step (no read or no write of a file there)
_END: tuple[Pos, int] = ((sys.maxsize, sys.maxsize, sys.maxsize), sys.maxsize)
#: values that are not files: standard streams, and the text of a missing value (``str(None)``)
_NOT_FILES = frozenset(
    {"-", "/dev/null", "/dev/stdout", "/dev/stderr", "None", "none", "null", "NULL", "nan"}
)


def _within(context: _Context, optional: bool, guards: tuple[Expr, ...], scope: Scope) -> _Context:
    if not optional and not guards:
        return context
    return (context[0] or optional, context[1] + tuple((g, scope) for g in guards))


def _raw(
    u: Use,
    scope: Scope,
    line: int,
    cell: int | None,
    pos: Pos,
    via: str | None,
    fmt: str | None,
    context: _Context,
    chain: tuple[_Link, ...] = (),
    at: Pos | None = None,
) -> _Raw:
    context = _within(context, u.optional, u.guards, scope)
    return _Raw(u, scope, line, cell, pos, via, fmt, context[0], context[1], chain, at)


def _vacant(raw: _Raw, given: dict[tuple[str, str], tuple[list[Expr], bool]]) -> bool:
    """Is the path of ``raw`` a command-line option with no default that no pipeline gives a value
    (``df.to_parquet(args.output)`` when nothing runs the script with ``--output``)? Such a use says
    nothing, as an unknown path says nothing."""
    expr, scope = raw.use.expr, raw.scope
    for _ in range(40):  # (parameters bound to parameters, as deep as calls are followed)
        if expr[0] == "param" and expr[1] in scope.params:
            expr, scope = scope.params[expr[1]]
        elif expr[0] == "opt" and len(expr) > 3:
            return ex.is_unknown(expr[1]) and (expr[3], expr[2]) not in given
        else:
            return False
    return False


def _accesses(access: tuple[str, ...], scope: Scope) -> tuple[str, ...]:
    """A use's accesses, with a mode its function's parameter gives (``("~open~mode",)``: what the call
    passes as ``mode``, ``"wb"`` a write) worked out; a mode nobody knows is a read, as with ``open``."""
    if len(access) != 1 or not access[0].startswith("~"):
        return access
    from sciship.flow._calls import accesses

    _, table, name = access[0].split("~", 2)
    given = scope.params.get(name)
    modes = ex.evaluate(*given).texts if given is not None else []
    known = [m for m in modes if m and not ex.has_unknown(m)]
    if not known:
        return ("read",)
    return tuple(dict.fromkeys(a for m in known for a in accesses(m, table)))  # type: ignore[arg-type]


@functools.lru_cache(maxsize=4096)
def _command_effects(words: tuple[str, ...]) -> tuple[Any, ...]:
    """What one command line does to files (:func:`._shell.effects`), once per command: a notebook runs
    the same `!` line in several steps, and a command's alternatives repeat."""
    from sciship.flow import _shell

    return tuple(_shell.effects(list(words)))


def _from_command(expr: Expr) -> bool:
    """Is the path only what a command line gives (``sys.argv[1]``, an option with no default)?"""
    return expr[0] == "opt" and len(expr) > 3 and ex.is_unknown(expr[1])


#: the first line of a shell script: ``#!/bin/bash``, ``#!/usr/bin/env sh``
_SHEBANG = compile_later(rb"#![ \t]*\S*/(?:env[ \t]+)?(?:ba|z|k|da)?sh\b")
#: files without an extension that are no scripts, whatever they start with
#: a script run by at most this many different command lines is read once for each (their words go
#: together); more, and the values of all of them are taken at once
_MAX_COMMANDS = 8
#: the endings of code in languages sciship does not read, which may make a file a step reads
_OTHER_CODE = (".r", ".rmd", ".m", ".jl", ".do", ".sas", ".ncl", ".pro")
#: `python name` of a script without its `.py` (the name, no option, no extension)
_PYTHON_BARE = compile_later(r"(^|[\s;&|(])python[0-9.]*[ \t]+([A-Za-z_][\w/-]*)(?=[ \t;&|)]|$)")


#: a loop of a shell script, a Makefile's recipe or a Python driver (``for``, ``while``, ``xargs``, GNU
#: ``parallel``, a Makefile's ``$(foreach``)
_LOOP = compile_later(r"(?m)^\s*(?:for|while|until)\b|\bxargs\b|\bparallel\b|\$\(foreach\b")


#: a README of a folder (``README.md``, ``readme.rst``, ``README``)
_README = compile_later(r"(?i)readme(?:\.(?:md|rst|txt|markdown))?$")
#: a placeholder for a word of the command line by its place (``ARG2``), not an option's
_PLACE_WORD = compile_later(r"ARG\d+")
#: a module's `from X import *` (X with its dots)
_STAR_FROM = compile_later(r"\n[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+\*")
#: a shell variable in a word: ``$n``, ``${sample}``
_SHELL_VARIABLE = compile_later(r"\$\{?\w+\}?")
#: a word of a README's command the reader chooses: ``kang[haber]`` (kang or haber), ``<input.csv>``
_README_CHOICE = compile_later(
    r"(?<![\w$])[\w.-]+\[[\w.|,-]+\](?![\w/])|<[A-Za-z_][\w.|-]*>"
    # a usage line's `[model] [tile size]` (BioroboticsLab/IBA-paper-code)
    r"|(?<![\w$\[])\[[A-Za-z][\w .|,-]*\](?![\w/\]])"
    # a word that names what to give, not a file (`python predict.py input_fasta_file output_path`, the
    # usage line above the real example: lzxlab/pSAM_paper_code's two false missing inputs)
    r"|(?<![\w$/.-])(?:(?:input|output)_[A-Za-z_]+|[A-Za-z]+_(?:file|path|dir|folder|directory))(?![\w/.-])"
    # (`python 01_convert.py -file your_vcf`: ShiuLab/Manuscript_Code's "add the file `your_vcf`")
    r"|(?<![\w$/.-])(?:your|my)[_-][\w.-]+(?![\w/.-])"
)
#: a README's ``cd NAME`` (one folder, no variables)
_CD_NAME = compile_later(r"cd[ \t]+[\w.-]+/?")
#: a README line that goes into a folder for one command (``cd fig1 && python plot.py``)
_CD_THEN = compile_later(r"\(?cd[ \t]+([\w./-]+)[ \t]*&&")
_NOT_SCRIPTS = frozenset({"LICENSE", "LICENCE", "README", "AUTHORS", "CHANGELOG", "COPYING", "NOTICE"})


#: the words of a command line looked at for ``sys.argv[k]``
_MAX_ARGV = 40


def _parse_arguments(
    args: tuple[str, ...], options: list[tuple[tuple[str, ...], str, int | str]], *, abbrev: bool = False
) -> dict[str, list[Expr]]:
    """The values a command line gives a script's argparse options, by destination (positional ones in
    order). ``options``: (option strings, destination, how many values: a number, ``"?"``, ``"*"`` or
    ``"+"``); a positional one of several values takes the words up to the next option (bar one for each
    positional after it). Words sciship cannot place (an option it does not know) end the reading. With
    ``abbrev``, the start of one long option only is that option, as argparse has it
    (RichardSear/DP_trapping_codes' Makefile gives `raw_analyse.py` `--col rc -o varrc100k.ods` for
    `--column`: the `-o` after it was lost, and with it the spreadsheet the step writes)."""
    flags = {flag: (dest, nargs) for names, dest, nargs in options for flag in names if flag.startswith("-")}
    positional = [(dest, nargs) for names, dest, nargs in options if not names[0].startswith("-")]
    out: dict[str, list[Expr]] = {}
    i = 0
    while i < len(args):
        word = args[i]
        if _is_flag(word):
            flag, eq, inline = word.partition("=")
            if flag not in flags and abbrev and flag.startswith("--"):
                longer = [name for name in flags if name.startswith(flag)]
                flag = longer[0] if len(longer) == 1 else flag
            if flag not in flags:
                break
            dest, nargs = flags[flag]
            if eq:
                out.setdefault(dest, []).append(_shell_value(inline))
                i += 1
                continue
            taken: list[str] = []
            i += 1
            while i < len(args) and (nargs in {"*", "+"} or len(taken) < (1 if nargs == "?" else int(nargs))):
                if _is_flag(args[i]):
                    break
                taken.append(args[i])
                i += 1
            if taken:
                out.setdefault(dest, []).extend(_shell_value(t) for t in taken)
            continue
        if not positional:
            break
        dest, nargs = positional.pop(0)
        many = nargs in {"+", "*"} or (isinstance(nargs, int) and nargs > 1)
        if many:  # `tables` of nargs="+": the words up to the next option, less one for each positional after
            end = i
            while end < len(args) and not _is_flag(args[end]):
                end += 1
            count = max(1, end - i - len(positional))
            count = min(count, nargs) if isinstance(nargs, int) else count
            out.setdefault(dest, []).extend(_shell_value(w) for w in args[i : i + count])
            i += count
            continue
        out.setdefault(dest, []).append(_shell_value(word))
        i += 1
    return out


def _is_flag(word: str) -> bool:
    """``--out``, ``-o`` (not a negative number like ``-5``)."""
    return word.startswith("-") and len(word) > 1 and not word[1].isdigit()


def _shell_value(word: str) -> Expr:
    """A word of a command line as a path expression: its unknown parts stay unknown (a Snakemake
    placeholder, ``{input.vcf}`` or ``{sample}``, too)."""
    parts: list[Expr] = []
    word = _PLACEHOLDER.sub(STAR, word)
    for piece in re.split(f"([{STAR}{STAR2}])", word):
        if piece == STAR:
            parts.append(ex.UNKNOWN)
        elif piece == STAR2:
            parts.append(ex.UNKNOWN2)
        elif piece:
            parts.append(ex.lit(piece))
    return parts[0] if len(parts) == 1 else ("cat", tuple(parts)) if parts else ex.lit("")


#: a Snakemake rule's placeholder in a command: ``{input}``, ``{output.tsv}``, ``{wildcards.name}``
_PLACEHOLDER = compile_later(r"\{[A-Za-z_][\w.\[\]]*\}")


def _unnumbered(name: str) -> str:
    """A file name without the number in front that orders it (``3_dynamo`` -> ``dynamo``)."""
    return _NUMBER_PREFIX.sub("", name) or name


_NUMBER_PREFIX = compile_later(r"^\d+[_\-. ]+")


def _shared_loop(call: Call) -> Expr | None:
    """An element of a loop (``("each", iterable, place)``) that two or more arguments of ``call`` are
    built from: ``run(year, f"out/{year}")`` inside ``for year in YEARS:``."""
    counts: dict[Expr, int] = defaultdict(int)
    for arg in (*call.args, *(v for _k, v in call.kwargs)):
        for node in dict.fromkeys(n for n in ex.walk(arg) if n[0] == "each" and len(n) == 3):
            counts[node] += 1  # (in the order they appear: the same answer on every run)
    return next((node for node, n in counts.items() if n > 1), None)


def _in_main(line: int, facts: Facts) -> bool:
    """Is ``line`` of a ``.py`` file in its ``if __name__ == "__main__":`` block (it runs only when the
    file runs as a script, not when another file imports it)?"""
    return any(first <= line <= last for first, last in facts.main_lines)


def _same_call(who: list[tuple[str, _Final]]) -> bool:
    """Do all these steps write the file from one function of the project, called the same way (with no
    arguments, or only written-out texts, all the way from each step)? Then they write the same thing:
    ``demo()`` in four example notebooks, or a code generator run as a module and from a script."""

    def entries(f: _Final) -> set[_Link]:
        out: set[_Link] = set()
        for link in f.res.raw.chain:
            if link[2] is None:
                break
            out.add(link)
        return out

    common = entries(who[0][1])
    for _step, f in who[1:]:
        common &= entries(f)
    return bool(common)


def _ruled_out(conds: tuple[Cond, ...], scope: Scope) -> bool:
    """Does one of the tests the code runs under fail for the values known here? Only a single, fully
    known text decides (a loop over several values, or an unknown part, runs every branch)."""
    for value, literals, wanted in conds:
        if literals == (TRUTH,):
            truth = _truth(value, scope)
            if truth is not None and truth != wanted:
                return True
            continue
        if literals == (NONE,):
            unset = _none(value, scope)
            if unset is not None and unset != wanted:
                return True
            continue
        if literals and literals[0] == NUMBER:
            same = _same_number(value, scope, literals[1])
            if same is not None and same != wanted:
                return True
            continue
        texts = ex.evaluate(value, scope).texts
        known = len(texts) == 1 and not ex.has_unknown(texts[0]) and not texts[0].startswith(ROOT)
        # (a command-line option's default decides nothing: options change)
        if known and (texts[0] in literals) != wanted and ex.fixed(value, scope):
            return True
    return False


def _truth(value: Expr, scope: Scope) -> bool | None:
    """Whether a parameter's value (or a name of another of the folder's modules) is true, when the call
    (or the default, or the module) gives a constant or a text; None when it is unknown, or a default
    the person running the code, or ``**options``, may change."""
    value, scope = ex._followed(value, scope, 0) or (value, scope)  # (parameters, other modules' names)
    if value[0] == "k":
        return str(value[1]) not in {"False", "None", "0", "0.0", "0j"}
    if value[0] == "s":
        return str(value[1]) != ""
    return None


def _same_number(value: Expr, scope: Scope, number: str) -> bool | None:
    """Is a name the code sets to a number (``n_folds = 20``) that number; None when it is not known, or
    a command-line option's default."""
    if not ex.fixed(value, scope):
        return None
    followed, _scope = ex._followed(value, scope, 0) or (value, scope)
    if followed[0] != "k":
        return None
    try:
        return float(followed[1]) == float(number)
    except ValueError:
        return None


def _none(value: Expr, scope: Scope) -> bool | None:
    """Whether a parameter's value is None, when the call (or the default) gives a constant or a text;
    None when it is unknown, or a default the person running the code may change."""
    value, scope = ex._followed(value, scope, 0) or (value, scope)
    if value[0] == "k":
        return str(value[1]) == "None"
    if value[0] in {"s", "cat", "join"}:
        return False
    return None


_SCRATCH = ("/tmp/", "/var/tmp/", "/dev/shm/", "/private/tmp/", "~/.")  # noqa: S108 (names, not used)


_TEMP_PLACES = ("/tmp/", "/var/tmp/", "/private/tmp/")  # noqa: S108 (names, not used)
#: what a result is saved as: a figure or a table
_RESULT_ENDINGS = (".png", ".pdf", ".svg", ".eps", ".jpg", ".jpeg", ".tif", ".tiff", ".tex", ".csv", ".xlsx")


#: the files Hydra writes into each run's output folder (``.hydra/config.yaml``, ``hydra.yaml``,
#: ``overrides.yaml``), at the end of a path
_HYDRA_RECORD = compile_later(r"(?:^|/)\.hydra/(?:config|hydra|overrides)\.yaml$")


#: the words and numbers of a file name: `figure-9a-data.csv` is figure, 9, a, data, csv
_WORDS = compile_later(r"[a-z]+|\d+")


def _one_slip(want: list[str], have: list[str]) -> bool:
    """Are two names' words (see :data:`_WORDS`) the same but for one slip of the keyboard in one word of
    at least four letters: a letter left out, added, changed, or two swapped (`measurments` for
    `measurements`)? Another number or letter of a series (`Figure2`, `figure-9b`), or another word
    (`EDFigure1` for `Figure1`), is another file (AdaptiveMotorControlLab/cebra-figures, cloudflare/
    connection-coalescing-imc22: such hints named the wrong file)."""
    if len(want) != len(have):
        return False
    differ = [(a, b) for a, b in zip(want, have, strict=True) if a != b]
    if len(differ) != 1:
        return False
    a, b = differ[0]
    if min(len(a), len(b)) < 4 or not a.isalpha() or not b.isalpha():
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) != len(short) + 1:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _scratch(path: str) -> bool:
    """A place of whoever runs the code, never shared: a temporary folder, or a cache, settings or data
    folder of a program in the home folder (``~/.cache``, ``~/.config``, ``~/.local``, ``~/.keras``)."""
    return (path + "/").startswith(_SCRATCH) and not path.startswith("~/..")


class _Made:
    """Paths written, to tell whether a read is of one of them (or of a folder they are in).

    ``match``: a written pattern covers every path it matches (soft writes: an unpacked archive's
    ``data/**``); otherwise only the same path counts (a step that writes ``run_*.pickle`` with today's
    date does not make the ``run_2022-09-05.pickle`` it reads)."""

    def __init__(self, paths: Iterable[str], *, match: bool = False) -> None:
        self.match = match
        self.concrete: set[str] = set()
        self.patterns: list[str] = []
        self.folders: set[str] = set()
        for path in paths:
            if ex.has_unknown(path):
                self.patterns.append(path)
            else:
                self.concrete.add(path)
            folder = posixpath.dirname(path)
            while folder and not ex.has_unknown(folder) and folder not in self.folders:
                self.folders.add(folder)
                folder = posixpath.dirname(folder)

    def covers(self, path: str) -> bool:
        if not self.concrete and not self.patterns:
            return False
        if path in self.concrete or path in self.folders or path in self.patterns:
            return True
        if not self.match:
            return False
        if ex.has_unknown(path):
            return any(ex.matches(path, w) for w in self.concrete) or any(
                ex.overlap(path, w) for w in self.patterns
            )
        return any(ex.matches(w, path) for w in self.patterns)


def _one_text(expr: Expr, scope: Scope) -> str:
    texts = ex.evaluate(expr, scope).texts
    return texts[0] if len(texts) == 1 else STAR


def _covers(guard: str, path: str) -> bool:
    """Does an existence check of ``guard`` protect a read of ``path``? The same path, a folder it is
    in, or a check sciship cannot read (a path it cannot tell apart)."""
    if not ex.informative(guard):
        return True
    g, p = ex.normalize(guard), ex.normalize(path)
    if g == p or p.startswith(g.rstrip("/") + "/"):
        return True
    if ex.has_unknown(g) or ex.has_unknown(p):
        return ex.overlap(g, p) or ex.overlap(g.rstrip("/") + "/" + STAR2, p)
    return False


def _convention(text: str, u: Use, fmt: str | None) -> tuple[str, bool]:
    """Apply a call's naming convention (numpy's .npy / .npz, savefig's default format)."""
    conv = u.convention
    if conv == "npy" and not text.endswith(".npy"):
        return text + ".npy", False
    if conv == "npz" and not text.endswith(".npz"):
        return text + ".npz", False
    if conv == "savefig" and not u.format_given:
        name = text.rstrip("/").rsplit("/", 1)[-1]
        if "." not in name.lstrip(".") and not name.endswith((STAR, STAR2)):
            return f"{text}.{fmt or 'png'}", False
    if conv == "mat" and not text.endswith(".mat"):
        return text, True
    if conv == "mat-added" and not text.endswith((".mat", STAR, STAR2)):
        return text + ".mat", False
    return text, False


def _loose(text: str) -> bool:
    """Does the relative path start with a part sciship cannot know (``os.path.join(outdir, ...)``)?"""
    first = text.lstrip("/").split("/", 1)[0]
    return text.startswith(STAR2) or (first != "" and first.strip(STAR + STAR2) == "" and "/" in text)


def _kin_key(name: str) -> tuple[str, str] | None:
    """A data file's first word and suffix (``HA_ref_read_counts.txt`` -> ``("HA", ".txt")``); None for
    code and names without both."""
    stem, dot, suffix = name.rpartition(".")
    first = re.split(r"[_\-.]", stem, maxsplit=1)[0]
    if not dot or not first or not suffix or suffix in ("py", "ipynb", "sh", "md") or first == stem:
        return None
    return first, "." + suffix


def _ends_meet(read: str, write: str) -> bool:
    """Do two names with unknown parts fit each other only through those: neither their known starts nor
    their known ends agree (``mrms_indices_*`` and ``*min_lead.png``; ``wrfout_*.nc`` and
    ``*center_*``; ``*_count.csv`` and ``deg_ref_*.csv``: an extension alone is no agreement)?"""
    a, b = read.rsplit("/", 1)[-1], write.rsplit("/", 1)[-1]
    if not ex.has_unknown(a) or not ex.has_unknown(b):
        return False
    a_parts, b_parts = _UNKNOWN_PART.split(a), _UNKNOWN_PART.split(b)
    starts, ends = (a_parts[0], b_parts[0]), (a_parts[-1], b_parts[-1])
    # (ends that share only an extension, `*_count.csv` and `deg_ref_*vs*.csv`, agree on nothing)
    return not (
        (all(starts) and (starts[0].startswith(starts[1]) or starts[1].startswith(starts[0])))
        or (
            all(_BARE_EXTENSION.fullmatch(e) is None for e in ends)
            and (ends[0].endswith(ends[1]) or ends[1].endswith(ends[0]))
        )
    )


def _crossed(read: str, write: str) -> bool:
    """Do two names fit each other only across: one known at its start alone, the other at its end alone
    (``merged.confirmed*`` and ``*_missing_genes.fasta``: moryzae_eccdnas linked two unrelated steps)?"""
    a, b = read.rsplit("/", 1)[-1], write.rsplit("/", 1)[-1]
    if not ex.has_unknown(a) or not ex.has_unknown(b):
        return False
    a_parts, b_parts = _UNKNOWN_PART.split(a), _UNKNOWN_PART.split(b)
    a_start, a_end = a_parts[0], _BARE_EXTENSION.fullmatch(a_parts[-1]) is None
    b_start, b_end = b_parts[0], _BARE_EXTENSION.fullmatch(b_parts[-1]) is None
    return bool(
        (a_start and not b_start and b_end and not a_end) or (b_start and not a_start and a_end and not b_end)
    )


_UNKNOWN_PART = compile_later(f"[{STAR}{STAR2}]+")
_BARE_EXTENSION = compile_later(r"(?:\.[A-Za-z0-9]+)?")  #: an end that is only an extension, or nothing


def _one_per_read(problems: list[FlowProblem]) -> list[FlowProblem]:
    """The missing inputs without a pattern that another missing file of the same read fits: a default and
    what the command line may give instead (`'data/' + name + '.txt'`, name `sys.argv[1]` or `'a'`) is one
    problem, the default's (KrisJensen/stability_paper_code: two for one line)."""
    concrete: dict[tuple[str, int | None, int | None], list[str]] = defaultdict(list)
    for p in problems:
        if p.code == "SHR110" and p.target and "*" not in p.target:
            concrete[p.path, p.line, p.cell].append(p.target)
    if not concrete:
        return problems
    import fnmatch

    return [
        p
        for p in problems
        if not (
            p.code == "SHR110"
            and "*" in p.target
            and any(fnmatch.fnmatchcase(t, p.target) for t in concrete.get((p.path, p.line, p.cell), ()))
        )
    ]


def _unparsed(facts: Facts) -> bool:
    """Could Python 3 not parse the file (so what it does is not known)?"""
    return any(code == "SHR117" for code, *_rest in facts.problems)


def _python2(facts: Facts | None) -> bool:
    """Is the file Python 2 code (its SHR117 problem says so)?"""
    return facts is not None and any(
        code == "SHR117" and PYTHON2_SAID in message for code, message, *_rest in facts.problems
    )


def _reportable(path: str) -> bool:
    """Can a missing pattern be reported? Only when its folder is known and not empty, or its file name
    starts with known text (``results/run_*.npy``, ``run_*.npy``; not ``*.npy``)."""
    if not ex.has_unknown(path):
        return True
    folder, _, name = path.rpartition("/")
    if ex.has_unknown(folder):
        return False
    return bool(folder) or not name.startswith((STAR, STAR2))


def _writers_of(
    read: str,
    f: _Final,
    concrete: set[str],
    patterns: list[tuple[str, tuple[str, str], tuple[str, str, bool]]],
) -> list[str]:
    """The written paths (concrete or patterns, the latter with the ends :func:`ex.known_ends` and
    :func:`_name_ends` give) one file name can fit together with ``read``. Each test first compares the
    known start and end of the paths, which rules out most pairs before a pattern is matched."""
    options = [read]
    if f.res.mat and not read.endswith(".mat"):
        options.append(read + ".mat")
    hits: list[str] = []
    for option in options:
        if ex.has_unknown(option):
            start, end = ex.known_ends(option)
            fit = [w for w in concrete if w.endswith(end) and w.startswith(start) and ex.matches(option, w)]
            hits.extend(sorted(fit))  # (in the order of the paths, not of the set: one answer for every run)
            ends = _name_ends(option)
            hits.extend(
                w
                for w, (first, _last), name in patterns
                if (first.startswith(start) or start.startswith(first))  # (their known starts agree)
                and _names_may_meet(ends, name)
                and ex.overlap(option, w)
            )
        else:
            if option in concrete:
                hits.append(option)
            hits.extend(
                w
                for w, (start, end), _ in patterns
                if option.endswith(end) and option.startswith(start) and ex.matches(w, option)
            )
    return list(dict.fromkeys(hits))


def _optional_in_callee(text: str, name: str) -> bool:
    """Is the option ``name`` (escaped) handed to a parameter (``run(output_csv=args.output_csv)``) that
    the function falls back from (``output_csv or f"out/{rct_id}.csv"``, ``f"_{tag}" if tag else ""``,
    ``if tag is not None``)? talking-to-machines/synthetic-rct-replication-package: three such options
    were to be filled in, "the script needs it"."""
    for m in re.finditer(rf"(\w+)\s*=\s*\w+\.{name}\b", text):
        param = re.escape(m.group(1))
        falls_back = rf"\b{param}\s+or\b|\bif\s+(?:not\s+)?{param}\b|\b{param}\s+is\s+(?:not\s+)?None\b"
        if re.search(falls_back, text):
            return True
    return False


def _write_switches(facts: Facts) -> set[str]:
    """The command-line options whose truth a write of the file's own code waits for (``if args.save:``)."""
    out: set[str] = set()
    for uses in [facts.uses, *(f.uses for f in facts.functions.values())]:
        for u in uses:
            if "write" not in u.access:
                continue
            for value, literals, runs in u.conds:
                if runs and literals == (TRUTH,) and value[0] == "opt" and len(value) > 2:
                    out.add(str(value[2]))
    return out


def _options_in_paths(facts: Facts) -> set[str]:
    """The command-line options without a default (their destinations) and the words of ``sys.argv``
    (``#1``, ``#2``) that the paths of a file's own code use: a run without them fails."""
    exprs: list[tuple[Expr, tuple[Cond, ...]]] = []
    for uses, calls in [(facts.uses, facts.calls), *((f.uses, f.calls) for f in facts.functions.values())]:
        exprs += [(u.expr, u.conds) for u in uses]
        for c in calls:
            exprs += [(a, c.conds) for a in _path_arguments(c, facts)]
    out: set[str] = set()
    for expr, conds in exprs:
        if any(node[0] == "opt" for node in ex.walk(expr)):  # (most paths use no option: not walked again)
            # (not one the code tests first: `if args.pretrained_path is not None:` runs without it,
            # lodurality/GEM3D_paper_code)
            tested = {
                n[2]
                for value, literals, _runs in conds
                if not (literals == (TRUTH,) and value[0] == "opt")  # (`if args.save:`: see _write_switches)
                for n in ex.walk(value)
                if n[0] == "opt" and len(n) > 2 and isinstance(n[2], str)
            }
            out |= _needed_options(expr) - tested
    return out


def _path_arguments(call: Call, facts: Facts) -> list[Expr]:
    """The arguments of ``call`` that may go into a path: for a function of the same file, those given to
    the parameters its paths (or the calls it makes, or what it returns) use; else all of them
    (czbiohub-sf/rnaquarium-figures: four font sizes passed to a function that saves a figure were
    options "the script needs")."""
    every = [*call.args, *(v for _k, v in call.kwargs)]
    fn = facts.functions.get(call.callee[1]) if call.callee[0] == "local" else None
    if fn is None or fn.methods or not fn.params or len(call.args) > len(fn.params):
        return every
    exprs = [u.expr for u in fn.uses] + [a for c in fn.calls for a in (*c.args, *(v for _k, v in c.kwargs))]
    exprs += [fn.returns] if fn.returns is not None else []
    exprs += list(fn.defaults.values())
    used = {node[1] for e in exprs for node in ex.walk(e) if node[0] == "param"}
    named = dict(zip(fn.params, call.args, strict=False)) | dict(call.kwargs)
    if not set(named) <= set(fn.params):  # (`**kwargs` the function takes on: not followed here)
        return every
    return [value for name, value in named.items() if name in used]


def _needed_options(expr: Expr) -> set[str]:
    """The options without a default an expression cannot be worked out without: of several values
    (``Path(args.output) if args.output else RESULTS_DIR``), only those each one uses
    (seqproc-paper-analysis: `--output OUTPUT` was to be filled in for three scripts that did not need it)."""
    if expr[0] == "opt" and len(expr) > 3 and expr[1] == ex.UNKNOWN and isinstance(expr[2], str):
        return {expr[2]}
    if expr[0] == "alt":
        choices = [_needed_options(e) for e in expr[1] if isinstance(e, tuple) and e]
        return set.intersection(*choices) if choices else set()
    out: set[str] = set()
    for child in ex.children(expr):
        if child and isinstance(child[0], str):
            out |= _needed_options(child)
    return out


def _updates(firsts: dict[tuple[str, str], dict[str, tuple[Pos, int]]], step: str, path: str) -> bool:
    """Does ``step`` read ``path`` before it writes it (an update in place)?"""
    first = firsts.get((step, path), {})
    return first.get("read", _END) < first.get("write", _END)


def _far_writers(
    steps: list[str], finals: dict[str, list[_Final]]
) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """For each file a step reads at an absolute path or outside the folder (``(step, path)``), the other
    steps that write it there, with the line: the same path, or patterns one file can fit both (neither
    with a name that says too little). A read that need not find its file (``if os.path.exists(p):``)
    waits for nobody."""
    written: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for step in steps:
        for f in finals[step]:
            if f.location in {"absolute", "outside"} and f.res.access == "write" and not f.res.soft:
                written[f.path].append((step, _where(f.res.raw.line, f.res.raw.cell, None)))
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    if not written:
        return out
    # (the known start and end of each path first, as for the folder's files: most pairs stop there)
    concrete = {w for w in written if not ex.has_unknown(w)}
    patterns = [(w, ex.known_ends(w), _name_ends(w)) for w in written if ex.has_unknown(w)]
    fitting: dict[tuple[str, bool], list[str]] = {}
    for step in steps:
        for f in finals[step]:
            if (
                f.location not in {"absolute", "outside"}
                or f.res.access != "read"
                or f.res.optional
                or (step, f.path) in out
                or _vague(f.path)
                # (a folder listed, `/data/x/*`: says little of which file it wants; but one that another
                # step fills with files of the very same pattern waits for it: tflowers15/wallaby-analysis-
                # scripts' final plots read `/Users/.../PARAMETERS/*`, which derived_properties.py writes)
                or (not _named(f.path) and not any(a != step for a, _line in written.get(f.path, ())))
            ):
                continue
            key = (f.path, f.res.mat)
            if key not in fitting:  # (many steps read the same file: its writers are found once)
                fitting[key] = [w for w in _writers_of(f.path, f, concrete, patterns) if not _vague(w)]
            if any(a == step for path in fitting[key] for a, _line in written[path]):
                # (as for the folder's files: a step that may make the file itself reads its own; two
                # scripts that each copy into `C:/.../century/*` and read `*_log.txt` there made a false
                # circle: vakowal/forage_analysis_scripts)
                continue
            found = [(a, line) for path in fitting[key] for a, line in written[path] if a != step]
            if found:
                out[(step, f.path)] = list(dict.fromkeys(found))
    return out


def _where(line: int, cell: int | None, via: str | None) -> str:
    out = f"code cell {cell + 1}, line {line}" if cell is not None else f"line {line}"
    if via:
        out += f", in `{via.rsplit(':', 1)[0]}` line {via.rsplit(':', 1)[1]}"
    return out


_NUMBER = compile_later(r"(\d+)")


def natural_key(path: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that reads numbers as numbers: ``fig2`` before ``fig10``, ``01_`` before ``02_``."""
    out = []
    for i, chunk in enumerate(_NUMBER.split(path.lower())):
        if i % 2:
            out.append((0, int(chunk), ""))
        elif chunk:
            out.append((1, 0, chunk))
    return tuple(out)


def _drop_optional_circles(
    steps: list[str], edges: dict[str, set[str]], needed: set[tuple[str, str]]
) -> None:
    """Take out of ``edges`` the links made only by reads that need not find their file
    (``pd.read_csv(p) if p.exists() else None``) and that would close a circle: such a step runs without
    the file, so it may go first (XINRUIQI/CASA0004-Dissertation's `run_deep_sweep.py` reads the pooled
    table that `pool_deep_seeds.py` makes from its results, when it is there: a false circle). The
    others still order the steps."""
    soft = sorted(((s, a) for s in steps for a in edges[s] if (s, a) not in needed), key=_natural_pair)
    if not soft:
        return
    kept = {s: {a for a in edges[s] if (s, a) in needed} for s in steps}
    for s, a in soft:
        # (s needs a: a circle when a needs s already, through the links kept so far)
        seen, todo = {a}, [a]
        while todo and s not in seen:
            for b in kept[todo.pop()]:
                if b not in seen:
                    seen.add(b)
                    todo.append(b)
        if s in seen:
            edges[s].discard(a)
        else:
            kept[s].add(a)


def _natural_pair(pair: tuple[str, str]) -> tuple[Any, Any]:
    return natural_key(pair[0]), natural_key(pair[1])


def _order(steps: list[str], edges: dict[str, set[str]]) -> list[str]:
    """Topological order (``edges[b]`` holds the steps ``b`` needs), ties by natural name; a circle is
    broken at the step that waits for the fewest others (then by name), not at the first name of all
    that are left (kbasecollaborations/trait-prediction-manuscript: a circle of two figure scripts put
    `backfill_minority_test.py`, which needs eleven steps, before all of them)."""
    import heapq

    needs = {s: set(edges[s]) for s in steps}
    users: dict[str, set[str]] = defaultdict(set)
    for s, before in needs.items():
        for a in before:
            users[a].add(s)
    def rank(s: str) -> tuple[bool, tuple[tuple[int, int, str], ...]]:
        # (a step in a folder of old versions waits for the others: RichardSear/DP_trapping_codes'
        # `older/fig3_Jan26.py` came before the figures the Makefile makes)
        return set_aside(s), natural_key(s)

    ready = [(rank(s), s) for s in steps if not needs[s]]
    heapq.heapify(ready)
    done: list[str] = []
    left = set(steps)
    while left:
        if not ready:  # a circle: start it with the step that waits for the fewest others
            s = min(left, key=lambda x: (len(needs[x]), natural_key(x)))
            needs[s].clear()
            heapq.heappush(ready, (rank(s), s))
        _, s = heapq.heappop(ready)
        if s not in left:
            continue
        left.discard(s)
        done.append(s)
        for u in users[s]:
            needs[u].discard(s)
            if not needs[u] and u in left:
                heapq.heappush(ready, (rank(u), u))
    return done


def _cycles(
    steps: list[str],
    edges: dict[str, set[str]],
    read_by: dict[tuple[str, str], str],
    order: list[str],
    reads: dict[str, dict[str, _Final]],
) -> list[FlowProblem]:
    """One problem per circle of steps (strongly connected components with more than one step)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    comps: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:  # Tarjan, iterative enough for research folders (recursion depth = steps)
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            comps.append(comp)

    for s in sorted(steps, key=natural_key):
        if s not in index:
            strong(s)
    rank = {s: i for i, s in enumerate(order)}
    out = []
    for comp in comps:
        if len(comp) < 2:
            continue
        members = sorted(comp, key=rank.__getitem__)
        first = members[0]
        loop = _loop(first, set(comp), edges)
        links = [
            f"`{b}` reads `{ex.display(read_by[(b, a)])}`, which `{a}` writes"
            for b, a in itertools.pairwise(loop)
        ]
        more = f" ({len(comp)} steps are caught in such circles)" if len(comp) > len(loop) - 1 else ""
        out.append(
            FlowProblem(
                "SHR114",
                "These steps need each other's outputs, so no run order gives each what it needs: "
                + "; ".join(links)
                + f"{more}. Decide which comes first and let it make its input itself (or read a "
                "file that is in the folder).",
                first,
                *_first_read(first, members, edges, read_by, reads),
            )
        )
    return out


def _first_read(
    first: str,
    members: list[str],
    edges: dict[str, set[str]],
    read_by: dict[tuple[str, str], str],
    reads: dict[str, dict[str, _Final]],
) -> tuple[int | None, int | None]:
    """(line, cell) where the first step of a circle reads what another step of it writes."""
    for a in members:
        if a in edges[first] and (first, a) in read_by:
            f = reads[first].get(read_by[(first, a)])
            if f is not None:
                return f.res.raw.line, f.res.raw.cell
    return None, None


# ---------------------------------------------------------------------- parallel extraction
#: extract in a forked process too when this much text (characters) is not in the cache and there are
#: 2+ CPUs; below about 1 MB starting a process costs more than it saves (as for the import scan)
PARALLEL_MIN_CHARS = 1_000_000
_FORKED: list[tuple[_Tracer, list[tuple[str, str]]]] = []
#: how the last extraction ran: "here", "forked" or "fell back" (a worker could not run); for tests
LAST_EXTRACTION = ["here"]


def _extract_indices(indices: list[int]) -> list[Facts]:
    tracer, items = _FORKED[0]
    return [tracer._extract(items[i][0], items[i][1], False) for i in indices]


def _extract_many(tracer: _Tracer, items: list[tuple[str, str]]) -> list[Facts]:
    from sciship._fork import ChildFailed, Forked, can_fork

    sizes = [len(text) for _, text in items]
    if sum(sizes) < PARALLEL_MIN_CHARS or _cpus() < 2 or not can_fork():
        LAST_EXTRACTION[0] = "here"
        return [tracer._extract(rel, text, False) for rel, text in items]
    order = sorted(range(len(items)), key=lambda i: -sizes[i])
    mine: list[int] = []
    theirs: list[int] = []
    totals = [0, 0]
    for i in order:  # biggest first, to the lighter share
        side = 0 if totals[0] <= totals[1] else 1
        (mine if side == 0 else theirs).append(i)
        totals[side] += sizes[i]
    out: list[Facts | None] = [None] * len(items)
    _FORKED[:] = [(tracer, items)]
    child: Forked | None = None
    try:
        child = Forked(_extract_indices, theirs)
        for i, facts in zip(mine, _extract_indices(mine), strict=True):
            out[i] = facts
        for i, facts in zip(theirs, child.result(), strict=True):
            out[i] = facts
        LAST_EXTRACTION[0] = "forked"
    except (OSError, ChildFailed, ValueError):  # no processes here, or the child died: extract the rest here
        LAST_EXTRACTION[0] = "fell back"
    finally:
        if child is not None:
            child.cancel()
        _FORKED.clear()
    return [
        f if f is not None else tracer._extract(items[i][0], items[i][1], False) for i, f in enumerate(out)
    ]


def _unfilled(args: tuple[str, ...]) -> tuple[str, ...]:
    """A README command's words without the placeholders its reader fills in (``--data /path/to/x.csv``,
    ``path/to/table.tsv``, ``<input>``): an option given one is left out (the script's default holds:
    talmolab's `--data` read `data/prices.csv`, which is in the folder, and SHR111 said the README's
    `/path/to/prices.csv` exists only on the author's computer; BioGeMT/miRBench_paper's
    `--phyloP_path path/to/phyloP.bw` was a missing input), and the words from a placeholder on are the
    reader's to give."""
    out: list[str] = []
    words = iter(enumerate(args))
    for i, word in words:
        _name, eq, value = word.partition("=")
        if word.startswith("-") and eq and ex.placeholder(value):
            continue
        if word.startswith("-") and i + 1 < len(args) and ex.placeholder(args[i + 1]):
            next(words, None)
            continue
        if ex.placeholder(word):
            break
        out.append(word)
    return tuple(out)


def _placeholders(args: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of a command line, with a placeholder for each the command computes (a loop's variable,
    `f"--gene {g}"`): the option's name (``GENE``) or the word's place (``ARG2``); and the placeholders."""
    words: list[str] = []
    fill: list[str] = []
    for i, word in enumerate(args):
        if STAR not in word and STAR2 not in word:
            words.append(word)
            continue
        before = args[i - 1] if i else ""
        name = before.lstrip("-").replace("-", "_").upper() if before.startswith("-") else f"ARG{i + 1}"
        name = name if name.isidentifier() else f"ARG{i + 1}"
        words.append(name)
        fill.append(name)
    return tuple(words), tuple(dict.fromkeys(fill))


def _positional(fn: Function, callee: Expr) -> tuple[str, ...]:
    """The parameters a call's positional arguments go to: a method's after ``self`` (or ``cls``); all of
    a function's, a ``@staticmethod``'s, and those of a plain method called on its class
    (``Model.load(model, path)`` gives ``self`` itself)."""
    if "." not in fn.name or fn.kind == "static":
        return fn.params
    if callee[0] == "member" and len(callee) > 3 and fn.kind != "class":
        return fn.params
    return fn.params[1:]


def _same_name(module: str, folder: str) -> bool:
    """Is ``module`` the folder's name as Python imports it (case, ``-`` and ``.`` aside)?"""
    return module.lower() == re.sub(r"[-.]", "_", folder).lower()


def _merge(into: dict[str, Any], more: dict[str, Any]) -> None:
    """``more`` over ``into``, tables merged key by key (as Hydra composes its configuration)."""
    for key, value in more.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def _set(config: dict[str, Any], key: str, value: str) -> None:
    """Set a dotted key (``model.name=big``) as a command line gives it to a Hydra app."""
    *tables, last = key.split(".")
    for part in tables:
        table = config.get(part)
        if not isinstance(table, dict):
            table = config[part] = {}
        config = table
    config[last] = value


def _hydra_get(config: dict[str, Any], key: str) -> Any:
    value: Any = config
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


_INTERPOLATION = compile_later(r"\$\{([^{}]*)\}")


def _hydra_text(text: str, config: dict[str, Any] | None, depth: int = 0) -> Expr:
    """A configuration text with its ``${a.b}`` parts put in (an unknown part for ``${oc.env:X}``,
    ``${hydra:runtime.cwd}`` and the like)."""
    parts: list[Expr] = []
    last = 0
    for m in _INTERPOLATION.finditer(text):
        parts.append(ex.lit(text[last : m.start()]))
        inner = m.group(1).strip()
        value = _hydra_get(config, inner) if config is not None and ":" not in inner and depth < 5 else None
        parts.append(
            _hydra_text(value, config, depth + 1) if isinstance(value, str)
            else ex.lit(str(value)) if isinstance(value, int | float) and not isinstance(value, bool)
            else ex.UNKNOWN
        )
        last = m.end()
    parts.append(ex.lit(text[last:]))
    return ex.cat(parts)


def _read_config(project: Project, rel: str, kind: str) -> Any:
    """The data in a settings file of the folder (None when it cannot be read)."""
    if kind == "json":
        import json

        try:
            return json.loads(project.read_text(rel) or "null")
        except (ValueError, RecursionError):
            return None
    from sciship import _yaml

    return _yaml.load_file(project, rel)[0]


def _config_expr(value: Any, config: dict[str, Any] | None, depth: int = 0) -> Expr:
    """A value of a settings file as an expression: a text, a number's digits, a constant, a list or a dict
    of them (small ones: a large table is no set of paths); unknown for anything else."""
    if isinstance(value, dict):
        if depth > 4 or len(value) > 64:
            return ex.UNKNOWN
        items = ((k, v) for k, v in value.items() if isinstance(k, str | int) and not isinstance(k, bool))
        return ("dict", tuple((k, _config_expr(v, config, depth + 1)) for k, v in items))
    if isinstance(value, list):
        if depth > 4 or not value or len(value) > ex.MAX_ALTERNATIVES:
            return ex.UNKNOWN
        return ("list", tuple(_config_expr(v, config, depth + 1) for v in value))
    found = _hydra_expr(value, config)
    return found if found is not None else ex.UNKNOWN


def _hydra_expr(value: Any, config: dict[str, Any] | None) -> Expr | None:
    """A configuration value as an expression: a text (its interpolations put in), a number's digits, a
    constant that decides ``if cfg.plot:``, a list of texts; None for anything else."""
    if isinstance(value, bool) or value is None:
        return ("k", repr(value))
    if isinstance(value, int | float):
        return ex.lit(str(value))
    if isinstance(value, str):
        return _hydra_text(value, config)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ("list", tuple(_hydra_text(v, config) for v in value))
    return None


#: endings too common to tell one step's files from another's by them alone
_COMMON_ENDINGS = frozenset(
    {
        "csv", "tsv", "txt", "dat", "json", "yaml", "yml", "xml", "html", "md", "png", "pdf", "svg", "eps",
        "jpg", "jpeg", "tif", "tiff", "gif", "npy", "npz", "pkl", "pickle", "h5", "hdf5", "hdf", "nc", "mat",
        "pt", "pth", "log", "xlsx", "xls", "parquet", "feather", "zip", "gz", "tar", "bed", "fa", "fasta",
        "bam", "vcf", "p", "pk", "sav", "joblib", "out", "bin",
    }
)


def _telling_name(name: str) -> bool:
    """Does a file name with unknown parts still say something: a known word besides its ending
    (`*_model.pt`), or an ending few files have (`*.state_dicts`)?"""
    stem, dot, ending = name.rpartition(".")
    if not dot:
        stem, ending = name, ""
    known = stem.replace(STAR, "").replace(STAR2, "")
    return any(c.isalnum() for c in known) or (bool(ending) and ending.lower() not in _COMMON_ENDINGS)


def _reads_scripts(raw: _Raw) -> bool:
    """Does a read name only Python scripts (a driver's `exec(open(script).read())` of the ones it runs)?"""
    texts = ex.evaluate(raw.use.expr, raw.scope).texts
    return bool(texts) and all(t.endswith(".py") for t in texts)


#: the endings of a file that ``x.write(path)`` names (``write`` alone is mostly a file's text): AnnData's,
#: and astropy tables' (desihub/spectropaper-code: `t.write("dchi2.fits", overwrite=True)` unseen)
_WRITE_METHOD_SUFFIXES = (".h5ad", ".h5mu", ".loom", ".zarr", ".fits", ".fit", ".fits.gz", ".ecsv", ".vot")
def _unpacks(f: _Final) -> bool:
    """Is ``f`` what unpacking an archive may make (``extractall``, ``unpack_archive``: any file there)?"""
    return f.res.raw.use.convention == "tree"


#: the endings of archives (which unpacking another archive, or themselves, does not make)
_ARCHIVES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".7z", ".rar")
#: a word of the command line by its place: ``sys.argv[2]``
_ARGV_INDEX = compile_later(r"\bsys\.argv\[\s*(\d+)\s*\]")
_FROM_SYS_ARGV = compile_later(r"^[ \t]*from[ \t]+sys[ \t]+import[^\n]*\bargv\b", re.MULTILINE)
_BARE_ARGV = compile_later(r"(?<![\w.])argv\b")


def _as_sys_argv(text: str) -> str:
    """The text with ``argv`` written ``sys.argv`` where the script imports it by itself (``from sys import
    argv``; multifacet/0sim-plotting-scripts: `argv[1].split(":")` was no word REPRODUCE.md asked for)."""
    if "argv" in text and _FROM_SYS_ARGV.search(text):
        return _BARE_ARGV.sub("sys.argv", text)
    return text


#: ``name = sys.argv[1]``, ``n = int(sys.argv[2])``, ``a, b = sys.argv[1], sys.argv[2]``, ``a, b =
#: sys.argv[1:3]``: the names a script gives the words of its command line
_ARGV_NAMED = compile_later(
    r"^[ \t]*([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]*=[ \t]*"
    r"((?:[\w.]+\(sys\.argv\[[^\]\n]*\]\)|sys\.argv\[[^\]\n]*\])"
    r"(?:[ \t]*,[ \t]*(?:[\w.]+\(sys\.argv\[[^\]\n]*\]\)|sys\.argv\[[^\]\n]*\]))*)[ \t]*$",
    re.MULTILINE,
)
#: a ``try:`` block whose handler takes an IndexError: the words of the command line it reads may be missing
_ARGV_TRIED = compile_later(
    r"try:[^\n]*\n((?:[ \t]+[^\n]*\n){1,8}?)[ \t]*except[ \t]*\(?[\w., \t]*IndexError"
)
_ARGV_ONE = compile_later(r"(?:[\w.]+\()?sys\.argv\[\s*(\d+)\s*\]\)?")
_ARGV_SLICE = compile_later(r"sys\.argv\[\s*(\d+)\s*:\s*\d*\s*\]")
#: a line at the top level of a script (not in a block) that reads a word of the command line
_ARGV_TOP_LINE = compile_later(r"^[A-Za-z_][^\n]*\bsys\.argv\[[^\n]*", re.MULTILINE)
#: a test of how many words the command line has (``len(sys.argv)``), or a loop or slice over them
_ARGV_COUNTED = compile_later(r"len\(\s*sys\.argv\s*\)|sys\.argv\[\s*\d*\s*:|in\s+sys\.argv\b")


def _plainly_blank(expr: Expr, scope: Scope, depth: int = 0) -> bool:
    """Is ``expr`` the empty text as the code writes it: ``""``, or a parameter or a name of another module
    set to it? Not what a function returns, which sciship may know only in part (ab-diaz/LPS_analysis_code:
    `clean(value)` returns "" or the value, and the caller skips the "")."""
    if expr == ("s", ""):
        return True
    if depth > 5:
        return False
    if expr[0] == "param" and expr[1] in scope.params:
        value, where = scope.params[expr[1]]
        return _plainly_blank(value, where, depth + 1)
    if expr[0] == "ref" and len(expr) == 4 and scope.ref is not None:
        target = scope.ref(expr[1], expr[2], expr[3], depth)
        return target is not None and _plainly_blank(target[0], target[1], depth + 1)
    return False


def _written_namesake(path: str, writers: dict[str, list[str]]) -> str | None:
    """The one file a step writes that ends like ``path`` (its folder and name, else its name), written
    out in full: where a read of a file nothing writes may have meant to look."""
    parts = path.split("/")
    for tail in ("/".join(parts[-2:]), parts[-1]) if len(parts) > 1 else (parts[-1],):
        hits = [w for w in writers if (w == tail or w.endswith("/" + tail)) and not ex.has_unknown(w)]
        if len(hits) == 1 and hits[0] != path:
            return hits[0]
        if hits:
            return None
    return None


def _cpus() -> int:
    from sciship._fork import cpus

    return cpus()


#: the calls that move a file (what they read is gone after them)
_MOVES = frozenset({"rename", "replace", "move", "renames"})


def _takes_tuples(exprs: tuple[Expr, ...]) -> bool:
    """Does one of ``exprs`` hold a name of a loop over tuples (``("unpack", ...)``)? (A look at the text
    of the arguments first: most calls have none, and a walk of each costs more.)"""
    return "'unpack'" in repr(exprs)


def _above(base: str, folder: str) -> bool:
    """Is ``base`` the folder ``folder`` or one that holds it ("" holds every folder)?"""
    return not base or folder == base or folder.startswith(base + "/")


#: a line of R, MATLAB, Julia or IDL code that reads a file (``read_tsv(``, ``readRDS(``, ``load(``,
#: ``openr,``) and writes none: the file it names is not made there
_READS_LINE = compile_later(
    r"\b(?:read[\w.]*|fread|load[\w.]*|import\w*|imread|textscan|h5read|ncread|csvread|dlmread|xlsread|scan|"
    r"source|open(?:r|u)?)\s*[(,]|\bopenr\b",
    re.IGNORECASE,
)
_WRITES_LINE = compile_later(
    r"write|save|sink|dump|export|openw|print|ggsave|to_\w+\(|\bcp\b|>", re.IGNORECASE
)


#: a README line about where data comes from, and a DOI or URL on it (see `_Tracer._data_source`)
_DATA_LINE = compile_later(
    r"download|dataset|\bdata\b|zenodo|figshare|osf\.io|dryad|dataverse|weights|release", re.IGNORECASE
)
#: a README line about the code itself (its DOI, its archive), not about data
_CODE_WORDS = compile_later(r"\b(?:code|software|scripts?|repository|repo)\b", re.IGNORECASE)
_DATA_WORDS = compile_later(r"\bdata|\bdownload|\binputs?\b|\bweights\b|\bresults\b", re.IGNORECASE)
_SOURCE_URL = compile_later(r"https?://[^\s)\]>\"'`]+|\b10\.\d{4,9}/[^\s)\]>\"'`]+")


#: DOI prefixes of data repositories: Zenodo, figshare, OSF, Dryad, Harvard Dataverse, Mendeley Data, PANGAEA
_DATA_DOIS = ("10.5281/", "10.6084/", "10.17605/", "10.5061/", "10.7910/", "10.17632/", "10.1594/")
#: hosts (and their parts) that keep data sets and files to download
_DATA_HOSTS = (
    "zenodo.org", "figshare.com", "osf.io", "datadryad.org", "dataverse", "data.mendeley.com",
    "drive.google.com", "dropbox.com", "box.com", "huggingface.co/datasets", "kaggle.com/datasets",
    "ncbi.nlm.nih.gov/geo", "ebi.ac.uk/", "openneuro.org", "physionet.org", "pangaea.de",
)  # fmt: skip
_ARCHIVE_URL = compile_later(
    r"\.(?:zip|tar|tgz|gz|bz2|xz|7z|h5|hdf5|npz|npy|mat|csv|tsv|nc|pth?|ckpt)(?:\?|$)"
)


def _data_place(url: str) -> bool:
    """Is ``url`` a place that holds data to download: a data repository's DOI or site, a file share, a
    GitHub release, a `data.` host, a file's own link? Not a paper, a tool's page or a package index
    (the paper DOIs, PyPI and Anaconda links a README names beside its data: 18 of 40 folders)."""
    low = url.lower()
    after = low.split("://", 1)[-1]
    if after.startswith(("doi.org/", "dx.doi.org/")):
        return after.split("/", 1)[1].startswith(_DATA_DOIS)
    host = after.split("/", 1)[0]
    return (
        any(h in after for h in _DATA_HOSTS)
        or host.startswith("data.")
        or ("github.com/" in after and "/releases" in after)
        or "download=1" in low
        or _ARCHIVE_URL.search(after.split("#", 1)[0]) is not None
    )


#: the query of a signed, temporary download link (a publisher's CDN, S3): `Expires=1616302324&Signature=`
_SIGNED = compile_later(r"(?i)[?&](?:expires|signature|x-amz-signature|x-amz-expires|key-pair-id)=")
_EXPIRES = compile_later(r"(?i)[?&]expires=(\d{9,11})(?:&|$)")


def _shown_place(url: str) -> str:
    """A download place as a message shows it: a signed, temporary link (tomsasani/bxd_mutator_manuscript's
    README: a 600-character journal link with `Expires=...&Signature=...`, printed in full under each of
    four problems) without its signature, and said to be temporary, with the date it was signed to work
    until when it says one."""
    if _SIGNED.search(url) is None:
        return url
    import datetime as dt

    bare = url.split("?", 1)[0]
    m = _EXPIRES.search(url)
    if m is not None:
        until = dt.datetime.fromtimestamp(int(m.group(1)), tz=dt.timezone.utc).date().isoformat()
        return f"{bare}, a temporary link signed to work until {until}"
    return f"{bare}, a temporary signed link that may no longer work"

#: the end of a link's file name that makes it a page or an archive of many files, not one file
_NOT_ONE_FILE = compile_later(
    r"\.(?:zip|tar|tgz|tar\.gz|tar\.bz2|tar\.xz|tbz2?|txz|7z|rar|html?|php|aspx?|jsp|cgi)$", re.IGNORECASE
)


def _url_file(url: str) -> str | None:
    """The name of the one file a link downloads (`https://raw.githubusercontent.com/.../coregene.csv`), or
    None for a DOI, a record's or folder's page, or an archive of many files."""
    after = url.split("://", 1)[-1].split("#", 1)[0].split("?", 1)[0].rstrip("/")
    if "/" not in after or after.lower().startswith(("doi.org/", "dx.doi.org/")):
        return None
    name = after.rsplit("/", 1)[-1]
    if not re.search(r"\.[A-Za-z][A-Za-z0-9]{0,5}$", name) or _NOT_ONE_FILE.search(name):
        return None
    return name


def _source_for(path: str, sources: list[tuple[str, str]]) -> tuple[str, str] | None:
    """Of the places a README gives, where ``path`` may come from: a link to a file of its name (or that
    name compressed, `x.csv.gz`), else the first place that is not a link to another file (scHF_rna's
    README fetched one table, `wget .../coregene_df-FALSE-v3.csv`, and six other missing inputs, ATAC
    peaks among them, were said to come from there). A pattern fits a file's link only by a name it
    spells out beyond its extension (`peaks_*.csv`, not `*` or `*.csv`)."""
    name = path.rsplit("/", 1)[-1]
    named = not ex.has_unknown(name) or ex.informative(re.sub(r"\.[A-Za-z0-9]+$", "", name))
    general = None
    for rel, url in sources:
        file = _url_file(url)
        if file is None:
            general = general or (rel, url)
            continue
        if not named:
            continue
        stem = file.rsplit(".", 1)[0] if file.lower().endswith((".gz", ".bz2", ".xz")) else file
        if ex.matches(name, file) or ex.matches(name, stem):
            return rel, url
    return general


def _from_source(source: tuple[str, str], it: str, fix: str = "if the path is wrong, fix it.") -> str:
    """What to do about a missing input a README by it may say where to get (``it`` is "it" for one file,
    "them" for the files a pattern matches)."""
    readme, url = source
    subject = "it comes" if it == "it" else "they come"
    return (
        f"`{readme}` gives a place to download from ({url}): if {subject} from there, nothing is missing "
        f"but the download (REPRODUCE.md lists {it} among the inputs to get first); else add "
        f"{'the file' if it == 'it' else 'them'}; {fix}"
    )


def _named_in_code(text: str, name: str, *, makers: bool = False) -> bool:
    """Is ``name``, whole, in a line of ``text`` that is not a comment (``#``, ``%``, ``//``)? (ShiuLab/
    Manuscript_Code: "`predict_BGLR.R` names it", on a commented-out line of another paper's folder;
    zouter/ChromatinHD_manuscript: of `fragments.tsv`, an R file that names `atac_fragments.tsv.gz`).
    With ``makers``, not in a line that plainly only reads it (`read_tsv("loops.tsv")`: cleopatra's
    Rmd, egnerney's IDL `openr`, 250 hints that named a reader as the maker)."""
    at = text.find(name)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = at + len(name)
        # (the whole name, not the end of another: `atac_fragments.tsv.gz` names no `fragments.tsv`)
        whole = (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_.-")) and (
            end == len(text) or not (text[end].isalnum() or text[end] in "_.")
        )
        if whole and not text[start:at].lstrip().startswith(("#", "%", "//")):
            stop = text.find("\n", end)
            line = text[start : stop if stop >= 0 else len(text)]
            if not (makers and _READS_LINE.search(line) and not _WRITES_LINE.search(line)):
                return True
        at = text.find(name, end)
    return False


def _distance(folder: str, file: str) -> int:
    """Folders between ``folder`` and ``file``'s folder (up, then down): how near a module is."""
    a = [p for p in folder.split("/") if p]
    b = [p for p in posixpath.dirname(file).split("/") if p]
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return (len(a) - common) + (len(b) - common)


_ENDS: dict[str, tuple[str, str, bool]] = {}


def _name_ends(path: str) -> tuple[str, str, bool]:
    """The known start and end of a path's file name, and whether the name has unknown parts."""
    found = _ENDS.get(path)
    if found is None:
        name = path.rsplit("/", 1)[-1]
        if STAR2 in name:
            found = ("", "", True)
        elif STAR in name:
            found = (name[: name.find(STAR)], name[name.rfind(STAR) + 1 :], True)
        else:
            found = (name, name, False)
        _ENDS[path] = found
    return found


def _names_may_meet(a: tuple[str, str, bool], b: tuple[str, str, bool]) -> bool:
    """Can the file names of two paths be the same? (a cheap test before the full one)"""
    if not a[2] and not b[2]:
        return a[0] == b[0]
    return (a[0].startswith(b[0]) or b[0].startswith(a[0])) and (a[1].endswith(b[1]) or b[1].endswith(a[1]))


def _loop(start: str, comp: set[str], edges: dict[str, set[str]]) -> list[str]:
    """A shortest circle from ``start`` back to it inside a strongly connected group: [start, ..., start]."""
    from collections import deque

    back: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(edges[node] & comp):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(back[path[-1]])
                return [start, *reversed(path[:-1]), start] if node != start else [start, start]
            if nxt not in back:
                back[nxt] = node
                queue.append(nxt)
    return [start, start]


def _companions(paths: Iterable[str]) -> list[str]:
    """A file a command may make, and the files such tools write next to it, named after it
    (``-o compare-demo`` also makes ``compare-demo.labels.txt``; ``-o peaks`` makes ``peaks_venn``)."""
    out = []
    for path in paths:
        out.append(path)
        # (not of a name with unknown parts: `**/*.pairs.gz_*` "made" any pattern read with a `_` in
        # it, jjusuf2/AbsQuant_analysis_code's missing `data/bigwig_signal_at_anchors/*` among them)
        name = path.rsplit("/", 1)[-1]
        if STAR not in name and STAR2 not in name:
            out += [path + "." + STAR, path + "_" + STAR]
    return out


def _named(path: str) -> bool:
    """Does the path's file name have known text (not only unknown parts and an extension)? What one
    step may make under an unknown name (a download, an unpacked archive) says nothing to other steps."""
    name = path.rsplit("/", 1)[-1]
    return any(c.isalnum() for c in name.rsplit(".", 1)[0].replace(STAR, "").replace(STAR2, ""))


def _vague(path: str) -> bool:
    """Too little known to connect steps: an unknown folder and a file name that is only an extension."""
    if not path.startswith(STAR2):
        return False
    name = path.rsplit("/", 1)[-1]
    return not any(c.isalnum() for c in name.rsplit(".", 1)[0].replace(STAR, "").replace(STAR2, ""))


# ---------------------------------------------------------------------- an early start
#: an extraction started by :func:`prefetch`: (project, the child, items, how they are split); one at a time
_PREFETCH: list[tuple[Project, Any, list[tuple[str, str]], Any]] = []
#: the tracer :func:`prefetch` made, with the cache it read: :func:`run` goes on with it rather than
#: reading the cache a second time
_READY: list[tuple[Project, _Tracer]] = []
#: start the early extraction when this much text (characters) is not in the cache: below it the child
#: has too little to do to pay for itself (forking costs a millisecond or two; a research folder's 87 KB
#: of scripts took 45 ms to extract, all of it now beside the import analysis)
PREFETCH_MIN_CHARS = 20_000
#: with everything cached, start the child anyway (it then traces the whole folder beside the import
#: analysis) when the cache file is this large: decoding it and building the graph cost about 0.3 ms per
#: KB (a research folder's 250 KB took 75 ms); a small one costs less than the fork
EARLY_TRACE_MIN_BYTES = 64_000


def prefetch(project: Project) -> None:
    """Start the data flow's work in a forked process now: on a cold cache, reading the files' facts;
    then, when the child has done all of that itself, the whole trace.

    ``share`` calls this before the dependency analysis, so that the trace's work runs on a second CPU
    meanwhile; :func:`~sciship.flow.trace` then takes what the child made. The child takes the files from
    the costliest, and this process, once its analysis is done, from the cheapest
    (:class:`~sciship._fork.Split`), until they meet; the package modules the steps import
    (:func:`_library_used`) are among them. A child that took every file (this process was still busy)
    goes on to trace the folder and sends the finished flow: the graph is then built beside the import
    analysis too. With a warm cache there is nothing to extract, and the child only traces (when the
    cache is large enough to pay for the fork: :data:`EARLY_TRACE_MIN_BYTES`). Does nothing with fewer
    than 2 CPUs, when threads run (no fork after threads), or on any error.
    """
    from sciship._fork import Forked, Split, can_fork

    if _PREFETCH:
        return
    kept = _stored.look(project)
    if kept is not None or _cpus() < 2 or not can_fork():
        return  # (with the kept flow, there is nothing to do)
    try:
        tracer = _Tracer(project, use_cache=True)
        items = []
        library: dict[str, str] = {}  #: modules of an import package without a main block, by path
        for rel in tracer.candidates():
            text = tracer._to_extract(rel)
            if text is not None and (rel not in tracer.in_package or "__main__" in text):
                items.append((rel, text))
            elif text is not None:
                library[rel] = text
        _READY[:] = [(project, tracer)]
        cold = bool(items) and sum(len(text) for _, text in items) >= PREFETCH_MIN_CHARS
        if not cold and tracer.stored_bytes < EARLY_TRACE_MIN_BYTES:
            return  # a little to extract and a small cache: this process is quicker alone
        if library:
            items += _library_used(tracer, items, library)
        items.sort(key=lambda item: -_cost(*item))
        split = Split(len(items))
        _FORKED[:] = [(tracer, items)]
        child = Forked(_early_work, split)
        _PREFETCH.append((project, child, items, split))
    except Exception:  # the trace reads everything itself later
        cancel_prefetch()
    finally:
        _FORKED.clear()


#: before the word ``import``: ``from X`` (the module of a ``from X import a, b``)
_FROM_BEFORE = compile_later(r"\bfrom[ \t]+(\.*[\w.]*)[ \t]+$")
#: after the word ``import``: the names of a ``from``-import, or the modules of an ``import``
_NAMES_AFTER = compile_later(r"[ \t(]+(\w[\w \t,.]*)")
_MODULES_AFTER = compile_later(r"[ \t]+(\w[\w.]*(?:[ \t]*,[ \t]*\w[\w.]*)*)")


def _imports_named(text: str) -> Iterator[tuple[str, int]]:
    """(module, level) of every import the text spells out, in a script or in a notebook's JSON (found
    from each word ``import``: a pattern searched at every character cost 0.2 s on 16 MB of notebooks)."""
    at = text.find("import")
    while at >= 0:
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            before = _FROM_BEFORE.search(text, max(0, at - 200), at)
            if before is not None:
                base = before.group(1)
                module = base.lstrip(".")
                level = len(base) - len(module)
                yield module, level
                names = _NAMES_AFTER.match(text, at + 6)
                if names is not None:
                    for part in names.group(1).split(","):
                        if part.split():
                            yield (f"{module}.{part.split()[0]}" if module else part.split()[0]), level
            else:
                modules = _MODULES_AFTER.match(text, at + 6)
                if modules is not None:
                    for name in modules.group(1).split(","):
                        yield name.strip(), 0
        at = text.find("import", at + 6)


def _library_used(
    tracer: _Tracer, items: list[tuple[str, str]], library: dict[str, str]
) -> list[tuple[str, str]]:
    """The library modules (see :meth:`_Tracer.load_all`) the items import, and those these import: the
    trace reads them when it follows a step into them, so the early child extracts them too. Found from
    the import lines' text: a module this misses, the trace extracts itself (a wrong guess costs time,
    never a different answer)."""
    found: dict[str, str] = {}
    queue = list(items)
    while queue:
        rel, text = queue.pop()
        for module, level in _imports_named(text):
            target = tracer.module_file(module, level, rel) if module or level else None
            if target is not None and target in library and target not in found:
                found[target] = library[target]
                queue.append((target, library[target]))
    return list(found.items())


def _early_work(split: Any) -> tuple[str, Any, Any]:
    """In the early child: the facts of the items it takes, costliest first, with their index,
    ``("facts", [(index, facts), ...], None)``; when it took every item (the parent none), the whole
    flow instead, with the problems the project met reading files meanwhile: ``("flow", flow,
    problems)``. The trace writes the facts to the cache itself then."""
    tracer, items = _FORKED[0]
    out = []
    while (i := split.front()) is not None:
        out.append((i, tracer._extract(items[i][0], items[i][1], False)))
    if split.taken_from_back() == 0:
        known = len(tracer.p.problems)
        tracer.early.update((items[i], facts) for i, facts in out)
        with contextlib.suppress(Exception):  # else the parent traces: it has the facts
            return "flow", tracer.run(), tracer.p.problems[known:]
    return "facts", out, None


def _cost(rel: str, text: str) -> float:
    """About how long extracting a file takes, in characters of a script: most of a notebook's text is
    its outputs and JSON, which cost little next to parsing code (a research folder's 7 MB of notebooks
    took 0.07 s, its 0.6 MB of scripts 0.45 s)."""
    return len(text) * (0.05 if rel.endswith(".ipynb") else 1.0)


def _take_prefetch(project: Project, tracer: _Tracer) -> Flow | dict[tuple[str, str], Facts]:
    """What the early child of ``project`` made: the finished flow, or the facts of the shared files. This
    process extracts from the smallest up until it meets the child, then takes the child's (a child
    that died leaves its items to this process); ``tracer.shared`` then says that a child shared them."""
    if not _PREFETCH or _PREFETCH[0][0] is not project:
        return {}
    _, child, items, split = _PREFETCH[0]
    found: dict[tuple[str, str], Facts] = {}
    LAST_SPLIT[:] = [0, 0]
    tracer.shared = True
    collecting = gc.isenabled()
    gc.disable()  # the extraction makes many objects and no garbage cycles: collecting only costs here
    try:
        while (j := split.back()) is not None:
            found[items[j]] = tracer._extract(items[j][0], items[j][1], False)
        LAST_SPLIT[0] = len(found)
        try:
            kind, theirs, problems = child.result()
        except Exception:  # the child died: what it had taken is extracted by the caller
            kind, theirs, problems = "facts", [], None
        if kind == "flow":  # it took every file and traced the folder
            LAST_SPLIT[1] = len(items) - len(found)
            project.problems.extend(p for p in problems if p not in project.problems)
            return cast(Flow, theirs)
        LAST_SPLIT[1] = len(theirs)
        for i, facts in theirs:
            found.setdefault(items[i], facts)  # met in the middle: both did one, the same
    finally:
        if collecting:
            gc.enable()
        _PREFETCH.clear()
    return found


#: how many of the shared files this process and the early child extracted, the last time; for tests
LAST_SPLIT = [0, 0]
#: which process built the last flow (see :data:`sciship.flow._stored.LAST_TRACED`, the same list)
LAST_TRACED = _stored.LAST_TRACED


def will_parse(project: Project) -> frozenset[str]:
    """The ``.py`` files the early child of ``project`` and this process share out (see :func:`prefetch`),
    or that the kept flow parsed: the trace gives their syntax verdict."""
    kept = _stored.looked(project)
    if kept is not None:
        return frozenset(rel for rel in kept[0].parsed if rel.endswith(".py"))
    if not _PREFETCH or _PREFETCH[0][0] is not project:
        return frozenset()
    return frozenset(rel for rel, _text in _PREFETCH[0][2] if rel.endswith(".py"))


def cancel_prefetch() -> None:
    """Stop an early extraction nobody took."""
    for _, child, _items, _split in _PREFETCH:
        child.cancel()
    _PREFETCH.clear()
    _READY.clear()
    _stored.forget()
