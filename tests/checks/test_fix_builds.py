"""`--fix` never breaks a build, proven with the real backends (issue 12, §6b; slow: real builds).

For every fixture project in ``tests/projects/``: build the sdist and the wheel in a copy
(``python -m build``, isolated, with the backend the project names), run `sciship check --fix` as a user
would, and build again. Whatever built before must still build. The ``fix-*`` fixtures are the cases that
break without the backend rules: a license table next to a License classifier, for setuptools,
flit_core, hatchling, pdm-backend and poetry-core, each with a lower bound older than the PEP 639 one.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import PROJECTS, run_cli
from sciship.metadata import backends

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

pytestmark = pytest.mark.slow

FIXTURES = sorted(p.name for p in PROJECTS.iterdir() if p.is_dir())


def build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "build", "--outdir", str(out), str(root)]
    if shutil.which("uv") or (Path(sys.executable).parent / "uv").exists():
        cmd.insert(3, "--installer=uv")
    return subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=900)


@pytest.mark.parametrize("name", FIXTURES)
def test_what_built_before_the_fix_still_builds(tmp_path: Path, name: str) -> None:
    root = tmp_path / name
    shutil.copytree(PROJECTS / name, root, symlinks=True)
    before = build(root, tmp_path / "before")
    fixed = run_cli("check", "--fix", str(root), env={"GIT_CONFIG_GLOBAL": "/dev/null"})
    assert "Traceback" not in fixed.stdout + fixed.stderr
    if before.returncode != 0:
        pytest.skip(f"{name} does not build before the fix either (it is broken on purpose)")
    after = build(root, tmp_path / "after")
    assert after.returncode == 0, fixed.stdout[-2000:] + after.stdout[-3000:] + after.stderr[-3000:]
    if name.startswith("fix-"):
        data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
        assert isinstance(data["project"]["license"], str)  # the fix was made, not dropped
        assert backends.violations(data) == []
