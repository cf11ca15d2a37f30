"""YAML reading for the check families (the helpers live in :mod:`sciship._yaml`, shared with metadata)."""

from sciship._yaml import MAX_VALUES, YamlError, load, load_file

__all__ = ["MAX_VALUES", "YamlError", "load", "load_file"]
