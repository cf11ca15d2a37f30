"""``sciship new NAME``: start a package the way the pyOpenSci guide recommends."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sciship._regex import compile_later

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from sciship.new.scaffold import Meta
    from sciship.ui import UI

_GITHUB = compile_later(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sciship new`` and its options to the command-line parser."""
    p = sub.add_parser(
        "new",
        parents=[common],
        help="start a new package: tests, docs, citation, CI and release workflows included",
        description="Create a complete Python package that installs, passes its tests, builds its "
        "documentation, can be cited and released, following the pyOpenSci packaging guide. On a "
        "terminal it asks at most five questions; every answer has a default.",
    )
    p.add_argument("name", metavar="NAME", help="the package name, e.g. rainfall-tools")
    p.add_argument("--directory", metavar="DIR", help="where to create it (default: ./NAME); must be empty")
    p.add_argument("--description", metavar="TEXT", help="one sentence: what the package does")
    p.add_argument("--author", metavar="NAME", help="your name (default: from git config)")
    p.add_argument("--email", metavar="EMAIL", help="your email (default: from git config)")
    p.add_argument("--license", metavar="SPDX", help="MIT (default), BSD-3-Clause, Apache-2.0, "
                   "GPL-3.0-or-later, GPL-3.0-only, MPL-2.0 or EUPL-1.2")
    p.add_argument("--github", metavar="OWNER", help="GitHub user or organisation that will host it")
    p.add_argument("--yes", "-y", action="store_true", help="take every default, ask nothing")
    p.add_argument("--dry-run", action="store_true", help="list the files it would write, write nothing")
    p.add_argument("--no-git", action="store_true", help="do not create a git repository")
    p.add_argument("--check-name", action="store_true", help="ask PyPI and TestPyPI whether the name is free")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ui: UI) -> int:
    """Create a new package folder from the flags, the answers to a few questions or the defaults, and start
    its git repository.

    Returns 0, also for ``--dry-run``; a wrong name or flag, or a folder that is not empty, raises
    :class:`InputError` before anything is written.
    """
    import shutil

    from sciship._errors import InputError
    from sciship.metadata.licenses import DEFAULT_LICENSE, LICENSES, normalize_license
    from sciship.new import create as new
    from sciship.new.scaffold import git_identity

    checked = new.check_name(args.name)
    license_id = normalize_license(args.license) if args.license else None
    for given, check in ((args.description, new.check_description), (args.author, new.check_author),
                         (args.email, new.check_email), (args.github, new.check_github)):
        if given is not None:
            check(given)  # a wrong flag stops here, before any question is asked
    target = Path(args.directory) if args.directory else Path(checked.name)
    new.check_target(target)  # before asking questions, so nobody answers them for nothing
    for warning in checked.warnings:
        ui.info(ui.err_style("Note: ", "bold", "yellow") + warning)
    if args.check_name:
        _report_index(new.name_on_indexes(checked.name), checked.name, ui)

    git_name, git_email = git_identity()
    ask = ui.interactive and not args.yes

    def answer(given: str | None, question: str, default: str,
               check: Callable[[str], str] = str.strip) -> str:
        """A flag's value, else the person's answer (asked again up to twice when it is wrong)."""
        if given is not None:
            return check(given)
        if not ask:
            return check(default)
        for attempt in range(3):
            try:
                return check(ui.ask(question, default).strip())
            except InputError as exc:
                if attempt == 2:
                    raise
                ui.info(exc.message + (f" {exc.hint}" if exc.hint else ""))
        raise AssertionError("unreachable")  # pragma: no cover

    description = answer(args.description, "One sentence: what does it do?",
                         new.default_description(checked.name), new.check_description)
    author = answer(args.author, "Author name", _default_author(git_name), new.check_author)
    email = answer(args.email, "Author email", _default_email(git_email), new.check_email)
    license_id = license_id or answer(None, f"License ({', '.join(LICENSES)})", DEFAULT_LICENSE,
                                      normalize_license)
    github = answer(args.github, "GitHub user or organisation", _github_guess(author, email),
                    new.check_github)

    meta = new.make_meta(checked, description=description, author=author or _login_name(), email=email,
                         license=license_id, github=github)
    git = not args.no_git
    plan = new.plan_new(meta, target, git=git)

    if args.dry_run:
        _show_dry_run(plan, target, ui)
        return 0
    plan.apply()
    st = ui.style
    ui.write(st(f"Created {meta.name} in {target}/ ({len(plan.actions)} files).", "bold", "green"))
    if git:
        if shutil.which("git") is None:
            ui.info("git is not installed, so no repository was created. Install git, then run "
                    "`git init && git add . && git commit -m 'Start the project'` in the project folder.")
        else:
            _, message = new.init_git(target, meta)
            ui.write(message)
    if not meta.email:
        ui.info("No email address was given (git has none either). Add one to `authors` in pyproject.toml "
                "and to CITATION.cff, so users can reach you; `sciship check` will remind you.")
    if args.github is None and not ask:
        ui.info(f"The project's links assume its GitHub home will be {meta.repo_url}. If not, run again with "
                "--github OWNER, or edit [project.urls] in pyproject.toml, README.md and CITATION.cff.")
    _next_steps(meta, target, ui)
    return 0


def _default_author(git_name: str | None) -> str:
    """git's user.name when it can be an author's name as it stands, else the login name."""
    from sciship._errors import InputError
    from sciship.new.create import check_author

    try:
        return check_author(git_name) if git_name else _login_name()
    except InputError:  # e.g. "Lovelace, Ada": the question shows it, to be written without the comma
        return _login_name()


def _default_email(git_email: str | None) -> str:
    """git's user.email when it looks like an address others can write to (not root@localhost)."""
    from sciship._errors import InputError
    from sciship.new.create import check_email

    try:
        return check_email(git_email or "")
    except InputError:
        return ""


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "author"


def _github_guess(author: str, email: str) -> str:
    """The GitHub owner to assume: git's ``github.user``, a noreply address, else a slug of the name."""
    from sciship.new.scaffold import git_config

    configured = git_config().get("github.user", "")
    if configured and _GITHUB.match(configured):
        return configured
    m = re.match(r"^(?:\d+\+)?([A-Za-z0-9-]+)@users\.noreply\.github\.com$", email)
    if m:
        return m.group(1)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", author).strip("-").lower()[:39].strip("-")
    return slug or "author"


def _report_index(answers: Mapping[str, str], name: str, ui: UI) -> None:
    for index, state in answers.items():
        if state == "free":
            ui.info(f"{index}: `{name}` is free.")
        elif state == "taken":
            ui.info(f"{index}: `{name}` is already taken; you will not be able to publish under it there.")
        else:
            ui.info(f"{index}: could not check (no network?); this does not stop anything.")


def _show_dry_run(plan: Any, target: Path, ui: UI) -> None:
    st = ui.style
    ui.write(st(f"sciship new --dry-run: would create {len(plan.actions)} files in {target}/ "
                "(nothing was written).", "bold"))
    ui.write("")
    for action in plan.actions:
        size = len(action.content or b"")
        ui.write(f"  {action.path:<40} {size:>6} bytes  {st(action.reason, 'dim')}")
    for note in plan.notes:
        ui.write(f"\n{note}")
    ui.write("\nRun the same command without --dry-run to create the project.")


def _next_steps(meta: Meta, target: Path, ui: UI) -> None:
    st = ui.style
    ui.write("")
    ui.write(st("Next steps:", "bold"))
    steps = [
        (f"cd {target}", ""),
        ("python -m venv .venv && source .venv/bin/activate", "Windows: .venv\\Scripts\\activate"),
        ("python -m pip install --upgrade pip", "pip 25.1+ understands --group"),
        ("python -m pip install -e . --group dev", "your package + test, docs and style tools"),
        ("python -m pytest", "the tests pass from the start"),
        ("python -m sphinx docs docs/_build/html", "build the documentation"),
        ("sciship check", "review the package any time"),
    ]
    width = max(len(cmd) for cmd, _ in steps)
    for cmd, comment in steps:
        ui.write(f"  {cmd:<{width}}   {st('# ' + comment, 'dim')}" if comment else f"  {cmd}")
    ui.write("")
    ui.write(f"Then write your code in src/{meta.import_name}/ (start from stats.py) and push to GitHub.")
