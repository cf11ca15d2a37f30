"""Small helpers shared by the analysis scripts."""
import numpy as np

KELVIN = 273.15
WINDOW = 3  # months in the rolling mean


def smooth(values, window=WINDOW):
    """Rolling mean with a flat window (edges are shorter)."""
    values = np.asarray(values, dtype=float)
    kernel = np.ones(window) / window
    return np.convolve(values, kernel, mode="same")


def to_kelvin(celsius):
    return np.asarray(celsius) + KELVIN
