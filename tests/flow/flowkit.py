"""Helpers for the flow tests: trace an in-memory folder, and a Flow as plain data to compare."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sciship.flow import Flow, trace
from sciship.project import Project


def flow_of(files: Mapping[str, str | bytes]) -> Flow:
    return trace(Project.from_files(files), cache=False)


def graph(flow: Flow) -> dict[str, Any]:
    """Everything a user sees of a Flow, as plain data (messages left out: they are tested apart)."""
    return {
        "steps": [
            {
                "order": s.order,
                "path": s.path,
                "kind": s.kind,
                "workdir": s.workdir,
                "reads": list(s.reads),
                "writes": list(s.writes),
                "after": list(s.after),
            }
            for s in flow.steps
        ],
        "inputs": list(flow.inputs),
        "outputs": list(flow.outputs),
        "missing": list(flow.missing),
        "external": list(flow.external),
        "problems": [(p.code, p.path, p.line, p.cell) for p in flow.problems],
    }


def io(flow: Flow, source: str | None = None) -> list[tuple[str, str]]:
    """(access, path) of every use, in order (of one step, when ``source`` is given)."""
    return [(u.access, u.path) for u in flow.uses if source is None or u.source == source]


def notebook(cells: Sequence[tuple[str, int | None]], *, language: str = "python") -> str:
    """A Jupyter notebook with these code cells (source, execution count)."""
    return json.dumps(
        {
            "cells": [
                {"cell_type": "code", "execution_count": count, "metadata": {}, "outputs": [], "source": src}
                for src, count in cells
            ],
            "metadata": {
                "kernelspec": {"name": language, "language": language},
                "language_info": {"name": language},
            },
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )
