"""`sciship review submission`: the template's structure, values from the project, parsed back the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import GOOD_PYPROJECT, git, run_cli, write_tree
from sciship.checks import run_checks
from sciship.project import Project
from sciship.review import submission
from sciship.review.issue import parse_body

ROOT = Path(__file__).parents[2]
PROJECTS = [ROOT, ROOT / "examples" / "lake-temps", ROOT / "examples" / "research-scripts"]


def header_keys(text: str) -> list[str]:
    head = text.split("\n---\n", 1)[0]
    return [line.split(":", 1)[0] for line in head.splitlines() if line.strip()]


def sections(text: str) -> list[str]:
    return re.findall(r"^## (.+)$", text, re.MULTILINE)


def written(root: Path, *, presubmission: bool = False) -> tuple[str, submission.Facts]:
    project = Project.load(root)
    result = submission.write(project, run_checks(project), presubmission=presubmission)
    return result.text, submission.gather(project)


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_every_header_key_and_section_in_template_order(root: Path) -> None:
    text, _ = written(root)
    assert header_keys(text) == list(submission.HEADER_KEYS)
    assert sections(text) == list(submission.SECTIONS)
    assert text.count("\t- [ ] ") == len(submission.CATEGORIES)


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_parsed_back_gives_the_same_values(root: Path) -> None:
    text, facts = written(root)
    review = parse_body(text)

    def value(place: object) -> str | None:
        return getattr(place, "value", None)

    assert review.package_name == value(facts.name)
    assert review.package_description == value(facts.description)
    assert review.repository_link == value(facts.repository)
    assert review.version_submitted == value(facts.version)
    author = review.submitting_author
    assert (author.name if author else None) == (facts.author.name if facts.author else None)
    assert [m.name for m in review.all_current_maintainers] == [m.name for m in facts.maintainers]
    for field in ("eic", "editor", "reviewers"):
        assert getattr(review, field) == ()
    assert (review.archive, review.joss, review.version_accepted, review.date_accepted) == (None,) * 4
    assert review.categories == ()
    assert review.partners == ()
    assert review.extra == {}
    # the same through the command line, as an editor would read it
    proc = run_cli("review", "status", "-", "--format", "json", stdin=text)
    assert proc.returncode == 0, proc.stderr
    assert f'"package_name": "{value(facts.name)}"' in proc.stdout or facts.name is None


@pytest.mark.parametrize("root", PROJECTS[:2], ids=lambda p: p.name)
def test_presubmission(root: Path) -> None:
    text, facts = written(root, presubmission=True)
    assert header_keys(text) == list(submission.PRESUBMISSION_KEYS)
    assert sections(text) == list(submission.PRESUBMISSION_SECTIONS)
    review = parse_body(text)
    assert review.kind == "presubmission"
    assert review.package_name == (facts.name.value if facts.name else None)


def test_boxes_are_ticked_only_with_evidence() -> None:
    text, _ = written(ROOT)
    ticked = [line for line in text.splitlines() if line.lstrip().startswith("- [x]")]
    assert ticked, "sciship's own repository passes some technical checks"
    for line in ticked:
        if line.startswith("- [x] Yes I am OK with reviewers"):
            continue  # pyOpenSci's template ticks this one itself
        assert "<!-- sciship verified: " in line, line
    for line in ("I agree to abide by", "I have read the [author guide]", "does not violate the Terms"):
        assert any(x.startswith("- [ ] ") and line in x for x in text.splitlines()), line
    assert "- [ ] includes documentation with examples for all functions." in text


def test_lake_temps_evidence_of_what_is_missing() -> None:
    text, facts = written(ROOT / "examples" / "lake-temps")
    assert "- [ ] has continuous integration setup" in text
    assert "sciship did not tick this: CI700 failed" in text
    assert "- [x] has a test suite. <!-- sciship verified: LAY405" in text
    assert "Repository Link: TBD" in text
    assert "Repository Link" in facts.unknown


def _git_project(tmp_path: Path, *, paper: bool = False, doi: bool = False) -> Path:
    root = write_tree(
        tmp_path / "example-pkg",
        {
            "pyproject.toml": GOOD_PYPROJECT,
            "README.md": "# example-pkg\n\nexample-pkg estimates lake heat content from temperature profiles "
            "measured by moored loggers.\n\n```bash\npip install example-pkg\n```\n",
            "src/example_pkg/__init__.py": '"""Lakes."""\n',
            "tests/test_x.py": "def test_x():\n    pass\n",
            **({"paper/paper.md": "---\ntitle: x\n---\n"} if paper else {}),
            **(
                {"CITATION.cff": 'cff-version: 1.2.0\ntitle: example-pkg\ndoi: "10.5281/zenodo.42"\n'}
                if doi
                else {}
            ),
        },
    )
    git(root, "init", "-q")
    git(root, "config", "user.name", "Ada Lovelace")
    git(root, "config", "github.user", "ada-l")
    git(root, "remote", "add", "origin", "git@github.com:ada/example-pkg.git")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    git(root, "tag", "v0.1.0")
    return root


def test_values_from_metadata_git_and_the_remote(tmp_path: Path) -> None:
    root = _git_project(tmp_path)
    proc = run_cli("review", "submission", str(root))
    assert proc.returncode == 0, proc.stderr
    head = proc.stdout.split("\n---\n", 1)[0]
    assert "Submitting Author: Ada Lovelace (@ada-l)" in head
    assert "All current maintainers: Ada Lovelace (@ada-l)" in head
    assert "Repository Link: https://github.com/ada/example-pkg" in head
    assert "Version submitted: 0.1.0" in head
    assert "TBD for" not in proc.stderr  # nothing of the author's part left unknown
    assert "issues/new?template=submit-software-for-review.md" in proc.stderr
    assert "example-pkg estimates lake heat content" in proc.stdout
    assert "- [ ] Do you wish to automatically submit to the [Journal of Open Source Software]" in proc.stdout


def test_joss_ticked_only_with_a_paper(tmp_path: Path) -> None:
    root = _git_project(tmp_path, paper=True, doi=True)
    text = run_cli("review", "submission", str(root)).stdout
    assert "- [x] Do you wish to automatically submit to the [Journal of Open Source Software]" in text
    assert "- [x] The package contains a `paper.md`" in text
    assert "- [x] The package is deposited in a long-term repository with the DOI: 10.5281/zenodo.42" in text
    assert "- [ ] The package has an **obvious research application**" in text


def test_output_file_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "submission.md"
    first = run_cli("review", "submission", str(ROOT / "examples" / "lake-temps"), "--output", str(out))
    assert first.returncode == 0, first.stderr
    assert out.read_text().startswith("Submitting Author: ")
    out.write_text("my edits")
    second = run_cli("review", "submission", str(ROOT / "examples" / "lake-temps"), "--output", str(out))
    assert second.returncode == 2
    assert "already exists" in second.stderr
    assert "Traceback" not in second.stderr
    assert out.read_text() == "my edits"


def test_unknown_values_are_listed(tmp_path: Path) -> None:
    proc = run_cli("review", "submission", str(ROOT / "examples" / "lake-temps"))
    assert "sciship wrote TBD for 3 value(s)" in proc.stderr
    assert "  - Repository Link" in proc.stderr
