"""What to audit: the SOURCE arguments of ``sciship audit`` turned into a list of repositories.

A SOURCE is a project folder, a git URL, ``owner/name`` (a GitHub repository), a text file that lists
any of these one per line, or a YAML file shaped like pyOpenSci's website packages data (a list of
entries, each with a ``repository_link``). A source list that cannot be read is an
:class:`~sciship._errors.InputError`; a line naming a folder that does not exist is not: that
repository becomes a row with its error, like a clone that fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sciship._errors import InputError
from sciship._regex import compile_later

Kind = Literal["folder", "git"]

#: the transports a clone may use (git's own ``ext::`` and ``fd::`` run commands: never)
GIT_SCHEMES = ("https", "http", "ssh", "git", "file")
_URL = compile_later(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://")
_HELPER = compile_later(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)::")  # git's <transport>::<address>
_SCP = compile_later(r"^[\w.-]+@[\w.-]+:(?!//)\S+$")  # git@github.com:owner/name.git
_OWNER_NAME = compile_later(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
_GITHUB = "https://github.com/"


@dataclass(frozen=True, order=True)
class Target:
    """One repository to review."""

    repository: str  #: the value of the ``repository`` column: a folder's absolute path or a clean URL
    kind: Kind
    location: str  #: the folder, or the URL to clone
    origin: str = ""  #: where it was named (``list.txt:12``), for messages


@dataclass(frozen=True)
class Sources:
    """The repositories the SOURCE arguments name, in order and each once, and the entries left out."""

    targets: tuple[Target, ...]
    notes: tuple[str, ...] = ()  #: entries left out, with the reason (shown to the user)


def read_sources(args: list[str], *, cwd: Path | None = None) -> Sources:
    """Every repository named by ``args``, in order, each once."""
    here = cwd or Path.cwd()
    targets: list[Target] = []
    notes: list[str] = []
    for arg in args:
        path = _expand(arg, here)
        if path.is_dir():
            targets.append(_folder(path, "the command line"))
        elif path.is_file() or path.is_symlink():
            if path.suffix.lower() in {".yml", ".yaml"}:
                found, skipped = _read_yaml(path)
            else:
                found, skipped = _read_list(path)
            targets.extend(found)
            notes.extend(skipped)
        elif _looks_remote(arg):
            targets.append(_remote(arg, "the command line"))
        else:
            raise InputError(
                f"`{arg}` is not a folder, a file listing repositories, a git URL or `owner/name`.",
                hint="Give project folders, a text file with one folder, git URL or owner/name per line, "
                "or a pyOpenSci-style packages YAML file.",
            )
    seen: set[str] = set()
    unique = []
    for t in targets:
        if t.repository not in seen:
            seen.add(t.repository)
            unique.append(t)
    return Sources(tuple(unique), tuple(notes))


# ---------------------------------------------------------------------- one entry
def _expand(text: str, base: Path) -> Path:
    path = Path(text).expanduser()
    return path if path.is_absolute() else base / path


def _folder(path: Path, origin: str) -> Target:
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        resolved = path.absolute()
    return Target(str(resolved), "folder", str(resolved), origin)


def _looks_remote(text: str) -> bool:
    return bool(_URL.match(text) or _HELPER.match(text) or _SCP.match(text) or _OWNER_NAME.match(text))


def _remote(text: str, origin: str, *, path: str | None = None, line: int | None = None) -> Target:
    m = _URL.match(text) or _HELPER.match(text)
    if m and m.group("scheme").lower() not in GIT_SCHEMES:
        raise InputError(
            f"`{text}` uses git's `{m.group('scheme')}` transport, which sciship does not clone with.",
            hint="Use an https://, ssh://, git:// or file:// URL, or owner/name for a GitHub repository.",
            path=path,
            line=line,
        )
    url = _GITHUB + text if _OWNER_NAME.match(text) else text
    return Target(clean_url(url), "git", url, origin)


def clean_url(url: str) -> str:
    """The repository's name as rows show it: no trailing slash, no ``.git``, no password."""
    url = re.sub(r"^(\w+://)[^/@]+@", r"\1", url.strip())  # https://user:token@host/... -> https://host/...
    url = url.rstrip("/")
    return url.removesuffix(".git")


def _entry(text: str, base: Path, origin: str, *, path: str, line: int) -> Target:
    """A line of a source list: an existing folder wins over ``owner/name``; relative to the list."""
    if _URL.match(text) or _HELPER.match(text) or _SCP.match(text):
        return _remote(text, origin, path=path, line=line)
    folder = _expand(text, base)
    if folder.is_dir() or not _OWNER_NAME.match(text):
        return _folder(folder, origin)
    return _remote(text, origin, path=path, line=line)


# ---------------------------------------------------------------------- files of sources
def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        raise InputError(
            f"sciship cannot read the source list `{path}` ({reason.lower()}).",
            hint="Check the file name and that you are allowed to read it.",
        ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"The source list `{path}` is not UTF-8 text (is it the right file?).",
            hint="A source list has one folder, git URL or owner/name per line; save it as UTF-8.",
            path=str(path),
            line=line,
        ) from exc


def _read_list(path: Path) -> tuple[list[Target], list[str]]:
    text = _read_text(path)
    if "\0" in text:
        raise InputError(
            f"`{path}` is not a text file of repositories.",
            hint="A source list has one folder, git URL or owner/name per line.",
        )
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        out.append(_entry(line, path.parent, f"{path.name}:{number}", path=str(path), line=number))
    return out, []


def _read_yaml(path: Path) -> tuple[list[Target], list[str]]:
    import yaml

    text = _read_text(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        raise InputError(
            f"`{path.name}` is not valid YAML: {problem}.",
            hint="Fix the file (a YAML checker shows the exact spot), or list the repositories one per "
            "line in a text file instead.",
            path=str(path),
            line=mark.line + 1 if mark is not None else None,
            column=mark.column + 1 if mark is not None else None,
        ) from exc
    if isinstance(data, dict) and isinstance(data.get("packages"), list):
        data = data["packages"]
    if not isinstance(data, list):
        raise InputError(
            f"`{path.name}` is not a list of packages: sciship expects entries with a `repository_link`, "
            "like pyOpenSci's website data (`_data/packages.yml`).",
            hint="Each entry needs `repository_link: https://github.com/owner/name`.",
            path=str(path),
        )
    lines = _entry_lines(text)
    out: list[Target] = []
    notes: list[str] = []
    for index, entry in enumerate(data):
        line = lines[index] if index < len(lines) else None
        where = f"{path.name}:{line}" if line else f"{path.name} entry {index + 1}"
        link = entry.get("repository_link") or entry.get("link") if isinstance(entry, dict) else None
        if not isinstance(link, str) or not link.strip():
            name = entry.get("package_name") if isinstance(entry, dict) else None
            label = f" ({name})" if isinstance(name, str) else ""
            notes.append(f"{where}{label} has no `repository_link`, so it was left out.")
            continue
        link = link.strip()
        if _URL.match(link) or _SCP.match(link) or _OWNER_NAME.match(link):
            out.append(_remote(link, where, path=str(path), line=line))
        else:
            notes.append(f"{where}: `{link}` is not a repository URL, so it was left out.")
    return out, notes


def _entry_lines(text: str) -> list[int]:
    """The line where each top-level list entry starts (``- ...`` at column 0)."""
    return [n for n, raw in enumerate(text.splitlines(), start=1) if raw.startswith("- ") or raw == "-"]
