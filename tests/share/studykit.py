"""A small research folder and its data flow written by hand (until ``sciship.flow.trace`` lands)."""

from __future__ import annotations

from pathlib import Path

from helpers import write_tree
from sciship.flow import Flow, FlowProblem, Step

STUDY = {
    "README.md": (
        "# Sea ice thickness\n\nThe code and data behind the sea ice thickness figures of our 2024 paper.\n"
    ),
    "01_clean.py": (
        "import numpy as np\nimport pandas as pd\n"
        'df = pd.read_csv("data/raw.csv")\nnp.save("data/clean", df.values)\n'
    ),
    "02_plot.py": (
        "import matplotlib.pyplot as plt\nimport numpy as np\n"
        'x = np.load("data/clean.npy")\nplt.plot(x)\nplt.savefig("figures/fig1.png")\n'
    ),
    "data/raw.csv": "a,b\n1,2\n",
    "data/clean.npy": b"\x93NUMPY fake",
    "figures/fig1.png": b"\x89PNG fake",
}

FLOW = Flow(
    steps=(
        Step("01_clean.py", "script", 1, ("data/raw.csv",), ("data/clean.npy",)),
        Step("02_plot.py", "script", 2, ("data/clean.npy",), ("figures/fig1.png",), ("01_clean.py",)),
    ),
    inputs=("data/raw.csv",),
    outputs=("data/clean.npy", "figures/fig1.png"),
    problems=(FlowProblem("SHR111", "`/home/ana/x.csv` is an absolute path.", "02_plot.py", 3),),
)


def digests(root: Path) -> dict[str, str]:
    """sha256 of every file under ``root`` (git's own folder left out)."""
    import hashlib

    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


def make_study(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    write_tree(root, files or STUDY)
    return root
