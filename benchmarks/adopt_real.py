"""Adopt real research folders and check the result as a user would; print a table.

    python benchmarks/adopt_real.py [--analysis-env LIB,LIB,...] FOLDER [FOLDER ...]

For each folder: `sciship adopt --output` into a temporary folder, build the wheel (`python -m build`),
install it with its dependencies into a fresh virtual environment, import every module from an empty
folder (an import that runs the analysis fails there, prints, or writes files), run every console
command with --help, and run `sciship check`, counting failures that need the author (license, project
URLs) apart from the others.

sciship names a dependency only when it knows the package: installed where sciship runs, in its
curated import map, or declared in a requirements/environment file. By default adopt runs in
sciship's own environment, which has none of the researcher's libraries. `--analysis-env numpy,scipy`
instead runs it the way a researcher would: inside an environment where the scripts' libraries are
installed (a fresh venv with sciship and those libraries).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tomllib

REPO = Path(__file__).resolve().parents[1]


def sh(*cmd: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, check=False)


def analysis_env(work: Path, libraries: list[str]) -> Path:
    """A venv with sciship and the researcher's libraries; returns its python."""
    env = work / "analysis-env"
    sh(sys.executable, "-m", "venv", env)
    py = env / "bin" / "python"
    done = sh(py, "-m", "pip", "install", "-q", str(REPO), *libraries)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    return py


def one(folder: Path, work: Path, sciship_python: Path) -> dict[str, object]:
    out = work / f"{folder.name}-package"
    t0 = time.perf_counter()
    adopted = sh(sciship_python, "-m", "sciship", "adopt", folder, "--output", out, "--yes")
    row: dict[str, object] = {"folder": folder.name, "adopt": "yes" if adopted.returncode == 0 else "no"}
    if adopted.returncode != 0:
        row["error"] = adopted.stderr.strip()[-300:]
        return row
    text = adopted.stdout
    row["notes"] = text.split("What sciship could not do")[-1].count("\n  ") if "could not do" in text else 0
    row["unresolved"] = text.count("needs you:")
    meta = tomllib.loads((out / "pyproject.toml").read_text())
    row["deps"] = len(meta["project"].get("dependencies", []))
    built = sh(sys.executable, "-m", "build", "--wheel", "--outdir", work / f"dist-{folder.name}", out)
    row["build"] = "yes" if built.returncode == 0 else "no"
    if built.returncode != 0:
        row["error"] = built.stderr.strip()[-400:]
        return row
    venv = work / f"venv-{folder.name}"
    sh(sys.executable, "-m", "venv", venv)
    py = venv / "bin" / "python"
    wheel = next((work / f"dist-{folder.name}").glob("*.whl"))
    inst = sh(py, "-m", "pip", "install", "-q", wheel)
    row["install"] = "yes" if inst.returncode == 0 else "no"
    if inst.returncode != 0:
        row["error"] = inst.stderr.strip()[-400:]
    modules = sorted(
        ".".join(p.relative_to(out / "src").with_suffix("").parts).removesuffix(".__init__")
        for p in (out / "src").rglob("*.py")
    )
    empty = work / f"empty-{folder.name}"
    empty.mkdir()
    ok_imports, failed = 0, []
    for m in modules:
        r = sh(py, "-c", f"import {m}", cwd=empty)
        if r.returncode == 0 and r.stdout == "" and not any(empty.iterdir()):
            ok_imports += 1
        else:
            failed.append(f"{m}: {(r.stderr.strip().splitlines() or ['output or files'])[-1]}")
    row["imports"] = f"{ok_imports}/{len(modules)}"
    if failed:
        row["import errors"] = failed
    scripts = meta["project"].get("scripts", {})
    ok_help = sum(sh(venv / "bin" / cmd, "--help", cwd=empty).returncode == 0 for cmd in scripts)
    row["--help"] = f"{ok_help}/{len(scripts)}"
    check = sh(sciship_python, "-m", "sciship", "check", out, "--format", "json")
    failed_checks = [f for f in json.loads(check.stdout)["findings"] if f["status"] == "failed"]
    row["check: needs author"] = ",".join(f["code"] for f in failed_checks if f["needs_author"]) or "0"
    row["check: other"] = ",".join(f["code"] for f in failed_checks if not f["needs_author"]) or "0"
    row["seconds"] = round(time.perf_counter() - t0)
    return row


COLUMNS = [
    "folder",
    "adopt",
    "notes",
    "unresolved",
    "deps",
    "build",
    "install",
    "imports",
    "--help",
    "check: needs author",
    "check: other",
    "seconds",
]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument(
        "--analysis-env", metavar="LIB,LIB", help="run adopt where these libraries are installed"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        python = (
            analysis_env(work, args.analysis_env.split(",")) if args.analysis_env else Path(sys.executable)
        )
        rows = [one(f.resolve(), work, python) for f in args.folders]
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for r in rows:
        print("| " + " | ".join(str(r.get(c, "-")) for c in COLUMNS) + " |")
    for r in rows:
        errors = r.get("import errors", [])
        for line in errors if isinstance(errors, list) else []:
            print(f"{r['folder']}: {line}")
        if "error" in r:
            print(f"\n{r['folder']}: {r['error']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
