"""After pyOpenSci accepts a package: one plan that records it in the project's own files.

- the peer-reviewed badge at the top of the README, linking to the review issue (pyOpenSci's approval
  template asks for it);
- the archive's DOI in CITATION.cff (written first from the metadata when the project has none) and in the
  other metadata files present (codemeta.json, .zenodo.json, ro-crate-metadata.json);
- a line in the changelog's Unreleased section.

A README that already shows the badge is left as it is; a DOI that differs from the one CITATION.cff gave is
replaced, with a note (the diff shows both). The plan is shown with ``--dry-run`` and applied all or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciship._regex import compile_later
from sciship.plan import Plan

if TYPE_CHECKING:
    from sciship.project import Project
    from sciship.review.github import IssueRef

BADGE_IMAGE = "https://pyopensci.org/badges/peer-reviewed.svg"
BADGE_ALT = "pyOpenSci Peer-Reviewed"
#: badges pyOpenSci used over the years (the old one went through tinyurl)
_OLD_BADGES = ("pyopensci.org/badges/peer-reviewed", "tinyurl.com/y22nb8up")
_DOI = compile_later(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)
_MD_BADGE_LINE = compile_later(r"^\s*(?:\[!\[|!\[|<a\s[^>]*>\s*<img\s)")


@dataclass(frozen=True)
class Acceptance:
    """What recording pyOpenSci's acceptance would change (``plan``), with the review's address and DOI."""

    plan: Plan
    review_url: str
    doi: str | None


def bare_doi(text: str) -> str | None:
    """``10.5281/zenodo.123`` from a DOI, ``doi:...`` or a doi.org address; None when it is not one."""
    m = _DOI.match(text.strip())
    return m.group(1).rstrip(".,;") if m else None


def badge_markdown(url: str) -> str:
    """The pyOpenSci peer-reviewed badge as a Markdown image that links to the review at ``url``."""
    return f"[![{BADGE_ALT}]({BADGE_IMAGE})]({url})"


def plan_acceptance(project: Project, issue: IssueRef, doi: str | None) -> Acceptance:
    """The plan that records the acceptance: README badge, ``doi`` in the metadata files, a changelog line.

    Nothing is written until the plan is applied; what sciship left alone is in the plan's notes.
    """
    plan = Plan(project.root)
    url = issue.html_url
    _readme_badge(project, plan, url)
    if doi:
        write_doi(project, plan, doi)
    _changelog(project, plan, url, doi)
    return Acceptance(plan, url, doi)


# ---------------------------------------------------------------------- README
def _readme_badge(project: Project, plan: Plan, url: str) -> None:
    from sciship.checks.readme import load_readme

    readme = load_readme(project)
    if readme is None:
        plan.note(
            "There is no README, so the peer-reviewed badge was not added. Add a README.md, then run this "
            "command again."
        )
        return
    for old in _OLD_BADGES:
        if old in readme.text:
            link = re.search(
                r"github\.com/pyOpenSci/software-(?:submission|review)/issues/(\d+)", readme.text
            )
            if link and link.group(1) != url.rsplit("/", 1)[-1]:
                plan.note(
                    f"{readme.path} already shows a pyOpenSci badge, but it links to issue #{link.group(1)}; "
                    f"sciship left it. The review is {url}."
                )
            else:
                plan.note(f"{readme.path} already shows the pyOpenSci peer-reviewed badge; sciship left it.")
            return
    lines = readme.text.split("\n")
    if readme.markup == "rst":
        new = [f".. image:: {BADGE_IMAGE}", f"   :target: {url}", f"   :alt: {BADGE_ALT}", ""]
        at = readme.headings[0].line if readme.headings else 0
        insert = ["", *new] if at else new
    else:
        badge = badge_markdown(url)
        at, insert = _markdown_spot(lines, readme.headings[0].line if readme.headings else None, badge)

    def change(text: str) -> str:
        current = text.split("\n")
        return "\n".join([*current[:at], *insert, *current[at:]])

    plan.edit(readme.path, change, "the pyOpenSci peer-reviewed badge, linking to the review")


def _markdown_spot(lines: list[str], title_line: int | None, badge: str) -> tuple[int, list[str]]:
    """Where the badge goes: after the first block of badges near the top, else under the title."""
    top = min(len(lines), 40)
    for i in range(top):
        if _MD_BADGE_LINE.match(lines[i]):
            end = i
            while end + 1 < len(lines) and _MD_BADGE_LINE.match(lines[end + 1]):
                end += 1
            return end + 1, [badge]
    if title_line is not None and title_line <= top:
        after = title_line  # headings are 1-based: the title is lines[title_line - 1]
        if after < len(lines) and lines[after].strip() and re.fullmatch(r"[=-]+", lines[after].strip()):
            after += 1  # a setext title's underline
        tail = [""] if after < len(lines) and lines[after].strip() else []
        return after, ["", badge, *tail]
    return 0, [badge, ""]


# ---------------------------------------------------------------------- DOI
def write_doi(project: Project, plan: Plan, doi: str) -> None:
    """Set the archive DOI in every metadata file the project has (CITATION.cff, codemeta.json,
    .zenodo.json, ro-crate-metadata.json) through the metadata writers; CITATION.cff is written first
    from the project's metadata when there is none."""
    from sciship.metadata.read import load
    from sciship.metadata.writers import set_doi

    name = "CITATION.cff"
    if not project.has(name):
        from sciship.checks import get_check

        chk = get_check("COM603")
        if chk is not None and chk.fixer is not None:
            chk.fixer(project, plan)  # the fixer notes why when it cannot write one
    else:
        citation = load(project).citation
        if citation is not None and citation.doi and citation.doi.lower() != doi.lower():
            plan.note(
                f"CITATION.cff gave the DOI {citation.doi}; it now gives {doi}, the archive of the reviewed "
                "version. If the first was your all-versions (concept) DOI and you want people to cite that, "
                "keep it instead (the diff shows both)."
            )
    set_doi(project, doi, plan)


# ---------------------------------------------------------------------- changelog
_CHANGELOGS = ("CHANGELOG.md", "CHANGES.md", "HISTORY.md", "NEWS.md", "docs/changelog.md", "CHANGELOG.rst")


def _changelog(project: Project, plan: Plan, url: str, doi: str | None) -> None:
    path = next((p for p in _CHANGELOGS if project.has(p)), None)
    if path is None:
        from sciship.checks import get_check

        chk = get_check("COM602")
        if chk is None or chk.fixer is None:  # pragma: no cover
            return
        chk.fixer(project, plan)
        path = "CHANGELOG.md"
        if plan.text(path) is None:
            return
    text = plan.text(path) or ""
    if url in text:
        plan.note(f"{path} already mentions the review; sciship left it.")
        return
    archived = f"; archived at https://doi.org/{doi}" if doi else ""
    rst = path.endswith(".rst")
    entry = (
        f"- Accepted by pyOpenSci after peer review (`review <{url}>`_){archived}."
        if rst
        else f"- Accepted by pyOpenSci after peer review ([review]({url})){archived}."
    )
    plan.edit(path, _add_unreleased(entry, rst), "a changelog line for the acceptance")


def _add_unreleased(entry: str, rst: bool) -> Callable[[str], str]:
    def change(text: str) -> str:
        lines = text.split("\n")
        heading = re.compile(r"^(#{1,6})\s+\[?unreleased\]?", re.IGNORECASE)
        for i, line in enumerate(lines):
            is_rst_heading = (
                rst
                and line.strip().lower().strip("[]") == "unreleased"
                and i + 1 < len(lines)
                and re.fullmatch(r"[=\-~^\"'`#*+]{3,}", lines[i + 1].strip() or "x")
            )
            if heading.match(line) or is_rst_heading:
                at = i + (2 if is_rst_heading else 1)
                j = at
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j < len(lines) and re.match(r"^#{2,6}\s+added\b", lines[j], re.IGNORECASE):
                    at = j + 1
                return "\n".join([*lines[:at], "", entry, *lines[at:]])
        version = next((i for i, ln in enumerate(lines) if re.match(r"^#{1,3}\s+\[?v?\d", ln)), None)
        if version is None:
            title = next((i for i, ln in enumerate(lines) if ln.startswith("# ")), None)
            version = (title + 1) if title is not None else 0
            return "\n".join([*lines[:version], "", "## Unreleased", "", entry, *lines[version:]])
        return "\n".join([*lines[:version], "## Unreleased", "", entry, "", *lines[version:]])

    return change
