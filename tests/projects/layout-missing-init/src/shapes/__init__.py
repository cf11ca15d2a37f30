"""Areas of plane shapes."""


def square(side: float) -> float:
    return side * side
