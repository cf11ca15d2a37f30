"""The `[project]` metadata: name, version, description, Python versions, classifiers, people, links."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sciship._regex import compile_later
from sciship.checks import Fail, Skip, check, fixer
from sciship.checks._build import not_a_package
from sciship.checks._project_table import (
    DEFAULT_REQUIRES_PYTHON,
    PYPROJECT,
    declared,
    git_author,
    github_repo,
    inline_authors,
    line_of,
    project_table,
    table_key,
    version_literals,
)

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

    from sciship.checks import Result
    from sciship.metadata.model import Metadata
    from sciship.plan import Plan
    from sciship.project import Project

FAMILY = "metadata"
MAX_DESCRIPTION = 200
_NEEDS_TOML = ("PKG101",)


def _meta(project: Project) -> Metadata | None:
    """The packaging metadata, wherever the project keeps it ([project], Poetry, setup.cfg, setup.py)."""
    from sciship.metadata.read import load

    return load(project).package


def _meta_or_skip(project: Project) -> Metadata | Skip:
    """The packaging metadata, or a Skip when there is none to check (PKG105 and PKG110 say why)."""
    if not_a_package(project):
        return Skip("This folder is not itself a package (see LAY400).")
    meta = _meta(project)
    return Skip("sciship found no package metadata (see PKG105).") if meta is None else meta


def _at(project: Project, meta: Metadata | None, field: str, key: str) -> tuple[str, int | None]:
    """Where ``field`` is declared (or belongs): the file and line for a finding."""
    src = meta.source(field) if meta is not None else None
    if src is not None:
        return src.path, src.line
    if meta is not None and meta.origin in ("setup.py", "setup.cfg"):
        return meta.origin, None
    return PYPROJECT, line_of(project, key)


def _table_name(meta: Metadata | None) -> str:
    origin = meta.origin if meta is not None else "pyproject"
    names = {"poetry": "`[tool.poetry]`", "setup.cfg": "setup.cfg", "setup.py": "setup.py"}
    return names.get(origin, "`[project]`")


def _computed_in_setup_py(project: Project, keyword: str) -> bool:
    """setup.py passes ``keyword`` to setup() as something other than a literal (sciship does not run it)."""
    text = project.read_text("setup.py") if project.has("setup.py") else None
    return bool(text and re.search(rf"\b{keyword}\s*=", text)) or bool(text and "**" in text)


def _has_project_table(project: Project) -> bool:
    return isinstance((project.pyproject or {}).get("project"), dict)


# ---------------------------------------------------------------------- PKG110 name
@check(
    "PKG110",
    family=FAMILY,
    severity="blocker",
    topic="package",
    requires=_NEEDS_TOML,
    title="The project has a valid name",
    why="""The package name is what people type after `pip install` and what PyPI shows. It may only use
    letters, digits, `-`, `_` and `.`, and must start and end with a letter or digit; without a valid
    name no build backend can build your package.""",
    fix="""Set `name = "your-package"` under `[project]` in pyproject.toml (lower case with dashes is the
    usual style).""",
)
def has_valid_name(project: Project) -> Result:
    """PKG110: the package has a valid name (letters, digits, `-`, `_` and `.`)."""
    if project.pyproject is None and not project.has("setup.py") and not project.has("setup.cfg"):
        return Skip("There is no readable pyproject.toml.")
    if not_a_package(project):
        return Skip("This folder is not itself a package (see LAY400).")
    meta = _meta(project)
    raw = project.metadata.get("name")
    if _has_project_table(project) and raw is not None and not isinstance(raw, str):
        return Fail(
            "`project.name` must be a string in quotes.", path=PYPROJECT, line=line_of(project, "name")
        )
    name = meta.name if meta is not None else None
    if name is None:
        if _has_project_table(project) and "name" not in project.metadata:
            return Fail("`[project]` has no `name`, so no backend can build the package.", path=PYPROJECT)
        if _computed_in_setup_py(project, "name"):
            return Skip("sciship is not sure: setup.py computes the name, and sciship does not run setup.py.")
        return Fail(
            "The package has no name anywhere sciship looked (`[project]`, `[tool.poetry]`, setup.cfg, "
            "setup.py), so nothing can build it.",
            path=PYPROJECT if project.has(PYPROJECT) else None,
        )
    from packaging.utils import InvalidName, canonicalize_name

    try:
        canonicalize_name(name, validate=True)
    except InvalidName:
        path, line = _at(project, meta, "name", "name")
        return Fail(
            f"`{name}` is not a valid package name: use only letters, digits, `-`, `_` and `.`, starting and "
            f"ending with a letter or digit (for example `{_suggest_name(name) or 'my-package'}`).",
            path=path,
            line=line,
        )
    return None


def _suggest_name(raw: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")


# ---------------------------------------------------------------------- PKG111 name vs import
@check(
    "PKG111",
    family=FAMILY,
    severity="polish",
    topic="package",
    requires=("PKG110",),
    title="The package name matches the name people import",
    why="""People install a package by its distribution name (`pip install my-tool`) and use it by its
    import name (`import my_tool`). When the two differ, users have to learn both; often the difference is
    unavoidable (the name is taken on PyPI), and then saying both in the README is enough.""",
    fix="""Make them agree when you can: rename the import folder, or change the name in pyproject.toml
    (dashes in the name become underscores in the import). Otherwise show both in the README.""",
)
def name_matches_import(project: Project) -> Result:
    """PKG111: the package name matches an import package's name (`my-tool` and `my_tool` match).

    A name that extends a namespace package's (`ns-tool` for `ns/`) matches too; skips without a name or an
    import package.
    """
    meta = _meta(project)
    name = meta.name if meta is not None else None
    if name is None:
        return Skip("The project has no name yet.")
    pkgs = project.packages
    if not pkgs:
        return Skip("sciship found no import package in this project.")
    from packaging.utils import canonicalize_name

    wanted = canonicalize_name(name).replace("-", "_")
    for pkg in pkgs:
        have = pkg.name.lower()
        if have == wanted or (pkg.namespace and wanted.startswith(have + "_")):
            return None
    main = max(pkgs, key=lambda p: (not p.namespace, len(project.under(p.path))))
    path, line = _at(project, meta, "name", "name")
    return Fail(
        f"Users will `pip install {name}` but then type `import {main.name}` (found at `{main.path}`). "
        "That is fine when the name you wanted is taken on PyPI; then say both names in the README's install "
        f"section. Otherwise make them agree: rename the folder to `{wanted}`, or set the name to "
        f"`{main.name.replace('_', '-')}`.",
        path=path,
        line=line,
    )


# ---------------------------------------------------------------------- PKG112 version
@check(
    "PKG112",
    family=FAMILY,
    severity="blocker",
    topic="versions",
    requires=_NEEDS_TOML,
    title="The project has a valid version number",
    why="""Every release needs a version number that tools can compare (PEP 440, like `0.1.0` or `1.2.0rc1`).
    pip uses it to pick the newest release and to honour `>=` limits; an invalid one stops the build.""",
    fix="""Set `version = "0.1.0"` under `[project]`, or list `"version"` in `dynamic` and let your build
    backend read it from one file.""",
)
def has_valid_version(project: Project) -> Result:
    """PKG112: the version is valid (PEP 440), or is dynamic or comes from git tags."""
    meta = _meta_or_skip(project)
    if isinstance(meta, Skip):
        return meta
    raw = project.metadata.get("version")
    if _has_project_table(project) and raw is not None and not isinstance(raw, str):
        return Fail(
            '`project.version` must be a string in quotes, like "0.1.0".',
            path=PYPROJECT,
            line=line_of(project, "version"),
        )
    version = meta.version
    if version is None:
        if "version" in meta.dynamic or meta.version_from or _scm_version(project):
            return None
        if meta.origin in ("setup.py", "setup.cfg") and (
            _computed_in_setup_py(project, "version") or _cfg_computes_version(project)
        ):
            return Skip("sciship is not sure: the version is computed when setup.py runs.")
        where = _table_name(meta)
        tail = " and does not list it in `dynamic`" if meta.origin == "pyproject" else ""
        return Fail(f"{where} has no `version`{tail}.", path=_at(project, meta, "version", "version")[0])
    from packaging.version import InvalidVersion, Version

    try:
        Version(version)
    except InvalidVersion:
        path, line = _at(project, meta, "version", "version")
        return Fail(
            f"`{version}` is not a valid version (PEP 440). Use numbers separated by dots, optionally "
            "followed by a pre-release like `rc1` or `.dev0`: for example `0.1.0`.",
            path=path,
            line=line,
        )
    return None


def _scm_version(project: Project) -> bool:
    """The version comes from git tags (setuptools-scm, hatch-vcs, poetry-dynamic-versioning, versioneer)."""
    system = (project.pyproject or {}).get("build-system")
    listed = system.get("requires") if isinstance(system, dict) else None
    requires = " ".join(str(r) for r in listed) if isinstance(listed, list) else ""
    text = project.read_text("setup.py") if project.has("setup.py") else ""
    return bool(
        re.search(r"setuptools[-_]scm|hatch-vcs|dynamic-versioning|versioneer|versioningit", requires)
        or (text and re.search(r"use_scm_version|versioneer", text))
    )


def _cfg_computes_version(project: Project) -> bool:
    text = project.read_text("setup.cfg") if project.has("setup.cfg") else ""
    return bool(text and re.search(r"^\s*version\s*=\s*(attr|file):", text, re.MULTILINE))


# ---------------------------------------------------------------------- PKG113 single source
@check(
    "PKG113",
    family=FAMILY,
    severity="important",
    topic="versions",
    requires=("PKG112",),
    title="The version is written in one place",
    why="""When the version number is typed in two files, one of them is forgotten at the next release and
    your package reports the wrong version (which breaks bug reports and citations).""",
    fix="""Keep the version in pyproject.toml and read it at run time with
    `importlib.metadata.version("your-package")`, or make the version dynamic and let the build backend read
    `__version__` from your package (`dynamic = ["version"]` plus `[tool.hatch.version] path = ...`).""",
)
def version_single_source(project: Project) -> Result:
    """PKG113: a static version in pyproject.toml is not also written as `__version__` in the code."""
    meta = _meta(project)
    if meta is None or meta.origin not in ("pyproject", "poetry") or meta.version is None:
        return None
    static = meta.version
    if "version" in meta.dynamic or meta.version_from or _scm_version(project):
        return None  # dynamic (read from one file or git) or missing (PKG112)
    literals = version_literals(project)
    if not literals:
        return None
    path, line, value = literals[0]
    if value != static:
        return Fail(
            f'pyproject.toml says version `{static}` but `{path}` says `__version__ = "{value}"`: they '
            "already disagree.",
            path=path,
            line=line,
        )
    return Fail(
        f"The version `{static}` is written both in pyproject.toml and in `{path}`; the next release will "
        "update one and forget the other.",
        path=path,
        line=line,
    )


# ---------------------------------------------------------------------- PKG114 description
@check(
    "PKG114",
    family=FAMILY,
    severity="important",
    topic="pyproject",
    requires=_NEEDS_TOML,
    title="The project has a one-line description",
    why="""PyPI and search results show the description right under the name: it is the one sentence that
    tells a stranger what your package is for.""",
    fix="""Add `description = "..."` under `[project]`: one line, under 200 characters, saying what the
    package does.""",
)
def has_description(project: Project) -> Result:
    """PKG114: the description is one non-empty line of at most 200 characters."""
    meta = _meta_or_skip(project)
    if isinstance(meta, Skip):
        return meta
    desc = meta.description
    raw = project.metadata.get("description") if meta.origin == "pyproject" else desc
    if raw is None:
        if "description" in meta.dynamic:
            return None
        where = _at(project, meta, "description", "x")[0]
        return Fail(f"{_table_name(meta)} has no `description`.", path=where)
    path, line = _at(project, meta, "description", "description")
    if not isinstance(raw, str) or not raw.strip():
        return Fail("The `description` is empty.", path=path, line=line)
    if "\n" in raw.strip():
        return Fail(
            "The `description` spans several lines; PyPI shows one line. Keep one sentence and move the rest "
            "to the README.",
            path=path,
            line=line,
        )
    if len(raw) > MAX_DESCRIPTION:
        return Fail(
            f"The `description` is {len(raw)} characters long; keep it under {MAX_DESCRIPTION} and move the "
            "details to the README.",
            path=path,
            line=line,
        )
    return None


# ---------------------------------------------------------------------- PKG115/116 requires-python
@check(
    "PKG115",
    family=FAMILY,
    severity="important",
    topic="versions",
    requires=_NEEDS_TOML,
    title="The project says which Python versions it supports",
    why="""`requires-python` stops pip from installing your package on a Python it cannot run on (for
    example 3.8 when you use 3.10 syntax); without it, users get confusing errors instead of a clear
    message.""",
    fix=f"""Add `requires-python = "{DEFAULT_REQUIRES_PYTHON}"` (the oldest version you test with) under
    `[project]`.""",
)
def has_requires_python(project: Project) -> Result:
    """PKG115: the metadata says which Python versions the package supports (`requires-python`)."""
    meta = _meta_or_skip(project)
    if isinstance(meta, Skip):
        return meta
    if meta.requires_python is not None or "requires_python" in meta.dynamic:
        return None
    if meta.origin == "pyproject" and project.metadata.get("requires-python") is not None:
        return None
    key = {"poetry": "`python` under `[tool.poetry.dependencies]`", "setup.py": "`python_requires`",
           "setup.cfg": "`python_requires`"}.get(meta.origin, "`requires-python`")
    return Fail(f"{_table_name(meta)} has no {key}.", path=_at(project, meta, "requires_python", "x")[0])


@fixer("PKG115")
def add_requires_python(project: Project, plan: Plan) -> None:
    """Plan the default `requires-python` under `[project]` when it is missing."""
    if not _has_project_table(project):
        return

    def change(doc: TOMLDocument) -> None:
        table = project_table(doc)
        if "requires-python" not in table:
            table["requires-python"] = DEFAULT_REQUIRES_PYTHON

    plan.edit_toml(PYPROJECT, change, f'set requires-python = "{DEFAULT_REQUIRES_PYTHON}"')


_CAPS = frozenset({"<", "<=", "~=", "=="})


@check(
    "PKG116",
    family=FAMILY,
    severity="important",
    topic="versions",
    requires=("PKG115",),
    title="requires-python has no upper limit",
    why="""An upper limit like `<3.13` does not make your package work on newer Pythons: it makes pip pick
    an old release of your package, or fail, for everyone on the new Python, long after your code would have
    run fine there. Give a lower bound only.""",
    fix="""Keep only the lower bound, for example `requires-python = ">=3.10"`.""",
)
def requires_python_uncapped(project: Project) -> Result:
    """PKG116: `requires-python` is a valid range with no upper limit (a cap at Python 4 is harmless)."""
    meta = _meta(project)
    spec = meta.requires_python if meta is not None else None
    if not isinstance(spec, str):
        return None
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    path, line = _at(project, meta, "requires_python", "requires-python")
    try:
        caps = [str(s) for s in SpecifierSet(spec) if s.operator in _CAPS and not _harmless(s.version)]
    except InvalidSpecifier:
        return Fail(
            f'`requires-python = "{spec}"` is not a valid version range; write it like `>=3.10`.',
            path=path,
            line=line,
        )
    if caps:
        shown = f"`{spec}`"
        if meta is not None and meta.origin == "poetry" and "^" in _poetry_python(project):
            shown += f" (from Poetry's `python = \"{_poetry_python(project)}\"`)"
        return Fail(
            f"The supported Python versions {shown} have an upper limit "
            f"({', '.join(f'`{c}`' for c in caps)}).",
            path=path,
            line=line,
        )
    return None


def _poetry_python(project: Project) -> str:
    tool = (project.pyproject or {}).get("tool")
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    deps = poetry.get("dependencies") if isinstance(poetry, dict) else None
    python = deps.get("python") if isinstance(deps, dict) else None
    return python if isinstance(python, str) else ""


def _harmless(version: str) -> bool:
    """``<4`` / ``<4.0``: there is no Python 4 to be kept from, so the cap stops nobody today."""
    major = version.split(".", 1)[0]
    return major.isdigit() and int(major) >= 4


def uncapped(spec: str) -> str:
    """``spec`` without upper limits (``~=3.10`` becomes ``>=3.10``); the default when nothing is left."""
    from packaging.specifiers import SpecifierSet

    kept: list[str] = []
    for s in SpecifierSet(spec):
        if s.operator in {">", ">=", "!="}:
            kept.append(str(s))
        elif s.operator in {"~=", "=="}:
            kept.append(">=" + s.version.rstrip(".*"))
    lower = [k for k in kept if not k.startswith("!=")]
    return ",".join(sorted(kept)) if lower else DEFAULT_REQUIRES_PYTHON


@fixer("PKG116")
def remove_python_cap(project: Project, plan: Plan) -> None:
    """Plan `requires-python` without its upper limits (``~=3.10`` becomes ``>=3.10``)."""
    from packaging.specifiers import InvalidSpecifier

    if not _has_project_table(project):
        return
    spec = declared(project, "requires-python")
    if not isinstance(spec, str):
        return
    try:
        new = uncapped(spec)
    except InvalidSpecifier:
        plan.note(f'`requires-python = "{spec}"` is not a version range sciship can read; fix it by hand.')
        return

    def change(doc: TOMLDocument) -> None:
        project_table(doc)["requires-python"] = new

    plan.edit_toml(PYPROJECT, change, f'remove the upper limit from requires-python (now "{new}")')


# ---------------------------------------------------------------------- PKG117 classifiers
@check(
    "PKG117",
    family=FAMILY,
    severity="important",
    topic="pyproject",
    requires=_NEEDS_TOML,
    title="Every classifier is a real PyPI classifier",
    why="""Classifiers are fixed labels (from a list PyPI keeps) that let people filter packages by topic,
    audience and Python version. PyPI rejects an upload with a misspelt or made-up classifier.""",
    fix="""Correct each classifier to an exact entry from https://pypi.org/classifiers/ (copy and paste; the
    spaces around `::` matter).""",
)
def classifiers_exist(project: Project) -> Result:
    """PKG117: every classifier is on PyPI's list and not deprecated."""
    meta = _meta_or_skip(project)
    if isinstance(meta, Skip):
        return meta
    classifiers = list(meta.classifiers)
    if not classifiers:
        return None
    import difflib

    from trove_classifiers import classifiers as known
    from trove_classifiers import deprecated_classifiers

    problems: list[str] = []
    for c in classifiers:
        if not isinstance(c, str) or c in known:
            continue
        if c in deprecated_classifiers:
            new = deprecated_classifiers[c]
            hint = f"; use {' or '.join(f'`{n}`' for n in new)}" if new else "; remove it"
            problems.append(f"`{c}` is deprecated{hint}")
            continue
        close = difflib.get_close_matches(c, known, n=1, cutoff=0.8)
        problems.append(f"`{c}` does not exist" + (f" (did you mean `{close[0]}`?)" if close else ""))
    if problems:
        path, line = _at(project, meta, "classifiers", "classifiers")
        return Fail("; ".join(problems) + ".", path=path, line=line)
    return None


# ---------------------------------------------------------------------- PKG118 authors
@check(
    "PKG118",
    family=FAMILY,
    severity="important",
    topic="package",
    requires=_NEEDS_TOML,
    title="The project names its authors, with an email",
    why="""Authors are shown on PyPI and used when people cite your package; an email gives users and
    reviewers a way to reach you about bugs and security problems.""",
    fix="""Add `authors = [{ name = "Your Name", email = "you@example.org" }]` under `[project]`
    (`sciship check --fix` takes them from `git config user.name` and `user.email`).""",
)
def has_authors(project: Project) -> Result:
    """PKG118: the metadata names authors or maintainers, at least one with an email."""
    meta = _meta_or_skip(project)
    if isinstance(meta, Skip):
        return meta
    if {"authors", "maintainers"} & meta.dynamic:
        return None
    people = [*meta.authors, *meta.maintainers]
    # --fix can only help when git knows who you are
    unknown = git_author(project) is None
    path, line = _at(project, meta, "authors", "authors")
    if not people:
        return Fail(
            f"{_table_name(meta)} lists no `authors` (or `maintainers`).", path=path, needs_author=unknown
        )
    if not any(p.email for p in people):
        return Fail(
            "The authors have no `email`; add one to at least one author.",
            path=path,
            line=line,
            needs_author=True,
        )
    return None


@fixer("PKG118")
def add_author(project: Project, plan: Plan) -> None:
    """Plan the `git config` author as `authors`, or their email for an author of the same name."""
    if not _has_project_table(project):
        return
    author = git_author(project)
    if author is None:
        plan.note("sciship could not read your name and email from `git config`; add `authors` by hand.")
        return
    existing = declared(project, "authors")
    if existing is not None and not isinstance(existing, list):
        return  # the wrong shape: PKG102 says so, and sciship does not rewrite it
    if isinstance(existing, list) and existing:
        if any(isinstance(a, dict) and a.get("email") for a in existing) or "email" not in author:
            return
        names = [a.get("name") for a in existing if isinstance(a, dict)]
        if author.get("name") not in names:
            plan.note(
                "The authors in pyproject.toml have no email, and sciship will not guess whose email "
                "`git config` holds; add one by hand."
            )
            return

    def change(doc: TOMLDocument) -> None:
        table = project_table(doc)
        if table_key(table, "authors", list, "a list of authors") is None:
            table["authors"] = inline_authors([author])
            return
        for a in table["authors"]:
            if isinstance(a, dict) and a.get("name") == author.get("name") and "email" not in a:
                a["email"] = author["email"]

    plan.edit_toml(PYPROJECT, change, "add authors from git config")


# ---------------------------------------------------------------------- PKG119 urls
_URL_KINDS: dict[str, tuple[str, ...]] = {
    "source": ("source", "sourcecode", "repository", "repo", "code", "github", "gitlab"),
    "documentation": ("documentation", "docs", "doc", "documentationsite", "readthedocs"),
    "issues": ("issues", "issue", "bugtracker", "bugs", "tracker", "issuetracker", "bugreports", "bugreport"),
}
_REPO_HOSTS = ("github.com/", "gitlab.com/", "bitbucket.org/", "codeberg.org/")


def _url_kinds(urls: dict[str, Any]) -> set[str]:
    """Which of source / documentation / issues the labels (or the addresses) cover."""
    found: set[str] = set()
    for label, value in urls.items():
        norm = re.sub(r"[^a-z]", "", str(label).lower())
        url = str(value).lower()
        found.update(kind for kind, labels in _URL_KINDS.items() if norm in labels)
        if norm in {"homepage", "home"} and any(h in url for h in _REPO_HOSTS):
            found.add("source")  # a Homepage on GitHub is the source
        if "readthedocs.io" in url or ".github.io" in url:
            found.add("documentation")
        if url.rstrip("/").endswith("/issues"):
            found.add("issues")
    return found


@check(
    "PKG119",
    family=FAMILY,
    severity="polish",
    topic="package",
    requires=_NEEDS_TOML,
    title="The project links to its source, documentation and issue tracker",
    why="""PyPI shows `[project.urls]` in the sidebar of your package page; they are how users find the
    code, read the docs and report bugs, and reviewers expect all three.""",
    fix="""Add a `[project.urls]` table with `Source = "https://..."`, `Documentation = "https://..."` and
    `Issues = "https://.../issues"`.""",
)
def has_urls(project: Project) -> Result:
    """PKG119: the project links cover its source, documentation and issue tracker."""
    meta = _meta_or_skip(project)
    if isinstance(meta, Skip):
        return meta
    if "urls" in meta.dynamic:
        return None
    urls = dict(meta.urls)
    missing = [k for k in _URL_KINDS if k not in _url_kinds(urls)]
    if not missing:
        return None
    labels = {"source": "`Source`", "documentation": "`Documentation`", "issues": "`Issues`"}
    table = "`[project.urls]`" if meta.origin == "pyproject" else f"The project links in {_table_name(meta)}"
    where = f"{table} has no " if urls else f"There is no {table}, so no "
    path, line = _at(project, meta, "urls", "Homepage")
    return Fail(
        where + " / ".join(labels[m] for m in missing) + " link.",
        path=path,
        line=line or line_of(project, "Source"),
        needs_author=github_repo(project) is None,
    )  # --fix needs a GitHub remote to go on


@fixer("PKG119")
def add_urls(project: Project, plan: Plan) -> None:
    """Plan `Source` and `Issues` links from the GitHub remote under `[project.urls]`."""
    if not _has_project_table(project):
        return
    repo = github_repo(project)
    if repo is None:
        plan.note("sciship found no GitHub remote (`git remote -v`), so it did not add `[project.urls]`.")
        return
    urls = declared(project, "urls")
    kinds = _url_kinds(urls if isinstance(urls, dict) else {})
    add = {}
    if "source" not in kinds:
        add["Source"] = repo
    if "issues" not in kinds:
        add["Issues"] = repo + "/issues"
    if not add:
        return

    def change(doc: TOMLDocument) -> None:
        import tomlkit

        table = project_table(doc)
        if table_key(table, "urls", dict, "a table of links") is None:
            table["urls"] = tomlkit.table()
        for k, v in add.items():
            if k not in table["urls"]:
                table["urls"][k] = v

    plan.edit_toml(PYPROJECT, change, "add project URLs from the GitHub remote")


# ---------------------------------------------------------------------- PKG120 pins
@check(
    "PKG120",
    family=FAMILY,
    severity="important",
    topic="dependencies",
    requires=_NEEDS_TOML,
    title="Dependencies are not pinned to exact versions",
    why="""A library is installed next to other packages. If it demands `numpy==1.26.4`, pip cannot install
    it together with anything that needs another numpy, and your users get stuck. Exact pins belong in a
    lock file for an application or an analysis, not in a package's dependencies.""",
    fix="""Replace `==` with a lower bound you have tested, for example `numpy>=1.26` (and an upper bound
    only when you know a future version breaks your code).""",
)
def dependencies_not_pinned(project: Project) -> Result:
    """PKG120: no runtime dependency is pinned to one exact version (`==1.2.3`, or Poetry's `"1.2.3"`)."""
    meta = _meta_or_skip(project)
    if isinstance(meta, Skip):
        return meta
    poetry = meta.origin == "poetry"
    pinned = _poetry_pins(project) if poetry else _pep508_pins(declared(project, "dependencies"))
    if pinned:
        shown = ", ".join(f"`{p}`" for p in pinned)
        return Fail(
            f"These dependencies are pinned to one exact version: {shown}.",
            path=PYPROJECT,
            line=None if poetry else line_of(project, "dependencies"),
        )
    return None


def _pep508_pins(deps: object) -> list[str]:
    if not isinstance(deps, list):
        return []
    from packaging.requirements import InvalidRequirement, Requirement

    pinned: list[str] = []
    for raw in deps:
        if not isinstance(raw, str):
            continue
        try:
            req = Requirement(raw)
        except InvalidRequirement:
            continue  # PKG102 reports malformed requirements
        if any(s.operator == "===" or (s.operator == "==" and "*" not in s.version) for s in req.specifier):
            pinned.append(raw)
    return pinned


_POETRY_EXACT = compile_later(r"^\s*(==\s*)?\d+(\.\d+)*([a-z]+\d*)?\s*$", re.IGNORECASE)


def _poetry_pins(project: Project) -> list[str]:
    """Poetry dependencies pinned to one version: ``"1.2.3"`` and ``"==1.2.3"`` both mean exactly that."""
    tool = (project.pyproject or {}).get("tool")
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    deps = poetry.get("dependencies") if isinstance(poetry, dict) else None
    if not isinstance(deps, dict):
        return []
    out = []
    for name, spec in deps.items():
        version = spec.get("version") if isinstance(spec, dict) else spec
        if name != "python" and isinstance(version, str) and _POETRY_EXACT.match(version):
            out.append(f'{name} = "{version}"')
    return out
