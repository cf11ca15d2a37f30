"""Sphinx configuration for sciship's documentation: `python -m sphinx docs docs/_build/html`."""

project = "sciship"
author = "sciship developers"
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "alabaster"
autodoc_member_order = "bysource"
