"""Projects made by `sciship new` and `sciship adopt` use sciship's action and pre-commit hooks, at a
ref that exists."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from reportkit import EXAMPLES

from helpers import run_cli
from sciship.new import scaffold

SCISHIP = "https://github.com/sciship/sciship"


def uses_and_hooks(root: Path) -> tuple[list[str], dict[str, object]]:
    tests = yaml.safe_load((root / ".github" / "workflows" / "tests.yml").read_text())
    uses = [s.get("uses", "") for job in tests["jobs"].values() for s in job["steps"]]
    config = yaml.safe_load((root / ".pre-commit-config.yaml").read_text())
    (repo,) = [r for r in config["repos"] if r["repo"] == SCISHIP]
    return uses, repo


def test_new_projects_use_the_action_and_hooks(good_project: Path) -> None:
    uses, repo = uses_and_hooks(good_project)
    rev = scaffold.sciship_rev()
    assert f"sciship/sciship@{rev}" in uses
    assert repo["rev"] == rev
    assert [h["id"] for h in repo["hooks"]] == ["sciship-check", "sciship-deps"]  # type: ignore[attr-defined]


def test_adopted_projects_use_them_too(tmp_path: Path) -> None:
    out = tmp_path / "adopted"
    proc = run_cli(
        "adopt", str(EXAMPLES / "research-scripts"), "--output", str(out), "--yes", "--license", "MIT"
    )
    assert proc.returncode == 0, proc.stderr
    uses, repo = uses_and_hooks(out)
    assert f"sciship/sciship@{scaffold.sciship_rev()}" in uses
    assert repo["rev"] == scaffold.sciship_rev()


@pytest.mark.parametrize(
    ("version", "rev"),
    [
        ("0.1.0", "v0.1.0"),
        ("1.2.3", "v1.2.3"),
        ("0.2.0.dev3", "main"),
        ("0.2.0rc1", "main"),
        ("0.1.0+g1234", "main"),
        ("not a version", "main"),
    ],
)
def test_rev_is_a_release_tag_or_main(version: str, rev: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import sciship

    monkeypatch.setattr(sciship, "__version__", version)
    assert scaffold.sciship_rev() == rev


def test_release_workflow_refuses_a_tag_that_is_not_the_version() -> None:
    # the promise behind `rev: v<version>`: sciship's own release job runs only for that tag
    import os
    import subprocess
    import sys

    import sciship

    root = Path(__file__).parent.parent.parent
    release = yaml.safe_load((root / ".github" / "workflows" / "release.yml").read_text())
    (step,) = [
        s for s in release["jobs"]["build"]["steps"] if s.get("name", "").startswith("The release tag")
    ]
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"  # `python` as on the runner
    for tag, ok in ((f"v{sciship.__version__}", True), ("v99.0.0", False), (sciship.__version__, False)):
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=root,
            env={**os.environ, "PATH": path, "GITHUB_REF_NAME": tag},
            capture_output=True,
            text=True,
            check=False,
        )
        assert (proc.returncode == 0) is ok, (tag, proc.stdout, proc.stderr)
