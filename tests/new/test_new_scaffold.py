"""The scaffold: templates render for any metadata, and what they produce is valid and self-contained."""

from __future__ import annotations

import ast
import sys

import pytest
import yaml
from newkit import make_meta

from sciship._errors import InputError
from sciship.new.scaffold import (
    Meta,
    ci_files,
    community_files,
    docs_files,
    git_identity,
    project_files,
    quote,
    render,
)
from sciship.project import Project

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_file_groups() -> None:
    meta = make_meta()
    assert set(community_files(meta)) == {"CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "CHANGELOG.md",
                                          "CITATION.cff", ".gitignore", "LICENSE"}
    assert set(ci_files(meta)) == {".github/workflows/tests.yml", ".github/workflows/docs.yml",
                                   ".github/workflows/release.yml", ".github/dependabot.yml",
                                   ".pre-commit-config.yaml"}
    assert set(docs_files(meta)) == {"docs/conf.py", "docs/index.md", "docs/api.md"}


@pytest.mark.parametrize(
    "meta",
    [
        pytest.param(make_meta(), id="plain"),
        pytest.param(make_meta(description='Quotes " and \\ backslashes\tand tabs', author='O\'Brien "Bob"'),
                     id="quotes"),
        pytest.param(make_meta(author="Plato", email="", github=None), id="one-word-name-no-github"),
        pytest.param(make_meta(python_min="3.11", python_max="3.14", version="2.0.1"), id="pythons"),
    ],
)
def test_every_file_parses(meta: Meta) -> None:
    files = project_files(meta)
    data = tomllib.loads(files["pyproject.toml"])
    assert data["project"]["description"] == meta.description
    assert data["project"]["authors"][0]["name"] == meta.author
    assert data["project"]["requires-python"] == f">={meta.python_min}"
    assert data["project"]["version"] == meta.version
    for path, text in files.items():
        if path.endswith((".yml", ".yaml", ".cff")):
            assert isinstance(yaml.safe_load(text), dict), path
        if path.endswith(".py"):
            ast.parse(text, path)
        assert "{{" not in text or path.startswith(".github/workflows/"), path
    cff = yaml.safe_load(files["CITATION.cff"])
    assert cff["cff-version"] == "1.2.0"
    assert cff["abstract"] == meta.description
    assert cff["version"] == meta.version
    conf: dict[str, object] = {}
    exec(compile(files["docs/conf.py"], "conf.py", "exec"), {"__file__": "/x/docs/conf.py"}, conf)  # noqa: S102
    assert conf["author"] == meta.author


def test_pyproject_is_short_and_standard() -> None:
    text = render("pyproject.toml", make_meta())
    assert len(text.splitlines()) <= 60
    data = tomllib.loads(text)
    assert data["build-system"]["build-backend"] == "hatchling.build"
    project = data["project"]
    assert "dynamic" not in project
    assert project["version"] == "0.1.0"
    assert project["requires-python"] == ">=3.10"
    assert [c.rsplit(" ", 1)[1] for c in project["classifiers"] if c.count("::") == 2
            and c.startswith("Programming Language :: Python :: 3.")] == ["3.10", "3.11", "3.12", "3.13"]
    assert set(project["urls"]) >= {"Homepage", "Source", "Documentation", "Issues"}
    assert set(data["dependency-groups"]) == {"test", "docs", "dev"}
    assert "pytest" in data["tool"]
    assert "ruff" in data["tool"]


def test_citation_splits_names() -> None:
    cff = yaml.safe_load(render("CITATION.cff", make_meta(author="Mary Jane Watson")))
    assert cff["authors"] == [
        {"given-names": "Mary Jane", "family-names": "Watson", "email": "ada@example.org"}
    ]
    cff = yaml.safe_load(render("CITATION.cff", make_meta(author="Plato", email="")))
    assert cff["authors"] == [{"family-names": "Plato"}]  # a person known by one name (CFF: a family name)


def test_workflows() -> None:
    files = ci_files(make_meta())
    tests = yaml.safe_load(files[".github/workflows/tests.yml"])
    matrix = tests["jobs"]["test"]["strategy"]["matrix"]
    assert matrix["os"] == ["ubuntu-latest", "macos-latest", "windows-latest"]
    assert matrix["python-version"] == ["3.10", "3.13"]
    assert "${{ matrix.os }}" in files[".github/workflows/tests.yml"]
    release_text = files[".github/workflows/release.yml"]
    release = yaml.safe_load(release_text)
    # YAML 1.1 reads the key `on` as True
    assert release[True] == {"release": {"types": ["published"]}, "workflow_dispatch": None}
    jobs = release["jobs"]
    assert list(jobs) == ["build", "testpypi", "pypi"]
    assert jobs["pypi"]["needs"] == "testpypi"
    for job in ("testpypi", "pypi"):
        assert jobs[job]["permissions"] == {"id-token": "write"}
        assert any(s.get("uses") == "pypa/gh-action-pypi-publish@release/v1" for s in jobs[job]["steps"])
    assert "password:" not in release_text
    assert "secrets." not in release_text
    dependabot = yaml.safe_load(files[".github/dependabot.yml"])
    assert dependabot["updates"][0]["package-ecosystem"] == "github-actions"
    precommit = yaml.safe_load(files[".pre-commit-config.yaml"])
    assert any("ruff" in r["repo"] for r in precommit["repos"])


def test_nothing_depends_on_sciship() -> None:
    # the package never needs sciship; only the optional review job and pre-commit hooks name it
    optional = {".github/workflows/tests.yml", ".pre-commit-config.yaml"}
    for path, text in project_files(make_meta()).items():
        if path not in optional:
            assert "sciship" not in text.replace("Start rainfall-tools with sciship new", ""), path


def test_readme_sections_in_review_order() -> None:
    text = project_files(make_meta())["README.md"]
    order = ["# rainfall-tools", "[![Tests]", "Summaries of rain-gauge", "## Installation", "## Quickstart",
             "## Documentation", "## Contributing", "## Citation", "## License"]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "from rainfall_tools import standard_error" in text


def test_without_the_example_nothing_mentions_it() -> None:
    # `sciship adopt` and the fixers reuse these files for code that has no `stats` module
    meta = make_meta()
    files = {"README.md": render("README.md", meta), **community_files(meta), **docs_files(meta)}
    for path, text in files.items():
        assert "standard_error" not in text, path
        assert ".stats" not in text, path
    assert "```python\nimport rainfall_tools\n```" in files["README.md"]
    assert ".. automodule:: rainfall_tools\n" in files["docs/api.md"]
    api = docs_files(meta, modules=["rainfall_tools.io", "rainfall_tools.plots"])["docs/api.md"]
    assert api.count(".. automodule::") == 2


def test_strict_templates_and_unknown_template() -> None:
    with pytest.raises(InputError, match="no template"):
        render("setup.py", make_meta())
    with pytest.raises(InputError, match="No license"):
        render("LICENSE", make_meta(license=None))


def test_quote_round_trips() -> None:
    for text in ['plain', 'with "quotes"', "back\\slash", "tab\tnew\nline", "bell\x07"]:
        assert tomllib.loads(f"x = {quote(text)}")["x"] == text
        assert yaml.safe_load(f"x: {quote(text)}")["x"] == text
        assert ast.literal_eval(quote(text)) == text


def test_meta_from_project() -> None:
    project = Project.from_files({
        "pyproject.toml": '[project]\nname = "geo-kit"\nversion = "1.2.0"\ndescription = "Geo things."\n'
                          'license = "BSD-3-Clause"\nrequires-python = ">=3.11"\n'
                          'authors = [{name = "Grace Hopper", email = "grace@example.org"}]\n'
                          '[project.urls]\nSource = "https://github.com/grace/geo-kit"\n',
        "src/geokit/__init__.py": "",
    })
    meta = Meta.from_project(project)
    assert meta.name == "geo-kit"
    assert meta.import_name == "geokit"
    assert (meta.version, meta.description, meta.license) == ("1.2.0", "Geo things.", "BSD-3-Clause")
    assert (meta.author, meta.email, meta.github) == ("Grace Hopper", "grace@example.org", "grace")
    assert meta.python_min == "3.11"
    assert "LICENSE" in community_files(meta)


def test_meta_from_empty_project_has_safe_defaults() -> None:
    meta = Meta.from_project(Project.from_files({"analysis.py": "print(1)\n"}, root="/nowhere/my-study"))
    assert meta.name == "my-study"
    assert meta.import_name == "my_study"
    assert meta.license is None
    assert meta.github is None
    assert meta.author
    files = community_files(meta)
    assert "LICENSE" not in files
    assert yaml.safe_load(files["CITATION.cff"])["title"] == "my-study"


def test_git_identity_outside_git(tmp_path: object) -> None:
    name, email = git_identity()
    assert name is None or isinstance(name, str)
    assert email is None or isinstance(email, str)


@pytest.mark.parametrize(
    "meta",
    [
        pytest.param(make_meta(), id="full"),
        pytest.param(make_meta(author="Plato", email="", github=None, license=None), id="minimal"),
        pytest.param(make_meta(description='Says "hi" \\ bye', author="Ada de la Cruz"), id="quoting"),
    ],
)
def test_citation_is_valid_cff_1_2_0(meta: Meta) -> None:
    cff = pytest.importorskip("sciship.metadata.cff_schema")  # sciship's validator, the official schema
    assert cff.validate(yaml.safe_load(render("CITATION.cff", meta))) == []
