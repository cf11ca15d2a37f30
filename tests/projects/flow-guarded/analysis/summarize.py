"""A one-line summary; run.sh says where it goes."""

import argparse

import pandas as pd

parser = argparse.ArgumentParser()
parser.add_argument("--out", default="summary.txt")
args = parser.parse_args()
table = pd.read_csv("results/table.csv")
with open(args.out, "w") as f:
    f.write(f"{len(table)} stations\n")
