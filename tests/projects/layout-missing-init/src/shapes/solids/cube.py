"""Volumes of solids."""


def cube(side: float) -> float:
    return side**3
