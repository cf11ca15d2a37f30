"""What is in the folder, as a deposit sees it: each file's role, format and size, which files are too
large for the archive, and how the folder declares its environment."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from sciship._regex import compile_later

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from sciship.metadata.writers.rocrate import CrateFile
    from sciship.project import Project

#: Folders whose files never belong in a deposit (caches), wherever they are; see :func:`never_deposited`.
_NEVER_FOLDERS = frozenset(
    {"__pycache__", ".ipynb_checkpoints", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox", ".nox"}
)
DEFAULT_MAX_FILE_SIZE = 50_000_000

EnvKind = Literal["package", "requirements", "conda", "pipenv", "none"]


@dataclass(frozen=True)
class Environment:
    """How the folder declares what to install (``kind``), and in which file."""

    kind: EnvKind
    path: str | None = None  #: the file that declares it
    #: the folder's package file when the package declares no dependencies of its own: it is installed
    #: (``pip install -e .``) besides what ``path`` lists, which is where the packages come from
    package: str | None = None
    #: more files of the same kind, each in its own subfolder (one environment per part of the analysis:
    #: ``genomics/environment.yml``, ``imaging/environment.yml``), when the top of the folder has none
    others: tuple[str, ...] = ()
    #: with none declared for the whole folder: the environment files of some of its subfolders, for the
    #: steps in them only (``Fig1/environment.yml`` beside ``Fig2/`` to ``Fig5/`` without one)
    parts: tuple[str, ...] = ()
    #: for a package that declares its dependencies: the folder's requirements or conda file besides, the
    #: environment its analysis was run in (BioroboticsLab/IBA-paper-code: the steps import what only
    #: requirements.txt lists)
    also: str | None = None
    #: how to install ``also``: "pip" (``pip install -r``), "conda" (an environment.yml), "conda-list" (a
    #: conda list for ``conda create --file``)
    also_kind: str = ""
    #: subfolders that hold a package of the folder's own the steps import (``package/setup.py`` with
    #: ``src/mypkg/``): installed too (``pip install -e package``), or the steps stop at the import
    local: tuple[str, ...] = ()
    #: the name the conda file gives its environment (``name: rsv_replication``), for ``conda activate``
    conda_name: str | None = None
    #: a Poetry project that is no package (``package-mode = false``): `poetry install --no-root` installs
    #: what it lists; `pip install -e .` stops ("Building a package is not possible in non-package mode")
    no_package: bool = False
    #: the lock file of the tool that installs the environment, when the folder has one (``uv.lock``,
    #: ``poetry.lock``, ``Pipfile.lock``): that tool installs the exact versions it lists
    lock: str | None = None
    #: the conda files of ``files``, ``parts`` and ``also`` that give no environment name (no ``name:`` at
    #: their top): `conda env create -f` stops there, and needs one (``-n``)
    unnamed: tuple[str, ...] = ()
    #: requirements files in subfolders (``others``) that pin one package to different versions: `pip
    #: install -r a/requirements.txt -r b/requirements.txt` stops (ResolutionImpossible), so each part gets an
    #: environment of its own; the package named
    clash: str | None = None

    @property
    def files(self) -> tuple[str, ...]:
        """Every file that declares it: ``path`` and ``others``."""
        return (self.path, *self.others) if self.path else ()

    @property
    def declared(self) -> bool:
        return self.kind != "none"


#: Files every deposit keeps whatever their size: the metadata share writes and the code itself.
ALWAYS_KEPT = frozenset(
    {
        "CITATION.cff",
        "codemeta.json",
        ".zenodo.json",
        "ro-crate-metadata.json",
        "REPRODUCE.md",
        "requirements.txt",
    }
)


def too_large(path: str, size: int, limit: int) -> bool:
    """Whether a file stays out of the deposit archive: data, figures and tables over the limit (code,
    documents and the metadata files always go in)."""
    from sciship.metadata.writers.rocrate import role_of  # (not before share starts its work: see has_code)

    return size > limit and path not in ALWAYS_KEPT and role_of(path) in {"data", "figure", "table", "other"}


def size_of(project: Project, rel: str) -> int:
    """The size of ``rel`` in bytes, from the snapshot when it is not on disk; 0 when it cannot be read."""
    try:
        return os.stat(f"{project.root}/{rel}").st_size  # noqa: PTH116 - a third of Path.stat's time
    except OSError:
        data = project.read_bytes(rel)  # in memory (tests), or unreadable
        return len(data) if data is not None else 0


def deposit_files(project: Project) -> list[str]:
    """The folder's files that belong in a deposit: everything git tracks or .gitignore lets through,
    less build output, caches, earlier archives and names that are not UTF-8 (see :func:`odd_names`)."""
    return [f for f in project.files if _deposited(f)]


def _deposited(path: str) -> bool:
    return not never_deposited(path) and not path.startswith(".git/") and not _not_utf8(path)


def never_deposited(path: str) -> bool:
    """Build output, caches and earlier archives: a file in a cache folder (``__pycache__``,
    ``.ipynb_checkpoints``, ...), in ``dist/`` or ``build/`` at the top, in a ``*.egg-info`` folder;
    compiled Python (``.pyc``, ``.pyo``), ``.DS_Store`` and a virtual environment's ``pyvenv.cfg``."""
    if path.endswith((".pyc", ".pyo")):
        return True
    parts = path.split("/")
    if parts[-1] in {".DS_Store", "pyvenv.cfg"} or (len(parts) > 1 and parts[0] in {"dist", "build"}):
        return True
    return any(
        part in _NEVER_FOLDERS or (part.endswith(".egg-info") and len(part) > len(".egg-info"))
        for part in parts[:-1]
    )


def odd_names(project: Project) -> list[str]:
    """Files whose names are not UTF-8 text: other computers, zip tools and Zenodo cannot name them."""
    return [f for f in project.files if _not_utf8(f)]


def _not_utf8(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def describe(
    project: Project, paths: list[str], max_file_size: int, *, extra: dict[str, int] | None = None
) -> list[CrateFile]:
    """A :class:`CrateFile` for each path (``extra``: files the plan will write, with their sizes).

    Hidden files (``.gitignore``, ``.github/``) are in the archive but not described in the crate."""
    from sciship.metadata.writers.rocrate import CrateFile, encoding_format, role_of

    sizes = {p: size_of(project, p) for p in paths}
    sizes.update(extra or {})
    out = []
    for path in sorted(sizes):
        if any(part.startswith(".") for part in path.split("/")) or path == "ro-crate-metadata.json":
            continue
        size = sizes[path]
        out.append(
            CrateFile(
                path=path,
                size=size,
                role=role_of(path),
                encoding_format=encoding_format(path),
                external=too_large(path, size, max_file_size),
                language=notebook_language_name(project, path) if path.endswith(".ipynb") else None,
            )
        )
    return out


def sha256_of(project: Project, rel: str) -> str | None:
    """The SHA-256 of ``rel`` (hex), read in chunks; None when it cannot be read."""
    import hashlib

    digest = hashlib.sha256()
    try:
        with (project.root / rel).open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        data = project.read_bytes(rel)
        if data is None:
            return None
        digest.update(data)
    return digest.hexdigest()


_ENVIRONMENTS_FOLDER = compile_later(r"(?:envs?|environments?|conda)/[\w.-]+\.ya?ml", re.IGNORECASE)
_REQUIREMENTS = compile_later(r"(requirements/)?requirements[\w.-]*\.(txt|in)")


def environment(project: Project, steps: Collection[str] = ()) -> Environment:
    """How the folder says what to install: a package, requirements, conda or Pipfile; else none. A
    package that declares no dependencies (a setup.py without install_requires) says nothing of them: the
    requirements or conda file, if any, does (caporaso-lab/gut-to-soil-manuscript-figures,
    hcbiophys/tcells_paper_code: `pip install -e .` installed none of the packages the steps import)."""
    data = project.pyproject or {}
    tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
    package = None
    if isinstance(data.get("project"), dict) or (isinstance(tool, dict) and "poetry" in tool):
        package = "pyproject.toml"
    else:
        package = next((name for name in ("setup.py", "setup.cfg") if project.has(name)), None)
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    poetry_lock = "poetry.lock" if project.has("poetry.lock") and package == "pyproject.toml" else None
    if isinstance(poetry, dict) and poetry.get("package-mode") is False and package == "pyproject.toml":
        # (alcrene/emd-paper-notebooks: REPRODUCE.md's `pip install -e .` stopped at once)
        return Environment("package", package, no_package=True, lock=poetry_lock)
    if package == "pyproject.toml" and _declares_dependencies(project, package):
        # a lock file gives the exact versions the analysis ran with, which `pip install -e .` ignores:
        # its tool installs them (`uv sync`, `poetry install`)
        lock = poetry_lock if isinstance(poetry, dict) else None
        lock = lock or ("uv.lock" if project.has("uv.lock") else poetry_lock)
        if lock is not None:
            local = _local_packages(project, steps)
            return Environment("package", package, lock=lock, local=local)
    if package is not None and _declares_dependencies(project, package):
        beside = _environment_file(project, steps)
        top = beside.path if beside.kind in {"requirements", "conda"} and not beside.others else None
        if top is None or "/" in top:
            return Environment("package", package)
        from sciship.imports.declared import is_conda_export

        listed = beside.kind == "requirements" and is_conda_export(project.read_commands(top) or "")
        how = "conda" if beside.kind == "conda" else "conda-list" if listed else "pip"
        name = _conda_name(project, top)
        unnamed = (top,) if how == "conda" and name is None else ()
        return Environment("package", package, also=top, also_kind=how, conda_name=name, unnamed=unnamed)
    found = _environment_file(project, steps)
    if found.kind == "requirements" and found.others:
        found = replace(found, clash=_clash(project, found.files))
    # (a subfolder's own environment stays one beside a package that declares nothing: `analysis/
    # requirements.txt` went unmentioned next to a bare setup.py)
    env = (
        Environment(found.kind, found.path, package, found.others, found.parts, clash=found.clash)
        if package
        else found
    )
    if env.kind == "conda" and env.path and not env.others:
        env = replace(env, conda_name=_conda_name(project, env.path))
    local = _local_packages(project, steps)
    return _named(project, replace(env, local=local) if local else env)


#: a pinned requirement line: ``numpy==1.21.0`` (a name, ``==``, a version)
_PIN = compile_later(
    r"^\s*([A-Za-z0-9][\w.-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([\w.!+*-]+)\s*(?:[;#]|$)", re.MULTILINE
)


def _clash(project: Project, files: Collection[str]) -> str | None:
    """A package that two of ``files`` (requirements files) pin to different versions: one environment
    cannot hold both."""
    pinned: dict[str, str] = {}
    for f in files:
        for m in _PIN.finditer(project.read_text(f) or ""):
            name = re.sub(r"[-_.]+", "-", m.group(1)).lower()
            if pinned.setdefault(name, m.group(2)) != m.group(2):
                return m.group(1)
    return None


def _named(project: Project, env: Environment) -> Environment:
    """``env`` with its conda files that name no environment (``unnamed``): `conda env create -f
    environment.yml` of a file without `name:` stops ("An environment name is required")."""
    mine = env.files if env.kind == "conda" else ()
    conda = [f for f in (*mine, *env.parts) if f.endswith((".yml", ".yaml"))]
    unnamed = tuple(f for f in conda if _conda_name(project, f) is None)
    return replace(env, unnamed=unnamed) if unnamed else env


def _conda_name(project: Project, path: str) -> str | None:
    """The environment's name a conda file gives at its top level (``name: rsv_replication``): `conda env
    create` makes the environment of that name, so REPRODUCE.md can say what to activate."""
    if not path.endswith((".yml", ".yaml")):
        return None
    # (its line only: parsing a conda export of thousands of packages cost 0.4 s a run, compgeolab)
    m = _CONDA_NAME.search(project.read_text(path) or "")
    return m.group(1) if m else None


#: the top-level ``name:`` of a conda file, plain or quoted
_CONDA_NAME = compile_later(r"""^name:[ \t]*["']?([\w.+-]+)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)


#: a package's own setup file (``setup.py``, or a ``pyproject.toml`` that builds one)
_PACKAGE_FILES = ("setup.py", "pyproject.toml", "setup.cfg")


def _local_packages(project: Project, steps: Collection[str]) -> tuple[str, ...]:
    """Subfolders (two deep at most) with a package of their own (a setup file, and an import package
    in it or in its ``src/``) that the steps import by name: zouter/ChromatinHD_manuscript's 56 scripts
    import `chromatinhd_manuscript`, from `package/setup.py`, which REPRODUCE.md never installed."""
    homes = sorted(
        {
            f.rsplit("/", 1)[0]
            for f in project.files
            if f.count("/") in (1, 2) and f.rsplit("/", 1)[1] in _PACKAGE_FILES
        }
    )
    if not homes or not steps:
        return ()
    names: dict[str, str] = {}  # import name -> the folder that installs it
    for home in homes:
        for f in project.files:
            for base in (home + "/", home + "/src/"):
                rest = f[len(base) :] if f.startswith(base) else ""
                if rest.count("/") == 1 and rest.endswith("/__init__.py"):
                    names.setdefault(rest.split("/", 1)[0], home)
    if not names:
        return ()
    # (`import mypkg`, `from mypkg.x import y`, in a script or a notebook's JSON, looked for in the bytes
    # the data flow read already: a notebook is megabytes, and a search for a text is fast there)
    used: dict[str, None] = {}
    for step in steps:
        data = project.read_bytes(step) or b""
        for name, home in names.items():
            if home not in used and _imports_by_name(data, name.encode()):
                used.setdefault(home)
    return tuple(used)


def _imports_by_name(data: bytes, name: bytes) -> bool:
    """Does ``data`` hold ``import name`` or ``from name`` (the whole name, or a module of it)?"""
    for head in (b"import ", b"from "):
        at = data.find(head + name)
        while at >= 0:
            end = at + len(head) + len(name)
            if end == len(data) or not (data[end : end + 1].isalnum() or data[end : end + 1] == b"_"):
                return True
            at = data.find(head + name, end)
    return False


def _declares_dependencies(project: Project, package: str) -> bool:
    """Whether the package's own metadata names what it needs (any mention of it counts: a setup.py that
    reads install_requires from a file does)."""
    if package == "pyproject.toml":
        data = project.pyproject or {}
        table = data.get("project")
        if isinstance(table, dict):
            dynamic = table.get("dynamic")
            # (`dependencies = []` is the author's word that it needs nothing: `sciship check` judges it)
            return "dependencies" in table or (isinstance(dynamic, list) and "dependencies" in dynamic)
        tool = data.get("tool")
        poetry = tool.get("poetry") if isinstance(tool, dict) else None
        deps = poetry.get("dependencies") if isinstance(poetry, dict) else None
        return isinstance(deps, dict) and any(str(k).lower() != "python" for k in deps)
    texts = [project.read_text(name) or "" for name in ("setup.py", "setup.cfg") if project.has(name)]
    return any("requires" in text for text in texts)


def _environment_file(project: Project, steps: Collection[str] = ()) -> Environment:
    """The requirements, conda or Pipfile environment the folder declares; else none. Files one folder down
    declare it when every step of the analysis is in one of their folders."""
    reqs = sorted(
        (f for f in project.files if f.startswith("requirements") and _REQUIREMENTS.fullmatch(f)),
        key=lambda f: (f.count("/"), f != "requirements.txt", f),
    )
    if reqs:
        return Environment("requirements", reqs[0])
    conda = re.compile(r"(environment|conda)[\w.-]*\.ya?ml", re.IGNORECASE)
    env = sorted(f for f in project.files if "/" not in f and conda.fullmatch(f))  # top-level files only
    # or another name with `env` in it, when it reads like one (falettiwx/WoFS-ESA-Manuscript-Code's
    # `faletti26env.yaml`: a pip requirements.txt was written instead)
    env = env or sorted(
        f
        for f in project.files
        if "/" not in f
        and _NAMED_ENV.fullmatch(f)
        and _CONDA_DEPENDENCIES.search(project.read_text(f) or "")
    )
    # or a folder of environments (`environments/gut-to-soil-qiime2-tiny-2024.5.yml`)
    env = env or sorted(f for f in project.files if _ENVIRONMENTS_FOLDER.fullmatch(f))
    if env:
        return Environment("conda", env[0])
    if project.has("Pipfile"):
        return Environment("pipenv", "Pipfile", lock="Pipfile.lock" if project.has("Pipfile.lock") else None)
    # none at the top: one for each part of the analysis, in its folder (ahansenlab/ZNF143_analysis_code:
    # `genomics_analysis/environment.yml` and `imaging_analysis/environment.yml` went unmentioned, and a
    # requirements.txt of everything was written instead); the files `sciship deps` reads too
    from sciship.imports.declared import environment_files, requirement_files

    below = [f for f in environment_files(project) if f.count("/") == 1]
    kind: EnvKind = "conda"
    if not below:
        below = [
            f
            for f in requirement_files(project, anywhere=True)
            if f.count("/") == 1 and f.split("/", 1)[0].lower() not in _NOT_AN_ANALYSIS
        ]
        kind = "requirements"
    below.sort()
    folders = {f.split("/", 1)[0] + "/" for f in below}
    if below and all(step.startswith(tuple(folders)) for step in steps):
        return Environment(kind, below[0], others=tuple(below[1:]))
    # (czbiohub-sf/rnaquarium-figures: `Fig1/environment.yml` is Fig1's; the other figures' steps need
    # what the code imports, as a requirements.txt of all of it says)
    return Environment("none", parts=tuple(below))


#: a YAML file with `env` in its name, and a conda file's top-level `dependencies:` list
_NAMED_ENV = compile_later(r"[\w.-]*env\.ya?ml|[\w.-]*[_.-]env[_.-][\w.-]*\.ya?ml", re.IGNORECASE)
_CONDA_DEPENDENCIES = compile_later(r"^dependencies:[ \t]*$", re.MULTILINE)


#: subfolders whose requirements are not an analysis' environment (documentation, a package's tests)
_NOT_AN_ANALYSIS = frozenset({"docs", "doc", "test", "tests"})


#: a notebook the R kernel runs (its ``kernelspec`` named ``ir`` or ``r``), whatever its language fields say
_NB_R_KERNEL = compile_later(r'"kernelspec"\s*:\s*\{[^{}]*?"name"\s*:\s*"(?:ir|r)"', re.IGNORECASE)
#: a notebook's language, in its metadata (at the end of the file, as Jupyter writes it)
_NB_LANGUAGE = compile_later(
    r'"(?:language_info"\s*:\s*\{[^{}]*?"name"|kernelspec"\s*:\s*\{[^{}]*?"language")\s*:\s*"([^"]+)"'
)


def notebook_language(project: Project, rel: str) -> str | None:
    """The language a notebook is written in (``python``, ``r``, ``julia``), from its metadata; None when it
    does not say. Jupyter writes the metadata last: the end of the file is read first (a folder of 240
    notebooks took 56 ms to read whole)."""
    try:
        with open(f"{project.root}/{rel}", "rb") as f:  # noqa: PTH123 - a seek, not a whole read
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 20_000))
            tail = f.read().decode("utf-8", "replace")
        if _NB_R_KERNEL.search(tail):
            return "r"
        m = _NB_LANGUAGE.search(tail)
        if m:
            return m.group(1).lower()
    except OSError:
        pass  # (an in-memory project: the text itself)
    text = project.read_text(rel)
    if text is None:
        return None
    if _NB_R_KERNEL.search(text):
        return "r"
    m = _NB_LANGUAGE.search(text, max(0, len(text) - 20_000)) or _NB_LANGUAGE.search(text)
    return m.group(1).lower() if m else None


#: a notebook's language as its metadata spells it (lower case), by the name the metadata files use
_NOTEBOOK_LANGUAGES = {
    "python": "Python",
    "python3": "Python",
    "r": "R",
    "ir": "R",
    "julia": "Julia",
    "matlab": "MATLAB",
    "octave": "MATLAB",
    "bash": "Shell",
}


def notebook_language_name(project: Project, rel: str) -> str | None:
    """The language of a notebook as codemeta and the RO-Crate name it (``Python``, ``R``, ``Julia``); None
    when its metadata does not say. Read once per notebook."""
    language: str | None = project.memo(f"notebook-language:{rel}", lambda: notebook_language(project, rel))
    if language is None:
        return None
    return _NOTEBOOK_LANGUAGES.get(language, language.capitalize())


def notebook_languages(project: Project) -> dict[str, list[str]]:
    """The notebooks that go in the deposit written in other languages than Python (an R kernel), by
    language (``R``, ``Julia``): the steps leave them out, and the metadata names their language."""
    found: dict[str, list[str]] = {}
    for nb in project.notebooks():
        language = notebook_language_name(project, nb) if _deposited(nb) else None
        if language and language != "Python":
            found.setdefault(language, []).append(nb)
    return found


#: cell magics that run a cell in another language, which may read and write files (not `%%bash` and its
#: like: those cells are read as commands), by the language's name
_CELL_LANGUAGES = {
    "R": "R", "stata": "Stata", "julia": "Julia", "matlab": "MATLAB", "octave": "Octave", "sas": "SAS",
    "sql": "SQL", "perl": "Perl", "ruby": "Ruby",
}
#: a cell that starts with a cell magic, in a notebook's JSON (its source a string or a list of lines)
_CELL_MAGIC = compile_later(r'"source":\s*(?:\[\s*)?"%%(\w+)')


def other_cells(project: Project, notebooks: Iterable[str]) -> dict[str, dict[str, int]]:
    """The cells of Python notebooks that run in another language (``%%stata``, ``%%R``), by notebook:
    how many of each language. The data flow does not read them (lfsanche/econ_letters: two notebooks run
    all their regressions in Stata cells, and their steps said they read and write nothing)."""
    out: dict[str, dict[str, int]] = {}
    for nb in notebooks:
        text = project.read_text(nb)
        if text is None or "%%" not in text:
            continue
        for m in _CELL_MAGIC.finditer(text):
            language = _CELL_LANGUAGES.get(m.group(1))
            if language is not None:
                counts = out.setdefault(nb, {})
                counts[language] = counts.get(language, 0) + 1
    return out


def other_languages(project: Project) -> dict[str, list[str]]:
    """When the folder's only code is notebooks in other languages than Python: those notebooks, by
    language (empty otherwise)."""
    code = [f for f in project.files if f.endswith((".py", ".ipynb")) and _deposited(f)]
    if not code or any(f.endswith(".py") for f in code):
        return {}
    out: dict[str, list[str]] = {}
    for nb in code:
        language = notebook_language(project, nb)
        if language in (None, "python", "python3"):
            return {}
        out.setdefault(language, []).append(nb)
    return out


def script_languages(project: Project, *, extension_only: bool = False) -> dict[str, int]:
    """The code of other languages than Python the folder holds (R, MATLAB, Julia, ...): how many files
    of each, most first (not in documentation or build folders). Snakemake files count as Snakemake,
    unless ``extension_only`` (the languages whose files the metadata calls code)."""
    from sciship.metadata.languages import other_code

    deposited = [f for f in project.files if _deposited(f)]
    counts = {k: len(v) for k, v in other_code(deposited).items()}
    if not extension_only:
        snakemake = sum(
            1 for f in deposited if f.rsplit("/", 1)[-1] == "Snakefile" or f.endswith((".smk", ".snake"))
        )
        if snakemake:
            counts["Snakemake"] = snakemake
        nextflow = sum(1 for f in deposited if _nextflow(f))
        if nextflow:
            counts["Nextflow"] = nextflow
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _nextflow(path: str) -> bool:
    """A Nextflow pipeline (``main.nf``): sciship does not read them."""
    return path.endswith(".nf")


def unread_code(project: Project) -> dict[str, list[str]]:
    """The code sciship does not read, by language, most files first: R, Julia, MATLAB, ... shell scripts
    and Snakemake workflows that run no Python (a ``cdo`` or ``Rscript`` pipeline; those that run the
    folder's Python scripts are read for that), and Nextflow pipelines. Not in documentation or build
    folders."""
    from sciship.metadata.languages import other_code

    deposited = [f for f in project.files if _deposited(f)]
    found = other_code(deposited)
    shell = _no_python(project, found.pop("Shell", []))
    if shell:
        found["Shell"] = shell
    # a Snakemake workflow whose rules run no Python (its R scripts: jermoef/lilace-paper-analysis,
    # camlab-bioml/2023-cytomarkerpaper-analysis: the folder's real entry point went unmentioned)
    snakemake = _no_python(
        project,
        [f for f in deposited if f.rsplit("/", 1)[-1] == "Snakefile" or f.endswith((".smk", ".snake"))],
    )
    if snakemake:
        found["Snakemake"] = snakemake
    # a Nextflow pipeline, even one whose processes run the folder's Python scripts: sciship reads none of
    # it, so neither the order it runs them in nor the arguments it gives them (Rozen-Lab/
    # sig_attribution_paper_code: the two .nf files that drive every step went unnamed)
    nextflow = [f for f in deposited if _nextflow(f)]
    if nextflow:
        found["Nextflow"] = nextflow
    for language, notebooks in notebook_languages(project).items():  # the steps leave these out
        found[language + " notebooks"] = notebooks
    return dict(sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def _no_python(project: Project, scripts: list[str]) -> list[str]:
    """The shell scripts that run no Python, not even through another of these scripts they run
    (``run_exp3_a.sh`` runs ``run_conf.sh``, which runs ``python clusterwork.py``: gmmvi_reproducibility)."""
    texts = {f: _code_lines(project.read_commands(f) or "") for f in scripts}
    runs = {f for f, text in texts.items() if _runs_python(text)}
    added = True
    while added:  # (a chain of scripts: until nothing more is found)
        added = False
        names = {f.rsplit("/", 1)[-1] for f in runs}
        for f, text in texts.items():
            if f not in runs and any(name in text for name in names):
                runs.add(f)
                added = True
    return [f for f in scripts if f not in runs]


def _code_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _runs_python(text: str) -> bool:
    """Does a shell script run Python (a script, a notebook, a workflow manager that runs them), on a line
    that is no comment (``# python old.py``, left in, runs nothing), and not only name it as a package to
    install (``conda create -n x python=3.9``: JMencius/MethQC-paper-code)?"""
    code = _PYTHON_PACKAGE.sub("", _code_lines(text))
    return any(word in code for word in _RUNS_PYTHON)


#: Python named as a package to install, with its version: ``python=3.9``, ``"python>=3.10"``
_PYTHON_PACKAGE = compile_later(r"\bpython\s*(?:==?|>=|<=|~=)\s*[\d.*]+")


#: words of a shell script that runs Python: an interpreter, a script, or a tool that runs the folder's
#: scripts and notebooks (Nextflow and Snakemake pipelines, Jupyter, papermill)
_RUNS_PYTHON = ("python", ".py", "nextflow", "snakemake", "jupyter", "papermill", "ipython")


def has_code(project: Project) -> bool:
    """Whether any file that goes in the deposit is a Python script or notebook. ``sciship share`` asks
    before it starts the data flow's work on the other CPU: this module imports no writer meanwhile."""
    return any(
        f.endswith((".py", ".ipynb")) and _deposited(f) for f in project.files
    )  # (code files first: checking every file of a large folder took 9 ms)
