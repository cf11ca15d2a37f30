"""Shallow clones of remote repositories in a cache folder, reused on the next run.

git runs with no prompts (a private or missing repository fails at once instead of asking for a
password), no Git LFS downloads, and only the https, http, ssh, git and file transports. Cloning runs
none of the repository's code: hooks are never cloned, and submodules are not fetched.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

#: a clone that takes longer than this (seconds) is given up (a row with the error)
CLONE_TIMEOUT = 900


class CloneError(Exception):
    """git could not clone the repository; the message says why, in git's words when it has them."""


def default_cache() -> Path:
    """Where clones live unless ``--cache`` says otherwise: ``<user cache>/sciship/audit``."""
    from sciship._cache import cache_dir

    return cache_dir() / "audit"


def clone_path(cache: Path, url: str) -> Path:
    """The folder of ``url``'s clone: readable (``owner__name``) and unique (a hash of the URL)."""
    parts = [p for p in re.split(r"[/:]", url.rstrip("/").removesuffix(".git")) if p]
    slug = "__".join(parts[-2:]) if len(parts) >= 2 else (parts[-1] if parts else "repository")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", slug)[:80]
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return cache / "repos" / f"{slug}-{digest}"


def git_env() -> dict[str, str]:
    """The environment for sciship's git commands: git never asks for a password and skips LFS downloads.

    Only the safe transports are allowed, messages are in English (``LC_ALL=C``) and ssh runs in batch mode.
    """
    env = {
        **os.environ,
        "GIT_TERMINAL_PROMPT": "0",
        "GCM_INTERACTIVE": "never",
        "GIT_LFS_SKIP_SMUDGE": "1",
        "GIT_ALLOW_PROTOCOL": "https:http:ssh:git:file",
        "LC_ALL": "C",
    }
    env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
    return env


def head_commit(folder: Path) -> str | None:
    """The commit checked out in ``folder`` (or the git repository that holds it); None outside git."""
    try:
        proc = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--verify", "--quiet", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = proc.stdout.strip()
    return commit if proc.returncode == 0 and commit else None


def remote_head(url: str) -> str | None:
    """The commit ``url``'s default branch points at now, without cloning; None when git cannot tell."""
    try:
        proc = subprocess.run(
            ["git", "ls-remote", "--", url, "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            env=git_env(),
        )
    except (OSError, subprocess.SubprocessError):
        return None
    first = proc.stdout.split()
    return first[0] if proc.returncode == 0 and first else None


def cached_clone(cache: Path, url: str) -> Path | None:
    """The clone of ``url`` from an earlier run, when there is a usable one."""
    dest = clone_path(cache, url)
    return dest if (dest / ".git").is_dir() and head_commit(dest) else None


def ensure_clone(cache: Path, url: str) -> Path:
    """A shallow clone of ``url`` in ``cache`` (made now, or reused from an earlier run).

    The clone is made in a temporary folder next to its place and renamed into place when complete,
    so an interrupted clone leaves nothing behind that a later run would take for a clone.
    """
    existing = cached_clone(cache, url)
    if existing is not None:
        return existing
    dest = clone_path(cache, url)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=dest.parent, prefix=f".{dest.name}-"))
    except OSError as exc:
        raise CloneError(f"sciship could not create the clone folder in `{cache}` ({exc.strerror}).") from exc
    try:
        _git_clone(url, tmp / "repo")
        if dest.exists():  # a broken clone from before (no HEAD): replace it
            shutil.rmtree(dest, ignore_errors=True)
        try:
            os.replace(tmp / "repo", dest)
        except OSError:
            if cached_clone(cache, url) is None:  # nobody else made it meanwhile
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dest


def _git_clone(url: str, dest: Path) -> None:
    cmd = ["git", "clone", "--quiet", "--depth", "1", "--no-tags", "--single-branch", "--", url, str(dest)]
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, errors="replace", check=False, timeout=CLONE_TIMEOUT,
            env=git_env(),
        )  # fmt: skip
    except FileNotFoundError as exc:
        raise CloneError("git is not installed, so sciship cannot clone repositories.") from exc
    except subprocess.TimeoutExpired as exc:
        raise CloneError(f"git did not finish cloning within {CLONE_TIMEOUT // 60} minutes.") from exc
    except OSError as exc:
        raise CloneError(f"git could not be started ({exc.strerror}).") from exc
    if proc.returncode != 0:
        raise CloneError(f"git could not clone it: {_git_reason(proc.stderr)}")


def _git_reason(stderr: str) -> str:
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    fatal = [ln.removeprefix("fatal: ") for ln in lines if ln.startswith("fatal:")]
    reason = (fatal or lines or ["no reason given"])[-1]
    if "could not read Username" in reason or "terminal prompts disabled" in reason:
        reason = "the repository is private or does not exist (git asked for a password)"
    return reason.rstrip(".") + "."
