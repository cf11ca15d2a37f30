"""Bad input never raises: unreadable, binary, non-UTF-8, huge or damaged files, symlinks out of the folder,
non-UTF-8 names, a folder without code. Each gives a problem (or nothing to trace), and the rest is traced."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from flowkit import flow_of, io, notebook

from helpers import write_tree
from sciship.flow import trace
from sciship.project import Project


def _load(root: Path):  # type: ignore[no-untyped-def]
    return trace(Project.load(root), cache=False)


def test_binary_file_named_py() -> None:
    flow = flow_of({"blob.py": b"\x00\x01\x02ELF\x00", "run.py": "open('a.txt', 'w')\n"})
    assert [(p.code, p.path) for p in flow.problems] == [("SHR117", "blob.py")]
    assert [s.path for s in flow.steps] == ["run.py"]  # (skipped, so no step to run either)
    assert io(flow) == [("write", "a.txt")]


def test_not_utf8() -> None:
    flow = flow_of({"latin.py": "# caf\xe9\nopen('a.txt')\n".encode("latin-1"), "run.py": "print(1)\n"})
    (problem,) = flow.problems
    assert (problem.code, problem.path) == ("SHR117", "latin.py")
    assert "UTF-8" in problem.message


def test_python2_file_is_a_step_with_a_problem() -> None:
    flow = flow_of({"old.py": "print 'hello'\nopen('a.txt')\n", "new.py": "open('b.txt', 'w')\n"})
    assert [(s.path, s.python2) for s in flow.steps] == [("new.py", False), ("old.py", True)]
    (problem,) = flow.problems
    assert (problem.code, problem.line) == ("SHR117", 1)
    # a file Python 3 cannot parse for another reason is no Python 2 (its command stays `python`)
    flow = flow_of({"broken.py": "import os\nx = (\nopen('a.txt')\n"})
    assert [(s.path, s.python2) for s in flow.steps] == [("broken.py", False)]


@pytest.mark.parametrize(
    ("source", "line", "what"),
    [
        ("import os\nprint 'E = %f' % e\n", 2, "a `print` statement without brackets"),
        ("import os\ntry:\n    pass\nexcept ValueError, e:\n    pass\n", 4, "`except Error, name:`"),
        (  # jfoster17/malt90-analysis-code: Python 2 read a tab as eight spaces; Python 3 refuses the mix
            "def f(x):\n        if x:\n\treturn 1\n        print 'two'\n",
            3,
            "indentation that mixes tabs and spaces, as only Python 2 allowed",
        ),
    ],
)
def test_python2_says_so_and_what_to_do(source: str, line: int, what: str) -> None:
    """A script or a notebook cell in Python 2 is named as such, with the line that shows it and the way
    out, not only Python's syntax error (as `sciship check` and `deps` say it too)."""
    flow = flow_of({"old.py": source, "old.ipynb": notebook([("x = 1", 1), (source, 2)])})
    by_path = {p.path: p for p in flow.problems}
    script, cell = by_path["old.py"], by_path["old.ipynb"]
    assert (script.code, script.line) == ("SHR117", line)
    assert f"This file looks like Python 2 ({what} on line {line})" in script.message
    assert "If the analysis needs Python 2.7, say so in the README" in script.message
    assert "update it to Python 3" in script.message
    assert "delete" not in script.message  # (Python 2 code may be what the analysis needs)
    assert (cell.code, cell.cell) == ("SHR117", 1)
    assert f"Code cell 2 of this notebook looks like Python 2 ({what} on line {line})" in cell.message


def test_a_syntax_error_that_is_no_python2_keeps_pythons_words() -> None:
    (problem,) = flow_of({"broken.py": "import os\nx = (\n"}).problems
    assert problem.message.startswith("Python cannot parse this file (")


def test_tabs_mixed_with_spaces_in_a_python3_file_is_no_python2() -> None:
    """schwartzlab-methods/CellNEST_paper_figures: one tab-indented line in modern code (altair, pyvis)
    was called Python 2, with `2to3` as the way out; it says what is wrong and how to mend it."""
    source = "import altair as alt\n\ndef f(x):\n    if x:\n\treturn 1\n    return 2\n"
    (problem,) = flow_of({"plot.py": source}).problems
    assert (problem.code, problem.line) == ("SHR117", 5)
    assert "Python 2" not in problem.message
    assert "mixes tabs and spaces" in problem.message
    assert "re-indent it with spaces" in problem.message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "empty"),
        ("{not json", "not valid JSON"),
        ("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> x\n", "not valid JSON"),
        ("[1, 2]", "not a Jupyter notebook"),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_damaged_notebooks(content: str, words: str) -> None:
    flow = flow_of({"bad.ipynb": content, "ok.ipynb": notebook([("open('a.txt')", 1)])})
    problems = [p for p in flow.problems if p.path == "bad.ipynb"]
    assert [p.code for p in problems] == ["SHR117"]
    assert words in problems[0].message
    assert io(flow, "ok.ipynb") == [("read", "a.txt")]


def test_huge_notebook_outputs_do_not_matter() -> None:
    image = "iVBORw0KGgo" * 400_000  # ~4 MB of base64 in one output
    nb = json.loads(notebook([("import matplotlib.pyplot as plt\nplt.savefig('fig.png')", 1)]))
    nb["cells"][0]["outputs"] = [
        {"output_type": "display_data", "data": {"image/png": image}, "metadata": {}}
    ]
    flow = flow_of({"big.ipynb": json.dumps(nb)})
    assert io(flow) == [("write", "fig.png")]


def test_huge_generated_module_is_not_parsed() -> None:
    table = "TABLE = [\n" + "".join(f"    ({i}, 'open{i}'),\n" for i in range(60_000)) + "]\n"
    flow = flow_of({"table.py": table, "run.py": "from table import TABLE\nopen('x.txt', 'w')\n"})
    assert io(flow) == [("write", "x.txt")]


def test_deeply_nested_code() -> None:
    flow = flow_of({"deep.py": "x = " + "(" * 300 + "1" + ")" * 300 + "\nopen('a.txt')\n"})
    assert all(p.code in {"SHR117", "SHR110"} for p in flow.problems)


def test_a_folder_without_code(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "data-only", {"data/a.csv": "x\n", "README.md": "# data\n"})
    flow = _load(root)
    assert flow.steps == ()
    assert [(p.code, p.path) for p in flow.problems] == [("SHR118", ".")]


def test_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    flow = _load(tmp_path / "empty")
    assert [p.code for p in flow.problems] == ["SHR118"]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlinks_out_of_the_folder_are_never_followed(tmp_path: Path) -> None:
    outside = write_tree(
        tmp_path / "outside",
        {
            "secret.py": "open('stolen.txt', 'w')\n",
            "big.csv": "x\n",
            "nb.ipynb": notebook([("open('z')", 1)]),
        },
    )
    root = write_tree(tmp_path / "paper", {"run.py": "open('data/big.csv')\n"})
    (root / "data").mkdir()
    (root / "data" / "big.csv").symlink_to(outside / "big.csv")
    (root / "linked.py").symlink_to(outside / "secret.py")
    (root / "linked.ipynb").symlink_to(outside / "nb.ipynb")
    (root / "shared").symlink_to(outside, target_is_directory=True)
    flow = _load(root)
    assert [s.path for s in flow.steps] == ["run.py"]
    (problem,) = flow.problems
    assert problem.code == "SHR110"
    assert "a link to a file outside this folder" in problem.message


@pytest.mark.skipif(sys.platform != "linux", reason="file names that are not UTF-8 need a Linux file system")
def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    root = tmp_path / "paper"
    root.mkdir()
    name = os.fsdecode(b"caf\xe9.py")
    (root / name).write_text("open('r\\xe9sultat.csv', 'w')\nopen('data.csv')\n", encoding="utf-8")
    (root / "data.csv").write_text("x\n", encoding="utf-8")
    flow = _load(root)
    assert [s.path for s in flow.steps] == [name]
    assert flow.outputs == ("r\xe9sultat.csv",)
    json.dumps([s.path for s in flow.steps])  # still serialisable


def test_an_unreadable_file() -> None:
    def reader(rel: str) -> bytes:
        if rel == "locked.py":
            raise PermissionError(13, "Permission denied")
        return b"open('a.txt', 'w')\n"

    # a real unreadable file cannot be made when tests run as root, so the reader refuses instead
    project = Project(
        root=Path("/in-memory"),
        files=("locked.py", "run.py"),
        tracked=frozenset(),
        in_git=False,
        _reader=reader,
    )
    flow = trace(project, cache=False)
    assert [(p.code, p.path) for p in flow.problems] == [("SHR117", "locked.py")]
    assert io(flow, "run.py") == [("write", "a.txt")]


def test_long_chains_of_reassignments() -> None:
    chain = (
        "import pandas as pd\ndf = pd.read_csv('a.csv')\n" + "df = df.dropna()\n" * 3000 + "df.to_csv(df)\n"
    )
    path = "p = 'out'\n" + "p = p + '/x'\n" * 3000 + "open(p, 'w')\n"
    flow = flow_of({"chain.py": chain, "path.py": path, "a.csv": ""})
    assert ("read", "a.csv") in io(flow)
    assert not [p for p in flow.problems if p.code == "SHR117"]


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="Python 3.12 reads these f-strings")
def test_an_f_string_of_python_3_12_is_said_to_be_one() -> None:
    """AparajeetS/metric-audit-paper-code: a notebook cell with `f'{gain['mean']:.3f}'` was "not valid
    Python"; it is valid on Python 3.12 and newer, which the user needs to hear."""
    cell = "gain = {'mean': 1.0}\nprint(f'{gain['mean']:.3f}')\n"
    flow = flow_of({"audit.ipynb": notebook([(cell, 1)]), "audit.py": cell})
    messages = {p.path: p.message for p in flow.problems if p.code == "SHR117"}
    assert "Python 3.12 or newer" in messages["audit.ipynb"]
    assert "Python 3.12 or newer" in messages["audit.py"]


def test_the_marks_of_an_unfinished_merge() -> None:
    """eshanking/seascapes_figures: `km_figure.py` still held `<<<<<<< HEAD`, and share said only
    "invalid syntax" at line 134."""
    flow = flow_of(
        {"km_figure.py": "import os\nx = 1\n<<<<<<< HEAD\ny = 2\n=======\ny = 3\n>>>>>>> 1a2b3c4\n"}
    )
    (problem,) = flow.problems
    assert (problem.code, problem.line) == ("SHR117", 3)
    assert "unfinished git merge (`<<<<<<< HEAD` on line 3)" in problem.message


def test_a_function_taking_a_tuple_as_one_parameter_is_python_2() -> None:
    """csinva/neuronforest-analysis-scripts: `def f((x, y), z):` got Python's bare "Function parameters
    cannot be parenthesized", not the Python 2 advice its neighbours got."""
    flow = flow_of({"makeErrorCurves.py": "import os\n\ndef curve((x, y), z):\n    return x\n"})
    (problem,) = flow.problems
    assert (problem.code, problem.line) == ("SHR117", 3)
    assert "looks like Python 2 (a function taking a tuple as one parameter on line 3)" in problem.message


def test_a_py_file_in_another_language_says_what_it_is() -> None:
    """R code, MATLAB code and a notebook's JSON saved under a `.py` name: `library(ggplot2)` and
    `x <- read.csv(...)` are Python's syntax all the same (so R code was a step that read nothing), MATLAB
    got Python's bare "invalid syntax", and the notebook was a step too (its JSON is a Python dict). Each is
    no step, and its problem says what it is and what to rename it to."""
    r_code = 'library(ggplot2)\nx <- read.csv("a.csv")\nggsave("fig.png", ggplot(x, aes(a, b)))\n'
    matlab = "% Fit the model\nfunction y = model(x)\n    data = load('a.mat');\n    y = x .* 2;\nend\n"
    script = "clear all; close all;\ndata = csvread('a.csv');\nfor i = 1:10\n    disp(i);\nend\n"
    flow = flow_of(
        {
            "plot_r.py": r_code,
            "model.py": matlab,
            "fit/script_m.py": script,
            "nb.py": notebook([("import pandas as pd\npd.read_csv('a.csv')", 1)]),
            "run.py": "open('b.txt', 'w')\n",
        }
    )
    assert [s.path for s in flow.steps] == ["run.py"]
    said = {p.path: (p.code, p.line, p.message) for p in flow.problems}
    assert sorted(said) == ["fit/script_m.py", "model.py", "nb.py", "plot_r.py"]
    assert said["plot_r.py"] == (
        "SHR117",
        1,
        (
            "This file looks like R code, not Python (`library(ggplot2)` on line 1): Python cannot run it, "
            "and sciship reads only Python, so it cannot tell which files it reads and writes. Rename it to "
            "`plot_r.R`, so that whoever reruns the analysis knows to run it with R."
        ),
    )
    assert said["model.py"][:2] == ("SHR117", 2)
    assert "looks like MATLAB code, not Python (`function y = model(x)` on line 2)" in said["model.py"][2]
    assert "Rename it to `model.m`" in said["model.py"][2]
    assert said["fit/script_m.py"][:2] == ("SHR117", 1)
    assert "MATLAB code, not Python (`clear all` on line 1)" in said["fit/script_m.py"][2]
    assert "Rename it to `script_m.m`" in said["fit/script_m.py"][2]
    assert said["nb.py"][:2] == ("SHR117", 1)
    assert said["nb.py"][2].startswith("This file is a Jupyter notebook saved with the `.py` ending")
    assert "Rename it to `nb.ipynb`: Jupyter then opens it" in said["nb.py"][2]


@pytest.mark.parametrize(
    "source",
    [
        # R inside a Python script (rpy2): Python
        "import rpy2.robjects as ro\nro.r('''\nlibrary(ggplot2)\nx <- read.csv('a.csv')\n''')\nopen('b')\n",
        # Julia's `function f(x) ... end`, `for i = 1:n`: not named MATLAB (nothing only MATLAB writes)
        "function f(x)\n    for i = 1:10\n        println(i)\n    end\nend\n",
        # one sign is not enough: a lone `x <- y` and Python 2
        "x <- read.csv('a.csv')\nprint 'done'\n",
    ],
)
def test_a_python_file_is_never_named_another_language(source: str) -> None:
    flow = flow_of({"code.py": source})
    assert not any(w in p.message for p in flow.problems for w in ("R code", "MATLAB", "notebook saved"))


def test_a_script_not_written_yet_is_no_step() -> None:
    """A stub (`def main(): raise NotImplementedError` and its main block) was a step of REPRODUCE.md's
    run order, whose command stops with the error; a script that does anything else first stays one."""
    stub = '"""Fit model B (to do)."""\n\n\ndef main():\n    raise NotImplementedError\n\n\n'
    stub += 'if __name__ == "__main__":\n    main()\n'
    other = "import sys\n\ndef main():\n    '''Later.'''\n    raise NotImplementedError('model C')\n\n"
    other += "if __name__ == '__main__':\n    sys.exit(main())\n"
    first = "import numpy as np\nnp.save('x.npy', 1)\nraise NotImplementedError\n"
    later = "def main():\n    print('fitting')\n    raise NotImplementedError\n\n"
    later += "if __name__ == '__main__':\n    main()\n"
    flow = flow_of({"stub.py": stub, "stub_c.py": other, "first.py": first, "later.py": later})
    assert [s.path for s in flow.steps] == ["first.py", "later.py"]
    assert flow.stubs == ("stub.py", "stub_c.py")  # (for REPRODUCE.md to say so)
    assert io(flow, "first.py") == [("write", "x.npy")]
    assert flow.problems == ()
