"""Plans: dry-run diffs, no overwrite, all or nothing, comment-preserving TOML edits, git mv."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import git, write_tree
from sciship._errors import PlanError
from sciship.plan import Plan


def test_create_and_edit_then_apply(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": '[project]\nname = "x"  # keep me\n'})
    plan = Plan(tmp_path)
    plan.create("LICENSE", "text\n", "add a license")
    plan.edit_toml("pyproject.toml", lambda doc: doc["project"].add("version", "0.1.0"), "add version")
    diff = plan.diff()
    assert "+++ b/LICENSE" in diff
    assert '+version = "0.1.0"' in diff
    assert not (tmp_path / "LICENSE").exists()  # diff writes nothing
    plan.apply()
    assert (tmp_path / "LICENSE").read_text() == "text\n"
    assert "# keep me" in (tmp_path / "pyproject.toml").read_text()
    assert not list(tmp_path.glob(".sciship-*"))


def test_never_overwrites_and_writes_nothing_on_refusal(tmp_path: Path) -> None:
    write_tree(tmp_path, {"README.md": "mine\n"})
    plan = Plan(tmp_path)
    plan.create("new/a.txt", "a", "first")
    plan.create("README.md", "theirs", "second")
    with pytest.raises(PlanError, match="never overwrites"):
        plan.apply()
    assert (tmp_path / "README.md").read_text() == "mine\n"
    assert not (tmp_path / "new").exists()


def test_edit_refused_when_file_changed_meanwhile(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.txt": "one\n"})
    plan = Plan(tmp_path)
    plan.edit("a.txt", lambda s: s + "two\n", "append")
    (tmp_path / "a.txt").write_text("changed\n")
    with pytest.raises(PlanError, match="changed after"):
        plan.apply()
    assert (tmp_path / "a.txt").read_text() == "changed\n"


def test_failure_midway_rolls_back(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.txt": "one\n", "src.txt": "s"})
    plan = Plan(tmp_path)
    plan.edit("a.txt", lambda _: "edited\n", "edit")
    plan.create("made/b.txt", "b", "create")
    plan.copy(tmp_path / "src.txt", "made/c.txt", "copy")
    plan.check()
    (tmp_path / "src.txt").unlink()  # the copy source disappears after the check
    with pytest.raises(FileNotFoundError):
        _apply_unchecked(plan)
    assert (tmp_path / "a.txt").read_text() == "one\n"
    assert not (tmp_path / "made").exists()


def _apply_unchecked(plan: Plan) -> None:
    plan.check = lambda: None  # type: ignore[method-assign]
    plan.apply()


def test_edits_to_one_file_combine(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.txt": "1\n"})
    plan = Plan(tmp_path)
    plan.edit("a.txt", lambda s: s + "2\n", "two")
    plan.edit("a.txt", lambda s: s + "3\n", "three")
    assert len(plan.actions) == 1
    plan.apply()
    assert (tmp_path / "a.txt").read_text() == "1\n2\n3\n"


def test_git_move_keeps_history_and_edit_follows(tmp_path: Path) -> None:
    write_tree(tmp_path, {"script.py": "print('hi')\n"})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    plan = Plan(tmp_path)
    plan.move("script.py", "src/pkg/script.py", "make it a module", git=True)
    plan.edit("src/pkg/script.py", lambda s: "# moved\n" + s, "annotate")
    plan.apply()
    assert (tmp_path / "src/pkg/script.py").read_text() == "# moved\nprint('hi')\n"
    assert "R" in git(tmp_path, "status", "--porcelain")  # staged as a rename


def test_an_edit_of_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_bytes(b"build/\n\xe9t\xe9/\n")
    plan = Plan(tmp_path)
    with pytest.raises(PlanError) as info:
        plan.edit(".gitignore", lambda text: text + "dist/\n", "ignore dist")
    assert "not UTF-8" in info.value.message
    assert info.value.line == 2
    assert not plan


def test_an_edit_of_a_folder_or_a_broken_toml_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").mkdir()
    with pytest.raises(PlanError, match="not a plain file"):
        Plan(tmp_path).edit_toml("pyproject.toml", lambda _: None, "x")
    (tmp_path / "pyproject.toml").rmdir()
    (tmp_path / "pyproject.toml").write_text('name = "unclosed\n', encoding="utf-8")
    with pytest.raises(PlanError, match="not valid TOML"):
        Plan(tmp_path).edit_toml("pyproject.toml", lambda _: None, "x")


def test_a_deferred_create_is_made_once_and_only_when_read(tmp_path: Path) -> None:
    made: list[str] = []

    def render() -> str:
        made.append("x")
        return "made\n"

    plan = Plan(tmp_path)
    plan.create("NOTES.md", render, "notes")
    assert plan.summary() == [("create", "NOTES.md", "notes")]
    assert made == []  # listing the plan makes nothing
    assert plan.text("NOTES.md") == "made\n"
    plan.edit("NOTES.md", lambda text: text + "more\n", "more")
    assert "+more" in plan.diff()
    plan.apply()
    assert (tmp_path / "NOTES.md").read_text() == "made\nmore\n"
    assert made == ["x"]


def test_a_deferred_create_is_refused_like_any_other(tmp_path: Path) -> None:
    write_tree(tmp_path, {"NOTES.md": "mine\n"})
    plan = Plan(tmp_path)
    plan.create("NOTES.md", lambda: b"new\n", "notes")
    with pytest.raises(PlanError):
        plan.create("NOTES.md", "again", "twice")
    with pytest.raises(PlanError):
        plan.apply()
    assert (tmp_path / "NOTES.md").read_text() == "mine\n"
