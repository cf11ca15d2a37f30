"""One module per command. Each has ``register(subparsers, common)`` (cheap: argparse only) and does its
real work in a handler that imports the library lazily."""

from __future__ import annotations

from sciship.commands import adopt, build, check, deps, explain, new, publish, review, share

COMMANDS = (new, adopt, check, deps, share, build, publish, review, explain)
