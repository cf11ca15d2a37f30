"""Read CSV exports of the HOBO-style loggers we use."""

import csv


def read_profile(path):
    """Return (depths, temps) from a CSV with `depth_m` and `temp_c` columns."""
    depths, temps = [], []
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            depths.append(float(row["depth_m"]))
            temps.append(float(row["temp_c"]))
    return depths, temps
