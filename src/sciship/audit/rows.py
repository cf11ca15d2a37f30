"""The audit table: one tidy row per repository and finding, and the summary per check.

Columns (``COLUMNS``): ``repository, commit, code, family, severity, status, message, path, line``.

- a check: ``code`` is the check code (``PKG103``), ``status`` one of ``passed``, ``failed``,
  ``skipped``, exactly as ``sciship check --format json`` reports it;
- a file sciship could not read or parse: ``code`` ``READ``, ``family`` ``audit``, ``status``
  ``problem`` (``sciship check`` lists these under "Files sciship could not fully read");
- a repository that could not be reviewed at all (a failed clone, a missing folder, an analysis that
  crashed): one row with ``code`` ``ERROR``, ``family`` ``audit``, ``status`` ``error``;
- with ``--deps``, one row per distribution: ``code`` the distribution's name (an unresolved
  import's own name), ``family`` ``dependency``, ``status`` the ``sciship deps`` verdict (``ok``,
  ``missing``, ``unused``, ...).

``severity``, ``path``, ``line`` and ``commit`` may be empty (null); ``message`` is empty for a passed
check.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import astuple, dataclass
from typing import Any

COLUMNS = ("repository", "commit", "code", "family", "severity", "status", "message", "path", "line")
ERROR = "ERROR"
READ = "READ"
AUDIT_FAMILY = "audit"
DEPENDENCY_FAMILY = "dependency"
CHECK_STATUSES = ("passed", "failed", "skipped")


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the audit table: a check result, an unreadable file, an error or a dependency."""

    repository: str
    commit: str | None
    code: str
    family: str
    severity: str | None
    status: str
    message: str
    path: str | None
    line: int | None

    def to_dict(self) -> dict[str, Any]:
        return dict(zip(COLUMNS, astuple(self), strict=True))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Row:
        def text(key: str) -> str | None:
            value = data.get(key)
            return None if value is None or value == "" else str(value)

        line = data.get("line")
        return cls(
            repository=str(data["repository"]),
            commit=text("commit"),
            code=str(data["code"]),
            family=str(data["family"]),
            severity=text("severity"),
            status=str(data["status"]),
            message=str(data.get("message") or ""),
            path=text("path"),
            line=int(line) if line not in (None, "") else None,
        )

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.repository,
            self.commit or "",
            _rank(self),
            self.code,
            self.path or "",
            self.line if self.line is not None else -1,
            self.status,
            self.message,
        )


def _rank(row: Row) -> int:
    """Within a repository: its error first, then the checks, the unreadable files, the dependencies."""
    if row.family == AUDIT_FAMILY:
        return 0 if row.code == ERROR else 2
    return 3 if row.family == DEPENDENCY_FAMILY else 1


def sort_rows(rows: Iterable[Row]) -> list[Row]:
    """Rows in one fixed order, whatever order the work finished in."""
    return sorted(rows, key=Row.sort_key)


def error_row(repository: str, message: str, commit: str | None = None) -> Row:
    """The one ``ERROR`` row of a repository that could not be reviewed, with ``message`` saying why."""
    return Row(repository, commit, ERROR, AUDIT_FAMILY, None, "error", message, None, None)


def is_error(rows: Iterable[Row]) -> bool:
    """Whether ``rows`` include an ``ERROR`` row, i.e. the repository could not be reviewed."""
    return any(r.code == ERROR and r.family == AUDIT_FAMILY for r in rows)


@dataclass(frozen=True)
class CheckSummary:
    """One check across all repositories it ran on."""

    code: str
    family: str
    severity: str | None
    title: str
    passed: int
    failed: int
    skipped: int

    @property
    def repositories(self) -> int:
        return self.passed + self.failed + self.skipped

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "family": self.family,
            "severity": self.severity,
            "title": self.title,
            "repositories": self.repositories,
            "passed": self.passed,
            "failed": self.failed,
            "skipped": self.skipped,
        }


@dataclass(frozen=True)
class DependencySummary:
    """One distribution across all repositories: in how many it appears, and how often with each verdict."""

    distribution: str
    repositories: int
    statuses: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"distribution": self.distribution, "repositories": self.repositories, **self.statuses}


@dataclass(frozen=True)
class Summary:
    """The whole audit in numbers: repositories reviewed, those that could not be, and each check's counts."""

    repositories: int  #: repositories in the table
    reviewed: int  #: of which reviewed (the rest could not be: see ``errors``)
    errors: tuple[tuple[str, str], ...]  #: (repository, message)
    checks: tuple[CheckSummary, ...]
    dependencies: tuple[DependencySummary, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "repositories": self.repositories,
            "reviewed": self.reviewed,
            "errors": [{"repository": r, "message": m} for r, m in self.errors],
            "checks": [c.to_dict() for c in self.checks],
        }
        if self.dependencies:
            out["dependencies"] = [d.to_dict() for d in self.dependencies]
        return out


def summarise(rows: Iterable[Row], titles: Mapping[str, str] | None = None) -> Summary:
    """How many repositories pass, fail and skip each check; the repositories that could not be reviewed."""
    titles = titles or {}
    repos: set[str] = set()
    errors: dict[str, str] = {}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    meta: dict[str, tuple[str, str | None]] = {}
    dep_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        repos.add(r.repository)
        if r.family == AUDIT_FAMILY:
            if r.code == ERROR:
                errors[r.repository] = r.message
        elif r.family == DEPENDENCY_FAMILY:
            dep_counts[r.code][r.status] += 1
        elif r.status in CHECK_STATUSES:
            counts[r.code][r.status] += 1
            meta.setdefault(r.code, (r.family, r.severity))
    checks = tuple(
        CheckSummary(
            code, meta[code][0], meta[code][1], titles.get(code, ""), c["passed"], c["failed"], c["skipped"]
        )
        for code, c in counts.items()
    )
    checks = tuple(sorted(checks, key=lambda c: c.code))
    deps = tuple(
        sorted(
            (
                DependencySummary(name, sum(c.values()), dict(sorted(c.items())))
                for name, c in dep_counts.items()
            ),
            key=lambda d: (-d.repositories, d.distribution),
        )
    )
    return Summary(len(repos), len(repos) - len(errors), tuple(sorted(errors.items())), checks, deps)
