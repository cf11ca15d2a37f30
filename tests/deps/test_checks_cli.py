"""DEP9xx checks, `sciship deps` on the command line, and `--write` plans."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from depskit import pyproject

from sciship.checks import get_check, run_checks
from sciship.imports import analyze, plan_write
from sciship.plan import Plan
from sciship.project import Project


def finding(code: str, files: dict[str, str]) -> tuple[str, str]:
    project = Project.from_files(files)
    (f,) = [f for f in run_checks(project, select=[code], debug=True) if f.code == code]
    return f.status, f.message


def sciship(*args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "sciship", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


# ---------------------------------------------------------------------- checks
def test_checks_are_registered_with_severities() -> None:
    expected = {
        "DEP900": "blocker",
        "DEP901": "important",
        "DEP902": "important",
        "DEP903": "important",
        "DEP904": "polish",
        "DEP905": "important",
    }
    for code, severity in expected.items():
        c = get_check(code)
        assert c is not None
        assert c.severity == severity
        assert c.family == "deps"
    assert get_check("DEP900").fixer is not None  # type: ignore[union-attr]


def test_dep900_missing_runtime_import() -> None:
    ok = {"pyproject.toml": pyproject(["pyyaml"]), "src/rain/__init__.py": "import yaml\n"}
    assert finding("DEP900", ok)[0] == "passed"
    bad = {"pyproject.toml": pyproject([]), "src/rain/__init__.py": "import yaml\n"}
    status, message = finding("DEP900", bad)
    assert status == "failed"
    assert "`pyyaml`" in message
    assert "import yaml" in message


def test_dep900_ignores_test_only_imports_and_skips_without_pyproject() -> None:
    files = {"pyproject.toml": pyproject([]), "src/rain/__init__.py": "", "tests/test_a.py": "import yaml\n"}
    assert finding("DEP900", files)[0] == "passed"
    assert finding("DEP900", {"analysis.py": "import yaml\n"})[0] == "skipped"


def test_dep901_unused_but_plugins_are_softened() -> None:
    files = {"pyproject.toml": pyproject(["xarray", "pytest-cov"]), "src/rain/__init__.py": ""}
    status, message = finding("DEP901", files)
    assert status == "failed"
    assert "`xarray`" in message
    assert "pytest-cov" not in message
    only_plugin = {"pyproject.toml": pyproject(["pytest-cov"]), "src/rain/__init__.py": ""}
    assert finding("DEP901", only_plugin)[0] == "passed"


def test_dep902_misplaced_both_ways() -> None:
    files = {
        "pyproject.toml": pyproject(["pytest"], groups='[dependency-groups]\ndev = ["pyyaml"]\n'),
        "src/rain/__init__.py": "import yaml\n",
        "tests/test_a.py": "import pytest\n",
    }
    status, message = finding("DEP902", files)
    assert status == "failed"
    assert "`pyyaml`" in message
    assert "`pytest`" in message


def test_dep903_requires_python_too_low() -> None:
    files = {
        "pyproject.toml": pyproject(rp=">=3.9"),
        "src/rain/__init__.py": "match 1:\n    case 1:\n        pass\n",
    }
    status, message = finding("DEP903", files)
    assert status == "failed"
    assert "3.10" in message
    assert "match" in message
    files["pyproject.toml"] = pyproject(rp=">=3.10")
    assert finding("DEP903", files)[0] == "passed"


def test_dep904_optional_imports_as_extras() -> None:
    code = "try:\n    import yaml\nexcept ImportError:\n    yaml = None\n"
    status, _ = finding("DEP904", {"pyproject.toml": pyproject([]), "src/rain/__init__.py": code})
    assert status == "failed"
    extra = '[project.optional-dependencies]\nconfig = ["pyyaml"]\n'
    assert (
        finding("DEP904", {"pyproject.toml": pyproject([], extras=extra), "src/rain/__init__.py": code})[0]
        == "passed"
    )


def test_dep905_unverified_names() -> None:
    files = {"pyproject.toml": pyproject([]), "src/rain/__init__.py": "import cv2\n"}
    status, message = finding("DEP905", files)
    assert status == "failed"
    assert "opencv-python" in message


# ---------------------------------------------------------------------- --write
def test_write_plan_keeps_comments_and_uses_groups_and_extras(tmp_path: Path) -> None:
    text = pyproject(["numpy"], comment="# what users need\n").replace(
        '  "numpy",\n', '  "numpy",  # arrays\n'
    )
    root = write(
        tmp_path / "p",
        {
            "pyproject.toml": text,
            "src/rain/__init__.py": "import numpy\nimport yaml\nimport sys\n"
            "if sys.version_info < (3, 11):\n    import importlib_metadata\n"
            "try:\n    import packaging\nexcept ImportError:\n    packaging = None\n",
            "tests/test_a.py": "import pytest\n",
        },
    )
    project = Project.load(root)
    plan = Plan(root)
    assert plan_write(project, analyze(project), plan) == 4
    plan.apply()
    new = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert "# what users need" in new
    assert "# arrays" in new
    import tomllib

    data = tomllib.loads(new)
    assert data["project"]["dependencies"] == [
        "numpy",
        'importlib-metadata; python_version < "3.11"',
        "pyyaml",
    ]
    assert data["dependency-groups"]["test"] == ["pytest"]
    assert data["project"]["optional-dependencies"] == {"packaging": ["packaging"]}
    again = Project.load(root)
    assert [v.distribution for v in analyze(again, cache=False).dependencies if v.status == "missing"] == []


def test_write_with_floors(tmp_path: Path) -> None:
    root = write(
        tmp_path / "p", {"pyproject.toml": pyproject([]), "src/rain/__init__.py": "import packaging\n"}
    )
    project = Project.load(root)
    plan = Plan(root)
    plan_write(project, analyze(project), plan, floors=True)
    from importlib.metadata import version

    assert f'"packaging>={version("packaging")}"' in (plan.text("pyproject.toml") or "")


def test_write_for_a_folder_of_scripts_updates_requirements(tmp_path: Path) -> None:
    root = write(tmp_path / "p", {"requirements.txt": "numpy", "run.py": "import numpy\nimport yaml\n"})
    project = Project.load(root)
    plan = Plan(root)
    plan_write(project, analyze(project), plan)
    plan.apply()
    assert (root / "requirements.txt").read_text(encoding="utf-8") == "numpy\npyyaml\n"


# ---------------------------------------------------------------------- command line
@pytest.fixture
def cli_project(tmp_path: Path) -> Path:
    return write(
        tmp_path / "proj",
        {
            "pyproject.toml": pyproject(["numpy"]),
            "src/rain/__init__.py": "import numpy\nimport yaml\n",
            "src/rain/broken.py": "def (:\n",
        },
    )


def test_cli_table_and_exit_code(cli_project: Path, isolated_cache: Path) -> None:
    proc = sciship("deps", str(cli_project), cwd=cli_project, cache=isolated_cache)
    assert proc.returncode == 1, proc.stderr
    assert "pyyaml" in proc.stdout
    assert "missing" in proc.stdout
    assert "src/rain/broken.py" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert list((isolated_cache / "sciship").glob("scan-*/*.json"))
    assert not list(cli_project.rglob("*.json"))  # the cache never goes into the project


def test_cli_json(cli_project: Path, isolated_cache: Path) -> None:
    proc = sciship("deps", "--format", "json", cwd=cli_project, cache=isolated_cache)
    data = json.loads(proc.stdout)
    assert data["schema"] == 2
    assert {d["distribution"]: d["status"] for d in data["dependencies"]} == {
        "numpy": "ok",
        "pyyaml": "missing",
    }
    assert data["problems"][0]["path"] == "src/rain/broken.py"


def test_cli_write_dry_run_then_write(cli_project: Path, isolated_cache: Path) -> None:
    before = (cli_project / "pyproject.toml").read_text(encoding="utf-8")
    proc = sciship("deps", "--write", "--dry-run", cwd=cli_project, cache=isolated_cache)
    assert proc.returncode == 0, proc.stderr
    assert '+  "pyyaml",' in proc.stdout
    assert (cli_project / "pyproject.toml").read_text(encoding="utf-8") == before
    proc = sciship("deps", "--write", cwd=cli_project, cache=isolated_cache)
    assert proc.returncode == 0, proc.stderr
    assert '"pyyaml"' in (cli_project / "pyproject.toml").read_text(encoding="utf-8")
    assert sciship("deps", cwd=cli_project, cache=isolated_cache).returncode == 0


def test_cli_missing_folder(tmp_path: Path, isolated_cache: Path) -> None:
    proc = sciship("deps", str(tmp_path / "nope"), cwd=tmp_path, cache=isolated_cache)
    assert proc.returncode == 2
    assert "There is no folder" in proc.stderr
