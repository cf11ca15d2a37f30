"""sciship's checks inside the real repo-review: same statuses as `sciship check --format json`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportkit import check_json, failed

from helpers import PROJECTS
from sciship.checks import all_checks

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="repo-review needs Python 3.11 or newer (its own requirement)"
)

REPO_REVIEW = Path(sys.executable).with_name("repo-review")
STATUS = {True: "passed", False: "failed", None: "skipped"}


def repo_review(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(REPO_REVIEW), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "120"},
    )


def statuses(root: Path) -> dict[str, str]:
    proc = repo_review(str(root), "--format", "json")
    assert proc.returncode in {0, 3}, proc.stderr  # 3: something failed
    data = json.loads(proc.stdout)
    return {
        code: STATUS[c["result"]] for code, c in data["checks"].items() if c["family"].startswith("sciship-")
    }


@pytest.mark.parametrize(
    # not broken-toml: repo-review's own `pyproject` fixture stops with a traceback on invalid TOML
    "which",
    ["good_project", "troubled_project", "hostile_project", "setup-py-only", "meta-messy", "python2"],
)
def test_statuses_match_sciship_check(which: str, request: pytest.FixtureRequest) -> None:
    root = PROJECTS / which if (PROJECTS / which).is_dir() else request.getfixturevalue(which)
    ours = {f["code"]: f["status"] for f in check_json(root)["findings"]}  # type: ignore[union-attr]
    assert statuses(root) == ours


def test_checks_families_and_links() -> None:
    listed = repo_review("--list-all")
    assert listed.returncode == 0, listed.stderr
    for c in all_checks():
        assert c.code in listed.stdout
    data = json.loads(repo_review(str(PROJECTS / "meta-messy"), "--format", "json").stdout)
    for c in all_checks():
        rr = data["checks"][c.code]
        assert rr["family"] == f"sciship-{c.family}"
        assert rr["description"] == c.title
        if c.topic:
            assert rr["url"].endswith(f"/src/sciship/explain/{c.topic}.md")
    families = data["families"]
    assert families["sciship-pyproject"]["name"] == "sciship: pyproject.toml"
    assert "sciship check" in families["sciship-pyproject"]["description"]


def test_requires_is_carried_over() -> None:
    from sciship.plugins.repo_review import repo_review_checks

    checks = repo_review_checks()
    for c in all_checks():
        assert checks[c.code].requires == frozenset(c.requires)
    # repo-review itself skips a check whose prerequisite did not pass, as sciship does
    cases = 0
    for root in (PROJECTS / "setup-py-only", PROJECTS / "meta-messy", PROJECTS / "python2"):
        ours = {f["code"]: f["status"] for f in check_json(root)["findings"]}  # type: ignore[union-attr]
        st = statuses(root)
        for c in all_checks():
            if any(ours.get(r) != "passed" for r in c.requires):
                assert st[c.code] == "skipped", (root.name, c.code)
                cases += 1
    assert cases, "the fixture projects must exercise at least one prerequisite"


def test_select_and_html_output(troubled_project: Path) -> None:
    data = check_json(troubled_project)
    first = str(failed(data)[0]["code"])
    prefix = first.rstrip("0123456789")
    proc = repo_review(str(troubled_project), "--format", "html", "--select", prefix)
    assert proc.returncode == 3, proc.stderr
    assert first in proc.stdout
    others = [c.code for c in all_checks() if not c.code.startswith(prefix)]
    assert not any(code in proc.stdout for code in others)


def test_remote_or_listing_skips_rather_than_guessing() -> None:
    from sciship.plugins.repo_review import sciship_findings

    class NotAFolder:
        pass

    assert sciship_findings(NotAFolder()) == {}


def test_sciship_never_imports_the_plugin_or_repo_review_at_startup() -> None:
    code = (
        "import sys, sciship.cli\n"
        "sciship.cli.build_parser()\n"
        "print([m for m in sys.modules if m.startswith(('repo_review', 'sciship.plugins'))])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
