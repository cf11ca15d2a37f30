"""Colour tables, read from `colors/`."""

from pathlib import Path

import numpy as np

HERE = Path(__file__).parent / "colors"


def table(kind):
    if kind == "gray":
        return np.loadtxt(HERE / "gray.csv", delimiter=",")
    return np.loadtxt(HERE / f"{kind}_table.csv", delimiter=",")


GRAY = table("gray")
