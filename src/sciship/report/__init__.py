"""Renderers: turn findings into text for people (terminal), programs (json) and reviews (markdown).

The library never prints; the CLI chooses a renderer and writes what it returns.
"""

from __future__ import annotations

from typing import Literal

Format = Literal["terminal", "json", "markdown"]
