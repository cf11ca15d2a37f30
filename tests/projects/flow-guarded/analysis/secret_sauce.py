"""The calibration step: needs a file from the instrument team."""

import pandas as pd

try:
    calibration = pd.read_csv("data/calibration.csv")
except FileNotFoundError:
    print("Ask the instrument team for data/calibration.csv first.")
