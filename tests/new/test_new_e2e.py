"""What a user would do with a fresh `sciship new` project: review, lint, build, install, test, document.

All slow tests share one generated project, one build and one virtual environment (see conftest.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from newkit import sciship

from sciship.checks import run_checks
from sciship.project import Project


def test_generated_project_passes_sciship_check(generated: Path) -> None:
    project = Project.load(generated)
    findings = run_checks(project)
    failed = [f"{f.code} {f.message}" for f in findings if f.status == "failed"]
    assert failed == []
    assert project.problems == []
    assert sum(f.status == "passed" for f in findings) >= 10


def test_generated_project_is_committed(generated: Path) -> None:
    project = Project.load(generated)
    assert project.in_git
    assert set(project.files) == set(project.tracked)


@pytest.mark.skipif(shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff").exists(),
                    reason="ruff is not installed")
def test_generated_code_is_ruff_clean(generated: Path) -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    for args in (["check", "--no-cache", "."], ["format", "--no-cache", "--check", "."]):
        proc = subprocess.run([ruff, *args], cwd=generated, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_build_makes_wheel_and_sdist(dist: Path) -> None:
    (wheel,) = dist.glob("rainfall_tools-0.1.0-py3-none-any.whl")
    (sdist,) = dist.glob("rainfall_tools-0.1.0.tar.gz")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        metadata = zf.read("rainfall_tools-0.1.0.dist-info/METADATA").decode()
    assert "rainfall_tools/__init__.py" in names
    assert "rainfall_tools/py.typed" in names
    assert "rainfall_tools-0.1.0.dist-info/licenses/LICENSE" in names
    assert "License-Expression: MIT" in metadata
    assert "Requires-Python: >=3.10" in metadata
    with tarfile.open(sdist) as tf:
        members = {m.name.split("/", 1)[1] for m in tf.getmembers() if "/" in m.name}
    assert {"pyproject.toml", "README.md", "LICENSE", "tests/test_readme.py"} <= members


@pytest.mark.slow
def test_wheel_installs_and_imports(venv: Path) -> None:
    code = "import rainfall_tools as r; print(r.__version__, r.standard_error([1.0, 2.0]))"
    proc = subprocess.run([str(venv), "-c", code], capture_output=True, text=True, check=False, cwd="/")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["0.1.0", "0.5"]


@pytest.mark.slow
def test_generated_tests_pass_against_the_installed_wheel(generated: Path, venv: Path) -> None:
    proc = subprocess.run([str(venv), "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=generated,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "test_quickstart_runs" in _collect(generated, venv)
    assert " passed" in proc.stdout
    assert "failed" not in proc.stdout


def _collect(root: Path, venv: Path) -> str:
    return subprocess.run([str(venv), "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                          cwd=root, capture_output=True, text=True, check=False).stdout


@pytest.mark.slow
def test_docs_build_with_one_command(generated: Path, venv: Path, tmp_path: Path) -> None:
    out = tmp_path / "html"
    proc = subprocess.run([str(venv), "-m", "sphinx", "-W", "-q", "docs", str(out)], cwd=generated,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    api = (out / "api.html").read_text(encoding="utf-8")
    assert "standard_error" in api
    assert "Examples" in api
    assert (out / "index.html").is_file()


def test_sciship_check_command_exits_zero(generated: Path) -> None:
    proc = sciship("check", str(generated), "--fail-on", "polish", cwd=generated.parent)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "nothing failed" in proc.stdout
