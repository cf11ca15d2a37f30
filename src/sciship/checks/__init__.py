"""The check registry and runner.

A check is a small, named, pure function of a :class:`~sciship.project.Project`. It returns ``None``
(or a :class:`Pass` with a note) when all is well, a :class:`Fail` (or a plain string) when something
is wrong, or a :class:`Skip` when it does not apply or sciship is not sure. Its severity follows the
rule in ``sciship explain severities`` (``src/sciship/explain/severities.md``), which lists every
check. Register one with :func:`check`::

    @check("PKG110", family="metadata", severity="important", topic="pyproject",
           title="The project has a one-line description",
           why="PyPI shows the description under the name; without it ...",
           fix="Add `description = \"...\"` under `[project]` in pyproject.toml.")
    def has_description(project: Project) -> Result:
        ...

Each family lives in its own module; :data:`FAMILY_MODULES` lists them in report order.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from sciship.plan import Plan
    from sciship.project import Project

Severity = Literal["blocker", "important", "polish"]
Status = Literal["passed", "failed", "skipped"]
SEVERITIES: tuple[Severity, ...] = ("blocker", "important", "polish")
SEVERITY_RANK: dict[str, int] = {"blocker": 0, "important": 1, "polish": 2}

#: Family modules, imported on first use, in the order reports list them.
FAMILY_MODULES: tuple[str, ...] = (
    "sciship.checks.pyproject",
    "sciship.checks.metadata",
    "sciship.checks.license",
    "sciship.checks.readme",
    "sciship.checks.layout",
    "sciship.checks.docs",
    "sciship.checks.community",
    "sciship.checks.share",
    "sciship.checks.ci",
    "sciship.checks.hygiene",
    "sciship.checks.deps",
)


@dataclass(frozen=True)
class Fail:
    """A failed check: what is wrong here, and where."""

    message: str
    path: str | None = None
    line: int | None = None
    #: the fix is a decision only the author can make (e.g. which license); ``--fix`` will not guess
    needs_author: bool = False
    #: a lower severity than the check's for this project, when the rule in ``sciship explain severities``
    #: says so (e.g. the data flow of a package's examples is polish, of a research folder important)
    severity: Severity | None = None


@dataclass(frozen=True)
class Skip:
    """The check does not apply to this project; ``reason`` says why.

    A check that cannot tell for sure says so with a Skip whose reason starts "sciship is not sure":
    a finding that is not true costs more trust than one left out.
    """

    reason: str


@dataclass(frozen=True)
class Pass:
    """The check passed, with a note on how (what it found where, e.g. an organisation-wide file)."""

    note: str
    path: str | None = None


Result = Fail | Skip | Pass | str | None
CheckFunc = Callable[["Project"], Result]
Fixer = Callable[["Project", "Plan"], None]


@dataclass(frozen=True)
class Check:
    """A registered check: its code, family, severity, texts, the function that runs it and its fixer."""

    code: str
    family: str
    severity: Severity
    title: str  #: what "good" looks like, e.g. "The project has a license file"
    why: str  #: why it matters, for someone packaging for the first time
    fix: str  #: how to fix it by hand
    func: CheckFunc = field(repr=False, compare=False)
    requires: tuple[str, ...] = ()
    fixer: Fixer | None = field(default=None, repr=False, compare=False)
    topic: str | None = None  #: ``sciship explain TOPIC``

    def run(self, project: Project) -> Result:
        return self.func(project)


@dataclass(frozen=True)
class Finding:
    """The outcome of one check on one project: its status, message and where it points."""

    check: Check
    status: Status
    message: str = ""
    path: str | None = None
    line: int | None = None
    needs_author: bool = False
    #: this finding's own severity when the check lowered it for this project (see :class:`Fail`)
    level: Severity | None = None

    @property
    def code(self) -> str:
        return self.check.code

    @property
    def severity(self) -> Severity:
        return self.level or self.check.severity

    @property
    def fixable(self) -> bool:
        return self.status == "failed" and self.check.fixer is not None and not self.needs_author

    def location(self) -> str | None:
        if self.path is None:
            return None
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict[str, object]:
        c = self.check
        return {
            "code": c.code,
            "family": c.family,
            "severity": self.severity,
            "status": self.status,
            "title": c.title,
            "message": self.message,
            "why": c.why,
            "fix": c.fix,
            "path": self.path,
            "line": self.line,
            "fixable": self.fixable,
            "needs_author": self.needs_author,
            "topic": c.topic,
        }


_REGISTRY: dict[str, Check] = {}
_loaded = False


def check(
    code: str,
    *,
    family: str,
    severity: Severity,
    title: str,
    why: str,
    fix: str,
    requires: Iterable[str] = (),
    topic: str | None = None,
) -> Callable[[CheckFunc], CheckFunc]:
    """Register a check. The decorated function stays a plain function (tests call it directly)."""

    def register(func: CheckFunc) -> CheckFunc:
        if code in _REGISTRY:
            raise ValueError(f"check code {code} is registered twice")
        _REGISTRY[code] = Check(
            code=code,
            family=family,
            severity=severity,
            title=title,
            why=" ".join(why.split()),
            fix=" ".join(fix.split()),
            func=func,
            requires=tuple(requires),
            topic=topic,
        )
        return func

    return register


def fixer(code: str) -> Callable[[Fixer], Fixer]:
    """Attach a fixer to an already registered check."""

    def attach(func: Fixer) -> Fixer:
        old = _REGISTRY[code]
        _REGISTRY[code] = Check(
            code=old.code,
            family=old.family,
            severity=old.severity,
            title=old.title,
            why=old.why,
            fix=old.fix,
            func=old.func,
            requires=old.requires,
            fixer=func,
            topic=old.topic,
        )
        return func

    return attach


def all_checks() -> list[Check]:
    """Every registered check, in report order (family order, then code)."""
    global _loaded  # noqa: PLW0603 - the registry is filled once per process
    if not _loaded:
        for module in FAMILY_MODULES:
            importlib.import_module(module)
        _loaded = True
    order = {m.rsplit(".", 1)[1]: i for i, m in enumerate(FAMILY_MODULES)}
    return sorted(_REGISTRY.values(), key=lambda c: (order.get(c.family, 99), c.code))


def get_check(code: str) -> Check | None:
    """The registered check with this code (in any case), or None."""
    all_checks()
    return _REGISTRY.get(code.upper())


def run_checks(
    project: Project,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    debug: bool = False,
) -> list[Finding]:
    """Run the checks on ``project``; prerequisites that did not pass skip their dependants."""
    checks = all_checks()
    wanted = {c.upper() for c in select} if select else None
    ignored = {c.upper() for c in ignore}
    by_code: dict[str, Finding] = {}
    findings: list[Finding] = []
    for c in checks:
        if c.code in ignored or (wanted is not None and not _selected(c, wanted)):
            continue
        finding = _run_one(c, project, by_code, debug=debug)
        by_code[c.code] = finding
        findings.append(finding)
    return findings


def _selected(c: Check, wanted: set[str]) -> bool:
    return c.code in wanted or c.family.upper() in wanted or any(c.code.startswith(w) for w in wanted)


def _run_one(c: Check, project: Project, done: dict[str, Finding], *, debug: bool) -> Finding:
    for req in c.requires:
        prior = done.get(req)
        if prior is not None and prior.status != "passed":
            return Finding(c, "skipped", f"Skipped until {req} ({prior.check.title.lower()}) passes.")
    try:
        result = c.run(project)
    except Exception as exc:
        if debug:
            raise
        return Finding(
            c,
            "skipped",
            f"sciship hit an internal error in this check ({type(exc).__name__}); "
            "run with --debug to see it, and please report it.",
        )
    if result is None:
        return Finding(c, "passed")
    if isinstance(result, str):
        return Finding(c, "failed", result)
    if isinstance(result, Skip):
        return Finding(c, "skipped", result.reason)
    if isinstance(result, Pass):
        return Finding(c, "passed", result.note, result.path)
    # a finding may only lower its check's severity (the check's own is the most it can claim)
    lower = (
        result.severity
        if result.severity and SEVERITY_RANK[result.severity] > SEVERITY_RANK[c.severity]
        else None
    )
    return Finding(c, "failed", result.message, result.path, result.line, result.needs_author, lower)


def at_or_above(findings: Iterable[Finding], level: Severity) -> list[Finding]:
    """Failed findings at least as severe as ``level``."""
    rank = SEVERITY_RANK[level]
    return [f for f in findings if f.status == "failed" and SEVERITY_RANK[f.severity] <= rank]
