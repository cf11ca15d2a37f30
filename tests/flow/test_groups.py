"""Many absolute paths (or paths leaving the folder) under one folder are told as one problem."""

from __future__ import annotations

from flowkit import flow_of, notebook

from sciship.flow import FlowProblem
from sciship.flow.groups import ProblemGroup, group_problems


def _abs(path: str, step: str = "a.py", code: str = "SHR111", access: str = "read") -> FlowProblem:
    return FlowProblem(code, f"uses {path}", step, 1, target=path, access=access)  # type: ignore[arg-type]


def test_the_folder_shared_is_the_deepest_one_without_unknown_parts() -> None:
    problems = [_abs(f"/Users/ana/proj/data/raw/{i}.csv") for i in range(4)]
    problems.append(_abs("/Users/ana/proj/out/*/fig.png", "b.ipynb", access="write"))
    (group,) = group_problems(problems)
    assert isinstance(group, ProblemGroup)
    assert (group.code, group.folder, group.steps) == ("SHR111", "/Users/ana/proj/", ["a.py", "b.ipynb"])
    assert group.message.startswith("2 scripts and notebooks read or write 5 paths under `/Users/ana/proj/`")
    assert group.places()[-1] == ("b.ipynb:1", "writes", "/Users/ana/proj/out/*/fig.png")


def test_each_persons_folder_and_each_disk_is_its_own_group() -> None:
    """`/home/ana` and `/home/bob` are two people's folders, `C:\\Users\\ana` a Windows one, `~/Desktop`
    the home folder of whoever runs it, `../../shared` a folder next to this one."""
    paths = (
        [f"/home/ana/x{i}" for i in range(5)]
        + [f"/home/bob/y{i}" for i in range(5)]
        + [f"C:\\Users\\ana\\data\\z{i}.csv" for i in range(5)]
        + [f"~/Desktop/plots/p{i}.png" for i in range(5)]
    )
    outside = [_abs(f"../../shared/data/d{i}.nc", code="SHR112") for i in range(5)]
    groups = group_problems([_abs(p) for p in paths] + outside)
    assert [(g.code, g.folder) for g in groups if isinstance(g, ProblemGroup)] == [
        ("SHR111", "/home/ana/"),
        ("SHR111", "/home/bob/"),
        ("SHR111", "C:\\Users\\ana\\data\\"),
        ("SHR111", "~/Desktop/plots/"),
        ("SHR112", "../../shared/data/"),
    ]
    assert "outside this folder" in groups[-1].message


def test_a_few_paths_stay_each_on_its_own_in_their_order() -> None:
    few = [_abs(f"/data/x{i}") for i in range(4)]
    missing = FlowProblem("SHR110", "reads data/y.csv", "a.py", 2)
    assert group_problems([missing, *few]) == [missing, *few]
    many = [_abs(f"/data/x{i}") for i in range(5)]
    shown = group_problems([FlowProblem("SHR115", "out of order", "n.ipynb"), *many, missing])
    assert [type(p).__name__ for p in shown] == ["FlowProblem", "ProblemGroup", "FlowProblem"]


def test_a_folder_that_is_this_one_on_the_authors_computer_says_so() -> None:
    home = "/Users/th/GitHub/AR6/"
    problems = [
        FlowProblem(
            "SHR111",
            "m",
            "a.py",
            i,
            target=f"{home}fig/data/{i}.txt",
            inside=f"fig/data/{i}.txt",
        )
        for i in range(5)
    ]
    (group,) = group_problems(problems)
    assert isinstance(group, ProblemGroup)
    assert group.message.startswith(
        f"`a.py` reads 5 paths under `{home}fig/data/`, which looks like this folder as it sits "
        "on your computer: here that is `fig/data/`."
    )


def test_many_missing_inputs_in_one_folder_are_told_once() -> None:
    """pritykinlab/gloss-paper-analysis: 22 notebooks read 126 files of `pathway_computations/`, a folder
    the repository does not have; a missing file elsewhere, or fewer of them, stay each on its own."""
    flow = flow_of(
        {
            "nb1.ipynb": notebook(
                [
                    (
                        "import pickle\n"
                        + "".join(f"pickle.load(open('pc/{i}.pickle', 'rb'))\n" for i in range(4)),
                        1,
                    )
                ]
            ),
            "nb2.ipynb": notebook(
                [("import pandas as pd\npd.read_csv('pc/5.csv')\npd.read_csv('other/x.csv')", 1)]
            ),
        }
    )
    groups = [p for p in group_problems(flow.problems) if isinstance(p, ProblemGroup)]
    assert [(g.code, g.folder, len(g.problems), g.steps) for g in groups] == [
        ("SHR110", "pc/", 5, ["nb1.ipynb", "nb2.ipynb"])
    ]
    assert groups[0].message.startswith(
        "2 notebooks read 5 files in `pc/` that are not in the folder and that no script or notebook here "
        "writes."
    )
    assert len(group_problems(flow.problems)) == 2  # and `other/x.csv` on its own


def test_a_group_counts_files_not_places_and_says_read_when_nothing_is_written() -> None:
    """ligand-discovery/primary-paper-figures: "8 scripts and notebooks read 14 files in `data/`" were 14
    reads of 6 files; brandbci/paper-figures: "read or write ... what is written there" for reads only."""
    problems = [_abs(f"/snel/share/data/{i % 2}.csv", f"s{i}.py") for i in range(6)]
    (group,) = group_problems(problems)
    assert isinstance(group, ProblemGroup)
    assert group.message.startswith("6 scripts read 2 paths under `/snel/share/data/`")
    assert "what is written" not in group.message
    missing = [_abs(f"data/{i % 3}.csv", f"n{i}.py", code="SHR110") for i in range(6)]
    (group,) = group_problems(missing)
    assert isinstance(group, ProblemGroup)
    assert group.message.startswith("6 scripts read 3 files in `data/`")


def test_a_placeholder_path_is_told_as_one() -> None:
    """ligand-discovery/primary-paper-figures: `DATA_FOLDER = "/path/to/data/"`, on purpose (the README
    says to ask the authors for the data): not "a folder that exists only on your computer"."""
    problems = [_abs(f"/path/to/data/{i}.csv", "fig.ipynb") for i in range(5)]
    (group,) = group_problems(problems)
    assert isinstance(group, ProblemGroup)
    assert "placeholder for whoever runs the code to fill in" in group.message
    assert "only on your computer" not in group.message
    flow = flow_of({"fig.py": "import pandas as pd\npd.read_csv('/path/to/data/x.csv')\n"})
    (problem,) = flow.problems
    assert "placeholder" in problem.message
    assert "only on your computer" not in problem.message


def test_a_folder_the_scripts_set_in_one_place() -> None:
    """ChristopherAMyers/CV_Linear_Spec_Figures: 112 reads under `data_root_dir`, which `global_settings.py`
    sets at its top (and `SI/global_settings.py` for the scripts in `SI/`): the advice was to "set the
    folder in one place (a `DATA_DIR` the scripts import)", which they do."""
    settings = "data_root_dir = '/Users/cm/spectra/'\n"
    reads = "import numpy as np\nfrom global_settings import data_root_dir\n" + "".join(
        f"np.loadtxt(data_root_dir + 'run{i}/x.dat')\n" for i in range(5)
    )
    flow = flow_of(
        {
            "global_settings.py": settings,
            "plot.py": reads,
            "SI/global_settings.py": settings,
            "SI/plot_si.py": "import numpy as np\nfrom global_settings import data_root_dir\n"
            "np.loadtxt(data_root_dir + 'si/y.dat')\n",
            "other.py": "import numpy as np\nnp.loadtxt('/Users/bob/z.dat')\n",
        }
    )
    said = {p.target: p.set_in for p in flow.problems}
    assert said["/Users/cm/spectra/run0/x.dat"] == "global_settings.py:1 (`data_root_dir`)"
    assert said["/Users/cm/spectra/si/y.dat"] == "SI/global_settings.py:1 (`data_root_dir`)"
    assert said["/Users/bob/z.dat"] == ""
    (single,) = [p for p in flow.problems if p.target == "/Users/cm/spectra/si/y.dat"]
    assert (
        "The folder is set in one place, `data_root_dir` in `SI/global_settings.py` (line 1)"
        in single.message
    )
    group = next(g for g in group_problems(flow.problems) if isinstance(g, ProblemGroup))
    assert group.folder == "/Users/cm/spectra/"
    assert "The folder is set at the top of 2 modules already (`data_root_dir` in " in group.message
    assert "in `global_settings.py`, line 1" in group.message
    assert "in `SI/global_settings.py`, line 1" in group.message
    assert "whoever runs the analysis changes those lines to where they put the files" in group.message
    assert "a `DATA_DIR` the scripts import" not in group.message


def test_files_that_look_like_python_2_are_told_once() -> None:
    """neherlab/HIVEVO_figures, e-overton/mice-analysis-scripts: 17 and 13 near-identical paragraphs, one
    per file, each saying the file looks like Python 2."""
    files = {f"src/fig{i}.py": f"import os\nprint 'figure {i}'\n" for i in range(6)}
    flow = flow_of({**files, "ok.py": "import os\n", "bad.py": "def f(:\n    pass\n"})
    told = group_problems(flow.problems)
    groups = [g for g in told if isinstance(g, ProblemGroup)]
    (group,) = groups
    assert group.code == "SHR117"
    assert group.folder == "src/"
    assert group.message.startswith("6 files look like Python 2 (the first places are below).")
    assert group.places(2) == [
        ("src/fig0.py:2", "has", "a print statement without brackets"),
        ("src/fig1.py:2", "has", "a print statement without brackets"),
    ]
    assert [p.path for p in told if not isinstance(p, ProblemGroup)] == ["bad.py"]  # (not Python 2)


def test_notebooks_run_out_of_order_or_stale_are_told_once() -> None:
    """theislab/regvelo_reproducibility: 42 near-identical "execution counts jump" messages, one per
    notebook, beside 80 missing data files."""
    stale = {f"nb/{i}_fit.ipynb": notebook([("x = 1", 1), ("y = 2", 3)]) for i in range(5)}
    flow = flow_of({**stale, "nb/late.ipynb": notebook([("x = 1", 4), ("y = 2", 2)])})
    told = group_problems(flow.problems)
    (group,) = [g for g in told if isinstance(g, ProblemGroup)]
    assert (group.code, group.folder) == ("SHR116", "nb/")
    assert group.message.startswith("The saved outputs of 5 notebooks are not from one run from the top")
    jump = "execution counts jump from [1] (code cell 1) to [3] (code cell 2)"
    assert group.places(1) == [("nb/0_fit.ipynb (code cell 2)", "—", jump)]
    assert [p.code for p in told if not isinstance(p, ProblemGroup)] == ["SHR115"]  # (one: on its own)


def test_a_group_of_missing_inputs_keeps_the_hints_of_files_elsewhere() -> None:
    """sim1daniels1/kresling-actuator-thesis-supplementary-code-data: the scripts read `10x_*.csv` next to
    themselves, the files are in `git/data/rampup/`; each problem's "did you mean" hint was lost in the
    group's one message."""
    reads = "".join(f"pd.read_csv('{k}x_full.csv')\n" for k in (10, 20, 40))
    files = {f"scripts/p{i}.py": "import pandas as pd\n" + reads for i in range(2)}
    files |= {f"data/rampup/{k}x_full.csv": "a\n1\n" for k in (10, 20)}
    (group,) = [g for g in group_problems(flow_of(files).problems) if isinstance(g, ProblemGroup)]
    assert group.code == "SHR110"
    assert (
        "if the paths are wrong (the folder has files of those names elsewhere: `data/rampup/10x_full.csv` "
        "for `10x_full.csv`, `data/rampup/20x_full.csv` for `20x_full.csv`), fix them."
    ) in group.message


def test_many_missing_inputs_at_the_top_are_told_once() -> None:
    """egnerney/diffusive-equilibrium-2024-paper-code: 369 missing model files at the top of the folder
    were each told on its own (390 lines of the report); in a subfolder they were told together."""
    files = {
        f"plot_{c}.py": "import pandas as pd\n" + "".join(f"pd.read_csv('{m}_model.csv')\n" for m in "xyz")
        for c in "abc"
    }
    groups = [p for p in group_problems(flow_of(files).problems) if isinstance(p, ProblemGroup)]
    assert [(g.code, g.folder, len(g.problems)) for g in groups] == [("SHR110", "./", 9)]
    assert groups[0].message.startswith("3 scripts read 3 files at the top of the folder that are not")


def test_a_missing_input_a_step_may_make_elsewhere_is_told_on_its_own() -> None:
    """LisaYoungUIUC/astro_figures_code: 32 missing inputs whose messages said "did you mean `x`, which
    `a.py` writes?" were folded into one group that told the reader to download them all."""
    files = {"a.py": "open('out.txt', 'w')\n", "b.py": "".join(f"open('d/x{i}.txt')\n" for i in range(5))}
    files["b.py"] += "open('d/out.txt')\n"
    groups = group_problems(flow_of(files).problems)
    alone = [g for g in groups if not isinstance(g, ProblemGroup)]
    assert [g.target for g in alone] == ["d/out.txt"]
    assert "did you mean `out.txt`, which `a.py` writes?" in alone[0].message
    (group,) = [g for g in groups if isinstance(g, ProblemGroup)]
    assert len(group.problems) == 5


def test_missing_inputs_a_few_in_each_of_many_folders_are_told_in_the_folder_above() -> None:
    """meteorologytoday/plots-A-Hierarchy-of-Global-Ocean-Models-Coupled-to-CESM1: the data to download,
    two files in each of `data/average/EMOM_CTL/`, `data/average/MLM_CTL/`, ..., were each told on their
    own, 28 paragraphs with the same words; a few in another folder of the top one stay each on its own."""
    models = ("EMOM", "MLM", "SOM")
    reads = "".join(f"xr.open_dataset('data/average/{m}/{f}.nc')\n" for m in models for f in "ao")
    files = {
        "fig12.py": "import xarray as xr\n" + reads,
        "fig14.py": "import xarray as xr\nxr.open_dataset('data/average/POP2/x.nc')\n"
        "xr.open_dataset('data/stats/CTL/EMOM/oht.nc')\nxr.open_dataset('data/stats/EXP/EMOM/oht.nc')\n",
    }
    told = group_problems(flow_of(files).problems)
    groups = [g for g in told if isinstance(g, ProblemGroup)]
    assert [(g.code, g.folder, len(g.problems), g.steps) for g in groups] == [
        ("SHR110", "data/average/", 7, ["fig12.py", "fig14.py"])
    ]
    assert groups[0].message.startswith("2 scripts read 7 files under `data/average/` that are not in")
    assert [p.target for p in told if not isinstance(p, ProblemGroup)] == [
        "data/stats/CTL/EMOM/oht.nc",
        "data/stats/EXP/EMOM/oht.nc",
    ]
