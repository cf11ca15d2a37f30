"""Helpers for the audit tests: fixture repositories on disk (folders, git repositories, a bare repository
cloned over ``file://``), the rows ``sciship check --format json`` implies for one of them, and readers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from helpers import PROJECTS, git, run_cli

ROW_KEYS = ("code", "family", "severity", "status", "message", "path", "line")

#: fixture projects that differ in what passes and fails (one with broken TOML, one not UTF-8, ...)
FIXTURES = ("build-good", "broken-toml", "non-utf8", "python2", "meta-messy", "ci-token-publish", "sentinel")


def copy_project(name: str, dest: Path, *, in_git: bool) -> Path:
    shutil.copytree(PROJECTS / name, dest, symlinks=True)
    if in_git:
        git(dest, "init", "-q", "-b", "main")
        git(dest, "add", "-A")
        git(dest, "commit", "-q", "-m", "first")
    return dest


def bare_remote(name: str, base: Path) -> str:
    """A bare git repository holding fixture ``name``, as a ``file://`` URL (a clone "from a server")."""
    work = copy_project(name, base / f"{name}-work", in_git=True)
    bare = base / f"{name}.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True, capture_output=True)
    return bare.as_uri()


def fixture_sources(base: Path, names: Sequence[str] = FIXTURES) -> list[str]:
    """Fixture projects copied under ``base``: every other one a git repository, the rest plain folders."""
    out = []
    for i, name in enumerate(names):
        out.append(str(copy_project(name, base / "projects" / name, in_git=i % 2 == 0)))
    return out


def commit_of(folder: Path) -> str | None:
    proc = subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
    )
    return proc.stdout.strip() if proc.returncode == 0 else None


def check_rows(folder: Path, repository: str, env: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """The rows an audit must give for ``folder``, from ``sciship check --format json`` run alone."""
    result = run_cli("check", str(folder), "--format", "json", "--fail-on", "never", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    commit = commit_of(folder)
    rows = [
        {"repository": repository, "commit": commit, **{k: f[k] for k in ROW_KEYS}} for f in data["findings"]
    ]
    rows += [
        {
            "repository": repository,
            "commit": commit,
            "code": "READ",
            "family": "audit",
            "severity": None,
            "status": "problem",
            "message": p["message"],
            "path": p["path"],
            "line": p["line"],
        }
        for p in data["problems"]
    ]
    for r in rows:
        r["message"] = r["message"] or ""
    return rows


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def by_repository(rows: Sequence[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(str(r["repository"]), []).append(dict(r))
    return out


def ordered(rows: Sequence[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted(
        tuple("" if r[k] is None else str(r[k]) for k in ("repository", "commit", *ROW_KEYS)) for r in rows
    )


def audit_cli(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli("audit", *args, env=env)


def audit_json(*args: str, env: Mapping[str, str] | None = None) -> dict[str, Any]:
    result = audit_cli(*args, "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def start_audit(*args: str, env: Mapping[str, str]) -> subprocess.Popen[str]:
    """``sciship audit`` running in the background, in its own process group (to kill it whole)."""
    return subprocess.Popen(
        [sys.executable, "-m", "sciship", "audit", *args],
        env={**os.environ, "NO_COLOR": "1", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_for(condition: Any, timeout: float = 60.0, step: float = 0.02) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(step)


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (read from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def big_project(base: Path, modules: int = 1000) -> str:
    """A package of ``modules`` small modules: a repository that takes about a second to review."""
    root = copy_project("build-good", base / "big", in_git=False)
    body = "import os\nimport numpy\n\n\ndef f(x):\n    return x + {i}\n"
    for i in range(modules):
        (root / "src" / "goodpkg" / f"m{i}.py").write_text(body.format(i=i))
    return str(root)


def earlier_audit(out: Path) -> dict[Path, bytes]:
    """The files an earlier, interrupted audit left: its table and its journal. Returns their bytes."""
    from sciship.audit.output import SUFFIXES, journal_line, write_rows
    from sciship.audit.rows import Row

    row = Row("/somewhere/else", "0" * 40, "PKG100", "pyproject", "blocker", "passed", "", None, None)
    write_rows(out, SUFFIXES[out.suffix], [row])
    journal = out.with_name(out.name + ".partial.jsonl")
    journal.write_text(journal_line("/another/one", None, [row]), encoding="utf-8")
    return {out: out.read_bytes(), journal: journal.read_bytes()}
