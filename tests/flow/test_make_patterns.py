"""Makefile pattern rules (`results/%.csv: data/%.txt`): run for the files other rules ask for."""

from __future__ import annotations

from tests.flow.flowkit import flow_of, graph

from sciship.flow._expr import STAR
from sciship.flow._shell import python_runs

CONVERT = "import sys\nimport pandas as pd\n\npd.read_csv(sys.argv[1]).to_csv(sys.argv[2])\n"
CONVERT_PY = "scripts/convert.py"
PLOT = (
    "import argparse\nimport pandas as pd\nimport matplotlib.pyplot as plt\n\n"
    "p = argparse.ArgumentParser()\np.add_argument('tables', nargs='+')\np.add_argument('-o', '--out')\n"
    "a = p.parse_args()\nfor t in a.tables:\n    pd.read_csv(t).plot()\nplt.savefig(a.out)\n"
)


def test_a_makefile_pattern_rule_runs_for_the_files_all_asks_for() -> None:
    """`all: results/a.csv results/b.csv` and `results/%.csv: data/%.txt scripts/convert.py` with
    `python scripts/convert.py $< $@`: convert.py runs for a and for b, before the figure that reads
    both (s34: the recipe's `$<` and `$@` of a pattern rule were left out: convert.py read and wrote
    nothing, and the figure came in no order; alan-turing-institute/IntroToMake's
    `output/figure_%.png: data/input_file_%.csv`, and ldishman/make_demo's `plot-%.png: %.dat plot.py`
    with `./plot.py -i $*.dat -o $@`, read and wrote nothing)."""
    makefile = (
        "RESULTS = results/a.csv results/b.csv\n\nall: $(RESULTS) figures/summary.png\n\n"
        "results/%.csv: data/%.txt scripts/convert.py\n\tpython scripts/convert.py $< $@\n\n"
        "figures/summary.png: $(RESULTS) scripts/plot.py\n\tpython scripts/plot.py $(RESULTS) -o $@\n"
    )
    files = {
        "Makefile": makefile,
        "scripts/convert.py": CONVERT,
        "scripts/plot.py": PLOT,
        "data/a.txt": "x",
        "data/b.txt": "x",
    }
    got = graph(flow_of(files))
    assert [(s["path"], s["reads"], s["writes"], s["after"]) for s in got["steps"]] == [
        ("scripts/convert.py", ["data/a.txt", "data/b.txt"], ["results/a.csv", "results/b.csv"], []),
        ("scripts/plot.py", ["results/a.csv", "results/b.csv"], ["figures/summary.png"], [CONVERT_PY]),
    ]
    assert got["problems"] == []
    # a pattern rule no rule asks a file of: its `%` is a pattern, never a made-up name
    files["Makefile"] = "results/%.csv: data/%.txt scripts/convert.py\n\tpython scripts/convert.py $< $@\n"
    got = graph(flow_of(files))
    assert [(s["path"], s["reads"], s["writes"]) for s in got["steps"]] == [
        ("scripts/convert.py", ["data/*.txt"], ["results/*.csv"]),
        ("scripts/plot.py", [], []),
    ]
    assert got["problems"] == []


def test_a_pattern_rule_s_stem_chains_and_static_patterns() -> None:
    """A file a pattern rule asks for is asked for in turn (`fig/%.png: tables/%.csv`, then
    `tables/%.csv: raw/%.dat`); `$*` is the stem; a static pattern rule is left as it is."""
    makefile = (
        "all: fig/x.png\n\nfig/%.png: tables/%.csv\n\tpython plot.py $< --name $* -o $@\n\n"
        "tables/%.csv: raw/%.dat\n\tpython table.py $< $@\n\n"
        "OBJS = a.o\n$(OBJS): %.o: %.c\n\tpython cc.py $< $@\n"
    )
    assert [(r.script, r.args) for r in python_runs(makefile, "Makefile")] == [
        ("plot.py", ("tables/x.csv", "--name", "x", "-o", "fig/x.png")),
        ("table.py", ("raw/x.dat", "tables/x.csv")),
        ("cc.py", ("a.c", "a.o")),
    ]
    # a static pattern rule of targets sciship cannot know (alan-turing-institute/IntroToMake's
    # `$(FIGURES): output/figure_%.png: data/%.csv` with FIGURES a `patsubst` of a `wildcard`): its patterns
    makefile = "$(shell ls *.o): %.o: %.c\n\tpython cc.py $< $@\n"
    assert [(r.script, r.args) for r in python_runs(makefile, "Makefile")] == [
        ("cc.py", (f"{STAR}.c", f"{STAR}.o"))
    ]


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
