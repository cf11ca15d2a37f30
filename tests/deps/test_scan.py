"""The scanner: imports, their context, markers, minimum Python, and bad input that must not crash."""

from __future__ import annotations

import json
import time

import pytest

from sciship.imports.scan import ImportSite, scan_notebook, scan_source


def sites(src: str) -> dict[str, ImportSite]:
    result = scan_source(src, "mod.py")
    assert result.problem is None, result.problem
    return {s.module: s for s in result.imports}


def test_plain_imports_record_module_top_and_line() -> None:
    found = sites("import os\nimport numpy as np, scipy.stats\nfrom google.cloud import storage\n")
    assert found["numpy"].line == 2
    assert found["scipy.stats"].top == "scipy"
    assert found["google.cloud"].names == ("storage",)
    assert all(s.context == "normal" and s.level == 0 for s in found.values())


def test_relative_imports_have_a_level() -> None:
    result = scan_source("from . import a\nfrom ..pkg.mod import b\n", "x.py")
    assert [(s.module, s.level) for s in result.imports] == [("", 1), ("pkg.mod", 2)]


@pytest.mark.parametrize(
    "handler",
    ["ImportError", "ModuleNotFoundError", "(ImportError, AttributeError)", "Exception", ""],
)
def test_try_except_import_error_is_optional(handler: str) -> None:
    found = sites(f"try:\n    import ujson\nexcept {handler}:\n    ujson = None\n")
    assert found["ujson"].context == "optional"


def test_fallback_in_the_handler_is_optional_too() -> None:
    found = sites("try:\n    import tomllib\nexcept ImportError:\n    import tomli as tomllib\n")
    assert found["tomli"].context == "optional"


def test_try_with_other_handler_is_normal() -> None:
    found = sites("try:\n    import numpy\nexcept KeyError:\n    pass\n")
    assert found["numpy"].context == "normal"


@pytest.mark.parametrize("test", ["TYPE_CHECKING", "typing.TYPE_CHECKING"])
def test_type_checking_imports_are_typing_only(test: str) -> None:
    found = sites(f"import typing\nif {test}:\n    import pandas\nelse:\n    import numpy\n")
    assert found["pandas"].context == "typing"
    assert found["numpy"].context == "normal"


def test_version_info_gives_markers_on_both_branches() -> None:
    found = sites(
        "import sys\nif sys.version_info >= (3, 11):\n    import tomllib\nelse:\n    import tomli\n"
    )
    assert found["tomllib"].context == "conditional"
    assert found["tomllib"].marker == 'python_version >= "3.11"'
    assert found["tomli"].marker == 'python_version < "3.11"'


def test_platform_markers() -> None:
    found = sites(
        "import sys\nif sys.platform == 'win32':\n    import winreg\n"
        "if sys.platform.startswith('linux'):\n    import pyudev\n"
    )
    assert found["winreg"].marker == 'sys_platform == "win32"'
    assert found["pyudev"].marker == 'sys_platform == "linux"'


def test_unwritable_condition_is_conditional_without_marker() -> None:
    found = sites("import sys\nif sys.version_info[0] == 3 and x:\n    import foo\n")
    assert found["foo"].context == "conditional"
    assert found["foo"].marker is None


def test_ordinary_if_is_normal() -> None:
    assert sites("if DEBUG:\n    import pdbpp\n")["pdbpp"].context == "normal"


def test_dynamic_imports_with_literal_names() -> None:
    found = sites(
        "import importlib\nfrom importlib import import_module\n"
        "importlib.import_module('yaml')\nimport_module('h5py')\n__import__('cv2')\n"
        "importlib.import_module(name)\nimportlib.import_module('.sub', 'pkg')\n"
    )
    assert {"yaml", "h5py", "cv2"} <= set(found)
    assert found["sub"].level == 1
    assert "name" not in found


def test_imports_inside_functions_count() -> None:
    assert sites("def f():\n    import matplotlib.pyplot as plt\n")["matplotlib.pyplot"].line == 2


@pytest.mark.parametrize(
    ("src", "version"),
    [
        ("if (n := 1):\n    pass\n", (3, 8)),
        ("def f(a, /, b):\n    pass\n", (3, 8)),
        ("match x:\n    case 1:\n        pass\n", (3, 10)),
        ("try:\n    pass\nexcept* ValueError:\n    pass\n", (3, 11)),
        ("x = 1\n", None),
    ],
)
def test_minimum_python_from_syntax(src: str, version: tuple[int, int] | None) -> None:
    assert scan_source(src, "m.py").min_python == version


def test_newer_syntax_than_the_running_python_is_reported() -> None:
    import sys

    result = scan_source("type Vector = list[float]\n", "m.py")
    if sys.version_info >= (3, 12):
        assert result.min_python == (3, 12)
    else:
        assert result.problem is not None
        assert "3.12" in result.problem.message


# ---------------------------------------------------------------------- bad input
def test_syntax_error_is_a_problem_with_a_line() -> None:
    result = scan_source("import os\ndef broken(:\n    pass\n", "bad.py")
    assert result.imports == ()
    assert result.problem is not None
    assert result.problem.line == 2
    assert "cannot parse" in result.problem.message


@pytest.mark.parametrize(
    "src",
    [
        'print "hello"\n',
        "try:\n    pass\nexcept ValueError, e:\n    pass\n",
        "x = 0777\n",
        "exec 'x = 1'\n",
        # the line alone does not show it (an `=` in the text); Python's own message does
        'print "E = %f" % e\n',
    ],
)
def test_python_2_is_recognised(src: str) -> None:
    result = scan_source("import os\n" + src, "old.py")
    assert result.problem is not None
    assert "looks like Python 2" in result.problem.message


def test_a_date_in_a_broken_file_is_not_python_2() -> None:
    result = scan_source('when = "2020-01-05"\nx = (\n', "m.py")
    assert result.problem is not None
    assert "Python 2" not in result.problem.message


def test_null_bytes_are_a_binary_file() -> None:
    result = scan_source("abc\x00\x01def", "data.py")
    assert result.problem is not None
    assert "binary" in result.problem.message


def test_five_megabyte_module_is_scanned() -> None:
    body = "".join(f"value_{i} = {{'key': [{i}, {i + 1}, 'text']}}\n" for i in range(120_000))
    src = "import numpy\n" + body + "import scipy\n"
    assert len(src) > 5_000_000
    start = time.perf_counter()
    result = scan_source(src, "big.py")
    elapsed = time.perf_counter() - start
    assert result.problem is None
    assert [s.module for s in result.imports] == ["numpy", "scipy"]
    print(f"5 MB module scanned in {elapsed:.2f}s")


# ---------------------------------------------------------------------- notebooks
def notebook(*cells: str, metadata: dict[str, object] | None = None) -> str:
    return json.dumps(
        {
            "cells": [{"cell_type": "code", "source": c.splitlines(keepends=True)} for c in cells]
            + [{"cell_type": "markdown", "source": ["import not_code"]}],
            "metadata": metadata if metadata is not None else {"language_info": {"name": "python"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def test_notebook_code_cells_with_magics_and_shell_lines() -> None:
    text = notebook(
        "%matplotlib inline\n!pip install seaborn\nimport pandas as pd\nfiles = !ls\n",
        "import seaborn\nmodel?\n",
        "%%bash\npip install nothing\n",
        "%%time\nimport xarray\n",
    )
    result = scan_notebook(text, "analysis.ipynb")
    assert result.problem is None
    found = {s.module: s for s in result.imports}
    assert set(found) == {"pandas", "seaborn", "xarray"}
    assert found["pandas"].cell == 1
    assert found["pandas"].line == 3
    assert found["seaborn"].cell == 2


def test_notebook_without_language_info_is_python() -> None:
    result = scan_notebook(notebook("import numpy\n", metadata={}), "n.ipynb")
    assert [s.module for s in result.imports] == ["numpy"]


def test_notebook_in_another_language_is_skipped() -> None:
    text = notebook("library(ggplot2)\n", metadata={"kernelspec": {"language": "R"}})
    result = scan_notebook(text, "n.ipynb")
    assert result.imports == ()
    assert result.problem is None


def test_notebook_that_is_not_json() -> None:
    result = scan_notebook('{"cells": [<<<<<<< HEAD', "broken.ipynb")
    assert result.problem is not None
    assert "not valid JSON" in result.problem.message


def test_notebook_with_a_broken_cell_keeps_the_others() -> None:
    result = scan_notebook(notebook("import numpy\n", "def (:\n", "import scipy\n"), "n.ipynb")
    assert [s.module for s in result.imports] == ["numpy", "scipy"]
    assert result.problem is not None
    assert "2" in result.problem.message


def test_a_script_written_as_notebook_cells_keeps_its_imports() -> None:
    """zouter/ChromatinHD_manuscript: Jupytext scripts with `%load_ext autoreload` and `!wget` lines are
    notebooks Jupyter runs; their imports were dropped ("cannot parse") and requirements.txt left out."""
    text = "# %%\n%load_ext autoreload\nimport pandas as pd\n\n# %%\n!wget https://e.org/x\nimport scipy\n"
    result = scan_source(text, "download.py")
    assert result.problem is None
    assert [s.top for s in result.imports] == ["pandas", "scipy"]
    plain = scan_source("%load_ext autoreload\nimport pandas as pd\n", "plain.py")
    assert plain.problem is not None  # no cells: Python's verdict
