"""Paths a script takes from a settings file of the folder it loads itself (`yaml.safe_load(open(...))`,
`json.load`, `OmegaConf.load`): the values are read from that file, statically; a key the file lacks stays
unknown (round 33)."""

from __future__ import annotations

from pathlib import Path

from flowkit import flow_of, graph, io

from helpers import write_tree
from sciship.flow import trace
from sciship.project import Project

_CONFIG = "data:\n  raw: data/raw.csv\n  clean: data/clean.csv\n  empty:\nout_dir: out\n"


def test_paths_from_a_yaml_settings_file_the_script_loads() -> None:
    """`cfg = yaml.safe_load(open("config.yaml"))`, then `pd.read_csv(cfg["data"]["raw"])`: the read was
    unseen (only `config.yaml` was read), and `np.save(os.path.join(cfg["out_dir"], "x"), a)` wrote
    `**/x.npy`. A key the file lacks, or leaves empty, stays unknown: no false missing input."""
    clean = (
        "import os\nimport yaml\nimport numpy as np\nimport pandas as pd\n"
        "cfg = yaml.safe_load(open('config.yaml'))\n"
        "df = pd.read_csv(cfg['data']['raw'])\n"
        "df.to_csv(cfg['data']['clean'])\n"
        "np.save(os.path.join(cfg['out_dir'], 'x'), df.values)\n"
        "pd.read_csv(cfg['data']['missing'])\n"
        "pd.read_csv(cfg['data']['empty'])\n"
    )
    fit = (
        "import yaml\nimport pandas as pd\n"
        "with open('config.yaml') as f:\n    cfg = yaml.safe_load(f)\n"
        "data = cfg['data']\n"
        "pd.read_csv(data['clean']).to_pickle(cfg.get('out_dir') + '/model.pkl')\n"
    )
    flow = flow_of({"clean.py": clean, "fit.py": fit, "config.yaml": _CONFIG, "data/raw.csv": ""})
    assert graph(flow) == {
        "steps": [
            {
                "order": 1,
                "path": "clean.py",
                "kind": "script",
                "workdir": "",
                "reads": ["config.yaml", "data/raw.csv"],
                "writes": ["data/clean.csv", "out/x.npy"],
                "after": [],
            },
            {
                "order": 2,
                "path": "fit.py",
                "kind": "script",
                "workdir": "",
                "reads": ["config.yaml", "data/clean.csv"],
                "writes": ["out/model.pkl"],
                "after": ["clean.py"],
            },
        ],
        "inputs": ["config.yaml", "data/raw.csv"],
        "outputs": ["data/clean.csv", "out/model.pkl", "out/x.npy"],
        "missing": [],
        "external": [],
        "problems": [],
    }


def test_paths_from_json_and_omegaconf_settings_and_another_modules_settings() -> None:
    """`json.load(open("params.json"))["input"]`, `OmegaConf.load(p).data.raw`, and `CFG["data"]["raw"]`
    with `CFG` loaded in the folder's `settings.py`: each the file's value."""
    script = (
        "import json\nimport pandas as pd\nfrom omegaconf import OmegaConf\nfrom settings import CFG\n"
        "p = json.load(open('params.json'))\n"
        "pd.read_csv(p['input'])\n"
        "oc = OmegaConf.load('config.yaml')\n"
        "pd.read_csv(oc.data.raw).to_csv(oc.out_dir + '/a.csv')\n"
        "pd.read_csv(CFG['data']['clean'])\n"
    )
    flow = flow_of(
        {
            "run.py": script,
            "settings.py": "import yaml\nCFG = yaml.safe_load(open('config.yaml'))\n",
            "config.yaml": _CONFIG,
            "params.json": '{"input": "data/in.csv"}',
            "data/raw.csv": "",
            "data/in.csv": "",
            "data/clean.csv": "",
        }
    )
    assert io(flow) == [
        ("read", "config.yaml"),  # (by importing settings.py)
        ("read", "params.json"),
        ("read", "data/in.csv"),
        ("read", "config.yaml"),
        ("read", "data/raw.csv"),
        ("write", "out/a.csv"),
        ("read", "data/clean.csv"),
    ]


def test_the_settings_file_is_the_one_the_command_names_and_found_where_the_script_runs() -> None:
    """`--config` with a default, and a pipeline that passes another file: that file's values. A script
    in `sub/` that opens `settings.yaml`, with one in `sub/` and one at the top: which one it finds
    depends on where it runs, so their values, which differ, stay unknown."""
    one = (
        "import argparse\nimport yaml\nimport pandas as pd\n"
        "p = argparse.ArgumentParser()\np.add_argument('--config', default='configs/a.yaml')\n"
        "args = p.parse_args()\n"
        "with open(args.config) as f:\n    cfg = yaml.safe_load(f)\n"
        "pd.read_csv(cfg['raw'])\n"
    )
    two = "import yaml, pandas as pd\ncfg = yaml.safe_load(open('settings.yaml'))\npd.read_csv(cfg['raw'])\n"
    flow = flow_of(
        {
            "src/one.py": one,
            "run.sh": "python src/one.py --config configs/b.yaml\n",
            "configs/a.yaml": "raw: data/raw.csv\n",
            "configs/b.yaml": "raw: data/other.csv\n",
            "data/other.csv": "",
            "sub/two.py": two,
            "sub/settings.yaml": "raw: sub/x.csv\n",
            "settings.yaml": "raw: top/x.csv\n",
        }
    )
    assert io(flow) == [
        ("read", "configs/b.yaml"),
        ("read", "data/other.csv"),
        ("read", "settings.yaml"),
    ]


def test_an_absolute_folder_a_settings_file_sets_is_named_in_its_problem(tmp_path: Path) -> None:
    """isshamie/CH_TSS: `doc["global"]["RESULTS"]` of `parameters/params.yaml` is a folder on the author's
    computer; the advice was to "set the folder in one place", which the authors had: the problem now
    names that place, as for a module's `DATA_DIR = "/data/..."`."""
    root = write_tree(
        tmp_path / "study",
        {
            "parameters/params.yaml": (
                "global:\n  RESULTS: '/data/me/TSS/results/'\n  GFF: '/data/me/genome/x.gff'\n"
            ),
            "notebooks/a.py": (
                "import yaml\nimport pandas as pd\nwith open('../parameters/params.yaml') as f:\n"
                "    doc = yaml.safe_load(f)\nres = doc['global']['RESULTS']\n"
                "pd.read_csv(res + 'table.csv')\npd.read_csv(doc['global']['GFF'])\n"
            ),
        },
    )
    flow = trace(Project.load(root), cache=False)
    got = [(p.code, p.target, p.set_in) for p in flow.problems]
    assert got == [
        ("SHR111", "/data/me/TSS/results/table.csv", "parameters/params.yaml:2 (`global.RESULTS`)"),
        ("SHR111", "/data/me/genome/x.gff", "parameters/params.yaml:3 (`global.GFF`)"),
    ]
    assert "The folder is set in one place, `global.RESULTS` in `parameters/params.yaml` (line 2)" in (
        flow.problems[0].message
    )
