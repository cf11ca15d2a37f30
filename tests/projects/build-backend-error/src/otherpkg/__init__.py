"""otherpkg."""
