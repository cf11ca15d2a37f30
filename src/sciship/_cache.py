"""sciship's cache folder: in the user's cache directory, never inside a project.

Everything here is a speed-up only: a missing, unreadable or corrupt cache entry is ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/sciship`` when set (on every platform), else the platform's usual place;
    ``SCISHIP_CACHE_DIR`` overrides both. Created on demand by writers."""
    if os.environ.get("SCISHIP_CACHE_DIR"):
        return Path(os.environ["SCISHIP_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "sciship"
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "sciship"


def read(name: str) -> bytes | None:
    try:
        return (cache_dir() / name).read_bytes()
    except OSError:
        return None


def write(name: str, data: bytes) -> None:
    """Write atomically; failures are silent (a read-only home must not break sciship)."""
    target = cache_dir() / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError:
        pass


class ProjectStore:
    """One JSON file of per-file entries for one project folder (``kind``/``<digest of root>.json``).

    Read once, on the first :meth:`entry`; :meth:`save` writes back atomically only what this run used
    (read or put), so entries of deleted or changed files fall away. A file of another ``fmt`` or a
    damaged one means "empty": the store is only a speed-up.
    """

    def __init__(self, kind: str, root: str, fmt: int, path: Path | None = None) -> None:
        digest = hashlib.sha256(root.encode("utf-8", "surrogateescape")).hexdigest()[:20]
        self.path = path or cache_dir() / kind / f"{digest}.json"
        self.fmt = fmt
        self._data: dict[str, Any] | None = None
        self._used: dict[str, Any] = {}  #: what this run read or wrote: all that the next run keeps
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self._data is None:
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
                ok = (
                    isinstance(raw, dict)
                    and raw.get("format") == self.fmt
                    and isinstance(raw.get("files"), dict)
                )
                self._data = raw["files"] if ok else {}
            except (OSError, ValueError, RecursionError):
                self._data = {}
        return self._data

    def stored_bytes(self) -> int:
        """The size of the stored file (0: none): about how much there is to decode."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def entry(self, key: str) -> Any:
        """The stored entry for ``key`` (None: none); call :meth:`keep` once it decoded."""
        return self._load().get(key)

    def keep(self, key: str, entry: Any) -> None:
        """Keep a stored entry that this run used."""
        self._used[key] = entry

    def put(self, key: str, entry: Any) -> None:
        self._used[key] = entry
        self._dirty = True

    def save(self) -> None:
        if self._data is not None and set(self._data) != set(self._used):
            self._dirty = True  # files were deleted or changed since the last run: forget them
        if not self._dirty:
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".store-", suffix=".tmp", dir=self.path.parent)
            try:
                # json.dumps, not json.dump: only the one-shot form uses the C encoder (5-10x faster)
                text = json.dumps({"format": self.fmt, "files": self._used}, separators=(",", ":"))
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(text)
                os.replace(tmp, self.path)
            finally:
                Path(tmp).unlink(missing_ok=True)
        self._dirty = False
