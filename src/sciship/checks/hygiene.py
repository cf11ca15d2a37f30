"""hygiene checks."""

from __future__ import annotations

FAMILY = "hygiene"
