"""The figure, with a colour table and a model file whose mode depends on a flag."""

import h5py
import matplotlib.pyplot as plt
import pandas as pd

from colors import GRAY


def save_model(filename, overwrite=True):
    filename = filename if filename.endswith(".h5") else filename + ".h5"
    mode = "w" if overwrite else "x"
    with h5py.File(filename, mode) as f:
        f["gray"] = GRAY


table = pd.read_csv("results/table.csv")
table.plot(color=GRAY[0] / 255)
plt.savefig("results/pressure.pdf")
save_model("results/model")
