"""Community files: how to contribute, how to behave, what changed, and how to cite."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sciship._regex import compile_later
from sciship.checks import Fail, Pass, Skip, check, fixer

if TYPE_CHECKING:
    from sciship.checks import Result
    from sciship.metadata.model import Metadata
    from sciship.plan import Plan
    from sciship.project import Project

FAMILY = "community"
CFF = "CITATION.cff"


def _stem(path: str) -> str:
    """``docs/Code of Conduct.rst`` -> ``codeofconduct``: the name without extension, case or separators."""
    name = path.rsplit("/", 1)[-1].split(".", 1)[0]
    return re.sub(r"[^a-z]", "", name.lower())


#: folders where a project's own guides never are (vendored code, templates of other projects, packages)
_NOT_OURS = compile_later(
    r"(^|/)(node_modules|extern|externals?|third_party|vendor|site-packages|\.tox|\.nox)/"
)
_MAX_DEPTH = 4


def _find_doc(project: Project, stems: frozenset[str]) -> str | None:
    """A text file named like one of ``stems`` (any case and separator: `CODE-OF-CONDUCT.md`, `Code of
    Conduct.rst`), at the top, in .github/ or in a documentation folder; the shallowest one wins."""
    package_dirs = tuple(p.path + "/" for p in project.packages if not p.module)
    found = [
        f
        for f in project.files
        if _stem(f) in stems
        and f.count("/") <= _MAX_DEPTH
        and _is_text_name(f.rsplit("/", 1)[-1])
        and not _NOT_OURS.search(f)
        and not f.startswith(package_dirs)
    ]
    return min(found, key=lambda f: (f.count("/"), f)) if found else None


_TEXT_SUFFIXES = frozenset({"md", "rst", "txt", "markdown", "html", "adoc", "qmd"})


def _is_text_name(name: str) -> bool:
    return "." not in name or name.rsplit(".", 1)[-1].lower() in _TEXT_SUFFIXES
_CONTRIBUTING = frozenset(
    {"contributing", "contribute", "contribution", "contributions", "howtocontribute", "contributingguide",
     "contributorguide", "contributorsguide", "contributing_guide"}
)
_CONDUCT = frozenset({"codeofconduct", "conduct", "coc"})


def _found(path: str, standard: str) -> Result:
    """Passed; with a note when the file has an unusual name or place (so readers know what counted)."""
    usual = _stem(path) == standard and ("/" not in path or path.startswith(".github/"))
    return None if usual else Pass(f"Found `{path}`.", path)


def _readme_text(project: Project) -> tuple[str | None, str]:
    for name in ("README.md", "README.rst", "README.txt", "README", "readme.md", "Readme.md"):
        if project.has(name):
            return name, project.read_text(name) or ""
    found = project.find_ci("README")
    return found, (project.read_text(found) or "") if found else ""


_HEADING = compile_later(r"^(#{1,6}\s+(?P<atx>.+)|(?P<setext>[^\n]+)\n[=\-~^\"'`#*+]{3,}\s*$)", re.MULTILINE)


def _readme_section(project: Project, topic: re.Pattern[str]) -> tuple[str, int] | None:
    """A README heading about ``topic`` with some text under it: (README path, line)."""
    path, text = _readme_text(project)
    if not path:
        return None
    for m in _HEADING.finditer(text):
        title = m.group("atx") or m.group("setext") or ""
        if topic.search(title):
            after = text[m.end() : m.end() + 600]
            if len(re.findall(r"[A-Za-z]{3,}", after.split("\n#", 1)[0])) >= 8:
                return path, text.count("\n", 0, m.start()) + 1
    return None


def _readme_link(project: Project, topic: re.Pattern[str]) -> tuple[str, str] | None:
    """A link in the README whose text or address is about ``topic``: (README path, address)."""
    path, text = _readme_text(project)
    for line in text.splitlines():
        if topic.search(line):
            m = re.search(r"https?://[^\s)>\]`'\"]+", line)
            if m:
                return str(path), m.group(0)
    return None


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
    """COM600: there is a CONTRIBUTING file, or the README has a contributing section or link."""
    found = _find_doc(project, _CONTRIBUTING)
    if found:
        return _found(found, "contributing")
    section = _readme_section(project, re.compile(r"contribut", re.IGNORECASE))
    if section:
        # pyOpenSci's review template: "contribution guidelines in the README or CONTRIBUTING"
        return Pass(f"The README explains how to contribute (its section at line {section[1]}).", section[0])
    link = _readme_link(project, re.compile(r"contribut", re.IGNORECASE))
    if link:
        return Pass(f"The README links to contribution guidelines ({link[1]}).", link[0])
    return Fail(
        "There is no CONTRIBUTING file (sciship looked at the top, in .github/ and in documentation folders, "
        "under names like CONTRIBUTING.md and HOW_TO_CONTRIBUTE.md), and the README has no contributing "
        "section."
    )


def _metadata(project: Project) -> Metadata:
    """What the project says about itself (pyproject, CITATION.cff, git...), its folder name at least."""
    from dataclasses import replace

    from sciship.metadata import read

    meta = read.load(project).combined()
    return meta if meta.name else replace(meta, name=project.root.name)


@fixer("COM600")
def write_contributing(project: Project, plan: Plan) -> None:
    """Plan a starter CONTRIBUTING.md from the project's metadata and development setup."""
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
    """COM601: there is a code of conduct file, or the README links to one."""
    found = _find_doc(project, _CONDUCT)
    if found:
        return _found(found, "codeofconduct")
    link = _readme_link(project, re.compile(r"code[\s_-]*of[\s_-]*conduct|/coc\b", re.IGNORECASE))
    if link:
        return Pass(
            f"The README links to a code of conduct ({link[1]}), probably your organisation's. That counts; "
            "a CODE_OF_CONDUCT.md in the repository (even one that points there) is easier to find.",
            link[0],
        )
    return Fail(
        "There is no code of conduct (sciship looked at the top, in .github/ and in documentation folders, "
        "under names like CODE_OF_CONDUCT.md and `Code of Conduct.rst`), and the README links to none."
    )


@fixer("COM601")
def write_code_of_conduct(project: Project, plan: Plan) -> None:
    """Plan CODE_OF_CONDUCT.md (the Contributor Covenant 2.1); note when no contact email is known."""
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
    """COM602: a CHANGELOG, CHANGES, HISTORY, NEWS or release-notes file is at the top or in docs/."""
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
    """Plan a starter CHANGELOG.md."""
    from sciship.metadata.writers import community

    plan.create("CHANGELOG.md", community.changelog(_metadata(project)), "a changelog")


@check(
    "COM603",
    family=FAMILY,
    severity="important",
    topic="citation",
    title="The project says how to cite it",
    why="""Software you wrote for research deserves credit like a paper. Users who want to cite your code
    need to find how: a CITATION.cff, a citation section in the README, or a CITATION file. pyOpenSci's
    reviewers look for citation information.""",
    fix="""Add CITATION.cff at the top of the project with `cff-version: 1.2.0`, a `message`, the
    `title`, and the `authors` (`sciship check --fix` writes one from pyproject.toml), and mention it in the
    README.""",
)
def has_citation(project: Project) -> Result:
    """COM603: something says how to cite the project.

    Any of CITATION.cff, a CITATION file at the top, or the README (a citation section, a request to cite, a
    DOI or a BibTeX entry).
    """
    if project.has(CFF):
        return None
    other = next((f for f in project.files if "/" not in f and _stem(f) in {"citation", "citations"}), None)
    if other:
        return Pass(f"`{other}` says how to cite the project (see COM606 for CITATION.cff).", other)
    section = _readme_section(project, re.compile(r"\bcit(e|ing|ation)", re.IGNORECASE))
    if section:
        return Pass(f"The README says how to cite the project (line {section[1]}).", section[0])
    path, text = _readme_text(project)
    asks = r"please\s+cite|if you use .{0,80} cite|cite (this|our|the) (paper|software|package)"
    if re.search(asks, text, re.IGNORECASE | re.DOTALL):
        return Pass("The README asks users to cite the project.", path)
    bibtex = re.search(
        r"@(software|article|misc|inproceedings|book|techreport|phdthesis)\s*\{", text, re.IGNORECASE
    )
    doi = re.search(r"doi\.org/10\.|\bdoi:\s*10\.", text)
    doi = doi and re.search(r"\bcit(e|ation|ing)\b", text, re.IGNORECASE)
    if bibtex or doi:
        return Pass("The README gives a citation (a DOI or a BibTeX entry).", path)
    return Fail("Nothing says how to cite the project: no CITATION.cff, no CITATION file and no citation "
                "section in the README.")


@fixer("COM603")
def write_citation_for_com603(project: Project, plan: Plan) -> None:
    """Plan CITATION.cff for COM603 (the fixer COM606 uses)."""
    write_citation(project, plan)


@check(
    "COM606",
    family=FAMILY,
    severity="polish",
    topic="citation",
    title="Citation metadata is in CITATION.cff, which GitHub and Zenodo read",
    why="""CITATION.cff is the standard citation file: GitHub shows a "Cite this repository" button from
    it, Zenodo copies its authors into each release's record, and reference managers import it. A citation
    section in the README or a CITATION.bib helps readers, but no tool reads them.""",
    fix="""Add CITATION.cff at the top of the project (exactly that name: GitHub ignores `citation.cff`);
    `sciship check --fix` writes one from pyproject.toml.""",
)
def has_cff(project: Project) -> Result:
    """COM606: CITATION.cff is at the top of the project, named exactly so."""
    if project.has(CFF):
        return None
    wrong_case = next((f for f in project.files if f.lower() == CFF.lower()), None)
    if wrong_case:
        return Fail(
            f"`{wrong_case}` must be named exactly `CITATION.cff` for GitHub to read it.", path=wrong_case
        )
    return Fail("There is no CITATION.cff at the top of the project.")


@fixer("COM606")
def write_citation(project: Project, plan: Plan) -> None:
    """Plan CITATION.cff from the project's metadata.

    Does nothing when it is planned already or a `citation.cff` in another case exists; notes instead when no
    author is known.
    """
    from sciship.metadata.writers import cff

    if any(a.path == CFF for a in plan.actions) or any(f.lower() == CFF.lower() for f in project.files):
        return  # already planned (COM603 and COM606 share this fixer), or a citation.cff to rename by hand
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

        if project.read_text(CFF) is None:
            return None, Fail("CITATION.cff could not be read as UTF-8 text.", path=CFF)
        data, error = _yaml.load_file(project, CFF)
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
    title="CITATION.cff is valid (CFF 1.2.0)",
    why="""GitHub, Zenodo and citation tools ignore a CITATION.cff that breaks the Citation File Format
    rules, silently: your "Cite this repository" button disappears and archives get no authors.""",
    fix="""Correct each key named in the message. The format is described at
    https://citation-file-format.github.io; `cffinit` (a web form) can write a valid file for you.""",
)
def citation_valid(project: Project) -> Result:
    """COM604: CITATION.cff is valid YAML that follows the CFF 1.2.0 rules.

    Skips without a CITATION.cff, or for one written for an older CFF version.
    """
    if not project.has(CFF):
        return Skip("There is no CITATION.cff.")
    data, problem = load_cff(project)
    if problem is not None:
        return problem
    version = str(data.get("cff-version", "")) if isinstance(data, dict) else ""
    if version in _OLDER_CFF:
        return Skip(
            f"sciship is not sure: CITATION.cff is written for CFF {version}, and sciship checks the rules "
            "of CFF 1.2.0 only. GitHub and Zenodo read 1.2.0 best; updating mostly means writing ORCIDs as "
            "`https://orcid.org/...` and changing `cff-version`."
        )
    from sciship.metadata import cff_schema as _cff

    errors = _cff.validate(data)
    if not errors:
        return None
    text = project.read_text(CFF) or ""
    shown = "; ".join(str(e) for e in errors[:8]) + (
        f"; and {len(errors) - 8} more" if len(errors) > 8 else ""
    )
    return Fail(
        f"CITATION.cff breaks the CFF 1.2.0 rules: {shown}" + ("" if shown.endswith("?") else "."),
        path=CFF,
        line=_line_of_key(text, errors[0].path),
    )


_OLDER_CFF = frozenset({"1.0.1", "1.0.2", "1.0.3", "1.1.0"})


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
    """COM605: CITATION.cff's `title` mentions the package name and its `version` is pyproject.toml's."""
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
