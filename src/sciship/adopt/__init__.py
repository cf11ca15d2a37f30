"""`sciship adopt`: turn a folder of research scripts and notebooks into a package, losing nothing."""

from __future__ import annotations

from sciship.adopt.plan import Adoption, FileNote, Placed, adopt

__all__ = ["Adoption", "FileNote", "Placed", "adopt"]
