"""Turn failed findings into one Plan of fixes (``sciship check --fix``)."""

from __future__ import annotations

from collections.abc import Iterable

from sciship.checks import Finding
from sciship.plan import Plan
from sciship.project import Project


def plan_fixes(project: Project, findings: Iterable[Finding]) -> Plan:
    """One plan holding every mechanical fix; fixes that need the author are left as findings."""
    plan = Plan(project.root)
    for finding in findings:
        if finding.fixable and finding.check.fixer is not None:
            finding.check.fixer(project, plan)
    return plan
