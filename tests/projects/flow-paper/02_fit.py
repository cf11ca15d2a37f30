"""Fit a seasonal curve and bootstrap it."""
import json
import os

import numpy as np
import pandas as pd

from config import DATA_DIR, RESULTS

df = pd.read_parquet(f"{DATA_DIR}/clean.parquet")
params = np.polyfit(df["day"], df["temp"], 2)
np.save("results/params", params)  # numpy adds .npy

rng = np.random.default_rng(42)
for seed in range(3):
    sample = df.sample(frac=1.0, replace=True, random_state=seed)
    np.save(f"{RESULTS}/bootstrap_{seed}.npy", np.polyfit(sample["day"], sample["temp"], 2))

with open(os.path.join(RESULTS, "summary.json"), "w") as fh:
    json.dump({"curvature": float(params[0])}, fh)
