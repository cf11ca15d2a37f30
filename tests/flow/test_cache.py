"""The per-file cache in the user's cache folder: used when bytes are unchanged, never inside the project,
damage means "no cache"."""

from __future__ import annotations

from pathlib import Path

import pytest
from flowkit import graph

from helpers import write_tree
from sciship.flow import Flow, trace
from sciship.flow import _extract as extract
from sciship.project import Project

FILES = {
    "config.py": "OUT = 'results'\n",
    "01_run.py": "import numpy as np\nfrom config import OUT\nnp.save(f'{OUT}/x', 1)\n",
    "02_plot.py": "import numpy as np\nimport matplotlib.pyplot as "
    "plt\nnp.load('results/x.npy')\nplt.savefig('f')\n",
    "nb.ipynb": '{"cells": [{"cell_type": "code", "execution_count": 1, "source": "open(\'a.txt\')"}],'
    ' "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
}


def _without_kept_flows(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The whole flow of the last run is not taken again (tests/flow/test_kept.py tests it): these tests
    are about the per-file facts, and the early child that reads them."""
    from sciship.flow import _stored

    monkeypatch.setattr(_stored, "take", lambda _project: None)


def test_second_run_uses_the_cache_and_gives_the_same_flow(
    tmp_path: Path, isolated_cache: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    root = write_tree(tmp_path / "paper", FILES)
    first = trace(Project.load(root))
    _without_kept_flows(monkeypatch)
    assert list(isolated_cache.rglob("*.json")), "the cache was written to the user cache folder"
    assert not list(root.rglob("*flow*")), "nothing is written into the project"

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed again although the bytes did not change")

    monkeypatch.setattr(extract, "extract_units", no_parsing)
    second = trace(Project.load(root))
    assert graph(second) == graph(first)
    assert second.uses == first.uses


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "paper", FILES)
    trace(Project.load(root))
    (root / "02_plot.py").write_text(
        "import matplotlib.pyplot as plt\nplt.savefig('g.pdf')\n", encoding="utf-8"
    )
    flow = trace(Project.load(root))
    assert flow.step("02_plot.py").writes == ("g.pdf",)  # type: ignore[union-attr]


def test_a_damaged_cache_is_ignored(tmp_path: Path, isolated_cache: Path) -> None:
    root = write_tree(tmp_path / "paper", FILES)
    expected = graph(trace(Project.load(root)))
    for f in isolated_cache.rglob("*.json"):
        f.write_text('{"format": 1, "files": {"x": [1, 2', encoding="utf-8")
    assert graph(trace(Project.load(root))) == expected
    for f in isolated_cache.rglob("*.json"):
        f.write_text('{"format": 1, "files": {"' + "a" * 64 + '": {"p": 3}}}', encoding="utf-8")
    assert graph(trace(Project.load(root))) == expected


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    root = write_tree(tmp_path / "paper", FILES)
    assert trace(Project.load(root)).steps


def test_adding_a_helper_module_invalidates_what_depended_on_it(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "paper", {"run.py": "import store\nstore.keep('a')\n"})
    assert trace(Project.load(root)).outputs == ()
    (root / "store.py").write_text("def keep(name):\n    open(name + '.txt', 'w')\n", encoding="utf-8")
    assert trace(Project.load(root)).outputs == ("a.txt",)


def test_extraction_in_a_forked_process_gives_the_same_flow(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    from sciship.flow import _trace

    project_dir = Path(__file__).parent.parent / "projects" / "flow-paper"
    expected = trace(Project.load(project_dir), cache=False)
    assert _trace.LAST_EXTRACTION == ["here"]
    monkeypatch.setattr(_trace, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(_trace, "_cpus", lambda: 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # pytest-xdist's own threads
    flow = trace(Project.load(project_dir), cache=False)
    assert _trace.LAST_EXTRACTION == ["forked"]
    assert graph(flow) == graph(expected)
    assert flow.uses == expected.uses


def _allow_early_start(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Let the early extraction fork here: any amount of code, two CPUs, no other thread running
    (pytest-xdist's own threads do not touch the child); the files are shared out, even in a small folder
    (whose early child traces it whole: ``test_a_small_folder_is_traced_by_the_early_child_alone``)."""
    import threading

    import sciship.flow
    from sciship.flow import _trace

    monkeypatch.setattr(sciship.flow, "WHOLE_IN_CHILD_MAX", -1)
    monkeypatch.setattr(_trace, "PREFETCH_MIN_CHARS", 0)
    monkeypatch.setattr(_trace, "_cpus", lambda: 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)


def _started(monkeypatch) -> tuple[Flow, Project]:  # type: ignore[no-untyped-def]
    """The flow of the flow-paper project traced alone, and a snapshot of it whose early child started."""
    from sciship.flow import _trace, prefetch

    project_dir = Path(__file__).parent.parent / "projects" / "flow-paper"
    expected = trace(Project.load(project_dir), cache=False)
    _allow_early_start(monkeypatch)
    project = Project.load(project_dir)
    prefetch(project)
    assert _trace._PREFETCH, "the early extraction should have started"
    return expected, project


def test_prefetch_extracts_the_library_modules_the_steps_import(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A package's modules are read only when a step uses them; the early child extracts those the steps
    name in their imports (and what those import), and the trace takes them instead of extracting them
    itself. A module imported in a way the text does not show is extracted by the trace, as before; the
    flow is the same either way."""

    from sciship.flow import _trace, prefetch

    files = {
        "pyproject.toml": '[project]\nname = "lab"\nversion = "1"\n',
        "src/lab/__init__.py": "",
        "src/lab/io.py": (
            "import numpy as np\nfrom . import names\n\ndef save(x):\n    np.save(names.OUT, x)\n"
        ),
        "src/lab/names.py": "OUT = 'results/out.npy'\n",
        "src/lab/hidden.py": "def load():\n    return open('data/in.csv').read()\n",
        "src/lab/unused.py": "def nothing():\n    return 1\n",
        "examples/run.py": (
            "import importlib\nfrom lab.io import save\nsave([1])\n"
            "importlib.import_module('lab.hidden').load()\n"
        ),
        "examples/nb.ipynb": (
            '{"cells": [{"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], '
            '"source": ["from lab import io\\n", "io.save([2])"]}], "metadata": {}, "nbformat": 4, '
            '"nbformat_minor": 5}'
        ),
    }
    root = write_tree(tmp_path / "lab", files)
    expected = trace(Project.load(root), cache=False)
    assert "results/out.npy" in expected.outputs  # found in the library, through its constant
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _allow_early_start(monkeypatch)
    project = Project.load(root)
    prefetch(project)
    assert _trace._PREFETCH, "the early extraction should have started"
    shared = {rel for rel, _text in _trace._PREFETCH[0][2]}
    assert {"src/lab/io.py", "src/lab/names.py"} <= shared
    assert not {"src/lab/unused.py", "src/lab/hidden.py"} & shared
    flow = trace(project)
    assert graph(flow) == graph(expected)
    assert flow.uses == expected.uses


def test_prefetch_gives_the_same_flow(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sciship.flow import _trace

    expected, project = _started(monkeypatch)
    flow = trace(project)
    assert not _trace._PREFETCH
    assert graph(flow) == graph(expected)
    assert flow.uses == expected.uses


@pytest.mark.parametrize("kill", [False, True], ids=["shared", "child-died"])
def test_prefetch_shares_the_work_and_survives_a_dead_child(monkeypatch, kill: bool) -> None:  # type: ignore[no-untyped-def]
    """The early child takes files from the largest, this process from the smallest once its own work is
    done, until they meet; a child that died leaves what it had taken to this process. The flow is the
    same either way."""
    import os
    import signal
    import time

    from sciship.flow import _trace

    real = _trace._Tracer._extract

    def slow(self, rel, text, full):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:  # the child: slow, or stuck after its first file
            time.sleep(60 if kill and slow.calls else 0.2)  # type: ignore[attr-defined]
            slow.calls += 1  # type: ignore[attr-defined]
        return real(self, rel, text, full)

    slow.calls = 0  # type: ignore[attr-defined]
    parent = os.getpid()
    monkeypatch.setattr(_trace._Tracer, "_extract", slow)
    expected, project = _started(monkeypatch)
    _, child, items, _split = _trace._PREFETCH[0]
    assert len(items) > 2
    if kill:
        time.sleep(0.5)  # it has taken one file and is stuck on the second
        os.kill(child.pid, signal.SIGKILL)
    else:
        time.sleep(0.1)  # it is inside its first file (this process steals from the start of the trace)
    flow = trace(project)
    assert not _trace._PREFETCH
    mine, theirs = _trace.LAST_SPLIT
    assert mine > 0
    assert theirs == 0 if kill else theirs > 0
    assert graph(flow) == graph(expected)
    assert flow.uses == expected.uses


def _wait_for(child) -> None:  # type: ignore[no-untyped-def]
    """This process is busy elsewhere until the early child is done."""
    import time

    deadline = time.monotonic() + 60
    while not child.done() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_an_early_child_that_took_every_file_sends_the_whole_flow(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """When this process is still busy once the child has extracted every file, the child traces the
    folder too and sends the finished flow: the same flow; and it wrote the facts to the cache, so the
    next run parses nothing."""
    from sciship.flow import _trace

    expected, project = _started(monkeypatch)
    _, child, items, _split = _trace._PREFETCH[0]
    _wait_for(child)
    flow = trace(project)
    assert _trace.LAST_TRACED == ["child"]
    assert [0, len(items)] == _trace.LAST_SPLIT
    assert graph(flow) == graph(expected)
    assert flow.uses == expected.uses
    assert flow.problems == expected.problems

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed again although the bytes did not change")

    monkeypatch.setattr(extract, "extract_units", no_parsing)
    assert graph(trace(Project.load(project.root))) == graph(expected)


def test_with_everything_cached_a_large_cache_is_traced_by_the_early_child(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Nothing is left to extract, but decoding a large cache and building the graph take time: the child
    does both beside the import analysis. A small cache is quicker to read here (no child)."""
    from sciship.flow import _trace, prefetch

    project_dir = Path(__file__).parent.parent / "projects" / "flow-paper"
    expected = trace(Project.load(project_dir))  # fills the cache
    _without_kept_flows(monkeypatch)
    _allow_early_start(monkeypatch)
    monkeypatch.setattr(_trace, "PREFETCH_MIN_CHARS", 20_000)
    monkeypatch.setattr(_trace, "EARLY_TRACE_MIN_BYTES", 10**9)
    prefetch(Project.load(project_dir))
    assert not _trace._PREFETCH, "a small cache: no child"
    _trace.cancel_prefetch()
    monkeypatch.setattr(_trace, "EARLY_TRACE_MIN_BYTES", 0)
    project = Project.load(project_dir)
    prefetch(project)
    assert _trace._PREFETCH, "the child should trace the folder"
    assert _trace._PREFETCH[0][2] == [], "nothing to extract"
    flow = trace(project)
    assert _trace.LAST_TRACED == ["child"]
    assert graph(flow) == graph(expected)
    assert flow.uses == expected.uses
    assert flow.problems == expected.problems


def test_files_the_early_child_could_not_read_are_this_process_s_problems_too(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The trace reads files besides the scripts (a README that says how a script runs); a child that
    traced the folder sends the problems it met, so the project knows them as if it had read them. (A
    Makefile or shell script is read whatever its bytes: its commands are ASCII.)"""
    from sciship.flow import _trace, prefetch

    files = {
        "run.py": "import pandas as pd\ndf = pd.read_csv('data/raw.csv')\n",
        "README.md": b"# R\xe9sum\xe9\n\n```bash\npython run.py\n```\n",
    }
    root = write_tree(tmp_path / "paper", files)
    alone = Project.load(root)
    expected = trace(alone, cache=False)
    assert [p.path for p in alone.problems] == ["README.md"]
    _allow_early_start(monkeypatch)
    project = Project.load(root)
    prefetch(project)
    _wait_for(_trace._PREFETCH[0][1])
    flow = trace(project)
    assert _trace.LAST_TRACED == ["child"]
    assert flow.problems == expected.problems
    assert project.problems == alone.problems


def test_a_child_whose_trace_fails_leaves_the_trace_to_this_process(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    from sciship.flow import _trace

    parent = os.getpid()
    real = _trace._Tracer.run

    def failing(self):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            raise RuntimeError("a bug in the child's trace")
        return real(self)

    monkeypatch.setattr(_trace._Tracer, "run", failing)
    expected, project = _started(monkeypatch)
    _, child, items, _split = _trace._PREFETCH[0]
    _wait_for(child)
    flow = trace(project)
    assert _trace.LAST_TRACED == ["here"]
    assert [0, len(items)] == _trace.LAST_SPLIT  # its facts came back all the same
    assert graph(flow) == graph(expected)
    assert flow.uses == expected.uses


def test_the_flow_says_which_scripts_python_parsed(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``will_parse`` names the scripts the early child and this process share out; the flow then says
    which of them Python's parser accepted (``share`` takes that as their syntax check), whoever traced."""
    from sciship.flow import _trace, prefetch, will_parse

    files = {
        "ok.py": "import numpy as np\nnp.save('out/a', 1)\n",
        "bad.py": "import numpy as np\nx = = 1\nnp.save('out/b', 1)\n",
        "nb.ipynb": FILES["nb.ipynb"],
    }
    root = write_tree(tmp_path / "paper", files)
    assert trace(Project.load(root), cache=False).parsed == {"ok.py"}
    _allow_early_start(monkeypatch)
    for wait in (False, True):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / f"cache-{wait}"))
        project = Project.load(root)
        assert will_parse(project) == frozenset()
        prefetch(project)
        assert will_parse(project) == {"ok.py", "bad.py"}
        if wait:
            _wait_for(_trace._PREFETCH[0][1])
        flow = trace(project)
        if wait:
            assert _trace.LAST_TRACED == ["child"]
        assert flow.parsed == {"ok.py"}
    project = Project.load(root)
    prefetch(project)
    assert will_parse(project) == {"ok.py"}, "the kept flow's verdicts (the same bytes)"
    assert trace(project).parsed == {"ok.py"}
    _without_kept_flows(monkeypatch)
    assert trace(Project.load(root)).parsed == frozenset(), "facts from the cache: not known"


def test_the_split_gives_every_item_once_to_one_side_or_the_other() -> None:
    from sciship._fork import Split

    split = Split(5)
    assert [split.front(), split.back(), split.front(), split.back(), split.front()] == [0, 4, 1, 3, 2]
    assert split.front() is None
    assert split.back() is None
    assert Split(0).front() is None
    assert Split(0).back() is None


def test_the_cache_keeps_what_guards_a_read(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Existence checks, protected reads, tests on values and command outputs survive the JSON cache."""
    import shutil

    root = tmp_path / "guarded"
    shutil.copytree(Path(__file__).parent.parent / "projects" / "flow-guarded", root)
    first = trace(Project.load(root))

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed again although the bytes did not change")

    monkeypatch.setattr(extract, "extract_units", no_parsing)
    second = trace(Project.load(root))
    assert second.uses == first.uses
    assert second.problems == first.problems
    assert [p.code for p in second.problems] == ["SHR111", "SHR110"]


def test_with_no_cache_file_the_files_are_not_hashed_before_the_child_starts(
    tmp_path: Path, isolated_cache: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A first run has nothing cached: the early child starts without the files' keys (the import
    analysis hashes every file meanwhile), and the cache it fills serves the next run."""
    from sciship.flow import _trace, prefetch

    root = write_tree(tmp_path / "paper", FILES)
    _allow_early_start(monkeypatch)
    project = Project.load(root)
    prefetch(project)
    assert _trace._PREFETCH, "the early extraction should have started"
    assert not any(project.memoized(f"sha256:{rel}") for rel in FILES), "hashed before the child started"
    first = trace(project)

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed again although the bytes did not change")

    monkeypatch.setattr(extract, "extract_units", no_parsing)
    again = Project.load(root)
    prefetch(again)
    assert any(again.memoized(f"sha256:{rel}") for rel in FILES), "a cache file: keys are looked up"
    second = trace(again)
    assert graph(second) == graph(first)
    assert second.uses == first.uses


def test_the_cache_keeps_a_helpers_main_block(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What a helper's main block reads stays out of its importer also when its facts come from the cache."""
    root = write_tree(
        tmp_path / "helper",
        {
            # a test file (it holds a test): no step of its own, only read because fig.py imports it
            "stats_test.py": (
                "def permut(x):\n    return x\n\ndef test_permut():\n    assert permut(1) == 1\n\n"
                "if __name__ == '__main__':\n    open('temp')\n"
            ),
            "fig.py": "from stats_test import permut\nprint(permut(1))\nopen('out.txt', 'w')\n",
        },
    )
    first = trace(Project.load(root))
    assert [(u.source, u.path) for u in first.uses] == [("fig.py", "out.txt")]

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed again although the bytes did not change")

    monkeypatch.setattr(extract, "extract_units", no_parsing)
    second = trace(Project.load(root))
    assert second.uses == first.uses


def _allow_whole_child(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A first run on a small folder, two CPUs, no other thread: the early child traces it whole."""
    import threading

    import sciship.flow
    from sciship import _fork

    monkeypatch.setattr(sciship.flow, "WHOLE_IN_CHILD_MAX", 10**9)
    monkeypatch.setattr(_fork, "cpus", lambda: 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)


def test_a_small_folder_is_traced_by_the_early_child_alone(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """On a first run over a small folder the early child traces the whole folder, and the flow, its
    problems and the problems met reading files are those of a trace in this process."""
    import sciship.flow
    from sciship.flow import _trace, prefetch

    files = {**FILES, "README.md": b"# R\xe9sum\xe9\n\n```bash\npython 01_run.py\n```\n"}
    root = write_tree(tmp_path / "paper", files)
    alone = Project.load(root)
    expected = trace(alone, cache=False)
    _without_kept_flows(monkeypatch)
    _allow_whole_child(monkeypatch)
    project = Project.load(root)
    prefetch(project)
    assert sciship.flow._WHOLE, "the child should trace the folder"
    assert not _trace._PREFETCH, "nothing is shared out"
    flow = trace(project)
    assert _trace.LAST_TRACED == ["child"]
    assert not sciship.flow._WHOLE
    assert graph(flow) == graph(expected)
    assert flow.uses == expected.uses
    assert flow.problems == expected.problems
    assert project.problems == alone.problems


def test_a_whole_child_that_fails_leaves_the_trace_to_this_process(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    import sciship.flow
    from sciship.flow import _trace, prefetch

    root = write_tree(tmp_path / "paper", FILES)
    expected = trace(Project.load(root), cache=False)
    parent = os.getpid()
    real = _trace.run

    def failing(project, *, use_cache=True):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            raise RuntimeError("a bug in the child's trace")
        return real(project, use_cache=use_cache)

    monkeypatch.setattr(_trace, "run", failing)
    _without_kept_flows(monkeypatch)
    _allow_whole_child(monkeypatch)
    project = Project.load(root)
    prefetch(project)
    assert sciship.flow._WHOLE
    flow = trace(project)
    assert _trace.LAST_TRACED == ["here"]
    assert graph(flow) == graph(expected)
    assert flow.uses == expected.uses


def test_a_small_folder_s_first_share_leaves_the_tracer_to_the_child(tmp_path: Path) -> None:
    """What the whole child is for: this process never imports the tracer (35 ms) on a small folder's
    first run; the flow and the syntax verdicts are the same."""
    import json
    import os
    import subprocess
    import sys

    root = write_tree(tmp_path / "paper", {**FILES, "broken.py": "def f(:\n"})
    code = (
        "import sys, json, threading\n"
        "from sciship.project import Project\n"
        "import sciship.flow as f\n"
        "from sciship import _fork\n"
        "_fork.cpus = lambda: 2\n"
        "p = Project.load(sys.argv[1])\n"
        "f.prefetch(p)\n"
        "from sciship.imports.analysis import analyze_deferring_syntax, confirm_syntax\n"
        "analyze_deferring_syntax(p, f.will_parse(p))\n"
        "flow = f.trace(p)\n"
        "report = confirm_syntax(p, flow.parsed)\n"
        "print(json.dumps({'imported': 'sciship.flow._trace' in sys.modules,\n"
        "    'traced': f._stored.LAST_TRACED[0], 'steps': [s.path for s in flow.steps],\n"
        "    'problems': sorted(x.path for x in report.problems)}))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", code, str(root)], capture_output=True, text=True, env=env, check=True
    )
    got = json.loads(out.stdout)
    assert got["traced"] == "child"
    assert got["imported"] is False
    alone = trace(Project.load(root), cache=False)
    assert got["steps"] == [s.path for s in alone.steps]
    assert "broken.py" in got["problems"]  # (its syntax error, found though the child parsed it)
