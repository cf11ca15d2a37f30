"""``python -m sciship``."""

from __future__ import annotations

import sys

from sciship.cli import main

if __name__ == "__main__":
    sys.exit(main())
