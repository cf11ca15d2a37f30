"""badreadme."""
