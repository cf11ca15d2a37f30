"""Pictures of a research folder's data flow: the graph, and the SVG, Mermaid and DOT drawn from it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mermaid_grammar import errors

from sciship.flow import Flow, PathUse, Step
from sciship.report.pictures.diagram import Graph, Node, layout, to_dot, to_mermaid, to_svg
from sciship.report.pictures.flowchart import flow_graph

SVG = "{http://www.w3.org/2000/svg}"


def demo_flow() -> Flow:
    runs = tuple(f"results/run_{i}.npy" for i in range(9))
    steps = (
        Step(
            "01_load.py",
            "script",
            1,
            reads=("data/raw.csv", "/home/ana/big.nc"),
            writes=("out/clean.parquet",),
        ),
        Step("02_fit.py", "script", 2, reads=("out/clean.parquet", "config/params.json"), writes=runs),
        Step(
            "fig2.ipynb", "notebook", 3, reads=(*runs, "data/missing.csv"), writes=("fig/fig2.png", "t1.csv")
        ),
    )
    return Flow(
        steps=steps,
        inputs=("data/raw.csv", "config/params.json", "data/missing.csv"),
        outputs=("out/clean.parquet", *runs, "fig/fig2.png", "t1.csv"),
        missing=("data/missing.csv",),
        external=("/home/ana/big.nc",),
        uses=(PathUse("/home/ana/big.nc", "read", "01_load.py", 3, "xr.open_dataset", location="absolute"),),
    )


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


def test_kinds_marks_and_folding() -> None:
    g = flow_graph(demo_flow())
    kinds = {n.label: (n.kind, n.mark) for n in g.nodes.values()}
    assert kinds["data/raw.csv"] == ("input", None)
    assert kinds["/home/ana/big.nc"] == ("input", "absolute path")
    assert kinds["data/missing.csv"] == ("missing", "missing")
    assert kinds["out/clean.parquet"] == ("intermediate", None)
    assert kinds["results/*.npy (9 files)"] == ("intermediate", None)  # nine files, one box
    assert kinds["fig/fig2.png"] == ("figure", None)
    assert kinds["t1.csv"] == ("table", None)
    assert kinds["3. fig2.ipynb"] == ("notebook", None)
    assert len(g.nodes) == 11


def test_svg_is_well_formed_with_every_label() -> None:
    g = flow_graph(demo_flow())
    svg = to_svg(g)
    root = ET.fromstring(svg.split("?>", 1)[1])
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    for node in g.nodes.values():
        assert any(node.label in t for t in texts), node.label
    assert root.find(f"{SVG}title") is not None
    assert len(list(root.iter(f"{SVG}path"))) >= len(g.edges)


def test_layout_puts_every_edge_left_to_right_and_nodes_apart() -> None:
    g = flow_graph(demo_flow())
    lay = layout(g)
    for e in g.edges:
        assert lay.nodes[e.source].x + lay.nodes[e.source].w < lay.nodes[e.target].x
    boxes = list(lay.nodes.values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
            assert apart, (a.id, b.id)


def test_a_cycle_still_draws() -> None:
    g = Graph("cycle")
    for n in ("a", "b", "c"):
        g.add(Node(n, n, "script"))
    g.link("a", "b")
    g.link("b", "c")
    g.link("c", "a")
    assert len(layout(g).nodes) == 3
    assert "<svg" in to_svg(g)


def test_mermaid_follows_the_grammar_and_escapes() -> None:
    text = to_mermaid(flow_graph(demo_flow()))
    assert errors(text) == []
    g = Graph("tricky")
    g.add(Node("a", 'say "hi" <script>#x', "script"))
    g.add(Node("b", "plain", "output"))
    g.link("a", "b")
    tricky = to_mermaid(g)
    assert errors(tricky) == []
    assert "#quot;hi#quot;" in tricky
    assert "<script>" not in tricky


def test_the_grammar_checker_rejects_bad_lines() -> None:
    assert errors("graph\n") != []
    assert errors('flowchart LR\n  a["x" y"]\n') != []
    assert errors("flowchart LR\n  a --> b\n") != []  # undefined nodes


def test_svg_escapes_everything_from_the_project() -> None:
    g = Graph('<b>"title"</b>')
    g.add(Node("a", "</text><script>alert(1)</script>", "script", href='#x" onclick="evil()'))
    svg = to_svg(g)
    ET.fromstring(svg.split("?>", 1)[1])  # still well-formed
    assert "<script>" not in svg
    assert 'onclick="evil()"' not in svg


def test_dot_text() -> None:
    dot = to_dot(flow_graph(demo_flow()))
    assert dot.startswith('digraph "Data flow" {')
    assert "shape=cylinder" in dot
    assert "shape=note" in dot
    assert dot.rstrip().endswith("}")


def test_a_hundred_steps_stay_small() -> None:
    g = flow_graph(synthetic(100))
    svg = to_svg(g)
    assert len(svg.encode()) < 200_000
    assert len(to_mermaid(g).encode()) < 200_000
    ET.fromstring(svg.split("?>", 1)[1])
