"""Scripts in sub-folders, name collisions, dependencies from the engine, files libcst cannot read as-is."""

from __future__ import annotations

import ast
from pathlib import Path

from sciship.adopt import Adoption, adopt
from sciship.adopt.transform import transform
from sciship.project import Project

MAIN = "import numpy as np\nimport my\nimport extras\n\nprint(extras.f(np.ones(2)))\n"


def _adopt(tmp_path: Path, files: dict[str, str]) -> tuple[dict[str, str], Adoption]:
    src = tmp_path / "paper"
    for rel, text in files.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text)
    result = adopt(Project.load(src), tmp_path / "out")
    created = {a.path: a.content.decode() for a in result.plan.actions if a.kind == "create" and a.content}
    return created, result


def test_sibling_module_in_a_subfolder_is_local(tmp_path: Path) -> None:
    created, result = _adopt(
        tmp_path,
        {
            "02_video/main.py": MAIN,
            "02_video/extras.py": "def f(x):\n    return x\n",
            "03_startle/main.py": "import numpy\n\nprint(numpy.pi)\n",
            "requirements.txt": "numpy==1.26.4\n",
        },
    )
    video = created["src/paper/video_main.py"]
    assert "from paper import extras" in video
    assert "import extras\n" not in video.replace("from paper import extras", "")
    assert "src/paper/startle_main.py" in created
    assert set(result.commands) == {"paper-video-main", "paper-startle-main"}
    assert result.runtime == ["numpy>=1.26.4"]


def test_unverified_import_is_reported_not_added(tmp_path: Path) -> None:
    _created, result = _adopt(
        tmp_path, {"a.py": MAIN, "b.py": "import my\n", "extras.py": "def f(x):\n    return x\n"}
    )
    assert not any(r.startswith(("my", "extras")) for r in result.runtime)
    said = " ".join(result.unresolved)
    assert "`my` is imported by a.py, b.py but sciship cannot tell which package provides it" in said
    assert "[project.dependencies]" in said


def test_same_stem_in_two_folders_each_import_their_own(tmp_path: Path) -> None:
    created, _ = _adopt(
        tmp_path,
        {
            "a/run.py": "import utils\n\nutils.go()\n",
            "a/utils.py": "def go():\n    pass\n",
            "b/run.py": "import utils\n\nutils.go()\n",
            "b/utils.py": "def go():\n    pass\n",
        },
    )
    assert "from paper import a_utils as utils" in created["src/paper/a_run.py"]
    assert "from paper import b_utils as utils" in created["src/paper/b_run.py"]


def test_mixed_tab_indentation_is_expanded(tmp_path: Path) -> None:
    src = 'def f(flag):\n    if flag:\n        x = 1\n    else:\n\t    x = "a\\tb"\n    return x\n'
    done = transform(src, package="p", local={}, origin="u.py")
    assert '\n            x = "a\\tb"\n' in done.text
    assert ast.parse(done.text)
    assert any("tabs" in n for n in done.notes)


def test_existing_license_readme_and_gitignore_are_used(tmp_path: Path) -> None:
    from helpers import run_cli
    from sciship.metadata.licenses import license_text

    src = tmp_path / "paper"
    src.mkdir()
    (src / "run.py").write_text("print(1)\n")
    (src / "LICENSE").write_text(license_text("MIT", 2019, "A. Researcher"))
    (src / "README.md").write_text("Code for [the paper](https://example.org).\n")
    (src / ".gitignore").write_text("*.png")
    proc = run_cli("adopt", str(src), "--output", str(tmp_path / "out"), "--yes")
    assert proc.returncode == 0, proc.stderr
    assert "License: MIT, as your `LICENSE` says" in proc.stdout
    assert 'license = "MIT"' in (tmp_path / "out" / "pyproject.toml").read_text()
    assert (tmp_path / "out" / "README.md").read_text().startswith("[![Python](https://img.shields.io/badge/")
    assert (tmp_path / "out" / ".gitignore").read_text().startswith("*.png\n\n# Python build output\ndist/\n")
