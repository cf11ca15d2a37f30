"""Release: build a package, look inside what was built, prove it installs and imports in a fresh
environment (``build``), then upload it (:mod:`~sciship.release.publish`).

``build(root)`` never prints: it returns a :class:`BuildResult` (steps with status, time and message) and
tells an optional ``progress`` callback when each step starts and ends.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from sciship.release._env import find_uv
from sciship.release._model import BuildResult, Step, StepEvent

__all__ = ["BuildResult", "Step", "StepEvent", "build", "find_uv"]


def build(
    project_root: str | Path,
    *,
    smoke: bool = True,
    progress: Callable[[StepEvent], None] | None = None,
    outdir: str | Path | None = None,
    use_uv: bool | None = None,
) -> BuildResult:
    """Build the sdist and wheel into ``<root>/dist`` (or ``outdir``), verify them and smoke-test the wheel.

    ``use_uv``: None picks uv when it is installed; False forces venv + pip.
    """
    from sciship.project import Project
    from sciship.release import _build, _smoke, _verify
    from sciship.release._model import Recorder

    start = time.perf_counter()
    project = Project.load(project_root)
    _preflight(project)
    root = project.root
    out = Path(outdir) if outdir is not None else root / "dist"
    uv = find_uv() if use_uv is not False else None
    rec = Recorder(progress)

    sdist, wheel = _build.build_dists(root, out, rec, uv=uv)
    if wheel is not None:
        with rec.step("metadata", "Check the metadata") as note:
            note.append(_verify.check_metadata(wheel))
        with rec.step("readme", "Render the README as PyPI will") as note:
            note.append(_verify.check_readme(wheel, project))
        with rec.step("wheel-contents", "Check what the wheel holds") as note:
            note.append(_verify.check_wheel_contents(wheel, project))
    if sdist is not None:
        with rec.step("sdist-contents", "Check what the sdist holds") as note:
            note.append(_verify.check_sdist_contents(sdist, project))
    if wheel is not None and smoke:
        _smoke.smoke(wheel, rec, uv=uv, source_of=_verify.expected_wheel_files(project))
    return BuildResult(root, tuple(rec.steps), sdist, wheel, time.perf_counter() - start)


def _preflight(project: object) -> None:
    """Stop with a plain message before the backend would stop with its own traceback.

    Raises :class:`~sciship._errors.InputError` when pyproject.toml cannot be read, or when the README it
    declares is not UTF-8 text (every backend reads it as UTF-8).
    """
    from sciship._errors import InputError
    from sciship.project import Project

    if not isinstance(project, Project):  # pragma: no cover - programming error
        raise TypeError("_preflight() needs a Project")
    project.require_readable_pyproject("until it can, no build backend can build the package")
    readme = project.metadata.get("readme")
    path = readme.get("file") if isinstance(readme, dict) else readme
    if isinstance(path, str) and project.has(path) and project.read_text(path) is None:
        problem = next((p for p in project.problems if p.path == path), None)
        raise InputError(
            f"`{path}`, the README pyproject.toml names, is not UTF-8 text, and build backends read it as "
            "UTF-8: the build would stop.",
            hint="Save it as UTF-8 (most editors have an 'encoding' option when saving) and build again.",
            path=str(project.root / path),
            line=problem.line if problem else None,
        )
