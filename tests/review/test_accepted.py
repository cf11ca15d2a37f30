"""`sciship review accepted`: the badge, the DOI and a changelog line, through one plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reviewkit import REPO, FakeGitHub

from helpers import GOOD_PYPROJECT, run_cli, write_tree
from sciship.project import Project
from sciship.review.accepted import badge_markdown, bare_doi, plan_acceptance
from sciship.review.github import IssueRef

URL = f"https://github.com/{REPO}/issues/230"
BADGE = badge_markdown(URL)
CFF = (
    'cff-version: 1.2.0\nmessage: "Cite it."\ntitle: example-pkg\nversion: 0.1.0\nauthors:\n  - name: "Ada"\n'
)
CHANGELOG = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- A thing.\n\n## [0.1.0]\n\n- First.\n"


def project(tmp_path: Path, readme: str, **extra: str) -> Path:
    return write_tree(tmp_path / "p", {"pyproject.toml": GOOD_PYPROJECT, "README.md": readme, **extra})


def plan_text(root: Path, doi: str | None = "10.5281/zenodo.987") -> dict[str, str]:
    plan = plan_acceptance(Project.load(root), IssueRef(REPO, 230), doi).plan
    return {a.path: (a.content or b"").decode() for a in plan.actions}


def test_badge_joins_the_badges_under_the_title(tmp_path: Path) -> None:
    readme = (
        "# example-pkg\n\n[![PyPI](https://img.shields.io/pypi/v/x)](https://pypi.org/project/x)\n"
        "[![Tests](https://x/badge.svg)](https://x)\n\nWhat it does.\n"
    )
    new = plan_text(project(tmp_path, readme, **{"CITATION.cff": CFF, "CHANGELOG.md": CHANGELOG}))[
        "README.md"
    ]
    lines = new.splitlines()
    assert lines[2].startswith("[![PyPI]")
    assert lines[3].startswith("[![Tests]")
    assert lines[4] == BADGE
    assert lines[5] == ""


def test_badge_under_a_title_without_badges(tmp_path: Path) -> None:
    new = plan_text(project(tmp_path, "# example-pkg\n\nWhat it does.\n"))["README.md"]
    assert new == f"# example-pkg\n\n{BADGE}\n\nWhat it does.\n"


def test_badge_in_restructuredtext(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "p",
        {
            "pyproject.toml": GOOD_PYPROJECT.replace("README.md", "README.rst"),
            "README.rst": "example-pkg\n===========\n\nWhat it does.\n",
        },
    )
    new = plan_text(root)["README.rst"]
    assert new.startswith(
        "example-pkg\n===========\n\n.. image:: https://pyopensci.org/badges/peer-reviewed.svg\n"
        f"   :target: {URL}\n   :alt: pyOpenSci Peer-Reviewed\n"
    )


def test_doi_goes_into_citation(tmp_path: Path) -> None:
    cff = plan_text(project(tmp_path, "# x\n", **{"CITATION.cff": CFF}))["CITATION.cff"]
    assert cff.startswith(CFF)  # every line of the user's kept
    assert "\ndoi: 10.5281/zenodo.987\n" in cff


def test_citation_written_first_when_missing(tmp_path: Path) -> None:
    cff = plan_text(project(tmp_path, "# x\n"))["CITATION.cff"]
    assert "\ncff-version: 1.2.0\n" in cff
    assert "\ndoi: 10.5281/zenodo.987\n" in cff


def test_existing_badge_is_left_alone_and_a_new_doi_is_explained(tmp_path: Path) -> None:
    readme = f"# x\n\n[![pyOpenSci](https://tinyurl.com/y22nb8up)]({URL})\n"
    cff = CFF + 'doi: "10.5281/zenodo.111"\n'
    root = project(tmp_path, readme, **{"CITATION.cff": cff, "CHANGELOG.md": CHANGELOG})
    plan = plan_acceptance(Project.load(root), IssueRef(REPO, 230), "10.5281/zenodo.987").plan
    assert [a.path for a in plan.actions] == ["CITATION.cff", "CHANGELOG.md"]
    assert any("already shows the pyOpenSci peer-reviewed badge" in n for n in plan.notes)
    assert any("gave the DOI 10.5281/zenodo.111; it now gives 10.5281/zenodo.987" in n for n in plan.notes)
    same = plan_acceptance(Project.load(root), IssueRef(REPO, 230), "10.5281/zenodo.111").plan
    assert "CITATION.cff" not in [a.path for a in same.actions]


def test_doi_in_every_metadata_file_present(tmp_path: Path) -> None:
    codemeta = json.dumps({"@context": "https://w3id.org/codemeta/3.0", "@type": "SoftwareSourceCode"})
    zenodo = '{\n  "title": "x"\n}\n'
    root = project(
        tmp_path, "# x\n", **{"CITATION.cff": CFF, "codemeta.json": codemeta, ".zenodo.json": zenodo}
    )
    written = plan_text(root)
    assert "10.5281/zenodo.987" in written["codemeta.json"]
    assert "10.5281/zenodo.987" in written[".zenodo.json"]
    assert "ro-crate-metadata.json" not in written  # files that are not there are not created


def test_changelog_line_under_unreleased(tmp_path: Path) -> None:
    log = plan_text(project(tmp_path, "# x\n", **{"CHANGELOG.md": CHANGELOG}))["CHANGELOG.md"]
    assert log.startswith(
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- Accepted by pyOpenSci after peer review "
        f"([review]({URL})); archived at https://doi.org/10.5281/zenodo.987.\n"
    )
    without = "# Changelog\n\n## 1.0.0\n\n- First.\n"
    log = plan_text(project(tmp_path / "b", "# x\n", **{"CHANGELOG.md": without}))["CHANGELOG.md"]
    assert log.startswith("# Changelog\n\n## Unreleased\n\n- Accepted by pyOpenSci")
    assert log.endswith("## 1.0.0\n\n- First.\n")


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("10.5281/zenodo.1", "10.5281/zenodo.1"),
        ("https://doi.org/10.5281/zenodo.1", "10.5281/zenodo.1"),
        ("doi:10.5281/zenodo.1", "10.5281/zenodo.1"),
        ("zenodo.1", None),
    ],
)
def test_bare_doi(text: str, doi: str | None) -> None:
    assert bare_doi(text) == doi


def test_cli_dry_run_then_apply_then_nothing_left(tmp_path: Path) -> None:
    root = project(
        tmp_path, "# example-pkg\n\nWhat it does.\n", **{"CITATION.cff": CFF, "CHANGELOG.md": CHANGELOG}
    )
    before = {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()}
    dry = run_cli(
        "review",
        "accepted",
        str(root),
        "--issue",
        "230",
        "--doi",
        "https://doi.org/10.5281/zenodo.987",
        "--dry-run",
    )
    assert dry.returncode == 0, dry.stderr
    assert "nothing was written" in dry.stdout
    assert f"+{BADGE}" in dry.stdout
    assert {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()} == before
    done = run_cli("review", "accepted", str(root), "--issue", f"{REPO}#230", "--doi", "10.5281/zenodo.987")
    assert done.returncode == 0, done.stderr
    assert BADGE in (root / "README.md").read_text()
    assert "doi: 10.5281/zenodo.987" in (root / "CITATION.cff").read_text()
    assert URL in (root / "CHANGELOG.md").read_text()
    again = run_cli("review", "accepted", str(root), "--issue", "230", "--doi", "10.5281/zenodo.987")
    assert again.returncode == 0
    assert "Nothing to change" in again.stderr


def test_cli_takes_the_doi_from_the_issue(github: FakeGitHub, tmp_path: Path) -> None:
    root = project(tmp_path, "# soilprobe\n", **{"CITATION.cff": CFF, "CHANGELOG.md": CHANGELOG})
    proc = run_cli("review", "accepted", str(root), "--issue", "229", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "10.5281/zenodo.7654321" in proc.stderr  # the Archive: of bold_keys.md
    assert "+doi: 10.5281/zenodo.7654321" in proc.stdout


def test_cli_without_network_still_adds_the_badge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewkit import closed_port

    monkeypatch.setenv("SCISHIP_CACHE_DIR", str(tmp_path / "cache"))
    root = project(tmp_path, "# x\n", **{"CITATION.cff": CFF, "CHANGELOG.md": CHANGELOG})
    proc = run_cli(
        "review",
        "accepted",
        str(root),
        "--issue",
        "230",
        "--dry-run",
        env={"GITHUB_API_URL": f"http://127.0.0.1:{closed_port()}"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "could not read the archive DOI" in proc.stderr
    assert "--doi" in proc.stderr
    assert f"+{BADGE}" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--issue", "not an issue"], "is not a review issue"),
        (["--issue", "230", "--doi", "zenodo 12"], "is not a DOI"),
    ],
)
def test_cli_bad_input(tmp_path: Path, args: list[str], message: str) -> None:
    root = project(tmp_path, "# x\n")
    proc = run_cli("review", "accepted", str(root), *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
