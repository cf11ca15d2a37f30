"""docs checks."""

from __future__ import annotations

FAMILY = "docs"
