"""Snakemake workflows: the rules' wildcards, `expand(...)`, `script:`, `configfile:` and `workdir:`."""

from __future__ import annotations

from tests.flow.flowkit import flow_of, graph

CLEAN = "import sys\nimport pandas as pd\n\npd.read_csv(sys.argv[1]).dropna().to_csv(sys.argv[2])\n"
CLEAN_PY = "scripts/clean.py"
PLOT = (
    "import pandas as pd\nimport matplotlib.pyplot as plt\n\n"
    "frames = [pd.read_csv(f) for f in snakemake.input]\npd.concat(frames).plot()\n"
    "plt.savefig(snakemake.output[0])\n"
)


def snakefile(samples: str) -> str:
    return (
        f"{samples}\n\nrule all:\n    input:\n"
        '        expand("results/{sample}.csv", sample=SAMPLES),\n        "figures/summary.png"\n\n'
        'rule clean:\n    input:\n        "data/{sample}.txt"\n    output:\n        "results/{sample}.csv"\n'
        '    shell:\n        "python scripts/clean.py {input} {output}"\n\n'
        'rule plot:\n    input:\n        expand("results/{sample}.csv", sample=SAMPLES)\n'
        '    output:\n        "figures/summary.png"\n    script:\n        "scripts/plot.py"\n'
    )


def test_a_snakefile_s_wildcards_expand_and_script() -> None:
    """A rule all asks for `expand("results/{sample}.csv", sample=SAMPLES)` with `SAMPLES = ["a", "b"]`:
    the rule whose output is `results/{sample}.csv` runs its command once for each sample, and the
    script a `script:` rule runs reads `snakemake.input` and writes `snakemake.output[0]`, the files the
    rule names (s34: clean.py read nothing and wrote `results/*.csv`; plot.py read and wrote nothing, in
    no order)."""
    files = {
        "Snakefile": snakefile('SAMPLES = ["a", "b"]'),
        "scripts/clean.py": CLEAN,
        "scripts/plot.py": PLOT,
        "data/a.txt": "x",
        "data/b.txt": "x",
    }
    got = graph(flow_of(files))
    assert [(s["path"], s["reads"], s["writes"], s["after"]) for s in got["steps"]] == [
        ("scripts/clean.py", ["data/a.txt", "data/b.txt"], ["results/a.csv", "results/b.csv"], []),
        ("scripts/plot.py", ["results/a.csv", "results/b.csv"], ["figures/summary.png"], [CLEAN_PY]),
    ]
    assert got["problems"] == []
    # the samples from the settings file of `configfile:`
    files["Snakefile"] = snakefile('configfile: "config.yaml"\nSAMPLES = config["samples"]')
    files["config.yaml"] = "samples:\n  - a\n  - b\n"
    assert graph(flow_of(files))["steps"] == got["steps"]
    # a list sciship cannot know: a pattern, never `{sample}` nor a name made up; what clean.py reads
    # (`data/{sample}.txt`, of no known sample) is unknown
    del files["config.yaml"]
    got = graph(flow_of(files))
    assert [(s["path"], s["reads"], s["writes"], s["after"]) for s in got["steps"]] == [
        ("scripts/clean.py", [], ["results/*.csv"], []),
        ("scripts/plot.py", ["results/*.csv"], ["figures/summary.png"], ["scripts/clean.py"]),
    ]
    assert got["problems"] == []


def test_a_snakemake_script_s_named_files_and_wildcards() -> None:
    """`snakemake.input.table` (or `["table"]`), `snakemake.output[1]`, `snakemake.wildcards.sample` of a
    rule run for each sample another rule asks for, in a rule file the Snakefile includes (one run
    per sample); a script that binds `snakemake` itself is left alone."""
    script = (
        "import pandas as pd\n\ndf = pd.read_csv(snakemake.input.table)\n"
        "df.to_csv(snakemake.output[1])\ndf.describe().to_csv(snakemake.output['summary'])\n"
        "pd.read_csv(f'extra/{snakemake.wildcards.sample}.csv')\n"
    )
    rules = (
        'rule stats:\n    input:\n        table = "results/{sample}.csv",\n    output:\n'
        '        summary = "stats/{sample}.summary.csv",\n        full = "stats/{sample}.full.csv",\n'
        '    script: "../scripts/stats.py"\n'
    )
    files = {
        "workflow/Snakefile": (
            'include: "rules/stats.smk"\n\n'
            'rule all:\n    input: expand("stats/{s}.summary.csv", s=["a", "b"])\n'
        ),
        "workflow/rules/stats.smk": rules,
        "workflow/scripts/stats.py": script,
        "results/a.csv": "x",
        "results/b.csv": "x",
        "extra/a.csv": "x",
        "extra/b.csv": "x",
    }
    step = flow_of(files).step("workflow/scripts/stats.py")
    assert step is not None
    assert (step.reads, step.writes) == (
        ("extra/a.csv", "extra/b.csv", "results/a.csv", "results/b.csv"),
        ("stats/a.full.csv", "stats/a.summary.csv", "stats/b.full.csv", "stats/b.summary.csv"),
    )


def test_a_snakefile_s_workdir_and_settings_in_paths() -> None:
    """`workdir: "analysis"`: every rule runs there, `python ../scripts/convert.py` too; the input
    `config["data_dir"] + "/x.txt"` takes `data_dir` from the settings of `configfile:`. A workdir on the
    author's computer is a problem, at its line, and the rules' runs are left out (where they run, nobody
    can know) (s34: the run was not seen, and the absolute folder was said nothing of)."""
    snake = (
        'configfile: "config.yaml"\nworkdir: "analysis"\n\nrule all:\n    input: "results/x.csv"\n\n'
        'rule convert:\n    input: config["data_dir"] + "/x.txt"\n    output: "results/x.csv"\n'
        '    shell: "python ../scripts/convert.py {input} {output}"\n'
    )
    files = {
        "Snakefile": snake,
        "config.yaml": "data_dir: raw\n",
        "analysis/raw/x.txt": "x",
        "scripts/convert.py": CLEAN,
    }
    got = graph(flow_of(files))
    assert [(s["path"], s["workdir"], s["reads"], s["writes"]) for s in got["steps"]] == [
        ("scripts/convert.py", "analysis", ["analysis/raw/x.txt"], ["analysis/results/x.csv"]),
    ]
    assert got["problems"] == []
    files["Snakefile"] = snake.replace('"analysis"', '"/home/ana/study/analysis"')
    flow = flow_of(files)
    assert [(s.path, s.reads, s.writes) for s in flow.steps] == [("scripts/convert.py", (), ())]
    assert [(p.code, p.path, p.line) for p in flow.problems] == [("SHR111", "Snakefile", 2)]
    assert flow.problems[0].message == (
        '`Snakefile` sets `workdir: "/home/ana/study/analysis"` (line 2), a folder on your computer: '
        "Snakemake runs every rule there, reading and writing their files from there, and on another "
        "computer that folder does not exist, so the workflow stops before its first rule. Remove the "
        "line, so that the rules run in the folder `snakemake` is started from, or give a folder inside "
        'this one by a relative path (`workdir: "analysis"`).'
    )
