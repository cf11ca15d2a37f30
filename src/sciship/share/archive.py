"""The deposit archive: ``dist/<name>-<version>-share.zip``, the same bytes for the same folder.

Entries are sorted, every entry has the same timestamp (1980-01-01, the earliest a zip can say) and
permissions 644 (755 for executables), under one top folder ``<name>-<version>/``. What goes in: the
files git tracks or .gitignore lets through, plus the metadata files of the same plan; files larger
than the size limit stay out and are listed (with their sha256) in the crate and REPRODUCE.md.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciship.metadata.model import Metadata
    from sciship.plan import Plan
    from sciship.project import Project

EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass
class Archive:
    """The deposit zip: its path, the files in it in order, those left out and why, its hash once built."""

    path: str  #: relative to the root, ``dist/<name>-<version>-share.zip``
    entries: list[str]  #: paths in the folder, in archive order
    left_out: list[tuple[str, str]] = field(default_factory=list)  #: (path, why)
    sha256: str | None = None  #: of the zip (known once built)
    size: int | None = None
    tmp: Path | None = None  #: where it was built, until the plan copies it into place

    def cleanup(self) -> None:
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                self.tmp.unlink()
            self.tmp = None


def slug(text: str) -> str:
    """``text`` safe in a file name (other characters as ``-``); ``research-code`` when nothing is left."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "research-code"


def archive_name(meta: Metadata, short_name: str) -> tuple[str, str]:
    """(file name, top folder): ``short_name`` (the package's or the folder's name, not a paper title)
    and the version, else the release date."""
    version = slug(meta.version or meta.date_released or "0")
    top = f"{slug(short_name)}-{version}"
    return f"dist/{top}-share.zip", top


def plan_archive(
    project: Project, plan: Plan, meta: Metadata, paths: list[str], max_file_size: int
) -> Archive:
    """Decide the archive's content; unless ``plan`` is for a dry run, build it and add it to ``plan``."""
    from sciship.metadata import read
    from sciship.share.inventory import size_of, too_large

    package = read.load(project).package
    target, _top = archive_name(meta, (package.name if package else None) or project.root.name)
    planned = {a.path: a for a in plan.actions if a.content is not None}
    entries: list[str] = []
    left_out: list[tuple[str, str]] = []
    for rel in sorted(set(paths) | set(planned)):
        size = len(planned[rel].content or b"") if rel in planned else size_of(project, rel)
        if too_large(rel, size, max_file_size):
            left_out.append(
                (
                    rel,
                    (
                        f"{_size(size)}, over the {_size(max_file_size)} limit: listed with its sha256 in "
                        "ro-crate-metadata.json and REPRODUCE.md"
                    ),
                )
            )
            continue
        entries.append(rel)
    left_out.extend((rel, "a link to a place outside the folder (never followed)") for rel in project.skipped)
    from sciship.share.inventory import odd_names

    left_out.extend(
        (rel, "its name is not UTF-8 text, so the archive cannot name it: rename it and run share again")
        for rel in odd_names(project)
    )
    return Archive(path=target, entries=entries, left_out=left_out)


def build(
    project: Project, plan: Plan, archive: Archive, *, progress: Callable[[int, int], None] | None = None
) -> None:
    """Write the zip to a temporary file and add it to ``plan`` (placed with everything else);
    ``progress(done, total)`` is called before the first file and after each one."""
    top = archive.path.removeprefix("dist/").removesuffix("-share.zip")
    planned = {a.path: a for a in plan.actions if a.content is not None}
    fd, name = tempfile.mkstemp(prefix="sciship-share-", suffix=".zip")
    os.close(fd)
    tmp = Path(name)
    archive.tmp = tmp
    kept: list[str] = []
    try:
        total = len(archive.entries)
        if progress is not None:
            progress(0, total)
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for n, rel in enumerate(archive.entries, 1):
                if progress is not None and n > 1:
                    progress(n - 1, total)
                info = zipfile.ZipInfo(f"{top}/{_entry_name(rel)}", date_time=EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # unix, so the permissions below are read everywhere
                action = planned.get(rel)
                if action is not None and action.content is not None:
                    info.external_attr = (stat.S_IFREG | 0o644) << 16
                    zf.writestr(info, action.content, compresslevel=9)
                    kept.append(rel)
                    continue
                source = project.root / rel
                try:
                    mode = source.stat().st_mode
                    info.external_attr = (stat.S_IFREG | (0o755 if mode & 0o111 else 0o644)) << 16
                    with source.open("rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                        for chunk in iter(lambda: src.read(1 << 20), b""):
                            dst.write(chunk)
                except OSError as exc:
                    archive.left_out.append((rel, f"sciship could not read it ({exc.strerror or exc})"))
                    continue
                kept.append(rel)
        if progress is not None:
            progress(total, total)
        archive.entries = kept
        archive.sha256 = _sha256(tmp)
        archive.size = tmp.stat().st_size
        plan.copy(tmp, archive.path, "the deposit archive (the same folder always gives the same bytes)")
    except BaseException:
        archive.cleanup()
        raise


def _entry_name(rel: str) -> str:
    """Names inside the zip are UTF-8; a name that is not gets replacement characters."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _size(n: int) -> str:
    for unit, scale in (("GB", 1_000_000_000), ("MB", 1_000_000), ("kB", 1_000)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"
