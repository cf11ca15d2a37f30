"""What each common build backend accepts in pyproject.toml: facts, each verified by a real build.

`sciship check --fix` writes standard metadata (an SPDX ``license`` expression, ``license-files``, new
keys in ``[project]``). Not every backend, nor every version of one, accepts every combination, and a fix
that breaks the build is worse than no fix. :func:`violations` says what a pyproject.toml asks of its own
backend that the backend refuses; ``sciship.checks.fix`` runs it after each fix and completes the fix
(removes the License classifiers, raises the backend's lower bound) or drops it.

The facts below were verified by building a tiny package with each backend at the versions around each
change and at the newest (``benchmarks/backend_rules.py`` rebuilds them all and compares with
:func:`accepts`):

============  ==================  =================  ===========================  ======================
backend       license = "SPDX"    license-files = [] License :: classifier next   license-files next to
                                                     to an expression             a license table
============  ==================  =================  ===========================  ======================
setuptools    77.0 and newer      77.0 and newer     refused                      refused
flit_core     3.11 and newer      3.11 and newer     refused                      refused from 3.11
                                                                                  (ignored before)
hatchling     every version       1.26 and newer     accepted                     accepted
pdm-backend   2.4 and newer       2.4 and newer      refused                      refused
poetry-core   2.0 and newer       2.0 and newer      accepted                     refused from 2.2
uv_build      every version       every version      accepted                     refused
============  ==================  =================  ===========================  ======================

("every version": every version that works as a backend, uv_build 0.7 and newer, hatchling 1.21 and
newer as far as tried.) Every backend that reads ``[project]`` refuses a ``[project]`` table without
``name`` (PEP 621), and all but poetry-core 2 and pdm-backend 2.5 refuse a key that is both written there
and listed in ``dynamic``; poetry-core reads ``[project]`` from 2.0 on (1.x reads only ``[tool.poetry]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

Rule = Literal[
    "pep639-version",  #: the backend's allowed versions include ones that refuse the license form
    "license-classifiers",  #: License :: classifiers next to an expression, and the backend refuses them
    "license-files-with-table",  #: license-files next to the old license table
    "dynamic-and-static",  #: a key written in [project] and listed in dynamic
    "project-without-name",  #: a [project] table without name (or version, unless dynamic)
    "no-metadata-for-backend",  #: the backend reads only [project], and there is no [project] table
    "unknown-backend",  #: PEP 639 metadata for a backend sciship has no verified facts about
]


@dataclass(frozen=True)
class Backend:
    """What one build backend accepts, with the first version that does."""

    name: str  #: the requirement's normalised name in ``[build-system] requires``
    label: str  #: the name as people write it
    modules: tuple[str, ...]  #: ``build-backend`` values that mean this backend
    expression_from: str | None  #: first version accepting ``license = "SPDX"`` (None: every version)
    license_files_from: str | None  #: first version accepting ``license-files = [...]``
    license_files_before: Literal["refused", "ignored"]  #: what older versions do with the key
    refuses_license_classifiers: bool  #: next to an expression
    refuses_files_with_table_from: str | None  #: license-files next to a table refused from (None: never)
    #: first version that builds when a key is both written and listed in ``dynamic`` (PEP 621 says it
    #: must not; None: no version does, "0": every version does)
    accepts_dynamic_and_static_from: str | None = None
    reads_project_from: str | None = None  #: first version that reads ``[project]`` (None: every version)
    #: the only place it reads metadata from is ``[project]`` (no setup.py, no tool table of its own)
    project_only: bool = False


BACKENDS: tuple[Backend, ...] = (
    Backend(
        "setuptools",
        "setuptools",
        ("setuptools.build_meta", "setuptools.build_meta:__legacy__"),
        expression_from="77.0",
        license_files_from="77.0",
        license_files_before="refused",
        refuses_license_classifiers=True,
        refuses_files_with_table_from="0",
    ),
    Backend(
        "flit-core",
        "flit_core",
        ("flit_core.buildapi", "flit.buildapi"),
        expression_from="3.11",
        license_files_from="3.11",
        license_files_before="ignored",
        refuses_license_classifiers=True,
        refuses_files_with_table_from="3.11",
    ),
    Backend(
        "hatchling",
        "hatchling",
        ("hatchling.build", "hatchling.ouroboros"),
        expression_from=None,
        license_files_from="1.26",
        license_files_before="refused",
        refuses_license_classifiers=False,
        refuses_files_with_table_from=None,
        project_only=True,
    ),
    Backend(
        "pdm-backend",
        "pdm-backend",
        ("pdm.backend",),
        expression_from="2.4",
        license_files_from="2.4",
        license_files_before="refused",
        refuses_license_classifiers=True,
        refuses_files_with_table_from="2.4",
        accepts_dynamic_and_static_from="2.5",
        project_only=True,
    ),
    Backend(
        "uv-build",
        "uv_build",
        ("uv_build",),
        expression_from=None,
        license_files_from=None,
        license_files_before="refused",
        refuses_license_classifiers=False,
        refuses_files_with_table_from="0",
        project_only=True,
    ),
    Backend(
        "poetry-core",
        "poetry-core",
        ("poetry.core.masonry.api", "poetry_dynamic_versioning.backend"),
        expression_from="2.0",
        license_files_from="2.0",
        license_files_before="ignored",
        refuses_license_classifiers=False,
        refuses_files_with_table_from="2.2",
        accepts_dynamic_and_static_from="0",
        reads_project_from="2.0",
    ),
)


def backend_named(name: str) -> Backend | None:
    """The backend whose requirement name is ``name`` (``flit_core`` finds ``flit-core``), or None."""
    wanted = _canonical(name)
    return next((b for b in BACKENDS if b.name == wanted), None)


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _version(text: str | None) -> Any:
    from packaging.version import Version

    return Version(text or "0")


def _at_least(version: str | None, first: str | None) -> bool:
    """Whether ``version`` (None: the newest) is ``first`` or later (None: every version is)."""
    if first is None or version is None:
        return True
    return bool(_version(version) >= _version(first))


# ---------------------------------------------------------------------- the facts, per scenario
Scenario = Literal[
    "table",
    "expression",
    "expression+classifier",
    "expression+license-files",
    "table+license-files",
    "dynamic+static",
    "partial-project",
]


def accepts(backend: str, version: str | None, scenario: str) -> bool | None:
    """Whether ``backend`` at ``version`` (None: the newest) builds a project written as ``scenario``
    (see ``benchmarks/backend_rules.py``); None for a backend or scenario sciship has no facts about."""
    b = backend_named(backend)
    if b is None:
        return None
    expression = _at_least(version, b.expression_from)
    files = _at_least(version, b.license_files_from)
    reads_project = _at_least(version, b.reads_project_from)
    if not reads_project:  # poetry-core 1: only [tool.poetry] matters, and these projects have none
        return True if scenario == "partial-project" else None
    dynamic_first = b.accepts_dynamic_and_static_from
    table_refused = b.refuses_files_with_table_from
    answers: dict[str, bool] = {
        "table": True,
        "expression": expression,
        "expression+classifier": expression and not b.refuses_license_classifiers,
        "expression+license-files": expression and files,
        "table+license-files": (files or b.license_files_before == "ignored")
        and not (table_refused is not None and _at_least(version, table_refused)),
        "dynamic+static": dynamic_first is not None and _at_least(version, dynamic_first),
        "partial-project": False,
    }
    return answers.get(scenario)


# ---------------------------------------------------------------------- a pyproject against its backend
@dataclass(frozen=True)
class Requirement:
    """The backend's entry in ``[build-system] requires``."""

    index: int  #: position in the list
    text: str
    lowest: str | None  #: the lowest version it allows (None: no lower bound)
    allows: tuple[str, ...]  #: of the versions that matter for the rules, those it allows


@dataclass(frozen=True)
class Violation:
    """One thing pyproject.toml asks of its build backend that the backend refuses, in plain words."""

    rule: Rule
    message: str  #: what the backend would refuse, in plain words
    backend: str | None = None
    needs: str | None = None  #: for "pep639-version": the lowest backend version that accepts it

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.rule, self.needs)


def identify(data: dict[str, Any]) -> Backend | None:
    """The backend pyproject ``data`` names (no ``[build-system]``: setuptools, as pip builds it)."""
    bs = data.get("build-system")
    if not isinstance(bs, dict):
        return backend_named("setuptools")
    module = bs.get("build-backend")
    if module is None:
        return backend_named("setuptools")
    return next((b for b in BACKENDS if isinstance(module, str) and module.strip() in b.modules), None)


def requirement(data: dict[str, Any], backend: Backend) -> Requirement | None:
    """The backend's requirement in ``[build-system] requires``, or None when it is not listed."""
    from packaging.requirements import InvalidRequirement
    from packaging.requirements import Requirement as Parsed

    bs = data.get("build-system")
    if not isinstance(bs, dict):  # pip's default, "setuptools>=40.8.0": in effect any version
        return Requirement(-1, backend.name, None, _milestones(backend))
    requires = bs.get("requires")
    if not isinstance(requires, list):
        return None
    for i, text in enumerate(requires):
        if not isinstance(text, str):
            continue
        try:
            parsed = Parsed(text)
        except InvalidRequirement:
            continue
        if _canonical(parsed.name) != backend.name:
            continue
        spec = parsed.specifier
        lower = {">=", ">", "==", "~=", "==="}
        lows = [s.version for s in spec if s.operator in lower and "*" not in s.version]
        lowest = max(lows, key=_version) if lows else None
        allows = tuple(v for v in _milestones(backend) if spec.contains(v, prereleases=True))
        return Requirement(i, text, lowest, allows)
    return None


def _milestones(backend: Backend) -> tuple[str, ...]:
    """The versions at which the backend's behaviour changes, plus a far-future one (the newest)."""
    found = {
        v
        for v in (
            backend.expression_from,
            backend.license_files_from,
            backend.refuses_files_with_table_from,
            backend.reads_project_from,
            backend.accepts_dynamic_and_static_from,
        )
        if v is not None and v != "0"
    }
    return ("0", *sorted(found, key=_version), "9999")


def violations(data: dict[str, Any]) -> list[Violation]:
    """What the backend named in pyproject ``data`` would refuse (empty: nothing sciship knows of)."""
    out: list[Violation] = []
    project = data.get("project")
    backend = identify(data)
    out.extend(_project_rules(data, project, backend))
    if not isinstance(project, dict):
        return out
    if backend is None:
        module = data["build-system"].get("build-backend")  # identify() found one it does not know
        if isinstance(project.get("license"), str) or "license-files" in project:
            out.append(
                Violation(
                    "unknown-backend",
                    f"sciship has no verified facts about the build backend `{module}`, so it cannot tell "
                    "whether that backend accepts a license expression or `license-files`",
                )
            )
        return out
    req = requirement(data, backend)
    if req is None:
        return out
    license_value = project.get("license")
    expression = isinstance(license_value, str)
    has_files = "license-files" in project
    needs = [
        v
        for v, used in ((backend.expression_from, expression), (backend.license_files_from, has_files))
        if used and v is not None
    ]
    if needs:
        need = max(needs, key=_version)
        if req.lowest is None or _version(req.lowest) < _version(need):
            what = "a license expression" if expression else "`license-files`"
            out.append(
                Violation(
                    "pep639-version",
                    f"{backend.label} accepts {what} from version {need} on, and `[build-system] requires` "
                    f"allows older versions (`{req.text}`)",
                    backend.label,
                    need,
                )
            )
    if expression and backend.refuses_license_classifiers and _license_classifiers(project):
        out.append(
            Violation(
                "license-classifiers",
                f"{backend.label} refuses `License ::` classifiers next to a license expression",
                backend.label,
            )
        )
    if has_files and isinstance(license_value, dict):
        first = backend.refuses_files_with_table_from
        if first is not None and any(_at_least(v, first) for v in req.allows):
            out.append(
                Violation(
                    "license-files-with-table",
                    f"{backend.label} refuses `license-files` next to the old `license = {{ ... }}` table, "
                    "and wants the license written as an SPDX expression first",
                    backend.label,
                )
            )
    return out


def _project_rules(data: dict[str, Any], project: Any, backend: Backend | None) -> list[Violation]:
    out: list[Violation] = []
    name = backend.label if backend else "the build backend"
    if project is None:
        if backend is not None and backend.project_only:
            out.append(
                Violation(
                    "no-metadata-for-backend",
                    f"{backend.label} reads the package's name and version from `[project]` only, and "
                    "pyproject.toml has no `[project]` table",
                    backend.label,
                )
            )
        return out
    if not isinstance(project, dict):
        return out
    dynamic = project.get("dynamic")
    listed_dynamic = dynamic if isinstance(dynamic, list) else []
    both = sorted(k for k in listed_dynamic if isinstance(k, str) and k in project)
    if both and _refuses_dynamic_and_static(data, backend):
        listed = ", ".join(f"`{k}`" for k in both)
        out.append(
            Violation(
                "dynamic-and-static",
                f"{listed} would be both written in `[project]` and listed in `dynamic`, which {name} "
                "refuses",
                backend.label if backend else None,
            )
        )
    dynamic_keys = dynamic if isinstance(dynamic, list) else []
    missing = [k for k in ("name", "version") if k not in project and k not in dynamic_keys]
    if missing:
        keys = " and ".join(f"`{k}`" for k in missing)
        out.append(
            Violation(
                "project-without-name",
                f"a `[project]` table must hold {keys} (PEP 621), and {name} stops when it does not; "
                "this project keeps them elsewhere",
                backend.label if backend else None,
            )
        )
    return out


def _refuses_dynamic_and_static(data: dict[str, Any], backend: Backend | None) -> bool:
    """Whether some version the project allows refuses a key both written and dynamic (PEP 621: all
    should; an unknown backend is assumed to)."""
    if backend is None:
        return True
    first = backend.accepts_dynamic_and_static_from
    if first is None:
        return True
    if first == "0":
        return False
    req = requirement(data, backend)
    return req is None or any(not _at_least(v, first) for v in req.allows)


def _license_classifiers(project: dict[str, Any]) -> list[str]:
    classifiers = project.get("classifiers")
    if not isinstance(classifiers, list):
        return []
    return [c for c in classifiers if isinstance(c, str) and c.startswith("License ::")]


# ---------------------------------------------------------------------- completing a requirement
def raised(text: str, version: str) -> str | None:
    """Requirement ``text`` with its lower bound raised to ``version``; None when its upper bounds exclude
    ``version`` (then no raise can make it work)."""
    from packaging.requirements import InvalidRequirement
    from packaging.requirements import Requirement as Parsed
    from packaging.specifiers import Specifier

    try:
        parsed = Parsed(text)
    except InvalidRequirement:
        return None
    if not parsed.specifier.contains(version, prereleases=True):
        return None
    keep: list[str] = []
    for s in parsed.specifier:
        if s.operator in {">=", ">"}:
            continue
        if s.operator == "~=":  # ~=X.Y means >=X.Y, ==X.*: keep the upper half
            parts = s.version.split(".")
            upper = ".".join([*parts[:-2], str(int(parts[-2]) + 1)]) if len(parts) >= 2 else None
            if upper is not None:
                keep.append(str(Specifier(f"<{upper}")))
            continue
        keep.append(str(s))
    spec = ",".join([f">={version}", *sorted(keep)])
    extras = f"[{','.join(sorted(parsed.extras))}]" if parsed.extras else ""
    marker = f"; {parsed.marker}" if parsed.marker is not None else ""
    return f"{parsed.name}{extras}{spec}{marker}"
