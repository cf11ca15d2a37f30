"""One model of what a project says about itself, and where it says it.

A project may declare its name, version, authors and license in several places: the ``[project]`` table of
pyproject.toml (the standard), Poetry's ``[tool.poetry]``, ``setup.cfg``, the arguments of ``setup()`` in
``setup.py``, and, for citation, ``CITATION.cff``, ``codemeta.json`` and ``.zenodo.json``; git knows the
repository and who you are. :func:`load` reads every one of them (statically: nothing is run) into the
same :class:`Metadata` shape, each value with the file and line it came from, so checks can say where a
value lives and compare the files with each other, and writers can fill one file from the others.

Which source wins when they disagree: :meth:`ProjectMetadata.combined` prefers the packaging metadata,
then CITATION.cff, codemeta.json, .zenodo.json, ro-crate-metadata.json, then git.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from sciship._regex import compile_later

if TYPE_CHECKING:
    from sciship.project import Problem

Origin = Literal[
    "pyproject",
    "poetry",
    "setup.cfg",
    "setup.py",
    "CITATION.cff",
    "codemeta.json",
    ".zenodo.json",
    "ro-crate-metadata.json",
    "git",
]
#: Human names of the origins, for messages ("declared in `[tool.poetry]` of pyproject.toml").
ORIGIN_NAMES: dict[str, str] = {
    "pyproject": "the `[project]` table of pyproject.toml",
    "poetry": "the `[tool.poetry]` table of pyproject.toml",
    "setup.cfg": "setup.cfg",
    "setup.py": "the `setup()` call in setup.py",
    "CITATION.cff": "CITATION.cff",
    "codemeta.json": "codemeta.json",
    ".zenodo.json": ".zenodo.json",
    "ro-crate-metadata.json": "ro-crate-metadata.json",
    "git": "your git configuration",
}
#: The fields :class:`Metadata` holds (the keys of :attr:`Metadata.sources`).
FIELDS = (
    "name",
    "version",
    "description",
    "authors",
    "maintainers",
    "license",
    "keywords",
    "urls",
    "requires_python",
    "classifiers",
    "doi",
    "date_released",
    "data_license",
)

_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "le", "la", "ten", "ter"}
)
_ORG_WORDS = frozenset(
    {
        "team",
        "developers",
        "contributors",
        "lab",
        "laboratory",
        "group",
        "university",
        "institute",
        "consortium",
        "project",
        "community",
        "authors",
        "maintainers",
        "inc",
        "ltd",
        "gmbh",
        "foundation",
    }
)
_ORCID = compile_later(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])")
_DOI = compile_later(r"\b(10\.\d{4,9}/\S+)")
_NAME_EMAIL = compile_later(r"^\s*(?P<name>[^<]*?)\s*(?:<(?P<email>[^>]+)>)?\s*$")
_REPO_HOSTS = ("github.com/", "gitlab.com/", "bitbucket.org/", "codeberg.org/")
_GIT_REMOTE = compile_later(
    r"^(?:https?://|ssh://git@|git@)(?P<host>github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)"
    r"[:/](?P<path>[\w.-]+/[\w.-]+?)(?:\.git)?/?$"
)


@dataclass(frozen=True)
class Source:
    """Where a value was read: a file (relative to the root) and, when known, its line."""

    path: str
    line: int | None = None
    key: str | None = None  #: the key as the file spells it, e.g. ``tool.poetry.name`` or ``author_email``

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Person:
    """An author or maintainer. ``name`` is the full name as written (or a team's name)."""

    name: str | None = None
    email: str | None = None
    given_names: str | None = None
    family_names: str | None = None
    particle: str | None = None  #: ``van`` in "Ludwig van Beethoven"
    orcid: str | None = None  #: always ``https://orcid.org/0000-0000-0000-0000``
    affiliation: str | None = None
    github: str | None = None  #: a GitHub handle, without ``@``
    is_organisation: bool = False
    alias: str | None = None  #: a nickname the name gives in brackets: "Eddie" in "Edward (Eddie) G. Nerney"

    @property
    def display(self) -> str:
        """The name to show: full name, else given + family, else the GitHub login, else the email's user
        part."""
        if self.name:
            return self.name
        joined = " ".join(p for p in (self.given_names, self.particle, self.family_names) if p)
        return joined or self.github or (self.email or "").split("@")[0] or "Unknown"

    @property
    def login_only(self) -> bool:
        """Known by a GitHub login alone (``ecfsheridan``, from a commit's noreply address), whose words are
        no given or family name: CITATION.cff gives it as the `alias`."""
        login = self.github
        named = self.given_names or self.name not in (None, login) or self.family_names not in (None, login)
        return bool(login) and not named

    def split(self) -> Person:
        """This person with given/family names (and particle) filled from ``name`` where missing."""
        if self.family_names or not self.name or self.login_only:
            return self
        given, particle, family, org = split_name(self.name)
        if org:
            return replace(self, is_organisation=True)
        nickname = _NICKNAME.search(self.name)
        alias = self.alias or (nickname.group(1) if nickname else None)
        return replace(self, given_names=given, particle=particle, family_names=family, alias=alias)

    def same_as(self, other: Person) -> bool:
        """The same person, judged by ORCID, email or (case-insensitive) name."""
        if self.orcid and other.orcid:
            return self.orcid == other.orcid
        if self.email and other.email and self.email.lower() == other.email.lower():
            return True
        return bool(self.display and self.display.lower() == other.display.lower())

    def merged(self, other: Person) -> Person:
        """This person, with what ``other`` (the same person) knows and this one does not."""
        values = {
            f: getattr(self, f) or getattr(other, f)
            for f in (
                "name",
                "email",
                "given_names",
                "family_names",
                "particle",
                "orcid",
                "affiliation",
                "github",
                "alias",
            )
        }
        return Person(**values, is_organisation=self.is_organisation or other.is_organisation)


@dataclass(frozen=True)
class Metadata:
    """What one source says about the project. Every field is optional: absent means "not said here"."""

    origin: Origin
    name: str | None = None
    version: str | None = None
    description: str | None = None
    authors: tuple[Person, ...] = ()
    maintainers: tuple[Person, ...] = ()
    license: str | None = None  #: an SPDX expression, only when the source writes one
    license_text: str | None = None  #: pre-PEP 639 ``license = {text = ...}`` or free text (setup.cfg)
    license_file: str | None = None  #: pre-PEP 639 ``license = {file = ...}``
    keywords: tuple[str, ...] = ()
    urls: Mapping[str, str] = field(default_factory=dict)  #: label as written -> URL
    requires_python: str | None = None
    classifiers: tuple[str, ...] = ()
    doi: str | None = None  #: bare DOI, ``10.5281/zenodo.123``
    date_released: str | None = None  #: ISO date
    #: the license of the data and figures (an SPDX id), when the source says one apart from the code's
    data_license: str | None = None
    dynamic: frozenset[str] = frozenset()  #: fields the source says a build tool fills in
    version_from: str | None = None  #: how a dynamic version is set ("git tags (setuptools-scm)", a file)
    sources: Mapping[str, Source] = field(default_factory=dict)  #: field -> where it was read

    def source(self, name: str) -> Source | None:
        return self.sources.get(name)

    @property
    def repository(self) -> str | None:
        """The code repository URL (a ``Source``/``Repository`` link, or a homepage on a code host)."""
        return repository_url(self.urls)

    @property
    def homepage(self) -> str | None:
        return _url_for(self.urls, ("homepage", "home", "home page", "website"))

    @property
    def documentation(self) -> str | None:
        return _url_for(self.urls, ("documentation", "docs", "doc"))

    @property
    def issues(self) -> str | None:
        return _url_for(self.urls, ("issues", "tracker", "bug tracker"))

    @property
    def people(self) -> tuple[Person, ...]:
        """Authors, else maintainers."""
        return self.authors or self.maintainers

    def merged(self, other: Metadata) -> Metadata:
        """This source, with the fields it does not say taken from ``other`` (and better-known people)."""
        values: dict[str, Any] = {}
        sources = dict(self.sources)
        for name in FIELDS:
            mine = getattr(self, name)
            theirs = getattr(other, name)
            if name in ("authors", "maintainers") and mine and theirs:
                values[name] = tuple(_enrich(p, theirs) for p in mine)
            elif not mine and theirs:
                values[name] = theirs
                if name in other.sources:
                    sources[name] = other.sources[name]
        if not self.license and not self.license_text and not self.license_file and other.license_text:
            values["license_text"] = other.license_text
        return replace(self, **values, sources=sources)


def _enrich(person: Person, others: Iterable[Person]) -> Person:
    for other in others:
        if person.same_as(other):
            return person.merged(other)
    return person


@dataclass(frozen=True)
class ProjectMetadata:
    """Every source of metadata in a project, read once (see :func:`load`)."""

    package: Metadata | None = None  #: the packaging metadata (``[project]``, Poetry, setup.cfg, setup.py)
    citation: Metadata | None = None  #: CITATION.cff
    codemeta: Metadata | None = None
    zenodo: Metadata | None = None
    rocrate: Metadata | None = None  #: ro-crate-metadata.json
    git: Metadata | None = None
    problems: tuple[Problem, ...] = ()  #: metadata files sciship could not read

    @property
    def all(self) -> tuple[Metadata, ...]:
        return tuple(
            m for m in (self.package, self.citation, self.codemeta, self.zenodo, self.rocrate, self.git) if m
        )

    def combined(self) -> Metadata:
        """One view: the packaging metadata first, each missing field from the next source that has it."""
        sources = self.all
        if not sources:
            return Metadata(origin="git")
        out = sources[0]
        for other in sources[1:]:
            out = out.merged(other)
        return out


# ---------------------------------------------------------------------- names
def split_name(full: str) -> tuple[str | None, str | None, str, bool]:
    """``(given, particle, family, is_organisation)`` for a full name ("Ludwig van Beethoven").

    A name with a word like "team", "lab" or "developers" is an organisation (family = the whole name).
    A single word is a family name. Names written "Family, Given" are understood too.
    """
    full = " ".join(full.split())
    words = full.split()
    parts = {p.lower().strip(".,()") for w in words for p in re.split(r"[-_]", w)}
    if not words or parts & _ORG_WORDS:
        return None, None, full, True
    if "," in full:
        family, _, given = full.partition(",")
        return (given.strip() or None), None, family.strip(), False
    if len(words) == 1:
        return None, None, words[0], False
    if len(words) > 2 and _NICKNAME.search(full):  # a nickname is none of the given names
        return split_name(_NICKNAME.sub(" ", full))
    capitals = 0  # (Victor-EN2025: "Victor EBOLO NKONGO", the family name in capitals after the given)
    while capitals < len(words) - 1 and _CAPITALS.fullmatch(words[-1 - capitals]):
        capitals += 1
    if capitals > 1:
        return " ".join(words[:-capitals]), None, " ".join(words[-capitals:]), False
    start = len(words) - 1  # the family name is the last word; particles such as `van` precede it
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    particle = " ".join(words[start:-1]) or None
    return " ".join(words[:start]), particle, words[-1], False


#: a nickname between the given and the family names: "(Eddie)" in "Edward (Eddie) G. Nerney"
_NICKNAME = compile_later(r"(?<=\S)\s+\(([^\W\d_][\w'.-]*)\)\s+(?=\S)")
#: a word in capitals, as some write the family name: "EBOLO", "NKONGO", "DUPONT-MOREL"
_CAPITALS = compile_later(r"[^\W\d_a-z]{2,}(?:-[^\W\d_a-z]{2,})*")


def orcid_url(value: object) -> str | None:
    """``https://orcid.org/0000-...`` from any way of writing an ORCID, else None."""
    if not isinstance(value, str):
        return None
    m = _ORCID.search(value)
    return f"https://orcid.org/{m.group(1)}" if m else None


def bare_doi(value: object) -> str | None:
    """``10.5281/zenodo.123`` from a DOI or a doi.org URL, else None."""
    if not isinstance(value, str):
        return None
    m = _DOI.search(value)
    return m.group(1).rstrip(".,;)") if m else None


_DATA_LICENSE = compile_later(r"data and figures are licensed under `?([A-Za-z0-9.+-]*[A-Za-z0-9+])`?")


def data_license_sentence(spdx: str) -> str:
    """The sentence the metadata files use to say the data license (CFF and Zenodo have no key for it)."""
    return f"The data and figures are licensed under {spdx}."


def data_license_in(text: object) -> str | None:
    """The data license a :func:`data_license_sentence` in ``text`` names, else None."""
    if not isinstance(text, str):
        return None
    m = _DATA_LICENSE.search(text)
    return m.group(1) if m else None


def spdx_from_url(value: object) -> str | None:
    """``MIT`` from ``https://spdx.org/licenses/MIT`` (or ``.html``, or a bare id), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    return re.sub(r"^https?://spdx\.org/licenses/", "", value.strip()).removesuffix(".html") or None


#: DOI prefixes of data and software repositories (Zenodo, figshare, Dryad, Mendeley Data, Harvard
#: Dataverse, 4TU.ResearchData, OSF): a DOI with one of them names a deposit of the work itself; any
#: other DOI (a journal's) names a publication the work goes with.
REPOSITORY_DOI_PREFIXES = (
    "10.5281/",
    "10.6084/",
    "10.5061/",
    "10.17632/",
    "10.7910/",
    "10.4121/",
    "10.17605/",
)


def is_deposit_doi(doi: str) -> bool:
    """Whether ``doi`` names a deposit in a data or software repository (not a journal article)."""
    return doi.startswith(REPOSITORY_DOI_PREFIXES)


def web_url(value: str | None) -> str | None:
    """``value`` when it is a web address (http or https), else None (a local path is not a link)."""
    return value if value and value.startswith(("https://", "http://")) else None


def repository_url(urls: Mapping[str, str]) -> str | None:
    """The code repository among project URLs: a source/repository link, else any link on a code host."""
    found = _url_for(urls, ("source", "repository", "source code", "code", "github", "gitlab", "repo"))
    if found:
        return found
    for url in urls.values():
        if any(host in url for host in _REPO_HOSTS) and url.count("/") >= 4 and not placeholder_url(url):
            return url
    return None


def _url_for(urls: Mapping[str, str], labels: tuple[str, ...]) -> str | None:
    lowered = {k.lower().strip(): v for k, v in urls.items() if not placeholder_url(v)}
    return next((lowered[label] for label in labels if label in lowered), None)


#: the hosts of addresses a template leaves to fill in: "https://todo.com", "https://example.org",
#: "https://your-url.com", a server on the author's own computer
_PLACEHOLDER_HOST = compile_later(
    r"(?i)^(?:www\.)?(?:(?:todo|tbd|example|your[\w-]*)(?:\.[a-z]+)+|localhost|127\.0\.0\.1|0\.0\.0\.0)$"
)


def placeholder_url(url: str) -> bool:
    """Is ``url`` a stand-in for an address nobody filled in (regvelo's `Documentation =
    "https://todo.com"  # TODO`)? Copied into CITATION.cff or codemeta.json, it sends readers nowhere."""
    from urllib.parse import urlsplit

    if "TODO" in url:
        return True
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:  # an address Python cannot split ("http://[x") leads nowhere either
        return True
    return bool(_PLACEHOLDER_HOST.match(host))


def person_from_text(text: str) -> Person | None:
    """``"Ada Lovelace <ada@example.org>"`` (Poetry's form) as a Person."""
    m = _NAME_EMAIL.match(text)
    if not m:
        return None
    name = m.group("name").strip() or None
    email = (m.group("email") or "").strip() or None
    if not name and not email:
        return None
    return Person(name=name, email=email).split()
