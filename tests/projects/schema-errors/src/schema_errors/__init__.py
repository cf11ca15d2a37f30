"""Schema errors."""
