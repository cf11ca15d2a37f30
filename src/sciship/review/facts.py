"""Facts a review needs that are not properties every package is checked for (so no check has them):
who submits, the repository and its git tags, the README's first paragraph, a JOSS paper, and the
editor's optional items (linting, type checking, modern tooling). All read statically from the project
snapshot (each file once, results memoised on it) plus one ``git tag`` call.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sciship._regex import compile_later

if TYPE_CHECKING:
    from sciship.metadata.model import Metadata, Person
    from sciship.project import Project


@dataclass(frozen=True)
class Place:
    """A fact and where it was read."""

    value: str
    path: str | None = None
    line: int | None = None

    def location(self) -> str | None:
        if self.path is None:
            return None
        return f"{self.path}:{self.line}" if self.line else self.path


def metadata(project: Project) -> Metadata:
    """The project's metadata, every source combined (packaging metadata first), read once per snapshot."""
    from sciship.metadata.read import load

    return project.memo("review:combined", lambda: load(project).combined())  # type: ignore[no-any-return]


def where(meta: Metadata, field: str) -> tuple[str | None, int | None]:
    """The file and line ``meta`` read ``field`` from; (None, None) when it does not know."""
    source = meta.source(field)
    return (source.path, source.line) if source else (None, None)


# ---------------------------------------------------------------------- git
def git_tags(project: Project) -> tuple[str, ...]:
    """The project's git tags, newest version first (empty outside git).

    Read from the repository's ``refs/tags`` and ``packed-refs`` (no subprocess); ``git tag`` only when the
    repository's layout is not the usual one.
    """

    def compute() -> tuple[str, ...]:
        if not project.in_git or not project.root.is_dir():
            return ()
        names = _read_tags(project.root)
        if names is None:
            names = _git_tag_command(project)
        return tuple(sorted(set(names), key=_version_key, reverse=True))

    return project.memo("review:tags", compute)  # type: ignore[no-any-return]


def _version_key(tag: str) -> tuple[tuple[int, ...], str]:
    return tuple(int(n) for n in re.findall(r"\d+", tag)[:6]), tag


def _read_tags(root: Path) -> list[str] | None:
    """Tag names from the git directory's files, or None when it is not laid out as sciship expects."""
    try:
        for folder in (root, *root.parents):
            dot = folder / ".git"
            if dot.is_dir():
                gitdir = dot
                break
            if dot.is_file():
                text = dot.read_text(encoding="utf-8").strip()
                if not text.startswith("gitdir:"):
                    return None
                gitdir = (folder / text[len("gitdir:") :].strip()).resolve()
                break
        else:
            return None
        common = gitdir
        if (gitdir / "commondir").is_file():
            common = (gitdir / (gitdir / "commondir").read_text(encoding="utf-8").strip()).resolve()
        names: list[str] = []
        tags = common / "refs" / "tags"
        if tags.is_dir():
            names += [p.relative_to(tags).as_posix() for p in tags.rglob("*") if p.is_file()]
        packed = common / "packed-refs"
        if packed.is_file():
            for line in packed.read_text(encoding="utf-8", errors="replace").splitlines():
                _, _, ref = line.partition(" ")
                if ref.startswith("refs/tags/"):
                    names.append(ref[len("refs/tags/") :])
    except OSError:
        return None
    return names


def _git_tag_command(project: Project) -> list[str]:
    try:
        proc = subprocess.run(
            ["git", "-C", str(project.root), "tag", "--list"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return [t.strip() for t in proc.stdout.splitlines() if t.strip()] if proc.returncode == 0 else []


def version_tag(project: Project, version: str | None) -> str | None:
    """The git tag of ``version`` (``v1.2.0`` or ``1.2.0``), or None."""
    if not version:
        return None
    wanted = {version, f"v{version}", f"V{version}", f"release-{version}"}
    return next((t for t in git_tags(project) if t in wanted), None)


def latest_version_tag(project: Project) -> str | None:
    """The newest git tag that looks like a version (``v1.2``, ``1.2.0``), or None."""
    return next((t for t in git_tags(project) if re.match(r"^[vV]?\d+(\.\d+)*", t)), None)


#: versions that tools write where the real one comes from git tags at build time
PLACEHOLDER_VERSIONS = frozenset({"0", "0.0", "0.0.0", "0.0.0.dev0", "0.0.0+unknown", "0+unknown"})


def submitted_version(project: Project) -> Place | None:
    """The version to submit: the declared one, else (or when it is a placeholder such as ``0.0.0``
    that poetry-dynamic-versioning or semantic-release replace) the newest version tag."""
    meta = metadata(project)
    if meta.version and meta.version not in PLACEHOLDER_VERSIONS:
        path, line = where(meta, "version")
        return Place(meta.version, path, line)
    tag = latest_version_tag(project)
    if tag:
        return Place(tag.lstrip("vV"), "git tags")
    return None


def git_remote(project: Project) -> str | None:
    """The web address of the ``origin`` remote on a known code host (GitHub, GitLab, ...), or None."""
    from sciship.metadata.model import _GIT_REMOTE

    m = _GIT_REMOTE.match(project.git_config("remote.origin.url") or "")
    return f"https://{m.group('host')}/{m.group('path')}" if m else None


def same_repository(a: str, b: str) -> bool:
    """Whether two repository addresses are the same (case, ``http(s)://``, ``www.``, ``.git`` ignored)."""

    def norm(url: str) -> str:
        url = re.sub(r"^https?://(www\.)?", "", url.strip().lower())
        return re.sub(r"(\.git)?/*$", "", url)

    return norm(a) == norm(b)


_CODE_HOST = compile_later(
    r"^https?://(?:www\.)?(github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)/([^/\s]+)/([^/\s#?]+)"
)


def repository_root(url: str) -> str:
    """``https://github.com/a/b/issues`` → ``https://github.com/a/b`` (other addresses unchanged)."""
    m = _CODE_HOST.match(url.strip())
    if not m:
        return url.strip().rstrip("/")
    return f"https://{m.group(1)}/{m.group(2)}/{m.group(3).removesuffix('.git')}"


def repository(project: Project) -> Place | None:
    """The code repository's address, from the metadata (or the git remote), and where it was read."""
    meta = metadata(project)
    url = meta.repository
    if url:
        path, line = where(meta, "urls")
        return Place(repository_root(url), path, line)
    remote = git_remote(project)
    return Place(remote, ".git/config") if remote else None


# ---------------------------------------------------------------------- people
def _people(project: Project) -> tuple[Person, ...]:
    from sciship.metadata.read import load

    loaded = load(project)
    meta = metadata(project)
    people = list(meta.maintainers or meta.authors)
    for source in loaded.all:  # GitHub handles and ORCIDs known anywhere
        for other in (*source.authors, *source.maintainers):
            people = [p.merged(other) if p.same_as(other) else p for p in people]
    return tuple(people)


def submitting_author(project: Project) -> Person | None:
    """Who submits: the git user when they are one of the authors or maintainers, else the first of them."""
    people = _people(project)
    name = project.git_config("user.name")
    email = project.git_config("user.email")
    handle = project.git_config("github.user")
    if name or email:
        from sciship.metadata.model import Person

        me = Person(name=name, email=email, github=handle)
        for p in people:
            if p.same_as(me):
                return p.merged(me)
    return people[0] if people else None


def maintainers(project: Project) -> tuple[Person, ...]:
    """The people who maintain the project (else its authors), with handles and ORCIDs from every source.

    Teams are left out unless there is nobody else.
    """
    return tuple(p for p in _people(project) if not p.is_organisation) or _people(project)


# ---------------------------------------------------------------------- README
_BADGE_OR_MARKUP = compile_later(
    r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)|<[^>]+>|\|[^|]+\|_?"
)
_MD_LINK = compile_later(r"\[([^\]]+)\]\([^)]*\)")


_NOT_A_DESCRIPTION = compile_later(
    r"^\W*(copyright|\(c\)|©|released under)|\blicen[cs]ed under\b|\bsurvey\b|\bplease\b|\bappreciate\b"
    r"|\bsponsor|\bstar (it|us|the)\b",
    re.IGNORECASE,
)
_LINK_DEFINITION = compile_later(r"^\[[^\]]+\]:\s")
_INTRO_HEADING = compile_later(
    r"\b(about|overview|introduction|description|what is|summary)\b", re.IGNORECASE
)


def readme_paragraph(project: Project) -> Place | None:
    """The README's paragraph that says what the package does, as plain text.

    In order: the first paragraph of prose between the title and the next heading; the first under an
    "About"/"Overview"/"Introduction" heading; the first that starts by naming the package; the first.
    Copyright lines, license notes and calls to fill in a survey or star the repository do not count.
    """
    from sciship.checks.readme import load_readme

    readme = load_readme(project)
    if readme is None:
        return None
    paragraphs = _paragraphs(readme.lines)
    if not paragraphs:
        return None
    heads = [h.line for h in readme.headings]
    top_end = heads[1] if len(heads) > 1 else (heads[0] + 40 if heads else 40)
    for text, line in paragraphs:
        if line < top_end:
            return Place(text, readme.path, line)
    for i, h in enumerate(readme.headings):
        if _INTRO_HEADING.search(h.title):
            end = heads[i + 1] if i + 1 < len(heads) else 10**9
            found = next(((t, ln) for t, ln in paragraphs if h.line < ln < end), None)
            if found:
                return Place(found[0], readme.path, found[1])
    names = {n.lower() for n in name_variants(metadata(project).name)} | {
        p.name.lower() for p in project.packages
    }
    if readme.headings:
        names.add(readme.headings[0].title.strip("`*_ ").lower())
    names.discard("")
    for text, line in paragraphs:
        if names & set(re.findall(r"[\w.-]+", text.lower())[:3]):
            return Place(text, readme.path, line)
    text, line = paragraphs[0]
    return Place(text, readme.path, line)


def _paragraphs(lines: list[str]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    in_code = False
    block: list[str] = []
    start = 0
    for i, raw in enumerate([*lines, ""]):
        line = raw.strip()
        if line.startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        skip = (
            not line
            or line.startswith(("#", "..", ":", "[!", "<", ">", "|", "=", "-" * 3, "*" * 3, "- ", "* "))
            or re.fullmatch(r"[=\-~^\"'`#*+]{3,}", line) is not None
            or _LINK_DEFINITION.match(line) is not None
            or raw.startswith(("    ", "\t"))
        )
        if skip:
            text = _plain(" ".join(block))
            if len(re.findall(r"[A-Za-z]{2,}", text)) >= 8 and not _NOT_A_DESCRIPTION.search(text):
                out.append((text, start + 1))
            block = []
            continue
        if not block:
            start = i
        block.append(line)
    return out


def _plain(text: str) -> str:
    text = _BADGE_OR_MARKUP.sub("", text)
    text = re.sub(r"``([^`]+)``", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = _MD_LINK.sub(r"\1", text)
    text = re.sub(r"`([^`]+)`_?", r"\1", text)
    return " ".join(text.split())


_INSTALL_COMMAND = compile_later(
    r"\b(?:python3?\s+-m\s+)?(?:pip3?|uv\s+pip|pipx|uv\s+add|uv\s+tool|conda|mamba|micromamba|pixi)"
    r"\s+(?:install|add)\b(?P<args>[^\n`]*)",
    re.IGNORECASE,
)


def install_by_name(project: Project, names: tuple[str, ...]) -> Place | None:
    """The README line with an install command (pip, conda, ...) that names the package."""
    from sciship.checks.readme import load_readme

    readme = load_readme(project)
    if readme is None or not names:
        return None
    wanted = {n.lower() for n in names}
    for m in _INSTALL_COMMAND.finditer(readme.text):
        for word in m.group("args").split():
            arg = word.strip("\"'").split("::")[-1]  # conda-forge::name
            base = re.split(r"[\[<>=!~;@]", arg, maxsplit=1)[0].lower()
            if base in wanted:
                return Place(m.group(0).strip(), readme.path, readme.text.count("\n", 0, m.start()) + 1)
    return None


def name_variants(name: str | None) -> tuple[str, ...]:
    """``name`` as written and in its ``-``, ``_`` and ``.`` spellings (lower case), each once."""
    if not name:
        return ()
    base = re.sub(r"[-_.]+", "-", name.lower())
    return tuple(dict.fromkeys((name, base, base.replace("-", "_"), base.replace("-", "."))))


_README_DOI = compile_later(
    r"(?:doi\.org/|zenodo\.org/doi/|\bdoi:\s*)(?P<doi>10\.\d{4,9}/[^\s)\]>\"'`]+)"
    r"|zenodo\.org/records?/(?P<record>\d+)"
    r"|zenodo\.org/badge/latestdoi/(?P<badge>\d+)",
    re.IGNORECASE,
)


def doi_in_readme(project: Project) -> Place | None:
    """The archive the README points to: a DOI (``value``), or a Zenodo record or badge (a phrase)."""
    from sciship.checks.readme import load_readme

    readme = load_readme(project)
    if readme is None:
        return None
    found: Place | None = None
    for m in _README_DOI.finditer(readme.text):
        line = readme.text.count("\n", 0, m.start()) + 1
        if m.group("doi") and not m.group("doi").lower().startswith("10.21105/joss"):
            return Place(m.group("doi").rstrip(".,;"), readme.path, line)
        if m.group("record") and found is None:
            found = Place(f"10.5281/zenodo.{m.group('record')}", readme.path, line)
        elif m.group("badge") and found is None:
            found = Place("a Zenodo badge (the archive of every release)", readme.path, line)
    return found


# ---------------------------------------------------------------------- license
def osi_license_file(project: Project) -> Place | None:
    """A license file whose text is an OSI-approved license (``value``: its SPDX id)."""
    from sciship.metadata import licenses

    for path in licenses.license_files(project):
        ids = licenses.identify(project.read_text(path) or "")
        if ids and all(i in licenses.osi_approved() for i in ids):
            return Place(" / ".join(ids), path)
    return None


# ---------------------------------------------------------------------- JOSS
def paper(project: Project) -> str | None:
    """A JOSS ``paper.md`` (at the top or one folder down, e.g. ``paper/paper.md``)."""
    for f in project.files:
        if f.lower().rsplit("/", 1)[-1] == "paper.md" and f.count("/") <= 1:
            return f
    return None


# ---------------------------------------------------------------------- optional editor items
_LINTERS = compile_later(r"\b(ruff|flake8|pylint|pycodestyle|pyflakes|black|autopep8|yapf)\b")
_LINT_TABLE = compile_later(r"^\[(?:tool[.:])?(ruff|flake8|pylint|black|pycodestyle)\b", re.MULTILINE)
_TYPE_CHECKERS = compile_later(r"\b(mypy|pyright|basedpyright|pytype)\b")
_TYPE_TABLE = compile_later(r"^\[(?:tool[.:])?(mypy|pyright|basedpyright)\b", re.MULTILINE)
_TOOLS = {
    "uv.lock": "uv",
    "pixi.lock": "pixi",
    "pdm.lock": "PDM",
    "hatch.toml": "Hatch",
    "poetry.lock": "Poetry",
}
#: files that hold a tool's settings as tables (`[tool.ruff]`, `[flake8]`, `[mypy]`)
_TABLE_FILES = ("pyproject.toml", "setup.cfg", "tox.ini")
#: files that run tools (hooks, CI, task runners)
_RUN_FILES = (".pre-commit-config.yaml", "noxfile.py", "tox.ini", "Makefile", "justfile", "pixi.toml")
_OWN_FILES = {
    "ruff.toml": "ruff",
    ".ruff.toml": "ruff",
    ".flake8": "flake8",
    ".pylintrc": "pylint",
    "pylintrc": "pylint",
    "mypy.ini": "mypy",
    ".mypy.ini": "mypy",
    "pyrightconfig.json": "pyright",
}


def _find(project: Project, tools: re.Pattern[str], table: re.Pattern[str]) -> Place | None:
    """Where the project configures or runs one of ``tools``."""
    for name, tool in _OWN_FILES.items():
        if project.has(name) and tools.search(tool):
            return Place(tool, name)
    for path in _TABLE_FILES:
        text = project.read_text(path) if project.has(path) else None
        m = table.search(text or "")
        if m and text is not None:
            return Place(m.group(1), path, text.count("\n", 0, m.start()) + 1)
    for path in (*(f for f in _RUN_FILES if project.has(f)), *project.workflow_files):
        text = project.read_text(path) or ""
        m = tools.search(text)
        if m:
            return Place(m.group(1), path, text.count("\n", 0, m.start()) + 1)
    return None


def linting(project: Project) -> Place | None:
    """Where the project configures or runs a linter (ruff, flake8, pylint, black, ...), or None."""
    return _find(project, _LINTERS, _LINT_TABLE)


def type_checking(project: Project) -> Place | None:
    """Where the project configures or runs a type checker (mypy, pyright, ...), or None."""
    return _find(project, _TYPE_CHECKERS, _TYPE_TABLE)


def modern_tooling(project: Project) -> Place | None:
    """Where the project uses a modern packaging tool (uv, Hatch, PDM, pixi, Poetry, Flit), or None.

    A lock file, a ``[tool.*]`` table, a modern build backend or a workflow step counts.
    """
    for name, tool in _TOOLS.items():
        if project.has(name):
            return Place(tool, name)
    text = project.read_text("pyproject.toml") or ""
    m = re.search(r"^\[tool\.(uv|hatch|pdm|pixi|poetry|flit)\b", text, re.MULTILINE)
    if m:
        return Place(
            {"uv": "uv", "hatch": "Hatch", "pdm": "PDM", "pixi": "pixi", "poetry": "Poetry", "flit": "Flit"}[
                m.group(1)
            ],
            "pyproject.toml",
            text.count("\n", 0, m.start()) + 1,
        )
    backend = re.search(r"^\s*build-backend\s*=\s*[\"']([\w.]+)", text, re.MULTILINE)
    modern = {
        "hatchling.build": "Hatch (hatchling)",
        "pdm.backend": "PDM (pdm-backend)",
        "uv_build": "uv (uv_build)",
        "flit_core.buildapi": "Flit",
        "poetry.core.masonry.api": "Poetry (poetry-core)",
    }
    if backend and backend.group(1) in modern:
        return Place(modern[backend.group(1)], "pyproject.toml", text.count("\n", 0, backend.start()) + 1)
    for path in project.workflow_files:
        wf = project.read_text(path) or ""
        m = re.search(
            r"astral-sh/setup-uv|\buv (?:sync|run|pip)|\bhatch (?:run|test|build)|prefix-dev/setup-pixi", wf
        )
        if m:
            return Place(m.group(0), path, wf.count("\n", 0, m.start()) + 1)
    return None


# ---------------------------------------------------------------------- where a passed check looked
def passed_place(project: Project, code: str) -> Place | None:
    """Where the thing a passed check looked for is (a check says where only when it fails)."""

    def compute() -> Place | None:
        finder = _PLACES.get(code)
        return finder(project) if finder else None

    return project.memo(f"review:place:{code}", compute)  # type: ignore[no-any-return]


def _license(project: Project) -> Place | None:
    from sciship.metadata.read import load

    meta = load(project).package
    if meta is None or not meta.license:
        return None
    source = meta.source("license")
    return Place(meta.license, source.path if source else None, source.line if source else None)


def _dev(project: Project) -> Place | None:
    from sciship.checks.readme import dev_instructions, load_readme

    readme = load_readme(project)
    line = dev_instructions(readme) if readme else None
    return Place("development instructions", readme.path, line) if readme and line else None


def _tutorial(project: Project) -> Place | None:
    from sciship.checks.docs import tutorial_page

    found = tutorial_page(project)
    return Place("tutorial", found[0], found[1]) if found else None


def _docs(project: Project) -> Place | None:
    from sciship.checks.docs import docs_tool

    found = docs_tool(project)
    return Place(found[0], found[1]) if found else None


def _tests(project: Project) -> Place | None:
    tests = [f for f in project.test_files if not f.endswith("conftest.py")]
    if not tests:
        return None
    folder = tests[0].rsplit("/", 1)[0] if "/" in tests[0] else tests[0]
    return Place(f"{len(tests)} test file{'s' if len(tests) != 1 else ''}", folder)


def _ci(project: Project) -> Place | None:
    from sciship.checks.ci import TEST_COMMAND

    for path in [*project.workflow_files, ".gitlab-ci.yml", "azure-pipelines.yml", ".circleci/config.yml"]:
        text = project.read_text(path) if project.has(path) else None
        m = TEST_COMMAND.search(text or "")
        if m and text is not None:
            return Place(m.group(0), path, text.count("\n", 0, m.start()) + 1)
    return None


def _community(stems: tuple[str, ...]) -> Callable[[Project], Place | None]:
    def find(project: Project) -> Place | None:
        for f in project.files:
            low = f.lower()
            folder, _, name = low.rpartition("/")
            if folder in {"", ".github", "docs"} and name.split(".")[0] in stems:
                return Place(name, f)
        return None

    return find


def _readme(project: Project) -> Place | None:
    from sciship.checks.readme import load_readme

    readme = load_readme(project)
    return Place("README", readme.path) if readme else None


_PLACES: dict[str, Callable[[Project], Place | None]] = {
    "LIC200": _license,
    "LIC201": _license,
    "LIC203": _license,
    "RDM315": _dev,
    "RDM310": _readme,
    "RDM311": _readme,
    "DOC500": _docs,
    "DOC501": _docs,
    "DOC503": _tutorial,
    "LAY405": _tests,
    "CI700": _ci,
    "COM600": _community(("contributing",)),
    "COM601": _community(("code_of_conduct", "code-of-conduct", "conduct")),
}
