"""Documentation: a site generator, an API reference, and a place where the docs are built."""

from __future__ import annotations

import pytest

from helpers import compute

SPHINX_CONF = 'project = "example"\nextensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon"]\n'
PLAIN_CONF = 'project = "example"\nextensions = ["myst_parser"]\n'
MKDOCS = "site_name: example\nplugins:\n  - search\n  - mkdocstrings\n"


@pytest.mark.parametrize(
    "files",
    [
        {"docs/conf.py": SPHINX_CONF, "docs/index.rst": "Example"},
        {"docs/source/conf.py": SPHINX_CONF},
        {"mkdocs.yml": MKDOCS, "docs/index.md": "# Example"},
        {"docs/_config.yml": "title: Example\n", "docs/_toc.yml": "root: intro\n"},
    ],
)
def test_docs_present(files: dict[str, str]) -> None:
    assert compute("DOC500", files).status == "passed"


def test_docs_folder_without_generator() -> None:
    finding = compute("DOC500", {"docs/notes.md": "# Notes"})
    assert finding.status == "failed"
    assert finding.path == "docs"
    assert "mkdocs.yml" in finding.message


def test_no_docs() -> None:
    finding = compute("DOC500", {"README.md": "x"})
    assert finding.status == "failed"
    assert "no documentation" in finding.message


@pytest.mark.parametrize(
    "files",
    [
        {"docs/conf.py": SPHINX_CONF},
        {"docs/conf.py": 'extensions = ["autoapi.extension"]\n'},
        {"docs/conf.py": PLAIN_CONF, "docs/api.rst": "API\n===\n\n.. automodule:: example\n   :members:\n"},
        {"docs/conf.py": PLAIN_CONF, "docs/api.md": "```{autofunction} example.area\n```\n"},
        {"mkdocs.yml": MKDOCS, "docs/reference.md": "# Reference\n\n::: example.core\n"},
        {"mkdocs.yml": MKDOCS + "  - gen-files:\n      scripts: [docs/gen_ref.py]\n", "docs/index.md": "x"},
    ],
)
def test_api_reference_present(files: dict[str, str]) -> None:
    assert compute("DOC501", files).status == "passed"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"docs/conf.py": PLAIN_CONF, "docs/index.md": "# Example\n\nUse `area()`.\n"}, "autodoc"),
        ({"mkdocs.yml": MKDOCS, "docs/index.md": "# Example\n"}, "mkdocstrings"),
    ],
)
def test_api_reference_missing(files: dict[str, str], expected: str) -> None:
    finding = compute("DOC501", files)
    assert finding.status == "failed"
    assert expected in finding.message


def test_api_reference_skipped_without_docs() -> None:
    assert compute("DOC501", {"README.md": "x"}).status == "skipped"


@pytest.mark.parametrize(
    "files",
    [
        {".readthedocs.yaml": "version: 2\n"},
        {".github/workflows/docs.yml": "jobs:\n  d:\n    steps:\n      - run: sphinx-build -W docs out\n"},
        {".github/workflows/docs.yml": "jobs:\n  d:\n    steps:\n      - run: mkdocs gh-deploy --force\n"},
        {".github/workflows/ci.yml": "jobs:\n  d:\n    steps:\n      - run: nox -s docs\n"},
    ],
)
def test_docs_built(files: dict[str, str]) -> None:
    assert compute("DOC502", {"mkdocs.yml": MKDOCS, **files}).status == "passed"


def test_docs_not_built() -> None:
    files = {
        "mkdocs.yml": MKDOCS,
        ".github/workflows/tests.yml": "jobs:\n  t:\n    steps:\n      - run: pytest\n",
    }
    finding = compute("DOC502", files)
    assert finding.status == "failed"
    assert ".readthedocs.yaml" in finding.message
