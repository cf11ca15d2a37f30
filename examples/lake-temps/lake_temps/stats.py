"""Statistics on temperature profiles (depth in metres, temperature in degrees Celsius)."""

import numpy as np


def thermocline_depth(depths, temps):
    """Depth of the steepest temperature drop between two measurements.

    Parameters
    ----------
    depths : sequence of float
        Measurement depths in metres, increasing.
    temps : sequence of float
        Temperatures at those depths.

    Returns
    -------
    float
        The midpoint depth of the steepest gradient.
    """
    d = np.asarray(depths, dtype=float)
    t = np.asarray(temps, dtype=float)
    gradient = np.diff(t) / np.diff(d)
    i = int(np.argmin(gradient))
    return float((d[i] + d[i + 1]) / 2)


def mixed_layer_temperature(depths, temps, threshold=0.5):
    """Mean temperature of the surface layer that is within ``threshold`` degrees of the top reading."""
    t = np.asarray(temps, dtype=float)
    surface = t[0]
    mixed = t[np.abs(t - surface) <= threshold]
    return float(mixed.mean())
