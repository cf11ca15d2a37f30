import os

import pandas as pd

os.chdir("tables")
prepared = pd.read_csv("../data/prepared.csv")
prepared.describe().to_csv("../summary.csv")
with open("log.txt", "a") as log:
    log.write("summary done\n")
