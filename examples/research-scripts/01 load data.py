# Load the raw lake temperatures and write a cleaned copy.
# Run from the project folder: python "01 load data.py"
import pandas as pd

import utils

RAW = "data/lake_temperatures.csv"
CLEAN = "data/lake_temperatures_clean.csv"

df = pd.read_csv(RAW)
df = df.dropna()
df["temp_k"] = utils.to_kelvin(df["temp_c"])  # Kelvin for the energy budget
print(f"{len(df)} rows from {df['site'].nunique()} sites")
df.to_csv(CLEAN, index=False)
