"""Warming trend per lake: slope of annual mean temperature against year."""
import numpy as np
import pandas as pd
import matplotlib
matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt

from utils import smooth, WINDOW

DATA = "data/lake_temperatures.csv"
FIGURE = "trend.png"


def slope(years, temps):
    """Degrees per decade, from a least-squares line."""
    fit = np.polyfit(years, temps, 1)
    return fit[0] * 10 * scale


df = pd.read_csv(DATA)
scale = 1.0  # set to 1.8 for Fahrenheit per decade
annual = df.groupby(["site", "year"], as_index=False)["temp_c"].mean()

fig, ax = plt.subplots(figsize=(6, 4))
for site, group in annual.groupby("site"):
    trend = slope(group["year"], group["temp_c"])
    print(f"{site}: {trend:+.2f} degC per decade")
    ax.plot(group["year"], smooth(group["temp_c"], WINDOW), label=site)
ax.set_xlabel("year")
ax.set_ylabel(f"temperature (degC, {WINDOW}-point mean)")
ax.legend()
fig.savefig(FIGURE, dpi=150)
