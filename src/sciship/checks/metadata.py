"""metadata checks."""

from __future__ import annotations

FAMILY = "metadata"
