"""Write a report to the file a user named with ``--output``: atomically, with a clear message on failure.

A report file sciship wrote before is replaced (running the same command again is the point); any other
existing file is left alone, so a typo in ``--output`` never destroys someone's work.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sciship._errors import InputError

#: what the beginning of a report sciship wrote looks like, per format
_MARKERS = (
    '<meta name="generator" content="sciship',
    '"name": "sciship"',  # SARIF's tool.driver.name
    '{\n  "schema": 1,',  # check/deps JSON
    "## sciship check",  # Markdown
)


def _ours(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(8192).decode("utf-8", errors="replace")
    except OSError:
        return False
    return not head.strip() or any(m in head for m in _MARKERS)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_report(text: str, output: str | os.PathLike[str]) -> Path:
    """Write ``text`` to ``output`` (parents are created) and return its absolute path.

    Raises :class:`InputError` with what to do when the file cannot be written.
    """
    path = Path(output).expanduser()
    shown = str(output)
    if path.is_dir():
        raise InputError(
            f"`{shown}` is a folder, so the report cannot be written there.",
            hint=f"Name a file inside it, for example `--output {path / 'report.html'}`.",
        )
    if path.exists() and not _ours(path):
        raise InputError(
            f"`{shown}` already exists and is not a report sciship wrote, so sciship leaves it alone.",
            hint="Choose another file name for --output, or move that file away first.",
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            Path(tmp).chmod(0o666 & ~_umask())  # mkstemp makes it private; a report is a normal file
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(
            f"sciship could not write the report to `{shown}` ({reason}).",
            hint="Check that the folder exists and that you may write there, or choose another --output.",
        ) from None
    return path.resolve()
