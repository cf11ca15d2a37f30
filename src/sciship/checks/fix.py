"""Turn failed findings into one Plan of fixes (``sciship check --fix``).

Fixes are applied together, so together they must leave a project that still builds. After each fixer,
the pyproject.toml the plan would write is held against its build backend's own rules
(:mod:`sciship.metadata.backends`, each rule verified by a real build). A fix that would break the build
is completed when the completion is mechanical and safe (drop the ``License ::`` classifiers a backend
refuses next to a license expression; raise the backend's lower bound in ``[build-system] requires`` to
the first version that accepts the new form), and otherwise dropped, with a note that says why.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sciship._errors import PlanError
from sciship.checks import Finding
from sciship.plan import Plan
from sciship.project import Project

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

    from sciship.metadata.backends import Violation

PYPROJECT = "pyproject.toml"


@dataclass
class FixPlan:
    """The plan of fixes, and the fixable findings whose fixer changed nothing."""

    plan: Plan
    #: fixable findings whose fixer found nothing it could safely do (its note says why)
    not_fixed: list[Finding] = field(default_factory=list)


def plan_fixes(project: Project, findings: Iterable[Finding]) -> Plan:
    """One plan holding every mechanical fix; fixes that need the author are left as findings."""
    return plan_fixes_detailed(project, findings).plan


def plan_fixes_detailed(project: Project, findings: Iterable[Finding], *, debug: bool = False) -> FixPlan:
    """Plan every mechanical fix, keeping the build working, and list the findings left unfixed.

    A fix that would break the build, cannot change a file safely or fails is undone and noted in the plan;
    with ``debug`` a fixer's error is raised instead.
    """
    result = FixPlan(Plan(project.root))
    plan = result.plan
    for finding in findings:
        if not finding.fixable or finding.check.fixer is None:
            continue
        saved = _save(plan)
        before = _planned_pyproject(plan)
        try:
            finding.check.fixer(project, plan)
            _keep_the_build(finding, plan, before)
        except _Dropped as exc:
            _restore(plan, saved)
            plan.note(
                f"{finding.code}: the fix would stop the build: {exc}. sciship left pyproject.toml as it is; "
                f"change it by hand (`sciship explain {finding.check.topic or 'build-backends'}`)."
            )
        except PlanError as exc:  # a file the fix needs cannot be changed safely: say so, go on
            _restore(plan, saved)
            plan.note(f"{finding.code}: {exc.message}")
        except Exception as exc:
            if debug:
                raise
            _restore(plan, saved)
            plan.note(
                f"{finding.code}: sciship hit an internal error in its fixer ({type(exc).__name__}); run "
                "with --debug to see it, and please report it."
            )
        if _fingerprint(plan) == _fingerprint_of(saved):
            result.not_fixed.append(finding)
    return result


class _Dropped(Exception):
    """A fix would break the build and cannot be completed; the message says why, for the plan's note."""


# ---------------------------------------------------------------------- keeping the build working
def _keep_the_build(finding: Finding, plan: Plan, before: dict[str, Any] | None) -> None:
    """Complete the fix just planned, or raise _Dropped, so the backend still accepts pyproject.toml."""
    from sciship.metadata import backends

    after = _planned_pyproject(plan)
    if after is None and before is not None:
        raise _Dropped("pyproject.toml would no longer be valid TOML")
    if after is None or after == before:
        return
    old = {v.key for v in backends.violations(before)} if before is not None else set()
    for _ in range(3):  # each completion can only remove a violation; three rounds are plenty
        new = [v for v in backends.violations(after) if v.key not in old]
        if not new:
            return
        for violation in new:
            _complete(plan, violation, after)
        after = _planned_pyproject(plan) or {}
    left = [v.message for v in backends.violations(after) if v.key not in old]
    raise _Dropped("; ".join(left) or "the backend would refuse what it leaves")


def _complete(plan: Plan, violation: Violation, data: dict[str, Any]) -> None:
    """Edit the plan so ``violation`` goes away, or raise _Dropped when no safe edit can."""
    from sciship.metadata import backends

    if violation.rule == "license-classifiers":

        def drop_classifiers(doc: TOMLDocument) -> None:
            table: Any = doc["project"]
            classifiers = table["classifiers"]
            for i in reversed(range(len(classifiers))):
                if str(classifiers[i]).startswith("License ::"):
                    del classifiers[i]
            if not classifiers:
                del table["classifiers"]

        plan.edit_toml(
            PYPROJECT,
            drop_classifiers,
            f"remove the License classifiers, which {violation.backend} refuses next to a license expression",
        )
        return
    if violation.rule == "pep639-version" and violation.needs is not None and violation.backend is not None:
        backend = backends.backend_named(violation.backend)
        req = backends.requirement(data, backend) if backend is not None else None
        if req is None or req.index < 0:
            raise _Dropped(violation.message)
        new_text = backends.raised(req.text, violation.needs)
        if new_text is None:
            raise _Dropped(
                f"{violation.message}, and its upper limit rules out {violation.backend} {violation.needs} "
                "and newer"
            )
        index = req.index

        def raise_bound(doc: TOMLDocument) -> None:
            doc["build-system"]["requires"][index] = new_text

        plan.edit_toml(
            PYPROJECT,
            raise_bound,
            f"require {new_text} to build: older {violation.backend} refuses the new license form",
        )
        return
    raise _Dropped(violation.message)


def _planned_pyproject(plan: Plan) -> dict[str, Any] | None:
    """pyproject.toml as the plan would leave it, as data (None: missing, or not TOML)."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    try:
        text = plan.text(PYPROJECT)
    except (PlanError, UnicodeDecodeError):
        return None
    if text is None:
        return None
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    return data


# ---------------------------------------------------------------------- saving and restoring a plan
_Saved = tuple[list[Any], list[str]]


def _save(plan: Plan) -> _Saved:
    return [copy.copy(a) for a in plan.actions], list(plan.notes)


def _restore(plan: Plan, saved: _Saved) -> None:
    plan.actions[:] = [copy.copy(a) for a in saved[0]]
    plan.notes[:] = saved[1]


def _fingerprint(plan: Plan) -> tuple[tuple[str, int], ...]:
    return tuple((a.path, hash(a.content)) for a in plan.actions)


def _fingerprint_of(saved: _Saved) -> tuple[tuple[str, int], ...]:
    return tuple((a.path, hash(a.content)) for a in saved[0])
