"""The data flow of a research folder: which script or notebook reads which files and writes which.

Static only: nothing of the user's code is imported or run. :func:`trace` is the entry point; ``share``,
``adopt`` (its notes on paths) and the ``share`` check family all use the same :class:`Flow`.

Every path in a :class:`Flow` is relative to the project root, with ``/`` separators (absolute paths and
paths outside the folder are only in :attr:`Flow.external`, the uses and the problems). A path with
unknown parts (an f-string, ``format``) is a *pattern* with ``*`` for each unknown part inside a name
(``results/run_*.npy``) and ``**`` for unknown folders (``**/k.npy``).

How it works: :mod:`._extract` reads each file's facts with ``ast`` (only what can touch files is
searched) and :mod:`._cache` keeps them by content in the user's cache folder; :mod:`._trace` resolves
them across files (constants and functions of the folder's own modules), picks the steps and their
working folders, and builds the graph, the run order and the problems. The rules are written out in
in the docstring of :mod:`._trace`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from sciship.project import Project

StepKind = Literal["script", "notebook"]
Access = Literal["read", "write"]
#: where a path points: inside the folder, an absolute path, a relative path that leaves the folder, or a
#: place of whoever runs the code that is never shared and never a problem ("scratch": a temporary folder
#: (``tempfile``, ``/tmp``), a cache or settings folder in the home folder (``~/.cache``, ``~/.config``,
#: any ``~/.name``, ``platformdirs`` user folders))
Location = Literal["folder", "absolute", "outside", "scratch"]

#: Codes of the problems :func:`trace` reports; the ``share`` check family (SHR1xx) reports them in
#: ``sciship check``, with the same codes.
PROBLEM_CODES: dict[str, str] = {
    "SHR110": "an input that no step writes and that is not in the folder",
    "SHR111": "an absolute path that will not exist on another computer",
    "SHR112": "a path that leaves the folder",
    "SHR113": "two steps write the same file (the last one run wins)",
    "SHR114": "steps that depend on each other in a circle",
    "SHR115": "a notebook whose cells were run out of order",
    "SHR116": "a notebook whose saved outputs are stale",
    "SHR117": "a script or notebook sciship could not read, so what it reads and writes is unknown",
    "SHR118": "a folder with no Python scripts or notebooks",
}


@dataclass(frozen=True)
class PathUse:
    """One file a step reads or writes, where the code says so."""

    path: str  #: relative to the root (or as written, for an absolute path or one that leaves the folder)
    access: Access
    source: str  #: the script or notebook, relative to the root
    line: int  #: line in the script, or in the notebook cell
    call: str  #: the call as written, e.g. ``np.save`` or ``open``
    pattern: bool = False  #: the path has unknown parts, written as ``*`` (``**`` may span folders)
    cell: int | None = None  #: notebook code cell index (0-based), None for scripts
    location: Location = "folder"
    written: str = ""  #: the path as the code builds it, before the working folder is applied
    via: str | None = None  #: ``helper.py:12`` when the call sits in a function of another file
    #: a read that need not find its file: inside ``try:`` with a handler for a missing file, after an
    #: existence check (``if os.path.exists(p):``, ``if not p.exists(): return``), or of a file the same
    #: step writes (a cache). Never a missing input, an absolute path or a path leaving the folder.
    optional: bool = False


@dataclass(frozen=True)
class Step:
    """One script or notebook of the folder: the files it reads and writes, and its place in the run order."""

    path: str
    kind: StepKind
    order: int  #: 1-based position in the run order
    reads: tuple[str, ...] = ()  #: inside the folder (absolute and outside paths are in ``Flow.external``)
    writes: tuple[str, ...] = ()
    after: tuple[str, ...] = ()  #: steps whose outputs this one reads, in run order
    workdir: str = ""  #: the folder it runs from, relative to the root ("" is the root itself)
    #: the words a run needs after the script's name: what a Makefile, shell script or the README gives
    #: it, else a placeholder for each option it must be given (``--data-dir DATA_DIR``)
    arguments: tuple[str, ...] = ()
    fill_in: tuple[str, ...] = ()  #: the placeholders among ``arguments``, for the reader to replace
    argv_words: int = 0  #: how many of ``fill_in``, the first ones, are words of the script's ``sys.argv``
    #: a folder Python must also import from (relative to ``workdir``): the script imports a module of the
    #: folder that sits there, not beside it (``"."``: the top of the folder; "" for none)
    python_path: str = ""
    #: the folder's shell scripts, Makefiles or Python drivers that run it, and how many times in all, when
    #: more than once (with other arguments each time: ``arguments`` are the first run's); ``runs`` 1: one
    #: command in a loop, whose words the loop gives (the placeholders of ``arguments``); ``runs`` 0 with
    #: ``run_by``: one command, whose words come from variables sciship cannot know
    run_by: tuple[str, ...] = ()
    runs: int = 0
    #: the Snakefile (or ``.smk`` file) whose rule runs the script with its ``script:`` directive: Snakemake
    #: gives it its files (``snakemake.input``), so it runs only through ``snakemake`` ("" for none)
    snakefile: str = ""
    #: a script in Python 2, which Python 3 cannot parse (its SHR117 problem says where): it runs with
    #: ``python2``, and what it reads and writes is unknown
    python2: bool = False
    #: what the script asks whoever runs it to type (``input("Data file: ")``): its prompts ("" for one the
    #: code builds); a run waits for the answers
    asks: tuple[str, ...] = ()


@dataclass(frozen=True)
class FlowProblem:
    """One problem with the data flow (an ``SHR1xx`` code), with the file and place it is about."""

    code: str  #: one of :data:`PROBLEM_CODES`
    message: str  #: plain words, for a first-year PhD student
    path: str
    line: int | None = None
    cell: int | None = None  #: notebook code cell index (0-based); ``line`` is then inside that cell
    #: for an absolute path or one that leaves the folder (SHR111, SHR112): the path as the code writes
    #: it, and whether the step reads or only writes it (:mod:`sciship.flow.groups` gathers them by folder)
    target: str = field(default="", compare=False)
    access: Access | None = field(default=None, compare=False)
    #: for an absolute path (SHR111): the file of this folder it names ("" for none), as the folder
    #: sits on the author's computer (``/Users/ana/GitHub/study/data/x.csv`` -> ``data/x.csv``)
    inside: str = field(default="", compare=False)
    #: for an absolute path (SHR111): where the folder's scripts set the folder it lies under, once, at the
    #: top of a module (``global_settings.py:7 (`data_root_dir`)``; "" when none does)
    set_in: str = field(default="", compare=False)
    #: for a missing input (SHR110): a README by it that gives a place to download from, and that place
    #: (``("data/README.md", "https://doi.org/10.5281/zenodo.1")``), or None
    source: tuple[str, str] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Flow:
    """The data flow of a folder: its steps in run order, the files they read and write, and the problems."""

    steps: tuple[Step, ...] = ()
    inputs: tuple[str, ...] = ()  #: files read and never written (in the folder or missing)
    outputs: tuple[str, ...] = ()  #: files written by some step
    problems: tuple[FlowProblem, ...] = ()
    uses: tuple[PathUse, ...] = field(default=(), repr=False)  #: every read and write, with its place
    missing: tuple[str, ...] = ()  #: inputs that are not in the folder (each has an SHR110 problem)
    #: absolute paths and paths outside the folder, as written (not "scratch" places)
    external: tuple[str, ...] = ()
    #: the ``.py`` files whose whole text Python's parser accepted while they were read for this flow
    #: (not those whose facts came from the cache)
    parsed: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    #: some steps' order comes from the order a shell script, Makefile, README or driver runs them (no file
    #: that one writes and the other reads says it)
    sequenced: bool = False
    #: scripts whose run does nothing but raise ``NotImplementedError`` (not written yet): no steps, and
    #: REPRODUCE.md says so (not in ``--format json``)
    stubs: tuple[str, ...] = ()

    def step(self, path: str) -> Step | None:
        """The step for a script or notebook, by its path relative to the root."""
        return next((s for s in self.steps if s.path == path), None)


#: what a file named like a test (``test_*.py``, ``*_test.py``) holds when it is a test: pytest or unittest
#: imported, or ``assert`` in its top level (a test run as a script); or a test function or class, unless
#: the file runs itself (``if __name__ == "__main__":``) and asserts nothing
#: (zerbeln/PhD_Dissertation_Counterfactuals' `test_acg.py` evaluates trained policies in its
#: `test_acg(config)` and writes the results the plots read). A research folder's
#: ``permutation_test.py`` is the statistical test, a helper; ``test_model.py`` may evaluate a model:
#: steps like any other script
_TEST_CODE = rb"^(?:[ \t]*(?:@pytest\b|(?:from|import)[ \t]+(?:pytest|unittest)\b)|assert\b)"
_TEST_DEF = rb"^[ \t]*(?:(?:async[ \t]+)?def[ \t]+test|class[ \t]+Test)"
_RUNS_ITSELF = rb"^if[ \t]+__name__[ \t]*==[ \t]*['\"]__main__['\"]"


def is_test(project: Project, rel: str) -> bool:
    """Is the ``.py`` file ``rel`` a test that pytest or unittest runs: named like one, and holding tests
    (an unreadable one counts as a test)? Neither a step of the data flow nor research content."""
    name = rel.rsplit("/", 1)[-1]
    if not (name.startswith("test_") or name.endswith("_test.py")):
        return False
    import re

    data = project.read_bytes(rel)
    return (
        data is None
        or re.search(_TEST_CODE, data, re.MULTILINE) is not None
        or (
            re.search(_TEST_DEF, data, re.MULTILINE) is not None
            and (re.search(_RUNS_ITSELF, data, re.MULTILINE) is None or b"assert" in data)
        )
    )


#: a folder whose name says it keeps old or unused versions (`older/`, `archive/`, `old_scripts/`)
_OLD_FOLDER = (
    r"(?i)(?:^|[-_ .])(?:old|older|archived?|deprecated|obsolete|unused|legacy|backups?|attic|outdated)"
    r"(?:$|[-_ .])"
)


def set_aside(path: str) -> bool:
    """Is ``path`` in a folder whose name says it holds old or unused versions (``older/``, ``archive/``)?
    Such a step comes after the others in the run order, where nothing decides (RichardSear/
    DP_trapping_codes: `older/fig3_Jan26.py` came before the figures its Makefile makes)."""
    import re

    return any(re.search(_OLD_FOLDER, part) is not None for part in path.split("/")[:-1])


def prefetch(project: Project) -> None:
    """Start reading the files' facts in a second process now (cold cache, 2+ CPUs); :func:`trace` takes
    them. Call it before other slow work on the same snapshot (``share`` before the dependency analysis).
    With the last run's flow kept and nothing it was made from changed, there is nothing to start (and the
    tracer is not even imported). On a small folder, the child traces the whole folder (:func:`_early`)."""
    from sciship.flow import _stored

    if _stored.look(project) is not None or _early(project):
        return
    from sciship.flow._trace import prefetch as start

    start(project)


#: at most this much work (:func:`_work`) and a forked child traces the whole folder while this process
#: does the rest (the import analysis, the metadata), with no tracer imported here; more, and both
#: processes share the files out (:func:`sciship.flow._trace.prefetch`), which pays when the extraction
#: costs more than this process's other work. Measured on the benchmark folders (benchmarks/share_speed.py)
WHOLE_IN_CHILD_MAX = 60_000
#: the child tracing the whole folder, for its project (see :func:`_early`)
_WHOLE: list[tuple[Project, Any]] = []


def _work(project: Project) -> float:
    """About how much the trace has to do: characters of scripts, and a twentieth of the notebooks' (most
    of a notebook is outputs and JSON, cheap next to parsing code)."""
    total = 0.0
    for rel in project.python_files():
        data = project.read_bytes(rel)
        total += len(data) if data is not None else 0
    for rel in project.notebooks():
        data = project.read_bytes(rel)
        total += 0.05 * len(data) if data is not None else 0
    return total


def _early(project: Project) -> bool:
    """On a first run over a small folder, with a second CPU: fork a child that traces the whole folder
    (importing the tracer there: 35 ms this process spends on other work meanwhile); :func:`trace` takes
    its flow. False when it started none (too much work for one child, one CPU, threads, or any error)."""
    from sciship import _fork

    if _WHOLE:
        return _WHOLE[0][0] is project
    try:
        if _fork.cpus() < 2 or not _fork.can_fork() or _work(project) > WHOLE_IN_CHILD_MAX:
            return False
        _WHOLE.append((project, _fork.Forked(_whole_trace, project)))
    except Exception:  # (the trace runs here later)
        return False
    return True


def _whole_trace(project: Project) -> tuple[Flow, list[Any]]:
    """In the child: the flow of the whole folder, and the problems its reading met."""
    from sciship.flow._trace import run

    known = len(project.problems)
    return run(project), project.problems[known:]


def _take_whole(project: Project) -> Flow | None:
    """The flow the child of :func:`_early` traced for ``project``; None when there is none (no child, or
    it failed: the trace then runs here)."""
    if not _WHOLE or _WHOLE[0][0] is not project:
        return None
    child = _WHOLE.pop()[1]
    try:
        flow, problems = child.result()
    except Exception:
        return None
    project.problems.extend(p for p in problems if p not in project.problems)
    return flow  # type: ignore[no-any-return]


def cancel_whole() -> None:
    """Stop the child of :func:`_early` when nobody will take its flow."""
    while _WHOLE:
        _WHOLE.pop()[1].cancel()


def will_parse(project: Project) -> frozenset[str]:
    """The ``.py`` files the data flow of ``project`` will parse (those :func:`prefetch` shares out, or
    that the kept flow parsed): their :attr:`Flow.parsed` verdict comes at no extra cost."""
    import sys

    from sciship.flow import _stored

    kept = _stored.looked(project)
    if kept is not None:
        return frozenset(rel for rel in kept[0].parsed if rel.endswith(".py"))
    if _WHOLE and _WHOLE[0][0] is project:  # (those it does not parse are checked after it)
        return frozenset(project.python_files())
    tracer = sys.modules.get("sciship.flow._trace")  # (nothing was shared out if it was never imported)
    return tracer.will_parse(project) if tracer is not None else frozenset()


def trace(project: Project, *, cache: bool = True) -> Flow:
    """The data flow of ``project``, computed once per snapshot (``project.memo("flow")``).

    Never raises on bad input: unreadable files and folders without code give problems instead.
    ``cache=False`` ignores (and does not write) the per-file cache in the user's cache folder.
    """

    def compute() -> Flow:
        if cache:
            from sciship.flow import _stored

            kept = _stored.claim(project)
            if kept is not None:  # the last run's, nothing it was made from changed
                flow, problems = kept
                project.problems.extend(p for p in problems if p not in project.problems)
                _stored.LAST_TRACED[0] = "kept"
                return flow
            early = _take_whole(project)
            if early is not None:
                _stored.LAST_TRACED[0] = "child"
                return early
        cancel_whole()
        from sciship.flow._trace import run

        return run(project, use_cache=cache)

    return project.memo("flow", compute)  # type: ignore[no-any-return]
