"""The analysis: scopes, first-party detection, declarations and verdicts."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from depskit import pyproject, report, verdicts

from sciship.imports import analyze
from sciship.imports.analysis import file_scope
from sciship.project import Project

SRC = {"pyproject.toml": pyproject(["numpy"])}


# ---------------------------------------------------------------------- first party
def test_src_layout_package_is_first_party() -> None:
    v = verdicts(
        {
            **SRC,
            "src/rain/__init__.py": "from rain.core import x\nimport rain.util\nimport numpy\n",
            "src/rain/core.py": "from . import util\nx = 1\n",
            "src/rain/util.py": "",
        }
    )
    assert set(v) == {"numpy"}
    assert v["numpy"].status == "ok"


def test_flat_layout_package_is_first_party() -> None:
    v = verdicts({**SRC, "rain/__init__.py": "import rain.sub\nimport numpy\n", "rain/sub.py": ""})
    assert set(v) == {"numpy"}


def test_namespace_package_in_src() -> None:
    v = verdicts(
        {
            **SRC,
            "src/acme/rain/core.py": "import acme.rain.other\nimport numpy\n",
            "src/acme/rain/other.py": "",
        }
    )
    assert set(v) == {"numpy"}


def test_sibling_modules_of_scripts_and_tests_and_conftest_helpers() -> None:
    v = verdicts(
        {
            **SRC,
            "src/rain/__init__.py": "import numpy\n",
            "scripts/run.py": "import helpers\nimport numpy\n",
            "scripts/helpers.py": "",
            "tests/conftest.py": "import pytest\n",
            "tests/test_core.py": "import conftest\nfrom utils import fixture\nimport rain\nimport pytest\n",
            "tests/utils.py": "",
        }
    )
    assert set(v) == {"numpy", "pytest"}


def test_local_package_anywhere_in_the_tree() -> None:
    v = verdicts(
        {
            **SRC,
            "src/rain/__init__.py": "import numpy\n",
            "analysis/tools/labtools/__init__.py": "",
            "analysis/run.py": "import labtools\n",
        }
    )
    assert set(v) == {"numpy"}


def test_test_subfolder_named_like_a_library_is_not_that_library() -> None:
    v = verdicts(
        {
            "pyproject.toml": pyproject(["pandas"]),
            "src/rain/__init__.py": "import pandas\n",
            "tests/pandas/__init__.py": "",
            "tests/pandas/test_frames.py": "import pandas\n",
        }
    )
    assert v["pandas"].scopes == ("runtime", "test")


def test_unpackaged_folder_everything_local_is_first_party() -> None:
    v = verdicts(
        {
            "requirements.txt": "numpy\nPyYAML\n",
            "clean.py": "import numpy\nimport yaml\nimport plotting\nimport lib.stats\n",
            "plotting.py": "import matplotlib.pyplot\n",
            "lib/stats.py": "",
            "explore.ipynb": json.dumps(
                {"cells": [{"cell_type": "code", "source": "import seaborn"}], "metadata": {}}
            ),
        }
    )
    assert set(v) == {"numpy", "pyyaml", "matplotlib", "seaborn"}
    assert v["numpy"].status == "ok"
    assert v["numpy"].scopes == ("script",)
    assert v["pyyaml"].declared == ("requirements.txt",)
    assert v["seaborn"].scopes == ("notebook",)
    assert v["matplotlib"].status in {"missing", "unverified"}


# ---------------------------------------------------------------------- scopes
def test_file_scopes() -> None:
    pkg = frozenset({"src/rain/core.py", "src/rain/tests/test_core.py", "src/rain/testing/helpers.py"})
    assert file_scope("src/rain/core.py", pkg) == "runtime"
    assert file_scope("src/rain/tests/test_core.py", pkg) == "test"
    assert file_scope("src/rain/testing/helpers.py", pkg) == "runtime"  # numpy.testing-style module
    assert file_scope("tests/test_x.py", pkg) == "test"
    assert file_scope("tests/helpers.py", pkg) == "test"
    assert file_scope("docs/conf.py", pkg) == "docs"
    assert file_scope("docs/tutorial.ipynb", pkg) == "docs"
    assert file_scope("notebooks/explore.ipynb", pkg) == "notebook"
    assert file_scope("examples/plot.py", pkg) == "script"
    assert file_scope("setup.py", pkg) == "build"


def test_scopes_decide_the_verdicts() -> None:
    v = verdicts(
        {
            "pyproject.toml": pyproject(
                ["numpy", "pytest"], groups='[dependency-groups]\ntest = ["hypothesis"]\n'
            ),
            "src/rain/__init__.py": "import numpy\n",
            "tests/test_a.py": "import pytest\nimport hypothesis\nimport requests\n",
            "docs/conf.py": "import sphinx_rtd_theme\n",
            "examples/demo.py": "import matplotlib\n",
            "setup.py": "import setuptools\n",
        }
    )
    assert v["numpy"].status == "ok"
    assert v["pytest"].status == "misplaced"  # only the tests import it, declared for every user
    assert v["hypothesis"].status == "ok"
    assert v["requests"].status == "missing"
    assert v["requests"].scopes == ("test",)
    assert v["sphinx-rtd-theme"].scopes == ("docs",)
    assert v["matplotlib"].scopes == ("script",)
    assert "setuptools" not in v  # build files are not part of the comparison


# ---------------------------------------------------------------------- verdicts
def test_missing_unused_and_plugins() -> None:
    v = verdicts(
        {
            "pyproject.toml": pyproject(["numpy", "xarray", "pytest-cov", "h5netcdf"]),
            "src/rain/__init__.py": "import numpy\nimport yaml\nimport sklearn\n",
        }
    )
    assert v["pyyaml"].status == "missing"
    assert v["pyyaml"].imports == ("yaml",)
    assert v["scikit-learn"].status == "missing"
    assert v["xarray"].status == "unused"
    assert v["xarray"].plugin is None
    assert v["pytest-cov"].status == "unused"
    assert v["pytest-cov"].plugin is not None


def test_optional_typing_and_conditional() -> None:
    v = verdicts(
        {
            "pyproject.toml": pyproject(["numpy"]),
            "src/rain/__init__.py": (
                "import sys\nfrom typing import TYPE_CHECKING\nimport numpy\n"
                "try:\n    import yaml\nexcept ImportError:\n    yaml = None\n"
                "try:\n    import httplib\nexcept ImportError:\n    import http.client\n"
                "if TYPE_CHECKING:\n    import pandas\n"
                "if sys.version_info < (3, 11):\n    import importlib_metadata\n"
            ),
        }
    )
    assert v["pyyaml"].status == "optional"
    assert v["pyyaml"].scopes == ("optional",)
    assert "httplib" not in v  # the Python 2 half of a compatibility import
    assert v["pandas"].status == "ok"
    assert v["pandas"].scopes == ("typing",)
    assert v["importlib-metadata"].status == "missing"
    assert v["importlib-metadata"].marker == 'python_version < "3.11"'


def test_runtime_import_declared_only_for_developers_is_misplaced() -> None:
    v = verdicts(
        {
            "pyproject.toml": pyproject(
                [], extras='[project.optional-dependencies]\ndev = ["rich"]\nplot = ["matplotlib"]\n'
            ),
            "src/rain/__init__.py": "import rich\nimport matplotlib\n",
        }
    )
    assert v["rich"].status == "misplaced"
    assert v["matplotlib"].status == "ok"  # an extra users can ask for


def test_unknown_import_is_unresolved_without_a_guessed_name() -> None:
    v = verdicts({**SRC, "src/rain/__init__.py": "import numpy\nimport qwertyzzz\n"})
    assert v["qwertyzzz"].status == "unresolved"
    assert v["qwertyzzz"].distribution is None
    assert v["qwertyzzz"].to_json()["distribution"] is None
    assert v["qwertyzzz"].to_json()["first_seen"] == {"path": "src/rain/__init__.py", "line": 2}


def test_a_python_2_module_is_named_as_such() -> None:
    """neherlab/HIVEVO_figures: `import cPickle` was "no package sciship knows of provides it"."""
    v = verdicts({"fig.py": "import numpy\nimport cPickle\nimport urllib2\n"})
    assert v["cPickle"].status == "unresolved"
    assert "a module of Python 2's standard library" in v["cPickle"].note
    assert "(Python 3: `pickle`)" in v["cPickle"].note
    assert "(Python 3: `urllib.request`)" in v["urllib2"].note


def test_a_submodule_that_is_not_checked_out() -> None:
    """neherlab/HIVEVO_figures: `import hivevo`, a git submodule (.gitmodules) never initialised, was
    "no package sciship knows of provides it"."""
    gitmodules = (
        '[submodule "hivevo"]\n\tpath = hivevo\n\turl = https://github.com/neherlab/HIVEVO_access.git\n'
    )
    v = verdicts({".gitmodules": gitmodules, "fig.py": "import numpy\nimport hivevo\n"})
    assert v["hivevo"].status == "unresolved"
    assert "`hivevo` is a git submodule of this folder (.gitmodules)" in v["hivevo"].note
    assert "git submodule update --init" in v["hivevo"].note
    # checked out: its files are here, and the import is the folder's own module
    v = verdicts({".gitmodules": gitmodules, "fig.py": "import hivevo\n", "hivevo/__init__.py": ""})
    assert "hivevo" not in v


def test_unknown_import_matched_to_an_unused_declaration() -> None:
    v = verdicts({"pyproject.toml": pyproject(["ibis-framework"]), "src/rain/__init__.py": "import ibis\n"})
    assert set(v) == {"ibis-framework"}
    assert v["ibis-framework"].status == "ok"


def test_ambiguous_import_is_reported_with_candidates() -> None:
    r = report({**SRC, "src/rain/__init__.py": "import numpy\nimport cv2\n"})
    (cv2,) = [d for d in r.dependencies if "cv2" in d.imports]
    assert cv2.status == "unverified"
    assert "opencv-python-headless" in cv2.candidates
    assert any("several distributions" in p.message for p in r.problems)


def test_declared_ambiguous_name_is_ok() -> None:
    v = verdicts(
        {"pyproject.toml": pyproject(["opencv-python-headless"]), "src/rain/__init__.py": "import cv2\n"}
    )
    assert v["opencv-python-headless"].status == "ok"


def test_namespace_imports_resolve_per_submodule() -> None:
    v = verdicts(
        {
            "pyproject.toml": pyproject(["google-cloud-storage"]),
            "src/rain/__init__.py": "from google.cloud import storage\nimport ruamel.yaml\n",
        }
    )
    assert v["google-cloud-storage"].status == "ok"
    assert v["google-cloud-storage"].imports == ("google.cloud.storage",)
    assert v["ruamel-yaml"].status == "missing"


def test_other_declaration_files() -> None:
    v = verdicts(
        {
            "requirements.txt": "-r requirements/base.txt\nscipy==1.11 \\\n    --hash=sha256:abc\n",
            "requirements/base.txt": "numpy>=1.20  # arrays\n",
            "environment.yml": "name: x\ndependencies:\n  - python=3.11\n  - conda-forge::xarray>=2023\n"
            "  - pip\n  - pip:\n    - PyYAML\n",
            "run.py": "import numpy, scipy, xarray, yaml\n",
        }
    )
    assert {k: d.status for k, d in v.items()} == {
        "numpy": "ok",
        "scipy": "ok",
        "xarray": "ok",
        "pyyaml": "ok",
    }


def test_environment_dump_is_filtered_to_what_the_code_imports() -> None:
    dump = "\n".join(f"package-{i}==1.0" for i in range(200)) + "\nnumpy==1.26\n"
    v = verdicts({"requirements.txt": dump, "run.py": "import numpy\n"})
    assert set(v) == {"numpy"}


def test_setup_py_and_setup_cfg_declarations() -> None:
    v = verdicts(
        {
            "setup.py": "from setuptools import setup\n"
            "setup(name='rain', install_requires=['numpy', 'pandas'])\n",
            "setup.cfg": "[options]\ninstall_requires =\n    scipy\n",
            "rain/__init__.py": "import numpy, scipy\n",
        }
    )
    assert v["numpy"].status == "ok"
    assert v["scipy"].status == "ok"
    assert v["pandas"].status == "unused"


# ---------------------------------------------------------------------- requires-python
def test_requires_python_detected_from_syntax_and_stdlib() -> None:
    r = report({"pyproject.toml": pyproject(rp=">=3.8"), "src/rain/__init__.py": "import tomllib\n"})
    assert r.requires_python.declared == ">=3.8"
    assert r.requires_python.detected_minimum == "3.11"
    assert r.requires_python.path == "src/rain/__init__.py"


def test_guarded_new_stdlib_does_not_raise_the_minimum() -> None:
    r = report(
        {
            "pyproject.toml": pyproject(rp=">=3.8"),
            "src/rain/__init__.py": "try:\n    import tomllib\n"
            "except ImportError:\n    import tomli as tomllib\n"
            "match 1:\n    case 1:\n        pass\n",
        }
    )
    assert r.requires_python.detected_minimum == "3.10"


# ---------------------------------------------------------------------- json, memo, cache
def test_json_schema() -> None:
    r = report({**SRC, "src/rain/__init__.py": "import numpy\n"})
    data = r.to_json()
    assert set(data) == {"schema", "dependencies", "requires_python", "problems"}
    assert data["schema"] == 2
    assert data["dependencies"] == [
        {
            "distribution": "numpy",
            "imports": ["numpy"],
            "scopes": ["runtime"],
            "declared": ["project.dependencies"],
            "status": "ok",
            "files": ["src/rain/__init__.py"],
            "first_seen": {"path": "src/rain/__init__.py", "line": 1},
            "note": None,
        }
    ]
    assert data["requires_python"] == {"declared": ">=3.10", "detected_minimum": None}
    json.dumps(data)


def test_analysis_is_shared_through_the_project_memo() -> None:
    project = Project.from_files({**SRC, "src/rain/__init__.py": "import numpy\n"})
    assert analyze(project) is analyze(project)


def test_cache_warm_equals_cold_and_survives_corruption(tmp_path: Path, isolated_cache: Path) -> None:
    files = {
        **SRC,
        "src/rain/__init__.py": "import numpy\ntry:\n    import numba\nexcept ImportError:\n    pass\n",
        "bad.py": "def (:\n",
    }
    cold = analyze(Project.from_files(files)).to_json()
    cache_files = list((isolated_cache / "sciship").glob("scan-*/*.json"))
    assert len(cache_files) == 1
    warm = analyze(Project.from_files(files)).to_json()
    assert warm == cold
    cache_files[0].write_text("{not json", encoding="utf-8")
    assert analyze(Project.from_files(files)).to_json() == cold
    cache_files[0].write_text('{"format": 1, "files": {"x": 5}}', encoding="utf-8")
    assert analyze(Project.from_files(files)).to_json() == cold
    assert not (tmp_path / "project").exists()


# ---------------------------------------------------------------------- robustness on disk
def test_broken_tree_is_reported_not_fatal(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "src" / "rain").mkdir(parents=True)
    (root / "pyproject.toml").write_text(pyproject(["numpy"]), encoding="utf-8")
    (root / "src" / "rain" / "__init__.py").write_text("import numpy\n", encoding="utf-8")
    (root / "src" / "rain" / "broken.py").write_text("def oops(:\n", encoding="utf-8")
    (root / "src" / "rain" / "old.py").write_text('import scipy\nprint "hello"\n', encoding="utf-8")
    (root / "src" / "rain" / "blob.py").write_bytes(bytes(range(256)) * 40)
    (root / "src" / "rain" / "nul.py").write_bytes(b"import os\x00\x00")
    (root / "notebooks").mkdir()
    (root / "notebooks" / "bad.ipynb").write_text('{"cells": [', encoding="utf-8")
    big = "".join(f"row_{i} = [{i}, {i * 2}, 'abc']\n" for i in range(200_000))
    (root / "src" / "rain" / "table.py").write_text("import yaml\n" + big, encoding="utf-8")
    assert (root / "src" / "rain" / "table.py").stat().st_size > 5_000_000
    r = analyze(Project.load(root))
    by_path = {p.path: p.message for p in r.problems}
    assert "cannot parse" in by_path["src/rain/broken.py"]
    assert "Python 2" in by_path["src/rain/old.py"]
    assert "UTF-8" in by_path["src/rain/blob.py"]
    assert "binary" in by_path["src/rain/nul.py"]
    assert "not valid JSON" in by_path["notebooks/bad.ipynb"]
    names = {d.distribution: d.status for d in r.dependencies}
    assert names["numpy"] == "ok"
    assert names["pyyaml"] == "missing"


def test_cache_follows_content_and_forgets_removed_files(isolated_cache: Path) -> None:
    files = {**SRC, "src/rain/__init__.py": "import numpy\n", "src/rain/extra.py": "import yaml\n"}
    analyze(Project.from_files(files))
    (cache_file,) = (isolated_cache / "sciship").glob("scan-*/*.json")
    assert len(json.loads(cache_file.read_text(encoding="utf-8"))["files"]) == 2
    changed = {**SRC, "src/rain/__init__.py": "import numpy\nimport scipy\n"}
    v = {d.distribution for d in analyze(Project.from_files(changed)).dependencies}
    assert v == {"numpy", "scipy"}
    assert len(json.loads(cache_file.read_text(encoding="utf-8"))["files"]) == 1


def test_conda_names_are_mapped_and_non_python_packages_skipped() -> None:
    env = "dependencies:\n  - python=3.11\n  - pytables\n  - libgdal\n  - pyyaml\n  - cxx-compiler\n"
    v = verdicts({"environment.yml": env, "run.py": "import tables\nimport yaml\n"})
    assert {k: d.status for k, d in v.items()} == {"tables": "ok", "pyyaml": "ok"}


def test_an_environment_file_named_for_its_project() -> None:
    """andrecossa5/BC_chemo_reproducibility: `envs/cellula_env_OSX.yml` declares the packages; it was not
    read (only names starting with environment, env or conda were), so they were "undeclared"."""
    env = "name: cellula\ndependencies:\n  - python=3.10\n  - scanpy\n  - pip:\n    - textalloc\n"
    v = verdicts({"envs/cellula_env_OSX.yml": env, "run.py": "import scanpy\nimport textalloc\n"})
    assert {k: d.status for k, d in v.items()} == {"scanpy": "ok", "textalloc": "ok"}
    # ohlerlab/liam_manuscript_reproducibility: `environments/liam.yml`, a folder of them
    v = verdicts({"environments/liam.yml": env, "run.py": "import scanpy\nimport textalloc\n"})
    assert {k: d.status for k, d in v.items()} == {"scanpy": "ok", "textalloc": "ok"}


def test_a_pipfile_declares_what_pipenv_installs() -> None:
    """Pipenv's Pipfile was never read: share said "`Pipfile` does not list `pandas`" of a Pipfile that
    lists it, and `sciship deps` called every package undeclared. `[packages]` is what `pipenv install`
    installs; `[dev-packages]` the developers'."""
    pipfile = (
        '[packages]\npandas = ">=2.0"\nrequests = {version = "*", extras = ["socks"]}\n'
        'tool = {git = "https://example.org/tool.git"}\n\n[dev-packages]\npytest = "*"\n'
    )
    v = verdicts({"Pipfile": pipfile, "run.py": "import pandas\nimport requests\nimport yaml\n"})
    assert {k: d.status for k, d in v.items()} == {
        "pandas": "ok",
        "requests": "ok",
        "pyyaml": "missing",
        "tool": "unused",
    }  # (pytest, a developers' tool, is never said unused)
    assert v["pandas"].declared == ("Pipfile.packages",)
    # (not TOML: said, and skipped)
    r = report({"Pipfile": "[packages\n", "run.py": "import pandas\n"})
    assert any(p.path == "Pipfile" and "not valid TOML" in p.message for p in r.problems)


def test_requires_python_guard_keeps_tomli_conditional_and_unpinned() -> None:
    r = report(
        {
            "pyproject.toml": pyproject(["tomli; python_version < '3.11'"]),
            "src/rain/__init__.py": "import sys\nif sys.version_info >= (3, 11):\n    import tomllib\n"
            "else:\n    import tomli as tomllib\n",
        }
    )
    (tomli,) = r.dependencies
    assert tomli.status == "ok"
    assert tomli.marker == 'python_version < "3.11"'
    assert r.requires_python.detected_minimum is None


def test_parallel_scan_gives_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    from sciship.imports import analysis

    files: dict[str, str | bytes] = {**SRC, "bad.py": "def (:\n"}
    for i in range(30):
        files[f"src/rain/m{i}.py"] = (
            f"import numpy\ntry:\n    import yaml\nexcept ImportError:\n    pass\nx = {i}\n"
        )
    serial = report(files).to_json()
    monkeypatch.setattr(analysis, "PARALLEL_MIN_CHARS", 0)
    assert report(files).to_json() == serial


# ---------------------------------------------------------------------- the syntax check left for later
_DEFERRED_FILES = {
    "requirements.txt": "numpy\n",
    "run.py": "import numpy\nimport pandas\nprint(1)\n",
    "subtle.py": "import scipy\nx = = 1\n",  # a syntax error the cheap screen does not see
    "twice.py": "import xarray\ndef f(a, a):\n    return a\n",  # the parser accepts it, symtable not
}


def _counted(seen: list[str], real: Callable[[str, str], bool], text: str, path: str) -> bool:
    seen.append(path)
    return real(text, path)


def _same_report(a, b) -> None:  # type: ignore[no-untyped-def]
    assert a.to_json() == b.to_json()


def test_a_deferred_syntax_check_gives_the_full_analysis(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`share` leaves the full syntax check of the scripts the data flow parses to the flow's verdicts:
    the report is the full analysis's, including the error the screen alone misses and a file the
    parser accepts but the symbol table refuses; a deferred file nobody parsed is checked at the end."""
    import ast

    from sciship.imports import analysis, scan
    from sciship.imports.analysis import analyze_deferring_syntax, confirm_syntax

    root = tmp_path / "study"
    for rel, text in _DEFERRED_FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    expected = analyze(Project.load(root), cache=False)
    assert "subtle.py" in {p.path for p in expected.problems}

    def parses(rel: str) -> bool:
        try:
            ast.parse((root / rel).read_text(encoding="utf-8"))
        except SyntaxError:
            return False
        return True

    for n, told in enumerate(({"run.py", "twice.py"}, set())):  # what the flow parsed: all, or none
        assert {rel for rel in _DEFERRED_FILES if rel.endswith(".py") and parses(rel)} >= told
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / f"cache-{n}"))
        project = Project.load(root)
        early = analyze_deferring_syntax(project, {"run.py", "subtle.py", "twice.py"})
        assert "subtle.py" not in {p.path for p in early.problems}, "only screened for now"
        checked: list[str] = []
        monkeypatch.setattr(analysis, "compiles", partial(_counted, checked, scan.compiles))
        final = confirm_syntax(project, told)
        monkeypatch.setattr(analysis, "compiles", scan.compiles)
        _same_report(final, expected)
        assert analyze(project) is final
        # what the flow parsed is not checked again; the files it did not parse are checked here, once:
        # subtle.py, which fails, is then scanned in full and the answer judged again from the scans
        assert checked == sorted(_DEFERRED_FILES.keys() - told - {"requirements.txt"})


def test_a_confirmed_check_is_cached_as_a_full_one(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Files whose deferred check passed are cached as fully checked, and so is the full scan of one that
    failed it: the next full analysis (`sciship check`) does not parse them again."""
    from sciship.imports import analysis
    from sciship.imports.analysis import analyze_deferring_syntax, confirm_syntax

    root = tmp_path / "study"
    root.mkdir()
    (root / "run.py").write_text("import numpy\nprint(1)\n", encoding="utf-8")
    (root / "plot.py").write_text("import matplotlib\n", encoding="utf-8")
    (root / "subtle.py").write_text(_DEFERRED_FILES["subtle.py"], encoding="utf-8")
    expected = analyze(Project.load(root), cache=False)
    assert "subtle.py" in {p.path for p in expected.problems}
    project = Project.load(root)
    analyze_deferring_syntax(project, {"run.py", "plot.py", "subtle.py"})
    _same_report(confirm_syntax(project, {"run.py", "plot.py"}), expected)

    def no_check(text: str, path: str) -> bool:
        raise AssertionError(f"{path} was checked again")

    monkeypatch.setattr(analysis, "compiles", no_check)
    monkeypatch.setattr(analysis, "scan_source", no_check)
    _same_report(analyze(Project.load(root)), expected)
