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
from collections import Counter, defaultdict
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
#: Where Mermaid draws a kind in another shape than the SVG and DOT pictures (it has no folded page).
MERMAID_SHAPE_WORDS: dict[str, str] = {
    "figure": "hexagon",
    "table": "box with doubled sides",
    "output": "box with a notched left end",
}
_CHAR_W = 7.2  # average width of a 12px sans-serif character
_NODE_H = 30
_PAD_X = 12
_COL_GAP = 70
_ROW_GAP = 16
_MAX_LABEL = 48
#: the first words of the comment that opens every file sciship draws (``--graph``): it may replace them
GENERATOR = "made by sciship"


@dataclass
class Node:
    """A node of the graph (a script, a notebook or a file), drawn in the shape of its ``kind``, with an
    optional mark, link and tooltip."""

    id: str
    label: str
    kind: NodeKind
    mark: str | None = None  #: "missing", "absolute path", ... (drawn dashed, with the word)
    href: str | None = None
    detail: str | None = None  #: a longer text for the tooltip (``<title>``)


@dataclass
class Edge:
    """An arrow from the node ``source`` to the node ``target`` (dashed when ``optional``)."""

    source: str
    target: str
    optional: bool = False  #: a read that need not find its file (drawn dashed)


@dataclass
class Graph:
    """A titled directed graph: nodes by id and the edges between them."""

    title: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    #: (how many nodes, each label as drawn), see :meth:`shown`
    _shown: tuple[int, dict[str, str]] | None = field(default=None, repr=False, compare=False)

    def add(self, node: Node) -> Node:
        self.nodes.setdefault(node.id, node)
        return self.nodes[node.id]

    def shown(self, node: Node) -> str:
        """The label of ``node`` as drawn: a long one shortened in the middle, unless that makes it look
        like another's, then less so (levylabpitt's REPRODUCE.md drew two files as
        `data/01.parallel/0…ramp_Ab_0.50/td.general/laser`)."""
        if self._shown is None or self._shown[0] != len(self.nodes):
            self._shown = (len(self.nodes), _shown_labels([n.label for n in self.nodes.values()]))
        return self._shown[1].get(node.label, _short(node.label))

    def link(self, source: str, target: str, *, optional: bool = False) -> None:
        """An arrow from ``source`` to ``target`` (once; a plain arrow wins over an optional one)."""
        if source == target:
            return
        for e in self.edges:
            if e.source == source and e.target == target:
                e.optional = e.optional and optional
                return
        self.edges.append(Edge(source, target, optional))


# ---------------------------------------------------------------------- layout
@dataclass(frozen=True)
class Placed:
    """A node's box in a :class:`Layout`: its top-left corner, width and height."""

    id: str
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Layout:
    """Where :func:`layout` put things: the picture's size, each node's box and each edge's route as a list of
    points."""

    width: float
    height: float
    nodes: dict[str, Placed]
    routes: list[tuple[str, str, list[tuple[float, float]]]]  #: (source, target, points)


def _short(label: str, most: int = _MAX_LABEL) -> str:
    """A long label shortened in the middle: the first folder and the end of the name stay, so two long
    paths that differ in a folder (``airborne_survey/`` and ``ground_survey/``) still differ."""
    if len(label) <= most:
        return label
    head = (most - 1) * 2 // 5
    return label[:head] + "\u2026" + label[len(label) - (most - 1 - head) :]


def _shown_labels(labels: list[str]) -> dict[str, str]:
    """Each label as drawn: shortened to the first of a few lengths at which it looks like no other
    label's shortening, else whole."""
    out: dict[str, str] = {}
    left = set(labels)
    for most in (_MAX_LABEL, _MAX_LABEL * 3 // 2, _MAX_LABEL * 2, _MAX_LABEL * 3):
        shorts = {label: _short(label, most) for label in left}
        counts = Counter(shorts.values())
        out.update((label, short) for label, short in shorts.items() if counts[short] == 1)
        left -= out.keys()
        if not left:
            break
    out.update((label, label) for label in left)
    return out


def _width(node: Node, graph: Graph) -> float:
    text = (f"{node.mark}: " if node.mark else "") + graph.shown(node)
    return max(60.0, len(text) * _CHAR_W + 2 * _PAD_X + (8 if node.kind in ("input", "missing") else 0))


def layout(graph: Graph) -> Layout:
    """Lay ``graph`` out left to right in layers, as the module docstring describes: a box for every node and
    a route for every edge."""
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
    widths = {n: (_width(graph.nodes[n], graph) if n in graph.nodes else 0.0) for n in column}
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
#: colours per scheme: (light, dark). Inside an HTML report the text, background, lines and marks follow
#: the page's own variables (``--fg``, ``--bg``, ...); a standalone file uses the plain colours, so viewers
#: without CSS variables (Inkscape, librsvg) draw it too. Fills are pale in light and deep in dark mode,
#: so the text colour of the scheme reads on every one of them.
_PALETTE: dict[str, tuple[str, str, str | None]] = {
    # name: (light, dark, the page's variable that says the same)
    "fg": ("#1b1f24", "#e6edf3", "--fg"),
    "bg": ("#ffffff", "#0d1117", "--bg"),
    "line": ("#57606a", "#8b949e", "--muted"),
    "edge": ("#8c959f", "#6e7681", None),
    "bad": ("#cf222e", "#ff7b72", "--blocker"),
    "script": ("#ddf4ff", "#0c2d6b", None),
    "notebook": ("#fbefff", "#3c1e70", None),
    "input": ("#f6f8fa", "#161b22", "--card"),
    "missing": ("#ffebe9", "#490202", None),
    "intermediate": ("#fff8c5", "#3d2e00", None),
    "result": ("#dafbe1", "#033a16", None),
    "output": ("#eaeef2", "#21262d", None),
}
_RULES = """
.f-bg{fill:%(bg)s}
.f-node text{font:12px system-ui,-apple-system,'Segoe UI',sans-serif;fill:%(fg)s}
.f-node .f-shape{stroke:%(line)s;stroke-width:1.2}
.f-script .f-shape{fill:%(script)s}.f-notebook .f-shape{fill:%(notebook)s}
.f-input .f-shape{fill:%(input)s}.f-missing .f-shape{fill:%(missing)s;stroke:%(bad)s;stroke-dasharray:5 3}
.f-intermediate .f-shape{fill:%(intermediate)s}.f-figure .f-shape,.f-table .f-shape{fill:%(result)s}
.f-output .f-shape{fill:%(output)s}.f-marked .f-shape{stroke:%(bad)s;stroke-dasharray:5 3}
.f-node .f-line{fill:none}
.f-mark{font-weight:600}
.f-edge{fill:none;stroke:%(edge)s;stroke-width:1.2}.f-optional{stroke-dasharray:4 3}
.f-arrow{fill:%(edge)s}
a:focus-visible .f-shape{stroke-width:3}
"""


def _style(*, inline: bool) -> str:
    """The diagram's CSS: plain colours (standalone), or the page's variables with those as fallbacks."""

    def colours(dark: bool) -> dict[str, str]:
        out = {}
        for name, (light, deep, var) in _PALETTE.items():
            plain = deep if dark else light
            out[name] = f"var({var},{plain})" if inline and var else plain
        return out

    dark_rules = _RULES % colours(True)
    return (_RULES % colours(False)) + "@media (prefers-color-scheme: dark){" + dark_rules + "}\n"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _shape(kind: str, x: float, y: float, w: float, h: float) -> str:
    r = 'class="f-shape"'
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
            f'<rect class="f-shape f-line" x="{x + 3:.1f}" y="{y + 3:.1f}" width="{w - 6:.1f}" '
            f'height="{h - 6:.1f}" fill="none"/>'
        )
    if kind == "output":
        return (
            f'<rect {r} x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"/>'
            f'<line class="f-shape f-line" x1="{x + 6:.1f}" y1="{y:.1f}" x2="{x + 6:.1f}" y2="{y + h:.1f}"/>'
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
    """The graph as an SVG document (``standalone``) or an inline ``<svg>`` element for an HTML report.

    The inline element takes its colours from the page (light and dark), and its ids are unique to the
    graph's title, so two pictures can share a page.
    """
    lay = layout(graph)
    uid = _uid(graph.title)
    optional = {(e.source, e.target) for e in graph.edges if e.optional}
    optional |= {(t, s) for s, t in optional}  # an edge turned round to break a circle
    out: list[str] = []
    if standalone:
        from sciship import __version__

        out.append(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<!-- {GENERATOR} {_esc(__version__)}: {_esc(graph.title).replace('--', '- -')} -->\n"
        )
    optional_note = " Dashed arrows: reads that need not find their file." if optional else ""
    out.append(
        '<svg xmlns="http://www.w3.org/2000/svg" class="f-svg" '
        f'viewBox="0 0 {lay.width:.0f} {lay.height:.0f}" '
        f'width="{lay.width:.0f}" height="{lay.height:.0f}" role="img" '
        # inside a page: drawn at its own size (its box scrolls sideways), never shrunk to unreadable text
        + ("" if standalone else 'style="max-width:none" ')
        + f'aria-labelledby="f-t-{uid} f-d-{uid}">'
        f'<title id="f-t-{uid}">{_esc(graph.title)}</title>'
        f'<desc id="f-d-{uid}">{len(graph.nodes)} boxes and {len(graph.edges)} arrows; '
        "arrows point from what is read to the step that reads it, and from a step to what it writes."
        f"{optional_note}</desc>"
        f"<style>{_style(inline=not standalone)}</style>"
        f'<defs><marker id="f-arrow-{uid}" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path class="f-arrow" d="M0,0 L8,4 L0,8 z"/></marker>'
        "</defs>"
        f'<rect class="f-bg" width="100%" height="100%"/>'
    )
    for s, t, points in lay.routes:
        cls = "f-edge f-optional" if (s, t) in optional else "f-edge"
        out.append(f'<path class="{cls}" d="{_path(points)}" marker-end="url(#f-arrow-{uid})"/>')
    for node_id, p in lay.nodes.items():
        node = graph.nodes[node_id]
        classes = f"f-node f-{node.kind}" + (" f-marked" if node.mark and node.kind != "missing" else "")
        tip = node.detail or node.label
        body = (
            f'<g class="{classes}" id="{_esc(_svg_id(node_id))}"><title>{_esc(tip)}</title>'
            + _shape(node.kind, p.x, p.y, p.w, p.h)
            + f'<text x="{p.x + p.w / 2:.1f}" y="{p.y + p.h / 2 + 4:.1f}" text-anchor="middle">'
            + (f'<tspan class="f-mark">{_esc(node.mark)}: </tspan>' if node.mark else "")
            + f"{_esc(graph.shown(node))}</text></g>"
        )
        if node.href:
            body = f'<a href="{_esc(node.href)}">{body}</a>'
        out.append(body)
    out.append("</svg>\n" if standalone else "</svg>")
    return "".join(out)


def _uid(title: str) -> str:
    import hashlib

    return hashlib.sha1(title.encode("utf-8", "surrogateescape"), usedforsecurity=False).hexdigest()[:8]


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
#: Fixed pale fills with dark text (``color``): GitHub draws Mermaid with light text in dark mode, which
#: would be unreadable on a pale box; with the text colour set, each box reads the same in both modes.
_MERMAID_CLASSES = {
    "script": "fill:#ddf4ff,stroke:#57606a,color:#1b1f24",
    "notebook": "fill:#fbefff,stroke:#57606a,color:#1b1f24",
    "input": "fill:#f6f8fa,stroke:#57606a,color:#1b1f24",
    "missing": "fill:#ffebe9,stroke:#cf222e,color:#1b1f24,stroke-dasharray:5 3",
    "intermediate": "fill:#fff8c5,stroke:#57606a,color:#1b1f24",
    "figure": "fill:#dafbe1,stroke:#57606a,color:#1b1f24",
    "table": "fill:#dafbe1,stroke:#57606a,color:#1b1f24",
    "output": "fill:#eaeef2,stroke:#57606a,color:#1b1f24",
    "marked": "stroke:#cf222e,stroke-dasharray:5 3",
}
#: What GitHub's Mermaid accepts (its defaults: ``maxTextSize`` 50,000 characters, ``maxEdges`` 500).
MERMAID_MAX_TEXT = 50_000
MERMAID_MAX_EDGES = 500


def mermaid_label(text: str) -> str:
    """Text safe inside a quoted Mermaid label (quotes, angle brackets and backticks as entity codes)."""
    out = text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    return out.replace("`", "#96;").replace("\n", " ")


def to_mermaid(graph: Graph, *, header: bool = False) -> str:
    """A Mermaid flowchart (GitHub and GitLab render it in Markdown); ``header``: a first comment line
    that says sciship made it (for a file of its own)."""
    short = {nid: f"n{i}" for i, nid in enumerate(graph.nodes, 1)}
    lines = []
    if header:
        from sciship import __version__

        lines.append(f"%% {GENERATOR} {__version__}: {graph.title}".replace("\n", " "))
    lines.append("flowchart LR")
    for nid, node in graph.nodes.items():
        left, right = _MERMAID_SHAPES[node.kind]
        label = (f"{node.mark}: " if node.mark else "") + graph.shown(node)
        lines.append(f'    {short[nid]}{left}"{mermaid_label(label)}"{right}')
    lines.extend(
        f"    {short[e.source]} {'-.->' if e.optional else '-->'} {short[e.target]}"
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


def mermaid_fits(text: str, graph: Graph) -> bool:
    """GitHub and GitLab draw it (not too long, not too many arrows)."""
    return len(text) <= MERMAID_MAX_TEXT and len(graph.edges) <= MERMAID_MAX_EDGES


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


def to_dot(graph: Graph, *, header: bool = False) -> str:
    """Graphviz DOT text (``dot -Tsvg`` draws it, for those who have Graphviz); ``header``: a first
    comment line that says sciship made it."""
    short = {nid: f"n{i}" for i, nid in enumerate(graph.nodes, 1)}
    lines = []
    if header:
        from sciship import __version__

        lines.append(f"// {GENERATOR} {__version__}: {graph.title}".replace("\n", " "))
    lines += [f"digraph {_dot_str(graph.title)} {{", "    rankdir=LR;", '    node [fontname="sans-serif"];']
    for nid, node in graph.nodes.items():
        label = (f"{node.mark}: " if node.mark else "") + graph.shown(node)
        shape = _DOT_SHAPES[node.kind]
        if node.mark and node.kind != "missing":
            style = '"rounded,dashed"' if node.kind == "notebook" else '"dashed"'
            shape = shape.replace('style="rounded"', "").rstrip(", ") + f', style={style}, color="#cf222e"'
        lines.append(f"    {short[nid]} [label={_dot_str(label)}, {shape}];")
    lines.extend(
        f"    {short[e.source]} -> {short[e.target]}{' [style=dashed]' if e.optional else ''};"
        for e in graph.edges
        if e.source in short and e.target in short
    )
    lines.append("}")
    return "\n".join(lines) + "\n"
