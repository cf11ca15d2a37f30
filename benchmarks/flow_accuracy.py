"""Are the data flow's problems true? SHR110 (missing input), SHR111 (absolute path) and SHR112 (path leaving
the folder) on real research folders and pyOpenSci packages, compared with verdicts made by hand.

Usage::

    python benchmarks/flow_accuracy.py [--research DIR] [--pyos DIR] [--only NAME ...] [--list]

``--research`` (default ``/work/repos/research``) holds clones of research repositories named
``owner__name``; ``--pyos`` (default ``/work/repos/pyos``) clones of packages accepted by pyOpenSci, whose
``examples/``, ``docs/`` and ``paper/`` scripts and notebooks have a data flow too; ``sciship-self`` is this
repository. The verdicts (``benchmarks/data/flow_verdicts.csv``) were made by reading each problem's code
and the folder's files: ``true`` or ``false``, and why. A problem is keyed by (repository, code, step,
line, the path it names).

The script traces every folder (``sciship.flow.trace``, no cache) and classifies each problem: **true**,
**false**, or **unjudged** (no verdict yet: check it by hand and add a row); **dropped** lists problems
recorded as true that are no longer reported (a fix that lost a real finding). A true SHR110 whose file
is only "absent from this clone" is true for that folder (the fetched snapshot lacked the file's blob).
Nothing is asserted: the script prints tables.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
CODES = ("SHR110", "SHR111", "SHR112")


def _key(repo: str, code: str, step: str, line: int | None, message: str) -> tuple[str, str, str, str, str]:
    named = re.findall(r"`([^`]+)`", message)
    return (repo, code, step, str(line or ""), named[1] if len(named) > 1 else "")


def _folders(research: Path, pyos: Path, names: set[str]) -> dict[str, Path]:
    out = {"sciship-self": HERE.parent}
    for base in (research, pyos):
        if base.is_dir():
            out.update(
                {p.name: p for p in sorted(base.iterdir()) if p.is_dir() and not p.name.startswith(".")}
            )
    return {k: v for k, v in out.items() if k in names} if names else out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--research", type=Path, default=Path("/work/repos/research"))
    parser.add_argument("--pyos", type=Path, default=Path("/work/repos/pyos"))
    parser.add_argument("--verdicts", type=Path, default=HERE / "data" / "flow_verdicts.csv")
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--list", action="store_true", help="also list every false and unjudged problem")
    args = parser.parse_args(argv)

    from sciship.flow import trace
    from sciship.project import Project

    with args.verdicts.open(newline="", encoding="utf-8") as fh:
        verdicts = {
            (r["repo"], r["code"], r["step"], r["line"], r["path"]): (r["verdict"], r["why"])
            for r in csv.DictReader(fh)
        }
    folders = _folders(args.research, args.pyos, set(args.only))
    seen: set[tuple[str, ...]] = set()
    counts: Counter[tuple[str, str]] = Counter()
    listed: list[tuple[str, tuple[str, ...], str]] = []
    for repo, folder in folders.items():
        flow = trace(Project.load(folder), cache=False)
        for p in flow.problems:
            if p.code not in CODES:
                continue
            key = _key(repo, p.code, p.path, p.line, p.message)
            seen.add(key)
            verdict, why = verdicts.get(key, ("unjudged", p.message))
            counts[(p.code, verdict)] += 1
            if verdict != "true":
                listed.append((verdict, key, why))
    dropped = [k for k, (v, _) in verdicts.items() if v == "true" and k[0] in folders and k not in seen]

    print(f"{len(folders)} folders traced\n")
    print("| code | problems | true | false | unjudged | true share |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for code in (*CODES, "all"):
        pick = [c for c in CODES if code in {c, "all"}]
        t, f, u = (sum(counts[(c, v)] for c in pick) for v in ("true", "false", "unjudged"))
        share = f"{100 * t / (t + f + u):.0f}%" if t + f + u else "-"
        print(f"| {code} | {t + f + u} | {t} | {f} | {u} | {share} |")
    print(f"\ndropped (recorded true, no longer reported): {len(dropped)}")
    for k in dropped:
        print(f"  {' '.join(k)}")
    if args.list:
        print("\nfalse and unjudged:")
        for verdict, key, why in sorted(listed):
            print(f"  {verdict:9} {key[0]} {key[1]} {key[2]}:{key[3]} `{key[4]}`: {why[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
