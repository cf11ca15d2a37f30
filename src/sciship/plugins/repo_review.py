"""sciship's checks inside repo-review (https://github.com/scientific-python/repo-review).

With sciship installed, ``repo-review .`` lists sciship's families (``sciship: pyproject``, ...) and
checks (``PKG101``, ...) next to those of other plugins such as sp-repo-review. Nothing here changes a
check: an adapter turns each registered :class:`sciship.checks.Check` into a repo-review check.

- The class docstring (repo-review's description) is the check's title; ``url`` is its ``explain`` page;
  ``requires`` is carried over, so repo-review skips a check whose prerequisite did not pass, exactly as
  ``sciship check`` does.
- One fixture, ``sciship_findings``, runs all of sciship's checks once per repository (the same
  ``run_checks`` as ``sciship check``) and hands each adapter a plain ``{code: (status, message)}``
  table, cheap for repo-review to copy and compare.
- sciship needs a folder on disk. For a remote repository (``gh:org/repo``) or when repo-review only
  lists checks, the fixture is empty and every sciship check is skipped.

Entry points (pyproject.toml): ``repo_review.checks``, ``repo_review.families``, ``repo_review.fixtures``.
This module never imports repo-review, and sciship never imports this module at startup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.checks import Check, Finding

#: ``{code: (status, message)}``; status is ``passed``, ``failed`` or ``skipped``
Results = dict[str, tuple[str, str]]

FAMILY_PREFIX = "sciship-"
_NAMES = {
    "pyproject": "pyproject.toml",
    "metadata": "package metadata",
    "license": "license",
    "readme": "README",
    "layout": "layout",
    "docs": "documentation",
    "community": "community files",
    "ci": "continuous integration",
    "hygiene": "repository hygiene",
    "deps": "dependencies",
}


def _braces(text: str) -> str:
    """repo-review runs descriptions and URLs through ``str.format``: keep literal braces literal."""
    return text.replace("{", "{{").replace("}", "}}")


def explain_url(topic: str) -> str:
    """The address of the concept page for ``topic`` in sciship's repository, at this version's tag."""
    from sciship import __version__

    return f"https://github.com/sciship/sciship/blob/v{__version__}/src/sciship/explain/{topic}.md"


def sciship_findings(package: Any) -> Results:
    """Run every sciship check once on the repository folder (``package`` is repo-review's Traversable)."""
    if not isinstance(package, Path) or not package.is_dir():
        return {}
    from sciship.checks import run_checks
    from sciship.project import Project

    project = Project.load(package)
    if not project.files:
        return {}
    return {f.code: (f.status, _message(f)) for f in run_checks(project)}


def _message(f: Finding) -> str:
    if f.status != "failed":
        return f.message
    where = f" (`{f.location()}`)" if f.location() else ""
    text = (f.message or f.check.title) + where
    fix = f.check.fix
    if f.fixable and "check --fix" not in fix:
        fix += " (`sciship check --fix` can do this.)"
    return f"{text}\n\n**Fix:** {fix}"


def adapter(check: Check) -> Any:
    """A repo-review check object for one sciship check (a fresh class named after its code)."""
    code = check.code

    def run(sciship_findings: Results) -> bool | str | None:
        status, message = sciship_findings.get(code, ("skipped", ""))
        if status == "passed":
            return True
        if status == "failed":
            return message or check.title
        return None

    run.__doc__ = _braces(check.fix)
    attrs: dict[str, Any] = {
        "__doc__": _braces(check.title),
        "__module__": __name__,
        "family": FAMILY_PREFIX + check.family,
        "requires": frozenset(check.requires),
        "url": _braces(explain_url(check.topic)) if check.topic else "",
        "severity": check.severity,
        "check": staticmethod(run),
    }
    return type(code, (), attrs)()


def repo_review_checks() -> dict[str, Any]:
    """Every sciship check as a repo-review check, keyed by code (listing works without a repository)."""
    from sciship.checks import all_checks

    return {c.code: adapter(c) for c in all_checks()}


def repo_review_families() -> dict[str, dict[str, Any]]:
    """sciship's families, after sp-repo-review's (order 100 and up), each saying what it covers."""
    from sciship.checks import FAMILY_MODULES

    out: dict[str, dict[str, Any]] = {}
    for i, module in enumerate(FAMILY_MODULES):
        family = module.rsplit(".", 1)[1]
        out[FAMILY_PREFIX + family] = {
            "name": f"sciship: {_NAMES.get(family, family)}",
            "order": 100 + i,
            "description": (
                "Checks from [sciship](https://github.com/sciship/sciship): run `sciship check` for the "
                "why and the fix of each, and `sciship check --fix` to repair what is mechanical."
                if i == 0
                else ""
            ),
        }
    return out
