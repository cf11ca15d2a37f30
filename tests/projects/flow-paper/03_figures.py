"""Figures 1 and 2 of the paper."""
import glob
import re

import matplotlib.pyplot as plt
import numpy as np

from config import FIGURES
from helpers.plotting import save_figure

params = np.load("results/params.npy")
runs = [np.load(f) for f in glob.glob("results/bootstrap_*.npy")]

fig, ax = plt.subplots()
ax.set_ylabel("ATP/s")
ax.set_title("Fitted curve / bootstrap")
for run in runs:
    ax.plot(np.polyval(run, np.arange(365)), color="0.8")
ax.plot(np.polyval(params, np.arange(365)))
save_figure(fig, "fig1")

pickles = re.compile(r"\.pkl$")
calibration = np.loadtxt("/home/ana/thesis/extra_calibration.txt")
lookup = np.genfromtxt("../../shared/lookup.csv", delimiter=",")
legend = np.loadtxt("data/legend.txt", dtype=str)
plt.figure()
plt.plot(calibration)
plt.savefig(FIGURES / "fig2")
