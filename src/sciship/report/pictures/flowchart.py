"""The picture of a research folder's data flow: inputs → steps → intermediate files → figures and tables.

:func:`flow_graph` turns a :class:`~sciship.flow.Flow` into a :class:`~sciship.report.pictures.diagram.Graph`:
one box per step (script or notebook, in run order), one per file, each file shaped by what it is (data
read and never written, an intermediate file, a figure, a table, another result), missing inputs and
absolute paths marked, and many similar files folded into one box (``results/fig2/*.npy (9 files)``) so the
picture stays readable at 50 files and more.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from sciship.report.pictures.diagram import Graph, Node, NodeKind

if TYPE_CHECKING:
    from sciship.flow import Flow

FIGURE_EXTS = frozenset({".png", ".pdf", ".svg", ".jpg", ".jpeg", ".eps", ".tif", ".tiff", ".gif", ".webp"})
TABLE_EXTS = frozenset({".csv", ".tsv", ".xlsx", ".xls", ".tex", ".md", ".html", ".txt"})
#: Fold a group of similar files into one box when it has more than this many members.
FOLD_ABOVE = 3


def step_anchor(path: str) -> str:
    """The HTML anchor of a step's row in a report (``#step-01-load-py``)."""
    return "step-" + "".join(c if c.isalnum() else "-" for c in path.lower())


def file_kind(path: str, *, written: bool, read: bool, missing: bool) -> NodeKind:
    if not written:
        return "missing" if missing else "input"
    if read:
        return "intermediate"
    ext = PurePosixPath(path).suffix.lower()
    if ext in FIGURE_EXTS:
        return "figure"
    if ext in TABLE_EXTS:
        return "table"
    return "output"


def _mark(path: str) -> str | None:
    if path.startswith(("/", "~")) or (len(path) > 2 and path[1] == ":" and path[2] in "\\/"):
        return "absolute path"
    if path.startswith("../"):
        return "outside the folder"
    return None


def flow_graph(flow: Flow, *, title: str = "Data flow", links: bool = False) -> Graph:
    """The picture of ``flow``; ``links``: each step links to its row (``#step-...``) in an HTML report."""
    missing = set(flow.missing)
    writers: dict[str, set[str]] = defaultdict(set)
    readers: dict[str, set[str]] = defaultdict(set)
    for step in flow.steps:
        for f in step.writes:
            writers[f].add(step.path)
        for f in step.reads:
            readers[f].add(step.path)
    for use in flow.uses:  # absolute paths and paths outside the folder are not in reads and writes
        if getattr(use, "location", "folder") != "folder":
            path = getattr(use, "written", None) or use.path
            (writers if use.access == "write" else readers)[path].add(use.source)
    files = list(dict.fromkeys([*flow.inputs, *flow.outputs, *writers, *readers]))
    kinds = {
        f: file_kind(f, written=bool(writers[f]), read=bool(readers[f]), missing=f in missing) for f in files
    }
    # fold: same kind, folder, extension, writers and readers -> one box when the group is large
    groups: dict[tuple[object, ...], list[str]] = defaultdict(list)
    for f in files:
        p = PurePosixPath(f)
        key = (
            kinds[f],
            str(p.parent),
            p.suffix.lower(),
            frozenset(writers[f]),
            frozenset(readers[f]),
            _mark(f),
        )
        groups[key].append(f)
    box_of: dict[str, str] = {}
    graph = Graph(title)
    for step in sorted(flow.steps, key=lambda s: s.order):
        graph.add(
            Node(
                f"step:{step.path}",
                f"{step.order}. {step.path}",
                "notebook" if step.kind == "notebook" else "script",
                href=f"#{step_anchor(step.path)}" if links else None,
                detail=f"Step {step.order}: {step.path} reads {len(step.reads)} "
                f"and writes {len(step.writes)} file(s)",
            )
        )
    for group_key, members in groups.items():
        kind = kinds[members[0]]
        mark = _mark(members[0])
        if kind == "missing":
            mark = None
        if len(members) > FOLD_ABOVE:
            folder, ext = group_key[1], group_key[2]
            prefix = "" if folder in (".", "") else f"{folder}/"
            label = f"{prefix}*{ext} ({len(members)} files)"
            node_id = f"group:{prefix}*{ext}:{len(graph.nodes)}"
            detail = ", ".join(sorted(members)[:20]) + (" ..." if len(members) > 20 else "")
        else:
            label = node_id = detail = ""
        for f in members:
            if len(members) > FOLD_ABOVE:
                box_of[f] = node_id
                graph.add(Node(node_id, label, kind, mark=mark, detail=detail))
            else:
                box_of[f] = f"file:{f}"
                graph.add(Node(f"file:{f}", f, kind, mark="missing" if kind == "missing" else mark))
    steps = {s.path for s in flow.steps}
    for f in files:
        for reader in readers[f] & steps:
            graph.link(box_of[f], f"step:{reader}")
        for writer in writers[f] & steps:
            graph.link(f"step:{writer}", box_of[f])
    return graph
