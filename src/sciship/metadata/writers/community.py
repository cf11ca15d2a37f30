"""CONTRIBUTING.md, CHANGELOG.md and CODE_OF_CONDUCT.md: one renderer each, for every command.

``sciship new`` knows the tools a new project gets (``DevFacts`` built by the scaffold); ``check
--fix`` and ``adopt`` read them from the project (:meth:`DevFacts.from_project`). The project's name,
repository, version and contact come from the metadata model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sciship._regex import compile_later

if TYPE_CHECKING:
    import jinja2

    from sciship.metadata.model import Metadata
    from sciship.project import Project

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates" / "community"
_PY_MIN = compile_later(r">=\s*(3\.\d+)")
DOCS_BUILD = "python -m sphinx -W docs docs/_build/html"


@dataclass(frozen=True)
class DevFacts:
    """How a contributor works on this project: what CONTRIBUTING.md tells them."""

    install: str = "python -m pip install -e . pytest"  #: installs the project and its test tools
    uses_groups: bool = False  #: ``install`` reads ``[dependency-groups]`` (needs pip 25.1)
    lint: tuple[str, ...] = ()  #: style commands, when the project configures a linter
    pre_commit: bool = False
    docs: str | None = None  #: the command that builds the documentation
    release: bool = False  #: a release workflow publishes with trusted publishing
    tests_dir: str | None = None
    python_min: str | None = None  #: ``3.10``
    clone_url: str | None = None  #: what a contributor clones (their fork)
    folder: str | None = None  #: the folder the clone makes

    @classmethod
    def from_project(cls, project: Project) -> DevFacts:
        from sciship.metadata import read

        meta = read.load(project).combined()
        data = project.pyproject or {}
        tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
        install, groups = _install_command(project)
        lint: tuple[str, ...] = ()
        if isinstance(tool, dict) and "ruff" in tool:
            lint = ("ruff check .",)
        elif isinstance(tool, dict) and "black" in tool:
            lint = ("black --check .",)
        m = _PY_MIN.search(meta.requires_python or "")
        workflows = " ".join(project.read_text(f) or "" for f in project.workflow_files)
        clone, folder = _clone(meta.repository)
        return cls(
            install=install,
            uses_groups=groups,
            lint=lint,
            pre_commit=project.has(".pre-commit-config.yaml"),
            docs=DOCS_BUILD if project.has("docs/conf.py") else None,
            release="gh-action-pypi-publish" in workflows and "id-token: write" in workflows,
            tests_dir=next((d for d in ("tests", "test") if project.has_dir(d)), None),
            python_min=m.group(1) if m else None,
            clone_url=clone,
            folder=folder,
        )


def _install_command(project: Project) -> tuple[str, bool]:
    table = project.metadata
    extras = table.get("optional-dependencies")
    groups = (project.pyproject or {}).get("dependency-groups")
    for wanted in ("test", "tests", "dev"):
        if isinstance(extras, dict) and wanted in extras:
            return f'python -m pip install -e ".[{wanted}]"', False
        if isinstance(groups, dict) and wanted in groups:
            return f"python -m pip install -e . --group {wanted}", True
    return "python -m pip install -e . pytest", False


def _clone(repository: str | None) -> tuple[str | None, str | None]:
    if not repository:
        return None, None
    m = re.match(r"https?://github\.com/[^/]+/([^/#?]+?)(?:\.git)?/?$", repository)
    if m:
        return f"https://github.com/YOUR-NAME/{m.group(1)}.git", m.group(1)
    folder = repository.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    return repository, folder or None


@cache
def _env() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - Markdown, never HTML
        trim_blocks=True,
        lstrip_blocks=True,
    )


def contributing(meta: Metadata, facts: DevFacts) -> str:
    """CONTRIBUTING.md: how to report a bug, set up, test and propose a change (commands from ``facts``)."""
    repo = meta.repository
    return (
        _env()
        .get_template("CONTRIBUTING.md.j2")
        .render(
            name=meta.name or "this project",
            repo_url=repo.rstrip("/") if repo and "github.com/" in repo else None,
            **facts.__dict__,
        )
    )


def changelog(meta: Metadata, *, released: bool | None = None) -> str:
    """A Keep-a-Changelog file. ``released``: the current version is out already (its own section);
    default: an existing project with a version has released it."""
    version = meta.version
    return (
        _env()
        .get_template("CHANGELOG.md.j2")
        .render(
            name=meta.name or "this project",
            version=version,
            released=bool(version) if released is None else released and bool(version),
        )
    )


def contact(meta: Metadata) -> str:
    """Whom to contact about conduct: the first email among the people, else the first name."""
    email = next((p.email for p in meta.people if p.email), None)
    return email or (meta.people[0].display if meta.people else "the maintainers")


def code_of_conduct(meta: Metadata) -> str:
    """CODE_OF_CONDUCT.md, naming :func:`contact` as the person to write to."""
    return _env().get_template("CODE_OF_CONDUCT.md").render(contact=contact(meta))
