"""Packages that passed peer review (issue 12, section 0): dependencies declared elsewhere, provided
transitively, imported lazily or under a guard, declared under an alias, or used through another
library's option. The fixtures copy the shapes found in real reviewed packages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from depskit import on_disk, pyproject, report, verdicts

from helpers import compute
from sciship.imports import analyze, plan_write
from sciship.imports.declared import poetry_requirement, poetry_specifier
from sciship.plan import Plan
from sciship.project import Project

BUILD = '[build-system]\nrequires = ["setuptools>=64"]\nbuild-backend = "setuptools.build_meta"\n\n'


# ---------------------------------------------------------------------- declared elsewhere
def test_setuptools_dynamic_dependencies_from_a_file() -> None:
    files = {
        "pyproject.toml": BUILD + '[project]\nname = "wq"\nversion = "1.0"\ndynamic = ["dependencies", '
        '"optional-dependencies"]\n\n[tool.setuptools.dynamic]\n'
        'dependencies = {file = ["requirements.txt"]}\n'
        'optional-dependencies.plot = {file = ["requirements-plot.txt"]}\n',
        "requirements.txt": "geopandas>=0.12\ndataretrieval\n",
        "requirements-plot.txt": "matplotlib\n",
        "wq/__init__.py": "import geopandas\nimport dataretrieval\n",
        "wq/plot.py": "import matplotlib\n",
    }
    v = verdicts(files)
    assert {k: d.status for k, d in v.items()} == {
        "geopandas": "ok",
        "dataretrieval": "ok",
        "matplotlib": "ok",
    }
    assert v["geopandas"].declared == ("project.dependencies",)
    assert v["matplotlib"].declared == ("project.optional-dependencies.plot",)
    assert compute("DEP900", files).status == "passed"


def test_hatch_requirements_txt_hook() -> None:
    files = {
        "pyproject.toml": '[build-system]\nrequires = ["hatchling", "hatch-requirements-txt"]\n'
        'build-backend = "hatchling.build"\n\n[project]\nname = "rain"\nversion = "1.0"\n'
        'dynamic = ["dependencies"]\n\n[tool.hatch.metadata.hooks.requirements_txt]\n'
        'files = ["requirements.txt"]\n',
        "requirements.txt": "numpy\nxarray  # gridded data\n",
        "src/rain/__init__.py": "import numpy\nimport xarray\n",
    }
    assert {k: d.status for k, d in verdicts(files).items()} == {"numpy": "ok", "xarray": "ok"}


def test_setup_cfg_install_requires_from_a_file() -> None:
    files = {
        "setup.cfg": "[metadata]\nname = omics\n\n[options]\npackages = omics\n"
        "install_requires = file: requirements.txt\n",
        "requirements.txt": "numpy\npandas\n",
        "omics/__init__.py": "import numpy, pandas\n",
    }
    assert {k: d.status for k, d in verdicts(files).items()} == {"numpy": "ok", "pandas": "ok"}


POETRY = """[tool.poetry]
name = "blocking"
version = "0.1.0"
description = "Record linkage"

[tool.poetry.dependencies]
python = "^3.10"
numpy = "^1.24"
pandas = {version = "~2.1", extras = ["performance"]}
annoy = {version = "^1.17", optional = true}

[tool.poetry.extras]
ann = ["annoy"]

[tool.poetry.group.dev.dependencies]
pytest = "^8.0"

[build-system]
requires = ["poetry-core"]
build-backend = "poetry.core.masonry.api"
"""


def test_poetry_dependencies_extras_and_groups() -> None:
    files = {
        "pyproject.toml": POETRY,
        "blocking/__init__.py": "import numpy\nimport pandas\n",
        "blocking/ann.py": "import annoy\n",
        "tests/test_x.py": "import pytest\n",
    }
    r = report(files)
    by = {d.distribution: d for d in r.dependencies}
    assert {k: d.status for k, d in by.items()} == {
        "numpy": "ok",
        "pandas": "ok",
        "annoy": "ok",
        "pytest": "ok",
    }
    assert by["annoy"].declared == ("tool.poetry.extras.ann",)
    assert by["pytest"].declared == ("tool.poetry.group.dev",)
    assert r.packaged
    assert r.requires_python.declared == ">=3.10,<4.0"
    assert compute("DEP900", files).status == "passed"


@pytest.mark.parametrize(
    ("spec", "pep440"),
    [
        ("^1.2.3", ">=1.2.3,<2.0.0"),
        ("^0.2.3", ">=0.2.3,<0.3.0"),
        ("^0.0.3", ">=0.0.3,<0.0.4"),
        ("~1.2.3", ">=1.2.3,<1.3.0"),
        ("~1.2", ">=1.2,<1.3"),
        ("1.2.*", "==1.2.*"),
        ("*", ""),
        (">= 1.2, < 1.5", ">=1.2,<1.5"),
        ("1.4.2", "==1.4.2"),
        ("^1.0 || ^2.0", ""),  # PEP 440 has no "or": keep the name only
    ],
)
def test_poetry_constraints_in_pep_440(spec: str, pep440: str) -> None:
    assert poetry_specifier(spec) == pep440


def test_poetry_python_restriction_and_a_declared_fallback_backport() -> None:
    assert (
        poetry_requirement("importlib-metadata", {"version": "^1.0", "python": "<3.8"})
        == 'importlib-metadata>=1.0,<2.0; python_version < "3.8"'
    )
    files = {
        "pyproject.toml": POETRY.replace(
            "[tool.poetry.extras]",
            'importlib-metadata = {version = "^1.0", python = "<3.8"}\n\n[tool.poetry.extras]',
        ),
        "blocking/__init__.py": "import numpy, pandas\ntry:\n    import importlib.metadata as md\n"
        "except ModuleNotFoundError:\n    import importlib_metadata as md\n",
    }
    assert compute("DEP901", files).status == "passed"


def test_poetry_dict_and_git_dependencies() -> None:
    assert (
        poetry_requirement("requests", {"version": "^2.28", "extras": ["socks"]})
        == "requests[socks]>=2.28,<3.0"
    )
    assert poetry_requirement("mylib", {"git": "https://example.org/mylib.git"}) == "mylib"


# ---------------------------------------------------------------------- provided transitively
def test_works_today_through_a_declared_dependency_is_important_not_a_blocker() -> None:
    files = {
        "pyproject.toml": pyproject(["geopandas", "pooch"]),
        "src/rain/__init__.py": "import geopandas\nimport shapely\nimport requests\nimport pooch\n",
    }
    v = verdicts(files)
    assert v["shapely"].status == "indirect"
    assert v["shapely"].through == ("geopandas", "shapely")
    assert "works today through geopandas" in (v["shapely"].note or "")
    assert v["requests"].through[0] == "pooch"
    assert compute("DEP900", files).status == "passed"
    dep907 = compute("DEP907", files)
    assert dep907.status == "failed"
    assert "works today through geopandas" in dep907.message
    assert "ModuleNotFoundError" not in dep907.message


def test_through_a_dependency_sciship_cannot_read_is_not_a_blocker() -> None:
    files = {
        "pyproject.toml": pyproject(["autoarray-not-in-any-table"]),
        "src/rain/__init__.py": "import numpy\n",
    }
    v = verdicts(files)
    assert v["numpy"].status == "missing"
    assert v["numpy"].maybe_through == ("autoarray-not-in-any-table",)
    assert compute("DEP900", files).status == "passed"
    assert "may come with autoarray-not-in-any-table" in compute("DEP907", files).message


def test_installed_metadata_decides_first(tmp_path: Path) -> None:
    """pytest is installed where the tests run: its own metadata says it requires pluggy."""
    root = tmp_path / "proj"
    (root / "src" / "rain").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "pyproject.toml").write_text(
        pyproject(["numpy"], groups='[dependency-groups]\ntest = ["pytest"]\n'), encoding="utf-8"
    )
    (root / "src" / "rain" / "__init__.py").write_text("import numpy\n", encoding="utf-8")
    (root / "tests" / "test_hooks.py").write_text("import pytest\nimport pluggy\n", encoding="utf-8")
    v = {d.name: d for d in analyze(Project.load(root), cache=False).dependencies}
    assert v["pluggy"].status == "indirect"
    assert "installed metadata" in (v["pluggy"].note or "")


@pytest.mark.slow
def test_a_virtual_environment_inside_the_project_is_read(tmp_path: Path) -> None:
    """A real package built and installed into the project's own .venv decides what it brings."""
    lib = tmp_path / "labcore"
    (lib / "labcore").mkdir(parents=True)
    (lib / "labcore" / "__init__.py").write_text("", encoding="utf-8")
    (lib / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n'
        '[project]\nname = "labcore"\nversion = "1.0"\ndependencies = ["tabulate"]\n',
        encoding="utf-8",
    )
    root = tmp_path / "proj"
    (root / "src" / "rain").mkdir(parents=True)
    (root / "pyproject.toml").write_text(pyproject(["labcore"]), encoding="utf-8")
    (root / "src" / "rain" / "__init__.py").write_text("import labcore\nimport tabulate\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root / ".venv")], check=True)
    site = next((root / ".venv" / "lib").glob("python3*/site-packages"))
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(lib)], check=True
    )
    wheel = next(wheels.glob("labcore-*.whl"))
    subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "--target", str(site), str(wheel)], check=True
    )
    v = {d.name: d for d in analyze(Project.load(root), cache=False).dependencies}
    assert v["tabulate"].status == "indirect"
    assert v["tabulate"].through == ("labcore", "tabulate")


# ---------------------------------------------------------------------- lazy and guarded imports
LAZY = {
    "pyproject.toml": pyproject(
        ["numpy"],
        extras='[project.optional-dependencies]\nplot = ["matplotlib"]\n',
        groups='[dependency-groups]\ndocs = ["sphinx", "pooch"]\n',
    ),
    "src/rain/__init__.py": "import numpy\n",
    "src/rain/plot.py": (
        "def show(x):\n    import matplotlib.pyplot as plt\n    import seaborn\n    return plt\n"
    ),
    "src/rain/data.py": "def fetch():\n    import pooch\n    return pooch\n",
    "src/rain/fast.py": "try:\n    import numba\nexcept ImportError:\n    numba = None\n",
}


def test_imports_inside_functions_are_never_a_blocker() -> None:
    v = verdicts(LAZY)
    assert v["matplotlib"].status == "ok"  # the plot extra provides it
    assert v["seaborn"].status == "missing"
    assert v["seaborn"].scopes == ("lazy",)
    assert v["pooch"].status == "optional"
    assert "docs" in (v["pooch"].note or "")
    assert v["pooch"].extra == "pooch"  # no extra lists a library imported next to it: one of its own
    assert v["numba"].status == "optional"
    assert compute("DEP900", LAZY).status == "passed"
    dep906 = compute("DEP906", LAZY)
    assert dep906.status == "failed"
    assert "`seaborn`" in dep906.message
    assert "Importing the package works" in dep906.message
    dep904 = compute("DEP904", LAZY)
    assert dep904.status == "failed"
    assert "`numba`" in dep904.message
    assert "`pooch`" in dep904.message


def test_fix_never_adds_a_lazy_or_guarded_import_to_the_runtime_list(tmp_path: Path) -> None:
    project = on_disk(tmp_path, LAZY)
    report_ = analyze(project, cache=False)
    plan = Plan(project.root)
    plan_write(project, report_, plan, targets=("runtime",))
    assert not plan  # nothing for [project] dependencies
    assert any("`seaborn`" in note and "only inside functions" in note for note in plan.notes)
    plan = Plan(project.root)
    plan_write(project, report_, plan, targets=("optional",))
    added = [line for line in plan.diff().splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert any("numba" in line for line in added)
    assert not any("seaborn" in line for line in added)
    assert "dependencies = [" not in "\n".join(added)


def test_function_imports_in_a_test_helper_module_are_test_scope() -> None:
    files = {
        "pyproject.toml": pyproject(
            ["numpy"], groups='[dependency-groups]\ntest = ["pytest", "matplotlib"]\n'
        ),
        "src/rain/__init__.py": "import numpy\n",
        "src/rain/helpers/testing.py": (
            "import numpy\n\n"
            "def check_figure(fig):\n    import pytest\n    import matplotlib.testing.compare\n"
        ),
    }
    v = verdicts(files)
    assert v["pytest"].scopes == ("test",)
    assert v["matplotlib"].scopes == ("test",)
    assert compute("DEP900", files).status == "passed"
    assert compute("DEP902", files).status == "passed"


def test_fallbacks_flags_vendored_code_and_build_helpers() -> None:
    files = {
        "pyproject.toml": pyproject(["numpy", "matplotlib"]),
        "src/rain/__init__.py": (
            "import numpy\n"
            "try:\n    from importlib.metadata import entry_points\n"
            "except ImportError:\n    from importlib_metadata import entry_points\n"
            "try:\n    eps = entry_points(group='rain')\nexcept TypeError:\n    import pkg_legacy_shim\n"
        ),
        "src/rain/images.py": "from rain import HAS_PIL\nif HAS_PIL:\n    from PIL import Image\n",
        "src/rain/extern/appdirs.py": "def win():\n    import win32com.shell\n",
        "src/rain/setup_package.py": "from setuptools import Extension\nimport extension_helpers\n",
        "src/rain/sphinx/directive.py": "from docutils import nodes\n",
        "src/rain/mypy.py": "from mypy.plugin import Plugin\n",
    }
    v = verdicts(files)
    assert "importlib-metadata" not in v  # a backport tried as a fallback
    assert v["pkg_legacy_shim"].scopes == ("optional",)  # a fallback in an `except` block
    assert v["pillow"].scopes == ("optional",)
    assert v["pillow"].status == "ok"  # matplotlib installs it
    assert v["pywin32"].scopes == ("optional",)
    assert "setuptools" not in v
    assert "extension-helpers" not in v
    assert v["docutils"].scopes == ("docs",)
    assert v["mypy"].scopes == ("test",)
    assert compute("DEP900", files).status == "passed"


# ---------------------------------------------------------------------- used through another library
def test_a_dependency_loaded_through_another_librarys_option_is_not_unused_for_sure() -> None:
    files = {
        "pyproject.toml": pyproject(["pandas", "scipy", "pooch", "tqdm", "toolz"]),
        "src/rain/__init__.py": "import pandas\nimport pooch\n\ndef get(url):\n"
        "    return pooch.retrieve(url, None, progressbar=True)\n",
    }
    v = verdicts(files)
    assert v["scipy"].maybe_used_by == "pandas"  # DataFrame.interpolate(method="spline")
    assert v["tqdm"].maybe_used_by == "pooch"
    assert v["toolz"].maybe_used_by is None
    result = compute("DEP901", files)
    assert result.status == "failed"
    assert result.message.startswith("pyproject.toml declares `toolz`")
    assert "not sure about `scipy` (pandas" in result.message
    assert compute("DEP901", {**files, "pyproject.toml": pyproject(["pandas", "scipy"])}).status == "passed"


def test_runtime_dependency_used_by_the_packages_testing_module_or_compiled_code() -> None:
    files = {
        "pyproject.toml": pyproject(["numpy", "filelock"]),
        "src/rain/__init__.py": "",
        "src/rain/testing/helpers.py": "import filelock\n",
        "src/rain/_core.cpp": "// nanobind arrays\n",
        "tests/test_core.py": "import numpy\n",
    }
    v = verdicts(files)
    assert v["filelock"].status == "ok"
    assert v["numpy"].status == "ok"
    assert compute("DEP902", files).status == "passed"


# ---------------------------------------------------------------------- aliases and names
def test_alias_in_pyproject_is_a_blocker_when_it_does_not_install_and_the_fix_renames_it(
    tmp_path: Path,
) -> None:
    files = {
        "pyproject.toml": pyproject(["sklearn>=1.0", "bs4", "numpy"]),
        "src/rain/__init__.py": "import sklearn\nfrom bs4 import BeautifulSoup\nimport numpy\n",
    }
    dep908 = compute("DEP908", files)
    assert dep908.status == "failed"
    assert "`sklearn` is declared: write `scikit-learn`" in dep908.message
    dep909 = compute("DEP909", files)
    assert dep909.status == "failed"
    assert "`bs4`" in dep909.message
    assert compute("DEP900", files).status == "passed"
    assert compute("DEP901", files).status == "passed"
    project = on_disk(tmp_path, files)
    from sciship.imports.write import plan_rename

    plan = Plan(project.root)
    assert plan_rename(project, analyze(project, cache=False), plan) == 2
    diff = plan.diff()
    assert '"scikit-learn>=1.0"' in diff
    assert '"beautifulsoup4"' in diff


def test_curated_names_found_by_the_benchmark() -> None:
    v = verdicts(
        {
            "pyproject.toml": pyproject(
                ["libigl", "panda3d", "panda3d-simplepbr", "sig-decomp", "matplotlib"]
            ),
            "src/rain/__init__.py": "import igl\nfrom direct.showbase import ShowBase\nimport simplepbr\n"
            "import gfosd\nimport pylab\nfrom mpl_toolkits import mplot3d\n",
        }
    )
    assert {k: d.status for k, d in v.items()} == {
        "libigl": "ok",
        "panda3d": "ok",
        "panda3d-simplepbr": "ok",
        "sig-decomp": "ok",
        "matplotlib": "ok",
    }


def test_scripts_folder_and_private_modules_unless_a_command_or_a_stub_names_them() -> None:
    files = {
        "pyproject.toml": pyproject(["numpy"]) + '\n[project.scripts]\nrain = "rain.scripts.open:cli"\n',
        "src/rain/__init__.py": "import numpy\n",
        "src/rain/scripts/open.py": "import click\n",
        "src/rain/scripts/maintain.py": "import boto3\n",
        "src/rain/_plots.py": "import matplotlib\n",
    }
    v = verdicts(files)
    assert v["click"].scopes == ("runtime",)  # the `rain` command: package code
    assert v["boto3"].scopes == ("script",)
    assert v["matplotlib"].scopes == ("script",)  # a private module nothing imports
    stubbed = {**files, "src/rain/__init__.pyi": "from ._plots import plot\n"}
    assert verdicts(stubbed)["matplotlib"].scopes == ("runtime",)  # lazy_loader-style stubs import it


def test_a_cython_module_is_local_and_unreadable_code_makes_unused_unsure() -> None:
    files = {
        "pyproject.toml": pyproject(["numpy", "platformdirs"]),
        "src/rain/__init__.py": "import numpy\nfrom rain.spa import spa_py\n",
        "src/rain/spa/spa_py.pyx": "def calc(): pass\n",
        "src/rain/spa/example.py": "from spa_py import calc\n",
        "src/rain/registry.py": "import platformdirs\n\nclass Registry[T]:\n    pass\n",
    }
    v = verdicts(files)
    assert "spa_py" not in v
    if v["platformdirs"].status == "unused":  # Python < 3.12 cannot read registry.py
        assert v["platformdirs"].maybe_used_by == "files sciship could not read"
        assert compute("DEP901", files).status == "passed"
