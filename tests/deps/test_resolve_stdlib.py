"""Import name -> distribution, and the standard library across Python versions."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sciship.imports.resolve import distribution_for
from sciship.imports.stdlib import added_in, is_stdlib, is_stdlib_any, removed_in


@pytest.mark.parametrize(
    ("name", "dist"),
    [
        ("yaml", "pyyaml"),
        ("sklearn", "scikit-learn"),
        ("sklearn.linear_model", "scikit-learn"),
        ("PIL", "pillow"),
        ("PIL.Image", "pillow"),
        ("skimage", "scikit-image"),
        ("bs4", "beautifulsoup4"),
        ("osgeo", "gdal"),
        ("osgeo.gdal", "gdal"),
        ("ruamel.yaml", "ruamel-yaml"),
        ("google.cloud.storage", "google-cloud-storage"),
        ("google.cloud.storage.blob", "google-cloud-storage"),
        ("dateutil", "python-dateutil"),
        ("attr", "attrs"),
    ],
)
def test_tricky_names(name: str, dist: str) -> None:
    res = distribution_for(name)
    assert not res.ambiguous
    assert res.distribution == dist
    assert res.source in {"environment", "curated"}


def test_cv2_is_ambiguous_and_lists_candidates() -> None:
    res = distribution_for("cv2")
    assert res.ambiguous
    assert {"opencv-python", "opencv-python-headless"} <= set(res.candidates)


def test_a_declared_candidate_settles_the_ambiguity() -> None:
    res = distribution_for("cv2", declared={"opencv-python-headless", "numpy"})
    assert not res.ambiguous
    assert res.distribution == "opencv-python-headless"


def test_installed_packages_come_from_the_environment() -> None:
    res = distribution_for("packaging.version")
    assert res.source == "environment"
    assert res.distribution == "packaging"
    assert res.import_name == "packaging"


def test_unknown_names_are_guesses() -> None:
    res = distribution_for("surely_not_a_real_pkg_xyz.sub")
    assert res.source == "guess"
    assert res.distribution == "surely-not-a-real-pkg-xyz"


# ---------------------------------------------------------------------- standard library
def test_stdlib_data_covers_3_8_to_3_14() -> None:
    raw = resources.files("sciship.imports").joinpath("data/stdlib.json").read_text(encoding="utf-8")
    versions = json.loads(raw)["versions"]
    assert list(versions) == ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"]
    assert all(len(names) > 250 for names in versions.values())


@pytest.mark.parametrize(
    ("name", "python", "expected"),
    [
        ("os.path", (3, 10), True),
        ("tomllib", (3, 10), False),
        ("tomllib", (3, 11), True),
        ("distutils", (3, 11), True),
        ("distutils", (3, 12), False),
        ("imp", (3, 12), False),
        ("asynchat", (3, 11), True),
        ("asynchat", (3, 12), False),
        ("cgi", (3, 12), True),
        ("cgi", (3, 13), False),
        ("zoneinfo", (3, 8), False),
        ("zoneinfo", (3, 9), True),
        ("annotationlib", (3, 14), True),
        ("numpy", (3, 12), False),
        ("msvcrt", (3, 8), True),
    ],
)
def test_is_stdlib_per_version(name: str, python: tuple[int, int], expected: bool) -> None:
    assert is_stdlib(name, python) is expected


def test_added_and_removed() -> None:
    assert added_in("tomllib") == (3, 11)
    assert added_in("graphlib") == (3, 9)
    assert added_in("os") is None
    assert removed_in("distutils") == (3, 12)
    assert removed_in("cgi") == (3, 13)
    assert removed_in("json") is None


def test_stdlib_for_a_range_of_versions() -> None:
    assert is_stdlib_any("tomllib", since=(3, 9))  # behind a version check on 3.9/3.10
    assert is_stdlib_any("imp", since=(3, 10))
    assert not is_stdlib_any("imp", since=(3, 12))
