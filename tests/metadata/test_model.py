"""The metadata model: every place a project declares itself, read into one shape with its location."""

from __future__ import annotations

import json

import pytest

from sciship.metadata.model import Person, split_name
from sciship.metadata.poetry import to_pep440
from sciship.metadata.read import load
from sciship.project import Project

POETRY = """\
[tool.poetry]
name = "tidal-tools"
version = "0.4.1"
description = "Tide analysis for coastal stations."
authors = ["Ana Souza <ana@example.org>", "Rainfall Lab"]
license = "BSD-3-Clause"
keywords = ["tides", "ocean"]
repository = "https://github.com/ana/tidal-tools"
documentation = "https://tidal-tools.readthedocs.io"

[tool.poetry.dependencies]
python = "^3.9"
numpy = "^1.24"

[build-system]
requires = ["poetry-core>=1.0.0"]
build-backend = "poetry.core.masonry.api"
"""

SETUP_CFG = """\
[metadata]
name = lakeview
version = attr: lakeview.__version__
description = Lake temperature profiles
author = Jo Bloggs, Sam Smith
author_email = jo@example.org, sam@example.org
license = MIT
project_urls =
    Source = https://gitlab.com/lakes/lakeview
    Tracker = https://gitlab.com/lakes/lakeview/-/issues

[options]
packages = find:
python_requires = >=3.8
"""

SETUP_PY = """\
from setuptools import setup, find_packages

VERSION = "2.0.3"

setup(
    name="old-survey",
    version=VERSION,
    description="Field survey tools",
    author="Ludwig van Beethoven",
    license="GPLv3",
    url="https://github.com/ludwig/old-survey",
    python_requires=">=3.7",
    install_requires=open("requirements.txt").read().splitlines(),
)
"""

CFF = """\
cff-version: 1.2.0
message: If you use this software, please cite it.
title: tidal-tools
version: 0.4.0
doi: 10.5281/zenodo.1234567
authors:
  - given-names: Ana
    family-names: Souza
    orcid: https://orcid.org/0000-0002-1825-0097
    affiliation: University of the Coast
license: BSD-3-Clause
"""


def test_pyproject_table_with_locations() -> None:
    project = Project.from_files(
        {
            "pyproject.toml": '[project]\nname = "rain"\nversion = "1.0"\n'
            'authors = [{name = "Ada Lovelace", email = "ada@example.org"}]\nlicense = {text = "MIT"}\n'
            '[project.urls]\nSource = "https://github.com/ada/rain"\n'
        }
    )
    meta = load(project).package
    assert meta is not None
    assert meta.origin == "pyproject"
    assert (meta.name, meta.version, meta.license, meta.license_text) == ("rain", "1.0", None, "MIT")
    assert meta.authors == (
        Person(name="Ada Lovelace", email="ada@example.org", given_names="Ada", family_names="Lovelace"),
    )
    assert meta.repository == "https://github.com/ada/rain"
    assert meta.source("name") is not None
    assert meta.source("name").line == 2
    assert meta.source("license").line == 5  # type: ignore[union-attr]


def test_poetry_metadata_is_read_where_it_is() -> None:
    meta = load(Project.from_files({"pyproject.toml": POETRY})).package
    assert meta is not None
    assert meta.origin == "poetry"
    assert meta.name == "tidal-tools"
    assert meta.version == "0.4.1"
    assert meta.license == "BSD-3-Clause"
    assert meta.requires_python == ">=3.9,<4.0"
    assert [p.display for p in meta.authors] == ["Ana Souza", "Rainfall Lab"]
    assert meta.authors[0].email == "ana@example.org"
    assert meta.authors[1].is_organisation
    assert meta.repository == "https://github.com/ana/tidal-tools"
    assert meta.documentation == "https://tidal-tools.readthedocs.io"
    assert meta.source("name").line == 2  # type: ignore[union-attr]
    assert meta.source("requires_python").line == 12  # type: ignore[union-attr]


def test_setup_cfg_with_attr_version() -> None:
    project = Project.from_files(
        {"setup.cfg": SETUP_CFG, "src/lakeview/__init__.py": '__version__ = "1.2.0"\n', "setup.py": ""}
    )
    meta = load(project).package
    assert meta is not None
    assert meta.origin == "setup.cfg"
    assert meta.name == "lakeview"
    assert meta.version == "1.2.0"
    assert meta.source("version").path == "src/lakeview/__init__.py"  # type: ignore[union-attr]
    assert [p.email for p in meta.authors] == ["jo@example.org", "sam@example.org"]
    assert meta.license == "MIT"
    assert meta.requires_python == ">=3.8"
    assert meta.repository == "https://gitlab.com/lakes/lakeview"
    assert meta.source("requires_python").line == 14  # type: ignore[union-attr]


def test_literal_setup_py() -> None:
    meta = load(Project.from_files({"setup.py": SETUP_PY})).package
    assert meta is not None
    assert meta.origin == "setup.py"
    assert (meta.name, meta.version) == ("old-survey", "2.0.3")
    assert meta.license is None
    assert meta.license_text == "GPLv3"
    author = meta.authors[0]
    assert (author.given_names, author.particle, author.family_names) == ("Ludwig", "van", "Beethoven")
    assert meta.source("name").line == 6  # type: ignore[union-attr]
    assert meta.repository == "https://github.com/ludwig/old-survey"


def test_dynamic_version_from_hatch_path_and_scm() -> None:
    hatch = (
        '[project]\nname = "x"\ndynamic = ["version"]\n[tool.hatch.version]\npath = "src/x/__about__.py"\n'
    )
    meta = load(Project.from_files({"pyproject.toml": hatch, "src/x/__about__.py": "__version__ = '3.1'\n"}))
    assert meta.package is not None
    assert meta.package.version == "3.1"
    scm = '[project]\nname = "x"\ndynamic = ["version"]\n[tool.setuptools_scm]\n'
    meta2 = load(Project.from_files({"pyproject.toml": scm})).package
    assert meta2 is not None
    assert meta2.version is None
    assert meta2.version_from == "git tags (setuptools-scm)"


def test_dynamic_fields_filled_from_setup_cfg() -> None:
    project = Project.from_files(
        {
            "pyproject.toml": '[project]\nname = "lakeview"\n'
            'dynamic = ["version", "authors", "description"]\n',
            "setup.cfg": SETUP_CFG,
            "lakeview/__init__.py": '__version__ = "0.9"\n',
        }
    )
    meta = load(project).package
    assert meta is not None
    assert meta.version == "0.9"
    assert meta.description == "Lake temperature profiles"
    assert meta.source("description").path == "setup.cfg"  # type: ignore[union-attr]


def test_citation_codemeta_zenodo_and_combined() -> None:
    codemeta = {
        "@context": "https://w3id.org/codemeta/3.0",
        "name": "tidal-tools",
        "author": [
            {"@type": "Person", "givenName": "Ana", "familyName": "Souza", "email": "ana@example.org"}
        ],
        "license": "https://spdx.org/licenses/BSD-3-Clause",
        "codeRepository": "https://github.com/ana/tidal-tools",
    }
    zenodo = {
        "title": "tidal-tools",
        "creators": [{"name": "Souza, Ana", "orcid": "0000-0002-1825-0097"}],
        "license": {"id": "BSD-3-Clause"},
        "upload_type": "software",
    }
    project = Project.from_files(
        {
            "pyproject.toml": POETRY,
            "CITATION.cff": CFF,
            "codemeta.json": json.dumps(codemeta, indent=2),
            ".zenodo.json": json.dumps(zenodo),
        }
    )
    md = load(project)
    assert md.citation is not None
    assert md.citation.doi == "10.5281/zenodo.1234567"
    assert md.citation.version == "0.4.0"
    assert md.citation.source("version").line == 4
    assert md.codemeta is not None
    assert md.codemeta.license == "BSD-3-Clause"
    assert md.zenodo is not None
    assert md.zenodo.authors[0].given_names == "Ana"
    assert md.zenodo.authors[0].orcid == "https://orcid.org/0000-0002-1825-0097"
    combined = md.combined()
    assert combined.version == "0.4.1"  # the package wins
    assert combined.doi == "10.5281/zenodo.1234567"  # only the citation says it
    assert combined.authors[0].orcid == "https://orcid.org/0000-0002-1825-0097"  # same person, enriched
    assert combined.authors[0].affiliation == "University of the Coast"


def test_broken_files_are_problems_not_exceptions() -> None:
    project = Project.from_files(
        {
            "CITATION.cff": "title: [unclosed\n",
            "codemeta.json": "{nope",
            ".zenodo.json": "[]",
            "setup.py": "def (",
        }
    )
    md = load(project)
    assert md.citation is None
    assert md.codemeta is None
    assert md.zenodo is None
    assert md.package is None
    assert sorted(p.path for p in md.problems) == ["CITATION.cff", "codemeta.json"]


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Ada Lovelace", ("Ada", None, "Lovelace", False)),
        ("Ludwig van Beethoven", ("Ludwig", "van", "Beethoven", False)),
        ("Souza, Ana", ("Ana", None, "Souza", False)),
        ("Plato", (None, None, "Plato", False)),
        ("The pandas development team", (None, None, "The pandas development team", True)),
        ("María José  García", ("María José", None, "García", False)),
        # Victor-EN2025/Seasonal-Ocean-Analysis-Gulf-of-Guinea: the family name in capitals, after the given
        ("Victor EBOLO NKONGO", ("Victor", None, "EBOLO NKONGO", False)),
        ("John F. KENNEDY", ("John F.", None, "KENNEDY", False)),
        ("JOHN SMITH", ("JOHN", None, "SMITH", False)),
        # egnerney/diffusive-equilibrium-2024-paper-code: a nickname is none of the given names
        ("Edward (Eddie) G. Nerney", ("Edward G.", None, "Nerney", False)),
    ],
)
def test_split_name(full: str, expected: tuple[object, ...]) -> None:
    assert split_name(full) == expected


def test_a_nickname_is_the_alias() -> None:
    """egnerney/diffusive-equilibrium-2024-paper-code: `given-names: Edward (Eddie) G.` in CITATION.cff."""
    from sciship.metadata.writers.cff import person

    eddie = Person(name="Edward (Eddie) G. Nerney").split()
    assert person(eddie) == {"given-names": "Edward G.", "family-names": "Nerney", "alias": "Eddie"}
    assert Person(name="Ann Lee").split().alias is None


@pytest.mark.parametrize(
    ("poetry", "pep440"),
    [
        ("^1.2.3", ">=1.2.3,<2.0.0"),
        ("^0.2.3", ">=0.2.3,<0.3.0"),
        ("^0.0.3", ">=0.0.3,<0.0.4"),
        ("^3.9", ">=3.9,<4.0"),
        ("~1.2.3", ">=1.2.3,<1.3.0"),
        ("~1", ">=1,<2"),
        ("*", ""),
        ("1.2.*", "==1.2.*"),
        (">= 1.2 < 2", ">=1.2,<2"),
        ("2.0", "==2.0"),
        ("^1.2 || ^2", None),
    ],
)
def test_poetry_constraints(poetry: str, pep440: str | None) -> None:
    assert to_pep440(poetry) == pep440
