"""Continuous integration: a test workflow, a Python matrix, and trusted publishing."""

from __future__ import annotations

import pytest

from helpers import PROJECTS, compute
from sciship.checks import run_checks
from sciship.project import Project

TESTS = """\
name: tests
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python-version: ["3.10", "3.13"]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - run: python -m pip install -e ".[test]"
      - run: python -m pytest
"""

SINGLE = TESTS.replace('python-version: ["3.10", "3.13"]', 'python-version: ["3.12"]')

TRUSTED = """\
name: release
on:
  release:
    types: [published]
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: actions/download-artifact@v4
      - uses: pypa/gh-action-pypi-publish@release/v1
"""

WITH_TOKEN = TRUSTED + "        with:\n          password: ${{ secrets.PYPI_API_TOKEN }}\n"

TWINE = """\
on: push
jobs:
  upload:
    runs-on: ubuntu-latest
    steps:
      - run: twine upload dist/*
        env:
          TWINE_USERNAME: __token__
          TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}
"""


@pytest.mark.parametrize(
    "files",
    [
        {".github/workflows/tests.yml": TESTS},
        {".github/workflows/ci.yaml": TESTS.replace("python -m pytest", "tox")},
        {".github/workflows/ci.yml": TESTS.replace("python -m pytest", "nox -s tests")},
        {".github/workflows/ci.yml": TESTS.replace("python -m pytest", "hatch test")},
        {".github/workflows/ci.yml": TESTS.replace("python -m pytest", "coverage run --rcfile=cov.toml")},
        {".gitlab-ci.yml": "test:\n  script:\n    - pip install .\n    - pytest\n"},
        {"azure-pipelines.yml": "steps:\n- script: python -m pytest\n"},
        {".circleci/config.yml": "jobs:\n  test:\n    steps:\n      - run: pytest -q\n"},
    ],
)
def test_ci_runs_tests_passes(files: dict[str, str]) -> None:
    assert compute("CI700", files).status == "passed"


def test_no_ci_fails() -> None:
    finding = compute("CI700", {"README.md": "x"})
    assert finding.status == "failed"
    assert ".github/workflows" in finding.message


def test_ci_without_tests_fails() -> None:
    lint_only = TESTS.replace("python -m pytest", "ruff check .")
    finding = compute("CI700", {".github/workflows/lint.yml": lint_only})
    assert finding.status == "failed"
    assert finding.path == ".github/workflows/lint.yml"
    assert "no job runs the tests" in finding.message


def test_broken_workflow_yaml_is_a_finding() -> None:
    broken = "on: push\njobs:\n  test:\n\truns-on: ubuntu-latest\n"
    finding = compute("CI700", {".github/workflows/tests.yml": TESTS, ".github/workflows/bad.yml": broken})
    assert finding.status == "failed"
    assert finding.path == ".github/workflows/bad.yml"
    assert finding.line == 4
    assert "not valid YAML" in finding.message


def test_matrix_passes_and_single_version_fails() -> None:
    assert compute("CI701", {".github/workflows/tests.yml": TESTS}).status == "passed"
    include = TESTS.replace(
        'python-version: ["3.10", "3.13"]',
        'include:\n          - python-version: "3.10"\n          - python-version: "3.13"',
    )
    assert compute("CI701", {".github/workflows/tests.yml": include}).status == "passed"
    finding = compute("CI701", {".github/workflows/tests.yml": SINGLE})
    assert finding.status == "failed"
    assert "`test`" in finding.message
    assert finding.line == 4


def test_matrix_from_expression_is_trusted() -> None:
    dynamic = TESTS.replace('["3.10", "3.13"]', "${{ fromJSON(needs.plan.outputs.versions) }}")
    assert compute("CI701", {".github/workflows/tests.yml": dynamic}).status == "passed"


def test_trusted_publishing_passes() -> None:
    assert compute("CI702", {".github/workflows/release.yml": TRUSTED}).status == "passed"


def test_no_release_workflow_is_skipped() -> None:
    assert compute("CI702", {".github/workflows/tests.yml": TESTS}).status == "skipped"


@pytest.mark.parametrize(
    ("workflow", "expected", "line"),
    [
        (WITH_TOKEN, "stored token (`password:`", 15),
        (TWINE, "token from repository secrets", 6),
    ],
)
def test_token_publishing_fails(workflow: str, expected: str, line: int) -> None:
    finding = compute("CI702", {".github/workflows/release.yml": workflow})
    assert finding.status == "failed"
    assert finding.severity == "polish"  # a safer practice, not something that stops anyone
    assert expected in finding.message
    assert finding.line == line
    assert "trusted publishing" in finding.message or "trusted publishing" in finding.check.why.lower()


def test_trusted_publishing_without_id_token_breaks_the_release() -> None:
    workflow = TRUSTED.replace("    permissions:\n      id-token: write\n", "")
    finding = compute("CI703", {".github/workflows/release.yml": workflow})
    assert finding.status == "failed"
    assert finding.severity == "important"
    assert "id-token: write" in finding.message
    assert finding.line == 6
    assert compute("CI702", {".github/workflows/release.yml": workflow}).status == "passed"


def test_poetry_publish_with_a_configured_token_is_not_called_trusted_publishing() -> None:
    # QuadratiK: `poetry config pypi-token...` in one step, `poetry publish` in the next
    workflow = (
        "on: release\njobs:\n  pypi_release:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: poetry config pypi-token.test-pypi \"${{ secrets.TEST_PYPI_ACCESS_TOKEN }}\"\n"
        "      - name: Publish package\n        run: poetry publish -r test-pypi --build\n"
    )
    files = {".github/workflows/pre_release.yml": workflow}
    finding = compute("CI702", files)
    assert finding.status == "failed"
    assert "token from repository secrets" in finding.message
    assert compute("CI703", files).status == "skipped"


def _job(*steps: str, name: str = "check") -> str:
    body = "".join(f"      - {step}\n" for step in steps)
    head = f"on: push\njobs:\n  {name}:\n    runs-on: ubuntu-latest\n    steps:\n"
    return head + f"      - uses: actions/checkout@v4\n{body}"


@pytest.mark.parametrize(
    "files",
    [
        pytest.param({".github/workflows/ci.yml": _job("run: coverage run -m unittest")}, id="coverage run"),
        pytest.param({".github/workflows/ci.yml": _job("run: python -m unittest discover")}, id="unittest"),
        pytest.param({".github/workflows/ci.yml": _job("run: nose2 --start-dir=app")}, id="nose2"),
        pytest.param({".github/workflows/ci.yml": _job("run: tox -e py312")}, id="tox"),
        pytest.param({".github/workflows/ci.yml": _job("run: nox -s tests")}, id="nox"),
        pytest.param({".github/workflows/ci.yml": _job("run: hatch test")}, id="hatch test"),
        pytest.param(
            {".github/workflows/ci.yml": _job("run: hatch run +py=${{ matrix.python-version }} test:run")},
            id="hatch run (taxpasta)",
        ),
        pytest.param({".github/workflows/ci.yml": _job("run: uv run pytest -x")}, id="uv run pytest"),
        pytest.param({".github/workflows/ci.yml": _job("run: make test")}, id="make test"),
        pytest.param({".github/workflows/ci.yml": _job("run: pixi run tests")}, id="pixi run"),
        pytest.param(
            {
                ".github/workflows/ci.yml": _job("uses: ./.github/actions/test"),
                ".github/actions/test/action.yml": "runs:\n  using: composite\n  steps:\n"
                "    - run: poetry run pytest --cov\n      shell: bash\n",
            },
            id="local composite action (biocypher)",
        ),
        pytest.param(
            {
                ".github/workflows/ci.yml": "on: push\njobs:\n  tests:\n"
                "    uses: ./.github/workflows/run.yml\n",
                ".github/workflows/run.yml": _job("run: python -m pytest"),
            },
            id="local reusable workflow",
        ),
    ],
)
def test_the_ways_real_projects_run_tests(files: dict[str, str]) -> None:
    finding = compute("CI700", files)
    assert finding.status == "passed"
    assert not finding.message


def test_a_step_named_test_passes_with_a_note() -> None:
    # afscgap: `- name: Unit tests main` running a command sciship does not know
    files = {".github/workflows/build.yml": _job("name: Unit tests main\n        run: ./run_checks.sh")}
    finding = compute("CI700", files)
    assert finding.status == "passed"
    assert "Unit tests main" in finding.message


def test_a_shared_workflow_from_elsewhere_is_not_sure() -> None:
    workflow = "on: push\njobs:\n  ci:\n    uses: my-org/workflows/.github/workflows/python.yml@v2\n"
    finding = compute("CI700", {".github/workflows/ci.yml": workflow})
    assert finding.status == "skipped"
    assert finding.message.startswith("sciship is not sure")


def test_testpypi_upload_is_not_a_test_run() -> None:
    files = {".github/workflows/ci.yml": _job("name: Publish to TestPyPI\n        run: twine upload dist/*")}
    assert compute("CI700", files).status == "failed"


def test_fixture_project_on_disk() -> None:
    project = Project.load(PROJECTS / "ci-token-publish")
    status = {f.code: f.status for f in run_checks(project, select=["ci"])}
    assert status == {"CI700": "passed", "CI701": "failed", "CI702": "failed", "CI703": "skipped"}


def test_workflow_files_are_parsed_once() -> None:
    project = Project.from_files({".github/workflows/tests.yml": TESTS})
    run_checks(project, select=["ci"])
    assert "ci:workflows" in project._memo
