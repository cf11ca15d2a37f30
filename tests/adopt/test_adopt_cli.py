from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import git, run_cli
from sciship._errors import PlanError
from sciship.adopt import adopt
from sciship.project import Project

EXAMPLE = Path(__file__).parents[2] / "examples" / "research-scripts"


def hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "research-scripts"))


def test_output_leaves_the_original_byte_identical(folder: Path, tmp_path: Path) -> None:
    before = hashes(folder)
    out = tmp_path / "pkg"
    proc = run_cli("adopt", str(folder), "--output", str(out), "--yes")
    assert proc.returncode == 0, proc.stderr
    assert hashes(folder) == before
    after = hashes(out)
    assert {
        "pyproject.toml",
        "src/research_scripts/load_data.py",
        "src/research_scripts/utils.py",
        "notebooks/exploration.ipynb",
        "tests/test_adopted.py",
        "data/lake_temperatures.csv",
    } <= set(after)
    # data, notebooks and the unparseable file are copied byte for byte
    for src, dest in [
        ("data/lake_temperatures.csv",) * 2,
        ("exploration.ipynb", "notebooks/exploration.ipynb"),
        ("old_plots.py",) * 2,
        ("requirements.txt",) * 2,
    ]:
        assert after[dest] == before[src]
    assert "old_plots.py" in proc.stdout
    assert "Python 2" in proc.stdout
    assert "requests" in proc.stdout
    assert "never imported" in proc.stdout
    pyproject = (out / "pyproject.toml").read_text()
    assert '"numpy>=1.26.4"' in pyproject
    assert "requests" not in pyproject
    assert "seaborn" not in pyproject
    assert 'research-scripts-load-data = "research_scripts.load_data:main"' in pyproject
    assert "license" not in pyproject.split("[project.scripts]")[0]


def test_dry_run_writes_nothing(folder: Path, tmp_path: Path) -> None:
    proc = run_cli("adopt", str(folder), "--output", str(tmp_path / "pkg"), "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "01 load data.py -> src/research_scripts/load_data.py" in proc.stdout
    assert not (tmp_path / "pkg").exists()


def test_default_output_is_a_sibling(folder: Path) -> None:
    proc = run_cli("adopt", str(folder), "--yes", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    out = folder.with_name("research-scripts-package")
    assert (out / "LICENSE").is_file()
    assert 'license = "MIT"' in (out / "pyproject.toml").read_text()


def test_in_place_uses_git_mv_and_keeps_history(folder: Path) -> None:
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "scripts")
    before = hashes(folder)
    proc = run_cli("adopt", str(folder), "--in-place", "--yes")
    assert proc.returncode == 0, proc.stderr
    status = git(folder, "status", "--porcelain")
    assert (
        "R  01 load data.py -> src/research_scripts/load_data.py" in status
        or 'RM "01 load data.py" -> src/research_scripts/load_data.py' in status
    )
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "adopt")
    for moved in ("utils.py", "species_counts.py"):  # moved unchanged: git follows them
        log = git(folder, "log", "--follow", "--format=%s", "--", f"src/research_scripts/{moved}")
        assert log.split() == ["adopt", "scripts"]
    # every original is still in history byte for byte, and untouched files did not change
    for rel, digest in before.items():
        old = subprocess.run(
            ["git", "show", f"HEAD~1:{rel}"], cwd=folder, capture_output=True, check=True
        ).stdout
        assert hashlib.sha256(old).hexdigest() == digest
    after = hashes(folder)
    assert after["data/lake_temperatures.csv"] == before["data/lake_temperatures.csv"]
    assert after["notebooks/exploration.ipynb"] == before["exploration.ipynb"]


def test_in_place_refuses_a_dirty_tree(folder: Path) -> None:
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "scripts")
    (folder / "utils.py").write_text("# changed\n")
    before = hashes(folder)
    proc = run_cli("adopt", str(folder), "--in-place", "--yes")
    assert proc.returncode == 2
    assert "uncommitted changes" in proc.stderr
    assert hashes(folder) == before


def test_in_place_refuses_outside_git(folder: Path) -> None:
    proc = run_cli("adopt", str(folder), "--in-place", "--yes")
    assert proc.returncode == 2
    assert "not in a git repository" in proc.stderr


def test_all_or_nothing(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    result = adopt(Project.load(folder), out)
    (out / "notebooks").mkdir(parents=True)
    (out / "notebooks" / "exploration.ipynb").write_text("in the way")
    with pytest.raises(PlanError):
        result.plan.apply()
    assert hashes(out) == {"notebooks/exploration.ipynb": hashlib.sha256(b"in the way").hexdigest()}


def test_refuses_an_existing_package(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "a.py").write_text("print(1)\n")
    proc = run_cli("adopt", str(tmp_path), "--yes")
    assert proc.returncode == 2
    assert "already describes a package" in proc.stderr
