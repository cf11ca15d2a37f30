"""Where a project declares what it needs: pyproject.toml, setup.cfg / setup.py, requirements files,
conda environment files.

Each declaration is a :class:`Declaration` with a *location* (``project.dependencies``,
``project.optional-dependencies.plot``, ``dependency-groups.test``, ``requirements.txt``,
``environment.yml``) and a *kind*: ``runtime`` (users get it), ``extra`` (users may opt in), ``dev``
(only developers: test/docs/lint groups and extras).
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from sciship._regex import compile_later
from sciship.imports.names import canonicalize_name, requirement_name
from sciship.project import Problem

if TYPE_CHECKING:
    from sciship.project import Project

Kind = Literal["runtime", "extra", "dev"]

DEV_NAMES = frozenset(
    {
        "test",
        "tests",
        "testing",
        "dev",
        "develop",
        "development",
        "doc",
        "docs",
        "documentation",
        "lint",
        "linting",
        "typing",
        "type",
        "types",
        "mypy",
        "style",
        "ci",
        "check",
        "checks",
        "coverage",
        "cov",
        "bench",
        "benchmark",
        "benchmarks",
        "build",
        "release",
        "notebooks",
        "examples",
        "tutorial",
        "tutorials",
        "all-dev",
        "complete-dev",
        "pre-commit",
        "format",
        "qa",
    }
)
#: a requirements or environment file with more names than this, most of them unused, is an
#: environment dump (``pip freeze``, ``conda env export``): only the names the code imports count
DUMP_SIZE = 40


@dataclass(frozen=True)
class Declaration:
    """One declared requirement: the distribution it names, where it is written and what kind it is."""

    name: str  #: PEP 503 normalised distribution name
    location: str
    kind: Kind
    requirement: str  #: as written
    path: str
    line: int | None = None
    dump: bool = False  #: from an environment dump: never reported as unused


@dataclass(frozen=True)
class Declared:
    """Everything a project declares it needs, the problems met reading it, and its own name."""

    items: tuple[Declaration, ...]
    problems: tuple[Problem, ...]
    requires_python: str | None
    own_name: str | None
    #: the folder describes a package to pip (a ``[project]`` or ``[tool.poetry]`` table, setup.py or
    #: setup.cfg): only what that declares reaches users; requirements files describe a developer's setup
    packaged: bool = False


def collect(project: Project) -> Declared:
    """Every dependency ``project`` declares, from all the files that can declare one.

    The project's own name is left out; what sciship cannot read becomes a problem, not an exception.
    """
    items: list[Declaration] = []
    problems: list[Problem] = []
    data = project.pyproject or {}
    meta = project.metadata
    own: str | None = canonicalize_name(meta["name"]) if isinstance(meta.get("name"), str) else None
    poetry = _poetry_table(data)
    if own is None and isinstance(poetry.get("name"), str):
        own = canonicalize_name(poetry["name"])
    consumed: set[str] = set()  # requirements files that pyproject.toml reads as its dependencies
    if project.has("pyproject.toml"):
        _from_pyproject(data, items, problems)
        _from_dynamic(project, data, items, problems, consumed)
        _from_poetry(poetry, items, problems)
    if project.has("setup.cfg"):
        _from_setup_cfg(project, "setup.cfg", items, problems, consumed)
    if project.has("setup.py"):
        _from_setup_py(project, "setup.py", items)
    packaged = declares_package(project)
    for rel in requirement_files(project, anywhere=not packaged):
        if rel not in consumed:
            _from_requirements(project, rel, items, problems, consumed)
    for rel in environment_files(project, anywhere=not packaged):
        _from_environment(project, rel, items, problems)
    if project.has("Pipfile"):
        _from_pipfile(project, items, problems)
    if not packaged:  # a folder of research code may hold small projects of its own (tools/setup.py)
        _from_nested_projects(project, items, problems)
    if own is None:
        own = _setup_name(project)
    items = [d for d in items if d.name != own]
    rp = meta.get("requires-python")
    if not isinstance(rp, str):
        rp = _poetry_python(poetry)
    return Declared(tuple(items), tuple(problems), rp, own, packaged)


def declares_package(project: Project) -> bool:
    """Whether pip would build a package from this folder with metadata the author wrote."""
    if project.metadata or _poetry_table(project.pyproject or {}).get("name"):
        return True
    if project.has("setup.py") and _setup_call(project) is not None:
        return True
    if project.has("setup.cfg"):
        text = project.read_text("setup.cfg") or ""
        return bool(re.search(r"^\[(metadata|options)\]", text, re.MULTILINE))
    return False


def kind_for_extra(name: str) -> Kind:
    """``dev`` for an extra or group named like a developers' one (``test``, ``docs``, ``dev-no-pandas``)."""
    return _kind_for(name)


def _kind_for(name: str) -> Kind:
    norm = canonicalize_name(name)
    return "dev" if norm in DEV_NAMES or any(part in DEV_NAMES for part in norm.split("-")) else "extra"


def _parse(
    req: str,
    location: str,
    kind: Kind,
    path: str,
    problems: list[Problem],
    line: int | None = None,
) -> Declaration | None:
    name = requirement_name(req)
    if name is None:
        problems.append(
            Problem(
                path, f"`{req}` in `{location}` is not a valid requirement; sciship ignored it.", line=line
            )
        )
        return None
    return Declaration(canonicalize_name(name), location, kind, req, path, line)


def _from_pyproject(data: dict[str, Any], items: list[Declaration], problems: list[Problem]) -> None:
    table = data.get("project")
    project: dict[str, Any] = table if isinstance(table, dict) else {}
    reqs = [r for r in project.get("dependencies") or [] if isinstance(r, str)]
    parsed = (_parse(r, "project.dependencies", "runtime", "pyproject.toml", problems) for r in reqs)
    items.extend(d for d in parsed if d is not None)
    extras = project.get("optional-dependencies") or {}
    if isinstance(extras, dict):
        for extra, reqs in extras.items():
            for req in reqs if isinstance(reqs, list) else []:
                loc = f"project.optional-dependencies.{extra}"
                if isinstance(req, str) and (
                    d := _parse(req, loc, _kind_for(extra), "pyproject.toml", problems)
                ):
                    items.append(d)
    groups = data.get("dependency-groups") or {}
    if isinstance(groups, dict):
        for group, reqs in groups.items():
            for req in reqs if isinstance(reqs, list) else []:
                loc = f"dependency-groups.{group}"
                if isinstance(req, str) and (d := _parse(req, loc, "dev", "pyproject.toml", problems)):
                    items.append(d)


def _from_setup_cfg(
    project: Project,
    rel: str,
    items: list[Declaration],
    problems: list[Problem],
    seen: set[str] | None = None,
) -> None:
    seen = set() if seen is None else seen
    text = project.read_text(rel)
    if not text:
        return
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error:
        problems.append(
            Problem(rel, f"{rel} could not be read as an INI file; its dependencies were skipped.")
        )
        return
    folder = rel.rpartition("/")[0]
    if parser.has_option("options", "install_requires"):
        value = parser.get("options", "install_requires")
        if not _cfg_files(
            project, folder, value, f"{rel} install_requires", "runtime", items, problems, seen
        ):
            reqs = _lines(value)
            parsed = (_parse(r, f"{rel} install_requires", "runtime", rel, problems) for r in reqs)
            items.extend(d for d in parsed if d is not None)
    if parser.has_section("options.extras_require"):
        for extra, value in parser.items("options.extras_require"):
            loc = f"{rel} extras_require.{extra}"
            if _cfg_files(project, folder, value, loc, _kind_for(extra), items, problems, seen):
                continue
            parsed = (_parse(req, loc, _kind_for(extra), rel, problems) for req in _lines(value))
            items.extend(d for d in parsed if d is not None)


def _cfg_files(
    project: Project,
    folder: str,
    value: str,
    location: str,
    kind: Kind,
    items: list[Declaration],
    problems: list[Problem],
    seen: set[str],
) -> bool:
    """setup.cfg's ``install_requires = file: requirements.txt``: read those files. False if not that form."""
    value = value.strip()
    if not value.startswith("file:"):
        return False
    for name in value[len("file:") :].split(","):
        rel = str(PurePosixPath(folder) / name.strip()).removeprefix("./") if name.strip() else ""
        if rel and project.has(rel):
            _from_requirements(project, rel, items, problems, seen, location=location, kind=kind)
    return True


def _lines(value: str) -> list[str]:
    return [ln.split("#", 1)[0].strip() for ln in value.splitlines() if ln.split("#", 1)[0].strip()]


def _setup_call(project: Project, rel: str = "setup.py") -> ast.Call | None:
    text = project.read_text(rel)
    if not text:
        return None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return None
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) == "setup"
        ):
            return node
    return None


def _from_setup_py(project: Project, rel: str, items: list[Declaration]) -> None:
    """Literal ``install_requires`` / ``extras_require`` in ``setup(...)`` (never run)."""
    call = _setup_call(project, rel)
    if call is None:
        return
    ignored: list[Problem] = []
    for kw in call.keywords:
        try:
            value = ast.literal_eval(kw.value)
        except (ValueError, SyntaxError, TypeError, RecursionError):
            continue
        if kw.arg == "install_requires" and isinstance(value, list | tuple):
            line = kw.value.lineno
            strs = [r for r in value if isinstance(r, str)]
            parsed = (_parse(r, f"{rel} install_requires", "runtime", rel, ignored, line) for r in strs)
            items.extend(d for d in parsed if d is not None)
        elif kw.arg == "extras_require" and isinstance(value, dict):
            for extra, reqs in value.items():
                for req in reqs if isinstance(reqs, list | tuple) else []:
                    loc = f"{rel} extras_require.{extra}"
                    if isinstance(req, str) and (d := _parse(req, loc, _kind_for(str(extra)), rel, ignored)):
                        items.append(d)


def _setup_name(project: Project) -> str | None:
    call = _setup_call(project) if project.has("setup.py") else None
    for kw in call.keywords if call else []:
        if kw.arg == "name" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
            return canonicalize_name(kw.value.value)
    return None


_REQ_NAME = compile_later(r"(^|/)([\w.-]*requirements[\w.-]*|[\w.-]*reqs?)\.(txt|in)$", re.IGNORECASE)
#: folders whose requirements files belong to the project itself (in a package, only these count)
_REQ_FOLDERS = frozenset({"requirements", "reqs", "ci", "binder", ".binder", "env", "envs", "docs", "doc"})
#: folders never searched for declarations: other people's code, environments, build output
_FOREIGN = frozenset(
    {"node_modules", "site-packages", ".venv", "venv", ".tox", ".nox", "build", "dist", ".git"}
)


def requirement_files(project: Project, *, anywhere: bool = False) -> list[str]:
    """Requirements files of the project; with ``anywhere`` (a folder of research code, not a package),
    also those of sub-folders (``analysis/requirements.txt``), three levels deep at most."""
    out = []
    for f in project.files:
        depth = f.count("/")
        if depth > 2 or not _REQ_NAME.search(f):
            continue
        parts = f.split("/")
        if any(p.lower() in _FOREIGN or (p.startswith(".") and p.lower() != ".binder") for p in parts[:-1]):
            continue
        if depth and not anywhere and parts[0].lower() not in _REQ_FOLDERS:
            continue
        out.append(f)
    return out


def _req_kind(rel: str) -> Kind:
    stem = PurePosixPath(rel).name.lower()
    folder = rel.split("/", 1)[0].lower() if "/" in rel else ""
    tokens = set(re.split(r"[\W_]+", stem)) | ({folder} if folder in {"docs", "doc", "ci"} else set())
    return "dev" if tokens & DEV_NAMES else "runtime"


#: a line of `conda list --export` (``numpy=1.26.4=py311h64a7726_0``): name=version=build
_CONDA_EXPORT = compile_later(r"^([A-Za-z0-9_][A-Za-z0-9_.\-]*)=[^=\s]+=[^=\s]+$")


def _from_requirements(
    project: Project,
    rel: str,
    items: list[Declaration],
    problems: list[Problem],
    seen: set[str],
    *,
    location: str | None = None,
    kind: Kind | None = None,
) -> None:
    """The requirements in ``rel``; ``location``/``kind`` when pyproject.toml reads the file as its own
    dependencies (``[tool.setuptools.dynamic]``, hatch's requirements_txt hook)."""
    if rel in seen:
        return
    seen.add(rel)
    text = project.read_text(rel) or _utf16(project, rel)
    if text is None:
        return
    kind = kind or _req_kind(rel)
    found: list[Declaration] = []
    conda = is_conda_export(text)
    for number, raw in _logical_lines(text):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("-r ", "--requirement", "-c ", "--constraint")):
            if line.startswith(("-c ", "--constraint")):
                continue  # constraints limit versions; they declare nothing
            target = line.split(maxsplit=1)[1].strip() if " " in line else ""
            inc = str(PurePosixPath(rel).parent / target).removeprefix("./")
            if project.has(inc):
                _from_requirements(project, inc, items, problems, seen, location=location, kind=kind)
            continue
        if line.startswith(("-", ".", "/")) or "://" in line:
            continue  # options, URLs, local paths: nothing to match against imports
        if conda:
            d = _conda_declaration(line, location or rel, kind, rel, number)
            if d is not None:
                found.append(d)
            continue
        line = re.sub(r"\s--?[a-z][\w-]*(=\S*)?", "", " " + line).strip()  # per-line options (--hash=...)
        d = _parse(line, location or rel, kind, rel, problems, number)
        if d is not None:
            found.append(d)
    items.extend(_mark_dump(found) if location is None else found)


def _utf16(project: Project, rel: str) -> str | None:
    """A file Windows wrote as UTF-16 (PowerShell's `conda list --export > requirements.txt`), which pip
    reads too (seizyml_manuscript_code); None for any other file that is not UTF-8."""
    data = project.read_bytes(rel)
    if not data or not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        return None


def is_conda_export(text: str) -> bool:
    """A requirements-named file written by ``conda list --export`` (``name=version=build`` lines)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return False
    export = sum(1 for ln in lines if _CONDA_EXPORT.match(ln))
    return export * 2 > len(lines) or "conda create --name" in text


def _conda_declaration(
    spec: str, location: str, kind: Kind, rel: str, line: int | None
) -> Declaration | None:
    from sciship.imports.resolve import conda_to_pypi

    m = _CONDA_SPEC.match(spec.split("::", 1)[-1].strip())
    if not m:
        return None
    mapping, not_python = conda_to_pypi()
    conda = m.group(1).lower()
    if conda in not_python or conda in {"python", "pip"} or conda.startswith(("_", "lib")):
        return None  # conda's own packages, C libraries (`libgcc-ng`, `_openmp_mutex`)
    return Declaration(canonicalize_name(mapping.get(conda, conda)), location, kind, spec, rel, line)


# ---------------------------------------------------------------------- dependencies read from files
def _from_dynamic(
    project: Project,
    data: dict[str, Any],
    items: list[Declaration],
    problems: list[Problem],
    consumed: set[str],
) -> None:
    """``[tool.setuptools.dynamic] dependencies = {file = [...]}`` (and optional-dependencies), and
    hatch's ``[tool.hatch.metadata.hooks.requirements_txt]``: dependencies kept in requirements files."""
    tool = data.get("tool")
    tool = tool if isinstance(tool, dict) else {}
    dynamic = _table(_table(tool.get("setuptools")).get("dynamic"))
    hook = _table(
        _table(_table(_table(tool.get("hatch")).get("metadata")).get("hooks")).get("requirements_txt")
    )
    sources: list[tuple[object, str, Kind]] = [
        (_table(dynamic.get("dependencies")).get("file"), "project.dependencies", "runtime"),
        (hook.get("files"), "project.dependencies", "runtime"),
    ]
    for extras in (dynamic.get("optional-dependencies"), hook.get("optional-dependencies")):
        for extra, spec in _table(extras).items():
            files = _table(spec).get("file") if isinstance(spec, dict) else spec
            sources.append((files, f"project.optional-dependencies.{extra}", _kind_for(str(extra))))
    for value, location, kind in sources:
        files = [value] if isinstance(value, str) else value
        for name in files if isinstance(files, list) else []:
            if not isinstance(name, str):
                continue
            rel = str(PurePosixPath(name)).removeprefix("./")
            if project.has(rel):
                _from_requirements(project, rel, items, problems, consumed, location=location, kind=kind)
            else:
                problems.append(
                    Problem(
                        "pyproject.toml",
                        f"pyproject.toml reads `{location}` from `{name}`, which does not exist; "
                        "building the package will fail.",
                    )
                )


def _table(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


# ---------------------------------------------------------------------- Pipfile
def _from_pipfile(project: Project, items: list[Declaration], problems: list[Problem]) -> None:
    """Pipenv's ``Pipfile``: ``[packages]`` (what `pipenv install` installs) and ``[dev-packages]``, each
    ``name = "*"``, ``name = ">=1.2"`` or a table (``{version = "*", extras = [...]}``, ``{git = ...}``).
    Unread, every package the code imports was said to be missing from it."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        data = tomllib.loads(project.read_text("Pipfile") or "")
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem("Pipfile", f"This Pipfile is not valid TOML ({exc}); sciship skipped it."))
        return
    tables: tuple[tuple[str, Kind], ...] = (("packages", "runtime"), ("dev-packages", "dev"))
    for table, kind in tables:
        for name, spec in _table(data.get(table)).items():
            version = spec.get("version") if isinstance(spec, dict) else spec
            given = version.strip() if isinstance(version, str) and version.strip() not in {"", "*"} else ""
            req = str(name) + (given if given[:1] in {"<", ">", "=", "!", "~"} else "")
            d = _parse(req, f"Pipfile.{table}", kind, "Pipfile", problems)
            if d is not None:
                items.append(d)


# ---------------------------------------------------------------------- Poetry
def _poetry_table(data: dict[str, Any]) -> dict[str, Any]:
    return _table(_table(data.get("tool")).get("poetry"))


def _poetry_python(poetry: dict[str, Any]) -> str | None:
    spec = _table(poetry.get("dependencies")).get("python")
    return poetry_specifier(spec) or None if isinstance(spec, str) else None


def _from_poetry(poetry: dict[str, Any], items: list[Declaration], problems: list[Problem]) -> None:
    """``[tool.poetry.dependencies]`` (optional ones only through ``[tool.poetry.extras]``), the old
    ``dev-dependencies`` and ``[tool.poetry.group.<name>.dependencies]``, with Poetry's ``^`` and ``~``
    constraints written as PEP 440."""
    if not poetry:
        return
    extras_of: dict[str, str] = {}
    for extra, names in _table(poetry.get("extras")).items():
        for n in names if isinstance(names, list) else []:
            if isinstance(n, str):
                extras_of.setdefault(canonicalize_name(n), str(extra))
    tables: list[tuple[dict[str, Any], str, Kind]] = [
        (_table(poetry.get("dependencies")), "tool.poetry.dependencies", "runtime"),
        (_table(poetry.get("dev-dependencies")), "tool.poetry.dev-dependencies", "dev"),
    ]
    for group, body in _table(poetry.get("group")).items():
        # groups are never installed by `pip install`: developers' tools, whatever their name
        tables.append((_table(_table(body).get("dependencies")), f"tool.poetry.group.{group}", "dev"))
    for table, location, kind in tables:
        for name, spec in table.items():
            if name.lower() == "python":
                continue
            req = poetry_requirement(str(name), spec)
            loc, k = location, kind
            if kind == "runtime" and isinstance(spec, dict) and spec.get("optional") is True:
                chosen = extras_of.get(canonicalize_name(str(name)))
                loc, k = (
                    (f"tool.poetry.extras.{chosen}", _kind_for(chosen)) if chosen else (location, "extra")
                )
            d = _parse(req, loc, k, "pyproject.toml", problems)
            if d is not None:
                items.append(d)


def poetry_requirement(name: str, spec: object) -> str:
    """A Poetry dependency as a PEP 508 requirement (``numpy = "^1.24"`` -> ``numpy>=1.24,<2.0``).

    Git, path and URL dependencies and constraints PEP 440 cannot say (``||``) keep only the name.
    """
    extras = ""
    marker = ""
    if isinstance(spec, dict):
        if isinstance(spec.get("extras"), list):
            extras = "[" + ",".join(str(e) for e in spec["extras"]) + "]"
        if isinstance(spec.get("markers"), str):
            marker = spec["markers"]
        python = poetry_specifier(spec["python"]) if isinstance(spec.get("python"), str) else ""
        if python:  # `python = "<3.8"`: a dependency only on those Pythons
            limits = " and ".join(
                f'python_version {m.group(1)} "{m.group(2)}"' for m in _SPEC.finditer(python)
            )
            marker = f"({marker}) and {limits}" if marker and limits else marker or limits
        spec = spec.get("version")
    version = poetry_specifier(spec) if isinstance(spec, str) else ""
    return f"{name}{extras}{version or ''}" + (f"; {marker}" if marker else "")


_SPEC = compile_later(r"(==|!=|<=|>=|<|>|~=)([\w.*]+)")
_POETRY_VERSION = compile_later(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?([.\-_]?[A-Za-z].*)?$")


def poetry_specifier(spec: str) -> str:
    """Poetry's version constraint in PEP 440 terms (``^1.2.3`` -> ``>=1.2.3,<2.0.0``); "" for "any"."""
    spec = spec.strip()
    if not spec or spec == "*" or "||" in spec or "|" in spec:
        return ""
    parts = [p.strip() for p in re.split(r",|\s+(?=[<>=!~^])", spec) if p.strip()]
    out: list[str] = []
    for part in parts:
        if part.startswith("^") or (part.startswith("~") and not part.startswith("~=")):
            bounds = _caret_or_tilde(part[0], part[1:].strip())
            if bounds is None:
                return ""
            out.extend(bounds)
        elif part[0].isdigit():
            out.append(f"=={part}")
        elif re.match(r"^(==|!=|<=|>=|<|>|~=|===)\s*\S", part):
            out.append(part.replace(" ", ""))
        else:
            return ""
    return ",".join(out)


def _caret_or_tilde(op: str, version: str) -> list[str] | None:
    m = _POETRY_VERSION.match(version)
    if m is None:
        return None
    nums = [int(g) for g in m.groups()[:3] if g is not None]
    if op == "^":
        upper = next((i for i, n in enumerate(nums) if n != 0), len(nums) - 1)
    else:
        upper = 0 if len(nums) == 1 else 1
    bound = [*nums[:upper], nums[upper] + 1] + [0] * (len(nums) - upper - 1)
    return [f">={version}", "<" + ".".join(str(n) for n in bound)]


# ---------------------------------------------------------------------- nested projects
def _from_nested_projects(project: Project, items: list[Declaration], problems: list[Problem]) -> None:
    """In a folder of research code, the small projects in its sub-folders declare what their code
    needs (``tools/setup.py``, ``model/pyproject.toml``)."""
    for f in project.files:
        depth = f.count("/")
        if not 1 <= depth <= 2:
            continue
        parts = f.split("/")
        if any(p.lower() in _FOREIGN or p.startswith(".") for p in parts[:-1]):
            continue
        name = parts[-1]
        if name == "setup.py":
            _from_setup_py(project, f, items)
        elif name == "setup.cfg":
            _from_setup_cfg(project, f, items, problems)
        elif name == "pyproject.toml":
            _from_nested_pyproject(project, f, items, problems)


def _from_nested_pyproject(
    project: Project, rel: str, items: list[Declaration], problems: list[Problem]
) -> None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    text = project.read_text(rel)
    if not text:
        return
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return
    found: list[Declaration] = []
    _from_pyproject(data, found, problems)
    _from_poetry(_poetry_table(data), found, problems)
    items.extend(
        Declaration(d.name, f"{rel} {d.location}", d.kind, d.requirement, rel, d.line) for d in found
    )


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Lines with backslash continuations joined, each with the number of its first physical line."""
    out: list[tuple[int, str]] = []
    pending: list[str] = []
    start = 1
    for number, raw in enumerate(text.splitlines(), 1):
        if not pending:
            start = number
        if raw.rstrip().endswith("\\"):
            pending.append(raw.rstrip()[:-1])
            continue
        pending.append(raw)
        out.append((start, " ".join(pending)))
        pending = []
    if pending:
        out.append((start, " ".join(pending)))
    return out


#: a conda environment file by its name: `environment.yml`, `env-gpu.yaml`, `conda_linux.yml`, and one named
#: for its project with `env` as a word in it (`envs/cellula_env_OSX.yml`: BC_chemo_reproducibility)
_ENVIRONMENT_FILE = compile_later(
    r"(^|/)(?:(environment|env|conda)[\w.-]*|[\w.-]*[_.-](?:env|environment|conda)(?:[_.-][\w.-]*)?)\.ya?ml$"
    # or a name that ends in `env` (falettiwx/WoFS-ESA-Manuscript-Code's `faletti26env.yaml`)
    r"|(^|/)[\w.-]*env\.ya?ml$"
    # or any YAML file in a folder of environments (`environments/liam.yml`: liam_manuscript_reproducibility)
    r"|(^|/)(?:envs?|environments?|conda)/[\w.-]+\.ya?ml$",
    re.IGNORECASE,
)


def environment_files(project: Project, *, anywhere: bool = False) -> list[str]:
    """The conda environment files of the project (at its top and one folder down; with ``anywhere``, two
    folders down), not in a virtual environment, a build folder or a hidden one."""
    out = []
    for f in project.files:
        if f.count("/") > (2 if anywhere else 1) or f.startswith(".github/"):
            continue
        if not _ENVIRONMENT_FILE.search(f):
            continue
        if any(p.lower() in _FOREIGN or p.startswith(".") for p in f.split("/")[:-1]):
            continue
        out.append(f)
    return out


_CONDA_SPEC = compile_later(r"^([A-Za-z0-9_.\-]+)")


def _from_environment(project: Project, rel: str, items: list[Declaration], problems: list[Problem]) -> None:
    from sciship import _yaml

    text = project.read_text(rel)
    if text is None:
        return
    data, error = _yaml.load(text)
    if error is not None:
        message = "This conda environment file is not valid YAML; sciship skipped it."
        problems.append(Problem(rel, message, line=error.line))
        return
    deps = data.get("dependencies") if isinstance(data, dict) else None
    if not isinstance(deps, list):
        return
    from sciship.imports.resolve import conda_to_pypi

    mapping, not_python = conda_to_pypi()
    kind: Kind = "dev" if _req_kind(rel) == "dev" else "runtime"
    found: list[Declaration] = []
    for dep in deps:
        if isinstance(dep, dict):
            for req in dep.get("pip") or []:
                if isinstance(req, str) and not req.startswith("-") and "://" not in req:
                    d = _parse(req, rel, kind, rel, problems)
                    if d is not None:
                        found.append(d)
            continue
        if not isinstance(dep, str):
            continue
        spec = dep.split("::", 1)[-1].strip()
        m = _CONDA_SPEC.match(spec)
        if not m:
            continue
        conda = m.group(1).lower()
        if conda in not_python or conda in {"python", "pip"}:
            continue
        name = mapping.get(conda, conda)
        found.append(Declaration(canonicalize_name(name), rel, kind, dep, rel))
    items.extend(_mark_dump(found))


def _mark_dump(found: list[Declaration]) -> list[Declaration]:
    if len(found) <= DUMP_SIZE:
        return found
    return [Declaration(d.name, d.location, d.kind, d.requirement, d.path, d.line, dump=True) for d in found]
