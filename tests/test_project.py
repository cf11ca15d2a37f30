"""The Project snapshot: file listing inside and outside git, symlinks, layouts, pyproject parsing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import git, write_tree
from sciship._errors import InputError
from sciship.project import Project


def test_walk_honours_gitignore_outside_git(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            ".gitignore": "*.log\nbuild/\n",
            "a.py": "",
            "run.log": "",
            "build/lib/x.py": "",
            "sub/.gitignore": "secret.txt\n",
            "sub/secret.txt": "",
            "sub/keep.txt": "",
        },
    )
    project = Project.load(tmp_path)
    assert not project.in_git
    assert project.files == (".gitignore", "a.py", "sub/.gitignore", "sub/keep.txt")


def test_git_lists_tracked_and_untracked_but_not_ignored(tmp_path: Path) -> None:
    write_tree(tmp_path, {".gitignore": "*.log\n", "a.py": "", "b.py": "", "x.log": ""})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "a.py", ".gitignore")
    project = Project.load(tmp_path)
    assert project.in_git
    assert project.files == (".gitignore", "a.py", "b.py")
    assert project.tracked == {".gitignore", "a.py"}


def test_symlinks_never_leave_the_root_or_loop(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write_tree(outside, {"secret.txt": "outside"})
    root = write_tree(tmp_path / "proj", {"a.py": "", "sub/b.py": ""})
    (root / "out.txt").symlink_to(outside / "secret.txt")
    (root / "inside.txt").symlink_to(root / "a.py")
    (root / "loop").symlink_to(root)  # a folder link back to the root
    (root / "l1").symlink_to(root / "l2")
    (root / "l2").symlink_to(root / "l1")
    project = Project.load(root)
    assert "out.txt" not in project.files
    assert "inside.txt" in project.files
    assert not any(f.startswith("loop/") for f in project.files)
    assert {"out.txt", "loop", "l1", "l2"} <= set(project.skipped)


def test_virtual_environment_is_noted_not_walked(tmp_path: Path) -> None:
    write_tree(tmp_path, {"venv/pyvenv.cfg": "home = /usr\n", "venv/lib/site.py": "", "a.py": ""})
    assert Project.load(tmp_path).files == ("a.py", "venv/pyvenv.cfg")


@pytest.mark.parametrize(
    ("files", "layout", "names"),
    [
        ({"src/pkg/__init__.py": "", "src/pkg/sub/__init__.py": ""}, "src", ["pkg"]),
        ({"pkg/__init__.py": "", "tests/__init__.py": "", "docs/conf.py": ""}, "flat", ["pkg"]),
        ({"src/ns/part/__init__.py": ""}, "src", ["ns"]),
        ({"src/single.py": ""}, "src", ["single"]),
        ({"analysis.py": "", "notes.txt": ""}, "none", []),
    ],
)
def test_layout_detection(files: dict[str, str], layout: str, names: list[str]) -> None:
    project = Project.from_files(files)
    assert project.layout == layout
    assert [p.name for p in project.packages] == names


def test_broken_pyproject_becomes_a_problem_with_position() -> None:
    project = Project.from_files({"pyproject.toml": '[project]\nname = "x\n'})
    assert project.pyproject is None
    err = project.pyproject_error
    assert err is not None
    assert (err.path, err.line) == ("pyproject.toml", 2)
    assert err.column is not None
    assert "not valid TOML" in err.message


def test_non_utf8_text_is_a_problem_not_an_exception() -> None:
    project = Project.from_files({"README.md": b"Caf\xe9\n"})
    assert project.read_text("README.md") is None
    assert project.problems[0].path == "README.md"
    assert "UTF-8" in project.problems[0].message


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.txt": "x"})
    (tmp_path / "a.txt").chmod(0)
    project = Project.load(tmp_path)
    if os.geteuid() == 0:  # root reads everything; simulate the failure through the reader instead

        def denied(rel: str) -> bytes:
            raise PermissionError(13, "Permission denied", rel)

        project._reader = denied
    assert project.read_bytes("a.txt") is None
    assert "permission denied" in project.problems[0].message


def test_files_are_read_once() -> None:
    calls: list[str] = []
    project = Project.from_files({"a.txt": "x"})
    inner = project._reader
    assert inner is not None

    def counting(rel: str) -> bytes:
        calls.append(rel)
        return inner(rel)

    project._reader = counting
    for _ in range(3):
        project.read_text("a.txt")
    assert calls == ["a.txt"]


@pytest.mark.parametrize("kind", ["missing", "file", "dangling-link"])
def test_unusable_paths_raise_input_errors(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "x"
    if kind == "file":
        target.write_text("")
    elif kind == "dangling-link":
        target.symlink_to(tmp_path / "nowhere")
    with pytest.raises(InputError) as info:
        Project.load(target)
    assert info.value.hint


def test_pipes_are_never_read_and_are_named(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.py": "import os\n"})
    os.mkfifo(tmp_path / "pipe.py")
    project = Project.load(tmp_path)
    assert "pipe.py" not in project.files
    assert "pipe.py" in project.skipped
    assert [p.path for p in project.problems] == ["pipe.py"]
    assert project.read_bytes("pipe.py") is None  # asked by name: refused at once, never blocks


@pytest.mark.parametrize(
    ("make", "words"),
    [
        pytest.param(lambda root: (root / "pyproject.toml").mkdir(), "is a folder", id="folder"),
        pytest.param(lambda root: os.mkfifo(root / "pyproject.toml"), "not a regular file", id="pipe"),
        pytest.param(lambda root: (root / "pyproject.toml").symlink_to("pyproject.toml"), "points back",
                     id="loop"),
        pytest.param(lambda root: (root / "pyproject.toml").symlink_to("nowhere.toml"), "points nowhere",
                     id="dangling"),
    ],
)
def test_a_pyproject_that_is_not_a_file_is_said(tmp_path: Path, make: object, words: str) -> None:
    write_tree(tmp_path, {"a.py": ""})
    make(tmp_path)  # type: ignore[operator]
    project = Project.load(tmp_path)
    assert project.has_pyproject
    assert project.pyproject is None
    assert project.pyproject_error is not None
    assert words in project.pyproject_error.message
    with pytest.raises(InputError) as info:
        project.require_readable_pyproject("so nothing can be built")
    assert words in info.value.message
    assert "So nothing can be built." in info.value.message


def test_a_python_file_in_the_encoding_it_declares() -> None:
    """romueller/gefast-paper-analysis: a script with `# -*- coding: latin-1 -*-` and an accented comment
    is Python that runs; it was "not UTF-8, skipped". One that declares nothing stays a problem."""
    declared = b"# -*- coding: latin-1 -*-\n# donn\xe9es\nopen('in.txt')\n"
    project = Project.from_files({"a.py": declared, "b.py": b"# donn\xe9es\n", "c.txt": b"donn\xe9es"})
    assert project.read_text("a.py") == declared.decode("latin-1")
    assert project.read_text("b.py") is None
    assert project.read_text("c.txt") is None
    assert [p.path for p in project.problems] == ["b.py", "c.txt"]


def test_a_pyproject_that_is_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'[project]\nname = "x"\ndescription = "caf\xe9"\n')
    project = Project.load(tmp_path)
    err = project.pyproject_error
    assert err is not None
    assert (err.line, err.column) == (3, 19)
    assert "not UTF-8" in err.message
    with pytest.raises(InputError) as info:
        project.require_readable_pyproject("so nothing can be built")
    assert info.value.location() == f"{tmp_path.resolve() / 'pyproject.toml'}:3:19"


@pytest.mark.skipif(os.geteuid() == 0, reason="root opens any folder (tests/test_no_traceback.py drops that)")
def test_a_folder_that_cannot_be_opened_is_a_problem(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.py": "", "hidden/b.py": ""})
    (tmp_path / "hidden").chmod(0)
    try:
        project = Project.load(tmp_path)
    finally:
        (tmp_path / "hidden").chmod(0o755)
    assert project.files == ("a.py",)
    assert [p.path for p in project.problems] == ["hidden/"]


def test_an_environment_committed_to_git_is_not_the_projects_code(tmp_path: Path) -> None:
    """jonathanicholas/analysis-scripts: a Python 3.5 environment committed under `hddm/hddm_env/`: its 800
    library files became the folder's code (pandas' optional imports its requirements)."""
    write_tree(
        tmp_path,
        {
            "hddm/hddm_env/lib/python3.5/site-packages/pandas/io/clipboard.py": "import PyQt4\n",
            "hddm/hddm_env/lib/python3.5/site-packages/six.py": "",
            "hddm/fit.ipynb": "{}",
            "notes/site-packages-list.txt": "",
        },
    )
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    project = Project.load(tmp_path)
    assert project.files == ("hddm/fit.ipynb", "notes/site-packages-list.txt")
    assert "hddm/hddm_env/lib/python3.5/site-packages/six.py" in project.skipped
