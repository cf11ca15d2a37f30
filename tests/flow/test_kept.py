"""The whole flow of the last run, taken again while nothing it was made from changed: the files listed,
the bytes of every file read, the disk's answers (sizes, links, ignored files); anything else traces
again, and a damaged kept file is no error."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from helpers import write_tree
from sciship.flow import _stored, _trace, trace
from sciship.project import Project

FILES = {
    "config.py": "OUT = 'results'\n",
    "01_run.py": "import numpy as np\nfrom config import OUT\nnp.save(f'{OUT}/x', 1)\n",
    "02_plot.py": "import numpy as np\nimport matplotlib.pyplot as plt\nnp.load('results/x.npy')\n"
    "plt.savefig('f')\n",
    "README.md": "# Paper\n\n```bash\npython 01_run.py\npython 02_plot.py\n```\n",
}


def _no_tracing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> object:
        raise AssertionError("traced again although nothing changed")

    monkeypatch.setattr(_trace._Tracer, "run", fail)


def _kept_files(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.flow"))


def test_an_unchanged_folder_gives_the_kept_flow_without_tracing(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_tree(tmp_path / "paper", FILES)
    first = trace(Project.load(root))
    assert _kept_files(isolated_cache), "kept in the user's cache folder"
    assert not list(root.rglob("*.flow")), "nothing is written into the project"
    _no_tracing(monkeypatch)
    second = trace(Project.load(root))
    assert _trace.LAST_TRACED == ["kept"]
    assert second == first
    assert [s.path for s in second.steps] == ["01_run.py", "02_plot.py"]


@pytest.mark.parametrize(
    "change",
    [
        "bytes of a step",
        "bytes of a module it imports",
        "a README that says how to run",
        "a new file",
        "a file removed",
    ],
)
def test_any_change_to_what_it_was_made_from_traces_again(
    tmp_path: Path, isolated_cache: Path, change: str
) -> None:
    root = write_tree(tmp_path / "paper", FILES)
    trace(Project.load(root))
    if change == "bytes of a step":
        (root / "02_plot.py").write_text("import matplotlib.pyplot as plt\nplt.savefig('g.pdf')\n")
    elif change == "bytes of a module it imports":
        (root / "config.py").write_text("OUT = 'out'\n")
    elif change == "a README that says how to run":
        (root / "README.md").write_text("# Paper\n\n```bash\npython 02_plot.py\npython 01_run.py\n```\n")
    elif change == "a new file":
        (root / "results").mkdir()
        (root / "results" / "x.npy").write_bytes(b"\x93NUMPY")
    else:
        (root / "02_plot.py").unlink()
    fresh = trace(Project.load(root), cache=False)
    again = trace(Project.load(root))
    assert _trace.LAST_TRACED != ["kept"]
    assert again == fresh
    assert trace(Project.load(root)) == fresh  # and kept anew
    assert _trace.LAST_TRACED == ["kept"]


def test_a_file_git_ignores_appearing_on_the_disk_traces_again(tmp_path: Path, isolated_cache: Path) -> None:
    """The flow says a read file git ignores is "on your disk" but not shared: that answer came from the
    disk, not from a file read, and it is checked again too."""
    root = write_tree(
        tmp_path / "paper",
        {"run.py": "import pandas as pd\npd.read_csv('data/raw.csv')\n", ".gitignore": "data/\n"},
    )
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    before = trace(Project.load(root))
    (root / "data").mkdir()
    (root / "data" / "raw.csv").write_text("a\n1\n")
    after = trace(Project.load(root))
    assert _trace.LAST_TRACED != ["kept"]
    assert after == trace(Project.load(root), cache=False)
    assert after.problems != before.problems
    assert "on your disk" in " ".join(p.message for p in after.problems)


def test_a_link_pointing_elsewhere_traces_again(tmp_path: Path, isolated_cache: Path) -> None:
    """A link to a folder of the project (``answers/models -> ../models``) is left out of the listing, and
    paths through it are read from the folder it points to: only the disk tells where it points."""
    root = write_tree(
        tmp_path / "paper",
        {
            "models/x.inp": "1\n",
            "other/y.inp": "2\n",
            "run.py": "import pandas as pd\npd.read_csv('answers/models/x.inp')\n",
        },
    )
    (root / "answers").mkdir()
    (root / "answers" / "models").symlink_to("../models")
    first = trace(Project.load(root))
    (root / "answers" / "models").unlink()
    (root / "answers" / "models").symlink_to("../other")
    second = trace(Project.load(root))
    assert _trace.LAST_TRACED != ["kept"]
    assert second == trace(Project.load(root), cache=False)
    assert second != first


def test_the_problems_met_reading_files_come_with_the_kept_flow(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_tree(
        tmp_path / "paper",
        {
            "run.py": "import pandas as pd\npd.read_csv('raw.csv')\n",
            "README.md": b"# R\xe9sum\xe9\n\npython run.py\n",
        },
    )
    first = Project.load(root)
    trace(first)
    assert [p.path for p in first.problems] == ["README.md"]
    _no_tracing(monkeypatch)
    second = Project.load(root)
    trace(second)
    assert _trace.LAST_TRACED == ["kept"]
    assert second.problems == first.problems


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_or_foreign_kept_file_traces_again(
    tmp_path: Path, isolated_cache: Path, damage: bytes
) -> None:
    root = write_tree(tmp_path / "paper", FILES)
    expected = trace(Project.load(root))
    for kept in _kept_files(isolated_cache):
        kept.write_bytes(damage)
    assert trace(Project.load(root)) == expected
    assert _trace.LAST_TRACED != ["kept"]


def test_without_the_cache_nothing_is_kept_or_taken(tmp_path: Path, isolated_cache: Path) -> None:
    root = write_tree(tmp_path / "paper", FILES)
    trace(Project.load(root), cache=False)
    assert not _kept_files(isolated_cache)
    trace(Project.load(root))
    trace(Project.load(root), cache=False)
    assert _trace.LAST_TRACED == ["here"]


def test_in_memory_projects_are_never_kept(isolated_cache: Path) -> None:
    trace(Project.from_files(FILES))
    assert not _kept_files(isolated_cache)
    assert _stored.take(Project.from_files(FILES)) is None
