"""Adopt a small research folder, build it, install the wheel in a fresh venv, use it as a user would.

The folder has light dependencies (``packaging``, declared with an exact pin) so the run stays short; it
has what matters: scripts with top-level work that reads data and writes a file, a helper they import,
a script in a sub-folder importing the module next to it, a notebook, a Python 2 file and data.
"""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import tomllib

from helpers import run_cli, write_tree

NOTEBOOK = {
    "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": ["import packaging\n"]}],
    "metadata": {},
    "nbformat": 4,
    "nbformat_minor": 5,
}

FOLDER = {
    "helpers.py": "def mean(values):\n    return sum(values) / len(values)\n",
    "01 summarise.py": (
        "import csv\n"
        "from packaging.version import Version\n"
        "from helpers import mean\n\n"
        "# read the measurements\n"
        "rows = list(csv.DictReader(open('data/values.csv')))\n"
        "m = mean([float(r['value']) for r in rows])\n"
        "print(f'mean = {m:.2f}', Version('1.0'))\n"
        "with open('summary.txt', 'w') as out:\n"
        "    out.write(str(m))\n"
    ),
    "figures/plot.py": "import tools\n\nprint(tools.scale(2))\n",
    "figures/tools.py": "def scale(x):\n    return 3 * x\n",
    "legacy.py": "print 'python 2'\n",
    "explore.ipynb": json.dumps(NOTEBOOK),
    "requirements.txt": "packaging==21.3\nrequests\n",
    "data/values.csv": "value\n1\n2\n3\n",
}


def _run(*cmd: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, check=False, timeout=300
    )


@pytest.fixture(scope="session")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the adopted project, a venv with its wheel installed)."""
    base = tmp_path_factory.mktemp("adopt-e2e")
    folder = write_tree(base / "paper", FOLDER)
    out = base / "paper-package"
    proc = run_cli("adopt", str(folder), "--output", str(out), "--yes")
    assert proc.returncode == 0, proc.stderr
    built = _run(sys.executable, "-m", "build", "--wheel", "--outdir", base / "dist", out)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    env = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    wheel = next((base / "dist").glob("*.whl"))
    installed = _run(env / "bin" / "python", "-m", "pip", "install", "-q", wheel)
    assert installed.returncode == 0, installed.stderr[-2000:]
    return out, env


@pytest.mark.slow
def test_dependencies_are_the_declared_ones(adopted: tuple[Path, Path]) -> None:
    out, _ = adopted
    meta = tomllib.loads((out / "pyproject.toml").read_text())
    assert meta["project"]["dependencies"] == ["packaging>=21.3"]  # the pin became a floor; requests unused


@pytest.mark.slow
def test_every_module_imports_without_running_the_analysis(
    adopted: tuple[Path, Path], tmp_path: Path
) -> None:
    out, env = adopted
    modules = sorted(
        ".".join(p.relative_to(out / "src").with_suffix("").parts).removesuffix(".__init__")
        for p in (out / "src").rglob("*.py")
    )
    assert "paper.summarise" in modules
    assert "paper.figures_tools" in modules or "paper.tools" in modules
    for module in modules:
        proc = _run(env / "bin" / "python", "-c", f"import {module}", cwd=tmp_path)
        assert proc.returncode == 0, (module, proc.stderr)
        assert proc.stdout == "", module
    assert list(tmp_path.iterdir()) == [], "importing wrote files"


@pytest.mark.slow
def test_every_command_answers_help(adopted: tuple[Path, Path], tmp_path: Path) -> None:
    out, env = adopted
    commands = tomllib.loads((out / "pyproject.toml").read_text())["project"]["scripts"]
    assert {"paper-summarise", "paper-plot"} <= set(commands)
    for command in commands:
        proc = _run(env / "bin" / command, "--help", cwd=tmp_path)
        assert proc.returncode == 0, (command, proc.stderr)
        assert "usage" in proc.stdout.lower()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_commands_still_do_the_work_from_the_project_folder(
    adopted: tuple[Path, Path], tmp_path: Path
) -> None:
    out, env = adopted
    work = write_tree(tmp_path, {"data/values.csv": FOLDER["data/values.csv"]})
    proc = _run(env / "bin" / "paper-summarise", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("mean = 2.00")
    assert (work / "summary.txt").read_text() == "2.0"
    assert _run(env / "bin" / "paper-plot", cwd=work).stdout == "6\n"
    assert (out / "legacy.py").exists()


@pytest.mark.slow
def test_check_fails_only_where_the_author_must_decide(adopted: tuple[Path, Path]) -> None:
    out, _ = adopted
    proc = run_cli("check", str(out), "--format", "json")
    findings = json.loads(proc.stdout)["findings"]
    failed = [f["code"] for f in findings if f["status"] == "failed" and not f["needs_author"]]
    assert failed == []


@pytest.mark.slow
def test_the_generated_tests_pass(adopted: tuple[Path, Path]) -> None:
    out, env = adopted
    assert _run(env / "bin" / "python", "-m", "pip", "install", "-q", "pytest").returncode == 0
    proc = _run(env / "bin" / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=out)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert " passed" in proc.stdout
