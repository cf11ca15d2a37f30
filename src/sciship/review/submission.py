"""The body of a pyOpenSci submission issue (or pre-submission inquiry), filled from the project.

The structure is pyOpenSci's current issue templates (``pyOpenSci/software-submission``,
``.github/ISSUE_TEMPLATE/submit-software-for-review.md`` and ``presubmission-inquiry.md``): the header of
``Key: value`` lines closed by ``---``, then the sections in the template's order with its boxes. sciship
fills the header from the project's metadata (pyproject.toml, CITATION.cff, codemeta.json, git) and ticks a
technical-check box only when a check verified it, with the evidence in an HTML comment next to it. The
boxes only the author can tick (scope, partnerships, the code of conduct, the commitment to maintain) stay
empty, each with a note saying so. Anything sciship does not know is ``TBD`` and listed in
:attr:`Submission.unknown`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sciship.review import DEFAULT_REPO

if TYPE_CHECKING:
    from sciship.checks import Finding
    from sciship.metadata.model import Person
    from sciship.project import Project
    from sciship.review.facts import Place

NEW_ISSUE_URL = f"https://github.com/{DEFAULT_REPO}/issues/new?template=submit-software-for-review.md"
NEW_PRESUBMISSION_URL = f"https://github.com/{DEFAULT_REPO}/issues/new?template=presubmission-inquiry.md"

#: the header keys of the current submission template, in order; the editor fills those after `Version
#: submitted`, so they stay TBD
HEADER_KEYS = (
    "Submitting Author",
    "All current maintainers",
    "Package Name",
    "One-Line Description of Package",
    "Repository Link",
    "Version submitted",
    "EiC",
    "Editor",
    "Reviewer 1",
    "Reviewer 2",
    "Archive",
    "JOSS DOI",
    "Version accepted",
    "Date accepted (month/day/year)",
)
PRESUBMISSION_KEYS = (
    "Submitting Author",
    "Package Name",
    "One-Line Description of Package",
    "Repository Link (if existing)",
    "EiC",
)
SECTIONS = (
    "Code of Conduct & Commitment to Maintain Package",
    "Description",
    "Associated Publication (Optional)",
    "Scope",
    "Domain Specific",
    "Community Partnerships",
    "Technical checks",
    "Publication Options",
    "Are you OK with Reviewers Submitting Issues and/or pull requests to your Repo Directly?",
    "Please fill out our survey",
    "Editor and Review Templates",
)
PRESUBMISSION_SECTIONS = (
    "Code of Conduct & Commitment to Maintain Package",
    "Description",
    "Associated Publication (Optional)",
    "Community Partnerships",
    "Scope",
    "Domain Specific",
)
CATEGORIES = (
    "Data retrieval",
    "Data extraction",
    "Data processing/munging",
    "Data deposition",
    "Data validation and testing",
    "Data visualization",
    "Workflow automation",
    "Citation management and bibliometrics",
    "Scientific software wrappers",
    "Database interoperability",
)

TEMPLATES = Path(__file__).parent.parent / "templates" / "review"
YOURS = "<!-- sciship leaves this box to you: only you can make this commitment. -->"


@dataclass(frozen=True)
class Who:
    """A person in the submission's header: a name and a GitHub handle, either of which may be unknown."""

    name: str | None
    handle: str | None

    @property
    def header(self) -> str:
        """``Name (@handle)``; ``Name (TBD)`` when the handle is unknown."""
        if self.name and self.handle:
            return f"{self.name} (@{self.handle})"
        if self.handle:
            return f"@{self.handle}"
        return f"{self.name} (TBD)" if self.name else "TBD"


@dataclass(frozen=True)
class Facts:
    """What the header and the description say, each with where it came from."""

    name: Place | None
    description: Place | None
    author: Who | None
    maintainers: tuple[Who, ...]
    repository: Place | None
    version: Place | None
    paragraph: Place | None
    doi: str | None
    paper: str | None

    @property
    def unknown(self) -> list[str]:
        """The header values sciship could not fill (the editor's own fields are not counted)."""
        out = []
        if self.author is None:
            out.append("Submitting Author")
        elif not self.author.handle:
            out.append(f"Submitting Author's GitHub handle ({self.author.name})")
        if not self.maintainers:
            out.append("All current maintainers")
        else:
            missing = [m.name or "?" for m in self.maintainers if not m.handle]
            if missing:
                out.append("GitHub handles of the maintainers " + ", ".join(missing))
        for label, value in (
            ("Package Name", self.name),
            ("One-Line Description of Package", self.description),
            ("Repository Link", self.repository),
            ("Version submitted", self.version),
        ):
            if value is None:
                out.append(label)
        return out

    def known_rows(self) -> list[tuple[str, str, Place | None]]:
        rows: list[tuple[str, str, Place | None]] = []
        if self.author is not None:
            rows.append(("Submitting Author", self.author.header, None))
        for label, value in (
            ("Package Name", self.name),
            ("One-Line Description of Package", self.description),
            ("Repository Link", self.repository),
            ("Version submitted", self.version),
        ):
            if value is not None:
                rows.append((label, value.value, value))
        return rows


def _who(person: Person) -> Who:
    return Who(person.display if (person.name or person.family_names) else None, person.github)


def gather(project: Project) -> Facts:
    """The submission's facts (memoised on the project snapshot)."""

    def compute() -> Facts:
        from sciship.review import facts
        from sciship.review.facts import Place

        meta = facts.metadata(project)

        def place(field: str, value: str | None) -> Place | None:
            if not value:
                return None
            path, line = facts.where(meta, field)
            return Place(" ".join(value.split()), path, line)

        version_place = facts.submitted_version(project)
        author = facts.submitting_author(project)
        people = facts.maintainers(project)
        return Facts(
            name=place("name", meta.name),
            description=place("description", meta.description),
            author=_who(author) if author is not None else None,
            maintainers=tuple(_who(p) for p in people),
            repository=facts.repository(project),
            version=version_place,
            paragraph=facts.readme_paragraph(project),
            doi=meta.doi,
            paper=facts.paper(project),
        )

    return project.memo("review:submission", compute)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Submission:
    """The issue's text, the header values sciship could not fill, and whether it is a pre-submission."""

    text: str
    unknown: tuple[str, ...]
    presubmission: bool

    @property
    def new_issue_url(self) -> str:
        return NEW_PRESUBMISSION_URL if self.presubmission else NEW_ISSUE_URL


def _value(place: Place | None) -> str:
    return place.value if place is not None else "TBD"


def _evidence(project: Project, finding: Finding) -> str:
    from sciship.review.facts import passed_place

    place = passed_place(project, finding.code)
    where = f" ({place.location()})" if place is not None and place.location() else ""
    return f" <!-- sciship verified: {finding.code} ({finding.check.title}){where} -->"


def _root(finding: Finding, by: dict[str, Finding]) -> Finding:
    """For a check skipped because a prerequisite did not pass: the prerequisite that failed."""
    seen = 0
    while finding.status == "skipped" and seen < 10:
        seen += 1
        prior = next((by[r] for r in finding.check.requires if r in by and by[r].status != "passed"), None)
        if prior is None:
            break
        finding = prior
    return finding


def _box(
    project: Project, label: str, code: str | None, by: dict[str, Finding], *, note: str | None = None
) -> str:
    finding = by.get(code) if code else None
    ticked = finding is not None and finding.status == "passed"
    line = f"- [{'x' if ticked else ' '}] {label}"
    if ticked and finding is not None:
        return line + _evidence(project, finding)
    if code == "LIC203" and (finding is None or finding.status != "failed"):
        from sciship.review.facts import osi_license_file

        found = osi_license_file(project)
        if found is not None:  # declared the old way, but the license itself is OSI-approved
            return (
                f"- [x] {label} <!-- sciship verified: {found.path} is the {found.value} license text "
                "(declare it as an SPDX expression in pyproject.toml too) -->"
            )
    if note:
        return line + f" <!-- sciship: {note} -->"
    if finding is not None:
        cause = _root(finding, by)
        text = (cause.message or cause.check.title).replace("-->", "->")
        where = f" ({cause.location()})" if cause.location() else ""
        return line + f" <!-- sciship did not tick this: {cause.code} {cause.status}{where}: {text} -->"
    return line


def write(project: Project, findings: Sequence[Finding], *, presubmission: bool = False) -> Submission:
    """The issue body, ready to paste."""
    from string import Template

    f = gather(project)
    by = {x.code: x for x in findings}
    author = f.author.header if f.author else "TBD"
    keys: tuple[str, ...]
    if presubmission:
        values = [author, _value(f.name), _value(f.description), _value(f.repository), "TBD"]
        keys = PRESUBMISSION_KEYS
    else:
        maint = ", ".join(m.header for m in f.maintainers) if f.maintainers else "TBD"
        values = [
            author,
            maint,
            _value(f.name),
            _value(f.description),
            _value(f.repository),
            _value(f.version),
        ]
        values += ["TBD"] * (len(HEADER_KEYS) - len(values))
        keys = HEADER_KEYS
    if f.paragraph is not None:
        description = (
            f"{f.paragraph.value}\n\n<!-- sciship: the first paragraph of {f.paragraph.location()} -->"
        )
    else:
        description = "TBD <!-- sciship: the README has no paragraph that says what the package does -->"
    fields = {
        "header": "\n".join(f"{k}: {v}" for k, v in zip(keys, values, strict=True)),
        "yours": YOURS,
        "description": description,
        "technical": "\n".join(_technical(project, by)),
        **_publication(f),
    }
    name = "presubmission.md" if presubmission else "submission.md"
    template = Template((TEMPLATES / name).read_text(encoding="utf-8"))
    text = template.substitute(fields)
    text = "\n".join(line.rstrip(" ") for line in text.split("\n")).rstrip("\n") + "\n"
    return Submission(text, tuple(f.unknown), presubmission)


def _technical(project: Project, by: dict[str, Finding]) -> list[str]:
    nobody = "cannot be checked by a program: only you know the services it uses and their terms"
    return [
        _box(
            project,
            "does not violate the Terms of Service of any service it interacts with.",
            None,
            by,
            note=nobody,
        ),
        _box(project, "uses an [OSI approved license][OsiApprovedLicense].", "LIC203", by),
        _box(
            project,
            "contains a README with instructions for installing the development version.",
            "RDM315",
            by,
        ),
        _box(
            project,
            "includes documentation with examples for all functions.",
            None,
            by,
            note=_docstring_note(project, by),
        ),
        _box(project, "contains a tutorial with examples of its essential functions and uses.", "DOC503", by),
        _box(project, "has a test suite.", "LAY405", by),
        _box(
            project,
            "has continuous integration setup, such as GitHub Actions CircleCI, and/or others.",
            "CI700",
            by,
        ),
    ]


def _docstring_note(project: Project, by: dict[str, Finding]) -> str:
    finding = by.get("DOC504")
    if finding is None or finding.status == "skipped":
        return "not ticked: a program cannot tell whether each function's documentation has examples"
    from sciship.checks._docstrings import coverage

    cov = coverage(project)
    return (
        f"not ticked: {len(cov.documented)} of {cov.total} public functions and classes have a docstring "
        "(DOC504), and sciship cannot tell whether each shows an example"
    )


def _publication(f: Facts) -> dict[str, str]:
    joss = f.paper is not None
    doi_box = "- [ ] The package is deposited in a long-term repository with the DOI:"
    if f.doi:
        doi_box = (
            f"- [x] The package is deposited in a long-term repository with the DOI: {f.doi} "
            "<!-- sciship verified: the DOI in the project's citation metadata -->"
        )
    return {
        "joss": "x" if joss else " ",
        "joss_note": f"<!-- sciship: {f.paper} exists -->"
        if joss
        else "<!-- sciship: no paper.md, so not ticked -->",
        "paper_note": f"<!-- sciship verified: {f.paper} -->" if joss else "",
        "doi_box": doi_box,
    }
