"""Metadata checks (PKG110-PKG120): one passing and one failing project each, plus the fixers."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import tomlkit

from helpers import DROP, PROJECTS, compute, git, pyproject, write_tree
from helpers import apply_fixer as fix
from helpers import disk_status as status
from sciship.checks import run_checks
from sciship.checks.metadata import uncapped
from sciship.project import Project

_DROP = DROP


def files(**changes: Any) -> dict[str, str]:
    return {"pyproject.toml": pyproject(**changes), "src/example_pkg/__init__.py": '"""Example."""\n'}


def test_good_project_passes_every_metadata_check() -> None:
    project = Project.from_files(files())
    failed = [f for f in run_checks(project, select=["metadata"]) if f.status != "passed"]
    assert failed == []


@pytest.mark.parametrize(
    ("code", "changes", "needle"),
    [
        pytest.param("PKG110", {"name": _DROP}, "no `name`", id="name-missing"),
        pytest.param("PKG110", {"name": "-bad name-"}, "`bad-name`", id="name-invalid"),
        pytest.param("PKG111", {"name": "other-thing"}, "`import example_pkg`", id="name-vs-import"),
        pytest.param("PKG112", {"version": _DROP}, "no `version`", id="version-missing"),
        pytest.param("PKG112", {"version": "one.two"}, "not a valid version", id="version-invalid"),
        pytest.param("PKG114", {"description": _DROP}, "no `description`", id="description-missing"),
        pytest.param("PKG114", {"description": "x" * 250}, "250 characters", id="description-long"),
        pytest.param("PKG114", {"description": "One.\nTwo."}, "several lines", id="description-lines"),
        pytest.param("PKG115", {"requires_python": _DROP}, "no `requires-python`", id="python-missing"),
        pytest.param("PKG116", {"requires_python": ">=3.10,<3.13"}, "`<3.13`", id="python-capped"),
        pytest.param("PKG116", {"requires_python": "~=3.10"}, "`~=3.10`", id="python-compatible"),
        pytest.param(
            "PKG117",
            {"classifiers": ["Programming Language :: Pyton :: 3"]},
            "did you mean `Programming Language :: Python :: 3`",
            id="classifier-typo",
        ),
        pytest.param("PKG118", {"authors": _DROP}, "no `authors`", id="authors-missing"),
        pytest.param("PKG118", {"authors": [{"name": "Ada"}]}, "no `email`", id="authors-no-email"),
        pytest.param("PKG119", {"urls": _DROP}, "no `[project.urls]`", id="urls-missing"),
        pytest.param(
            "PKG119",
            {"urls": {"Homepage": "https://example.org"}},
            "`Source` / `Documentation` / `Issues`",
            id="urls-homepage-only",
        ),
        pytest.param(
            "PKG120", {"dependencies": ["numpy==1.26.4", "scipy>=1.11"]}, "`numpy==1.26.4`", id="pinned"
        ),
    ],
)
def test_check_fails(code: str, changes: dict[str, Any], needle: str) -> None:
    finding = compute(code, files(**changes))
    assert finding.status == "failed", finding
    assert needle in finding.message
    assert finding.check.why
    assert finding.check.fix
    assert finding.check.topic


@pytest.mark.parametrize(
    ("code", "changes"),
    [
        pytest.param("PKG111", {"name": "Example_Pkg"}, id="name-normalised"),
        pytest.param("PKG112", {"version": _DROP, "dynamic": ["version"]}, id="version-dynamic"),
        pytest.param("PKG112", {"version": "1.0.0rc1"}, id="version-pre-release"),
        pytest.param("PKG116", {"requires_python": ">=3.10,!=3.11.0"}, id="python-exclusion"),
        pytest.param(
            "PKG117", {"classifiers": ["License :: OSI Approved :: MIT License"]}, id="classifier-real"
        ),
        pytest.param(
            "PKG118", {"authors": _DROP, "maintainers": [{"email": "lab@example.org"}]}, id="maintainers"
        ),
        pytest.param(
            "PKG119",
            {
                "urls": {
                    "Repository": "https://gitlab.com/a/b",
                    "Docs": "https://b.readthedocs.io",
                    "Bug Tracker": "https://gitlab.com/a/b/-/issues",
                }
            },
            id="urls-other-labels",
        ),
        pytest.param("PKG120", {"dependencies": ["numpy>=1.26", "pandas==2.*"]}, id="not-pinned"),
    ],
)
def test_check_passes_variants(code: str, changes: dict[str, Any]) -> None:
    assert compute(code, files(**changes)).status == "passed"


def test_version_in_two_places_that_agree() -> None:
    tree = files()
    tree["src/example_pkg/__init__.py"] = '__version__ = "0.1.0"\n'
    finding = compute("PKG113", tree)
    assert finding.status == "failed"
    assert finding.path == "src/example_pkg/__init__.py"
    assert "both in pyproject.toml" in finding.message


def test_version_in_two_places_that_disagree() -> None:
    tree = files()
    tree["src/example_pkg/__init__.py"] = '"""Doc."""\n\n__version__: str = "0.2.0"\n'
    finding = compute("PKG113", tree)
    assert finding.status == "failed"
    assert finding.line == 3
    assert "disagree" in finding.message


def test_version_read_at_run_time_is_one_place() -> None:
    tree = files()
    tree["src/example_pkg/__init__.py"] = (
        "from importlib.metadata import version\n\n__version__ = version('example-pkg')\n"
    )
    assert compute("PKG113", tree).status == "passed"


def test_dynamic_version_from_file_is_one_place() -> None:
    tree = files(version=_DROP, dynamic=["version"])
    tree["src/example_pkg/__init__.py"] = '__version__ = "0.1.0"\n'
    assert compute("PKG113", tree).status == "passed"


def test_metadata_checks_skip_without_pyproject() -> None:
    finding = compute("PKG114", {"src/example_pkg/__init__.py": ""})
    assert finding.status == "skipped"


def test_missing_toml_skips_dependants_in_a_full_run() -> None:
    project = Project.from_files({"pyproject.toml": "[project\nname = 'x'\n"})
    findings = {f.code: f for f in run_checks(project, select=["PKG101", "metadata"])}
    assert findings["PKG101"].status == "failed"
    assert findings["PKG114"].status == "skipped"
    assert "PKG101" in findings["PKG114"].message


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (">=3.10,<4", ">=3.10"),
        ("~=3.9", ">=3.9"),
        ("<3.13", ">=3.10"),
        (">=3.9,!=3.9.1,<3.12", "!=3.9.1,>=3.9"),
    ],
)
def test_uncapped(spec: str, expected: str) -> None:
    assert uncapped(spec) == expected


# ---------------------------------------------------------------------- fixers on disk


COMMENTED = """\
# my project's settings
[project]
name = "example-pkg"  # the name on PyPI
version = "0.1.0"
requires-python = ">=3.10,<3.13"  # we test 3.10-3.12
"""


def test_fix_removes_python_cap_and_keeps_comments(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": COMMENTED})
    assert status(tmp_path, "PKG116") == "failed"
    fix(tmp_path, "PKG116")
    text = (tmp_path / "pyproject.toml").read_text()
    assert 'requires-python = ">=3.10"' in text
    assert "# the name on PyPI" in text
    assert "# my project's settings" in text
    assert status(tmp_path, "PKG116") == "passed"


def test_fix_adds_requires_python(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": COMMENTED.replace('requires-python = ">=3.10,<3.13"', "")})
    assert status(tmp_path, "PKG115") == "failed"
    fix(tmp_path, "PKG115")
    assert status(tmp_path, "PKG115") == "passed"
    assert "# the name on PyPI" in (tmp_path / "pyproject.toml").read_text()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose only git identity is its own (no global or system config)."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "proj"
    root.mkdir()
    git(root, "init", "-q")
    write_tree(root, {"pyproject.toml": COMMENTED})
    return root


def test_fix_adds_authors_from_git_config(repo: Path) -> None:
    git(repo, "config", "user.name", "Ada Lovelace")
    git(repo, "config", "user.email", "ada@example.org")
    assert status(repo, "PKG118") == "failed"
    fix(repo, "PKG118")
    data = tomlkit.parse((repo / "pyproject.toml").read_text())
    assert data["project"]["authors"] == [{"name": "Ada Lovelace", "email": "ada@example.org"}]  # type: ignore[index]
    assert status(repo, "PKG118") == "passed"


def test_fix_without_git_identity_only_notes(repo: Path) -> None:
    plan = fix(repo, "PKG118")
    assert not plan.actions
    assert "git config" in plan.notes[0]


def test_fix_adds_urls_from_github_remote(repo: Path) -> None:
    git(repo, "remote", "add", "origin", "git@github.com:ada/example-pkg.git")
    fix(repo, "PKG119")
    text = (repo / "pyproject.toml").read_text()
    assert 'Source = "https://github.com/ada/example-pkg"' in text
    assert 'Issues = "https://github.com/ada/example-pkg/issues"' in text
    assert "# the name on PyPI" in text
    # documentation cannot be derived, so the check still asks for it
    (finding,) = run_checks(Project.load(repo), select=["PKG119"])
    assert finding.status == "failed"
    assert finding.message.endswith("no `Documentation` link.")


def test_fix_without_remote_adds_no_urls(repo: Path) -> None:
    plan = fix(repo, "PKG119")
    assert not plan.actions
    assert "GitHub remote" in plan.notes[0]


def test_metadata_in_setup_py_is_read_where_it_is() -> None:
    """A setup.py project whose pyproject.toml only configures tools: it builds, so no blocker; PKG105
    asks to move the metadata, and the metadata checks read it from setup.py."""
    project = Project.load(PROJECTS / "meta-legacy")
    findings = {f.code: f for f in run_checks(project, select=["pyproject", "metadata"])}
    assert findings["PKG110"].status == "passed"  # name = "legacy-pkg" in setup.py
    assert findings["PKG112"].status == "passed"  # version = "1.0" in setup.py
    assert findings["PKG105"].status == "failed"
    assert findings["PKG105"].severity == "important"
    assert findings["PKG105"].path == "setup.py"
    assert "`[project]`" in findings["PKG105"].message
    blockers = [c for c, f in findings.items() if f.status == "failed" and f.severity == "blocker"]
    assert blockers == []


def test_check_fix_on_a_messy_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fixer of these families in one plan: applied together, comments kept, checks pass after."""
    from sciship.checks.fix import plan_fixes

    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "messy"
    shutil.copytree(PROJECTS / "meta-messy", root)
    families = ["pyproject", "metadata", "license", "readme"]
    before = {f.code: f for f in run_checks(Project.load(root), select=families)}
    failed = {c for c, f in before.items() if f.status == "failed"}
    assert failed == {
        "PKG102",  # hatchling refuses the misspelt classifier; PKG117 says what to write instead
        "PKG113",
        "PKG116",
        "PKG117",
        "PKG119",
        "PKG120",
        "LIC200",  # a License classifier without an expression
        "RDM300",
        "RDM312",
        "RDM313",
        "RDM314",
        "RDM315",
    }
    plan = plan_fixes(Project.load(root), before.values())
    plan.apply()
    after = {f.code: f for f in run_checks(Project.load(root), select=families)}
    fixed = {c for c in failed if after[c].status == "passed"}
    assert fixed == {"PKG116", "LIC200", "RDM300"}
    text = (root / "pyproject.toml").read_text()
    for comment in (
        "# Packaging for the lake tools",
        "# tested on 3.9-3.12",
        "# the version on the lab server",
    ):
        assert comment in text
    assert "License ::" not in text
    # without a GitHub remote, PKG119 is left to the author instead of being promised to --fix
    assert before["PKG119"].needs_author
    assert not before["PKG119"].fixable


def test_version_in_a_version_module_counts_too() -> None:
    tree = files()
    tree["src/example_pkg/__init__.py"] = "from ._version import __version__\n"
    tree["src/example_pkg/_version.py"] = '__version__ = "0.1.0"\n'
    finding = compute("PKG113", tree)
    assert finding.status == "failed"
    assert finding.path == "src/example_pkg/_version.py"
