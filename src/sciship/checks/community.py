"""community checks."""

from __future__ import annotations

FAMILY = "community"
