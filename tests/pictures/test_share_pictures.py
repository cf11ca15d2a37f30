"""``sciship share``'s pictures and page: ``--format html``, ``--graph FILE``, the Mermaid flowchart in
REPRODUCE.md, a 100-step folder, markup in file names, and the progress line of ``--archive``."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from mermaid_grammar import errors
from picturekit import count, section, synthetic_folder

from helpers import PROJECTS, run_cli, write_tree
from terminal import on_a_terminal

SVG = "{http://www.w3.org/2000/svg}"


def digests(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(shutil.copytree(PROJECTS / "flow-paper", tmp_path_factory.mktemp("paper") / "flow-paper"))


@pytest.fixture(scope="module")
def paper_json(paper: Path) -> dict[str, Any]:
    proc = run_cli("share", str(paper), "--dry-run", "--format", "json", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


@pytest.fixture(scope="module")
def paper_page(paper: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("page") / "share.html"
    proc = run_cli(
        "share", str(paper), "--dry-run", "--format", "html", "--output", str(out), "--license", "MIT"
    )
    assert proc.returncode == 0, proc.stderr
    assert "Wrote the html report to" in proc.stderr
    return out.read_text(encoding="utf-8")


def test_page_counts_equal_the_json(paper_page: str, paper_json: dict[str, Any]) -> None:
    steps = paper_json["steps"]
    assert count(section(paper_page, "steps"), r'<tr id="step-') == len(steps) == 5
    problems = section(paper_page, "problems")
    assert count(problems, r'data-status="failed"') == len(paper_json["problems"])
    for p in paper_json["problems"]:
        assert f'data-code="{p["code"]}"' in problems
    plan = section(paper_page, "plan")
    assert count(plan.split("<details")[0], r"<tr>") - 1 == len(paper_json["plan"])  # minus the header row
    assert count(section(paper_page, "inputs"), r"<tr>") - 1 == len(paper_json["inputs"])
    assert count(section(paper_page, "outputs"), r"<tr>") - 1 == len(paper_json["outputs"])
    assert "sciship share (dry run)" in paper_page


def test_every_step_in_the_picture_links_to_its_row(paper_page: str) -> None:
    svg = paper_page[paper_page.index("<svg") : paper_page.index("</svg>") + 6]
    root = ET.fromstring(svg)
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    rows = set(re.findall(r'<tr id="([^"]+)"', paper_page))
    assert len(links) == 5
    assert {str(link)[1:] for link in links} == rows
    labels = "".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for name in ("01_clean.py", "data/clean.parquet", "figures/fig1.png", "missing: data/legend.txt"):
        assert name in labels
    assert "absolute path: /home/ana/thesis/extra_calibration.txt" in labels


@pytest.mark.parametrize(
    ("name", "first"), [("flow.svg", "<?xml"), ("flow.mmd", "%% made by sciship"), ("flow.dot", "//")]
)
def test_graph_files_are_written_even_on_a_dry_run(
    paper: Path, tmp_path: Path, name: str, first: str
) -> None:
    before = digests(paper)
    target = tmp_path / "pictures" / name
    proc = run_cli("share", str(paper), "--dry-run", "--license", "MIT", "--graph", str(target))
    assert proc.returncode == 0, proc.stderr
    assert digests(paper) == before  # a dry run writes nothing into the folder
    text = target.read_text(encoding="utf-8")
    assert text.startswith(first)
    if name.endswith(".svg"):
        root = ET.fromstring(text.split("?>", 1)[1])
        assert "var(" not in text  # plain colours for viewers without CSS variables
        assert root.find(f"{SVG}title") is not None
    elif name.endswith(".mmd"):
        assert errors(text) == []
        assert "-->" in text
    else:
        assert "digraph" in text
        assert text.rstrip().endswith("}")
    # sciship replaces a picture it drew, and never a file of someone else
    again = run_cli("share", str(paper), "--dry-run", "--license", "MIT", "--graph", str(target))
    assert again.returncode == 0, again.stderr
    mine = tmp_path / f"notes{Path(name).suffix}"
    mine.write_text("my own notes\n")
    refused = run_cli("share", str(paper), "--dry-run", "--license", "MIT", "--graph", str(mine))
    assert refused.returncode == 2
    assert "already exists and is not a report sciship wrote" in refused.stderr
    assert mine.read_text() == "my own notes\n"


def test_graph_with_an_unknown_ending_stops_before_any_work(paper: Path, tmp_path: Path) -> None:
    proc = run_cli("share", str(paper), "--dry-run", "--graph", str(tmp_path / "flow.png"))
    assert proc.returncode == 2
    assert "cannot tell from its name" in proc.stderr
    assert "`.svg`" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "flow.png").exists()


def test_html_on_a_terminal_without_output_is_refused(paper: Path) -> None:
    code, screen = on_a_terminal("share", str(paper), "--dry-run", "--format", "html")
    assert code == 2
    assert "--output report.html" in screen


def test_reproduce_md_opens_with_a_mermaid_flowchart(paper: Path, tmp_path: Path) -> None:
    root = Path(shutil.copytree(paper, tmp_path / "paper"))
    proc = run_cli("share", str(root), "--yes", "--license", "MIT", "--graph", str(tmp_path / "flow.svg"))
    assert proc.returncode == 0, proc.stderr
    text = (root / "REPRODUCE.md").read_text(encoding="utf-8")
    block = re.search(r"```mermaid\n(.*?)```", text, re.DOTALL)
    assert block is not None
    assert errors(block.group(1)) == []
    assert text.index("```mermaid") < text.index("## 1. Set up the environment")
    assert "missing: data/legend.txt" in block.group(1)
    assert "Shapes: data read, never written: parallelogram" in text  # the legend in words
    # the legend says the shapes Mermaid draws (lilace-paper-analysis: a hexagon called a folded page)
    assert "{{" in block.group(1)
    assert "a figure: hexagon" in text
    assert "folded-corner" not in text
    assert (tmp_path / "flow.svg").exists()  # --graph on a real run too


def test_a_hundred_steps_stay_small_and_readable(tmp_path: Path) -> None:
    root = synthetic_folder(tmp_path / "long")
    out = tmp_path / "out"
    for name in ("flow.svg", "flow.mmd"):
        proc = run_cli("share", str(root), "--dry-run", "--license", "MIT", "--graph", str(out / name))
        assert proc.returncode == 0, proc.stderr
    proc = run_cli(
        "share",
        str(root),
        "--dry-run",
        "--license",
        "MIT",
        "--format",
        "html",
        "--output",
        str(out / "p.html"),
    )
    assert proc.returncode == 0, proc.stderr
    svg = (out / "flow.svg").read_bytes()
    mermaid = (out / "flow.mmd").read_text(encoding="utf-8")
    assert len(svg) < 200_000
    assert len(mermaid.encode()) < 200_000
    assert errors(mermaid) == []
    ET.fromstring(svg.split(b"?>", 1)[1])
    assert "results/runs/*.npy (12 files)" in mermaid  # twelve similar files, one box
    page = (out / "p.html").read_text(encoding="utf-8")
    assert count(section(page, "steps"), r'<tr id="step-') == 100
    assert len(page.encode()) < 600_000
    # REPRODUCE.md (a real run) keeps the flowchart GitHub can draw
    proc = run_cli("share", str(root), "--yes", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    reproduce = (root / "REPRODUCE.md").read_text(encoding="utf-8")
    block = re.search(r"```mermaid\n(.*?)```", reproduce, re.DOTALL)
    assert block is not None
    assert len(block.group(1)) < 50_000  # GitHub's limit for one diagram
    assert errors(block.group(1)) == []


def test_markup_in_names_stays_text(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "odd",
        {
            'a<b>"c".py': 'import numpy as np\nx = np.load("data/</details><script>alert(1)</script>.npy")\n'
            'np.save("out/--> \\"x\\" & y.npy", x)\n',
            "README.md": "# <img src=x onerror=alert(1)>\n",
        },
    )
    page = tmp_path / "p.html"
    proc = run_cli(
        "share", str(root), "--dry-run", "--license", "MIT", "--format", "html", "--output", str(page)
    )
    assert proc.returncode == 0, proc.stderr
    text = page.read_text(encoding="utf-8")
    assert "<script>alert" not in text
    assert "<img" not in text
    assert text.count("<script>") == 1  # the page's own filter script
    svg = text[text.index("<svg") : text.index("</svg>") + 6]
    ET.fromstring(svg)  # still well-formed
    for name in ("flow.mmd", "flow.svg", "flow.dot"):
        proc = run_cli("share", str(root), "--dry-run", "--license", "MIT", "--graph", str(tmp_path / name))
        assert proc.returncode == 0, proc.stderr
    assert errors((tmp_path / "flow.mmd").read_text(encoding="utf-8")) == []
    ET.fromstring((tmp_path / "flow.svg").read_text(encoding="utf-8").split("?>", 1)[1])


def test_archive_shows_progress_on_a_terminal_only(paper: Path, tmp_path: Path) -> None:
    root = Path(shutil.copytree(paper, tmp_path / "paper"))
    code, screen = on_a_terminal("share", str(root), "--yes", "--license", "MIT", "--archive")
    assert code == 0, screen
    assert re.search(r"\r\x1b\[K\S Pack the deposit archive \d+/\d+", screen), screen
    assert "Write the files" in screen
    assert "Archive:" in screen
    again = Path(shutil.copytree(paper, tmp_path / "paper2"))
    piped = run_cli("share", str(again), "--yes", "--license", "MIT", "--archive")
    assert piped.returncode == 0, piped.stderr
    assert "\x1b[K" not in piped.stdout + piped.stderr
    code, screen = on_a_terminal(
        "share", str(again), "--dry-run", "--license", "MIT", "--archive", "--format", "json"
    )
    assert code == 0, screen
    assert "\x1b[K" not in screen  # nothing of it with --format json
