"""Table 1, as LaTeX, next to this script."""
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent

summary = pd.read_json(ROOT / "results" / "summary.json", typ="series")
summary.to_frame("value").to_latex(ROOT / "reports" / "table1.tex")
