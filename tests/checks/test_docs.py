"""Documentation: a site generator, an API reference, and a place where the docs are built."""

from __future__ import annotations

import pytest

from helpers import GOOD_PYPROJECT, compute

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


SPHINX_CONF = 'project = "x"\nextensions = ["sphinx.ext.autodoc"]\n'


@pytest.mark.parametrize(
    ("files", "tool"),
    [
        pytest.param(
            {"docs_source/conf.py": SPHINX_CONF, "docs_source/index.rst": "x"}, "sphinx", id="phenopype"
        ),
        pytest.param({"man/conf.py": SPHINX_CONF, "man/index.rst": "x"}, "sphinx", id="plot_phylo"),
        pytest.param({"sphinx/conf.py": SPHINX_CONF, "sphinx/index.rst": "x"}, "sphinx", id="devicely"),
        pytest.param({"docs/_quarto.yml": "project:\n  type: website\n"}, "quarto", id="great-tables"),
        pytest.param(
            {"book/_config.yml": "title: x\n", "book/_toc.yml": "root: intro\n"}, "jupyter-book", id="jb"
        ),
        pytest.param(
            {".github/workflows/pdoc.yml": "jobs:\n  d:\n    steps:\n      - run: pdoc -o html pkg\n"},
            "pdoc",
            id="PyPartMC",
        ),
        pytest.param({"docs/index.html": "<html>", "docs/_static/basic.css": ""}, "built", id="built site"),
    ],
)
def test_docs_found_where_projects_keep_them(files: dict[str, str], tool: str) -> None:
    from sciship.checks.docs import docs_tool
    from sciship.project import Project

    assert compute("DOC500", files).status == "passed"
    found = docs_tool(Project.from_files(files))
    assert found is not None
    assert found[0] == tool


def test_docs_hosted_elsewhere_pass_with_a_note() -> None:
    pyproject = GOOD_PYPROJECT  # links Documentation = "https://example-pkg.readthedocs.io"
    finding = compute("DOC500", {"pyproject.toml": pyproject})
    assert finding.status == "passed"
    assert "readthedocs" in finding.message


@pytest.mark.parametrize(
    "files",
    [
        pytest.param(
            {
                "mkdocs.yml": "site_name: bibat\nplugins:\n  - mkdocstrings\n",
                "docs/api.md": "## ::: bibat.util\n",
            },
            id="mkdocstrings after a heading (bibat)",
        ),
        pytest.param(
            {"docs/conf.py": 'project = "p"\nextensions += ["sphinx_automodapi.automodapi"]\n',
             "docs/api.rst": ".. automodapi:: petrofit\n"},
            id="automodapi (petrofit)",
        ),
        pytest.param(
            {"docs/_quarto.yml": "project:\n  type: website\nquartodoc:\n  package: great_tables\n"},
            id="quartodoc (great-tables)",
        ),
        pytest.param(
            {
                "mkdocs.yml": "site_name: a\n",
                "docs/index.md": "# a\n",
                "build_docs.sh": "pdoc ./afscgap -o site\n",
            },
            id="pdoc next to mkdocs (afscgap)",
        ),
    ],
)
def test_api_reference_found(files: dict[str, str]) -> None:
    assert compute("DOC501", files).status == "passed"
