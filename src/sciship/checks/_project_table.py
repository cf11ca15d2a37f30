"""Reading and editing pyproject.toml's ``[project]`` table: what every check family shares.

The family modules (pyproject, metadata, license, readme, ...) import these helpers from here and never
from each other, so every import between check modules points down.
"""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING, Any

from sciship._regex import compile_later
from sciship.checks import Skip

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

    from sciship.project import Project

PYPROJECT = "pyproject.toml"
DEFAULT_REQUIRES_PYTHON = ">=3.10"
#: Files in a package where a hard-coded ``__version__`` usually lives.
VERSION_FILES = ("__init__.py", "_version.py", "version.py", "__about__.py")


def line_of(project: Project, key: str) -> int | None:
    """The line of ``key = ...`` in pyproject.toml (first match), for locations in findings."""
    return text_line_of(project.read_text(PYPROJECT) or "", key)


def text_line_of(text: str, key: str) -> int | None:
    """The line of ``key = ...`` in TOML ``text`` (first match)."""
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=", re.MULTILINE)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def declared(project: Project, key: str) -> Any:
    """``[project].key``; None when absent. Raises nothing."""
    return project.metadata.get(key)


def is_dynamic(project: Project, key: str) -> bool:
    dyn = project.metadata.get("dynamic")
    return isinstance(dyn, list) and key in dyn


def no_pyproject(project: Project) -> Skip | None:
    """A Skip when there is no ``[project]`` table to check (PKG100, PKG101 or PKG110 says why)."""
    data = project.pyproject
    if data is None:
        return Skip("There is no readable pyproject.toml.")
    if not isinstance(data.get("project"), dict):
        return Skip("pyproject.toml has no `[project]` table (see PKG110).")
    return None


def version_literals(project: Project) -> list[tuple[str, int, str]]:
    """Hard-coded ``__version__ = "..."`` in the packages' VERSION_FILES, as (path, line, value)."""

    def compute() -> list[tuple[str, int, str]]:
        out: list[tuple[str, int, str]] = []
        paths = [
            pkg.path if pkg.module else f"{pkg.path}/{name}"
            for pkg in project.packages
            for name in VERSION_FILES
            if not (pkg.module and name != VERSION_FILES[0])
        ]
        for path in dict.fromkeys(paths):
            text = project.read_text(path) if project.has(path) else None
            if not text or "__version__" not in text:
                continue
            try:
                tree = ast.parse(text)
            except (SyntaxError, ValueError):
                continue
            for node in tree.body:
                value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
                targets = (
                    node.targets
                    if isinstance(node, ast.Assign)
                    else ([node.target] if isinstance(node, ast.AnnAssign) else [])
                )
                if (
                    any(isinstance(t, ast.Name) and t.id == "__version__" for t in targets)
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                ):
                    out.append((path, node.lineno, value.value))
        return out

    return project.memo("metadata:version_literals", compute)  # type: ignore[no-any-return]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def git_config(project: Project, key: str) -> str | None:
    """``git config KEY`` as seen from the project folder, or None (no git, not set, any error)."""
    return project.git_config(key)


_GITHUB = compile_later(r"^(?:https://|ssh://git@|git@)github\.com[:/]([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")


def github_repo(project: Project) -> str | None:
    """``https://github.com/owner/repo`` when the ``origin`` remote is on GitHub, else None."""
    url = git_config(project, "remote.origin.url")
    m = _GITHUB.match(url or "")
    return f"https://github.com/{m.group(1)}/{m.group(2)}" if m else None


def git_author(project: Project) -> dict[str, str] | None:
    name = git_config(project, "user.name")
    email = git_config(project, "user.email")
    if not name and not email:
        return None
    author: dict[str, str] = {}
    if name:
        author["name"] = name
    if email:
        author["email"] = email
    return author


def project_table(doc: TOMLDocument) -> Any:
    """The ``[project]`` table of a tomlkit document, created when missing.

    Raises :class:`~sciship._errors.PlanError` when ``project`` is something else (a string, a list):
    sciship does not rewrite a value whose shape it does not understand.
    """
    import tomlkit

    if "project" not in doc:
        doc.add("project", tomlkit.table())
    table = doc["project"]
    if not isinstance(table, dict):
        from sciship._errors import PlanError

        raise PlanError(
            "`project` in pyproject.toml is not a table, so sciship did not change it.",
            hint="Write it as a `[project]` table (`sciship explain pyproject`).",
            path=PYPROJECT,
        )
    return table


def table_key(table: Any, key: str, kind: type, shape: str) -> Any:
    """``table[key]`` when it has the expected ``kind`` (or is absent: None); else PlanError.

    Fixers edit values through this, so a value of the wrong shape (``classifiers = "..."``) is left
    alone with a message instead of being half-rewritten.
    """
    value = table.get(key)
    if value is None or isinstance(value, kind):
        return value
    from sciship._errors import PlanError

    raise PlanError(
        f"`{key}` in pyproject.toml is not {shape}, so sciship did not change it.",
        hint="Correct its shape first (`sciship check` says how).",
        path=PYPROJECT,
    )


def inline_authors(authors: list[dict[str, str]]) -> Any:
    import tomlkit

    array = tomlkit.array()
    for a in authors:
        t = tomlkit.inline_table()
        t.update(a)
        array.append(t)
    return array
