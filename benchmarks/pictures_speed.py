"""How big and how fast are the data-flow pictures? Synthetic research folders of 10 to 200 steps.

Each step reads the previous step's output and writes an array and a figure; the table shows the size
of the SVG and Mermaid text and the time to build the graph, lay it out and draw it (median of 5).
Target (issue "Pictures"): a 100-step folder under 200 KB and under 0.5 s.
"""

from __future__ import annotations

import statistics
import time

from sciship.flow import Flow, Step
from sciship.report.pictures.diagram import to_mermaid, to_svg
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


def main() -> None:
    print("| steps | boxes | SVG (KB) | Mermaid (KB) | draw (s, median of 5) |")
    print("|---:|---:|---:|---:|---:|")
    for n in (10, 50, 100, 200):
        flow = synthetic(n)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            graph = flow_graph(flow)
            svg = to_svg(graph)
            mmd = to_mermaid(graph)
            times.append(time.perf_counter() - start)
        print(
            f"| {n} | {len(graph.nodes)} | {len(svg.encode()) / 1024:.0f} | {len(mmd.encode()) / 1024:.0f} "
            f"| {statistics.median(times):.3f} |"
        )


if __name__ == "__main__":
    main()
