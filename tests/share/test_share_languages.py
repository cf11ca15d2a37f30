"""A folder whose code is not all Python: the metadata names every language, and share says what it did
not read (aa4cc/mhd-flow-control-paper-codes: 29 Julia files and 2 Python ones were described as
Python code and 29 data files)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_cli, write_tree
from sciship.metadata.languages import language_of, other_code, said
from sciship.metadata.model import Metadata
from sciship.metadata.writers import codemeta, rocrate
from standards import crate_issues, expand_codemeta

FOLDER = {
    "comm/electrodes.py": "import numpy as np\nnp.save('out/e.npy', np.zeros(3))\n",
    "control/flow_control.jl": "using LinearAlgebra\nx = 1\n",
    "control/kalman.jl": "function kalman(x)\n  x\nend\n",
    "figures/plot.R": "library(ggplot2)\n",
    "run_all.sh": "#!/bin/sh\npython comm/electrodes.py\n",
    "prep/regrid.sh": "#!/bin/sh\ncdo remapbil,r360x180 in.nc out.nc\n",
    "data/raw.csv": "a\n1\n",
}


def _reproduce(root: Path) -> str:
    """REPRODUCE.md as `sciship share --yes --license MIT` writes it in ``root``."""
    proc = run_cli("share", str(root), "--yes", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    return (root / "REPRODUCE.md").read_text()


def test_languages_by_extension() -> None:
    assert language_of("src/kalman.jl") == "Julia"
    assert language_of("fit.R") == language_of("report.Rmd") == "R"
    assert language_of("run.m") == "MATLAB"
    assert language_of("data/mnc2nii_opt.pl") == "Perl"
    assert language_of("x.py") == "Python"
    assert language_of("notes.ipynb") is None
    assert language_of("data.csv") is None
    assert language_of(".jl") is None  # a hidden file, not code
    assert other_code(["a.jl", "b.jl", "c.R", "d.py"]) == {"Julia": ["a.jl", "b.jl"], "R": ["c.R"]}
    # a documentation theme's scripts are not the folder's code (pyos/C4dynamics: docs/_static/*.js)
    assert other_code(["docs/_static/custom.js", "docs/_build/html/x.js", "viz/static/app.js"]) == {
        "JavaScript": ["viz/static/app.js"]
    }
    assert (
        said({"MATLAB": 114, "Fortran": 1, "R": 1}) == "MATLAB (114 files), Fortran (1 file) and R (1 file)"
    )


def test_codemeta_lists_every_language() -> None:
    meta = Metadata(origin="pyproject.toml", name="x")
    assert codemeta.data(meta)["programmingLanguage"] == "Python"
    assert codemeta.data(meta, languages=["Python", "Julia"])["programmingLanguage"] == ["Python", "Julia"]


def test_julia_and_r_files_are_code_in_the_crate() -> None:
    assert rocrate.role_of("control/kalman.jl") == "code"
    assert rocrate.role_of("figures/plot.R") == "code"
    assert rocrate.role_of("run.sh") == "code"
    assert rocrate.role_of("data/raw.csv") == "table"


def test_share_on_a_folder_of_python_julia_and_r(tmp_path: Path, roc_cache: Path) -> None:
    root = write_tree(tmp_path / "study", FOLDER)
    proc = run_cli("share", str(root), "--yes", "--license", "MIT", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    notes = json.loads(proc.stdout)["notes"]
    assert any("Julia (2 files) and R (1 file)" in n and "does not read" in n for n in notes), notes
    # a shell script that runs the Python scripts is read for that; one that runs only cdo is not
    assert any(
        "code in Julia (2 files) and R (1 file) and 1 shell script that runs no Python" in n for n in notes
    )

    meta = json.loads((root / "codemeta.json").read_text())
    assert meta["programmingLanguage"] == ["Python", "Julia", "Shell", "R"]
    assert expand_codemeta(meta)

    crate = json.loads((root / "ro-crate-metadata.json").read_text())
    by_id = {e["@id"]: e for e in crate["@graph"]}
    assert by_id["control/kalman.jl"]["programmingLanguage"] == {"@id": "#julia"}
    assert "SoftwareSourceCode" in by_id["control/kalman.jl"]["@type"]
    assert by_id["figures/plot.R"]["programmingLanguage"] == {"@id": "#r"}
    assert by_id["comm/electrodes.py"]["programmingLanguage"] == {"@id": "#python"}
    assert by_id["#julia"]["@type"] == "ComputerLanguage"
    assert by_id["#julia"]["url"] == {"@id": "https://julialang.org/"}
    assert crate_issues(root, roc_cache, "ro-crate-1.1") == []
    assert crate_issues(root, roc_cache, "process-run-crate") == []

    guide = (root / "REPRODUCE.md").read_text()
    assert "also holds code in Julia (2 files: `control/flow_control.jl`, `control/kalman.jl`)" in guide
    assert "R (1 file: `figures/plot.R`)" in guide
    assert "Shell (1 file: `prep/regrid.sh`)" in guide
    assert "Say here how to run it" in guide


def test_reproduce_runs_a_script_where_it_runs() -> None:
    """brandbci/paper-figures: the scripts read `../paper.mplstyle`, so they run from `figures/`; the
    guide said `python figures/fig2.py` from the top, which stops at that line."""
    from sciship.flow import Step
    from sciship.share.reproduce import _run_command

    assert _run_command(Step("figures/fig2.py", "script", 1, workdir="figures")) == (
        "(cd figures && python fig2.py)"
    )
    assert (
        _run_command(Step("code/plot.py", "script", 1, workdir="fig6"))
        == "(cd fig6 && python ../code/plot.py)"
    )
    assert _run_command(Step("fig 1/a.py", "script", 1, workdir="fig 1")) == "(cd 'fig 1' && python a.py)"
    assert _run_command(Step("a.py", "script", 1)) == "python a.py"


def test_the_terminal_says_where_a_script_runs(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "study",
        {
            "figures/fig2.py": "import matplotlib\nmatplotlib.style.use('../paper.mplstyle')\n",
            "paper.mplstyle": "font.size: 8\n",
        },
    )
    proc = run_cli("share", str(root), "--dry-run", "--yes", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    assert "1. figures/fig2.py  (runs in figures/)" in proc.stdout


def test_reproduce_gives_a_script_the_options_it_needs(tmp_path: Path) -> None:
    """research-software-ecosystem/rsec-paper-figures: `python fig1b/biotools_scatter.py` stops at once
    (`--data-dir` is required); the README's command gives it. A script nothing runs gets placeholders."""
    needs = (
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('table')\n"
        "p.add_argument('--data-dir', required=True)\np.add_argument('--plot', action='store_true')\n"
        "p.add_argument('--out', default='x.csv')\nargs = p.parse_args()\nopen(args.out, 'w')\n"
    )
    readme = "# Figures\n\n```bash\ncd fig1b\npython scatter.py t.csv --data-dir /path/to/data\n```\n"
    root = write_tree(
        tmp_path / "study",
        {"fig1b/scatter.py": needs, "other/run.py": needs, "README.md": readme},
    )
    guide = _reproduce(root)
    assert "(cd fig1b && python scatter.py t.csv --data-dir /path/to/data)" in guide
    assert "python other/run.py TABLE --data-dir DATA_DIR" in guide
    assert "fill in: `TABLE`, `DATA_DIR`" in guide


def test_an_option_with_a_default_sciship_cannot_work_out_is_not_to_fill_in(tmp_path: Path) -> None:
    """talmolab/lablink-paper-figures: `--packages` with `default=list(PKGS.keys())` was "fill in:
    `PACKAGES` (the script needs it)"; a run without it takes the default."""
    code = (
        "import argparse, json\nPKGS = {'numpy': 'pypi', 'scipy': 'pypi'}\np = argparse.ArgumentParser()\n"
        "p.add_argument('--packages', nargs='+', default=list(PKGS.keys()))\n"
        "p.add_argument('--out', default=None)\nargs = p.parse_args()\n"
        "for package in args.packages:\n    json.dump({}, open(f'{args.out}/pk_{package}.json', 'w'))\n"
    )
    guide = _reproduce(write_tree(tmp_path / "study", {"collect.py": code}))
    assert "python collect.py --out OUT" in guide
    assert "fill in: `OUT` (the script needs it;" in guide


def test_reproduce_gives_the_options_the_paths_need(tmp_path: Path) -> None:
    """schwartzlab-methods/penne_paper_figures: `os.makedirs(args.output)` with `--output` not required and
    no default stops at once when run bare; klarich/TS_paper_figures: `output_fp = sys.argv[1]`."""
    options = (
        "import argparse, os\np = argparse.ArgumentParser()\np.add_argument('--output')\n"
        "p.add_argument('--plot', action='store_true')\np.add_argument('--n', default=3)\n"
        "args = p.parse_args()\nos.makedirs(args.output)\nopen(os.path.join(args.output, 'x.csv'), 'w')\n"
    )
    argv = "import sys\nimport matplotlib.pyplot as plt\nplt.savefig(sys.argv[2])\n"
    # seqproc-paper-analysis: an option the path falls back from (`args.out if args.out else 'results'`)
    fallback = (
        "import argparse\nfrom pathlib import Path\np = argparse.ArgumentParser()\np.add_argument('--out')\n"
        "args = p.parse_args()\nout = Path(args.out) if args.out else Path('results')\n"
        "(out / 'a.txt').write_text('x')\n"
    )
    root = write_tree(
        tmp_path / "study", {"pseudo_time.py": options, "density.py": argv, "fallback.py": fallback}
    )
    guide = _reproduce(root)
    assert "python pseudo_time.py --output OUTPUT\n" in guide
    assert "`OUTPUT` (the script needs it; `python pseudo_time.py --help` says what it is)" in guide
    assert "python density.py ARG1 ARG2\n" in guide
    # (a script that reads sys.argv has no --help: gut-to-soil's was read as a file name)
    assert "`ARG1`, `ARG2` (the words the script reads from its command line (`sys.argv`)" in guide
    assert "python fallback.py\n" in guide


def test_reproduce_lets_a_script_import_the_modules_at_the_top(tmp_path: Path) -> None:
    """schwartzlab-methods/penne_paper_figures: `pannuke_testing/tissue_level_features.py` does `from dataset
    import PanNukeDataset`, and `dataset.py` is at the top: `python pannuke_testing/...py` stops with
    ModuleNotFoundError (Python looks beside the script). Scripts that put the top on `sys.path` themselves
    need nothing."""
    uses = "from dataset import load\nimport numpy as np\nnp.save('out/x.npy', load())\n"
    itself = "import sys\nsys.path.insert(0, '..')\n" + uses
    beside = "from helper import load\nimport numpy as np\nnp.save('out/y.npy', load())\n"
    files = {
        "dataset.py": "def load():\n    return 1\n",
        "pannuke/features.py": uses,
        "pannuke/attention.py": itself,
        # (jakeormond/robot_maze_analysis_code: the folder's copy on the author's computer, on sys.path)
        "pannuke/elsewhere.py": "import sys\nsys.path.append('/home/jake/robot_maze')\n" + uses,
        "other/run.py": beside,
        "other/helper.py": "def load():\n    return 1\n",
    }
    root = write_tree(tmp_path / "study", files)
    guide = _reproduce(root)
    # (`..` on sys.path is found from `pannuke/` only: attention.py runs there, and its siblings with it)
    assert "   (cd pannuke && python attention.py)\n" in guide
    assert "   (cd pannuke && PYTHONPATH=.. python features.py)\n" in guide
    assert "   (cd pannuke && PYTHONPATH=.. python elsewhere.py)\n" in guide
    assert "   python other/run.py\n" in guide
    files.pop("pannuke/attention.py")
    guide = _reproduce(write_tree(tmp_path / "without", files))
    assert "PYTHONPATH=. python pannuke/features.py\n" in guide
    assert "PYTHONPATH=. python pannuke/elsewhere.py\n" in guide


def test_share_says_what_the_requirements_file_leaves_out(tmp_path: Path) -> None:
    """sgalkina/TaxVAMB_paper_figures: the folder's requirements.txt lacks `scipy`, which the figures
    notebook imports: installing it, then running the steps as REPRODUCE.md says, stops at the import."""
    root = write_tree(
        tmp_path / "study",
        {
            "requirements.txt": "numpy\n",
            "fig.py": "import numpy as np\nimport scipy.stats\nnp.save('out.npy', np.zeros(1))\n",
        },
    )
    proc = run_cli("share", str(root), "--dry-run", "--yes", "--license", "MIT", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    notes = json.loads(proc.stdout)["notes"]
    assert any("`requirements.txt` does not list `scipy` (fig.py)" in n for n in notes), notes
    # bozeklab/DISK_paper_code: `omegaconf` comes with the `hydra-core` it lists (no note for it)
    (root / "requirements.txt").write_text("numpy\nscipy\nhydra-core==1.2.0\n")
    (root / "train.py").write_text("from omegaconf import OmegaConf\nOmegaConf.load('conf.yaml')\n")
    proc = run_cli("share", str(root), "--dry-run", "--yes", "--license", "MIT", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert not [n for n in json.loads(proc.stdout)["notes"] if "does not list" in n]


def test_share_says_when_a_module_comes_from_a_folder_on_the_authors_computer(tmp_path: Path) -> None:
    """lmuntjewerf/paper_figures_KNMI-LENTIS: four notebooks do `libdir = os.path.dirname(
    '/usr/people/muntjewe/git/laura_scripts/')`, `sys.path.insert(0, libdir)`, then `from libpyvarex import
    libplot`: the note said only that sciship cannot tell which package provides it."""
    code = (
        "import os, sys\nlibdir = os.path.dirname('/usr/people/ana/git/lab_scripts/')\n"
        "sys.path.insert(0, libdir)\nfrom labpyvarex import libplot\nimport numpy as np\n"
        "np.save('out.npy', np.zeros(1))\n"
    )
    root = write_tree(tmp_path / "study", {"fig2.py": code})
    proc = run_cli("share", str(root), "--dry-run", "--yes", "--license", "MIT", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    notes = json.loads(proc.stdout)["notes"]
    assert any(
        "`fig2.py` puts `/usr/people/ana/git/lab_scripts/` on `sys.path`" in n and "`labpyvarex`" in n
        for n in notes
    ), notes
    # a folder of the system (`sys.path.append('/usr/bin')`) is no module of the author's
    root = write_tree(
        tmp_path / "system", {"fig2.py": code.replace("/usr/people/ana/git/lab_scripts/", "/usr/bin/x")}
    )
    proc = run_cli("share", str(root), "--dry-run", "--yes", "--license", "MIT", "--format", "json")
    assert not any("sys.path" in n for n in json.loads(proc.stdout)["notes"])
    # andrecossa5/BC_chemo_reproducibility: `import textalloc` at line 12, the folder added at line 363:
    # textalloc does not come from there, `hUSI` (imported after it) may
    late = (
        "import textalloc\nimport numpy as np\nnp.save('out.npy', np.zeros(1))\nimport sys\n"
        "sys.path.append('/Users/ieo/Desktop/HUSI')\nimport hUSI\n"
    )
    root = write_tree(tmp_path / "late", {"umap.py": late})
    proc = run_cli("share", str(root), "--dry-run", "--yes", "--license", "MIT", "--format", "json")
    told = [n for n in json.loads(proc.stdout)["notes"] if "sys.path" in n]
    assert len(told) == 1, told
    assert "`hUSI`" in told[0]
    assert "textalloc" not in told[0]


def test_the_packages_the_calls_need_are_listed(tmp_path: Path) -> None:
    """lmuntjewerf/paper_figures_KNMI-LENTIS: `xr.open_mfdataset(...)` needs dask, `ds.to_netcdf(...)`
    netCDF4, `pd.read_excel('x.xlsx')` openpyxl; the code imports none of them, so the requirements.txt
    share wrote left them out and every step stopped at its first read."""
    code = (
        "import xarray as xr\nimport pandas as pd\nds = xr.open_mfdataset('data/*.nc')\n"
        "ds.to_netcdf('results/mean.nc')\nt = pd.read_excel('data/table.xlsx')\n"
    )
    root = write_tree(tmp_path / "study", {"fig1.py": code, "data/a.nc": "", "data/table.xlsx": ""})
    proc = run_cli("share", str(root), "--yes", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    names = [line.split(">=")[0] for line in (root / "requirements.txt").read_text().splitlines()[1:]]
    assert {"dask", "netCDF4", "openpyxl", "pandas", "xarray"} <= set(names), names
    # a folder that declares its environment hears what it lacks
    root = write_tree(
        tmp_path / "declared",
        {"fig1.py": code, "requirements.txt": "xarray\npandas\ndask\n", "data/a.nc": ""},
    )
    proc = run_cli("share", str(root), "--dry-run", "--yes", "--license", "MIT", "--format", "json")
    notes = json.loads(proc.stdout)["notes"]
    assert any("`netCDF4` (`xr.open_mfdataset` needs it)" in n and "dask" not in n for n in notes), notes


def _notebook(language: str, kernel: str, source: str) -> str:
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": [source]}
    metadata = {"kernelspec": {"name": kernel, "language": language}, "language_info": {"name": language}}
    return json.dumps({"cells": [cell], "metadata": metadata, "nbformat": 4, "nbformat_minor": 5})


def test_an_r_notebook_is_r_code_in_the_metadata(tmp_path: Path, roc_cache: Path) -> None:
    """michaelplynch/demuxSNP-paper-figures and research folders like it mix Python scripts with notebooks
    run by an R kernel: codemeta.json said the code is Python only, and the RO-Crate called each R
    notebook Python source code."""
    root = write_tree(
        tmp_path / "study",
        {
            "prep.py": "import pandas as pd\npd.read_csv('raw.csv').to_csv('clean.csv')\n",
            "raw.csv": "a\n1\n",
            "figures/plots.ipynb": _notebook("R", "ir", "library(ggplot2)\nd <- read.csv('../clean.csv')\n"),
            "figures/stats.ipynb": _notebook("R", "ir", "summary(1:3)\n"),
            "explore.ipynb": _notebook("python", "python3", "import pandas\npandas.read_csv('clean.csv')\n"),
        },
    )
    proc = run_cli("share", str(root), "--yes", "--license", "MIT", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    meta = json.loads((root / "codemeta.json").read_text())
    assert meta["programmingLanguage"] == ["Python", "R"]
    crate = json.loads((root / "ro-crate-metadata.json").read_text())
    by_id = {e["@id"]: e for e in crate["@graph"]}
    assert by_id["figures/plots.ipynb"]["programmingLanguage"] == {"@id": "#r"}
    assert by_id["explore.ipynb"]["programmingLanguage"] == {"@id": "#python"}
    assert by_id["prep.py"]["programmingLanguage"] == {"@id": "#python"}
    assert by_id["#r"]["@type"] == "ComputerLanguage"
    assert crate_issues(root, roc_cache, "ro-crate-1.1") == []
    assert crate_issues(root, roc_cache, "process-run-crate") == []
    notes = json.loads(proc.stdout)["notes"]
    assert any("R notebooks (2 files" in n for n in notes), notes


def test_shell_scripts_that_run_python_through_a_tool_or_only_in_a_comment() -> None:
    """lettlini/fatty-tissue-paper-analysis: `launch.sh` runs `nextflow run ./pipeline.nf`, which runs every
    Python step, and was "a shell script that runs no Python"; RomeroLab/PU-learning-paper-analysis:
    `3_DeepSequence.sh` names python only in commented-out lines, and was counted as running it."""
    from sciship.share.inventory import _runs_python

    assert _runs_python("#!/bin/bash\nnextflow run ./pipeline.nf -resume\n")
    assert _runs_python("uv run jupyter nbconvert --execute --inplace notebooks/*.ipynb\n")
    assert _runs_python("snakemake -j 4\n")
    assert not _runs_python("#!/bin/bash\n# python run_DeepSequence.py\ntheano-cache purge\n")
    assert not _runs_python("cdo remapbil,r360x180 in.nc out.nc\n")
    # Python only as a package to install (JMencius/MethQC-paper-code)
    assert not _runs_python(
        "conda create -n methqc python=3.9 -y\nconda install -c bioconda 'python>=3.8' bismark\n"
    )
    assert _runs_python("conda create -n methqc python=3.9 -y\npython3 methqc.py\n")


def test_a_shell_script_that_runs_python_through_another() -> None:
    """OlegArenz/gmmvi_reproducibility: 31 `run_exp3_*.sh` call `run_conf_with_different_timelimit.sh`,
    which runs `python clusterwork.py`; they were "shell scripts that run no Python"."""
    from sciship.project import Project
    from sciship.share.inventory import unread_code

    project = Project.from_files(
        {
            "run.py": "open('x.txt', 'w')\n",
            "scripts/run_exp3_a.sh": "#!/bin/bash\nbash scripts/run_conf.sh a 10\n",
            "scripts/run_exp3_b.sh": "#!/bin/bash\n./run_exp3_a.sh\n",
            "scripts/run_conf.sh": "#!/bin/bash\npython clusterwork.py $1\n",
            "scripts/regrid.sh": "#!/bin/bash\ncdo remapbil,r360x180 in.nc out.nc\n",
        }
    )
    assert unread_code(project) == {"Shell": ["scripts/regrid.sh"]}


def test_cluster_job_scripts_are_shell_scripts() -> None:
    """pierrj/moryzae_eccdnas_manuscript_code_final: 51 `.slurm` job scripts (39 run no Python) were not
    counted with the shell scripts sciship does not read."""
    from sciship.project import Project
    from sciship.share.inventory import unread_code

    project = Project.from_files(
        {
            "jobs/annotate.slurm": "#!/bin/bash\n#SBATCH --time=1:00:00\nrepeatmasker genome.fa\n",
            "jobs/call.slurm": "#!/bin/bash\npython call.py sample1\n",
            "jobs/call.py": "open('out.txt', 'w')\n",
            "run.pbs": "#!/bin/bash\nawk '{print $1}' x > y\n",
        }
    )
    assert unread_code(project) == {"Shell": ["jobs/annotate.slurm", "run.pbs"]}
    assert rocrate.role_of("jobs/annotate.slurm") == "code"


def test_a_snakemake_workflow_that_runs_no_python_is_named() -> None:
    """jermoef/lilace-paper-analysis: six Snakemake files whose rules run R scripts (the analysis' entry
    point) went unmentioned beside "code in R"; a workflow that runs the Python steps is read for them."""
    from sciship.project import Project
    from sciship.share.inventory import unread_code

    project = Project.from_files(
        {
            "workflow/Snakefile": "include: 'rules/run.smk'\nrule all:\n    input: 'a.rds'\n",
            "workflow/rules/run.smk": "rule fit:\n    shell: 'Rscript scripts/fit.R'\n",
            "workflow/rules/plot.smk": "rule plot:\n    script: '../scripts/plot.py'\n",
            "scripts/fit.R": "x <- 1\n",
            "scripts/plot.py": "open('x.txt', 'w')\n",
        }
    )
    assert unread_code(project) == {
        "Snakemake": ["workflow/Snakefile", "workflow/rules/run.smk"],
        "R": ["scripts/fit.R"],
    }


def test_a_nextflow_pipeline_is_named_even_when_it_runs_python(tmp_path: Path) -> None:
    """Rozen-Lab/sig_attribution_paper_code: two Nextflow pipelines run every Python step of the folder
    with its arguments; sciship reads no `.nf` file, and said nothing of them."""
    from sciship.project import Project
    from sciship.share.inventory import script_languages, unread_code

    files = {
        "main.nf": 'process fit {\n  script:\n  """\n  python bin/fit.py -d ${x}\n  """\n}\n',
        "bin/fit.py": "import sys\nopen(sys.argv[2] + '.txt', 'w')\n",
    }
    assert unread_code(Project.from_files(files)) == {"Nextflow": ["main.nf"]}
    assert script_languages(Project.from_files(files)) == {"Nextflow": 1}
    assert script_languages(Project.from_files(files), extension_only=True) == {}
    root = write_tree(tmp_path / "study", files)
    proc = run_cli("share", str(root), "--dry-run", "--yes")
    assert proc.returncode == 0, proc.stderr
    assert "code in Nextflow" in " ".join(proc.stdout.split())
    assert "Nextflow (1 file: `main.nf`)" in _reproduce(root)


def test_reproduce_says_when_a_script_is_run_several_times(tmp_path: Path) -> None:
    """KISRDevelopment/interpretable_student_models_paper_code (`run_exp_equations.sh` runs
    `model_bkt_irt.py` three times), jeliason/shade_paper_code, lzxlab/pSAM_paper_code: REPRODUCE.md gave
    the first command only, beside the outputs of every run, and never named the script that runs them."""
    root = write_tree(
        tmp_path / "study",
        {
            "model.py": "import json, sys\ncfg = json.load(open(sys.argv[1]))\nopen(sys.argv[2], 'w')\n",
            "run_all.sh": (
                "mkdir -p results\npython model.py cfgs/a.json results/a.csv\n"
                "python model.py cfgs/b.json results/b.csv\n"
            ),
            "once.py": "open('results/once.txt', 'w')\n",
            "cfgs/a.json": "{}",
            "cfgs/b.json": "{}",
        },
    )
    guide = _reproduce(root)
    assert "python model.py cfgs/a.json results/a.csv\n" in guide
    assert "- run 2 times by `run_all.sh`, with other arguments each time" in guide
    assert "`bash run_all.sh` runs them all" in guide
    assert guide.count("times by") == 1  # (not for a script run once)


def test_reproduce_lists_the_files_read_only_when_they_are_there(tmp_path: Path) -> None:
    """jtextor/immunet-paper-code: figure 6's data, from Zenodo, read behind `if path.is_file():`, was in no
    list of REPRODUCE.md (nor a missing input, rightly: the step runs without it). A cache the step makes
    itself is no input."""
    script = (
        "import numpy as np\nfrom pathlib import Path\ncache = Path('data/cache')\n"
        "for slide in ['bladder01', 'lung02']:\n    path = cache / (slide + '.npz')\n"
        "    if path.is_file():\n        np.save(f'plots/{slide}.npy', np.load(path)['tumor'])\n"
        "if Path('work.npy').exists():\n    w = np.load('work.npy')\nelse:\n    np.save('work.npy', 1)\n"
    )
    guide = _reproduce(write_tree(tmp_path / "study", {"make_images.py": script}))
    assert "- `data/cache/bladder01.npz` (not in this folder: the steps read it only when it is" in guide
    assert "- `data/cache/lung02.npz` (not in this folder" in guide
    assert "- `work.npy`" not in guide


def test_reproduce_names_the_shell_loop_that_runs_a_step(tmp_path: Path) -> None:
    """JMencius/MethQC-paper-code: `for i in 1 2 3; do for j in 1 2 3; do python compare.py "$i" "$j"`: the
    words to fill in were the loop's, and the shell script that gives them was never named."""
    root = write_tree(
        tmp_path / "study",
        {
            "scripts/run.sh": (
                'for i in 1 2 3; do\n  for j in 1 2 3; do python compare.py "$i" "$j"; done\ndone\n'
            ),
            "scripts/compare.py": (
                "import sys\na, b = sys.argv[1], sys.argv[2]\nopen(f'../data/sample_{a}.txt')\n"
                "open(f'../results/cmp_{a}_{b}.txt', 'w')\n"
            ),
            "data/sample_1.txt": "x",
        },
    )
    guide = _reproduce(root)
    assert "   (cd scripts && python compare.py A B)\n" in guide
    assert "   - run in a loop by `scripts/run.sh`, once for each of its values: `bash scripts/run.sh`" in (
        guide
    )


def test_reproduce_says_a_shell_script_without_a_loop_runs_a_step_once(tmp_path: Path) -> None:
    """letiviada/mmsc_dissertation: `alphas=(0.6)`, then `python3 sim.py --alphas $alphas`, was "run in a
    loop by `run.sh`, once for each of its values"; there is no loop."""
    root = write_tree(
        tmp_path / "study",
        {
            "run.sh": "#!/bin/bash\nalphas=(0.6)\npython3 sim.py --alphas $alphas\n",
            "sim.py": (
                "import argparse, json\np = argparse.ArgumentParser()\n"
                "p.add_argument('--alphas', nargs='+', type=float)\nargs = p.parse_args()\n"
                "for a in args.alphas:\n    json.dump([a], open(f'res_{a}.json', 'w'))\n"
            ),
        },
    )
    guide = _reproduce(root)
    assert "in a loop" not in guide
    assert "   - run by `run.sh`, which gives it words from its variables: `bash run.sh` runs it" in guide


def test_a_step_makes_no_file_of_another_folder(tmp_path: Path) -> None:
    """sdsawtelle/research-analysis-scripts: `plt.savefig(name + ".png")` writes `*.png` where it runs;
    REPRODUCE.md and the RO-Crate said it made two figures of other folders. A `*` is part of one name,
    `**/` any folders."""
    fitting = [
        ("a.png", "*.png"),
        ("a.png", "**/*.png"), ("x/y/a.png", "**/*.png"), ("r/run_1.npy", "r/run_*.npy")]
    assert all(rocrate.fits(name, pattern) for name, pattern in fitting)
    others = [("other/a.png", "*.png"), ("r/s/run_1.npy", "r/run_*.npy"), ("a1.png", "a[1].png")]
    assert not any(rocrate.fits(name, pattern) for name, pattern in others)
    assert rocrate.fits("a[1].png", "a[1].png")
    root = write_tree(
        tmp_path / "study",
        {
            "plot.py": "import sys\nimport matplotlib.pyplot as plt\nplt.savefig(sys.argv[1] + '.png')\n",
            "other/old_figure.png": b"\x89PNG\r\n",
            "fig.png": b"\x89PNG\r\n",
        },
    )
    guide = _reproduce(root)
    assert "old_figure" not in guide.split("## Licenses")[0].split("## 2.")[1]
    crate = json.loads((root / "ro-crate-metadata.json").read_text())
    (action,) = [e for e in crate["@graph"] if e.get("@type") == "CreateAction"]
    assert action["result"] == [{"@id": "fig.png"}]


def test_cells_in_another_language_are_named_in_their_step(tmp_path: Path) -> None:
    """lfsanche/econ_letters: the regressions run in `%%stata` cells of Python notebooks, which the data
    flow does not read, and their steps seemed to read and write nothing; REPRODUCE.md now says so under
    the step. A `%%bash` cell is read as commands, and a cell that only mentions a magic is Python."""

    def cell(source: object) -> dict[str, object]:
        return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}

    cells = [
        cell(["import stata_setup\n", "stata_setup.config('/usr/local/stata17', 'se')\n"]),
        cell(["%%stata\n", 'use "../data/data.dta"\n']),
        cell(["%%stata -qui\n", "regress y x\n"]),
        cell("%%R\nx <- read.csv('a.csv')\n"),
        cell(["%%bash\n", "ls\n"]),
        cell(["print('%%stata')\n"]),
    ]
    notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    root = write_tree(
        tmp_path / "econ", {"code/regress.ipynb": json.dumps(notebook, indent=1), "run.py": "print(1)\n"}
    )
    text = _reproduce(root)
    assert (
        "   - 2 cells in Stata, which sciship does not read: what they read and write is not listed here."
        in text
    )
    assert "   - 1 cell in R, which sciship does not read" in text
    assert text.count("which sciship does not read:") == 2


def test_reproduce_says_a_step_asks_for_what_it_reads(tmp_path: Path) -> None:
    """`path = input("Data file: ")`, then `pd.read_csv(path)`: the file it reads is whatever the reader
    types, so it is no missing input, and REPRODUCE.md said nothing of the question a run stops at."""
    script = (
        "import pandas as pd\npath = input('Data file: ')\ndf = pd.read_csv(path)\n"
        "df.describe().to_csv('summary.csv')\n"
    )
    root = write_tree(tmp_path / "study", {"summarise.py": script, "data/x.csv": "a\n1\n"})
    proc = run_cli("share", str(root), "--dry-run", "--format", "json", "--yes")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["problems"] == []
    guide = _reproduce(root)
    assert (
        "   - as it runs, it asks for `Data file:` (Python's `input()`): type the answer and press Enter (a "
        "file: its path from this folder). It waits until you do, so it cannot run unattended.\n"
        "   - writes: `summary.csv`\n"
    ) in guide


def test_the_terminal_report_says_what_reproduce_says_of_a_step(tmp_path: Path) -> None:
    """Cells in another language, a Python 2 step, a prompt the run stops at and scripts not written yet
    were in REPRODUCE.md only: the steps on the terminal seemed to do nothing (round 33's leftovers)."""
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": []}
    cells = [{**cell, "source": ["%%stata\n", 'use "data.dta"\n']}, {**cell, "source": ["x = 1\n"]}]
    notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    stub = 'def main():\n    raise NotImplementedError\n\n\nif __name__ == "__main__":\n    main()\n'
    files = {
        "regress.ipynb": json.dumps(notebook),
        "old.py": 'import numpy as np\nx = np.loadtxt("data.txt")\nprint "done"\n',
        "ask.py": "import pandas as pd\npath = input('Data file: ')\npd.read_csv(path).to_csv('s.csv')\n",
        "fit.py": stub,
        "data.txt": "1\n",
    }
    root = write_tree(tmp_path / "study", files)
    proc = run_cli("share", str(root), "--dry-run", "--yes", env={"NO_COLOR": "1"})
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "regress.ipynb\n       1 cell in Stata, not read: its files are not listed\n" in out
    assert "old.py\n       Python 2: runs with Python 2.7; its files are not listed\n" in out
    assert "ask.py\n       asks as it runs (input()): `Data file:`\n" in out
    assert "  Not steps, not written yet (they only raise NotImplementedError): fit.py\n" in out


def test_share_says_that_a_pytask_project_s_tasks_are_not_followed(tmp_path: Path, roc_cache: Path) -> None:
    """maxxxbb/replication_ar2018: an economics replication whose `task_*.py` files pytask runs; share said
    only that no script reads or writes files it could follow, and nothing of how to run it."""
    task = (
        "import pandas as pd\nimport pytask\n\n"
        "@pytask.mark.depends_on('data/raw.csv')\n@pytask.mark.produces('bld/clean.pkl')\n"
        "def task_clean(depends_on, produces):\n    pd.read_csv(depends_on).to_pickle(produces)\n"
    )
    root = write_tree(tmp_path / "study", {"src/task_clean.py": task, "data/raw.csv": "a\n1\n"})
    proc = run_cli("share", str(root), "--yes", "--license", "MIT", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    notes = [n for n in json.loads(proc.stdout)["notes"] if "runs with pytask" in n]
    assert notes == [
        (
            "The analysis runs with pytask (`src/task_clean.py`): pytask calls their `task_` functions, "
            "which sciship does not follow yet, so what the tasks read and write is not among the steps, "
            "inputs and outputs. Say in REPRODUCE.md to run `pytask` from the top of the folder, and which "
            "data to get first."
        )
    ]
    # (a script named task_*.py that does not use pytask: nothing said)
    root = write_tree(tmp_path / "other", {"task_clean.py": "import pandas as pd\npd.read_csv('a.csv')\n"})
    proc = run_cli("share", str(root), "--yes", "--license", "MIT", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert not [n for n in json.loads(proc.stdout)["notes"] if "runs with pytask" in n]
