"""The composite GitHub Action (action.yml), run step by step with bash and the variables GitHub sets.

Each `run:` step runs as GitHub runs it (`bash --noprofile --norc -eo pipefail FILE`), with its `env:`
after the `${{ ... }}` expressions are filled in from the inputs, `github.action_path` and earlier
steps' outputs, and with GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE, RUNNER_TEMP and friends
pointing at temporary files. The install step really installs sciship from this worktree into a fresh
virtual environment (once for the module).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from reportkit import check_json, exit_code, failed

from helpers import HERE

pytestmark = pytest.mark.slow

ROOT = HERE.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPR = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


@dataclass
class Runner:
    """What one job of a GitHub runner keeps between the steps of the action."""

    temp: Path
    workspace: Path
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)

    def env(self, step_dir: Path) -> dict[str, str]:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))}
        return {
            **base,
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_ACTION_PATH": str(ROOT),
            "GITHUB_WORKSPACE": str(self.workspace),
            "GITHUB_OUTPUT": str(step_dir / "output"),
            "GITHUB_STEP_SUMMARY": str(self.workspace.parent / "step_summary.md"),
            "GITHUB_ENV": str(step_dir / "env"),
            "GITHUB_PATH": str(step_dir / "path"),
            "RUNNER_TEMP": str(self.temp),
            "RUNNER_OS": "Linux",
        }


def evaluate(text: str, inputs: dict[str, str], runner: Runner) -> str:
    def value(m: re.Match[str]) -> str:
        expr = m.group(1)
        if expr.startswith("inputs."):
            name = expr.removeprefix("inputs.")
            return inputs.get(name, ACTION["inputs"][name].get("default", ""))
        if expr == "github.action_path":
            return str(ROOT)
        step = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
        if step:
            return runner.outputs.get(step.group(1), {}).get(step.group(2), "")
        raise AssertionError(f"the test does not know the expression {expr!r}")

    return EXPR.sub(value, text)


def run_step(
    step: dict[str, Any], inputs: dict[str, str], runner: Runner
) -> subprocess.CompletedProcess[str]:
    assert step["shell"] == "bash"
    assert not EXPR.search(step["run"]), "expressions belong in env:, never inside the script"
    step_dir = Path(tempfile.mkdtemp(prefix=f"step-{step.get('id', 'x')}-", dir=runner.temp))
    script = step_dir / "script.sh"
    script.write_text(step["run"], encoding="utf-8")
    env = runner.env(step_dir)
    env.update({k: evaluate(str(v), inputs, runner) for k, v in step.get("env", {}).items()})
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=runner.workspace,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    out = step_dir / "output"
    if "id" in step:
        values = dict(line.split("=", 1) for line in out.read_text().splitlines()) if out.exists() else {}
        runner.outputs[step["id"]] = values
    return proc


def steps() -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in ACTION["runs"]["steps"]}


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    """A runner on which the action's install step has run (once per test run, whatever the workers)."""
    import fcntl
    import json

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # this run's folder, shared by the xdist workers
    shared = base / "action-runner"
    shared.mkdir(exist_ok=True)
    workspace = tmp_path_factory.mktemp("repo") / "workspace"  # each worker its own repository
    workspace.mkdir()
    runner = Runner(temp=shared / "temp", workspace=workspace)
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / "install-outputs.json"
        if not done.exists():
            runner.temp.mkdir(exist_ok=True)
            proc = run_step(steps()["install"], {}, runner)
            assert proc.returncode == 0, proc.stdout + proc.stderr
            assert "sciship" in proc.stdout  # `sciship --version`
            done.write_text(json.dumps(runner.outputs["install"]))
        runner.outputs["install"] = json.loads(done.read_text())
    assert Path(runner.outputs["install"]["sciship"]).exists()
    return runner


def check_step(
    runner: Runner, project: Path, inputs: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], str]:
    repo = runner.workspace
    for child in repo.iterdir():
        shutil.rmtree(child)
    shutil.copytree(project, repo / "pkg")
    summary = repo.parent / "step_summary.md"
    summary.write_text("")
    proc = run_step(steps()["check"], {"path": "pkg", **inputs}, runner)
    return proc, summary.read_text(encoding="utf-8")


def test_action_is_a_composite_action() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert list(steps()) == ["install", "check"]
    assert set(ACTION["inputs"]) >= {"path", "fail-on", "args"}


def test_troubled_project_fails_with_annotations_and_a_summary(
    installed: Runner, troubled_project: Path
) -> None:
    data = check_json(troubled_project)
    proc, summary = check_step(installed, troubled_project, {})
    assert proc.returncode == exit_code(data) == 1, proc.stderr
    assert installed.outputs["check"]["exit-code"] == "1"
    level = {"blocker": "error", "important": "warning", "polish": "notice"}
    for f in failed(data):  # each failure is an annotation on its file, inside the repository
        where = f"file=pkg/{f['path']}," if f["path"] else ""
        pattern = rf"^::{level[str(f['severity'])]} {re.escape(where)}.*title={f['code']} "
        assert re.search(pattern, proc.stdout, re.MULTILINE), (pattern, proc.stdout)
    assert "## sciship check" in summary
    for f in failed(data):
        assert f"**{f['code']}**" in summary
    assert "failed at or above 'important'" in proc.stdout


def test_fail_on_and_args_decide_the_exit_code(installed: Runner, troubled_project: Path) -> None:
    data = check_json(troubled_project)
    proc, summary = check_step(installed, troubled_project, {"fail-on": "never"})
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"^::(error|warning|notice) ", proc.stdout, re.MULTILINE)
    assert summary
    # `args` reach sciship check: with only one failing check selected, only it is annotated
    first = str(failed(data)[0]["code"])
    proc, _ = check_step(installed, troubled_project, {"fail-on": "never", "args": f"--select {first}"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    titles = re.findall(r"title=(\S+) ", proc.stdout)
    assert titles == [first]
    # and with only a passing check selected, the job passes at any fail-on
    passing = next(str(f["code"]) for f in data["findings"] if f["status"] == "passed")  # type: ignore[union-attr]
    proc, _ = check_step(installed, troubled_project, {"fail-on": "polish", "args": f"--select {passing}"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not re.search(r"^::", proc.stdout, re.MULTILINE)


def test_good_project_passes(installed: Runner, good_project: Path) -> None:
    proc, summary = check_step(installed, good_project, {})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not re.search(r"^::(error|warning)", proc.stdout, re.MULTILINE)
    assert "**0 failed**" in summary


def test_bad_input_fails_with_a_message(installed: Runner, troubled_project: Path) -> None:
    proc, _ = check_step(installed, troubled_project, {"fail-on": "sometimes"})
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr
    assert "Traceback" not in proc.stderr
