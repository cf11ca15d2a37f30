"""What `sciship deps` says about folders of research code (scripts and notebooks, often no packaging).

Usage::

    python benchmarks/deps_research.py FOLDER [FOLDER ...]
    python benchmarks/deps_research.py --fetch-dir /work/repos/research

Prints one Markdown row per folder (how many distributions got each status) and then every row a person
should look at: unresolved imports (with "did you mean"), imports that only work through another
dependency, aliases, and distributions still called missing. Nothing is asserted: judging whether an
answer is right stays a person's job (the counts in issue 12's closing note were made from this output).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from sciship.imports import analyze
from sciship.project import Project

STATUSES = (
    "ok",
    "missing",
    "indirect",
    "alias",
    "unused",
    "misplaced",
    "optional",
    "unverified",
    "unresolved",
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--fetch-dir", type=Path, help="a folder whose sub-folders are research folders")
    args = parser.parse_args(argv)
    folders = list(args.folders)
    if args.fetch_dir:
        folders += sorted(p for p in args.fetch_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not folders:
        parser.error("give folders or --fetch-dir")
    print("| folder | packaged | files | " + " | ".join(STATUSES) + " |")
    print("|---|---|---:|" + "---:|" * len(STATUSES))
    details: list[str] = []
    for folder in folders:
        report = analyze(Project.load(folder), cache=False)
        counts = Counter(v.status for v in report.dependencies)
        cells = " | ".join(str(counts.get(s, 0)) for s in STATUSES)
        print(f"| {folder.name} | {'yes' if report.packaged else 'no'} | {report.files_scanned} | {cells} |")
        for v in report.dependencies:
            if v.status in {"unresolved", "indirect", "alias", "missing", "unverified"}:
                site = v.first_site
                where = f"{site.path}:{site.line}" if site is not None else "-"
                details.append(f"- {folder.name}: `{v.name}` {v.status} ({where}) {v.note or ''}".rstrip())
    print()
    print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
