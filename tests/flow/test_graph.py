"""The data flow of realistic research folders written for these tests: the exact graph, order and problems.

``tests/projects/flow-paper``: numbered scripts, a config module whose constants the scripts import, a helper
module whose function saves figures, ``np.save`` without an extension, f-string and glob patterns, a
notebook in a sub-folder, a report script using ``Path(__file__)``, an axis label and a regular expression
that are not paths, a missing input, an absolute path and a path that leaves the folder.

``tests/projects/flow-tangled``: two scripts that need each other's outputs, two that write the same file,
two that append to the same log (fine), a script meant to run from its own folder, ``os.chdir``, and
notebooks run out of order, re-run, with a skipped cell, and never run.
"""

from __future__ import annotations

from pathlib import Path

from flowkit import flow_of, graph

from sciship.flow import PROBLEM_CODES, trace
from sciship.project import Project

PROJECTS = Path(__file__).parent.parent / "projects"


def _trace(name: str):  # type: ignore[no-untyped-def]
    return trace(Project.load(PROJECTS / name), cache=False)


def test_paper_folder_graph() -> None:
    assert graph(_trace("flow-paper")) == {
        "steps": [
            {
                "order": 1,
                "path": "01_clean.py",
                "kind": "script",
                "workdir": "",
                "reads": ["data/raw/readings_*.csv", "data/raw/stations.csv"],
                "writes": ["data/clean.parquet"],
                "after": [],
            },
            {
                "order": 2,
                "path": "02_fit.py",
                "kind": "script",
                "workdir": "",
                "reads": ["data/clean.parquet"],
                "writes": ["results/bootstrap_*.npy", "results/params.npy", "results/summary.json"],
                "after": ["01_clean.py"],
            },
            {
                "order": 3,
                "path": "03_figures.py",
                "kind": "script",
                "workdir": "",
                "reads": ["data/legend.txt", "results/bootstrap_*.npy", "results/params.npy"],
                "writes": ["figures/fig1.png", "figures/fig2.png"],
                "after": ["02_fit.py"],
            },
            {
                "order": 4,
                "path": "notebooks/explore.ipynb",
                "kind": "notebook",
                "workdir": "notebooks",
                "reads": ["data/clean.parquet"],
                "writes": ["figures/overview.pdf"],
                "after": ["01_clean.py"],
            },
            {
                "order": 5,
                "path": "reports/make_table.py",
                "kind": "script",
                "workdir": "",
                "reads": ["results/summary.json"],
                "writes": ["reports/table1.tex"],
                "after": ["02_fit.py"],
            },
        ],
        "inputs": ["data/legend.txt", "data/raw/readings_*.csv", "data/raw/stations.csv"],
        "outputs": [
            "data/clean.parquet",
            "figures/fig1.png",
            "figures/fig2.png",
            "figures/overview.pdf",
            "reports/table1.tex",
            "results/bootstrap_*.npy",
            "results/params.npy",
            "results/summary.json",
        ],
        "missing": ["data/legend.txt"],
        "external": ["../../shared/lookup.csv", "/home/ana/thesis/extra_calibration.txt"],
        "problems": [
            ("SHR111", "03_figures.py", 23, None),
            ("SHR112", "03_figures.py", 24, None),
            ("SHR110", "03_figures.py", 25, None),
        ],
    }


def test_paper_folder_uses_say_where_and_how() -> None:
    flow = _trace("flow-paper")
    by_path = {(u.source, u.access, u.path): u for u in flow.uses}
    helper = by_path[("03_figures.py", "write", "figures/fig1.png")]
    assert (helper.line, helper.via, helper.call) == (20, "helpers/plotting.py:9", "fig.savefig")
    npy = by_path[("02_fit.py", "write", "results/params.npy")]
    assert (npy.line, npy.call, npy.written, npy.pattern) == (12, "np.save", "results/params.npy", False)
    runs = by_path[("02_fit.py", "write", "results/bootstrap_*.npy")]
    assert (runs.line, runs.pattern) == (17, True)
    nb = by_path[("notebooks/explore.ipynb", "read", "data/clean.parquet")]
    assert (nb.cell, nb.line, nb.written) == (1, 1, "../data/clean.parquet")
    outside = by_path[("03_figures.py", "read", "../../shared/lookup.csv")]
    assert outside.location == "outside"
    absolute = by_path[("03_figures.py", "read", "/home/ana/thesis/extra_calibration.txt")]
    assert absolute.location == "absolute"
    # an axis label, a title with a slash and a regular expression are not paths
    assert not any(
        "ATP" in u.path
        or "pkl" in u.path
        or ("bootstrap" in u.written and u.access == "write" and u.source != "02_fit.py")
        for u in flow.uses
    )


def test_paper_folder_messages_name_the_place_and_the_next_step() -> None:
    flow = _trace("flow-paper")
    messages = {p.code: p.message for p in flow.problems}
    assert messages["SHR110"].startswith(
        "`03_figures.py` reads `data/legend.txt` (line 25), but no script or"
    )
    assert "README" in messages["SHR110"]
    assert (
        "`/home/ana/thesis/extra_calibration.txt` (line 23), which exists only on your computer"
        in messages["SHR111"]
    )
    assert "`../../shared/lookup.csv` (line 24), which points outside this folder" in messages["SHR112"]
    assert set(messages) <= set(PROBLEM_CODES)


def test_tangled_folder_graph() -> None:
    assert graph(_trace("flow-tangled")) == {
        "steps": [
            {
                "order": 1,
                "path": "d_log.py",
                "kind": "script",
                "workdir": "",
                "reads": [],
                "writes": ["tables/log.txt"],
                "after": [],
            },
            {
                "order": 2,
                "path": "notebooks/rerun.ipynb",
                "kind": "notebook",
                "workdir": "notebooks",
                "reads": [],
                "writes": ["data/x.npy"],
                "after": [],
            },
            {
                "order": 3,
                "path": "notebooks/never_run.ipynb",
                "kind": "notebook",
                "workdir": "notebooks",
                "reads": ["data/x.npy"],
                "writes": [],
                "after": ["notebooks/rerun.ipynb"],
            },
            {
                "order": 4,
                "path": "notebooks/skipped_cell.ipynb",
                "kind": "notebook",
                "workdir": "notebooks",
                "reads": ["data/x.npy"],
                "writes": [],
                "after": ["notebooks/rerun.ipynb"],
            },
            {
                "order": 5,
                "path": "scripts/prepare.py",
                "kind": "script",
                "workdir": "scripts",
                "reads": ["data/input.csv"],
                "writes": ["data/prepared.csv"],
                "after": [],
            },
            {
                "order": 6,
                "path": "c_summary.py",
                "kind": "script",
                "workdir": "",
                "reads": ["data/prepared.csv"],
                "writes": ["summary.csv", "tables/log.txt"],
                "after": ["scripts/prepare.py"],
            },
            {
                "order": 7,
                "path": "notebooks/out_of_order.ipynb",
                "kind": "notebook",
                "workdir": "notebooks",
                "reads": ["data/prepared.csv"],
                "writes": [],
                "after": ["scripts/prepare.py"],
            },
            {
                "order": 8,
                "path": "a_model.py",
                "kind": "script",
                "workdir": "",
                "reads": ["tables/b.csv"],
                "writes": ["tables/a.csv"],
                "after": ["b_report.py"],
            },
            {
                "order": 9,
                "path": "b_report.py",
                "kind": "script",
                "workdir": "",
                "reads": ["tables/a.csv"],
                "writes": ["summary.csv", "tables/b.csv"],
                "after": ["a_model.py"],
            },
        ],
        "inputs": ["data/input.csv"],
        "outputs": [
            "data/prepared.csv",
            "data/x.npy",
            "summary.csv",
            "tables/a.csv",
            "tables/b.csv",
            "tables/log.txt",
        ],
        "missing": [],
        "external": [],
        "problems": [
            ("SHR114", "a_model.py", 3, None),
            ("SHR113", "b_report.py", 5, None),
            ("SHR115", "notebooks/out_of_order.ipynb", None, 2),
            ("SHR116", "notebooks/rerun.ipynb", None, 2),
            ("SHR116", "notebooks/skipped_cell.ipynb", None, 1),
        ],
    }


def test_tangled_folder_messages() -> None:
    flow = _trace("flow-tangled")
    messages = {(p.code, p.path): p.message for p in flow.problems}
    cycle = messages[("SHR114", "a_model.py")]
    assert "`a_model.py` reads `tables/b.csv`, which `b_report.py` writes" in cycle
    assert "`b_report.py` reads `tables/a.csv`, which `a_model.py` writes" in cycle
    double = messages[("SHR113", "b_report.py")]
    assert "`summary.csv` is written by `c_summary.py` (line 7) and `b_report.py` (line 5)" in double
    assert (
        "code cell 2 shows [3] but code cell 3 below it shows [2]"
        in messages[("SHR115", "notebooks/out_of_order.ipynb")]
    )
    assert "jump from [2] (code cell 2) to [5] (code cell 3)" in messages[("SHR116", "notebooks/rerun.ipynb")]
    assert (
        "Code cell 2 of this notebook was never run" in messages[("SHR116", "notebooks/skipped_cell.ipynb")]
    )


def test_the_trace_is_memoised_on_the_snapshot() -> None:
    project = Project.load(PROJECTS / "flow-paper")
    assert trace(project, cache=False) is trace(project, cache=False)


def test_a_cache_file_a_step_makes_itself_does_not_tie_steps_together() -> None:
    from flowkit import flow_of

    helper = (
        "import os\nimport json\n\ndef dates():\n    if os.path.exists('cache/dates.json'):\n"
        "        return json.load(open('cache/dates.json'))\n    d = {}\n"
        "    json.dump(d, open('cache/dates.json', 'w'))\n    return d\n"
    )
    flow = flow_of(
        {
            "tools.py": helper,
            "a.py": "import tools\nimport numpy as np\nnp.save('a', tools.dates())\n",
            "b.py": "import tools\nimport numpy as np\nnp.load('a.npy')\nprint(tools.dates())\n",
        }
    )
    assert [(s.path, s.after) for s in flow.steps] == [("a.py", ()), ("b.py", ("a.py",))]
    # both write cache/dates.json, but from the same call (`tools.dates()`, no arguments): the same file
    assert [p.code for p in flow.problems] == []


def test_a_circle_is_described_by_one_loop() -> None:
    from flowkit import flow_of

    flow = flow_of(
        {
            "a.py": "open('x.csv'); open('y.csv', 'w'); open('w.csv', 'w')",
            "b.py": "open('y.csv'); open('z.csv', 'w')",
            "c.py": "open('z.csv'); open('x.csv', 'w')",
            "d.py": "open('w.csv'); open('x.csv', 'a')",
        }
    )
    (problem,) = [p for p in flow.problems if p.code == "SHR114"]
    assert (  # (the circle is broken at a step that waits for one other: `b.py`, the first of them)
        "`b.py` reads `y.csv`, which `a.py` writes; `a.py` reads `x.csv`, which `c.py` writes; `c.py` reads "
        "`z.csv`, which `b.py` writes" in problem.message
    )
    assert "(4 steps are caught in such circles)" in problem.message


def test_two_names_that_fit_only_across_their_unknown_parts() -> None:
    """pierrj/moryzae_eccdnas_manuscript_code_final: `open('merged.confirmed' + n)` was "after" a step
    writing `key + '_missing_genes.fasta'`: one name is known only at its start, the other only at its
    end, and nothing says they are one file. A glob over all CSVs still follows their writer."""
    flow = flow_of(
        {
            "a_confirm.py": "import sys\nn = sys.argv[1]\nopen('merged.confirmed' + n).read()\n",
            "b_missing.py": "import sys\nkey = sys.argv[1]\nopen(key + '_missing_genes.fasta', 'w')\n",
            "c_fit.py": "import sys\nopen('fit_' + sys.argv[1] + '.csv', 'w')\n",
            "d_plot.py": "import glob\nfor f in glob.glob('*.csv'):\n    open(f).read()\n",
        }
    )
    after = {s.path: s.after for s in flow.steps}
    assert after["a_confirm.py"] == ()
    assert after["d_plot.py"] == ("c_fit.py",)


def test_files_a_glob_reads_that_no_step_writes_are_inputs_too() -> None:
    """syedarehaq/diversify_netsci_paper_analysis: `glob('output_v2/*')` read one file a step writes and 67
    committed ones no step writes; the inputs named none of them. The pattern is an input when a file of
    the folder fits it that no step makes (and the step still comes after the one that writes there)."""
    files = {
        "src/fetch.py": "open('../data/out/new_0.csv', 'w').write('x')\n",
        "src/collect.py": (
            "import glob\nfor f in sorted(glob.glob('../data/out/*')):\n    print(open(f).read())\n"
        ),
        "data/out/old_0.csv": "x\n",
    }
    flow = flow_of(files)
    assert flow.inputs == ("data/out/*",)
    assert flow.step("src/collect.py").after == ("src/fetch.py",)  # type: ignore[union-attr]
    assert not flow.problems
    del files["data/out/old_0.csv"]
    assert flow_of(files).inputs == ()
    files["data/out/new_0.csv"] = "x\n"  # (the step's own output, committed: still no input)
    assert flow_of(files).inputs == ()


def test_a_path_is_shown_once_whatever_its_unknown_parts() -> None:
    """czbiohub-sf/rnaquarium-figures: `f'res/{a}{b}/m.txt'` and `f'res/{a}/m.txt'` are both `res/*/m.txt`
    when shown; a step listed every path twice."""
    src = (
        "import sys\na, b = sys.argv[1], sys.argv[2]\nopen(f'res/{a}{b}/m.txt', 'w')\n"
        "open(f'res/{a}/m.txt', 'w')\nopen(f'res/{b}_x/m.txt', 'w')\n"
    )
    flow = flow_of({"run.py": src})
    assert flow.steps[0].writes == ("res/*/m.txt", "res/*_x/m.txt")
    assert flow.outputs == ("res/*/m.txt", "res/*_x/m.txt")


def test_a_read_at_an_empty_path_is_a_place_left_to_fill_in() -> None:
    """Hendricks-Worm-Lab/WormsPy_paper_analysis: `cv2.VideoCapture(r"")`, a video path left blank, made a
    step that reads nothing and no problem: as shipped it has nothing to read. Not when the code runs on
    without it (a test that the path is set, an existence check, a `try`), nor for a write."""
    files = {
        "a.py": "import cv2\ncap = cv2.VideoCapture(r'')\nok, f = cap.read()\ncv2.imwrite('o.png', f)\n",
        "b.py": (
            "import os\nimport pandas as pd\nDATA = ''\nif DATA:\n    pd.read_csv(DATA)\n"
            "if os.path.exists(DATA):\n    pd.read_csv(DATA)\ntry:\n    pd.read_csv('')\nexcept OSError:\n"
            "    pass\ndf = pd.read_csv(DATA)\ndf.to_csv('')\n"
        ),
    }
    # a function that returns "" or a value the caller skips when empty (ab-diaz/LPS_analysis_code)
    files["c.py"] = (
        "import sys\nimport pandas as pd\n\ndef clean(v):\n    return '' if v == '-' else str(v)\n\n"
        "for arg in sys.argv[1:]:\n    p = clean(arg)\n    if not p:\n        continue\n    pd.read_csv(p)\n"
    )
    files["config.py"] = "DATA = ''\n"
    files["d.py"] = (
        "from config import DATA\nimport numpy as np\n\n"
        "def load(path=DATA):\n    return np.load(path)\n\nload()\n"
    )
    flow = flow_of(files)
    blank = [(p.code, p.path, p.line) for p in flow.problems if "empty path" in p.message]
    assert blank == [("SHR110", "a.py", 2), ("SHR110", "b.py", 12), ("SHR110", "d.py", 5)]
    (message,) = [p.message for p in flow.problems if p.path == "a.py"]
    assert message.startswith("`a.py` reads a file at an empty path (`cv2.VideoCapture`, line 2)")


def test_no_did_you_mean_for_the_copy_the_same_call_makes() -> None:
    """mstapelberg/active_learning_paper_analysis: `shutil.copy("in/KPOINTS", "out/KPOINTS")` with `in/`
    missing asked "did you mean `out/KPOINTS`, which `a.py` writes?": the copy of the very file."""
    flow = flow_of({"a.py": "import shutil\nshutil.copy('in/KPOINTS', 'out/KPOINTS')\n"})
    (problem,) = flow.problems
    assert problem.code == "SHR110"
    assert "did you mean" not in problem.message
    other = flow_of({"a.py": "open('out/KPOINTS', 'w')\n", "b.py": "open('in/KPOINTS').read()\n"})
    assert "did you mean `out/KPOINTS`, which `a.py` writes?" in other.problems[0].message


def test_a_module_of_functions_that_only_sets_things_up_is_no_step() -> None:
    """jtextor/immunet-paper-code: two modules of functions only, with `warnings.filterwarnings("ignore")`
    at the top, were listed as steps of the analysis that read and write nothing."""
    files = {
        "lib.py": (
            "import warnings\nimport numpy as np\nimport matplotlib\nwarnings.filterwarnings('ignore')\n"
            "np.random.seed(0)\nmatplotlib.use('Agg')\n\ndef f(x):\n    return x\n"
        ),
        "run.py": "import numpy as np\nnp.save('out.npy', 1)\n",
    }
    assert [s.path for s in flow_of(files).steps] == ["run.py"]
    files["lib.py"] += "print(f(1))\n"
    assert [s.path for s in flow_of(files).steps] == ["lib.py", "run.py"]


def test_an_archive_is_not_among_what_unpacking_makes() -> None:
    """jtextor/immunet-paper-code: `tarfile.open("data/prediction.tar.gz").extractall("data")` made every
    file of `data/` one the archive may hold, the archive itself too: neither an input nor missing."""
    src = (
        "import tarfile\nimport pandas as pd\nwith tarfile.open('data/prediction.tar.gz') as t:\n"
        "    t.extractall('data')\npd.read_csv('data/prediction.csv')\n"
    )
    flow = flow_of({"a.py": src})
    assert flow.inputs == ("data/prediction.tar.gz",)
    assert [(p.code, p.target) for p in flow.problems] == [("SHR110", "data/prediction.tar.gz")]
    assert flow_of({"a.py": src, "data/prediction.tar.gz": b""}).problems == ()


def test_a_script_a_pipeline_runs_that_is_not_in_the_folder() -> None:
    """JMencius/MethQC-paper-code: `fp.sh` runs `python fdr.py`, which is in no folder of the repository;
    nothing said so. Not a module (`python -m pip`), a tool elsewhere, or a README's example."""
    files = {
        "fp.sh": (
            "python fdr.py a b\npython3 -m pip install x\npython /opt/tool/x.py\npython run.py\n"
            "./HiCKRy.py -i a\n"
        ),
        "run.py": "open('out.txt', 'w')\n",
        "README.md": "```\npython setup.py install\npython other.py\n```\n",
    }
    problems = [(p.code, p.path, p.target) for p in flow_of(files).problems]
    assert problems == [("SHR110", "fp.sh", "./HiCKRy.py"), ("SHR110", "fp.sh", "fdr.py")]
    # a program on the PATH, a Snakemake variable, a script of the folder run from a folder above
    # (meteorologytoday's `svg_stack.py --direction=v`, ab-diaz's `{SCRIPT_DIR}/x.py`,
    # czbiohub-sf/rnaquarium-figures' `Fig1/scripts/run.sh` that runs `./scripts/annotate.py` from `Fig1/`)
    files = {
        "stack.sh": "svg_stack.py --direction=v a.svg b.svg > c.svg\n",
        "Snakefile": "rule a:\n    shell: 'python {SCRIPT_DIR}/x.py'\n",
        "Fig1/scripts/run.sh": "./scripts/annotate.py\npython3 ./scripts/annotate.py a\n",
        "Fig1/scripts/annotate.py": "open('out.txt', 'w')\n",
    }
    assert not [p for p in flow_of(files).problems if ", which is not in the folder" in p.message]


def test_an_update_in_place_after_an_existence_check_comes_after_the_maker() -> None:
    """kbasecollaborations/trait-prediction-manuscript: `backfill.py` adds a column to tables the figure
    scripts write, when they exist (`if not path.exists(): return`); it came before them, and six SHR113
    said "give each output its own name"."""
    backfill = (
        "from pathlib import Path\nimport pandas as pd\ndef backfill(path):\n    if not path.exists():\n"
        "        return\n    df = pd.read_csv(path)\n    df['n'] = 10\n    df.to_csv(path)\n"
        "backfill(Path('results/metrics.csv'))\n"
    )
    make = "import pandas as pd\npd.DataFrame().to_csv('results/metrics.csv')\n"
    flow = flow_of({"a_backfill.py": backfill, "b_train.py": make})
    assert [s.path for s in flow.steps] == ["b_train.py", "a_backfill.py"]
    assert not flow.problems


def test_an_update_in_place_is_no_maker_and_a_circle_does_not_move_other_steps() -> None:
    """kbasecollaborations/trait-prediction-manuscript: `backfill.py` adds a column to tables the figure
    scripts make; a figure script reading one of them was put after it, a false circle; and a circle of
    two other scripts put the backfill, first by name, before every step it needs."""
    backfill = (
        "import os\nimport pandas as pd\nfor p in ['out/t1.csv', 'out/t2.csv']:\n"
        "    if os.path.exists(p):\n        df = pd.read_csv(p)\n        df.to_csv(p)\n"
    )
    flow = flow_of(
        {
            "a_backfill.py": backfill,
            "f1.py": "import pandas as pd\npd.DataFrame().to_csv('out/t1.csv')\n",
            "f2.py": "import pandas as pd\npd.read_csv('out/t1.csv')\npd.DataFrame().to_csv('out/t2.csv')\n",
            "x.py": "open('y.txt'); open('x.txt', 'w')",
            "y.py": "open('x.txt'); open('y.txt', 'w')",
        }
    )
    order = [s.path for s in flow.steps]
    assert order.index("a_backfill.py") > order.index("f2.py") > order.index("f1.py")
    assert [p.code for p in flow.problems] == ["SHR114"]


def test_a_read_that_need_not_find_its_file_makes_no_circle() -> None:
    """XINRUIQI/CASA0004-Dissertation: `run_deep_sweep.py` reads the pooled table `pool_deep_seeds.py` makes
    from its results, only when it is there: the sweep runs without it, so it goes first; no circle. A
    read that must find its file still orders the steps, and a circle of such reads is still one."""
    flow = flow_of(
        {
            "pool.py": "import pandas as pd\npd.read_csv('summary.csv').to_csv('pooled.csv')\n",
            "sweep.py": (
                "from pathlib import Path\nimport pandas as pd\npooled = Path('pooled.csv')\n"
                "extra = pd.read_csv(pooled) if pooled.exists() else None\n"
                "pd.DataFrame({'a': [1]}).to_csv('summary.csv')\n"
            ),
            "report.py": "open('pooled.csv')\nopen('report.txt', 'w')\n",
            "x.py": "open('y.txt'); open('x.txt', 'w')",
            "y.py": "open('x.txt'); open('y.txt', 'w')",
        }
    )
    order = [s.path for s in flow.steps]
    assert order.index("sweep.py") < order.index("pool.py") < order.index("report.py")
    assert flow.step("sweep.py").after == ()
    assert flow.step("report.py").after == ("pool.py",)
    assert [(p.code, p.path) for p in flow.problems] == [("SHR114", "x.py")]


def test_a_step_that_changes_a_file_in_place_wins_nothing() -> None:
    """XINRUIQI/CASA0004-Dissertation: two steps make `metrics.csv` and `fix_cols.py` drops a column of it;
    "whichever runs last wins (`fix_cols.py`)" named the one that changes it, not one that makes it."""
    flow = flow_of(
        {
            "fix_cols.py": (
                "import pandas as pd\ndf = pd.read_csv('metrics.csv')\n"
                "df.drop(columns=['x']).to_csv('metrics.csv')\n"
            ),
            "relocate.py": "import shutil\nshutil.move('old/m.csv', 'metrics.csv')\n",
            "run.py": "import pandas as pd\npd.DataFrame({'x': [1]}).to_csv('metrics.csv')\n",
        }
    )
    (problem,) = [p for p in flow.problems if p.code == "SHR113"]
    assert problem.message.startswith(
        "`metrics.csv` is written by `relocate.py` (line 2) and `run.py` (line 2) (`fix_cols.py` then "
        "changes it in place); whichever runs last wins (in the run order, `run.py`)"
    )


def test_files_of_one_pattern_written_and_read_outside_the_folder_order_the_steps() -> None:
    """tflowers15/wallaby-analysis-scripts: `derived_properties.py` writes `/Users/.../PARAMETERS/*` and
    `basic_plotting.py`, the final plots, reads the same: it was step 1. A pattern only one step names
    still orders nothing."""
    path = "'/Users/x/parameters/' + sys.argv[1] + '.csv'"
    write = f"import sys\nimport pandas as pd\npd.DataFrame().to_csv({path})\n"
    read = f"import sys\nimport pandas as pd\npd.read_csv({path})\n"
    flow = flow_of(
        {
            "a_plot.py": read,
            "b_measure.py": write,
            "c_other.py": read.replace("parameters", "elsewhere"),
        }
    )
    assert [s.path for s in flow.steps][:2] == ["b_measure.py", "a_plot.py"]
    assert flow.step("a_plot.py").after == ("b_measure.py",)  # type: ignore[union-attr]
    assert flow.step("c_other.py").after == ()  # type: ignore[union-attr]


def test_a_file_each_reader_makes_first_is_no_double_write() -> None:
    """rjleveque/shoaling_paper_figures: `makegrid.py` writes `grid.data` when run alone, and
    `make_figures.py` calls its function before reading the file: "whichever runs last wins" of a file no
    step reads from another. One that nobody reads is still a problem."""
    grid = (
        "def makegrid(xs=0.0):\n    with open('grid.data', 'w') as f:\n        f.write(str(xs))\n"
        "if __name__ == '__main__':\n    makegrid()\n"
    )
    figures = (
        "import makegrid\nfor xs in [0.0, 1.0]:\n    makegrid.makegrid(xs)\n"
        "    open('out_%s.txt' % xs, 'w').write(open('grid.data').read())\n"
    )
    flow = flow_of({"makegrid.py": grid, "make_figures.py": figures})
    assert not flow.problems
    alone = flow_of({"makegrid.py": grid, "other.py": figures.replace("open('grid.data')", "open('x.dat')")})
    assert "SHR113" in [p.code for p in alone.problems]
