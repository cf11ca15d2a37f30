"""`sciship review check`: the editor-in-chief's checks, item by item, from one run of `sciship check`."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from helpers import GOOD_PYPROJECT, PROJECTS, run_cli
from sciship import _git
from sciship.checks import run_checks
from sciship.project import Project
from sciship.review.checklist import Readiness, evaluate

ROOT = Path(__file__).parents[2]
LAKE = ROOT / "examples" / "lake-temps"
ORDER = [
    "installation",
    "imports",
    "fit",
    "documentation",
    "docs-overview",
    "docs-tutorial",
    "docs-api",
    "core-files",
    "readme",
    "contributing",
    "code-of-conduct",
    "license",
    "issue-header",
    "tests-ci",
    "repository",
    "overlap",
    "archive",
    "version",
    "gen-ai",
    "linting",
    "type-checking",
    "modern-tooling",
]


@pytest.fixture(scope="module")
def new_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package made by `sciship new`: it should pass everything sciship can check."""
    target = tmp_path_factory.mktemp("new") / "lakeheat"
    proc = run_cli(
        "new",
        "lakeheat",
        "--directory",
        str(target),
        "--yes",
        "--github",
        "ada-l",
        "--author",
        "Ada Lovelace",
        "--email",
        "ada@example.org",
    )
    assert proc.returncode == 0, proc.stderr
    return target


def readiness(root: Path) -> Readiness:
    project = Project.load(root)
    return evaluate(project, run_checks(project))


def statuses(r: Readiness) -> dict[str, str]:
    return {i.key: i.status for i in r.items}


def test_items_follow_the_editor_in_chief_checklist() -> None:
    r = readiness(LAKE)
    assert [i.key for i in r.items] == ORDER
    assert [i.group for i in r.items][-3:] == ["optional"] * 3
    assert {i.key for i in r.items if i.group == "joss"} == {"archive", "version"}
    assert {i.key for i in r.for_a_person} >= {"fit", "overlap", "gen-ai"}


def test_a_new_package_is_ready(new_package: Path) -> None:
    r = readiness(new_package)
    s = statuses(r)
    assert r.ready, [(i.key, i.todo) for i in r.blocking]
    for key in (
        "installation",
        "imports",
        "documentation",
        "docs-tutorial",
        "docs-api",
        "readme",
        "license",
        "contributing",
        "code-of-conduct",
        "tests-ci",
        "repository",
        "linting",
        "modern-tooling",
    ):
        assert s[key] == "met", key
    assert s["issue-header"] == "for a person"  # only the GitHub handles are unknown
    assert s["version"] == "not met"  # no release tag yet
    assert r.item("imports").basis == "static"


def test_lake_temps_what_blocks_and_in_which_order() -> None:
    r = readiness(LAKE)
    s = statuses(r)
    assert s["installation"] == "not met"
    assert s["tests-ci"] == "not met"
    install = r.item("installation")
    assert {e.code for e in install.evidence if e.status == "failed"} == {"RDM311"}
    readme = next(e for e in install.evidence if e.code == "RDM311")
    assert readme.path == "README.md"
    # the license is declared the old way (a classifier), but the LICENSE file is the MIT text
    lic = r.item("license")
    assert lic.status == "met"
    assert lic.basis == "facts"
    assert any(e.code == "LIC200" and e.status == "failed" for e in lic.evidence)
    assert any("MIT" in e.text and e.path == "LICENSE" for e in lic.evidence)
    blocking = [i.key for i in r.blocking]
    assert blocking[0] == "installation"
    assert "core-files" not in blocking  # a roll-up is not listed twice
    order = [i.key for i in r.items]
    assert [i.rank for i in r.blocking] == sorted(i.rank for i in r.blocking)
    same_rank = [k for k in blocking if r.item(k).rank == r.item(blocking[0]).rank]
    assert same_rank == sorted(same_rank, key=order.index)  # then in the checklist's order


def test_a_failed_blocker_comes_first() -> None:
    project = Project.load(LAKE)
    findings = [
        dataclasses.replace(f, status="failed", message="no import package") if f.code == "LAY400" else f
        for f in run_checks(project)
    ]
    r = evaluate(project, findings)
    assert [i.key for i in r.blocking][:2] == ["installation", "imports"]  # LAY400 is a blocker
    assert r.item("imports").rank == 0


def test_items_read_codes_and_statuses_not_messages() -> None:
    project = Project.load(LAKE)
    findings = run_checks(project)
    reworded = [dataclasses.replace(f, message="(reworded)") for f in findings]
    assert statuses(evaluate(project, findings)) == statuses(evaluate(project, reworded))


def test_a_prerequisite_that_failed_counts_against_but_not_applicable_counts_for() -> None:
    project = Project.load(LAKE)
    findings = {f.code: f for f in run_checks(project)}
    r = evaluate(project, list(findings.values()))
    api = r.item("docs-api")
    assert api.status == "not met"  # DOC500 failed, so DOC501 was skipped: not met
    assert findings["DOC504"].status == "passed"
    # no public functions at all: DOC504 is skipped as not applicable, which does not count against
    skipped = dataclasses.replace(findings["DOC504"], status="skipped", message="no public functions")
    fake_docs = {**findings, "DOC504": skipped}
    for code in ("DOC500", "DOC501"):
        fake_docs[code] = dataclasses.replace(findings[code], status="passed", message="")
    assert evaluate(project, list(fake_docs.values())).item("docs-api").status == "met"


def test_install_command_must_name_the_package(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(PROJECTS / "build-good", root)
    readme = root / "README.md"
    readme.write_text(
        "# build-good\n\nA package to show that builds work as they should do here.\n\n"
        "```bash\npip install -e .\n```\n"
    )
    r = readiness(root)
    item = r.item("installation")
    assert item.status == "not met"
    assert "pip install" in item.todo
    readme.write_text(readme.read_text().replace("pip install -e .", "pip install goodpkg"))
    assert readiness(root).item("installation").status == "met"


def test_repository_link_must_match_the_remote(tmp_path: Path) -> None:
    from helpers import git, write_tree

    root = write_tree(tmp_path / "p", {"pyproject.toml": GOOD_PYPROJECT, "src/example_pkg/__init__.py": ""})
    git(root, "init", "-q")
    git(root, "remote", "add", "origin", "https://github.com/someone-else/fork.git")
    item = readiness(root).item("repository")
    assert item.status == "for a person"  # a fork, or a renamed organisation: only a person can tell
    assert "someone-else/fork" in " ".join(e.text for e in item.evidence)
    git(root, "remote", "set-url", "origin", "git@github.com:ada/example-pkg.git")
    _git.config.cache_clear()  # git's configuration is read once per process
    assert readiness(root).item("repository").status == "met"


def test_json_and_markdown_output() -> None:
    proc = run_cli("review", "check", str(LAKE), "--format", "json")
    assert proc.returncode == 1  # something blocks a submission
    data = json.loads(proc.stdout)
    assert data["schema"] == 1
    assert data["ready"] is False
    assert data["built"] is False
    assert [i["key"] for i in data["items"]] == ORDER
    assert data["blocking"][0] == "installation"
    item = data["items"][0]
    assert set(item) == {"key", "title", "group", "level", "status", "basis", "todo", "evidence"}
    assert set(item["evidence"][0]) == {"code", "status", "text", "path", "line"}
    assert data["checks"]["checks"] >= 60
    md = run_cli("review", "check", str(LAKE), "--format", "markdown").stdout
    assert md.startswith("## Ready for pyOpenSci review?")
    assert "- [ ] Installs from a community repository" in md
    assert "  - [x] Has API documentation built from docstrings" not in md  # DOC500 failed


def test_terminal_summary(new_package: Path) -> None:
    proc = run_cli("review", "check", str(new_package))
    assert proc.returncode == 0, proc.stderr
    assert "Nothing sciship can check blocks a submission." in proc.stdout
    assert "Left for you: Fits pyOpenSci's scope" in proc.stdout
    lake = run_cli("review", "check", str(LAKE))
    assert lake.returncode == 1
    assert "still block a submission, most important first:" in lake.stdout
    assert "  1. Installs from a community repository" in lake.stdout


def test_bad_path() -> None:
    proc = run_cli("review", "check", "/no/such/folder")
    assert proc.returncode == 2
    assert "There is no folder" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_build_proves_installs_and_imports(tmp_path: Path) -> None:
    good = tmp_path / "good"
    shutil.copytree(PROJECTS / "build-good", good)
    proc = run_cli("review", "check", str(good), "--build", "--format", "json")
    data = json.loads(proc.stdout)
    items = {i["key"]: i for i in data["items"]}
    assert data["built"] is True
    assert items["imports"]["basis"] == "build", proc.stderr
    assert items["imports"]["status"] == "met", proc.stderr
    assert not (good / "dist").exists()  # built in a temporary folder, not in the project
    bad = tmp_path / "bad"
    shutil.copytree(PROJECTS / "build-undeclared-dep", bad)
    data = json.loads(run_cli("review", "check", str(bad), "--build", "--format", "json").stdout)
    items = {i["key"]: i for i in data["items"]}
    assert items["imports"]["status"] == "not met"
    assert items["imports"]["basis"] == "build"


def test_version_tag_read_from_refs_and_packed_refs(tmp_path: Path) -> None:
    from helpers import git, write_tree

    root = write_tree(tmp_path / "p", {"pyproject.toml": GOOD_PYPROJECT, "src/example_pkg/__init__.py": ""})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    assert readiness(root).item("version").status == "not met"
    git(root, "tag", "v0.0.9")
    git(root, "tag", "-a", "v0.1.0", "-m", "release")
    version = readiness(root).item("version")
    assert version.status == "met"
    assert "`v0.1.0`" in version.evidence[0].text
    git(root, "pack-refs", "--all")
    assert not (root / ".git" / "refs" / "tags" / "v0.1.0").exists()
    assert readiness(root).item("version").status == "met"
    sub = write_tree(root / "examples" / "inner", {"pyproject.toml": GOOD_PYPROJECT})
    from sciship.review.facts import git_tags

    git(root, "add", "-A")
    assert git_tags(Project.load(sub)) == ("v0.1.0", "v0.0.9")  # a project inside a bigger repository


@pytest.mark.slow
def test_build_submodule_needing_an_extra_still_imports(tmp_path: Path) -> None:
    root = tmp_path / "extra"
    shutil.copytree(PROJECTS / "build-undeclared-dep", root)
    pyproject = root / "pyproject.toml"
    extra = '\n[project.optional-dependencies]\nsave = ["tomli-w>=1.0"]\n'
    pyproject.write_text(pyproject.read_text() + extra)
    data = json.loads(run_cli("review", "check", str(root), "--build", "--format", "json").stdout)
    imports = {i["key"]: i for i in data["items"]}["imports"]
    assert imports["status"] == "met"
    assert imports["basis"] == "build"
    assert "need a dependency declared as an optional extra" in imports["evidence"][-1]["text"]
