"""What a Jupyter notebook's metadata says about it: the language its kernel runs (for the import scan and
the data flow alike)."""

from __future__ import annotations

import re
from typing import Any

from sciship._regex import compile_later

#: the names of the R kernel (IRkernel installs ``ir``; some setups name it ``r``)
R_KERNELS = frozenset({"ir", "r"})


def language(nb: dict[str, Any]) -> str | None:
    """The language of a parsed notebook (``python``, ``r``, ``julia``), lower case; None when its metadata
    does not say. A notebook the R kernel runs is R whatever its other fields say (a notebook saved with
    ``"language": "python"`` under an R kernel: theislab/moscot-framework_reproducibility)."""
    meta = nb.get("metadata")
    if not isinstance(meta, dict):
        return None
    kernel = meta.get("kernelspec")
    if isinstance(kernel, dict) and str(kernel.get("name", "")).lower() in R_KERNELS:
        return "r"
    for key, field in (("language_info", "name"), ("kernelspec", "language")):
        table = meta.get(key)
        value = table.get(field) if isinstance(table, dict) else None
        if isinstance(value, str):
            return value.lower()
    return None


#: what a notebook stored with Git LFS holds in a copy that did not fetch it: a pointer to the real file
LFS_POINTER = "version https://git-lfs.github.com/spec/"

#: said for such a notebook (by the data flow and the import scan alike)
LFS_MESSAGE = (
    "This notebook is stored with Git LFS, and this copy holds only its pointer (three lines naming the "
    "real file), so sciship cannot read its code. Run `git lfs pull` to fetch it, then run sciship again."
)

#: a script written as notebook cells (Jupytext's ``# %%`` markers or its header): run as a notebook
CELLS = compile_later(r"^# %%|^#\s+jupytext:", re.MULTILINE)
#: an IPython line of such a script (``%load_ext``, ``!wget ...``), perhaps commented out as Jupytext writes
#: it (``# !wget ...``): its indent, and the magic or command
IPYTHON_LINE = compile_later(r"^([ \t]*)(?:# )?([%!].*)$", re.MULTILINE)


def dedent_cell(source: str) -> str:
    """A code cell as IPython runs it: when its first line with code is indented, that indent is taken off
    every line that starts with it (IPython's ``leading_indent``; anitsoga/mossing_paper_code: 45 cells
    indented as a block were 'not valid Python' and their reads and writes lost). Lines keep their numbers."""
    lines = source.split("\n")
    first = next((line for line in lines if line.strip()), "")
    indent = first[: len(first) - len(first.lstrip(" \t"))]
    if not indent:
        return source
    return "\n".join(line.removeprefix(indent) for line in lines)
