"""The check families read YAML through :mod:`sciship._yaml` (the metadata readers and share do too)."""

from sciship._yaml import MAX_VALUES, YamlError, load

__all__ = ["MAX_VALUES", "YamlError", "load"]
