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

_LINKS = """\
[PackagingGuide]: https://www.pyopensci.org/python-package-guide/

[PackageCategories]: https://www.pyopensci.org/software-peer-review/about/package-scope.html

[JournalOfOpenSourceSoftware]: http://joss.theoj.org/

[JossSubmissionRequirements]: https://joss.readthedocs.io/en/latest/submitting.html#submission-requirements

[JossPaperRequirements]: https://joss.readthedocs.io/en/latest/submitting.html#what-should-my-paper-contain

[PyOpenSciCodeOfConduct]: https://www.pyopensci.org/handbook/CODE_OF_CONDUCT.html

[OsiApprovedLicense]: https://opensource.org/licenses

[Editor Template]: https://www.pyopensci.org/software-peer-review/appendices/templates.html#editor-s-template

[Review Template]: https://www.pyopensci.org/software-peer-review/appendices/templates.html#peer-review-template

[Comments]: https://github.com/orgs/pyOpenSci/discussions

[PangeoCollaboration]: https://www.pyopensci.org/software-peer-review/partners/pangeo

[Commitment]: https://www.pyopensci.org/software-peer-review/our-process/policies.html#after-acceptance-package-ownership-and-maintenance
"""


@dataclass(frozen=True)
class Who:
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

        version = meta.version
        version_place = place("version", version)
        if version_place is None:
            tag = facts.latest_version_tag(project)
            if tag:
                version_place = Place(tag.lstrip("vV"), ".git", None)
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
    f = gather(project)
    by = {x.code: x for x in findings}
    maint = ", ".join(m.header for m in f.maintainers) if f.maintainers else "TBD"
    author = f.author.header if f.author else "TBD"
    lines: list[str] = []
    if presubmission:
        values = [author, _value(f.name), _value(f.description), _value(f.repository), "TBD"]
        lines += [f"{k}: {v}" for k, v in zip(PRESUBMISSION_KEYS, values, strict=True)]
    else:
        values = [author, maint, _value(f.name), _value(f.description), _value(f.repository), _value(f.version)]
        values += ["TBD"] * (len(HEADER_KEYS) - len(values))
        lines += [f"{k}: {v}" for k, v in zip(HEADER_KEYS, values, strict=True)]
    lines += ["", "---", ""]
    author_only = "sciship leaves this box to you: only you can make this commitment."
    coc_end = (
        "during the review process and in maintaining my package after should it be accepted."
        if presubmission
        else "during the review process and in future interactions in spaces supported by pyOpenSci should it "
        "be accepted."
    )
    lines += [
        "## Code of Conduct & Commitment to Maintain Package",
        "",
        f"- [ ] I agree to abide by [pyOpenSci's Code of Conduct][PyOpenSciCodeOfConduct] {coc_end}"
        f" <!-- {author_only} -->",
        "- [ ] I have read and will commit to package maintenance after the review as per the [pyOpenSci "
        f"Policies Guidelines][Commitment]. <!-- {author_only} -->",
        "",
        "## Description",
        "",
        "- Include a brief paragraph describing what your package does:",
        "",
    ]
    if f.paragraph is not None:
        lines += [f"{f.paragraph.value}", "", f"<!-- sciship: the first paragraph of {f.paragraph.location()} -->"]
    else:
        lines += ["TBD <!-- sciship: the README has no paragraph that says what the package does -->"]
    lines += [
        "",
        "## Associated Publication (Optional)",
        "",
        "If your package is associated with a peer-reviewed publication, please provide the details below. "
        "This information helps us assess eligibility for our [publication fast-track pathway]"
        "(https://www.pyopensci.org/software-peer-review/our-process/policies.html#publication-fast-track). "
        "If this does not apply, you can leave these fields blank.",
        "",
        "Publication Title:",
        "",
        "Publication DOI:",
        "",
        "Journal/Venue:",
        "",
    ]
    scope_note = "<!-- sciship cannot decide the scope: tick the categories that fit (see the scope page). -->"
    scope = [
        "## Scope",
        "",
        "- Please indicate which category or categories.",
        "Check out our [package scope page][PackageCategories] to learn more about our",
        "scope. (If you are unsure of which category you fit, we suggest you make a pre-submission inquiry):",
        "",
        scope_note,
        "",
        *(f"\t- [ ] {c}{'[^1]' if c == 'Data visualization' and not presubmission else ''}" for c in CATEGORIES),
        "",
        "## Domain Specific",
        "",
        "<!-- sciship cannot decide this: tick a domain only if the package is made for it. -->",
        "",
        "- [ ] Geospatial",
        "- [ ] Education",
        "",
    ]
    partners = [
        "## Community Partnerships",
        "",
        "If your package is associated with an existing community please check below:",
        "",
        "<!-- sciship cannot decide this: tick a partnership only if the package follows that community's "
        "standards. -->",
        "",
        "- [ ] Astropy:[My package adheres to Astropy community standards]"
        "(https://www.pyopensci.org/software-peer-review/partners/astropy.html)",
        "- [ ] Pangeo: My package adheres to the [Pangeo standards listed in the pyOpenSci peer review "
        "guidebook][PangeoCollaboration]",
        "",
    ]
    if presubmission:
        lines += partners + scope
        lines += [
            "---",
            "",
            "- Explain how and why the package falls under these categories (briefly, 1-2 sentences). For "
            "community partnerships, check also their specific guidelines as documented in the links above. "
            "Please note any areas you are unsure of:",
            "",
            "- Who is the target audience and what are the scientific applications of this package?",
            "",
            "- Are there other Python packages that accomplish similar things? If so, how does yours differ?",
            "",
            "- Any other questions or issues we should be aware of:",
            "",
            "**P.S.** Have feedback/comments about our review process? Leave a comment [on our GitHub "
            "Discussions][Comments]",
            "",
        ]
    else:
        lines += scope + partners
        lines += [
            "> [^1]: Please fill out a pre-submission inquiry before submitting a data visualization package.",
            "",
            "- **For all submissions**, explain how and why the package falls under the categories you indicated "
            "above. In your explanation, please address the following points (briefly, 1-2 sentences for each):",
            "",
            "  - Who is the target audience and what are scientific applications of this package?",
            "",
            "  - Are there other Python packages that accomplish the same thing? If so, how does yours differ?",
            "",
            "  - If you made a pre-submission enquiry, please paste the link to the corresponding issue, forum "
            "post, or other discussion, or `@tag` the editor you contacted:",
            "",
            "## Technical checks",
            "",
            "For details about the pyOpenSci packaging requirements, see our [packaging guide][PackagingGuide]. "
            "Confirm each of the following by checking the box. This package:",
            "",
            _box(project, "does not violate the Terms of Service of any service it interacts with.", None, by,
                 note="cannot be checked by a program: only you know the services it uses and their terms"),
            _box(project, "uses an [OSI approved license][OsiApprovedLicense].", "LIC203", by),
            _box(project, "contains a README with instructions for installing the development version.", "RDM315",
                 by),
            _box(project, "includes documentation with examples for all functions.", None, by,
                 note=_docstring_note(project, by)),
            _box(project, "contains a tutorial with examples of its essential functions and uses.", "DOC503", by),
            _box(project, "has a test suite.", "LAY405", by),
            _box(project, "has continuous integration setup, such as GitHub Actions CircleCI, and/or others.",
                 "CI700", by),
            "",
            *_publication(f),
            "## Are you OK with Reviewers Submitting Issues and/or pull requests to your Repo Directly?",
            "",
            "This option will allow reviewers to open smaller issues that can then be linked to PR's rather than "
            "submitting a more dense text based review. It will also allow you to demonstrate addressing the "
            "issue via PR links.",
            "",
            "- [x] Yes I am OK with reviewers submitting requested changes as issues to my repo. Reviewers will "
            "then link to the issues in their submitted review. <!-- sciship: pyOpenSci's template ticks this; "
            "untick it if you prefer otherwise -->",
            "",
            "Confirm each of the following by checking the box.",
            "",
            "- [ ] I have read the [author guide](https://www.pyopensci.org/software-peer-review/how-to/"
            f"author-guide.html). <!-- {author_only} -->",
            "- [ ] I expect to maintain this package for at least 2 years and can help find a replacement for "
            f"the maintainer (team) if needed. <!-- {author_only} -->",
            "",
            "## Please fill out our survey",
            "",
            "- [ ] [Last but not least please fill out our pre-review survey](https://forms.gle/F9mou7S3jhe8DMJ16). "
            "This helps us track submission and improve our peer review process. We will also ask our reviewers "
            "and editors to fill this out.",
            "",
            "**P.S.** Have feedback/comments about our review process? Leave a comment [on our GitHub "
            "Discussions][Comments]",
            "",
            "## Editor and Review Templates",
            "",
            "The [editor template can be found here][Editor Template].",
            "",
            "The [review template can be found here][Review Template].",
            "",
        ]
    lines.append(_LINKS)
    text = "\n".join(lines).rstrip("\n") + "\n"
    return Submission(text, tuple(f.unknown), presubmission)


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


def _publication(f: Facts) -> list[str]:
    joss = f.paper is not None
    why = f"<!-- sciship: {f.paper} exists -->" if joss else "<!-- sciship: no paper.md, so not ticked -->"
    doi_box = (
        f"- [x] The package is deposited in a long-term repository with the DOI: {f.doi} "
        "<!-- sciship: the DOI in the project's citation metadata -->"
        if f.doi
        else "- [ ] The package is deposited in a long-term repository with the DOI:"
    )
    paper_box = (
        f"- [{'x' if joss else ' '}] The package contains a `paper.md` matching [JOSS's requirements]"
        "[JossPaperRequirements] with a high-level description in the package root or in `inst/` by the time "
        "you wish to submit to JOSS." + (f" <!-- sciship: {f.paper} -->" if joss else "")
    )
    return [
        "## Publication Options",
        "",
        f"- [{'x' if joss else ' '}] Do you wish to automatically submit to the [Journal of Open Source Software]"
        f"[JournalOfOpenSourceSoftware]? If so: {why}",
        "",
        "<details>",
        " <summary>JOSS Checks</summary>",
        "",
        "- [ ] The package has an **obvious research application** according to JOSS's definition in their "
        "[submission requirements][JossSubmissionRequirements]. Be aware that completing the pyOpenSci review "
        "process **does not** guarantee acceptance to JOSS. Be sure to read their submission requirements (linked "
        "above) if you are interested in submitting to JOSS.",
        "- [ ] The package is not a \"minor utility\" as defined by JOSS's [submission requirements]"
        "[JossSubmissionRequirements]: \"Minor ‘utility’ packages, including ‘thin’ API clients, are not "
        "acceptable.\" pyOpenSci welcomes these packages under \"Data Retrieval\", but JOSS has slightly "
        "different criteria.",
        paper_box,
        doi_box,
        "",
        "*Note: JOSS accepts our review as theirs. You will NOT need to go through another full review. JOSS will "
        "only review your paper.md file. Be sure to link to this pyOpenSci issue when a JOSS issue is opened for "
        "your package. Also be sure to tell the JOSS editor that this is a pyOpenSci reviewed package once you "
        "reach this step. Please note that the PyOpenSci reviewers will not be reviewing the paper.md file*",
        "",
        "</details>",
        "",
    ]
