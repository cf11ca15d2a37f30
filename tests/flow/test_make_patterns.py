"""Makefile pattern rules (`results/%.csv: data/%.txt`): run for the files other rules ask for."""

from __future__ import annotations

from tests.flow.flowkit import flow_of

CONVERT = "import sys\nimport pandas as pd\n\npd.read_csv(sys.argv[1]).to_csv(sys.argv[2])\n"
CONVERT_PY = "scripts/convert.py"
PLOT = (
    "import argparse\nimport pandas as pd\nimport matplotlib.pyplot as plt\n\n"
    "p = argparse.ArgumentParser()\np.add_argument('tables', nargs='+')\np.add_argument('-o', '--out')\n"
    "a = p.parse_args()\nfor t in a.tables:\n    pd.read_csv(t).plot()\nplt.savefig(a.out)\n"
)


def test_a_positional_argument_of_several_words_before_an_option() -> None:
    """`p.add_argument('tables', nargs='+')` and `-o`: `python plot.py a.csv b.csv -o fig.png` gives
    the tables both files and `-o` its file (s34: only a.csv was read, and the reading stopped at
    b.csv, so the figure the step writes was unseen)."""
    plot = PLOT.replace("scripts/", "")
    files = {"plot.py": plot, "a.csv": "x", "b.csv": "x", "c.csv": "x"}
    files["Makefile"] = "fig.png: plot.py\n\tpython plot.py a.csv b.csv -o fig.png\n"
    step = flow_of(files).step("plot.py")
    assert step is not None
    assert (step.reads, step.writes) == (("a.csv", "b.csv"), ("fig.png",))
    # a positional after it takes the last word
    files["plot.py"] = plot.replace("p.add_argument('-o', '--out')", "p.add_argument('out')")
    files["Makefile"] = "fig.png: plot.py\n\tpython plot.py a.csv b.csv c.csv fig.png\n"
    step = flow_of(files).step("plot.py")
    assert step is not None
    assert (step.reads, step.writes) == (("a.csv", "b.csv", "c.csv"), ("fig.png",))
