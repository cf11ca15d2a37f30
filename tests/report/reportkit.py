"""Helpers for the report tests: fixture project contents and the JSON report to compare with."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import HERE, run_cli

EXAMPLES = HERE.parent / "examples"

#: metadata that tries to break out of HTML (and of workflow commands)
HOSTILE_NAME = 'bad<script>alert("name")</script></details>'
HOSTILE_PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "bad<script>alert(\\"name\\")</script></details>"
version = "0.1.0"
description = "</details></summary><script>alert('desc')</script> \\"quoted\\" & 'single' \\u001b[31m\\u0007"
readme = "README.md"
license = "Nope<b>"
requires-python = ">=3.10"
authors = [{ name = "<img src=x onerror=alert(1)>", email = "not-an-email<>" }]
dependencies = ["<script>"]

[project.urls]
Homepage = "javascript:alert(1)"
"""


def hostile_files() -> dict[str, str]:
    return {
        "pyproject.toml": HOSTILE_PYPROJECT,
        "README.md": "# <script>alert('readme')</script>\n\n</details>\n",
        "src/bad_pkg/__init__.py": "import yaml_<b>\n",
        "src/bad_pkg/a<img src=x onerror=alert(2)>.py": "import requests\n",
        "scripts/run%0A::error::injected.py": "import numpy\n",
        "scripts/title\x1b]0;pwned\x07.py": "print 'python 2'\n",  # a terminal escape in a file name
    }


def check_json(root: Path, *extra: str) -> dict[str, object]:
    proc = run_cli("check", str(root), "--format", "json", "--fail-on", "never", *extra)
    assert proc.returncode == 0, proc.stderr
    data: dict[str, object] = json.loads(proc.stdout)
    return data


RANK = {"blocker": 0, "important": 1, "polish": 2}


def failed(data: dict[str, object]) -> list[dict[str, object]]:
    """The failed findings of a JSON report, worst first (report order within a severity)."""
    findings = data["findings"]
    assert isinstance(findings, list)
    out = [f for f in findings if f["status"] == "failed"]
    return sorted(out, key=lambda f: RANK[str(f["severity"])])


def exit_code(data: dict[str, object], fail_on: str = "important") -> int:
    """The exit code `sciship check --fail-on FAIL_ON` gives for this report."""
    if fail_on == "never":
        return 0
    return 1 if any(RANK[str(f["severity"])] <= RANK[fail_on] for f in failed(data)) else 0
