"""`sciship new` on the command line: defaults, questions, dry run, and bad input that writes nothing."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from newkit import GIT_ENV, all_files, sciship

from sciship._git import config as git_config
from sciship.cli import build_parser
from sciship.cli import run as cli_run
from sciship.ui import UI

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _interactive(
    argv: list[str], answers: str, cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    git_config.cache_clear()  # read git's configuration again, under this environment
    out, err = _Tty(), io.StringIO()
    ui = UI(out=out, err=err, stdin=_Tty(answers))
    code = cli_run(build_parser().parse_args(argv), ui)
    return code, out.getvalue() + err.getvalue()


def test_yes_takes_defaults_without_prompting(tmp_path: Path) -> None:
    proc = sciship("new", "rainfall-tools", "--yes", "--no-git", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    root = tmp_path / "rainfall-tools"
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert data["license"] == "MIT"
    assert data["authors"][0]["name"] == "Ada Lovelace"  # from the git identity in the environment
    assert "Next steps" in proc.stdout
    assert "cd rainfall-tools" in proc.stdout
    assert "pytest" in proc.stdout
    assert "sciship check" in proc.stdout
    assert "?" not in proc.stdout.split("Created", 1)[0]  # no question was asked
    assert not (root / ".git").exists()


def test_stdin_not_a_terminal_never_prompts(tmp_path: Path) -> None:
    # no --yes, but stdin is a pipe: defaults, and the piped text is never read as answers
    proc = sciship("new", "geo-kit", "--no-git", "--github", "ada", cwd=tmp_path, stdin="Wrong Author\n")
    assert proc.returncode == 0, proc.stderr
    cff = yaml.safe_load((tmp_path / "geo-kit" / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["authors"][0]["family-names"] == "Lovelace"
    assert cff["repository-code"] == "https://github.com/ada/geo-kit"


def test_interactive_asks_at_most_five_questions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = "Hydrology helpers for rain gauges.\nGrace Hopper\ngrace@example.org\napache-2.0\ngrace\n"
    code, output = _interactive(["new", "rain-kit", "--no-git"], answers, tmp_path, monkeypatch)
    assert code == 0, output
    questions = [line for line in output.splitlines() if "]: " in line]
    assert 1 <= len(output.split("]: ")) - 1 <= 5, questions
    data = tomllib.loads((tmp_path / "rain-kit" / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert data["description"] == "Hydrology helpers for rain gauges."
    assert data["authors"] == [{"name": "Grace Hopper", "email": "grace@example.org"}]
    assert data["license"] == "Apache-2.0"
    assert data["urls"]["Source"] == "https://github.com/grace/rain-kit"


def test_interactive_enter_takes_defaults_and_flags_skip_questions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["new", "rain-kit", "--no-git", "--description", "Rain.", "--author", "A B", "--email", "a@b.org",
            "--license", "MIT", "--github", "ab"]
    code, output = _interactive(argv, "", tmp_path, monkeypatch)
    assert code == 0, output
    assert "]: " not in output  # every answer was given as a flag
    code, output = _interactive(["new", "other-kit", "--no-git"], "\n\n\n\n\n", tmp_path, monkeypatch)
    assert code == 0, output
    assert "[MIT]: " in output


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    proc = sciship("new", "rainfall-tools", "--dry-run", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert list(tmp_path.iterdir()) == []
    assert "nothing was written" in proc.stdout
    expected = ("pyproject.toml", "src/rainfall_tools/stats.py", "LICENSE", ".github/workflows/release.yml")
    for path in expected:
        assert path in proc.stdout
    assert "bytes" in proc.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        pytest.param(["my package"], "cannot be a Python package name", id="invalid-name"),
        pytest.param(["json"], "standard library", id="stdlib-name"),
        pytest.param(["rainfall-tools", "--license", "WTFPL"], "MIT, BSD-3-Clause, Apache-2.0", id="license"),
        pytest.param(["rainfall-tools", "--email", "not-an-email"], "email address", id="email"),
        pytest.param(["rainfall-tools", "--github", "no/slashes"], "GitHub", id="github"),
    ],
)
def test_bad_input_writes_nothing(tmp_path: Path, args: list[str], words: str) -> None:
    proc = sciship("new", *args, "--yes", cwd=tmp_path)
    assert proc.returncode == 2
    assert words in proc.stderr
    assert "What to do:" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_non_empty_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me\n", encoding="utf-8")
    proc = sciship("new", "rainfall-tools", "--directory", "mine", "--yes", cwd=tmp_path)
    assert proc.returncode == 2
    assert "already has files in it (notes.txt)" in proc.stderr
    assert all_files(tmp_path) == ["mine/notes.txt"]


def test_target_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "rainfall-tools").write_text("x", encoding="utf-8")
    proc = sciship("new", "rainfall-tools", "--yes", cwd=tmp_path)
    assert proc.returncode == 2
    assert "is a file" in proc.stderr
    assert all_files(tmp_path) == ["rainfall-tools"]


def test_empty_existing_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "here").mkdir()
    proc = sciship("new", "rainfall-tools", "--directory", "here", "--yes", "--no-git", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "here" / "src" / "rainfall_tools" / "stats.py").is_file()


def test_missing_git_is_said_and_skipped(tmp_path: Path) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    proc = sciship("new", "rainfall-tools", "--yes", cwd=work, env={"PATH": str(empty)})
    assert proc.returncode == 0, proc.stderr
    assert "git is not installed" in proc.stderr
    root = work / "rainfall-tools"
    assert (root / "pyproject.toml").is_file()
    assert not (root / ".git").exists()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_repository_with_first_commit(tmp_path: Path) -> None:
    import subprocess

    proc = sciship("new", "rainfall-tools", "--yes", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    root = tmp_path / "rainfall-tools"
    log = subprocess.run(["git", "log", "--format=%an|%s"], cwd=root, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert log == "Ada Lovelace|Start rainfall-tools with sciship new"
    status = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True,
                            check=True).stdout
    assert status == ""
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True,
                             check=True).stdout.split()
    assert sorted(tracked) == [f for f in all_files(root) if not f.startswith(".git/")]


def test_popular_name_warns_but_creates(tmp_path: Path) -> None:
    proc = sciship("new", "requests", "--yes", "--no-git", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "most installed packages" in proc.stderr
    assert (tmp_path / "requests" / "src" / "requests" / "__init__.py").is_file()


def test_check_name_never_fails(tmp_path: Path) -> None:
    # there may be no network here: either answer is fine, the command must still succeed
    name = "rainfall-tools-zz-sciship-test"
    proc = sciship("new", name, "--yes", "--dry-run", "--check-name", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "PyPI" in proc.stderr
    assert "TestPyPI" in proc.stderr


def test_wrong_answers_are_asked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = "Rain.\nAda\nnot-an-email\nada@example.org\nWTFPL\nmit\nbad/owner\nada\n"
    code, output = _interactive(["new", "rain-kit", "--no-git"], answers, tmp_path, monkeypatch)
    assert code == 0, output
    assert "does not look like an email address" in output
    assert "does not know the license `WTFPL`" in output
    assert "cannot be a GitHub user" in output
    data = tomllib.loads((tmp_path / "rain-kit" / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert data["authors"] == [{"name": "Ada", "email": "ada@example.org"}]
    assert data["license"] == "MIT"


def test_three_wrong_answers_stop_and_write_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = "Rain.\nAda\nx\ny\nz\n"
    code, output = _interactive(["new", "rain-kit", "--no-git"], answers, tmp_path, monkeypatch)
    assert code == 2
    assert "does not look like an email address" in output
    assert list(tmp_path.iterdir()) == []
