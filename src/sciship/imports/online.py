"""``sciship deps --online``: ask the package index whether a name exists (never by default).

Only names sciship could not resolve from the project, its tables or the environment are looked up,
on the index's JSON API (``{base}/{name}/json``; PyPI's is ``https://pypi.org/pypi``). Answers are
kept for a week in the user's cache folder (``index-names.json``), never in the project.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

DEFAULT_INDEX = "https://pypi.org/pypi"
#: how long an answer is kept (seconds)
KEEP = 7 * 24 * 3600


class Index:
    """A package index's JSON API, with answers cached per base URL."""

    def __init__(
        self, base_url: str = DEFAULT_INDEX, *, timeout: float = 10.0, cache: Path | None = None
    ) -> None:
        self.base = base_url.rstrip("/")
        self.timeout = timeout
        if cache is None:
            from sciship._cache import cache_dir

            cache = cache_dir() / "index-names.json"
        self.cache = cache

    def exists(self, names: Iterable[str]) -> dict[str, bool | None]:
        """For each (normalised) name: True (the index has it), False (it does not), None (no answer)."""
        names = list(dict.fromkeys(names))
        stored = self._load()
        now = time.time()
        known = stored.setdefault(self.base, {})
        out: dict[str, bool | None] = {}
        todo = []
        for name in names:
            entry = known.get(name)
            if isinstance(entry, list) and len(entry) == 2 and now - float(str(entry[1])) < KEEP:
                out[name] = bool(entry[0])
            else:
                todo.append(name)
        if todo:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(min(8, len(todo))) as pool:
                for name, answer in zip(todo, pool.map(self._ask, todo), strict=True):
                    out[name] = answer
                    if answer is not None:
                        known[name] = [answer, now]
            self._save(stored)
        return out

    def _ask(self, name: str) -> bool | None:
        import urllib.error
        import urllib.request

        url = f"{self.base}/{name}/json"
        if not url.startswith(("https://", "http://")):
            return None
        request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "sciship"})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - http(s) only
                json.loads(response.read(2_000_000) or b"{}")
                return True
        except urllib.error.HTTPError as exc:
            return False if exc.code in {404, 410} else None
        except (OSError, ValueError):
            return None

    def _load(self) -> dict[str, dict[str, list[object]]]:
        try:
            data = json.loads(self.cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self, data: dict[str, dict[str, list[object]]]) -> None:
        with contextlib.suppress(OSError):
            self.cache.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=self.cache.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(data, fh)
                os.replace(tmp, self.cache)
            finally:
                Path(tmp).unlink(missing_ok=True)
