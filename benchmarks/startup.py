"""`sciship --help` against `hatch --help`, both installed as console scripts, side by side.

Usage: python benchmarks/startup.py [--runs N]
Target (issue 2): sciship no slower than hatch.
"""

from __future__ import annotations

import argparse

from _common import ensure_bytecode, peers_venv, sciship_exe, table, time_command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    ensure_bytecode()
    peers = peers_venv("hatch")
    rows = [
        ("sciship --help", time_command([sciship_exe(), "--help"], runs=args.runs)),
        ("hatch --help", time_command([str(peers / "hatch"), "--help"], runs=args.runs)),
        ("sciship check --help", time_command([sciship_exe(), "check", "--help"], runs=args.runs)),
    ]
    print(table(rows, baseline="hatch --help"))


if __name__ == "__main__":
    main()
