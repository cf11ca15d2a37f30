"""deps checks."""

from __future__ import annotations

FAMILY = "deps"
