"""Sharing research: the citation metadata files agree, the data flow has no traps, big files are noted.

The data-flow checks (SHR110-SHR116) read :func:`sciship.flow.trace`; they cost nothing on a folder
without research content (no notebooks, no scripts outside the package, its tests and docs): they skip
before the trace is computed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sciship._regex import compile_later
from sciship.checks import Fail, Skip, check

if TYPE_CHECKING:
    import pathspec

    from sciship.checks import Result
    from sciship.flow import Flow, FlowProblem
    from sciship.metadata.model import Metadata
    from sciship.project import Project

FAMILY = "share"
TOPIC = "share"
#: GitHub warns about files over 50 MB and refuses files over 100 MB.
BIG_FILE = 50_000_000
_NOT_RESEARCH_DIRS = frozenset({"tests", "test", "testing", "docs", "doc", "documentation", ".github"})
_BUILD_FILES = frozenset({"setup.py", "noxfile.py", "tasks.py", "conftest.py", "fabfile.py", "dodo.py"})
_DATA_SUFFIX = compile_later(
    r"\.(csv|tsv|txt|dat|json|npy|npz|h5|hdf5|hdf|nc|zarr|mat|pkl|pickle|joblib|parquet|feather|xlsx?|"
    r"zip|gz|bz2|xz|tar|tif|tiff|png|jpe?g|fits|pt|pth|ckpt|bin|sav|rds|sqlite|db|mp4|avi|wav)$",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------- research content and the flow
def research_files(project: Project) -> list[str]:
    """Notebooks and scripts outside the import packages, tests, docs and build files (memoised)."""

    def compute() -> list[str]:
        from sciship.flow import is_test

        package_dirs = tuple(p.path + "/" for p in project.packages if not p.module)
        # a single .py file counts as a package's module only when package metadata says there is a
        # package; in a research folder (`src/main.py`, no pyproject.toml) it is a script, as for the trace
        modules = {p.path for p in project.packages if p.module} if project.declares_package() else set()
        out = []
        for f in project.files:
            if not f.endswith((".py", ".ipynb")) or f in modules or f.startswith(package_dirs):
                continue
            parts = f.split("/")
            if parts[0] in _NOT_RESEARCH_DIRS or "/.ipynb_checkpoints/" in f"/{f}":
                continue  # tests and documentation (notebooks in docs/ are documentation too)
            if f.endswith(".py") and (parts[-1] in _BUILD_FILES or is_test(project, f)):
                continue  # (a `test_model.py` that evaluates a model and holds no test is research)
            out.append(f)
        return out

    return project.memo("share:research-files", compute)  # type: ignore[no-any-return]


def flow_of(project: Project) -> Flow | Skip:
    """The data flow, or a Skip when there is no research content (then it is never computed)."""
    if not research_files(project):
        return Skip("No notebooks or analysis scripts here (only a package, its tests and docs).")

    from sciship.flow import trace

    return trace(project)


def _flow_problems(project: Project, code: str) -> list[FlowProblem] | Skip:
    flow = flow_of(project)
    if isinstance(flow, Skip):
        return flow
    return [p for p in flow.problems if p.code == code]


def _report(project: Project, problems: list[FlowProblem] | Skip, what: str) -> Result:
    """One finding for a data-flow problem code: the first five problems, and where the first one is.

    In a project that declares a package, the notebooks and scripts are its examples, benchmarks and
    helpers: people who install the package never run them, so a problem in their data flow is polish
    there (``sciship explain severities``); in a research folder it is what the folder is for."""
    if isinstance(problems, Skip):
        return problems
    if not problems:
        return None
    from sciship.flow import FlowProblem
    from sciship.flow.groups import group_problems

    first = problems[0]
    told: list[str] = []
    left = len(problems)
    for p in group_problems(problems)[:5]:  # many absolute paths under one folder are told once
        if isinstance(p, FlowProblem):
            told.append(f"`{p.path}{f':{p.line}' if p.line else ''}`: {p.message}")
            left -= 1
            continue
        where, verb, path = p.places(1)[0]
        told.append(f"`{p.folder}`: {p.message} (for example `{where}` {verb} `{path}`)")
        left -= len(p.problems)
    shown = "; ".join(told)
    more = f"; and {left} more" if left else ""
    if project.declares_package():
        return Fail(
            f"{len(problems)} {what} (in the notebooks and scripts next to the package, which people who "
            f"install the package do not run): {shown}{more}",
            path=first.path,
            line=first.line,
            severity="polish",
        )
    return Fail(f"{len(problems)} {what}: {shown}{more}", path=first.path, line=first.line)


@check(
    "SHR110",
    family=FAMILY,
    severity="important",
    topic=TOPIC,
    title="Every file the analysis reads is in the folder or made by a step",
    why="""A script that reads a file nobody has (it is not in the folder and no other script writes it)
    cannot be rerun by anyone else: the analysis stops at its first line of real work. A file read only
    when it is there (checked first, or inside `try:`) or made by the script itself (a cache, a download,
    a shell command's output) is not counted.""",
    fix="""Add the file (or a small sample of it) to the folder, or say in REPRODUCE.md where to get it
    (a DOI, a URL) and where to put it. If another script should make it, check the two paths match.""",
)
def missing_inputs(project: Project) -> Result:
    """SHR110: every file the notebooks and scripts read is in the folder or written by another step."""
    return _report(project, _flow_problems(project, "SHR110"), "input(s) are missing")


@check(
    "SHR111",
    family=FAMILY,
    severity="important",
    topic=TOPIC,
    title="Scripts use paths relative to the folder, not absolute ones",
    why="""A path like `/home/ana/data/x.csv` or `C:\\Users\\ana\\x.csv` exists only on one computer.
    Anyone else who runs the script (or you, on a cluster) gets "file not found"; a figure saved to such a
    path never lands in the folder you share. Temporary and cache folders (`tempfile`, `~/.cache`) are
    fine.""",
    fix="""Write paths relative to the project folder (`data/x.csv`), or build them from the script's
    own location: `Path(__file__).parent / "data" / "x.csv"`.""",
)
def absolute_paths(project: Project) -> Result:
    """SHR111: notebooks and scripts use no absolute paths."""
    return _report(project, _flow_problems(project, "SHR111"), "absolute path(s)")


@check(
    "SHR112",
    family=FAMILY,
    severity="important",
    topic=TOPIC,
    title="Scripts do not read or write outside the folder",
    why="""A path such as `../../data/x.csv` points outside the project: a deposit or a clone does not
    have that file, so the analysis cannot run from what you share.""",
    fix="""Move the file into the project folder (for example `data/`) and change the path, or say in
    REPRODUCE.md where it comes from.""",
)
def paths_leave_folder(project: Project) -> Result:
    """SHR112: notebooks and scripts read and write nothing outside the folder."""
    return _report(project, _flow_problems(project, "SHR112"), "path(s) leave the folder")


@check(
    "SHR113",
    family=FAMILY,
    severity="important",
    topic=TOPIC,
    title="Each output file is written by one step only",
    why="""When two scripts write the same file, whichever runs last wins: a figure may silently come
    from the wrong script, and rerunning in another order gives other results.""",
    fix="""Give each output its own file name, or remove the older script's write.""",
)
def same_output_twice(project: Project) -> Result:
    """SHR113: no output file is written by more than one step."""
    return _report(project, _flow_problems(project, "SHR113"), "file(s) written by more than one step")


@check(
    "SHR114",
    family=FAMILY,
    severity="important",
    topic=TOPIC,
    title="The steps do not depend on each other in a circle",
    why="""When step A reads what step B writes and B reads what A writes, there is no order in which a
    fresh copy of the folder can be run: one of them always needs a file that does not exist yet.""",
    fix="""Break the circle: usually one of the files is an input that should be kept (and not
    rewritten), or a step does two jobs and should be split.""",
)
def cycles(project: Project) -> Result:
    """SHR114: no steps depend on each other in a circle."""
    return _report(project, _flow_problems(project, "SHR114"), "circle(s) between steps")


@check(
    "SHR115",
    family=FAMILY,
    severity="important",
    topic=TOPIC,
    title="Notebooks were run from top to bottom",
    why="""Jupyter numbers each cell as it runs. When the numbers in a saved notebook are not increasing,
    its outputs came from cells run in another order (or from cells since deleted), and running it from
    the top may give different results.""",
    fix="""Restart the kernel and run all cells (Kernel > Restart & Run All), check the results, and save.""",
)
def notebooks_in_order(project: Project) -> Result:
    """SHR115: in each notebook the saved execution counts increase from top to bottom."""
    return _report(project, _flow_problems(project, "SHR115"), "notebook(s) were run out of order")


@check(
    "SHR116",
    family=FAMILY,
    severity="polish",
    topic=TOPIC,
    title="Notebook outputs are up to date",
    why="""A notebook whose saved outputs do not come from its current code (cells added or changed
    without running them) shows readers results the code no longer produces.""",
    fix="""Restart the kernel and run all cells, then save; or clear the outputs if they are not meant
    to be read.""",
)
def notebooks_fresh(project: Project) -> Result:
    """SHR116: each notebook's saved outputs come from one run from the top, with no cell skipped."""
    return _report(project, _flow_problems(project, "SHR116"), "notebook(s) have stale outputs")


# ---------------------------------------------------------------------- metadata files agree
_FIELDS = (("name", "title"), ("version", "version"), ("license", "license"), ("authors", "authors"))


def _norm(value: object) -> str:
    return re.sub(r"[-_.\s]+", "-", str(value)).lower().strip("-")


def _license(m: Metadata) -> str | None:
    from sciship.metadata.licenses import canonical, spdx_ids

    if not m.license:
        return None
    value = (canonical(m.license) or m.license).lower()
    current = {i.lower() for i in spdx_ids()}
    # a retired id names the same license as its `-only` spelling (SPDX: GPL-3.0 is GPL-3.0-only)
    return value if value in current or f"{value}-only" not in current else f"{value}-only"


def _name_tokens(person: object) -> frozenset[str]:
    """The words of a name without accents, in any alphabet (`Zoë` and `Zoe` match; so do `李小龙` and
    `李小龙`); initials and short particles count only when the name has nothing longer (`Li Xi`)."""
    import unicodedata

    text = unicodedata.normalize("NFKD", str(getattr(person, "display", person))).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    tokens = [t for t in re.split(r"[\W_]+", text) if t]
    return frozenset(t for t in tokens if len(t) > 2) or frozenset(tokens)


def _same_people(first: tuple[frozenset[str], ...], other: tuple[frozenset[str], ...]) -> bool:
    """One list credits everyone the other does (a citation may credit more people than the package
    metadata, and write a name with its middle initial, a hyphen or family name first)."""

    def covered(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
        return all(any(x & y for y in b) for x in a)

    return covered(first, other) or covered(other, first)


@check(
    "SHR100",
    family=FAMILY,
    severity="important",
    topic=TOPIC,
    title="The metadata files agree with each other and with the package",
    why="""CITATION.cff, .zenodo.json, codemeta.json and ro-crate-metadata.json each tell a different
    reader who made the work and under which license: GitHub's "Cite this repository", Zenodo (it reads
    .zenodo.json first and ignores CITATION.cff then), Software Heritage. When they disagree, your DOI
    record or your citation says something other than your package.""",
    fix="""Run `sciship share --update`: it rewrites version, date, authors and license in every
    metadata file from one source (pyproject.toml when the project is a package) and keeps the rest.""",
)
def metadata_agree(project: Project) -> Result:
    """SHR100: name, version, license and authors agree across the metadata files and the package.

    The files are CITATION.cff, .zenodo.json, codemeta.json and ro-crate-metadata.json; skips with fewer than
    two sources.
    """
    from sciship.metadata.writers import METADATA_FILES

    if not any(project.has(f) for f in METADATA_FILES):  # the usual case: decided without reading anything
        return Skip("There is no CITATION.cff, .zenodo.json, codemeta.json or ro-crate-metadata.json.")
    from sciship.metadata import read

    md = read.load(project)
    files = [m for m in (md.citation, md.zenodo, md.codemeta, md.rocrate) if m is not None]
    package = md.package
    if not files or (len(files) == 1 and package is None):
        return Skip(
            "Needs two of CITATION.cff, .zenodo.json, codemeta.json, ro-crate-metadata.json, pyproject."
        )
    reference = [package, *files] if package is not None else files
    problems: list[tuple[str, Metadata]] = []
    for field, label in _FIELDS:
        values: list[tuple[Metadata, object]] = []
        for m in reference:
            if field == "name":
                value: object = m.name and _norm(m.name)
            elif field == "license":
                value = _license(m)
            elif field == "authors":
                # a team named in pyproject.toml and its people named in CITATION.cff is a choice, not a
                # mistake: only lists of people are compared
                people = [p for p in m.people if not p.is_organisation]
                value = tuple(_name_tokens(p) for p in people) if people == list(m.people) else None
            else:
                value = getattr(m, field)
            if value:
                values.append((m, value))
        if len(values) < 2:
            continue
        first_m, first = values[0]
        for m, value in values[1:]:
            # COM605 already compares CITATION.cff's title and version with pyproject.toml
            if first_m is package and m.origin == "CITATION.cff" and field in {"name", "version"}:
                continue
            if field == "name":
                names = {str(first), *(_norm(p.name) for p in project.packages)}
                same = any(n in str(value) or str(value) in n for n in names)
            elif field == "authors":
                same = _same_people(first, value)  # type: ignore[arg-type]
            else:
                same = value == first
            if not same:
                shown_first = _shown(first_m, field)
                shown = _shown(m, field)
                problems.append(
                    (f"{label}: {_where(first_m)} says {shown_first}, {_where(m)} says {shown}", m)
                )
                break
    if not problems:
        return None
    where = problems[0][1]
    source = where.source({"title": "name"}.get(problems[0][0].split(":")[0], problems[0][0].split(":")[0]))
    return Fail(
        "The metadata files disagree: " + "; ".join(p for p, _ in problems) + ".",
        path=source.path if source is not None else where.origin,
        line=source.line if source is not None else None,
    )


def _where(m: Metadata) -> str:
    from sciship.metadata.model import ORIGIN_NAMES

    return ORIGIN_NAMES.get(m.origin, m.origin)


def _shown(m: Metadata, field: str) -> str:
    if field == "authors":
        return ", ".join(p.display for p in m.people) or "no one"
    value = getattr(m, field)
    return f"`{value}`"


# ---------------------------------------------------------------------- large files
@check(
    "SHR101",
    family=FAMILY,
    severity="important",
    topic=TOPIC,
    title="Large data files in git are noted (Git LFS, or a note where to get them)",
    why="""GitHub warns about files over 50 MB and refuses those over 100 MB; every clone downloads
    each version of a large file forever. Big data usually belongs in a data repository (Zenodo, a
    domain archive) with a note in the README, or in Git LFS.""",
    fix="""Move the file to a data repository and say in README.md or REPRODUCE.md where to get it (its
    name, a DOI or URL, its sha256), or track it with Git LFS (`git lfs track "*.h5"`).
    `sciship share --archive` lists such files with their sha256 for you.""",
)
def large_files_noted(project: Project) -> Result:
    """SHR101: every committed data file over 50 MB is in Git LFS or named where people look for it.

    That is the README, REPRODUCE.md or ro-crate-metadata.json; skips outside git.
    """
    if not project.in_git or not project.tracked:
        return Skip("Not a git repository.")
    candidates = [f for f in project.tracked if _DATA_SUFFIX.search(f)]
    big: list[tuple[str, int]] = []
    for rel in candidates:
        try:
            size = (project.root / rel).stat().st_size
        except OSError:
            continue
        if size > BIG_FILE:
            big.append((rel, size))
    if not big:
        return None
    lfs = _lfs_patterns(project)
    notes = " ".join(
        project.read_text(p) or ""
        for p in (project.find_ci("README"), "REPRODUCE.md", "ro-crate-metadata.json")
        if p and project.has(p)
    )
    unnoted = [
        (rel, size)
        for rel, size in sorted(big)
        if not (lfs is not None and lfs.match_file(rel))
        and rel not in notes
        and rel.rsplit("/", 1)[-1] not in notes
    ]
    if not unnoted:
        return None
    shown = ", ".join(f"`{rel}` ({size / 1e6:.0f} MB)" for rel, size in unnoted[:5])
    more = f" and {len(unnoted) - 5} more" if len(unnoted) > 5 else ""
    return Fail(f"Large files are committed without a note: {shown}{more}.", path=unnoted[0][0])


def _lfs_patterns(project: Project) -> pathspec.GitIgnoreSpec | None:
    text = project.read_text(".gitattributes") if project.has(".gitattributes") else None
    if not text:
        return None
    patterns = [line.split()[0] for line in text.splitlines() if "filter=lfs" in line and line.split()]
    if not patterns:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)
