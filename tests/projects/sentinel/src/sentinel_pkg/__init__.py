"""Importing this package leaves a file behind: sciship must never import it."""

import pathlib

pathlib.Path(__file__).parents[2].joinpath("PACKAGE_WAS_IMPORTED").write_text("imported\n")
