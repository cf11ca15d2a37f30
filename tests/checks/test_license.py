"""License checks (LIC200-LIC206) and their fixers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import tomlkit

from helpers import DROP, compute, pyproject, write_tree
from helpers import apply_fixer as fix
from helpers import disk_status as status
from sciship.checks import run_checks
from sciship.metadata.licenses import LICENSES_DIR, identify, license_ids
from sciship.project import Project

_DROP = DROP
MIT = (
    (LICENSES_DIR / "MIT.txt")
    .read_text()
    .replace("{{ year }}", "2024")
    .replace("{{ holder }}", "Ada Lovelace")
)
APACHE = (LICENSES_DIR / "Apache-2.0.txt").read_text()


def files(license_text: str | None = MIT, **changes: Any) -> dict[str, str]:
    tree = {"pyproject.toml": pyproject(**changes), "src/example_pkg/__init__.py": ""}
    if license_text is not None:
        tree["LICENSE"] = license_text
    return tree


def test_good_project_passes_every_license_check() -> None:
    project = Project.from_files(files())
    assert [f for f in run_checks(project, select=["license"]) if f.status != "passed"] == []


def test_no_license_needs_the_author() -> None:
    finding = compute("LIC206", files(license_text=None, license=_DROP, license_files=_DROP))
    assert finding.status == "failed"
    assert finding.severity == "blocker"
    assert finding.needs_author
    assert not finding.fixable
    assert "will not pick" in finding.message
    assert compute("LIC200", files(license_text=None, license=_DROP, license_files=_DROP)).status == "skipped"


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"license": {"text": "MIT"}}, id="pre-PEP 639 text table"),
        pytest.param({"license": {"file": "LICENSE"}}, id="pre-PEP 639 file table"),
        pytest.param(
            {"license": _DROP, "classifiers": ["License :: OSI Approved :: MIT License"]}, id="classifier"
        ),
        pytest.param({"license": _DROP}, id="only a LICENSE file"),
    ],
)
def test_any_stated_license_is_legal_use(changes: dict[str, Any]) -> None:
    # the old forms still build and grant a license: important (LIC200), never the blocker LIC206
    assert compute("LIC206", files(**changes)).status == "passed"
    finding = compute("LIC200", files(**changes))
    assert finding.status == "failed"
    assert finding.severity == "important"
    assert 'license = "MIT"' in finding.message
    assert not finding.needs_author


def test_old_table_form_is_named() -> None:
    finding = compute("LIC200", files(license={"text": "MIT"}))
    assert finding.status == "failed"
    assert "before PEP 639" in finding.message
    assert "still builds" in finding.message
    assert 'license = "MIT"' in finding.message
    assert not finding.needs_author


def test_old_table_with_unknown_text_needs_the_author() -> None:
    finding = compute("LIC200", files(license={"text": "All rights reserved, see the website"}))
    assert finding.needs_author


def test_classifier_only_points_at_the_expression() -> None:
    finding = compute("LIC200", files(license=_DROP, classifiers=["License :: OSI Approved :: MIT License"]))
    assert finding.status == "failed"
    assert 'license = "MIT"' in finding.message
    assert not finding.needs_author


def test_dynamic_license_is_skipped() -> None:
    assert compute("LIC200", files(license=_DROP, dynamic=["license"])).status == "skipped"


@pytest.mark.parametrize(("expr", "hint"), [("Apache 2.0", "`Apache-2.0`"), ("MIT OR GPL3", "")])
def test_invalid_expression(expr: str, hint: str) -> None:
    finding = compute("LIC201", files(license=expr))  # hatchling refuses it
    assert finding.status == "failed"
    assert "not a valid SPDX expression" in finding.message
    assert hint in finding.message


@pytest.mark.parametrize("expr", ["mit", "MIT OR Apache-2.0", "(MIT AND BSD-3-Clause)", "LicenseRef-Custom"])
def test_valid_expression(expr: str) -> None:
    assert compute("LIC201", files(license=expr)).status == "passed"


def test_missing_license_file() -> None:
    finding = compute("LIC202", files(license_text=None))
    assert finding.status == "failed"
    assert "`MIT`" in finding.message
    assert finding.fixable


def test_missing_license_file_and_no_license_needs_the_author() -> None:
    finding = compute("LIC202", files(license_text=None, license=_DROP, license_files=_DROP))
    assert finding.needs_author


@pytest.mark.parametrize("name", ["LICENSE.md", "LICENCE", "COPYING.txt", "LICENSE-MIT"])
def test_license_file_found_by_backend_defaults(name: str) -> None:
    tree = files(license_text=None, license_files=_DROP)
    tree[name] = MIT
    assert compute("LIC202", tree).status == "passed"


def test_lower_case_license_file_is_not_shipped_by_default() -> None:
    tree = files(license_text=None, license_files=_DROP)
    tree["license.txt"] = MIT
    finding = compute("LIC202", tree)
    assert finding.status == "failed"
    assert "case-sensitive" in finding.message


def test_license_file_not_in_license_files() -> None:
    tree = files(license_text=None, license_files=["LICENSE"])
    tree["COPYING"] = MIT
    finding = compute("LIC202", tree)
    assert finding.status == "failed"
    assert "does not include it" in finding.message


def test_not_osi_approved() -> None:
    finding = compute("LIC203", files(license="CC-BY-NC-4.0"))
    assert finding.status == "failed"
    assert "`CC-BY-NC-4.0` is not OSI-approved" in finding.message
    assert finding.needs_author


def test_osi_alternative_is_enough() -> None:
    assert compute("LIC203", files(license="MIT OR CC-BY-NC-4.0")).status == "passed"


def test_classifier_next_to_expression() -> None:
    finding = compute("LIC204", files(classifiers=["License :: OSI Approved :: MIT License"]))
    assert finding.status == "failed"
    assert "PEP 639" in finding.message
    assert finding.fixable


def test_ambiguous_classifier_without_expression_needs_the_author() -> None:
    # a BSD classifier next to an MIT text: sciship does not choose between them
    finding = compute("LIC200", files(license=_DROP, classifiers=["License :: OSI Approved :: BSD License"]))
    assert finding.status == "failed"
    assert finding.needs_author
    assert "It is `" not in finding.message


GPL3 = (LICENSES_DIR / "GPL-3.0-only.txt").read_text()
GPL_V3 = "License :: OSI Approved :: GNU General Public License v3 (GPLv3)"
LATER_HEADER = (
    "# This program is free software: you can redistribute it and/or modify it under the terms of the GNU\n"
    "# General Public License as published by the Free Software Foundation, either version 3 of the\n"
    "# License, or (at your option) any later version.\n"
)
ONLY_HEADER = (
    "# This program is free software: you can redistribute it and/or modify it under the terms of the GNU\n"
    "# General Public License version 3 as published by the Free Software Foundation.\n"
)


def test_gplv3_classifier_is_never_turned_into_an_id_the_author_did_not_write() -> None:
    # martini and bibat: a GPLv3 classifier and the GPL text, no source headers: -only or -or-later?
    tree = files(license_text=GPL3, license=_DROP, classifiers=[GPL_V3])
    finding = compute("LIC200", tree)
    assert finding.status == "failed"
    assert finding.needs_author
    assert "`GPL-3.0-only` or `GPL-3.0-or-later`" in finding.message
    assert "Only you can choose" in finding.message
    assert not finding.fixable


@pytest.mark.parametrize(
    ("header", "spdx"), [(LATER_HEADER, "GPL-3.0-or-later"), (ONLY_HEADER, "GPL-3.0-only")]
)
def test_gplv3_classifier_read_with_the_source_headers(header: str, spdx: str) -> None:
    tree = {**files(license_text=GPL3, license=_DROP, classifiers=[GPL_V3])}
    tree["src/example_pkg/__init__.py"] = header + '"""An example."""\n'
    finding = compute("LIC200", tree)
    assert finding.status == "failed"
    assert f'license = "{spdx}"' in finding.message
    assert not finding.needs_author


def test_modified_license_text_is_not_a_standard_license() -> None:
    # pyrolite: the CSIRO variation of BSD, declared as license = { file = "LICENSE" }
    bsd = (LICENSES_DIR / "BSD-3-Clause.txt").read_text().replace("{{ year }} {{ holder }}", "2018 CSIRO")
    changed = bsd.replace(
        "3. Neither",
        "As a condition of this licence, you agree that where you make any adaptations, modifications or "
        "further developments available to CSIRO you do so on the terms of this template.\n\n3. Neither",
    )
    finding = compute("LIC200", files(license_text=changed, license={"file": "LICENSE"}))
    assert finding.status == "failed"
    assert "not a standard license" in finding.message
    assert 'It is `BSD-3-Clause`' not in finding.message
    assert finding.needs_author
    declared = compute("LIC205", files(license_text=changed, license="BSD-3-Clause"))
    assert declared.status == "failed"
    assert "not the standard BSD-3-Clause text" in declared.message
    assert compute("LIC205", files(license_text=bsd, license="BSD-3-Clause")).status == "passed"


def test_poetry_license_is_an_expression() -> None:
    tree = {
        "pyproject.toml": '[build-system]\nrequires = ["poetry-core"]\n'
        'build-backend = "poetry.core.masonry.api"\n\n'
        '[tool.poetry]\nname = "example-pkg"\nversion = "0.1.0"\nlicense = "MIT"\n',
        "LICENSE": MIT,
        "example_pkg/__init__.py": "",
    }
    assert compute("LIC200", tree).status == "passed"
    assert compute("LIC206", tree).status == "passed"


BACKENDS = {
    "hatchling": ('["hatchling"]', "hatchling.build"),
    "setuptools": ('["setuptools>=77"]', "setuptools.build_meta"),
    "flit": ('["flit_core>=3.12"]', "flit_core.buildapi"),
    "pdm": ('["pdm-backend"]', "pdm.backend"),
    "poetry": ('["poetry-core>=2"]', "poetry.core.masonry.api"),
    "uv": ('["uv_build"]', "uv_build"),
}


def on_backend(name: str, **changes: Any) -> dict[str, str]:
    requires, api = BACKENDS[name]
    tree = files(**changes)
    tree["pyproject.toml"] = (
        tree["pyproject.toml"].replace('["hatchling"]', requires).replace('"hatchling.build"', f'"{api}"')
    )
    return tree


#: (declaration, backends that refuse to build it), measured by building a one-module package with each
REFUSALS = [
    ({"license": "MIT License"}, {"hatchling", "setuptools", "flit", "uv"}),
    ({"license": "GPL-3.0"}, {"flit", "uv"}),
    ({"classifiers": ["License :: OSI Approved :: MIT License"]}, {"setuptools", "flit", "pdm"}),
]


@pytest.mark.parametrize(("changes", "refusing"), REFUSALS)
@pytest.mark.parametrize("name", sorted(BACKENDS))
def test_blocker_only_where_the_backend_refuses(
    name: str, changes: dict[str, Any], refusing: set[str]
) -> None:
    tree = on_backend(name, **changes)
    blocker = compute("LIC201", tree)
    assert (blocker.status == "failed") is (name in refusing)
    important = [compute(code, tree) for code in ("LIC200", "LIC204")]
    failed_important = [f for f in important if f.status == "failed"]
    # the same problem is reported exactly once: as a blocker where the backend refuses, else as important
    assert len(failed_important) == (0 if name in refusing else 1)
    if name in refusing:
        assert "refuses" in blocker.message


def test_license_text_matches() -> None:
    assert compute("LIC205", files()).status == "passed"


def test_license_text_is_another_license() -> None:
    finding = compute("LIC205", files(license_text=APACHE))
    assert finding.status == "failed"
    assert "looks like `Apache-2.0`" in finding.message


def test_license_text_with_placeholders() -> None:
    finding = compute("LIC205", files(license_text=MIT.replace("2024 Ada Lovelace", "[year] [fullname]")))
    assert finding.status == "failed"
    assert finding.line == 3
    assert "`[year]`" in finding.message


def test_license_text_of_unknown_license_is_skipped() -> None:
    assert compute("LIC205", files(license="Zlib", license_text="zlib text")).status == "skipped"


def test_identify_ignores_line_breaks_and_case() -> None:
    assert identify(MIT.upper().replace(" ", "\n")) == ["MIT"]
    assert set(identify((LICENSES_DIR / "GPL-3.0-only.txt").read_text())) == {
        "GPL-3.0-only",
        "GPL-3.0-or-later",
    }


def test_license_ids() -> None:
    assert license_ids("(MIT OR Apache-2.0) AND GPL-2.0-or-later WITH Classpath-exception-2.0") == [
        "MIT",
        "Apache-2.0",
        "GPL-2.0-or-later",
    ]


# ---------------------------------------------------------------------- fixers
COMMENTED = """\
[project]  # metadata
name = "example-pkg"
version = "0.1.0"
license = "MIT"  # chosen by the lab
authors = [{ name = "Ada Lovelace", email = "ada@example.org" }]
"""


def test_fix_writes_license_from_declared_id(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": COMMENTED})
    assert status(tmp_path, "LIC202") == "failed"
    fix(tmp_path, "LIC202")
    text = (tmp_path / "LICENSE").read_text()
    assert f"Copyright (c) {dt.date.today().year} Ada Lovelace" in text
    assert text.endswith("SOFTWARE.\n")
    toml = (tmp_path / "pyproject.toml").read_text()
    assert 'license-files = ["LICENSE"]' in toml
    assert "# chosen by the lab" in toml
    assert status(tmp_path, "LIC202") == "passed"
    assert status(tmp_path, "LIC205") == "passed"


def test_fix_never_writes_a_license_without_a_holder(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": COMMENTED.replace("authors", "#authors")})
    plan = fix(tmp_path, "LIC202")
    assert not plan.actions
    assert not (tmp_path / "LICENSE").exists()
    assert "copyright holder" in plan.notes[0]


def test_fix_lists_an_existing_license_file(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": COMMENTED + 'license-files = ["LICENSE"]\n', "COPYING": MIT})
    assert status(tmp_path, "LIC202") == "failed"
    fix(tmp_path, "LIC202")
    assert status(tmp_path, "LIC202") == "passed"


def test_fix_replaces_classifier_by_expression(tmp_path: Path) -> None:
    toml = COMMENTED.replace('license = "MIT"  # chosen by the lab\n', "") + (
        'classifiers = [\n  "License :: OSI Approved :: MIT License",  # old style\n'
        '  "Programming Language :: Python :: 3",\n]\n'
    )
    write_tree(tmp_path, {"pyproject.toml": toml, "LICENSE": MIT})
    assert status(tmp_path, "LIC200") == "failed"
    fix(tmp_path, "LIC200")
    data = tomlkit.parse((tmp_path / "pyproject.toml").read_text())["project"]
    assert data["license"] == "MIT"  # type: ignore[index]
    assert data["classifiers"] == ["Programming Language :: Python :: 3"]  # type: ignore[index]
    assert "# metadata" in (tmp_path / "pyproject.toml").read_text()
    assert status(tmp_path, "LIC204") == "passed"
    assert status(tmp_path, "LIC200") == "passed"


def test_fix_drops_classifier_next_to_expression(tmp_path: Path) -> None:
    toml = COMMENTED + 'classifiers = ["License :: OSI Approved :: MIT License"]\n'
    write_tree(tmp_path, {"pyproject.toml": toml, "LICENSE": MIT})
    fix(tmp_path, "LIC204")
    text = (tmp_path / "pyproject.toml").read_text()
    assert "License ::" not in text
    assert "# chosen by the lab" in text
    assert status(tmp_path, "LIC204") == "passed"


def test_fix_turns_old_table_into_expression(tmp_path: Path) -> None:
    toml = COMMENTED.replace('license = "MIT"', 'license = { file = "LICENSE" }')
    write_tree(tmp_path, {"pyproject.toml": toml, "LICENSE": MIT})
    assert status(tmp_path, "LIC200") == "failed"
    fix(tmp_path, "LIC200")
    text = (tmp_path / "pyproject.toml").read_text()
    assert 'license = "MIT"' in text
    assert 'license-files = ["LICENSE"]' in text
    assert status(tmp_path, "LIC200") == "passed"


@pytest.mark.parametrize(
    ("expr", "needs_author"), [("GPL-3.0", True), ("LGPL-2.1", True), ("GPL-2.0+", False)]
)
def test_retired_spdx_ids(expr: str, needs_author: bool) -> None:
    finding = compute("LIC200", files(license=expr))  # hatchling builds it: important
    assert finding.status == "failed"
    assert finding.needs_author is needs_author
    assert "-or-later`" in finding.message
    finding = compute("LIC201", on_backend("flit", license=expr))  # flit_core refuses it: blocker
    assert finding.status == "failed"
    assert finding.needs_author is needs_author
    assert "-or-later`" in finding.message


def test_or_later_plus_on_a_current_id_is_fine() -> None:
    assert compute("LIC201", files(license="Apache-2.0+")).status == "passed"


def test_fix_renames_retired_plus_id(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": COMMENTED.replace('"MIT"', '"GPL-2.0+"')})
    assert status(tmp_path, "LIC200") == "failed"
    fix(tmp_path, "LIC200")
    text = (tmp_path / "pyproject.toml").read_text()
    assert 'license = "GPL-2.0-or-later"  # chosen by the lab' in text
    assert status(tmp_path, "LIC200") == "passed"


@pytest.mark.parametrize("spdx", sorted(p.stem for p in LICENSES_DIR.glob("*.txt")))
def test_every_bundled_license_is_written_and_recognised(tmp_path: Path, spdx: str) -> None:
    write_tree(tmp_path, {"pyproject.toml": COMMENTED.replace('"MIT"', f'"{spdx}"')})
    fix(tmp_path, "LIC202")
    text = (tmp_path / "LICENSE").read_text()
    assert "{{" not in text
    assert text.endswith("\n")
    assert status(tmp_path, "LIC205") == "passed"
