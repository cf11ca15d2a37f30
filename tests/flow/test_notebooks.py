"""Notebooks: how they were last run (SHR115 out of order, SHR116 stale outputs), magics, other kernels."""

from __future__ import annotations

import json

import pytest
from flowkit import flow_of, io, notebook

from sciship.flow._notebook import run_problems


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([1, 2, 3], []),  # Restart & Run All
        ([None, None], []),  # never run / outputs cleared
        ([1, 3, 2], [("SHR115", 2)]),
        ([1, 2, 2], [("SHR116", 2)]),  # the same count twice: a cell copied or split after it ran
        ([1, 2, 2, 1], [("SHR115", 3)]),  # ... but a count going down anywhere is out of order
        ([1, 2, 5], [("SHR116", 2)]),  # cells run again in between
        ([4, 5, 6], [("SHR116", 0)]),  # cells ran before the first one
        ([1, None, 2], [("SHR116", 1)]),  # a cell skipped
        ([1, 2, None], []),  # a last cell added and not run yet: nothing saved from it
        # adrian-valente/populations_paper_code: one run from the top, then the output of the import cell
        # cleared (Jupyter's "Clear Cell Output" takes its count): "cells ran before it that are no
        # longer in the notebook" was wrong for 5 notebooks
        ([None, 2, 3], []),
        ([1, None, 3], []),
    ],
)
def test_run_problems(counts: list[int | None], expected: list[tuple[str, int]]) -> None:
    cells = [(i, c, True, c is not None) for i, c in enumerate(counts)]
    assert [(code, cell) for code, _msg, cell in run_problems(cells)] == expected


def test_a_cell_without_its_count_that_kept_its_output_is_no_cleared_cell() -> None:
    cells = [(0, None, True, True), (1, 2, True, True), (2, 3, True, True)]
    assert [(code, cell) for code, _msg, cell in run_problems(cells)] == [("SHR116", 1)]


def test_a_cell_never_run_above_cells_without_outputs() -> None:
    """ahansenlab/ZNF143_analysis_code: "their saved outputs were made without it" of cells that saved no
    output: what they did was made without it."""
    shown = run_problems([(0, None, True, False), (1, 1, True, True)])
    bare = run_problems([(0, None, True, False), (1, 1, True, False)])
    assert "saved outputs and the files they wrote" in shown[0][1]
    assert "what they did was made without it" in bare[0][1]
    assert "saved outputs" not in bare[0][1]


def test_empty_cells_that_never_ran_are_fine() -> None:
    assert run_problems([(0, 1, True, True), (1, None, False, False), (2, 2, True, True)]) == []


def test_magics_are_skipped_and_cd_moves_the_folder() -> None:
    flow = flow_of(
        {
            "nb.ipynb": notebook(
                [
                    ("%matplotlib inline\nimport pandas as pd\n!ls data\nfiles = !ls\n", 1),
                    ("%%time\ndf = pd.read_csv('a.csv')", 2),
                    ("%%bash\ncat b.csv > c.csv", 3),
                    ("%cd data\npd.read_csv('d.csv')\ndf?", 4),
                ]
            ),
            "a.csv": "",
            "data/d.csv": "",
        }
    )
    # a %%bash cell is not Python, but its redirection makes a file
    assert io(flow) == [("read", "a.csv"), ("write", "c.csv"), ("read", "data/d.csv")]
    assert flow.problems == ()


def test_names_bound_in_earlier_cells() -> None:
    flow = flow_of(
        {
            "nb.ipynb": notebook(
                [
                    ("import numpy as np\nimport os", 1),
                    ("out = 'results'\nname = 'means'", 2),
                    ("x = np.arange(3)\ny = x * 2", 3),
                    ("path = os.path.join(out, name)\nnp.save(path, y)", 4),
                ]
            )
        }
    )
    (use,) = flow.uses
    assert (use.path, use.cell, use.line) == ("results/means.npy", 3, 2)


def test_other_kernels_are_not_steps() -> None:
    flow = flow_of({"r.ipynb": notebook([("read.csv('a.csv')", 1)], language="R"), "run.py": "print(1)\n"})
    assert [s.path for s in flow.steps] == ["run.py"]


def test_nbformat_3_notebooks() -> None:
    nb = {
        "worksheets": [{"cells": [{"cell_type": "code", "input": "open('a.txt')", "prompt_number": 1}]}],
        "metadata": {},
        "nbformat": 3,
    }
    flow = flow_of({"old.ipynb": json.dumps(nb)})
    assert io(flow) == [("read", "a.txt")]


def test_a_cell_that_is_not_python_is_a_problem_the_others_count() -> None:
    cells = [("open('a.txt')", 1), ("for x in open('c.txt'", 2), ("open('b.txt')", 3), ("for y in", 4)]
    flow = flow_of({"nb.ipynb": notebook(cells)})
    assert io(flow) == [("read", "a.txt"), ("read", "b.txt")]
    (problem,) = [p for p in flow.problems if p.code != "SHR110"]
    assert (problem.code, problem.cell) == ("SHR117", 1)
    assert "Code cell 2" in problem.message  # cell 4 cannot access a file: its syntax does not matter here
    # (sdsawtelle/research-analysis-scripts: what it means for a run, and what to do)
    assert "a run of the whole notebook stops there with a SyntaxError. Fix the cell" in problem.message


def test_shell_lines_inside_blocks_and_code_switched_off() -> None:
    flow = flow_of(
        {
            "nb.ipynb": notebook(
                [
                    (
                        (
                            "from pathlib import Path\np = Path('data.fits')\n"
                            "if not p.exists():\n    !wget -O $p https://x.org/d\nopen(p)"
                        ),
                        1,
                    ),
                    ("if False:\n    open('old/never.txt')\nelse:\n    open('new.txt')", 2),
                ]
            ),
        }
    )
    # IPython puts the value of `p` in place of `$p`: the notebook downloads the file it reads
    assert io(flow) == [("write", "data.fits"), ("read", "data.fits"), ("read", "new.txt")]
    assert [(p.code, p.cell) for p in flow.problems] == [("SHR110", 1)]


def test_shell_downloads_and_copies_in_notebooks() -> None:
    get = (
        "!wget 'https://x.org/a.gz' -O data/a.tsv.gz\n"
        "!gunzip data/a.tsv.gz\n"
        "!curl -o data/b.csv https://x.org/b"
    )
    copy = "!cp data/b.csv backup/b.csv  # keep a copy\n!wget https://x.org/c -O $folder/c.txt"
    use = "import pandas as pd\npd.read_csv('data/a.tsv', sep='\\t')"
    flow = flow_of({"nb/get.ipynb": notebook([(get, 1), (copy, 2), (use, 3)])})
    assert set(io(flow)) == {
        ("write", "nb/data/a.tsv.gz"),
        ("read", "nb/data/a.tsv.gz"),
        ("write", "nb/data/a.tsv"),
        ("write", "nb/data/b.csv"),
        ("read", "nb/data/b.csv"),
        ("write", "nb/backup/b.csv"),
        ("write", "**/c.txt"),
        ("read", "nb/data/a.tsv"),
    }
    assert flow.problems == ()


@pytest.mark.parametrize("text", ["", " \n\t\n", "\u3000"], ids=["empty", "blank", "unicode-space"])
def test_an_empty_notebook_file_says_so(text: str) -> None:
    from sciship.flow._notebook import extract_notebook

    facts = extract_notebook(text, "empty.ipynb")
    assert [p[0] for p in facts.problems] == ["SHR117"]
    assert "empty" in facts.problems[0][1]


def test_cells_that_bind_a_name_are_found_as_the_pattern_for_each_name_found_them() -> None:
    """A notebook cell is parsed when it binds a name a path needs; the lines that bind it are read
    without compiling a pattern for each name, and find what that pattern found."""
    import re

    from sciship.flow._extract import _binds

    def reference(text: str, name: str) -> bool:
        w = r"\b" + name + r"\b"
        return (
            re.search(
                r"^[ \t]*(?:[\w, \t*\[\]()]*?" + w + r"[^=\n]*?(?<![=!<>])=(?!=)|(?:async[ \t]+)?for\b[^\n]*?"
                + w + r"[^\n]*?\bin\b|with\b[^\n]*?\bas[ \t]+" + w + r"|(?:from|import)\b[^\n]*?" + w + ")",
                text,
                re.MULTILINE,
            )
            is not None
        )

    lines = [
        "with open(p) as f:", "with open(p) as  f, open(q) as g:", "withas f", "for i, f in enumerate(x):",
        "async for f in g:", "for f\nin x", "a[f] = 1", "f == 2", "f <= 2", "f != 2", "x = f", "f=1", "f+=1",
        "(a, f) = t", "*a, f = t", "from m import f", "import f.g", "import os, f", "print(f); f = 2",
        "if x: f = 1", "f.attr = 1", "fx = 1", "x.f = 1", "f: int = 1", "  f\t=\t3", "é = 1\nf = é", "f\r= 1",
        "lambda f: f", "def g(f=1): pass", "d[k] = f", "for x in f:", "with f as g:", "for f in", "forf in x",
    ]
    for text in lines:
        for name in ("f", "é", "g"):
            assert _binds(text, name) == reference(text, name), (text, name)


def test_a_script_written_as_notebook_cells_with_ipython_in_it() -> None:
    """zouter/ChromatinHD_manuscript: Jupytext scripts (`# %%` cells) that Jupyter opens as notebooks, with
    `%load_ext autoreload`, `!wget ... -O file` and `if` blocks of commented-out magics: 15 were "Python
    cannot parse this file", and their downloads and reads were lost."""
    script = (
        "# %%\n%load_ext autoreload\n%autoreload 2\nimport pandas as pd\n\n# %%\n"
        "!wget https://e.org/x.mcool -O data/x.mcool\n\n# %%\ngenome = 'hg38'\n"
        "if genome == 'hg38':\n    # !wget https://e.org/genes.gff.gz -O data/genes.gff.gz\n"
        "elif genome == 'mm10':\n    pass\npd.read_csv('data/table.csv')\n"
    )
    flow = flow_of({"download.py": script, "data/table.csv": ""})
    assert io(flow) == [
        ("write", "data/x.mcool"),
        ("write", "data/genes.gff.gz"),
        ("read", "data/table.csv"),
    ]
    assert not [p for p in flow.problems if p.code == "SHR117"]


def test_a_notebook_the_r_kernel_runs_is_r_whatever_its_other_fields_say() -> None:
    """theislab/moscot-framework_reproducibility: `"kernelspec": {"display_name": "R", "language": "python",
    "name": "r"}` and R code (`library(Seurat)`): it was a Python step, "not valid Python"."""
    from sciship._jupyter import language
    from sciship.imports.scan import scan_notebook

    nb = json.loads(notebook([("library(Seurat)\nx <- readRDS('a.rds')", 1)]))
    nb["metadata"] = {
        "kernelspec": {"display_name": "R", "language": "python", "name": "r"},
        "language_info": {"name": "python", "version": "3.10.9"},
    }
    assert language(nb) == "r"
    flow = flow_of({"seurat.ipynb": json.dumps(nb), "fig.py": "open('out.txt', 'w')\n"})
    assert [s.path for s in flow.steps] == ["fig.py"]
    assert not flow.problems
    assert scan_notebook(json.dumps(nb), "seurat.ipynb").problem is None


def test_a_notebook_stored_with_git_lfs_that_was_not_fetched() -> None:
    """azizilab/starfysh_reproducibility: seven notebooks are Git LFS pointers in a copy that did not fetch
    them; "not valid JSON ... open it in Jupyter and save it again" sent the reader the wrong way."""
    from sciship.imports.scan import scan_notebook

    pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 1234567\n"
    flow = flow_of({"fig4.ipynb": pointer})
    (problem,) = flow.problems
    assert "stored with Git LFS" in problem.message
    assert "`git lfs pull`" in problem.message
    scanned = scan_notebook(pointer, "fig4.ipynb").problem
    assert scanned is not None
    assert "Git LFS" in scanned.message


def test_a_statement_timed_by_a_magic_still_runs() -> None:
    """theislab/multimil_reproducibility: `%time scrna.write(DATA_DIR + 'expressions-raw.h5ad')`: the write
    was dropped with the magic."""
    nb = notebook(
        [
            ("import anndata as ad\nDATA_DIR = 'data/'\nscrna = ad.read_h5ad('raw/x.h5ad')", 1),
            ("%time scrna.write(DATA_DIR + 'expressions-raw.h5ad')\n%timeit -n 1 open('t.txt', 'w')", 2),
        ]
    )
    flow = flow_of({"pp.ipynb": nb, "raw/x.h5ad": ""})
    assert io(flow) == [("read", "raw/x.h5ad"), ("write", "data/expressions-raw.h5ad"), ("write", "t.txt")]


def test_a_shell_command_continued_on_the_next_lines() -> None:
    """ohlerlab/liam_manuscript_reproducibility: `!scregseg make_tile \\` continued with a backslash was
    "not valid Python", and what it makes was "missing" in the notebooks that read it."""
    nb = notebook(
        [
            ("!scregseg make_tile \\\n    --bamfile data/x.bam \\\n    --output data/tiles.bed\nx = 1", 1),
            ("import pandas as pd\npd.read_csv('data/tiles.bed')", 2),
        ]
    )
    flow = flow_of({"etcu.ipynb": nb, "data/x.bam": ""})
    assert io(flow) == [("read", "data/tiles.bed")]
    assert not flow.problems


def test_a_notebook_jupytext_keeps_as_a_script_runs_in_its_folder() -> None:
    """Synthetic-UCB-Catalogs/analysis-scripts: `T0_AnomalyDetection/T0_structure.py` carries Jupytext's
    header (`formats: ipynb,py:percent`): opened in Jupyter it runs in its folder, and `./SEVN/...` was
    read from the top of the repository (a false missing input)."""
    header = (
        "# ---\n# jupyter:\n#   jupytext:\n#     formats: ipynb,py:percent\n# ---\n\n# %%\n"
        "import numpy as np\nnp.loadtxt('./SEVN/setA/sevn_mist')\n"
    )
    flow = flow_of({"T0/T0_structure.py": header})  # (the data is not in the repository)
    (step,) = flow.steps
    assert step.workdir == "T0"
    assert flow.missing == ("T0/SEVN/setA/sevn_mist",)


def test_a_cell_indented_as_a_block_runs_as_ipython_runs_it() -> None:
    """anitsoga/mossing_paper_code: cells whose lines are all indented (IPython takes the first line's
    indent off them) were 'not valid Python' in 45 notebooks, and their reads, writes and imports lost."""
    from sciship.imports.scan import scan_notebook

    first = "\n".join(
        [
            "",
            "    import numpy as np",
            "    x = np.load('data/a.npy')",
            "    if x.any():",
            "        np.save('b', x)",
        ]
    )
    nb = notebook(
        [
            (first, 1),
            ("  %matplotlib inline\n  import h5py", 2),
        ]
    )
    flow = flow_of({"nb.ipynb": nb, "data/a.npy": ""})
    assert io(flow) == [("read", "data/a.npy"), ("write", "b.npy")]
    assert not flow.problems
    scan = scan_notebook(nb, "nb.ipynb")
    assert {s.module.split(".")[0] for s in scan.imports} == {"numpy", "h5py"}
    assert scan.problem is None
