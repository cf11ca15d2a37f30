"""`sciship deps` (not yet implemented)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("deps", parents=[common], help="(coming soon)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ui: Any) -> int:
    ui.info("This command is not available yet.")
    return 2
