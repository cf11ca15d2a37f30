# Merge the raw readings with the station table.
import glob
import os

import pandas as pd

from config import DATA_DIR

stations = pd.read_csv(os.path.join(DATA_DIR, "raw", "stations.csv"))
frames = [pd.read_csv(f) for f in sorted(glob.glob(f"{DATA_DIR}/raw/readings_*.csv"))]
readings = pd.concat(frames).merge(stations, on="station")
readings.to_parquet(os.path.join(DATA_DIR, "clean.parquet"))
