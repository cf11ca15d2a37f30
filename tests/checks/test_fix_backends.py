"""`--fix` never breaks a build (issue 12, §6b): the backend rules, and the fix plan that follows them.

The rules in `sciship.metadata.backends` are facts verified by real builds (`benchmarks/backend_rules.py`
rebuilds them); :data:`VERIFIED` is that table, so a change to the rules that disagrees with a real build
fails here. The fix-plan tests write small projects to disk and plan `sciship check --fix` on them; the
slow tests in `test_fix_builds.py` build the results with the real backends.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import write_tree
from sciship.checks import Check, Finding, run_checks
from sciship.checks.fix import plan_fixes_detailed
from sciship.metadata import backends
from sciship.plan import Plan
from sciship.project import Project

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# ---------------------------------------------------------------------- the verified facts
#: (backend, version, scenario, the real build succeeded); "newest" is the newest release at the time
VERIFIED = [
    *(("setuptools", "76.1.0", s, ok) for s, ok in [
        ("table", True), ("expression", False), ("expression+classifier", False),
        ("expression+license-files", False), ("table+license-files", False), ("dynamic+static", False),
        ("partial-project", False)]),
    *(("setuptools", v, s, ok) for v in ("77.0.3", None) for s, ok in [
        ("table", True), ("expression", True), ("expression+classifier", False),
        ("expression+license-files", True), ("table+license-files", False), ("dynamic+static", False),
        ("partial-project", False)]),
    *(("flit_core", "3.10.1", s, ok) for s, ok in [
        ("table", True), ("expression", False), ("expression+classifier", False),
        ("expression+license-files", False), ("table+license-files", True), ("dynamic+static", False),
        ("partial-project", False)]),
    *(("flit_core", v, s, ok) for v in ("3.11.0", "3.12.0", None) for s, ok in [
        ("table", True), ("expression", True), ("expression+classifier", False),
        ("expression+license-files", True), ("table+license-files", False), ("dynamic+static", False),
        ("partial-project", False)]),
    *(("hatchling", "1.25.0", s, ok) for s, ok in [
        ("table", True), ("expression", True), ("expression+classifier", True),
        ("expression+license-files", False), ("table+license-files", False), ("dynamic+static", False),
        ("partial-project", False)]),
    *(("hatchling", v, s, ok) for v in ("1.26.0", "1.27.0", None) for s, ok in [
        ("table", True), ("expression", True), ("expression+classifier", True),
        ("expression+license-files", True), ("table+license-files", True), ("dynamic+static", False),
        ("partial-project", False)]),
    *(("pdm-backend", "2.3.3", s, ok) for s, ok in [
        ("table", True), ("expression", False), ("expression+classifier", False),
        ("expression+license-files", False), ("table+license-files", False), ("dynamic+static", False),
        ("partial-project", False)]),
    *(("pdm-backend", v, s, ok) for v in ("2.4.0", "2.4.10") for s, ok in [
        ("table", True), ("expression", True), ("expression+classifier", False),
        ("expression+license-files", True), ("table+license-files", False), ("dynamic+static", False),
        ("partial-project", False)]),
    ("pdm-backend", "2.5.0", "dynamic+static", True),
    ("pdm-backend", "2.5.0", "expression+classifier", False),
    ("poetry-core", "1.9.1", "partial-project", True),
    *(("poetry-core", v, s, ok) for v in ("2.0.1", "2.1.3") for s, ok in [
        ("table", True), ("expression", True), ("expression+classifier", True),
        ("expression+license-files", True), ("table+license-files", True), ("dynamic+static", True),
        ("partial-project", False)]),
    *(("uv_build", v, s, ok) for v in ("0.7.2", None) for s, ok in [
        ("table", True), ("expression", True), ("expression+classifier", True),
        ("expression+license-files", True), ("table+license-files", False), ("dynamic+static", False),
        ("partial-project", False)]),
    *(("poetry-core", v, s, ok) for v in ("2.2.0", None) for s, ok in [
        ("table", True), ("expression", True), ("expression+classifier", True),
        ("expression+license-files", True), ("table+license-files", False), ("dynamic+static", True),
        ("partial-project", False)]),
]


@pytest.mark.parametrize(("backend", "version", "scenario", "built"), VERIFIED)
def test_rules_match_the_real_builds(backend: str, version: str | None, scenario: str, built: bool) -> None:
    assert backends.accepts(backend, version, scenario) is built


# ---------------------------------------------------------------------- violations of a pyproject
def pyproject(requires: str, backend: str, **project: object) -> dict[str, object]:
    base: dict[str, object] = {"name": "demo", "version": "0.1.0"}
    base.update({k.replace("_", "-"): v for k, v in project.items()})
    return {"build-system": {"requires": [requires], "build-backend": backend}, "project": base}


BSD = "License :: OSI Approved :: BSD License"
POETRY = "poetry.core.masonry.api"
FLIT_BACKEND = "flit_core.buildapi"
SETUPTOOLS = "setuptools.build_meta"


@pytest.mark.parametrize(
    ("data", "rules"),
    [
        pytest.param(pyproject("flit_core >=3.2,<4", "flit_core.buildapi", license="BSD-3-Clause",
                               classifiers=[BSD]),
                     {("pep639-version", "3.11"), ("license-classifiers", None)},
                     id="flit-the-reported-case"),
        pytest.param(pyproject("flit_core>=3.11", "flit_core.buildapi", license="MIT"), set(), id="flit-ok"),
        pytest.param(pyproject("hatchling", "hatchling.build", license="MIT", classifiers=[BSD]), set(),
                     id="hatchling-accepts-classifiers"),
        pytest.param(pyproject("hatchling", "hatchling.build", license="MIT", license_files=["LICENSE"]),
                     {("pep639-version", "1.26")}, id="hatchling-license-files"),
        pytest.param(pyproject("setuptools>=61", "setuptools.build_meta", license="MIT"),
                     {("pep639-version", "77.0")}, id="setuptools-expression"),
        pytest.param(pyproject("setuptools>=77", "setuptools.build_meta", license={"text": "MIT"},
                               license_files=["LICENSE"]),
                     {("license-files-with-table", None)}, id="setuptools-table-and-files"),
        pytest.param(pyproject("pdm-backend", "pdm.backend", license="MIT", classifiers=[BSD]),
                     {("pep639-version", "2.4"), ("license-classifiers", None)}, id="pdm"),
        pytest.param(pyproject("poetry-core>=2", "poetry.core.masonry.api", license={"text": "MIT"},
                               license_files=["LICENSE"]),
                     {("license-files-with-table", None)}, id="poetry-table-and-files"),
        pytest.param(pyproject("setuptools>=77", "setuptools.build_meta", dynamic=["dependencies"],
                               dependencies=["numpy"]),
                     {("dynamic-and-static", None)}, id="dynamic-and-static"),
        pytest.param(pyproject("poetry-core>=2", "poetry.core.masonry.api", dynamic=["dependencies"],
                               dependencies=["numpy"]),
                     set(), id="poetry-accepts-dynamic-and-static"),
        pytest.param({"build-system": {"requires": ["poetry-core"], "build-backend": POETRY},
                      "project": {"requires-python": ">=3.9"}, "tool": {"poetry": {"name": "demo"}}},
                     {("project-without-name", None)}, id="partial-project"),
        pytest.param({"build-system": {"requires": ["hatchling"], "build-backend": "hatchling.build"}},
                     {("no-metadata-for-backend", None)}, id="hatchling-without-project"),
        pytest.param(pyproject("maturin>=1", "maturin", license="MIT"), {("unknown-backend", None)},
                     id="unknown-backend"),
        pytest.param({"project": {"name": "demo", "version": "1", "license": "MIT"}},
                     {("pep639-version", "77.0")}, id="no-build-system-means-setuptools"),
    ],
)
def test_violations(data: dict[str, object], rules: set[tuple[str, str | None]]) -> None:
    assert {v.key for v in backends.violations(data)} == rules


@pytest.mark.parametrize(
    ("requirement", "version", "expected"),
    [
        ("flit_core >=3.2,<4", "3.11", "flit_core>=3.11,<4"),
        ("flit_core~=3.2", "3.11", "flit_core>=3.11,<4"),
        ("setuptools", "77.0", "setuptools>=77.0"),
        ("setuptools>=61.0.0", "77.0", "setuptools>=77.0"),
        ("hatchling[x]>=1.0; python_version >= '3.9'", "1.26", 'hatchling[x]>=1.26; python_version >= "3.9"'),
        ("setuptools<70", "77.0", None),
        ("setuptools~=70.0", "77.0", None),
        ("setuptools==75.1", "77.0", None),
    ],
)
def test_raised_requirement(requirement: str, version: str, expected: str | None) -> None:
    assert backends.raised(requirement, version) == expected


# ---------------------------------------------------------------------- the fix plan follows the rules
FLIT = """\
[build-system]
requires = ["{requires}"]
build-backend = "flit_core.buildapi"

[project]
name = "flitpkg"
version = "0.1.0"
description = "A flit package."
readme = "README.md"
license = {{ file = "LICENSE" }}
requires-python = ">=3.9"
authors = [{{ name = "Ada Lovelace", email = "ada@example.org" }}]
classifiers = ["Programming Language :: Python :: 3", "License :: OSI Approved :: BSD License"]
"""
BSD_TEXT = (Path(__file__).parents[2] / "src/sciship/templates/licenses/BSD-3-Clause.txt").read_text(
    encoding="utf-8"
).replace("{{ year }}", "2024").replace("{{ holder }}", "Ada Lovelace")


def fix(root: Path) -> tuple[dict[str, object], Plan]:
    """Plan `sciship check --fix` on ``root``; pyproject.toml as the plan would leave it, and the plan."""
    project = Project.load(root)
    plan = plan_fixes_detailed(project, run_checks(project)).plan
    return tomllib.loads(plan.text("pyproject.toml") or ""), plan


def flit_project(root: Path, requires: str) -> Path:
    return write_tree(root, {
        "pyproject.toml": FLIT.format(requires=requires),
        "LICENSE": BSD_TEXT,
        "README.md": "# flitpkg\n\nA flit package with a BSD license, for the tests of sciship.\n",
        "src/flitpkg/__init__.py": '"""A package."""\n',
    })


def test_the_reported_case_removes_the_classifier_and_raises_flit(tmp_path: Path) -> None:
    data, plan = fix(flit_project(tmp_path, "flit_core >=3.2,<4"))
    project = data["project"]
    assert isinstance(project, dict)
    assert project["license"] == "BSD-3-Clause"
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    assert data["build-system"] == {"requires": ["flit_core>=3.11,<4"], "build-backend": FLIT_BACKEND}
    assert backends.violations(data) == []
    assert not any(note.startswith("LIC200") for note in plan.notes)


def test_a_backend_capped_below_the_new_form_keeps_the_old_one(tmp_path: Path) -> None:
    data, plan = fix(flit_project(tmp_path, "flit_core >=3.2,<3.10"))
    project = data["project"]
    assert isinstance(project, dict)
    assert project["license"] == {"file": "LICENSE"}  # LIC200 was dropped, whole
    assert "License :: OSI Approved :: BSD License" in project["classifiers"]
    assert data["build-system"] == {"requires": ["flit_core >=3.2,<3.10"], "build-backend": FLIT_BACKEND}
    (note,) = [n for n in plan.notes if n.startswith("LIC200: the fix would stop the build")]
    assert "flit_core" in note
    assert "3.11" in note


def test_license_files_next_to_a_table_the_backend_refuses_are_not_added(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        "pyproject.toml": FLIT.format(requires="setuptools>=77").replace(FLIT_BACKEND, SETUPTOOLS)
        .replace('license = { file = "LICENSE" }', 'license = { text = "Our own license" }')
        .replace(', "License :: OSI Approved :: BSD License"', ""),
        "license.txt": "Our own license: use it kindly.\n",  # not a name backends pick up by themselves
        "README.md": "# flitpkg\n\nA package with a license of its own, for the tests of sciship.\n",
        "src/flitpkg/__init__.py": '"""A package."""\n',
    })
    data, plan = fix(tmp_path)
    project = data["project"]
    assert isinstance(project, dict)
    assert "license-files" not in project
    dropped = [n for n in plan.notes if n.startswith("LIC202: the fix would stop the build")]
    assert dropped
    assert "license-files" in dropped[0]


def test_a_fix_that_would_leave_project_without_name_is_dropped(tmp_path: Path) -> None:
    """A fixer that adds one key to a poetry project keeping its metadata in [tool.poetry]."""
    write_tree(tmp_path, {"pyproject.toml": (
        '[build-system]\nrequires = ["poetry-core>=1.0"]\nbuild-backend = "poetry.core.masonry.api"\n\n'
        '[tool.poetry]\nname = "demo"\nversion = "0.1.0"\n')})

    def add_requires_python(project: Project, plan: Plan) -> None:
        def change(doc: object) -> None:
            import tomlkit

            doc.setdefault("project", tomlkit.table())["requires-python"] = ">=3.10"  # type: ignore[attr-defined]

        plan.edit_toml("pyproject.toml", change, "set requires-python")

    check = Check("TST999", "test", "important", "t", "w", "f", func=lambda _: None,
                  fixer=add_requires_python)
    result = plan_fixes_detailed(Project.load(tmp_path), [Finding(check, "failed", "x")])
    assert not result.plan
    assert result.not_fixed == [Finding(check, "failed", "x")]
    (note,) = result.plan.notes
    assert "`name`" in note
    assert "PEP 621" in note


def test_an_internal_error_in_a_fixer_becomes_a_note(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.py": ""})

    def broken(project: Project, plan: Plan) -> None:
        plan.create("new.txt", "x", "a file")
        raise KeyError("boom")

    check = Check("TST998", "test", "important", "t", "w", "f", func=lambda _: None, fixer=broken)
    result = plan_fixes_detailed(Project.load(tmp_path), [Finding(check, "failed", "x")])
    assert not result.plan  # what the broken fixer planned is gone
    assert "internal error" in result.plan.notes[0]
    with pytest.raises(KeyError):
        plan_fixes_detailed(Project.load(tmp_path), [Finding(check, "failed", "x")], debug=True)
