"""pyproject checks (PKG100-PKG105) and the PKG100 / PKG103 fixers."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import tomlkit

from helpers import GOOD_PYPROJECT, apply_fixer, compute, git, write_tree
from helpers import disk_status as status
from sciship.checks import run_checks
from sciship.metadata.licenses import LICENSES_DIR
from sciship.project import Project

MIT = (LICENSES_DIR / "MIT.txt").read_text().replace("{{ year }}", "2024").replace("{{ holder }}", "Ada")


def test_pyproject_present() -> None:
    assert compute("PKG100", {"pyproject.toml": GOOD_PYPROJECT}).status == "passed"


def test_setup_py_only_builds_and_is_told_how_to_move() -> None:
    files = {"setup.py": "from setuptools import setup\nsetup(name='mypkg', version='0.1')\n"}
    assert compute("PKG100", files).status == "passed"  # pip builds it
    finding = compute("PKG105", files)
    assert finding.status == "failed"
    assert finding.severity == "important"
    assert finding.path == "setup.py"
    assert finding.line == 2
    assert "[project]" in finding.message


def test_nothing_to_build() -> None:
    finding = compute("PKG100", {"analysis.py": "print(1)\n"})
    assert finding.status == "failed"
    assert finding.severity == "blocker"
    assert compute("PKG100", {"setup.cfg": "[metadata]\nname = x\n"}).status == "failed"


def test_invalid_toml_has_line_and_column() -> None:
    finding = compute("PKG101", {"pyproject.toml": '[project]\nname = "x\n'})
    assert finding.status == "failed"
    assert finding.line == 2
    assert "column" in finding.message


def test_schema_error_names_the_key() -> None:
    toml = GOOD_PYPROJECT.replace('description = "An example package."', 'keywords = "lakes, temperature"')
    finding = compute("PKG102", {"pyproject.toml": toml})
    assert finding.status == "failed"
    assert "`project.keywords` must be a list" in finding.message
    assert "``" not in finding.message


SETUPTOOLS = GOOD_PYPROJECT.replace('["hatchling"]', '["setuptools>=77"]').replace(
    '"hatchling.build"', '"setuptools.build_meta"'
)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            'repository = "https://github.com/ada/x"',
            "`repository` is not a key of `[project]`: did you mean `[project.urls]`",
        ),
        ('author = "Ada"', "did you mean `authors = [{ name"),
        ('python_requires = ">=3.10"', "did you mean `requires-python`?"),
        ('dependancies = ["numpy"]', "did you mean `dependencies`?"),
    ],
)
def test_unknown_key_is_named_exactly(extra: str, expected: str) -> None:
    # ncompare: `repository` under [project]; hatchling builds it (PKG104), setuptools refuses (PKG102)
    toml = GOOD_PYPROJECT.replace('readme = "README.md"', f'readme = "README.md"\n{extra}')
    tolerated = compute("PKG104", {"pyproject.toml": toml})
    assert tolerated.status == "failed"
    assert tolerated.severity == "important"
    assert expected in tolerated.message
    assert "``" not in tolerated.message
    assert "hatchling builds it today" in tolerated.message
    assert compute("PKG102", {"pyproject.toml": toml}).status == "passed"
    strict = SETUPTOOLS.replace('readme = "README.md"', f'readme = "README.md"\n{extra}')
    refused = compute("PKG102", {"pyproject.toml": strict})
    assert refused.status == "failed"
    assert refused.message.startswith("setuptools refuses to build it")
    assert expected in refused.message


def test_orcid_in_authors() -> None:
    # sourmash: ORCIDs in [project] authors. maturin builds it; setuptools, flit, pdm, poetry, uv refuse
    toml = GOOD_PYPROJECT.replace(
        '{ name = "Ada Lovelace", email = "ada@example.org" }',
        '{ name = "Ada Lovelace", orcid = "0000-0002-1825-0097" }',
    )
    finding = compute("PKG104", {"pyproject.toml": toml})
    assert finding.status == "failed"
    assert "`orcid` in `project.authors[0]`" in finding.message
    assert "CITATION.cff" in finding.message
    strict = toml.replace('["hatchling"]', '["flit_core>=3.12"]')
    strict = strict.replace('"hatchling.build"', '"flit_core.buildapi"')
    assert compute("PKG102", {"pyproject.toml": strict}).status == "failed"


def test_build_system_missing_is_important() -> None:
    # earthpy: pyproject.toml for tool settings only, metadata in setup.py; pip falls back to setuptools
    files = {"pyproject.toml": "[tool.black]\nline-length = 79\n", "setup.py": "setup()"}
    finding = compute("PKG103", files)
    assert finding.status == "failed"
    assert finding.severity == "important"


POETRY = """\
[build-system]
requires = ["poetry-core>=1.0.0"]
build-backend = "poetry.core.masonry.api"

[tool.poetry]
name = "cardsort"
version = "0.2.4"
description = "Analysis of card sorting data."
authors = ["Katharina Sonnentag <k@example.org>"]
license = "MIT"

[tool.poetry.dependencies]
python = "^3.9"
pandas = "^2.0"
"""


def test_poetry_metadata_is_read_in_tool_poetry() -> None:
    files = {"pyproject.toml": POETRY, "src/cardsort/__init__.py": "", "LICENSE": MIT}
    findings = {f.code: f for f in run_checks(Project.from_files(files), select=["pyproject", "metadata"])}
    passing = ("PKG100", "PKG101", "PKG102", "PKG103", "PKG104", "PKG110", "PKG112", "PKG114", "PKG115")
    for code in (*passing, "PKG116", "PKG118", "PKG120"):
        assert findings[code].status == "passed", (code, findings[code].message)
    assert findings["PKG105"].status == "failed"
    assert "`[tool.poetry]`" in findings["PKG105"].message
    assert findings["PKG105"].line == 6


def test_valid_schema() -> None:
    assert compute("PKG102", {"pyproject.toml": GOOD_PYPROJECT}).status == "passed"


def test_missing_build_backend() -> None:
    toml = GOOD_PYPROJECT.replace('build-backend = "hatchling.build"\n', "")
    finding = compute("PKG103", {"pyproject.toml": toml})
    assert finding.status == "failed"
    assert "build-backend" in finding.message


def test_fix_adds_build_system_first_and_keeps_comments(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"pyproject.toml": '# top comment\n[project]\nname = "x"  # the name\nversion = "1"\n'}
    )
    apply_fixer(tmp_path, "PKG103")
    text = (tmp_path / "pyproject.toml").read_text()
    assert text.index("[build-system]") < text.index("[project]")
    assert "# the name" in text
    assert status(tmp_path, "PKG103") == "passed"


# ---------------------------------------------------------------------- PKG100 starter


@pytest.fixture
def research(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with a package, a README and an MIT license, but no pyproject.toml."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "Lake Temps"
    root.mkdir()
    git(root, "init", "-q")
    git(root, "config", "user.name", "Ada Lovelace")
    git(root, "config", "user.email", "ada@example.org")
    git(root, "remote", "add", "origin", "https://github.com/ada/lake-temps.git")
    write_tree(
        root,
        {
            "src/lake_temps/__init__.py": '"""Lake temperatures."""\n\n__version__ = "0.4.0"\n',
            "src/lake_temps/stats.py": "def mean(xs):\n    return sum(xs) / len(xs)\n",
            "README.md": "# lake-temps\n\nLake temperature statistics for field data from alpine lakes.\n",
            "LICENSE": MIT,
        },
    )
    return root


STARTER_PASSES = (
    "PKG100",
    "PKG101",
    "PKG102",
    "PKG103",
    "PKG104",
    "PKG105",
    "PKG110",
    "PKG111",
    "PKG112",
    "PKG113",
    "PKG115",
    "PKG116",
    "PKG118",
    "PKG120",
    "LIC200",
    "LIC201",
    "LIC202",
    "LIC203",
    "LIC204",
    "LIC205",
    "LIC206",
    "RDM300",
    "RDM301",
    "RDM302",
    "RDM303",
)


def test_starter_pyproject_from_what_the_project_has(research: Path) -> None:
    assert status(research, "PKG100") == "failed"
    apply_fixer(research, "PKG100")
    data = tomlkit.parse((research / "pyproject.toml").read_text()).unwrap()
    meta = data["project"]
    assert data["build-system"]["build-backend"] == "hatchling.build"
    assert meta["name"] == "lake-temps"
    assert meta["dynamic"] == ["version"]  # the version stays where it is already written
    assert data["tool"]["hatch"]["version"]["path"] == "src/lake_temps/__init__.py"
    assert meta["readme"] == "README.md"
    assert meta["license"] == "MIT"
    assert meta["authors"] == [{"name": "Ada Lovelace", "email": "ada@example.org"}]
    assert meta["urls"]["Source"] == "https://github.com/ada/lake-temps"
    assert "description" not in meta  # never invented
    findings = {f.code: f for f in run_checks(Project.load(research))}
    assert {c: findings[c].status for c in STARTER_PASSES} == dict.fromkeys(STARTER_PASSES, "passed")
    assert findings["PKG114"].status == "failed"


def test_starter_leaves_an_unclear_license_out(research: Path) -> None:
    (research / "LICENSE").write_text("All rights reserved.\n")
    apply_fixer(research, "PKG100")
    meta = tomlkit.parse((research / "pyproject.toml").read_text()).unwrap()["project"]
    assert "license" not in meta
    (finding,) = run_checks(Project.load(research), select=["LIC200"])
    assert finding.needs_author


def test_starter_without_package_or_git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = write_tree(tmp_path / "My Analysis!", {"analysis.py": "print('hi')\n"})
    apply_fixer(root, "PKG100")
    meta = tomlkit.parse((root / "pyproject.toml").read_text()).unwrap()["project"]
    assert meta["name"] == "my-analysis"
    assert meta["version"] == "0.1.0"
    assert "authors" not in meta
    assert "urls" not in meta


def test_starter_is_not_written_next_to_setup_py(tmp_path: Path) -> None:
    write_tree(tmp_path, {"setup.py": "from setuptools import setup\nsetup(name='x')\n"})
    plan = apply_fixer(tmp_path, "PKG100")
    assert not plan.actions
    assert "setup.py" in plan.notes[0]
    assert not (tmp_path / "pyproject.toml").exists()


@pytest.mark.slow
def test_starter_builds_a_wheel(research: Path, tmp_path: Path) -> None:
    apply_fixer(research, "PKG100")
    out = tmp_path / "dist"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(research),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = out.glob("lake_temps-0.4.0-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        metadata = zf.read("lake_temps-0.4.0.dist-info/METADATA").decode()
    assert "lake_temps/stats.py" in names
    assert "License-Expression: MIT" in metadata
    assert "lake_temps-0.4.0.dist-info/licenses/LICENSE" in names
