"""The facts a review needs that no check provides: each read statically from an in-memory project."""

from __future__ import annotations

import pytest

from helpers import GOOD_PYPROJECT, pyproject
from sciship.project import Project
from sciship.review import facts


def project(readme: str = "# x\n", **files: str) -> Project:
    return Project.from_files({"pyproject.toml": GOOD_PYPROJECT, "README.md": readme, **files})


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("https://github.com/pandera-dev/pandera/issues", "https://github.com/pandera-dev/pandera"),
        ("https://gitlab.com/a/b.git", "https://gitlab.com/a/b"),
        ("https://github.com/a/b/tree/main/docs", "https://github.com/a/b"),
        ("https://example.org/project/", "https://example.org/project"),
    ],
)
def test_repository_root(url: str, root: str) -> None:
    assert facts.repository_root(url) == root


@pytest.mark.parametrize(
    ("readme", "value"),
    [
        (
            "[![DOI](https://zenodo.org/badge/DOI/10.5281/zenodo.42.svg)](https://doi.org/10.5281/zenodo.42)",
            "10.5281/zenodo.42",
        ),
        (
            ".. |Zenodo| image:: https://zenodo.org/badge/6.svg\n   :target: https://zenodo.org/doi/10.5281/zenodo.7\n",
            "10.5281/zenodo.7",
        ),
        ("Archived at https://zenodo.org/records/123.", "10.5281/zenodo.123"),
        (
            "[![DOI](https://zenodo.org/badge/55.svg)](https://zenodo.org/badge/latestdoi/55)",
            "a Zenodo badge (the archive of every release)",
        ),
        ("Paper: https://doi.org/10.21105/joss.01234", None),
    ],
)
def test_archive_in_readme(readme: str, value: str | None) -> None:
    found = facts.doi_in_readme(project(readme))
    assert (found.value if found else None) == value


@pytest.mark.parametrize(
    ("readme", "found"),
    [
        ("```\npip install example-pkg\n```", True),
        ("```\npython -m pip install 'example_pkg[all]>=1.0'\n```", True),
        ("```\nconda install -c conda-forge example-pkg\n```", True),
        ("```\nmamba install conda-forge::example-pkg\n```", True),
        ("```\npip install -e .\n```", False),
        ("```\npip install example-pkg-extras\n```", False),
    ],
)
def test_install_by_name(readme: str, found: bool) -> None:
    names = facts.name_variants("example-pkg")
    assert (facts.install_by_name(project(readme), names) is not None) is found


def test_placeholder_version_gives_way_to_tags() -> None:
    p = Project.from_files({"pyproject.toml": pyproject(version="0.0.0"), "README.md": "# x\n"})
    assert facts.submitted_version(p) is None  # in memory: no git tags to fall back on
    assert facts.submitted_version(project()).value == "0.1.0"  # type: ignore[union-attr]


def test_readme_paragraph_skips_badges_and_headings() -> None:
    readme = (
        "# example-pkg\n\n[![PyPI](https://img.shields.io/pypi/v/x)](https://pypi.org)\n\n"
        "> A note\n\nexample-pkg **estimates** lake heat content from `temperature` profiles measured by\n"
        "moored [loggers](https://example.org).\n\n## Install\n"
    )
    found = facts.readme_paragraph(project(readme))
    assert found is not None
    assert found.value == (
        "example-pkg estimates lake heat content from temperature profiles measured by moored loggers."
    )
    assert found.line == 7


def test_optional_tools() -> None:
    p = project(
        **{".pre-commit-config.yaml": "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n"}
    )
    assert facts.linting(p).value == "ruff"  # type: ignore[union-attr]
    assert facts.type_checking(project(**{"mypy.ini": "[mypy]\n"})).value == "mypy"  # type: ignore[union-attr]
    assert facts.type_checking(project()) is None
    tooling = facts.modern_tooling(project())
    assert tooling is not None
    assert tooling.value == "Hatch (hatchling)"


def test_readme_paragraph_passes_over_copyright_surveys_and_link_definitions() -> None:
    readme = (
        "# example-pkg\n\n*Copyright 2020 Ada*\n*Released under the MIT license*\n\n"
        "[logo]: https://img.shields.io/badge/x-5-orange.svg 'Number of contributors so far'\n\n"
        "We would greatly appreciate you taking the time to fill out our user experience survey today.\n\n"
        "example-pkg estimates lake heat content from temperature profiles measured by moored loggers.\n"
    )
    found = facts.readme_paragraph(project(readme))
    assert found is not None
    assert found.value.startswith("example-pkg estimates")
