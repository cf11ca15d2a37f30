"""``sciship publish``: upload the built package, TestPyPI first, without ever showing the token."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.release.publish import Credentials, Target
    from sciship.ui import UI


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sciship publish`` and its options to the command-line parser."""
    p = sub.add_parser(
        "publish",
        parents=[common],
        help="upload to TestPyPI first, then PyPI",
        description="Upload the files `sciship build` made in PATH/dist/. Try TestPyPI (the default) first: "
        "what you upload to PyPI can never be replaced. Credentials come from TWINE_USERNAME / "
        "TWINE_PASSWORD (username `__token__` for API tokens), your keyring, or a prompt that does not echo.",
    )
    p.add_argument("path", nargs="?", default=".", help="the project folder (default: here)")
    p.add_argument(
        "--repository",
        choices=("testpypi", "pypi"),
        default="testpypi",
        help="where to upload (default: testpypi)",
    )
    p.add_argument("--repository-url", metavar="URL", help="any other index with the upload API")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation before uploading to PyPI")
    p.add_argument(
        "--no-index-check",
        action="store_true",
        help="do not ask the index whether the version exists first (the upload still refuses it)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ui: UI) -> int:
    """Upload the newest build in ``dist/`` to TestPyPI, PyPI or another index.

    Returns 0 after the upload, 1 when the upload to PyPI was not confirmed; a failed step raises
    :class:`CommandFailed` (exit 1).
    """
    from sciship._errors import CommandFailed
    from sciship.project import Project
    from sciship.release import publish

    project = Project.load(args.path)
    target = publish.target_for(args.repository, args.repository_url)
    release = publish.find_release(project)
    where = publish.version_source(project)
    st = ui.err_style
    files = ", ".join(p.name for p in release.files)
    ui.info(st(f"Publishing {release.name} {release.version} to {target.label}", "bold") + f" ({files})")
    if release.other_versions:
        ui.info(f"  (dist/ also holds older builds, not uploaded: {', '.join(release.other_versions)})")
    if target is publish.KNOWN["pypi"]:
        ui.info(st("Reminder: ", "bold") + publish.TRUSTED_PUBLISHING)
        if not args.yes:
            if not ui.interactive:
                raise CommandFailed(
                    "Uploading to PyPI is permanent, and sciship cannot ask you to confirm here "
                    "(not a terminal).",
                    hint="Add --yes to confirm, or try `sciship publish --repository testpypi` first.",
                )
            if not ui.confirm(f"Upload {release.name} {release.version} to PyPI? This cannot be undone."):
                ui.info("Nothing was uploaded.")
                return 1
    creds = _credentials(target, ui)
    redact = publish.Redactor(creds)
    if args.no_index_check:
        ui.info(
            "  Skipping the index check (--no-index-check); the upload itself refuses an existing version."
        )
    else:
        exists = publish.version_exists(target, release, creds, redact)
        if exists:
            raise publish.already_there(target, release, where)
        if exists is None:
            ui.info(
                "  The index cannot tell which versions it holds; the upload itself will refuse a duplicate."
            )
    try:
        done = publish.upload(target, release, creds, where)
    except CommandFailed:
        raise
    except Exception as exc:  # never let an unexpected error carry the token into the output
        raise CommandFailed(
            redact(f"The upload failed unexpectedly ({type(exc).__name__}: {exc}).")
        ) from None
    ui.write(st(f"Uploaded {release.name} {release.version} to {target.label}:", "bold", "green"))
    for p in done.files:
        ui.write(f"  {p.name}")
    if done.url:
        ui.write(f"See it at {done.url}")
    if target is publish.KNOWN["testpypi"]:
        ui.write(
            "Try it as a user would, in a fresh environment:\n"
            "  pip install --index-url https://test.pypi.org/simple/ "
            "--extra-index-url https://pypi.org/simple/ "
            f"{release.name}=={release.version}\n"
            "When it works, publish for real: `sciship publish --repository pypi` "
            "(or, better, from CI with trusted publishing)."
        )
    return 0


def _credentials(target: Target, ui: UI) -> Credentials:
    from sciship._errors import CommandFailed
    from sciship.release.publish import Credentials

    username = os.environ.get("TWINE_USERNAME") or "__token__"
    password = os.environ.get("TWINE_PASSWORD")
    if password:
        return Credentials(username, password)
    password = _from_keyring(target.upload_url, username)
    if password:
        ui.info("  Using the token stored in your keyring.")
        return Credentials(username, password)
    if ui.interactive:
        what = "API token" if username == "__token__" else f"password for {username}"
        password = ui.secret(f"{what} for {target.label} (typing is hidden): ").strip()
        if password:
            return Credentials(username, password)
    raise CommandFailed(
        f"sciship has no token to upload to {target.label}.",
        hint="Set TWINE_PASSWORD to an API token (create one in your account settings on the index; the "
        "username is `__token__`), store it with `keyring set URL __token__`, or run sciship in a terminal "
        "to type it. For PyPI, trusted publishing from CI needs no token at all.",
    )


def _from_keyring(url: str, username: str) -> str | None:
    try:
        import keyring
    except ImportError:
        return None
    try:
        value = keyring.get_password(url, username)
    except Exception:
        return None
    return value if isinstance(value, str) and value else None
