"""Every license `sciship new` offers: the right full text, holder and year filled, SPDX id everywhere."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from newkit import make_meta

from sciship._errors import InputError
from sciship.metadata.licenses import LICENSES, license_text
from sciship.new.scaffold import TEMPLATES, project_files

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

INFO = json.loads((TEMPLATES / "licenses" / "licenses.json").read_text(encoding="utf-8"))


def test_the_seven_pyopensci_licenses_are_offered() -> None:
    assert set(LICENSES) == {"MIT", "BSD-3-Clause", "Apache-2.0", "GPL-3.0-or-later", "GPL-3.0-only",
                             "MPL-2.0", "EUPL-1.2"}
    assert set(LICENSES) <= set(INFO)


@pytest.mark.parametrize("spdx", LICENSES)
def test_license_text(spdx: str) -> None:
    text = license_text(spdx, 2031, "Ada Lovelace")
    assert INFO[spdx]["fingerprint"].split()[0] in text
    assert " ".join(INFO[spdx]["fingerprint"].split()) in " ".join(text.split())
    assert "{{" not in text
    assert "}}" not in text
    assert text.endswith("\n")
    assert text == (TEMPLATES / "licenses" / f"{spdx}.txt").read_text(encoding="utf-8").replace(
        "{{ year }}", "2031").replace("{{ holder }}", "Ada Lovelace")
    if INFO[spdx]["needs_holder"]:
        assert "Copyright (c) 2031 Ada Lovelace" in text


@pytest.mark.parametrize("spdx", LICENSES)
def test_new_project_uses_one_spdx_id_everywhere(spdx: str) -> None:
    files = project_files(make_meta(license=spdx))
    project = tomllib.loads(files["pyproject.toml"])["project"]
    assert project["license"] == spdx
    assert project["license-files"] == ["LICENSE"]
    # PEP 639: the license expression replaces License :: classifiers
    assert not any(c.startswith("License ::") for c in project["classifiers"])
    assert yaml.safe_load(files["CITATION.cff"])["license"] == spdx
    assert files["LICENSE"] == license_text(spdx, 2031, "Ada Lovelace")
    assert f"[{spdx}](LICENSE)" in files["README.md"]


@pytest.mark.parametrize("raw", ["mit", "apache-2.0", "gpl-3.0-or-later"])
def test_license_ids_are_case_insensitive(raw: str) -> None:
    assert license_text(raw, 2031, "A") == license_text(raw.upper().replace("APACHE", "Apache"), 2031, "A")


def test_unknown_license_lists_the_supported_ids() -> None:
    with pytest.raises(InputError) as info:
        license_text("GPL-3", 2031, "Ada")
    message = info.value.message
    assert "`GPL-3`" in message
    for spdx in LICENSES:
        assert spdx in message
    assert info.value.hint is not None
    assert "Did you mean" in info.value.hint


def test_no_license_means_no_license_file() -> None:
    files = project_files(make_meta(license=None))
    assert "LICENSE" not in files
    assert "license" not in tomllib.loads(files["pyproject.toml"])["project"]
    assert "license" not in yaml.safe_load(files["CITATION.cff"])


def test_license_files_exist_for_every_id() -> None:
    for spdx in LICENSES:
        assert Path(TEMPLATES / "licenses" / f"{spdx}.txt").is_file()


@pytest.mark.parametrize("spdx", LICENSES)
def test_every_license_choice_passes_sciship_check(spdx: str) -> None:
    from sciship.checks import run_checks
    from sciship.project import Project

    project = Project.from_files(project_files(make_meta(license=spdx)), root="/nowhere/rainfall-tools")
    assert [(f.code, f.message) for f in run_checks(project) if f.status == "failed"] == []


def test_unknown_license_suggests_the_same_family() -> None:
    from sciship._errors import InputError
    from sciship.metadata.licenses import normalize_license

    with pytest.raises(InputError) as info:
        normalize_license("GPL-2.0-only")
    assert "`GPL-3.0-or-later` or `GPL-3.0-only`" in (info.value.hint or "")
    assert "valid SPDX license" in info.value.message
