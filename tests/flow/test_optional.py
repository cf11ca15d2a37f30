"""Reads that need not find their file, and places that are never a problem: the false alarms measured on
real research folders and pyOpenSci packages (see the helper report of branch ``flow2``), each as the
pattern it came from.

``tests/projects/flow-guarded`` puts them together in one small research folder: a cache in ``~/.cache``
read inside ``try:``, files checked with ``os.path.exists`` first, a download and an archive unpacked by the
step, a branch its arguments rule out, a file mode chosen at run time, a notebook whose shell lines and
``%%bash`` / ``%%writefile`` cells make the files it reads, a file ``run.sh`` makes; and two real problems.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flowkit import flow_of, notebook

from sciship.flow import trace
from sciship.project import Project

PROJECTS = Path(__file__).parent.parent / "projects"


def codes(files: dict[str, str]) -> list[tuple[str, str, int | None]]:
    return [(p.code, p.path, p.line) for p in flow_of(files).problems]


# ---------------------------------------------------------------------- the fixture folder
def test_guarded_folder_keeps_only_the_real_problems() -> None:
    flow = trace(Project.load(PROJECTS / "flow-guarded"), cache=False)
    problems = {(p.code, p.path, p.line): p.message for p in flow.problems}
    assert list(problems) == [
        ("SHR111", "analysis/make_table.py", 23),
        ("SHR110", "analysis/secret_sauce.py", 6),
    ]
    assert problems[("SHR111", "analysis/make_table.py", 23)].startswith(
        "`analysis/make_table.py` writes `/home/ana/figures/pressure.png` (line 23), an absolute path on "
        "your computer: what it makes will not be in the folder you share"
    )
    assert flow.missing == ("data/calibration.csv",)
    # a check-first read of a file that is not there is not an input to get; one that is there still is
    assert flow.inputs == ("analysis/colors/gray.csv", "data/calibration.csv", "data/raw/stations.csv")
    assert flow.external == ("/home/ana/figures/pressure.png",)  # not ~/.cache, not the temporary folder
    uses = {(u.source, u.access, u.path): u for u in flow.uses}
    cache = uses[("analysis/fetch.py", "read", "~/.cache/pressure-survey/stations.json")]
    assert (cache.location, cache.optional) == ("scratch", True)
    assert uses[("analysis/fetch.py", "write", "/tmp/*/log.txt")].location == "scratch"  # noqa: S108
    assert uses[("analysis/make_table.py", "read", "data/corrections.csv")].optional
    assert uses[("analysis/make_table.py", "read", "data/raw/series/*.csv")].optional
    assert not uses[("analysis/make_table.py", "read", "data/raw/stations.csv")].optional
    assert uses[("report.ipynb", "read", "results/notes.md")].optional  # %%writefile made it
    # colors.table("gray") at import: the other branch does not run, so there is no `gray_table.csv`
    assert flow.step("analysis/plot.py").reads == ("analysis/colors/gray.csv", "results/table.csv")  # type: ignore[union-attr]
    # h5py.File(filename, "w" if overwrite else "x"), with `.h5` added only when missing
    assert flow.step("analysis/plot.py").writes == ("results/model.h5", "results/pressure.pdf")  # type: ignore[union-attr]


# ---------------------------------------------------------------------- try / except
HANDLERS = [
    ("except (OSError, ValueError):\n    known = {}", True),
    ("except FileNotFoundError:\n    known = None", True),
    ("except Exception:\n    known = {}", True),
    ("except:\n    pass", True),
    ("except IOError as exc:\n    log(exc)\n    known = {}", True),
    # the author says the file is needed: it stays a missing input
    ("except FileNotFoundError:\n    raise IOError('download the data first')", False),
    ("except FileNotFoundError:\n    print('Please download the data first')", False),
    ("except OSError:\n    sys.exit('no data')", False),
    ("except KeyError:\n    known = {}", False),
]


@pytest.mark.parametrize(("handler", "optional"), HANDLERS, ids=[h.split("\n")[0] for h, _ in HANDLERS])
def test_reads_inside_try(handler: str, optional: bool) -> None:
    flow = flow_of(
        {"run.py": f"import json, sys\ntry:\n    known = json.load(open('data/known.json'))\n{handler}\n"}
    )
    (use,) = flow.uses
    assert use.optional is optional
    assert [p.code for p in flow.problems] == ([] if optional else ["SHR110"])
    assert flow.missing == (() if optional else ("data/known.json",))


@pytest.mark.parametrize(
    ("handler", "optional"),
    [
        # neurodatascience/pipeline-variability-analysis-scripts: says so and gives up, writing nothing
        ("print(f'Error: could not find {name}')\n        return", False),
        ("print('no table')\n        return None", False),
        ("return None", True),  # a cache not made yet: the caller goes on without it
        ("print('skipping')\n        known = None", True),
    ],
    ids=["print-return", "print-return-none", "return-none", "print-go-on"],
)
def test_a_function_that_gives_up_without_its_file_needs_it(handler: str, optional: bool) -> None:
    flow = flow_of(
        {
            "run.py": (
                "import pandas as pd\ndef main():\n    name = 'cortical.csv'\n    try:\n"
                f"        known = pd.read_csv(name)\n    except FileNotFoundError:\n        {handler}\n"
                "    known.to_csv('merged.csv')\nmain()\n"
            )
        }
    )
    (use,) = [u for u in flow.uses if u.access == "read"]
    assert use.optional is optional
    assert flow.missing == (() if optional else ("cortical.csv",))


def test_a_helper_called_inside_try_reads_optionally() -> None:
    flow = flow_of(
        {
            "loaders.py": "import numpy as np\n\ndef load(name):\n    return np.load(f'data/{name}.npy')\n",
            "run.py": (
                "from loaders import load\ntry:\n    x = load('extra')\nexcept OSError:\n"
                "    x = None\ny = load('main')\n"
            ),
        }
    )
    assert [(u.path, u.optional) for u in flow.uses] == [("data/extra.npy", True), ("data/main.npy", False)]
    assert flow.missing == ("data/main.npy",)


def test_contextlib_suppress() -> None:
    src = "import contextlib\nwith contextlib.suppress(FileNotFoundError):\n    open('data/x.csv')\n"
    assert codes({"run.py": src}) == []


# ---------------------------------------------------------------------- existence checks
CHECKS = [
    "import os\nif os.path.exists('data/x.npz'):\n    import numpy as np\n    e = np.load('data/x.npz')\n",
    (
        "from pathlib import Path\nimport numpy as np\np = Path('data/x.npz')\n"
        "if p.is_file():\n    e = np.load(p)\n"
    ),
    "import os\nimport numpy as np\np = 'data/x.npz'\ne = np.load(p) if os.path.isfile(p) else None\n",
    "import os\nimport numpy as np\nif os.path.isdir('data'):\n    e = np.load('data/x.npz')\n",
    (  # the check of a file in a loop that skips it
        "import os\nimport numpy as np\nfor n in ['x', 'y']:\n    p = f'data/{n}.npz'\n"
        "    if not os.path.exists(p):\n        continue\n    e = np.load(p)\n"
    ),
    (  # and in a function that returns early
        "import numpy as np\nfrom pathlib import Path\n\ndef load(p):\n    p = Path(p)\n"
        "    if not p.exists():\n"
        "        return None\n    return np.load(p)\n\nload('data/x.npz')\n"
    ),
    (  # elif: gern's and C4dynamics' shape
        "import os, pickle\nif os.path.exists('a/x.pkl'):\n    d = pickle.load(open('a/x.pkl', 'rb'))\n"
        "elif os.path.exists('data/x.npz'):\n    d = pickle.load(open('data/x.npz', 'rb'))\n"
    ),
]


@pytest.mark.parametrize("source", CHECKS, ids=[f"check{i}" for i in range(len(CHECKS))])
def test_reads_after_an_existence_check_are_optional(source: str) -> None:
    flow = flow_of({"run.py": source})
    assert flow.problems == ()
    assert all(u.optional for u in flow.uses if u.access == "read")
    assert flow.inputs == ()  # a file checked first and not there is nothing to get


def test_checks_that_stop_the_run_or_test_another_file_protect_nothing() -> None:
    stops = (
        "import os\nimport numpy as np\nif not os.path.exists('data/x.npz'):\n"
        "    raise SystemExit('get it')\nnp.load('data/x.npz')\n"
    )
    other = "import os\nimport pandas as pd\nif os.path.exists('results'):\n    pd.read_csv('data/in.csv')\n"
    assert codes({"run.py": stops}) == [("SHR110", "run.py", 5)]
    assert codes({"run.py": other}) == [("SHR110", "run.py", 4)]


# ---------------------------------------------------------------------- caches
def test_a_file_the_step_also_writes_is_a_cache_not_an_input() -> None:
    src = (
        "import pandas as pd\ntry:\n    table = pd.read_csv('cache/table.csv')\nexcept OSError:\n"
        "    table = pd.DataFrame({'a': [1]})\n    table.to_csv('cache/table.csv')\n"
        "raw = pd.read_pickle('/home/ana/cache/raw.pkl')\npd.to_pickle(raw, '/home/ana/cache/raw.pkl')\n"
    )
    flow = flow_of({"run.py": src})
    reads = {u.path: u.optional for u in flow.uses if u.access == "read"}
    assert reads == {"cache/table.csv": True, "/home/ana/cache/raw.pkl": True}
    # the absolute cache is still a problem where it is written: that folder is on one computer only
    ((code, message),) = [(p.code, p.message) for p in flow.problems]
    assert code == "SHR111"
    assert message.startswith("`run.py` writes `/home/ana/cache/raw.pkl` (line 8)")
    assert flow.inputs == ()


def test_a_pattern_written_today_does_not_make_yesterdays_file() -> None:
    src = (
        "import pickle, datetime\nstamp = datetime.datetime.now().strftime('%Y')\n"
        "pickle.dump(1, open(f'/home/ana/runs/{stamp}_fit.pkl', 'wb'))\n"
        "old = pickle.load(open('/home/ana/runs/2022_fit.pkl', 'rb'))\n"
    )
    flow = flow_of({"run.py": src})
    assert [(p.code, p.line, p.message.split("`")[3]) for p in flow.problems] == [
        ("SHR111", 3, "/home/ana/runs/*_fit.pkl"),
        ("SHR111", 4, "/home/ana/runs/2022_fit.pkl"),
    ]
    assert "reads the absolute path" in flow.problems[1].message


# ---------------------------------------------------------------------- places of whoever runs it
SCRATCH = [
    (
        (
            "import tempfile, os\nwith tempfile.TemporaryDirectory() as d:\n"
            "    open(os.path.join(d, 'x.csv'), 'w')\n"
        ),
        "/tmp/*/x.csv",  # noqa: S108
    ),
    ("import tempfile\nd = tempfile.mkdtemp()\nopen(d + '/x.csv')\n", "/tmp/*/x.csv"),  # noqa: S108
    (
        "import tempfile, os\nopen(os.path.join(tempfile.gettempdir(), 'x.part'), 'wb')\n",
        "/tmp/x.part",  # noqa: S108
    ),
    ("from pathlib import Path\nopen(Path.home() / '.cache' / 'tool' / 'k.json')\n", "~/.cache/tool/k.json"),
    ("import os\nopen(os.path.expanduser('~/.config/tool/settings.json'))\n", "~/.config/tool/settings.json"),
    (
        "import platformdirs, os\nopen(os.path.join(platformdirs.user_cache_dir('tool'), 'x.json'))\n",
        "~/.cache/tool/x.json",
    ),
    (
        "from appdirs import user_data_dir\nopen(user_data_dir('tool') + '/x.db', 'w')\n",
        "~/.local/share/tool/x.db",
    ),
    ("open('/tmp/out.nc')\n", "/tmp/out.nc"),  # noqa: S108
]


@pytest.mark.parametrize(("source", "path"), SCRATCH, ids=[s[1] for s in SCRATCH])
def test_temporary_cache_and_settings_places_are_never_problems(source: str, path: str) -> None:
    flow = flow_of({"run.py": source})
    assert flow.problems == ()
    (use,) = flow.uses
    assert (use.path, use.location) == (path, "scratch")
    assert flow.external == ()


def test_environment_variables_are_never_problems() -> None:
    src = (
        "import os\nopen(os.path.join(os.environ['DATA_DIR'], 'raw.csv'))\n"
        "open(os.environ['OUT'] + '/x', 'w')\n"
    )
    assert codes({"run.py": src}) == []


# ---------------------------------------------------------------------- writes outside the folder
def test_writes_outside_the_folder_say_what_happens() -> None:
    flow = flow_of(
        {
            "fig.py": (
                "import matplotlib.pyplot as plt\nplt.savefig('/home/ana/figs/fig1.png')\n"
                "plt.savefig('../paper/fig2.pdf')\n"
            ),
            "use.py": (
                "import pandas as pd\npd.read_csv('/home/ana/data/raw.csv')\npd.read_csv('../shared/x.csv')\n"
            ),
        }
    )
    messages = {(p.code, p.path, p.line): p.message for p in flow.problems}
    assert messages[("SHR111", "fig.py", 2)].startswith(
        "`fig.py` writes `/home/ana/figs/fig1.png` (line 2), an absolute path on your computer: what it "
        "makes will not be in the folder you share, and on another computer that folder may not exist"
    )
    assert messages[("SHR112", "fig.py", 3)].startswith(
        "`fig.py` writes `../paper/fig2.pdf` (line 3), which is outside this folder: what it makes will not "
        "be in what you share"
    )
    assert (
        "reads the absolute path `/home/ana/data/raw.csv` (line 2), which exists only on your"
        in messages[("SHR111", "use.py", 2)]
    )
    assert (
        "reads `../shared/x.csv` (line 3), which points outside this folder"
        in messages[("SHR112", "use.py", 3)]
    )


# ---------------------------------------------------------------------- branches and choices
def test_a_branch_the_arguments_rule_out_does_not_run() -> None:
    helper = (
        "import numpy as np\n\ndef table(kind):\n    if kind == 'WL':\n"
        "        return np.loadtxt('tables/gray.csv')\n"
        "    if kind not in ('171', '195'):\n        raise ValueError(kind)\n"
        "    return np.loadtxt(f'tables/t_{kind}.csv')\n"
    )
    flow = flow_of(
        {
            "tables.py": helper,
            "run.py": "from tables import table\ngray = table('WL')\nhot = table('171')\n",
            "tables/gray.csv": "",
            "tables/t_171.csv": "",
        }
    )
    assert flow.steps[0].reads == ("tables/gray.csv", "tables/t_171.csv")
    assert flow.problems == ()


PLOTS = (
    "import matplotlib.pyplot as plt\nimport numpy as np\n\n"
    "def permut(data, plot=False, save=None):\n"
    "    if plot:\n        plt.savefig('null dist')\n"
    "    if not save:\n        return data\n"
    "    np.save('results/null', data)\n"
)


@pytest.mark.parametrize(
    ("call", "written"),
    [
        ("permut(1)", []),  # the defaults: no plot, nothing saved
        ("permut(1, plot=False, save=0)", []),
        ("permut(1, True)", ["null dist.png"]),
        ("permut(1, save='yes')", ["results/null.npy"]),
        ("permut(1, plot=flag, save=flag)", ["null dist.png", "results/null.npy"]),  # unknown: both sides
        ("permut(1, **options)", ["null dist.png", "results/null.npy"]),  # any default may be replaced
        ("permut(*values)", ["null dist.png", "results/null.npy"]),
    ],
)
def test_a_flag_the_call_gives_decides_its_branch(call: str, written: list[str]) -> None:
    """``if plot:`` on a parameter runs as the call says: a constant it passes (``True``, ``False``,
    ``None``, a number, a text), or the default when it passes none, unless ``*args`` or ``**options``
    may set it."""
    run = "import sys\nfrom stats import permut\nflag = len(sys.argv) > 1\noptions = {}\nvalues = []\n" + call
    flow = flow_of({"stats.py": PLOTS, "run.py": run})
    assert sorted(u.path for u in flow.uses if u.access == "write") == written


@pytest.mark.parametrize(("library_call", "written"), [("", []), ("pool.map(job, [1, 2])\n", ["out.txt"])])
def test_a_function_a_library_calls_keeps_its_flags_defaults(library_call: str, written: list[str]) -> None:
    """A call with ``detect=True`` rules out what follows ``if detect: return``; a library that calls the
    same function (``pool.map(job, ...)``) passes the elements, and the flag keeps its default."""
    src = (
        "from multiprocessing import Pool\n\n"
        "def job(x, detect=False):\n    if detect:\n        return x\n    open('out.txt', 'w')\n\n"
        "found = job(1, detect=True)\nwith Pool() as pool:\n    pass\n" + library_call
    )
    flow = flow_of({"run.py": src})
    assert [u.path for u in flow.uses if u.access == "write"] == written


def test_command_line_defaults_and_loops_decide_no_branch() -> None:
    src = (
        "import argparse\nimport numpy as np\np = argparse.ArgumentParser()\n"
        "p.add_argument('--data', default='cora')\n"
        "args = p.parse_args()\nif args.data == 'pubmed':\n    np.load('data/pubmed.npz')\n"
        "for kind in ['a', 'b']:\n    if kind == 'a':\n        np.load('data/a.npz')\n"
    )
    flow = flow_of({"run.py": src})
    assert [u.path for u in flow.uses] == ["data/pubmed.npz", "data/a.npz"]


def test_a_name_completed_only_when_needed_and_a_mode_chosen_at_run_time() -> None:
    src = (
        "import h5py\n\ndef save(name, overwrite=True):\n"
        "    name = name if name.endswith('.h5') else name + '.h5'\n"
        "    mode = 'w' if overwrite else 'x'\n    with h5py.File(name, mode) as f:\n        pass\n\n"
        "save('out/cube')\nsave('out/beam.h5')\n"
    )
    flow = flow_of({"run.py": src, "out/.keep": ""})
    assert {(u.access, u.path) for u in flow.uses} == {("write", "out/cube.h5"), ("write", "out/beam.h5")}


def test_remote_data_names_and_missing_values_are_not_files() -> None:
    src = (
        "import xarray as xr\nfrom astropy.io import fits\n"
        "grid = xr.load_dataarray('@earth_relief_01d_g', engine='gmt')\n"
        "psf = 'None'\nif psf:\n    fits.open(psf)\n"
    )
    flow = flow_of({"run.py": src})
    assert flow.uses == ()


# ---------------------------------------------------------------------- files commands make
def test_notebook_shell_lines_and_cells_make_files() -> None:
    flow = flow_of(
        {
            "nb.ipynb": notebook(
                [
                    (
                        (
                            "!sourmash compare ../sigs/*.sig -o compare-demo\n"
                            "D = open('compare-demo', 'rb').read()\n"
                            "labels = open('compare-demo.labels.txt').read()  # written next to it"
                        ),
                        1,
                    ),
                    ("out = 'results/sorted.csv'\n!sort data.csv > {out}\nopen(out).read()", 2),
                    ("%%bash\npynteny search --data x.fa \\\n  --outdir example/results\n", 3),
                    ("import pandas as pd\npd.read_csv('example/results/synteny_matched.tsv')", 4),
                    ("%%writefile params.yaml\na: 1", 5),
                    ("import yaml\nyaml.safe_load(open('params.yaml'))", 6),
                    ("%%script echo skipped\nnot a command > nothing.txt", 7),
                    ("!git clone -q https://github.com/x/Tool.git\n!cp -r Tool/tests/ . && rm -rf Tool", 8),
                ]
            ),
            "data.csv": "",
        }
    )
    assert flow.problems == ()
    assert flow.steps[0].writes == (
        "params.yaml",
        "results/sorted.csv",
    )  # what an option only suggests is not an output
    assert "nothing.txt" not in {u.path for u in flow.uses}


def test_commands_run_from_python() -> None:
    homer = (
        "import os\nimport sarge\n\ndef merge(files, out):\n"
        "    os.system(f\"mergePeaks {' '.join(files)} -venn {out}_venn > {out}\")\n\n"
        "def hist(tags, out):\n"
        "    sarge.run('annotatePeaks.pl tss hg38 -d {d} > {o}'.format(d=tags, o=out))\n"
    )
    run = (
        "import subprocess\nimport pandas as pd\nfrom homer import merge, hist\n"
        "merge(['a.bed', 'b.bed'], 'res/peaks')\n"
        "pd.read_csv('res/peaks')\nhist('tags/', 'res/hist.txt')\npd.read_csv('res/hist.txt')\n"
        "for url in get_list():\n    subprocess.run(['wget', url])\nopen('schema_01.yaml').read()\n"
    )
    flow = flow_of({"homer.py": homer, "run.py": run, "res/.keep": ""})
    assert flow.problems == ()
    assert flow.steps[0].writes == ("res/hist.txt", "res/peaks")


def test_archives_unpacked_fill_their_folder() -> None:
    flow = flow_of(
        {
            "get.py": (
                "import tarfile, zipfile, shutil\nwith tarfile.open('data.tgz') as t:\n"
                "    t.extractall('raw')\n"
                "zipfile.ZipFile('more.zip').extractall()\nshutil.unpack_archive('third.zip', 'third')\n"
                "open('raw/run1/x.csv')\nopen('readme_from_zip.txt')\nopen('third/a/b.txt')\n"
            ),
            "data.tgz": "",
            "more.zip": "",
            "third.zip": "",
        }
    )
    assert flow.problems == ()
    assert flow.outputs == ()  # sciship cannot tell which files an archive holds


def test_a_path_given_to_a_call_as_its_output_is_made_by_it() -> None:
    src = (
        "from pynteny import Build\nfor name in ['a', 'b']:\n    faa = f'data/peptides/{name}.faa'\n"
        "    Build(data=f'data/genomes/{name}.fna', outfile=faa).run()\n"
        "    n = sum(1 for line in open(faa))\n"
        "Build(data='x.fna', output_dir='built').run()\nopen('built/index.txt')\n"
    )
    flow = flow_of({"run.py": src, "data/genomes/a.fna": "", "data/genomes/b.fna": "", "x.fna": ""})
    assert flow.problems == ()
    assert flow.outputs == ()


def test_a_folder_a_step_fills_is_not_missing() -> None:
    flow = flow_of(
        {
            "spark.py": (
                "import pandas as pd\nfor i in range(3):\n"
                "    pd.DataFrame().to_parquet(f'results/table/part-{i}.parquet')\n"
            ),
            "read.py": "import pandas as pd\npd.read_parquet('results/table')\n",
        }
    )
    assert flow.problems == ()
    assert flow.step("read.py").after == ("spark.py",)  # type: ignore[union-attr]


def test_files_the_folders_pipeline_makes_are_not_missing() -> None:
    flow = flow_of(
        {
            "run.sh": (
                "#!/bin/bash\nsource setup.sh\npython src/extract.py \\\n"
                "    --input-file $data/raw_dates.txt \\\n"
                "    --output-file $gendata/model_dates.txt\npython src/fit.py data/observations.csv\n"
            ),
            "Makefile": "results/summary.txt: src/fit.py\n\tpython src/fit.py > $@\n",
            "Snakefile": (
                "rule fit:\n    input: 'data/observations.csv'\n    output: 'results/params.json'\n"
                "    shell: 'x'\n"
            ),
            "src/fit.py": (
                "import json\nopen('gendata/model_dates.txt')\nopen('results/summary.txt')\n"
                "open('results/params.json')\nopen('data/observations.csv')\n"
            ),
        }
    )
    # made by the pipeline: not missing; read by it too (and by fit.py): still missing
    assert flow.missing == ("data/observations.csv",)


def test_a_file_a_snakefile_makes_in_another_folder_is_still_missing() -> None:
    """shahcompbio/scdna_replication_paper: notebooks read `analysis/fitness_lines_old/...`, which no
    rule makes (they write `analysis/fitness_lines/{dataset}/...`); the name alone made seven missing
    inputs unsaid. A Snakefile's outputs are by their folders too (where it runs is what is unknown)."""
    cell = (
        "import pandas as pd\npd.read_csv('../analysis/fitness_lines_old/SA039/counts.tsv')\n"
        "pd.read_csv('../analysis/fitness_lines/SA039/counts.tsv')"
    )
    flow = flow_of(
        {
            "Snakefile": "include: 'rules/fit.smk'\n",
            "rules/fit.smk": (
                "rule counts:\n    output: 'analysis/fitness_lines/{dataset}/counts.tsv'\n    shell: 'x'\n"
            ),
            "notebooks/fig.ipynb": notebook([(cell, 1)]),
        }
    )
    assert flow.missing == ("analysis/fitness_lines_old/SA039/counts.tsv",)
    (problem,) = flow.problems  # (and it says where the pipeline puts files of that name)
    assert "`rules/fit.smk` makes files of that name, but in another folder" in problem.message
    assert "(`analysis/fitness_lines/*/counts.tsv`, from where it runs)" in problem.message


def test_a_write_with_unknown_folder_and_name_does_not_make_a_missing_file() -> None:
    flow = flow_of(
        {
            "copy.py": "import os\nos.system(f'cp {cfg} {outdir}/')\n",
            "nb.ipynb": notebook([("import yaml\nyaml.safe_load(open('../params.yaml'))", 1)]),
            "sub/.keep": "",
        }
    )
    assert [p.code for p in flow.problems] == ["SHR112"]  # and never "made by copy.py"
    flow = flow_of(
        {"copy.py": "import os\nos.system(f'cp {cfg} {outdir}/')\n", "run.py": "open('params.yaml')\n"}
    )
    assert flow.missing == ("params.yaml",)


# ---------------------------------------------------------------------- where a script runs from
def test_a_module_run_from_the_folder_above_its_package() -> None:
    flow = flow_of(
        {
            "download/tools/__init__.py": "",
            "download/tools/hindcast.py": (
                "with open('model_dates.txt') as f:\n    dates = f.read()\n"
                "if __name__ == '__main__':\n    print(dates)\n"
            ),
            "download/model_dates.txt": "2020-01-01\n",
        }
    )
    (step,) = flow.steps
    assert (step.workdir, step.reads) == ("download", ("download/model_dates.txt",))
    assert flow.problems == ()


def test_a_bare_file_name_written_says_nothing_about_the_working_folder() -> None:
    flow = flow_of(
        {
            "scripts/summary.py": "open('results/table.csv')\nopen('summary.txt', 'w')\n",
            "results/table.csv": "",
        }
    )
    assert flow.steps[0].workdir == ""
    assert flow.problems == ()


def test_sphinx_configuration_is_not_a_step() -> None:
    flow = flow_of(
        {
            "docs/source/conf.py": "import shutil\nshutil.unpack_archive('main.zip', '.')\n",
            "run.py": "print(1)\n",
        }
    )
    assert [s.path for s in flow.steps] == ["run.py"]


def test_what_builds_the_documentation_is_not_a_step() -> None:
    """A Sphinx ``conf.py`` at the top of a folder that is also a documentation site, and an extension
    it loads (vendored in ``third_party/``), are not steps to run; a ``conf.py`` of the analysis and a
    script with a ``setup`` function of its own are."""
    flow = flow_of(
        {
            "conf.py": "import datetime\nproject = 'figures'\nextensions = [\n    'nbsphinx_adapted',\n]\n"
            "copyright = str(datetime.date.today().year)\n",
            "third_party/nbsphinx_adapted.py": (
                "import sys\nimport docutils\nfrom sphinx.util import logging\n\n"
                "if sys.platform == 'win32':\n    print('windows')\n\n"
                "def setup(app):\n    app.add_config_value('x', 1, 'env')\n"
            ),
            "analysis/conf.py": "THRESHOLD = 3\nprint(THRESHOLD)\n",
            "model.py": "def setup(app):\n    return app\n\nsetup(1)\nopen('out.txt', 'w')\n",
        }
    )
    assert [s.path for s in flow.steps] == ["analysis/conf.py", "model.py"]
