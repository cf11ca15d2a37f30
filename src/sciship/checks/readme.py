"""readme checks."""

from __future__ import annotations

FAMILY = "readme"
