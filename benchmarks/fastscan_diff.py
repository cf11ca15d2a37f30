"""The scanner's fast path against the full ``ast`` scan, file by file.

Usage: python benchmarks/fastscan_diff.py FOLDER [FOLDER ...]

Runs both over every ``.py`` file under the folders, prints every file where their results differ
(there must be none), how many files the fast path accepted, and the time each path took.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

from sciship.imports import scan


def files_under(folders: list[Path]) -> list[tuple[str, str]]:
    out = []
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            if ".git" in path.parts or not path.is_file():
                continue
            try:
                out.append((str(path), path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    items = files_under(args.folders)
    gc.disable()
    start = time.process_time()
    full = [scan.scan_source_ast(text, path) for path, text in items]
    t_full = time.process_time() - start
    start = time.process_time()
    fast_only = [scan._fast_scan(text, path) for path, text in items]
    t_fast_only = time.process_time() - start
    start = time.process_time()
    nocheck = [scan.scan_source(text, path, check_syntax=False) for path, text in items]
    t_nocheck = time.process_time() - start
    start = time.process_time()
    checked = [scan.scan_source(text, path) for path, text in items]
    t_checked = time.process_time() - start
    mismatches = 0
    for (path, _), a, b, c, d in zip(items, full, fast_only, nocheck, checked, strict=True):
        if b is not None and a.problem is None and b != a:
            mismatches += 1
            print(f"MISMATCH {path}")
            for x, y in zip(a.imports, b.imports, strict=False):
                if x != y:
                    print(f"   ast:  {x}\n   fast: {y}")
                    break
            if len(a.imports) != len(b.imports):
                print(f"   {len(a.imports)} imports (ast) vs {len(b.imports)} (fast)")
        if d != a:
            mismatches += 1
            print(f"MISMATCH (scan_source) {path}")
        if c != a and a.problem is None:
            mismatches += 1
            print(f"MISMATCH (check_syntax=False) {path}")
        if a.problem is not None and b is not None:
            print(f"not parseable, accepted by the fast path: {path}: {a.problem.message[:80]}")
    accepted = sum(1 for b in fast_only if b is not None)
    size = sum(len(t) for _, t in items) / 1e6
    print(f"\n{len(items)} files ({size:.1f} MB); fast path accepted {accepted}; mismatches: {mismatches}")
    print("| path | CPU seconds |\n|---|---|")
    print(f"| full ast scan | {t_full:.3f} |")
    print(f"| fast path alone (None for {len(items) - accepted} files) | {t_fast_only:.3f} |")
    print(f"| scan_source(check_syntax=False) | {t_nocheck:.3f} |")
    print(f"| scan_source() (syntax checked) | {t_checked:.3f} |")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
