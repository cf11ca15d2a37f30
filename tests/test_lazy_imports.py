"""Start-up speed: heavy modules load only where a command needs them, with unchanged results."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pathspec
import pytest

from helpers import GOOD_PYPROJECT, write_tree
from sciship.checks.hygiene import _BUILD_PROBES, missing_ignores
from sciship.imports import analysis
from sciship.imports.analysis import analyze, prefetch_scan
from sciship.project import Project

EXAMPLE = Path(__file__).parent.parent / "examples" / "lake-temps"
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
        "import sciship.commands.check, sciship.commands.deps, sciship.commands.review\n"
        "heavy = ('getpass', 'configparser', 'hashlib', 'pathspec', 'multiprocessing', 'yaml')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_report_formats_load_only_when_asked_for() -> None:
    # --help and a terminal `check` never load the HTML, GitHub, SARIF or progress renderers, Markdown
    # parsing, the repo-review plugin or threading helpers of their own
    code = (
        "import sys\n"
        "import sciship.cli\n"
        "sciship.cli.build_parser()\n"
        "import sciship.commands.check, sciship.commands.deps\n"
        "import sciship.commands.build, sciship.commands.adopt\n"
        "heavy = ('sciship.report.html', 'sciship.report.pages', 'sciship.report.github', "
        "'sciship.report.sarif', 'sciship.report.progress', 'sciship.report.output', 'sciship.plugins', "
        "'markdown_it', 'repo_review', 'jsonschema', 'xml.etree.ElementTree')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
    # a whole terminal-format review loads none of them either
    run = (
        "import sys, contextlib, io\n"
        "import sciship.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    sciship.cli.main(['check', {str(EXAMPLE)!r}])\n"
        "heavy = ('sciship.report.html', 'sciship.report.github', 'sciship.report.sarif', "
        "'sciship.report.progress', 'markdown_it', 'repo_review')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", run], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


# ---------------------------------------------------------------------- check's early import scan
def _tree(root: Path) -> Path:
    files: dict[str, str | bytes] = {
        "pyproject.toml": GOOD_PYPROJECT,
        "src/example_pkg/__init__.py": "import numpy\n",
        "src/example_pkg/bad.py": "def (:\n",
        "src/example_pkg/latin.py": "x = 'caf\xe9'\n".encode("latin-1"),
        "scripts/old.py": "print 'hello'\n",
    }
    for i in range(40):
        files[f"src/example_pkg/m{i}.py"] = (
            f"import yaml\ntry:\n    import scipy\nexcept ImportError:\n    pass\nx = {i}\n"
        )
    return write_tree(root, files)


def _big_tree(root: Path) -> Path:
    """:func:`_tree` past the 1 MB at which the scan uses worker processes."""
    root = _tree(root)
    for i in range(60):
        (root / "src" / "example_pkg" / f"big{i}.py").write_text("import numpy\n" + "x = 1\n" * 3000)
    return root


def _sciship(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    out = subprocess.run(
        [sys.executable, "-m", "sciship", *args], env=env, capture_output=True, text=True, check=False
    )
    return out.returncode, out.stdout, out.stderr


def _outcome(project: Project) -> tuple[object, list[object]]:
    return analyze(project).to_json(), list(project.problems)


@pytest.fixture
def early(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(analysis, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(analysis, "_free_cpus", lambda: 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # pytest-xdist's own threads
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return _tree(tmp_path / "proj")


def test_prefetch_gives_the_same_analysis(
    early: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = Project.load(early)
    prefetch_scan(project)
    assert analysis._PREFETCH, "the early scan should have started"
    with_prefetch = _outcome(project)
    assert not analysis._PREFETCH
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache2"))
    assert _outcome(Project.load(early)) == with_prefetch


def test_prefetch_skipped_when_a_cache_exists(early: Path) -> None:
    analyze(Project.load(early))  # writes the cache
    prefetch_scan(Project.load(early))
    assert not analysis._PREFETCH


def test_a_dead_worker_falls_back_to_the_normal_scan(
    early: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = Project.load(early)
    prefetch_scan(project)
    for _rels, child in analysis._PREFETCH[0].parts:
        os.kill(child.pid, signal.SIGKILL)
        os.waitpid(child.pid, 0)
    broken = _outcome(project)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache2"))
    assert _outcome(Project.load(early)) == broken


def test_check_output_same_with_and_without_the_early_scan(tmp_path: Path) -> None:
    root = _big_tree(tmp_path / "proj")
    outputs = []
    for name, warm_file in (("cold", False), ("empty-cache", True)):
        cache = tmp_path / name
        env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
        if warm_file:  # an unreadable cache file: no early scan, every file scanned the normal way
            code = (
                "from sciship.imports.cache import ScanCache; import sys; print(ScanCache(sys.argv[1]).path)"
            )
            path = subprocess.run(
                [sys.executable, "-c", code, str(Project.load(root).root)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            Path(path).parent.mkdir(parents=True)
            Path(path).write_text("{}")
        outputs.append(_sciship(["check", str(root), "--format", "json"], env))
    assert outputs[0] == outputs[1]
    assert "bad.py" in outputs[0][1]


def test_deps_early_scan_reads_in_the_workers_and_reports_the_same(
    early: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`sciship deps` starts its workers before reading anything: they read, hash and scan their share.
    Files they cannot read come back to this process, and their problems keep the files' order."""
    for name in ("aa", "zz"):  # two more files that are not UTF-8, likely in different shares
        (early / "src" / "example_pkg" / f"{name}_latin.py").write_bytes("y = 'caf\xe9'\n".encode("latin-1"))
    project = Project.load(early)
    prefetch_scan(project, check_syntax=False)
    assert analysis._PREFETCH, "the early scan should have started"
    assert analysis._PREFETCH[0].paths, "the workers should have a share"
    with_early = analyze(project, check_syntax=False).to_json()
    assert not analysis._PREFETCH
    monkeypatch.setattr(analysis, "PARALLEL_MIN_CHARS", 10**9)  # one process, the plain way
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache2"))
    assert analyze(Project.load(early), check_syntax=False).to_json() == with_early
    latin = [p["path"] for p in with_early["problems"] if "UTF-8" in p["message"]]
    assert latin == sorted(latin)
    assert len(latin) == 3


def test_deps_output_same_with_and_without_the_early_scan(tmp_path: Path) -> None:
    root = _big_tree(tmp_path / "proj")
    outputs = []
    for flags in ([], ["--no-cache"]):  # a cold cache starts the workers early; --no-cache does not
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / f"cache{len(flags)}")}
        outputs.append(_sciship(["deps", str(root), "--format", "json", *flags], env))
    assert outputs[0] == outputs[1]
    assert "latin.py" in outputs[0][1]


def test_audit_loads_dask_and_pyarrow_only_when_it_needs_them() -> None:
    code = (
        "import sys\n"
        "import sciship.cli, sciship.commands.audit\n"
        "sciship.cli.build_parser()\n"
        "before = [m for m in ('sciship.audit', 'dask', 'distributed', 'pyarrow') if m in sys.modules]\n"
        "import sciship.audit, sciship.audit.task\n"
        "after = [m for m in ('dask', 'distributed', 'pyarrow', 'multiprocessing') if m in sys.modules]\n"
        "print(','.join(before) + '|' + ','.join(after))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "|"


def test_share_looks_at_the_files_without_its_writers() -> None:
    """`sciship share` asks whether the folder has code before it starts the data flow's work on the
    other CPU: that question loads none of share's writers (they load beside the work)."""
    code = (
        "import sys\n"
        "import sciship.share.inventory\n"
        "heavy = ('sciship.share.build', 'sciship.metadata.writers.rocrate', 'sciship.metadata.model')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
        "from sciship.share import Known, known\n"
        "print(Known.__module__, known.__module__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["", "sciship.share.build sciship.share.build"]
