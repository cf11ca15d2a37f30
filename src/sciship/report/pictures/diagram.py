"""A small directed graph and three ways to draw it: SVG (laid out here), Mermaid and Graphviz DOT text.

The SVG layout is a plain layered ("Sugiyama") drawing, left to right: each node gets a column (its
longest path from a source), edges that skip columns pass through invisible points so they bend around
nodes, a few barycentre sweeps order each column to cut crossings, and columns are centred. It needs no
browser, no external program and no plotting library, so it runs everywhere sciship runs, and it is fast:
a 100-step folder draws in a few milliseconds.

Every node has a *kind* that decides its shape (not only its colour: the picture must read in grey and
for colour-blind readers), an optional *mark* (missing, absolute path) drawn as a dashed border and a
word, and an optional link (``href``) used by the HTML report to jump to the node's row.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

NodeKind = Literal["script", "notebook", "input", "missing", "intermediate", "figure", "table", "output"]

#: What each kind means, for legends (shape first: colour is never the only signal).
KIND_LEGEND: dict[str, str] = {
    "input": "data read, never written (parallelogram)",
    "missing": "input that no step writes and that is not in the folder (dashed)",
    "script": "a script (rectangle)",
    "notebook": "a notebook (rounded rectangle)",
    "intermediate": "a file one step writes and another reads (cylinder)",
    "figure": "a figure (folded-corner page)",
    "table": "a table (double-bordered box)",
    "output": "another result (rectangle with a bar)",
}
_CHAR_W = 7.2  # average width of a 12px sans-serif character
_NODE_H = 30
_PAD_X = 12
_COL_GAP = 70
_ROW_GAP = 16
_MAX_LABEL = 48


@dataclass
class Node:
    id: str
    label: str
    kind: NodeKind
    mark: str | None = None  #: "missing", "absolute path", ... (drawn dashed, with the word)
    href: str | None = None
    detail: str | None = None  #: a longer text for the tooltip (``<title>``)


@dataclass
class Edge:
    source: str
    target: str


@dataclass
class Graph:
    title: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def add(self, node: Node) -> Node:
        self.nodes.setdefault(node.id, node)
        return self.nodes[node.id]

    def link(self, source: str, target: str) -> None:
        if source != target and not any(e.source == source and e.target == target for e in self.edges):
            self.edges.append(Edge(source, target))


# ---------------------------------------------------------------------- layout
@dataclass(frozen=True)
class Placed:
    id: str
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    nodes: dict[str, Placed]
    routes: list[tuple[str, str, list[tuple[float, float]]]]  #: (source, target, points)


def _short(label: str) -> str:
    return label if len(label) <= _MAX_LABEL else "…" + label[-(_MAX_LABEL - 1) :]


def _width(node: Node) -> float:
    text = (f"{node.mark}: " if node.mark else "") + _short(node.label)
    return max(60.0, len(text) * _CHAR_W + 2 * _PAD_X + (8 if node.kind in ("input", "missing") else 0))


def layout(graph: Graph) -> Layout:
    ids = list(graph.nodes)
    succ: dict[str, list[str]] = defaultdict(list)
    pred: dict[str, list[str]] = defaultdict(list)
    edges = _acyclic(ids, graph.edges)
    for s, t in edges:
        succ[s].append(t)
        pred[t].append(s)
    # 1. columns: longest path from a source (Kahn's order keeps it linear)
    column: dict[str, int] = {}
    indeg = {n: len(pred[n]) for n in ids}
    queue = [n for n in ids if indeg[n] == 0]
    order: list[str] = []
    while queue:
        n = queue.pop(0)
        order.append(n)
        for t in succ[n]:
            indeg[t] -= 1
            if indeg[t] == 0:
                queue.append(t)
    for n in order:
        column[n] = max((column[p] + 1 for p in pred[n]), default=0)
    for n in order:  # a source sits just before its first reader, not far to the left
        if not pred[n] and succ[n]:
            column[n] = max(0, min(column[t] for t in succ[n]) - 1)
    # 2. long edges pass through dummy points, one per skipped column
    chains: list[tuple[str, str, list[str]]] = []
    cols: dict[int, list[str]] = defaultdict(list)
    for n in order:
        cols[column[n]].append(n)
    dummy_pred: dict[str, list[str]] = defaultdict(list)
    dummy_succ: dict[str, list[str]] = defaultdict(list)
    counter = 0
    for s, t in edges:
        chain = [s]
        for c in range(column[s] + 1, column[t]):
            counter += 1
            d = f"\0{counter}"
            column[d] = c
            cols[c].append(d)
            chain.append(d)
        chain.append(t)
        for first, second in pairwise(chain):
            dummy_succ[first].append(second)
            dummy_pred[second].append(first)
        chains.append((s, t, chain[1:-1]))
    # 3. order within columns: barycentre sweeps, forward then backward
    pos = {n: i for c in cols.values() for i, n in enumerate(c)}
    n_cols = max(cols, default=-1) + 1
    for sweep in range(6):
        rng = range(1, n_cols) if sweep % 2 == 0 else range(n_cols - 2, -1, -1)
        for c in rng:
            near = dummy_pred if sweep % 2 == 0 else dummy_succ

            def bary(n: str, near: dict[str, list[str]] = near) -> float:
                ps = near.get(n)
                return sum(pos[p] for p in ps) / len(ps) if ps else pos[n]

            cols[c].sort(key=bary)
            pos.update({n: i for i, n in enumerate(cols[c])})
    # 4. coordinates: each column as wide as its widest node, centred vertically
    widths = {n: (_width(graph.nodes[n]) if n in graph.nodes else 0.0) for n in column}
    col_w = [max((widths[n] for n in cols[c]), default=0.0) for c in range(n_cols)]
    heights = {
        c: sum(_NODE_H if n in graph.nodes else 4 for n in cols[c]) + _ROW_GAP * (len(cols[c]) - 1)
        for c in range(n_cols)
    }
    total_h = max(heights.values(), default=0) + 2 * _ROW_GAP
    placed: dict[str, Placed] = {}
    x = float(_ROW_GAP)
    for c in range(n_cols):
        y = (total_h - heights[c]) / 2
        for n in cols[c]:
            h = _NODE_H if n in graph.nodes else 4
            w = widths[n] if n in graph.nodes else 0.0
            placed[n] = Placed(n, x + (col_w[c] - w) / 2, y, w, h)
            y += h + _ROW_GAP
        x += col_w[c] + _COL_GAP
    width = x - _COL_GAP + _ROW_GAP
    routes: list[tuple[str, str, list[tuple[float, float]]]] = []
    for s, t, via in chains:
        a, b = placed[s], placed[t]
        points = [(a.x + a.w, a.y + a.h / 2)]
        points += [(placed[d].x, placed[d].y + 2) for d in via]
        points.append((b.x, b.y + b.h / 2))
        routes.append((s, t, points))
    real = {k: v for k, v in placed.items() if k in graph.nodes}
    return Layout(max(width, 120.0), max(total_h, 60.0), real, routes)


def _acyclic(ids: list[str], edges: list[Edge]) -> list[tuple[str, str]]:
    """The edges with those that close a cycle reversed (found by depth-first search), for layering."""
    succ: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        if e.source in ids and e.target in ids:
            succ[e.source].append(e.target)
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    for root in ids:
        if root in state:
            continue
        stack = [(root, iter(succ[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                back.add((node, nxt))
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(succ[nxt])))
    out = []
    for e in edges:
        if e.source not in ids or e.target not in ids:
            continue
        out.append((e.target, e.source) if (e.source, e.target) in back else (e.source, e.target))
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------------- SVG
_STYLE = """
.bg{fill:#ffffff}
.node text{font:12px system-ui,-apple-system,'Segoe UI',sans-serif;fill:#1b1f24}
.node .shape{stroke:#57606a;stroke-width:1.2}
.script .shape{fill:#ddf4ff}.notebook .shape{fill:#fbefff}
.input .shape{fill:#f6f8fa}.missing .shape{fill:#ffebe9;stroke:#cf222e;stroke-dasharray:5 3}
.intermediate .shape{fill:#fff8c5}.figure .shape{fill:#dafbe1}.table .shape{fill:#dafbe1}
.output .shape{fill:#eaeef2}.marked .shape{stroke:#cf222e;stroke-dasharray:5 3}
.mark{font-weight:600}
.edge{fill:none;stroke:#8c959f;stroke-width:1.2}
.arrow{fill:#8c959f}
@media (prefers-color-scheme: dark){
.bg{fill:#0d1117}
.node text{fill:#e6edf3}
.node .shape{stroke:#8b949e}
.script .shape{fill:#0c2d6b}.notebook .shape{fill:#3c1e70}
.input .shape{fill:#161b22}.missing .shape{fill:#490202;stroke:#ff7b72}
.intermediate .shape{fill:#3d2e00}.figure .shape{fill:#033a16}.table .shape{fill:#033a16}
.output .shape{fill:#21262d}.marked .shape{stroke:#ff7b72}
.edge{stroke:#6e7681}.arrow{fill:#6e7681}
}
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _shape(kind: str, x: float, y: float, w: float, h: float) -> str:
    r = 'class="shape"'
    if kind == "notebook":
        return f'<rect {r} x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="12"/>'
    if kind in ("input", "missing"):
        s = 8
        pts = f"{x + s:.1f},{y:.1f} {x + w:.1f},{y:.1f} {x + w - s:.1f},{y + h:.1f} {x:.1f},{y + h:.1f}"
        return f'<polygon {r} points="{pts}"/>'
    if kind == "intermediate":
        e = 4
        return (
            f'<path {r} d="M{x:.1f},{y + e:.1f} a{w / 2:.1f},{e} 0 0,1 {w:.1f},0 v{h - 2 * e:.1f} '
            f'a{w / 2:.1f},{e} 0 0,1 -{w:.1f},0 z M{x:.1f},{y + e:.1f} a{w / 2:.1f},{e} 0 0,0 {w:.1f},0"/>'
        )
    if kind == "figure":
        f = 8
        return (
            f'<path {r} d="M{x:.1f},{y:.1f} h{w - f:.1f} l{f},{f} v{h - f:.1f} h-{w:.1f} z '
            f'M{x + w - f:.1f},{y:.1f} v{f} h{f}"/>'
        )
    if kind == "table":
        return (
            f'<rect {r} x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"/>'
            f'<rect class="shape" x="{x + 3:.1f}" y="{y + 3:.1f}" width="{w - 6:.1f}" height="{h - 6:.1f}" '
            'fill="none"/>'
        )
    if kind == "output":
        return (
            f'<rect {r} x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"/>'
            f'<line class="shape" x1="{x + 6:.1f}" y1="{y:.1f}" x2="{x + 6:.1f}" y2="{y + h:.1f}"/>'
        )
    return f'<rect {r} x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="2"/>'


def _path(points: list[tuple[float, float]]) -> str:
    (x0, y0), rest = points[0], points[1:]
    d = [f"M{x0:.1f},{y0:.1f}"]
    px, py = x0, y0
    for x, y in rest:
        mid = (px + x) / 2
        d.append(f"C{mid:.1f},{py:.1f} {mid:.1f},{y:.1f} {x:.1f},{y:.1f}")
        px, py = x, y
    return " ".join(d)


def to_svg(graph: Graph, *, standalone: bool = True) -> str:
    """The graph as an SVG document (``standalone``) or an inline ``<svg>`` element for HTML."""
    lay = layout(graph)
    out: list[str] = []
    if standalone:
        out.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lay.width:.0f} {lay.height:.0f}" '
        f'width="{lay.width:.0f}" height="{lay.height:.0f}" role="img" aria-labelledby="t d">'
        f'<title id="t">{_esc(graph.title)}</title>'
        f'<desc id="d">{len(graph.nodes)} boxes and {len(graph.edges)} arrows; '
        "arrows point from what is read to the step that reads it, and from a step to what it writes.</desc>"
        f"<style>{_STYLE}</style>"
        '<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path class="arrow" d="M0,0 L8,4 L0,8 z"/></marker></defs>'
        f'<rect class="bg" width="100%" height="100%"/>'
    )
    for _s, _t, points in lay.routes:
        out.append(f'<path class="edge" d="{_path(points)}" marker-end="url(#arrow)"/>')
    for node_id, p in lay.nodes.items():
        node = graph.nodes[node_id]
        classes = f"node {node.kind}" + (" marked" if node.mark and node.kind != "missing" else "")
        tip = node.detail or node.label
        body = (
            f'<g class="{classes}" id="{_esc(_svg_id(node_id))}"><title>{_esc(tip)}</title>'
            + _shape(node.kind, p.x, p.y, p.w, p.h)
            + f'<text x="{p.x + p.w / 2:.1f}" y="{p.y + p.h / 2 + 4:.1f}" text-anchor="middle">'
            + (f'<tspan class="mark">{_esc(node.mark)}: </tspan>' if node.mark else "")
            + f"{_esc(_short(node.label))}</text></g>"
        )
        if node.href:
            body = f'<a href="{_esc(node.href)}">{body}</a>'
        out.append(body)
    out.append("</svg>\n" if standalone else "</svg>")
    return "".join(out)


def _svg_id(node_id: str) -> str:
    return "node-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in node_id)


# ---------------------------------------------------------------------- Mermaid
_MERMAID_SHAPES: dict[str, tuple[str, str]] = {
    "script": ("[", "]"),
    "notebook": ("([", "])"),
    "input": ("[/", "/]"),
    "missing": ("[/", "/]"),
    "intermediate": ("[(", ")]"),
    "figure": ("{{", "}}"),
    "table": ("[[", "]]"),
    "output": (">", "]"),
}
_MERMAID_CLASSES = {
    "script": "fill:#ddf4ff,stroke:#57606a",
    "notebook": "fill:#fbefff,stroke:#57606a",
    "input": "fill:#f6f8fa,stroke:#57606a",
    "missing": "fill:#ffebe9,stroke:#cf222e,stroke-dasharray:5 3",
    "intermediate": "fill:#fff8c5,stroke:#57606a",
    "figure": "fill:#dafbe1,stroke:#57606a",
    "table": "fill:#dafbe1,stroke:#57606a",
    "output": "fill:#eaeef2,stroke:#57606a",
    "marked": "stroke:#cf222e,stroke-dasharray:5 3",
}


def mermaid_label(text: str) -> str:
    """Text safe inside a quoted Mermaid label (quotes and angle brackets as entity codes)."""
    out = text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    return out.replace("\n", " ")


def to_mermaid(graph: Graph) -> str:
    """A Mermaid flowchart (GitHub and GitLab render it in Markdown)."""
    short = {nid: f"n{i}" for i, nid in enumerate(graph.nodes, 1)}
    lines = ["flowchart LR"]
    for nid, node in graph.nodes.items():
        left, right = _MERMAID_SHAPES[node.kind]
        label = (f"{node.mark}: " if node.mark else "") + _short(node.label)
        lines.append(f'    {short[nid]}{left}"{mermaid_label(label)}"{right}')
    lines.extend(
        f"    {short[e.source]} --> {short[e.target]}"
        for e in graph.edges
        if e.source in short and e.target in short
    )
    used = {n.kind for n in graph.nodes.values()}
    for kind, style in _MERMAID_CLASSES.items():
        if kind in used or (
            kind == "marked" and any(n.mark and n.kind != "missing" for n in graph.nodes.values())
        ):
            lines.append(f"    classDef {kind} {style}")
    for kind in sorted(used):
        members = [short[nid] for nid, n in graph.nodes.items() if n.kind == kind]
        lines.append(f"    class {','.join(members)} {kind}")
    marked = [short[nid] for nid, n in graph.nodes.items() if n.mark and n.kind != "missing"]
    if marked:
        lines.append(f"    class {','.join(marked)} marked")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------- DOT
_DOT_SHAPES = {
    "script": "shape=box",
    "notebook": 'shape=box, style="rounded"',
    "input": "shape=parallelogram",
    "missing": 'shape=parallelogram, style="dashed", color="#cf222e"',
    "intermediate": "shape=cylinder",
    "figure": "shape=note",
    "table": "shape=box, peripheries=2",
    "output": "shape=box",
}


def _dot_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def to_dot(graph: Graph) -> str:
    """Graphviz DOT text (``dot -Tsvg`` draws it, for those who have Graphviz)."""
    short = {nid: f"n{i}" for i, nid in enumerate(graph.nodes, 1)}
    lines = [f"digraph {_dot_str(graph.title)} {{", "    rankdir=LR;", '    node [fontname="sans-serif"];']
    for nid, node in graph.nodes.items():
        label = (f"{node.mark}: " if node.mark else "") + _short(node.label)
        extra = ', style="dashed", color="#cf222e"' if node.mark and node.kind != "missing" else ""
        lines.append(f"    {short[nid]} [label={_dot_str(label)}, {_DOT_SHAPES[node.kind]}{extra}];")
    lines.extend(
        f"    {short[e.source]} -> {short[e.target]};"
        for e in graph.edges
        if e.source in short and e.target in short
    )
    lines.append("}")
    return "\n".join(lines) + "\n"
