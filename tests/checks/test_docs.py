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
            {
                "docs/conf.py": 'project = "p"\nextensions += ["sphinx_automodapi.automodapi"]\n',
                "docs/api.rst": ".. automodapi:: petrofit\n",
            },
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


# ---------------------------------------------------------------------- DOC503 tutorial
@pytest.mark.parametrize(
    "files",
    [
        {"docs/conf.py": PLAIN_CONF, "docs/tutorial.md": "# Walk through\n"},
        {"docs/conf.py": PLAIN_CONF, "docs/getting-started.rst": "Start\n=====\n"},
        {"docs/conf.py": PLAIN_CONF, "docs/index.md": "# Example\n\n## Quickstart\n\n```python\n```\n"},
        {"docs/conf.py": PLAIN_CONF, "docs/index.rst": "Example\n=======\n\nUsage\n-----\n\nCall it.\n"},
        {"docs/conf.py": PLAIN_CONF, "docs/lakes.ipynb": "{}"},
        {"docs/conf.py": 'extensions = ["sphinx_gallery.gen_gallery"]\n', "docs/index.rst": "x"},
        {"mkdocs.yml": MKDOCS, "docs/index.md": "# Example\n", "examples/fit_lake.py": "print(1)\n"},
    ],
)
def test_tutorial_present(files: dict[str, str]) -> None:
    assert compute("DOC503", files).status == "passed"


def test_tutorial_missing() -> None:
    finding = compute("DOC503", {"docs/conf.py": PLAIN_CONF, "docs/index.md": "# Example\n\n## API\n"})
    assert finding.status == "failed"
    assert finding.path == "docs"


def test_tutorial_skipped_without_docs() -> None:
    assert compute("DOC503", {"README.md": "# x\n"}).status == "skipped"


# ---------------------------------------------------------------------- DOC504 docstrings
PKG = "src/example_pkg/"


def test_docstrings_present() -> None:
    module = (
        '"""Tools."""\n\n'
        "def area(r: float) -> float:\n"
        '    """The area of a circle."""\n'
        "    return 3.14 * r * r\n\n\n"
        "async def fetch(\n    url: str,  # where: not a colon that ends the header\n"
        "    timeout: dict[str, int] = {'a': 1},\n"
        ") -> bytes:\n"
        "    r'''Fetch it.'''\n\n\n"
        "class Lake:  # a comment\n\n"
        '    """A lake."""\n\n\n'
        "def _helper():\n    pass\n"
    )
    assert compute("DOC504", {PKG + "__init__.py": "", PKG + "tools.py": module}).status == "passed"


def test_docstrings_missing_names_each_place() -> None:
    module = (
        "def area(r):\n    return r\n\n"
        "def volume(r): return r\n\n"
        'class Lake:\n    x = """not a docstring"""\n\n'
        'def documented():\n    """Yes."""\n'
    )
    finding = compute("DOC504", {PKG + "__init__.py": "", PKG + "tools.py": module})
    assert finding.status == "failed"
    assert finding.message.startswith(
        "3 of 4 public functions and classes have no docstring (25% documented)"
    )
    assert "`area` (src/example_pkg/tools.py:1)" in finding.message
    assert (finding.path, finding.line) == ("src/example_pkg/tools.py", 1)


def test_docstrings_ignore_private_tests_strings_and_follow_all() -> None:
    files = {
        PKG + "__init__.py": (
            '__all__ = ["public"]\n\ndef public():\n    """Yes."""\n\ndef hidden():\n    pass\n'
        ),
        PKG + "_internal.py": "def f():\n    pass\n",
        PKG + "tests/test_x.py": "def test_a():\n    pass\n",
        PKG + "vendor/lib.py": "def g():\n    pass\n",
        PKG + "text.py": '"""Example:\n\ndef not_code():\n    pass\n"""\n\ndef real():\n    """Yes."""\n',
        PKG + "typed.py": (
            "from typing import overload\n\n@overload\ndef f(x: int) -> int: ...\n"
            '@overload\ndef f(x: str) -> str: ...\ndef f(x):\n    """Both."""\n    return x\n'
        ),
    }
    assert compute("DOC504", files).status == "passed"


def test_docstrings_skip_without_public_api() -> None:
    assert compute("DOC504", {PKG + "__init__.py": "X = 1\n"}).status == "skipped"


def _init_documented(node: object) -> bool:
    import ast

    if not isinstance(node, ast.ClassDef):
        return False
    inits = [n for n in ast.walk(node) if isinstance(n, ast.FunctionDef) and n.name == "__init__"]
    return bool(inits) and ast.get_docstring(inits[0], clean=False) is not None


def test_docstring_reader_agrees_with_ast_on_the_standard_library() -> None:
    import ast
    import os
    from pathlib import Path

    from sciship.checks._docstrings import definitions

    stdlib = Path(os.__file__).parent
    for path in sorted(stdlib.glob("*.py"))[:120]:
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        expected = [
            (n.name, n.lineno, ast.get_docstring(n, clean=False) is not None or _init_documented(n))
            for n in tree.body
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        ]
        got = [(d.name, d.line, d.documented) for d in definitions(text, path.name)]
        assert got == expected, path.name


def test_class_documented_in_its_init_counts() -> None:
    module = (
        "class Trajectory:\n    def __init__(self, df):\n        '''A moving object's track.'''\n\n"
        "class Bare:\n    def __init__(self):\n        pass\n\n"
        'def helper():\n    """Yes."""\n'
    )
    finding = compute("DOC504", {PKG + "__init__.py": "", PKG + "traj.py": module})
    assert finding.message.startswith("1 of 3 public functions and classes")
    assert "`Bare`" in finding.message


def test_docstrings_eight_in_ten_pass() -> None:
    documented = "".join(f'def f{i}():\n    """Yes."""\n\n' for i in range(4))
    module = documented + "def undocumented():\n    pass\n"
    assert compute("DOC504", {PKG + "__init__.py": "", PKG + "tools.py": module}).status == "passed"


# ---------------------------------------------------------------------- shapes from reviewed packages
def test_tutorial_in_an_included_readme() -> None:
    """nbless: docs/source/readme.rst includes README.rst, whose Usage section is the walk-through."""
    files = {
        "docs/source/conf.py": PLAIN_CONF,
        "docs/source/index.rst": (
            "Welcome to Nbless\n=================\n\n.. toctree::\n\n   readme.rst\n"
        ),
        "docs/source/readme.rst": ".. include:: ../../README.rst\n",
        "README.rst": "Nbless\n======\n\nInstallation\n------------\n\npip install nbless\n\n"
        "Usage\n-----\n\n``nbuild`` makes a notebook from source files.\n",
    }
    assert compute("DOC503", files).status == "passed"


def test_tutorial_in_docs_kept_in_man() -> None:
    """plot_phylo: the Sphinx sources live in man/, with man/pages/quickstart.md."""
    files = {
        "man/conf.py": PLAIN_CONF,
        "man/index.md": "# plot_phylo\n",
        "man/pages/quickstart.md": "# Quickstart\n\n```python\nimport plot_phylo\n```\n",
    }
    assert compute("DOC503", files).status == "passed"
    del files["man/pages/quickstart.md"]
    finding = compute("DOC503", files)
    assert finding.status == "failed"
    assert "`man/`" in finding.message


def test_example_notebooks_in_sub_folders() -> None:
    """astartes: examples/<topic>/<notebook>.ipynb."""
    files = {
        "docs/conf.py": PLAIN_CONF,
        "docs/index.rst": "astartes\n========\n",
        "examples/README.md": "# Examples\n",
        "examples/split_comparisons/split_comparisons.ipynb": "{}",
    }
    assert compute("DOC503", files).status == "passed"


def test_docstrings_the_package_really_has() -> None:
    """Streamlit pages are not modules; fixtures and mocks are test helpers; `__doc__ = ...` and a
    docstring-writing decorator document; the API re-exported from private modules counts."""
    undocumented = "def run():\n    pass\n"
    files = {
        PKG + "__init__.py": '"""Ex."""\nfrom ._core import Lake, River\n\n__all__ = ["Lake", "River"]\n',
        PKG + "_core.py": 'class Lake:\n    """A lake."""\n\n\nclass River:\n    """A river."""\n\n\n'
        "class Helper:\n    pass\n",
        PKG + "ui/pages/1_Normality_Test.py": undocumented,
        PKG + "fixtures.py": undocumented * 3,
        PKG + "mock/mock_result.py": undocumented,
        PKG + "paths.py": (
            "def get_config_dir():\n    return '.'\n\n\nget_config_dir.__doc__ = 'The folder.'\n"
        ),
        PKG + "widgets.py": "from ._core import Helper\n\n\n"
        '@_add_docstring(\n    "A dropdown to pick a layer.",\n    replace_with=Helper,\n)\n'
        "class LayerDropdown(Helper):\n    kind = 1\n",
    }
    assert compute("DOC504", files).status == "passed"
    files[PKG + "tools.py"] = undocumented + "\n\ndef walk():\n    pass\n"
    finding = compute("DOC504", files)
    assert finding.status == "failed"
    assert finding.message.startswith("2 of 6 ")  # Lake, River, get_config_dir, LayerDropdown; run, walk
    assert "Helper" not in finding.message  # used by widgets.py, not re-exported


def test_docstrings_of_a_compiled_package_are_not_counted() -> None:
    """PyPartMC: the API is a compiled extension; Python holds one helper function."""
    files = {
        "src/pypartmc.cpp": "// nanobind module with docstrings\n",
        "src/PyPartMC/__init__.py": "def cmake_dir():\n    return '.'\n",
    }
    finding = compute("DOC504", files)
    assert finding.status == "skipped"
    assert "compiled" in finding.message
