"""``sciship audit`` on this machine: the rows are `sciship check`'s, every failure is a row, a run that
stops loses nothing, ``--resume`` does no work twice, bad input is refused before any work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from auditkit import (
    FIXTURES,
    audit_cli,
    audit_json,
    bare_remote,
    big_project,
    by_repository,
    check_rows,
    copy_project,
    descendants,
    earlier_audit,
    fixture_sources,
    git,
    ordered,
    read_jsonl,
    start_audit,
    wait_for,
)

from sciship.audit.clone import clone_path
from sciship.audit.output import read_rows
from sciship.audit.rows import sort_rows


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Every run gets its own, empty user cache (clones and scan cache)."""
    cache = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return {"XDG_CACHE_HOME": str(cache)}


@pytest.fixture
def sources(tmp_path: Path) -> list[str]:
    """Seven fixture projects (folders and git repositories) and a repository cloned over file://."""
    return [*fixture_sources(tmp_path), bare_remote("layout-missing-init", tmp_path)]


def test_rows_are_what_check_says_for_every_repository(
    tmp_path: Path, sources: list[str], env: dict[str, str]
) -> None:
    out = tmp_path / "results.jsonl"
    missing = (tmp_path / "nothing-here.git").as_uri()
    data = audit_json(*sources, missing, "--output", str(out), "--jobs", "2", env=env)
    rows = read_jsonl(out)
    assert rows == [r.to_dict() for r in sort_rows(read_rows(out, "jsonl"))], "rows are written sorted"
    got = by_repository(rows)
    assert len(got) == len(sources) + 1
    clone = clone_path(Path(env["XDG_CACHE_HOME"]) / "sciship" / "audit", sources[-1])
    for source in sources:
        folder, repository = (
            (clone, source.removesuffix(".git")) if "://" in source else (Path(source), source)
        )
        assert ordered(got[repository]) == ordered(check_rows(folder, repository, env)), repository
    # a clone that fails is one row with git's reason; the run goes on
    (error,) = got[missing.removesuffix(".git")]
    assert (error["code"], error["family"], error["status"]) == ("ERROR", "audit", "error")
    assert "git could not clone it" in error["message"]
    assert data["reviewed"] == len(sources)
    assert data["errors"] == [{"repository": missing.removesuffix(".git"), "message": error["message"]}]
    # the summary per check counts the repositories
    summary = {s["code"]: s for s in read_jsonl(tmp_path / "results.summary.jsonl")}
    for code, s in summary.items():
        statuses = [r["status"] for r in rows if r["code"] == code]
        assert (s["passed"], s["failed"], s["skipped"]) == tuple(
            map(statuses.count, ("passed", "failed", "skipped"))
        )
    assert summary["PKG101"]["failed"] >= 1  # broken-toml


def test_the_formats_hold_the_same_rows(tmp_path: Path, env: dict[str, str]) -> None:
    sources = fixture_sources(tmp_path, FIXTURES[:2])
    tables = {}
    for suffix, fmt in ((".jsonl", "jsonl"), (".csv", "csv"), (".parquet", "parquet")):
        out = tmp_path / f"results{suffix}"
        assert audit_cli(*sources, "--output", str(out), "--jobs", "1", env=env).returncode == 0
        tables[fmt] = read_rows(out, fmt)
        assert (tmp_path / f"results.summary{suffix}").is_file()
    assert tables["jsonl"] == tables["csv"] == tables["parquet"]
    assert any(r.line is not None for r in tables["parquet"])


def test_resume_does_no_work_twice(tmp_path: Path, sources: list[str], env: dict[str, str]) -> None:
    out = tmp_path / "results.parquet"
    first = audit_json(*sources, "--output", str(out), env=env)
    assert first["this_run"]["reviewed"] == len(sources)
    before = out.read_bytes()
    again = audit_json(*sources, "--output", str(out), "--resume", env=env)
    counts = {k: again["this_run"][k] for k in ("repositories", "reviewed", "unchanged", "errors", "resent")}
    assert counts == {
        "repositories": len(sources),
        "reviewed": 0,
        "unchanged": len(sources),
        "errors": 0,
        "resent": 0,
    }
    assert out.read_bytes() == before
    # a new commit in one repository: only that one is reviewed again
    changed = Path(sources[0])
    (changed / "NEWS.md").write_text("news\n")
    git(changed, "add", "-A")
    git(changed, "commit", "-q", "-m", "news")
    third = audit_json(*sources, "--output", str(out), "--resume", env=env)
    assert (third["this_run"]["reviewed"], third["this_run"]["unchanged"]) == (1, len(sources) - 1)
    rows = read_rows(out, "parquet")
    commits = {r.commit for r in rows if r.repository == str(changed)}
    assert commits == {git(changed, "rev-parse", "HEAD").strip()}, "the old commit's rows are replaced"


def test_existing_results_are_never_overwritten(tmp_path: Path, env: dict[str, str]) -> None:
    sources = fixture_sources(tmp_path, FIXTURES[:1])
    out = tmp_path / "results.csv"
    out.write_text("precious\n")
    result = audit_cli(*sources, "--output", str(out), env=env)
    assert result.returncode == 2
    assert "already exists" in result.stderr
    assert "--resume" in result.stderr
    assert out.read_text() == "precious\n"


def test_broken_repositories_become_rows(tmp_path: Path, env: dict[str, str]) -> None:
    odd = copy_project("build-good", tmp_path / "odd", in_git=False)
    os.mkfifo(odd / "src" / "goodpkg" / "pipe.py")  # reading a pipe would block a worker forever
    with (odd / "src" / "goodpkg" / "huge.py").open("wb") as fh:  # sparse: 40 MB on paper, none on disk
        fh.truncate(40 * 1024 * 1024)
    (odd / os.fsdecode(b"caf\xe9.py")).write_text('print "hello"\n')  # a name that is not UTF-8
    empty = tmp_path / "empty"
    empty.mkdir()
    listing = tmp_path / "repos.txt"
    listing.write_text(f"# my repositories\n{odd}\n{empty}\n./not-there\n\n", encoding="utf-8")
    out = tmp_path / "results.csv"
    data = audit_json(str(listing), "--output", str(out), "--jobs", "2", env=env)
    rows = by_repository([r.to_dict() for r in read_rows(out, "csv")])
    problems = {r["path"]: r["message"] for r in rows[str(odd)] if r["code"] == "READ"}
    assert "not a regular file" in problems["src/goodpkg/pipe.py"]
    assert "audit reads files up to" in problems["src/goodpkg/huge.py"]
    assert "caf\ufffd.py" in problems  # the name, readable, in every format
    assert [r["code"] for r in rows[str(empty)]] == ["ERROR"]
    assert "empty" in rows[str(empty)][0]["message"]
    (gone,) = rows[str(tmp_path / "not-there")]
    assert gone["code"] == "ERROR"
    assert "repos.txt:4" in gone["message"]
    assert data["reviewed"] == 1
    assert len(data["errors"]) == 2


@pytest.mark.slow
def test_a_killed_audit_loses_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    sources = fixture_sources(tmp_path)
    reference = tmp_path / "reference.jsonl"
    assert audit_cli(*sources, "--output", str(reference), "--jobs", "1", env=env).returncode == 0
    out = tmp_path / "results.jsonl"
    journal = tmp_path / "results.jsonl.partial.jsonl"
    proc = start_audit(*sources, "--output", str(out), "--jobs", "1", env=env)
    wait_for(lambda: (journal.exists() and journal.read_text().count("\n") >= 2) or proc.poll() is not None)
    os.killpg(proc.pid, signal.SIGKILL)  # the audit and its workers, mid-run, with no chance to clean up
    proc.communicate()
    done = journal.read_text().count("\n")
    assert not out.exists()
    assert 2 <= done < len(sources)
    data = audit_json(*sources, "--output", str(out), "--resume", env=env)
    assert data["this_run"]["reviewed"] == len(sources) - done
    assert not journal.exists()
    assert out.read_text() == reference.read_text()


@pytest.mark.slow
def test_a_killed_worker_process_loses_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    sources = [*fixture_sources(tmp_path), big_project(tmp_path)]  # the last takes about a second
    reference = tmp_path / "reference.jsonl"
    assert audit_cli(*sources, "--output", str(reference), "--jobs", "2", env=env).returncode == 0
    out = tmp_path / "results.jsonl"
    journal = tmp_path / "results.jsonl.partial.jsonl"
    proc = start_audit(*sources, "--output", str(out), "--jobs", "2", "--format", "json", env=env)

    def workers() -> list[int]:  # the pool's processes are forked by the fork server, a child of the audit
        servers = [p for p in descendants(proc.pid) if b"forkserver" in _cmdline(p)]
        return [w for server in servers for w in descendants(server)]

    wait_for(lambda: (journal.exists() and len(workers()) >= 2) or proc.poll() is not None)
    assert proc.poll() is None, "the audit finished before a worker could be killed"
    os.kill(workers()[0], signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert json.loads(stdout)["this_run"]["resent"] >= 1
    assert out.read_text() == reference.read_text()


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


# ---------------------------------------------------------------------- sources
PACKAGES_YAML = """\
- package_name: first
  repository_link: {first}
  categories:
    - data-retrieval
- package_name: no link yet
  repository_link:
- package_name: second
  repository_link: {second}
"""


def test_a_pyopensci_packages_file(tmp_path: Path, env: dict[str, str]) -> None:
    first, second = bare_remote("build-good", tmp_path), bare_remote("python2", tmp_path)
    packages = tmp_path / "packages.yml"
    packages.write_text(PACKAGES_YAML.format(first=first, second=second + "/"))
    result = audit_cli(str(packages), "--format", "json", "--cache", str(tmp_path / "clones"), env=env)
    assert result.returncode == 0, result.stderr
    assert "packages.yml:5 (no link yet) has no `repository_link`" in result.stderr
    data = json.loads(result.stdout)
    assert (data["repositories"], data["reviewed"]) == (2, 2)
    assert len(list((tmp_path / "clones" / "repos").iterdir())) == 2, "clones go to --cache"


def _file(name: str, content: str | bytes) -> object:
    def make(base: Path) -> Path:
        path = base / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return make


def _dangling(base: Path) -> Path:
    (base / "link.txt").symlink_to(base / "gone")
    return base / "link.txt"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda base: base / "gone.txt", "is not a folder, a file listing repositories"),
        (_dangling, "cannot read the source list"),
        (_file("list.txt", b"\xff\xfe\x00bin"), "is not UTF-8 text"),
        (_file("p.yml", "- a: [1, 2\n- b: 3\n"), "p.yml:2:4: `p.yml` is not valid YAML"),
        (_file("p.yaml", "name: x\n"), "is not a list of packages"),
        (_file("list.txt", "ext::sh -c touch% /tmp/pwned\n"), "uses git's `ext` transport"),
    ],
    ids=["missing", "unreadable", "binary", "malformed-yaml", "yaml-not-a-list", "dangerous-url"],
)
def test_bad_input_is_refused_and_keeps_the_results(
    tmp_path: Path, env: dict[str, str], make, expected: str
) -> None:  # type: ignore[no-untyped-def]
    sources = fixture_sources(tmp_path, FIXTURES[:1])
    out = tmp_path / "results.jsonl"
    before = earlier_audit(out)
    bad = make(tmp_path)
    result = audit_cli(*sources, str(bad), "--output", str(out), "--resume", env=env)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "What to do:" in result.stderr
    assert "Traceback" not in result.stderr
    assert {path: path.read_bytes() for path in before} == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--resume",), "no --output was given"),
        (("--output", "results.xlsx"), "End the output name with .parquet, .csv or .jsonl"),
        (("--jobs", "2", "--scheduler", "tcp://127.0.0.1:1"), "--jobs sets the size of the local pool"),
    ],
    ids=["resume-without-output", "unknown-format", "jobs-and-scheduler"],
)
def test_usage_errors(tmp_path: Path, env: dict[str, str], args: tuple[str, ...], expected: str) -> None:
    result = audit_cli(str(tmp_path), *args, env=env)
    assert result.returncode == 2
    assert expected in result.stderr


def test_parquet_without_pyarrow_says_what_to_install(tmp_path: Path, env: dict[str, str]) -> None:
    sources = fixture_sources(tmp_path, FIXTURES[:1])
    code = (
        "import sys; sys.modules['pyarrow'] = None\n"
        "from sciship.cli import main; sys.exit(main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "audit", *sources, "--output", str(tmp_path / "r.parquet")],
        capture_output=True, text=True, check=False, env={**os.environ, **env},
    )  # fmt: skip
    assert result.returncode == 2
    assert 'pip install "sciship[audit]"' in result.stderr
    assert not (tmp_path / "r.parquet").exists()
