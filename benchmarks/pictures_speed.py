"""How big and how fast are the data-flow pictures? Synthetic research folders of 10 to 200 steps, and
real research folders when given.

Usage: python benchmarks/pictures_speed.py [FOLDER ...]

Synthetic: each step reads the previous step's output and writes an array and a figure. The table gives
the size of the SVG file (``--graph flow.svg``), the Mermaid text (REPRODUCE.md, ``--graph flow.mmd``) and
the DOT text, and the time to build the graph from the flow, lay it out and draw all three (median of 5).
Target (issue "Pictures"): a 100-step folder under 200 KB and under 0.5 s. The SVG is drawn by
sciship's own layered layout: no browser, no Graphviz, no plotting library at run time.

Real folders (copied to a temporary folder, never changed): the same, after ``sciship.flow.trace``
(its time is not counted: it is ``share``'s own), plus the whole ``sciship share --dry-run --format html``
page's size.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sciship.flow import Flow, Step
from sciship.report.pictures.diagram import to_dot, to_mermaid, to_svg
from sciship.report.pictures.flowchart import flow_graph


def synthetic(n: int) -> Flow:
    steps = tuple(
        Step(
            f"s{i:03}.py",
            "script",
            i + 1,
            reads=(f"d/{i - 1}.npy",) if i else ("raw.csv",),
            writes=(f"d/{i}.npy", f"fig/{i}.png"),
        )
        for i in range(n)
    )
    return Flow(steps=steps, inputs=("raw.csv",), outputs=tuple(w for s in steps for w in s.writes))


def measure(flow: Flow) -> tuple[int, int, int, int, int, float]:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        graph = flow_graph(flow, links=True)
        svg = to_svg(graph)
        to_svg(graph, standalone=False)
        mmd = to_mermaid(graph)
        dot = to_dot(graph)
        times.append(time.perf_counter() - start)
    return (
        len(graph.nodes),
        len(graph.edges),
        len(svg.encode()),
        len(mmd.encode()),
        len(dot.encode()),
        statistics.median(times),
    )


def row(name: str, steps: int, flow: Flow, extra: str = "") -> str:
    boxes, arrows, svg, mmd, dot, took = measure(flow)
    return (
        f"| {name} | {steps} | {boxes} | {arrows} | {svg / 1024:.0f} | {mmd / 1024:.1f} | {dot / 1024:.1f} "
        f"| {took:.3f} |{extra}"
    )


def main() -> None:
    header = (
        "| folder | steps | boxes | arrows | SVG (KB) | Mermaid (KB) | DOT (KB) | draw all (s, median of 5) |"
    )
    print(header)
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for n in (10, 50, 100, 200):
        print(row(f"synthetic {n}", n, synthetic(n)))
    folders = [Path(a) for a in sys.argv[1:]]
    if not folders:
        return
    from sciship.project import Project

    print()
    print("Real folders, and the size of the whole `share --dry-run --format html` page:")
    print()
    print(header + " HTML page (KB) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for folder in folders:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / folder.name
            shutil.copytree(folder, copy, symlinks=True, ignore=shutil.ignore_patterns(".git"))
            project = Project.load(copy)
            from sciship.flow import trace

            flow = trace(project, cache=False)
            page = _page_size(copy)
            print(row(folder.name, len(flow.steps), flow, f" {page / 1024:.0f} |"))


def _page_size(folder: Path) -> int:
    import subprocess

    out = folder.parent / "page.html"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sciship",
            "share",
            str(folder),
            "--dry-run",
            "--license",
            "MIT",
            "--format",
            "html",
            "--output",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return out.stat().st_size


if __name__ == "__main__":
    main()
