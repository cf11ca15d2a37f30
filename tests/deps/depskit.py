"""Helpers for the dependency tests: small in-memory projects."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sciship.imports import DependencyVerdict, DepsReport, analyze
from sciship.project import Project


def pyproject(
    deps: list[str] | None = None,
    *,
    extras: str = "",
    groups: str = "",
    rp: str = ">=3.10",
    comment: str = "",
) -> str:
    lines = ",\n".join(f'  "{d}",'[:-1] for d in (deps or []))
    body = f"[\n{lines},\n]" if deps else "[]"
    return (
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n'
        f'[project]\nname = "rain"\nversion = "0.1.0"\nrequires-python = "{rp}"\n{comment}'
        f"dependencies = {body}\n{extras}{groups}"
    )


def on_disk(tmp_path: Path, files: Mapping[str, str | bytes]) -> Project:
    """The project written to ``tmp_path/proj`` and loaded from there (for plans, which read the disk)."""
    root = tmp_path / "proj"
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return Project.load(root)


def report(files: Mapping[str, str | bytes]) -> DepsReport:
    return analyze(Project.from_files(files), cache=False)


def verdicts(files: Mapping[str, str | bytes]) -> dict[str, DependencyVerdict]:
    return {v.name: v for v in report(files).dependencies}
