"""adopt's notes on paths come from the folder's data flow: only real path arguments, and a file some
script writes is not missing. The false notes real folders used to get are the first cases."""

from __future__ import annotations

import json
from pathlib import Path

from sciship.adopt import Adoption, adopt
from sciship.project import Project


def _notes(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str]]:
    src = tmp_path / "paper"
    for rel, text in files.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text, encoding="utf-8")
    result: Adoption = adopt(Project.load(src), tmp_path / "out")
    return [(n.path, n.message) for n in result.notes]


def _path_notes(notes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [n for n in notes if "`__file__`" not in n[1] and "sys.path" not in n[1]]


def test_strings_that_are_not_paths_get_no_note(tmp_path: Path) -> None:
    notes = _notes(
        tmp_path,
        {
            "plot.py": (
                "import re\nimport numpy as np\nimport matplotlib.pyplot as plt\n"
                "plt.ylabel('ATP/s')\n"  # an axis label with a slash
                "plt.title('/')\n"
                "pickles = re.compile(r'\\.pkl$')\n"  # a regular expression
                "for name in ['a', 'b']:\n"
                "    np.save(f'{name}.npy', np.zeros(2))\n"  # the .npy left over from an f-string
                "sep = '/'\n"
            ),
        },
    )
    assert _path_notes(notes) == []


def test_a_file_another_script_writes_is_not_missing(tmp_path: Path) -> None:
    notes = _notes(
        tmp_path,
        {
            "01_fit.py": "import numpy as np\nk = np.ones(3)\nnp.save('out/k', k)\n",
            "02_plot.py": "import numpy as np\nk = np.load('out/k.npy')\nprint(k)\n",
        },
    )
    assert _path_notes(notes) == []


def test_real_problems_are_noted_with_their_line(tmp_path: Path) -> None:
    notes = _notes(
        tmp_path,
        {
            "run.py": (
                "import pandas as pd\n"
                "a = pd.read_csv('/home/ana/data/a.csv')\n"
                "b = pd.read_csv('data/missing.csv')\n"
                "c = pd.read_csv('../../shared/c.csv')\n"
            ),
        },
    )
    assert _path_notes(notes) == [
        (
            "run.py:2",
            (
                "uses the absolute path `/home/ana/data/a.csv`, which will not exist on other computers; "
                "put the file in the project (e.g. `data/`) and use a relative path"
            ),
        ),
        (
            "run.py:3",
            (
                "reads `data/missing.csv`, which is not in the folder and that no script or notebook here "
                "writes; add the file or fix the path"
            ),
        ),
        (
            "run.py:4",
            (
                "uses `../../shared/c.csv`, which is outside the project folder; move the file into the "
                "project and use a path inside it"
            ),
        ),
    ]


def test_a_script_run_from_its_own_folder_gets_the_path_from_the_root(tmp_path: Path) -> None:
    notes = _notes(
        tmp_path,
        {
            "analysis/run.py": "import pandas as pd\ndf = "
            "pd.read_csv('../data/x.csv')\ndf.to_csv('out.csv')\n",
            "data/x.csv": "a\n1\n",
        },
    )
    assert _path_notes(notes) == [
        (
            "analysis/run.py:2",
            (
                "reads `../data/x.csv` relative to the script's own folder; commands run from the "
                "project root, so change it to `data/x.csv`"
            ),
        ),
        (
            "analysis/run.py:3",
            (
                "writes `out.csv` relative to the script's own folder; commands run from the "
                "project root, so change it to `analysis/out.csv`"
            ),
        ),
    ]


def test_a_helper_function_is_noted_in_the_helper(tmp_path: Path) -> None:
    notes = _notes(
        tmp_path,
        {
            "helpers.py": "import numpy as np\n\ndef load():\n    return np.load('/data/shared/k.npy')\n",
            "run.py": "import helpers\nprint(helpers.load())\n",
        },
    )
    assert [n[0] for n in _path_notes(notes)] == ["helpers.py:4"]


def test_a_moved_notebook_gets_its_paths_from_the_new_folder(tmp_path: Path) -> None:
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": "import pandas as pd\ndf = pd.read_csv('data/x.csv')\ndf.to_csv('out/y.csv')\n"
                "import matplotlib.pyplot as plt\nplt.ylabel('counts/s')\n",
            }
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    notes = _notes(
        tmp_path, {"explore.ipynb": json.dumps(nb), "data/x.csv": "a\n1\n", "run.py": "print(1)\n"}
    )
    (moved,) = [m for p, m in notes if p == "explore.ipynb" and m.startswith("moved")]
    assert moved.endswith(": `data/x.csv` -> `../data/x.csv`, `out/y.csv` -> `../out/y.csv`")
