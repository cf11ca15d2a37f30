"""Where things live. Every script imports these instead of repeating the paths."""
from pathlib import Path

DATA_DIR = "data"
RESULTS = "results"
FIGURES = Path(__file__).parent / "figures"
