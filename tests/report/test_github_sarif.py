"""`--format github` (workflow commands) and `--format sarif` (validated against the SARIF 2.1.0 schema)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from reportkit import check_json, exit_code, failed

from helpers import HERE, run_cli
from sciship.report.github import command, escape_data, escape_property

SCHEMA = json.loads((HERE / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")
LEVEL = {"blocker": "error", "important": "warning", "polish": "notice"}


def unescape(text: str) -> str:
    """What the Actions runner does with an escaped value."""
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, line
    props: dict[str, str] = {}
    for part in (m.group(2) or "").split(","):
        if part:
            key, _, value = part.partition("=")
            props[key] = unescape(value)
    return m.group(1), props, unescape(m.group(3))


# ---------------------------------------------------------------------------------- github
def test_escaping_follows_the_runner() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = command("error", "two\nlines", file="dir,x/a:b.py", line=3, title="T1 50% sure")
    assert line == "::error file=dir%2Cx/a%3Ab.py,line=3,title=T1 50%25 sure::two%0Alines"
    assert parse(line) == (
        "error",
        {"file": "dir,x/a:b.py", "line": "3", "title": "T1 50% sure"},
        "two\nlines",
    )
    assert command("notice", "m") == "::notice::m"
    assert "\x1b" not in command("warning", "colour \x1b[31m and bell \x07")


@pytest.mark.parametrize("which", ["good_project", "troubled_project", "hostile_project"])
def test_one_annotation_per_failure(which: str, request: pytest.FixtureRequest) -> None:
    root: Path = request.getfixturevalue(which)
    proc = run_cli("check", str(root), "--format", "github", "--fail-on", "never", cwd=root)
    assert proc.returncode == 0, proc.stderr
    data = check_json(root)
    failed = [f for f in data["findings"] if f["status"] == "failed"]  # type: ignore[union-attr]
    failed.sort(key=lambda f: list(LEVEL).index(f["severity"]))  # worst first, then report order
    lines = proc.stdout.splitlines()
    commands = [parse(line) for line in lines if line.startswith("::")]
    problems = data["problems"]
    assert isinstance(problems, list)
    assert len(commands) == len(failed) + len(problems)
    for f, (level, props, message) in zip(failed, commands[: len(failed)], strict=True):
        assert level == LEVEL[f["severity"]]
        assert props["title"].startswith(f["code"] + " ")
        if f["path"]:
            assert props["file"] == f["path"]  # run from the project folder: paths as they are
        assert "Fix: " in message
    # nothing a project says can start a command of its own: every line is ours or plain text
    for line in lines:
        assert line.startswith(("::error ", "::warning ", "::notice ", "Summary:", "Next step:")), line


def test_paths_are_relative_to_the_repository(troubled_project: Path) -> None:
    repo = troubled_project.parent
    proc = run_cli("check", "lake-temps", "--format", "github", cwd=repo, env={"GITHUB_WORKSPACE": str(repo)})
    data = check_json(troubled_project)
    assert proc.returncode == exit_code(data)
    files = {parse(line)[1].get("file") for line in proc.stdout.splitlines() if line.startswith("::")}
    assert files == {f"lake-temps/{f['path']}" if f["path"] else None for f in failed(data)}


def test_hostile_names_cannot_inject_commands(hostile_project: Path, tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    for p in hostile_project.rglob("*"):
        if p.is_file():
            dest = root / p.relative_to(hostile_project)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(p.read_bytes())
    (root / "src" / "bad_pkg" / "x\n::error::injected.py").write_text("def (:\n")
    proc = run_cli("check", str(root), "--format", "github", "--fail-on", "never", cwd=root)
    assert proc.returncode == 0, proc.stderr
    for line in proc.stdout.splitlines():
        assert not line.startswith("::error::injected"), line
    assert "injected" in proc.stdout  # reported (as an unreadable file), inside an escaped property


# ---------------------------------------------------------------------------------- sarif
@pytest.mark.parametrize("which", ["good_project", "troubled_project", "hostile_project"])
def test_sarif_is_valid_and_complete(which: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    root: Path = request.getfixturevalue(which)
    out = tmp_path / "check.sarif"
    proc = run_cli(
        "check", str(root), "--format", "sarif", "--output", str(out), "--fail-on", "never", cwd=root
    )
    assert proc.returncode == 0, proc.stderr
    sarif = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    data = check_json(root)
    findings = data["findings"]
    assert isinstance(findings, list)
    (run,) = sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [f["code"] for f in findings]
    failed = [f for f in findings if f["status"] == "failed"]
    assert [r["ruleId"] for r in run["results"]] == [f["code"] for f in failed]
    levels = {"blocker": "error", "important": "warning", "polish": "note"}
    for result, f in zip(run["results"], failed, strict=True):
        assert result["level"] == levels[f["severity"]]
        assert rules[result["ruleIndex"]]["id"] == f["code"]
        (loc,) = result["locations"]
        uri = loc["physicalLocation"]["artifactLocation"]["uri"]
        assert uri, "code scanning needs a file for every result"
        if f["path"]:
            assert uri == f["path"]
        else:
            assert result["properties"]["sciship.anchored"] is True


def test_schema_catches_a_broken_log() -> None:
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"message": {}}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(broken)
