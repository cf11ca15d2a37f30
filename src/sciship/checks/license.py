"""license checks."""

from __future__ import annotations

FAMILY = "license"
