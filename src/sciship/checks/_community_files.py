"""CONTRIBUTING, CHANGELOG and CITATION.cff for an *existing* project (the `community` fixers).

:mod:`sciship.new.scaffold` renders the same files for a new project, where it knows the layout, tools and
example code it creates itself. An existing project can differ in all of these, so these renderers read
what the project actually declares (its test extra or dependency group, its ruff config, its real
repository and docs URLs, an SPDX expression CFF may not accept) instead of assuming. CODE_OF_CONDUCT.md
and .gitignore do not depend on any of that and come from scaffold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.project import Project

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
_CFF_MESSAGE = "If you use this software, please cite it using the metadata from this file."


@dataclass(frozen=True)
class Person:
    name: str
    email: str | None = None


@dataclass(frozen=True)
class Info:
    """What the community files need to know about the project."""

    name: str
    version: str | None
    description: str | None
    authors: tuple[Person, ...]
    license: str | None
    repository: str | None
    homepage: str | None
    install_test: str  #: the command that installs the project and its test tools
    lint: str | None  #: the style command, when the project configures one

    @classmethod
    def from_project(cls, project: Project) -> Info:
        meta = project.metadata
        name = _text(meta.get("name")) or project.root.name
        authors = tuple(_people(meta.get("authors"))) or tuple(_people(meta.get("maintainers")))
        if not authors:
            authors = _git_author(project)
        lic = meta.get("license")
        license_id = lic if isinstance(lic, str) else None
        urls = (
            {str(k).lower(): str(v) for k, v in (meta.get("urls") or {}).items()}
            if isinstance(meta.get("urls"), dict)
            else {}
        )
        repo = next(
            (urls[k] for k in ("source", "repository", "source code", "code", "github") if k in urls), None
        )
        home = urls.get("homepage")
        if repo is None and home and re.search(r"//(github\.com|gitlab\.com|codeberg\.org)/", home):
            repo = home
        tool = (project.pyproject or {}).get("tool", {})
        lint = "ruff check ." if isinstance(tool, dict) and "ruff" in tool else None
        return cls(
            name=name,
            version=_text(meta.get("version")),
            description=_text(meta.get("description")),
            authors=authors,
            license=license_id,
            repository=repo,
            homepage=urls.get("documentation") or home,
            install_test=_install_command(project),
            lint=lint,
        )

    @property
    def contact(self) -> str | None:
        return next((p.email for p in self.authors if p.email), None)


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _people(value: object) -> list[Person]:
    out: list[Person] = []
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                name = _text(item.get("name"))
                email = _text(item.get("email"))
                if name or email:
                    out.append(Person(name or (email or "").split("@")[0], email))
    return out


def _git_author(project: Project) -> tuple[Person, ...]:
    name = project.git_config("user.name")
    return (Person(name, project.git_config("user.email")),) if name else ()


def _install_command(project: Project) -> str:
    meta = project.metadata
    extras = meta.get("optional-dependencies")
    groups = (project.pyproject or {}).get("dependency-groups")
    for wanted in ("test", "tests", "dev"):
        if isinstance(extras, dict) and wanted in extras:
            return f'python -m pip install -e ".[{wanted}]"'
        if isinstance(groups, dict) and wanted in groups:
            return f"python -m pip install -e . --group {wanted}"
    return "python -m pip install -e . pytest"


# ---------------------------------------------------------------------- renderers
def contributing(info: Info) -> str:
    repo = info.repository or "the project's repository"
    style = (
        f"Run `{info.lint}` before you commit and fix what it reports.\n"
        if info.lint
        else "Follow the style of the code around your change, and keep functions small and named clearly.\n"
    )
    return f"""\
# Contributing to {info.name}

Thank you for helping! Questions, bug reports, documentation fixes and new features are all welcome.

## Set up a development copy

1. Fork and clone {repo}.
2. Create a virtual environment and install the project in editable mode with its test tools:

   ```
   python -m venv .venv
   source .venv/bin/activate   # on Windows: .venv\\Scripts\\activate
   {info.install_test}
   ```

## Run the tests

```
python -m pytest
```

Add a test for every bug you fix and every feature you add, and make sure the whole suite passes.

## Style

{style}Write docstrings for public functions: they become the API reference.

## Propose a change

1. For anything larger than a small fix, open an issue first so we can agree on the approach.
2. Work on a branch, in small commits with clear messages.
3. Add a line to the `Unreleased` section of CHANGELOG.md.
4. Open a pull request that says what changed and why, and link the issue.

Everyone taking part is expected to follow the [code of conduct](CODE_OF_CONDUCT.md).
"""


def changelog(info: Info) -> str:
    current = (
        f"\n## [{info.version}]\n\n### Added\n\n- First version of {info.name}.\n" if info.version else ""
    )
    return f"""\
# Changelog

All notable changes to this project are documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]

### Added

### Changed

### Fixed
{current}"""


def citation_data(info: Info) -> dict[str, Any]:
    """CITATION.cff content as data (valid CFF 1.2.0 when ``info`` has at least one author)."""
    from sciship.metadata import cff_schema as _cff

    data: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": _CFF_MESSAGE,
        "type": "software",
        "title": info.name,
        "authors": [cff_person(p) for p in info.authors],
    }
    if info.version:
        data["version"] = info.version
    if info.description:
        data["abstract"] = info.description
    licenses = _cff_licenses(info.license, _cff.schema())
    if licenses:
        data["license"] = licenses[0] if len(licenses) == 1 else licenses
    if info.repository and info.repository.startswith(("https://", "http://")):
        data["repository-code"] = info.repository
    if (
        info.homepage
        and info.homepage.startswith(("https://", "http://"))
        and info.homepage != info.repository
    ):
        data["url"] = info.homepage
    return data


def citation(info: Info) -> str:
    import yaml

    text: str = yaml.safe_dump(citation_data(info), sort_keys=False, allow_unicode=True, width=100)
    return (
        "# This file tells people how to cite this software (https://citation-file-format.github.io).\n"
        + text
    )


def cff_person(person: Person) -> dict[str, str]:
    """A CFF author: given and family names (with a particle like `van`), or a team's name."""
    words = person.name.split()
    out: dict[str, str]
    if not words or {w.lower().strip(".,") for w in words} & _ORG_WORDS:
        out = {"name": person.name or "Unknown"}
    elif len(words) == 1:
        out = {"family-names": words[0]}
    else:
        start = len(words) - 1  # the family name is the last word; particles such as `van` precede it
        while start > 1 and words[start - 1].lower() in _PARTICLES:
            start -= 1
        out = {"given-names": " ".join(words[:start])}
        if start < len(words) - 1:
            out["name-particle"] = " ".join(words[start:-1])
        out["family-names"] = words[-1]
    if person.email and "@" in person.email:
        out["email"] = person.email
    return out


def _cff_licenses(expression: str | None, schema: dict[str, Any]) -> list[str]:
    if not expression:
        return []
    allowed = set(schema["definitions"]["license-enum"]["enum"])
    parts = [p.strip("() ") for p in re.split(r"\s+OR\s+", expression.strip())]
    if any(re.search(r"\s(AND|WITH)\s", p) for p in parts) or not all(p in allowed for p in parts):
        return []
    return parts
