"""What a shell command makes, read from its words (notebook `!` lines, `%%bash`, os.system, subprocess),
and the files a folder's pipeline scripts make."""

from __future__ import annotations

import pytest

from sciship.flow._expr import STAR, STAR2
from sciship.flow._shell import (
    Effect,
    driver_commands,
    effects,
    pipeline_outputs,
    python_runs,
    readme_blocks,
    readme_commands,
    words_of,
)

COMMANDS = [
    ("wget -O data/x.csv https://e.org/x", [Effect("write", "data/x.csv")]),
    ("wget -q -P data https://e.org/files/raw.tar.gz", [Effect("write", "data/raw.tar.gz")]),
    (f"wget https://e.org/{STAR}", [Effect("write", STAR, soft=True)]),
    ("curl -L https://e.org/a -o a.json", [Effect("write", "a.json")]),
    ("curl -O https://e.org/b/c.zip", [Effect("write", "c.zip")]),
    ("cp a.csv b.csv", [Effect("read", "a.csv"), Effect("write", "b.csv")]),
    (
        "cp a.csv b.csv out/",
        [
            Effect("read", "a.csv"),
            Effect("read", "b.csv"),
            Effect("write", "out/a.csv"),
            Effect("write", "out/b.csv"),
        ],
    ),
    ("gunzip -f x.fna.gz", [Effect("read", "x.fna.gz"), Effect("write", "x.fna")]),
    # (JMencius/MethQC-paper-code: the genome `gzip -dk` unpacked, and modkit's `--out-path`)
    ("gzip -dk ../ref/g.fna.gz", [Effect("read", "../ref/g.fna.gz"), Effect("write", "../ref/g.fna")]),
    ("xz --decompress -k t.tsv.xz", [Effect("read", "t.tsv.xz"), Effect("write", "t.tsv")]),
    ("gzip -9 results.tsv", []),
    ("ln -s ../data/raw.csv data/raw.csv", [Effect("write", "data/raw.csv")]),
    ("ln -sf /big/refs/genome.fa", [Effect("write", "genome.fa")]),
    ("ln -s /global/desi/psfnight-b1.fits .", [Effect("write", "psfnight-b1.fits")]),
    (
        "desi_psf_fit -a p.fits --out-psf psf-b1.fits --out-spots s.xml --output-dir d",
        [
            Effect("write", "psf-b1.fits", soft=True),
            Effect("write", "s.xml", soft=True),
            Effect("write", "d", soft=True, tree=True),
        ],
    ),
    ("modkit dmr pair -a x.bed --out-path dms.bed", [Effect("write", "dms.bed", soft=True)]),
    ("tar -xzf d.tgz -C data", [Effect("read", "d.tgz"), Effect("write", "data", soft=True, tree=True)]),
    ("tar czf out.tgz results", [Effect("write", "out.tgz")]),
    ("unzip -q a.zip -d raw", [Effect("read", "a.zip"), Effect("write", "raw", soft=True, tree=True)]),
    ("git clone -q https://github.com/x/Tool.git", [Effect("write", "Tool", soft=True, tree=True)]),
    ("sort x.csv > y.csv 2> err.log", [Effect("write", "y.csv"), Effect("write", "err.log")]),
    ("sort -o y.csv x.csv", [Effect("write", "y.csv", soft=True)]),
    ("mergePeaks a b -venn v > m && cat m | head > /dev/null", [Effect("write", "m")]),
    (
        "tool --output-file=r/out.txt --outdir r/plots",
        [Effect("write", "r/out.txt", soft=True), Effect("write", "r/plots", soft=True, tree=True)],
    ),
    ("grep -o pattern file.txt", []),
    ("ssh -o StrictHostKeyChecking=no host", []),
    ("rm -rf build; mkdir -p out", []),
    ("OMP_NUM_THREADS=1 time prog -o fit.json", [Effect("write", "fit.json", soft=True)]),
    # isshamie/CH_TSS: the words of a command run inside the line are no file names ("`ls" was read)
    ("mv `ls -1 d/* | grep -v old_` d/old_1", []),
    ("cp $(ls raw/*.csv) data/", []),
    # zouter/ChromatinHD_manuscript: `rsync ... wsaelens@updeplasrv7.epfl.ch:.../x.pkl` wrote a path named
    # after the server
    ("rsync -av results/x.pkl me@cluster.epfl.ch:project/x.pkl", [Effect("read", "results/x.pkl")]),
    ("rsync -av cluster:project/x.pkl results/", [Effect("write", "results/x.pkl")]),
]


@pytest.mark.parametrize(("command", "expected"), COMMANDS, ids=[c for c, _ in COMMANDS])
def test_effects(command: str, expected: list[Effect]) -> None:
    assert effects(words_of(command)) == expected


def test_an_unclosed_quote_still_gives_words() -> None:
    assert words_of("prog 'x > y.txt") == ["prog", "'x", ">", "y.txt"]


def test_pipeline_outputs() -> None:
    script = (
        "#!/bin/bash\n# make everything\npython extract.py \\\n  --input-file $data/raw.txt \\\n"
        "  --output-file $gendata/model_dates.txt\nwget -O $DATA/obs.nc https://e.org/obs.nc\n"
        "python fit.py data/in.csv > logs/fit.log\n"
        # (jjusuf2/AbsQuant_analysis_code: a file made on the author's computer is not made here)
        "bedtools merge -i loops.bedpe > /mnt/md0/jjusuf/loops.bed\n"
    )
    assert pipeline_outputs(script) == ["model_dates.txt", "obs.nc", "fit.log"]
    makefile = "all: results/a.csv\n\nresults/a.csv: src/a.py data/in.csv\n\tpython src/a.py\n%.o: %.c\n"
    assert pipeline_outputs(makefile, "Makefile") == ["all", "a.csv"]
    snakefile = (
        "rule fit:\n    input:\n        'data/in.csv'\n    output:\n"
        "        'results/params.json',\n        \"results/fig.pdf\"\n    shell:\n"
        "        'python fit.py'\n"
    )
    assert pipeline_outputs(snakefile, "workflow/Snakefile") == ["params.json", "fig.pdf"]


def test_pipeline_outputs_with_variable_names_and_nextflow() -> None:
    """A name with variable parts is a pattern when the rest still says which files (not `${x}.csv`);
    a Nextflow process names its outputs in its script (YosefLab/mrvi-reproducibility)."""
    process = (
        "process get_latent {\n    input:\n    path adata_in\n\n    script:\n"
        '    config_in = "${params.conf}/${name}.json"\n'
        '    adata_out = "${params.outputs.data}/${name}.${method}.h5ad"\n'
        '    matrices_out = "${params.outputs.distances}/${name}.${method}.distance_matrices.nc"\n'
        '    """\n    python3 ${params.bin.get_latent} --adata_in ${adata_in}\n    """\n\n'
        "    output:\n    path matrices_out, emit: distance_matrices\n}\n"
    )
    assert pipeline_outputs(process, "modules/get_latent.nf") == ["*.*.distance_matrices.nc"]
    snakefile = "rule count:\n    output:\n        'results/{sample}.counts.tsv', 'x/{s}.csv'\n"
    assert pipeline_outputs(snakefile, "Snakefile") == ["*.counts.tsv"]
    assert pipeline_outputs("python x.py > $out/${name}_summary.txt\n") == ["*_summary.txt"]


def test_the_scripts_a_pipeline_runs_and_the_folder_each_runs_in() -> None:
    makefile = (
        "all: figure.pdf\n\n"
        "data/areas.csv : code/get_areas.py\n\tpython3 code/get_areas.py\n\n"
        "witness.txt : code/evaluation.py code/utils.py data/x.json.gz\n\tpython3 $< && touch witness.txt\n\n"
        "CC := gcc\n"
        "plots/a.png : code/plot.py\n\tcd sub && python -u code/plot.py --out a.png\n"
        "quiet:\n\t@python3 code/quiet.py\n\t-python3 code/may_fail.py\n"
    )
    assert [(r.folder, r.script) for r in python_runs(makefile, "fig6/Makefile")] == [
        ("", "code/get_areas.py"),
        ("", "code/evaluation.py"),
        ("sub", "code/plot.py"),  # each recipe line starts in the Makefile's folder again
        ("", "code/quiet.py"),  # (`@`: make does not echo the line; `-`: it goes on after an error)
        ("", "code/may_fail.py"),
    ]
    script = (
        "#!/bin/bash\n"
        'cd "$(dirname "$0")"\n'
        "srun python3 -W ignore train.py --epochs 3\n"
        "cd fig2\npython make_fig.py\n"
        "python -m tools.clean\n"
        "cd $DATA\npython unknown_place.py\n"  # a folder sciship cannot know: left out
        "cd $(dirname $0)/..\npython top.py\n"
        "python -c 'print(1)'\n"
    )
    assert [(r.folder, r.script) for r in python_runs(script, "jobs/run.sh")] == [
        ("", "train.py"),
        ("fig2", "make_fig.py"),
        ("fig2", "tools/clean.py"),
        ("..", "top.py"),
    ]


def test_a_makefile_s_interpreter_variable_and_automatic_variables() -> None:
    """RichardSear/DP_trapping_codes: `PYTHON3 = /usr/bin/python3`, then `$(PYTHON3) $^ -o $@` under
    `vardp100k.ods: raw_analyse.py data/vardp100k.dat.gz`: no run was seen (a Makefile's `$(NAME)` was not
    read as the interpreter, `$^` and `$@` not put in), so the Makefile ran no step."""
    makefile = (
        "PYTHON3 = /usr/bin/python3\nDATA = data\nODS = a.ods b.ods\n\n"
        "a.ods: raw.py $(DATA)/a.gz | out\n\t$(PYTHON3) $^ --col rc -o $@\n\n"
        "fig: fig.py $(ODS)\n\t$(PYTHON3) $< $(ODS) -o fig.pdf\n\n"
        "%.csv: conv.py %.txt\n\t$(PYTHON3) $^ > $@\n\n"
        "x.txt y.txt: two.py\n\t$(PYTHON3) $< $@ $$@\n"
    )
    assert [(r.script, r.args) for r in python_runs(makefile, "Makefile")] == [
        ("raw.py", ("data/a.gz", "--col", "rc", "-o", "a.ods")),  # (not the order-only `out`)
        ("fig.py", ("a.ods", "b.ods", "-o", "fig.pdf")),
        ("conv.py", (f"{STAR}.txt",)),  # (a pattern rule no rule asks a file of: `%` is unknown)
        ("two.py", (STAR, f"{STAR}@")),  # (two targets: which one is unknown; `$$@` is the shell's)
    ]


def test_a_snakemake_rule_s_placeholders_of_its_own_files() -> None:
    """tomsasani/bxd_mutator_manuscript: every rule runs `python {input.py_script} --out {output}`, with
    `py_script = "py_scripts/x.py"` among its inputs: its Snakefiles ran no step. What the rule spells out
    is put in, `expand(...)` of a list the file sets too (`{input}` is all of the rule's inputs, the script
    among them); a function stays unknown."""
    snakefile = (
        'CHROMS = ["1", "2"]\n\nrule grid:\n    input:\n        vars = "data/wild.csv",\n'
        "        py_script = 'py_scripts/grid.py'\n    output:\n        \"plots/fig_4a.eps\",\n"
        '    shell:\n        """\n        python {input.py_script} --vars {input.vars} \\\n'
        '            --out {output}\n        """\n\n'
        'rule msa:\n    input:\n        "py_scripts/msa.py",\n        expand("data/{c}.fa", c=CHROMS),\n'
        '    output: "out/{name}.txt"\n    params:\n        k = 3\n'
        '    shell: "python {input[0]} -k {params.k} --fa {input} > {output}"\n\n'
        'rule other:\n    input:\n        script = "py_scripts/other.py"\n'
        '    shell:\n        "python {input.script} {output}"\n'
    )
    assert [(r.script, r.args) for r in python_runs(snakefile, "rules/figs.smk")] == [
        ("py_scripts/grid.py", ("--vars", "data/wild.csv", "--out", "plots/fig_4a.eps")),
        # (its output: a redirection)
        ("py_scripts/msa.py", ("-k", "3", "--fa", "py_scripts/msa.py", "data/1.fa", "data/2.fa")),
        ("py_scripts/other.py", ("{output}",)),  # (a rule with no output: unknown)
    ]


def test_the_commands_a_readme_asks_the_reader_to_run() -> None:
    readme = (
        "# Study\n\n```bash\n# get the data\nmkdir -p data\ncurl -L -o d.zip \\\n  https://zenodo.org/d.zip\n"
        "unzip -q d.zip -d data && rm d.zip\n```\n\n```python\nimport study\n```\n\n"
        "```console\n$ python run.py\nDone in 3 s\n```\n\n~~~\nmake all\n~~~\n"
    )
    assert readme_commands(readme) == [
        "mkdir -p data",
        "curl -L -o d.zip  https://zenodo.org/d.zip",
        "unzip -q d.zip -d data && rm d.zip",
        "python run.py",  # (not its output)
        "make all",
    ]


def test_the_arguments_a_pipeline_gives_a_script_with_its_variables_put_in() -> None:
    """meteorologytoday/paper-figures-2024-SST_structures: each figure's shell script sources the
    settings (`data_dir=./data`, `fig_dir=figures`, the interpreter in `py`) and passes them to the
    script; a loop's variable, an unset one or a command's output is an unknown part."""
    setup = "py=python3\nsrc_dir=src\ndata_dir=./data\nfig_dir=figures\nexport out=${fig_dir}/final\n"
    script = (
        "#!/bin/bash\nsource 00_setup.sh\n\n$py $src_dir/plot_sst.py \\\n"
        "    --input-file $data_dir/sst.nc \\\n    --lat-rng 25 50 --output $fig_dir/sst.svg --no-display\n"
        "for U in 10 20; do\n"
        '    python3 $src_dir/ts.py --input "$data_dir/run_U${U}.nc" --output $out/ts_$U.svg\n'
        "done\npython3 $src_dir/other.py --root $UNSET/x.nc --in $(ls data | head -1)\n"
    )
    runs = python_runs(script, "11_plot.sh", {"00_setup.sh": setup}.get)
    assert [(r.script, r.args) for r in runs] == [
        (
            "src/plot_sst.py",
            (
                "--input-file",
                "./data/sst.nc",
                "--lat-rng",
                "25",
                "50",
                "--output",
                "figures/sst.svg",
                "--no-display",
            ),
        ),
        ("src/ts.py", ("--input", f"./data/run_U{STAR}.nc", "--output", f"figures/final/ts_{STAR}.svg")),
        ("src/other.py", ("--root", f"{STAR2}/x.nc", "--in", STAR)),
    ]
    makefile = (
        "DATA := data\nOUT = $(DATA)/out\n\nall:\n\tpython fit.py --in $(DATA)/x.csv --out ${OUT}/y.csv\n"
    )
    assert python_runs(makefile, "Makefile")[0].args == ("--in", "data/x.csv", "--out", "data/out/y.csv")
    logged = python_runs("python3 x.py a.csv 'b c.csv' > log.txt 2>&1  # log\npython y.py < in.txt -o z\n")
    assert [r.args for r in logged] == [("a.csv", "b c.csv"), ("-o", "z")]  # (no redirections, no comment)
    # BioGeMT/miRBench_paper: a default that names the folder it runs in, and arithmetic, are no text
    expanded = python_runs(
        'out_dir="${out_dir:-$(pwd)/intermediate}"\nsize=10\n'
        'python make.py --output "${out_dir}/subset.tsv" --size "$((size*2))" --in $PWD/a.csv\n'
    )
    assert expanded[0].args == ("--output", "./intermediate/subset.tsv", "--size", STAR, "--in", "./a.csv")


def test_cdo_and_nco_commands_read_and_write_their_files() -> None:
    """lmuntjewerf/paper_figures_KNMI-LENTIS: `os.system(f"cdo sellonlatbox,... {file_in} {file_out}")`
    reads the raw model output and writes the file the script reads next; neither was seen, so that
    read looked like an input missing on another computer."""
    from flowkit import flow_of

    script = (
        "import os\nimport xarray as xr\nfile_in = 'raw/tos_s01.nc'\nfile_out = 'tmp/tos_nino34.nc'\n"
        "os.system(f'cdo -O sellonlatbox,190,240,-5,5 {file_in} {file_out}')\n"
        "os.system('ncks -v tos tmp/tos_nino34.nc tmp/tos_only.nc')\n"
        "ds = xr.open_dataset(file_out)\nds.to_netcdf('results/nino34.nc')\n"
    )
    flow = flow_of({"prep.py": script, "raw/tos_s01.nc": ""})
    step = flow.step("prep.py")
    assert step is not None
    assert step.reads == ("raw/tos_s01.nc", "tmp/tos_nino34.nc")
    assert step.writes == ("results/nino34.nc", "tmp/tos_nino34.nc", "tmp/tos_only.nc")
    assert flow.problems == ()


def test_the_commands_a_python_driver_runs() -> None:
    """KrisJensen/stability_paper_code: `run_everything.py` runs `parse_all.py` and, in `plot_functions/`,
    `plot_all.py` (`subprocess.call([pystr, 'parse_all.py', 'trim'])`, `os.chdir('plot_functions/')`)."""
    from sciship.flow._shell import driver_commands

    text = (
        "import subprocess as sb, sys, os\npystr = sys.executable\n"
        "def main():\n    sb.call([pystr, 'parse_all.py'])\n    sb.call([pystr, 'parse_all.py', 'trim'])\n"
        "    os.chdir('plot_functions/')\n    sb.call([pystr, 'plot_all.py'])\n"
        "    sb.call([pystr, 'fit.py', str(3)])\n    os.system('python summary.py --all')\n"
        "    subprocess.run(['ls', '-l'])\nmain()\n"
    )
    assert driver_commands(text) == (
        "python parse_all.py\npython parse_all.py trim\ncd plot_functions/\npython plot_all.py\n"
        "python summary.py --all\nls -l"
    )
    assert driver_commands("import subprocess\nsubprocess.run(['wget', 'https://e.org/x'])\n") is None
    assert driver_commands("import os\nos.system('python x.py'\n") is None  # (cannot be parsed)
    # talmolab/lablink-paper-figures: through a helper that runs what it is given
    helper = (
        "import subprocess\ndef run_command(cmd, label=''):\n    subprocess.run(cmd, check=True)\n"
        "run_command(['python', 'a.py'], 'first')\nrun_command(['python', 'b.py', '--all'])\n"
    )
    assert driver_commands(helper) == "python a.py\npython b.py --all"


def test_commands_handed_to_a_job_queue() -> None:
    """stathismegas/CellDISECT_reproducibility, MarioniLab/oor_design_reproducibility: every shell script runs
    its steps as `echo "python x.py ARGS" | bsub ...`; none of those runs was seen."""
    text = (
        'echo "python train.py --seed 1 --out models/a" | bsub -q long -n 4\n'
        'sbatch -p gpu --wrap="python fit.py data/x.csv"\n'
        "echo 'cd sub && python y.py' | qsub\npython after.py\n"
    )
    assert [(r.folder, r.script, r.args) for r in python_runs(text)] == [
        ("", "train.py", ("--seed", "1", "--out", "models/a")),
        ("", "fit.py", ("data/x.csv",)),
        ("sub", "y.py", ()),
        ("", "after.py", ()),
    ]


def test_a_shell_script_with_latin1_comments_is_read() -> None:
    """romueller/gefast-paper-analysis: six shell scripts with Latin-1 comments (`# préparation`) were
    skipped as "not UTF-8", `removeN.py`'s runs with them, and counted as scripts that run no Python."""
    from flowkit import flow_of, io

    from sciship.project import Project
    from sciship.share.inventory import unread_code

    files: dict[str, str | bytes] = {
        "prepare.sh": b"#!/bin/bash\n# pr\xe9paration\npython removeN.py in.fasta out.fasta\n",
        "removeN.py": "import sys\nopen(sys.argv[2], 'w').write(open(sys.argv[1]).read())\n",
        "in.fasta": ">x\n",
    }
    flow = flow_of(files)
    assert io(flow) == [("read", "in.fasta"), ("write", "out.fasta")]
    assert unread_code(Project.from_files(files)) == {}


def test_a_driver_that_execs_the_scripts_in_turn_says_their_order() -> None:
    """JamieHeather/radiation-induced-lymphopenia-paper-analysis: `run-analysis.py` runs a list of scripts
    with `exec(compile(open(script).read(), script, 'exec'))`: it was a step that "read" them, and the
    scripts came in the order of their names (get-data.py after analyse-tcrs.py)."""
    from flowkit import flow_of

    driver = (
        "import os\norder = ['get-data.py', 'analyse-tcrs.py', 'zz-helpers.py']\n"
        "for script in order[:-1]:\n    exec(compile(open(script, 'rb').read(), script, 'exec'))\n"
    )
    flow = flow_of(
        {
            "Scripts/run-analysis.py": driver,
            "Scripts/get-data.py": "open('../Raw-Data/a.tsv', 'w')\n",
            "Scripts/analyse-tcrs.py": "import glob\nfor f in glob.glob('../Raw-Data/*.gz'):\n    open(f)\n",
            "Scripts/zz-helpers.py": "def f():\n    pass\n",
        }
    )
    assert [s.path for s in flow.steps] == ["Scripts/get-data.py", "Scripts/analyse-tcrs.py"]
    assert flow.sequenced
    assert all(not s.after for s in flow.steps)  # (the order is the driver's, no file links them)


def test_a_shell_script_says_the_order_no_file_says() -> None:
    """jeliason/shade_paper_code: `compile_submission.sh` runs `flatten_tex.py` then
    `convert_images_to_tiff.py`; no file either writes links them, and they came by name. A file that one
    writes and the other reads wins over the script's order."""
    from flowkit import flow_of

    flow = flow_of(
        {
            "compile.sh": (
                "python flatten_tex.py\npython convert_images.py\npython b_make.py\npython a_use.py\n"
            ),
            "flatten_tex.py": "open('paper/flat.tex', 'w')\n",
            "convert_images.py": "open('paper/fig.tif', 'w')\n",
            "a_use.py": "open('x.csv', 'w')\n",
            "b_make.py": "open('x.csv')\n",
        }
    )
    assert [s.path for s in flow.steps] == ["flatten_tex.py", "convert_images.py", "a_use.py", "b_make.py"]


def test_a_script_a_shell_line_runs_in_its_folder_moves_no_other_script() -> None:
    """ab-diaz/LPS_analysis_code: one `cd scripts/selection_phase2; python3 label_relax_tree.py` moved the
    six other scripts of that folder, which work from the top (`results/...`), into it: 28 false missing
    inputs. Only scripts placed by the files they find take their neighbours with them."""
    from flowkit import flow_of

    flow = flow_of(
        {
            "run.sh": "cd scripts/sel\npython3 label.py\n",
            "scripts/sel/label.py": "open('tree.nwk', 'w')\n",
            "scripts/sel/curate.py": "import pandas as pd\npd.read_csv('results/table.csv')\n",
            "make_table.py": "open('results/table.csv', 'w')\n",
        }
    )
    curate = flow.step("scripts/sel/curate.py")
    assert curate is not None
    assert (curate.workdir, curate.after) == ("", ("make_table.py",))
    assert not flow.problems


@pytest.mark.parametrize(
    "loop",
    [
        'for U in 10 20 ; do\n    files="$files gendata/U${U}/coh_U${U}.nc"\ndone\n',
        'for U in 10 20 ; do files="$files gendata/U${U}/coh_U${U}.nc" ; done\n',
    ],
    ids=["lines", "one line"],
)
@pytest.mark.parametrize("use", ["${files[@]}", "$files"])
def test_a_list_of_inputs_built_in_a_shell_loop(loop: str, use: str) -> None:
    """meteorologytoday/paper-figures-2024-SST_structures: `${input_files[@]}` of a text built in a loop,
    and a loop on one line, lost the reads of two plotting steps."""
    files = {
        "src/gen.py": (
            "import xarray as xr\nfor U in [10, 20]:\n"
            "    xr.Dataset().to_netcdf(f'gendata/U{U}/coh_U{U}.nc')\n"
        ),
        "src/plot.py": (
            "import argparse\nimport xarray as xr\np = argparse.ArgumentParser()\n"
            "p.add_argument('--input-files', nargs='+')\na = p.parse_args()\n"
            "for f in a.input_files:\n    xr.open_dataset(f)\n"
        ),
        "run.sh": f'python3 src/gen.py\nfiles=""\n{loop}python3 src/plot.py --input-files {use}\n',
    }
    from flowkit import flow_of

    step = flow_of(files).step("src/plot.py")
    assert step is not None
    assert step.reads == ("gendata/U*/coh_U*.nc",)
    assert step.after == ("src/gen.py",)


def test_the_command_an_eval_runs_is_a_run() -> None:
    """meteorologytoday/paper-figures-2024-SST_structures: `eval "python3 src/x.py --output $f"` (on one
    line, over lines ending in a backslash, with quotes inside) lost six steps' files."""
    text = (
        'f=gendata/coh.nc\neval "python3 src/gen.py --output $f"\n'
        'eval "python3 src/gen.py \\\n  --output gendata/b.nc \\\n"\n'
        'eval "python3 src/gen.py --names \\"a b\\" --output gendata/c.nc"\n'
    )
    assert [(r.script, r.args) for r in python_runs(text)] == [
        ("src/gen.py", ("--output", "gendata/coh.nc")),
        ("src/gen.py", ("--output", "gendata/b.nc")),
        ("src/gen.py", ("--names", "a b", "--output", "gendata/c.nc")),
    ]


def test_pipeline_outputs_through_a_shell_variable() -> None:
    """mstapelberg/active_learning_paper_analysis: `filename='NEB_stepwise_energies.dat'`, then
    `echo $step >> $filename`: a file the script makes, reported as a missing input."""
    text = (
        "filename='NEB_stepwise_energies.dat'\ntouch $filename\necho 1 >> $filename\n"
        "out=$1\nx > $out/model_dates.txt\n"
    )
    assert pipeline_outputs(text) == ["NEB_stepwise_energies.dat", "model_dates.txt"]


def test_a_cd_inside_a_subshell_ends_with_it() -> None:
    """LappalainenLab/lorals_paper_code: `(set -x; cd "${OUTDIR}genome/")`, then `python flair.py ...`:
    the `cd` ran in a subshell, yet the next line was taken to run in an unknown folder (its missing
    script unreported). The same for a subshell over several lines, and `$(cd x; pwd)`."""
    script = (
        "#!/bin/bash\n(set -x; cd \"${OUT}genome/\")\npython flair.py correct\n(cd sub && python a.py)\n"
        "(\n  cd other\n  python b.py\n)\nhere=$(cd tools; pwd)\npython c.py\ncd last\npython d.py\n"
    )
    assert [(r.folder, r.script) for r in python_runs(script, "run.sh")] == [
        ("", "flair.py"),
        ("sub", "a.py"),
        ("other", "b.py"),
        ("", "c.py"),
        ("last", "d.py"),
    ]


def test_a_cluster_job_runs_from_the_folder_it_was_submitted_from() -> None:
    """zhaodan-npu/Higher_order_kuramoto_paper_code: `cd "$SLURM_SUBMIT_DIR"` (the usual first line of a
    SLURM job) made the folder unknown, and the steps were said to run from the top folder."""
    job = '#!/bin/bash\n#SBATCH --array=0-9\ncd "$SLURM_SUBMIT_DIR"\npython compute.py --task_id 1\n'
    assert [(r.folder, r.script) for r in python_runs(job, "fig7/run.sh")] == [("", "compute.py")]
    pbs = "cd $PBS_O_WORKDIR/sub\npython a.py\n"
    assert [(r.folder, r.script) for r in python_runs(pbs, "fig8/run.sh")] == [("sub", "a.py")]


def test_a_python_driver_that_runs_scripts_in_a_loop() -> None:
    """syngenta/QSAR_AD_Uncertainty_Paper_Code_release: `scripts.append('a.py')`, then `for script in
    scripts: cmd = f'python {script} > {script}.log 2>&1'; os.system(cmd)`: the driver was told to run
    from the top (where the scripts are not), and the scripts as steps of their own in name order."""
    driver = (
        "import os\nscripts = []\nscripts.append('b_first.py')\nscripts.append('a_second.py')\n"
        "for script in scripts:\n    cmd = f'python {script} > {script}.log 2>&1'\n"
        "    assert 0 == os.system(cmd)\n"
    )
    assert driver_commands(driver) == (
        "python b_first.py > b_first.py.log 2>&1\npython a_second.py > a_second.py.log 2>&1"
    )
    literal = "import os\nfor s in ['x.py', 'y.py']:\n    os.system(f'python {s}')\n"
    assert driver_commands(literal) == "python x.py\npython y.py"


def test_a_readme_s_indented_code_block_holds_commands() -> None:
    """rjain2470/EMNSR_paper_code: the README lists its experiments in a code block indented four spaces
    (`    python -m experiments.fit_demo`), not fenced: none of the commands was read. Prose a list item
    goes on with is no command."""
    readme = (
        "# Demo\n\nRun from the top folder:\n\n    python -m experiments.fit_demo\n"
        "    $ python run.py --n 3\n\n"
        "- an item\n    goes on here\n\nText.\n"
    )
    assert readme_blocks(readme) == [["python -m experiments.fit_demo", "python run.py --n 3"]]


def test_a_python_driver_that_runs_a_list_of_scripts_or_a_script_with_a_loop_s_names() -> None:
    from flowkit import flow_of

    """egonmedhatten/beta-kernel-reproduce-paper: `for description, script in SCRIPTS:
    subprocess.run([sys.executable, str(REPO_ROOT / script)])` over (label, script) pairs;
    KrisJensen/stability_paper_code: `for name in names: sb.call([pystr, 'parse_rat.py', name])`, with
    `if wds: name += '_wds'` in an outer loop over `[False, True]`. Neither was taken for a driver: it was
    a step of its own that ran everything again."""
    pairs = (
        "import subprocess, sys\nfrom pathlib import Path\nREPO_ROOT = Path(__file__).resolve().parent\n"
        "SCRIPTS = [('Table', 'make_table.py'), ('Plot', 'make_plot.py')]\n"
        "for description, script in SCRIPTS:\n    script_path = REPO_ROOT / script\n"
        "    subprocess.run([sys.executable, str(script_path)], cwd=str(REPO_ROOT))\n"
    )
    assert driver_commands(pairs) == "python make_table.py\npython make_plot.py"
    names = (
        "import subprocess as sb\nnames = ['a', 'b']\npystr = 'python'\nfor wds in [False, True]:\n"
        "    for name in names:\n        if wds:\n            name += '_wds'\n"
        "        sb.call([pystr, 'parse.py', name])\n"
    )
    assert driver_commands(names) == (
        "python parse.py a\npython parse.py b\npython parse.py a_wds\npython parse.py b_wds"
    )
    changed = (
        "import subprocess as sb\nfor n in ['a', 'b']:\n    n = n.upper()\n"
        "    sb.call(['python', 'x.py', n])\n"
    )
    assert driver_commands(changed) is None  # (a name the loop changes another way: unknown, left out)
    table = "import pandas as pd\npd.read_csv('data.csv').to_csv('table.csv')\n"
    plot = "import pandas as pd\npd.read_csv('table.csv').plot().figure.savefig('plot.png')\n"
    driver = (
        "import subprocess, sys\nfor script in ['make_table.py', 'make_plot.py']:\n"
        "    subprocess.run([sys.executable, script])\n"
    )
    flow = flow_of({"run_all.py": driver, "make_table.py": table, "make_plot.py": plot, "data.csv": "a\n"})
    assert [s.path for s in flow.steps] == ["make_table.py", "make_plot.py"]
    one = "import sys\nn = sys.argv[1]\nopen(f'data/{n}_out.txt', 'w').write(open(f'data/{n}.txt').read())\n"
    loop = "import subprocess as sb\nfor name in ['a', 'b']:\n    sb.call(['python', 'parse_one.py', name])\n"
    flow = flow_of({"parse_all.py": loop, "parse_one.py": one, "data/a.txt": "", "data/b.txt": ""})
    assert [s.path for s in flow.steps] == ["parse_one.py"]
    assert flow.steps[0].reads == ("data/a.txt", "data/b.txt")
    assert flow.steps[0].writes == ("data/a_out.txt", "data/b_out.txt")


def test_a_variable_the_shell_file_never_sets_is_left_out_of_the_command() -> None:
    """yanwu2014/teratoma-analysis-code: `python2 createBCdict.py $in $out $barcodeToGene 0.05 0.05 0.0025`
    with `barcodeToGene` set nowhere: bash leaves the empty word out, but sciship put a placeholder in its
    place and moved every later value by one. A name in capitals (set outside, as an environment variable)
    and one the file sets stay unknown words."""
    from flowkit import flow_of

    text = (
        "#!/bin/bash\nout=table.csv\npython2 summarize.py input.txt $out $undefinedVar 0.05 0.01\n"
        "python a.py $DATA_DIR ${other} 1\nread answer\npython b.py $answer 2\n"
    )
    assert [r.args for r in python_runs(text)] == [
        ("input.txt", "table.csv", "0.05", "0.01"),
        (STAR, "1"),
        (STAR, "2"),
    ]
    summarize = (
        "import sys\ninfile, outfile = sys.argv[1], sys.argv[2]\nread_thresh = float(sys.argv[3])\n"
        "umi_thresh = float(sys.argv[4])\nopen(outfile, 'w').write(open(infile).read())\n"
    )
    first = text.partition("python a.py")[0]
    flow = flow_of({"run.sh": first, "summarize.py": summarize, "input.txt": "x\n"})
    step = flow.step("summarize.py")
    assert step is not None
    assert (step.arguments, step.fill_in) == (("input.txt", "table.csv", "0.05", "0.01"), ())


def test_a_cd_to_a_variable_that_holds_the_folder_the_script_ran_in() -> None:
    """griverat/pstatmodel-runs: `BASE_DIR=$(pwd)`, then `cd "$BASE_DIR/src"` and `python
    create_database.py ...`: the step was said to run from the top folder, as if the `cd` were not there
    (a literal `cd src` was followed)."""
    from flowkit import flow_of

    text = (
        'BASE_DIR=$(pwd)\ncd "$BASE_DIR/src"\npython prep.py\ncd "$BASE_DIR"\npython top.py\n'
        "cd sub\nHERE=`pwd`\ncd ..\ncd $HERE\npython in_sub.py\n"
        "BASE_DIR=/elsewhere\ncd $BASE_DIR/src\npython gone.py\n"
    )
    assert [(r.folder, r.script) for r in python_runs(text)] == [
        ("src", "prep.py"),
        ("", "top.py"),
        ("sub", "in_sub.py"),
    ]
    flow = flow_of(
        {
            "run_all.sh": '#!/bin/bash\nBASE_DIR=$(pwd)\ncd "$BASE_DIR/src"\npython prep.py\npython use.py\n',
            "src/prep.py": "open('prep.txt', 'w').write('x')\n",
            "src/use.py": "open('final.txt', 'w').write(open('prep.txt').read())\n",
        }
    )
    assert [(s.path, s.workdir, s.writes) for s in flow.steps] == [
        ("src/prep.py", "src", ("src/prep.txt",)),
        ("src/use.py", "src", ("src/final.txt",)),
    ]


def _papermill_notebook(parameters: str, code: str) -> str:
    """A notebook whose first cell is tagged `parameters`, as papermill wants it."""
    import json

    cells = [
        {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": parameters},
        {"cell_type": "code", "metadata": {}, "source": code},
    ]
    for cell in cells:
        cell.update(execution_count=None, outputs=[])
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4})


def test_a_python_driver_that_runs_notebooks_with_papermill() -> None:
    """`pm.execute_notebook("01_clean.ipynb", "out/01_clean_run.ipynb", parameters={"input_path":
    "data/raw.csv"})`: the notebooks are the steps, in the driver's order, each writes the copy papermill
    makes, and reads with the values it is given (papermill puts them after the cell tagged
    `parameters`). The driver was a step of its own that did nothing, and the notebooks read their
    defaults: two false missing inputs."""
    from flowkit import flow_of

    driver = (
        "import papermill as pm\n\n"
        'pm.execute_notebook("01_clean.ipynb", "out/01_clean_run.ipynb", parameters={"input_path": '
        '"data/raw.csv"})\n'
        'pm.execute_notebook("02_plot.ipynb", "out/02_plot_run.ipynb",\n'
        '                    parameters=dict(clean_path="out/clean.csv"))\n'
    )
    assert driver_commands(driver) == (
        "papermill 01_clean.ipynb out/01_clean_run.ipynb -r input_path data/raw.csv\n"
        "papermill 02_plot.ipynb out/02_plot_run.ipynb -r clean_path out/clean.csv"
    )
    clean = _papermill_notebook(
        'input_path = "data/default.csv"',
        "import pandas as pd\npd.read_csv(input_path).to_csv('out/clean.csv')",
    )
    plot = _papermill_notebook(
        'clean_path = "out/other.csv"',
        "import pandas as pd\npd.read_csv(clean_path).plot().figure.savefig('out/fig.png')",
    )
    files = {"run_all.py": driver, "01_clean.ipynb": clean, "02_plot.ipynb": plot, "data/raw.csv": "a\n"}
    flow = flow_of(files)
    assert [(s.path, s.reads, s.writes, s.after) for s in flow.steps] == [
        ("01_clean.ipynb", ("data/raw.csv",), ("out/01_clean_run.ipynb", "out/clean.csv"), ()),
        ("02_plot.ipynb", ("out/clean.csv",), ("out/02_plot_run.ipynb", "out/fig.png"), ("01_clean.ipynb",)),
    ]
    assert flow.problems == ()
    assert flow.steps[0].arguments == ("out/01_clean_run.ipynb", "-r", "input_path", "data/raw.csv")
    # by hand, a notebook reads its own values
    alone = flow_of({"01_clean.ipynb": clean, "data/default.csv": "a\n"})
    assert alone.steps[0].reads == ("data/default.csv",)
    assert alone.steps[0].arguments == ()


def test_papermill_in_a_loop_from_the_top_with_a_copy_of_the_run_in_the_folder() -> None:
    """Notebooks in `notebooks/` run by a loop of the driver at the top: papermill runs them where it is
    started (the top), each with every value given; the copy of a run left in the folder is no step."""
    from flowkit import flow_of

    driver = (
        "import papermill as pm\n\n"
        'for name in ["01_clean", "02_plot"]:\n'
        '    pm.execute_notebook(f"notebooks/{name}.ipynb", f"out/{name}_run.ipynb",\n'
        '                        parameters={"input_path": "data/raw.csv", "n": 3})\n'
    )
    clean = _papermill_notebook(
        'input_path = "../data/default.csv"\nn = 1',
        "import pandas as pd\npd.read_csv(input_path).to_csv(f'out/clean_{n}.csv')",
    )
    plot = _papermill_notebook("", "import pandas as pd\npd.read_csv('out/clean_3.csv').to_csv('out/t.csv')")
    files = {
        "run_all.py": driver,
        "notebooks/01_clean.ipynb": clean,
        "notebooks/02_plot.ipynb": plot,
        "out/01_clean_run.ipynb": clean,
        "data/raw.csv": "a\n",
    }
    flow = flow_of(files)
    assert [(s.path, s.workdir, s.reads, s.writes) for s in flow.steps] == [
        ("notebooks/01_clean.ipynb", "", ("data/raw.csv",), ("out/01_clean_run.ipynb", "out/clean_3.csv")),
        ("notebooks/02_plot.ipynb", "", ("out/clean_3.csv",), ("out/02_plot_run.ipynb", "out/t.csv")),
    ]
    assert flow.problems == ()


def test_reproduce_runs_a_notebook_papermill_runs_with_its_values() -> None:
    from sciship.flow import Step
    from sciship.share.reproduce import _run_command

    """A notebook papermill runs is run so in REPRODUCE.md, with the values it is given (`jupyter nbconvert`
    runs it with its own)."""
    words = ("out/run.ipynb", "-r", "input_path", "data/raw.csv")
    step = Step("01_clean.ipynb", "notebook", 1, arguments=words)
    assert _run_command(step) == "papermill 01_clean.ipynb out/run.ipynb -r input_path data/raw.csv"
    by_hand = "jupyter nbconvert --to notebook --execute --inplace a.ipynb"
    assert _run_command(Step("a.ipynb", "notebook", 1)) == by_hand


def test_a_slurm_job_runs_where_its_header_or_the_script_that_submits_it_says() -> None:
    """`#SBATCH --chdir=analysis` (or `-D analysis`) in a job script's header runs `python fit.py` in
    `analysis/` (it was run in the job script's folder: "`job.sbatch` runs `fit.py`, which is not in the
    folder"); a job script `submit_all.sh` at the top submits with `sbatch jobs/run.sh` runs in the top
    folder, where `sbatch` was called, as does one run with `bash`, not in `jobs/` (its `cd analysis` went
    to a `jobs/analysis/` that is not there); `$(dirname "$0")` is still the job script's own folder."""
    from flowkit import flow_of, io

    short = "#!/bin/bash\n#SBATCH -D analysis\npython fit.py\n"
    assert [(r.folder, r.script) for r in python_runs(short, "run.slurm")] == [("analysis", "fit.py")]
    late = "#!/bin/bash\necho start\n#SBATCH --chdir=analysis\npython fit.py\n"  # (a comment, there)
    assert [(r.folder, r.script) for r in python_runs(late, "job.sh")] == [("", "fit.py")]
    fit = "import sys\nimport pandas as pd\npd.read_csv('input.csv').to_csv(sys.argv[1])\n"
    flow = flow_of(
        {
            "job.sbatch": (
                "#!/bin/bash\n#SBATCH --job-name=fit\n#SBATCH --chdir=analysis\npython fit.py fit.csv\n"
            ),
            "analysis/fit.py": fit,
            "analysis/input.csv": "a\n",
        }
    )
    assert sorted(io(flow)) == [("read", "analysis/input.csv"), ("write", "analysis/fit.csv")]
    assert flow.steps[0].workdir == "analysis"
    assert not flow.problems
    prep = "open('prep.txt', 'w')\n"
    flow = flow_of(
        {
            "submit_all.sh": "#!/bin/bash\nsbatch -p long jobs/run.sh\nbash jobs/own.sh\n",
            "jobs/run.sh": "#!/bin/bash\n#SBATCH -J fit\ncd analysis\npython fit.py out.csv\n",
            "jobs/own.sh": '#!/bin/bash\ncd "$(dirname "$0")"\npython prep.py\n',
            "jobs/prep.py": prep,
            "analysis/fit.py": fit,
            "analysis/input.csv": "a\n",
        }
    )
    fitted = sorted(io(flow, "analysis/fit.py"))
    assert fitted == [("read", "analysis/input.csv"), ("write", "analysis/out.csv")]
    assert io(flow, "jobs/prep.py") == [("write", "jobs/prep.txt")]
    assert flow.step("analysis/fit.py").workdir == "analysis"  # type: ignore[union-attr]
    assert not flow.problems


def test_a_pbs_or_grid_engine_job_runs_where_its_header_says_else_in_the_home_folder() -> None:
    """`#PBS -d analysis` (Torque), `#$ -wd analysis` and `qsub -d`/`-wd` run `python fit.py` in
    `analysis/`, `#$ -cwd` and `cd $PBS_O_WORKDIR` where `qsub` is called (they were all run in the job
    script's folder: a false SHR110 for `#PBS -d`). Without them such a job starts in the home folder, whose
    files nobody can tell: its run of `fit.py` is left out, and no problem is claimed for it."""
    from flowkit import flow_of, io

    def runs(text: str, path: str) -> list[tuple[str | None, str]]:
        return [(r.folder, r.script) for r in python_runs(text, path)]

    assert runs("#PBS -d analysis\npython fit.py\n", "job.pbs") == [("analysis", "fit.py")]
    assert runs("#$ -wd analysis\npython fit.py\n", "job.sh") == [("analysis", "fit.py")]
    assert runs("#$ -cwd\npython fit.py\n", "job.sh") == [("", "fit.py")]
    home = "#!/bin/bash\n#PBS -l nodes=1\npython fit.py\ncd $PBS_O_WORKDIR\npython fit.py\n"
    assert runs(home, "a/job.pbs") == [("", "fit.py")]
    assert runs("#!/bin/bash\n#$ -N fit\npython fit.py\n", "job.sh") == []
    both = "#!/bin/bash\n#SBATCH -J fit\n#PBS -N fit\npython fit.py\n"  # (Slurm runs it where it is sent)
    assert runs(both, "job.sh") == [("", "fit.py")]
    fit = "import sys\nimport pandas as pd\npd.read_csv('input.csv').to_csv(sys.argv[1])\n"
    base = {"analysis/fit.py": fit, "analysis/input.csv": "a\n"}
    fitted = [("read", "analysis/input.csv"), ("write", "analysis/fit.csv")]
    for job in ("#PBS -N fit\n#PBS -d analysis\n", "#$ -N fit\n#$ -wd analysis\n"):
        flow = flow_of({**base, "job.pbs": "#!/bin/bash\n" + job + "python fit.py fit.csv\n"})
        assert sorted(io(flow)) == fitted
        assert not flow.problems
    flow = flow_of({**base, "job.pbs": "#!/bin/bash\n#PBS -N fit\npython fit.py fit.csv\n"})
    assert sorted(io(flow)) == [("read", "analysis/input.csv")]  # (where the job runs it: unknown)
    assert not flow.problems
    job = "#!/bin/bash\n#$ -N fit\ncd $SGE_O_WORKDIR\npython fit.py fit.csv\n"
    for submit in ("cd analysis\nqsub job.sh\n", "qsub -wd analysis analysis/job.sh\n"):
        flow = flow_of({**base, "analysis/job.sh": job, "submit.sh": "#!/bin/bash\n" + submit})
        assert sorted(io(flow)) == fitted
        assert not flow.problems


def test_a_makefiles_variables_name_what_it_makes() -> None:
    """jrderuiter/ilc-sb-screen: `TCGA_ILC_SUBTYPES = data/external/tcga-ilc-2015/mmc9.xlsx`, a rule
    `$(TCGA_ILC_SUBTYPES): tmp` that downloads to tmp/ and does `mv tmp/mmc9.xlsx $(TCGA_ILC_SUBTYPES)`,
    and a `cp` into another: the notebook's inputs were "made in another folder" (`tmp/mmc9.xlsx`) and
    "written by nothing"; a variable the Makefile does not set still names nothing."""
    from flowkit import flow_of, notebook

    makefile = (
        "SUBTYPES = data/external/ilc/mmc9.xlsx\nCNV := data/external/cnv/genes.txt\n\n"
        "all: $(SUBTYPES) $(CNV)\n\n"
        "$(SUBTYPES): tmp\n\twget -P tmp http://e.org/att/mmc9.xlsx\n\tmkdir -p $(dir $(SUBTYPES))\n"
        "\tmv tmp/mmc9.xlsx $(SUBTYPES)\n\n"
        "$(CNV): tmp\n\twget -P tmp http://e.org/cnv.tar.gz\n\tcd tmp && tar -xvf cnv.tar.gz\n"
        "\tcp tmp/cnv/all_genes.txt ${CNV}\n\n"
        "$(ELSEWHERE)/x.txt:\n\tcp a.txt $(OTHER)/y.txt\n\ntmp:\n\tmkdir -p tmp\n"
    )
    assert pipeline_outputs(makefile, "Makefile") == ["all", "mmc9.xlsx", "genes.txt", "cnv.tar.gz", "tmp"]
    code = "import pandas as pd\nx = pd.read_excel('../data/external/ilc/mmc9.xlsx')\n"
    code += "y = pd.read_csv('../data/external/cnv/genes.txt')\nx.to_csv('out.csv')"
    flow = flow_of({"Makefile": makefile, "notebooks/fig.ipynb": notebook([(code, 1)])})
    assert [(p.code, p.path) for p in flow.problems] == []
    step = flow.step("notebooks/fig.ipynb")
    assert step is not None
    assert step.reads == ("data/external/cnv/genes.txt", "data/external/ilc/mmc9.xlsx")
