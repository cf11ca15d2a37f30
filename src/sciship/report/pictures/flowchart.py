"""The picture of a research folder's data flow: inputs → steps → intermediate files → figures and tables.

:func:`flow_graph` turns a :class:`~sciship.flow.Flow` into a :class:`~sciship.report.pictures.diagram.Graph`:
one box per step (script or notebook, in run order), one per file, each file shaped by what it is (data
read and never written, an intermediate file, a figure, a table, another result), missing inputs and
absolute paths marked, and many similar files folded into one box (``results/fig2/*.npy (9 files)``) so the
picture stays readable at 50 files and more.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from sciship.report.pictures.diagram import Graph, Node, NodeKind

if TYPE_CHECKING:
    from sciship.flow import Flow

FIGURE_EXTS = frozenset({".png", ".pdf", ".svg", ".jpg", ".jpeg", ".eps", ".tif", ".tiff", ".gif", ".webp"})
TABLE_EXTS = frozenset({".csv", ".tsv", ".xlsx", ".xls", ".tex", ".md", ".html", ".txt"})
#: Fold a group of similar files into one box when it has more than this many members.
FOLD_ABOVE = 3
#: With more file boxes than this, inputs and results of one kind, folder and extension share a box even
#: when different steps read or write them (the box's tooltip names every file); files one step writes
#: and another reads keep their own boxes, since they show the order of the steps.
CROWDED = 40
#: ... but only when at most this many steps write or read the files of that box.
FOLD_STEPS = 3


def step_anchor(path: str) -> str:
    """The HTML anchor of a step's row in a report (``step-01-load-py``): lower-case ASCII letters, digits
    and single dashes. Two paths may give the same one: use :func:`step_anchors` for a whole flow."""
    return "step-" + (re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "x")


def step_anchors(paths: Iterable[str]) -> dict[str, str]:
    """A different anchor for each path, in order (a second ``a_b.py`` / ``a-b.py`` gets ``-2``)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for path in paths:
        base = anchor = step_anchor(path)
        n = 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        out[path] = anchor
    return out


def file_kind(path: str, *, written: bool, read: bool, missing: bool) -> NodeKind:
    """How to draw a data file: missing or input when no step writes it, intermediate when a step reads it
    too, else a figure, table or other output by its extension."""
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


def _covers(a: str, b: str) -> bool:
    """One of the two paths is a pattern the other fits (``*`` inside a name, ``**`` across folders)."""
    from fnmatch import fnmatchcase

    return ("*" in a or "*" in b) and (fnmatchcase(a, b) or fnmatchcase(b, a))


def _mark(path: str) -> str | None:
    if path.startswith(("/", "~")) or (len(path) > 2 and path[1] == ":" and path[2] in "\\/"):
        return "absolute path"
    if path.startswith("../"):
        return "outside the folder"
    return None


def flow_graph(flow: Flow, *, title: str = "Data flow", links: bool = False) -> Graph:
    """The picture of ``flow``; ``links``: each step links to its row in an HTML report, whose id is
    :func:`step_anchors` of the steps in run order."""
    missing = set(flow.missing)
    writers: dict[str, set[str]] = defaultdict(set)
    readers: dict[str, set[str]] = defaultdict(set)
    for step in flow.steps:
        for f in step.writes:
            writers[f].add(step.path)
        for f in step.reads:
            readers[f].add(step.path)
    # a read is drawn dashed when every read of that file by that step need not find it (``optional``,
    # once the flow says so: inside ``try``, after an existence check, a cache)
    read_uses: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for use in flow.uses:
        location = getattr(use, "location", "folder")
        if location in ("absolute", "outside"):  # not in reads and writes; scratch places are not drawn
            path = getattr(use, "written", None) or use.path
            (writers if use.access == "write" else readers)[path].add(use.source)
        if use.access == "read":
            read_uses[(use.path, use.source)].append(bool(getattr(use, "optional", False)))
    optional = {key for key, flags in read_uses.items() if flags and all(flags)}
    # a read that a written pattern covers (``best_predictions-x.nc`` of ``best_predictions-*.nc``, or a
    # folder's ``*``) is that pattern's file, as the flow's own graph says: not an input of its own
    inputs = set(flow.inputs)
    for r in [r for r in readers if not writers.get(r) and r not in inputs]:
        covering = [w for w, by in writers.items() if w != r and by and _covers(w, r)]
        for w in covering:
            readers[w] |= readers[r]
            for reader in readers[r]:
                if (r, reader) in optional:
                    optional.add((w, reader))
        if covering:
            del readers[r]
            writers.pop(r, None)
    files = list(dict.fromkeys([*flow.inputs, *flow.outputs, *writers, *readers]))
    kinds = {
        # a file only the steps that write it read again (a cache) links no steps: not an intermediate
        f: file_kind(f, written=bool(writers[f]), read=bool(readers[f] - writers[f]), missing=f in missing)
        for f in files
    }

    # fold: same kind, folder, extension, writers and readers -> one box when the group is large; in a
    # crowded picture, also files of one kind, folder and extension that different steps write or read
    def fold(coarse: bool) -> dict[tuple[object, ...], list[str]]:
        out: dict[tuple[object, ...], list[str]] = defaultdict(list)
        for f in files:
            p = PurePosixPath(f)
            # files that link steps keep their own boxes: they carry the order of the steps
            loose = coarse and kinds[f] != "intermediate"
            who: tuple[object, ...] = () if loose else (frozenset(writers[f]), frozenset(readers[f]))
            key: tuple[object, ...] = (kinds[f], str(p.parent), p.suffix.lower(), _mark(f), *who)
            out[key].append(f)
        return out

    groups = fold(coarse=False)
    if sum(len(m) if len(m) <= FOLD_ABOVE else 1 for m in groups.values()) > CROWDED:
        fine = groups
        groups = defaultdict(list)
        for key, members in fold(coarse=True).items():
            steps_of = set().union(*(writers[f] | readers[f] for f in members))
            if len(steps_of) <= FOLD_STEPS:
                groups[key] = members
            else:  # a box joined to steps far apart would draw long arrows across the whole picture
                for f in members:
                    groups[next(k for k, m in fine.items() if f in m)].append(f)
    box_of: dict[str, str] = {}
    graph = Graph(title)
    ordered = sorted(flow.steps, key=lambda s: s.order)
    anchors = step_anchors(s.path for s in ordered)
    for step in ordered:
        graph.add(
            Node(
                f"step:{step.path}",
                f"{step.order}. {step.path}",
                "notebook" if step.kind == "notebook" else "script",
                href=f"#{anchors[step.path]}" if links else None,
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
        for reader in sorted((readers[f] - writers[f]) & steps):
            graph.link(box_of[f], f"step:{reader}", optional=(f, reader) in optional)
        for writer in sorted(writers[f] & steps):
            graph.link(f"step:{writer}", box_of[f])
    return graph
