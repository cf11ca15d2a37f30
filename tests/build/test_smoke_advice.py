"""The smoke test's advice for an import that failed in the fresh environment never invents a name."""

from __future__ import annotations

from sciship.release._smoke import missing_advice


def test_a_known_package_is_named() -> None:
    text = missing_advice("yaml", ["rain", "rain.io"], ["src/rain/io.py"])
    assert "add `pyyaml` to [project.dependencies]" in text


def test_an_unknown_name_is_never_turned_into_a_distribution() -> None:
    text = missing_advice(
        "fig_3_helper_defs", ["rain", "rain.fig_6_helper_defs"], ["src/rain/fig_6_helper_defs.py"]
    )
    assert "fig-3-helper-defs" not in text
    assert "add `fig_3_helper_defs`" not in text
    assert "Did you mean `fig_6_helper_defs`?" in text
    assert "cannot match to a package on PyPI" in text


def test_an_ambiguous_import_is_not_guessed() -> None:
    text = missing_advice("cv2", ["rain"], [])
    assert "add `opencv" not in text
