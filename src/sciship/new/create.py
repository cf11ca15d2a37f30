"""``sciship new``: plan a complete new package (the files come from :mod:`sciship.new.scaffold`).

The library never prints and never prompts: :func:`check_name` validates a name and returns warnings,
:func:`plan_new` returns a :class:`~sciship.plan.Plan`, :func:`init_git` makes the first commit after
the plan was applied, and :func:`name_on_indexes` optionally asks PyPI and TestPyPI about the name.
"""

from __future__ import annotations

import json
import keyword
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sciship._errors import InputError
from sciship._regex import compile_later
from sciship.new.scaffold import import_name_for, project_files

if TYPE_CHECKING:
    from sciship.new.scaffold import Meta
    from sciship.plan import Plan

#: PEP 508 names: letters, digits, and . _ - inside (not at either end).
_NAME = compile_later(r"^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", re.IGNORECASE)


@dataclass(frozen=True)
class Name:
    """A checked package name."""

    name: str  #: the normalised distribution name (what ``pip install`` and PyPI use)
    import_name: str  #: what users type after ``import``
    warnings: tuple[str, ...] = ()


def check_name(raw: str) -> Name:
    """Validate ``raw`` as a new package's name; raise :class:`InputError` when it cannot work."""
    text = raw.strip()
    if not text:
        raise InputError(
            "The package name is empty.", hint="Give a name, for example `sciship new rainfall-tools`."
        )
    if not _NAME.match(text):
        bad = sorted({c for c in text if not (c.isascii() and (c.isalnum() or c in "._-"))})
        why = (
            f"it contains {', '.join(repr(c) for c in bad)}"
            if bad
            else "it must start and end with a letter or a digit"
        )
        suggestion = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "my-package"
        raise InputError(
            f"`{raw}` cannot be a Python package name: {why}. Package names may use only letters, "
            "digits, `-`, `_` and `.`, and must start and end with a letter or a digit.",
            hint=f"Try `{suggestion}`.",
        )
    name = canonical(text)
    import_name = import_name_for(name)
    if not import_name.isidentifier():
        raise InputError(
            f"The name `{name}` would be imported as `{import_name}`, which Python cannot import "
            "(an import name cannot start with a digit).",
            hint=f"Start the name with a letter, for example `py{name}`.",
        )
    if keyword.iskeyword(import_name) or keyword.issoftkeyword(import_name):
        raise InputError(
            f"`{import_name}` is a Python keyword, so `import {import_name}` would not work.",
            hint=f"Pick another name, for example `{name}-tools`.",
        )
    if _is_stdlib(import_name):
        raise InputError(
            f"`{import_name}` is a module of Python's standard library. A package with the same "
            f"name would hide it (or be hidden by it), and `import {import_name}` would load the "
            "wrong one.",
            hint=f"Pick a more specific name, for example `{name}-tools`.",
        )
    warnings: list[str] = []
    if name != text:
        warnings.append(f"The name `{text}` is written `{name}` in its normalised form; sciship uses that.")
    popular = _shadowed(name, import_name)
    if popular is not None:
        clash = (
            f"`{name}` is already the name of one of the most installed packages on PyPI"
            if popular == name
            else f"`{name}` clashes with `{popular}`, one of the most installed packages on PyPI"
        )
        warnings.append(
            f"{clash}. Anyone who has both installed gets only one of them on `import {import_name}`, "
            "and the name is almost certainly taken on PyPI. A more specific name avoids the confusion."
        )
    return Name(name, import_name, tuple(warnings))


def canonical(name: str) -> str:
    """The normalised form of a distribution name (PEP 503), as ``packaging.utils.canonicalize_name``."""
    return re.sub(r"[-_.]+", "-", name).lower()


#: sciship's per-version standard-library lists (Python 3.8 to 3.14), shared with `sciship deps`. Read
#: as a file rather than through ``sciship.imports.stdlib`` so `sciship new` does not import the whole
#: dependency analysis (about 50 ms) just for one set lookup.
_DATA = Path(__file__).parent.parent / "imports" / "data"


@cache
def _stdlib_any_version() -> frozenset[str]:
    names: set[str] = set(sys.stdlib_module_names)
    try:
        data = json.loads((_DATA / "stdlib.json").read_text(encoding="utf-8"))
        for version_names in data["versions"].values():
            names.update(version_names)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # the running interpreter's own list still covers the usual names
    return frozenset(names)


def _is_stdlib(import_name: str) -> bool:
    return import_name in _stdlib_any_version()


@cache
def popular_names() -> frozenset[str]:
    """Normalised names of very popular PyPI packages (bundled list)."""
    raw = (Path(__file__).parent.parent / "data" / "popular_names.json").read_text(encoding="utf-8")
    return frozenset(json.loads(raw))


def _shadowed(name: str, import_name: str) -> str | None:
    """The popular distribution ``name`` or ``import_name`` collides with, if any."""
    popular = popular_names()
    if name in popular:
        return name
    if import_name.replace("_", "-") in popular:
        return import_name.replace("_", "-")
    for dist in _import_owners(import_name):
        if dist in popular:
            return dist
    return None


def _import_owners(import_name: str) -> list[str]:
    """Distributions known to install ``import_name`` (from sciship's import map, when present)."""
    try:
        entries = json.loads((_DATA / "import_map.json").read_text(encoding="utf-8"))["entries"]
        return [canonical(d) for d in entries.get(import_name, {}).get("distributions", [])]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []


# ---------------------------------------------------------------------- the other answers
_EMAIL = compile_later(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")  # what CITATION.cff (CFF 1.2.0) accepts too
_GITHUB = compile_later(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")


def clean_text(raw: str, what: str) -> str:
    """``raw`` on one line (runs of white space become one space), or InputError for what no file can hold.

    Text typed or passed on the command line can hold bytes that are not UTF-8 (Python keeps them as
    "surrogates") and control characters; neither can be written into pyproject.toml or CITATION.cff.
    """
    text = " ".join(raw.split())
    if any("\ud800" <= c <= "\udfff" for c in text):
        raise InputError(
            f"The {what} holds bytes that are not UTF-8 text, so sciship cannot write it into the files.",
            hint="Type it again in a terminal that uses UTF-8 (most do), or leave non-English letters out.",
        )
    bad = sorted({c for c in text if unicodedata.category(c) == "Cc"})
    if bad:
        raise InputError(
            f"The {what} contains control characters ({', '.join(repr(c) for c in bad)}), which no "
            "metadata file can hold.",
            hint="Give plain text.",
        )
    return text


def check_description(raw: str) -> str:
    """The description on one line; InputError when it has no words at all."""
    text = clean_text(raw, "description")
    if text and not any(c.isalpha() for c in text):
        raise InputError(
            f"`{text}` does not say in words what the package does.",
            hint='Give one sentence, for example `--description "Summaries of rain-gauge records."`.',
        )
    return text


def default_description(name: str) -> str:
    """The description offered when none is given: the name in words, then ``: a Python package for
    reproducible research.``"""
    words = name.replace("-", " ").replace("_", " ").replace(".", " ")
    return f"{words[:1].upper()}{words[1:]}: a Python package for reproducible research."


def check_author(raw: str) -> str:
    """The author's name; InputError for a comma (it separates authors in package metadata)."""
    text = clean_text(raw, "author name")
    if text and not any(c.isalpha() for c in text):
        raise InputError(f"`{text}` has no letters, so it cannot be a person's or a team's name.",
                         hint='Give your name, for example `--author "Ada Lovelace"`.')
    if "," in text:
        family, _, given = text.partition(",")
        example = f"{given.strip()} {family.strip()}".strip() or "Ada Lovelace"
        raise InputError(
            f"`{text}` has a comma, and package metadata (PEP 621) uses commas to separate authors.",
            hint=f"Write the name without one, for example `{example}`.",
        )
    return text


def check_email(raw: str) -> str:
    """An email address (or "" for none); InputError for anything that does not look like one."""
    email = raw.strip()
    if email and not _EMAIL.match(email):
        raise InputError(
            f"`{email}` does not look like an email address.",
            hint="Give one like `ada@example.org`, or leave it out.",
        )
    return email


def check_github(raw: str) -> str:
    """A GitHub user or organisation name; InputError for anything GitHub would not allow."""
    owner = raw.strip()
    if not _GITHUB.match(owner):
        raise InputError(
            f"`{owner}` cannot be a GitHub user or organisation name (letters, digits and single "
            "hyphens only, at most 39 characters).",
            hint="Give the name that appears in your GitHub address: https://github.com/NAME.",
        )
    return owner


def make_meta(
    checked: Name,
    *,
    description: str,
    author: str,
    email: str,
    license: str | None,  # noqa: A002 - the word everyone uses
    github: str | None,
) -> Meta:
    """The :class:`Meta` of a new package from answers that may come straight from a person.

    Every answer goes through its ``check_*`` function (InputError for what cannot work); an empty
    description gets a default, so whatever passes here makes a package that passes `sciship check`.
    """
    from sciship.new.scaffold import Meta

    spdx = None
    if license is not None:
        from sciship.metadata.licenses import normalize_license

        spdx = normalize_license(license)
    name_text = check_author(author)
    if not name_text:
        raise InputError(
            "The author's name is empty.", hint='Give your name, for example `--author "Ada Lovelace"`.'
        )
    return Meta(
        name=checked.name,
        import_name=checked.import_name,
        description=check_description(description) or default_description(checked.name),
        author=name_text,
        email=check_email(email),
        license=spdx,
        github=check_github(github) if github is not None else None,
    )


# ---------------------------------------------------------------------- the plan
def check_target(target: Path) -> None:
    """Refuse a target that is a file or a folder with anything in it."""
    if target.is_symlink() and not target.exists():
        raise InputError(f"`{target}` is a link that points nowhere.", hint="Choose another folder.")
    if target.exists() and not target.is_dir():
        raise InputError(
            f"`{target}` is a file, so sciship cannot create the project there.",
            hint="Choose another folder with --directory.",
        )
    if target.is_dir():
        try:
            entries = [p.name for p in target.iterdir()]
        except OSError as exc:
            raise InputError(f"sciship cannot read the folder `{target}` ({exc.strerror}).") from exc
        if entries:
            shown = ", ".join(sorted(entries)[:3]) + (", ..." if len(entries) > 3 else "")
            raise InputError(
                f"The folder `{target}` already has files in it ({shown}). sciship only starts new "
                "projects in an empty or new folder, so nothing of yours is overwritten.",
                hint="Choose another folder with --directory, or use `sciship adopt` to turn existing "
                "code into a package.",
            )


def plan_new(meta: Meta, target: Path, *, git: bool) -> Plan:
    """Every file of a new project at ``target``, as a plan (nothing is written yet).

    Raises :class:`InputError` for a name that cannot work, an unknown license or a target that is
    not empty; warnings about the name come from :func:`check_name`.
    """
    from sciship.plan import Plan

    checked = check_name(meta.name)
    if checked.import_name != meta.import_name and not meta.import_name.isidentifier():
        raise InputError(f"`{meta.import_name}` is not a valid import name.")
    if meta.license is not None:
        from sciship.metadata.licenses import normalize_license

        normalize_license(meta.license)
    check_target(target)
    plan = Plan(target)
    for path, content in project_files(meta).items():
        plan.create(path, content, _reason(path))
    if git:
        plan.note("A git repository with a first commit is created after the files are written.")
    return plan


def _reason(path: str) -> str:
    reasons = {
        "pyproject.toml": "package metadata, build system and tool settings",
        "README.md": "what the package does, how to install and use it",
        "LICENSE": "the terms others may reuse your code under",
        "CITATION.cff": "how to cite this software",
        "CHANGELOG.md": "what changed in each version",
        "CONTRIBUTING.md": "development guide for contributors",
        "CODE_OF_CONDUCT.md": "how people treat each other here",
        ".gitignore": "files git should not track",
        ".pre-commit-config.yaml": "style checks before each commit",
        ".github/dependabot.yml": "keep the GitHub Actions up to date",
    }
    if path in reasons:
        return reasons[path]
    if path.startswith(".github/workflows/"):
        return "GitHub Actions workflow"
    if path.startswith("docs/"):
        return "documentation (Sphinx + MyST)"
    if path.startswith("tests/"):
        return "tests"
    return "the package's code"


# ---------------------------------------------------------------------- git
GitOutcome = Literal["committed", "no-git", "failed"]


def init_git(target: Path, meta: Meta) -> tuple[GitOutcome, str]:
    """``git init`` + a first commit of everything in ``target``. Never raises: returns what happened."""
    git = shutil.which("git")
    if git is None:
        return "no-git", (
            "git is not installed, so no repository was created. Install git and run "
            "`git init && git add . && git commit -m 'Start the project'` in the project folder."
        )
    from sciship.new.scaffold import git_identity

    env = dict(os.environ)
    # A first commit needs an identity; use the package's author where git has none configured.
    # (The new repository has no configuration of its own, so the user's global identity applies.)
    name, email = git_identity()
    if name is None:
        env.setdefault("GIT_AUTHOR_NAME", meta.author)
        env.setdefault("GIT_COMMITTER_NAME", meta.author)
    if email is None:
        env.setdefault("GIT_AUTHOR_EMAIL", meta.email or "author@example.invalid")
        env.setdefault("GIT_COMMITTER_EMAIL", meta.email or "author@example.invalid")
    steps = (
        [git, "init", "--quiet", "--initial-branch=main"],
        [git, "add", "--all"],
        [git, "commit", "--quiet", "--no-verify", "-m", f"Start {meta.name} with sciship new"],
    )
    for cmd in steps:
        proc = subprocess.run(cmd, cwd=target, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0 and cmd[1] == "init" and "initial-branch" in proc.stderr:
            proc = subprocess.run(
                [git, "init", "--quiet"], cwd=target, env=env, capture_output=True, text=True, check=False
            )
        if proc.returncode != 0:
            detail = (proc.stderr or proc.stdout).strip().splitlines()
            return "failed", (
                f"The files are written, but `{' '.join(cmd[1:3])}` failed"
                + (f" ({detail[-1]})" if detail else "")
                + ". Run `git init && git add . && git commit -m 'Start the project'` yourself."
            )
    return "committed", "Created a git repository with a first commit."


# ---------------------------------------------------------------------- name on PyPI
IndexAnswer = Literal["free", "taken", "unknown"]
INDEXES = {"PyPI": "https://pypi.org/pypi/{}/json", "TestPyPI": "https://test.pypi.org/pypi/{}/json"}


def name_on_indexes(name: str, *, timeout: float = 3.0) -> dict[str, IndexAnswer]:
    """Whether ``name`` is free on PyPI and TestPyPI. Never raises: "unknown" when offline."""
    import urllib.error
    import urllib.request

    out: dict[str, IndexAnswer] = {}
    for index, url in INDEXES.items():
        request = urllib.request.Request(url.format(name), headers={"User-Agent": "sciship"})  # noqa: S310 - fixed https URLs
        try:
            with urllib.request.urlopen(request, timeout=timeout):  # noqa: S310 - fixed https URLs
                out[index] = "taken"
        except urllib.error.HTTPError as exc:
            out[index] = "free" if exc.code == 404 else "unknown"
        except (OSError, ValueError):
            out[index] = "unknown"
    return out
