"""``sciship adopt PATH``: turn a folder of scripts and notebooks into a package, losing nothing."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.adopt import Adoption
    from sciship.ui import UI


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sciship adopt`` and its options to the command-line parser."""
    p = sub.add_parser(
        "adopt",
        parents=[common],
        help="turn a folder of scripts and notebooks into a package",
        description="Turn a folder of research scripts and notebooks into an installable package: each "
        "script becomes a module and a command, notebooks become examples, dependencies come from what "
        "the code imports. It shows the plan first. By default it writes a new folder next to yours and "
        "leaves the original untouched.",
    )
    p.add_argument("path", metavar="PATH", help="the folder with your scripts and notebooks")
    p.add_argument("--name", metavar="NAME", help="the package name (default: from the folder name)")
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--output",
        metavar="DIR",
        help="where to write the package (default: PATH-package, next to PATH); must not exist yet",
    )
    where.add_argument(
        "--in-place",
        action="store_true",
        help="rearrange PATH itself with `git mv` (needs a git repository with no uncommitted changes)",
    )
    p.add_argument(
        "--license",
        metavar="SPDX",
        help="the license for your code, e.g. MIT or BSD-3-Clause (sciship never picks one for you)",
    )
    p.add_argument("--yes", "-y", action="store_true", help="apply the plan without asking")
    p.add_argument("--dry-run", action="store_true", help="show the plan, write nothing")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ui: UI) -> int:
    """Turn a folder of scripts and notebooks into a package: show the plan, then write it.

    Returns 0, also for ``--dry-run`` or a declined plan; a folder that cannot be adopted raises
    :class:`InputError` (exit 2).
    """
    from sciship._errors import InputError
    from sciship.adopt import adopt
    from sciship.adopt.files import add_project_files, license_in_folder, meta_for
    from sciship.metadata.licenses import normalize_license
    from sciship.new.scaffold import git_identity
    from sciship.project import Project
    from sciship.report.progress import progress_for

    bar = progress_for(ui)
    with bar:
        bar.step("Read the folder")
        project = Project.load(args.path)
    _refuse_packaged(project)
    if not any(f.endswith((".py", ".ipynb")) for f in project.files):
        raise InputError(
            f"`{args.path}` has no Python scripts or notebooks, so there is nothing to adopt.",
            hint="Point sciship at the folder that holds your .py or .ipynb files.",
        )
    license_id = normalize_license(args.license) if args.license else license_in_folder(project)
    if license_id is None and ui.interactive and not args.yes and not args.dry_run:
        answer = ui.ask(
            "Which license do you give your code? (an SPDX id such as MIT; empty: decide later)", ""
        )
        license_id = normalize_license(answer) if answer else None
    if args.in_place:
        target = project.root
        _check_clean_git(project.root)
    else:
        target = Path(args.output) if args.output else project.root.with_name(project.root.name + "-package")
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise InputError(
                f"`{target}` already exists and is not empty; sciship never overwrites files.",
                hint="Choose another folder with --output DIR, or remove that one.",
            )
    author, email = git_identity(project.root)
    with bar:
        result = adopt(
            project,
            target,
            name=args.name,
            in_place=args.in_place,
            license_id=license_id,
            progress=_steps(bar),
        )
        bar.step("Plan the standard files")
        add_project_files(result, project, meta_for(result, project, author, email))
    show_plan(result, target, ui, license_file=None if args.license else project.find_ci("LICENSE"))
    if args.dry_run:
        ui.write("Nothing was written (--dry-run). Run the same command without --dry-run to apply it.")
        return 0
    if not args.yes and not ui.confirm("Apply this plan?", default=not ui.interactive):
        ui.write("Nothing was written.")
        return 0
    with bar:
        bar.step("Write the package", total=len(result.plan.actions))
        written = result.plan.apply(progress=bar.update)
    st = ui.style
    ui.write(
        st(
            f"Adopted {project.root.name} as {result.name} in {target} ({len(written)} files).",
            "bold",
            "green",
        )
    )
    ui.write(
        f"Next: cd {target} && python -m pip install -e . --group test && python -m pytest, "
        "then `sciship check`."
    )
    return 0


def _steps(bar: Any) -> Any:
    """adopt()'s progress callback, shown on the progress line."""
    current: list[str] = [""]

    def tell(step: str, done: int, total: int | None) -> None:
        if step != current[0]:
            current[0] = step
            bar.step(step, total)
        bar.update(done, total)

    return tell


def _refuse_packaged(project: Any) -> None:
    from sciship._errors import InputError

    project.require_readable_pyproject(
        "until it can, sciship cannot tell whether the folder is a package already"
    )
    if project.metadata or project.has("setup.cfg"):
        raise InputError(
            f"`{project.root}` already describes a package (pyproject.toml or setup.cfg).",
            hint=f"Review it with `sciship check {project.root}` instead.",
        )
    if project.has_pyproject:
        raise InputError(
            f"`{project.root}` has a pyproject.toml without a [project] table; sciship would "
            "have to write a new one.",
            hint="Move it aside (its tool settings can be copied back afterwards) and run adopt again.",
        )


def _check_clean_git(root: Path) -> None:
    import subprocess

    from sciship._errors import InputError

    proc = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain"], capture_output=True, text=True, check=False
    )
    top = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0 or top.returncode != 0:
        raise InputError(
            f"`{root}` is not in a git repository, so --in-place could not undo anything.",
            hint="Use --output DIR (the default) to write a new folder, or `git init` and "
            "commit your files first.",
        )
    if Path(top.stdout.strip()).resolve() != root.resolve():
        raise InputError(
            f"`{root}` is inside a bigger git repository; --in-place works on a repository's "
            "top folder only.",
            hint="Use --output DIR instead.",
        )
    if proc.stdout.strip():
        raise InputError(
            f"`{root}` has uncommitted changes, so --in-place could mix them with its own.",
            hint="Commit (or stash) your changes first, then run adopt again.",
        )


def show_plan(result: Adoption, target: Path, ui: UI, *, license_file: str | None = None) -> None:
    """Print what adopt will do: where each file goes, the dependencies, the new files, the license and what
    needs the author."""
    st = ui.style
    ui.write(st(f"Plan: adopt as `{result.name}` (import `{result.package}`) in {target}", "bold"))
    ui.write("")
    groups = [
        ("script", "Scripts -> modules with a command"),
        ("module", "Modules (nothing runs on import)"),
        ("notebook", "Notebooks, kept unchanged as examples"),
        ("test", "Tests"),
        ("unparsed", "Copied unchanged, NOT in the package"),
    ]
    for role, title in groups:
        rows = [p for p in result.placed if p.role == role]
        if not rows:
            continue
        ui.write(st(title, "bold"))
        for p in rows:
            extra = f"  command `{p.command}`" if p.command else ""
            detail = f"  ({p.detail})" if p.detail else ""
            ui.write(f"  {p.source} -> {p.target}{extra}{detail}")
        ui.write("")
    kept = [p for p in result.placed if p.role == "kept"]
    if kept:
        ui.write(
            st("Other files", "bold") + f": {len(kept)} kept at the same place (data stays reachable from "
            "the project root; it never goes into the wheel)"
        )
        ui.write("")
    ui.write(st("Dependencies", "bold"))
    ui.write("  runtime: " + (", ".join(result.runtime) or "none"))
    if result.notebook_deps:
        ui.write("  notebooks group: " + ", ".join(result.notebook_deps))
    ui.write(f"  requires-python: {result.requires_python}")
    for line in result.unused:
        ui.write(f"  never imported, not added: {line}")
    for sentence in result.unresolved:
        ui.write("  " + st("needs you:", "yellow") + f" {sentence}")
    if result.unresolved:
        ui.write(
            "  (sciship knows a package when it is installed where sciship runs, is in its map of import "
            "names, or is in your requirements file: running adopt in the environment where your scripts "
            "run usually settles these)"
        )
    ui.write("")
    created = [a.path for a in result.plan.actions if a.kind == "create"]
    ui.write(st("New files", "bold") + ": " + ", ".join(created))
    ui.write("")
    if result.license is not None and license_file:
        ui.write(f"License: {result.license}, as your `{license_file}` says; declared in pyproject.toml")
    if result.license is None:
        ui.write(
            st("Needs you: ", "bold", "yellow") + "no license was chosen (sciship never picks one for "
            "existing code). Run again with --license SPDX, or add a LICENSE file later."
        )
    if result.notes:
        ui.write(st("What sciship could not do", "bold", "yellow"))
        for note in result.notes:
            ui.write(f"  {note.path}: {note.message}")
        ui.write("")
