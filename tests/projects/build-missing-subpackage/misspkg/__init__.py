"""misspkg."""
