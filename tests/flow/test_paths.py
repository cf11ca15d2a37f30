"""Path expressions: how a path argument is built, where relative paths start, patterns, and what counts as
missing. In-memory folders, except where git or the disk matter."""

from __future__ import annotations

from pathlib import Path

import pytest
from flowkit import flow_of, graph, io, notebook

from helpers import git, write_tree
from sciship.flow import trace
from sciship.project import Project

EXPRESSIONS = [
    ("open(r'data\\raw\\x.csv')", "data/raw/x.csv"),
    ("import os\nopen(os.path.join('data', 'raw', 'x.csv'))", "data/raw/x.csv"),
    ("from pathlib import Path\nopen(Path('data') / 'raw' / 'x.csv')", "data/raw/x.csv"),
    ("from pathlib import Path\nopen(Path('data', 'x.csv'))", "data/x.csv"),
    ("import os\nDATA = 'data'\nopen(os.path.join(DATA, 'x.csv'))", "data/x.csv"),
    ("DATA = 'data/'\nopen(DATA + 'x.csv')", "data/x.csv"),
    ("DATA = 'data'\nopen(f'{DATA}/x.csv')", "data/x.csv"),
    ("DATA = 'data'\nopen('{}/x.csv'.format(DATA))", "data/x.csv"),
    ("DATA = 'data'\nopen('{d}/x.csv'.format(d=DATA))", "data/x.csv"),
    # (a number is its digits, as in an f-string: michael-petersen/LinearResponse-paper's `K{}`, `Ku_{}`)
    ("open('D-{}-K{}-{}.h5'.format('plummer', 200, '-12'))", "D-plummer-K200--12.h5"),
    ("Ku = 200\nopen('Ku_{0}_rb_{r}.h5'.format(Ku, r=5.0))", "Ku_200_rb_5.0.h5"),
    ("DATA = 'data'\nopen('%s/x.csv' % DATA)", "data/x.csv"),
    ("import os\nopen(os.path.normpath('data/./raw/../x.csv'))", "data/x.csv"),
    ("PATHS = {'raw': 'data/raw.csv'}\nopen(PATHS['raw'])", "data/raw.csv"),
    ("FILES = ['a.csv', 'b.csv']\nopen(FILES[1])", "b.csv"),
    ("import os\nopen(os.path.splitext('data/x.csv')[0] + '.json')", "data/x.json"),
    ("from pathlib import Path\nopen(Path('data/x.csv').with_suffix('.json'))", "data/x.json"),
    (
        "from pathlib import Path\nsrc = Path('data/x.csv')\nopen(src.parent / (src.stem + '_clean.csv'))",
        "data/x_clean.csv",
    ),
    ("p = 'data/x.csv'\nopen(p.replace('.csv', '.txt'))", "data/x.txt"),
    ("import os\nopen(os.environ.get('DATA', 'data/x.csv'))", "data/x.csv"),
    ("import sys\nopen(sys.argv[1] if len(sys.argv) > 1 else 'data/x.csv')", "data/x.csv"),
    # a later assignment wins, for the lines after it
    ("p = 'a.csv'\np = 'b.csv'\nopen(p)", "b.csv"),
    ("p = 'data'\np += '/x.csv'\nopen(p)", "data/x.csv"),
]


@pytest.mark.parametrize(("source", "path"), EXPRESSIONS, ids=[e[0].split("\n")[-1] for e in EXPRESSIONS])
def test_expression(source: str, path: str) -> None:
    assert io(flow_of({"run.py": source + "\n"})) == [("read", path)]


PATTERNS = [
    ("import numpy as np\nfor i in range(3):\n    np.save(f'results/run_{i}.npy', i)", "results/run_*.npy"),
    ("import numpy as np\nnp.save('results/run_{}.npy'.format(i), 1)", "results/run_*.npy"),
    ("import numpy as np\nnp.save('results/run_%03d' % i, 1)", "results/run_*.npy"),
    ("import numpy as np\nnp.save(f'results/run_{i:03d}', 1)", "results/run_*.npy"),
    ("import matplotlib.pyplot as plt\nplt.savefig(f'figs/{name}.pdf')", "figs/*.pdf"),
]


@pytest.mark.parametrize(("source", "path"), PATTERNS, ids=[p[1] + str(i) for i, p in enumerate(PATTERNS)])
def test_unknown_parts_make_a_pattern(source: str, path: str) -> None:
    flow = flow_of({"run.py": source + "\n"})
    (use,) = flow.uses
    assert (use.path, use.pattern) == (path, True)


def test_loops_over_files() -> None:
    flow = flow_of(
        {
            "run.py": (
                "import glob, os\nimport pandas as pd\nfrom pathlib import Path\nimport numpy as np\n"
                "for f in sorted(glob.glob('data/*.csv')):\n    pd.read_csv(f)\n"
                "for p in Path('images').glob('*.png'):\n    p.read_bytes()\n"
                "for name in os.listdir('raw'):\n    open(os.path.join('raw', name))\n"
                "for sample in ['a', 'b']:\n    np.load(f'arrays/{sample}.npy')\n"
                "tables = [pd.read_csv(f) for f in glob.glob('tables/*.tsv')]\n"
                "frames = list(map(pd.read_csv, glob.glob('more/*.csv')))\n"
                "for i, f in enumerate(glob.glob('enum/*.txt')):\n    open(f)\n"
            )
        }
    )
    assert io(flow) == [
        ("read", "data/*.csv"),
        ("read", "images/*.png"),
        ("read", "raw/*"),
        ("read", "arrays/a.npy"),
        ("read", "arrays/b.npy"),
        ("read", "tables/*.tsv"),
        ("read", "more/*.csv"),
        ("read", "enum/*.txt"),
    ]


def test_functions_are_followed_with_their_arguments() -> None:
    flow = flow_of(
        {
            "run.py": (
                "import os\nimport pandas as pd\n\n"
                "def load(name, folder='data'):\n    return pd.read_csv(os.path.join(folder, name))\n\n"
                "def main():\n    load('a.csv')\n    load('b.csv', folder='extra')\n\n"
                "if __name__ == '__main__':\n    main()\n"
            )
        }
    )
    assert io(flow) == [("read", "data/a.csv"), ("read", "extra/b.csv")]
    assert [u.line for u in flow.uses] == [5, 5]


def test_helper_module_functions_count_for_the_step_that_calls_them() -> None:
    flow = flow_of(
        {
            "lib/io_helpers.py": (
                "import numpy as np\nOUT = 'results'\n\ndef save(name, arr):\n    np.save(f'{OUT}/{name}', "
                "arr)\n"
            ),
            "run.py": "import sys\nsys.path.append('lib')\nfrom io_helpers import save\n\nsave('means', "
            "[1])\n",
        }
    )
    (use,) = flow.uses
    assert (use.source, use.path, use.line, use.via) == (
        "run.py",
        "results/means.npy",
        5,
        "lib/io_helpers.py:5",
    )
    assert [s.path for s in flow.steps] == ["run.py"]


def test_names_of_one_loop_take_the_same_element_together() -> None:
    """``for year in YEARS: train(year, f"out/{year}")``: the helper writes ``out/2013/model_2013.h5``
    and ``out/1981/model_1981.h5``, never ``out/2013/model_1981.h5``; two loops over one list stay two."""
    source = (
        "import numpy as np\n\nYEARS = ['2013', '1981']\n\n"
        "def train(year, folder):\n    np.save(f'{folder}/model_{year}', 1)\n\n"
        "def compare(a, b):\n    np.save(f'cmp/{a}_{b}', 1)\n\n"
        "for year in YEARS:\n    train(year, f'out/{year}')\n"
        "for a in YEARS:\n    for b in YEARS:\n        compare(a, b)\n"
    )
    written = sorted(path for access, path in io(flow_of({"run.py": source})) if access == "write")
    assert written == [
        "cmp/1981_1981.npy",
        "cmp/1981_2013.npy",
        "cmp/2013_1981.npy",
        "cmp/2013_2013.npy",
        "out/1981/model_1981.npy",
        "out/2013/model_2013.npy",
    ]


def test_functions_nobody_calls_do_not_run() -> None:
    flow = flow_of(
        {"run.py": "import numpy as np\n\ndef unused():\n    np.save('never', 1)\n\nprint('hi')\n"}
    )
    assert flow.uses == ()


def test_argparse_defaults_are_what_runs_without_options() -> None:
    flow = flow_of(
        {
            "count.py": (
                "import argparse\nimport pandas as pd\n\n"
                "def main():\n    parser = argparse.ArgumentParser()\n"
                "    parser.add_argument('--data', default='data/counts.csv')\n"
                "    parser.add_argument('--out-file', default='results/summary.csv')\n"
                "    parser.add_argument('input', nargs='?')\n"
                "    args = parser.parse_args()\n"
                "    df = pd.read_csv(args.data)\n    df.to_csv(args.out_file)\n    open(args.input)\n\n"
                "main()\n"
            )
        }
    )
    assert io(flow) == [("read", "data/counts.csv"), ("write", "results/summary.csv")]


@pytest.mark.parametrize(
    "known", ["args, _ = parser.parse_known_args()", "(args, rest) = parser.parse_known_args()"]
)
def test_argparse_defaults_through_parse_known_args_unpacked(known: str) -> None:
    """czbiohub-sf/rnaquarium-figures: `_args, _ = parser.parse_known_args()`, the options and the rest:
    the reads its options' defaults name went unseen."""
    source = (
        "import argparse\nimport pandas as pd\nparser = argparse.ArgumentParser()\n"
        "parser.add_argument('--rosetta', default='data/rosetta.tsv')\n" + known + "\n"
        "pd.read_csv(args.rosetta, sep='\\t')\nrest = None\n"
    )
    assert io(flow_of({"count.py": source})) == [("read", "data/rosetta.tsv")]
    assert io(flow_of({"count.py": source.replace("args.rosetta", "_.rosetta")})) == []


def test_optparse_defaults_are_what_runs_without_options() -> None:
    """spzwart/JuMBOs-paper: `o, arguments = new_option_parser().parse_args()` of an optparse parser (as
    AMUSE's scripts all build one), then `read_set_from_file(o.filename)` with `add_option("-f",
    dest="filename", default="jumbos_i0000.amuse")`: the snapshot read went unseen; a run script's `-f`
    gives another file."""
    source = (
        "from optparse import OptionParser\nimport pandas as pd\n\n"
        "def new_option_parser():\n    result = OptionParser()\n"
        "    result.add_option('-f', dest='filename', default='data/counts.csv', help='[%default]')\n"
        "    result.add_option('--out-file', default='results/summary.csv')\n"
        "    result.add_option('-v', action='store_true', dest='verbose', default=False)\n"
        "    return result\n\n"
        "if __name__ == '__main__':\n    o, arguments = new_option_parser().parse_args()\n"
        "    pd.read_csv(o.filename).to_csv(o.out_file)\n"
    )
    expected = [("read", "data/counts.csv"), ("write", "results/summary.csv")]
    assert io(flow_of({"count.py": source})) == expected
    flow = flow_of({"count.py": source, "run.sh": "python count.py -v -f data/other.csv\n"})
    assert io(flow, "count.py") == [("read", "data/other.csv"), ("write", "results/summary.csv")]


def test_a_list_picked_by_a_name_set_once_is_that_element() -> None:
    """meteorologytoday/plots-A-Hierarchy-of-Global-Ocean-Models-Coupled-to-CESM1: `mode_selection = 4`,
    then `EOF_MODE = ["ENSO", "AO", "AAO", "NAO", "PDO"][mode_selection]`: plot_fig05.py read and wrote the
    files of all five modes. A name set more than once, in a branch, by a loop or by a function stays any
    element."""
    source = (
        "import sys\nmode = 4\nEOF_MODE = ['ENSO', 'AO', 'AAO', 'NAO', 'PDO'][mode]\n"
        "open('data/atm_%s.nc' % EOF_MODE)\nkey = 'b'\nopen({'a': 'da.csv', 'b': 'db.csv'}[key])\n"
        "i = 0\nfor f in ['a', 'b']:\n    open(['x.txt', 'y.txt'][i])\n    i += 1\n"
        "if len(sys.argv) > 1:\n    j = 0\nelse:\n    j = 1\nopen(['p.txt', 'q.txt'][j])\n"
        "n = 0\ndef g():\n    open(['g0.txt', 'g1.txt'][n])\nfor n in range(2):\n    g()\n"
        "m = 1\ndef h():\n    global m\n    m = 0\nh()\nopen(['h0.txt', 'h1.txt'][m])\n"
    )
    reads = sorted(path for _, path in io(flow_of({"a.py": source})))
    assert reads == [
        "data/atm_PDO.nc",
        "db.csv",
        "g0.txt",
        "g1.txt",
        "h0.txt",
        "h1.txt",
        "p.txt",
        "q.txt",
        "x.txt",
        "y.txt",
    ]


PARSERS = [
    "    return parser.parse_args()\n",
    "    if False:\n        return parser.parse_args([])\n    return parser.parse_args()\n",
    "    return parser.parse_known_args()[0]\n",
    "    return parser.parse_intermixed_args()\n",
]


@pytest.mark.parametrize("returns", PARSERS, ids=["plain", "two returns", "known", "intermixed"])
def test_argparse_defaults_through_the_scripts_own_parse_function(returns: str) -> None:
    """``args = parse_args()``, where the script's own function returns what the parser parsed, gives
    the options' defaults as ``parser.parse_args()`` does."""
    source = (
        "import argparse\nimport pandas as pd\n\n"
        "def parse_args():\n    parser = argparse.ArgumentParser()\n"
        "    parser.add_argument('--data', default='data/counts.csv')\n"
        "    parser.add_argument('--out', default='results/summary.csv')\n" + returns + "\n"
        "def main():\n    args = parse_args()\n    pd.read_csv(args.data).to_csv(args.out)\n\n"
        "main()\n"
    )
    expected = [("read", "data/counts.csv"), ("write", "results/summary.csv")]
    assert io(flow_of({"count.py": source})) == expected


@pytest.mark.parametrize(
    "body",
    [
        "    args = parser.parse_args()\n    return args.data\n",  # returns something else
        "    parser.parse_args()\n",  # returns nothing
        "    return helper()\n",
    ],
)
def test_a_function_that_does_not_return_the_parsed_arguments(body: str) -> None:
    source = (
        "import argparse\nimport pandas as pd\n\n"
        "def parse_args():\n    parser = argparse.ArgumentParser()\n"
        "    parser.add_argument('--data', default='data/counts.csv')\n" + body + "\n"
        "args = parse_args()\npd.read_csv(args.data)\n"
    )
    assert io(flow_of({"count.py": source})) == []


@pytest.mark.parametrize("star", ["from helpers import *\n", ""])
@pytest.mark.parametrize("add", ["add_argument", "\uff41dd_argument"])  # the second is NFKC for the first
def test_argparse_defaults_found_by_the_word(add: str, star: str) -> None:
    """Options are looked for on the lines naming add_argument, also when `from helpers import *` makes
    every statement worth searching for calls, and when only Python's NFKC reading of names makes that
    word."""
    flow = flow_of(
        {
            "helpers.py": "def tidy(df):\n    return df\n",
            "count.py": (
                f"import argparse\nimport pandas as pd\nfrom helpers import tidy\n{star}\n"
                "parser = argparse.ArgumentParser()\n"
                f"parser.{add}('--data', default='data/counts.csv')\n"
                "args = parser.parse_args()\ntidy(pd.read_csv(args.data)).to_csv('out.csv')\n"
            ),
        }
    )
    assert io(flow) == [("read", "data/counts.csv"), ("write", "out.csv")]


def test_constants_from_a_helper_module() -> None:
    files = {
        "settings.py": "from pathlib import Path\nROOT = Path(__file__).parent\nDATA = ROOT / 'data'\nOUT = "
        "'out'\n",
        "analysis/run.py": (
            "import settings\nfrom settings import DATA\nimport numpy as np\n"
            "np.load(DATA / 'x.npy')\nnp.save(settings.OUT + '/y', 1)\n"
        ),
    }
    assert io(flow_of(files)) == [("read", "data/x.npy"), ("write", "out/y.npy")]


@pytest.mark.parametrize(
    "load",
    [
        (
            "import importlib.util\n"
            'spec = importlib.util.spec_from_file_location("settings", "config/settings.py")\n'
            "cfg = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(cfg)\n"
        ),
        (
            "from importlib.machinery import SourceFileLoader\n"
            'cfg = SourceFileLoader("settings", "config/settings.py").load_module()\n'
        ),
        (
            "import imp, os\n"
            'cfg = imp.load_source("s", os.path.join(os.path.dirname(__file__), "config", "settings.py"))\n'
        ),
    ],
)
def test_a_module_loaded_by_its_path_is_imported(load: str) -> None:
    """`cfg = SourceFileLoader("settings", "config/settings.py").load_module()`: `cfg.DATA_FILE` is the
    module's constant and `cfg.load()` its function, as after `import settings` (s33: both were unseen)."""
    files = {
        "config/settings.py": "import pandas as pd\nDATA_FILE = 'data/raw.csv'\n"
        "def load():\n    return pd.read_csv('data/other.csv')\n",
        "data/raw.csv": "",
        "data/other.csv": "",
        "b.py": "import pandas as pd\n" + load + "pd.read_csv(cfg.DATA_FILE).to_csv('out.csv')\ncfg.load()\n",
        "scripts/up.py": "import os\nfrom importlib.machinery import SourceFileLoader\n"
        "cfg = SourceFileLoader('settings', os.path.join(os.path.dirname(__file__), '../config/settings.py'))"
        ".load_module()\nopen(cfg.DATA_FILE)\n",
        "scripts/far.py": "from importlib.machinery import SourceFileLoader\n"
        "cfg = SourceFileLoader('settings', '/home/me/settings.py').load_module()\nopen(cfg.DATA_FILE)\n",
    }
    flow = flow_of(files)
    assert [s.path for s in flow.steps] == ["b.py", "scripts/far.py", "scripts/up.py"]
    assert io(flow, "b.py") == [("read", "data/raw.csv"), ("write", "out.csv"), ("read", "data/other.csv")]
    assert io(flow, "scripts/up.py") == [("read", "data/raw.csv")]
    assert io(flow, "scripts/far.py") == []  # (a file on the author's disk: its constants are unknown)
    assert flow.problems == ()


def test_a_module_the_scripts_run_with_exec_is_imported() -> None:
    """meteorologytoday/plots-A-Hierarchy-of-Global-Ocean-Models-Coupled-to-CESM1: `with open("./colordef.py")
    as infile: exec(infile.read())` runs colordef.py inside the figure script, as `from colordef import *`:
    colordef.py was a step of its own, to run first, that did nothing."""
    files = {
        "colordef.py": "OUT = 'figures/fig14.png'\ncolors = {'SOM': 'k'}\n",
        "fig14.py": "import matplotlib.pyplot as plt\nwith open('./colordef.py') as infile:\n"
        "    exec(infile.read())\nplt.savefig(OUT)\n",
        "figS02.py": "import matplotlib.pyplot as plt\n"
        "exec(compile(open('colordef.py').read(), 'c', 'exec'))\nplt.savefig('figures/s02.png')\n",
        "other.py": "exec(open('/home/me/colordef.py').read())\nopen('x.txt', 'w')\n",
    }
    flow = flow_of(files)
    assert [s.path for s in flow.steps] == ["fig14.py", "figS02.py", "other.py"]
    # (the module it runs is no data it reads: see test_a_script_a_step_runs_is_no_data_it_reads)
    assert io(flow, "fig14.py") == [("write", "figures/fig14.png")]
    assert io(flow, "figS02.py") == [("write", "figures/s02.png")]


def test_file_relative_paths_start_at_the_script() -> None:
    files = {
        "analysis/run.py": (
            "import os\nfrom pathlib import Path\nHERE = Path(__file__).resolve().parent\n"
            "open(HERE / 'input.csv')\n"
            "open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'x.csv'))\n"
            "open(Path(__file__).parents[1] / 'top.txt')\n"
        ),
        "analysis/input.csv": "",
        "data/x.csv": "",
        "top.txt": "",
    }
    flow = flow_of(files)
    assert io(flow) == [("read", "analysis/input.csv"), ("read", "data/x.csv"), ("read", "top.txt")]
    assert flow.problems == ()


def test_scripts_run_from_the_root_unless_their_paths_say_otherwise() -> None:
    files = {
        "scripts/from_root.py": "open('data/x.csv')\n",
        "scripts/from_here.py": "open('../data/x.csv')\nopen('local.txt')\n",
        "scripts/local.txt": "",
        "data/x.csv": "",
    }
    flow = flow_of(files)
    workdirs = {s.path: s.workdir for s in flow.steps}
    assert workdirs == {"scripts/from_root.py": "", "scripts/from_here.py": "scripts"}
    assert flow.problems == ()
    assert set(flow.inputs) == {"data/x.csv", "scripts/local.txt"}


def test_the_os_names_for_parts_of_a_path() -> None:
    """``os.pardir``, ``os.curdir``, ``os.sep`` and ``os.extsep`` (also from ``os.path``, and imported by
    name) are the texts they stand for: a script that builds ``../figures`` from ``os.pardir`` runs from
    its own folder and writes into ``figures/``, not into a folder sciship cannot name."""
    files = {
        "scripts/fig.py": (
            "import os\n"
            "fig_path = os.path.join(os.pardir, 'figures')\n"
            "data = open(os.path.join(os.path.pardir, 'data', 'x' + os.extsep + 'csv'))\n"
            "open(os.path.join(fig_path, 'a.png'), 'w')\n"
            "open(os.curdir + os.sep + 'local.txt')\n"
        ),
        "scripts/named.py": (
            "from os import pardir, sep\nfrom os.path import curdir\n"
            "open(pardir + sep + 'data' + sep + 'y.csv')\nopen(curdir + sep + 'local.txt')\n"
        ),
        "scripts/local.txt": "",
        "data/x.csv": "",
        "data/y.csv": "",
    }
    flow = flow_of(files)
    assert io(flow, "scripts/fig.py") == [
        ("read", "data/x.csv"),
        ("write", "figures/a.png"),
        ("read", "scripts/local.txt"),
    ]
    assert io(flow, "scripts/named.py") == [("read", "data/y.csv"), ("read", "scripts/local.txt")]
    assert flow.problems == ()


def test_a_name_a_function_sets_with_global_is_not_its_placeholder() -> None:
    """``OUTPUT = "set in read input"`` at the top, replaced by ``global OUTPUT`` in a function that reads
    the command line: the placeholder is no folder the script writes into (nor a constant for other
    files); a name no function sets keeps its value."""
    source = (
        "import sys\n\nOUTPUT = 'set in read input'\nDATA = 'data'\n\n"
        "def read_input():\n    global OUTPUT\n    OUTPUT = sys.argv[1]\n\n"
        "read_input()\nopen(OUTPUT + '/report.html', 'w')\nopen(DATA + '/x.csv')\n"
    )
    settings = "import sys\nOUT = 'placeholder'\n\ndef setup():\n    global OUT\n    OUT = sys.argv[1]\n"
    use = "from settings import OUT\nopen(OUT + '/a.txt', 'w')\n"
    flow = flow_of({"gen.py": source, "data/x.csv": "", "settings.py": settings, "use.py": use})
    assert io(flow, "gen.py") == [("write", "**/report.html"), ("read", "data/x.csv")]
    assert [path for _access, path in io(flow, "use.py")] == ["**/a.txt"]


def test_notebooks_run_from_their_own_folder() -> None:
    flow = flow_of({"nb/a.ipynb": notebook([("open('data.csv')", None), ("open('../top.csv')", None)])})
    assert io(flow) == [("read", "nb/data.csv"), ("read", "top.csv")]
    assert flow.steps[0].workdir == "nb"


def test_chdir_moves_the_working_folder() -> None:
    flow = flow_of(
        {
            "run.py": (
                "import os\nopen('a.txt')\nos.chdir('data')\nopen('b.txt')\n"
                "os.chdir(os.path.dirname(os.path.abspath(__file__)))\nopen('c.txt')\n"
            ),
            "nb/n.ipynb": notebook([("%cd ../data", 1), ("open('d.txt')", 2)]),
        }
    )
    assert io(flow, "run.py") == [("read", "a.txt"), ("read", "data/b.txt"), ("read", "c.txt")]
    assert io(flow, "nb/n.ipynb") == [("read", "data/d.txt")]


def test_a_function_called_after_chdir_writes_in_that_folder() -> None:
    """sdsawtelle/research-analysis-scripts: `os.chdir(paths[5])` (a folder on the author's computer), then
    a function of the file writes `pc_analysis.pickle`: two scripts were said to write one file of the
    shared folder ("whichever runs last wins"); each writes into its own folder on that computer."""
    one = (
        "import os\ndef save():\n    with open('result.pickle', 'wb') as f:\n        f.write(b'x')\n"
        "save()\nos.chdir('/home/ana/data/{}')\nsave()\n"
    )
    flow = flow_of({"a.py": one.format("run1"), "b.py": one.format("run2"), "c.py": one.format("run1")})
    assert flow.step("a.py").writes == ("result.pickle",)  # type: ignore[union-attr]
    assert [(p.code, p.path, p.target) for p in flow.problems if p.code == "SHR111"][:2] == [
        ("SHR111", "a.py", "/home/ana/data/run1/result.pickle"),
        ("SHR111", "b.py", "/home/ana/data/run2/result.pickle"),
    ]
    assert not [p for p in flow.problems if p.code == "SHR113" and "run2" in p.message]


def test_a_chdir_in_a_function_nothing_calls_moves_nothing() -> None:
    """pavi-rajes/Assistive-sensory-motor-perturbations-influence-learned-neural-representations: each
    notebook defines `pkl_write(name, value, folder)`, whose first line is `os.chdir(folder)`, and never
    calls it; its example data (`pkl_read('neural_data.pkl', './example_data/')`) was read from
    `**/example_data/`. A function the file calls, names or decorates still moves the reads after it."""
    helpers = (
        "import os\nimport pickle\n"
        "def pkl_read(name, folder):\n    return pickle.load(open(os.path.join(folder, name), 'rb'))\n"
        "def pkl_write(name, value, folder):\n    os.chdir(folder)\n"
        "    pickle.dump(value, open(os.path.join(folder, name), 'wb'))\n"
    )
    flow = flow_of(
        {
            "ana/nb.ipynb": notebook([(helpers, 1), ("pkl_read('neural_data.pkl', './example_data/')", 2)]),
            "ana/example_data/neural_data.pkl": "x",
            "main.py": "import os\ndef main():\n    os.chdir('data')\n    open('a.txt')\nmain()\n",
            "cls.py": (
                "import os\nclass Run:\n    def __init__(self):\n        os.chdir('data')\n"
                "    def go(self):\n        os.chdir('..')\nRun()\nopen('b.txt')\n"
            ),
            "data/a.txt": "x",
            "data/b.txt": "x",
        }
    )
    assert io(flow, "ana/nb.ipynb") == [("read", "ana/example_data/neural_data.pkl")]
    assert io(flow, "main.py") == [("read", "data/a.txt")]
    assert io(flow, "cls.py") == [("read", "data/b.txt")]  # (`go` is never called: `__init__` is)


def test_a_makefile_or_shell_script_says_where_a_script_runs() -> None:
    """jtextor/immunet-paper-code: each figure's Makefile runs `python3 code/x.py` from the figure's
    folder. Where nothing in the folder says where a script runs (its data comes from Zenodo), the
    Makefile does; without it, the script would run from the top of the folder."""
    seg = (
        "import pandas as pd\nfrom pathlib import Path\n"
        "pd.read_csv(Path('data') / 'low_high.csv').to_csv('plots/t.csv')\n"
    )
    files = {
        "fig6/Makefile": "plots/t.csv : code/seg.py data/low_high.csv\n\tpython3 code/seg.py\n",
        "fig6/code/seg.py": seg,
        "fig2/run.sh": 'cd "$(dirname "$0")"\npython code/plot.py\n',
        "fig2/code/plot.py": "open('out/fig.txt', 'w')\n",
        "other/code/alone.py": "open('out/alone.txt', 'w')\n",
    }
    flow = flow_of(files)
    assert {s.path: s.workdir for s in flow.steps} == {
        "fig6/code/seg.py": "fig6",
        "fig2/code/plot.py": "fig2",
        "other/code/alone.py": "",
    }
    assert io(flow, "fig6/code/seg.py") == [("read", "fig6/data/low_high.csv"), ("write", "fig6/plots/t.csv")]
    # two pipelines that run it from different folders: nothing certain, the code decides as before
    flow = flow_of({**files, "Makefile": "all:\n\tpython fig6/code/seg.py\n"})
    assert flow.step("fig6/code/seg.py").workdir == ""  # type: ignore[union-attr]


def test_the_options_a_shell_script_passes_are_what_the_script_reads_and_writes() -> None:
    """meteorologytoday/paper-figures-2024-SST_structures: each figure's shell script sources the settings
    and runs a script with `--input-file` and `--output`, options without defaults: sciship took them for
    unknown, so the scripts read and wrote nothing it could show. What the commands pass is what runs;
    an option one command leaves out keeps its default; a positional argument counts too."""
    plot = (
        "import argparse\nimport xarray as xr\nimport matplotlib.pyplot as plt\n"
        "parser = argparse.ArgumentParser()\nparser.add_argument('--input-file', required=True)\n"
        "parser.add_argument('--output', default='figures/default.svg')\n"
        "parser.add_argument('--no-display', action='store_true')\nargs = parser.parse_args()\n"
        "ds = xr.open_dataset(args.input_file)\nplt.savefig(args.output)\n"
    )
    convert = (
        "import sys, argparse\nimport pandas as pd\np = argparse.ArgumentParser()\np.add_argument('src')\n"
        "p.add_argument('dst')\na = p.parse_args()\npd.read_csv(a.src).to_parquet(a.dst)\n"
    )
    files = {
        "00_setup.sh": "py=python3\nsrc_dir=src\ndata_dir=./data\nfig_dir=figures\n",
        "11_plot.sh": (
            "source 00_setup.sh\n"
            "$py $src_dir/plot.py --input-file $data_dir/sst.nc --output $fig_dir/sst.svg\n"
            "$py $src_dir/plot.py --no-display --input-file=$data_dir/wind.nc\n"
            "python3 src/convert.py data/table.csv results/table.parquet\n"
        ),
        "src/plot.py": plot,
        "src/convert.py": convert,
        "data/sst.nc": "",
        "data/wind.nc": "",
        "data/table.csv": "",
    }
    flow = flow_of(files)
    assert sorted(io(flow, "src/plot.py")) == [
        ("read", "data/sst.nc"),
        ("read", "data/wind.nc"),
        ("write", "figures/default.svg"),  # (the second command leaves --output to its default)
        ("write", "figures/sst.svg"),
    ]
    assert sorted(io(flow, "src/convert.py")) == [
        ("read", "data/table.csv"),
        ("write", "results/table.parquet"),
    ]
    assert flow.problems == ()


def test_a_script_run_from_several_folders_reads_and_writes_in_each() -> None:
    """yangqimeng99/svlearn-paper-code: `scripts/choose_Model.py` is run by a shell script in each data
    set's folder (`python ${scripts}/choose_Model.py --train_set 30x.data/train.tsv --out model`, with
    `scripts="../../scripts"`): what each command passes is read and written in the folder it runs
    from, not mixed into one folder; a path every run names the same is listed once per folder."""
    choose = (
        "import argparse, os\nimport pandas as pd\np = argparse.ArgumentParser()\n"
        "p.add_argument('--train_set', required=True)\np.add_argument('--out', default='model_out')\n"
        "a = p.parse_args()\ndf = pd.read_csv(a.train_set, sep='\\t')\n"
        "df.to_csv(os.path.join(a.out, 'scores.tsv'))\nopen('log.txt', 'a').write('done')\n"
    )
    files = {
        "scripts/choose_model.py": choose,
        "models/human/run.sh": (
            'scripts="../../scripts"\npython ${scripts}/choose_model.py --train_set 30x.data/train.tsv '
            "--out human_model\n"
        ),
        "models/human/30x.data/train.tsv": "",
        "models/sheep/run.sh": 'scripts="../../scripts"\npython $scripts/choose_model.py --train_set a.tsv\n',
        "models/sheep/a.tsv": "",
    }
    flow = flow_of(files)
    assert sorted(io(flow, "scripts/choose_model.py")) == [
        ("read", "models/human/30x.data/train.tsv"),
        ("read", "models/sheep/a.tsv"),
        ("write", "models/human/human_model/scores.tsv"),
        ("write", "models/human/log.txt"),
        ("write", "models/sheep/log.txt"),
        ("write", "models/sheep/model_out/scores.tsv"),
    ]
    assert flow.problems == ()


def test_a_console_script_a_pipeline_runs_is_a_step() -> None:
    """denehoffman/gluex-ksks-paper-analysis: the analysis is a package whose console script a Justfile
    runs (`uv run gluex-ksks-paper-analysis --config ...`); share found no script reading or writing
    anything. The module holding the script's function is a step that runs the function, with the
    options the command gives it; a console script nobody runs is no step."""
    pyproject = (
        '[project]\nname = "study"\nversion = "0.1"\n'
        '[project.scripts]\nstudy-figures = "study.cli:main"\nstudy-clean = "study.clean:main"\n'
    )
    cli = (
        "import argparse\nimport matplotlib.pyplot as plt\nimport pandas as pd\n\ndef main():\n"
        "    p = argparse.ArgumentParser()\n    p.add_argument('--out', default='figures/default.png')\n"
        "    a = p.parse_args()\n    pd.read_csv('data/obs.csv')\n    plt.savefig(a.out)\n"
    )
    flow = flow_of(
        {
            "pyproject.toml": pyproject,
            "Justfile": "run:\n    @uv run study-figures --out {{OUT}}/fig.png\n    uv run study-figures\n",
            "src/study/__init__.py": "",
            "src/study/cli.py": cli,
            "src/study/clean.py": "import shutil\n\ndef main():\n    shutil.rmtree('figures')\n",
            "data/obs.csv": "",
        }
    )
    assert [s.path for s in flow.steps] == ["src/study/cli.py"]
    assert sorted(io(flow, "src/study/cli.py")) == [
        ("read", "data/obs.csv"),
        ("write", "**/fig.png"),  # (`{{OUT}}`: a Just variable sciship does not know)
        ("write", "figures/default.png"),
    ]


def test_scripts_of_one_folder_run_from_one_place() -> None:
    """RomeroLab/PU-learning-paper-analysis, `data/Bgl3/`: `mutations2sequences.py` reads the read
    counts next to it (so it runs from its own folder) and the `*_filtered.txt` files that
    `filter_less_than_10.py` writes with bare names; nothing says where that one runs, so it runs where
    the script next to it does, and makes what the other reads (no missing input)."""
    flow = flow_of(
        {
            "data/Bgl3/filter.py": "open('Lib1_filtered.txt', 'w').write(open('Lib1.txt').read())\n",
            "data/Bgl3/to_seq.py": (
                "open('Lib1_counts.txt')\nopen('Lib1_seq.txt', 'w').write(open('Lib1_filtered.txt').read())\n"
            ),
            "data/Bgl3/Lib1_counts.txt": "",
            "data/HA/filter.py": "open('HA_filtered.txt', 'w').write(open('HA.txt').read())\n",
        }
    )
    assert {s.path: s.workdir for s in flow.steps} == {
        "data/Bgl3/filter.py": "data/Bgl3",
        "data/Bgl3/to_seq.py": "data/Bgl3",
        "data/HA/filter.py": "",  # nothing next to it says where: from the top, as before
    }
    assert flow.step("data/Bgl3/to_seq.py").after == ("data/Bgl3/filter.py",)  # type: ignore[union-attr]
    # the inputs no step makes (from the sequencer) are missing where each script runs
    assert [p.message.split("`")[3] for p in flow.problems] == ["data/Bgl3/Lib1.txt", "HA.txt"]


def test_files_the_readme_says_how_to_download_are_not_missing() -> None:
    """czbiohub-sf/ops-paper-analysis: the README's setup block downloads the data from Zenodo and
    unpacks it into `data/`, which is what the missing-input problem asks for; a file elsewhere is still
    missing."""
    readme = "# Atlas\n\n```bash\ncurl -L -o d.zip https://zenodo.org/d.zip\nunzip -q d.zip -d data\n```\n"
    code = "import pandas as pd\npd.read_csv('../../data/figures/f1.csv')\npd.read_csv('../../other/x.csv')\n"
    flow = flow_of({"README.md": readme, "notebooks/fig1/plot.ipynb": notebook([(code, 1)])})
    assert io(flow) == [("read", "data/figures/f1.csv"), ("read", "other/x.csv")]
    assert flow.missing == ("other/x.csv",)
    assert flow.inputs == ("data/figures/f1.csv", "other/x.csv")  # still what the analysis needs


def test_a_file_a_pipeline_makes_under_a_name_with_variable_parts_is_not_missing() -> None:
    files = {
        "modules/latent.nf": (
            'process latent {\n    script:\n    m_out = "${params.out}/${name}.distance_matrices.nc"\n}\n'
        ),
        "bin/figures.py": (
            "import xarray as xr\nxr.open_dataarray('results/dm/sciplex_A549.distance_matrices.nc')\n"
            "xr.open_dataarray('results/dm/sciplex_A549.other.nc')\n"
        ),
    }
    assert flow_of(files).missing == ("results/dm/sciplex_A549.other.nc",)


def test_an_absolute_path_to_this_folder_as_it_sits_on_the_authors_computer() -> None:
    """IPCC AR6 chapter 9's figures: `/Users/thermans/Documents/GitHub/IPCC_AR6_Chapter9_Figures/Fig9_32/
    data/x.txt` is `Fig9_32/data/x.txt` of this folder, on the author's computer: the problem says which
    file it is. A name alone (`/srv/x.csv` next to a `x.csv` here) says nothing."""
    home = "/Users/th/GitHub/AR6/"
    flow = flow_of(
        {
            "Fig9_32/code/run.py": (
                f"import numpy as np\nx = np.loadtxt('{home}Fig9_32/data/x.txt')\n"
                f"np.save('{home}Fig9_32/out/y.npy', x)\nopen('/srv/x.csv')\nopen('/data/lab/raw/x.csv')\n"
            ),
            "Fig9_32/data/x.txt": "1\n",
            "Fig9_32/out/.gitkeep": "",
            "x.csv": "",
        }
    )
    said = {p.target: (p.inside, p.message) for p in flow.problems}
    inside, message = said[f"{home}Fig9_32/data/x.txt"]
    assert inside == "Fig9_32/data/x.txt"
    assert "(this folder has `Fig9_32/data/x.txt`: probably the same file" in message
    inside, message = said[f"{home}Fig9_32/out/y.npy"]
    assert inside == "Fig9_32/out/y.npy"
    assert "(probably `Fig9_32/out/y.npy` in this folder" in message
    # (Aswendt-Lab/AIDAqc_Figures: it went on "what it makes will not be in the folder you share")
    assert "will not be in the folder you share" not in message
    assert "Write this folder's `Fig9_32/out/y.npy` with a relative path" in message
    assert said["/data/lab/raw/x.csv"][0] == said["/srv/x.csv"][0] == ""


def test_a_file_written_and_read_at_this_folders_absolute_path() -> None:
    """Aswendt-Lab/AIDAqc_Figures: `ChangvsSNR.py` reads what `AnatallDataMergew.py` writes at
    `C:/Users/aswen/.../AIDAqc_Figures/input/combined_data_anat.csv`, this folder's own file: "Write and
    read it inside this folder (for example in `results/`)" did not see it already is."""
    home = "C:/Users/ana/Code/AIDAqc_Figures/"
    flow = flow_of(
        {
            "code/merge.py": f"import pandas as pd\npd.DataFrame().to_csv('{home}input/all.csv')\n",
            "code/plot.py": f"import pandas as pd\npd.read_csv('{home}input/all.csv')\n",
            "input/all.csv": "a\n1\n",
        }
    )
    (problem,) = [p for p in flow.problems if p.path == "code/plot.py"]
    assert "It is this folder's `input/all.csv`, as the folder sits on your computer" in problem.message
    assert "for example in `results/`" not in problem.message


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("/home/ana/data/x.csv", "/home/ana/data/x.csv"),
        ("C:\\\\Users\\\\ana\\\\x.csv", "C:/Users/ana/x.csv"),
        ("~/data/x.csv", "~/data/x.csv"),
    ],
)
def test_absolute_paths(written: str, shown: str) -> None:
    flow = flow_of({"run.py": f"open('{written}')\n"})
    (problem,) = flow.problems
    assert (problem.code, problem.path, problem.line) == ("SHR111", "run.py", 1)
    assert flow.external == (shown,)
    assert flow.steps[0].reads == ()


def test_an_absolute_path_into_the_folder_says_its_relative_path() -> None:
    flow = flow_of({"run.py": "open('/in-memory/data/x.csv')\n", "data/x.csv": ""})
    (problem,) = flow.problems
    assert "(inside this folder: `data/x.csv`)" in problem.message


def test_an_absolute_path_of_a_file_or_folder_this_folder_has_says_so() -> None:
    """tflowers15/wallaby-analysis-scripts: `download_galex.py` reads
    `/Users/.../wallaby/galex_images.csv.gz`, which sits beside it; KLichtenauer's whisker paper walks
    `C:\\Users\\...\\Script-manuel`, the folder's own `Script-manuel/`. "Put the file inside this folder" did
    not see it already is."""
    far = "/Users/tf/CODE/wallaby/galex_images.csv.gz"
    flow = flow_of(
        {
            "scripts/download.py": f"import pandas as pd\npd.read_csv('{far}')\n",
            "scripts/galex_images.csv.gz": b"",
            "Script-manuel/average.py": (
                "import os\nimport pandas as pd\nroot = r'C:\\Users\\Kilian\\Seminar\\Script-manuel'\n"
                "for folder, _, names in os.walk(root):\n    for name in names:\n"
                "        pd.read_csv(os.path.join(folder, name))\n"
            ),
            "Script-manuel/results1.csv": "a\n1\n",
            "other/fit.py": f"open('{far}')\n",  # (not beside it: no claim)
        }
    )
    said = {p.path: p.message for p in flow.problems}
    there = said["scripts/download.py"]
    assert "has `scripts/galex_images.csv.gz` beside the script: probably the same file)" in there
    assert "Use a path relative to the folder (`scripts/galex_images.csv.gz`) instead." in there
    assert "this folder has `Script-manuel/`: probably the same folder" in said["Script-manuel/average.py"]
    assert "Put the file inside this folder" not in said["Script-manuel/average.py"]
    assert "Put the file inside this folder (for example in `data/`)" in said["other/fit.py"]


def test_paths_that_leave_the_folder() -> None:
    flow = flow_of(
        {"run.py": "open('../../shared/x.csv')\n", "sub/nb.ipynb": notebook([("open('../../y')", 1)])}
    )
    assert [(p.code, p.path) for p in flow.problems] == [("SHR112", "run.py"), ("SHR112", "sub/nb.ipynb")]
    assert set(flow.external) == {"../../shared/x.csv", "../y"}


def test_a_file_some_step_writes_is_not_missing() -> None:
    flow = flow_of(
        {
            "01_make.py": "import numpy as np\nnp.save('out/k', 1)\n",
            "02_use.py": "import numpy as np\nk = np.load('out/k.npy')\n",
        }
    )
    assert flow.problems == ()
    assert flow.steps[1].after == ("01_make.py",)
    assert flow.inputs == ()
    assert flow.outputs == ("out/k.npy",)


def test_patterns_connect_steps() -> None:
    flow = flow_of(
        {
            "a.py": "import numpy as np\nfor i in range(3):\n    np.save(f'results/run_{i}.npy', i)\n",
            "b.py": "import numpy as np\nnp.load('results/run_1.npy')\n",
            "c.py": "import glob\nimport numpy as np\n[np.load(f) for f in glob.glob('results/*.npy')]\n",
        }
    )
    assert [(s.path, s.after) for s in flow.steps] == [("a.py", ()), ("b.py", ("a.py",)), ("c.py", ("a.py",))]
    assert flow.problems == ()


def test_only_paths_whose_folder_is_known_are_reported_missing() -> None:
    flow = flow_of(
        {
            "run.py": (
                "import numpy as np\nimport os\n"
                "np.load(f'{name}.npy')\n"  # the .npy of an f-string: where is unknown
                "np.load(os.path.join(outdir, 'k.npy'))\n"  # an unknown folder
                "np.load(f'results/run_{i}.npy')\n"  # a known folder: nothing there
            )
        }
    )
    assert [(p.code, p.line) for p in flow.problems] == [("SHR110", 5)]
    assert "reads files matching `results/run_*.npy`" in flow.problems[0].message
    assert io(flow) == [("read", "*.npy"), ("read", "**/k.npy"), ("read", "results/run_*.npy")]


def test_a_file_git_ignores_is_on_disk_but_not_shared(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "paper",
        {
            ".gitignore": "data/\n",
            "run.py": "open('data/big.csv')\n",
            "data/big.csv": "x\n",
        },
    )
    git(root, "init", "-q")
    flow = trace(Project.load(root), cache=False)
    (problem,) = flow.problems
    assert problem.code == "SHR110"
    assert "it is on your disk, but git ignores it" in problem.message


def test_graph_of_a_small_folder_is_stable() -> None:
    files = {
        "fig2.py": "import matplotlib.pyplot as plt\nplt.savefig('fig2.png')\n",
        "fig10.py": "import matplotlib.pyplot as plt\nplt.savefig('fig10.png')\n",
        "step3_x.py": "print('x')\n",
        "01_prep.py": "print('prep')\n",
    }
    assert [s["path"] for s in graph(flow_of(files))["steps"]] == [
        "01_prep.py",
        "fig2.py",
        "fig10.py",
        "step3_x.py",
    ]


def test_star_imports_of_a_helper_module() -> None:
    flow = flow_of(
        {
            "analysis/utils.py": "import pandas as pd\nDATA = '../data'\n\ndef get_dataframe():\n"
            "    return pd.read_pickle(DATA + '/study.pkl')\n",
            "analysis/main.ipynb": notebook(
                [("from utils import *\ndf = get_dataframe()", 1), ("open(DATA + '/x')", 2)]
            ),
            "data/study.pkl": b"",
            "data/x": b"",
        }
    )
    assert io(flow) == [("read", "data/study.pkl"), ("read", "data/x")]
    assert flow.problems == ()


def test_package_modules_are_not_steps_but_scripts_next_to_them_are() -> None:
    flow = flow_of(
        {
            "src/mypkg/__init__.py": "",
            "src/mypkg/io.py": (
                "import logging\nlogging.basicConfig()\n\ndef load(p):\n    return open(p).read()\n"
            ),
            "src/mypkg/cli.py": (
                "from mypkg.io import load\n\nif __name__ == '__main__':\n    load('data/in.txt')\n"
            ),
            "scripts/run.py": "from mypkg.io import load\nload('data/in.txt')\n",
            "data/in.txt": "",
        }
    )
    assert [s.path for s in flow.steps] == ["scripts/run.py", "src/mypkg/cli.py"]
    assert io(flow, "scripts/run.py") == [("read", "data/in.txt")]


def test_single_file_modules_in_src_are_scripts() -> None:
    flow = flow_of(
        {
            "src/main.py": "from loaders import *\ndata = load_cora()\n",
            "src/loaders.py": "import numpy as np\n\ndef load_cora():\n    return np.load('data/cora.npz')\n",
        }
    )
    assert [s.path for s in flow.steps] == ["src/main.py"]
    assert io(flow) == [("read", "data/cora.npz")]


def test_methods_of_the_projects_classes_run_when_called() -> None:
    flow = flow_of(
        {
            "bench.py": (
                "import json\n\nclass Bench:\n    def __init__(self, out):\n        self.out = out\n"
                "        open('bench.log', 'a')\n\n    def run(self, name):\n"
                "        open(f'results/{name}.json', 'w')\n\n"
                "    def analyze(self):\n        open('analysis.csv', 'w')\n"
            ),
            "experiment.py": "from bench import Bench\nb = Bench('x')\nb.run('constant')\n",
        }
    )
    assert io(flow) == [("write", "bench.log"), ("write", "results/constant.json")]


def test_a_missing_file_with_a_namesake_elsewhere_gets_a_hint() -> None:
    flow = flow_of(
        {
            "notebooks/sub/a.ipynb": notebook([("open('../parameters/params.yaml')", 1)]),
            "parameters/params.yaml": "",
        }
    )
    (problem,) = flow.problems
    assert "did you mean `parameters/params.yaml`?" in problem.message
    # the notebook runs in notebooks/sub/: what to write there
    assert "From the notebook's folder that is `../../parameters/params.yaml`" in problem.message


def test_importing_a_helper_runs_its_top_level_in_the_importer() -> None:
    flow = flow_of(
        {
            "lib/tools.py": "import numpy as np\nDATES = np.loadtxt('gendata/dates.txt')\n",
            "src/run_a.py": "import sys\nsys.path.append('../lib')\nimport tools\nprint(tools.DATES)\n",
            "other/lib/tools.py": "def older_copy():\n    pass\n",
            "gendata/dates.txt": "",
        }
    )
    assert [s.path for s in flow.steps] == ["src/run_a.py"]
    (use,) = flow.uses
    assert (use.source, use.line, use.via, use.path) == (
        "src/run_a.py",
        3,
        "lib/tools.py:2",
        "gendata/dates.txt",
    )


MAIN = "if __name__ == '__main__':\n"


def test_a_helper_with_a_demo_block_is_not_a_step() -> None:
    flow = flow_of(
        {
            "lib/fmt.py": "def pretty(x):\n    return str(x)\n\n" + MAIN + "    print(pretty(3))\n",
            "lib/store.py": "import numpy as np\n\n" + MAIN + "    np.save('cache/demo', 1)\n",
            "lib/io.py": "print('never imported: io is the standard library')\n",
            "run.py": "import sys\nsys.path.append('lib')\nimport fmt, store\nimport io\nprint(1)",
        }
    )
    # a helper whose main block writes a file is a step of its own; one that only prints is not
    assert [s.path for s in flow.steps] == ["lib/io.py", "lib/store.py", "run.py"]


def test_importing_a_helper_does_not_run_its_main_block() -> None:
    """A helper's ``if __name__ == "__main__":`` block runs when the helper runs as a script, not when a
    step imports it: what it reads (and the modules it imports) do not count for the importer; its
    ``else:`` does."""
    flow = flow_of(
        {
            "permutation_test.py": (  # a test file (it holds a test): never a step of its own
                "import pickle\n\ndef permut(x):\n    return x\n\n"
                "def test_permut():\n    assert permut(1)\n\n"
                + MAIN
                + "    labels = pickle.load(open('temp', 'rb'))\n    import demo\n"
                "else:\n    open('imported.txt', 'w')\n"
            ),
            "demo.py": "open('demo.txt', 'w')\n",
            "fig.py": "from permutation_test import permut\nprint(permut(1))\n",
            "other.py": "import demo\nprint('done')\n",
        }
    )
    assert [s.path for s in flow.steps] == ["fig.py", "other.py"]
    assert io(flow, "fig.py") == [("write", "imported.txt")]
    assert io(flow, "other.py") == [("write", "demo.txt")]
    assert flow.problems == ()


def test_the_name_of_the_working_folder_is_not_a_dot() -> None:
    """michaelweinold/phd_publication_figures: `plt.savefig(str(Path.cwd().stem + '.pdf'))` was shown as
    `..pdf` in 24 steps (and four of them "wrote the same file"): the folder's name is known only where
    the step runs."""
    flow = flow_of(
        {
            "fig1/figure.py": (
                "import matplotlib.pyplot as plt\nfrom pathlib import Path\n"
                "plt.savefig(str(Path.cwd().stem + '.pdf'))\n"
            ),
            "fig2/figure.py": (
                "import matplotlib.pyplot as plt\nfrom pathlib import Path\n"
                "plt.savefig(Path.cwd().name + '.pdf')\n"
            ),
        }
    )
    assert io(flow) == [("write", "*.pdf"), ("write", "*.pdf")]
    assert not flow.problems


def test_a_file_this_folder_holds_written_at_its_absolute_path_comes_before_its_readers() -> None:
    """Aswendt-Lab/AIDAqc_Figures: `MergeAllVoitings.py` writes
    `C:\\Users\\aswen\\...\\AIDAqc_Figures\\input\\combined_votings3.csv`, which `ConfusionMatrix.py` reads as
    `../input/combined_votings3.csv`: the merge came 17 steps after the script that reads what it makes."""
    files = {
        "code/A_confusion.py": (
            "import os\nimport pandas as pd\nhere = os.path.dirname(os.path.abspath(__file__))\n"
            "pd.read_csv(os.path.join(here, '..', 'input', 'combined_votings3.csv'))\n"
        ),
        "code/B_merge.py": (
            "import os\nimport pandas as pd\np = r'C:\\Users\\ana\\Code\\AIDAqc_Figures\\input'\n"
            "pd.DataFrame().to_csv(os.path.join(p, 'combined_votings3.csv'))\n"
        ),
        "input/combined_votings3.csv": "a\n1\n",
    }
    flow = trace(Project.from_files(files, root="/work/AIDAqc_Figures"), cache=False)
    assert [s.path for s in flow.steps] == ["code/B_merge.py", "code/A_confusion.py"]
    (problem,) = [p for p in flow.problems if p.path == "code/B_merge.py"]
    assert problem.code == "SHR111"
    assert "Write this folder's `input/combined_votings3.csv` with a relative path" in problem.message


def test_reads_after_a_move_into_a_folder_on_the_authors_computer() -> None:
    """sdsawtelle/research-analysis-scripts: `os.chdir("C:/Users/Sonya/.../Chip_5-10")` then
    `pd.read_table("PS_Resistances.txt")`: the read was `**/PS_Resistances.txt`, an input of this folder,
    with no problem, though the run stops at the chdir on any other computer."""
    flow = flow_of(
        {
            "nw_fit.py": (
                "import os\nimport pandas as pd\nos.chdir(r'C:\\Users\\Sonya\\Data\\chip5')\n"
                "df = pd.read_table('PS_Resistances.txt')\nos.chdir('fits')\ndf.to_csv('fit.csv')\n"
            ),
        }
    )
    said = [(p.code, p.line, p.target, p.access) for p in flow.problems]
    assert said == [
        ("SHR111", 4, "C:/Users/Sonya/Data/chip5/PS_Resistances.txt", "read"),
        ("SHR111", 6, "C:/Users/Sonya/Data/chip5/fits/fit.csv", "write"),
    ]
    assert flow.inputs == ()


def test_a_path_split_into_its_folder_and_its_name() -> None:
    """deepakkrishnamurthy/gravitymachine-analysis-scripts: `folder, name = os.path.split(path)` lost both
    parts (`**/*_TimeStamped/*`)."""
    flow = flow_of(
        {
            "ts.py": (
                "import os\np = 'movies/track/movie.avi'\nfolder, name = os.path.split(p)\n"
                "open(os.path.join(folder + '_TimeStamped', name), 'w')\n"
                "open(os.path.join(os.path.split(p)[0], 'x.csv'), 'w')\n"
            ),
        }
    )
    assert io(flow) == [("write", "movies/track_TimeStamped/movie.avi"), ("write", "movies/track/x.csv")]


def test_a_name_that_takes_the_file_it_names() -> None:
    """mjenior/analysis-scripts: `outFile = open(outFile, 'w')` (the handle given the name that held the
    path) wrote nothing in 19 scripts: the name inside its own new value is the one from before."""
    flow = flow_of(
        {
            "fix_fasta.py": (
                "import sys\nname = sys.argv[1]\noutFile = name + 'fix.fasta'\noutFile = open(outFile, 'w')\n"
                "outFile.write('>x')\n"
            ),
            "const.py": (
                "out = 'const.txt'\nout = open(out, 'w')\nlog = 'a'\nlog += log + '.log'\nopen(log, 'w')\n"
            ),
        }
    )
    assert io(flow, "fix_fasta.py") == [("write", "*fix.fasta")]
    assert io(flow, "const.py") == [("write", "const.txt"), ("write", "aa.log")]


def test_a_name_without_its_last_characters() -> None:
    """wllgrnt/bio-analysis-scripts: `os.path.basename(input_path)[:-4] + '_raw.csv'` of a name the file
    sets was `*_raw.csv`; of a name from the command line the start stays unknown."""
    flow = flow_of(
        {
            "edge.py": (
                "import os\nimport sys\np = 'data/All_measurements.csv'\n"
                "open('out/' + os.path.basename(p)[:-4] + '_raw.csv', 'w')\n"
                "open(sys.argv[1][:-4] + '.png', 'w')\n"
            ),
        }
    )
    assert io(flow) == [("write", "out/All_measurements_raw.csv"), ("write", "**/*.png")]


def test_the_extension_of_a_name_from_the_command_line_is_unknown() -> None:
    """tbepler/ets-analysis-scripts: `root, ext = os.path.splitext(sys.argv[1])` then `root + '_20bpcore' +
    ext` was `*_20bpcore`, a name without the extension it has (`X_20bpcore.txt` never fitted it)."""
    flow = flow_of(
        {
            "core.py": (
                "import os, sys\nroot, ext = os.path.splitext(sys.argv[1])\n"
                "open(root + '_20bpcore' + ext, 'w')\nopen(os.path.splitext('a.txt')[0] + '_b' + "
                "os.path.splitext('a.txt')[1], 'w')\n"
            ),
        }
    )
    assert io(flow) == [("write", "*_20bpcore*"), ("write", "a_b.txt")]


def test_a_name_unpacked_from_a_call_it_is_given() -> None:
    """jermoef/lilace-paper-analysis: `best_params_path, losses = train_model(..., best_params_path)` gave
    the call the name's new (unknown) value, and the file the helper saves there was lost."""
    flow = flow_of(
        {
            "helpers.py": "def save(path):\n    open(path, 'w').write('x')\n    return path, 1\n",
            "run.py": "from helpers import save\np = 'out/c.txt'\np, n = save(p)\n",
        }
    )
    assert io(flow, "run.py") == [("write", "out/c.txt")]


def test_an_option_whose_default_is_empty_is_not_given() -> None:
    """Rozen-Lab/sig_attribution_paper_code: `-t` with `default=''` (the script stops without it) made
    `sigProfiler__signatures.csv`, a name no run reads: 28 false missing inputs."""
    flow = flow_of(
        {
            "a.py": (
                "import argparse\np = argparse.ArgumentParser()\np.add_argument('-t', '--tool', default='')\n"
                "a = p.parse_args()\ntool = a.tool\nif not tool:\n    raise SystemExit('give -t')\n"
                "open('out/sig_' + a.tool + '_signatures.csv')\n"
            )
        }
    )
    assert io(flow) == [("read", "out/sig_*_signatures.csv")]
    step = flow.step("a.py")
    assert step is not None
    assert step.fill_in == ("TOOL",)


def test_a_file_read_at_the_authors_place_of_this_folder_comes_after_its_writer() -> None:
    """Freihaut/Freihaut_Goeritz-2022-Data_Analysis_Code-Mouse: `Descriptive_Statistics.py` reads the
    Mouse-Task tables at `/home/.../Mouse/...` (this folder, as it sits on the author's computer, as its
    read of `data/raw.csv` there shows); it came before the step that writes them."""
    flow = flow_of(
        {
            "a_stats.py": (
                "import pandas as pd\npd.read_csv('/home/ana/study/data/raw.csv')\n"
                "pd.read_csv('/home/ana/study/Mouse/f.csv')\n"
            ),
            "Mouse/make_features.py": "import pandas as pd\npd.read_csv('../data/raw.csv').to_csv('f.csv')",
            "data/raw.csv": "x\n",
        }
    )
    step = flow.step("a_stats.py")
    assert step is not None
    assert step.after == ("Mouse/make_features.py",)


def test_files_of_a_pattern_read_at_the_authors_place_of_this_folder_come_after_their_writer() -> None:
    """StanBarmentloo/NII_nebular_phase: Figure_5.ipynb reads `/home/.../NII_nebular_phase/prerequisites/
    escatt_data/tau_*.csv` (one per optical depth), which prerequisites/electron_scattering.ipynb writes as
    `escatt_data/tau_*.csv` from its folder; the figure came first. A pattern no step writes links none."""
    loop = "import numpy as np\nfor t in taus:\n    np.savetxt('escatt_data/tau_' + str(t) + '.csv', x)"
    base = "/home/stba7609/NII_nebular_phase/prerequisites/"
    read = f"import numpy as np\nfor t in taus:\n    np.loadtxt('{base}escatt_data/tau_' + str(t) + '.csv')\n"
    read += f"np.loadtxt('{base}other/k_' + str(t) + '.csv')"
    flow = flow_of(
        {
            "plots/Figure_05/Figure_5.ipynb": notebook([(read, 1)]),
            "prerequisites/electron_scattering.ipynb": notebook([(loop, 1)]),
            "prerequisites/escatt_data/tau_5.csv": "1\n",
            "prerequisites/other/k_5.csv": "1\n",
        }
    )
    assert [s.path for s in flow.steps] == [
        "prerequisites/electron_scattering.ipynb",
        "plots/Figure_05/Figure_5.ipynb",
    ]
    step = flow.step("plots/Figure_05/Figure_5.ipynb")
    assert step is not None
    assert step.after == ("prerequisites/electron_scattering.ipynb",)


def test_options_a_function_of_the_file_does_not_put_in_a_path_are_not_to_fill_in() -> None:
    """czbiohub-sf/rnaquarium-figures: four font sizes without a default, passed to the script's own
    function that saves a figure, were options "the script needs"; the folder it saves into is one."""
    source = (
        "import argparse\nimport matplotlib.pyplot as plt\n\n"
        "def plot(out_dir, size=None, title_size=None):\n    plt.title('t', fontsize=title_size)\n"
        "    plt.savefig(out_dir + '/fig.pdf')\n\n"
        "def main():\n    p = argparse.ArgumentParser()\n    p.add_argument('--out_dir')\n"
        "    p.add_argument('--size', type=float)\n    p.add_argument('--title_size', type=float)\n"
        "    a = p.parse_args()\n    plot(a.out_dir, a.size, title_size=a.title_size)\n\n"
        "if __name__ == '__main__':\n    main()\n"
    )
    step = flow_of({"plot.py": source}).step("plot.py")
    assert step is not None
    assert step.arguments == ("--out_dir", "OUT_DIR")
    # a function that hands every parameter on (to code sciship follows elsewhere) keeps them all
    handed = source.replace("    plt.title('t', fontsize=title_size)\n", "    helper(size, title_size)\n")
    step = flow_of(
        {"plot.py": "from lib import helper\n" + handed, "lib.py": "def helper(a, b):\n    pass\n"}
    ).step("plot.py")
    assert step is not None
    assert step.arguments == ("--out_dir", "OUT_DIR", "--size", "SIZE", "--title_size", "TITLE_SIZE")


def test_a_loop_name_used_twice_in_a_path_is_one_value_each_time_round() -> None:
    """mstapelberg/active_learning_paper_analysis: `os.path.join(folder, f"summary_{folder}.csv")` over
    three folders was nine files (`neb/summary_perfect_comparisons.csv`), six of them false missing inputs."""
    source = (
        "import os\nimport pandas as pd\nfor folder in ['a', 'b', 'c']:\n"
        "    df = pd.read_csv(os.path.join(folder, f'summary_{folder}.csv'))\n"
        "    for other in ['x', 'y']:\n        df.to_csv(f'{folder}/{other}_{folder}.csv')\n"
    )
    assert io(flow_of({"run.py": source})) == [
        ("read", "a/summary_a.csv"),
        ("read", "b/summary_b.csv"),
        ("read", "c/summary_c.csv"),
        ("write", "a/x_a.csv"),
        ("write", "a/y_a.csv"),
        ("write", "b/x_b.csv"),
        ("write", "b/y_b.csv"),
        ("write", "c/x_c.csv"),
        ("write", "c/y_c.csv"),
    ]


def test_a_loop_over_numbers_names_each_file_by_its_digits() -> None:
    """pavi-rajes/Assistive-sensory-motor-perturbations-influence-learned-neural-representations: `alphas =
    [1, 0.9, 0.75, 0.5]`, then `np.loadtxt(f"{data_dir}-clda{alpha}/seed{seed}/bmi_loss.txt")` in a loop
    over them, read `bci-model-clda*/`, though the four folders are spelled out. A number the loop takes is
    its digits in an f-string, `str(...)`, `%` or `.format`, one value each time round; `None` is not."""
    source = (
        "import numpy as np\nalphas = [1, 0.9, 0.75]\nfor alpha in alphas:\n"
        "    np.loadtxt(f'clda{alpha}/loss_{alpha}.txt')\n"
        "for n in [2, 'x']:\n    np.save('run' + str(n) + '.npy', 0)\n    np.save('k_%s.npy' % n, 0)\n"
        "    np.save('f_{}.npy'.format(n), 0)\n"
        "for m in [None, 3]:\n    np.loadtxt(f'e{m}.txt')\n"
    )
    assert sorted(io(flow_of({"run.py": source}))) == [
        ("read", "clda0.75/loss_0.75.txt"),
        ("read", "clda0.9/loss_0.9.txt"),
        ("read", "clda1/loss_1.txt"),
        ("read", "e*.txt"),
        ("read", "e3.txt"),
        ("write", "f_2.npy"),
        ("write", "f_x.npy"),
        ("write", "k_2.npy"),
        ("write", "k_x.npy"),
        ("write", "run2.npy"),
        ("write", "runx.npy"),
    ]


def test_after_a_loop_its_name_holds_the_last_value() -> None:
    """syedarehaq/diversify_netsci_paper_analysis: `savefig("pie_%s.png" % count_type)` after a loop over
    three kinds writes one figure, the last kind's; the tool said three. Not when the loop may `break`."""
    source = (
        "import matplotlib.pyplot as plt\nfor kind in ['count', 'paper', 'cite']:\n    plt.plot([1])\n"
        "    plt.savefig('in_%s.png' % kind)\nplt.savefig('pie_%s.png' % kind)\n"
        "for i, k2 in enumerate(['a', 'b']):\n    pass\nplt.savefig(f'e_{k2}.png')\n"
        "for z in ['x', 'y']:\n    if z == 'x':\n        break\nplt.savefig(f'b_{z}.png')\n"
    )
    assert flow_of({"run.py": source}).steps[0].writes == (
        "b_x.png",
        "b_y.png",
        "e_b.png",
        "in_cite.png",
        "in_count.png",
        "in_paper.png",
        "pie_cite.png",
    )


def test_a_key_of_each_of_several_dicts() -> None:
    """egnerney/diffusive-equilibrium-2024-paper-code: `for model, files in MODELS.items():
    np.load(Path(files["Tfile"]))` and `for ds in DATASETS: np.load(ds["npz"])` (a list of `dict(...)`)
    read nothing by sciship's count, and eight steps came before the scripts that make their inputs."""
    source = (
        "import numpy as np\nfrom pathlib import Path\n"
        "MODELS = {'a': {'Tfile': 'data/Ta.npy'}, 'b': {'Tfile': 'data/Tb.npy'}}\n"
        "for model, files in MODELS.items():\n    np.load(Path(files['Tfile']))\n"
        "DATASETS = [dict(npz='d/one.npz', tag='x'), dict(npz='d/two.npz', tag='y')]\n"
        "for ds in DATASETS:\n    np.load(ds['npz'])\n"
    )
    assert flow_of({"run.py": source}).steps[0].reads == (
        "d/one.npz",
        "d/two.npz",
        "data/Ta.npy",
        "data/Tb.npy",
    )


def test_the_words_of_the_command_line_a_script_reads_as_numbers_are_to_fill_in_too() -> None:
    """JMencius/MethQC-paper-code: `int(sys.argv[2])` and a flag in `sys.argv[3]` are no paths, and
    REPRODUCE.md ran the scripts without them (an IndexError at once). Not those read after a test of how
    many words it was given; those its top reads whatever the count are (manansaxena/fenrir_paper_code:
    `if len(sys.argv) < 2: exit(...)`, then `cores = sys.argv[2]`)."""
    source = (
        "import sys\nimport pandas as pd\nn = int(sys.argv[2])\nflag = sys.argv[3] == 'yes'\n"
        "pd.read_csv(sys.argv[1]).head(n).to_csv('out.csv')\n"
    )
    step = flow_of({"a.py": source}).step("a.py")
    assert step is not None
    assert step.arguments == ("ARG1", "N", "ARG3")  # (a word the script names: by its name)
    counted = source.replace(
        "flag = sys.argv[3] == 'yes'", "flag = len(sys.argv) > 3 and sys.argv[3] == 'yes'"
    )
    step = flow_of({"a.py": counted}).step("a.py")
    assert step is not None
    assert step.arguments == ("ARG1", "N")
    guarded = counted.replace("n = int(sys.argv[2])", "n = int(sys.argv[2]) if len(sys.argv) > 2 else 5")
    step = flow_of({"a.py": guarded}).step("a.py")
    assert step is not None
    assert step.arguments == ("ARG1",)
    usage = (
        "import sys\nif len(sys.argv) < 2:\n    sys.exit('usage: make.py MODE CORES')\n"
        "mode = sys.argv[1]\ncores = sys.argv[2]\nopen(f'jobs_{mode}.txt', 'w')\n"
    )
    step = flow_of({"make.py": usage}).step("make.py")
    assert step is not None
    assert step.arguments == ("MODE", "CORES")
    assert step.argv_words == 2
    unpacked = "import sys\na, b = sys.argv[1], int(sys.argv[2])\nopen(a + str(b), 'w')\n"
    step = flow_of({"u.py": unpacked}).step("u.py")
    assert step is not None
    assert (step.arguments, step.fill_in, step.argv_words) == (("A", "B"), ("A", "B"), 2)
    # (BioroboticsLab/IBA-paper-code: a word read in `try:` with `except IndexError:` may be left out)
    tried = (
        "import sys\ntry:\n    testing = (sys.argv[3] == 'test')\nexcept IndexError:\n    testing = False\n"
        "model_name = sys.argv[1]\nt = int(sys.argv[2])\nopen(f'results/{model_name}_{t}.txt', 'w')\n"
    )
    step = flow_of({"e.py": tried}).step("e.py")
    assert step is not None
    assert step.arguments == ("MODEL_NAME", "T")
    # (jobovy/galpy-paper-figures: what a function returns names no word: `python fig.py O1 O2` was asked)
    returned = (
        "import sys\nimport matplotlib.pyplot as plt\ndef plot_two(f1, f2):\n"
        "    plt.savefig(f1); plt.savefig(f2)\n    return 1, 2\no1, o2 = plot_two(sys.argv[1], sys.argv[2])\n"
    )
    step = flow_of({"fig.py": returned}).step("fig.py")
    assert step is not None
    assert step.arguments == ("ARG1", "ARG2")


def test_a_test_on_a_loop_name_decides_each_time_round_over_many_names() -> None:
    """LisaYoungUIUC/astro_figures_code: a loop over ten names, with `if name == 'b':` choosing the file,
    read sixteen files by sciship's count (ten made up, cut at sixteen) and missed the real ones."""
    names = ", ".join(repr(c) for c in "abcdefghij")
    source = (
        f"import numpy as np\nnames = [{names}]\nfor name in names:\n    if name == 'b':\n"
        "        f = name + '_special.txt'\n    else:\n        f = name + '_plain.txt'\n    np.loadtxt(f)\n"
    )
    reads = flow_of({"a.py": source}).steps[0].reads
    assert reads == tuple(sorted(f"{c}_{'special' if c == 'b' else 'plain'}.txt" for c in "abcdefghij"))


def test_a_separator_joins_a_list_of_parts() -> None:
    """syngenta/QSAR_AD_Uncertainty_Paper_Code_release builds every path with `os.path.sep.join([...])`:
    the data flow was lost, and the one script read with `os.path.join` got a false missing input. A
    text joins its parts the same way (`"_".join([name, "raw"])`)."""
    flow = flow_of(
        {
            "a.py": (
                "import os\nimport pandas as pd\nhere = os.path.dirname(os.path.abspath(__file__))\n"
                "out = os.path.sep.join([here, 'results'])\nparts = ('in', 'x.csv')\n"
                "pd.read_csv(os.sep.join(parts)).to_csv(os.path.sep.join([out, 'y.csv']))\n"
                "open('_'.join(['run', 'raw']) + '.txt', 'w')\n"
            ),
            "b.py": "import os\nimport pandas as pd\npd.read_csv(os.path.join('results', 'y.csv'))\n",
            "in/x.csv": "a\n1\n",
        }
    )
    assert not flow.problems
    assert io(flow, "a.py") == [("read", "in/x.csv"), ("write", "results/y.csv"), ("write", "run_raw.txt")]
    step = flow.step("b.py")
    assert step is not None
    assert step.after == ("a.py",)


def test_a_known_text_stripped_of_given_characters() -> None:
    """Kuramoto (zhaodan-npu/Higher_order_kuramoto_paper_code): `prefix = ed_dir.rstrip("/") + "/"` of
    `ed_dir = "."` was an unknown folder, and the glob it starts matched another figure's files."""
    source = (
        "import glob\nimport numpy as np\ned_dir = 'runs/'\nprefix = ed_dir.rstrip('/') + '/'\n"
        "files = glob.glob(f'{prefix}spikes_*.txt')\n"
    )
    flow = flow_of({"plot.py": source, "runs/spikes_1.txt": "1\n"})
    assert io(flow) == [("read", "runs/spikes_*.txt")]


def test_a_list_added_to_is_not_joined_as_it_was_made() -> None:
    """mosdef-hub/reproducibility_study: `fig_names = []`, filled in a loop, then
    `f"figures/{'_'.join(fig_names)}.pdf"` was `figures/.pdf`."""
    source = (
        "import matplotlib.pyplot as plt\nfig_names = []\nfor s in STATES:\n    fig_names.append(s)\n"
        "plt.savefig(f\"figures/{'_'.join(fig_names)}.pdf\")\nkinds = ['a', 'b']\n"
        "plt.savefig('_'.join(kinds) + '.png')\n"
    )
    assert io(flow_of({"plot.py": source})) == [("write", "figures/*.pdf"), ("write", "a_b.png")]


def test_options_a_run_may_leave_out_are_not_to_fill_in() -> None:
    """lodurality/GEM3D_paper_code: REPRODUCE.md asked for `--pretrained_path` (used only after `if
    args.pretrained_path is not None:`) and `--suffix` (default `''`), "the script needs it"."""
    source = (
        "import argparse\nimport numpy as np\nimport torch\np = argparse.ArgumentParser()\n"
        "p.add_argument('--pretrained_path', type=str, default=None)\n"
        "p.add_argument('--suffix', default='')\np.add_argument('--data', default=None)\n"
        "args = p.parse_args()\n"
        "if args.pretrained_path is not None:\n    torch.load(args.pretrained_path)\n"
        "np.save(f'out/sample{args.suffix}.npy', 1)\nnp.load(args.data + '/x.npy')\n"
    )
    step = flow_of({"train.py": source}).step("train.py")
    assert step is not None
    assert (step.arguments, step.fill_in) == (("--data", "DATA"), ("DATA",))


def test_a_default_the_code_rules_out_before_the_access_is_no_file() -> None:
    """ShiuLab/Manuscript_Code: `if args.feat != 'all': open(args.feat)` read a file named `all` by
    sciship's count (14 false missing inputs, and scripts of two papers ordered by a file `default`)."""
    source = (
        "import argparse\nimport pandas as pd\np = argparse.ArgumentParser()\n"
        "p.add_argument('-params', default='default')\np.add_argument('-feat', default='all')\n"
        "a = p.parse_args()\nif a.params.lower() != 'default':\n    pd.read_csv(a.params)\n"
        "if a.feat != 'all':\n    open(a.feat)\nif a.feat == 'all':\n    open(a.feat + '.txt')\n"
    )
    flow = flow_of({"train.py": source, "all.txt": "a\n"})
    assert not flow.problems
    step = flow.step("train.py")
    assert step is not None
    assert (step.reads, step.fill_in) == (("all.txt",), ())


def test_a_glob_of_a_folder_on_the_author_s_computer_is_a_problem() -> None:
    """juliuslehner/paper_code: `glob.glob(os.path.join(r"C:\\Users\\juliu\\...", "*.csv"))` in a helper
    whose list the step reads: no read and no problem, while five sibling scripts with the same path at
    their top got an SHR111."""
    source = (
        "import glob\nimport pandas as pd\ndef group(base):\n    out = []\n"
        "    for f in glob.glob(base + '/*.csv'):\n        out.append(f)\n    return out\n"
        "for f in group(r'C:\\Users\\me\\results'):\n    pd.read_csv(f)\n"
    )
    flow = flow_of({"a.py": source})
    assert [(p.code, p.target) for p in flow.problems] == [("SHR111", "C:/Users/me/results/*.csv")]


def test_a_value_tested_to_be_none_of_some_texts_is_none_of_them() -> None:
    """ShiuLab/Manuscript_Code: `FEAT = 'all'`, set from `sys.argv` by hand, then `if FEAT != 'all':
    open(FEAT)`: a file named `all` was missing. A README's `your_vcf` is a word to fill in, no file."""
    source = (
        "import sys\nFEAT = 'all'\nfor i in range(1, len(sys.argv), 2):\n    if sys.argv[i] == '-feat':\n"
        "        FEAT = sys.argv[i + 1]\nif FEAT != 'all':\n    open(FEAT).read()\n"
    )
    assert not flow_of({"a.py": source}).problems
    readme = "# M\n\n```bash\npython conv.py -file your_vcf\n```\n"
    conv = (
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('-file', required=True)\n"
        "a = p.parse_args()\nopen(a.file).read()\n"
    )
    flow = flow_of({"conv.py": conv, "README.md": readme})
    assert not flow.problems


def test_an_option_whose_value_the_script_splits_is_to_fill_in() -> None:
    """jjusuf2/AbsQuant_analysis_code: `args.files_1.split(',')` of an option without a default stops the
    script when it is left out; REPRODUCE.md gave `--outdir OUTDIR` only. With a default it may be."""
    source = (
        "import argparse, os\np = argparse.ArgumentParser()\n"
        "p.add_argument('--files_1', help='fastq files')\np.add_argument('--outdir')\n"
        "args = p.parse_args()\nfiles1 = args.files_1.split(',')\n"
        "open(os.path.join(args.outdir, 'x.txt'), 'w')\n"
    )
    step = flow_of({"align.py": source}).step("align.py")
    assert step is not None
    assert step.fill_in == ("FILES_1", "OUTDIR")
    given = source.replace("help='fastq files'", "default='a.fq'")
    step = flow_of({"align.py": given}).step("align.py")
    assert step is not None
    assert step.fill_in == ("OUTDIR",)


def test_a_script_beside_steps_run_in_their_folder_that_reads_what_they_make_runs_there() -> None:
    """rjleveque/shoaling_paper_figures: `sub/README.md` runs `maketopo.py` and `make_figures.py` in `sub/`;
    `makegrid.py`, which it does not name, reads the `topo.txt` maketopo.py makes there, and was run from
    the top: a false missing input, and an order that put it before maketopo.py."""
    flow = flow_of(
        {
            "README.md": "# Demo\nSee sub/README.md\n",
            "sub/README.md": "# sub\n\n```\npython maketopo.py\npython make_figures.py\n```\n",
            "sub/maketopo.py": "open('topo.txt', 'w').write('1')\n",
            "sub/makegrid.py": (
                "import numpy as np\ndef makegrid():\n    z = np.loadtxt('topo.txt')\n"
                "    np.savetxt('grid.data', z)\nif __name__ == '__main__':\n    makegrid()\n"
            ),
            "sub/make_figures.py": (
                "import makegrid\nimport numpy as np\nmakegrid.makegrid()\nnp.loadtxt('grid.data')\n"
            ),
        }
    )
    assert flow.step("sub/makegrid.py").workdir == "sub"  # type: ignore[union-attr]
    order = [s.path for s in flow.steps]
    assert order.index("sub/maketopo.py") < order.index("sub/makegrid.py")
    assert not [p for p in flow.problems if p.code == "SHR110"]


def test_a_join_that_drops_its_folder_says_so() -> None:
    """dtadych/Shallow_Groundwater_AZ: `os.path.join(shapepath, '/huc4flowlines_order3plus.shp')` reads
    `/huc4flowlines_order3plus.shp` (a part that starts with `/` drops the parts before it); the message
    said the file "exists only on your computer" and to move it into the folder, when the fix is to remove
    the `/`. Joining a folder with a path under that same folder is an ordinary absolute path."""
    source = (
        "import os\nimport pandas as pd\nfrom pathlib import Path\nshapepath = '../Data/Input'\n"
        "name = '/huc' + '4' + 'flowlines.shp'\ndf = pd.read_csv(os.path.join(shapepath, name))\n"
        "df.to_csv(Path('results') / '/out.csv')\n"
        "pd.read_csv(os.path.join('/data/me', '/data/me/x.csv'))\n"
    )
    flow = flow_of({"a.py": source})
    got = [(p.code, p.line, p.target, p.access) for p in flow.problems]
    assert got == [
        ("SHR111", 6, "/huc4flowlines.shp", "read"),
        ("SHR111", 7, "/out.csv", "write"),
        ("SHR111", 8, "/data/me/x.csv", "read"),
    ]
    dropped, written, plain = (p.message for p in flow.problems)
    assert "drops every part before one that starts with `/`" in dropped
    assert "Remove the `/` at the start of the name (`huc4flowlines.shp`)" in dropped
    assert "`a.py` writes `/out.csv` (line 7)" in written
    assert "drops every part" not in plain


def test_a_placeholder_where_the_folder_sits_names_this_folder(tmp_path: Path) -> None:
    """MedicalGenomicsLab/deconvolution_benchmarking: `prefix = "???/deconvolution_benchmarking/01_exp"`
    (the authors wrote `???` where the folder sits on their computer) made every path a missing input under
    the notebook's own folder (404 problems). A placeholder before the folder's name, or before one of its
    folders, is this folder; before anything else it is a place for the reader to fill in."""
    root = write_tree(
        tmp_path / "study",
        {
            "data/raw.csv": "a\n1\n",
            "figures/README.md": "figures\n",
            "nb/plot.py": (
                "import pandas as pd\n"
                "df = pd.read_csv('???/study/data/raw.csv')\n"
                "df.to_csv('???/figures/table.csv')\n"
                "pd.read_csv('XXX/elsewhere/y.csv')\n"
            ),
            "nb/use.py": "import pandas as pd\npd.read_csv('figures/table.csv')\n",
        },
    )
    flow = trace(Project.load(root), cache=False)
    assert [(s.path, s.reads, s.writes, s.after) for s in flow.steps] == [
        ("nb/plot.py", ("data/raw.csv",), ("figures/table.csv",), ()),
        ("nb/use.py", ("figures/table.csv",), (), ("nb/plot.py",)),
    ]
    (problem,) = flow.problems
    assert (problem.code, problem.target) == ("SHR111", "XXX/elsewhere/y.csv")
    assert "a placeholder for whoever runs the code to fill in" in problem.message


def test_a_relative_chdir_says_the_script_runs_in_its_folder() -> None:
    """`scripts/run.py` does `os.chdir("../data")` and then reads `raw.csv`: from the top that chdir leaves
    the folder (two false SHR112), from `scripts/` it lands on `data/`, where `raw.csv` is. The same for
    `os.chdir("..")` back to the top; a chdir built from `__file__` says nothing of where it starts."""
    flow = flow_of(
        {
            "scripts/run.py": (
                "import os\nimport pandas as pd\nos.chdir('../data')\n"
                "df = pd.read_csv('raw.csv')\ndf.to_csv('clean.csv')\n"
            ),
            "tools/top.py": "import os\nos.chdir('..')\nopen('data/raw.csv')\n",
            "other/here.py": (
                "import os\nos.chdir(os.path.join(os.path.dirname(__file__), '..', 'data'))\n"
                "open('raw.csv')\n"
            ),
            "data/raw.csv": "a,b\n",
        }
    )
    assert io(flow, "scripts/run.py") == [("read", "data/raw.csv"), ("write", "data/clean.csv")]
    assert io(flow, "tools/top.py") == [("read", "data/raw.csv")]
    assert io(flow, "other/here.py") == [("read", "data/raw.csv")]
    assert flow.step("scripts/run.py").workdir == "scripts"  # type: ignore[union-attr]
    assert flow.step("tools/top.py").workdir == "tools"  # type: ignore[union-attr]
    assert not flow.problems


def test_a_listing_of_the_working_folder_filtered_by_name_reads_that_pattern() -> None:
    """`for f in os.listdir(): if f.endswith(".csv"): pd.read_csv(f)` and `[f for f in os.listdir(".") if
    f.startswith("run_")]` read `*.csv` and `run_*` (they read nothing sciship could see, so the step that
    writes those files was not put before them), as `glob.glob("*.csv")` and `Path(".").glob("*.txt")`
    do; also under `if not name.endswith(".csv"): continue`, and in a helper given the name. A test that
    lets two endings through says nothing (a false missing `*.tsv` where only `.csv` files are)."""
    flow = flow_of(
        {
            "a_list.py": (
                "import os\nimport pandas as pd\nfor f in os.listdir():\n"
                "    if f.endswith('.csv'):\n        df = pd.read_csv(f)\n"
            ),
            "b_runs.py": (
                "import os\nruns = [f for f in os.listdir('.') if f.startswith('run_')]\n"
                "for r in runs:\n    open(r).read()\n"
            ),
            "c_glob.py": (
                "import glob\nimport pandas as pd\nfor f in sorted(glob.glob('*.csv')):\n    pd.read_csv(f)\n"
            ),
            "f_two.py": (
                "import os\nfor f in os.listdir('results'):\n    if f.endswith(('.csv', '.tsv')):\n"
                "        open(os.path.join('results', f))\n"
            ),
            "d_path.py": "from pathlib import Path\nfor p in Path('.').glob('*.txt'):\n    p.read_text()\n",
            "e_skip.py": (
                "import os\ndef load(path):\n    return open(path).read()\n"
                "for name in sorted(os.listdir('results')):\n    if not name.endswith('.csv'):\n"
                "        continue\n    load(os.path.join('results', name))\n"
            ),
            "z_make.py": (
                "import pandas as pd\npd.DataFrame().to_csv('made.csv')\nopen('run_1', 'w').write('x')\n"
                "open('notes.txt', 'w').write('x')\n"
            ),
            "results/a.csv": "",
        }
    )
    assert io(flow, "a_list.py") == [("read", "*.csv")]
    assert io(flow, "b_runs.py") == [("read", "run_*")]
    assert io(flow, "e_skip.py") == [("read", "results/*.csv")]
    assert io(flow, "f_two.py") == [("read", "results/*")]
    assert [(s.path, s.after) for s in flow.steps] == [
        ("e_skip.py", ()),
        ("f_two.py", ()),
        ("z_make.py", ()),
        ("a_list.py", ("z_make.py",)),
        ("b_runs.py", ("z_make.py",)),
        ("c_glob.py", ("z_make.py",)),
        ("d_path.py", ("z_make.py",)),
    ]
    assert not flow.problems
