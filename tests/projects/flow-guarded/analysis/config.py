"""Where things live."""

from pathlib import Path

CACHE = Path.home() / ".cache" / "pressure-survey" / "stations.json"
RAW = Path("data/raw")
