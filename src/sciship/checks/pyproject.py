"""pyproject.toml: present, valid TOML, valid against the packaging standards, with a build system."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sciship.checks import Fail, Skip, check, fixer

if TYPE_CHECKING:
    from sciship.checks import Result
    from sciship.plan import Plan
    from sciship.project import Project

FAMILY = "pyproject"


@check(
    "PKG100",
    family=FAMILY,
    severity="blocker",
    topic="pyproject",
    title="The project has a pyproject.toml",
    why="""pyproject.toml is the one file every packaging tool reads: it names your package, lists what it
    needs and says how to build it. Without it, pip cannot build or install your code.""",
    fix="""Create pyproject.toml at the top of the project (`sciship check --fix` writes a starter from what
    it can see; `sciship new` shows a complete one). A project that only has setup.py can move its
    `setup(...)` arguments into the `[project]` table.""",
)
def has_pyproject(project: Project) -> Result:
    if project.has("pyproject.toml"):
        return None
    if project.has("setup.py") or project.has("setup.cfg"):
        old = "setup.py" if project.has("setup.py") else "setup.cfg"
        return Fail(
            f"This project is configured only through `{old}`. That still works with setuptools, but the "
            "standard today is pyproject.toml: move the metadata into its `[project]` table and add a "
            "`[build-system]` table (see `sciship explain build-backends`).",
            path=old,
        )
    return Fail("There is no pyproject.toml at the top of the project.")


@check(
    "PKG101",
    family=FAMILY,
    severity="blocker",
    topic="pyproject",
    requires=("PKG100",),
    title="pyproject.toml is valid TOML",
    why="""If pyproject.toml cannot be read, no tool can build or install your package: pip stops at the
    first syntax error.""",
    fix="""Open pyproject.toml at the line and column shown and correct the syntax (a missing quote, `=`
    or closing bracket is the usual cause).""",
)
def pyproject_parses(project: Project) -> Result:
    err = project.pyproject_error
    if err is None:
        return None
    msg = err.message
    if err.column is not None:
        msg += f" (line {err.line}, column {err.column})"
    return Fail(msg, path=err.path, line=err.line)


_VALIDATOR_CACHE: dict[str, Any] = {}


def schema_errors(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Every schema error in ``data`` as (key, plain-words message); empty when valid."""
    from validate_pyproject import api, errors

    validator = _VALIDATOR_CACHE.get("v")
    if validator is None:
        validator = _VALIDATOR_CACHE["v"] = api.Validator()
    out: list[tuple[str, str]] = []
    # validate-pyproject stops at the first error; validate tables one by one to report each.
    for key in ("build-system", "project", "dependency-groups"):
        if key not in data:
            continue
        try:
            validator({key: data[key]} if key != "project" else {"project": data[key]})
        except errors.ValidationError as exc:
            out.append(_plain_schema_error(exc))
        except Exception as exc:
            out.append((key, f"could not be validated ({type(exc).__name__})"))
    return out


def _plain_schema_error(exc: Any) -> tuple[str, str]:
    name = str(getattr(exc, "name", "") or "")
    key = name.replace("data.", "", 1) if name.startswith("data.") else name or "pyproject.toml"
    key = re.sub(r"\[(\d+)\]", r"[\1]", key)
    summary = str(getattr(exc, "summary", "") or getattr(exc, "message", "") or exc)
    summary = summary.replace("`data.", "`").replace("data.", "")
    rule = getattr(exc, "rule", "")
    definition = getattr(exc, "definition", {}) or {}
    expected = ""
    if rule == "type":
        kind = definition.get("type")
        expected = f"it must be {_shape(kind)}"
    elif rule == "format":
        expected = f"it must be a valid {definition.get('format', 'value')}"
    elif rule == "additionalProperties":
        expected = "that key is not part of the standard; check its spelling"
    elif rule == "required":
        expected = f"the required key is missing ({summary})"
    elif rule in {"enum", "const"}:
        expected = "it must be one of the allowed values"
    message = f"`{key}`: {expected}" if expected else f"`{key}`: {summary}"
    return key, message


def _shape(kind: Any) -> str:
    shapes = {
        "string": 'a string in quotes, like "value"',
        "array": 'a list, like ["a", "b"]',
        "object": "a table (a `[section]` or `{ key = value }`)",
        "boolean": "true or false",
        "integer": "a whole number",
    }
    if isinstance(kind, list):
        return " or ".join(shapes.get(str(k), str(k)) for k in kind)
    return shapes.get(str(kind), str(kind))


@check(
    "PKG102",
    family=FAMILY,
    severity="blocker",
    topic="pyproject",
    requires=("PKG101",),
    title="pyproject.toml follows the packaging standards",
    why="""The `[project]` and `[build-system]` tables have a standard shape (PEP 621 and PEP 517). A key of
    the wrong type or a misspelt key makes builds fail, or silently drops information from your package
    page.""",
    fix="""Correct each key named in the message to the shape it expects; `sciship explain pyproject`
    shows a complete, valid example.""",
)
def pyproject_valid(project: Project) -> Result:
    data = project.pyproject
    if data is None:
        return Skip("There is no pyproject.toml to validate.")
    errs = schema_errors(data)
    if not errs:
        return None
    text = project.read_text("pyproject.toml") or ""
    first_key = errs[0][0].split(".")[-1].split("[")[0]
    return Fail("; ".join(m for _, m in errs) + ".", path="pyproject.toml", line=_line_of(text, first_key))


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=", re.MULTILINE)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


@check(
    "PKG103",
    family=FAMILY,
    severity="blocker",
    topic="build-backends",
    requires=("PKG101",),
    title="pyproject.toml names a build backend",
    why="""The `[build-system]` table tells pip which tool turns your source into an installable wheel.
    Without it, pip falls back to old setuptools behaviour, which ignores most of `[project]` in old versions
    and gives confusing errors.""",
    fix="""Add a `[build-system]` table. sciship recommends hatchling:
    `requires = ["hatchling"]` and `build-backend = "hatchling.build"`.""",
)
def has_build_system(project: Project) -> Result:
    data = project.pyproject
    if data is None:
        return Skip("There is no pyproject.toml.")
    bs = data.get("build-system")
    if not isinstance(bs, dict):
        return Fail("pyproject.toml has no `[build-system]` table.", path="pyproject.toml")
    if not bs.get("build-backend"):
        return Fail(
            "`[build-system]` has no `build-backend` key, so pip guesses (legacy setuptools).",
            path="pyproject.toml",
            line=_line_of(project.read_text("pyproject.toml") or "", "requires"),
        )
    if not bs.get("requires"):
        return Fail(
            "`[build-system]` has no `requires` list naming the backend to install.", path="pyproject.toml"
        )
    return None


@fixer("PKG103")
def add_build_system(project: Project, plan: Plan) -> None:
    import tomlkit

    def change(doc: Any) -> None:
        bs = doc.get("build-system")
        if bs is None:
            table = tomlkit.table()
            table.add("requires", ["hatchling"])
            table.add("build-backend", "hatchling.build")
            # put [build-system] first, where readers expect it
            items = list(doc.items())
            for k, _ in items:
                doc.remove(k)
            doc.add("build-system", table)
            for k, v in items:
                doc.add(k, v)
        else:
            if "requires" not in bs:
                bs["requires"] = ["hatchling"]
            if "build-backend" not in bs:
                requires = " ".join(str(r) for r in bs.get("requires", []))
                bs["build-backend"] = (
                    "setuptools.build_meta"
                    if "setuptools" in requires and "hatchling" not in requires
                    else "hatchling.build"
                )

    plan.edit_toml("pyproject.toml", change, "add the [build-system] table (hatchling)")


# ---------------------------------------------------------------------- PKG100 fixer
@fixer("PKG100")
def write_starter_pyproject(project: Project, plan: Plan) -> None:
    """A starter pyproject.toml from what the folder already shows; nothing invented."""
    if project.has("setup.py") or project.has("setup.cfg"):
        plan.note("This project is configured through setup.py/setup.cfg; sciship will not guess how to "
                  "move it. Copy the `setup(...)` arguments into `[project]` by hand "
                  "(`sciship explain pyproject`).")
        return
    plan.create("pyproject.toml", starter_pyproject(project), "a starter pyproject.toml")


def starter_pyproject(project: Project) -> str:
    import tomlkit

    from sciship.checks.license import identify, license_files
    from sciship.checks.metadata import (
        DEFAULT_REQUIRES_PYTHON,
        git_author,
        github_repo,
        inline_authors,
        version_literals,
    )

    doc = tomlkit.document()
    bs = tomlkit.table()
    bs.add("requires", ["hatchling"])
    bs.add("build-backend", "hatchling.build")
    doc.add("build-system", bs)

    meta = tomlkit.table()
    meta.add("name", _starter_name(project))
    literals = version_literals(project)
    if literals:
        meta.add("dynamic", ["version"])  # read from the one place it is already written
    else:
        meta.add("version", "0.1.0")
    readme = project.find_ci("README")
    if readme:
        meta.add("readme", readme)
    files = license_files(project)
    found = identify(project.read_text(files[0]) or "") if files else []
    if len(found) == 1:
        meta.add("license", found[0])
        meta.add("license-files", [files[0]])
    meta.add("requires-python", DEFAULT_REQUIRES_PYTHON)
    author = git_author(project)
    if author:
        meta.add("authors", inline_authors([author]))
    meta.add("dependencies", tomlkit.array())
    doc.add("project", meta)
    repo = github_repo(project)
    if repo:
        urls = tomlkit.table()
        urls.add("Source", repo)
        urls.add("Issues", repo + "/issues")
        meta.add("urls", urls)
    if literals:
        tool = tomlkit.table(is_super_table=True)
        hatch = tomlkit.table(is_super_table=True)
        version = tomlkit.table()
        version.add("path", literals[0][0])
        hatch.add("version", version)
        tool.add("hatch", hatch)
        doc.add("tool", tool)
    return tomlkit.dumps(doc)


def _starter_name(project: Project) -> str:
    if project.packages:
        return project.packages[0].name.replace("_", "-").lower()
    name = re.sub(r"[^A-Za-z0-9]+", "-", project.root.name).strip("-").lower()
    return name or "my-package"
