from shapes import square
from shapes.solids.cube import cube


def test_square() -> None:
    assert square(2) == 4


def test_cube() -> None:
    assert cube(2) == 8
