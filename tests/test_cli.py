"""The command line as a user meets it: exit codes, bad input, formats, colour, static analysis only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import GOOD_PYPROJECT, PROJECTS, run_cli, write_tree


def copy_fixture(name: str, tmp_path: Path) -> Path:
    dest = tmp_path / name
    shutil.copytree(PROJECTS / name, dest, symlinks=True)
    return dest


def test_help_and_version() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "sciship check" in result.stdout
    assert run_cli("--version").stdout.startswith("sciship ")


def test_no_command_prints_help() -> None:
    result = run_cli()
    assert result.returncode == 0
    assert "COMMAND" in result.stdout


def test_usage_error_exits_2() -> None:
    result = run_cli("check", "--format", "xml")
    assert result.returncode == 2
    assert "--help" in result.stderr


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p / "missing", "There is no folder"),
        (lambda p: (p / "file.txt").write_text("") or p / "file.txt", "is a file, not a folder"),
        (lambda p: p, "is empty"),
    ],
    ids=["missing", "file", "empty"],
)
def test_unusable_input_is_explained_without_traceback(tmp_path: Path, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", str(make(tmp_path)))
    assert result.returncode == 2
    assert expected in result.stderr
    assert "What to do:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_symlink_loop_folder_is_handled(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "p", {"pyproject.toml": GOOD_PYPROJECT})
    (root / "loop").symlink_to(root)
    (root / "a").symlink_to(root / "b")
    (root / "b").symlink_to(root / "a")
    result = run_cli("check", str(root), "--format", "json")
    assert result.returncode in {0, 1}
    assert "Traceback" not in result.stderr


def test_broken_pyproject_names_file_line_and_column(tmp_path: Path) -> None:
    result = run_cli("check", str(copy_fixture("broken-toml", tmp_path)))
    assert result.returncode == 1
    assert "PKG101" in result.stdout
    assert "pyproject.toml:8" in result.stdout
    assert "column" in result.stdout
    assert "Traceback" not in result.stderr


def test_schema_errors_are_translated(tmp_path: Path) -> None:
    result = run_cli("check", str(copy_fixture("schema-errors", tmp_path)), "--format", "json")
    data = json.loads(result.stdout)
    (finding,) = [f for f in data["findings"] if f["code"] == "PKG102"]
    assert finding["status"] == "failed"
    assert "`project.authors`" in finding["message"]
    assert "a list" in finding["message"]


def test_setup_py_only_project_is_told_how_to_move(tmp_path: Path) -> None:
    result = run_cli("check", str(copy_fixture("setup-py-only", tmp_path)))
    assert result.returncode == 1
    assert "setup.py" in result.stdout
    assert "[project]" in result.stdout


def test_non_utf8_files_are_named(tmp_path: Path) -> None:
    result = run_cli("check", str(copy_fixture("non-utf8", tmp_path)))
    assert "README.md" in result.stdout
    assert "not UTF-8" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_never_imports_or_runs_the_project(tmp_path: Path) -> None:
    root = copy_fixture("sentinel", tmp_path)
    for fmt in ("terminal", "json", "markdown"):
        run_cli("check", str(root), "--format", fmt)
    run_cli("check", str(root), "--fix", "--dry-run")
    assert not (root / "SETUP_PY_WAS_RUN").exists()
    assert not (root / "PACKAGE_WAS_IMPORTED").exists()


def test_json_format_is_stable(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {"pyproject.toml": GOOD_PYPROJECT})
    data = json.loads(run_cli("check", str(root), "--format", "json").stdout)
    assert data["schema"] == 1
    assert data["root"] == str(root)
    keys = {"code", "family", "severity", "status", "title", "message", "why", "fix", "path", "line"}
    assert data["findings"]
    for f in data["findings"]:
        assert keys <= set(f)
        assert f["status"] in {"passed", "failed", "skipped"}
        assert f["severity"] in {"blocker", "important", "polish"}
    assert {"checks", "passed", "failed", "skipped", "next_step"} <= set(data["summary"])


def test_markdown_format(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {"setup.py": "from setuptools import setup\nsetup()\n"})
    out = run_cli("check", str(root), "--format", "markdown").stdout
    assert out.startswith("## sciship check")
    assert "- [ ] **PKG105**" in out


def test_colour_only_when_asked(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {"setup.py": ""})
    assert "\033[" not in run_cli("check", str(root)).stdout  # not a terminal, NO_COLOR set
    forced = run_cli("check", str(root), env={"NO_COLOR": "", "FORCE_COLOR": "1"}).stdout
    assert "\033[" in forced


def test_fail_on_levels(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {"setup.py": ""})
    assert run_cli("check", str(root), "--fail-on", "blocker").returncode == 1
    assert run_cli("check", str(root), "--fail-on", "never").returncode == 0


def test_verbose_lists_passed_and_skipped(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {"pyproject.toml": GOOD_PYPROJECT})
    out = run_cli("check", str(root), "--verbose").stdout
    assert "Passed (" in out


def test_fix_dry_run_writes_nothing_and_fix_applies(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path, {"pyproject.toml": '[project]\nname = "demo"  # my comment\nversion = "0.1.0"\n'}
    )
    before = (root / "pyproject.toml").read_bytes()
    dry = run_cli("check", str(root), "--fix", "--dry-run")
    assert dry.returncode == 0
    assert "build-system" in dry.stdout
    assert (root / "pyproject.toml").read_bytes() == before
    run_cli("check", str(root), "--fix")
    text = (root / "pyproject.toml").read_text()
    assert "[build-system]" in text
    assert "# my comment" in text


def test_explain_topics_and_codes() -> None:
    assert run_cli("explain", "PKG100").returncode == 0
    missing = run_cli("explain", "pyprojekt")
    assert missing.returncode == 2
    assert "Did you mean" in missing.stderr


def test_python_m_sciship_works() -> None:
    assert run_cli("--version").returncode == 0


def test_python2_file_is_named_with_line(tmp_path: Path) -> None:
    result = run_cli("check", str(copy_fixture("python2", tmp_path)))
    assert "src/oldpkg/__init__.py:1" in result.stdout
    assert "Python 2" in result.stdout
    assert "Traceback" not in result.stderr


def test_syntax_error_in_package_module_is_named(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "p",
        {
            "pyproject.toml": GOOD_PYPROJECT,
            "src/example_pkg/__init__.py": "",
            "src/example_pkg/m.py": "import os\nx = = 1\n",
        },
    )
    result = run_cli("check", str(root), env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert "src/example_pkg/m.py:2" in result.stdout
