"""Notebooks: their code cells (IPython magics removed, line numbers kept) and how they were last run.

A notebook's saved outputs are trustworthy when it was run once from the top, as Jupyter's "Restart
Kernel and Run All Cells" does: the execution counts of its code cells are then exactly 1, 2, 3, ... in
the order of the cells. sciship reports:

- **run out of order** (SHR115): a code cell's count is smaller than the count of the code cell
  above it;
- **stale outputs** (SHR116), for a notebook whose counts do increase: the counts have gaps or do not
  start at 1 (cells were run again, or run and then deleted, so what is saved is not one run from the
  top), two cells show the same count (a cell copied or split after it ran), or a non-empty code cell
  was never run while cells below it were.

A notebook that was never run (no counts at all, as after "Clear All Outputs") has neither problem.
"""

from __future__ import annotations

import ast
import itertools
import json
import keyword
import re
from typing import Any

from sciship._jupyter import IPYTHON_LINE, LFS_MESSAGE, LFS_POINTER, dedent_cell
from sciship._jupyter import language as notebook_language
from sciship._regex import compile_later
from sciship.flow._expr import STAR, STAR2, UNKNOWN, Expr, cat, lit
from sciship.flow._facts import SHELL_CALL, Facts, LocalTest, Use

_CELL_MAGIC_KEEP = frozenset({"time", "timeit", "capture", "prun", "debug", "memit", "noprun"})
_CD = compile_later(r"^\s*%cd\s+(?:-\w+\s+)*(['\"]?)(.+?)\1\s*$")
_HELP = compile_later(r"^\s*[\w.]+\?\??\s*$|^\s*\?")
_ASSIGN_SHELL = compile_later(r"^\s*[\w, ]+=\s*[%!]")
#: ``%run helpers.py`` (or ``%run lib/helpers.py``), a file of the project given no words: it runs in the
#: notebook's process, whose names are then the notebook's own
_RUN_FILE = compile_later(r"^%run\s+(?:\./)?([A-Za-z_]\w*(?:/[A-Za-z_]\w*)*)\.py\s*$")


def extract_notebook(
    text: str, path: str, *, local: LocalTest | None = None, papermill: list[tuple[str, ...]] | None = None
) -> Facts:
    """Facts of a notebook (never raises: unreadable notebooks give a problem instead). ``papermill``: the
    words after the notebook of each ``papermill`` command that runs it (see :func:`_papermill_code`)."""
    facts = Facts(path, "nb")
    if not text or text.isspace():  # (not `text.strip()`: that copied the whole notebook)
        facts.problems.append(
            (
                "SHR117",
                "This notebook file is empty, so sciship cannot tell which files it reads and writes.",
                None,
                None,
            )
        )
        return facts
    if text.startswith(LFS_POINTER):
        facts.problems.append(("SHR117", LFS_MESSAGE, None, None))
        return facts
    try:
        nb = json.loads(text)
    except (ValueError, RecursionError):
        facts.problems.append(
            (
                "SHR117",
                (
                    "This notebook is not valid JSON (it may be damaged, or a merge left "
                    "conflict markers in it), so sciship cannot tell which files it reads and writes. "
                    "Open it in Jupyter and save it again, or restore it from git."
                ),
                None,
                None,
            )
        )
        return facts
    if not isinstance(nb, dict):
        facts.problems.append(
            ("SHR117", "This file is not a Jupyter notebook, so sciship skipped it.", None, None)
        )
        return facts
    language = notebook_language(nb)
    if language is not None and language != "python":
        facts.kind = "nb-other"
        return facts
    cells = _code_cells(nb)
    facts.runnable = True
    facts.cells = [(i, count, bool(src.strip()), has_out) for i, (src, count, has_out) in enumerate(cells)]
    units: list[tuple[int | None, str]] = []
    tagged = next((i for i, cell in enumerate(_code_cell_dicts(nb)) if _tagged_parameters(cell)), None)
    injected = _papermill_code(papermill) if papermill else ""
    for index, (source, _count, _out) in enumerate(cells):
        code = _strip_magics(source, index, facts)
        if injected and index == (tagged if tagged is not None else 0):
            # papermill's cell of the values it is given, after the one tagged `parameters` (else at the
            # top): read at the end of that cell (the line numbers of the cells stay those of the file)
            code = injected + "\n" + (code or "") if tagged is None else (code or "") + "\n" + injected
        if code is not None and code.strip():
            units.append((index, code))
    for args in papermill or ():  # the notebook papermill writes, the run's first word
        if args and not args[0].startswith("-") and STAR not in args[0] and STAR2 not in args[0]:
            facts.uses.append(Use("papermill", ("write",), lit(args[0]), 1, None, (0, 0, 0)))
    from sciship.flow._extract import extract_units

    return extract_units(units, facts, local=local)


def run_problems(cells: list[tuple[int, int | None, bool, bool]]) -> list[tuple[str, str, int]]:
    """(code, message, code cell index) for a notebook that was run out of order or has stale outputs."""
    ran = [(i, c) for i, c, _src, _out in cells if c is not None]
    if not ran:
        return []
    for (i, a), (j, b) in itertools.pairwise(ran):
        if b < a:
            return [
                (
                    "SHR115",
                    (
                        f"The cells of this notebook were run out of order: code cell {i + 1} shows [{a}] "
                        f"but code cell {j + 1} below it shows [{b}], so its saved outputs may not be what "
                        "running "
                        "it from the top gives. Restart the kernel, run all cells (Kernel > Restart Kernel "
                        "and Run "
                        "All Cells), then save."
                    ),
                    j,
                )
            ]
    for (i, a), (j, b) in itertools.pairwise(ran):
        if b == a:  # one run cannot give two cells the same count: a cell was copied or split after it ran
            return [
                (
                    "SHR116",
                    (
                        f"The saved outputs of this notebook are not from one run from the top: code cells "
                        f"{i + 1} and {j + 1} both show [{a}], so a cell was copied or split after it ran. "
                        "Restart the kernel, run all cells, then save."
                    ),
                    j,
                )
            ]
    # one run from the top whose output some cells had cleared afterwards (Jupyter's "Clear Cell Output"
    # takes the count too): every other cell shows its place among the code cells, `[None, 2, 3, ...]`
    placed = [(count, out) for _i, count, src, out in cells if src]
    if all(count == k + 1 or (count is None and not out) for k, (count, out) in enumerate(placed)):
        return []
    first_index, first = ran[0]
    if first != 1:
        return [
            (
                "SHR116",
                (
                    f"The saved outputs of this notebook are not from one run from the top: the first code "
                    f"cell that ran (code cell {first_index + 1}) shows [{first}], so cells ran before it "
                    "that are "
                    "no longer in the notebook, or were run again. Restart the kernel, run all cells, then "
                    "save."
                ),
                first_index,
            )
        ]
    for (i, a), (j, b) in itertools.pairwise(ran):
        if b != a + 1:
            return [
                (
                    "SHR116",
                    (
                        f"The saved outputs of this notebook are not from one run from the top: execution "
                        f"counts jump from [{a}] (code cell {i + 1}) to [{b}] (code cell {j + 1}), so cells "
                        "were run "
                        "again, or run and then deleted, in between. Restart the kernel, run all cells, then "
                        "save."
                    ),
                    j,
                )
            ]
    last_ran = ran[-1][0]
    for i, count, has_source, _out in cells:
        if count is None and has_source and i < last_ran:
            # (what they show, if they show anything, and what they wrote: ahansenlab/ZNF143_analysis_code's
            # notebooks were said to have stale "saved outputs" they did not have)
            shown = any(out for j, _c, _s, out in cells if j > i)
            made = "their saved outputs and the files they wrote were" if shown else "what they did was"
            return [
                (
                    "SHR116",
                    (
                        f"Code cell {i + 1} of this notebook was never run, but cells below it were, so "
                        f"{made} made without it. Restart the kernel, run all cells, then save."
                    ),
                    i,
                )
            ]
    return []


#: papermill's options that give a parameter: the name, then its value as a text (``-r``) or as YAML (``-p``)
_PAPERMILL_RAW = frozenset({"-r", "--parameters_raw"})
_PAPERMILL_VALUE = frozenset({"-p", "--parameters"})
_YAML_WORDS = {"true": "True", "false": "False", "null": "None", "~": "None", "none": "None"}


def _papermill_code(runs: list[tuple[str, ...]]) -> str:
    """The Python papermill puts in a notebook for the parameters of its commands (``-r input_path
    data/raw.csv`` gives ``input_path = 'data/raw.csv'``); a name the runs give other values is either
    value (a test sciship cannot decide), a value sciship cannot know an unknown one. A name some run
    leaves out keeps the notebook's own value there too."""
    given: list[dict[str, str]] = []
    for args in runs:
        values: dict[str, str] = {}
        for i, word in enumerate(args[:-2]):
            if word in _PAPERMILL_RAW or word in _PAPERMILL_VALUE:
                name, value = args[i + 1], args[i + 2]
                if not name.isidentifier():
                    continue
                if STAR in value or STAR2 in value:
                    values[name] = "__sciship_unknown__()"
                elif word in _PAPERMILL_VALUE and (
                    _YAML_WORDS.get(value.lower()) or re.fullmatch(r"-?\d+(?:\.\d*)?(?:e-?\d+)?", value)
                ):
                    values[name] = _YAML_WORDS.get(value.lower()) or value
                else:
                    values[name] = repr(value)
        given.append(values)
    lines = []
    for name in dict.fromkeys(n for values in given for n in values):
        if not all(name in values for values in given):
            continue
        options = list(dict.fromkeys(values[name] for values in given))
        lines.append(f"{name} = " + " if __sciship_run__ else ".join(options))
    return "\n".join(lines)


def _code_cell_dicts(nb: dict[str, Any]) -> list[dict[str, Any]]:
    """The notebook's code cells, as in :func:`_code_cells`."""
    cells = nb.get("cells")
    if not isinstance(cells, list):
        cells = [
            c for ws in nb.get("worksheets") or [] if isinstance(ws, dict) for c in ws.get("cells") or []
        ]
    return [c for c in cells if isinstance(c, dict) and c.get("cell_type") == "code"]


def _tagged_parameters(cell: dict[str, Any]) -> bool:
    """Is the cell the one papermill puts its parameters after (tagged ``parameters``)?"""
    metadata = cell.get("metadata")
    tags = metadata.get("tags") if isinstance(metadata, dict) else None
    return isinstance(tags, list) and "parameters" in tags


def _code_cells(nb: dict[str, Any]) -> list[tuple[str, int | None, bool]]:
    """(source, execution count, has outputs) of each code cell, in order."""
    cells = nb.get("cells")
    if not isinstance(cells, list):  # nbformat 3 keeps cells inside worksheets
        cells = [
            c for ws in nb.get("worksheets") or [] if isinstance(ws, dict) for c in ws.get("cells") or []
        ]
    out: list[tuple[str, int | None, bool]] = []
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", cell.get("input", ""))
        if isinstance(source, list):
            source = "".join(s for s in source if isinstance(s, str))
        count = cell.get("execution_count", cell.get("prompt_number"))
        outputs = cell.get("outputs")
        out.append(
            (
                source if isinstance(source, str) else "",
                count if isinstance(count, int) else None,
                bool(outputs) if isinstance(outputs, list) else False,
            )
        )
    return out


def _strip_magics(source: str, index: int, facts: Facts) -> str | None:
    """The cell's Python code with IPython lines blanked (None for cells in another language)."""
    lines = dedent_cell(source).split("\n")
    first = lines[0].strip() if lines else ""
    if first.startswith("%%"):
        words = first[2:].split()
        if words and words[0] in _CELL_MAGIC_KEEP:
            lines[0] = ""
        else:
            shell = words[0] in _SHELL_CELLS if words else False
            if words and words[0] == "script":  # `%%script bash` runs it in bash; `%%script echo` skips it
                shell = len(words) > 1 and words[1].rsplit("/", 1)[-1] in {"bash", "sh", "zsh"}
            if shell:  # each line is a command
                facts.uses.extend(_shell_cell(lines[1:], index))
            if words and words[0] in {"writefile", "file"}:  # the cell's text becomes a file
                names = [w for w in words[1:] if not w.startswith("-")]
                if len(names) == 1:
                    append = "-a" in words[1:] or "--append" in words[1:]
                    facts.uses.append(
                        Use(
                            f"%%{words[0]}",
                            ("write",),
                            _shell_path(names[0]),
                            1,
                            index,
                            (index, 1, 0),
                            append=append,
                        )
                    )
            return None
    for n in range(len(lines) - 1):  # `!scregseg make_tile \` continued on the next lines: one command
        if lines[n].lstrip().startswith("!") and lines[n].endswith("\\"):
            end = n
            while end + 1 < len(lines) and lines[end].endswith("\\"):
                end += 1
            rest = " ".join(part.strip().rstrip("\\") for part in lines[n + 1 : end + 1])
            lines[n] = lines[n][:-1] + " " + rest
            for k in range(n + 1, end + 1):
                lines[k] = ""  # (the lines keep their numbers)
    for n, line in enumerate(lines):
        stripped = line.lstrip()
        timed = _TIMED.match(line)
        if timed is not None:  # `%time scrna.write(DATA_DIR + 'x.h5ad')`: the statement runs (multimil)
            lines[n] = timed.group(1) + timed.group(2)
            continue
        ran = _RUN_FILE.match(stripped)
        if ran is not None and not any(keyword.iskeyword(part) for part in ran.group(1).split("/")):
            # as `from helpers import *`: what its code does, and the functions it defines that the
            # notebook calls, are the notebook's (session 34: `%run helpers.py`, then `df = load()`: the
            # file helpers.py's load() reads was never named)
            lines[n] = line[: len(line) - len(stripped)] + f"from {ran.group(1).replace('/', '.')} import *"
            continue
        if stripped.startswith(("%", "!")) or _ASSIGN_SHELL.match(line) or _HELP.match(line):
            m = _CD.match(line)
            if m:
                facts.chdirs.append(((index, n + 1, 0), lit(m.group(2).strip())))
            indent = line[: len(line) - len(stripped)]
            if stripped.startswith("!") and not stripped.startswith("!!"):
                call = _as_python(stripped[1:])
                if call is not None:  # its `{expr}` and `$name` parts are the notebook's own values
                    lines[n] = indent + call
                    continue
                facts.uses.extend(_shell_uses(stripped[1:], index, n + 1))
            lines[n] = indent + "pass"  # keeps an `if ...:` above it valid
    return "\n".join(lines)


def ipython_as_python(text: str) -> str:
    """A script written as notebook cells (Jupytext), with its IPython lines as Python, line for line: a
    ``!command`` a call whose words the trace reads (:func:`_as_python`), any other magic ``pass`` (so an
    ``if`` whose body they are stays valid)."""

    def one(m: re.Match[str]) -> str:
        indent, magic = m.group(1), m.group(2)
        if magic.startswith("!") and not magic.startswith("!!"):
            call = _as_python(magic[1:])
            if call is not None:
                return indent + call
        return indent + "pass"

    return IPYTHON_LINE.sub(one, text)


_SHELL_CELLS = frozenset({"bash", "sh", "shell", "system"})
#: a line magic that runs the statement after it: ``%time x = f()`` (``%timeit -n 1 ...`` with its options)
_TIMED = compile_later(r"^([ \t]*)%(?:time|timeit|prun|memit)(?:[ \t]+-\w+(?:[ \t]+\d+)?)*[ \t]+(\S.*)$")
_PIECE = compile_later(r"\{([^{}]*)\}|\$(\w+)|\$\{(\w+)\}")


def _as_python(command: str) -> str | None:
    """A ``!command`` line as Python that gives the same text: ``__sciship_shell__("!tool", "lit", (expr),
    ...)``; None when a ``{...}`` part is not a Python expression."""
    words = command.split()
    if not words:
        return None
    parts: list[str] = [repr("!" + words[0].rsplit("/", 1)[-1])]
    last = 0
    for m in _PIECE.finditer(command):
        if m.start() > last:
            parts.append(repr(command[last : m.start()]))
        code = m.group(1) if m.group(1) is not None else (m.group(2) or m.group(3))
        try:
            ast.parse(code.strip(), mode="eval")
        except (SyntaxError, ValueError):
            return None
        parts.append(f"str({code.strip()})")
        last = m.end()
    if last < len(command):
        parts.append(repr(command[last:]))
    code = f"{SHELL_CALL}({', '.join(parts)})"
    try:
        ast.parse(code)
    except (SyntaxError, ValueError):
        return None
    return code


def _shell_cell(lines: list[str], index: int) -> list[Use]:
    """A ``%%bash`` cell: each command line (with its ``\\`` continuations) as a command."""
    out = []
    start, text = 0, ""
    for n, line in enumerate(lines, start=2):
        if not text:
            start = n
        text += line.rstrip("\\") + " " if line.rstrip().endswith("\\") else line
        if line.rstrip().endswith("\\"):
            continue
        words = text.split()
        if words and not words[0].startswith("#"):
            tool = "%%" + words[0].rsplit("/", 1)[-1]
            out.append(Use(tool, ("write",), _shell_path(text), start, index, (index, start, 0), "command"))
        text = ""
    return out


def _shell_uses(command: str, cell: int, line: int) -> list[Use]:
    """A notebook's shell line whose ``{...}`` parts are not Python: a command with unknown parts."""
    words = command.split()
    if not words:
        return []
    tool = "!" + words[0].rsplit("/", 1)[-1]
    return [Use(tool, ("write",), _shell_path(command), line, cell, (cell, line, 0), "command")]


def _shell_path(path: str) -> Expr:
    """A path written in a shell line or a magic: ``$name`` and ``{expr}`` parts are unknown."""
    return cat(
        UNKNOWN if part.startswith(("$", "{")) else lit(part) for part in _SHELL_VAR.split(path) if part
    )


_SHELL_VAR = compile_later(r"(\$\{?\w+\}?|\{[^}]*\})")
