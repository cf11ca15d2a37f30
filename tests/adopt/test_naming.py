from __future__ import annotations

import pytest

from sciship.adopt import naming


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01 load data", "load_data"),
        ("02_trend-analysis", "trend_analysis"),
        ("Fig 3 (final)", "fig_3_final"),
        ("123", "module"),
        ("class", "class_"),
        ("match", "match_"),
        ("Ünïcode", "n_code"),
    ],
)
def test_identifier(text: str, expected: str) -> None:
    assert naming.identifier(text) == expected


def test_unique_and_commands() -> None:
    assert naming.unique("utils", {"utils", "utils_2"}) == "utils_3"
    assert naming.distribution_name("My Research_Code") == "my-research-code"
    assert naming.command_name("lake-temps", "load_data") == "lake-temps-load-data"
