"""sciship: from exploratory research code to a package others can install, cite and trust."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
