"""Helpers for the picture and page tests: a large synthetic research folder, counts read from an HTML
page."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import write_tree


def synthetic_folder(root: Path, steps: int = 100, runs: int = 12) -> Path:
    """``steps`` numbered scripts in a chain: each reads the previous step's array and writes its own
    array and a figure; the first also writes ``runs`` files into one folder that the last one reads (a
    group the picture folds into one box). Nothing here is ever run."""
    files: dict[str, str | bytes] = {"README.md": "# A long pipeline\n\nSynthetic, for sciship's tests.\n"}
    files["data/raw.csv"] = "a,b\n1,2\n"
    for i in range(steps):
        source = '"data/raw.csv"' if i == 0 else f'"results/step_{i - 1:03}.npy"'
        reader = "pd.read_csv" if i == 0 else "np.load"
        body = [
            "import numpy as np",
            "import pandas as pd",
            "import matplotlib.pyplot as plt",
            f"x = {reader}({source})",
            f'np.save("results/step_{i:03}.npy", x)',
            "plt.plot(x)",
            f'plt.savefig("figures/fig_{i:03}.png")',
        ]
        if i == 0:
            body += [f'np.save("results/runs/run_{k:02}.npy", x)' for k in range(runs)]
        if i == steps - 1:
            body += [f'np.load("results/runs/run_{k:02}.npy")' for k in range(runs)]
        files[f"s{i:03}_step.py"] = "\n".join(body) + "\n"
    return write_tree(root, files)


def count(html_text: str, pattern: str) -> int:
    return len(re.findall(pattern, html_text))


def section(html_text: str, section_id: str) -> str:
    """The HTML of one ``<section id=...>`` (up to the next section at the same depth or deeper end)."""
    start = html_text.index(f'<section id="{section_id}"')
    depth, i = 0, start
    for m in re.finditer(r"<section\b|</section>", html_text[start:]):
        depth += 1 if m.group(0) == "<section" else -1
        if depth == 0:
            i = start + m.end()
            break
    return html_text[start:i]
