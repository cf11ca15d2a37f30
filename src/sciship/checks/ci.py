"""ci checks."""

from __future__ import annotations

FAMILY = "ci"
