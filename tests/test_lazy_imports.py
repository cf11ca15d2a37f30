"""Start-up speed: heavy modules load only where a command needs them, with unchanged results."""

from __future__ import annotations

import subprocess
import sys

import pathspec
import pytest

from sciship.checks.hygiene import _BUILD_PROBES, missing_ignores

GITIGNORES = [
    "dist/\nbuild/\n*.egg-info/\n__pycache__/\n",
    "# top\n__pycache__/\n*.py[cod]\nbuild/\n\ndist/\n*.egg-info/\n.venv\n",
    "dist/\nbuild/\n*.egg-info/\n__pycache__/\n!dist/\n",
    "dist/\nbuild/\n*.egg-info/\n__pycache__/\n!example/__pycache__/\n",
    "dist/\nbuild/\n",
    " dist/\nbuild/\n*.egg-info/\n__pycache__/\n",
    "dist/\r\nbuild/\r\n*.egg-info/\r\n__pycache__/\r\n",
    "",
]


def _with_pathspec(text: str) -> list[str]:
    spec = pathspec.GitIgnoreSpec.from_lines(text.splitlines())
    return [line for line, probe in _BUILD_PROBES.items() if not spec.match_file(probe)]


@pytest.mark.parametrize("text", GITIGNORES)
def test_missing_ignores_matches_pathspec(text: str) -> None:
    assert missing_ignores(text) == _with_pathspec(text)


def test_check_modules_leave_heavy_imports_alone() -> None:
    code = (
        "import sys\n"
        "import sciship.ui, sciship.project, sciship.imports.analysis, sciship.checks.hygiene\n"
        "import sciship.commands.check, sciship.commands.deps\n"
        "heavy = ('getpass', 'configparser', 'hashlib', 'pathspec', 'multiprocessing', 'yaml')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
