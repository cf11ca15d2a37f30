"""pyproject.toml: present, valid TOML, valid against the packaging standards, with a build system."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sciship.checks import Fail, Skip, check, fixer
from sciship.checks._build import BACKEND_NAMES, backend, not_a_package
from sciship.checks._project_table import text_line_of

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
    title="pip can build the project (it has a pyproject.toml)",
    why="""pip builds and installs a project from its pyproject.toml (or, the old way, its setup.py). A
    folder with neither is not a package pip can install: nobody can `pip install` it.""",
    fix="""Create pyproject.toml at the top of the project (`sciship check --fix` writes a starter from what
    it can see; `sciship new` shows a complete one).""",
)
def has_pyproject(project: Project) -> Result:
    """PKG100: pip can build the project: it has a pyproject.toml (a file) or a setup.py."""
    if project.pyproject_not_a_file is not None:  # pip cannot read it either
        return Fail(project.pyproject_not_a_file.message, path="pyproject.toml")
    if project.has("pyproject.toml") or project.has("setup.py"):
        return None  # a setup.py-only project builds with pip; PKG105 asks to move to pyproject.toml
    if not_a_package(project):
        return Skip("This folder is not itself a package (see LAY400).")
    if project.has("setup.cfg"):
        return Fail(
            "There is a setup.cfg but no pyproject.toml and no setup.py, so pip does not know how to build "
            "the project.",
            path="setup.cfg",
        )
    return Fail("There is no pyproject.toml at the top of the project, so pip cannot build or install it.")


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
    """PKG101: pyproject.toml is valid TOML."""
    err = project.pyproject_error
    if err is None:
        return None
    msg = err.message
    if err.column is not None:
        msg += f" (line {err.line}, column {err.column})"
    return Fail(msg, path=err.path, line=err.line)


_VALIDATOR_CACHE: dict[str, Any] = {}


@dataclass(frozen=True)
class SchemaError:
    """One way pyproject.toml breaks the packaging standards, in plain words."""

    key: str  #: the dotted key, as the file spells it: ``project.authors[0]``
    kind: Literal["unknown-key", "wrong-shape", "missing"]
    message: str
    unknown: tuple[str, ...] = ()  #: the keys that are not part of the standard, for ``unknown-key``

    @property
    def in_people(self) -> bool:
        return self.key.startswith(("project.authors", "project.maintainers"))

    @property
    def table(self) -> str:
        return self.key.split(".")[0].split("[")[0]


def schema_errors(data: dict[str, Any]) -> list[SchemaError]:
    """Every schema error in ``data`` (one per table: the validator stops at the first), in plain words."""
    from validate_pyproject import errors

    validator = _VALIDATOR_CACHE.get("v")
    if validator is None:
        validator = _VALIDATOR_CACHE["v"] = _make_validator()
    out: list[SchemaError] = []
    for key in ("build-system", "project", "dependency-groups"):
        if key not in data:
            continue
        try:
            validator({key: data[key]})
        except errors.ValidationError as exc:
            out.append(_plain_schema_error(exc))
        except Exception as exc:
            reason = f"`[{key}]` could not be validated ({type(exc).__name__})"
            out.append(SchemaError(key, "wrong-shape", reason))
    return out


def _make_validator() -> Any:
    """validate-pyproject's validator for the standard tables, compiled once per version and cached.

    Compiling the JSON schema costs about a tenth of a second on every run; the compiled code is kept
    in sciship's cache folder (keyed by the validator's version) and reused.
    """
    from functools import partial, reduce
    from importlib.metadata import version

    from validate_pyproject import api
    from validate_pyproject.error_reporting import detailed_errors

    from sciship import _cache

    v = api.Validator(plugins=[])
    name = f"validate-pyproject-{version('validate-pyproject')}-{version('fastjsonschema')}.py"
    raw = _cache.read(name)
    code = raw.decode("utf-8") if raw else None
    namespace: dict[str, Any] = {}
    try:
        exec(compile(code or "", name, "exec"), namespace)  # noqa: S102 - code generated by fastjsonschema
    except Exception:  # a corrupt cache entry is rebuilt
        namespace = {}
    if "validate" not in namespace:
        code = v.generated_code
        exec(compile(code, name, "exec"), namespace)  # noqa: S102 - code generated by fastjsonschema
        _cache.write(name, code.encode("utf-8"))
    validate = partial(namespace["validate"], custom_formats=dict(v.formats))

    def run(data: dict[str, Any]) -> Any:
        with detailed_errors():
            validate(data)
            return reduce(lambda acc, fn: fn(acc), v.extra_validations, data)

    return run


#: keys people put under `[project]` by habit (setup.py, Poetry), and where they belong
_INSTEAD: dict[str, str] = {
    "repository": "`[project.urls]`, for example `Source = \"https://...\"`",
    "homepage": "`[project.urls]`, for example `Homepage = \"https://...\"`",
    "home-page": "`[project.urls]`, for example `Homepage = \"https://...\"`",
    "documentation": "`[project.urls]`, for example `Documentation = \"https://...\"`",
    "url": "`[project.urls]`, for example `Homepage = \"https://...\"`",
    "author": "`authors = [{ name = \"...\", email = \"...\" }]`",
    "author_email": "`authors = [{ name = \"...\", email = \"...\" }]`",
    "author-email": "`authors = [{ name = \"...\", email = \"...\" }]`",
    "maintainer": "`maintainers = [{ name = \"...\", email = \"...\" }]`",
    "python_requires": "`requires-python`",
    "python-requires": "`requires-python`",
    "requires_python": "`requires-python`",
    "requires": "`dependencies`",
    "install_requires": "`dependencies`",
    "install-requires": "`dependencies`",
    "extras_require": "`[project.optional-dependencies]`",
    "extras": "`[project.optional-dependencies]`",
    "dev-dependencies": "`[dependency-groups]` (a top-level table)",
    "license_file": "`license-files`",
    "license-file": "`license-files`",
    "summary": "`description`",
    "long_description": "`readme`",
    "console_scripts": "`[project.scripts]`",
    "packages": "your build backend's own table (for setuptools `[tool.setuptools] packages`)",
}
_PROJECT_KEYS = (
    "name", "version", "description", "readme", "requires-python", "license", "license-files",
    "authors", "maintainers", "keywords", "classifiers", "urls", "scripts", "gui-scripts", "entry-points",
    "dependencies", "optional-dependencies", "dynamic", "import-names", "import-namespaces",
)


def _unknown_hint(key: str, where: str) -> str:
    if where in ("project.authors", "project.maintainers"):
        if key in ("orcid", "affiliation", "github", "url", "role"):
            return "entries take only `name` and `email`; keep ORCIDs and affiliations in CITATION.cff"
        return "entries take only `name` and `email`"
    if where == "project":
        if key in _INSTEAD:
            return f"did you mean {_INSTEAD[key]}?"
        import difflib

        close = difflib.get_close_matches(key.lower().replace("_", "-"), _PROJECT_KEYS, n=1, cutoff=0.7)
        if close:
            return f"did you mean `{close[0]}`?"
    return "check its spelling, or move it to a `[tool.<name>]` table"


def _plain_schema_error(exc: Any) -> SchemaError:
    name = str(getattr(exc, "name", "") or "").strip("`")
    key = name.replace("data.", "", 1) if name.startswith("data.") else name or "pyproject.toml"
    summary = str(getattr(exc, "summary", "") or getattr(exc, "message", "") or exc).replace("data.", "")
    rule = getattr(exc, "rule", "")
    definition = getattr(exc, "definition", {}) or {}
    value = getattr(exc, "value", None)
    if rule == "additionalProperties":
        m = re.search(r"must not contain \{(.*)\} properties", summary)
        unknown = tuple(sorted(re.findall(r"'([^']+)'", m.group(1)))) if m else ()
        where = re.sub(r"\[\d+\]$", "", key)
        parts = [f"`{u}` is not a key of `[{key}]`: {_unknown_hint(u, where)}" for u in unknown]
        if where in ("project.authors", "project.maintainers"):
            parts = [f"`{u}` in `{key}`: {where.split('.')[-1]} {_unknown_hint(u, where)}" for u in unknown]
        text = "; ".join(parts) or f"`{key}` has a key that is not standard"
        return SchemaError(key, "unknown-key", text, unknown)
    if rule == "required":
        m = re.search(r"must contain \[(.*)\]", summary)
        missing = ", ".join(f"`{k}`" for k in re.findall(r"'([^']+)'", m.group(1))) if m else "a key"
        return SchemaError(key, "missing", f"`[{key}]` needs {missing}")
    if rule == "type":
        expected = f"must be {_shape(definition.get('type'))}"
    elif rule == "format":
        fmt = str(definition.get("format", "value"))
        expected = {
            "pep508": "must be a requirement like `numpy>=1.24` (PEP 508)",
            "pep440": "must be a version like `1.0.2` (PEP 440)",
            "pep508-versionspec": "must be a version range like `>=3.10`",
            "pep508-identifier": "must be a name of letters, digits, `-`, `_` and `.`",
            "python-entrypoint-reference": "must name a function, like `package.module:function`",
            "SPDX": "must be an SPDX license expression, like `MIT`",
        }.get(fmt, f"must be a valid {fmt}")
    elif rule in {"enum", "const"}:
        expected = "must be one of the allowed values"
    else:
        expected = summary.split("\n")[0].replace(f"`{key}` ", "")
    shown = f" (it is `{value}`)" if isinstance(value, (str, int, float)) and len(str(value)) < 60 else ""
    return SchemaError(key, "wrong-shape", f"`{key}` {expected}{shown}")


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


#: backends that refuse unknown keys directly under `[project]`, and inside author entries, measured by
#: building a one-module package with each (issue 12); every backend refuses a value of the wrong shape
REFUSE_UNKNOWN_PROJECT_KEY = frozenset({"setuptools", "flit"})
REFUSE_UNKNOWN_PERSON_KEY = frozenset({"setuptools", "flit", "pdm", "poetry", "uv"})
_KNOWN_STRICTNESS = frozenset({"setuptools", "flit", "pdm", "poetry", "uv", "hatchling", "maturin"})


def _refused(error: SchemaError, kind: str) -> bool | None:
    """Whether the backend ``kind`` stops on ``error``; None when sciship does not know."""
    if error.key.startswith(("project.license", "project.name", "project.version")) or (
        error.kind == "missing" and error.table == "project"
    ):
        return False  # the license, name and version checks say these, with better words
    if error.table == "dependency-groups":
        return False  # only tools that install groups read them
    if error.key.startswith("project.classifiers"):
        return kind == "hatchling"  # the only backend that checks classifiers (PyPI checks them on upload)
    if error.kind != "unknown-key" or error.table == "build-system":
        return True
    if kind not in _KNOWN_STRICTNESS:
        return None
    strict = REFUSE_UNKNOWN_PERSON_KEY if error.in_people else REFUSE_UNKNOWN_PROJECT_KEY
    return kind in strict


def _errors(project: Project) -> list[SchemaError]:
    data = project.pyproject
    if data is None:
        return []
    return project.memo("pyproject:schema_errors", lambda: schema_errors(data))  # type: ignore[no-any-return]


def _where(project: Project, errors: list[SchemaError]) -> int | None:
    text = project.read_text("pyproject.toml") or ""
    first = errors[0]
    key = first.key.split(".")[-1].split("[")[0]
    if first.unknown and not first.in_people:
        key = first.unknown[0]
    return text_line_of(text, key)


@check(
    "PKG102",
    family=FAMILY,
    severity="blocker",
    topic="pyproject",
    requires=("PKG101",),
    title="The build backend accepts pyproject.toml",
    why="""The `[project]` and `[build-system]` tables have a standard shape (PEP 621 and PEP 517). Every
    build backend stops at a value of the wrong shape (a string where a list belongs); setuptools and
    flit_core also stop at a key the standard does not know. Then nobody can build or install your
    package from source.""",
    fix="""Correct each key named in the message to the shape it expects; `sciship explain pyproject`
    shows a complete, valid example.""",
)
def pyproject_valid(project: Project) -> Result:
    """PKG102: pyproject.toml has no schema error that this project's build backend refuses."""
    if project.pyproject is None:
        return Skip("There is no pyproject.toml to validate.")
    kind = backend(project)
    refused = [e for e in _errors(project) if _refused(e, kind)]
    if not refused:
        return None
    who = BACKEND_NAMES.get(kind, "The build backend")
    message = _sentence(f"{who} refuses to build it: " + "; ".join(e.message for e in refused))
    return Fail(message, path="pyproject.toml", line=_where(project, refused))


@check(
    "PKG103",
    family=FAMILY,
    severity="important",
    topic="build-backends",
    requires=("PKG101",),
    title="pyproject.toml names a build backend",
    why="""The `[build-system]` table tells pip which tool turns your source into an installable wheel.
    Without it, pip still builds the project, but with whatever setuptools version it finds (old ones
    ignore `[project]`), so builds differ from machine to machine and fail in confusing ways.""",
    fix="""Add a `[build-system]` table. For a new package sciship recommends hatchling:
    `requires = ["hatchling"]` and `build-backend = "hatchling.build"`. `sciship check --fix` writes out the
    backend pip already uses for this project (setuptools), so the build does not change.""",
)
def has_build_system(project: Project) -> Result:
    """PKG103: pyproject.toml has a `[build-system]` table with `build-backend` and `requires`."""
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
            line=text_line_of(project.read_text("pyproject.toml") or "", "requires"),
        )
    if not bs.get("requires"):
        return Fail(
            "`[build-system]` has no `requires` list naming the backend to install.", path="pyproject.toml"
        )
    return None


#: ``build-backend`` -> what to write in ``requires`` for it, for the backends sciship knows
_BACKEND_REQUIRES = {
    "hatchling.build": "hatchling",
    "setuptools.build_meta": "setuptools>=61",
    "setuptools.build_meta:__legacy__": "setuptools>=61",
    "flit_core.buildapi": "flit_core>=3.4",
    "poetry.core.masonry.api": "poetry-core>=2",
    "pdm.backend": "pdm-backend",
}
#: a name in ``requires`` -> the ``build-backend`` it provides
_REQUIRES_BACKEND = {
    "hatchling": "hatchling.build",
    "flit-core": "flit_core.buildapi",
    "poetry-core": "poetry.core.masonry.api",
    "pdm-backend": "pdm.backend",
}


@fixer("PKG103")
def add_build_system(project: Project, plan: Plan) -> None:
    """Write out the backend pip already builds the project with, so the build does not change.

    Without ``[build-system]`` (or without ``build-backend``), pip builds with setuptools'
    ``build_meta:__legacy__``. Naming another backend here could change what goes into the package, so
    sciship names setuptools (the legacy entry point when there is a setup.py, which may import files
    next to it); `sciship explain build-backends` shows how to move to hatchling afterwards.
    """
    import tomlkit

    from sciship.imports.names import canonicalize_name, requirement_name

    legacy = project.has("setup.py")
    setuptools = "setuptools.build_meta:__legacy__" if legacy else "setuptools.build_meta"

    def change(doc: Any) -> None:
        bs = doc.get("build-system")
        if bs is None:
            table = tomlkit.table()
            table.add("requires", [_BACKEND_REQUIRES[setuptools]])
            table.add("build-backend", setuptools)
            # put [build-system] first, where readers expect it
            items = list(doc.items())
            for k, _ in items:
                doc.remove(k)
            doc.add("build-system", table)
            for k, v in items:
                doc.add(k, v)
            return
        if not isinstance(bs, dict):
            from sciship._errors import PlanError

            raise PlanError(
                "`build-system` in pyproject.toml is not a table, so sciship did not change it.",
                hint="Write it as a `[build-system]` table (`sciship explain build-backends`).",
                path="pyproject.toml",
            )
        raw = bs.get("requires")
        listed = raw if isinstance(raw, list) else []
        names = [canonicalize_name(requirement_name(str(r)) or str(r)) for r in listed]
        if not bs.get("build-backend"):
            named = [_REQUIRES_BACKEND[n] for n in names if n in _REQUIRES_BACKEND]
            bs["build-backend"] = named[0] if len(named) == 1 and "setuptools" not in names else setuptools
        if not bs.get("requires"):
            backend = str(bs["build-backend"])
            if backend not in _BACKEND_REQUIRES:
                from sciship._errors import PlanError

                raise PlanError(
                    f"sciship does not know which package provides the build backend `{backend}`, so it "
                    "did not guess `requires`.",
                    hint="Add the package to `requires` in `[build-system]` (its documentation names it).",
                    path="pyproject.toml",
                )
            bs["requires"] = [_BACKEND_REQUIRES[backend]]
        elif "setuptools" in str(bs["build-backend"]) and "setuptools" not in names:
            bs["requires"].append(_BACKEND_REQUIRES[setuptools])

    plan.edit_toml(
        "pyproject.toml", change, "write out the [build-system] table pip already builds this project with"
    )


@check(
    "PKG104",
    family=FAMILY,
    severity="important",
    topic="pyproject",
    requires=("PKG102",),
    title="pyproject.toml follows the packaging standards",
    why="""Some build backends accept keys the standard does not know (hatchling and poetry-core ignore a
    `repository` key under `[project]`, for example), so the project builds, but the information never
    reaches your package page, and other tools (setuptools, flit_core, PyPI's checks) reject the file.""",
    fix="""Move or rename each key named in the message as it says; `sciship explain pyproject` shows a
    complete, valid example.""",
)
def pyproject_standard(project: Project) -> Result:
    """PKG104: pyproject.toml has no schema error its build backend lets through (such as an unknown key)."""
    if project.pyproject is None:
        return Skip("There is no pyproject.toml to validate.")
    kind = backend(project)
    tolerated = [e for e in _errors(project) if _refused(e, kind) is not True and not _said_elsewhere(e)]
    if not tolerated:
        return None
    unsure = any(_refused(e, kind) is None for e in tolerated)
    who = BACKEND_NAMES.get(kind, "your build backend")
    tail = (
        f" sciship is not sure whether {who} accepts this; setuptools and flit_core refuse it."
        if unsure
        else f" {who} builds it today, but the information is lost and stricter tools refuse the file."
    )
    message = _sentence("; ".join(e.message for e in tolerated)) + tail
    return Fail(message, path="pyproject.toml", line=_where(project, tolerated))


def _sentence(text: str) -> str:
    return text if text.endswith(("?", ".", "!")) else text + "."


def _said_elsewhere(error: SchemaError) -> bool:
    keys = ("project.license", "project.name", "project.version", "project.classifiers")
    return error.key.startswith(keys) or (
        error.kind == "missing" and error.table == "project"
    )


@check(
    "PKG105",
    family=FAMILY,
    severity="important",
    topic="pyproject",
    requires=("PKG101",),
    title="The package metadata is in pyproject.toml's `[project]` table",
    why="""`[project]` in pyproject.toml (PEP 621) is where every tool reads a package's name, version,
    dependencies and authors: pip, PyPI, GitHub's dependency graph, sciship. Metadata kept in setup.py,
    setup.cfg or Poetry's `[tool.poetry]` still builds, but each is one tool's private format (Poetry 2
    itself deprecates the `[tool.poetry]` fields), and code in setup.py runs on every install.""",
    fix="""Move the name, version, description, authors, license, `requires-python` and dependencies into
    `[project]` (`sciship explain pyproject` shows the keys), then delete them from the old place. Poetry
    2 and setuptools 61 or newer read `[project]`.""",
)
def metadata_in_project_table(project: Project) -> Result:
    """PKG105: the package metadata is in `[project]`, not in setup.py, setup.cfg or `[tool.poetry]`."""
    if isinstance((project.pyproject or {}).get("project"), dict):
        return None
    if not_a_package(project):
        return Skip("This folder is not itself a package (see LAY400).")
    from sciship.metadata.model import ORIGIN_NAMES
    from sciship.metadata.read import load

    meta = load(project).package
    if meta is None:
        if not project.has("pyproject.toml") and not project.has("setup.py"):
            return Skip("There is nothing to build yet (see PKG100).")
        return Fail(
            "There is no `[project]` table, and no metadata anywhere else: pyproject.toml should say the "
            "name, version and description of the package.",
            path="pyproject.toml" if project.has("pyproject.toml") else "setup.py",
        )
    src = meta.source("name") or meta.source("version")
    where = ORIGIN_NAMES[meta.origin]
    extra = (
        " Poetry 2 reads `[project]` too and warns that these `[tool.poetry]` fields are deprecated."
        if meta.origin == "poetry"
        else " It builds, but setup.py and setup.cfg are setuptools' own formats other tools cannot read."
    )
    return Fail(
        f"The package metadata (name `{meta.name or '?'}`, ...) is in {where}, not in `[project]`.{extra}",
        path=src.path if src else None,
        line=src.line if src else None,
    )


# ---------------------------------------------------------------------- PKG100 fixer
@fixer("PKG100")
def write_starter_pyproject(project: Project, plan: Plan) -> None:
    """A starter pyproject.toml from what the folder already shows; nothing invented."""
    if project.pyproject_not_a_file is not None:
        plan.note(project.pyproject_not_a_file.message)
        return
    if project.has("setup.py") or project.has("setup.cfg"):
        plan.note("This project is configured through setup.py/setup.cfg; sciship will not guess how to "
                  "move it. Copy the `setup(...)` arguments into `[project]` by hand "
                  "(`sciship explain pyproject`).")
        return
    plan.create("pyproject.toml", starter_pyproject(project), "a starter pyproject.toml")


def starter_pyproject(project: Project) -> str:
    """The text of a starter pyproject.toml (hatchling) built from what the folder already shows."""
    import tomlkit

    from sciship.checks._project_table import (
        DEFAULT_REQUIRES_PYTHON,
        git_author,
        github_repo,
        inline_authors,
        version_literals,
    )
    from sciship.metadata.licenses import identify, license_files

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
