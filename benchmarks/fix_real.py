"""Does `sciship check --fix` leave real packages buildable? (issue 12, §6b)

For each package (local clones of reviewed packages, see ``/work/repos/pyos/INDEX.md``): copy it into a
temporary folder, build the sdist and the wheel with its own backend (``python -m build``, isolated),
run `sciship check --fix` as a user would, and build again. Prints one table: built before, what the fix
changed in pyproject.toml, which fixes sciship dropped to keep the build working, built after, built after
the same fixes with the backend rules switched off (what `--fix` did before), and why a build failed.
Whatever built before must still build.

Run: ``.venv/bin/python benchmarks/fix_real.py [--repos DIR ...] [--jobs 2] [NAME ...]`` (about 30
minutes). Needs the package index (each backend is installed into an isolated build environment). Timing
is not measured.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
REPOS = (Path("/work/repos/pyos"), Path("/work/repos/other"), Path("/work/repos/fixcheck"))
#: pure-Python packages with several backends: flit_core, hatchling, poetry-core, setuptools,
#: pdm-backend, uv_build, a setup.py-only one and one without [build-system]; many with the old license
#: table, some next to License classifiers (/work/repos/fixcheck holds two pdm-backend packages,
#: frostming/unearth and frostming/findpython)
DEFAULT = (
    "crowsetta", "lintquarto", "afscgap", "ncompare", "petrofit", "biocypher", "griffe", "cardsort",
    "jointly", "QuadratiK", "astartes", "movingpandas", "sciform", "rdata", "EOmaps", "ams",
    "harmonize-wq", "pandera", "findpython", "unearth", "automata", "nbless", "earthpy",
)


@dataclass
class Row:
    name: str
    backend: str = "-"
    before: str = "-"
    changes: str = "-"
    dropped: str = "-"
    after: str = "-"
    unguarded: str = "-"  #: built after a --fix whose backend rules were switched off
    why: str = ""


def sciship() -> str:
    return str(Path(sys.executable).parent / "sciship")


def build(root: Path, out: Path) -> tuple[bool, str]:
    cmd = [sys.executable, "-m", "build", "--outdir", str(out), str(root)]
    if shutil.which("uv") or (Path(sys.executable).parent / "uv").exists():
        cmd.insert(3, "--installer=uv")
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=900)
    except subprocess.TimeoutExpired:
        return False, "build timed out"
    if proc.returncode == 0:
        return True, ""
    noise = ("ERROR Backend subprocess exited", "Traceback", "File ", "raise ", "^")
    lines = [ln.strip() for ln in (proc.stdout + proc.stderr).splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.startswith(noise)]
    errors = [ln for ln in lines if re.search(r"error|refuse|invalid|must|not allowed", ln, re.IGNORECASE)]
    return False, (errors[-1] if errors else lines[-1] if lines else "failed")[:150]


def backend_of(root: Path) -> str:
    try:
        data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "setup.py" if (root / "setup.py").exists() else "none"
    bs = data.get("build-system", {})
    return str(bs.get("build-backend", "no build-backend")) if bs else "no [build-system]"


def pyproject_changes(before: str, after: str) -> str:
    if before == after:
        return "none"
    old = {ln.strip() for ln in before.splitlines()}
    new = [ln.strip() for ln in after.splitlines() if ln.strip() and ln.strip() not in old]
    kept = {ln.strip() for ln in after.splitlines()}
    gone = [ln.strip() for ln in before.splitlines() if ln.strip() and ln.strip() not in kept]
    parts = [f"+{ln}" for ln in new[:4]] + [f"-{ln}" for ln in gone[:3]]
    return "; ".join(parts)[:160]


#: `sciship check --fix` with the backend rules switched off: what the fixes did before issue 12, §6b
UNGUARDED = (
    "import sys\nimport sciship.checks.fix as fix\nfix._keep_the_build = lambda *args: None\n"
    "from sciship.cli import main\nsys.exit(main(sys.argv[1:]))"
)
ENV = {"NO_COLOR": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "COLUMNS": "400"}


def unguarded(source: Path, tmp: Path) -> str:
    root = tmp / "unguarded" / source.name
    shutil.copytree(source, root, symlinks=True)
    subprocess.run([sys.executable, "-c", UNGUARDED, "check", "--fix", str(root)], capture_output=True,
                   check=False, env={**os.environ, **ENV})
    ok, why = build(root, tmp / "unguarded-dist")
    return "yes" if ok else f"no: {why[:70]}"


def one(name: str, source: Path, *, compare: bool = True) -> Row:
    row = Row(name)
    with tempfile.TemporaryDirectory(prefix=f"fix-real-{name}-") as tmp:
        root = Path(tmp) / name
        # a copy of the work tree with its git folder (versions may come from git tags); the clones may
        # lack a few large blobs, so `git clone` could not check them out
        shutil.copytree(source, root, symlinks=True)
        row.backend = backend_of(root)
        ok, why = build(root, Path(tmp) / "before")
        row.before = "yes" if ok else "no"
        if not ok:
            row.why = f"before: {why}"
        pyproject = root / "pyproject.toml"
        text_before = pyproject.read_text(encoding="utf-8") if pyproject.is_file() else ""
        proc = subprocess.run([sciship(), "check", "--fix", str(root)], capture_output=True, text=True,
                              check=False, env={**os.environ, **ENV})
        notes = re.findall(r"Not fixed: ([A-Z]+\d+): the fix would stop the build", proc.stdout + proc.stderr)
        row.dropped = ", ".join(notes) or "none"
        if "Traceback" in proc.stdout + proc.stderr:
            row.why += " sciship printed a traceback"
        text_after = pyproject.read_text(encoding="utf-8") if pyproject.is_file() else ""
        row.changes = pyproject_changes(text_before, text_after)
        ok_after, why_after = build(root, Path(tmp) / "after")
        row.after = "yes" if ok_after else "no"
        if not ok_after and ok:
            row.why = f"after: {why_after}"
        if compare and ok and row.changes != "none":
            row.unguarded = unguarded(source, Path(tmp))
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=list(DEFAULT))
    parser.add_argument("--repos", nargs="*", type=Path, default=list(REPOS))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-compare", action="store_true", help="skip the build without the backend rules")
    args = parser.parse_args()
    sources = {}
    for name in args.names:
        found = next((d / name for d in args.repos if (d / name / ".git").exists()), None)
        if found is None:
            print(f"skipped {name}: no clone under {', '.join(map(str, args.repos))}", file=sys.stderr)
            continue
        sources[name] = found
    with ThreadPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(lambda item: one(*item, compare=not args.no_compare), sources.items()))
    print("| package | backend | built before | pyproject.toml changes by --fix | fixes dropped "
          "| built after | without the backend rules | why |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        cells = (r.name, r.backend, r.before, r.changes, r.dropped, r.after, r.unguarded, r.why)
        print("| " + " | ".join(cells) + " |")
    broken = [r.name for r in rows if r.before == "yes" and r.after != "yes"]
    unguarded_broken = [r.name for r in rows if r.unguarded.startswith("no")]
    print(f"\n{len(rows)} packages; built before: {sum(r.before == 'yes' for r in rows)}; "
          f"still built after --fix: {sum(r.before == 'yes' and r.after == 'yes' for r in rows)}; "
          f"broken by --fix: {', '.join(broken) or 'none'}; broken by --fix without the backend rules: "
          f"{', '.join(unguarded_broken) or 'none'}.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
