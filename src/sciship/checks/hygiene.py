"""Repository hygiene: what belongs in version control and what must never be there."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sciship._regex import compile_later
from sciship.checks import Fail, check, fixer

if TYPE_CHECKING:
    from sciship.checks import Result
    from sciship.plan import Plan
    from sciship.project import Project

FAMILY = "hygiene"
GITIGNORE = ".gitignore"
MAX_SCAN_BYTES = 5 * 1024 * 1024
_SHOW = 5

#: a path for each build-output line; the .gitignore must ignore each
_BUILD_PROBES = {
    "dist/": "dist/example-0.1.0.tar.gz",
    "build/": "build/lib/example/__init__.py",
    "*.egg-info/": "src/example.egg-info/PKG-INFO",
    "__pycache__/": "example/__pycache__/core.cpython-312.pyc",
}


def committed(project: Project) -> list[str]:
    """Files in version control (git's tracked files), or every listed file outside git."""
    if project.in_git:
        return sorted(project.tracked & set(project.files)) if project.tracked else list(project.files)
    return list(project.files)


def _listing(paths: list[str]) -> str:
    shown = ", ".join(f"`{p}`" for p in paths[:_SHOW])
    return shown + (f" and {len(paths) - _SHOW} more" if len(paths) > _SHOW else "")


def missing_ignores(text: str, probes: dict[str, list[str]] | None = None) -> list[str]:
    """Which build-output lines a .gitignore with ``text`` does not cover (any pattern that ignores the
    paths the build really makes counts, such as `mypkg.egg-info/` or `/*.egg-info`)."""
    probes = probes or {line: [probe] for line, probe in _BUILD_PROBES.items()}
    lines = text.splitlines()
    if set(probes) <= set(lines) and not any(line.startswith("!") for line in lines):
        # Each line matches its own probe, and without a `!` line nothing can un-ignore it again: the
        # answer is known without loading pathspec (about 15 ms of imports).
        return []
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    return [line for line, paths in probes.items() if not all(spec.match_file(p) for p in paths)]


def build_probes(project: Project) -> dict[str, list[str]]:
    """The output folders this project's build backend really makes, as paths to test the .gitignore with.

    Every backend writes ``dist/``; only setuptools (pip's fallback) makes ``build/`` and
    ``<name>.egg-info/`` (next to the package: in ``src/`` for the src layout).
    """
    from sciship.checks._build import backend

    probes: dict[str, list[str]] = {"dist/": [_BUILD_PROBES["dist/"]]}
    if backend(project) in ("setuptools", "none", "other"):
        probes["build/"] = [_BUILD_PROBES["build/"]]
        from sciship.metadata.read import load

        meta = load(project).package
        name = meta.name if meta is not None and meta.name else ""
        name = name or (project.packages[0].name if project.packages else "example")
        where = "src/" if project.layout == "src" else ""
        probes["*.egg-info/"] = [f"{where}{name.replace('-', '_')}.egg-info/PKG-INFO"]
    probes["__pycache__/"] = [_BUILD_PROBES["__pycache__/"]]
    return probes


@check(
    "HYG800",
    family=FAMILY,
    severity="polish",
    topic="security",
    title=".gitignore keeps build output out of git",
    why="""Building and testing a package creates folders (dist/, build/, *.egg-info, __pycache__) that
    are different on every machine. A .gitignore tells git never to offer them for a commit, so they do
    not end up in your history or in your package by accident.""",
    fix="""Add a .gitignore at the top of the project with at least `dist/`, `build/`, `*.egg-info/` and
    `__pycache__/`. `sciship check --fix` creates one, or adds the missing lines to yours.""",
)
def gitignore_covers_build(project: Project) -> Result:
    """HYG800: a .gitignore at the top ignores the build output this project's backend makes."""
    if not project.has(GITIGNORE):
        return Fail("There is no .gitignore at the top of the project.")
    missing = missing_ignores(project.read_text(GITIGNORE) or "", build_probes(project))
    if missing:
        return Fail(f".gitignore does not ignore {', '.join(f'`{m}`' for m in missing)}.", path=GITIGNORE)
    return None


@fixer("HYG800")
def write_gitignore(project: Project, plan: Plan) -> None:
    """Plan a starter .gitignore, or add the build-output lines the existing one lacks."""
    if not project.has(GITIGNORE):
        from sciship.new import scaffold

        text = scaffold.render(GITIGNORE, scaffold.Meta.from_project(project))
        plan.create(GITIGNORE, text, "ignore build output, caches and virtual environments")
        return

    probes = build_probes(project)

    def append(text: str) -> str:
        missing = missing_ignores(text, probes)
        if not missing:
            return text
        sep = "" if not text or text.endswith("\n") else "\n"
        return text + sep + "\n# Python build output\n" + "\n".join(missing) + "\n"

    plan.edit(GITIGNORE, append, "ignore build output")


_BUILD_OUTPUT = compile_later(r"^(dist|build)/|^docs?/_build/|(^|/)[^/]+\.egg-info/|\.whl$")


@check(
    "HYG801",
    family=FAMILY,
    severity="important",
    topic="wheels",
    title="No build output is committed",
    why="""dist/, build/ and *.egg-info are made fresh by every build. Committed copies go stale, make the
    repository heavy, and can end up inside your next release instead of the current code.""",
    fix="""Remove them from git but keep them on disk with `git rm -r --cached dist build *.egg-info`, and
    add those names to .gitignore.""",
)
def no_build_output(project: Project) -> Result:
    """HYG801: no committed file is build output (dist/, build/, docs/_build/, *.egg-info/, wheels)."""
    found = [f for f in committed(project) if _BUILD_OUTPUT.search(f)]
    if found:
        return Fail(f"Build output is committed: {_listing(found)}.", path=found[0])
    return None


_CACHES = compile_later(
    r"(^|/)(__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.ipynb_checkpoints)/|\.py[co]$|(^|/)\.DS_Store$"
)


@check(
    "HYG802",
    family=FAMILY,
    severity="important",
    topic="security",
    title="No caches are committed",
    why="""Python, pytest, mypy and Jupyter write cache files (__pycache__, *.pyc, .pytest_cache,
    .ipynb_checkpoints) that only make sense on your machine. In git they cause conflicts and can even
    make Python run stale code.""",
    fix="""Remove them from git with `git rm -r --cached <path>` (the files stay on disk) and add the
    names to .gitignore.""",
)
def no_caches(project: Project) -> Result:
    """HYG802: no committed file is a cache (__pycache__, *.pyc, tool caches, .ipynb_checkpoints, ...)."""
    found = [f for f in committed(project) if _CACHES.search(f)]
    if found:
        return Fail(f"Cache files are committed: {_listing(found)}.", path=found[0])
    return None


_VENV = compile_later(r"(^|/)(\.venv|venv|env|\.env|virtualenv)/(bin/activate|Scripts/activate(\.bat)?)$")


@check(
    "HYG803",
    family=FAMILY,
    severity="important",
    topic="dependencies",
    title="No virtual environment is committed",
    why="""A virtual environment contains thousands of files built for one computer and one Python; it
    does not work anywhere else. Others recreate it from your declared dependencies instead.""",
    fix="""Remove it from git with `git rm -r --cached .venv` (use your folder's name), add it to
    .gitignore, and make sure pyproject.toml lists what the environment had installed.""",
)
def no_venv(project: Project) -> Result:
    """HYG803: no virtual environment is committed (a pyvenv.cfg or an activate script)."""
    folders: list[str] = []
    for f in committed(project):
        if f == "pyvenv.cfg" or f.endswith("/pyvenv.cfg"):
            folders.append(f.rsplit("/", 1)[0] + "/" if "/" in f else "./")
        elif m := _VENV.search(f):
            folders.append(f[: m.start(3)])
    folders = sorted(set(folders))
    if folders:
        return Fail(f"A virtual environment is committed: {_listing(folders)}.", path=folders[0])
    return None


#: PyPI tokens (pypi.org and test.pypi.org macaroons) and GitHub tokens; `.pypirc` passwords separately.
#: One pattern per kind, each starting with a literal, lets the regex engine skip ahead with a fast
#: substring search: 15x faster than one alternation on a real 4 MB repository.
SECRETS = (
    (compile_later(rb"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{20,}"), "a PyPI token"),
    (compile_later(rb"pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{20,}"), "a TestPyPI token"),
    (compile_later(rb"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}"), "a GitHub token"),
    (compile_later(rb"gh[pousr]_[A-Za-z0-9]{36}"), "a GitHub token"),
)
_PYPIRC_PASSWORD = compile_later(rb"^[ \t]*password[ \t]*[:=][ \t]*\S", re.MULTILINE)


def _alnum(data: bytes, index: int) -> bool:
    return 0 <= index < len(data) and (data[index : index + 1].isalnum())


def _too_big(project: Project, rel: str) -> bool:
    """Whether the file on disk is too large to scan (checked before reading it)."""
    try:
        return (project.root / rel).stat().st_size > MAX_SCAN_BYTES
    except OSError:
        return False  # in memory, or gone: read_bytes decides


def find_secrets(project: Project) -> list[tuple[str, int, str]]:
    """(file, line, kind) for every credential found; never the secret itself."""
    hits: list[tuple[str, int, str]] = []
    for rel in committed(project):
        if _too_big(project, rel):
            continue
        data = project.read_bytes(rel)
        if data is None or len(data) > MAX_SCAN_BYTES or b"\0" in data[:8192]:
            continue
        if rel == ".pypirc" or rel.endswith("/.pypirc"):
            hits.extend(
                (rel, data.count(b"\n", 0, m.start()) + 1, "a password in a .pypirc")
                for m in _PYPIRC_PASSWORD.finditer(data)
            )
        for pattern, kind in SECRETS:
            hits.extend(
                (rel, data.count(b"\n", 0, m.start()) + 1, kind)
                for m in pattern.finditer(data)
                if not _alnum(data, m.start() - 1) and not _alnum(data, m.end())
            )
    return sorted(hits)


@check(
    "HYG804",
    family=FAMILY,
    severity="blocker",
    topic="security",
    title="No passwords or tokens are committed",
    why="""Anyone who can see your repository can use a committed token to publish a release under your
    name or to change your code. Bots scan public repositories for them within minutes, and deleting the
    file later does not remove it from git history.""",
    fix="""Revoke the token now (on pypi.org: Account settings > API tokens; on GitHub: Settings >
    Developer settings), then remove the file or line from git. Publish with trusted publishing instead
    of tokens (`sciship explain publishing`).""",
)
def no_secrets(project: Project) -> Result:
    """HYG804: no committed text file holds a PyPI or GitHub token or a .pypirc password."""
    hits = find_secrets(project)
    if not hits:
        return None
    where = ", ".join(f"{kind} in `{path}` line {line}" for path, line, kind in hits[:_SHOW])
    more = f" and {len(hits) - _SHOW} more" if len(hits) > _SHOW else ""
    return Fail(
        f"Found {where}{more}. sciship does not show the secret itself. Treat it as leaked: revoke it first.",
        path=hits[0][0],
        line=hits[0][1],
    )
