"""Dependencies from imports: scan the code, resolve import names to distributions, compare with what
the project declares. The code is read with ``ast``, never imported or run.

Public interface::

    analyze(project) -> DepsReport          # computed once per Project (project.memo("deps"))
    plan_write(project, report, plan)       # add what is missing to pyproject.toml through a Plan
    scan.scan_source / scan.scan_notebook   # imports of one file
    resolve.distribution_for(name)          # import name -> distribution(s)
    stdlib.is_stdlib(name, python=(3, 10))
"""

from __future__ import annotations

from sciship.imports.analysis import DependencyVerdict, DepsReport, RequiresPython, analyze
from sciship.imports.write import plan_write

__all__ = ["DependencyVerdict", "DepsReport", "RequiresPython", "analyze", "plan_write"]
