#!/usr/bin/env python
"""Count amphibians per site and species for one month range."""
import argparse

import pandas as pd


def load(path):
    counts = pd.read_csv(path, parse_dates=["date"])
    return counts


def summarise(counts, first_month, last_month):
    months = counts["date"].dt.month
    chosen = counts[(months >= first_month) & (months <= last_month)]
    return chosen.pivot_table(index="site", columns="species", values="count", aggfunc="sum", fill_value=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="data/amphibian_counts.csv")
    parser.add_argument("--months", nargs=2, type=int, default=[4, 9])
    args = parser.parse_args()
    print(summarise(load(args.data), *args.months))


if __name__ == "__main__":
    main()
