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
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

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
    name: str  #: PEP 503 normalised distribution name
    location: str
    kind: Kind
    requirement: str  #: as written
    path: str
    line: int | None = None
    dump: bool = False  #: from an environment dump: never reported as unused


@dataclass(frozen=True)
class Declared:
    items: tuple[Declaration, ...]
    problems: tuple[Problem, ...]
    requires_python: str | None
    own_name: str | None


def collect(project: Project) -> Declared:
    items: list[Declaration] = []
    problems: list[Problem] = []
    data = project.pyproject or {}
    meta = project.metadata
    own: str | None = canonicalize_name(meta["name"]) if isinstance(meta.get("name"), str) else None
    if project.has("pyproject.toml"):
        _from_pyproject(data, items, problems)
    if project.has("setup.cfg"):
        _from_setup_cfg(project, items, problems)
    if project.has("setup.py"):
        _from_setup_py(project, items)
    for rel in _requirement_files(project):
        _from_requirements(project, rel, items, problems, set())
    for rel in _environment_files(project):
        _from_environment(project, rel, items, problems)
    if own is None:
        own = _setup_name(project)
    items = [d for d in items if d.name != own]
    rp = meta.get("requires-python")
    return Declared(tuple(items), tuple(problems), rp if isinstance(rp, str) else None, own)


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


def _from_setup_cfg(project: Project, items: list[Declaration], problems: list[Problem]) -> None:
    text = project.read_text("setup.cfg")
    if not text:
        return
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error:
        problems.append(
            Problem("setup.cfg", "setup.cfg could not be read as an INI file; its dependencies were skipped.")
        )
        return
    if parser.has_option("options", "install_requires"):
        reqs = _lines(parser.get("options", "install_requires"))
        parsed = (_parse(r, "setup.cfg install_requires", "runtime", "setup.cfg", problems) for r in reqs)
        items.extend(d for d in parsed if d is not None)
    if parser.has_section("options.extras_require"):
        for extra, value in parser.items("options.extras_require"):
            for req in _lines(value):
                loc = f"setup.cfg extras_require.{extra}"
                if d := _parse(req, loc, _kind_for(extra), "setup.cfg", problems):
                    items.append(d)


def _lines(value: str) -> list[str]:
    return [ln.split("#", 1)[0].strip() for ln in value.splitlines() if ln.split("#", 1)[0].strip()]


def _setup_call(project: Project) -> ast.Call | None:
    text = project.read_text("setup.py")
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


def _from_setup_py(project: Project, items: list[Declaration]) -> None:
    """Literal ``install_requires`` / ``extras_require`` in ``setup(...)`` (never run)."""
    call = _setup_call(project)
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
            parsed = (
                _parse(r, "setup.py install_requires", "runtime", "setup.py", ignored, line) for r in strs
            )
            items.extend(d for d in parsed if d is not None)
        elif kw.arg == "extras_require" and isinstance(value, dict):
            for extra, reqs in value.items():
                for req in reqs if isinstance(reqs, list | tuple) else []:
                    loc = f"setup.py extras_require.{extra}"
                    if isinstance(req, str) and (
                        d := _parse(req, loc, _kind_for(str(extra)), "setup.py", ignored)
                    ):
                        items.append(d)


def _setup_name(project: Project) -> str | None:
    call = _setup_call(project) if project.has("setup.py") else None
    for kw in call.keywords if call else []:
        if kw.arg == "name" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
            return canonicalize_name(kw.value.value)
    return None


_REQ_NAME = re.compile(r"(^|/)([\w.-]*requirements[\w.-]*|[\w.-]*reqs?)\.(txt|in)$", re.IGNORECASE)


def _requirement_files(project: Project) -> list[str]:
    out = []
    for f in project.files:
        if f.count("/") > 2 or not _REQ_NAME.search(f):
            continue
        first = f.split("/", 1)[0]
        if f.count("/") and first.lower() not in {
            "requirements",
            "reqs",
            "ci",
            "binder",
            ".binder",
            "env",
            "envs",
            "docs",
            "doc",
        }:
            continue
        out.append(f)
    return out


def _req_kind(rel: str) -> Kind:
    stem = PurePosixPath(rel).name.lower()
    folder = rel.split("/", 1)[0].lower() if "/" in rel else ""
    tokens = set(re.split(r"[\W_]+", stem)) | ({folder} if folder in {"docs", "doc", "ci"} else set())
    return "dev" if tokens & DEV_NAMES else "runtime"


def _from_requirements(
    project: Project, rel: str, items: list[Declaration], problems: list[Problem], seen: set[str]
) -> None:
    if rel in seen:
        return
    seen.add(rel)
    text = project.read_text(rel)
    if text is None:
        return
    kind = _req_kind(rel)
    found: list[Declaration] = []
    for number, raw in _logical_lines(text):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("-r ", "--requirement")):
            target = line.split(maxsplit=1)[1].strip() if " " in line else ""
            inc = str(PurePosixPath(rel).parent / target).removeprefix("./")
            if project.has(inc):
                _from_requirements(project, inc, items, problems, seen)
            continue
        if line.startswith(("-", ".", "/")) or "://" in line:
            continue  # options, URLs, local paths: nothing to match against imports
        line = re.sub(r"\s--?[a-z][\w-]*(=\S*)?", "", " " + line).strip()  # per-line options (--hash=...)
        d = _parse(line, rel, kind, rel, problems, number)
        if d is not None:
            found.append(d)
    items.extend(_mark_dump(found))


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


def _environment_files(project: Project) -> list[str]:
    return [
        f
        for f in project.files
        if f.count("/") <= 1
        and re.search(r"(^|/)(environment|env|conda)[\w.-]*\.ya?ml$", f, re.IGNORECASE)
        and not f.startswith(".github/")
    ]


_CONDA_SPEC = re.compile(r"^([A-Za-z0-9_.\-]+)")


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
