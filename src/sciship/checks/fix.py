"""Turn failed findings into one Plan of fixes (``sciship check --fix``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sciship.checks import Finding
from sciship.plan import Plan
from sciship.project import Project


@dataclass
class FixPlan:
    plan: Plan
    #: fixable findings whose fixer found nothing it could safely do (its note says why)
    not_fixed: list[Finding] = field(default_factory=list)


def plan_fixes(project: Project, findings: Iterable[Finding]) -> Plan:
    """One plan holding every mechanical fix; fixes that need the author are left as findings."""
    return plan_fixes_detailed(project, findings).plan


def plan_fixes_detailed(project: Project, findings: Iterable[Finding]) -> FixPlan:
    result = FixPlan(Plan(project.root))
    for finding in findings:
        if finding.fixable and finding.check.fixer is not None:
            before = _fingerprint(result.plan)
            finding.check.fixer(project, result.plan)
            if _fingerprint(result.plan) == before:
                result.not_fixed.append(finding)
    return result


def _fingerprint(plan: Plan) -> tuple[tuple[str, int], ...]:
    return tuple((a.path, hash(a.content)) for a in plan.actions)
