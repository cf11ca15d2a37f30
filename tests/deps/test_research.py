"""Research folders without package metadata (issue 12, section 1): local code, sys.path, unresolved
imports, requirements files, aliases. Each fixture is shaped like the real folders the issue was
measured on (numbered scripts, a helper folder, notebooks, a pinned requirements file)."""

from __future__ import annotations

import json

from depskit import report, verdicts

from sciship.imports.scan import scan_source


def notebook(*cells: str) -> str:
    return json.dumps(
        {
            "cells": [{"cell_type": "code", "source": c, "metadata": {}, "outputs": []} for c in cells],
            "metadata": {"kernelspec": {"language": "python"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


# ---------------------------------------------------------------------- local code
def test_src_and_lib_folders_without_init_are_local_code() -> None:
    v = verdicts(
        {
            "requirements.txt": "numpy==1.26.4\npandas\n",
            "01_clean.py": "from src.common import load\nimport lib.io\nimport numpy as np\n",
            "02_plot.py": "from src import common\nfrom lib.io import read_table\nimport pandas as pd\n",
            "src/common.py": "import numpy\ndef load(p):\n    return numpy.loadtxt(p)\n",
            "src/figures.py": "from src.common import load\n",
            "lib/io.py": "import pandas\n",
        }
    )
    assert set(v) == {"numpy", "pandas"}
    assert v["numpy"].status == "ok"
    assert v["numpy"].scopes == ("script",)  # no package here: src/ is scripts, not package code


def test_sys_path_with_literal_paths_makes_a_folder_local() -> None:
    v = verdicts(
        {
            "requirements.txt": "scipy\n",
            "analysis/fig1.py": 'import sys\nsys.path.append("../lib")\nimport stats_helpers\nimport scipy\n',
            "analysis/fig2.py": (
                "import os, sys\n"
                'sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "code"))\n'
                "from plotting_tools import style\n"
            ),
            "lib/stats_helpers.py": "",
            "code/plotting_tools/__init__.py": "",
            "code/plotting_tools/style.py": "",
        }
    )
    assert set(v) == {"scipy"}


def test_sys_path_in_a_notebook_and_pythonpath_in_a_shell_script() -> None:
    v = verdicts(
        {
            "requirements.txt": "numpy\n",
            "notebooks/explore.ipynb": notebook(
                "import sys\nsys.path.append('../src')", "import preprocessing\nimport numpy"
            ),
            "src/preprocessing.py": "",
            "run_all.sh": 'lib_dir=tools\nexport PYTHONPATH=$( realpath "$( pwd )/${lib_dir}"):$PYTHONPATH\n',
            "scripts/make_maps.py": "import geo_utils\n",
            "tools/geo_utils.py": "",
        }
    )
    assert set(v) == {"numpy"}


def test_scan_records_sys_path_folders() -> None:
    text = (
        "import os, sys\n"
        "# sys.path.append('not/this')\n"
        'sys.path.append("../lib")\n'
        "sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'src'))\n"
        'sys.path.append("/home/someone/paper/helpers")\n'
        "sys.path.append(some_variable)\n"
    )
    assert scan_source(text, "a/b.py").sys_paths == (
        "cwd:../lib",
        "file:../src",
        "abs:/home/someone/paper/helpers",
    )


def test_a_folder_from_the_authors_computer_matches_by_its_tail() -> None:
    v = verdicts(
        {
            "scripts/session.py": (
                'import sys\nsys.path.append("/home/loidolt/Projects/popping-off/popoff")\nimport loadpaths\n'
            ),
            "popoff/loadpaths.py": "",
            "other.py": "import x_not_here_at_all\n",
        }
    )
    assert set(v) == {"x_not_here_at_all"}


# ---------------------------------------------------------------------- unresolved imports
def test_a_renamed_script_is_unresolved_with_did_you_mean() -> None:
    r = report(
        {
            "requirements.txt": "matplotlib\n",
            "fig_3.py": "import matplotlib.pyplot as plt\nfrom fig_3_helper_defs import panel\n",
            "fig_6.py": "from fig_6_helper_defs import panel\n",
            "fig_6_helper_defs.py": "def panel():\n    pass\n",
        }
    )
    (v,) = [d for d in r.dependencies if d.status == "unresolved"]
    assert v.distribution is None
    assert v.imports == ("fig_3_helper_defs",)
    assert v.suggestions == ("fig_6_helper_defs",)
    data = v.to_json()
    assert data["distribution"] is None
    assert data["first_seen"] == {"path": "fig_3.py", "line": 2}
    assert data["did_you_mean"] == ["fig_6_helper_defs"]
    assert "fig-3-helper-defs" not in json.dumps(r.to_json())  # never a guessed distribution name


def test_an_import_named_like_a_module_elsewhere_in_the_folder_is_local() -> None:
    v = verdicts({"notebooks/f2.ipynb": notebook("import Homer"), "tss/utils/Homer.py": ""})
    assert v == {}


def test_a_folder_of_notebooks_is_nothing_to_import() -> None:
    """pynucastro/pynucastro3.0-paper-notebooks keeps a notebook in `networkx/`: `import networkx` was taken
    for that folder, and networkx was left out of requirements.txt and of `sciship deps`."""
    v = verdicts({"networkx/cycles.ipynb": notebook("import networkx as nx\nimport numpy")})
    assert set(v) == {"networkx", "numpy"}
    assert v["networkx"].status == "missing"


# ---------------------------------------------------------------------- what is declared
def test_requirements_count_for_every_file_when_there_is_no_project_table() -> None:
    v = verdicts(
        {
            "environment.yml": "name: gern\ndependencies:\n  - python=3.10\n  - numpy\n  - pandas\n",
            "src/model.py": "import numpy\n",
            "src/data.py": "def load():\n    import pandas\n",
        }
    )
    assert {k: d.status for k, d in v.items()} == {"numpy": "ok", "pandas": "ok"}


def test_requirements_in_a_sub_folder_of_a_research_folder() -> None:
    v = verdicts(
        {
            "data-analysis/requirements.txt": "plotnine\npandas\n",
            "data-analysis/plots.py": "import plotnine\nimport pandas\n",
        }
    )
    assert {k: d.status for k, d in v.items()} == {"plotnine": "ok", "pandas": "ok"}


def test_a_conda_export_named_requirements_txt() -> None:
    export = (
        "# This file may be used to create an environment using:\n"
        "# $ conda create --name <env> --file <this file>\n# platform: linux-64\n"
        "_libgcc_mutex=0.1=conda_forge\n_openmp_mutex=4.5=1_gnu\nlibgcc-ng=13.2.0=h807b86a_5\n"
        "numpy=1.26.4=py311h64a7726_0\nscikit-learn=1.4.1=py311hc009520_0\n"
    )
    r = report({"requirements.txt": export, "fit.py": "import numpy\nimport sklearn\n"})
    assert {d.distribution: d.status for d in r.dependencies} == {"numpy": "ok", "scikit-learn": "ok"}
    assert not r.problems  # the conda lines are not "invalid requirements"


def test_a_conda_export_that_windows_wrote_as_utf_16() -> None:
    """pantelisantonoudiou/seizyml_manuscript_code: `requirements.txt` is a conda export PowerShell wrote
    in UTF-16 (pip reads it); it was read as nothing, and share said it lists none of the imports."""
    export = "# platform: win-64\nnumpy=1.26.4=py312h8753938_0\npandas=2.2.2=py312h72972c8_1\n"
    files: dict[str, str | bytes] = {
        "requirements.txt": export.encode("utf-16"),
        "fit.py": "import numpy\nimport pandas\n",
    }
    r = report(files)
    assert {d.distribution: d.status for d in r.dependencies} == {"numpy": "ok", "pandas": "ok"}


def test_a_requirement_declared_under_an_alias_is_one_finding() -> None:
    r = report(
        {
            "requirements.txt": "sklearn\nbs4\nPIL\nopencv\n",
            "train.py": "import sklearn\nfrom bs4 import BeautifulSoup\nfrom PIL import Image\nimport cv2\n",
        }
    )
    by = {d.distribution: d for d in r.dependencies}
    assert set(by) == {"scikit-learn", "beautifulsoup4", "pillow", "opencv-python"}
    assert {d.status for d in by.values()} == {"alias"}
    assert by["scikit-learn"].declared_as == "sklearn"
    assert "write `scikit-learn`" in (by["scikit-learn"].note or "")
    assert not [d for d in r.dependencies if d.status in {"missing", "unused"}]


def test_indirect_in_a_research_folder() -> None:
    v = verdicts(
        {
            "requirements.txt": "matplotlib\nnumpy\n",
            "figures.ipynb": notebook("import matplotlib.pyplot as plt\nfrom cycler import cycler"),
        }
    )
    assert v["cycler"].status == "indirect"
    assert v["cycler"].through == ("matplotlib", "cycler")
    assert "works today through matplotlib" in (v["cycler"].note or "")
