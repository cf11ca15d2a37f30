"""REPRODUCE.md: how to get from this folder to the same figures and tables, step by step.

Written from what sciship found by reading the code (nothing was run): the environment, the steps in
run order with what each reads and writes, the figures and tables each makes, the problems found, and
the files too large for the deposit archive.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from sciship._regex import compile_later
from sciship.metadata.writers.rocrate import fits

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciship.flow import Flow, Step
    from sciship.metadata.model import Metadata
    from sciship.metadata.writers.rocrate import CrateFile
    from sciship.project import Project
    from sciship.share.inventory import Environment

PATH = "REPRODUCE.md"
#: places listed under a problem that gathers many absolute paths under one folder
_PLACES = 5
#: Files that already say how to reproduce the work: share keeps them and writes no REPRODUCE.md.
_EXISTING = compile_later(r"(reproduc\w*|replicat\w*)\.(md|rst|txt)", re.IGNORECASE)


def existing(project: Project) -> str | None:
    """The folder's own reproduction guide (REPRODUCE.md, REPRODUCING.md, REPLICATION.md...), if any."""
    return next((f for f in project.files if "/" not in f and _EXISTING.fullmatch(f)), None)


def _code(path: str) -> str:
    text = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return f"`{text}`"


def _run_command(step: Step) -> str:
    """The command that runs ``step`` from the top of the folder: a script that runs in another folder
    (its paths are relative to it) is run there, in a subshell, so the next command starts at the top
    again. (Jupyter runs a notebook in its own folder.)"""
    if step.kind == "notebook" and step.arguments:  # run by papermill, with the values it is given
        given = " ".join(_shell(word) for word in step.arguments)
        if step.workdir and "--cwd" not in step.arguments:
            here = _shell(posixpath.relpath(step.path, step.workdir))
            return f"(cd {_shell(step.workdir)} && papermill {here} {given})"
        return f"papermill {_shell(step.path)} {given}"
    if step.kind == "notebook":
        return f"jupyter nbconvert --to notebook --execute --inplace {_shell(step.path)}"
    if step.snakefile:  # (a rule runs it: Snakemake gives it its files, as `snakemake.input`)
        return _driver_command(step.snakefile)
    given = "".join(" " + _shell(word) for word in step.arguments)
    python = "python2" if step.python2 else "python"  # (Python 3 stops at its first line: see _python2)
    python = f"PYTHONPATH={_shell(step.python_path)} {python}" if step.python_path else python
    if step.workdir:
        script = _shell(posixpath.relpath(step.path, step.workdir))
        return f"(cd {_shell(step.workdir)} && {python} {script}{given})"
    return f"{python} {_shell(step.path)}{given}"


def _driver_command(path: str) -> str:
    """The command that runs a shell script, Makefile or Python driver of the folder, from its top."""
    folder, _, name = path.rpartition("/")
    if name in {"Makefile", "makefile", "GNUmakefile"}:
        return f"make -C {_shell(folder)}" if folder else "make"
    if name.endswith(".py"):
        return f"python {_shell(path)}"
    if name == "Snakefile" or name.endswith((".smk", ".snake")):
        return f"snakemake --cores 1 -s {_shell(path)}"
    return f"bash {_shell(path)}"


def _shell(path: str) -> str:
    import shlex

    return shlex.quote(path.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def _conda_given_name(path: str) -> str:
    """The name REPRODUCE.md gives the environment of a conda file that names none: the file's own name
    (``environments/gut-to-soil.yml``), or its folder's for a plain ``environment.yml`` (``imaging``), or
    ``analysis`` at the top."""
    folder, _, name = path.rpartition("/")
    stem = name.rsplit(".", 1)[0]
    if re.fullmatch(r"(?i)environment|env|conda", stem):
        stem = folder.rpartition("/")[2]
    return re.sub(r"[^\w.-]+", "_", stem).strip("._-") or "analysis"


def _conda_create(path: str, env: Environment) -> str:
    """`conda env create` of ``path``, with a name when the file gives none: `conda env create -f` of a file
    without `name:` stops ("An environment name is required")."""
    if path in env.unnamed:
        return f"conda env create -n {_shell(_conda_given_name(path))} -f {_shell(path)}"
    return f"conda env create -f {_shell(path)}"


def _conda_activate(path: str, env: Environment, unknown: str) -> str:
    """`conda activate` of the environment :func:`_conda_create` makes of ``path``; ``unknown`` stands for
    a name the file gives and sciship could not read."""
    if path in env.unnamed:
        return f"conda activate {_shell(_conda_given_name(path))}"
    return f"conda activate {env.conda_name or unknown}"


#: activating the environment of one part of the analysis (:func:`_setup`, requirements that clash)
_ACTIVATE_PART = (
    "source .venv-<the folder of those steps>/bin/activate    # on Windows: .venv-<folder>\\Scripts\\activate"
)


def _setup(
    env: Environment,
    python: str | None,
    writes_requirements: bool,
    has_notebooks: bool,
    unknown: Sequence[str],
    jupyter: bool = False,
    python2: Sequence[str] = (),
    only_python2: bool = False,
) -> list[str]:
    """How to make the environment the steps run in; ``python2``: the steps in Python 2 (``only_python2``:
    every step), which need Python 2.7, not the Python 3 the code of the others needs."""
    lines = ["## 1. Set up the environment", ""]
    if only_python2:  # (a floor of Python 3 comes from other files, or is the author's: not this code's)
        lines += [
            "The code is Python 2, which Python 3 cannot run: you need Python 2.7."
            + (
                ""
                if env.declared or writes_requirements
                else " sciship found no package in the lines of the code that import something (it reads "
                "Python 2 only as text): if the code needs some, install them too (`python -m pip install "
                "NAME` for each)."
            ),
            "",
        ]
    elif python:
        but = " (the steps in Python 2 excepted)" if python2 else ""
        lines += [f"You need Python {python} or newer{but}.", ""]
    uv = env.kind == "package" and env.lock == "uv.lock"
    if env.kind == "conda" and env.others:
        folders = ", ".join(f"`{f.rsplit('/', 1)[0]}/`" for f in env.files)
        lines += [
            (
                f"Each part of the analysis has its own conda environment, in its folder ({folders}): "
                "create the one for the steps you run, and activate it before running them."
            ),
            "",
            "```bash",
            *(_conda_create(f, env) for f in env.files),
            "conda activate <the name at the top of the file for those steps>"
            if not env.unnamed
            else "conda activate <the name of those steps' environment: at the top of its file, or after -n>",
            *(["python -m pip install -e ."] if env.package else []),
            *(f"python -m pip install -e {_shell(folder)}" for folder in env.local),
            "```",
        ]
    elif env.kind == "conda" and env.path:
        lines += [
            "```bash",
            _conda_create(env.path, env),
            _conda_activate(env.path, env, "<the name at the top of that file>"),
            *(["python -m pip install -e ."] if env.package else []),
            *(f"python -m pip install -e {_shell(folder)}" for folder in env.local),
            "```",
        ]
    elif env.kind == "requirements" and env.clash:  # (one environment cannot hold both versions)
        parts = [f.rsplit("/", 1)[0] for f in env.files]
        lines += [
            (
                f"Each part of the analysis lists its own packages, in its folder "
                f"({', '.join(f'`{f}/`' for f in parts)}), and they ask for different versions of "
                f"`{env.clash}`: make an environment for each part, and activate the one of the steps you "
                "run before running them."
            ),
            "",
            "```bash",
            *(
                f"python -m venv {_shell('.venv-' + folder)} && {_shell('.venv-' + folder + '/bin/python')} "
                f"-m pip install -r {_shell(f)}"
                for folder, f in zip(parts, env.files, strict=True)
            ),
            _ACTIVATE_PART,
            *(["python -m pip install -e ."] if env.package else []),
            *(f"python -m pip install -e {_shell(folder)}" for folder in env.local),
            "```",
        ]
    elif uv:  # (the exact versions the analysis ran with; `pip install -e .` would take the newest)
        lines += [
            (
                "`uv.lock` gives the exact version of every package: `uv sync` installs them in `.venv` "
                "(install uv first: https://docs.astral.sh/uv/getting-started/installation/)."
            ),
            "",
            "```bash",
            "uv sync",
            "source .venv/bin/activate        # on Windows: .venv\\Scripts\\activate",
            *(f"uv pip install -e {_shell(folder)}" for folder in env.local),
            "```",
        ]
    else:
        lines += [
            "```bash",
            *(
                ["conda create --name py27 python=2.7", "conda activate py27"]
                if only_python2  # (Python 3's venv cannot make a Python 2 environment)
                else [
                    "python -m venv .venv",
                    "source .venv/bin/activate        # on Windows: .venv\\Scripts\\activate",
                ]
            ),
        ]
        if env.kind == "package" and env.also:  # (the environment the analysis ran in, then the package)
            if env.also_kind == "conda":
                lines[-2:] = [
                    _conda_create(env.also, env),
                    _conda_activate(env.also, env, "<the name in that file>"),
                ]
            elif env.also_kind == "conda-list":
                lines[-2:] = [
                    f"conda create --name analysis --file {_shell(env.also)}",
                    "conda activate analysis",
                ]
            else:
                lines.append(f"python -m pip install -r {_shell(env.also)}")
        # (the exact versions of poetry.lock, which `pip install -e .` leaves aside; or a Poetry project
        # that is no package: `pip install -e .` stops there)
        if env.kind == "package" and (env.lock == "poetry.lock" or env.no_package):
            poetry = "poetry install --no-root" if env.no_package else "poetry install"
            lines += ["python -m pip install poetry", poetry]
        elif env.kind == "package":
            lines.append("python -m pip install -e .")
        elif env.kind == "pipenv":  # (in the environment made above: pipenv uses the one it runs in)
            lines += ["python -m pip install pipenv", "pipenv sync" if env.lock else "pipenv install"]
        elif env.kind == "requirements" and env.path:
            lines.append("python -m pip install " + " ".join(f"-r {_shell(f)}" for f in env.files))
        elif writes_requirements:
            lines.append("python -m pip install -r requirements.txt")
        if env.package and env.kind != "package":  # (its code, which the steps import; not what it needs)
            lines.append("python -m pip install -e .")
        # (the folder's own packages in subfolders, which the steps import: zouter/ChromatinHD_manuscript)
        lines += [f"python -m pip install -e {_shell(folder)}" for folder in env.local]
        lines.append("```")
        for part in env.parts:  # (a subfolder's own environment, for its steps only)
            folder = part.rsplit("/", 1)[0]
            if part.endswith((".yml", ".yaml")):
                how = _conda_create(part, env)
            else:
                how = "python -m pip install -r " + _shell(part)
            lines += ["", f"The steps in `{folder}/` have an environment of their own, `{part}`: `{how}`."]
    if writes_requirements:
        lines += [
            "",
            (
                "`requirements.txt` lists the packages the Python 2 code imports, without versions: for "
                "Python 2.7, pip installs the last release of each that still supports it (most packages' "
                "newer releases need Python 3). If one fails to install, give the last version for Python 2 "
                "(`numpy<1.17`)."
                if only_python2  # (its import lines, read as text: share's python2_requirements)
                else "`requirements.txt` lists the packages the code imports. Where a version is given it is "
                "the one installed when this file was written (a lower bound, not a pin)."
            ),
        ]
        if unknown:  # (Guangmiao-jin/rgc-transplantation-paper-analysis: `herdingspikes`, said nowhere here)
            names = ", ".join(f"`{n}`" for n in unknown)
            lines += [
                "",
                (
                    f"It leaves out what the code imports as {names}: sciship could not tell which package "
                    "provides it. Install it too (on PyPI its name is often the same) and add it to the file."
                ),
            ]
    elif unknown:  # (no file says what to install, and no package sciship knows: pynucastro's notebooks)
        names = ", ".join(f"`{n}`" for n in unknown)
        lines += [
            "",
            (
                f"The code imports {names}, which sciship could not match to a package, and the folder lists "
                "nothing to install: install what provides it (on PyPI the name is often the same; check "
                "that it is the right one)."
            ),
        ]
    if has_notebooks and not jupyter:  # (what the folder installs already has it: not twice)
        pip = "uv pip" if uv else "python -m pip"
        lines += ["", f"The notebooks also need Jupyter (`{pip} install jupyterlab`)."]
    if python2 and not only_python2:  # (the steps' commands run them with `python2`)
        one = len(python2) == 1
        names = ", ".join(_code(p) for p in python2)
        lines += [
            "",
            (
                f"{names} {'is' if one else 'are'} Python 2 code, which Python 3 cannot run: "
                f"{'it needs' if one else 'they need'} Python 2.7 (the `python2` of "
                f"{'its command' if one else 'their commands'} below), with the packages "
                f"{'it imports' if one else 'they import'} installed for it (`conda create --name py27 "
                "python=2.7` makes such an environment)"
                + (
                    "; sciship reads Python 3 only, so `requirements.txt` leaves them out"
                    if writes_requirements
                    else ""
                )
                + f". Updating {'it' if one else 'them'} to Python 3 (the `2to3` tool helps) lets one "
                "environment run every step."
            ),
        ]
    return [*lines, ""]


def _matching(paths: Sequence[str], files: dict[str, CrateFile]) -> list[CrateFile]:
    out: list[CrateFile] = []
    for p in paths:
        if "*" in p:
            out.extend(f for name, f in files.items() if fits(name, p))
        elif p in files:
            out.append(files[p])
    return out


def render(
    meta: Metadata,
    flow: Flow,
    files: Sequence[CrateFile],
    env: Environment,
    *,
    python: str | None = None,
    writes_requirements: bool = False,
    max_file_size: int | None = None,
    unread: dict[str, list[str]] | None = None,
    unknown: Sequence[str] = (),
    other_cells: dict[str, dict[str, int]] | None = None,
    jupyter: bool = False,
) -> str:
    """REPRODUCE.md: how to rerun the analysis in this folder, from what sciship read in the code.

    The setup, the steps in run order with what each reads and writes, the inputs, the files left out of
    the archive, the problems found, and the licenses. ``jupyter``: what the setup installs has Jupyter.
    """
    from sciship.flow import set_aside

    by_path = {f.path: f for f in files}
    title = meta.name or "this work"
    lines = [f"# Reproducing {title}", ""]
    if meta.description:
        lines += [meta.description, ""]
    lines += [
        (
            "This file says how to rerun the analysis in this folder, from the raw inputs to the figures and "
            "tables. It was written by reading the code (nothing was run), so follow it once yourself and "
            "correct what is wrong. Run every command from this folder (a step that runs in one of its "
            "folders goes there itself, with `cd`): the paths in the code are relative to where it runs."
        ),
        "",
    ]
    lines += _picture(flow, title)
    notebooks = any(s.kind == "notebook" for s in flow.steps)
    python2 = [s.path for s in flow.steps if s.python2]
    only = bool(python2) and len(python2) == len(flow.steps)
    lines += _setup(env, python, writes_requirements, notebooks, unknown, jupyter, python2, only)

    unlinked = len(flow.steps) > 1 and not any(step.after for step in flow.steps) and not flow.sequenced
    lines += ["## 2. Run the steps" if unlinked else "## 2. Run the steps in this order", ""]
    if not flow.steps:
        lines += ["sciship found no script or notebook that reads or writes files.", ""]
    if unlinked:  # (mjenior/analysis-scripts: 54 separate tools "in the order to run them")
        lines += [
            (
                "No step reads a file another one writes, so the code does not say in which order they run: "
                "they are listed by name. If the order matters, write it here."
            ),
            "",
        ]
    for step in flow.steps:
        lines.append(f"{step.order}. {_code(step.path)}")
        first = len(lines)
        lines += ["", "   ```bash", f"   {_run_command(step)}", "   ```", ""]
        if step.snakefile:
            lines.append(
                f"   - a rule of {_code(step.snakefile)} runs it (`script:`): Snakemake gives it its files "
                "(`snakemake.input`, `snakemake.output`), so it runs only through `snakemake`"
            )
        if step.fill_in:
            it, is_ = ("it", "it is") if len(step.fill_in) == 1 else ("them", "they are")
            if step.argv_words == len(step.fill_in):  # `sys.argv`: no --help to ask
                # (caporaso-lab/gut-to-soil, anitsoga/mossing_paper_code: `--help` was read as a file name)
                why = (
                    f"the words the script reads from its command line (`sys.argv`): its code says what {is_}"
                )
            else:
                why = f"the script needs {it}; `python {_shell(step.path)} --help` says what {is_}"
            lines.append("   - fill in: " + ", ".join(_code(w) for w in step.fill_in) + f" ({why})")
        if step.asks:  # `path = input("Data file: ")`: the run stops until the reader answers (round 33)
            named = [_code(a) for a in step.asks if a]
            if "" in step.asks:
                named.append("something it does not name" if named else "")
            place = "this folder" if not step.workdir else _code(step.workdir + "/")
            asked = f"asks for {' and '.join(named)}" if any(named) else "waits for you to type something"
            each = "each answer" if len(step.asks) > 1 else "the answer"
            lines.append(
                f"   - as it runs, it {asked} (Python's `input()`): type {each} and press Enter (a file: its "
                f"path from {place}). It waits until you do, so it cannot run unattended."
            )
        if step.runs == 1 and step.run_by:  # (JMencius/MethQC-paper-code: a shell loop's words)
            lines.append(
                f"   - run in a loop by {_code(step.run_by[0])}, once for each of its values: "
                f"`{_driver_command(step.run_by[0])}` runs them all; the files below are those of every run."
            )
        if step.runs == 0 and step.run_by:  # (letiviada/mmsc_dissertation: words from its variables)
            lines.append(
                f"   - run by {_code(step.run_by[0])}, which gives it words from its variables: "
                f"`{_driver_command(step.run_by[0])}` runs it as the authors did."
            )
        if step.runs > 1:  # (KISRDevelopment, shade, pSAM: one command of three, and all their outputs)
            them = " and ".join(_code(f) for f in step.run_by)
            again = " or ".join(f"`{_driver_command(f)}`" for f in step.run_by)
            lines.append(
                f"   - run {step.runs} times by {them}, with other arguments each time: the command above is "
                f"the first. {again} runs them all, and what it does besides (making folders, copying "
                "files); the files below are those of every run."
            )
        for language, count in (other_cells or {}).get(step.path, {}).items():
            # (lfsanche/econ_letters: regressions run in `%%stata` cells; the step seemed to do nothing)
            cells = "1 cell" if count == 1 else f"{count} cells"
            lines.append(
                f"   - {cells} in {language}, which sciship does not read: what they read and write is not "
                "listed here. Add it."
            )
        if set_aside(step.path) and not any(step.path in other.after for other in flow.steps):
            # (RichardSear/DP_trapping_codes: `older/` beside the scripts its Makefile runs)
            folder = step.path.rsplit("/", 1)[0]
            lines.append(
                f"   - in {_code(folder + '/')}, whose name says it keeps old versions: no other step needs "
                "what it writes, so run it only for those older results."
            )
        if step.python2:  # (`python` runs Python 3, which stops at its first line)
            lines.append(
                "   - Python 2 code, which Python 3 cannot run (see its problem below): run it with Python "
                "2.7, as above. sciship reads Python 3 only, so the files it reads and writes are not listed."
            )
        if step.after:
            lines.append("   - after: " + ", ".join(_code(p) for p in step.after))
        if step.reads:
            lines.append("   - reads: " + ", ".join(_code(p) for p in step.reads))
        if step.writes:
            lines.append("   - writes: " + ", ".join(_code(p) for p in step.writes))
        made = _matching(step.writes, by_path)
        figures = [f.path for f in made if f.role == "figure"]
        tables = [f.path for f in made if f.role == "table"]
        if figures:
            lines.append("   - figures: " + ", ".join(_code(p) for p in figures))
        if tables:
            lines.append("   - tables: " + ", ".join(_code(p) for p in tables))
        if step.order >= 10:  # what belongs to item `10.` is indented by its marker's width, four spaces:
            # with three, Markdown ends the list there and shows the command as a paragraph (MC-BLOS: 10-18)
            pad = " " * len(f"{step.order}. ")
            lines[first:] = [pad + line[3:] if line.startswith("   ") else line for line in lines[first:]]
        lines.append("")

    lines += _stubs(flow.stubs)
    lines += _unread_code(unread or {}, bool(flow.steps))

    # (files read only when they are there, which no step writes and the folder lacks: jtextor/immunet-paper-
    # code's figure 6 data, behind `if path.is_file():`, was in no list)
    reads_if_there = {
        u.path for u in flow.uses if u.access == "read" and u.optional and u.location == "folder"
    }
    only_if = [
        p
        for p in sorted(reads_if_there - set(flow.inputs) - set(flow.outputs))
        if not _matching([p], by_path)
    ]
    if flow.inputs or only_if:
        lines += ["## 3. Inputs", "", "Files the steps read and no step writes:", ""]
        # (where a README by a missing input says to download it from: AbsQuant's Zenodo DOI)
        sources = {p.target: p.source for p in flow.problems if p.code == "SHR110" and p.source}
        for path in flow.inputs:
            present = bool(_matching([path], by_path))
            source = sources.get(path)
            get = " (not in this folder: get it first" + (
                f"; `{source[0]}` gives a place to download from: {source[1]})" if source else ")"
            )
            lines.append(f"- {_code(path)}" + ("" if present else get))
        for path in only_if:
            lines.append(
                f"- {_code(path)} (not in this folder: the steps read it only when it is there, and leave "
                "out what needs it otherwise)"
            )
        lines.append("")

    external = [f for f in files if f.external]
    if external:
        limit = f" ({_size(max_file_size)})" if max_file_size else ""
        lines += [
            "## Files not in the deposit archive",
            "",
            (
                f"These files are larger than the archive's size limit{limit}. Get them from the authors or "
                "from where they are published, and check each one with its sha256 "
                "(`sha256sum FILE` on Linux, `shasum -a 256 FILE` on macOS):"
            ),
            "",
            "| file | size | sha256 |",
            "| --- | --- | --- |",
        ]
        lines += [f"| {_code(f.path)} | {_size(f.size)} | `{f.sha256 or 'not computed'}` |" for f in external]
        lines.append("")

    if flow.problems:
        lines += ["## Problems found", "", "Fix these before you deposit, or say here why they are fine:", ""]
        from sciship.flow.groups import told

        for t in told(flow.problems, _PLACES):
            lines.append(f"- {_code(t.where)}: {t.message} ({t.code})")
            lines += [f"  - {_code(where)} {verb} {_code(path)}" for where, verb, path in t.places]
            if t.more:
                lines.append(f"  - and {t.more} more under {_code(t.where)}")
        lines.append("")

    lines += ["## Licenses and citation", ""]
    if meta.license:
        lines.append(f"- Code: {meta.license}.")
    if meta.data_license and meta.data_license != meta.license:
        lines.append(f"- Data and figures: {meta.data_license}.")
    lines += ["- How to cite: see `CITATION.cff`.", ""]
    return "\n".join(lines)


def _stubs(paths: Sequence[str]) -> list[str]:
    """A sentence on the scripts that only raise ``NotImplementedError`` (``def main(): raise
    NotImplementedError``), which are no steps: left out of the run order without a word, a reader looked
    for the step that was missing (s33)."""
    if not paths:
        return []
    if len(paths) == 1:
        it = _code(paths[0])
        return [f"{it} only raises NotImplementedError: it is not written yet; finish it or delete it.", ""]
    names = ", ".join(_code(p) for p in paths[:-1]) + " and " + _code(paths[-1])
    return [
        f"{names} only raise NotImplementedError: they are not written yet; finish them or delete them.",
        "",
    ]


def _unread_code(by_language: dict[str, list[str]], steps: bool) -> list[str]:
    """A paragraph on the folder's code sciship does not read (R, Julia, MATLAB, shell scripts that run no
    Python: see :func:`sciship.share.inventory.unread_code`): the steps above leave it out, and only the
    authors can say how to run it."""
    if not by_language:
        return []
    said = ", ".join(
        f"{language} ({len(paths)} file{'s' if len(paths) > 1 else ''}: "
        + ", ".join(_code(p) for p in paths[:3])
        + (", ..." if len(paths) > 3 else "")
        + ")"
        for language, paths in by_language.items()
    )
    return [
        (
            f"This folder also holds code in {said}, which sciship does not read"
            + (
                ", so the steps above leave it out. Say here how to run it, and where in the order above."
                if steps
                else ". Say here how to run it."
            )
        ),
        "",
    ]


def _picture(flow: Flow, name: str) -> list[str]:
    """The data flow as a Mermaid flowchart (GitHub and GitLab draw it), with its legend in words."""
    if not flow.steps:
        return []
    from sciship.report.pictures.diagram import mermaid_fits, to_mermaid
    from sciship.share.picture import flow_picture, legend

    graph = flow_picture(flow, name)
    text = to_mermaid(graph)
    lines = ["## The data flow at a glance", ""]
    if not mermaid_fits(text, graph):
        return [
            *lines,
            (
                f"The data flow has {len(graph.nodes)} boxes and {len(graph.edges)} arrows: too many for "
                "GitHub to draw here. `sciship share --dry-run --graph flow.svg` draws it as a picture."
            ),
            "",
        ]
    words = (
        "Arrows go from a file to the step that reads it and from a step to what it writes. Shapes: "
        + legend(graph, mermaid=True)
        + "."
    )
    if any(n.label.endswith(" files)") for n in graph.nodes.values()):
        words += " Many similar files are folded into one box (`folder/*.ext (N files)`)."
    return [*lines, "```mermaid", text.rstrip("\n"), "```", "", words, ""]


def _size(n: int | None) -> str:
    if n is None:
        return "?"
    for unit, scale in (("GB", 1_000_000_000), ("MB", 1_000_000), ("kB", 1_000)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"
