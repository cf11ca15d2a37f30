"""One writer per standard file: each output validates against its standard, the files agree with each
other, ``update`` keeps what the author added, ``set_doi`` puts a DOI everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from helpers import GOOD_PYPROJECT, write_tree
from sciship.metadata.model import Metadata, Person
from sciship.metadata.read import load
from sciship.metadata.writers import cff, codemeta, rocrate, set_doi, zenodo
from sciship.plan import Plan
from sciship.project import Project
from standards import cff_errors, expand_codemeta

ADA = Person(
    name="Ada Lovelace",
    email="ada@example.org",
    orcid="https://orcid.org/0000-0002-1825-0097",
    affiliation="Analytical Engine Lab",
).split()
META = Metadata(
    origin="pyproject",
    name="ice-thickness",
    version="1.2.0",
    description="Sea ice thickness from altimetry.",
    authors=(ADA, Person(name="Ludwig van Beethoven").split(), Person(name="The Ice Team").split()),
    license="MIT",
    keywords=("sea ice", "altimetry"),
    urls={"Source": "https://github.com/ada/ice-thickness", "Documentation": "https://ice.readthedocs.io"},
    requires_python=">=3.10",
    doi="10.5281/zenodo.1234567",
    date_released="2024-05-31",
    data_license="CC-BY-4.0",
)


def test_cff_is_valid_and_complete() -> None:
    text = cff.render(META)
    assert cff_errors(text) == []
    data = yaml.safe_load(text)
    assert data["authors"] == [
        {
            "given-names": "Ada",
            "family-names": "Lovelace",
            "email": "ada@example.org",
            "orcid": "https://orcid.org/0000-0002-1825-0097",
            "affiliation": "Analytical Engine Lab",
        },
        {"given-names": "Ludwig", "name-particle": "van", "family-names": "Beethoven"},
        {"name": "The Ice Team"},
    ]
    assert (data["license"], data["doi"], data["version"]) == ("MIT", "10.5281/zenodo.1234567", "1.2.0")
    assert data["repository-code"] == "https://github.com/ada/ice-thickness"
    assert "CC-BY-4.0" in data["message"]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("MIT", "MIT"), ("MIT OR Apache-2.0", ["MIT", "Apache-2.0"]), ("MIT AND BSD-3-Clause", None)],
)
def test_cff_license_forms(expression: str, expected: object) -> None:
    from dataclasses import replace

    data = yaml.safe_load(cff.render(replace(META, license=expression)))
    assert data.get("license") == expected
    assert cff_errors(cff.render(replace(META, license=expression))) == []


@pytest.mark.parametrize(
    "stand_in",
    [
        "https://todo.com",
        "https://www.example.org/docs",
        "https://your-url.com",
        "http://localhost:8000",
        "https://ice.readthedocs.io/TODO",
    ],
)
def test_an_address_left_to_fill_in_is_no_link(stand_in: str) -> None:
    """theislab/regvelo_reproducibility: `urls.Documentation = "https://todo.com"  # TODO` in pyproject.toml
    became the `url` of CITATION.cff and codemeta.json; the homepage, when there is one, is the link."""
    from dataclasses import replace

    urls = {"Source": "https://github.com/ada/ice-thickness", "Documentation": stand_in, "Issues": stand_in}
    meta = replace(META, urls=urls)
    assert (meta.documentation, meta.issues, meta.repository) == (None, None, urls["Source"])
    cited, described = yaml.safe_load(cff.render(meta)), json.loads(codemeta.render(meta))
    assert ("url" in cited, "url" in described, "issueTracker" in described) == (False, False, False)
    homepage = replace(meta, urls={**urls, "Homepage": "https://ice.example-lab.org"})
    assert yaml.safe_load(cff.render(homepage))["url"] == "https://ice.example-lab.org"
    assert replace(META, urls={"Source": stand_in}).repository is None


def test_codemeta_expands_with_the_shipped_context() -> None:
    document = json.loads(codemeta.render(META, requirements=["numpy>=1.26"], readme="README.md"))
    assert document["readme"] == "https://github.com/ada/ice-thickness/blob/HEAD/README.md"
    expanded = expand_codemeta(document)
    (node,) = expanded
    schema = "http://schema.org/"
    assert node["@type"] == [schema + "SoftwareSourceCode"]
    assert node[schema + "name"] == [{"@value": "ice-thickness"}]
    assert node[schema + "license"] == [{"@id": "https://spdx.org/licenses/MIT"}]
    authors = node[schema + "author"][0]["@list"]
    assert authors[0]["@id"] == "https://orcid.org/0000-0002-1825-0097"
    assert authors[0][schema + "familyName"] == [{"@value": "Lovelace"}]
    (numpy,) = node[schema + "softwareRequirements"]
    assert numpy[schema + "name"] == [{"@value": "numpy"}]
    assert numpy[schema + "version"] == [{"@value": ">=1.26"}]
    assert numpy[schema + "url"] == [{"@id": "https://pypi.org/project/numpy/"}]
    (data,) = node[schema + "supportingData"]
    assert data[schema + "license"] == [{"@id": "https://spdx.org/licenses/CC-BY-4.0"}]
    # no value became a link relative to nowhere (a plain string where the context expects a URL)
    assert "example.org/base" not in json.dumps(expanded)
    # every key of the document is a term of the context: nothing was dropped by the expansion
    expanded_keys = {k.removeprefix(schema).removeprefix("https://codemeta.github.io/terms/") for k in node}
    assert set(document) - {"@context"} <= expanded_keys | {"@type"}


def test_zenodo_and_cff_agree(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "CITATION.cff": cff.render(META),
            ".zenodo.json": zenodo.render(META),
            "codemeta.json": codemeta.render(META),
        },
    )
    md = load(Project.load(tmp_path))
    assert md.citation is not None
    assert md.zenodo is not None
    assert md.codemeta is not None
    for field in ("name", "version", "license", "date_released", "doi", "data_license", "keywords"):
        values = {getattr(m, field) for m in (md.citation, md.zenodo, md.codemeta)}
        assert len(values) == 1, (field, values)
    for m in (md.citation, md.zenodo, md.codemeta):
        assert [p.display for p in m.authors][:2] == ["Ada Lovelace", "Ludwig van Beethoven"], m.origin
        assert m.authors[0].orcid == ADA.orcid


def test_zenodo_fields() -> None:
    data = json.loads(zenodo.render(META))
    assert data["upload_type"] == "software"
    assert data["creators"][0] == {
        "name": "Lovelace, Ada",
        "affiliation": "Analytical Engine Lab",
        "orcid": "0000-0002-1825-0097",
    }
    assert data["creators"][1]["name"] == "van Beethoven, Ludwig"
    assert {"identifier": "10.5281/zenodo.1234567", "relation": "isVersionOf", "scheme": "doi"} in data[
        "related_identifiers"
    ]


USER_CFF = """\
# our citation file, kept by hand
cff-version: 1.2.0
message: Please cite our paper too.
title: ice-thickness
version: 0.9.0   # old
authors:
  - given-names: Ada
    family-names: Lovelace
preferred-citation:
  type: article
  title: Thin ice
  authors:
    - family-names: Lovelace
  journal: Cold Regions Science
date-released: 2020-01-01
"""


def test_cff_update_keeps_what_the_author_wrote() -> None:
    new = cff.update(USER_CFF, META)
    assert new.startswith("# our citation file, kept by hand\ncff-version: 1.2.0\n")
    data = yaml.safe_load(new)
    assert data["preferred-citation"]["journal"] == "Cold Regions Science"
    assert data["message"].startswith("Please cite our paper too.")
    assert "CC-BY-4.0" in data["message"]
    assert (data["version"], str(data["date-released"]), data["license"]) == ("1.2.0", "2024-05-31", "MIT")
    assert data["authors"][0]["orcid"] == ADA.orcid
    assert cff_errors(new) == []
    assert cff.update(new, META) == new  # nothing left to refresh


def test_json_updates_keep_user_keys() -> None:
    mine = json.loads(codemeta.render(META))
    mine["funding"] = "ERC grant 42"
    mine["version"] = "0.1"
    updated = json.loads(codemeta.update(json.dumps(mine), META))
    assert updated["funding"] == "ERC grant 42"
    assert updated["version"] == "1.2.0"
    z = json.loads(zenodo.render(META))
    z["communities"] = [{"identifier": "polar"}]
    z["notes"] = "Funded by ERC."
    z2 = json.loads(zenodo.update(json.dumps(z), META))
    assert z2["communities"] == [{"identifier": "polar"}]
    assert z2["notes"] == "Funded by ERC. The data and figures are licensed under CC-BY-4.0."


def test_set_doi_in_every_file_present(tmp_path: Path) -> None:
    from dataclasses import replace

    plain = replace(META, doi=None)
    files = [rocrate.CrateFile("a.py", 10, "code")]
    write_tree(
        tmp_path,
        {
            "pyproject.toml": GOOD_PYPROJECT,
            "CITATION.cff": USER_CFF,
            ".zenodo.json": zenodo.render(plain),
            "ro-crate-metadata.json": rocrate.render(plain, files),
            "a.py": "x = 1\n",
        },
    )
    project = Project.load(tmp_path)
    plan = Plan(project.root)
    touched = set_doi(project, "https://doi.org/10.5281/zenodo.999", plan)
    assert touched == ["CITATION.cff", ".zenodo.json", "ro-crate-metadata.json"]  # no codemeta.json here
    plan.apply()
    md = load(Project.load(tmp_path))
    assert md.citation.doi == md.zenodo.doi == md.rocrate.doi == "10.5281/zenodo.999"  # type: ignore[union-attr]
    assert "preferred-citation" in (tmp_path / "CITATION.cff").read_text()
    again = Plan(project.root)
    assert set_doi(Project.load(tmp_path), "10.5281/zenodo.999", again) == []
    assert not again.actions


def test_rocrate_reads_back_into_the_model(tmp_path: Path) -> None:
    files = [rocrate.CrateFile("run.py", 10, "code"), rocrate.CrateFile("data/x.csv", 5, "table")]
    write_tree(
        tmp_path, {"ro-crate-metadata.json": rocrate.render(META, files), "run.py": "", "data/x.csv": ""}
    )
    crate = load(Project.load(tmp_path)).rocrate
    assert crate is not None
    assert (crate.name, crate.license, crate.data_license) == ("ice-thickness", "MIT", "CC-BY-4.0")
    assert [p.display for p in crate.authors] == ["Ada Lovelace", "Ludwig van Beethoven", "The Ice Team"]
    assert crate.authors[0].orcid == ADA.orcid


def test_every_bundled_license_text_is_filled() -> None:
    from sciship.metadata.licenses import LICENSES, license_text

    for spdx in LICENSES:
        text = license_text(spdx, 2031, "Ada Lovelace")
        assert "{{" not in text
        assert "{%" not in text
    assert "2031 Ada Lovelace" in license_text("MIT", 2031, "Ada Lovelace")
