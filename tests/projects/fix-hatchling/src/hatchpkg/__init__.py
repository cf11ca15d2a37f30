"""The hatchpkg package: a fixture for sciship check --fix."""

__version__ = "0.1.0"
