# Run me from the scripts folder: cd scripts && python prepare.py
import pandas as pd

raw = pd.read_csv("../data/input.csv")
raw.dropna().to_csv("../data/prepared.csv", index=False)
