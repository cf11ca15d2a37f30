"""The `share` family: metadata files agree, the data flow has no traps, big files are noted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import GOOD_PYPROJECT, compute, git, write_tree
from sciship.checks import run_checks
from sciship.flow import Flow, FlowProblem, Step
from sciship.project import Project

CFF = """\
cff-version: 1.2.0
message: If you use this software, please cite it using the metadata from this file.
title: example-pkg
version: 0.1.0
authors:
  - given-names: Ada
    family-names: Lovelace
license: MIT
"""
ZENODO = {
    "upload_type": "software",
    "title": "example-pkg",
    "version": "0.1.0",
    "license": "MIT",
    "creators": [{"name": "Lovelace, Ada"}],
}


def test_metadata_files_that_agree_pass() -> None:
    files = {"pyproject.toml": GOOD_PYPROJECT, "CITATION.cff": CFF, ".zenodo.json": json.dumps(ZENODO)}
    assert compute("SHR100", files).status == "passed"


def test_zenodo_and_cff_disagree() -> None:
    zenodo = {**ZENODO, "version": "0.0.9", "creators": [{"name": "Hopper, Grace"}]}
    finding = compute("SHR100", {"CITATION.cff": CFF, ".zenodo.json": json.dumps(zenodo)})
    assert finding.status == "failed"
    assert "version: CITATION.cff says `0.1.0`, .zenodo.json says `0.0.9`" in finding.message
    assert "authors" in finding.message
    assert "Grace Hopper" in finding.message
    assert finding.path == ".zenodo.json"


def test_package_license_disagrees_with_codemeta() -> None:
    codemeta = {
        "@context": "https://w3id.org/codemeta/3.0",
        "name": "example-pkg",
        "license": "https://spdx.org/licenses/GPL-3.0-only",
    }
    finding = compute("SHR100", {"pyproject.toml": GOOD_PYPROJECT, "codemeta.json": json.dumps(codemeta)})
    assert finding.status == "failed"
    assert "license" in finding.message
    assert "`GPL-3.0-only`" in finding.message


def test_cff_title_and_version_are_left_to_com605() -> None:
    stale = CFF.replace("version: 0.1.0", "version: 0.0.1")
    assert compute("SHR100", {"pyproject.toml": GOOD_PYPROJECT, "CITATION.cff": stale}).status == "passed"
    assert compute("COM605", {"pyproject.toml": GOOD_PYPROJECT, "CITATION.cff": stale}).status == "failed"


def test_a_team_in_pyproject_and_people_in_cff_is_a_choice() -> None:
    team = GOOD_PYPROJECT.replace('name = "Ada Lovelace"', 'name = "The Example Developers"')
    assert compute("SHR100", {"pyproject.toml": team, "CITATION.cff": CFF}).status == "passed"


@pytest.mark.parametrize(
    "authors",
    [
        pytest.param(
            "  - given-names: Ada\n    family-names: Lovelace\n"
            "  - given-names: Grace\n    family-names: Hopper\n",
            id="the citation credits more people (felupe, xclim)",
        ),
        pytest.param(
            "  - given-names: Ada A.\n    family-names: Lovelace\n", id="a middle initial (martini)"
        ),
        pytest.param("  - name: Lovelace Ada\n", id="family name first (great-tables)"),
    ],
)
def test_author_lists_that_do_not_contradict_each_other(authors: str) -> None:
    cff = CFF.split("authors:\n", 1)[0] + "authors:\n" + authors + "license: MIT\n"
    assert compute("SHR100", {"pyproject.toml": GOOD_PYPROJECT, "CITATION.cff": cff}).status == "passed"


def test_retired_license_id_is_its_only_spelling() -> None:
    # QuadratiK: `GPL-3.0-only` in pyproject.toml, `GPL-3.0` (retired, the same license) in CITATION.cff
    package = GOOD_PYPROJECT.replace('license = "MIT"', 'license = "GPL-3.0-only"')
    cff = CFF.replace("license: MIT", "license: GPL-3.0")
    assert compute("SHR100", {"pyproject.toml": package, "CITATION.cff": cff}).status == "passed"
    later = GOOD_PYPROJECT.replace('license = "MIT"', 'license = "GPL-3.0-or-later"')
    assert compute("SHR100", {"pyproject.toml": later, "CITATION.cff": cff}).status == "failed"


def test_one_metadata_source_is_skipped() -> None:
    assert compute("SHR100", {"CITATION.cff": CFF}).status == "skipped"


FLOW = Flow(
    steps=(Step("analysis.py", "script", 1, ("/home/ana/raw.csv",), ("out.csv",)),),
    problems=(
        FlowProblem("SHR111", "`/home/ana/raw.csv` will not exist on another computer.", "analysis.py", 3),
        FlowProblem("SHR110", "`data/missing.csv` is read but not in the folder.", "analysis.py", 4),
        FlowProblem("SHR115", "cells ran in the order 3, 1, 2.", "explore.ipynb", None),
    ),
)


@pytest.mark.parametrize(
    ("code", "status", "where"),
    [
        ("SHR110", "failed", ("analysis.py", 4)),
        ("SHR111", "failed", ("analysis.py", 3)),
        ("SHR112", "passed", None),
        ("SHR113", "passed", None),
        ("SHR114", "passed", None),
        ("SHR115", "failed", ("explore.ipynb", None)),
        ("SHR116", "passed", None),
    ],
)
def test_flow_problems_become_findings(code: str, status: str, where: tuple[str, int | None] | None) -> None:
    project = Project.from_files({"analysis.py": "x = 1\n", "explore.ipynb": "{}"})
    project.memo("flow", lambda: FLOW)  # the flow, written by hand (as trace would find it)
    (finding,) = run_checks(project, select=[code], debug=True)
    assert finding.status == status
    if where is not None:
        assert (finding.path, finding.line) == where


@pytest.mark.parametrize("code", ["SHR110", "SHR111", "SHR115"])
def test_the_examples_of_a_package_are_polish(code: str) -> None:
    """In a research folder the data flow is the work shared (important); next to a package it is the
    examples' (polish): people who install the package never run them."""
    files = {"analysis.py": "x = 1\n", "explore.ipynb": "{}"}
    research = Project.from_files(files)
    research.memo("flow", lambda: FLOW)
    (finding,) = run_checks(research, select=[code], debug=True)
    assert (finding.status, finding.severity) == ("failed", "important")
    package = Project.from_files(
        {**files, "pyproject.toml": GOOD_PYPROJECT, "src/example_pkg/__init__.py": ""}
    )
    package.memo("flow", lambda: FLOW)
    (finding,) = run_checks(package, select=[code], debug=True)
    assert (finding.status, finding.severity) == ("failed", "polish")
    assert finding.to_dict()["severity"] == "polish"
    assert "next to the package" in finding.message


def test_a_package_without_research_content_never_traces() -> None:
    project = Project.from_files(
        {
            "pyproject.toml": GOOD_PYPROJECT,
            "src/example_pkg/__init__.py": "",
            "src/example_pkg/core.py": "def f():\n    return open('x.csv').read()\n",
            "tests/test_core.py": "",
            "docs/conf.py": "",
            "setup.py": "",
        }
    )
    findings = run_checks(project, select=["SHR110", "SHR111", "SHR115"], debug=True)
    assert {f.status for f in findings} == {"skipped"}
    assert "flow:trace" not in project._memo  # the analysis was never started


def test_research_scripts_do_need_the_flow() -> None:
    from sciship.checks.share import research_files

    project = Project.from_files({"src/pkg/__init__.py": "", "scripts/fig1.py": "", "nb/a.ipynb": "{}"})
    assert research_files(project) == ["nb/a.ipynb", "scripts/fig1.py"]


def test_a_script_named_like_a_test_that_holds_no_test_is_research() -> None:
    """`test_model.py` that evaluates a model (no test function, no pytest) is a step for the trace, so the
    checks on the data flow look at it too; a real test next to it is not research."""
    from sciship.checks.share import research_files

    files = {
        "test_model.py": "import numpy as np\nscores = np.load('scores.npy')\nprint(scores.mean())\n",
        "test_units.py": "from model import f\n\ndef test_f():\n    assert f() == 1\n",
        "model_test.py": "import unittest\n",
    }
    project = Project.from_files(files)
    assert research_files(project) == ["test_model.py"]
    (finding,) = run_checks(project, select=["SHR110"], debug=True)
    assert finding.status == "failed"
    assert "scores.npy" in finding.message


def test_scripts_in_src_of_a_folder_that_is_no_package_are_research() -> None:
    """A research folder keeps its scripts in `src/` without any package metadata (no pyproject.toml):
    they are analysis steps, as the trace says, and their missing inputs are findings."""
    from sciship.checks.share import research_files

    files = {
        "src/main.py": "import numpy as np\nfrom data_loader import load\nload()\n",
        "src/data_loader.py": (
            "import os\nimport numpy as np\n\ndef load():\n    extra = 'src/dataset/extra.npz'\n"
            "    if os.path.exists(extra):\n        np.load(extra)\n"
            "    return np.load('src/dataset/main.npz')\n"
        ),
        "environment.yml": "name: gern\n",
    }
    assert research_files(Project.from_files(files)) == ["src/data_loader.py", "src/main.py"]
    (finding,) = run_checks(Project.from_files(files), select=["SHR110"], debug=True)
    assert finding.status == "failed"
    assert finding.message.startswith("1 input(s) are missing: `src/main.py:3`")  # not the checked one
    assert "src/dataset/main.npz" in finding.message
    assert "extra.npz" not in finding.message
    # with package metadata, a single module in src/ is the package's code
    packaged = {**files, "pyproject.toml": '[project]\nname = "main"\nversion = "1"\n'}
    assert research_files(Project.from_files(packaged)) == []


def test_large_files_need_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sciship.checks import share

    monkeypatch.setattr(share, "BIG_FILE", 1000)  # the real limit is 50 MB
    write_tree(tmp_path, {"data/big.h5": b"0" * 2000, "data/small.csv": "a\n", "README.md": "# Study\n"})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    (finding,) = run_checks(Project.load(tmp_path), select=["SHR101"], debug=True)
    assert finding.status == "failed"
    assert "`data/big.h5`" in finding.message
    (tmp_path / "README.md").write_text("# Study\n\n`big.h5` is on Zenodo: 10.5281/zenodo.1.\n")
    (finding,) = run_checks(Project.load(tmp_path), select=["SHR101"], debug=True)
    assert finding.status == "passed"
    (tmp_path / "README.md").write_text("# Study\n")
    (tmp_path / ".gitattributes").write_text("*.h5 filter=lfs diff=lfs merge=lfs -text\n")
    git(tmp_path, "add", "-A")
    (finding,) = run_checks(Project.load(tmp_path), select=["SHR101"], debug=True)
    assert finding.status == "passed"


def test_a_finding_never_raises_its_checks_severity() -> None:
    from sciship.checks import _REGISTRY, Fail, check, get_check

    @check("ZZZ999", family="share", severity="important", title="t", why="w", fix="f", topic="share")
    def _try(project: Project) -> Fail:
        return Fail("raised?", severity="blocker")

    try:
        c = get_check("ZZZ999")
        assert c is not None
        (finding,) = run_checks(Project.from_files({"a.py": ""}), select=["ZZZ999"], debug=True)
        assert finding.severity == "important"
    finally:
        _REGISTRY.pop("ZZZ999", None)
