"""junkpkg."""
