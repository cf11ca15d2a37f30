"""No traceback anywhere (issue 12, §6): every command, on every broken project, answers in plain words.

Each command in :data:`COMMANDS` runs as a user would run it (the real command line, in a subprocess,
with a time limit) on every project in ``tests/projects/`` and on every broken project :data:`BROKEN`
makes: files that are not UTF-8 in every place sciship reads, a pyproject.toml that is a folder, a named
pipe, a link in a loop, empty, or full of values of the wrong shape; files and folders that may not be
read; a 10 MB single-line module. Nothing may print a traceback, an "unexpected problem" or an "internal
error"; the exit code is 0, 1 or 2; where the command cannot use the input it exits 2 and says why.

Permission denied as root: root reads any file whatever its mode bits, and CI runs as root. There the
commands run through ``setpriv`` without the two capabilities that let root ignore file permissions
(``CAP_DAC_OVERRIDE``, ``CAP_DAC_READ_SEARCH``), so a mode-000 file or folder is as unreadable to them as
to any user. The named pipe, the dangling link and the link loop are unreadable for root too.

``audit`` runs once over all of them together (it takes many folders), which is how people use it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers import PROJECTS

#: name -> the command line; ``{path}`` is the project, ``{out}`` a folder that does not exist yet.
COMMANDS: dict[str, tuple[str, ...]] = {
    "check": ("check", "--verbose", "{path}"),
    "check-fix": ("check", "--fix", "--dry-run", "{path}"),
    "deps": ("deps", "{path}"),
    "deps-write": ("deps", "--write", "--dry-run", "{path}"),
    "adopt": ("adopt", "--dry-run", "{path}", "--output", "{out}", "--yes"),
    "build": ("build", "--no-smoke", "{path}"),
    "share": ("share", "--dry-run", "--yes", "{path}"),
    "review-check": ("review", "check", "{path}"),
}
#: commands that run a build backend: real builds, so they are marked slow
SLOW = frozenset({"build"})
#: what a command never prints, whatever the input
NEVER = ("Traceback (most recent call last)", "did not expect", "internal error")
#: commands that must refuse (exit 2) a project whose pyproject.toml cannot be read
NEEDS_PYPROJECT = frozenset({"deps", "deps-write", "adopt", "build"})

GOOD = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "brk"
version = "0.1.0"
description = "A broken example."
readme = "README.md"
license = "MIT"
requires-python = ">=3.10"
authors = [{ name = "Ada Lovelace", email = "ada@example.org" }]
"""
LATIN1 = "# étude des données\n".encode("latin-1")


@dataclass(frozen=True)
class Broken:
    make: Callable[[Path], None]
    #: paths the plain `check` output must name (so the problem is said, not hidden)
    mentions: tuple[str, ...] = ()
    #: commands that must fail (exit 2: the input cannot be used, with what to do; exit 1: the work failed)
    refuse: frozenset[str] = field(default_factory=frozenset)
    #: the case needs permissions to mean something (see the module docstring)
    permissions: bool = False


def base(root: Path, pyproject: str | None = GOOD) -> None:
    (root / "src/brk").mkdir(parents=True)
    (root / "src/brk/__init__.py").write_text("import numpy\n", encoding="utf-8")
    (root / "README.md").write_text("# brk\n\nA broken example package for the tests of sciship.\n",
                                    encoding="utf-8")
    if pyproject is not None:
        (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")


def with_file(rel: str, content: bytes, pyproject: str | None = GOOD) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        base(root, pyproject)
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(content)

    return make


def pyproject_folder(root: Path) -> None:
    base(root, None)
    (root / "pyproject.toml").mkdir()
    (root / "pyproject.toml/notes.txt").write_text("a folder, not a file\n", encoding="utf-8")


def pyproject_pipe(root: Path) -> None:
    base(root, None)
    os.mkfifo(root / "pyproject.toml")


def pyproject_loop(root: Path) -> None:
    base(root, None)
    (root / "pyproject.toml").symlink_to("pyproject.toml")


def module_pipe(root: Path) -> None:
    base(root)
    os.mkfifo(root / "src/brk/pipe.py")


def dangling_links(root: Path) -> None:
    base(root)
    (root / "src/brk/gone.py").symlink_to(root / "nowhere.py")
    (root / "LICENSE").symlink_to("LICENSE.txt")


def link_loops(root: Path) -> None:
    base(root)
    (root / "a.py").symlink_to("b.py")
    (root / "b.py").symlink_to("a.py")
    (root / "src/brk/up").symlink_to(root / "src")


def unreadable_file(root: Path) -> None:
    base(root)
    (root / "src/brk/secret.py").write_text("import scipy\n", encoding="utf-8")
    (root / "src/brk/secret.py").chmod(0)


def unreadable_pyproject(root: Path) -> None:
    base(root)
    (root / "pyproject.toml").chmod(0)


def unreadable_folder(root: Path) -> None:
    base(root)
    (root / "src/brk/hidden").mkdir()
    (root / "src/brk/hidden/mod.py").write_text("import scipy\n", encoding="utf-8")
    (root / "src/brk/hidden").chmod(0)


def big_module(line: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        base(root)
        (root / "src/brk/big.py").write_text(line, encoding="utf-8")

    return make


def not_a_package(root: Path) -> None:
    """A folder of scripts (what `adopt` takes) whose requirements and notebook are not UTF-8."""
    (root / "analysis.py").write_bytes(b"import numpy\n" + LATIN1)
    (root / "requirements.txt").write_bytes(b"numpy\n# \xe9\n")
    (root / "environment.yml").write_bytes(b"name: \xe9\ndependencies:\n  - numpy\n")
    (root / "notebook.ipynb").write_bytes(b'{"cells": [{"cell_type": "code", "source": "import \xe9"}]}')


WRONG_SHAPES = """\
[build-system]
requires = "hatchling"
build-backend = 1

[project]
name = 1
version = []
description = {}
readme = 5
license = 3
authors = "Ada"
classifiers = "Science"
dependencies = "numpy"
urls = []
requires-python = 3
optional-dependencies = []
scripts = 1
dynamic = "version"
license-files = "LICENSE"
keywords = "a"

[dependency-groups]
test = "pytest"
"""
WRONG_ITEMS = """\
[build-system]
requires = [1, {}]
build-backend = "hatchling.build"

[project]
name = "brk"
version = "0.1"
authors = [1, "x", {name = 2, email = []}]
classifiers = [1, "License :: OSI Approved :: BSD License"]
dependencies = [1, "numpy>=", "???"]
urls = {a = 1}
optional-dependencies = {x = "numpy", y = [1]}
scripts = {a = 1}
license = {file = 1}
readme = {file = 1, content-type = 2}
license-files = [1]

[dependency-groups]
test = [1, {include-group = 2}, {include-group = "nope"}]

[tool.setuptools.dynamic]
dependencies = 1

[tool.poetry]
name = 1
dependencies = 1
"""
ALIAS_BOMB = "".join(
    f"{k}: &{k} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['x'] * 9)}]\n"
    for p, k in zip(["", "a", "b", "c", "d", "e", "f", "g"], "abcdefgh", strict=True)
) + "authors: *h\n"

SETUP_PY_WRONG_SHAPES = b"from setuptools import setup\nsetup(name=1, install_requires='x', packages=5)\n"

BROKEN: dict[str, Broken] = {
    # not UTF-8, in every kind of file sciship reads
    "latin1-pyproject": Broken(
        with_file("pyproject.toml", GOOD.replace("A broken", "Une étude").encode("latin-1")),
        ("pyproject.toml",),
        NEEDS_PYPROJECT,
    ),
    "utf16-pyproject": Broken(with_file("pyproject.toml", GOOD.encode("utf-16")), ("pyproject.toml",),
                              NEEDS_PYPROJECT),
    "latin1-module": Broken(with_file("src/brk/mod.py", LATIN1 + b"x = '\xe9'\n"), ("src/brk/mod.py",)),
    "latin1-readme": Broken(with_file("README.md", b"# brk\n\n" + LATIN1 * 3), ("README.md",),
                            frozenset({"build"})),
    "latin1-citation": Broken(
        with_file("CITATION.cff", b"cff-version: 1.2.0\ntitle: \xe9\n"), ("CITATION.cff",)
    ),
    "latin1-requirements": Broken(with_file("requirements.txt", b"numpy\n# \xe9\n")),
    "latin1-notebook": Broken(
        with_file("nb.ipynb", b'{"cells": [{"cell_type": "code", "source": "import \xe9"}]}'), ("nb.ipynb",)
    ),
    "latin1-setup-files": Broken(with_file("setup.cfg", b"[metadata]\nname = \xe9\n", None)),
    "latin1-workflow": Broken(with_file(".github/workflows/tests.yml", b"name: \xe9\non: push\n")),
    "latin1-license": Broken(with_file("LICENSE", b"MIT License \xa9 2020 Ada\n"), ("LICENSE",)),
    "latin1-gitignore": Broken(with_file(".gitignore", b"\xe9\n")),
    "latin1-scripts-folder": Broken(not_a_package),
    # pyproject.toml that is not a readable TOML file
    "pyproject-folder": Broken(pyproject_folder, ("pyproject.toml",), NEEDS_PYPROJECT),
    "pyproject-pipe": Broken(pyproject_pipe, ("pyproject.toml",), NEEDS_PYPROJECT),
    "pyproject-link-loop": Broken(pyproject_loop, ("pyproject.toml",), NEEDS_PYPROJECT),
    "pyproject-empty": Broken(with_file("pyproject.toml", b"")),
    "pyproject-comments-only": Broken(with_file("pyproject.toml", b"# nothing here yet\n\n")),
    "pyproject-wrong-shapes": Broken(with_file("pyproject.toml", WRONG_SHAPES.encode())),
    "pyproject-wrong-items": Broken(with_file("pyproject.toml", WRONG_ITEMS.encode())),
    "pyproject-project-not-a-table": Broken(
        with_file("pyproject.toml", b'project = 1\n"build-system" = "x"\n')
    ),
    # what cannot be read at all
    "module-pipe": Broken(module_pipe, ("src/brk/pipe.py",), frozenset({"build"})),
    "dangling-links": Broken(dangling_links, (), frozenset({"build"})),
    "link-loops": Broken(link_loops),
    "unreadable-file": Broken(unreadable_file, ("src/brk/secret.py",), permissions=True),
    "unreadable-pyproject": Broken(
        unreadable_pyproject, ("pyproject.toml",), NEEDS_PYPROJECT, permissions=True
    ),
    "unreadable-folder": Broken(unreadable_folder, ("src/brk/hidden/",), permissions=True),
    # very large or strange code
    "10mb-one-line-list": Broken(big_module("x = [" + "1," * 5_000_000 + "]")),
    "10mb-one-line-string": Broken(big_module("x = '" + "a" * 10_000_000 + "'")),
    "10mb-one-line-sum": Broken(big_module("x = 1" + "+1" * 5_000_000)),
    "deeply-nested": Broken(big_module("x = " + "(" * 5000 + "1" + ")" * 5000 + "\n")),
    "nul-byte-module": Broken(with_file("src/brk/nul.py", b"import os\x00\n")),
    "unknown-coding": Broken(with_file("src/brk/cod.py", b"# -*- coding: nonsense -*-\nimport os\n")),
    "binary-readme": Broken(
        with_file("README.md", bytes(range(256)) * 10), ("README.md",), frozenset({"build"})
    ),
    # broken structured files
    "broken-notebooks": Broken(with_file("a.ipynb", b'{"cells": [1, {"cell_type": "code", "source": 7}]}')),
    "broken-yaml": Broken(with_file(".github/workflows/tests.yml", b"- 1\n- : :\n")),
    "yaml-alias-bomb": Broken(with_file("CITATION.cff", ALIAS_BOMB.encode()), ("CITATION.cff",)),
    "citation-wrong-shapes": Broken(with_file("CITATION.cff", b"cff-version: 1\nauthors: 5\ntitle: [1]\n")),
    "setup-py-wrong-shapes": Broken(with_file("setup.py", SETUP_PY_WRONG_SHAPES, None)),
    "readme-is-a-folder": Broken(with_file("docs/x.md", b"x", GOOD.replace('"README.md"', '"docs"'))),
    "git-file-points-nowhere": Broken(with_file(".git", b"gitdir: /nowhere\n")),
}


def _fixtures() -> list[str]:
    return sorted(p.name for p in PROJECTS.iterdir() if p.is_dir())


def _cases() -> list[object]:
    out = []
    for project in [*(f"fixture:{n}" for n in _fixtures()), *BROKEN]:
        for command in COMMANDS:
            marks = [pytest.mark.slow] if command in SLOW else []
            out.append(pytest.param(project, command, id=f"{project}-{command}", marks=marks))
    return out


def _drop_file_permission_override() -> list[str] | None:
    """A prefix that runs a command without root's power to ignore file permissions (None: cannot)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", "--"]


@pytest.mark.parametrize(("project", "command"), _cases())
def test_command_answers_in_plain_words(tmp_path: Path, project: str, command: str) -> None:
    root = tmp_path / "project"
    case = BROKEN.get(project, Broken(lambda _: None))
    if project.startswith("fixture:"):
        shutil.copytree(PROJECTS / project.split(":", 1)[1], root, symlinks=True)
    else:
        root.mkdir()
        case.make(root)
    prefix: list[str] | None = []
    if case.permissions:
        prefix = _drop_file_permission_override()
        if prefix is None:
            pytest.skip("running as root without setpriv: file permissions mean nothing here")
    argv = [a.format(path=root, out=tmp_path / "adopted") for a in COMMANDS[command]]
    try:
        proc = subprocess.run(
            [*prefix, sys.executable, "-m", "sciship", *argv],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
    finally:
        _restore_permissions(root)
    output = proc.stdout + proc.stderr
    for words in NEVER:
        assert words not in output, output[-3000:]
    assert proc.returncode in {0, 1, 2}, output[-3000:]
    if command in case.refuse:
        assert proc.returncode in {1, 2}, output[-3000:]
        if proc.returncode == 2:
            assert "Error: " in proc.stderr
            assert "What to do: " in proc.stderr
    if command == "check":
        for path in case.mentions:
            assert path in output, output[-3000:]


def _restore_permissions(root: Path) -> None:
    """Make every file and folder readable again, so pytest can clean the temporary folder."""
    for folder, dirs, _ in os.walk(root):
        for d in dirs:
            with_mode = Path(folder) / d
            if not with_mode.is_symlink():
                with_mode.chmod(0o755)
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            path.chmod(0o644)
    if (root / "pyproject.toml").is_file():
        (root / "pyproject.toml").chmod(0o644)


def test_audit_answers_in_plain_words_over_every_project(tmp_path: Path) -> None:
    """One audit over every fixture and broken project: a row or a plain error for each, no traceback."""
    roots: list[Path] = []
    permissions = False
    for name in _fixtures():
        root = tmp_path / f"fixture-{name}"
        shutil.copytree(PROJECTS / name, root, symlinks=True)
        roots.append(root)
    for name, case in BROKEN.items():
        root = tmp_path / name
        root.mkdir()
        case.make(root)
        roots.append(root)
        permissions = permissions or case.permissions
    prefix = _drop_file_permission_override() if permissions else []
    out = tmp_path / "audit.jsonl"
    try:
        proc = subprocess.run(
            [*(prefix or []), sys.executable, "-m", "sciship", "audit", "--jobs", "2", "--output", str(out),
             *map(str, roots)],
            capture_output=True,
            text=True,
            timeout=900,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
    finally:
        for root in roots:
            _restore_permissions(root)
    output = proc.stdout + proc.stderr
    for words in NEVER:
        assert words not in output, output[-3000:]
    assert proc.returncode in {0, 1, 2}, output[-3000:]
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    seen = {row["repository"] for row in rows}
    for root in roots:
        assert any(root.name in repo for repo in seen), (root.name, sorted(seen)[:5])
    for row in rows:
        if row["code"] == "ERROR":  # a repository sciship could not review says why, in plain words
            assert not any(words in row["message"] for words in NEVER), row
