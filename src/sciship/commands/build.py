"""``sciship build``: build the package, look inside, install it in a fresh environment and import it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.release import BuildResult, StepEvent
    from sciship.report.progress import Progress
    from sciship.ui import UI

_MARK = {"ok": ("ok", "green"), "failed": ("FAILED", "red"), "skipped": ("skipped", "yellow")}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sciship build`` and its options to the command-line parser."""
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
    """Build the sdist and wheel, check them and, unless ``--no-smoke``, install and import them in a fresh
    environment.

    Returns 0 when every step passed, 1 when one failed.
    """
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
    from sciship.report.progress import progress_for

    with progress_for(ui, quiet=args.format == "json") as bar:
        result = release.build(project.root, smoke=not args.no_smoke, progress=_Progress(ui, bar))
    if args.format == "json":
        ui.write(json.dumps(result.to_dict(), indent=2))
    else:
        _summary(result, ui)
    return 0 if result.ok else 1


class _Progress:
    """One line per finished step on stderr; on a terminal a live line shows the running step and its time.

    The live line (never with ``--format json`` or when stderr is not a terminal) comes from
    :mod:`sciship.report.progress`.
    """

    def __init__(self, ui: UI, bar: Progress | None = None) -> None:
        from sciship.report.progress import Progress

        self.ui = ui
        self.bar = bar if bar is not None else Progress(ui.err, enabled=False)  # step lines only
        self.st = ui.err_style

    def __call__(self, event: StepEvent) -> None:
        if event.phase == "start":
            self.bar.step(event.title)
            return
        step = event.step
        if step is None:
            return
        label, colour = _MARK[step.status]
        took = self.st(f"({step.seconds:.1f}s)", "dim")
        line = f"  {self.st(f'{label:<8}', colour, 'bold')} {step.title} {took}"
        if step.status == "ok" and step.message:
            line += self.st(f"  {step.message}", "dim")
        lines = [line]
        if step.status != "ok" and step.message:
            lines.append(self.st.wrap(step.message, indent="           "))
        lines.extend(f"           {d}" for d in step.details)
        self.bar.print("\n".join(lines))


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
