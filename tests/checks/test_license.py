"""License checks (LIC200-LIC205) and their fixers."""

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
    finding = compute("LIC200", files(license=_DROP, license_files=_DROP))
    assert finding.status == "failed"
    assert finding.needs_author
    assert not finding.fixable
    assert "will not pick" in finding.message


def test_old_table_form_is_named() -> None:
    finding = compute("LIC200", files(license={"text": "MIT"}))
    assert finding.status == "failed"
    assert "old form" in finding.message
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
    finding = compute("LIC201", files(license=expr))
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
    finding = compute("LIC204", files(license=_DROP, classifiers=["License :: OSI Approved :: BSD License"]))
    assert finding.needs_author


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
    assert status(tmp_path, "LIC204") == "failed"
    fix(tmp_path, "LIC204")
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
    finding = compute("LIC201", files(license=expr))
    assert finding.status == "failed"
    assert finding.needs_author is needs_author
    assert "-or-later`" in finding.message


def test_or_later_plus_on_a_current_id_is_fine() -> None:
    assert compute("LIC201", files(license="Apache-2.0+")).status == "passed"


def test_fix_renames_retired_plus_id(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": COMMENTED.replace('"MIT"', '"GPL-2.0+"')})
    assert status(tmp_path, "LIC201") == "failed"
    fix(tmp_path, "LIC201")
    text = (tmp_path / "pyproject.toml").read_text()
    assert 'license = "GPL-2.0-or-later"  # chosen by the lab' in text
    assert status(tmp_path, "LIC201") == "passed"


@pytest.mark.parametrize("spdx", sorted(p.stem for p in LICENSES_DIR.glob("*.txt")))
def test_every_bundled_license_is_written_and_recognised(tmp_path: Path, spdx: str) -> None:
    write_tree(tmp_path, {"pyproject.toml": COMMENTED.replace('"MIT"', f'"{spdx}"')})
    fix(tmp_path, "LIC202")
    text = (tmp_path / "LICENSE").read_text()
    assert "{{" not in text
    assert text.endswith("\n")
    assert status(tmp_path, "LIC205") == "passed"
