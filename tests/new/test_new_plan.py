"""`plan_new`, the library side of `sciship new`: one plan, nothing written early, bad input refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from newkit import all_files, make_meta

from sciship._errors import InputError
from sciship.new.create import plan_new
from sciship.new.scaffold import project_files


def test_plan_lists_every_file_and_writes_nothing_until_applied(tmp_path: Path) -> None:
    target = tmp_path / "nested" / "rainfall-tools"
    meta = make_meta()
    plan = plan_new(meta, target, git=False)
    assert [a.kind for a in plan.actions] == ["create"] * len(project_files(meta))
    assert all(a.reason for a in plan.actions)
    assert not (tmp_path / "nested").exists()
    plan.apply()
    files = all_files(target)
    assert files == sorted(project_files(meta))
    assert "src/rainfall_tools/py.typed" in files
    assert (target / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_git_is_announced_in_the_notes(tmp_path: Path) -> None:
    assert any("git" in n for n in plan_new(make_meta(), tmp_path / "a", git=True).notes)
    assert not plan_new(make_meta(), tmp_path / "b", git=False).notes


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        pytest.param({"name": "json", "import_name": "json"}, "standard library", id="stdlib"),
        pytest.param({"name": "bad name"}, "cannot be a Python package name", id="name"),
        pytest.param({"license": "Unlicense"}, "does not know the license", id="license"),
    ],
)
def test_bad_metadata_is_refused(tmp_path: Path, changes: dict[str, object], words: str) -> None:
    with pytest.raises(InputError, match=words):
        plan_new(make_meta(**changes), tmp_path / "out", git=False)
    assert list(tmp_path.iterdir()) == []


def test_non_empty_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="already has files"):
        plan_new(make_meta(), tmp_path, git=False)
    assert all_files(tmp_path) == [".hidden"]


def test_file_appearing_before_apply_means_nothing_is_written(tmp_path: Path) -> None:
    from sciship._errors import PlanError

    target = tmp_path / "out"
    plan = plan_new(make_meta(), target, git=False)
    target.mkdir()
    (target / "README.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(PlanError):
        plan.apply()
    assert all_files(target) == ["README.md"]
    assert (target / "README.md").read_text(encoding="utf-8") == "mine\n"
