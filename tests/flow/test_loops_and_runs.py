"""Loops whose count picks from several lists at once, loops inside loops, and steps that run another
script (session 34: StanBarmentloo/NII_nebular_phase's Figure_6 notebook read every mass with every
mixing)."""

from __future__ import annotations

from flowkit import flow_of, io, notebook


def test_lists_picked_by_one_loop_count_go_together() -> None:
    """`for i in range(len(masses))` reading `'spectrum_he' + masses[i] + '_AJ_' + mixings[i]`: the i-th
    mass with the i-th mixing, never every mass with every mixing (files the code never opens, each a
    false missing input); the same for the number of `enumerate` and for a function given both."""
    source = (
        "import numpy as np\n"
        "names = ['a.dat', 'b.dat']\nlabels = ['x', 'y']\nmix = ['1', '2']\n"
        "for i in range(len(names)):\n"
        "    np.loadtxt('data/' + names[i])\n"
        "    np.loadtxt('data/spec_' + labels[i] + '_' + mix[i] + '.txt')\n"
        "for j, n in enumerate(names):\n"
        "    np.save(f'res/{n}_{labels[j]}', 1)\n"
        "def proc(a, b):\n    np.save(f'p/{a}_{b}', 1)\n"
        "for k in range(2):\n    proc(names[k], labels[k])\n"
    )
    assert io(flow_of({"run.py": source})) == [
        ("read", "data/a.dat"),
        ("read", "data/b.dat"),
        ("read", "data/spec_x_1.txt"),
        ("read", "data/spec_y_2.txt"),
        ("write", "res/a.dat_x.npy"),
        ("write", "res/b.dat_y.npy"),
        ("write", "p/a.dat_x.npy"),
        ("write", "p/b.dat_y.npy"),
    ]


def test_a_loop_count_stops_where_its_range_does() -> None:
    """`range(2)` over lists of three, `range(1, len(x))`: only the turns that run; a count that is not
    a loop's (`names[n]` with `n` set above) is still any element."""
    source = (
        "import numpy as np\n"
        "names = ['a', 'b', 'c']\nlabels = ['x', 'y', 'z']\n"
        "for i in range(2):\n    np.save(f'first/{names[i]}_{labels[i]}', 1)\n"
        "for i in range(1, len(names)):\n    np.save(f'rest/{names[i]}_{labels[i]}', 1)\n"
    )
    assert io(flow_of({"run.py": source})) == [
        ("write", "first/a_x.npy"),
        ("write", "first/b_y.npy"),
        ("write", "rest/b_y.npy"),
        ("write", "rest/c_z.npy"),
    ]


def test_a_loop_count_with_a_list_of_unknown_length_stays_a_choice() -> None:
    """A list the code fills (`names.append(...)`) has no written-out elements to pair: its name is
    unknown, the other list's elements stay as they were."""
    source = (
        "import sys\nimport numpy as np\n"
        "names = []\nfor a in sys.argv[1:]:\n    names.append(a)\n"
        "labels = ['x', 'y']\n"
        "for i in range(len(labels)):\n    np.save(f'out/{names[i]}_{labels[i]}', 1)\n"
    )
    assert io(flow_of({"run.py": source})) == [("write", "out/*_x.npy"), ("write", "out/*_y.npy")]


def test_nested_loops_over_many_values_are_a_pattern() -> None:
    """Three loops over 30 values each: a pattern, not 27,000 files; loops over a few values are written
    out up to a cap, beyond it the last part is unknown."""
    values = ", ".join(f"'{i:02d}'" for i in range(30))
    source = (
        "import numpy as np\n"
        f"A = [{values}]\nB = [{values}]\nC = [{values}]\n"
        "for a in A:\n    for b in B:\n        for c in C:\n"
        "            np.save(f'results/run_{a}_{b}_{c}', 1)\n"
        "for n in range(30):\n    for m in range(30):\n        np.save(f'nums/run_{n}_{m}', 1)\n"
        "for x in ['x', 'y']:\n    for y in ['1', '2', '3']:\n        np.save(f'small/run_{x}_{y}', 1)\n"
    )
    assert io(flow_of({"run.py": source})) == [
        ("write", "results/run_*_*_*.npy"),
        ("write", "nums/run_*_*.npy"),
        ("write", "small/run_x_1.npy"),
        ("write", "small/run_x_2.npy"),
        ("write", "small/run_x_3.npy"),
        ("write", "small/run_y_1.npy"),
        ("write", "small/run_y_2.npy"),
        ("write", "small/run_y_3.npy"),
    ]


def test_names_of_nested_loops_used_twice_lose_no_file() -> None:
    """`res/{a}/{b}/run_{a}_{b}.npy` over six a's and six b's is 36 files, more than are listed: sciship
    listed 16 and lost the other 20 without a word (a step reading `res/05/05/run_05_05.npy` then found
    it written by nothing); now one of the two names is an unknown part, the other the same in both
    places."""
    values = ", ".join(f"'{i:02d}'" for i in range(6))
    source = (
        "import numpy as np\n"
        f"A = [{values}]\nB = [{values}]\n"
        "for a in A:\n    for b in B:\n        np.save(f'res/{a}/{b}/run_{a}_{b}', 1)\n"
    )
    assert io(flow_of({"run.py": source})) == [
        ("write", f"res/*/{b}/run_*_{b}.npy") for b in ("00", "01", "02", "03", "04", "05")
    ]


# ---------------------------------------------------------------- a step that runs another script
def test_a_script_a_step_runs_is_no_data_it_reads() -> None:
    """`exec(open('helpers.py').read())` in a notebook, `with open('other.py') as f: exec(f.read())` in a
    script: the step runs that code; the script is no data file it reads (session 34: helpers.py was an
    input of the notebook, listed with its data); `runpy.run_path`, `subprocess.run(['python', ...])`: the
    script it runs comes first, once, and is read by nothing."""
    other = "import pandas as pd\npd.read_csv('data/in.csv').to_csv('out/other.csv')\n"
    tail = "import pandas as pd\npd.read_csv('out/other.csv').to_csv('out/final.csv')"
    runs = {
        "notebook_exec": notebook([("exec(open('other.py').read())", 1), (tail, 2)]),
        "script_exec": "with open('other.py') as f:\n    exec(f.read())\n" + tail + "\n",
        "runpy": "import runpy\nrunpy.run_path('other.py')\n" + tail + "\n",
        "subprocess": "import subprocess\nsubprocess.run(['python', 'other.py'], check=True)\n" + tail + "\n",
    }
    for name, driver in runs.items():
        path = "driver.ipynb" if name == "notebook_exec" else "driver.py"
        flow = flow_of({path: driver, "other.py": other, "data/in.csv": "a\n1\n"})
        if name.endswith("exec"):  # (exec runs other.py's code in the step, as `from other import *`)
            assert [(s.path, s.reads, s.writes, s.after) for s in flow.steps] == [
                (path, ("data/in.csv", "out/other.csv"), ("out/final.csv", "out/other.csv"), ()),
            ], name
            assert flow.inputs == ("data/in.csv",), name
            continue
        assert [(s.path, s.reads, s.writes, s.after) for s in flow.steps] == [
            ("other.py", ("data/in.csv",), ("out/other.csv",), ()),
            (path, ("out/other.csv",), ("out/final.csv",), ("other.py",)),
        ], name
        assert flow.inputs == ("data/in.csv",), name
        assert flow.problems == (), name


def test_a_notebook_s_run_magic_runs_the_file_in_the_notebook() -> None:
    """`%run helpers.py` runs helpers.py in the notebook's process: its functions are the notebook's
    (session 34: `%run helpers.py`, then `df = load()`: the file load() reads was never named), and so is
    what its code does (`%run lib/prepare.py`: the notebook makes the table it then reads, no step of its
    own); a run given words, or of a file whose name is no module's, stays what it was."""
    helpers = "import pandas as pd\nDATA = 'data/x.csv'\ndef load():\n    return pd.read_csv(DATA)\n"
    prepare = "import pandas as pd\npd.read_csv('data/in.csv').to_csv('out/prepared.csv')\n"
    cells = [
        ("%run helpers.py\n%run lib/prepare.py", 1),
        ("import pandas as pd\nload().to_csv('out/final.csv')\npd.read_csv('out/prepared.csv')", 2),
    ]
    files = {
        "analysis.ipynb": notebook(cells),
        "helpers.py": helpers,
        "lib/prepare.py": prepare,
        "data/x.csv": "a\n1\n",
        "data/in.csv": "a\n1\n",
    }
    flow = flow_of(files)
    assert [(s.path, s.reads, s.writes, s.after) for s in flow.steps] == [
        (
            "analysis.ipynb",
            ("data/in.csv", "data/x.csv", "out/prepared.csv"),
            ("out/final.csv", "out/prepared.csv"),
            (),
        ),
    ]
    assert flow.inputs == ("data/in.csv", "data/x.csv")
    assert flow.problems == ()
    other = "import pandas as pd\npd.read_csv('data/in.csv').to_csv('out/other.csv')\n"
    tail = "import pandas as pd\npd.read_csv('out/other.csv').to_csv('out/final.csv')"
    for run in ("%run other.py --year 2020", "%run 01-other.py"):
        name = "01-other.py" if "01-" in run else "other.py"
        driver = notebook([(run, 1), (tail, 2)])
        flow = flow_of({"driver.ipynb": driver, name: other, "data/in.csv": "a\n1\n"})
        assert [(s.path, s.reads, s.writes, s.after) for s in flow.steps] == [
            (name, ("data/in.csv",), ("out/other.csv",), ()),
            ("driver.ipynb", ("out/other.csv",), ("out/final.csv",), (name,)),
        ], run


# ---------------------------------------------------------------- a question at the top of the code
def test_a_notebook_that_asks_for_its_file_at_the_top() -> None:
    """`path = input("Data file: ")` in a notebook cell, read in the next: the step asks it, and the file is
    unknown, never a missing input; a name typed into a path (`"data/" + name + ".csv"`) is one of the
    files there."""
    cells = [
        ("import pandas as pd\npath = input('Data file: ')", 1),
        ("df = pd.read_csv(path)\ndf.describe().to_csv('summary.csv')", 2),
        ("name = input('Sample: ')\npd.read_csv('data/' + name + '.csv')", 3),
    ]
    flow = flow_of({"ask.ipynb": notebook(cells), "data/s1.csv": "a\n1\n"})
    step = flow.step("ask.ipynb")
    assert step is not None
    assert step.asks == ("Data file:", "Sample:")
    assert (step.reads, step.writes) == (("data/*.csv",), ("summary.csv",))
    assert flow.missing == ()
    assert flow.problems == ()
