"""Name checks for `sciship new`: distribution and import names, stdlib clashes, popular names."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sciship._errors import InputError
from sciship.new.create import check_name, popular_names


@pytest.mark.parametrize(
    ("raw", "name", "import_name"),
    [
        pytest.param("rainfall-tools", "rainfall-tools", "rainfall_tools", id="dash"),
        pytest.param("Rainfall_Tools", "rainfall-tools", "rainfall_tools", id="normalised"),
        pytest.param("geo.utils2", "geo-utils2", "geo_utils2", id="dot"),
        pytest.param("x", "x", "x", id="one-letter"),
        pytest.param("  spaced  ", "spaced", "spaced", id="stripped"),
    ],
)
def test_valid_names(raw: str, name: str, import_name: str) -> None:
    checked = check_name(raw)
    assert (checked.name, checked.import_name) == (name, import_name)


def test_normalised_name_is_mentioned() -> None:
    assert any("normalised" in w for w in check_name("Rainfall_Tools").warnings)
    assert check_name("rainfall-tools").warnings == ()


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        pytest.param("my package", "contains ' '", id="space"),
        pytest.param("café", "contains 'é'", id="non-ascii"),
        pytest.param("-lead", "start and end", id="leading-dash"),
        pytest.param("trail.", "start and end", id="trailing-dot"),
        pytest.param("", "empty", id="empty"),
        pytest.param("3d-tools", "cannot start with a digit", id="digit-first"),
        pytest.param("class", "keyword", id="keyword"),
        pytest.param("match", "keyword", id="soft-keyword"),
        pytest.param("json", "standard library", id="stdlib"),
        pytest.param("Statistics", "standard library", id="stdlib-normalised"),
        pytest.param("tomllib", "standard library", id="stdlib-newer-python"),
        pytest.param("distutils", "standard library", id="stdlib-removed-later"),
    ],
)
def test_invalid_names(raw: str, words: str) -> None:
    with pytest.raises(InputError) as info:
        check_name(raw)
    assert words in info.value.message
    assert info.value.hint


def test_invalid_name_suggests_a_fix() -> None:
    with pytest.raises(InputError) as info:
        check_name("My Great Package!")
    assert info.value.hint is not None
    assert "my-great-package" in info.value.hint


@pytest.mark.parametrize("raw", ["requests", "NumPy", "scikit_learn", "pyyaml"])
def test_popular_names_warn_but_pass(raw: str) -> None:
    checked = check_name(raw)
    assert any("most installed" in w for w in checked.warnings)


def test_popular_import_name_warns() -> None:
    # `sklearn` is what scikit-learn installs; the warning names the real package
    checked = check_name("sklearn")
    assert any("scikit-learn" in w or "sklearn" in w for w in checked.warnings)


def test_unusual_name_has_no_warning() -> None:
    assert check_name("rainfall-tools").warnings == ()


def test_popular_list_is_a_plain_sorted_list_of_normalised_names() -> None:
    raw = resources.files("sciship").joinpath("data/popular_names.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert isinstance(data, list)
    assert 300 <= len(data) <= 600
    assert data == sorted(set(data))
    assert all(n == n.lower() and "_" not in n for n in data)
    assert {"numpy", "scipy", "pandas", "matplotlib", "xarray", "requests"} <= popular_names()
