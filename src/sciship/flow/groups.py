"""Many absolute paths (SHR111), paths leaving the folder (SHR112) or missing inputs (SHR110) under one
folder, told as one problem; and many files in Python 2 (SHR117), or notebooks run out of order (SHR115)
or with stale outputs (SHR116).

A research folder written on one computer often reads and writes hundreds of files under one folder of
that computer (``/data/``, ``/Users/ana/project/``). Each is a problem of its own in ``--format json``; a
person reading a report needs the one thing they share: the folder, how many files, which scripts, and
what to do about it. :func:`group_problems` gives the problems to show, with such runs gathered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from sciship._regex import compile_later
from sciship.flow._expr import placeholder

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciship.flow import FlowProblem

#: the folder of the missing inputs at the top of the folder, as a group names it
TOP = "./"
#: this many problems of one code under one folder are told as one (fewer are each told)
GROUP_AT = 5
#: folders that hold one folder per person or per disk: the folder under them is the author's
_PER_PERSON = frozenset({"home", "users", "mnt", "media", "volumes", "~"})
_DRIVE = compile_later(r"[A-Za-z]:")


@dataclass(frozen=True)
class ProblemGroup:
    """Problems of one code (SHR110, SHR111 or SHR112) whose paths lie under one folder."""

    code: str
    folder: str  #: the folder they share, as the code writes it, ending with its separator
    problems: tuple[FlowProblem, ...]  #: in the order of the flow's problems

    @property
    def path(self) -> str:
        """Where the first of them is (a report's location for the group)."""
        return self.problems[0].path

    @property
    def line(self) -> int | None:
        return self.problems[0].line

    @property
    def cell(self) -> int | None:
        return self.problems[0].cell

    @property
    def steps(self) -> list[str]:
        """The scripts and notebooks that use the folder, in the order they first appear."""
        return list(dict.fromkeys(p.path for p in self.problems))

    @property
    def message(self) -> str:
        """What happened, why it matters and what to do, in plain words (the places are in :meth:`places`)."""
        steps = self.steps
        one = len(steps) == 1
        who = f"`{steps[0]}`" if one else f"{len(steps)} {_kinds(steps)}"
        n = len({p.target or p.message for p in self.problems})  # files, not places (one file, many reads)
        here = [p.inside for p in self.problems]
        writes = any(p.access == "write" for p in self.problems)
        reads = not writes or any(p.access != "write" for p in self.problems)
        verb = "read or write" if reads and writes else "write" if writes else "read"
        if one:
            verb = " or ".join(w + "s" for w in verb.split(" or "))
        does = f"{who} {verb} {n} path{'s' if n > 1 else ''} under `{self.folder}`"
        written = ", and what is written there is not in the folder you share" if writes else ""
        if self.code == "SHR115":  # (theislab/regvelo_reproducibility: 42 messages of notebooks)
            return (
                f"{len({p.path for p in self.problems})} notebooks were run out of order (the first places "
                "are below), so "
                "their saved outputs may not be what running them from the top gives. In each, restart the "
                "kernel, run all cells (Kernel > Restart Kernel and Run All Cells), then save."
            )
        if self.code == "SHR116":
            return (
                f"The saved outputs of {len({p.path for p in self.problems})} notebooks are not from one "
                "run from the top "
                "(the first places are below): cells were run again, copied or deleted after they ran. In "
                "each, restart the kernel, run all cells, then save."
            )
        if self.code == "SHR117":  # files that look like Python 2 (HIVEVO_figures: 17 paragraphs)
            return (
                f"{len(self.problems)} files look like Python 2 (the first places are below). Python 3 "
                "cannot run them, and sciship reads Python 3 only, so it cannot tell which files they read "
                "and write. If the analysis needs Python 2.7, say so in the README; to run it on a current "
                "Python, update the code to Python 3 (the `pyupgrade` or `2to3` tools help)."
            )
        if self.code == "SHR110":
            sources = {p.source for p in self.problems}
            source = sources.pop() if len(sources) == 1 else None
            get = (
                f"`{source[0]}` gives a place to download from ({source[1]}): if they come from there, "
                "nothing is missing but the download (REPRODUCE.md lists them among the inputs to get "
                "first); else add them"
                if source
                else "Add them, or say in the README where to get them (a DOI or a URL) and where to put them"
            )
            deeper = any("/" in (p.target or "")[len(self.folder) :] for p in self.problems)
            where = (
                "at the top of the folder"
                if self.folder == TOP
                else f"{'under' if deeper else 'in'} `{self.folder}`"
            )
            # (each file's own hint, a file of that name elsewhere in the folder: the group kept none of
            # them, sim1daniels1's data in `git/data/rampup/` read next to the scripts)
            meant = list(
                dict.fromkeys(
                    (p.target, m.group(1))
                    for p in self.problems
                    if p.target and (m := _MEANT.search(p.message))
                )
            )
            hint = ""
            if meant:
                shown = ", ".join(f"`{b}` for `{a}`" for a, b in meant[:3]) + (
                    f" and {len(meant) - 3} more" if len(meant) > 3 else ""
                )
                if all(a.rsplit("/", 1)[-1] == b.rsplit("/", 1)[-1] for a, b in meant):
                    hint = f" (the folder has files of {'that name' if len(meant) == 1 else 'those names'} "
                    hint += f"elsewhere: {shown})"
                else:  # (a name spelt another way beside it: `measurments.csv`, `Results.CSV`)
                    like = "it" if len(meant) == 1 else "them"
                    hint = f" (the folder has files named like {like}: {shown})"
            return (
                f"{who} {'reads' if one else 'read'} {n} file{'s' if n > 1 else ''} {where} that are not "
                f"in the folder and that no script or notebook here writes. {get}; if the paths are "
                f"wrong{hint}, fix them."
            )
        if self.code == "SHR111" and all(here):
            mine = _common_folder(here)
            return (
                # (the same paths inside it: some may be outputs not shared, ahansenlab/cleopatra's 9 of 10)
                f"{does}, which looks like this folder as it sits on your computer: here that is "
                f"{f'`{mine}`' if mine else 'the same paths inside it'}. On another computer these "
                "paths do not exist (the first one stops the run): write them relative to this folder, or "
                "build them from the script's own place (`Path(__file__).parent`)."
            )
        if self.code == "SHR111" and placeholder(self.folder):
            return (
                f"{does}, a placeholder for whoever runs the code to fill in: until they edit the code, the "
                "first of these paths stops the run. Set the folder in one place (a `DATA_DIR` the scripts "
                "import, or a command-line option) and say in REPRODUCE.md what to put there and where to "
                "get the files; better, put them inside this folder."
            )
        settings = list(dict.fromkeys(p.set_in for p in self.problems))
        if self.code == "SHR111" and all(settings):
            said = []
            for where in settings[:3]:
                place, _, name = where.partition(" ")
                rel, _, line = place.rpartition(":")
                said.append(f"{name.strip('()')} in `{rel}`, line {line}")
            if len(settings) > 3:
                said.append(f"{len(settings) - 3} more")
            where_said = (
                f"in one place already ({said[0]}): whoever runs the analysis changes that line"
                if len(settings) == 1
                else f"at the top of {len(settings)} modules already ({'; '.join(said)}): whoever runs the "
                "analysis changes those lines"
            )
            return (
                f"{does}, a folder that exists only on your computer: on another computer the first of these "
                f"paths stops the run{written}. The folder is set {where_said} to where they put the files. "
                "Say in REPRODUCE.md where to get what the folder holds; better, put the files inside this "
                "folder and use paths relative to it."
            )
        if self.code == "SHR111":
            return (
                f"{does}, a folder that exists only on your "
                f"computer: on another computer the first of these paths stops the run{written}. "
                "Put the files the analysis needs inside "
                "this folder and use paths relative to it (for example `data/` and `results/`); for data too "
                "large to share, set the folder in one place (a `DATA_DIR` the scripts import) and say in "
                "REPRODUCE.md where to get what it holds."
            )
        return (
            f"{does}, outside this folder: whoever gets your folder will not have them"
            + (", and what is written there is not in what you share" if writes else "")
            + ". Move them into this folder and use paths inside it."
        )

    def places(self, limit: int | None = None) -> list[tuple[str, str, str]]:
        """(where, ``reads`` or ``writes``, the path as written) of each problem (the first ``limit``)."""
        shown = self.problems if limit is None else self.problems[:limit]
        if self.code in {"SHR115", "SHR116"}:
            return [(_where(p), "—", m.group(1) if (m := _RUN.search(p.message)) else "") for p in shown]
        if self.code == "SHR117":
            return [
                (_where(p), "has", m.group(1).replace("`", "") if (m := _PYTHON2.search(p.message)) else "")
                for p in shown
            ]
        return [(_where(p), "writes" if p.access == "write" else "reads", p.target) for p in shown]


class Told(NamedTuple):
    """One line of a report's list of problems: a problem, or a group of them with a few places."""

    where: str  #: ``path:line`` of a problem, the folder of a group
    message: str
    code: str
    places: list[tuple[str, str, str]]  #: a group's first places (see :meth:`ProblemGroup.places`)
    more: int  #: how many places of the group are not among them


def told(problems: Sequence[FlowProblem], limit: int) -> list[Told]:
    """``problems`` as a terminal or a Markdown list tells them (:func:`group_problems`), each group with
    its first ``limit`` places."""
    out = []
    for p in group_problems(problems):
        if isinstance(p, ProblemGroup):
            out.append(Told(p.folder, p.message, p.code, p.places(limit), max(0, len(p.problems) - limit)))
        else:
            out.append(Told(_where(p), p.message, p.code, [], 0))  # (a notebook's cell, not its JSON line)
    return out


def group_problems(
    problems: Sequence[FlowProblem], at_least: int = GROUP_AT
) -> list[FlowProblem | ProblemGroup]:
    """``problems`` as a report shows them: the SHR111 (or SHR112) problems under one folder, and the
    SHR110 ones in one folder, when there are ``at_least`` of them, become one :class:`ProblemGroup` at the
    place of the first; the others stay as they are, in their order."""
    keys = [_key(p) for p in problems]
    runs: dict[tuple[str, str, bool], list[int]] = {}
    for i, key in enumerate(keys):
        if key is not None:
            runs.setdefault(key, []).append(i)
    # missing inputs in folders with too few of them each are gathered in the folder above, up to a folder
    # at the top (meteorologytoday/plots-A-Hierarchy-of-Global-Ocean-Models-Coupled-to-CESM1: the data
    # to download, one or two files in each of `data/hierarchy_average/EMOM_CTL/`, `.../MLM_CTL/`, ...,
    # were 28 problems, each with the same words)
    while small := [
        key
        for key, found in runs.items()
        if key[0] == "SHR110" and len(found) < at_least and key[1] != TOP and "/" in key[1]
    ]:
        deepest = max(key[1].count("/") for key in small)  # (the deepest first: they may make a group above)
        for key in (key for key in small if key[1].count("/") == deepest):
            above = (key[0], key[1].rsplit("/", 1)[0], key[2])
            for i in runs.pop(key):
                keys[i] = above
                runs.setdefault(above, []).append(i)
    big = {key: [problems[i] for i in sorted(found)] for key, found in runs.items() if len(found) >= at_least}
    out: list[FlowProblem | ProblemGroup] = []
    placed: set[tuple[str, str, bool]] = set()
    for p, key in zip(problems, keys, strict=True):
        if key is None or key not in big:
            out.append(p)
        elif key not in placed:
            placed.add(key)
            found = big[key]
            notebooks = p.code in {"SHR115", "SHR116", "SHR117"}
            named = [q.path for q in found] if notebooks else [q.target for q in found]
            folder = _common_folder(named) or (TOP if notebooks or p.code == "SHR110" else "")
            out.append(ProblemGroup(p.code, folder, tuple(found)))
    return out


#: what an SHR117 problem says of code in Python 2: "looks like Python 2 (a `print` statement without
#: brackets on line 40)"
_PYTHON2 = compile_later(r"looks like Python 2 \((.+?) on line \d+\)")


#: a missing input's hint of a file of its name elsewhere in the folder: "(did you mean `x`?)"
_MEANT = compile_later(r"\(did you mean `([^`]+)`\?[ )]")


#: what a notebook's SHR115 or SHR116 problem saw: "code cells 3 and 4 both show [5]"
_RUN = compile_later(r"(?:out of order|from the top): (.+?)(?:, so |\. Restart)")


#: a missing input's hint that a step or pipeline writes a file of its name elsewhere: "did you mean `x`,
#: which `a.py` writes?"
_WRITTEN_ELSEWHERE = compile_later(
    r"did you mean `[^`]+`, which `[^`]+` writes\?|makes files of that name, but in another folder"
    r"|writes a file of that name at `"
)


def _key(p: FlowProblem) -> tuple[str, str, bool] | None:
    """(code, the top folder, whether it names a file of this folder as it sits on the author's computer)
    of an absolute path or one leaving the folder: ``/data``, ``/home/ana``, ``C:/Users/ana``,
    ``~/Desktop``, ``../../shared``; (code, its folder, False) of a missing input; one key for all the
    files that look like Python 2."""
    if (p.code == "SHR117" and _PYTHON2.search(p.message)) or p.code in {"SHR115", "SHR116"}:
        return (p.code, "", False)
    if p.code == "SHR110" and p.target:
        if _WRITTEN_ELSEWHERE.search(p.message):  # (its own words say which step makes such a file: told
            return None  # alone, or they are lost in the group: LisaYoungUIUC/astro_figures_code's 32)
        # (the top folder too: egnerney/diffusive-equilibrium-2024-paper-code's 369 missing inputs there
        # were 390 lines of the report)
        folder = p.target.rsplit("/", 1)[0] if "/" in p.target else TOP
        return (p.code, folder, False) if "*" not in folder else None
    if p.code not in {"SHR111", "SHR112"} or not p.target:
        return None
    parts = [x for x in p.target.replace("\\", "/").split("/") if x]
    if not parts:
        return None
    n = 1
    while n < len(parts) and parts[n - 1] == "..":
        n += 1
    if _DRIVE.fullmatch(parts[0]):
        n += 1
    if n <= len(parts) and parts[n - 1].lower() in _PER_PERSON:
        n += 1
    n = min(n, len(parts) - 1) or 1  # a folder, not the file itself
    return p.code, "/".join(parts[:n]), bool(p.inside)


def _common_folder(paths: list[str]) -> str:
    """The deepest folder all ``paths`` lie in (none of its names with unknown parts), as the first path
    writes it, ending with its separator."""
    split = [p.replace("\\", "/").split("/")[:-1] for p in paths]
    common: list[str] = []
    for names in zip(*split, strict=False):
        if len(set(names)) != 1 or "*" in names[0]:
            break
        common.append(names[0])
    first = paths[0]
    size = len("/".join(common)) + 1
    if not first.startswith(("/", "\\")) and not common:  # relative paths with no folder in common
        return ""
    return first[:size] if size > 1 else first[:1]


def _kinds(steps: list[str]) -> str:
    notebooks = sum(s.endswith(".ipynb") for s in steps)
    if notebooks == len(steps):
        return "notebooks"
    return "scripts and notebooks" if notebooks else "scripts"


def _where(p: FlowProblem) -> str:
    if p.cell is not None:
        return f"{p.path} (code cell {p.cell + 1}" + (f", line {p.line})" if p.line else ")")
    return f"{p.path}:{p.line}" if p.line else p.path
