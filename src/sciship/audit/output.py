"""The audit's files: the table of rows (``.parquet``, ``.csv`` or ``.jsonl``), its per-check summary
next to it (``results.summary.parquet`` for ``results.parquet``), and a journal while the audit runs.

The journal (``results.parquet.partial.jsonl``) gets one line per repository as soon as it is done, so
an audit that is killed loses nothing: ``--resume`` reads it back. The table and the summary are
written at the end (also when the run stops early), each atomically, and then the journal goes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, TextIO

from sciship._errors import InputError
from sciship.audit.rows import COLUMNS, CheckSummary, Row

Format = Literal["parquet", "csv", "jsonl"]
SUFFIXES: dict[str, Format] = {".parquet": "parquet", ".csv": "csv", ".jsonl": "jsonl"}
SUMMARY_COLUMNS = ("code", "family", "severity", "title", "repositories", "passed", "failed", "skipped")
_PYARROW_HINT = 'Install it with `pip install "sciship[audit]"`, or write `.csv` or `.jsonl` instead.'


class OutputFile:
    """The files one audit writes for the output name ``path``: the table, its summary and the journal.

    The format follows the suffix of ``path``; an unknown suffix is an :class:`InputError`.
    """

    def __init__(self, path: Path) -> None:
        fmt = SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            raise InputError(
                f"sciship cannot tell which format to write `{path.name}` in.",
                hint="End the output name with .parquet, .csv or .jsonl.",
            )
        self.path = path
        self.format: Format = fmt
        self.journal = path.with_name(path.name + ".partial.jsonl")
        self.summary = path.with_name(f"{path.stem}.summary{path.suffix}")

    # ------------------------------------------------------------------ before the run
    def check_usable(self, *, resume: bool) -> None:
        """Refuse what would lose work, before any work starts."""
        if self.format == "parquet":
            require_pyarrow()
        if not self.path.parent.is_dir():
            raise InputError(
                f"The folder `{self.path.parent}` for the output does not exist.",
                hint="Create it first, or give another --output.",
            )
        if resume:
            return
        earlier = ((self.journal, "an interrupted audit's journal"), (self.path, "an audit's results"))
        for path, what in earlier:
            if path.exists():
                raise InputError(
                    f"`{path}` already exists ({what}); sciship does not overwrite it.",
                    hint="Add --resume to continue that audit (only new or changed repositories are "
                    "reviewed), or give another --output.",
                )

    def previous(self) -> dict[str, tuple[Row, ...]]:
        """Rows of an earlier run, by repository: the table, then the journal (newer) on top."""
        out: dict[str, list[Row]] = {}
        if self.path.exists():
            for row in read_rows(self.path, self.format):
                out.setdefault(row.repository, []).append(row)
        found = {repo: tuple(rows) for repo, rows in out.items()}
        found.update(read_journal(self.journal))
        return found

    # ------------------------------------------------------------------ while it runs
    def open_journal(self) -> TextIO:
        return self.journal.open("a", encoding="utf-8")

    # ------------------------------------------------------------------ at the end
    def finish(self, rows: Sequence[Row], summary: Sequence[CheckSummary]) -> None:
        write_rows(self.path, self.format, rows)
        write_summary(self.summary, self.format, summary)
        self.journal.unlink(missing_ok=True)


def require_pyarrow() -> None:
    """Import pyarrow now, so a missing or broken install is said before the work, not after it."""
    try:
        import pyarrow as pa  # noqa: F401
        import pyarrow.parquet as pq  # noqa: F401
    except ImportError as exc:
        raise InputError(
            "Writing Parquet needs the `pyarrow` package, which is not installed.", hint=_PYARROW_HINT
        ) from exc


# ---------------------------------------------------------------------- journal
def journal_line(repository: str, commit: str | None, rows: Iterable[Row]) -> str:
    """The journal line for one reviewed repository: its commit and its rows, as one JSON object."""
    record = {"repository": repository, "commit": commit, "rows": [r.to_dict() for r in rows]}
    return json.dumps(record, ensure_ascii=False) + "\n"


def read_journal(path: Path) -> dict[str, tuple[Row, ...]]:
    """Each repository's latest rows; a line cut short by a kill is ignored (that repository is redone)."""
    out: dict[str, tuple[Row, ...]] = {}
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return out
    for line in text.splitlines():
        try:
            record = json.loads(line)
            out[str(record["repository"])] = tuple(Row.from_dict(r) for r in record["rows"])
        except (ValueError, KeyError, TypeError):
            continue
    return out


# ---------------------------------------------------------------------- tables
def read_rows(path: Path, fmt: Format) -> list[Row]:
    """The rows of a table written earlier in ``fmt``; a file that cannot be read is an InputError."""
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return [Row.from_dict(d) for d in pq.read_table(path).to_pylist()]
        with path.open(encoding="utf-8", newline="") as fh:
            if fmt == "csv":
                return [Row.from_dict(d) for d in csv.DictReader(fh)]
            return [Row.from_dict(json.loads(line)) for line in fh if line.strip()]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(
            f"sciship could not read the earlier results in `{path}` ({type(exc).__name__}: {exc}).",
            hint="--resume continues an audit from its own output; give another --output to start afresh.",
        ) from exc


def write_rows(path: Path, fmt: Format, rows: Sequence[Row]) -> None:
    """Write ``rows`` to ``path`` in ``fmt`` (``COLUMNS`` in that order), replacing the file atomically."""
    dicts = [r.to_dict() for r in rows]
    if fmt == "parquet":
        import pyarrow as pa

        schema = pa.schema(
            [(c, pa.int64() if c == "line" else pa.string()) for c in COLUMNS],
            metadata={b"sciship.schema": b"1"},
        )
        _atomic_parquet(path, pa.Table.from_pylist(dicts, schema=schema))
    else:
        _atomic_text(path, _text(dicts, COLUMNS, fmt))


def write_summary(path: Path, fmt: Format, summary: Sequence[CheckSummary]) -> None:
    """Write the per-check summary to ``path`` in ``fmt``, replacing the file atomically."""
    dicts = [s.to_dict() for s in summary]
    if fmt == "parquet":
        import pyarrow as pa

        schema = pa.schema(
            [(c, pa.int64() if c in {"repositories", "passed", "failed", "skipped"} else pa.string())
             for c in SUMMARY_COLUMNS]
        )  # fmt: skip
        _atomic_parquet(path, pa.Table.from_pylist(dicts, schema=schema))
    else:
        _atomic_text(path, _text(dicts, SUMMARY_COLUMNS, fmt))


def _text(dicts: list[dict[str, Any]], columns: Sequence[str], fmt: Format) -> str:
    buf = io.StringIO()
    if fmt == "csv":
        writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(dicts)
    else:
        for d in dicts:
            buf.write(json.dumps(d, ensure_ascii=False) + "\n")
    return buf.getvalue()


def _file_mode() -> int:
    """The mode a new file gets from the user's umask (a temporary file is private: 0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _atomic_text(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        Path(tmp).chmod(_file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _atomic_parquet(path: Path, table: Any) -> None:
    import pyarrow.parquet as pq

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        Path(tmp).chmod(_file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
