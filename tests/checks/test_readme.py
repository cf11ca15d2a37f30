"""README checks (RDM300-RDM303, RDM310-RDM314) in Markdown and reStructuredText, and the RDM300 fixer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import GOOD_PYPROJECT, compute, write_tree
from sciship.checks import get_check, run_checks
from sciship.checks.readme import load_readme
from sciship.plan import Plan
from sciship.project import Project

GOOD_MD = """\
# example-pkg

[![PyPI](https://img.shields.io/pypi/v/example-pkg.svg)](https://pypi.org/project/example-pkg/)
[![Tests](https://github.com/ada/example-pkg/actions/workflows/tests.yml/badge.svg)](https://github.com/ada/example-pkg/actions)

example-pkg computes standard errors and confidence intervals for small lake temperature data sets.

## Installation

```bash
pip install example-pkg
```

## Quickstart

```python
import example_pkg

example_pkg.standard_error([1.0, 2.0, 3.5])
```

## Citation

If you use example-pkg in your research, please cite it as described in `CITATION.cff`.

## Contributing

See [CONTRIBUTING.md](CONTRIBUTING.md) to set up a development environment.
"""

GOOD_RST = """\
===========
example-pkg
===========

|pypi| |tests|

example-pkg computes standard errors and confidence intervals for small lake temperature data sets.

Installation
============

.. code-block:: bash

   pip install example-pkg

For development, ``git clone https://github.com/ada/example-pkg`` and ``pip install -e .``.

Usage
=====

Call it on your numbers::

    import example_pkg
    example_pkg.standard_error([1.0, 2.0])

How to cite
===========

See https://doi.org/10.5281/zenodo.1234567.

.. |pypi| image:: https://img.shields.io/pypi/v/example-pkg.svg
   :target: https://pypi.org/project/example-pkg/
.. |tests| image:: https://github.com/ada/example-pkg/actions/workflows/tests.yml/badge.svg
"""

CONTENT = ("RDM310", "RDM311", "RDM312", "RDM313", "RDM314", "RDM315")


def files(
    readme: str | None = GOOD_MD, *, name: str = "README.md", pyproject: str = GOOD_PYPROJECT
) -> dict[str, str]:
    tree = {"pyproject.toml": pyproject.replace('readme = "README.md"', f'readme = "{name}"')}
    if readme is not None:
        tree[name] = readme
    return tree


@pytest.mark.parametrize(
    ("readme", "name"), [(GOOD_MD, "README.md"), (GOOD_RST, "README.rst")], ids=["md", "rst"]
)
def test_good_readme_passes_every_readme_check(readme: str, name: str) -> None:
    project = Project.from_files(files(readme, name=name))
    assert [(f.code, f.message) for f in run_checks(project, select=["readme"]) if f.status != "passed"] == []


def test_rst_headings_and_code_blocks() -> None:
    readme = load_readme(Project.from_files(files(GOOD_RST, name="README.rst")))
    assert readme is not None
    assert [(h.level, h.title) for h in readme.headings] == [
        (1, "example-pkg"),
        (2, "Installation"),
        (2, "Usage"),
        (2, "How to cite"),
    ]
    assert any("standard_error" in block.text for block in readme.code)


def test_setext_markdown_headings() -> None:
    readme = load_readme(Project.from_files(files("Title\n=====\n\nText here.\n\nUsage\n-----\n")))
    assert readme is not None
    assert [(h.line, h.level, h.title) for h in readme.headings] == [(1, 1, "Title"), (6, 2, "Usage")]


# ---------------------------------------------------------------------- declaration
def test_readme_not_declared_but_present() -> None:
    finding = compute("RDM300", files(pyproject=GOOD_PYPROJECT.replace('readme = "README.md"\n', "")))
    assert finding.status == "failed"
    assert "`README.md` exists" in finding.message
    assert finding.fixable


def test_no_readme_at_all_needs_the_author() -> None:
    finding = compute("RDM300", files(None, pyproject=GOOD_PYPROJECT.replace('readme = "README.md"\n', "")))
    assert finding.needs_author


def test_declared_readme_missing_suggests_the_real_one() -> None:
    tree = files(name="README.md")
    tree["readme.rst"] = tree.pop("README.md")
    finding = compute("RDM301", tree)
    assert finding.status == "failed"
    assert "did you mean" in finding.message
    assert "readme.rst" in finding.message


def test_readme_without_extension_needs_content_type() -> None:
    finding = compute("RDM302", files(GOOD_MD, name="README"))
    assert finding.status == "failed"
    assert "content-type" in finding.message


def test_readme_without_extension_with_content_type() -> None:
    toml = GOOD_PYPROJECT.replace(
        'readme = "README.md"', 'readme = { file = "README", content-type = "text/markdown" }'
    )
    tree = {"pyproject.toml": toml, "README": GOOD_MD}
    assert compute("RDM302", tree).status == "passed"
    assert compute("RDM314", tree).status == "passed"


def test_unknown_content_type() -> None:
    toml = GOOD_PYPROJECT.replace(
        'readme = "README.md"', 'readme = { file = "README.md", content-type = "text/md" }'
    )
    finding = compute("RDM302", {"pyproject.toml": toml, "README.md": GOOD_MD})
    assert finding.status == "failed"
    assert '"text/md"' in finding.message
    assert finding.line == 9


def test_broken_rst_reports_line() -> None:
    broken = GOOD_RST.replace("example-pkg computes", "example-pkg *computes")
    finding = compute("RDM303", files(broken, name="README.rst"))
    assert finding.status == "failed"
    assert finding.line == 7
    assert "Inline emphasis" in finding.message


def test_rst_inside_markdown() -> None:
    finding = compute("RDM303", files(GOOD_MD + "\n.. image:: logo.png\n"))
    assert finding.status == "failed"
    assert "reStructuredText" in finding.message


def test_markdown_inside_rst() -> None:
    finding = compute("RDM303", files("# Title\n\nSome text.\n", name="README.rst"))
    assert finding.status == "failed"
    assert "contains Markdown" in finding.message


# ---------------------------------------------------------------------- content
def without(text: str, start: str, end: str | None) -> str:
    """``text`` with the part from ``start`` up to (not including) ``end`` removed."""
    i = text.index(start)
    j = text.index(end, i) if end else len(text)
    return text[:i] + text[j:]


@pytest.mark.parametrize(
    ("code", "readme"),
    [
        pytest.param("RDM310", without(GOOD_MD, "example-pkg computes", "## Installation"), id="md-no-intro"),
        pytest.param("RDM311", without(GOOD_MD, "## Installation", "## Quickstart"), id="md-no-install"),
        pytest.param("RDM312", without(GOOD_MD, "## Quickstart", "## Citation"), id="md-no-example"),
        pytest.param("RDM313", without(GOOD_MD, "## Citation", None), id="md-no-citation"),
        pytest.param("RDM314", without(GOOD_MD, "[![PyPI]", "example-pkg computes"), id="md-no-badges"),
    ],
)
def test_markdown_content_missing(code: str, readme: str) -> None:
    finding = compute(code, files(readme))
    assert finding.status == "failed", finding
    assert finding.path == "README.md"


@pytest.mark.parametrize(
    ("code", "readme"),
    [
        pytest.param(
            "RDM310", without(GOOD_RST, "example-pkg computes", "Installation\n"), id="rst-no-intro"
        ),
        pytest.param("RDM311", without(GOOD_RST, "Installation\n", "Usage\n"), id="rst-no-install"),
        pytest.param("RDM312", without(GOOD_RST, "Usage\n", "How to cite"), id="rst-no-example"),
        pytest.param("RDM313", without(GOOD_RST, "How to cite", ".. |pypi|"), id="rst-no-citation"),
        pytest.param("RDM314", GOOD_RST.replace("|pypi| |tests|", ""), id="rst-no-badges"),
    ],
)
def test_rst_content_missing(code: str, readme: str) -> None:
    finding = compute(code, files(readme, name="README.rst"))
    assert finding.status == "failed", finding


def test_install_only_code_is_not_an_example() -> None:
    readme = "# pkg\n\nA tool that does one useful thing for lake data.\n\n```\n$ pip install pkg\n```\n"
    assert compute("RDM312", files(readme)).status == "failed"


def test_conda_install_and_doctest_example() -> None:
    readme = "# pkg\n\nA tool that does one useful thing for lake data.\n\n"
    readme += "    conda install -c conda-forge pkg\n\n"
    readme += "```pycon\n>>> import pkg\n```\n"
    tree = files(readme)
    assert compute("RDM311", tree).status == "passed"
    assert compute("RDM312", tree).status == "passed"


def test_intro_in_an_about_section() -> None:
    readme = "# pkg\n\n## About\n\nThis package estimates lake temperatures from satellite images.\n"
    assert compute("RDM310", files(readme)).status == "passed"


def test_html_title_and_badges() -> None:
    readme = '<h1 align="center">pkg</h1>\n<p align="center"><img src="logo.png"></p>\n\n'
    readme += "pkg estimates lake temperatures from satellite images, quickly.\n\n## Usage\n"
    tree = files(readme)
    assert compute("RDM314", tree).status == "passed"
    assert compute("RDM310", tree).status == "passed"


def test_content_checks_skip_without_readme() -> None:
    assert compute("RDM311", files(None)).status == "skipped"


# ---------------------------------------------------------------------- fixer
def test_fix_declares_the_readme(tmp_path: Path) -> None:
    toml = '[project]\nname = "example-pkg"  # keep me\nversion = "0.1.0"\n'
    write_tree(tmp_path, {"pyproject.toml": toml, "README.rst": GOOD_RST})
    project = Project.load(tmp_path)
    chk = get_check("RDM300")
    assert chk is not None
    assert chk.fixer is not None
    plan = Plan(project.root)
    chk.fixer(project, plan)
    plan.apply()
    text = (tmp_path / "pyproject.toml").read_text()
    assert 'readme = "README.rst"' in text
    assert "# keep me" in text
    (finding,) = run_checks(Project.load(tmp_path), select=["RDM300"])
    assert finding.status == "passed"


def test_intro_in_the_first_section() -> None:
    readme = "# pkg\n\n[![PyPI](https://img.shields.io/pypi/v/pkg)](https://pypi.org/project/pkg)\n\n"
    readme += "## Why pkg?\n\npkg is a library for processing geophysical data and making maps.\n"
    assert compute("RDM310", files(readme)).status == "passed"


def test_first_section_about_installing_is_not_an_intro() -> None:
    readme = "# pkg\n\n## Installation\n\nYou can install it with pip from PyPI like any other package.\n"
    assert compute("RDM310", files(readme)).status == "failed"


@given(text=st.text(alphabet=st.sampled_from("#=-`~:|*[]()!<>.\n abcdefXYZ019_"), max_size=400))
@settings(max_examples=150, deadline=None)
@pytest.mark.parametrize("name", ["README.md", "README.rst"])
def test_any_text_is_read_without_error(name: str, text: str) -> None:
    project = Project.from_files(files(text, name=name))
    for finding in run_checks(project, select=["readme"], debug=True):
        assert finding.status in {"passed", "failed", "skipped"}


def test_sphinx_role_in_rst_readme_is_explained() -> None:
    broken = GOOD_RST.replace("example-pkg computes", "example-pkg (see :ref:`api`) computes")
    finding = compute("RDM303", files(broken, name="README.rst"))
    assert finding.status == "failed"
    assert "Sphinx" in finding.message


SUNPY_LIKE = """\
=====
sunpy
=====

sunpy is a Python software package that provides fundamental tools for accessing, loading and
interacting with solar physics data in Python.

Installation
============

We recommend following the `installation guide <https://docs.sunpy.org/en/stable/guide/installation.html>`__.

Usage
=====

If you are new to ``sunpy``, the best place to start is the
`tutorial <https://docs.sunpy.org/en/stable/tutorial/index.html>`__.
"""


def test_links_to_install_guide_and_tutorial_count() -> None:
    # sunpy and astropy link to their install guide and tutorial instead of copying them
    tree = files(SUNPY_LIKE, name="README.rst")
    for code in ("RDM310", "RDM311", "RDM312"):
        finding = compute(code, tree)
        assert finding.status == "passed", (code, finding.message)
    assert "installation guide" in compute("RDM311", tree).message
    assert "tutorial" in compute("RDM312", tree).message


def test_bare_quickstart_address_counts_but_a_docs_home_does_not() -> None:
    # phenopype: a Quickstart section with a bare address; pyMultiFit: only the documentation home
    quick = (
        "# phenopype\n\nphenopype extracts phenotypic information from standardized images.\n\n"
        "## Quickstart\n\nhttps://www.phenopype.org/docs/quickstart/\n"
    )
    assert compute("RDM312", files(quick)).status == "passed"
    assert compute("RDM311", files(quick)).status == "failed"
    docs_only = (
        "# pymultifit\n\nA library to fit data with multiple fitters, for astronomers.\n\n"
        "## Documentation\n\nThe documentation is on [readthedocs](https://pymultifit.readthedocs.io).\n"
    )
    assert compute("RDM312", files(docs_only)).status == "failed"


def test_html_title_block_with_a_tagline() -> None:
    # astartes: an HTML title block whose third heading says what the package does
    readme = (
        '<h1 align="center">astartes</h1>\n<h2 align="center"><em>(as-tar-tees)</em></h2>\n'
        '<h3 align="center">Train:Validation:Test Algorithmic Sampling for Molecules and Arbitrary '
        "Arrays</h3>\n"
        "\n<p>badges</p>\n\n## Installing\n\n`pip install astartes`\n"
    )
    assert compute("RDM310", files(readme)).status == "passed"


def test_the_readme_pypi_can_show_is_read_first() -> None:
    # physcraper keeps README.Rmd (the R Markdown source) next to the README.md it renders
    tree = {"README.Rmd": "---\noutput: github_document\n---\n", "README.md": GOOD_MD}
    finding = compute("RDM311", tree)
    assert finding.status == "passed"


def test_link_address_about_getting_started() -> None:
    # OpenOmics: "[OpenOmics at a glance](https://openomics.readthedocs.io/en/latest/usage/getting-started.html)"
    readme = (
        "# OpenOmics\n\nOpenOmics is a bioinformatics API and web app for integrating multi-omics data.\n\n"
        "[OpenOmics at a glance](https://openomics.readthedocs.io/en/latest/usage/getting-started.html)\n"
    )
    assert compute("RDM312", files(readme)).status == "passed"


def test_intro_under_a_title_that_badges_push_down() -> None:
    # pint: 36 lines of badge images, then the title and its introduction
    badge = ".. image:: https://img.shields.io/b{}.svg\n    :target: https://x.org/{}\n\n"
    badges = "".join(badge.format(i, i) for i in range(12))
    readme = badges + (
        "Pint: makes units easy\n======================\n\nPint is a Python package to define, operate and "
        "manipulate physical quantities.\n"
    )
    assert compute("RDM310", files(readme, name="README.rst")).status == "passed"


# ---------------------------------------------------------------------- RDM315 development instructions
@pytest.mark.parametrize(
    "text",
    [
        "# x\n\nSee [the contributing guide](CONTRIBUTING.md).\n",
        "# x\n\n## Development\n\nAsk us.\n",
        "# x\n\n```bash\ngit clone https://github.com/ada/x\npip install -e .\n```\n",
        "# x\n\n```bash\npip install git+https://github.com/ada/x\n```\n",
        "# x\n\nRead https://x.readthedocs.io/en/latest/developer.html first.\n",
        "x\n=\n\nSee `our guide <https://x.org/contributing.html>`_.\n",
    ],
)
def test_dev_instructions_found(text: str) -> None:
    assert compute("RDM315", {"README.md": text}).status == "passed"


def test_dev_instructions_missing() -> None:
    finding = compute("RDM315", {"README.md": "# x\n\nA tool.\n\n```bash\npip install x\n```\n"})
    assert finding.status == "failed"
    assert finding.path == "README.md"


@pytest.mark.parametrize(
    ("intro", "status"),
    [
        pytest.param("An example package.", "passed", id="the-declared-description-however-short"),
        pytest.param("An example package", "passed", id="description-without-its-full-stop"),
        pytest.param("Analyse des marées côtières pour les océanographes.", "passed", id="french"),
        pytest.param("潮汐の記録を読み、整え、まとめるためのツールです。", "passed", id="japanese"),
        pytest.param("Анализ приливов и отливов для океанологов и гидрологов.", "passed", id="russian"),
        pytest.param("Work in progress", "failed", id="a-label-is-not-an-introduction"),
    ],
)
def test_intro_in_any_language_or_the_declared_description(intro: str, status: str) -> None:
    readme = f"# example-pkg\n\n{intro}\n\n## Installation\n\n```bash\npip install example-pkg\n```\n"
    assert compute("RDM310", files(readme)).status == status


# the shapes of two pyOpenSci-reviewed READMEs (felupe, martini) that point to the development install
FELUPE = (
    "# FElupe\n\n## Installation\nInstall Python, open a terminal and run\n\n```shell\n"
    "pip install felupe[all]\n```\n\nThe [documentation](https://felupe.readthedocs.io/en/stable/) covers "
    "more details, like required and optional dependencies and how to install the latest development "
    "version.\n"
)
MARTINI = (
    "MARTINI\n=======\n\nInstallation Notes\n==================\n\n.. code-block::\n\n"
    "    python3 -m pip install astromartini\n\nInstalling from github\n----------------------\n\n"
    "If you're looking for a feature under development you can browse branches_ and choose one to "
    'clone. You should then be able to do ``python3 -m pip install "martini/[optional]"``.\n'
)


def test_dev_instructions_in_reviewed_readmes() -> None:
    assert compute("RDM315", {"README.md": FELUPE}).status == "passed"
    assert compute("RDM315", {"README.rst": MARTINI}).status == "passed"


def test_latest_release_from_pypi_is_not_the_development_version() -> None:
    text = (
        "# x\n\nTo install the latest version uploaded on PyPI (https://pypi.org/project/x):\n\n"
        "    pip install x\n"
    )
    assert compute("RDM315", {"README.md": text}).status == "failed"
