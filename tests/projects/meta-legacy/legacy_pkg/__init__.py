"""A package still described by setup.py."""
