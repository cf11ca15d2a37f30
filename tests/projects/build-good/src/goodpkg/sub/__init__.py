"""Helpers in a subpackage."""
