"""Identity names: popular imports whose distribution has the same name are verified, not guessed.

In a clean environment (nothing installed) an undeclared ``import pandas`` must be a blocker
(``missing``), not a soft ``unverified``: it is the most common real mistake.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest
from depskit import pyproject, verdicts

from sciship.checks import run_checks
from sciship.imports import resolve
from sciship.imports.names import canonicalize_name
from sciship.imports.resolve import curated, distribution_for, identity
from sciship.project import Project


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolve as on a machine where none of the project's packages is installed."""
    monkeypatch.setattr(resolve, "environment", dict)


def _raw_identity() -> object:
    text = resources.files("sciship.imports").joinpath("data/identity.json").read_text(encoding="utf-8")
    return json.loads(text)


# ---------------------------------------------------------------------- the data file
def test_identity_file_is_a_sorted_list_of_import_names() -> None:
    data = _raw_identity()
    assert isinstance(data, list)
    assert data == sorted(set(data))
    assert all(isinstance(n, str) and n.isidentifier() for n in data)


def test_identity_covers_the_popular_and_scientific_stack() -> None:
    names = identity()
    assert len(names) >= 500
    stack = {"numpy", "scipy", "pandas", "matplotlib", "xarray", "dask", "sympy", "astropy", "networkx"}
    assert stack | {"h5py", "netCDF4", "zarr", "seaborn", "statsmodels", "requests"} <= names


def test_identity_names_are_not_in_the_map() -> None:
    """A name some other distribution provides belongs in the map, which decides alone."""
    assert not identity() & set(curated())


# ---------------------------------------------------------------------- resolution
@pytest.mark.parametrize(
    ("name", "dist"),
    [
        ("pandas", "pandas"),
        ("pandas.core.frame", "pandas"),
        ("xarray", "xarray"),
        ("netCDF4", "netcdf4"),
        ("typing_extensions", "typing-extensions"),
    ],
)
def test_identity_names_resolve_as_curated(name: str, dist: str) -> None:
    res = distribution_for(name)
    assert res.source == "curated"
    assert res.distribution == dist == canonicalize_name(res.import_name)
    assert not res.ambiguous


def test_the_map_still_wins_for_names_that_differ() -> None:
    assert distribution_for("yaml").distribution == "pyyaml"
    assert distribution_for("sklearn").distribution == "scikit-learn"


def test_unknown_names_are_still_guesses() -> None:
    assert distribution_for("rain_gauge_tools_xyz").source == "guess"


# ---------------------------------------------------------------------- verdicts and checks
CODE = {
    "pyproject.toml": pyproject(["numpy"]),
    "src/rain/__init__.py": "",
    "src/rain/core.py": "import numpy as np\nimport pandas as pd\nfrom xarray import Dataset\n",
}


def test_undeclared_identity_imports_are_missing() -> None:
    v = verdicts(CODE)
    assert v["numpy"].status == "ok"
    assert v["pandas"].status == "missing"
    assert v["xarray"].status == "missing"


def test_undeclared_pandas_is_a_blocker() -> None:
    findings = run_checks(Project.from_files(CODE), select=["DEP900", "DEP905"], debug=True)
    status = {f.code: f for f in findings}
    assert status["DEP900"].status == "failed"
    assert "pandas" in status["DEP900"].message
    assert "xarray" in status["DEP900"].message
    assert status["DEP905"].status != "failed"


def test_declared_identity_imports_are_ok() -> None:
    v = verdicts({**CODE, "pyproject.toml": pyproject(["numpy", "pandas", "xarray>=2023"])})
    assert {v[n].status for n in ("numpy", "pandas", "xarray")} == {"ok"}


def test_guarded_identity_import_is_optional_not_missing() -> None:
    code = "try:\n    import astropy\nexcept ImportError:\n    astropy = None\n"
    v = verdicts({**CODE, "src/rain/extra.py": code})
    assert v["astropy"].status == "optional"


def test_a_declared_build_variant_provides_the_identity_name() -> None:
    assert distribution_for("xgboost", declared={"xgboost-cpu"}).distribution == "xgboost-cpu"
    assert distribution_for("xgboost", declared={"xgboost", "xgboost-cpu"}).distribution == "xgboost"
    assert distribution_for("xgboost", declared={"xgboost-extras"}).distribution == "xgboost"


def test_a_declared_build_variant_is_not_reported_missing() -> None:
    files = {**CODE, "pyproject.toml": pyproject(["numpy", "pandas", "xarray", "xgboost-cpu"])}
    v = verdicts({**files, "src/rain/fit.py": "import xgboost\n"})
    assert v["xgboost-cpu"].status == "ok"
    assert "xgboost" not in v
