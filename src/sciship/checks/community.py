"""Community files: how to contribute, how to behave, what changed, and how to cite."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sciship.checks import Fail, Skip, check, fixer

if TYPE_CHECKING:
    from sciship.checks import Result
    from sciship.metadata.model import Metadata
    from sciship.plan import Plan
    from sciship.project import Project

FAMILY = "community"
CFF = "CITATION.cff"
_TEXT_EXTS = ("", ".md", ".rst", ".txt")


def _find_doc(
    project: Project, stems: tuple[str, ...], folders: tuple[str, ...] = ("", ".github/", "docs/")
) -> str | None:
    """A file named like one of ``stems`` (any case, .md/.rst/.txt or none) at the top, .github/ or docs/."""
    wanted = {f"{folder}{stem}{ext}".lower() for folder in folders for stem in stems for ext in _TEXT_EXTS}
    return next((f for f in project.files if f.lower() in wanted), None)


@check(
    "COM600",
    family=FAMILY,
    severity="important",
    topic="community",
    title="The project explains how to contribute (CONTRIBUTING)",
    why="""A CONTRIBUTING file tells newcomers how to set up the code, run the tests and propose a change.
    Without it, people who want to help (or fix a bug they found) give up, and reviewers such as pyOpenSci
    ask for one.""",
    fix="""Add CONTRIBUTING.md at the top of the project (or in .github/ or docs/): how to install for
    development, how to run the tests, the code style, and how to open a pull request.
    `sciship check --fix` writes a starter.""",
)
def has_contributing(project: Project) -> Result:
    if _find_doc(project, ("contributing",)):
        return None
    return Fail("There is no CONTRIBUTING.md (looked at the top level, in .github/ and in docs/).")


def _metadata(project: Project) -> Metadata:
    """What the project says about itself (pyproject, CITATION.cff, git...), its folder name at least."""
    from dataclasses import replace

    from sciship.metadata import model

    meta = model.load(project).combined()
    return meta if meta.name else replace(meta, name=project.root.name)


@fixer("COM600")
def write_contributing(project: Project, plan: Plan) -> None:
    from sciship.metadata.writers import community

    text = community.contributing(_metadata(project), community.DevFacts.from_project(project))
    plan.create("CONTRIBUTING.md", text, "a contributing guide")


@check(
    "COM601",
    family=FAMILY,
    severity="important",
    topic="community",
    title="The project has a code of conduct",
    why="""A code of conduct says how people are expected to treat each other and whom to contact when
    something goes wrong. It shows newcomers the project is a safe place to ask questions; most
    scientific Python projects adopt the Contributor Covenant.""",
    fix="""Add CODE_OF_CONDUCT.md with the Contributor Covenant 2.1 and a contact email for reports.
    `sciship check --fix` writes it with the first author's email.""",
)
def has_code_of_conduct(project: Project) -> Result:
    if _find_doc(project, ("code_of_conduct", "code-of-conduct", "conduct")):
        return None
    return Fail("There is no CODE_OF_CONDUCT.md (looked at the top level, in .github/ and in docs/).")


@fixer("COM601")
def write_code_of_conduct(project: Project, plan: Plan) -> None:
    from sciship.metadata.writers import community

    meta = _metadata(project)
    plan.create("CODE_OF_CONDUCT.md", community.code_of_conduct(meta), "the Contributor Covenant 2.1")
    if not any(p.email for p in meta.people):
        plan.note(
            "CODE_OF_CONDUCT.md needs a contact for reports: neither pyproject.toml nor git config has an "
            "email address, so replace the name in its Enforcement section with one."
        )


_CHANGELOG_STEMS = ("changelog", "changes", "history", "news", "release-notes", "releases")


@check(
    "COM602",
    family=FAMILY,
    severity="polish",
    topic="community",
    title="The project keeps a changelog",
    why="""A changelog lists what changed in each version, so users can decide whether to upgrade and
    find out why their results moved. Reading commit messages is not a substitute.""",
    fix="""Add CHANGELOG.md with an `Unreleased` section at the top and one section per version
    (the "Keep a Changelog" format). `sciship check --fix` writes a starter.""",
)
def has_changelog(project: Project) -> Result:
    for f in project.files:
        low = f.lower()
        top = low if "/" not in low else None
        in_docs = low.split("/", 1)[1] if low.startswith(("docs/", "doc/")) else None
        for name in (top, in_docs):
            if name is not None and name.split(".", 1)[0] in _CHANGELOG_STEMS:
                return None
    return Fail("There is no changelog (looked for CHANGELOG, CHANGES, HISTORY or NEWS, and docs/changelog).")


@fixer("COM602")
def write_changelog(project: Project, plan: Plan) -> None:
    from sciship.metadata.writers import community

    plan.create("CHANGELOG.md", community.changelog(_metadata(project)), "a changelog")


@check(
    "COM603",
    family=FAMILY,
    severity="important",
    topic="citation",
    title="The project says how to cite it (CITATION.cff)",
    why="""Software you wrote for research deserves credit like a paper. CITATION.cff is a small,
    standard file that says how to cite your code: GitHub shows a "Cite this repository" button from it,
    and Zenodo and reference managers read it.""",
    fix="""Add CITATION.cff at the top of the project with `cff-version: 1.2.0`, a `message`, the
    `title`, and the `authors`. `sciship check --fix` writes one from pyproject.toml.""",
)
def has_citation(project: Project) -> Result:
    if project.has(CFF):
        return None
    other = next(
        (
            f
            for f in project.files
            if f.lower() in {"citation.cff", "citation", "citation.md", "citation.bib", "citation.rst"}
        ),
        None,
    )
    if other:
        return Fail(
            f"There is `{other}`, but not the standard CITATION.cff that GitHub and Zenodo read.", path=other
        )
    return Fail("There is no CITATION.cff at the top of the project.")


@fixer("COM603")
def write_citation(project: Project, plan: Plan) -> None:
    from sciship.metadata.writers import cff

    meta = _metadata(project)
    if not meta.people:
        plan.note(
            'CITATION.cff was not written: it needs at least one author. Add `authors = [{ name = "...", '
            'email = "..." }]` under `[project]` in pyproject.toml and run `sciship check --fix` again.'
        )
        return
    plan.create(CFF, cff.render(meta), "how to cite this software")
    if meta.license and not cff.licenses(meta.license):
        plan.note(f"CITATION.cff has no `license`: `{meta.license}` is not a single SPDX id CFF accepts.")


def load_cff(project: Project) -> tuple[Any, Fail | None]:
    """CITATION.cff as data, or a Fail that names the YAML syntax error and its line."""

    def parse() -> tuple[Any, Fail | None]:
        from sciship.checks import _yaml

        text = project.read_text(CFF)
        if text is None:
            return None, Fail("CITATION.cff could not be read as UTF-8 text.", path=CFF)
        data, error = _yaml.load(text)
        if error is None:
            return data, None
        return None, Fail(
            f"CITATION.cff is not valid YAML: {error.problem}{error.where()}. A missing space after a colon, "
            "a tab instead of spaces, or an unquoted `:` in a value are the usual causes.",
            path=CFF,
            line=error.line,
        )

    return project.memo("community:cff", parse)  # type: ignore[no-any-return]


@check(
    "COM604",
    family=FAMILY,
    severity="important",
    topic="citation",
    requires=("COM603",),
    title="CITATION.cff is valid (CFF 1.2.0)",
    why="""GitHub, Zenodo and citation tools ignore a CITATION.cff that breaks the Citation File Format
    rules, silently: your "Cite this repository" button disappears and archives get no authors.""",
    fix="""Correct each key named in the message. The format is described at
    https://citation-file-format.github.io; `cffinit` (a web form) can write a valid file for you.""",
)
def citation_valid(project: Project) -> Result:
    if not project.has(CFF):
        return Skip("There is no CITATION.cff.")
    data, problem = load_cff(project)
    if problem is not None:
        return problem
    from sciship.metadata import cff_schema as _cff

    errors = _cff.validate(data)
    if not errors:
        return None
    text = project.read_text(CFF) or ""
    shown = "; ".join(str(e) for e in errors[:8]) + (
        f"; and {len(errors) - 8} more" if len(errors) > 8 else ""
    )
    return Fail(
        f"CITATION.cff breaks the CFF 1.2.0 rules: {shown}.",
        path=CFF,
        line=_line_of_key(text, errors[0].path),
    )


def _line_of_key(text: str, path: str) -> int | None:
    key = re.sub(r"\[\d+\]", "", path).split(".")[0]
    if not key:
        return None
    m = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _norm(value: object) -> str:
    return re.sub(r"[-_.\s]+", "-", str(value)).lower().strip("-")


@check(
    "COM605",
    family=FAMILY,
    severity="polish",
    topic="citation",
    requires=("COM604",),
    title="CITATION.cff agrees with pyproject.toml (name and version)",
    why="""When CITATION.cff and pyproject.toml disagree, people cite a version that does not match what
    they installed, and readers cannot find the exact code that produced a result.""",
    fix="""Update `title` and `version` in CITATION.cff whenever you release (a line in your release
    checklist), or generate CITATION.cff from pyproject.toml.""",
)
def citation_agrees(project: Project) -> Result:
    if not project.has(CFF) or not project.metadata:
        return Skip("Needs both CITATION.cff and a `[project]` table in pyproject.toml.")
    data, problem = load_cff(project)
    if problem is not None or not isinstance(data, dict):
        return Skip("CITATION.cff could not be read.")
    text = project.read_text(CFF) or ""
    name, version = project.name, project.metadata.get("version")
    title = data.get("title")
    if name and isinstance(title, str) and _norm(name) not in _norm(title):
        return Fail(
            f'CITATION.cff\'s `title` is "{title}", which does not mention the package name `{name}`.',
            path=CFF,
            line=_line_of_key(text, "title"),
        )
    cff_version = data.get("version")
    if isinstance(version, str) and cff_version is not None and str(cff_version) != version:
        return Fail(
            f"CITATION.cff says version `{cff_version}`, but pyproject.toml says `{version}`.",
            path=CFF,
            line=_line_of_key(text, "version"),
        )
    return None
