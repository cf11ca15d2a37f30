"""Code the trace once misread (false SHR110/SHR113/SHR115 on packages' examples): switches set in the
file, one call made from several steps, notebooks and folders reached through links."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from flowkit import flow_of, io, notebook

from helpers import write_tree
from sciship.flow import Flow, trace
from sciship.project import Project


def _codes(flow: Flow) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in flow.problems]


# ---------------------------------------------------------------- switches the author sets in the file
def test_a_switch_set_off_in_the_file_switches_its_block_off() -> None:
    flow = flow_of(
        {
            "report.py": (
                "def run():\n"
                "    to_file = False\n"
                "    if to_file:\n"
                "        open('log/out.txt', 'w').write('x')\n"
                "    print('done')\n"
                "\n"
                "run()\n"
            ),
            "train.py": (
                "import torch\n"
                "data_dir = None  # set to a folder of images to train yourself\n"
                "if data_dir is None:\n"
                "    state = torch.load('weights.pth')\n"
                "else:\n"
                "    torch.save({}, 'weights.pth')\n"
            ),
        }
    )
    assert io(flow) == [("read", "weights.pth")]


def test_switches_written_every_way_python_allows() -> None:
    """The switches are looked for only where the text may set one; every way of writing
    ``name = <constant>`` is such a place (a backslash, brackets, a comment before the value, `;`, a
    header's colon), and a keyword argument is not."""
    from sciship.flow._extract import _switch_candidates

    text = (
        "to_file = \\\n    False\nx = 1; quiet = True\nif a: debug = (  # why\n    0)\n(cached) = None\n"
        "f(verbose=True, n=2)\nlevel == 3\nobj.attr = 1\nitems[0] = 1\ncount = \\\n  -1\n"
    )
    assert _switch_candidates(text) == {"to_file", "x", "quiet", "debug", "cached"}
    flow = flow_of({"report.py": "to_file = \\\n    False\nif to_file:\n    open('out.txt', 'w')\n"})
    assert io(flow) == []


def test_a_name_bound_more_than_once_is_not_a_switch() -> None:
    flow = flow_of(
        {
            "a.py": "to_file = False\nto_file = True\nif to_file:\n    open('a.txt', 'w')\n",
            "b.py": (
                "import sys\nto_file = False\nfor to_file in sys.argv:\n    pass\n"
                "if to_file:\n    open('b.txt', 'w')\n"
            ),
            "c.py": "def save(to_file=False):\n    if to_file:\n        open('c.txt', 'w')\n\nsave(True)\n",
            "d.py": (
                "to_file = False\n\ndef on():\n    global to_file\n    to_file = True\n\n"
                "on()\nif to_file:\n    open('d.txt', 'w')\n"
            ),
        }
    )
    assert sorted(io(flow)) == [("write", f"{n}.txt") for n in "abcd"]


def test_the_switch_scan_that_skips_lines_gives_what_the_whole_scan_gives() -> None:
    """The switch scan walks only statements and expressions on lines that name the tested switch, in the
    scope a test asks about: every way an expression can bind a name (walrus, comprehension, lambda, an
    f-string's walrus) on another line of the same statement, a decorator above its line, a `global` in
    a function no test looks into, line ends Python counts (a lone CR), and names written in compatible
    Unicode (NFKC: `ﬁle` is `file`) give the same answer as walking everything."""
    import ast

    from sciship.flow._extract import _Flags

    texts = [
        "to_file = False\nx = [1,\n  (to_file := 3)]\nif to_file:\n    pass\n",
        "to_file = False\nys = [0 for\n  to_file in range(3)]\nif to_file:\n    pass\n",
        "to_file = False\nf = lambda \\\n  to_file=1: to_file\nif to_file:\n    pass\n",
        'to_file = False\nprint(f"{(to_file := 1)}"\n  "x")\nif to_file:\n    pass\n',
        "to_file = False\rprint([to_file\r for to_file in 'ab'])\rif to_file:\r    pass\r",
        "to_file = False\r\nif to_file:\r\n    pass\r\n",
        "\ufb01le = None\nfor file in []:\n    pass\nif file is None:\n    pass\n",
        "\ufb01le = None\nif file is None:\n    pass\n",
        (
            "def f(a,\n      to_file=None):\n    def g():\n        if to_file:\n            pass\n"
            "    if to_file:\n        pass\n\nto_file = 2\nif to_file == 2:\n    pass\n"
        ),
        (
            "class C:\n    to_file = 0\n    if to_file:\n        pass\ntry:\n    pass\n"
            "except OSError as to_file:\n    pass\nif not to_file:\n    pass\n"
        ),
        (
            "import sys\nmatch sys.argv:\n    case [to_file]:\n        pass\nto_file = 1\n"
            "if to_file:\n    pass\n"
        ),
        # a scope is read only when a test asks: a `global` in a function nobody asks about still counts
        "to_file = False\ndef g():\n    global to_file\n    to_file = 1\nif to_file:\n    pass\n",
        # a decorator's line comes before its `def` (or `class`) line
        "@(to_file := print)\ndef f():\n    pass\nto_file = False\nif to_file:\n    pass\n",
        "@(to_file := print)\nclass C:\n    pass\nto_file = False\nif to_file:\n    pass\n",
        "def f():\n    def to_file():\n        pass\n    to_file = 0\n    if to_file:\n        pass\n",
    ]
    for text in texts:
        stmts = ast.parse(text).body
        part = _Flags(stmts, text)
        names = part.tested
        assert names, text
        whole = {}  # every scope with every expression walked
        for key in (0, *part.functions):
            body = part._body(key)
            assert body is not None
            whole[key] = part._scan(body[0], body[1], None)
        for key, (bound, values) in whole.items():
            for name in names:
                assert part.about(key, name) == (name in bound, name in values, values.get(name)), text


def test_a_parameter_of_the_same_name_in_another_function_does_not_count() -> None:
    flow = flow_of(
        {
            "ex.py": (
                "import torch\n"
                "def train(root):\n"
                "    return root\n"
                "root = None\n"
                "if root is None:\n"
                "    torch.load('w.pth')\n"
                "else:\n"
                "    torch.save(train(root), 'w.pth')\n"
            )
        }
    )
    assert io(flow) == [("read", "w.pth")]


# ---------------------------------------------------------------- one call, made from several steps
_DEMO = (
    "import numpy as np\n"
    "def demo(name='demo.npy'):\n"
    "    np.save(name, np.arange(3))\n"
    "def save(values):\n"
    "    np.save('values.npy', values)\n"
)


def test_steps_making_the_same_call_write_the_same_file() -> None:
    flow = flow_of(
        {
            "mylib.py": _DEMO,
            "ex1.ipynb": notebook([("from mylib import demo\ndemo()", 1)]),
            "ex2.ipynb": notebook([("from mylib import demo\ndemo()", 1)]),
            "ex3.py": "from mylib import demo\n\nif __name__ == '__main__':\n    demo('demo.npy')\n",
        }
    )
    assert [p for p in flow.problems if p.code == "SHR113"] == []
    assert flow.outputs == ("demo.npy",)


def test_steps_making_different_calls_still_overwrite_each_other() -> None:
    flow = flow_of(
        {
            "mylib.py": _DEMO,
            "a.py": "import numpy as np\nfrom mylib import save\nsave(np.ones(2))\n",
            "b.py": "import numpy as np\nfrom mylib import save\nsave(np.zeros(2))\n",
            "c.py": "from mylib import demo\ndemo('out/x.npy')\n",
            "d.py": (
                "from mylib import demo\nimport sys\n"
                "demo(sys.argv[1] if len(sys.argv) > 1 else 'out/x.npy')\n"
            ),
        }
    )
    assert sorted(p.path for p in flow.problems if p.code == "SHR113") == ["b.py", "d.py"]


def test_steps_that_each_update_a_file_in_place_do_not_overwrite_each_other() -> None:
    """Two copies of a cluster job script each read `2sub.sub`, change their lines and write it back
    (bastow-libby/11-year-Update-Paper-Figures): each adds to what is there, so it is not "the last one
    wins". A step that writes the file from scratch and one that then updates it run in that order
    (the update reads what the other made), and nothing is lost either."""
    update = "lines = open('2sub.sub').readlines()\nopen('2sub.sub', 'w').writelines(lines[1:])\n"
    flow = flow_of({"fig7/clean.py": update, "table1/clean.py": update, "2sub.sub": "x\n"})
    assert flow.problems == ()
    flow = flow_of({"make.py": "open('2sub.sub', 'w').write('x')\n", "clean.py": update, "2sub.sub": ""})
    assert flow.problems == ()
    assert flow.step("clean.py").after == ("make.py",)  # type: ignore[union-attr]


def test_a_code_generator_run_as_a_module_and_from_a_script() -> None:
    flow = flow_of(
        {
            "pkg/__init__.py": "",
            "pkg/gen.py": (
                "from pathlib import Path\n"
                "def _main():\n"
                "    here = Path(__file__)\n"
                "    text = here.read_text()\n"
                "    here.write_text(text)\n"
                "    (here.parent / 'made.py').write_text('x = 1\\n')\n"
                "\n"
                "if __name__ == '__main__':\n"
                "    _main()\n"
            ),
            "scripts/regenerate.py": (
                "def main():\n    from pkg.gen import _main\n    _main()\n\n"
                "if __name__ == '__main__':\n    main()\n"
            ),
        }
    )
    assert [p for p in flow.problems if p.code == "SHR113"] == []


# ---------------------------------------------------------------- links
def _git(root: Path) -> None:
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_notebook_linked_into_the_docs_is_one_step(tmp_path: Path) -> None:
    reads = "import pandas as pd\npd.read_csv('data/table.csv')"
    root = write_tree(
        tmp_path / "paper",
        {"study/run.ipynb": notebook([(reads, 1)]), "study/data/table.csv": "a\n1\n"},
    )
    (root / "docs").mkdir()
    (root / "docs" / "run.ipynb").symlink_to(Path("..") / "study" / "run.ipynb")
    _git(root)
    flow = trace(Project.load(root), cache=False)
    assert [s.path for s in flow.steps] == ["study/run.ipynb"]
    assert _codes(flow) == []


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_file_read_through_a_linked_folder_is_in_the_folder(tmp_path: Path) -> None:
    reads = "print(open('models/pin.inp').read())"
    root = write_tree(
        tmp_path / "paper",
        {"demo/answers/a.ipynb": notebook([(reads, 1)]), "demo/models/pin.inp": "x\n"},
    )
    (root / "demo" / "answers" / "models").symlink_to(Path("..") / "models", target_is_directory=True)
    _git(root)
    flow = trace(Project.load(root), cache=False)
    assert _codes(flow) == []
    # a link to a folder outside the project is still not followed
    outside = write_tree(tmp_path / "elsewhere", {"pin2.inp": "y\n"})
    (root / "demo" / "answers" / "ext").symlink_to(outside, target_is_directory=True)
    (root / "demo" / "answers" / "b.ipynb").write_text(
        notebook([("open('ext/pin2.inp')", 1)]), encoding="utf-8"
    )
    _git(root)
    flow = trace(Project.load(root), cache=False)
    assert _codes(flow) == [("SHR110", "demo/answers/b.ipynb")]


# ---------------------------------------------------------------- the same code, the same facts
def test_comprehensions_read_the_same_every_time() -> None:
    """A comprehension's names live only while it is read; their values were remembered by the names'
    memory addresses, which Python reuses: a later comprehension could get an earlier one's value, so the
    same file gave different reads from run to run (19 different results in 20 runs of this file)."""
    from sciship.flow._extract import extract_source

    lines = ["import numpy as np", "import os", "root = 'data'", "names = ['a.csv', 'b.csv']"]
    for k in range(60):
        lines.append(f"files{k} = [os.path.join(root, n) for n in names]")
        lines.append(f"rows{k} = [np.loadtxt(f) for f in files{k}]")
        lines.append(f"np.save(os.path.join('out', 'r{k}.npy'), [r for r in rows{k}])")
    text = "\n".join(lines) + "\n"
    first = extract_source(text, "steps.py")
    for _ in range(10):
        assert extract_source(text, "steps.py") == first
    reads = [u for u in first.uses if u.call == "np.loadtxt"]
    assert len(reads) == 60
    names = ("each", ("list", (("s", "a.csv"), ("s", "b.csv"))))
    expected = ("each", ("list", (("join", (("s", "data"), names)),)))
    assert all(u.expr == expected for u in reads)


def test_a_word_is_found_where_the_pattern_word_then_boundary_finds_it() -> None:
    """The search for whole words (which lines to look at) gives what the regular expression it
    replaced gives: not inside a longer name, Unicode letters and digits included, `_` too."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from sciship.flow._extract import _word_at

    def pattern(text: str, word: str) -> list[int]:
        return [
            m.start()
            for m in re.finditer(re.escape(word) + r"\b", text)
            if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")
        ]

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(["np", "save", "a", "_", "é", "1", " ", ".", "\n", "(", "npx", "ß"])))
    def check(parts: list[str]) -> None:
        text = "".join(parts)
        for word in ("np", "save", "a", "npx", "a_"):
            assert _word_at(text, word) == pattern(text, word)

    check()
    assert _word_at("aaa a aa", "aa") == [6]
    assert _word_at("np.save(x)\nmy_np = 1\nnp2 np", "np") == [0, 25]


def test_a_script_with_old_mac_line_ends_keeps_its_file_accesses() -> None:
    """Python counts a lone CR as a line end; the lines worth searching were counted by LF only, so in a
    long script saved with CR line ends no line past the first was searched and its writes were lost."""
    from sciship.flow._extract import extract_source

    padding = "".join(f"# note {i} {'x' * 60}\n" for i in range(60))
    text = "import numpy as np\n" + padding + "x = 1\nnp.save('out.npy', x)\n"
    for end in ("\n", "\r\n", "\r"):
        facts = extract_source(text.replace("\n", end), "a.py")
        assert [(u.call, u.line) for u in facts.uses] == [("np.save", 63)], repr(end)


def test_whole_line_patterns_find_in_a_leading_line_end_what_they_found_from_line_starts() -> None:
    """The patterns of whole lines (definitions, imports, objects made from a class) are searched in
    "\\n" + text, a literal start being much faster to find than `^`: they find the same lines, with the
    same groups, as the `^` patterns they replaced, continued and bracketed imports included."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from sciship.flow import _extract

    line = re.MULTILINE
    replaced = {
        "_MADE": re.compile(r"^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_][\w.]*)\(", line),
        "_STAR_IMPORT": re.compile(r"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+\*", line),
        "_DEF_NAME": re.compile(r"^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+([A-Za-z_]\w*)", line),
        "_FROM": re.compile(
            r"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[\w \t,.]+(?:\\\n[\w \t,.]+)*)", line
        ),
        "_IMPORT_AS": re.compile(r"^[ \t]*import[ \t]+([\w \t,.]+)", line),
    }
    words = ["from", "import", "def", "class", "async", "x", "m.n", "é", "_a", "1", ".", ",", "*", "="]
    words += ["(", ")"]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from([*words, " ", "\t", "\n", "\r", "\\", "\\\n", " = ", "f("])))
    def check(parts: list[str]) -> None:
        text = "".join(parts)
        for name, old in replaced.items():
            new = getattr(_extract, name)
            assert [m.groups() for m in new.finditer("\n" + text)] == [m.groups() for m in old.finditer(text)]

    check()
    text = "from a import (b,\n  c)\nfrom d import e, \\\n  f\nimport g.h as i\n"
    text += "class K:\n    def m(self): x = K(1)\n"
    for name, old in replaced.items():
        new = getattr(_extract, name)
        assert [m.groups() for m in new.finditer("\n" + text)] == [m.groups() for m in old.finditer(text)]


def test_a_module_s_own_names_are_not_looked_for_in_star_imports(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`__name__` (and the other names Python sets in every module) is the script's own: `from helpers
    import *` does not bring it (a star import skips names that start with `_`), so the helper is not
    parsed again in full to look for it; a constant the star import does bring is still found."""
    from sciship.flow import _trace

    files = {
        "helpers.py": "import os\nOUT = 'results'\n\ndef save(x):\n    return x\n",
        "run.py": (
            "import logging\nimport numpy as np\nfrom helpers import *\n\n"
            "log = logging.getLogger(__name__)\n"
            "if __name__ == '__main__':\n    np.save(OUT + '/a.npy', 1)\n"
        ),
    }
    parsed: list[tuple[str, bool]] = []
    real = _trace._Tracer._extract

    def counted(self, rel, text, full):  # type: ignore[no-untyped-def]
        parsed.append((rel, full))
        return real(self, rel, text, full)

    monkeypatch.setattr(_trace._Tracer, "_extract", counted)
    flow = flow_of(files)
    assert flow.outputs == ("results/a.npy",)
    assert ("helpers.py", True) not in parsed


# ---------------------------------------------------------------- files named like tests
def test_a_file_named_like_a_test_is_a_test_only_when_it_holds_tests() -> None:
    """pytest collects ``test_*.py`` and ``*_test.py``, but in a research folder ``permutation_test.py`` is
    the statistical test and ``test_model.py`` may evaluate a model: such a file is a script unless it
    holds tests (pytest or unittest imported, ``assert`` in its top level; a ``test`` function or a
    ``Test`` class, unless the file runs itself and asserts nothing)."""
    flow = flow_of(
        {
            "test_model.py": "import numpy as np\nnp.save('scores', np.load('weights.npy'))\n",
            "permutation_test.py": "import pandas as pd\npd.read_csv('counts.csv').to_csv('p_values.csv')\n",
            "test_io.py": "def test_roundtrip(tmp_path):\n    open(tmp_path / 'x.txt', 'w')\n",
            "check_test.py": "import unittest\nopen('fixture.txt')\n",
            "test_service.py": "import json\nanswer = json.load(open('tmp/reply.json'))\nassert answer\n",
            # zerbeln/PhD_Dissertation_Counterfactuals: a `test_` function that evaluates, run by the file
            "test_policies.py": (
                "import pandas as pd\ndef test_policies(config_id):\n"
                "    pd.DataFrame({'visits': [config_id]}).to_csv('visits.csv')\n"
                "if __name__ == '__main__':\n    test_policies(0)\n"
            ),
            "test_checked.py": (  # ... but one that asserts is a test run as a script
                "def test_sum():\n    assert sum([1]) == 1\nif __name__ == '__main__':\n    test_sum()\n"
            ),
            "weights.npy": "",
            "counts.csv": "",
        }
    )
    assert [s.path for s in flow.steps] == ["permutation_test.py", "test_model.py", "test_policies.py"]
    assert sorted(io(flow, "test_model.py")) == [("read", "weights.npy"), ("write", "scores.npy")]
    assert sorted(io(flow, "permutation_test.py")) == [("read", "counts.csv"), ("write", "p_values.csv")]
    assert flow.problems == ()


# ---------------------------------------------------------------- notebooks and their Jupytext copies
def test_a_notebooks_jupytext_copy_is_one_step_with_it() -> None:
    """theislab/regvelo_reproducibility pairs `notebooks/x/2_fit.ipynb` with `scripts/x/2_fit.py` (Jupytext's
    `# %%` cells): the same code, so one step, the notebook (not 173 files "written by two steps"). A
    copy whose number was dropped (`dynamo.py` next to `3_dynamo.ipynb`) is one too; a plain script of
    the same name is a step of its own. And `import dynamo` in another folder is the installed package,
    never the Jupytext copy named `dynamo.py`."""
    cells = "# %%\nimport pandas as pd\n\n# %%\npd.DataFrame().to_csv('results/fit.csv')\n"
    flow = flow_of(
        {
            "notebooks/cc/2_fit.ipynb": notebook(
                [("import pandas as pd\npd.DataFrame().to_csv('../../results/fit.csv')", 1)]
            ),
            "scripts/cc/2_fit.py": cells.replace("results/", "../../results/"),
            "notebooks/zf/3_dynamo.ipynb": notebook([("open('../../results/ko.csv', 'w')", 1)]),
            "scripts/zf/dynamo.py": "# %%\nopen('../../results/ko.csv', 'w')\n",
            "notebooks/hem/4_plot.ipynb": notebook([("import dynamo as dyn\nprint(dyn.pl)", 1)]),
            "scripts/cc/report.py": "open('../../results/report.txt', 'w')\n",
        }
    )
    assert [s.path for s in flow.steps] == [
        "notebooks/cc/2_fit.ipynb",
        "notebooks/hem/4_plot.ipynb",
        "notebooks/zf/3_dynamo.ipynb",
        "scripts/cc/report.py",
    ]
    assert io(flow, "notebooks/hem/4_plot.ipynb") == []
    assert flow.problems == ()


def test_a_write_in_an_unknown_folder_says_nothing_about_a_read_of_any_name() -> None:
    """meteorologytoday/paperfigures-airsea-cpl-ECCC: one script reads every `.nc` of a folder, another
    writes `variance_*.nc` in a folder sciship cannot know: that is no reason to run the second first
    (here it made a circle of steps that need each other)."""
    flow = flow_of(
        {
            "a.py": "import glob\nfor f in glob.glob('clim/*.nc'):\n    open(f)\nopen('objects/a.nc', 'w')\n",
            "b.py": (
                "import os, sys\nout = sys.argv[1]\nopen('objects/a.nc')\n"
                "open(os.path.join(out, 'variance_%s.nc' % sys.argv[2]), 'w')\n"
            ),
            "clim/x.nc": "",
        }
    )
    assert flow.step("a.py").after == ()  # type: ignore[union-attr]
    assert flow.step("b.py").after == ("a.py",)  # type: ignore[union-attr]
    assert [p.code for p in flow.problems] == []


# ---------------------------------------------------------------- signac's job folders
def test_what_a_signac_job_reads_is_in_the_jobs_own_folder() -> None:
    """mosdef-hub/reproducibility_study: `with job:` (and signac-flow operations `@flow.with_job`) run in
    the job's own folder, which only signac knows: `log-npt.txt` there is no missing input of the top
    folder; paths outside such a block are as before."""
    helper = (
        "import signac\nimport pandas as pd\n\ndef samples(job, name):\n    with job:\n"
        "        return pd.read_csv(name)\n\ndef summary():\n    return pd.read_csv('summary.csv')\n"
    )
    project = (
        "import flow\nimport numpy as np\nfrom sampler import samples, summary\n\n"
        "@flow.with_job\ndef write_density(job):\n    np.save('density.npy', samples(job, 'log-npt.txt'))\n\n"
        "write_density(None)\nsummary()\n"
    )
    flow = flow_of({"sampler.py": helper, "project.py": project})
    assert sorted(io(flow, "project.py")) == [
        ("read", "**/log-npt.txt"),
        ("read", "summary.csv"),
        ("write", "**/density.npy"),
    ]
    assert [(p.code, p.message.split("`")[3]) for p in flow.problems] == [("SHR110", "summary.csv")]


# ---------------------------------------------------------------- where a script ran
def test_a_result_left_beside_a_script_says_it_ran_from_its_own_folder() -> None:
    """mosdef-hub/reproducibility_study: two copies of `analyze_data.py`, each in its subproject's
    `aggregate_summary/` with the `aggregate_summary_all.csv` it writes beside it: each ran from its own
    folder and wrote its own file (no two steps writing one file at the top); a script whose result is
    nowhere still runs from the top."""
    script = "import pandas as pd\ndf = pd.DataFrame()\ndf.to_csv('aggregate_summary_all.csv')\n"
    flow = flow_of(
        {
            "lrc/aggregate_summary/analyze_data.py": script,
            "lrc/aggregate_summary/aggregate_summary_all.csv": "",
            "water/aggregate_summary/analyze_data.py": script,
            "water/aggregate_summary/aggregate_summary_all.csv": "",
            "other/summary.py": "open('table.txt', 'w')\n",
            # a command whose outputs nobody can name says nothing: it runs where the scripts beside it do
            "water/aggregate_summary/fetch.py": (
                "import os, sys\nos.system('grib_to_netcdf -o %s x.grib' % sys.argv[1])\nopen('raw.txt')\n"
            ),
        }
    )
    assert io(flow, "water/aggregate_summary/fetch.py") == [("read", "water/aggregate_summary/raw.txt")]
    assert io(flow, "lrc/aggregate_summary/analyze_data.py") == [
        ("write", "lrc/aggregate_summary/aggregate_summary_all.csv")
    ]
    assert io(flow, "water/aggregate_summary/analyze_data.py") == [
        ("write", "water/aggregate_summary/aggregate_summary_all.csv")
    ]
    assert io(flow, "other/summary.py") == [("write", "table.txt")]
    assert flow.problems == ()


def test_a_script_among_files_like_its_own_runs_from_its_folder() -> None:
    """RomeroLab/PU-learning-paper-analysis: `data/HA/filter.py` reads `HA_ref_mutations.txt` (made
    elsewhere, not in the repository) and writes `HA_ref_filtered.txt`; nothing else says where it runs,
    but `data/HA/` holds `HA_ref_read_counts.txt` and no folder above holds an `HA_*.txt`: it works
    among them. A script whose names look like nothing nearby still runs from the top."""
    flow = flow_of(
        {
            "data/HA/filter.py": (
                "text = open('HA_ref_mutations.txt').read()\nopen('HA_ref_filtered.txt', 'w').write(text)\n"
            ),
            "data/HA/HA_ref_read_counts.txt": "",
            "data/GB1/process.py": "open('GB1_table.csv')\n",
            "data/GB1/notes.txt": "",
        }
    )
    assert io(flow, "data/HA/filter.py") == [
        ("read", "data/HA/HA_ref_mutations.txt"),
        ("write", "data/HA/HA_ref_filtered.txt"),
    ]
    assert io(flow, "data/GB1/process.py") == [("read", "GB1_table.csv")]


# ---------------------------------------------------------------- a name set again in a branch
def test_a_name_set_again_in_a_branch_may_still_hold_its_first_value() -> None:
    """peterkirgis/hal-paper-analysis: a helper replaces its `directory` argument only when asked to
    download (`if download_if_missing: directory = f"hal_traces_{stamp}"`), then reads what is in it;
    sciship kept only the branch's value, so the folder the scripts read by default (and its missing
    files) never showed. After a branch, a loop or a `try`, the name holds either value; after an
    `if`/`else` that both set it, only theirs."""
    helper = (
        "import os\n\ndef process(directory, download=False):\n    if download:\n"
        "        directory = 'downloads'\n        open(os.path.join(directory, 'a.json'), 'w')\n"
        "    for name in os.listdir(directory):\n        open(os.path.join(directory, name))\n"
    )
    script = (
        "import argparse\nfrom helper import process\np = argparse.ArgumentParser()\n"
        "p.add_argument('--download', action='store_true')\np.add_argument('--debug', action='store_true')\n"
        "args = p.parse_args()\nprocess('traces', download=args.download)\n"
        "out = 'results'\nif args.debug:\n    out = 'debug'\nopen(out + '/log.txt', 'w')\n"
        "name = 'unused.csv'\nif args.debug:\n    name = 'small.csv'\nelse:\n    name = 'full.csv'\n"
        "open('tables/' + name, 'w')\n"
        "try:\n    source = 'fast.parquet'\nexcept ImportError:\n    source = 'slow.csv'\nopen(source)\n"
    )
    flow = flow_of({"helper.py": helper, "run.py": script, "fast.parquet": "", "slow.csv": ""})
    assert sorted(io(flow, "run.py")) == [
        ("read", "downloads/*"),
        ("read", "fast.parquet"),
        ("read", "slow.csv"),
        ("read", "traces/*"),
        ("write", "debug/log.txt"),
        ("write", "downloads/a.json"),
        ("write", "results/log.txt"),
        ("write", "tables/full.csv"),
        ("write", "tables/small.csv"),
    ]


def test_a_branch_on_a_setting_of_the_file_or_a_missing_argument_is_decided() -> None:
    """The branches that set a name again are decided where the code decides them: a test on a text the
    file sets (`cmip = "CMIP6"`, then `if cmip == "CMIP5":`), an argument left to `None` (`if outdir is
    None: outdir = here`, bastow-libby's `pysubmit`); a test on settings sciship cannot work out
    (`if int(aaend) >= 2015:`, IPCC AR6 chapter 9) keeps the last value, as before; a switch set off
    (`debug = False`) keeps its branch out."""
    submit = (
        "import os\n\ndef submit(job, outdir=None):\n    if outdir is None:\n        outdir = 'jobs'\n"
        "    open(os.path.join(outdir, job + '.sh'), 'w')\n"
    )
    script = (
        "from submit import submit\ncmip = 'CMIP6'\naaend = '2014'\ndebug = False\n"
        "if cmip == 'CMIP5':\n    if int(aaend) >= 2006:\n        name = 'cmip5_rcp85.txt'\n"
        "    else:\n        name = 'cmip5_hist.txt'\nelif cmip == 'CMIP6':\n"
        "    if int(aaend) >= 2015:\n        name = 'cmip6_ssp585.txt'\n    else:\n"
        "        name = 'cmip6_hist.txt'\nelse:\n    quit()\nopen(name)\n"
        "out = 'figures'\nif debug:\n    out = 'scratch'\nopen(out + '/fig.png', 'w')\n"
        "submit('a')\nsubmit('b', outdir='cluster')\n"
    )
    flow = flow_of({"submit.py": submit, "plot.py": script, "cmip6_hist.txt": ""})
    assert sorted(io(flow, "plot.py")) == [
        ("read", "cmip6_hist.txt"),
        ("write", "cluster/b.sh"),
        ("write", "figures/fig.png"),
        ("write", "jobs/a.sh"),
    ]
    assert flow.problems == ()


def test_patterns_that_meet_only_by_their_unknown_parts_are_no_edge() -> None:
    """falettiwx/WoFS-ESA-Manuscript-Code, isshamie/CH_TSS: a read in an unknown folder
    (`**/mrms_indices_*`, `**/parameters/params.yaml`) came after a step writing `**/plots/*min_lead.png`
    or `results/*/*.yaml`: a name could fit both only through what neither knows. A write that names
    the file still makes the edge."""
    flow = flow_of(
        {
            "plot.py": (
                "import sys\nd = sys.argv[1]\nopen(d + '/mrms_indices_' + sys.argv[2])\n"
                "open(d + '/parameters/params.yaml')\nopen(d + '/summary_' + sys.argv[2] + '.csv')\n"
            ),
            "scatter.py": (
                "import sys\nd = sys.argv[1]\nopen(d + '/plots/' + sys.argv[2] + 'min_lead.png', 'w')\n"
                "open('results/' + sys.argv[2] + '/' + sys.argv[3] + '.yaml', 'w')\n"
            ),
            "summary.py": "import sys\nopen(sys.argv[1] + '/summary_' + sys.argv[2] + '.csv', 'w')\n",
        }
    )
    assert flow.step("plot.py").after == ("summary.py",)  # type: ignore[union-attr]


def test_the_folder_above_an_unknown_folder_is_unknown() -> None:
    """YosefLab/mrvi-reproducibility: `os.path.join(output_dir, "..")` with a folder given on the command
    line showed as `**/../name.nc`; above a folder nobody knows is a folder nobody knows."""
    flow = flow_of({"plot.py": "import os, sys\nopen(os.path.join(sys.argv[1], '..', 'matrices.nc'))\n"})
    assert io(flow, "plot.py") == [("read", "**/matrices.nc")]


def test_paths_kept_in_a_settings_class_are_followed() -> None:
    """falettiwx/WoFS-ESA-Manuscript-Code keeps its folders in a class of a helper module
    (`class wofunits: paths = {'sm_path': '/Volumes/backup/motion', ...}`), and every notebook reads
    `wofunits.paths['sm_path']`: sciship showed those reads in unknown folders (`**/...`) and said nothing
    of the absolute paths. A class's plain attributes are followed like a module's constants, here and
    from the module that imports the class."""
    settings = (
        "class wofunits:\n    paths = {'sm_path': '/Volumes/backup/motion', 'out': 'figures'}\n"
        "    labels = {'T2': 'K'}\n"
    )
    script = (
        "import pandas as pd\nimport matplotlib.pyplot as plt\nfrom settings import wofunits\n\n"
        "class Local:\n    data = 'data/obs.csv'\n\n"
        "sm_path = wofunits.paths['sm_path']\npd.read_csv(f'{sm_path}/motions.csv')\n"
        "pd.read_csv(Local.data)\nplt.savefig(wofunits.paths['out'] + '/fig.png')\n"
    )
    flow = flow_of({"settings.py": settings, "plot.py": script, "data/obs.csv": ""})
    assert sorted(io(flow, "plot.py")) == [
        ("read", "/Volumes/backup/motion/motions.csv"),
        ("read", "data/obs.csv"),
        ("write", "figures/fig.png"),
    ]
    assert [p.code for p in flow.problems] == ["SHR111"]


def test_slices_of_lists_and_of_paths() -> None:
    """falettiwx/WoFS: `files = sorted(glob(f'{root}/run_*/wofs_i*'))[1:-1]` lost every read (a slice was
    unknown), and `files[0][:-30] + 'center_' + files[0][-30:]` wrote into the notebook's folder. A slice
    of a list or a glob holds some of its elements; the start of a path keeps its folder."""
    flow = flow_of(
        {
            "center.py": (
                "import glob\nimport xarray as xr\nfiles = sorted(glob.glob('runs/run_*/wofs_i*.nc'))[1:-1]\n"
                "for f in files[:3]:\n    ds = xr.open_dataset(f)\n"
                "ds.to_netcdf(files[0][:-30] + 'center_' + files[0][-30:])\n"
            ),
            "plot.py": (
                "import pandas as pd\nimport matplotlib.pyplot as plt\nname = 'tables/summary.csv'\n"
                "pd.read_csv(name)\nplt.savefig(name[:-4] + '.png')\n"
            ),
            "tables/summary.csv": "",
        }
    )
    assert sorted(io(flow, "center.py")) == [
        ("read", "runs/run_*/wofs_i*.nc"),
        ("write", "runs/run_*/*center_*"),
    ]
    # (wllgrnt/bio-analysis-scripts: `basename(p)[:-4]` of a known name cuts its known end)
    assert sorted(io(flow, "plot.py")) == [("read", "tables/summary.csv"), ("write", "tables/summary.png")]


# ---------------------------------------------------------------- what helpers give back
def test_the_path_a_helper_returns_is_followed() -> None:
    """JamieHeather/radiation-induced-lymphopenia-paper-analysis: `plot_dir(suffix)` in `functions.py`
    returns `'../Plots/' + suffix + '/'`, and every figure is saved there; sciship showed each figure as
    `*sexes.svg` in the scripts' folder. What the project's own functions return is worked out with the
    arguments of each call. A helper that runs a program on the path it returns may have made that file:
    reading it is no missing input."""
    functions = (
        "import subprocess\nbase_plot_dir = '../Plots/'\n\ndef plot_dir(suffix):\n"
        "    return base_plot_dir + suffix + '/'\n\ndef render(src, stem):\n"
        "    subprocess.run(['pdftoppm', '-png', '-singlefile', src, stem], check=True)\n"
        "    return stem + '.png'\n"
    )
    script = (
        "import functions as fxn\nfrom functions import render\nimport matplotlib.pyplot as plt\n"
        "out = fxn.plot_dir('metadata')\nplt.savefig(out + 'sexes.svg')\n"
        "img = plt.imread(render('../Raw-Data/photo.pdf', '../Plots/photo'))\n"
    )
    flow = flow_of(
        {"Scripts/functions.py": functions, "Scripts/analyse.py": script, "Raw-Data/photo.pdf": ""}
    )
    assert ("write", "Plots/metadata/sexes.svg") in io(flow, "Scripts/analyse.py")
    assert ("read", "Plots/photo.png") in io(flow, "Scripts/analyse.py")
    assert flow.problems == ()


def test_the_words_a_shell_script_gives_sys_argv() -> None:
    """A script reading `sys.argv[1]` and writing `sys.argv[2]`, run by a shell script with the files:
    those are what it reads and writes (falettiwx/WoFS's `esa_*.py` run from `sub_esa_calc.bash`)."""
    flow = flow_of(
        {
            "src/plot.py": (
                "import sys\nimport pandas as pd\nfrom lib import tool\ndf = pd.read_csv(sys.argv[1])\n"
                "df.plot().figure.savefig(sys.argv[2])\n"
            ),
            "run.sh": (
                "python src/plot.py data/a.csv figures/a.png\npython src/plot.py data/b.csv figures/b.png\n"
            ),
            "data/a.csv": "",
            "data/b.csv": "",
            "lib/tool.py": "import sys\n\nif __name__ == '__main__':\n    open(sys.argv[1])\n",
        }
    )
    assert sorted(io(flow, "src/plot.py")) == [
        ("read", "data/a.csv"),
        ("read", "data/b.csv"),
        ("write", "figures/a.png"),
        ("write", "figures/b.png"),
    ]
    # an imported helper whose main block reads only what a command line would give it: no step
    assert [s.path for s in flow.steps] == ["src/plot.py"]


def test_the_words_of_a_command_line_from_the_kth_on_are_sys_argv_k_onwards() -> None:
    """AllenDowney/PoliticalAlignmentCaseStudy: scrub_code.py reads each notebook of `sys.argv[1:]`, and
    its Makefile runs `python scrub_code.py 02_polviews_soln.ipynb`: it read nothing. The words from the
    k-th on are a list of what each command gives, however many."""
    script = (
        "import sys\nimport pandas as pd\nfor name in sys.argv[2:]:\n"
        "    pd.read_csv(name).to_csv(name + '.out')\nwith open(sys.argv[1], 'w') as f:\n    f.write('')\n"
    )
    files = {
        "tidy.py": script,
        "Makefile": (
            "all:\n\tpython tidy.py log.txt data/a.csv data/b.csv\n\tpython tidy.py log2.txt data/c.csv\n"
        ),
        "data/a.csv": "x\n",
        "data/b.csv": "x\n",
    }
    flow = flow_of(files)
    assert sorted(io(flow, "tidy.py")) == [
        ("read", "data/a.csv"),
        ("read", "data/b.csv"),
        ("read", "data/c.csv"),
        ("write", "data/a.csv.out"),
        ("write", "data/b.csv.out"),
        ("write", "data/c.csv.out"),
        ("write", "log.txt"),
        ("write", "log2.txt"),
    ]
    assert [(p.code, p.target) for p in flow.problems] == [("SHR110", "data/c.csv")]
    # (named first: `files = sys.argv[1:]`, then `for f in files`)
    files["tidy.py"] = script.replace("for name in sys.argv[2:]", "names = sys.argv[2:]\nfor name in names")
    assert sorted(io(flow_of(files), "tidy.py")) == sorted(io(flow, "tidy.py"))
    # nothing runs it: the words are unknown, as before (no file read)
    del files["Makefile"]
    assert [(s.path, s.reads) for s in flow_of(files).steps] == [("tidy.py", ())]


def test_a_notebook_with_no_code_is_no_step() -> None:
    """fabianp/Code_CMPT_paper: submissions.ipynb, one empty code cell, was a step to run that reads and
    writes nothing. A notebook with code (imports only, or a comment) stays one, as does one sciship
    cannot read (its problem says why)."""
    flow = flow_of(
        {
            "empty.ipynb": notebook([("", None), ("  \n", None)]),
            "no_cells.ipynb": notebook([]),
            "imports.ipynb": notebook([("import pandas as pd\n", 1)]),
            "broken.ipynb": '{"cells": [',
        }
    )
    assert [s.path for s in flow.steps] == ["broken.ipynb", "imports.ipynb"]
    assert [(p.code, p.path) for p in flow.problems] == [("SHR117", "broken.ipynb")]


def test_the_same_folder_gives_the_same_answer_on_every_run(tmp_path: Path) -> None:
    """Seishou0724/2026-ncomms-analysis-code: a helper called inside two nested loops with arguments built
    from both was followed one element at a time of whichever loop a set's order put first, so two runs
    of `share` reported different files. The answer must not depend on Python's hash seed."""
    helper = (
        "import os\nimport joblib\n\ndef load(base, region):\n    return {}\n\n"
        "def gen(data, delta):\n    return data\n\n"
        "def train(data, out_dir, years, region, delta=0):\n    for lead in [6, 12]:\n"
        "        joblib.dump(data, os.path.join(out_dir, f'm_{lead}h_{region}_{years}_d{delta}.pkl'))\n"
    )
    script = (
        "from helper import gen, load, train\n\ndef main():\n"
        "    for years in ['2013-2022', '1981-2022']:\n        base = '/data/JTWC-{}'.format(years)\n"
        "        out_dir = f'/results/{years}-tc'\n        region = 'upper'\n"
        "        data = load(base, region)\n        for delta in [0, 6, 12]:\n"
        "            train(gen(data, delta), out_dir, years, region, delta=delta)\n"
        "\nmain()\n"
    )
    root = write_tree(tmp_path / "study", {"helper.py": helper, "run.py": script})
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = {"PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(tmp_path / f"cache{seed}")}
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "sciship",
                "share",
                str(root),
                "--dry-run",
                "--format",
                "json",
                "--yes",
                "--license",
                "MIT",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            check=False,
        )
        assert proc.returncode in (0, 1), proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1
    # theislab/cellflow_reproducibility: a read with unknown parts that several writers fit, at an absolute
    # path, named whichever writer a set's order put first
    files = {f"prep_{c}.py": f"open('/lustre/d/adata_train_{c}.h5ad', 'w')\n" for c in "abcdef"}
    files["evaluate.py"] = "import sys\nopen('/lustre/d/adata_train_' + sys.argv[1] + '.h5ad').read()\n"
    root = write_tree(tmp_path / "far", files)
    told = set()
    for seed in ("1", "2", "3", "4"):
        env = {"PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(tmp_path / f"far{seed}")}
        command = [sys.executable, "-m", "sciship", "share", str(root), "--dry-run", "--format", "json"]
        proc = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **env}, check=False)
        assert proc.returncode in (0, 1), proc.stderr
        told.add(proc.stdout)
    assert len(told) == 1


# ---------------------------------------------------------------- pipelines without the usual names
def test_a_shell_script_without_an_extension_and_a_script_run_as_a_program() -> None:
    """daraghhollman/messenger_random_forest_paper_figures downloads its resources with
    `scripts/download_resources` (a `#!/bin/bash` file, no `.sh`): sciship never read it, and called each
    downloaded file a missing input. karel-brinda/ococo-paper-analysis runs `./evaluate.py a b` without
    the word `python`: the script's arguments were never seen."""
    flow = flow_of(
        {
            "scripts/download_resources": (
                "#!/bin/bash\ncurl -L https://zenodo.org/x > ./resources/crossings.csv\n"
            ),
            "scripts/fig01.py": "import pandas as pd\npd.read_csv('./resources/crossings.csv')\n",
            "run_all": "#!/usr/bin/env bash\n./evaluate.py data/a.vcf\n",
            "evaluate.py": "#!/usr/bin/env python3\nimport sys\nopen(sys.argv[1])\n",
            "data/a.vcf": "",
            "LICENSE": "#!/bin/bash is not a script here\n",
        }
    )
    assert flow.problems == ()
    assert io(flow, "evaluate.py") == [("read", "data/a.vcf")]


def test_a_dict_of_paths_built_item_by_item() -> None:
    """michaelerb/Holocene_Reconstruction_paper_figures: `filenames = {}`, then
    `filenames['author_interp'] = 'holocene_reconstruction.nc'` and more, then
    `xr.open_dataset(recon_dir + filenames['author_interp'])`: the name was unknown (`results/*`)."""
    flow = flow_of(
        {
            "fig9.py": (
                "import xarray as xr\nimport pandas as pd\nrecon_dir = 'results/'\nfilenames = {}\n"
                "filenames['author'] = 'recon.nc'; colors = {}\nfilenames['summer'] = 'recon_summer.nc'\n"
                "xr.open_dataset(recon_dir + filenames['author'])\n"
                "df = pd.DataFrame()\ndf['x'] = 1\ndf.to_csv('table.csv')\n"
            ),
            "results/recon.nc": "",
        }
    )
    assert sorted(io(flow, "fig9.py")) == [("read", "results/recon.nc"), ("write", "table.csv")]


def test_numbers_in_names_are_their_digits() -> None:
    """schwartzlab-methods/CellNEST_paper_figures names its tables `'...topEdge' + str(args.top_edge_count)`
    with a default of 5000, and IPCC-style scripts `f'fig{n}.png'` with `n = 3`: numbers became `*`. In an
    f-string, `str(...)`, `'%d' %` or `'%s' %`, a number is its digits, also a helper's argument."""
    flow = flow_of(
        {
            "plot.py": (
                "import argparse\nimport matplotlib.pyplot as plt\nfrom helper import save\n"
                "p = argparse.ArgumentParser()\np.add_argument('--top', type=int, default=5000)\n"
                "args = p.parse_args()\nn = 3\nplt.savefig(f'figures/fig{n}.png')\n"
                "plt.savefig('tables/top' + str(args.top) + '.png')\nplt.savefig('run_%d.png' % n)\n"
                "save(7)\nplt.savefig(f'flag_{True}.png')\n"
            ),
            "helper.py": "import numpy as np\n\ndef save(k):\n    np.save(f'out/k{k}.npy', k)\n",
        }
    )
    assert sorted(io(flow, "plot.py")) == [
        ("write", "figures/fig3.png"),
        ("write", "flag_*.png"),  # (True, None and False are no part of a name sciship writes out)
        ("write", "out/k7.npy"),
        ("write", "run_3.png"),
        ("write", "tables/top5000.png"),
    ]


def test_the_mode_a_wrapper_of_open_is_given() -> None:
    """JamieHeather/radiation-induced-lymphopenia-paper-analysis opens every file through
    `def opener(file_name, open_mode): return gzip.open(...) if ... else open(file_name, open_mode)`:
    `opener(out, 'w')` was read as a read of `out`, a missing input. The mode each call gives counts."""
    helper = (
        "import pickle\n\ndef opener(file_name, open_mode):\n    return open(file_name, open_mode)\n\n"
        "def save_pickle(file_name, obj):\n    with opener(file_name, 'wb') as f:\n"
        "        pickle.dump(obj, f)\n"
    )
    script = (
        "import functions as fxn\nwith fxn.opener('data/in.tsv', 'r') as f:\n    f.read()\n"
        "with fxn.opener('out/table.tsv', 'w') as f:\n    f.write('x')\nfxn.save_pickle('out/d.pkl', {})\n"
    )
    flow = flow_of({"functions.py": helper, "run.py": script, "data/in.tsv": ""})
    assert sorted(io(flow, "run.py")) == [
        ("read", "data/in.tsv"),
        ("write", "out/d.pkl"),
        ("write", "out/table.tsv"),
    ]
    assert flow.problems == ()


def test_files_argparse_opens_itself() -> None:
    """karel-brinda/ococo-paper-analysis: `parser.add_argument('truth', type=argparse.FileType('r'))`,
    run by a shell script with the files: argparse opens them itself, so they are what the script reads
    (and writes, for `FileType('w')`)."""
    script = (
        "import argparse\np = argparse.ArgumentParser()\n"
        "p.add_argument('truth', type=argparse.FileType('r'))\n"
        "p.add_argument('-o', '--out', type=argparse.FileType('w'), default='stats.tsv')\n"
        "args = p.parse_args()\nargs.out.write(args.truth.read())\n"
    )
    flow = flow_of({"evaluate.py": script, "run.sh": "python evaluate.py calls/a.vcf -o stats/a.tsv\n"})
    assert sorted(io(flow, "evaluate.py")) == [("read", "calls/a.vcf"), ("write", "stats/a.tsv")]
    # a Snakemake rule's placeholders are names only Snakemake knows: no missing `{input.vcf}`
    snake = (
        'rule stats:\n    input: vcf="calls/{name}.vcf"\n'
        '    shell: "python evaluate.py {input.vcf} -o {output}"\n'
    )
    flow = flow_of({"evaluate.py": script, "Snakefile": snake})
    assert flow.problems == ()


def test_scripts_in_a_src_folder_without_init_are_steps() -> None:
    """FabioScielzoOrtiz/db-robust-clust-paper-code keeps its scripts in `src/scripts/process_data/`,
    without `__init__.py`: read as a namespace package, its four processing scripts were library code, not
    steps, and the experiments' six reads of their outputs were called missing."""
    clean = "import pandas as pd\npd.read_csv('data/raw.csv').to_parquet('data/clean.parquet')\n"
    run = "import pandas as pd\npd.read_parquet('data/clean.parquet').to_csv('results/out.csv')\n"
    flow = flow_of(
        {"src/scripts/process/clean.py": clean, "src/scripts/run/run.py": run, "data/raw.csv": "a\n1\n"}
    )
    assert [s.path for s in flow.steps] == ["src/scripts/process/clean.py", "src/scripts/run/run.py"]
    assert flow.problems == ()


def test_a_dot_slash_name_says_nothing_of_where_a_script_runs() -> None:
    """garobed1/pou-paper-code: `savefig("./adapt.pdf")` in `scratch/` counted as a file written in an
    existing folder (`.`), so the script was placed at the top; `savefig("peaks.pdf")` beside it was not.
    Both are bare names: only a file found beside the script says where it ran."""
    flow = flow_of(
        {
            "scratch/plots.py": "import matplotlib.pyplot as plt\nplt.savefig('./adapt.pdf')\n",
            "scratch/adapt.pdf": "",
            "scratch/other.py": "import matplotlib.pyplot as plt\nplt.savefig('./b.pdf')\n",
        }
    )
    assert flow.step("scratch/plots.py").workdir == "scratch"  # type: ignore[union-attr]
    assert flow.step("scratch/plots.py").writes == ("scratch/adapt.pdf",)  # type: ignore[union-attr]


def test_a_module_python_cannot_parse_is_no_step_when_its_top_level_only_defines() -> None:
    """garobed1/pou-paper-code: `infill/om_adaptive_driver.py` (imports and a class, with an empty `for`
    Python refuses) was listed as a step to run; it is library code. Its problem is still told."""
    broken_module = "import numpy as np\n\nclass Driver:\n    def run(self):\n        for x in y:\n\n"
    broken_script = "import numpy as np\nnp.save('out.npy', x\n"
    flow = flow_of({"infill/driver.py": broken_module, "run.py": broken_script})
    assert [s.path for s in flow.steps] == ["run.py"]
    assert [(p.code, p.path) for p in flow.problems] == [("SHR117", "infill/driver.py"), ("SHR117", "run.py")]


def test_a_file_written_only_when_it_is_missing_is_no_double_write() -> None:
    """AparajeetS/metric-audit-paper-code: five runners download `tinyshakespeare.txt` only `if not
    path.exists()`; "whichever runs last wins" was false: the first makes it, the others read it."""
    fetch = (
        "import os, urllib.request\nfrom pathlib import Path\n"
        "p = Path('data/shakespeare.txt')\n"
        "if not p.exists():\n    urllib.request.urlretrieve('https://x.org/s.txt', str(p))\n"
        "text = p.read_text()\nPath('out/{}.csv'.format(os.path.basename(__file__))).write_text(text)\n"
    )
    skip = (
        "import os\nimport pandas as pd\n"
        "for name in ['a']:\n    f = 'data/shakespeare.txt'\n    if os.path.exists(f):\n        continue\n"
        "    pd.DataFrame().to_csv(f)\n"
    )
    always = "import pandas as pd\npd.DataFrame().to_csv('data/shakespeare.txt')\n"
    flow = flow_of({"run_a.py": fetch, "run_b.py": fetch, "run_c.py": skip})
    assert [p.code for p in flow.problems] == []
    assert "data/shakespeare.txt" in flow.outputs
    # one writer that overwrites it whatever is there: still no file lost by the order
    flow = flow_of({"run_a.py": fetch, "make.py": always})
    assert [p.code for p in flow.problems] == []
    # two that overwrite it: the order decides
    flow = flow_of({"run_a.py": fetch, "make.py": always, "make2.py": always})
    assert [p.code for p in flow.problems] == ["SHR113"]
    # missing or empty (rjain2470/EMNSR_paper_code: `if os.path.exists(p) and os.path.getsize(p) > 0:
    # return`, then the download): also a gap filled
    data = (
        "import os, urllib.request\nDATA = 'data/shakespeare.txt'\ndef ensure(p):\n"
        "    if os.path.exists(p) and os.path.getsize(p) > 0:\n        return p\n"
        "    urllib.request.urlretrieve('https://x.org/s.txt', p)\n    return p\n"
        "def load_a(p=DATA):\n    return open(ensure(p)).read()\n"
        "def load_b(p=DATA):\n    return open(ensure(p)).readlines()\n"
    )
    steps = {f"run_{k}.py": f"from data import load_{k}\nload_{k}()\n" for k in "ab"}
    flow = flow_of({"data.py": data, **steps})
    assert [p.code for p in flow.problems] == []
    other = data.replace("os.path.getsize(p) > 0", "os.path.getsize('other.txt') > 0")
    flow = flow_of({"data.py": other, **steps})  # (a test of another file: either may write it, ...
    assert [p.code for p in flow.problems] == []  # ... but each reads what it just wrote: no order matters
    # (and one that only makes it: nobody reads what it leaves)
    steps["run_c.py"] = "from data import ensure\nensure('data/shakespeare.txt')\n"
    flow = flow_of({"data.py": other, **steps})
    assert [p.code for p in flow.problems] == []


def test_a_file_fetched_only_when_it_is_missing_waits_for_the_step_that_makes_it() -> None:
    """AllenDowney/PoliticalAlignmentCaseStudy: each chapter downloads `gss_pacs_resampled.hdf` if it is
    not there, and 01_clean.ipynb makes it; the download was the chapters' own making of the file, so
    "none reads what another writes", and a cleaning notebook named after them came last."""
    fetch = (
        "from os.path import basename, exists\n"
        "def download(url):\n    filename = basename(url)\n    if not exists(filename):\n"
        "        from urllib.request import urlretrieve\n        urlretrieve(url, filename)\n"
        "download('https://github.com/a/b/raw/master/clean.hdf')\n"
    )
    plot = "import pandas as pd\ndf = pd.read_hdf('clean.hdf', 'k')\ndf.plot().figure.savefig('{}.png')\n"
    files = {
        "a_analysis.ipynb": notebook([(fetch, 1), (plot.format("fig1"), 2)]),
        "b_figures.ipynb": notebook([(fetch, 1), (plot.format("fig2"), 2)]),
        "z_clean.ipynb": notebook(
            [("import pandas as pd\npd.read_csv('raw.csv').to_hdf('clean.hdf', 'k')\n", 1)]
        ),
        "raw.csv": "a\n1\n",
    }
    flow = flow_of(files)
    assert [(s.path, s.reads, s.writes, s.after) for s in flow.steps] == [
        ("z_clean.ipynb", ("raw.csv",), ("clean.hdf",), ()),
        ("a_analysis.ipynb", ("clean.hdf",), ("clean.hdf", "fig1.png"), ("z_clean.ipynb",)),
        ("b_figures.ipynb", ("clean.hdf",), ("clean.hdf", "fig2.png"), ("z_clean.ipynb",)),
    ]
    assert flow.problems == ()
    assert flow.inputs == ("raw.csv",)
    # (when only the readers fetch it, none waits for another: each fills the gap itself)
    del files["z_clean.ipynb"]
    flow = flow_of(files)
    assert [(s.path, s.after) for s in flow.steps] == [("a_analysis.ipynb", ()), ("b_figures.ipynb", ())]
    assert flow.problems == ()


def test_the_readme_says_where_a_script_runs() -> None:
    """research-software-ecosystem/rsec-paper-figures: the README says `cd fig1a` then `python
    openaire.py`; the script writes bare names, so its outputs were put at the top of the folder. A `cd`
    into the repository's own name (after `git clone`) is where the README is."""
    readme = (
        "# Figures\n\n```bash\ngit clone https://github.com/x/figs.git\ncd figs\n"
        "python plots/fig2.py\n```\n\n```bash\ncd fig1a\npython openaire.py --start-year 2000\n```\n"
    )
    fig = "import pandas as pd\npd.DataFrame().to_csv('counts.csv')\n"
    flow = flow_of({"README.md": readme, "fig1a/openaire.py": fig, "plots/fig2.py": fig})
    assert flow.step("fig1a/openaire.py").workdir == "fig1a"  # type: ignore[union-attr]
    assert flow.step("fig1a/openaire.py").writes == ("fig1a/counts.csv",)  # type: ignore[union-attr]
    assert flow.step("plots/fig2.py").workdir == ""  # type: ignore[union-attr]
    assert flow.step("plots/fig2.py").writes == ("counts.csv",)  # type: ignore[union-attr]


def test_a_switch_in_a_settings_module_decides_the_branch() -> None:
    """garobed1/pou-paper-code: `results_script.py` writes `xk.pickle` only `if(not set.skip_LHS):`, and
    `results_settings.py` (imported as `set`) says `skip_LHS = True`: the LHS part is left to
    `results_lhs_only.py`, so three "whichever runs last wins" were false."""
    flow = flow_of(
        {
            "settings.py": "skip_LHS = True\nname = 'run1'\n",
            "lhs.py": (
                "import pickle\nimport settings as set\n"
                "pickle.dump(1, open(f'out/{set.name}/xk.pickle', 'wb'))\n"
            ),
            "main.py": (
                "import pickle\nimport settings as set\nif(not set.skip_LHS):\n"
                "    pickle.dump(1, open(f'out/{set.name}/xk.pickle', 'wb'))\n"
                "pickle.dump(2, open('out/res.pickle', 'wb'))\n"
            ),
        }
    )
    assert flow.step("main.py").writes == ("out/res.pickle",)  # type: ignore[union-attr]
    assert flow.problems == ()


def test_a_method_a_class_takes_from_its_base_class() -> None:
    """BioroboticsLab/IBA-paper-code: `estim = ReluEstimator(model)` then `estim.load("weights/x.torch")`;
    `load` is defined in `Estimator`, which `ReluEstimator` derives from: the read was missed."""
    lib = (
        "import torch\n\nclass Estimator:\n    def load(self, what):\n        return torch.load(what)\n\n"
        "class ReluEstimator(Estimator):\n    def fit(self):\n        pass\n"
    )
    other = "from estim.base import ReluEstimator\n\nclass Deeper(ReluEstimator):\n    pass\n"
    script = (
        "from estim.base import ReluEstimator\nfrom estim.more import Deeper\n"
        "e = ReluEstimator(None)\ne.load('weights/a.torch')\nd = Deeper(None)\nd.load('weights/b.torch')\n"
    )
    flow = flow_of(
        {"estim/__init__.py": "", "estim/base.py": lib, "estim/more.py": other, "compare.py": script}
    )
    assert sorted(io(flow, "compare.py")) == [("read", "weights/a.torch"), ("read", "weights/b.torch")]


def test_an_option_used_twice_in_a_path_takes_one_value() -> None:
    """FabioScielzoOrtiz/db-robust-clust-paper-code: `--mode` (choices 2a, 2b, full; required) names both
    the folder and the file, `results/experiment_{MODE}/results_exp_{MODE}.pkl`: three paths, not nine,
    and not `experiment_*`, which made the table of experiment 4 wait for experiments 2 and 3."""
    run = (
        "import argparse, os, pickle\np = argparse.ArgumentParser()\n"
        "p.add_argument('--mode', choices=['2a', '2b', 'full'], required=True)\nargs = p.parse_args()\n"
        "MODE = args.mode\nout = os.path.join('results', f'experiment_{MODE}')\n"
        "pickle.dump(1, open(os.path.join(out, f'results_exp_{MODE}.pkl'), 'wb'))\n"
    )
    table = (
        "import glob, pickle\nfor f in glob.glob('results/experiment_4/*.pkl'):\n"
        "    pickle.load(open(f, 'rb'))\n"
    )
    flow = flow_of({"run_experiment_2.py": run, "table_4.py": table})
    assert flow.step("run_experiment_2.py").writes == (  # type: ignore[union-attr]
        "results/experiment_2a/results_exp_2a.pkl",
        "results/experiment_2b/results_exp_2b.pkl",
        "results/experiment_full/results_exp_full.pkl",
    )
    assert flow.step("table_4.py").after == ()  # type: ignore[union-attr]


def test_numbers_the_code_computes_are_in_the_name() -> None:
    """garobed1/pou-paper-code: `nt0 = dim*10`, `ntot = nt0 + ntr`, `multistart = 5*dim` with `dim = 2`
    were unknown parts (`*to**pts`, with a `**` inside a folder's name): they are 20, 80 and 10."""
    script = (
        "import numpy as np\ndim = 2\nnt0 = dim*10\nntr = dim*30\nntot = nt0 + ntr\nm = 5*dim\n"
        "np.save(f'out/{dim}d_{nt0}to{ntot}pts_{m}mstart.npy', 1)\nnp.save('a_%d.npy' % (dim // 2), 1)\n"
        "np.save(f'b_{7 % 3}_{dim / 4}.npy', 1)\n"
    )
    flow = flow_of({"run.py": script})
    assert sorted(io(flow)) == [
        ("write", "a_1.npy"),
        ("write", "b_1_0.5.npy"),
        ("write", "out/2d_20to80pts_10mstart.npy"),
    ]


def test_a_file_one_step_writes_at_an_absolute_path_orders_the_step_that_reads_it() -> None:
    """rachelblack3/paper_figures: `power_figure.py` writes `/data/.../LowMLATdataV1_{name}.txt` and
    `plot_figure.py` reads them: listed before the step that makes its input, and told to "put the file
    inside this folder" as if it were raw data."""
    write = (
        "import numpy as np\nfor name in ['a', 'b']:\n"
        "    np.savetxt(f'/data/rb/paper_figures/data_fig2/Low_{name}.txt', [1])\n"
    )
    read = "import numpy as np\nx = np.loadtxt('/data/rb/paper_figures/data_fig2/Low_a.txt')\n"
    flow = flow_of({"prep/a_plot.py": read, "prep/b_power.py": write})
    assert [s.path for s in flow.steps] == ["prep/b_power.py", "prep/a_plot.py"]
    assert flow.step("prep/a_plot.py").after == ("prep/b_power.py",)  # type: ignore[union-attr]
    (message,) = [p.message for p in flow.problems if p.path == "prep/a_plot.py"]
    assert "which `prep/b_power.py` writes (line 3)" in message


def test_a_file_written_where_this_folder_sits_on_the_authors_computer_says_so() -> None:
    """rachelblack3/paper_figures: the scripts write `/data/.../paper_figures/data_fig1/HighMLATdataV2.txt`
    and `.../paper_figures/plots_fig7/x.png`; a read of `.../paper_figures/data_fig1/HighMLATdata.txt`,
    which this folder has, shows that `/data/.../paper_figures/` is this folder: the writes are its files
    (`data_fig1/...`), not "files that will not be in the folder you share" somewhere else."""
    home = "/data/rb/read_stats/paper_figures"
    script = (
        "import numpy as np\n"
        f"x = np.loadtxt('{home}/data_fig1/HighMLATdata.txt')\n"
        f"np.savetxt('{home}/data_fig1/HighMLATdataV2.txt', x)\n"
        f"np.save('{home}/plots_fig7/upper.npy', x)\n"
        "np.save('/data/rb/other/raw.npy', x)\n"
    )
    flow = flow_of({"prep_fig1/occ.py": script, "data_fig1/HighMLATdata.txt": "1\n"})
    inside = {p.target.removeprefix(home): p.inside for p in flow.problems}
    assert inside == {
        "/data_fig1/HighMLATdata.txt": "data_fig1/HighMLATdata.txt",
        "/data_fig1/HighMLATdataV2.txt": "data_fig1/HighMLATdataV2.txt",
        "/plots_fig7/upper.npy": "plots_fig7/upper.npy",
        "/data/rb/other/raw.npy": "",
    }


def test_a_file_read_under_the_authors_place_in_a_folder_this_one_lacks_is_not_claimed() -> None:
    """ahansenlab/cleopatra_analysis_code: one file of `/mnt/md0/clarice/` is here (`src/region_idx.txt`),
    and 34 reads of fonts and large data sets under that place were said to be "probably ... in this
    folder": files that are not, in folders this one does not have."""
    script = (
        "import pandas as pd\n"
        "pd.read_csv('/mnt/md0/clarice/src/region_idx.txt')\n"
        "pd.read_csv('/mnt/md0/clarice/big_datasets/CTCF_ChIP.bed.gz')\n"
        "pd.read_csv('/mnt/md0/clarice/src/other.txt')\n"
    )
    flow = flow_of({"analysis/run.py": script, "src/region_idx.txt": "chr1\n"})
    inside = {p.target.removeprefix("/mnt/md0/clarice/"): p.inside for p in flow.problems}
    assert inside == {
        "src/region_idx.txt": "src/region_idx.txt",
        "big_datasets/CTCF_ChIP.bed.gz": "",
        "src/other.txt": "src/other.txt",
    }


def test_names_that_share_only_an_extension_do_not_link_steps() -> None:
    """schwartzlab-methods/penne_paper_figures: a script reading `<base>/Visium/gene_exp/{s}_count.csv`
    (base from the command line) was put after three steps writing `<output>/deg_ref_{a}vs{b}.csv` and
    the like: both unknown folders, and names that agree only on `.csv`."""
    reader = (
        "import sys, pandas as pd\nbase = sys.argv[1]\n"
        "pd.read_csv(f'{base}/Visium/gene_exp/{sys.argv[2]}_count.csv')\n"
    )
    writer = (
        "import sys, pandas as pd\nout = sys.argv[1]\n"
        "pd.DataFrame().to_csv(f'{out}/deg_ref_{sys.argv[2]}vs{sys.argv[3]}.csv')\n"
    )
    flow = flow_of({"generate_patch.py": reader, "deg_analysis.py": writer})
    assert flow.step("generate_patch.py").after == ()  # type: ignore[union-attr]


def test_a_text_in_capitals_is_still_known() -> None:
    """lmuntjewerf/paper_figures_KNMI-LENTIS: `f"fig_ts_{var.upper()}_SSP{ssp}.pdf"` with `var = 'tas'` is
    `fig_ts_TAS_SSP245.pdf`, not `fig_ts_*_SSP245.pdf`."""
    script = (
        "import matplotlib.pyplot as plt\nvar = 'tas'\nssp = 245\n"
        "plt.savefig(f'figures/fig_ts_{var.upper()}_SSP{ssp}.pdf')\n"
    )
    assert io(flow_of({"fig.py": script})) == [("write", "figures/fig_ts_TAS_SSP245.pdf")]


def test_a_keyword_named_like_a_value_in_a_path_is_no_value() -> None:
    """EhsanKA/sparsesampler_reproducibility: a path built from two calls with the same keyword argument
    `ref=` (`os.path.join(folder(ref=r), name(ref=r))`) stopped share with an IndexError: the keyword
    looked like a name of another module used twice in the path."""
    script = (
        "import os\nimport pandas as pd\n\ndef folder(ref):\n    return f'results/{ref}'\n\n"
        "def name(ref, param=1):\n    return f'{ref}_{param}.csv'\n\n"
        "for r in ['a', 'b']:\n"
        "    pd.read_csv(os.path.join(folder(ref=r), name(ref=r, param=2)))\n"
    )
    flow = flow_of({"run.py": script})
    assert [s.path for s in flow.steps] == ["run.py"]


def test_a_readme_cd_joined_to_a_command_is_for_that_command() -> None:
    """EhsanKA/sparsesampler_reproducibility: `cd notebooks/mcc && python 0_check_the_data.py`, then the
    same for `notebooks/lcmv`: read as one shell session, the second went to `notebooks/mcc/notebooks/lcmv`
    and was dropped, and the two scripts' `cell_type_mapping.csv` became one file written twice."""
    readme = (
        "# Run\n\n```bash\ncd notebooks/mcc && python check.py\ncd notebooks/lcmv && python check.py\n```\n"
    )
    check = "import pandas as pd\npd.DataFrame().to_csv('cell_type_mapping.csv')\n"
    flow = flow_of({"README.md": readme, "notebooks/mcc/check.py": check, "notebooks/lcmv/check.py": check})
    assert flow.step("notebooks/lcmv/check.py").workdir == "notebooks/lcmv"  # type: ignore[union-attr]
    assert flow.step("notebooks/mcc/check.py").workdir == "notebooks/mcc"  # type: ignore[union-attr]
    assert flow.problems == ()


def test_two_steps_writing_one_absolute_path_is_a_double_write() -> None:
    """theislab/cellflow_reproducibility: `compute_full_adata_pca.py` and its notebook twin both write
    `/lustre/.../pbmc_with_pca.h5ad`: whichever runs last wins, there as in the folder."""
    write = (
        "import anndata as ad\nadata = ad.read_h5ad('/lustre/d/pbmc.h5ad')\n"
        "adata.write('/lustre/d/pbmc_pca.h5ad')\n"
    )
    flow = flow_of({"a.py": write, "b.py": "# the notebook's twin\n" + write})  # (not a copy of a.py)
    assert [p.code for p in flow.problems if p.code == "SHR113"] == ["SHR113"]


def test_a_step_that_adds_to_what_an_earlier_one_made_is_no_double_write() -> None:
    """PEESEgroup: `04_build_policy_layer.py` makes `policy_arrays.npz`, `05_build_solar_policy.py` reads
    it and writes it back with its own arrays: the order is fixed (05 needs 04's file), nothing is lost."""
    first = "import numpy as np\nnp.savez('data/policy.npz', wind=np.zeros(3))\n"
    then = (
        "import numpy as np\nold = dict(np.load('data/policy.npz'))\n"
        "np.savez('data/policy.npz', solar=np.ones(3), **old)\n"
    )
    flow = flow_of({"04_build.py": first, "05_add.py": then})
    assert flow.step("05_add.py").after == ("04_build.py",)  # type: ignore[union-attr]
    assert [p.code for p in flow.problems] == []


def test_a_missing_input_named_in_r_code_says_so() -> None:
    """anniegray52/pc_paper_figures: `intro/car_pixels.csv` is written by
    `intro/car_example_make_csv_from_pngs.R` (`write.csv(data_mat, "car_pixels.csv")`); "no script or
    notebook here writes it" sent the reader looking for a download."""
    flow = flow_of(
        {
            "intro/car.py": "import pandas as pd\npd.read_csv('car_pixels.csv')\n",
            "intro/make_csv.R": 'write.csv(data_mat, "car_pixels.csv")\n',
            "intro/other.csv": "",
        }
    )
    (problem,) = flow.problems
    assert problem.code == "SHR110"
    assert "`intro/make_csv.R` names it" in problem.message


def test_a_missing_input_named_in_a_script_sciship_could_not_read_says_so() -> None:
    """marawanokasha/fhv_paper_code: step 3, in Python 2, writes seven files step 4 reads; each was "no
    script or notebook here writes it" beside the step's own SHR117."""
    flow = flow_of(
        {
            "a_make.py": "import pickle\nprint 'making'\npickle.dump({}, open('x.pkl', 'w'))\n",
            "b_use.py": "import pickle\nd = pickle.load(open('x.pkl'))\n",
        }
    )
    assert [p.code for p in flow.problems] == ["SHR117", "SHR110"]
    assert "`a_make.py` names it (sciship could not read that file" in flow.problems[1].message


def test_the_words_of_one_command_line_go_together() -> None:
    """theislab/cellflow_reproducibility: two job scripts run `compute_metrics.py BXPC3 data/BXPC3/` and
    `compute_metrics.py K562 data/K562/`; their words were mixed into `data/BXPC3/adata_ood_K562.h5ad`,
    a file no run reads."""
    script = (
        "import sys\nimport anndata as ad\nname, folder = sys.argv[1], sys.argv[2]\n"
        "ad.read_h5ad(f'{folder}/adata_ood_{name}.h5ad')\n"
    )
    jobs = "python compute_metrics.py BXPC3 data/BXPC3\npython compute_metrics.py K562 data/K562\n"
    flow = flow_of({"compute_metrics.py": script, "run.sh": jobs})
    assert flow.step("compute_metrics.py").reads == (  # type: ignore[union-attr]
        "data/BXPC3/adata_ood_BXPC3.h5ad",
        "data/K562/adata_ood_K562.h5ad",
    )


def test_an_init_file_at_the_top_of_a_research_folder() -> None:
    """colemanmr/ukesm_aerosol_nudging_analysis_code, balajisriram/v1-paper-analysis: an `__init__.py` at
    the top (empty, or the author's name and license) made every file library code: 87 scripts that save
    figures were left out, and 10 old backups with a main block were the steps."""
    flow = flow_of(
        {
            "analysis_code/__init__.py": "",
            "analysis_code/file_locations.py": "plot_dir = 'plots/'\n",
            "analysis_code/clouds/maps.py": (
                "import matplotlib.pyplot as plt\nimport file_locations as loc\n"
                "plt.savefig(loc.plot_dir + 'cloud_map.png')\n"
            ),
            "Util/__init__.py": "__author__ = 'B. S.'\n__license__ = 'GPL'\n",
            "Util/make_pickles.py": "import pickle\npickle.dump({}, open('spikes.pickle', 'wb'))\n",
            "Util/helpers.py": "def load(p):\n    return open(p).read()\n",
        }
    )
    assert [s.path for s in flow.steps] == ["analysis_code/clouds/maps.py", "Util/make_pickles.py"]
    step = flow.step("analysis_code/clouds/maps.py")
    assert step is not None
    assert step.writes == ("plots/cloud_map.png",)


def test_a_module_its_imported_package_imports_is_no_step() -> None:
    """jrderuiter/ilc-sb-screen: the notebooks import `nbsupport.enrichment.genesets`, whose `__init__.py`
    does `from . import kegg`; kegg.py, whose top sets up a download cache, was step 13, reading and
    writing nothing. A package nothing imports leaves its modules' rules as they were."""
    kegg = "import requests_cache\nrequests_cache.install_cache('_kegg_cache')\ndef sets():\n    return 1\n"
    files = {
        "src/lib/__init__.py": "",
        "src/lib/genesets/__init__.py": "from . import kegg\nfrom .mapping import map_sets\n",
        "src/lib/genesets/kegg.py": kegg,
        "src/lib/genesets/mapping.py": "print('loaded')\ndef map_sets(s):\n    return s\n",
        "analysis.ipynb": notebook(
            [("import pandas as pd\nfrom lib import genesets\npd.read_csv('a.csv').to_csv('b.csv')", 1)]
        ),
        "a.csv": "x\n1\n",
    }
    flow = flow_of(files)
    assert [s.path for s in flow.steps] == ["analysis.ipynb"]
    assert [(p.code, p.path) for p in flow.problems] == []
    alone = flow_of({k: v for k, v in files.items() if k != "analysis.ipynb"})
    assert [s.path for s in alone.steps] == ["src/lib/genesets/kegg.py", "src/lib/genesets/mapping.py"]


def test_a_package_module_a_pipeline_runs_is_a_step() -> None:
    """DynamicsAndNeuralSystems/Catchamouse16_paper_code: `runscript.sh` does `cd op_importance` and runs
    `python workflow_classes/Workflow.py ...`, the whole pipeline; with `__init__.py` files on its way
    (and a setup.py at the top) it was library code, and the notebooks' inputs it writes were "missing"."""
    flow = flow_of(
        {
            "setup.py": "from setuptools import setup\nsetup(name='op')\n",
            "op_importance/__init__.py": "",
            "op_importance/workflow_classes/__init__.py": "",
            "op_importance/workflow_classes/Workflow.py": "import numpy\nnumpy.save('result_mat.npy', 1)\n",
            "op_importance/analysis.ipynb": notebook([("import numpy as np\nnp.load('result_mat.npy')", 1)]),
            "runscript.sh": "cd op_importance\npython workflow_classes/Workflow.py svm average\n",
        }
    )
    assert [s.path for s in flow.steps] == [
        "op_importance/workflow_classes/Workflow.py",
        "op_importance/analysis.ipynb",
    ]
    assert not flow.problems


def test_a_missing_input_named_in_an_r_notebook_says_so() -> None:
    """pritykinlab/gloss-paper-analysis: `cellchatdb_R.ipynb` (an R kernel) writes
    `pathway_collections/cellchatdb_interaction.csv` with `write.csv`; the Python notebook that reads it
    was told that no script or notebook here writes it."""
    flow = flow_of(
        {
            "read.ipynb": notebook([("import pandas as pd\npd.read_csv('cellchatdb_interaction.csv')", 1)]),
            "cellchatdb_R.ipynb": notebook(
                [('write.csv(db, "cellchatdb_interaction.csv")', 1)], language="R"
            ),
            "other.csv": "",
        }
    )
    (problem,) = flow.problems
    assert problem.code == "SHR110"
    assert "`cellchatdb_R.ipynb` names it" in problem.message


def test_a_script_with_a_name_from_the_command_line_beside_scripts_that_work_in_their_folder() -> None:
    """RomeroLab/PU-learning-paper-analysis, `data/HA/`: `sam2mutations.py HA_ref.sam` writes
    `<name>_mutations.txt` (`samfile.replace('.sam', '_mutations.txt')`), which `filter_less_than_10.py`
    reads beside it; the writes were lost (21 false SHR110, the steps in the wrong order) and the script
    ran from the top while its neighbours ran in `data/HA/`."""
    sam = (
        "from sys import argv\nsamfile = argv[1]\n"
        "outfile = samfile.split('/')[-1].replace('.sam', '_mutations.txt')\n"
        "open(outfile, 'w').write('x')\nopen(outfile.replace('mutations', 'read_counts'), 'w')\n"
    )
    filt = (
        "for name in ['HA_ref', 'HA_sel']:\n    rows = open(name + '_mutations.txt').read()\n"
        "    open(name + '_mutations_filtered.txt', 'w').write(rows)\n"
    )
    flow = flow_of(
        {
            "data/HA/sam2mutations.py": sam,
            "data/HA/filter_less_than_10.py": filt,
            "data/HA/HA_ref_read_counts.txt": "",
        }
    )
    assert [(s.path, s.workdir) for s in flow.steps] == [
        ("data/HA/sam2mutations.py", "data/HA"),
        ("data/HA/filter_less_than_10.py", "data/HA"),
    ]
    assert flow.step("data/HA/sam2mutations.py").writes == (  # type: ignore[union-attr]
        "data/HA/*_mutations.txt",
        "data/HA/*_read_counts.txt",
    )
    assert not [p for p in flow.problems if p.code == "SHR110"]


def test_a_python_script_that_runs_the_others() -> None:
    """KrisJensen/stability_paper_code: `run_everything.py` runs each script with its arguments
    (`subprocess.call([sys.executable, 'parse_rat.py', name])`); the scripts' writes of `sys.argv` names
    were unknown, and the driver was a 24th step after them that reran everything."""
    flow_parse = "import sys, pickle\npickle.dump(1, open('data/' + sys.argv[1] + '.p', 'wb'))\n"
    driver = (
        "import subprocess as sb\nimport sys, os\npystr = sys.executable\n"
        "sb.call([pystr, 'parse.py', 'Hindol'])\nos.system('python plot.py')\n"
    )
    flow = flow_of(
        {
            "run_all.py": driver,
            "parse.py": flow_parse,
            "plot.py": "import pickle\nimport matplotlib.pyplot as plt\n"
            "pickle.load(open('data/Hindol.p', 'rb'))\nplt.savefig('fig.png')\n",
        }
    )
    assert [s.path for s in flow.steps] == ["parse.py", "plot.py"]
    assert flow.step("parse.py").writes == ("data/Hindol.p",)  # type: ignore[union-attr]
    # a test that runs a script tries it out (pyos/physcraper): it says nothing of how the analysis runs
    tried = (
        "import subprocess\n\ndef test_parse():\n    subprocess.run(['python', 'parse.py', 'tests/tmp/x'])\n"
    )
    again = flow_of({"run_all.py": driver, "parse.py": flow_parse, "tests/test_cli.py": tried})
    assert again.step("parse.py").writes == ("data/Hindol.p",)  # type: ignore[union-attr]
    assert flow.step("parse.py").arguments == ("Hindol",)  # type: ignore[union-attr]
    assert not flow.problems


def test_a_missing_input_that_a_step_writes_under_another_folder() -> None:
    """pritykinlab/gloss-paper-analysis: folders renamed after the code was written (`pathway_computations/`
    was made as `geneset_curation/...`): 186 inputs "no script writes" that a step does write, elsewhere."""
    flow = flow_of(
        {
            "curation/make_sets.py": "import pandas as pd\npd.DataFrame().to_csv('gene_sets/hallmark.csv')\n",
            "models/fit.py": "import pandas as pd\npd.read_csv('../pathway_computations/hallmark.csv')\n",
            "models/other.csv": "",
        }
    )
    (problem,) = [p for p in flow.problems if p.code == "SHR110"]
    assert "did you mean `gene_sets/hallmark.csv`, which `curation/make_sets.py` writes?" in problem.message


def test_two_copies_of_one_script_write_the_same_file() -> None:
    """andrecossa5/BC_chemo_reproducibility: two byte-identical copies of `CTCs_fishplot.py` in two folders
    write one figure; "the file depends on the order they are run in" is not so for one code."""
    code = "import matplotlib.pyplot as plt\nplt.savefig('/Users/ieo/BC/results/fishplot.pdf')\n"
    flow = flow_of({"a/CTCs_fishplot.py": code, "b/CTCs_fishplot.py": code})
    assert not [p for p in flow.problems if p.code == "SHR113"]
    other = code.replace("plt.savefig", "plt.plot([1])\nplt.savefig")
    flow = flow_of({"a/CTCs_fishplot.py": code, "b/CTCs_fishplot.py": other})
    assert [p.code for p in flow.problems if p.code == "SHR113"] == ["SHR113"]


def test_a_shell_script_in_a_folder_that_names_scripts_from_the_top() -> None:
    """cantinilab/stories_reproducibility: `scripts/train.sh` runs `poetry run python3 scripts/train.py
    ...`, so it is run from the top (`bash scripts/train.sh`); train.py was placed in `scripts/`."""
    flow = flow_of(
        {
            "scripts/train.sh": "poetry run python3 scripts/train.py --out results/model.pt\n",
            "scripts/train.py": (
                "import argparse\np = argparse.ArgumentParser()\np.add_argument('--out')\n"
                "args = p.parse_args()\nopen(args.out, 'w')\n"
            ),
        }
    )
    step = flow.step("scripts/train.py")
    assert step is not None
    assert (step.workdir, step.writes) == ("", ("results/model.pt",))


def test_the_folder_imported_by_its_own_name() -> None:
    """loicchadoutaud/sCellST_reproducibility: the scripts import their constants as
    `from scellst_reproducibility.submit_scripts.script_constants import ...` (the folder's own name, its
    parent on sys.path): the paths they hold were unknown, and requirements.txt was told to list the
    project itself."""
    from sciship.imports import analyze

    files = {
        "submit_scripts/script_constants.py": "DATA = 'data/xenium'\n",
        "submit_scripts/train.py": (
            "from scellst_reproducibility.submit_scripts.script_constants import DATA\n"
            "import numpy as np\nnp.load(DATA + '/cells.npy')\n"
        ),
    }
    project = Project.from_files(files, root="/work/sCellST_reproducibility")
    flow = trace(project, cache=False)
    assert io(flow, "submit_scripts/train.py") == [("read", "data/xenium/cells.npy")]
    names = [
        v.name for v in analyze(Project.from_files(files, root="/work/sCellST_reproducibility")).dependencies
    ]
    assert "scellst-reproducibility" not in names
    assert "numpy" in names


def test_the_folder_of_an_unknown_path_is_unknown() -> None:
    """azizilab/arcadia_reproducibility: `os.path.dirname(os.path.dirname(scvi.__file__))` (the installed
    scvi-tools) was `..` (the parent of an unknown name taken for `.`), so the script "wrote" its own
    folder's `scvi/model/base/_training_mixin.py`, and another step waited for it."""
    flow = flow_of(
        {
            "src/arcadia/scvi/__init__.py": "",
            "src/arcadia/scvi/model/base/_training_mixin.py": "x = 1\n",
            "src/arcadia/utils/setup_scvi_patch.py": (
                "import os\nimport scvi\nbase = os.path.dirname(os.path.dirname(scvi.__file__))\n"
                "open(os.path.join(base, 'scvi/model/base/_training_mixin.py'), 'w').write('patched')\n"
            ),
        }
    )
    assert not [u for u in flow.uses if "_training_mixin" in u.path and not u.path.startswith("**")]


def test_a_word_the_command_computes_is_a_placeholder_to_fill_in() -> None:
    """andrecossa5/BC_chemo_reproducibility: `launch_.py` runs `os.system(f"python genKI.py --gene {g}
    ...")` in `downstream/MDA/perturbation/`; a shell loop's `python fit.py $sample` the same: REPRODUCE.md
    wrote the unknown word as a raw control character."""
    gene = (
        "import argparse, os\np = argparse.ArgumentParser()\np.add_argument('--gene', required=True)\n"
        "p.add_argument('--out', required=True)\na = p.parse_args()\n"
        "open(os.path.join(a.out, a.gene + '.csv'), 'w')\n"
    )
    flow = flow_of(
        {
            "pert/launch_.py": (
                "import os\nfor g in ['A', 'B']:\n    os.system(f'python genKI.py --gene {g} --out res')\n"
            ),
            "pert/genKI.py": gene,
            "fit.py": "import sys\nopen('out/' + sys.argv[1] + '.txt', 'w')\n",
            "run.sh": "for s in a b; do\n  python fit.py $s\ndone\n",
        }
    )
    step = flow.step("pert/genKI.py")
    assert step is not None
    assert (step.workdir, step.arguments, step.fill_in) == (
        "pert",
        ("--gene", "GENE", "--out", "res"),
        ("GENE",),
    )
    step = flow.step("fit.py")
    assert step is not None
    assert (step.arguments, step.fill_in) == (("ARG1",), ("ARG1",))
    assert [s.path for s in flow.steps] == ["fit.py", "pert/genKI.py"]


def test_notebook_scripts_in_a_package_and_a_twin_a_pipeline_runs() -> None:
    """theislab/DRVI_reproducibility: the folder is a poetry package whose modules are Jupytext notebooks
    (`formats: ipynb,py:light`, "run the .py files as notebooks"): 12 data-preparation scripts were left out
    as library code; and `evaluation/runs.sh` runs `python integration.py --run-name hlca` ten times, while
    the step was its notebook twin, without those arguments."""
    header = "# ---\n# jupyter:\n#   jupytext:\n#     formats: ipynb,py:light\n# ---\n\n"
    prep = header + "import numpy as np\nnp.save('data/hlca.npy', np.zeros(1))\n"
    integration = (
        header
        + "import argparse\np = argparse.ArgumentParser()\np.add_argument('--run-name', required=True)\n"
        "a = p.parse_args()\nopen('evaluation/' + a.run_name + '_scib_metrics.csv', 'w')\n"
    )
    flow = flow_of(
        {
            "pyproject.toml": "[tool.poetry]\nname = 'drvi_notebooks'\nversion = '1.0.0'\n",
            "drvi_notebooks/__init__.py": "",
            "drvi_notebooks/data/hlca.py": prep,
            "drvi_notebooks/evaluation/integration.py": integration,
            "drvi_notebooks/evaluation/integration.ipynb": notebook([("import argparse", 1)]),
            "drvi_notebooks/evaluation/runs.sh": "python integration.py --run-name hlca\n",
        }
    )
    assert [s.path for s in flow.steps] == [
        "drvi_notebooks/data/hlca.py",
        "drvi_notebooks/evaluation/integration.py",
    ]
    step = flow.step("drvi_notebooks/evaluation/integration.py")
    assert step is not None
    assert step.arguments == ("--run-name", "hlca")


def test_readmes_of_subfolders_and_the_words_a_reader_chooses() -> None:
    """ShuangWang1/SpaOT_reproducibility: each case study's own README says how its scripts run (only the
    top README was read); theislab/trVAE_reproducibility: `python -m scripts.train kang[haber]` means "kang
    or haber", and was taken as the word `kang[haber]` (30 paths like `data/kang[haber]/...`)."""
    train = (
        "import sys\nimport numpy as np\nname = sys.argv[1]\n"
        "np.save('data/' + name + '/model.npy', np.zeros(1))\n"
    )
    flow = flow_of(
        {
            "README.md": "# Study\n\n```bash\npython -m scripts.train kang[haber]\n```\n",
            "scripts/__init__.py": "",
            "scripts/train.py": train,
            "cases/README.md": "# Case\n\n```bash\npython fit.py --patient 0\n```\n",
            "cases/fit.py": (
                "import argparse\np = argparse.ArgumentParser()\np.add_argument('--patient', default='1')\n"
                "a = p.parse_args()\nopen('bary_patient' + a.patient + '.pkl', 'w')\n"
            ),
        }
    )
    assert io(flow, "scripts/train.py") == [("write", "data/*/model.npy")]
    assert io(flow, "cases/fit.py") == [("write", "cases/bary_patient0.pkl")]


def test_paths_that_name_the_folder_by_its_own_name() -> None:
    """ohlerlab/liam_manuscript_reproducibility: notebooks run from the folder above read
    `liam_manuscript_reproducibility/data/original/...` (11 false SHR110 under `scripts/ETCU/liam_...`);
    theislab/trVAE_reproducibility: after `os.chdir("../")`, `../trVAE_reproducibility/data/...` comes back
    in (SHR112, "outside this folder")."""
    files = {
        "scripts/ETCU/01_prep.ipynb": notebook(
            [("import pandas as pd\npd.read_csv('liam_manuscript_reproducibility/data/original/x.csv')", 1)]
        ),
        "notebooks/method.ipynb": notebook(
            [("import os\nos.chdir('../')\nopen('../liam_manuscript_reproducibility/data/out.txt', 'w')", 1)]
        ),
        "data/original/x.csv": "",
    }
    flow = trace(Project.from_files(files, root="/work/liam_manuscript_reproducibility"), cache=False)
    assert sorted(io(flow)) == [("read", "data/original/x.csv"), ("write", "data/out.txt")]
    assert not flow.problems


def test_a_tools_code_in_a_hidden_folder_and_the_waf_launcher_are_not_steps() -> None:
    """ToFeWe/q-learning-replication-code (a waf build): the 36 modules of waf bundled in `.mywaflib/`
    and `waf.py` itself were listed as steps (`waf.py` last, though it is what runs the others)."""
    flow = flow_of(
        {
            ".mywaflib/waflib/extras/build_logs.py": "open('latest.log', 'w')\n",
            ".ci/report.py": "import json\njson.dump({}, open('durations.json', 'w'))\n",
            "waf.py": "import sys\nopen('waf.log', 'w')\n",
            "wscript": "def build(ctx):\n    pass\n",
            # (caporaso-lab/gut-to-soil-manuscript-figures: Versioneer, copied in, was step 5)
            "versioneer.py": "import sys\nif sys.argv[1] == 'setup':\n    open('setup.cfg', 'a')\n",
            "src/analysis/fit.py": "import pandas as pd\npd.read_csv('data.csv').to_csv('fit.csv')\n",
            "src/analysis/data.csv": "a\n1\n",
        }
    )
    assert [s.path for s in flow.steps] == ["src/analysis/fit.py"]


def test_a_name_made_from_the_scripts_own_name_and_a_list_made_longer() -> None:
    """ChristopherAMyers/CV_Linear_Spec_Figures: `fig.savefig(__file__.replace('.py', '.png')
    .replace('plot_', ''))` wrote nothing (`__file__` was taken for a builtin); `names += [...]` after
    `names = [...]` turned the files read in a loop into `data/*`."""
    flow = flow_of(
        {
            "PES/plot_moh_acc.py": (
                "import matplotlib.pyplot as plt\nfig = plt.figure()\n"
                "fig.savefig(__file__.replace('.py', '.png').replace('plot_', ''), dpi=300)\n"
            ),
            "SI/e_fields/plot_efield.py": (
                "import numpy as np\nnames = ['Emag.npy', 'Emag_star.npy']\nnames += ['Ez.npy']\n"
                "for name in names:\n    np.load('data/' + name)\n"
            ),
            "SI/e_fields/data/Emag.npy": "",
            "SI/e_fields/data/Emag_star.npy": "",
            "SI/e_fields/data/Ez.npy": "",
        }
    )
    assert io(flow, "PES/plot_moh_acc.py") == [("write", "PES/moh_acc.png")]
    assert io(flow, "SI/e_fields/plot_efield.py") == [
        ("read", "SI/e_fields/data/Emag.npy"),
        ("read", "SI/e_fields/data/Emag_star.npy"),
        ("read", "SI/e_fields/data/Ez.npy"),
    ]
    assert not flow.problems


def test_importing_a_step_with_a_main_block_runs_the_rest_of_its_top() -> None:
    """CV_Linear_Spec_Figures: `plot_both.py` imports `plot_moh_acc` (a step of its own, with a main
    block) whose top sets `plt.style.use('../style.mplstyle')`: the style sheet is read in both."""
    flow = flow_of(
        {
            "PES/acc.py": (
                "import matplotlib.pyplot as plt\nimport numpy as np\nplt.style.use('../style.mplstyle')\n"
                "def plot(ax):\n    np.loadtxt('acc.txt')\n"
                "if __name__ == '__main__':\n    plot(1)\n    plt.savefig('acc.png')\n"
            ),
            "PES/both.py": (
                "import matplotlib.pyplot as plt\nimport acc\nacc.plot(1)\nplt.savefig('both.png')\n"
            ),
            "style.mplstyle": "",
            "PES/acc.txt": "",
        }
    )
    assert io(flow, "PES/both.py") == [
        ("read", "style.mplstyle"),
        ("read", "PES/acc.txt"),
        ("write", "PES/both.png"),
    ]
    assert io(flow, "PES/acc.py") == [
        ("read", "style.mplstyle"),
        ("read", "PES/acc.txt"),
        ("write", "PES/acc.png"),
    ]


def test_a_script_in_a_test_folder_that_a_pipeline_runs_is_a_step() -> None:
    """gao-lab/Markonv_figures: the README runs `cd test` then `bash run_analysis_conv.sh`, which runs
    `python3 analysis/stat_result.py ...` for Table 2; every script under `test/` was left out. A test
    there (pytest) is still no step, nor a helper in `tests/` nothing runs."""
    flow = flow_of(
        {
            "scripts/bonito/test/run_analysis.sh": "python3 analysis/stat_result.py fix_raw\n",
            "scripts/bonito/test/analysis/stat_result.py": (
                "import sys\nimport pandas as pd\npd.read_csv(sys.argv[1] + '.csv').to_csv('stats.csv')\n"
            ),
            "scripts/bonito/test/fix_raw.csv": "a\n1\n",
            "scripts/bonito/test/test_model.py": "import pytest\ndef test_a():\n    assert 1\n",
            "tests/helper.py": "open('x.txt', 'w')\n",
            "README.md": "# S\n\n```bash\ncd scripts/bonito/test\nbash run_analysis.sh\n```\n",
        }
    )
    (step,) = flow.steps
    assert (step.path, step.workdir) == ("scripts/bonito/test/analysis/stat_result.py", "scripts/bonito/test")
    assert io(flow) == [
        ("read", "scripts/bonito/test/fix_raw.csv"),
        ("write", "scripts/bonito/test/stats.csv"),
    ]
    # a package's smoke test that its Makefile runs is a test (Pynteny's `mcp/tests/smoke_test.py`)
    flow = flow_of(
        {
            "pyproject.toml": "[project]\nname = 'pynteny'\nversion = '1.0'\n",
            "src/pynteny/__init__.py": "",
            "mcp/Makefile": "smoke:\n\tpython tests/smoke_test.py\n",
            "mcp/tests/smoke_test.py": "import json\njson.dump({}, open('smoke.json', 'w'))\n",
        }
    )
    assert flow.steps == ()


def test_a_check_the_continuous_integration_runs_is_not_a_step() -> None:
    """jbgibbons093/ball-paper-code: `validation/check_repository_privacy.py`, which a GitHub workflow runs
    (`run: python validation/check_repository_privacy.py`), was step 7 of the analysis."""
    flow = flow_of(
        {
            ".github/workflows/privacy.yml": (
                "jobs:\n  a:\n    steps:\n      - run: python validation/check.py\n"
            ),
            "validation/check.py": "import json\njson.dump({}, open('privacy.json', 'w'))\n",
            "validation/validate.py": "import json\njson.load(open('out/manifest.json'))\n",
            "analysis.py": "import json\njson.dump({}, open('out/manifest.json', 'w'))\n",
        }
    )
    assert [s.path for s in flow.steps] == ["analysis.py", "validation/validate.py"]


def test_a_missing_secret_is_not_to_be_added() -> None:
    """KISRDevelopment/interpretable_student_models_paper_code: `open('openai_api_key')` (a file git
    ignores) was told "Add the file": a key is not shared, whoever runs the code brings their own."""
    flow = flow_of(
        {
            "embed.py": "key = open('openai_api_key').read()\nopen('.env')\nopen('data/passwords.csv')\n",
            "other.py": "open('data/tokens.csv')\nopen('data/Human.Secreted')\nopen('client_secret.json')\n",
        }
    )
    messages = {p.message.split("`")[3]: p.message for p in flow.problems}
    assert set(messages) == {
        "openai_api_key",
        ".env",
        "data/passwords.csv",
        "data/tokens.csv",
        "data/Human.Secreted",
        "client_secret.json",
    }
    for name in ("openai_api_key", ".env", "data/passwords.csv", "client_secret.json"):
        assert "a secret" in messages[name]
        assert "Add the file" not in messages[name]
    assert "Add the file" in messages["data/tokens.csv"]  # (a table of tokens is data)
    # (lzxlab/pSAM_paper_code: proteins the cell secretes are no secret)
    assert "Add the file" in messages["data/Human.Secreted"]


def test_a_script_beside_the_notebook_that_writes_what_it_reads_runs_there() -> None:
    """anitsoga/mossing_paper_code: `size_contrast/Dans_Code/plot_size_contrast_data_for_agos.py` reads the
    `pyr_l23_data_struct.mat` that the notebook beside it writes in that folder; it was run from the top,
    with a false missing input and no order."""
    nb = notebook([("import scipy.io as sio\nsio.savemat('data_struct.mat', {})", 1)])
    plot = "import scipy.io as sio\nsio.loadmat('data_struct.mat')\n"
    flow = flow_of({"sub/make.ipynb": nb, "sub/plot.py": plot})
    step = flow.step("sub/plot.py")
    assert step is not None
    assert (step.workdir, step.reads, step.after) == ("sub", ("sub/data_struct.mat",), ("sub/make.ipynb",))
    assert not flow.problems


def test_a_script_beside_a_notebook_that_reads_the_same_files_runs_there() -> None:
    """fabianp/Code_CMPT_paper: ROI_confirmatory/CMPT.py and the notebook beside it both read
    `data/Im_labels.npy` (to unpack from an archive): the notebook's missing file was said to be in its
    folder, the script's at the top; the same data, in two places to put it. Files that are there at
    the top still say the top."""
    script = "import numpy as np\nnp.load('data/betas.npy')\nnp.load('data/labels.npy')\n"
    nb = notebook([(script, 1)])
    flow = flow_of({"roi/explore.ipynb": nb, "roi/test.py": script})
    step = flow.step("roi/test.py")
    assert step is not None
    assert (step.workdir, step.reads) == ("roi", ("roi/data/betas.npy", "roi/data/labels.npy"))
    assert flow.missing == ("roi/data/betas.npy", "roi/data/labels.npy")
    # (the files at the top: the script runs there, whatever the notebook reads)
    there = {"data/betas.npy": "", "data/labels.npy": ""}
    flow = flow_of({"roi/explore.ipynb": nb, "roi/test.py": script, **there})
    step = flow.step("roi/test.py")
    assert step is not None
    assert (step.workdir, step.reads) == ("", ("data/betas.npy", "data/labels.npy"))


def test_a_missing_input_a_step_may_write_under_a_name_sciship_cannot_tell() -> None:
    """KISRDevelopment/interpretable_student_models_paper_code: `inference_bktirt.py` reads
    `tmp/interpret_algebra05.state_dicts`, "which no script writes", beside a step that writes
    `output_path.replace('.csv', '.state_dicts')` from its command line: it says so. A common ending
    alone (`*.csv`) says nothing."""
    flow = flow_of(
        {
            "train.py": (
                "import sys, torch\nout = sys.argv[1]\ntorch.save({}, out.replace('.csv', '.state_dicts'))\n"
                "open(out, 'w')\n"
            ),
            "interp.py": "import torch\ntorch.load('tmp/interp.state_dicts')\nopen('tmp/table.csv')\n",
        }
    )
    messages = {p.message.split("`")[3]: p.message for p in flow.problems}
    assert "`train.py` writes files named `*.state_dicts`" in messages["tmp/interp.state_dicts"]
    assert "train.py" not in messages["tmp/table.csv"]


def test_a_method_that_calls_another_method_of_its_class() -> None:
    """hcbiophys/tcells_paper_code (`CWT.__init__` calls `self.set_kde()`, which reads and writes the
    cached pickles), denehoffman/gluex-ksks-paper-analysis (`self._write_cache()`): what the other method
    reads and writes was lost."""
    lib = (
        "import pickle\nclass C:\n    def __init__(self, name):\n        self._load()\n"
        "    def _load(self):\n        pickle.load(open('data/saved/x_dots.pickle', 'rb'))\n"
        "    def export(self, folder):\n        self._save(folder + '/table.csv', mode='w')\n"
        "    def _save(self, p, mode='r'):\n        open(p, mode)\n"
    )
    main = "import sys\nfrom lib import C\nc = C(sys.argv[1])\nc.export('results')\n"
    flow = flow_of({"lib.py": lib, "main.py": main, "data/saved/x_dots.pickle": ""})
    assert io(flow, "main.py") == [("read", "data/saved/x_dots.pickle"), ("write", "results/table.csv")]


def test_a_write_of_its_own_in_an_unknown_folder_is_no_cache_of_a_read() -> None:
    """KISRDevelopment/interpretable_student_models_paper_code: `exp_perf.py` globs `data/datasets/perf_*`
    and writes `{output_dir}/{cfg}_{dataset}.json` (`**/*_perf_*.json`); that write was taken for the file
    it reads (a cache), so it ran before the generator. Nor does another step's `**/*_sd_*.json` fit."""
    exp = (
        "import glob, os, sys, json\ncfg = os.path.basename(sys.argv[1]).replace('.json', '')\n"
        "for p in glob.glob('data/datasets/{}_*'):\n    d = os.path.basename(p).replace('.csv', '')\n"
        "    json.dump({{}}, open('%s/%s_%s.json' % (sys.argv[2], cfg, d), 'w'))\n"
    )
    gen = "import numpy as np\nfor i in range(3):\n    np.savetxt(f'data/datasets/perf_{i}.csv', [1])\n"
    flow = flow_of({"a_exp_perf.py": exp.format("perf"), "b_exp_sd.py": exp.format("sd"), "c_gen.py": gen})
    step = flow.step("a_exp_perf.py")
    assert step is not None
    assert step.after == ("c_gen.py",)


def test_a_readme_usage_line_names_what_to_give() -> None:
    """lzxlab/pSAM_paper_code: the README's usage line `python predict.py input_fasta_file output_path`,
    above its real example, made two false missing inputs and was the command REPRODUCE.md gave."""
    readme = (
        "# M\n\nUsage:\n\n```bash\npython predict.py input_fasta_file output_path\n```\n\n"
        "Example:\n\n```bash\npython predict.py example/in.fasta example/\n```\n"
    )
    flow = flow_of(
        {
            "m/predict.py": "import sys\ns = open(sys.argv[1]).read()\nopen(sys.argv[2] + '/m.txt', 'w')\n",
            "m/README.md": readme,
            "m/example/in.fasta": ">x\n",
        }
    )
    assert not flow.problems
    step = flow.step("m/predict.py")
    assert step is not None
    assert (step.workdir, step.arguments, step.fill_in) == ("m", ("example/in.fasta", "example/"), ())


def test_a_file_written_anew_after_a_step_appends_to_it() -> None:
    """lzxlab/pSAM_paper_code: `0.1.extract_species.py` appends to `0.data/...model_organism.txt`, then
    `1.extract_species.py` writes it anew: what the first added is lost, and nothing said so. A file made
    first and added to after is fine."""
    flow = flow_of(
        {
            "0.1.extract.py": "f = open('data/species.txt', 'a')\nf.write('x')\n",
            "1.extract.py": "open('data/species.txt', 'w').write('y')\n",
            "2.make_log.py": "open('data/log.txt', 'w')\n",
            "3.add_log.py": "open('data/log.txt', 'a')\n",
        }
    )
    assert [(p.code, p.path) for p in flow.problems] == [("SHR113", "1.extract.py")]


def test_a_module_in_a_sibling_folder_is_not_imported_without_a_path_trick() -> None:
    """garobed1/pou-paper-code: `from plate_comp_opts import optOptions` in `bump_in_channel/` was taken for
    `bump_shape_opt/plate_comp_opts.py`, which Python does not find from there: two steps were said to
    write the file that module names. A folder above, `sys.path.append` in the file, `PYTHONPATH` set by
    the folder's README or shell scripts, or a package the folder installs still find it."""
    files = {
        "opt/shape/opts.py": "name = 'hump'\n",
        "opt/channel/run.py": "from opts import name\nopen(name + '.txt', 'w')\n",
        "opt/mounted/run.py": "from opts import name\nopen(name + '.txt', 'w')\n",
    }
    flow = flow_of(files)
    assert not [p for p in flow.problems if p.code == "SHR113"]
    assert [s.writes for s in flow.steps] == [("*.txt",), ("*.txt",)]
    tricked = dict(files)
    tricked["opt/channel/run.py"] = "import sys\nsys.path.append('../shape')\n" + files["opt/channel/run.py"]
    step = flow_of(tricked).step("opt/channel/run.py")
    assert step is not None
    assert step.writes == ("opt/channel/hump.txt",)  # (`../shape` is found from its own folder only)
    helper = dict(tricked)  # (a module beside a file that widens the search finds what that file finds)
    helper["opt/channel/helpers.py"] = "from opts import name\ndef save():\n    open(name + '.csv', 'w')\n"
    helper["opt/channel/plot.py"] = "from helpers import save\nsave()\n"
    step = flow_of(helper).step("opt/channel/plot.py")
    assert step is not None
    assert step.writes == ("opt/channel/hump.csv",)  # (where its sibling runs)
    told = dict(files, **{"README.md": "Run with `PYTHONPATH=opt/shape python opt/channel/run.py`.\n"})
    # (each in its own folder: siblings that write the same name, see the test below)
    assert {s.writes for s in flow_of(told).steps} == {("opt/channel/hump.txt",), ("opt/mounted/hump.txt",)}
    installed = {
        "code/Tools/setup.py": "import setuptools\nsetuptools.setup(name='Tools')\n",
        "code/Tools/Tools/__init__.py": "",
        "code/Tools/Tools/names.py": "name = 'hump'\n",
        "code/analysis/run.py": "from Tools.names import name\nopen(name + '.txt', 'w')\n",
    }
    step = flow_of(installed).step("code/analysis/run.py")
    assert step is not None
    assert step.writes == ("hump.txt",)
    above = {"opt/opts.py": "name = 'hump'\n", "opt/channel/run.py": files["opt/channel/run.py"]}
    step = flow_of(above).step("opt/channel/run.py")
    assert step is not None
    assert step.writes == ("hump.txt",)


def test_a_slash_before_the_working_folder_keeps_the_path_inside() -> None:
    """garobed1/rdo_paper_code: `root = os.getcwd()`, then `f"/{root}/{path}/grad_lhs.pickle"`; the working
    folder is already absolute (`//home/ana/...` is the same folder), so the path is inside the folder.
    It was `/./...`: 111 false absolute paths, and the step that reads the file did not follow the one
    that writes it."""
    flow = flow_of(
        {
            "run.py": "import os\nroot = os.getcwd()\nopen(f'/{root}/results/out.txt', 'w')\n",
            "plot.py": "import os\nopen('/' + os.getcwd() + '/results/out.txt')\n",
        }
    )
    assert not flow.problems
    assert [(s.path, s.reads, s.writes, s.after) for s in flow.steps] == [
        ("run.py", (), ("results/out.txt",), ()),
        ("plot.py", ("results/out.txt",), (), ("run.py",)),
    ]


def test_a_function_defined_again_runs_the_definition_each_call_follows() -> None:
    """manansaxena/fenrir_paper_code: `plot_data` is defined in a notebook cell and called, then defined
    anew for the next figure and called again; every call ran the last definition, and four of the
    paper's figures were missing. Another module importing the function gets the last one."""
    first = "def plot(d):\n    plt.plot(d)\n    plt.savefig(f'{d}_first.pdf')\n"
    second = "def plot(d):\n    plt.plot(d)\n    plt.savefig(f'{d}_second.pdf')\n"
    top = "import matplotlib.pyplot as plt\nd = 'a'"
    cells = [(top, 1), (first, 2), ("plot(d)", 3), (second, 4), ("plot(d)", 5)]
    flow = flow_of(
        {
            "analysis.ipynb": notebook(cells),
            "figures.py": f"import matplotlib.pyplot as plt\n{first}plot('b')\n{second}plot('b')\n",
            "lib.py": "import matplotlib.pyplot as plt\n" + first + second,
            "again.py": "from lib import plot\nplot('c')\n",
        }
    )
    assert {s.path: s.writes for s in flow.steps} == {
        "again.py": ("c_second.pdf",),
        "analysis.ipynb": ("a_first.pdf", "a_second.pdf"),
        "figures.py": ("b_first.pdf", "b_second.pdf"),
    }


def test_an_absolute_path_set_at_the_top_of_the_step_says_the_line() -> None:
    """juliuslehner/paper_code: `directory_path = rf"C:\\Users\\juliu\\..."` on line 4, read on line 8: the
    problem named line 8 only, and the path with `/` for `\\`, so neither line nor text led to line 4."""
    source = (
        "import glob, os\nimport pandas as pd\n\ndirectory_path = rf'C:\\Users\\me\\results'\n\n"
        "files = glob.glob(os.path.join(directory_path, '*.csv'))\nfor f in files:\n    pd.read_csv(f)\n"
    )
    (problem,) = flow_of({"knn.py": source}).problems
    assert (problem.code, problem.line) == ("SHR111", 8)
    assert problem.message.endswith("The path is set on line 4.")


def test_scripts_of_sibling_folders_that_write_the_same_names_work_in_their_own_folders() -> None:
    """zhaodan-npu/Higher_order_kuramoto_paper_code: `fig12/plot_window_5.py` and `fig13/plot_window_5.py`
    write `p1_windows_average_EDACF.pdf` among their own files; run from the top by sciship's default,
    they were three false SHR113 ("give each output its own name")."""
    plot = (
        "import glob\nimport matplotlib.pyplot as plt\nfiles = glob.glob('{}_win*.txt')\n"
        "plt.savefig('average.pdf')\n"
    )
    flow = flow_of({"fig12/plot.py": plot.format("spikes"), "fig13/plot.py": plot.format("noise")})
    assert [(s.path, s.workdir, s.writes) for s in flow.steps] == [
        ("fig12/plot.py", "fig12", ("fig12/average.pdf",)),
        ("fig13/plot.py", "fig13", ("fig13/average.pdf",)),
    ]
    assert not [p for p in flow.problems if p.code == "SHR113"]


def test_many_commented_out_lines_after_an_equals_sign_are_read_at_once() -> None:
    """fyz11/LightSheetPaper_Code: a comment ending in `=` followed by hundreds of `# #     plt.show()`
    lines made a pattern try every way to split them: `sciship share` never ended (20 lines: minutes)."""
    source = "x = 1  # result =\n" + "# # y\n" * 200 + "open('out.txt', 'w')\n"
    start = time.monotonic()
    flow = flow_of({"run.py": source})
    assert time.monotonic() - start < 10
    assert flow.steps[0].writes == ("out.txt",)


def test_no_step_is_told_to_read_its_own_output_for_its_missing_input() -> None:
    """QuaSiMoDooooo/CV-QTL-manuscript-scripts: `raw/SNP.vcf` is missing; "did you mean `formatted/SNP.vcf`,
    which `fmt.py` writes?", the step's own output."""
    source = (
        "import os\nfor name in ['SNP.vcf']:\n    with open(os.path.join('raw', name)) as fin, "
        "open(os.path.join('formatted', name), 'w') as fout:\n        fout.write(fin.read())\n"
    )
    (problem,) = flow_of({"fmt.py": source}).problems
    assert "did you mean" not in problem.message


def test_a_flag_given_where_a_script_reads_a_file_is_no_file() -> None:
    """LappalainenLab/lorals_paper_code: `python3 call_utr.py -i "$NAME.bed"`, and the script opens
    `sys.argv[1]`: "add the file `-i`"."""
    flow = flow_of(
        {
            "run.sh": '#!/bin/bash\nNAME=sample\npython3 call_utr.py -i "${NAME}.bed"\n',
            "call_utr.py": "import sys\npsl = open(sys.argv[1])\nopen(sys.argv[2] + '.tsv', 'w')\n",
        }
    )
    assert not flow.problems
    assert flow.steps[0].writes == ("sample.bed.tsv",)


def test_a_file_named_only_in_a_comment_of_other_code_is_not_named_there() -> None:
    """ShiuLab/Manuscript_Code: "`predict_BGLR.R` names it", where the R file's only mention of
    `pheno.csv` is a commented-out line."""
    flow = flow_of(
        {
            "ml.py": "import pandas as pd\npd.read_csv('data/pheno.csv')\n",
            "predict.R": "#Y_file <- '/Volumes/x/pheno.csv'\nY <- read.csv('other.csv')\n",
        }
    )
    (problem,) = flow.problems
    assert "names it" not in problem.message


def test_a_file_written_then_moved_into_place_is_a_temporary() -> None:
    """rjain2470/EMNSR_paper_code: a download goes to `MaassForms.txt.part`, then `os.replace` moves it to
    `MaassForms.txt`: the `.part` file was an output of five steps, "give each output its own name"."""
    pad = "".join(f"x{i} = {i}\n" for i in range(400))
    get = (
        "import os\nimport requests\n" + pad + "with open('d.txt.part', 'wb') as f:\n"
        "    f.write(requests.get('https://example.org/d.txt').content)\nos.replace('d.txt.part', 'd.txt')\n"
    )
    step = flow_of({"get.py": get}).step("get.py")
    assert step is not None
    assert (step.reads, step.writes) == ((), ("d.txt",))


def test_a_file_is_named_in_other_code_by_its_whole_name() -> None:
    """zouter/ChromatinHD_manuscript: "`prep.R` names it" of `fragments.tsv`, where the R file names
    `atac_fragments.tsv.gz`, another file."""
    flow = flow_of(
        {
            "count.py": "open('data/fragments.tsv')\n",
            "prep.R": 'input <- file.path("data", "atac_fragments.tsv.gz")\n',
        }
    )
    (problem,) = flow.problems
    assert "names it" not in problem.message
    made = 'write.table(x, "data/fragments.tsv")\n'
    flow = flow_of({"count.py": "open('data/fragments.tsv')\n", "prep.R": made})
    assert "`prep.R` names it" in flow.problems[0].message


def test_code_in_another_language_that_only_reads_the_file_is_no_maker() -> None:
    """ahansenlab/cleopatra_analysis_code, egnerney/diffusive-equilibrium-2024-paper-code, Freihaut: "`x.Rmd`
    names it ... if it makes the file, run it first" of R's `read_tsv(...)` and IDL's `openr,1,'...'`
    (250 of egnerney's hints); a line that writes it still names a maker."""
    for reader in ('d <- read.csv("nop.csv")\n', "openr,1,'nop.csv'\n", "x = readtable('nop.csv');\n"):
        flow = flow_of({"count.py": "open('nop.csv')\n", "other.R": reader})
        (problem,) = flow.problems
        assert "names it" not in problem.message, reader
    for maker in ('write.csv(d, "nop.csv")\n', "openw,1,'nop.csv'\n", 'out <- "nop.csv"\n'):
        flow = flow_of({"count.py": "open('nop.csv')\n", "other.R": maker})
        assert "`other.R` names it" in flow.problems[0].message, maker


def test_the_folder_is_known_by_its_project_s_name_in_a_download() -> None:
    """shahcompbio/scdna_replication_paper: its own absolute paths (`/juno/.../scdna_replication_paper/
    data/gc_rt_bins.csv`) were mapped into the folder only when it had the project's exact name; a
    download is `<name>-main`, a clone `owner__name`: a false missing input, and no order."""
    files = {
        "make.py": "import pandas as pd\npd.DataFrame().to_csv('/home/al/projects/myproj/data/bins.csv')\n",
        "use.py": "import pandas as pd\npd.read_csv('data/bins.csv')\npd.read_csv('myproj/data/more.csv')\n",
        "data/more.csv": "a\n",
    }
    for name in ("myproj-main", "alice__myproj"):
        with TemporaryDirectory() as tmp:
            root = write_tree(Path(tmp) / name, files)
            flow = trace(Project.load(root), cache=False)
        assert [p.code for p in flow.problems] == ["SHR111"], name
        step = flow.step("use.py")
        assert step is not None
        assert (step.after, step.reads) == (("make.py",), ("data/bins.csv", "data/more.csv")), name


def test_a_pipeline_that_runs_a_script_by_its_path_on_the_author_s_computer() -> None:
    """lodurality/GEM3D_paper_code: `SCRIPT_PATH=/home/$USER/Repos/gem3d_paper_code/`, then `python -u
    $SCRIPT_PATH/train.py --out_path=./results/`: the nine shell scripts ran no step, and REPRODUCE.md
    asked for every option they give."""
    with TemporaryDirectory() as tmp:
        root = write_tree(
            Path(tmp) / "gem3d_paper_code",
            {
                "train.py": (
                    "import argparse\nimport pandas as pd\np = argparse.ArgumentParser()\n"
                    "p.add_argument('--out_path', required=True)\na = p.parse_args()\n"
                    "pd.DataFrame().to_csv(a.out_path + 'out.csv')\n"
                ),
                "bash_scripts/train.sh": (
                    "SCRIPT_PATH=/home/$USER/Repos/gem3d_paper_code/\n"
                    "python -u $SCRIPT_PATH/train.py --out_path=./results/\n"
                ),
            },
        )
        flow = trace(Project.load(root), cache=False)
    step = flow.step("train.py")
    assert step is not None
    assert (step.writes, step.arguments) == (("results/out.csv",), ("--out_path=./results/",))


def test_a_setting_in_a_file_whose_name_holds_spaces() -> None:
    """Seishou0724/2026-ncomms-analysis-code: a script named `Fig 2 Pearson.py` that sets an absolute
    folder at its top stopped `sciship share` (an internal error reading the line back)."""
    source = "import pandas as pd\nbase = r'C:\\Users\\me\\data'\n\npd.read_csv(base + '/x.csv')\n"
    (problem,) = flow_of({"Fig 2 Pearson.py": source}).problems
    assert problem.message.endswith("The path is set on line 2.")


def test_scripts_of_another_project_copied_in_are_no_steps() -> None:
    """levylabpitt/replication_code_Sheridan_nanoscale_XUV_source_graphene: a copy of the Octopus code
    (its own configure.ac) made 14 of 21 steps, and 10 of 12 problems. A `third_party/` folder's scripts
    likewise; one the folder's own shell script runs is a step all the same."""
    flow = flow_of(
        {
            "fig4.py": "import numpy as np\nnp.savetxt('fig4.txt', [1])\n",
            "octopus/configure.ac": "AC_INIT([octopus])\n",
            "octopus/scripts/combine.py": "open('combined.txt', 'w')\n",
            "third_party/tool/run.py": "open('tool.txt', 'w')\n",
            "vendor/lib/used.py": "open('used.txt', 'w')\n",
            "run.sh": "#!/bin/bash\npython vendor/lib/used.py\n",
        }
    )
    assert [s.path for s in flow.steps] == ["fig4.py", "vendor/lib/used.py"]


def test_a_method_called_on_its_class() -> None:
    """BioroboticsLab/IBA-paper-code: `ReadoutBottleneckB.load_path(model, layers, "weights/...")`, a
    classmethod called on the class, was not followed, so the missing weights went unlisted (the same
    for the IBL's trained model). A staticmethod takes no `self`, on the class or on an object; a plain
    method called on its class gets `self` as its first argument."""
    models = (
        "import pickle\n"
        "class Base:\n"
        "    @classmethod\n"
        "    def load_path(cls, path):\n"
        "        with open(path, 'rb') as f:\n"
        "            return pickle.load(f)\n"
        "    @staticmethod\n"
        "    def load_static(path):\n"
        "        with open(path, 'rb') as f:\n"
        "            return pickle.load(f)\n"
        "    def load(self, path):\n"
        "        with open(path, 'rb') as f:\n"
        "            return pickle.load(f)\n"
        "class Sub(Base):\n"
        "    pass\n"
    )
    flow = flow_of(
        {
            "pkg/__init__.py": "",
            "pkg/models.py": models,
            "a.py": "from pkg.models import Base\nm = Base.load_path('w/a.pkl')\n",
            "b.py": "from pkg.models import Base\nm = Base.load_static('w/b.pkl')\n",
            "c.py": "from pkg.models import Base\nb = Base()\nm = b.load_static('w/c.pkl')\n",
            "d.py": "from pkg.models import Base\nb = Base()\nm = Base.load(b, 'w/d.pkl')\n",
            "e.py": "from pkg.models import Sub\nm = Sub.load_path('w/e.pkl')\n",
            "f.py": (
                "import json\n"
                "class Loc:\n"
                "    @classmethod\n"
                "    def read(cls, path):\n"
                "        return json.load(open(path))\n"
                "cfg = Loc.read('w/f.json')\n"
            ),
        }
    )
    assert {s.path: [p for _, p in io(flow, s.path)] for s in flow.steps} == {
        "a.py": ["w/a.pkl"],
        "b.py": ["w/b.pkl"],
        "c.py": ["w/c.pkl"],
        "d.py": ["w/d.pkl"],
        "e.py": ["w/e.pkl"],
        "f.py": ["w/f.json"],
    }


def test_a_dict_of_names_read_with_a_loop_variable() -> None:
    """egnerney/diffusive-equilibrium-2024-paper-code: `np.load(density_files[case])` in a loop over the
    cases read nothing, so the plot ran before the steps that make its 18 files."""
    flow = flow_of(
        {
            "a_plot.py": (
                "import numpy as np\n"
                "files = {'A': 'n_A.npz', 'B': 'n_B.npz'}\n"
                "settings = {'A': 1, 'B': 'x.csv'}\n"
                "for case in ['A', 'B']:\n"
                "    n = np.load(files[case])\n"
                "    print(settings[case])\n"
                "for case in files:\n"
                "    np.load(files[case])\n"
                "suffix = {None: '', 'eq': '.eq'}  # (a key no look-up names: its value is one of them)\n"
                "for o in [None, 'eq']:\n"
                "    np.save(f's{suffix[o]}.npy', 1)\n"
            ),
            "b_model.py": "import numpy as np\nnp.savez('n_A.npz', x=1)\nnp.savez('n_B.npz', x=1)\n",
        }
    )
    assert [s.path for s in flow.steps] == ["b_model.py", "a_plot.py"]
    assert sorted({p for _, p in io(flow, "a_plot.py")}) == ["n_A.npz", "n_B.npz", "s.eq.npy", "s.npy"]


def test_settings_a_function_returns_and_dict_updates() -> None:
    """BioroboticsLab/IBA-paper-code: `config = get_default_config()` returns a dict of paths, so
    `config['images']` read nothing (ImageNet, the paper's data, was never listed); `config.update({...})`
    was lost, so the results went to `**/bbox_*.torch`."""
    flow = flow_of(
        {
            "pkg/__init__.py": "",
            "pkg/cfg.py": (
                "def default_config():\n"
                "    return {'labels': 'data/labels.yaml', 'images': 'data/images', 'seed': 1}\n"
            ),
            "a.py": (
                "import glob, os, pickle\n"
                "from pkg.cfg import default_config\n"
                "config = default_config()\n"
                "config.update({'result_dir': 'results/bbox', 'ratio': 0.3})\n"
                "config.update(log='logs/a.txt')\n"
                "with open(config['labels']) as f:\n"
                "    labels = f.read()\n"
                "files = glob.glob(os.path.join(config['images'], '*.jpg'))\n"
                "pickle.dump(files, open(os.path.join(config['result_dir'], 'a.pkl'), 'wb'))\n"
                "open(config['log'], 'w')\n"
            ),
            "b.py": (
                "import os\n"
                "paths = {'seed': 1}\n"
                "paths.update({'out': 'results/b'})\n"
                "open(os.path.join(paths['out'], 'b.txt'), 'w')\n"
            ),
        }
    )
    assert sorted(io(flow, "a.py")) == [
        ("read", "data/images/*.jpg"),
        ("read", "data/labels.yaml"),
        ("write", "logs/a.txt"),
        ("write", "results/bbox/a.pkl"),
    ]
    assert io(flow, "b.py") == [("write", "results/b/b.txt")]


def test_a_readme_that_says_where_to_download_the_data() -> None:
    """jjusuf2/AbsQuant_analysis_code (`data/README.md`: the data is on Zenodo, with its DOI) and
    BioroboticsLab/IBA-paper-code (the README's release page for the weights): the missing inputs' hint
    asked to "say in the README where to get it", which it did. A badge or a paper's link is no such
    place."""
    files = {
        "scripts/classify.py": "import pandas as pd\nloops = pd.read_csv('../data/loops.csv')\n",
        "data/README.md": "All data in this folder is on Zenodo: https://doi.org/10.5281/zenodo.14600051.\n",
        "README.md": "[![ci](https://img.shields.io/badge/ci-ok.svg)](https://x.org)\nSee the paper.\n",
    }
    (problem,) = flow_of(files).problems
    assert problem.source == ("data/README.md", "https://doi.org/10.5281/zenodo.14600051")
    assert "`data/README.md` gives a place to download from (https://doi.org/10.5281/zenodo.14600051)" in (
        problem.message
    )
    top = {
        "run.py": "import torch\ntorch.load('weights/a.torch')\n",
        "README.md": "Download the model weights from the [release page](https://github.com/o/r/releases/tag/v1)\n",
    }
    (problem,) = flow_of(top).problems
    assert problem.source == ("README.md", "https://github.com/o/r/releases/tag/v1")
    files.pop("data/README.md")
    (problem,) = flow_of(files).problems
    assert problem.source is None
    assert "say in the README where to get it" in problem.message
    # (e-olson/extremes-OAW-GCBmanuscript-code: the code's own DOI is no place to get data from)
    files["README.md"] = "Analysis code for the paper.\n\nCode DOI: https://doi.org/10.5281/zenodo.15832935\n"
    (problem,) = flow_of(files).problems
    assert problem.source is None


def test_the_download_hint_speaks_of_one_file_or_of_many() -> None:
    """theislab/regvelo_reproducibility: of the files a pattern matches, the hint said "if them comes from
    there" (8 times)."""
    readme = "Download the data from https://figshare.com/projects/demo/1 into data/.\n"
    many = {"prep.py": "import glob\nfor f in glob.glob('data/raw/*'):\n    open(f)\n", "README.md": readme}
    (problem,) = flow_of(many).problems
    assert "if they come from there, nothing is missing but the download (REPRODUCE.md lists them" in (
        problem.message
    )
    assert "else add them;" in problem.message
    (problem,) = flow_of({"prep.py": "open('data/raw.csv')\n", "README.md": readme}).problems
    assert "if it comes from there, nothing is missing but the download (REPRODUCE.md lists it" in (
        problem.message
    )
    assert "else add the file;" in problem.message


def test_a_signed_temporary_download_link_is_shown_without_its_signature() -> None:
    """tomsasani/bxd_mutator_manuscript: the README's journal link (`...msz026_supp.zip?Expires=1616302324&
    Signature=u8ne...&Key-Pair-Id=...`, 600 characters) was printed whole under each of four problems; it was
    signed to work until 2021. The place is shown without the signature, and said to be temporary."""
    link = (
        "https://cdn.example.org/backfile/msz026_supp.zip?Expires=1616302324&Signature=u8neUFiV~0aBABDNG-Zq"
        "&Key-Pair-Id=APKAIE5G5CRDK6RD3PGA"
    )
    files = {"run.py": "open('data/supp.xlsx')\n", "README.md": f"Download the data from [here]({link}).\n"}
    (problem,) = flow_of(files).problems
    shown = (
        "https://cdn.example.org/backfile/msz026_supp.zip, a temporary link signed to work until 2021-03-21"
    )
    assert problem.source == ("README.md", shown)
    assert f"gives a place to download from ({shown}): if it comes" in problem.message
    assert "Signature" not in problem.message
    files["README.md"] = "Download the data: https://s3.example.com/b/supp.zip?X-Amz-Signature=abc123&x=1\n"
    (problem,) = flow_of(files).problems
    assert problem.source == (
        "README.md", "https://s3.example.com/b/supp.zip, a temporary signed link that may no longer work"
    )
    files["README.md"] = "Download the data: https://zenodo.org/records/1/files/supp.zip?download=1\n"
    (problem,) = flow_of(files).problems  # (an ordinary query stays)
    assert problem.source == ("README.md", "https://zenodo.org/records/1/files/supp.zip?download=1")


def test_a_paper_or_a_tool_is_no_place_to_download_data_from() -> None:
    """A README names the paper's DOI, the tool's PyPI page or Anaconda's download page beside its data
    (18 of 40 folders): none of them is where a missing input comes from."""
    for line in (
        "The data for the paper (https://doi.org/10.1101/2025.03.21.644605) is described below.",
        "Install the data tools: https://pypi.org/project/mbe-eval/0.2.0/",
        "Download Anaconda from https://www.anaconda.com/distribution/#download-section",
        "Data processing uses https://github.com/ohlerlab/liam",
    ):
        files = {"run.py": "open('data/x.csv')\n", "README.md": line + "\n"}
        (problem,) = flow_of(files).problems
        assert problem.source is None, line
    for line, url in (
        ("Data: https://zenodo.org/records/15046015", "https://zenodo.org/records/15046015"),
        ("The data is at https://figshare.com/projects/x/226860.", "https://figshare.com/projects/x/226860"),
        ("Download the data: https://x.org/d/data.tar.gz", "https://x.org/d/data.tar.gz"),
        ("Data on OSF: 10.17605/OSF.IO/HE3F2", "https://doi.org/10.17605/OSF.IO/HE3F2"),
    ):
        files = {"run.py": "open('data/x.csv')\n", "README.md": line + "\n"}
        (problem,) = flow_of(files).problems
        assert problem.source == ("README.md", url), line


def test_a_link_to_one_file_is_where_that_file_comes_from_only() -> None:
    """saezlab/scHF_rna: the README's `wget .../coregene_df-FALSE-v3.csv` was said to be where six other
    missing inputs came from (`data/ATAC/psbulk_peaks.csv`, `data/ATAC/DiffPeaksBulkMatrix/*`, ...). A
    link to a file serves that file (or its name compressed); a DOI, a record or an archive serves any."""
    readme = (
        "Get dissociation genes:\n```\ncd data\n"
        "wget https://raw.githubusercontent.com/o/r/master/data/coregene_df-FALSE-v3.csv\n```\n"
    )
    files = {
        "scripts/qc.py": "import pandas as pd\npd.read_csv('../data/coregene_df-FALSE-v3.csv')\n",
        "scripts/peaks.py": (
            "import os\nimport pandas as pd\npd.read_csv('../data/ATAC/psbulk_peaks.csv')\n"
            "for f in os.listdir('../data/ATAC/bulk'):\n"
            "    pd.read_csv(os.path.join('../data/ATAC/bulk', f))\n"
        ),
        "README.md": readme,
    }
    flow = flow_of(files)
    sources = {(p.path, p.line): p.source for p in flow.problems}
    link = "https://raw.githubusercontent.com/o/r/master/data/coregene_df-FALSE-v3.csv"
    assert sources == {
        ("scripts/qc.py", 2): ("README.md", link),
        ("scripts/peaks.py", 3): None,
        ("scripts/peaks.py", 5): None,
    }
    (peaks,) = [p for p in flow.problems if p.line == 3]
    assert "Add the file, or say in the README where to get it" in peaks.message
    # (a link to the file compressed, or a pattern of its name; and a DOI beside the link serves the others)
    files["README.md"] = (
        "Data: https://x.org/files/psbulk_peaks.csv.gz and all the rest on https://doi.org/10.5281/zenodo.1\n"
    )
    flow = flow_of(files)
    sources = {(p.path, p.line): p.source for p in flow.problems}
    assert sources == {
        ("scripts/qc.py", 2): ("README.md", "https://doi.org/10.5281/zenodo.1"),
        ("scripts/peaks.py", 3): ("README.md", "https://x.org/files/psbulk_peaks.csv.gz"),
        ("scripts/peaks.py", 5): ("README.md", "https://doi.org/10.5281/zenodo.1"),
    }


def test_what_a_command_may_make_under_a_pattern_hides_no_missing_input() -> None:
    """jjusuf2/AbsQuant_analysis_code: `pairtools sort ... -o {outdir}/{name}.pairs.gz` in one script made
    every missing pattern input in the folder count as made (`**/*.pairs.gz_*` matched
    `data/*_signal.txt`): no SHR110 for the missing `data/bigwig_signal_at_anchors/*`."""
    flow = flow_of(
        {
            "use.py": "import sys\nimport numpy as np\nnp.loadtxt(f'data/{sys.argv[1]}_signal.txt')\n",
            "run.py": (
                "import subprocess, sys\nout, name = sys.argv[1], sys.argv[2]\n"
                "subprocess.run(f'pairtools sort in.pairs -o {out}/{name}.pairs.gz', shell=True)\n"
            ),
        }
    )
    assert [(p.code, p.path) for p in flow.problems] == [("SHR110", "use.py")]


def test_a_readme_command_of_a_script_by_its_bare_name() -> None:
    """jjusuf2/AbsQuant_analysis_code: the README's `python downsample_trans_reads.py input.pairs 0.4
    output.pairs`, of the one script of that name in `scripts/microc_processing/`, was not taken: REPRODUCE.md
    asked for `ARG1 ARG2 ARG3`. Run from the script's folder, as the bare name says."""
    script = (
        "import sys\nsrc, frac, dst = sys.argv[1], float(sys.argv[2]), sys.argv[3]\n"
        "open(dst, 'w').write(open(src).read())\n"
    )
    readme = "#### Downsample\n```\npython downsample.py input.pairs 0.4 output.pairs\n```\n"
    flow = flow_of({"scripts/downsample.py": script, "README.md": readme})
    step = flow.step("scripts/downsample.py")
    assert step is not None
    assert (step.workdir, step.arguments, step.fill_in) == (
        "scripts",
        ("input.pairs", "0.4", "output.pairs"),
        (),
    )
    assert step.reads == ("scripts/input.pairs",)
    flow = flow_of({"scripts/downsample.py": script, "other/downsample.py": script, "README.md": readme})
    step = flow.step("scripts/downsample.py")
    assert step is not None
    assert step.fill_in == ("SRC", "FRAC", "DST")  # (two of that name: which one is not known)
    # (a script with defaults for everything: the README shows what else it can do, not how to run it)
    options = (
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('--data-file', default='d.csv')\n"
    )
    options += "open(p.parse_args().data_file)\n"
    flow = flow_of(
        {
            "scripts/plot.py": options,
            "scripts/d.csv": "x",
            "README.md": "```\npython plot.py --data-file c.csv\n```\n",
        }
    )
    step = flow.step("scripts/plot.py")
    assert step is not None
    assert "c.csv" not in " ".join(step.reads)


def test_a_script_that_puts_the_folder_above_on_sys_path_runs_in_its_own_folder() -> None:
    """janbrascamp/analysis_code_face_integration: `sys.path.append('..')` then `import tools.fMRI_tools`
    works only from the script's own folder (`..` is relative to where Python starts); REPRODUCE.md ran
    it from the top, where the import fails."""
    script = (
        "import sys\nsys.path.append('..')\nimport tools.util as util\nimport pandas as pd\n"
        "pd.DataFrame({'x': [util.helper()]}).to_csv('avg.csv')\n"
    )
    files = {
        "tools/__init__.py": "",
        "tools/util.py": "def helper():\n    return 1\n",
        "analysis/avg.py": script,
    }
    step = flow_of(files).step("analysis/avg.py")
    assert step is not None
    assert (step.workdir, step.writes) == ("analysis", ("analysis/avg.csv",))


def test_a_plain_text_readme_of_a_folder_says_how_its_scripts_run() -> None:
    """desihub/spectropaper-code: 17 folder READMEs named `README`, plain text, of lines such as
    `./psfxy.py -i raw-b1.fits -o psfxy-b1.csv` and `ln -s /global/.../psfnight-b1.fits .`: 23 of 59 steps
    ran from the top, `plot.py` came before the step that makes its input, and 12 missing inputs were files
    the READMEs make."""
    psfxy = (
        "import argparse\nimport pandas as pd\np = argparse.ArgumentParser()\n"
        "p.add_argument('-i', '--infile')\np.add_argument('-o', '--outfile')\na = p.parse_args()\n"
        "pd.read_csv(a.infile).to_csv(a.outfile)\n"
    )
    readme = (
        "# wavelength calibration, done at NERSC\n"
        "ln -s /global/desi/redux/psfnight-b1.fits .\n"
        "desi_preproc -i $DATA/$n.fits --cam r0 -o preproc-$n-model.fits\n"
        "./psfxy.py -i raw-b1.fits -o psfxy-b1.csv\n"
        "Then run the plot script.\n"
        "python plot.py\n"
    )
    plot = (
        "import pandas as pd\nimport matplotlib.pyplot as plt\nt = pd.read_csv('psfxy-b1.csv')\n"
        "n = pd.read_csv('psfnight-b1.fits')\nm = pd.read_csv('preproc-20220307-model.fits')\n"
        "plt.savefig('dxdy.pdf')\n"
    )
    files = {"wave/README": readme, "wave/psfxy.py": psfxy, "wave/plot.py": plot, "wave/raw-b1.fits": "x"}
    flow = flow_of(files)
    assert [(s.path, s.workdir) for s in flow.steps] == [("wave/psfxy.py", "wave"), ("wave/plot.py", "wave")]
    assert flow.step("wave/plot.py").after == ("wave/psfxy.py",)  # type: ignore[union-attr]
    assert flow.problems == ()


def test_a_readme_usage_line_in_brackets_gives_words_to_choose() -> None:
    """BioroboticsLab/IBA-paper-code: `eval_sensitivity_n.py [model] [tile size] [attribution]`, the
    README's usage line, gave the words `[model]`, `[tile` and `size]`, and files named after them."""
    script = "import sys\nmodel, t = sys.argv[1], sys.argv[2]\nopen(f'results/{model}_{t}.txt', 'w')\n"
    readme = "```\npython scripts/evaluate.py [model] [tile size]\n```\n"
    step = flow_of({"scripts/evaluate.py": script, "README.md": readme}).step("scripts/evaluate.py")
    assert step is not None
    assert "[" not in " ".join(step.writes)


def test_a_path_a_package_re_exports_with_a_star_import() -> None:
    """int-brain-lab/paper-reproducible-ephys: `from fig_data_quality.tables import tables_dir`, where the
    package's `__init__.py` is `from .tables import *`: the input in the folder was
    `**/double_blind_results.csv`."""
    files = {
        "pkg/__init__.py": "",
        "pkg/tables/__init__.py": "from .tables import *\n",
        "pkg/tables/tables.py": "from pathlib import Path\ntables_dir = Path(__file__).parent\n",
        "pkg/tables/ratings.csv": "x\n",
        "star.py": (
            "import pandas as pd\nfrom pkg.tables import tables_dir\n"
            "pd.read_csv(tables_dir.joinpath('ratings.csv'))\n"
        ),
    }
    step = flow_of(files).step("star.py")
    assert step is not None
    assert step.reads == ("pkg/tables/ratings.csv",)


def test_a_path_with_an_unknown_start_says_nothing_of_the_working_folder() -> None:
    """colemanmr/ukesm_aerosol_nudging_analysis_code: `file_loc.diag_dir + 'aerosols/'`, from a module
    sciship cannot find, was put under `analysis_code/` ("runs in analysis_code/") because a folder
    `analysis_code/aerosols/` exists: 34 steps with a made-up working folder."""
    script = (
        "import diagnostics.file_locations_module as file_loc\nimport matplotlib.pyplot as plt\n"
        "plt.savefig(file_loc.plot_dir + 'aerosols/burden_map.png')\n"
    )
    step = flow_of({"code/__init__.py": "", "code/aerosols/plot_a.py": script}).step(
        "code/aerosols/plot_a.py"
    )
    assert step is not None
    assert step.workdir == ""


def test_a_missing_input_a_step_writes_outside_the_folder_is_named() -> None:
    """individual-brain-charting/public_analysis_code: `dictionary_labels.py` reads `dictionary.npz`, which
    `dictionary_learning.py` writes into `/storage/store/work/...`: "no script here writes it", with no
    word of the step that does."""
    flow = flow_of(
        {
            "learn.py": (
                "import os, numpy as np\nwrite_dir = '/storage/store/work/ana/topographies'\n"
                "np.savez(os.path.join(write_dir, 'dictionary.npz'), a=np.zeros(3))\n"
            ),
            "labels.py": "import numpy as np\nd = np.load('dictionary.npz')['a']\n",
        }
    )
    missing = next(p for p in flow.problems if p.code == "SHR110")
    assert missing.message.startswith("`labels.py` reads `dictionary.npz` (line 2), but no script")
    assert (
        "`learn.py` writes a file of that name at `/storage/store/work/ana/topographies/dictionary.npz`"
        in (missing.message)
    )


def test_a_package_on_an_absolute_sys_path_is_the_folders_own() -> None:
    """letiviada/mmsc_dissertation: `sys.path.append('/Users/.../regression/')`, then `from utils_r import
    save_data_to_csv` of the package `regression/utils_r/`: not followed, so about 30 files its scripts
    write were "written by no script"; the hint named a line of the helper as the step's."""
    helper = (
        "import os\ndef save(data, folder, name):\n    base = '/home/me/proj/'\n"
        "    data.to_csv(os.path.join(base, folder, name))\n"
    )
    flow = flow_of(
        {
            "sub/utils_r/__init__.py": "from .helper import save\n",
            "sub/utils_r/helper.py": helper,
            "sub/deeper/make.py": (
                "import sys\nsys.path.append('/home/me/proj/sub')\nimport pandas as pd\n"
                "from utils_r import save\nsave(pd.DataFrame(), 'out', 'a.csv')\n"
            ),
            "sub/use.py": "import pandas as pd\npd.read_csv('out/a.csv')\n",
        }
    )
    missing = next(p for p in flow.problems if p.code == "SHR110")
    assert (
        "`sub/deeper/make.py` writes a file of that name at `/home/me/proj/out/a.csv` (line 5, in "
        "`sub/utils_r/helper.py` line 4)" in missing.message
    )


def test_a_readme_placeholder_is_no_file() -> None:
    """A README's `--data /path/to/prices.csv` is for the reader to fill in: the script's default holds
    (talmolab/lablink-paper-figures: SHR111 for the placeholder, and `data/prices.csv`, which is in the
    folder, was not read), and an option with no default stays to fill in (BioGeMT/miRBench_paper:
    `path/to/phyloP.bw` was a missing input)."""
    parse = "import argparse\np = argparse.ArgumentParser()\n"
    flow = flow_of(
        {
            "README.md": (
                "# Demo\n\n```bash\npython plot.py --data /path/to/prices.csv\n"
                "python score.py --table path/to/table.tsv --out scores.tsv\n"
                "python count.py counts.csv <your-table>\n```\n"
            ),
            "plot.py": (
                parse + "p.add_argument('--data', default='data/prices.csv')\nimport pandas as pd\n"
                "pd.read_csv(p.parse_args().data).to_csv('summary.csv')\n"
            ),
            "score.py": (
                parse + "p.add_argument('--table')\np.add_argument('--out')\na = p.parse_args()\n"
                "open(a.out, 'w').write(open(a.table).read())\n"
            ),
            "count.py": "import sys\nopen(sys.argv[1], 'w').write(open(sys.argv[2]).read())\n",
            "data/prices.csv": "",
        }
    )
    assert io(flow, "plot.py") == [("read", "data/prices.csv"), ("write", "summary.csv")]
    assert io(flow, "score.py") == [("write", "scores.tsv")]
    assert io(flow, "count.py") == [("write", "counts.csv")]
    assert flow.problems == ()


def test_the_commands_of_a_readme_in_restructuredtext() -> None:
    """jobovy/galpy-paper-figures: README.rst gives `python figure6.py figure6.png` for each figure in a
    `.. code-block::` (or after a paragraph ending in `::`); REPRODUCE.md asked for `ARG1` and listed no
    figure, as the same commands in a README.md were read."""
    plot = "import sys\nimport matplotlib.pyplot as plt\nplt.savefig(sys.argv[1])\n"
    flow = flow_of(
        {
            "README.rst": (
                "Figures\n=======\n\nFigure 6 is made by calling\n\n.. code-block:: none\n   :linenos:\n\n"
                "   python figure6.py figure6.png\n\nand figure 7 by::\n\n    python figure7.py fig7.pdf\n\n"
                "That is all.\n"
            ),
            "figure6.py": plot,
            "figure7.py": plot,
        }
    )
    assert io(flow, "figure6.py") == [("write", "figure6.png")]
    assert io(flow, "figure7.py") == [("write", "fig7.pdf")]


def test_a_readme_command_without_the_scripts_py() -> None:
    """rjleveque/shoaling_paper_figures: the README's `python make_plots` (of `make_plots.py`) was not read
    as a run, and the order the README gives was lost with it. A name that is no script stays none."""
    flow = flow_of(
        {
            "README.md": (
                "# Demo\n\n```\npython make_plots   # makes plots\npython combine.py\npython other\n```\n"
            ),
            "make_plots.py": "import numpy as np\nnp.savetxt('zout.txt', [1])\n",
            "combine.py": "import numpy as np\nnp.savetxt('a.txt', [1])\n",
        }
    )
    assert [s.path for s in flow.steps] == ["make_plots.py", "combine.py"]


def test_what_self_holds_comes_from_the_arguments_that_made_the_object() -> None:
    """A path kept in `self.data_dir` by `__init__` and used by another method was `**/` (h1's
    synthetic-rct replication package, KCaldeira's plotting classes): it is what the object was made
    with, through a base class's `__init__` too, or a class attribute; a name set twice stays unknown."""
    lib = (
        "import json, os\nimport pandas as pd\n"
        "class Base:\n"
        "    def __init__(self, root, tag='v1'):\n"
        "        self.root = root\n        self.tag = tag\n"
        "        self.files = {'raw': os.path.join(root, 'raw.csv')}\n        self.load()\n"
        "    def load(self):\n        self.df = pd.read_csv(self.files['raw'])\n"
        "class Study(Base):\n"
        "    outdir = 'figures'\n"
        "    def report(self):\n"
        "        json.dump({}, open(os.path.join(self.root, f'report_{self.tag}.json'), 'w'))\n"
        "        self.df.plot().figure.savefig(os.path.join(self.outdir, 'plot.png'))\n"
        "class Mixed:\n"
        "    def __init__(self):\n        self.out = 'a'\n"
        "    def switch(self):\n        self.out = 'b'\n"
        "    def save(self):\n        open(os.path.join(self.out, 'x.txt'), 'w')\n"
    )
    main = "from lib import Mixed, Study\ns = Study('data', tag='final')\ns.report()\nMixed().save()\n"
    flow = flow_of({"lib.py": lib, "main.py": main})
    assert io(flow, "main.py") == [
        ("read", "data/raw.csv"),
        ("write", "data/report_final.json"),
        ("write", "figures/plot.png"),
        ("write", "**/x.txt"),
    ]


def test_a_method_of_an_object_made_in_the_same_expression_is_followed() -> None:
    """`Plotter(out).run()` (h5's lifu-simulation-code, h1's larson replication): what `run` wrote was
    lost, while `p = Plotter(out); p.run()` was followed."""
    main = (
        "import os\nimport matplotlib.pyplot as plt\n"
        "class Plotter:\n"
        "    def __init__(self, out='figs'):\n        self.out = out\n"
        "    def run(self):\n        plt.savefig(os.path.join(self.out, 'a.png'))\n"
        "Plotter('plots').run()\nPlotter().run()\n"
    )
    flow = flow_of({"main.py": main})
    assert io(flow, "main.py") == [("write", "figs/a.png"), ("write", "plots/a.png")]


def test_what_follows_a_plain_exit_never_runs() -> None:
    """ligerlac/ml4physics-paper-plots: `make-qkeras-preds.py` stops with `exit(0)` on line 24; the files
    read below it were four false missing inputs, and its writes phantom outputs."""
    main = (
        "import sys\nimport numpy as np\nnp.save('out.npy', np.zeros(3))\nexit(0)\n"
        "old = np.load('old_inputs/big.npy')\nnp.save('old_out.npy', old)\n"
    )
    assert io(flow_of({"run.py": main}), "run.py") == [("write", "out.npy")]
    guarded = (
        "import sys\nimport numpy as np\nif __name__ == '__main__':\n    np.save('a.npy', 1)\n"
        "    sys.exit()\n    np.save('b.npy', 2)\n"
    )
    assert io(flow_of({"run.py": guarded}), "run.py") == [("write", "a.npy")]
    maybe = "import sys\nimport numpy as np\nif len(sys.argv) > 2:\n    sys.exit(1)\nnp.save('c.npy', 1)\n"
    assert io(flow_of({"run.py": maybe}), "run.py") == [("write", "c.npy")]


def test_a_name_whose_start_is_unknown_is_no_missing_input_in_a_notebooks_folder() -> None:
    """griverat/pstatmodel-runs: `f"{settings['PISCO_DATA'][:-3]}-unstable.nc"` in `notebooks/` was a
    missing `notebooks/*-unstable.nc`; the unknown start held an absolute path (from settings.json). The
    same line in a script at the top was rightly no problem: nothing says which folder it is in."""
    cells = [
        ("import json\nimport xarray as xr\nsettings = json.load(open('settings.json'))", 1),
        ("ds = xr.open_dataset(f\"{settings['PISCO'][:-3]}-unstable.nc\")\nds.to_netcdf('out/x.nc')", 2),
    ]
    flow = flow_of({"nb/reduce.ipynb": notebook(cells), "nb/settings.json": "{}"})
    assert "SHR110" not in [code for code, _path in _codes(flow)]


def test_a_function_a_process_pool_runs_is_followed() -> None:
    """balajisriram/v1-paper-analysis: the Figure 2 script's main block only hands its work to
    `pool.apply_async(process, args=(n,))`; it was no step (another script imports it), and a pool's
    `map` of a helper lost the helper's reads."""
    lib = (
        "import os, pickle\nimport multiprocessing as mp\n"
        "def process(name):\n    pickle.load(open(os.path.join('data', name, 'rec.pickle'), 'rb'))\n"
        "if __name__ == '__main__':\n    pool = mp.Pool(8)\n"
        "    pool.apply_async(process, args=('s2',))\n"
    )
    one = "from fig.all import process\nif __name__ == '__main__':\n    process('s1')\n"
    mapped = (
        "import multiprocessing as mp\nimport pandas as pd\n"
        "def load(name):\n    return pd.read_csv(f'tables/{name}.csv')\n"
        "with mp.Pool(2) as pool:\n    pool.map(load, ['a', 'b'])\n"
    )
    flow = flow_of({"fig/__init__.py": "", "fig/all.py": lib, "fig/one.py": one, "mapped.py": mapped})
    assert io(flow, "fig/all.py") == [("read", "data/s2/rec.pickle")]
    assert io(flow, "mapped.py") == [("read", "tables/a.csv"), ("read", "tables/b.csv")]


def test_a_python_2_script_with_a_main_block_that_others_import_stays_a_step() -> None:
    """jfoster17/malt90-analysis-code: `reduce_malt.py`, the reduction pipeline, is Python 2 and seven
    scripts import it; it was no step, since what its main block does cannot be read."""
    pipeline = (
        "def run():\n    try:\n        open('results.txt', 'w').write('done')\n    except IOError, e:\n"
        "        print 'failed', e\n\nif __name__ == '__main__':\n    run()\n"
    )
    flow = flow_of({"pipeline.py": pipeline, "nightly.py": "import pipeline\npipeline.run()\n"})
    assert sorted(s.path for s in flow.steps) == ["nightly.py", "pipeline.py"]


def test_a_module_a_python_2_script_imports_is_library_code() -> None:
    """fabianp/Code_CMPT_paper: the searchlight script, in Python 2, imports pearson_vectorized.py, whose
    main block only checks its functions; the import was unseen, so that self-test was a step to run."""
    helper = (
        "import numpy as np\ndef pearsonr(a, b):\n    return a\n\n"
        "if __name__ == '__main__':\n    print(pearsonr(np.ones(3), np.ones(3)))\n"
    )
    script = (
        "import numpy as np\nfrom pearson import pearsonr\nprint 'running'\n"
        "np.save('x.npy', pearsonr(1, 2))\n"
    )
    flow = flow_of({"sl/run.py": script, "sl/pearson.py": helper})
    assert [s.path for s in flow.steps] == ["sl/run.py"]
    assert [(p.code, p.path, p.line) for p in flow.problems] == [("SHR117", "sl/run.py", 3)]
    # (a helper imported by nothing stays a step)
    alone = script.replace("from pearson import pearsonr\n", "")
    flow = flow_of({"sl/run.py": alone, "sl/pearson.py": helper})
    assert [s.path for s in flow.steps] == ["sl/pearson.py", "sl/run.py"]


def test_options_of_the_parsed_arguments_handed_to_main_keep_their_defaults() -> None:
    """ligerlac/ml4physics-paper-plots: `main(p.parse_args())`, then `np.load(args.model_path)` in `main`;
    the default `models/latest.npy` was lost (the same code at the top level was read)."""
    main = (
        "import argparse, numpy as np\ndef main(args):\n    w = np.load(args.model_path)\n"
        "    np.save(f'scores/{args.model_name}_ZeroBias.npy', w)\n"
        "if __name__ == '__main__':\n    p = argparse.ArgumentParser()\n"
        "    p.add_argument('--model-path', default='models/latest.npy')\n"
        "    p.add_argument('--model-name', default='my-model')\n    main(p.parse_args())\n"
    )
    flow = flow_of({"predict.py": main})
    assert io(flow, "predict.py") == [
        ("read", "models/latest.npy"),
        ("write", "scores/my-model_ZeroBias.npy"),
    ]


def test_names_that_fit_only_across_make_no_circle_and_are_named_in_the_missing_input() -> None:
    """vakowal/forage_analysis_scripts: two scripts copy inputs into `C:/.../century/*` and read
    `*_log.txt` there (another program writes those): a false circle between them. ligerlac: a read of
    `scores/lgn_*.npy` beside a step writing `scores/*_ZeroBias.npy` was "no script writes one"."""
    copier = (
        "import os, shutil, sys\nname = sys.argv[1]\n"
        "shutil.copyfile(os.path.join('inputs', name), os.path.join('C:/Users/me/century', name))\n"
        "print(open(os.path.join('C:/Users/me/century', name + '_log.txt')).read())\n"
    )
    flow = flow_of({"a.py": copier, "b.py": copier})
    assert "SHR114" not in [code for code, _path in _codes(flow)]
    assert all(not s.after for s in flow.steps)
    plots = "import sys, numpy as np\nnp.load(f'scores/lgn_{sys.argv[1]}.npy')\n"
    predict = "import sys, numpy as np\nnp.save(f'scores/{sys.argv[1]}_ZeroBias.npy', np.zeros(3))\n"
    flow = flow_of({"plots.py": plots, "predict.py": predict})
    (missing,) = [p for p in flow.problems if p.code == "SHR110"]
    said = "`predict.py` writes files named `scores/*_ZeroBias.npy`, which may be some of them"
    assert said in missing.message


def test_an_index_into_a_list_is_the_element_the_call_picks() -> None:
    """balajisriram/v1-paper-analysis: `save_locs[idx]` in `process(idx)`, called as `process(0)`, wrote
    to both folders of the list; adrian-valente/populations_paper_code: `fp_load[(x + i) % 2]` of a list a
    notebook hands down read nothing."""
    picked = (
        "import pandas as pd\nsave_locs = ['out/phys', 'out/behaved']\n"
        "def process(idx):\n    pd.DataFrame().to_csv(save_locs[idx] + '/table.csv')\nprocess(0)\n"
    )
    assert io(flow_of({"a.py": picked}), "a.py") == [("write", "out/phys/table.csv")]
    computed = (
        "import numpy as np\ndef plot(x, fp_load=None):\n    for i in range(3):\n"
        "        np.load(fp_load[(x + i) % 2])\nplot(3, fp_load=['data/a.npy', 'data/b.npy'])\n"
    )
    assert io(flow_of({"b.py": computed}), "b.py") == [("read", "data/a.npy"), ("read", "data/b.npy")]


def test_a_default_and_what_the_command_line_gives_instead_are_one_missing_input() -> None:
    """KrisJensen/stability_paper_code: `'data/' + name + '.txt'`, `name` from `sys.argv[1]` or `'a'`:
    two missing inputs for one line, the default and the pattern."""
    parse = (
        "import sys\nname = sys.argv[1] if len(sys.argv) > 1 else 'a'\ndata = open('data/' + name + '.txt')\n"
    )
    flow = flow_of({"parse.py": parse})
    assert [p.target for p in flow.problems if p.code == "SHR110"] == ["data/a.txt"]


def test_the_line_that_sets_a_path_is_the_one_it_comes_from() -> None:
    """balajisriram/v1-paper-analysis: the paths come from `save_locs` (a list), yet "the folder is set in
    one place" named `neuron_save_loc`, another name whose value is only their start."""
    own = (
        "import pandas as pd\nsave_locs = ['/home/me/results/phys', '/home/me/results/behaved']\n"
        "log_loc = '/home/me/results'\npd.DataFrame().to_csv(save_locs[0] + '/table.csv')\n"
    )
    lib = (
        "import pandas as pd\nsave_locs = ['/home/me/results/phys', '/home/me/results/behaved']\n"
        "neuron_loc = '/home/me/results'\ndef process(i):\n"
        "    pd.DataFrame().to_csv(save_locs[i] + '/t.csv')\n"
    )
    flow = flow_of({"a.py": own, "fig/all.py": lib, "fig/one.py": "from all import process\nprocess(0)\n"})
    said = [p.message for p in flow.problems if p.code == "SHR111"]
    assert said
    assert not any("set on line" in m or "set in one place" in m for m in said)
    plain = "import pandas as pd\nroot = '/home/me/results'\npd.DataFrame().to_csv(root + '/x.csv')\n"
    (p,) = [p for p in flow_of({"b.py": plain}).problems if p.code == "SHR111"]
    assert p.message.endswith("The path is set on line 2.")


def test_the_words_and_options_a_command_must_give() -> None:
    """multifacet/0sim-plotting-scripts: `from sys import argv`, then `argv[1].split(":")`, ran without its
    word; ArtificialStellarPopulations/artpop-paper-figures: a required group of options
    (`--make-pops | --make-plot`) was left out, and the command stopped at once."""
    hist = "from sys import argv\nparts = argv[1].split(':')\nprint(open(parts[1]).read())\n"
    group = (
        "from argparse import ArgumentParser\np = ArgumentParser()\n"
        "g = p.add_mutually_exclusive_group(required=True)\n"
        "g.add_argument('--make-data', action='store_true')\n"
        "g.add_argument('--make-plot', action='store_true')\n"
        "a = p.parse_args()\nopen('out.txt', 'w').write('x')\n"
    )
    flow = flow_of({"hist.py": hist, "fig.py": group})
    assert flow.step("hist.py").arguments == ("ARG1",)  # type: ignore[union-attr]
    assert flow.step("fig.py").arguments == ("--make-data",)  # type: ignore[union-attr]


def test_what_another_method_of_the_object_returns_is_part_of_the_path() -> None:
    """kiudee/lifu-simulation-code: `self._get_filename(name)` returns `"sim/" + name`; the step wrote
    `*.txt` at the top of the folder."""
    run = (
        "import sys\nclass Plotter:\n    def __init__(self, out='sim'):\n        self.out = out\n"
        "    def run(self):\n        filename = self._get_filename(sys.argv[1])\n"
        "        open(filename + '.txt', 'w').write('x')\n"
        "    def _get_filename(self, name):\n        return self.out + '/' + name\n"
        "p = Plotter()\np.run()\n"
    )
    assert io(flow_of({"run.py": run}), "run.py") == [("write", "sim/*.txt")]


def test_a_figure_saved_in_the_temporary_folder_is_a_problem() -> None:
    """multifacet/0sim-plotting-scripts: 28 scripts save their figures as `/tmp/<name>.pdf`, and each step
    was said to write nothing. A scratch file a step reads back stays no problem."""
    plot = "import matplotlib.pyplot as plt\nplt.plot([1])\nplt.savefig('/tmp/figure.png')\n"
    scratch = "import pandas as pd\npd.DataFrame().to_csv('/tmp/t.csv')\npd.read_csv('/tmp/t.csv')\n"
    flow = flow_of({"plot.py": plot, "scratch.py": scratch})
    assert [(p.code, p.path, p.target) for p in flow.problems] == [
        ("SHR111", "plot.py", "/tmp/figure.png")  # noqa: S108 (a name, not used)
    ]


def test_a_script_runs_in_its_folder_when_its_readme_or_its_sibling_folders_say_so() -> None:
    """desihub/spectropaper-code: `work/negativetrails/plot.py` reads `preproc-r3-00125691-nocorr.fits`,
    which the README beside it makes there (`desi_preproc ... -o ...`); its 57 sibling scripts each run in
    their own folder, yet it was run from the top, and its inputs placed there."""
    plot = "import fitsio\nimg = fitsio.read('preproc-r3-nocorr.fits')\n"
    readme = "Made at NERSC with desi_preproc ... -o preproc-r3-nocorr.fits\n"
    flow = flow_of({"work/trails/plot.py": plot, "work/trails/README": readme})
    assert io(flow, "work/trails/plot.py") == [("read", "work/trails/preproc-r3-nocorr.fits")]
    sib = "import pandas as pd\npd.read_csv('t.csv')\n"
    files = {f"work/{n}/plot.py": sib for n in ("a", "b")} | {f"work/{n}/t.csv": "x\n" for n in ("a", "b")}
    flow = flow_of({**files, "work/c/plot.py": "import numpy as np\nnp.load('grid.npy')\n"})
    assert io(flow, "work/c/plot.py") == [("read", "work/c/grid.npy")]


def test_steps_that_log_into_one_file_do_not_overwrite_it() -> None:
    """dmbrmv/my_dissertation: scripts and notebooks log into one `logs/PhDLogger.log`; logging adds to a
    file (`mode="a"`), so that is no "last one wins" problem."""
    log = (
        "import logging\nlogging.basicConfig(filename='logs/run.log')\n"
        "logging.getLogger().addHandler(logging.FileHandler('logs/all.log'))\n"
    )
    flow = flow_of({"a.py": log, "b.py": log})
    assert io(flow, "a.py") == [("write", "logs/run.log"), ("write", "logs/all.log")]
    assert not flow.problems


def test_a_switch_a_write_waits_for_is_in_the_command() -> None:
    """manuel-alvarez-chaves/variational_hydrology: `postprocess.py` writes its `.nc` only with `--save`;
    REPRODUCE.md's command left it out, and the next step had no input."""
    post = (
        "import argparse\np = argparse.ArgumentParser()\n"
        "p.add_argument('-s', '--save', action='store_true')\np.add_argument('--plot', action='store_true')\n"
        "a = p.parse_args()\n"
        "if a.save:\n    open('res_model.nc', 'w').write('x')\n"
    )
    flow = flow_of({"post.py": post})
    assert flow.step("post.py").arguments == ("--save",)  # type: ignore[union-attr]


def test_an_option_a_function_falls_back_from_may_be_left_out() -> None:
    """talking-to-machines/synthetic-rct-replication-package: `--output-csv` and `--tag`, handed to
    `run(output_csv=..., tag=...)`, which falls back (`output_csv or f"out/..."`, `if tag`), were to be
    filled in, "the script needs it"."""
    infer = (
        "import argparse, pandas as pd\ndef run(rct_id, output_csv=None, tag=None):\n"
        "    suffix = f'_{tag}' if tag else ''\n"
        "    pd.read_csv('data/d.csv').to_csv(output_csv or f'out/{rct_id}{suffix}.csv')\n"
        "p = argparse.ArgumentParser()\np.add_argument('--rct-id', required=True)\n"
        "p.add_argument('--output-csv', default=None)\np.add_argument('--tag', default=None)\n"
        "a = p.parse_args()\nrun(a.rct_id, output_csv=a.output_csv, tag=a.tag)\n"
    )
    flow = flow_of({"infer.py": infer, "data/d.csv": "x\n"})
    assert flow.step("infer.py").arguments == ("--rct-id", "RCT_ID")  # type: ignore[union-attr]


def test_what_a_step_asks_whoever_runs_it() -> None:
    """`path = input("Data file: ")` (also in a function it calls, or a prompt it builds): the step asks, and
    the file it then reads is unknown, never a missing input (round 33)."""
    script = (
        "import pandas as pd\ndef year(n):\n    return input(f'Year {n}? ')\n"
        "path = input('Data file: ')\ndf = pd.read_csv(path)\ndf.to_csv('out_' + year(1) + '.csv')\n"
    )
    flow = flow_of({"run.py": script})
    assert flow.step("run.py").asks == ("", "Data file:")  # type: ignore[union-attr]
    assert flow.missing == ()
    assert flow.problems == ()


def test_a_step_asks_what_the_helpers_it_calls_ask() -> None:
    """`from helpers import ask_path` and `ask_path()` calls `input("Data file: ")`: the step asks it, as it
    reads what its helpers read; a helper it never calls asks nothing of it (s33: the question was lost)."""
    helpers = (
        "def ask_path():\n    return input('Data file: ')\n"
        "def ask_year():\n    return input('Year? ')\n"
    )
    files = {
        "helpers.py": helpers,
        "run.py": (
            "import pandas as pd\nfrom helpers import ask_path\npd.read_csv(ask_path()).to_csv('out.csv')\n"
        ),
        "other.py": "import helpers\nopen('other.txt', 'w').write('x')\n",
    }
    flow = flow_of(files)
    assert flow.step("run.py").asks == ("Data file:",)  # type: ignore[union-attr]
    assert flow.step("other.py").asks == ()  # type: ignore[union-attr]
    assert flow.missing == ()
    assert flow.problems == ()


# ---------------------------------------------------------------- a Makefile's commands, in full
_RAW = (
    "import argparse\nimport pandas as pd\n"
    "p = argparse.ArgumentParser()\np.add_argument('dataset')\n"
    "p.add_argument('-c', '--column', default='Dp')\np.add_argument('-o', '--output')\n"
    "a = p.parse_args()\ndf = pd.read_csv(a.dataset)\n"
    "if a.output:\n    df.to_csv(a.output)\n"
)
_FIG = (
    "import argparse\nimport pandas as pd\nimport matplotlib.pyplot as plt\n"
    "p = argparse.ArgumentParser()\np.add_argument('datafile')\np.add_argument('-o', '--output')\n"
    "a = p.parse_args()\npd.read_csv(a.datafile).plot()\n"
    "if a.output:\n    plt.savefig(a.output)\n"
)


def test_a_makefile_that_runs_its_scripts_with_automatic_variables() -> None:
    """RichardSear/DP_trapping_codes: `$(PYTHON3) $^ -o $@` under `rc.ods: raw_analyse.py data/rc.dat.gz`
    ran no step: 21 figures' reads, writes and order were unseen."""
    makefile = (
        "DEST_DIR =\nPYTHON3 = /usr/bin/python3\n\ndefault: fig_rc\n\n"
        "rc.csv: raw.py data/rc.csv.gz\n\t$(PYTHON3) $^ -o $@\n\n"
        "fig_rc: fig.py rc.csv\n\t$(PYTHON3) $^ -o $(DEST_DIR)fig_rc.pdf\n"
    )
    flow = flow_of({"Makefile": makefile, "raw.py": _RAW, "fig.py": _FIG, "data/rc.csv.gz": "x"})
    assert [(s.path, s.reads, s.writes, s.after) for s in flow.steps] == [
        ("raw.py", ("data/rc.csv.gz",), ("rc.csv",), ()),
        ("fig.py", ("rc.csv",), ("fig_rc.pdf",), ("raw.py",)),
    ]
    assert flow.problems == ()


def test_the_start_of_a_long_option_is_that_option() -> None:
    """RichardSear/DP_trapping_codes: the Makefile gives `raw_analyse.py` `--col rc -o varrc100k.ods`;
    argparse takes `--col` for `--column`, but sciship stopped reading there, and the spreadsheet the
    step writes with `-o` was lost. click takes no such start, nor a parser built with `allow_abbrev`."""
    script = "python3 raw.py data/a.csv --col rc -o a.csv\npython3 raw.py data/b.csv --cols rc -o b.csv\n"
    flow = flow_of({"run.sh": script, "raw.py": _RAW, "data/a.csv": "x", "data/b.csv": "x"})
    assert flow.step("raw.py").writes == ("a.csv",)  # type: ignore[union-attr]  # (`--cols`: none)
    no_abbrev = _RAW.replace("ArgumentParser()", "ArgumentParser(allow_abbrev=False)")
    flow = flow_of({"run.sh": script, "raw.py": no_abbrev, "data/a.csv": "x", "data/b.csv": "x"})
    assert flow.step("raw.py").writes == ()  # type: ignore[union-attr]
    clicked = (
        "import click\nimport pandas as pd\n@click.command()\n@click.argument('dataset')\n"
        "@click.option('--column', default='Dp')\n@click.option('-o', '--output', default=None)\n"
        "def main(dataset, column, output):\n    df = pd.read_csv(dataset)\n"
        "    if output:\n        df.to_csv(output)\n\nif __name__ == '__main__':\n    main()\n"
    )
    flow = flow_of({"run.sh": script, "raw.py": clicked, "data/a.csv": "x", "data/b.csv": "x"})
    assert flow.step("raw.py").writes == ()  # type: ignore[union-attr]


def test_an_option_a_write_waits_for_is_in_the_command() -> None:
    """RichardSear/DP_trapping_codes: `fig_pip.py` saves its figure only `if args.output:`; the Makefile
    gives `-o fig_pip.pdf`, but REPRODUCE.md's command was `python fig_pip.py`, which saves nothing, and
    said it writes fig_pip.pdf. Without a command that gives it, the option is not asked for."""
    schem = (
        "import argparse\nimport matplotlib.pyplot as plt\n"
        "p = argparse.ArgumentParser()\np.add_argument('-o', '--output')\n"
        "p.add_argument('--dpi', default=72)\n"
        "a = p.parse_args()\nplt.plot([1])\nif a.output:\n    plt.savefig(a.output, dpi=a.dpi)\n"
    )
    flow = flow_of({"Makefile": "fig:\n\tpython schem.py -o fig.pdf\n", "schem.py": schem})
    step = flow.step("schem.py")
    assert (step.writes, step.arguments) == (("fig.pdf",), ("-o", "fig.pdf"))  # type: ignore[union-attr]
    flow = flow_of({"schem.py": schem})
    step = flow.step("schem.py")
    assert (step.writes, step.arguments) == ((), ())  # type: ignore[union-attr]


def test_a_snakemake_rule_that_runs_its_script_given_as_an_input() -> None:
    """tomsasani/bxd_mutator_manuscript: `python {input.py_script} --vars {input.vars} --out {output}`
    with `py_script = "py_scripts/grid.py"`: two scripts were steps that read and wrote nothing, in no
    order, instead of 23 steps."""
    grid = (
        "import argparse\nimport pandas as pd\np = argparse.ArgumentParser()\np.add_argument('--vars')\n"
        "p.add_argument('--out')\na = p.parse_args()\npd.read_csv(a.vars).to_csv(a.out)\n"
    )
    rules = (
        'rule grid:\n    input:\n        vars = "data/wild.csv",\n        py_script = "py_scripts/grid.py"\n'
        '    output:\n        "csv/grid.csv"\n    shell:\n        """\n'
        '        python {input.py_script} --vars {input.vars} --out {output}\n        """\n\n'
        'rule plot:\n    input:\n        vars = "csv/grid.csv",\n        py_script = "py_scripts/grid.py"\n'
        '    output:\n        "csv/plot.csv"\n'
        '    shell: "python {input.py_script} --vars {input.vars} --out {output}"\n'
    )
    snakefile = 'include: "rules/figs.smk"\n\nrule all:\n    input: "csv/plot.csv"\n'
    flow = flow_of(
        {"Snakefile": snakefile, "rules/figs.smk": rules, "py_scripts/grid.py": grid, "data/wild.csv": "x"}
    )
    assert [(s.path, s.workdir, s.reads, s.writes) for s in flow.steps] == [
        ("py_scripts/grid.py", "", ("csv/grid.csv", "data/wild.csv"), ("csv/grid.csv", "csv/plot.csv")),
    ]
    assert flow.problems == ()


def test_a_missing_input_spelt_another_way_beside_it_is_named() -> None:
    """A missing input whose file is there under a name spelt another way: in other upper and lower case
    (`Measurements.CSV`: it opens on the author's Mac or Windows computer, not on Linux) or with a letter
    missing (`measurments.csv`). The hint named nothing; it names that file. Short names and several
    candidates name none."""
    code = "import pandas as pd\npd.read_csv('data/measurements.csv')\n"
    (problem,) = flow_of({"run.py": code, "data/measurments.csv": "a\n"}).problems
    assert "if the path is wrong (did you mean `data/measurments.csv`?), fix it." in problem.message
    (problem,) = flow_of({"run.py": code, "data/Measurements.CSV": "a\n"}).problems
    assert (
        "(did you mean `data/Measurements.CSV`? The names differ only in upper and lower case, which Windows "
        "and macOS ignore and Linux does not)" in problem.message
    )
    two = {"run.py": code, "data/measurments.csv": "a\n", "data/measurement.csv": "a\n"}
    (problem,) = flow_of(two).problems
    assert "did you mean" not in problem.message
    other = {"run.py": code, "data/measurments.txt": "a\n", "other/measurments.csv": "a\n"}
    (problem,) = flow_of(other).problems
    assert "did you mean" not in problem.message  # (another ending, another folder)
    series = {"run.py": "open('data/Figure2.h5')\n", "data/Figure1.h5": "a\n"}
    (problem,) = flow_of(series).problems
    assert "did you mean" not in problem.message  # (cebra-figures: another file of a series)
    for read, there in [("figure-9a-data.csv", "figure-9b-data.csv"), ("EDFigure1.h5", "Figure1.h5")]:
        (problem,) = flow_of({"run.py": f"open('data/{read}')\n", f"data/{there}": "a\n"}).problems
        assert "did you mean" not in problem.message  # (connection-coalescing-imc22, cebra-figures)
    slips = [("porebif10k.dat.gz", "porebiff10k.dat.gz"), ("results_tabel.csv", "results_table.csv")]
    for read, there in slips:
        (problem,) = flow_of({"run.py": f"open('data/{read}')\n", f"data/{there}": "a\n"}).problems
        assert f"did you mean `data/{there}`?" in problem.message
    short = {"run.py": "open('data/a1.csv')\n", "data/a2.csv": "a\n"}
    (problem,) = flow_of(short).problems
    assert "did you mean" not in problem.message
    names = ["measurements", "temperatures", "pressures", "humidity", "winds"]
    many = {
        "run.py": "".join(f"open('data/{n}.csv')\n" for n in names),
        "data/measurments.csv": "a\n",
        "data/temperatures.CSV": "a\n",
    }
    from sciship.flow.groups import told

    (group,) = told(flow_of(many).problems, 3)  # (told together)
    assert (
        "(the folder has files named like them: `data/measurments.csv` for `data/measurements.csv`, "
        "`data/temperatures.CSV` for `data/temperatures.csv`)"
    ) in group.message
