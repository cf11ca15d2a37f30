"""A package configured only with setup.py."""
