"""Summaries of lake temperature profiles."""

__version__ = "0.3.0"
