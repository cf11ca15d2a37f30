#!/bin/bash
set -euo pipefail
python analysis/fetch.py
python analysis/make_table.py
python analysis/summarize.py --out results/summary.txt
python analysis/plot.py
