"""sciship._git: git commands started early give what a run at the time gives."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sciship import _git


def _repo(root: Path) -> Path:
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "config", "user.name", "Ada Lovelace"], check=True)
    subprocess.run(["git", "-C", str(root), "config", "user.email", "ada@example.org"], check=True)
    (root / "a.txt").write_text("a\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(root), "add", "a.txt"], check=True)
    subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", "first"], check=True)
    return root


def test_an_early_start_gives_the_same_output(tmp_path: Path) -> None:
    root = _repo(tmp_path / "repo")
    args = ["log", "--format=%aN%x1f%aE"]
    now = _git.output(args, root)
    _git.start(args, root)
    _git.start(args, root)  # started once
    assert _git.output(args, root) == now == b"Ada Lovelace\x1fada@example.org\n"
    assert not _git._EARLY


def test_a_failing_command_is_none(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    _git.start(["log"], tmp_path / "plain")  # not a repository
    assert _git.output(["log"], tmp_path / "plain") is None
    assert _git.output(["log"], tmp_path / "plain") is None
