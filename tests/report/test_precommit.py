"""sciship's pre-commit hooks (.pre-commit-hooks.yaml) under the real `pre-commit try-repo`.

pre-commit installs a hook from a git repository at a commit, so the test makes one: a temporary
repository holding this worktree's current files (tracked and new, not ignored), committed. It works the
same in a CI clone and with uncommitted changes. pre-commit installs sciship into its own environment
once (PRE_COMMIT_HOME is shared by the tests of this module).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from reportkit import check_json, failed

from helpers import HERE, git, write_tree

pytestmark = pytest.mark.slow

ROOT = HERE.parent
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _worktree_files() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [f for f in out.split("\0") if f and (ROOT / f).is_file()]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("hook-repo") / "sciship"
    for rel in _worktree_files():
        dest = repo / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sciship as it is now")
    return repo


def try_repo(hook_repo: Path, project: Path) -> subprocess.CompletedProcess[str]:
    """Every hook of ``hook_repo`` on ``project`` (try-repo installs into a fresh store each time, so
    both hooks run in one call)."""
    env = {**os.environ, "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [*PRE_COMMIT, "try-repo", str(hook_repo), "--all-files", "--verbose", "--color", "never"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def committed(root: Path) -> Path:
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    return root


def test_hooks_file_is_what_the_docs_say() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"sciship-check", "sciship-deps"}
    for h in hooks.values():
        assert h["language"] == "python"
        assert h["pass_filenames"] is False
        assert h["entry"].startswith("sciship ")


def test_hooks_pass_a_good_project(hook_repo: Path, good_project: Path, tmp_path: Path) -> None:
    good = committed(shutil.copytree(good_project, tmp_path / "good"))
    proc = try_repo(hook_repo, good)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"sciship check\.+Passed", proc.stdout), proc.stdout
    assert re.search(r"sciship deps\.+Passed", proc.stdout), proc.stdout


def test_hooks_fail_a_broken_project_and_say_why(hook_repo: Path, good_project: Path, tmp_path: Path) -> None:
    broken = shutil.copytree(good_project, tmp_path / "broken")
    text = (broken / "pyproject.toml").read_text()
    (broken / "pyproject.toml").write_text(text.replace('license = "MIT"\n', ""))
    write_tree(broken, {"src/rainfall_tools/fetch.py": "import requests\n"})
    committed(broken)
    proc = try_repo(hook_repo, broken)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    check_part, deps_part = proc.stdout.split("sciship deps.", 1)
    assert re.search(r"sciship check\.+Failed", check_part), proc.stdout
    serious = [f for f in failed(check_json(broken)) if f["severity"] != "polish"]
    assert serious, "removing the license must fail something at or above important"
    for f in serious:
        assert str(f["code"]) in check_part  # each finding itself, with its code
    assert deps_part.lstrip(".").startswith("Failed"), proc.stdout
    assert "requests" in deps_part
    assert "missing" in deps_part
