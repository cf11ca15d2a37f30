"""layout checks."""

from __future__ import annotations

FAMILY = "layout"
