"""Values the trace once got wrong where the code chooses between them: a name extended under an `if`,
a test on a parameter left at its default, the names of a loop that unpacks pairs (reviewed research
folders of round 25: KrisJensen/stability_paper_code, adrian-valente/populations_paper_code,
czbiohub-sf/ops-paper-analysis, yotam-lif/evo_paper_code)."""

from __future__ import annotations

from flowkit import flow_of, io


def test_a_name_extended_under_an_if_may_be_either() -> None:
    """`if wds: name += '_wds'` with `wds` from the command line: the script runs with 0 and with 1, and
    both names are written; only the `_wds` ones were listed (4 false SHR110 on the figures reading the
    others)."""
    script = (
        "import sys, pickle\nwds = bool(int(sys.argv[1]))\nfor name in ['DLS', 'MC']:\n"
        "    if wds:\n        name += '_wds'\n"
        "    pickle.dump(1, open('./results/corr_' + name + '.p', 'wb'))\n"
    )
    flow = flow_of({"run_behav.py": script})
    assert flow.step("run_behav.py").writes == (  # type: ignore[union-attr]
        "results/corr_DLS.p",
        "results/corr_DLS_wds.p",
        "results/corr_MC.p",
        "results/corr_MC_wds.p",
    )


def test_a_test_on_a_parameter_left_at_its_default_is_decided() -> None:
    """`ext = '_warped' if parsed else ''` in `load_rat(ratname, parsed=True)`, never called with
    `parsed=False`: only the `_warped` files are opened (29 false SHR110 on `data/<rat>_data.p`)."""
    utils = (
        "import pickle\ndef load_rat(name, parsed=True):\n    ext = '_warped' if parsed else ''\n"
        "    return pickle.load(open('./data/' + name + '_data' + ext + '.p', 'rb'))\n"
    )
    flow = flow_of(
        {
            "utils.py": utils,
            "fit.py": "from utils import load_rat\nd = load_rat('Hindol')\n",
            "raw.py": "from utils import load_rat\nd = load_rat('Hamir', parsed=False)\n",
        }
    )
    assert io(flow, "fit.py") == [("read", "data/Hindol_data_warped.p")]
    assert io(flow, "raw.py") == [("read", "data/Hamir_data.p")]


def test_the_names_of_a_loop_that_unpacks_pairs() -> None:
    """czbiohub-sf/ops-paper-analysis: `for ax, (title, phase_csv, fluor_csv) in zip(axes, PANELS)`;
    yotam-lif/evo_paper_code: `for order, file_path in file_paths.items()`, `for _, file_path in files`,
    `for idx, (path, K) in enumerate(zip(paths, Ks))`: each read was lost (a plain `for path in list` was
    not)."""
    script = (
        "import pandas as pd\n"
        "files = [(4, 'data/k4.pkl'), (8, 'data/k8.pkl')]\n"
        "for k, p in files:\n    pd.read_pickle(p)\n"
        "by_order = {1: 'data/d1.pkl', 2: 'data/d2.pkl'}\n"
        "for order, p in by_order.items():\n    pd.read_pickle(p)\n"
        "PANELS = [('t1', 'data/p1.csv', 'data/f1.csv'), ('t2', 'data/p2.csv', 'data/f2.csv')]\n"
        "for ax, (title, phase, fluor) in zip([1, 2], PANELS):\n"
        "    pd.read_csv(phase)\n    pd.read_csv(fluor)\n"
        "paths = ['data/z1.pkl', 'data/z2.pkl']\n"
        "for idx, (path, K) in enumerate(zip(paths, [4, 8])):\n    pd.read_pickle(path)\n"
        "for csv, color in [('data/c1.csv', 'r'), ('data/c2.csv', 'b')]:\n    pd.read_csv(csv)\n"
        "names = [name for name, _ in files]\n"
        "tables = [pd.read_csv(f) for _, f in [('x', 'data/q.csv')]]\n"
    )
    flow = flow_of({"fig.py": script})
    assert io(flow) == [
        ("read", "data/k4.pkl"),
        ("read", "data/k8.pkl"),
        ("read", "data/d1.pkl"),
        ("read", "data/d2.pkl"),
        ("read", "data/p1.csv"),
        ("read", "data/p2.csv"),
        ("read", "data/f1.csv"),
        ("read", "data/f2.csv"),
        ("read", "data/z1.pkl"),
        ("read", "data/z2.pkl"),
        ("read", "data/c1.csv"),
        ("read", "data/c2.csv"),
        ("read", "data/q.csv"),
    ]


def test_too_many_names_leave_one_part_unknown_not_the_whole_path() -> None:
    """rachelblack3/paper_figures: `f'/data/.../CDFS/{name}_{AE_name}_{stat_name}.png'` over 3 bands, 3
    AE ranges and 4 statistics is 36 names, more than sciship lists; the whole write was dropped (with its
    absolute-path problem) instead of naming what is known."""
    script = (
        "import matplotlib.pyplot as plt\n"
        "for band in ['lower', 'upper', 'exo']:\n"
        "    for ae in ['low', 'mid', 'high']:\n"
        "        for stat in ['p1', 'p2', 'p3', 'iqr']:\n"
        "            plt.savefig(f'/data/rb/CDFS/{band}_{ae}_{stat}.png')\n"
    )
    flow = flow_of({"cdf.py": script})
    written = [path for _, path in io(flow)]
    assert len(written) == 9
    assert "/data/rb/CDFS/lower_low_*.png" in written
    assert [p.code for p in flow.problems] == ["SHR111"] * 9


def test_modules_a_star_import_brings() -> None:
    """adrian-valente/populations_paper_code: `from low_rank_rnns.modules import *` brings `torch` and `np`
    (its helpers import them); `torch.load`, `torch.save` and `np.savez` were missed in 9 notebooks and the
    training scripts, so the figures came before the models they load."""
    flow = flow_of(
        {
            "lib/__init__.py": "",
            "lib/helpers.py": "import numpy as np\nimport torch\n",
            "lib/modules.py": "from lib.helpers import *\n",
            "train.py": (
                "from lib.modules import *\ntorch.save({}, 'models/rank1.pt')\nnp.savez('data/res.npz')\n"
            ),
            "fig.py": "from lib.modules import *\ntorch.load('models/rank1.pt')\nnp.load('data/res.npz')\n",
        }
    )
    assert [s.path for s in flow.steps] == ["train.py", "fig.py"]
    assert io(flow, "fig.py") == [("read", "models/rank1.pt"), ("read", "data/res.npz")]
    assert not flow.problems


def test_a_write_under_a_test_that_a_parameter_is_set() -> None:
    """adrian-valente/populations_paper_code: `if savepath is not None: plt.savefig(...)` in a plotting
    function both notebooks call without `savepath`: nothing is written, but two PDFs were listed."""
    dms = (
        "import matplotlib.pyplot as plt\ndef plot(net, savepath=None):\n    plt.plot([1])\n"
        "    if savepath is not None:\n        plt.savefig(savepath + '_' + str(net) + '.pdf')\n"
    )
    flow = flow_of(
        {
            "dms.py": dms,
            "show.py": "import dms\ndms.plot(3)\n",
            "save.py": "import dms\ndms.plot(3, savepath='figs/traj')\n",
            "none.py": "import dms\ndms.plot(3, savepath=None)\n",
        }
    )
    assert io(flow) == [("write", "figs/traj_3.pdf")]


def test_a_path_made_lower_case_after_it_is_built() -> None:
    """wsavran/pycsep_esrl_reproducibility: `f'../results/cali_{res.sim_name}_{res.name}.json'.replace(' ',
    '_').lower()`: the results the README compares with `expected_output/` were missing."""
    script = (
        "import json\nfor res in ['A B', 'c']:\n"
        "    fname = f'../results/cali_{res}_{name}.json'.replace(' ', '_').lower()\n"
        "    json.dump({}, open(fname, 'w'))\n"
        "    json.dump({}, open(f'../results/Italy_{res}.JSON'.upper(), 'w'))\n"
    )
    flow = flow_of({"scripts/fig4.py": script})
    assert io(flow) == [
        ("write", "results/cali_a_b_*.json"),
        ("write", "results/cali_c_*.json"),
        ("write", "RESULTS/ITALY_A B.JSON"),
        ("write", "RESULTS/ITALY_C.JSON"),
    ]


def test_dots_replaced_in_a_name_with_an_unknown_end() -> None:
    """cantinilab/mowgli_reproducibility, theislab/moscot-framework_reproducibility:
    `f"m_{x}".replace(".", "_") + ".npy"` gave `m_*_.npy` (the rule for a replaced file ending took the
    lone dot for one): no file has that name, and 4 "missing input" problems named it."""
    script = (
        "import sys\nimport numpy as np\nx = sys.argv[1]\n"
        "np.load(f'data/m_{x}'.replace('.', '_') + '.npy')\n"
        "np.save(sys.argv[2].replace('.sam', '_counts.npy'), 1)\n"
    )
    flow = flow_of({"run.py": script})
    assert io(flow) == [("read", "data/m_*.npy"), ("write", "*_counts.npy")]


def test_the_values_of_a_hydra_configuration() -> None:
    """cantinilab/mowgli_reproducibility, stories_reproducibility, moscot-framework_reproducibility: scripts
    run by Hydra (`@hydra.main(config_path="conf", config_name="config")`) build their paths from
    `cfg.data_path` and the like, set in `conf/config.yaml` (with `${...}` in it, groups its `defaults`
    choose, and `key=value` on the command lines that run them): every such path was `*`."""
    config = (
        "defaults:\n  - model: small\n  - _self_\n"
        "data_path: data/processed\nout_dir: ${data_path}/results\nscratch: ${oc.env:TMPDIR}/x\nplot: false\n"
    )
    script = (
        "import hydra\nimport numpy as np\nimport matplotlib.pyplot as plt\n\n"
        "@hydra.main(config_path='conf', config_name='config', version_base=None)\n"
        "def main(cfg):\n"
        "    x = np.load(cfg.data_path + '/rna.npy')\n"
        "    np.save(f'{cfg.out_dir}/{cfg.model.name}_embedding.npy', x)\n"
        "    np.save(cfg['scratch'] + '/tmp.npy', x)\n"
        "    if cfg.plot:\n        plt.savefig('fig.png')\n\n"
        "if __name__ == '__main__':\n    main()\n"
    )
    flow = flow_of(
        {
            "integrate/run_mofa.py": script,
            "integrate/conf/config.yaml": config,
            "integrate/conf/model/small.yaml": "name: mofa_small\nlayers: 2\n",
            "integrate/data/processed/rna.npy": "",
            "run.sh": "cd integrate\npython run_mofa.py data_path=data/other\npython run_mofa.py\n",
        }
    )
    assert io(flow) == [
        ("read", "integrate/data/other/rna.npy"),
        ("read", "integrate/data/processed/rna.npy"),
        ("write", "integrate/data/other/results/mofa_small_embedding.npy"),
        ("write", "integrate/data/processed/results/mofa_small_embedding.npy"),
        ("write", "**/x/tmp.npy"),  # (under a folder only the environment names)
    ]


def test_the_settings_hydra_records_in_a_run_s_folder_are_no_input() -> None:
    """vadmbertr/cyclogeostrophy_impact_experiment: `open(os.path.join(HydraConfig.get().runtime.output_dir,
    ".hydra", "config.yaml"))` reads what Hydra writes into the run's own output folder as the run starts;
    share listed `**/.hydra/config.yaml` as an input to get first. A run folder's other files still count."""
    script = (
        "import os\nimport pandas as pd\nfrom hydra.core.hydra_config import HydraConfig\n\n"
        "def main(cfg):\n    out = HydraConfig.get().runtime.output_dir\n"
        "    with open(os.path.join(out, '.hydra', 'config.yaml')) as f:\n        saved = f.read()\n"
        "    pd.read_csv(os.path.join(out, 'table.csv'))\n\nif __name__ == '__main__':\n    main(None)\n"
    )
    flow = flow_of({"main.py": script})
    assert io(flow) == [("read", "**/.hydra/config.yaml"), ("read", "**/table.csv")]
    assert flow.inputs == ("**/table.csv",)
    assert flow.steps[0].reads == ("**/table.csv",)
    assert [u.location for u in flow.uses] == ["scratch", "folder"]


def test_positional_arguments_declared_in_a_main_block_take_the_words_in_order() -> None:
    """LeoAnd00/CELLULAR_reproducibility, PierreBoyeau/csde_reproducibility: `add_argument` calls inside
    `if __name__ == "__main__":` (or a function) were taken last first, so `python s.py in/data.csv
    out/res.csv` read `out/res.csv` and wrote its raw input."""
    script = (
        "import argparse\nimport pandas as pd\n\ndef main():\n    p = argparse.ArgumentParser()\n"
        "    p.add_argument('infile')\n    p.add_argument('outfile')\n    args = p.parse_args()\n"
        "    pd.read_csv(args.infile).to_csv(args.outfile)\n\n"
        "if __name__ == '__main__':\n    if True:\n        main()\n"
    )
    flow = flow_of({"s.py": script, "run.sh": "python s.py in/data.csv out/res.csv\n", "in/data.csv": ""})
    assert io(flow) == [("read", "in/data.csv"), ("write", "out/res.csv")]


def test_going_back_to_the_folder_the_script_started_in() -> None:
    """azizilab/arcadia_reproducibility: `original_cwd = os.getcwd()`, `os.chdir("sub")`, then
    `os.chdir(original_cwd)`: the writes after it were placed under `sub/`."""
    script = (
        "import os\nimport pandas as pd\noriginal_cwd = os.getcwd()\nos.chdir('sub')\n"
        "pd.read_csv('x.csv')\nos.chdir(original_cwd)\npd.DataFrame().to_csv('results/y.csv')\n"
        "pd.DataFrame().to_csv(os.path.join(os.getcwd(), 'results', 'z.csv'))\n"
    )
    flow = flow_of({"a.py": script, "sub/x.csv": ""})
    assert io(flow) == [("read", "sub/x.csv"), ("write", "results/y.csv"), ("write", "results/z.csv")]


def test_going_back_to_a_folder_taken_after_a_change() -> None:
    """mosdef-hub/reproducibility_study: `os.chdir("analysis_data")`, `base_dir = os.getcwd()`, into each
    job's folder and `os.chdir(base_dir)`: back in `analysis_data/`, not where the script started."""
    script = (
        "import os\nos.chdir('analysis_data')\nbase_dir = os.getcwd()\nos.chdir('job1')\n"
        "open('run.log').read()\nos.chdir(base_dir)\nopen('density_results.txt', 'w')\n"
    )
    flow = flow_of({"analysis.py": script, "analysis_data/job1/run.log": ""})
    assert io(flow) == [
        ("read", "analysis_data/job1/run.log"),
        ("write", "analysis_data/density_results.txt"),
    ]


def test_the_folder_of_the_script_as_it_is_run() -> None:
    """jmuhlich/ashlar-paper-figures: `base_path = pathlib.Path(sys.argv[0]).parent`, then
    `pd.read_csv(base_path / "input/times.csv")`: the script's own folder; and the folder of a path nothing
    tells (`Path(gb.tests.__file__).parent`) is unknown, not the working folder."""
    script = (
        "import pathlib, sys\nimport pandas as pd\nimport graphblas as gb\n"
        "base_path = pathlib.Path(sys.argv[0]).parent\npd.read_csv(base_path / 'input/times.csv')\n"
        "pd.DataFrame().to_pickle(pathlib.Path(gb.tests.__file__).parent / 'pickle1.pkl')\n"
    )
    flow = flow_of({"figures/figure_runtime.py": script, "figures/input/times.csv": ""})
    assert io(flow) == [("read", "figures/input/times.csv"), ("write", "**/pickle1.pkl")]


def test_a_click_command_takes_what_its_command_lines_give() -> None:
    """PierreBoyeau/csde_reproducibility (and isshamie/CH_TSS's tools): scripts take their files through
    click (`@click.argument("input_csv")`, `@click.option("--out-dir", "-o", default="results")`): nothing
    the shell scripts gave them was used, and their writes to unknown paths were dropped."""
    script = (
        "import click\nimport pandas as pd\n\n@click.command()\n"
        "@click.argument('input_csv', type=click.Path(exists=True))\n"
        "@click.option('--out-dir', '-o', default='results')\n"
        "@click.option('--plot/--no-plot', default=False)\n"
        "def main(input_csv, out_dir, plot):\n    df = pd.read_csv(input_csv)\n"
        "    df.to_csv(out_dir + '/processed.csv')\n\nif __name__ == '__main__':\n    main()\n"
    )
    flow = flow_of(
        {
            "prep.py": script,
            "run.sh": "python prep.py data/raw.csv --plot -o data/processed\n",
            "data/raw.csv": "",
            "bare.py": script,
        }
    )
    assert io(flow, "prep.py") == [("read", "data/raw.csv"), ("write", "data/processed/processed.csv")]
    assert io(flow, "bare.py") == [
        ("write", "results/processed.csv")
    ]  # (the default; the input: a placeholder)
    step = flow.step("bare.py")
    assert step is not None
    assert (step.arguments, step.fill_in) == (("INPUT_CSV",), ("INPUT_CSV",))


def test_a_test_on_a_number_the_code_sets() -> None:
    """zouter/ChromatinHD_manuscript (`n_folds = 20`, then `if n_folds == 5:` writes `folds.pkl`),
    theislab/moscot-framework_reproducibility (`if epsilon == 0.01:` saves a figure): writes that never
    happen were listed. A number a command line may change decides nothing."""
    script = (
        "import argparse, pickle\nn_folds = 20\n"
        "if n_folds == 5:\n    pickle.dump(1, open('folds5.pkl', 'wb'))\n"
        "else:\n    pickle.dump(1, open('folds.pkl', 'wb'))\n\ndef plot(epsilon=0.1):\n"
        "    if epsilon == 0.01:\n        open('eps.png', 'w')\n"
        "    if epsilon == 0.5:\n        open('half.png', 'w')\n\n"
        "plot()\nplot(0.5)\n"
        "p = argparse.ArgumentParser()\np.add_argument('--k', type=int, default=3)\nargs = p.parse_args()\n"
        "if args.k == 5:\n    open('k5.txt', 'w')\n"
    )
    flow = flow_of({"folds.py": script})
    assert io(flow) == [("write", "folds.pkl"), ("write", "half.png"), ("write", "k5.txt")]


def test_a_test_whether_a_name_holds_a_text() -> None:
    """saeyslab/harpy_figures: `if isinstance(output, str): output = p_logs / output` on the default
    `output='summary.csv'`: only `logs/<run>/summary.csv` is written, and `summary.csv` next to the
    notebooks was reported too (with a false "written twice" between three notebooks)."""
    helpers = (
        "import pandas as pd\n"
        "def extend(p_logs, output='summary.csv'):\n    df = pd.DataFrame()\n    if output:\n"
        "        if isinstance(output, str):\n            output = p_logs / output\n"
        "        df.to_csv(output, index=False)\n    return df\n"
    )
    flow = flow_of(
        {
            "nb/helpers.py": helpers,
            "nb/run.py": "from helpers import extend\nfrom pathlib import Path\nextend(Path('logs') / 'a')\n",
            "nb/other.py": "from helpers import extend\nextend('logs/b', output=3)\n",
        }
    )
    assert io(flow, "nb/run.py") == [("write", "logs/a/summary.csv")]
    assert io(flow, "nb/other.py") == []


def test_a_switch_the_file_sets_at_its_top() -> None:
    """harmonic-minimization/harmoni_manuscript_codes: `path_save_fig = ''` then `if len(path_save_fig):
    plt.savefig(...)` never writes (sciship said it wrote `sc1.eps`, and `/toys_grad_scenario1`, an
    absolute path); a notebook's `SAVE_FIGURES = False` switches its figures off the same way."""
    flow = flow_of(
        {
            "sim.py": (
                "import matplotlib.pyplot as plt\npath_save_fig = ''\npath_res = ''\n"
                "if len(path_save_fig):\n    plt.savefig(path_save_fig + 'sc1.eps')\n"
                "if path_res:\n    open(path_res + '/toys_grad', 'w')\n"
            ),
            "nb.py": (
                "import matplotlib.pyplot as plt\nSAVE = False\nDO = True\n"
                "if SAVE:\n    plt.savefig('a.png')\n"
                "if DO:\n    plt.savefig('b.png')\nif not SAVE:\n    plt.savefig('c.png')\n"
            ),
        }
    )
    assert io(flow, "sim.py") == []
    assert io(flow, "nb.py") == [("write", "b.png"), ("write", "c.png")]
    assert not flow.problems


def test_a_parameter_handed_on_after_its_none_test_keeps_its_value() -> None:
    """e-olson/Site-specific-multiple-stressor-manuscript-code-Can: `load_stats(path=None)` sets its default
    when given none, then calls `compile_stats(path=path)`, which tests it again: a second, phantom write
    of the default made two steps "write one file"."""
    tools = (
        "import pickle\nDEFAULT = 'cache/'\ndef compile_stats(path=None):\n    if path is None:\n"
        "        path = DEFAULT\n    with open(path + 'stats.pkl', 'wb') as fh:\n"
        "        pickle.dump({}, fh)\ndef load_stats(path=None):\n    if path is None:\n"
        "        path = DEFAULT\n    compile_stats(path=path)\n"
    )
    flow = flow_of(
        {
            "tools.py": tools,
            "a.py": "import tools\ntools.load_stats(path='runA/')\n",
            "b.py": "import tools\ntools.load_stats(path='runB/')\n",
            "c.py": "import tools\ntools.load_stats()\n",
        }
    )
    assert io(flow, "a.py") == [("write", "runA/stats.pkl")]
    assert io(flow, "c.py") == [("write", "cache/stats.pkl")]
    assert not flow.problems


def test_a_parameter_given_a_path_from_a_dict_is_set() -> None:
    """Becksteinlab/multibind-publication-code: `run(scanner, basepath=target_dir['diffusion'])` into
    `if basepath is None: basepath = Path('.')`: the figures were said to go to `img/equil/` too, as if
    nothing were passed (and two notebooks "wrote the same files")."""
    equil = (
        "from pathlib import Path\ndef run(scanner, basepath=None):\n    if basepath is None:\n"
        "        basepath = Path('.')\n    open(basepath / 'img' / 'equil' / 'p.pdf', 'w')\n"
    )
    flow = flow_of(
        {
            "equil.py": equil,
            "model.py": (
                "from pathlib import Path\nfrom equil import run\n"
                "target_dir = {'diffusion': Path('runs') / 'diffusion'}\n"
                "run(1, basepath=target_dir['diffusion'])\n"
            ),
            "rates.py": "from equil import run\nrun(1)\n",
        }
    )
    assert io(flow, "model.py") == [("write", "runs/diffusion/img/equil/p.pdf")]
    assert io(flow, "rates.py") == [("write", "img/equil/p.pdf")]
    assert not flow.problems


def test_a_function_that_only_reads_a_global_name() -> None:
    """wllgrnt/bio-analysis-scripts: `global OUTPUT_PATH` in a function that only reads it made its value
    unknown (`*x.csv` instead of `output_files/230517/x.csv`); a function that sets it still does."""
    flow = flow_of(
        {
            "spots.py": (
                "import pandas as pd\nOUTPUT_PATH = 'output_files/230517/'\n"
                "def create(p, suffix):\n    global OUTPUT_PATH\n    return OUTPUT_PATH + p + suffix\n"
                "pd.DataFrame().to_csv(create('x', '.csv'))\n"
            ),
            "set.py": (
                "import sys\nOUT = 'a/'\ndef setup():\n    global OUT\n    OUT = sys.argv[1]\n"
                "setup()\nopen(OUT + 'y.txt', 'w')\n"
            ),
        }
    )
    assert io(flow, "spots.py") == [("write", "output_files/230517/x.csv")]
    assert io(flow, "set.py") == [("write", "*y.txt")]


def test_a_switch_set_at_the_top_and_passed_to_a_function() -> None:
    """wllgrnt/bio-analysis-scripts: `FILENAME_VARIABLE = None` then `save(df, FILENAME_VARIABLE)` into
    `if fv is not None:`, and `T_VARIES = False` into `if t_varies:`: files written only under those
    tests were listed."""
    flow = flow_of(
        {
            "run.py": (
                "import pandas as pd\nFV = None\nT_VARIES = False\n"
                "def save(df, fv):\n    df.to_csv('a.csv')\n    if fv is not None:\n"
                "        df.to_csv('b_' + fv + '.csv')\n"
                "def plot(t_varies):\n    open('a.png', 'w')\n    if t_varies:\n        open('b.png', 'w')\n"
                "save(pd.DataFrame(), FV)\nplot(T_VARIES)\n"
            ),
        }
    )
    assert io(flow) == [("write", "a.csv"), ("write", "a.png")]


def test_a_name_set_again_later_in_the_loop() -> None:
    """msf235/Robust_representations_paper_code: `save_ctr += 1` after the write of
    `epoch_{e}_save_{save_ctr}.pt` made every checkpoint `..._save_0.pt`: the next time round the loop, the
    name holds what the loop set it to last."""
    flow = flow_of(
        {
            "count.py": (
                "i = 0\nfor x in range(3):\n    with open(f'ckpt_{i}.txt', 'w') as f:\n        f.write('x')\n"
                "    i += 1\nn = 0\nwhile n < 3:\n    open('out_%d.txt' % n, 'w')\n    n = n + 1\n"
                "open(f'after_{i}.txt', 'w')\n"
            ),
            "swap.py": (
                "out = 'a.txt'\nfor k in range(2):\n    open(out, 'w')\n    out = 'b.txt'\n"
                "open('c.txt', 'w')\nfor k in range(2):\n    name = 'd.txt'\n    open(name, 'w')\n"
                "    name = 'e.txt'\n"
            ),
        }
    )
    assert io(flow, "count.py") == [("write", "ckpt_*.txt"), ("write", "out_*.txt"), ("write", "after_*.txt")]
    # (set again before the use in the same round: what it reads is what that sets: galsci/pysm_methods_paper)
    assert sorted(io(flow, "swap.py")) == [
        ("write", "a.txt"),
        ("write", "b.txt"),
        ("write", "c.txt"),
        ("write", "d.txt"),
    ]


def test_a_test_on_two_endings_no_text_has_at_once() -> None:
    """jakeormond/robot_maze_analysis_code: `if not filename.endswith('.pickle') or not
    filename.endswith('.pkl'): filename += '.pickle'` always adds the ending; every save was also told
    without it (197 false absolute-path writes)."""
    lib = (
        "import os, pickle\ndef save_pickle(data, filename, folder):\n"
        "    if not filename.endswith('.pickle') or not filename.endswith('.pkl'):\n"
        "        filename = filename + '.pickle'\n"
        "    pickle.dump(data, open(os.path.join(folder, filename), 'wb'))\n"
    )
    run = "from lib import save_pickle\nsave_pickle({}, 'res', 'out')\n"
    flow = flow_of({"lib.py": lib, "run.py": run})
    assert io(flow, "run.py") == [("write", "out/res.pickle")]


def test_the_names_of_a_loop_over_pairs_take_one_pair_each_time_round() -> None:
    """TonyTran03/synthetic_data_paper_code: `for dataset, number in TABLES.items()` wrote every name with
    every number by sciship's count (12 tables made up); with other pairs in another script, false
    SHR113s. The same for `zip` of written-out lists, a list of tuples, and a function given both."""
    first = (
        "import pandas as pd\ndf = pd.DataFrame()\n"
        "for name, number in {'hiv': 's2', 'breast': 's3'}.items():\n"
        "    df.to_csv(f'out/{number}_{name}.csv')\n"
        "for a, b in zip(['x', 'y'], ['1.csv', '2.csv']):\n    df.to_csv(f'z/{a}_{b}')\n"
        "for a, (b, c) in [('p', ('q', 'r')), ('s', ('t', 'u'))]:\n    df.to_csv(f'w/{a}_{b}{c}.csv')\n"
        "def save(n, k):\n    df.to_csv(f'v/{n}_{k}.csv')\n"
        "for n, k in {'m': '1', 'o': '2'}.items():\n    save(n, k)\n"
    )
    second = (
        "import pandas as pd\ndf = pd.DataFrame()\n"
        "for name, number in {'hiv': 's3', 'breast': 's2'}.items():\n"
        "    df.to_csv(f'out/{number}_{name}.csv')\n"
    )
    flow = flow_of({"first.py": first, "second.py": second})
    assert not flow.problems
    assert {s.path: s.writes for s in flow.steps} == {
        "first.py": (
            "out/s2_hiv.csv",
            "out/s3_breast.csv",
            "v/m_1.csv",
            "v/o_2.csv",
            "w/p_qr.csv",
            "w/s_tu.csv",
            "z/x_1.csv",
            "z/y_2.csv",
        ),
        "second.py": ("out/s2_breast.csv", "out/s3_hiv.csv"),
    }


def test_a_loop_over_a_list_set_in_branches_goes_over_each_branch_s_list() -> None:
    """manansaxena/fenrir_paper_code: `if vary == 'N': N_vals = [...]` `elif vary == 'D': N_vals = [...]`,
    then a loop over `N_vals`: only the last branch's list was gone over, and the job scripts of the
    paper's varying-N runs were missing while the list looked complete."""
    source = (
        "import sys\nvary = sys.argv[1]\nif vary == 'N':\n    sizes = ['200', '500']\n"
        "elif vary == 'D':\n    sizes = ['600']\nfor s in sizes:\n    open(f'out_{s}.txt', 'w')\n"
    )
    step = flow_of({"make.py": source}).step("make.py")
    assert step is not None
    assert step.writes == ("out_200.txt", "out_500.txt", "out_600.txt")
    decided = source.replace("vary = sys.argv[1]", "vary = 'D'")
    step = flow_of({"make.py": decided}).step("make.py")
    assert step is not None
    assert step.writes == ("out_600.txt",)


def test_the_side_where_a_test_of_equality_fails_holds_none_of_its_texts() -> None:
    """talmolab/lablink-paper-figures: `formats = ["png", "pdf"] if args.format == "both" else
    [args.format]` (default "both"), then a figure of each format: `x.both` was among them.
    ahansenlab/ZNF143_analysis_code: `mcool_files = [""]`, a list to fill in, zipped with another: its
    tables were `.csv`."""
    source = (
        "import argparse\nimport os\nimport matplotlib.pyplot as plt\np = argparse.ArgumentParser()\n"
        "p.add_argument('--format', default='both')\nargs = p.parse_args()\n"
        "formats = ['png', 'pdf'] if args.format == 'both' else [args.format]\n"
        "for fmt in formats:\n    plt.savefig(f'fig.{fmt}')\n"
        "files = ['']\nclrs = [load(f) for f in files]\nfor c, m in zip(clrs, files):\n"
        "    c.to_csv(os.path.join('', m.split('.')[0] + '.csv'))\n"
    )
    assert sorted(io(flow_of({"plot.py": source}))) == [
        ("write", "*.csv"),
        ("write", "fig.*"),
        ("write", "fig.pdf"),
        ("write", "fig.png"),
    ]
