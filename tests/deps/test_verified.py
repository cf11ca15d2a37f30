"""Findings checked by hand on pyOpenSci-reviewed packages (issue 12, section 4): the shapes behind the
verdicts in benchmarks/data/peer_reviewed_verdicts.csv that a fix changed. Each fixture copies what the
real package does (named in the test's docstring); what other packages require comes from sciship's table
of PyPI metadata (src/sciship/imports/data/requires.json), as it does for a user without those installed."""

from __future__ import annotations

from depskit import pyproject, verdicts

from helpers import compute

SETUP_CFG = (
    "[metadata]\nname = omics\nversion = 0.1\n\n[options]\npackages = omics\n"
    "install_requires = file: requirements.txt\n"
)


# ---------------------------------------------------------------------- local code that is not there
def test_a_deleted_module_is_not_local_because_a_docs_folder_has_its_name() -> None:
    """C4dynamics: `from programs._mtracks import ...` in a shipped module; `programs/` exists only as a
    folder of notebooks in the docs, which Sphinx's conf.py puts on sys.path."""
    files = {
        "pyproject.toml": pyproject(["numpy"]),
        "src/rain/__init__.py": "import numpy\n",
        "src/rain/plottracks.py": "from programs._mtracks import mTracks\n",
        "docs/source/conf.py": "import sys, os\nsys.path.insert(0, os.path.abspath('.'))\nproject = 'rain'\n",
        "docs/source/programs/dof6_modules.py": "import numpy\n",
        "docs/source/programs/dof6sim.ipynb": "{}",
        "docs/source/make_figs.py": "from programs import dof6_modules\n",
    }
    v = verdicts(files)
    assert v["programs"].status == "unresolved"
    assert v["programs"].scopes == ("runtime",)
    assert v["programs"].suggestions == ()  # not "did you mean `programs`"
    assert compute("DEP905", files).status == "failed"
    # the docs' own script, which conf.py's sys.path serves, still finds docs/source/programs
    assert v["programs"].files == ("src/rain/plottracks.py",)
    with_module = {**files, "tools/programs/_mtracks.py": "class mTracks: ...\n"}
    assert "programs" not in verdicts(with_module)  # a folder somewhere that does hold it: local code


# ---------------------------------------------------------------------- declared, never imported
def test_a_web_server_run_by_a_procfile_is_not_unused() -> None:
    """OpenOmics: gunicorn serves the Dash app (Procfile `web: gunicorn app:server`); setup.cfg reads the
    requirements file; dash-daq is really unused."""
    files = {
        "setup.cfg": SETUP_CFG,
        "requirements.txt": "dash\ngunicorn\ndash-daq\n",
        "Procfile": "web: gunicorn app:server --workers 4\n",
        "omics/__init__.py": "import dash\n",
    }
    v = verdicts(files)
    assert v["gunicorn"].plugin == "web server"
    finding = compute("DEP901", files)
    assert finding.status == "failed"
    assert "`dash-daq`" in finding.message
    assert "gunicorn" not in finding.message
    assert finding.message.startswith("setup.cfg (from requirements.txt) declares")


def test_a_version_limit_on_what_a_dependency_installs_is_not_unused() -> None:
    """pooltool: `llvmlite>=0.44.0,<0.46` (numba requires llvmlite) picks the version numba gets;
    physcraper: `numpy` without a limit, which pandas installs anyway, is really unused."""
    files = {
        "pyproject.toml": pyproject(["numba>=0.59", "llvmlite>=0.44.0,<0.46", "pandas", "numpy"]),
        "src/rain/__init__.py": "import numba\nimport pandas\n",
    }
    v = verdicts(files)
    assert v["llvmlite"].maybe_used_by == "numba"
    assert v["numpy"].maybe_used_by is None
    finding = compute("DEP901", files)
    assert "declares `numpy`" in finding.message
    assert "`llvmlite` (numba requires it and your limit `>=0.44.0,<0.46` picks its version)" in (
        finding.message
    )


def test_a_solver_chosen_by_name_is_not_unused() -> None:
    """solar-data-tools: `problem.solve(solver="CLARABEL")` loads the declared clarabel through cvxpy."""
    files = {
        "pyproject.toml": pyproject(["cvxpy", "clarabel", "keyring"]),
        "src/rain/__init__.py": "import cvxpy\n\n\ndef fit(p):\n    return p.solve(solver='CLARABEL')\n",
    }
    v = verdicts(files)
    assert v["clarabel"].maybe_used_by == "its name in your code"
    assert v["keyring"].maybe_used_by is None
    finding = compute("DEP901", files)
    assert "declares `keyring`" in finding.message
    assert "`clarabel` (your code names it: `'CLARABEL'` in `src/rain/__init__.py`)" in finding.message


def test_standard_library_names_declared_as_dependencies_are_explained() -> None:
    """physcraper: `argparse` and `configparser` (Python 2 backports) declared; the code imports the
    standard modules."""
    files = {
        "pyproject.toml": pyproject(["argparse", "configparser", "requests"]),
        "src/rain/__init__.py": "import argparse\nimport configparser\nimport requests\n",
    }
    finding = compute("DEP901", files)
    assert "declares `argparse`, `configparser`" in finding.message
    assert "are also names of modules of Python's standard library" in finding.message


def test_an_option_of_a_declared_library_known_only_by_its_declaration() -> None:
    """PyAutoGalaxy: `nautilus-sampler` is what autofit's `optional` extra installs; autofit's import name
    is its distribution name (no curated entry), and autofit is declared."""
    files = {
        "pyproject.toml": pyproject(["autofit", "nautilus-sampler==1.0.5"]),
        "src/rain/__init__.py": "import autofit as af\n",
    }
    assert verdicts(files)["nautilus-sampler"].maybe_used_by == "autofit"
    assert compute("DEP901", files).status == "passed"


# ---------------------------------------------------------------------- test-only, used without import
def test_a_library_whose_objects_the_package_is_given() -> None:
    """plot_phylo: draws on a matplotlib Axes passed in (`ax : matplotlib.axes._axes.Axes`); only the
    tests import matplotlib. A link to matplotlib.org alone does not count."""
    body = '"""Plot a tree."""\n\n\ndef plot_phylo(tree, ax):\n    """Draw.\n\n    ax : {}\n    """\n'
    files = {
        "pyproject.toml": pyproject(["matplotlib"]),
        "src/rain/__init__.py": body.replace("{}", "matplotlib.axes._axes.Axes, an open axis"),
        "tests/test_plot.py": "import matplotlib.pyplot as plt\n",
    }
    v = verdicts(files)
    assert v["matplotlib"].status == "ok"
    assert "matplotlib.axes._axes.Axes" in (v["matplotlib"].note or "")
    assert compute("DEP902", files).status == "passed"
    files["src/rain/__init__.py"] = body.replace("{}", "see https://matplotlib.org/stable/api.html")
    assert verdicts(files)["matplotlib"].status == "misplaced"


# ---------------------------------------------------------------------- what dependencies install
def test_an_extra_of_a_declared_dependency_installs_the_import() -> None:
    """PyAutoGalaxy: the `jax` extra lists `autoconf[jax]`, whose own `jax` extra installs jax; a function
    imports jax. sunpy: `fsspec[s3]` in an extra does not make aiohttp come through the runtime fsspec."""
    files = {
        "pyproject.toml": pyproject(
            ["autoarray", "fsspec", "parfive"],
            extras='\n[project.optional-dependencies]\njax = ["autoconf[jax]"]\ns3 = ["fsspec[s3]"]\n',
        ),
        "src/rain/__init__.py": "import autoarray\nimport fsspec\nimport parfive\nimport aiohttp\n\n\n"
        "def grid():\n    import jax.numpy as jnp\n    return jnp\n",
    }
    v = verdicts(files)
    assert v["jax"].status == "indirect"
    assert v["jax"].through == ("autoconf", "jax")
    assert v["jax"].extra == "jax"
    assert v["aiohttp"].through == ("parfive", "aiohttp")
    assert compute("DEP906", files).status == "passed"


def test_a_top_level_import_no_declared_dependency_installs() -> None:
    """pyMultiFit: `import deprecated` in `__init__.py`; custom-inherit and mpyez (declared) do not
    require it (their metadata is in sciship's table), so importing the package fails."""
    files = {
        "pyproject.toml": pyproject(["numpy", "matplotlib", "scipy", "custom-inherit", "mpyez"]),
        "src/rain/__init__.py": "import numpy\nfrom deprecated import deprecated\n",
    }
    v = verdicts(files)
    assert v["deprecated"].status == "missing"
    assert v["deprecated"].maybe_through == ()
    assert compute("DEP900", files).status == "failed"
