"""Adopt real research folders and check the result as a user would; print a table.

    python benchmarks/adopt_real.py FOLDER [FOLDER ...]

For each folder: `sciship adopt --output` into a temporary folder, then pip-install the result into a fresh
virtual environment (which builds it), import every module (with the data folder out of reach, so an
import that runs the analysis fails), run every console command with --help, and run `sciship check`,
counting failures that do not need the author (license, project URLs and badges need the author).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tomllib

NEEDS_AUTHOR = {"LIC200", "LIC202", "PKG119", "RDM314"}


def sh(*cmd: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)


def one(folder: Path, work: Path) -> dict[str, object]:
    out = work / f"{folder.name}-package"
    t0 = time.perf_counter()
    adopted = sh(sys.executable, "-m", "sciship", "adopt", str(folder), "--output", str(out), "--yes")
    row: dict[str, object] = {"folder": folder.name, "adopt": adopted.returncode == 0}
    if adopted.returncode != 0:
        row["error"] = adopted.stderr.strip()[-300:]
        return row
    row["notes"] = adopted.stdout.count("\n  ") and adopted.stdout.split("What sciship could not do")[
        -1
    ].count("\n  ")
    meta = tomllib.loads((out / "pyproject.toml").read_text())
    row["deps"] = len(meta["project"].get("dependencies", []))
    venv = work / f"venv-{folder.name}"
    sh(sys.executable, "-m", "venv", str(venv))
    py = str(venv / "bin" / "python")
    inst = sh(py, "-m", "pip", "install", "-q", str(out))
    row["install"] = inst.returncode == 0
    if inst.returncode != 0:
        row["error"] = inst.stderr.strip()[-400:]
    pkg = next(p.name for p in (out / "src").iterdir() if p.is_dir())
    modules = sorted(
        ".".join(p.relative_to(out / "src").with_suffix("").parts).removesuffix(".__init__")
        for p in (out / "src").rglob("*.py")
    )
    ok_imports = 0
    for m in modules:
        r = sh(py, "-c", f"import {m}", cwd=work)
        ok_imports += r.returncode == 0 and r.stdout == ""
    row["imports"] = f"{ok_imports}/{len(modules)}"
    scripts = meta["project"].get("scripts", {})
    ok_help = sum(sh(str(venv / "bin" / cmd), "--help", cwd=work).returncode == 0 for cmd in scripts)
    row["--help"] = f"{ok_help}/{len(scripts)}"
    check = sh(sys.executable, "-m", "sciship", "check", str(out), "--format", "json")
    failed = [f["code"] for f in json.loads(check.stdout)["findings"] if f["status"] == "failed"]
    row["check: author"] = len([c for c in failed if c in NEEDS_AUTHOR])
    row["check: other"] = ",".join(c for c in failed if c not in NEEDS_AUTHOR) or "0"
    row["seconds"] = round(time.perf_counter() - t0)
    del pkg
    return row


def main(argv: list[str]) -> int:
    folders = [Path(a).resolve() for a in argv]
    with tempfile.TemporaryDirectory() as tmp:
        rows = [one(f, Path(tmp)) for f in folders]
    cols = [
        "folder",
        "adopt",
        "notes",
        "deps",
        "install",
        "imports",
        "--help",
        "check: author",
        "check: other",
        "seconds",
    ]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(str(r.get(c, "-")) for c in cols) + " |")
    for r in rows:
        if "error" in r:
            print(f"\n{r['folder']}: {r['error']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
