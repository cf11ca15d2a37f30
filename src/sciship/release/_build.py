"""Build the sdist and the wheel through the PEP 517 interface, in one isolated environment.

The wheel is built from the unpacked sdist, as pip does when it installs from source: a file the sdist
forgot then breaks the build here instead of on a user's machine.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sciship.release._env import run
from sciship.release._model import Recorder, fail, tail

BACKEND_HINT = (
    "The lines below come from your build backend (the tool named in `[build-system]` of pyproject.toml); "
    "the last ones usually name the file or setting it stumbled on. Fix that and run `sciship build` again."
)


class _Runner:
    """Runs backend hooks in a subprocess and keeps their output, so failures can show it."""

    def __init__(self) -> None:
        self.log: list[str] = []

    def __call__(
        self, cmd: Sequence[str], cwd: str | None = None, extra_environ: Mapping[str, str] | None = None
    ) -> None:
        env = {**os.environ, **(extra_environ or {})}
        proc = run(list(cmd), cwd=Path(cwd) if cwd else None, env=env, timeout=3600)
        self.log.append(proc.stdout)
        if proc.returncode != 0:
            raise subprocess.CalledProcessError(proc.returncode, list(cmd), proc.stdout)

    def text(self) -> str:
        return "".join(self.log)


def build_dists(
    root: Path, outdir: Path, rec: Recorder, *, uv: str | None
) -> tuple[Path | None, Path | None]:
    import build.env

    import build

    runner = _Runner()
    outdir.mkdir(parents=True, exist_ok=True)
    installer: Any = "uv" if uv else "pip"
    sdist: Path | None = None
    wheel: Path | None = None
    with tempfile.TemporaryDirectory(prefix="sciship-build-") as tmp, contextlib.ExitStack() as stack:
        env: Any = None
        with rec.step("backend", "Prepare the build backend") as note:
            try:
                env = stack.enter_context(build.env.DefaultIsolatedEnv(installer=installer))
            except Exception as exc:
                raise fail(f"sciship could not create the isolated build environment ({exc}).") from None
            builder = _builder(build, env, root, runner)
            requires = sorted(builder.build_system_requires)
            _install(env, set(requires), "the build backend (`[build-system] requires`)")
            note.append(f"Installed {', '.join(requires) or 'nothing'} with {'uv' if uv else 'pip'}.")
        if rec.failed("backend"):
            return None, None
        with rec.step("sdist", "Build the source distribution (sdist)") as note:
            sdist = _build_one(build, env, builder, "sdist", outdir, runner)
            note.append(sdist.name)
        if sdist is None or rec.failed("sdist"):
            return None, None
        with rec.step("wheel", "Build the wheel (from the sdist)") as note:
            unpacked = _unpack(sdist, Path(tmp))
            builder2 = _builder(build, env, unpacked, runner)
            wheel = _build_one(build, env, builder2, "wheel", outdir, runner)
            note.append(wheel.name)
    return sdist, wheel


def _builder(build: Any, env: Any, srcdir: Path, runner: _Runner) -> Any:
    try:
        return build.ProjectBuilder.from_isolated_env(env, srcdir, runner=runner)
    except build.BuildException as exc:
        raise fail(
            f"The build cannot start: {exc}.",
            ("Check `[build-system]` in pyproject.toml; `sciship check` explains what is wrong.",),
        ) from None


def _install(env: Any, requirements: set[str], what: str) -> None:
    try:
        env.install(requirements)
    except subprocess.CalledProcessError as exc:
        out = "\n".join(
            x.decode(errors="replace") if isinstance(x, bytes) else (x or "")
            for x in (exc.stdout, exc.stderr)
        )
        raise fail(
            f"Installing {what} into the isolated build environment failed: "
            f"{', '.join(sorted(requirements))}. "
            "Check the spelling and version limits of these requirements, and your internet connection.",
            tail(out),
        ) from None


def _build_one(build: Any, env: Any, builder: Any, kind: str, outdir: Path, runner: _Runner) -> Path:
    start = len(runner.log)
    try:
        _install(env, builder.get_requires_for_build(kind), f"what the backend needs for the {kind}")
        return Path(builder.build(kind, outdir))
    except build.BuildBackendException as exc:
        log = "".join(runner.log[start:])
        inner = getattr(exc, "exception", None)
        if isinstance(inner, subprocess.CalledProcessError) and not log and inner.output:
            log = str(inner.output)
        raise fail(
            f"The build backend failed while building the {kind}. {BACKEND_HINT}", (*tail(log), "")
        ) from None
    except build.BuildException as exc:
        raise fail(f"The {kind} could not be built: {exc}.") from None


def _unpack(sdist: Path, into: Path) -> Path:
    try:
        with tarfile.open(sdist) as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(into, filter="data")
            else:  # pragma: no cover - Python < 3.10.12
                tar.extractall(into)  # noqa: S202 - our own freshly built sdist
    except tarfile.FilterError as exc:  # a link out of the sdist, a named pipe, a device
        member = getattr(getattr(exc, "tarinfo", None), "name", "a file")
        inside = member.split("/", 1)[1] if "/" in member else member
        raise fail(
            f"The sdist holds `{inside}`, which {_filter_reason(exc)}. pip refuses to unpack such an sdist, "
            "so nobody could install your package from it.",
            (
                (
                    f"Remove `{inside}` from the project folder, or exclude it from the sdist in your "
                    "build backend's settings, and build again."
                ),
            ),
        ) from None
    except (tarfile.TarError, OSError) as exc:
        raise fail(f"The sdist `{sdist.name}` could not be unpacked ({exc}).") from None
    tops = [p for p in into.iterdir() if p.is_dir()]
    if len(tops) != 1:
        raise fail(
            f"The sdist `{sdist.name}` does not hold exactly one top-level folder, so it cannot be built."
        )
    return tops[0]


def _filter_reason(exc: Exception) -> str:
    if isinstance(exc, tarfile.SpecialFileError):
        return "is not a regular file (a named pipe or a device)"
    if isinstance(exc, (tarfile.AbsoluteLinkError, tarfile.LinkOutsideDestinationError)):
        return "is a link to a place outside the package"
    if isinstance(exc, (tarfile.AbsolutePathError, tarfile.OutsideDestinationError)):
        return "would be written outside the package's folder"
    return "is not a plain file"
