"""Continuous integration: tests that run on every change, and releases without stored passwords."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sciship._regex import compile_later
from sciship.checks import Fail, Pass, Skip, check

if TYPE_CHECKING:
    from sciship.checks import Result
    from sciship.project import Project

FAMILY = "ci"
OTHER_CI = (".gitlab-ci.yml", "azure-pipelines.yml", ".circleci/config.yml", ".travis.yml", "noxfile.py")
#: commands that run a test suite: test runners, coverage, and task runners asked for a "test" task
#: (`hatch run +py=3.12 test:run`, `make test`, `pixi run tests`, `just test`, `uv run pytest`)
TEST_COMMAND = compile_later(
    r"\b(py\.?test|tox|nox|nose2|nosetests|unittest|ward|stestr)\b|\bcoverage\s+run\b|\bhatch\s+test\b"
    r"|setup\.py\s+test\b"
    r"|\b(hatch|pdm|uv|pixi|poe|poetry|rye|just|make|invoke|task|npm)\b[^\n;&|]*?[\s:/]tests?\b"
)
#: a step or job whose name says it runs the tests ("Unit tests main", "Test suite"), not TestPyPI
TEST_NAME = compile_later(r"\btests?\b|\btesting\b", re.IGNORECASE)
NOT_TEST_NAME = compile_later(r"test\.?pypi|test-pypi", re.IGNORECASE)
PUBLISH_ACTION = "pypa/gh-action-pypi-publish"
PUBLISH_COMMAND = compile_later(
    r"\b(twine\s+upload|hatch\s+publish|flit\s+publish|poetry\s+publish|uv\s+publish|pdm\s+publish)\b"
)
TOKEN_USE = compile_later(
    r"secrets\.\w*(pypi|twine|token|password)\w*|TWINE_PASSWORD|UV_PUBLISH_TOKEN|--password|--token",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Step:
    """One step of a GitHub Actions job, with the fields the CI checks read."""

    workflow: str
    job: str
    name: str = ""
    run: str = ""
    uses: str = ""
    with_: dict[str, Any] = field(default_factory=dict)
    env: str = ""  #: the step's and job's env as text (to spot secrets)


@dataclass(frozen=True)
class Workflow:
    """A GitHub Actions workflow file that parsed: its path, its text and its YAML data."""

    path: str
    text: str
    data: dict[str, Any]

    def jobs(self) -> dict[str, dict[str, Any]]:
        jobs = self.data.get("jobs")
        return {str(k): v for k, v in jobs.items() if isinstance(v, dict)} if isinstance(jobs, dict) else {}

    def steps(self) -> list[Step]:
        out: list[Step] = []
        for name, job in self.jobs().items():
            job_env = str(job.get("env", "")) + str(self.data.get("env", ""))
            for step in job.get("steps") or []:
                if not isinstance(step, dict):
                    continue
                w = step.get("with")
                out.append(
                    Step(
                        self.path,
                        name,
                        name=str(step.get("name") or ""),
                        run=str(step.get("run") or ""),
                        uses=str(step.get("uses") or ""),
                        with_=w if isinstance(w, dict) else {},
                        env=str(step.get("env", "")) + job_env,
                    )
                )
        return out

    def line_of(self, needle: str) -> int | None:
        i = self.text.find(needle)
        return self.text.count("\n", 0, i) + 1 if i >= 0 else None


def workflows(project: Project) -> tuple[list[Workflow], list[Fail]]:
    """The GitHub Actions workflows that parse, and a Fail for each that does not (parsed once)."""

    def parse() -> tuple[list[Workflow], list[Fail]]:
        from sciship.checks import _yaml

        good: list[Workflow] = []
        bad: list[Fail] = []
        for path in project.workflow_files:
            text = project.read_text(path)
            if text is None:
                continue
            data, error = _yaml.load(text)
            if error is not None:
                message = (
                    f"`{path}` is not valid YAML: {error.problem}{error.where()}. GitHub will not run it; "
                    "tabs or a missing space after `:` are the usual causes."
                )
                bad.append(Fail(message, path=path, line=error.line))
            elif isinstance(data, dict):
                good.append(Workflow(path, text, data))
        return good, bad

    return project.memo("ci:workflows", parse)  # type: ignore[no-any-return]


def _test_jobs(flows: list[Workflow], project: Project | None = None) -> list[tuple[Workflow, str]]:
    """Jobs with a step that runs a test command (also inside the project's own composite actions)."""
    found: list[tuple[Workflow, str]] = []
    for flow in flows:
        for step in flow.steps():
            text = step.run
            if project is not None and step.uses.startswith("./"):
                text += "\n" + _local_action(project, step.uses)
            if TEST_COMMAND.search(text) and (flow, step.job) not in found:
                found.append((flow, step.job))
    return found


def _local_action(project: Project, uses: str) -> str:
    """The run commands of a composite action kept in the repository (``uses: ./.github/actions/test``)."""
    folder = uses[2:].strip("/")
    for name in ("action.yml", "action.yaml"):
        path = f"{folder}/{name}"
        if project.has(path):
            from sciship.checks import _yaml

            data, _error = _yaml.load(project.read_text(path) or "")
            runs = data.get("runs") if isinstance(data, dict) else None
            steps = runs.get("steps") if isinstance(runs, dict) else None
            if isinstance(steps, list):
                return "\n".join(str(s.get("run") or "") for s in steps if isinstance(s, dict))
    return ""


def _test_hint(flows: list[Workflow]) -> tuple[str, str] | None:
    """A job or step named like a test run, or a shared workflow named so: (where, what), for a note."""
    for flow in flows:
        for name, job in flow.jobs().items():
            uses = str(job.get("uses") or "")
            if uses and TEST_NAME.search(uses) and not NOT_TEST_NAME.search(uses):
                return flow.path, f"job `{name}` calls the shared workflow `{uses}`"
        for step in flow.steps():
            label = step.name or ""
            if TEST_NAME.search(label) and not NOT_TEST_NAME.search(label) and (step.run or step.uses):
                return flow.path, f"the step \"{label}\" in job `{step.job}`"
    return None


def _opaque(flows: list[Workflow]) -> str | None:
    """A job sciship cannot see into: a reusable workflow from another repository."""
    for flow in flows:
        for name, job in flow.jobs().items():
            uses = str(job.get("uses") or "")
            if uses and not uses.startswith("./"):
                return f"job `{name}` in `{flow.path}` runs the shared workflow `{uses}`"
    return None


@check(
    "CI700",
    family=FAMILY,
    severity="important",
    topic="ci",
    title="Continuous integration runs the tests on every change",
    why="""Continuous integration (CI) runs your tests on a fresh machine each time you push. It catches
    the "works on my laptop" problems: a file you forgot to commit, a dependency you did not declare, a
    change that broke something you were not looking at.""",
    fix="""Add a GitHub Actions workflow, e.g. .github/workflows/tests.yml, that checks out the code,
    sets up Python, installs the package with its test tools and runs `python -m pytest`
    (`sciship explain ci` shows one).""",
)
def ci_runs_tests(project: Project) -> Result:
    """CI700: a CI configuration runs a test command (pytest, tox, nox, `make test`, ...).

    A step or job named like a test run passes with a note; a shared workflow from another repository skips; a
    workflow that is not valid YAML fails.
    """
    flows, broken = workflows(project)
    if broken:
        return broken[0]
    if _test_jobs(flows, project):
        return None
    others = [f for f in OTHER_CI[:4] if project.has(f)]
    for other in others:
        if TEST_COMMAND.search(project.read_text(other) or ""):
            return None
    hint = _test_hint(flows)
    if hint:
        note = f"sciship takes {hint[1]} for the test run (its command is not one sciship knows)."
        return Pass(note, hint[0])
    opaque = _opaque(flows)
    if opaque:
        return Skip(f"sciship is not sure: {opaque}, which it cannot read; check that it runs the tests.")
    configured = [w.path for w in flows] + others
    if configured:
        return Fail(
            "CI is set up (" + ", ".join(f"`{c}`" for c in configured) + "), but no job runs the tests "
            "(sciship looked for pytest, unittest, nose2, `coverage run`, tox, nox, `hatch test`, and "
            "`make`/`hatch run`/`pixi run`/`uv run` ... `test`, and for a step named like a test run).",
            path=configured[0],
        )
    return Fail(
        "There is no CI configuration (sciship looked in .github/workflows/ and for .gitlab-ci.yml, "
        "azure-pipelines.yml and .circleci/)."
    )


def _python_versions(job: dict[str, Any]) -> set[str] | None:
    """Python versions a job's matrix covers; None when it cannot be read (an expression)."""
    strategy = job.get("strategy")
    matrix = strategy.get("matrix") if isinstance(strategy, dict) else None
    if isinstance(matrix, str):
        return None
    versions: set[str] = set()
    if isinstance(matrix, dict):
        for key, values in matrix.items():
            if "python" in str(key).lower() or str(key).lower() in {"py", "pyver"}:
                if isinstance(values, str):
                    return None
                if isinstance(values, list):
                    versions.update(str(v) for v in values)
        for extra in matrix.get("include") or []:
            if isinstance(extra, dict):
                versions.update(str(v) for k, v in extra.items() if "python" in str(k).lower())
    for step in job.get("steps") or []:
        w = step.get("with") if isinstance(step, dict) else None
        if (
            isinstance(w, dict)
            and isinstance(w.get("python-version"), str)
            and "${{" not in w["python-version"]
        ):
            versions.update(w["python-version"].split())
    return versions


@check(
    "CI701",
    family=FAMILY,
    severity="polish",
    topic="ci",
    requires=("CI700",),
    title="CI tests more than one Python version",
    why="""Your users run many Python versions. Testing only one means you learn about breakage from bug
    reports; a small matrix (the oldest version you support and the newest) catches it first.""",
    fix="""In the test job add `strategy: matrix: python-version: ["3.10", "3.13"]` and pass
    `python-version: ${{ matrix.python-version }}` to actions/setup-python.""",
)
def ci_matrix(project: Project) -> Result:
    """CI701: a test job runs on more than one Python version (a matrix, or tox or nox).

    Passes when the versions cannot be read (an expression); skips without a GitHub Actions test job.
    """
    flows, _ = workflows(project)
    jobs = _test_jobs(flows, project)
    if not jobs:
        return Skip("sciship reads the Python versions of GitHub Actions workflows only.")
    for flow, name in jobs:
        job = flow.jobs()[name]
        steps_text = " ".join(s.run for s in flow.steps() if s.job == name)
        versions = _python_versions(job)
        if versions is None or len(versions) > 1 or re.search(r"\b(tox|nox)\b", steps_text):
            return None
    flow, name = jobs[0]
    return Fail(
        f"The test job `{name}` in `{flow.path}` runs on a single Python version.",
        path=flow.path,
        line=flow.line_of(f"{name}:"),
    )


def _has_id_token(flow: Workflow, job: str) -> bool:
    for perms in (flow.data.get("permissions"), flow.jobs()[job].get("permissions")):
        if perms == "write-all" or (isinstance(perms, dict) and perms.get("id-token") == "write"):
            return True
    return False


def _publish_steps(project: Project) -> list[tuple[Workflow, Step]]:
    flows, _ = workflows(project)
    return [
        (f, s) for f in flows for s in f.steps() if PUBLISH_ACTION in s.uses or PUBLISH_COMMAND.search(s.run)
    ]


def _job_text(flow: Workflow, job: str) -> str:
    return "\n".join(s.run + s.env + str(s.with_) for s in flow.steps() if s.job == job)


@check(
    "CI702",
    family=FAMILY,
    severity="polish",
    topic="publishing",
    title="Releases use PyPI trusted publishing, not a stored token",
    why="""Trusted publishing lets PyPI accept uploads from your GitHub workflow without any password or
    token: GitHub proves to PyPI who is uploading. A token stored in repository secrets can leak (through a
    log, a malicious pull request, or a compromised action) and lets anyone publish under your name.""",
    fix="""On pypi.org add a trusted publisher for your repository and workflow (Your projects > Manage >
    Publishing). In the workflow, give the publish job `permissions: id-token: write`, use
    `pypa/gh-action-pypi-publish` without `password:`, then delete the token secret and revoke it on PyPI.""",
)
def trusted_publishing(project: Project) -> Result:
    """CI702: no workflow uploads to PyPI with a stored token (`password:` or a token secret).

    Skips when no workflow publishes to PyPI.
    """
    publishing = _publish_steps(project)
    if not publishing:
        return Skip("No workflow publishes to PyPI (nothing to check until you add a release workflow).")
    for flow, step in publishing:
        if PUBLISH_ACTION in step.uses and "password" in step.with_:
            return Fail(
                f"`{flow.path}` uploads to PyPI with a stored token (`password:` in job `{step.job}`). "
                "With trusted publishing no token is needed, and none can leak.",
                path=flow.path,
                line=flow.line_of("password:"),
            )
        if step.run and TOKEN_USE.search(_job_text(flow, step.job)):
            command = PUBLISH_COMMAND.search(step.run)
            return Fail(
                f"`{flow.path}` uploads to PyPI with a token from repository secrets (job `{step.job}`). "
                "Switch to trusted publishing with `pypa/gh-action-pypi-publish`: no token is needed, and "
                "none can leak.",
                path=flow.path,
                line=flow.line_of(command.group()) if command else None,
            )
    return None


@check(
    "CI703",
    family=FAMILY,
    severity="important",
    topic="publishing",
    title="A trusted-publishing release job may prove its identity to PyPI",
    why="""Trusted publishing works by GitHub handing the release job a short-lived identity token, which
    PyPI checks. GitHub only does that for a job with `permissions: id-token: write`; without it the upload
    fails on release day.""",
    fix="""Add `permissions: id-token: write` to the job that runs `pypa/gh-action-pypi-publish` (or to the
    whole workflow).""",
)
def release_can_prove_identity(project: Project) -> Result:
    """CI703: each job that publishes to PyPI by trusted publishing may get an identity token.

    Such a job uses `pypa/gh-action-pypi-publish` without a password; it or its workflow needs
    `permissions: id-token: write` (or `write-all`). Skips when none publishes so.
    """
    trusted = [
        (f, s) for f, s in _publish_steps(project) if PUBLISH_ACTION in s.uses and "password" not in s.with_
    ]
    if not trusted:
        return Skip("No workflow publishes with trusted publishing.")
    for flow, step in trusted:
        if not _has_id_token(flow, step.job):
            return Fail(
                f"The publish job `{step.job}` in `{flow.path}` lacks `permissions: id-token: write`, "
                "which trusted publishing needs to prove its identity to PyPI.",
                path=flow.path,
                line=flow.line_of(f"{step.job}:"),
            )
    return None
