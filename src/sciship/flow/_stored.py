"""The last run's whole data flow of a folder, kept in the user's cache folder and taken again when nothing
it was made from changed.

The per-file cache (:mod:`sciship.flow._cache`) spares extracting a file's facts again; the graph built from
them still cost most of a second run (isshamie/CH_TSS: 0.12 s of 0.17 s). A run on an unchanged folder
(``share`` then ``share --archive``, ``check`` after ``share``) now takes the flow it made last time, when:

- the folder lists the same files (and leaves out the same links and environments);
- every file read in the run that made it (through :class:`~sciship.project.Project`, the only way the
  trace reads) has the same bytes (SHA-256), or is still unreadable;
- every question the trace asked the disk itself has the same answer (:func:`disk`: is a file too large to
  read, where a link points, is a file git ignores there);
- and sciship's version and the flow's format are the same.

Anything else (a damaged or foreign file, another version) means "trace again". Kept with :mod:`pickle`, as
the early child sends its flow: the file lives in the user's own cache folder, which only they can write.
"""

from __future__ import annotations

import hashlib
import pickle
from typing import TYPE_CHECKING, Any

from sciship import __version__, _cache

if TYPE_CHECKING:
    from sciship.flow import Flow
    from sciship.project import Problem, Project

#: of this file's content; the facts' format (``_formats.FACTS``) is part of the key too
_FORMAT = 5


def disk(project: Project, kind: str, rel: str) -> object:
    """The disk's answer to one of the trace's questions about ``rel`` (relative to the root):

    - ``"size"``: the file's size in bytes (None: no answer), which says whether to read it;
    - ``"exists"``: is there something at ``rel`` on the disk (a file git ignores, for instance);
    - ``"link"``: where the link ``rel`` points, relative to the root, when it is a link into the folder.
    """
    root = project.root
    full = root / rel
    if kind == "size":
        try:
            return full.stat().st_size
        except OSError:
            return None  # (an in-memory project: its files are small)
    if kind == "exists":
        try:
            return project._reader is not None and full.exists() and root.is_dir()
        except OSError:
            return False
    if kind == "link":
        if project._reader is None:
            return None
        try:
            if not full.is_symlink():
                return None
            target = full.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if target == root or root not in target.parents:
            return None
        return target.relative_to(root).as_posix()
    raise ValueError(kind)


#: what :func:`look` found for a project (the kept flow and its reading problems, or None), until the
#: trace claims it (:func:`claim`): one lookup per run
_LOOKED: list[tuple[Project, tuple[Flow, list[Problem]] | None]] = []
#: which process built the last flow: "here", "child" (the early child traced the whole folder), or "kept"
#: (the last run's; :func:`claim` found it): for tests
LAST_TRACED = ["here"]


def look(project: Project) -> tuple[Flow, list[Problem]] | None:
    """:func:`take`, remembered for ``project`` (``share`` looks before the import analysis starts, and
    the trace then claims what was found)."""
    if _LOOKED and _LOOKED[0][0] is project:
        return _LOOKED[0][1]
    found = take(project)
    _LOOKED[:] = [(project, found)]
    return found


def looked(project: Project) -> tuple[Flow, list[Problem]] | None:
    """What :func:`look` found for ``project``, without looking (None: nothing, or not looked)."""
    return _LOOKED[0][1] if _LOOKED and _LOOKED[0][0] is project else None


def claim(project: Project) -> tuple[Flow, list[Problem]] | None:
    """What :func:`look` found for ``project`` (then forgotten), else :func:`take` now."""
    if _LOOKED and _LOOKED[0][0] is project:
        return _LOOKED.pop()[1]
    _LOOKED.clear()
    return take(project)


def forget() -> None:
    """Forget what :func:`look` found."""
    _LOOKED.clear()


def _file(project: Project) -> str:
    from sciship.flow import _formats  # (not `_cache`: it imports the extraction's modules)

    digest = hashlib.sha256(str(project.root).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return f"flow-{__version__}/{digest}-{_formats.FACTS}.flow"


def _listing(project: Project) -> str:
    text = "\0".join(project.files) + "\1" + "\0".join(project.skipped) + f"\1{project.in_git}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _usable(project: Project) -> bool:
    """Only a folder on the disk (not an in-memory project: tests make many with the same root)."""
    try:
        return project._reader is not None and project.root.is_dir()
    except OSError:
        return False


def take(project: Project) -> tuple[Flow, list[Problem]] | None:
    """The flow kept for ``project`` and the problems its run met reading files, when nothing it was made
    from changed; else None. Reads (and hashes) the files the kept run read, as the trace would."""
    if not _usable(project):
        return None
    data = _cache.read(_file(project))
    if data is None:
        return None
    try:
        kept = pickle.loads(data)  # noqa: S301 - written by sciship, in the user's own cache folder
        if not (
            isinstance(kept, dict)
            and kept.get("format") == _FORMAT
            and kept.get("root") == str(project.root)
            and kept.get("listing") == _listing(project)
        ):
            return None
        reads: dict[str, str | None] = kept["reads"]
        asked: dict[tuple[str, str], object] = kept["disk"]
        flow, problems = kept["flow"], kept["problems"]
    except Exception:  # anything wrong with the file: trace again
        return None
    for rel, digest in reads.items():
        if project.read_bytes(rel) is None:
            if digest is not None:
                return None
        elif digest != project.sha256(rel):
            return None
    for (kind, rel), answer in asked.items():
        if disk(project, kind, rel) != answer:
            return None
    return flow, problems


def keep(project: Project, flow: Flow, asked: dict[tuple[str, str], object], problems: list[Any]) -> None:
    """Keep ``flow`` for the next run on ``project``, with what it was made from: every file read so far
    (by the trace, and by whatever ran before it on the same snapshot: more than needed, never less) and
    ``asked``, the trace's questions to the disk (:func:`disk`) with their answers."""
    if not _usable(project):
        return
    reads = {
        rel: (None if data is None else project.sha256(rel)) for rel, data in list(project._bytes.items())
    }
    kept = {
        "format": _FORMAT,
        "root": str(project.root),
        "listing": _listing(project),
        "reads": reads,
        "disk": dict(asked),
        "flow": flow,
        "problems": list(problems),
    }
    try:
        data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # (a flow that cannot be pickled is only not kept)
        return
    _cache.write(_file(project), data)
