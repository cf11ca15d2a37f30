"""``sciship share`` on the command line: bad input gives a clear message, exit 2, nothing written."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml
from studykit import FLOW, STUDY, digests, make_study

from helpers import git, run_cli, write_tree


def assert_clean_failure(proc: object, root: Path, before: dict[str, str], *words: str) -> None:
    assert proc.returncode == 2, proc.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in proc.stderr  # type: ignore[attr-defined]
    for word in words:
        assert word in proc.stderr, proc.stderr  # type: ignore[attr-defined]
    assert digests(root) == before


def test_a_folder_with_no_code(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "data-only", {"data/x.csv": "a\n1\n", "README.md": "# Data\n"})
    before = digests(root)
    proc = run_cli("share", str(root))
    assert_clean_failure(proc, root, before, "no Python script or notebook")


def test_a_folder_whose_code_is_in_other_languages(tmp_path: Path) -> None:
    """XJTU-AI4SciComp-Lab/ad-rann-distribution-learning-paper-code holds 226 MATLAB files,
    winston-lab/spt6-2018-paper-figures R scripts and a Snakemake pipeline: "no Python script or notebook"
    alone left the user wondering whether sciship saw their code. It names what it found."""
    root = write_tree(
        tmp_path / "study",
        {
            "run.m": "x = load('data.mat');\n",
            "src/fit.m": "function y = fit(x)\n",
            "plots/figure.R": "library(ggplot2)\n",
            "Snakefile": "rule all:\n    input: 'x'\n",
            "data/x.csv": "a\n1\n",
        },
    )
    before = digests(root)
    proc = run_cli("share", str(root))
    assert_clean_failure(
        proc,
        root,
        before,
        "no Python script or notebook",
        "MATLAB (2 files), R (1 file) and Snakemake (1 file)",
    )
    assert "codemetar" in proc.stderr  # there is R code


def test_a_folder_whose_only_code_is_jupyter_checkpoints(tmp_path: Path) -> None:
    """e-olson/Site-specific-multiple-stressor-manuscript-code-Can tracks only the autosaved copies in
    `.ipynb_checkpoints/`: share said there was no script "that sciship can read", which sends the user
    looking for a broken file. It says what the files are, and what to do."""
    root = write_tree(
        tmp_path / "study",
        {
            "code/.ipynb_checkpoints/fit-checkpoint.ipynb": "{}",
            "code/.ipynb_checkpoints/tools-checkpoint.py": "x = 1\n",
            "data/x.csv": "a\n1\n",
        },
    )
    before = digests(root)
    proc = run_cli("share", str(root))
    assert_clean_failure(
        proc, root, before, "copies that tools keep", "code/.ipynb_checkpoints", "checkpoint"
    )
    assert "can read" not in proc.stderr


def test_a_folder_of_r_notebooks(tmp_path: Path) -> None:
    """NPSDC/mehenDi-paper-analysis holds only R notebooks (kernel `ir`) and `.R` scripts: share said
    "no script or notebook reads or writes files" and wrote metadata calling the code Python. It says
    what it found, exits 2 and writes nothing."""
    r_notebook = json.dumps(
        {
            "cells": [{"cell_type": "code", "source": "x <- read.csv('data.csv')", "metadata": {}}],
            "metadata": {"kernelspec": {"name": "ir", "language": "R"}, "language_info": {"name": "R"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )
    root = write_tree(tmp_path / "study", {"a.ipynb": r_notebook, "b.ipynb": r_notebook, "f.R": "1\n"})
    before = digests(root)
    proc = run_cli("share", str(root))
    assert_clean_failure(proc, root, before, "written in R (2)", "Python code only")


def test_an_empty_folder_and_a_missing_one(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    proc = run_cli("share", str(tmp_path / "empty"))
    assert_clean_failure(proc, tmp_path / "empty", {}, "empty")
    proc = run_cli("share", str(tmp_path / "nowhere"))
    assert proc.returncode == 2
    assert "There is no folder" in proc.stderr


def test_a_file_instead_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    proc = run_cli("share", str(tmp_path / "a.py"))
    assert proc.returncode == 2
    assert "is a file, not a folder" in proc.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--license", "Not-A-License"], "not an SPDX license id"),
        (["--data-license", "CC BY"], "not an SPDX license id"),
        (["--max-file-size", "lots"], "is not a size"),
        (["--orcid", "12345"], "not an ORCID"),
    ],
)
def test_bad_options(tmp_path: Path, args: list[str], words: str) -> None:
    root = make_study(tmp_path / "study")
    before = digests(root)
    proc = run_cli("share", str(root), "--yes", *args)
    assert_clean_failure(proc, root, before, words)


def test_only_notebooks_that_cannot_be_read(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "nb", {"analysis.ipynb": b"\xff\xfe not json", "data/x.csv": "a\n"})
    before = digests(root)
    proc = run_cli("share", str(root), "--yes", "--license", "MIT")
    # an unreadable notebook is reported, and what can be written is written; nothing of the user's changes
    assert "Traceback" not in proc.stderr
    assert {k: v for k, v in digests(root).items() if k in before} == before


def test_dry_run_json_is_the_documented_shape(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    before = digests(root)
    proc = run_cli("share", str(root), "--dry-run", "--format", "json", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"schema", "root", "steps", "inputs", "outputs", "problems", "plan", "notes"}
    assert data["schema"] == 1
    assert [(s["path"], s["kind"], s["order"]) for s in data["steps"]] == [
        ("01_clean.py", "script", 1),
        ("02_plot.py", "script", 2),
    ]
    assert data["steps"][1]["after"] == ["01_clean.py"]
    assert data["steps"][1]["workdir"] == ""
    assert data["inputs"] == ["data/raw.csv"]
    assert "ro-crate-metadata.json" in data["plan"]
    assert digests(root) == before


def test_writes_with_yes_and_takes_git_authors(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "x", "--author", "Grace Hopper <grace@example.org>")
    proc = run_cli("share", str(root), "--yes", "--license", "MIT", "--archive")
    assert proc.returncode == 0, proc.stderr
    assert "sha256" in proc.stdout
    citation = (root / "CITATION.cff").read_text()
    assert "given-names: Grace" in citation  # the git author, as a CFF person
    assert "family-names: Hopper" in citation
    assert "CC-BY-4.0" in (root / ".zenodo.json").read_text()  # --yes takes the suggested data license
    again = run_cli("share", str(root), "--yes", "--license", "MIT")
    assert again.returncode == 0
    assert "keep" in again.stdout


def test_no_license_means_nothing_written(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study", {**STUDY})
    before = digests(root)
    proc = run_cli("share", str(root), "--yes", env={"GIT_CONFIG_GLOBAL": "/dev/null"})
    assert_clean_failure(proc, root, before, "license")


def test_bad_files_in_a_usable_folder(tmp_path: Path) -> None:
    """A binary file named like a script, a huge notebook, a link out of the folder, a name that is
    not UTF-8: share says what it skipped, writes its files, changes none of the user's."""
    import os

    outside = tmp_path / "secret.txt"
    outside.write_text("private\n")
    huge = json.dumps(
        {
            "cells": [
                {
                    "cell_type": "code",
                    "source": "x = 1\n" * 200_000,
                    "metadata": {},
                    "outputs": [],
                    "execution_count": 1,
                }
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )
    root = make_study(tmp_path / "study", {**STUDY, "blob.py": b"\x00\x01\xff" * 1000, "big.ipynb": huge})
    (root / "leak.txt").symlink_to(outside)
    with open(os.fsencode(root) + b"/caf\xe9.csv", "wb") as fh:  # noqa: PTH123 - a bytes path
        fh.write(b"x\n")
    before = digests(root)
    proc = run_cli("share", str(root), "--yes", "--license", "MIT", "--archive")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "not UTF-8" in proc.stdout
    assert "outside the folder" in proc.stdout
    assert {k: v for k, v in digests(root).items() if k in before} == before
    assert "private" not in (root / "ro-crate-metadata.json").read_text()


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_questions_on_a_terminal(tmp_path: Path) -> None:
    """No license known: the code license and the data license are asked; the authors confirmed or typed."""
    from sciship.cli import build_parser
    from sciship.cli import run as cli_run
    from sciship.ui import UI

    root = make_study(tmp_path / "study")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "x", "--author", "Grace Hopper <grace@example.org>")
    answers = "BSD-3-Clause\nCC0-1.0\nn\nAda Lovelace <ada@example.org>; Grace Hopper\n"
    out, err = _Tty(), io.StringIO()
    code = cli_run(build_parser().parse_args(["share", str(root)]), UI(out=out, err=err, stdin=_Tty(answers)))
    assert code == 0, out.getvalue() + err.getvalue()
    shown = out.getvalue()
    assert "License for the code" in shown
    assert "Authors (from the git history): Grace Hopper" in shown
    cff = yaml.safe_load((root / "CITATION.cff").read_text())
    assert cff["license"] == "BSD-3-Clause"
    assert "CC0-1.0" in cff["message"]
    assert [a["family-names"] for a in cff["authors"]] == ["Lovelace", "Hopper"]


def test_requirements_take_installed_versions_as_floors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The versions installed where sciship runs are the floors, except those of sciship and what it
    brought: from sciship's own environment (pipx), `requests>=2.34.2` and "Python 3.10 or newer" were
    offered to a project tested on Python 3.9 (XINRUIQI/CASA0004-Dissertation)."""
    from sciship.project import Project
    from sciship.share import build

    real = build._everything_installed
    assert "pyyaml" in real()  # (sciship needs it)
    own = build._installed_for_sciship(real())
    assert {"sciship", "pyyaml", "requests"} <= own  # (requests through twine)
    assert build._installed_for_sciship(real()) == own  # (the second time from the cache)
    monkeypatch.setattr(
        build, "_everything_installed", lambda: {**real(), "scipy": ("1.99.0", str(tmp_path / "none"))}
    )
    root = make_study(
        tmp_path / "study",
        {**STUDY, "03_save.py": "import yaml\nimport scipy\nimport surely_not_installed_pkg\n"},
    )
    lines = build.requirements(Project.load(root))[0]
    assert "scipy>=1.99.0" in lines  # installed here: its version is the floor
    assert "pyyaml" in lines  # sciship's own: no floor
    assert "pandas" in lines  # not installed here: no floor


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("50MB", 50_000_000),
        ("500kB", 500_000),
        ("2GB", 2_000_000_000),
        ("1.5 mb", 1_500_000),
        ("123", 123),
        ("1KiB", 1024),
        ("50MiB", 50 * 1024**2),
        ("2GiB", 2 * 1024**3),
    ],
)
def test_sizes_count_in_thousands_or_in_1024s(text: str, size: int) -> None:
    from sciship.commands.share import parse_size

    assert parse_size(text) == size


def test_requirements_leave_out_a_script_python_cannot_parse(tmp_path: Path) -> None:
    """The scripts' full syntax check waits for the data flow, which parses them anyway (on 2+ CPUs, in
    the early child for a folder this size): a script with an error the quick screen cannot see adds
    nothing to requirements.txt, and one the parser accepts (its symbol table does not) is read as usual."""
    padding = "".join(f"# note {i}: what this step does, for the reader\n" for i in range(600))
    root = write_tree(
        tmp_path / "study",
        {
            "analysis.py": "import numpy as np\n" + padding + "np.save('out/a', 1)\n",
            "subtle.py": "import scipy\nx = = 1\n",
            "twice.py": "import xarray\n\ndef f(a, a):\n    return a\n",
        },
    )
    assert len((root / "analysis.py").read_text()) > 20_000  # enough for the early child
    proc = run_cli("share", str(root), "--yes", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    lines = (root / "requirements.txt").read_text().splitlines()
    names = {line.split(">=")[0].split(";")[0].strip() for line in lines}
    assert {"numpy", "xarray"} <= names
    assert "scipy" not in names


def test_the_garbage_collector_waits_until_share_is_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """share turns the collector off while it works (its passes only cost time there) and back on after,
    also when it stops with an error."""
    import gc

    import sciship.flow
    from sciship.cli import main

    seen: list[bool] = []
    trace = sciship.flow.trace

    def watched(project: object) -> object:
        seen.append(gc.isenabled())
        return trace(project)  # type: ignore[arg-type]

    monkeypatch.setattr(sciship.flow, "trace", watched)
    assert gc.isenabled()
    root = make_study(tmp_path / "study")
    assert main(["share", str(root), "--dry-run", "--format", "json", "--license", "MIT"]) == 0
    assert seen == [False]
    assert gc.isenabled()
    assert main(["share", str(tmp_path / "missing"), "--dry-run"]) == 2
    assert gc.isenabled()
    capsys.readouterr()


def test_many_absolute_paths_under_one_folder_are_told_once(tmp_path: Path) -> None:
    """A folder written on one computer reads and writes hundreds of files under `/data/`: the terminal,
    REPRODUCE.md, the HTML report and `sciship check` tell the folder once, with the count, the scripts and
    a few places; `--format json` keeps each problem."""
    files = {
        f"{i:02d}_step.py": (
            f"import numpy as np\nx = np.load('/data/lab/raw/run{i}.npy')\n"
            f"np.save('/data/lab/out/res{i}.npy', x)\n"
        )
        for i in range(1, 7)
    }
    extra = "'/home/ana/extra.txt'"
    guarded = f"import os\nif os.path.exists({extra}):\n    print(open({extra}).read())\n"
    notes = "print(open('/home/ana/notes.txt').read())\n" + guarded
    root = write_tree(tmp_path / "lab", {**files, "notes.py": notes})
    proc = run_cli("share", str(root), "--dry-run", "--format", "json", "--license", "MIT", "--yes")
    problems = json.loads(proc.stdout)["problems"]
    assert [p["code"] for p in problems] == ["SHR111"] * 13  # each one, for tools

    proc = run_cli("share", str(root), "--dry-run", "--license", "MIT", "--yes")
    assert proc.returncode == 0, proc.stderr
    # (balajisriram/v1-paper-analysis: "Problems (57)" over 6 entries, and "48 paths" then "3 and 49 more":
    # the headline says the groups, and what is left to see are places in the code, not paths)
    told = proc.stdout[proc.stdout.index("Problems (13, in 2 groups):") : proc.stdout.index("Metadata:")]
    assert told.count("(SHR111)") == 2  # the folder once, and the one path elsewhere on its own
    assert "  /data/lab/: 6 scripts read or write 12 paths under `/data/lab/`, a folder that exists" in told
    assert "      01_step.py:2 reads /data/lab/raw/run1.npy\n" in told
    assert "      01_step.py:3 writes /data/lab/out/res1.npy\n" in told
    assert "      and 9 more places (`--format json` lists each one)" in told
    assert "notes.py:1: `notes.py` reads the absolute path `/home/ana/notes.txt`" in told
    # each step says it uses paths outside the folder (csaba-a/Fooof_paper_code: its one step looked idle)
    steps = proc.stdout[: proc.stdout.index("Problems (")]
    assert "  1. 01_step.py\n       outside the folder: /data/lab/out/res1.npy, /data/lab/raw/" in steps
    assert "  7. notes.py\n       outside the folder: /home/ana/notes.txt (see below)\n" in steps
    # a read that need not find its file has no problem below (Dyn0402/Proton_Fluctuations_Paper_Analysis)
    assert "       outside the folder, only if there: /home/ana/extra.txt\n" in steps

    proc = run_cli("share", str(root), "--yes", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    guide = (root / "REPRODUCE.md").read_text()
    assert "- `/data/lab/`: 6 scripts read or write 12 paths under `/data/lab/`" in guide
    assert "  - `01_step.py:2` reads `/data/lab/raw/run1.npy`\n" in guide
    assert "  - and 7 more under `/data/lab/`\n" in guide
    assert guide.count("(SHR111)") == 2

    html = ("--format", "html", "-o", str(tmp_path / "r.html"))
    run_cli("share", str(root), "--dry-run", "--license", "MIT", *html)
    page = (tmp_path / "r.html").read_text()
    assert "Each path (12)" in page  # one card for the folder, each place behind a click

    check = run_cli("check", str(root), "--select", "SHR111")
    said = " ".join(check.stdout.split())
    assert "13 absolute path(s): `/data/lab/`: 6 scripts read or write 12 paths" in said


def test_the_readme_title_keeps_the_underscores_of_a_name(tmp_path: Path) -> None:
    """colemanmr/ukesm_aerosol_nudging_analysis_code: `# ukesm_aerosol_nudging_analysis_code` became the title
    `ukesmaerosolnudginganalysiscode` (every underscore was taken for emphasis)."""
    readme = (
        "# ukesm_aerosol_nudging_analysis_code\n\nScripts behind the _UKESM_ nudging study: "
        "**file_locations_module** says where each run's output is.\n"
    )
    root = write_tree(tmp_path / "study", {"README.md": readme, "run.py": "open('out.txt', 'w')\n"})
    proc = run_cli("share", str(root), "--yes", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    cited = yaml.safe_load((root / "CITATION.cff").read_text())
    assert cited["title"] == "ukesm_aerosol_nudging_analysis_code"
    meta = json.loads((root / "codemeta.json").read_text())
    assert meta["name"] == "ukesm_aerosol_nudging_analysis_code"
    assert meta["description"] == (
        "Scripts behind the UKESM nudging study: file_locations_module says where each run's output is."
    )


APACHE = (
    "                                 Apache License\n                           Version 2.0, January 2004\n"
    "                        http://www.apache.org/licenses/\n\n"
    "   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION\n"
)


def test_a_license_option_that_contradicts_the_license_file(tmp_path: Path) -> None:
    """colemanmr/ukesm_aerosol_nudging_analysis_code: LICENSE is the Apache-2.0 text; `--license MIT` made
    CITATION.cff, codemeta.json and .zenodo.json say MIT beside it, without a word."""
    root = write_tree(tmp_path / "study", {"LICENSE": APACHE, "run.py": "open('out.txt', 'w')\n"})
    before = digests(root)
    for extra in ([], ["--dry-run"], ["--dry-run", "--format", "json"]):
        proc = run_cli("share", str(root), "--yes", "--license", "MIT", *extra)
        assert proc.returncode == 2, proc.stdout
        said = "You asked for the code license MIT, but `LICENSE` is the Apache-2.0 license text"
        assert said in proc.stderr
        assert "Leave out `--license` to describe the code as Apache-2.0" in proc.stderr
        assert "Traceback" not in proc.stderr
    assert digests(root) == before
    # the same license, or none given: fine
    assert run_cli("share", str(root), "--yes", "--license", "Apache-2.0", "--dry-run").returncode == 0
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    assert proc.returncode == 0
    assert "Apache-2.0  (from LICENSE)" in proc.stdout


@pytest.mark.parametrize(
    ("readme", "title"),
    [
        # KrisJensen/stability_paper_code: the paper's title is the README's first heading, at level 2
        (
            "## Long-term stability of single neuron activity\n\nCode for Jensen et al.\n",
            "Long-term stability of single neuron activity",
        ),
        # jakeormond/robot_maze_analysis_code: the first heading names one script, not the work
        ("# rename_bonsai_files.py\t\t\n\nFixes the datestamps.\n", "study"),
        ("## Installation\n\npip install x\n", "study"),  # a section's name
        ("Intro\n-----\n\n## Later\n", "study"),  # another heading came first
        ("# Overview\n\ntext\n", "study"),
        # michaelweinold/phd_publication_figures: a list of data portals, not the work
        ("# Data Sources\n\n- [Statista](https://www.statista.com)\n", "study"),
        ("# Folder structure\n\n- data/\n", "study"),
        # OlegArenz/gmmvi_reproducibility: the first heading is how to install, not the paper
        ("# Setting up the Python environment\n\nconda create\n", "study"),
        ("# Reproducing results\n\nrun x\n", "study"),
        # amageh/incentivesDI-replication-package: the heading names the kind of folder, the text the paper
        (
            (
                '# REPLICATION PACKAGE\n\nCode for all tables in the\npaper "*Incentive Effects of '
                'Disability Benefits*" (Gehlen, Becker)\n\n## REQUIREMENTS\n'
            ),
            "Incentive Effects of Disability Benefits",
        ),
        ("# Replication code\n\n**Thin ice over the Arctic**\n\nScripts.\n", "Thin ice over the Arctic"),
        ("# Replication package\n\nThe scripts of our paper.\n", "study"),
        # talking-to-machines/synthetic-rct-replication-package: a template's heading, a file's name
        ("# README.md (root)\n\n```\n# [Paper title]\n```\n", "study"),
        # yuanzhang1227/Replication_Code_LinGO: a heading of 131 characters
        (
            (
                '# Replication Code for "LinGO: A Linguistic Graph Optimization Framework with LLMs for '
                'Interpreting Intents of Online Uncivil Discourse"\n\nScripts.\n'
            ),
            (
                "LinGO: A Linguistic Graph Optimization Framework with LLMs for Interpreting Intents of "
                "Online Uncivil Discourse"
            ),
        ),
        # kiudee/lifu-simulation-code: the first heading is what to install
        ("# Required software\nTo be able to run the simulation you need these.\n* Python 3\n", "study"),
        # vadmbertr/cyclogeostrophy_impact_experiment: the first heading names a section of the README
        ("# Project description\n\nThe aim of this repo is to launch experiments.\n", "study"),
        ("# Repository structure\n\n- data/\n", "study"),
        # meteorologytoday/plots-A-Hierarchy-of-Global-Ocean-Models-Coupled-to-CESM1: "# Information"
        ("# Information\nThis project contains the code files to generate the figures.\n", "study"),
    ],
)
def test_the_title_from_the_readme(tmp_path: Path, readme: str, title: str) -> None:
    root = write_tree(tmp_path / "study", {"README.md": readme, "run.py": "open('out.txt', 'w')\n"})
    proc = run_cli("share", str(root), "--dry-run", "--yes", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    assert f"  title         {title}\n" in proc.stdout


def test_a_gnu_license_text_that_is_two_licenses(tmp_path: Path) -> None:
    """Aswendt-Lab/AIDAqc_Figures: LICENSE is the GPL version 3 text, and share said "The code has no
    license yet, so nobody may legally reuse it". The text is both GPL-3.0-only and GPL-3.0-or-later; the
    notice at the top of the code decides, else the authors say which."""
    from sciship.metadata.licenses import LICENSES_DIR

    gpl = (LICENSES_DIR / "GPL-3.0-only.txt").read_text(encoding="utf-8")
    root = write_tree(tmp_path / "study", {"LICENSE": gpl, "run.py": "open('out.txt', 'w')\n"})
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "no license yet" not in proc.stdout
    assert "(LICENSE is GPL-3.0-or-later or GPL-3.0-only)" in proc.stdout
    assert "`--license GPL-3.0-or-later` or `--license GPL-3.0-only`" in " ".join(proc.stdout.split())
    before = digests(root)
    proc = run_cli("share", str(root), "--yes")  # writing needs the exact license: nothing is written
    assert_clean_failure(proc, root, before, "needs the exact license", "`LICENSE` is the GPL-3.0 license")
    proc = run_cli("share", str(root), "--yes", "--license", "MIT", "--dry-run")
    assert_clean_failure(proc, root, before, "`LICENSE` is the license text of GPL-3.0-or-later or")
    proc = run_cli("share", str(root), "--yes", "--license", "GPL-3.0-only", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "code license  GPL-3.0-only" in proc.stdout
    # a notice in the code says which
    notice = (
        "# This program is free software: you can redistribute it and/or modify it under the terms of\n"
        "# the GNU General Public License as published by the Free Software Foundation, either version 3\n"
        "# of the License, or (at your option) any later version.\n"
    )
    (root / "run.py").write_text(notice + "open('out.txt', 'w')\n", encoding="utf-8")
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "code license  GPL-3.0-or-later  (from LICENSE)" in proc.stdout


def test_a_license_the_readme_names_without_a_license_file(tmp_path: Path) -> None:
    """pierrj/moryzae_eccdnas_manuscript_code_final: the README says "Code is freely available under the MIT
    license" and every script starts with the MIT text, but there is no LICENSE file: share said "The code
    has no license yet". It names what the README says, and still lets the authors record it."""
    root = write_tree(
        tmp_path / "study",
        {"README.md": "# Study\n\nCode is freely available under the MIT license.\n", "run.py": "print(1)\n"},
    )
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    said = " ".join(proc.stdout.split())
    assert "no license yet" not in said
    assert "`README.md` says the code is under the MIT license, but the folder has no LICENSE file" in said
    before = digests(root)
    proc = run_cli("share", str(root), "--yes")
    assert_clean_failure(proc, root, before, "`README.md` says MIT: pass `--license MIT` to record it")


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        # talking-to-machines/synthetic-rct-replication-package: a template's choice, taken for Apache-2.0
        ("Code licence (MIT or Apache-2.0).", None),
        ("Choose the MIT license or the Apache License 2.0 before you publish.", None),
        ("Licensed under MIT/BSD-3-Clause.", None),
        ("Code is released under the Apache License, Version 2.0.", "Apache-2.0"),
        ("The MIT license, or ask us for another.", "MIT"),
    ],
)
def test_licenses_a_readme_offers_as_alternatives_name_none(sentence: str, said: str | None) -> None:
    from sciship import share
    from sciship.project import Project

    project = Project.from_files({"README.md": f"# Study\n\n{sentence}\n", "run.py": "print(1)\n"})
    found = share.known(project).license_said
    assert (found[0] if found else None) == said


def test_the_gnu_notice_of_the_authors_scripts_not_of_code_copied_in(tmp_path: Path) -> None:
    """levylabpitt/replication_code_Sheridan_nanoscale_XUV_source_graphene: the authors' scripts start with
    the GNU short notice (version 2 or later), which was not recognised; the BSD text of a library inside
    the copy of another project (`octopus/external_libs/spglib/`, with its own COPYING) was taken for
    theirs: "pass `--license BSD-3-Clause`"."""
    gpl = (
        "# This program is free software; you can redistribute it and/or modify it under the terms of\n"
        "# the GNU General Public License as published by the Free Software Foundation; either version 2\n"
        "# of the License, or (at your option) any later version.\n"
    )
    bsd = (
        "# Redistribution and use in source and binary forms, with or without modification, are permitted\n"
        "# provided that the following conditions are met: Neither the name of the copyright holder nor the\n"
        "# names of its contributors may be used to endorse or promote products derived from this software\n"
    )
    root = write_tree(
        tmp_path / "study",
        {
            "spectrum.py": gpl + "print(1)\n",
            "octopus/COPYING": "GNU GENERAL PUBLIC LICENSE\n",
            "octopus/external_libs/spglib/__init__.py": bsd + "x = 1\n",
            "octopus/tools/make.py": bsd + "x = 1\n",
        },
    )
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    said = " ".join(proc.stdout.split())
    assert "the notice at the top of the scripts says the code is under the GPL-2.0-or-later license" in said
    assert "BSD" not in said
    # (nor are its scripts steps: said once)
    assert "The scripts in `octopus/external_libs/` are another project's, copied in" in said
    (root / "spectrum.py").write_text("print(1)\n")  # no notice of their own: none, not the library's
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    said = " ".join(proc.stdout.split())
    assert "BSD" not in said
    assert "no license yet" in said


def test_what_only_a_copied_in_project_imports_or_runs_is_not_the_analysis(tmp_path: Path) -> None:
    """levylabpitt/replication_code_Sheridan_nanoscale_XUV_source_graphene: the copy of the Octopus code put
    `pyyaml` and `setuptools` in requirements.txt, and its conda recipe's `run_test.sh` "ran a script that
    is not in the folder"."""
    root = write_tree(
        tmp_path / "study",
        {
            "analysis.py": "import numpy as np\nnp.savetxt('out.txt', np.loadtxt('data.txt'))\n",
            "data.txt": "1 2 3\n",
            "vendor_proj/configure.ac": "AC_INIT([vp],[1.0])\n",
            "vendor_proj/main.c": "int main(){return 0;}\n",
            "vendor_proj/setup.py": "import yaml\nfrom setuptools import setup\nsetup(name='vp')\n",
            "vendor_proj/conda/run_test.sh": "cp -r $SRC_DIR/test .\ncd test\npython test_vp.py\n",
            "vendor_proj/test/test_vp.py": "import numpy\n",
        },
    )
    proc = run_cli("share", str(root), "--yes", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    assert (root / "requirements.txt").read_text().splitlines()[1:] == ["numpy"]
    assert "not in the folder" not in (root / "REPRODUCE.md").read_text()


def test_metadata_files_the_gitignore_leaves_out_are_named(tmp_path: Path) -> None:
    """alcrene/emd-paper-notebooks: `*.json` in .gitignore hid codemeta.json, .zenodo.json and the crate,
    and share said "commit these files"."""
    root = write_tree(tmp_path / "study", {".gitignore": "*.json\n", "run.py": "open('out.txt', 'w')\n"})
    said = " ".join(run_cli("share", str(root), "--yes", "--dry-run").stdout.split())
    assert (
        "Your .gitignore leaves out `codemeta.json`, `.zenodo.json`, `ro-crate-metadata.json`, which share "
        "writes" in said
    )
    assert "(`!codemeta.json`, `!.zenodo.json`, `!ro-crate-metadata.json`)" in said
    (root / ".gitignore").write_text("*.json\n!codemeta.json\n!.zenodo.json\n!ro-crate-metadata.json\n")
    assert "leaves out" not in run_cli("share", str(root), "--yes", "--dry-run").stdout


def test_names_with_a_comma_are_quoted_in_the_steps(tmp_path: Path) -> None:
    """BioroboticsLab/IBA-paper-code: `weights/estimator_resnet50_1,2,3,4,fc.torch, weights/...` could not
    be told apart in the list of a step's reads."""
    root = write_tree(
        tmp_path / "study",
        {
            "run.py": "for f in ['w/b.pkl', 'w/e_1,2,fc.pkl']:\n    open(f, 'rb').read()\n",
            "w/b.pkl": "x",
            "w/e_1,2,fc.pkl": "x",
        },
    )
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "reads  w/b.pkl, `w/e_1,2,fc.pkl`" in proc.stdout


def test_files_named_as_secrets_in_what_is_shared_are_named(tmp_path: Path) -> None:
    """KaufmanLabJILA/analysis_code: an OAuth client's `credentials.json` and `token.json`, committed,
    went into the RO-Crate of a deposit without a word. A script named for passwords is no secret."""
    root = write_tree(
        tmp_path / "study",
        {
            "run.py": "open('data.csv')\n",
            "data.csv": "a\n",
            "lib/credentials.json": "{}",
            "lib/token.json": "{}",
            "password_strength.py": "x = 1\n",
        },
    )
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    said = " ".join(proc.stdout.split())
    assert "`lib/credentials.json`, `lib/token.json` are by their names secrets" in said
    assert "password_strength" not in said


@pytest.mark.parametrize(
    ("dotenv", "secret"),
    [
        # jgalazm/comp-geo-paper-figures: where a tool is, no secret to revoke
        ("NAMI_PATH=../nami\n", False),
        ("# where things are\nexport DATA_DIR='/data/lab'\nWORKERS=4\nDEBUG=true\n", False),
        ("NAMI_PATH=../nami\nAPI=abc123\n", True),  # a word that may be a token
        ("GITHUB_TOKEN=/x/y\n", True),  # named for a secret
        ("BUCKET=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE\n", True),
    ],
)
def test_a_dotenv_of_paths_is_no_secret(dotenv: str, secret: bool) -> None:
    from sciship import share
    from sciship.project import Project

    project = Project.from_files({".env": dotenv, "run.py": "print(1)\n"})
    result = share.prepare(project, share.Options(license="MIT", dry_run=True), FLOW)
    assert any("`.env` is by its name a secret" in n for n in result.notes) is secret


def test_a_notebook_that_installs_what_it_needs_does_not_stop(tmp_path: Path) -> None:
    """yangbc30/hierarchical-invariants-paper-code: a notebook that pip-installs matplotlib when it is
    missing was said to "stop there" because the package's pyproject.toml does not list it."""

    def notebook(cells: list[tuple[str, int]]) -> str:
        code = [
            {"cell_type": "code", "execution_count": n, "metadata": {}, "outputs": [], "source": c}
            for c, n in cells
        ]
        return json.dumps({"cells": code, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})

    guarded = (
        "import importlib.util, subprocess, sys\n"
        "if importlib.util.find_spec('matplotlib') is None:\n"
        "    subprocess.check_call([sys.executable, '-m', 'pip', 'install', '-q', 'matplotlib'])\n"
    )
    root = write_tree(
        tmp_path / "study",
        {
            "pyproject.toml": '[project]\nname = "toy"\nversion = "0.1.0"\ndependencies = ["numpy"]\n',
            "toy/__init__.py": "",
            "guarded.ipynb": notebook(
                [(guarded, 1), ("import matplotlib.pyplot as plt\nplt.savefig('a.png')", 2)]
            ),
            "magic.ipynb": notebook(
                [("%pip install -q seaborn", 1), ("import seaborn as sns\nsns.set()", 2)]
            ),
            "plain.ipynb": notebook([("import pandas as pd\npd.read_csv('a.csv').to_csv('b.csv')", 1)]),
            "a.csv": "x\n",
        },
    )
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    said = " ".join(proc.stdout.split())
    assert "The steps install `matplotlib` (guarded.ipynb), `seaborn` (magic.ipynb) themselves" in said
    assert "The steps import `pandas` (plain.ipynb), which `pyproject.toml` does not list" in said


def test_a_module_renamed_for_publication_is_named(tmp_path: Path) -> None:
    """colemanmr/ukesm_aerosol_nudging_analysis_code: the scripts import `diagnostics.file_locations_module`
    from the author's folder, which is this folder's `analysis_code/file_locations_module.py`; the note said
    to copy the module into the folder."""
    script = (
        "import sys\nsys.path.append('/home/me/python_code')\n"
        "import diagnostics.file_locations_module as file_loc\nimport pandas as pd\n"
        "pd.read_csv('data.csv').to_csv(file_loc.out + 'x.csv')\n"
    )
    root = write_tree(
        tmp_path / "study",
        {
            "analysis_code/plot_a.py": script,
            "analysis_code/file_locations_module.py": "out = 'r/'\n",
            "data.csv": "x",
        },
    )
    said = " ".join(run_cli("share", str(root), "--yes", "--dry-run").stdout.split())
    assert (
        "This folder has `analysis_code/file_locations_module.py`, which looks like the same module" in said
    )


def test_paths_from_a_module_in_the_home_folder(tmp_path: Path) -> None:
    """colemanmr/socrates_analysis_code: `import Documents.python_code.file_locations_module as file_loc`,
    then every path built on `file_loc.diag_dir`: 192 inputs `*socrates_diags/...`, never explained, and
    `Documents` offered as a package to find on PyPI."""
    script = (
        "import pandas as pd\nimport matplotlib.pyplot as plt\n"
        "import Documents.python_code.file_locations_module as file_loc\n"
        "df = pd.read_csv(file_loc.diag_dir + 'model_diags/fluxes_2014.csv')\nplt.savefig('fluxes.png')\n"
    )
    root = write_tree(tmp_path / "study", {"plot.py": script})
    said = " ".join(run_cli("share", str(root), "--yes", "--dry-run").stdout.split())
    assert "The code imports `Documents`, the name of a folder on your computer" in said
    assert "requirements.txt leaves out `Documents`" not in said
    assert "`*` stands for a part of a name sciship cannot tell from the code" in said


def test_one_note_for_a_folder_of_the_authors_computer_on_sys_path(tmp_path: Path) -> None:
    """colemanmr/socrates_analysis_code: two notes, word for word the same but for the module, each naming
    the first of 34 scripts that put the same folder on `sys.path`."""
    script = (
        "import sys\nsys.path.append('/home/users/nn819853/Documents/python_code')\n"
        "import Documents.python_code.diagnostics.file_locations_module as file_loc\n"
        "import diagnostics.radiative_fluxes.fluxes_module as flux_mod\nprint(file_loc, flux_mod)\n"
    )
    root = write_tree(tmp_path / "study", {"a.py": script, "b.py": script, "c.py": script})
    said = " ".join(run_cli("share", str(root), "--yes", "--dry-run").stdout.split())
    assert said.count("on `sys.path`, a folder on your computer") == 1
    assert "`a.py`, `b.py`, `c.py` put `/home/users/nn819853/Documents/python_code` on `sys.path`" in said
    assert "The code imports `Documents`, the name of a folder on your computer" in said


def test_macos_resource_files_are_no_code(tmp_path: Path) -> None:
    """janbrascamp/analysis_code_face_integration: four `._*.py` files (macOS AppleDouble, written next to
    each file a Mac copies to a USB stick) were four of twelve steps, each with an SHR117 "save it as
    UTF-8"; REPRODUCE.md said to run them."""
    fork = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\xff\xfe"
    root = write_tree(
        tmp_path / "study",
        {
            "analysis/fit.py": "import pandas as pd\npd.read_csv('data.csv').to_csv('out.csv')\n",
            "analysis/._fit.py": fork,
            "__MACOSX/analysis/._fit.py": fork,
            "data.csv": "a\n1\n",
        },
    )
    proc = run_cli("share", str(root), "--yes", "--dry-run", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert [s["path"] for s in got["steps"]] == ["analysis/fit.py"]
    assert got["problems"] == []
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    said = " ".join(proc.stdout.split())
    assert "`__MACOSX/analysis/._fit.py`, `analysis/._fit.py` are macOS resource files" in said
    assert "Delete them, and add `._*` to .gitignore." in said


def test_jupyter_checkpoint_copies_are_no_steps(tmp_path: Path) -> None:
    """MobilityNet/mobilitynet-analysis-scripts: `new_versions/*-checkpoint.ipynb`, Jupyter's saved copies
    moved out of `.ipynb_checkpoints/`, were 23 of 81 steps and 5 of 10 problems."""

    def saved(counts: list[int]) -> str:
        cells = [
            {"cell_type": "code", "execution_count": n, "metadata": {}, "outputs": [], "source": [code]}
            for n, code in zip(counts, ["x = 0", "open('out.txt', 'w')", "x = 2"], strict=True)
        ]
        return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})

    root = write_tree(
        tmp_path / "study",
        {"analysis.ipynb": saved([1, 2, 3]), "new_versions/analysis-checkpoint.ipynb": saved([5, 9, 2])},
    )
    proc = run_cli("share", str(root), "--yes", "--dry-run", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert [s["path"] for s in got["steps"]] == ["analysis.ipynb"]
    assert got["problems"] == []
    said = " ".join(run_cli("share", str(root), "--yes", "--dry-run").stdout.split())
    assert "`new_versions/analysis-checkpoint.ipynb` is a copy Jupyter saved of a notebook" in said


def test_the_data_license_yes_takes_is_said_to_be_a_suggestion(tmp_path: Path) -> None:
    """ChristopherAMyers/CV_Linear_Spec_Figures, pierrj/moryzae_eccdnas: "data license  CC-BY-4.0" read as
    if the folder said so; it is what `--yes` takes when nobody chose."""
    root = write_tree(tmp_path / "study", {"run.py": "open('data/x.csv')\n", "data/x.csv": "a\n"})
    proc = run_cli("share", str(root), "--yes", "--license", "MIT", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "data license  CC-BY-4.0  (suggested, as you passed --yes: `--data-license` chooses another)" in (
        proc.stdout
    )
    proc = run_cli("share", str(root), "--yes", "--license", "MIT", "--data-license", "CC0-1.0", "--dry-run")
    assert "data license  CC0-1.0\n" in proc.stdout


def test_steps_that_no_file_links_are_not_said_to_run_in_an_order(tmp_path: Path) -> None:
    """mjenior/analysis-scripts: 54 separate command-line tools were "Steps, in the order to run them", and
    REPRODUCE.md told readers to run all 54 in that (alphabetical) order."""
    root = write_tree(
        tmp_path / "tools",
        {"fq2fa.py": "open('a.fasta', 'w')\n", "trim.py": "open('b.fastq', 'w')\n"},
    )
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "Steps (none reads what another writes, so their order is unknown: listed by name):" in proc.stdout
    assert run_cli("share", str(root), "--yes", "--license", "MIT").returncode == 0
    reproduce = (root / "REPRODUCE.md").read_text(encoding="utf-8")
    assert "## 2. Run the steps\n" in reproduce
    assert "No step reads a file another one writes, so the code does not say in which order" in reproduce


def test_code_a_gitignore_leaves_out_of_a_download_is_named(tmp_path: Path) -> None:
    """shahcompbio/scdna_replication_paper: its `.gitignore` lists `notebooks/`, yet the 22 notebooks that
    make every figure are committed; in a download of the repository (no `.git`) they vanished without a
    word. A note names them (a git checkout says what it tracks: no note there)."""
    root = write_tree(
        tmp_path / "study",
        {
            ".gitignore": "notebooks/\n*.log\n",
            "make.py": "open('results.csv', 'w')\n",
            "notebooks/fig1.ipynb": "{}",
            "notebooks/deep/fig2.ipynb": "{}",
            "run.log": "x\n",
        },
    )
    proc = run_cli("share", str(root), "--yes", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    said = " ".join(proc.stdout.split())
    assert "sciship left out `notebooks/fig1.ipynb`: a .gitignore lists it (or its folder)." in said
    assert "fig2" not in said
