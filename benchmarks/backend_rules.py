"""Verify, by really building, the build-backend facts in ``sciship.metadata.backends``.

For each common backend, at the last version before PEP 639 support, the first version with it and the
newest, build the sdist and the wheel of a tiny package whose metadata is written in each of the ways
`sciship check --fix` could leave it: the license as the old table, an SPDX expression, an expression next
to a License classifier, ``license-files`` with either; a key both static and ``dynamic``; a ``[project]``
table with one key next to metadata kept elsewhere. Prints one table: which backend version accepts
which form, and the first line of the error when it refuses. Then compares each cell with what
``sciship.metadata.backends`` predicts and prints the disagreements (there should be none).

Needs the package index (each backend version is installed into its own isolated build environment).
Run: ``.venv/bin/python benchmarks/backend_rules.py [--jobs 2]`` (about five minutes).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sciship.metadata import backends

#: backend -> (requirement name, build-backend, versions to try: None is the newest)
BACKENDS: dict[str, tuple[str, str, tuple[str | None, ...]]] = {
    "setuptools": ("setuptools", "setuptools.build_meta", ("76.1.0", "77.0.3", None)),
    "flit_core": ("flit_core", "flit_core.buildapi", ("3.10.1", "3.11.0", None)),
    "hatchling": ("hatchling", "hatchling.build", ("1.25.0", "1.26.0", None)),
    "pdm-backend": ("pdm-backend", "pdm.backend", ("2.3.3", "2.4.0", "2.4.10", None)),
    "poetry-core": ("poetry-core", "poetry.core.masonry.api", ("1.9.1", "2.1.3", "2.2.0", None)),
    "uv_build": ("uv_build", "uv_build", ("0.7.2", None)),
}
CLASSIFIER = "License :: OSI Approved :: MIT License"
#: scenario -> what [project] holds besides name, version, description, readme and requires-python
SCENARIOS: dict[str, str] = {
    "table": f'license = {{ text = "MIT" }}\nclassifiers = ["{CLASSIFIER}"]\n',
    "expression": 'license = "MIT"\n',
    "expression+classifier": f'license = "MIT"\nclassifiers = ["{CLASSIFIER}"]\n',
    "expression+license-files": 'license = "MIT"\nlicense-files = ["LICENSE"]\n',
    "table+license-files": 'license = { text = "MIT" }\nlicense-files = ["LICENSE"]\n',
    "dynamic+static": 'dynamic = ["dependencies"]\ndependencies = ["packaging"]\n',
    # metadata kept in the backend's own table (or setup.cfg), and a [project] table with one key only,
    # as a fix that adds `requires-python` to a project without [project] would leave it
    "partial-project": "",
}
#: the backend's own place for metadata, for "partial-project"
LEGACY: dict[str, tuple[str, str]] = {
    "setuptools": (
        "setup.cfg",
        (
            "[metadata]\nname = demo\nversion = 0.1.0\n\n[options]\npackage_dir =\n    = src\n"
            "packages = find:\n\n[options.packages.find]\nwhere = src\n"
        ),
    ),
    "poetry-core": (
        "pyproject.toml",
        (
            '[tool.poetry]\nname = "demo"\nversion = "0.1.0"\ndescription = "A demo."\n'
            'authors = ["Ada <ada@example.org>"]\npackages = [{ include = "demo", from = "src" }]\n'
        ),
    ),
    "flit_core": ("pyproject.toml", '[tool.flit.metadata]\nmodule = "demo"\nauthor = "Ada"\n'),
}


def project(root: Path, requirement: str, backend: str, scenario: str, name: str) -> None:
    (root / "src" / "demo").mkdir(parents=True)
    (root / "src" / "demo" / "__init__.py").write_text('"""A demo."""\n\n__version__ = "0.1.0"\n',
                                                      encoding="utf-8")
    (root / "README.md").write_text("# demo\n\nA demo package.\n", encoding="utf-8")
    (root / "LICENSE").write_text("MIT License\n\nCopyright (c) 2025 Ada\n", encoding="utf-8")
    head = f'[build-system]\nrequires = ["{requirement}"]\nbuild-backend = "{backend}"\n\n'
    if scenario == "partial-project":
        where, legacy = LEGACY.get(name, ("", ""))
        text = head + '[project]\nrequires-python = ">=3.9"\n'
        if where == "pyproject.toml":
            text += "\n" + legacy
        elif where:
            (root / where).write_text(legacy, encoding="utf-8")
    else:
        text = (head + '[project]\nname = "demo"\nversion = "0.1.0"\ndescription = "A demo."\n'
                f'readme = "README.md"\nrequires-python = ">=3.9"\n{SCENARIOS[scenario]}')
    (root / "pyproject.toml").write_text(text, encoding="utf-8")


def build(requirement: str, backend: str, scenario: str, name: str) -> str:
    """"ok", or the first line of the backend's error."""
    with tempfile.TemporaryDirectory(prefix="backend-rules-") as tmp:
        root = Path(tmp) / "demo"
        project(root, requirement, backend, scenario, name)
        cmd = [sys.executable, "-m", "build", "--outdir", str(Path(tmp) / "dist"), str(root)]
        if shutil.which("uv") or (Path(sys.executable).parent / "uv").exists():
            cmd.insert(3, "--installer=uv")
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=600)
        if proc.returncode == 0:
            return "ok"
        return _error_line(proc.stdout + proc.stderr)


_NOISE = re.compile(r"^(Traceback|\s+File |\s+\^|ERROR Backend subprocess exited|\*|$)")


def _error_line(log: str) -> str:
    lines = [ln.strip() for ln in log.splitlines() if ln.strip() and not _NOISE.match(ln)]
    for ln in reversed(lines):
        if re.search(r"error|invalid|must|deprecated|not allowed|superseded|unsupported", ln, re.IGNORECASE):
            return ln[:160]
    return (lines[-1] if lines else "failed")[:160]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    cells: list[tuple[str, str, str, str]] = []
    jobs = []
    with ThreadPoolExecutor(args.jobs) as pool:
        for name, (dist, backend, versions) in BACKENDS.items():
            for version in versions:
                requirement = dist if version is None else f"{dist}=={version}"
                for scenario in SCENARIOS:
                    future = pool.submit(build, requirement, backend, scenario, name)
                    jobs.append((name, version or "newest", scenario, future))
        for name, version, scenario, future in jobs:
            cells.append((name, version, scenario, future.result()))
    width = max(len(s) for s in SCENARIOS)
    print(f"{'backend':<12} {'version':<8} {'scenario':<{width}}  result")
    for name, version, scenario, result in cells:
        print(f"{name:<12} {version:<8} {scenario:<{width}}  {result}")
    print()
    wrong = 0
    for name, version, scenario, result in cells:
        predicted = backends.accepts(name, None if version == "newest" else version, scenario)
        if predicted is None:
            continue
        if predicted != (result == "ok"):
            wrong += 1
            print(f"DISAGREES: {name} {version} {scenario}: sciship predicts "
                  f"{'ok' if predicted else 'refused'}, the build says {result}")
    print(f"{len(cells)} builds, {wrong} disagreement(s) with sciship.metadata.backends.")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
