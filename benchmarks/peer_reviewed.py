"""False alarms of `sciship check` on packages that passed pyOpenSci peer review (issue 12, §4).

Usage::

    python benchmarks/peer_reviewed.py [CLONES] [--verdicts FILE] [--only NAME ...] [--list]

``CLONES`` (default ``/work/repos/pyos``) holds one clone per package, named as in the ``package`` column of
the verdict file (``benchmarks/data/peer_reviewed_verdicts.csv``). The verdicts were made by hand: every
failed ``blocker`` and ``important`` finding of a run was checked against the package's real files (and,
for "cannot build" claims, by building it). Each row says what the finding is and the severity it deserves:

* ``verdict`` - ``true``, ``false`` or ``wrong-severity`` at the severity it was reported with;
* ``right_severity`` - ``blocker``, ``important``, ``polish``, or ``none`` for a false alarm.

The script reruns ``sciship check --format json`` on every clone and classifies each failed blocker or
important finding by (package, code): **true** when it is reported at its right severity, **wrong-severity**
when the problem is real but reported at another one, **false** when the recorded verdict says it is not
real, **unverified** when no verdict exists for it (a new finding: check it by hand and add a row). It also
lists **dropped** findings: recorded as true but no longer reported at all (a fix that lost a real finding).

Targets (issue 12): at least 95% of failed blocker and important findings true; every failed blocker true;
no check below 90%. Nothing is asserted: the script prints tables.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
#: a finding whose problem another check reports now (after a check was split or renamed): the recorded
#: verdict is not "dropped" when one of these codes fails for the same package
COVERED_BY: dict[str, frozenset[str]] = {
    "LIC204": frozenset({"LIC200", "LIC201"}),  # a license stated only by classifiers is LIC200's now
    "LIC200": frozenset({"LIC201", "LIC206"}),
    "LIC201": frozenset({"LIC200"}),
    "PKG100": frozenset({"PKG105"}),
    "PKG110": frozenset({"PKG105"}),
    "PKG102": frozenset({"PKG104"}),
    "COM603": frozenset({"COM606"}),
}
#: the same for one package's finding, when the other code is not a general successor: ams' undeclared
#: texttable was DEP905 (unmatched) before sciship read andes' requirements; it is DEP907 ("works today
#: through andes") now
COVERED_IN: dict[tuple[str, str], frozenset[str]] = {
    ("ams", "DEP905"): frozenset({"DEP907"}),
}
VERDICTS = HERE / "data" / "peer_reviewed_verdicts.csv"
SERIOUS = ("blocker", "important")


@dataclass(frozen=True)
class Verdict:
    package: str
    code: str
    severity: str
    verdict: str
    right_severity: str
    commit: str
    reason: str


def load_verdicts(path: Path) -> dict[tuple[str, str], Verdict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {
            (r["package"], r["code"]): Verdict(
                r["package"],
                r["code"],
                r["severity"],
                r["verdict"],
                r["right_severity"],
                r["commit"],
                r["reason"],
            )
            for r in csv.DictReader(fh)
        }


def sciship_exe() -> str:
    exe = Path(sys.executable).with_name("sciship")
    return str(exe) if exe.exists() else "sciship"


def run_check(folder: Path) -> list[dict[str, object]]:
    proc = subprocess.run(
        [sciship_exe(), "check", str(folder), "--format", "json", "--fail-on", "never"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        print(f"! {folder.name}: sciship check gave no JSON (exit {proc.returncode}): {proc.stderr[-300:]}")
        return []
    return [f for f in data["findings"] if f["status"] == "failed"]


def head(folder: Path) -> str:
    proc = subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
    )
    return proc.stdout.strip()


def classify(finding: dict[str, object], recorded: Verdict | None) -> str:
    if recorded is None:
        return "unverified"
    if recorded.right_severity == "none":
        return "false"
    return "true" if finding["severity"] == recorded.right_severity else "wrong-severity"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("clones", nargs="?", default="/work/repos/pyos", type=Path)
    parser.add_argument("--verdicts", default=VERDICTS, type=Path)
    parser.add_argument("--only", nargs="*", default=None, help="package folders to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list every classified finding")
    args = parser.parse_args(argv)

    verdicts = load_verdicts(args.verdicts)
    cloned = {p.name for p in args.clones.iterdir() if p.is_dir()}
    packages = sorted({v.package for v in verdicts.values()} | cloned)
    if args.only:
        packages = [p for p in packages if p in set(args.only)]
    per_check: dict[str, Counter[str]] = defaultdict(Counter)
    severity_of: dict[str, str] = {}
    blockers: Counter[str] = Counter()
    listing: list[str] = []
    unverified: list[str] = []
    seen: set[tuple[str, str]] = set()
    ran: set[str] = set()
    for name in packages:
        folder = args.clones / name
        if not folder.is_dir():
            print(f"! {name}: no clone at {folder}")
            continue
        ran.add(name)
        recorded_commits = {v.commit for v in verdicts.values() if v.package == name}
        if recorded_commits and head(folder) not in recorded_commits:
            recorded = min(recorded_commits)[:12]
            print(f"! {name}: the clone is at {head(folder)[:12]}, the verdicts are for {recorded}")
        for f in run_check(folder):
            if f["severity"] not in SERIOUS:
                continue
            code = str(f["code"])
            seen.add((name, code))
            kind = classify(f, verdicts.get((name, code)))
            per_check[code][kind] += 1
            severity_of[code] = str(f["severity"])
            if f["severity"] == "blocker":
                blockers[kind] += 1
            line = f"{kind:14} {code:7} {f['severity']:9} {name}: {str(f['message'])[:150]}"
            listing.append(line)
            if kind == "unverified":
                unverified.append(line)
    dropped = [
        v
        for key, v in sorted(verdicts.items())
        if v.package in ran
        and key not in seen
        and v.verdict == "true"
        and v.right_severity in SERIOUS
        and not any(
            (v.package, other) in seen
            for other in COVERED_BY.get(v.code, frozenset()) | COVERED_IN.get(key, frozenset())
        )
    ]

    kinds = ("true", "false", "wrong-severity", "unverified")
    print(f"\n{len(ran)} packages. Failed blocker and important findings per check:\n")
    print("| check | severity | true | false | wrong-severity | unverified | true % |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    total: Counter[str] = Counter()
    below: list[str] = []
    for code in sorted(per_check):
        c = per_check[code]
        total.update(c)
        judged = c["true"] + c["false"] + c["wrong-severity"]
        share = 100 * c["true"] / judged if judged else 100.0
        if share < 90:
            below.append(code)
        counts = " | ".join(str(c[k]) for k in kinds)
        print(f"| {code} | {severity_of[code]} | {counts} | {share:.0f} |")
    judged = total["true"] + total["false"] + total["wrong-severity"]
    share = 100 * total["true"] / judged if judged else 100.0
    print("| **all** | | " + " | ".join(f"**{total[k]}**" for k in kinds) + f" | **{share:.1f}** |")
    rest: Counter[str] = Counter()
    for code, c in per_check.items():
        if not code.startswith("DEP"):
            rest.update(c)
    rest_judged = rest["true"] + rest["false"] + rest["wrong-severity"]
    if rest_judged != judged:
        rest_share = 100 * rest["true"] / rest_judged if rest_judged else 100.0
        print(f"| without DEP (the dependency engine's checks) | | {rest['true']} | {rest['false']} | "
              f"{rest['wrong-severity']} | {rest['unverified']} | {rest_share:.1f} |")
    b_judged = blockers["true"] + blockers["false"] + blockers["wrong-severity"]
    print("\nTargets:")
    print(f"- failed blocker + important findings true: {share:.1f}% (target >= 95%)")
    print(f"- failed blockers true: {blockers['true']} of {b_judged} (target: all)")
    print(f"- checks below 90% true: {', '.join(below) or 'none'}")
    print(f"- findings recorded as true and no longer reported: {len(dropped)}")
    for v in dropped:
        print(f"    {v.code} {v.package}: {v.reason}")
    if unverified:
        print(f"\n{len(unverified)} new findings have no verdict yet (check them by hand and add rows):")
        print("\n".join("    " + u for u in unverified))
    if args.list:
        print("\n" + "\n".join(sorted(listing)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
