"""`sciship build` on fixture projects with each kind of late failure (real builds, real venvs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from sciship.release import BuildResult
from sciship.release._model import tail
from sciship.release._smoke import modules_in

PROJECTS = Path(__file__).parent.parent / "projects"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "sciship", *args], env=env, capture_output=True, text=True, check=False
    )


Builder = Callable[[str], tuple[Path, BuildResult]]
slow = pytest.mark.slow


def text_of(result: BuildResult, name: str) -> str:
    step = result.step(name)
    assert step is not None, f"no step {name}: {[s.name for s in result.steps]}"
    return "\n".join([step.message, *step.details])


@slow
def test_good_project_passes_every_step(build_project: Builder) -> None:
    root, result = build_project("build-good")
    assert result.ok, [(s.name, s.message, s.details) for s in result.steps if s.status != "ok"]
    assert [s.name for s in result.steps] == [
        "backend",
        "sdist",
        "wheel",
        "metadata",
        "readme",
        "wheel-contents",
        "sdist-contents",
        "venv",
        "install",
        "import",
        "scripts",
    ]
    assert all(s.status == "ok" and s.seconds >= 0 for s in result.steps)
    assert {p.parent for p in result.artifacts} == {root / "dist"}
    assert result.wheel is not None
    assert result.wheel.name == "goodpkg-0.1.0-py3-none-any.whl"
    assert "5 module(s) imported" in text_of(result, "import")  # goodpkg, .cli, .core, .sub, .sub.deep
    assert "goodpkg-hello" in text_of(result, "scripts")
    assert "1 declared dependency" in text_of(result, "install")


@slow
def test_subpackage_left_out_of_the_wheel_is_named(build_project: Builder) -> None:
    _, result = build_project("build-missing-subpackage")
    assert not result.ok
    contents = text_of(result, "wheel-contents")
    assert "subpackage `misspkg.sub`" in contents
    assert "packages = [...]" in contents
    imports = text_of(result, "import")
    assert "`misspkg.api`" in imports
    assert "misspkg.sub" in imports
    assert "not in the wheel" in imports
    assert "misspkg/api.py:1" in imports


@slow
def test_undeclared_dependency_is_named_with_the_import(build_project: Builder) -> None:
    _, result = build_project("build-undeclared-dep")
    step = result.step("import")
    assert step is not None
    assert step.status == "failed"
    text = text_of(result, "import")
    assert "Your code imports `tomli_w` but the package does not declare it" in text
    assert "`tomli-w`" in text
    assert "[project.dependencies]" in text
    assert "src/undecpkg/io.py:3" in text  # the line that needed it, in the source tree
    # everything else was fine
    assert [s.name for s in result.steps if s.status == "failed"] == ["import"]


@slow
def test_readme_pypi_cannot_render_is_named(build_project: Builder) -> None:
    _, result = build_project("build-bad-readme")
    step = result.step("readme")
    assert step is not None
    assert step.status == "failed"
    text = text_of(result, "readme")
    assert "PyPI cannot render `README.rst`" in text
    assert "README.rst:" in text  # the renderer's messages point into the README


@slow
def test_console_script_that_does_not_run_is_named(build_project: Builder) -> None:
    _, result = build_project("build-bad-readme")
    text = text_of(result, "scripts")
    assert "`badreadme-run --help` exited" in text
    assert "no_such_function" in text


@slow
def test_tests_folder_in_the_wheel_is_named(build_project: Builder) -> None:
    _, result = build_project("build-junk")
    contents = text_of(result, "wheel-contents")
    assert "tests/test_junk_placeholder.py" in contents
    assert "should not be" in contents
    assert "exclude" in contents


@slow
def test_sdist_without_tests_is_named(build_project: Builder) -> None:
    _, result = build_project("build-bad-readme")  # sdist only-include = ["src"]
    sdist = text_of(result, "sdist-contents")
    assert "`tests` - the tests" in sdist
    assert "[tool.hatch.build.targets.sdist]" in sdist
    assert "`LICENSE`" not in sdist
    assert "`README.md`" not in sdist


@slow
def test_backend_failure_shows_the_log_tail_and_what_to_do(build_project: Builder) -> None:
    _, result = build_project("build-backend-error")
    assert not result.ok
    failed = [s for s in result.steps if s.status == "failed"]
    assert [s.name for s in failed] == ["wheel"]
    text = text_of(result, "wheel")
    assert "Unable to determine which files to ship" in text  # hatchling's own words
    assert "[build-system]" in text
    assert "run `sciship build` again" in text
    assert not any(line.lstrip().startswith('File "') for line in failed[0].details)
    assert result.step("import") is None  # nothing to smoke-test


@slow
def test_cli_json_and_no_smoke(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "p"
    shutil.copytree(PROJECTS / "build-good", root)
    proc = run_cli("build", str(root), "--no-smoke", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["ok"] is True
    assert [s["name"] for s in data["steps"]][-1] == "sdist-contents"
    assert all(set(s) == {"name", "title", "status", "seconds", "message", "details"} for s in data["steps"])
    # the progress display went to stderr, one line per step with its time
    assert "Build the wheel (from the sdist) (" in proc.stderr


@slow
def test_cli_reports_failures_with_exit_code_1(build_project: Builder) -> None:
    root, _ = build_project("build-undeclared-dep")
    proc = run_cli("build", str(root))
    assert proc.returncode == 1
    assert "FAILED" in proc.stderr
    assert "tomli_w" in proc.stderr
    assert "1 step(s) failed: import every module." in proc.stdout


def test_cli_refuses_a_folder_without_a_project(tmp_path: Path) -> None:
    proc = run_cli("build", str(tmp_path))
    assert proc.returncode == 2
    assert "nothing to build" in proc.stderr


def test_modules_in_skips_tests_main_and_metadata() -> None:
    names = [
        "pkg/__init__.py",
        "pkg/a.py",
        "pkg/__main__.py",
        "pkg/tests/test_a.py",
        "pkg/sub/__init__.py",
        "pkg-1.0.dist-info/METADATA",
        "pkg/data.json",
        "pkg/conftest.py",
    ]
    assert modules_in(names) == ["pkg", "pkg.a", "pkg.sub"]


def test_tail_keeps_the_error_and_drops_traceback_frames() -> None:
    log = "\n".join(
        ["noise"] * 50
        + [
            "Traceback (most recent call last):",
            '  File "x.py", line 1, in f',
            "    raise ValueError",
            "ValueError: boom",
        ]
    )
    out = tail(log, 5)
    assert out[-1] == "ValueError: boom"
    assert not any("File" in line for line in out)


def test_wheel_listing_helpers(tmp_path: Path) -> None:
    from sciship.release._smoke import console_scripts

    whl = tmp_path / "p-1.0-py3-none-any.whl"
    with zipfile.ZipFile(whl, "w") as zf:
        zf.writestr("p/__init__.py", "")
        zf.writestr("p-1.0.dist-info/entry_points.txt", "[console_scripts]\nB-tool = p:main\na = p:main\n")
    assert console_scripts(whl) == ["B-tool", "a"]


@slow
def test_without_uv_venv_and_pip_give_the_same_result(tmp_path: Path) -> None:
    import shutil

    from sciship import release
    from sciship.release import StepEvent

    root = tmp_path / "p"
    shutil.copytree(PROJECTS / "build-good", root)
    events: list[StepEvent] = []
    result = release.build(root, use_uv=False, progress=events.append)
    assert result.ok, [(s.name, s.message, s.details) for s in result.steps if s.status != "ok"]
    assert "with pip" in text_of(result, "backend")
    assert "with venv and pip" in text_of(result, "venv")
    assert "5 module(s) imported" in text_of(result, "import")
    # every step announced its start, then its end with the same result the library returns
    starts = [e.name for e in events if e.phase == "start"]
    ends = [e.step for e in events if e.phase == "end"]
    assert starts == [s.name for s in result.steps]
    assert tuple(ends) == result.steps
