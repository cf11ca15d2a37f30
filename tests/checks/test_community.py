"""Community files: CONTRIBUTING, CODE_OF_CONDUCT, CHANGELOG, CITATION.cff (present, valid, in step)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import fastjsonschema
import pytest
import yaml

from helpers import GOOD_PYPROJECT, PROJECTS, compute, run_cli, write_tree
from sciship.checks import get_check, run_checks
from sciship.metadata import cff_schema as _cff
from sciship.metadata.model import Person
from sciship.metadata.read import load
from sciship.metadata.writers.cff import person as cff_person
from sciship.plan import Plan
from sciship.project import Project

GOOD_CFF = """\
cff-version: 1.2.0
message: If you use this software, please cite it as below.
title: example-pkg
version: 0.1.0
date-released: 2024-05-31
authors:
  - given-names: Ada
    family-names: Lovelace
    orcid: https://orcid.org/0000-0002-1825-0097
license: MIT
repository-code: https://github.com/ada/example-pkg
"""


def fix_and_recheck(tmp_path: Path, code: str, files: dict[str, str]) -> tuple[Plan, str]:
    write_tree(tmp_path, files)
    project = Project.load(tmp_path)
    plan = Plan(project.root)
    chk = get_check(code)
    assert chk is not None
    assert chk.fixer is not None
    chk.fixer(project, plan)
    plan.apply()
    (after,) = run_checks(Project.load(tmp_path), select=[code])
    return plan, after.status


@pytest.mark.parametrize(
    ("code", "good"),
    [
        ("COM600", {"CONTRIBUTING.md": "x"}),
        ("COM600", {".github/CONTRIBUTING.rst": "x"}),
        ("COM600", {"docs/contributing.md": "x"}),
        ("COM601", {"CODE_OF_CONDUCT.md": "x"}),
        ("COM601", {".github/CODE_OF_CONDUCT.md": "x"}),
        ("COM602", {"CHANGELOG.md": "x"}),
        ("COM602", {"HISTORY.rst": "x"}),
        ("COM602", {"NEWS": "x"}),
        ("COM602", {"docs/changelog.md": "x"}),
        ("COM603", {"CITATION.cff": GOOD_CFF}),
    ],
)
def test_present(code: str, good: dict[str, str]) -> None:
    assert compute(code, good).status == "passed"


@pytest.mark.parametrize("code", ["COM600", "COM601", "COM602", "COM603"])
def test_missing(code: str) -> None:
    finding = compute(code, {"README.md": "x", "src/contributing_helpers.py": "", "notes/CHANGELOG.md": "x"})
    assert finding.status == "failed"
    assert finding.message


def test_citation_other_format_is_named() -> None:
    # zodipy and ams: a CITATION.bib says how to cite (COM603 passes); CITATION.cff is the polish (COM606)
    finding = compute("COM603", {"CITATION.bib": "@software{}"})
    assert finding.status == "passed"
    assert finding.path == "CITATION.bib"
    missing = compute("COM606", {"CITATION.bib": "@software{}"})
    assert missing.status == "failed"
    assert missing.severity == "polish"
    wrong_case = compute("COM606", {"citation.cff": GOOD_CFF})
    assert wrong_case.status == "failed"
    assert "exactly `CITATION.cff`" in wrong_case.message


def test_citation_section_in_the_readme() -> None:
    readme = (
        "# bibat\n\n## Citation information\n\nIf you would like to cite bibat using bibtex please use the "
        "following format:\n\n    @software{bibat}\n"
    )
    finding = compute("COM603", {"README.md": readme})
    assert finding.status == "passed"
    assert "line 3" in finding.message


@pytest.mark.parametrize(
    ("files", "where"),
    [
        pytest.param({"HOW_TO_CONTRIBUTE.md": "x"}, "HOW_TO_CONTRIBUTE.md", id="xgi"),
        pytest.param({"sphinx/contribution.rst": "x"}, "sphinx/contribution.rst", id="devicely"),
        pytest.param({"docs/meta/contributing.md": "x"}, "docs/meta/contributing.md", id="pooltool"),
        pytest.param({"docs/source/CONTRIBUTING.rst": "x"}, "docs/source/CONTRIBUTING.rst", id="physcraper"),
        pytest.param({"contributing.rst": "x"}, None, id="harmonize-wq"),
        pytest.param({"CONTRIBUTING.md": "x"}, None, id="the usual name"),
    ],
)
def test_contributing_under_name_variants(files: dict[str, str], where: str | None) -> None:
    finding = compute("COM600", files)
    assert finding.status == "passed"
    assert finding.path == where


@pytest.mark.parametrize(
    "files",
    [
        pytest.param({"Code of Conduct.rst": "x"}, id="harmonize-wq"),
        pytest.param({"CODE-OF-CONDUCT.md": "x"}, id="dashes"),
        pytest.param({"docs/mds/code-of-conduct.md": "x"}, id="physcraper"),
        pytest.param({".github/CODE_OF_CONDUCT.md": "x"}, id="github folder"),
    ],
)
def test_code_of_conduct_under_name_variants(files: dict[str, str]) -> None:
    assert compute("COM601", files).status == "passed"


def test_organisation_code_of_conduct_linked_from_the_readme() -> None:
    # pygmt links the GenericMappingTools organisation's code of conduct from its README
    readme = (
        "# PyGMT\n\n## Code of conduct\n\nPlease note that this project is released with a "
        "[Code of Conduct](https://github.com/GenericMappingTools/.github/blob/main/CODE_OF_CONDUCT.md).\n"
    )
    finding = compute("COM601", {"README.md": readme})
    assert finding.status == "passed"
    assert "organisation" in finding.message


def test_contributing_section_in_the_readme() -> None:
    # phenopype explains how to contribute in its README (pyOpenSci accepts the README or CONTRIBUTING)
    readme = (
        "# phenopype\n\n## Contributions and feedback\n\nphenopype development is ongoing and contributions "
        "are more than welcome. This can be done by submitting issues or feature requests.\n"
    )
    assert compute("COM600", {"README.md": readme}).status == "passed"
    assert compute("COM601", {"README.md": readme}).status == "failed"


def test_older_cff_version_is_not_called_invalid() -> None:
    # sunpy and afscgap write CFF 1.1.0, an older version of the format, not a broken 1.2.0 file
    old = GOOD_CFF.replace("cff-version: 1.2.0", "cff-version: 1.1.0")
    finding = compute("COM604", {"CITATION.cff": old})
    assert finding.status == "skipped"
    assert "not sure" in finding.message


def test_valid_cff_passes() -> None:
    assert compute("COM604", {"CITATION.cff": GOOD_CFF}).status == "passed"


@pytest.mark.parametrize(
    ("cff", "expected"),
    [
        (
            GOOD_CFF.replace("    family-names: Lovelace\n", "").replace(
                "  - given-names: Ada\n", "  - affiliation: X\n"
            ),
            "`authors[0]`: needs `family-names` (a person) or `name`",
        ),
        (GOOD_CFF.replace("https://orcid.org/0000-0002-1825-0097", "0000-0002"), "`authors[0].orcid`"),
        (GOOD_CFF.replace("license: MIT", "license: MIT License"), "`license`"),
        (GOOD_CFF.replace("license: MIT", "license: MIT OR Apache-2.0"), "`license: [MIT, Apache-2.0]`"),
        (GOOD_CFF.replace("title: example-pkg\n", ""), "the required key `title` is missing"),
        (GOOD_CFF.replace("repository-code: https://", "repository-code: "), "`repository-code`"),
        (GOOD_CFF + "licence: MIT\n", "`licence`: is not a CFF key; did you mean `license`?"),
        (GOOD_CFF.replace("2024-05-31", "2024-13-01"), "`date-released`"),
        ("just a line of text\n", "must be a mapping"),
    ],
)
def test_invalid_cff_names_key_and_shape(cff: str, expected: str) -> None:
    finding = compute("COM604", {"CITATION.cff": cff})
    assert finding.status == "failed"
    assert expected in finding.message
    assert finding.path == "CITATION.cff"


def test_yaml_syntax_error_has_line() -> None:
    finding = compute("COM604", {"CITATION.cff": "cff-version: 1.2.0\ntitle: [unclosed\nmessage: x\n"})
    assert finding.status == "failed"
    assert "not valid YAML" in finding.message
    assert finding.line is not None


def test_every_error_is_reported_at_once() -> None:
    errors = _cff.validate({"cff-version": "1.2.0", "authors": [], "keywords": [1]})
    text = " ".join(map(str, errors))
    assert "`message`" in text
    assert "`title`" in text
    assert "`authors`" in text
    assert "`keywords[0]`" in text


def test_schema_uses_only_supported_keywords() -> None:
    seen: set[str] = set()

    def walk(node: object, *, names: bool = False) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if not names:
                    seen.add(key)
                walk(value, names=key in {"properties", "definitions"} and not names)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(_cff.schema())
    assert seen <= _cff.SUPPORTED_KEYWORDS


@pytest.fixture(scope="module")
def strict() -> Callable[[object], object]:
    validator: Callable[[object], object] = fastjsonschema.compile(copy.deepcopy(_cff.schema()))
    return validator


@pytest.mark.parametrize(
    "doc",
    [
        yaml.safe_load(GOOD_CFF),
        {
            "cff-version": "1.2.0",
            "message": "m",
            "title": "t",
            "authors": [{"name": "The Team"}],
            "version": 2,
        },
        {"cff-version": "1.2.0", "message": "m", "title": "t", "authors": [{"given-names": "A", "x": 1}]},
        {
            "cff-version": "1.2.0",
            "message": "m",
            "title": "t",
            "authors": [{"family-names": "A"}],
            "identifiers": [{"type": "doi", "value": "10.5281/zenodo.1"}],
            "license": ["MIT", "Apache-2.0"],
        },
        {
            "cff-version": "1.2.0",
            "message": "m",
            "title": "t",
            "authors": [{"family-names": "A"}],
            "license": ["X"],
        },
        {"cff-version": "1.2.0", "message": "", "title": "t", "authors": [{"family-names": "A"}]},
        {
            "cff-version": "1.2.0",
            "message": "m",
            "title": "t",
            "authors": [{"family-names": "A"}],
            "type": "paper",
        },
    ],
)
def test_agrees_with_fastjsonschema(doc: object, strict: Callable[[object], object]) -> None:
    """The walker gives the same verdict as a general JSON Schema validator on the official schema."""
    try:
        strict(_cff._plain(doc))
        valid = True
    except fastjsonschema.JsonSchemaException:
        valid = False
    assert (not _cff.validate(doc)) == valid


def test_agrees_passes_and_fails() -> None:
    files = {"pyproject.toml": GOOD_PYPROJECT, "CITATION.cff": GOOD_CFF}
    assert compute("COM605", files).status == "passed"
    stale = compute("COM605", {**files, "CITATION.cff": GOOD_CFF.replace("0.1.0", "0.0.9")})
    assert stale.status == "failed"
    assert "0.0.9" in stale.message
    assert stale.line == 4
    renamed = compute(
        "COM605", {**files, "CITATION.cff": GOOD_CFF.replace("title: example-pkg", "title: Other")}
    )
    assert renamed.status == "failed"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ada Lovelace", {"given-names": "Ada", "family-names": "Lovelace"}),
        (
            "Ludwig van Beethoven",
            {"given-names": "Ludwig", "name-particle": "van", "family-names": "Beethoven"},
        ),
        ("Mary Ann Evans", {"given-names": "Mary Ann", "family-names": "Evans"}),
        ("Plato", {"family-names": "Plato"}),
        ("The Astropy Developers", {"name": "The Astropy Developers"}),
    ],
)
def test_cff_person_names(name: str, expected: dict[str, str]) -> None:
    assert cff_person(Person(name=name)) == expected


def test_citation_fixer_writes_valid_cff(tmp_path: Path) -> None:
    _plan, status = fix_and_recheck(tmp_path, "COM603", {"pyproject.toml": GOOD_PYPROJECT})
    assert status == "passed"
    data = yaml.safe_load((tmp_path / "CITATION.cff").read_text())
    assert _cff.validate(data) == []
    assert data["authors"] == [{"given-names": "Ada", "family-names": "Lovelace", "email": "ada@example.org"}]
    assert (data["title"], data["version"], data["license"]) == ("example-pkg", "0.1.0", "MIT")
    assert data["repository-code"] == "https://github.com/ada/example-pkg"
    assert data["abstract"] == "An example package."
    project = Project.load(tmp_path)
    assert [f.status for f in run_checks(project, select=["COM604", "COM605"])] == ["passed", "passed"]


def test_citation_fixer_without_author_leaves_a_note(tmp_path: Path) -> None:
    no_author = GOOD_PYPROJECT.replace(
        'authors = [{ name = "Ada Lovelace", email = "ada@example.org" }]\n', ""
    )
    write_tree(tmp_path, {"pyproject.toml": no_author})  # not a git repository: no git config either
    meta = load(Project.load(tmp_path)).combined()
    if meta.people:  # a global git config supplied a name: the file is still valid
        from sciship.metadata.writers import cff

        assert _cff.validate(yaml.safe_load(cff.render(meta))) == []
        return
    plan = Plan(tmp_path)
    get_check("COM603").fixer(Project.load(tmp_path), plan)  # type: ignore[union-attr, misc]
    assert not plan.actions
    assert "needs at least one author" in plan.notes[0]


def test_code_of_conduct_fixer_fills_contact(tmp_path: Path) -> None:
    _, status = fix_and_recheck(tmp_path, "COM601", {"pyproject.toml": GOOD_PYPROJECT})
    assert status == "passed"
    text = (tmp_path / "CODE_OF_CONDUCT.md").read_text()
    assert "Contributor Covenant" in text
    assert "ada@example.org" in text
    assert "{{" not in text


def test_contributing_fixer(tmp_path: Path) -> None:
    pyproject = GOOD_PYPROJECT + '\n[project.optional-dependencies]\ntest = ["pytest"]\n\n[tool.ruff]\n'
    _, status = fix_and_recheck(tmp_path, "COM600", {"pyproject.toml": pyproject})
    assert status == "passed"
    text = (tmp_path / "CONTRIBUTING.md").read_text()
    assert 'pip install -e ".[test]"' in text
    assert "python -m pytest" in text
    assert "ruff check" in text


def test_changelog_fixer(tmp_path: Path) -> None:
    _, status = fix_and_recheck(tmp_path, "COM602", {"pyproject.toml": GOOD_PYPROJECT})
    assert status == "passed"
    text = (tmp_path / "CHANGELOG.md").read_text()
    assert "## [Unreleased]" in text
    assert "## [0.1.0]" in text
    assert "Keep a Changelog" in text


def test_fixers_never_overwrite(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": GOOD_PYPROJECT, "CHANGELOG.md": "mine\n"})
    plan = Plan(tmp_path)
    get_check("COM602").fixer(Project.load(tmp_path), plan)  # type: ignore[union-attr, misc]
    with pytest.raises(Exception, match="never overwrites"):
        plan.apply()
    assert (tmp_path / "CHANGELOG.md").read_text() == "mine\n"


def test_check_fix_from_the_command_line(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": GOOD_PYPROJECT, "src/example_pkg/__init__.py": ""})
    dry = run_cli("check", str(tmp_path), "--fix", "--dry-run", "--select", "community", "--select", "HYG800")
    assert "CITATION.cff" in dry.stdout
    assert not (tmp_path / "CITATION.cff").exists()
    run_cli("check", str(tmp_path), "--fix", "--select", "community", "--select", "HYG800")
    for name in ("CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "CHANGELOG.md", "CITATION.cff", ".gitignore"):
        assert (tmp_path / name).is_file(), name
    again = run_cli(
        "check", str(tmp_path), "--select", "community", "--select", "HYG800", "--fail-on", "polish"
    )
    assert again.returncode == 0, again.stdout


def test_fixture_project_with_hand_written_mistakes() -> None:
    project = Project.load(PROJECTS / "comm-bad-citation")
    findings = {f.code: f for f in run_checks(project, select=["COM603", "COM604", "COM605"])}
    assert findings["COM603"].status == "passed"
    message = findings["COM604"].message
    for part in (
        "`date-released`: `2024-02-30` is not a date",
        "`authors[0].orcid`: `0000-0002-1825-0097` does not have the expected form",
        "`authors[1]`: needs `family-names`",
        "`licence`: is not a CFF key; did you mean `license`?",
    ):
        assert part in message
    assert findings["COM604"].line == 5
    assert findings["COM605"].status == "skipped"


def test_citation_in_a_readme_without_a_heading() -> None:
    # EOmaps asks for a citation in a quote block with a BibTeX entry
    readme = (
        "# EOmaps\n\n> Did EOmaps help in your research? Add a citation!\n>\n"
        "> @software{eomaps,\n>  doi={x}}\n"
    )
    assert compute("COM603", {"README.md": readme}).status == "passed"
