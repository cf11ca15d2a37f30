"""YAML reading for the check families (the helpers live in :mod:`sciship._yaml`, shared with metadata)."""

from sciship._yaml import YamlError, load, load_file

__all__ = ["YamlError", "load", "load_file"]
