"""The picture of a folder's data flow, as ``sciship share`` draws it: on its own (``--graph
FILE.svg|.mmd|.dot``), in REPRODUCE.md (Mermaid) and in the HTML page (SVG), drawn without a browser or
an external program (:mod:`sciship.report.pictures`).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from sciship.flow import Flow
    from sciship.report.pictures.diagram import Graph

GraphFormat = Literal["svg", "mermaid", "dot"]
#: file endings ``--graph`` understands, and the format each one means
GRAPH_FORMATS: dict[str, GraphFormat] = {
    ".svg": "svg",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".dot": "dot",
    ".gv": "dot",
}


def graph_format(path: str) -> GraphFormat | None:
    """The format a ``--graph`` file name asks for (by its ending), or None."""
    return GRAPH_FORMATS.get(PurePosixPath(path.lower()).suffix)


def flow_title(name: str) -> str:
    """The title of the data flow picture of ``name``."""
    return f"Data flow of {name}"


def flow_picture(flow: Flow, name: str, *, links: bool = False) -> Graph:
    """The picture of ``flow``, titled for ``name``; ``links``: each step links to its HTML report row."""
    from sciship.report.pictures.flowchart import flow_graph

    return flow_graph(flow, title=flow_title(name), links=links)


def graph_text(flow: Flow, name: str, fmt: GraphFormat) -> str:
    """The data flow as a file of its own: an SVG document, Mermaid text or Graphviz DOT text."""
    from sciship.report.pictures import diagram

    graph = flow_picture(flow, name)
    if fmt == "svg":
        return diagram.to_svg(graph, standalone=True)
    if fmt == "mermaid":
        return diagram.to_mermaid(graph, header=True)
    return diagram.to_dot(graph, header=True)


def legend(graph: Graph, *, mermaid: bool = False) -> str:
    """What the shapes of this picture mean, in words (only the kinds it has); ``mermaid``: as Mermaid
    draws them (a figure is a hexagon there: lilace-paper-analysis' legend said a folded-corner page)."""
    from sciship.report.pictures.diagram import KIND_LEGEND, MERMAID_SHAPE_WORDS

    kinds = [k for k in KIND_LEGEND if any(n.kind == k for n in graph.nodes.values())]
    words = []
    for k in kinds:
        what, _, shape = KIND_LEGEND[k].partition(" (")
        shape = MERMAID_SHAPE_WORDS.get(k, shape.rstrip(")")) if mermaid else shape.rstrip(")")
        words.append(f"{what}: {shape}")
    if any(n.mark and n.kind != "missing" for n in graph.nodes.values()):
        words.append("an absolute path or a path outside the folder: dashed border, said in words")
    if any(e.optional for e in graph.edges):
        words.append("a read that need not find its file: dashed arrow")
    return "; ".join(words)
