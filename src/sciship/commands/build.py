"""``sciship build``: build the package, look inside, install it in a fresh environment and import it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.release import BuildResult, StepEvent
    from sciship.ui import UI

_MARK = {"ok": ("ok", "green"), "failed": ("FAILED", "red"), "skipped": ("skipped", "yellow")}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "build",
        parents=[common],
        help="build, install into a clean environment, import everything",
        description="Build the sdist and wheel into PATH/dist/, check what they hold and that the README "
        "renders on PyPI, then install the wheel into a fresh virtual environment, import every module and "
        "run every command with --help: the failures users would meet, found before they do.",
    )
    p.add_argument("path", nargs="?", default=".", help="the project folder (default: here)")
    p.add_argument("--no-smoke", action="store_true", help="only build and check the files; do not install")
    p.add_argument("--format", choices=("terminal", "json"), default="terminal")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ui: UI) -> int:
    import json

    from sciship import release
    from sciship._errors import InputError
    from sciship.project import Project

    project = Project.load(args.path)
    project.require_readable_pyproject("until it can, no build backend can build the package")
    if not project.has_pyproject and not project.has("setup.py"):
        raise InputError(
            f"`{project.root}` has no pyproject.toml (or setup.py), so there is nothing to build.",
            hint="Run sciship from your project folder, or start a package with `sciship new NAME`.",
        )
    display = _Progress(ui)
    result = release.build(project.root, smoke=not args.no_smoke, progress=display)
    if args.format == "json":
        ui.write(json.dumps(result.to_dict(), indent=2))
    else:
        _summary(result, ui)
    return 0 if result.ok else 1


class _Progress:
    """One line per step on stderr; on a terminal the line shows `...` while the step runs."""

    def __init__(self, ui: UI) -> None:
        self.ui = ui
        self.live = _isatty(ui.err)
        self.st = ui.err_style

    def __call__(self, event: StepEvent) -> None:
        err = self.ui.err
        if event.phase == "start":
            if self.live:
                err.write(f"  ...      {event.title}")
                err.flush()
            return
        step = event.step
        if step is None:
            return
        label, colour = _MARK[step.status]
        took = self.st(f"({step.seconds:.1f}s)", "dim")
        line = f"  {self.st(f'{label:<8}', colour, 'bold')} {step.title} {took}"
        if step.status == "ok" and step.message:
            line += self.st(f"  {step.message}", "dim")
        if self.live:
            err.write("\r\033[K")
        err.write(line + "\n")
        if step.status != "ok" and step.message:
            err.write(self.st.wrap(step.message, indent="           ") + "\n")
        for d in step.details:
            err.write(f"           {d}\n")
        err.flush()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _summary(result: BuildResult, ui: UI) -> None:
    st = ui.style
    failed = [s for s in result.steps if s.status == "failed"]
    ui.write("")
    if not failed:
        ui.write(st(f"Built and tested in {result.seconds:.1f}s:", "bold", "green"))
        for p in result.artifacts:
            ui.write(f"  {p}")
        if result.step("import") is not None:
            ui.write(
                "Next: `sciship publish` uploads these files to TestPyPI, so you can try installing them."
            )
        return
    names = ", ".join(s.title.lower() for s in failed)
    ui.write(st(f"{len(failed)} step(s) failed: {names}.", "bold", "red"))
    ui.write(
        "Each failure above says what went wrong and what to change. Fix them and run `sciship build` again."
    )
