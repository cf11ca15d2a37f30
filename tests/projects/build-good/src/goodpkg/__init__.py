"""goodpkg: write small TOML documents."""

from goodpkg.core import dumps

__all__ = ["dumps"]
__version__ = "0.1.0"
